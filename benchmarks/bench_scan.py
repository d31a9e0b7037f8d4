"""Rescan of 10,000 unchanged files (target <= 2 s) and peak RSS while indexing 1,000 files
(target <= 300 MB, models excluded), measured in one run.

The 10,000 files are small real audio files (copies of one generated tone with a
distinct tail each, so every file is its own content); the 1,000 indexed ones run
every built-in extractor in a child process whose peak RSS is read from the kernel.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from mediagen import make_tone  # noqa: E402

from medialens.core.library import Library  # noqa: E402
from medialens.paths import data_dirs  # noqa: E402


def fill(folder: Path, count: int, seed: Path) -> None:
    folder.mkdir(parents=True)
    data = seed.read_bytes()
    for i in range(count):
        sub = folder / f"album{i // 100:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"track{i:05d}.ogg").write_bytes(data + i.to_bytes(4, "little"))


def bench_rescan(work: Path, seed: Path) -> None:
    fill(work / "rescan", 10_000, seed)
    with Library(data_dirs(work / "data-rescan"), entry_points=False, builtins=False) as lib:
        lib.add_folders([work / "rescan"])
        started = time.perf_counter()
        first = lib.scan()
        initial = time.perf_counter() - started
        times = []
        for _ in range(3):
            started = time.perf_counter()
            report = lib.scan()
            times.append(time.perf_counter() - started)
            assert report.added == report.changed == 0
    best = min(times)
    print(f"first scan of 10,000 files: {initial:.2f} s ({first.added} added)")
    print(
        f"rescan of 10,000 unchanged files: {best:.2f} s (best of 3; target <= 2 s) "
        f"-> {best / 2.0:.2f}x of the budget; first scan / rescan = {initial / best:.1f}x"
    )


CHILD = """
import resource, sys
from medialens.core.library import Library
from medialens.paths import data_dirs
with Library(data_dirs(sys.argv[1]), entry_points=False, workers=2) as lib:
    lib.add_folders([sys.argv[2]])
    lib.update()
    assert lib.status()["pending"] == 0
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_rss(work: Path, seed: Path) -> None:
    fill(work / "rss", 1_000, seed)
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(work / "data-rss"), str(work / "rss")],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    peak_mb = int(out.split()[-1]) / 1024
    seconds = time.perf_counter() - started
    print(
        f"indexing 1,000 files with the built-in extractors: {seconds:.1f} s, "
        f"peak RSS {peak_mb:.0f} MB (target <= 300 MB) -> {peak_mb / 300:.2f}x of the budget"
    )


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="medialens-bench-"))
    try:
        seed = make_tone(work / "seed.ogg", seconds=3.0)
        bench_rescan(work, seed)
        bench_rss(work, seed)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
