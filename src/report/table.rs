//! Table output for people (comfy-table). Reads correctly without colour: colour only makes
//! missing skills stand out and present ones quieter. Tables and lines fit
//! [`Style::width`] (the terminal's, wrapped at word boundaries) when there is one; without
//! one (files and pipes) nothing is wrapped, so piped output is stable. Names and text from documents and data files come in as they
//! are and are made safe for the terminal where they are written: by [`line()`] and the cell
//! and paint helpers of [`super::style`].

use std::io::{self, Write};
use std::path::Path;

use comfy_table::{Cell, Table};

use super::roles::{RoleRow, RoleView};
use super::style::{Paint, Style, cell, lines_cell, right};
use super::{
    AnalyzeReport, ExtractReport, RoleChoice, implied_by_names, percent, wrap, wrapped_line,
};
use crate::batch::FileError;
use crate::gap::SkillRef;
use crate::matcher::{FoundSkill, MAX_EVIDENCE, MatchKind};

/// Width of the coverage bars, in characters.
const BAR_WIDTH: usize = 10;

/// "Title [id]" for a role.
fn role_cell(title: &str, id: &str) -> Cell {
    cell(&format!("{title} [{id}]"))
}

/// A bar and its percentage; only the percentage where the width is too narrow for bars.
fn bar_cell(style: &Style, fraction: f64) -> Cell {
    if !style.bars_in_tables() {
        return right(percent(fraction));
    }
    Cell::new(format!(
        "{} {:>4}",
        style.bar(fraction, BAR_WIDTH),
        percent(fraction)
    ))
}

/// Writes `text` made safe for the terminal and fitted to the style's width.
fn say(out: &mut dyn Write, style: &Style, text: &str) -> io::Result<()> {
    wrapped_line(out, text, style.width)
}

/// Writes `prefix` and then `text` painted as `kind`, fitted to the style's width: each
/// line's text after the prefix (or the indent of a continuation line) is painted.
fn say_painted(
    out: &mut dyn Write,
    style: &Style,
    prefix: &str,
    text: &str,
    kind: Paint,
) -> io::Result<()> {
    let whole = format!("{prefix}{}", super::terminal_safe(text));
    for (i, l) in wrap(&whole, style.width, 2).iter().enumerate() {
        let lead = if i == 0 { prefix.len() } else { 2 };
        let (head, rest) = l.split_at(lead.min(l.len()));
        writeln!(out, "{head}{}", style.paint(rest, kind))?;
    }
    Ok(())
}

fn skill_label(s: &FoundSkill, found: &[FoundSkill]) -> String {
    match s.how {
        MatchKind::Implied => format!("{} (implied by {})", s.name, implied_by_names(s, found)),
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
            None => format!("implied by {}", implied_by_names(s, skills)),
            Some(e) => {
                // Evidence is kept up to MAX_EVIDENCE places: a full list may have had more.
                let more = match s.evidence.len() {
                    1 => String::new(),
                    MAX_EVIDENCE => format!(" (+{} or more)", MAX_EVIDENCE - 1),
                    n => format!(" (+{} more)", n - 1),
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
            cell(&s.name),
            Cell::new(s.category.as_str()),
            Cell::new(how),
            cell(&evidence),
        ]);
    }
    table
}

/// The skills of a table cell: "MySQL (for PostgreSQL)" for a slot an equivalent met,
/// "Redis*" for a missing family slot (the line under the table names the families), else
/// the name.
fn names(skills: &[SkillRef]) -> String {
    let v: Vec<String> = skills
        .iter()
        .map(|s| match &s.family {
            Some(_) if s.met_by.is_none() => format!("{}*", s.name),
            _ => super::slot_label(s),
        })
        .collect();
    if v.is_empty() {
        "-".to_owned()
    } else {
        v.join(", ")
    }
}

/// Writes the gap report for people.
pub(crate) fn write_analyze(
    report: &AnalyzeReport,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let role = &report.role;
    let choice = match report.role_choice {
        RoleChoice::Given => String::new(),
        RoleChoice::BestFit => " (best fit: no --role given)".to_owned(),
    };
    let title = format!("{} [{}]{}", role.title, role.id, choice);
    say_painted(out, style, "", &title, Paint::Strong)?;
    if let Some(line) = report.best_fit_line() {
        say(out, style, &line)?;
    }
    say(
        out,
        style,
        &format!(
            "Coverage: {} {} of the role's skills; plan: {} months at {} h/week",
            style.bar(report.coverage, BAR_WIDTH),
            percent(report.coverage),
            role.months,
            role.hours_per_week
        ),
    )?;
    writeln!(out)?;
    let found: Vec<String> = report
        .skills_found
        .iter()
        .map(|s| skill_label(s, &report.skills_found))
        .collect();
    say(out, style, &super::found_line(&found))?;
    if !report.learning.is_empty() {
        let learning: Vec<String> = report.learning.iter().map(|s| s.name.clone()).collect();
        say(out, style, &super::learning_line(&learning))?;
    }
    if !report.not_claimed.is_empty() {
        let names: Vec<String> = report.not_claimed.iter().map(|s| s.name.clone()).collect();
        say(out, style, &super::not_claimed_line(&names))?;
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
            cell(&format!("{}{marker}", p.name)),
            right(p.months),
            bar_cell(style, p.coverage),
            style.quiet(&names(&p.present)),
            if p.missing.is_empty() {
                Cell::new("-")
            } else {
                style.missing(&names(&p.missing))
            },
        ]);
    }
    writeln!(out, "{}", style.fit(phases, &[2, 4], &[]))?;
    let families: Vec<String> = report
        .missing_skills
        .iter()
        .filter_map(|m| {
            let f = m.family.as_ref()?;
            Some(format!(
                "{} (any {})",
                m.name,
                super::family_in_text(&f.name)
            ))
        })
        .collect();
    if !families.is_empty() {
        say(
            out,
            style,
            &format!("* or an equivalent: {}", families.join(", ")),
        )?;
    }
    let equivalents = report.equivalent_lines();
    if !equivalents.is_empty() {
        say(out, style, "Met by an equivalent skill:")?;
        for line in &equivalents {
            say(out, style, &format!("- {line}"))?;
        }
    }
    writeln!(out)?;
    match &report.recommended_phase {
        Some(p) => say(
            out,
            style,
            &format!("Start at: phase {} \"{}\"", p.index, p.name),
        )?,
        None => say(out, style, "Ready: every skill of the role is present")?,
    }
    if !report.missing_skills.is_empty() {
        let missing: Vec<&str> = report
            .missing_skills
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        say_painted(
            out,
            style,
            &format!("Missing ({}): ", missing.len()),
            &missing.join(", "),
            Paint::Missing,
        )?;
    }
    let t = &report.time_to_ready;
    say(
        out,
        style,
        &format!(
            "Time to ready: {:.1} months ({:.1} weeks, {} hours at {} h/week)",
            t.months, t.weeks, t.hours, t.hours_per_week
        ),
    )?;
    if !report.projects.is_empty() {
        writeln!(out)?;
        say(
            out,
            style,
            &format!(
                "Projects that cover the missing skills ({}):",
                report.projects.len()
            ),
        )?;
        for line in super::project_lines(&report.projects) {
            say(out, style, &format!("- {line}"))?;
        }
    }
    writeln!(out)?;
    if report.related_roles.is_empty() {
        say(out, style, "Related roles: none share over the threshold")?;
    } else {
        let mut related =
            style.table(&["Related role", "Shared", "Your coverage", "Shared skills"]);
        for r in &report.related_roles {
            let shared: Vec<&str> = r.shared_skills.iter().map(|s| s.name.as_str()).collect();
            related.add_row(vec![
                role_cell(&r.title, &r.id),
                bar_cell(style, r.shared),
                right(percent(r.coverage)),
                cell(&shared.join(", ")),
            ]);
        }
        writeln!(out, "{}", style.fit(related, &[2, 1], &[]))?;
    }
    Ok(())
}

/// Writes the skills found for people.
pub(crate) fn write_extract(
    report: &ExtractReport,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    if report.skills.is_empty() {
        writeln!(out, "No skills found.")?;
    } else {
        writeln!(
            out,
            "{}",
            style.fit(skills_table(&report.skills, style), &[1, 2], &[])
        )?;
    }
    if !report.learning.is_empty() {
        say(out, style, "Learning (not counted as skills):")?;
        writeln!(
            out,
            "{}",
            style.fit(skills_table(&report.learning, style), &[1, 2], &[])
        )?;
    }
    if !report.not_claimed.is_empty() {
        say(
            out,
            style,
            "Mentioned, not claimed (not counted as skills):",
        )?;
        writeln!(
            out,
            "{}",
            style.fit(skills_table(&report.not_claimed, style), &[1, 2], &[])
        )?;
    }
    Ok(())
}

/// Writes a ranking of postings for people: one row per posting, best match first, then
/// the postings left out with their reason.
pub(crate) fn write_ranking(
    report: &super::JobRanking,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let n = report.postings.len();
    let title = format!(
        "{n} {} ranked for {}",
        if n == 1 { "posting" } else { "postings" },
        super::input_name(&report.input)
    );
    say_painted(out, style, "", &title, Paint::Strong)?;
    if !report.postings.is_empty() {
        let mut t = style.table(&[
            "#",
            "Posting",
            "Match",
            "Required met",
            "Missing required",
            "Missing preferred",
        ]);
        for (i, r) in report.postings.iter().enumerate() {
            let c = &r.comparison;
            let met = r.required_met();
            let required = met + c.missing_required.len();
            let list = |v: &[SkillRef]| {
                if v.is_empty() {
                    "-".to_owned()
                } else {
                    v.iter()
                        .map(SkillRef::either_or)
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            t.add_row(vec![
                right(i + 1),
                cell(super::input_name(&r.job)),
                bar_cell(style, c.match_score),
                right(format!("{met}/{required}")),
                style.missing(&list(&c.missing_required)),
                style.quiet(&list(&c.missing_preferred)),
            ]);
        }
        writeln!(out, "{}", style.fit(t, &[2, 5], &[]))?;
    }
    if !report.skipped.is_empty() {
        say(out, style, &format!("Left out ({}):", report.skipped.len()))?;
        for s in &report.skipped {
            say(
                out,
                style,
                &format!("- {}: {}", super::input_name(&s.job), s.error.message),
            )?;
        }
    }
    Ok(())
}

/// Writes the comparison with a job posting for people.
pub(crate) fn write_job(
    report: &super::JobReport,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let c = &report.comparison;
    let title = format!("Job posting {}", super::input_name(&report.job));
    say_painted(out, style, "", &title, Paint::Strong)?;
    say(
        out,
        style,
        &format!(
            "Match: {} {} (required skills count twice)",
            style.bar(c.match_score, BAR_WIDTH),
            percent(c.match_score)
        ),
    )?;
    writeln!(out)?;
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
        let present: Vec<&str> = c
            .present
            .iter()
            .filter(|p| p.need == list)
            .map(|p| p.name.as_str())
            .collect();
        let missing: Vec<String> = missing.iter().map(SkillRef::either_or).collect();
        t.add_row(vec![
            Cell::new(need),
            style.quiet(&if present.is_empty() {
                "-".to_owned()
            } else {
                present.join(", ")
            }),
            if missing.is_empty() {
                Cell::new("-")
            } else {
                style.missing(&missing.join(", "))
            },
        ]);
    }
    writeln!(out, "{}", style.fit(t, &[], &[]))?;
    for (title, list) in [
        ("Also in the posting (not counted)", &report.context),
        (
            "Not required by the posting (not counted)",
            &report.not_required,
        ),
    ] {
        if !list.is_empty() {
            let names: Vec<&str> = list.iter().map(|r| r.name.as_str()).collect();
            say(out, style, &format!("{title}: {}", names.join(", ")))?;
        }
    }
    writeln!(out)?;
    if c.similar_roles.is_empty() {
        say(
            out,
            style,
            "Similar roles: none shares a skill with the posting",
        )?;
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
                cell(
                    &r.shared_skills
                        .iter()
                        .map(|s| s.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ]);
        }
        writeln!(out, "{}", style.fit(roles, &[2, 1], &[]))?;
    }
    if let Some(g) = &report.role_gap {
        writeln!(out)?;
        match &g.recommended_phase {
            Some(p) => say(
                out,
                style,
                &format!(
                    "Closest role {}: start at phase {} \"{}\"; time to ready {:.1} months at {} h/week",
                    g.role.title,
                    p.index,
                    p.name,
                    g.time_to_ready.months,
                    g.time_to_ready.hours_per_week
                ),
            )?,
            None => say(out, style, &format!("Closest role {}: ready", g.role.title))?,
        }
    }
    Ok(())
}

/// Writes one result of a batch `extract` for people: `path: skill, skill` (or
/// "(no skills found)"), or `failed: message` (the message names the file); fitted to
/// `width` display columns when there is one (continuation lines indented).
pub(crate) fn write_extract_line(
    path: &Path,
    result: &Result<ExtractReport, FileError>,
    width: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match result {
        Ok(r) => {
            let names = if r.skills.is_empty() {
                "(no skills found)".to_owned()
            } else {
                let names: Vec<&str> = r.skills.iter().map(|s| s.name.as_str()).collect();
                names.join(", ")
            };
            wrapped_line(out, &format!("{}: {names}", path.display()), width)
        }
        Err(e) => wrapped_line(out, &format!("failed: {}", e.message), width),
    }
}

/// Writes `roles list` for people: one row per role.
pub(crate) fn write_role_list(
    rows: &[RoleRow],
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut t = style.table(&["Role", "Title", "Months", "Hours/week", "Phases"]);
    for r in rows {
        t.add_row(vec![
            cell(&r.id),
            cell(&r.title),
            right(r.months),
            right(r.hours_per_week),
            right(r.phases),
        ]);
    }
    writeln!(out, "{}", style.fit(t, &[3, 4, 2], &[]))
}

/// Writes `roles show` for people: the plan, salaries, phases, and the related roles that
/// share over `threshold` (0..1) of their skills.
pub(crate) fn write_role(
    v: &RoleView,
    threshold: f64,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    say(out, style, &format!("{} [{}]", v.title, v.id))?;
    say(out, style, &v.summary)?;
    say(
        out,
        style,
        &format!(
            "Plan: {} months at {} h/week, {} phases",
            v.months,
            v.hours_per_week,
            v.phases.len()
        ),
    )?;
    if let Some(o) = &v.occupation {
        say(
            out,
            style,
            &format!("Occupation: O*NET-SOC {} {}", o.code, o.title),
        )?;
    }
    for sal in &v.salary {
        let url = sal
            .url
            .as_deref()
            .map(|u| format!(", {u}"))
            .unwrap_or_default();
        say(
            out,
            style,
            &format!(
                "Salary ({}): {} per year (source: {}{url})",
                sal.region,
                super::money(sal),
                sal.source
            ),
        )?;
    }
    writeln!(out)?;
    let mut t = style.table(&["#", "Phase", "Months", "Skills", "Milestones"]);
    for p in &v.phases {
        t.add_row(vec![
            right(p.index),
            cell(&p.name),
            right(p.months),
            lines_cell(&p.skills),
            lines_cell(
                p.milestones.iter().map(|m| format!("- {m}")).chain(
                    p.projects
                        .iter()
                        .map(|pr| format!("- project: {} ({} h)", pr.name, pr.hours)),
                ),
            ),
        ]);
    }
    writeln!(out, "{}", style.fit(t, &[2], &[1]))?;
    writeln!(out)?;
    if v.related_roles.is_empty() {
        say(
            out,
            style,
            &format!("Related roles: none share over {}", percent(threshold)),
        )?;
    } else {
        let mut t = style.table(&["Related role", "Shared", "Shared skills"]);
        for r in &v.related_roles {
            let shared: Vec<&str> = r.shared_skills.iter().map(|x| x.name.as_str()).collect();
            t.add_row(vec![
                role_cell(&r.title, &r.id),
                right(percent(r.shared)),
                cell(&shared.join(", ")),
            ]);
        }
        writeln!(out, "{}", style.fit(t, &[1], &[]))?;
    }
    say(
        out,
        style,
        &format!(
            "Shares leave out skills listed by more than half of all roles: {}",
            if v.ubiquitous_skills.is_empty() {
                "none".to_owned()
            } else {
                v.ubiquitous_skills.join(", ")
            }
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testdata;

    #[test]
    fn role_show_text_is_safe_for_the_terminal() {
        let library = testdata::library();
        let role = library.role("backend-engineer").unwrap();
        let mut view = RoleView::new(role, &library, crate::gap::DEFAULT_RELATED_THRESHOLD);
        view.title = "Back\u{1b}[2Jend".into();
        view.phases[0].skills[0] = "Py\nthon".into();
        view.phases[0].milestones = vec!["ship\u{7} it".into()];
        view.ubiquitous_skills = vec!["Gi\u{9b}t".into()];
        let mut out = Vec::new();
        write_role(&view, 0.3, &Style::PLAIN, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
        assert!(
            text.starts_with("Back[2Jend [backend-engineer]\n"),
            "{text}"
        );
        assert!(text.contains(" Python "), "{text}");
        assert!(text.contains(" - ship it "), "{text}");
        assert!(text.ends_with("half of all roles: Git\n"), "{text}");
    }

    /// The style of an 80-column terminal without colour.
    const TERMINAL_80: Style = Style {
        color: false,
        unicode: true,
        width: Some(80),
    };

    fn widest(text: &str) -> usize {
        use unicode_width::UnicodeWidthStr;
        text.lines().map(str::width).max().unwrap_or(0)
    }

    fn render(write: impl Fn(&Style, &mut dyn Write) -> io::Result<()>, style: &Style) -> String {
        let mut out = Vec::new();
        write(style, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn analyze_fits_80_columns_and_wraps_between_words() {
        let report = testdata::backend_report();
        let write = |s: &Style, o: &mut dyn Write| write_analyze(&report, s, o);
        assert_eq!(widest(&render(write, &Style::PLAIN)), 140); // the related-roles table, unwrapped
        let text = render(write, &TERMINAL_80);
        assert_eq!(widest(&text), 80, "{text}");
        assert!(
            text.contains(
                "Skills found (8): Python, Database Design, PostgreSQL, REST APIs, SQL, Docker,\n  Git, Unit Testing\n"
            ),
            "{text}"
        );
        assert!(text.contains("┆ ██████████ 100% ┆"), "{text}");
        assert!(text.contains("│ [full-stack-engineer]  "), "{text}");
        assert!(
            text.contains("\nMissing (3): Redis, Kubernetes, AWS\n"),
            "{text}"
        );
        // With colour, the wrapped list is painted line by line.
        let colour = Style {
            color: true,
            ..TERMINAL_80
        };
        let text = render(write, &colour);
        assert!(
            text.contains("Missing (3): \u{1b}[1;31mRedis, Kubernetes, AWS\u{1b}[0m\n"),
            "{text}"
        );
    }

    #[test]
    fn narrow_tables_drop_the_least_needed_columns_and_bars() {
        let report = testdata::backend_report();
        let write = |s: &Style, o: &mut dyn Write| write_analyze(&report, s, o);
        let narrow = Style {
            width: Some(50),
            ..TERMINAL_80
        };
        let text = render(write, &narrow);
        assert!(widest(&text) <= 50, "{text}");
        // Months and Present are hidden, and bars become percentages in tables (the
        // Coverage line keeps its bar).
        assert!(
            !text.contains("Months") && !text.contains("Present"),
            "{text}"
        );
        assert!(!text.contains("┆ █") && !text.contains("┆ ░"), "{text}");
        assert!(text.contains("┆     100% ┆"), "{text}");
        assert!(text.contains("Kubernetes"), "{text}");
    }

    #[test]
    fn roles_fit_80_columns() {
        let library = testdata::library();
        let rows: Vec<RoleRow> = library.roles.iter().map(RoleRow::new).collect();
        let list = |s: &Style, o: &mut dyn Write| write_role_list(&rows, s, o);
        assert_eq!(widest(&render(list, &Style::PLAIN)), 100);
        let text = render(list, &TERMINAL_80);
        assert_eq!(widest(&text), 80, "{text}");
        assert!(
            text.contains("┆ Hours/ ┆") && text.contains("┆ week   ┆"),
            "{text}"
        );

        let role = library.role("data-scientist").unwrap();
        let view = RoleView::new(role, &library, crate::gap::DEFAULT_RELATED_THRESHOLD);
        let show = |s: &Style, o: &mut dyn Write| write_role(&view, 0.3, s, o);
        // The widest plain line is the salary's, with its source and address.
        assert_eq!(widest(&render(show, &Style::PLAIN)), 259);
        let text = render(show, &TERMINAL_80);
        assert_eq!(widest(&text), 80, "{text}");
        assert!(text.contains("│ 1 ┆ Python +   ┆"), "{text}");
    }
}
