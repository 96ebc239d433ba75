//! Job posting -> requirements -> gap. Reads which skills a posting asks of the candidate
//! (required or only preferred), which it names only as context, and which it says it does
//! not require; folds either-or requirements into groups, and compares the requirements with
//! the skills a person has. Pure: the caller extracts the posting's skills with the
//! [`Matcher`](crate::matcher::Matcher) and maps [`PostingError`] to exit status 2.
//!
//! Rules (each has a test below; the phrases are data, `posting/headings.tsv` and
//! `posting/cues.tsv`, each file saying why its entries are there):
//! - **A requirement is what the posting asks of the candidate.** Postings also name their
//!   stack, the duties, the company's story, its customers and people's former employers:
//!   those mentions are **context**, returned apart and left out of the match score, and so
//!   are the skills a posting says it does not require (**not required**).
//! - **Sections.** A heading (a line on its own, a Markdown heading, bold, or ending in a
//!   colon; at most six words; a plain line must start with the phrase) starts a section of
//!   its kind (`posting/headings.tsv`, English, German, Spanish and French): required
//!   ("Requirements", "What you bring", "Dein Profil", "Requisitos", "Profil recherché"),
//!   preferred ("Nice to have", "Bonus points", "Wünschenswert", "Se valorará", "Un plus"),
//!   context ("About us", "Our stack", "Tech stack", "What we use", "The team", "Benefits",
//!   "Who we are", "Responsibilities", "What you'll do", "Über uns", "Sobre nosotros") or
//!   not required ("What you don't need"). Kinds are tried in that order of strength:
//!   not-required, preferred, required, context. Any other Markdown or bold heading, and the
//!   text before the first heading, are read sentence by sentence. A label line ("Preferred:
//!   Go", "Tech stack: Python, Ray") gives its own skills the label's kind.
//! - **Sentences.** Text is read in units, a paragraph (wrapped lines joined) or a list item,
//!   split into sentences at ".", "!", "?" and ";", and into clauses at "but", "although" and
//!   the like. A sentence *asks* when it says "you have", "experience with", "you will need",
//!   "must", "you know", "Erfahrung mit", "experiencia con" ... (`ask`); it speaks of the
//!   company when it opens with "we", "our", "wir", "nuestro" ... or says "we use", "runs
//!   on" (`company`, `company-in`); it tells the company's story when it says "founded",
//!   "former", "our customers" (`story`). Then a skill is:
//!   - *not required* when its clause negates a need ("no Kubernetes experience needed", "Go
//!     is not required", "you don't need to know Elixir", "nicht erforderlich": a `negator`
//!     with a `need` word at most four words later) or says "we will teach you", "you'll
//!     learn" (`not-required`); and in a not-required section;
//!   - *context* in a story sentence, and in a company sentence that does not ask;
//!   - else by section: required in a requirements section, preferred in a nice-to-have
//!     section, context in a section of context unless its sentence asks (then required);
//!     outside any section, required when its sentence asks or it is a list item that is no
//!     duty (an item opening with "Design", "Build", "Own" ... is one, `duty`), else *plain*;
//!   - preferred instead of required, plain or (section) context when its clause hedges ("a
//!     plus", "bonus", "nice to have", "helpful", "would be great", "von Vorteil", "se
//!     valorará", `hedge`), or when it follows "ideally", "preferably", "idealerweise" in its
//!     clause (`hedge-after`: "SQL, ideally PostgreSQL" keeps SQL required).
//!
//!   Plain skills (a title, a bare line outside any section) are context when the posting
//!   asks for anything else, and required when it asks for nothing ("Python, SQL and
//!   Docker" is a posting of three requirements). A posting that names skills and asks for
//!   none is an error ([`PostingError::NothingAsked`]).
//! - **One reading per skill set.** A skill set mentioned several times takes its strongest
//!   reading: required, preferred, not required, context. Context and not-required skills
//!   are listed one by one, and only when no requirement names them; lists keep the order
//!   of the first mention with the winning reading.
//! - **Either-or groups.** On one line, skill mentions joined only by commas and "or"
//!   ("TypeScript, Rust or Java", "Python or Go", "AWS and/or GCP"), or a comma list after
//!   "one of", "any of" or "either" ("one of Python, Go, Rust"), form one requirement met
//!   by any member ("oder", "o", "ou" join like "or"). "and" ends a group ("Docker and Kubernetes" are two requirements); so
//!   does any other text between two mentions. Groups never span lines.
//! - **Implied skills** (TypeScript implies JavaScript) are not requirements: the posting
//!   did not write them. Every written mention counts, also those the resume-side cues call
//!   learning or not claimed: the posting's own cues decide.
//! - **Match score** = (2 x required requirements met + preferred requirements met) /
//!   (2 x required requirements + preferred requirements), 0..1, two decimals. Context and
//!   not-required skills do not count.
//! - **Similar roles**: the shipped roles ranked by Jaccard similarity between the
//!   posting's skill ids (every member of every requirement) and the role's slots, each slot
//!   one item met by any member: |slots a posting skill meets| / (|slots| + |posting skills
//!   in no slot|). The top three with a similarity above zero,
//!   by similarity (two decimals), then id.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Serialize;
use thiserror::Error;
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use crate::extract::Document;
use crate::gap::{self, SkillRef};
use crate::matcher::{Extraction, FoundSkill};
use crate::roles::Library;

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
    /// Skills the posting names without asking for them (its stack, duties, customers,
    /// people's former employers), one by one; not counted in the match score.
    pub context: Vec<Requirement>,
    /// Skills the posting says it does not require ("no Kubernetes experience needed"), one
    /// by one; not counted in the match score.
    pub not_required: Vec<Requirement>,
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
    /// The posting names skills but asks for none of them.
    #[error(
        "the posting asks for none of the skills it names ({context} named as context, {not_required} as not required)"
    )]
    NothingAsked {
        /// Skills named as context.
        context: usize,
        /// Skills named as not required.
        not_required: usize,
    },
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

/// A kind of posting section, as a heading names it (`posting/headings.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// What the candidate must bring ("Requirements", "Dein Profil").
    Required,
    /// Nice-to-haves ("Nice to have", "Se valorará").
    Preferred,
    /// The company, its stack, the team, the duties, the benefits ("About us", "Our stack",
    /// "What you'll do").
    Context,
    /// What the candidate does not need ("What you don't need").
    NotRequired,
}

/// The heading phrases of `posting/headings.tsv`, folded, each with its kind, in the order
/// their kinds are tried: not-required, preferred, required, context.
fn heading_phrases() -> &'static [(Kind, String)] {
    static PHRASES: OnceLock<Vec<(Kind, String)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut out: Vec<(Kind, String)> = tsv(include_str!("posting/headings.tsv"))
            .map(|(kind, phrase)| {
                let kind = match kind {
                    "required" => Kind::Required,
                    "preferred" => Kind::Preferred,
                    "context" => Kind::Context,
                    "not-required" => Kind::NotRequired,
                    other => panic!("posting/headings.tsv: unknown kind {other:?}"),
                };
                (kind, fold_phrase(phrase))
            })
            .collect();
        let order = |k: Kind| match k {
            Kind::NotRequired => 0,
            Kind::Preferred => 1,
            Kind::Required => 2,
            Kind::Context => 3,
        };
        out.sort_by_key(|(k, _)| order(*k));
        out
    })
}

/// The sentence cues of `posting/cues.tsv`, folded, by kind.
#[derive(Debug, Default)]
struct Cues {
    ask: Vec<String>,
    hedge: Vec<String>,
    hedge_after: Vec<String>,
    not_required: Vec<String>,
    negator: Vec<String>,
    need: Vec<String>,
    company: Vec<String>,
    company_in: Vec<String>,
    story: Vec<String>,
    duty: Vec<String>,
    clause_break: Vec<String>,
    abbreviation: Vec<String>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut c = Cues::default();
        for (kind, phrase) in tsv(include_str!("posting/cues.tsv")) {
            let list = match kind {
                "ask" => &mut c.ask,
                "hedge" => &mut c.hedge,
                "hedge-after" => &mut c.hedge_after,
                "not-required" => &mut c.not_required,
                "negator" => &mut c.negator,
                "need" => &mut c.need,
                "company" => &mut c.company,
                "company-in" => &mut c.company_in,
                "story" => &mut c.story,
                "duty" => &mut c.duty,
                "clause-break" => &mut c.clause_break,
                "abbreviation" => &mut c.abbreviation,
                other => panic!("posting/cues.tsv: unknown kind {other:?}"),
            };
            list.push(if kind == "abbreviation" {
                phrase.to_owned()
            } else {
                fold_phrase(phrase)
            });
        }
        c
    })
}

/// The `kind<TAB>phrase` rows of a data file, `#` comment lines left out.
fn tsv(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            l.split_once('\t')
                .unwrap_or_else(|| panic!("posting data: no tab in {l:?}"))
        })
}

/// Lowercase, accents removed, a typographic apostrophe written `'`.
fn fold(text: &str) -> String {
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    if lower.is_ascii() {
        return lower;
    }
    lower.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// A data phrase as [`words`] writes text: folded, single-spaced, no spaces at the ends.
fn fold_phrase(phrase: &str) -> String {
    words(phrase).trim().to_owned()
}

/// Folded words of `text` (letters, digits, `'`, `-`), single-spaced with a space at both
/// ends, for whole-word phrase search.
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for c in fold(text).chars() {
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

fn has_phrase(words: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| words.contains(&format!(" {p} ")))
}

/// The first words of `words` that are a word at all (a bullet's `-` is none).
fn starts_with_phrase(words: &str, phrases: &[String]) -> bool {
    let tokens: Vec<&str> = words
        .split_whitespace()
        .skip_while(|t| !t.chars().any(char::is_alphanumeric))
        .collect();
    let head = format!(" {} ", tokens.join(" "));
    phrases.iter().any(|p| head.starts_with(&format!(" {p} ")))
}

/// True when a negator is followed, at most four words later, by a need word ("no
/// Kubernetes experience needed", "is not required", "don't need to know").
fn negated(words: &str) -> bool {
    let c = cues();
    let tokens: Vec<&str> = words.split_whitespace().collect();
    let at = |i: usize, phrase: &str| -> Option<usize> {
        let p: Vec<&str> = phrase.split(' ').collect();
        (tokens.len() >= i + p.len() && tokens[i..i + p.len()] == p[..]).then_some(p.len())
    };
    (0..tokens.len()).any(|i| {
        c.negator.iter().filter_map(|n| at(i, n)).any(|len| {
            (i + len..(i + len + 5).min(tokens.len()))
                .any(|j| c.need.iter().any(|w| at(j, w).is_some()))
        })
    })
}

/// A line that heads a section of a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heading {
    /// A heading of a known kind ("Requirements", "## Nice to have", "**About us**").
    Section(Kind),
    /// Another Markdown or bold heading ("## Life at Acme"): the sentences below it are read
    /// one by one, as before the first heading.
    Other,
}

/// The heading `line` is, if it is one.
fn heading(line: &str) -> Option<Heading> {
    let t = line.trim();
    let markdown = t.starts_with('#');
    let bold =
        (t.starts_with("**") && t.ends_with("**")) || (t.starts_with("__") && t.ends_with("__"));
    let colon = t.trim_end_matches(['*', '_']).trim_end().ends_with(':');
    let inner = t
        .trim_start_matches('#')
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .trim_end_matches(':')
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .trim_end_matches(['?', '!'])
        .trim_end();
    if inner.is_empty() || inner.chars().count() > 60 || inner.split_whitespace().count() > 6 {
        return None;
    }
    let w = words(inner);
    let marked = markdown || bold || colon;
    let kind = heading_phrases().iter().find_map(|(kind, p)| {
        let hit = if marked {
            w.contains(&format!(" {p} "))
        } else {
            // A plain line is a heading only when it starts with the phrase.
            w.starts_with(&format!(" {p} ")) && !inner.ends_with('.')
        };
        hit.then_some(*kind)
    });
    match kind {
        Some(k) => Some(Heading::Section(k)),
        None if markdown || bold => Some(Heading::Other),
        None => None,
    }
}

/// The kind set by a label before a colon ("Preferred: Go", "Tech stack: Python"), if the
/// label is one.
fn label(line: &str) -> Option<Kind> {
    let (label, rest) = line.split_once(':')?;
    if rest.trim().trim_matches(['*', '_']).trim().is_empty()
        || label.split_whitespace().count() > 4
    {
        return None;
    }
    match heading(label)? {
        Heading::Section(kind) => Some(kind),
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
        "or" | "and/or" | "/or" | "oder" | "o" | "ou" => Joint::Or,
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
/// indexes into `mentions`, several for an either-or group.
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
        for k in i..=j {
            if !members
                .iter()
                .any(|&m| mentions[m].skill == mentions[k].skill)
            {
                members.push(k);
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

/// What a mention is to the posting, strongest first: when one skill set is mentioned
/// several times, the strongest reading wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reading {
    /// Asked of the candidate.
    Required,
    /// Asked, hedged.
    Preferred,
    /// Said not to be needed.
    NotRequired,
    /// Context: the company, its stack, duties, people.
    Context,
    /// Neither asked nor context by any cue (a title, a bare line outside any section):
    /// context when the posting asks for anything elsewhere, required when it asks nothing.
    Plain,
}

/// A run of text read together: a paragraph of prose (wrapped lines joined) or a list item
/// with its continuation lines, under one section.
struct Unit {
    /// The section it sits in (`None` outside any section of a known kind).
    section: Option<Kind>,
    /// A list item ("- ...", "* ...", "1. ...").
    bullet: bool,
    /// Its lines (0-based), in order.
    lines: Vec<usize>,
}

/// True when `line` starts a list item.
fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix([
        '-', '*', '+', '\u{2022}', '\u{00b7}', '\u{2013}', '\u{2014}',
    ]) {
        return rest.starts_with(char::is_whitespace);
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// True when `next` continues the sentence or item of `prev` (a wrapped line).
fn continues(prev: &str, next: &str) -> bool {
    let p = prev.trim_end();
    if p.ends_with(['.', '!', '?', ':', ';']) || p.trim().is_empty() {
        return false;
    }
    let n = next.trim_start();
    p.ends_with(',')
        || n.starts_with(char::is_lowercase)
        || p.chars().count() >= 60
        || (is_bullet(prev) && next.starts_with(char::is_whitespace))
}

/// Character ranges of the sentences of `text`: a sentence ends at ".", "!" or "?" before a
/// space (not after an abbreviation such as "e.g.") and at ";".
fn sentences(text: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..text.len() {
        let end = match text[i] {
            ';' => true,
            '.' | '!' | '?' => {
                let next_space = text.get(i + 1).is_none_or(|c| c.is_whitespace());
                let word: String = text[..i]
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_whitespace() && **c != '(')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let word = word.to_lowercase();
                next_space && !cues().abbreviation.contains(&word)
            }
            _ => false,
        };
        if end {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The start of the clause that holds column `at` of `sentence` (a clause ends before a
/// clause-break word such as "but"), and its end.
fn clause(sentence: &[char], at: usize) -> (usize, usize) {
    let mut start = 0;
    let mut end = sentence.len();
    let mut i = 0;
    while i < sentence.len() {
        let word_start =
            (i == 0 || !sentence[i - 1].is_alphanumeric()) && sentence[i].is_alphabetic();
        if word_start {
            let len = sentence[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric())
                .count();
            let w = fold(&sentence[i..i + len].iter().collect::<String>());
            if cues().clause_break.contains(&w) {
                if i <= at {
                    start = i;
                } else {
                    end = i;
                    break;
                }
            }
            i += len;
        } else {
            i += 1;
        }
    }
    (start, end)
}

/// How the sentence that holds a mention reads it.
struct SentenceCues {
    ask: bool,
    company: bool,
    story: bool,
    duty: bool,
}

impl SentenceCues {
    fn of(sentence: &str, first_of_item: bool) -> SentenceCues {
        let c = cues();
        let w = words(sentence);
        SentenceCues {
            ask: has_phrase(&w, &c.ask),
            company: starts_with_phrase(&w, &c.company) || has_phrase(&w, &c.company_in),
            story: has_phrase(&w, &c.story),
            duty: first_of_item && starts_with_phrase(&w, &c.duty),
        }
    }
}

/// The reading of a mention in a section (`None`: no section of a known kind), given its
/// sentence's cues, its clause and the part of the clause before it.
fn reading(
    section: Option<Kind>,
    bullet: bool,
    s: &SentenceCues,
    clause: &str,
    before: &str,
) -> Reading {
    let c = cues();
    let cw = words(clause);
    let hedged = has_phrase(&cw, &c.hedge) || has_phrase(&words(before), &c.hedge_after);
    if has_phrase(&cw, &c.not_required) || negated(&cw) {
        return if hedged {
            Reading::Preferred
        } else {
            Reading::NotRequired
        };
    }
    if section == Some(Kind::NotRequired) {
        return Reading::NotRequired;
    }
    if s.story || (s.company && !s.ask) {
        return Reading::Context;
    }
    let base = match section {
        Some(Kind::Required) => Reading::Required,
        Some(Kind::Preferred) => Reading::Preferred,
        Some(Kind::Context) if !s.ask => Reading::Context,
        Some(Kind::Context) => Reading::Required,
        Some(Kind::NotRequired) => Reading::NotRequired,
        None if s.ask || (bullet && !s.duty) => Reading::Required,
        None => Reading::Plain,
    };
    match base {
        Reading::Required | Reading::Plain | Reading::Context if hedged => Reading::Preferred,
        other => other,
    }
}

/// Reads the requirements of a posting from its text and the skills found in it.
///
/// Errors with [`PostingError::NoSkills`] when no skill is written in the posting, and with
/// [`PostingError::NothingAsked`] when it names skills but asks for none of them.
pub(crate) fn read_posting(
    doc: &Document,
    extraction: &Extraction,
) -> Result<Posting, PostingError> {
    // Every written mention counts, whatever the resume-side cues made of it ("learning",
    // "not claimed"): the posting's own cues decide below.
    let all: Vec<&FoundSkill> = extraction
        .skills
        .iter()
        .chain(&extraction.learning)
        .chain(&extraction.not_claimed)
        .collect();
    let mut per_line: Vec<Vec<Mention>> = vec![Vec::new(); doc.lines.len()];
    for (k, skill) in all.iter().enumerate() {
        for e in skill.evidence.iter().chain(&skill.unclaimed_evidence) {
            if let Some(line) = per_line.get_mut(e.line.wrapping_sub(1)) {
                let start = e.column - 1;
                if !line.iter().any(|m| m.start == start && m.skill == k) {
                    line.push(Mention {
                        start,
                        end: start + e.text.chars().count(),
                        skill: k,
                    });
                }
            }
        }
    }
    if per_line.iter().all(Vec::is_empty) {
        return Err(PostingError::NoSkills);
    }
    // Units: paragraphs and list items, each under its section.
    let mut units: Vec<Unit> = Vec::new();
    let mut section: Option<Kind> = None;
    let mut open = false;
    for (n, line) in doc.lines.iter().enumerate() {
        let text = &line.text;
        if text.trim().is_empty() {
            open = false;
            continue;
        }
        if per_line[n].is_empty()
            && let Some(h) = heading(text)
        {
            section = match h {
                Heading::Section(kind) => Some(kind),
                Heading::Other => None,
            };
            open = false;
            continue;
        }
        let bullet = is_bullet(text);
        let labelled = label(text);
        let joins = open
            && !bullet
            && labelled.is_none()
            && units
                .last()
                .and_then(|u| u.lines.last())
                .is_some_and(|&p| continues(&doc.lines[p].text, text));
        if joins {
            units.last_mut().expect("open unit").lines.push(n);
        } else {
            units.push(Unit {
                section: labelled.or(section),
                bullet,
                lines: vec![n],
            });
        }
        // A label line ("Tech stack: ...") stands alone.
        open = labelled.is_none();
    }
    // (member skill indexes, reading, (line, column) of its first mention with that
    // reading).
    let mut found: Vec<(Vec<usize>, Reading, (usize, usize))> = Vec::new();
    for unit in &units {
        let mut text: Vec<char> = Vec::new();
        let mut offsets = Vec::new();
        for &n in &unit.lines {
            if !text.is_empty() {
                text.push(' ');
            }
            offsets.push(text.len());
            text.extend(doc.lines[n].text.chars());
        }
        let spans = sentences(&text);
        let first_end = spans.first().map_or(text.len(), |s| s.1);
        for (k, &n) in unit.lines.iter().enumerate() {
            let mentions = &mut per_line[n];
            if mentions.is_empty() {
                continue;
            }
            mentions.sort_by_key(|m| (m.start, m.skill));
            let chars: Vec<char> = doc.lines[n].text.chars().collect();
            for group in line_groups(&chars, mentions) {
                let at = offsets[k] + mentions[group[0]].start;
                let &(s0, s1) = spans
                    .iter()
                    .find(|(a, b)| (*a..*b).contains(&at))
                    .unwrap_or(&(0, text.len()));
                let sentence = &text[s0..s1];
                let (c0, c1) = clause(sentence, at - s0);
                let cues = SentenceCues::of(
                    &sentence.iter().collect::<String>(),
                    unit.bullet && s1 <= first_end,
                );
                let read = reading(
                    unit.section,
                    unit.bullet,
                    &cues,
                    &sentence[c0..c1].iter().collect::<String>(),
                    &sentence[c0..at - s0].iter().collect::<String>(),
                );
                let members: Vec<usize> = group.iter().map(|&m| mentions[m].skill).collect();
                let mut key = members.clone();
                key.sort_unstable();
                let pos = (n + 1, mentions[group[0]].start);
                match found.iter_mut().find(|(g, _, _)| {
                    let mut k = g.clone();
                    k.sort_unstable();
                    k == key
                }) {
                    Some(entry) if read < entry.1 => (entry.1, entry.2) = (read, pos),
                    Some(_) => {}
                    None => found.push((members, read, pos)),
                }
            }
        }
    }
    found.sort_by_key(|(_, _, at)| *at);
    let asks = found
        .iter()
        .any(|(_, r, _)| matches!(r, Reading::Required | Reading::Preferred));
    let mut posting = Posting {
        required: Vec::new(),
        preferred: Vec::new(),
        context: Vec::new(),
        not_required: Vec::new(),
    };
    let entry = |members: &[usize], line: usize| {
        let first = all[members[0]];
        Requirement {
            id: first.id.clone(),
            name: first.name.clone(),
            any_of: if members.len() > 1 {
                members.iter().map(|&m| all[m].id.clone()).collect()
            } else {
                Vec::new()
            },
            line,
        }
    };
    // Context and not-required skills are listed one by one, once, and only when no
    // requirement (or, for context, no not-required line) names them.
    let mut others: Vec<(usize, Reading, usize)> = Vec::new();
    for (members, read, (line, _)) in &found {
        let read = match read {
            Reading::Plain if asks => Reading::Context,
            Reading::Plain => Reading::Required,
            other => *other,
        };
        match read {
            Reading::Required => posting.required.push(entry(members, *line)),
            Reading::Preferred => posting.preferred.push(entry(members, *line)),
            _ => others.extend(members.iter().map(|&m| (m, read, *line))),
        }
    }
    let asked = posting.skill_ids();
    for want in [Reading::NotRequired, Reading::Context] {
        for &(m, read, line) in &others {
            let best = others
                .iter()
                .filter(|o| all[o.0].id == all[m].id)
                .map(|o| o.1)
                .min()
                .unwrap_or(read);
            let listed = posting
                .not_required
                .iter()
                .chain(&posting.context)
                .any(|r| r.id == all[m].id);
            if read == want && best == want && !asked.contains(&all[m].id) && !listed {
                let list = if want == Reading::Context {
                    &mut posting.context
                } else {
                    &mut posting.not_required
                };
                list.push(entry(&[m], line));
            }
        }
    }
    if posting.required.is_empty() && posting.preferred.is_empty() {
        return Err(PostingError::NothingAsked {
            context: posting.context.len(),
            not_required: posting.not_required.len(),
        });
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
                    missing[k].push(
                        SkillRef::plain(r.id.clone(), name(&r.id), r.any_of.clone())
                            .with_member_names(name),
                    );
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
        // REST APIs are a duty ("What you'll do"): context. PostgreSQL, named there too, is
        // required by the requirements list, and listed where it is asked.
        assert_eq!(
            ids(&posting.required),
            [
                "typescript|rust|java",
                "sql",
                "postgresql",
                "docker",
                "kubernetes"
            ]
        );
        assert_eq!(ids(&posting.context), ["rest-apis"]);
        assert!(posting.not_required.is_empty());
        assert_eq!(
            ids(&posting.preferred),
            ["kafka", "aws|gcp", "terraform", "redis", "caching"]
        );
        let group = &posting.required[0];
        assert_eq!(
            (group.id.as_str(), group.name.as_str(), group.line),
            ("typescript", "TypeScript", 11)
        );
        assert_eq!(posting.required[2].line, 12);
    }

    #[test]
    fn heading_table() {
        let r = Some(Heading::Section(Kind::Required));
        let p = Some(Heading::Section(Kind::Preferred));
        let c = Some(Heading::Section(Kind::Context));
        let n = Some(Heading::Section(Kind::NotRequired));
        let cases = [
            ("Requirements", r),
            ("## Requirements", r),
            ("What you\u{2019}ll need:", r),
            ("What you'll need", r),
            ("**Must have**", r),
            ("Minimum Qualifications", r),
            ("Basic qualifications:", r),
            ("You have", r),
            ("What you bring", r),
            ("## About you", r),
            ("Nice to have", p),
            ("### Nice-to-haves", p),
            ("Preferred Qualifications", p),
            ("Bonus points:", p),
            ("Pluses", p),
            ("Good to have", p),
            ("It's a plus if you have:", p),
            ("## Benefits", c),
            ("**About the team**", c),
            ("About the team", c),
            ("## Our stack", c),
            ("Tech stack", c),
            ("What you'll do", c),
            ("Responsibilities:", c),
            ("**Who we are**", c),
            ("## What you don't need", n),
            ("Not required:", n),
            // German, Spanish, French.
            ("## Dein Profil", r),
            ("Was du mitbringst", r),
            ("## Wünschenswert", p),
            ("Wunschenswert:", p),
            ("## Über uns", c),
            ("Deine Aufgaben", c),
            ("## Requisitos", r),
            ("## Se valorará", p),
            ("Sobre nosotros", c),
            ("## Profil recherché", r),
            ("## Un plus", p),
            ("## Qui sommes-nous ?", c),
            // Other Markdown or bold headings; prose.
            ("## Life at Acme", Some(Heading::Other)),
            ("**Hello**", Some(Heading::Other)),
            ("We have a great team and you have a desk", None),
            ("Visa sponsorship not required", None),
            ("Our stack is modern.", None),
        ];
        for (line, want) in cases {
            assert_eq!(heading(line), want, "line {line:?}");
        }
    }

    /// Requirements, context and not-required skills as id lists.
    fn lists(posting: &Posting) -> [Vec<String>; 4] {
        [
            ids(&posting.required),
            ids(&posting.preferred),
            ids(&posting.context),
            ids(&posting.not_required),
        ]
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
            lists(&posting),
            [
                vec!["postgresql", "kafka"],
                vec!["redis", "terraform", "python"],
                vec!["docker", "kubernetes"],
                vec![]
            ]
        );
    }

    /// Sections by kind: the company, its stack, the duties and the benefits are context;
    /// the requirements and nice-to-haves are asked; a sentence in a section of context that
    /// asks is a requirement.
    #[test]
    fn sections_by_kind() {
        let lib = library();
        let text = "# Backend Engineer\n\
                    ## About us\n\
                    Our customers include Shopify merchants.\n\
                    ## Our stack\n\
                    Python, PostgreSQL, Redis and Kubernetes on AWS.\n\
                    ## What you'll do\n\
                    - Design and ship REST APIs.\n\
                    - You will need to write Terraform modules.\n\
                    ## Requirements\n\
                    - 3+ years of Python.\n\
                    - Strong SQL and PostgreSQL.\n\
                    - We deploy with Docker.\n\
                    ## Nice to have\n\
                    - Kafka.\n\
                    ## Benefits\n\
                    - A Kubernetes certification budget.\n";
        let posting = read(&lib, text).unwrap();
        assert_eq!(
            lists(&posting),
            [
                vec!["terraform", "python", "sql", "postgresql"],
                vec!["kafka"],
                vec![
                    "shopify",
                    "redis",
                    "kubernetes",
                    "aws",
                    "rest-apis",
                    "docker"
                ],
                vec![]
            ]
        );
    }

    /// Prose is read sentence by sentence: a sentence that asks gives requirements, graded by
    /// its hedges; the others are context. Wrapped lines are joined into sentences.
    #[test]
    fn prose_sentence_by_sentence() {
        let lib = library();
        let text = "Acme builds billing software; the app runs on Vercel and we use Linear.\n\
                    You have several years of experience building services and you are fluent in\n\
                    TypeScript. You know React well. Ideally you have worked with Next.js, and\n\
                    experience with GraphQL is a plus. Familiarity with Terraform is helpful.\n\
                    Our founders previously built Kafka tooling at a bank.\n";
        let posting = read(&lib, text).unwrap();
        assert_eq!(
            lists(&posting),
            [
                vec!["typescript", "react"],
                vec!["nextjs", "graphql", "terraform"],
                vec!["vercel", "linear-app", "kafka"],
                vec![]
            ]
        );
    }

    /// "Ideally" and its kin grade only the skills after them.
    #[test]
    fn hedge_after_grades_what_follows() {
        let lib = library();
        let posting = read(
            &lib,
            "Requirements\n- Experience with SQL, ideally PostgreSQL or MySQL.\n",
        )
        .unwrap();
        assert_eq!(ids(&posting.required), ["sql"]);
        assert_eq!(ids(&posting.preferred), ["postgresql|mysql"]);
    }

    /// Sentences that say a skill is not needed give the not-required list; a clause break
    /// ("but") ends the negation.
    #[test]
    fn not_required_statements() {
        let lib = library();
        let text = "Requirements\n\
                    - Python and Linux.\n\
                    - No Kubernetes experience needed: we will teach you.\n\
                    - You don't need to know Terraform, but you must know Docker.\n\
                    - Rust is not required.\n\
                    - Kotlin or Swift experience is not strictly required.\n\
                    - Kenntnisse in Scala sind nicht erforderlich.\n";
        let posting = read(&lib, text).unwrap();
        assert_eq!(
            lists(&posting),
            [
                vec!["python", "linux", "docker"],
                vec![],
                vec![],
                vec![
                    "kubernetes",
                    "terraform",
                    "rust",
                    "kotlin",
                    "swift",
                    "scala"
                ]
            ]
        );
    }

    /// Outside any section, list items ask unless they are duties ("Design ...") or speak of
    /// the company; a label line takes the kind of its label.
    #[test]
    fn items_and_labels_outside_sections() {
        let lib = library();
        let text = "Site Reliability Engineer\n\
                    At Acme we run Go services on Kubernetes.\n\
                    - Design our Grafana dashboards\n\
                    - Strong Linux fundamentals\n\
                    - Proficiency in Python\n\
                    Tech stack: Prometheus, PostgreSQL\n\
                    Bonus: Terraform\n";
        let posting = read(&lib, text).unwrap();
        assert_eq!(
            lists(&posting),
            [
                vec!["linux", "python"],
                vec!["terraform"],
                vec!["go", "kubernetes", "grafana", "prometheus", "postgresql"],
                vec![]
            ]
        );
    }

    /// A posting that names skills but asks for none is an error; a bare list with no cue at
    /// all is read as required.
    #[test]
    fn nothing_asked_and_bare_lists() {
        let lib = library();
        let err = read(&lib, "## Our stack\nPython and Kubernetes.\n").unwrap_err();
        assert_eq!(
            err,
            PostingError::NothingAsked {
                context: 2,
                not_required: 0
            }
        );
        assert_eq!(
            err.to_string(),
            "the posting asks for none of the skills it names (2 named as context, 0 as not required)"
        );
        let posting = read(&lib, "Python, SQL and Docker").unwrap();
        assert_eq!(ids(&posting.required), ["python", "sql", "docker"]);
    }

    /// The data files are tidy: known kinds, lowercase phrases, no duplicates.
    #[test]
    fn data_files_are_tidy() {
        for (name, text) in [
            ("headings.tsv", include_str!("posting/headings.tsv")),
            ("cues.tsv", include_str!("posting/cues.tsv")),
        ] {
            let mut seen = BTreeSet::new();
            for (kind, phrase) in tsv(text) {
                assert_eq!(phrase, phrase.to_lowercase(), "{name}: {phrase:?}");
                assert_eq!(phrase, phrase.trim(), "{name}: {phrase:?}");
                assert!(
                    seen.insert((kind, phrase)),
                    "{name}: {kind} {phrase:?} twice"
                );
            }
        }
        // Every kind parses.
        assert!(!heading_phrases().is_empty());
        let c = cues();
        for list in [
            &c.ask,
            &c.hedge,
            &c.hedge_after,
            &c.not_required,
            &c.negator,
            &c.need,
            &c.company,
            &c.company_in,
            &c.story,
            &c.duty,
            &c.clause_break,
            &c.abbreviation,
        ] {
            assert!(!list.is_empty());
        }
    }

    #[test]
    fn multilingual_sections_and_cues() {
        let lib = library();
        let text = "## Über uns\n\
                    Wir arbeiten mit Kubernetes.\n\
                    ## Dein Profil\n\
                    - Erfahrung mit SQL, idealerweise Oracle oder PostgreSQL.\n\
                    - Sehr gute Kenntnisse in Java.\n\
                    ## Wünschenswert\n\
                    - Kafka\n\
                    ## Requisitos\n\
                    - Experiencia con Python.\n\
                    ## Un plus\n\
                    - Docker\n";
        let posting = read(&lib, text).unwrap();
        assert_eq!(
            lists(&posting),
            [
                vec!["sql", "java", "python"],
                vec!["oracle-database|postgresql", "kafka", "docker"],
                vec!["kubernetes"],
                vec![]
            ]
        );
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
                ("sql", Need::Required),
                ("postgresql", Need::Required),
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
        // (2 x 3 required met + 0 preferred) / (2 x 5 + 5) = 6 / 15: the REST APIs of the
        // duties, which the resume has, are context and do not count.
        assert_eq!(report.match_score, 0.4);
        let similar: Vec<(&str, f64)> = report
            .similar_roles
            .iter()
            .map(|r| (r.id.as_str(), r.similarity))
            .collect();
        // backend-engineer has 9 slots; posting skills meet 7 of them, and 4 posting skills
        // are in no slot: 7 / (9 + 4).
        assert_eq!(
            similar,
            [
                ("backend-engineer", 0.54),
                ("full-stack-engineer", 0.33),
                ("java-developer", 0.26)
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
