//! The data model of a role file, `roles/<id>.json` (fields: [`crate::schema::ROLE`] and the
//! objects it holds).
//!
//! A role is a target job with ordered phases of study. Months and hours per week are the
//! project's documented estimates (see `roles/README.md`); salaries appear only with a named
//! public source.
//!
//! Files are read with [`crate::read::role`], the reader of the shape that reports every
//! problem with its place. The types are also `Deserialize`, for one use only: the embedded
//! role files, checked in CI, are read with serde_json, which is several times faster than
//! the positioned reader (a test holds the two readings equal).

use serde::{Deserialize, Serialize};

/// One skill requirement of a phase: a single skill id, or a slot met by any one of several
/// (an explicit any-of list, or a skill family of `roles/families.json`).
///
/// Read from JSON by the shape of the value, a string or an object with `any_of` or with
/// `family` and `pick` (a hand-written `Deserialize`: serde's untagged enums buffer every
/// value and build an error for each shape tried, a third of the start-up of a command).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum SkillSlot {
    /// One taxonomy id (`"postgresql"`).
    One(String),
    /// Met by any member (`{"any_of": ["python", "nodejs", "go"]}`); named by its first member.
    AnyOf {
        /// Taxonomy ids, in order of preference; at least two.
        any_of: Vec<String>,
    },
    /// Met by any member of a skill family (`{"family": "relational-database", "pick":
    /// "postgresql"}`); named by its pick, the plan's default.
    Family {
        /// The family id (`roles/families.json`).
        family: String,
        /// The plan's default pick: a member of the family.
        pick: String,
        /// The family's member ids, the pick first: filled in by the loader from the
        /// families file (just the pick until then).
        #[serde(skip)]
        members: Vec<String>,
    },
}

impl SkillSlot {
    /// The member ids (one for a plain skill; for a family, the pick first).
    pub fn members(&self) -> &[String] {
        match self {
            SkillSlot::One(id) => std::slice::from_ref(id),
            SkillSlot::AnyOf { any_of } => any_of,
            SkillSlot::Family { members, pick, .. } if members.is_empty() => {
                std::slice::from_ref(pick)
            }
            SkillSlot::Family { members, .. } => members,
        }
    }

    /// The id the slot is named by: the skill, the first member of an any-of slot, or the
    /// pick of a family slot.
    pub fn primary(&self) -> &str {
        match self {
            SkillSlot::Family { pick, .. } => pick,
            _ => self.members().first().map_or("", String::as_str),
        }
    }

    /// The family id of a family slot.
    pub fn family(&self) -> Option<&str> {
        match self {
            SkillSlot::Family { family, .. } => Some(family),
            _ => None,
        }
    }

    /// Fills in the members of a family slot: the pick, then the family's other members in
    /// their order. Other slots are unchanged.
    pub fn resolve(&mut self, family_members: &[String]) {
        if let SkillSlot::Family { pick, members, .. } = self {
            members.clear();
            members.push(pick.clone());
            members.extend(family_members.iter().filter(|m| *m != pick).cloned());
        }
    }
}

impl<'de> Deserialize<'de> for SkillSlot {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SlotVisitor)
    }
}

/// Reads a [`SkillSlot`] from a string or a map, as the untagged enum did: unknown keys are
/// ignored; a map with `any_of` is an any-of slot, one with `family` and `pick` a family slot.
struct SlotVisitor;

impl<'de> serde::de::Visitor<'de> for SlotVisitor {
    type Value = SkillSlot;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a skill id, {\"any_of\": [...]} or {\"family\": ..., \"pick\": ...}")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<SkillSlot, E> {
        Ok(SkillSlot::One(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<SkillSlot, E> {
        Ok(SkillSlot::One(v))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SkillSlot, A::Error> {
        let (mut any_of, mut family, mut pick) = (None, None, None);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match &*key {
                "any_of" => any_of = Some(map.next_value::<Vec<String>>()?),
                "family" => family = Some(map.next_value::<String>()?),
                "pick" => pick = Some(map.next_value::<String>()?),
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        match (any_of, family, pick) {
            (Some(any_of), _, _) => Ok(SkillSlot::AnyOf { any_of }),
            (None, Some(family), Some(pick)) => Ok(SkillSlot::Family {
                family,
                pick,
                members: Vec::new(),
            }),
            _ => Err(serde::de::Error::custom(
                "data did not match any variant of untagged enum SkillSlot",
            )),
        }
    }
}

/// A hands-on portfolio project of a phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Short title ("URL shortener with an API").
    pub name: String,
    /// One sentence on what the learner builds; empty when not given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Skill or family ids the project exercises.
    pub skills: Vec<String>,
    /// Rough size in hours (our estimate, `roles/ESTIMATES.md`).
    pub hours: f64,
}

/// A skill family: skills that stand in for one another in a plan (`roles/families.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Family {
    /// Kebab-case id (`relational-database`).
    pub id: String,
    /// Display name ("Relational database").
    pub name: String,
    /// What the members have in common; empty when not given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Member skill ids, most common first.
    pub members: Vec<String>,
    /// The public reference the family was curated from; empty when not given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
}

/// One ordered phase of a role's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    /// Display name ("Language + databases").
    pub name: String,
    /// Estimated length at the role's own pace, in months (0.5..36).
    pub months: f64,
    /// Skills learned in this phase, in teaching order.
    pub skills: Vec<SkillSlot>,
    /// Optional relative weights of `skills` for sharing `months` (same length as `skills`);
    /// equal shares when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<Vec<f64>>,
    /// Concrete things a learner can show at the end of the phase.
    #[serde(default)]
    pub milestones: Vec<String>,
    /// Hands-on projects of the phase.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
}

/// A published salary figure with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Salary {
    /// Region the figure applies to ("US", "India").
    pub region: String,
    /// ISO 4217 currency code ("USD", "INR").
    pub currency: String,
    /// Yearly amount in `currency`.
    pub amount: f64,
    /// The year the figure is for (a BLS May 2023 figure: 2023).
    pub year: u32,
    /// Where the figure comes from (a named public source).
    pub source: String,
    /// The address of the source, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A target role as written in `roles/<id>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// Optional JSON Schema reference for editors.
    #[serde(skip_serializing, default, rename = "$schema")]
    pub schema: Option<String>,
    /// Kebab-case id, equal to the file stem.
    pub id: String,
    /// Display title ("Backend Engineer").
    pub title: String,
    /// One or two sentences on what the role does.
    pub summary: String,
    /// The role's O*NET-SOC occupation code ("15-1252.00"), when the file names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onet_soc: Option<String>,
    /// Study pace the phase months assume, in hours per week (1..80).
    pub hours_per_week: f64,
    /// Published salaries, each with its source; empty when no source exists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub salary: Vec<Salary>,
    /// Ordered phases of study.
    pub phases: Vec<Phase>,
}

impl Role {
    /// Total months of all phases at the role's own pace.
    pub fn months(&self) -> f64 {
        self.phases.iter().map(|p| p.months).sum()
    }

    /// Every slot of the role in phase order, with duplicates (by primary id) removed.
    pub fn slots(&self) -> Vec<&SkillSlot> {
        let mut out: Vec<&SkillSlot> = Vec::new();
        for slot in self.phases.iter().flat_map(|p| &p.skills) {
            if !out.iter().any(|s| s.primary() == slot.primary()) {
                out.push(slot);
            }
        }
        out
    }
}
