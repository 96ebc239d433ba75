//! Rule: the person's name at the head of a resume claims nothing. "Maya Okafor-Reyes, RN"
//! gives no Autodesk Maya, "Julia Chen" no Julia, "Ruby Ortiz" no Ruby. The first line that
//! holds a letter, up to its first separator (`,` `|` `—` `–` `·` `(` `/` or ` - `), is a
//! name when it has two or three words, each capitalised and made of letters, hyphens,
//! apostrophes and periods; a Markdown heading mark before it is skipped. A title after the
//! separator ("— Robotics Software Engineer") is read as usual. A line that reads as a
//! sentence (four words or more, ending in `.`, `!` or `?`) holds no name: "Used Python
//! (2018) daily." claims Python.

use super::ByteRange;

/// The byte range of the name at the start of `text`, the first line of a document with a
/// letter in it; `None` when that line does not start with a name.
pub(super) fn name_span(text: &str) -> Option<ByteRange> {
    let start = text.len() - text.trim_start_matches(['#', ' ', '\t']).len();
    let rest = &text[start..];
    let line = rest.lines().next().unwrap_or("").trim_end();
    if line.ends_with(['.', '!', '?']) && line.split_whitespace().count() >= 4 {
        return None; // a sentence, not a name line
    }
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, ',' | '|' | '—' | '–' | '·' | '(' | '/') || rest[i..].starts_with(" - ")
        })
        .map_or(rest.len(), |(i, _)| i);
    let segment = rest[..end].trim_end();
    let words: Vec<&str> = segment.split_whitespace().collect();
    let is_name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    ((2..=3).contains(&words.len()) && words.iter().all(|w| is_name_word(w)))
        .then(|| ByteRange::new(start, start + segment.len()))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::ids;
    use super::*;

    #[test]
    fn name_span_table() {
        let rows: &[(&str, Option<(usize, usize)>)] = &[
            ("# Maya Okafor-Reyes, RN, BSN", Some((2, 19))),
            ("Julia Chen", Some((0, 10))),
            ("Ruby O'Neil — Backend Developer", Some((0, 11))),
            ("Dr. Scala Park | Data Engineer", Some((0, 14))),
            ("Kafka Streams Platform Guide", None),
            ("Ana María de la Rosa", None),
            ("Python Developer with 5 years", None),
            ("Used Python (2018) daily.", None),
            ("Led Kafka migration, 2019.", None),
            ("Maria Lopez.", Some((0, 12))),
            ("Curriculum", None),
            ("RESUME", None),
        ];
        for &(text, want) in rows {
            let got = name_span(text).map(|r| (r.start, r.end));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn the_name_line_claims_nothing_but_the_title_and_the_rest_do() {
        // The test taxonomy's Swift, Rust and Kafka are names here, and skills below.
        assert_eq!(
            ids("Swift Rust-Kafka\nSkills: Swift, Rust, Kafka"),
            vec!["swift", "rust", "kafka"]
        );
        assert!(ids("Swift Rust-Kafka\nLibrarian at the city archive").is_empty());
        assert_eq!(ids("Kafka Streams Platform Guide\n"), vec!["kafka"]);
    }
}
