//! The rules of a role file: its fields, phases, slots, salary and the skills it names.

use std::collections::{HashMap, HashSet};

use skillgap_data::read;
use skillgap_data::schema::{self, Kind};

use super::{
    Code, FamilyFacts, HOURS, Issue, MAX_TOTAL_MONTHS, MONTHS, Node, Pos, Problem, RoleId, Sink,
    SourceFile, TaxonomyFacts, Value, check_id, round2, suggest_skill,
};

/// Project size bounds, in hours.
const PROJECT_HOURS: (f64, f64) = (1.0, 500.0);

/// A slot as the checks between phases see it: the ids it lists (for "once per role"), every
/// id that meets it, and its family.
struct SlotFacts {
    members: Vec<String>,
    family: Option<String>,
}

/// Checks one role file and returns its id (see [`RoleId`]). Skill ids the role names go
/// into `used`.
pub(super) fn check_role(
    sink: &mut Sink<'_>,
    file: &SourceFile,
    facts: Option<&TaxonomyFacts>,
    families: Option<&FamilyFacts>,
    used: &mut HashSet<String>,
    names_families: &mut bool,
) -> RoleId {
    let Some(root) = sink.parse(&file.text) else {
        return RoleId::NotJson;
    };
    let id = sink
        .field(&root, &schema::ROLE, "id", "the role")
        .and_then(|n| Some((n.as_str()?.to_owned(), n.pos)));
    let what = read::what_role(&root);
    if sink.object(&root, &what, &schema::ROLE, &[]).is_none() {
        return RoleId::None;
    }
    if let Some((id, pos)) = &id {
        check_id(sink, id, *pos, "role");
        let stem = file.path.file_stem().map(|s| s.to_string_lossy());
        if let Some(stem) = stem.filter(|stem| stem != id) {
            let message = format!("role id `{id}` does not match the file name `{stem}.json`");
            let help = format!("rename the file to `{id}.json` or set the id to `{stem}`");
            sink.emit(Code::IdMismatch, *pos, message, Some(help));
        }
    }
    sink.field(&root, &schema::ROLE, "$schema", &what);
    sink.field(&root, &schema::ROLE, "title", &what);
    sink.field(&root, &schema::ROLE, "summary", &what);
    check_occupation(sink, &root, &what);
    let hours = sink.field(&root, &schema::ROLE, "hours_per_week", &what);
    if let Some((node, h)) = hours.and_then(|n| Some((n, n.as_f64()?)))
        && !(HOURS.0..=HOURS.1).contains(&h)
    {
        let message = format!(
            "{what} assumes {h} hours per week; expected {} to {}",
            HOURS.0, HOURS.1
        );
        sink.emit(Code::HoursOutOfRange, node.pos, message, None);
    }
    if let Some(salaries) = sink
        .field(&root, &schema::ROLE, "salary", &what)
        .and_then(Node::as_array)
    {
        for (i, salary) in salaries.iter().enumerate() {
            check_salary(sink, salary, i);
        }
    }
    if let Some(phases_node) = sink.field(&root, &schema::ROLE, "phases", &what) {
        let phases = phases_node.as_array().unwrap_or_default();
        if phases.is_empty() {
            let message = format!("{what} has no phases");
            let help = "add at least one phase with skills and months".to_owned();
            sink.emit(Code::NoPhases, phases_node.pos, message, Some(help));
        }
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut total = 0.0;
        let mut slots: Vec<SlotFacts> = Vec::new();
        for (i, phase) in phases.iter().enumerate() {
            total += check_phase(sink, phase, i, facts, families, &mut seen, &mut slots);
        }
        let uses_families = slots.iter().any(|s| s.family.is_some());
        if uses_families && families.is_none() {
            // Members unknown: projects naming them cannot be judged.
            *names_families = true;
        } else {
            check_projects(sink, phases, &slots, facts);
        }
        if total > MAX_TOTAL_MONTHS {
            let message = format!(
                "the phases of {what} add up to {} months; expected at most {MAX_TOTAL_MONTHS}",
                round2(total)
            );
            let help = "split the role, or shorten phases".to_owned();
            sink.emit(
                Code::TotalMonthsTooLong,
                phases_node.pos,
                message,
                Some(help),
            );
        }
        used.extend(seen.into_keys());
    }
    if sink.errors == 0 {
        sink.loads(read::role_of(&root), "the role");
    }
    match id {
        Some((id, pos)) => RoleId::Id(id, pos),
        None => RoleId::None,
    }
}

fn check_salary(sink: &mut Sink<'_>, salary: &Node, i: usize) {
    let what = read::what_salary(salary, i);
    if sink
        .object(salary, &what, &schema::SALARY, &["source"])
        .is_none()
    {
        return;
    }
    sink.field(salary, &schema::SALARY, "region", &what);
    sink.field(salary, &schema::SALARY, "currency", &what);
    if let Some(node) = sink.field(salary, &schema::SALARY, "amount", &what)
        && node.as_f64().is_some_and(|a| a <= 0.0)
    {
        let message = format!("{what} has a zero or negative amount");
        sink.emit(Code::SalaryNotPositive, node.pos, message, None);
    }
    let help = Some("name the public source of the figure, or remove the figure".to_owned());
    match salary.get("source") {
        None => {
            let message = format!("{what} names no source");
            sink.emit(Code::SalaryWithoutSource, salary.pos, message, help);
        }
        Some(node) => {
            if let Some(source) = sink.typed(node, &read::what_field("source", &what), Kind::Str)
                && source.as_str().is_some_and(|s| s.trim().is_empty())
            {
                let message = format!("{what} has a blank source");
                sink.emit(Code::SalaryWithoutSource, node.pos, message, help);
            }
        }
    }
}

/// `onet_soc`, when given: a code of the occupation table. (That every shipped role names
/// one is a test of the shipped data: a role of one's own needs none.)
fn check_occupation(sink: &mut Sink<'_>, root: &Node, what: &str) {
    match sink.field(root, &schema::ROLE, "onet_soc", what) {
        None => {}
        Some(node) => {
            let code = node.as_str().unwrap_or_default();
            if crate::occupations::find(code).is_none() {
                let message = if crate::occupations::well_formed(code) {
                    format!(
                        "{what} names O*NET-SOC code `{code}`, which is no occupation of the O*NET Database"
                    )
                } else {
                    format!("{what} names O*NET-SOC code `{code}`; expected the form `NN-NNNN.NN`")
                };
                let help = "pick a code of roles/imported/occupations.tsv".to_owned();
                sink.emit(Code::UnknownOccupation, node.pos, message, Some(help));
            }
        }
    }
}

/// The projects of every phase: their fields, hours, and skills that are slots of the role.
/// (That every shipped role has six projects exercising every slot is a test of the shipped
/// data.)
fn check_projects(
    sink: &mut Sink<'_>,
    phases: &[Node],
    slots: &[SlotFacts],
    facts: Option<&TaxonomyFacts>,
) {
    for (i, phase) in phases.iter().enumerate() {
        let phase_what = read::what_phase(phase, i);
        let Some(list) = sink
            .field(phase, &schema::PHASE, "projects", &phase_what)
            .and_then(Node::as_array)
        else {
            continue;
        };
        for (k, project) in list.iter().enumerate() {
            let pwhat = read::what_project(project, k, &phase_what);
            if sink
                .object(project, &pwhat, &schema::PROJECT, &[])
                .is_none()
            {
                continue;
            }
            sink.field(project, &schema::PROJECT, "name", &pwhat);
            sink.field(project, &schema::PROJECT, "summary", &pwhat);
            if let Some(node) = sink.field(project, &schema::PROJECT, "hours", &pwhat)
                && let Some(h) = node.as_f64()
                && !(PROJECT_HOURS.0..=PROJECT_HOURS.1).contains(&h)
            {
                let message = format!(
                    "{pwhat} takes {h} hours; expected {} to {}",
                    PROJECT_HOURS.0, PROJECT_HOURS.1
                );
                sink.emit(Code::ProjectHoursOutOfRange, node.pos, message, None);
            }
            for (id, pos) in sink.strings(project, &schema::PROJECT, "skills", &pwhat) {
                let in_role = slots
                    .iter()
                    .any(|s| s.members.iter().any(|m| m == id) || s.family.as_deref() == Some(id));
                if in_role {
                    continue;
                }
                if facts.is_some_and(|f| !f.by_id.contains_key(id)) {
                    let message = format!("{pwhat} names unknown skill `{id}`");
                    let help = facts.and_then(|f| suggest_skill(f, id));
                    sink.emit(Code::UnknownSkill, pos, message, help);
                } else {
                    let message = format!("{pwhat} names `{id}`, which no slot of the role lists");
                    let help = "name a skill, member or family of the role's slots".to_owned();
                    sink.emit(Code::ProjectSkillNotInRole, pos, message, Some(help));
                }
            }
        }
    }
}

/// Checks one phase; returns its months (0 when unknown) for the role's total.
/// `seen` maps each skill id already listed by the role to the phase that listed it; the
/// phase's slots are added to `slots`.
fn check_phase(
    sink: &mut Sink<'_>,
    phase: &Node,
    i: usize,
    facts: Option<&TaxonomyFacts>,
    families: Option<&FamilyFacts>,
    seen: &mut HashMap<String, String>,
    slots_out: &mut Vec<SlotFacts>,
) -> f64 {
    let what = read::what_phase(phase, i);
    if sink.object(phase, &what, &schema::PHASE, &[]).is_none() {
        return 0.0;
    }
    sink.field(phase, &schema::PHASE, "name", &what);
    let months_node = sink.field(phase, &schema::PHASE, "months", &what);
    let months = months_node.and_then(Node::as_f64).unwrap_or(0.0);
    if let Some(node) = months_node
        && !(MONTHS.0..=MONTHS.1).contains(&months)
    {
        let message = format!(
            "{what} lasts {months} months; expected {} to {}",
            MONTHS.0, MONTHS.1
        );
        sink.emit(Code::MonthsOutOfRange, node.pos, message, None);
    }
    let mut slots = 0;
    if let Some(skills) = sink.field(phase, &schema::PHASE, "skills", &what) {
        let items = skills.as_array().unwrap_or_default();
        slots = items.len();
        if items.is_empty() {
            let message = format!("{what} lists no skills");
            sink.emit(Code::EmptyPhase, skills.pos, message, None);
        }
        for slot in items {
            let (listed, facts_of_slot) = slot_members(sink, slot, &what, families);
            slots_out.extend(facts_of_slot);
            for (id, pos) in listed {
                check_skill_ref(sink, id, pos, &what, facts);
                match seen.get(id) {
                    Some(first) if *first == what => {
                        let message = format!("{what} lists skill `{id}` twice");
                        sink.emit(Code::DuplicateSkill, pos, message, None);
                    }
                    Some(first) => {
                        let message =
                            format!("{what} lists skill `{id}`, already listed in {first}");
                        sink.emit(Code::DuplicateSkill, pos, message, None);
                    }
                    None => {
                        seen.insert(id.to_owned(), what.clone());
                    }
                }
            }
        }
    }
    if let Some(weights) = sink.field(phase, &schema::PHASE, "weights", &what)
        && let Some(items) = weights.as_array()
    {
        if items.len() != slots {
            let message = format!("{what} has {} weights for {slots} skills", items.len());
            let help = "give one weight per skill, in the same order".to_owned();
            sink.emit(Code::WeightsMismatch, weights.pos, message, Some(help));
        }
        for (k, item) in items.iter().enumerate() {
            let label = format!("weight {} of {what}", k + 1);
            if let Some(w) = sink.typed(item, &label, Kind::Num).and_then(Node::as_f64)
                && !(w > 0.0 && w.is_finite())
            {
                let message = format!("{label} is {w}; weights must be positive");
                sink.emit(Code::WeightsMismatch, item.pos, message, None);
            }
        }
    }
    let milestones = sink.strings(phase, &schema::PHASE, "milestones", &what);
    if milestones.is_empty() {
        let pos = phase.get("milestones").map_or(phase.pos, |m| m.pos);
        let message = format!("{what} lists no milestones");
        let help = "add concrete things a learner can show at the end of the phase".to_owned();
        sink.emit(Code::EmptyMilestones, pos, message, Some(help));
    }
    months
}

/// The skill ids one slot lists (a string, every member of `{"any_of": [...]}`, or the pick
/// of `{"family": ..., "pick": ...}`) with their positions, and the slot's facts (none when
/// it is unusable).
fn slot_members<'n>(
    sink: &mut Sink<'_>,
    slot: &'n Node,
    what: &str,
    families: Option<&FamilyFacts>,
) -> (Vec<(&'n str, Pos)>, Option<SlotFacts>) {
    let listed = slot_listed(sink, slot, what, families);
    let family = slot.get("family").and_then(Node::as_str);
    let mut members: Vec<String> = listed.iter().map(|(id, _)| (*id).to_owned()).collect();
    if let Some(all) = family.and_then(|f| families?.get(f)) {
        members.extend(
            all.iter()
                .filter(|m| !members.contains(m))
                .cloned()
                .collect::<Vec<_>>(),
        );
    }
    let facts = (!members.is_empty()).then(|| SlotFacts {
        members,
        family: family.map(str::to_owned),
    });
    (listed, facts)
}

fn slot_listed<'n>(
    sink: &mut Sink<'_>,
    slot: &'n Node,
    what: &str,
    families: Option<&FamilyFacts>,
) -> Vec<(&'n str, Pos)> {
    match &slot.value {
        Value::String(id) => vec![(id.as_str(), slot.pos)],
        Value::Object(_) if slot.get("family").is_some() => {
            let slot_what = read::what_family_slot(slot, what);
            if sink
                .object(slot, &slot_what, &schema::FAMILY_SLOT, &[])
                .is_none()
            {
                return Vec::new();
            }
            let family = sink
                .field(slot, &schema::FAMILY_SLOT, "family", &slot_what)
                .and_then(|n| Some((n.as_str()?, n.pos)));
            let pick = sink
                .field(slot, &schema::FAMILY_SLOT, "pick", &slot_what)
                .and_then(|n| Some((n.as_str()?, n.pos)));
            if let (Some((family, fpos)), Some(families)) = (family, families) {
                match families.get(family) {
                    None => {
                        let message = format!("{what} names unknown family `{family}`");
                        let near =
                            crate::suggest::closest(family, families.keys().map(String::as_str), 1);
                        let help = near.first().map(|n| format!("did you mean `{n}`?"));
                        sink.emit(Code::UnknownFamily, fpos, message, help);
                    }
                    Some(members) => {
                        if let Some((pick, ppos)) = pick
                            && !members.iter().any(|m| m == pick)
                        {
                            let message = format!(
                                "{slot_what} picks `{pick}`, which is no member of family `{family}`"
                            );
                            let help = "pick a member, or add it to the family in families.json"
                                .to_owned();
                            sink.emit(Code::PickNotInFamily, ppos, message, Some(help));
                        }
                    }
                }
            }
            // Without usable families, family references are not judged here: the set gets
            // one finding (`check_files`), as references into an unusable taxonomy get none.
            pick.into_iter().collect()
        }
        Value::Object(_) => {
            let slot_what = read::what_any_of(what);
            if sink
                .object(slot, &slot_what, &schema::ANY_OF, &[])
                .is_none()
            {
                return Vec::new();
            }
            let members = sink.strings(slot, &schema::ANY_OF, "any_of", &slot_what);
            if let Some(node) = slot.get("any_of").filter(|n| n.as_array().is_some()) {
                let n = node.as_array().map_or(0, <[Node]>::len);
                if n < 2 {
                    let count = if n == 0 {
                        "no members"
                    } else {
                        "only 1 member"
                    };
                    let message = format!("{slot_what} has {count}; it needs at least 2");
                    let help = "list a single skill on its own, without `any_of`".to_owned();
                    sink.emit(Code::AnyOfTooSmall, node.pos, message, Some(help));
                }
            }
            members
        }
        other => {
            let problem = Problem::NotSlot {
                found: other.kind(),
            };
            let issue = Issue {
                pos: slot.pos,
                problem,
            };
            sink.issue(issue, what, None);
            Vec::new()
        }
    }
}

fn check_skill_ref(
    sink: &mut Sink<'_>,
    id: &str,
    pos: Pos,
    what: &str,
    facts: Option<&TaxonomyFacts>,
) {
    let Some(facts) = facts else { return };
    if facts.by_id.contains_key(id) {
        return;
    }
    let message = format!("{what} lists unknown skill `{id}`");
    sink.emit(Code::UnknownSkill, pos, message, suggest_skill(facts, id));
}
