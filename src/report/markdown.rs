//! Markdown output: a gap report or a role's plan, ready to paste into an issue, a
//! pull-request comment or a notes app (GitHub-flavoured: tables and task lists).
//!
//! Every text that comes from a document or a data file goes through [`md_text`]: control
//! characters are stripped ([`terminal_safe`]), Markdown punctuation that could start
//! emphasis, code, links, HTML or a table cell (`\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~`
//! `&`) is backslash-escaped, and so is a leading `#`, `-`, `+`, `=` or list number, so
//! that a skill or phase name can never turn into a heading, a list or a new table column.

use std::collections::BTreeSet;
use std::io::{self, Write};

use super::roles::{RoleRow, RoleView};
use super::{AnalyzeReport, RoleChoice, percent, terminal_safe};
use crate::gap::{RelatedRole, SkillRef};

/// Escapes text from documents and data files for Markdown, inline or in a table cell.
pub fn md_text(text: &str) -> String {
    let clean = terminal_safe(text);
    let clean = clean.trim();
    let mut out = String::with_capacity(clean.len() + 8);
    for c in clean.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        // "1. " or "1) " at the start would begin an ordered list.
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// A skill as shown in Markdown: its name, and for a missing any-of slot every member id;
/// for a family slot, the family ("or another relational database", "for PostgreSQL").
fn skill_label(skill: &SkillRef, missing: bool) -> String {
    if skill.family.is_some() || skill.met_by_other().is_some() {
        return md_text(&super::slot_label(skill));
    }
    if missing && !skill.any_of.is_empty() {
        format!(
            "{} (any of: {})",
            md_text(&skill.name),
            md_text(&skill.any_of.join(", "))
        )
    } else {
        md_text(&skill.name)
    }
}

fn names(skills: &[SkillRef]) -> String {
    if skills.is_empty() {
        return "-".to_owned();
    }
    skills
        .iter()
        .map(|s| md_text(&s.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Requirements of a posting as people read them ("Apache Airflow or Dagster"), escaped.
fn either_or_names(skills: &[SkillRef]) -> String {
    if skills.is_empty() {
        return "-".to_owned();
    }
    skills
        .iter()
        .map(|s| md_text(&s.either_or()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A number of months or hours without a needless ".0" (3, 2.5).
fn num(x: f64) -> String {
    format!("{x}")
}

/// Writes an analyze report as Markdown.
pub fn write_analyze(report: &AnalyzeReport, out: &mut dyn Write) -> io::Result<()> {
    let role = &report.role;
    writeln!(
        out,
        "## {} (`{}`): {} coverage",
        md_text(&role.title),
        role.id
            .replace(|c: char| !(c.is_ascii_alphanumeric() || c == '-'), ""),
        percent(report.coverage)
    )?;
    writeln!(out)?;
    let t = &report.time_to_ready;
    let start = match &report.recommended_phase {
        Some(p) => format!("Start at phase {} \"{}\"", p.index, md_text(&p.name)),
        None => "Ready: every skill of the role is present".to_owned(),
    };
    writeln!(
        out,
        "**{start}.** Time to ready: **{:.1} months** ({:.1} weeks, {} study hours) at {} h/week.",
        t.months,
        t.weeks,
        num(t.hours),
        num(t.hours_per_week)
    )?;
    writeln!(out)?;
    let choice = match report.role_choice {
        RoleChoice::Given => "",
        RoleChoice::BestFit => " Role chosen as the best fit (no `--role` given).",
    };
    let choice = match report.best_fit_line() {
        Some(line) => format!("{choice} {}", md_text(&line)),
        None => choice.to_owned(),
    };
    writeln!(
        out,
        "Resume: {}. The plan takes {} months at {} h/week.{choice}",
        md_text(super::input_name(&report.input)),
        num(role.months),
        num(role.hours_per_week)
    )?;
    writeln!(out)?;
    let found: Vec<String> = report
        .skills_found
        .iter()
        .map(|s| {
            if s.implied_by.is_empty() {
                md_text(&s.name)
            } else {
                format!(
                    "{} (implied by {})",
                    md_text(&s.name),
                    md_text(&super::implied_by_names(s, &report.skills_found))
                )
            }
        })
        .collect();
    writeln!(out, "{}", super::found_line(&found))?;
    if !report.learning.is_empty() {
        let learning: Vec<String> = report.learning.iter().map(|s| md_text(&s.name)).collect();
        writeln!(out)?;
        writeln!(out, "{}", super::learning_line(&learning))?;
    }
    if !report.not_claimed.is_empty() {
        let names: Vec<String> = report
            .not_claimed
            .iter()
            .map(|s| md_text(&s.name))
            .collect();
        writeln!(out)?;
        writeln!(out, "{}", super::not_claimed_line(&names))?;
    }

    for p in &report.phases {
        writeln!(out)?;
        let here = match &report.recommended_phase {
            Some(r) if r.index == p.index => " (start here)",
            _ => "",
        };
        writeln!(out, "### Phase {}: {}{here}", p.index, md_text(&p.name))?;
        writeln!(out)?;
        writeln!(
            out,
            "{} months at the role's pace, {} covered.",
            num(p.months),
            percent(p.coverage)
        )?;
        writeln!(out)?;
        if p.present.is_empty() && p.missing.is_empty() {
            writeln!(out, "No skills listed.")?;
            continue;
        }
        writeln!(out, "| Skill | Status |")?;
        writeln!(out, "|---|---|")?;
        for s in &p.present {
            writeln!(out, "| {} | present |", skill_label(s, false))?;
        }
        for s in &p.missing {
            writeln!(out, "| {} | **missing** |", skill_label(s, true))?;
        }
    }

    let equivalents = report.equivalent_lines();
    if !equivalents.is_empty() {
        writeln!(out)?;
        writeln!(out, "### Met by an equivalent skill")?;
        writeln!(out)?;
        for line in &equivalents {
            writeln!(out, "- {}", md_text(line))?;
        }
    }

    if !report.projects.is_empty() {
        writeln!(out)?;
        writeln!(out, "### Projects that cover the missing skills")?;
        writeln!(out)?;
        writeln!(out, "| Phase | Project | Hours | Covers |")?;
        writeln!(out, "|---|---|---|---|")?;
        for p in &report.projects {
            let covers: Vec<String> = p.covers.iter().map(|c| md_text(&c.name)).collect();
            let what = if p.summary.is_empty() {
                md_text(&p.name)
            } else {
                format!("**{}**: {}", md_text(&p.name), md_text(&p.summary))
            };
            writeln!(
                out,
                "| {} {} | {what} | {} | {} |",
                p.phase.index,
                md_text(&p.phase.name),
                num(p.hours),
                covers.join(", ")
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "### Checklist")?;
    writeln!(out)?;
    let mut seen = BTreeSet::new();
    let mut any = false;
    for p in &report.phases {
        for (skills, done) in [(&p.present, true), (&p.missing, false)] {
            for s in skills.iter().filter(|s| seen.insert(s.id.clone())) {
                let mark = if done { 'x' } else { ' ' };
                writeln!(
                    out,
                    "- [{mark}] {} (phase {})",
                    skill_label(s, !done),
                    p.index
                )?;
                any = true;
            }
        }
    }
    if !any {
        writeln!(out, "The role lists no skills.")?;
    }

    writeln!(out)?;
    writeln!(out, "### Related roles")?;
    writeln!(out)?;
    write_related(&report.related_roles, true, out)
}

fn write_related(
    related: &[RelatedRole],
    with_coverage: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if related.is_empty() {
        return writeln!(out, "None share over the threshold.");
    }
    if with_coverage {
        writeln!(out, "| Role | Shared | Your coverage | Shared skills |")?;
        writeln!(out, "|---|--:|--:|---|")?;
    } else {
        writeln!(out, "| Role | Shared | Shared skills |")?;
        writeln!(out, "|---|--:|---|")?;
    }
    for r in related {
        let coverage = if with_coverage {
            format!(" {} |", percent(r.coverage))
        } else {
            String::new()
        };
        writeln!(
            out,
            "| {} ({}) | {} |{coverage} {} |",
            md_text(&r.title),
            md_text(&r.id),
            percent(r.shared),
            names(&r.shared_skills)
        )?;
    }
    Ok(())
}

/// Writes a ranking of postings as Markdown: a table by match score, then the postings left
/// out with their reason.
pub fn write_ranking(report: &super::JobRanking, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "## Postings ranked for {}",
        md_text(super::input_name(&report.input))
    )?;
    writeln!(out)?;
    if !report.postings.is_empty() {
        writeln!(
            out,
            "| # | Posting | Match | Required met | Missing required | Missing preferred |"
        )?;
        writeln!(out, "|--:|---|--:|--:|---|---|")?;
        for (i, r) in report.postings.iter().enumerate() {
            let c = &r.comparison;
            let met = r.required_met();
            writeln!(
                out,
                "| {} | {} | {} | {met}/{} | {} | {} |",
                i + 1,
                md_text(super::input_name(&r.job)),
                percent(c.match_score),
                met + c.missing_required.len(),
                either_or_names(&c.missing_required),
                either_or_names(&c.missing_preferred)
            )?;
        }
    }
    if !report.skipped.is_empty() {
        writeln!(out)?;
        writeln!(out, "Left out:")?;
        writeln!(out)?;
        for s in &report.skipped {
            writeln!(
                out,
                "- {}: {}",
                md_text(super::input_name(&s.job)),
                md_text(&s.error.message)
            )?;
        }
    }
    Ok(())
}

/// Writes `roles list` as a Markdown table.
pub fn write_role_list(rows: &[RoleRow], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "| Role | Title | Months | Hours/week | Phases |")?;
    writeln!(out, "|---|---|---:|---:|---:|")?;
    for r in rows {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            md_text(&r.id),
            md_text(&r.title),
            r.months,
            r.hours_per_week,
            r.phases
        )?;
    }
    Ok(())
}

/// Writes a role's plan (`roles show`) as Markdown: summary, phases with their skills and
/// milestones as a task list, salaries with sources, related roles.
pub fn write_role(role: &RoleView, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {} ({})", md_text(&role.title), md_text(&role.id))?;
    writeln!(out)?;
    writeln!(out, "{}", md_text(&role.summary))?;
    writeln!(out)?;
    writeln!(
        out,
        "Plan: {} months at {} h/week, {} phases.",
        num(role.months),
        num(role.hours_per_week),
        role.phases.len()
    )?;
    if let Some(o) = &role.occupation {
        writeln!(out)?;
        writeln!(
            out,
            "Occupation: O*NET-SOC {} {}.",
            md_text(&o.code),
            md_text(&o.title)
        )?;
    }
    if !role.salary.is_empty() {
        writeln!(out)?;
        writeln!(out, "| Region | Salary per year | Source |")?;
        writeln!(out, "|---|--:|---|")?;
        for s in &role.salary {
            let source = match &s.url {
                Some(url) => format!("{} ({})", md_text(&s.source), md_text(url)),
                None => md_text(&s.source),
            };
            writeln!(
                out,
                "| {} | {} | {source} |",
                md_text(&s.region),
                md_text(&super::money(s)),
            )?;
        }
    }
    for p in &role.phases {
        writeln!(out)?;
        writeln!(
            out,
            "### Phase {}: {} ({} months)",
            p.index,
            md_text(&p.name),
            num(p.months)
        )?;
        writeln!(out)?;
        if p.skills.is_empty() {
            writeln!(out, "No skills listed.")?;
        } else {
            writeln!(out, "| Skill |")?;
            writeln!(out, "|---|")?;
            for s in &p.skills {
                writeln!(out, "| {} |", md_text(s))?;
            }
        }
        if !p.milestones.is_empty() {
            writeln!(out)?;
            writeln!(out, "Milestones:")?;
            writeln!(out)?;
            for m in &p.milestones {
                writeln!(out, "- [ ] {}", md_text(m))?;
            }
        }
        if !p.projects.is_empty() {
            writeln!(out)?;
            writeln!(out, "Projects:")?;
            writeln!(out)?;
            for pr in &p.projects {
                let summary = if pr.summary.is_empty() {
                    String::new()
                } else {
                    format!(": {}", md_text(&pr.summary))
                };
                writeln!(
                    out,
                    "- **{}** ({} h){summary}",
                    md_text(&pr.name),
                    num(pr.hours)
                )?;
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "### Related roles")?;
    writeln!(out)?;
    write_related(&role.related_roles, false, out)?;
    writeln!(out)?;
    writeln!(
        out,
        "Shares leave out skills listed by more than half of all roles: {}.",
        if role.ubiquitous_skills.is_empty() {
            "none".to_owned()
        } else {
            md_text(&role.ubiquitous_skills.join(", "))
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testdata;

    fn render(f: impl Fn(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut buf = Vec::new();
        f(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn escapes_markdown_in_text() {
        let cases = [
            ("Redis", "Redis"),
            ("C#", "C#"),
            ("# Heading", "\\# Heading"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("1. first", "1\\. first"),
            ("a | b", "a \\| b"),
            ("`code`", "\\`code\\`"),
            ("*bold* _it_", "\\*bold\\* \\_it\\_"),
            ("[link](x)", "\\[link\\](x)"),
            ("<script>", "\\<script\\>"),
            ("R&D", "R\\&D"),
            ("bell\u{7}\u{1b}[31m red", "bell\\[31m red"),
            ("  padded  ", "padded"),
            ("Node.js", "Node.js"),
        ];
        for (input, want) in cases {
            assert_eq!(md_text(input), want, "input {input:?}");
        }
    }

    #[test]
    fn analyze_golden() {
        let report = testdata::backend_report();
        let text = render(|buf| write_analyze(&report, buf));
        testdata::assert_golden("backend-engineer.md", &text);
    }

    #[test]
    fn analyze_checklist_lines() {
        let report = testdata::backend_report();
        let text = render(|buf| write_analyze(&report, buf));
        assert!(
            text.contains("\n- [ ] Redis (or another in-memory data store / cache) (phase 3)\n"),
            "{text}"
        );
        assert!(text.contains("\n- [x] Python (phase 1)\n"), "{text}");
    }

    #[test]
    fn role_golden() {
        let library = testdata::library();
        let role = library.role("backend-engineer").unwrap();
        let view = RoleView::new(role, &library, crate::gap::DEFAULT_RELATED_THRESHOLD);
        let text = render(|buf| write_role(&view, buf));
        testdata::assert_golden("backend-engineer.role.md", &text);
    }

    #[test]
    fn hostile_names_stay_in_their_cell() {
        let mut report = testdata::backend_report();
        report.phases[0].name = "# Big\n| x |".into();
        report.phases[2].missing[0].name = "Re|dis`".into();
        let text = render(|buf| write_analyze(&report, buf));
        assert!(text.contains("### Phase 1: \\# Big\\| x \\|\n"), "{text}");
        assert!(
            text.contains(
                "| Re\\|dis\\` (or another in-memory data store / cache) | **missing** |"
            ),
            "{text}"
        );
    }
}
