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
        [--now-sizes 1000000] [--library 1000000=DATA_DIR [--no-plan]]

``--now-sizes`` fills and measures sizes with this code only (today's status takes minutes
there); ``--library`` measures a private copy of a built library's data folder (e.g. a
synthetic one), migrated by this code. Today's figures there are extrapolated from its two
largest measured sizes, and said to be.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from bench_rows import add_folder, add_media_files, run_under

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
        add_folder(conn, now)
    for start in range(1, n + 1, CHUNK):
        ids = range(start, min(start + CHUNK, n + 1))
        with lib.store.write() as conn:
            add_media_files(
                conn, ids, now, lambda i: f"c{i}", lambda i: "video" if i % 4 == 0 else "audio"
            )
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
        # the GUI's one-second poll: the views' fingerprint and the results written since
        # the index last read (here: since the library was filled, i.e. none)
        since = time.time()
        out["poll_ms"] = best_of(
            lambda: (lib.catalog.signature(), lib.store.vectors.changed_since(since)), runs
        )
        if hasattr(lib, "check_counts"):  # now: the indexer's recount before it plans
            out["recount_ms"] = best_of(lib.check_counts, runs=1)
        if plan:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            out["plan_ms"] = best_of(lambda: lib.pipeline().pending_jobs(), runs=1)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            out["plan_peak_mb"] = (peak - rss) / 1024
    return out


def run(src: Path, *args: str) -> dict:
    return run_under(HERE, src, *args)


READS = (
    ("status_ms", "status"),
    ("activity_ms", "Activity list"),
    ("failed_count_ms", "failed count"),
    ("poll_ms", "views poll"),
    ("plan_ms", "planning"),
)


def extrapolate(rows: list[tuple[int, dict, dict]], n: int, key: str) -> float:
    """Today's figure at ``n``, as a power law through its two largest measured sizes."""
    (a, ta, _), (b, tb, _) = rows[-2], rows[-1]
    slope = math.log(tb[key] / ta[key]) / math.log(b / a)
    return tb[key] * (n / b) ** slope


def copy_library(source: Path, into: Path) -> Path:
    """A private copy of a shared library's data folder (this code migrates it in place):
    the database through SQLite's backup (consistent, whatever its WAL holds), the rest
    copied, never opened where it lies."""
    data = into / "data"
    shutil.copytree(source, data, ignore=shutil.ignore_patterns("library.sqlite3*", "backups"))
    src = sqlite3.connect(f"{(source / 'library.sqlite3').as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(data / "library.sqlite3")
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="today's src directory")
    parser.add_argument("--now", type=Path, default=OWN_SRC, help="this code's src directory")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument(
        "--now-sizes", default="", help="sizes filled and measured by this code only"
    )
    parser.add_argument(
        "--library", action="append", default=[], metavar="N=DIR",
        help="also measure a copy of this data folder of N files (this code only)",
    )  # fmt: skip
    parser.add_argument("--no-plan", action="store_true", help="skip planning on --library")
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
                f"{label} {today[key]:8.1f} -> {now[key]:7.2f} ms ({today[key] / now[key]:.0f}x)"
                for key, label in READS
            )
            + f"   planning's peak +{today['plan_peak_mb']:.0f} -> +{now['plan_peak_mb']:.0f} MB"
            f"   listed {today['listed']} -> {now['listed']} failures"
            f"   recount {now['recount_ms']:.0f} ms   open (migration) {now['open_s']:.2f} s",
            flush=True,
        )
    only: list[tuple[str, int, dict]] = []
    for n in [int(s) for s in args.now_sizes.split(",") if s]:
        with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
            run(args.now, "fill", tmp, str(n))
            only.append((f"filled {n:,}", n, run(args.now, "measure", tmp, "3")))
    for spec in args.library:
        size, _, folder = spec.partition("=")
        with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
            data = copy_library(Path(folder), Path(tmp))
            mode = "measure-noplan" if args.no_plan else "measure"
            only.append((f"copy of {folder}", int(size), run(args.now, mode, str(data), "3")))
    for label, n, now in only:
        print(json.dumps({"n": n, "library": label, "now": now}), flush=True)
        guess = (
            "   today (extrapolated) "
            + ", ".join(f"{name} ~{extrapolate(rows, n, key):,.0f} ms" for key, name in READS)
            if len(rows) >= 2
            else ""
        )
        print(
            f"{n:>9,} files ({label}), this code only: "
            + "   ".join(f"{name} {now[key]:.2f} ms" for key, name in READS if key in now)
            + f"   recount {now['recount_ms']:.0f} ms   open (migration) {now['open_s']:.1f} s"
            + guess,
            flush=True,
        )
    series = [(n, now) for n, _t, now in rows] + [(n, now) for _l, n, now in only]
    for (a, na), (b, nb) in zip(series, series[1:], strict=False):
        today = {n: t for n, t, _now in rows}
        print(
            f"growth {a:,} -> {b:,} ({b / a:.0f}x): "
            + ", ".join(
                f"{label} now {nb[key] / na[key]:.1f}x"
                + (f" today {today[b][key] / today[a][key]:.1f}x" if b in today else "")
                for key, label in READS
                if key in na and key in nb
            )
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("fill", "measure", "measure-noplan"):
        mode, data, *rest = sys.argv[1:]
        if mode == "fill":
            with open_library(Path(data)) as lib:
                fill(lib, int(rest[0]))
            print("{}")
        else:
            plan = mode == "measure"
            print(json.dumps(measure(Path(data), plan=plan, runs=int(rest[0]))))
        sys.exit(0)
    sys.exit(main())
