//! Rule: claims, not mentions. A skill governed by a cue is mentioned but not claimed:
//! learning cues ("currently learning Rust"), plans and wishes ("planning to take a course on
//! AWS", "enrolled in a Snowflake course") and interest ("curious about Elixir") make it
//! *learning*; negation cues ("no experience with", "never used", "keine Erfahrung mit") make
//! it *not claimed*. Either way it closes no gap, and its evidence carries the cue.
//!
//! A cue governs its clause, not its line:
//! - A clause ends at a break (`cues/clause_breaks.txt`): a punctuation mark that is followed
//!   by a space or ends the line (`;`, `.`, `!`, `?`, `|`, `•`) or a contrastive word at word
//!   boundaries ("but", "only", "however", "although", "whereas", "while", "aber", "pero",
//!   "mais", ...). A comma is no break: a negated list ("Never used Docker, Podman or Helm")
//!   stays negated. So "Built dashboards in Tableau; no Power BI experience." claims Tableau,
//!   and "Never used AWS, only GCP" claims GCP.
//! - Most cues govern the rest of their clause after them (`cues/learning_cues.txt`,
//!   `plan_cues.txt`, `interest_cues.txt`, `negation_cues.txt`, and `others_cues.txt` for
//!   customers' and partners' platforms: "clients included Shopify merchants").
//! - Openers govern the rest of their clause only when they open it, after any bullet
//!   marks (`learning_openers.txt`, `negation_openers.txt`: "No R.", "Learning Rust", while
//!   "shipped with no downtime on Kubernetes" claims Kubernetes).
//! - After-cues govern their clause before them (`negation_after.txt`: "MongoDB is not
//!   something I have used"; `learning_after.txt`: "Vyper is next on my list").
//! - When cues of both directions govern one skill, the nearer one wins.
//!
//! Cues and breaks are searched at word starts of the ASCII-lowercased line, never inside a
//! skill name ("machine learning" is no learning cue); a `'` in a cue also matches a
//! typographic apostrophe. [`LineCues`] finds them once per line, so asking for each of a
//! line's matches costs a binary search.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::cues::{
    CLAUSE_BREAKS, COMPANY_VERBS, CONCESSIVES, INTEREST_CUES, LEARNING_AFTER, LEARNING_ANNOTATIONS,
    LEARNING_CUES, LEARNING_ITEM_AFTER, LEARNING_OPENERS, NEGATION_AFTER, NEGATION_ANNOTATIONS,
    NEGATION_BEFORE, NEGATION_CANCELS, NEGATION_CUES, NEGATION_ITEM_AFTER, NEGATION_OPENERS,
    OTHERS_AFTER, OTHERS_BEFORE, OTHERS_CUES, OTHERS_GROUP_DETERMINERS, OTHERS_GROUPS,
    OTHERS_OPENERS, OTHERS_REPORTS, PLAN_CUES, PRONOUN_PLANS, SKILL_MODIFIERS, WordList,
};
use super::index::is_cjk;
use super::{ByteRange, is_word, overlaps};

/// What a cue makes of the skills it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stance {
    /// Learned, planned, wished for or of interest: reported as learning.
    Learning,
    /// Negated or disclaimed: reported as not claimed.
    NotClaimed,
}

/// The part of its clause a cue governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// The rest of the clause after it.
    Forward,
    /// The rest of the clause after it, when it opens the clause.
    Opener,
    /// The clause before it.
    Backward,
    /// The clause before it, at most [`NEAR_WORDS`] words back ("Oracle InForm, looked after
    /// by its in-house team"; not "SQL for pulling cohorts ... (the warehouse is run by the IT
    /// department)").
    BackwardNear,
    /// The skill written right after it (modifier words between allowed) and the skills
    /// coordinated with that one, and nothing else.
    Adjacent,
}

/// What a phrase of the lists is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Cue(Stance, Reach),
    /// A clause break of words ("but", "alors que").
    Break,
    /// A phrase that cancels a negation cue after it in its clause ("not that I haven't
    /// used").
    Cancel,
    /// A concessive conjunction: a clause break whose clause also ends at the next comma.
    Concessive,
}

/// Every phrase of the lists, keyed by its first word (its first run of word characters),
/// and the punctuation marks that break clauses.
struct Phrases {
    by_first_word: HashMap<&'static str, Vec<(&'static str, Role)>>,
    marks: Vec<char>,
}

/// The lists of `cues/` and what their phrases are.
const LISTS: [(&WordList, Role); 16] = [
    (&LEARNING_CUES, Role::Cue(Stance::Learning, Reach::Forward)),
    (&PLAN_CUES, Role::Cue(Stance::Learning, Reach::Forward)),
    (&INTEREST_CUES, Role::Cue(Stance::Learning, Reach::Forward)),
    (
        &LEARNING_OPENERS,
        Role::Cue(Stance::Learning, Reach::Opener),
    ),
    (
        &LEARNING_AFTER,
        Role::Cue(Stance::Learning, Reach::Backward),
    ),
    (
        &NEGATION_CUES,
        Role::Cue(Stance::NotClaimed, Reach::Forward),
    ),
    (&OTHERS_CUES, Role::Cue(Stance::NotClaimed, Reach::Forward)),
    (
        &OTHERS_OPENERS,
        Role::Cue(Stance::NotClaimed, Reach::Opener),
    ),
    (
        &OTHERS_AFTER,
        Role::Cue(Stance::NotClaimed, Reach::BackwardNear),
    ),
    (
        &NEGATION_OPENERS,
        Role::Cue(Stance::NotClaimed, Reach::Opener),
    ),
    (
        &NEGATION_AFTER,
        Role::Cue(Stance::NotClaimed, Reach::Backward),
    ),
    (
        &NEGATION_BEFORE,
        Role::Cue(Stance::NotClaimed, Reach::Adjacent),
    ),
    (
        &OTHERS_BEFORE,
        Role::Cue(Stance::NotClaimed, Reach::Adjacent),
    ),
    (&NEGATION_CANCELS, Role::Cancel),
    (&CONCESSIVES, Role::Concessive),
    (&CLAUSE_BREAKS, Role::Break),
];

/// Most words from a skill's start to an after-cue of others' skills that governs it.
const NEAR_WORDS: usize = 10;

/// The byte of `lower` where the [`NEAR_WORDS`]th word before byte `at` starts (0 when there
/// are fewer).
fn near_start(lower: &str, at: usize) -> usize {
    let mut starts = lower[..at]
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || lower[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect::<Vec<_>>();
    starts.reverse();
    starts.get(NEAR_WORDS - 1).copied().unwrap_or(0)
}

/// The first run of word characters of `s` (empty when `s` starts with another character).
fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !is_word(c)).unwrap_or(s.len());
    &s[..end]
}

/// What a phrase is looked up by: its first word, or its first character when that is a CJK
/// one (Chinese and Japanese put no spaces between words: "正在学习", "経験はありません").
/// Empty for a punctuation mark.
fn cue_key(s: &str) -> &str {
    match s.chars().next() {
        Some(c) if is_cjk(c) => &s[..c.len_utf8()],
        _ => first_word(s),
    }
}

/// Where an after-cue written in CJK script at byte `cue` reaches back to: the start of the
/// run of skills written right before it, with at most [`CJK_PARTICLE_CHARS`] CJK characters
/// (a particle: "Argo CD를 배우고 있습니다", "Rustを勉強中", "R은 사용해 본 적이 없습니다")
/// between, and the skills coordinated with that one ("Go、Rust", "Python과 Java"). Korean and
/// Japanese put such cues after the object and chain clauses with no break a comma would
/// mark, so the cue governs that run and nothing before it; `cue` when no skill is there.
fn cjk_run_before(lower: &str, spans: &[ByteRange], cue: usize) -> usize {
    let joined = |between: &str| {
        let rest = between.trim();
        rest.chars().count() <= CJK_PARTICLE_CHARS && rest.chars().all(is_cjk)
    };
    let k = spans.partition_point(|s| s.end <= cue);
    let Some(last) = k.checked_sub(1) else {
        return cue;
    };
    if !joined(&lower[spans[last].end..cue]) {
        return cue;
    }
    let mut from = spans[last].start;
    for prev in spans[..last].iter().rev() {
        let between = lower[prev.end..from].trim();
        let coordinated = between
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '&' | '、' | '，'))
            .all(|w| {
                matches!(
                    w,
                    "" | "and" | "or" | "和" | "与" | "及" | "と" | "や" | "및" | "와" | "과"
                )
            });
        if !coordinated {
            break;
        }
        from = prev.start;
    }
    from
}

/// The parenthesis around byte range `r` of `lower`: the bytes of its "(" and of its ")" (the
/// line's end when it is not closed on the line), when `r` lies inside one.
fn parenthesis_around(lower: &str, r: ByteRange) -> Option<(usize, usize)> {
    let open = lower[..r.start].rfind('(')?;
    if lower[open..r.start].contains(')') {
        return None;
    }
    let close = lower[r.end..].find(')').map_or(lower.len(), |i| r.end + i);
    Some((open, close))
}

/// The skill that a parenthesis opening at byte `open` annotates: the skill name written right
/// before it, with only spaces and a rating between ("Rust (learning)", "Ansible 0/5 (next)",
/// "Rust ●○○○○ (learning)").
fn annotated(lower: &str, spans: &[ByteRange], open: usize) -> Option<ByteRange> {
    let k = spans.partition_point(|s| s.end <= open);
    let s = *spans.get(k.checked_sub(1)?)?;
    lower[s.end..open]
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "/.%-+●○◉◯★☆▪▫■□".contains(c))
        .then_some(s)
}

/// Where the list item that ends at byte `end` starts: after the last item separator
/// (",", ";", "·", "|", "•", a closing parenthesis, or a ".", ":" or "!" before a space)
/// before it, or at the line's start ("Python for data analysis (online course, halfway
/// through)" is one item).
fn item_start(lower: &str, end: usize) -> usize {
    let before = &lower[..end];
    let list = before.rfind([',', ';', '·', '|', '•', ')']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let sentence = [". ", ": ", "! ", "? "]
        .iter()
        .filter_map(|m| before.rfind(m).map(|i| i + m.len()))
        .max()
        .unwrap_or(0);
    list.max(sentence)
}

/// The start of the list item that a parenthesis opening at byte `open` closes, when that item
/// holds a skill name ("STAT 4043 Introduction to Data Mining - Weka labs (in progress)").
fn item_with_skill(lower: &str, spans: &[ByteRange], open: usize) -> Option<usize> {
    let from = item_start(lower, open);
    let k = spans.partition_point(|s| s.end <= open);
    k.checked_sub(1)
        .is_some_and(|j| spans[j].start >= from)
        .then_some(from)
}

/// The longest annotation of `cues/learning_annotations.txt` or
/// `cues/negation_annotations.txt` written at byte `at` of `lower` that is all its item says up
/// to byte `end`: only spaces, or a list or sentence mark, follow it ("not yet", "in progress,
/// 2027"; not "next: Kubernetes"). Returns where it ends and its stance.
fn annotation_at(lower: &str, at: usize, end: usize) -> Option<(usize, Stance)> {
    let lists = [
        (&LEARNING_ANNOTATIONS, Stance::Learning),
        (&NEGATION_ANNOTATIONS, Stance::NotClaimed),
    ];
    item_ending_at(&lists, lower, at, end)
}

/// The longest entry of `lists` written at byte `at` of `lower` that ends its item: only
/// spaces, or a list or sentence mark, follow it up to byte `end`. Returns where it ends and
/// the stance of its list.
fn item_ending_at(
    lists: &[(&WordList, Stance)],
    lower: &str,
    at: usize,
    end: usize,
) -> Option<(usize, Stance)> {
    let ends_item = |to: usize| {
        let rest = lower[to..end].trim_start();
        rest.is_empty() || rest.starts_with([',', ';', '.', '!', '|'])
    };
    lists
        .iter()
        .flat_map(|(list, stance)| list.entries().iter().map(move |e| (*e, *stance)))
        .filter_map(|(e, stance)| phrase_at(lower, at, e).map(|to| (to, stance)))
        .filter(|&(to, _)| to <= end && ends_item(to))
        .max_by_key(|&(to, _)| to)
}

/// The annotations that open a parenthesis closing a list item with a skill, and are all it
/// says or its first part: cues that govern that item only ("Rust (learning)", "Kubernetes
/// (not yet)", "Data Mining - Weka labs (in progress)").
fn annotations(lower: &str, spans: &[ByteRange]) -> Vec<(ByteRange, Stance, Reach)> {
    let mut out = Vec::new();
    for (open, _) in lower.match_indices('(') {
        if item_with_skill(lower, spans, open).is_none() {
            continue;
        }
        let close = lower[open..].find(')').map_or(lower.len(), |i| open + i);
        let inner = &lower[open + 1..close];
        let at = open + 1 + (inner.len() - inner.trim_start().len());
        if let Some((end, stance)) = annotation_at(lower, at, close)
            && !overlaps(spans, at, end)
        {
            out.push((ByteRange::new(at, end), stance, Reach::Backward));
        }
    }
    out
}

/// The annotations written after a skill and a colon or a dash, that end its item: cues that
/// govern that item only ("Kubernetes: not yet.", "Docker daily, Kubernetes - none", "Rust –
/// learning"); and the words of `cues/negation_item_after.txt` and
/// `cues/learning_item_after.txt` written right after a skill, that end its item ("Go weekly,
/// Rust never.", "GitHub Actions next"). Each with the byte where the item starts.
fn separated_annotations(lower: &str, spans: &[ByteRange]) -> Vec<(ByteRange, Stance, usize)> {
    let mut out = Vec::new();
    for s in spans {
        let rest = &lower[s.end..];
        let gap = rest.len() - rest.trim_start().len();
        let Some(mark) = rest[gap..].chars().next() else {
            continue;
        };
        let found = if mark == ':' || ("-\u{2013}\u{2014}".contains(mark) && gap > 0) {
            // A dash needs a space before it ("CI-none" is a word); a colon does not.
            let after = &rest[gap + mark.len_utf8()..];
            let space = after.len() - after.trim_start().len();
            let at = s.end + gap + mark.len_utf8() + space;
            (space > 0)
                .then(|| annotation_at(lower, at, lower.len()).map(|(end, st)| (at, end, st)))
                .flatten()
        } else if gap > 0 {
            let at = s.end + gap;
            let lists = [
                (&LEARNING_ITEM_AFTER, Stance::Learning),
                (&NEGATION_ITEM_AFTER, Stance::NotClaimed),
            ];
            item_ending_at(&lists, lower, at, lower.len()).map(|(end, st)| (at, end, st))
        } else {
            None
        };
        if let Some((at, end, stance)) = found
            && !overlaps(spans, at, end)
        {
            out.push((
                ByteRange::new(at, end),
                stance,
                own_item_start(lower, spans, s.start),
            ));
        }
    }
    out
}

/// Where the item of a skill written at byte `skill` starts: at [`item_start`], or after an
/// "and" or "or" that follows a word of prose rather than a skill name ("Kotlin at the startup
/// and Scala nowhere": Scala's item is "Scala"; "Ansible and Puppet never": one item).
fn own_item_start(lower: &str, spans: &[ByteRange], skill: usize) -> usize {
    let from = item_start(lower, skill);
    let mut start = from;
    for w in super::wraps::word_starts(&lower[from..skill]) {
        let at = from + w;
        let word = first_word(&lower[at..]);
        if !matches!(
            word,
            "and" | "or" | "und" | "oder" | "en" | "of" | "et" | "ou" | "y" | "o"
        ) {
            continue;
        }
        let before = lower[..at].trim_end();
        let after_skill = spans.iter().any(|r| r.end == before.len());
        if !after_skill && before.len() > from {
            start = at + word.len();
        }
    }
    start
}

/// True for a cue written in CJK script.
fn cue_is_cjk(lower: &str, range: ByteRange) -> bool {
    lower[range.start..range.end].starts_with(is_cjk)
}

/// True when the mark `c` at byte `i` of `lower` breaks a clause: a mark of
/// `cues/clause_breaks.txt` followed by a space or the line's end ("." in "Node.js" breaks
/// nothing), a full-width one ("。"), or, in CJK text, any of them or a comma followed right
/// by a CJK character: Chinese and Japanese put no space after punctuation, text
/// normalisation has made "，" a ",", and they list items with "、", not a comma.
fn is_mark_break(marks: &[char], lower: &str, i: usize, c: char) -> bool {
    let next = lower[i + c.len_utf8()..].chars().next();
    if next.is_some_and(is_cjk) {
        return c == ',' || marks.contains(&c);
    }
    marks.contains(&c) && (next.is_none_or(char::is_whitespace) || is_full_width(c))
}

/// A punctuation mark of the full-width forms that CJK text uses ("，", "。", "；", "！").
fn is_full_width(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF60)
}

/// Most CJK characters between a skill and an after-cue in CJK script that governs it.
const CJK_PARTICLE_CHARS: usize = 3;

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut p = Phrases {
            by_first_word: HashMap::new(),
            marks: Vec::new(),
        };
        for (list, role) in LISTS {
            for &entry in list.entries() {
                let word = cue_key(entry);
                if word.is_empty() {
                    // A punctuation break (a test keeps cues starting with a word).
                    p.marks.extend(entry.chars());
                } else {
                    p.by_first_word.entry(word).or_default().push((entry, role));
                }
            }
        }
        // The longest phrase first: where two cues start at one word ("none" and "none yet"),
        // the longer one is the cue (cues of the same phrase in two lists both count).
        for list in p.by_first_word.values_mut() {
            list.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        }
        p
    })
}

/// The end of `phrase` written at byte `at` of `lower`, if it is: characters equal (a capital
/// of another script than ASCII equal to its lowercase letter), a `'` of the phrase also
/// matching `’`, and no word character right after a phrase that ends in one.
fn phrase_at(lower: &str, at: usize, phrase: &str) -> Option<usize> {
    let mut text = lower[at..].char_indices();
    for p in phrase.chars() {
        let (_, t) = text.next()?;
        let same = t == p
            || (p == '\'' && t == '\u{2019}')
            || (t.is_uppercase() && t.to_lowercase().eq(std::iter::once(p)));
        if !same {
            return None;
        }
    }
    let end = text.next().map_or(lower.len(), |(i, _)| at + i);
    let ends_in_word = phrase.chars().next_back().is_some_and(is_word);
    if ends_in_word && lower[end..].chars().next().is_some_and(is_word) {
        return None;
    }
    Some(end)
}

/// Words that, as a whole table cell, answer "no" for the row ("Python | No").
const NO_CELLS: [&str; 11] = [
    "no", "none", "nein", "non", "não", "nao", "nee", "nej", "nie", "ne", "nenhum",
];

/// The cue a table cell opens with, when it names no skill ("Never used", "None", "No",
/// "Learning", "Nenhum - quem o usa é o estatístico"): a whole-cell "no" word, an annotation
/// word of `negation_annotations.txt` or `learning_annotations.txt` that opens the cell, or
/// any other cue that opens it. Returns the stance and the cue's bytes in `cell`.
pub(super) fn cell_cue(cell: &str) -> Option<(Stance, ByteRange)> {
    let lower = skillgap_data::form::fold_case(cell);
    let start = lower.find(|c: char| c.is_alphanumeric())?;
    // The first word, when the cell ends there or goes on after a dash, colon, comma or
    // parenthesis ("Nenhum - quem o usa é o estatístico").
    let word = lower[start..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let after = lower[start + word.len()..].trim_start();
    let alone =
        after.is_empty() || after.starts_with(['-', '\u{2013}', '\u{2014}', ':', ',', ';', '(']);
    if alone && NO_CELLS.contains(&word) {
        return Some((
            Stance::NotClaimed,
            ByteRange::new(start, start + word.len()),
        ));
    }
    let opens = |entry: &&&str| {
        lower[start..].starts_with(**entry)
            && lower[start + entry.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word(c))
    };
    for (list, stance) in [
        (&NEGATION_ANNOTATIONS, Stance::NotClaimed),
        (&LEARNING_ANNOTATIONS, Stance::Learning),
    ] {
        if let Some(entry) = list.entries().iter().filter(opens).max_by_key(|e| e.len()) {
            return Some((stance, ByteRange::new(start, start + entry.len())));
        }
    }
    let cues = LineCues::of_line(cell, &lower, &[]);
    cues.forward
        .iter()
        .chain(&cues.backward)
        .filter(|c| c.range.start == start)
        .max_by_key(|c| c.range.end)
        .map(|c| (c.stance, c.range))
}

/// A cue of a line: what it makes of the skills it governs and where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub(crate) stance: Stance,
    /// The cue's bytes in the line (the same in the lowercased line and as written).
    pub(super) range: ByteRange,
    /// Where its reach ends at the latest: the end of the skills it governs for a negation
    /// before a skill, `usize::MAX` (its clause) for the others.
    until: usize,
    /// Where the reach of an after-cue starts at the earliest: 0 (its clause) but for
    /// [`Reach::BackwardNear`].
    from: usize,
}

/// The clauses and cues of one line, found once: a line may hold hundreds of matches.
pub(super) struct LineCues {
    /// Clause breaks, sorted by start, not overlapping; a clause starts at the end of one.
    breaks: Vec<ByteRange>,
    /// Forward cues and openers that open their clause, sorted by end.
    forward: Vec<Cue>,
    /// After-cues, sorted by start.
    backward: Vec<Cue>,
    /// Questions answered by a cue: where the question mark starts, and the cue that opens
    /// the answer right after it ("Do I know Rust? No."), sorted.
    answers: Vec<(usize, Cue)>,
    /// Plan and learning cues whose object is a pronoun ("I plan to learn it"), sorted by
    /// start: they make the skills negated in the clause before them learning.
    pronoun_plans: Vec<Cue>,
}

impl LineCues {
    /// `lower`: the ASCII-lowercased line; `spans`: its skill names, sorted, not overlapping
    /// (no cue or break inside them).
    pub(super) fn new(lower: &str, spans: &[ByteRange]) -> LineCues {
        let phrases = phrases();
        let mut breaks = Vec::new();
        let mut cancels: Vec<ByteRange> = Vec::new();
        // Where each concessive conjunction ends: its clause also ends at the next comma.
        let mut concessives: Vec<usize> = Vec::new();
        let mut found: Vec<(ByteRange, Stance, Reach)> = Vec::new();
        let mut prev_word = false;
        for (i, c) in lower.char_indices() {
            let word = is_word(c);
            if is_cjk(c) {
                for &(phrase, role) in phrases
                    .by_first_word
                    .get(&lower[i..i + c.len_utf8()])
                    .into_iter()
                    .flatten()
                {
                    if let Some(end) = phrase_at(lower, i, phrase)
                        && !overlaps(spans, i, end)
                    {
                        match role {
                            Role::Break => breaks.push(ByteRange::new(i, end)),
                            Role::Cancel => cancels.push(ByteRange::new(i, end)),
                            Role::Concessive => {
                                breaks.push(ByteRange::new(i, end));
                                concessives.push(end);
                            }
                            Role::Cue(stance, reach) => {
                                found.push((ByteRange::new(i, end), stance, reach));
                            }
                        }
                    }
                }
            } else if word && !prev_word {
                // The line is lowercased in ASCII only; a capital of another script is
                // lowercased here ("Đang học", "Изучаю").
                let first = first_word(&lower[i..]);
                let candidates = if first.chars().any(char::is_uppercase) {
                    phrases.by_first_word.get(first.to_lowercase().as_str())
                } else {
                    phrases.by_first_word.get(first)
                };
                // The length of the longest cue found at this word: a shorter one is part of it.
                let mut cue_here = 0;
                for &(phrase, role) in candidates.into_iter().flatten() {
                    let Some(end) = phrase_at(lower, i, phrase) else {
                        continue;
                    };
                    if overlaps(spans, i, end) {
                        continue;
                    }
                    match role {
                        Role::Break => breaks.push(ByteRange::new(i, end)),
                        Role::Cancel => cancels.push(ByteRange::new(i, end)),
                        Role::Concessive => {
                            breaks.push(ByteRange::new(i, end));
                            concessives.push(end);
                        }
                        Role::Cue(..) if end - i < cue_here => {}
                        Role::Cue(stance, reach) => {
                            cue_here = end - i;
                            found.push((ByteRange::new(i, end), stance, reach));
                        }
                    }
                }
            }
            if !word && is_mark_break(&phrases.marks, lower, i, c) {
                let end = i + c.len_utf8();
                if !overlaps(spans, i, end) {
                    breaks.push(ByteRange::new(i, end));
                }
            }
            prev_word = word;
        }
        for &from in &concessives {
            let comma = lower[from..]
                .char_indices()
                .map(|(k, c)| (from + k, c))
                .find(|&(k, c)| {
                    c == ','
                        && !overlaps(spans, k, k + 1)
                        && lower[k + 1..].starts_with(char::is_whitespace)
                });
            if let Some((k, _)) = comma {
                breaks.push(ByteRange::new(k, k + 1));
            }
        }
        breaks.sort_unstable();
        // Overlapping breaks ("tandis que" and "que" were both listed) become one.
        breaks.dedup_by(|b, a| {
            if b.start < a.end {
                a.end = a.end.max(b.end);
                true
            } else {
                false
            }
        });
        let mut cues = LineCues {
            breaks,
            forward: Vec::new(),
            backward: Vec::new(),
            answers: Vec::new(),
            pronoun_plans: Vec::new(),
        };
        found.extend(annotations(lower, spans));
        // An annotation after a colon or a dash governs its item only, even where it is also
        // an after-cue of the whole clause ("none").
        for (range, stance, from) in separated_annotations(lower, spans) {
            found.retain(|f| f.0.start != range.start);
            cues.backward.push(Cue {
                stance,
                range,
                until: usize::MAX,
                from,
            });
        }
        for (range, stance, reach) in found {
            // A negation negated before it in its clause claims ("not that I haven't used").
            if stance == Stance::NotClaimed {
                let clause = cues.clause_of(range.start);
                // Or a longer phrase that starts with the cue: "not limited to" is no "not".
                if cancels.iter().any(|c| {
                    (c.start >= clause.start && c.end <= range.start)
                        || (c.start == range.start && c.end > range.end)
                }) {
                    continue;
                }
            }
            let cue = Cue {
                stance,
                range,
                until: usize::MAX,
                from: 0,
            };
            // A cue inside parentheses reaches no further than them, and governs the skill
            // the parenthesis annotates, if any ("Rust (currently learning), Java (basic)":
            // Rust is learning, Java is claimed; "Ansible 0/5 (next on my list)").
            if let Some((open, close)) = parenthesis_around(lower, range) {
                // The item annotated: back to the list separator before it.
                let item = annotated(lower, spans, open).map(|_| item_start(lower, open));
                // An after-cue reads back over the whole item ("Data Mining - Weka labs (in
                // progress)"), a cue before skills only over a skill right before it.
                let whole_item = item_with_skill(lower, spans, open);
                match reach {
                    Reach::Backward => cues.backward.push(Cue {
                        from: whole_item.unwrap_or(open),
                        ..cue
                    }),
                    Reach::BackwardNear => cues.backward.push(Cue {
                        from: whole_item
                            .unwrap_or(open)
                            .max(near_start(lower, range.start)),
                        ..cue
                    }),
                    _ => {
                        // A negation word before a skill governs only that skill, and
                        // "AWS (no long-lived keys)" does not disclaim AWS.
                        // An opener ("no", "learning") opens the parenthesis, not the item's
                        // clause: the annotations below say which openings annotate an item.
                        if let Some(from) =
                            item.filter(|_| !matches!(reach, Reach::Adjacent | Reach::Opener))
                        {
                            cues.backward.push(Cue { from, ..cue });
                        }
                        let until = match reach {
                            Reach::Adjacent => adjacent_run(lower, spans, range.end)
                                .map_or(range.end, |u| u.min(close)),
                            _ => close,
                        };
                        cues.forward.push(Cue { until, ..cue });
                    }
                }
                continue;
            }
            match reach {
                Reach::Forward => cues.forward.push(cue),
                Reach::Adjacent => {
                    if let Some(until) = adjacent_run(lower, spans, range.end) {
                        cues.forward.push(Cue { until, ..cue });
                    }
                }
                Reach::Opener => {
                    let open = cues.clause_of(range.start).start;
                    if !lower[open..range.start].chars().any(is_word) {
                        cues.forward.push(cue);
                    }
                }
                Reach::Backward | Reach::BackwardNear if cue_is_cjk(lower, range) => {
                    cues.backward.push(Cue {
                        from: cjk_run_before(lower, spans, range.start),
                        ..cue
                    });
                }
                Reach::Backward => cues.backward.push(cue),
                Reach::BackwardNear => cues.backward.push(Cue {
                    from: near_start(lower, range.start),
                    ..cue
                }),
            }
        }
        cues.forward
            .sort_unstable_by_key(|c| (c.range.end, c.range.start));
        cues.backward
            .sort_unstable_by_key(|c| (c.range.start, c.range.end));
        cues.answers = cues.answers(lower);
        cues.pronoun_plans = cues
            .forward
            .iter()
            // Interest ("read about it") is no plan to learn.
            .filter(|c| {
                c.stance == Stance::Learning
                    && !INTEREST_CUES
                        .entries()
                        .contains(&&lower[c.range.start..c.range.end])
            })
            .filter(|c| {
                let next = first_word(lower[c.range.end..].trim_start());
                PRONOUN_PLANS.entries().contains(&next)
            })
            .copied()
            .collect();
        cues.pronoun_plans.sort_unstable_by_key(|c| c.range.start);
        cues
    }

    /// The questions of the line answered by a cue that opens the answer: a `?` break, then
    /// (spaces and punctuation between) a forward cue or an opener ("Do I know Rust? No, and
    /// it isn't on my list", "Kubernetes? Not yet").
    fn answers(&self, lower: &str) -> Vec<(usize, Cue)> {
        self.breaks
            .iter()
            .filter(|b| &lower[b.start..b.end] == "?")
            .filter_map(|b| {
                let cue = self
                    .forward
                    .iter()
                    .filter(|c| c.range.start >= b.end)
                    .min_by_key(|c| c.range.start)?;
                (!lower[b.end..cue.range.start].chars().any(is_word)).then_some((
                    b.start,
                    Cue {
                        until: usize::MAX,
                        ..*cue
                    },
                ))
            })
            .collect()
    }

    /// The cues of a document line: those of [`LineCues::new`] on its lowercased text, and its
    /// company descriptions, which need the line as written (`text`).
    pub(super) fn of_line(text: &str, lower: &str, spans: &[ByteRange]) -> LineCues {
        LineCues::new(lower, spans)
            .with_company_descriptions(text, spans)
            .with_group_subjects(lower)
    }

    /// Adds the clauses whose subject is a group of other people (`cues/others_groups.txt`:
    /// "The platform team ran everything else on Azure", "Customers drove the card from
    /// LabVIEW"): the subject governs the rest of its clause as others' skills, up to an "I"
    /// or "we" later in it ("the data team and I" never opens such a clause). Also the names
    /// of teams after a preposition ("with help from the data engineering team", "with the
    /// tech art team"): the skills in them are the team's.
    fn with_group_subjects(mut self, lower: &str) -> Self {
        let starts = std::iter::once(0).chain(self.breaks.iter().map(|b| b.end));
        let mut found: Vec<Cue> = starts
            .filter_map(|start| group_subject(lower, start))
            .collect();
        found.extend(team_names(lower));
        if !found.is_empty() {
            self.forward.extend(found);
            self.forward
                .sort_unstable_by_key(|c| (c.range.end, c.range.start));
        }
        let agents = passive_agents(lower, &self);
        if !agents.is_empty() {
            self.backward.extend(agents);
            self.backward
                .sort_unstable_by_key(|c| (c.range.start, c.range.end));
        }
        self
    }

    /// Adds the company descriptions of the line (`text`, as written; `spans`: its skill
    /// names): a clause that opens with one to four capitalised words, none of them a skill,
    /// followed by a verb of `cues/company_verbs.txt` ("Kumo Games makes Unity-based mobile
    /// games", "KoboPath is a payment gateway for Shopify merchants") describes an employer or
    /// a client, so the verb governs the rest of the clause as others' skills.
    fn with_company_descriptions(mut self, text: &str, spans: &[ByteRange]) -> Self {
        let starts = std::iter::once(0).chain(self.breaks.iter().map(|b| b.end));
        let mut found = Vec::new();
        for start in starts {
            let Some(verb) = company_verb(text, spans, start) else {
                continue;
            };
            found.push(Cue {
                stance: Stance::NotClaimed,
                range: verb,
                until: usize::MAX,
                from: 0,
            });
        }
        if !found.is_empty() {
            self.forward.extend(found);
            self.forward
                .sort_unstable_by_key(|c| (c.range.end, c.range.start));
        }
        self
    }

    /// Where the line's first clause break starts (`usize::MAX` when it has none).
    pub(super) fn first_break(&self) -> usize {
        self.breaks.first().map_or(usize::MAX, |b| b.start)
    }

    /// The clause holding byte `at`: from the end of the last break before it to the start
    /// of the next (`usize::MAX` at the end of the line).
    fn clause_of(&self, at: usize) -> ByteRange {
        let k = self.breaks.partition_point(|b| b.end <= at);
        let start = k.checked_sub(1).map_or(0, |j| self.breaks[j].end);
        let end = self.breaks.get(k).map_or(usize::MAX, |b| b.start.max(at));
        ByteRange::new(start, end)
    }

    /// The cue that governs a skill written at byte `at`, if any: the last forward cue
    /// before it or the first after-cue after it in its clause, whichever is nearer (the
    /// forward cue on a tie).
    pub(super) fn at(&self, at: usize) -> Option<Cue> {
        let clause = self.clause_of(at);
        // Where the break that opens the clause starts (the clause's start at the line's).
        let k = self.breaks.partition_point(|b| b.end <= at);
        let opening = k
            .checked_sub(1)
            .map_or(clause.start, |j| self.breaks[j].start);
        let forward = self.forward[..self.forward.partition_point(|c| c.range.end <= at)]
            .iter()
            .rev()
            // A cue that starts with the clause's break ("except", "except for", "other than")
            // opens it.
            .take_while(|c| c.range.start >= opening)
            .filter(|c| c.range.start >= clause.start || c.range.start == opening)
            .find(|c| at < c.until)
            .copied();
        // The nearest after-cue of the clause that reaches back to the skill (an annotation
        // of a later item does not: "Docker, Kubernetes - none").
        let backward = self.backward[self.backward.partition_point(|c| c.range.start < at)..]
            .iter()
            .take_while(|c| c.range.end <= clause.end)
            .find(|c| c.from <= at)
            .copied();
        let cue = match (forward, backward) {
            (Some(f), Some(b)) if b.range.start - at < at - f.range.end => Some(b),
            (Some(f), _) => Some(f),
            // A question takes the stance of its answer ("Do I know Rust? No.").
            (None, None) => self
                .answers
                .iter()
                .find(|(q, _)| *q == clause.end)
                .map(|&(_, cue)| cue),
            (None, b) => b,
        };
        match cue {
            Some(c) if c.stance == Stance::NotClaimed => Some(self.planned_after(at).unwrap_or(c)),
            _ => cue,
        }
    }

    /// A plan whose object is a pronoun in the clause right after the one holding byte `at`
    /// ("No Kubernetes yet, but I plan to learn it"), if any.
    fn planned_after(&self, at: usize) -> Option<Cue> {
        let k = self.breaks.partition_point(|b| b.end <= at);
        let next = self.breaks.get(k)?.end;
        let end = self.breaks.get(k + 1).map_or(usize::MAX, |b| b.start);
        self.pronoun_plans
            .iter()
            .find(|c| c.range.start >= next && c.range.start < end)
            .copied()
    }
}

/// The verb of a company description opening the clause that starts at byte `start` of
/// `text`: one to four capitalised words that are no skill names, then a verb of
/// `cues/company_verbs.txt` in lowercase.
fn company_verb(text: &str, spans: &[ByteRange], start: usize) -> Option<ByteRange> {
    let rest = &text[start..];
    let mut at = start + rest.find(|c: char| c.is_alphanumeric())?;
    let mut names = 0;
    while names < 4 {
        let word_end = text[at..]
            .find(|c: char| !(is_word(c) || c == '\'' || c == '.' || c == '-'))
            .map_or(text.len(), |i| at + i);
        let word = &text[at..word_end];
        if word.starts_with(|c: char| c.is_uppercase()) {
            if overlaps(spans, at, word_end) {
                return None;
            }
            names += 1;
            let after = &text[word_end..];
            let next = after.trim_start_matches(' ');
            if next.len() == after.len() {
                return None;
            }
            at = text.len() - next.len();
            continue;
        }
        if names == 0 {
            return None;
        }
        let lower = text[at..].to_ascii_lowercase();
        let verb = COMPANY_VERBS
            .entries()
            .iter()
            .find(|v| lower.starts_with(**v) && !lower[v.len()..].starts_with(is_word))?;
        return Some(ByteRange::new(at, at + verb.len()));
    }
    None
}

/// Words that cannot follow the subject of a clause about others: the subject goes on ("the
/// data team and I", "the team of five") or is a job title ("the platform team lead").
const NOT_AFTER_SUBJECT: [&str; 14] = [
    "and", "&", "of", "i", "with", "at", "for", "in", "to", "on", "lead", "leader", "member",
    "members",
];

/// The subject of a clause about others that opens the clause starting at byte `start` of
/// `lower` (see [`LineCues::with_group_subjects`]): a group of other people (see
/// [`group_phrase`]), then a word that is no continuation of the subject. The cue covers the
/// subject and reaches to the first "I" or "we" after it.
fn group_subject(lower: &str, start: usize) -> Option<Cue> {
    let open = start + lower[start..].find(|c: char| c.is_alphanumeric())?;
    if let Some(cue) = reports_subject(lower, open) {
        return Some(cue);
    }
    let end = group_phrase(lower, open)?;
    // A mark right after the noun ends the subject ("the data team, which I joined, ...").
    if !lower[end..].starts_with(' ') {
        return None;
    }
    let next = lower[end..].split(' ').find(|w| !w.is_empty())?;
    if NOT_AFTER_SUBJECT.contains(&next) || !next.starts_with(char::is_alphabetic) {
        return None;
    }
    Some(subject_cue(lower, open, end))
}

/// A group of other people written at byte `open` of `lower`: a determiner of
/// `cues/others_group_determiners.txt`, at most two words, and a noun of
/// `cues/others_groups.txt` (a noun marked `+` needs a word between: "the data team", not
/// "our team"; a compound that ends in "team" holds its own: "das Plattformteam"), or a plural
/// noun of people outside alone ("Customers"). Returns where the noun ends (before any mark
/// after it).
fn group_phrase(lower: &str, open: usize) -> Option<usize> {
    let after_det = OTHERS_GROUP_DETERMINERS
        .entries()
        .iter()
        .filter(|d| {
            lower[open..].starts_with(**d)
                && lower[open + d.len()..].starts_with(char::is_whitespace)
        })
        .map(|d| open + d.len())
        .max();
    let words = lower[after_det.unwrap_or(open)..]
        .split(' ')
        .filter(|w| !w.is_empty());
    let mut between = 0;
    for word in words.take(3) {
        let bare = word.trim_end_matches(|c: char| !is_word(c));
        // `word` is a slice of `lower`: its end is found from its address.
        let end = word.as_ptr() as usize - lower.as_ptr() as usize + bare.len();
        let noun = OTHERS_GROUPS
            .entries()
            .iter()
            .find(|g| g.trim_end_matches(['+', '=']) == bare)
            .copied();
        // A compound ending in "team" ("plattformteam", "frontend-team") is a team with its
        // word between.
        let compound = after_det.is_some()
            && ["team", "teams"]
                .iter()
                .any(|t| bare.len() > t.len() + 2 && bare.ends_with(t));
        let noun = match noun {
            Some(n) => n,
            None if compound => {
                between += 1;
                "team+"
            }
            None => {
                let word_like = bare.len() == word.len()
                    && word
                        .chars()
                        .all(|c| is_word(c) || matches!(c, '-' | '\'' | '\u{2019}'));
                if after_det.is_none() || !word_like {
                    return None;
                }
                between += 1;
                continue;
            }
        };
        // "A small team shipped it" may hold the person: after an article, only a noun of
        // people outside ("a client ran Shopify").
        let article = after_det.is_some_and(|d| matches!(&lower[open..d], "a" | "an" | "one"));
        let needs_between = noun.ends_with('+');
        if article && needs_between {
            return None;
        }
        if after_det.is_none() && noun.ends_with('=') {
            return None;
        }
        let fits = match after_det {
            Some(_) => !needs_between || between > 0,
            None => !needs_between && between == 0,
        };
        return fits.then_some(end);
    }
    None
}

/// Passive auxiliaries: a clause with one before a skill and "by" and a group of others after
/// it is about their work ("The app is built in Flutter by the mobile squad").
const PASSIVE_AUXILIARIES: [&str; 8] = ["is", "are", "was", "were", "been", "being", "gets", "got"];

/// The agents of passive clauses: "by" and a group of other people (see [`group_phrase`]) after
/// a passive auxiliary of its clause with no "I" or "we" between ("Our dashboards were built in
/// Looker by the BI team"; not "I built dashboards in Looker used by the sales team"). Each cue
/// covers "by" and the group and reaches back to the auxiliary.
fn passive_agents(lower: &str, line: &LineCues) -> Vec<Cue> {
    let mut cues = Vec::new();
    for (by, _) in lower.match_indices("by ") {
        if lower[..by].chars().next_back().is_some_and(is_word) {
            continue;
        }
        let open = by + 3 + (lower[by + 3..].len() - lower[by + 3..].trim_start().len());
        let Some(end) = group_phrase(lower, open) else {
            continue;
        };
        // Its clause's start, and the last auxiliary in it with no "I" or "we" after it.
        let clause_start = line.clause_of(by).start;
        let mut aux = None;
        for w in super::wraps::word_starts(&lower[clause_start..by]) {
            let at = clause_start + w;
            let word = first_word(&lower[at..]);
            if PASSIVE_AUXILIARIES.contains(&word) {
                aux = Some(at);
            } else if matches!(word, "i" | "we") {
                aux = None;
            }
        }
        if let Some(from) = aux {
            cues.push(Cue {
                stance: Stance::NotClaimed,
                range: ByteRange::new(by, end),
                until: usize::MAX,
                from,
            });
        }
    }
    cues
}

/// "My" and a noun of `cues/others_reports.txt` opening the clause at byte `open`, followed by
/// a word that can be a verb ("my analysts build ..."): the people the person manages are its
/// subject, up to an "I" or "we" later in the clause.
fn reports_subject(lower: &str, open: usize) -> Option<Cue> {
    let rest = lower[open..].strip_prefix("my ")?;
    let noun = OTHERS_REPORTS
        .entries()
        .iter()
        .filter(|n| rest.starts_with(**n) && rest[n.len()..].starts_with(' '))
        .max_by_key(|n| n.len())?;
    let end = open + 3 + noun.len();
    let next = lower[end..].split(' ').find(|w| !w.is_empty())?;
    if NOT_AFTER_SUBJECT.contains(&next) || !next.starts_with(char::is_alphabetic) {
        return None;
    }
    Some(subject_cue(lower, open, end))
}

/// The cue of a subject of other people at `open..end`: it governs the rest of its clause as
/// others' skills, up to an "I" or "we" later in it ("... and I wrote the Go services").
fn subject_cue(lower: &str, open: usize, end: usize) -> Cue {
    let until = [" i ", " i'", " i\u{2019}", " we "]
        .iter()
        .filter_map(|p| lower[end..].find(p).map(|i| end + i))
        .min()
        .unwrap_or(usize::MAX);
    Cue {
        stance: Stance::NotClaimed,
        range: ByteRange::new(open, end),
        until,
        from: 0,
    }
}

/// Prepositions before the name of a team that is not the person ("with the data team").
const TEAM_PREPOSITIONS: [&str; 10] = [
    "with",
    "from",
    "by",
    "for",
    "to",
    "of",
    "alongside",
    "within",
    "across",
    "between",
];

/// Nouns that end the name of a team ("the data engineering team").
const TEAM_NOUNS: [&str; 6] = ["team", "teams", "desk", "department", "dept", "squad"];

/// Determiners of a team's name after a preposition ("with the", "from our").
const TEAM_DETERMINERS: [&str; 5] = ["the", "our", "their", "its", "another"];

/// The names of teams after a preposition: "from the data engineering team", "with our tech
/// art team" (a preposition of [`TEAM_PREPOSITIONS`], a determiner of [`TEAM_DETERMINERS`],
/// one to four words, a noun of [`TEAM_NOUNS`]). Each cue starts at the determiner and
/// governs the words up to the noun.
fn team_names(lower: &str) -> Vec<Cue> {
    let words: Vec<(usize, &str)> = lower
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - lower.as_ptr() as usize, w))
        .collect();
    let mut cues = Vec::new();
    for (n, &(at, word)) in words.iter().enumerate() {
        // The noun may end its word or come before a mark ("team,", "team)").
        let noun = word.trim_end_matches(|c: char| !is_word(c));
        if !TEAM_NOUNS.contains(&noun) {
            continue;
        }
        for k in (n.saturating_sub(5)..n).rev() {
            let (start, det) = words[k];
            if !TEAM_DETERMINERS.contains(&det) {
                continue;
            }
            let preposition = k
                .checked_sub(1)
                .is_some_and(|j| TEAM_PREPOSITIONS.contains(&words[j].1));
            if preposition && n - k > 1 {
                cues.push(Cue {
                    stance: Stance::NotClaimed,
                    range: ByteRange::new(start, start + det.len()),
                    until: at,
                    from: 0,
                });
            }
            break;
        }
    }
    cues
}

/// The end of the run of skills that a negation word ending at byte `from` governs: the skill
/// written right after it, at most three modifier words between ("no prior MATLAB"), and the
/// skills coordinated with that one by separators, "or", "and" or "nor" ("no Docker or
/// Podman"); `None` when no skill follows.
fn adjacent_run(lower: &str, spans: &[ByteRange], from: usize) -> Option<usize> {
    let mut at = from;
    for _ in 0..=3 {
        let rest = &lower[at..];
        let word_at = at + (rest.len() - rest.trim_start().len());
        if let Ok(k) = spans.binary_search_by_key(&word_at, |s| s.start) {
            let mut end = spans[k].end;
            for next in &spans[k + 1..] {
                let between = lower[end..next.start].trim();
                let joined = between
                    .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '&'))
                    .all(|w| matches!(w, "" | "or" | "and" | "nor"));
                if !joined {
                    break;
                }
                end = next.end;
            }
            return Some(end);
        }
        // A modifier may hold a hyphen ("hands-on"), so it is compared as a phrase.
        let modifier = SKILL_MODIFIERS.entries().iter().find(|m| {
            lower[word_at..].starts_with(**m) && !lower[word_at + m.len()..].starts_with(is_word)
        })?;
        at = word_at + modifier.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testkit::tax;
    use super::super::{Document, Matcher};
    use super::*;

    /// The lists' entries, with their file names.
    fn lists() -> Vec<(&'static str, &'static WordList, Role)> {
        let names = [
            "learning_cues.txt",
            "plan_cues.txt",
            "interest_cues.txt",
            "learning_openers.txt",
            "learning_after.txt",
            "negation_cues.txt",
            "others_cues.txt",
            "others_openers.txt",
            "others_after.txt",
            "negation_openers.txt",
            "negation_after.txt",
            "negation_before.txt",
            "others_before.txt",
            "negation_cancels.txt",
            "concessives.txt",
            "clause_breaks.txt",
        ];
        names
            .iter()
            .zip(LISTS)
            .map(|(&n, (l, r))| (n, l, r))
            .collect()
    }

    /// A cue starts with a word (it is looked up by it); a break is words or one mark; no cue
    /// holds a break, which would cut it in two.
    #[test]
    fn cues_start_with_a_word_and_hold_no_break() {
        let breaks = CLAUSE_BREAKS.entries();
        for (file, list, role) in lists() {
            for &entry in list.entries() {
                if cue_key(entry).is_empty() {
                    assert!(
                        role == Role::Break && entry.chars().count() == 1,
                        "{file}: {entry:?}"
                    );
                    continue;
                }
                if matches!(role, Role::Break | Role::Concessive) {
                    continue;
                }
                for &b in breaks {
                    // A negation before skills may start with a break: it opens the clause
                    // of the skills it negates ("except", "other than").
                    let opens = file == "negation_before.txt"
                        && (entry == b || entry.starts_with(&format!("{b} ")));
                    let inside = if cue_key(b).is_empty() {
                        entry.contains(&format!("{b} ")) || entry.ends_with(b)
                    } else {
                        format!(" {entry} ").contains(&format!(" {b} "))
                    } && !opens;
                    assert!(!inside, "{file}: {entry:?} holds the break {b:?}");
                }
            }
        }
    }

    /// The stance of each marked skill ("^" before it) of a lowercase line with no skill
    /// names: claimed (`-`), learning (`L`) or not claimed (`N`), and the governing cue.
    fn stance_of(marked: &str) -> (char, String) {
        let at = marked.find('^').expect("a marked skill");
        let line = marked.replacen('^', "", 1);
        // The marked skill's name: its word, up to a space or a comma.
        let end = line[at..].find([' ', ',']).map_or(line.len(), |i| at + i);
        match LineCues::new(&line, &[ByteRange::new(at, end)]).at(at) {
            None => ('-', String::new()),
            Some(c) => (
                match c.stance {
                    Stance::Learning => 'L',
                    Stance::NotClaimed => 'N',
                },
                line[c.range.start..c.range.end].to_owned(),
            ),
        }
    }

    #[test]
    fn negation_table() {
        let rows: &[(&str, char, &str)] = &[
            (
                "i have no experience with ^rust so far",
                'N',
                "no experience",
            ),
            ("never used ^docker outside a tutorial", 'N', "never used"),
            ("i have yet to use ^terraform", 'N', "yet to use"),
            ("i don't have ^azure experience", 'N', "don't have"),
            ("python, but not with ^java", 'N', "not with"),
            ("^kubernetes: none.", 'N', "none"),
            ("ich habe ^kubernetes nie benutzt", 'N', "nie benutzt"),
            ("ohne erfahrung mit ^ansible", 'N', "ohne erfahrung"),
            ("je ne connais pas ^ansible", 'N', "ne connais pas"),
            ("nunca trabajé con ^docker", 'N', "nunca trabajé"),
            ("not familiar with ^terraform", 'N', "not familiar"),
            ("unfamiliar with ^kafka streams", 'N', "unfamiliar with"),
            ("i haven't written any ^swift", 'N', "haven't written"),
            (
                "i haven\u{2019}t written any ^swift",
                'N',
                "haven\u{2019}t written",
            ),
            (
                "zero exposure to snowflake or ^bigquery",
                'N',
                "zero exposure",
            ),
            ("neither ^ansible nor puppet", 'N', "neither"),
            ("neither ansible nor ^puppet", 'N', "neither"),
            ("- no ^r.", 'N', "no"),
            ("no ^power bi experience", 'N', "no"),
            (
                "^mongodb is not something i have used",
                'N',
                "is not something",
            ),
            ("keine erfahrung mit ^siemens nx", 'N', "keine erfahrung"),
            ("sin experiencia en ^spark", 'N', "sin experiencia"),
            (
                "no he trabajado con spark ni con ^hadoop",
                'N',
                "no he trabajado",
            ),
            ("aucune expérience en ^kotlin", 'N', "aucune expérience"),
            (
                "^adobe xd: opened it once, would not call it a skill",
                'N',
                "would not call it",
            ),
            (
                "shipped two apps in swift, no ^objective-c though",
                'N',
                "no",
            ),
            (
                "without prior ^matlab experience, i used octave",
                'N',
                "without",
            ),
            (
                "lacking production ^rust experience, i kept it in go",
                'N',
                "lacking",
            ),
            ("shipped without ^docker, on kubernetes", 'N', "without"),
            ("zero time, no real ^snowflake work", 'N', "no"),
            // Gaps, blind spots and lack; scalar negation; a chance never had.
            ("my biggest gap is ^sql.", 'N', "gap is"),
            ("a gap in my profile: ^docker.", 'N', "gap in my"),
            (
                "blind spot: accounting tools such as ^quickbooks",
                'N',
                "blind spot",
            ),
            (
                "lack of hands-on ^azure exposure so far",
                'N',
                "lack of hands-on",
            ),
            ("hardly any knowledge of ^excel macros", 'N', "hardly any"),
            ("not a single project in ^php", 'N', "not a single"),
            (
                "i never got round to learning ^scala",
                'N',
                "never got round to",
            ),
            (
                "have not had the chance to use ^jenkins",
                'N',
                "have not had the chance",
            ),
            // Lithuanian, Slovene, Hungarian (after the skill), Romanian.
            ("neturiu patirties su ^macos", 'N', "neturiu patirties"),
            ("z ^opensim nimam izkušenj.", 'N', "nimam izkušenj"),
            ("^python-nal nem dolgoztam", 'N', "nem dolgoztam"),
            ("nu am experiență cu ^kubernetes", 'N', "nu am experiență"),
            ("i'm weakest in ^javascript", 'N', "weakest in"),
            ("can't code in ^java", 'N', "can't code"),
            ("i know excel but not ^python", 'N', "not"),
            ("used terraform, not ^pulumi", 'N', "not"),
            ("chose postgresql instead of ^mongodb", 'N', "instead of"),
            (
                "matomo in plaats van ^google analytics",
                'N',
                "in plaats van",
            ),
            ("usamos postgresql en lugar de ^mongodb", 'N', "en lugar de"),
            (
                "built it in gitlab ci rather than ^jenkins",
                'N',
                "rather than",
            ),
            // Not negations.
            ("skills include, but not limited to, ^python", '-', ""),
            ("not only ^python but also go", '-', ""),
            ("chose ^postgresql instead of mongodb", '-', ""),
            ("bridged the gap between ^sql and python teams", '-', ""),
            ("addressed a lack of tests by adding ^pytest", '-', ""),
            ("migrated to ^kubernetes with no downtime", '-', ""),
            ("shipped with no downtime on ^kubernetes", '-', ""),
            ("nothing but ^rust", '-', ""),
            ("knowledge of ^rust", '-', ""),
            ("notable ^rust work", '-', ""),
            (
                "cut build times with ^bazel, never missing a release",
                '-',
                "",
            ),
        ];
        for &(marked, stance, cue) in rows {
            assert_eq!(stance_of(marked), (stance, cue.to_owned()), "{marked:?}");
        }
    }

    #[test]
    fn plan_and_interest_table() {
        let rows: &[(&str, char, &str)] = &[
            ("currently learning ^rust", 'L', "currently learning"),
            (
                "i will be taking the ^aws course in january",
                'L',
                "will be taking",
            ),
            ("my goal for 2027 is to use ^rust", 'L', "my goal for"),
            ("^azure is still new to me", 'L', "is still new to me"),
            ("ainda não usei ^docker", 'N', "não usei"),
            ("learning ^rust on weekends", 'L', "learning"),
            ("  learning: ^rust", 'L', "learning:"),
            ("hoping to move into ^data engineering", 'L', "to move into"),
            (
                "planning to take a course on ^aws next year",
                'L',
                "planning to",
            ),
            ("goal: ^aws solutions architect certification", 'L', "goal:"),
            (
                "enrolled in a ^snowflake course starting in may",
                'L',
                "enrolled in",
            ),
            ("would like to try ^elixir", 'L', "would like to try"),
            ("i want to pick up ^go this winter", 'L', "want to pick up"),
            ("teaching myself ^svelte", 'L', "teaching myself"),
            ("working through a ^vue tutorial", 'L', "working through"),
            ("sitting the ^cka exam next quarter", 'L', "sitting the"),
            ("interested in ^computer vision", 'L', "interested in"),
            ("keen to explore ^llms", 'L', "keen to"),
            ("curious about ^elixir", 'L', "curious about"),
            ("fascinated by ^robotics", 'L', "fascinated by"),
            (
                "would love to work with ^opencv",
                'L',
                "would love to work with",
            ),
            ("me interesa aprender ^databricks", 'L', "me interesa"),
            (
                "reading about ^reinforcement learning for grasping",
                'L',
                "reading about",
            ),
            (
                "^python (halfway through an online course)",
                'L',
                "halfway through",
            ),
            ("^vyper is next on my list", 'L', "is next on my list"),
            ("would love to pick up ^scala", 'L', "would love to pick up"),
            ("je voudrais apprendre ^terraform", 'L', "je voudrais"),
            (
                "je suis une formation sur ^azure",
                'L',
                "suis une formation",
            ),
            (
                "derzeit in einer weiterbildung zu ^azure",
                'L',
                "weiterbildung zu",
            ),
            ("^fhir apis are on my list for next term", 'L', "on my list"),
            ("^rust has been on my radar", 'L', "on my radar"),
            // Slovene, Lithuanian, Portuguese, Hungarian (after the skill).
            ("učim se ^stan za modele", 'L', "učim se"),
            ("šiuo metu mokausi ^volatility 3", 'L', "mokausi"),
            ("gostaria de aprender ^python", 'L', "gostaria de aprender"),
            ("^power bi (most tanulom)", 'L', "most tanulom"),
            (
                "^kubernetes is something i still need to learn",
                'L',
                "still need to learn",
            ),
            ("^docker is on my to-do list", 'L', "on my to-do list"),
            ("i'm studying ^javascript and html", 'L', "i'm studying"),
            ("skills to develop: ^python, sql", 'L', "skills to develop:"),
            // Future, wishes and goals written as such.
            (
                "next year i am going to take the ^aws exam",
                'L',
                "going to take",
            ),
            (
                "i'll start a ^kubernetes course in january",
                'L',
                "i'll start a",
            ),
            ("i wish i knew ^rust better", 'L', "wish i knew"),
            (
                "i am about to start a ^react bootcamp",
                'L',
                "about to start",
            ),
            (
                "would love to get hands-on with ^snowflake",
                'L',
                "would love to",
            ),
            ("working towards ^comptia security+", 'L', "working towards"),
            (
                "currently pursuing the ^pmp certification",
                'L',
                "currently pursuing",
            ),
            (
                "objective: to become proficient in ^autocad",
                'L',
                "become proficient in",
            ),
            ("next step: learn ^power query", 'L', "next step:"),
            // Not learning.
            ("relearning ^rust", '-', ""),
            ("^rust, then currently learning go", '-', ""),
            ("studied ^rust", '-', ""),
            ("taught ^python to 30 students", '-', ""),
            // A posting's wishes are requirements, not plans.
            ("we would like to see ^python experience", '-', ""),
            ("we want to hire someone fluent in ^go", '-', ""),
        ];
        for &(marked, stance, cue) in rows {
            assert_eq!(stance_of(marked), (stance, cue.to_owned()), "{marked:?}");
        }
    }

    #[test]
    fn clause_scope_table() {
        let rows: &[(&str, char, &str)] = &[
            (
                "built dashboards in ^tableau; no power bi experience.",
                '-',
                "",
            ),
            (
                "built dashboards in tableau; no ^power bi experience.",
                'N',
                "no",
            ),
            (
                "wrote the api in ^django, but i have never touched flask",
                '-',
                "",
            ),
            (
                "wrote the api in django, but i have never touched ^flask",
                'N',
                "never touched",
            ),
            ("no hands-on aws work, only ^gcp", '-', ""),
            ("no hands-on ^aws work, only gcp", 'N', "no hands-on"),
            ("neither ansible nor puppet, but lots of ^chef", '-', ""),
            ("never used docker. ^podman daily", '-', ""),
            ("never used docker.^podman", 'N', "never used"), // no space: no full stop
            ("never used docker, podman or ^helm", 'N', "never used"),
            ("currently learning go; ^rust daily", '-', ""),
            ("learning go | ^rust daily", '-', ""),
            ("learning go • ^rust daily", '-', ""),
            (
                "plan to learn go however ^rust is my main language",
                '-',
                "",
            ),
            ("keine erfahrung mit ansible, aber viel mit ^chef", '-', ""),
            ("sin experiencia en aws, pero sí en ^gcp", '-', ""),
            ("aucune expérience en aws, mais beaucoup en ^gcp", '-', ""),
            (
                "^postgresql daily; mongodb is not something i have used",
                '-',
                "",
            ),
            // The nearer cue wins.
            (
                "never used go, ^rust is not something i have used",
                'N',
                "never used",
            ),
            ("interested in ^rust, none yet", 'L', "interested in"),
            (
                "interested in kotlin and in ^rust: none yet",
                'N',
                "none yet",
            ),
        ];
        for &(marked, stance, cue) in rows {
            assert_eq!(stance_of(marked), (stance, cue.to_owned()), "{marked:?}");
        }
    }

    #[test]
    fn no_cue_or_break_inside_a_skill_name() {
        // "machine learning" is a skill: its "learning" opens nothing.
        let line = "learning go";
        assert!(LineCues::new(line, &[ByteRange::new(0, 8)]).at(9).is_none());
        let line = "machine learning goals rust";
        assert!(
            LineCues::new(line, &[ByteRange::new(0, 16)])
                .at(23)
                .is_none()
        );
        // A break inside a skill name ("Only Once" as a product) ends no clause.
        let line = "never used only once or kafka";
        let cues = LineCues::new(line, &[ByteRange::new(11, 20)]);
        assert_eq!(cues.at(24).map(|c| c.stance), Some(Stance::NotClaimed));
    }

    /// The kind of each skill found, in document order: claimed, learning or not claimed.
    fn kinds(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
        let t = tax();
        let got = Matcher::new(&t).extract(&Document::from_text(text));
        let ids = |list: &[super::super::FoundSkill]| list.iter().map(|s| s.id.clone()).collect();
        (ids(&got.skills), ids(&got.learning), ids(&got.not_claimed))
    }

    #[test]
    fn documents_of_mixed_claims() {
        // (text, claimed, learning, not claimed)
        type Row = (
            &'static str,
            &'static [&'static str],
            &'static [&'static str],
            &'static [&'static str],
        );
        let rows: &[Row] = &[
            (
                "Python developer. Currently learning Rust in the evenings.",
                &["python"],
                &["rust"],
                &[],
            ),
            (
                "I want to learn Kubernetes and Docker",
                &[],
                &["kubernetes", "docker"],
                &[],
            ),
            (
                "Ran Postgres in production; no Kubernetes experience yet.",
                &["postgresql", "sql"],
                &[],
                &["kubernetes"],
            ),
            // Claimed elsewhere: the claim wins.
            (
                "Never used Docker at work.\nSkills: Docker, Python",
                &["docker", "python"],
                &[],
                &[],
            ),
            // Learning wins over a negation elsewhere.
            (
                "No Kafka experience.\nTeaching myself Kafka this spring.",
                &[],
                &["kafka"],
                &[],
            ),
            // A negated ambiguous form is reported, not dropped.
            ("Never touched Go or Rust.", &[], &[], &["go", "rust"]),
            // A clause whose subject is another group is about them, up to an "I" or "we".
            (
                "The platform team ran everything else on Kubernetes; I only saw dashboards.",
                &[],
                &[],
                &["kubernetes"],
            ),
            (
                "- Our graphics desk builds the pieces in React.",
                &[],
                &[],
                &["react"],
            ),
            (
                "Customers drove the card from Python on Windows.",
                &[],
                &[],
                &["python"],
            ),
            (
                "The data team ran Kafka and I wrote the Python consumers.",
                &["python"],
                &[],
                &["kafka"],
            ),
            ("Our tech lead set up Kafka.", &[], &[], &["kafka"]),
            (
                "Shadowed the data team while they built Python services.",
                &[],
                &[],
                &["python"],
            ),
            ("I avoid Python whenever possible.", &[], &[], &["python"]),
            (
                "Helped teams avoid lock-in with Kafka.",
                &["kafka"],
                &[],
                &[],
            ),
            (
                "Nurse looking to move into Python work.",
                &[],
                &["python"],
                &[],
            ),
            // The person's own team, or the person with the team, claims.
            (
                "Our team migrated 40 services to Kubernetes.",
                &["kubernetes"],
                &[],
                &[],
            ),
            (
                "The data team and I built the Kafka pipeline.",
                &["kafka"],
                &[],
                &[],
            ),
            ("The platform team lead for Docker.", &["docker"], &[], &[]),
            // Names of teams after a preposition; owners named after the skill, near it.
            (
                "Scheduled it in Python, with help from the machine learning team.",
                &["python"],
                &[],
                &["machine-learning"],
            ),
            (
                "The site runs on React and is managed by the digital team.",
                &[],
                &[],
                &["react"],
            ),
            (
                "SQL for pulling cohorts out of the hospital data warehouse (the warehouse sits on a \
                 server and is run by the IT department).",
                &["sql"],
                &[],
                &[],
            ),
            // A cue open at a line's end governs the next line's first clause when the
            // sentence goes on there, not a new label, bullet or parenthesis.
            (
                "Resume\nI plan to deploy my first model behind\nKafka this winter. Python daily.",
                &["python"],
                &["kafka"],
                &[],
            ),
            (
                "Resume\nNever used Docker (only read about it)\nKafka and Python daily",
                &["kafka", "python"],
                &[],
                &["docker"],
            ),
            (
                "Resume\nNever used Docker or\nTools: Kafka, Python",
                &["kafka", "python"],
                &[],
                &["docker"],
            ),
            // A heading that is a cue governs the lines under it (src/matcher/mod.rs), but a
            // sentence's cue does not reach a bullet on the next line.
            (
                "Resume\nCurrently learning\n- Kafka at work",
                &[],
                &["kafka"],
                &[],
            ),
            (
                "Resume\nI am currently learning new things at\n- Kafka at work",
                &["kafka"],
                &[],
                &[],
            ),
            // Cues of other scripts match written with a capital.
            ("Đang học Python vào cuối tuần.", &[], &["python"], &[]),
            (
                "Chưa từng dùng Docker hay Kafka.",
                &[],
                &[],
                &["docker", "kafka"],
            ),
            ("Изучаю Kubernetes по вечерам.", &[], &["kubernetes"], &[]),
            ("Docker ile deneyimim yok.", &[], &[], &["docker"]),
            (
                "Sto seguendo un corso di SQL. Mi incuriosisce il machine learning.",
                &[],
                &["sql", "machine-learning"],
                &[],
            ),
        ];
        for &(text, claimed, learning, not_claimed) in rows {
            let (c, l, n) = kinds(text);
            assert_eq!(
                (c, l, n),
                (
                    claimed.iter().map(|s| s.to_string()).collect(),
                    learning.iter().map(|s| s.to_string()).collect(),
                    not_claimed.iter().map(|s| s.to_string()).collect()
                ),
                "{text:?}"
            );
        }
    }

    #[test]
    fn evidence_carries_the_cue_as_written() {
        let t = tax();
        let got = Matcher::new(&t).extract(&Document::from_text(
            "Built it in Python; Never Used Docker.\nSkills: Python\nInterested in Kafka",
        ));
        let docker = &got.not_claimed[0];
        assert_eq!(docker.id, "docker");
        assert_eq!(docker.evidence[0].cue.as_deref(), Some("Never Used"));
        let kafka = &got.learning[0];
        assert_eq!(kafka.evidence[0].cue.as_deref(), Some("Interested in"));
        assert!(got.skills[0].evidence.iter().all(|e| e.cue.is_none()));
    }

    /// The stance of a skill at `at` as a direct search of its clause, the definition that
    /// [`LineCues`] indexes once per line.
    fn stance_direct(lower: &str, at: usize, spans: &[ByteRange]) -> Option<Stance> {
        let p = phrases();
        let word_start = |i: usize| {
            lower[i..].chars().next().is_some_and(is_cjk)
                || (lower[i..].chars().next().is_some_and(is_word)
                    && lower[..i].chars().next_back().is_none_or(|c| !is_word(c)))
        };
        // Every phrase written at byte `i`, outside skill names.
        let at_i = |i: usize| -> Vec<(usize, Role)> {
            if !lower.is_char_boundary(i) || !word_start(i) {
                return Vec::new();
            }
            let mut out = Vec::new();
            for (list, role) in LISTS {
                for &entry in list.entries() {
                    if cue_key(entry).is_empty() {
                        continue;
                    }
                    if let Some(end) = phrase_at(lower, i, entry)
                        && !spans.iter().any(|r| i < r.end && r.start < end)
                    {
                        out.push((end, role));
                    }
                }
            }
            out
        };
        let is_break = |i: usize| {
            at_i(i).iter().any(|&(_, r)| r == Role::Break)
                || lower[i..].chars().next().is_some_and(|c| {
                    is_mark_break(&p.marks, lower, i, c)
                        && !spans
                            .iter()
                            .any(|r| i < r.end && r.start < i + c.len_utf8())
                })
        };
        let breaks: Vec<usize> = (0..lower.len())
            .filter(|&i| lower.is_char_boundary(i) && is_break(i))
            .collect();
        // The clause: after the last break ending at or before `at`.
        let mut start = 0;
        let mut end = lower.len();
        for &b in &breaks {
            let b_end = at_i(b)
                .iter()
                .filter(|&&(_, r)| r == Role::Break)
                .map(|&(e, _)| e)
                .max()
                .unwrap_or_else(|| b + lower[b..].chars().next().unwrap().len_utf8());
            if b_end <= at {
                start = start.max(b_end);
            } else if b >= at {
                end = end.min(b);
            }
        }
        // The nearest cue of each direction.
        let mut forward: Option<(usize, Stance)> = None;
        let mut backward: Option<(usize, Stance)> = None;
        // Annotations after a colon or dash reach back to their item's start only, and
        // replace a cue written at the same place.
        let separated = separated_annotations(lower, spans);
        for &(r, stance, from) in &separated {
            if r.start >= at
                && r.end <= end
                && from <= at
                && backward.is_none_or(|(d, _)| r.start - at < d)
            {
                backward = Some((r.start - at, stance));
            }
        }
        for i in start..end.min(lower.len()) {
            if separated.iter().any(|(r, ..)| r.start == i) {
                continue;
            }
            for (e, role) in at_i(i) {
                let Role::Cue(stance, reach) = role else {
                    continue;
                };
                let (best, distance) = match reach {
                    Reach::Forward if e <= at => (&mut forward, at - e),
                    Reach::Opener if e <= at && !lower[start..i].chars().any(is_word) => {
                        (&mut forward, at - e)
                    }
                    Reach::Backward | Reach::BackwardNear
                        if i >= at
                            && e <= end
                            && lower[i..].starts_with(is_cjk)
                            && cjk_run_before(lower, spans, i) <= at =>
                    {
                        (&mut backward, i - at)
                    }
                    Reach::Backward if i >= at && e <= end && !lower[i..].starts_with(is_cjk) => {
                        (&mut backward, i - at)
                    }
                    Reach::BackwardNear
                        if i >= at
                            && e <= end
                            && !lower[i..].starts_with(is_cjk)
                            && near_start(lower, i) <= at =>
                    {
                        (&mut backward, i - at)
                    }
                    Reach::Adjacent
                        if e <= at && adjacent_run(lower, spans, e).is_some_and(|u| at < u) =>
                    {
                        (&mut forward, at - e)
                    }
                    _ => continue,
                };
                if best.is_none_or(|(d, _)| distance < d) {
                    *best = Some((distance, stance));
                }
            }
        }
        match (forward, backward) {
            (Some((f, _)), Some((b, s))) if b < f => Some(s),
            (Some((_, s)), _) => Some(s),
            (None, b) => b.map(|(_, s)| s),
        }
    }

    /// "Because" ends a clause: the negation before it governs nothing after. A colon does
    /// not (a list after a negation stays negated).
    #[test]
    fn causal_conjunctions_break_clauses() {
        assert_lists(&[
            (
                "Neither Kafka nor Docker, because I had set up Kubernetes already.",
                &["kubernetes"],
                &[],
                &["kafka", "docker"],
            ),
            ("Not familiar with: Docker", &[], &[], &["docker"]),
        ]);
    }

    /// A passive clause whose agent is a group of others is about their work ("built in React
    /// by the mobile squad"), from its auxiliary on; not without an auxiliary before the skill
    /// or with "by me". People outside and compounds ending in "team" open clauses about
    /// others, in German and Dutch too.
    #[test]
    fn passive_agents_and_other_people_as_subjects() {
        assert_lists(&[
            (
                "The rider app is built in React by the mobile squad; I maintain the API.",
                &[],
                &[],
                &["react"],
            ),
            (
                "Our reports were written in SQL by the interns before they reached me.",
                &[],
                &[],
                &["sql"],
            ),
            (
                "I built dashboards in Python used by the sales team.",
                &["python"],
                &[],
                &[],
            ),
            ("Reports were built in Excel by me.", &["excel"], &[], &[]),
            (
                "The owner's son wrote a small Python script.",
                &[],
                &[],
                &["python"],
            ),
            (
                "The audio programmers own the C++ side.",
                &[],
                &[],
                &["cpp"],
            ),
            (
                "Das Frontend-Team entwickelt mit React; ich arbeite mit Java.",
                &["java"],
                &[],
                &["react"],
            ),
            (
                "Het mobiele team bouwde apps in Swift.",
                &[],
                &[],
                &["swift"],
            ),
            (
                "My colleagues use Docker, I use Kubernetes.",
                &["kubernetes"],
                &[],
                &["docker"],
            ),
            ("I don't write Go or Rust.", &[], &[], &["go", "rust"]),
            ("I write Go and Rust.", &["go", "rust"], &[], &[]),
        ]);
    }

    /// "My" and the people a person manages open a clause about them ("my analysts build
    /// ..."), up to an "I" or "we"; "my engineers and I" holds the person.
    #[test]
    fn the_people_a_person_manages_are_others() {
        let cases: &[Case<'_>] = &[
            (
                "I set the roadmap; my analysts build the Kafka pipelines, and I write the SQL myself.",
                &["sql"],
                &[],
                &["kafka"],
            ),
            (
                "My reports own the Docker images; I review them.",
                &[],
                &[],
                &["docker"],
            ),
            (
                "My engineers and I built the Kafka pipeline.",
                &["kafka"],
                &[],
                &[],
            ),
            ("I mentored my interns in Python.", &["python"], &[], &[]),
            (
                "Hired Java, Python and Go backend engineers.",
                &[],
                &[],
                &["java", "python", "go"],
            ),
            (
                "Hired 5 engineers and moved us to Kubernetes.",
                &["kubernetes"],
                &[],
                &[],
            ),
        ];
        assert_lists(cases);
    }

    /// A line, and the skills found in it that it claims, learns and does not claim.
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);

    /// Asserts each case's three lists (implied skills left out) on the test taxonomy.
    fn assert_lists(cases: &[Case<'_>]) {
        let t = tax();
        let m = Matcher::new(&t);
        for &(line, claimed, learning, not_claimed) in cases {
            let got = m.extract(&Document::from_text(line));
            let listed = |list: &[crate::matcher::FoundSkill]| {
                list.iter()
                    .filter(|s| s.how != crate::matcher::MatchKind::Implied)
                    .map(|s| s.id.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(listed(&got.skills), claimed, "{line}");
            assert_eq!(listed(&got.learning), learning, "{line}");
            assert_eq!(listed(&got.not_claimed), not_claimed, "{line}");
        }
    }

    /// An exception opens its clause and negates the skills right after it ("every cloud
    /// except Azure: AWS daily"), and so does a quantity of none ("none in Docker").
    #[test]
    fn exceptions_and_zero_quantities_negate_their_run() {
        assert_lists(&[
            (
                "All the databases other than Kafka: PostgreSQL and SQL, daily.",
                &["postgresql", "sql"],
                &[],
                &["kafka"],
            ),
            (
                "Every tool except for Docker and Kubernetes.",
                &[],
                &[],
                &["docker", "kubernetes"],
            ),
            (
                "Two apps in Python and none in Java.",
                &["python"],
                &[],
                &["java"],
            ),
            (
                "Zero hours in Docker so far; Kubernetes daily.",
                &["kubernetes"],
                &[],
                &["docker"],
            ),
        ]);
    }

    /// A negation cancelled before it in its clause claims ("not that I haven't used"); a
    /// question takes the stance of a cue that opens its answer ("Do I know Rust? No.");
    /// hedges and reported questions claim nothing.
    #[test]
    fn double_negations_questions_and_hedges() {
        assert_lists(&[
            (
                "It's not that I haven't used Docker; I ran it for years.",
                &["docker"],
                &[],
                &[],
            ),
            (
                "I wouldn't say I'm unfamiliar with Kubernetes.",
                &["kubernetes"],
                &[],
                &[],
            ),
            (
                "I can't claim I've never touched Docker. Never used Kafka.",
                &["docker"],
                &[],
                &["kafka"],
            ),
            (
                "Do I know Rust? No, not yet. Python? Daily.",
                &["python"],
                &[],
                &["rust"],
            ),
            (
                "Kubernetes? Planning to learn it this year.",
                &[],
                &["kubernetes"],
                &[],
            ),
            (
                "I'm vaguely familiar with Kafka, and the recruiter asked whether I knew Docker.",
                &[],
                &[],
                &["kafka", "docker"],
            ),
            (
                "Mentors keep telling me to learn Rust.",
                &[],
                &["rust"],
                &[],
            ),
            ("Currently taking a Kafka course.", &[], &["kafka"], &[]),
        ]);
    }

    /// A concessive clause ends at its comma; a plan whose object is a pronoun makes the
    /// skills negated in the clause before it learning; interest does not.
    #[test]
    fn concessive_clauses_and_plans_of_negated_skills() {
        assert_lists(&[
            (
                "Although I never touched Kafka, I shipped the platform on Kubernetes.",
                &["kubernetes"],
                &[],
                &["kafka"],
            ),
            (
                "Even though I have not used Docker, I know Kubernetes well.",
                &["kubernetes"],
                &[],
                &["docker"],
            ),
            (
                "No Kubernetes yet, but I plan to learn it next year.",
                &[],
                &["kubernetes"],
                &[],
            ),
            (
                "I have not used Kafka; learning it is on my list.",
                &[],
                &["kafka"],
                &[],
            ),
            (
                "Never used Docker; only read about it. Python daily.",
                &["python"],
                &[],
                &["docker"],
            ),
        ]);
    }

    /// An annotation after a skill and a colon or a spaced dash governs that item only
    /// ("Docker daily, Kubernetes - none" claims Docker), and only when it ends the item.
    #[test]
    fn an_annotation_after_a_colon_or_dash_governs_its_item() {
        assert_lists(&[
            ("Kubernetes: not yet.", &[], &[], &["kubernetes"]),
            (
                "Docker daily, Kubernetes - none",
                &["docker"],
                &[],
                &["kubernetes"],
            ),
            (
                "Rust \u{2013} in progress, Go: never, Java",
                &["java"],
                &["rust"],
                &["go"],
            ),
            ("Python: learning", &[], &["python"], &[]),
            // Not an annotation: it goes on.
            (
                "Python: learning analytics pipelines",
                &["python"],
                &[],
                &[],
            ),
        ]);
    }

    /// A parenthesis right after a skill annotates that item only: a cue inside it governs
    /// the item (back to the list separator before it) and nothing after the parenthesis;
    /// a bare annotation ("learning", "not yet") is a cue there and only there; a negation
    /// word opening it ("no long-lived keys") disclaims nothing outside.
    #[test]
    fn a_parenthesis_after_a_skill_annotates_that_item_only() {
        let cases: &[Case<'_>] = &[
            (
                "Languages: Python (expert), Rust (currently learning), Java (basic)",
                &["python", "java"],
                &["rust"],
                &[],
            ),
            (
                "Go 4/5 · Kafka 3/5 · Docker 0/5 (next on my list)",
                &["go", "kafka"],
                &["docker"],
                &[],
            ),
            (
                "Skills: Go, Python, Docker (learning)",
                &["go", "python"],
                &["docker"],
                &[],
            ),
            (
                "Tools: Docker, Kubernetes (not yet), SQL",
                &["docker", "sql"],
                &[],
                &["kubernetes"],
            ),
            (
                "Deployed Python services to Kubernetes (no long-lived keys).",
                &["python", "kubernetes"],
                &[],
                &[],
            ),
            (
                "Courses: Intro to Machine Learning - Python labs (in progress), Databases - SQL",
                &["sql"],
                &["machine-learning", "python"],
                &[],
            ),
            (
                "Next: Kubernetes, which IT will trial.",
                &[],
                &["kubernetes"],
                &[],
            ),
            ("Next, I built the Kafka pipeline.", &["kafka"], &[], &[]),
            (
                "Deployed Python on Docker (next: Kubernetes)",
                &["python", "docker"],
                &["kubernetes"],
                &[],
            ),
            (
                "Python for machine learning (online course, halfway through)",
                &[],
                &["python", "machine-learning"],
                &[],
            ),
        ];
        assert_lists(cases);
    }

    /// Chinese, Japanese and Korean write names against the text around them and put their
    /// cues with no spaces: the names are found, an after-cue governs only the run of skills
    /// right before it (a particle between), and a comma or a full-width mark before a CJK
    /// character ends a clause.
    #[test]
    fn cjk_text_finds_names_and_cues() {
        let cases: &[Case<'_>] = &[
            (
                "PythonとDjangoでAPIを開発しました。Rustを勉強中です。",
                &["python"],
                &["rust"],
                &[],
            ),
            (
                "熟悉Python和Java，正在学习Rust。",
                &["python", "java"],
                &["rust"],
                &[],
            ),
            (
                "没有使用过Docker，但熟悉Kubernetes。",
                &["kubernetes"],
                &[],
                &["docker"],
            ),
            (
                "Python으로 API를 만들었고, 지금은 Docker와 Kubernetes를 공부하고 있습니다.",
                &["python"],
                &["docker", "kubernetes"],
                &[],
            ),
            ("R은 사용해 본 적이 없습니다.", &[], &[], &["r"]),
            ("Kubernetesの経験はありません。", &[], &[], &["kubernetes"]),
        ];
        assert_lists(cases);
    }

    /// A negation before a skill governs the skills coordinated with it, and no other.
    #[test]
    fn a_negation_before_a_skill_governs_its_run_only() {
        let line = "shipped without docker or podman, on kubernetes";
        let spans = [
            ByteRange::new(16, 22),
            ByteRange::new(26, 32),
            ByteRange::new(37, 47),
        ];
        let cues = LineCues::new(line, &spans);
        let stances: Vec<_> = spans
            .iter()
            .map(|s| cues.at(s.start).map(|c| c.stance))
            .collect();
        assert_eq!(
            stances,
            [Some(Stance::NotClaimed), Some(Stance::NotClaimed), None]
        );
    }

    #[test]
    fn the_line_index_answers_as_the_direct_search() {
        let words = [
            "currently learning",
            "learning",
            "rust",
            "go",
            "want to",
            "no",
            "never used",
            "is not something",
            "none yet",
            "and",
            ".",
            "; ",
            "but",
            "only",
            "not",
            "machine",
            "python",
            "learning:",
            "i",
            "interested in",
            "without",
            "prior",
            "relearning",
            "e.g.",
            "-",
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
            // Skill spans: a few sorted, non-overlapping words.
            let starts: Vec<usize> = super::super::wraps::word_starts(&line).collect();
            let mut spans = Vec::new();
            let mut last_end = 0;
            for &s in &starts {
                if s >= last_end && next(3) == 0 {
                    let e = line[s..].find(' ').map_or(line.len(), |i| s + i);
                    spans.push(ByteRange::new(s, e));
                    last_end = e;
                }
            }
            let cues = LineCues::new(&line, &spans);
            for &s in &spans {
                assert_eq!(
                    cues.at(s.start).map(|c| c.stance),
                    stance_direct(&line, s.start, &spans),
                    "{line:?} at {}, spans {spans:?}",
                    s.start
                );
            }
        }
    }
}
