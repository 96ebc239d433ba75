//! The rules: a walk over each file's positioned JSON tree that checks shape (fields and
//! types) and values together, so one file can report many problems, then the checks
//! between files (duplicate role ids, unknown skills, unused skills).
//!
//! The walk accepts exactly what the serde structs accept, and is stricter in two places
//! (unknown fields inside an any-of slot, and a blank salary source). As a safety net, a
//! file with no errors is also deserialized with serde; if serde still refuses it, that is
//! reported, so a clean check always means the data loads.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::json::{self, Member, Node, Pos, Value};
use super::{Code, Diagnostic, Severity};
use crate::extract::normalize::normalize_line;
use crate::roles::{Role, SourceFile};
use crate::taxonomy::{Category, Skill};

/// Phase length bounds, in months.
const MONTHS: (f64, f64) = (0.5, 36.0);
/// Study pace bounds, in hours per week.
const HOURS: (f64, f64) = (1.0, 80.0);
/// The longest a whole role may take, in months.
const MAX_TOTAL_MONTHS: f64 = 48.0;

const CATEGORIES: [Category; 7] = [
    Category::Language,
    Category::Framework,
    Category::Library,
    Category::Database,
    Category::Cloud,
    Category::Tool,
    Category::Practice,
];

/// Fields of each object: (name, required).
const ROLE_FIELDS: &[(&str, bool)] = &[
    ("$schema", false),
    ("id", true),
    ("title", true),
    ("summary", true),
    ("hours_per_week", true),
    ("salary", false),
    ("phases", true),
];
const PHASE_FIELDS: &[(&str, bool)] = &[
    ("name", true),
    ("months", true),
    ("skills", true),
    ("weights", false),
    ("milestones", false),
];
/// `source` is required too, but reported as `salary-without-source`.
const SALARY_FIELDS: &[(&str, bool)] = &[
    ("region", true),
    ("currency", true),
    ("amount", true),
    ("source", false),
];
const ANY_OF_FIELDS: &[(&str, bool)] = &[("any_of", true)];
const TAXONOMY_FIELDS: &[(&str, bool)] = &[("$schema", false), ("skills", true)];
const SKILL_FIELDS: &[(&str, bool)] = &[
    ("id", true),
    ("name", true),
    ("category", true),
    ("aliases", false),
    ("implies", false),
    ("ambiguous", false),
    ("reject", false),
    ("cues", false),
];

/// Collects the findings of one file.
struct Sink<'a> {
    path: &'a Path,
    out: &'a mut Vec<Diagnostic>,
    errors: usize,
}

impl Sink<'_> {
    fn emit(&mut self, code: Code, pos: Pos, message: String, help: Option<String>) {
        if code.severity() == Severity::Error {
            self.errors += 1;
        }
        self.out.push(Diagnostic {
            code,
            severity: code.severity(),
            path: self.path.to_path_buf(),
            line: pos.line,
            column: pos.column,
            message,
            help,
        });
    }

    /// Parses the text, reporting invalid JSON with serde's position.
    fn parse(&mut self, text: &str) -> Option<Node> {
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            let pos = serde_pos(text, e.line(), e.column());
            let message = strip_position(&e.to_string());
            self.emit(Code::InvalidJson, pos, message, None);
            return None;
        }
        match json::parse(text) {
            Ok(node) => Some(node),
            Err(e) => {
                self.emit(Code::InvalidJson, e.pos, e.message, None);
                None
            }
        }
    }

    /// Checks that `node` is an object with the known fields, once each, and the required ones.
    fn object<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        fields: &[(&str, bool)],
    ) -> Option<&'n [Member]> {
        let Value::Object(members) = &node.value else {
            let message = format!("{what} must be an object, found {}", node.value.kind());
            self.emit(Code::WrongType, node.pos, message, None);
            return None;
        };
        let mut seen: HashSet<&str> = HashSet::new();
        for m in members {
            if !fields.iter().any(|(f, _)| *f == m.key) {
                let names = fields.iter().map(|(f, _)| *f);
                let help = match crate::suggest::closest(&m.key, names.clone(), 1).first() {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("expected one of {}", list(names)),
                };
                let message = format!("unknown field `{}` in {what}", m.key);
                self.emit(Code::UnknownField, m.key_pos, message, Some(help));
            } else if !seen.insert(&m.key) {
                let message = format!("field `{}` appears twice in {what}", m.key);
                self.emit(Code::DuplicateKey, m.key_pos, message, None);
            }
        }
        for (field, required) in fields {
            if *required && !members.iter().any(|m| m.key == *field) {
                let message = format!("{what} is missing field `{field}`");
                self.emit(Code::MissingField, node.pos, message, None);
            }
        }
        Some(members)
    }

    /// The field `key` of `obj` if it has the wanted type; a wrong type is reported.
    fn field<'n>(&mut self, obj: &'n Node, key: &str, what: &str, want: Kind) -> Option<&'n Node> {
        let node = obj.get(key)?;
        self.typed(node, &format!("`{key}` of {what}"), want)
    }

    fn typed<'n>(&mut self, node: &'n Node, what: &str, want: Kind) -> Option<&'n Node> {
        let ok = matches!(
            (want, &node.value),
            (Kind::Str, Value::String(_))
                | (Kind::Num, Value::Number(_))
                | (Kind::Bool, Value::Bool(_))
                | (Kind::Array, Value::Array(_))
        );
        if ok {
            Some(node)
        } else {
            let message = format!(
                "{what} must be {}, found {}",
                want.name(),
                node.value.kind()
            );
            self.emit(Code::WrongType, node.pos, message, None);
            None
        }
    }

    /// The string items of the array field `key`, with their positions.
    fn strings<'n>(&mut self, obj: &'n Node, key: &str, what: &str) -> Vec<(&'n str, Pos)> {
        let Some(items) = self
            .field(obj, key, what, Kind::Array)
            .and_then(Node::as_array)
        else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let label = format!("item {} of `{key}` of {what}", i + 1);
            if let Some(s) = self.typed(item, &label, Kind::Str).and_then(Node::as_str) {
                out.push((s, item.pos));
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Str,
    Num,
    Bool,
    Array,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Str => "a string",
            Kind::Num => "a number",
            Kind::Bool => "a boolean",
            Kind::Array => "an array",
        }
    }
}

/// What the taxonomy file defines, for the checks that span files.
struct TaxonomyFacts {
    skills: Vec<SkillFacts>,
    /// Skill id -> index of its first definition.
    by_id: HashMap<String, usize>,
}

struct SkillFacts {
    id: String,
    /// Where the id is; `None` when the skill has no string id.
    id_pos: Option<Pos>,
    name: Option<String>,
    ambiguous: bool,
    aliases: Vec<(String, Pos)>,
    implies: Vec<(String, Pos)>,
}

impl TaxonomyFacts {
    /// Whether skill `i` is the first definition of its id.
    fn is_first(&self, i: usize) -> bool {
        self.skills[i].id_pos.is_some() && self.by_id.get(&self.skills[i].id) == Some(&i)
    }
}

impl SkillFacts {
    /// The name and aliases, normalised and lowercased: the forms the matcher looks for.
    fn forms(&self) -> impl Iterator<Item = String> + '_ {
        self.name
            .iter()
            .chain(self.aliases.iter().map(|(a, _)| a))
            .map(|f| form_key(f))
    }
}

/// Checks a taxonomy file (when there is one) and role files, appending to `out`.
/// `complete` says every role file of the set was readable; when one was not, the
/// `unused-skill` rule is skipped because what the roles use is not fully known.
pub(super) fn check_files(
    taxonomy: Option<&SourceFile>,
    roles: &[SourceFile],
    complete: bool,
    out: &mut Vec<Diagnostic>,
) {
    let facts = taxonomy.and_then(|file| check_taxonomy(file, out));
    let mut used: HashSet<String> = HashSet::new();
    // Role id -> (file stem matches the id, path, position of the id), in file order.
    let mut role_ids: HashMap<String, Vec<(bool, &Path, Pos)>> = HashMap::new();
    let mut all_parsed = complete;
    for file in roles {
        let mut sink = Sink {
            path: &file.path,
            out,
            errors: 0,
        };
        match check_role(&mut sink, file, facts.as_ref(), &mut used) {
            None => all_parsed = false,
            Some(Some((id, pos))) => {
                let own = file.path.file_stem().is_some_and(|s| *s == *id);
                role_ids.entry(id).or_default().push((own, &file.path, pos));
            }
            Some(None) => {}
        }
    }
    duplicate_role_ids(role_ids, out);
    if let (Some(facts), Some(file), true) = (&facts, taxonomy, all_parsed) {
        let mut sink = Sink {
            path: &file.path,
            out,
            errors: 0,
        };
        unused_skills(&mut sink, facts, &used);
    }
}

/// `duplicate-role-id`: every file but one of those sharing an id is reported. The one kept
/// is the file named after the id, else the first.
fn duplicate_role_ids(ids: HashMap<String, Vec<(bool, &Path, Pos)>>, out: &mut Vec<Diagnostic>) {
    for (id, files) in ids {
        if files.len() < 2 {
            continue;
        }
        let keep = files.iter().position(|f| f.0).unwrap_or(0);
        let (_, owner, _) = files[keep];
        for (k, &(_, path, pos)) in files.iter().enumerate() {
            if k == keep {
                continue;
            }
            let mut sink = Sink {
                path,
                out: &mut *out,
                errors: 0,
            };
            let message = format!(
                "role id `{id}` is also used by `{}`",
                super::slash_path(owner)
            );
            let help = "each role needs its own id; ids are unique".to_string();
            sink.emit(Code::DuplicateRoleId, pos, message, Some(help));
        }
    }
}

/// Checks one role file. `None` when the file is not JSON; otherwise the role id (if the
/// file has a string one) with its position. Skill ids the role names go into `used`.
fn check_role(
    sink: &mut Sink<'_>,
    file: &SourceFile,
    facts: Option<&TaxonomyFacts>,
    used: &mut HashSet<String>,
) -> Option<Option<(String, Pos)>> {
    let root = sink.parse(&file.text)?;
    let id = sink
        .field(&root, "id", "the role", Kind::Str)
        .and_then(|n| Some((n.as_str()?.to_string(), n.pos)));
    let what = match &id {
        Some((id, _)) => format!("role `{id}`"),
        None => "the role".to_string(),
    };
    if sink.object(&root, &what, ROLE_FIELDS).is_none() {
        return Some(None);
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
    sink.field(&root, "$schema", &what, Kind::Str);
    sink.field(&root, "title", &what, Kind::Str);
    sink.field(&root, "summary", &what, Kind::Str);
    let hours = sink.field(&root, "hours_per_week", &what, Kind::Num);
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
        .field(&root, "salary", &what, Kind::Array)
        .and_then(Node::as_array)
    {
        for (i, salary) in salaries.iter().enumerate() {
            check_salary(sink, salary, i);
        }
    }
    if let Some(phases_node) = sink.field(&root, "phases", &what, Kind::Array) {
        let phases = phases_node.as_array().unwrap_or_default();
        if phases.is_empty() {
            let message = format!("{what} has no phases");
            let help = "add at least one phase with skills and months".to_string();
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
            let help = "split the role, or shorten phases".to_string();
            sink.emit(
                Code::TotalMonthsTooLong,
                phases_node.pos,
                message,
                Some(help),
            );
        }
        used.extend(seen.into_keys());
    }
    if sink.errors == 0
        && let Err(e) = serde_json::from_str::<Role>(&file.text)
    {
        let pos = serde_pos(&file.text, e.line(), e.column());
        let message = format!("the role does not load: {}", strip_position(&e.to_string()));
        sink.emit(Code::WrongType, pos, message, None);
    }
    Some(id)
}

fn check_salary(sink: &mut Sink<'_>, salary: &Node, i: usize) {
    let region = salary.get("region").and_then(Node::as_str);
    let what = match region {
        Some(r) => format!("the salary for `{r}`"),
        None => format!("salary entry {}", i + 1),
    };
    if sink.object(salary, &what, SALARY_FIELDS).is_none() {
        return;
    }
    sink.field(salary, "region", &what, Kind::Str);
    sink.field(salary, "currency", &what, Kind::Str);
    if let Some(node) = sink.field(salary, "amount", &what, Kind::Num)
        && node.as_f64().is_some_and(|a| a <= 0.0)
    {
        let message = format!("{what} has a zero or negative amount");
        sink.emit(Code::SalaryNotPositive, node.pos, message, None);
    }
    let help = Some("name the public source of the figure, or remove the figure".to_string());
    match salary.get("source") {
        None => {
            let message = format!("{what} names no source");
            sink.emit(Code::SalaryWithoutSource, salary.pos, message, help);
        }
        Some(node) => {
            if let Some(source) = sink.typed(node, &format!("`source` of {what}"), Kind::Str)
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
    let what = match phase.get("name").and_then(Node::as_str) {
        Some(name) => format!("phase `{name}`"),
        None => format!("phase {}", i + 1),
    };
    if sink.object(phase, &what, PHASE_FIELDS).is_none() {
        return 0.0;
    }
    sink.field(phase, "name", &what, Kind::Str);
    let months_node = sink.field(phase, "months", &what, Kind::Num);
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
    if let Some(skills) = sink.field(phase, "skills", &what, Kind::Array) {
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
                        seen.insert(id.to_string(), what.clone());
                    }
                }
            }
        }
    }
    if let Some(weights) = phase.get("weights").filter(|w| w.value != Value::Null)
        && let Some(items) = sink
            .typed(weights, &format!("`weights` of {what}"), Kind::Array)
            .and_then(Node::as_array)
    {
        if items.len() != slots {
            let message = format!("{what} has {} weights for {slots} skills", items.len());
            let help = "give one weight per skill, in the same order".to_string();
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
    let milestones = sink.strings(phase, "milestones", &what);
    if milestones.is_empty() {
        let pos = phase.get("milestones").map_or(phase.pos, |m| m.pos);
        let message = format!("{what} lists no milestones");
        let help = "add concrete things a learner can show at the end of the phase".to_string();
        sink.emit(Code::EmptyMilestones, pos, message, Some(help));
    }
    months
}

/// The skill ids of one slot (a string, or `{"any_of": [...]}`) with their positions.
fn slot_members<'n>(sink: &mut Sink<'_>, slot: &'n Node, what: &str) -> Vec<(&'n str, Pos)> {
    match &slot.value {
        Value::String(id) => vec![(id.as_str(), slot.pos)],
        Value::Object(_) => {
            let slot_what = format!("an any-of slot of {what}");
            if sink.object(slot, &slot_what, ANY_OF_FIELDS).is_none() {
                return Vec::new();
            }
            let members = sink.strings(slot, "any_of", &slot_what);
            if let Some(node) = slot.get("any_of").filter(|n| n.as_array().is_some()) {
                let n = node.as_array().map_or(0, <[Node]>::len);
                if n < 2 {
                    let count = if n == 0 {
                        "no members"
                    } else {
                        "only 1 member"
                    };
                    let message = format!("{slot_what} has {count}; it needs at least 2");
                    let help = "list a single skill on its own, without `any_of`".to_string();
                    sink.emit(Code::AnyOfTooSmall, node.pos, message, Some(help));
                }
            }
            members
        }
        other => {
            let message = format!(
                "a skill of {what} must be a skill id or {{\"any_of\": [...]}}, found {}",
                other.kind()
            );
            sink.emit(Code::WrongType, slot.pos, message, None);
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

/// A "did you mean" for an unknown skill id: the skill it is a name or alias of, else the
/// closest id.
fn suggest_skill(facts: &TaxonomyFacts, id: &str) -> Option<String> {
    let wanted = id.trim().to_lowercase();
    if let Some(skill) = facts.skills.iter().find(|s| s.forms().any(|f| f == wanted)) {
        return Some(format!(
            "`{id}` is a name of skill `{}`; refer to skills by id",
            skill.id
        ));
    }
    let ids = facts.skills.iter().map(|s| s.id.as_str());
    crate::suggest::closest(id, ids, 1)
        .first()
        .map(|near| format!("did you mean `{near}`?"))
}

/// Reports an id that is not kebab-case.
fn check_id(sink: &mut Sink<'_>, id: &str, pos: Pos, kind: &str) {
    if is_kebab(id) {
        return;
    }
    let message = format!("{kind} id `{id}` is not kebab-case");
    let fixed = kebab(id);
    let help = if fixed.is_empty() {
        "use lowercase letters and digits joined by single hyphens".to_string()
    } else {
        format!("use lowercase letters and digits joined by single hyphens, e.g. `{fixed}`")
    };
    sink.emit(Code::InvalidId, pos, message, Some(help));
}

/// `backend-engineer`, `c`, `web3`: lowercase ASCII letters and digits joined by single hyphens.
pub(super) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A kebab-case spelling of `id`, for a hint.
fn kebab(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Checks `skills.json`; returns what it defines, or `None` when it is not usable JSON.
fn check_taxonomy(file: &SourceFile, out: &mut Vec<Diagnostic>) -> Option<TaxonomyFacts> {
    let mut sink = Sink {
        path: &file.path,
        out,
        errors: 0,
    };
    let root = sink.parse(&file.text)?;
    sink.object(&root, "the taxonomy", TAXONOMY_FIELDS)?;
    sink.field(&root, "$schema", "the taxonomy", Kind::Str);
    let items = sink
        .field(&root, "skills", "the taxonomy", Kind::Array)
        .and_then(Node::as_array)?;
    let mut facts = TaxonomyFacts {
        skills: Vec::with_capacity(items.len()),
        by_id: HashMap::new(),
    };
    for (i, item) in items.iter().enumerate() {
        facts.skills.push(check_skill(&mut sink, item, i));
    }
    for (i, skill) in facts.skills.iter().enumerate() {
        let Some(pos) = skill.id_pos else { continue };
        if let Some(&first) = facts.by_id.get(&skill.id) {
            let line = facts.skills[first].id_pos.map_or(0, |p| p.line);
            let message = format!("skill id `{}` is already defined on line {line}", skill.id);
            sink.emit(Code::DuplicateTaxonomyId, pos, message, None);
        } else {
            facts.by_id.insert(skill.id.clone(), i);
        }
    }
    aliases(&mut sink, &facts);
    implications(&mut sink, &facts);
    if sink.errors == 0 {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct TaxonomyShape {
            #[serde(rename = "$schema", default)]
            schema: Option<String>,
            skills: Vec<Skill>,
        }
        if let Err(e) = serde_json::from_str::<TaxonomyShape>(&file.text) {
            let pos = serde_pos(&file.text, e.line(), e.column());
            let message = format!(
                "the taxonomy does not load: {}",
                strip_position(&e.to_string())
            );
            sink.emit(Code::WrongType, pos, message, None);
        }
    }
    Some(facts)
}

fn check_skill(sink: &mut Sink<'_>, item: &Node, i: usize) -> SkillFacts {
    let id_node = item.get("id").filter(|n| n.as_str().is_some());
    let what = match id_node.and_then(Node::as_str) {
        Some(id) => format!("skill `{id}`"),
        None => format!("skill {}", i + 1),
    };
    let mut facts = SkillFacts {
        id: String::new(),
        id_pos: None,
        name: None,
        ambiguous: false,
        aliases: Vec::new(),
        implies: Vec::new(),
    };
    if sink.object(item, &what, SKILL_FIELDS).is_none() {
        return facts;
    }
    if let Some(node) = sink.field(item, "id", &what, Kind::Str) {
        let id = node.as_str().unwrap_or_default();
        check_id(sink, id, node.pos, "skill");
        facts.id = id.to_string();
        facts.id_pos = Some(node.pos);
    }
    if let Some(node) = sink.field(item, "name", &what, Kind::Str) {
        let name = node.as_str().unwrap_or_default();
        if normalize_line(name).is_empty() {
            let message = format!("{what} has a blank name");
            sink.emit(Code::BlankForm, node.pos, message, None);
        }
        facts.name = Some(name.to_string());
    }
    if let Some(node) = sink.field(item, "category", &what, Kind::Str) {
        let category = node.as_str().unwrap_or_default();
        let names = CATEGORIES.iter().map(|c| c.as_str());
        if !names.clone().any(|c| c == category) {
            let help = match crate::suggest::closest(category, names.clone(), 1).first() {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("expected one of {}", list(names)),
            };
            let message = format!("{what} has unknown category `{category}`");
            sink.emit(Code::UnknownCategory, node.pos, message, Some(help));
        }
    }
    facts.ambiguous = sink
        .field(item, "ambiguous", &what, Kind::Bool)
        .map(|n| n.value == Value::Bool(true))
        == Some(true);
    let owned = |v: Vec<(&str, Pos)>| v.into_iter().map(|(s, p)| (s.to_string(), p)).collect();
    facts.aliases = owned(sink.strings(item, "aliases", &what));
    facts.implies = owned(sink.strings(item, "implies", &what));
    sink.strings(item, "reject", &what);
    sink.strings(item, "cues", &what);
    facts
}

/// A name or alias as the matcher compares it: normalised like document text, lowercased.
fn form_key(form: &str) -> String {
    normalize_line(form).to_lowercase()
}

/// `duplicate-alias` and `alias-is-other-id`. Later copies of a duplicated id are left out:
/// they are reported once, as `duplicate-taxonomy-id`.
fn aliases(sink: &mut Sink<'_>, facts: &TaxonomyFacts) {
    // Lowercased alias -> (skill index, alias as written) of its first owner.
    let mut owners: HashMap<String, (usize, &str)> = HashMap::new();
    // Lowercased id or name -> every (skill index, "id" or "name") it is.
    let mut names: HashMap<String, Vec<(usize, &str)>> = HashMap::new();
    for (i, s) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        names
            .entry(s.id.to_lowercase())
            .or_default()
            .push((i, "id"));
        if let Some(name) = &s.name {
            names.entry(form_key(name)).or_default().push((i, "name"));
        }
    }
    for (i, skill) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        // Within one skill, an ambiguous skill's forms match only as written, so `JAVA`
        // and `Java` are different aliases there.
        let mut own: HashMap<String, &str> = HashMap::new();
        for (alias, pos) in &skill.aliases {
            // Compared as the matcher sees them: normalised ("Ｐｏｓｔｇｒｅｓ" is "Postgres").
            let normal = normalize_line(alias);
            if normal.is_empty() {
                let message = format!(
                    "alias `{}` of skill `{}` is blank",
                    alias.escape_debug(),
                    skill.id
                );
                sink.emit(Code::BlankForm, *pos, message, None);
                continue;
            }
            let key = normal.to_lowercase();
            let own_key = if skill.ambiguous { normal } else { key.clone() };
            if let Some(first) = own.get(&own_key) {
                let also = if first == alias {
                    String::new()
                } else {
                    format!(" (as `{first}`, ignoring case)")
                };
                let message = format!("skill `{}` lists alias `{alias}` twice{also}", skill.id);
                sink.emit(Code::DuplicateAlias, *pos, message, None);
                continue;
            }
            own.insert(own_key, alias);
            match owners.get(&key) {
                Some(&(j, first)) if j != i => {
                    let message = format!(
                        "alias `{alias}` of skill `{}` is also an alias of skill `{}` (`{first}`)",
                        skill.id, facts.skills[j].id
                    );
                    let help = "an alias must name one skill; keep it on one of them".to_string();
                    sink.emit(Code::DuplicateAlias, *pos, message, Some(help));
                }
                Some(_) => {}
                None => {
                    owners.insert(key.clone(), (i, alias));
                }
            }
            let other = names
                .get(&key)
                .and_then(|v| v.iter().find(|(j, _)| *j != i));
            if let Some(&(j, what)) = other {
                let message = format!(
                    "alias `{alias}` of skill `{}` is the {what} of skill `{}`",
                    skill.id, facts.skills[j].id
                );
                let help = match what {
                    "id" => {
                        "an alias must not name another skill; if this skill implies it, use `implies`"
                    }
                    _ => "an alias must not name another skill; remove the alias",
                };
                sink.emit(Code::AliasIsOtherId, *pos, message, Some(help.to_string()));
            }
        }
    }
}

/// `unknown-implied-skill` and `implication-cycle`, over first definitions of ids.
fn implications(sink: &mut Sink<'_>, facts: &TaxonomyFacts) {
    // Edges between first definitions: skill index -> [(target index, position)].
    let mut edges: Vec<Vec<(usize, Pos)>> = vec![Vec::new(); facts.skills.len()];
    for (i, skill) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        for (target, pos) in &skill.implies {
            match facts.by_id.get(target) {
                Some(&j) => edges[i].push((j, *pos)),
                None => {
                    let message = format!("skill `{}` implies unknown skill `{target}`", skill.id);
                    sink.emit(
                        Code::UnknownImpliedSkill,
                        *pos,
                        message,
                        suggest_skill(facts, target),
                    );
                }
            }
        }
    }
    let mut state = vec![Visit::New; facts.skills.len()];
    let mut stack = Vec::new();
    for start in 0..facts.skills.len() {
        if state[start] == Visit::New {
            find_cycles(sink, facts, &edges, start, &mut state, &mut stack);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Visit {
    New,
    Open,
    Done,
}

/// Depth-first search; each edge that closes a cycle is reported once, where it is written.
fn find_cycles(
    sink: &mut Sink<'_>,
    facts: &TaxonomyFacts,
    edges: &[Vec<(usize, Pos)>],
    node: usize,
    state: &mut [Visit],
    stack: &mut Vec<usize>,
) {
    state[node] = Visit::Open;
    stack.push(node);
    for &(next, pos) in &edges[node] {
        match state[next] {
            Visit::New => find_cycles(sink, facts, edges, next, state, stack),
            Visit::Open => {
                let from = stack.iter().position(|&s| s == next).unwrap_or(0);
                let ids: Vec<String> = stack[from..]
                    .iter()
                    .chain(std::iter::once(&next))
                    .map(|&s| format!("`{}`", facts.skills[s].id))
                    .collect();
                let message = format!("skills imply each other in a cycle: {}", ids.join(" -> "));
                let help = format!(
                    "remove `{}` from the implies of `{}`, or another link of the cycle",
                    facts.skills[next].id, facts.skills[node].id
                );
                sink.emit(Code::ImplicationCycle, pos, message, Some(help));
            }
            Visit::Done => {}
        }
    }
    stack.pop();
    state[node] = Visit::Done;
}

/// `unused-skill`: a skill that nothing can ever produce. No role lists it, no skill implies
/// it, and the matcher cannot find it in a resume because every name and alias it has is
/// also a name or alias of another skill. Skills that only serve resume detection are used
/// (by the matcher), so a large taxonomy with few roles has no warnings.
fn unused_skills(sink: &mut Sink<'_>, facts: &TaxonomyFacts, used: &HashSet<String>) {
    let implied: HashSet<&str> = facts
        .skills
        .iter()
        .flat_map(|s| s.implies.iter().map(|(t, _)| t.as_str()))
        .collect();
    let mut owners: HashMap<String, HashSet<usize>> = HashMap::new();
    for (i, skill) in facts
        .skills
        .iter()
        .enumerate()
        .filter(|&(i, _)| facts.is_first(i))
    {
        for form in skill.forms() {
            owners.entry(form).or_default().insert(i);
        }
    }
    for (i, skill) in facts.skills.iter().enumerate() {
        let Some(pos) = skill.id_pos.filter(|_| facts.is_first(i)) else {
            continue;
        };
        if used.contains(&skill.id) || implied.contains(skill.id.as_str()) {
            continue;
        }
        let mut forms = skill.forms().peekable();
        if forms.peek().is_none() {
            continue;
        }
        let shadowed = forms.all(|f| owners.get(&f).is_some_and(|o| o.iter().any(|&j| j != i)));
        if shadowed {
            let others: Vec<String> = skill
                .forms()
                .flat_map(|f| owners[&f].iter().copied().collect::<Vec<_>>())
                .filter(|&j| j != i)
                .map(|j| format!("`{}`", facts.skills[j].id))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let message = format!(
                "skill `{}` is unused: no role lists it, no skill implies it, and its names all belong to {}",
                skill.id,
                others.join(", ")
            );
            let help = "remove the skill, or give it a name or alias of its own".to_string();
            sink.emit(Code::UnusedSkill, pos, message, Some(help));
        }
    }
}

/// serde_json's 1-based line and byte column (the bytes of the line read so far, 0 at the
/// start of a line) as a position in characters, never before 1:1.
fn serde_pos(text: &str, line: usize, column: usize) -> Pos {
    let line = line.max(1);
    let text_line = text.split('\n').nth(line - 1).unwrap_or("");
    let mut byte = column.min(text_line.len());
    while !text_line.is_char_boundary(byte) {
        byte += 1;
    }
    let chars = text_line[..byte].chars().count();
    Pos {
        line,
        column: chars.max(1),
    }
}

/// serde_json's message without its " at line L column C" suffix (the position is shown
/// in front of every diagnostic already).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// `a`, `b` or `c` as "`a`, `b`, `c`".
fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
