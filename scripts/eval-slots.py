#!/usr/bin/env python3
"""Scores the gap report's slots on a labelled set of resumes (fixtures/eval/holdout13 format).

Usage: scripts/eval-slots.py --bin target/release/skillgap [--dir fixtures/eval/holdout13] [-v]

labels.json, per resume stem: "role" (the target role), "met_families" (families of skills the
resume claims), "unmet_families" (families the person lacks), "best_fit_any_of" (roles that
would be a sensible best fit) and "not_best_fit" (roles that must not be).

Prints, over every labelled family that the target role has as a slot:
  met families met      -- a family the resume covers is a present slot of the role
  unmet families missing -- a family the person lacks is a missing slot
and, with no --role, whether the best fit is one of best_fit_any_of and none of not_best_fit.
-v prints one line per resume (do not use it on a held-out set).
"""
import argparse, json, os, subprocess, sys


def run(binary, args):
    out = subprocess.run([binary, *args, "--format", "json"], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{args}: exit {out.returncode}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/skillgap")
    ap.add_argument("--dir", default="fixtures/eval/holdout13")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    labels = json.load(open(os.path.join(a.dir, "labels.json"), encoding="utf-8"))
    files = {os.path.splitext(f)[0]: f for f in os.listdir(os.path.join(a.dir, "resumes"))}
    met_ok = met_all = unmet_ok = unmet_all = fit_ok = fit_all = 0
    for stem, lab in sorted(labels.items()):
        path = os.path.join(a.dir, "resumes", files[stem])
        r = run(a.bin, ["analyze", path, "--role", lab["role"]])
        present = {s["family"]["id"] for p in r["phases"] for s in p["present"] if s.get("family")}
        missing = {s["family"]["id"] for p in r["phases"] for s in p["missing"] if s.get("family")}
        slots = present | missing
        m = [f for f in lab.get("met_families", []) if f in slots]
        u = [f for f in lab.get("unmet_families", []) if f in slots]
        mo = [f for f in m if f in present]
        uo = [f for f in u if f in missing]
        met_ok += len(mo); met_all += len(m); unmet_ok += len(uo); unmet_all += len(u)
        best = run(a.bin, ["analyze", path])["role"]["id"]
        good = best in lab.get("best_fit_any_of", []) and best not in lab.get("not_best_fit", [])
        fit_ok += good; fit_all += 1
        if a.v:
            print(f"{stem}: met {len(mo)}/{len(m)} {sorted(set(m) - set(mo))} unmet {len(uo)}/{len(u)} "
                  f"{sorted(set(u) - set(uo))} best fit {best} {'ok' if good else 'WRONG'}")
    pct = lambda x, y: f"{x}/{y} ({x / y:.3f})" if y else "0/0"
    print(f"met families met: {pct(met_ok, met_all)}")
    print(f"unmet families missing: {pct(unmet_ok, unmet_all)}")
    print(f"best fit sensible: {pct(fit_ok, fit_all)}")


if __name__ == "__main__":
    main()
