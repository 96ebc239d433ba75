//! Keeps `schemas/report.schema.json` in sync with the JSON the structs produce: real
//! reports built from the project's fixtures are validated against the schema by a small
//! checker of the keywords the schema uses, and every property the schema names must show
//! up in at least one of those reports (so neither side can drift alone).

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;
use serde_json::{Value, json};

use super::json::record_bytes;
use super::testdata;
use super::{AnalyzeReport, BatchOutput, ExtractReport, Framing, SCHEMA_VERSION};
use crate::batch::FileError;
use crate::commands::job_report;
use crate::extract::{self, Document, ExtractError};
use crate::gap::GapOptions;
use crate::matcher::Matcher;
use crate::roles::Library;
use crate::sections::Section;
use crate::taxonomy::Category;

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/report.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).expect("schema JSON")
}

/// Keywords the checker implements; the schema may use no others.
const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "title",
    "description",
    "$defs",
    "$ref",
    "type",
    "const",
    "enum",
    "minimum",
    "maximum",
    "minItems",
    "oneOf",
    "items",
    "properties",
    "required",
    "additionalProperties",
    "unevaluatedProperties",
];

/// A validator for the subset of JSON Schema 2020-12 in [`KEYWORDS`]. Records every
/// property (as `<schema pointer>/properties/<key>`) that a valid instance used.
struct Checker {
    root: Value,
}

impl Checker {
    fn at(&self, ptr: &str) -> &Value {
        self.root
            .pointer(ptr)
            .unwrap_or_else(|| panic!("schema has no {ptr:?}"))
    }

    fn ref_ptr(reference: &str) -> String {
        reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("only local $ref: {reference}"))
            .to_owned()
    }

    /// Property names a schema evaluates: its own `properties` and those of its `$ref`s.
    fn evaluated(&self, ptr: &str) -> BTreeSet<String> {
        let schema = self.at(ptr);
        let mut names: BTreeSet<String> = schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            names.extend(self.evaluated(&Self::ref_ptr(r)));
        }
        names
    }

    fn validate(
        &self,
        ptr: &str,
        value: &Value,
        at: &str,
        seen: &mut BTreeSet<String>,
    ) -> Result<(), String> {
        let schema = self.at(ptr);
        let obj = schema
            .as_object()
            .unwrap_or_else(|| panic!("schema {ptr} is not an object"));
        if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
            self.validate(&Self::ref_ptr(r), value, at, seen)?;
        }
        if let Some(t) = obj.get("type") {
            let types: Vec<&str> = match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => panic!("bad type in {ptr}"),
            };
            if !types.iter().any(|t| type_matches(t, value)) {
                return Err(format!("{at}: {value} is not of type {types:?} ({ptr})"));
            }
        }
        if let Some(c) = obj.get("const")
            && c != value
        {
            return Err(format!("{at}: {value} is not {c} ({ptr})"));
        }
        if let Some(Value::Array(options)) = obj.get("enum")
            && !options.contains(value)
        {
            return Err(format!("{at}: {value} is not one of {options:?} ({ptr})"));
        }
        if let Some(x) = value.as_f64() {
            if let Some(min) = obj.get("minimum").and_then(Value::as_f64)
                && x < min
            {
                return Err(format!("{at}: {x} < minimum {min}"));
            }
            if let Some(max) = obj.get("maximum").and_then(Value::as_f64)
                && x > max
            {
                return Err(format!("{at}: {x} > maximum {max}"));
            }
        }
        if let Some(Value::Array(branches)) = obj.get("oneOf") {
            let mut passed = Vec::new();
            let mut errors = Vec::new();
            for i in 0..branches.len() {
                let mut branch_seen = BTreeSet::new();
                match self.validate(&format!("{ptr}/oneOf/{i}"), value, at, &mut branch_seen) {
                    Ok(()) => passed.push(branch_seen),
                    Err(e) => errors.push(e),
                }
            }
            if passed.len() != 1 {
                return Err(format!(
                    "{at}: {} branches of oneOf {ptr} match, not one: {errors:?}",
                    passed.len()
                ));
            }
            seen.extend(passed.pop().unwrap());
        }
        if let Value::Array(items) = value {
            if let Some(min) = obj.get("minItems").and_then(Value::as_u64)
                && (items.len() as u64) < min
            {
                return Err(format!("{at}: fewer than {min} items"));
            }
            if obj.contains_key("items") {
                for (i, item) in items.iter().enumerate() {
                    self.validate(&format!("{ptr}/items"), item, &format!("{at}[{i}]"), seen)?;
                }
            }
        }
        if let Value::Object(fields) = value {
            if let Some(Value::Array(required)) = obj.get("required") {
                for key in required.iter().filter_map(Value::as_str) {
                    if !fields.contains_key(key) {
                        return Err(format!("{at}: missing required `{key}` ({ptr})"));
                    }
                }
            }
            let own: BTreeSet<String> = obj
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            for (key, v) in fields {
                if own.contains(key) {
                    let prop = format!("{ptr}/properties/{key}");
                    self.validate(&prop, v, &format!("{at}.{key}"), seen)?;
                    seen.insert(prop);
                }
            }
            let closed = if obj.get("additionalProperties") == Some(&Value::Bool(false)) {
                Some(own.clone())
            } else if obj.get("unevaluatedProperties") == Some(&Value::Bool(false)) {
                Some(self.evaluated(ptr))
            } else {
                None
            };
            if let Some(allowed) = closed {
                for key in fields.keys() {
                    if !allowed.contains(key) {
                        return Err(format!("{at}: key `{key}` is not in the schema ({ptr})"));
                    }
                }
            }
        }
        Ok(())
    }
}

fn type_matches(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other}"),
    }
}

/// Every `<pointer>/properties/<key>` of the schema.
fn all_properties(value: &Value, ptr: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let escaped = k.replace('~', "~0").replace('/', "~1");
                let child = format!("{ptr}/{escaped}");
                if k == "properties"
                    && let Value::Object(props) = v
                {
                    for p in props.keys() {
                        out.insert(format!("{child}/{p}"));
                    }
                }
                all_properties(v, &child, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                all_properties(v, &format!("{ptr}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The keywords used in schema objects (not inside `properties`, `$defs` or `enum`).
fn keywords(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                match k.as_str() {
                    "properties" | "$defs" => {
                        for sub in v.as_object().into_iter().flat_map(|m| m.values()) {
                            keywords(sub, out);
                        }
                    }
                    "enum" | "const" | "required" => {}
                    _ => keywords(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keywords(v, out)),
        _ => {}
    }
}

/// A batch line for a report, as batch mode writes it: the path, then the report's keys.
#[derive(Serialize)]
struct BatchReport<'a> {
    path: &'a str,
    #[serde(flatten)]
    report: &'a AnalyzeReport,
}

fn extract_report(r: &AnalyzeReport) -> ExtractReport {
    ExtractReport {
        schema_version: SCHEMA_VERSION,
        input: r.input.clone(),
        skills: r.skills_found.clone(),
        learning: r.learning.clone(),
        not_claimed: r.not_claimed.clone(),
    }
}

fn extract_kinds() -> Vec<&'static str> {
    let errors = [
        ExtractError::Io(std::io::Error::other("x")),
        ExtractError::Empty,
        ExtractError::NoText("JSON Resume", String::new()),
        ExtractError::TooLarge(String::new()),
        ExtractError::Unsupported(String::new()),
        ExtractError::Encrypted,
        ExtractError::NoTextLayer,
        ExtractError::Damaged(String::new()),
        ExtractError::Unreadable,
    ];
    let mut kinds: Vec<&'static str> = errors.iter().map(ExtractError::kind).collect();
    kinds.dedup(); // Empty and NoText share a kind
    kinds
}

/// Real outputs: the backend fixture (text and PDF), a resume with implied and learning
/// skills and text before any heading, one missing an any-of slot, a ready one; their
/// extract reports; batch lines for reports and for every error kind.
fn samples() -> Vec<(String, Value)> {
    let library = testdata::library();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let backend = testdata::backend_report();
    let pdf_doc = extract::extract_path(&root.join("fixtures/resumes/backend-developer.pdf"))
        .expect("PDF fixture");
    let pdf = testdata::report_for(
        &library,
        "fixtures/resumes/backend-developer.pdf",
        &pdf_doc,
        "backend-engineer",
        None,
    );
    let implied = testdata::report_for(
        &library,
        "-",
        &Document::from_text(
            "Built services with Django and PostgreSQL; currently learning Kubernetes.\n\
             No Terraform experience; never used Redis in production.\nSkills\nDocker, Redis",
        ),
        "backend-engineer",
        None,
    );
    let any_of_missing = testdata::report_for(
        &library,
        "skills.txt",
        &Document::from_text("Skills\nDocker, Redis, AWS"),
        "backend-engineer",
        Some(20.0),
    );
    let mut ready = backend.clone();
    ready.recommended_phase = None;
    // A role chosen as the best fit explains itself.
    let mut best_fit = any_of_missing.clone();
    let ranked: Vec<(&crate::roles::Role, f64)> =
        library.roles.iter().take(2).map(|r| (r, 0.5)).collect();
    best_fit.best_fit = crate::gap::BestFit::of(&ranked);
    best_fit.role_choice = super::RoleChoice::BestFit;
    let mut out: Vec<(String, Value)> = Vec::new();
    for (name, r) in [
        ("backend", &backend),
        ("pdf", &pdf),
        ("implied", &implied),
        ("any-of-missing", &any_of_missing),
        ("ready", &ready),
        ("best-fit", &best_fit),
    ] {
        out.push((format!("analyze {name}"), serde_json::to_value(r).unwrap()));
        out.push((
            format!("extract {name}"),
            serde_json::to_value(extract_report(r)).unwrap(),
        ));
        out.push((
            format!("batch {name}"),
            serde_json::to_value(BatchReport {
                path: &r.input,
                report: r,
            })
            .unwrap(),
        ));
        let mut batch_extract = serde_json::to_value(extract_report(r)).unwrap();
        batch_extract["path"] = json!(r.input);
        out.push((format!("batch extract {name}"), batch_extract));
    }
    for kind in extract_kinds().into_iter().chain(["other"]) {
        out.push((
            format!("batch error {kind}"),
            json!({"path": "a.pdf", "error": {"kind": kind, "message": "cannot read"}}),
        ));
    }
    // The samples really exercise the optional keys.
    assert!(
        implied
            .skills_found
            .iter()
            .any(|s| !s.implied_by.is_empty())
    );
    assert!(!implied.learning.is_empty());
    assert!(!implied.not_claimed.is_empty());
    assert!(
        implied
            .skills_found
            .iter()
            .any(|s| !s.unclaimed_evidence.is_empty())
    );
    assert!(
        any_of_missing
            .missing_skills
            .iter()
            .any(|m| !m.any_of.is_empty())
    );
    assert!(pdf.skills_found[0].evidence[0].page.is_some());
    out.extend(job_samples(&library));
    out.push(("batch array".to_owned(), batch_array(&[&backend, &implied])));
    out
}

/// Real `--job` reports, built as `skillgap analyze RESUME --job POSTING` builds them: the
/// backend fixture against the project's posting, and against a posting whose either-or
/// requirement it meets.
fn job_samples(library: &Library) -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let resume = Path::new(testdata::BACKEND_RESUME);
    let resume_doc = extract::extract_path(&root.join(resume)).expect("resume fixture");
    let posting = Path::new("fixtures/postings/backend-posting.md");
    let posting_doc = extract::extract_path(&root.join(posting)).expect("posting fixture");
    let either_or = Document::from_text(
        "## Requirements\n- TypeScript, Rust or Python\n- Docker\n- No Kubernetes experience needed\n",
    );
    let matcher = Matcher::new(&library.taxonomy);
    let extraction = matcher.extract(&resume_doc);
    let report = |posting: (&Path, &Document)| {
        let opts = GapOptions::default();
        job_report(library, &matcher, &opts, (resume, &extraction), posting).expect("job report")
    };
    let backend = report((posting, &posting_doc));
    let group_met = report((Path::new("-"), &either_or));
    // The samples really exercise the optional keys.
    assert!(backend.role_gap.is_some());
    assert!(backend.required.iter().any(|r| !r.any_of.is_empty()));
    assert!(!backend.context.is_empty());
    assert!(!group_met.not_required.is_empty());
    assert!(
        group_met
            .comparison
            .present
            .iter()
            .any(|p| !p.any_of.is_empty())
    );
    let skipped = super::SkippedPosting {
        job: "soft.md".to_owned(),
        error: super::Problem::of(&anyhow::Error::new(crate::posting::PostingError::NoSkills)),
    };
    assert_eq!(skipped.error.kind, "no-skills");
    let ranking = super::JobRanking {
        schema_version: SCHEMA_VERSION,
        input: resume.display().to_string(),
        postings: vec![backend.clone(), group_met.clone()],
        skipped: vec![skipped.clone()],
    };
    let mut out: Vec<(String, Value)> =
        [("job backend", backend), ("job either-or met", group_met)]
            .into_iter()
            .map(|(name, r)| (name.to_owned(), serde_json::to_value(r).unwrap()))
            .collect();
    out.push((
        "job ranking".to_owned(),
        serde_json::to_value(ranking).unwrap(),
    ));
    out.push((
        "job skipped line".to_owned(),
        serde_json::to_value(skipped).unwrap(),
    ));
    out
}

/// `--format json` of a batch, written by the batch output: `reports` and a file that
/// could not be read.
fn batch_array(reports: &[&AnalyzeReport]) -> Value {
    let mut bytes = Vec::new();
    let mut output = BatchOutput::start(Framing::JsonArray, &mut bytes).unwrap();
    for r in reports {
        let record = record_bytes(Path::new(&r.input), Ok::<_, FileError>(*r));
        output.write(&record, &mut bytes).unwrap();
    }
    let error = FileError {
        kind: "empty".to_owned(),
        message: "cannot read `a.pdf`: empty".to_owned(),
    };
    let record = record_bytes::<AnalyzeReport>(Path::new("a.pdf"), Err(error));
    output.write(&record, &mut bytes).unwrap();
    output.finish(&mut bytes).unwrap();
    serde_json::from_slice(&bytes).expect("the batch array is JSON")
}

#[test]
fn real_reports_match_the_schema() {
    let checker = Checker { root: schema() };
    let mut seen = BTreeSet::new();
    for (name, value) in samples() {
        checker
            .validate("", &value, &name, &mut seen)
            .unwrap_or_else(|e| panic!("{name} does not match the schema: {e}"));
    }
    let mut all = BTreeSet::new();
    all_properties(&checker.root, "", &mut all);
    let unused: Vec<&String> = all.difference(&seen).collect();
    assert!(
        unused.is_empty(),
        "schema properties no real report produces: {unused:?}"
    );
}

#[test]
fn checker_rejects_drift() {
    let checker = Checker { root: schema() };
    let mut report = serde_json::to_value(testdata::backend_report()).unwrap();
    report["extra"] = json!(1);
    assert!(
        checker
            .validate("", &report, "x", &mut BTreeSet::new())
            .is_err()
    );
    let mut report = serde_json::to_value(testdata::backend_report()).unwrap();
    report["phases"][0]["present"][0]
        .as_object_mut()
        .unwrap()
        .insert("note".into(), json!("x"));
    let err = checker
        .validate("", &report, "x", &mut BTreeSet::new())
        .unwrap_err();
    assert!(err.contains("oneOf"), "{err}");
    let mut report = serde_json::to_value(testdata::backend_report()).unwrap();
    report.as_object_mut().unwrap().remove("coverage");
    assert!(
        checker
            .validate("", &report, "x", &mut BTreeSet::new())
            .is_err()
    );
    let mut report = serde_json::to_value(testdata::backend_report()).unwrap();
    report["coverage"] = json!("67%");
    assert!(
        checker
            .validate("", &report, "x", &mut BTreeSet::new())
            .is_err()
    );
}

#[test]
fn schema_uses_only_checked_keywords() {
    let mut used = BTreeSet::new();
    keywords(&schema(), &mut used);
    let unknown: Vec<&String> = used
        .iter()
        .filter(|k| !KEYWORDS.contains(&k.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "keywords the checker ignores: {unknown:?}"
    );
}

#[test]
fn enums_match_the_code() {
    let schema = schema();
    let strings =
        |ptr: &str| -> Vec<Value> { schema.pointer(ptr).unwrap().as_array().unwrap().clone() };
    let kinds: Vec<Value> = extract_kinds()
        .into_iter()
        .chain(["other"])
        .map(|k| json!(k))
        .collect();
    assert_eq!(
        strings("/$defs/batchError/properties/error/properties/kind/enum"),
        kinds
    );
    let categories = strings("/$defs/foundSkill/properties/category/enum");
    for c in &categories {
        serde_json::from_value::<Category>(c.clone()).expect("schema category is a Category");
    }
    for skill in testdata::library().taxonomy.iter() {
        assert!(categories.contains(&json!(skill.category.as_str())));
    }
    let sections = strings("/$defs/evidence/properties/section/enum");
    let names: Vec<&str> = sections.iter().filter_map(Value::as_str).collect();
    assert_eq!(names.len(), 9);
    for name in names {
        assert!(Section::from_name(name).is_some(), "section {name}");
    }
    assert!(sections.contains(&Value::Null));
    assert_eq!(
        schema.pointer("/$defs/analyzeFields/properties/schema_version/const"),
        Some(&json!(SCHEMA_VERSION))
    );
}
