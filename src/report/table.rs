//! Table output for people (comfy-table). Reads correctly without colour: colour only makes
//! missing skills stand out and present ones quieter. Never wraps to the terminal width, so
//! piped output is stable. Text from documents and data files passes through
//! [`terminal_safe`].

use std::io::{self, Write};

use comfy_table::{Cell, Table};

use super::style::{Paint, Style, right};
use super::{AnalyzeReport, ExtractReport, RoleChoice, percent, terminal_safe};
use crate::gap::SkillRef;
use crate::matcher::{FoundSkill, MatchKind};

/// Width of the coverage bars, in characters.
const BAR_WIDTH: usize = 10;

/// "Title [id]" for a role.
fn role_cell(title: &str, id: &str) -> Cell {
    Cell::new(format!("{} [{}]", terminal_safe(title), terminal_safe(id)))
}

/// A bar and its percentage.
fn bar_cell(style: &Style, fraction: f64) -> Cell {
    Cell::new(format!(
        "{} {:>4}",
        style.bar(fraction, BAR_WIDTH),
        percent(fraction)
    ))
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

fn skills_table(skills: &[FoundSkill], style: &Style) -> Table {
    let mut table = style.table(&["Skill", "Category", "Match", "Evidence"]);
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

fn names(skills: &[SkillRef]) -> String {
    let v: Vec<String> = skills.iter().map(|s| terminal_safe(&s.name)).collect();
    if v.is_empty() {
        "-".to_string()
    } else {
        v.join(", ")
    }
}

/// Writes the gap report for people.
pub fn write_analyze(report: &AnalyzeReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let role = &report.role;
    let choice = match report.role_choice {
        RoleChoice::Given => String::new(),
        RoleChoice::BestFit => " (best fit: no --role given)".to_string(),
    };
    let title = format!(
        "{} [{}]{}",
        terminal_safe(&role.title),
        terminal_safe(&role.id),
        choice
    );
    writeln!(out, "{}", style.paint(&title, Paint::Strong))?;
    writeln!(
        out,
        "Coverage: {} {} of the role's skills; plan: {} months at {} h/week",
        style.bar(report.coverage, BAR_WIDTH),
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
    writeln!(out, "{}", super::found_line(&found))?;
    if !report.learning.is_empty() {
        let learning: Vec<String> = report
            .learning
            .iter()
            .map(|s| terminal_safe(&s.name))
            .collect();
        writeln!(out, "{}", super::learning_line(&learning))?;
    }
    writeln!(out)?;
    let mut phases = style.table(&["#", "Phase", "Months", "Coverage", "Present", "Missing"]);
    for p in &report.phases {
        let marker = match &report.recommended_phase {
            Some(r) if r.index == p.index => " <- start here",
            _ => "",
        };
        phases.add_row(vec![
            right(p.index),
            Cell::new(format!("{}{marker}", terminal_safe(&p.name))),
            right(p.months),
            bar_cell(style, p.coverage),
            style.quiet(names(&p.present)),
            if p.missing.is_empty() {
                Cell::new("-")
            } else {
                style.missing(names(&p.missing))
            },
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
        writeln!(
            out,
            "Missing ({}): {}",
            missing.len(),
            style.paint(&missing.join(", "), Paint::Missing)
        )?;
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
        let mut related =
            style.table(&["Related role", "Shared", "Your coverage", "Shared skills"]);
        for r in &report.related_roles {
            let shared: Vec<String> = r
                .shared_skills
                .iter()
                .map(|s| terminal_safe(&s.name))
                .collect();
            related.add_row(vec![
                role_cell(&r.title, &r.id),
                bar_cell(style, r.shared),
                right(percent(r.coverage)),
                Cell::new(shared.join(", ")),
            ]);
        }
        writeln!(out, "{related}")?;
    }
    Ok(())
}

/// Writes the skills found for people.
pub fn write_extract(report: &ExtractReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    if report.skills.is_empty() {
        writeln!(out, "No skills found.")?;
    } else {
        writeln!(out, "{}", skills_table(&report.skills, style))?;
    }
    if !report.learning.is_empty() {
        writeln!(out, "Learning (not counted as skills):")?;
        writeln!(out, "{}", skills_table(&report.learning, style))?;
    }
    Ok(())
}

/// Writes the comparison with a job posting for people.
pub fn write_job(report: &super::JobReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let c = &report.comparison;
    let title = format!("Job posting {}", terminal_safe(&report.job));
    writeln!(out, "{}", style.paint(&title, Paint::Strong))?;
    writeln!(
        out,
        "Match: {} {} (required skills count twice)",
        style.bar(c.match_score, BAR_WIDTH),
        percent(c.match_score)
    )?;
    writeln!(out)?;
    let label = |r: &SkillRef| {
        if r.any_of.len() > 1 {
            format!(
                "{} (any of: {})",
                terminal_safe(&r.name),
                terminal_safe(&r.any_of.join(", "))
            )
        } else {
            terminal_safe(&r.name)
        }
    };
    let mut t = style.table(&["Need", "Present", "Missing"]);
    for (need, list, missing) in [
        (
            "required",
            crate::posting::Need::Required,
            &c.missing_required,
        ),
        (
            "preferred",
            crate::posting::Need::Preferred,
            &c.missing_preferred,
        ),
    ] {
        let present: Vec<String> = c
            .present
            .iter()
            .filter(|p| p.need == list)
            .map(|p| terminal_safe(&p.name))
            .collect();
        let missing: Vec<String> = missing.iter().map(label).collect();
        t.add_row(vec![
            Cell::new(need),
            style.quiet(if present.is_empty() {
                "-".to_string()
            } else {
                present.join(", ")
            }),
            if missing.is_empty() {
                Cell::new("-")
            } else {
                style.missing(missing.join(", "))
            },
        ]);
    }
    writeln!(out, "{t}")?;
    writeln!(out)?;
    if c.similar_roles.is_empty() {
        writeln!(out, "Similar roles: none shares a skill with the posting")?;
    } else {
        let mut roles = style.table(&[
            "Similar role",
            "Similarity",
            "Your coverage",
            "Shared skills",
        ]);
        for r in &c.similar_roles {
            roles.add_row(vec![
                role_cell(&r.title, &r.id),
                bar_cell(style, r.similarity),
                right(percent(r.coverage)),
                Cell::new(
                    r.shared_skills
                        .iter()
                        .map(|s| terminal_safe(&s.name))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ]);
        }
        writeln!(out, "{roles}")?;
    }
    if let Some(g) = &report.role_gap {
        writeln!(out)?;
        match &g.recommended_phase {
            Some(p) => writeln!(
                out,
                "Closest role {}: start at phase {} \"{}\"; time to ready {:.1} months at {} h/week",
                terminal_safe(&g.role.title),
                p.index,
                terminal_safe(&p.name),
                g.time_to_ready.months,
                g.time_to_ready.hours_per_week
            )?,
            None => writeln!(out, "Closest role {}: ready", terminal_safe(&g.role.title))?,
        }
    }
    Ok(())
}
