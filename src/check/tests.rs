//! Tests of the whole check: golden fixtures (one directory per code), the shipped data,
//! the README and the JSON Schema.
//!
//! Re-bless the golden files after a deliberate change of wording with
//! `SKILLGAP_BLESS=1 cargo test --lib check::` and review the diff.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use super::*;
use crate::data::{DataSet, SourceFile};
use skillgap_data::schema;
use skillgap_data::{Phase, Project, Role, Salary, SkillSlot};

const FIXTURES: &str = "fixtures/invalid";

fn human(diags: &[Diagnostic], files: usize) -> String {
    let mut out = Vec::new();
    render(diags, files, CheckFormat::Human, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn bless() -> bool {
    std::env::var_os("SKILLGAP_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// The fixture directories, by name. Relative to the crate root (where `cargo test` runs
/// tests), so paths in the goldens do not depend on the machine.
fn fixture_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("fixtures/invalid")
        .map(|e| Path::new(FIXTURES).join(e.unwrap().file_name()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_fixture_matches_its_golden_output_and_shows_only_its_code() {
    let mut failures = Vec::new();
    for dir in fixture_dirs() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let code = Code::from_name(&name)
            .unwrap_or_else(|| panic!("fixture directory `{name}` does not name a code"));
        let (diags, files) = check_dir_counted(&dir).unwrap();
        let mut codes: BTreeSet<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        // Two files cannot share a stem, so one of two equal ids always mismatches its file.
        if code == Code::DuplicateRoleId {
            codes.remove(Code::IdMismatch.as_str());
        }
        if codes != BTreeSet::from([code.as_str()]) {
            failures.push(format!("{name}: expected only `{name}`, got {codes:?}"));
        }
        let actual = human(&diags, files);
        let golden = dir.join("expected.txt");
        if bless() {
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}: output differs (SKILLGAP_BLESS=1 to accept)\n--- expected\n{expected}--- actual\n{actual}",
                golden.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_code_has_a_fixture() {
    let dirs: HashSet<String> = fixture_dirs()
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !dirs.contains(*c))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

#[test]
fn code_names_are_unique_kebab_case_and_described() {
    let mut seen = HashSet::new();
    for code in Code::ALL {
        let name = code.as_str();
        assert!(seen.insert(name), "duplicate code name `{name}`");
        assert!(rules::is_kebab(name), "`{name}` is not kebab-case");
        assert_eq!(Code::from_name(name), Some(*code));
        let description = code.description();
        assert!(
            description.ends_with('.') && !description.contains('\n'),
            "{name}: {description}"
        );
    }
}

#[test]
fn readme_lists_every_code_with_its_description() {
    let readme = std::fs::read_to_string("roles/README.md").unwrap();
    for code in Code::ALL {
        let row = format!(
            "| `{}` | {} | {} |",
            code.as_str(),
            code.severity().as_str(),
            code.description()
        );
        assert!(
            readme.contains(&row),
            "roles/README.md lacks the row\n{row}"
        );
    }
}

#[test]
fn shipped_roles_have_no_errors() {
    let data = DataSet::embedded();
    let diags = check(&data);
    let errors: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{}", human(&diags, file_count(&data)));
    // A clean check means the data loads.
    crate::roles::Library::load(&data).unwrap();
}

#[test]
fn shipped_roles_have_no_warnings() {
    let data = DataSet::embedded();
    let diags = check(&data);
    assert!(diags.is_empty(), "{}", human(&diags, file_count(&data)));
}

#[test]
fn directory_and_embedded_checks_agree_on_the_shipped_roles() {
    let data = DataSet::embedded();
    let (diags, files) = check_dir_counted(Path::new("roles")).unwrap();
    assert_eq!(diags, check(&data));
    assert_eq!(files, file_count(&data));
}

#[test]
fn an_unlistable_directory_is_an_error() {
    assert!(check_dir(Path::new("fixtures/invalid/no-such-directory")).is_err());
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "skills.json",
        "{\"skills\": [\n{\"id\": \"sql\", \"name\": \"SQL\", \"category\": \"langauge\"}\n]}\n",
    );
    write("a.json", "{\"id\": \"a\",");
    write(
        "b.json",
        r#"{"id": "b", "title": "B", "summary": "S", "hours_per_week": 100, "colour": 1,
"phases": [{"name": "P", "months": 40, "skills": ["sql", "sqll", "sql"], "milestones": ["m"]}]}"#,
    );
    std::fs::write(dir.path().join("c.json"), b"{\"id\": \"c\xff\"}").unwrap();
    let diags = check_dir(dir.path()).unwrap();
    let got: Vec<(String, &str, usize, usize)> = diags
        .iter()
        .map(|d| {
            let file = d.path.file_name().unwrap().to_string_lossy().into_owned();
            (file, d.code.as_str(), d.line, d.column)
        })
        .collect();
    let want = [
        ("a.json", "invalid-json", 1, 11),
        ("b.json", "hours-out-of-range", 1, 61),
        ("b.json", "unknown-field", 1, 66),
        ("b.json", "months-out-of-range", 2, 36),
        ("b.json", "unknown-skill", 2, 58),
        ("b.json", "duplicate-skill", 2, 66),
        ("c.json", "unreadable-file", 1, 10),
        ("skills.json", "unknown-category", 2, 42),
    ];
    let want: Vec<(String, &str, usize, usize)> = want
        .iter()
        .map(|&(f, c, l, col)| (f.to_owned(), c, l, col))
        .collect();
    assert_eq!(got, want);
    let unknown = diags.iter().find(|d| d.code == Code::UnknownSkill).unwrap();
    assert_eq!(unknown.help.as_deref(), Some("did you mean `sql`?"));
}

#[test]
fn a_byte_order_mark_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let skills = "\u{FEFF}{\"skills\": [\n{\"id\": \"sql\", \"name\": \"SQL\", \"category\": \"language\"}\n]}\n";
    std::fs::write(dir.path().join("skills.json"), skills).unwrap();
    std::fs::write(
        dir.path().join("r.json"),
        "\u{FEFF}{\"id\": \"r\", \"title\": \"R\", \"summary\": \"S\", \"hours_per_week\": 10, \"phases\": [{\"name\": \"P\", \"months\": 2, \"skills\": [\"sql\"], \"milestones\": [\"m\"]}]}",
    )
    .unwrap();
    let checked = read_and_check_dir(dir.path()).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let data = checked.data.unwrap();
    assert!(crate::roles::Library::load(&data).is_ok());
}

#[test]
fn an_invalid_taxonomy_still_lets_role_shapes_be_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("skills.json"), "{\"skills\": [}").unwrap();
    std::fs::write(
        dir.path().join("r.json"),
        r#"{"id": "r", "title": "R", "summary": "S", "hours_per_week": 10, "phases": [{"name": "P", "skills": ["nope"], "milestones": ["m"]}]}"#,
    )
    .unwrap();
    let diags = check_dir(dir.path()).unwrap();
    let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
    // No unknown-skill: with no usable taxonomy, references cannot be judged.
    assert_eq!(codes, ["missing-field", "invalid-json"]);
}

#[test]
fn family_slots_without_a_usable_families_file_give_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("skills.json"),
        r#"{"skills": [{"id": "a", "name": "A", "category": "tool"}, {"id": "b", "name": "B", "category": "tool"}]}"#,
    )
    .unwrap();
    let role = |id: &str| {
        format!(
            r#"{{"id": "{id}", "title": "R", "summary": "S", "hours_per_week": 10, "phases": [{{"name": "P", "months": 1, "skills": [{{"family": "f", "pick": "a"}}, {{"family": "g", "pick": "b"}}], "milestones": ["m"], "projects": [{{"name": "N", "skills": ["b"], "hours": 5}}]}}]}}"#
        )
    };
    for id in ["r", "s", "t"] {
        std::fs::write(dir.path().join(format!("{id}.json")), role(id)).unwrap();
    }
    // No families.json: one finding for the set, none per slot or project.
    let diags = check_dir(dir.path()).unwrap();
    let found: Vec<(&str, usize)> = diags.iter().map(|d| (d.code.as_str(), d.line)).collect();
    assert_eq!(found, [("unknown-family", 0)]);
    assert!(
        diags[0].path.ends_with("families.json"),
        "{:?}",
        diags[0].path
    );
    // An invalid families.json: its own finding only.
    std::fs::write(dir.path().join("families.json"), "{\"families\": [").unwrap();
    let codes: Vec<String> = check_dir(dir.path())
        .unwrap()
        .iter()
        .map(|d| d.code.as_str().to_owned())
        .collect();
    assert_eq!(codes, ["invalid-json"]);
}

// ---- roles/schema.json stays in sync with the typed reader ----

fn sample_role() -> Role {
    Role {
        schema: Some("./schema.json".to_owned()),
        id: "r".to_owned(),
        title: "R".to_owned(),
        summary: "S".to_owned(),
        onet_soc: Some("15-1252.00".to_owned()),
        hours_per_week: 10.0,
        salary: vec![Salary {
            region: "US".to_owned(),
            currency: "USD".to_owned(),
            amount: 1.0,
            year: 2023,
            source: "src".to_owned(),
            url: Some("https://example.org/".to_owned()),
        }],
        phases: vec![Phase {
            name: "P".to_owned(),
            months: 1.0,
            skills: vec![
                SkillSlot::One("a".to_owned()),
                SkillSlot::AnyOf {
                    any_of: vec!["b".to_owned(), "c".to_owned()],
                },
                SkillSlot::Family {
                    family: "f".to_owned(),
                    pick: "d".to_owned(),
                    members: Vec::new(),
                },
            ],
            weights: Some(vec![1.0, 2.0, 1.0]),
            milestones: vec!["m".to_owned()],
            projects: vec![Project {
                name: "N".to_owned(),
                summary: "S".to_owned(),
                skills: vec!["a".to_owned()],
                hours: 10.0,
            }],
        }],
    }
}

/// Picks one object out of a role's JSON: the role itself, a phase, a salary, a slot.
type Pick = fn(&mut serde_json::Value) -> &mut serde_json::Value;

/// The keys of the object `pick` finds in the sample role, plus whether the typed reader
/// requires each (found by removing the key from the full sample and reading the role).
fn reader_fields(pick: Pick) -> (BTreeSet<String>, BTreeSet<String>) {
    let role = serde_json::to_value(sample_role()).unwrap();
    let mut full = role.clone();
    let keys: BTreeSet<String> = pick(&mut full)
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut required = BTreeSet::new();
    for key in &keys {
        let mut less = role.clone();
        pick(&mut less).as_object_mut().unwrap().remove(key);
        if skillgap_data::read::role(&less.to_string()).is_err() {
            required.insert(key.clone());
        }
    }
    (keys, required)
}

fn the_role(v: &mut serde_json::Value) -> &mut serde_json::Value {
    v
}

fn the_phase(v: &mut serde_json::Value) -> &mut serde_json::Value {
    &mut v["phases"][0]
}

fn the_salary(v: &mut serde_json::Value) -> &mut serde_json::Value {
    &mut v["salary"][0]
}

fn the_any_of(v: &mut serde_json::Value) -> &mut serde_json::Value {
    &mut v["phases"][0]["skills"][1]
}

fn the_family_slot(v: &mut serde_json::Value) -> &mut serde_json::Value {
    &mut v["phases"][0]["skills"][2]
}

fn the_project(v: &mut serde_json::Value) -> &mut serde_json::Value {
    &mut v["phases"][0]["projects"][0]
}

fn schema_fields(def: &serde_json::Value) -> (BTreeSet<String>, BTreeSet<String>) {
    let keys = def["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let required = def["required"]
        .as_array()
        .map(|r| r.iter().map(|k| k.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default();
    assert_eq!(
        def["additionalProperties"],
        serde_json::Value::Bool(false),
        "the schema must refuse unknown fields, as the reader does"
    );
    (keys, required)
}

#[test]
fn schema_matches_the_role_structs() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("roles/schema.json").unwrap()).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // `$schema` is accepted but never serialized.
    let (mut keys, required) = reader_fields(the_role);
    keys.insert("$schema".to_owned());
    assert_eq!(schema_fields(&schema), (keys, required), "role");
    let defs = &schema["$defs"];
    assert_eq!(
        schema_fields(&defs["phase"]),
        reader_fields(the_phase),
        "phase"
    );
    assert_eq!(
        schema_fields(&defs["salary"]),
        reader_fields(the_salary),
        "salary"
    );
    assert_eq!(
        schema_fields(&defs["any_of"]),
        reader_fields(the_any_of),
        "any_of"
    );
    assert_eq!(
        schema_fields(&defs["family_slot"]),
        reader_fields(the_family_slot),
        "family_slot"
    );
    assert_eq!(
        schema_fields(&defs["project"]),
        reader_fields(the_project),
        "project"
    );
}

// ---- the one definition of the data shape: schema.json and the reader agree ----

/// The keys of a definition and the required ones.
fn def_fields(def: &schema::Object) -> (BTreeSet<String>, BTreeSet<String>) {
    let keys = def.names().map(str::to_owned).collect();
    let required = def
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name.to_owned())
        .collect();
    (keys, required)
}

/// The JSON Schema `type` of a property, following a `$ref` into `$defs`.
fn schema_type(schema: &serde_json::Value, prop: &serde_json::Value) -> serde_json::Value {
    match prop["$ref"].as_str() {
        Some(r) => {
            let name = r.strip_prefix("#/$defs/").unwrap();
            schema["$defs"][name]["type"].clone()
        }
        None => prop["type"].clone(),
    }
}

#[test]
fn schema_json_matches_the_definitions() {
    use schema::{Item, Type};
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("roles/schema.json").unwrap()).unwrap();
    let defs = &schema["$defs"];
    let objects = [
        (&schema::ROLE, &schema),
        (&schema::PHASE, &defs["phase"]),
        (&schema::SALARY, &defs["salary"]),
        (&schema::ANY_OF, &defs["any_of"]),
        (&schema::FAMILY_SLOT, &defs["family_slot"]),
        (&schema::PROJECT, &defs["project"]),
    ];
    for (def, json) in objects {
        assert_eq!(schema_fields(json), def_fields(def), "{}", def.name);
        if def.name != "role" {
            assert!(defs[def.name].is_object(), "$defs has `{}`", def.name);
        }
        for field in def.fields {
            let prop = &json["properties"][field.name];
            let ty = |t: &str| serde_json::json!(t);
            let (want, items) = match field.ty {
                Type::Str => (ty("string"), None),
                Type::Num => (ty("number"), None),
                Type::Bool => (ty("boolean"), None),
                Type::List(item) => (ty("array"), Some(item)),
                Type::ListOrNull(item) => (serde_json::json!(["array", "null"]), Some(item)),
            };
            let at = format!("{}.{}", def.name, field.name);
            assert_eq!(schema_type(&schema, prop), want, "{at}");
            let Some(item) = items else { continue };
            let items = &prop["items"];
            match item {
                Item::Str => assert_eq!(schema_type(&schema, items), ty("string"), "{at}"),
                Item::Num => assert_eq!(schema_type(&schema, items), ty("number"), "{at}"),
                Item::Object(object) => assert_eq!(
                    items["$ref"].as_str(),
                    Some(format!("#/$defs/{}", object.name).as_str()),
                    "{at}"
                ),
                Item::Slot => {
                    let one_of = items["oneOf"].as_array().unwrap();
                    let types: Vec<serde_json::Value> =
                        one_of.iter().map(|v| schema_type(&schema, v)).collect();
                    assert_eq!(types, [ty("string"), ty("object"), ty("object")], "{at}");
                }
            }
        }
    }
}

#[test]
fn the_reader_requires_what_the_definitions_require() {
    let (mut keys, required) = reader_fields(the_role);
    keys.insert("$schema".to_owned());
    assert_eq!((keys, required), def_fields(&schema::ROLE), "role");
    assert_eq!(
        reader_fields(the_phase),
        def_fields(&schema::PHASE),
        "phase"
    );
    assert_eq!(
        reader_fields(the_salary),
        def_fields(&schema::SALARY),
        "salary"
    );
    assert_eq!(
        reader_fields(the_any_of),
        def_fields(&schema::ANY_OF),
        "any_of"
    );
    assert_eq!(
        reader_fields(the_family_slot),
        def_fields(&schema::FAMILY_SLOT),
        "family_slot"
    );
    assert_eq!(
        reader_fields(the_project),
        def_fields(&schema::PROJECT),
        "project"
    );
    // What is written out (JSON output, less `$schema`) reads back the same.
    let text = serde_json::to_string(&sample_role()).unwrap();
    assert_eq!(
        skillgap_data::read::role(&text).unwrap(),
        Role {
            schema: None,
            ..sample_role()
        }
    );
    for file in DataSet::embedded().roles {
        let role = skillgap_data::read::role(&file.text).unwrap();
        // The embedded files are read with serde at run time (faster): the same roles,
        // every kind of slot included.
        let by_serde: Role = serde_json::from_str(&file.text).unwrap();
        assert_eq!(by_serde, role, "{}", file.path.display());
        let again = skillgap_data::read::role(&serde_json::to_string(&role).unwrap()).unwrap();
        assert_eq!(
            again,
            Role {
                schema: None,
                ..role
            },
            "{}",
            file.path.display()
        );
    }
    let slots: Vec<SkillSlot> =
        serde_json::from_str(r#"["go", {"any_of": ["a", "b"]}, {"family": "f", "pick": "p"}]"#)
            .unwrap();
    assert_eq!(
        slots,
        [
            SkillSlot::One("go".into()),
            SkillSlot::AnyOf {
                any_of: vec!["a".into(), "b".into()]
            },
            SkillSlot::Family {
                family: "f".into(),
                pick: "p".into(),
                members: Vec::new()
            }
        ]
    );
    assert!(serde_json::from_str::<SkillSlot>(r#"{"family": "f"}"#).is_err());
    assert!(serde_json::from_str::<SkillSlot>("3").is_err());
}

#[test]
fn the_reader_stops_at_the_first_shape_problem_with_its_place() {
    let cases = [
        (
            "{\"id\": \"r\", \"colour\": 1}",
            "unknown field `colour` in role `r` at line 1 column 13",
        ),
        (
            "{\"id\": 1, \"title\": \"T\", \"summary\": \"S\", \"hours_per_week\": 5, \"phases\": []}",
            "`id` of the role must be a string, found a number at line 1 column 8",
        ),
        (
            "{\"id\": \"r\", \"title\": \"T\", \"summary\": \"S\", \"hours_per_week\": 5,\n\"phases\": [{\"name\": \"P\", \"months\": 1, \"skills\": [3]}]}",
            "a skill of phase `P` must be a skill id, {\"any_of\": [...]} or {\"family\": ..., \"pick\": ...}, found a number at line 2 column 50",
        ),
        (
            "{\"id\": \"r\"}",
            "role `r` is missing field `title` at line 1 column 1",
        ),
    ];
    for (text, want) in cases {
        let err = skillgap_data::read::role(text).unwrap_err();
        assert_eq!(err.to_string(), want, "{text}");
    }
    let err = crate::taxonomy::Taxonomy::from_json(
        "{\"skills\": [{\"id\": \"a\", \"name\": \"A\", \"category\": \"tol\"}]}",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "skill `a` has unknown category `tol` at line 1 column 50"
    );
}

// ---- taxonomy rules in detail ----

fn check_taxonomy(skills: &[&str]) -> Vec<(String, usize)> {
    let data = DataSet {
        taxonomy: SourceFile {
            path: PathBuf::from("roles/skills.json"),
            text: format!("{{\"skills\": [\n{}\n]}}\n", skills.join(",\n")).into(),
        },
        imported: None,
        families: None,
        roles: Vec::new(),
        embedded: false,
    };
    check(&data)
        .into_iter()
        .map(|d| (d.code.as_str().to_owned(), d.line))
        .collect()
}

#[test]
fn case_variants_of_an_alias_are_distinct_only_for_ambiguous_skills() {
    let found = check_taxonomy(&[
        r#"{"id": "java", "name": "Java", "category": "language", "aliases": ["JAVA", "Core Java", "Core JAVA"], "ambiguous": true}"#,
        r#"{"id": "vue", "name": "Vue", "category": "framework", "aliases": ["VueJS", "Vuejs"]}"#,
    ]);
    assert_eq!(found, [("duplicate-alias".to_owned(), 3)]);
}

#[test]
fn aliases_are_compared_as_the_matcher_sees_them() {
    // Fullwidth letters and a soft hyphen normalise to another skill's forms.
    let found = check_taxonomy(&[
        r#"{"id": "postgresql", "name": "PostgreSQL", "category": "database", "aliases": ["Postgres"]}"#,
        r#"{"id": "mysql", "name": "MySQL", "category": "database", "aliases": ["\uff30\uff4f\uff53\uff54\uff47\uff52\uff45\uff53"]}"#,
        r#"{"id": "docker", "name": "Docker", "category": "tool", "aliases": ["Postgre\u00adSQL", "\u200b"]}"#,
    ]);
    assert_eq!(
        found,
        [
            // Both of its forms now belong to other skills too.
            ("unused-skill".to_owned(), 2),
            ("duplicate-alias".to_owned(), 3),
            ("alias-is-other-id".to_owned(), 4),
            ("blank-form".to_owned(), 4),
        ]
    );
}

#[test]
fn a_duplicated_skill_id_is_reported_once_not_through_every_alias() {
    let found = check_taxonomy(&[
        r#"{"id": "sql", "name": "SQL", "category": "language", "aliases": ["Structured Query Language"]}"#,
        r#"{"id": "sql", "name": "SQL", "category": "language", "aliases": ["Structured Query Language"], "implies": ["nope"]}"#,
    ]);
    assert_eq!(found, [("duplicate-taxonomy-id".to_owned(), 3)]);
}

#[test]
fn a_detection_only_skill_is_not_unused() {
    // No role at all: every skill is still found in resumes, so none is unused.
    let found = check_taxonomy(&[
        r#"{"id": "cobol", "name": "COBOL", "category": "language"}"#,
        r#"{"id": "fortran", "name": "Fortran", "category": "language"}"#,
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_alias_may_repeat_its_own_id_but_not_another_skills() {
    let found = check_taxonomy(&[
        r#"{"id": "cpp", "name": "C++", "category": "language", "aliases": ["cpp"]}"#,
        r#"{"id": "c", "name": "C", "category": "language", "aliases": ["CPP"]}"#,
    ]);
    assert_eq!(
        found,
        [
            ("duplicate-alias".to_owned(), 3),
            ("alias-is-other-id".to_owned(), 3)
        ]
    );
}

// ---- the imported taxonomy, `imported/skills.json` ----

/// A roles directory with a curated `skills.json` (docker, kubernetes, python), the imported
/// file `imported` and one role naming `role_skills`.
fn imported_dir(imported: &str, role_skills: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("skills.json"),
        r#"{"skills": [
{"id": "docker", "name": "Docker", "category": "tool", "aliases": ["Docker Engine"]},
{"id": "kubernetes", "name": "Kubernetes", "category": "tool", "aliases": ["k8s"]},
{"id": "python", "name": "Python", "category": "language"}
]}
"#,
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("imported")).unwrap();
    std::fs::write(dir.path().join("imported").join("skills.json"), imported).unwrap();
    std::fs::write(
        dir.path().join("ops.json"),
        format!(
            r#"{{"id": "ops", "title": "Ops", "summary": "S", "hours_per_week": 10,
"phases": [{{"name": "P", "months": 2, "skills": [{role_skills}], "milestones": ["m"]}}]}}"#
        ),
    )
    .unwrap();
    dir
}

/// (file name relative to the directory, code, line, column) of each finding.
fn findings(dir: &Path, diags: &[Diagnostic]) -> Vec<(String, &'static str, usize, usize)> {
    diags
        .iter()
        .map(|d| {
            let file = d.path.strip_prefix(dir).unwrap_or(&d.path);
            (slash_path(file), d.code.as_str(), d.line, d.column)
        })
        .collect()
}

#[test]
fn an_imported_file_is_checked_for_shape_like_skills_json() {
    let dir = imported_dir(
        "{\"skills\": [\n{\"id\": \"helm\", \"name\": \"Helm\", \"category\": \"tool\", \"colour\": 1},\n{\"id\": \"Terraform\", \"name\": \"Terraform\", \"category\": \"tol\"}\n]}\n",
        r#""docker", "kubernetes", "python""#,
    );
    let (diags, files) = check_dir_counted(dir.path()).unwrap();
    assert_eq!(
        findings(dir.path(), &diags),
        [
            ("imported/skills.json".to_owned(), "unknown-field", 2, 52),
            ("imported/skills.json".to_owned(), "invalid-id", 3, 8),
            ("imported/skills.json".to_owned(), "unknown-category", 3, 54),
        ]
    );
    // The imported file counts in the summary: skills.json, it, and the role file.
    assert_eq!(files, 3);
    let text = human(&diags, files);
    assert!(
        text.contains("/imported/skills.json:2:52: error[unknown-field]: unknown field `colour` in skill `helm`"),
        "{text}"
    );
    assert!(
        text.ends_with("check: 3 errors, 0 warnings in 3 files\n"),
        "{text}"
    );

    // Not JSON: one finding, and role references to its skills are not judged.
    let dir = imported_dir("{\"skills\": [\n", r#""docker", "helm""#);
    let diags = check_dir(dir.path()).unwrap();
    let found = findings(dir.path(), &diags);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "imported/skills.json");
    assert_eq!(found[0].1, "invalid-json");
}

#[test]
fn an_imported_form_of_a_curated_skill_is_an_error_naming_both() {
    let dir = imported_dir(
        r#"{"skills": [
{"id": "docker-ce", "name": "Docker CE", "category": "tool", "aliases": ["docker engine"]},
{"id": "k8s-tools", "name": "K8S", "category": "tool"},
{"id": "podman", "name": "Podman", "category": "tool"}
]}
"#,
        r#""docker", "kubernetes", "python""#,
    );
    let diags = check_dir(dir.path()).unwrap();
    assert_eq!(
        findings(dir.path(), &diags),
        [
            ("imported/skills.json".to_owned(), "duplicate-alias", 2, 74),
            ("imported/skills.json".to_owned(), "duplicate-alias", 3, 29),
        ]
    );
    assert_eq!(
        diags[0].message,
        "alias `docker engine` of imported skill `docker-ce` is an alias of curated skill `docker` (`Docker Engine`)"
    );
    assert_eq!(
        diags[1].message,
        "name `K8S` of imported skill `k8s-tools` is an alias of curated skill `kubernetes` (`k8s`)"
    );
    assert_eq!(
        diags[1].help.as_deref(),
        Some(
            "a form must name one skill: leave it out of the import, or import the skill as `kubernetes` (the curated entry then wins)"
        )
    );
    // Refused by `--roles-dir` like any error.
    assert!(crate::roles::load::load_library(Some(dir.path())).is_err());
}

#[test]
fn an_imported_skill_with_a_curated_id_adds_only_aliases_no_curated_form_takes() {
    let dir = imported_dir(
        r#"{"skills": [
{"id": "docker", "name": "Docker CE", "category": "cloud", "aliases": ["Moby", "k8s"], "implies": ["nowhere"]},
{"id": "helm", "name": "Helm", "category": "tool", "aliases": ["Helm charts"], "implies": ["kubernetes"]},
{"id": "podman", "name": "Podman", "category": "tool"}
]}
"#,
        // A role may name imported skills; `podman` is used by nothing and is no warning
        // (imported skills are reference data).
        r#""docker", "helm", "python""#,
    );
    let checked = read_and_check_dir(dir.path()).unwrap();
    // Not an error, not even through the entry's alias or implication: its curated fields
    // are the curated skill's. `kubernetes` is used: an imported skill implies it.
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    assert_eq!(checked.files, 3);
    let data = checked.data.unwrap();
    assert!(data.imported.is_some());
    let library = crate::roles::Library::load(&data).unwrap();
    let docker = library.taxonomy.get("docker").unwrap();
    assert_eq!(&*docker.name, "Docker");
    // The imported entry adds only the alias no curated form takes (`k8s` is kubernetes').
    assert_eq!(
        docker.forms().collect::<Vec<_>>(),
        ["Docker", "Docker Engine", "Moby"]
    );
    assert!(docker.implies.is_empty());
    let ids: Vec<&str> = library.taxonomy.iter().map(|s| &*s.id).collect();
    assert_eq!(ids, ["docker", "helm", "kubernetes", "podman", "python"]);
    assert_eq!(library.taxonomy.implied_closure("helm"), ["kubernetes"]);
    // The same set checked from memory agrees, and counts the imported file.
    assert_eq!(check(&data), checked.diagnostics);
    assert_eq!(file_count(&data), 3);
}

#[test]
fn imported_skills_follow_the_taxonomy_rules_among_themselves() {
    let dir = imported_dir(
        r#"{"skills": [
{"id": "helm", "name": "Helm", "category": "tool", "aliases": ["charts"], "implies": ["kustomize", "kubernetes"]},
{"id": "kustomize", "name": "Kustomize", "category": "tool", "aliases": ["Charts"], "implies": ["helm"]},
{"id": "argo", "name": "Argo", "category": "tool", "implies": ["kubernets"]},
{"id": "argo", "name": "Argo CD", "category": "tool"}
]}
"#,
        r#""docker", "kubernetes", "python", "argo""#,
    );
    let diags = check_dir(dir.path()).unwrap();
    let codes: Vec<(String, &str, usize, usize)> = findings(dir.path(), &diags);
    let codes: Vec<(&str, usize)> = codes.iter().map(|f| (f.1, f.2)).collect();
    assert_eq!(
        codes,
        [
            ("duplicate-alias", 3),
            ("implication-cycle", 3),
            ("unknown-implied-skill", 4),
            ("duplicate-taxonomy-id", 5),
        ]
    );
    let unknown = diags
        .iter()
        .find(|d| d.code == Code::UnknownImpliedSkill)
        .unwrap();
    assert_eq!(unknown.help.as_deref(), Some("did you mean `kubernetes`?"));
}
