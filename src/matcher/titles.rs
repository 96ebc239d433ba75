//! Rule: a practice in a job title is the job's field, not a claim. A part of a line (between
//! separators: `|`, `,`, `—`, `–`, ` - `, `·`, `@`, `(`, " at ", " / ") that is a short title
//! ending in a job noun of `cues/job_title_nouns.txt`, or holding one before "of" ("Robotics
//! Software Engineer", "GIS Analyst | Ada County", "Jane Doe - Associate Professor of Clinical
//! Epidemiology"), names a job; a skill of the category `practice` in it counts only when the
//! resume names it elsewhere. Tools and languages in a title ("Salesforce Administrator",
//! "Python Developer") still count. A part with a function word ("worked as a GIS analyst",
//! "ads in Meta Ads Manager") or a colon ("**Design:** Altium Designer") is no title, nor is
//! one whose job noun is part of a skill's name ("Altium Designer", "Ads Manager").

use super::ByteRange;
use super::cues::JOB_TITLE_NOUNS;

/// Most words of a title ("Senior Clinical Informatics Nurse Specialist").
const MAX_TITLE_WORDS: usize = 7;

/// Marks between the parts of a job line.
const SEPARATORS: [&str; 10] = ["|", ",", "—", "–", " - ", "·", "@", "(", " at ", " / "];

/// Words of sentences, never of titles.
const FUNCTION_WORDS: [&str; 21] = [
    "as", "a", "an", "the", "with", "for", "to", "i", "we", "my", "our", "was", "is", "am", "were",
    "in", "on", "from", "into", "using", "via",
];

/// The parts of `text` that are job titles, as byte ranges (Markdown emphasis, bullets and
/// `#` around a title are allowed); `spans`: the line's skill names, sorted.
pub(super) fn title_parts(text: &str, spans: &[ByteRange]) -> Vec<ByteRange> {
    let mut cuts: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .flat_map(|s| text.match_indices(s).map(|(i, m)| (i, i + m.len())))
        .collect();
    cuts.sort_unstable();
    let mut parts = Vec::new();
    let mut start = 0;
    for (cut_start, cut_end) in cuts.into_iter().chain([(text.len(), text.len())]) {
        if cut_start < start {
            continue;
        }
        let part = &text[start..cut_start];
        let noun_end = part.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        let noun_start = part[..noun_end]
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(0, |i| i + 1);
        let noun_in_skill = super::overlaps(spans, start + noun_start, start + noun_end);
        if is_title(part) && !noun_in_skill && !part.contains(':') {
            parts.push(ByteRange::new(start, cut_start));
        }
        start = cut_end;
    }
    parts
}

/// True when `part` is a short title ending in a job noun or holding one before "of".
fn is_title(part: &str) -> bool {
    let words: Vec<String> = part
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > MAX_TITLE_WORDS {
        return false;
    }
    if words.iter().any(|w| FUNCTION_WORDS.contains(&w.as_str())) {
        return false;
    }
    let is_noun = |w: &str| JOB_TITLE_NOUNS.entries().contains(&w);
    let last = words.last().map(String::as_str).unwrap_or("");
    is_noun(last)
        || words
            .windows(2)
            .any(|pair| pair[1] == "of" && is_noun(&pair[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_parts_table() {
        // (line, its title parts)
        let rows: &[(&str, &[&str])] = &[
            (
                "# Aiko Tanaka - Robotics Software Engineer",
                &["Robotics Software Engineer"],
            ),
            ("GIS Analyst | Ada County | 2019-2024", &["GIS Analyst "]),
            (
                "**Clinical Informatics Nurse (0.5 FTE) / Staff RN**, Carolina",
                &["**Clinical Informatics Nurse "],
            ),
            (
                "Associate Professor of Clinical Epidemiology",
                &["Associate Professor of Clinical Epidemiology"],
            ),
            (
                "Smart-contract developer · Lisbon",
                &["Smart-contract developer "],
            ),
            (
                "Backend & Blockchain Developer",
                &["Backend & Blockchain Developer"],
            ),
            ("Worked as a GIS analyst for the county", &[]),
            ("Built the GIS layer for the county analyst team", &[]),
            ("Skills: GIS, remote sensing", &[]),
            ("- **Design:** Altium Designer (schematic review)", &[]),
            ("- Facebook ads in Meta Ads Manager, 40 million VND", &[]),
        ];
        for &(line, want) in rows {
            let got: Vec<&str> = title_parts(line, &[])
                .iter()
                .map(|r| &line[r.start..r.end])
                .collect();
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn a_practice_named_only_in_a_title_is_no_claim() {
        use super::super::testkit::ids;
        // Machine Learning is a practice: the job's field in a title, a claim elsewhere.
        assert_eq!(
            ids("Jane Doe\nMachine Learning Engineer | Acme | 2020-2024"),
            Vec::<&str>::new()
        );
        assert_eq!(
            ids(
                "Jane Doe\nMachine Learning Engineer | Acme\n- Trained machine learning models in Python"
            ),
            vec!["machine-learning", "python"]
        );
        // Tools and languages in a title still count.
        assert_eq!(
            ids("Jane Doe\nSenior Python Developer | Acme"),
            vec!["python"]
        );
    }
}
