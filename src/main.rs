//! The `skillgap` binary: parse arguments, run, and exit with the status the library
//! decides (`skillgap::exit_status`).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    ExitCode::from(skillgap::run(skillgap::cli::Cli::parse()))
}
