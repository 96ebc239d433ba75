//! Role-data validation (`skillgap roles check`): every rule that `roles/*.json`,
//! `roles/skills.json` and `roles/imported/skills.json` (when present) must follow, reported as [`Diagnostic`]s with the line and column of
//! the offending value.
//!
//! Findings are data: [`check`] and [`check_dir`] return every problem they find and never
//! stop at the first. Only a directory that cannot be listed is an `Err`.
//!
//! The rules and their codes are listed in [`Code`] and documented in `roles/README.md`.

pub(crate) mod json;
mod rules;

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::data::{
    DataSet, FAMILIES_FILE, SourceFile, TAXONOMY_FILE, Unreadable, imported_path, read_file,
    role_paths,
};

// The output formats of `roles check` are in `report::check`; the golden tests here use them.
#[cfg(test)]
use crate::report::check::{CheckFormat, render};

/// How bad a finding is. Errors fail the check; warnings fail it only with `--deny-warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Severity {
    /// The data is wrong or unusable.
    Error,
    /// The data works but is probably not what was meant.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $description:literal;)*) => {
        /// The rule a finding breaks. Names are stable: CI configurations and people refer
        /// to them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) enum Code {
            $(#[doc = $description] $variant,)*
        }

        impl Code {
            /// Every code, in the order the README lists them.
            #[cfg(test)]
            pub(crate) const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable kebab-case name (`unknown-skill`).
            pub(crate) fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// One line saying what the rule requires.
            #[cfg(test)]
            pub(crate) fn description(self) -> &'static str {
                match self {
                    $(Code::$variant => $description,)*
                }
            }

            /// The severity findings of this code have.
            pub(crate) fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    UnreadableFile = "unreadable-file", Error,
        "A data file cannot be read or is not valid UTF-8.";
    MissingTaxonomy = "missing-taxonomy", Error,
        "The roles directory has no `skills.json`.";
    InvalidJson = "invalid-json", Error,
        "A file is not valid JSON.";
    UnknownField = "unknown-field", Error,
        "An object has a field the format does not define (often a misspelling).";
    MissingField = "missing-field", Error,
        "An object lacks a required field.";
    WrongType = "wrong-type", Error,
        "A value has the wrong JSON type, e.g. a string where a number belongs.";
    DuplicateKey = "duplicate-key", Error,
        "An object has the same field twice.";
    InvalidId = "invalid-id", Error,
        "A role or skill id is not kebab-case (lowercase letters and digits joined by single hyphens).";
    IdMismatch = "id-mismatch", Error,
        "A role's `id` differs from its file name without `.json`.";
    DuplicateRoleId = "duplicate-role-id", Error,
        "Two role files have the same `id`.";
    NoPhases = "no-phases", Error,
        "A role has no phases.";
    EmptyPhase = "empty-phase", Error,
        "A phase lists no skills.";
    UnknownSkill = "unknown-skill", Error,
        "A role names a skill id that is not in `skills.json`.";
    DuplicateSkill = "duplicate-skill", Error,
        "A role lists the same skill twice, counting members of any-of slots.";
    AnyOfTooSmall = "any-of-too-small", Error,
        "An any-of slot has fewer than two members.";
    WeightsMismatch = "weights-mismatch", Error,
        "A phase's `weights` do not have one positive number per skill.";
    MonthsOutOfRange = "months-out-of-range", Error,
        "A phase's `months` is outside 0.5 to 36.";
    TotalMonthsTooLong = "total-months-too-long", Error,
        "A role's phases add up to more than 48 months.";
    HoursOutOfRange = "hours-out-of-range", Error,
        "A role's `hours_per_week` is outside 1 to 80.";
    EmptyMilestones = "empty-milestones", Warning,
        "A phase lists no milestones.";
    SalaryWithoutSource = "salary-without-source", Error,
        "A salary figure has no `source`, or a blank one.";
    SalaryNotPositive = "salary-not-positive", Error,
        "A salary `amount` is zero or negative.";
    NoRoles = "no-roles", Error,
        "A roles directory holds no role file.";
    DuplicateTaxonomyId = "duplicate-taxonomy-id", Error,
        "Two skills in `skills.json` have the same id.";
    UnknownCategory = "unknown-category", Error,
        "A skill's `category` is not one of the defined categories.";
    BlankForm = "blank-form", Error,
        "A skill's name or an alias is blank once normalised (spaces or invisible characters only): it could never be found.";
    DuplicateAlias = "duplicate-alias", Error,
        "An alias belongs to two skills (ignoring case), or one skill lists it twice, or a name or alias of an imported skill is one of a curated skill.";
    AliasIsOtherId = "alias-is-other-id", Error,
        "An alias equals another skill's id or name (ignoring case).";
    UnknownImpliedSkill = "unknown-implied-skill", Error,
        "A skill implies a skill id that is not in `skills.json`.";
    ImplicationCycle = "implication-cycle", Error,
        "Skills imply each other in a cycle.";
    UnusedSkill = "unused-skill", Warning,
        "A skill nothing can produce: no role lists it, no skill implies it, and every name it has belongs to another skill.";
    UnknownFamily = "unknown-family", Error,
        "A family slot names a family that `families.json` does not define.";
    PickNotInFamily = "pick-not-in-family", Error,
        "A family slot's `pick` is not a member of its family.";
    FamilyTooSmall = "family-too-small", Error,
        "A family in `families.json` has fewer than two members.";
    DuplicateFamilyId = "duplicate-family-id", Error,
        "Two families in `families.json` have the same id.";
    UnknownOccupation = "unknown-occupation", Error,
        "A role's `onet_soc` is not an O*NET-SOC code of the occupation table (`imported/occupations.tsv`).";
    ProjectSkillNotInRole = "project-skill-not-in-role", Error,
        "A project names a skill or family that no slot of its role lists.";
    ProjectHoursOutOfRange = "project-hours-out-of-range", Error,
        "A project's `hours` is outside 1 to 500.";
}

#[cfg(test)]
impl Code {
    /// The code with this kebab-case name.
    pub(crate) fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

/// One finding: which rule, where, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Diagnostic {
    /// The rule broken.
    pub code: Code,
    /// The code's severity.
    pub severity: Severity,
    /// The file, as given (relative paths stay relative; the embedded set is `roles/<file>`).
    pub path: PathBuf,
    /// 1-based line of the offending value; 0 when the finding is about the whole file.
    pub line: usize,
    /// 1-based column (in characters) of the offending value; 0 with `line` 0.
    pub column: usize,
    /// What is wrong, naming the value.
    pub message: String,
    /// How to fix it, when there is something specific to say.
    pub help: Option<String>,
}

/// Checks a data set: the taxonomy (and the imported one), every role file, and the
/// references between them. Diagnostics are sorted by path, line and column.
pub(crate) fn check(data: &DataSet) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let taxonomy = rules::Taxonomies {
        curated: Some(&data.taxonomy),
        imported: data.imported.as_ref(),
        families: data.families.as_ref(),
    };
    rules::check_files(taxonomy, &data.roles, true, &mut diags);
    sort(&mut diags);
    diags
}

/// How many files [`check`] looks at for `data`: the taxonomy, the imported one and the
/// families file when there are, and every role file.
pub(crate) fn file_count(data: &DataSet) -> usize {
    data.roles.len()
        + 1
        + usize::from(data.imported.is_some())
        + usize::from(data.families.is_some())
}

/// Checks a roles directory (`skills.json`, `imported/skills.json` when it exists, and every
/// other `*.json` but `schema.json`), reading files one by one: a missing `skills.json`, or an unreadable or non-UTF-8 file, is
/// a diagnostic and the other files are still checked.
///
/// Errors only when the directory itself cannot be listed.
#[cfg(test)]
pub(crate) fn check_dir(dir: &Path) -> anyhow::Result<Vec<Diagnostic>> {
    Ok(check_dir_counted(dir)?.0)
}

/// [`check_dir`], also returning how many files it looked at (for the summary line): every
/// role file, and `skills.json` and `imported/skills.json` when they exist, readable or not.
pub(crate) fn check_dir_counted(dir: &Path) -> anyhow::Result<(Vec<Diagnostic>, usize)> {
    let checked = read_and_check_dir(dir)?;
    Ok((checked.diagnostics, checked.files))
}

/// A roles directory read once and checked.
pub(crate) struct CheckedDir {
    /// The files as read, when `skills.json`, `imported/skills.json` (if present) and every
    /// role file could be read.
    pub data: Option<DataSet>,
    /// Every problem found, sorted by file and place.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were looked at (see [`check_dir_counted`]).
    pub files: usize,
}

/// Reads a roles directory once, as [`check_dir`] does, and keeps the files for loading:
/// `--roles-dir` checks its data and then uses the same text.
pub(crate) fn read_and_check_dir(dir: &Path) -> anyhow::Result<CheckedDir> {
    let paths = role_paths(dir)?;
    let mut files = paths.len() + 1;
    let mut diags = Vec::new();
    let taxonomy = match read_file(dir.join(TAXONOMY_FILE)) {
        Err((taxonomy_path, Unreadable::Io(e))) if e.kind() == ErrorKind::NotFound => {
            files -= 1;
            diags.push(Diagnostic {
                code: Code::MissingTaxonomy,
                severity: Code::MissingTaxonomy.severity(),
                path: taxonomy_path,
                line: 0,
                column: 0,
                message: format!("no `{TAXONOMY_FILE}` in `{}`", slash_path(dir)),
                help: Some(
                    "a roles directory holds `skills.json` (the taxonomy) next to the role files"
                        .to_owned(),
                ),
            });
            None
        }
        read => readable(read, &mut diags),
    };
    let mut all_read = true;
    // Optional files: no file is no finding. The imported taxonomy, and the families file (a
    // set whose roles name no family needs none).
    let mut optional = |path: PathBuf| match read_file(path) {
        Err((_, Unreadable::Io(e))) if e.kind() == ErrorKind::NotFound => None,
        read => {
            files += 1;
            let file = readable(read, &mut diags);
            all_read &= file.is_some();
            file
        }
    };
    let imported = optional(imported_path(dir));
    let families = optional(dir.join(FAMILIES_FILE));
    if paths.is_empty() {
        diags.push(Diagnostic {
            code: Code::NoRoles,
            severity: Code::NoRoles.severity(),
            path: dir.to_path_buf(),
            line: 0,
            column: 0,
            message: format!("no role files (`<id>.json`) in `{}`", slash_path(dir)),
            help: Some(
                "a roles directory holds one `<id>.json` file per role next to `skills.json`"
                    .to_owned(),
            ),
        });
    }
    let mut roles = Vec::with_capacity(paths.len());
    for path in paths {
        match readable(read_file(path), &mut diags) {
            Some(file) => roles.push(file),
            None => all_read = false,
        }
    }
    let taxonomies = rules::Taxonomies {
        curated: taxonomy.as_ref(),
        imported: imported.as_ref(),
        families: families.as_ref(),
    };
    rules::check_files(taxonomies, &roles, all_read, &mut diags);
    sort(&mut diags);
    let data = taxonomy.filter(|_| all_read).map(|taxonomy| DataSet {
        taxonomy,
        imported,
        families,
        roles,
        embedded: false,
    });
    Ok(CheckedDir {
        data,
        diagnostics: diags,
        files,
    })
}

/// The file read, or `None` after a diagnostic saying why it could not be.
fn readable(
    read: Result<SourceFile, (PathBuf, Unreadable)>,
    diags: &mut Vec<Diagnostic>,
) -> Option<SourceFile> {
    let (path, why) = match read {
        Ok(file) => return Some(file),
        Err(failed) => failed,
    };
    let (pos, message) = match why {
        Unreadable::Io(e) => (None, format!("cannot read the file: {e}")),
        Unreadable::NotUtf8(pos) => (Some(pos), "the file is not valid UTF-8".to_owned()),
    };
    diags.push(Diagnostic {
        code: Code::UnreadableFile,
        severity: Code::UnreadableFile.severity(),
        path,
        line: pos.map_or(0, |p| p.line),
        column: pos.map_or(0, |p| p.column),
        message,
        help: None,
    });
    None
}

fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
}

/// A path with `/` separators on every platform, so output does not depend on the machine.
pub(crate) fn slash_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    }
}

#[cfg(test)]
mod tests;
