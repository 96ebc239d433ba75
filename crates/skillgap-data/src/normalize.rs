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
    let mut chars = chars.peekable();
    while let Some(c) = chars.next() {
        let mapped = match c {
            // A terminal escape sequence goes whole, not only its ESC byte, so "\x1b[31mDocker"
            // reads "Docker" and an OSC title ("\x1b]0;title\x07") leaves no text behind.
            '\u{1b}' | '\u{9b}' => {
                skip_escape(c, &mut chars);
                continue;
            }
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

/// Skips the rest of a terminal escape sequence that `first` (ESC or the C1 CSI) starts
/// (ECMA-48): a CSI (`ESC [` or U+009B) up to its final byte (`@` to `~`); an OSC, DCS, SOS,
/// PM or APC string (`ESC ]`, `P`, `X`, `^`, `_`) up to BEL or the string terminator
/// `ESC \\`; any other escape with its intermediate bytes (space to `/`) and final character.
/// A sequence cut short by the end of the line ends there.
fn skip_escape(first: char, chars: &mut std::iter::Peekable<impl Iterator<Item = char>>) {
    let kind = if first == '\u{9b}' {
        '['
    } else {
        match chars.next() {
            Some(k) => k,
            None => return,
        }
    };
    match kind {
        '[' => {
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    return;
                }
            }
        }
        ']' | 'P' | 'X' | '^' | '_' => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' || c == '\u{9c}' {
                    return;
                }
                if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                    chars.next();
                    return;
                }
            }
        }
        ' '..='/' => {
            while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
            chars.next();
        }
        _ => {}
    }
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
            ("bell\u{7}\u{1b}[31mred", "bellred"),
            (
                "Python, \u{1b}[1;31mDocker\u{1b}[0m, AWS",
                "Python, Docker, AWS",
            ),
            ("Kubernetes\u{1b}]0;pwned\u{7} and Go", "Kubernetes and Go"),
            (
                "a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\b",
                "alinkb",
            ),
            ("\u{9b}31mC1 CSI", "C1 CSI"),
            ("charset\u{1b}(Bswitch", "charsetswitch"),
            ("cut\u{1b}[31", "cut"),
            ("lone\u{1b}", "lone"),
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
