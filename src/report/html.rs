//! HTML output: one self-contained page (inline CSS and SVG; no scripts, fonts, images or
//! other external assets) showing a gap report: coverage, time to ready at the person's
//! pace, the phases as a timeline drawn to scale in months, the present and missing skills
//! of each phase, and the related roles as bars of shared skills.
//!
//! Every text from a document or a data file is stripped of control characters
//! ([`terminal_safe`]) and HTML-escaped ([`html_text`]). The output depends only on the
//! report: no dates, no random ids, numbers formatted with fixed precision.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{AnalyzeReport, RoleChoice, percent, terminal_safe};
use crate::gap::{PhaseGap, SkillRef};

/// Makes text from a document or data file safe for the terminal ([`terminal_safe`]) and
/// escapes it for HTML element content and quoted attribute values.
pub fn html_text(text: &str) -> String {
    html_escape(&terminal_safe(text))
}

/// Escapes text already made safe for the terminal for HTML element content and quoted
/// attribute values.
fn html_escape(clean: &str) -> String {
    let mut out = String::with_capacity(clean.len() + 8);
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The colour of a coverage fraction: red (0) through amber to green (1).
pub(crate) fn coverage_colour(coverage: f64) -> String {
    let hue = (coverage.clamp(0.0, 1.0) * 120.0).round() as i64;
    format!("hsl({hue}, 60%, 40%)")
}

/// A number without a needless ".0" (3, 2.5).
fn num(x: f64) -> String {
    format!("{x}")
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d2330; overflow-wrap: anywhere;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 32px 40px; }
header h1 { margin: 0; font-size: 30px; line-height: 1.2; }
header .sub { color: #5b6475; margin-top: 4px; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 170px), 1fr)); gap: 12px; margin: 20px 0 8px; }
.stat { min-width: 0; background: #fff; border-radius: 10px; padding: 14px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.stat .label { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: #5b6475; }
.stat .value { font-size: 26px; font-weight: 700; line-height: 1.25; }
.stat .note { font-size: 13px; color: #5b6475; }
section { background: #fff; border-radius: 10px; padding: 18px 20px; margin-top: 16px;
  box-shadow: 0 1px 2px rgba(0,0,0,.08); }
section h2 { margin: 0 0 12px; font-size: 18px; }
.timeline { width: 100%; height: auto; display: block; }
.timeline text { font-family: inherit; }
.rows { display: none; }
.rows ol { list-style: none; margin: 0; padding: 0; }
.rows li { margin: 0 0 12px; }
.rows .label { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: baseline; font-size: 15px; }
.rows .name { font-weight: 700; min-width: 0; }
.rows .detail { color: #5b6475; font-size: 14px; }
.rows .track { background: #eef0f4; border-radius: 6px; height: 16px; margin-top: 4px; }
.rows .seg { height: 100%; min-width: 4px; border-radius: 6px; }
.rows li.start .seg { box-shadow: 0 0 0 2px #1d2330; }
.rows .scale { display: flex; justify-content: space-between; gap: 8px; font-size: 13px; color: #5b6475; }
.legend { font-size: 13px; color: #5b6475; margin-top: 6px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; }
.phases { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr)); gap: 12px; }
.phase { min-width: 0; border: 1px solid #e1e4ea; border-left: 6px solid #999; border-radius: 8px; padding: 10px 14px; }
.phase.start { box-shadow: 0 0 0 2px #1d2330; }
.phase h3 { margin: 0; font-size: 16px; }
.phase .meta { font-size: 13px; color: #5b6475; margin-bottom: 6px; }
.badge { display: inline-block; background: #1d2330; color: #fff; font-size: 11px; font-weight: 600;
  border-radius: 999px; padding: 1px 8px; margin-right: 4px; vertical-align: 1px; }
.phase ul { list-style: none; margin: 0; padding: 0; }
.phase li { padding: 1px 0; }
.phase li.present::before { content: "\2713"; color: hsl(120, 60%, 35%); font-weight: 700; margin-right: 8px; }
.phase li.missing::before { content: "\2717"; color: hsl(0, 60%, 45%); font-weight: 700; margin-right: 8px; }
.phase li.missing { font-weight: 600; }
.phase .any { font-weight: 400; color: #5b6475; font-size: 13px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { background: #e8f3ea; color: #1f4d2b; border-radius: 999px; padding: 2px 10px; font-size: 13px; }
.chip.implied { background: #eef0f4; color: #475063; }
.chip.learning { background: #fff4dc; color: #6b4e00; }
.chip.not-claimed { background: #eeeeee; color: #444444; text-decoration: line-through; }
.related { display: grid; grid-template-columns: 220px 1fr; gap: 8px 14px; align-items: center; }
.related .name { font-weight: 600; }
.related .name small { display: block; font-weight: 400; color: #5b6475; }
.bar { background: #eef0f4; border-radius: 6px; height: 24px; position: relative; }
.bar .fill { background: #3b6fd8; height: 100%; border-radius: 6px; }
.bar .pct { position: absolute; left: 8px; top: 2px; font-size: 13px; font-weight: 600; color: #fff; white-space: nowrap;
  text-shadow: 0 0 2px rgba(0,0,0,.5); }
.related .shared { grid-column: 2; font-size: 13px; color: #5b6475; margin: -4px 0 6px; }
.empty { color: #5b6475; }
footer { margin-top: 18px; font-size: 12px; color: #8a91a0; }
/* Below 880 px the timeline drawing's text would shrink under 11 px: show it as rows. */
@media (max-width: 880px) {
  .timeline { display: none; }
  .rows { display: block; }
}
/* Phones: less padding, and the related roles stacked. */
@media (max-width: 600px) {
  main { padding: 18px 12px 28px; }
  header h1 { font-size: 24px; }
  section { padding: 14px 14px; }
  .stats { gap: 10px; }
  .stat { padding: 12px 12px; }
  .stat .value { font-size: 22px; }
  .related { grid-template-columns: minmax(0, 1fr); gap: 4px; }
  .related .shared { grid-column: 1; margin: 0 0 12px; }
  footer { font-size: 13px; }
}
"#;

/// Writes an analyze report as one self-contained HTML page.
pub fn write_analyze(report: &AnalyzeReport, out: &mut dyn Write) -> io::Result<()> {
    let mut h = String::with_capacity(16 * 1024);
    page(report, &mut h).expect("writing to a String cannot fail");
    out.write_all(h.as_bytes())
}

fn page(r: &AnalyzeReport, h: &mut String) -> std::fmt::Result {
    let title = html_text(&r.role.title);
    writeln!(h, "<!DOCTYPE html>")?;
    writeln!(h, "<html lang=\"en\">")?;
    writeln!(h, "<head>")?;
    writeln!(h, "<meta charset=\"utf-8\">")?;
    writeln!(
        h,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        h,
        "<title>{title}: {} coverage - skillgap</title>",
        percent(r.coverage)
    )?;
    writeln!(h, "<style>{STYLE}</style>")?;
    writeln!(h, "</head>")?;
    writeln!(h, "<body>")?;
    writeln!(h, "<main>")?;
    header(r, h)?;
    timeline(r, h)?;
    phases(r, h)?;
    skills(r, h)?;
    projects(r, h)?;
    related(r, h)?;
    writeln!(
        h,
        "<footer>Generated by skillgap from {}. Plan estimates are the role data's, at the role's pace of {} h/week.</footer>",
        html_text(super::input_name(&r.input)),
        num(r.role.hours_per_week)
    )?;
    writeln!(h, "</main>")?;
    writeln!(h, "</body>")?;
    writeln!(h, "</html>")
}

fn header(r: &AnalyzeReport, h: &mut String) -> std::fmt::Result {
    let t = &r.time_to_ready;
    let choice = match r.role_choice {
        RoleChoice::Given => "",
        RoleChoice::BestFit => " (best fit: no role was given)",
    };
    writeln!(h, "<header>")?;
    writeln!(h, "<h1>{}</h1>", html_text(&r.role.title))?;
    writeln!(
        h,
        "<div class=\"sub\">{}{choice} &middot; gap report for {}</div>",
        html_text(&r.role.id),
        html_text(super::input_name(&r.input))
    )?;
    if let Some(line) = r.best_fit_line() {
        writeln!(h, "<p class=\"why\">{}</p>", html_text(&line))?;
    }
    writeln!(h, "</header>")?;
    writeln!(h, "<div class=\"stats\">")?;
    stat(
        h,
        "Coverage",
        &percent(r.coverage),
        &format!("of the role's {} skills", count_slots(&r.phases)),
    )?;
    stat(
        h,
        "Time to ready",
        &format!("{:.1} months", t.months),
        &format!(
            "at {} h/week &middot; {:.1} weeks, {} hours",
            num(t.hours_per_week),
            t.weeks,
            num(t.hours)
        ),
    )?;
    match &r.recommended_phase {
        Some(p) => stat(
            h,
            "Start at",
            &format!("Phase {}", p.index),
            &html_text(&p.name),
        )?,
        None => stat(h, "Start at", "Ready", "every skill is present")?,
    }
    let missing: Vec<String> = r
        .missing_skills
        .iter()
        .take(4)
        .map(|m| html_text(&m.name))
        .collect();
    let more = r.missing_skills.len().saturating_sub(missing.len());
    let note = match (missing.is_empty(), more) {
        (true, _) => "nothing to learn".to_owned(),
        (false, 0) => missing.join(", "),
        (false, n) => format!("{} and {n} more", missing.join(", ")),
    };
    stat(
        h,
        "Missing skills",
        &format!("{}", r.missing_skills.len()),
        &note,
    )?;
    writeln!(h, "</div>")
}

fn count_slots(phases: &[PhaseGap]) -> usize {
    let mut ids: Vec<&str> = phases
        .iter()
        .flat_map(|p| p.present.iter().chain(&p.missing))
        .map(|s| s.any_of.first().unwrap_or(&s.id).as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

fn stat(h: &mut String, label: &str, value: &str, note: &str) -> std::fmt::Result {
    writeln!(
        h,
        "<div class=\"stat\"><div class=\"label\">{label}</div><div class=\"value\">{value}</div><div class=\"note\">{note}</div></div>"
    )
}

/// Width of the SVG drawing and of its margins, in user units.
const SVG_WIDTH: f64 = 1000.0;
const MARGIN: f64 = 20.0;
/// Generous width of one character of the bold 14-unit label font, for deciding what fits
/// in a segment (measured on DejaVu Sans Bold, the widest common fallback).
const CHAR_WIDTH: f64 = 8.6;

fn timeline(r: &AnalyzeReport, h: &mut String) -> std::fmt::Result {
    writeln!(h, "<section>")?;
    writeln!(h, "<h2>Plan, to scale in months</h2>")?;
    let total: f64 = r.phases.iter().map(|p| p.months).sum();
    if r.phases.is_empty() || total <= 0.0 {
        writeln!(h, "<p class=\"empty\">The role has no phases.</p>")?;
        return writeln!(h, "</section>");
    }
    let track = SVG_WIDTH - 2.0 * MARGIN;
    let scale = track / total;
    let (top, height) = (34.0, 64.0);
    let axis = top + height + 10.0;
    let svg_height = axis + 46.0;
    writeln!(
        h,
        "<svg class=\"timeline\" viewBox=\"0 0 {SVG_WIDTH} {svg_height}\" role=\"img\" aria-label=\"Phases of the plan, to scale in months\" xmlns=\"http://www.w3.org/2000/svg\">"
    )?;
    let mut x = MARGIN;
    for p in &r.phases {
        let w = p.months * scale;
        let start = matches!(&r.recommended_phase, Some(s) if s.index == p.index);
        let colour = coverage_colour(p.coverage);
        let name = html_text(&p.name);
        writeln!(h, "<g>")?;
        writeln!(
            h,
            "<title>Phase {}: {name}, {} months, {} covered</title>",
            p.index,
            num(p.months),
            percent(p.coverage)
        )?;
        let stroke = if start {
            " stroke=\"#1d2330\" stroke-width=\"3\""
        } else {
            ""
        };
        writeln!(
            h,
            "<rect x=\"{:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{height:.1}\" rx=\"6\" fill=\"{colour}\"{stroke}/>",
            x + 1.5,
            (w - 3.0).max(1.0)
        )?;
        let cx = x + w / 2.0;
        let heading = format!("{}. {}", p.index, terminal_safe(&p.name));
        let detail = format!("{} mo \u{b7} {}", num(p.months), percent(p.coverage));
        let room = ((w - 16.0) / CHAR_WIDTH).floor().max(0.0) as usize;
        let fits = |s: &str| s.chars().count() <= room;
        let (line1, line2) = if fits(&heading) {
            (html_escape(&heading), detail.clone())
        } else if room >= 8 {
            // Cut the name to the room there is; the full name is in the <title> and below.
            let cut: String = heading.chars().take(room - 1).collect();
            (
                html_escape(&format!("{}\u{2026}", cut.trim_end())),
                detail.clone(),
            )
        } else if fits(&detail) {
            (format!("{}", p.index), detail.clone())
        } else {
            (format!("{}", p.index), percent(p.coverage))
        };
        if fits(&line1) || w >= 24.0 {
            writeln!(
                h,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"700\" fill=\"#fff\">{line1}</text>",
                top + 27.0
            )?;
            writeln!(
                h,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#fff\">{line2}</text>",
                top + 47.0
            )?;
        }
        if start {
            writeln!(
                h,
                "<path d=\"M{:.1} {:.1} l-7 -10 h14 z\" fill=\"#1d2330\"/>",
                cx,
                top - 4.0
            )?;
            writeln!(
                h,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"700\" fill=\"#1d2330\">start here</text>",
                top - 18.0
            )?;
        }
        writeln!(h, "</g>")?;
        x += w;
    }
    // Month axis: a tick every month for short plans, every 3 or 6 months for long ones.
    let step = if total <= 12.0 {
        1.0
    } else if total <= 36.0 {
        3.0
    } else {
        6.0
    };
    writeln!(
        h,
        "<line x1=\"{MARGIN:.1}\" y1=\"{axis:.1}\" x2=\"{:.1}\" y2=\"{axis:.1}\" stroke=\"#8a91a0\"/>",
        MARGIN + track
    )?;
    let mut m = 0.0;
    while m <= total + 1e-9 {
        let tx = MARGIN + m * scale;
        writeln!(
            h,
            "<line x1=\"{tx:.1}\" y1=\"{axis:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#8a91a0\"/>",
            axis + 5.0
        )?;
        let anchor = if m == 0.0 { "start" } else { "middle" };
        writeln!(
            h,
            "<text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"#5b6475\">{}</text>",
            axis + 19.0,
            num(m)
        )?;
        m += step;
    }
    // The end of the plan, when it falls between ticks and far enough from the last one.
    let last = (total / step).floor() * step;
    if total - last >= step * 0.3 {
        let tx = MARGIN + track;
        writeln!(
            h,
            "<line x1=\"{tx:.1}\" y1=\"{axis:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#8a91a0\"/>",
            axis + 5.0
        )?;
        writeln!(
            h,
            "<text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\" fill=\"#5b6475\">{}</text>",
            axis + 19.0,
            num(total)
        )?;
    }
    writeln!(
        h,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6475\">months at the role's pace ({} h/week)</text>",
        MARGIN + track / 2.0,
        axis + 38.0,
        num(r.role.hours_per_week)
    )?;
    writeln!(h, "</svg>")?;
    rows(r, total, h)?;
    writeln!(
        h,
        "<div class=\"legend\">Width: months at the role's pace. Colour: your coverage of the phase<span class=\"swatch\" style=\"background:{}\"></span>0%<span class=\"swatch\" style=\"background:{}\"></span>50%<span class=\"swatch\" style=\"background:{}\"></span>100%</div>",
        coverage_colour(0.0),
        coverage_colour(0.5),
        coverage_colour(1.0)
    )?;
    writeln!(h, "</section>")
}

/// The timeline for narrow screens (shown instead of the drawing by the CSS): one row per
/// phase with its name and numbers as text that wraps, over a bar placed to scale in
/// percent of `total` months.
fn rows(r: &AnalyzeReport, total: f64, h: &mut String) -> std::fmt::Result {
    writeln!(h, "<div class=\"rows\">")?;
    writeln!(h, "<ol>")?;
    let mut before = 0.0;
    for p in &r.phases {
        let start = matches!(&r.recommended_phase, Some(s) if s.index == p.index);
        writeln!(
            h,
            "<li{}><div class=\"label\"><span class=\"name\">{}. {}</span> <span class=\"detail\">{} mo &middot; {}</span>{}</div>",
            if start { " class=\"start\"" } else { "" },
            p.index,
            html_text(&p.name),
            num(p.months),
            percent(p.coverage),
            if start {
                " <span class=\"badge\">start here</span>"
            } else {
                ""
            }
        )?;
        writeln!(
            h,
            "<div class=\"track\"><div class=\"seg\" style=\"margin-left:{:.1}%;width:{:.1}%;background:{}\"></div></div></li>",
            before / total * 100.0,
            p.months / total * 100.0,
            coverage_colour(p.coverage)
        )?;
        before += p.months;
    }
    writeln!(h, "</ol>")?;
    writeln!(
        h,
        "<div class=\"scale\"><span>0</span><span>{} months at {} h/week</span></div>",
        num(total),
        num(r.role.hours_per_week)
    )?;
    writeln!(h, "</div>")
}

fn skill_item(s: &SkillRef, missing: bool) -> String {
    let class = if missing { "missing" } else { "present" };
    if s.family.is_some() || s.met_by_other().is_some() {
        return format!(
            "<li class=\"{class}\">{}</li>",
            html_text(&super::slot_label(s))
        );
    }
    let any = if missing && !s.any_of.is_empty() {
        format!(
            " <span class=\"any\">(any of: {})</span>",
            html_text(&s.any_of.join(", "))
        )
    } else {
        String::new()
    };
    format!("<li class=\"{class}\">{}{any}</li>", html_text(&s.name))
}

fn phases(r: &AnalyzeReport, h: &mut String) -> std::fmt::Result {
    writeln!(h, "<section>")?;
    writeln!(h, "<h2>Phases</h2>")?;
    writeln!(h, "<div class=\"phases\">")?;
    for p in &r.phases {
        let start = matches!(&r.recommended_phase, Some(s) if s.index == p.index);
        writeln!(
            h,
            "<div class=\"phase{}\" style=\"border-left-color:{}\">",
            if start { " start" } else { "" },
            coverage_colour(p.coverage)
        )?;
        writeln!(h, "<h3>Phase {}: {}</h3>", p.index, html_text(&p.name))?;
        writeln!(
            h,
            "<div class=\"meta\">{}{} months &middot; {} covered &middot; {} present, {} missing</div>",
            if start {
                "<span class=\"badge\">start here</span> "
            } else {
                ""
            },
            num(p.months),
            percent(p.coverage),
            p.present.len(),
            p.missing.len()
        )?;
        writeln!(h, "<ul>")?;
        for s in &p.present {
            writeln!(h, "{}", skill_item(s, false))?;
        }
        for s in &p.missing {
            writeln!(h, "{}", skill_item(s, true))?;
        }
        writeln!(h, "</ul>")?;
        writeln!(h, "</div>")?;
    }
    writeln!(h, "</div>")?;
    writeln!(h, "</section>")
}

fn skills(r: &AnalyzeReport, h: &mut String) -> std::fmt::Result {
    writeln!(h, "<section>")?;
    writeln!(h, "<h2>Skills found ({})</h2>", r.skills_found.len())?;
    if r.skills_found.is_empty() {
        writeln!(h, "<p class=\"empty\">No skills found.</p>")?;
    } else {
        writeln!(h, "<div class=\"chips\">")?;
        for s in &r.skills_found {
            if s.implied_by.is_empty() {
                writeln!(h, "<span class=\"chip\">{}</span>", html_text(&s.name))?;
            } else {
                writeln!(
                    h,
                    "<span class=\"chip implied\" title=\"implied by {}\">{} (implied)</span>",
                    html_text(&super::implied_by_names(s, &r.skills_found)),
                    html_text(&s.name)
                )?;
            }
        }
        writeln!(h, "</div>")?;
    }
    if !r.learning.is_empty() {
        writeln!(
            h,
            "<h2 style=\"margin-top:14px\">Learning (not counted)</h2>"
        )?;
        writeln!(h, "<div class=\"chips\">")?;
        for s in &r.learning {
            writeln!(
                h,
                "<span class=\"chip learning\">{}</span>",
                html_text(&s.name)
            )?;
        }
        writeln!(h, "</div>")?;
    }
    if !r.not_claimed.is_empty() {
        writeln!(
            h,
            "<h2 style=\"margin-top:14px\">Mentioned, not claimed</h2>"
        )?;
        writeln!(h, "<div class=\"chips\">")?;
        for s in &r.not_claimed {
            let cue = s.evidence.first().and_then(|e| e.cue.as_deref());
            writeln!(
                h,
                "<span class=\"chip not-claimed\" title=\"{}\">{}</span>",
                html_text(cue.unwrap_or("")),
                html_text(&s.name)
            )?;
        }
        writeln!(h, "</div>")?;
    }
    writeln!(h, "</section>")
}

/// Equivalent skills that met a slot, and the projects that cover the missing skills.
fn projects(r: &AnalyzeReport, h: &mut String) -> std::fmt::Result {
    let equivalents = r.equivalent_lines();
    if !equivalents.is_empty() {
        writeln!(h, "<section>")?;
        writeln!(h, "<h2>Met by an equivalent skill</h2>")?;
        writeln!(h, "<ul class=\"equivalents\">")?;
        for line in &equivalents {
            writeln!(h, "<li>{}</li>", html_text(line))?;
        }
        writeln!(h, "</ul>")?;
        writeln!(h, "</section>")?;
    }
    if r.projects.is_empty() {
        return Ok(());
    }
    writeln!(h, "<section>")?;
    writeln!(h, "<h2>Projects that cover the missing skills</h2>")?;
    writeln!(h, "<ol class=\"projects\">")?;
    for p in &r.projects {
        let covers: Vec<String> = p.covers.iter().map(|c| html_text(&c.name)).collect();
        writeln!(
            h,
            "<li><strong>{}</strong> <span class=\"meta\">phase {} &middot; {} h</span>{}<div class=\"note\">covers {}</div></li>",
            html_text(&p.name),
            p.phase.index,
            num(p.hours),
            if p.summary.is_empty() {
                String::new()
            } else {
                format!("<div>{}</div>", html_text(&p.summary))
            },
            covers.join(", ")
        )?;
    }
    writeln!(h, "</ol>")?;
    writeln!(h, "</section>")
}

fn related(r: &AnalyzeReport, h: &mut String) -> std::fmt::Result {
    writeln!(h, "<section>")?;
    writeln!(h, "<h2>Related roles</h2>")?;
    if r.related_roles.is_empty() {
        writeln!(
            h,
            "<p class=\"empty\">No role shares over the threshold of this role's skills.</p>"
        )?;
        return writeln!(h, "</section>");
    }
    writeln!(h, "<div class=\"related\">")?;
    for rel in &r.related_roles {
        let pct = (rel.shared.clamp(0.0, 1.0) * 100.0).round();
        writeln!(
            h,
            "<div class=\"name\">{}<small>{} &middot; your coverage {}</small></div>",
            html_text(&rel.title),
            html_text(&rel.id),
            percent(rel.coverage)
        )?;
        writeln!(
            h,
            "<div class=\"bar\"><div class=\"fill\" style=\"width:{pct}%\"></div><span class=\"pct\">{} shared</span></div>",
            percent(rel.shared)
        )?;
        let names: Vec<String> = rel
            .shared_skills
            .iter()
            .map(|s| html_text(&s.name))
            .collect();
        writeln!(h, "<div class=\"shared\">{}</div>", names.join(", "))?;
    }
    writeln!(h, "</div>")?;
    writeln!(
        h,
        "<p class=\"legend\">Share: this role's skills that the other role also lists (skills nearly every role lists are left out).</p>"
    )?;
    writeln!(h, "</section>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testdata;

    fn render(report: &AnalyzeReport) -> String {
        let mut buf = Vec::new();
        write_analyze(report, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn escapes_html() {
        assert_eq!(
            html_text("<b>\"R&D\" 'x'</b>\u{7}"),
            "&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn coverage_colours() {
        assert_eq!(coverage_colour(0.0), "hsl(0, 60%, 40%)");
        assert_eq!(coverage_colour(0.67), "hsl(80, 60%, 40%)");
        assert_eq!(coverage_colour(1.0), "hsl(120, 60%, 40%)");
    }

    #[test]
    fn analyze_golden() {
        testdata::assert_golden(
            "backend-engineer.html",
            &render(&testdata::backend_report()),
        );
    }

    #[test]
    fn deterministic_and_self_contained() {
        let report = testdata::backend_report();
        let page = render(&report);
        assert_eq!(page, render(&report));
        for external in ["<script", "src=", "href=", "@import", "url("] {
            assert!(!page.contains(external), "page has {external}");
        }
    }

    #[test]
    fn timeline_is_to_scale() {
        // backend-engineer: 3 + 3 + 4 months over a 960-unit track -> 288, 288, 384.
        let page = render(&testdata::backend_report());
        for (x, w) in [("21.5", "285.0"), ("309.5", "285.0"), ("597.5", "381.0")] {
            assert!(
                page.contains(&format!("x=\"{x}\" y=\"34.0\" width=\"{w}\"")),
                "segment at {x} of width {w}"
            );
        }
        assert!(page.contains("start here</text>"));
    }

    #[test]
    fn narrow_segments_cut_their_labels() {
        let mut report = testdata::backend_report();
        report.phases[0].months = 9.0;
        report.phases[1].months = 2.0;
        report.phases[1].name = "Authentication and authorisation".into();
        report.phases[2].months = 0.5;
        let page = render(&report);
        // 2 of 11.5 months -> 164 units: room for 17 characters.
        assert!(page.contains(">2. Authenticatio\u{2026}</text>"), "{page}");
        // 0.5 months -> 38 units: the index and the coverage only.
        assert!(page.contains(">3</text>"));
        assert!(page.contains("<title>Phase 2: Authentication and authorisation, 2 months"));
    }

    #[test]
    fn fits_a_narrow_screen() {
        let page = render(&testdata::backend_report());
        assert!(
            page.contains(
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            )
        );
        // The cards wrap instead of keeping four columns, and long words break.
        assert!(!page.contains("repeat(4, 1fr)"));
        assert!(page.contains(".stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 170px), 1fr));"));
        assert!(page.contains("overflow-wrap: anywhere;"));
        assert!(page.contains("@media (max-width: 600px) {"));
        // Below 880 px the drawing gives way to rows of readable text, still to scale:
        // 3 + 3 + 4 months of 10.
        assert!(page.contains("@media (max-width: 880px) {\n  .timeline { display: none; }\n  .rows { display: block; }"));
        assert!(page.contains(".rows .label { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: baseline; font-size: 15px; }"));
        for (left, width) in [("0.0", "30.0"), ("30.0", "30.0"), ("60.0", "40.0")] {
            assert!(
                page.contains(&format!("style=\"margin-left:{left}%;width:{width}%;")),
                "row at {left}% of width {width}%"
            );
        }
        assert!(page.contains("<li class=\"start\"><div class=\"label\"><span class=\"name\">3. Production systems</span> <span class=\"detail\">4 mo &middot; 0%</span> <span class=\"badge\">start here</span></div>"), "{page}");
        assert!(page.contains(
            "<div class=\"scale\"><span>0</span><span>10 months at 12 h/week</span></div>"
        ));
    }

    #[test]
    fn ready_report_has_no_start_marker() {
        let mut report = testdata::backend_report();
        report.recommended_phase = None;
        report.missing_skills.clear();
        report.related_roles.clear();
        let page = render(&report);
        assert!(page.contains("<div class=\"value\">Ready</div>"));
        assert!(!page.contains("start here"));
        assert!(page.contains("No role shares over the threshold"));
    }

    #[test]
    fn hostile_text_is_escaped() {
        let mut report = testdata::backend_report();
        report.role.title = "<script>alert(1)</script>".into();
        report.phases[2].missing[0].name = "Re\"dis<img>".into();
        let page = render(&report);
        assert!(!page.contains("<script>"));
        assert!(!page.contains("<img>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("Re&quot;dis&lt;img&gt;"));
    }
}
