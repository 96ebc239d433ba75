#!/usr/bin/env python3
"""Regenerates the matcher's two dictionary-derived word lists from the taxonomy and four word
lists (English, German, Spanish, French), so that ordinary words of those languages never become
skills by accident:

src/matcher/cues/fuzzy_skip.txt
    Dictionary words of 7+ letters within the fuzzy distance of a fuzzy target (the rule in
    src/matcher/fuzzy.rs: a plain form of 7+ letters of an unambiguous skill, same first letter,
    optimal string alignment distance 1, or 2 for words of 11+ letters) that are not taxonomy
    forms themselves. Fuzzy matching never starts from them: "systeme" is no typo of SystemC.
    Also the dictionary words that the declined-name rule (src/matcher/inflection.rs) would
    read as a name and a case ending ("secret" as SECR + "et"): it leaves them alone too.
src/matcher/cues/word_forms.txt
    Taxonomy forms of one plain word that are lowercase dictionary words of one of the four
    languages ("go", "spark", "rest"). Written in lowercase in a skills line, such a form counts
    only as an item of a list (src/matcher/candidates.rs).

Inputs: roles/skills.json and, when present, roles/imported/skills.json; the Debian word lists
/usr/share/dict/{american-english,ngerman,spanish,french} (packages wamerican, wngerman,
wspanish, wfrench); src/matcher/cues/fuzzy_extra_words.txt, field words missing from those
lists ("informatics"); and, for the fuzzy part of fuzzy_skip.txt only, the words of the wordfreq package (PyPI
`wordfreq==3.1.1`, data CC BY-SA 4.0, see THIRD_PARTY.md) that occur at least once per million
words (Zipf frequency 3) in one of WORDFREQ_LANGS, the languages written in Latin script: resumes
come in many languages, and "Telecom", Czech "informatika", Spanish "mantiene" or Dutch
"digitaal" are words, no typos of Texecom, Informatica, Mantine or Digitail. Only ASCII-letter
words are used, as fuzzy matching reads ASCII words.

The search is symspell-style: every fuzzy target's deletions (1, or 2 for targets of 10+
letters) are indexed, each dictionary word's deletions are looked up, and the few candidates are
checked with the exact distance. It runs in seconds on the grown taxonomy.

Usage: scripts/gen-word-guards.py          rewrite both files
       scripts/gen-word-guards.py --check  exit 1 when a file differs from what it would write
                                          (CI runs this: regenerate after changing a taxonomy)
"""
import json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CUES = os.path.join(ROOT, "src", "matcher", "cues")
DICTS = ["american-english", "ngerman", "spanish", "french"]
TAXONOMIES = [os.path.join(ROOT, "roles", "skills.json"),
              os.path.join(ROOT, "roles", "imported", "skills.json")]
EXTRA = os.path.join(CUES, "fuzzy_extra_words.txt")
ENDINGS = os.path.join(CUES, "inflection_endings.txt")
MIN_STEM = 4  # MIN_STEM in src/matcher/inflection.rs
MIN_STEM_SHORT_ENDING = 5  # MIN_STEM_SHORT_ENDING there
MIN = 7  # FUZZY_MIN_LEN in crates/skillgap-data/src/index.rs
WORDFREQ_VERSION = "3.1.1"
WORDFREQ_LANGS = ("ca cs da de en es fi fil fr hu id is it lt lv ms nb nl pl pt ro sh sk sl sv "
                  "tr").split()
WORDFREQ_MIN = 1e-6  # once per million words (Zipf 3)


def max_distance(n):
    """The fuzzy distance allowed for a word of n letters (src/matcher/fuzzy.rs)."""
    return 2 if n >= 11 else 1


def osa(a, b):
    """Optimal string alignment distance (strsim::osa_distance)."""
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def deletions(word, depth):
    """Every string made from `word` by deleting up to `depth` characters, `word` included."""
    out, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def skills():
    out = []
    for path in TAXONOMIES:
        if os.path.exists(path):
            data = json.load(open(path, encoding="utf-8"))
            out.extend(data["skills"] if isinstance(data, dict) else data)
    return out


def forms_of(skill):
    return [skill["name"]] + skill.get("aliases", [])


def dictionary():
    """(every ASCII word lowercased, the words the lists write in lowercase)."""
    words, lower_words = set(), set()
    for name in DICTS:
        path = os.path.join("/usr/share/dict", name)
        if not os.path.exists(path):
            sys.exit(f"error: `{path}` is missing (apt-get install wamerican wngerman wspanish wfrench)")
        for line in open(path, encoding="utf-8", errors="replace"):
            w = line.strip()
            if w.isascii() and w.isalpha():
                words.add(w.lower())
                if w.islower():
                    lower_words.add(w)
    return words, lower_words


def wordfreq_words():
    """ASCII-letter words of wordfreq's lists, at least WORDFREQ_MIN frequent in one language."""
    try:
        import wordfreq
    except ImportError:
        sys.exit(f"error: the Python package wordfreq is missing "
                 f"(python3 -m pip install wordfreq=={WORDFREQ_VERSION})")
    from importlib.metadata import version
    if version("wordfreq") != WORDFREQ_VERSION:
        sys.exit(f"error: wordfreq {version('wordfreq')} found, {WORDFREQ_VERSION} needed "
                 f"(python3 -m pip install wordfreq=={WORDFREQ_VERSION})")
    out = set()
    for lang in WORDFREQ_LANGS:
        for w, f in wordfreq.get_frequency_dict(lang, "best").items():
            if f >= WORDFREQ_MIN and len(w) >= MIN_STEM and w.isascii() and w.isalpha():
                out.add(w.lower())
    return out


def extra_words():
    return {l.strip() for l in open(EXTRA, encoding="utf-8")
            if l.strip() and not l.startswith("#")}


def endings():
    """(ending, vowels it may have replaced) of src/matcher/cues/inflection_endings.txt."""
    out = []
    for line in open(ENDINGS, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        ending, _, vowels = line.strip().partition(" ")
        out.append((ending, vowels.split()))
    return out


def declined(words, one_word_forms):
    """The words that read as a one-word form and a case ending (src/matcher/inflection.rs)."""
    out = set()
    ends = endings()
    for w in words:
        for ending, vowels in ends:
            if not w.endswith(ending) or len(w) == len(ending):
                continue
            stem = w[: len(w) - len(ending)]
            need = MIN_STEM_SHORT_ENDING if len(ending) == 1 else MIN_STEM
            if any(len(f) >= need and f in one_word_forms
                   for f in [stem] + [stem + v for v in vowels]):
                out.add(w)
                break
    return out


def generate():
    taxonomy = skills()
    all_forms = {f.lower() for s in taxonomy for f in forms_of(s)}
    targets = {f.lower() for s in taxonomy if not s.get("ambiguous")
               for f in forms_of(s) if f.isalpha() and len(f) >= MIN}
    words, lower_words = dictionary()
    words |= extra_words()
    # The frequency lists of many languages guard fuzzy matching only: as declined names they
    # would also hide real ones (Polish "kotlina", a valley, is also "Kotlin" declined).
    fuzzy_words = words | wordfreq_words()
    # Deletion index of the targets. A word of n letters and a target within distance d share
    # a string reached by at most d deletions from each, so depth 2 covers every pair where
    # the word may have 11+ letters (targets of 10+ letters; shorter ones are 2+ away from
    # any 11-letter word anyway, d = 1 then).
    index = {}
    for t in targets:
        for d in deletions(t, 2 if len(t) >= 10 else 1):
            index.setdefault(d, set()).add(t)
    near = set()
    for w in fuzzy_words:
        if len(w) < MIN or w in all_forms:
            continue
        m = max_distance(len(w))
        seen = set()
        for d in deletions(w, m):
            for t in index.get(d, ()):
                if t in seen:
                    continue
                seen.add(t)
                if t[0] == w[0] and abs(len(t) - len(w)) <= m and 0 < osa(w, t) <= m:
                    near.add(w)
                    break
            if w in near:
                break
    one_word_forms = {f.lower() for s in taxonomy for f in forms_of(s)
                      if f.isascii() and f.isalnum()}
    near |= declined(words - all_forms, one_word_forms)
    word_forms = {f.lower() for s in taxonomy for f in forms_of(s)
                  if f.isascii() and f.isalpha() and f.lower() in lower_words}
    head = ("# Generated by scripts/gen-word-guards.py from roles/skills.json{imp} and the {langs} "
            "word lists; do not edit.\n# {what}\n")
    imp = " and roles/imported/skills.json" if os.path.exists(TAXONOMIES[1]) else ""
    langs = "English, German, Spanish and French"
    return {
        "fuzzy_skip.txt": head.format(imp=imp, langs=langs + " (and wordfreq's)", what=(
            "Dictionary words within the fuzzy distance of a skill's long form, or read as a "
            "one-word form and a case ending:\n# fuzzy matching and declined names never start "
            "from them. One lowercase word per line. Read by\n# src/matcher/fuzzy.rs and "
            "src/matcher/inflection.rs.")) + "".join(w + "\n" for w in sorted(near)),
        "word_forms.txt": head.format(imp=imp, langs=langs, what=(
            "Taxonomy forms of one word that are lowercase dictionary words: written in "
            "lowercase in a skills line,\n# they count only as list items. One lowercase word "
            "per line. Read by src/matcher/candidates.rs.")) +
        "".join(w + "\n" for w in sorted(word_forms)),
    }


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name, text in generate().items():
        path = os.path.join(CUES, name)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if check:
            if old != text:
                stale.append(name)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"{path}: {text.count(chr(10)) - 2} words", file=sys.stderr)
    if stale:
        print("error: stale word lists (run scripts/gen-word-guards.py): " + ", ".join(stale),
              file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
