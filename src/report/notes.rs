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
/// 67% and `--fail-under 67` would fail with no visible reason: the note shows the share
/// with as many decimals as it takes to be under the limit as written ([`percent_under`]).
pub(crate) fn under_gate(
    what: &str,
    fraction: f64,
    limit: f64,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "note: {what} {}% is under --fail-under {limit}%; exit status 1",
        percent_under(fraction, limit)
    )
}

/// How many of the resumes under the gate a batch note names; the rest are counted.
const NAMED_UNDER_GATE: usize = 5;

/// Resumes of a batch of `analysed` have coverage under `--fail-under limit` (a
/// percentage): `under`, (path, coverage 0..1) in input order. The note names the first
/// [`NAMED_UNDER_GATE`] with their coverage and counts the rest.
pub(crate) fn some_under_gate(
    under: &[(String, f64)],
    analysed: usize,
    limit: f64,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut named: Vec<String> = (under.iter().take(NAMED_UNDER_GATE))
        .map(|(path, fraction)| format!("{path} ({}%)", percent_under(*fraction, limit)))
        .collect();
    if under.len() > NAMED_UNDER_GATE {
        named.push(format!("and {} more", under.len() - NAMED_UNDER_GATE));
    }
    let (count, verb) = match under.len() {
        1 => ("1".to_owned(), "has"),
        n => (n.to_string(), "have"),
    };
    line(
        out,
        &format!(
            "note: {count} of {analysed} resumes {verb} coverage under --fail-under {limit}%: {}; \
             exit status 1",
            named.join(", ")
        ),
    )
}

/// `fraction` (0..1) as a percent with one decimal, or more (up to 9) when one decimal
/// would round it up to `limit` (a percentage) or over: 66.666..% under a limit of 66.7 is
/// "66.67", under 67 "66.7". For a `fraction` under the limit by more than 1e-9 percent
/// (the gate's tolerance) the result is always under it.
pub(crate) fn percent_under(fraction: f64, limit: f64) -> String {
    let percent = fraction * 100.0;
    (1..=9)
        .map(|decimals| format!("{percent:.decimals$}"))
        .find(|shown| shown.parse::<f64>().is_ok_and(|v| v < limit))
        .unwrap_or_else(|| format!("{percent:.9}"))
}

/// The man pages were written to `dir`.
pub(crate) fn man_pages_written(dir: &Path, out: &mut dyn Write) -> io::Result<()> {
    line(out, &format!("wrote the man pages to `{}`", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_under_the_limit_is_shown_under_it() {
        let two_thirds = 2.0 / 3.0;
        assert_eq!(percent_under(two_thirds, 67.0), "66.7");
        assert_eq!(percent_under(two_thirds, 66.7), "66.67");
        assert_eq!(percent_under(two_thirds, 66.67), "66.667");
        assert_eq!(percent_under(0.6696, 67.0), "66.96");
        assert_eq!(percent_under(0.5, 80.0), "50.0");
    }

    #[test]
    fn the_batch_note_names_the_resumes_under_the_gate() {
        let note = |under: &[(String, f64)]| {
            let mut out = Vec::new();
            some_under_gate(under, 9, 80.0, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let one = [("a.pdf".to_owned(), 0.5)];
        assert_eq!(
            note(&one),
            "note: 1 of 9 resumes has coverage under --fail-under 80%: a.pdf (50.0%); exit status 1\n"
        );
        let seven: Vec<(String, f64)> = (1..=7).map(|i| (format!("r{i}.md"), 0.1)).collect();
        assert_eq!(
            note(&seven),
            "note: 7 of 9 resumes have coverage under --fail-under 80%: r1.md (10.0%), r2.md \
             (10.0%), r3.md (10.0%), r4.md (10.0%), r5.md (10.0%), and 2 more; exit status 1\n"
        );
    }

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
