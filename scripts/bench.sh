#!/usr/bin/env bash
# Benchmarks (issue 6): whole-process times against `pdftotext -raw` on the corpus PDFs,
# in-process extraction on a 5,000-word text, start-up floors, batch throughput with
# --jobs 1 vs 2, and peak memory. Everything is measured in one run and printed as a table
# of figures with targets, followed by the exact commands.
#
# Usage: scripts/bench.sh            (from anywhere; builds --release first)
# Environment:
#   CORPUS=DIR          the PDFs to time (default: ../shared/corpus/pdf from the repository)
#   ROLE=ID             role for `analyze` (default: backend-engineer)
#   RUNS=N              hyperfine runs per command for the per-PDF and floor timings (default 30)
#   BATCH_FILES=N       resumes in the batch (default 1000; the corpus PDFs repeated as hard links)
#   BATCH_RUNS=N        hyperfine runs per batch command (default 3)
#   MEM_PDF=FILE        the two-page PDF for peak memory (default: $CORPUS/001-altacv-mmayer.pdf)
#   BENCH_OUT=DIR       where hyperfine JSON exports and the summary go (default: a temp dir)
#   CARGO_TARGET_DIR    honoured as by cargo
#
# Installs what it needs when missing (apt-get): hyperfine, poppler-utils (pdftotext), time.
# Absolute times are noisy on a small shared machine; the ratios of commands measured side by
# side (same hyperfine invocation, same files) are the figures to compare across runs.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=$(realpath -m "${CORPUS:-$ROOT/../shared/corpus/pdf}")
ROLE=${ROLE:-backend-engineer}
RUNS=${RUNS:-30}
BATCH_FILES=${BATCH_FILES:-1000}
BATCH_RUNS=${BATCH_RUNS:-3}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET_DIR/release/skillgap
EXAMPLE=$TARGET_DIR/release/examples/bench_extract
OUT=${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/skillgap-bench.XXXXXX")}
mkdir -p "$OUT"

say() { printf '%s\n' "$*" >&2; }

# A fresh clone has no corpus: say so before installing or building anything.
[ -d "$CORPUS" ] || {
  say "error: corpus directory \`$CORPUS\` not found: the benchmarks time the resume PDFs of the"
  say "shared corpus, kept outside the repository in ../shared/corpus/pdf; set CORPUS=DIR"
  exit 2
}

# --- tools -------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  say "== installing ${missing[*]}"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi

# --- build -------------------------------------------------------------------------------
say "== cargo build --release --bin skillgap --example bench_extract"
(cd "$ROOT" && cargo build --release --quiet --bin skillgap --example bench_extract)

mapfile -t PDFS < <(find "$CORPUS" -maxdepth 1 -name '*.pdf' | sort)
[ ${#PDFS[@]} -gt 0 ] || { say "error: no PDFs in \`$CORPUS\`"; exit 2; }
MEM_PDF=${MEM_PDF:-$CORPUS/001-altacv-mmayer.pdf}

# median_ms JSON INDEX: the median of command INDEX of a hyperfine export, in ms.
median_ms() {
  python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"]*1000))' "$1" "$2"
}

HF=(hyperfine --style none -N)
HF_LOG=$OUT/hyperfine-warnings.log   # hyperfine's outlier warnings (expected on a busy machine)
COMMANDS=()
say "== machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- 1. per PDF: skillgap analyze vs pdftotext -raw ------------------------------------------
say "== per PDF: analyze vs pdftotext -raw ($RUNS runs each, 3 warm-up)"
PER_PDF=$OUT/per-pdf.tsv
: >"$PER_PDF"
ERRORED=()
GOOD=()
for pdf in "${PDFS[@]}"; do
  name=$(basename "$pdf" .pdf)
  if ! err=$("$BIN" analyze "$pdf" --role "$ROLE" --format json 2>&1 >/dev/null); then
    ERRORED+=("$name: ${err//$'\n'/ }")
    continue
  fi
  GOOD+=("$pdf")
  "${HF[@]}" --warmup 3 --runs "$RUNS" --export-json "$OUT/pdf-$name.json" \
    -n skillgap "$BIN analyze $pdf --role $ROLE --format json" \
    -n pdftotext "pdftotext -raw $pdf -" >/dev/null 2>>"$HF_LOG"
  a=$(median_ms "$OUT/pdf-$name.json" 0)
  p=$(median_ms "$OUT/pdf-$name.json" 1)
  printf '%s\t%s\t%s\n' "$name" "$a" "$p" >>"$PER_PDF"
done
COMMANDS+=("hyperfine -N --warmup 3 --runs $RUNS --export-json pdf-NAME.json '$BIN analyze FILE --role $ROLE --format json' 'pdftotext -raw FILE -'   # per PDF in $CORPUS")

# --- 2. in-process extraction ---------------------------------------------------------------
say "== in-process: bench_extract 200 5000"
"$EXAMPLE" 200 5000 >"$OUT/extract.txt"
COMMANDS+=("$EXAMPLE 200 5000")
kv() { awk -v k="$1" '$1 == k { print $2 }' "$OUT/extract.txt"; }

# --- 3. floors ----------------------------------------------------------------------------
say "== start-up: roles list and --version"
"${HF[@]}" --warmup 5 --runs $((RUNS * 3)) --export-json "$OUT/floor.json" \
  -n roles-list "$BIN roles list" -n version "$BIN --version" >/dev/null 2>>"$HF_LOG"
ROLES_MS=$(median_ms "$OUT/floor.json" 0)
VERSION_MS=$(median_ms "$OUT/floor.json" 1)
COMMANDS+=("hyperfine -N --warmup 5 --runs $((RUNS * 3)) '$BIN roles list' '$BIN --version'")

# --- 4. batch throughput ----------------------------------------------------------------------
BATCH_DIR=$OUT/batch
rm -rf "$BATCH_DIR"
mkdir -p "$BATCH_DIR"
for ((i = 0; i < BATCH_FILES; i++)); do
  src=${GOOD[i % ${#GOOD[@]}]}
  # Hard links (copies across file systems): batch mode reads a file once however many
  # symbolic links name it (inputs are told apart by canonical path), so symbolic links would
  # measure 15 files, not 1000.
  dst="$BATCH_DIR/$(printf '%04d' "$i")-$(basename "$src")"
  ln "$src" "$dst" 2>/dev/null || cp "$src" "$dst"
done
BATCH=no
if "$BIN" analyze --help 2>/dev/null | grep -q -- --jobs; then
  BATCH=yes
  say "== batch: $BATCH_FILES resumes, --jobs 1 vs --jobs 2 ($BATCH_RUNS runs each, 1 warm-up)"
  "${HF[@]}" --warmup 1 --runs "$BATCH_RUNS" --export-json "$OUT/batch.json" \
    -n jobs-1 "$BIN analyze $BATCH_DIR --role $ROLE --format jsonl --jobs 1" \
    -n jobs-2 "$BIN analyze $BATCH_DIR --role $ROLE --format jsonl --jobs 2" >/dev/null 2>>"$HF_LOG"
  J1_MS=$(median_ms "$OUT/batch.json" 0)
  J2_MS=$(median_ms "$OUT/batch.json" 1)
  COMMANDS+=("hyperfine -N --warmup 1 --runs $BATCH_RUNS '$BIN analyze DIR --role $ROLE --format jsonl --jobs 1' '... --jobs 2'   # DIR: $BATCH_FILES hard links to the corpus PDFs")
else
  say "== batch: skipped, this skillgap has no --jobs (batch mode not available yet)"
fi

# --- 5. peak memory -----------------------------------------------------------------------
# max_rss_mb CMD...: the median of 5 runs of /usr/bin/time -f %M (KiB), in MB.
max_rss_mb() {
  local kb=()
  for _ in 1 2 3 4 5; do
    kb+=("$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1)")
  done
  printf '%s\n' "${kb[@]}" | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 / 1024 }'
}
say "== peak memory"
MEM_ONE=$(max_rss_mb "$BIN" analyze "$MEM_PDF" --role "$ROLE" --format json)
COMMANDS+=("/usr/bin/time -f %M $BIN analyze $MEM_PDF --role $ROLE --format json   # median of 5, KiB")
if [ "$BATCH" = yes ]; then
  MEM_BATCH=$(max_rss_mb "$BIN" analyze "$BATCH_DIR" --role "$ROLE" --format jsonl --jobs 2)
  COMMANDS+=("/usr/bin/time -f %M $BIN analyze DIR --role $ROLE --format jsonl --jobs 2   # median of 5, KiB")
fi

# --- report ---------------------------------------------------------------------------------
python3 - "$PER_PDF" "$OUT/extract.txt" "$ROLES_MS" "$VERSION_MS" "$BATCH" \
  "${J1_MS:-}" "${J2_MS:-}" "$BATCH_FILES" "$MEM_ONE" "${MEM_BATCH:-}" "$(basename "$MEM_PDF")" \
  >"$OUT/summary.md" <<'PY'
import statistics, sys
(per_pdf, extract, roles_ms, version_ms, batch, j1, j2, nfiles, mem_one, mem_batch,
 mem_pdf) = sys.argv[1:]
rows = [l.rstrip("\n").split("\t") for l in open(per_pdf) if l.strip()]
kv = dict(l.split() for l in open(extract) if l.strip())
out = []
p = out.append
p("Per PDF, whole process, median of hyperfine runs (ms):")
p("")
p("| file | skillgap analyze | pdftotext -raw | ratio |")
p("|---|---:|---:|---:|")
ratios = []
for name, a, t in rows:
    r = float(a) / float(t)
    ratios.append(r)
    p(f"| {name} | {float(a):.1f} | {float(t):.1f} | {r:.2f} |")
p("")
figures = []
def fig(name, value, target, ok):
    figures.append((name, value, target, "n/a" if ok is None else ("PASS" if ok else "NOT MET")))
if ratios:
    med = statistics.median(ratios)
    fig(f"analyze / pdftotext, median ratio over {len(ratios)} PDFs", f"{med:.2f}", "<= 0.8", med <= 0.8)
ex = float(kv["extract_ms"])
fig(f"extract, {kv['words']}-word text, in-process median of {kv['iterations']}", f"{ex:.2f} ms", "<= 10 ms", ex <= 10)
fig("Library::load, embedded (roles parsed, taxonomy prepared at build time), in-process median", f"{float(kv['load_library_ms']):.2f} ms", "-", None)
fig("Matcher::new, embedded (form index prepared at build time)", f"{float(kv['matcher_new_ms']):.2f} ms", "-", None)
fig("  with --roles-dir: taxonomy JSON parse", f"{float(kv['taxonomy_parse_ms']):.2f} ms", "-", None)
fig("  with --roles-dir: form index build", f"{float(kv['index_build_ms']):.2f} ms", "-", None)
fig("first extract in a process (lazy statics)", f"{float(kv['first_extract_ms']):.2f} ms", "-", None)
r = float(roles_ms)
fig("skillgap roles list, whole process", f"{r:.2f} ms", "<= 5 ms", r <= 5)
fig("skillgap --version (process floor)", f"{float(version_ms):.2f} ms", "-", None)
n = int(nfiles)
if batch == "yes":
    t1, t2 = float(j1) / 1000, float(j2) / 1000
    fig(f"batch {n} resumes --jobs 1", f"{n / t1:.0f} files/s", "-", None)
    fig(f"batch {n} resumes --jobs 2", f"{n / t2:.0f} files/s", "-", None)
    fig("speed-up --jobs 2 / --jobs 1", f"{t1 / t2:.2f}x", ">= 1.8x", t1 / t2 >= 1.8)
else:
    fig(f"batch {n} resumes, --jobs 1 vs 2", "batch mode not available yet", ">= 1.8x", None)
m = float(mem_one)
fig(f"peak RSS, analyze {mem_pdf}", f"{m:.1f} MB", "<= 30 MB", m <= 30)
if batch == "yes" and mem_batch:
    m = float(mem_batch)
    fig(f"peak RSS, batch of {n} --jobs 2", f"{m:.1f} MB", "<= 200 MB", m <= 200)
else:
    fig(f"peak RSS, batch of {n}", "batch mode not available yet", "<= 200 MB", None)
w = max(len(f[0]) for f in figures)
v = max(len(f[1]) for f in figures)
t = max(len(f[2]) for f in figures)
p(f"{'figure':<{w}}  {'value':>{v}}  {'target':<{t}}  status")
for name, value, target, status in figures:
    p(f"{name:<{w}}  {value:>{v}}  {target:<{t}}  {status}")
print("\n".join(out))
PY

cat "$OUT/summary.md"
if [ ${#ERRORED[@]} -gt 0 ]; then
  echo
  echo "Not timed (analyze exits with an error, by design for image-only PDFs):"
  printf '  %s\n' "${ERRORED[@]}"
fi
echo
echo "Commands (hyperfine JSON exports and this summary in $OUT):"
printf '  %s\n' "${COMMANDS[@]}"
