//! Views of the role data itself, for `roles list` and `roles show`: plain data, written by
//! `super::table`, [`super::markdown`] and `super::json`.

use serde::Serialize;

use super::SCHEMA_VERSION;
use crate::gap::Named;
use crate::gap::{self, RelatedRole};
use crate::roles::{Library, Project, Role, Salary, SkillSlot};

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

impl RoleRow {
    /// The row of `role`.
    pub fn new(role: &Role) -> RoleRow {
        RoleRow {
            id: role.id.clone(),
            title: role.title.clone(),
            months: role.months(),
            hours_per_week: role.hours_per_week,
            phases: role.phases.len(),
        }
    }
}

/// The JSON shape of `roles list`.
#[derive(Debug, Serialize)]
pub(crate) struct RoleList {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// One row per role, sorted by id.
    pub roles: Vec<RoleRow>,
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
    /// Skills as display names; an any-of slot as "A | B | C"; a family slot as "PostgreSQL
    /// (or another relational database)".
    pub skills: Vec<String>,
    /// Milestones.
    pub milestones: Vec<String>,
    /// Hands-on projects of the phase.
    pub projects: Vec<Project>,
}

/// The role's O*NET-SOC occupation in `roles show`.
#[derive(Debug, Serialize)]
pub struct OccupationView {
    /// O*NET-SOC code ("15-1252.00").
    pub code: String,
    /// O*NET title ("Software Developers").
    pub title: String,
    /// The occupation's Hot Technologies (O*NET) that the taxonomy knows, by id.
    pub hot_technologies: Vec<Named>,
}

/// The JSON shape of `roles show`.
#[derive(Debug, Serialize)]
pub struct RoleView {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Role id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// The role's O*NET-SOC occupation, when the role names one.
    pub occupation: Option<OccupationView>,
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

impl RoleView {
    /// The `roles show` view of `role`: phases with skill names, related roles sharing over
    /// `threshold` (0..1) of their skills, and the skills left out of related-role shares.
    pub fn new(role: &Role, library: &Library, threshold: f64) -> RoleView {
        let name = |id: &str| library.taxonomy.name_of(id).to_owned();
        RoleView {
            schema_version: SCHEMA_VERSION,
            id: role.id.clone(),
            title: role.title.clone(),
            summary: role.summary.clone(),
            occupation: role.onet_soc.as_deref().map(|code| {
                let found = crate::occupations::find(code);
                OccupationView {
                    code: code.to_owned(),
                    title: found.map_or_else(String::new, |o| o.title.to_owned()),
                    hot_technologies: found
                        .into_iter()
                        .flat_map(|o| o.hot_technologies())
                        .filter(|id| library.taxonomy.get(id).is_some())
                        .map(|id| Named {
                            id: id.to_owned(),
                            name: name(id),
                        })
                        .collect(),
                }
            }),
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
                        .map(|s| match s {
                            SkillSlot::Family { family, pick, .. } => format!(
                                "{} (or another {})",
                                name(pick),
                                library.family(family).map_or_else(
                                    || family.clone(),
                                    |f| super::family_in_text(&f.name)
                                )
                            ),
                            _ => s
                                .members()
                                .iter()
                                .map(|m| name(m))
                                .collect::<Vec<_>>()
                                .join(" | "),
                        })
                        .collect(),
                    milestones: p.milestones.clone(),
                    projects: p.projects.clone(),
                })
                .collect(),
            related_roles: gap::related_roles(role, library, threshold, &|_| false),
            ubiquitous_skills: library.ubiquitous().iter().cloned().collect(),
        }
    }
}
