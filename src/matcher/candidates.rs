//! Rule: where forms occur in a line. The word index proposes candidates ([`Candidate`]); a
//! candidate is kept when it starts and ends on token boundaries, lies outside links, and is
//! written in a case its pattern allows; at each start the longest one wins
//! ([`Matcher::line_matches`]). A form compares equal to the text where a hyphen stands for
//! a space between words ("object-detection models"). In a skills line, a form that is a
//! dictionary word written in lowercase ("I go the extra mile") is a skill only as a list
//! item or with evidence of its own.

use super::cues::{LIST_FORMS, WORD_FORMS};
use super::evidence::stands_as_item;
use super::index::{first_run, key_hash};
use super::links::is_link_label;
use super::{LineCtx, Matcher, is_word};

/// An occurrence of a pattern's lowercase form in an ASCII-lowercased line, boundaries not
/// yet checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Candidate {
    /// Byte offset of the first byte of the form in the line.
    pub(super) start: usize,
    /// Byte offset just after the form.
    pub(super) end: usize,
    /// Pattern id in the index.
    pub(super) pattern: usize,
}

/// A boundary-checked match of a pattern in a line.
#[derive(Debug)]
pub(super) struct LineMatch {
    pub(super) start: usize,
    pub(super) end: usize,
    /// End including an attached version number ("HTML5").
    pub(super) end_with_version: usize,
    pub(super) pattern: usize,
    /// Accepted only with evidence: an ambiguous form, or an English-word form written in
    /// another case than the taxonomy's.
    pub(super) needs_evidence: bool,
    /// A dictionary word written in lowercase in a skills line, not as a list item ("I go
    /// the extra mile"): the skills line is no evidence for it; a cue or a neighbour is.
    pub(super) list_only: bool,
}

impl Matcher<'_> {
    /// Every occurrence of a form in an ASCII-lowercased line, in no particular order;
    /// boundaries are not checked here.
    fn candidates(&self, lower: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut verify = |start_of_run: usize, key: &str| {
            for id in self.index.keyed(key_hash(key)) {
                let p = self.pattern(id as usize);
                let Some(start) = start_of_run.checked_sub(p.anchor as usize) else {
                    continue;
                };
                let form = self.lower(p);
                let end = start + form.len();
                if lower
                    .get(start..end)
                    .is_some_and(|written| same_words(written, form))
                {
                    out.push(Candidate {
                        start,
                        end,
                        pattern: id as usize,
                    });
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
            out.extend(lower.match_indices(form).map(|(i, _)| Candidate {
                start: i,
                end: i + form.len(),
                pattern: id as usize,
            }));
        }
        out
    }

    /// Boundary-checked, non-overlapping matches of a line, longest first at each start.
    pub(super) fn line_matches(&self, ctx: &LineCtx<'_>) -> Vec<LineMatch> {
        let text = ctx.text;
        let mut all: Vec<LineMatch> = self
            .candidates(&ctx.lower)
            .into_iter()
            .filter_map(|m| {
                let pattern = self.pattern(m.pattern);
                let form = self.form(pattern);
                let end = if pattern.cjk {
                    m.end
                } else {
                    boundary_end(text, m.start, m.end, form)?
                };
                if !pattern.cjk && !boundary_start(text, m.start) {
                    return None;
                }
                if ctx
                    .masked
                    .iter()
                    .any(|r| m.start < r.end && r.start < m.end)
                    || is_link_label(text, m.end, &ctx.masked)
                {
                    return None;
                }
                let mut needs_evidence = pattern.plain_ambiguous;
                let mut list_only = false;
                if m.end - m.start <= 3
                    && LIST_FORMS.contains(&text[m.start..m.end].to_ascii_lowercase())
                {
                    // "PG" counts only next to an accepted skill of its list.
                    needs_evidence = true;
                    list_only = true;
                }
                if ctx.skills_line && !ctx.all_caps {
                    // A dictionary word written in lowercase ("go", "spark") is a skill of a
                    // skills line only as a list item, or with evidence of its own.
                    let written = &text[m.start..m.end];
                    let word = pattern.exact_case || WORD_FORMS.contains(written);
                    if word
                        && written != form
                        && !written.chars().any(char::is_uppercase)
                        && !stands_as_item(text, m.start, end)
                    {
                        needs_evidence = true;
                        list_only = true;
                    }
                }
                if pattern.exact_case && !ctx.skills_line {
                    let written = &text[m.start..m.end];
                    let upper_ok = ctx.all_caps && written == form.to_uppercase();
                    // A lowercase form capitalised as a sentence's first word is written in
                    // its own case: "Debugged customer issues", "Monitoring with Grafana".
                    let opens_sentence =
                        is_capitalised(written, form) && opens_sentence(&text[..m.start]);
                    if written != form && !upper_ok && !opens_sentence {
                        if !pattern.case_with_evidence {
                            return None;
                        }
                        needs_evidence = true;
                    }
                }
                Some(LineMatch {
                    start: m.start,
                    end: m.end,
                    end_with_version: end,
                    pattern: m.pattern,
                    needs_evidence,
                    list_only,
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
}

/// True when `written` is the all-lowercase `form` with its first letter in capitals.
fn is_capitalised(written: &str, form: &str) -> bool {
    let mut w = written.chars();
    let mut f = form.chars();
    match (w.next(), f.next()) {
        (Some(a), Some(b)) => {
            b.is_lowercase()
                && a.is_uppercase()
                && a.to_lowercase().eq(std::iter::once(b))
                && w.eq(f)
                && !form.chars().any(char::is_uppercase)
        }
        _ => false,
    }
}

/// True when a word after `before` (the line up to it) opens a sentence: nothing but
/// spaces, bullets, dashes, numbering or quotes before it on the line, or a sentence mark
/// (`.`, `!`, `?`, `:`) and a space.
fn opens_sentence(before: &str) -> bool {
    let rest = before.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '*'
                    | '+'
                    | '\u{2022}'
                    | '\u{b7}'
                    | '\u{2013}'
                    | '\u{2014}'
                    | '"'
                    | '\u{201c}'
                    | '('
            )
    });
    let spaced = rest.len() < before.len();
    rest.is_empty()
        || (spaced && rest.ends_with(['.', '!', '?', ':']))
        || rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ')')
}

/// True when `written` (a slice of the lowercased line) spells the lowercase `form`, where
/// a hyphen and a space between two words stand for each other: "object-detection models"
/// holds "object detection", "Spring Boot" is written "spring-boot", "A B testing" holds
/// "a-b testing". Both have the same length in bytes; other bytes must be equal.
fn same_words(written: &str, form: &str) -> bool {
    written.len() == form.len()
        && written
            .bytes()
            .zip(form.bytes())
            .all(|(w, f)| w == f || (matches!(w, b'-' | b' ') && matches!(f, b'-' | b' ')))
}

/// True when a match may start at byte `start` of `text`: no word character before it, nor a
/// `-`, `.`, `&`, `@` or `$` that follows one ("Objective-C", "foo.Go").
pub(super) fn boundary_start(text: &str, start: usize) -> bool {
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
        // "-free" denies the thing: "a jQuery-free frontend", "Docker-free builds".
        Some('-')
            if rest
                .get(1..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("free"))
                && rest[5..].chars().next().is_none_or(|c| !is_word(c)) =>
        {
            None
        }
        // A hyphen and one letter name a model or connector of the thing ("USB-C", "Type-A"),
        // not the thing as a skill.
        Some('-')
            if chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.next().is_none_or(|c| !is_word(c)) =>
        {
            None
        }
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

#[cfg(test)]
mod tests {
    use super::super::testkit::{ids, ids_in, tax};
    use super::*;

    #[test]
    fn boundaries_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Skills: C, C++, C#, F#", &["c", "cpp", "csharp", "fsharp"]),
            ("Wrote Objective-C for iOS", &["objective-c"]),
            ("Charged USB-C adapters", &[]),
            ("Set up Docker-free builds in Node.js", &["nodejs"]),
            (
                "Set up Docker-free builds, later Docker images",
                &["docker"],
            ),
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
    fn a_lowercase_word_form_may_open_a_sentence_capitalised() {
        let taxonomy = r#"{"skills": [
            {"id": "debugging", "name": "Debugging", "category": "practice",
             "aliases": ["debugged"]}
        ]}"#;
        let cases: &[(&str, &[&str])] = &[
            ("Debugged customer issues", &["debugging"]),
            ("- Debugged drivers", &["debugging"]),
            ("Led the team. Debugged the kernel.", &["debugging"]),
            ("3. Debugged drivers", &["debugging"]),
            ("I debugged drivers", &["debugging"]),
            // Inside a sentence, a capitalised word is a name or a title.
            ("The Debugged Podcast, host", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(ids_in(taxonomy, text), *want, "text {text:?}");
        }
    }

    #[test]
    fn cjk_forms_match_without_spaces() {
        assert_eq!(ids("熟悉数据结构与算法"), vec!["javascript-engines"]);
    }

    #[test]
    fn boundary_start_table() {
        // (text, start of the match, may start there)
        let rows: &[(&str, usize, bool)] = &[
            ("Go", 0, true),
            (" Go", 1, true),
            ("(Go", 1, true),
            ("xGo", 1, false),
            ("_Go", 1, false),
            ("9Go", 1, false),
            ("Objective-C", 10, false),
            ("foo.Go", 4, false),
            ("R&D", 2, false),
            ("me@Go", 3, false),
            ("a$Go", 2, false),
            ("-C", 1, true),
            (" .NET", 1, true),
            ("é-C", 3, false),
            ("/Go", 1, true),
        ];
        for &(text, start, want) in rows {
            assert_eq!(boundary_start(text, start), want, "{text:?} at {start}");
        }
    }

    #[test]
    fn boundary_end_table() {
        // (text, match start..end, form, end with an attached version or no boundary)
        let rows: &[(&str, usize, usize, &str, Option<usize>)] = &[
            ("Go", 0, 2, "Go", Some(2)),
            ("Go,", 0, 2, "Go", Some(2)),
            ("C++", 0, 1, "C", None),
            ("C#", 0, 1, "C", None),
            ("C++", 0, 3, "C++", Some(3)),
            ("C+++", 0, 3, "C++", None),
            ("ASP.NET", 0, 3, "ASP", None),
            ("R&D", 0, 1, "R", None),
            ("Go.", 0, 2, "Go", Some(2)),
            ("Go & Rust", 0, 2, "Go", Some(2)),
            ("Gopher", 0, 2, "Go", None),
            ("Go_x", 0, 2, "Go", None),
            ("HTML5", 0, 4, "HTML", Some(5)),
            ("HTML5.2 page", 0, 4, "HTML", Some(7)),
            ("HTML5. Next", 0, 4, "HTML", Some(5)),
            ("C++17", 0, 3, "C++", Some(5)),
            ("C99", 0, 1, "C", Some(3)),
            ("C9", 0, 1, "C", None),
            ("Go1x", 0, 2, "Go", None),
            ("k8s", 0, 1, "k", None),
            ("CI/CD2", 0, 5, "CI/CD", Some(6)),
            ("C#7", 0, 2, "C#", None),
            ("USB-C cable", 0, 3, "USB", None),
            ("USB-C", 0, 3, "USB", None),
            ("React-based UI", 0, 5, "React", Some(5)),
            ("Go-to-market", 0, 2, "Go", Some(2)),
        ];
        for &(text, start, end, form, want) in rows {
            assert_eq!(
                boundary_end(text, start, end, form),
                want,
                "{text:?} {start}..{end}"
            );
        }
    }

    #[test]
    fn candidates_table() {
        let t = tax();
        let m = Matcher::new(&t);
        let form_of = |c: &Candidate| m.lower(m.pattern(c.pattern)).to_owned();
        // (lowercase line, the forms proposed at each start, sorted)
        let rows: &[(&str, &[(usize, &str)])] = &[
            ("no skill here", &[]),
            ("go and golang", &[(0, "go"), (7, "golang")]),
            ("c++ and c#", &[(0, "c"), (0, "c++"), (8, "c"), (8, "c#")]),
            ("html5 pages", &[(0, "html"), (0, "html5")]),
            ("asp.net core", &[(0, "asp.net core"), (3, ".net")]),
            ("spring boot", &[(0, "spring"), (0, "spring boot")]),
            ("熟悉数据结构", &[(6, "数据结构")]),
            ("xjava", &[]),
        ];
        for &(line, want) in rows {
            let mut got: Vec<(usize, String)> = m
                .candidates(line)
                .iter()
                .map(|c| (c.start, form_of(c)))
                .collect();
            got.sort();
            let want: Vec<(usize, String)> = want.iter().map(|&(s, f)| (s, f.to_owned())).collect();
            assert_eq!(got, want, "{line:?}");
            for c in m.candidates(line) {
                assert_eq!(&line[c.start..c.end], form_of(&c), "{line:?}");
            }
        }
    }
}
