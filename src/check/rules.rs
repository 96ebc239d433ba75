//! The rules: a walk over each file's positioned JSON tree that checks shape (fields and
//! types) and values together, so one file can report many problems, then the checks
//! between files (duplicate role ids, unknown skills, unused skills, imported forms that a
//! curated skill has).
//!
//! The imported taxonomy (`imported/skills.json`) is checked like `skills.json`, then against
//! it: an imported skill with a curated id is left out (a curated entry always wins), the
//! other imported skills may imply curated ones, and none may have a name or alias of a
//! curated skill. Role files may name imported skills; only curated skills can be unused.
//!
//! The shape of every object (its fields, whether required, their types) is the one
//! definition in `skillgap_data::schema`, and the shape rules are the typed reader's
//! (`skillgap_data::read`): the walk reports each of their issues with the place it names.
//! It is stricter than the reader in one place (a blank salary source). As a safety net, a
//! file with no errors is also read by the typed reader the loader uses; if that still
//! fails, it is reported, so a clean check always means the data loads.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use skillgap_data::form::{form_key, normal_form};
use skillgap_data::read::{self, Issue, Problem};
use skillgap_data::schema::{self, Kind, Object};

use super::json::{Member, Node, Pos, Value};
use super::{Code, Diagnostic, Severity};
use crate::data::SourceFile;
use skillgap_data::Category;

/// Phase length bounds, in months.
const MONTHS: (f64, f64) = (0.5, 36.0);
/// Study pace bounds, in hours per week.
const HOURS: (f64, f64) = (1.0, 80.0);
/// The longest a whole role may take, in months.
const MAX_TOTAL_MONTHS: f64 = 48.0;

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
        match super::json::parse(text) {
            Ok(node) => Some(node),
            Err(e) => {
                self.emit(Code::InvalidJson, e.pos, e.message, None);
                None
            }
        }
    }

    /// Reports a shape issue of the value `what` names.
    fn issue(&mut self, issue: Issue<'_>, what: &str, def: Option<&Object>) {
        let message = issue.problem.message(what);
        let (code, help) = match issue.problem {
            Problem::NotObject { .. } | Problem::WrongType { .. } | Problem::NotSlot { .. } => {
                (Code::WrongType, None)
            }
            Problem::UnknownField { key } => {
                let names = def.map(Object::names).into_iter().flatten();
                let help = match crate::suggest::closest(key, names.clone(), 1).first() {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("expected one of {}", list(names)),
                };
                (Code::UnknownField, Some(help))
            }
            Problem::DuplicateKey { .. } => (Code::DuplicateKey, None),
            Problem::MissingField { .. } => (Code::MissingField, None),
        };
        self.emit(code, issue.pos, message, help);
    }

    /// Checks that `node` is an object with the fields of `def`, once each, and the required
    /// ones (but those in `own_rule`, whose absence another rule reports).
    fn object<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        def: &'static Object,
        own_rule: &[&str],
    ) -> Option<&'n [Member]> {
        let mut issues = Vec::new();
        let members = read::members(node, def, &mut |issue| issues.push(issue));
        for issue in issues {
            if let Problem::MissingField { field } = issue.problem
                && own_rule.contains(&field)
            {
                continue;
            }
            self.issue(issue, what, Some(def));
        }
        members
    }

    /// The field `key` (defined by `def`) of `obj` if it has the defined type; a wrong type
    /// is reported.
    fn field<'n>(
        &mut self,
        obj: &'n Node,
        def: &Object,
        key: &str,
        what: &str,
    ) -> Option<&'n Node> {
        match read::field(obj, def, key)? {
            Ok(node) => Some(node),
            Err(issue) => {
                self.issue(issue, &read::what_field(key, what), None);
                None
            }
        }
    }

    fn typed<'n>(&mut self, node: &'n Node, what: &str, want: Kind) -> Option<&'n Node> {
        match read::of_kind(node, want) {
            Ok(node) => Some(node),
            Err(issue) => {
                self.issue(issue, what, None);
                None
            }
        }
    }

    /// The string items of the array field `key`, with their positions.
    fn strings<'n>(
        &mut self,
        obj: &'n Node,
        def: &Object,
        key: &str,
        what: &str,
    ) -> Vec<(&'n str, Pos)> {
        let Some(items) = self.field(obj, def, key, what).and_then(Node::as_array) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let label = read::what_item(key, i, what);
            if let Some(s) = self.typed(item, &label, Kind::Str).and_then(Node::as_str) {
                out.push((s, item.pos));
            }
        }
        out
    }

    /// The safety net: a file with no errors must read with the loader's reader.
    fn loads<T>(&mut self, read: Result<T, read::ReadError>, kind: &str) {
        if self.errors == 0
            && let Err(e) = read
        {
            let message = format!("{kind} does not load: {}", e.message);
            self.emit(Code::WrongType, e.pos, message, None);
        }
    }
}

/// The taxonomy files of a data set, when present.
#[derive(Debug, Clone, Copy)]
pub(super) struct Taxonomies<'a> {
    /// `skills.json`, the curated skills.
    pub(super) curated: Option<&'a SourceFile>,
    /// `imported/skills.json`, the imported skills.
    pub(super) imported: Option<&'a SourceFile>,
}

/// Which taxonomy file a check is of, and what it may refer to.
#[derive(Clone, Copy)]
enum TaxonomyKind<'a> {
    /// `skills.json`: complete in itself.
    Curated,
    /// `imported/skills.json`, merged under the curated skills, whose facts are given when
    /// `skills.json` is usable (references into it are not judged otherwise).
    Imported(Option<&'a TaxonomyFacts>),
}

/// What a taxonomy file defines, for the checks that span files.
#[derive(Clone)]
struct TaxonomyFacts {
    skills: Vec<SkillFacts>,
    /// Skill id -> index of its first definition (for the imported file: of the skills the
    /// merge keeps, those whose id no curated skill has).
    by_id: HashMap<String, usize>,
}

#[derive(Clone)]
struct SkillFacts {
    id: String,
    /// Where the id is; `None` when the skill has no string id.
    id_pos: Option<Pos>,
    name: Option<String>,
    /// Where the name is.
    name_pos: Option<Pos>,
    ambiguous: bool,
    aliases: Vec<(String, Pos)>,
    implies: Vec<(String, Pos)>,
}

impl TaxonomyFacts {
    /// Whether skill `i` is the first definition of its id (and, in the imported file, one
    /// the merge keeps).
    fn is_first(&self, i: usize) -> bool {
        self.skills[i].id_pos.is_some() && self.by_id.get(&self.skills[i].id) == Some(&i)
    }

    /// The skills of the merged taxonomy: these (the curated ones), then the imported skills
    /// the merge keeps. Only the skills and ids are kept, for judging references.
    fn with_imported(&self, imported: &TaxonomyFacts) -> TaxonomyFacts {
        let mut all = self.clone();
        for (i, skill) in imported.skills.iter().enumerate() {
            if imported.is_first(i) {
                all.by_id.insert(skill.id.clone(), all.skills.len());
                all.skills.push(skill.clone());
            }
        }
        all
    }
}

impl SkillFacts {
    /// The comparison keys of the name and aliases (`form_key`): the forms as the matcher
    /// compares them.
    fn forms(&self) -> impl Iterator<Item = String> + '_ {
        self.name
            .iter()
            .chain(self.aliases.iter().map(|(a, _)| a))
            .map(|f| form_key(f))
    }
}

/// Checks the taxonomy files (when there are any) and role files, appending to `out`.
/// `complete` says every file of the set was readable; when one was not, the
/// `unused-skill` rule is skipped because what the roles use is not fully known.
pub(super) fn check_files(
    taxonomy: Taxonomies<'_>,
    roles: &[SourceFile],
    complete: bool,
    out: &mut Vec<Diagnostic>,
) {
    let curated = taxonomy
        .curated
        .and_then(|file| check_taxonomy(file, TaxonomyKind::Curated, out));
    let imported = taxonomy
        .imported
        .map(|file| check_taxonomy(file, TaxonomyKind::Imported(curated.as_ref()), out));
    // What role files may name: the curated skills and the imported ones the merge keeps.
    // Not judged when a taxonomy file is unusable.
    let merged = match (&curated, &imported) {
        (Some(curated), Some(Some(imported))) => Some(curated.with_imported(imported)),
        _ => None,
    };
    let facts = match (&imported, &merged) {
        (None, _) => curated.as_ref(),
        (Some(_), merged) => merged.as_ref(),
    };
    let mut used: HashSet<String> = HashSet::new();
    // Role id -> the files that use it, in file order.
    let mut role_ids: HashMap<String, Vec<IdUse<'_>>> = HashMap::new();
    let mut all_parsed = complete;
    for file in roles {
        let mut sink = Sink {
            path: &file.path,
            out,
            errors: 0,
        };
        match check_role(&mut sink, file, facts, &mut used) {
            RoleId::NotJson => all_parsed = false,
            RoleId::Id(id, pos) => {
                let own = file.path.file_stem().is_some_and(|s| *s == *id);
                let path = &file.path;
                role_ids
                    .entry(id)
                    .or_default()
                    .push(IdUse { own, path, pos });
            }
            RoleId::None => {}
        }
    }
    duplicate_role_ids(role_ids, out);
    // Curated skills that imported ones imply are used by them.
    match &imported {
        None => {}
        Some(None) => all_parsed = false,
        Some(Some(imported)) => used.extend(
            (0..imported.skills.len())
                .filter(|&i| imported.is_first(i))
                .flat_map(|i| imported.skills[i].implies.iter().map(|(t, _)| t.clone())),
        ),
    }
    if let (Some(facts), Some(file), true) = (&curated, taxonomy.curated, all_parsed) {
        let mut sink = Sink {
            path: &file.path,
            out,
            errors: 0,
        };
        unused_skills(&mut sink, facts, &used);
    }
}

/// A role file that uses a role id.
#[derive(Debug, Clone, Copy)]
struct IdUse<'a> {
    /// The file is named after the id (`<id>.json`).
    own: bool,
    /// The file.
    path: &'a Path,
    /// Where the id is written.
    pos: Pos,
}

/// `duplicate-role-id`: every file but one of those sharing an id is reported. The one kept
/// is the file named after the id, else the first.
fn duplicate_role_ids(ids: HashMap<String, Vec<IdUse<'_>>>, out: &mut Vec<Diagnostic>) {
    for (id, files) in ids {
        if files.len() < 2 {
            continue;
        }
        let keep = files.iter().position(|f| f.own).unwrap_or(0);
        let owner = files[keep].path;
        for (k, &IdUse { path, pos, .. }) in files.iter().enumerate() {
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
            let help = "each role needs its own id; ids are unique".to_owned();
            sink.emit(Code::DuplicateRoleId, pos, message, Some(help));
        }
    }
}

/// What [`check_role`] learned of a role file's id.
enum RoleId {
    /// The file is not JSON.
    NotJson,
    /// The file is JSON but has no string id.
    None,
    /// The role id and where it is written.
    Id(String, Pos),
}

/// Checks one role file and returns its id (see [`RoleId`]). Skill ids the role names go
/// into `used`.
fn check_role(
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

/// A "did you mean" for an unknown skill id: the skill it is a name or alias of, else the
/// closest id.
fn suggest_skill(facts: &TaxonomyFacts, id: &str) -> Option<String> {
    let wanted = form_key(id);
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
        "use lowercase letters and digits joined by single hyphens".to_owned()
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
    out.trim_end_matches('-').to_owned()
}

/// Checks a taxonomy file (`skills.json` or the imported one); returns what it defines, or
/// `None` when it is not usable JSON.
fn check_taxonomy(
    file: &SourceFile,
    kind: TaxonomyKind<'_>,
    out: &mut Vec<Diagnostic>,
) -> Option<TaxonomyFacts> {
    let mut sink = Sink {
        path: &file.path,
        out,
        errors: 0,
    };
    let root = sink.parse(&file.text)?;
    sink.object(&root, read::WHAT_TAXONOMY, &schema::TAXONOMY, &[])?;
    sink.field(&root, &schema::TAXONOMY, "$schema", read::WHAT_TAXONOMY);
    let items = sink
        .field(&root, &schema::TAXONOMY, "skills", read::WHAT_TAXONOMY)
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
    if let TaxonomyKind::Imported(Some(curated)) = kind {
        // A curated entry always wins: an imported skill with a curated id is left out whole
        // (`skillgap_data::skill::merge`), so none of its rules apply.
        facts.by_id.retain(|id, _| !curated.by_id.contains_key(id));
    }
    aliases(&mut sink, &facts);
    if let TaxonomyKind::Imported(Some(curated)) = kind {
        curated_forms(&mut sink, &facts, curated);
    }
    implications(&mut sink, &facts, kind);
    if sink.errors == 0 {
        sink.loads(read::taxonomy_of(&root), "the taxonomy");
    }
    Some(facts)
}

fn check_skill(sink: &mut Sink<'_>, item: &Node, i: usize) -> SkillFacts {
    let what = read::what_skill(item, i);
    let mut facts = SkillFacts {
        id: String::new(),
        id_pos: None,
        name: None,
        name_pos: None,
        ambiguous: false,
        aliases: Vec::new(),
        implies: Vec::new(),
    };
    if sink.object(item, &what, &schema::SKILL, &[]).is_none() {
        return facts;
    }
    if let Some(node) = sink.field(item, &schema::SKILL, "id", &what) {
        let id = node.as_str().unwrap_or_default();
        check_id(sink, id, node.pos, "skill");
        facts.id = id.to_owned();
        facts.id_pos = Some(node.pos);
    }
    if let Some(node) = sink.field(item, &schema::SKILL, "name", &what) {
        let name = node.as_str().unwrap_or_default();
        if normal_form(name).is_empty() {
            let message = format!("{what} has a blank name");
            sink.emit(Code::BlankForm, node.pos, message, None);
        }
        facts.name = Some(name.to_owned());
        facts.name_pos = Some(node.pos);
    }
    if let Some(node) = sink.field(item, &schema::SKILL, "category", &what) {
        let category = node.as_str().unwrap_or_default();
        let names = Category::ALL.iter().map(|c| c.as_str());
        if Category::from_name(category).is_none() {
            let help = match crate::suggest::closest(category, names.clone(), 1).first() {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("expected one of {}", list(names)),
            };
            let message = format!("{what} has unknown category `{category}`");
            sink.emit(Code::UnknownCategory, node.pos, message, Some(help));
        }
    }
    facts.ambiguous = sink
        .field(item, &schema::SKILL, "ambiguous", &what)
        .map(|n| n.value == Value::Bool(true))
        == Some(true);
    let owned = |v: Vec<(&str, Pos)>| v.into_iter().map(|(s, p)| (s.to_owned(), p)).collect();
    facts.aliases = owned(sink.strings(item, &schema::SKILL, "aliases", &what));
    facts.implies = owned(sink.strings(item, &schema::SKILL, "implies", &what));
    sink.strings(item, &schema::SKILL, "reject", &what);
    sink.strings(item, &schema::SKILL, "cues", &what);
    facts
}

/// `duplicate-alias` and `alias-is-other-id`. Later copies of a duplicated id are left out:
/// they are reported once, as `duplicate-taxonomy-id`.
fn aliases(sink: &mut Sink<'_>, facts: &TaxonomyFacts) {
    // Alias key -> (skill index, alias as written) of its first owner.
    let mut owners: HashMap<String, (usize, &str)> = HashMap::new();
    // Key of an id or name -> every (skill index, "id" or "name") it is.
    let mut names: HashMap<String, Vec<(usize, &str)>> = HashMap::new();
    for (i, s) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        names
            .entry(s.id.to_ascii_lowercase())
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
            let normal = normal_form(alias);
            if normal.is_empty() {
                let message = format!(
                    "alias `{}` of skill `{}` is blank",
                    alias.escape_debug(),
                    skill.id
                );
                sink.emit(Code::BlankForm, *pos, message, None);
                continue;
            }
            let key = form_key(&normal);
            let own_key = if skill.ambiguous {
                normal.into_owned()
            } else {
                key.clone()
            };
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
                    let help = "an alias must name one skill; keep it on one of them".to_owned();
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
                sink.emit(Code::AliasIsOtherId, *pos, message, Some(help.to_owned()));
            }
        }
    }
}

/// `duplicate-alias` across the taxonomy files: a name or alias of an imported skill (that the merge keeps) that
/// is, by its comparison key, a name or alias of a curated skill: the matcher would find two
/// skills in one word.
fn curated_forms(sink: &mut Sink<'_>, facts: &TaxonomyFacts, curated: &TaxonomyFacts) {
    // Form key -> (curated skill index, the form as written, "name" or "an alias").
    let mut owners: HashMap<String, (usize, &str, &str)> = HashMap::new();
    for (j, skill) in curated.skills.iter().enumerate() {
        if !curated.is_first(j) {
            continue;
        }
        let name = skill.name.iter().map(|n| (n.as_str(), "the name"));
        let aliases = skill.aliases.iter().map(|(a, _)| (a.as_str(), "an alias"));
        for (form, what) in name.chain(aliases) {
            owners.entry(form_key(form)).or_insert((j, form, what));
        }
    }
    for (i, skill) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        let name = skill
            .name
            .iter()
            .zip(skill.name_pos)
            .map(|(n, pos)| (n.as_str(), pos, "name"));
        let aliases = skill
            .aliases
            .iter()
            .map(|(a, pos)| (a.as_str(), *pos, "alias"));
        for (form, pos, what) in name.chain(aliases) {
            let Some(&(j, owned, owned_what)) = owners.get(&form_key(form)) else {
                continue;
            };
            let other = &curated.skills[j].id;
            let message = format!(
                "{what} `{form}` of imported skill `{}` is {owned_what} of curated skill `{other}` (`{owned}`)",
                skill.id
            );
            let help = format!(
                "a form must name one skill: leave it out of the import, or import the skill as `{other}` (the curated entry then wins)"
            );
            sink.emit(Code::DuplicateAlias, pos, message, Some(help));
        }
    }
}

/// `unknown-implied-skill` and `implication-cycle`, over first definitions of ids. Imported
/// skills may imply curated ones (no cycle can pass through those: curated skills imply
/// curated skills only).
fn implications(sink: &mut Sink<'_>, facts: &TaxonomyFacts, kind: TaxonomyKind<'_>) {
    // Edges between first definitions: skill index -> [(target index, position)].
    let mut edges: Vec<Vec<(usize, Pos)>> = vec![Vec::new(); facts.skills.len()];
    for (i, skill) in facts.skills.iter().enumerate() {
        if !facts.is_first(i) {
            continue;
        }
        for (target, pos) in &skill.implies {
            let curated = match kind {
                TaxonomyKind::Curated => Some(false),
                TaxonomyKind::Imported(Some(curated)) => Some(curated.by_id.contains_key(target)),
                TaxonomyKind::Imported(None) => None,
            };
            match (facts.by_id.get(target), curated) {
                (Some(&j), _) => edges[i].push((j, *pos)),
                // Not judged: the curated file is unusable.
                (None, None) | (None, Some(true)) => {}
                (None, Some(false)) => {
                    let message = format!("skill `{}` implies unknown skill `{target}`", skill.id);
                    let help = match kind {
                        // Near ids of both files.
                        TaxonomyKind::Imported(Some(curated)) => {
                            suggest_skill(&curated.with_imported(facts), target)
                        }
                        _ => suggest_skill(facts, target),
                    };
                    sink.emit(Code::UnknownImpliedSkill, *pos, message, help);
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
            let help = "remove the skill, or give it a name or alias of its own".to_owned();
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
        None => message.to_owned(),
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
