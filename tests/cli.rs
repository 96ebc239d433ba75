//! Command-line behaviour on the real binary: colour, gates, completions, man page, help.

use std::process::{Command, Output};

fn skillgap_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_skillgap"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run skillgap")
}

fn skillgap(args: &[&str]) -> Output {
    skillgap_env(args, &[])
}

const BACKEND: &str = "fixtures/resumes/backend-developer.txt";

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let never = skillgap(&[
        "analyze",
        BACKEND,
        "--role",
        "backend-engineer",
        "--color",
        "never",
    ]);
    assert!(!never.stdout.contains(&0x1b));
    let auto_pipe = skillgap(&["analyze", BACKEND, "--role", "backend-engineer"]);
    assert!(
        !auto_pipe.stdout.contains(&0x1b),
        "auto in a pipe: no colour"
    );
    let no_color = skillgap_env(
        &[
            "analyze",
            BACKEND,
            "--role",
            "backend-engineer",
            "--color",
            "auto",
        ],
        &[("NO_COLOR", "1")],
    );
    assert!(!no_color.stdout.contains(&0x1b));
    let always = skillgap(&[
        "analyze",
        BACKEND,
        "--role",
        "backend-engineer",
        "--color",
        "always",
    ]);
    let text = String::from_utf8(always.stdout).unwrap();
    assert!(
        text.contains("\u{1b}[1;31mRedis, Kubernetes, AWS\u{1b}[0m"),
        "missing skills stand out"
    );
    // Without the escapes, the coloured output reads the same as the plain one.
    let stripped = regex::Regex::new("\u{1b}\\[[0-9;]*m")
        .unwrap()
        .replace_all(&text, "")
        .into_owned();
    assert_eq!(
        stripped.lines().count(),
        String::from_utf8(never.stdout).unwrap().lines().count()
    );
}

#[test]
fn plain_locale_gets_ascii_bars() {
    let out = skillgap_env(
        &["analyze", BACKEND, "--role", "backend-engineer"],
        &[("LC_ALL", "C")],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Coverage: #######--- 67%"), "{text}");
    assert!(text.is_ascii());
}

#[test]
fn fail_under_gates_the_exit_status() {
    let below = skillgap(&[
        "analyze",
        BACKEND,
        "--role",
        "backend-engineer",
        "--fail-under",
        "70",
    ]);
    assert_eq!(below.status.code(), Some(1));
    let above = skillgap(&[
        "analyze",
        BACKEND,
        "--role",
        "backend-engineer",
        "--fail-under",
        "60",
    ]);
    assert_eq!(above.status.code(), Some(0));
    let batch = skillgap(&[
        "analyze",
        BACKEND,
        "fixtures/resumes/backend-developer.pdf",
        "--role",
        "backend-engineer",
        "--format",
        "jsonl",
        "--fail-under",
        "80",
    ]);
    assert_eq!(batch.status.code(), Some(1));
    let bad = skillgap(&["analyze", BACKEND, "--fail-under", "120"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_skillgap()"),
        ("zsh", "#compdef skillgap"),
        ("fish", "complete -c skillgap"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[skillgap]"),
    ] {
        let out = skillgap(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(marker), "{shell}: {marker}");
        assert!(text.contains("analyze"), "{shell} completes subcommands");
    }
}

#[test]
fn man_page_is_roff() {
    let out = skillgap(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(".ie \\n(.g .ds Aq"), "{}", &text[..40]);
    assert!(text.contains(".TH skillgap 1"));
}

#[test]
fn help_leads_with_examples_and_typos_get_suggestions() {
    let out = skillgap(&["analyze", "--help"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Examples:\n  skillgap analyze resume.pdf --role backend-engineer"));
    assert!(text.contains("Exit status:"));
    let typo = skillgap(&["analyse", BACKEND]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&typo.stderr).contains("a similar subcommand exists: 'analyze'")
    );
}

#[test]
fn closed_pipe_is_not_an_error() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .args(["roles", "show", "backend-engineer"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}
