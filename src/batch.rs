//! Many inputs at once: expands directories into resume files, processes files in
//! parallel (rayon) while keeping input order, and summarises a batch for people.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use rayon::prelude::*;
use serde::Serialize;

/// File extensions taken from directories (case-insensitive).
pub const RESUME_EXTENSIONS: &[&str] = &["pdf", "docx", "md", "markdown", "txt"];

/// Inputs processed per parallel chunk: results are written chunk by chunk so memory stays
/// bounded on large batches.
const CHUNK: usize = 64;

/// Expands the command-line inputs: files (and `-`) as given, directories recursively into
/// their files with a [`RESUME_EXTENSIONS`] extension, sorted by path. Errors when a
/// directory cannot be listed.
pub fn expand(inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    if inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        anyhow::bail!("stdin (`-`) can be given only once: it can be read only once");
    }
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found, 0)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> anyhow::Result<()> {
    if depth > 32 {
        return Ok(());
    }
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("reading directory `{}`", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading directory `{}`", dir.display()))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .with_context(|| format!("reading `{}`", path.display()))?;
        if kind.is_dir() {
            walk(&path, out, depth + 1)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| RESUME_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Why one file of a batch failed: a stable kind and a one-line message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileError {
    /// Stable kebab-case kind (`ExtractError::kind()` names, or `other`).
    pub kind: String,
    /// One-line message.
    pub message: String,
}

impl FileError {
    /// Classifies an error: the extraction error kind when there is one, else `other`.
    pub fn from_anyhow(err: &anyhow::Error) -> FileError {
        let kind = err
            .chain()
            .find_map(|e| e.downcast_ref::<crate::extract::ExtractError>())
            .map_or("other", |e| e.kind());
        let message = err
            .chain()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join(": ");
        FileError {
            kind: kind.to_string(),
            message: crate::report::terminal_safe(&message),
        }
    }
}

/// One JSON Lines record: the report with its path, or the error.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Record<T: Serialize> {
    /// A processed file.
    Ok {
        /// The input path.
        path: String,
        /// The report's fields, flattened.
        #[serde(flatten)]
        report: T,
    },
    /// A file that failed.
    Err {
        /// The input path.
        path: String,
        /// What went wrong.
        error: FileError,
    },
}

/// Runs `work` and then `prepare` on every input with `jobs` threads, and calls `emit` with
/// each prepared result in input order (chunk by chunk). Putting the costly part of the
/// output (serialising a report) in `prepare` keeps it parallel; `emit` only writes. Shows a
/// progress bar on stderr when stderr is a terminal and there are at least 20 inputs.
/// Returns (succeeded, failed), counted from `work`'s results.
pub fn run<T, R, W, P, E>(
    inputs: &[PathBuf],
    jobs: usize,
    work: W,
    prepare: P,
    mut emit: E,
) -> anyhow::Result<(usize, usize)>
where
    R: Send,
    W: Fn(&Path) -> Result<T, FileError> + Sync,
    P: Fn(&Path, Result<T, FileError>) -> R + Sync,
    E: FnMut(&Path, R) -> anyhow::Result<()>,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()?;
    let progress = (inputs.len() >= 20 && std::io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(inputs.len() as u64));
    let (mut ok, mut failed) = (0, 0);
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<(bool, R)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|path| {
                    let result = work(path);
                    let succeeded = result.is_ok();
                    let prepared = prepare(path, result);
                    if let Some(p) = &progress {
                        p.inc(1);
                    }
                    (succeeded, prepared)
                })
                .collect()
        });
        for (path, (succeeded, prepared)) in chunk.iter().zip(results) {
            if succeeded {
                ok += 1;
            } else {
                failed += 1;
            }
            emit(path, prepared)?;
        }
    }
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    Ok((ok, failed))
}

/// The exit status of a batch: 0 all succeeded, 1 some failed, 2 none succeeded.
pub fn exit_status(ok: usize, failed: usize) -> u8 {
    match (ok, failed) {
        (_, 0) => 0,
        (0, _) => 2,
        _ => 1,
    }
}

/// Counts of missing skills across a batch, for the summary table.
#[derive(Debug, Default)]
pub struct MissingTally {
    counts: BTreeMap<String, usize>,
}

impl MissingTally {
    /// Counts each missing skill name of one report once.
    pub fn add<'a>(&mut self, names: impl Iterator<Item = &'a str>) {
        for name in names {
            *self.counts.entry(name.to_string()).or_default() += 1;
        }
    }

    /// The `n` most common, most first (ties by name).
    pub fn top(&self, n: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self.counts.iter().map(|(k, &c)| (k.as_str(), c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// Writes `value` as one JSON line.
pub fn write_line<T: Serialize>(value: &T, out: &mut dyn Write) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_status_table() {
        assert_eq!(exit_status(3, 0), 0);
        assert_eq!(exit_status(2, 1), 1);
        assert_eq!(exit_status(0, 4), 2);
    }

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
        let got: Vec<String> = expand(&[dir.path().to_path_buf(), PathBuf::from("-")])
            .unwrap()
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap_or(p)
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(got, ["a.TXT", "b.pdf", "sub/c.docx", "sub/d.md", "-"]);
    }

    #[test]
    fn run_keeps_input_order() {
        let inputs: Vec<PathBuf> = (0..150).map(|i| PathBuf::from(i.to_string())).collect();
        let mut seen = Vec::new();
        let (ok, failed) = run(
            &inputs,
            2,
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
        assert_eq!((ok, failed), (128, 22));
        assert!(seen.iter().map(|(p, _)| p).eq(inputs.iter()));
    }

    #[test]
    fn tally_ranks_by_count_then_name() {
        let mut t = MissingTally::default();
        t.add(["Redis", "AWS"].into_iter());
        t.add(["AWS", "Kubernetes"].into_iter());
        assert_eq!(t.top(2), vec![("AWS", 2), ("Kubernetes", 1)]);
    }
}
