//! The comparison key of a form: how the matcher's index compares names and aliases, and so
//! how `roles check` must compare them to say that two forms are the same.

use std::borrow::Cow;

use crate::normalize::normalize_line;

/// A taxonomy form normalised as document lines are ([`normalize_line`]): NFKC, invisible
/// characters removed, look-alike punctuation mapped to ASCII, spaces collapsed and trimmed.
/// Borrowed when the form is plain printable ASCII with single inner spaces, which
/// normalisation would return unchanged (nearly every form).
pub fn normal_form(raw: &str) -> Cow<'_, str> {
    let tidy = raw.bytes().all(|b| b.is_ascii_graphic() || b == b' ')
        && !raw.contains("  ")
        && !raw.starts_with(' ')
        && !raw.ends_with(' ');
    if tidy {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(normalize_line(raw))
    }
}

/// `text` with every letter lowered whose lowercase is one character of the same UTF-8
/// length: ASCII, Latin-1 and Latin Extended-A, Greek, Cyrillic ("Économétrie" ->
/// "économétrie", "ÜBERWACHTES" -> "überwachtes"). Byte offsets into the result are offsets
/// into `text`, which is why a letter whose lowercase is longer or several characters ("İ")
/// keeps its case. The matcher lowers the lines it searches with this, and the form index its
/// forms.
pub fn fold_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_case_into(text, &mut out);
    out
}

/// Appends [`fold_case`] of `text` to `out`.
fn fold_case_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let at = out.len();
        out.push_str(text);
        out[at..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
}

/// Writes the key of an already normalised form into `out` (cleared first): the form lowered
/// by [`fold_case`], as the matcher lowers the lines it searches.
pub fn key_of_normal(normal: &str, out: &mut String) {
    out.clear();
    fold_case_into(normal, out);
}

/// The comparison key of a form as written in the taxonomy: [`normal_form`], then
/// [`key_of_normal`]. Two forms with the same key are the same form to the matcher (up to
/// the case rules of ambiguous skills). Empty for a blank form.
pub fn form_key(raw: &str) -> String {
    let mut out = String::new();
    key_of_normal(&normal_form(raw), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_normalised_and_ascii_lowercase() {
        let cases = [
            ("PostgreSQL", "postgresql"),
            ("  Node.js ", "node.js"),
            (
                "\u{FF30}\u{FF4F}\u{FF53}\u{FF54}\u{FF47}\u{FF52}\u{FF45}\u{FF53}",
                "postgres",
            ),
            ("Postgre\u{00AD}SQL", "postgresql"),
            ("\u{200B}", ""),
            // Letters whose lowercase keeps the UTF-8 length are lowered, as in the lines the
            // matcher searches; others keep their case.
            ("ÉTL", "étl"),
            ("Überwachtes Lernen", "überwachtes lernen"),
            ("İstanbul", "İstanbul"),
        ];
        for (raw, want) in cases {
            assert_eq!(form_key(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn fold_case_keeps_every_byte_offset() {
        for text in [
            "Économétrie",
            "ÄÖÜ äöü ß",
            "İzmir ΣΟΦΙΑ Москва",
            "plain ASCII",
        ] {
            let folded = fold_case(text);
            assert_eq!(folded.len(), text.len(), "{text:?}");
            for (a, b) in text.char_indices().zip(folded.char_indices()) {
                assert_eq!(a.0, b.0, "{text:?}");
            }
        }
        assert_eq!(fold_case("ÉCONOMÉTRIE"), "économétrie");
    }

    #[test]
    fn the_fast_path_agrees_with_normalisation() {
        for raw in ["C++", "Node.js", "a b", "CI/CD", "R"] {
            assert!(matches!(normal_form(raw), Cow::Borrowed(_)));
            assert_eq!(normal_form(raw), normalize_line(raw));
        }
    }
}
