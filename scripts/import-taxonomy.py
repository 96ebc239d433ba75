#!/usr/bin/env python3
"""Writes roles/imported/skills.json from the open sources vendored in roles/sources/.

Usage: scripts/import-taxonomy.py [--check]   (Python 3.11, standard library only)

  --check   write nothing; exit 1 when a file on disk differs from what the import writes.

Writes roles/imported/skills.json and roles/imported/occupations.tsv (O*NET-SOC code, title,
and the ids of the taxonomy skills O*NET flags Hot Technology for the occupation, space
separated; read by `skillgap roles check` and `roles show`).

Reads, offline and deterministically (same inputs, same bytes out):
  roles/skills.json                               the curated taxonomy (never written here)
  roles/sources/onet/technology-skills.tsv        O*NET Technology Skills (CC BY 4.0)
  roles/sources/linguist/linguist-languages-*.tgz GitHub Linguist's languages (MIT)
  roles/sources/simple-icons/simple-icons.json    simple-icons brand titles and aliases (CC0)
  /usr/share/dict/{american-english,ngerman,spanish,french}   Debian word lists (wamerican,
                                                  wngerman, wspanish, wfrench)

Prints the number of skills by source on stderr. The rules (each a rule of a kind of entry,
never of one name; roles/README.md "Imported skills" says the same for readers of the data):

Curated entries win (a maker's longer name, and a closing acronym that spells the name's
initials, may also find a curated product: see import_onet). An imported entry one of whose forms (its name, or for O*NET the short
name without the vendor, or the acronym closing a descriptive O*NET name) is a name or alias of
a curated skill, by the matcher's comparison key, is written under the curated id: it carries
the curated name and category (which the merge ignores), the imported aliases no existing form
takes, and its provenance. `skillgap_data::skill::merge` then keeps every curated field and
adds only those aliases and the provenance, so a re-import never changes a curated field.

Every form is unique across the merged taxonomy: a form (by comparison key) that an earlier
skill already has, or that is another skill's id, is not added; an entry whose name is taken
joins the skill that has it (its aliases and provenance go there).

Forms of one or two characters, or of more than MAX_WORDS words, are dropped (curated forms
are never dropped). A form that is
only a generic kind of software (GENERIC_ACRONYMS: "CRM", "ERP") is dropped.

Ordinary words: a word of English (the lowercase entries of wamerican), German, Spanish or
French (compared in lowercase), or a capitalised wamerican entry (a person's or place's name:
"Monica", "Kafka"). An imported name made only of such words ("Excavator", "Front Desk",
linguist's "Just" and "Edge") is dropped: measured on the labelled resumes, such names were
found as ordinary words even as ambiguous skills (in skills lines and lists, where ambiguous
names count in any case). The exception is an O*NET example flagged Hot Technology ("Zoom",
"Adobe Acrobat"), kept with "ambiguous": true (matched in written case and only with
evidence, as curated ambiguous skills are). An imported alias made only of such words is
dropped (a stripped short form: "Microsoft Word" never gives "Word"; a code-fence id of
linguist: "shell", "console").

O*NET: one entry per distinct Example. Generic entries are dropped: an example whose last
word is a kind noun (KIND_NOUNS: "software", "systems", "databases") or that is written as a
descriptive phrase (two words or more, every word after the first in lowercase, ignoring
capitals-only acronyms: "Mutation testing software", "Financial aid management system FAM").
A descriptive phrase closed by an acronym only maps that acronym to an existing skill
("Common business oriented language COBOL" is COBOL). A vendor prefix is the longest run of
leading words (at most three) that every example starting with its first word shares, when
two examples or more start with it ("Microsoft", "Texas Instruments"); the rest is the short
name. The short name becomes the display name and the full example an alias when the short
name is safe: three characters or more, not made only of ordinary words, not a generic
acronym, and no other example's full name ("Atlassian JIRA" is Jira with alias "Atlassian
JIRA"); examples of several makers with the same short name join one entry ("IBM CATIA" and
"Dassault Systemes CATIA" are CATIA). Otherwise the full example is the name. The class with the most occupation rows
(then the lowest code) is the entry's class; CATEGORY_OF_CLASS maps it to a category, and
the provenance keeps the class title and the Hot Technology flag (true when any row has Y).

linguist: languages of type programming, markup and data (not prose), category language,
with their aliases (code-fence ids) under the rules above.

Versions: a name closed by a version ("6.0", "v2", "2019", "XI") names the skill of the name
without it when that skill exists (the matcher takes attached versions itself), for O*NET and
linguist alike. source_id is linguist's
languageId.

simple-icons: a brand whose title or alias is a form of a skill (curated, O*NET or linguist)
adds its provenance and its other aliases (aka, dup titles, loc, old) to that skill. A brand
that matches no skill becomes a new skill only when its icon comes from where open-source
software projects publish (SOFTWARE_SOURCES: a repository host, the Apache or CNCF brand
pages): car makers, airlines and shops are never added. Category tool.
"""
import csv
import io
import json
import os
import re
import sys
import tarfile
import unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = os.path.join(ROOT, "roles", "sources")
OUT = os.environ.get("IMPORT_OUT") or os.path.join(ROOT, "roles", "imported", "skills.json")
DICTS = {
    "english": "/usr/share/dict/american-english",
    "german": "/usr/share/dict/ngerman",
    "spanish": "/usr/share/dict/spanish",
    "french": "/usr/share/dict/french",
}
LINGUIST_TGZ = os.path.join(SOURCES, "linguist", "linguist-languages-9.5.0.tgz")

# O*NET commodity classes -> skillgap category (crates/skillgap-data/src/category.rs). Every
# class not listed is `tool` (a product or platform).
CATEGORY_OF_CLASS = {
    "43232304": "database",  # Data base management system software
    "43232311": "database",  # Object oriented data base management software
    "43233513": "cloud",  # Cloud-based data access and sharing software
    "43232806": "cloud",  # Cloud-based management software
    "43233206": "cloud",  # Cloud-based protection or security software
}

# O*NET classes in which a maker's name before a language names the language itself
# ("Oracle Java", "Microsoft PowerShell", "Apple AppleScript").
DEV_CLASS = re.compile(r"development|operating system", re.I)

# Last words that make an O*NET example a kind of software rather than a product.
KIND_NOUNS = {
    "software", "systems", "system", "databases", "database", "programs", "program",
    "applications", "application", "apps", "tools", "tool", "utilities", "utility",
    "packages", "package", "platforms", "platform", "suites", "suite", "services",
    "solutions", "products", "synthesizers", "simulators", "modules", "interfaces",
    "browsers", "browser", "editors", "compilers", "libraries", "languages", "tracking",
}

# Acronyms that name a kind of software, never one product: a form that is only one of
# these is dropped.
GENERIC_ACRONYMS = {
    "ats", "bi", "cad", "cae", "cam", "cmms", "cms", "crm", "dbms", "dms", "ecm", "edms",
    "ehr", "emr", "erp", "gis", "hcm", "hris", "hrms", "ide", "lims", "lms", "mes", "mrp", "oms",
    "pim", "plm", "pms", "pos", "rdbms", "scm", "sis", "tms", "vpn", "wms",
}

# Consumer platforms that resumes name as contact channels, employers or things acquired
# ("linkedin: ...", "Social: Facebook, Instagram", "Acquired Tumblr"), far more often than as
# a skill; O*NET lists them as web software of marketing occupations. A name that is one of
# these is not imported as a skill of its own (their business tools, such as "Facebook Ads"
# or "LinkedIn Recruiter", stay).
CONSUMER_PLATFORMS = {
    "facebook", "instagram", "twitter", "x", "linkedin", "tumblr", "tiktok", "snapchat",
    "pinterest", "youtube", "whatsapp", "reddit", "telegram", "wechat", "flickr", "myspace",
    "vimeo", "threads", "bluesky", "mastodon", "weibo", "line", "viber", "signal", "skype",
    "quora", "medium", "yelp", "foursquare", "vk", "xing",
}


def consumer_platform(form):
    return key(form) in CONSUMER_PLATFORMS


# Where open-source software projects publish their logos: a simple-icons brand whose icon
# comes from one of these hosts may become a new skill.
SOFTWARE_SOURCES = ("github.com", "gitlab.com", "apache.org", "www.apache.org",
                    "cncf-branding.netlify.app")

# Words of company names ("Pro Systems", "Harland Financial Solutions"): a short name that
# still starts with the rest of a company name loses it, up to and including such a word.
CORPORATE_WORDS = {
    "systems", "system", "software", "solutions", "services", "technologies", "technology",
    "group", "corporation", "corp", "corp.", "inc", "inc.", "llc", "ltd", "ltd.", "co.",
    "international", "engineering", "associates", "labs", "laboratories", "sciences",
    "company", "consulting", "enterprises", "networks", "instruments", "soft", "gmbh", "ag",
}

LINGUIST_TYPES = {"programming", "markup", "data"}

# --- forms ------------------------------------------------------------------------------


def normal_form(raw):
    """The matcher's normalisation of a form (crates/skillgap-data/src/normalize.rs)."""
    s = raw if raw.isascii() else unicodedata.normalize("NFKC", raw)
    out = []
    for c in s:
        if c in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
            continue
        if "\u2010" <= c <= "\u2015" or c in "\u2212\ufe58\ufe63\uff0d":
            c = "-"
        elif c in "\u2018\u2019\u201a\u201b\u2032":
            c = "'"
        elif c in "\u201c\u201d\u201e\u201f\u2033":
            c = '"'
        elif c.isspace():
            c = " "
        elif unicodedata.category(c) in ("Cc", "Cf"):
            continue
        out.append(c)
    return " ".join("".join(out).split())


def key(form):
    """The comparison key (crates/skillgap-data/src/form.rs): normalised, ASCII lowercase."""
    return "".join(c.lower() if c.isascii() else c for c in normal_form(form))


def kebab(name):
    s = name.replace("++", "pp").replace("+", "-plus").replace("#", "-sharp")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s or "skill"


WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def load_words():
    words = set()
    for lang, path in DICTS.items():
        if not os.path.exists(path):
            sys.exit(f"error: {path} is missing: apt-get install wamerican wngerman wspanish wfrench")
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                w = line.strip()
                if not w or "'" in w:
                    continue
                if lang == "english" and not w.islower():
                    continue
                words.add(w.lower())
    names = set()
    with open(DICTS["english"], encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and "'" not in w and w[0].isupper() and w[1:].islower():
                names.add(w.lower())
    return words, names


WORDS, PROPER = load_words()


def tokens(form):
    return normal_form(form).split(" ")


def is_ordinary(form):
    """True when every token of the form is an ordinary word (or a person's or place's
    name): letters only, in a word list."""
    toks = tokens(form)
    for t in toks:
        if not WORD.fullmatch(t):
            return False
        low = t.lower()
        if low not in WORDS and low not in PROPER:
            return False
    return True


def is_ordinary_word(form):
    """True when the form is one word, written capitalised or in lowercase, that is an
    ordinary word once a hyphen is dropped or as the singular of a plural: "E-mail" (email),
    "Analytics" (analytic), which the word lists do not hold as written. Such a name alone is
    never safe."""
    toks = tokens(form)
    if len(toks) != 1:
        return False
    # Written as a word is: capitalised or lowercase ("JASS", "SugarSS", "I-DEAS" are names).
    letters = toks[0].replace("-", "")
    low = letters.lower()
    if not low.isalpha() or letters[1:] != low[1:]:
        return False
    return (low in WORDS or low in PROPER
            or (low.endswith("s") and (low[:-1] in WORDS or low[:-1] in PROPER)))


# The most words an imported form may have: the longest curated forms have five, the
# matcher's line-wrap window covers five (src/matcher/wraps.rs), and nobody writes a product
# in more ("EBSCO Information Services Library Literature and Information Science Index").
MAX_WORDS = 5


def too_short(form):
    """Forms the import never writes: one or two characters, more than MAX_WORDS words, or
    MAX_WORDS words with a later word that starts with no letter (the line-wrap rule needs
    the next line to start in lowercase, so such a form could not be found across a wrap)."""
    toks = tokens(form)
    if len(toks) == MAX_WORDS and any(not t[:1].isalpha() for t in toks[1:]):
        return True
    return len(normal_form(form)) <= 2 or len(toks) > MAX_WORDS


def generic_acronym(form):
    return key(form) in GENERIC_ACRONYMS


# --- the taxonomy being built -------------------------------------------------------------


class Taxonomy:
    def __init__(self, curated):
        self.curated = {s["id"]: s for s in curated}
        self.owner = {}  # form key -> skill id
        self.ids = set()
        self.entries = {}  # id -> imported entry
        for s in curated:
            self.ids.add(s["id"])
            for f in [s["name"]] + s.get("aliases", []):
                self.owner.setdefault(key(f), s["id"])

    def taken(self, form, by=None):
        k = key(form)
        o = self.owner.get(k)
        return (o is not None and o != by) or (k in self.ids and k != by)

    def find(self, form):
        return self.owner.get(key(form))

    def entry(self, sid):
        """The imported entry of skill `sid` (for a curated id: the contribution)."""
        if sid not in self.entries:
            c = self.curated[sid]
            self.entries[sid] = {"id": sid, "name": c["name"], "category": c["category"],
                                 "aliases": [], "provenance": [], "curated": True}
        return self.entries[sid]

    def new(self, name, category, ambiguous):
        base = kebab(name)
        sid, n = base, 2
        while sid in self.ids or sid in self.owner and self.owner[sid] != sid:
            sid, n = f"{base}-{n}", n + 1
        self.ids.add(sid)
        self.owner[key(name)] = sid
        e = {"id": sid, "name": name, "category": category, "aliases": [], "provenance": [],
             "curated": False}
        if ambiguous:
            e["ambiguous"] = True
        self.entries[sid] = e
        return e

    def add_alias(self, e, alias):
        """Adds `alias` to entry `e` when the rules allow it; returns whether it did."""
        if too_short(alias) or generic_acronym(alias) or is_ordinary(alias):
            return False
        if self.taken(alias, by=e["id"]) or self.owner.get(key(alias)) == e["id"]:
            return False
        self.owner[key(alias)] = e["id"]
        e["aliases"].append(alias)
        return True

    def add_provenance(self, e, prov):
        if prov not in e["provenance"]:
            e["provenance"].append(prov)


# --- O*NET --------------------------------------------------------------------------------


def onet_examples():
    path = os.path.join(SOURCES, "onet", "technology-skills.tsv")
    rows = defaultdict(Counter)
    titles = {}
    hot = defaultdict(bool)
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            ex = r["Example"].strip()
            rows[ex][r["Commodity Code"]] += 1
            titles[r["Commodity Code"]] = r["Commodity Title"]
            hot[ex] |= r["Hot Technology"] == "Y"
    out = []
    for ex in sorted(rows):
        code = min(rows[ex], key=lambda c: (-rows[ex][c], c))
        out.append((ex, code, titles[code], hot[ex]))
    return out


def is_acronym(t):
    return len(t) >= 2 and t.isupper() and t.isalpha()


# A version word: "6.0", "v2", "2019", "XP" is not one (a name), Roman numerals are.
VERSION = re.compile(r"v?\d+(?:\.\d+)*[a-z]?|[IVX]{1,4}")


def restates(acronym, words):
    """Whether `acronym` spells the initials of `words`, in order and from the first: capitals
    inside a word count ("JavaScript Object Notation" is JSON), a digit repeats the letter
    before it ("Elastic Compute Cloud" is EC2, "Simple Storage Service" is S3)."""
    letters = ""
    for c in acronym:
        if c.isdigit() and letters:
            letters += letters[-1] * (int(c) - 1)
        elif c.isalpha():
            letters += c.upper()
    initials = [c for w in words for i, c in enumerate(w) if c.isupper() or (i == 0 and c.isalpha())]
    initials = [c.upper() for c in initials]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    it = iter(initials)
    return all(any(c == l for c in it) for l in letters)


def descriptive(toks):
    """Two words or more, every word after the first in lowercase (acronyms aside)."""
    rest = [t for t in toks[1:] if not is_acronym(t)]
    return len(toks) >= 2 and len(rest) >= 1 and all(t.islower() for t in rest)


def vendor_prefixes(examples):
    """First word -> the vendor prefix (a tuple of words), for first words that start two
    examples or more: the longest run of leading words (at most three) they all share."""
    by_first = defaultdict(list)
    for ex, *_ in examples:
        toks = tokens(ex)
        if len(toks) >= 2:
            by_first[toks[0]].append(toks)
    prefixes = {}
    for first, group in by_first.items():
        # A vendor's first word is a name of its own ("Microsoft", "Atlassian") or an
        # acronym ("IBM", "SAP"), never an ordinary word ("Scientific", "Water", "The"):
        # such a word starts examples of unrelated makers.
        if len(group) < 2 or not first[:1].isupper():
            continue
        if is_ordinary(first) and not (len(first) >= 3 and is_acronym(first)):
            continue
        n = 1
        while n < 3 and all(len(t) > n + 1 and t[n] == group[0][n] for t in group):
            n += 1
        prefixes[first] = tuple(group[0][:n])
    return prefixes


def import_onet(tax, stats):
    examples = onet_examples()
    prefixes = vendor_prefixes(examples)
    plans = []
    for ex, code, title, hot in examples:
        toks = tokens(ex)
        prov = {"source": "onet", "source_id": ex, "onet_class": title, "hot_technology": hot}
        generic = toks[-1].lower() in KIND_NOUNS or descriptive(toks)
        if generic:
            # Only a closing acronym may still name a skill that exists.
            if descriptive(toks) and is_acronym(toks[-1]) and tax.find(toks[-1]):
                plans.append(("map", tax.find(toks[-1]), ex, None, prov))
            else:
                stats["onet generic, dropped"] += 1
            continue
        short = None
        p = prefixes.get(toks[0])
        if p and len(toks) > len(p) and tuple(toks[: len(p)]) == p:
            rest = toks[len(p):]
            cut = max((i + 1 for i, t in enumerate(rest[:3]) if t.lower() in CORPORATE_WORDS),
                      default=0)
            if cut < len(rest) and not generic_acronym(rest[cut]):
                short = " ".join(rest[cut:])
        # For finding a curated skill, any first word may be a maker ("Oracle Java" is Java,
        # "Google Angular" is Angular), ordinary word or not.
        loose = " ".join(toks[1:]) if len(toks) >= 2 else None
        # ...but a product of another field whose name ends in a language ("Windent SQL", a
        # dental office program of the class "Medical software") is a product, not the
        # language: a curated language is found by its maker's name or short name only from
        # a development or operating-system class.
        def names_language(form):
            found = tax.find(form)
            return bool(found) and tax.curated.get(found, {}).get("category") == "language"

        # A maker's longer name before a curated skill finds it too ("Amazon Web Services AWS
        # CloudFormation" is AWS CloudFormation): the name without its first two or three
        # words, when two words or more remain.
        longer = [" ".join(toks[k:]) for k in (2, 3) if len(toks) - k >= 2]
        # A closing acronym that restates the name ("Amazon Elastic Compute Cloud EC2",
        # "Amazon Simple Storage Service S3") names the same skill as the name without it.
        restated = []
        if len(toks) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9]+", toks[-1]):  # filtered below
            bare = toks[:-1]
            restated = [" ".join(b) for b in (bare, bare[1:]) if restates(toks[-1], b)]
        # ...a product, not a practice: "Foxware Warehouse Management" is no alias of a
        # concept.
        def names_product(form):
            found = tax.find(form)
            return bool(found) and tax.curated.get(found, {}).get("category") != "practice"

        longer = [f for f in longer + restated if names_product(f)]
        lookups = [ex] + [f for f in (short, loose, *longer)
                          if f and (DEV_CLASS.search(title) or not names_language(f))]
        sid = next((tax.find(f) for f in lookups if tax.find(f)), None)
        # A version closing the name names the same skill ("Microsoft Visual Basic 6.0" is
        # Visual Basic): the matcher takes attached versions itself.
        while sid is None and len(toks) >= 2 and VERSION.fullmatch(toks[-1]):
            toks = toks[:-1]
            bare = " ".join(toks)
            cut = [bare, " ".join(toks[1:]) if len(toks) >= 2 else None]
            if short:
                short = " ".join(tokens(short)[:-1]) or None
                cut.append(short)
            sid = next((tax.find(f) for f in cut if f and tax.find(f)), None)
        if sid and sid in tax.curated:
            plans.append(("map", sid, ex, short, prov))
        else:
            plans.append(("new", None, ex, short, prov))
    # A short name that is another example's full name is not safe. One that two examples
    # share names one product under two makers ("Dassault Systemes CATIA", "IBM CATIA";
    # "Delcam PowerMILL", "Autodesk PowerMill"): they join one entry (ordinary-word shorts
    # such as "Mechanical" are not safe anyway).
    short_count = Counter(key(s) for kind, _, _, s, _ in plans if kind == "new" and s)
    full_keys = {key(ex) for _, _, ex, _, _ in plans}
    category = {}
    for kind, sid, ex, short, prov in plans:
        if kind == "map":
            e = tax.entry(sid)
            tax.add_alias(e, ex)
            tax.add_provenance(e, prov)
            stats["onet into curated"] += 1
            continue
        if too_short(ex) or generic_acronym(ex) or consumer_platform(ex):
            stats["onet too short or generic, dropped"] += 1
            continue
        safe = (short and short[0].isalpha() and sum(c.isalpha() for c in short) >= 3
                and not too_short(short) and not generic_acronym(short)
                and not is_ordinary(short) and not is_ordinary_word(short)
                and key(short) not in full_keys and not tax.taken(short))
        # The same short name, already given to another maker's example: join that entry.
        shared = tax.find(short) if short and short_count[key(short)] > 1 else None
        if shared and shared not in tax.curated and shared in tax.entries:
            e = tax.entries[shared]
            tax.add_alias(e, ex)
            tax.add_provenance(e, prov)
            stats["onet into an entry of another maker"] += 1
            continue
        name = short if safe else ex
        if too_short(name):
            stats["onet too long, dropped"] += 1
            continue
        if is_ordinary(name) and not prov["hot_technology"] and not tax.find(name):
            stats["onet ordinary words, not hot, dropped"] += 1
            continue
        sid = tax.find(name) or tax.find(ex)
        if sid:  # an entry made earlier (same form): join it
            e = tax.entries.get(sid) or tax.entry(sid)
        else:
            cat = CATEGORY_OF_CLASS.get(prov_code(prov, ex), "tool")
            e = tax.new(name, cat, is_ordinary(name))
            stats["onet new"] += 1
        if name != ex:
            tax.add_alias(e, ex)
        tax.add_provenance(e, prov)
        category[e["id"]] = True


CLASS_CODE = {}


def prov_code(prov, ex):
    return CLASS_CODE.get(ex, "")


# --- linguist -----------------------------------------------------------------------------

JS_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")|(?P<num>-?\d+(?:\.\d+)?)|(?P<id>[A-Za-z_$][\w$]*)|(?P<p>[{}\[\]:,]))")


def js_value(text):
    """Reads the object literal of `export default {...}` (the module format of
    linguist-languages: unquoted keys, single-quoted strings, trailing commas)."""
    body = text[text.index("{"):]
    toks = []
    pos = 0
    while pos < len(body):
        m = JS_TOKEN.match(body, pos)
        if not m:
            if body[pos:].strip() == "":
                break
            raise ValueError(f"unexpected text: {body[pos:pos + 20]!r}")
        pos = m.end()
        if m.group("str") is not None:
            s = m.group("str")[1:-1]
            s = re.sub(r"\\(u[0-9a-fA-F]{4}|.)",
                       lambda x: chr(int(x.group(1)[1:], 16)) if x.group(1)[0] == "u"
                       and len(x.group(1)) == 5 else x.group(1), s)
            toks.append(("s", s))
        elif m.group("num") is not None:
            toks.append(("n", float(m.group("num"))))
        elif m.group("id") is not None:
            v = m.group("id")
            toks.append(("b", {"true": True, "false": False, "null": None}[v]) if v in (
                "true", "false", "null") else ("k", v))
        else:
            toks.append(("p", m.group("p")))
    value, _ = js_parse(toks, 0)
    return value


def js_parse(toks, i):
    kind, v = toks[i]
    if (kind, v) == ("p", "{"):
        obj, i = {}, i + 1
        while toks[i] != ("p", "}"):
            k = toks[i][1]
            assert toks[i + 1] == ("p", ":"), toks[i + 1]
            obj[k], i = js_parse(toks, i + 2)
            if toks[i] == ("p", ","):
                i += 1
        return obj, i + 1
    if (kind, v) == ("p", "["):
        arr, i = [], i + 1
        while toks[i] != ("p", "]"):
            item, i = js_parse(toks, i)
            arr.append(item)
            if toks[i] == ("p", ","):
                i += 1
        return arr, i + 1
    return v, i + 1


def linguist_languages():
    out = []
    with tarfile.open(LINGUIST_TGZ) as tar:
        for m in sorted(tar.getmembers(), key=lambda m: m.name):
            if m.name.startswith("package/data/") and m.name.endswith(".js"):
                text = tar.extractfile(m).read().decode("utf-8")
                out.append(js_value(text))
    return sorted(out, key=lambda l: l["name"])


def import_linguist(tax, stats):
    for lang in linguist_languages():
        if lang.get("type") not in LINGUIST_TYPES:
            stats["linguist prose, dropped"] += 1
            continue
        name = lang["name"]
        prov = {"source": "linguist", "source_id": str(int(lang["languageId"]))}
        sid = tax.find(name)
        toks = tokens(name)
        if sid is None and len(toks) >= 2 and VERSION.fullmatch(toks[-1]):
            # "Visual Basic 6.0" is Visual Basic: the matcher takes attached versions itself.
            sid = tax.find(" ".join(toks[:-1]))
        if sid:
            e = tax.entries.get(sid) or tax.entry(sid)
            stats["linguist into existing"] += 1
        elif too_short(name):
            stats["linguist too short, dropped"] += 1
            continue
        elif is_ordinary(name) or is_ordinary_word(name):
            stats["linguist ordinary words, dropped"] += 1
            continue
        else:
            e = tax.new(name, "language", False)
            stats["linguist new"] += 1
        for alias in lang.get("aliases", []):
            tax.add_alias(e, alias)
        tax.add_provenance(e, prov)


# --- simple-icons -------------------------------------------------------------------------


def brand_aliases(brand):
    a = brand.get("aliases", {})
    out = list(a.get("aka", []))
    out += [d["title"] for d in a.get("dup", [])]
    out += list(a.get("loc", {}).values())
    out += list(a.get("old", []))
    return out


def import_simple_icons(tax, stats):
    with open(os.path.join(SOURCES, "simple-icons", "simple-icons.json"), encoding="utf-8") as f:
        brands = json.load(f)
    for b in sorted(brands, key=lambda b: b["slug"]):
        prov = {"source": "simple-icons", "source_id": b["slug"]}
        aliases = brand_aliases(b)
        sid = tax.find(b["title"])
        if not sid:
            sid = next((tax.find(a) for a in aliases if tax.find(a)), None)
        if sid:
            e = tax.entries.get(sid) or tax.entry(sid)
            stats["simple-icons into existing"] += 1
        else:
            host = b["source"].split("/")[2] if "://" in b["source"] else ""
            name = b["title"]
            if (host not in SOFTWARE_SOURCES or too_short(name) or generic_acronym(name)
                    or is_ordinary(name) or consumer_platform(name)):
                stats["simple-icons not software, dropped"] += 1
                continue
            e = tax.new(name, "tool", is_ordinary(name))
            stats["simple-icons new"] += 1
        if key(b["title"]) != key(e["name"]):
            tax.add_alias(e, b["title"])
        for a in aliases:
            tax.add_alias(e, a)
        tax.add_provenance(e, prov)


# --- output -------------------------------------------------------------------------------

LINE_WIDTH = 100


def json_string(s):
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif invisible(c):
            for unit in c.encode("utf-16-be").hex(" ", 2).split(" "):
                out.append("\\u" + unit)
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def invisible(c):
    o = ord(c)
    return (unicodedata.category(c) == "Cc" or (c.isspace() and c != " ")
            or o in (0xAD, 0x34F, 0x61C, 0x180E, 0xFEFF)
            or 0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E or 0x2060 <= o <= 0x2064
            or 0x2066 <= o <= 0x206F or 0xFFF9 <= o <= 0xFFFB)


def prov_text(p):
    parts = [f'"source": {json_string(p["source"])}', f'"source_id": {json_string(p["source_id"])}']
    if "onet_class" in p:
        parts.append(f'"onet_class": {json_string(p["onet_class"])}')
    if "hot_technology" in p:
        parts.append(f'"hot_technology": {"true" if p["hot_technology"] else "false"}')
    return "{" + ", ".join(parts) + "}"


def canonical(entries):
    """The canonical text of crates/skillgap-data/src/canonical.rs."""
    lines = ['{"skills": [']
    ordered = sorted(entries, key=lambda e: e["id"])
    for n, e in enumerate(ordered):
        head = (f'{{"id": {json_string(e["id"])}, "name": {json_string(e["name"])}, '
                f'"category": {json_string(e["category"])}')
        fields = []
        aliases = sorted(e["aliases"], key=lambda a: (key(a), a))
        if aliases:
            fields.append(("aliases", [json_string(a) for a in aliases]))
        if e.get("ambiguous"):
            fields.append(("ambiguous", None))
        provs = sorted(e["provenance"], key=lambda p: (p["source"], p["source_id"]))
        if provs:
            fields.append(("provenance", [prov_text(p) for p in provs]))

        def field_text(k, items):
            return f'"{k}": true' if items is None else f'"{k}": [{", ".join(items)}]'

        one = head + "".join(", " + field_text(k, v) for k, v in fields) + "}"
        if len(one) < LINE_WIDTH:
            text = one
        else:
            text = head
            for k, items in fields:
                line = "  " + field_text(k, items)
                if items is not None and len(line) + 2 > LINE_WIDTH:
                    text += f',\n  "{k}": [' + ",".join("\n    " + i for i in items) + "\n  ]"
                else:
                    text += ",\n" + line
            text += "}"
        lines.append(text + ("," if n + 1 < len(ordered) else ""))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    with open(os.path.join(ROOT, "roles", "skills.json"), encoding="utf-8") as f:
        curated = json.load(f)["skills"]
    tax = Taxonomy(curated)
    stats = Counter()
    for ex, code, title, hot in onet_examples():
        CLASS_CODE[ex] = code
    import_onet(tax, stats)
    import_linguist(tax, stats)
    import_simple_icons(tax, stats)
    entries = [e for e in tax.entries.values() if not e["curated"] or e["provenance"]]
    text = canonical(entries)
    by_source = Counter()
    for e in entries:
        if not e["curated"]:
            by_source[e["provenance"][0]["source"] if e["provenance"] else "?"] += 1
    new = sum(by_source.values())
    print(f"curated skills: {len(curated)} ({sum(1 for e in entries if e['curated'])} with "
          f"imported provenance)", file=sys.stderr)
    for src in ("onet", "linguist", "simple-icons"):
        print(f"imported from {src}: {by_source[src]}", file=sys.stderr)
    print(f"total: {len(curated) + new} skills", file=sys.stderr)
    for k in sorted(stats):
        print(f"  {k}: {stats[k]}", file=sys.stderr)
    outputs = [(OUT, text), (OCCUPATIONS_OUT, occupations(tax))]
    if check:
        differs = False
        for path, want in outputs:
            try:
                with open(path, encoding="utf-8") as f:
                    same = f.read() == want
            except FileNotFoundError:
                same = False
            if not same:
                print(f"error: {os.path.relpath(path, ROOT)} differs from what the import writes",
                      file=sys.stderr)
                differs = True
        if differs:
            sys.exit(1)
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    for path, want in outputs:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(want)


OCCUPATIONS_OUT = os.path.join(ROOT, "roles", "imported", "occupations.tsv")


def occupations(tax):
    """The occupation table: every O*NET-SOC code with its title and the taxonomy ids of its
    Hot Technology examples (an example maps to the skill whose provenance records it)."""
    skill_of = {}
    for e in tax.entries.values():
        for p in e["provenance"]:
            if p["source"] == "onet":
                skill_of.setdefault(p["source_id"], e["id"])
    hot = defaultdict(set)
    with open(os.path.join(SOURCES, "onet", "technology-skills.tsv"), encoding="utf-8",
              newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            sid = skill_of.get(r["Example"].strip())
            if r["Hot Technology"] == "Y" and sid:
                hot[r["O*NET-SOC Code"]].add(sid)
    lines = ["# O*NET-SOC code\ttitle\tHot Technology skill ids (written by "
             "scripts/import-taxonomy.py from the O*NET Database, March 2024 release, CC BY 4.0)"]
    with open(os.path.join(SOURCES, "onet", "occupation-data.tsv"), encoding="utf-8",
              newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            code = r["O*NET-SOC Code"].strip()
            lines.append(f"{code}\t{r['Title'].strip()}\t{' '.join(sorted(hot[code]))}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
