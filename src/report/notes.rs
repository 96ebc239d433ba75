//! Lines for stderr: the error line of a failed run and the notes a run adds to its report.
//! Each takes the writer (stderr in the binary) and makes names and messages safe for the
//! terminal as it writes them.

use std::io::{self, Write};
use std::path::Path;

use super::line;

/// Writes `error: cause: cause: ...`: the error and its causes on one line.
pub(crate) fn write_error(err: &anyhow::Error, out: &mut dyn Write) -> io::Result<()> {
    let causes: Vec<String> = err.chain().map(|e| e.to_string()).collect();
    line(out, &format!("error: {}", causes.join(": ")))
}

/// A one-resume run found no skills in `input` (a path, or `<stdin>`) and picked a role
/// as the best fit, which then means little.
pub(crate) fn no_skills_found(input: &str, out: &mut dyn Write) -> io::Result<()> {
    line(
        out,
        &format!(
            "note: no skills found in `{input}`, so no role fits better than another; name one with --role"
        ),
    )
}

/// One report's `what` ("coverage" or "match score"), `fraction` (0..1), is under
/// `--fail-under limit` (a percentage). Reports round to whole percents, so 66.7% shows as
/// 67% and `--fail-under 67` would fail with no visible reason: the note shows one decimal.
pub(crate) fn under_gate(
    what: &str,
    fraction: f64,
    limit: f64,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "note: {what} {:.1}% is under --fail-under {limit}%; exit status 1",
        fraction * 100.0
    )
}

/// Some reports of a batch have coverage under `--fail-under limit` (a percentage).
pub(crate) fn some_under_gate(limit: f64, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "note: some resumes have coverage under --fail-under {limit}%; exit status 1"
    )
}

/// The man pages were written to `dir`.
pub(crate) fn man_pages_written(dir: &Path, out: &mut dyn Write) -> io::Result<()> {
    line(out, &format!("wrote the man pages to `{}`", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_line_is_one_line_safe_for_the_terminal() {
        let err = anyhow::anyhow!("bad\u{1b}[2J\nfile").context("cannot read `x\u{202e}.txt`");
        let mut out = Vec::new();
        write_error(&err, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "error: cannot read `x.txt`: bad[2Jfile\n"
        );
    }
}
