//! The rules of a role file: its fields, phases, slots, salary and the skills it names.

use std::collections::{HashMap, HashSet};

use skillgap_data::read;
use skillgap_data::schema::{self, Kind};

use super::{
    Code, HOURS, Issue, MAX_TOTAL_MONTHS, MONTHS, Node, Pos, Problem, RoleId, Sink, SourceFile,
    TaxonomyFacts, Value, check_id, round2, suggest_skill,
};

/// Checks one role file and returns its id (see [`RoleId`]). Skill ids the role names go
/// into `used`.
pub(super) fn check_role(
    sink: &mut Sink<'_>,
    file: &SourceFile,
    facts: Option<&TaxonomyFacts>,
    used: &mut HashSet<String>,
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
        for (i, phase) in phases.iter().enumerate() {
            total += check_phase(sink, phase, i, facts, &mut seen);
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

/// Checks one phase; returns its months (0 when unknown) for the role's total.
/// `seen` maps each skill id already listed by the role to the phase that listed it.
fn check_phase(
    sink: &mut Sink<'_>,
    phase: &Node,
    i: usize,
    facts: Option<&TaxonomyFacts>,
    seen: &mut HashMap<String, String>,
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
            for (id, pos) in slot_members(sink, slot, &what) {
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

/// The skill ids of one slot (a string, or `{"any_of": [...]}`) with their positions.
fn slot_members<'n>(sink: &mut Sink<'_>, slot: &'n Node, what: &str) -> Vec<(&'n str, Pos)> {
    match &slot.value {
        Value::String(id) => vec![(id.as_str(), slot.pos)],
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
