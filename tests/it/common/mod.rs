//! Helpers shared by the integration tests: run the real binary from the crate root.

use std::io::{Read, Write};
use std::process::{Command, ExitStatus, Output, Stdio};

/// Runs `skillgap ARGS` with the given extra environment (and `NO_COLOR` removed).
pub(crate) fn skillgap_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_skillgap"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run skillgap")
}

/// Runs `skillgap ARGS`.
pub(crate) fn skillgap(args: &[&str]) -> Output {
    skillgap_env(args, &[])
}

/// Runs `skillgap ARGS` with `input` on stdin.
pub(crate) fn skillgap_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run skillgap");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// Runs `skillgap ARGS` with stdout closed before it writes; returns its status and stderr.
pub(crate) fn skillgap_closed_stdout(args: &[&str]) -> (ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run skillgap");
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status, err)
}

/// The JSON report a run printed, after checking it exited 0 (its stderr is the message).
pub(crate) fn json_ok(out: &Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

/// The `id` of every object in the array at `key` of a JSON report, in order.
pub(crate) fn ids_at(report: &serde_json::Value, key: &str) -> Vec<String> {
    report[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is an array"))
        .iter()
        .map(|s| s["id"].as_str().expect("an id").to_owned())
        .collect()
}
