//! Role files: the data model of `roles/<id>.json`, the embedded default set, and
//! loading a replacement set from `--roles-dir`.
//!
//! A role is a target job with ordered phases of study. Months and hours per week are the
//! project's documented estimates (see `roles/README.md`); salaries appear only with a named
//! public source.

use anyhow::Context;

use crate::taxonomy::Taxonomy;

/// The role types live in the data crate with the field definitions and the typed reader
/// that reads them ([`skillgap_data::read::role`]).
pub use skillgap_data::{Family, Phase, Project, Role, Salary, SkillSlot};

/// The raw data files live in [`crate::data`]; re-exported here for the callers that load
/// roles from them.
pub use crate::data::{DataSet, FAMILIES_FILE, SourceFile, TAXONOMY_FILE, role_paths};

/// A parsed, usable set of roles and the taxonomy they refer to.
#[derive(Debug, Clone)]
pub struct Library {
    /// The skills taxonomy.
    pub taxonomy: Taxonomy,
    /// Roles sorted by id, their family slots resolved (see [`SkillSlot::resolve`]).
    pub roles: Vec<Role>,
    /// Skill families (`families.json`), in file order; empty when the set has none.
    pub families: Vec<Family>,
    /// Skills listed by more than half of the roles ([`crate::gap::ubiquitous_skills`]),
    /// computed once.
    ubiquitous: std::sync::OnceLock<std::collections::BTreeSet<String>>,
}

impl Library {
    /// Parses a data set: the taxonomy (the curated skills merged with the imported ones,
    /// when the set has an imported file) and the role files. Errors name the file;
    /// `skillgap roles check` gives the full list of problems with line and column.
    pub fn load(data: &DataSet) -> anyhow::Result<Library> {
        let invalid = |file: &SourceFile| {
            format!(
                "invalid taxonomy `{}` (run `skillgap roles check` for details)",
                file.path.display()
            )
        };
        let taxonomy = if data.embedded {
            // Prepared at build time with the embedded imported skills, if any.
            Taxonomy::embedded(&data.taxonomy.text)
        } else {
            Taxonomy::from_json(&data.taxonomy.text)
        };
        let mut taxonomy = taxonomy.with_context(|| invalid(&data.taxonomy))?;
        if let Some(imported) = data.imported.as_ref().filter(|_| !data.embedded) {
            taxonomy = taxonomy
                .with_imported(&imported.text)
                .with_context(|| invalid(imported))?;
        }
        let families = match &data.families {
            Some(file) => {
                read_data(file, data.embedded, "families file", |text| {
                    skillgap_data::read::families(text).map(|families| FamiliesFile { families })
                })?
                .families
            }
            None => Vec::new(),
        };
        let mut roles = Vec::with_capacity(data.roles.len());
        for file in &data.roles {
            let mut role: Role =
                read_data(file, data.embedded, "role file", skillgap_data::read::role)?;
            resolve_families(&mut role, &families).with_context(|| {
                format!(
                    "role file `{}` (run `skillgap roles check` for details)",
                    file.path.display()
                )
            })?;
            // Skill references of the embedded set are checked in CI (`roles check`); only
            // a set from `--roles-dir` (checked before loading, too) is looked at again here.
            let members = role
                .phases
                .iter()
                .flat_map(|p| &p.skills)
                .flat_map(|s| s.members());
            for id in members.filter(|_| !data.embedded) {
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
        Ok(Library {
            taxonomy,
            roles,
            families,
            ubiquitous: std::sync::OnceLock::new(),
        })
    }

    /// Skills listed by more than half of the roles (see [`crate::gap::ubiquitous_skills`]),
    /// computed on first use.
    pub fn ubiquitous(&self) -> &std::collections::BTreeSet<String> {
        self.ubiquitous
            .get_or_init(|| crate::gap::ubiquitous_skills(self))
    }

    /// The family with this id.
    pub fn family(&self, id: &str) -> Option<&Family> {
        self.families.iter().find(|f| f.id == id)
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

/// Reads a data file: with serde_json when it is embedded (checked in CI, and several times
/// faster), else with `checked`, the positioned reader that `roles check` shares (an
/// `embedded_roles_read_alike` test holds the two equal). Errors name the file as `what`.
fn read_data<T: serde::de::DeserializeOwned>(
    file: &SourceFile,
    embedded: bool,
    what: &str,
    checked: fn(&str) -> Result<T, skillgap_data::read::ReadError>,
) -> anyhow::Result<T> {
    let read = if embedded {
        serde_json::from_str::<T>(&file.text).map_err(anyhow::Error::from)
    } else {
        checked(&file.text).map_err(anyhow::Error::from)
    };
    read.with_context(|| {
        format!(
            "invalid {what} `{}` (run `skillgap roles check` for details)",
            file.path.display()
        )
    })
}

/// The families file as serde reads it (embedded data only).
#[derive(serde::Deserialize)]
struct FamiliesFile {
    families: Vec<Family>,
}

/// Fills in the members of every family slot of `role` from `families`.
///
/// Errors when a slot names a family that `families` lacks.
pub fn resolve_families(role: &mut Role, families: &[Family]) -> anyhow::Result<()> {
    for slot in role.phases.iter_mut().flat_map(|p| &mut p.skills) {
        if let Some(id) = slot.family() {
            let Some(family) = families.iter().find(|f| f.id == id) else {
                anyhow::bail!("role `{}` names unknown family `{id}`", role.id);
            };
            slot.resolve(&family.members);
        }
    }
    Ok(())
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
        id: id.to_owned(),
        suggestion: library.suggest_role(id).map(str::to_owned),
    })
}

#[cfg(test)]
mod find_role_tests {
    use super::*;

    #[test]
    fn embedded_roles_read_alike() {
        // serde_json (used for the embedded files) and the positioned reader agree.
        let data = DataSet::embedded();
        for file in &data.roles {
            let by_serde: Role = serde_json::from_str(&file.text).unwrap();
            let by_reader = skillgap_data::read::role(&file.text).unwrap();
            assert_eq!(by_serde, by_reader, "{}", file.path.display());
        }
        let file = data.families.as_ref().unwrap();
        let by_serde: FamiliesFile = serde_json::from_str(&file.text).unwrap();
        assert_eq!(
            by_serde.families,
            skillgap_data::read::families(&file.text).unwrap()
        );
    }

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
