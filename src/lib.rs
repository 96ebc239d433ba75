//! skillgap: finds the skills in a resume, compares them with a target role, and reports
//! the gap: missing skills, the phase to start at, time to ready and related roles.
//!
//! Data flows one way: document -> text ([`extract`]) -> skills ([`matcher`]) -> gap
//! ([`gap`]) -> report ([`report`]). [`run`] is the entry point of the binary.

pub mod batch;
pub mod check;
pub mod cli;
pub mod commands;
pub mod english;
pub mod extract;
pub mod gap;
pub mod matcher;
pub mod posting;
pub mod report;
pub mod roles;
pub mod roles_report;
pub mod sections;
pub mod suggest;
pub mod taxonomy;

use std::io::{self, Write};

use cli::{Cli, Command, RolesCommand};

/// Runs a parsed command line, writing results to stdout. Returns the exit status
/// (0 ok, 1 findings, 2 could not run); errors are returned for the caller to print.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let roles_dir = cli.roles_dir.as_deref();
    let style = report::style::Style::detect(cli.color);
    let status = match &cli.command {
        Command::Analyze(args) => commands::analyze(args, roles_dir, &style, &mut out)?,
        Command::Extract(args) => commands::extract(args, roles_dir, &style, &mut out)?,
        Command::Text(args) => commands::text(args, &mut out)?,
        Command::Roles(RolesCommand::List { format }) => {
            roles_report::list(roles_dir, *format, &style, &mut out)?
        }
        Command::Roles(RolesCommand::Show {
            id,
            format,
            related_threshold,
        }) => roles_report::show(roles_dir, id, *format, *related_threshold, &style, &mut out)?,
        Command::Roles(RolesCommand::Check {
            dir,
            format,
            deny_warnings,
        }) => roles_report::check(
            dir.as_deref().or(roles_dir),
            *format,
            *deny_warnings,
            &mut out,
        )?,
        Command::Completions { shell } => {
            clap_complete::generate(
                *shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "skillgap",
                &mut out,
            );
            commands::EXIT_OK
        }
        Command::Man { out_dir } => commands::man(out_dir.as_deref(), &mut out)?,
    };
    out.flush()?;
    Ok(status)
}

/// True when `err` is (or is caused by) a closed stdout pipe, which is not a failure
/// (`skillgap ... | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}
