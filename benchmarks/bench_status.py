"""``status`` at 10^4 and 10^5 files: SQLite counts, against planning every file's work.

``Library.status()`` answers "how many jobs are pending" from counts SQLite computes on its
keys; planning (``Pipeline.pending_jobs``, what the pipeline does before it runs) loads
every stored key and walks every file. Side by side in one run, on the same database: the
growth from 10^4 to 10^5 files of each, and their ratio. The rows are written straight
into a real library database (half the files done, a tenth failed), as a large library's
would be after a long indexing run.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from medialens.core.library import Library
from medialens.paths import data_dirs

SIZES = (10_000, 100_000)


def fill(lib: Library, n: int) -> None:
    """n media files (a quarter of them videos), the built-ins done on every other one."""
    now = time.time()
    names = [e.name for e in lib.host.extractors()]
    versions = {e.name: str(e.version) for e in lib.host.extractors()}
    with lib.store.write() as conn:
        conn.execute(
            "INSERT INTO folders (id, path, display_path, added_at) VALUES (1, ?, '/m', ?)",
            (b"/m", now),
        )
        conn.executemany(
            "INSERT INTO files (id, path, display_path, folder_id, content_id, size, "
            "mtime_ns, status, kind, duration, available, added_at, changed_at) "
            "VALUES (?, ?, ?, 1, ?, 1, 1, 'media', ?, 60.0, 1, ?, ?)",
            [
                (i, f"/m/{i}".encode(), f"/m/{i}", f"c{i}", "video" if i % 4 == 0 else "audio",
                 now, now)
                for i in range(1, n + 1)
            ],
        )  # fmt: skip
        for name in names:
            conn.executemany(
                "INSERT INTO features (content_id, extractor, version, created_at) "
                "VALUES (?, ?, ?, ?)",
                [(f"c{i}", name, versions[name], now) for i in range(1, n + 1, 2)],
            )
            conn.executemany(
                "INSERT INTO failures (content_id, extractor, version, error, at) "
                "VALUES (?, ?, ?, 'boom', ?)",
                [(f"c{i}", name, versions[name], now) for i in range(2, n + 1, 10)],
            )


def best_of(func, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    rows = []
    for n in SIZES:
        with (
            tempfile.TemporaryDirectory() as tmp,
            Library(data_dirs(Path(tmp)), entry_points=False, workers=2) as lib,
        ):
            fill(lib, n)
            status = lib.status()
            _files, jobs = lib.pipeline().pending_jobs()
            assert status["pending"] == sum(len(names) for _id, names, _d in jobs)
            counted = best_of(lib.status)
            planned = best_of(lambda lib=lib: lib.pipeline().pending_jobs())
        rows.append((n, counted, planned))
        print(
            f"{n:>7} files: status {counted * 1000:8.1f} ms   planning {planned * 1000:8.1f} ms"
            f"   planning / status {planned / counted:6.1f}x"
        )
    (n0, c0, p0), (n1, c1, p1) = rows
    print(
        f"growth {n0:,} -> {n1:,} files ({n1 / n0:.0f}x): status {c1 / c0:.1f}x, "
        f"planning {p1 / p0:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
