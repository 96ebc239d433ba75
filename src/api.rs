//! The CLI's JSON reports as strings, for bindings (the Python package in `python/`): the
//! same code paths as `skillgap extract|analyze FILE --format json` and `skillgap roles
//! list|show --format json`, with the document given as bytes in memory or as a path.
//!
//! Every function returns exactly what the command prints on stdout: pretty-printed JSON
//! with the keys in the documented order (README, "JSON output") and a final newline. The
//! embedded roles and taxonomy are loaded, and the matcher built, once per process, on the
//! first call; after that calls are independent and may run on any number of threads at
//! once.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Context;
use serde::Serialize;

use crate::batch::FileError;
use crate::commands;
use crate::extract::{self, Document, ExtractError, MAX_INPUT_BYTES};
use crate::gap::{DEFAULT_RELATED_THRESHOLD, GapOptions};
use crate::matcher::Matcher;
use crate::report;
use crate::report::roles::RoleView;
use crate::roles::load::load_library;
use crate::roles::{Library, find_role};

/// A document to read: bytes in memory or a file.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// The bytes of a document (PDF, DOCX, JSON Resume, LaTeX, YAML, Markdown or text,
    /// detected from the content as the CLI does; at most [`MAX_INPUT_BYTES`]). `name`
    /// becomes the report's `input` (and `job`) field and names the document in errors, as a
    /// path given to the CLI would; without one the field is `-`, as for stdin.
    Bytes {
        /// The document.
        bytes: &'a [u8],
        /// The name the report gives it, usually its file name.
        name: Option<&'a str>,
    },
    /// A file, read as the CLI reads it (`-` is stdin); the path is the report's `input`.
    Path(&'a Path),
}

impl Input<'_> {
    /// The name of the input in a report: the path or name as given, else `-`.
    fn name(&self) -> PathBuf {
        match self {
            Input::Bytes { name, .. } => PathBuf::from(name.unwrap_or("-")),
            Input::Path(path) => path.to_path_buf(),
        }
    }

    /// Reads the document. Errors name it as the CLI does (``cannot read `cv.pdf`: ...``),
    /// or without a name "cannot read the document: ...".
    fn read(&self) -> anyhow::Result<Document> {
        match *self {
            Input::Path(path) => commands::read_document(path),
            Input::Bytes { bytes, name } => {
                let read = if bytes.len() as u64 > MAX_INPUT_BYTES {
                    Err(ExtractError::TooLarge(format!(
                        "over {} MiB",
                        MAX_INPUT_BYTES / 1024 / 1024
                    )))
                } else {
                    extract::extract(bytes)
                };
                read.with_context(|| match name {
                    Some(name) => format!("cannot read `{}`", report::input_name(name)),
                    None => "cannot read the document".to_owned(),
                })
            }
        }
    }
}

/// Why a call failed: `kind` is the one a batch record of the CLI gives the same failure
/// (`io`, `empty`, `too-large`, `unsupported`, `encrypted`, `no-text-layer`, `damaged`,
/// `unreadable`, and `other` for everything else: an unknown role, a posting that names no
/// skill, an option out of range); `message` is the CLI's one-line message, made safe for
/// a terminal as in a batch record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    /// Stable kebab-case kind.
    pub kind: String,
    /// One line: the error and its causes.
    pub message: String,
}

impl Error {
    /// An error of kind `other`.
    fn other(message: String) -> Error {
        Error {
            kind: "other".to_owned(),
            message,
        }
    }
}

impl From<anyhow::Error> for Error {
    fn from(err: anyhow::Error) -> Error {
        let FileError { kind, message } = FileError::from_anyhow(&err);
        Error {
            kind,
            message: report::terminal_safe(&message),
        }
    }
}

/// Options of [`analyze_json`]; the default is `skillgap analyze FILE` without flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct AnalyzeOptions<'a> {
    /// `--role ID`: the target role; default the best-fitting one. Not with `job`.
    pub role: Option<&'a str>,
    /// `--job POSTING`: compare with a job posting instead of a role (the report is then
    /// the `--job` shape).
    pub job: Option<Input<'a>>,
    /// `--hours-per-week`: study pace in hours per week, 1..=80; default the role's pace.
    pub hours_per_week: Option<f64>,
    /// `--related-threshold`: the share (a fraction, 0..=1) of a role's skills another
    /// role must exceed to be related; default 0.4. Not with `job`.
    pub related_threshold: Option<f64>,
}

/// The embedded library and its matcher, loaded once.
struct Engine {
    library: &'static Library,
    matcher: &'static Matcher<'static>,
}

/// The [`Engine`], loaded on the first call.
fn engine() -> Result<&'static Engine, Error> {
    static ENGINE: OnceLock<Result<Engine, Error>> = OnceLock::new();
    let loaded = ENGINE.get_or_init(|| {
        let library = load_library(None)?;
        Ok(Engine {
            library,
            matcher: commands::leaked_matcher(library),
        })
    });
    loaded.as_ref().map_err(Clone::clone)
}

/// `value` as pretty JSON with a final newline, as the CLI prints it.
fn json<T: Serialize>(value: &T) -> Result<String, Error> {
    let mut out = Vec::new();
    report::json::write(value, &mut out).map_err(|e| Error::other(e.to_string()))?;
    String::from_utf8(out).map_err(|e| Error::other(e.to_string()))
}

/// The output of `skillgap extract FILE --format json`: `{"schema_version", "input",
/// "skills", "learning", "not_claimed"}`.
///
/// Errors: the document cannot be read ([`Error`]).
pub fn extract_json(input: Input<'_>) -> Result<String, Error> {
    let doc = input.read()?;
    let engine = engine()?;
    json(&commands::extract_report(
        engine.matcher,
        &input.name(),
        &doc,
    ))
}

/// The output of `skillgap analyze FILE [--role ID] [--job POSTING] [--hours-per-week H]
/// [--related-threshold F] --format json`: the analyze report, or with `job` the `--job`
/// report.
///
/// Errors: the resume or posting cannot be read, the role is unknown, the posting names no
/// skill, an option is out of range, or `job` comes with `role` or `related_threshold`
/// (flags the CLI does not take together).
pub fn analyze_json(input: Input<'_>, options: &AnalyzeOptions<'_>) -> Result<String, Error> {
    let opts = gap_options(options)?;
    let engine = engine()?;
    let role = (options.role)
        .map(|id| find_role(engine.library, id))
        .transpose()
        .map_err(|e| Error::other(report::terminal_safe(&e.to_string())))?;
    if let Some(job) = options.job {
        if options.role.is_some() {
            return Err(Error::other(
                "a role and a job posting cannot be used together".to_owned(),
            ));
        }
        let resume = engine.matcher.extract(&input.read()?);
        let posting = job.read()?;
        let report = commands::job_report(
            engine.library,
            engine.matcher,
            &opts,
            (&input.name(), &resume),
            (&job.name(), &posting),
        )?;
        return json(&report);
    }
    let doc = input.read()?;
    let report = commands::analyze_one(
        engine.library,
        engine.matcher,
        role,
        &opts,
        &input.name(),
        doc,
    )?;
    json(&report)
}

/// The gap options of `options`, checked as the CLI checks its flags.
fn gap_options(options: &AnalyzeOptions<'_>) -> Result<GapOptions, Error> {
    let (lo, hi) = crate::gap::PACE_HOURS;
    if let Some(hours) = options.hours_per_week
        && !(lo..=hi).contains(&hours)
    {
        return Err(Error::other(format!(
            "hours_per_week {hours} is outside {lo}..{hi} hours per week"
        )));
    }
    if options.job.is_some() && options.related_threshold.is_some() {
        return Err(Error::other(
            "related_threshold does not apply to a job posting, which lists the three roles \
             most like it instead"
                .to_owned(),
        ));
    }
    Ok(GapOptions {
        hours_per_week: options.hours_per_week,
        related_threshold: threshold(options.related_threshold)?,
    })
}

/// A related-roles threshold: a fraction in 0..=1, by default 0.4.
fn threshold(asked: Option<f64>) -> Result<f64, Error> {
    match asked {
        None => Ok(DEFAULT_RELATED_THRESHOLD),
        Some(v) if (0.0..=1.0).contains(&v) => Ok(v),
        Some(v) => Err(Error::other(format!(
            "related_threshold {v} is outside 0..1 (a fraction: 0.4 for 40%)"
        ))),
    }
}

/// The output of `skillgap roles list --format json`: `{"schema_version", "roles": [{"id",
/// "title", "months", "hours_per_week", "phases"}]}`, sorted by id.
///
/// Errors: none with the embedded data (an [`Error`] only if it failed to load).
pub fn roles_json() -> Result<String, Error> {
    json(&commands::role_list(&engine()?.library.roles))
}

/// The output of `skillgap roles show ID [--related-threshold F] --format json`.
/// `related_threshold`: a fraction in 0..=1, by default 0.4.
///
/// Errors: the role is unknown (kind `other`, naming the closest id), or the threshold is
/// out of range.
pub fn role_json(id: &str, related_threshold: Option<f64>) -> Result<String, Error> {
    let threshold = threshold(related_threshold)?;
    let library = engine()?.library;
    let role =
        find_role(library, id).map_err(|e| Error::other(report::terminal_safe(&e.to_string())))?;
    json(&RoleView::new(role, library, threshold))
}

/// The files a batch of the CLI (`skillgap analyze DIR...`) takes from `inputs`, in its
/// order: files as given, directories searched recursively for resume files (`.pdf`,
/// `.docx`, `.md`, `.markdown`, `.txt`, `.tex`, `.json` files that are JSON Resume and
/// `.yaml` or `.yml` files that are YAML resumes), sorted by path, each file once. A directory that cannot be listed is left out (the CLI reports it
/// as an error record).
///
/// Errors: `-` given twice.
pub fn resume_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let expanded = crate::batch::expand(inputs)?;
    Ok((expanded.paths.iter())
        .filter(|p| !expanded.is_unlisted_dir(p))
        .cloned()
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESUME: &str = "fixtures/resumes/backend-developer.txt";

    fn bytes(name: Option<&str>) -> (Vec<u8>, Option<&str>) {
        (std::fs::read(RESUME).unwrap(), name)
    }

    #[test]
    fn bytes_and_paths_give_the_same_report() {
        let (data, name) = bytes(Some(RESUME));
        let from_bytes = Input::Bytes { bytes: &data, name };
        let from_path = Input::Path(Path::new(RESUME));
        assert_eq!(
            extract_json(from_bytes).unwrap(),
            extract_json(from_path).unwrap()
        );
        let opts = AnalyzeOptions {
            role: Some("backend-engineer"),
            ..AnalyzeOptions::default()
        };
        let report = analyze_json(from_bytes, &opts).unwrap();
        assert_eq!(report, analyze_json(from_path, &opts).unwrap());
        assert!(report.ends_with("}\n"));
        assert!(report.contains("\"role_choice\": \"given\""));
    }

    #[test]
    fn without_a_name_the_input_is_a_dash() {
        let (data, name) = bytes(None);
        let report = extract_json(Input::Bytes { bytes: &data, name }).unwrap();
        assert!(report.contains("\"input\": \"-\""), "{report}");
    }

    #[test]
    fn errors_carry_the_batch_kinds_and_messages() {
        let empty = Input::Bytes {
            bytes: b"",
            name: Some("cv.txt"),
        };
        let err = extract_json(empty).unwrap_err();
        assert_eq!(err.kind, "empty");
        assert_eq!(err.message, "cannot read `cv.txt`: the file is empty");
        let err = extract_json(Input::Path(Path::new("no/such.pdf"))).unwrap_err();
        assert_eq!(err.kind, "io");
        assert!(
            err.message.starts_with("cannot read `no/such.pdf`: "),
            "{err}"
        );
        let (data, name) = bytes(None);
        let resume = Input::Bytes { bytes: &data, name };
        let unknown = AnalyzeOptions {
            role: Some("backend-enginer"),
            ..AnalyzeOptions::default()
        };
        let err = analyze_json(resume, &unknown).unwrap_err();
        assert_eq!(err.kind, "other");
        assert!(
            err.message.contains("did you mean `backend-engineer`?"),
            "{err}"
        );
        let slow = AnalyzeOptions {
            hours_per_week: Some(0.5),
            ..AnalyzeOptions::default()
        };
        assert_eq!(analyze_json(resume, &slow).unwrap_err().kind, "other");
        assert_eq!(role_json("nope", None).unwrap_err().kind, "other");
        assert_eq!(
            role_json("backend-engineer", Some(2.0)).unwrap_err().kind,
            "other"
        );
    }

    #[test]
    fn roles_are_listed_and_shown() {
        let list = roles_json().unwrap();
        assert!(list.starts_with("{\n  \"schema_version\": 1,\n  \"roles\": ["));
        let shown = role_json("backend-engineer", None).unwrap();
        assert!(shown.contains("\"id\": \"backend-engineer\""));
    }

    #[test]
    fn resume_files_are_the_batch_inputs() {
        let files = resume_files(&[PathBuf::from("fixtures/resumes")]).unwrap();
        let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(
            names,
            [
                "fixtures/resumes/backend-developer.pdf",
                "fixtures/resumes/backend-developer.txt",
                "fixtures/resumes/data-engineer-moderncv.tex",
                "fixtures/resumes/devops-engineer-awesome-cv.tex",
                "fixtures/resumes/dotnet-developer.md",
                "fixtures/resumes/false-positives.txt",
                "fixtures/resumes/frontend-developer.jsonresume.yaml",
                "fixtures/resumes/java-kotlin-developer.md",
                "fixtures/resumes/ml-engineer-rendercv.yaml"
            ]
        );
    }
}
