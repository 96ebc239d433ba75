//! Role files: the data model of `roles/<id>.json`, the embedded default set, and
//! loading a replacement set from `--roles-dir`.
//!
//! A role is a target job with ordered phases of study. Months and hours per week are the
//! project's documented estimates (see `roles/README.md`); salaries appear only with a named
//! public source.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};

use crate::taxonomy::Taxonomy;

/// One skill requirement of a phase: a single skill id, or a slot met by any one of several.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum SkillSlot {
    /// One taxonomy id (`"postgresql"`).
    One(String),
    /// Met by any member (`{"any_of": ["python", "nodejs", "go"]}`); named by its first member.
    AnyOf {
        /// Taxonomy ids, in order of preference; at least two.
        any_of: Vec<String>,
    },
}

impl SkillSlot {
    /// The member ids (one for a plain skill).
    pub fn members(&self) -> &[String] {
        match self {
            SkillSlot::One(id) => std::slice::from_ref(id),
            SkillSlot::AnyOf { any_of } => any_of,
        }
    }

    /// The id the slot is named by: the skill, or the first member of an any-of slot.
    pub fn primary(&self) -> &str {
        self.members().first().map_or("", String::as_str)
    }
}

/// One ordered phase of a role's plan.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Display name ("Language + databases").
    pub name: String,
    /// Estimated length at the role's own pace, in months (0.5..36).
    pub months: f64,
    /// Skills learned in this phase, in teaching order.
    pub skills: Vec<SkillSlot>,
    /// Optional relative weights of `skills` for sharing `months` (same length as `skills`);
    /// equal shares when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<Vec<f64>>,
    /// Concrete things a learner can show at the end of the phase.
    #[serde(default)]
    pub milestones: Vec<String>,
}

/// A published salary figure with its source.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// Region the figure applies to ("US", "India").
    pub region: String,
    /// ISO 4217 currency code ("USD", "INR").
    pub currency: String,
    /// Yearly amount in `currency`.
    pub amount: f64,
    /// Where the figure comes from (a named public source).
    pub source: String,
}

/// A target role as written in `roles/<id>.json`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Optional JSON Schema reference for editors.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// Kebab-case id, equal to the file stem.
    pub id: String,
    /// Display title ("Backend Engineer").
    pub title: String,
    /// One or two sentences on what the role does.
    pub summary: String,
    /// Study pace the phase months assume, in hours per week (1..80).
    pub hours_per_week: f64,
    /// Published salaries, each with its source; empty when no source exists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub salary: Vec<Salary>,
    /// Ordered phases of study.
    pub phases: Vec<Phase>,
}

impl Role {
    /// Total months of all phases at the role's own pace.
    pub fn months(&self) -> f64 {
        self.phases.iter().map(|p| p.months).sum()
    }

    /// Every slot of the role in phase order, with duplicates (by primary id) removed.
    pub fn slots(&self) -> Vec<&SkillSlot> {
        let mut out: Vec<&SkillSlot> = Vec::new();
        for slot in self.phases.iter().flat_map(|p| &p.skills) {
            if !out.iter().any(|s| s.primary() == slot.primary()) {
                out.push(slot);
            }
        }
        out
    }
}

/// A role file's text with the path it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to people (`roles/backend-engineer.json` for embedded files).
    pub path: PathBuf,
    /// File contents: borrowed from the binary for the embedded set.
    pub text: std::borrow::Cow<'static, str>,
}

/// A raw set of data files: the taxonomy and the role files, before parsing.
#[derive(Debug, Clone)]
pub struct DataSet {
    /// `skills.json`.
    pub taxonomy: SourceFile,
    /// `<id>.json` role files, sorted by path.
    pub roles: Vec<SourceFile>,
    /// True for the set compiled into the binary, whose taxonomy `build.rs` has prepared
    /// (see [`Taxonomy::embedded`]).
    pub embedded: bool,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_roles.rs"));
}

/// File name of the taxonomy inside a roles directory.
pub const TAXONOMY_FILE: &str = "skills.json";

/// Files in a roles directory that are not role files.
const NOT_ROLES: [&str; 2] = [TAXONOMY_FILE, "schema.json"];

impl DataSet {
    /// The set compiled into the binary from the repository's `roles/` directory.
    pub fn embedded() -> DataSet {
        let mut roles = Vec::new();
        let mut taxonomy = None;
        for (name, text) in embedded::FILES {
            let file = SourceFile {
                path: Path::new("roles").join(name),
                text: std::borrow::Cow::Borrowed(text),
            };
            if *name == TAXONOMY_FILE {
                taxonomy = Some(file);
            } else {
                roles.push(file);
            }
        }
        DataSet {
            taxonomy: taxonomy.expect("build.rs embeds roles/skills.json"),
            roles,
            embedded: true,
        }
    }
}

/// The role file paths of `dir`: every regular `*.json` file except `skills.json` and
/// `schema.json`, sorted.
pub fn role_paths(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("reading directory `{}`", dir.display()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("reading directory `{}`", dir.display()))?
            .path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Regular files only (following links): a FIFO named `x.json` would block forever.
        if path.extension().is_some_and(|e| e == "json")
            && !NOT_ROLES.contains(&name)
            && path.is_file()
        {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// A parsed, usable set of roles and the taxonomy they refer to.
#[derive(Debug, Clone)]
pub struct Library {
    /// The skills taxonomy.
    pub taxonomy: Taxonomy,
    /// Roles sorted by id.
    pub roles: Vec<Role>,
}

impl Library {
    /// Parses a data set. Errors name the file; `skillgap roles check` gives the full list
    /// of problems with line and column.
    pub fn load(data: &DataSet) -> anyhow::Result<Library> {
        let taxonomy = if data.embedded {
            Taxonomy::embedded(&data.taxonomy.text)
        } else {
            Taxonomy::from_json(&data.taxonomy.text)
        };
        let taxonomy = taxonomy.with_context(|| {
            format!(
                "invalid taxonomy `{}` (run `skillgap roles check` for details)",
                data.taxonomy.path.display()
            )
        })?;
        let mut roles = Vec::with_capacity(data.roles.len());
        for file in &data.roles {
            let role: Role = serde_json::from_str(&file.text).with_context(|| {
                format!(
                    "invalid role file `{}` (run `skillgap roles check` for details)",
                    file.path.display()
                )
            })?;
            for id in role
                .phases
                .iter()
                .flat_map(|p| &p.skills)
                .flat_map(|s| s.members())
            {
                if taxonomy.get(id).is_none() {
                    anyhow::bail!(
                        "role file `{}` names unknown skill `{id}` (run `skillgap roles check` for details)",
                        file.path.display()
                    );
                }
            }
            roles.push(role);
        }
        roles.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Library { taxonomy, roles })
    }

    /// The role with this id.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// Role ids close to `id`, for "did you mean".
    pub fn suggest_role(&self, id: &str) -> Option<&str> {
        crate::suggest::closest(id, self.roles.iter().map(|r| r.id.as_str()), 1)
            .into_iter()
            .next()
    }
}

/// Loading a library from the embedded set or a roles directory (which is checked first).
pub mod load;

/// A role id that is not in the library: the id as asked, and the closest known id when
/// one is close enough for "did you mean".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{id}`{hint} (run `skillgap roles list` to see all roles)", hint = DidYouMean(.suggestion.as_deref()))]
pub struct UnknownRole {
    /// The id asked for, as given (not cleaned for a terminal: the error printer does that).
    pub id: String,
    /// The closest role id, if any.
    pub suggestion: Option<String>,
}

/// "; did you mean `x`?" or nothing.
struct DidYouMean<'a>(Option<&'a str>);

impl std::fmt::Display for DidYouMean<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(s) => write!(f, "; did you mean `{s}`?"),
            None => Ok(()),
        }
    }
}

/// The role with `id`, or [`UnknownRole`] naming the closest id and the list command.
pub fn find_role<'a>(library: &'a Library, id: &str) -> Result<&'a Role, UnknownRole> {
    library.role(id).ok_or_else(|| UnknownRole {
        id: id.to_string(),
        suggestion: library.suggest_role(id).map(str::to_string),
    })
}

#[cfg(test)]
mod find_role_tests {
    use super::*;

    #[test]
    fn an_unknown_role_names_the_closest_id_and_the_list_command() {
        let library = Library::load(&DataSet::embedded()).unwrap();
        assert_eq!(
            find_role(&library, "backend-engineer").unwrap().id,
            "backend-engineer"
        );
        let err = find_role(&library, "backend-enginer").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("backend-engineer"));
        assert_eq!(
            err.to_string(),
            "unknown role `backend-enginer`; did you mean `backend-engineer`? (run `skillgap roles list` to see all roles)"
        );
        let err = find_role(&library, "zzzzzzzzzzzz").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown role `zzzzzzzzzzzz` (run `skillgap roles list` to see all roles)"
        );
    }
}
