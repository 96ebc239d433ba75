#!/usr/bin/env bash
# Checks that dask_batch.py (skillgap.analyze on a Dask LocalCluster) writes the same JSON
# Lines as the CLI's batch, `skillgap analyze DIR... --format jsonl`, byte for byte: on the
# fixtures (151 resumes, 3 of them unreadable: error records), with options, and on the
# shared corpus PDFs when they are there.
#
# Byte-identical, not only the same records after sorting: both write the records in the
# CLI's input order (dask_batch.py lists the files with skillgap.resume_files, the CLI's own
# expansion, and joins the partitions' part files in partition order), each record is the
# CLI's report with `path` first (same keys, same order), and json.dumps with compact
# separators and ensure_ascii=False writes what serde_json writes for these values.
#
#   bash python/examples/check_dask.sh
#
# Environment: SKILLGAP_PYTHON, a Python with the skillgap wheel and dask[bag,distributed]
# installed (default: python3); SKILLGAP_BIN, the CLI (default: target/release/skillgap);
# SKILLGAP_CORPUS, a folder of resume PDFs (default: ../shared/corpus/pdf when present).
set -euo pipefail
cd "$(dirname "$0")/../.."
py=${SKILLGAP_PYTHON:-python3}
bin=${SKILLGAP_BIN:-target/release/skillgap}
corpus=${SKILLGAP_CORPUS:-../shared/corpus/pdf}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cases=("fixtures" "fixtures/resumes fixtures/eval/holdout2 --role data-engineer --hours-per-week 12 --related-threshold 0.25")
[ -d "$corpus" ] && cases+=("$corpus")

status=0
for case in "${cases[@]}"; do
  # shellcheck disable=SC2086 # a case is words: inputs and flags
  set -- $case
  cli_status=0
  "$bin" analyze "$@" --format jsonl >"$tmp/cli.jsonl" 2>/dev/null || cli_status=$?
  dask_status=0
  "$py" python/examples/dask_batch.py "$@" --out "$tmp/dask.jsonl" 2>"$tmp/dask.err" || dask_status=$?
  records=$(wc -l <"$tmp/cli.jsonl")
  if [ "$cli_status" != "$dask_status" ]; then
    echo "FAIL $case: exit status $dask_status, the CLI's $cli_status"
    cat "$tmp/dask.err"
    status=1
  elif cmp -s "$tmp/cli.jsonl" "$tmp/dask.jsonl"; then
    echo "ok   $case: $records records, byte-identical ($(tail -1 "$tmp/dask.err"))"
  else
    echo "FAIL $case: the JSON Lines differ from the CLI's"
    diff <(head -c 2000 "$tmp/cli.jsonl") <(head -c 2000 "$tmp/dask.jsonl") | head -20 || true
    status=1
  fi
done
exit $status
