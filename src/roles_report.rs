//! `skillgap roles list|show|check`: reports about the role data itself.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use comfy_table::Cell;
use serde::Serialize;

use crate::check;
use crate::cli::{CheckFormat, Format};
use crate::commands::{EXIT_OK, find_role, load_library};
use crate::gap::{self, RelatedRole};
use crate::report::style::{Style, right};
use crate::report::{self, percent, terminal_safe};
use crate::roles::{DataSet, Library, Role, Salary};

/// One row of `roles list`.
#[derive(Debug, Serialize)]
pub struct RoleRow {
    /// Role id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Total months at the role's pace.
    pub months: f64,
    /// Study pace, hours per week.
    pub hours_per_week: f64,
    /// Number of phases.
    pub phases: usize,
}

#[derive(Serialize)]
struct ListJson {
    schema_version: u32,
    roles: Vec<RoleRow>,
}

/// `roles list`.
pub fn list(
    roles_dir: Option<&Path>,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    // The list needs no taxonomy: for the embedded set (checked in CI) only the role files
    // are parsed, which halves the start-up of this command.
    let roles: Vec<Role> = match roles_dir {
        Some(_) => load_library(roles_dir)?.roles.clone(),
        None => {
            let mut roles = DataSet::embedded()
                .roles
                .iter()
                .map(|f| {
                    serde_json::from_str(&f.text)
                        .with_context(|| format!("invalid role file `{}`", f.path.display()))
                })
                .collect::<anyhow::Result<Vec<Role>>>()?;
            roles.sort_by(|a, b| a.id.cmp(&b.id));
            roles
        }
    };
    let rows: Vec<RoleRow> = roles
        .iter()
        .map(|r| RoleRow {
            id: r.id.clone(),
            title: r.title.clone(),
            months: r.months(),
            hours_per_week: r.hours_per_week,
            phases: r.phases.len(),
        })
        .collect();
    match format {
        Format::Json => report::json::write(
            &ListJson {
                schema_version: report::SCHEMA_VERSION,
                roles: rows,
            },
            out,
        )?,
        Format::Table => {
            let mut t = style.table(&["Role", "Title", "Months", "Hours/week", "Phases"]);
            for r in &rows {
                t.add_row(vec![
                    Cell::new(terminal_safe(&r.id)),
                    Cell::new(terminal_safe(&r.title)),
                    right(r.months),
                    right(r.hours_per_week),
                    right(r.phases),
                ]);
            }
            writeln!(out, "{t}")?;
        }
        Format::Markdown => {
            writeln!(out, "| Role | Title | Months | Hours/week | Phases |")?;
            writeln!(out, "|---|---|---:|---:|---:|")?;
            let md = report::markdown::md_text;
            for r in &rows {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    md(&r.id),
                    md(&r.title),
                    r.months,
                    r.hours_per_week,
                    r.phases
                )?;
            }
        }
    }
    Ok(EXIT_OK)
}

/// A phase in `roles show`, with skill names.
#[derive(Debug, Serialize)]
pub struct PhaseView {
    /// 1-based index.
    pub index: usize,
    /// Name.
    pub name: String,
    /// Months at the role's pace.
    pub months: f64,
    /// Skills as display names; an any-of slot as "A | B | C".
    pub skills: Vec<String>,
    /// Milestones.
    pub milestones: Vec<String>,
}

/// The JSON shape of `roles show`.
#[derive(Debug, Serialize)]
pub struct RoleView {
    /// [`report::SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Role id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Total months.
    pub months: f64,
    /// Study pace, hours per week.
    pub hours_per_week: f64,
    /// Salaries with sources.
    pub salary: Vec<Salary>,
    /// Phases.
    pub phases: Vec<PhaseView>,
    /// Related roles (coverage is 0: no resume is involved).
    pub related_roles: Vec<RelatedRole>,
    /// Skills left out of related-role shares because more than half of all roles list them.
    pub ubiquitous_skills: Vec<String>,
}

/// The `roles show` view of `role`: phases with skill names, related roles (by `threshold`)
/// and the skills left out of related-role shares.
pub fn view(role: &Role, library: &Library, threshold: f64) -> RoleView {
    let name = |id: &str| library.taxonomy.name_of(id).to_string();
    RoleView {
        schema_version: report::SCHEMA_VERSION,
        id: role.id.clone(),
        title: role.title.clone(),
        summary: role.summary.clone(),
        months: role.months(),
        hours_per_week: role.hours_per_week,
        salary: role.salary.clone(),
        phases: role
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| PhaseView {
                index: i + 1,
                name: p.name.clone(),
                months: p.months,
                skills: p
                    .skills
                    .iter()
                    .map(|s| {
                        s.members()
                            .iter()
                            .map(|m| name(m))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    })
                    .collect(),
                milestones: p.milestones.clone(),
            })
            .collect(),
        related_roles: gap::related_roles(role, library, threshold, &|_| false),
        ubiquitous_skills: gap::ubiquitous_skills(library).into_iter().collect(),
    }
}

/// `roles show ID`.
pub fn show(
    roles_dir: Option<&Path>,
    id: &str,
    format: Format,
    threshold: f64,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let library = load_library(roles_dir)?;
    let role = find_role(library, id)?;
    let v = view(role, library, threshold);
    match format {
        Format::Json => report::json::write(&v, out)?,
        Format::Markdown => report::markdown::write_role(&v, out)?,
        Format::Table => {
            let s = terminal_safe;
            writeln!(out, "{} [{}]", s(&v.title), s(&v.id))?;
            writeln!(out, "{}", s(&v.summary))?;
            writeln!(
                out,
                "Plan: {} months at {} h/week, {} phases",
                v.months,
                v.hours_per_week,
                v.phases.len()
            )?;
            for sal in &v.salary {
                writeln!(
                    out,
                    "Salary ({}): {} {} per year (source: {})",
                    s(&sal.region),
                    s(&sal.currency),
                    sal.amount,
                    s(&sal.source)
                )?;
            }
            writeln!(out)?;
            let mut t = style.table(&["#", "Phase", "Months", "Skills", "Milestones"]);
            for p in &v.phases {
                t.add_row(vec![
                    right(p.index),
                    Cell::new(s(&p.name)),
                    right(p.months),
                    Cell::new(p.skills.iter().map(|x| s(x)).collect::<Vec<_>>().join("\n")),
                    Cell::new(
                        p.milestones
                            .iter()
                            .map(|m| format!("- {}", s(m)))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                ]);
            }
            writeln!(out, "{t}")?;
            writeln!(out)?;
            if v.related_roles.is_empty() {
                writeln!(out, "Related roles: none share over {}", percent(threshold))?;
            } else {
                let mut t = style.table(&["Related role", "Shared", "Shared skills"]);
                for r in &v.related_roles {
                    let shared: Vec<String> = r.shared_skills.iter().map(|x| s(&x.name)).collect();
                    t.add_row(vec![
                        Cell::new(format!("{} [{}]", s(&r.title), s(&r.id))),
                        right(percent(r.shared)),
                        Cell::new(shared.join(", ")),
                    ]);
                }
                writeln!(out, "{t}")?;
            }
            writeln!(
                out,
                "Shares leave out skills listed by more than half of all roles: {}",
                if v.ubiquitous_skills.is_empty() {
                    "none".to_string()
                } else {
                    v.ubiquitous_skills.join(", ")
                }
            )?;
        }
    }
    Ok(EXIT_OK)
}

/// `roles check [DIR]`: validates the data and prints every finding; 0 without errors,
/// 1 with errors (or warnings with `deny_warnings`); an Err (exit 2) when DIR cannot be listed.
pub fn check(
    dir: Option<&Path>,
    format: CheckFormat,
    deny_warnings: bool,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let (diags, files) = match dir {
        Some(dir) => check::check_dir_counted(dir)?,
        None => {
            let data = DataSet::embedded();
            (check::check(&data), check::file_count(&data))
        }
    };
    check::render(&diags, files, format, out)?;
    Ok(check::exit_code(&diags, deny_warnings))
}
