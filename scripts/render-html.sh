#!/usr/bin/env bash
# Renders the HTML report of a resume to a PNG with headless Chromium, for looking at the
# page as people will see it. Installs Debian's `chromium` when it is missing (needs root or
# sudo). The page and the screenshot are scratch files, not committed.
#
#   scripts/render-html.sh [RESUME] [ROLE] [HOURS_PER_WEEK] [OUT.png]
#
# Defaults: fixtures/resumes/backend-developer.txt, backend-engineer, the role's pace,
# target/render/report.png. The HTML is written next to the PNG.
set -euo pipefail
cd "$(dirname "$0")/.."

resume=${1:-fixtures/resumes/backend-developer.txt}
role=${2:-backend-engineer}
hours=${3:-}
out=${4:-target/render/report.png}
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
html=${out%.png}.html

if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if ! $sudo apt-get install -y chromium; then
    $sudo apt-get update
    $sudo apt-get install -y chromium
  fi
fi

args=(html "$resume" "$role")
if [ -n "$hours" ]; then args+=("$hours"); fi
cargo run --quiet --example render_report -- "${args[@]}" >"$html"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$out" --window-size=1200,1400 \
  "file://$html" 2>/dev/null
echo "page: $html"
echo "screenshot: $out"
