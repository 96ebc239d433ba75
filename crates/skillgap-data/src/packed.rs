//! The taxonomy packed without pointers, as the build of `skillgap-embedded` compiles it in:
//! one text holding every string once, and a list of numbers per skill. Static [`Skill`]
//! values would hold one pointer per string, and each pointer of a position-independent
//! binary is a relocation the loader applies, page by page, at every start of the process
//! (about 60,000 of them for 8,000 skills: a millisecond before `main`). Numbers need none;
//! [`Packed::unpack`] builds the skills once, when a command first needs them, borrowing
//! every string from the text.
//!
//! Layout of `numbers`, per skill in order: a string is two numbers, its byte offset and
//! length in `text`; a list is its length, then its strings. A skill is its id, name,
//! category (its index in [`Category::ALL`]), `ambiguous` (0 or 1), then the lists aliases,
//! implies, reject and cues, then the number of provenance records and, per record, source,
//! source id, O*NET class (offset [`NONE`] when absent) and Hot Technology (0 no, 1 yes,
//! 2 absent).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::Category;
use crate::skill::{Provenance, Skill, Text, Texts};

/// The offset that stands for an absent string.
pub const NONE: u32 = u32::MAX;

/// A packed taxonomy (see the module doc), in the order of its skills.
#[derive(Debug, Clone, Copy)]
pub struct Packed {
    /// Every string of the taxonomy, each once.
    pub text: &'static str,
    /// The numbers of every skill, in order.
    pub numbers: &'static [u32],
    /// The skills' indices sorted by id ([`crate::skill::id_order`]), for lookup by id; its
    /// length is the number of skills.
    pub by_id: &'static [u32],
}

/// Packs `skills`: the text and the numbers of [`Packed`].
pub fn pack(skills: &[Skill]) -> (String, Vec<u32>) {
    let mut w = Writer::default();
    for s in skills {
        w.string(&s.id);
        w.string(&s.name);
        let category = Category::ALL.iter().position(|c| *c == s.category);
        w.numbers
            .push(category.expect("a category of the set") as u32);
        w.numbers.push(u32::from(s.ambiguous));
        for list in [&s.aliases, &s.implies, &s.reject, &s.cues] {
            w.numbers.push(list.len() as u32);
            for item in list.iter() {
                w.string(item);
            }
        }
        w.numbers.push(s.provenance.len() as u32);
        for p in s.provenance.iter() {
            w.string(&p.source);
            w.string(&p.source_id);
            match &p.onet_class {
                Some(c) => w.string(c),
                None => w.numbers.extend([NONE, 0]),
            }
            w.numbers.push(match p.hot_technology {
                Some(false) => 0,
                Some(true) => 1,
                None => 2,
            });
        }
    }
    (w.text, w.numbers)
}

/// The text and numbers being written, with the offset of each string already in the text.
#[derive(Default)]
struct Writer {
    text: String,
    at: HashMap<String, u32>,
    numbers: Vec<u32>,
}

impl Writer {
    fn string(&mut self, s: &str) {
        let off = match self.at.get(s) {
            Some(&off) => off,
            None => {
                let off = u32::try_from(self.text.len()).expect("a taxonomy under 4 GiB");
                self.text.push_str(s);
                self.at.insert(s.to_owned(), off);
                off
            }
        };
        self.numbers.extend([off, s.len() as u32]);
    }
}

impl Packed {
    /// The skills, borrowing every string from [`Packed::text`].
    ///
    /// Panics when the numbers do not follow the layout: they are written by [`pack`] at
    /// build time, and a test unpacks what it packs.
    pub fn unpack(&self) -> Vec<Skill> {
        self.starts()
            .into_iter()
            .map(|at| self.unpack_at(at))
            .collect()
    }

    /// Where each skill's numbers start, in skill order: a scan that reads only lengths, so
    /// that one skill can be unpacked alone ([`Packed::unpack_at`]).
    pub fn starts(&self) -> Vec<u32> {
        let n = self.numbers;
        let mut out = Vec::with_capacity(self.by_id.len());
        let mut at = 0usize;
        for _ in 0..self.by_id.len() {
            out.push(at as u32);
            at += 6; // id, name, category, ambiguous
            for _ in 0..4 {
                at += 1 + 2 * n[at] as usize; // a list: its length, then its strings
            }
            at += 1 + 7 * n[at] as usize; // provenance records of seven numbers each
        }
        out
    }

    /// The id of the skill whose numbers start at `at` (see [`Packed::starts`]), read
    /// without unpacking the skill.
    pub fn id_at(&self, at: u32) -> &'static str {
        let (off, len) = (self.numbers[at as usize], self.numbers[at as usize + 1]);
        &self.text[off as usize..(off + len) as usize]
    }

    /// The skill whose numbers start at `at` (see [`Packed::starts`]).
    pub fn unpack_at(&self, at: u32) -> Skill {
        let text = self.text;
        let mut n = self.numbers[at as usize..].iter().copied();
        let mut next = move || n.next().expect("packed numbers follow the layout");
        let string = |next: &mut dyn FnMut() -> u32| -> Option<Text> {
            let (off, len) = (next(), next());
            (off != NONE).then(|| Cow::Borrowed(&text[off as usize..(off + len) as usize]))
        };
        let id = string(&mut next).expect("an id");
        let name = string(&mut next).expect("a name");
        let category = Category::ALL[next() as usize];
        let ambiguous = next() == 1;
        let list = |next: &mut dyn FnMut() -> u32| -> Texts {
            let len = next() as usize;
            if len == 0 {
                return Cow::Borrowed(&[]);
            }
            Cow::Owned((0..len).map(|_| string(next).expect("a text")).collect())
        };
        let aliases = list(&mut next);
        let implies = list(&mut next);
        let reject = list(&mut next);
        let cues = list(&mut next);
        let records = next() as usize;
        let provenance = if records == 0 {
            Cow::Borrowed(&[][..])
        } else {
            Cow::Owned(
                (0..records)
                    .map(|_| Provenance {
                        source: string(&mut next).expect("a source"),
                        source_id: string(&mut next).expect("a source id"),
                        onet_class: string(&mut next),
                        hot_technology: match next() {
                            0 => Some(false),
                            1 => Some(true),
                            _ => None,
                        },
                    })
                    .collect(),
            )
        };
        Skill {
            id,
            name,
            category,
            aliases,
            implies,
            ambiguous,
            reject,
            cues,
            provenance,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpack_gives_back_what_pack_took() {
        let text = r#"{"skills": [
{"id": "go", "name": "Go", "category": "language", "aliases": ["Golang"], "ambiguous": true,
  "reject": ["go live"], "cues": ["in Go"]},
{"id": "jira", "name": "Jira", "category": "tool", "aliases": ["Atlassian JIRA"],
  "provenance": [{"source": "onet", "source_id": "Atlassian JIRA",
    "onet_class": "Development environment software", "hot_technology": true},
    {"source": "simple-icons", "source_id": "jira"}]},
{"id": "gin", "name": "Gin", "category": "framework", "implies": ["go"]}
]}"#;
        let skills = crate::read::taxonomy(text).unwrap();
        let (text, numbers) = pack(&skills);
        let text: &'static str = Box::leak(text.into_boxed_str());
        let numbers: &'static [u32] = Box::leak(numbers.into_boxed_slice());
        let by_id = crate::skill::id_order(&skills).unwrap().leak();
        let packed = Packed {
            text,
            numbers,
            by_id,
        };
        assert_eq!(packed.unpack(), skills);
        // One skill alone, and its id without unpacking.
        let starts = packed.starts();
        assert_eq!(starts.len(), 3);
        assert_eq!(packed.unpack_at(starts[1]), skills[1]);
        assert_eq!(packed.id_at(starts[2]), "gin");
        // Each string is kept once: "go" the id and "Go" the name differ, "jira" twice does not.
        assert_eq!(text.matches("jira").count(), 1);
    }
}
