//! The form index a matcher uses: the one `build.rs` prepared for the embedded taxonomy
//! (static tables, nothing built at start-up), or one built at run time for data read with
//! `--roles-dir` (see [`index`](super::index)).

use std::borrow::Cow;

use super::index::{Index, SkillForms};
use crate::taxonomy::Taxonomy;

/// The form index of the embedded taxonomy, built by `build.rs`.
mod tables {
    // Unused when the build could not prepare the taxonomy (the index is then `None`).
    #[allow(unused_imports)]
    use super::super::index::{FuzzyForm, Index, Letters, Pattern, Span};
    #[allow(unused_imports)]
    use std::borrow::Cow::Borrowed as B;
    include!(concat!(env!("OUT_DIR"), "/embedded_index.rs"));
}

/// The prepared index when `taxonomy` is the embedded one as prepared, else a new one.
pub(super) fn index_of(taxonomy: &Taxonomy) -> Cow<'_, Index<'_>> {
    if taxonomy.is_prepared()
        && let Some(prepared) = &tables::INDEX
    {
        Cow::Borrowed(prepared)
    } else {
        Cow::Owned(Index::build(&skill_forms(taxonomy)))
    }
}

/// The skills of a taxonomy as the index sees them.
fn skill_forms(taxonomy: &Taxonomy) -> Vec<SkillForms<'_>> {
    taxonomy
        .skills()
        .iter()
        .map(|s| SkillForms {
            ambiguous: s.ambiguous,
            forms: s.forms().collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::Matcher;
    use super::*;

    #[test]
    fn the_prepared_index_equals_one_built_at_run_time() {
        let text = crate::roles::DataSet::embedded().taxonomy.text;
        let embedded = Taxonomy::embedded(&text).unwrap();
        let prepared = tables::INDEX.as_ref().expect("build.rs prepared the index");
        let built = Index::build(&skill_forms(&embedded));
        assert_eq!(prepared.text, built.text);
        assert_eq!(prepared.patterns, built.patterns);
        assert_eq!(prepared.keys, built.keys);
        assert_eq!(prepared.loose, built.loose);
        assert_eq!(prepared.skill_patterns, built.skill_patterns);
        assert_eq!(prepared.fuzzy, built.fuzzy);
        // The matcher of the embedded taxonomy uses it; one of parsed data builds its own.
        assert!(matches!(Matcher::new(&embedded).index, Cow::Borrowed(_)));
        let parsed = Taxonomy::from_json(&text).unwrap();
        assert!(matches!(Matcher::new(&parsed).index, Cow::Owned(_)));
    }
}
