//! Role files: the data model of `roles/<id>.json`, the embedded default set, and
//! loading a replacement set from `--roles-dir`.
//!
//! A role is a target job with ordered phases of study. Months and hours per week are the
//! project's documented estimates (see `roles/README.md`); salaries appear only with a named
//! public source.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::taxonomy::Taxonomy;

/// The role types live in the data crate with the field definitions and the typed reader
/// that reads them ([`skillgap_data::read::role`]).
pub use skillgap_data::{Phase, Role, Salary, SkillSlot};

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
            let role: Role = skillgap_data::read::role(&file.text).with_context(|| {
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
