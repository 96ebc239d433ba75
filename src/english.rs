//! English words that change how a form matches. Both lists come from Debian's `wamerican`
//! word list and are regenerated with `scripts/gen-english-guard.py` after the taxonomy
//! changes:
//! - words of 7+ letters within fuzzy-matching distance of a skill's form: never read as a
//!   typo ("symphony" is not "Symfony");
//! - taxonomy forms of one plain word that are ordinary lowercase words ("python", "rest",
//!   "swagger"): outside skills lines they match only in the case the taxonomy writes them.

use std::collections::HashSet;
use std::sync::OnceLock;

#[cfg(test)]
use skillgap_data::english::FORMS;
/// The form list and its lookup live in the data crate: the form index uses them.
pub(crate) use skillgap_data::english::is_word_form;
use skillgap_data::english::word_set as set;

const NEAR_SKILLS: &str = include_str!("english_near_skills.txt");

/// True when `lower` (a lowercase word) is an English word that fuzzy matching must skip.
pub(crate) fn is_common_word(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| set(NEAR_SKILLS)).contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_lowercase_words() {
        assert!(is_word_form("python"));
        assert!(is_word_form("rest"));
        assert!(!is_word_form("kubernetes"));
        assert!(is_common_word("information"));
        assert!(!is_common_word("kubernets"));
        for line in NEAR_SKILLS
            .lines()
            .chain(FORMS.lines())
            .filter(|l| !l.starts_with('#'))
        {
            assert_eq!(line, line.to_lowercase());
        }
    }
}
