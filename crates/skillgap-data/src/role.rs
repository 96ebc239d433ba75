//! The data model of a role file, `roles/<id>.json` (fields: [`crate::schema::ROLE`] and the
//! objects it holds).
//!
//! A role is a target job with ordered phases of study. Months and hours per week are the
//! project's documented estimates (see `roles/README.md`); salaries appear only with a named
//! public source.
//!
//! Files are read with [`crate::read::role`], the only reader of the shape. The types are
//! only `Serialize`: salaries appear in the JSON output of `roles show`, and tests write
//! sample role files with it.

use serde::Serialize;

/// One skill requirement of a phase: a single skill id, or a slot met by any one of several.
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
}

impl SkillSlot {
    /// The member ids (one for a plain skill).
    pub fn members(&self) -> &[String] {
        match self {
            SkillSlot::One(id) => std::slice::from_ref(id),
            SkillSlot::AnyOf { any_of } => any_of,
        }
    }

    /// The id the slot is named by: the skill, or the first member of an any-of slot.
    pub fn primary(&self) -> &str {
        self.members().first().map_or("", String::as_str)
    }
}

/// One ordered phase of a role's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phase {
    /// Display name ("Language + databases").
    pub name: String,
    /// Estimated length at the role's own pace, in months (0.5..36).
    pub months: f64,
    /// Skills learned in this phase, in teaching order.
    pub skills: Vec<SkillSlot>,
    /// Optional relative weights of `skills` for sharing `months` (same length as `skills`);
    /// equal shares when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<Vec<f64>>,
    /// Concrete things a learner can show at the end of the phase.
    pub milestones: Vec<String>,
}

/// A published salary figure with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Salary {
    /// Region the figure applies to ("US", "India").
    pub region: String,
    /// ISO 4217 currency code ("USD", "INR").
    pub currency: String,
    /// Yearly amount in `currency`.
    pub amount: f64,
    /// Where the figure comes from (a named public source).
    pub source: String,
}

/// A target role as written in `roles/<id>.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    /// Optional JSON Schema reference for editors.
    #[serde(skip_serializing)]
    pub schema: Option<String>,
    /// Kebab-case id, equal to the file stem.
    pub id: String,
    /// Display title ("Backend Engineer").
    pub title: String,
    /// One or two sentences on what the role does.
    pub summary: String,
    /// Study pace the phase months assume, in hours per week (1..80).
    pub hours_per_week: f64,
    /// Published salaries, each with its source; empty when no source exists.
    #[serde(skip_serializing_if = "Vec::is_empty")]
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
