//! The canonical text of a taxonomy file, so that files written by hand and by scripts look
//! alike and one change shows as one line of a diff:
//! - `{"skills": [` on the first line, `]}` on the last, one skill after another between;
//! - skills sorted by id; fields in the order of [`crate::schema::SKILL`]; `ambiguous` only
//!   when true, lists only when not empty;
//! - `aliases`, `reject` and `cues` sorted by their comparison key ([`crate::form::form_key`],
//!   then as written), `implies` sorted, `provenance` sorted by source and source id, each
//!   record a one-line object;
//! - a skill that fits in [`LINE_WIDTH`] characters on one line is one line; a longer one
//!   has its id, name and category on the first line and one field a line after; a list
//!   that does not fit on its field's line has one item a line.
//!
//! Strings are written as JSON with `"`, `\` and invisible characters (controls, format
//! characters, other spaces than U+0020) escaped; everything else as it is.

use std::cmp::Ordering;
use std::fmt::Write as _;

use crate::form::form_key;
use crate::{Provenance, Skill, Texts};

/// The widest line the canonical text writes when it can choose (a single long item may be
/// wider).
pub const LINE_WIDTH: usize = 100;

/// Sorts the skills and their lists into canonical order (see the module documentation).
pub fn sort(skills: &mut [Skill]) {
    skills.sort_by(|a, b| a.id.cmp(&b.id));
    for s in skills.iter_mut() {
        sort_by_key(&mut s.aliases);
        sort_by_key(&mut s.reject);
        sort_by_key(&mut s.cues);
        s.implies.to_mut().sort();
        if s.provenance
            .windows(2)
            .any(|w| (&w[0].source, &w[0].source_id) > (&w[1].source, &w[1].source_id))
        {
            s.provenance
                .to_mut()
                .sort_by(|a, b| (&a.source, &a.source_id).cmp(&(&b.source, &b.source_id)));
        }
    }
}

fn by_key(a: &str, b: &str) -> Ordering {
    form_key(a).cmp(&form_key(b)).then_with(|| a.cmp(b))
}

fn sort_by_key(list: &mut Texts) {
    if list
        .windows(2)
        .any(|w| by_key(&w[0], &w[1]) == Ordering::Greater)
    {
        list.to_mut().sort_by(|a, b| by_key(a, b));
    }
}

/// The canonical text of a taxonomy file holding `skills` (sorted first, see [`sort`]).
pub fn taxonomy_text(skills: &[Skill]) -> String {
    let mut skills = skills.to_vec();
    sort(&mut skills);
    let mut out = String::from("{\"skills\": [\n");
    for (i, s) in skills.iter().enumerate() {
        let last = i + 1 == skills.len();
        skill(s, &mut out);
        out.push_str(if last { "\n" } else { ",\n" });
    }
    out.push_str("]}\n");
    out
}

/// The fields after id, name and category that the skill writes, in definition order: the
/// key and, for a list, its items as JSON text (`ambiguous` has none: it is written only
/// when true).
fn rest(s: &Skill) -> Vec<(&'static str, Option<Vec<String>>)> {
    let strings = |l: &Texts| l.iter().map(|t| string(t)).collect::<Vec<_>>();
    let mut fields = Vec::new();
    for field in crate::schema::SKILL.fields {
        let list = match field.name {
            "id" | "name" | "category" => continue,
            "ambiguous" if s.ambiguous => None,
            "ambiguous" => continue,
            "aliases" => Some(strings(&s.aliases)),
            "implies" => Some(strings(&s.implies)),
            "reject" => Some(strings(&s.reject)),
            "cues" => Some(strings(&s.cues)),
            "provenance" => Some(s.provenance.iter().map(provenance).collect()),
            other => unreachable!("the canonical text does not write field `{other}`"),
        };
        if list.as_ref().is_none_or(|l| !l.is_empty()) {
            fields.push((field.name, list));
        }
    }
    fields
}

/// One provenance record as a one-line JSON object, fields in definition order.
fn provenance(p: &Provenance) -> String {
    let mut out = format!(
        "{{\"source\": {}, \"source_id\": {}",
        string(&p.source),
        string(&p.source_id)
    );
    if let Some(class) = &p.onet_class {
        write!(out, ", \"onet_class\": {}", string(class)).unwrap();
    }
    if let Some(hot) = p.hot_technology {
        write!(out, ", \"hot_technology\": {hot}").unwrap();
    }
    out.push('}');
    out
}

fn field_text(key: &str, items: Option<&Vec<String>>) -> String {
    match items {
        Some(items) => format!("\"{key}\": [{}]", items.join(", ")),
        None => format!("\"{key}\": true"),
    }
}

fn skill(s: &Skill, out: &mut String) {
    let head = format!(
        "{{\"id\": {}, \"name\": {}, \"category\": {}",
        string(&s.id),
        string(&s.name),
        string(s.category.as_str())
    );
    let fields = rest(s);
    let mut one_line = head.clone();
    for (key, items) in &fields {
        one_line.push_str(", ");
        one_line.push_str(&field_text(key, items.as_ref()));
    }
    one_line.push('}');
    // One character more for the comma after a skill, one or two for a field's `,` or `},`.
    if one_line.chars().count() < LINE_WIDTH {
        out.push_str(&one_line);
        return;
    }
    out.push_str(&head);
    for (key, items) in &fields {
        out.push_str(",\n");
        let line = format!("  {}", field_text(key, items.as_ref()));
        match items {
            Some(items) if line.chars().count() + 2 > LINE_WIDTH => {
                write!(out, "  \"{key}\": [").unwrap();
                for (k, item) in items.iter().enumerate() {
                    out.push_str(if k == 0 { "\n    " } else { ",\n    " });
                    out.push_str(item);
                }
                out.push_str("\n  ]");
            }
            _ => out.push_str(&line),
        }
    }
    out.push('}');
}

/// `text` as a JSON string, invisible characters escaped.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_invisible(c) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(out, "\\u{unit:04x}").unwrap();
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters a reader of the file would not see: controls, other spaces than U+0020, and
/// format characters (soft hyphen, zero-width and direction marks, byte-order mark).
fn is_invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::Category;

    fn skill(id: &str, aliases: &[&str]) -> Skill {
        let texts = |items: &[&str]| -> Texts {
            Cow::Owned(items.iter().map(|s| Cow::Owned(s.to_string())).collect())
        };
        Skill {
            id: Cow::Owned(id.to_owned()),
            name: Cow::Owned(id.to_uppercase()),
            category: Category::Tool,
            aliases: texts(aliases),
            implies: texts(&[]),
            ambiguous: false,
            reject: texts(&[]),
            cues: texts(&[]),
            provenance: Cow::Borrowed(&[]),
        }
    }

    #[test]
    fn short_skills_take_one_line_and_lists_are_sorted() {
        let text = taxonomy_text(&[skill("b", &["zz", "Bb", "aa", "BB"]), skill("a", &[])]);
        assert_eq!(
            text,
            "{\"skills\": [\n\
             {\"id\": \"a\", \"name\": \"A\", \"category\": \"tool\"},\n\
             {\"id\": \"b\", \"name\": \"B\", \"category\": \"tool\", \"aliases\": [\"aa\", \"BB\", \"Bb\", \"zz\"]}\n\
             ]}\n"
        );
    }

    #[test]
    fn long_lists_take_one_item_a_line_and_the_text_reads_back() {
        let many: Vec<String> = (0..12).map(|i| format!("alias number {i:02}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let mut s = skill("k", &many);
        s.implies = Cow::Owned(vec![Cow::Borrowed("b"), Cow::Borrowed("a")]);
        s.ambiguous = true;
        s.cues = Cow::Owned(vec![Cow::Borrowed("soft\u{00AD}hyphen")]);
        let text = taxonomy_text(std::slice::from_ref(&s));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[1],
            "{\"id\": \"k\", \"name\": \"K\", \"category\": \"tool\","
        );
        assert_eq!(lines[2], "  \"aliases\": [");
        assert_eq!(lines[3], "    \"alias number 00\",");
        assert_eq!(lines[15], "  ],");
        assert_eq!(lines[16], "  \"implies\": [\"a\", \"b\"],");
        assert_eq!(lines[17], "  \"ambiguous\": true,");
        assert_eq!(lines[18], "  \"cues\": [\"soft\\u00adhyphen\"]}");
        assert!(lines.iter().all(|l| l.chars().count() <= LINE_WIDTH));
        let back = crate::read::taxonomy(&text).unwrap();
        let mut want = s.clone();
        sort(std::slice::from_mut(&mut want));
        assert_eq!(back, [want]);
        assert_eq!(taxonomy_text(&back), text);
    }
}
