//! JSON Resume (the jsonresume.org schema) -> text lines, laid out like a printed resume:
//! the name and label, then one section per filled-in part, each under its own heading line
//! ("Summary", "Experience", "Volunteering", "Projects", "Education", "Certificates",
//! "Awards", "Publications", "Skills", "Spoken languages", "Interests").
//!
//! The Skills heading and every line under it (each skill's `name`, then its `keywords`
//! joined by ", ") carry `section_hint: Some("skills")`, so they count as Skills-section
//! evidence whatever the headings say; every other line has no hint. Contact details,
//! profiles and references are left out: they name sites and people, not skills. Unknown
//! fields are ignored, and so is a field of an unexpected type.

use serde_json::{Map, Value};

use super::{Document, ExtractError, normalize};

/// The section hint of the Skills section's lines.
pub(super) const SKILLS_HINT: &str = "skills";

/// Top-level keys of the schema and whether each holds an object (`basics`) or an array.
/// `meta` is left out: on its own it says nothing about a resume.
pub(super) const TOP_LEVEL_KEYS: [(&str, bool); 12] = [
    ("basics", true),
    ("work", false),
    ("volunteer", false),
    ("education", false),
    ("awards", false),
    ("certificates", false),
    ("publications", false),
    ("skills", false),
    ("languages", false),
    ("interests", false),
    ("references", false),
    ("projects", false),
];

/// True when `bytes` parse as a JSON object with at least one top-level key of the JSON
/// Resume schema holding the schema's type: `basics` an object, the others arrays. Any
/// other JSON is not a resume.
pub(super) fn looks_like(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .as_ref()
        .and_then(Value::as_object)
        .is_some_and(has_resume_keys)
}

/// True when `object` has at least one top-level key of the schema holding the schema's type.
pub(super) fn has_resume_keys(object: &Map<String, Value>) -> bool {
    TOP_LEVEL_KEYS
        .iter()
        .any(|&(key, is_object)| match object.get(key) {
            Some(Value::Object(_)) => is_object,
            Some(Value::Array(_)) => !is_object,
            _ => false,
        })
}

/// Extracts the text of a JSON Resume document.
///
/// Errors: [`ExtractError::Damaged`] for invalid JSON (with serde's message, which gives
/// the line and column), [`ExtractError::Unsupported`] for JSON that is not a JSON Resume
/// document (see [`looks_like`]), [`ExtractError::NoText`] when no field has text (naming
/// the fields skipped for holding the wrong type).
pub(super) fn extract(bytes: &[u8]) -> Result<Document, ExtractError> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| ExtractError::Damaged(format!("invalid JSON: {e}")))?;
    let resume = value
        .as_object()
        .filter(|o| has_resume_keys(o))
        .ok_or_else(|| {
            ExtractError::Unsupported(
                "a JSON file but not a JSON Resume document (no `basics`, `work`, `skills`...)"
                    .into(),
            )
        })?;
    extract_resume(resume, "JSON Resume")
}

/// Extracts the text of a JSON Resume document already read (from JSON or from YAML);
/// `what` names the document in the [`ExtractError::NoText`] message.
pub(super) fn extract_resume(
    resume: &Map<String, Value>,
    what: &'static str,
) -> Result<Document, ExtractError> {
    let mut out = Lines::default();
    let basics = resume.get("basics");
    out.plain(text(basics, "name"));
    out.plain(text(basics, "label"));
    out.section("Summary", None, |s| s.plain(text(basics, "summary")));
    out.section("Experience", None, |s| {
        for job in items(resume, "work") {
            s.plain(title(&[text(job, "position"), text(job, "name")], job));
            s.plain(text(job, "summary"));
            s.each(strings(job, "highlights"));
        }
    });
    out.section("Volunteering", None, |s| {
        for role in items(resume, "volunteer") {
            s.plain(title(
                &[text(role, "position"), text(role, "organization")],
                role,
            ));
            s.plain(text(role, "summary"));
            s.each(strings(role, "highlights"));
        }
    });
    out.section("Projects", None, |s| {
        for project in items(resume, "projects") {
            s.plain(title(&[text(project, "name")], project));
            s.plain(text(project, "description"));
            s.each(strings(project, "highlights"));
            s.plain(joined(strings(project, "keywords")));
        }
    });
    out.section("Education", None, |s| {
        for school in items(resume, "education") {
            let degree = match (text(school, "studyType"), text(school, "area")) {
                (Some(kind), Some(area)) => Some(format!("{kind} in {area}")),
                (kind, area) => kind.or(area).map(str::to_owned),
            };
            s.plain(title(
                &[degree.as_deref(), text(school, "institution")],
                school,
            ));
            s.plain(joined(strings(school, "courses")));
        }
    });
    out.section("Certificates", None, |s| {
        for cert in items(resume, "certificates") {
            s.plain(dated(
                &[text(cert, "name"), text(cert, "issuer")],
                text(cert, "date"),
            ));
        }
    });
    out.section("Awards", None, |s| {
        for award in items(resume, "awards") {
            s.plain(dated(
                &[text(award, "title"), text(award, "awarder")],
                text(award, "date"),
            ));
            s.plain(text(award, "summary"));
        }
    });
    out.section("Publications", None, |s| {
        for publication in items(resume, "publications") {
            s.plain(dated(
                &[text(publication, "name"), text(publication, "publisher")],
                text(publication, "releaseDate"),
            ));
            s.plain(text(publication, "summary"));
        }
    });
    out.section("Skills", Some(SKILLS_HINT), |s| {
        let skills = resume.get("skills").and_then(Value::as_array);
        for skill in skills.into_iter().flatten() {
            if let Some(name) = skill.as_str() {
                // A bare string (outside the schema, but written by hand) is a name.
                s.plain(Some(name));
            } else {
                s.plain(text(Some(skill), "name"));
                s.plain(joined(strings(Some(skill), "keywords")));
            }
        }
    });
    out.section("Spoken languages", None, |s| {
        for language in items(resume, "languages") {
            s.plain(dated(
                &[text(language, "language")],
                text(language, "fluency"),
            ));
        }
    });
    out.section("Interests", None, |s| {
        for interest in items(resume, "interests") {
            s.plain(text(interest, "name"));
            s.plain(joined(strings(interest, "keywords")));
        }
    });

    let doc = out.finish();
    if doc.is_blank() {
        let skipped = skipped_fields(resume);
        let why = match skipped.len() {
            0 => String::new(),
            1..=3 => format!(": {}", skipped.join("; ")),
            n => format!(": {}; and {} more", skipped[..3].join("; "), n - 3),
        };
        return Err(ExtractError::NoText(what, why));
    }
    Ok(doc)
}

/// The fields read, per part of the schema: (key, holds a list of objects, text fields,
/// list-of-text fields). `basics` is one object. Mirrors what [`extract`] reads.
const READ_FIELDS: [(&str, bool, &[&str], &[&str]); 11] = [
    ("basics", false, &["name", "label", "summary"], &[]),
    (
        "work",
        true,
        &["position", "name", "summary"],
        &["highlights"],
    ),
    (
        "volunteer",
        true,
        &["position", "organization", "summary"],
        &["highlights"],
    ),
    (
        "projects",
        true,
        &["name", "description"],
        &["highlights", "keywords"],
    ),
    (
        "education",
        true,
        &["studyType", "area", "institution"],
        &["courses"],
    ),
    ("certificates", true, &["name", "issuer", "date"], &[]),
    (
        "awards",
        true,
        &["title", "awarder", "date", "summary"],
        &[],
    ),
    (
        "publications",
        true,
        &["name", "publisher", "releaseDate", "summary"],
        &[],
    ),
    ("skills", true, &["name"], &["keywords"]),
    ("languages", true, &["language", "fluency"], &[]),
    ("interests", true, &["name"], &["keywords"]),
];

/// What a JSON value is, for messages.
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The fields [`extract`] skipped for holding another type than the schema's, as
/// "`basics.name` is a number, not a string", in document order.
fn skipped_fields(resume: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut object = |path: &str, item: &Map<String, Value>, texts: &[&str], lists: &[&str]| {
        for &key in texts {
            match item.get(key) {
                None | Some(Value::String(_)) => {}
                Some(other) => out.push(format!(
                    "`{path}.{key}` is {}, not a string",
                    type_name(other)
                )),
            }
        }
        for &key in lists {
            match item.get(key) {
                None => {}
                Some(Value::Array(values)) => {
                    if let Some((i, other)) =
                        values.iter().enumerate().find(|(_, v)| !v.is_string())
                    {
                        out.push(format!(
                            "`{path}.{key}[{i}]` is {}, not a string",
                            type_name(other)
                        ));
                    }
                }
                Some(other) => out.push(format!(
                    "`{path}.{key}` is {}, not a list",
                    type_name(other)
                )),
            }
        }
    };
    let mut wrong = Vec::new();
    for (key, is_list, texts, lists) in READ_FIELDS {
        match (resume.get(key), is_list) {
            (None, _) => {}
            (Some(Value::Object(item)), false) => object(key, item, texts, lists),
            (Some(Value::Array(items)), true) => {
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::Object(item) => object(&format!("{key}[{i}]"), item, texts, lists),
                        // A bare skill name is read as a name.
                        Value::String(_) if key == "skills" => {}
                        other => wrong.push(format!(
                            "`{key}[{i}]` is {}, not an object",
                            type_name(other)
                        )),
                    }
                }
            }
            (Some(other), _) => wrong.push(format!(
                "`{key}` is {}, not {}",
                type_name(other),
                if is_list { "a list" } else { "an object" }
            )),
        }
    }
    out.extend(wrong);
    out
}

/// Lines being collected, each with its section hint (shared with the YAML reader).
#[derive(Debug, Default)]
pub(super) struct Lines {
    lines: Vec<(String, Option<&'static str>)>,
    hint: Option<&'static str>,
}

impl Lines {
    /// Adds `text`, one line per line of it, skipping blank ones.
    pub(super) fn plain<S: AsRef<str>>(&mut self, text: Option<S>) {
        let Some(text) = text else { return };
        for line in text.as_ref().lines().filter(|l| !l.trim().is_empty()) {
            self.lines.push((line.to_owned(), self.hint));
        }
    }

    /// Adds each of `texts` as [`Lines::plain`] does.
    pub(super) fn each<'a>(&mut self, texts: impl Iterator<Item = &'a str>) {
        for text in texts {
            self.plain(Some(text));
        }
    }

    /// Adds a heading and the lines `fill` adds, all with `hint`; nothing when `fill`
    /// adds no line.
    pub(super) fn section(
        &mut self,
        heading: &str,
        hint: Option<&'static str>,
        fill: impl FnOnce(&mut Lines),
    ) {
        let mut body = Lines {
            lines: Vec::new(),
            hint,
        };
        fill(&mut body);
        if !body.lines.is_empty() {
            self.lines.push((heading.to_owned(), hint));
            self.lines.extend(body.lines);
        }
    }

    /// The document: the lines normalised, each keeping its hint.
    pub(super) fn finish(self) -> Document {
        // normalize_lines gives one line per input line, so the hints still line up.
        let hints: Vec<Option<&'static str>> = self.lines.iter().map(|(_, hint)| *hint).collect();
        let mut lines =
            normalize::normalize_lines(self.lines.into_iter().map(|(text, _)| (text, None)));
        for (line, hint) in lines.iter_mut().zip(hints) {
            line.section_hint = hint;
        }
        Document { lines }
    }
}

/// The string field `key` of an object, when present and not blank.
fn text<'a>(object: Option<&'a Value>, key: &str) -> Option<&'a str> {
    object?.get(key)?.as_str().filter(|s| !s.trim().is_empty())
}

/// The objects of the array field `key` of the resume.
fn items<'a>(resume: &'a Map<String, Value>, key: &str) -> impl Iterator<Item = Option<&'a Value>> {
    resume
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|v| v.is_object())
        .map(Some)
}

/// The non-blank strings of the array field `key` of an object.
fn strings<'a>(object: Option<&'a Value>, key: &str) -> impl Iterator<Item = &'a str> {
    object
        .and_then(|o| o.get(key))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// `items` joined by ", ", or `None` when there are none.
fn joined<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let parts: Vec<&str> = items.collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The present `parts` joined by ", ", or `None` when none is present.
fn list(parts: &[Option<&str>]) -> Option<String> {
    joined(parts.iter().flatten().copied())
}

/// The present `parts` joined by ", ", then `(note)` when there is a note; `None` when
/// no part is present.
fn dated(parts: &[Option<&str>], note: Option<&str>) -> Option<String> {
    let head = list(parts)?;
    Some(match note {
        Some(note) => format!("{head} ({note})"),
        None => head,
    })
}

/// "Position, Company (2019-01 - present)": the present `parts`, then the entry's
/// `startDate` and `endDate` when it has a start.
fn title(parts: &[Option<&str>], entry: Option<&Value>) -> Option<String> {
    let dates = text(entry, "startDate").map(|start| {
        let end = text(entry, "endDate").unwrap_or("present");
        format!("{start} - {end}")
    });
    match (list(parts), dates) {
        (Some(head), Some(dates)) => Some(format!("{head} ({dates})")),
        (head, dates) => head.or(dates),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &[u8] = include_bytes!("../../fixtures/jsonresume/backend-developer.json");

    use crate::extract::testkit::{HintedLine, lines};

    #[test]
    fn fixture_lines_and_section_hints() {
        let doc = extract(FIXTURE).expect("the fixture extracts");
        let s = Some(SKILLS_HINT);
        assert_eq!(
            lines(&doc),
            vec![
                ("Jordan Rivera", None),
                ("Backend Developer", None),
                ("Summary", None),
                (
                    "Backend developer with five years of experience building REST APIs in Python on PostgreSQL.",
                    None
                ),
                ("Experience", None),
                (
                    "Backend Developer, Acme Logistics (2021-03 - present)",
                    None
                ),
                ("Owned the shipment-tracking services.", None),
                (
                    "Designed and maintained REST APIs in Python serving two million requests a day.",
                    None
                ),
                (
                    "Tuned SQL queries and PostgreSQL indexes; cut p95 latency by 40%.",
                    None
                ),
                (
                    "Packaged services with Docker & reviewed every change in Git.",
                    None
                ),
                (
                    "Junior Developer, Brightline Software (2019-06 - 2021-02)",
                    None
                ),
                (
                    "Wrote SQL reports and Python scripts for data imports and exports.",
                    None
                ),
                ("Projects", None),
                ("parcel-api", None),
                ("An open-source REST API for parcel tracking.", None),
                ("Documented every endpoint with examples.", None),
                ("Python, PostgreSQL, Docker", None),
                ("Education", None),
                (
                    "B.Sc. in Computer Science, Oregon State University (2015-09 - 2019-06)",
                    None
                ),
                ("Skills", s),
                ("Languages", s),
                ("Python, SQL", s),
                ("Databases", s),
                ("PostgreSQL", s),
                ("APIs", s),
                ("REST APIs", s),
                ("Tools", s),
                ("Docker, Git", s),
                ("Spoken languages", None),
                ("English (Native speaker)", None),
            ]
        );
        assert!(doc.lines.iter().all(|l| l.page.is_none()));
    }

    #[test]
    fn fixture_goes_through_detect_and_extract() {
        assert_eq!(
            super::super::detect(FIXTURE),
            super::super::Kind::JsonResume
        );
        assert_eq!(super::super::extract(FIXTURE).ok(), extract(FIXTURE).ok());
    }

    #[test]
    fn looks_like_table() {
        let cases = [
            (r#"{"basics": {"name": "A"}}"#, true),
            (r#"{"work": []}"#, true),
            (r#"{"skills": [{"name": "Python"}], "x": 1}"#, true),
            (r#"{"certificates": [{"name": "CKA"}]}"#, true),
            (r#" {"projects": [{}]} "#, true),
            (r#"{"basics": "A"}"#, false),
            (r#"{"skills": ["Python"]}"#, true),
            (r#"{"work": {"name": "x"}}"#, false),
            (r#"{"meta": {"version": "1"}}"#, false),
            (r#"{"name": "skillgap", "version": "1.0.0"}"#, false),
            (r#"[{"basics": {}}]"#, false),
            ("{}", false),
            (r#"{"basics": {}"#, false),
            ("Python, SQL", false),
            ("", false),
        ];
        for (json, want) in cases {
            assert_eq!(looks_like(json.as_bytes()), want, "{json}");
        }
    }

    #[test]
    fn sections_table() {
        let s = Some(SKILLS_HINT);
        let cases: Vec<(&str, Vec<HintedLine<'_>>)> = vec![
            // Skills with names only, multi-line strings, blank and mistyped fields.
            (
                r#"{"skills": [{"name": "Python"}, {"name": "", "keywords": ["Go", " ", 3, "Rust"]}, "SQL", {"keywords": "Java"}]}"#,
                vec![("Skills", s), ("Python", s), ("Go, Rust", s), ("SQL", s)],
            ),
            (
                r#"{"basics": {"summary": "Line one\n\nLine two\r\n", "name": 7}, "unknown": [1]}"#,
                vec![("Summary", None), ("Line one", None), ("Line two", None)],
            ),
            // A section with nothing in it has no heading.
            (
                r#"{"work": [{"url": "https://example.com"}], "skills": [], "education": [{"studyType": "BSc"}]}"#,
                vec![("Education", None), ("BSc", None)],
            ),
            (
                concat!(
                    r#"{"volunteer": [{"organization": "Code Club", "highlights": ["Taught Scratch"]}],"#,
                    r#" "certificates": [{"name": "CKA", "issuer": "CNCF", "date": "2023-05"}],"#,
                    r#" "awards": [{"title": "Hackathon winner", "summary": "Built a bot."}],"#,
                    r#" "publications": [{"name": "On queues", "publisher": "Blog", "releaseDate": "2022"}],"#,
                    r#" "interests": [{"name": "Chess", "keywords": ["openings"]}],"#,
                    r#" "references": [{"name": "Sam", "reference": "Knows Kubernetes well."}],"#,
                    r#" "education": [{"area": "Physics", "institution": "MIT", "courses": ["Optics", "Waves"]}]}"#,
                ),
                vec![
                    ("Volunteering", None),
                    ("Code Club", None),
                    ("Taught Scratch", None),
                    ("Education", None),
                    ("Physics, MIT", None),
                    ("Optics, Waves", None),
                    ("Certificates", None),
                    ("CKA, CNCF (2023-05)", None),
                    ("Awards", None),
                    ("Hackathon winner", None),
                    ("Built a bot.", None),
                    ("Publications", None),
                    ("On queues, Blog (2022)", None),
                    ("Interests", None),
                    ("Chess", None),
                    ("openings", None),
                ],
            ),
            // Text is normalised like any other document.
            (
                r#"{"skills": [{"name": "Cloud", "keywords": ["Kuber\u00ADnetes", "\u201CAWS\u201D"]}]}"#,
                vec![("Skills", s), ("Cloud", s), ("Kubernetes, \"AWS\"", s)],
            ),
        ];
        for (json, want) in cases {
            let doc = extract(json.as_bytes()).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(lines(&doc), want, "{json}");
        }
    }

    #[test]
    fn invalid_json_is_damaged_with_serdes_message() {
        match extract(br#"{"basics": {"name": "A",}}"#) {
            Err(ExtractError::Damaged(why)) => {
                assert!(
                    why.starts_with("invalid JSON: trailing comma at line 1"),
                    "{why}"
                );
            }
            other => panic!("expected Damaged, got {other:?}"),
        }
        assert!(matches!(
            extract(b"{\"basics\": {\"name\": \"\xFF\"}}"),
            Err(ExtractError::Damaged(_))
        ));
        let deep = "[".repeat(10_000);
        assert!(matches!(
            extract(deep.as_bytes()),
            Err(ExtractError::Damaged(_))
        ));
    }

    #[test]
    fn other_json_is_unsupported_and_resume_without_text_is_empty() {
        for json in [r#"{"name": "x"}"#, "[1, 2]", r#""basics""#] {
            assert!(
                matches!(extract(json.as_bytes()), Err(ExtractError::Unsupported(_))),
                "{json}"
            );
        }
        let err = extract(br#"{"basics": {"email": "a@example.com"}, "work": []}"#).unwrap_err();
        assert_eq!(err.kind(), "empty");
        assert_eq!(err.to_string(), "this JSON Resume holds no text");
    }

    #[test]
    fn a_resume_without_text_names_the_fields_of_the_wrong_type() {
        let err = extract(
            br#"{"basics": {"name": 5, "label": ["x"]}, "skills": "python",
                 "work": [{"highlights": "led"}, 3], "interests": [{"keywords": [1, 2]}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.kind(), "empty");
        assert_eq!(
            err.to_string(),
            "this JSON Resume holds no text: `basics.name` is a number, not a string; \
             `basics.label` is a list, not a string; `work[0].highlights` is a string, not a list; \
             and 3 more"
        );
        let err = extract(br#"{"basics": {}, "skills": "Python, Go"}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "this JSON Resume holds no text: `skills` is a string, not a list"
        );
    }
}
