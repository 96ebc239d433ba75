//! The skills taxonomy: canonical skills, their aliases, categories and implications,
//! loaded from `roles/skills.json` (embedded) or `--roles-dir`.
//!
//! Shape of the file: `{"skills": [Skill, ...]}` with one skill per line. See `roles/README.md`.

use std::borrow::Cow;
use std::sync::OnceLock;

pub use skillgap_data::{Category, Skill, Text, Texts};

/// The loaded taxonomy with an id index.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    skills: Store,
    /// Indices into the skills, ordered by id: the id index, searched by bisection.
    by_id: Cow<'static, [u32]>,
}

/// Where the skills are: parsed, or packed at build time and unpacked one by one on first use.
#[derive(Debug, Clone)]
enum Store {
    Owned(Vec<Skill>),
    Lazy(&'static LazySkills),
}

/// The embedded taxonomy, unpacked one skill at a time: a run touches a few dozen of its
/// 8,000 skills (those it finds, names or follows implications of), and unpacking all of them
/// cost more than reading the PDF on small documents.
#[derive(Debug)]
struct LazySkills {
    packed: skillgap_data::packed::Packed,
    /// Where each skill's numbers start ([`skillgap_data::packed::Packed::starts`]).
    starts: Vec<u32>,
    /// Each skill, once unpacked.
    cells: Vec<OnceLock<Box<Skill>>>,
}

impl PartialEq for Taxonomy {
    /// Equal skills in equal order, however they are stored.
    fn eq(&self, other: &Taxonomy) -> bool {
        self.len() == other.len()
            && self.by_id == other.by_id
            && (0..self.len()).all(|i| self.skill(i) == other.skill(i))
    }
}

/// The embedded taxonomy as prepared by the build of `skillgap-embedded` from
/// `roles/skills.json` (merged with `roles/imported/skills.json` when it exists): the skills
/// in order and their indices ordered by id. `None` when the files could not be prepared
/// (invalid JSON, a shape problem, a duplicate id); [`Taxonomy::embedded`] then parses the
/// text, so the error is reported as for any other data.
use skillgap_embedded as prepared;

impl Taxonomy {
    /// The taxonomy embedded in the binary, built from `roles/skills.json` (and the embedded
    /// `roles/imported/skills.json`, when there is one) at build time: nothing is parsed at
    /// run time, and each skill is unpacked when first used. `text` is the embedded text of
    /// `skills.json`; both files are parsed (and merged) only when the build could not
    /// prepare them.
    ///
    /// Errors as [`Taxonomy::from_json`] and [`Taxonomy::with_imported`].
    pub fn embedded(text: &str) -> anyhow::Result<Taxonomy> {
        match prepared::SKILLS {
            Some(packed) => {
                // Indexed once a process, when a command first needs the skills.
                static SKILLS: OnceLock<LazySkills> = OnceLock::new();
                let lazy = SKILLS.get_or_init(|| {
                    let starts = packed.starts();
                    let cells = (0..starts.len()).map(|_| OnceLock::new()).collect();
                    LazySkills {
                        packed,
                        starts,
                        cells,
                    }
                });
                Ok(Taxonomy {
                    skills: Store::Lazy(lazy),
                    by_id: Cow::Borrowed(packed.by_id),
                })
            }
            None => match prepared::IMPORTED {
                Some(imported) => Taxonomy::from_json(text)?.with_imported(imported),
                None => Taxonomy::from_json(text),
            },
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

    /// This taxonomy (the curated skills) merged with the skills of an imported taxonomy
    /// file (`roles/imported/skills.json`, same format) by [`skillgap_data::skill::merge`]: a
    /// curated entry always wins, so an imported skill whose id a curated skill has is left
    /// out whole. The result is ordered by id.
    ///
    /// Errors: the imported text does not read (as [`Taxonomy::from_json`]), or two imported
    /// skills share an id.
    pub fn with_imported(self, imported: &str) -> anyhow::Result<Taxonomy> {
        let imported = skillgap_data::read::taxonomy(imported)?;
        let curated = match self.skills {
            Store::Owned(skills) => skills,
            Store::Lazy(_) => self.iter().cloned().collect(),
        };
        Taxonomy::new(skillgap_data::skill::merge(curated, imported))
    }

    /// Builds the taxonomy from skills. Errors on a duplicate id (the first in id order).
    pub fn new(skills: Vec<Skill>) -> anyhow::Result<Taxonomy> {
        let by_id = skillgap_data::skill::id_order(&skills).map_err(anyhow::Error::msg)?;
        Ok(Taxonomy {
            skills: Store::Owned(skills),
            by_id: Cow::Owned(by_id),
        })
    }

    /// True when the skills are the data prepared at build time.
    pub fn is_prepared(&self) -> bool {
        matches!(self.skills, Store::Lazy(_))
    }

    /// How many skills there are.
    pub fn len(&self) -> usize {
        match &self.skills {
            Store::Owned(skills) => skills.len(),
            Store::Lazy(lazy) => lazy.starts.len(),
        }
    }

    /// True when there are no skills.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Skill `i`, in file order (unpacked on first use for the embedded taxonomy).
    ///
    /// Panics when `i` is out of range, as slice indexing does.
    pub fn skill(&self, i: usize) -> &Skill {
        match &self.skills {
            Store::Owned(skills) => &skills[i],
            Store::Lazy(lazy) => {
                lazy.cells[i].get_or_init(|| Box::new(lazy.packed.unpack_at(lazy.starts[i])))
            }
        }
    }

    /// All skills, in file order (each unpacked, for the embedded taxonomy: for tests and
    /// for building what the build could not prepare).
    pub fn iter(&self) -> impl Iterator<Item = &Skill> + '_ {
        (0..self.len()).map(|i| self.skill(i))
    }

    /// The id of skill `i`, without unpacking it.
    fn id_of(&self, i: usize) -> &str {
        match &self.skills {
            Store::Owned(skills) => &skills[i].id,
            Store::Lazy(lazy) => lazy.packed.id_at(lazy.starts[i]),
        }
    }

    /// The skill with this id, if any.
    pub fn get(&self, id: &str) -> Option<&Skill> {
        self.index_of(id).map(|i| self.skill(i))
    }

    /// Index of the skill with this id in file order (see [`Taxonomy::skill`]).
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|&i| self.id_of(i as usize).cmp(id))
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
        let ids = t.iter().map(|s| &*s.id);
        assert_eq!(crate::suggest::closest("pyton", ids, 1), vec!["python"]);
    }

    #[test]
    fn the_prepared_taxonomy_equals_the_parsed_file() {
        let data = crate::data::DataSet::embedded();
        let text = data.taxonomy.text;
        let prepared = Taxonomy::embedded(&text).unwrap();
        // A build that could not prepare the file would fall back to parsing it: that must
        // not pass unnoticed, since every run would then pay for the parse.
        assert!(
            prepared.is_prepared(),
            "skillgap-embedded did not prepare roles/skills.json"
        );
        let mut parsed = Taxonomy::from_json(&text).unwrap();
        if let Some(imported) = &data.imported {
            parsed = parsed.with_imported(&imported.text).unwrap();
        }
        assert!(!parsed.is_prepared());
        assert_eq!(prepared, parsed);
        assert_eq!(
            prepared.index_of("postgresql"),
            parsed.index_of("postgresql")
        );
        assert_eq!(prepared.get("k8s"), None);
        for (i, skill) in prepared.iter().enumerate() {
            assert_eq!(prepared.index_of(&skill.id), Some(i));
        }
    }

    #[test]
    fn imported_skills_are_merged_under_the_curated_ones() {
        let imported = r#"{"skills": [
{"id": "python", "name": "Python 3", "category": "language", "aliases": ["cpython"]},
{"id": "flask", "name": "Flask", "category": "framework", "implies": ["python"]}
]}"#;
        let t = tax().with_imported(imported).unwrap();
        let ids: Vec<&str> = t.iter().map(|s| &*s.id).collect();
        assert_eq!(ids, ["django", "flask", "pyspark", "python", "spark"]);
        // The curated `python` wins: its name stays; the imported alias is added.
        let python = t.get("python").unwrap();
        assert_eq!(
            python.forms().collect::<Vec<_>>(),
            ["Python", "py3", "cpython"]
        );
        assert_eq!(t.implied_closure("flask"), ["python"]);
        let twice = r#"{"skills": [
{"id": "flask", "name": "Flask", "category": "framework"},
{"id": "flask", "name": "Flask 2", "category": "framework"}
]}"#;
        let err = tax().with_imported(twice).unwrap_err();
        assert_eq!(err.to_string(), "duplicate skill id `flask`");
        let err = tax().with_imported("{\"skills\": 1}").unwrap_err();
        assert!(err.to_string().contains("line 1 column 12"), "{err}");
    }

    #[test]
    fn the_embedded_taxonomy_carries_the_imported_skills_and_their_provenance() {
        let data = crate::data::DataSet::embedded();
        let t = Taxonomy::embedded(&data.taxonomy.text).unwrap();
        // 1,406 curated and 5,469 imported when written (roles/README.md).
        assert!(t.len() >= 6800, "{} skills", t.len());
        // A curated skill keeps its fields and gains the imported provenance.
        let jira = t.get("jira").unwrap();
        assert_eq!(&*jira.name, "Jira");
        let onet = jira.provenance.iter().find(|p| p.source == "onet").unwrap();
        assert_eq!(onet.source_id, "Atlassian JIRA");
        assert_eq!(onet.hot_technology, Some(true));
        assert_eq!(
            onet.onet_class.as_deref(),
            Some("Content workflow software")
        );
        // A stripped short form that is an ordinary word is never an alias.
        let word = t.get("microsoft-word").unwrap();
        assert!(!word.forms().any(|f| f.eq_ignore_ascii_case("word")));
        // A linguist language, imported whole.
        let jison = t.get("jison").unwrap();
        assert_eq!(jison.category, Category::Language);
        assert_eq!(jison.provenance[0].source, "linguist");
        // A purely curated skill has none.
        assert!(t.get("rest-apis").unwrap().provenance.is_empty());
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
