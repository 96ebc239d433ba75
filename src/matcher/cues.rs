//! The matcher's cue word lists, kept as data in `cues/*.txt` so they can grow and be
//! reviewed as text: one entry per line after a header of `#` comment lines saying what the
//! list is for. Each file is embedded with `include_str!` and split into its entries the first
//! time a rule asks (a few dozen slices, once per process). A test keeps the files tidy.

use std::collections::HashSet;
use std::sync::OnceLock;

/// One list of `cues/`: its embedded text and, once asked for, its entries.
pub(super) struct WordList {
    /// The file's text: `#` comment lines, then one entry per line.
    text: &'static str,
    entries: OnceLock<Vec<&'static str>>,
}

impl WordList {
    const fn new(text: &'static str) -> WordList {
        WordList {
            text,
            entries: OnceLock::new(),
        }
    }

    /// The entries, in file order (comment lines left out).
    pub(super) fn entries(&self) -> &[&'static str] {
        self.entries.get_or_init(|| {
            self.text
                .lines()
                .filter(|line| !line.starts_with('#'))
                .collect()
        })
    }
}

/// A generated list of `cues/` (`scripts/gen-word-guards.py`): lowercase words looked up as a
/// set, built the first time a rule asks.
pub(super) struct WordSet {
    list: WordList,
    set: OnceLock<HashSet<&'static str>>,
}

impl WordSet {
    const fn new(text: &'static str) -> WordSet {
        WordSet {
            list: WordList::new(text),
            set: OnceLock::new(),
        }
    }

    /// True when `word` (lowercase) is in the list.
    pub(super) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.list.entries().iter().copied().collect())
            .contains(word)
    }
}

/// Dictionary words (English, German, Spanish, French) near a skill's long form: fuzzy
/// matching never starts from them ("systeme" is no typo of SystemC).
pub(super) static FUZZY_SKIP: WordSet = WordSet::new(include_str!("cues/fuzzy_skip.txt"));

/// Taxonomy forms of one word that are lowercase dictionary words ("go", "spark"): written in
/// lowercase in a skills line they count only as list items.
pub(super) static WORD_FORMS: WordSet = WordSet::new(include_str!("cues/word_forms.txt"));

/// Short forms that name a skill only as an item of a list of skills ("PG", "BQ").
pub(super) static LIST_FORMS: WordSet = WordSet::new(include_str!("cues/list_forms.txt"));

/// Words before an ambiguous form that show it is used as a skill ("in Go", "using React").
pub(super) static CUE_BEFORE: WordList = WordList::new(include_str!("cues/evidence_before.txt"));

/// Words before "in" that make "in X" a cue ("written in Go", "proficient in R"); "a month in
/// Java" is not one.
pub(super) static CUE_BEFORE_IN: WordList =
    WordList::new(include_str!("cues/evidence_before_in.txt"));

/// Words after an ambiguous form that show it is used as a skill ("React components").
pub(super) static CUE_AFTER: WordList = WordList::new(include_str!("cues/evidence_after.txt"));

/// Words joined by a hyphen after an ambiguous form that show it is used as a skill
/// ("React-based", "Spark-powered").
pub(super) static CUE_AFTER_HYPHEN: WordList =
    WordList::new(include_str!("cues/evidence_after_hyphen.txt"));

/// Nouns of places, venues, organisations, events and prizes that end a proper noun begun by
/// a capitalised form ("Perl Street", "the Cassandra Foundation").
pub(super) static PROPER_AFTER: WordList =
    WordList::new(include_str!("cues/proper_noun_after.txt"));

/// Words before a form that make it a name ("a dog named Python", "an der Scala").
pub(super) static PROPER_BEFORE: WordList =
    WordList::new(include_str!("cues/proper_noun_before.txt"));

/// Nouns of pets and kin before the names they are given, a comma or colon allowed between
/// ("my cat, Kafka", "two daughters, Maya and Ada", "our dog Rust").
pub(super) static PROPER_KIN: WordList = WordList::new(include_str!("cues/proper_noun_kin.txt"));

/// Company suffixes after a capitalised form ("Docker Inc", "Docker, Inc.").
pub(super) static COMPANY_SUFFIXES: WordList =
    WordList::new(include_str!("cues/company_suffixes.txt"));

/// Words before a capitalised form that make it an employer or customer ("joined", "worked
/// for", "accounts included").
pub(super) static EMPLOYER_BEFORE: WordList =
    WordList::new(include_str!("cues/employer_before.txt"));

/// Words before "at" that make the capitalised form after it an employer ("Engineer at
/// Oracle", "interned at SAP").
pub(super) static EMPLOYER_AT: WordList = WordList::new(include_str!("cues/employer_at.txt"));

/// Articles that start a name when capitalised inside a sentence ("La Scala") or after a
/// possessive ("Kafka's The Trial").
pub(super) static PROPER_ARTICLES: WordList =
    WordList::new(include_str!("cues/proper_noun_articles.txt"));

/// True when `before` (text up to a form, spaces after it allowed) ends with the words of
/// `entry` (one or more, single-spaced, compared as written) on a word boundary: "built it on
/// top of " ends with "on top of", "laptop of " does not.
pub(super) fn ends_with_words(before: &str, entry: &str) -> bool {
    let trimmed = before.trim_end();
    trimmed.len() < before.len()
        && trimmed.ends_with(entry)
        && trimmed[..trimmed.len() - entry.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !super::is_word(c))
}

/// Phrases after which a skill in the same clause is only being learned.
pub(super) static LEARNING_CUES: WordList = WordList::new(include_str!("cues/learning_cues.txt"));

/// Phrases after which a skill in the same clause is only planned or wished for.
pub(super) static PLAN_CUES: WordList = WordList::new(include_str!("cues/plan_cues.txt"));

/// Phrases after which a skill in the same clause is only of interest.
pub(super) static INTEREST_CUES: WordList = WordList::new(include_str!("cues/interest_cues.txt"));

/// Words that make the rest of their clause learning when they open it ("Learning Rust").
pub(super) static LEARNING_OPENERS: WordList =
    WordList::new(include_str!("cues/learning_openers.txt"));

/// Phrases that make the skills before them in their clause learning ("Python (halfway
/// through a course)").
pub(super) static LEARNING_AFTER: WordList = WordList::new(include_str!("cues/learning_after.txt"));

/// Verbs of hiring right before the skills of the people hired ("Hired Java engineers").
pub(super) static OTHERS_BEFORE: WordList = WordList::new(include_str!("cues/others_before.txt"));

/// Nouns of the people a person manages, as the subject after "my" ("my analysts build ...").
pub(super) static OTHERS_REPORTS: WordList = WordList::new(include_str!("cues/others_reports.txt"));

/// Words opening a parenthesis right after a skill that make it learning ("Rust (learning)").
pub(super) static LEARNING_ANNOTATIONS: WordList =
    WordList::new(include_str!("cues/learning_annotations.txt"));

/// Words opening a parenthesis right after a skill that disclaim it ("Kubernetes (not yet)").
pub(super) static NEGATION_ANNOTATIONS: WordList =
    WordList::new(include_str!("cues/negation_annotations.txt"));

/// Words right after a skill that end its item and disclaim it ("Rust never").
pub(super) static NEGATION_ITEM_AFTER: WordList =
    WordList::new(include_str!("cues/negation_item_after.txt"));

/// Words right after a skill that end its item and make it learning ("GitHub Actions next").
pub(super) static LEARNING_ITEM_AFTER: WordList =
    WordList::new(include_str!("cues/learning_item_after.txt"));

/// Phrases after which a skill in the same clause is mentioned but not claimed.
pub(super) static NEGATION_CUES: WordList = WordList::new(include_str!("cues/negation_cues.txt"));

/// Phrases after which a skill in the same clause is a customer's, client's or partner's,
/// not the person's ("clients included Shopify merchants").
pub(super) static OTHERS_CUES: WordList = WordList::new(include_str!("cues/others_cues.txt"));

/// Words that make the rest of their clause about an employer, client or other team when
/// they open it ("its backend is written in Kotlin").
pub(super) static OTHERS_OPENERS: WordList = WordList::new(include_str!("cues/others_openers.txt"));

/// Phrases that make the skills before them in their clause another team's or a vendor's
/// ("a Power BI portal maintained by its web vendor").
pub(super) static OTHERS_AFTER: WordList = WordList::new(include_str!("cues/others_after.txt"));

/// Nouns of groups of other people ("team", "desk", "customers"): a clause whose subject is
/// one ("The platform team ran Azure", "Customers drove it from LabVIEW") is about them.
pub(super) static OTHERS_GROUPS: WordList = WordList::new(include_str!("cues/others_groups.txt"));

/// Determiners that open such a subject ("the", "our", "a separate").
pub(super) static OTHERS_GROUP_DETERMINERS: WordList =
    WordList::new(include_str!("cues/others_group_determiners.txt"));

/// Vendor words a list of one vendor's products may leave out after its first item ("Google
/// Docs and Slides").
pub(super) static VENDOR_PREFIXES: WordList =
    WordList::new(include_str!("cues/vendor_prefixes.txt"));

/// Present-tense verbs after a capitalised name that make its clause a company description
/// ("Kumo Games makes Unity-based mobile games").
pub(super) static COMPANY_VERBS: WordList = WordList::new(include_str!("cues/company_verbs.txt"));

/// Words that negate the rest of their clause when they open it ("No R.").
pub(super) static NEGATION_OPENERS: WordList =
    WordList::new(include_str!("cues/negation_openers.txt"));

/// Phrases that negate the skills before them in their clause ("X is not something I have
/// used").
pub(super) static NEGATION_AFTER: WordList = WordList::new(include_str!("cues/negation_after.txt"));

/// Words that negate the skill written right after them and the skills coordinated with it
/// ("no Objective-C though", "without prior MATLAB experience").
pub(super) static NEGATION_BEFORE: WordList =
    WordList::new(include_str!("cues/negation_before.txt"));

/// Modifier words that may stand between a negation word and its skill ("no prior", "without
/// any production").
pub(super) static SKILL_MODIFIERS: WordList =
    WordList::new(include_str!("cues/skill_modifiers.txt"));

/// Phrases that cancel a negation cue after them in their clause ("not that I haven't used
/// X", "I wouldn't say I'm unfamiliar with X").
pub(super) static NEGATION_CANCELS: WordList =
    WordList::new(include_str!("cues/negation_cancels.txt"));

/// Concessive conjunctions: clause breaks whose clause also ends at the next comma
/// ("Although I never touched Terraform, I shipped ...").
pub(super) static CONCESSIVES: WordList = WordList::new(include_str!("cues/concessives.txt"));

/// Pronouns a plan cue takes as object after a negation ("No Kubernetes yet, but I plan to
/// learn it").
pub(super) static PRONOUN_PLANS: WordList = WordList::new(include_str!("cues/pronoun_plans.txt"));

/// Case endings attached to product names in languages that decline nouns ("Dockerem").
pub(super) static INFLECTION_ENDINGS: WordList =
    WordList::new(include_str!("cues/inflection_endings.txt"));

/// Where a cue's clause ends: punctuation marks and contrastive words ("but", "only").
pub(super) static CLAUSE_BREAKS: WordList = WordList::new(include_str!("cues/clause_breaks.txt"));

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list, with its file name.
    const ALL: [(&str, &WordList); 43] = [
        ("vendor_prefixes.txt", &VENDOR_PREFIXES),
        ("others_groups.txt", &OTHERS_GROUPS),
        ("others_group_determiners.txt", &OTHERS_GROUP_DETERMINERS),
        ("proper_noun_kin.txt", &PROPER_KIN),
        ("others_openers.txt", &OTHERS_OPENERS),
        ("others_after.txt", &OTHERS_AFTER),
        ("company_verbs.txt", &COMPANY_VERBS),
        ("list_forms.txt", &LIST_FORMS.list),
        ("negation_before.txt", &NEGATION_BEFORE),
        ("skill_modifiers.txt", &SKILL_MODIFIERS),
        ("fuzzy_skip.txt", &FUZZY_SKIP.list),
        ("word_forms.txt", &WORD_FORMS.list),
        ("fuzzy_extra_words.txt", &FUZZY_EXTRA),
        ("evidence_before.txt", &CUE_BEFORE),
        ("evidence_after_hyphen.txt", &CUE_AFTER_HYPHEN),
        ("proper_noun_after.txt", &PROPER_AFTER),
        ("proper_noun_before.txt", &PROPER_BEFORE),
        ("employer_before.txt", &EMPLOYER_BEFORE),
        ("company_suffixes.txt", &COMPANY_SUFFIXES),
        ("employer_at.txt", &EMPLOYER_AT),
        ("proper_noun_articles.txt", &PROPER_ARTICLES),
        ("evidence_before_in.txt", &CUE_BEFORE_IN),
        ("evidence_after.txt", &CUE_AFTER),
        ("learning_cues.txt", &LEARNING_CUES),
        ("plan_cues.txt", &PLAN_CUES),
        ("interest_cues.txt", &INTEREST_CUES),
        ("learning_openers.txt", &LEARNING_OPENERS),
        ("learning_after.txt", &LEARNING_AFTER),
        ("learning_annotations.txt", &LEARNING_ANNOTATIONS),
        ("others_reports.txt", &OTHERS_REPORTS),
        ("others_before.txt", &OTHERS_BEFORE),
        ("negation_annotations.txt", &NEGATION_ANNOTATIONS),
        ("negation_item_after.txt", &NEGATION_ITEM_AFTER),
        ("learning_item_after.txt", &LEARNING_ITEM_AFTER),
        ("negation_cues.txt", &NEGATION_CUES),
        ("others_cues.txt", &OTHERS_CUES),
        ("negation_openers.txt", &NEGATION_OPENERS),
        ("negation_after.txt", &NEGATION_AFTER),
        ("negation_cancels.txt", &NEGATION_CANCELS),
        ("concessives.txt", &CONCESSIVES),
        ("inflection_endings.txt", &INFLECTION_ENDINGS),
        ("pronoun_plans.txt", &PRONOUN_PLANS),
        ("clause_breaks.txt", &CLAUSE_BREAKS),
    ];

    /// Each file: a comment header first and no comment after it; then entries that are not
    /// blank, trimmed, single-spaced, lowercase (they are compared with ASCII-lowercased
    /// text), never repeated, and the file ends with one newline.
    #[test]
    fn every_list_file_is_tidy() {
        for (file, list) in ALL {
            let lines: Vec<&str> = list.text.lines().collect();
            let header = lines.iter().take_while(|l| l.starts_with('#')).count();
            assert!(header > 0, "{file}: no comment header");
            let entries = &lines[header..];
            assert_eq!(
                entries,
                list.entries(),
                "{file}: a comment after the header"
            );
            assert!(!entries.is_empty(), "{file}: no entries");
            assert!(
                list.text.ends_with('\n') && !list.text.ends_with("\n\n"),
                "{file}"
            );
            for (k, entry) in entries.iter().enumerate() {
                let at = format!("{file}:{}: {entry:?}", header + k + 1);
                assert!(!entry.is_empty(), "{at}: blank entry");
                assert_eq!(*entry, entry.trim(), "{at}: untrimmed");
                assert!(!entry.contains("  ") && !entry.contains('\t'), "{at}");
                assert_eq!(*entry, entry.to_lowercase(), "{at}: not lowercase");
                assert!(!entries[..k].contains(entry), "{at}: duplicate");
            }
        }
    }

    /// Read by `scripts/gen-word-guards.py` only; listed here to be kept tidy.
    static FUZZY_EXTRA: WordList = WordList::new(include_str!("cues/fuzzy_extra_words.txt"));

    #[test]
    fn generated_sets_answer_lookups() {
        assert!(FUZZY_SKIP.contains("systeme"));
        assert!(FUZZY_SKIP.contains("informatics"));
        assert!(FUZZY_SKIP.contains("information"));
        assert!(!FUZZY_SKIP.contains("kubernets"));
        assert!(WORD_FORMS.contains("go"));
        assert!(WORD_FORMS.contains("spark"));
        assert!(!WORD_FORMS.contains("kubernetes"));
    }

    #[test]
    fn ends_with_words_table() {
        // (text before a form, cue entry, the text ends with it)
        let rows: &[(&str, &str, bool)] = &[
            ("built it on top of ", "on top of", true),
            ("on top of ", "on top of", true),
            ("laptop of ", "top of", false),
            ("on top of", "on top of", false), // no space before the form: a joined word
            ("using  ", "using", true),
            ("using: ", "using", false),
            ("", "using", false),
            ("an der ", "an der", true),
        ];
        for &(before, entry, want) in rows {
            assert_eq!(
                ends_with_words(before, entry),
                want,
                "{before:?} / {entry:?}"
            );
        }
    }

    #[test]
    fn comment_lines_are_left_out() {
        let rows: &[(&str, &[&str])] = &[
            (
                "# a header\n# on two lines\nfoo bar\nbaz\n",
                &["foo bar", "baz"],
            ),
            ("# only a header\n", &[]),
            ("no header\n", &["no header"]),
            (
                "# header\ni'm learning\nlearning:",
                &["i'm learning", "learning:"],
            ),
        ];
        for &(text, want) in rows {
            assert_eq!(WordList::new(text).entries(), want, "{text:?}");
        }
    }
}
