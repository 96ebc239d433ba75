//! English words that must never be read as typos of a skill name ("symphony" is not
//! "Symfony"). The list holds the words of 7+ letters from Debian's `wamerican` word list
//! that lie within fuzzy-matching distance of a taxonomy form; regenerate it with
//! `scripts/gen-english-guard.py` after changing the taxonomy.

use std::collections::HashSet;
use std::sync::OnceLock;

const WORDS: &str = include_str!("english_near_skills.txt");

/// True when `lower` (a lowercase word) is an English word that fuzzy matching must skip.
pub fn is_common_word(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
    .contains(lower)
}
