//! Text normalisation shared by every document kind: each line normalised by
//! [`normalize_line`] (NFKC, invisible characters removed, Unicode dashes and quotes mapped to
//! ASCII, control characters dropped), and words broken across lines by a hyphen joined again.

mod line;

pub use line::normalize_line;

use super::Line;

/// Normalises lines (text, page) and joins words broken across lines by a hyphen
/// ("Kuber-" + "netes ..." becomes "Kubernetes" on the first line). A hyphen is taken as a
/// break only when a lowercase letter comes before it and after the line break; a soft
/// hyphen (U+00AD) ending a line is always a break before a lowercase letter.
pub(crate) fn normalize_lines(raw: impl Iterator<Item = (String, Option<u32>)>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    // The previous line ended in a soft hyphen (U+00AD): a typesetter's line-break hyphen,
    // removed by normalisation but still a broken word.
    let mut soft_break = false;
    for (raw_text, page) in raw {
        let mut text = normalize_line(&raw_text);
        if let Some(prev) = lines.last_mut()
            && (soft_break || ends_in_broken_word(&prev.text))
            && text.starts_with(|c: char| c.is_lowercase())
        {
            let split = text.find(' ').unwrap_or(text.len());
            if !soft_break {
                prev.text.pop(); // the hyphen
            }
            prev.text.push_str(&text[..split]);
            text = text[split..].trim_start().to_owned();
        }
        soft_break = raw_text.trim_end().ends_with('\u{AD}');
        lines.push(Line {
            text,
            page,
            section_hint: None,
        });
    }
    lines
}

fn ends_in_broken_word(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(|c| c.is_lowercase())
}

/// True when the text is mostly not readable: among its non-space characters, fewer than
/// half are letters or digits, or more than a fifth are U+FFFD or private-use characters.
/// A decoding failure in a PDF font shows up this way.
pub(crate) fn is_unreadable(doc: &super::Document) -> bool {
    let (mut total, mut alnum, mut bad) = (0usize, 0usize, 0usize);
    for c in doc
        .lines
        .iter()
        .flat_map(|l| l.text.chars())
        .filter(|c| !c.is_whitespace())
    {
        total += 1;
        if c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) {
            bad += 1;
        } else if c.is_alphanumeric() {
            alnum += 1;
        }
    }
    total > 0 && (alnum * 2 < total || bad * 5 > total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphen_broken_words_are_joined() {
        let lines = normalize_lines(
            ["Ran Kuber-", "netes clusters", "Full-", "Stack"]
                .iter()
                .map(|s| (s.to_string(), None)),
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, vec!["Ran Kubernetes", "clusters", "Full-", "Stack"]);
        let soft = normalize_lines(
            ["language mod\u{AD}", "eling work"]
                .iter()
                .map(|s| (s.to_string(), None)),
        );
        assert_eq!(soft[0].text, "language modeling");
        assert_eq!(soft[1].text, "work");
    }

    #[test]
    fn unreadable_detects_replacement_characters() {
        let doc = super::super::Document::from_text("\u{FFFD}\u{FFFD}\u{FFFD} ab");
        assert!(is_unreadable(&doc));
        assert!(!is_unreadable(&super::super::Document::from_text(
            "Python and SQL"
        )));
    }
}
