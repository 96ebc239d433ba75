#!/usr/bin/env bash
# Renders the HTML report of a resume to a PNG with headless Chromium, for looking at the
# page as people will see it, and measures whether it fits the window sideways. Installs
# Debian's `chromium` when it is missing (needs root or sudo). The page, the screenshot and
# the measuring copy are scratch files, not committed.
#
#   scripts/render-html.sh [--width PX] [--page FILE.html] [RESUME] [ROLE] [HOURS_PER_WEEK] [OUT.png]
#
# --width PX   window width in CSS pixels (default 1200; try 420 for a phone).
# --page FILE  render this existing page instead of generating one (RESUME..HOURS unused).
#
# Defaults: fixtures/resumes/backend-developer.txt, backend-engineer, the role's pace,
# target/render/report-<PX>.png. The HTML is written next to the PNG. After the screenshot
# it prints "scrollWidth at <PX> px: <N>", the page's document.documentElement.scrollWidth
# in an iframe PX wide, measured by a script in a temporary outer page (the report itself
# has no script). N greater than PX means the page scrolls sideways; the script then exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

width=1200
page=""
while [ $# -gt 0 ]; do
  case "$1" in
    --width) width=$2; shift 2 ;;
    --page) page=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "render-html.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
case "$width" in
  '' | *[!0-9]*) echo "render-html.sh: --width takes a number of pixels, not '$width'" >&2; exit 2 ;;
esac

resume=${1:-fixtures/resumes/backend-developer.txt}
role=${2:-backend-engineer}
hours=${3:-}
out=${4:-target/render/report-$width.png}
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

if [ -n "$page" ]; then
  cp "$page" "$html"
else
  args=(html "$resume" "$role")
  if [ -n "$hours" ]; then args+=("$hours"); fi
  cargo run --quiet --example render_report -- "${args[@]}" >"$html"
fi

profile=$(mktemp -d)
measure=$(mktemp --suffix=.html)
trap 'rm -rf "$profile" "$measure"' EXIT
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" "$@" 2>/dev/null
}
chrome --screenshot="$out" --window-size="$width,1600" "file://$html"
echo "page: $html"
echo "screenshot: $out"

# The measuring page: the report in an iframe exactly PX wide (the headless window itself is
# never narrower than 500 px), and a script in the outer page that puts the report's
# scrollable width into the outer title, read back from the DOM dump.
{
  printf '<!DOCTYPE html><html><head><title>measuring</title></head><body style="margin:0">'
  printf '<iframe id="f" style="width:%spx;height:1600px;border:0" srcdoc="' "$width"
  sed -e 's/&/\&amp;/g' -e 's/"/\&quot;/g' "$html"
  printf '"></iframe><script>var f = document.getElementById("f"); f.onload = function () {'
  printf ' document.title = "scrollWidth=" + f.contentDocument.documentElement.scrollWidth; };'
  printf '</script></body></html>\n'
} >"$measure"
scroll=$(chrome --window-size="$width,1600" --virtual-time-budget=2000 --dump-dom "file://$measure" \
  | sed -n 's|.*<title>scrollWidth=\([0-9]*\)</title>.*|\1|p')
if [ -z "$scroll" ]; then
  echo "render-html.sh: could not measure the page's scrollWidth" >&2
  exit 2
fi
echo "scrollWidth at $width px: $scroll"
if [ "$scroll" -gt "$width" ]; then
  echo "the page is wider than the window: it scrolls sideways" >&2
  exit 1
fi
