//! Text normalisation shared by every document kind: NFKC, invisible characters removed,
//! Unicode dashes and quotes mapped to ASCII, control characters dropped, and words broken
//! across lines by a hyphen joined again.

use unicode_normalization::UnicodeNormalization;

use super::Line;

/// Normalises one line: NFKC (ligatures such as U+FB01 become "fi"), soft hyphens and
/// zero-width characters removed, dashes, quotes and colon look-alikes mapped to ASCII, tabs and other
/// whitespace to a space, control characters removed, runs of spaces collapsed, and the
/// ends trimmed.
pub fn normalize_line(raw: &str) -> String {
    // NFKC leaves ASCII text as it is; skipping it makes most lines (and taxonomy forms)
    // several times cheaper.
    if raw.is_ascii() {
        normalize_chars(raw.chars(), raw.len())
    } else {
        normalize_chars(raw.nfkc(), raw.len())
    }
}

fn normalize_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut last_space = true;
    for c in chars {
        let mapped = match c {
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            // Colon look-alikes (some PDF producers write U+A789 in URLs: "https\u{A789}//").
            '\u{A789}' | '\u{2236}' | '\u{FE13}' | '\u{FE55}' => ':',
            c if c.is_whitespace() => ' ',
            c if c.is_control() => continue,
            // Bidi controls and other format characters would reorder terminal output.
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => continue,
            c => c,
        };
        if mapped == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(mapped);
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Normalises lines (text, page) and joins words broken across lines by a hyphen
/// ("Kuber-" + "netes ..." becomes "Kubernetes" on the first line). A hyphen is taken as a
/// break only when a lowercase letter comes before it and after the line break; a soft
/// hyphen (U+00AD) ending a line is always a break before a lowercase letter.
pub fn normalize_lines(raw: impl Iterator<Item = (String, Option<u32>)>) -> Vec<Line> {
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
            text = text[split..].trim_start().to_string();
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
pub fn is_unreadable(doc: &super::Document) -> bool {
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
    fn normalize_line_table() {
        let cases = [
            ("pro\u{FB01}cient", "proficient"),
            ("https\u{A789}//example.org", "https://example.org"),
            ("Kuber\u{00AD}netes", "Kubernetes"),
            ("zero\u{200B}width", "zerowidth"),
            ("2019\u{2013}2021", "2019-2021"),
            ("\u{201C}quoted\u{201D} it\u{2019}s", "\"quoted\" it's"),
            ("  tabs\tand   spaces  ", "tabs and spaces"),
            ("bell\u{7}\u{1b}[31mred", "bell[31mred"),
            ("\u{FF30}\u{FF59}\u{FF54}\u{FF48}\u{FF4F}\u{FF4E}", "Python"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize_line(raw), want, "input {raw:?}");
        }
    }

    #[test]
    fn nfkc_leaves_ascii_unchanged() {
        // The ASCII fast path of `normalize_line` relies on it.
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(all.nfkc().collect::<String>(), all);
        assert_eq!(normalize_chars(all.nfkc(), 0), normalize_line(&all));
    }

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
