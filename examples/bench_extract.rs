//! In-process timings of the start-up costs and of skill extraction on a long resume text,
//! for `scripts/bench.sh`.
//!
//! ```text
//! cargo run --release --example bench_extract -- [ITERATIONS] [WORDS]   # 200, 5000
//! ```
//!
//! Builds a text of at least WORDS words by repeating `fixtures/resumes/backend-developer.txt`
//! with skill-free filler sentences, then prints medians in milliseconds, one `key value`
//! pair per line:
//! - `load_library_ms`: loading the embedded data set (the role files are parsed; the
//!   taxonomy is prepared at build time, so it is only borrowed);
//! - `taxonomy_parse_ms`: parsing `roles/skills.json`, as a run with `--roles-dir` does;
//! - `matcher_new_ms`: `Matcher::new` for the embedded taxonomy (its form index is prepared
//!   at build time);
//! - `index_build_ms`: `Matcher::new` for the parsed taxonomy, which builds the form index
//!   (what a run with `--roles-dir` pays);
//! - `extract_ms`: `Matcher::extract` on the long text, the matcher built once;
//! - `first_extract_ms`: the first `extract` of a fresh process (one-time lazy set-up included).

use std::hint::black_box;
use std::time::{Duration, Instant};

use skillgap::extract::Document;
use skillgap::matcher::Matcher;
use skillgap::roles::{DataSet, Library};
use skillgap::taxonomy::Taxonomy;

const RESUME: &str = include_str!("../fixtures/resumes/backend-developer.txt");

/// Sentences with no skill in them, as found between the claims of a real resume.
const FILLER: &[&str] = &[
    "Worked closely with product managers and designers to plan quarterly goals for the team.",
    "Mentored two junior colleagues and ran weekly reviews of their work and progress.",
    "Reduced the time from a customer report to a fix from five days to two days.",
    "Wrote clear documentation for new starters and kept the team handbook up to date.",
    "Presented the results of the migration to the whole engineering department.",
    "Took part in the on-call rotation and led the reviews after two large incidents.",
    "Organised a monthly reading group on system design and software architecture.",
    "Interviewed candidates and helped to shape the hiring process for the department.",
];

fn long_text(words: usize) -> String {
    let mut text = String::new();
    let mut count = 0;
    let mut i = 0;
    while count < words {
        text.push_str(RESUME);
        text.push('\n');
        count += RESUME.split_whitespace().count();
        for _ in 0..6 {
            let sentence = FILLER[i % FILLER.len()];
            text.push_str(sentence);
            text.push('\n');
            count += sentence.split_whitespace().count();
            i += 1;
        }
    }
    text
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    median(times)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let iterations: usize = args.next().map_or(200, |a| a.parse().expect("ITERATIONS"));
    let words: usize = args.next().map_or(5000, |a| a.parse().expect("WORDS"));

    let text = long_text(words);
    let doc = Document::from_text(&text);
    let data = DataSet::embedded();

    // The first extraction of a process pays for lazily built statics (word sets, regexes).
    let library = Library::load(&data).expect("embedded data set loads");
    let matcher = Matcher::new(&library.taxonomy);
    let start = Instant::now();
    let first = matcher.extract(&doc);
    let first_extract = start.elapsed().as_secs_f64() * 1000.0;

    let load = time(20, || Library::load(&data).expect("loads"));
    let parse = time(20, || {
        Taxonomy::from_json(&data.taxonomy.text).expect("taxonomy parses")
    });
    let build = time(20, || Matcher::new(&library.taxonomy));
    let parsed = Taxonomy::from_json(&data.taxonomy.text).expect("taxonomy parses");
    let index = time(20, || Matcher::new(&parsed));
    let extract = time(iterations, || matcher.extract(&doc));

    println!("words {}", text.split_whitespace().count());
    println!("lines {}", doc.lines.len());
    println!("skills_found {}", first.skills.len());
    println!("load_library_ms {load:.3}");
    println!("taxonomy_parse_ms {parse:.3}");
    println!("matcher_new_ms {build:.3}");
    println!("index_build_ms {index:.3}");
    println!("first_extract_ms {first_extract:.3}");
    println!("extract_ms {extract:.3}");
    println!("iterations {iterations}");
}
