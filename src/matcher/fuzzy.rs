//! Rule: a near spelling of a long name ("Kubernets") is a fuzzy match. A word of
//! [`FUZZY_MIN_LEN`]+ letters that no form matched and that is no common English word is
//! compared with the long plain forms sharing its first letter: the bag distance of their
//! letters ([`Letters`](super::index::Letters)) rules most out, and the one skill at the
//! smallest OSA distance (at most 1, 2 for words of 11+ letters) is taken; a tie takes none.

use super::candidates::boundary_start;
use super::index::{FUZZY_MIN_LEN, Letters};
use super::{ByteRange, LineCtx, Matcher, is_word, overlaps};

/// A word of a line that is a near spelling of a skill's long form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FuzzyMatch {
    /// Byte offset of the word in the line.
    pub(super) start: usize,
    /// Byte offset just after the word.
    pub(super) end: usize,
    /// Index of the skill in the taxonomy.
    pub(super) skill: usize,
}

impl Matcher<'_> {
    /// The fuzzy matches of a line, outside `spans` (its skill names, sorted).
    pub(super) fn fuzzy_matches(&self, ctx: &LineCtx<'_>, spans: &[ByteRange]) -> Vec<FuzzyMatch> {
        let mut out = Vec::new();
        let text = ctx.text;
        let mut i = 0;
        let bytes = text.as_bytes();
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let end = i;
            let word = &ctx.lower[start..end];
            if end - start < FUZZY_MIN_LEN
                || !boundary_start(text, start)
                || text[end..].starts_with(|c: char| is_word(c))
                || overlaps(spans, start, end)
                || crate::english::is_common_word(word)
            {
                continue;
            }
            if let Some(skill) = self.fuzzy_best(word) {
                out.push(FuzzyMatch { start, end, skill });
            }
        }
        out
    }

    /// The one skill whose long form is nearest to `word` (lowercase), if any.
    fn fuzzy_best(&self, word: &str) -> Option<usize> {
        let first = word.chars().next()?;
        let max = if word.len() >= 11 { 2 } else { 1 };
        let letters = Letters::of(word);
        let mut best: Option<(usize, usize)> = None; // (distance, skill)
        let mut tie = false;
        for candidate in self.index.fuzzy_starting_with(first) {
            let form = self.index.str(candidate.lower);
            let skill = &(candidate.skill as usize);
            if form.len().abs_diff(word.len()) > max || letters.distance(&candidate.letters) > max {
                continue;
            }
            let d = strsim::osa_distance(word, form);
            if d == 0 || d > max {
                continue;
            }
            match best {
                Some((bd, bs)) if d == bd && bs != *skill => tie = true,
                Some((bd, _)) if d < bd => {
                    best = Some((d, *skill));
                    tie = false;
                }
                None => best = Some((d, *skill)),
                _ => {}
            }
        }
        if tie { None } else { best.map(|(_, s)| s) }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{ids, tax};
    use super::super::{Document, MatchKind};
    use super::*;

    #[test]
    fn bag_distance_is_a_lower_bound_of_osa() {
        let words = [
            "kubernetes",
            "kubernets",
            "kuberentes",
            "postgress",
            "postgresql",
            "javascipt",
            "javascript",
            "typescript",
            "pytorch",
            "tensorflow",
            "terraform",
            "café-au-lait",
            "cafe-au-lait",
            "éléphant",
            "",
        ];
        for a in words {
            for b in words {
                let bag = Letters::of(a).distance(&Letters::of(b));
                assert!(bag <= strsim::osa_distance(a, b), "{a} / {b}");
            }
        }
        assert_eq!(
            Letters::of("kubernets").distance(&Letters::of("kubernetes")),
            1
        );
        assert_eq!(
            Letters::of("pytorch").distance(&Letters::of("terraform")),
            6
        );
    }

    #[test]
    fn fuzzy_matches_long_typos_only() {
        let t = tax();
        let m = Matcher::new(&t);
        let got = m.extract(&Document::from_text(
            "Ran Kubernets and Postgress; also Javascipt",
        ));
        let found: Vec<(&str, MatchKind)> =
            got.skills.iter().map(|s| (s.id.as_str(), s.how)).collect();
        assert_eq!(
            found,
            vec![
                ("kubernetes", MatchKind::Fuzzy),
                ("postgresql", MatchKind::Fuzzy),
                ("javascript", MatchKind::Fuzzy),
                ("sql", MatchKind::Implied)
            ]
        );
        assert!(ids("played in a symphony orchestra").is_empty());
        assert!(
            ids("Pythn and Dockr").is_empty(),
            "short words are never fuzzed"
        );
    }

    #[test]
    fn fuzzy_best_table() {
        let t = tax();
        let m = Matcher::new(&t);
        let id = |skill: usize| t.skills()[skill].id.to_string();
        // (lowercase word, the skill it is a near spelling of)
        let rows: &[(&str, Option<&str>)] = &[
            ("kubernets", Some("kubernetes")),  // a deletion
            ("kuberentes", Some("kubernetes")), // a transposition
            ("kubernetess", Some("kubernetes")),
            ("kubernetes", None), // the form itself: no typo
            ("kubrnets", None),   // distance 2 on a word of 8 letters
            ("postgress", Some("postgresql")),
            ("javascipt", Some("javascript")),
            ("javascrpit", Some("javascript")),
            ("javasript", Some("javascript")),
            ("jvascrpt", None),
            ("ubernetes", None), // the first letter must agree
            ("javascriptt", Some("javascript")),
            ("", None),
        ];
        for &(word, want) in rows {
            assert_eq!(
                m.fuzzy_best(word).map(id),
                want.map(str::to_owned),
                "{word:?}"
            );
        }
    }

    #[test]
    fn fuzzy_matches_table() {
        let t = tax();
        let m = Matcher::new(&t);
        let line = |text: &'static str| LineCtx {
            text,
            masked: Vec::new(),
            lower: text.to_ascii_lowercase(),
            section: None,
            skills_line: false,
            course_line: false,
            all_caps: false,
        };
        // (line, skill names already on it, the words taken as (start, end))
        type Pairs = &'static [(usize, usize)];
        let rows: &[(&str, Pairs, Pairs)] = &[
            ("Ran Kubernets daily", &[], &[(4, 13)]),
            ("Ran Kubernets daily", &[(4, 13)], &[]), // already a skill name
            ("Ran xKubernets", &[], &[]),
            ("Ran Kubernets2", &[], &[]),
            ("Ran k-Kubernets", &[], &[]),
            ("Ran (Kubernets)", &[], &[(5, 14)]),
            ("Pythn and Dockr", &[], &[]),
            ("symphony orchestra", &[], &[]),
        ];
        for &(text, spans, want) in rows {
            let spans: Vec<ByteRange> = spans.iter().map(|&(s, e)| ByteRange::new(s, e)).collect();
            let got: Vec<(usize, usize)> = m
                .fuzzy_matches(&line(text), &spans)
                .iter()
                .map(|f| (f.start, f.end))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
