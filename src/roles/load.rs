//! Loading the roles: the embedded set, or a roles directory given with `--roles-dir`,
//! which is checked (`crate::check`) before it is used.
//!
//! Error messages carry names and paths as they are; the error printer makes them safe for
//! the terminal.

use std::path::Path;

use anyhow::{Context, bail};

use super::{DataSet, Library, Role};
use crate::check::{Severity, read_and_check_dir};

/// Loads the embedded data set, or the one in `roles_dir`.
///
/// Errors when `roles_dir` cannot be read or its data has a check error (the message names
/// the first one and the `roles check` command), or when the data does not parse.
///
/// The library is loaded once per process and lives until it exits, so it is leaked on
/// purpose: freeing 1,400 skills piece by piece at exit costs about a millisecond (callgrind:
/// 7M instructions with the matcher) and gives nothing back.
pub fn load_library(roles_dir: Option<&Path>) -> anyhow::Result<&'static Library> {
    let data = match roles_dir {
        Some(dir) => checked_data(dir)?,
        None => DataSet::embedded(),
    };
    Ok(Box::leak(Box::new(Library::load(&data)?)))
}

/// The data in `dir`, read once and checked. Data from outside is checked first: a
/// duplicated skill or an empty phase would load and give wrong numbers. (The embedded set
/// is checked in CI.)
fn checked_data(dir: &Path) -> anyhow::Result<DataSet> {
    let checked = read_and_check_dir(dir)?;
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if let Some(first) = errors.first() {
        // A finding about a whole file has no line (`line` 0).
        let place = match first.line {
            0 => String::new(),
            line => format!(":{line}:{}", first.column),
        };
        bail!(
            "the role data in `{}` has {} error(s), the first: {}{place}: {}; run `skillgap roles check {}`",
            dir.display(),
            errors.len(),
            first.path.display(),
            first.message,
            dir.display()
        );
    }
    // Without errors every file was read (an unreadable file is an error).
    checked
        .data
        .ok_or_else(|| anyhow::anyhow!("cannot read the role data in `{}`", dir.display()))
}

/// The roles of the embedded set, or of `roles_dir` (loaded and checked as by
/// [`load_library`]), sorted by id.
///
/// For the embedded set (checked in CI) only the role files are parsed, without the
/// taxonomy or the families (family slots are left unresolved: just their pick), which
/// halves the start-up of `roles list`. Errors as [`load_library`].
pub fn load_roles(roles_dir: Option<&Path>) -> anyhow::Result<Vec<Role>> {
    if roles_dir.is_some() {
        return Ok(load_library(roles_dir)?.roles.clone());
    }
    // `roles list` shows no slot members: family slots stay unresolved (just their pick),
    // which spares parsing the families file.
    let data = DataSet::embedded();
    let mut roles = data
        .roles
        .iter()
        .map(|f| {
            skillgap_data::read::role(&f.text)
                .with_context(|| format!("invalid role file `{}`", f.path.display()))
        })
        .collect::<anyhow::Result<Vec<Role>>>()?;
    roles.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(roles)
}
