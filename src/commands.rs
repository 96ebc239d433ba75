//! One function per subcommand: read inputs, run the pipeline (document -> text -> skills
//! -> gap), and hand the result to a report format. Returns the exit status.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};

use crate::cli::{AnalyzeArgs, ExtractArgs, Format, TextArgs};
use crate::extract::{self, Document};
use crate::gap::{self, GapOptions};
use crate::matcher::{Extraction, Matcher};
use crate::report::{self, AnalyzeReport, ExtractReport, RoleChoice, terminal_safe};
use crate::roles::{DataSet, Library};

/// Exit status: success.
pub const EXIT_OK: u8 = 0;
/// Exit status: findings (a failed check or gate).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: the tool could not do its job.
pub const EXIT_ERROR: u8 = 2;

/// Loads the embedded data set, or the one in `roles_dir`.
pub fn load_library(roles_dir: Option<&Path>) -> anyhow::Result<Library> {
    let data = match roles_dir {
        Some(dir) => DataSet::from_dir(dir)?,
        None => DataSet::embedded(),
    };
    Library::load(&data)
}

fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads and extracts a document; the error names the file and the cause on one line.
pub fn read_document(path: &Path) -> anyhow::Result<Document> {
    extract::extract_path(path)
        .with_context(|| format!("cannot read `{}`", terminal_safe(&display(path))))
}

fn extract_skills(library: &Library, path: &Path) -> anyhow::Result<Extraction> {
    let doc = read_document(path)?;
    Ok(Matcher::new(&library.taxonomy).extract(&doc))
}

/// `skillgap analyze`.
pub fn analyze(
    args: &AnalyzeArgs,
    roles_dir: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let library = load_library(roles_dir)?;
    if let Some(id) = &args.role {
        find_role(&library, id)?;
    }
    let extraction = extract_skills(&library, &args.resume)?;
    let has = |id: &str| extraction.has(id);
    let (role, choice) = match &args.role {
        Some(id) => (find_role(&library, id)?, RoleChoice::Given),
        None => match gap::rank_roles(&library, &has).first() {
            Some((role, _)) => (*role, RoleChoice::BestFit),
            None => bail!("no roles to compare with"),
        },
    };
    let opts = GapOptions {
        hours_per_week: args.hours_per_week,
        related_threshold: args.related_threshold,
    };
    let gap = gap::analyze(role, &library, &has, &opts);
    let report = AnalyzeReport::new(args.resume.display().to_string(), extraction, gap, choice);
    match args.format {
        Format::Json => report::json::write(&report, out)?,
        Format::Table => report::table::write_analyze(&report, out)?,
    }
    Ok(EXIT_OK)
}

/// `skillgap extract`.
pub fn extract(
    args: &ExtractArgs,
    roles_dir: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let library = load_library(roles_dir)?;
    let extraction = extract_skills(&library, &args.resume)?;
    let report = ExtractReport {
        schema_version: report::SCHEMA_VERSION,
        input: args.resume.display().to_string(),
        skills: extraction.skills,
        learning: extraction.learning,
    };
    match args.format {
        Format::Json => report::json::write(&report, out)?,
        Format::Table => report::table::write_extract(&report, out)?,
    }
    Ok(EXIT_OK)
}

/// `skillgap text`: the normalised lines, as the matcher sees them.
pub fn text(args: &TextArgs, out: &mut dyn Write) -> anyhow::Result<u8> {
    let doc = read_document(&args.document)?;
    for (i, line) in doc.lines.iter().enumerate() {
        if args.line_numbers {
            match line.page {
                Some(p) => write!(out, "{:>4} p{p}: ", i + 1)?,
                None => write!(out, "{:>4}: ", i + 1)?,
            }
        }
        writeln!(out, "{}", line.text)?;
    }
    Ok(EXIT_OK)
}

/// The role with `id`, or an error with a suggestion and the list command.
pub fn find_role<'a>(library: &'a Library, id: &str) -> anyhow::Result<&'a crate::roles::Role> {
    if let Some(role) = library.role(id) {
        return Ok(role);
    }
    let hint = match library.suggest_role(id) {
        Some(s) => format!("; did you mean `{s}`?"),
        None => String::new(),
    };
    bail!(
        "unknown role `{}`{hint} (run `skillgap roles list` to see all roles)",
        terminal_safe(id)
    )
}
