//! One function per subcommand: read inputs, run the pipeline (document -> text -> skills
//! -> gap), and hand the result to a report function, which writes it. Returns what the
//! command found ([`Outcome`]); `crate::run` turns that into the exit status.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::batch::{self, FileError};
use crate::check::{self, Diagnostic};
use crate::cli::{AnalyzeArgs, CheckFormat, ExtractArgs, Format, ReportFormat, TextArgs};
use crate::extract::{self, Document};
use crate::gap::{self, GapOptions};
use crate::matcher::{Extraction, Matcher};
use crate::posting;
use crate::report::check::Counts;
use crate::report::json::record_bytes;
use crate::report::roles::{RoleList, RoleRow, RoleView};
use crate::report::style::Style;
use crate::report::summary::BatchSummary;
use crate::report::{
    self, AnalyzeReport, BatchOutput, ExtractReport, Framing, JobReport, RoleChoice, RoleGap,
};
use crate::roles::load::{load_library, load_roles};
use crate::roles::{DataSet, Library, Role, find_role};

/// What a command found: the facts the exit status is made from (see `crate::exit_status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The command did its job on its one input (or needed none). `findings`: a
    /// `--fail-under` gate failed, or `roles check` found errors (or warnings with
    /// `--deny-warnings`).
    Done {
        /// A gate or check failed.
        findings: bool,
    },
    /// A batch ran over several inputs.
    Batch {
        /// Inputs reported.
        reported: usize,
        /// Inputs that could not be read (reported as errors in the output).
        failed: usize,
        /// Some report fell under `--fail-under`.
        findings: bool,
    },
}

impl Outcome {
    /// Done, with nothing found.
    pub(crate) const OK: Outcome = Outcome::Done { findings: false };
}

/// The matcher for a library, leaked like the library (see [`load_library`]), with its lazy
/// tables built: in a one-resume run this happens while the document is read on the other
/// thread.
pub(crate) fn leaked_matcher(library: &'static Library) -> &'static Matcher<'static> {
    let matcher = Box::leak(Box::new(Matcher::new(&library.taxonomy)));
    crate::matcher::warm_up();
    matcher
}

/// How a path is named to people: as given, and `<stdin>` for `-` (`report::input_name`).
fn display(path: &Path) -> String {
    report::input_name(&path.display().to_string()).to_owned()
}

/// Reads and extracts a document; the error names the file and the cause on one line.
pub(crate) fn read_document(path: &Path) -> anyhow::Result<Document> {
    extract::extract_path(path).with_context(|| format!("cannot read `{}`", display(path)))
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

/// How a batch in `format` is put together: table lines, JSON Lines or a JSON array.
fn framing(format: ReportFormat) -> Framing {
    match format {
        ReportFormat::Json => Framing::JsonArray,
        ReportFormat::Jsonl => Framing::JsonLines,
        ReportFormat::Table | ReportFormat::Markdown | ReportFormat::Html => Framing::Text,
    }
}

/// The error for inputs that hold no resume file: names them and the extensions looked for.
fn no_resume_files(inputs: &[PathBuf]) -> anyhow::Error {
    let names: Vec<String> = inputs.iter().map(|p| format!("`{}`", display(p))).collect();
    let extensions: Vec<String> = batch::RESUME_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect();
    anyhow::anyhow!(
        "no resume files ({}) in {}",
        extensions.join(", "),
        names.join(", ")
    )
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

/// [`below_gate`] for one report, saying on stderr why the gate failed (see
/// [`report::notes::under_gate`]). `what`: "coverage" or "match score".
fn fails_gate(fail_under: Option<f64>, fraction: f64, what: &str) -> anyhow::Result<bool> {
    let below = below_gate(fail_under, fraction);
    if let Some(limit) = fail_under.filter(|_| below) {
        report::notes::under_gate(what, fraction, limit, &mut std::io::stderr())?;
    }
    Ok(below)
}

/// Analyses one resume against the given role or the best fit (`crate::api` shares it).
pub(crate) fn analyze_one(
    library: &Library,
    matcher: &Matcher<'_>,
    role: Option<&Role>,
    opts: &GapOptions,
    path: &Path,
    doc: Document,
) -> anyhow::Result<AnalyzeReport> {
    let extraction = matcher.extract(&doc);
    let has = |id: &str| extraction.has(id);
    let (role, best_fit) = match role {
        Some(role) => (role, None),
        None => {
            let ranked = gap::rank_roles(library, &has);
            match ranked.first() {
                Some((role, _)) => (*role, gap::BestFit::of(&ranked)),
                None => bail!("no roles to compare with"),
            }
        }
    };
    let gap = gap::analyze(role, library, &has, opts);
    Ok(AnalyzeReport::new(
        path.display().to_string(),
        extraction,
        gap,
        best_fit,
    ))
}

/// `skillgap analyze`: one resume (an error is an `Err`) or a batch (errors become records).
pub(crate) fn analyze(
    args: &AnalyzeArgs,
    roles_dir: Option<&Path>,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
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
) -> anyhow::Result<Outcome> {
    let library = load_library(roles_dir)?;
    // Needed by every gap's related roles: computed here, while a one-resume run reads its
    // document on the other thread, rather than after it.
    library.ubiquitous();
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
    if !args.job.is_empty() {
        if !single {
            bail!("--job compares one resume with postings; give one resume");
        }
        let stdin = |p: &PathBuf| p == Path::new("-");
        if stdin(&args.inputs[0]) && args.job.iter().any(stdin) {
            bail!("the resume and the posting cannot both be read from stdin (`-`)");
        }
        let resume = document(prefetched, &args.inputs[0])?;
        if let [job] = args.job.as_slice()
            && !job.is_dir()
        {
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
        return rank_jobs(
            library,
            matcher,
            &opts,
            (&args.inputs[0], &resume),
            &args.job,
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
            report::notes::no_skills_found(&display(&args.inputs[0]), &mut std::io::stderr())?;
        }
        let below = fails_gate(args.fail_under, report.coverage_exact, "coverage")?;
        match format {
            ReportFormat::Markdown => report::markdown::write_analyze(&report, out)?,
            ReportFormat::Html => report::html::write_analyze(&report, out)?,
            ReportFormat::Json => report::json::write(&report, out)?,
            ReportFormat::Jsonl => report::json::write_record(&args.inputs[0], report, out)?,
            ReportFormat::Table => report::table::write_analyze(&report, style, out)?,
        }
        return Ok(Outcome::Done { findings: below });
    }
    let inputs = batch::expand(&args.inputs)?;
    inputs.write_notes(&mut std::io::stderr())?;
    if inputs.paths.is_empty() {
        return Err(no_resume_files(&args.inputs));
    }
    // The resumes under --fail-under, (path, coverage) in input order.
    let mut under: Vec<(String, f64)> = Vec::new();
    // A table is one summary at the end; JSON formats write each record as it comes.
    let mut summary = BatchSummary::default();
    let mut records = match format {
        ReportFormat::Table => None,
        _ => Some(BatchOutput::start(framing(format), out)?),
    };
    let work = |path: &Path| {
        read_document(path)
            .and_then(|doc| analyze_one(library, matcher, role, &opts, path, doc))
            .map_err(|e| FileError::from_anyhow(&e))
    };
    // The coverage of a report under --fail-under.
    let below = |result: &Result<AnalyzeReport, FileError>| {
        (result.as_ref().ok())
            .map(|r| r.coverage_exact)
            .filter(|&c| below_gate(args.fail_under, c))
    };
    let progress = report::progress::Progress::start(inputs.paths.len());
    let done = || progress.tick();
    let batch::Counts { reported, failed } = match &mut records {
        None => batch::run(
            &inputs,
            jobs(args.jobs),
            &done,
            work,
            |_, r| r,
            |path, result| {
                under.extend(below(&result).map(|c| (display(path), c)));
                match result {
                    // A directory that cannot be listed is no resume: said on stderr.
                    Err(e) if inputs.is_unlisted_dir(path) => {
                        report::line(&mut std::io::stderr(), &format!("error: {}", e.message))?;
                    }
                    result => summary.add(path, result),
                }
                Ok(())
            },
        )?,
        Some(records) => batch::run(
            &inputs,
            jobs(args.jobs),
            &done,
            work,
            |path, result| (below(&result), record_bytes(path, result)),
            |path, (below, bytes)| {
                under.extend(below.map(|c| (display(path), c)));
                Ok(records.write(&bytes, out)?)
            },
        )?,
    };
    progress.finish();
    match records {
        Some(records) => records.finish(out)?,
        None => summary.write(style, out)?,
    }
    if !under.is_empty()
        && let Some(limit) = args.fail_under
    {
        report::notes::some_under_gate(&under, reported, limit, &mut std::io::stderr())?;
    }
    Ok(Outcome::Batch {
        reported,
        failed,
        findings: !under.is_empty(),
    })
}

/// `skillgap analyze RESUME --job POSTING`: the posting's skills are the target; the most
/// similar shipped role adds its recommended phase and time to ready.
#[allow(clippy::too_many_arguments)]
fn analyze_job(
    library: &Library,
    matcher: &Matcher<'_>,
    opts: &GapOptions,
    resume: &Path,
    resume_doc: Document,
    job: &Path,
    format: ReportFormat,
    fail_under: Option<f64>,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let posting_doc = read_document(job)?;
    let extraction = matcher.extract(&resume_doc);
    let report = job_report(
        library,
        matcher,
        opts,
        (resume, &extraction),
        (job, &posting_doc),
    )?;
    match format {
        ReportFormat::Json => report::json::write(&report, out)?,
        ReportFormat::Jsonl => report::json::write_line(&report, out)?,
        ReportFormat::Table => report::table::write_job(&report, style, out)?,
        // In Markdown, one posting is a ranking of one.
        ReportFormat::Markdown => report::markdown::write_ranking(
            &report::JobRanking {
                schema_version: report::SCHEMA_VERSION,
                input: report.input.clone(),
                postings: vec![report.clone()],
                skipped: Vec::new(),
            },
            out,
        )?,
        ReportFormat::Html => bail!("--job reports as table, json, jsonl or markdown"),
    }
    let below = fails_gate(fail_under, report.comparison.match_score, "match score")?;
    Ok(Outcome::Done { findings: below })
}

/// `analyze RESUME --job A --job B` or `--job DIR`: every posting compared with the resume,
/// ranked by match score (then path); postings that cannot be used (no skills, nothing
/// asked, unreadable) are listed apart with their reason, and the rest go on. Exit status
/// as for a batch of resumes: 2 when no posting could be used, 1 when some could not or the
/// best match is under `--fail-under`.
#[allow(clippy::too_many_arguments)]
fn rank_jobs(
    library: &Library,
    matcher: &Matcher<'_>,
    opts: &GapOptions,
    (resume, resume_doc): (&Path, &Document),
    jobs: &[PathBuf],
    format: ReportFormat,
    fail_under: Option<f64>,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let postings = batch::expand(jobs)?;
    postings.write_notes(&mut std::io::stderr())?;
    if postings.paths.is_empty() {
        bail!(
            "no posting files in {}",
            jobs.iter()
                .map(|j| display(j))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    // The resume is matched once for all the postings.
    let extraction = matcher.extract(resume_doc);
    let mut ranked: Vec<JobReport> = Vec::new();
    let mut skipped: Vec<report::SkippedPosting> = Vec::new();
    for path in &postings.paths {
        let result = read_document(path).and_then(|doc| {
            job_report(library, matcher, opts, (resume, &extraction), (path, &doc))
        });
        match result {
            Ok(r) => ranked.push(r),
            Err(e) => skipped.push(report::SkippedPosting {
                job: path.display().to_string(),
                error: report::Problem::of(&e),
            }),
        }
    }
    ranked.sort_by(|a, b| {
        b.comparison
            .match_score
            .total_cmp(&a.comparison.match_score)
            .then_with(|| a.job.cmp(&b.job))
    });
    let report = report::JobRanking {
        schema_version: report::SCHEMA_VERSION,
        input: resume.display().to_string(),
        postings: ranked,
        skipped,
    };
    match format {
        ReportFormat::Json => report::json::write(&report, out)?,
        ReportFormat::Jsonl => report::json::write_ranking_lines(&report, out)?,
        ReportFormat::Table => report::table::write_ranking(&report, style, out)?,
        ReportFormat::Markdown => report::markdown::write_ranking(&report, out)?,
        ReportFormat::Html => bail!("several postings report as table, json, jsonl or markdown"),
    }
    // Like a batch of resumes: exit 2 when no posting could be used, 1 when some could not
    // (or the best match is under --fail-under).
    let below = match report.postings.first() {
        Some(best) => fails_gate(fail_under, best.comparison.match_score, "best match score")?,
        None => false,
    };
    Ok(Outcome::Batch {
        reported: report.postings.len(),
        failed: report.skipped.len(),
        findings: below,
    })
}

/// The report of `--job`: `resume` is (path as given, its extraction: one extraction serves
/// every posting of a ranking) and `posting` is (path as given, document read). An
/// `Err` when the posting names no skill.
pub(crate) fn job_report(
    library: &Library,
    matcher: &Matcher<'_>,
    opts: &GapOptions,
    (resume, extraction): (&Path, &Extraction),
    (job, posting_doc): (&Path, &Document),
) -> anyhow::Result<JobReport> {
    let posting = posting::read_posting(posting_doc, &matcher.extract(posting_doc))
        .with_context(|| format!("cannot use `{}` as a posting", display(job)))?;
    let has = |id: &str| extraction.has(id);
    let comparison = posting::compare(&posting, &has, library);
    let role_gap = comparison
        .similar_roles
        .first()
        .and_then(|r| library.role(&r.id))
        .map(|role| RoleGap::from_gap(gap::analyze(role, library, &has, opts)));
    let refs = |list: &[posting::Requirement]| -> Vec<gap::SkillRef> {
        list.iter()
            .map(|r| {
                gap::SkillRef::plain(r.id.clone(), r.name.clone(), r.any_of.clone())
                    .with_member_names(|id| library.taxonomy.name_of(id).to_owned())
            })
            .collect()
    };
    Ok(JobReport {
        schema_version: report::SCHEMA_VERSION,
        input: resume.display().to_string(),
        job: job.display().to_string(),
        skills_found: extraction.skills.clone(),
        required: refs(&posting.required),
        preferred: refs(&posting.preferred),
        context: refs(&posting.context),
        not_required: refs(&posting.not_required),
        comparison,
        role_gap,
    })
}

/// The report of `extract` for one document read from `path` (`crate::api` shares it).
pub(crate) fn extract_report(matcher: &Matcher<'_>, path: &Path, doc: &Document) -> ExtractReport {
    let extraction = matcher.extract(doc);
    ExtractReport {
        schema_version: report::SCHEMA_VERSION,
        input: path.display().to_string(),
        skills: extraction.skills,
        learning: extraction.learning,
        not_claimed: extraction.not_claimed,
    }
}

/// `skillgap extract`: skills of one resume or a batch.
pub(crate) fn extract(
    args: &ExtractArgs,
    roles_dir: Option<&Path>,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
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
) -> anyhow::Result<Outcome> {
    let library = load_library(roles_dir)?;
    let matcher = leaked_matcher(library);
    let report_of = |path: &Path, doc: Document| extract_report(matcher, path, &doc);
    let one = |path: &Path| -> anyhow::Result<ExtractReport> {
        Ok(report_of(path, read_document(path)?))
    };
    let single = prefetched.is_some();
    let format = choose_format(args.format.map(ReportFormat::from), !single);
    if single {
        let report = report_of(&args.inputs[0], document(prefetched, &args.inputs[0])?);
        match format {
            ReportFormat::Json => report::json::write(&report, out)?,
            ReportFormat::Jsonl => report::json::write_record(&args.inputs[0], report, out)?,
            _ => report::table::write_extract(&report, style, out)?,
        }
        return Ok(Outcome::OK);
    }
    let inputs = batch::expand(&args.inputs)?;
    inputs.write_notes(&mut std::io::stderr())?;
    if inputs.paths.is_empty() {
        return Err(no_resume_files(&args.inputs));
    }
    let mut output = BatchOutput::start(framing(format), out)?;
    let progress = report::progress::Progress::start(inputs.paths.len());
    let batch::Counts { reported, failed } = batch::run(
        &inputs,
        jobs(args.jobs),
        &|| progress.tick(),
        |path| one(path).map_err(|e| FileError::from_anyhow(&e)),
        |path, result| {
            if format == ReportFormat::Table {
                let mut line = Vec::new();
                match &result {
                    // A directory that cannot be listed is no resume: said on stderr.
                    Err(e) if inputs.is_unlisted_dir(path) => {
                        report::line(&mut line, &format!("error: {}", e.message))
                    }
                    _ => report::table::write_extract_line(path, &result, style.width, &mut line),
                }
                .expect("writing to memory cannot fail");
                line
            } else {
                record_bytes(path, result)
            }
        },
        |path, bytes| {
            if format == ReportFormat::Table && inputs.is_unlisted_dir(path) {
                return Ok(std::io::stderr().write_all(&bytes)?);
            }
            Ok(output.write(&bytes, out)?)
        },
    )?;
    progress.finish();
    output.finish(out)?;
    Ok(Outcome::Batch {
        reported,
        failed,
        findings: false,
    })
}

/// `skillgap text`: the normalised lines, as the matcher sees them.
pub(crate) fn text(args: &TextArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let doc = read_document(&args.document)?;
    report::text::write_lines(&doc, args.line_numbers, out)?;
    Ok(Outcome::OK)
}

/// `skillgap completions SHELL`: the completion script, with the role ids of `roles_dir`
/// (default: the embedded set) as the values of `--role` and `roles show ID`. It is
/// generated in memory and then written, so that a write error is an `Err` (clap_complete
/// panics on one).
pub(crate) fn completions(
    shell: clap_complete::Shell,
    roles_dir: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let library = load_library(roles_dir)?;
    let roles: Vec<(&'static str, &'static str)> = (library.roles.iter())
        .map(|r| (r.id.as_str(), r.title.as_str()))
        .collect();
    let mut script = Vec::new();
    clap_complete::generate(
        shell,
        &mut crate::cli::completion_command(&roles),
        "skillgap",
        &mut script,
    );
    if shell == clap_complete::Shell::Fish {
        script.extend(crate::cli::fish_role_ids(&roles).bytes());
    }
    out.write_all(&script)?;
    Ok(Outcome::OK)
}

/// `skillgap man`: prints skillgap(1), or with `out_dir` writes it and one page per
/// subcommand there (creating the directory). The `help` subcommand has no page, so the
/// printed page does not list it either. Pages are made by [`report::man::write_page`].
pub(crate) fn man(out_dir: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let mut command =
        <crate::cli::Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    // Built, the subcommands know their full names ("skillgap-roles-check").
    command.build();
    match out_dir {
        None => report::man::write_page(&command, out)?,
        Some(dir) => {
            let shown = dir.display();
            if dir.exists() && !dir.is_dir() {
                bail!("cannot write the man pages to `{shown}`: it is not a directory");
            }
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{shown}`"))?;
            write_pages(&command, dir)
                .with_context(|| format!("cannot write the man pages to `{shown}`"))?;
            report::notes::man_pages_written(dir, &mut std::io::stderr())?;
        }
    }
    Ok(Outcome::OK)
}

/// Writes the page of `command` and of each of its visible subcommands, recursively, into
/// `dir`.
fn write_pages(command: &clap::Command, dir: &Path) -> std::io::Result<()> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    let mut file = std::fs::File::create(dir.join(report::man::file_name(command)))?;
    report::man::write_page(command, &mut file)?;
    file.flush()
}

/// `skillgap roles list`: every role with its plan length and pace.
pub(crate) fn roles_list(
    roles_dir: Option<&Path>,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    // The embedded rows were computed at build time: nothing to parse.
    let list = match (roles_dir, skillgap_embedded::ROLE_ROWS) {
        (None, Some(rows)) => RoleList {
            schema_version: report::SCHEMA_VERSION,
            roles: rows
                .iter()
                .map(|&(id, title, months, hours_per_week, phases)| RoleRow {
                    id: id.to_owned(),
                    title: title.to_owned(),
                    months,
                    hours_per_week,
                    phases,
                })
                .collect(),
        },
        _ => role_list(&load_roles(roles_dir)?),
    };
    match format {
        Format::Json => report::json::write(&list, out)?,
        Format::Table => report::table::write_role_list(&list.roles, style, out)?,
        Format::Markdown => report::markdown::write_role_list(&list.roles, out)?,
    }
    Ok(Outcome::OK)
}

/// The `roles list` view of `roles` (`crate::api` shares it).
pub(crate) fn role_list(roles: &[Role]) -> RoleList {
    RoleList {
        schema_version: report::SCHEMA_VERSION,
        roles: roles.iter().map(RoleRow::new).collect(),
    }
}

/// `skillgap roles show ID`: a role's plan, with related roles sharing over `threshold`
/// (0..1) of their skills.
pub(crate) fn roles_show(
    roles_dir: Option<&Path>,
    id: &str,
    format: Format,
    threshold: f64,
    style: &Style,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let library = load_library(roles_dir)?;
    let role = find_role(library, id)?;
    let view = RoleView::new(role, library, threshold);
    match format {
        Format::Json => report::json::write(&view, out)?,
        Format::Markdown => report::markdown::write_role(&view, out)?,
        Format::Table => report::table::write_role(&view, threshold, style, out)?,
    }
    Ok(Outcome::OK)
}

/// `skillgap roles check [DIR]`: validates the data in `dir` (the embedded set without it)
/// and writes every finding. Findings are errors, and with `deny_warnings` warnings too;
/// an `Err` when `dir` cannot be listed.
pub(crate) fn roles_check(
    dir: Option<&Path>,
    format: CheckFormat,
    deny_warnings: bool,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (diags, files) = match dir {
        Some(dir) => check::check_dir_counted(dir)?,
        None => {
            let data = DataSet::embedded();
            (check::check(&data), check::file_count(&data))
        }
    };
    report::check::render(&diags, files, format, out)?;
    Ok(check_outcome(&diags, deny_warnings))
}

/// What a check found: findings when there is an error, or with `deny_warnings` a warning.
pub(crate) fn check_outcome(diags: &[Diagnostic], deny_warnings: bool) -> Outcome {
    let Counts { errors, warnings } = Counts::of(diags);
    Outcome::Done {
        findings: errors > 0 || (deny_warnings && warnings > 0),
    }
}
