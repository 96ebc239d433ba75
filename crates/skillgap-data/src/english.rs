//! Taxonomy forms of one plain word that are ordinary lowercase English words ("python",
//! "rest", "swagger"): outside skills lines they match only in the case the taxonomy writes
//! them. The list comes from Debian's `wamerican` word list and is regenerated with
//! `scripts/gen-english-guard.py` after the taxonomy changes; it lives in the tool's
//! `src/english_forms.txt`, next to the other English list the matcher uses.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The word list: one lowercase word a line; lines starting with `#` are comments.
pub const FORMS: &str = include_str!("../../../src/english_forms.txt");

/// The words of a list in the format of [`FORMS`].
pub fn word_set(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
}

/// True when `lower`, a taxonomy form of one word, is also an ordinary English word.
pub fn is_word_form(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_set(FORMS)).contains(lower)
}

/// Taxonomy forms of one plain word that are lowercase dictionary words of English, German,
/// Spanish or French ("sistema", "kanban", "access"), written by `scripts/gen-word-guards.py`
/// next to the matcher's other cue lists.
pub const DICTIONARY_FORMS: &str = include_str!("../../../src/matcher/cues/word_forms.txt");

/// True when `lower`, a taxonomy form of one word, is a dictionary word of one of the four
/// languages the word guards cover ([`DICTIONARY_FORMS`]).
pub fn is_dictionary_form(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_set(DICTIONARY_FORMS))
        .contains(lower)
}
