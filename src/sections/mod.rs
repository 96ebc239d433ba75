//! Resume sections: finds headings ("Skills", "Work Experience", "## Projects", "EDUCATION:")
//! and labels every line with the section it sits in.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// A usual resume section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Summary, profile, objective, about.
    Summary,
    /// Skills, technical skills, tools, technologies.
    Skills,
    /// Experience, work history, employment.
    Experience,
    /// Projects.
    Projects,
    /// Education.
    Education,
    /// Certifications, licences, courses.
    Certifications,
    /// Publications, papers.
    Publications,
    /// Interests, hobbies.
    Interests,
    /// Another recognised heading (awards, volunteering, references, languages spoken...).
    Other,
}

impl Section {
    /// The kebab-case name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Skills => "skills",
            Section::Experience => "experience",
            Section::Projects => "projects",
            Section::Education => "education",
            Section::Certifications => "certifications",
            Section::Publications => "publications",
            Section::Interests => "interests",
            Section::Other => "other",
        }
    }

    /// Parses a name as produced by [`Section::as_str`].
    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Every section, in the order of the enum.
    const ALL: [Section; 9] = [
        Section::Summary,
        Section::Skills,
        Section::Experience,
        Section::Projects,
        Section::Education,
        Section::Certifications,
        Section::Publications,
        Section::Interests,
        Section::Other,
    ];
}

/// The heading table: `headings.tsv`, one `section<TAB>heading` per line (see its header).
const HEADINGS: &str = include_str!("headings.tsv");

/// The headings of [`HEADINGS`], folded as [`fold_heading`] folds a line, with their
/// sections; built on first use.
fn headings() -> &'static HashMap<String, Section> {
    static TABLE: OnceLock<HashMap<String, Section>> = OnceLock::new();
    TABLE.get_or_init(|| {
        heading_rows()
            .map(|(section, heading)| (fold_heading(heading), section))
            .collect()
    })
}

/// The rows of [`HEADINGS`] as written: (section, heading). Comment lines (`#`) are left out;
/// a row whose section is not a [`Section`] name is a bug caught by the tests.
fn heading_rows() -> impl Iterator<Item = (Section, &'static str)> {
    HEADINGS
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter_map(|line| {
            let (section, heading) = line.split_once('\t')?;
            Some((Section::from_name(section)?, heading))
        })
}

/// Labels (the text before a colon) that make a line a list of skills even outside a
/// Skills section ("Languages: Go, R, C", "Tech stack: ...", "Tools: ..."): a label counts
/// when one of its words starts with one of these stems (equals it, for stems of three
/// letters or fewer).
const SKILL_LABEL_STEMS: &[&str] = &[
    "skill",
    "language",
    "tool",
    "technolog",
    "tech",
    "stack",
    "framework",
    "librar",
    "database",
    "platform",
    "frontend",
    "backend",
    "front",
    "back",
    "cloud",
    "devops",
    "software",
    "proficien",
    "familiar",
    "expertise",
    "competenc",
    "environment",
    "programming",
    "infrastructure",
    "data",
    "ml",
    "web",
    "mobile",
    "testing",
    "os",
    "ide",
];

/// Folds a heading candidate: strips Markdown `#`, emphasis and a trailing colon, collapses
/// letter-spacing ("S K I L L S"), lowercases, writes `&` as "and" and a typographic
/// apostrophe as `'`, and removes accents ("Educación" and "Educacion" fold alike).
fn fold_heading(line: &str) -> String {
    let trimmed = line
        .trim()
        .trim_start_matches('#')
        .trim_matches(|c: char| c == '*' || c == '_' || c == '=' || c == '-' || c.is_whitespace())
        .trim_end_matches(':')
        .trim();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let spaced = words.len() > 2 && words.iter().all(|w| w.chars().count() == 1);
    let joined = if spaced {
        words.concat()
    } else {
        words.join(" ")
    };
    let lower = joined
        .to_lowercase()
        .replace(" & ", " and ")
        .replace('&', " and ")
        .replace("  ", " ");
    if lower.is_ascii() {
        return lower;
    }
    lower
        .replace('\u{2019}', "'")
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect()
}

/// The section a line starts when it is a heading on its own ("Skills", "## Experience",
/// "WORK HISTORY:"), else `None`.
pub(crate) fn heading(line: &str) -> Option<Section> {
    if line.len() > 60 {
        return None;
    }
    headings().get(&fold_heading(line)).copied()
}

/// True when the line starts with a label naming a kind of skill followed by a colon
/// ("Languages: Go, R", "Tech stack: ...").
pub(crate) fn has_skill_label(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    if rest.trim().is_empty() || label.split_whitespace().count() > 4 {
        return false;
    }
    if heading(label) == Some(Section::Skills) {
        return true;
    }
    let label = label.to_lowercase();
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            SKILL_LABEL_STEMS.iter().any(|s| {
                if s.len() <= 3 {
                    w == *s
                } else {
                    w.starts_with(s)
                }
            })
        })
}

/// The section of every line: the last heading above it (or its own label, for
/// "Skills: ..." lines), `None` before the first heading. `hints` gives a section forced by
/// the source format for some lines.
pub(crate) fn label_lines<'a>(
    lines: impl Iterator<Item = (&'a str, Option<&'static str>)>,
) -> Vec<Option<Section>> {
    let mut current = None;
    // The Markdown level (`#` count) of the heading that opened the current section; 0 when
    // it had no `#`.
    let mut level = 0;
    let mut out = Vec::new();
    for (text, hint) in lines {
        if let Some(h) = hint.and_then(Section::from_name) {
            out.push(Some(h));
            continue;
        }
        if let Some(s) = heading(text) {
            let this_level = markdown_level(text);
            // A sub-heading inside Skills ("Languages:", "Tools", "### Languages") stays in
            // Skills; a Markdown heading at the Skills heading's own level or above ("##
            // Languages" after "## Skills") starts a section of its own.
            let sub_heading = current == Some(Section::Skills)
                && s == Section::Other
                && !(this_level > 0 && this_level <= level);
            if !sub_heading {
                current = Some(s);
                level = this_level;
            }
            out.push(current);
            continue;
        }
        if let Some((label, rest)) = text.split_once(':')
            && !rest.trim().is_empty()
            && let Some(s) = heading(label)
        {
            // A label line inside Skills ("Languages: Go, R") stays in Skills, as a
            // sub-heading does.
            let inside_skills = current == Some(Section::Skills) && s == Section::Other;
            out.push(Some(if inside_skills { Section::Skills } else { s }));
            continue;
        }
        out.push(current);
    }
    out
}

/// The level of a Markdown ATX heading ("## Skills" is 2), 0 for any other line.
fn markdown_level(line: &str) -> usize {
    let trimmed = line.trim_start();
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    let marked = hashes > 0 && trimmed[hashes..].starts_with([' ', '\t']);
    if marked { hashes } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_table() {
        let cases = [
            ("Skills", Some(Section::Skills)),
            ("TECHNICAL SKILLS:", Some(Section::Skills)),
            ("## Work Experience", Some(Section::Experience)),
            ("**Projects**", Some(Section::Projects)),
            ("S K I L L S", Some(Section::Skills)),
            ("Licenses & Certifications", Some(Section::Certifications)),
            ("Hobbies and Interests", Some(Section::Interests)),
            ("Education", Some(Section::Education)),
            ("Profile", Some(Section::Summary)),
            ("Publications", Some(Section::Publications)),
            ("专业技能", Some(Section::Skills)),
            ("工作经历", Some(Section::Experience)),
            ("Berufserfahrung", Some(Section::Experience)),
            ("KENNTNISSE", Some(Section::Skills)),
            ("Ausbildung:", Some(Section::Education)),
            ("Fähigkeiten", Some(Section::Skills)),
            ("Faehigkeiten", None),
            ("Experiencia", Some(Section::Experience)),
            ("## Habilidades", Some(Section::Skills)),
            ("Educación", Some(Section::Education)),
            ("EDUCACION", Some(Section::Education)),
            ("Expérience professionnelle", Some(Section::Experience)),
            ("Compétences techniques", Some(Section::Skills)),
            ("Centres d\u{2019}intérêt", Some(Section::Interests)),
            ("Formation", Some(Section::Education)),
            ("Langues", Some(Section::Other)),
            ("Built a skills matrix for the team", None),
            ("Python, SQL", None),
        ];
        for (line, want) in cases {
            assert_eq!(heading(line), want, "line {line:?}");
        }
    }

    #[test]
    fn skill_labels() {
        assert!(has_skill_label("Languages: Go, R, C"));
        assert!(has_skill_label("Tech stack: React, Node.js"));
        assert!(has_skill_label("Front end: HTML5/CSS3/JavaScript"));
        assert!(has_skill_label("Skills: Python"));
        assert!(!has_skill_label(
            "Final grade: C (pass) in organic chemistry."
        ));
        assert!(!has_skill_label("Spring 2022 semester: teaching assistant"));
        assert!(!has_skill_label("Languages:"));
    }

    #[test]
    fn lines_take_the_last_heading() {
        let lines = [
            "Jane Doe",
            "Skills",
            "Languages:",
            "Python",
            "Languages: Go, Rust",
            "Experience",
            "Languages: English, German",
            "Skills: Go",
            "Built things",
        ];
        let got = label_lines(lines.iter().map(|l| (*l, None)));
        assert_eq!(
            got,
            vec![
                None,
                Some(Section::Skills),
                Some(Section::Skills),
                Some(Section::Skills),
                Some(Section::Skills),
                Some(Section::Experience),
                Some(Section::Other),
                Some(Section::Skills),
                Some(Section::Experience)
            ]
        );
    }

    #[test]
    fn a_markdown_heading_at_the_skills_level_ends_skills() {
        let lines = [
            "## Skills",
            "Python",
            "### Languages",
            "Go",
            "## Languages",
            "Spanish (native)",
            "## Other",
            "Volunteer at the Oracle Foundation",
            "Skills",
            "Languages",
            "Rust",
        ];
        let got = label_lines(lines.iter().map(|l| (*l, None)));
        let skills = Some(Section::Skills);
        let other = Some(Section::Other);
        assert_eq!(
            got,
            vec![
                skills, skills, skills, skills, other, other, other, other, skills, skills, skills
            ]
        );
        assert_eq!(
            [
                markdown_level("## Skills"),
                markdown_level("#hashtag"),
                markdown_level("Skills")
            ],
            [2, 0, 0]
        );
    }

    /// The heading table is tidy: every row is `section<TAB>heading` with a known section,
    /// the heading is written as it folds (lowercase, single spaces, no `&`; accents may
    /// stay), and no two rows fold alike.
    #[test]
    fn the_heading_table_is_tidy() {
        let mut seen = HashMap::new();
        for line in HEADINGS.lines().filter(|l| !l.starts_with('#')) {
            let (section, heading) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("no tab in {line:?}"));
            assert!(Section::from_name(section).is_some(), "section in {line:?}");
            assert_eq!(heading, heading.trim(), "spaces around {line:?}");
            assert!(
                !heading.contains("  ") && !heading.contains('&'),
                "{line:?}"
            );
            assert_eq!(heading, heading.to_lowercase(), "case of {line:?}");
            let folded = fold_heading(heading);
            if let Some(before) = seen.insert(folded.clone(), line) {
                panic!("{line:?} folds to {folded:?} like {before:?}");
            }
        }
        assert_eq!(seen.len(), headings().len());
        assert_eq!(seen.len(), heading_rows().count());
    }
}
