//! Rule: a skill after a learning cue in the same sentence ("currently learning Rust") is only
//! being learned or wished for; it is reported apart and closes no gap. The cue phrases and
//! their stems are data (`cues/learning_*.txt`); [`Learning`] finds them once per line.

use super::cues::{LEARNING_CUES, LEARNING_STEMS};
use super::{ByteRange, is_word, overlaps};

/// The learning cues of one line, found once: a line may hold hundreds of matches, and
/// searching the sentence before each of them for every cue would be quadratic.
pub(super) struct Learning<'a> {
    lower: &'a str,
    /// Skill names of the line, sorted and not overlapping: no cue inside them.
    spans: &'a [ByteRange],
    /// The sentence breaks (";", "!", "?", or "." before a space), ascending.
    breaks: Vec<Break>,
    /// Cue phrases at a word start outside skill names, by start.
    cues: Vec<ByteRange>,
    /// `min_end[k]`: the smallest end of `cues[k..]`.
    min_end: Vec<usize>,
    /// The line holds no learning stem at all: nothing is learning.
    none: bool,
}

/// A sentence break of a line.
#[derive(Debug, Clone, Copy)]
struct Break {
    /// Byte offset just after the break character, where the next sentence starts.
    after: usize,
    /// True for a full stop (".", which breaks only before a space); false for ";", "!", "?".
    full_stop: bool,
}

impl<'a> Learning<'a> {
    /// `lower`: the ASCII-lowercased line; `spans`: its skill names, sorted, not overlapping.
    pub(super) fn new(lower: &'a str, spans: &'a [ByteRange]) -> Learning<'a> {
        let mut learning = Learning {
            lower,
            spans,
            breaks: Vec::new(),
            cues: Vec::new(),
            min_end: Vec::new(),
            // Every cue (and "learning") holds one of these stems; most lines hold none.
            none: !LEARNING_STEMS
                .entries()
                .iter()
                .any(|stem| lower.contains(stem)),
        };
        if learning.none {
            return learning;
        }
        for (i, c) in lower.char_indices() {
            match c {
                ';' | '!' | '?' => learning.breaks.push(Break {
                    after: i + 1,
                    full_stop: false,
                }),
                '.' if lower[i + 1..].starts_with(' ') => learning.breaks.push(Break {
                    after: i + 1,
                    full_stop: true,
                }),
                _ => {}
            }
        }
        for cue in LEARNING_CUES.entries() {
            let mut from = 0;
            while let Some(pos) = lower[from..].find(cue) {
                let s = from + pos;
                let e = s + cue.len();
                let word_start = lower[..s].chars().next_back().is_none_or(|c| !is_word(c));
                if word_start && !overlaps(spans, s, e) {
                    learning.cues.push(ByteRange::new(s, e));
                }
                from = s + 1;
            }
        }
        learning.cues.sort_unstable();
        let mut min = usize::MAX;
        learning.min_end = learning
            .cues
            .iter()
            .rev()
            .map(|cue| {
                min = min.min(cue.end);
                min
            })
            .collect();
        learning.min_end.reverse();
        learning
    }

    /// True when a learning cue stands before `at` in the same sentence, outside skill
    /// names, or the sentence starts with "learning".
    pub(super) fn at(&self, at: usize) -> bool {
        if self.none {
            return false;
        }
        // The sentence starts after the last break before `at` (a full stop counts when the
        // space after it is before `at` too).
        let k = self.breaks.partition_point(|b| b.after <= at);
        let start = self.breaks[..k]
            .iter()
            .rev()
            .find(|b| !b.full_stop || b.after < at)
            .map_or(0, |b| b.after);
        let sentence = self.lower[start..at].trim_start();
        if sentence.starts_with("learning ") {
            let s = at - sentence.len();
            // Not when the word ends a skill begun on the line before ("machine" / "learning").
            if !overlaps(self.spans, s, s + 1) {
                return true;
            }
        }
        let from = self.cues.partition_point(|cue| cue.start < start);
        self.min_end.get(from).is_some_and(|&e| e <= at)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::tax;
    use super::super::wraps::word_starts;
    use super::super::{Document, Matcher};
    use super::*;

    #[test]
    fn every_learning_cue_has_a_stem() {
        for cue in LEARNING_CUES.entries() {
            assert!(
                LEARNING_STEMS.entries().iter().any(|s| cue.contains(s)),
                "{cue}"
            );
        }
    }

    #[test]
    fn learning_is_not_claimed() {
        let t = tax();
        let m = Matcher::new(&t);
        let got = m.extract(&Document::from_text(
            "Python developer. Currently learning Rust in the evenings.",
        ));
        let claimed: Vec<&str> = got.skills.iter().map(|s| s.id.as_str()).collect();
        let learning: Vec<&str> = got.learning.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(claimed, vec!["python"]);
        assert_eq!(learning, vec!["rust"]);
        let got = m.extract(&Document::from_text(
            "I want to learn Kubernetes and Docker",
        ));
        assert!(got.skills.is_empty());
        assert_eq!(got.learning.len(), 2);
    }

    #[test]
    fn learning_at_table() {
        // (lowercase line, skill names on it, the byte offset of a skill: "|" marks it, is it
        // learning)
        type Pairs = &'static [(usize, usize)];
        let rows: &[(&str, Pairs, bool)] = &[
            ("python developer. currently learning |rust", &[], true),
            ("currently learning go. |rust daily", &[], false),
            ("currently learning go.|rust", &[], true), // no space: no full stop
            ("i want to learn |docker", &[], true),
            ("i want to learn k8s; |docker", &[], false),
            ("learning |rust", &[], true),
            ("  learning |rust", &[], true),
            ("learning |rust", &[(0, 8)], false), // "learning" ends a wrapped form
            ("relearning |rust", &[], false),
            ("learning: |rust", &[], true),
            ("|rust, then currently learning go", &[], false),
            ("studied |rust", &[], false),
            ("getting started with |rust", &[], true),
            ("machine learning goals |rust", &[(0, 16)], false),
            ("no cue at all |rust", &[], false),
        ];
        for &(marked, spans, want) in rows {
            let at = marked.find('|').unwrap();
            let line = marked.replace('|', "");
            let spans: Vec<ByteRange> = spans.iter().map(|&(s, e)| ByteRange::new(s, e)).collect();
            assert_eq!(Learning::new(&line, &spans).at(at), want, "{marked:?}");
        }
    }

    /// The learning check as a direct search of the sentence before `at` (the definition
    /// [`Learning`] indexes once per line).
    fn is_learning_direct(lower: &str, at: usize, spans: &[ByteRange]) -> bool {
        let head = &lower[..at];
        let start = head
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                matches!(c, ';' | '!' | '?') || (c == '.' && head[i + 1..].starts_with(' '))
            })
            .map_or(0, |(i, _)| i + 1);
        let sentence = &head[start..];
        let trimmed = sentence.trim_start();
        if trimmed.starts_with("learning ") {
            let s = at - trimmed.len();
            if !spans.iter().any(|r| r.start <= s && s < r.end) {
                return true;
            }
        }
        LEARNING_CUES.entries().iter().any(|cue| {
            let mut from = 0;
            while let Some(pos) = sentence[from..].find(cue) {
                let s = start + from + pos;
                let e = s + cue.len();
                let inside = spans.iter().any(|r| s < r.end && r.start < e);
                let word_start = lower[..s].chars().next_back().is_none_or(|c| !is_word(c));
                if !inside && word_start {
                    return true;
                }
                from += pos + 1;
            }
            false
        })
    }

    #[test]
    fn the_learning_index_answers_as_the_direct_search() {
        let words = [
            "currently learning",
            "learning",
            "rust",
            "go",
            "want to learn",
            "i'm learning",
            "and",
            ".",
            "; ",
            "!",
            "plan to pick up",
            "machine",
            "python",
            "learning:",
            "getting started with",
            "studying",
            "relearning",
            "e.g.",
            "x",
            "  ",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..1500 {
            let count = 1 + next(12);
            let parts: Vec<&str> = (0..count).map(|_| words[next(words.len())]).collect();
            let line = parts.join(" ");
            // Skill spans: a few sorted, non-overlapping word ranges.
            let starts: Vec<usize> = word_starts(&line).collect();
            let mut spans = Vec::new();
            let mut last_end = 0;
            for &s in &starts {
                if s >= last_end && next(3) == 0 {
                    let e = line[s..].find(' ').map_or(line.len(), |i| s + i);
                    spans.push(ByteRange::new(s, e));
                    last_end = e;
                }
            }
            let learning = Learning::new(&line, &spans);
            for at in (0..=line.len()).filter(|&i| line.is_char_boundary(i)) {
                assert_eq!(
                    learning.at(at),
                    is_learning_direct(&line, at, &spans),
                    "{line:?} at {at}, spans {spans:?}"
                );
            }
        }
    }
}
