//! The skills taxonomy: canonical skills, their aliases, categories and implications,
//! loaded from `roles/skills.json` (embedded) or `--roles-dir`.
//!
//! Shape of the file: `{"skills": [Skill, ...]}` with one skill per line. See `roles/README.md`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// A broad kind of skill. The set is closed so that reports can group by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A programming, query or markup language (Python, SQL, HTML).
    Language,
    /// An application framework (Django, React, Spring Boot).
    Framework,
    /// A library or SDK used from code (pandas, NumPy, PyTorch).
    Library,
    /// A database or data store (PostgreSQL, Redis, Snowflake).
    Database,
    /// A cloud platform or a named cloud service (AWS, S3, BigQuery).
    Cloud,
    /// A tool, product or platform (Docker, Git, Terraform, Excel).
    Tool,
    /// A practice, method or field of knowledge (REST APIs, CI/CD, machine learning).
    Practice,
}

impl Category {
    /// The kebab-case name used in the data files and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Language => "language",
            Category::Framework => "framework",
            Category::Library => "library",
            Category::Database => "database",
            Category::Cloud => "cloud",
            Category::Tool => "tool",
            Category::Practice => "practice",
        }
    }
}

/// One canonical skill as written in `roles/skills.json`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// Kebab-case identifier, unique in the taxonomy (`postgresql`, `rest-apis`).
    pub id: String,
    /// Display name, also matched in text (`PostgreSQL`).
    pub name: String,
    /// Broad kind of skill.
    pub category: Category,
    /// Other names matched in text (`Postgres`, `psql`). Case-insensitive unless `ambiguous`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Skill ids this skill implies (`django` implies `python`). Must not form a cycle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implies: Vec<String>,
    /// When true, the name and aliases are also ordinary words ("Go", "React", "Excel"):
    /// they match only in the case written here and only with evidence (a skills list,
    /// an attached version, a cue phrase, an unambiguous neighbour).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
    /// Phrases in which an alias is an ordinary word, not the skill ("go live", "react to").
    /// Each phrase contains one of the skill's names; matched case-insensitively.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reject: Vec<String>,
    /// Phrases that confirm an ambiguous alias ("in Go", "R scripts", "Unity3D").
    /// Each phrase contains one of the skill's names; matched case-insensitively.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
}

impl Skill {
    /// The name followed by the aliases: every form matched in text.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFile {
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    skills: Vec<Skill>,
}

/// The loaded taxonomy with an id index.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    skills: Vec<Skill>,
    by_id: HashMap<String, usize>,
}

impl Taxonomy {
    /// Parses `roles/skills.json` text.
    ///
    /// Errors: invalid JSON, unknown fields, or a duplicate skill id (the file and place are
    /// reported in full by `skillgap roles check`).
    pub fn from_json(text: &str) -> anyhow::Result<Taxonomy> {
        let file: TaxonomyFile = serde_json::from_str(text)?;
        Taxonomy::new(file.skills)
    }

    /// Builds the taxonomy from skills. Errors on a duplicate id.
    pub fn new(skills: Vec<Skill>) -> anyhow::Result<Taxonomy> {
        let mut by_id = HashMap::with_capacity(skills.len());
        for (i, s) in skills.iter().enumerate() {
            if by_id.insert(s.id.clone(), i).is_some() {
                anyhow::bail!("duplicate skill id `{}`", s.id);
            }
        }
        Ok(Taxonomy { skills, by_id })
    }

    /// All skills, in file order.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The skill with this id, if any.
    pub fn get(&self, id: &str) -> Option<&Skill> {
        self.by_id.get(id).map(|&i| &self.skills[i])
    }

    /// Index of the skill with this id in [`Taxonomy::skills`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Display name for an id; the id itself when unknown.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.get(id).map_or(id, |s| s.name.as_str())
    }

    /// Every skill implied by `id`, transitively, excluding `id` itself, sorted.
    /// Cycles are tolerated here (they are reported by `roles check`).
    pub fn implied_closure(&self, id: &str) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        let mut stack: Vec<&str> = vec![id];
        while let Some(cur) = stack.pop() {
            if let Some(skill) = self.get(cur) {
                for next in &skill.implies {
                    if next != id && !seen.iter().any(|s| s == next) {
                        seen.push(next.clone());
                        stack.push(next);
                    }
                }
            }
        }
        seen.sort();
        seen
    }

    /// The closest skill ids to `query` by Jaro-Winkler similarity (>= 0.85), best first,
    /// at most `max`. Used for "did you mean" hints.
    pub fn suggest(&self, query: &str, max: usize) -> Vec<&str> {
        crate::suggest::closest(query, self.skills.iter().map(|s| s.id.as_str()), max)
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
        assert_eq!(t.suggest("pyton", 1), vec!["python"]);
    }
}
