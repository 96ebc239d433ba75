//! Rule: a multi-word form broken by a line wrap ("machine" / "learning") is one mention, on
//! the first line, when the next line goes on with the sentence ([`Matcher::wrapped_matches`]).
//! Only the last and first [`WRAP_WORDS`] words of the two lines are joined; a test ties that
//! window to the longest form of the embedded taxonomy.

use super::found::{match_kind, snippet};
use super::learning::{LineCues, Stance};
use super::links::links;
use super::{ByteRange, Evidence, LineCtx, MatchKind, Matcher};
use crate::extract::Line;

/// Words of each line put together when a multi-word form may be broken by a line wrap
/// (see [`Matcher::wrapped_matches`]): the longest forms of the taxonomy have eight words
/// (French and Spanish names of concepts), so seven on each side of the break cover every
/// split of them (a test fails when a longer form is added without raising it).
const WRAP_WORDS: usize = 7;

/// A match of a form broken by a line wrap (see [`Matcher::wrapped_matches`]).
pub(super) struct Wrapped {
    pub(super) skill: usize,
    pub(super) how: MatchKind,
    /// On the first line, with the joined text ("machine learning").
    pub(super) evidence: Evidence,
    /// What the cue governing it makes of it (none: a claim).
    pub(super) stance: Option<Stance>,
    /// Where the form starts on the first line (bytes).
    pub(super) start: usize,
    /// Where the form ends on the next line (bytes).
    pub(super) end_on_next: usize,
}

impl Matcher<'_> {
    /// Multi-word forms broken by a line wrap ("self-supervised learning for low-resource
    /// language" / "modeling"): when the next line goes on with the sentence (it starts with
    /// a lowercase letter, and this line does not end with sentence punctuation), the last
    /// [`WRAP_WORDS`] words of this line and the first ones of the next are matched as one
    /// line, with this line's section and rules. Only matches across the break count; they
    /// are evidenced on this line, and are learning or not claimed when a cue of their clause
    /// on this line says so (`spans`: this line's skill names, sorted, for its cues).
    pub(super) fn wrapped_matches(
        &self,
        ctx: &LineCtx<'_>,
        n: usize,
        line: &Line,
        next: &Line,
        spans: &[ByteRange],
    ) -> Vec<Wrapped> {
        // A slash or hyphen left at the line's end by the wrap ("GitHub /" / "Actions",
        // "object-" / "detection") joins the words as a space would.
        let text = cut_at_wrap_sign(ctx.text);
        let signed = text.len() < ctx.text.len();
        let continues = (next.text.starts_with(|c: char| c.is_lowercase())
            || (signed && next.text.starts_with(char::is_alphabetic)))
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
            lower: skillgap_data::form::fold_case(seam),
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
        let seam_spans: Vec<ByteRange> = matches
            .iter()
            .map(|m| ByteRange::new(m.start, m.end))
            .collect();
        let seam_learning = LineCues::new(&seam_ctx.lower, &seam_spans);
        let accepted = self.accept_line(&seam_ctx, &matches, &seam_learning, false, None);
        let learning = LineCues::of_line(ctx.text, &ctx.lower, spans);
        let mut out = Vec::new();
        for (m, _) in matches.iter().zip(&accepted).filter(|(_, a)| **a) {
            if !(m.start < break_at && break_at < m.end) {
                continue;
            }
            let pattern = self.pattern(m.pattern);
            let (start, end) = (tail_start + m.start, tail_start + m.end);
            let cue = learning.at(start);
            let evidence = Evidence {
                cue: cue.map(|c| text[c.range.start..c.range.end].to_string()),
                line: n + 1,
                column: text[..start].chars().count() + 1,
                page: line.page,
                text: joined[start..end].to_string(),
                snippet: snippet(&joined, start, end),
                section: ctx.section,
            };
            out.push(Wrapped {
                skill: pattern.skill as usize,
                how: match_kind(pattern),
                evidence,
                stance: cue.map(|c| c.stance),
                start,
                end_on_next: m.end - break_at - 1,
            });
        }
        out
    }
}

/// `text` less a slash or hyphen that ends it after a word ("GitHub /", "object-"), with the
/// spaces before the sign; `text` itself when it ends otherwise. LibreOffice PDFs leave such
/// signs where a form was wrapped ("HashiCorp /" / "Vault").
fn cut_at_wrap_sign(text: &str) -> &str {
    let Some(rest) = text.strip_suffix(['/', '-']) else {
        return text;
    };
    let rest = rest.trim_end();
    if rest.ends_with(|c: char| c.is_alphanumeric()) {
        rest
    } else {
        text
    }
}

/// Byte offsets where the space-separated words of `text` start.
pub(super) fn word_starts(text: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    text.char_indices()
        .filter(move |&(i, c)| c != ' ' && (i == 0 || text.as_bytes()[i - 1] == b' '))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{ids, tax};
    use super::super::{Document, prepared};
    use super::*;
    use crate::taxonomy::Taxonomy;

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
                    "spring-boot".to_owned(),
                    vec![(1, 34, "Spring boot".to_owned())]
                ),
                ("docker".to_owned(), vec![(2, 10, "Docker".to_owned())]),
            ]
        );
        // "learning" ending "machine learning" is no learning cue for what follows it.
        assert_eq!(
            evidence("Shipped machine\nlearning pipelines on Kubernetes"),
            vec![
                (
                    "machine-learning".to_owned(),
                    vec![(1, 9, "machine learning".to_owned())]
                ),
                (
                    "kubernetes".to_owned(),
                    vec![(2, 23, "Kubernetes".to_owned())]
                ),
            ]
        );
    }

    #[test]
    fn wraps_table() {
        // (two lines, the skills found with the text of their first evidence)
        let rows: &[(&str, &[(&str, &str)])] = &[
            (
                "our machine\nlearning team",
                &[("machine-learning", "machine learning")],
            ),
            ("our machine\nLearning team", &[]),
            ("our machine.\nlearning team", &[]),
            ("our machine:\nlearning team", &[]),
            ("our machine;\nlearning team", &[]),
            (
                "machine\nlearning",
                &[("machine-learning", "machine learning")],
            ),
            ("with spring\nboot", &[("spring-boot", "spring boot")]),
            (
                "a b c machine\nlearning d e f",
                &[("machine-learning", "machine learning")],
            ),
            (
                "our\nmachine learning",
                &[("machine-learning", "machine learning")],
            ),
            ("our ASP.NET\ncore apps", &[("aspnet-core", "ASP.NET core")]),
            // a slash or hyphen left by the wrap joins the words
            (
                "CI on Spring /\nBoot apps",
                &[("spring-boot", "Spring Boot")],
            ),
            (
                "Moved to ASP.NET -\nCore",
                &[("aspnet-core", "ASP.NET Core")],
            ),
            (
                "Python /\nDocker",
                &[("python", "Python"), ("docker", "Docker")],
            ),
            ("Spring /\n/ Boot", &[]),
        ];
        let t = tax();
        let m = Matcher::new(&t);
        for &(text, want) in rows {
            let got = m.extract(&Document::from_text(text));
            let got: Vec<(&str, &str)> = got
                .skills
                .iter()
                .filter(|s| s.how != MatchKind::Implied)
                .map(|s| (s.id.as_str(), s.evidence[0].text.as_str()))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn cut_at_wrap_sign_table() {
        let rows: &[(&str, &str)] = &[
            ("GitHub /", "GitHub"),
            ("GitHub/", "GitHub"),
            ("object-", "object"),
            ("a - -", "a - -"),
            ("/", "/"),
            ("plain", "plain"),
            ("", ""),
        ];
        for &(text, want) in rows {
            assert_eq!(cut_at_wrap_sign(text), want, "{text:?}");
        }
    }

    #[test]
    fn word_starts_table() {
        let rows: &[(&str, &[usize])] = &[
            ("", &[]),
            ("a", &[0]),
            ("a b", &[0, 2]),
            ("  a  bc ", &[2, 5]),
            ("caf\u{e9} x", &[0, 6]),
            ("a\tb", &[0]), // words are separated by spaces only
        ];
        for &(text, want) in rows {
            assert_eq!(word_starts(text).collect::<Vec<_>>(), want, "{text:?}");
            let mut back: Vec<usize> = word_starts(text).rev().collect();
            back.reverse();
            assert_eq!(back, want, "{text:?} from the end");
        }
    }

    /// The window covers every split of every form of the embedded taxonomy. A form of `k`
    /// space-separated words broken by a wrap leaves `i` words on the first line and `k - i`
    /// on the next (`1 <= i < k`); the seam [`Matcher::wrapped_matches`] matches holds the
    /// last [`WRAP_WORDS`] words of the first line and the first [`WRAP_WORDS`] of the next,
    /// so every split is seen exactly when `WRAP_WORDS >= k - 1` for the longest form. A
    /// longer form added to `roles/skills.json` fails here until the window grows. The test
    /// also breaks each longest form at every word and checks it is found.
    #[test]
    fn the_wrap_window_covers_the_longest_form() {
        let text = crate::roles::DataSet::embedded().taxonomy.text;
        let taxonomy = Taxonomy::embedded(&text).unwrap();
        let index = prepared::index_of(&taxonomy);
        let words = |form: &str| form.split(' ').count();
        let longest = index
            .patterns
            .iter()
            .map(|p| words(index.str(p.form)))
            .max()
            .unwrap();
        assert!(
            WRAP_WORDS + 1 >= longest,
            "a form of {longest} words needs WRAP_WORDS >= {}, it is {WRAP_WORDS}",
            longest - 1
        );
        let matcher = Matcher::new(&taxonomy);
        let mut tried = 0;
        for p in index.patterns.iter() {
            let form = index.str(p.form);
            if words(form) != longest {
                continue;
            }
            let id = &taxonomy.skill(p.skill as usize).id;
            let lower = form.to_lowercase(); // the next line must start in lowercase
            for (i, _) in lower.match_indices(' ') {
                let text = format!("worked on {}\n{} daily", &lower[..i], &lower[i + 1..]);
                let got = matcher.extract(&Document::from_text(&text));
                let skill = got.skills.iter().find(|s| s.id == *id);
                let first = skill.and_then(|s| s.evidence.first());
                let place = first.map(|e| (e.line, e.text.as_str()));
                assert_eq!(place, Some((1, lower.as_str())), "{text:?}: {id}");
                tried += 1;
            }
        }
        assert!(tried >= longest - 1);
    }
}
