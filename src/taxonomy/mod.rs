//! The skills taxonomy: canonical skills, their aliases, categories and implications,
//! loaded from `roles/skills.json` (embedded) or `--roles-dir`.
//!
//! Shape of the file: `{"skills": [Skill, ...]}` with one skill per line. See `roles/README.md`.

use std::borrow::Cow;

pub use skillgap_data::{Category, Skill, Text, Texts};

/// The loaded taxonomy with an id index.
#[derive(Debug, Clone, PartialEq)]
pub struct Taxonomy {
    skills: Cow<'static, [Skill]>,
    /// Indices into `skills`, ordered by id: the id index, searched by bisection.
    by_id: Cow<'static, [u32]>,
}

/// The embedded taxonomy as prepared by the build of `skillgap-embedded` from
/// `roles/skills.json`: the skills in file order and their indices ordered by id. `None` when
/// the file could not be prepared (invalid JSON, a shape problem, a duplicate id);
/// [`Taxonomy::embedded`] then parses the text, so the error is reported as for any other data.
use skillgap_embedded as prepared;

impl Taxonomy {
    /// The taxonomy embedded in the binary, built from `roles/skills.json` at build time:
    /// nothing is parsed or copied at run time. `text` is that file's embedded text, parsed
    /// only when the build could not prepare it.
    pub fn embedded(text: &str) -> anyhow::Result<Taxonomy> {
        match prepared::SKILLS {
            Some((skills, by_id)) => Ok(Taxonomy {
                skills: Cow::Borrowed(skills),
                by_id: Cow::Borrowed(by_id),
            }),
            None => Taxonomy::from_json(text),
        }
    }

    /// Parses `roles/skills.json` text.
    ///
    /// Errors: invalid JSON, a shape problem (unknown, missing or repeated field, wrong type,
    /// unknown category), or a duplicate skill id; read with [`skillgap_data::read::taxonomy`],
    /// as `skillgap roles check` and the build read it (which report the place in full).
    pub fn from_json(text: &str) -> anyhow::Result<Taxonomy> {
        Taxonomy::new(skillgap_data::read::taxonomy(text)?)
    }

    /// Builds the taxonomy from skills. Errors on a duplicate id (the first in id order).
    pub fn new(skills: Vec<Skill>) -> anyhow::Result<Taxonomy> {
        let by_id = skillgap_data::skill::id_order(&skills).map_err(anyhow::Error::msg)?;
        Ok(Taxonomy {
            skills: Cow::Owned(skills),
            by_id: Cow::Owned(by_id),
        })
    }

    /// True when the skills are borrowed from the data prepared at build time.
    pub fn is_prepared(&self) -> bool {
        matches!(self.skills, Cow::Borrowed(_))
    }

    /// All skills, in file order.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The skill with this id, if any.
    pub fn get(&self, id: &str) -> Option<&Skill> {
        self.index_of(id).map(|i| &self.skills[i])
    }

    /// Index of the skill with this id in [`Taxonomy::skills`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|&i| (*self.skills[i as usize].id).cmp(id))
            .ok()
            .map(|k| self.by_id[k] as usize)
    }

    /// Display name for an id; the id itself when unknown.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.get(id).map_or(id, |s| &*s.name)
    }

    /// Every skill implied by `id`, transitively, excluding `id` itself, sorted.
    /// Cycles are tolerated here (they are reported by `roles check`).
    pub fn implied_closure(&self, id: &str) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        let mut stack: Vec<&str> = vec![id];
        while let Some(cur) = stack.pop() {
            if let Some(skill) = self.get(cur) {
                for next in skill.implies.iter() {
                    if next != id && !seen.iter().any(|s| s == next) {
                        seen.push(next.to_string());
                        stack.push(next);
                    }
                }
            }
        }
        seen.sort();
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tax() -> Taxonomy {
        Taxonomy::from_json(
            r#"{"skills": [
{"id": "django", "name": "Django", "category": "framework", "implies": ["python"]},
{"id": "python", "name": "Python", "category": "language", "aliases": ["py3"]},
{"id": "pyspark", "name": "PySpark", "category": "library", "implies": ["spark", "python"]},
{"id": "spark", "name": "Apache Spark", "category": "tool", "aliases": ["Spark"]}
]}"#,
        )
        .unwrap()
    }

    #[test]
    fn implied_closure_is_transitive_and_sorted() {
        let t = tax();
        assert_eq!(t.implied_closure("django"), vec!["python"]);
        assert_eq!(t.implied_closure("pyspark"), vec!["python", "spark"]);
        assert!(t.implied_closure("python").is_empty());
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let err = Taxonomy::from_json(
            r#"{"skills": [{"id": "a", "name": "A", "category": "tool"}, {"id": "a", "name": "B", "category": "tool"}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "duplicate skill id `a`");
    }

    #[test]
    fn forms_lists_name_then_aliases() {
        let t = tax();
        let forms: Vec<&str> = t.get("python").unwrap().forms().collect();
        assert_eq!(forms, vec!["Python", "py3"]);
    }

    #[test]
    fn suggest_finds_near_ids() {
        let t = tax();
        let ids = t.skills().iter().map(|s| &*s.id);
        assert_eq!(crate::suggest::closest("pyton", ids, 1), vec!["python"]);
    }

    #[test]
    fn the_prepared_taxonomy_equals_the_parsed_file() {
        let text = crate::roles::DataSet::embedded().taxonomy.text;
        let prepared = Taxonomy::embedded(&text).unwrap();
        // A build that could not prepare the file would fall back to parsing it: that must
        // not pass unnoticed, since every run would then pay for the parse.
        assert!(
            prepared.is_prepared(),
            "skillgap-embedded did not prepare roles/skills.json"
        );
        let parsed = Taxonomy::from_json(&text).unwrap();
        assert!(!parsed.is_prepared());
        assert_eq!(prepared, parsed);
        assert_eq!(
            prepared.index_of("postgresql"),
            parsed.index_of("postgresql")
        );
        assert_eq!(prepared.get("k8s"), None);
        for (i, skill) in prepared.skills().iter().enumerate() {
            assert_eq!(prepared.index_of(&skill.id), Some(i));
        }
    }

    #[test]
    fn lookups_work_on_unsorted_files() {
        let t = tax(); // django, python, pyspark, spark: not in id order
        assert_eq!(t.index_of("django"), Some(0));
        assert_eq!(t.index_of("pyspark"), Some(2));
        assert_eq!(t.index_of("python"), Some(1));
        assert_eq!(t.name_of("spark"), "Apache Spark");
        assert_eq!(t.index_of("scala"), None);
    }
}
