"""Time from launching `medialens gui` to its window on screen, on an empty library and on a
generated 100,000-file one, side by side (target: <= 1.5 s on 100,000 files).

Measured from process start (interpreter and imports included) to the app's own
"window shown" log line, and to the finished screenshot (library and For you loaded).
The first launch on a library builds the on-disk feature index (``cache/index``) from
SQLite; later ones map it: the first run is reported apart (cold) from the best of the
others (warm).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from synthetic_library import N, build

from medialens.core.library import Library
from medialens.paths import data_dirs


def launch(data: Path, shot: Path) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.multimedia.*=false")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "medialens.cli", "-v", "gui", "--data-dir", str(data),
         "--screenshot", str(shot), "--page", "all"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    shown = None
    assert proc.stderr is not None
    for line in proc.stderr:
        if shown is None and re.search(r"window shown after", line):
            shown = time.perf_counter() - started
    proc.wait(timeout=300)
    total = time.perf_counter() - started
    if proc.returncode != 0 or shown is None:
        raise SystemExit(f"gui failed (exit {proc.returncode})")
    return shown, total


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="medialens-gui-"))
    try:
        Library(data_dirs(work / "empty"), entry_points=False).close()
        big = Library(data_dirs(work / "big"), entry_points=False)
        build(big, np.random.default_rng(0), work / "media")
        big.close()
        results = {}
        cold = {}
        for name in ("empty", "big"):
            runs = [launch(work / name, work / f"{name}.png") for _ in range(3)]
            cold[name] = runs[0]
            warm = runs[1:]
            results[name] = (min(r[0] for r in warm), min(r[1] for r in warm))
        (e_shown, e_total), (b_shown, b_total) = results["empty"], results["big"]
        print(
            f"window shown: empty library {e_shown:.2f} s, {N:,} files {b_shown:.2f} s "
            f"(target <= 1.5 s) -> {b_shown / 1.5:.2f}x of the budget, "
            f"{b_shown / e_shown:.2f}x the empty library"
        )
        print(f"library loaded and painted: empty {e_total:.2f} s, {N:,} files {b_total:.2f} s")
        print(
            f"first launch (index built from SQLite): window {cold['big'][0]:.2f} s, "
            f"painted {cold['big'][1]:.2f} s on {N:,} files"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
