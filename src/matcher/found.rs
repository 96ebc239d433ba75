//! The results: each accepted match becomes an [`Evidence`] of its skill ([`make_evidence`],
//! with a bounded [`snippet`] and the cue that governed it), gathered per skill as claimed,
//! learning or not claimed ([`Hit`]); then [`Matcher::assemble`] orders the skills by their
//! first evidence and adds the skills implied by those found. A skill is claimed when one of
//! its mentions is (the claim wins), else learning when one is, else not claimed.

use std::collections::BTreeMap;

use super::index::Pattern;
use super::learning::Stance;
use super::{Evidence, Extraction, FoundSkill, LineCtx, MAX_EVIDENCE, MatchKind, Matcher};

/// The matches of one skill in a document.
#[derive(Default)]
pub(super) struct Hit {
    claimed: Vec<Evidence>,
    claimed_how: Option<MatchKind>,
    learning: Vec<Evidence>,
    learning_how: Option<MatchKind>,
    not_claimed: Vec<Evidence>,
    not_claimed_how: Option<MatchKind>,
}

impl Hit {
    /// Records a match; its evidence is made only while fewer than [`MAX_EVIDENCE`] are kept.
    /// The kind of the hit is the kind of its first match, the evidence a report shows
    /// first: a skill first written as an alias ("RESTful") and later by its name ("REST
    /// APIs") is an alias match, not an exact one next to the alias.
    /// `stance`: what the cue governing the match makes of it (none: a claim).
    pub(super) fn add(
        &mut self,
        how: MatchKind,
        stance: Option<Stance>,
        evidence: impl FnOnce() -> Evidence,
    ) {
        let (list, best) = match stance {
            None => (&mut self.claimed, &mut self.claimed_how),
            Some(Stance::Learning) => (&mut self.learning, &mut self.learning_how),
            Some(Stance::NotClaimed) => (&mut self.not_claimed, &mut self.not_claimed_how),
        };
        if list.len() < MAX_EVIDENCE {
            list.push(evidence());
        }
        best.get_or_insert(how);
    }
}

/// How a match of pattern `p` was found: the skill's name, or an alias.
pub(super) fn match_kind(p: &Pattern) -> MatchKind {
    if p.is_name {
        MatchKind::Exact
    } else {
        MatchKind::Alias
    }
}

impl Matcher<'_> {
    /// The extraction of the hits per skill (by taxonomy index): claimed skills in the order
    /// of their first evidence, then the skills they imply (sorted by id); learning skills
    /// and not-claimed skills apart, each unless claimed (learning wins over not claimed).
    /// A claimed skill keeps its cued mentions as `unclaimed_evidence`.
    pub(super) fn assemble(&self, found: BTreeMap<usize, Hit>) -> Extraction {
        let taxonomy = self.taxonomy;
        let make = |i: usize, how: Option<MatchKind>, evidence: Vec<Evidence>| {
            let s = taxonomy.skill(i);
            FoundSkill {
                id: s.id.to_string(),
                name: s.name.to_string(),
                category: s.category,
                how: how.unwrap_or(MatchKind::Exact),
                evidence,
                implied_by: Vec::new(),
                unclaimed_evidence: Vec::new(),
                provenance: s.provenance.to_vec(),
            }
        };
        let mut claimed = Vec::new();
        let mut learning = Vec::new();
        let mut not_claimed = Vec::new();
        for (i, hit) in found {
            if !hit.claimed.is_empty() {
                let mut skill = make(i, hit.claimed_how, hit.claimed);
                let mut cued = hit.learning;
                cued.extend(hit.not_claimed);
                cued.sort_by_key(|e| (e.line, e.column));
                skill.unclaimed_evidence = cued;
                claimed.push(skill);
            } else if !hit.learning.is_empty() {
                learning.push(make(i, hit.learning_how, hit.learning));
            } else if !hit.not_claimed.is_empty() {
                not_claimed.push(make(i, hit.not_claimed_how, hit.not_claimed));
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
        not_claimed.sort_by_key(order);
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
                let mut skill = make(i, Some(MatchKind::Implied), Vec::new());
                skill.implied_by = by;
                claimed.push(skill);
            }
        }
        learning.retain(|l| !claimed.iter().any(|c| c.id == l.id));
        not_claimed.retain(|l| !claimed.iter().any(|c| c.id == l.id));
        Extraction {
            skills: claimed,
            learning,
            not_claimed,
        }
    }
}

/// The evidence of a match at bytes `start..end` of line `n` (0-based), governed by the cue
/// written `cue` if any.
pub(super) fn make_evidence(
    ctx: &LineCtx<'_>,
    n: usize,
    page: Option<u32>,
    (start, end): (usize, usize),
    cue: Option<&str>,
) -> Evidence {
    Evidence {
        cue: cue.map(str::to_owned),
        line: n + 1,
        column: ctx.text[..start].chars().count() + 1,
        page,
        text: ctx.text[start..end].to_string(),
        snippet: snippet(ctx.text, start, end),
        section: ctx.section,
    }
}

/// At most 120 characters of `line` around `start..end`, with "..." where cut.
pub(super) fn snippet(line: &str, start: usize, end: usize) -> String {
    const MAX: usize = 120;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    if chars.len() <= MAX {
        return line.to_owned();
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
    use super::super::testkit::tax;
    use super::super::{Document, Section};
    use super::*;

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
                ("javascript", &["nextjs".to_owned()][..]),
                ("react", &["nextjs".to_owned()][..])
            ]
        );
    }

    #[test]
    fn snippet_is_bounded() {
        let long = format!("{}Python{}", "x ".repeat(200), " y".repeat(200));
        let start = long.find("Python").unwrap();
        let s = snippet(&long, start, start + 6);
        assert!(s.contains("Python") && s.starts_with("...") && s.ends_with("..."));
        assert!(s.chars().count() <= 126);
    }

    #[test]
    fn snippet_table() {
        let long = format!("{}Python{}", "a".repeat(100), "b".repeat(100)); // Python at 100..106
        let end = format!("{}Go", "c".repeat(200)); // Go at 200..202
        // (line, start..end, the snippet's length in characters, its start, its end)
        let rows: &[(&str, usize, usize, usize, &str, &str)] = &[
            ("short line with Go", 16, 18, 18, "short", "Go"),
            (long.as_str(), 100, 106, 126, "...aaa", "bbb..."),
            (long.as_str(), 0, 1, 63, "aaa", "aaa..."),
            (end.as_str(), 200, 202, 64, "...ccc", "cGo"),
        ];
        for &(line, start, stop, len, head, tail) in rows {
            let s = snippet(line, start, stop);
            assert_eq!(s.chars().count(), len, "{s:?}");
            assert!(s.starts_with(head) && s.ends_with(tail), "{s:?}");
            assert!(s.contains(&line[start..stop]), "{s:?}");
        }
    }

    #[test]
    fn hits_keep_the_first_evidence_and_its_kind() {
        let evidence = |line: usize| Evidence {
            line,
            column: 1,
            page: None,
            text: String::new(),
            snippet: String::new(),
            section: None,
            cue: None,
        };
        let mut hit = Hit::default();
        // (kind, stance) of each match, in document order
        let learning = Some(Stance::Learning);
        let rows: &[(MatchKind, Option<Stance>)] = &[
            (MatchKind::Fuzzy, None),
            (MatchKind::Alias, learning),
            (MatchKind::Exact, None),
            (MatchKind::Fuzzy, learning),
            (MatchKind::Exact, Some(Stance::NotClaimed)),
        ];
        for (k, &(how, stance)) in rows.iter().enumerate() {
            hit.add(how, stance, || evidence(k + 1));
        }
        // The kind of the first claimed match (a typo), not the strongest (the name).
        assert_eq!(hit.claimed_how, Some(MatchKind::Fuzzy));
        assert_eq!(hit.learning_how, Some(MatchKind::Alias));
        let lines = |list: &[Evidence]| list.iter().map(|e| e.line).collect::<Vec<_>>();
        assert_eq!(lines(&hit.claimed), [1, 3]);
        assert_eq!(lines(&hit.learning), [2, 4]);
        assert_eq!(lines(&hit.not_claimed), [5]);
        assert_eq!(hit.not_claimed_how, Some(MatchKind::Exact));
        for k in 0..2 * MAX_EVIDENCE {
            hit.add(MatchKind::Alias, None, || evidence(k + 10));
        }
        assert_eq!(hit.claimed.len(), MAX_EVIDENCE);
        assert_eq!(hit.claimed[2].line, 10);
        let mut made = false;
        hit.add(MatchKind::Alias, None, || {
            made = true;
            evidence(0)
        });
        assert!(!made, "no evidence is made once the list is full");
    }
}
