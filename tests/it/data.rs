//! The shipped data is tidy: the taxonomy files are in canonical form (sorted by id, lists
//! sorted, long lists one item a line), the embedded set equals the files in `roles/`, and
//! every role file names its own id.
//!
//! After editing a taxonomy file, rewrite it in canonical form with
//! `SKILLGAP_BLESS=1 cargo test --test it data::` and review the
//! diff.

use std::path::{Path, PathBuf};

use skillgap::roles::{DataSet, role_paths};
use skillgap_data::canonical;

fn roles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("roles")
}

fn bless() -> bool {
    std::env::var_os("SKILLGAP_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// The taxonomy files: the curated `skills.json`, and `imported/skills.json` when present.
fn taxonomy_files() -> Vec<PathBuf> {
    let mut files = vec![roles_dir().join("skills.json")];
    let imported = roles_dir().join("imported").join("skills.json");
    if imported.exists() {
        files.push(imported);
    }
    files
}

/// The first line where `actual` and `canonical` differ, for the failure message.
fn first_difference(actual: &str, canonical: &str) -> String {
    let (mut a, mut c) = (actual.lines(), canonical.lines());
    for n in 1.. {
        match (a.next(), c.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (None, None) => break,
            (x, y) => {
                return format!(
                    "line {n}\n   file: {}\n  canonical: {}",
                    x.unwrap_or("(end of file)"),
                    y.unwrap_or("(end of file)")
                );
            }
        }
    }
    "the line ends differ".to_owned()
}

#[test]
fn taxonomy_files_are_canonical() {
    for path in taxonomy_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let skills = skillgap_data::read::taxonomy(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let tidy = canonical::taxonomy_text(&skills);
        if text == tidy {
            continue;
        }
        if bless() {
            std::fs::write(&path, &tidy).unwrap();
            continue;
        }
        panic!(
            "{} is not in canonical form (first difference at {}); rewrite it with `SKILLGAP_BLESS=1 cargo test --test it data::` and review the diff",
            path.display(),
            first_difference(&text, &tidy)
        );
    }
}

#[test]
fn taxonomy_is_sorted_with_one_skill_a_line_or_one_fact_a_line() {
    let text = std::fs::read_to_string(roles_dir().join("skills.json")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first(), Some(&"{\"skills\": ["));
    assert_eq!(lines.last(), Some(&"]}"));
    let skills = skillgap_data::read::taxonomy(&text).unwrap();
    let ids: Vec<&str> = skills.iter().map(|s| &*s.id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "skills.json is sorted by id");
    assert!(ids.len() >= 1000, "at least 1,000 skills: {}", ids.len());
    // Each skill starts a line of its own; a line is one skill, or one fact of a long one.
    let starts = lines.iter().filter(|l| l.starts_with("{\"id\": ")).count();
    assert_eq!(starts, ids.len());
    for line in &lines {
        let head = line.starts_with("{\"id\": ") && line.ends_with(',');
        assert!(
            line.chars().count() <= canonical::LINE_WIDTH || head || !line.contains("\", \""),
            "a long line holds the id, name and category, or one item: {line}"
        );
    }
}

#[test]
fn embedded_set_equals_the_files() {
    let embedded = DataSet::embedded();
    let on_disk: Vec<String> = role_paths(&roles_dir())
        .unwrap()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let in_binary: Vec<String> = embedded
        .roles
        .iter()
        .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(in_binary, on_disk);
    for file in &embedded.roles {
        let disk =
            std::fs::read_to_string(roles_dir().join(file.path.file_name().unwrap())).unwrap();
        assert_eq!(
            file.text,
            disk,
            "{} is embedded as it is on disk",
            file.path.display()
        );
    }
    assert!(on_disk.len() >= 21);
    // The imported taxonomy is embedded when, and as, it is on disk.
    let imported = std::fs::read_to_string(roles_dir().join("imported").join("skills.json")).ok();
    assert_eq!(embedded.imported.map(|f| f.text.into_owned()), imported);
}

#[test]
fn every_role_skill_exists_and_backend_is_the_seed_plan() {
    let lib = skillgap::roles::Library::load(&DataSet::embedded()).unwrap();
    let backend = lib.role("backend-engineer").unwrap();
    let plan: Vec<(&str, f64, Vec<&str>)> = backend
        .phases
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.months,
                p.skills.iter().map(|s| s.primary()).collect(),
            )
        })
        .collect();
    assert_eq!(
        plan,
        [
            (
                "Language + databases",
                3.0,
                vec!["python", "sql", "postgresql"]
            ),
            ("APIs + auth", 3.0, vec!["rest-apis", "docker", "git"]),
            (
                "Production systems",
                4.0,
                vec!["redis", "kubernetes", "aws"]
            ),
        ]
    );
    // The seed's "pick one language (Python, Node, or Go)", database and cloud are family
    // slots with the seed's picks; any member meets them.
    let families: Vec<(&str, Option<&str>)> = backend
        .slots()
        .iter()
        .map(|s| (s.primary(), s.family()))
        .filter(|(_, f)| f.is_some())
        .collect();
    assert_eq!(
        families,
        [
            ("python", Some("backend-language")),
            ("postgresql", Some("relational-database")),
            ("redis", Some("in-memory-store")),
            ("kubernetes", Some("container-orchestrator")),
            ("aws", Some("cloud-platform")),
        ]
    );
    let language = backend.phases[0].skills[0].members();
    for seed in ["python", "nodejs", "go", "java", "csharp", "kotlin"] {
        assert!(language.iter().any(|m| m == seed), "{seed} in {language:?}");
    }
    assert_eq!(language[0], "python");
    assert_eq!((backend.hours_per_week, backend.months()), (12.0, 10.0));
}

/// Issue 13: 45 roles or more, each with an O*NET-SOC code of the occupation table, at
/// least six projects that together exercise every slot, and salaries with a year.
#[test]
fn every_shipped_role_has_an_occupation_projects_for_every_slot_and_dated_salaries() {
    let lib = skillgap::roles::Library::load(&DataSet::embedded()).unwrap();
    assert!(lib.roles.len() >= 45, "{} roles", lib.roles.len());
    for named in [
        "software-engineer",
        "java-developer",
        "dotnet-developer",
        "product-manager",
        "ux-ui-designer",
        "business-analyst",
        "database-administrator",
        "network-engineer",
        "systems-administrator",
        "solutions-architect",
        "technical-writer",
        "engineering-manager",
        "health-informatics-specialist",
        "bi-analyst",
        "blockchain-developer",
        "computer-vision-engineer",
        "nlp-engineer",
        "cloud-security-engineer",
        "penetration-tester",
        "data-architect",
        "it-support-specialist",
        "developer-advocate",
        "robotics-software-engineer",
        "ar-vr-developer",
    ] {
        assert!(lib.role(named).is_some(), "no role `{named}`");
    }
    let mut problems = Vec::new();
    for role in &lib.roles {
        match role.onet_soc.as_deref() {
            Some(code) if skillgap::occupations::find(code).is_some() => {}
            other => problems.push(format!("{}: occupation {other:?}", role.id)),
        }
        let projects: Vec<_> = role.phases.iter().flat_map(|p| &p.projects).collect();
        if projects.len() < 6 {
            problems.push(format!("{}: {} projects", role.id, projects.len()));
        }
        for slot in role.slots() {
            let exercised = projects.iter().any(|p| {
                p.skills
                    .iter()
                    .any(|s| slot.members().contains(s) || slot.family() == Some(s.as_str()))
            });
            if !exercised {
                problems.push(format!(
                    "{}: no project exercises `{}`",
                    role.id,
                    slot.primary()
                ));
            }
        }
        for s in &role.salary {
            if !(2019..=2026).contains(&s.year) || s.source.is_empty() {
                problems.push(format!("{}: salary {} {}", role.id, s.amount, s.year));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
