//! The typed reader: data files read through the field definitions of [`crate::schema`] from
//! the positioned JSON tree of [`crate::json`], into [`Skill`]s and [`Role`]s.
//!
//! The shape rules live here once, as functions that report [`Issue`]s with positions:
//! [`members`] (unknown, repeated and missing fields) and [`field`] (a field's JSON type).
//! `skillgap roles check` reports every issue with the place it names ([`what_role`] and the
//! other `what_` functions); the loaders here stop at the first ([`ReadError`]). Both name
//! the same problems in the same words ([`Problem::message`]).

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use crate::json::{self, Member, Node, Pos, Value};
use crate::schema::{self, Item, Kind, Object, Type};
use crate::{Category, Family, Phase, Project, Provenance, Role, Salary, Skill, SkillSlot, Text};

/// A shape problem of one value.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem<'n> {
    /// An object was expected; `found` is the kind of value there ("an array").
    NotObject {
        /// The kind found.
        found: &'static str,
    },
    /// A key the object does not define.
    UnknownField {
        /// The key.
        key: &'n str,
    },
    /// A defined key written a second time.
    DuplicateKey {
        /// The key.
        key: &'n str,
    },
    /// A required field is absent.
    MissingField {
        /// The field.
        field: &'static str,
    },
    /// A value of the wrong JSON kind.
    WrongType {
        /// The kind wanted.
        want: Kind,
        /// The kind found ("null", "an object").
        found: &'static str,
    },
    /// A skill slot of a phase that is neither a skill id nor an object.
    NotSlot {
        /// The kind found.
        found: &'static str,
    },
}

/// A [`Problem`] and where it is: the object (not an object, missing field), the key
/// (unknown or repeated field), or the value (wrong type, not a slot).
#[derive(Debug, Clone, PartialEq)]
pub struct Issue<'n> {
    /// Where the problem is.
    pub pos: Pos,
    /// What it is.
    pub problem: Problem<'n>,
}

impl Problem<'_> {
    /// The message about the value `what` names: the object for object problems ("skill
    /// `sql`"), the value for a wrong type ("`months` of phase `P`"), the phase for a slot.
    pub fn message(&self, what: &str) -> String {
        match self {
            Problem::NotObject { found } => format!("{what} must be an object, found {found}"),
            Problem::UnknownField { key } => format!("unknown field `{key}` in {what}"),
            Problem::DuplicateKey { key } => format!("field `{key}` appears twice in {what}"),
            Problem::MissingField { field } => format!("{what} is missing field `{field}`"),
            Problem::WrongType { want, found } => {
                format!("{what} must be {}, found {found}", want.name())
            }
            Problem::NotSlot { found } => format!(
                "a skill of {what} must be a skill id, {{\"any_of\": [...]}} or {{\"family\": ..., \"pick\": ...}}, found {found}"
            ),
        }
    }
}

/// Checks that `node` is an object with fields of `def` only, each once, and every required
/// one: each unknown or repeated key is reported (in source order), then each missing field
/// (in definition order). `None`, after reporting, when `node` is no object.
pub fn members<'n>(
    node: &'n Node,
    def: &Object,
    report: &mut dyn FnMut(Issue<'n>),
) -> Option<&'n [Member]> {
    let Value::Object(members) = &node.value else {
        report(Issue {
            pos: node.pos,
            problem: Problem::NotObject {
                found: node.value.kind(),
            },
        });
        return None;
    };
    let mut seen: HashSet<&str> = HashSet::new();
    for m in members {
        if !def.has(&m.key) {
            report(Issue {
                pos: m.key_pos,
                problem: Problem::UnknownField { key: &m.key },
            });
        } else if !seen.insert(&m.key) {
            report(Issue {
                pos: m.key_pos,
                problem: Problem::DuplicateKey { key: &m.key },
            });
        }
    }
    for f in def.fields {
        if f.required && !members.iter().any(|m| m.key == f.name) {
            report(Issue {
                pos: node.pos,
                problem: Problem::MissingField { field: f.name },
            });
        }
    }
    Some(members)
}

/// The value of field `name` (defined by `def`) of the object `obj`: `None` when absent (or
/// `null` where the type allows it), an issue when its kind is wrong. Array items are not
/// looked at (see [`of_kind`]).
pub fn field<'n>(obj: &'n Node, def: &Object, name: &str) -> Option<Result<&'n Node, Issue<'n>>> {
    let ty = def.field(name).ty;
    let node = obj.get(name)?;
    if matches!(ty, Type::ListOrNull(_)) && node.value == Value::Null {
        return None;
    }
    Some(of_kind(node, ty.kind()))
}

/// `node` if its value is of kind `want`, else a [`Problem::WrongType`] issue.
pub fn of_kind(node: &Node, want: Kind) -> Result<&Node, Issue<'_>> {
    let ok = matches!(
        (want, &node.value),
        (Kind::Str, Value::String(_))
            | (Kind::Num, Value::Number(_))
            | (Kind::Bool, Value::Bool(_))
            | (Kind::Array, Value::Array(_))
    );
    if ok {
        Ok(node)
    } else {
        Err(Issue {
            pos: node.pos,
            problem: Problem::WrongType {
                want,
                found: node.value.kind(),
            },
        })
    }
}

/// The name of a role in messages: "role `backend-engineer`", or "the role" when its `id`
/// is not a string.
pub fn what_role(root: &Node) -> String {
    match root.get("id").and_then(Node::as_str) {
        Some(id) => format!("role `{id}`"),
        None => "the role".to_owned(),
    }
}

/// The name of phase `i` (0-based) in messages: "phase `APIs`", else "phase 2".
pub fn what_phase(phase: &Node, i: usize) -> String {
    match phase.get("name").and_then(Node::as_str) {
        Some(name) => format!("phase `{name}`"),
        None => format!("phase {}", i + 1),
    }
}

/// The name of salary entry `i` (0-based): "the salary for `US`", else "salary entry 2".
pub fn what_salary(salary: &Node, i: usize) -> String {
    match salary.get("region").and_then(Node::as_str) {
        Some(r) => format!("the salary for `{r}`"),
        None => format!("salary entry {}", i + 1),
    }
}

/// The name of an any-of slot of the phase `phase_what` names.
pub fn what_any_of(phase_what: &str) -> String {
    format!("an any-of slot of {phase_what}")
}

/// The name of a family slot of the phase `phase_what` names: "the `relational-database`
/// slot of phase `P`".
pub fn what_family_slot(slot: &Node, phase_what: &str) -> String {
    match slot.get("family").and_then(Node::as_str) {
        Some(f) => format!("the `{f}` slot of {phase_what}"),
        None => format!("a family slot of {phase_what}"),
    }
}

/// The definition a slot object is read by: [`schema::FAMILY_SLOT`] when it has a `family`
/// key, else [`schema::ANY_OF`].
pub fn slot_def(slot: &Node) -> &'static Object {
    if slot.get("family").is_some() {
        &schema::FAMILY_SLOT
    } else {
        &schema::ANY_OF
    }
}

/// The name of project `i` (0-based) of a phase: "project `URL shortener` of phase `P`".
pub fn what_project(project: &Node, i: usize, phase_what: &str) -> String {
    match project.get("name").and_then(Node::as_str) {
        Some(n) => format!("project `{n}` of {phase_what}"),
        None => format!("project {} of {phase_what}", i + 1),
    }
}

/// The name of family `i` (0-based) of the families file: "family `cloud-platform`".
pub fn what_family(family: &Node, i: usize) -> String {
    match family.get("id").and_then(Node::as_str) {
        Some(id) => format!("family `{id}`"),
        None => format!("family {}", i + 1),
    }
}

/// The name of the families document.
pub const WHAT_FAMILIES: &str = "the families file";

/// The name of skill `i` (0-based) of the taxonomy: "skill `sql`", else "skill 3".
pub fn what_skill(skill: &Node, i: usize) -> String {
    match skill.get("id").and_then(Node::as_str) {
        Some(id) => format!("skill `{id}`"),
        None => format!("skill {}", i + 1),
    }
}

/// The name of the taxonomy document.
pub const WHAT_TAXONOMY: &str = "the taxonomy";

/// The name of field `key` of the object `what` names: "`months` of phase `P`".
pub fn what_field(key: &str, what: &str) -> String {
    format!("`{key}` of {what}")
}

/// The name of item `i` (0-based) of the array field `key`: "item 2 of `aliases` of skill `sql`".
pub fn what_item(key: &str, i: usize, what: &str) -> String {
    format!("item {} of `{key}` of {what}", i + 1)
}

/// Why a file does not read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Where the problem is.
    pub pos: Pos,
    /// What it is ("unknown field `colour` in role `r`").
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.pos.line, self.pos.column
        )
    }
}

impl std::error::Error for ReadError {}

fn fail<T>(issue: Issue<'_>, what: &str) -> Result<T, ReadError> {
    Err(ReadError {
        pos: issue.pos,
        message: issue.problem.message(what),
    })
}

/// The fields of an object whose shape has been checked in full: every access is of a
/// defined field of the right kind.
struct Fields<'n> {
    node: &'n Node,
    def: &'static Object,
}

impl<'n> Fields<'n> {
    /// Checks `node` against `def`: its members, the kind of every field present and of the
    /// items of lists of strings or numbers. Object items and slots are read by the caller.
    fn read(node: &'n Node, def: &'static Object, what: &str) -> Result<Fields<'n>, ReadError> {
        let mut first: Option<Issue<'n>> = None;
        members(node, def, &mut |issue| {
            first.get_or_insert(issue);
        });
        if let Some(issue) = first {
            return fail(issue, what);
        }
        for f in def.fields {
            let node = match field(node, def, f.name) {
                None => continue,
                Some(Err(issue)) => return fail(issue, &what_field(f.name, what)),
                Some(Ok(node)) => node,
            };
            let want = match f.ty {
                Type::List(Item::Str) | Type::ListOrNull(Item::Str) => Kind::Str,
                Type::List(Item::Num) | Type::ListOrNull(Item::Num) => Kind::Num,
                _ => continue,
            };
            for (i, item) in node.as_array().unwrap_or_default().iter().enumerate() {
                if let Err(issue) = of_kind(item, want) {
                    return fail(issue, &what_item(f.name, i, what));
                }
            }
        }
        Ok(Fields { node, def })
    }

    fn get(&self, name: &str) -> Option<&'n Node> {
        debug_assert!(self.def.has(name), "{} has no field {name}", self.def.name);
        let node = self.node.get(name)?;
        (node.value != Value::Null || !matches!(self.def.field(name).ty, Type::ListOrNull(_)))
            .then_some(node)
    }

    fn str(&self, name: &str) -> Option<&'n str> {
        self.get(name).and_then(Node::as_str)
    }

    fn string(&self, name: &str) -> String {
        self.str(name).unwrap_or_default().to_owned()
    }

    fn num(&self, name: &str) -> f64 {
        self.get(name).and_then(Node::as_f64).unwrap_or_default()
    }

    fn bool(&self, name: &str) -> bool {
        self.get(name).map(|n| n.value == Value::Bool(true)) == Some(true)
    }

    fn list(&self, name: &str) -> &'n [Node] {
        self.get(name).and_then(Node::as_array).unwrap_or_default()
    }

    fn strings(&self, name: &str) -> Vec<String> {
        self.list(name)
            .iter()
            .filter_map(Node::as_str)
            .map(str::to_owned)
            .collect()
    }

    fn numbers(&self, name: &str) -> Vec<f64> {
        self.list(name).iter().filter_map(Node::as_f64).collect()
    }
}

fn parse(text: &str) -> Result<Node, ReadError> {
    json::parse(text).map_err(|e| ReadError {
        pos: e.pos,
        message: e.message,
    })
}

/// Reads the text of a taxonomy file into its skills, in file order.
///
/// Errors: invalid JSON, a shape problem, or an unknown category (the first found). Duplicate
/// ids are not looked for here (see [`crate::skill::id_order`]).
pub fn taxonomy(text: &str) -> Result<Vec<Skill>, ReadError> {
    taxonomy_of(&parse(text)?)
}

/// [`taxonomy`] of a parsed document.
pub fn taxonomy_of(root: &Node) -> Result<Vec<Skill>, ReadError> {
    let file = Fields::read(root, &schema::TAXONOMY, WHAT_TAXONOMY)?;
    file.list("skills")
        .iter()
        .enumerate()
        .map(|(i, item)| skill(item, i))
        .collect()
}

fn texts(list: Vec<String>) -> Cow<'static, [Text]> {
    Cow::Owned(list.into_iter().map(Cow::Owned).collect())
}

fn skill(node: &Node, i: usize) -> Result<Skill, ReadError> {
    let what = what_skill(node, i);
    let f = Fields::read(node, &schema::SKILL, &what)?;
    let category = f.str("category").unwrap_or_default();
    let Some(category) = Category::from_name(category) else {
        return Err(ReadError {
            pos: f.get("category").map_or(node.pos, |n| n.pos),
            message: format!("{what} has unknown category `{category}`"),
        });
    };
    Ok(Skill {
        id: Cow::Owned(f.string("id")),
        name: Cow::Owned(f.string("name")),
        category,
        aliases: texts(f.strings("aliases")),
        implies: texts(f.strings("implies")),
        ambiguous: f.bool("ambiguous"),
        reject: texts(f.strings("reject")),
        cues: texts(f.strings("cues")),
        provenance: Cow::Owned(
            f.list("provenance")
                .iter()
                .enumerate()
                .map(|(k, node)| {
                    let p = Fields::read(
                        node,
                        &schema::PROVENANCE,
                        &what_item("provenance", k, &what),
                    )?;
                    Ok(Provenance {
                        source: Cow::Owned(p.string("source")),
                        source_id: Cow::Owned(p.string("source_id")),
                        onet_class: p.str("onet_class").map(|c| Cow::Owned(c.to_owned())),
                        hot_technology: p.get("hot_technology").map(|_| p.bool("hot_technology")),
                    })
                })
                .collect::<Result<Vec<_>, ReadError>>()?,
        ),
    })
}

/// Reads the text of a role file.
///
/// Errors: invalid JSON or a shape problem (the first found). Values are not judged here
/// (months out of range, unknown skills): `skillgap roles check` does that.
pub fn role(text: &str) -> Result<Role, ReadError> {
    role_of(&parse(text)?)
}

/// [`role`] of a parsed document.
pub fn role_of(root: &Node) -> Result<Role, ReadError> {
    let what = what_role(root);
    let f = Fields::read(root, &schema::ROLE, &what)?;
    let salary = f
        .list("salary")
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let s = Fields::read(node, &schema::SALARY, &what_salary(node, i))?;
            Ok(Salary {
                region: s.string("region"),
                currency: s.string("currency"),
                amount: s.num("amount"),
                year: s.num("year").clamp(0.0, f64::from(u32::MAX)) as u32,
                source: s.string("source"),
                url: s.str("url").map(str::to_owned),
            })
        })
        .collect::<Result<_, ReadError>>()?;
    let phases = f
        .list("phases")
        .iter()
        .enumerate()
        .map(|(i, node)| phase(node, i))
        .collect::<Result<_, ReadError>>()?;
    Ok(Role {
        schema: f.str("$schema").map(str::to_owned),
        id: f.string("id"),
        title: f.string("title"),
        summary: f.string("summary"),
        onet_soc: f.str("onet_soc").map(str::to_owned),
        hours_per_week: f.num("hours_per_week"),
        salary,
        phases,
    })
}

fn phase(node: &Node, i: usize) -> Result<Phase, ReadError> {
    let what = what_phase(node, i);
    let f = Fields::read(node, &schema::PHASE, &what)?;
    let skills = f
        .list("skills")
        .iter()
        .map(|slot| match &slot.value {
            Value::String(id) => Ok(SkillSlot::One(id.clone())),
            Value::Object(_) if slot_def(slot) == &schema::FAMILY_SLOT => {
                let s = Fields::read(slot, &schema::FAMILY_SLOT, &what_family_slot(slot, &what))?;
                Ok(SkillSlot::Family {
                    family: s.string("family"),
                    pick: s.string("pick"),
                    members: Vec::new(),
                })
            }
            Value::Object(_) => {
                let s = Fields::read(slot, &schema::ANY_OF, &what_any_of(&what))?;
                Ok(SkillSlot::AnyOf {
                    any_of: s.strings("any_of"),
                })
            }
            other => fail(
                Issue {
                    pos: slot.pos,
                    problem: Problem::NotSlot {
                        found: other.kind(),
                    },
                },
                &what,
            ),
        })
        .collect::<Result<_, ReadError>>()?;
    Ok(Phase {
        name: f.string("name"),
        months: f.num("months"),
        skills,
        weights: f.get("weights").map(|_| f.numbers("weights")),
        milestones: f.strings("milestones"),
        projects: f
            .list("projects")
            .iter()
            .enumerate()
            .map(|(k, node)| {
                let p = Fields::read(node, &schema::PROJECT, &what_project(node, k, &what))?;
                Ok(Project {
                    name: p.string("name"),
                    summary: p.string("summary"),
                    skills: p.strings("skills"),
                    hours: p.num("hours"),
                })
            })
            .collect::<Result<_, ReadError>>()?,
    })
}

/// Reads the text of a families file (`roles/families.json`) into its families, in file
/// order.
///
/// Errors: invalid JSON or a shape problem (the first found). Member ids and duplicate
/// family ids are judged by `skillgap roles check`, not here.
pub fn families(text: &str) -> Result<Vec<Family>, ReadError> {
    families_of(&parse(text)?)
}

/// [`families`] of a parsed document.
pub fn families_of(root: &Node) -> Result<Vec<Family>, ReadError> {
    let file = Fields::read(root, &schema::FAMILIES, WHAT_FAMILIES)?;
    file.list("families")
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let f = Fields::read(node, &schema::FAMILY, &what_family(node, i))?;
            Ok(Family {
                id: f.string("id"),
                name: f.string("name"),
                summary: f.string("summary"),
                members: f.strings("members"),
                reference: f.string("reference"),
            })
        })
        .collect()
}
