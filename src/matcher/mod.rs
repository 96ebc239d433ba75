//! Text -> skills. Finds every taxonomy form in a document through a word index (see
//! [`Matcher`]), keeps the matches whose boundaries are real token boundaries, asks ambiguous forms
//! for evidence, sets aside skills only being learned, adds fuzzy matches for typos of long
//! names, and closes the result under `implies`.
//!
//! Rules (each has table-driven tests below):
//! - Boundaries: a match may not touch a letter, digit or `_` on either side; it may not be
//!   the tail of a hyphenated or dotted word ("Objective-C", "USB-C", "foo.Go") nor be followed
//!   by `+`, `#`, `&x` or `.x` ("C" in "C++", "C#", "R&D"; "ASP" in "ASP.NET"). A version
//!   number may be attached ("HTML5", "C++17"; two digits at least after a one-letter form).
//! - Case: forms match ASCII-case-insensitively, except plain-word forms of ambiguous
//!   skills ("Go", "React", "Excel"), plain-word forms that are English words ("Python",
//!   "REST", "Swagger") and two-letter acronyms in capitals ("ML": "500 ml" is not machine
//!   learning). Those match in the case written in the taxonomy, or in a line written all in
//!   capitals, or in any case in a skills line. An English-word form of a skill that is not
//!   ambiguous ("python") also counts in another case when it has evidence, as below.
//! - Line wraps: a multi-word form broken across two lines ("machine" / "learning") is found
//!   when the second line goes on with the sentence (it starts in lowercase and the first
//!   does not end with sentence punctuation); the evidence is on the first line.
//! - Reject phrases of a skill ("Franz Kafka", "go live") veto its matches inside them.
//! - URLs and e-mail addresses are masked: "github.com/x" claims nothing.
//! - Ambiguous forms (the name of an ambiguous skill, and its plain-word aliases that are
//!   English words or one or two letters long) need evidence: a Skills section or skills
//!   label line ("Languages: ..."), an attached version ("Go 1.22"), a cue phrase from the
//!   taxonomy or a generic cue word ("written in Go", "using React", "React components"), a short line of the
//!   Education or Certifications section (a course title), or an accepted skill as
//!   list neighbour ("Java 21 and Maven"). A following year ("Spring 2022") or a preceding
//!   "at" (an employer: "at Shell") vetoes them.
//! - Learning: a skill after a learning cue in the same sentence ("currently learning Rust")
//!   is reported as learning, not found.
//! - Fuzzy: a word of 7+ letters that no form matched, at Damerau-Levenshtein (OSA) distance
//!   1 (2 for 11+ letters) from exactly one skill's long plain form with the same first letter.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

pub mod index;

use crate::extract::normalize::normalize_line;
use crate::extract::{Document, Line};
use crate::sections::{self, Section};
use crate::taxonomy::{Category, Taxonomy};

/// How a skill was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// The skill's display name was written.
    Exact,
    /// One of its aliases was written.
    Alias,
    /// A near spelling of a long name ("Kubernets").
    Fuzzy,
    /// Not written, but implied by a skill that was (`django` implies `python`).
    Implied,
}

/// One place a skill was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// 1-based line number in the extracted text (`skillgap text` shows it).
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 1-based page for PDFs, else null.
    pub page: Option<u32>,
    /// The text as written in the document.
    pub text: String,
    /// The line around the match, at most 120 characters, free of control characters.
    pub snippet: String,
    /// The resume section the line sits in, if any heading was found above it.
    pub section: Option<Section>,
}

/// A skill found in a document, with all its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoundSkill {
    /// Taxonomy id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Taxonomy category.
    pub category: Category,
    /// The strongest way it was found (exact > alias > fuzzy; implied when never written).
    #[serde(rename = "match")]
    pub how: MatchKind,
    /// Every place it was found, in document order (empty for implied skills).
    pub evidence: Vec<Evidence>,
    /// For implied skills: the found skills that imply it, sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub implied_by: Vec<String>,
}

/// The skills of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// Claimed skills: found in text in document order, then implied skills sorted by id.
    pub skills: Vec<FoundSkill>,
    /// Skills mentioned only as being learned or wished for; they close no gap.
    pub learning: Vec<FoundSkill>,
}

impl Extraction {
    /// True when `id` is claimed (found or implied).
    pub fn has(&self, id: &str) -> bool {
        self.skills.iter().any(|s| s.id == id)
    }
}

#[derive(Debug)]
struct Phrase {
    lower: String,
    /// Byte offset of the skill's form inside `lower`.
    anchor: usize,
}

/// A skill's reject and cue phrases, compiled on first use (few skills ever need them).
#[derive(Debug, Default)]
struct Phrases {
    reject: Vec<Phrase>,
    cues: Vec<Phrase>,
}

/// A compiled matcher over one taxonomy. Build once, use for many documents.
///
/// Forms are found through a word index rather than an automaton: every form is keyed by its
/// first run of letters and digits ("c++" by "c", ".net" by "net", "ci/cd" by "ci"), and each
/// such run of a line looks up the forms it can start, which are then compared byte for byte.
/// A match that does not start and end on token boundaries is dropped anyway, so this finds
/// the same matches as a substring automaton (CJK forms, which have no word boundaries, are
/// searched as substrings) and builds in a fraction of the time: start-up dominates a
/// one-resume run (`examples/bench_automaton.rs`, README "Performance").
pub struct Matcher<'t> {
    taxonomy: &'t Taxonomy,
    /// The form index: patterns, their word keys, fuzzy targets (see [`index`]).
    index: Cow<'t, Index<'t>>,
    /// Per skill, its reject and cue phrases (compiled on first use).
    phrases: Vec<OnceLock<Phrases>>,
}

/// Most evidence entries kept per skill (the first ones in document order): a skill named a
/// million times in a hostile file must not cost a million snippets of memory.
pub const MAX_EVIDENCE: usize = 100;

pub use index::FUZZY_MIN_LEN;
use index::{Index, Letters, Pattern, SkillForms, first_run, key_hash};

/// The form index of the embedded taxonomy, built by `build.rs` (see [`index`]).
mod prepared {
    // Unused when the build could not prepare the taxonomy (the index is then `None`).
    #[allow(unused_imports)]
    use super::index::{FuzzyForm, Index, Letters, Pattern, Span};
    #[allow(unused_imports)]
    use std::borrow::Cow::Borrowed as B;
    include!(concat!(env!("OUT_DIR"), "/embedded_index.rs"));
}

/// The skills of a taxonomy as the index sees them.
fn skill_forms(taxonomy: &Taxonomy) -> Vec<SkillForms<'_>> {
    taxonomy
        .skills()
        .iter()
        .map(|s| SkillForms {
            ambiguous: s.ambiguous,
            forms: s.forms().collect(),
        })
        .collect()
}

/// Words before an ambiguous form that show it is used as a skill ("in Go", "using React").
const CUE_BEFORE: &[&str] = &[
    "using", "with", "via", "use", "used", "uses", "wrote", "know", "knows",
];

/// Words before "in" that make "in X" a cue ("written in Go", "proficient in R"); "a month in
/// Java" is not one.
const CUE_BEFORE_IN: &[&str] = &[
    "written",
    "rewritten",
    "implemented",
    "built",
    "developed",
    "coded",
    "programmed",
    "programming",
    "proficient",
    "proficiency",
    "experience",
    "experienced",
    "expertise",
    "skilled",
    "skills",
    "fluent",
    "worked",
    "working",
    "work",
    "apps",
    "applications",
    "services",
    "code",
    "scripts",
    "scripting",
    "tools",
    "projects",
    "libraries",
    "software",
    "ported",
    "rewrote",
    "wrote",
    "develop",
    "build",
    "write",
    "background",
    "knowledge",
];

/// Words after an ambiguous form that show it is used as a skill ("React components").
const CUE_AFTER: &[&str] = &[
    "developer",
    "developers",
    "engineer",
    "engineers",
    "programmer",
    "programming",
    "code",
    "coding",
    "script",
    "scripts",
    "scripting",
    "framework",
    "library",
    "libraries",
    "app",
    "apps",
    "application",
    "applications",
    "project",
    "projects",
    "service",
    "services",
    "microservices",
    "components",
    "sdk",
    "api",
    "apis",
    "backend",
    "frontend",
    "runtime",
    "ecosystem",
    "modules",
    "packages",
    "package",
    "codebase",
    "stack",
    "development",
    "game",
    "games",
    "hooks",
    "spreadsheets",
    "formulas",
    "macros",
    "charts",
    "dashboards",
    "pipelines",
];

/// Every learning cue holds one of these stems (a test checks it).
const LEARNING_STEMS: &[&str] = &["learn", "pick up", "stud", "explor", "getting started"];

/// Phrases after which a skill is only being learned or wished for.
const LEARNING_CUES: &[&str] = &[
    "currently learning",
    "now learning",
    "actively learning",
    "am learning",
    "i'm learning",
    "been learning",
    "started learning",
    "still learning",
    "learning:",
    "want to learn",
    "wants to learn",
    "would like to learn",
    "hoping to learn",
    "hope to learn",
    "plan to learn",
    "planning to learn",
    "plans to learn",
    "eager to learn",
    "keen to learn",
    "aim to learn",
    "interested in learning",
    "hoping to pick up",
    "hope to pick up",
    "want to pick up",
    "plan to pick up",
    "planning to pick up",
    "currently studying",
    "currently exploring",
    "getting started with",
    "beginning to learn",
    "learning goals",
    "next to learn",
    "wish to learn",
];

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl<'t> Matcher<'t> {
    /// Indexes the taxonomy's forms.
    pub fn new(taxonomy: &'t Taxonomy) -> Matcher<'t> {
        let index = if taxonomy.is_prepared()
            && let Some(prepared) = &prepared::INDEX
        {
            Cow::Borrowed(prepared)
        } else {
            Cow::Owned(Index::build(&skill_forms(taxonomy)))
        };
        Matcher {
            taxonomy,
            index,
            phrases: (0..taxonomy.skills().len())
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    /// Pattern `id` of the index.
    fn pattern(&self, id: usize) -> &Pattern {
        &self.index.patterns[id]
    }

    /// The ASCII-lowercase form of a pattern.
    fn lower(&self, p: &Pattern) -> &str {
        self.index.str(p.lower)
    }

    /// The form of a pattern, in the taxonomy's case.
    fn form(&self, p: &Pattern) -> &str {
        self.index.str(p.form)
    }

    /// The reject and cue phrases of skill `i`, compiled on first use.
    fn phrases_of(&self, i: usize) -> &Phrases {
        self.phrases[i].get_or_init(|| {
            let skill = &self.taxonomy.skills()[i];
            let (from, to) = self.index.skill_patterns[i];
            let mut lowers: Vec<String> = Vec::new();
            for p in &self.index.patterns[from as usize..to as usize] {
                let lower = self.lower(p);
                if !lowers.iter().any(|l| l == lower) {
                    lowers.push(lower.to_string());
                }
            }
            Phrases {
                reject: phrases(&skill.reject, &lowers),
                cues: phrases(&skill.cues, &lowers),
            }
        })
    }

    /// Every occurrence (start, end, pattern) of a form in an ASCII-lowercased line, in no
    /// particular order; boundaries are not checked here.
    fn candidates(&self, lower: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut verify = |start_of_run: usize, key: &str| {
            for id in self.index.keyed(key_hash(key)) {
                let p = self.pattern(id as usize);
                let Some(start) = start_of_run.checked_sub(p.anchor as usize) else {
                    continue;
                };
                let form = self.lower(p);
                let end = start + form.len();
                if lower.get(start..end) == Some(form) {
                    out.push((start, end, id as usize));
                }
            }
        };
        let mut rest = lower;
        let mut offset = 0;
        while let Some((a, b)) = first_run(rest) {
            let run = &rest[a..b];
            verify(offset + a, run);
            // "python3", "html5", "c99": the letters before attached version digits.
            let letters = run.trim_end_matches(|c: char| c.is_ascii_digit());
            if letters.len() < run.len() && !letters.is_empty() {
                verify(offset + a, letters);
            }
            offset += b;
            rest = &rest[b..];
        }
        // Loose patterns are CJK (or symbol-only) forms: an ASCII line cannot hold the former.
        let ascii = lower.is_ascii();
        for &id in self.index.loose.iter() {
            let form = self.lower(self.pattern(id as usize));
            if ascii && !form.is_ascii() {
                continue;
            }
            out.extend(
                lower
                    .match_indices(form)
                    .map(|(i, _)| (i, i + form.len(), id as usize)),
            );
        }
        out
    }

    /// Finds the skills of a document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let sections =
            sections::label_lines(doc.lines.iter().map(|l| (l.text.as_str(), l.section_hint)));
        // skill index -> (claimed evidence, learning evidence, best match kind)
        let mut found: BTreeMap<usize, Hit> = BTreeMap::new();
        let mut list_continues = false;
        // Byte ranges at the start of this line that belong to a form begun on the previous
        // line ("machine" / "learning"): no match of their own, no learning cue, no word for
        // fuzzy matching.
        let mut carried: Vec<(usize, usize)> = Vec::new();
        for (n, line) in doc.lines.iter().enumerate() {
            let section = sections[n];
            let ctx = LineCtx {
                text: &line.text,
                masked: links(&line.text),
                lower: line.text.to_ascii_lowercase(),
                section,
                skills_line: section == Some(Section::Skills)
                    || sections::has_skill_label(&line.text),
                course_line: matches!(section, Some(Section::Education | Section::Certifications))
                    && line.text.split_whitespace().count() <= 8,
                all_caps: !line.text.chars().any(char::is_lowercase),
            };
            let mut matches = self.line_matches(&ctx);
            matches.retain(|m| !overlaps(&carried, m.start, m.end));
            let mut spans: Vec<(usize, usize)> = matches.iter().map(|m| (m.start, m.end)).collect();
            spans.append(&mut carried);
            spans.sort_unstable();
            // A form broken by the wrap to the next line is the longest match where it starts:
            // this line's matches inside its first part give way to it.
            let wrapped = match doc.lines.get(n + 1) {
                Some(next) => self.wrapped_matches(&ctx, n, line, next, &spans),
                None => Vec::new(),
            };
            if let Some(first) = wrapped.iter().map(|w| w.start).min() {
                matches.retain(|m| m.end <= first);
                spans.retain(|&(_, e)| e <= first);
                spans.push((first, ctx.text.len()));
            }
            let learning = Learning::new(&ctx.lower, &spans);
            let accepted = self.accept_line(&ctx, &matches, &learning, list_continues);
            // A list wrapped onto the next line ("Photoshop and" / "Illustrator, ...") lets the
            // next line's first skill take this line's last skill as its neighbour.
            list_continues = matches
                .iter()
                .zip(&accepted)
                .rev()
                .find(|(_, a)| **a)
                .is_some_and(|(m, _)| only_separators(&ctx.text[m.end..]));
            for (k, m) in matches.iter().enumerate() {
                if !accepted[k] {
                    continue;
                }
                let pattern = self.pattern(m.pattern);
                found.entry(pattern.skill as usize).or_default().add(
                    pattern.kind(),
                    learning.at(m.start),
                    || make_evidence(&ctx, n, line.page, m.start, m.end),
                );
            }
            for (start, end, skill) in self.fuzzy_matches(&ctx, &spans) {
                found
                    .entry(skill)
                    .or_default()
                    .add(MatchKind::Fuzzy, learning.at(start), || {
                        make_evidence(&ctx, n, line.page, start, end)
                    });
            }
            for w in wrapped {
                carried.push((0, w.end_on_next));
                found
                    .entry(w.skill)
                    .or_default()
                    .add(w.how, w.learning, || w.evidence);
            }
        }
        self.assemble(found)
    }

    /// Multi-word forms broken by a line wrap ("self-supervised learning for low-resource
    /// language" / "modeling"): when the next line goes on with the sentence (it starts with
    /// a lowercase letter, and this line does not end with sentence punctuation), the last
    /// [`WRAP_WORDS`] words of this line and the first ones of the next are matched as one
    /// line, with this line's section and rules. Only matches across the break count; they
    /// are evidenced on this line, and are learning when this line's sentence says so
    /// (`spans`: this line's skill names, sorted, for its learning cues).
    fn wrapped_matches(
        &self,
        ctx: &LineCtx,
        n: usize,
        line: &Line,
        next: &Line,
        spans: &[(usize, usize)],
    ) -> Vec<Wrapped> {
        let text = ctx.text;
        let continues = next.text.starts_with(|c: char| c.is_lowercase())
            && !text.ends_with(['.', '!', '?', ':', ';'])
            && !text.is_empty();
        if !continues {
            return Vec::new();
        }
        let tail_start = word_starts(text).rev().nth(WRAP_WORDS - 1).unwrap_or(0);
        let head_end = word_starts(&next.text)
            .nth(WRAP_WORDS)
            .map_or(next.text.len(), |i| next.text[..i].trim_end().len());
        let joined = format!("{text} {}", &next.text[..head_end]);
        let seam = &joined[tail_start..];
        let break_at = text.len() - tail_start; // the joining space, in `seam`
        let seam_ctx = LineCtx {
            text: seam,
            masked: links(seam),
            lower: seam.to_ascii_lowercase(),
            section: ctx.section,
            skills_line: ctx.skills_line,
            course_line: false,
            all_caps: !seam.chars().any(char::is_lowercase),
        };
        let matches = self.line_matches(&seam_ctx);
        if !matches
            .iter()
            .any(|m| m.start < break_at && break_at < m.end)
        {
            return Vec::new(); // the usual case: nothing crosses the break
        }
        let seam_spans: Vec<(usize, usize)> = matches.iter().map(|m| (m.start, m.end)).collect();
        let seam_learning = Learning::new(&seam_ctx.lower, &seam_spans);
        let accepted = self.accept_line(&seam_ctx, &matches, &seam_learning, false);
        let learning = Learning::new(&ctx.lower, spans);
        let mut out = Vec::new();
        for (m, _) in matches.iter().zip(&accepted).filter(|(_, a)| **a) {
            if !(m.start < break_at && break_at < m.end) {
                continue;
            }
            let pattern = self.pattern(m.pattern);
            let (start, end) = (tail_start + m.start, tail_start + m.end);
            let evidence = Evidence {
                line: n + 1,
                column: text[..start].chars().count() + 1,
                page: line.page,
                text: joined[start..end].to_string(),
                snippet: snippet(&joined, start, end),
                section: ctx.section,
            };
            out.push(Wrapped {
                skill: pattern.skill as usize,
                how: pattern.kind(),
                evidence,
                learning: learning.at(start),
                start,
                end_on_next: m.end - break_at - 1,
            });
        }
        out
    }

    fn assemble(&self, found: BTreeMap<usize, Hit>) -> Extraction {
        let skills = self.taxonomy.skills();
        let make = |i: usize, how: MatchKind, evidence: Vec<Evidence>, implied_by: Vec<String>| {
            let s = &skills[i];
            FoundSkill {
                id: s.id.to_string(),
                name: s.name.to_string(),
                category: s.category,
                how,
                evidence,
                implied_by,
            }
        };
        let mut claimed = Vec::new();
        let mut learning = Vec::new();
        for (&i, hit) in &found {
            if !hit.claimed.is_empty() {
                claimed.push(make(
                    i,
                    hit.claimed_how.unwrap_or(MatchKind::Exact),
                    hit.claimed.clone(),
                    Vec::new(),
                ));
            } else if !hit.learning.is_empty() {
                learning.push(make(
                    i,
                    hit.learning_how.unwrap_or(MatchKind::Exact),
                    hit.learning.clone(),
                    Vec::new(),
                ));
            }
        }
        let order = |s: &FoundSkill| {
            s.evidence
                .first()
                .map(|e| (e.line, e.column))
                .unwrap_or((usize::MAX, 0))
        };
        claimed.sort_by_key(order);
        learning.sort_by_key(order);
        let mut implied: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for s in &claimed {
            for id in self.taxonomy.implied_closure(&s.id) {
                if !claimed.iter().any(|c| c.id == id) {
                    implied.entry(id).or_default().push(s.id.clone());
                }
            }
        }
        for (id, mut by) in implied {
            if let Some(i) = self.taxonomy.index_of(&id) {
                by.sort();
                by.dedup();
                claimed.push(make(i, MatchKind::Implied, Vec::new(), by));
            }
        }
        learning.retain(|l| !claimed.iter().any(|c| c.id == l.id));
        Extraction {
            skills: claimed,
            learning,
        }
    }

    /// Boundary-checked, non-overlapping matches of a line, longest first at each start.
    fn line_matches(&self, ctx: &LineCtx) -> Vec<LineMatch> {
        let text = ctx.text;
        let mut all: Vec<LineMatch> = self
            .candidates(&ctx.lower)
            .into_iter()
            .map(|(start, end, id)| Found { start, end, id })
            .filter_map(|m| {
                let pattern = self.pattern(m.pattern());
                let form = self.form(pattern);
                let end = if pattern.cjk {
                    m.end()
                } else {
                    boundary_end(text, m.start(), m.end(), form)?
                };
                if !pattern.cjk && !boundary_start(text, m.start()) {
                    return None;
                }
                if ctx
                    .masked
                    .iter()
                    .any(|&(s, e)| m.start() < e && s < m.end())
                    || is_link_label(text, m.end(), &ctx.masked)
                {
                    return None;
                }
                let mut needs_evidence = pattern.plain_ambiguous;
                if pattern.exact_case && !ctx.skills_line {
                    let written = &text[m.start()..m.end()];
                    let upper_ok = ctx.all_caps && written == form.to_uppercase();
                    if written != form && !upper_ok {
                        if !pattern.case_with_evidence {
                            return None;
                        }
                        needs_evidence = true;
                    }
                }
                Some(LineMatch {
                    start: m.start(),
                    end: m.end(),
                    end_with_version: end,
                    pattern: m.pattern(),
                    needs_evidence,
                })
            })
            .collect();
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<LineMatch> = Vec::new();
        for m in all {
            if out.last().is_none_or(|last| m.start >= last.end) {
                out.push(m);
            }
        }
        out
    }

    /// Which matches of a line are skills: not inside a reject phrase, and, for ambiguous
    /// plain-word forms, with evidence. A list neighbour counts as evidence once it is itself
    /// accepted, so "Java 21 and Maven" accepts Maven through Java; repeated until stable.
    fn accept_line(
        &self,
        ctx: &LineCtx,
        matches: &[LineMatch],
        learning: &Learning,
        list_continues: bool,
    ) -> Vec<bool> {
        let rejected: Vec<bool> = matches
            .iter()
            .map(|m| {
                self.phrases_of(self.pattern(m.pattern).skill as usize)
                    .reject
                    .iter()
                    .any(|p| phrase_at(&ctx.lower, m.start, p))
            })
            .collect();
        let mut accepted: Vec<bool> = matches
            .iter()
            .enumerate()
            .map(|(k, m)| {
                !rejected[k]
                    && (!m.needs_evidence || self.accept_ambiguous(ctx, m, learning.at(m.start)))
            })
            .collect();
        loop {
            let mut changed = false;
            for k in 0..matches.len() {
                if accepted[k] || rejected[k] || self.vetoed(ctx, &matches[k]) {
                    continue;
                }
                let m = &matches[k];
                let prev = match k.checked_sub(1) {
                    Some(j) => accepted[j] && only_separators(&ctx.text[matches[j].end..m.start]),
                    None => list_continues && only_separators(&ctx.text[..m.start]),
                };
                let next = k + 1 < matches.len()
                    && accepted[k + 1]
                    && only_separators(&ctx.text[m.end..matches[k + 1].start]);
                if prev || next {
                    accepted[k] = true;
                    changed = true;
                }
            }
            if !changed {
                return accepted;
            }
        }
    }

    /// Generic vetoes of an ambiguous form: a following year ("Spring 2022") or a preceding
    /// "at" (an employer: "at Shell").
    fn vetoed(&self, ctx: &LineCtx, m: &LineMatch) -> bool {
        starts_with_year(ctx.lower[m.end..].trim_start())
            || last_word(&ctx.lower[..m.start]) == "at"
    }

    /// Whether an ambiguous plain-word match has evidence of its own: a skills line, a
    /// learning cue ("currently learning Rust"), an attached version, a cue phrase of the
    /// skill or a generic cue word. List neighbours are weighed in [`Matcher::accept_line`].
    fn accept_ambiguous(&self, ctx: &LineCtx, m: &LineMatch, learning: bool) -> bool {
        let skill = self.pattern(m.pattern).skill as usize;
        let lower = &ctx.lower;
        if self.vetoed(ctx, m) {
            return false;
        }
        if ctx.skills_line || learning || ctx.course_line {
            return true;
        }
        let one_letter = ctx.text[m.start..m.end].chars().count() == 1;
        if m.end_with_version > m.end || starts_with_version(&ctx.text[m.end..], one_letter) {
            return true;
        }
        if self
            .phrases_of(skill)
            .cues
            .iter()
            .any(|p| phrase_at(lower, m.start, p))
        {
            return true;
        }
        let after = lower[m.end..].trim_start();
        let before = &lower[..m.start];
        let word = last_word(before);
        let in_cue = word == "in"
            && CUE_BEFORE_IN.contains(&last_word(&before[..before.trim_end().len() - 2]));
        in_cue || CUE_BEFORE.contains(&word) || CUE_AFTER.contains(&first_word(after))
    }

    fn fuzzy_matches(&self, ctx: &LineCtx, spans: &[(usize, usize)]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let text = ctx.text;
        let mut i = 0;
        let bytes = text.as_bytes();
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let end = i;
            let word = &ctx.lower[start..end];
            if end - start < FUZZY_MIN_LEN
                || !boundary_start(text, start)
                || text[end..].starts_with(|c: char| is_word(c))
                || overlaps(spans, start, end)
                || crate::english::is_common_word(word)
            {
                continue;
            }
            if let Some(skill) = self.fuzzy_best(word) {
                out.push((start, end, skill));
            }
        }
        out
    }

    fn fuzzy_best(&self, word: &str) -> Option<usize> {
        let first = word.chars().next()?;
        let max = if word.len() >= 11 { 2 } else { 1 };
        let letters = Letters::of(word);
        let mut best: Option<(usize, usize)> = None; // (distance, skill)
        let mut tie = false;
        for candidate in self.index.fuzzy_starting_with(first) {
            let form = self.index.str(candidate.lower);
            let skill = &(candidate.skill as usize);
            if form.len().abs_diff(word.len()) > max || letters.distance(&candidate.letters) > max {
                continue;
            }
            let d = strsim::osa_distance(word, form);
            if d == 0 || d > max {
                continue;
            }
            match best {
                Some((bd, bs)) if d == bd && bs != *skill => tie = true,
                Some((bd, _)) if d < bd => {
                    best = Some((d, *skill));
                    tie = false;
                }
                None => best = Some((d, *skill)),
                _ => {}
            }
        }
        if tie { None } else { best.map(|(_, s)| s) }
    }
}

#[derive(Default)]
struct Hit {
    claimed: Vec<Evidence>,
    claimed_how: Option<MatchKind>,
    learning: Vec<Evidence>,
    learning_how: Option<MatchKind>,
}

impl Hit {
    /// Records a match; its evidence is made only while fewer than [`MAX_EVIDENCE`] are kept.
    fn add(&mut self, how: MatchKind, learning: bool, evidence: impl FnOnce() -> Evidence) {
        let (list, best) = if learning {
            (&mut self.learning, &mut self.learning_how)
        } else {
            (&mut self.claimed, &mut self.claimed_how)
        };
        if list.len() < MAX_EVIDENCE {
            list.push(evidence());
        }
        *best = Some(best.map_or(how, |b| b.min(how)));
    }
}

struct LineCtx<'a> {
    text: &'a str,
    /// Byte ranges of URLs and e-mail addresses: nothing inside them is a skill claim.
    masked: Vec<(usize, usize)>,
    lower: String,
    section: Option<Section>,
    skills_line: bool,
    /// A short line in Education or Certifications: a course or degree title
    /// ("CS2011 - Java Introduction").
    course_line: bool,
    all_caps: bool,
}

/// A raw occurrence of a pattern in a line.
struct Found {
    start: usize,
    end: usize,
    id: usize,
}

impl Found {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn pattern(&self) -> usize {
        self.id
    }
}

#[derive(Debug)]
struct LineMatch {
    start: usize,
    end: usize,
    /// End including an attached version number ("HTML5").
    end_with_version: usize,
    pattern: usize,
    /// Accepted only with evidence: an ambiguous form, or an English-word form written in
    /// another case than the taxonomy's.
    needs_evidence: bool,
}

fn phrases(raw: &[crate::taxonomy::Text], forms_lower: &[String]) -> Vec<Phrase> {
    raw.iter()
        .filter_map(|p| {
            let lower = normalize_line(p).to_ascii_lowercase();
            forms_lower
                .iter()
                .filter_map(|f| find_word(&lower, f))
                .min()
                .map(|anchor| Phrase { lower, anchor })
        })
        .collect()
}

fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before_ok = hay[..start].chars().next_back().is_none_or(|c| !is_word(c));
        let after_ok = hay[end..]
            .chars()
            .next()
            .is_none_or(|c| !is_word(c) || c.is_ascii_digit());
        if before_ok && after_ok {
            return Some(start);
        }
        from = start + 1;
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// True when `phrase` occurs in `lower` with its anchor at byte `at`, on word boundaries.
fn phrase_at(lower: &str, at: usize, phrase: &Phrase) -> bool {
    let Some(start) = at.checked_sub(phrase.anchor) else {
        return false;
    };
    let end = start + phrase.lower.len();
    if end > lower.len() || !lower.is_char_boundary(start) || !lower.is_char_boundary(end) {
        return false;
    }
    lower[start..end] == phrase.lower
        && lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word(c))
        && lower[end..].chars().next().is_none_or(|c| !is_word(c))
}

fn boundary_start(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    match before.next() {
        None => true,
        Some(c) if is_word(c) => false,
        Some('-' | '.' | '&' | '@' | '$') => !before.next().is_some_and(is_word),
        Some(_) => true,
    }
}

/// The end of the match including an attached version, or `None` when the match does not
/// end on a token boundary.
fn boundary_end(text: &str, start: usize, end: usize, form: &str) -> Option<usize> {
    let rest = &text[end..];
    let mut chars = rest.chars();
    let last = text[start..end].chars().next_back()?;
    match chars.next() {
        None => Some(end),
        Some('+' | '#') if last.is_alphanumeric() => None,
        Some('+' | '#') if last == '+' || last == '#' => None,
        Some('&' | '.') if chars.next().is_some_and(is_word) => None,
        Some(c) if c.is_ascii_digit() => {
            let digits = rest
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b'.')
                .count();
            let digits_only = rest[..digits].trim_end_matches('.');
            let after = rest[digits_only.len()..].chars().next();
            let min = if form.chars().count() == 1 { 2 } else { 1 };
            let ok = digits_only.bytes().filter(u8::is_ascii_digit).count() >= min
                && after.is_none_or(|c| !is_word(c))
                && last.is_alphabetic() | (last == '+');
            ok.then_some(end + digits_only.len())
        }
        Some(c) if is_word(c) => None,
        Some(_) => Some(end),
    }
}

/// True when `rest` starts with " 1.22", " v3", " 21": a version number after a space. After a
/// one-letter form ("R 4.2", "C 11") the version needs a dot or two digits, so "R 1" in
/// running text is not enough.
fn starts_with_version(rest: &str, one_letter: bool) -> bool {
    let trimmed = rest.strip_prefix(' ').unwrap_or("");
    let trimmed = trimmed.strip_prefix(['v', 'V']).unwrap_or(trimmed);
    let digits: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == 'x')
        .collect();
    let n = digits.chars().filter(char::is_ascii_digit).count();
    (1..=4).contains(&n)
        && (!one_letter || n >= 2 || digits.trim_end_matches('.').contains('.'))
        && !starts_with_year(trimmed)
        && trimmed[digits.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphabetic() || c == 'x')
}

fn starts_with_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[..2] == *b"19" || b[..2] == *b"20")
        && b.get(4).is_none_or(|c| !c.is_ascii_alphanumeric())
}

fn last_word(s: &str) -> &str {
    let s = s.trim_end();
    let start = s
        .rfind(|c: char| !is_word(c))
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[start..]
}

fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !is_word(c)).unwrap_or(s.len());
    &s[..end]
}

/// True when the text between two list items holds only separators, "and"/"or", and
/// version numbers ("Java 21 and Maven", "Python (3.11), Go").
fn only_separators(between: &str) -> bool {
    between
        .split(|c: char| c.is_whitespace() || ",;/|&()[]+·•:".contains(c) || c == '-')
        .all(|w| {
            let version = w.trim_start_matches(['v', 'V']);
            w.is_empty()
                || w.eq_ignore_ascii_case("and")
                || w.eq_ignore_ascii_case("or")
                || (!version.is_empty()
                    && version.starts_with(|c: char| c.is_ascii_digit())
                    && version
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == 'x'))
        })
}

/// The learning cues of one line, found once: a line may hold hundreds of matches, and
/// searching the sentence before each of them for every cue would be quadratic.
struct Learning<'a> {
    lower: &'a str,
    /// Skill names of the line, sorted and not overlapping: no cue inside them.
    spans: &'a [(usize, usize)],
    /// Where sentences start after a break (";", "!", "?", or "." before a space), ascending,
    /// and whether the break is a full stop.
    breaks: Vec<(usize, bool)>,
    /// Cue phrases at a word start outside skill names, (start, end), by start.
    cues: Vec<(usize, usize)>,
    /// `min_end[k]`: the smallest end of `cues[k..]`.
    min_end: Vec<usize>,
    /// The line holds no learning stem at all: nothing is learning.
    none: bool,
}

impl<'a> Learning<'a> {
    /// `lower`: the ASCII-lowercased line; `spans`: its skill names, sorted, not overlapping.
    fn new(lower: &'a str, spans: &'a [(usize, usize)]) -> Learning<'a> {
        let mut learning = Learning {
            lower,
            spans,
            breaks: Vec::new(),
            cues: Vec::new(),
            min_end: Vec::new(),
            // Every cue (and "learning") holds one of these stems; most lines hold none.
            none: !LEARNING_STEMS.iter().any(|stem| lower.contains(stem)),
        };
        if learning.none {
            return learning;
        }
        for (i, c) in lower.char_indices() {
            match c {
                ';' | '!' | '?' => learning.breaks.push((i + 1, false)),
                '.' if lower[i + 1..].starts_with(' ') => learning.breaks.push((i + 1, true)),
                _ => {}
            }
        }
        for cue in LEARNING_CUES {
            let mut from = 0;
            while let Some(pos) = lower[from..].find(cue) {
                let s = from + pos;
                let e = s + cue.len();
                let word_start = lower[..s].chars().next_back().is_none_or(|c| !is_word(c));
                if word_start && !overlaps(spans, s, e) {
                    learning.cues.push((s, e));
                }
                from = s + 1;
            }
        }
        learning.cues.sort_unstable();
        let mut min = usize::MAX;
        learning.min_end = learning
            .cues
            .iter()
            .rev()
            .map(|&(_, e)| {
                min = min.min(e);
                min
            })
            .collect();
        learning.min_end.reverse();
        learning
    }

    /// True when a learning cue stands before `at` in the same sentence, outside skill
    /// names, or the sentence starts with "learning".
    fn at(&self, at: usize) -> bool {
        if self.none {
            return false;
        }
        // The sentence starts after the last break before `at` (a full stop counts when the
        // space after it is before `at` too).
        let k = self.breaks.partition_point(|&(b, _)| b <= at);
        let start = self.breaks[..k]
            .iter()
            .rev()
            .find(|&&(b, full_stop)| !full_stop || b < at)
            .map_or(0, |&(b, _)| b);
        let sentence = self.lower[start..at].trim_start();
        if sentence.starts_with("learning ") {
            let s = at - sentence.len();
            // Not when the word ends a skill begun on the line before ("machine" / "learning").
            if !overlaps(self.spans, s, s + 1) {
                return true;
            }
        }
        let from = self.cues.partition_point(|&(s, _)| s < start);
        self.min_end.get(from).is_some_and(|&e| e <= at)
    }
}

/// True when `start..end` overlaps one of `spans` (sorted by start, not overlapping).
fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let k = spans.partition_point(|&(_, e)| e <= start);
    spans.get(k).is_some_and(|&(s, _)| s < end)
}

/// True when the match ending at `end` labels a link ("github: https://github.com/x"): a
/// contact detail, not a skill claim.
fn is_link_label(text: &str, end: usize, masked: &[(usize, usize)]) -> bool {
    let Some(rest) = text[end..].strip_prefix(':') else {
        return false;
    };
    let start = end + 1 + (rest.len() - rest.trim_start().len());
    masked.iter().any(|&(s, _)| s == start)
}

/// The link pattern without its flags: URLs with a scheme, "www." addresses, e-mail
/// addresses, and host names with a common top-level domain, with an optional path.
const LINK: &str = r"\b(?:[a-z][a-z0-9+.-]*://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?-i:com|org|net|io|dev|me|ai|co|edu|gov|app|info|site|tech|xyz|page|cn|uk|de|in)\b(?:/\S*)?)";

static UNICODE: OnceLock<regex::Regex> = OnceLock::new();
static ASCII: OnceLock<regex::bytes::Regex> = OnceLock::new();

fn ascii_link_regex() -> &'static regex::bytes::Regex {
    ASCII.get_or_init(|| {
        regex::bytes::Regex::new(&format!("(?i-u){LINK}")).expect("valid link pattern")
    })
}

/// Builds the matcher's lazily built tables (the ASCII link pattern and the English word
/// sets) now. A one-resume run calls it on the thread that read the document, which is
/// otherwise idle while the matcher is built, instead of paying for it in the first
/// extraction. Matching is the same either way.
pub fn warm_up() {
    ascii_link_regex();
    crate::english::is_common_word("");
    crate::english::is_word_form("");
}

/// Byte ranges of URLs ("https://...", "www...", "github.com/...") and e-mail addresses.
///
/// Start-up matters here: the Unicode regex takes milliseconds to compile. No part of
/// [`LINK`] matches whitespace, and `\b` sees a space and the end of the text alike, so a
/// line's links are the links of its space-separated words. Words that cannot hold a link
/// (no "://", no "@", no "." before a non-space) skip the regex; ASCII words, nearly all,
/// use the pattern compiled for ASCII, which finds the same links in ASCII text (`\w`, `\S`,
/// `\b` and case folding agree there) and compiles several times faster. Only a word with
/// both a link sign and a non-ASCII character ("•www.example.com") needs the Unicode regex.
fn links(text: &str) -> Vec<(usize, usize)> {
    let mut out = markdown_link_targets(text);
    if !may_hold_link(text) {
        return out;
    }
    let mut from = 0;
    for word in text.split(|c: char| c.is_ascii_whitespace()) {
        let at = from;
        from += word.len() + 1;
        if !may_hold_link(word) {
            continue;
        }
        if word.is_ascii() {
            let re = ascii_link_regex();
            out.extend(
                re.find_iter(word.as_bytes())
                    .map(|m| (at + m.start(), at + m.end())),
            );
        } else {
            let re = UNICODE.get_or_init(|| {
                regex::Regex::new(&format!("(?i){LINK}")).expect("valid link pattern")
            });
            out.extend(re.find_iter(word).map(|m| (at + m.start(), at + m.end())));
        }
    }
    out
}

/// Byte ranges of Markdown link and image targets, the "(...)" after "](", with nested
/// parentheses: a target is an address whatever its scheme ("javascript:", "mailto:",
/// a relative path), never a skill claim. An unclosed target runs to the end of the line.
fn markdown_link_targets(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("](") {
        let open = from + pos + 1;
        let mut depth = 0usize;
        let mut end = text.len();
        for (i, b) in text.as_bytes()[open..].iter().enumerate() {
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((open, end));
        from = end;
    }
    out
}

/// False when no alternative of [`LINK`] can match: each needs "://", "@", or a "." followed
/// by a character other than ASCII whitespace.
fn may_hold_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.contains(&b'@')
        || text.contains("://")
        || bytes
            .windows(2)
            .any(|w| w[0] == b'.' && !w[1].is_ascii_whitespace())
}

fn make_evidence(ctx: &LineCtx, n: usize, page: Option<u32>, start: usize, end: usize) -> Evidence {
    Evidence {
        line: n + 1,
        column: ctx.text[..start].chars().count() + 1,
        page,
        text: ctx.text[start..end].to_string(),
        snippet: snippet(ctx.text, start, end),
        section: ctx.section,
    }
}

/// How a match of a pattern was found (`Pattern` lives in the data crate).
trait PatternKind {
    fn kind(&self) -> MatchKind;
}

impl PatternKind for Pattern {
    /// How a match of this pattern was found: the skill's name, or an alias.
    fn kind(&self) -> MatchKind {
        if self.is_name {
            MatchKind::Exact
        } else {
            MatchKind::Alias
        }
    }
}

/// A match of a form broken by a line wrap (see [`Matcher::wrapped_matches`]).
struct Wrapped {
    skill: usize,
    how: MatchKind,
    /// On the first line, with the joined text ("machine learning").
    evidence: Evidence,
    learning: bool,
    /// Where the form starts on the first line (bytes).
    start: usize,
    /// Where the form ends on the next line (bytes).
    end_on_next: usize,
}

/// Words of each line put together when a multi-word form may be broken by a line wrap
/// (see [`Matcher::wrapped_matches`]): the longest forms of the taxonomy have five words, so
/// four on each side of the break cover every split of them.
const WRAP_WORDS: usize = 4;

/// Byte offsets where the space-separated words of `text` start.
fn word_starts(text: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    text.char_indices()
        .filter(move |&(i, c)| c != ' ' && (i == 0 || text.as_bytes()[i - 1] == b' '))
        .map(|(i, _)| i)
}

/// At most 120 characters of `line` around `start..end`, with "..." where cut.
fn snippet(line: &str, start: usize, end: usize) -> String {
    const MAX: usize = 120;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    if chars.len() <= MAX {
        return line.to_string();
    }
    let s = chars.iter().position(|&(i, _)| i >= start).unwrap_or(0);
    let e = chars
        .iter()
        .position(|&(i, _)| i >= end)
        .unwrap_or(chars.len());
    let room = MAX.saturating_sub(e - s) / 2;
    let from = s.saturating_sub(room);
    let to = (e + room).min(chars.len());
    let mut out = String::new();
    if from > 0 {
        out.push_str("...");
    }
    out.extend(chars[from..to].iter().map(|&(_, c)| c));
    if to < chars.len() {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAXONOMY: &str = r#"{"skills": [
{"id": "c", "name": "C", "category": "language", "ambiguous": true, "reject": ["Series C", "grade: C", "plan C", "C-level", "vitamin C"]},
{"id": "cpp", "name": "C++", "category": "language"},
{"id": "csharp", "name": "C#", "category": "language"},
{"id": "fsharp", "name": "F#", "category": "language"},
{"id": "objective-c", "name": "Objective-C", "category": "language"},
{"id": "go", "name": "Go", "category": "language", "aliases": ["Golang"], "ambiguous": true, "reject": ["go live", "go to", "go-to"]},
{"id": "r", "name": "R", "category": "language", "ambiguous": true},
{"id": "java", "name": "Java", "category": "language", "ambiguous": true},
{"id": "javascript", "name": "JavaScript", "category": "language", "aliases": ["JS"]},
{"id": "react", "name": "React", "category": "framework", "aliases": ["React.js", "ReactJS"], "ambiguous": true, "reject": ["react to"], "implies": ["javascript"]},
{"id": "nextjs", "name": "Next.js", "category": "framework", "implies": ["react"]},
{"id": "dotnet", "name": ".NET", "category": "framework"},
{"id": "aspnet-core", "name": "ASP.NET Core", "category": "framework", "implies": ["dotnet"]},
{"id": "nodejs", "name": "Node.js", "category": "framework", "implies": ["javascript"]},
{"id": "ci-cd", "name": "CI/CD", "category": "practice"},
{"id": "plsql", "name": "PL/SQL", "category": "language"},
{"id": "sql", "name": "SQL", "category": "language"},
{"id": "html", "name": "HTML", "category": "language", "aliases": ["HTML5"]},
{"id": "css", "name": "CSS", "category": "language"},
{"id": "kubernetes", "name": "Kubernetes", "category": "tool", "aliases": ["k8s"]},
{"id": "postgresql", "name": "PostgreSQL", "category": "database", "aliases": ["Postgres"], "implies": ["sql"]},
{"id": "python", "name": "Python", "category": "language"},
{"id": "rust", "name": "Rust", "category": "language", "ambiguous": true, "reject": ["rust-proofing"]},
{"id": "spring", "name": "Spring", "category": "framework", "ambiguous": true},
{"id": "spring-boot", "name": "Spring Boot", "category": "framework", "implies": ["java"]},
{"id": "swift", "name": "Swift", "category": "language", "ambiguous": true},
{"id": "excel", "name": "Excel", "category": "tool", "ambiguous": true, "reject": ["excel at", "excel in"]},
{"id": "shell", "name": "Shell", "category": "language", "ambiguous": true},
{"id": "symfony", "name": "Symfony", "category": "framework"},
{"id": "javascript-engines", "name": "Data Structures", "category": "practice", "aliases": ["数据结构"]},
{"id": "docker", "name": "Docker", "category": "tool"},
{"id": "machine-learning", "name": "Machine Learning", "category": "practice", "aliases": ["ML"]},
{"id": "kafka", "name": "Kafka", "category": "tool", "reject": ["Franz Kafka"]}
]}"#;

    fn tax() -> Taxonomy {
        Taxonomy::from_json(TAXONOMY).unwrap()
    }

    #[test]
    fn the_prepared_index_equals_one_built_at_run_time() {
        let text = crate::roles::DataSet::embedded().taxonomy.text;
        let embedded = Taxonomy::embedded(&text).unwrap();
        let prepared = prepared::INDEX
            .as_ref()
            .expect("build.rs prepared the index");
        let built = Index::build(&skill_forms(&embedded));
        assert_eq!(prepared.text, built.text);
        assert_eq!(prepared.patterns, built.patterns);
        assert_eq!(prepared.keys, built.keys);
        assert_eq!(prepared.loose, built.loose);
        assert_eq!(prepared.skill_patterns, built.skill_patterns);
        assert_eq!(prepared.fuzzy, built.fuzzy);
        // The matcher of the embedded taxonomy uses it; one of parsed data builds its own.
        assert!(matches!(Matcher::new(&embedded).index, Cow::Borrowed(_)));
        let parsed = Taxonomy::from_json(&text).unwrap();
        assert!(matches!(Matcher::new(&parsed).index, Cow::Owned(_)));
    }

    /// The learning check as a direct search of the sentence before `at` (the definition
    /// [`Learning`] indexes once per line).
    fn is_learning_direct(lower: &str, at: usize, spans: &[(usize, usize)]) -> bool {
        let head = &lower[..at];
        let start = head
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                matches!(c, ';' | '!' | '?') || (c == '.' && head[i + 1..].starts_with(' '))
            })
            .map_or(0, |(i, _)| i + 1);
        let sentence = &head[start..];
        let trimmed = sentence.trim_start();
        if trimmed.starts_with("learning ") {
            let s = at - trimmed.len();
            if !spans.iter().any(|&(a, b)| a <= s && s < b) {
                return true;
            }
        }
        LEARNING_CUES.iter().any(|cue| {
            let mut from = 0;
            while let Some(pos) = sentence[from..].find(cue) {
                let s = start + from + pos;
                let e = s + cue.len();
                let inside = spans.iter().any(|&(a, b)| s < b && a < e);
                let word_start = lower[..s].chars().next_back().is_none_or(|c| !is_word(c));
                if !inside && word_start {
                    return true;
                }
                from += pos + 1;
            }
            false
        })
    }

    #[test]
    fn the_learning_index_answers_as_the_direct_search() {
        let words = [
            "currently learning",
            "learning",
            "rust",
            "go",
            "want to learn",
            "i'm learning",
            "and",
            ".",
            "; ",
            "!",
            "plan to pick up",
            "machine",
            "python",
            "learning:",
            "getting started with",
            "studying",
            "relearning",
            "e.g.",
            "x",
            "  ",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..1500 {
            let count = 1 + next(12);
            let parts: Vec<&str> = (0..count).map(|_| words[next(words.len())]).collect();
            let line = parts.join(" ");
            // Skill spans: a few sorted, non-overlapping word ranges.
            let starts: Vec<usize> = word_starts(&line).collect();
            let mut spans = Vec::new();
            let mut last_end = 0;
            for &s in &starts {
                if s >= last_end && next(3) == 0 {
                    let e = line[s..].find(' ').map_or(line.len(), |i| s + i);
                    spans.push((s, e));
                    last_end = e;
                }
            }
            let learning = Learning::new(&line, &spans);
            for at in (0..=line.len()).filter(|&i| line.is_char_boundary(i)) {
                assert_eq!(
                    learning.at(at),
                    is_learning_direct(&line, at, &spans),
                    "{line:?} at {at}, spans {spans:?}"
                );
            }
        }
    }

    fn ids(text: &str) -> Vec<String> {
        let t = tax();
        let m = Matcher::new(&t);
        let got = m.extract(&Document::from_text(text));
        got.skills
            .iter()
            .filter(|s| s.how != MatchKind::Implied)
            .map(|s| s.id.clone())
            .collect()
    }

    #[test]
    fn boundaries_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Skills: C, C++, C#, F#", &["c", "cpp", "csharp", "fsharp"]),
            ("Wrote Objective-C for iOS", &["objective-c"]),
            ("Charged USB-C adapters", &[]),
            ("JavaScript and Java developer", &["javascript", "java"]),
            ("Fast internet access", &[]),
            (
                "Migrated services to .NET 8 and ASP.NET Core.",
                &["dotnet", "aspnet-core"],
            ),
            ("Built on Node.js with CI/CD", &["nodejs", "ci-cd"]),
            ("Wrote PL/SQL packages", &["plsql"]),
            (
                "Front end: HTML5/CSS3/JavaScript",
                &["html", "css", "javascript"],
            ),
            ("Ran k8s and Postgres", &["kubernetes", "postgresql"]),
            ("Led R&D budget planning", &[]),
            ("Modern C++17 codebase", &["cpp"]),
            ("python_script and pythonic code", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(ids(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn ambiguous_forms_need_case_and_evidence() {
        let cases: &[(&str, &[&str])] = &[
            ("Languages: Go, R, C", &["go", "r", "c"]),
            ("We will go live next week.", &[]),
            ("Owned the go-to-market plan.", &[]),
            ("I react calmly and excel at conflict resolution.", &[]),
            ("Spring 2022 semester: teaching assistant", &[]),
            ("Led R&D for a Series C startup.", &[]),
            ("Final grade: C (pass) in chemistry.", &[]),
            ("Worked at Shell as an attendant.", &[]),
            ("Travelled through Java and Bali in 2019.", &[]),
            ("Spent a month in Java and Sumatra.", &[]),
            ("Services written in Java for payments", &["java"]),
            ("Oversaw the rust-proofing of vans.", &[]),
            ("Delivered swift service.", &[]),
            (
                "Built the iOS app in Objective-C, later rewritten in Swift.",
                &["objective-c", "swift"],
            ),
            ("Services written in Go 1.22", &["go"]),
            ("Go 1.22 services", &["go"]),
            ("Built React components", &["react"]),
            ("Python, Go and Docker", &["python", "go", "docker"]),
            ("Golang microservices with Docker", &["go", "docker"]),
            (
                "Spring Boot 3 services with Java 21",
                &["spring-boot", "java"],
            ),
            ("Managed the vitamin C inventory", &[]),
            ("SKILLS: PYTHON, GO", &["python", "go"]),
        ];
        for (text, want) in cases {
            assert_eq!(ids(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn acronyms_and_rejects_of_plain_skills() {
        assert_eq!(
            ids("Built ML pipelines on Kafka"),
            vec!["machine-learning", "kafka"]
        );
        assert!(ids("Add 500 ml of water").is_empty());
        assert!(ids("Read Franz Kafka at university").is_empty());
    }

    #[test]
    fn english_word_forms_need_their_case_outside_skills_lines() {
        assert!(ids("the python slithered away").is_empty());
        assert_eq!(ids("I know python and k8s."), vec!["python", "kubernetes"]);
        assert_eq!(ids("experience with python"), vec!["python"]);
        assert_eq!(ids("Built it in Python"), vec!["python"]);
        assert_eq!(ids("Skills: python, docker"), vec!["python", "docker"]);
        // "Golang" is no English word: no evidence and no case needed.
        assert_eq!(ids("I write golang daily"), vec!["go"]);
        assert_eq!(
            ids("Spring Boot 3 services with Java 21 and Spring"),
            vec!["spring-boot", "java", "spring"]
        );
    }

    #[test]
    fn ascii_link_pattern_agrees_with_unicode() {
        let unicode = regex::Regex::new(&format!("(?i){LINK}")).unwrap();
        for line in [
            "github.com/dana-python and https://docker.example.org/k8s",
            "mail dana.python@example.com, WWW.Example.COM/path or ftp://x",
            "Portfolio: dana.dev | linkedin.com/in/dana | +1 555 0100",
            "Python 3.11, Node.js and ASP.NET. Shipped v2.0.",
            "e.g. C++/C# work; i.e. nothing. Next sentence",
            "no links at all here",
            "dot at the end.",
            "user@host",
            "caf\u{e9}.com and https://\u{fc}ber.de/x", // not ASCII: the Unicode pattern
            "\u{2022} www.example.com \u{b7} dana@example.org \u{2022}x.io/a\u{e9}",
            "\u{2022}\tgitlab.com/dana  \u{212a}ubernetes.io.",
        ] {
            let want: Vec<(usize, usize)> = unicode
                .find_iter(line)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(links(line), want, "{line}");
        }
        assert!(!may_hold_link("Python. Go, Rust; and C."));
        assert!(may_hold_link("a.b"));
    }

    #[test]
    fn links_are_masked() {
        assert!(ids("github.com/dana-python and https://docker.example.org/k8s").is_empty());
        assert!(ids("mail dana.python@example.com").is_empty());
        assert!(
            ids("docker: https://hub.docker.com/u/dana").is_empty(),
            "a link label"
        );
        assert_eq!(ids("Languages: R 4.2"), vec!["r"]);
        // A Markdown link target is an address, whatever its scheme.
        assert_eq!(
            ids("Demo: [play](javascript:start(1)) and [code](docs/python(3).md), in Docker"),
            vec!["docker"]
        );
        assert_eq!(
            markdown_link_targets("[a](b(c)) x [d](e"),
            vec![(3, 9), (15, 17)]
        );
        assert_eq!(
            ids("Shipped ASP.NET Core and Node.js apps"),
            vec!["aspnet-core", "nodejs"]
        );
    }

    #[test]
    fn forms_broken_by_a_line_wrap_are_found_on_the_first_line() {
        assert_eq!(
            ids("Built data tools for our machine\nlearning platform team"),
            vec!["machine-learning"]
        );
        let t = tax();
        let got = Matcher::new(&t).extract(&Document::from_text(
            "Shipped tools for machine\nlearning engineers on Kubernetes",
        ));
        let ml = got
            .skills
            .iter()
            .find(|s| s.id == "machine-learning")
            .unwrap();
        assert_eq!(ml.how, MatchKind::Exact);
        assert_eq!(ml.evidence.len(), 1);
        let e = &ml.evidence[0];
        assert_eq!((e.line, e.column), (1, 19));
        assert_eq!(e.text, "machine learning");
        assert_eq!(
            e.snippet,
            "Shipped tools for machine learning engineers on Kubernetes"
        );
        // Found once, not again on the second line.
        assert_eq!(
            got.skills.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            vec!["machine-learning", "kubernetes"]
        );
        // No join after the end of a sentence, or before a line that starts a new one.
        assert!(ids("We sold the machine.\nlearning never stops").is_empty());
        assert!(ids("Ran the machine\nLearning plans were set").is_empty());
        // Learning cues and rules apply across the break too.
        let learning = Matcher::new(&t).extract(&Document::from_text(
            "Currently learning about machine\nlearning",
        ));
        assert!(learning.skills.is_empty());
        assert_eq!(learning.learning[0].id, "machine-learning");
        // The cue may stand anywhere before in the sentence, not only in the joined words.
        let far = Matcher::new(&t).extract(&Document::from_text(
            "I am currently learning the basics of applied machine\nlearning and statistics.",
        ));
        assert!(far.skills.is_empty());
        assert_eq!(far.learning[0].id, "machine-learning");
    }

    #[test]
    fn a_form_across_a_wrap_is_one_mention() {
        let t = tax();
        type Places = Vec<(usize, usize, String)>;
        let evidence = |text: &str| -> Vec<(String, Places)> {
            Matcher::new(&t)
                .extract(&Document::from_text(text))
                .skills
                .into_iter()
                .filter(|s| s.how != MatchKind::Implied)
                .map(|s| {
                    let places = s
                        .evidence
                        .iter()
                        .map(|e| (e.line, e.column, e.text.clone()));
                    (s.id, places.collect())
                })
                .collect()
        };
        // The part on the next line is no match of its own, and the part on the first line
        // gives way to the longer form ("Spring" to "Spring Boot").
        assert_eq!(
            evidence("Rebuilt the billing service with Spring\nboot and Docker"),
            vec![
                (
                    "spring-boot".to_string(),
                    vec![(1, 34, "Spring boot".to_string())]
                ),
                ("docker".to_string(), vec![(2, 10, "Docker".to_string())]),
            ]
        );
        // "learning" ending "machine learning" is no learning cue for what follows it.
        assert_eq!(
            evidence("Shipped machine\nlearning pipelines on Kubernetes"),
            vec![
                (
                    "machine-learning".to_string(),
                    vec![(1, 9, "machine learning".to_string())]
                ),
                (
                    "kubernetes".to_string(),
                    vec![(2, 23, "Kubernetes".to_string())]
                ),
            ]
        );
    }

    #[test]
    fn lists_wrapped_across_lines_keep_their_neighbours() {
        assert_eq!(
            ids("Also proficient in Docker and\nSwift, and more"),
            vec!["docker", "swift"]
        );
        assert_eq!(
            ids("Shipped with Docker.\nSwift replies followed"),
            vec!["docker"]
        );
        assert_eq!(
            ids("Ran Docker daily. The rest\nSwift replies"),
            vec!["docker"]
        );
    }

    #[test]
    fn course_titles_accept_ambiguous_forms() {
        assert_eq!(ids("Education\nCS2011 - Java Introduction"), vec!["java"]);
        assert!(ids("Education\nSpring 2019 semester abroad").is_empty());
    }

    #[test]
    fn skills_section_accepts_ambiguous_forms() {
        assert_eq!(
            ids("Experience\nRan the team\nSkills\nRust\nSwift"),
            vec!["rust", "swift"]
        );
    }

    #[test]
    fn every_learning_cue_has_a_stem() {
        for cue in LEARNING_CUES {
            assert!(LEARNING_STEMS.iter().any(|s| cue.contains(s)), "{cue}");
        }
    }

    #[test]
    fn learning_is_not_claimed() {
        let t = tax();
        let m = Matcher::new(&t);
        let got = m.extract(&Document::from_text(
            "Python developer. Currently learning Rust in the evenings.",
        ));
        let claimed: Vec<&str> = got.skills.iter().map(|s| s.id.as_str()).collect();
        let learning: Vec<&str> = got.learning.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(claimed, vec!["python"]);
        assert_eq!(learning, vec!["rust"]);
        let got = m.extract(&Document::from_text(
            "I want to learn Kubernetes and Docker",
        ));
        assert!(got.skills.is_empty());
        assert_eq!(got.learning.len(), 2);
    }

    #[test]
    fn bag_distance_is_a_lower_bound_of_osa() {
        let words = [
            "kubernetes",
            "kubernets",
            "kuberentes",
            "postgress",
            "postgresql",
            "javascipt",
            "javascript",
            "typescript",
            "pytorch",
            "tensorflow",
            "terraform",
            "café-au-lait",
            "cafe-au-lait",
            "éléphant",
            "",
        ];
        for a in words {
            for b in words {
                let bag = Letters::of(a).distance(&Letters::of(b));
                assert!(bag <= strsim::osa_distance(a, b), "{a} / {b}");
            }
        }
        assert_eq!(
            Letters::of("kubernets").distance(&Letters::of("kubernetes")),
            1
        );
        assert_eq!(
            Letters::of("pytorch").distance(&Letters::of("terraform")),
            6
        );
    }

    #[test]
    fn fuzzy_matches_long_typos_only() {
        let t = tax();
        let m = Matcher::new(&t);
        let got = m.extract(&Document::from_text(
            "Ran Kubernets and Postgress; also Javascipt",
        ));
        let found: Vec<(&str, MatchKind)> =
            got.skills.iter().map(|s| (s.id.as_str(), s.how)).collect();
        assert_eq!(
            found,
            vec![
                ("kubernetes", MatchKind::Fuzzy),
                ("postgresql", MatchKind::Fuzzy),
                ("javascript", MatchKind::Fuzzy),
                ("sql", MatchKind::Implied)
            ]
        );
        assert!(ids("played in a symphony orchestra").is_empty());
        assert!(
            ids("Pythn and Dockr").is_empty(),
            "short words are never fuzzed"
        );
    }

    #[test]
    fn implication_and_evidence() {
        let t = tax();
        let m = Matcher::new(&t);
        let got = m.extract(&Document::from_text(
            "Summary\nBuilt apps in Next.js\n\nSkills\nPython, Python",
        ));
        let next = &got.skills[0];
        assert_eq!(next.id, "nextjs");
        assert_eq!(next.evidence[0].line, 2);
        assert_eq!(next.evidence[0].column, 15);
        assert_eq!(next.evidence[0].section, Some(Section::Summary));
        let python = &got.skills[1];
        assert_eq!(python.evidence.len(), 2);
        assert_eq!(python.evidence[1].section, Some(Section::Skills));
        let implied: Vec<(&str, &[String])> = got
            .skills
            .iter()
            .filter(|s| s.how == MatchKind::Implied)
            .map(|s| (s.id.as_str(), s.implied_by.as_slice()))
            .collect();
        assert_eq!(
            implied,
            vec![
                ("javascript", &["nextjs".to_string()][..]),
                ("react", &["nextjs".to_string()][..])
            ]
        );
    }

    #[test]
    fn cjk_forms_match_without_spaces() {
        assert_eq!(ids("熟悉数据结构与算法"), vec!["javascript-engines"]);
    }

    #[test]
    fn snippet_is_bounded() {
        let long = "x ".repeat(200) + "Python" + &" y".repeat(200);
        let start = long.find("Python").unwrap();
        let s = snippet(&long, start, start + 6);
        assert!(s.contains("Python") && s.starts_with("...") && s.ends_with("..."));
        assert!(s.chars().count() <= 126);
    }
}
