#!/usr/bin/env bash
# Re-downloads the pinned open sources of the imported taxonomy into roles/sources/ and checks
# every vendored file against its sha256 (the figures in roles/sources/*/README.md).
#
# Usage: scripts/fetch-sources.sh           download the npm packages again, then check
#        scripts/fetch-sources.sh --check   check the vendored files only (no network)
#
# O*NET is not downloaded: it comes from ../shared/sources/onet/ (see roles/sources/onet/README.md)
# and is only checked. Needs npm (for `npm pack`), tar and sha256sum. Exits 1 on a sha256
# mismatch, 2 on a usage error.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC=$ROOT/roles/sources

SIMPLE_ICONS=simple-icons@16.37.0
SIMPLE_ICONS_TGZ=cd9faf0e6faa8a8fdd15e9632ab4c86fcae4b986fe552b87673149847f2f671d
LINGUIST=linguist-languages@9.5.0

# path sha256, relative to roles/sources/
SUMS="\
onet/technology-skills.tsv d16eb34bb73014821a6311af05fbb717c75c77fb6876ca3833063b389280e54a
onet/occupation-data.tsv 63e6029d3d30ff5c7cf39b5304a733b77a409e01c65ae7095fe92f6d18d74a66
simple-icons/simple-icons.json e6f0485ee776916dcba2dd812810897aa701cb0a956a94daa027e478968bd1b8
simple-icons/LICENSE.md 9046848b63a5c92bff14e4accca80bd987e0623b74adf9226ce5198d312b79d5
linguist/linguist-languages-9.5.0.tgz 395ac8b6c5df87b6d0a92b7557c4046685f5b00e6abeaecbb6945195eb233c8d
linguist/LICENSE bc3c60953044b4ec92a85e49516b03da0ac7f0dde879f5359de700aeab4de0b7
linguist/ThirdPartyNoticeText.txt 58ecab069d8def3a59eac70e251c6f00534889a6a4b1cefc66803c6cc26da2ca"

sha() { sha256sum "$1" | cut -d' ' -f1; }

case "${1:-}" in
  --check) ;;
  "")
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm pack --silent "$SIMPLE_ICONS" "$LINGUIST" >/dev/null)
    si=$tmp/simple-icons-${SIMPLE_ICONS#*@}.tgz
    [ "$(sha "$si")" = "$SIMPLE_ICONS_TGZ" ] || { echo "error: $SIMPLE_ICONS: tarball sha256 differs" >&2; exit 1; }
    tar -xzf "$si" -C "$tmp" package/data/simple-icons.json package/LICENSE.md
    mkdir -p "$SRC/simple-icons" "$SRC/linguist"
    cp "$tmp/package/data/simple-icons.json" "$tmp/package/LICENSE.md" "$SRC/simple-icons/"
    li=$tmp/linguist-languages-${LINGUIST#*@}.tgz
    tar -xzf "$li" -C "$tmp" package/LICENSE package/ThirdPartyNoticeText.txt
    cp "$li" "$tmp/package/LICENSE" "$tmp/package/ThirdPartyNoticeText.txt" "$SRC/linguist/"
    ;;
  *) echo "usage: scripts/fetch-sources.sh [--check]" >&2; exit 2 ;;
esac

bad=0
while read -r path want; do
  if [ ! -f "$SRC/$path" ]; then
    echo "error: roles/sources/$path is missing" >&2; bad=1
  elif [ "$(sha "$SRC/$path")" != "$want" ]; then
    echo "error: roles/sources/$path: sha256 differs from the pinned one" >&2; bad=1
  fi
done <<<"$SUMS"
[ "$bad" = 0 ] && echo "sources: every vendored file matches its pinned sha256"
exit "$bad"
