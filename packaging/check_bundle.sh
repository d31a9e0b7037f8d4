#!/usr/bin/env bash
# Check a built bundle: it lists its plugins (none broken), opens the window offscreen,
# saves a screenshot and exits 0; the PNG must have the requested size and real content.
#   packaging/check_bundle.sh [dist/medialens/medialens] [media folder]
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=${1:-dist/medialens/medialens}
MEDIA=${2:-${MEDIALENS_MEDIA:-.media}/video}
[ -x "$BUNDLE" ] || { echo "no bundle at $BUNDLE (run packaging/build.sh)"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="qt.multimedia.*=false"

plugins=$("$BUNDLE" --data-dir "$tmp/data" plugins list --json)
if echo "$plugins" | grep -q '"status": "malfunctioned"'; then
  echo "a plugin failed to load in the bundle:"; echo "$plugins"; exit 1
fi
echo "plugins: $(echo "$plugins" | grep -c '"status"') loaded, none malfunctioned"

if [ -d "$MEDIA" ]; then
  "$BUNDLE" --data-dir "$tmp/data" folders add "$MEDIA" >/dev/null
fi
timeout 300 "$BUNDLE" --data-dir "$tmp/data" gui --screenshot "$tmp/shot.png" \
  --size 1280x800 --page all --wait-idle 120

[ -s "$tmp/shot.png" ] || { echo "no screenshot written"; exit 1; }
# PNG signature, then width and height (big-endian) from the IHDR chunk.
sig=$(od -An -tx1 -N8 "$tmp/shot.png" | tr -d ' \n')
[ "$sig" = "89504e470d0a1a0a" ] || { echo "not a PNG"; exit 1; }
width=$((16#$(od -An -tx1 -j16 -N4 "$tmp/shot.png" | tr -d ' \n')))
height=$((16#$(od -An -tx1 -j20 -N4 "$tmp/shot.png" | tr -d ' \n')))
size=$(stat -c %s "$tmp/shot.png")
[ "$width" -eq 1280 ] && [ "$height" -eq 800 ] || { echo "screenshot is ${width}x${height}"; exit 1; }
[ "$size" -gt 20000 ] || { echo "screenshot looks blank ($size bytes)"; exit 1; }
cp "$tmp/shot.png" dist/bundle-check.png
echo "bundle OK: ${width}x${height} screenshot, $size bytes (dist/bundle-check.png)"
