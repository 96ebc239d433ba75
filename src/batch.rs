//! Many inputs at once: expands directories into resume files, and processes files in
//! parallel (rayon) while keeping input order. What a batch found (how many files were
//! reported and how many failed) goes back to the caller; the reports write the results.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::extract::Kind;

/// File extensions taken from directories (case-insensitive). A `.json` file is taken only
/// when it is a JSON Resume, a `.yaml` or `.yml` file only when it is a YAML resume (JSON
/// Resume or RenderCV); others are skipped and counted ([`Inputs::write_notes`]).
pub(crate) const RESUME_EXTENSIONS: &[&str] = &[
    "pdf", "docx", "md", "markdown", "txt", "json", "tex", "yaml", "yml",
];

/// Inputs processed per parallel chunk: results are written chunk by chunk so memory stays
/// bounded on large batches.
const CHUNK: usize = 64;

/// The inputs of a batch, in order: files (and `-`) as given, and the resume files found in
/// directories. A directory that cannot be listed is an input too, failed with its error,
/// so the rest of the batch still runs.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    /// Every input, in order.
    pub paths: Vec<PathBuf>,
    /// The inputs that failed before being read (directories that cannot be listed).
    failed: Vec<(PathBuf, FileError)>,
    /// Canonical paths of the inputs so far: a file reached twice is processed once.
    seen: HashSet<PathBuf>,
    /// Symbolic links found in directories whose target does not exist.
    pub broken_links: usize,
    /// `.json` files found in directories that are not JSON Resume documents.
    pub other_json: usize,
    /// `.yaml` and `.yml` files found in directories that are not YAML resumes.
    pub other_yaml: usize,
    /// Directories left out because they lie deeper than [`MAX_DEPTH`] levels.
    pub too_deep: usize,
    /// Symbolic links to directories, which are not followed (no loops).
    pub dir_links: usize,
    /// Files named like resumes that are no regular files (FIFOs, sockets, devices): reading
    /// one could block forever.
    pub special: usize,
}

/// How many directory levels below an input the walk goes.
const MAX_DEPTH: usize = 32;

impl Inputs {
    /// True for a directory that could not be listed (an input failed before reading).
    pub(crate) fn is_unlisted_dir(&self, path: &Path) -> bool {
        self.failure(path).is_some()
    }

    /// Writes one `note:` line (for stderr) counting what directories held but the batch
    /// left out: broken symbolic links, `.json` files that are not JSON Resume, YAML files
    /// that are not resumes, links to directories, directories too deep, and FIFOs, sockets or
    /// devices named like resumes. Nothing when there was none. These are not records of the batch
    /// output.
    pub(crate) fn write_notes(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let deep = (
            format!("directory deeper than {MAX_DEPTH} levels"),
            format!("directories deeper than {MAX_DEPTH} levels"),
        );
        let counts: [(usize, &str, &str); 6] = [
            (
                self.broken_links,
                "broken symbolic link",
                "broken symbolic links",
            ),
            (
                self.other_json,
                ".json file that is not a JSON Resume",
                ".json files that are not JSON Resume",
            ),
            (
                self.other_yaml,
                "YAML file that is not a resume",
                "YAML files that are not resumes",
            ),
            (
                self.dir_links,
                "symbolic link to a directory (not followed)",
                "symbolic links to directories (not followed)",
            ),
            (self.too_deep, &deep.0, &deep.1),
            (
                self.special,
                "FIFO, socket or device named like a resume",
                "FIFOs, sockets or devices named like resumes",
            ),
        ];
        let parts: Vec<String> = counts
            .iter()
            .filter(|(n, ..)| *n > 0)
            .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
            .collect();
        if parts.is_empty() {
            return Ok(());
        }
        writeln!(out, "note: skipped {}", parts.join(" and "))
    }

    /// Adds `path` unless the same file (by canonical path) is an input already.
    fn push(&mut self, path: PathBuf) {
        if path.as_os_str() != "-"
            && let Ok(canonical) = std::fs::canonicalize(&path)
            && !self.seen.insert(canonical)
        {
            return;
        }
        self.paths.push(path);
    }

    /// The error an input already has, if any.
    fn failure(&self, path: &Path) -> Option<&FileError> {
        self.failed
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, error)| error)
    }
}

/// Expands the command-line inputs: files (and `-`) as given, directories recursively into
/// their regular files with a [`RESUME_EXTENSIONS`] extension, sorted by path. Symbolic
/// links to directories are not followed (no loops), and special files (FIFOs, devices)
/// found in a directory are left out: reading one could block forever. A file reached twice
/// (`analyze . dir`, a link to a file listed too) is taken once, where first reached. Broken
/// symbolic links, `.json` files that are not JSON Resume and `.yaml`/`.yml` files that are
/// not YAML resumes are skipped and counted.
///
/// Errors when `-` is given twice (stdin can be read once).
pub(crate) fn expand(inputs: &[PathBuf]) -> anyhow::Result<Inputs> {
    if inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        anyhow::bail!("stdin (`-`) can be given only once: it can be read only once");
    }
    let mut out = Inputs::default();
    for input in inputs {
        if input.is_dir() {
            let mut found = Inputs::default();
            walk(input, &mut found, 0);
            found.paths.sort();
            for path in found.paths {
                out.push(path);
            }
            out.failed.extend(found.failed);
            out.broken_links += found.broken_links;
            out.other_json += found.other_json;
            out.other_yaml += found.other_yaml;
            out.too_deep += found.too_deep;
            out.dir_links += found.dir_links;
            out.special += found.special;
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Inputs, depth: usize) {
    if depth > MAX_DEPTH {
        out.too_deep += 1;
        return;
    }
    let fail = |out: &mut Inputs, e: std::io::Error| {
        out.paths.push(dir.to_path_buf());
        out.failed.push((
            dir.to_path_buf(),
            FileError {
                kind: "io".to_owned(),
                message: format!("cannot list the directory `{}`: {e}", dir.display()),
            },
        ));
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return fail(out, e),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => return fail(out, e),
        };
        let path = entry.path();
        let kind = entry.file_type();
        if kind.as_ref().is_ok_and(|kind| kind.is_dir()) {
            walk(&path, out, depth + 1);
        } else if kind.as_ref().is_ok_and(|kind| kind.is_symlink())
            && std::fs::metadata(&path).is_err()
        {
            out.broken_links += 1;
        } else if kind.as_ref().is_ok_and(|kind| kind.is_symlink()) && path.is_dir() {
            out.dir_links += 1;
        } else if let Some(ext) = path.extension().and_then(|e| e.to_str())
            && RESUME_EXTENSIONS
                .iter()
                .any(|x| x.eq_ignore_ascii_case(ext))
            && path.is_file()
        {
            if ext.eq_ignore_ascii_case("json") && !is_kind(&path, Kind::JsonResume) {
                out.other_json += 1;
            } else if (ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
                && !is_kind(&path, Kind::Yaml)
            {
                out.other_yaml += 1;
            } else {
                out.paths.push(path);
            }
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|ext| {
                RESUME_EXTENSIONS
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(ext))
            })
            && path.exists()
            && !path.is_file()
            && !path.is_dir()
        {
            out.special += 1;
        }
    }
}

/// True when the file at `path` is of `kind` by its content. An unreadable file counts as
/// one, so that its error is reported rather than the file skipped.
fn is_kind(path: &Path, kind: Kind) -> bool {
    crate::extract::read_input(path)
        .map_or(true, |bytes| crate::extract::detect_decoded(&bytes) == kind)
}

/// Why one file of a batch failed: a stable kind and a one-line message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FileError {
    /// Stable kebab-case kind (`ExtractError::kind()` names, or `other`).
    pub kind: String,
    /// One-line message: the error and its causes, as they are (the report that writes it
    /// makes it safe for the terminal).
    pub message: String,
}

impl FileError {
    /// Classifies an error: the extraction error kind when there is one, `no-skills` for a
    /// posting that names no skill, `no-requirements` for one that asks for none of the
    /// skills it names, else `other`.
    pub(crate) fn from_anyhow(err: &anyhow::Error) -> FileError {
        let kind = err
            .chain()
            .find_map(|e| {
                if let Some(e) = e.downcast_ref::<crate::extract::ExtractError>() {
                    return Some(e.kind());
                }
                e.downcast_ref::<crate::posting::PostingError>()
                    .map(|e| match e {
                        crate::posting::PostingError::NoSkills => "no-skills",
                        crate::posting::PostingError::NothingAsked { .. } => "no-requirements",
                    })
            })
            .unwrap_or("other");
        let message = err
            .chain()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join(": ");
        FileError {
            kind: kind.to_owned(),
            message,
        }
    }
}

/// Runs `work` and then `prepare` on every input with `jobs` threads, and calls `emit` with
/// each prepared result in input order (chunk by chunk). Putting the costly part of the
/// output (serialising a report) in `prepare` keeps it parallel; `emit` only writes. `done`
/// is called once per input as it is prepared, from the worker threads (a progress bar's
/// tick; the bar itself is drawn by the report). Returns how many inputs were reported and how many failed, counted from `work`'s results.
pub(crate) fn run<T, R, W, P, E>(
    inputs: &Inputs,
    jobs: usize,
    done: &(dyn Fn() + Sync),
    work: W,
    prepare: P,
    mut emit: E,
) -> anyhow::Result<Counts>
where
    R: Send,
    W: Fn(&Path) -> Result<T, FileError> + Sync,
    P: Fn(&Path, Result<T, FileError>) -> R + Sync,
    E: FnMut(&Path, R) -> anyhow::Result<()>,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()?;
    let paths = &inputs.paths;
    let mut counts = Counts::default();
    for chunk in paths.chunks(CHUNK) {
        let results: Vec<(bool, R)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|path| {
                    let result = match inputs.failure(path) {
                        Some(error) => Err(error.clone()),
                        None => work(path),
                    };
                    let succeeded = result.is_ok();
                    let prepared = prepare(path, result);
                    done();
                    (succeeded, prepared)
                })
                .collect()
        });
        for (path, (succeeded, prepared)) in chunk.iter().zip(results) {
            if succeeded {
                counts.reported += 1;
            } else {
                counts.failed += 1;
            }
            emit(path, prepared)?;
        }
    }
    Ok(counts)
}

/// How a batch went: every input is counted once, as reported or as failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Inputs whose `work` succeeded (their reports were written).
    pub(crate) reported: usize,
    /// Inputs that failed (an error record or line was written for each).
    pub(crate) failed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdin_is_read_once() {
        let twice = [PathBuf::from("-"), PathBuf::from("-")];
        assert_eq!(
            expand(&twice).unwrap_err().to_string(),
            "stdin (`-`) can be given only once: it can be read only once"
        );
    }

    #[test]
    fn expand_recurses_and_filters_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for f in ["b.pdf", "a.TXT", "notes.csv", "sub/c.docx", "sub/d.md"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        // A FIFO found in a directory is left out (reading it could block forever).
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let got: Vec<String> = expand(&[dir.path().to_path_buf(), PathBuf::from("-")])
            .unwrap()
            .paths
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap_or(p)
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(got, ["a.TXT", "b.pdf", "sub/c.docx", "sub/d.md", "-"]);
        // ... and counted in the note line.
        let inputs = expand(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(inputs.special, 1);
        let mut note = Vec::new();
        inputs.write_notes(&mut note).unwrap();
        assert_eq!(
            String::from_utf8(note).unwrap(),
            "note: skipped 1 FIFO, socket or device named like a resume\n"
        );
    }

    #[test]
    fn an_input_that_failed_early_is_an_error_record_and_the_run_goes_on() {
        let error = FileError {
            kind: "io".into(),
            message: "cannot list the directory: Permission denied (os error 13)".into(),
        };
        let inputs = Inputs {
            paths: vec![
                PathBuf::from("a.txt"),
                PathBuf::from("locked"),
                PathBuf::from("b.txt"),
            ],
            failed: vec![(PathBuf::from("locked"), error.clone())],
            ..Inputs::default()
        };
        let mut seen = Vec::new();
        let counts = run(
            &inputs,
            2,
            &|| {},
            |p| Ok(p.display().to_string()),
            |_, r| r,
            |p, r| {
                seen.push((p.display().to_string(), r));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(
            counts,
            Counts {
                reported: 2,
                failed: 1
            }
        );
        assert_eq!(
            seen,
            [
                ("a.txt".to_owned(), Ok("a.txt".to_owned())),
                ("locked".to_owned(), Err(error)),
                ("b.txt".to_owned(), Ok("b.txt".to_owned())),
            ]
        );
    }

    #[test]
    fn run_keeps_input_order() {
        let inputs = Inputs {
            paths: (0..150).map(|i| PathBuf::from(i.to_string())).collect(),
            ..Inputs::default()
        };
        let mut seen = Vec::new();
        let counts = run(
            &inputs,
            2,
            &|| {},
            |p| {
                let n: usize = p.to_str().unwrap().parse().unwrap();
                if n.is_multiple_of(7) {
                    Err(FileError {
                        kind: "other".into(),
                        message: "x".into(),
                    })
                } else {
                    Ok(n)
                }
            },
            |_, r| r.is_ok(),
            |p, ok| {
                seen.push((p.to_path_buf(), ok));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(
            counts,
            Counts {
                reported: 128,
                failed: 22
            }
        );
        assert!(seen.iter().map(|(p, _)| p).eq(inputs.paths.iter()));
    }
}
