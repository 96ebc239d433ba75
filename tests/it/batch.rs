//! Batch mode on the real binary: input order, error records, exit status 0/1/2, and
//! identical output whatever the number of jobs.

use std::path::Path;
use std::process::Output;

use crate::common::{skillgap, skillgap_closed_stdout};

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// A directory with good and bad resumes, named so that sorted order is known.
fn batch_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("fixtures/resumes/backend-developer.pdf"),
        dir.path().join("a-backend.pdf"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b-broken.pdf"), b"%PDF-1.7\n1 0 obj <<").unwrap();
    std::fs::copy(
        root.join("fixtures/resumes/backend-developer.txt"),
        dir.path().join("c-backend.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("d-empty.md"), b"").unwrap();
    std::fs::write(dir.path().join("ignored.csv"), b"Python").unwrap();
    dir
}

#[test]
fn jsonl_keeps_input_order_and_reports_failures() {
    let dir = batch_dir();
    let d = dir.path().to_str().unwrap();
    let out = skillgap(&[
        "analyze",
        d,
        "--role",
        "backend-engineer",
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(1), "some failed: exit 1");
    let records = lines(&out);
    let names: Vec<String> = records
        .iter()
        .map(|r| {
            Path::new(r["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "a-backend.pdf",
            "b-broken.pdf",
            "c-backend.txt",
            "d-empty.md"
        ]
    );
    assert_eq!(records[0]["missing_skills"].as_array().unwrap().len(), 3);
    assert_eq!(records[0]["recommended_phase"]["index"], 3);
    assert!(records[1]["error"]["kind"].is_string());
    assert!(
        records[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("b-broken.pdf")
    );
    assert_eq!(records[2]["time_to_ready"]["months"], 4.0);
    assert_eq!(records[3]["error"]["kind"], "empty");
}

#[test]
fn all_ok_exits_0_and_none_ok_exits_2() {
    let ok = skillgap(&[
        "extract",
        "fixtures/resumes/backend-developer.txt",
        "fixtures/resumes/backend-developer.pdf",
        "--format",
        "jsonl",
    ]);
    assert_eq!(ok.status.code(), Some(0));
    let records = lines(&ok);
    assert_eq!(records.len(), 2);
    let ids = |r: &serde_json::Value| -> Vec<String> {
        r["skills"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&records[0]),
        ids(&records[1]),
        "the same resume as text and PDF"
    );
    assert!(ids(&records[0]).contains(&"postgresql".to_owned()));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.pdf"), b"%PDF-1.4 garbage").unwrap();
    std::fs::write(dir.path().join("y.txt"), b"").unwrap();
    let none = skillgap(&["extract", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(none.status.code(), Some(2));
    assert_eq!(lines(&none).len(), 2);
}

#[test]
fn jobs_do_not_change_output() {
    let dir = batch_dir();
    let d = dir.path().to_str().unwrap();
    let one = skillgap(&[
        "analyze",
        d,
        "fixtures/resumes",
        "--format",
        "jsonl",
        "--jobs",
        "1",
    ]);
    let two = skillgap(&[
        "analyze",
        d,
        "fixtures/resumes",
        "--format",
        "jsonl",
        "--jobs",
        "2",
    ]);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(
        lines(&one).len(),
        13,
        "4 in the batch dir, 9 in fixtures/resumes"
    );
}

#[test]
fn summary_table_counts_and_common_missing_skills() {
    let dir = batch_dir();
    let out = skillgap(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "--role",
        "backend-engineer",
        "--format",
        "table",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Analysed 2 resumes, 2 failed\n"), "{text}");
    assert!(
        text.contains("Most common missing skills: AWS (2), Kubernetes (2), Redis (2)\n"),
        "{text}"
    );
    assert!(text.contains("failed: "));
}

#[test]
fn json_format_with_several_inputs_is_an_array() {
    let out = skillgap(&[
        "extract",
        "fixtures/resumes/backend-developer.txt",
        "fixtures/docx/backend-developer.docx",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[1]["path"], "fixtures/docx/backend-developer.docx");
}

#[test]
fn a_closed_pipe_ends_a_batch_quietly() {
    let (status, err) = skillgap_closed_stdout(&[
        "extract",
        "fixtures/resumes",
        "fixtures/docx",
        "fixtures/jsonresume",
        "--format",
        "jsonl",
        "--jobs",
        "1",
    ]);
    assert!(err.is_empty(), "{err}");
    assert_ne!(status.code(), Some(2), "a closed pipe is not a failure");
}

/// Runs `skillgap ARGS` and returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = skillgap(args);
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The file names of the records of JSON Lines output.
fn record_names(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let path = v["path"].as_str().unwrap().to_owned();
            Path::new(&path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn directories_take_json_resumes_and_count_other_json() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("fixtures/jsonresume/backend-developer.json"),
        dir.path().join("a-resume.json"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b-package.json"), br#"{"name": "x"}"#).unwrap();
    std::fs::copy(
        root.join("fixtures/resumes/backend-developer.txt"),
        dir.path().join("c-resume.txt"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, stdout, stderr) = run(&["extract", d, "--format", "jsonl"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(record_names(&stdout), ["a-resume.json", "c-resume.txt"]);
    assert_eq!(
        stderr,
        "note: skipped 1 .json file that is not a JSON Resume\n"
    );
}

#[test]
fn directories_take_latex_and_yaml_resumes_and_count_other_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("fixtures/resumes/data-engineer-moderncv.tex", "a.tex"),
        ("fixtures/resumes/ml-engineer-rendercv.yaml", "b.yaml"),
        (
            "fixtures/resumes/frontend-developer.jsonresume.yaml",
            "c.YML",
        ),
    ] {
        std::fs::copy(root.join(from), dir.path().join(to)).unwrap();
    }
    std::fs::write(
        dir.path().join("d-ci.yml"),
        "on: push
jobs: {}
",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("e-broken.yaml"),
        "skills: [Python
",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, stdout, stderr) = run(&["extract", d, "--format", "jsonl"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(record_names(&stdout), ["a.tex", "b.yaml", "c.YML"]);
    assert_eq!(stderr, "note: skipped 2 YAML files that are not resumes\n");
}

#[test]
fn a_file_reached_twice_is_processed_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for name in ["a.txt", "sub/b.txt"] {
        std::fs::copy(
            root.join("fixtures/resumes/backend-developer.txt"),
            dir.path().join(name),
        )
        .unwrap();
    }
    let d = dir.path().to_str().unwrap();
    let sub = format!("{d}/sub");
    let again = format!("{d}/sub/../a.txt");
    let (code, stdout, stderr) = run(&["extract", d, &sub, &again, "--format", "jsonl"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(record_names(&stdout), ["a.txt", "b.txt"]);
    assert_eq!(stderr, "");
}

#[test]
fn broken_symbolic_links_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("fixtures/resumes/backend-developer.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.pdf"), dir.path().join("b.pdf")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("c.txt")).unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, stdout, stderr) = run(&["extract", d, "--format", "jsonl"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(record_names(&stdout), ["a.txt"]);
    assert_eq!(stderr, "note: skipped 2 broken symbolic links\n");
    let (_, stdout, stderr) = run(&["analyze", d, "--format", "table"]);
    assert!(
        stdout.starts_with("Analysed 1 resume, 0 failed\n"),
        "{stdout}"
    );
    assert_eq!(stderr, "note: skipped 2 broken symbolic links\n");
}

#[test]
fn a_directory_that_cannot_be_listed_is_named_on_stderr_in_table_mode() {
    // chmod 000 stops everyone but root; /proc/1/map_files stops root without
    // CAP_SYS_ADMIN (a container) too.
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let locked = [locked, Path::new("/proc/1/map_files").to_path_buf()]
        .into_iter()
        .find(|d| d.is_dir() && std::fs::read_dir(d).map_or(true, |mut it| it.any(|e| e.is_err())));
    let Some(locked) = locked else {
        eprintln!("skipped: every directory can be listed here");
        return;
    };
    let l = locked.to_str().unwrap();
    let txt = "fixtures/resumes/backend-developer.txt";
    let want = format!("error: cannot list the directory `{l}`: Permission denied (os error 13)\n");
    let (code, stdout, stderr) = run(&["extract", l, txt, "--format", "table"]);
    assert_eq!(code, Some(1));
    assert!(stdout.starts_with(&format!("{txt}: Python")), "{stdout}");
    assert!(!stdout.contains("cannot list"), "{stdout}");
    assert_eq!(stderr, want);
    let (code, stdout, stderr) = run(&["analyze", l, txt, "--format", "table"]);
    assert_eq!(code, Some(1));
    assert!(
        stdout.starts_with("Analysed 1 resume, 0 failed\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("cannot list"), "{stdout}");
    assert_eq!(stderr, want);
    // JSON Lines keeps it as an error record, naming the directory.
    let (_, stdout, _) = run(&["extract", l, txt, "--format", "jsonl"]);
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["error"]["kind"], "io");
    assert_eq!(
        first["error"]["message"],
        format!("cannot list the directory `{l}`: Permission denied (os error 13)")
    );
    let _ = std::fs::set_permissions(
        dir.path().join("locked"),
        std::fs::Permissions::from_mode(0o755),
    );
}

#[test]
fn a_directory_without_resumes_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
    let d = dir.path().to_str().unwrap();
    for command in ["analyze", "extract"] {
        let out = skillgap(&[command, d]);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "error: no resume files (.pdf, .docx, .md, .markdown, .txt, .json, .tex, .yaml, .yml) in `{d}`\n"
            )
        );
    }
}

#[test]
#[cfg(unix)]
fn links_to_directories_and_too_deep_directories_are_noted_not_silently_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    std::fs::copy(BACKEND_TXT_FOR_BATCH, real.join("r.txt")).unwrap();
    let linked = dir.path().join("linked");
    std::fs::create_dir(&linked).unwrap();
    std::os::unix::fs::symlink(&real, linked.join("to-real")).unwrap();
    let out = skillgap(&["analyze", linked.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("note: skipped 1 symbolic link to a directory (not followed)"),
        "{err}"
    );
    let mut deep = dir.path().join("deep");
    for _ in 0..34 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::copy(BACKEND_TXT_FOR_BATCH, deep.join("r.txt")).unwrap();
    let out = skillgap(&["analyze", dir.path().join("deep").to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("note: skipped 1 directory deeper than 32 levels"),
        "{err}"
    );
}

const BACKEND_TXT_FOR_BATCH: &str = "fixtures/resumes/backend-developer.txt";
