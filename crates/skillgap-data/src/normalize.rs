//! One line's normalisation: document lines are normalised by it when read, and taxonomy
//! forms when indexed (see [`crate::form`]), at run time and when the embedded tables are
//! built alike.

use unicode_normalization::UnicodeNormalization;

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
}
