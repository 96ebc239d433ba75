#!/usr/bin/env python3
"""Skill-extraction evaluation on the shared corpus (not run in CI).

Runs `skillgap extract --format json` on
  - every PDF of ../shared/corpus/pdf that has gold labels in labels.json,
  - every text of true-positives.json (exact skills and learning skills expected),
  - every sentence of false-positives.txt (nothing expected),
and prints micro precision, recall and F1 over skills with text evidence (implied skills are
not scored), the misses and false positives per file, recall over the skills that shipped
roles name, and the trap sentences that yielded skills.

A predicted skill matches a gold name when the name equals, after folding (lowercase; spaces,
dots, dashes, underscores and slashes removed), the skill's id, display name or one of its
aliases.

Usage: scripts/eval-skills.py [--corpus DIR] [--bin PATH]
"""
import argparse, glob, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def fold(s):
    return re.sub(r"[\s._/\-]+", "", s.lower())

def run(binary, args, stdin=None):
    p = subprocess.run([binary] + args, input=stdin, capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "skillgap"))
    a = ap.parse_args()
    # A fresh clone has no corpus: say what is needed rather than end in a traceback.
    needed = ["labels.json", "pdf", "true-positives.json", "false-positives.txt"]
    missing = [n for n in needed if not os.path.exists(os.path.join(a.corpus, n))]
    if missing:
        print(f"error: the evaluation corpus `{os.path.normpath(a.corpus)}` lacks "
              f"{', '.join(missing)}; it needs labels.json, pdf/*.pdf, true-positives.json "
              "and false-positives.txt (the shared corpus is kept outside the repository, "
              "in ../shared/corpus; pass --corpus DIR)", file=sys.stderr)
        sys.exit(2)
    if not os.path.exists(a.bin):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    taxonomy = json.load(open(os.path.join(ROOT, "roles", "skills.json")))["skills"]
    forms = {}  # folded form -> id
    for s in taxonomy:
        for f in [s["id"], s["name"]] + s.get("aliases", []):
            forms.setdefault(fold(f), s["id"])
    role_ids = set()
    for path in glob.glob(os.path.join(ROOT, "roles", "*.json")):
        if os.path.basename(path) in ("skills.json", "schema.json", "families.json"):
            continue
        role = json.load(open(path))
        for ph in role["phases"]:
            for slot in ph["skills"]:
                # a skill, every any-of member, or a family slot's pick (the plan names it)
                role_ids.update(slot.get("any_of", [slot.get("pick")]) if isinstance(slot, dict) else [slot])
    by_id = {s["id"]: s for s in taxonomy}

    def skill_keys(sid):
        s = by_id.get(sid, {"id": sid, "name": sid})
        return {fold(x) for x in [s["id"], s["name"]] + s.get("aliases", [])}

    labels = json.load(open(os.path.join(a.corpus, "labels.json")))
    tp = fp = fn = 0
    role_gold = role_hit = 0
    print("== labelled resume PDFs (micro over skills with text evidence)")
    for stem in sorted(labels):
        pdf = os.path.join(a.corpus, "pdf", stem + ".pdf")
        gold = labels[stem]["skills"]
        code, out, err = run(a.bin, ["extract", pdf, "--format", "json"])
        if code != 0:
            print(f"{stem}: exit {code}: {err.strip()}")
            fn += len(gold)
            continue
        pred = [s for s in json.loads(out)["skills"] if s["match"] != "implied"]
        matched_pred = set()
        misses = []
        for g in gold:
            key = fold(g["name"])
            hit = next((p["id"] for p in pred if key in skill_keys(p["id"])), None)
            gid = forms.get(key)
            in_roles = gid in role_ids if gid else False
            if in_roles:
                role_gold += 1
            if hit:
                tp += 1
                matched_pred.add(hit)
                role_hit += in_roles
            else:
                fn += 1
                misses.append(g["name"] + ("" if gid else " (not in taxonomy)"))
        extra = [p["name"] + " (" + "; ".join(e["text"] for e in p["evidence"][:2]) + ")" for p in pred if p["id"] not in matched_pred]
        fp += len(extra)
        print(f"{stem}: gold {len(gold)}, found {len(pred)}, missed {len(misses)}, extra {len(extra)}")
        if misses:
            print("   missed:", ", ".join(misses))
        if extra:
            print("   extra: ", ", ".join(extra))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"micro precision {prec:.3f}  recall {rec:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"recall over skills that shipped roles name: {role_hit}/{role_gold} = {role_hit / role_gold if role_gold else 1:.3f}")

    print("\n== true-positives.json (exact skills, learning apart)")
    cases = json.load(open(os.path.join(a.corpus, "true-positives.json")))
    ok = 0
    for c in cases:
        code, out, err = run(a.bin, ["extract", "-", "--format", "json"], c["text"].encode())
        rep = json.loads(out) if code == 0 else {"skills": [], "learning": []}
        got = [s for s in rep["skills"] if s["match"] != "implied"]
        want = c["skills"]
        want_learning = c.get("learning", [])
        def same(names, skills):
            if len(names) != len(skills):
                return False
            return all(any(fold(n) in skill_keys(s["id"]) for s in skills) for n in names)
        good = same(want, got) and same(want_learning, rep["learning"])
        ok += good
        if not good:
            print(f"FAIL {c['text']!r}\n   want {want} learning {want_learning}\n   got  {[s['name'] for s in got]} learning {[s['name'] for s in rep['learning']]}")
    print(f"true positives: {ok}/{len(cases)} texts exact")

    print("\n== false-positives.txt (nothing expected)")
    bad = 0
    total = 0
    for line in open(os.path.join(a.corpus, "false-positives.txt"), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        total += 1
        code, out, err = run(a.bin, ["extract", "-", "--format", "json"], line.encode())
        rep = json.loads(out) if code == 0 else {"skills": []}
        if rep["skills"]:
            bad += 1
            print(f"FP {line!r}: {[s['name'] for s in rep['skills']]}")
    print(f"trap sentences with skills: {bad}/{total}")

if __name__ == "__main__":
    main()
