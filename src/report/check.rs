//! Output formats of `roles check`: pure functions from diagnostics to bytes on a writer.
//! They count what the check found ([`Counts`]) and decide no exit status.

use std::io::{self, Write};

use serde::Serialize;

use super::{line, terminal_safe};
use crate::check::{Diagnostic, Severity, slash_path};

/// How `roles check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CheckFormat {
    /// `path:line:col: error[code]: message`, a `help:` line, and a summary line.
    #[default]
    Human,
    /// One JSON object per line: each diagnostic, then a summary.
    Json,
    /// GitHub Actions workflow commands (`::error file=...::message`), then the summary line.
    Github,
}

/// Writes `diags` in `format`, followed by the summary (`files` is the number of files checked).
pub(crate) fn render(
    diags: &[Diagnostic],
    files: usize,
    format: CheckFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        CheckFormat::Human => {
            for d in diags {
                human(d, out)?;
            }
            summary(diags, files, out)
        }
        CheckFormat::Json => json(diags, files, out),
        CheckFormat::Github => {
            for d in diags {
                github(d, out)?;
            }
            summary(diags, files, out)
        }
    }
}

/// How many findings of each severity a check has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Findings of [`Severity::Error`].
    pub errors: usize,
    /// Findings of [`Severity::Warning`].
    pub warnings: usize,
}

impl Counts {
    /// Counts `diags` by severity.
    pub(crate) fn of(diags: &[Diagnostic]) -> Counts {
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Counts {
            errors,
            warnings: diags.len() - errors,
        }
    }
}

/// `path:line:col` or just `path` for a finding about a whole file.
fn location(d: &Diagnostic) -> String {
    let path = slash_path(&d.path);
    if d.line == 0 {
        path
    } else {
        format!("{path}:{}:{}", d.line, d.column)
    }
}

fn human(d: &Diagnostic, out: &mut dyn Write) -> io::Result<()> {
    line(
        out,
        &format!(
            "{}: {}[{}]: {}",
            location(d),
            d.severity.as_str(),
            d.code.as_str(),
            d.message
        ),
    )?;
    if let Some(help) = &d.help {
        line(out, &format!("  help: {help}"))?;
    }
    Ok(())
}

fn summary(diags: &[Diagnostic], files: usize, out: &mut dyn Write) -> io::Result<()> {
    let Counts { errors, warnings } = Counts::of(diags);
    writeln!(
        out,
        "check: {} in {}",
        [plural(errors, "error"), plural(warnings, "warning")].join(", "),
        plural(files, "file")
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A line of `--format json`. Field order is the output order.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum JsonLine<'a> {
    Diagnostic {
        code: &'a str,
        severity: &'a str,
        path: String,
        line: usize,
        column: usize,
        message: &'a str,
        help: Option<&'a str>,
    },
    Summary {
        errors: usize,
        warnings: usize,
        files: usize,
    },
}

fn json(diags: &[Diagnostic], files: usize, out: &mut dyn Write) -> io::Result<()> {
    for d in diags {
        let line = JsonLine::Diagnostic {
            code: d.code.as_str(),
            severity: d.severity.as_str(),
            path: slash_path(&d.path),
            line: d.line,
            column: d.column,
            message: &d.message,
            help: d.help.as_deref(),
        };
        serde_json::to_writer(&mut *out, &line)?;
        writeln!(out)?;
    }
    let Counts { errors, warnings } = Counts::of(diags);
    let summary = JsonLine::Summary {
        errors,
        warnings,
        files,
    };
    serde_json::to_writer(&mut *out, &summary)?;
    writeln!(out)
}

/// `::error file=PATH,line=N,col=M,title=CODE::message`; the help goes on a second line of
/// the message. Whole-file findings have no `line` or `col`.
fn github(d: &Diagnostic, out: &mut dyn Write) -> io::Result<()> {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let path = terminal_safe(&slash_path(&d.path));
    let mut props = format!("file={}", escape_property(&path));
    if d.line > 0 {
        props.push_str(&format!(",line={},col={}", d.line, d.column));
    }
    props.push_str(&format!(",title={}", escape_property(d.code.as_str())));
    let mut message = terminal_safe(&d.message);
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(&terminal_safe(help));
    }
    writeln!(out, "::{command} {props}::{}", escape_data(&message))
}

/// Escapes a workflow command's message: `%`, `\r` and `\n`.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value: as a message, plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::check::Code;

    fn diag(code: Code, line: usize, help: Option<&str>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            path: PathBuf::from("roles/backend-engineer.json"),
            line,
            column: if line == 0 { 0 } else { 9 },
            message: "phase `APIs + auth` lists unknown skill `kubernets`".to_owned(),
            help: help.map(str::to_owned),
        }
    }

    fn rendered(diags: &[Diagnostic], files: usize, format: CheckFormat) -> String {
        let mut out = Vec::new();
        render(diags, files, format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn human_matches_the_house_style() {
        let d = [diag(
            Code::UnknownSkill,
            14,
            Some("did you mean `kubernetes`?"),
        )];
        assert_eq!(
            rendered(&d, 21, CheckFormat::Human),
            "roles/backend-engineer.json:14:9: error[unknown-skill]: phase `APIs + auth` lists unknown skill `kubernets`\n  help: did you mean `kubernetes`?\ncheck: 1 error, 0 warnings in 21 files\n"
        );
        assert_eq!(
            rendered(&[], 1, CheckFormat::Human),
            "check: 0 errors, 0 warnings in 1 file\n"
        );
    }

    #[test]
    fn whole_file_findings_have_no_position() {
        let d = [diag(Code::UnreadableFile, 0, None)];
        let human = rendered(&d, 2, CheckFormat::Human);
        assert!(human.starts_with("roles/backend-engineer.json: error[unreadable-file]: "));
        let github = rendered(&d, 2, CheckFormat::Github);
        assert!(
            github.starts_with("::error file=roles/backend-engineer.json,title=unreadable-file::")
        );
    }

    #[test]
    fn json_is_one_object_per_line_then_a_summary() {
        let d = [
            diag(Code::UnknownSkill, 14, Some("did you mean `kubernetes`?")),
            diag(Code::EmptyMilestones, 3, None),
        ];
        let text = rendered(&d, 21, CheckFormat::Json);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                r#"{"type":"diagnostic","code":"unknown-skill","severity":"error","path":"roles/backend-engineer.json","line":14,"column":9,"message":"phase `APIs + auth` lists unknown skill `kubernets`","help":"did you mean `kubernetes`?"}"#,
                r#"{"type":"diagnostic","code":"empty-milestones","severity":"warning","path":"roles/backend-engineer.json","line":3,"column":9,"message":"phase `APIs + auth` lists unknown skill `kubernets`","help":null}"#,
                r#"{"type":"summary","errors":1,"warnings":1,"files":21}"#,
            ]
        );
    }

    #[test]
    fn github_escapes_per_workflow_command_rules() {
        // Control characters in a message or help are dropped (the CR LF here); the line
        // break before the help is escaped.
        let mut d = diag(Code::EmptyMilestones, 3, Some("100% sure\r\nreally"));
        d.path = PathBuf::from("dir,with:odd%chars/x.json");
        d.message = "a: b, c".to_owned();
        let text = rendered(&[d], 1, CheckFormat::Github);
        assert_eq!(
            text,
            "::warning file=dir%2Cwith%3Aodd%25chars/x.json,line=3,col=9,title=empty-milestones::a: b, c%0Ahelp: 100%25 surereally\ncheck: 0 errors, 1 warning in 1 file\n"
        );
    }
}
