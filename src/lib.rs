//! skillgap: finds the skills in a resume, compares them with a target role, and reports
//! the gap: missing skills, the phase to start at, time to ready and related roles.
//!
//! Data flows one way: document -> text ([`extract`]) -> skills ([`matcher`]) -> gap
//! ([`gap`]) -> report ([`report`]). [`run`] is the entry point of the binary.

pub mod api;
mod batch;
mod check;
pub mod cli;
mod commands;
mod data;
mod english;
pub mod extract;
pub mod gap;
pub mod matcher;
pub mod occupations;
mod posting;
pub mod report;
pub mod roles;
mod sections;
mod suggest;
pub mod taxonomy;

use std::io::{self, Write};

use cli::{Cli, Command, RolesCommand};
use commands::Outcome;

/// Exit status: success.
const EXIT_OK: u8 = 0;
/// Exit status: findings (a failed check or gate; in a batch, some inputs failed).
const EXIT_FINDINGS: u8 = 1;
/// Exit status: the tool could not do its job.
const EXIT_ERROR: u8 = 2;

/// Parses the command line `args` (the program name first) and runs it: the binary's
/// `main`. Help and version go to stdout like any output (a closed pipe is exit 0, another
/// write error one line on stderr and exit 2); a usage error goes to stderr, exit 2.
pub fn main_status(args: impl IntoIterator<Item = std::ffi::OsString>) -> u8 {
    use clap::Parser;
    match Cli::try_parse_from(args) {
        Ok(cli) => run(cli),
        Err(err) if err.use_stderr() => {
            // Nothing is left to report to when stderr itself is gone.
            let _ = err.print();
            // A usage error: the tool could not do its job (clap's own status is 2 too).
            exit_status(&Err(err.into()))
        }
        Err(err) => {
            let printed = err
                .print()
                .and_then(|()| io::stdout().flush())
                .map_err(stdout_error);
            finish(printed.map(|()| Outcome::OK).map_err(anyhow::Error::from))
        }
    }
}

/// Runs a parsed command line, writing results to stdout and an error to stderr, and
/// returns the exit status (`exit_status`).
pub fn run(cli: Cli) -> u8 {
    finish(execute(&cli))
}

/// Writes the error of a run to stderr, unless it is a closed stdout pipe, and returns the
/// exit status.
fn finish(result: anyhow::Result<Outcome>) -> u8 {
    if let Err(err) = &result
        && !is_broken_pipe(err)
    {
        // Nothing is left to report to when stderr itself is gone.
        let _ = report::notes::write_error(err, &mut io::stderr());
    }
    exit_status(&result)
}

/// The exit status of a run, the one place it is decided: 0 ok (and a closed stdout pipe,
/// `skillgap ... | head`, which is not a failure); 1 findings: a gate or check failed, or
/// some inputs of a batch could not be read; 2 the tool could not do its job: an error, or
/// no input of a batch could be read.
fn exit_status(result: &anyhow::Result<Outcome>) -> u8 {
    match result {
        Ok(Outcome::Done { findings: false })
        | Ok(Outcome::Batch {
            failed: 0,
            findings: false,
            ..
        }) => EXIT_OK,
        Ok(Outcome::Batch {
            reported: 0,
            failed: 1..,
            ..
        }) => EXIT_ERROR,
        Ok(_) => EXIT_FINDINGS,
        Err(err) if is_broken_pipe(err) => EXIT_OK,
        Err(_) => EXIT_ERROR,
    }
}

/// Runs the command, writing its results to stdout.
fn execute(cli: &Cli) -> anyhow::Result<Outcome> {
    let stdout = io::stdout();
    let mut out = StdoutWriter(io::BufWriter::new(stdout.lock()));
    let roles_dir = cli.roles_dir.as_deref();
    let style = report::style::Style::detect(cli.color);
    let outcome = match &cli.command {
        Command::Analyze(args) => commands::analyze(args, roles_dir, &style, &mut out)?,
        Command::Extract(args) => commands::extract(args, roles_dir, &style, &mut out)?,
        Command::Text(args) => commands::text(args, &mut out)?,
        Command::Roles(RolesCommand::List { format }) => {
            commands::roles_list(roles_dir, *format, &style, &mut out)?
        }
        Command::Roles(RolesCommand::Show {
            id,
            format,
            related_threshold,
        }) => commands::roles_show(roles_dir, id, *format, *related_threshold, &style, &mut out)?,
        Command::Roles(RolesCommand::Check {
            dir,
            format,
            deny_warnings,
        }) => {
            if let (Some(dir), Some(roles_dir)) = (dir, roles_dir)
                && dir.as_path() != roles_dir
            {
                anyhow::bail!(
                    "`roles check {}` and `--roles-dir {}` name two directories; give one",
                    dir.display(),
                    roles_dir.display()
                );
            }
            commands::roles_check(
                dir.as_deref().or(roles_dir),
                *format,
                *deny_warnings,
                &mut out,
            )?
        }
        Command::Completions { shell } => commands::completions(*shell, roles_dir, &mut out)?,
        Command::Man { out_dir } => commands::man(out_dir.as_deref(), &mut out)?,
    };
    out.flush()?;
    Ok(outcome)
}

/// Stdout of the commands: a failed write says that it was stdout ("cannot write to stdout:
/// No space left on device ...") and keeps its [`io::ErrorKind`], so that a closed pipe is
/// still recognised ([`is_broken_pipe`]).
struct StdoutWriter<W>(W);

impl<W: Write> Write for StdoutWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(stdout_error)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(stdout_error)
    }
}

/// `err`, a failed write to stdout, saying so; the kind is kept.
fn stdout_error(err: io::Error) -> io::Error {
    io::Error::new(err.kind(), format!("cannot write to stdout: {err}"))
}

/// True when `err` is (or is caused by) a closed stdout pipe, which is not a failure
/// (`skillgap ... | head`).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::check::{Code, Diagnostic};
    use crate::commands::check_outcome;

    fn batch(reported: usize, failed: usize) -> anyhow::Result<Outcome> {
        Ok(Outcome::Batch {
            reported,
            failed,
            findings: false,
        })
    }

    #[test]
    fn batch_exit_status_table() {
        assert_eq!(exit_status(&batch(3, 0)), 0);
        assert_eq!(exit_status(&batch(2, 1)), 1);
        assert_eq!(exit_status(&batch(0, 4)), 2);
    }

    #[test]
    fn findings_and_errors() {
        assert_eq!(exit_status(&Ok(Outcome::OK)), 0);
        assert_eq!(exit_status(&Ok(Outcome::Done { findings: true })), 1);
        let gate = Ok(Outcome::Batch {
            reported: 3,
            failed: 0,
            findings: true,
        });
        assert_eq!(exit_status(&gate), 1);
        assert_eq!(exit_status(&Err(anyhow::anyhow!("no such file"))), 2);
        let pipe = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(exit_status(&Err(anyhow::Error::from(pipe))), 0);
    }

    fn diag(code: Code) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            path: PathBuf::from("roles/backend-engineer.json"),
            line: 1,
            column: 9,
            message: "phase `APIs + auth` lists unknown skill `kubernets`".to_owned(),
            help: None,
        }
    }

    #[test]
    fn check_exit_status_follows_errors_and_deny_warnings() {
        let error = diag(Code::UnknownSkill);
        let warning = diag(Code::EmptyMilestones);
        let cases = [
            (vec![], false, 0),
            (vec![], true, 0),
            (vec![warning.clone()], false, 0),
            (vec![warning.clone()], true, 1),
            (vec![error.clone()], false, 1),
            (vec![error, warning], true, 1),
        ];
        for (diags, deny, want) in cases {
            let status = exit_status(&Ok(check_outcome(&diags, deny)));
            assert_eq!(status, want, "{diags:?} {deny}");
        }
    }
}
