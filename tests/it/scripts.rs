//! The evaluation scripts in a fresh clone, where the shared corpus is missing: one error
//! line saying what they need, exit 2, before building or installing anything.

use std::process::Command;

fn run(program: &str, args: &[&str], env: (&str, &str)) -> (Option<i32>, String) {
    let out = Command::new(program)
        .args(args)
        .env(env.0, env.1)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run the script");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn scripts_without_the_corpus_say_what_they_need() {
    let empty = tempfile::tempdir().unwrap();
    let dir = empty.path().to_str().unwrap();
    let corpus_arg = format!("--corpus={dir}");
    let cases = [
        (
            run(
                "python3",
                &["scripts/eval-skills.py", &corpus_arg],
                ("PATH", &std::env::var("PATH").unwrap()),
            ),
            "lacks labels.json, pdf, true-positives.json, false-positives.txt",
        ),
        (
            run(
                "bash",
                &["scripts/eval-text.sh", "bad"],
                ("SKILLGAP_CORPUS", dir),
            ),
            "/bad` not found: this evaluation needs the shared corpus",
        ),
        (
            run(
                "bash",
                &["scripts/bench.sh"],
                ("CORPUS", &format!("{dir}/pdf")),
            ),
            "/pdf` not found: the benchmarks time the resume PDFs",
        ),
    ];
    for ((code, err), want) in cases {
        assert_eq!(code, Some(2), "{err}");
        assert!(err.starts_with("error: "), "{err}");
        assert!(err.contains(want), "{err}");
        assert!(!err.contains("Traceback"), "{err}");
    }
}
