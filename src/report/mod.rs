//! Gap and skills -> bytes. Each format is one file with pure functions from a report to a
//! writer; nothing else in the crate prints results. Report functions take data and a
//! writer and write: they load nothing and decide no exit status.
//!
//! Text from documents and data files reaches a report as it is, and is made safe for the
//! terminal ([`terminal_safe`]) once, where it is written: by [`line()`], the cell and paint
//! helpers of `style`, [`markdown::md_text`], [`html::html_text`], the diagnostics of
//! `check` and the error message of a JSON record (`json::Record`).

pub(crate) mod check;
pub(crate) mod json;
pub(crate) mod man;
pub(crate) mod notes;
pub(crate) mod progress;
pub mod roles;
pub(crate) mod style;
pub(crate) mod summary;
pub(crate) mod table;
pub(crate) mod text;

pub mod html;
pub mod markdown;
#[cfg(test)]
mod schema_check;
#[cfg(test)]
mod testdata;

use std::io::{self, Write};

use serde::Serialize;

use crate::gap::{
    BestFit, GapReport, MissingSkill, PhaseGap, PhaseRef, ProjectPick, RelatedRole, RoleSummary,
    SkillRef, TimeToReady,
};
use crate::matcher::{Extraction, FoundSkill};
// The parts of a `JobReport` comparison, defined with the posting reader.
pub use crate::posting::{Need, PostingReport, PresentSkill, SimilarRole};

/// Version of the JSON output shape. Bumped only on a breaking change (a key removed or
/// renamed, a type changed); new keys may appear without a bump.
pub const SCHEMA_VERSION: u32 = 1;

/// How the target role was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoleChoice {
    /// Named with `--role`.
    Given,
    /// No `--role`: the role with the highest coverage.
    BestFit,
}

/// The full result of `skillgap analyze` for one resume: the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalyzeReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The input as given (`-` for stdin).
    pub input: String,
    /// The target role.
    pub role: RoleSummary,
    /// Whether the role was given or chosen as the best fit.
    pub role_choice: RoleChoice,
    /// Skills found in the resume (text evidence first, then implied).
    pub skills_found: Vec<FoundSkill>,
    /// Skills only being learned; they close no gap.
    pub learning: Vec<FoundSkill>,
    /// Skills only mentioned under a negation ("no experience with X"); they close no gap.
    pub not_claimed: Vec<FoundSkill>,
    /// Phases with present and missing skills and coverage (0..1).
    pub phases: Vec<PhaseGap>,
    /// Missing skills in phase order.
    pub missing_skills: Vec<MissingSkill>,
    /// First phase with a missing skill, or null when ready.
    pub recommended_phase: Option<PhaseRef>,
    /// Time to ready at the person's pace.
    pub time_to_ready: TimeToReady,
    /// Related roles by share.
    pub related_roles: Vec<RelatedRole>,
    /// The fewest of the role's projects that exercise the missing skills, in phase order.
    pub projects: Vec<ProjectPick>,
    /// Why the role was chosen, when it is the best fit; null when `--role` was given.
    pub best_fit: Option<BestFit>,
    /// Coverage of the role, 0..1.
    pub coverage: f64,
    /// Coverage unrounded, for `--fail-under` (not serialised).
    #[serde(skip)]
    pub coverage_exact: f64,
}

impl AnalyzeReport {
    /// Joins an extraction and a gap report; `best_fit` explains a role chosen as the best
    /// fit (`None` when the role was given).
    pub fn new(
        input: String,
        extraction: Extraction,
        gap: GapReport,
        best_fit: Option<BestFit>,
    ) -> AnalyzeReport {
        let role_choice = if best_fit.is_some() {
            RoleChoice::BestFit
        } else {
            RoleChoice::Given
        };
        AnalyzeReport {
            schema_version: SCHEMA_VERSION,
            input,
            role: gap.role,
            role_choice,
            skills_found: extraction.skills,
            learning: extraction.learning,
            not_claimed: extraction.not_claimed,
            phases: gap.phases,
            missing_skills: gap.missing_skills,
            recommended_phase: gap.recommended_phase,
            time_to_ready: gap.time_to_ready,
            related_roles: gap.related_roles,
            projects: gap.projects,
            best_fit,
            coverage: gap.coverage,
            coverage_exact: gap.coverage_exact,
        }
    }

    /// One sentence on why the best fit won: "Best fit: it covers 64% of its plan; the
    /// runner-up, Software Engineer (software-engineer), covers 55%." `None` for a given role.
    pub fn best_fit_line(&self) -> Option<String> {
        let b = self.best_fit.as_ref()?;
        if b.coverage <= 0.0 {
            return Some(format!(
                "No role's plan has a skill of this resume (of {} roles compared); shown: the first by id.",
                b.compared
            ));
        }
        let mut line = format!(
            "Best fit of {} roles: it covers {} of its plan, the most",
            b.compared,
            percent(b.coverage)
        );
        if let Some(r) = &b.runner_up {
            line.push_str(&format!(
                "; the runner-up, {} ({}), covers {}",
                r.title,
                r.id,
                percent(r.coverage)
            ));
        }
        line.push('.');
        Some(line)
    }

    /// Slots met by another skill than the plan's pick, one line each: "Relational
    /// database: met by MySQL; the plan names PostgreSQL".
    pub fn equivalent_lines(&self) -> Vec<String> {
        self.phases
            .iter()
            .flat_map(|p| &p.present)
            .filter_map(|s| {
                let pick = s.met_by_other()?;
                let what = s
                    .family
                    .as_ref()
                    .map_or("Either-or skill", |f| f.name.as_str());
                Some(format!(
                    "{what}: met by {}; the plan names {}",
                    s.name, pick.name
                ))
            })
            .collect()
    }
}

/// A yearly salary as people read it: "USD 132,270 (2023)" (thousands separators; whole
/// units).
pub(crate) fn money(salary: &crate::roles::Salary) -> String {
    let whole = salary.amount.round().max(0.0) as u64;
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{} {grouped} ({})", salary.currency, salary.year)
}

/// A family's name inside a sentence: its first letter lowercased, unless the first word is
/// an acronym ("Relational database" -> "relational database"; "CI/CD service" and "BI /
/// dashboard tool" stay as they are).
pub(crate) fn family_in_text(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(name[first.len_utf8()..].chars())
            .collect(),
        _ => name.to_owned(),
    }
}

/// How a slot reads in a list of present or missing skills: "MySQL (for PostgreSQL)" when
/// an equivalent met it, "PostgreSQL (or another relational database)" when a missing
/// family slot, else its name.
pub(crate) fn slot_label(s: &SkillRef) -> String {
    if let Some(pick) = s.met_by_other() {
        return format!("{} (for {})", s.name, pick.name);
    }
    match &s.family {
        Some(f) if s.met_by.is_none() => {
            format!("{} (or another {})", s.name, family_in_text(&f.name))
        }
        _ => s.name.clone(),
    }
}

/// One line per suggested project: "Phase 2 \"APIs + auth\": Build X (30 h) - covers
/// Docker, REST APIs".
pub(crate) fn project_lines(projects: &[ProjectPick]) -> Vec<String> {
    projects
        .iter()
        .map(|p| {
            let covers: Vec<&str> = p.covers.iter().map(|c| c.name.as_str()).collect();
            format!(
                "Phase {} \"{}\": {} ({} h) - covers {}",
                p.phase.index,
                p.phase.name,
                p.name,
                p.hours,
                covers.join(", ")
            )
        })
        .collect()
}

/// The result of `skillgap extract` for one resume.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The input as given.
    pub input: String,
    /// Skills found (same shape as `skills_found` in analyze).
    pub skills: Vec<FoundSkill>,
    /// Skills only being learned.
    pub learning: Vec<FoundSkill>,
    /// Skills only mentioned under a negation; not counted.
    pub not_claimed: Vec<FoundSkill>,
}

/// The result of `skillgap analyze RESUME --job POSTING`: the posting's skills as the
/// target, and the shipped role most like the posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobReport {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The resume as given.
    pub input: String,
    /// The posting as given.
    pub job: String,
    /// Skills found in the resume.
    pub skills_found: Vec<FoundSkill>,
    /// Skills the posting requires (either-or groups carry `any_of`).
    pub required: Vec<SkillRef>,
    /// Skills the posting prefers.
    pub preferred: Vec<SkillRef>,
    /// Skills the posting names without asking for them (its stack, duties, customers,
    /// people's former employers); not counted in the match score.
    pub context: Vec<SkillRef>,
    /// Skills the posting says it does not require; not counted in the match score.
    pub not_required: Vec<SkillRef>,
    /// The comparison: present, missing required and preferred, match score (0..1), similar roles.
    #[serde(flatten)]
    pub comparison: PostingReport,
    /// The gap to the most similar shipped role (its recommended phase and time to ready),
    /// or null when no role shares a skill with the posting.
    pub role_gap: Option<RoleGap>,
}

impl JobReport {
    /// How many of the posting's required skills (or groups) the person meets.
    pub fn required_met(&self) -> usize {
        self.comparison
            .present
            .iter()
            .filter(|p| p.need == Need::Required)
            .count()
    }
}

/// `analyze RESUME --job A --job B` (or `--job DIR`): the postings ranked for one resume.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobRanking {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The resume as given.
    pub input: String,
    /// One comparison per usable posting, by match score (highest first), then path.
    pub postings: Vec<JobReport>,
    /// Postings that could not be used (no skills, unreadable), in input order.
    pub skipped: Vec<SkippedPosting>,
}

/// A posting left out of a ranking, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkippedPosting {
    /// The posting as given.
    pub job: String,
    /// Why it was left out.
    pub error: Problem,
}

/// Why an input was left out: a stable kind (`no-skills`, `unreadable`, ...: the error kinds
/// of batch records) and a one-line message, safe for the terminal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Stable kebab-case kind.
    pub kind: String,
    /// One line, control characters removed.
    pub message: String,
}

impl Problem {
    /// The problem of an error, classified like a batch record's.
    pub(crate) fn of(err: &anyhow::Error) -> Problem {
        let e = crate::batch::FileError::from_anyhow(err);
        Problem {
            kind: e.kind,
            message: terminal_safe(&e.message),
        }
    }
}

/// The part of a gap report that `--job` shows for the most similar role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleGap {
    /// The role.
    pub role: RoleSummary,
    /// Coverage of the role, 0..1.
    pub coverage: f64,
    /// Missing skills of the role in phase order.
    pub missing_skills: Vec<MissingSkill>,
    /// First phase with a missing skill, or null.
    pub recommended_phase: Option<PhaseRef>,
    /// Time to ready at the person's pace.
    pub time_to_ready: TimeToReady,
}

impl RoleGap {
    /// The role-gap part of a gap report.
    pub fn from_gap(gap: GapReport) -> RoleGap {
        RoleGap {
            role: gap.role,
            coverage: gap.coverage,
            missing_skills: gap.missing_skills,
            recommended_phase: gap.recommended_phase,
            time_to_ready: gap.time_to_ready,
        }
    }
}

/// Removes control characters (C0, C1, DEL) and bidirectional controls from text that may
/// come from a document or a user's data file, so that it is safe to print on a terminal.
pub fn terminal_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
        })
        .collect()
}

/// Splits `text` into lines of at most `width` display columns, breaking at spaces;
/// continuation lines start with `indent` spaces. A word wider than a line stays whole on a
/// line of its own (overflowing). With `width` `None`, or when `text` fits: `text` as the
/// one line it is.
pub(crate) fn wrap(text: &str, width: Option<usize>, indent: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let Some(width) = width.filter(|&w| text.width() > w) else {
        return vec![text.to_owned()];
    };
    let pad = " ".repeat(indent);
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if current.is_empty() {
            if !lines.is_empty() {
                current.push_str(&pad);
            }
        } else if current.width() + 1 + word.width() <= width {
            current.push(' ');
        } else {
            lines.push(std::mem::replace(&mut current, pad.clone()));
        }
        current.push_str(word);
    }
    if !current.trim().is_empty() {
        lines.push(current);
    }
    lines
}

/// Writes `text` made safe for the terminal as [`line()`] does, wrapped to `width` display
/// columns at spaces (continuation lines indented two spaces; see [`wrap`]); with `width`
/// `None` exactly as [`line()`].
pub(crate) fn wrapped_line(
    out: &mut dyn Write,
    text: &str,
    width: Option<usize>,
) -> io::Result<()> {
    for l in wrap(&terminal_safe(text), width, 2) {
        writeln!(out, "{l}")?;
    }
    Ok(())
}

/// How a report names its input to people: the path as given, and `<stdin>` for `-`, as
/// the error lines do.
pub fn input_name(input: &str) -> &str {
    if input == "-" { "<stdin>" } else { input }
}

/// Writes `text` made safe for the terminal, and a line break: the writing point of every
/// people-facing line that carries names, paths or messages.
pub fn line(out: &mut dyn Write, text: &str) -> io::Result<()> {
    writeln!(out, "{}", terminal_safe(text))
}

/// How the results of a batch are put together in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framing {
    /// Lines a people format rendered (each ending in a line break), one after another.
    Text,
    /// One JSON record ([`json::record_bytes`]) per line.
    JsonLines,
    /// The JSON records as the items of one array.
    JsonArray,
}

/// Writes the results of a batch in input order. Each result was rendered in memory
/// beforehand by a report (in parallel: serialising is the costly part), and is written
/// here with the framing around it.
#[derive(Debug)]
pub(crate) struct BatchOutput {
    framing: Framing,
    first: bool,
}

impl BatchOutput {
    /// Starts the output (`[` for an array; nothing otherwise).
    pub(crate) fn start(framing: Framing, out: &mut dyn Write) -> io::Result<BatchOutput> {
        if framing == Framing::JsonArray {
            out.write_all(b"[")?;
        }
        Ok(BatchOutput {
            framing,
            first: true,
        })
    }

    /// Writes one rendered result: text as it is, a JSON record as a line or an array item.
    pub(crate) fn write(&mut self, rendered: &[u8], out: &mut dyn Write) -> io::Result<()> {
        match self.framing {
            Framing::Text => out.write_all(rendered)?,
            Framing::JsonLines => {
                out.write_all(rendered)?;
                out.write_all(b"\n")?;
            }
            Framing::JsonArray => {
                out.write_all(if self.first { b"\n" } else { b",\n" })?;
                out.write_all(rendered)?;
            }
        }
        self.first = false;
        Ok(())
    }

    /// Ends the output (`\n]\n` for an array; nothing otherwise).
    pub(crate) fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        if self.framing == Framing::JsonArray {
            out.write_all(b"\n]\n")?;
        }
        Ok(())
    }
}

/// The names of the skills that imply `skill`, joined by ", ": each id of its `implied_by`
/// named as in `found` (the skills found beside it), or left as the id when not there
/// ("Spring Boot" for `spring-boot`).
pub(crate) fn implied_by_names(skill: &FoundSkill, found: &[FoundSkill]) -> String {
    skill
        .implied_by
        .iter()
        .map(|id| {
            found
                .iter()
                .find(|f| &f.id == id)
                .map_or(id.as_str(), |f| f.name.as_str())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Skills found (N): a, b" (or "none") over skill names (escaped by the caller for
/// Markdown; a table line is cleaned as a whole by [`line`]).
pub(crate) fn found_line(names: &[String]) -> String {
    let list = if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    };
    format!("Skills found ({}): {list}", names.len())
}

/// "Learning (not counted): a, b" over skill names, as [`found_line`].
pub(crate) fn learning_line(names: &[String]) -> String {
    format!("Learning (not counted): {}", names.join(", "))
}

/// "Mentioned, not claimed: a, b" over skill names, as [`found_line`]: skills the document
/// names only under a negation ("no experience with Docker").
pub(crate) fn not_claimed_line(names: &[String]) -> String {
    format!("Mentioned, not claimed: {}", names.join(", "))
}

/// A fraction 0..1 as a whole percentage ("67%").
pub(crate) fn percent(fraction: f64) -> String {
    format!("{:.0}%", fraction * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names_in_text_keep_acronyms() {
        assert_eq!(family_in_text("Relational database"), "relational database");
        assert_eq!(family_in_text("CI/CD service"), "CI/CD service");
        assert_eq!(family_in_text("BI / dashboard tool"), "BI / dashboard tool");
        assert_eq!(
            family_in_text("IT service management"),
            "IT service management"
        );
        assert_eq!(family_in_text("Éditeur"), "éditeur");
    }

    #[test]
    fn wrap_breaks_at_spaces_with_a_hanging_indent() {
        let text = "Skills found (4): Python, Database Design, PostgreSQL, REST APIs";
        assert_eq!(wrap(text, None, 2), vec![text]);
        assert_eq!(wrap(text, Some(80), 2), vec![text]);
        assert_eq!(
            wrap(text, Some(30), 2),
            vec![
                "Skills found (4): Python,",
                "  Database Design, PostgreSQL,",
                "  REST APIs",
            ]
        );
        // A word wider than the line stays whole, on a line of its own.
        assert_eq!(
            wrap("see https://example.com/a/long/path now", Some(12), 2),
            vec!["see", "  https://example.com/a/long/path", "  now"]
        );
        // Display columns, not bytes: "Ünïcödé" is 7 wide.
        assert_eq!(
            wrap("Ünïcödé Ünïcödé", Some(15), 0),
            vec!["Ünïcödé Ünïcödé"]
        );
        assert_eq!(
            wrap("Ünïcödé Ünïcödé", Some(14), 0),
            vec!["Ünïcödé", "Ünïcödé"]
        );
    }
}
