//! Table output for people (comfy-table). Reads correctly without colour; never wraps to
//! the terminal width, so piped output is stable. Text from documents and data files passes
//! through [`terminal_safe`].

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::{AnalyzeReport, ExtractReport, RoleChoice, percent, terminal_safe};
use crate::matcher::{FoundSkill, MatchKind};

pub fn new_table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(header.iter().map(|h| Cell::new(*h)));
    table
}

fn right(text: impl ToString) -> Cell {
    Cell::new(text.to_string()).set_alignment(CellAlignment::Right)
}

fn skill_label(s: &FoundSkill) -> String {
    match s.how {
        MatchKind::Implied => format!("{} (implied by {})", s.name, s.implied_by.join(", ")),
        MatchKind::Fuzzy => format!(
            "{} (~{})",
            s.name,
            s.evidence.first().map_or("", |e| e.text.as_str())
        ),
        _ => s.name.clone(),
    }
}

fn skills_table(skills: &[FoundSkill]) -> Table {
    let mut table = new_table(&["Skill", "Category", "Match", "Evidence"]);
    for s in skills {
        let evidence = match s.evidence.first() {
            None => format!("implied by {}", s.implied_by.join(", ")),
            Some(e) => {
                let more = if s.evidence.len() > 1 {
                    format!(" (+{} more)", s.evidence.len() - 1)
                } else {
                    String::new()
                };
                let section = e
                    .section
                    .map_or(String::new(), |s| format!(" [{}]", s.as_str()));
                format!("line {}{}: \"{}\"{}", e.line, section, e.text, more)
            }
        };
        let how = match s.how {
            MatchKind::Exact => "exact",
            MatchKind::Alias => "alias",
            MatchKind::Fuzzy => "fuzzy",
            MatchKind::Implied => "implied",
        };
        table.add_row(vec![
            Cell::new(terminal_safe(&s.name)),
            Cell::new(s.category.as_str()),
            Cell::new(how),
            Cell::new(terminal_safe(&evidence)),
        ]);
    }
    table
}

/// Writes the gap report for people.
pub fn write_analyze(report: &AnalyzeReport, out: &mut dyn Write) -> io::Result<()> {
    let role = &report.role;
    let choice = match report.role_choice {
        RoleChoice::Given => String::new(),
        RoleChoice::BestFit => " (best fit: no --role given)".to_string(),
    };
    writeln!(
        out,
        "{} [{}]{}",
        terminal_safe(&role.title),
        terminal_safe(&role.id),
        choice
    )?;
    writeln!(
        out,
        "Coverage: {} of the role's skills; plan: {} months at {} h/week",
        percent(report.coverage),
        role.months,
        role.hours_per_week
    )?;
    writeln!(out)?;
    let found: Vec<String> = report
        .skills_found
        .iter()
        .map(|s| terminal_safe(&skill_label(s)))
        .collect();
    writeln!(
        out,
        "Skills found ({}): {}",
        found.len(),
        if found.is_empty() {
            "none".into()
        } else {
            found.join(", ")
        }
    )?;
    if !report.learning.is_empty() {
        let learning: Vec<String> = report
            .learning
            .iter()
            .map(|s| terminal_safe(&s.name))
            .collect();
        writeln!(out, "Learning (not counted): {}", learning.join(", "))?;
    }
    writeln!(out)?;
    let mut phases = new_table(&["#", "Phase", "Months", "Coverage", "Present", "Missing"]);
    for p in &report.phases {
        let names = |skills: &[crate::gap::SkillRef]| {
            let v: Vec<String> = skills.iter().map(|s| terminal_safe(&s.name)).collect();
            if v.is_empty() {
                "-".to_string()
            } else {
                v.join(", ")
            }
        };
        phases.add_row(vec![
            right(p.index),
            Cell::new(terminal_safe(&p.name)),
            right(p.months),
            right(percent(p.coverage)),
            Cell::new(names(&p.present)),
            Cell::new(names(&p.missing)),
        ]);
    }
    writeln!(out, "{phases}")?;
    writeln!(out)?;
    match &report.recommended_phase {
        Some(p) => writeln!(
            out,
            "Start at: phase {} \"{}\"",
            p.index,
            terminal_safe(&p.name)
        )?,
        None => writeln!(out, "Ready: every skill of the role is present")?,
    }
    if !report.missing_skills.is_empty() {
        let missing: Vec<String> = report
            .missing_skills
            .iter()
            .map(|m| terminal_safe(&m.name))
            .collect();
        writeln!(out, "Missing ({}): {}", missing.len(), missing.join(", "))?;
    }
    let t = &report.time_to_ready;
    writeln!(
        out,
        "Time to ready: {:.1} months ({:.1} weeks, {} hours at {} h/week)",
        t.months, t.weeks, t.hours, t.hours_per_week
    )?;
    writeln!(out)?;
    if report.related_roles.is_empty() {
        writeln!(out, "Related roles: none share over the threshold")?;
    } else {
        let mut related = new_table(&["Related role", "Shared", "Your coverage", "Shared skills"]);
        for r in &report.related_roles {
            let shared: Vec<String> = r
                .shared_skills
                .iter()
                .map(|s| terminal_safe(&s.name))
                .collect();
            related.add_row(vec![
                Cell::new(format!(
                    "{} [{}]",
                    terminal_safe(&r.title),
                    terminal_safe(&r.id)
                )),
                right(percent(r.shared)),
                right(percent(r.coverage)),
                Cell::new(shared.join(", ")),
            ]);
        }
        writeln!(out, "{related}")?;
    }
    Ok(())
}

/// Writes the skills found for people.
pub fn write_extract(report: &ExtractReport, out: &mut dyn Write) -> io::Result<()> {
    if report.skills.is_empty() {
        writeln!(out, "No skills found.")?;
    } else {
        writeln!(out, "{}", skills_table(&report.skills))?;
    }
    if !report.learning.is_empty() {
        writeln!(out, "Learning (not counted as skills):")?;
        writeln!(out, "{}", skills_table(&report.learning))?;
    }
    Ok(())
}
