//! The form index: every name and alias of the taxonomy as a [`Pattern`] with its case rules,
//! looked up by the hash of its first word, plus the long forms that fuzzy matching may
//! reach.
//!
//! [`Index::build`] runs at run time for data read with `--roles-dir`, and at build time for
//! the embedded taxonomy: the build script of `skillgap-embedded` runs it and writes the
//! result as static tables, so a run with the embedded data builds nothing. A test (in the
//! matcher) checks that the two give equal indexes.
//!
//! Strings live in one text ([`Index::text`]) and patterns refer to it by [`Span`], so the
//! static tables hold no pointers and need no relocation when the binary starts.

use std::borrow::Cow;

use crate::english::{is_dictionary_form, is_word_form};
use crate::form::{key_of_normal, normal_form};

/// Minimum length, in characters, of a word or form considered for fuzzy matching.
pub const FUZZY_MIN_LEN: usize = 7;

/// A byte range of [`Index::text`]: start and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span(pub u32, pub u32);

/// One form of one skill, as matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pattern {
    /// Index of the skill in the taxonomy.
    pub skill: u32,
    /// The normalised form, in the taxonomy's case.
    pub form: Span,
    /// The form in ASCII lowercase, as lines are searched.
    pub lower: Span,
    /// Byte offset of the first word (the index key) in the form.
    pub anchor: u32,
    /// The form is the skill's name, not an alias.
    pub is_name: bool,
    /// A plain-word form of an ambiguous skill: needs exact case and evidence.
    pub plain_ambiguous: bool,
    /// An English word that is no ambiguous skill ("Python", "Swagger"), or an acronym of three
    /// to five capitals ("AWS"): written in another case ("python", "aws"), it still counts with
    /// evidence ("using python", "python, docker").
    pub case_with_evidence: bool,
    /// Must match in the case written (plain ambiguous forms, English words, two-letter
    /// acronyms in capitals such as "ML": "500 ml" is not machine learning, and longer ones
    /// such as "BOM", which count in another case only with evidence), except in an
    /// all-capitals line or a skills line.
    pub exact_case: bool,
    /// Has CJK characters: no word boundaries apply, so it is searched as a substring.
    pub cjk: bool,
}

/// A long plain form of an unambiguous skill, a target of fuzzy matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuzzyForm {
    /// The first character of the lowercase form; the fuzzy list is ordered by it, then by
    /// the form's length.
    pub first: char,
    /// The lowercase form.
    pub lower: Span,
    /// Index of the skill in the taxonomy.
    pub skill: u32,
    /// The form's letter counts (see [`Letters`]).
    pub letters: Letters,
}

/// The multiset of a word's characters, with every character outside `a`..`z` in one bucket,
/// and the set of buckets present. The bag distance of two words, the larger of the two multiset
/// differences, never exceeds their OSA distance (an edit changes each difference by at most
/// one, a transposition by none; merging characters into one bucket only lowers it), so it rules
/// out most fuzzy candidates before the quadratic distance is computed; the sets of buckets
/// present give a lower bound of the bag distance in two instructions, tried first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Letters {
    /// Count per bucket: `a`..`z`, then one for every other character; the last five are
    /// always zero (a 32-byte row, so that the distance is a few vector instructions).
    pub counts: [u8; 32],
    /// Bit `k` set when bucket `k` has a count.
    pub present: u32,
}

impl Letters {
    /// The letter counts of `word`.
    pub fn of(word: &str) -> Letters {
        let mut counts = [0u8; 32];
        for c in word.chars() {
            let k = if c.is_ascii_lowercase() {
                c as usize - 'a' as usize
            } else {
                26
            };
            counts[k] = counts[k].saturating_add(1);
        }
        Letters::from_counts(counts)
    }

    /// The letters of a row of counts (as written out for the embedded index).
    pub const fn from_counts(counts: [u8; 32]) -> Letters {
        let mut present = 0u32;
        let mut k = 0;
        while k < 32 {
            if counts[k] > 0 {
                present |= 1 << k;
            }
            k += 1;
        }
        Letters { counts, present }
    }

    /// A lower bound of the bag distance (so of the OSA distance) of the two words: a bucket
    /// one word has and the other lacks adds one to that side's difference.
    pub fn present_distance(&self, other: &Letters) -> usize {
        let only_self = (self.present & !other.present).count_ones();
        let only_other = (other.present & !self.present).count_ones();
        only_self.max(only_other) as usize
    }

    /// A lower bound of the OSA distance of the two words.
    pub fn distance(&self, other: &Letters) -> usize {
        let (mut more, mut fewer) = (0u32, 0u32);
        for (&a, &b) in self.counts.iter().zip(&other.counts) {
            more += u32::from(a.saturating_sub(b));
            fewer += u32::from(b.saturating_sub(a));
        }
        more.max(fewer) as usize
    }
}

/// The index of a taxonomy's forms. Every list is borrowed from static tables for the
/// embedded taxonomy, owned otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index<'a> {
    /// Every form and lowercase form, one after another; [`Span`]s point into it.
    pub text: Cow<'a, str>,
    /// Patterns, grouped by skill in taxonomy order.
    pub patterns: Cow<'a, [Pattern]>,
    /// (hash of the first word of the lowercase form, pattern), sorted.
    pub keys: Cow<'a, [(u64, u32)]>,
    /// Patterns without an index key: CJK and symbol-only forms, searched as substrings.
    pub loose: Cow<'a, [u32]>,
    /// Per skill, the range (start, end) of its patterns.
    pub skill_patterns: Cow<'a, [(u32, u32)]>,
    /// Fuzzy-match targets ordered by first character, in taxonomy order within one.
    pub fuzzy: Cow<'a, [FuzzyForm]>,
}

/// One skill as the index sees it: ambiguous or not, and its forms (name first).
pub struct SkillForms<'s> {
    /// The skill's `ambiguous` flag.
    pub ambiguous: bool,
    /// The name followed by the aliases, as written in the taxonomy.
    pub forms: Vec<&'s str>,
}

impl Index<'static> {
    /// Indexes the forms of every skill, in taxonomy order.
    ///
    /// Case variants of one form ("Java", "JAVA") stay distinct patterns, as their case
    /// rules differ; exact repeats add nothing.
    pub fn build(skills: &[SkillForms<'_>]) -> Index<'static> {
        let forms: usize = skills.iter().map(|s| s.forms.len()).sum();
        let mut text = String::with_capacity(forms * 16);
        let mut patterns: Vec<Pattern> = Vec::with_capacity(forms);
        let mut keys: Vec<(u64, u32)> = Vec::with_capacity(forms);
        let mut loose = Vec::new();
        let mut skill_patterns = Vec::with_capacity(skills.len());
        let mut fuzzy: Vec<FuzzyForm> = Vec::new();
        let mut lower = String::new();
        for (i, skill) in skills.iter().enumerate() {
            let first_pattern = patterns.len();
            for (k, raw) in skill.forms.iter().enumerate() {
                let form = normal_form(raw);
                let str_of = |span: Span| &text[span.0 as usize..(span.0 + span.1) as usize];
                let mine = &patterns[first_pattern..];
                if form.is_empty() || mine.iter().any(|p| str_of(p.form) == form) {
                    continue;
                }
                key_of_normal(&form, &mut lower); // as the lines are searched
                let seen_lower = mine.iter().any(|p| str_of(p.lower) == lower);
                let plain = is_plain_word(&form);
                let word_form = plain && is_word_form(&lower);
                let chars = form.chars().count();
                // An ambiguous skill's name is ambiguous; its other plain-word forms only when
                // they are words (of English, or of German, Spanish or French: "SISTEMA" is
                // Spanish "sistema") or very short ("Golang" needs no evidence, "Spark" does).
                let plain_ambiguous = skill.ambiguous
                    && plain
                    && (k == 0 || word_form || chars <= 2 || is_dictionary_form(&lower));
                let acronym = form.len() == 2 && form.bytes().all(|b| b.is_ascii_uppercase());
                // A longer acronym in capitals ("BOM", "EMR", "AWS"): written in another case
                // ("Bom Preço", "aws") it counts only with evidence, as an English word does.
                let long_acronym =
                    (3..=5).contains(&form.len()) && form.bytes().all(|b| b.is_ascii_uppercase());
                let cjk = form.chars().any(is_cjk);
                let id = patterns.len() as u32;
                let anchor = first_run(&lower);
                match anchor {
                    Some((a, b)) if !cjk => keys.push((key_hash(&lower[a..b]), id)),
                    _ => loose.push(id),
                }
                let form_span = Span(text.len() as u32, form.len() as u32);
                text.push_str(&form);
                let lower_span = if *lower == *form {
                    form_span
                } else {
                    text.push_str(&lower);
                    Span(form_span.0 + form_span.1, lower.len() as u32)
                };
                if !skill.ambiguous && plain && chars >= FUZZY_MIN_LEN && !seen_lower {
                    fuzzy.push(FuzzyForm {
                        first: lower.chars().next().unwrap_or(' '),
                        lower: lower_span,
                        skill: i as u32,
                        letters: Letters::of(&lower),
                    });
                }
                patterns.push(Pattern {
                    skill: i as u32,
                    form: form_span,
                    lower: lower_span,
                    anchor: anchor.map_or(0, |(a, _)| a as u32),
                    is_name: k == 0,
                    plain_ambiguous,
                    case_with_evidence: (word_form || long_acronym) && !plain_ambiguous && !acronym,
                    exact_case: plain_ambiguous || acronym || word_form || long_acronym,
                    cjk,
                });
            }
            skill_patterns.push((first_pattern as u32, patterns.len() as u32));
        }
        keys.sort_unstable();
        // Stable: taxonomy order within one first character and length.
        fuzzy.sort_by_key(|f| (f.first, f.lower.1));
        Index {
            text: Cow::Owned(text),
            patterns: Cow::Owned(patterns),
            keys: Cow::Owned(keys),
            loose: Cow::Owned(loose),
            skill_patterns: Cow::Owned(skill_patterns),
            fuzzy: Cow::Owned(fuzzy),
        }
    }
}

impl Index<'_> {
    /// The text of a span.
    pub fn str(&self, span: Span) -> &str {
        &self.text[span.0 as usize..(span.0 + span.1) as usize]
    }

    /// The fuzzy-match targets whose lowercase form starts with `first`.
    pub fn fuzzy_starting_with(&self, first: char) -> &[FuzzyForm] {
        let from = self.fuzzy.partition_point(|f| f.first < first);
        let to = self.fuzzy.partition_point(|f| f.first <= first);
        &self.fuzzy[from..to]
    }

    /// The fuzzy-match targets whose lowercase form starts with `first` and is `len` bytes
    /// long, give or take `max` (a form further off in length is further off in distance).
    pub fn fuzzy_near(&self, first: char, len: usize, max: usize) -> &[FuzzyForm] {
        let bucket = self.fuzzy_starting_with(first);
        let from = bucket.partition_point(|f| (f.lower.1 as usize) < len.saturating_sub(max));
        let to = bucket.partition_point(|f| (f.lower.1 as usize) <= len + max);
        &bucket[from..to]
    }

    /// The patterns whose index key hashes to `hash`.
    pub fn keyed(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let from = self.keys.partition_point(|&(h, _)| h < hash);
        self.keys[from..]
            .iter()
            .take_while(move |&&(h, _)| h == hash)
            .map(|&(_, id)| id)
    }
}

/// True for the Hiragana, Katakana, CJK ideograph and Hangul blocks.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// A form made of letters only ("Python", not "C++" or "Node.js").
pub fn is_plain_word(form: &str) -> bool {
    !form.is_empty() && form.chars().all(|c| c.is_alphabetic())
}

/// FNV-1a hash of an index key (a form's first run of letters and digits, ASCII lowercase).
pub fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The byte range of the first run of letters and digits in `s`. A CJK character ends a run:
/// Chinese, Japanese and Korean write no space between a product name and the text around it
/// ("Jenkins로", "PythonとDjangoで"), so those characters are no part of a Latin word.
pub fn first_run(s: &str) -> Option<(usize, usize)> {
    let run = |c: char| c.is_alphanumeric() && !is_cjk(c);
    let a = s.find(run)?;
    let b = s[a..].find(|c: char| !run(c)).map_or(s.len(), |i| a + i);
    Some((a, b))
}
