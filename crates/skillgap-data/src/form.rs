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

/// Writes the key of an already normalised form into `out` (cleared first): the form in ASCII
/// lowercase, as the matcher lowercases the lines it searches. Other letters keep their case.
pub fn key_of_normal(normal: &str, out: &mut String) {
    out.clear();
    out.push_str(normal);
    out.make_ascii_lowercase();
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
            // Only ASCII letters are lowered, as in the lines the matcher searches.
            ("ÉTL", "Étl"),
        ];
        for (raw, want) in cases {
            assert_eq!(form_key(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn the_fast_path_agrees_with_normalisation() {
        for raw in ["C++", "Node.js", "a b", "CI/CD", "R"] {
            assert!(matches!(normal_form(raw), Cow::Borrowed(_)));
            assert_eq!(normal_form(raw), normalize_line(raw));
        }
    }
}
