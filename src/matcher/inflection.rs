//! Rule: a product name declined by a case ending is the skill ("Pracuję z Dockerem",
//! "Programuję w Javie", "Pythonilla", "Pythonban"). Polish, Czech, Slovak, Croatian,
//! Slovene, Finnish, Estonian and Hungarian attach case endings to names. A word that no form
//! matched, ending in an ending of `cues/inflection_endings.txt`, is looked up without it,
//! as is and with the final vowels that ending may have replaced ("Jav-ie" is Java,
//! "Djang-em" is Django; "Scal-e" is no Scala, "Lor-em" no LoRA).
//! Only capitalised words are read (names are written so in those languages). The form
//! found must be one word of [`MIN_STEM`]+ letters; an ending of one ASCII letter counts
//! only after [`MIN_STEM_SHORT_ENDING`]+ letters ("Perla" is no Perl); a word that is a
//! dictionary word near a skill (`cues/fuzzy_skip.txt`) is left alone. A plain-word form of
//! an ambiguous skill ("Java") also needs evidence: a skills line, another skill in the line,
//! or a preposition of those languages right before it ("w Javie", "s Pythonem").

use super::candidates::boundary_start;
use super::cues::{FUZZY_SKIP, INFLECTION_ENDINGS};
use super::fuzzy::FuzzyMatch;
use super::index::key_hash;
use super::{ByteRange, LineCtx, Matcher, is_word, overlaps};
use std::sync::OnceLock;

/// Fewest letters of a form read under a case ending.
const MIN_STEM: usize = 4;

/// Fewest letters of a form read under an ending of one ASCII letter.
const MIN_STEM_SHORT_ENDING: usize = 5;

/// Prepositions of the declining languages that take a case ending after them: evidence for
/// an ambiguous name ("w Javie", "z Reactem", "s Pythonem", "na Javi").
const PREPOSITIONS: [&str; 16] = [
    "w", "we", "z", "ze", "s", "se", "v", "ve", "na", "u", "o", "po", "za", "pri", "při", "sa",
];

/// The endings and the final vowels each may have replaced ("ie a"), longest ending first:
/// "Jav-ie" before "Javi-e".
fn endings() -> &'static [(&'static str, &'static str)] {
    static SORTED: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v: Vec<_> = INFLECTION_ENDINGS
            .entries()
            .iter()
            .map(|e| e.split_once(' ').unwrap_or((e, "")))
            .collect();
        v.sort_by_key(|(e, _)| std::cmp::Reverse(e.chars().count()));
        v
    })
}

impl Matcher<'_> {
    /// The declined names of a line, outside `spans` (its skill names, sorted).
    pub(super) fn inflected_matches(
        &self,
        ctx: &LineCtx<'_>,
        spans: &[ByteRange],
    ) -> Vec<FuzzyMatch> {
        let text = ctx.text;
        let mut out = Vec::new();
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (start, c.is_alphabetic()) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    words.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        for (k, &(start, end)) in words.iter().enumerate() {
            let word = &text[start..end];
            if !word.starts_with(char::is_uppercase)
                || word.chars().count() < MIN_STEM
                || !boundary_start(text, start)
                || text[end..].starts_with(is_word)
                || overlaps(spans, start, end)
            {
                continue;
            }
            let lower = word.to_lowercase();
            if FUZZY_SKIP.contains(&lower) {
                continue;
            }
            let Some(pattern) = self.declined_form(&lower) else {
                continue;
            };
            let p = self.pattern(pattern);
            let before = k
                .checked_sub(1)
                .map(|j| text[words[j].0..words[j].1].to_lowercase());
            let preposition = before.is_some_and(|w| PREPOSITIONS.contains(&w.as_str()));
            let evidence = !p.plain_ambiguous || ctx.skills_line || preposition;
            out.push((
                FuzzyMatch {
                    start,
                    end,
                    skill: p.skill as usize,
                },
                evidence,
            ));
        }
        // Another skill named in the line is evidence for an ambiguous one.
        let others = !spans.is_empty() || out.len() > 1;
        out.into_iter()
            .filter(|&(_, evidence)| evidence || others)
            .map(|(m, _)| m)
            .collect()
    }

    /// The pattern of the one-word form that `word` (lowercase) declines, if any.
    fn declined_form(&self, word: &str) -> Option<usize> {
        let mut form = String::with_capacity(word.len() + 1);
        for &(ending, vowels) in endings() {
            let Some(stem) = word.strip_suffix(ending) else {
                continue;
            };
            // A Hungarian stem lengthens its final vowel before an ending ("Javá-ban").
            let (stem, lengthened) = match stem.strip_suffix('á') {
                Some(s) => (s, "a"),
                None => stem.strip_suffix('é').map_or((stem, ""), |s| (s, "e")),
            };
            if !stem.is_ascii() {
                continue;
            }
            let short_ending = ending.len() == 1;
            // A lengthened vowel is the only one to restore; otherwise the name as written,
            // then the vowels the ending may have replaced.
            let restores: Vec<&str> = if lengthened.is_empty() {
                std::iter::once("")
                    .chain(vowels.split(' ').filter(|v| !v.is_empty()))
                    .collect()
            } else {
                vec![lengthened]
            };
            for restored in restores {
                form.clear();
                form.push_str(stem);
                form.push_str(restored);
                if form.len() < MIN_STEM || (short_ending && form.len() < MIN_STEM_SHORT_ENDING) {
                    continue;
                }
                let found = self.index.keyed(key_hash(&form)).find(|&id| {
                    let p = self.pattern(id as usize);
                    self.lower(p) == form
                });
                if let Some(id) = found {
                    return Some(id as usize);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::ids;

    #[test]
    fn declined_names_are_found() {
        let rows: &[(&str, &[&str])] = &[
            ("Pracuję z Dockerem od trzech lat.", &["docker"]),
            ("Pracuję z Dockerem i Javą.", &["docker", "java"]),
            ("Programuję w Javie i Pythonie.", &["java", "python"]),
            ("Znam Kubernetesa i Dockera.", &["kubernetes", "docker"]),
            ("Pracuji s Pythonem a Dockerem.", &["python", "docker"]),
            ("Kokemusta Pythonilla ja Dockerilla.", &["python", "docker"]),
            ("Tapasztalat Pythonban.", &["python"]),
            // An ambiguous name needs evidence; short endings need a long form; a word
            // that a form matched is left alone.
            ("Javie to wyspa.", &[]),
            ("Perla and Rusty.", &[]),
            ("Scale the State of Lorem.", &[]),
            ("Docker and Python.", &["docker", "python"]),
        ];
        for &(text, want) in rows {
            assert_eq!(ids(text), want, "{text:?}");
        }
    }
}
