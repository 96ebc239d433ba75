//! One function per subcommand: read inputs, run the pipeline (document -> text -> skills
//! -> gap), and hand the result to a report format. Returns the exit status.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};

use std::io::IsTerminal;
use std::path::PathBuf;

use serde::Serialize;

use crate::batch::{self, FileError, Record};
use crate::cli::{AnalyzeArgs, ExtractArgs, ReportFormat, TextArgs};
use crate::extract::{self, Document};
use crate::gap::{self, GapOptions};
use crate::matcher::Matcher;
use crate::posting;
use crate::report::style::Style;
use crate::report::{
    self, AnalyzeReport, ExtractReport, JobReport, RoleChoice, RoleGap, terminal_safe,
};
use crate::roles::{DataSet, Library, Role};

/// Exit status: success.
pub const EXIT_OK: u8 = 0;
/// Exit status: findings (a failed check or gate).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: the tool could not do its job.
pub const EXIT_ERROR: u8 = 2;

/// Loads the embedded data set, or the one in `roles_dir`.
///
/// The library is loaded once per process and lives until it exits, so it is leaked on
/// purpose: freeing 1,400 skills piece by piece at exit costs about a millisecond (callgrind:
/// 7M instructions with the matcher) and gives nothing back.
pub fn load_library(roles_dir: Option<&Path>) -> anyhow::Result<&'static Library> {
    let data = match roles_dir {
        Some(dir) => {
            // Data from outside is checked first: a duplicated skill or an empty phase would
            // load and give wrong numbers. (The embedded set is checked in CI.)
            let checked = crate::check::read_and_check_dir(dir)?;
            let errors: Vec<_> = checked
                .diagnostics
                .iter()
                .filter(|d| d.severity == crate::check::Severity::Error)
                .collect();
            if let Some(first) = errors.first() {
                // A finding about a whole file has no line (`line` 0).
                let place = match first.line {
                    0 => String::new(),
                    line => format!(":{line}:{}", first.column),
                };
                bail!(
                    "the role data in `{}` has {} error(s), the first: {}{place}: {}; run `skillgap roles check {}`",
                    terminal_safe(&dir.display().to_string()),
                    errors.len(),
                    terminal_safe(&first.path.display().to_string()),
                    terminal_safe(&first.message),
                    terminal_safe(&dir.display().to_string())
                );
            }
            // Without errors every file was read (an unreadable file is an error).
            checked.data.ok_or_else(|| {
                anyhow::anyhow!(
                    "cannot read the role data in `{}`",
                    terminal_safe(&dir.display().to_string())
                )
            })?
        }
        None => DataSet::embedded(),
    };
    Ok(Box::leak(Box::new(Library::load(&data)?)))
}

/// The matcher for a library, leaked like the library (see [`load_library`]), with its lazy
/// tables built: in a one-resume run this happens while the document is read on the other
/// thread.
fn leaked_matcher(library: &'static Library) -> &'static Matcher<'static> {
    let matcher = Box::leak(Box::new(Matcher::new(&library.taxonomy)));
    crate::matcher::warm_up();
    matcher
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

/// The report format for `inputs`: the one asked for, else a table for one input, and for
/// several a table on a terminal and JSON Lines in a pipe.
fn choose_format(asked: Option<ReportFormat>, batch: bool) -> ReportFormat {
    asked.unwrap_or(if batch && !std::io::stdout().is_terminal() {
        ReportFormat::Jsonl
    } else {
        ReportFormat::Table
    })
}

/// True when the inputs are one file (or stdin) rather than a batch.
fn is_single(inputs: &[PathBuf]) -> bool {
    inputs.len() == 1 && !inputs[0].is_dir()
}

fn jobs(asked: Option<u16>) -> usize {
    asked.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    )
}

/// True when `--fail-under PERCENT` is set and `coverage` (0..1) is below it.
fn below_gate(fail_under: Option<f64>, coverage: f64) -> bool {
    fail_under.is_some_and(|p| coverage * 100.0 < p - 1e-9)
}

/// [`below_gate`] for one report, saying on stderr why the gate failed: reports round to
/// whole percents, so 66.7% shows as 67% and `--fail-under 67` would fail with no visible
/// reason. `what`: "coverage" or "match score".
fn fails_gate(fail_under: Option<f64>, fraction: f64, what: &str) -> bool {
    let below = below_gate(fail_under, fraction);
    if let Some(limit) = fail_under.filter(|_| below) {
        eprintln!(
            "note: {what} {:.1}% is under --fail-under {limit}%; exit status 1",
            fraction * 100.0
        );
    }
    below
}

/// Analyses one resume against the given role or the best fit.
fn analyze_one(
    library: &Library,
    matcher: &Matcher,
    role: Option<&Role>,
    opts: &GapOptions,
    path: &Path,
    doc: Document,
) -> anyhow::Result<AnalyzeReport> {
    let extraction = matcher.extract(&doc);
    let has = |id: &str| extraction.has(id);
    let (role, choice) = match role {
        Some(role) => (role, RoleChoice::Given),
        None => match gap::rank_roles(library, &has).first() {
            Some((role, _)) => (*role, RoleChoice::BestFit),
            None => bail!("no roles to compare with"),
        },
    };
    let gap = gap::analyze(role, library, &has, opts);
    Ok(AnalyzeReport::new(
        path.display().to_string(),
        extraction,
        gap,
        choice,
    ))
}

/// One file's result of a batch as a JSON record (no line break).
fn record_bytes<T: Serialize>(path: &Path, result: Result<T, FileError>) -> Vec<u8> {
    let path = path.display().to_string();
    let record = match result {
        Ok(report) => Record::Ok { path, report },
        Err(error) => Record::Err { path, error },
    };
    serde_json::to_vec(&record).expect("reports serialise to memory")
}

/// Writes a record from [`record_bytes`]: a line of JSON Lines, or an item of the JSON array
/// the caller opens and closes.
fn write_record(
    format: ReportFormat,
    first: &mut bool,
    bytes: &[u8],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if format == ReportFormat::Json {
        out.write_all(if *first { b"\n" } else { b",\n" })?;
        out.write_all(bytes)?;
    } else {
        out.write_all(bytes)?;
        out.write_all(b"\n")?;
    }
    *first = false;
    Ok(())
}

/// `skillgap analyze`: one resume (errors exit 2) or a batch (errors become records).
pub fn analyze(
    args: &AnalyzeArgs,
    roles_dir: Option<&Path>,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    with_prefetch(&args.inputs, |prefetched| {
        analyze_with(args, roles_dir, style, out, prefetched)
    })
}

/// The document of a one-resume run, being read on a second thread.
type Prefetched<'s> = std::thread::ScopedJoinHandle<'s, anyhow::Result<Document>>;

/// Runs `work` with the one input (when there is exactly one file or `-`) already being read
/// on a second thread, so that on two cores a one-resume run costs the longer of reading
/// the document and loading the roles and matcher, not their sum.
fn with_prefetch<R>(inputs: &[PathBuf], work: impl FnOnce(Option<Prefetched<'_>>) -> R) -> R {
    std::thread::scope(|scope| {
        let prefetched = is_single(inputs).then(|| {
            let path = inputs[0].as_path();
            scope.spawn(move || read_document(path))
        });
        work(prefetched)
    })
}

/// The prefetched document, or `path` read now.
fn document(prefetched: Option<Prefetched<'_>>, path: &Path) -> anyhow::Result<Document> {
    match prefetched {
        Some(handle) => handle
            .join()
            .map_err(|_| anyhow::anyhow!("reading the document failed unexpectedly"))?,
        None => read_document(path),
    }
}

fn analyze_with(
    args: &AnalyzeArgs,
    roles_dir: Option<&Path>,
    style: &Style,
    out: &mut dyn Write,
    prefetched: Option<Prefetched<'_>>,
) -> anyhow::Result<u8> {
    let library = load_library(roles_dir)?;
    let role = args
        .role
        .as_deref()
        .map(|id| find_role(library, id))
        .transpose()?;
    let matcher = leaked_matcher(library);
    let opts = GapOptions {
        hours_per_week: args.hours_per_week,
        related_threshold: args.related_threshold,
    };
    let single = is_single(&args.inputs);
    let format = choose_format(args.format, !single);
    if let Some(job) = &args.job {
        if !single {
            bail!("--job compares one resume with a posting; give one resume");
        }
        if args.inputs[0] == Path::new("-") && job == Path::new("-") {
            bail!("the resume and the posting cannot both be read from stdin (`-`)");
        }
        let resume = document(prefetched, &args.inputs[0])?;
        return analyze_job(
            library,
            matcher,
            &opts,
            &args.inputs[0],
            resume,
            job,
            format,
            args.fail_under,
            style,
            out,
        );
    }
    if !single && matches!(format, ReportFormat::Markdown | ReportFormat::Html) {
        bail!(
            "--format markdown and --format html take one resume; use jsonl or table for several"
        );
    }
    if single {
        let doc = document(prefetched, &args.inputs[0])?;
        let report = analyze_one(library, matcher, role, &opts, &args.inputs[0], doc)?;
        if report.skills_found.is_empty() && report.role_choice == RoleChoice::BestFit {
            eprintln!(
                "note: no skills found in `{}`, so no role fits better than another; name one with --role",
                terminal_safe(&display(&args.inputs[0]))
            );
        }
        let below = fails_gate(args.fail_under, report.coverage_exact, "coverage");
        match format {
            ReportFormat::Markdown => report::markdown::write_analyze(&report, out)?,
            ReportFormat::Html => report::html::write_analyze(&report, out)?,
            ReportFormat::Json => report::json::write(&report, out)?,
            ReportFormat::Jsonl => write_record(
                format,
                &mut true,
                &record_bytes(&args.inputs[0], Ok::<_, FileError>(report)),
                out,
            )?,
            ReportFormat::Table => report::table::write_analyze(&report, style, out)?,
        }
        return Ok(if below { EXIT_FINDINGS } else { EXIT_OK });
    }
    let inputs = batch::expand(&args.inputs)?;
    if inputs.paths.is_empty() {
        bail!("no resume files (.pdf, .docx, .md, .txt) found in the inputs");
    }
    let mut first = true;
    let mut any_below = false;
    let mut summary = BatchSummary::default();
    if format == ReportFormat::Json {
        out.write_all(b"[")?;
    }
    let work = |path: &Path| {
        read_document(path)
            .and_then(|doc| analyze_one(library, matcher, role, &opts, path, doc))
            .map_err(|e| FileError::from_anyhow(&e))
    };
    let below = |result: &Result<AnalyzeReport, FileError>| {
        result
            .as_ref()
            .is_ok_and(|r| below_gate(args.fail_under, r.coverage_exact))
    };
    let (ok, failed) = if format == ReportFormat::Table {
        batch::run(
            &inputs,
            jobs(args.jobs),
            work,
            |_, r| r,
            |path, result| {
                any_below |= below(&result);
                summary.add(path, result);
                Ok(())
            },
        )?
    } else {
        batch::run(
            &inputs,
            jobs(args.jobs),
            work,
            |path, result| (below(&result), record_bytes(path, result)),
            |_, (is_below, bytes)| {
                any_below |= is_below;
                write_record(format, &mut first, &bytes, out)
            },
        )?
    };
    match format {
        ReportFormat::Json => out.write_all(b"\n]\n")?,
        ReportFormat::Table => summary.write(style, out)?,
        _ => {}
    }
    let status = batch::exit_status(ok, failed);
    if any_below && let Some(limit) = args.fail_under {
        eprintln!("note: some resumes have coverage under --fail-under {limit}%; exit status 1");
    }
    Ok(if status == EXIT_OK && any_below {
        EXIT_FINDINGS
    } else {
        status
    })
}

/// `skillgap analyze RESUME --job POSTING`: the posting's skills are the target; the most
/// similar shipped role adds its recommended phase and time to ready.
#[allow(clippy::too_many_arguments)]
fn analyze_job(
    library: &Library,
    matcher: &Matcher,
    opts: &GapOptions,
    resume: &Path,
    resume_doc: Document,
    job: &Path,
    format: ReportFormat,
    fail_under: Option<f64>,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let extraction = matcher.extract(&resume_doc);
    let posting_doc = read_document(job)?;
    let posting = posting::read_posting(&posting_doc, &matcher.extract(&posting_doc))
        .with_context(|| format!("cannot use `{}` as a posting", terminal_safe(&display(job))))?;
    let has = |id: &str| extraction.has(id);
    let comparison = posting::compare(&posting, &has, library);
    let role_gap = comparison
        .similar_roles
        .first()
        .and_then(|r| library.role(&r.id))
        .map(|role| RoleGap::from_gap(gap::analyze(role, library, &has, opts)));
    let refs = |list: &[posting::Requirement]| -> Vec<gap::SkillRef> {
        list.iter()
            .map(|r| gap::SkillRef {
                id: r.id.clone(),
                name: r.name.clone(),
                any_of: r.any_of.clone(),
            })
            .collect()
    };
    let report = JobReport {
        schema_version: report::SCHEMA_VERSION,
        input: resume.display().to_string(),
        job: job.display().to_string(),
        skills_found: extraction.skills.clone(),
        required: refs(&posting.required),
        preferred: refs(&posting.preferred),
        comparison,
        role_gap,
    };
    match format {
        ReportFormat::Json => report::json::write(&report, out)?,
        ReportFormat::Jsonl => batch::write_line(&report, out)?,
        ReportFormat::Table => report::table::write_job(&report, style, out)?,
        ReportFormat::Markdown | ReportFormat::Html => {
            bail!("--job reports as table, json or jsonl")
        }
    }
    Ok(
        if fails_gate(fail_under, report.comparison.match_score, "match score") {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        },
    )
}

/// Rows of the human summary of a batch.
#[derive(Default)]
struct BatchSummary {
    table: Vec<[String; 5]>,
    failed: Vec<String>,
    missing: batch::MissingTally,
}

impl BatchSummary {
    fn add(&mut self, path: &Path, result: Result<AnalyzeReport, FileError>) {
        let path = terminal_safe(&path.display().to_string());
        match result {
            Ok(r) => {
                self.missing
                    .add(r.missing_skills.iter().map(|m| m.name.as_str()));
                self.table.push([
                    path,
                    r.role.id.clone(),
                    report::percent(r.coverage),
                    r.missing_skills.len().to_string(),
                    format!("{:.1}", r.time_to_ready.months),
                ]);
            }
            Err(e) => self.failed.push(e.message),
        }
    }

    fn write(&self, style: &Style, out: &mut dyn Write) -> anyhow::Result<()> {
        let analysed = self.table.len();
        let plural = if analysed == 1 { "resume" } else { "resumes" };
        writeln!(
            out,
            "Analysed {analysed} {plural}, {} failed",
            self.failed.len()
        )?;
        if analysed > 0 {
            let mut t = style.table(&["Resume", "Role", "Coverage", "Missing", "Months to ready"]);
            for row in &self.table {
                t.add_row(row.iter().map(comfy_table::Cell::new));
            }
            writeln!(out, "{t}")?;
            let top = self.missing.top(10);
            if !top.is_empty() {
                let list: Vec<String> = top
                    .iter()
                    .map(|(name, n)| format!("{} ({n})", terminal_safe(name)))
                    .collect();
                writeln!(out, "Most common missing skills: {}", list.join(", "))?;
            }
        }
        // The message names the file already ("cannot read `path`: ...").
        for message in &self.failed {
            writeln!(out, "failed: {message}")?;
        }
        Ok(())
    }
}

/// `skillgap extract`: skills of one resume or a batch.
pub fn extract(
    args: &ExtractArgs,
    roles_dir: Option<&Path>,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    with_prefetch(&args.inputs, |prefetched| {
        extract_with(args, roles_dir, style, out, prefetched)
    })
}

fn extract_with(
    args: &ExtractArgs,
    roles_dir: Option<&Path>,
    style: &Style,
    out: &mut dyn Write,
    prefetched: Option<Prefetched<'_>>,
) -> anyhow::Result<u8> {
    let library = load_library(roles_dir)?;
    let matcher = leaked_matcher(library);
    let report_of = |path: &Path, doc: Document| {
        let extraction = matcher.extract(&doc);
        ExtractReport {
            schema_version: report::SCHEMA_VERSION,
            input: path.display().to_string(),
            skills: extraction.skills,
            learning: extraction.learning,
        }
    };
    let one = |path: &Path| -> anyhow::Result<ExtractReport> {
        Ok(report_of(path, read_document(path)?))
    };
    let single = prefetched.is_some();
    let format = choose_format(args.format.map(ReportFormat::from), !single);
    if single {
        let report = report_of(&args.inputs[0], document(prefetched, &args.inputs[0])?);
        match format {
            ReportFormat::Json => report::json::write(&report, out)?,
            ReportFormat::Jsonl => write_record(
                format,
                &mut true,
                &record_bytes(&args.inputs[0], Ok::<_, FileError>(report)),
                out,
            )?,
            _ => report::table::write_extract(&report, style, out)?,
        }
        return Ok(EXIT_OK);
    }
    let inputs = batch::expand(&args.inputs)?;
    if inputs.paths.is_empty() {
        bail!("no resume files (.pdf, .docx, .md, .txt) found in the inputs");
    }
    let mut first = true;
    if format == ReportFormat::Json {
        out.write_all(b"[")?;
    }
    let (ok, failed) = batch::run(
        &inputs,
        jobs(args.jobs),
        |path| one(path).map_err(|e| FileError::from_anyhow(&e)),
        |path, result| match (format, result) {
            (ReportFormat::Table, Ok(r)) => {
                let names: Vec<String> = r.skills.iter().map(|s| terminal_safe(&s.name)).collect();
                let names = if names.is_empty() {
                    "(no skills found)".to_string()
                } else {
                    names.join(", ")
                };
                format!("{}: {names}\n", terminal_safe(&path.display().to_string())).into_bytes()
            }
            (ReportFormat::Table, Err(e)) => format!("failed: {}\n", e.message).into_bytes(),
            (_, result) => record_bytes(path, result),
        },
        |_, bytes| {
            if format == ReportFormat::Table {
                out.write_all(&bytes)?;
                Ok(())
            } else {
                write_record(format, &mut first, &bytes, out)
            }
        },
    )?;
    if format == ReportFormat::Json {
        out.write_all(b"\n]\n")?;
    }
    Ok(batch::exit_status(ok, failed))
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

/// `skillgap man`: prints skillgap(1), or with `out_dir` writes it and one page per
/// subcommand there (creating the directory). The `help` subcommand has no page, so the
/// printed page does not list it either.
pub fn man(out_dir: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<u8> {
    let command =
        <crate::cli::Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    match out_dir {
        None => clap_mangen::Man::new(command).render(out)?,
        Some(dir) => {
            let shown = terminal_safe(&dir.display().to_string());
            if dir.exists() && !dir.is_dir() {
                bail!("cannot write the man pages to `{shown}`: it is not a directory");
            }
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{shown}`"))?;
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("cannot write the man pages to `{shown}`"))?;
            eprintln!("wrote the man pages to `{shown}`");
        }
    }
    Ok(EXIT_OK)
}
