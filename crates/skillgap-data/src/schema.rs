//! The shape of every data object, written once: each object's fields with their names,
//! whether they are required, and their JSON types. The typed reader ([`crate::read`]), the
//! data check (`skillgap roles check`) and the build of the embedded tables read files
//! through these definitions, and tests hold `roles/schema.json` and the serde derives of
//! the role types to them.
//!
//! Rules about values (id spelling, month ranges, unknown skills) are not shape: they live
//! in the check.

/// One object of the data format: its fields, in the order the format documents them.
#[derive(Debug, PartialEq, Eq)]
pub struct Object {
    /// What the object is called in the JSON Schema's `$defs` (`phase`), or `role` and
    /// `taxonomy` for the documents themselves.
    pub name: &'static str,
    /// Every field the object may have; any other is an error.
    pub fields: &'static [Field],
}

/// One field of an [`Object`].
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    /// The key as written in the files (`hours_per_week`).
    pub name: &'static str,
    /// Whether the object must have it.
    pub required: bool,
    /// The JSON type of its value.
    pub ty: Type,
}

/// The JSON type of a field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// A string.
    Str,
    /// A number.
    Num,
    /// `true` or `false`.
    Bool,
    /// An array of items.
    List(Item),
    /// An array of items, or `null` (the same as leaving the field out).
    ListOrNull(Item),
}

/// The type of an array's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A string.
    Str,
    /// A number.
    Num,
    /// An object of the given definition.
    Object(&'static Object),
    /// A skill slot of a phase: a skill id (a string), an [`ANY_OF`] object or a
    /// [`FAMILY_SLOT`] object.
    Slot,
}

/// The JSON kind of a value, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string.
    Str,
    /// A number.
    Num,
    /// A boolean.
    Bool,
    /// An array.
    Array,
}

impl Kind {
    /// "a string", "a number", "a boolean", "an array".
    pub fn name(self) -> &'static str {
        match self {
            Kind::Str => "a string",
            Kind::Num => "a number",
            Kind::Bool => "a boolean",
            Kind::Array => "an array",
        }
    }
}

impl Type {
    /// The kind a value of this type must have (an array for both list types).
    pub fn kind(self) -> Kind {
        match self {
            Type::Str => Kind::Str,
            Type::Num => Kind::Num,
            Type::Bool => Kind::Bool,
            Type::List(_) | Type::ListOrNull(_) => Kind::Array,
        }
    }
}

impl Object {
    /// The field named `name`.
    ///
    /// Panics when the object defines no such field: callers name fields of the definition,
    /// and a misspelt one is a bug that every test run would show.
    pub fn field(&self, name: &str) -> &'static Field {
        let fields: &'static [Field] = self.fields;
        fields
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("`{}` defines no field `{name}`", self.name))
    }

    /// Whether the object defines a field named `name`.
    pub fn has(&self, name: &str) -> bool {
        self.fields.iter().any(|f| f.name == name)
    }

    /// The field names, in definition order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + Clone {
        let fields: &'static [Field] = self.fields;
        fields.iter().map(|f| f.name)
    }
}

const fn req(name: &'static str, ty: Type) -> Field {
    Field {
        name,
        required: true,
        ty,
    }
}

const fn opt(name: &'static str, ty: Type) -> Field {
    Field {
        name,
        required: false,
        ty,
    }
}

/// A role file, `roles/<id>.json`.
pub static ROLE: Object = Object {
    name: "role",
    fields: &[
        opt("$schema", Type::Str),
        req("id", Type::Str),
        req("title", Type::Str),
        req("summary", Type::Str),
        opt("onet_soc", Type::Str),
        req("hours_per_week", Type::Num),
        opt("salary", Type::List(Item::Object(&SALARY))),
        req("phases", Type::List(Item::Object(&PHASE))),
    ],
};

/// One phase of a role.
pub static PHASE: Object = Object {
    name: "phase",
    fields: &[
        req("name", Type::Str),
        req("months", Type::Num),
        req("skills", Type::List(Item::Slot)),
        opt("weights", Type::ListOrNull(Item::Num)),
        opt("milestones", Type::List(Item::Str)),
        opt("projects", Type::List(Item::Object(&PROJECT))),
    ],
};

/// A family slot of a phase: `{"family": "relational-database", "pick": "postgresql"}`, met
/// by any member of the family; `pick` is the plan's default.
pub static FAMILY_SLOT: Object = Object {
    name: "family_slot",
    fields: &[req("family", Type::Str), req("pick", Type::Str)],
};

/// A hands-on project of a phase: what the learner builds, the skill (or family) ids it
/// exercises, and its rough size in hours (our estimate, `roles/ESTIMATES.md`).
pub static PROJECT: Object = Object {
    name: "project",
    fields: &[
        req("name", Type::Str),
        opt("summary", Type::Str),
        req("skills", Type::List(Item::Str)),
        req("hours", Type::Num),
    ],
};

/// An any-of slot of a phase: `{"any_of": ["python", "go"]}`.
pub static ANY_OF: Object = Object {
    name: "any_of",
    fields: &[req("any_of", Type::List(Item::Str))],
};

/// A published salary figure of a role.
pub static SALARY: Object = Object {
    name: "salary",
    fields: &[
        req("region", Type::Str),
        req("currency", Type::Str),
        req("amount", Type::Num),
        req("year", Type::Num),
        req("source", Type::Str),
        opt("url", Type::Str),
    ],
};

/// The skill families file, `roles/families.json`.
pub static FAMILIES: Object = Object {
    name: "families",
    fields: &[
        opt("$schema", Type::Str),
        req("families", Type::List(Item::Object(&FAMILY))),
    ],
};

/// One skill family: skills that stand in for one another in a plan ("relational
/// database": PostgreSQL, MySQL, ...).
pub static FAMILY: Object = Object {
    name: "family",
    fields: &[
        req("id", Type::Str),
        req("name", Type::Str),
        opt("summary", Type::Str),
        req("members", Type::List(Item::Str)),
        opt("reference", Type::Str),
    ],
};

/// The taxonomy file, `roles/skills.json`.
pub static TAXONOMY: Object = Object {
    name: "taxonomy",
    fields: &[
        opt("$schema", Type::Str),
        req("skills", Type::List(Item::Object(&SKILL))),
    ],
};

/// One skill of the taxonomy. `category` is a string naming a [`crate::Category`].
pub static SKILL: Object = Object {
    name: "skill",
    fields: &[
        req("id", Type::Str),
        req("name", Type::Str),
        req("category", Type::Str),
        opt("aliases", Type::List(Item::Str)),
        opt("implies", Type::List(Item::Str)),
        opt("ambiguous", Type::Bool),
        opt("reject", Type::List(Item::Str)),
        opt("cues", Type::List(Item::Str)),
        opt("provenance", Type::List(Item::Object(&PROVENANCE))),
    ],
};

/// One source record of an imported skill: `{"source": "onet", "source_id": "Atlassian
/// JIRA", "onet_class": "...", "hot_technology": true}`. `source` is `onet`, `linguist` or
/// `simple-icons`; the last two fields are O*NET's only.
pub static PROVENANCE: Object = Object {
    name: "provenance",
    fields: &[
        req("source", Type::Str),
        req("source_id", Type::Str),
        opt("onet_class", Type::Str),
        opt("hot_technology", Type::Bool),
    ],
};

/// Every object definition.
pub static ALL: [&Object; 11] = [
    &ROLE,
    &PHASE,
    &ANY_OF,
    &FAMILY_SLOT,
    &PROJECT,
    &SALARY,
    &FAMILIES,
    &FAMILY,
    &TAXONOMY,
    &SKILL,
    &PROVENANCE,
];
