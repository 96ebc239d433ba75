//! YAML resumes -> text lines. Two layouts are read; any other YAML is plain text:
//! - JSON Resume written in YAML (a mapping with `basics`, `work`, `skills`...): converted to
//!   JSON values and read by the JSON Resume reader, so the lines and the Skills hints are the
//!   same as for the JSON file.
//! - RenderCV (`cv:` with `name` and `sections:`, each section a title and a list of entries):
//!   the name, then per section its title as a heading line and its entries' text. An entry's
//!   title line is "position, company (start - end)" (or degree in area, institution; name;
//!   title, journal), then its `summary` and `highlights`; a one-line entry
//!   (`label`/`details`) is "label: details", a bullet entry its `bullet`, a text entry its
//!   text. Every line of a section whose title names skills ("Skills", "Technologies",
//!   "Tools"...) carries `section_hint: Some("skills")`. Contact details are left out.
//!
//! Loading is bounded for hostile input: at most [`MAX_BYTES`] of YAML, at most [`MAX_DEPTH`]
//! nested collections, and alias copies (an anchored node is copied where each `*alias` names
//! it) add up to at most as many nodes as the input has bytes (at least 65,536), so a "billion
//! laughs" document stops early instead of filling memory. Detection keeps only the top level
//! of the tree. Such a document, or one that is not valid YAML, is read as text.
//! Every scalar except YAML's null (`~`, `null`, empty) is read as text, as written
//! (`2019-06` and `3.10` stay text).

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_json::{Map, Value};

use super::jsonresume::{self, Lines, SKILLS_HINT};
use super::{Document, ExtractError};

/// Most collections nested inside each other that are loaded; deeper YAML is not a resume.
pub(super) const MAX_DEPTH: usize = 64;

/// Largest YAML read as a resume, in bytes (4 MiB; a resume is a few KiB). Larger YAML is
/// text: the parser holds every token of a flow collection (`[...]`) until it closes, some
/// 45 bytes per byte of input, so this bounds its memory (about 180 MB) and time.
const MAX_BYTES: usize = 4 << 20;

/// Fewest alias-copied nodes allowed, whatever the input size.
const MIN_ALIAS_BUDGET: usize = 1 << 16;

/// A loaded YAML node. Mappings keep their order (RenderCV sections print in document order).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    /// `~`, `null` or an empty plain scalar.
    Null,
    /// Any other scalar, as written.
    Text(String),
    /// A sequence.
    List(Vec<Node>),
    /// A mapping with scalar keys; an entry whose key is a collection is left out.
    Map(Vec<(String, Node)>),
}

/// Why a YAML text was not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LoadError {
    /// Not valid YAML (the parser's message).
    Syntax(String),
    /// Collections nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Aliases that would copy more nodes than the budget allows.
    TooManyAliases,
    /// A stream of several documents.
    NotOneDocument,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Syntax(why) => f.write_str(why),
            LoadError::TooDeep => write!(f, "nested deeper than {MAX_DEPTH} levels"),
            LoadError::TooManyAliases => f.write_str("aliases copy too many nodes"),
            LoadError::NotOneDocument => f.write_str("several documents"),
        }
    }
}

/// How big a loaded node is: its nodes (itself included) and its depth of collections.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    nodes: usize,
    depth: usize,
}

/// A collection being loaded.
#[derive(Debug)]
struct Frame {
    items: Open,
    anchor: usize,
    size: Size,
}

/// The items of a collection being loaded.
#[derive(Debug)]
enum Open {
    List(Vec<Node>),
    /// The entries so far, and the key waiting for its value: `Some(None)` for a key that is
    /// not a scalar (its entry is left out).
    Map(Vec<(String, Node)>, Option<Option<String>>),
}

/// Builds nodes from parser events, bounding depth and alias copies.
#[derive(Debug)]
struct Loader {
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, Size)>,
    copied: usize,
    budget: usize,
    root: Option<Node>,
    /// What is kept: the whole tree, or only the top level (see [`Keep`]).
    keep: Keep,
}

/// How much of a document [`load`] keeps. The bounds are checked the same way either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Every node.
    All,
    /// The root and its entries, each collection among them kept empty: enough to tell the
    /// layout, in memory that does not grow with the document.
    TopLevel,
}

impl Loader {
    /// Adds a finished node to the collection being loaded (or makes it the root), keeping a
    /// copy under its anchor.
    fn finish(&mut self, node: Node, anchor: usize, size: Size) -> Result<(), LoadError> {
        if anchor != 0 {
            self.spend(size.nodes)?;
            self.anchors.insert(anchor, (node.clone(), size));
        }
        let nested = self.stack.len() > 1;
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        frame.size.nodes += size.nodes;
        frame.size.depth = frame.size.depth.max(size.depth + 1);
        if nested && self.keep == Keep::TopLevel {
            return Ok(());
        }
        match &mut frame.items {
            Open::List(items) => items.push(node),
            Open::Map(entries, key @ Some(_)) => {
                if let Some(Some(name)) = key.take() {
                    entries.push((name, node));
                }
            }
            Open::Map(_, key @ None) => {
                *key = Some(match node {
                    Node::Text(name) => Some(name),
                    Node::Null => Some(String::new()),
                    Node::List(_) | Node::Map(_) => None,
                });
            }
        }
        Ok(())
    }

    /// Counts `nodes` copied nodes against the budget.
    fn spend(&mut self, nodes: usize) -> Result<(), LoadError> {
        self.copied = self.copied.saturating_add(nodes);
        if self.copied > self.budget {
            return Err(LoadError::TooManyAliases);
        }
        Ok(())
    }

    fn open(&mut self, items: Open, anchor: usize) -> Result<(), LoadError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(LoadError::TooDeep);
        }
        self.stack.push(Frame {
            items,
            anchor,
            size: Size { nodes: 1, depth: 1 },
        });
        Ok(())
    }

    fn close(&mut self) -> Result<(), LoadError> {
        let Some(Frame {
            items,
            anchor,
            size,
        }) = self.stack.pop()
        else {
            return Err(LoadError::Syntax("a collection closed twice".into()));
        };
        let node = match items {
            Open::List(items) => Node::List(items),
            Open::Map(entries, _) => Node::Map(entries),
        };
        self.finish(node, anchor, size)
    }
}

/// Loads the one document of `text`, keeping what `keep` says; an empty stream is
/// [`Node::Null`].
fn load(text: &str, keep: Keep) -> Result<Node, LoadError> {
    let mut loader = Loader {
        stack: Vec::new(),
        anchors: HashMap::new(),
        copied: 0,
        budget: text.len().max(MIN_ALIAS_BUDGET),
        root: None,
        keep,
    };
    let mut documents = 0;
    for event in Parser::new_from_str(text) {
        let (event, _) = event.map_err(|e| LoadError::Syntax(e.to_string()))?;
        match event {
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(LoadError::NotOneDocument);
                }
            }
            Event::Scalar(value, style, anchor, _) => {
                let null = style == ScalarStyle::Plain
                    && matches!(&*value, "" | "~" | "null" | "Null" | "NULL");
                let node = if null {
                    Node::Null
                } else {
                    Node::Text(value.into_owned())
                };
                loader.finish(node, anchor, Size { nodes: 1, depth: 0 })?;
            }
            Event::SequenceStart(anchor, _) => loader.open(Open::List(Vec::new()), anchor)?,
            Event::MappingStart(anchor, _) => {
                loader.open(Open::Map(Vec::new(), None), anchor)?;
            }
            Event::SequenceEnd | Event::MappingEnd => loader.close()?,
            Event::Alias(id) => {
                let (node, size) = loader
                    .anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| LoadError::Syntax(format!("unknown alias {id}")))?;
                if loader.stack.len() + size.depth > MAX_DEPTH {
                    return Err(LoadError::TooDeep);
                }
                loader.spend(size.nodes)?;
                loader.finish(node, 0, size)?;
            }
        }
    }
    Ok(loader.root.unwrap_or(Node::Null))
}

impl Node {
    /// The value of `key` in a mapping (the last one, when a key repeats).
    fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a scalar, when not blank.
    fn text(&self) -> Option<&str> {
        match self {
            Node::Text(text) if !text.trim().is_empty() => Some(text),
            _ => None,
        }
    }

    /// The text of the field `key` of a mapping, when present and not blank.
    fn field(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Node::text)
    }

    /// The same value as JSON (mappings become objects; a repeated key keeps its last value).
    fn into_json(self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Text(text) => Value::String(text),
            Node::List(items) => Value::Array(items.into_iter().map(Node::into_json).collect()),
            Node::Map(entries) => Value::Object(object(entries)),
        }
    }
}

/// A mapping's entries as a JSON object (a repeated key keeps its last value).
fn object(entries: Vec<(String, Node)>) -> Map<String, Value> {
    entries
        .into_iter()
        .map(|(k, v)| (k, v.into_json()))
        .collect()
}

/// The resume layouts read from YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// JSON Resume.
    JsonResume,
    /// RenderCV: a `cv` mapping.
    RenderCv,
}

/// The layout of a loaded document, when it is one that is read: JSON Resume when a
/// top-level key of the schema holds the schema's type (as for JSON), else RenderCV when
/// `cv` is a mapping.
fn layout(root: &Node) -> Option<Layout> {
    let Node::Map(_) = root else { return None };
    let json_resume =
        jsonresume::TOP_LEVEL_KEYS
            .iter()
            .any(|&(key, is_object)| match root.get(key) {
                Some(Node::Map(_)) => is_object,
                Some(Node::List(_)) => !is_object,
                _ => false,
            });
    if json_resume {
        return Some(Layout::JsonResume);
    }
    matches!(root.get("cv"), Some(Node::Map(_))).then_some(Layout::RenderCv)
}

/// A cheap test before parsing: the first line that is not blank, a comment, a directive
/// or `---` is a `key:` line at the left margin, and some line at the left margin starts
/// with a top-level key of JSON Resume or RenderCV (`basics:`, `skills:`, `cv:`...). Plain
/// text and Markdown resumes fail it, so they are never parsed as YAML.
fn may_be_resume(text: &str) -> bool {
    let mut lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with(['#', '%']) && l.trim_end() != "---");
    let Some(first) = lines.next() else {
        return false;
    };
    let key_line = |line: &str| {
        !line.starts_with([' ', '\t', '-', '{', '[', '?', ':'])
            && line.split_once(':').is_some_and(|(key, rest)| {
                !key.is_empty() && (rest.is_empty() || rest.starts_with([' ', '\t']))
            })
    };
    if !key_line(first) {
        return false;
    }
    let top_keys = jsonresume::TOP_LEVEL_KEYS
        .iter()
        .map(|(key, _)| *key)
        .chain(["cv"]);
    std::iter::once(first).chain(lines).any(|line| {
        let key = line.split(':').next().unwrap_or_default();
        let key = key.trim_end().trim_matches(['"', '\'']);
        key_line(line) && top_keys.clone().any(|k| k == key)
    })
}

/// True when `text` is a YAML resume: at most [`MAX_BYTES`], it passes the cheap test, loads
/// (one document, within the bounds) and is JSON Resume or RenderCV.
pub(super) fn looks_like(text: &str) -> bool {
    text.len() <= MAX_BYTES
        && may_be_resume(text)
        && load(text, Keep::TopLevel).is_ok_and(|root| layout(&root).is_some())
}

/// Extracts the text of a YAML resume.
///
/// Errors: [`ExtractError::Damaged`] for YAML that does not load, [`ExtractError::Unsupported`]
/// for YAML of another layout (neither happens after [`looks_like`]), [`ExtractError::NoText`]
/// when no field has text.
pub(super) fn extract(text: &str) -> Result<Document, ExtractError> {
    let root =
        load(text, Keep::All).map_err(|e| ExtractError::Damaged(format!("invalid YAML: {e}")))?;
    match layout(&root) {
        Some(Layout::JsonResume) => {
            // Moved, not copied: the tree and its JSON are never both whole in memory.
            let resume = match root {
                Node::Map(entries) => object(entries),
                _ => Map::new(),
            };
            jsonresume::extract_resume(&resume, "JSON Resume in YAML")
        }
        Some(Layout::RenderCv) => {
            let cv = root.get("cv").unwrap_or(&Node::Null);
            let doc = render_cv(cv);
            if doc.is_blank() {
                return Err(ExtractError::NoText("RenderCV YAML", String::new()));
            }
            Ok(doc)
        }
        None => Err(ExtractError::Unsupported(
            "a YAML file but neither JSON Resume nor RenderCV (no `basics`, `work`, `skills`, `cv`...)"
                .into(),
        )),
    }
}

/// The lines of a RenderCV `cv` mapping.
fn render_cv(cv: &Node) -> Document {
    let mut out = Lines::default();
    out.plain(cv.field("name"));
    out.plain(cv.field("headline").or(cv.field("label")));
    if let Some(Node::Map(sections)) = cv.get("sections") {
        for (key, entries) in sections {
            let heading = section_title(key);
            let hint = names_skills(&heading).then_some(SKILLS_HINT);
            out.section(&heading, hint, |s| match entries {
                Node::List(entries) => entries.iter().for_each(|e| entry(s, e)),
                other => entry(s, other),
            });
        }
    }
    out.finish()
}

/// A section's title from its key: RenderCV writes `snake_case` keys as "Title Case" words.
fn section_title(key: &str) -> String {
    let words = key.split(['_', ' ']).filter(|w| !w.is_empty());
    if key.chars().any(char::is_uppercase) {
        return words.collect::<Vec<_>>().join(" ");
    }
    words
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when a section title names skills: a word starting with "skill", "technolog" or
/// "competenc", or "tools", "stack", "toolbox", "expertise".
fn names_skills(title: &str) -> bool {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            ["skill", "technolog", "competenc"]
                .iter()
                .any(|stem| w.starts_with(stem))
                || ["tools", "stack", "toolbox", "expertise"].contains(&w)
        })
}

/// The lines of one RenderCV entry.
fn entry(out: &mut Lines, entry: &Node) {
    match entry {
        Node::Null => {}
        Node::Text(text) => out.plain(Some(text)),
        Node::List(items) => items.iter().for_each(|item| out.plain(item.text())),
        Node::Map(_) => {
            let degree = match (entry.field("degree"), entry.field("area")) {
                (Some(degree), Some(area)) => Some(format!("{degree} in {area}")),
                (degree, area) => degree.or(area).map(str::to_owned),
            };
            let parts: Vec<&str> = [
                entry.field("position"),
                degree.as_deref(),
                entry.field("name"),
                entry.field("title"),
                entry.field("company"),
                entry.field("institution"),
                entry.field("journal"),
            ]
            .into_iter()
            .flatten()
            .collect();
            let dates = match (entry.field("start_date"), entry.field("date")) {
                (Some(start), _) => Some(format!(
                    "{start} - {}",
                    entry.field("end_date").unwrap_or("present")
                )),
                (None, date) => date.map(str::to_owned),
            };
            out.plain(match (parts.is_empty(), dates) {
                (false, Some(dates)) => Some(format!("{} ({dates})", parts.join(", "))),
                (false, None) => Some(parts.join(", ")),
                (true, dates) => dates,
            });
            match (entry.field("label"), entry.field("details")) {
                (Some(label), Some(details)) => {
                    let label = label.trim_end().trim_end_matches(':');
                    out.plain(Some(format!("{label}: {details}")));
                }
                (label, details) => out.plain(label.or(details)),
            }
            for key in ["summary", "bullet", "number", "reversed_number"] {
                out.plain(entry.field(key));
            }
            if let Some(Node::List(highlights)) = entry.get("highlights") {
                out.each(highlights.iter().filter_map(Node::text));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::extract::testkit::lines;

    fn text(s: &str) -> Node {
        Node::Text(s.to_owned())
    }

    #[test]
    fn load_table() {
        let cases: Vec<(&str, Result<Node, LoadError>)> = vec![
            (
                "a: 1\nb: [x, ~, '', null]\n",
                Ok(Node::Map(vec![
                    ("a".into(), text("1")),
                    (
                        "b".into(),
                        Node::List(vec![text("x"), Node::Null, text(""), Node::Null]),
                    ),
                ])),
            ),
            // Anchors and aliases copy; a key that is a collection drops its entry.
            (
                "a: &x [1]\nb: *x\n? [k]\n: v\n",
                Ok(Node::Map(vec![
                    ("a".into(), Node::List(vec![text("1")])),
                    ("b".into(), Node::List(vec![text("1")])),
                ])),
            ),
            ("", Ok(Node::Null)),
            ("a: 1\n---\nb: 2\n", Err(LoadError::NotOneDocument)),
            ("a: [1\n", Err(LoadError::Syntax(String::new()))),
            ("key: \"open\n", Err(LoadError::Syntax(String::new()))),
        ];
        for (yaml, want) in cases {
            let got = load(yaml, Keep::All).map_err(|e| match e {
                LoadError::Syntax(_) => LoadError::Syntax(String::new()),
                other => other,
            });
            assert_eq!(got, want, "{yaml:?}");
        }
    }

    #[test]
    fn large_yaml_is_text() {
        let entry = "  - name: Web\n    keywords: [Python, Django]\n";
        let mut yaml = format!("skills:\n{}", entry.repeat(MAX_BYTES / entry.len() - 1));
        assert!(yaml.len() <= MAX_BYTES);
        assert!(looks_like(&yaml));
        yaml.push_str(&entry.repeat(2));
        assert!(!looks_like(&yaml));
    }

    #[test]
    fn the_top_level_alone_tells_the_layout() {
        let yaml = "basics: &b\n  name: Ana\nwork:\n  - name: Acme\nalias: *b\ncv: x\n";
        assert_eq!(
            load(yaml, Keep::TopLevel),
            Ok(Node::Map(vec![
                ("basics".into(), Node::Map(Vec::new())),
                ("work".into(), Node::List(Vec::new())),
                ("alias".into(), Node::Map(Vec::new())),
                ("cv".into(), text("x")),
            ]))
        );
        for name in [
            "frontend-developer.jsonresume.yaml",
            "ml-engineer-rendercv.yaml",
        ] {
            let path = format!("{}/fixtures/resumes/{name}", env!("CARGO_MANIFEST_DIR"));
            let yaml = std::fs::read_to_string(path).unwrap();
            let all = layout(&load(&yaml, Keep::All).unwrap());
            assert!(all.is_some(), "{name}");
            assert_eq!(layout(&load(&yaml, Keep::TopLevel).unwrap()), all, "{name}");
            assert_eq!(
                super::super::detect(yaml.as_bytes()),
                super::super::Kind::Yaml
            );
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        // The parser has a bound of its own for flow collections (an error at 256 levels).
        let flow = "[".repeat(100_000);
        assert!(matches!(load(&flow, Keep::All), Err(LoadError::Syntax(_))));
        for deep in [
            format!(
                "{}x{}",
                "[".repeat(MAX_DEPTH + 1),
                "]".repeat(MAX_DEPTH + 1)
            ),
            (0..200).map(|i| format!("{}a:\n", " ".repeat(i))).collect(),
            (0..1_000)
                .map(|i| format!("{}- \n", " ".repeat(i)))
                .collect(),
            format!("{}x", "- ".repeat(10_000)),
        ] {
            for keep in [Keep::All, Keep::TopLevel] {
                assert_eq!(
                    load(&deep, keep),
                    Err(LoadError::TooDeep),
                    "{}",
                    &deep[..20]
                );
            }
            let resume = format!("skills:\n{deep}");
            assert!(!looks_like(&resume));
            // Read as text instead.
            let doc = super::super::extract(resume.as_bytes()).expect("read as text");
            assert_eq!(doc.lines[0].text, "skills:");
        }
        let ok = format!("{}x{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(load(&ok, Keep::All).is_ok());
        // An alias may not carry a node deeper than the bound either.
        let nested = format!("{}x{}", "[".repeat(40), "]".repeat(40));
        let aliased = format!(
            "a: &a {nested}\nb: {}*a{}\n",
            "[".repeat(30),
            "]".repeat(30)
        );
        assert_eq!(load(&aliased, Keep::All), Err(LoadError::TooDeep));
    }

    #[test]
    fn an_alias_bomb_stops_early() {
        // Ten levels of ten aliases each: 10^10 nodes if expanded.
        let mut bomb = String::from("skills:\n- &a0 [Python, Python, Python, Python, Python]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            bomb.push_str(&format!("- &a{i} [{refs}]\n"));
        }
        let start = std::time::Instant::now();
        assert_eq!(load(&bomb, Keep::All), Err(LoadError::TooManyAliases));
        assert_eq!(load(&bomb, Keep::TopLevel), Err(LoadError::TooManyAliases));
        assert!(!looks_like(&bomb));
        // Read as text instead: its few lines, quickly.
        let doc = super::super::extract(bomb.as_bytes()).expect("read as text");
        assert_eq!(doc.lines.len(), 11);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
        // The budget grows with the input, so ordinary anchors are fine.
        let reuse = "a: &a [Python, Go]\nb: [*a, *a, *a]\n";
        assert!(load(reuse, Keep::All).is_ok());
    }

    #[test]
    fn looks_like_table() {
        let cases = [
            ("basics:\n  name: Ana\n", true),
            (
                "# A resume\n---\nskills:\n  - name: Web\n    keywords: [Django]\n",
                true,
            ),
            ("\"work\": []\n", true),
            ("cv:\n  name: Ana\n", true),
            (
                "cv:\n  sections:\n    skills: []\ndesign:\n  theme: classic\n",
                true,
            ),
            // Shapes that are not resumes.
            ("basics: Ana\n", false),
            ("cv: Ana\n", false),
            ("name: skillgap\nversion: 1\n", false),
            ("skills: Python, Go\n", false),
            ("- basics: {}\n", false),
            // Text and Markdown are not parsed.
            ("Ana Silva\nskills:\n  - Python\n", false),
            ("# Ana\n\n## Skills\nPython\n", false),
            ("Skills: Python, Go\n", false),
            ("{\"basics\": {\"name\": \"A\",}}", false),
            // Malformed YAML, several documents.
            ("skills:\n  - name: [Web\n", false),
            ("skills: []\n---\nwork: []\n", false),
            ("", false),
        ];
        for (yaml, want) in cases {
            assert_eq!(looks_like(yaml), want, "{yaml:?}");
        }
    }

    #[test]
    fn json_resume_in_yaml_reads_as_the_json() {
        let yaml = "basics:\n  name: Ana Silva\n  label: Data Engineer\nwork:\n  - name: Acme\n    position: Engineer\n    startDate: 2019-06\n    highlights:\n      - Built pipelines in Python.\nskills:\n  - name: Languages\n    keywords: [Python, SQL, 3.10]\n";
        let json = r#"{"basics": {"name": "Ana Silva", "label": "Data Engineer"},
            "work": [{"name": "Acme", "position": "Engineer", "startDate": "2019-06",
                      "highlights": ["Built pipelines in Python."]}],
            "skills": [{"name": "Languages", "keywords": ["Python", "SQL", "3.10"]}]}"#;
        let from_yaml = extract(yaml).unwrap();
        assert_eq!(from_yaml, jsonresume::extract(json.as_bytes()).unwrap());
        let s = Some(SKILLS_HINT);
        assert_eq!(
            lines(&from_yaml),
            vec![
                ("Ana Silva", None),
                ("Data Engineer", None),
                ("Experience", None),
                ("Engineer, Acme (2019-06 - present)", None),
                ("Built pipelines in Python.", None),
                ("Skills", s),
                ("Languages", s),
                ("Python, SQL, 3.10", s),
            ]
        );
        let err = extract("basics:\n  email: a@example.com\nwork: []\n").unwrap_err();
        assert_eq!(err.to_string(), "this JSON Resume in YAML holds no text");
    }

    #[test]
    fn render_cv_lines_and_hints() {
        let yaml = r#"cv:
  name: Ana Silva
  email: ana@example.com
  sections:
    summary:
      - Data engineer who likes **Python**.
    experience:
      - company: Acme
        position: Data Engineer
        location: Berlin
        start_date: 2019-01
        end_date: 2021-06
        highlights:
          - Built Airflow pipelines.
    education:
      - institution: TU Berlin
        area: Computer Science
        degree: BSc
        date: 2018
    technologies:
      - label: Languages
        details: Python, Go
      - label: "Tools:"
        details: Docker
      - bullet: Kubernetes
    Spoken_languages:
      - label: German
        details: native
    empty: []
design:
  theme: classic
"#;
        assert!(looks_like(yaml));
        let doc = extract(yaml).unwrap();
        let s = Some(SKILLS_HINT);
        assert_eq!(
            lines(&doc),
            vec![
                ("Ana Silva", None),
                ("Summary", None),
                ("Data engineer who likes **Python**.", None),
                ("Experience", None),
                ("Data Engineer, Acme (2019-01 - 2021-06)", None),
                ("Built Airflow pipelines.", None),
                ("Education", None),
                ("BSc in Computer Science, TU Berlin (2018)", None),
                ("Technologies", s),
                ("Languages: Python, Go", s),
                ("Tools: Docker", s),
                ("Kubernetes", s),
                ("Spoken languages", None),
                ("German: native", None),
            ]
        );
        let err = extract("cv:\n  email: a@example.com\n").unwrap_err();
        assert_eq!(err.to_string(), "this RenderCV YAML holds no text");
    }

    #[test]
    fn section_titles_and_skills_names() {
        assert_eq!(section_title("work_experience"), "Work Experience");
        assert_eq!(section_title("Tech Stack"), "Tech Stack");
        assert_eq!(section_title("Spoken_languages"), "Spoken languages");
        for (title, want) in [
            ("Skills", true),
            ("Technical Skills", true),
            ("Technologies", true),
            ("Tools", true),
            ("Core Competencies", true),
            ("Experience", false),
            ("Languages", false),
        ] {
            assert_eq!(names_skills(title), want, "{title}");
        }
    }
}
