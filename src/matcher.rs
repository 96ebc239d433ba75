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

use crate::extract::Document;
use crate::extract::normalize::normalize_line;
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
struct Pattern<'t> {
    skill: usize,
    /// The form as written (borrowed from the taxonomy unless normalisation changed it).
    form: Cow<'t, str>,
    /// The form in ASCII lowercase, as searched in ASCII-lowercased lines.
    lower: String,
    /// Byte offset in `lower` of its first run of letters and digits (the index key).
    anchor: usize,
    is_name: bool,
    /// Needs exact case and evidence.
    plain_ambiguous: bool,
    /// An English word that is no ambiguous skill ("Python", "Swagger"): written in another
    /// case ("python"), it still counts with evidence ("using python", "python, docker").
    case_with_evidence: bool,
    /// Must match in the case written (plain ambiguous forms and two-letter acronyms
    /// written in capitals, such as "ML": "500 ml" is not machine learning).
    exact_case: bool,
    /// Has CJK characters: no word boundaries apply.
    cjk: bool,
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
    /// (hash of a form's first letter-digit run in ASCII lowercase, pattern), sorted: one
    /// allocation instead of a map of vectors. Hash collisions are harmless, since every
    /// candidate is compared byte for byte.
    index: Vec<(u64, usize)>,
    /// Patterns searched as substrings: CJK forms, and forms without a letter or digit.
    loose: Vec<usize>,
    patterns: Vec<Pattern<'t>>,
    /// Per skill, the range of its patterns, and its phrases (compiled on first use).
    skill_patterns: Vec<std::ops::Range<usize>>,
    phrases: Vec<OnceLock<Phrases>>,
    /// Long plain forms for fuzzy matching, grouped by first character.
    fuzzy: BTreeMap<char, Vec<FuzzyForm>>,
}

/// Most evidence entries kept per skill (the first ones in document order): a skill named a
/// million times in a hostile file must not cost a million snippets of memory.
pub const MAX_EVIDENCE: usize = 100;

/// Minimum length, in characters, of a word or form considered for fuzzy matching.
pub const FUZZY_MIN_LEN: usize = 7;

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

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn is_plain_word(form: &str) -> bool {
    !form.is_empty() && form.chars().all(|c| c.is_alphabetic())
}

impl<'t> Matcher<'t> {
    /// Indexes the taxonomy's forms.
    pub fn new(taxonomy: &'t Taxonomy) -> Matcher<'t> {
        let n = taxonomy.skills().len();
        let mut patterns: Vec<Pattern<'t>> = Vec::with_capacity(n * 4);
        let mut fuzzy: BTreeMap<char, Vec<FuzzyForm>> = BTreeMap::new();
        let mut index: Vec<(u64, usize)> = Vec::with_capacity(n * 4);
        let mut loose = Vec::new();
        let mut skill_patterns = Vec::with_capacity(n);
        for (i, skill) in taxonomy.skills().iter().enumerate() {
            let first_pattern = patterns.len();
            for (k, raw) in skill.forms().enumerate() {
                // Forms in the taxonomy are nearly all plain printable ASCII with single
                // spaces, which normalisation would return unchanged.
                let tidy = raw.bytes().all(|b| b.is_ascii_graphic() || b == b' ')
                    && !raw.contains("  ")
                    && !raw.starts_with(' ')
                    && !raw.ends_with(' ');
                let form: Cow<'t, str> = if tidy {
                    Cow::Borrowed(raw)
                } else {
                    Cow::Owned(normalize_line(raw))
                };
                // Case variants of one form ("Java", "JAVA") stay distinct patterns: their
                // case rules differ. Exact repeats add nothing.
                if form.is_empty() || patterns[first_pattern..].iter().any(|p| p.form == form) {
                    continue;
                }
                let lower = form.to_ascii_lowercase(); // as the lines are searched
                let seen_lower = patterns[first_pattern..].iter().any(|p| p.lower == lower);
                let plain = is_plain_word(&form);
                let word_form = plain && crate::english::is_word_form(&lower);
                // An ambiguous skill's name is ambiguous; its other plain-word forms only when
                // they are English words or very short ("Golang" needs no evidence, "Spark" does).
                let plain_ambiguous =
                    skill.ambiguous && plain && (k == 0 || word_form || form.chars().count() <= 2);
                if !skill.ambiguous && plain && form.chars().count() >= FUZZY_MIN_LEN && !seen_lower
                {
                    let first = lower.chars().next().unwrap_or(' ');
                    fuzzy
                        .entry(first)
                        .or_default()
                        .push(FuzzyForm::new(lower.clone(), i));
                }
                let acronym = form.len() == 2 && form.bytes().all(|b| b.is_ascii_uppercase());
                let cjk = form.chars().any(is_cjk);
                let id = patterns.len();
                let anchor = first_run(&lower);
                match anchor {
                    Some((a, b)) if !cjk => index.push((key_hash(&lower[a..b]), id)),
                    _ => loose.push(id),
                }
                patterns.push(Pattern {
                    skill: i,
                    exact_case: plain_ambiguous || acronym || word_form,
                    case_with_evidence: word_form && !plain_ambiguous && !acronym,
                    cjk,
                    anchor: anchor.map_or(0, |(a, _)| a),
                    lower,
                    form,
                    is_name: k == 0,
                    plain_ambiguous,
                });
            }
            skill_patterns.push(first_pattern..patterns.len());
        }
        index.sort_unstable();
        Matcher {
            taxonomy,
            index,
            loose,
            patterns,
            skill_patterns,
            phrases: (0..n).map(|_| OnceLock::new()).collect(),
            fuzzy,
        }
    }

    /// The reject and cue phrases of skill `i`, compiled on first use.
    fn phrases_of(&self, i: usize) -> &Phrases {
        self.phrases[i].get_or_init(|| {
            let skill = &self.taxonomy.skills()[i];
            let mut lowers: Vec<String> = Vec::new();
            for p in &self.patterns[self.skill_patterns[i].clone()] {
                if !lowers.contains(&p.lower) {
                    lowers.push(p.lower.clone());
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
            let hash = key_hash(key);
            let from = self.index.partition_point(|&(h, _)| h < hash);
            let ids = self.index[from..]
                .iter()
                .take_while(|&&(h, _)| h == hash)
                .map(|&(_, id)| id);
            for id in ids {
                let p = &self.patterns[id];
                let Some(start) = start_of_run.checked_sub(p.anchor) else {
                    continue;
                };
                let end = start + p.lower.len();
                if lower.get(start..end) == Some(p.lower.as_str()) {
                    out.push((start, end, id));
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
        for &id in &self.loose {
            let p = &self.patterns[id];
            if ascii && !p.lower.is_ascii() {
                continue;
            }
            out.extend(
                lower
                    .match_indices(p.lower.as_str())
                    .map(|(i, _)| (i, i + p.lower.len(), id)),
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
            let matches = self.line_matches(&ctx);
            let spans: Vec<(usize, usize)> = matches.iter().map(|m| (m.start, m.end)).collect();
            let accepted = self.accept_line(&ctx, &matches, &spans, list_continues);
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
                let pattern = &self.patterns[m.pattern];
                let learning = is_learning(&ctx.lower, m.start, &spans);
                let how = if pattern.is_name {
                    MatchKind::Exact
                } else {
                    MatchKind::Alias
                };
                let evidence = make_evidence(&ctx, n, line.page, m.start, m.end);
                found
                    .entry(pattern.skill)
                    .or_default()
                    .add(how, evidence, learning);
            }
            for (start, end, skill) in self.fuzzy_matches(&ctx, &spans) {
                let learning = is_learning(&ctx.lower, start, &spans);
                let evidence = make_evidence(&ctx, n, line.page, start, end);
                found
                    .entry(skill)
                    .or_default()
                    .add(MatchKind::Fuzzy, evidence, learning);
            }
        }
        self.assemble(found)
    }

    fn assemble(&self, found: BTreeMap<usize, Hit>) -> Extraction {
        let skills = self.taxonomy.skills();
        let make = |i: usize, how: MatchKind, evidence: Vec<Evidence>, implied_by: Vec<String>| {
            let s = &skills[i];
            FoundSkill {
                id: s.id.clone(),
                name: s.name.clone(),
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
                let pattern = &self.patterns[m.pattern()];
                let end = if pattern.cjk {
                    m.end()
                } else {
                    boundary_end(text, m.start(), m.end(), &pattern.form)?
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
                    let upper_ok = ctx.all_caps && written == pattern.form.to_uppercase();
                    if written != pattern.form && !upper_ok {
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
        spans: &[(usize, usize)],
        list_continues: bool,
    ) -> Vec<bool> {
        let rejected: Vec<bool> = matches
            .iter()
            .map(|m| {
                self.phrases_of(self.patterns[m.pattern].skill)
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
                    && (!m.needs_evidence
                        || self.accept_ambiguous(ctx, m, is_learning(&ctx.lower, m.start, spans)))
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
        let skill = self.patterns[m.pattern].skill;
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
                || spans.iter().any(|&(s, e)| start < e && s < end)
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
        let candidates = self.fuzzy.get(&first)?;
        let max = if word.len() >= 11 { 2 } else { 1 };
        let letters = Letters::of(word);
        let mut best: Option<(usize, usize)> = None; // (distance, skill)
        let mut tie = false;
        for FuzzyForm {
            lower: form,
            skill,
            letters: form_letters,
        } in candidates
        {
            if form.len().abs_diff(word.len()) > max || letters.distance(form_letters) > max {
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

/// A long plain form of an unambiguous skill, a target of fuzzy matching.
struct FuzzyForm {
    lower: String,
    skill: usize,
    letters: Letters,
}

impl FuzzyForm {
    fn new(lower: String, skill: usize) -> FuzzyForm {
        FuzzyForm {
            letters: Letters::of(&lower),
            lower,
            skill,
        }
    }
}

/// The multiset of a word's characters, with every character outside `a`..`z` in one bucket.
/// The bag distance of two words, the larger of the two multiset differences, never exceeds
/// their OSA distance (an edit changes each difference by at most one, a transposition by
/// none; merging characters into one bucket only lowers it), so it rules out most fuzzy
/// candidates before the quadratic distance is computed.
struct Letters([u8; 27]);

impl Letters {
    fn of(word: &str) -> Letters {
        let mut counts = [0u8; 27];
        for c in word.chars() {
            let k = if c.is_ascii_lowercase() {
                c as usize - 'a' as usize
            } else {
                26
            };
            counts[k] = counts[k].saturating_add(1);
        }
        Letters(counts)
    }

    /// A lower bound of the OSA distance of the two words.
    fn distance(&self, other: &Letters) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (&a, &b) in self.0.iter().zip(&other.0) {
            if a > b {
                more += usize::from(a - b);
            } else {
                fewer += usize::from(b - a);
            }
        }
        more.max(fewer)
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
    fn add(&mut self, how: MatchKind, evidence: Evidence, learning: bool) {
        let (list, best) = if learning {
            (&mut self.learning, &mut self.learning_how)
        } else {
            (&mut self.claimed, &mut self.claimed_how)
        };
        if list.len() < MAX_EVIDENCE {
            list.push(evidence);
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

/// FNV-1a hash of an index key (a form's first run of letters and digits, ASCII lowercase).
fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The byte range of the first run of letters and digits in `s`.
fn first_run(s: &str) -> Option<(usize, usize)> {
    let a = s.find(|c: char| c.is_alphanumeric())?;
    let b = s[a..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(s.len(), |i| a + i);
    Some((a, b))
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

fn phrases(raw: &[String], forms_lower: &[String]) -> Vec<Phrase> {
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

/// True when a learning cue stands before `at` in the same sentence, outside skill names.
fn is_learning(lower: &str, at: usize, spans: &[(usize, usize)]) -> bool {
    let head = &lower[..at];
    let sentence_start = head
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, ';' | '!' | '?') || (c == '.' && head[i + 1..].starts_with(' '))
        })
        .map_or(0, |(i, _)| i + 1);
    let sentence = &head[sentence_start..];
    if sentence.trim_start().starts_with("learning ") {
        return true;
    }
    // Every cue holds one of these stems; most sentences hold none, so skip the search.
    if !LEARNING_STEMS.iter().any(|stem| sentence.contains(stem)) {
        return false;
    }
    LEARNING_CUES.iter().any(|cue| {
        let mut from = 0;
        while let Some(pos) = sentence[from..].find(cue) {
            let s = sentence_start + from + pos;
            let e = s + cue.len();
            let inside_skill = spans.iter().any(|&(a, b)| s < b && a < e);
            let word_start = lower[..s].chars().next_back().is_none_or(|c| !is_word(c));
            if !inside_skill && word_start {
                return true;
            }
            from += pos + 1;
        }
        false
    })
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
    let mut out = Vec::new();
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
        assert_eq!(
            ids("Shipped ASP.NET Core and Node.js apps"),
            vec!["aspnet-core", "nodejs"]
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
