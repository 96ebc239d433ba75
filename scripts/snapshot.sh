#!/usr/bin/env bash
# Writes every output of skillgap on the shared corpus and the project's fixtures into
# OUT_DIR (stdout, stderr and exit status per command), so two builds can be compared
# byte for byte with `diff -r`. Used to check that a refactor changes no output.
#
#   scripts/snapshot.sh target/release/skillgap /tmp/before
#   ... change, rebuild ...
#   scripts/snapshot.sh target/release/skillgap /tmp/after && diff -r /tmp/before /tmp/after
#
# Needs ../shared/corpus (see its README); without it only the fixtures are run.
set -uo pipefail
bin=$(realpath "${1:?usage: snapshot.sh BINARY OUT_DIR}")
out=${2:?usage: snapshot.sh BINARY OUT_DIR}
cd "$(dirname "$0")/.."
corpus=../shared/corpus
rm -rf "$out"; mkdir -p "$out"
n=0
run() { # name, args...
  local name=$1; shift
  "$bin" "$@" --color never >"$out/$name.out" 2>"$out/$name.err" </dev/null
  echo $? >"$out/$name.rc"
  n=$((n + 1))
}
inputs=(fixtures/resumes/*.pdf fixtures/resumes/*.txt fixtures/resumes/*.tex fixtures/resumes/*.yaml fixtures/docx/*.docx fixtures/jsonresume/*.json fixtures/pdf/*.pdf)
[ -d "$corpus/pdf" ] && inputs+=("$corpus"/pdf/*.pdf)
for f in "${inputs[@]}"; do
  b=$(echo "$f" | tr '/' '_')
  run "text_$b" text "$f"
  run "textln_$b" text --line-numbers "$f"
  for fmt in table json markdown; do run "extract_${fmt}_$b" extract "$f" --format "$fmt"; done
  for fmt in table json markdown html; do
    run "analyze_${fmt}_$b" analyze "$f" --format "$fmt"
    run "analyze_backend_${fmt}_$b" analyze "$f" --role backend-engineer --format "$fmt"
    run "analyze_job_${fmt}_$b" analyze "$f" --job fixtures/postings/backend-posting.md --format "$fmt"
  done
  run "analyze_gate_$b" analyze "$f" --role data-scientist --hours-per-week 7 --fail-under 60
done
for fmt in table json jsonl; do
  run "batch_analyze_$fmt" analyze "${inputs[@]}" --role full-stack-engineer --format "$fmt" --jobs 2
  run "batch_extract_$fmt" extract "${inputs[@]}" --format "$fmt" --jobs 2
done
run batch_gate analyze "${inputs[@]}" --format jsonl --fail-under 50
for fmt in table json markdown; do
  run "roles_list_$fmt" roles list --format "$fmt"
  for r in roles/*.json; do
    id=$(basename "$r" .json)
    case $id in skills|schema) continue ;; esac
    run "roles_show_${fmt}_$id" roles show "$id" --format "$fmt"
  done
done
for fmt in human json github; do
  run "roles_check_$fmt" roles check --format "$fmt"
  for d in fixtures/invalid/*/; do run "roles_check_${fmt}_$(basename "$d")" roles check "$d" --format "$fmt"; done
done
run roles_show_unknown roles show no-such-role
run analyze_unknown_role analyze fixtures/resumes/backend-developer.txt --role no-such-role
run completions_bash completions bash
run man man
run help --help
run analyze_help analyze --help
if [ -d "$corpus/bad" ]; then
  for f in "$corpus"/bad/*.pdf; do
    b=$(basename "$f")
    "$bin" text "$f" >"$out/bad_$b.out" 2>"$out/bad_$b.err" </dev/null; echo $? >"$out/bad_$b.rc"
    n=$((n + 1))
  done
fi
echo "snapshot: $n commands into $out" >&2
