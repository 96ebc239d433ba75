//! Aho-Corasick configurations for the taxonomy's forms, side by side: build time, search
//! time over a long resume text (overlapping search, one pass per line) and heap size; and,
//! last, the matcher's own word index (`Matcher::new`, and a whole `extract` of the same
//! text, which does far more than search). This measurement is why the matcher indexes
//! words instead of building an automaton: start-up dominates a one-resume run.
//!
//! ```text
//! cargo run --release --example bench_automaton -- [RUNS]   # default 20
//! ```

use std::collections::HashSet;
use std::hint::black_box;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use skillgap::extract::normalize::normalize_line;
use skillgap::roles::{DataSet, Library};

const RESUME: &str = include_str!("../fixtures/resumes/backend-developer.txt");

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .map_or(20, |a| a.parse().expect("RUNS"));
    let library = Library::load(&DataSet::embedded()).expect("embedded data set loads");
    // The matcher's patterns: every normalised form, deduplicated case-insensitively.
    let mut seen = HashSet::new();
    let forms: Vec<String> = library
        .taxonomy
        .iter()
        .flat_map(|s| s.forms())
        .map(normalize_line)
        .filter(|f| !f.is_empty() && seen.insert(f.to_lowercase()))
        .collect();
    let lowered: Vec<String> = forms.iter().map(|f| f.to_ascii_lowercase()).collect();
    let text: String = std::iter::repeat_n(RESUME, 40).collect();
    let lines: Vec<&str> = text.lines().collect();
    let lower_lines: Vec<String> = lines.iter().map(|l| l.to_ascii_lowercase()).collect();

    println!(
        "{} patterns, {} lines, {} words",
        forms.len(),
        lines.len(),
        text.split_whitespace().count()
    );
    println!(
        "{:<44} {:>9} {:>10} {:>9} {:>8}",
        "configuration", "build ms", "search ms", "heap KiB", "matches"
    );
    type Build = fn(&[String], bool) -> AhoCorasick;
    let kinds: [(&str, Option<AhoCorasickKind>); 4] = [
        ("auto", None),
        ("NoncontiguousNFA", Some(AhoCorasickKind::NoncontiguousNFA)),
        ("ContiguousNFA", Some(AhoCorasickKind::ContiguousNFA)),
        ("DFA", Some(AhoCorasickKind::DFA)),
    ];
    for (kind_name, kind) in kinds {
        for (case_name, case_insensitive) in [
            ("ascii_case_insensitive", true),
            ("lowercased forms + text", false),
        ] {
            let patterns = if case_insensitive { &forms } else { &lowered };
            let build: Build = match kind {
                None => |p, ci| {
                    AhoCorasickBuilder::new()
                        .ascii_case_insensitive(ci)
                        .match_kind(MatchKind::Standard)
                        .build(p)
                        .unwrap()
                },
                Some(AhoCorasickKind::NoncontiguousNFA) => |p, ci| {
                    AhoCorasickBuilder::new()
                        .ascii_case_insensitive(ci)
                        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                        .build(p)
                        .unwrap()
                },
                Some(AhoCorasickKind::ContiguousNFA) => |p, ci| {
                    AhoCorasickBuilder::new()
                        .ascii_case_insensitive(ci)
                        .kind(Some(AhoCorasickKind::ContiguousNFA))
                        .build(p)
                        .unwrap()
                },
                Some(_) => |p, ci| {
                    AhoCorasickBuilder::new()
                        .ascii_case_insensitive(ci)
                        .kind(Some(AhoCorasickKind::DFA))
                        .build(p)
                        .unwrap()
                },
            };
            let build_ms = median(
                (0..runs)
                    .map(|_| {
                        let start = Instant::now();
                        black_box(build(patterns, case_insensitive));
                        start.elapsed()
                    })
                    .collect(),
            );
            let ac = build(patterns, case_insensitive);
            let count = |ac: &AhoCorasick| -> usize {
                if case_insensitive {
                    lines
                        .iter()
                        .map(|l| ac.find_overlapping_iter(*l).count())
                        .sum()
                } else {
                    lower_lines
                        .iter()
                        .map(|l| ac.find_overlapping_iter(l.as_str()).count())
                        .sum()
                }
            };
            let matches = count(&ac);
            let search_ms = median(
                (0..runs)
                    .map(|_| {
                        let start = Instant::now();
                        black_box(count(&ac));
                        start.elapsed()
                    })
                    .collect(),
            );
            println!(
                "{:<44} {:>9.2} {:>10.3} {:>9} {:>8}",
                format!("{kind_name}, {case_name}"),
                build_ms,
                search_ms,
                ac.memory_usage() / 1024,
                matches
            );
        }
    }
    let build_ms = median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(skillgap::matcher::Matcher::new(&library.taxonomy));
                start.elapsed()
            })
            .collect(),
    );
    let matcher = skillgap::matcher::Matcher::new(&library.taxonomy);
    let doc = skillgap::extract::Document::from_text(&text);
    let extract_ms = median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(matcher.extract(&doc));
                start.elapsed()
            })
            .collect(),
    );
    println!(
        "{:<44} {:>9.2} {:>10.3} {:>9} {:>8}",
        "word index (Matcher::new; whole extract)", build_ms, extract_ms, "-", "-"
    );
}
