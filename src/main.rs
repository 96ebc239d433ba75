//! The `skillgap` binary: parse arguments, run, map the result to an exit status.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = skillgap::cli::Cli::parse();
    match skillgap::run(cli) {
        Ok(status) => ExitCode::from(status),
        Err(err) if skillgap::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let causes: Vec<String> = err.chain().map(|e| e.to_string()).collect();
            // One line, and nothing a file or path name brought in can drive the terminal.
            let message = skillgap::report::terminal_safe(&causes.join(": "));
            eprintln!("error: {message}");
            ExitCode::from(skillgap::commands::EXIT_ERROR)
        }
    }
}
