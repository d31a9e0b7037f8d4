#!/usr/bin/env bash
# Build a self-contained Medialens folder (app + plugins + models) with PyInstaller.
#   packaging/build.sh            -> dist/medialens/medialens
# PY may point at another interpreter that has Medialens and its plugins installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

"$PY" -m pip install -q "pyinstaller>=6.10"
"$PY" resources/render_icons.py >/dev/null
# Compile the translations in case the .ts changed since the .qm was committed.
LRELEASE="$(dirname "$PY")/pyside6-lrelease"
if [ -x "$LRELEASE" ]; then
  "$LRELEASE" -silent src/medialens/gui/i18n/medialens_zh_CN.ts
fi
"$PY" -m PyInstaller --noconfirm --clean \
  --distpath dist --workpath build/pyinstaller packaging/medialens.spec
# Desktop integration files travel with the bundle.
mkdir -p dist/medialens/share/applications dist/medialens/share/metainfo dist/medialens/share/icons/hicolor
cp resources/io.github.medialens.Medialens.desktop dist/medialens/share/applications/
cp resources/io.github.medialens.Medialens.metainfo.xml dist/medialens/share/metainfo/
for size in 16 24 32 48 64 128 256 512; do
  dir=dist/medialens/share/icons/hicolor/${size}x${size}/apps
  mkdir -p "$dir"
  cp "resources/icons/medialens-${size}.png" "$dir/io.github.medialens.Medialens.png"
done
echo "built dist/medialens/medialens"
