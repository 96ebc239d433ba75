//! Rule: an acronym that the text spells out as something else is not the skill of that
//! acronym. Writers define an acronym where they first use it, in parentheses after it or
//! before it: "RTI (Reflectance Transformation Imaging)" is no Response to Intervention, "Lean
//! Construction Institute (LCI)" no LCI skill. When the words in the parentheses (or before
//! them) start with the acronym's letters, in order, they are its expansion; if that expansion
//! is none of the skill's own forms, the match is rejected. An expansion that is a form of the
//! skill ("RTI (Response to Intervention)") keeps it.

/// Short words an expansion may skip ("Institute of Management", "Teaching English as a
/// Foreign Language").
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "de", "del", "der", "des", "di", "do", "du", "e", "en",
    "et", "for", "in", "la", "le", "of", "on", "the", "to", "und", "y",
];

/// True when the acronym `text[start..end]` (2 to 6 capitals or digits, at least two letters)
/// is spelled out beside it, in parentheses after it or before a parenthesis holding it, by
/// words that `is_form` does not take for a form of the skill. `is_form` gets the expansion in
/// ASCII lowercase.
pub(super) fn spelled_out_otherwise(
    text: &str,
    start: usize,
    end: usize,
    is_form: impl Fn(&str) -> bool,
) -> bool {
    let acronym = &text[start..end];
    let letters: Vec<u8> = acronym
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if !(2..=6).contains(&letters.len())
        || letters.iter().filter(|b| b.is_ascii_alphabetic()).count() < 2
        || acronym.bytes().any(|b| b.is_ascii_lowercase())
    {
        return false;
    }
    let candidates = [after(text, end), before(text, start, end, letters.len())];
    candidates.into_iter().flatten().any(|expansion| {
        initials_match(expansion, &letters) && !is_form(&expansion.to_ascii_lowercase())
    })
}

/// The text inside the parentheses right after the acronym: "RTI (Reflectance ...)".
fn after(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].trim_start();
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(')')?;
    Some(inner[..close].trim())
}

/// The words before a parenthesis that holds only the acronym: "Reflectance Transformation
/// Imaging (RTI)". As many words are taken as the acronym has letters, plus small words.
fn before(text: &str, start: usize, end: usize, letters: usize) -> Option<&str> {
    let head = text[..start].trim_end().strip_suffix('(')?;
    if !text[end..].trim_start().starts_with(')') {
        return None;
    }
    let head = head.trim_end();
    // Walk back word by word until the content words number the acronym's letters.
    let mut content = 0;
    let mut from = head.len();
    for (i, word) in words_rev(head) {
        from = i;
        if !SMALL_WORDS.contains(&word.to_ascii_lowercase().as_str()) {
            content += word.split('-').filter(|p| !p.is_empty()).count();
        }
        if content >= letters {
            break;
        }
    }
    (content >= letters).then(|| &head[from..])
}

/// The words of `s` from the last, with their byte offsets.
fn words_rev(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut i = 0;
    for part in s.split(' ') {
        if !part.is_empty() {
            words.push((i, part));
        }
        i += part.len() + 1;
    }
    words.into_iter().rev()
}

/// The expansion's words start with the acronym's letters, in order: every content word
/// gives its first letter (each part of a hyphenated word too), small words may give theirs
/// or not.
fn initials_match(expansion: &str, letters: &[u8]) -> bool {
    let words: Vec<(u8, bool)> = expansion
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let first = w.bytes().next()?.to_ascii_lowercase();
            Some((
                first,
                SMALL_WORDS.contains(&w.to_ascii_lowercase().as_str()),
            ))
        })
        .collect();
    if words.len() < 2 {
        return false;
    }
    // Match letters against words, small words optional: a small search, both are short.
    fn go(words: &[(u8, bool)], letters: &[u8]) -> bool {
        match (words.first(), letters.first()) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(&(w, small)), _) => {
                (letters.first() == Some(&w) && go(&words[1..], &letters[1..]))
                    || (small && go(&words[1..], letters))
            }
        }
    }
    go(&words, letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn otherwise(line: &str, acronym: &str, forms: &[&str]) -> bool {
        let start = line.find(acronym).unwrap();
        spelled_out_otherwise(line, start, start + acronym.len(), |e| forms.contains(&e))
    }

    #[test]
    fn an_acronym_spelled_out_as_another_thing_is_rejected() {
        let forms = ["response to intervention", "rti"];
        assert!(otherwise(
            "RTI (Reflectance Transformation Imaging) with a dome",
            "RTI",
            &forms
        ));
        assert!(otherwise(
            "Reflectance Transformation Imaging (RTI) of panels",
            "RTI",
            &forms
        ));
        // The skill's own expansion keeps it, after the acronym or before it.
        assert!(!otherwise(
            "RTI (Response to Intervention) tiers",
            "RTI",
            &forms
        ));
        assert!(!otherwise(
            "Response to Intervention (RTI) tiers",
            "RTI",
            &forms
        ));
    }

    #[test]
    fn parentheses_that_do_not_spell_the_acronym_change_nothing() {
        let forms = ["pmp"];
        assert!(!otherwise("PMP (2019) and PRINCE2", "PMP", &forms));
        assert!(!otherwise("PMP (in progress)", "PMP", &forms));
        assert!(!otherwise("Certified (PMP)", "PMP", &forms));
        // Lowercase or one-letter forms are no acronyms here.
        assert!(!otherwise("Go (Golang Org)", "Go", &["go"]));
    }

    #[test]
    fn small_words_and_hyphens_in_the_expansion() {
        assert!(initials_match(
            "Teaching English as a Foreign Language",
            b"teafl"
        ));
        assert!(initials_match(
            "Teaching English as a Foreign Language",
            b"tefl"
        ));
        assert!(initials_match("Less-than-Container Load", b"ltcl"));
        assert!(!initials_match("Reflectance Imaging", b"rti"));
    }
}
