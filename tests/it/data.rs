//! The shipped data is tidy: the taxonomy is sorted by id with one skill per line, the
//! embedded set equals the files in `roles/`, and every role file names its own id.

use std::path::Path;

use skillgap::roles::{DataSet, role_paths};

fn roles_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("roles")
}

#[test]
fn taxonomy_is_sorted_one_skill_per_line() {
    let text = std::fs::read_to_string(roles_dir().join("skills.json")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first(), Some(&"{\"skills\": ["));
    assert_eq!(lines.last(), Some(&"]}"));
    let mut ids = Vec::new();
    for line in &lines[1..lines.len() - 1] {
        let item: serde_json::Value =
            serde_json::from_str(line.trim_end_matches(',')).expect("one skill per line");
        ids.push(item["id"].as_str().unwrap().to_string());
    }
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "skills.json is sorted by id");
    assert!(ids.len() >= 1000, "at least 1,000 skills: {}", ids.len());
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
    assert_eq!(
        backend.phases[0].skills[0].members(),
        ["python", "nodejs", "go"]
    );
    assert_eq!((backend.hours_per_week, backend.months()), (12.0, 10.0));
}
