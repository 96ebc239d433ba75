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

use skillgap_data::form::form_key;
use skillgap_data::read::{self, Issue, Problem};
use skillgap_data::schema::{Kind, Object};

use super::json::{Member, Node, Pos, Value};
use super::{Code, Diagnostic, Severity};
use crate::data::SourceFile;

mod families;
mod role;
mod taxonomy;

use families::{FamilyFacts, check_families};
use role::check_role;
use skillgap_data::Category;
use taxonomy::{check_taxonomy, unused_skills};

/// Phase length bounds, in months.
const MONTHS: (f64, f64) = (0.5, 36.0);
/// Study pace bounds, in hours per week.
const HOURS: (f64, f64) = crate::gap::PACE_HOURS;
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
    /// `families.json`, the skill families.
    pub(super) families: Option<&'a SourceFile>,
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
    mut complete: bool,
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
    let families: Option<FamilyFacts> = taxonomy.families.and_then(|file| {
        let mut sink = Sink {
            path: &file.path,
            out,
            errors: 0,
        };
        check_families(&mut sink, file, facts, &mut used)
    });
    if taxonomy.families.is_some() && families.is_none() {
        complete = false;
    }
    // The first role file that names a family when the set has no usable families file.
    let mut first_family_user: Option<&Path> = None;
    // Role id -> the files that use it, in file order.
    let mut role_ids: HashMap<String, Vec<IdUse<'_>>> = HashMap::new();
    let mut all_parsed = complete;
    for file in roles {
        let mut sink = Sink {
            path: &file.path,
            out,
            errors: 0,
        };
        let mut names_families = false;
        let checked = check_role(
            &mut sink,
            file,
            facts,
            families.as_ref(),
            &mut used,
            &mut names_families,
        );
        if names_families && first_family_user.is_none() {
            first_family_user = Some(&file.path);
        }
        match checked {
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
    // One finding for a set whose roles name families it does not define (an unusable
    // families file has its own finding already).
    if let (Some(user), None) = (first_family_user, taxonomy.families) {
        let path = user
            .parent()
            .unwrap_or(Path::new(""))
            .join(crate::data::FAMILIES_FILE);
        let mut sink = Sink {
            path: &path,
            out,
            errors: 0,
        };
        let message = format!(
            "role files name skill families (the first: `{}`), but the set has no families.json",
            user.display()
        );
        let help = "add families.json next to skills.json (see roles/README.md)".to_owned();
        sink.emit(
            Code::UnknownFamily,
            Pos { line: 0, column: 0 },
            message,
            Some(help),
        );
    }
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
