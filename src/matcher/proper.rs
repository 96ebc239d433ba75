//! Rule: a form inside a proper noun claims nothing ([`in_proper_noun`]). A capitalised form is
//! part of a name when
//! - a place, venue, organisation, event or prize noun follows it, at once or after further
//!   capitalised words ("Perl Street", "the Prometheus award", "the Kafka Kettle Society",
//!   "Rust & Restoration Society"; `cues/proper_noun_after.txt`), or stands capitalised
//!   before it with "for", "of" or "in" ("Prize for Pharmacoepidemiology");
//! - a word that names things stands before it ("a dog named Python", "Calle Perl", "an der
//!   Scala"; `cues/proper_noun_before.txt`);
//! - it stands in a title set in italics, two or more words in title case ("reading *The Lean
//!   Startup*", "*Beyond the Confluence: Stories from the Pasig River*");
//! - a noun of a pet or kin stands before it, or before the names it is coordinated with
//!   ("my cat, Kafka", "two daughters, Maya and Ada"; `cues/proper_noun_kin.txt`);
//! - a capitalised article stands before it inside a sentence ("sang at La Scala"), or follows
//!   its possessive ("Kafka's The Trial"; `cues/proper_noun_articles.txt`);
//! - it names an employer or customer: after "joined", "worked for", "accounts included"
//!   (`cues/employer_before.txt`), after "at" that follows a job title or work word
//!   ("Engineer at Oracle", "interned at SAP"; `cues/employer_at.txt`) or opens the line ("At
//!   Salesforce, ..."), or before a company suffix, at once or after a comma ("Docker Inc",
//!   "Docker, Inc."; `cues/company_suffixes.txt`); or it stands alone between a job line's
//!   start or separator and the job's dates ("Salesforce (2018-2020)", "Account Manager |
//!   Oracle | 2020–2022"), or after "@" like after "at" ("Intern @ GitLab").
//!
//! The rule holds for every skill, ambiguous or not, and in every section: a name is no claim
//! even in a Skills list. The context words are data; this file only says where they stand.

use super::cues::{
    COMPANY_SUFFIXES, EMPLOYER_AT, EMPLOYER_BEFORE, PROPER_AFTER, PROPER_ARTICLES, PROPER_BEFORE,
    PROPER_KIN, ends_with_words,
};

/// Words that may join the capitalised words of a name ("Rust & Restoration Society", "Bank
/// of Perl Foundation").
const JOINERS: [&str; 7] = ["&", "and", "of", "de", "del", "du", "von"];

/// Most words between a form and the noun that ends its name ("Kafka Kettle Society": one).
const MAX_NAME_WORDS: usize = 3;

/// True when the match `start..end` of `text` (a line; `lower` is it ASCII-lowercased) is
/// written capitalised and stands in a proper-noun context (see the module doc).
/// In a skills line (`skills_line`), a year range after a name is how long it was used
/// ("Go (2019-2021)"), not an employer's dates.
pub(super) fn in_proper_noun(
    text: &str,
    lower: &str,
    start: usize,
    end: usize,
    skills_line: bool,
) -> bool {
    let written = &text[start..end];
    if !written.starts_with(char::is_uppercase) || is_upper_line(text) {
        return false;
    }
    named_before(text, lower, start)
        || kin_before(text, start)
        || in_title(text, start, end)
        || employer_before(lower, start)
        || noun_after(text, end)
        || noun_before(text, start)
        || title_after(text, end)
        || company_suffix(text, end)
        || (!skills_line && dated_employer(text, start, end))
}

/// Marks that separate the parts of a job line ("Title | Company | 2020", "Title — Company
/// (2019–2020)", "Title, Company, 2020-2022", "Intern @ GitLab").
const JOB_LINE_SEPARATORS: [char; 8] = ['|', '—', '–', '-', ',', '@', '·', '•'];

/// A job line's employer: the form stands alone between the line's start (or a separator of
/// [`JOB_LINE_SEPARATORS`]) and the dates of the job, a year after a separator or in
/// parentheses ("Salesforce (2018-2020)", "Account Manager | Oracle | 2020–2022", "Data
/// Engineer, Snowflake, 2021-present"), its name going on in up to two capitalised words
/// ("Software Developer, Harbour Logistics (2020-now)").
fn dated_employer(text: &str, start: usize, end: usize) -> bool {
    // The line's start, after any bullet ('-' and '•' are separators as well), or a separator.
    let before = text[..start].trim_end().trim_end_matches('*');
    if !(before.is_empty() || before.ends_with(JOB_LINE_SEPARATORS)) {
        return false;
    }
    // The employer's name may go on in up to two capitalised words ("Harbour Logistics").
    let mut after = text[end..].trim_start();
    for _ in 0..2 {
        let word_end = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        if word_end == 0 || !capitalised(&after[..word_end]) {
            break;
        }
        after = after[word_end..].trim_start();
    }
    let Some(rest) = after.strip_prefix(['(', '|', ',', '–', '—', '-', '·']) else {
        return false;
    };
    let rest = rest.trim_start().trim_start_matches('(');
    // A job's dates are a range ("2018-2020", "2021 – present"); a single year is a
    // certificate's or a degree's ("Google Data Analytics Certificate, 2025").
    let Some(after_year) = year_prefix(rest) else {
        return false;
    };
    let Some(to) = after_year
        .trim_start()
        .strip_prefix(['-', '–', '—'])
        .or_else(|| after_year.trim_start().strip_prefix("to "))
    else {
        return false;
    };
    let to = to.trim_start();
    year_prefix(to).is_some()
        || [
            "present", "now", "current", "today", "heute", "actual", "presente", "aujourd",
        ]
        .iter()
        .any(|w| to.len() >= w.len() && to[..w.len()].eq_ignore_ascii_case(w))
}

/// The text after a year (19xx or 20xx) that `text` starts with; `None` when it starts with
/// none.
fn year_prefix(text: &str) -> Option<&str> {
    let digits = text.get(..4)?;
    (digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20")))
    .then(|| &text[4..])
}

/// An employer cue before the form: a phrase of `cues/employer_before.txt`, or "at" after a
/// word of `cues/employer_at.txt` or at the start of the line.
fn employer_before(lower: &str, start: usize) -> bool {
    let before = &lower[..start];
    if EMPLOYER_BEFORE
        .entries()
        .iter()
        .any(|e| ends_with_words(before, e))
    {
        return true;
    }
    let Some(rest) = before
        .trim_end()
        .strip_suffix("at")
        .or_else(|| before.trim_end().strip_suffix('@'))
    else {
        return false;
    };
    if rest.ends_with(|c: char| c.is_alphanumeric()) || before.trim_end().len() == before.len() {
        return false; // "format", or no space before the form
    }
    let rest = rest.trim_end().trim_end_matches([',', ':']);
    let word = rest
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    rest.trim().is_empty() || EMPLOYER_AT.entries().contains(&word)
}

/// A company suffix after a comma: "Docker, Inc.", "Oracle, Ltd".
fn company_suffix(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    is_company_suffix(&word.to_ascii_lowercase())
}

/// True when `lower`, a lowercase word, is one of `cues/company_suffixes.txt`.
fn is_company_suffix(lower: &str) -> bool {
    COMPANY_SUFFIXES.entries().contains(&lower)
}

/// A line written all in capitals: its words cannot show a name by their case.
fn is_upper_line(text: &str) -> bool {
    !text.chars().any(char::is_lowercase)
}

/// True when a word is written with a capital and then lowercase only ("Street", "La").
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

/// Most words of a title in italics.
const MAX_TITLE_WORDS: usize = 16;

/// True when the form at `start..end` stands inside a Markdown italic span (`*...*` or
/// `_..._` on one line) of two to [`MAX_TITLE_WORDS`] words written in title case: every word
/// of four or more letters capitalised, no comma ("*The Lean Startup*"). A span that holds a
/// list ("*Python, Go*") or a sentence is no title.
fn in_title(text: &str, start: usize, end: usize) -> bool {
    for mark in ['*', '_'] {
        let (Some(open), Some(close)) = (text[..start].rfind(mark), text[end..].find(mark)) else {
            continue;
        };
        let close = end + close;
        // Bold (`**...**`) sets job titles and headings, not works.
        let doubled = text[..open].ends_with(mark) || text[close + 1..].starts_with(mark);
        if doubled {
            continue;
        }
        let span = &text[open + 1..close];
        let words: Vec<&str> = span.split_whitespace().collect();
        let title_case = words.iter().all(|w| {
            let letters = w.trim_matches(|c: char| !c.is_alphanumeric());
            letters.chars().count() < 4 || letters.starts_with(char::is_uppercase)
        });
        if (2..=MAX_TITLE_WORDS).contains(&words.len()) && title_case && !span.contains(',') {
            return true;
        }
    }
    false
}

/// Words that join the names of a run ("Django and Pixel", "Epidemiology & Biostatistics").
const NAME_JOINERS: [&str; 6] = ["and", "&", "y", "und", "et", "e"];

/// Most names of a run before the form ("cats, Django, Pixel and ...").
const MAX_RUN_NAMES: usize = 4;

/// Where the names of the run that ends with the form written at `start` begin: `start`
/// itself, then each capitalised word before it that is joined to it by commas or a word of
/// [`NAME_JOINERS`] ("Maya and Ada", "Epidemiology & Biostatistics"), nearest first. Empty
/// when the form does not stand after a space.
fn name_run(text: &str, start: usize) -> Vec<usize> {
    if !text[..start].ends_with(char::is_whitespace) {
        return Vec::new();
    }
    let mut starts = vec![start];
    let mut at = start;
    let mut joined = false;
    while starts.len() <= MAX_RUN_NAMES {
        let before = text[..at].trim_end();
        let token_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let token = &before[token_start..];
        let word = token.trim_end_matches(',');
        if token.is_empty() {
            break;
        }
        if NAME_JOINERS.contains(&word.to_lowercase().as_str()) {
            joined = true;
        } else if (joined || word.len() < token.len())
            && capitalised(word)
            && word.chars().all(char::is_alphabetic)
        {
            starts.push(token_start);
            joined = false;
        } else {
            break;
        }
        at = token_start;
    }
    starts
}

/// A noun of a pet or kin (`cues/proper_noun_kin.txt`) before the form, a comma or colon
/// allowed between ("my cat, Kafka"), or before a run of names that ends with the form ("two
/// daughters, Maya and Ada").
fn kin_before(text: &str, start: usize) -> bool {
    name_run(text, start).into_iter().any(|at| {
        let before = text[..at].trim_end().trim_end_matches([',', ':']);
        let word = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_lowercase();
        PROPER_KIN.entries().contains(&word.as_str())
    })
}

/// A naming word before the form ("named", "an der"), or a capitalised article inside a
/// sentence ("at La Scala"; not "The Kafka cluster ..." at the start of a line or sentence).
fn named_before(text: &str, lower: &str, start: usize) -> bool {
    // The naming word may stand before a run of names that ends with the form ("Dept. of
    // Epidemiology & Biostatistics").
    let named = |at: usize| {
        PROPER_BEFORE
            .entries()
            .iter()
            .any(|e| ends_with_words(&lower[..at], e))
    };
    if named(start) || name_run(text, start).into_iter().skip(1).any(named) {
        return true;
    }
    let before = text[..start].trim_end();
    if before.len() == text[..start].len() {
        return false; // no space before the form: "x/Scala", "(Scala"
    }
    let word_start = before
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| i + 1);
    let word = &before[word_start..];
    let inside_sentence = before[..word_start]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    capitalised(word) && inside_sentence && is_article(word)
}

/// True when `word` is one of the articles of `cues/proper_noun_articles.txt`.
fn is_article(word: &str) -> bool {
    PROPER_ARTICLES
        .entries()
        .contains(&word.to_ascii_lowercase().as_str())
}

/// A noun of `cues/proper_noun_after.txt` after the form: right after it in any case ("the
/// Prometheus award"), or capitalised after capitalised words and joiners ("Kafka Kettle
/// Society"), a double-barrelled name's second half allowed first ("Jenkins-Ocampo Award").
/// The name ends at punctuation.
fn noun_after(text: &str, end: usize) -> bool {
    let mut rest = &text[end..];
    // A double-barrelled name goes on after a hyphen: "the Jenkins-Ocampo Award".
    if let Some(after) = rest.strip_prefix('-') {
        let word_end = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        if !capitalised(&after[..word_end]) {
            return false;
        }
        rest = &after[word_end..];
    }
    if !rest.starts_with(' ') {
        return false;
    }
    for (k, token) in rest.split_whitespace().take(MAX_NAME_WORDS + 1).enumerate() {
        let word = token.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '&');
        let word = word.trim_start_matches(['"', '\'', '(', '\u{201c}']);
        let lower = word.to_ascii_lowercase();
        if PROPER_AFTER.entries().contains(&lower.as_str()) || is_company_suffix(&lower) {
            return k == 0 || capitalised(word);
        }
        let goes_on = JOINERS.contains(&lower.as_str()) || capitalised(word);
        if !goes_on || word.len() < token.len() {
            return false; // a lowercase word or punctuation ends the name
        }
    }
    false
}

/// A capitalised noun of `cues/proper_noun_after.txt` and "for", "of" or "in" before the form:
/// the form ends the name of a prize, a society or a place ("the Julia Bakker Prize for
/// Pharmacoepidemiology", "Best Paper Award for Machine Learning", "International Society for
/// Pharmacoepidemiology").
fn noun_before(text: &str, start: usize) -> bool {
    let mut words = text[..start].split_whitespace().rev();
    let (Some(joiner), Some(noun)) = (words.next(), words.next()) else {
        return false;
    };
    let noun = noun.trim_start_matches(['"', '\'', '(', '\u{201c}']);
    matches!(joiner, "for" | "of" | "in")
        && text[..start].ends_with(' ')
        && capitalised(noun)
        && PROPER_AFTER
            .entries()
            .contains(&noun.to_ascii_lowercase().as_str())
}

/// A work's title after the form's possessive: "Kafka's The Trial".
fn title_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(after) = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("\u{2019}s "))
    else {
        return false;
    };
    let word = after.split_whitespace().next().unwrap_or("");
    capitalised(word) && is_article(word)
}

#[cfg(test)]
mod tests {
    use super::super::testkit::ids;
    use super::*;

    #[test]
    fn employers_and_customers_claim_nothing() {
        // The test taxonomy's Kafka, Docker and Python stand in for products that are firms.
        for text in [
            "Senior Engineer at Kafka, 2015-2019.",
            "Software Developer, Kafka Logistics (2020-now)",
            "Joined Kafka as a recruiter in 2020.",
            "Worked for Kafka's support team.",
            "Account lead; accounts included Kafka.",
            "Sales rep at Docker, Inc.",
            "At Docker, I ran the partner program.",
            "Five years of experience at Docker.",
        ] {
            assert!(ids(text).is_empty(), "{text:?}: {:?}", ids(text));
        }
        // Job lines: the employer between a separator and the dates, or after "@".
        for text in [
            "Kafka (2018-2020)",
            "Account Manager | Kafka | 2020–2022",
            "Data Engineer, Docker, 2021-present",
            "Engineer — Kafka (2019–2020)",
            "Intern @ Docker",
        ] {
            assert!(ids(text).is_empty(), "{text:?}: {:?}", ids(text));
        }
        // A single year is a certificate's or a degree's, not a job's.
        assert_eq!(ids("- Kafka Certified Developer, 2025"), vec!["kafka"]);
        // A skill with its years in a sentence, or a list of skills, is still a claim.
        assert_eq!(
            ids("Used Kafka (2018-2020) for billing events."),
            vec!["kafka"]
        );
        assert_eq!(
            ids("Python, Kafka, Docker"),
            vec!["python", "kafka", "docker"]
        );
        // Skill adjectives and work done at a place are claims.
        assert_eq!(ids("Good at Python and Kafka."), vec!["python", "kafka"]);
        assert_eq!(ids("Deployed at Docker Hub scale."), vec!["docker"]);
        assert_eq!(ids("Docker images for the format at hand."), vec!["docker"]);
    }

    #[test]
    fn proper_noun_contexts_claim_nothing() {
        // (text, the skills found): each kind of name, and the same forms as skills.
        let rows: &[(&str, &[&str])] = &[
            // places and streets
            ("We rented a flat on Python Street for a year.", &[]),
            // years of use in a skills line, not an employer's dates
            ("Skills: Python, Kafka (2019-2021)", &["python", "kafka"]),
            ("Delivered parcels along Kafka Lane and Docker Rd.", &[]),
            ("Vivimos en la Calle Python durante dos años.", &[]),
            // venues and organisations
            ("Booked the Docker Hotel ballroom for the gala.", &[]),
            ("Volunteer at the Kubernetes Foundation food bank.", &[]),
            ("Treasurer of the Rust & Restoration Society.", &[]),
            ("Member of the Python Kettle Society since 2019.", &[]),
            ("Opened a bistro called Le Docker.", &[]),
            ("Zwei Jahre Chor an der Kafka-Oper.", &[]),
            // prizes and events
            ("Won the Kafka award for short fiction.", &[]),
            ("Ran the Docker Marathon in under four hours.", &[]),
            // names of pets and works
            ("Walked a beagle named Python every morning.", &[]),
            ("Founded a reading circle called Kafka.", &[]),
            ("Led a book club on Kafka's The Castle.", &[]),
            ("Keeping an old bike alive, and my cat, Kafka.", &[]),
            ("Two dogs, Rex and Python, and a garden.", &[]),
            ("Married; two daughters, Docker and Kafka.", &[]),
            ("Reading *The Kafka Chronicles* this month.", &[]),
            // double-barrelled names, hospitals and departments
            ("Won the Kafka-Ocampo Award for reporting.", &[]),
            ("Nurse, Docker Bay Hospital, Cork", &[]),
            ("Dept. of Physics & Kafka Studies, 2019", &[]),
            // the same forms as skills, in lists, bold titles and clubs for kids
            (
                "Coding club for kids: Python and Docker",
                &["python", "docker"],
            ),
            ("**Senior Python Developer**, Acme", &["python"]),
            ("*Python*, Kafka", &["python", "kafka"]),
            // the same forms as skills
            ("Built Kafka consumers in Python.", &["kafka", "python"]),
            ("Kafka Streams jobs and Docker images", &["kafka", "docker"]),
            (
                "The Kafka cluster moved to Kubernetes.",
                &["kafka", "kubernetes"],
            ),
            (
                "Skills: Python, Kafka, Docker",
                &["python", "kafka", "docker"],
            ),
            (
                "Docker, Kubernetes; streets cleaned",
                &["docker", "kubernetes"],
            ),
            ("Wrote Python scripts for the club website.", &["python"]),
            ("PYTHON STREET TEAM LEAD", &["python"]),
        ];
        for (text, want) in rows {
            assert_eq!(ids(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn in_proper_noun_table() {
        // (line, the form in it, a name)
        let rows: &[(&str, &str, bool)] = &[
            ("on Perl Street", "Perl", true),
            ("the Bakker Prize for Python", "Python", true),
            (
                "Best Paper Award for Machine Learning",
                "Machine Learning",
                true,
            ),
            ("Society of Kafka Users", "Kafka", true),
            ("funds for Python", "Python", false),
            ("an award for Python", "Python", false),
            ("the Prometheus award", "Prometheus", true),
            ("the Prometheus Award", "Prometheus", true),
            (
                "Prometheus and Grafana award us nothing",
                "Prometheus",
                false,
            ),
            ("Prometheus metrics, then an award", "Prometheus", false),
            // Ships, company forms of other countries, institutions.
            ("1998 - 2001 MV Athena K. Bulk carrier", "Athena", true),
            ("Examiner - Gintaras DFIR UAB, Vilnius", "DFIR", true),
            ("Idahun Microfinance Bank, Ibadan", "Microfinance", true),
            ("Used MS Excel daily", "Excel", false),
            (
                "Prometheus Books published my first novel",
                "Prometheus",
                true,
            ),
            ("Built Python, SAS and R pipelines", "Python", false),
            ("the Cassandra Foundation", "Cassandra", true),
            ("Cassandra foundation work", "Cassandra", true),
            ("Oracle Big Data Hotel", "Oracle", true),
            ("Oracle Big Data Cloud Service Hotel", "Oracle", false), // too far
            ("Oracle Data, hotel", "Oracle", false),
            ("a cat named Perl", "Perl", true),
            ("at La Scala", "Scala", true),
            ("La Scala was built", "Scala", false), // a sentence's first word
            ("Used Scala. La Scala is", "Scala", false),
            ("Kafka's The Trial", "Kafka", true),
            ("Kafka\u{2019}s The Trial", "Kafka", true),
            ("Kafka's Streams API", "Kafka", false),
            ("perl street", "perl", false), // not capitalised: the case rules decide
        ];
        for &(line, form, want) in rows {
            let start = line.rfind(form).unwrap();
            let got = in_proper_noun(
                line,
                &line.to_ascii_lowercase(),
                start,
                start + form.len(),
                false,
            );
            assert_eq!(got, want, "{line:?} / {form:?}");
        }
    }
}
