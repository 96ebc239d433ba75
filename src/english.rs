//! English words that change how a form matches: taxonomy forms of one plain word that are
//! ordinary lowercase words ("python", "rest", "swagger"), which outside skills lines match only
//! in the case the taxonomy writes them. The list comes from Debian's `wamerican` word list and
//! is regenerated with `scripts/gen-english-guard.py` after the taxonomy changes. (Dictionary
//! words that typo matching skips are `matcher/cues/fuzzy_skip.txt`, in four languages.)

#[cfg(test)]
use skillgap_data::english::FORMS;
/// The form list and its lookup live in the data crate: the form index uses them.
pub(crate) use skillgap_data::english::is_word_form;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_lowercase_words() {
        assert!(is_word_form("python"));
        assert!(is_word_form("rest"));
        assert!(!is_word_form("kubernetes"));
        for line in FORMS.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(line, line.to_lowercase());
        }
    }
}
