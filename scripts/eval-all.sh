#!/usr/bin/env bash
# Totals of every labelled set in one run: the fixtures/eval sets scored by
# scripts/eval-fresh.py (only its summary lines), then the shared corpus by
# scripts/eval-skills.py when ../shared/corpus is there. Prints totals only, so a held-out
# set can be measured without reading its misses.
#
# Usage: scripts/eval-all.sh [BIN] [SET ...]   (BIN defaults to target/release/skillgap,
#        SET to every set whose README does not say it is for postings or slots)
# Exit status: 0 after printing, 2 when the binary is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/skillgap}
[ -x "$bin" ] || { echo "eval-all: no binary at $bin (cargo build --release)" >&2; exit 2; }
shift || true
if [ $# -eq 0 ]; then
  set -- fresh holdout holdout2 holdout3 holdout4 holdout5 holdout6 holdout7 holdout8 holdout9 holdout10 holdout11 holdout12 corpus
fi
for set in "$@"; do
  if [ "$set" = corpus ]; then
    echo "== corpus"
    python3 scripts/eval-skills.py --bin "$bin" 2>&1 \
      | grep -E "^micro|^recall over|^true positives|^trap sentences" || true
    continue
  fi
  dir=fixtures/eval/$set
  [ -f "$dir/labels.json" ] || continue
  echo "== $set"
  python3 scripts/eval-fresh.py --bin "$bin" --dir "$dir" 2>&1 \
    | grep -E "^micro|^labels the|^recall over|^learning|^not-claimed ids|^all sentences" || true
done
