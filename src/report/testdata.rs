//! Test support shared by the report formats: reports built through the library from the
//! project's fixtures with the embedded roles, and golden-file comparison.
//!
//! Golden files live in `fixtures/golden/`. To re-bless them after a deliberate change of a
//! format, run the tests with `SKILLGAP_BLESS=1` (for example
//! `SKILLGAP_BLESS=1 cargo test --lib report::`) and review the diff before committing.

use std::path::{Path, PathBuf};

use crate::extract::{self, Document};
use crate::gap::{self, GapOptions};
use crate::matcher::Matcher;
use crate::report::AnalyzeReport;
use crate::roles::{DataSet, Library};

/// The project's backend resume fixture.
pub(super) const BACKEND_RESUME: &str = "fixtures/resumes/backend-developer.txt";

/// The embedded roles and taxonomy.
pub(super) fn library() -> Library {
    Library::load(&DataSet::embedded()).expect("embedded roles load")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An analyze report of `doc` against `role_id`, at `hours_per_week` (the role's pace when
/// `None`), as `skillgap analyze` builds it.
pub(super) fn report_for(
    library: &Library,
    input: &str,
    doc: &Document,
    role_id: &str,
    hours_per_week: Option<f64>,
) -> AnalyzeReport {
    let extraction = Matcher::new(&library.taxonomy).extract(doc);
    let has = |id: &str| extraction.has(id);
    let role = library.role(role_id).expect("role exists");
    let opts = GapOptions {
        hours_per_week,
        ..GapOptions::default()
    };
    let gap = gap::analyze(role, library, &has, &opts);
    AnalyzeReport::new(input.to_owned(), extraction, gap, None)
}

/// The backend fixture against `backend-engineer` at 8 hours a week (slower than the
/// role's 12, so that the pace shows in the time to ready).
pub(super) fn backend_report() -> AnalyzeReport {
    let library = library();
    let doc = extract::extract_path(&root().join(BACKEND_RESUME)).expect("fixture reads");
    report_for(
        &library,
        BACKEND_RESUME,
        &doc,
        "backend-engineer",
        Some(8.0),
    )
}

/// Compares `actual` with `fixtures/golden/<name>`; with `SKILLGAP_BLESS=1` in the
/// environment, writes `actual` there instead.
pub(super) fn assert_golden(name: &str, actual: &str) {
    let path = root().join("fixtures/golden").join(name);
    if std::env::var_os("SKILLGAP_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read golden file {} ({e}); run with SKILLGAP_BLESS=1 to create it",
            display(&path)
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || expected.lines().count().min(actual.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "{} differs from the output at line {line}:\n  expected: {:?}\n  actual:   {:?}\n\
             run with SKILLGAP_BLESS=1 to re-bless after a deliberate change",
            display(&path),
            expected.lines().nth(line - 1).unwrap_or(""),
            actual.lines().nth(line - 1).unwrap_or(""),
        );
    }
}

fn display(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}
