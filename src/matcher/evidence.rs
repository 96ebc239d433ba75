//! Rule: which matches of a line are skills ([`Matcher::accept_line`]). A match inside one of
//! its skill's reject phrases ("go live"), inside a proper noun ("Perl Street", `proper.rs`)
//! or an acronym spelled out as something else ("RTI (Reflectance Transformation Imaging)",
//! `expansion.rs`) is not; an ambiguous form needs evidence
//! ([`Matcher::accept_ambiguous`]): a skills line, a course title, a learning cue, a version,
//! a cue phrase of the skill, a generic cue word (`cues/evidence_*.txt`), or an accepted list
//! neighbour; a following year or a preceding "at" vetoes it ([`Matcher::vetoed`]).

use super::candidates::LineMatch;
use super::cues::{CUE_AFTER, CUE_AFTER_HYPHEN, CUE_BEFORE, CUE_BEFORE_IN, ends_with_words};
use super::expansion::spelled_out_otherwise;
use super::learning::LineCues;
use super::proper::in_proper_noun;
use super::{LineCtx, Matcher, is_word};
use crate::extract::normalize::normalize_line;
use crate::taxonomy::Text;
use skillgap_data::Category;

/// A reject or cue phrase of a skill, ASCII-lowercased, anchored on a form of the skill.
#[derive(Debug)]
struct Phrase {
    lower: String,
    /// Byte offset of the skill's form inside `lower`.
    anchor: usize,
    /// The phrase is written all in lowercase with the form after its first word ("in
    /// unity", "with gusto", "from scratch"): the form is the ordinary word there, so the
    /// phrase does not reject a capitalised name after a lowercase word ("a platformer in
    /// Unity", "payroll with Gusto"), only the words as written or in a title ("From Scratch").
    lowercase_word: bool,
}

/// A skill's reject and cue phrases, compiled on first use (few skills ever need them).
#[derive(Debug, Default)]
pub(super) struct Phrases {
    reject: Vec<Phrase>,
    cues: Vec<Phrase>,
}

impl Matcher<'_> {
    /// The reject and cue phrases of skill `i`, compiled on first use.
    fn phrases_of(&self, i: usize) -> &Phrases {
        self.phrases[i].get_or_init(|| {
            let skill = self.taxonomy.skill(i);
            let (from, to) = self.index.skill_patterns[i];
            let mut lowers: Vec<String> = Vec::new();
            for p in &self.index.patterns[from as usize..to as usize] {
                let lower = self.lower(p);
                if !lowers.iter().any(|l| l == lower) {
                    lowers.push(lower.to_owned());
                }
            }
            Phrases {
                reject: phrases(&skill.reject, &lowers),
                cues: phrases(&skill.cues, &lowers),
            }
        })
    }

    /// True when `lower` (ASCII lowercase) is one of the forms of skill `i`.
    fn is_form_of(&self, i: usize, lower: &str) -> bool {
        let (from, to) = self.index.skill_patterns[i];
        self.index.patterns[from as usize..to as usize]
            .iter()
            .any(|p| self.lower(p) == lower)
    }

    /// Which matches of a line are skills: not inside a reject phrase, and, for ambiguous
    /// plain-word forms, with evidence. A list neighbour counts as evidence once it is itself
    /// accepted, so "Java 21 and Maven" accepts Maven through Java; repeated until stable.
    /// `row_cued`: the bytes of a table row governed by a cue cell, the cells after a first
    /// cell that is a cue alone ("Currently learning | Java") or before a later cell that opens
    /// with one ("Java | Never used"); the cue is evidence for the matches there.
    pub(super) fn accept_line(
        &self,
        ctx: &LineCtx<'_>,
        matches: &[LineMatch],
        learning: &LineCues,
        list_continues: bool,
        row_cued: Option<std::ops::Range<usize>>,
    ) -> Vec<bool> {
        let rejected: Vec<bool> = matches
            .iter()
            .enumerate()
            .map(|(k, m)| {
                // A capitalised name joined to the next skill of the line is a list item:
                // "Unity and Unreal Engine" is no "unity and ..." of the reject list.
                let listed = || {
                    ctx.text[m.start..m.end].starts_with(char::is_uppercase)
                        && matches
                            .get(k + 1)
                            .is_some_and(|n| only_separators(&ctx.text[m.end..n.start]))
                };
                self.phrases_of(self.pattern(m.pattern).skill as usize)
                    .reject
                    .iter()
                    .any(|p| {
                        phrase_at(&ctx.lower, m.start, p)
                            && !capitalised_name(ctx.text, m, p)
                            && !(p.anchor == 0 && listed())
                    })
                    || in_proper_noun(ctx.text, &ctx.lower, m.start, m.end, ctx.skills_line)
                    || unit_of_measure(&ctx.lower, m.start, m.end)
                    || spelled_out_otherwise(ctx.text, m.start, m.end, |e| {
                        self.is_form_of(self.pattern(m.pattern).skill as usize, e)
                    })
            })
            .collect();
        let mut accepted: Vec<bool> = matches
            .iter()
            .enumerate()
            .map(|(k, m)| {
                !rejected[k]
                    && (!m.needs_evidence
                        || self.accept_ambiguous(
                            ctx,
                            m,
                            matches,
                            learning.at(m.start).is_some()
                                || row_cued.as_ref().is_some_and(|r| r.contains(&m.start)),
                        ))
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
                    Some(j) => {
                        accepted[j]
                            && (only_separators(&ctx.text[matches[j].end..m.start])
                                || from_to(&ctx.lower, &matches[j], m)
                                || parallel(&ctx.lower, &matches[j], m))
                    }
                    None => list_continues && only_separators(&ctx.text[..m.start]),
                };
                let next = k + 1 < matches.len()
                    && accepted[k + 1]
                    && (only_separators(&ctx.text[m.end..matches[k + 1].start])
                        || from_to(&ctx.lower, m, &matches[k + 1])
                        || parallel(&ctx.lower, m, &matches[k + 1]));
                if prev || next {
                    accepted[k] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // A product named mid-sentence beside a tool the line already names ("Consul + Vault
        // for service discovery", "Set up Jenkins build pipelines and Perforce branching").
        let tools_named = matches
            .iter()
            .zip(&accepted)
            .filter(|&(m, &a)| a && !self.is_practice(m))
            .count();
        for k in 0..matches.len() {
            let m = &matches[k];
            if accepted[k] || rejected[k] || self.vetoed(ctx, m) || self.is_practice(m) {
                continue;
            }
            if tools_named >= MIN_TOOLS_BESIDE && named_mid_sentence(ctx.text, m.start, m.end) {
                accepted[k] = true;
            }
        }
        accepted
    }

    /// True when match `m` names a skill of the category `practice`.
    fn is_practice(&self, m: &LineMatch) -> bool {
        let skill = self.pattern(m.pattern).skill as usize;
        self.taxonomy.skill(skill).category == Category::Practice
    }

    /// Generic vetoes of an ambiguous form: a following year ("Spring 2022") or a preceding
    /// "at" (an employer: "at Shell").
    fn vetoed(&self, ctx: &LineCtx<'_>, m: &LineMatch) -> bool {
        starts_with_year(ctx.lower[m.end..].trim_start())
            || last_word(&ctx.lower[..m.start]) == "at"
    }

    /// Whether an ambiguous plain-word match has evidence of its own: a skills line, a
    /// learning cue ("currently learning Rust"), an attached version, a cue phrase of the
    /// skill or a generic cue word. List neighbours are weighed in [`Matcher::accept_line`].
    fn accept_ambiguous(
        &self,
        ctx: &LineCtx<'_>,
        m: &LineMatch,
        matches: &[LineMatch],
        learning: bool,
    ) -> bool {
        let skill = self.pattern(m.pattern).skill as usize;
        let lower = &ctx.lower;
        if self.vetoed(ctx, m) {
            return false;
        }
        if (ctx.skills_line && !m.list_only) || learning || ctx.course_line {
            return true;
        }
        if fills_table_cell(ctx.text, m.start, m.end_with_version) {
            // Not before a year ("| Spring | 2022 |" is a term).
            let next = ctx.lower[m.end_with_version..].trim_start();
            return !starts_with_year(next.trim_start_matches('|').trim_start());
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
        cue_word(&lower[..m.start], &lower[m.end..]) || self.named_after_in(ctx, m, matches, skill)
    }

    /// Whether a product's name stands as the object of "in", written as the taxonomy
    /// writes it ("rewrote the hot path in Rust", "kept the service in Go", "modelled in
    /// Snowflake"): ambiguous forms already match only in their own case, so a capitalised
    /// "Rust" after "in" is the language, not the word. Practices are left out (their names
    /// are ordinary nouns: "in Networking"), and so are names of one letter ("in R&D", "in C"),
    /// names followed by another capitalised word or a possessive (a longer proper name: "in
    /// Swift Current", "in Julia's team"), names followed by a comma, "and" or "or" and a
    /// capitalised word (a place: "in Phoenix, Arizona", "in Java and Sumatra"), and season
    /// words ("in Spring").
    fn named_after_in(
        &self,
        ctx: &LineCtx<'_>,
        m: &LineMatch,
        matches: &[LineMatch],
        skill: usize,
    ) -> bool {
        if self.taxonomy.skill(skill).category == Category::Practice
            || !ends_with_words(&ctx.lower[..m.start], "in")
        {
            return false;
        }
        let name = &ctx.text[m.start..m.end];
        if name.chars().count() < 2 || !name.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        if SEASONS.contains(&ctx.lower[m.start..m.end].trim()) {
            return false;
        }
        let rest = &ctx.text[m.end..];
        let capital_next = |s: &str| s.trim_start().starts_with(|c: char| c.is_uppercase());
        let possessive = rest.starts_with("'s") || rest.starts_with("\u{2019}s");
        let joined = rest.starts_with(' ') && capital_next(rest);
        // A comma, "and" or "or" before a capitalised word: a place or a name in a list ("in
        // Java and Sumatra"); a skill there is accepted as a list neighbour instead.
        // A skill name there is no place: "in Go and Java" names two languages.
        let listed = [",", " and ", " or ", " &"].iter().any(|sep| {
            let after = &rest[sep.len().min(rest.len())..];
            let at = m.end + sep.len() + (after.len() - after.trim_start().len());
            rest.starts_with(sep) && capital_next(after) && !matches.iter().any(|o| o.start == at)
        });
        !(possessive || joined || listed)
    }
}

/// True when bytes `start..end` of `text` are a whole cell of a table row (cells between `|`
/// marks, at least two marks in the line): "| Go | Expert |" lists Go as an item.
fn fills_table_cell(text: &str, start: usize, end: usize) -> bool {
    text.matches('|').count() >= 2
        && text[..start].trim_end().ends_with('|')
        && text[end..].trim_start().starts_with('|')
}

/// Accepted tools or languages a line must name before a capitalised ambiguous name in it
/// counts without a cue of its own.
const MIN_TOOLS_BESIDE: usize = 2;

/// True when the name at `start..end` of `text` is written capitalised inside a sentence:
/// after a word or a comma, not at the line's or a sentence's start, and not followed by
/// another capitalised word or a possessive (a longer proper name: "Vault Capital", "Julia
/// Roberts", "Jenkins's"), in a line that is not in title case (headings, names of works).
fn named_mid_sentence(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    if name.chars().count() < 3 || !name.starts_with(char::is_uppercase) {
        return false;
    }
    let before = text[..start].trim_end();
    let inside = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '+' | '/' | '&' | '('));
    if !inside || before.split_whitespace().count() < 1 {
        return false;
    }
    let rest = &text[end..];
    let possessive = rest.starts_with("'s") || rest.starts_with("\u{2019}s");
    let next_capital =
        rest.starts_with(' ') && rest.trim_start().starts_with(|c: char| c.is_uppercase());
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic) && w.chars().count() > 3)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let title_case = capitalised * 3 >= words.len() * 2;
    !(possessive || next_capital || title_case)
}

/// Season words, which follow "in" as dates do ("graduating in Spring").
const SEASONS: [&str; 4] = ["spring", "summer", "fall", "winter"];

/// True when two matches of a line stand as "from A to B" (a migration: "moved the monolith
/// from PHP to Go"): each is the other's neighbour, as in a list.
fn from_to(lower: &str, a: &LineMatch, b: &LineMatch) -> bool {
    lower[a.end..b.start].trim() == "to" && last_word(&lower[..a.start]) == "from"
}

/// True when a generic cue stands around a form: `before` and `after` are the lowercase text
/// before and after it ("written in", "using", "on top of", "sobre" before; "components"
/// after; "-based" joined to it), or the form is a hashtag ("#Dart", a tag as in a list).
fn cue_word(before: &str, after: &str) -> bool {
    let hashtag = before
        .strip_suffix('#')
        .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
    if hashtag {
        return true;
    }
    let hyphen_cue = after
        .strip_prefix('-')
        .is_some_and(|rest| CUE_AFTER_HYPHEN.entries().contains(&first_word(rest)));
    let after = after.trim_start();
    let word = last_word(before);
    let in_cue = word == "in"
        && CUE_BEFORE_IN
            .entries()
            .contains(&last_word(&before[..before.trim_end().len() - 2]));
    in_cue
        || hyphen_cue
        || CUE_BEFORE
            .entries()
            .iter()
            .any(|e| ends_with_words(before, e))
        || CUE_AFTER.entries().contains(&first_word(after))
}

/// Prepositions that may repeat after each item of a list of parallel items.
/// ("in" and "on" are left out: "Spring in Berlin, Kotlin in production" names a season.)
const PARALLEL_PREPOSITIONS: [&str; 3] = ["for", "with", "via"];

/// Words of time and frequency that may follow each item of a list of parallel items, not
/// necessarily the same one ("Python daily, Go weekly", "Jenkins until 2019, GitLab CI since").
const PARALLEL_ADVERBS: [&str; 14] = [
    "daily",
    "weekly",
    "monthly",
    "occasionally",
    "rarely",
    "never",
    "until",
    "since",
    "before",
    "after",
    "next",
    "once",
    "twice",
    "nowhere",
];

/// True when matches `a` and `b` of `lower` are items of a list of parallel phrases, each
/// name followed by the same preposition, or each by a word of time or frequency, and one to
/// three words ("Java for backend, Kotlin for Android", "Python for scripts and R for
/// statistics", "Jenkins until 2019, GitLab CI since"): the items are list neighbours.
fn parallel(lower: &str, a: &LineMatch, b: &LineMatch) -> bool {
    let between = &lower[a.end..b.start];
    let trimmed = between.trim_end();
    let mark = trimmed.ends_with([',', ';']);
    let separated = mark
        || COORDINATORS
            .iter()
            .any(|c| ends_with_words(trimmed, c) && trimmed.len() > c.len());
    let words: Vec<&str> = between
        .split(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(&prep) = words.first() else {
        return false;
    };
    let items = words.len() - usize::from(!mark);
    let next = first_word(lower[b.end..].trim_start());
    let same_preposition = PARALLEL_PREPOSITIONS.contains(&prep) && next == prep;
    let adverbs = PARALLEL_ADVERBS.contains(&prep) && PARALLEL_ADVERBS.contains(&next);
    separated
        && (same_preposition || adverbs)
        && (usize::from(!adverbs) + 1..=4).contains(&items)
        && between.starts_with(' ')
        && lower[b.end..].starts_with(' ')
}

/// The phrases of `raw` that hold one of the forms (ASCII-lowercased, on word boundaries),
/// anchored on the first such form; the others can never match and are left out.
fn phrases(raw: &[Text], forms_lower: &[String]) -> Vec<Phrase> {
    raw.iter()
        .filter_map(|p| {
            let written = normalize_line(p);
            let lower = skillgap_data::form::fold_case(&written);
            forms_lower
                .iter()
                .filter_map(|f| find_word(&lower, f))
                .min()
                .map(|anchor| Phrase {
                    lowercase_word: anchor > 0 && !written.chars().any(char::is_uppercase),
                    lower,
                    anchor,
                })
        })
        .collect()
}

/// The first place `needle` stands in `hay` as a word (a version may follow it).
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

/// True when a reject phrase written in lowercase with the name inside it (see
/// [`Phrase::lowercase_word`]) meets the name capitalised after a lowercase first word: "in
/// Unity" is the engine, "in unity" and "In Unity" (a title) are not.
fn capitalised_name(text: &str, m: &LineMatch, phrase: &Phrase) -> bool {
    let start = m.start - phrase.anchor;
    phrase.lowercase_word
        && text[m.start..m.end].starts_with(char::is_uppercase)
        && text[start..].starts_with(char::is_lowercase)
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

/// True when `s` starts with a year of 1900..2099 standing alone ("2022", "2019-2021").
fn starts_with_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[..2] == *b"19" || b[..2] == *b"20")
        && b.get(4).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// The last word of `s` (trailing spaces ignored); empty when `s` ends in a non-word sign.
fn last_word(s: &str) -> &str {
    let s = s.trim_end();
    let start = s
        .rfind(|c: char| !is_word(c))
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[start..]
}

/// True when the match at `start..end` of `lower` is a unit of measure: a short form (three
/// letters at most) after a number and before "of" ("500 ML of buffer", "2 TB of logs"), where
/// acronyms such as ML name a quantity, not a skill.
fn unit_of_measure(lower: &str, start: usize, end: usize) -> bool {
    let name = &lower[start..end];
    let before = lower[..start].trim_end();
    let number = last_word(before);
    name.chars().count() <= 3
        && name.chars().all(|c| c.is_ascii_alphabetic())
        && before.len() < start
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && first_word(lower[end..].trim_start()) == "of"
}

/// The word `s` starts with; empty when it starts with a non-word sign.
fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !is_word(c)).unwrap_or(s.len());
    &s[..end]
}

/// True when the match `start..end` of `text` (its end after any attached version) stands
/// alone as an item of a list: between the line's start, a list sign (`,;/|:•·(` or a bullet
/// dash) or "and"/"or" before it, and the line's end, a list sign or "and"/"or" after it, with
/// at most a version number in between ("Skills: go, spark", "- go (1.22)", "docker and
/// k8s"). "I go the extra mile" is no item.
pub(super) fn stands_as_item(text: &str, start: usize, end: usize) -> bool {
    const SIGNS: &str = ",;/|:\u{2022}\u{b7}()[]-*+&\u{2013}\u{2014}";
    const JOINS: [&str; 6] = ["and", "or", "und", "oder", "y", "et"];
    let before = text[..start].trim_end();
    let spaced = before.len() < start;
    let left = before.is_empty()
        || before.ends_with(|c: char| SIGNS.contains(c))
        || (spaced && JOINS.contains(&last_word(&before.to_ascii_lowercase())));
    let rest = text[end..].trim_start();
    let version = rest
        .trim_start_matches(['v', 'V'])
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == 'x');
    let after = if rest.starts_with(|c: char| c.is_ascii_digit()) {
        version.trim_start()
    } else {
        rest
    };
    let right = after.is_empty()
        || after.starts_with(|c: char| SIGNS.contains(c) || c == '.')
        || JOINS.contains(&first_word(&after.to_ascii_lowercase()));
    left && right
}

/// Words that coordinate the items of a list: "and" and "or" in English, Spanish, French,
/// German, Italian, Portuguese, Dutch, Polish and Vietnamese ("Polygon y Ethereum", "Docker
/// und Kubernetes", "WooCommerce hay Magento"), Turkish, Indonesian and Malay, the
/// Scandinavian languages, Finnish, Hungarian, Romanian, Russian and Swahili ("Python ve
/// Django", "Excel na Power BI"), and Chinese, Japanese and Korean, which write them without
/// spaces ("Python和Java", "PythonとDjango", "Python과 Java"; "、" separates as a symbol).
/// Tagalog's "at" is left out: it is English "at" too ("Java at Google").
const COORDINATORS: &[&str] = &[
    "and", "or", "y", "o", "u", "e", "et", "ou", "und", "oder", "en", "i", "lub", "oraz", "và",
    "hay", "ve", "veya", "dan", "atau", "och", "eller", "og", "ja", "és", "și", "и", "или", "na",
    "和", "与", "及", "或", "と", "や", "및", "와", "과",
];

/// True when the text between two list items holds only separators, coordinators ([`COORDINATORS`]), and
/// version numbers ("Java 21 and Maven", "Python (3.11), Go"). Symbols outside ASCII that are
/// no letters or digits (emoji, stars, check marks, arrows used as bullets: "⭐ Go ⭐ Rust")
/// separate too.
pub(super) fn only_separators(between: &str) -> bool {
    between
        .split(|c: char| {
            c.is_whitespace()
                || ",;/|&()[]+·•:*".contains(c)
                || c == '-'
                || (!c.is_ascii() && !c.is_alphanumeric())
        })
        .all(|w| {
            let version = w.trim_start_matches(['v', 'V']);
            w.is_empty()
                || COORDINATORS.iter().any(|c| w.eq_ignore_ascii_case(c))
                || (!version.is_empty()
                    && version.starts_with(|c: char| c.is_ascii_digit())
                    && version
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == 'x'))
        })
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{ids, ids_in};
    use super::*;

    /// A reject phrase written in lowercase with the name after its first word ("in unity")
    /// rejects the word, not the capitalised name after a lowercase word; a title still
    /// rejects; an evidence word after the name ("Jenkins build pipelines") accepts it; a
    /// capitalised name joined to another skill is a list item ("Unity and Jenkins").
    #[test]
    fn lowercase_rejects_spare_a_capitalised_name() {
        let tax = r#"{"skills": [
            {"id": "unity", "name": "Unity", "category": "framework", "ambiguous": true,
             "reject": ["in unity", "unity and"]},
            {"id": "scratch", "name": "Scratch", "category": "language", "ambiguous": true,
             "reject": ["from scratch"]},
            {"id": "jenkins", "name": "Jenkins", "category": "tool", "ambiguous": true}
        ]}"#;
        let cases: &[(&str, &[&str])] = &[
            ("Built a 2D platformer in Unity.", &["unity"]),
            ("We worked in unity with the design team.", &[]),
            ("Building a Compiler From Scratch", &[]),
            ("Set up Jenkins build pipelines.", &["jenkins"]),
            ("Thanks to Jenkins for the review.", &[]),
            // A reject phrase that starts with the name spares it before another skill.
            (
                "Wrote Unity and Jenkins build pipelines",
                &["unity", "jenkins"],
            ),
            ("We value unity and diversity.", &[]),
        ];
        for &(text, want) in cases {
            assert_eq!(ids_in(tax, &format!("Resume\n{text}")), *want, "{text:?}");
        }
    }

    #[test]
    fn ambiguous_forms_need_case_and_evidence() {
        let cases: &[(&str, &[&str])] = &[
            ("Languages: Go, R, C", &["go", "r", "c"]),
            ("⭐ Go ⭐ Rust ⭐ Kafka", &["go", "rust", "kafka"]),
            ("✔ Go ✔ Kafka", &["go", "kafka"]),
            ("We will go live next week.", &[]),
            ("Owned the go-to-market plan.", &[]),
            ("I react calmly and excel at conflict resolution.", &[]),
            ("Spring 2022 semester: teaching assistant", &[]),
            ("Led R&D for a Series C startup.", &[]),
            ("Final grade: C (pass) in chemistry.", &[]),
            ("Worked at Shell as an attendant.", &[]),
            ("Travelled through Java and Bali in 2019.", &[]),
            ("Spent a month in Java and Sumatra.", &[]),
            ("Built the APIs in Go and Java.", &["go", "java"]),
            ("Services written in Java for payments", &["java"]),
            ("Rewrote the hot path in Rust.", &["rust"]),
            ("Moved the monolith from Python to Go.", &["python", "go"]),
            ("Went from zero to Go live in a week.", &[]),
            ("Kept the service in Go for now.", &["go"]),
            ("Moved to Phoenix in Spring.", &[]),
            ("Lived in Java, Indonesia for a year.", &[]),
            ("Joined the team in Swift Current.", &[]),
            ("Oversaw the rust-proofing of vans.", &[]),
            ("Delivered swift service.", &[]),
            (
                "Built the iOS app in Objective-C, later rewritten in Swift.",
                &["objective-c", "swift"],
            ),
            ("Services written in Go 1.22", &["go"]),
            ("Go 1.22 services", &["go"]),
            ("Built React components", &["react"]),
            ("Replaced Excel last year.", &["excel"]),
            ("Migrated from Java last year.", &["java"]),
            ("Maintained a Go client for a payments API", &["go"]),
            ("Wrote the Rust bindings", &["rust"]),
            ("Built it as a C extension", &["c"]),
            ("Python, Go and Docker", &["python", "go", "docker"]),
            // coordinators of other languages join list items
            ("Desplegado en Docker y Rust", &["docker", "rust"]),
            ("Docker et Go pour les services", &["docker", "go"]),
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
    fn wording_of_compounds_stacks_and_prepositions() {
        let cases: &[(&str, &[&str])] = &[
            // a hyphen stands for the space of a form, and "-based" is a cue
            ("Founded a machine-learning startup.", &["machine-learning"]),
            ("Moved the billing app to spring-boot.", &["spring-boot"]),
            ("Led the React-based rewrite of the portal.", &["react"]),
            ("Ran a Rust-powered edge proxy.", &["rust"]),
            ("Shipped a go-to plan.", &[]),
            ("A React-like feel", &[]),
            // prepositions before a product
            ("Dashboards on top of React and D3", &["react"]),
            ("Desarrollo sobre Java y Oracle.", &["java"]),
            ("Microservices auf Go und Kubernetes", &["go", "kubernetes"]),
            ("Motor control in embedded C for a robot arm", &["c"]),
            ("The laptop of Java fans", &[]),
            // a capitalised name mid-sentence beside two tools the line names
            (
                "Docker and Kubernetes on every host. Rust covered the old pipes.",
                &["docker", "kubernetes"],
            ),
            (
                "Docker and Kubernetes images, then Rust for the agent.",
                &["docker", "kubernetes", "rust"],
            ),
            ("Kafka and Docker with Julia Roberts.", &["kafka", "docker"]),
            (
                "Docker and Kafka at Go Fund Me Events.",
                &["docker", "kafka"],
            ),
            // one tool beside it is not enough
            ("Docker images, then Rust for the agent.", &["docker"]),
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
    fn lowercase_words_in_skills_lines_count_as_list_items_only() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Skills\nI go the extra mile and bring a spark of energy",
                &[],
            ),
            ("Skills\nI rust-proof and excel under pressure", &[]),
            ("Skills: I go the extra mile", &[]),
            ("Skills\ngo, rust, python", &["go", "rust", "python"]),
            ("Skills\n- go (1.22)\n- swift", &["go", "swift"]),
            ("Skills\ndocker and swift", &["docker", "swift"]),
            ("Languages: go 1.22 / rust", &["go", "rust"]),
            // evidence of its own still counts
            ("Skills\nservices written in go", &["go"]),
            // in the taxonomy's case, a skills line is evidence enough
            ("Skills\nI write Go and Rust daily", &["go", "rust"]),
        ];
        for (text, want) in cases {
            assert_eq!(ids(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn stands_as_item_table() {
        // (line, the form in it, an item)
        let rows: &[(&str, &str, bool)] = &[
            ("go, rust", "go", true),
            ("go, rust", "rust", true),
            ("Skills: go", "go", true),
            ("- go (1.22)", "go", true),
            ("go 1.22, rust", "go", true),
            ("docker and k8s", "k8s", true),
            ("docker or go.", "go", true),
            ("I go the extra mile", "go", false),
            ("bring a spark of energy", "spark", false),
            ("a spark, and more", "spark", false),
            ("go-to plan", "go", true), // a boundary rule, not this one, keeps "go-to" out
            ("land go", "go", false),
        ];
        for &(line, form, want) in rows {
            let start = line.find(form).unwrap();
            let got = stands_as_item(line, start, start + form.len());
            assert_eq!(got, want, "{line:?} / {form:?}");
        }
    }

    #[test]
    fn cue_word_table() {
        // (lowercase text before the form, after it, a cue word stands there)
        let rows: &[(&str, &str, bool)] = &[
            ("services written in ", " for payments", true),
            ("a month in ", " and sumatra", false),
            ("proficient in ", "", true),
            ("in ", "", false),
            ("built it using ", "", true),
            ("built it using: ", "", false),
            ("i know ", " well", true),
            ("built ", " components", true),
            ("built ", "  developers", true),
            ("built ", "-developers", false),
            ("the ", " service", true),
            ("the ", " servicing", false),
            ("built it on top of ", "", true),
            ("a laptop of ", "", false),
            ("experiencia sobre ", "", true),
            ("services auf ", "", true),
            ("firmware in embedded ", " for", true),
            ("led the ", "-based rewrite", true),
            ("led the ", "-like rewrite", false),
            ("led the ", " - based", false),
            ("", "", false),
        ];
        for &(before, after, want) in rows {
            assert_eq!(cue_word(before, after), want, "{before:?} / {after:?}");
        }
    }

    #[test]
    fn starts_with_version_table() {
        // (text after the form, the form has one letter, a version follows)
        let rows: &[(&str, bool, bool)] = &[
            (" 1.22", false, true),
            (" v3", false, true),
            (" V3.x", false, true),
            (" 21", false, true),
            ("1.22", false, false), // no space: attached versions are the boundary's
            (" 2022", false, false),
            (" 12345", false, false),
            (" 3rd", false, false),
            (" 3x", false, true),
            (" 1", true, false),
            (" 11", true, true),
            (" 4.2", true, true),
            (" 4.", true, false),
            ("", false, false),
            (" ", false, false),
        ];
        for &(rest, one_letter, want) in rows {
            assert_eq!(
                starts_with_version(rest, one_letter),
                want,
                "{rest:?}, one letter {one_letter}"
            );
        }
    }

    #[test]
    fn starts_with_year_table() {
        let rows: &[(&str, bool)] = &[
            ("2022", true),
            ("1999 and", true),
            ("2019-2021", true),
            ("2022a", false),
            ("20221", false),
            ("1822", false),
            ("202", false),
            ("", false),
        ];
        for &(s, want) in rows {
            assert_eq!(starts_with_year(s), want, "{s:?}");
        }
    }

    #[test]
    fn unit_of_measure_table() {
        // (lowercased line with the form marked by brackets, whether it is a unit)
        let rows: &[(&str, bool)] = &[
            ("prepared 500 [ml] of phosphate buffer", true),
            ("about 2 [tb] of logs a day", true),
            ("500 [ml] models", false),
            ("shipped 3 [ml] features of note", false),
            ("the [ml] of the team", false),
            ("version 2 [sql] queries", false),
            ("12 [rust] of iron", false),
            ("[ml] of", false),
        ];
        for &(marked, want) in rows {
            let start = marked.find('[').expect("a marked form");
            let end = marked.find(']').expect("a marked form") - 1;
            let line = marked.replace(['[', ']'], "");
            assert_eq!(unit_of_measure(&line, start, end), want, "{marked:?}");
        }
    }

    #[test]
    fn words_around_a_form_table() {
        // (text, its last word, its first word)
        let rows: &[(&str, &str, &str)] = &[
            ("written in ", "in", "written"),
            ("at", "at", "at"),
            ("", "", ""),
            ("(using", "using", ""),
            ("c++ ", "", "c"),
            ("caf\u{e9} ", "caf\u{e9}", "caf\u{e9}"),
            ("snake_case x", "x", "snake_case"),
        ];
        for &(text, last, first) in rows {
            assert_eq!(last_word(text), last, "last word of {text:?}");
            assert_eq!(first_word(text), first, "first word of {text:?}");
        }
    }

    /// A hashtag is a tag, as an item of a list is; a lowercase one stays a word.
    #[test]
    fn a_hashtag_is_evidence() {
        assert_eq!(ids("Shipped this week #Go #Rust"), ["go", "rust"]);
        assert!(ids("Back in the office #spring").is_empty());
        assert!(ids("Go team! Rust belt.").is_empty());
    }

    #[test]
    fn parallel_items_are_list_neighbours() {
        assert_eq!(
            ids("Java for backend, Docker for packaging and Swift for iOS."),
            ["java", "docker", "swift"]
        );
        assert_eq!(
            ids("Python for scripts, R for statistics."),
            ["python", "r"]
        );
        assert_eq!(
            ids("Rust until 2019, Docker since, Go weekly."),
            ["rust", "docker", "go"]
        );
        // Not parallel: no separator, another preposition, too many words between.
        assert_eq!(ids("R for statistics Python for scripts."), ["python"]);
        assert_eq!(ids("Spring in Berlin, Docker in production."), ["docker"]);
        assert_eq!(
            ids("Java for the whole of the backend, Docker for packaging."),
            ["docker"]
        );
    }

    #[test]
    fn only_separators_table() {
        let rows: &[(&str, bool)] = &[
            ("", true),
            (", ", true),
            (" and ", true),
            (" OR ", true),
            (" 21 and ", true),
            (" (3.11), ", true),
            (" v2.x / ", true),
            (" \u{b7} ", true),
            (" with ", false),
            (" 3rd ", false),
            (". ", false),
        ];
        for &(between, want) in rows {
            assert_eq!(only_separators(between), want, "{between:?}");
        }
    }

    #[test]
    fn phrases_anchor_on_a_form_table() {
        let forms = ["go".to_owned(), "golang".to_owned()];
        // (phrase, its anchor on a form, or left out)
        let rows: &[(&str, Option<usize>)] = &[
            ("go live", Some(0)),
            ("let's go", Some(6)),
            ("Go  Live", Some(0)),
            ("golang meetup", Some(0)),
            ("going out", None),
            ("ergo", None),
            ("go1.22 toolchain", Some(0)),
        ];
        for &(raw, want) in rows {
            let got = phrases(&[Text::from(raw)], &forms);
            assert_eq!(got.first().map(|p| p.anchor), want, "{raw:?}");
        }
        // A phrase matches only with its anchor at the match, on word boundaries.
        let phrase = Phrase {
            lower: "go live".to_owned(),
            anchor: 0,
            lowercase_word: false,
        };
        let rows: &[(&str, usize, bool)] = &[
            ("we go live", 3, true),
            ("we go live", 4, false),
            ("we go lively", 3, false),
            ("ergo live", 2, false),
            ("go", 0, false),
        ];
        for &(lower, at, want) in rows {
            assert_eq!(phrase_at(lower, at, &phrase), want, "{lower:?} at {at}");
        }
    }
}
