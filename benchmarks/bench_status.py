"""``status``, the Activity page's reads and planning at 10^4 to 10^6 files, today and now.

``Library.status()`` answers "how many jobs are pending" from counts SQLite computes on its
keys; the Activity page lists the files that failed and the status bar counts them
(``Catalog.failed_files``); planning (``Pipeline.pending_jobs``, what the pipeline does
before it runs) walks every file. The rows are written straight into a real library
database (half the files done by every built-in, a tenth failed), as a large library's
would be after a long indexing run.

Side by side in one run: each size's library is filled once by today's code (schema 7),
today's code measures on it, then this code opens the same file (migrating it) and
measures, each in a subprocess with its own ``PYTHONPATH``. Printed: best-of-3 wall
milliseconds of each read (one run at 10^6), the peak memory planning adds, the growth from 10^4 to 10^5 to
10^6, and today's over now.

    python benchmarks/bench_status.py --base PATH_TO_TODAYS_SRC [--sizes 10000,100000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
OWN_SRC = HERE.parent.parent / "src"
SIZES = (10_000, 100_000, 1_000_000)
CHUNK = 100_000


def fill(lib, n: int) -> None:
    """n media files (a quarter of them videos), the built-ins done on every other one,
    and failed on every tenth."""
    now = time.time()
    names = [e.name for e in lib.host.extractors()]
    versions = {e.name: str(e.version) for e in lib.host.extractors()}
    with lib.store.write() as conn:
        conn.execute(
            "INSERT INTO folders (id, path, display_path, added_at) VALUES (1, ?, '/m', ?)",
            (b"/m", now),
        )
    for start in range(1, n + 1, CHUNK):
        ids = range(start, min(start + CHUNK, n + 1))
        with lib.store.write() as conn:
            conn.executemany(
                "INSERT INTO files (id, path, display_path, folder_id, content_id, size, "
                "mtime_ns, status, kind, duration, available, added_at, changed_at) "
                "VALUES (?, ?, ?, 1, ?, 1, 1, 'media', ?, 60.0, 1, ?, ?)",
                [
                    (i, f"/m/{i}".encode(), f"/m/{i}", f"c{i}",
                     "video" if i % 4 == 0 else "audio", now, now)
                    for i in ids
                ],
            )  # fmt: skip
            for name in names:
                conn.executemany(
                    "INSERT INTO features (content_id, extractor, version, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    [(f"c{i}", name, versions[name], now) for i in ids if i % 2 == 1],
                )
                conn.executemany(
                    "INSERT INTO failures (content_id, extractor, version, error, at) "
                    "VALUES (?, ?, ?, 'boom', ?)",
                    [(f"c{i}", name, versions[name], now) for i in ids if i % 10 == 2],
                )


def best_of(func, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def open_library(data: Path):
    from medialens.core.library import Library
    from medialens.paths import data_dirs

    return Library(data_dirs(data), entry_points=False, workers=2)


def measure(data: Path, plan: bool, runs: int = 3) -> dict:
    """The reads (best of ``runs``), under whichever code this process imports."""
    started = time.perf_counter()
    lib = open_library(data)
    out: dict = {"open_s": time.perf_counter() - started, "schema": lib.store.schema_version}
    with lib:
        status = lib.status()
        out["pending"] = status["pending"]
        out["listed"] = len(status["failed_files"])
        out["status_ms"] = best_of(lib.status, runs)
        if hasattr(lib, "failures"):  # now: the first failures and their count
            out["activity_ms"] = best_of(lambda: lib.failures(), runs)
        else:  # today: the page reads the whole status for its list
            out["activity_ms"] = best_of(lambda: lib.status()["failed_files"], runs)
        out["failed_count_ms"] = best_of(lib.catalog.failed_files, runs)
        if plan:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            out["plan_ms"] = best_of(lambda: lib.pipeline().pending_jobs(), runs=1)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            out["plan_peak_mb"] = (peak - rss) / 1024
    return out


def run(src: Path, *args: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run(
        [sys.executable, str(HERE), *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} under {src} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


READS = (
    ("status_ms", "status"),
    ("activity_ms", "Activity list"),
    ("failed_count_ms", "failed count"),
    ("plan_ms", "planning"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="today's src directory")
    parser.add_argument("--now", type=Path, default=OWN_SRC, help="this code's src directory")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--keep", type=Path, help="make the libraries in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
            run(args.base, "fill", tmp, str(n))
            runs = "3" if n <= 100_000 else "1"  # today's status takes ~30 s at 10^6
            today = run(args.base, "measure", tmp, runs)
            now = run(args.now, "measure", tmp, runs)
        assert today["pending"] == now["pending"], (today, now)
        rows.append((n, today, now))
        print(json.dumps({"n": n, "today": today, "now": now}), flush=True)
        print(
            f"{n:>9,} files: "
            + "   ".join(
                f"{label} {today[key]:8.1f} -> {now[key]:7.1f} ms ({today[key] / now[key]:.1f}x)"
                for key, label in READS
            )
            + f"   planning's peak +{today['plan_peak_mb']:.0f} -> +{now['plan_peak_mb']:.0f} MB"
            f"   listed {today['listed']} -> {now['listed']} failures",
            flush=True,
        )
    for (a, ta, na), (b, tb, nb) in zip(rows, rows[1:], strict=False):
        print(
            f"growth {a:,} -> {b:,} ({b / a:.0f}x): "
            + ", ".join(
                f"{label} today {tb[key] / ta[key]:.1f}x now {nb[key] / na[key]:.1f}x"
                for key, label in READS
            )
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("fill", "measure"):
        mode, data, *rest = sys.argv[1:]
        if mode == "fill":
            with open_library(Path(data)) as lib:
                fill(lib, int(rest[0]))
            print("{}")
        else:
            print(json.dumps(measure(Path(data), plan=True, runs=int(rest[0]))))
        sys.exit(0)
    sys.exit(main())
