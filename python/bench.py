"""Warm-call benchmark of the Python package (issue 15; a script, not a timed test).

Times `skillgap.extract` on each resume PDF's bytes after a first call has loaded the
taxonomy and built the matcher (a warm call: what a long-lived worker pays per resume),
and compares it with the warm calls of the Python anchors measured on this machine earlier:
skill-extractor 0.28 to 0.65 s per resume, pyresparser 0.95 s. The target is at least 100x
faster than the fastest of them (0.28 s). A skillgap call here starts from the PDF's bytes,
so its time includes reading the PDF, not only finding skills in text.

    python python/bench.py [PDF...] [--repeat N]

Default PDFs: the shared corpus (../shared/corpus/pdf beside the repository), else the
fixtures' resume PDFs. PDFs skillgap cannot read (a scan, a password) are counted and left
out of the times. Also prints `analyze` warm times and two threads' throughput, for context.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# This script's folder holds the package's source, skillgap/, without its native module:
# leave it off the path so that `import skillgap` finds the installed wheel.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import skillgap

ROOT = Path(__file__).resolve().parents[1]
# Seconds per warm call of the Python anchors, measured earlier on this machine.
ANCHORS = {
    "skill-extractor (fastest)": 0.28,
    "skill-extractor (slowest)": 0.65,
    "pyresparser": 0.95,
}
TARGET = 100


def default_pdfs() -> list[Path]:
    for corpus in [ROOT.parent / "shared/corpus/pdf", ROOT.parent.parent / "shared/corpus/pdf"]:
        if corpus.is_dir() and any(corpus.glob("*.pdf")):
            return sorted(corpus.glob("*.pdf"))
    return sorted([*ROOT.glob("fixtures/resumes/*.pdf"), *ROOT.glob("fixtures/pdf/*.pdf")])


def quantile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by linear interpolation, as numpy's default."""
    s = sorted(values)
    at = (len(s) - 1) * q
    lo = int(at)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (at - lo)


def warm_times(call, documents: list[tuple[str, bytes]], repeat: int) -> list[float]:
    """Per document, the median of `repeat` warm calls, in seconds."""
    per_document = []
    for name, data in documents:
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            call(data, filename=name)
            runs.append(time.perf_counter() - started)
        per_document.append(statistics.median(runs))
    return per_document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=20, help="warm calls per PDF (default 20)")
    args = parser.parse_args()
    pdfs = args.pdfs or default_pdfs()
    documents, unreadable = [], []
    started = time.perf_counter()
    for pdf in pdfs:
        data = pdf.read_bytes()
        try:
            skillgap.extract(data, filename=str(pdf))  # the first call also loads the data
            documents.append((str(pdf), data))
        except skillgap.SkillgapError as e:
            unreadable.append(f"{pdf.name} ({e.kind})")
    cold = time.perf_counter() - started
    if not documents:
        print("error: no readable PDF", file=sys.stderr)
        return 2
    print(f"skillgap from {Path(skillgap.__file__).parent}")
    print(
        f"{len(documents)} resume PDFs ({len(unreadable)} unreadable left out"
        f"{': ' + ', '.join(unreadable) if unreadable else ''}); {args.repeat} warm calls each; "
        f"first pass incl. loading {cold * 1000:.0f} ms; {os.cpu_count()} cores"
    )

    extract = warm_times(skillgap.extract, documents, args.repeat)
    median, p90, worst = statistics.median(extract), quantile(extract, 0.9), max(extract)
    print()
    print("skillgap.extract(pdf_bytes), warm, per resume PDF (median of its calls):")
    print(f"  median {median * 1000:.2f} ms   p90 {p90 * 1000:.2f} ms   max {worst * 1000:.2f} ms")
    print()
    print("against the Python anchors' warm calls (times faster, at skillgap's median / p90):")
    for name, seconds in ANCHORS.items():
        print(f"  {name:27} {seconds:.2f} s   {seconds / median:7.0f}x / {seconds / p90:5.0f}x")
    fastest = min(ANCHORS.values())
    verdict = "met" if fastest / median >= TARGET else "NOT met"
    print(f"  target >= {TARGET}x the fastest ({fastest:.2f} s), at the median: {verdict}")

    analyze = warm_times(skillgap.analyze, documents, max(1, args.repeat // 4))
    print()
    print("for context:")
    print(
        f"  skillgap.analyze(pdf_bytes) warm: median {statistics.median(analyze) * 1000:.2f} ms, "
        f"p90 {quantile(analyze, 0.9) * 1000:.2f} ms"
    )
    rounds = max(1, 200 // len(documents))
    batch = documents * rounds
    for threads in (1, 2):
        with ThreadPoolExecutor(threads) as pool:
            started = time.perf_counter()
            list(pool.map(lambda d: skillgap.extract(d[1], filename=d[0]), batch))
            took = time.perf_counter() - started
        print(f"  ThreadPoolExecutor({threads}): {len(batch) / took:.0f} extract calls/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
