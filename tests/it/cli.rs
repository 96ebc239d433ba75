//! Command-line behaviour on the real binary: colour, gates, completions, man page, help.

use crate::common::{ids_at, json_ok, skillgap, skillgap_closed_stdout, skillgap_env};

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
        "67",
    ]);
    // 6 of 9 skills: shown as 67%, 66.7% exactly, and stderr says why the gate failed.
    assert_eq!(below.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&below.stderr),
        "note: coverage 66.7% is under --fail-under 67%; exit status 1\n"
    );
    let above = skillgap(&[
        "analyze",
        BACKEND,
        "--role",
        "backend-engineer",
        "--fail-under",
        "60",
    ]);
    assert_eq!(above.status.code(), Some(0));
    assert!(above.stderr.is_empty());
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
    assert_eq!(
        String::from_utf8_lossy(&batch.stderr),
        "note: 2 of 2 resumes have coverage under --fail-under 80%: \
         fixtures/resumes/backend-developer.txt (66.7%), fixtures/resumes/backend-developer.pdf \
         (66.7%); exit status 1\n"
    );
    let bad = skillgap(&["analyze", BACKEND, "--fail-under", "120"]);
    assert_eq!(bad.status.code(), Some(2));
    // A limit with a decimal: the coverage is shown with enough digits to be under it.
    let close = skillgap(&[
        "analyze",
        BACKEND,
        "--role",
        "backend-engineer",
        "--fail-under",
        "66.7",
    ]);
    assert_eq!(close.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&close.stderr),
        "note: coverage 66.67% is under --fail-under 66.7%; exit status 1\n"
    );
    // In a table batch too, only the resumes under the gate are named.
    let table = skillgap(&[
        "analyze",
        BACKEND,
        "fixtures/resumes/false-positives.txt",
        "--role",
        "backend-engineer",
        "--format",
        "table",
        "--fail-under",
        "50",
    ]);
    assert_eq!(table.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&table.stderr),
        "note: 1 of 2 resumes has coverage under --fail-under 50%: \
         fixtures/resumes/false-positives.txt (0.0%); exit status 1\n"
    );
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
fn man_out_dir_writes_every_page_the_main_page_names() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("man1");
    let out = skillgap(&["man", "--out-dir", pages.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut written: Vec<String> = std::fs::read_dir(&pages)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "skillgap-analyze.1",
            "skillgap-completions.1",
            "skillgap-extract.1",
            "skillgap-man.1",
            "skillgap-roles-check.1",
            "skillgap-roles-list.1",
            "skillgap-roles-show.1",
            "skillgap-roles.1",
            "skillgap-text.1",
            "skillgap.1",
        ]
    );
    // The printed page names its subcommands' pages as "skillgap\-analyze(1)".
    let main = String::from_utf8(skillgap(&["man"]).stdout).unwrap();
    let named: Vec<String> = main
        .lines()
        .filter_map(|l| l.strip_suffix("(1)"))
        .map(|name| format!("{}.1", name.replace("\\-", "-")))
        .collect();
    assert_eq!(named.len(), 6, "{main}");
    for page in named {
        assert!(written.contains(&page), "{page} is named but not written");
    }
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let not_dir = skillgap(&["man", "--out-dir", file.to_str().unwrap()]);
    assert_eq!(not_dir.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&not_dir.stderr),
        format!(
            "error: cannot write the man pages to `{}`: it is not a directory\n",
            file.display()
        )
    );
    let bad = skillgap(&["man", "--out-dir", "/dev/null/x"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr),
        "error: cannot create `/dev/null/x`: Not a directory (os error 20)\n"
    );
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
    let (status, err) = skillgap_closed_stdout(&["roles", "show", "backend-engineer"]);
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn job_posting_splits_required_and_preferred() {
    let out = skillgap(&[
        "analyze",
        BACKEND,
        "--job",
        "fixtures/postings/backend-posting.md",
        "--format",
        "json",
    ]);
    let v = json_ok(&out);
    let ids = |key: &str| ids_at(&v, key);
    assert_eq!(
        ids("required"),
        ["typescript", "sql", "postgresql", "docker", "kubernetes"]
    );
    assert_eq!(
        ids("preferred"),
        ["kafka", "aws", "terraform", "redis", "caching"]
    );
    // REST APIs are named among the duties ("What you'll do"): context, not counted.
    assert_eq!(ids("context"), ["rest-apis"]);
    assert_eq!(v["not_required"], serde_json::json!([]));
    assert_eq!(
        v["required"][0]["any_of"],
        serde_json::json!(["typescript", "rust", "java"]),
        "either-or"
    );
    assert_eq!(ids("missing_required"), ["typescript", "kubernetes"]);
    assert_eq!(v["match_score"], 0.4);
    assert_eq!(v["similar_roles"][0]["id"], "backend-engineer");
    assert_eq!(v["role_gap"]["recommended_phase"]["index"], 3);
    assert_eq!(v["role_gap"]["time_to_ready"]["months"], 4.0);
    let gate = skillgap(&[
        "analyze",
        BACKEND,
        "--job",
        "fixtures/postings/backend-posting.md",
        "--fail-under",
        "50",
    ]);
    assert_eq!(gate.status.code(), Some(1));
}

#[test]
fn either_or_requirement_is_met_by_any_member() {
    let dir = tempfile::tempdir().unwrap();
    let posting = dir.path().join("posting.md");
    std::fs::write(
        &posting,
        "## Requirements\n- TypeScript, Rust or Python\n- Docker\n",
    )
    .unwrap();
    let out = skillgap(&[
        "analyze",
        BACKEND,
        "--job",
        posting.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["match_score"], 1.0);
    assert_eq!(v["missing_required"], serde_json::json!([]));
}

#[test]
fn context_and_not_required_are_shown_apart_and_not_counted() {
    let dir = tempfile::tempdir().unwrap();
    let posting = dir.path().join("posting.md");
    std::fs::write(
        &posting,
        "## Our stack\nPython, Redis and Kafka.\n## Requirements\n- Experience with Docker\n\
         - No Kubernetes experience needed\n",
    )
    .unwrap();
    let args = |format: &str| {
        skillgap(&[
            "analyze",
            BACKEND,
            "--job",
            posting.to_str().unwrap(),
            "--format",
            format,
        ])
    };
    let v = json_ok(&args("json"));
    assert_eq!(ids_at(&v, "required"), ["docker"]);
    assert_eq!(ids_at(&v, "context"), ["python", "redis", "kafka"]);
    assert_eq!(ids_at(&v, "not_required"), ["kubernetes"]);
    // Docker is the only requirement, and the resume has it.
    assert_eq!(v["match_score"], 1.0);
    let table = args("table");
    assert_eq!(table.status.code(), Some(0));
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("Also in the posting (not counted): Python, Redis, Apache Kafka"),
        "{text}"
    );
    assert!(
        text.contains("Not required by the posting (not counted): Kubernetes"),
        "{text}"
    );
}

#[test]
fn posting_that_asks_nothing_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let posting = dir.path().join("posting.md");
    std::fs::write(&posting, "## Our stack\nPython and Kubernetes.\n").unwrap();
    let out = skillgap(&["analyze", BACKEND, "--job", posting.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.ends_with(
            "the posting asks for none of the skills it names (2 named as context, 0 as not required)\n"
        ),
        "{err}"
    );
}

#[test]
fn posting_without_skills_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let posting = dir.path().join("posting.txt");
    std::fs::write(
        &posting,
        "We are hiring a friendly barista.\nNice to have: a smile.\n",
    )
    .unwrap();
    let out = skillgap(&["analyze", BACKEND, "--job", posting.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.ends_with("no skills found in the posting\n"), "{err}");
}

#[test]
fn markdown_and_html_formats() {
    let md = skillgap(&[
        "analyze",
        BACKEND,
        "--role",
        "backend-engineer",
        "--format",
        "markdown",
    ]);
    assert_eq!(md.status.code(), Some(0));
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("## Backend Engineer"), "{md}");
    assert!(md.contains("- [ ] Redis"), "{md}");
    let html = skillgap(&[
        "analyze",
        BACKEND,
        "--role",
        "backend-engineer",
        "--format",
        "html",
    ]);
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg"));
    let no_ns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(
        !no_ns.contains("http://") && !no_ns.contains("https://"),
        "no external assets"
    );
    assert!(
        !html.contains("<script") && !html.contains("<link"),
        "self-contained"
    );
    let role = skillgap(&["roles", "show", "backend-engineer", "--format", "markdown"]);
    assert!(
        String::from_utf8(role.stdout)
            .unwrap()
            .contains("Production systems")
    );
    let many = skillgap(&[
        "analyze",
        BACKEND,
        "fixtures/resumes/backend-developer.pdf",
        "--format",
        "html",
    ]);
    assert_eq!(many.status.code(), Some(2));
}

#[test]
fn no_skills_and_no_role_says_so_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("barista.txt");
    std::fs::write(&path, "Worked as a barista and kept the counter tidy.\n").unwrap();
    let out = skillgap(&["analyze", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["skills_found"], serde_json::json!([]));
    assert_eq!(v["role_choice"], "best-fit");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("note: no skills found in `") && err.ends_with("name one with --role\n"),
        "{err}"
    );
}

/// Runs `skillgap ARGS` with `stdout` as its standard output; returns its status and stderr.
fn skillgap_stdout_to(args: &[&str], stdout: std::process::Stdio) -> (Option<i32>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(stdout)
        .output()
        .expect("run skillgap");
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

/// Commands whose whole output is written in one go at the end (completions, man, help) and
/// some that write as they go.
const EVERY_KIND_OF_OUTPUT: [&[&str]; 9] = [
    &["completions", "bash"],
    &["completions", "zsh"],
    &["completions", "fish"],
    &["man"],
    &["--help"],
    &["roles", "help"],
    &["roles", "list"],
    &[
        "analyze",
        BACKEND,
        "--role",
        "backend-engineer",
        "--format",
        "json",
    ],
    &["extract", BACKEND],
];

#[test]
fn a_pipe_closed_before_the_first_write_is_exit_0() {
    for args in EVERY_KIND_OF_OUTPUT {
        // The reading end is closed before the child starts: its first write fails.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let (code, err) = skillgap_stdout_to(args, writer.into());
        assert_eq!((code, err.as_str()), (Some(0), ""), "{args:?}");
    }
}

#[test]
fn a_full_disk_is_one_line_and_exit_2() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    for args in EVERY_KIND_OF_OUTPUT {
        let full = std::fs::File::create("/dev/full").unwrap();
        let (code, err) = skillgap_stdout_to(args, full.into());
        assert_eq!(
            (code, err.as_str()),
            (
                Some(2),
                "error: cannot write to stdout: No space left on device (os error 28)\n"
            ),
            "{args:?}"
        );
    }
}

#[test]
fn completions_offer_role_ids_for_role_and_roles_show() {
    let text = |shell| String::from_utf8(skillgap(&["completions", shell]).stdout).unwrap();
    let bash = text("bash");
    // The branch of `analyze --role` and the words of `roles show`.
    let role = bash.split("--role)\n").nth(1).unwrap();
    let role = role.lines().next().unwrap();
    assert!(role.contains("compgen -W \"ai-engineer "), "{role}");
    assert!(role.contains(" backend-engineer "), "{role}");
    let show = bash
        .split("        skillgap__subcmd__roles__subcmd__show)\n")
        .nth(1)
        .unwrap();
    let opts = show.lines().next().unwrap();
    assert!(opts.contains("--version ai-engineer "), "{opts}");
    let zsh = text("zsh");
    assert!(zsh.contains("the best-fitting role]:ID:((ai-engineer\\:\"AI Engineer\"\n"));
    assert!(zsh.contains("':id -- Role id:((ai-engineer\\:\"AI Engineer\"\n"));
    assert!(zsh.contains("\nbackend-engineer\\:\"Backend Engineer\"\n"));
    let fish = text("fish");
    assert!(fish.contains("the best-fitting role' -r -f -a \"ai-engineer\\t'AI Engineer'\n"));
    assert!(
        fish.contains("__fish_seen_subcommand_from show\" -f -a \"ai-engineer\\t'AI Engineer'\n")
    );
    // Files are still completed where files are wanted.
    assert!(bash.contains("--job)\n                    COMPREPLY=($(compgen -f \"${cur}\"))"));
}

#[test]
fn roles_help_and_man_pages_have_examples_and_exit_status() {
    for (args, example) in [
        (
            &["roles", "--help"][..],
            "  skillgap roles show backend-engineer\n",
        ),
        (
            &["roles", "list", "--help"],
            "  skillgap roles list --format json | jq",
        ),
        (
            &["roles", "show", "--help"],
            "  skillgap roles show backend-engineer\n",
        ),
        (
            &["roles", "check", "--help"],
            "  skillgap roles check roles/ ",
        ),
    ] {
        let text = String::from_utf8(skillgap(args).stdout).unwrap();
        assert!(text.starts_with("Examples:\n"), "{args:?}: {text}");
        assert!(text.contains(example), "{args:?}: {text}");
        assert!(text.contains("Exit status:\n  0  success\n"), "{args:?}");
    }
    let main = String::from_utf8(skillgap(&["man"]).stdout).unwrap();
    assert!(!main.contains(".SH EXTRA"), "{main}");
    let exit_status = ".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\nsuccess\n.TP\n\\fB1\\fR\n\
        findings: `roles check` found errors (or warnings with \\-\\-deny\\-warnings); coverage \
        or match score under \\-\\-fail\\-under; with several inputs, some could not be read\n";
    assert!(main.contains(exit_status), "{main}");
    assert!(main.contains(
        ".SH EXAMPLES\n.RS 4\n.nf\nskillgap analyze resume.pdf \\-\\-role backend\\-engineer\n"
    ));
    // EXIT STATUS and EXAMPLES come before VERSION, the last section.
    let at = |s: &str| main.find(s).unwrap();
    assert!(at(".SH SUBCOMMANDS") < at(".SH \"EXIT STATUS\""));
    assert!(at(".SH \"EXIT STATUS\"") < at(".SH EXAMPLES"));
    assert!(at(".SH EXAMPLES") < at(".SH VERSION"));
    let dir = tempfile::tempdir().unwrap();
    let out = skillgap(&["man", "--out-dir", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let show = std::fs::read_to_string(dir.path().join("skillgap-roles-show.1")).unwrap();
    assert!(show.contains(".TH skillgap-roles-show 1"), "{show}");
    assert!(show.contains(exit_status));
    assert!(show.contains(".SH EXAMPLES\n.RS 4\n.nf\nskillgap roles show backend\\-engineer\n"));
}

#[test]
fn fail_under_refuses_a_fraction_and_related_threshold_takes_a_percent() {
    let fraction = skillgap(&["analyze", BACKEND, "--fail-under", "0.67"]);
    assert_eq!(fraction.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&fraction.stderr),
        "error: invalid value '0.67' for '--fail-under <PERCENT>': `0.67` looks like a \
         fraction; this takes a percent (0..100): did you mean 67?\n\n\
         For more information, try '--help'.\n"
    );
    // `67%` is the same gate as `67`.
    for percent in ["67", "67%"] {
        let args = ["analyze", BACKEND, "--role", "backend-engineer"];
        let out = skillgap(&[&args[..], &["--fail-under", percent]].concat());
        assert_eq!(out.status.code(), Some(1), "{percent}");
    }
    let json = |threshold: &str| {
        let out = skillgap(&[
            "roles",
            "show",
            "backend-engineer",
            "--format",
            "json",
            "--related-threshold",
            threshold,
        ]);
        assert_eq!(out.status.code(), Some(0), "{threshold}");
        let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        view["related_roles"].as_array().unwrap().len()
    };
    assert_eq!(json("0.25"), 22);
    assert_eq!(json("25%"), 22);
    assert_eq!(json("0.4"), 14);
    let whole = skillgap(&[
        "roles",
        "show",
        "backend-engineer",
        "--related-threshold",
        "40",
    ]);
    assert_eq!(whole.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&whole.stderr).contains(
        "`40` is outside 0..1; this takes a fraction (0.4) or a percent (40%): did you mean 40%?"
    ));
}

#[test]
fn related_threshold_is_refused_with_job() {
    let out = skillgap(&[
        "analyze",
        BACKEND,
        "--job",
        "fixtures/postings/backend-posting.md",
        "--related-threshold",
        "0.2",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: the argument '--job <POSTING>' cannot be used with '--related-threshold \
         <FRACTION>'\n\nUsage: skillgap analyze --job <POSTING> <RESUME>...\n\n\
         For more information, try '--help'.\n"
    );
}

#[test]
fn negative_and_non_finite_numbers_are_refused_plainly() {
    let cases = [
        ("--fail-under", "-5", "`-5` is outside 0..100"),
        (
            "--hours-per-week",
            "-3",
            "`-3` is outside 1..80 hours per week",
        ),
        ("--related-threshold", "-0.2", "`-0.2` is outside 0..1"),
        ("--hours-per-week", "nan", "`nan` is not a number"),
        ("--fail-under", "inf%", "`inf%` is not a number"),
    ];
    for (flag, value, why) in cases {
        let out = skillgap(&[
            "analyze",
            "fixtures/resumes/backend-developer.txt",
            flag,
            value,
        ]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(why), "{flag} {value}: {err}");
        assert!(!err.contains("to pass"), "{flag} {value}: {err}");
    }
}

/// Runs `skillgap ARGS` with stdout on a pseudo-terminal (`script`) of `cols` columns set
/// with `stty`, with `COLUMNS` as given (or unset: the shell `script` starts would set it
/// to the size); returns what the terminal showed, line breaks as `\n`, colour escapes
/// removed. `None` where `script` cannot be run.
#[cfg(target_os = "linux")]
fn on_terminal(cols: usize, columns: Option<&str>, args: &[&str]) -> Option<String> {
    let columns = columns.map_or(String::new(), |c| format!("COLUMNS={c}"));
    let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_skillgap"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect();
    let shell = format!(
        "stty cols {cols} rows 40; exec env -u COLUMNS {columns} {}",
        quoted.join(" ")
    );
    let out = std::process::Command::new("script")
        .args(["-qfec", &shell, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .env_remove("NO_COLOR")
        .env("LANG", "C.UTF-8")
        .output()
        .ok()?;
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "{out:?}"
    );
    let text = String::from_utf8(out.stdout).unwrap().replace('\r', "");
    let plain = regex::Regex::new("\u{1b}\\[[0-9;]*m")
        .unwrap()
        .replace_all(&text, "")
        .into_owned();
    Some(plain)
}

/// The widest line of `text`, in characters (the fixtures' text is one column a character).
#[cfg(target_os = "linux")]
fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
#[cfg(target_os = "linux")]
fn tables_and_lists_fit_an_80_column_terminal() {
    let commands: [&[&str]; 5] = [
        &["analyze", BACKEND],
        &["extract", BACKEND],
        &["roles", "list"],
        &["roles", "show", "data-scientist"],
        &[
            "analyze",
            BACKEND,
            "--job",
            "fixtures/postings/backend-posting.md",
        ],
    ];
    for args in commands {
        let Some(shown) = on_terminal(80, None, args) else {
            eprintln!("skipped: `script` (util-linux) is not available");
            return;
        };
        let piped = String::from_utf8(skillgap(args).stdout).unwrap();
        assert!(widest(&piped) > 80, "{args:?} piped is full width");
        assert_eq!(widest(&shown), 80, "{args:?} on 80 columns:\n{shown}");
        // Wrapped, not cut: every word of the piped output is still shown.
        let words = |t: &str| -> std::collections::BTreeSet<String> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let missing: Vec<String> = words(&piped).difference(&words(&shown)).cloned().collect();
        assert!(missing.is_empty(), "{args:?} lost {missing:?}:\n{shown}");
    }
    let shown = on_terminal(80, None, &["analyze", BACKEND]).unwrap();
    assert!(
        shown.contains(
            "Skills found (8): Python, Database Design, PostgreSQL, REST APIs, SQL, Docker,\n  Git, Unit Testing\n"
        ),
        "{shown}"
    );
    assert!(shown.contains("│ [full-stack-engineer]  "), "{shown}");
}

#[test]
#[cfg(target_os = "linux")]
fn columns_overrides_the_terminal_width_only_on_a_terminal() {
    let Some(shown) = on_terminal(120, Some("60"), &["roles", "show", "data-scientist"]) else {
        eprintln!("skipped: `script` (util-linux) is not available");
        return;
    };
    assert!(widest(&shown) <= 60, "{shown}");
    let piped = skillgap_env(&["roles", "show", "data-scientist"], &[("COLUMNS", "60")]);
    assert_eq!(
        piped.stdout,
        skillgap(&["roles", "show", "data-scientist"]).stdout,
        "a pipe keeps full lines whatever COLUMNS says"
    );
    assert!(widest(&String::from_utf8(piped.stdout).unwrap()) > 200);
}
