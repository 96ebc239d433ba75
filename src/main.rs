//! The `skillgap` binary: parse arguments, run, and exit with the status the library
//! decides (`skillgap::exit_status`).

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(skillgap::main_status(std::env::args_os()))
}
