//! Skills + role -> gap. Pure functions: which skills of a role a person has, which are
//! missing, the phase to start at, the time to ready at the person's pace, and the related
//! roles. The formulas are documented in README ("How the gap is computed").

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::roles::{Library, Role, SkillSlot};

/// Weeks per month used to turn months into weeks (52 / 12).
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// Bounds of a study pace, in hours per week: of a role file's `hours_per_week` and of
/// `--hours-per-week` (the API's `hours_per_week` too).
pub const PACE_HOURS: (f64, f64) = (1.0, 80.0);

/// Default share above which another role is related (0.40: "shares over 40%").
pub const DEFAULT_RELATED_THRESHOLD: f64 = 0.40;

/// Options of a gap analysis.
#[derive(Debug, Clone, Copy)]
pub struct GapOptions {
    /// The person's study pace in hours per week; `None` means the role's own pace.
    pub hours_per_week: Option<f64>,
    /// Share (0..1) that another role must exceed to be related.
    pub related_threshold: f64,
}

impl Default for GapOptions {
    fn default() -> Self {
        GapOptions {
            hours_per_week: None,
            related_threshold: DEFAULT_RELATED_THRESHOLD,
        }
    }
}

/// A skill named in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillRef {
    /// Taxonomy id (for an any-of or family slot: the member the person has, else the
    /// plan's pick).
    pub id: String,
    /// Display name.
    pub name: String,
    /// For an any-of or family slot: every member id (for a family, the pick first); empty
    /// for a single skill.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    /// For a family slot: the family (`roles/families.json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<Named>,
    /// For an any-of or family slot: the plan's default pick (the first any-of member, or
    /// the family slot's `pick`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pick: Option<Named>,
    /// For a slot the person meets: the id of the skill that met it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met_by: Option<String>,
    /// The display names of `any_of`, in order, for reports to people; empty when not
    /// filled in (not serialised: the JSON carries the ids).
    #[serde(skip)]
    pub any_of_names: Vec<String>,
}

impl SkillRef {
    /// A skill, or an either-or group of `any_of` members named by `id`, outside any role's
    /// slots (a posting's requirement).
    pub fn plain(id: String, name: String, any_of: Vec<String>) -> SkillRef {
        SkillRef {
            id,
            name,
            any_of,
            family: None,
            pick: None,
            met_by: None,
            any_of_names: Vec::new(),
        }
    }

    /// This reference with the display names of its `any_of` members, looked up in
    /// `name_of`.
    pub fn with_member_names(mut self, name_of: impl Fn(&str) -> String) -> SkillRef {
        self.any_of_names = self.any_of.iter().map(|m| name_of(m)).collect();
        self
    }

    /// How people read an either-or group: "Apache Airflow or Dagster"; "A, B or C". The
    /// name alone for a single skill, or when the member names are not filled in.
    pub fn either_or(&self) -> String {
        match self.any_of_names.as_slice() {
            [] | [_] => self.name.clone(),
            [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
        }
    }

    /// Whether the slot was met by another skill than the plan's pick ("met by MySQL; the
    /// plan names PostgreSQL").
    pub fn met_by_other(&self) -> Option<&Named> {
        let pick = self.pick.as_ref()?;
        (self.met_by.as_deref().is_some_and(|m| m != pick.id)).then_some(pick)
    }
}

/// An id with its display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    /// The id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// One phase of the role with the person's coverage of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseGap {
    /// 1-based position in the role.
    pub index: usize,
    /// Phase name.
    pub name: String,
    /// Phase length at the role's pace, in months.
    pub months: f64,
    /// Skills of the phase the person has.
    pub present: Vec<SkillRef>,
    /// Skills of the phase the person lacks.
    pub missing: Vec<SkillRef>,
    /// present / (present + missing), 0..1; 1 for a phase with no skills.
    pub coverage: f64,
}

/// A missing skill with the phase that teaches it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingSkill {
    /// Taxonomy id (first member for an any-of slot).
    pub id: String,
    /// Display name.
    pub name: String,
    /// 1-based index of the phase that teaches it.
    pub phase: usize,
    /// Its share of that phase's months at the role's pace.
    pub months: f64,
    /// For an any-of or family slot: every member id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    /// For a family slot: the family.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<Named>,
}

/// Where to start: the first phase, in order, with a missing skill.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseRef {
    /// 1-based phase index.
    pub index: usize,
    /// Phase name.
    pub name: String,
}

/// Estimated study time to cover every missing skill.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimeToReady {
    /// Months at the person's pace, rounded to 1 decimal.
    pub months: f64,
    /// Weeks at the person's pace (months x 52/12), rounded to 1 decimal.
    pub weeks: f64,
    /// Study hours in all (independent of pace), rounded to a whole hour.
    pub hours: f64,
    /// The pace used, in hours per week.
    pub hours_per_week: f64,
}

/// Another role sharing much of this role's skills.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedRole {
    /// Role id.
    pub id: String,
    /// Role title.
    pub title: String,
    /// Share of this role's distinctive skills that the other role also lists, 0..1.
    pub shared: f64,
    /// Those shared skills.
    pub shared_skills: Vec<SkillRef>,
    /// The person's coverage of the other role, 0..1.
    pub coverage: f64,
}

/// A hands-on project the report suggests, with the missing skills it covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectPick {
    /// Project title.
    pub name: String,
    /// What the learner builds; empty when the role gives no summary.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// The phase the project belongs to.
    pub phase: PhaseRef,
    /// Rough size in hours (the role file's estimate).
    pub hours: f64,
    /// Skill or family ids the project exercises, as the role lists them.
    pub skills: Vec<String>,
    /// The missing slots it covers, named by their pick (as in `missing_skills`).
    pub covers: Vec<Named>,
}

/// The role a report is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleSummary {
    /// Role id.
    pub id: String,
    /// Role title.
    pub title: String,
    /// The role's own study pace, hours per week.
    pub hours_per_week: f64,
    /// Total months at the role's pace.
    pub months: f64,
}

/// The gap between a person's skills and a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReport {
    /// The target role.
    pub role: RoleSummary,
    /// Every phase with present and missing skills.
    pub phases: Vec<PhaseGap>,
    /// Missing skills in phase order.
    pub missing_skills: Vec<MissingSkill>,
    /// The first phase with a missing skill; `None` when ready.
    pub recommended_phase: Option<PhaseRef>,
    /// Time to cover the missing skills at the person's pace.
    pub time_to_ready: TimeToReady,
    /// Roles sharing more than the threshold of this role's skills, by share.
    pub related_roles: Vec<RelatedRole>,
    /// The fewest of the role's projects that exercise every missing slot some project
    /// exercises (see [`pick_projects`]), in phase order.
    pub projects: Vec<ProjectPick>,
    /// Present skills / all skills of the role (each skill or slot once), 0..1, rounded to
    /// two decimals.
    pub coverage: f64,
    /// The same fraction unrounded, for gates such as `--fail-under` (not serialised).
    #[serde(skip)]
    pub coverage_exact: f64,
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn slot_present(slot: &SkillSlot, has: &dyn Fn(&str) -> bool) -> Option<String> {
    slot.members().iter().find(|id| has(id)).cloned()
}

/// The report's view of a slot: named by `chosen` (the member the person has) or the pick.
pub(crate) fn slot_ref(slot: &SkillSlot, chosen: Option<&str>, library: &Library) -> SkillRef {
    let id = chosen.unwrap_or(slot.primary()).to_owned();
    let named = |id: &str| Named {
        id: id.to_owned(),
        name: library.taxonomy.name_of(id).to_owned(),
    };
    let (any_of, family) = match slot {
        SkillSlot::One(_) => (Vec::new(), None),
        SkillSlot::AnyOf { any_of } => (any_of.clone(), None),
        SkillSlot::Family { family, .. } => (
            slot.members().to_vec(),
            Some(Named {
                id: family.clone(),
                name: library
                    .family(family)
                    .map_or_else(|| family.clone(), |f| f.name.clone()),
            }),
        ),
    };
    SkillRef {
        name: library.taxonomy.name_of(&id).to_owned(),
        any_of_names: Vec::new(),
        pick: (!any_of.is_empty()).then(|| named(slot.primary())),
        met_by: chosen.map(str::to_owned),
        id,
        any_of,
        family,
    }
}

/// Coverage (0..1) of a role: present slots / all slots, each slot counted once.
pub fn coverage(role: &Role, has: &dyn Fn(&str) -> bool) -> f64 {
    let slots = role.slots();
    if slots.is_empty() {
        return 1.0;
    }
    let present = slots
        .iter()
        .filter(|s| slot_present(s, has).is_some())
        .count();
    present as f64 / slots.len() as f64
}

/// Why the best fit won, when no role was given: its coverage and the runner-up's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BestFit {
    /// The chosen role's coverage, 0..1, two decimals.
    pub coverage: f64,
    /// The role with the next highest coverage, when there is another role.
    pub runner_up: Option<RankedRole>,
    /// How many roles were compared.
    pub compared: usize,
}

/// A role with the person's coverage of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedRole {
    /// Role id.
    pub id: String,
    /// Role title.
    pub title: String,
    /// The person's coverage of it, 0..1, two decimals.
    pub coverage: f64,
}

impl BestFit {
    /// The explanation of a ranking (`rank_roles`, best first); `None` when it is empty.
    pub fn of(ranked: &[(&Role, f64)]) -> Option<BestFit> {
        let (_, coverage) = ranked.first()?;
        Some(BestFit {
            coverage: round(*coverage, 2),
            runner_up: ranked.get(1).map(|(r, c)| RankedRole {
                id: r.id.clone(),
                title: r.title.clone(),
                coverage: round(*c, 2),
            }),
            compared: ranked.len(),
        })
    }
}

/// Roles ranked by the person's coverage, best first (ties by id). Each entry is
/// (role, coverage 0..1).
pub fn rank_roles<'a>(library: &'a Library, has: &dyn Fn(&str) -> bool) -> Vec<(&'a Role, f64)> {
    let mut ranked: Vec<(&Role, f64)> = library
        .roles
        .iter()
        .map(|r| (r, coverage(r, has)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    ranked
}

/// Skill ids listed by more than half of all roles (and by at least two). They carry no signal about how roles
/// relate (nearly every role lists git), so related-role shares leave them out.
pub fn ubiquitous_skills(library: &Library) -> BTreeSet<String> {
    // id -> (roles listing it, the last role counted + 1): one map operation a member.
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (k, role) in library.roles.iter().enumerate() {
        for id in role.slots().iter().flat_map(|s| s.members()) {
            let entry = counts.entry(id).or_insert((0, 0));
            if entry.1 != k + 1 {
                *entry = (entry.0 + 1, k + 1);
            }
        }
    }
    let half = library.roles.len() / 2;
    counts
        .into_iter()
        .filter(|&(_, (n, _))| n > half && n >= 2)
        .map(|(id, _)| id.to_owned())
        .collect()
}

/// Roles related to `role`: share = (this role's slots that the other role also lists, an
/// any-of slot matching when the other lists any member) / (this role's slots), both counted
/// without ubiquitous skills; related when share > `threshold`. Sorted by share, then id.
/// Each entry carries the person's coverage of that role.
pub fn related_roles(
    role: &Role,
    library: &Library,
    threshold: f64,
    has: &dyn Fn(&str) -> bool,
) -> Vec<RelatedRole> {
    let common = library.ubiquitous();
    let slots: Vec<&SkillSlot> = role
        .slots()
        .into_iter()
        .filter(|s| !s.members().iter().any(|m| common.contains(m)))
        .collect();
    if slots.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for other in library.roles.iter().filter(|r| r.id != role.id) {
        let listed: std::collections::HashSet<&str> = other
            .slots()
            .iter()
            .flat_map(|s| s.members())
            .map(String::as_str)
            .collect();
        let shared: Vec<SkillRef> = slots
            .iter()
            .filter_map(|s| {
                let hit = s.members().iter().find(|m| listed.contains(m.as_str()))?;
                let name = library.taxonomy.name_of(hit).to_owned();
                Some(SkillRef::plain(hit.clone(), name, Vec::new()))
            })
            .collect();
        let share = shared.len() as f64 / slots.len() as f64;
        if share > threshold {
            out.push(RelatedRole {
                id: other.id.clone(),
                title: other.title.clone(),
                shared: round(share, 2),
                shared_skills: shared,
                coverage: round(coverage(other, has), 2),
            });
        }
    }
    out.sort_by(|a, b| b.shared.total_cmp(&a.shared).then_with(|| a.id.cmp(&b.id)));
    out
}

/// Whether a project's skill list exercises `slot`: it names a member or the slot's family.
fn exercises(project: &crate::roles::Project, slot: &SkillSlot) -> bool {
    project
        .skills
        .iter()
        .any(|id| slot.members().contains(id) || slot.family() == Some(id.as_str()))
}

/// The fewest projects of `role` that exercise every missing slot (`missing`, by primary
/// id) that some project exercises: greedy set cover (the project covering the most
/// uncovered slots first; ties to fewer hours, then role order), shown in role order. Greedy
/// cover is within a factor ln(n) of the fewest (Johnson 1974), and exact on the small
/// project lists of our roles in practice.
pub fn pick_projects(role: &Role, missing: &[&SkillSlot], library: &Library) -> Vec<ProjectPick> {
    let projects: Vec<(usize, &crate::roles::Project)> = role
        .phases
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.projects.iter().map(move |pr| (i, pr)))
        .collect();
    let mut uncovered: Vec<&SkillSlot> = missing
        .iter()
        .copied()
        .filter(|s| projects.iter().any(|(_, p)| exercises(p, s)))
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    while !uncovered.is_empty() {
        let best = projects
            .iter()
            .enumerate()
            .filter(|(k, _)| !chosen.contains(k))
            .map(|(k, (_, p))| {
                (
                    k,
                    uncovered.iter().filter(|s| exercises(p, s)).count(),
                    p.hours,
                )
            })
            .filter(|&(_, n, _)| n > 0)
            .min_by(|a, b| b.1.cmp(&a.1).then(a.2.total_cmp(&b.2)).then(a.0.cmp(&b.0)));
        let Some((k, _, _)) = best else { break };
        chosen.push(k);
        uncovered.retain(|s| !exercises(projects[k].1, s));
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|k| {
            let (i, p) = projects[k];
            ProjectPick {
                name: p.name.clone(),
                summary: p.summary.clone(),
                phase: PhaseRef {
                    index: i + 1,
                    name: role.phases[i].name.clone(),
                },
                hours: p.hours,
                skills: p.skills.clone(),
                covers: missing
                    .iter()
                    .filter(|s| exercises(p, s))
                    .map(|s| Named {
                        id: s.primary().to_owned(),
                        name: library.taxonomy.name_of(s.primary()).to_owned(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Analyses the gap between the skills `has` says a person has and `role`.
///
/// Time to ready: each phase's months are shared among its skills (equally, or by the
/// phase's `weights`); the shares of missing skills are summed (a skill listed in several
/// phases counts once, in its first phase) and scaled by role pace / person's pace.
pub fn analyze(
    role: &Role,
    library: &Library,
    has: &dyn Fn(&str) -> bool,
    opts: &GapOptions,
) -> GapReport {
    let mut phases = Vec::with_capacity(role.phases.len());
    let mut missing_skills = Vec::new();
    let mut counted: BTreeSet<String> = BTreeSet::new();
    let mut missing_months = 0.0;
    let mut missing_slots: Vec<&SkillSlot> = Vec::new();
    for (i, phase) in role.phases.iter().enumerate() {
        let weights: Vec<f64> = match &phase.weights {
            Some(w) if w.len() == phase.skills.len() && w.iter().sum::<f64>() > 0.0 => w.clone(),
            _ => vec![1.0; phase.skills.len()],
        };
        let total_weight: f64 = weights.iter().sum();
        let (mut present, mut missing) = (Vec::new(), Vec::new());
        for (slot, weight) in phase.skills.iter().zip(&weights) {
            match slot_present(slot, has) {
                Some(id) => present.push(slot_ref(slot, Some(&id), library)),
                None => {
                    let skill = slot_ref(slot, None, library);
                    let months = phase.months * weight / total_weight;
                    if counted.insert(skill.id.clone()) {
                        missing_slots.push(slot);
                        missing_months += months;
                        missing_skills.push(MissingSkill {
                            id: skill.id.clone(),
                            name: skill.name.clone(),
                            phase: i + 1,
                            months: round(months, 2),
                            any_of: skill.any_of.clone(),
                            family: skill.family.clone(),
                        });
                    }
                    missing.push(skill);
                }
            }
        }
        let n = present.len() + missing.len();
        let coverage = if n == 0 {
            1.0
        } else {
            present.len() as f64 / n as f64
        };
        phases.push(PhaseGap {
            index: i + 1,
            name: phase.name.clone(),
            months: phase.months,
            present,
            missing,
            coverage: round(coverage, 2),
        });
    }
    let recommended_phase = phases
        .iter()
        .find(|p| !p.missing.is_empty())
        .map(|p| PhaseRef {
            index: p.index,
            name: p.name.clone(),
        });
    let pace = opts.hours_per_week.unwrap_or(role.hours_per_week);
    let scaled = missing_months * role.hours_per_week / pace;
    let time_to_ready = TimeToReady {
        months: round(scaled, 1),
        weeks: round(scaled * WEEKS_PER_MONTH, 1),
        hours: (missing_months * WEEKS_PER_MONTH * role.hours_per_week).round(),
        hours_per_week: pace,
    };
    GapReport {
        role: RoleSummary {
            id: role.id.clone(),
            title: role.title.clone(),
            hours_per_week: role.hours_per_week,
            months: role.months(),
        },
        phases,
        missing_skills,
        recommended_phase,
        time_to_ready,
        related_roles: related_roles(role, library, opts.related_threshold, has),
        projects: pick_projects(role, &missing_slots, library),
        coverage: round(coverage(role, has), 2),
        coverage_exact: coverage(role, has),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{DataSet, SourceFile};
    use std::path::PathBuf;

    fn library() -> Library {
        let taxonomy = r#"{"skills": [
{"id": "a", "name": "A", "category": "tool"}, {"id": "b", "name": "B", "category": "tool"},
{"id": "c", "name": "C", "category": "tool"}, {"id": "d", "name": "D", "category": "tool"},
{"id": "e", "name": "E", "category": "tool"}, {"id": "f", "name": "F", "category": "tool"},
{"id": "g", "name": "G", "category": "tool"}, {"id": "x", "name": "X", "category": "tool"}
]}"#;
        let role = |id: &str, phases: &str| {
            SourceFile {
            path: PathBuf::from(format!("{id}.json")),
            text: format!(
                r#"{{"id": "{id}", "title": "{id}", "summary": "s", "hours_per_week": 12, "phases": {phases}}}"#
            )
            .into(),
        }
        };
        let data = DataSet {
            taxonomy: SourceFile {
                path: "skills.json".into(),
                text: taxonomy.into(),
            },
            imported: None,
            families: None,
            roles: vec![
                role(
                    "one",
                    r#"[{"name": "P1", "months": 3, "skills": [{"any_of": ["a", "b"]}, "c", "x"], "milestones": []},
                        {"name": "P2", "months": 4, "skills": ["d", "e", "f", "x"], "weights": [2, 1, 1, 0], "milestones": []}]"#,
                ),
                role(
                    "two",
                    r#"[{"name": "Q", "months": 2, "skills": ["b", "c", "d", "x"], "milestones": []}]"#,
                ),
                role(
                    "three",
                    r#"[{"name": "R", "months": 2, "skills": ["g", "x"], "milestones": []}]"#,
                ),
                role(
                    "four",
                    r#"[{"name": "S", "months": 1, "skills": ["x"], "milestones": []}]"#,
                ),
            ],
            embedded: false,
        };
        Library::load(&data).unwrap()
    }

    #[test]
    fn gap_phases_time_and_related() {
        let lib = library();
        let role = lib.role("one").unwrap();
        let has = |id: &str| ["b", "c", "x"].contains(&id);
        let report = analyze(role, &lib, &has, &GapOptions::default());
        assert_eq!(report.phases[0].coverage, 1.0);
        assert_eq!(report.phases[0].present[0].id, "b");
        assert_eq!(
            report.phases[1]
                .missing
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["d", "e", "f"]
        );
        assert_eq!(
            report.recommended_phase,
            Some(PhaseRef {
                index: 2,
                name: "P2".into()
            })
        );
        // d, e, f carry weights 2:1:1 of 4 months -> 2 + 1 + 1.
        assert_eq!(
            report
                .missing_skills
                .iter()
                .map(|m| m.months)
                .collect::<Vec<_>>(),
            [2.0, 1.0, 1.0]
        );
        assert_eq!(report.time_to_ready.months, 4.0);
        assert_eq!(report.time_to_ready.hours, 208.0);
        assert_eq!(report.coverage, 0.5); // b/a slot, c, x present of 6 slots
        // x is in every role (ubiquitous); of one's other slots {a|b, c, d, e, f} two share
        // a role "two" lists b, c, d -> 3/5 = 0.6.
        assert_eq!(report.related_roles.len(), 1);
        assert_eq!(report.related_roles[0].id, "two");
        assert_eq!(report.related_roles[0].shared, 0.6);
        let half = analyze(
            role,
            &lib,
            &has,
            &GapOptions {
                hours_per_week: Some(6.0),
                ..Default::default()
            },
        );
        assert_eq!(half.time_to_ready.months, 8.0);
        assert_eq!(half.time_to_ready.weeks, 34.7);
        assert_eq!(half.time_to_ready.hours, 208.0);
    }

    #[test]
    fn an_either_or_group_reads_with_its_member_names() {
        let lib = library();
        let group = SkillRef::plain(
            "a".into(),
            "A".into(),
            vec!["a".into(), "b".into(), "c".into()],
        )
        .with_member_names(|id| lib.taxonomy.name_of(id).to_owned());
        assert_eq!(group.either_or(), "A, B or C");
        let two = SkillRef::plain("a".into(), "A".into(), vec!["a".into(), "b".into()])
            .with_member_names(|id| lib.taxonomy.name_of(id).to_owned());
        assert_eq!(two.either_or(), "A or B");
        assert_eq!(
            SkillRef::plain("d".into(), "D".into(), Vec::new()).either_or(),
            "D"
        );
    }

    #[test]
    fn ready_person_has_no_recommended_phase() {
        let lib = library();
        let role = lib.role("three").unwrap();
        let report = analyze(
            role,
            &lib,
            &|id| id == "g" || id == "x",
            &GapOptions::default(),
        );
        assert_eq!(report.recommended_phase, None);
        assert_eq!(report.time_to_ready.months, 0.0);
        assert_eq!(report.coverage, 1.0);
    }

    #[test]
    fn missing_any_of_slot_is_named_by_first_member() {
        let lib = library();
        let report = analyze(
            lib.role("one").unwrap(),
            &lib,
            &|_| false,
            &GapOptions::default(),
        );
        assert_eq!(report.missing_skills[0].id, "a");
        assert_eq!(report.missing_skills[0].any_of, ["a", "b"]);
        assert_eq!(report.time_to_ready.months, 7.0);
    }

    #[test]
    fn ranking_by_coverage() {
        let lib = library();
        let ranked = rank_roles(&lib, &|id| id == "g" || id == "x");
        assert_eq!(ranked[0].0.id, "four");
        assert_eq!(ranked[1].0.id, "three");
        assert_eq!(ranked[0].1, 1.0);
    }

    #[test]
    fn ubiquitous_needs_half_of_roles() {
        let lib = library();
        let common: Vec<String> = ubiquitous_skills(&lib).into_iter().collect();
        // 4 roles -> listed by more than 2: only x (b, c and d are in two roles each).
        assert_eq!(common, ["x"]);
    }
}
