//! Rule: a form inside a proper noun claims nothing ([`in_proper_noun`]). A capitalised form is
//! part of a name when
//! - a place, venue, organisation, event or prize noun follows it, at once or after further
//!   capitalised words ("Perl Street", "the Prometheus award", "the Kafka Kettle Society",
//!   "Rust & Restoration Society"; `cues/proper_noun_after.txt`);
//! - a word that names things stands before it ("a dog named Python", "Calle Perl", "an der
//!   Scala"; `cues/proper_noun_before.txt`);
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
    ends_with_words,
};

/// Words that may join the capitalised words of a name ("Rust & Restoration Society", "Bank
/// of Perl Foundation").
const JOINERS: [&str; 7] = ["&", "and", "of", "de", "del", "du", "von"];

/// Most words between a form and the noun that ends its name ("Kafka Kettle Society": one).
const MAX_NAME_WORDS: usize = 3;

/// True when the match `start..end` of `text` (a line; `lower` is it ASCII-lowercased) is
/// written capitalised and stands in a proper-noun context (see the module doc).
pub(super) fn in_proper_noun(text: &str, lower: &str, start: usize, end: usize) -> bool {
    let written = &text[start..end];
    if !written.starts_with(char::is_uppercase) || is_upper_line(text) {
        return false;
    }
    named_before(text, lower, start)
        || employer_before(lower, start)
        || noun_after(text, end)
        || title_after(text, end)
        || company_suffix(text, end)
        || dated_employer(text, start, end)
}

/// Marks that separate the parts of a job line ("Title | Company | 2020", "Title — Company
/// (2019–2020)", "Title, Company, 2020-2022", "Intern @ GitLab").
const JOB_LINE_SEPARATORS: [char; 8] = ['|', '—', '–', '-', ',', '@', '·', '•'];

/// A job line's employer: the form stands alone between the line's start (or a separator of
/// [`JOB_LINE_SEPARATORS`]) and the dates of the job, a year after a separator or in
/// parentheses ("Salesforce (2018-2020)", "Account Manager | Oracle | 2020–2022", "Data
/// Engineer, Snowflake, 2021-present").
fn dated_employer(text: &str, start: usize, end: usize) -> bool {
    // The line's start, after any bullet ('-' and '•' are separators as well), or a separator.
    let before = text[..start].trim_end().trim_end_matches('*');
    if !(before.is_empty() || before.ends_with(JOB_LINE_SEPARATORS)) {
        return false;
    }
    let after = text[end..].trim_start();
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

/// A naming word before the form ("named", "an der"), or a capitalised article inside a
/// sentence ("at La Scala"; not "The Kafka cluster ..." at the start of a line or sentence).
fn named_before(text: &str, lower: &str, start: usize) -> bool {
    let before_lower = &lower[..start];
    if PROPER_BEFORE
        .entries()
        .iter()
        .any(|e| ends_with_words(before_lower, e))
    {
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
/// Society"). The name ends at punctuation.
fn noun_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
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
            ("the Prometheus award", "Prometheus", true),
            ("the Prometheus Award", "Prometheus", true),
            (
                "Prometheus and Grafana award us nothing",
                "Prometheus",
                false,
            ),
            ("Prometheus metrics, then an award", "Prometheus", false),
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
            let got = in_proper_noun(line, &line.to_ascii_lowercase(), start, start + form.len());
            assert_eq!(got, want, "{line:?} / {form:?}");
        }
    }
}
