//! Rule: a vendor's name left out of a list of its products still names them. After an
//! accepted skill written with a vendor word first (`cues/vendor_prefixes.txt`: "Google
//! Docs"), each capitalised word coordinated with it ("Google Docs and Slides", "Microsoft
//! Word, Excel & Visio", "AWS Lambda/SQS") is read as "<vendor> <word>": when that is a form
//! of a skill, the word is a match of that skill.

use super::cues::VENDOR_PREFIXES;
use super::evidence::only_separators;
use super::{ByteRange, LineCtx, Matcher, overlaps};

/// Most products after the first that one vendor word carries ("Word, Excel, PowerPoint,
/// Outlook and Teams").
const MAX_ITEMS: usize = 6;

/// A word of a line that names a vendor's product without the vendor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Elided {
    /// Byte offset of the word in the line.
    pub(super) start: usize,
    /// Byte offset just after the word.
    pub(super) end: usize,
    /// Index of the skill in the taxonomy.
    pub(super) skill: usize,
}

impl Matcher<'_> {
    /// The products named without their vendor after the accepted match `first..end` of the
    /// line (`spans`: the line's skill names, sorted; no word inside one is tried).
    pub(super) fn elided_after(
        &self,
        ctx: &LineCtx<'_>,
        (first, end): (usize, usize),
        spans: &[ByteRange],
    ) -> Vec<Elided> {
        let written = &ctx.text[first..end];
        let Some((vendor, _)) = written.split_once(' ') else {
            return Vec::new();
        };
        if !VENDOR_PREFIXES
            .entries()
            .iter()
            .any(|v| v.eq_ignore_ascii_case(vendor))
        {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut at = end;
        for _ in 0..MAX_ITEMS {
            // The next capitalised word, with only separators and coordinators before it.
            let Some((word_at, word_end)) = next_capitalised(ctx.text, at) else {
                break;
            };
            if word_at == at || !only_separators(&ctx.text[at..word_at]) {
                break;
            }
            let word = &ctx.text[word_at..word_end];
            if !overlaps(spans, word_at, word_end) {
                let joined = format!("{vendor} {word}");
                if let Some(skill) = self.whole_form(&joined) {
                    out.push(Elided {
                        start: word_at,
                        end: word_end,
                        skill,
                    });
                }
            }
            at = word_end;
        }
        out
    }

    /// The skill of which `text` is exactly a form, if any.
    fn whole_form(&self, text: &str) -> Option<usize> {
        let probe = LineCtx {
            text,
            masked: Vec::new(),
            lower: skillgap_data::form::fold_case(text),
            section: None,
            skills_line: true,
            course_line: false,
            all_caps: false,
        };
        self.line_matches(&probe)
            .iter()
            .find(|m| m.start == 0 && m.end == text.len())
            .map(|m| self.pattern(m.pattern).skill as usize)
    }
}

/// The first capitalised word of `text` at or after byte `from`, as a byte range.
fn next_capitalised(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    loop {
        let start = at + text[at..].find(|c: char| c.is_alphanumeric())?;
        let end = text[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(text.len(), |i| start + i);
        if text[start..].starts_with(char::is_uppercase) {
            return Some((start, end));
        }
        at = end;
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::ids_in;

    #[test]
    fn a_vendor_left_out_of_a_list_still_names_its_products() {
        let tax = r#"{"skills": [
{"id": "google-docs", "name": "Google Docs", "category": "tool"},
{"id": "google-slides", "name": "Google Slides", "category": "tool"},
{"id": "google-sheets", "name": "Google Sheets", "category": "tool"},
{"id": "python", "name": "Python", "category": "language"}
]}"#;
        let rows: &[(&str, &[&str])] = &[
            (
                "Arduino, Google Docs and Slides",
                &["google-docs", "google-slides"],
            ),
            (
                "Google Docs, Sheets & Slides",
                &["google-docs", "google-sheets", "google-slides"],
            ),
            // Not a product of the vendor, or not coordinated with it.
            ("Google Docs and Python", &["google-docs", "python"]),
            ("Google Docs for Slides Club", &["google-docs"]),
            ("Google Docs and slides", &["google-docs"]),
        ];
        for (text, want) in rows {
            assert_eq!(ids_in(tax, &format!("Resume\n{text}")), *want, "{text:?}");
        }
    }
}
