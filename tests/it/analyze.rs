//! Runs the real binary on the project's own fixtures and checks exact values. The JSON is
//! parsed back into structs that deny unknown fields, so any change of the output shape is
//! deliberate.

use serde::Deserialize;

use crate::common::{ids_at, json_ok, skillgap, skillgap_stdin};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    schema_version: u32,
    input: String,
    role: Role,
    role_choice: String,
    skills_found: Vec<Skill>,
    learning: Vec<Skill>,
    not_claimed: Vec<Skill>,
    phases: Vec<Phase>,
    missing_skills: Vec<Missing>,
    recommended_phase: Option<PhaseRef>,
    time_to_ready: Time,
    related_roles: Vec<Related>,
    projects: Vec<ProjectPick>,
    best_fit: Option<BestFit>,
    coverage: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Named {
    id: String,
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectPick {
    name: String,
    #[serde(default)]
    summary: String,
    phase: PhaseRef,
    hours: f64,
    skills: Vec<String>,
    covers: Vec<Named>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BestFit {
    coverage: f64,
    runner_up: Option<Ranked>,
    compared: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ranked {
    id: String,
    title: String,
    coverage: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Role {
    id: String,
    title: String,
    hours_per_week: f64,
    months: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Skill {
    id: String,
    name: String,
    category: String,
    #[serde(rename = "match")]
    how: String,
    evidence: Vec<Evidence>,
    #[serde(default)]
    implied_by: Vec<String>,
    #[serde(default)]
    unclaimed_evidence: Vec<Evidence>,
    /// Source records of imported skills (schema `provenance`); empty for curated ones.
    provenance: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Evidence {
    line: usize,
    column: usize,
    page: Option<u32>,
    text: String,
    snippet: String,
    section: Option<String>,
    #[serde(default)]
    cue: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillRef {
    id: String,
    name: String,
    #[serde(default)]
    any_of: Vec<String>,
    family: Option<Named>,
    pick: Option<Named>,
    met_by: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Phase {
    index: usize,
    name: String,
    months: f64,
    present: Vec<SkillRef>,
    missing: Vec<SkillRef>,
    coverage: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Missing {
    id: String,
    name: String,
    phase: usize,
    months: f64,
    #[serde(default)]
    any_of: Vec<String>,
    family: Option<Named>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhaseRef {
    index: usize,
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Time {
    months: f64,
    weeks: f64,
    hours: f64,
    hours_per_week: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Related {
    id: String,
    title: String,
    shared: f64,
    shared_skills: Vec<SkillRef>,
    coverage: f64,
}

fn analyze_json(args: &[&str]) -> Report {
    let mut all = vec!["analyze"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = skillgap(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid report JSON")
}

const BACKEND_TXT: &str = "fixtures/resumes/backend-developer.txt";

#[test]
fn backend_developer_starts_at_production_systems() {
    let r = analyze_json(&[BACKEND_TXT, "--role", "backend-engineer"]);
    assert_eq!(r.schema_version, 1);
    assert_eq!(r.input, BACKEND_TXT);
    assert_eq!(
        (r.role.id.as_str(), r.role.title.as_str()),
        ("backend-engineer", "Backend Engineer")
    );
    assert_eq!((r.role.hours_per_week, r.role.months), (12.0, 10.0));
    assert_eq!(r.role_choice, "given");
    let missing: Vec<(&str, usize)> = r
        .missing_skills
        .iter()
        .map(|m| (m.id.as_str(), m.phase))
        .collect();
    assert_eq!(missing, [("redis", 3), ("kubernetes", 3), ("aws", 3)]);
    let rec = r.recommended_phase.expect("a phase to start at");
    assert_eq!((rec.index, rec.name.as_str()), (3, "Production systems"));
    assert_eq!(r.time_to_ready.months, 4.0);
    assert_eq!(r.time_to_ready.hours_per_week, 12.0);
    assert_eq!(r.time_to_ready.hours, 208.0);
    let coverage: Vec<f64> = r.phases.iter().map(|p| p.coverage).collect();
    assert_eq!(coverage, [1.0, 1.0, 0.0]);
    let language = &r.phases[0].present[0];
    assert_eq!(language.id, "python");
    assert_eq!(language.met_by.as_deref(), Some("python"));
    assert_eq!(
        language.family.as_ref().map(|f| f.id.as_str()),
        Some("backend-language")
    );
    assert_eq!(
        language.pick.as_ref().map(|p| p.id.as_str()),
        Some("python")
    );
    assert_eq!(language.any_of[..3], ["python", "java", "nodejs"]);
    assert_eq!(r.coverage, 0.67);
    assert!(r.learning.is_empty());
    let phases: Vec<(usize, &str, f64)> = r
        .phases
        .iter()
        .map(|p| (p.index, p.name.as_str(), p.months))
        .collect();
    assert_eq!(
        phases,
        [
            (1, "Language + databases", 3.0),
            (2, "APIs + auth", 3.0),
            (3, "Production systems", 4.0)
        ]
    );
    let missing_names: Vec<&str> = r.phases[2]
        .missing
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(missing_names, ["Redis", "Kubernetes", "AWS"]);
    let shares: Vec<(&str, &str, f64, &str)> = r
        .missing_skills
        .iter()
        .map(|m| {
            (
                m.id.as_str(),
                m.name.as_str(),
                m.months,
                m.family.as_ref().map_or("", |f| f.id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        shares,
        [
            ("redis", "Redis", 1.33, "in-memory-store"),
            ("kubernetes", "Kubernetes", 1.33, "container-orchestrator"),
            ("aws", "AWS", 1.33, "cloud-platform")
        ]
    );
    // A missing family slot lists the family's members, the pick first.
    assert_eq!(r.missing_skills[2].any_of[..3], ["aws", "azure", "gcp"]);
    // The fewest projects that cover Redis, Kubernetes and AWS: two of phase 3.
    let projects: Vec<(&str, usize, f64, Vec<&str>)> = r
        .projects
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.phase.index,
                p.hours,
                p.covers.iter().map(|c| c.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        projects,
        [
            (
                "URL shortener on Kubernetes",
                3,
                25.0,
                vec!["redis", "kubernetes"]
            ),
            ("Production deploy on AWS", 3, 25.0, vec!["aws"])
        ]
    );
    assert!(r.best_fit.is_none());
}

#[test]
fn related_roles_of_backend_come_from_the_data() {
    let r = analyze_json(&[BACKEND_TXT, "--role", "backend-engineer"]);
    let related: Vec<(&str, &str, f64, f64)> = r
        .related_roles
        .iter()
        .map(|x| (x.id.as_str(), x.title.as_str(), x.shared, x.coverage))
        .collect();
    // 14 roles share over 40% of backend's 7 slots that fewer than half the roles list
    // (git is left out); the first four:
    assert_eq!(related.len(), 14);
    assert_eq!(
        related[..4],
        [
            ("dotnet-developer", ".NET Developer", 0.86, 0.33),
            ("full-stack-engineer", "Full-Stack Engineer", 0.86, 0.35),
            ("java-developer", "Java Developer", 0.71, 0.29),
            ("software-engineer", "Software Engineer", 0.71, 0.38)
        ]
    );
    let shared: Vec<&str> = r.related_roles[0]
        .shared_skills
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        shared,
        ["SQL", "PostgreSQL", "REST APIs", "Docker", "Redis", "AWS"]
    );
}

#[test]
fn slower_pace_doubles_time_to_ready() {
    let r = analyze_json(&[
        BACKEND_TXT,
        "--role",
        "backend-engineer",
        "--hours-per-week",
        "6",
    ]);
    assert_eq!(r.time_to_ready.months, 8.0);
    assert_eq!(r.time_to_ready.weeks, 34.7);
    assert_eq!(r.time_to_ready.hours_per_week, 6.0);
    assert_eq!(r.time_to_ready.hours, 208.0);
}

#[test]
fn evidence_points_at_lines_and_sections() {
    let r = analyze_json(&[BACKEND_TXT, "--role", "backend-engineer"]);
    let python = r
        .skills_found
        .iter()
        .find(|s| s.id == "python")
        .expect("python found");
    assert_eq!(
        (
            python.name.as_str(),
            python.category.as_str(),
            python.how.as_str()
        ),
        ("Python", "language", "exact")
    );
    // Its source records, from the imported taxonomy (curated fields win, provenance adds).
    let sources: Vec<(&str, &str)> = python
        .provenance
        .iter()
        .map(|p| {
            (
                p["source"].as_str().unwrap(),
                p["source_id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sources,
        [
            ("linguist", "303"),
            ("onet", "Python"),
            ("simple-icons", "python")
        ]
    );
    assert_eq!(python.provenance[1]["hot_technology"], true);
    let places: Vec<(usize, usize, Option<&str>)> = python
        .evidence
        .iter()
        .map(|e| (e.line, e.column, e.section.as_deref()))
        .collect();
    assert_eq!(
        places,
        [
            (5, 74, Some("summary")),
            (10, 40, Some("experience")),
            (20, 1, Some("skills"))
        ]
    );
    assert!(
        python
            .evidence
            .iter()
            .all(|e| e.text == "Python" && e.page.is_none() && e.snippet.contains("Python"))
    );
    let rest = r
        .skills_found
        .iter()
        .find(|s| s.id == "rest-apis")
        .expect("REST found");
    // Found as the alias "RESTful" first and by name later: the kind is that of the
    // evidence shown first.
    assert_eq!(
        (rest.how.as_str(), rest.evidence[0].text.as_str()),
        ("alias", "RESTful")
    );
    assert_eq!(rest.evidence[1].text, "REST APIs");
    assert!(
        r.skills_found
            .iter()
            .all(|s| s.implied_by.is_empty() == (s.how != "implied"))
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let out = skillgap_stdin(
        &["extract", "-", "--format", "json"],
        b"Skills: Python, k8s\n",
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["python", "kubernetes"]);
    assert_eq!(v["input"], "-");
}

#[test]
fn unknown_role_exits_2_with_suggestion() {
    let out = skillgap(&["analyze", BACKEND_TXT, "--role", "backend-enginer"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: unknown role `backend-enginer`; did you mean `backend-engineer`? (run `skillgap roles list` to see all roles)\n"
    );
}

#[test]
fn empty_role_id_is_a_usage_error() {
    for args in [
        &["analyze", BACKEND_TXT, "--role", ""][..],
        &["roles", "show", ""][..],
    ] {
        let out = skillgap(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("error: a value is required for '")
                && err.contains("but none was supplied"),
            "{err}"
        );
    }
}

#[test]
fn missing_file_exits_2_with_one_line() {
    let out = skillgap(&["analyze", "fixtures/does-not-exist.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: cannot read `fixtures/does-not-exist.pdf`: No such file or directory (os error 2)"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn invalid_utf8_text_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Python and caf\xe9\n").unwrap();
    let out = skillgap(&["extract", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.ends_with("not a PDF, DOCX or UTF-8 text file (invalid UTF-8 at byte 14)\n"),
        "{err}"
    );
}

/// The skill ids of `extract --format json` output.
fn extract_ids(out: &std::process::Output) -> Vec<String> {
    ids_at(&json_ok(out), "skills")
}

#[test]
fn utf16_text_with_a_bom_is_read_from_a_file_and_stdin() {
    // Saved as Windows Notepad's "Unicode": UTF-16LE with a BOM and CR LF line ends.
    let path = "fixtures/text/notepad-utf16le.txt";
    let want = [
        "python",
        "kubernetes",
        "postgresql",
        "terraform",
        "rest-apis",
        // "Built REST APIs in Go": Go as the object of "in".
        "go",
        "docker",
        "aws",
        "infrastructure-as-code",
        "sql",
    ];
    assert_eq!(
        extract_ids(&skillgap(&["extract", path, "--format", "json"])),
        want
    );
    let bytes = std::fs::read(path).unwrap();
    let out = skillgap_stdin(&["extract", "-", "--format", "json"], &bytes);
    assert_eq!(extract_ids(&out), want);
    // Big-endian too, and the accents survive.
    let text: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.iter().flat_map(|u| u.to_be_bytes()));
    let out = skillgap_stdin(&["text", "-"], &be);
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.starts_with("José Müller\n"), "{printed}");
}

#[test]
fn invalid_utf16_is_a_one_line_error() {
    let cases: [(&[u8], &str); 2] = [
        (
            b"\xFF\xFEP\0y\0t",
            "invalid UTF-16: an odd number of bytes (7)",
        ),
        (
            b"\xFF\xFEP\0\x00\xD8y\0",
            "invalid UTF-16: a lone surrogate D800 at byte 4",
        ),
    ];
    for (bytes, why) in cases {
        let out = skillgap_stdin(&["extract", "-"], bytes);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.trim_end().ends_with(&format!("({why})")), "{err}");
    }
}

#[test]
fn table_output_reads_without_colour() {
    let out = skillgap(&["analyze", BACKEND_TXT, "--role", "backend-engineer"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'));
    assert!(text.contains("Start at: phase 3 \"Production systems\""));
    assert!(text.contains("Missing (3): Redis, Kubernetes, AWS"));
    assert!(text.contains("Time to ready: 4.0 months (17.3 weeks, 208 hours at 12 h/week)"));
}

#[test]
fn the_same_resume_as_pdf_gives_the_same_gap() {
    let txt = analyze_json(&[BACKEND_TXT, "--role", "backend-engineer"]);
    let pdf = analyze_json(&[
        "fixtures/resumes/backend-developer.pdf",
        "--role",
        "backend-engineer",
    ]);
    let ids = |r: &Report| {
        r.skills_found
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&txt), ids(&pdf));
    assert_eq!(
        pdf.missing_skills
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        ["redis", "kubernetes", "aws"]
    );
    assert_eq!(pdf.time_to_ready.months, 4.0);
    assert!(
        pdf.skills_found[0]
            .evidence
            .iter()
            .all(|e| e.page == Some(1))
    );
}

#[test]
fn docx_and_json_resume_give_the_backend_gap() {
    for input in [
        "fixtures/docx/backend-developer.docx",
        "fixtures/jsonresume/backend-developer.json",
    ] {
        let r = analyze_json(&[input, "--role", "backend-engineer"]);
        let mut ids: Vec<&str> = r.skills_found.iter().map(|s| s.id.as_str()).collect();
        ids.sort();
        assert_eq!(
            ids,
            ["docker", "git", "postgresql", "python", "rest-apis", "sql"],
            "{input}"
        );
        let missing: Vec<&str> = r.missing_skills.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(missing, ["redis", "kubernetes", "aws"], "{input}");
    }
}

#[test]
fn legacy_office_files_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resume.doc");
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.extend_from_slice(&[0u8; 504]);
    std::fs::write(&path, bytes).unwrap();
    let out = skillgap(&["extract", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.ends_with(
            "a legacy .doc or an encrypted Office file; save it as an unprotected .docx)\n"
        ),
        "{err}"
    );
}

#[test]
fn document_control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    std::fs::write(
        &path,
        "Skills: Python\u{1b}]0;pwned\u{7}, Docker\u{1b}[2J\u{9b}31m\nRust\u{202e}gnp.exe\n",
    )
    .unwrap();
    for args in [
        vec!["text"],
        vec!["extract"],
        vec!["analyze", "--role", "backend-engineer"],
    ] {
        let mut all = args.clone();
        all.push(path.to_str().unwrap());
        let out = skillgap(&all);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {text:?}"
        );
        assert!(
            !text.contains('\u{202e}'),
            "{args:?}: bidi override removed"
        );
    }
}

#[test]
fn roles_dir_replaces_the_embedded_set() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("skills.json"),
        r#"{"skills": [
{"id": "python", "name": "Python", "category": "language"},
{"id": "redis", "name": "Redis", "category": "database"}
]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("cache-keeper.json"),
        r#"{"id": "cache-keeper", "title": "Cache\u001b[31m Keeper", "summary": "s", "hours_per_week": 10,
"phases": [{"name": "Only", "months": 2, "skills": ["python", "redis"], "milestones": ["m"]}]}"#,
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let out = skillgap(&["--roles-dir", d, "analyze", BACKEND_TXT, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Report = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (r.role.id.as_str(), r.role_choice.as_str()),
        ("cache-keeper", "best-fit")
    );
    assert_eq!(
        r.missing_skills
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        ["redis"]
    );
    assert_eq!(r.time_to_ready.months, 1.0);
    let table = skillgap(&["--roles-dir", d, "roles", "list"]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("Cache[31m Keeper") && !text.contains('\u{1b}'),
        "{text}"
    );
}

#[test]
fn the_projects_own_trap_sentences_yield_nothing() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/resumes/false-positives.txt"),
    )
    .unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert!(lines.len() >= 20);
    for line in lines {
        let out = skillgap_stdin(&["extract", "-", "--format", "json"], line.as_bytes());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["skills"], serde_json::json!([]), "{line}");
        assert_eq!(v["learning"], serde_json::json!([]), "{line}");
    }
}

#[test]
fn roles_dir_with_errors_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("skills.json"),
        "{\"skills\": [\n{\"id\": \"redis\", \"name\": \"Redis\", \"category\": \"database\"}\n]}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("twice.json"),
        r#"{"id": "twice", "title": "T", "summary": "s", "hours_per_week": 10,
"phases": [{"name": "P", "months": 2, "skills": ["redis", "redis"], "milestones": ["m"]}]}"#,
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let out = skillgap(&["--roles-dir", d, "roles", "list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "error: the role data in `{d}` has 1 error(s), the first: "
        )),
        "{err}"
    );
    assert!(
        err.contains("twice.json:2:")
            && err
                .trim_end()
                .ends_with(&format!("run `skillgap roles check {d}`")),
        "{err}"
    );
}

#[test]
fn roles_dir_errors_are_one_safe_line() {
    // A finding about a whole directory has no line and column to give.
    let empty = tempfile::tempdir().unwrap();
    let d = empty.path().to_str().unwrap();
    let out = skillgap(&["--roles-dir", d, "extract", BACKEND_TXT]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "error: the role data in `{d}` has 2 error(s), the first: {d}: no role files (`<id>.json`) in `{d}`; run `skillgap roles check {d}`\n"
        )
    );
    // An escape character in a path reaches neither the error nor `roles check` output.
    let base = tempfile::tempdir().unwrap();
    let odd = base.path().join("ro\u{1b}[31mles");
    std::fs::create_dir(&odd).unwrap();
    std::fs::write(odd.join("skills.json"), "{\"skills\": [\n").unwrap();
    let odd = odd.to_str().unwrap();
    for args in [
        vec!["roles", "check", odd],
        vec!["roles", "check", odd, "--format", "github"],
        vec!["--roles-dir", odd, "roles", "list"],
    ] {
        let out = skillgap(&args);
        let all = [out.stdout, out.stderr].concat();
        assert!(
            !all.contains(&0x1b),
            "{args:?}: {}",
            String::from_utf8_lossy(&all)
        );
        assert!(
            String::from_utf8_lossy(&all).contains("ro[31mles"),
            "{args:?}"
        );
    }
}

#[test]
fn job_and_stdin_misuse_are_refused() {
    let both = skillgap(&[
        "analyze",
        BACKEND_TXT,
        "--job",
        BACKEND_TXT,
        "--role",
        "backend-engineer",
    ]);
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("cannot be used with"));
    let stdin_twice = skillgap(&["analyze", "-", "--job", "-"]);
    assert_eq!(stdin_twice.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&stdin_twice.stderr),
        "error: the resume and the posting cannot both be read from stdin (`-`)\n"
    );
}

#[test]
fn roles_dir_loads_the_imported_taxonomy_under_the_curated_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("skills.json"),
        r#"{"skills": [
{"id": "docker", "name": "Docker", "category": "tool"},
{"id": "python", "name": "Python", "category": "language"}
]}"#,
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("imported")).unwrap();
    std::fs::write(
        dir.path().join("imported").join("skills.json"),
        r#"{"skills": [
{"id": "docker", "name": "Docker CE", "category": "tool", "aliases": ["Moby"]},
{"id": "helm", "name": "Helm", "category": "tool", "aliases": ["Helm charts"], "implies": ["docker"]}
]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("deployer.json"),
        r#"{"id": "deployer", "title": "Deployer", "summary": "s", "hours_per_week": 10,
"phases": [{"name": "Only", "months": 2, "skills": ["python", "helm"], "milestones": ["m"]}]}"#,
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let text = "Skills: Python, Helm charts, Moby\n";
    let out = skillgap_stdin(
        &["--roles-dir", d, "extract", "-", "--format", "json"],
        text.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(&str, &str, &str)> = v["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let text = s["evidence"][0]["text"].as_str().unwrap_or("");
            (
                s["id"].as_str().unwrap(),
                s["match"].as_str().unwrap(),
                text,
            )
        })
        .collect();
    // `helm` comes from the imported file; `Moby`, an alias of the imported entry with the
    // curated id `docker`, is added to the curated skill (whose other fields win).
    assert_eq!(
        found,
        [
            ("python", "exact", "Python"),
            ("helm", "alias", "Helm charts"),
            ("docker", "alias", "Moby")
        ]
    );
    let check = skillgap(&["roles", "check", d]);
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        "check: 0 errors, 0 warnings in 3 files\n"
    );
}

/// (skill id, sections of its evidence) of every skill found in `path`.
fn skills_and_sections(path: &str) -> Vec<(String, Vec<Option<String>>)> {
    let r = analyze_json(&[path, "--role", "backend-engineer"]);
    r.skills_found
        .into_iter()
        .map(|s| (s.id, s.evidence.into_iter().map(|e| e.section).collect()))
        .collect()
}

#[test]
fn german_and_spanish_headings_name_the_sections() {
    let s = |x: &str| Some(x.to_owned());
    assert_eq!(
        skills_and_sections("fixtures/headings/de-backend-developer.md"),
        [
            ("go".to_owned(), vec![s("skills")]),
            ("python".to_owned(), vec![s("skills")]),
            ("postgresql".to_owned(), vec![s("skills")]),
            ("docker".to_owned(), vec![s("skills")]),
            ("rest-apis".to_owned(), vec![s("experience")]),
            ("sql".to_owned(), vec![]),
        ]
    );
    // "Excel" alone on a line is a skill only in a Skills section ("HABILIDADES TÉCNICAS").
    assert_eq!(
        skills_and_sections("fixtures/headings/es-data-analyst.txt"),
        [
            ("excel".to_owned(), vec![s("skills")]),
            ("tableau".to_owned(), vec![s("skills")]),
            ("sql".to_owned(), vec![s("skills")]),
            // "Grado en Estadística": a degree names a field studied, in Spanish too.
            ("statistics".to_owned(), vec![s("education")]),
            ("data-visualization".to_owned(), vec![]),
        ]
    );
}

#[test]
fn evidence_count_is_true_at_the_cap() {
    let table = |mentions: usize| {
        let text = format!(
            "Skills: Python\n{}",
            "Wrote Python daily.\n".repeat(mentions)
        );
        let out = skillgap_stdin(&["extract", "-"], text.as_bytes());
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    // 51 places: all kept and counted; 151: only the first 100 are kept.
    assert!(table(50).contains("line 1 [skills]: \"Python\" (+50 more)"));
    assert!(table(150).contains("line 1 [skills]: \"Python\" (+99 or more)"));
}

#[test]
fn stdin_is_named_stdin_in_markdown_and_html() {
    let resume = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/resumes/backend-developer.txt"
    ))
    .unwrap();
    let args = ["analyze", "-", "--role", "backend-engineer", "--format"];
    let md = skillgap_stdin(&[&args[..], &["markdown"]].concat(), &resume);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("Resume: \\<stdin\\>. The plan takes 10 months at 12 h/week."),
        "{md}"
    );
    let html = skillgap_stdin(&[&args[..], &["html"]].concat(), &resume);
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(
        html.contains("gap report for &lt;stdin&gt;</div>"),
        "{html}"
    );
    assert!(html.contains("Generated by skillgap from &lt;stdin&gt;."));
}

#[test]
fn terminal_escape_sequences_hide_no_skill_and_leave_no_text() {
    let text = "Skills\nPython, \u{1b}[31mDocker\u{1b}[0m, Kubernetes\u{1b}]0;pwned\u{7}\nmore \u{1b}[1;32mAWS\u{1b}[0m\n";
    let out = skillgap_stdin(&["extract", "-", "--format", "json"], text.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["python", "docker", "kubernetes", "aws"]);
    let shown = skillgap_stdin(&["text", "-"], text.as_bytes());
    assert_eq!(
        String::from_utf8(shown.stdout).unwrap(),
        "Skills\nPython, Docker, Kubernetes\nmore AWS\n"
    );
}

const CAREER_CHANGER: &str = "fixtures/claims/career-changer.md";

/// The career changer's skills: claimed (with implied), learning (plans, interest,
/// "currently learning") and not claimed (negations, each clause on its own).
// "Warehouse operations lead": eight years of it is a claim of the practice (a supply-chain
// skill of the taxonomy), though the line is a title.
// "I track everything in Excel" (line 7) is the first claim of Excel.
// "Excel with pivot tables" (line 15) claims the pivot tables too.
const CHANGER_CLAIMED: [&str; 7] = [
    "warehouse-operations",
    "excel",
    "sql",
    "tableau",
    "excel-pivot-tables",
    "git",
    "data-visualization",
];
// "Interested in machine learning for demand planning": the cue governs its whole clause.
// "Not familiar with Snowflake; I would like to try it": the plan after the negation wins.
const CHANGER_LEARNING: [&str; 6] = [
    "data-analysis",
    "python",
    "aws",
    "machine-learning",
    "demand-planning",
    "snowflake",
];
const CHANGER_NOT_CLAIMED: [&str; 4] = ["power-bi", "vba", "kubernetes", "docker"];

fn ids(skills: &[Skill]) -> Vec<&str> {
    skills.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn career_changer_claims_learning_and_not_claimed_in_json() {
    let r = analyze_json(&[CAREER_CHANGER, "--role", "analytics-engineer"]);
    assert_eq!(ids(&r.skills_found), CHANGER_CLAIMED);
    assert_eq!(ids(&r.learning), CHANGER_LEARNING);
    assert_eq!(ids(&r.not_claimed), CHANGER_NOT_CLAIMED);
    // Each mention names the cue that governed it, as written.
    let cues: Vec<(&str, Option<&str>)> = r
        .learning
        .iter()
        .chain(&r.not_claimed)
        .map(|s| (s.id.as_str(), s.evidence[0].cue.as_deref()))
        .collect();
    assert_eq!(
        cues,
        [
            ("data-analysis", Some("moving into")),
            ("python", Some("Currently learning")),
            ("aws", Some("Planning to")),
            ("machine-learning", Some("Interested in")),
            ("demand-planning", Some("Interested in")),
            ("snowflake", Some("would like to try")),
            ("power-bi", Some("no")),
            ("vba", Some("never used")),
            ("kubernetes", Some("Neither")),
            ("docker", Some("Neither")),
        ]
    );
    assert!(
        r.skills_found
            .iter()
            .all(|s| s.evidence.iter().all(|e| e.cue.is_none()))
    );
    assert!(
        r.skills_found
            .iter()
            .all(|s| s.unclaimed_evidence.is_empty())
    );
    // Neither kind closes a gap: the role's Snowflake and Python stay missing.
    let missing: Vec<&str> = r.missing_skills.iter().map(|m| m.id.as_str()).collect();
    assert!(
        missing.contains(&"snowflake") && missing.contains(&"python"),
        "{missing:?}"
    );
    // extract gives the same three lists.
    let v = json_ok(&skillgap(&["extract", CAREER_CHANGER, "--format", "json"]));
    let list = |key: &str| ids_at(&v, key);
    assert_eq!(list("skills"), CHANGER_CLAIMED);
    assert_eq!(list("learning"), CHANGER_LEARNING);
    assert_eq!(list("not_claimed"), CHANGER_NOT_CLAIMED);
}

#[test]
fn career_changer_lists_in_table_markdown_and_html() {
    let run = |args: &[&str]| {
        let out = skillgap(args);
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let claimed = "Skills found (7): Warehouse Operations, Microsoft Excel, SQL, Tableau, Pivot Tables, Git, Data Visualization";
    let learning = "Learning (not counted): Data Analysis, Python, AWS, Machine Learning, Demand Planning, Snowflake";
    let not_claimed = "Mentioned, not claimed: Power BI, VBA, Kubernetes, Docker";
    for format in ["table", "markdown"] {
        let text = run(&[
            "analyze",
            CAREER_CHANGER,
            "--role",
            "analytics-engineer",
            "--format",
            format,
            "--color",
            "never",
        ]);
        for line in [claimed, learning, not_claimed] {
            assert!(text.contains(line), "{format}: no {line:?} in\n{text}");
        }
    }
    let html = run(&[
        "analyze",
        CAREER_CHANGER,
        "--role",
        "analytics-engineer",
        "--format",
        "html",
    ]);
    let chips = |class: &str| -> Vec<String> {
        html.lines()
            .filter(|l| l.starts_with(&format!("<span class=\"chip {class}\"")))
            .map(|l| l[l.find('>').unwrap() + 1..l.rfind("</span>").unwrap()].to_owned())
            .collect()
    };
    assert_eq!(
        chips("learning"),
        [
            "Data Analysis",
            "Python",
            "AWS",
            "Machine Learning",
            "Demand Planning",
            "Snowflake"
        ]
    );
    assert_eq!(
        chips("not-claimed"),
        ["Power BI", "VBA", "Kubernetes", "Docker"]
    );
    assert!(html.contains("<h2 style=\"margin-top:14px\">Mentioned, not claimed</h2>"));
    let table = run(&["extract", CAREER_CHANGER, "--color", "never"]);
    let section = &table[table
        .find("Mentioned, not claimed")
        .expect("a not-claimed table")..];
    let rows: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("│ "))
        .map(|l| l.split(" ┆").next().unwrap().trim())
        .skip(1)
        .collect();
    assert_eq!(rows, ["Power BI", "VBA", "Kubernetes", "Docker"]);
}

#[test]
fn a_claim_elsewhere_wins_over_a_negation() {
    let out = skillgap_stdin(
        &["extract", "-", "--format", "json"],
        b"Never used Docker at my first job.\nSkills: Docker, Python\n",
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["skills"][0]["id"], "docker");
    assert_eq!(v["not_claimed"], serde_json::json!([]));
    let kept = &v["skills"][0]["unclaimed_evidence"];
    assert_eq!(kept[0]["line"], 1);
    assert_eq!(kept[0]["cue"], "Never used");
}

const JAVA_MD: &str = "fixtures/resumes/java-kotlin-developer.md";
const DOTNET_MD: &str = "fixtures/resumes/dotnet-developer.md";

#[test]
fn a_java_azure_mysql_stack_meets_the_backend_slots_it_covers() {
    let r = analyze_json(&[JAVA_MD, "--role", "backend-engineer"]);
    assert_eq!(r.coverage, 1.0);
    assert!(r.missing_skills.is_empty());
    assert!(r.projects.is_empty());
    // (slot's pick, the skill that met it, the family's name) for the slots an equivalent met.
    let met: Vec<(String, String, String)> = r
        .phases
        .iter()
        .flat_map(|p| &p.present)
        .filter_map(|s| {
            let pick = s.pick.as_ref()?;
            let by = s.met_by.clone()?;
            (by != pick.id).then(|| {
                let family = s.family.as_ref().map_or("", |f| f.name.as_str());
                (pick.name.clone(), by, family.to_owned())
            })
        })
        .collect();
    let want = [
        ("Python", "java", "Backend programming language"),
        ("PostgreSQL", "mysql", "Relational database"),
        ("AWS", "azure", "Public cloud platform"),
    ];
    assert_eq!(
        met,
        want.map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()))
    );
    // Every format says so.
    for format in ["table", "markdown", "html"] {
        let out = skillgap(&[
            "analyze",
            JAVA_MD,
            "--role",
            "backend-engineer",
            "--format",
            format,
        ]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("Relational database: met by MySQL; the plan names PostgreSQL"),
            "{format}:\n{text}"
        );
    }
}

#[test]
fn a_dotnet_resume_is_best_fit_for_a_role_that_asks_no_other_language() {
    let r = analyze_json(&[DOTNET_MD]);
    assert_eq!(r.role.id, "dotnet-developer");
    assert_eq!(r.role_choice, "best-fit");
    let best = r.best_fit.as_ref().expect("a best fit explains itself");
    assert_eq!(best.compared, 45);
    assert_eq!(best.coverage, r.coverage);
    let runner = best.runner_up.as_ref().expect("a runner-up");
    assert_eq!(
        (runner.id.as_str(), runner.title.as_str(), runner.coverage),
        ("backend-engineer", "Backend Engineer", 0.67)
    );
    assert!(best.coverage > runner.coverage);
    // Nothing missing is a language.
    let missing: Vec<&str> = r.missing_skills.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        missing,
        ["object-oriented-programming", "linq", "docker", "redis"]
    );
    // The projects that cover them, each with its phase, size and what it exercises.
    assert!(!r.projects.is_empty());
    let covered: std::collections::BTreeSet<&str> = r
        .projects
        .iter()
        .flat_map(|p| p.covers.iter().map(|c| c.id.as_str()))
        .collect();
    for p in &r.projects {
        assert!(!p.summary.is_empty() && !p.skills.is_empty() && p.hours > 0.0);
        assert!(p.covers.iter().all(|c| !c.name.is_empty()));
    }
    assert!(covered.iter().all(|id| missing.contains(id)), "{covered:?}");
    let table = String::from_utf8(skillgap(&["analyze", DOTNET_MD]).stdout).unwrap();
    assert!(
        table.contains("Best fit of 45 roles: it covers 73% of its plan, the most; the runner-up, Backend Engineer (backend-engineer), covers 67%."),
        "{table}"
    );
}

const RANKING_DIR: &str = "fixtures/postings/ranking";

#[test]
fn a_directory_of_postings_comes_back_ranked_with_the_unusable_one_apart() {
    let out = skillgap(&[
        "analyze",
        BACKEND_TXT,
        "--job",
        RANKING_DIR,
        "--format",
        "json",
    ]);
    // One posting could not be used: exit 1, as for a batch with a failed input.
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ranked: Vec<(&str, f64)> = v["postings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["job"].as_str().unwrap(),
                p["match_score"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ranked,
        [
            ("fixtures/postings/ranking/a-python-backend.md", 0.89),
            ("fixtures/postings/ranking/b-frontend-react.md", 0.0)
        ]
    );
    let first = &v["postings"][0];
    assert_eq!(ids_at(first, "missing_required"), Vec::<String>::new());
    assert_eq!(ids_at(first, "missing_preferred"), ["redis"]);
    let skipped = &v["skipped"][0];
    assert_eq!(skipped["job"], "fixtures/postings/ranking/c-about-us.md");
    assert_eq!(skipped["error"]["kind"], "no-skills");
    // JSON Lines: one report a line by rank, then the posting left out.
    let lines = skillgap(&[
        "analyze",
        BACKEND_TXT,
        "--job",
        "fixtures/postings/ranking/b-frontend-react.md",
        "--job",
        "fixtures/postings/ranking/a-python-backend.md",
        "--job",
        "fixtures/postings/ranking/c-about-us.md",
        "--format",
        "jsonl",
    ]);
    let text = String::from_utf8(lines.stdout).unwrap();
    let jobs: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["job"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        jobs,
        [
            "a-python-backend.md",
            "b-frontend-react.md",
            "c-about-us.md"
        ]
    );
    // --fail-under judges the best match; no usable posting at all is exit 2.
    let gate = |p: &str| {
        skillgap(&[
            "analyze",
            BACKEND_TXT,
            "--job",
            "fixtures/postings/ranking/a-python-backend.md",
            "--job",
            "fixtures/postings/ranking/b-frontend-react.md",
            "--fail-under",
            p,
        ])
        .status
        .code()
    };
    assert_eq!(gate("89"), Some(0));
    assert_eq!(gate("90"), Some(1));
    let none = skillgap(&[
        "analyze",
        BACKEND_TXT,
        "--job",
        "fixtures/postings/ranking/c-about-us.md",
        "--job",
        "fixtures/postings/ranking/c-about-us.md",
    ]);
    assert_eq!(none.status.code(), Some(2));
    let table = String::from_utf8(skillgap(&["analyze", BACKEND_TXT, "--job", RANKING_DIR]).stdout)
        .unwrap();
    assert!(table.contains("2 postings ranked for"), "{table}");
    assert!(table.contains("Left out (1):"), "{table}");
}

#[test]
fn one_posting_in_markdown_is_a_ranking_of_one_and_html_is_refused() {
    let out = skillgap(&[
        "analyze",
        BACKEND_TXT,
        "--job",
        "fixtures/postings/ranking/a-python-backend.md",
        "--format",
        "markdown",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "| 1 | fixtures/postings/ranking/a-python-backend.md | 89% | 4/4 | - | Redis |"
        ),
        "{text}"
    );
    let html = skillgap(&[
        "analyze",
        BACKEND_TXT,
        "--job",
        "fixtures/postings/ranking/a-python-backend.md",
        "--format",
        "html",
    ]);
    assert_eq!(html.status.code(), Some(2));
}

/// Short forms of a stack ("PG", "BQ", "GHA") count as items of a list of skills only: the
/// same letters elsewhere ("a PG diploma", "PG&E") are no skill.
#[test]
fn short_forms_of_a_stack_count_only_in_lists() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Stack: RoR, PG, Sidekiq, Redis.",
            &[
                "ruby-on-rails",
                "postgresql",
                "sidekiq",
                "redis",
                "ruby",
                "sql",
            ],
        ),
        (
            "Data: BQ, Looker, GHA.",
            &[
                "bigquery",
                "looker",
                "github-actions",
                "business-intelligence",
                "ci-cd",
                "gcp",
                "git",
                "github",
                "sql",
            ],
        ),
        ("PG Diploma in Management, 2019", &[]),
        ("Interned at PG&E on the billing team.", &[]),
    ];
    for &(line, want) in cases {
        let out = skillgap_stdin(&["extract", "-", "--format", "json"], line.as_bytes());
        assert_eq!(extract_ids(&out), want, "{line}");
    }
}

/// An acronym of capitals counts in another case only with evidence: "Bom" in a shop's name
/// is no bill of materials, while "BOM" and a lowercase skills list still count.
#[test]
fn acronyms_in_another_case_need_evidence() {
    let cases: &[(&str, &[&str])] = &[
        ("Data Engineer, Mercadinho Bom Preço (Recife)", &[]),
        (
            "Maintained the BOM for three product lines.",
            &["bill-of-materials"],
        ),
        ("Skills: python, sql, aws", &["python", "sql", "aws"]),
    ];
    for &(line, want) in cases {
        let out = skillgap_stdin(&["extract", "-", "--format", "json"], line.as_bytes());
        assert_eq!(extract_ids(&out), want, "{line}");
    }
}

/// An employer's, client's or other team's stack is context: a company description ("Kumo
/// Games makes Unity-based games"), a clause about "its" or "their" systems, and a skill
/// "owned by" or "built by a separate team" go to `not_claimed`; the person's own clause in
/// the same line still claims.
#[test]
fn others_stacks_are_not_claimed() {
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "Kumo Games makes Unity-based mobile games.",
            &[],
            &["unity"],
        ),
        (
            "Southern Ridge distributes supplies; its warehouse ran on NetSuite.",
            &[],
            &["netsuite"],
        ),
        (
            "The Android app is built by a separate team in Kotlin; I review the API contracts.",
            &[],
            &["kotlin"],
        ),
        (
            "Scorecards sit on a Power BI portal maintained by its web vendor.",
            &[],
            &["power-bi"],
        ),
        (
            "Acme Corp is a fintech; I built its payment APIs in Go and PostgreSQL.",
            &["payment-gateway-integration", "go", "postgresql"],
            &[],
        ),
        ("Python makes up most of my work.", &["python"], &[]),
    ];
    for &(line, claimed, not_claimed) in cases {
        let out = skillgap_stdin(&["extract", "-", "--format", "json"], line.as_bytes());
        let v = json_ok(&out);
        let explicit: Vec<&str> = v["skills"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["match"] != "implied")
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        assert_eq!(explicit, claimed, "{line}");
        assert_eq!(ids_at(&v, "not_claimed"), not_claimed, "{line}");
    }
}

/// Implied skills name the skills that imply them, as written in every report for people.
#[test]
fn implied_skills_name_what_implies_them() {
    let input = b"Skills: Spring Boot, Django\n";
    let args = ["analyze", "-", "--role", "backend-engineer", "--format"];
    for (format, want) in [
        (
            "table",
            "Java (implied by Spring Boot), Python (implied by Django)",
        ),
        (
            "markdown",
            "Java (implied by Spring Boot), Python (implied by Django)",
        ),
        ("html", "title=\"implied by Django\""),
    ] {
        let out = skillgap_stdin(&[&args[..], &[format]].concat(), input);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(want), "{format}: {text}");
        assert!(!text.contains("implied by spring-boot"), "{format}");
    }
}
