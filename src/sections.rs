//! Resume sections: finds headings ("Skills", "Work Experience", "## Projects", "EDUCATION:")
//! and labels every line with the section it sits in.

use serde::Serialize;

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
        HEADINGS
            .iter()
            .find(|(_, s)| s.as_str() == name)
            .map(|(_, s)| *s)
    }
}

/// Heading phrases (lowercase, single spaces, `&` written as "and") and their sections.
const HEADINGS: &[(&str, Section)] = &[
    ("summary", Section::Summary),
    ("professional summary", Section::Summary),
    ("career summary", Section::Summary),
    ("profile", Section::Summary),
    ("professional profile", Section::Summary),
    ("about", Section::Summary),
    ("about me", Section::Summary),
    ("objective", Section::Summary),
    ("career objective", Section::Summary),
    ("overview", Section::Summary),
    ("skills", Section::Skills),
    ("skill", Section::Skills),
    ("technical skills", Section::Skills),
    ("tech skills", Section::Skills),
    ("core skills", Section::Skills),
    ("key skills", Section::Skills),
    ("relevant skills", Section::Skills),
    ("skills and tools", Section::Skills),
    ("skills and technologies", Section::Skills),
    ("skills and expertise", Section::Skills),
    ("skills and interests", Section::Skills),
    ("skills summary", Section::Skills),
    ("summary of skills", Section::Skills),
    ("tools", Section::Skills),
    ("tools and technologies", Section::Skills),
    ("technologies", Section::Skills),
    ("technology", Section::Skills),
    ("tech stack", Section::Skills),
    ("stack", Section::Skills),
    ("technical proficiencies", Section::Skills),
    ("technical expertise", Section::Skills),
    ("expertise", Section::Skills),
    ("areas of expertise", Section::Skills),
    ("competencies", Section::Skills),
    ("core competencies", Section::Skills),
    ("programming languages", Section::Skills),
    ("languages and tools", Section::Skills),
    ("languages and technologies", Section::Skills),
    ("computer skills", Section::Skills),
    ("it skills", Section::Skills),
    ("toolbox", Section::Skills),
    ("qualifications", Section::Skills),
    ("summary of qualifications", Section::Skills),
    // Job-posting headings: what they list are skills, too.
    ("requirements", Section::Skills),
    ("required skills", Section::Skills),
    ("minimum qualifications", Section::Skills),
    ("basic qualifications", Section::Skills),
    ("preferred qualifications", Section::Skills),
    ("preferred skills", Section::Skills),
    ("desired skills", Section::Skills),
    ("must have", Section::Skills),
    ("must haves", Section::Skills),
    ("nice to have", Section::Skills),
    ("nice to haves", Section::Skills),
    ("bonus points", Section::Skills),
    ("pluses", Section::Skills),
    ("what you'll need", Section::Skills),
    ("what you will need", Section::Skills),
    ("experience", Section::Experience),
    ("work experience", Section::Experience),
    ("professional experience", Section::Experience),
    ("relevant experience", Section::Experience),
    ("industry experience", Section::Experience),
    ("work history", Section::Experience),
    ("employment", Section::Experience),
    ("employment history", Section::Experience),
    ("career history", Section::Experience),
    ("experience and employment", Section::Experience),
    ("projects", Section::Projects),
    ("project", Section::Projects),
    ("personal projects", Section::Projects),
    ("selected projects", Section::Projects),
    ("side projects", Section::Projects),
    ("academic projects", Section::Projects),
    ("key projects", Section::Projects),
    ("open source", Section::Projects),
    ("open source contributions", Section::Projects),
    ("education", Section::Education),
    ("academic background", Section::Education),
    ("education and training", Section::Education),
    ("certifications", Section::Certifications),
    ("certification", Section::Certifications),
    ("certificates", Section::Certifications),
    ("licenses and certifications", Section::Certifications),
    ("certifications and licenses", Section::Certifications),
    ("courses", Section::Certifications),
    ("coursework", Section::Certifications),
    ("training", Section::Certifications),
    ("publications", Section::Publications),
    ("selected publications", Section::Publications),
    ("papers", Section::Publications),
    ("research", Section::Publications),
    ("interests", Section::Interests),
    ("hobbies", Section::Interests),
    ("hobbies and interests", Section::Interests),
    ("interests and hobbies", Section::Interests),
    ("awards", Section::Other),
    ("honors", Section::Other),
    ("honors and awards", Section::Other),
    ("awards and honors", Section::Other),
    ("achievements", Section::Other),
    ("volunteering", Section::Other),
    ("volunteer experience", Section::Other),
    ("leadership", Section::Other),
    ("activities", Section::Other),
    ("references", Section::Other),
    ("languages", Section::Other),
    ("contact", Section::Other),
    // Common headings of Chinese resumes.
    ("技能", Section::Skills),
    ("专业技能", Section::Skills),
    ("技术技能", Section::Skills),
    ("技能特长", Section::Skills),
    ("工作经历", Section::Experience),
    ("工作经验", Section::Experience),
    ("实习经历", Section::Experience),
    ("项目经历", Section::Projects),
    ("项目经验", Section::Projects),
    ("教育背景", Section::Education),
    ("教育经历", Section::Education),
    ("个人简介", Section::Summary),
    ("自我评价", Section::Summary),
    ("证书", Section::Certifications),
    ("荣誉奖项", Section::Other),
    ("获奖情况", Section::Other),
];

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
/// letter-spacing ("S K I L L S"), lowercases, and writes `&` as "and".
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
    joined
        .to_lowercase()
        .replace(" & ", " and ")
        .replace('&', " and ")
        .replace("  ", " ")
}

/// The section a line starts when it is a heading on its own ("Skills", "## Experience",
/// "WORK HISTORY:"), else `None`.
pub(crate) fn heading(line: &str) -> Option<Section> {
    if line.len() > 60 {
        return None;
    }
    let folded = fold_heading(line);
    HEADINGS.iter().find(|(h, _)| *h == folded).map(|(_, s)| *s)
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
    let mut out = Vec::new();
    for (text, hint) in lines {
        if let Some(h) = hint.and_then(Section::from_name) {
            out.push(Some(h));
            continue;
        }
        if let Some(s) = heading(text) {
            // A sub-heading inside Skills ("Languages:", "Tools") stays in Skills.
            if !(current == Some(Section::Skills) && s == Section::Other) {
                current = Some(s);
            }
            out.push(current);
            continue;
        }
        if let Some((label, rest)) = text.split_once(':')
            && !rest.trim().is_empty()
            && heading(label).is_some()
        {
            out.push(heading(label));
            continue;
        }
        out.push(current);
    }
    out
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
            "Experience",
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
                Some(Section::Experience),
                Some(Section::Skills),
                Some(Section::Experience)
            ]
        );
    }
}
