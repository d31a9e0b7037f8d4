"""Planning an indexing run at 10^4 to 10^6 files: CPU, wall and time to the first job.

When ``index`` (or watching) starts, ``Pipeline.plan()`` finds the (file, extractors) jobs
left and queues them. Measured here end to end, as a worker sees it: a thread waits in
``Scheduler.step`` (as a pool thread does) while ``plan()`` runs, and the time from the
start of ``plan()`` to that thread getting its first file is the time to the first job;
(or the end of ``plan()``, if sooner: an older scheduler left its threads to notice the
queue within 0.5 s), and the CPU and wall of the whole ``plan()`` and the peak RSS are printed beside it, with
the number of jobs (which must be the same in every tree). CPU is the planning thread's
(``time.thread_time``): the library's own threads are not planning.

Two cases on each library: ``all`` (every enabled extractor; on a synthetic library most
never ran, so nearly every file is pending for them) and ``none pending`` (only the
extractors that already ran on every file they handle: nothing is left).

Side by side in one invocation, each tree in its own subprocess with its own
``PYTHONPATH``:

* ``--base SRC``: today's code, on a fresh copy of the built data folder (it cannot open a
  library migrated by newer code), at the sizes given by ``--base-sizes``;
* ``--before SRC``: the code this planning replaces (the branch's start), on the migrated
  copy;
* this tree, on the migrated copy.

    python benchmarks/bench_planning.py --library 10000=DATA --library 100000=DATA \\
        [--library 1000000=DATA] [--base SRC --base-sizes 10000,100000] [--before SRC] \\
        [--work DIR] [--private 1000000]

``--library N=DATA`` names a built data folder (``synthetic_library.py``); it is copied
into ``--work`` (a temporary folder by default) before anything opens it, unless
``--private`` names its size: DATA is then a private copy that may be migrated in place
(a 10^6 library is 4.7 GB: copy and migrate it once). Today's code is measured on a copy
only (never on a private, migrated one).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_rows import run_under

HERE = Path(__file__).resolve()
OWN_SRC = HERE.parent.parent / "src"
CASES = ("all", "none pending")


def measure(data: Path, case: str) -> dict:
    """In a subprocess: open the library, plan once, report what it cost."""
    from medialens.core.library import Library
    from medialens.paths import data_dirs
    from medialens.store.backups import Backups

    # no daily backup: at 10^6 it copies 4.7 GB on a thread while planning is measured
    Backups.daily_due = lambda self, now=None: False  # type: ignore[method-assign]
    lib = Library(data_dirs(data), workers=2)
    pipeline = lib.pipeline()
    every = list(lib.host.extractors())
    if case == "all":
        chosen = every
    else:  # the extractors with nothing pending (the counters are only in newer trees)
        conn = lib.store.read_conn()
        chosen = []
        for e in every:
            kinds = sorted(e.kinds)
            pending = conn.execute(
                "SELECT count(*) FROM files f WHERE status = 'media' AND available = 1 "
                f"AND kind IN ({','.join('?' * len(kinds))}) AND NOT EXISTS (SELECT 1 FROM "
                "features x WHERE x.content_id = f.content_id AND x.extractor = ? AND "
                "x.version = ?) AND NOT EXISTS (SELECT 1 FROM failures x WHERE x.content_id "
                "= f.content_id AND x.extractor = ? AND x.version = ?)",
                (*kinds, e.name, str(e.version), e.name, str(e.version)),
            ).fetchone()[0]
            if pending == 0:
                chosen.append(e)
    pipeline.host.extractors = lambda: list(chosen)  # type: ignore[method-assign]
    first: list[float] = []

    def worker() -> None:  # one pool thread: the first file it gets is the first job
        pipeline.scheduler.step(lambda _file_id: first.append(time.perf_counter()), True)

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu, wall = time.thread_time(), time.perf_counter()
    jobs = pipeline.plan()
    cpu, end = time.thread_time() - cpu, time.perf_counter()
    thread.join(timeout=2.0 if jobs else 0.0)
    pipeline.scheduler.request_stop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = {
        "extractors": len(chosen),
        "jobs": jobs,
        "cpu_s": cpu,
        "wall_s": end - wall,
        # queued by the end of plan() at the latest: an older scheduler did not wake its
        # waiting threads when it planned (they looked again within 0.5 s)
        "first_s": (min(first[0], end) - wall) if first else None,
        "peak_mb": peak / 1024,
        "peak_added_mb": (peak - rss_before) / 1024,
    }
    lib.close()
    return out


def copy(data: Path, into: Path) -> Path:
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(data, into, copy_function=_reflink_copy)
    return into


def _reflink_copy(src: str, dst: str) -> None:
    import subprocess

    subprocess.run(["cp", "--reflink=auto", src, dst], check=True)


def fmt(r: dict | None) -> str:
    if r is None:
        return "-"
    first = "none" if r["first_s"] is None else f"{r['first_s']:.2f}"
    return f"{r['cpu_s']:.2f}/{r['wall_s']:.2f}/{first} ({r['jobs']} jobs, +{r['peak_added_mb']:.0f} MB)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", action="append", default=[], help="N=DATA_DIR")
    parser.add_argument("--base", type=Path, help="today's src (on unmigrated copies)")
    parser.add_argument("--base-sizes", default="10000,100000")
    parser.add_argument("--before", type=Path, help="the replaced code's src (migrated copy)")
    parser.add_argument("--work", type=Path, help="where the copies go (default: a temp dir)")
    parser.add_argument(
        "--private", default="", help="sizes whose DATA is a private copy (migrated in place)"
    )
    args = parser.parse_args()
    libraries = {int(k): Path(v) for k, v in (item.split("=", 1) for item in args.library)}
    base_sizes = {int(s) for s in args.base_sizes.split(",") if s}
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-planning-"))
    work.mkdir(parents=True, exist_ok=True)
    private = {int(x) for x in args.private.split(",") if x}
    rows: dict[tuple[int, str], dict[str, dict | None]] = {}
    for n, data in sorted(libraries.items()):
        trees: dict[str, tuple[Path, Path]] = {}
        if args.base is not None and n in base_sizes and n not in private:
            trees["today"] = (args.base, copy(data, work / f"n{n}-today"))
        mine = data if n in private else copy(data, work / f"n{n}")
        if args.before is not None:
            trees["before"] = (args.before, mine)
        trees["now"] = (OWN_SRC, mine)
        for case in CASES:
            # this tree first: it migrates the copy (once), and warms the page cache
            # for the trees after it as much as for itself
            order = ["now"] + [t for t in trees if t != "now"]
            got: dict[str, dict | None] = {}
            for tree in order:
                src, lib = trees[tree]
                got[tree] = run_under(HERE, src, "measure", str(lib), case)
                print(f"  {n:>9,} {case:<13} {tree:<7} {fmt(got[tree])}", flush=True)
            rows[(n, case)] = got
    print()
    print("planning: CPU s / wall s / first job s (jobs, peak RSS added); ratio = old/now CPU")
    header = f"{'files':>9} {'case':<13} {'today':<44} {'before':<44} {'now':<44} ratios"
    print(header)
    for (n, case), got in rows.items():
        now = got["now"]
        ratios = []
        for tree in ("today", "before"):
            old = got.get(tree)
            if old is not None and now is not None and now["cpu_s"] > 0:
                first = (
                    f", first {old['first_s'] / now['first_s']:.0f}x"
                    if old["first_s"] and now["first_s"]
                    else ""
                )
                ratios.append(f"{tree} {old['cpu_s'] / now['cpu_s']:.1f}x CPU{first}")
                if old["jobs"] != now["jobs"]:
                    ratios.append(f"JOBS DIFFER ({tree} {old['jobs']})")
        print(
            f"{n:>9,} {case:<13} {fmt(got.get('today')):<44} {fmt(got.get('before')):<44} "
            f"{fmt(now):<44} {'; '.join(ratios)}"
        )
    sizes = sorted({n for n, _c in rows})
    for tree in ("today", "before", "now"):
        for case in CASES:
            seen = [(n, rows[(n, case)].get(tree)) for n in sizes]
            seen = [(n, r) for n, r in seen if r is not None]
            if len(seen) >= 2:
                steps = ", ".join(
                    f"{b[0] // a[0]}x files: {b[1]['cpu_s'] / max(a[1]['cpu_s'], 1e-9):.1f}x CPU"
                    for a, b in zip(seen, seen[1:], strict=False)
                )
                print(f"growth {tree:<7} {case:<13} {steps}")
    today = [(n, rows[(n, "all")].get("today")) for n in sizes]
    today = [(n, r) for n, r in today if r is not None]
    largest = max(sizes) if sizes else 0
    if today and today[-1][0] < largest and len(today) >= 2:
        (n1, a), (n2, b) = today[-2], today[-1]
        growth = b["cpu_s"] / max(a["cpu_s"], 1e-9)
        per = growth ** (1 / max(1e-9, (len(str(n2)) - len(str(n1)))))
        steps = len(str(largest)) - len(str(n2))
        print(
            f"today at {largest:,} (extrapolated from {n1:,} and {n2:,}): "
            f"~{b['cpu_s'] * per**steps:.1f} s CPU"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        print(json.dumps(measure(Path(sys.argv[2]), sys.argv[3])))
    else:
        main()
