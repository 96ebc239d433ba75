#!/usr/bin/env python3
"""Posting-reader evaluation: which skills `analyze RESUME --job POSTING` reads as required or
preferred, against postings labelled by hand without running the tool. Not run in CI: it
measures, it does not gate.

A set is a directory with `postings/` (one posting per file) and `postings.json`, which maps a
file's stem to its labels:

    {"stem": {"required": [ids], "preferred": [ids], "context": [ids],
              "not_required": [ids], "notes": ""}}

Labels are taxonomy ids, or `?Name` for a skill the taxonomy lacked when the set was labelled: a
name counts as the id the taxonomy gives it now (curated and imported files, exact name or
alias, case-insensitive), or is left out of recall (and reported apart) while the taxonomy
cannot know it.

For each posting the tool's `required` and `preferred` lists are read (every member of an
either-or group counts as read) and compared with the labelled required + preferred ids:

  - precision: read ids that are labelled required or preferred / read ids;
  - recall: labelled required or preferred ids that are read / labelled ids;
  - need accuracy: of the true positives, those read with the labelled need (an id read both
    as required and preferred counts as required);
  - context kept out: labelled context ids not read as required or preferred (and how many the
    tool lists in its own `context` list, where it has one);
  - not-required kept out: the same for labelled not_required ids (and its `not_required` list);
  - postings without skills: labelled with nothing, and the tool says so (exit 2).

Implied skills are not read: the tool's required and preferred lists carry only the skills the
posting wrote, so they never count against precision.

Usage: scripts/eval-postings.py [--bin PATH] [--resume PATH] [-v] DIR...
  -v prints a line per posting (misses, extra reads, wrong needs). Use it on a dev set only:
  for a held-out set read the totals, never its postings or per-posting lines.
Exit status: 0 after printing the figures, 2 when the data or binary is missing.
"""
import argparse, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def taxonomy_names():
    """Lowercase name or alias -> set of ids, over the curated and imported skills."""
    names = {}
    for rel in ("roles/skills.json", "roles/imported/skills.json"):
        path = os.path.join(ROOT, rel)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for s in json.load(f)["skills"]:
                for n in [s["name"]] + s.get("aliases", []):
                    names.setdefault(n.lower(), set()).add(s["id"])
    return names


def resolve(labels, names):
    """(ids, unknown names): `?Name` labels become the one id the taxonomy gives the name."""
    ids, unknown = [], []
    for label in labels:
        if label.startswith("?"):
            hit = names.get(label[1:].lower(), set())
            if len(hit) == 1:
                ids.append(next(iter(hit)))
            else:
                unknown.append(label)
        else:
            ids.append(label)
    return ids, unknown


def members(entry):
    return entry.get("any_of") or [entry["id"]]


def read(binary, resume, posting):
    """(need by id for required/preferred, context ids, not_required ids, error) for a posting."""
    p = subprocess.run([binary, "analyze", resume, "--job", posting, "--format", "json"],
                       capture_output=True)
    if p.returncode not in (0, 1):
        return {}, set(), set(), p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
    report = json.loads(p.stdout)
    need = {}
    for kind in ("preferred", "required"):
        for entry in report.get(kind, []):
            for m in members(entry):
                need[m] = kind
    context = {m for e in report.get("context", []) for m in members(e)}
    not_required = {m for e in report.get("not_required", []) for m in members(e)}
    return need, context, not_required, None


def score(binary, resume, directory, names, verbose):
    with open(os.path.join(directory, "postings.json"), encoding="utf-8") as f:
        labels = json.load(f)
    files = {}
    for name in sorted(os.listdir(os.path.join(directory, "postings"))):
        files[os.path.splitext(name)[0]] = os.path.join(directory, "postings", name)
    t = dict(read=0, tp=0, labelled=0, need_ok=0, ctx=0, ctx_out=0, ctx_listed=0,
             nr=0, nr_out=0, nr_listed=0, empty=0, empty_ok=0, unknown=0, postings=0)
    for stem, lab in sorted(labels.items()):
        path = files.get(stem)
        if path is None:
            print(f"  {stem}: no posting file", file=sys.stderr)
            continue
        t["postings"] += 1
        req, unk_r = resolve(lab.get("required", []), names)
        pref, unk_p = resolve(lab.get("preferred", []), names)
        ctx, _ = resolve(lab.get("context", []), names)
        nr, _ = resolve(lab.get("not_required", []), names)
        want = {i: "preferred" for i in pref}
        want.update({i: "required" for i in req})
        ctx = set(ctx) - set(want)
        nr = set(nr) - set(want)
        got, got_ctx, got_nr, err = read(binary, resume, path)
        tp = set(got) & set(want)
        fp = sorted(set(got) - set(want))
        fn = sorted(set(want) - set(got))
        wrong = sorted(i for i in tp if got[i] != want[i])
        t["read"] += len(got)
        t["tp"] += len(tp)
        t["labelled"] += len(want)
        t["need_ok"] += len(tp) - len(wrong)
        t["unknown"] += len(unk_r) + len(unk_p)
        t["ctx"] += len(ctx)
        t["ctx_out"] += len(ctx - set(got))
        t["ctx_listed"] += len(ctx & got_ctx)
        t["nr"] += len(nr)
        t["nr_out"] += len(nr - set(got))
        t["nr_listed"] += len(nr & got_nr)
        if not want:
            t["empty"] += 1
            t["empty_ok"] += int(not got and err is not None)
        if verbose:
            parts = [f"{stem}: read {len(got)}, labelled {len(want)}, hit {len(tp)}"]
            if fp:
                parts.append("extra " + " ".join(f"{i}({got[i][0]})" for i in fp))
            if fn:
                parts.append("missed " + " ".join(f"{i}({want[i][0]})" for i in fn))
            if wrong:
                parts.append("need " + " ".join(f"{i}({got[i][0]}!={want[i][0]})" for i in wrong))
            leaked = sorted((ctx | nr) & set(got))
            if leaked:
                parts.append("leaked " + " ".join(leaked))
            if err and want:
                parts.append(f"error: {' '.join(err)}")
            print("  " + "; ".join(parts))
    return t


def ratio(a, b):
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0/0)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/skillgap"))
    ap.add_argument("--resume", default=os.path.join(ROOT, "fixtures/resumes/backend-developer.txt"))
    ap.add_argument("-v", action="store_true", help="a line per posting (dev sets only)")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        print(f"error: `{args.bin}` not found: build with `cargo build --release`", file=sys.stderr)
        return 2
    names = taxonomy_names()
    for d in args.dirs:
        if not os.path.exists(os.path.join(d, "postings.json")):
            print(f"error: `{d}/postings.json` not found", file=sys.stderr)
            return 2
        print(f"{d}:")
        t = score(args.bin, args.resume, d, names, args.v)
        print(f"  postings {t['postings']}; labelled required+preferred {t['labelled']} "
              f"(+{t['unknown']} the taxonomy lacks, not scored), read {t['read']}")
        print(f"  precision          {ratio(t['tp'], t['read'])}")
        print(f"  recall             {ratio(t['tp'], t['labelled'])}")
        print(f"  need accuracy      {ratio(t['need_ok'], t['tp'])}")
        print(f"  context kept out   {ratio(t['ctx_out'], t['ctx'])}; "
              f"listed as context {ratio(t['ctx_listed'], t['ctx'])}")
        print(f"  not-required out   {ratio(t['nr_out'], t['nr'])}; "
              f"listed as not required {ratio(t['nr_listed'], t['nr'])}")
        print(f"  no-skill postings  {ratio(t['empty_ok'], t['empty'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
