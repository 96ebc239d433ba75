//! Job posting -> requirements -> gap. Reads which skills a posting requires and which it
//! only prefers, folds either-or requirements into groups, and compares them with the
//! skills a person has. Pure: the caller extracts the posting's skills with the
//! [`Matcher`](crate::matcher::Matcher) and maps [`PostingError`] to exit status 2.
//!
//! Rules (each has a test below):
//! - **Required or preferred.** A skill takes the kind of the posting's last heading above
//!   it: required under "Requirements", "Required", "Must have", "What you'll need",
//!   "Qualifications", "You have", "Minimum qualifications" (and the close variants in
//!   [`REQUIRED_HEADINGS`]); preferred under "Nice to have", "Preferred", "Bonus",
//!   "Pluses", "Preferred qualifications", "Good to have" ([`PREFERRED_HEADINGS`]). A
//!   heading is a line that names one of these and mentions no skill: written on its own
//!   ("Requirements"), as a Markdown heading ("## Nice to have"), in bold, or ending in a
//!   colon. Any other Markdown heading ("## Benefits") ends the section. Before the first
//!   heading, and after an unrelated one, skills are required. A label line ("Preferred:
//!   Go, Rust") sets the kind of its own skills only. A line saying "preferred", "a plus",
//!   "bonus", "nice to have" or "good to have" ([`PREFERRED_MARKERS`]) makes its skills
//!   preferred wherever it stands.
//! - **Either-or groups.** On one line, skill mentions joined only by commas and "or"
//!   ("TypeScript, Rust or Java", "Python or Go", "AWS and/or GCP"), or a comma list after
//!   "one of", "any of" or "either" ("one of Python, Go, Rust"), form one requirement met
//!   by any member. "and" ends a group ("Docker and Kubernetes" are two requirements); so
//!   does any other text between two mentions. Groups never span lines.
//! - **One requirement per member set.** A requirement met by the same skills that is both
//!   required and preferred counts as required; requirements keep the order of their first
//!   mention. Implied skills (TypeScript implies JavaScript) are not requirements: the
//!   posting did not write them.
//! - **Match score** = (2 x required requirements met + preferred requirements met) /
//!   (2 x required requirements + preferred requirements), 0..1, two decimals.
//! - **Similar roles**: the shipped roles ranked by Jaccard similarity between the
//!   posting's skill ids (every member of every requirement) and the role's slots, each slot
//!   one item met by any member: |slots a posting skill meets| / (|slots| + |posting skills
//!   in no slot|). The top three with a similarity above zero,
//!   by similarity (two decimals), then id.

use std::collections::BTreeSet;

use serde::Serialize;
use thiserror::Error;

use crate::extract::Document;
use crate::gap::{self, SkillRef};
use crate::matcher::Extraction;
use crate::roles::Library;

/// Heading phrases that start a section of required skills (lowercase; matched as whole
/// words inside a heading, so "Basic qualifications" counts).
pub(crate) const REQUIRED_HEADINGS: &[&str] = &[
    "requirements",
    "requirement",
    "required",
    "must have",
    "must-have",
    "must haves",
    "must-haves",
    "what you'll need",
    "what you will need",
    "what you need",
    "qualifications",
    "you have",
    "minimum qualifications",
    "what we're looking for",
    "what we are looking for",
    "who you are",
];

/// Heading phrases that start a section of preferred skills. Checked before
/// [`REQUIRED_HEADINGS`], so "Preferred qualifications" is preferred.
pub(crate) const PREFERRED_HEADINGS: &[&str] = &[
    "nice to have",
    "nice to haves",
    "nice-to-have",
    "nice-to-haves",
    "preferred",
    "bonus",
    "bonus points",
    "pluses",
    "plus",
    "preferred qualifications",
    "good to have",
    "desirable",
];

/// Phrases that make the skills of their own line preferred.
pub(crate) const PREFERRED_MARKERS: &[&str] = &[
    "preferred",
    "a plus",
    "bonus",
    "nice to have",
    "nice-to-have",
    "good to have",
    "pluses",
];

/// Words before a comma list that make it an either-or group ("one of Python, Go, Rust").
const ONE_OF_INTROS: &[&str] = &["one of", "any of", "either", "one or more of"];

/// Whether a posting requires a skill or only prefers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    /// Required (the default).
    Required,
    /// Nice to have.
    Preferred,
}

/// One requirement of a posting: a skill, or a group met by any of its members.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Requirement {
    /// Taxonomy id (for a group: its first member as written).
    pub id: String,
    /// Display name of `id`.
    pub name: String,
    /// For an either-or group: every member id, in the order written; empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    /// 1-based line of the first mention.
    pub line: usize,
}

impl Requirement {
    /// The member ids (one for a single skill).
    pub(crate) fn members(&self) -> &[String] {
        if self.any_of.is_empty() {
            std::slice::from_ref(&self.id)
        } else {
            &self.any_of
        }
    }
}

/// The requirements of a posting, each list in order of first mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Posting {
    /// Required skills and groups.
    pub required: Vec<Requirement>,
    /// Preferred (nice-to-have) skills and groups.
    pub preferred: Vec<Requirement>,
}

impl Posting {
    /// Every skill id the posting names, sorted.
    pub(crate) fn skill_ids(&self) -> BTreeSet<String> {
        self.required
            .iter()
            .chain(&self.preferred)
            .flat_map(|r| r.members().iter().cloned())
            .collect()
    }
}

/// Why a posting could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub(crate) enum PostingError {
    /// The matcher found no skill written in the posting.
    #[error("no skills found in the posting")]
    NoSkills,
}

/// A requirement the person meets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PresentSkill {
    /// The skill the person has (for a group: the first member they have).
    pub id: String,
    /// Display name.
    pub name: String,
    /// For a group: every member id; empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    /// Whether the posting requires or prefers it.
    pub need: Need,
}

/// A shipped role similar to the posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarRole {
    /// Role id.
    pub id: String,
    /// Role title.
    pub title: String,
    /// Jaccard similarity of the skill ids, 0..1, two decimals.
    pub similarity: f64,
    /// Skills both name, sorted by id.
    pub shared_skills: Vec<SkillRef>,
    /// The person's coverage of the role, 0..1, two decimals.
    pub coverage: f64,
}

/// The gap between a person and a posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingReport {
    /// Requirements met: required ones first, then preferred, each in posting order.
    pub present: Vec<PresentSkill>,
    /// Required skills and groups the person lacks (a group is named by its first member).
    pub missing_required: Vec<SkillRef>,
    /// Preferred skills and groups the person lacks.
    pub missing_preferred: Vec<SkillRef>,
    /// (2 x required met + preferred met) / (2 x required + preferred), 0..1, two decimals.
    pub match_score: f64,
    /// Up to three shipped roles by Jaccard similarity with the posting's skills.
    pub similar_roles: Vec<SimilarRole>,
}

/// Lowercase words of `text` (letters, digits, `'`, `-`, `+`, `#`, `.`), single-spaced with
/// a space at both ends, for whole-word phrase search.
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for c in text.to_lowercase().chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if c.is_alphanumeric() || matches!(c, '\'' | '-') {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

fn has_phrase(words: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| words.contains(&format!(" {p} ")))
}

/// A line that heads a section of a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heading {
    /// A requirements heading ("Requirements", "## Nice to have"): the skills below it
    /// have this kind.
    Needs(Need),
    /// Another Markdown or bold heading ("## Benefits"): it ends the section, and the
    /// skills below it are required.
    Other,
}

impl Heading {
    /// The kind of the skills below this heading.
    fn section(self) -> Need {
        match self {
            Heading::Needs(need) => need,
            Heading::Other => Need::Required,
        }
    }
}

/// The heading `line` is, if it is one.
fn heading(line: &str) -> Option<Heading> {
    let t = line.trim();
    let markdown = t.starts_with('#');
    let bold =
        (t.starts_with("**") && t.ends_with("**")) || (t.starts_with("__") && t.ends_with("__"));
    let inner = t
        .trim_start_matches('#')
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .trim_end_matches(':')
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    if inner.is_empty() || inner.chars().count() > 60 || inner.split_whitespace().count() > 6 {
        return None;
    }
    let w = words(inner);
    let need = if has_phrase(&w, PREFERRED_HEADINGS) {
        Some(Need::Preferred)
    } else if has_phrase(&w, REQUIRED_HEADINGS) {
        Some(Need::Required)
    } else {
        None
    };
    match need {
        Some(n) => Some(Heading::Needs(n)),
        None if markdown || bold => Some(Heading::Other),
        None => None,
    }
}

/// The kind set by a label before a colon ("Preferred: Go"), if the label is one.
fn label(line: &str) -> Option<Need> {
    let (label, rest) = line.split_once(':')?;
    if rest.trim().is_empty() || label.split_whitespace().count() > 4 {
        return None;
    }
    match heading(label)? {
        Heading::Needs(need) => Some(need),
        Heading::Other => None,
    }
}

/// How two neighbouring mentions on a line are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    Comma,
    Or,
    Break,
}

fn joint(between: &str) -> Joint {
    let t = between.trim().to_lowercase();
    let t = t.strip_prefix(',').map_or(t.as_str(), str::trim);
    match t {
        "" if between.contains(',') => Joint::Comma,
        "or" | "and/or" | "/or" => Joint::Or,
        _ => Joint::Break,
    }
}

/// A skill mention on one line: character columns and the skill's index in the extraction.
#[derive(Debug, Clone, Copy)]
struct Mention {
    start: usize,
    end: usize,
    skill: usize,
}

/// Splits the mentions of one line (sorted by column) into requirements: each a list of
/// skill indexes, several for an either-or group.
fn line_groups(chars: &[char], mentions: &[Mention]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        // The run of mentions joined by commas and "or", from i to j inclusive.
        let mut j = i;
        let mut or = false;
        while j + 1 < mentions.len() {
            let a = mentions[j].end.min(chars.len());
            let b = mentions[j + 1].start.min(chars.len()).max(a);
            match joint(&chars[a..b].iter().collect::<String>()) {
                Joint::Comma => {}
                Joint::Or => or = true,
                Joint::Break => break,
            }
            j += 1;
        }
        let before: String = chars[..mentions[i].start.min(chars.len())].iter().collect();
        let before = words(&before);
        let before = format!("{} ", before.trim_end().trim_end_matches(" the following"));
        let intro = ONE_OF_INTROS
            .iter()
            .any(|p| before.ends_with(&format!(" {p} ")));
        let mut members: Vec<usize> = Vec::new();
        for m in &mentions[i..=j] {
            if !members.contains(&m.skill) {
                members.push(m.skill);
            }
        }
        if (or || intro) && members.len() > 1 {
            groups.push(members);
        } else {
            groups.extend(members.into_iter().map(|m| vec![m]));
        }
        i = j + 1;
    }
    groups
}

/// Reads the requirements of a posting from its text and the skills found in it.
///
/// Errors with [`PostingError::NoSkills`] when no skill is written in the posting.
pub(crate) fn read_posting(
    doc: &Document,
    extraction: &Extraction,
) -> Result<Posting, PostingError> {
    let mut per_line: Vec<Vec<Mention>> = vec![Vec::new(); doc.lines.len()];
    for (k, skill) in extraction.skills.iter().enumerate() {
        for e in &skill.evidence {
            if let Some(line) = per_line.get_mut(e.line.wrapping_sub(1)) {
                let start = e.column - 1;
                line.push(Mention {
                    start,
                    end: start + e.text.chars().count(),
                    skill: k,
                });
            }
        }
    }
    // (member skill indexes, need, line), in order of first mention.
    let mut found: Vec<(Vec<usize>, Need, usize)> = Vec::new();
    let mut section = Need::Required;
    for (n, line) in doc.lines.iter().enumerate() {
        let mentions = &mut per_line[n];
        if mentions.is_empty() {
            if let Some(h) = heading(&line.text) {
                section = h.section();
            }
            continue;
        }
        mentions.sort_by_key(|m| (m.start, m.skill));
        let need = if has_phrase(&words(&line.text), PREFERRED_MARKERS) {
            Need::Preferred
        } else {
            label(&line.text).unwrap_or(section)
        };
        let chars: Vec<char> = line.text.chars().collect();
        for group in line_groups(&chars, mentions) {
            let mut key = group.clone();
            key.sort_unstable();
            match found.iter_mut().find(|(g, _, _)| {
                let mut k = g.clone();
                k.sort_unstable();
                k == key
            }) {
                Some(entry) => entry.1 = entry.1.min(need),
                None => found.push((group, need, n + 1)),
            }
        }
    }
    if found.is_empty() {
        return Err(PostingError::NoSkills);
    }
    let mut posting = Posting {
        required: Vec::new(),
        preferred: Vec::new(),
    };
    for (members, need, line) in found {
        let first = &extraction.skills[members[0]];
        let requirement = Requirement {
            id: first.id.clone(),
            name: first.name.clone(),
            any_of: if members.len() > 1 {
                members
                    .iter()
                    .map(|&m| extraction.skills[m].id.clone())
                    .collect()
            } else {
                Vec::new()
            },
            line,
        };
        match need {
            Need::Required => posting.required.push(requirement),
            Need::Preferred => posting.preferred.push(requirement),
        }
    }
    Ok(posting)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Compares a posting with the skills `has` says a person has, and finds the shipped roles
/// most like the posting.
pub(crate) fn compare(
    posting: &Posting,
    has: &dyn Fn(&str) -> bool,
    library: &Library,
) -> PostingReport {
    let name = |id: &str| library.taxonomy.name_of(id).to_owned();
    let mut present = Vec::new();
    let mut missing = [Vec::new(), Vec::new()];
    let mut met = [0usize, 0usize];
    for (k, (list, need)) in [
        (&posting.required, Need::Required),
        (&posting.preferred, Need::Preferred),
    ]
    .into_iter()
    .enumerate()
    {
        for r in list {
            match r.members().iter().find(|m| has(m)) {
                Some(id) => {
                    met[k] += 1;
                    present.push(PresentSkill {
                        id: id.clone(),
                        name: name(id),
                        any_of: r.any_of.clone(),
                        need,
                    });
                }
                None => {
                    missing[k].push(SkillRef::plain(r.id.clone(), name(&r.id), r.any_of.clone()));
                }
            }
        }
    }
    let total = 2 * posting.required.len() + posting.preferred.len();
    let match_score = if total == 0 {
        1.0
    } else {
        round2((2 * met[0] + met[1]) as f64 / total as f64)
    };
    let [missing_required, missing_preferred] = missing;
    PostingReport {
        present,
        missing_required,
        missing_preferred,
        match_score,
        similar_roles: similar_roles(posting, has, library),
    }
}

/// The top three shipped roles by Jaccard similarity with the posting's skill ids.
pub(crate) fn similar_roles(
    posting: &Posting,
    has: &dyn Fn(&str) -> bool,
    library: &Library,
) -> Vec<SimilarRole> {
    let ids = posting.skill_ids();
    let mut out: Vec<SimilarRole> = library
        .roles
        .iter()
        .filter_map(|role| {
            // Slots count once: a posting skill that is any member of a slot (an any-of
            // list or a family) meets it, and the slot is shared under that skill's id.
            let slots = role.slots();
            let mut shared: Vec<String> = Vec::new();
            let mut in_slot: BTreeSet<&str> = BTreeSet::new();
            for slot in &slots {
                let hits: Vec<&String> =
                    slot.members().iter().filter(|m| ids.contains(*m)).collect();
                if let Some(first) = hits.first() {
                    shared.push((*first).clone());
                }
                in_slot.extend(hits.iter().map(|m| m.as_str()));
            }
            let union = slots.len()
                + ids
                    .iter()
                    .filter(|id| !in_slot.contains(id.as_str()))
                    .count();
            if shared.is_empty() || union == 0 {
                return None;
            }
            Some(SimilarRole {
                id: role.id.clone(),
                title: role.title.clone(),
                similarity: round2(shared.len() as f64 / union as f64),
                shared_skills: shared
                    .into_iter()
                    .map(|id| {
                        let name = library.taxonomy.name_of(&id).to_owned();
                        SkillRef::plain(id, name, Vec::new())
                    })
                    .collect(),
                coverage: round2(gap::coverage(role, has)),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then_with(|| a.id.cmp(&b.id))
    });
    out.truncate(3);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::Matcher;
    use crate::roles::DataSet;

    fn library() -> Library {
        Library::load(&DataSet::embedded()).unwrap()
    }

    fn read(library: &Library, text: &str) -> Result<Posting, PostingError> {
        let doc = Document::from_text(text);
        let extraction = Matcher::new(&library.taxonomy).extract(&doc);
        read_posting(&doc, &extraction)
    }

    /// Requirements as "id" or "a|b|c" for groups.
    fn ids(list: &[Requirement]) -> Vec<String> {
        list.iter().map(|r| r.members().join("|")).collect()
    }

    fn fixture() -> String {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures/postings/backend-posting.md"),
        )
        .unwrap()
    }

    #[test]
    fn fixture_requirements() {
        let lib = library();
        let posting = read(&lib, &fixture()).unwrap();
        assert_eq!(
            ids(&posting.required),
            [
                "rest-apis",
                "postgresql",
                "typescript|rust|java",
                "sql",
                "docker",
                "kubernetes"
            ]
        );
        assert_eq!(
            ids(&posting.preferred),
            ["kafka", "aws|gcp", "terraform", "redis", "caching"]
        );
        let group = &posting.required[2];
        assert_eq!(
            (group.id.as_str(), group.name.as_str(), group.line),
            ("typescript", "TypeScript", 11)
        );
    }

    #[test]
    fn heading_table() {
        let r = Some(Heading::Needs(Need::Required));
        let p = Some(Heading::Needs(Need::Preferred));
        let cases = [
            ("Requirements", r),
            ("## Requirements", r),
            ("What you\u{2019}ll need:", r),
            ("What you'll need", r),
            ("**Must have**", r),
            ("Minimum Qualifications", r),
            ("Basic qualifications:", r),
            ("You have", r),
            ("Nice to have", p),
            ("### Nice-to-haves", p),
            ("Preferred Qualifications", p),
            ("Bonus points:", p),
            ("Pluses", p),
            ("Good to have", p),
            ("## Benefits", Some(Heading::Other)),
            ("**About the team**", Some(Heading::Other)),
            ("About the team", None),
            ("We have a great team and you have a desk", None),
        ];
        for (line, want) in cases {
            assert_eq!(heading(line), want, "line {line:?}");
        }
    }

    #[test]
    fn headings_and_markers() {
        let lib = library();
        let text = "Backend role with Docker.\n\
                    Must have:\n\
                    - PostgreSQL\n\
                    **Bonus points**\n\
                    - Redis\n\
                    ## About us\n\
                    - We use Kubernetes.\n\
                    Preferred: Terraform\n\
                    Python is nice to have.\n\
                    Minimum qualifications\n\
                    - Experience with Kafka\n";
        let posting = read(&lib, text).unwrap();
        assert_eq!(
            ids(&posting.required),
            ["docker", "postgresql", "kubernetes", "kafka"]
        );
        assert_eq!(ids(&posting.preferred), ["redis", "terraform", "python"]);
    }

    #[test]
    fn either_or_groups() {
        let lib = library();
        let cases: &[(&str, &[&str])] = &[
            ("Python or Go.", &["python|go"]),
            ("TypeScript, Rust or Java.", &["typescript|rust|java"]),
            ("TypeScript, Rust, or Java.", &["typescript|rust|java"]),
            (
                "Experience with one of Python, Ruby, Java.",
                &["python|ruby|java"],
            ),
            ("One of the following: Docker, Podman.", &["docker|podman"]),
            ("AWS and/or GCP", &["aws|gcp"]),
            ("Docker and Kubernetes", &["docker", "kubernetes"]),
            ("Python, SQL and Docker", &["python", "sql", "docker"]),
            (
                "Python, SQL, and Redis or Memcached",
                &["python", "sql", "redis|memcached"],
            ),
            ("PostgreSQL; Redis or Kafka", &["postgresql", "redis|kafka"]),
        ];
        for (text, want) in cases {
            let posting = read(&lib, text).unwrap();
            assert_eq!(ids(&posting.required), *want, "posting {text:?}");
        }
    }

    #[test]
    fn required_wins_over_preferred() {
        let lib = library();
        let posting = read(
            &lib,
            "Nice to have\n- Redis\nRequirements\n- Redis\n- Docker",
        )
        .unwrap();
        assert_eq!(ids(&posting.required), ["redis", "docker"]);
        assert!(posting.preferred.is_empty());
    }

    /// Ordinary words are no requirements: a lowercase word that is a skill's form counts in a
    /// requirements list as an item only; a name ("the Kafka Prize") claims nothing.
    #[test]
    fn ordinary_words_and_names_are_no_requirements() {
        let lib = library();
        let text = "Requirements\n\
                    - You go the extra mile and bring a spark of energy\n\
                    - Docker and Kubernetes in production\n\
                    - Winner of the Kafka Prize welcome\n\
                    Nice to have\n\
                    - go, rust\n";
        let posting = read(&lib, text).unwrap();
        assert_eq!(ids(&posting.required), ["docker", "kubernetes"]);
        assert_eq!(ids(&posting.preferred), ["go", "rust"]);
    }

    #[test]
    fn no_skills_is_an_error() {
        let lib = library();
        let err = read(&lib, "We are a friendly team.\nApply today!").unwrap_err();
        assert_eq!(err, PostingError::NoSkills);
        assert_eq!(err.to_string(), "no skills found in the posting");
    }

    #[test]
    fn compare_fixture_with_backend_resume() {
        let lib = library();
        let posting = read(&lib, &fixture()).unwrap();
        // The backend fixture resume's skills.
        let resume = [
            "python",
            "database-design",
            "postgresql",
            "rest-apis",
            "sql",
            "docker",
            "git",
            "unit-testing",
        ];
        let report = compare(&posting, &|id| resume.contains(&id), &lib);
        let present: Vec<(&str, Need)> = report
            .present
            .iter()
            .map(|p| (p.id.as_str(), p.need))
            .collect();
        assert_eq!(
            present,
            [
                ("rest-apis", Need::Required),
                ("postgresql", Need::Required),
                ("sql", Need::Required),
                ("docker", Need::Required)
            ]
        );
        let missing: Vec<&str> = report
            .missing_required
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(missing, ["typescript", "kubernetes"]);
        assert_eq!(
            report.missing_required[0].any_of,
            ["typescript", "rust", "java"]
        );
        let preferred: Vec<&str> = report
            .missing_preferred
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        // "Redis caching" under "Nice to have" also names the practice of caching.
        assert_eq!(preferred, ["kafka", "aws", "terraform", "redis", "caching"]);
        // (2 x 4 required met + 0 preferred) / (2 x 6 + 5) = 8 / 17.
        assert_eq!(report.match_score, 0.47);
        let similar: Vec<(&str, f64)> = report
            .similar_roles
            .iter()
            .map(|r| (r.id.as_str(), r.similarity))
            .collect();
        // backend-engineer has 9 slots; posting skills meet 8 of them, and 4 posting skills
        // are in no slot: 8 / (9 + 4).
        assert_eq!(
            similar,
            [
                ("backend-engineer", 0.62),
                ("full-stack-engineer", 0.38),
                ("java-developer", 0.3)
            ]
        );
        assert_eq!(
            report.similar_roles[0]
                .shared_skills
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            // In the role's slot order, each slot named by the posting skill that meets it
            // (Java meets the backend-language slot whose pick is Python).
            [
                "java",
                "sql",
                "postgresql",
                "rest-apis",
                "docker",
                "redis",
                "kubernetes",
                "aws"
            ]
        );
        assert_eq!(report.similar_roles[0].coverage, 0.67);
    }

    #[test]
    fn match_score_weighs_required_twice() {
        let lib = library();
        let posting = read(
            &lib,
            "Requirements\n- Python\n- Kubernetes\nNice to have\n- Redis",
        )
        .unwrap();
        let report = compare(&posting, &|id| id == "kubernetes" || id == "redis", &lib);
        // (2 x 1 + 1) / (2 x 2 + 1) = 3 / 5.
        assert_eq!(report.match_score, 0.6);
        let all = compare(&posting, &|_| true, &lib);
        assert_eq!(all.match_score, 1.0);
        assert!(all.missing_required.is_empty() && all.missing_preferred.is_empty());
    }

    #[test]
    fn group_is_met_by_any_member() {
        let lib = library();
        let posting = read(&lib, "TypeScript, Rust or Java").unwrap();
        let report = compare(&posting, &|id| id == "java", &lib);
        assert_eq!(report.present[0].id, "java");
        assert_eq!(report.present[0].name, "Java");
        assert_eq!(report.present[0].any_of, ["typescript", "rust", "java"]);
        assert_eq!(report.match_score, 1.0);
    }
}
