#!/usr/bin/env python3
"""Merges curation fragments into the curated taxonomy (roles/skills.json).

A fragment is a JSON list written by a curator (a person or a helper agent working on one
family of skills from public references, see roles/CONCEPTS.md), of
  - new skills, in the fields of roles/README.md ("Fields"), and
  - {"id": "<curated id>", "add_aliases": [...]}: more aliases for a curated skill.

Rules, so that hand curation is never overwritten and the taxonomy stays valid:
  - a skill whose id is curated already is skipped (reported); an id that only
    roles/imported/skills.json holds is promoted: the fragment's entry becomes curated;
  - a name or alias that another skill already takes (curated, imported under another id,
    or an earlier fragment's skill; compared in lowercase with runs of spaces, hyphens and
    underscores as one space) is dropped from the entry; a skill whose name is taken is
    skipped;
  - an alias of more than MAX_WORDS words is dropped (the matcher's wrap window, WRAP_WORDS in
    src/matcher/wraps.rs, covers forms of up to that many words);
  - the first fragment given wins a duplicate id;
  - `implies` keeps only ids that are curated after the merge;
  - `cues` and `reject` are kept as written.

Writes roles/skills.json with json.dump; `SKILLGAP_BLESS=1 cargo test --release --test it
data::` then rewrites it in its canonical form. Run scripts/import-taxonomy.py after, so the
imported file drops the records now curated.

Usage: scripts/merge-curation.py FRAGMENT.json [...]
Prints what it added, promoted, skipped and dropped; exit status 0, or 2 on unreadable input.
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CURATED = os.path.join(ROOT, "roles", "skills.json")
IMPORTED = os.path.join(ROOT, "roles", "imported", "skills.json")
FIELDS = ["id", "name", "category", "aliases", "implies", "ambiguous", "reject", "cues"]
CATEGORIES = {"language", "framework", "library", "database", "cloud", "tool", "practice"}


MAX_WORDS = 8


def too_long(form):
    return len(form.split()) > MAX_WORDS


def key(form):
    return re.sub(r"[\s\-_]+", " ", form.strip().lower())


def forms(skill):
    return [skill["name"]] + list(skill.get("aliases", [])) + [skill["id"]]


def main(paths):
    try:
        curated = json.load(open(CURATED))["skills"]
        imported = json.load(open(IMPORTED))["skills"]
        fragments = [(p, json.load(open(p))) for p in paths]
    except (OSError, ValueError) as e:
        print(f"merge-curation: {e}", file=sys.stderr)
        return 2
    by_id = {s["id"]: s for s in curated}
    imported_ids = {s["id"] for s in imported}
    owner = {}  # form key -> id
    for s in curated:
        for f in forms(s):
            owner.setdefault(key(f), s["id"])
    for s in imported:
        for f in forms(s):
            owner.setdefault(key(f), s["id"])
    added, promoted, aliases_added, skipped, dropped = [], [], 0, [], []
    new = []
    for path, fragment in fragments:
        name = os.path.basename(path)
        for e in fragment:
            if "add_aliases" in e:
                target = by_id.get(e["id"])
                if target is None:
                    skipped.append(f"{name}: add_aliases to unknown id {e['id']}")
                    continue
                for a in e["add_aliases"]:
                    k = key(a)
                    if too_long(a):
                        dropped.append(f"{name}: {e['id']}: alias {a!r} (over {MAX_WORDS} words)")
                        continue
                    if owner.get(k, e["id"]) != e["id"] or k in map(key, forms(target)):
                        dropped.append(f"{name}: {e['id']}: alias {a!r} ({owner.get(k)})")
                        continue
                    target.setdefault("aliases", []).append(a)
                    owner[k] = e["id"]
                    aliases_added += 1
                continue
            sid = e.get("id")
            if not sid or sid in by_id:
                skipped.append(f"{name}: {sid}: id curated already")
                continue
            if e.get("category") not in CATEGORIES:
                skipped.append(f"{name}: {sid}: category {e.get('category')!r}")
                continue
            if owner.get(key(e["name"]), sid) != sid:
                skipped.append(f"{name}: {sid}: name {e['name']!r} is {owner[key(e['name'])]}'s")
                continue
            skill = {f: e[f] for f in FIELDS if f in e and e[f] not in ([], None, False)}
            kept = []
            for a in skill.get("aliases", []):
                k = key(a)
                if too_long(a):
                    dropped.append(f"{name}: {sid}: alias {a!r} (over {MAX_WORDS} words)")
                    continue
                if owner.get(k, sid) != sid or k == key(skill["name"]) or k in map(key, kept):
                    if owner.get(k, sid) != sid:
                        dropped.append(f"{name}: {sid}: alias {a!r} ({owner.get(k)})")
                    continue
                kept.append(a)
            skill["aliases"] = kept
            for f in forms(skill):
                owner.setdefault(key(f), sid)
            by_id[sid] = skill
            new.append(skill)
            (promoted if sid in imported_ids else added).append(sid)
    for s in new:
        imp = [i for i in s.get("implies", []) if i in by_id and i != s["id"]]
        if imp != s.get("implies", []):
            dropped.append(f"{s['id']}: implies {sorted(set(s.get('implies', [])) - set(imp))}")
        s["implies"] = imp
        for f in ("aliases", "implies", "reject", "cues"):
            if not s.get(f):
                s.pop(f, None)
    skills = sorted(by_id.values(), key=lambda s: s["id"])
    with open(CURATED, "w") as out:
        json.dump({"skills": skills}, out, ensure_ascii=False)
        out.write("\n")
    print(f"added {len(added)} skills, promoted {len(promoted)} imported ids, "
          f"{aliases_added} aliases on curated skills; {len(skipped)} skipped, "
          f"{len(dropped)} forms dropped; curated skills now {len(skills)}")
    for line in skipped + dropped:
        print("  " + line)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
