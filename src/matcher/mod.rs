//! Text -> skills. Finds every taxonomy form in a document through a word index (see
//! [`Matcher`]), keeps the matches whose boundaries are real token boundaries, asks ambiguous forms
//! for evidence, sets aside skills only being learned or mentioned without a claim, adds fuzzy
//! matches for typos of long names, and closes the result under `implies`.
//!
//! [`Matcher::extract`] is the pipeline; each rule lives in a file of its own, with its table
//! tests beside it:
//! - Boundaries (`candidates.rs`): a match may not touch a letter, digit or `_` on either side;
//!   it may not be the tail of a hyphenated or dotted word ("Objective-C", "USB-C", "foo.Go")
//!   nor be followed by `+`, `#`, `&x`, `.x` ("C" in "C++", "C#", "R&D"; "ASP" in
//!   "ASP.NET") or `-free` ("a jQuery-free frontend"). A version number may be attached ("HTML5", "C++17"; two digits at least after
//!   a one-letter form).
//! - Case (`candidates.rs`): forms match ASCII-case-insensitively, except plain-word forms of
//!   ambiguous skills ("Go", "React", "Excel"), plain-word forms that are English words
//!   ("Python", "REST", "Swagger") and two-letter acronyms in capitals ("ML": "500 ml" is not
//!   machine learning). Those match in the case written in the taxonomy (a lowercase form
//!   also capitalised as a sentence's first word: "Debugged customer issues"), or in a line
//!   written all in capitals, or in any case in a skills line. An English-word form of a skill that is
//!   not ambiguous ("python") also counts in another case when it has evidence, as below.
//! - Hyphens (`candidates.rs`): a hyphen and a space between two words stand for each other
//!   ("object-detection models" holds "object detection").
//! - Lowercase words in skills lines (`candidates.rs`): a form that is a lowercase dictionary
//!   word of English, German, Spanish or French (`cues/word_forms.txt`, generated) written in
//!   lowercase counts there only as a list item or with evidence of its own ("I go the extra
//!   mile" gives nothing; "go, rust" gives both).
//! - Line wraps (`wraps.rs`): a multi-word form broken across two lines ("machine" /
//!   "learning") is found when the second line goes on with the sentence (it starts in
//!   lowercase and the first does not end with sentence punctuation), or when the wrap left a
//!   slash or hyphen at the first line's end ("GitHub /" / "Actions"); the evidence is on the
//!   first line.
//! - Reject phrases of a skill ("Franz Kafka", "go live") veto its matches inside them
//!   (`evidence.rs`).
//! - Proper nouns (`proper.rs`): a capitalised form inside a name claims nothing: before a
//!   place, venue, organisation, event or prize noun ("Perl Street", "the Cassandra
//!   Foundation"), after a naming word ("a dog named Python", "an der Scala"), after a
//!   capitalised article inside a sentence ("at La Scala") or before a title ("Kafka's The
//!   Trial"). The context words are data in `cues/proper_noun_*.txt`.
//! - A vendor left out of a list of its products still names them: "Google Docs and Slides"
//!   (`ellipsis.rs`, vendor words in `cues/vendor_prefixes.txt`).
//! - URLs and e-mail addresses are masked: "github.com/x" claims nothing (`links.rs`).
//! - An employer or customer claims nothing: "Joined Salesforce as a recruiter", "Engineer at
//!   Oracle", "Docker, Inc." (`proper.rs`, cue words in `cues/employer_*.txt`).
//! - The person's name heading a resume claims nothing: "Maya Okafor-Reyes, RN" gives no
//!   Autodesk Maya (`name_line.rs`).
//! - Ambiguous forms (`evidence.rs`; the name of an ambiguous skill, and its plain-word aliases
//!   that are English words or one or two letters long) need evidence: a Skills section or
//!   skills label line ("Languages: ..."), an attached version ("Go 1.22"), a cue phrase from
//!   the taxonomy or a generic cue word ("written in Go", "using React", "React components";
//!   "-based", "on top of", "sobre", "auf", "embedded"; the word lists are data in `cues/`),
//!   a short line of the Education or Certifications section (a course title), or an
//!   accepted skill as list neighbour ("Java 21 and Maven"), or, for a name written
//!   capitalised inside a sentence, two tools or languages the line names besides ("Consul and
//!   Vault beside Ansible and Docker"; not before another capitalised word or in a
//!   title-case line). A following year ("Spring 2022")
//!   or a preceding "at" (an employer: "at Shell") vetoes them.
//! - Claims, not mentions (`learning.rs`): a cue governs the skills of its clause. Learning,
//!   plan and interest cues ("currently learning Rust", "planning to take a course on AWS",
//!   "curious about Elixir") make them learning; negation cues ("no experience with", "never
//!   used", "keine Erfahrung mit", "X is not something I have used") make them not claimed.
//!   A clause ends at a break: `;`, `.`, `!`, `?`, `|` or `•` before a space or the line end,
//!   or a contrastive word ("but", "only", "however", "although", "whereas", "while", "aber",
//!   "pero", "mais", ...); a comma is none. Most cues reach forward to the clause end, openers
//!   ("No R.", "Learning Rust") only when they open their clause, after-cues back to its
//!   start; the nearer cue wins. The lists, breaks included, are data in `cues/`. Neither
//!   kind closes a gap, and each mention's evidence names its cue. A cue also counts as
//!   evidence for an ambiguous form. A cue still open at a line's end governs the next
//!   line's first clause when the sentence goes on there (no sentence mark or closing
//!   parenthesis ends the line; no bullet, number or label opens the next): "I plan to
//!   deploy my first model behind" / "FastAPI this winter."
//!   In a table row (cells between `|`), a first cell that is a cue alone governs the cells
//!   after it ("Never used | Rust, Kafka"), and a later cell that opens with a cue and names
//!   no skill governs the cells before it ("| SPSS | Nenhum - quem o usa é o estatístico |",
//!   "| Kafka | Learning |"); an ambiguous name that fills a cell is a list item ("| Go |
//!   Expert |").
//! - Fuzzy (`fuzzy.rs`): a word of 7+ letters that no form matched and that is no dictionary
//!   word near a form (`cues/fuzzy_skip.txt`, generated by `scripts/gen-word-guards.py`), at
//!   Damerau-Levenshtein (OSA) distance 1 (2 for 11+ letters) from exactly one skill's long
//!   plain form with the same first letter.
//! - Results (`found.rs`): evidence per skill in document order; learning and not-claimed
//!   skills apart (a claim anywhere wins, then learning), and the skills implied by those
//!   found.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

mod candidates;
mod cues;
mod ellipsis;
mod evidence;
mod expansion;
mod found;
mod fuzzy;
mod index;
mod inflection;
mod learning;
mod links;
mod name_line;
mod prepared;
mod proper;
#[cfg(test)]
mod testkit;
mod wraps;

use crate::extract::Document;
use crate::sections;
// The resume section a piece of evidence sits in (`Evidence::section`).
pub use crate::sections::Section;
use crate::taxonomy::{Category, Taxonomy};
use found::{Hit, make_evidence};
use index::{Index, Pattern};
use learning::{LineCues, Stance};

pub(crate) use links::warm_up;

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
    /// The cue that made this mention learning or not claimed ("never used", "interested
    /// in"), as written on the line; absent for a claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
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
    /// For a claimed skill also mentioned under a learning or negation cue elsewhere: those
    /// mentions, each with its `cue`, in document order (the claim wins).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unclaimed_evidence: Vec<Evidence>,
    /// The source records of an imported skill (`skillgap_data::Provenance`); empty for a
    /// skill only curated by hand.
    pub provenance: Vec<skillgap_data::Provenance>,
}

/// The skills of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// Claimed skills: found in text in document order, then implied skills sorted by id.
    pub skills: Vec<FoundSkill>,
    /// Skills mentioned only as being learned, planned or of interest; they close no gap.
    pub learning: Vec<FoundSkill>,
    /// Skills mentioned only under a negation ("no experience with Docker"); they close no
    /// gap. In document order, like `learning`.
    pub not_claimed: Vec<FoundSkill>,
}

impl Extraction {
    /// True when `id` is claimed (found or implied).
    pub fn has(&self, id: &str) -> bool {
        self.skills.iter().any(|s| s.id == id)
    }
}

/// Most evidence entries kept per skill (the first ones in document order): a skill named a
/// million times in a hostile file must not cost a million snippets of memory.
pub const MAX_EVIDENCE: usize = 100;

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
    phrases: Vec<OnceLock<evidence::Phrases>>,
}

/// A byte range `start..end` of a line: a skill name, a link, a learning cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct ByteRange {
    start: usize,
    end: usize,
}

impl ByteRange {
    const fn new(start: usize, end: usize) -> ByteRange {
        ByteRange { start, end }
    }
}

/// True when `start..end` overlaps one of `spans` (sorted by start, not overlapping).
fn overlaps(spans: &[ByteRange], start: usize, end: usize) -> bool {
    let k = spans.partition_point(|s| s.end <= start);
    spans.get(k).is_some_and(|s| s.start < end)
}

/// A character of a word: a match may not touch one on either side. CJK characters are not
/// (see [`index::first_run`]): "Jenkins로" and "PythonとDjango" hold whole names.
fn is_word(c: char) -> bool {
    (c.is_alphanumeric() && !index::is_cjk(c)) || c == '_'
}

/// One line (or two lines joined at a wrap) as the rules see it.
struct LineCtx<'a> {
    text: &'a str,
    /// Byte ranges of URLs and e-mail addresses: nothing inside them is a skill claim.
    masked: Vec<ByteRange>,
    /// `text` in ASCII lowercase, as forms and cues are searched.
    lower: String,
    section: Option<Section>,
    skills_line: bool,
    /// A short line in Education or Certifications: a course or degree title
    /// ("CS2011 - Java Introduction").
    course_line: bool,
    all_caps: bool,
}

impl<'t> Matcher<'t> {
    /// Indexes the taxonomy's forms (for the embedded taxonomy, takes the index prepared at
    /// build time by the `skillgap-embedded` crate).
    pub fn new(taxonomy: &'t Taxonomy) -> Matcher<'t> {
        Matcher {
            taxonomy,
            index: prepared::index_of(taxonomy),
            phrases: (0..taxonomy.len()).map(|_| OnceLock::new()).collect(),
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

    /// Finds the skills of a document. Per line, the rules run in turn: its matches
    /// (`candidates.rs`) less the words carried over from a form broken on the line before,
    /// the forms broken by the wrap to the next line (`wraps.rs`), the learning and negation
    /// cues and their clauses (`learning.rs`), the evidence for each match (`evidence.rs`) and the fuzzy matches
    /// (`fuzzy.rs`); then the results are assembled (`found.rs`).
    pub fn extract(&self, doc: &Document) -> Extraction {
        let sections =
            sections::label_lines(doc.lines.iter().map(|l| (l.text.as_str(), l.section_hint)));
        // skill index -> (claimed evidence, learning evidence, best match kind)
        let mut found: BTreeMap<usize, Hit> = BTreeMap::new();
        let mut list_continues = false;
        // Byte ranges at the start of this line that belong to a form begun on the previous
        // line ("machine" / "learning"): no match of their own, no learning cue, no word for
        // fuzzy matching.
        let mut carried: Vec<ByteRange> = Vec::new();
        let mut name_line = true;
        // A cue left open at the end of the line before, with its stance and text.
        let mut open_cue: Option<(Stance, String)> = None;
        // A heading that is a cue ("## Learning", "Not used in production:") and governs the
        // lines under it up to the next heading or section.
        let mut heading_cue: Option<(Stance, String)> = None;
        for (n, line) in doc.lines.iter().enumerate() {
            let section = sections[n];
            let mut masked = links::links(&line.text);
            if name_line && line.text.chars().any(char::is_alphabetic) {
                name_line = false;
                masked.extend(name_line::name_span(&line.text));
            }
            let ctx = LineCtx {
                text: &line.text,
                masked,
                lower: skillgap_data::form::fold_case(&line.text),
                section,
                skills_line: section == Some(Section::Skills)
                    || sections::has_skill_label(&line.text),
                course_line: matches!(section, Some(Section::Education | Section::Certifications))
                    && line.text.split_whitespace().count() <= 8,
                all_caps: !line.text.chars().any(char::is_lowercase),
            };
            let mut matches = self.line_matches(&ctx);
            matches.retain(|m| !overlaps(&carried, m.start, m.end));
            let mut spans: Vec<ByteRange> = matches
                .iter()
                .map(|m| ByteRange::new(m.start, m.end))
                .collect();
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
                spans.retain(|s| s.end <= first);
                spans.push(ByteRange::new(first, ctx.text.len()));
            }
            let learning = LineCues::of_line(ctx.text, &ctx.lower, &spans);
            let new_section = n > 0 && sections[n] != sections[n - 1];
            if new_section || ctx.text.trim_start().starts_with('#') {
                heading_cue = None;
            }
            if matches.is_empty() && is_cue_heading(ctx.text) {
                heading_cue = learning
                    .at(ctx.text.len())
                    .map(|c| (c.stance, ctx.text[c.range.start..c.range.end].to_owned()));
            }
            // The cue that governs a byte of this line: one of its own, or, before its first
            // clause break, the cue left open at the end of the line before when the sentence
            // goes on here ("I plan to deploy my first model behind" / "FastAPI this winter.").
            // A cue cell of a table row governs the row's other cells ("Nooit mee gewerkt |
            // React, Vue", "| Python | Never used |").
            let row_cue = row_cue(&ctx, &matches);
            let first_break = learning.first_break();
            let governing = |at: usize| -> Option<(Stance, &str)> {
                match learning.at(at) {
                    Some(c) => Some((c.stance, &ctx.text[c.range.start..c.range.end])),
                    None if at < first_break && open_cue.is_some() => {
                        open_cue.as_ref().map(|(s, t)| (*s, t.as_str()))
                    }
                    None => match &row_cue {
                        Some(r) if r.governs.contains(&at) => Some((r.stance, r.text)),
                        _ => heading_cue.as_ref().map(|(s, t)| (*s, t.as_str())),
                    },
                }
            };
            let accepted = self.accept_line(
                &ctx,
                &matches,
                &learning,
                list_continues,
                row_cue.as_ref().map(|r| r.governs.clone()),
            );
            // A list wrapped onto the next line ("Photoshop and" / "Illustrator, ...") lets the
            // next line's first skill take this line's last skill as its neighbour.
            list_continues = matches
                .iter()
                .zip(&accepted)
                .rev()
                .find(|(_, a)| **a)
                .is_some_and(|(m, _)| evidence::only_separators(&ctx.text[m.end..]));
            for (k, m) in matches.iter().enumerate() {
                if !accepted[k] {
                    continue;
                }
                let pattern = self.pattern(m.pattern);
                let cue = governing(m.start);
                found.entry(pattern.skill as usize).or_default().add(
                    found::match_kind(pattern),
                    cue.map(|c| c.0),
                    || make_evidence(&ctx, n, line.page, (m.start, m.end), cue.map(|c| c.1)),
                );
            }
            for (k, m) in matches.iter().enumerate() {
                if !accepted[k] {
                    continue;
                }
                for e in self.elided_after(&ctx, (m.start, m.end), &spans) {
                    let cue = governing(e.start);
                    found.entry(e.skill).or_default().add(
                        MatchKind::Alias,
                        cue.map(|c| c.0),
                        || make_evidence(&ctx, n, line.page, (e.start, e.end), cue.map(|c| c.1)),
                    );
                }
            }
            let mut near = self.fuzzy_matches(&ctx, &spans);
            near.extend(self.inflected_matches(&ctx, &spans));
            for f in near {
                let cue = governing(f.start);
                found
                    .entry(f.skill)
                    .or_default()
                    .add(MatchKind::Fuzzy, cue.map(|c| c.0), || {
                        make_evidence(&ctx, n, line.page, (f.start, f.end), cue.map(|c| c.1))
                    });
            }
            // A cue still open at the line's end governs the next line's first clause when the
            // sentence goes on there: no sentence mark ends this line, no bullet or number
            // opens the next.
            // Nor does a label open it ("Tools: ..."), and the cue is not shut in parentheses.
            let next_goes_on = doc.lines.get(n + 1).is_some_and(|next| {
                let next = next.text.trim_start();
                let labelled = next.split_whitespace().take(4).any(|w| w.ends_with(':'));
                next.starts_with(char::is_alphanumeric)
                    && !next.starts_with(|c: char| c.is_ascii_digit())
                    && !labelled
            });
            let ends_sentence = ctx
                .text
                .trim_end()
                .ends_with(['.', '!', '?', ';', ':', ')']);
            open_cue = match governing(ctx.text.len()) {
                Some((stance, cue)) if next_goes_on && !ends_sentence => {
                    Some((stance, cue.to_owned()))
                }
                _ => None,
            };
            for w in wrapped {
                carried.push(ByteRange::new(0, w.end_on_next));
                found
                    .entry(w.skill)
                    .or_default()
                    .add(w.how, w.stance, || w.evidence);
            }
        }
        self.assemble(found)
    }
}

/// A cue cell of a table row and the bytes of the row it governs.
struct RowCue<'t> {
    /// The bytes of the line whose skills the cue governs (the other cells).
    governs: std::ops::Range<usize>,
    stance: Stance,
    /// The cue as written.
    text: &'t str,
}

/// The cue cell of a table row (cells split at `|`), if any: a first cell that is a cue and
/// nothing else governs the cells after it ("Nooit mee gewerkt | React, Vue", "Not my field |
/// SQL"); otherwise the first later cell that opens with a cue and names no skill, after a
/// cell that names one, governs the cells before it ("| Python | Never used |", "| SPSS |
/// Nenhum - quem o usa é o estatístico |").
fn row_cue<'t>(ctx: &LineCtx<'t>, matches: &[candidates::LineMatch]) -> Option<RowCue<'t>> {
    let text = ctx.text;
    let first = text.find('|')?;
    if is_cue_heading(&text[..first]) && matches.iter().all(|m| m.start > first) {
        let cell = LineCues::of_line(&text[..first], &ctx.lower[..first], &[]);
        if let Some(c) = cell.at(first) {
            return Some(RowCue {
                governs: first + 1..text.len(),
                stance: c.stance,
                text: &text[c.range.start..c.range.end],
            });
        }
    }
    for (bar, _) in text.match_indices('|') {
        if !matches.iter().any(|m| m.end <= bar) {
            continue;
        }
        let from = bar + 1;
        let to = text[from..].find('|').map_or(text.len(), |j| from + j);
        if matches.iter().any(|m| m.start >= from && m.start < to) {
            continue;
        }
        if let Some((stance, r)) = learning::cell_cue(&text[from..to]) {
            return Some(RowCue {
                governs: 0..bar,
                stance,
                text: &text[from + r.start..from + r.end],
            });
        }
    }
    None
}

/// Most words of a heading that is a cue ("Currently learning", "Not used in production").
const CUE_HEADING_WORDS: usize = 6;

/// True when `line` is written as a heading: [`CUE_HEADING_WORDS`] words at most once
/// Markdown marks, bullets and a closing colon are set aside, with no sentence mark at its end
/// and no list separator.
fn is_cue_heading(line: &str) -> bool {
    let core = line
        .trim()
        .trim_start_matches(['#', '*', '_', '-', '\u{2022}', ' '])
        .trim_end_matches(['*', '_', ':', ' ']);
    !core.is_empty()
        && core.split_whitespace().count() <= CUE_HEADING_WORDS
        && !core.ends_with(['.', '!', '?', ';', ','])
        && !core.contains([',', ';', '|'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_headings_govern_the_lines_under_them() {
        let t = testkit::tax();
        let m = Matcher::new(&t);
        let doc = Document::from_text(
            "## Skills\nPython, Docker\n## Currently learning\n- Rust\n- Kafka\n\
             ## Not used in production:\nKubernetes\n## Experience\nBuilt Java services",
        );
        let got = m.extract(&doc);
        let ids = |l: &[FoundSkill]| l.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&got.skills), ["python", "docker", "java"]);
        assert_eq!(ids(&got.learning), ["rust", "kafka"]);
        assert_eq!(ids(&got.not_claimed), ["kubernetes"]);
        assert!(is_cue_heading("**Learning:**"));
        // The first cell of a table row, when it is a cue alone, governs the row.
        let doc = Document::from_text(
            "Daily | Python, Docker\nNever used | Rust, Kafka\nCurrently learning | Java",
        );
        let got = m.extract(&doc);
        assert_eq!(ids(&got.skills), ["python", "docker"]);
        assert_eq!(ids(&got.learning), ["java"]);
        assert_eq!(ids(&got.not_claimed), ["rust", "kafka"]);
        assert!(!is_cue_heading("Learning Rust, Go and Kafka on weekends."));
        // A later cell that opens with a cue and names no skill governs the cells before it;
        // a whole cell holding an ambiguous name lists it ("| Go | Expert |").
        let doc = Document::from_text(
            "| Python | Never used |\n| Stats | Java | None - the analysts use it |\n\
             | Kafka | Learning |\n| Docker | 3 years |\n| Go | Expert |\n| R | No |\n\
             | Rust | Spring 2022 |",
        );
        let got = m.extract(&doc);
        assert_eq!(ids(&got.skills), ["docker", "go", "rust"]);
        assert_eq!(ids(&got.learning), ["kafka"]);
        assert_eq!(ids(&got.not_claimed), ["python", "java", "r"]);
    }

    #[test]
    fn cell_cues_table() {
        let rows: &[(&str, Option<(Stance, &str)>)] = &[
            ("Never used", Some((Stance::NotClaimed, "Never used"))),
            (" none ", Some((Stance::NotClaimed, "none"))),
            ("No", Some((Stance::NotClaimed, "No"))),
            ("Nenhum - quem o usa", Some((Stance::NotClaimed, "Nenhum"))),
            ("Learning", Some((Stance::Learning, "Learning"))),
            ("course in 2025", Some((Stance::Learning, "course"))),
            ("Expert", None),
            ("3 years", None),
            ("Not bad at all", None),
        ];
        for &(cell, want) in rows {
            let got = learning::cell_cue(cell).map(|(s, r)| (s, &cell[r.start..r.end]));
            assert_eq!(got, want, "{cell:?}");
        }
    }

    #[test]
    fn overlaps_table() {
        let spans = [ByteRange::new(2, 5), ByteRange::new(8, 10)];
        let rows: &[(usize, usize, bool)] = &[
            (0, 2, false),
            (0, 3, true),
            (4, 6, true),
            (5, 8, false),
            (6, 7, false),
            (9, 20, true),
            (10, 12, false),
            (0, 20, true),
        ];
        for &(start, end, want) in rows {
            assert_eq!(overlaps(&spans, start, end), want, "{start}..{end}");
        }
        assert!(!overlaps(&[], 0, 10));
    }
}
