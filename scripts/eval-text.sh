#!/usr/bin/env bash
# Evaluates our PDF text layer (`examples/pdf_text.rs`, i.e. `extract_pages`).
#
#   scripts/eval-text.sh            # good corpus, then the hostile corpus
#   scripts/eval-text.sh good       # only the resume PDFs
#   scripts/eval-text.sh bad        # only the hostile PDFs
#
# Good corpus (SKILLGAP_CORPUS/pdf, default ../shared/corpus from the repository root): per
# file, word recall and precision of our text against `pdftotext -raw` (multisets of
# whitespace-separated words after NFKC), and character recall (multiset of letters and
# digits, ignoring spacing and order); the same for lopdf's own extract_text; time per file
# for us and for pdftotext. `n.w.rec` is word recall after letter-spacing normalisation: a
# reference line spelled letter by letter ("S K I L L S"), which we collapse on purpose,
# and our line with the same letters are both compared without spaces. A file whose name contains `image-only` must give the
# no-text-layer error.
# Hostile corpus (SKILLGAP_CORPUS/bad): outcome counts (ok, each error kind, crash, timeout
# over 5 s, memory over 512 MB peak RSS).
#
# poppler-utils (pdftotext) is only a yardstick here, never a runtime dependency; it is
# installed with apt-get when missing. EVAL_PROFILE=debug evaluates a debug build (default
# release); CARGO_TARGET_DIR is honoured. EVAL_OUT=DIR keeps per-file outputs there.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${SKILLGAP_CORPUS:-$root/../shared/corpus}"
profile="${EVAL_PROFILE:-release}"
what="${1:-all}"

# A fresh clone has no corpus: say what is needed before installing or building anything.
case "$what" in
    all) needed="pdf bad" ;;
    good) needed="pdf" ;;
    bad) needed="bad" ;;
    *) echo "usage: scripts/eval-text.sh [all|good|bad]" >&2; exit 2 ;;
esac
for dir in $needed; do
    if [ ! -d "$corpus/$dir" ]; then
        echo "error: \`$corpus/$dir\` not found: this evaluation needs the shared corpus" \
            "(pdf/ for resume PDFs, bad/ for hostile PDFs), kept outside the repository in" \
            "../shared/corpus; set SKILLGAP_CORPUS=DIR" >&2
        exit 2
    fi
done

if ! command -v pdftotext >/dev/null; then
    echo "installing poppler-utils (for pdftotext)" >&2
    apt-get install -y poppler-utils >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y poppler-utils >/dev/null; }
fi

target="${CARGO_TARGET_DIR:-$root/target}"
if [ "$profile" = release ]; then
    (cd "$root" && cargo build --quiet --release --example pdf_text)
else
    (cd "$root" && cargo build --quiet --example pdf_text)
fi
bin="$target/$profile/examples/pdf_text"

exec python3 - "$bin" "$corpus" "$what" "${EVAL_OUT:-}" <<'PY'
import collections
import os
import signal
import subprocess
import sys
import time
import unicodedata

binary, corpus, what, keep = sys.argv[1:5]
TIMEOUT = 5.0
MEMORY_KB = 512 * 1024


def run(cmd, timeout=TIMEOUT):
    """Runs cmd: (exit code or None on timeout, stdout, stderr, seconds, peak RSS in KB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    timer_fired = []

    def kill():
        timer_fired.append(True)
        proc.kill()

    import threading
    timer = threading.Timer(timeout, kill)
    timer.start()
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    code = None if timer_fired else proc.returncode
    return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), seconds, usage.ru_maxrss


def words(text):
    return collections.Counter(unicodedata.normalize("NFKC", text).split())


def chars(text):
    return collections.Counter(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())


def letter_spaced(line):
    tokens = line.split()
    return len(tokens) >= 3 and all(len(t) == 1 for t in tokens)


def unspace(ref, got):
    """Letter-spacing normalisation: a reference line spelled out letter by letter
    ("S K I L L S") and any line of ours with the same letters both lose their spaces."""
    spaced = {"".join(l.split()) for l in ref.splitlines() if letter_spaced(l)}
    fix = lambda text: "\n".join(
        "".join(l.split()) if "".join(l.split()) in spaced else l for l in text.splitlines()
    )
    return fix(ref), fix(got)


def recall(ref, got):
    total = sum(ref.values())
    return sum((ref & got).values()) / total if total else 1.0


def good():
    folder = os.path.join(corpus, "pdf")
    files = sorted(f for f in os.listdir(folder) if f.endswith(".pdf"))
    print(f"{'file':44} {'w.rec':>6} {'w.prec':>6} {'c.rec':>6} {'n.w.rec':>7} | {'lopdf w.rec':>11} {'c.rec':>6} | {'ours ms':>7} {'poppler ms':>10}")
    sums = collections.defaultdict(float)
    n = 0
    failures = []
    for name in files:
        path = os.path.join(folder, name)
        code, ours, err, secs, _ = run([binary, path])
        if "image-only" in name:
            verdict = "ok" if code == 2 and "error[no-text-layer]" in err else "WRONG"
            print(f"{name:44} expected no-text-layer: {err.strip()[:60]} [{verdict}]")
            if verdict != "ok":
                failures.append(name)
            continue
        p_code, ref, _, p_secs, _ = run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"])
        l_code, lop, _, _, _ = run([binary, "--lopdf", path])
        if keep:
            os.makedirs(keep, exist_ok=True)
            stem = os.path.join(keep, name[:-4])
            for suffix, text in ((".ours.txt", ours), (".poppler.txt", ref), (".lopdf.txt", lop)):
                with open(stem + suffix, "w") as f:
                    f.write(text)
        if code != 0:
            print(f"{name:44} ERROR {err.strip()[:80]}")
            failures.append(name)
            continue
        rw, ow, lw = words(ref), words(ours), words(lop)
        wr, wp, cr = recall(rw, ow), recall(ow, rw), recall(chars(ref), chars(ours))
        nref, nours = unspace(ref, ours)
        nwr = recall(words(nref), words(nours))
        lwr, lcr = recall(rw, lw), recall(chars(ref), chars(lop))
        print(f"{name:44} {wr:6.3f} {wp:6.3f} {cr:6.3f} {nwr:7.3f} | {lwr:11.3f} {lcr:6.3f} | {secs*1000:7.1f} {p_secs*1000:10.1f}")
        for k, v in (("nwr", nwr), ("wr", wr), ("wp", wp), ("cr", cr), ("lwr", lwr), ("lcr", lcr), ("ms", secs * 1000), ("pms", p_secs * 1000)):
            sums[k] += v
        sums["min_cr"] = min(sums.get("min_cr", 1.0), cr)
        n += 1
    if n:
        print(f"{'mean (' + str(n) + ' files)':44} {sums['wr']/n:6.3f} {sums['wp']/n:6.3f} {sums['cr']/n:6.3f} {sums['nwr']/n:7.3f} | {sums['lwr']/n:11.3f} {sums['lcr']/n:6.3f} | {sums['ms']/n:7.1f} {sums['pms']/n:10.1f}")
        print(f"min char recall {sums['min_cr']:.3f}; targets: mean word recall >= 0.97, char recall >= 0.99 on every file")
    if failures:
        print("failures:", " ".join(failures))


def bad():
    folder = os.path.join(corpus, "bad")
    files = sorted(f for f in os.listdir(folder) if f != "manifest.tsv")
    outcomes = collections.Counter()
    slow = []
    peak = (0, "")
    details = []
    for name in files:
        code, out, err, secs, rss = run([binary, os.path.join(folder, name)])
        if code is None:
            kind = "timeout"
        elif code == 0:
            kind = "ok"
        elif code == 2 and err.startswith("error["):
            kind = err[6:err.index("]")]
        else:
            kind = f"crash(exit {code})"
        if rss > MEMORY_KB:
            kind += "+memory"
        outcomes[kind] += 1
        if secs > 1.0:
            slow.append(f"{name} {secs:.1f}s")
        if rss > peak[0]:
            peak = (rss, name)
        details.append(f"{name}\t{kind}\t{secs*1000:.0f}ms\t{rss//1024}MB\t{err.strip()[:100]}")
    if keep:
        os.makedirs(keep, exist_ok=True)
        with open(os.path.join(keep, "bad-outcomes.tsv"), "w") as f:
            f.write("\n".join(details) + "\n")
    print(f"hostile corpus: {len(files)} files")
    for kind, count in sorted(outcomes.items(), key=lambda kv: -kv[1]):
        print(f"  {kind:24} {count}")
    print(f"peak RSS {peak[0]//1024} MB ({peak[1]}); over 1 s: {', '.join(slow) or 'none'}")


if what in ("all", "good"):
    good()
if what in ("all", "bad"):
    bad()
PY
