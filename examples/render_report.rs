//! Builds an analyze report through the library and writes it as HTML or Markdown to stdout,
//! for looking at the rendered formats (`scripts/render-html.sh` uses it).
//!
//! ```sh
//! cargo run --example render_report -- html [RESUME] [ROLE] [HOURS_PER_WEEK] > report.html
//! cargo run --example render_report -- markdown fixtures/resumes/backend-developer.txt backend-engineer
//! ```

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use skillgap::extract;
use skillgap::gap::{self, GapOptions};
use skillgap::matcher::Matcher;
use skillgap::report::{AnalyzeReport, html, markdown};
use skillgap::roles::{DataSet, Library};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let format = args.first().map_or("html", String::as_str);
    let resume = args
        .get(1)
        .map_or("fixtures/resumes/backend-developer.txt", String::as_str);
    let role_id = args.get(2).map_or("backend-engineer", String::as_str);
    let hours_per_week = args
        .get(3)
        .map(|h| h.parse::<f64>())
        .transpose()
        .context("HOURS_PER_WEEK must be a number")?;

    let library = Library::load(&DataSet::embedded())?;
    let role = library
        .role(role_id)
        .with_context(|| format!("unknown role `{role_id}`"))?;
    let doc = extract::extract_path(Path::new(resume))
        .with_context(|| format!("cannot read `{resume}`"))?;
    let extraction = Matcher::new(&library.taxonomy).extract(&doc);
    let has = |id: &str| extraction.has(id);
    let opts = GapOptions {
        hours_per_week,
        ..GapOptions::default()
    };
    let gap = gap::analyze(role, &library, &has, &opts);
    let report = AnalyzeReport::new(resume.to_owned(), extraction, gap, None);

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        "html" => html::write_analyze(&report, &mut out)?,
        "markdown" | "md" => markdown::write_analyze(&report, &mut out)?,
        other => anyhow::bail!("unknown format `{other}` (html or markdown)"),
    }
    out.flush()?;
    Ok(())
}
