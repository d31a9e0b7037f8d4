"""The feature index and For you at 10^4, 10^5 (and 10^6) files, today's code beside this one.

Each measurement runs in a fresh process (``--child``), so times include nothing a
previous run left in memory and peaks are the process's own:

* open: ``LibraryIndex.refresh()`` on a library just opened (cold: no index cache on
  disk, as after an upgrade; warm: the cache written by the previous run), its wall and
  CPU time, and the RSS it adds;
* For you: the shelves of a library with a short history (``Recommender.shelves``), from
  the moment the library is opened (index included), and the highest RSS above the level
  before it (the kernel's high-water mark, reset before; see ``Peak``): the transient;
* first paint: on a cold start (``LibraryIndex.warm()`` false) what For you paints
  before the index is built (``Recommender.first_shelves``: Continue watching and the
  newest files, from SQLite); on a warm start, and for today's code, the full page;
* refresh after a play: one more play recorded, then the shelves again (wall and CPU).

Libraries are generated (``synthetic_library.build``) or given with ``--library
SIZE=DATA_DIR`` (copied first: the copy may be migrated by newer code). Today's code is
the tree given by ``--base`` (its ``src`` folder goes first on the path); where it cannot
run (10^6: ~16 GB) its figures are extrapolated linearly from 10^4 and 10^5, and marked so.

    python benchmarks/bench_index.py --base ../base --sizes 10000,100000 \\
        --library 1000000=/path/to/million/data
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _hwm() -> int | None:
    """The process's peak RSS (VmHWM) since it started or was last reset, in bytes."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


_PEAK_BEFORE = 0  # the highest VmHWM seen before a reset: the process's own peak


def _reset_hwm() -> bool:
    """Start VmHWM again from the RSS now (Linux: ``5`` into ``/proc/self/clear_refs``)."""
    global _PEAK_BEFORE
    before = _hwm()
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        return False
    _PEAK_BEFORE = max(_PEAK_BEFORE, before or 0)
    return before is not None


def _maxrss() -> int:
    """The process's peak RSS in bytes, across the resets of :func:`_reset_hwm`."""
    return max(_PEAK_BEFORE, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)


class Peak:
    """Highest RSS while the block runs: the kernel's own high-water mark, reset when the
    block starts (no sampling, so nothing is missed and nothing is added to the CPU time).
    Where it cannot be reset, a thread samples the RSS every 2 ms instead: that sampler
    took ~10 % of a profile's samples of a cold start, which is why it is the fallback."""

    def __enter__(self) -> Peak:
        self._kernel = _reset_hwm()
        self.base = self.peak = _rss()
        self._stop = threading.Event()
        self._thread = None
        if not self._kernel:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss())
            time.sleep(0.002)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.peak = max(self.peak, _rss(), (_hwm() or 0) if self._kernel else 0)


def child(data: Path, refresh: bool, foryou: bool = True) -> dict:
    started, cpu0 = time.perf_counter(), time.process_time()
    from medialens.core.library import Library
    from medialens.paths import data_dirs

    lib = Library(data_dirs(data), entry_points=False)
    out: dict = {"library_open_s": time.perf_counter() - started}
    warm = getattr(lib.feature_index, "warm", None)
    if foryou and warm is not None and not warm():  # no index on disk: what paints first
        t, c = time.perf_counter(), time.process_time()
        first, complete = lib.recommender.first_shelves(per_row=20)
        out["first_paint_s"] = time.perf_counter() - started
        out["first_paint_cpu_s"] = time.process_time() - cpu0
        out["first_cards"] = sum(len(s.cards) for s in first)
        out["first_complete"] = complete
    rss0 = _rss()
    with Peak() as p:
        t, c = time.perf_counter(), time.process_time()
        snap = lib.feature_index.refresh()
        out["index_s"], out["index_cpu_s"] = time.perf_counter() - t, time.process_time() - c
    out["index_rss_mb"] = (_rss() - rss0) / 1e6
    out["index_peak_mb"] = (p.peak - rss0) / 1e6
    out["files"] = len(snap.file_ids)
    if not foryou:
        out["rss_mb"] = _rss() / 1e6
        out["maxrss_mb"] = _maxrss() / 1e6
        lib.close()
        return out
    rss1 = _rss()
    with Peak() as p:
        t, c = time.perf_counter(), time.process_time()
        shelves = lib.recommender.shelves(per_row=20)
        out["shelves_s"], out["shelves_cpu_s"] = time.perf_counter() - t, time.process_time() - c
    out["foryou_transient_mb"] = (p.peak - rss1) / 1e6
    out["painted_s"] = time.perf_counter() - started  # start -> shelves ready
    out["painted_cpu_s"] = time.process_time() - cpu0
    out.setdefault("first_paint_s", out["painted_s"])  # the whole page came first
    out.setdefault("first_paint_cpu_s", out["painted_cpu_s"])
    out["cards"] = sum(len(s.cards) for s in shelves)
    if refresh:
        ids = snap.file_ids
        times, cpus = [], []
        for k in range(5):
            lib.events.record(int(ids[(k * 7919) % len(ids)]), "complete")
            t, c = time.perf_counter(), time.process_time()
            lib.recommender.shelves(per_row=20)
            times.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        out["refresh_s"] = sorted(times)[len(times) // 2]
        out["refresh_cpu_s"] = sorted(cpus)[len(cpus) // 2]
    out["rss_mb"] = _rss() / 1e6
    out["maxrss_mb"] = _maxrss() / 1e6
    out["cpu_s"] = time.process_time() - cpu0
    lib.close()
    return out


def run(src: Path, data: Path, refresh: bool, foryou: bool = True) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src))
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(data)]
        + (["--refresh"] if refresh else [])
        + ([] if foryou else ["--index-only"]),
        capture_output=True, text=True, env=env, timeout=3600,
    )  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({src}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def history(src: Path, data: Path) -> None:
    """A short history: 30 plays and 3 likes, so For you ranks (not the cold tour)."""
    code = (
        "import sys\nfrom medialens.core.library import Library\n"
        "from medialens.paths import data_dirs\n"
        "lib = Library(data_dirs(sys.argv[1]), entry_points=False)\n"
        "import sqlite3\n"
        "db = sqlite3.connect(lib.dirs.database)\n"
        "ids = [r[0] for r in db.execute('SELECT id FROM files ORDER BY id')]\n"
        "db.close()\n"
        "t = 1.7e9\n"
        "for k in range(30):\n"
        "    lib.events.record(ids[(k * 104729) % len(ids)], 'complete', at=t + 60 * k)\n"
        "for k in range(3):\n"
        "    lib.events.record(ids[(k * 7) % len(ids)], 'like', at=t + 4000 + k)\n"
        "lib.close()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(src))
    subprocess.run([sys.executable, "-c", code, str(data)], check=True, env=env)


def prepare(size: int, given: Path | None, work: Path, src: Path) -> Path:
    master = work / f"master-{size}"
    if given is not None:
        shutil.copytree(given, master / "data", ignore=shutil.ignore_patterns("cache", "backups"))
    else:
        code = (
            "import sys\nimport numpy as np\nfrom pathlib import Path\n"
            f"sys.path.insert(0, {str(HERE)!r})\nimport synthetic_library as sl\n"
            "from medialens.core.library import Library\nfrom medialens.paths import data_dirs\n"
            "sl.N = int(sys.argv[1])\nout = Path(sys.argv[2])\n"
            "lib = Library(data_dirs(out / 'data'), entry_points=False)\n"
            "sl.build(lib, np.random.default_rng(0), out / 'media')\nlib.close()\n"
        )
        env = dict(os.environ, PYTHONPATH=str(src))
        subprocess.run([sys.executable, "-c", code, str(size), str(master)], check=True, env=env)
    history(src, master / "data")
    return master


def migrate(src: Path, data: Path) -> None:
    """Open and close the library with the code of ``src``, then drop its caches: a library
    prepared by today's code has today's schema, and the cold run must not time the newer
    code's migrations and their backup (~2.7 s at 10^5) as its cold start."""
    code = (
        "import sys\nfrom medialens.core.library import Library\n"
        "from medialens.paths import data_dirs\n"
        "Library(data_dirs(sys.argv[1]), entry_points=False).close()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(src))
    subprocess.run([sys.executable, "-c", code, str(data)], check=True, env=env)
    for name in ("cache", "backups"):
        shutil.rmtree(data / name, ignore_errors=True)


def copy(master: Path, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(master, dest, symlinks=True, ignore=shutil.ignore_patterns("cache", "backups"))
    return dest / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child")
    ap.add_argument("--refresh", action="store_true")
    ap.add_argument("--base", type=Path, help="checkout of today's code")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--library", action="append", default=[], help="SIZE=DATA_DIR")
    ap.add_argument("--base-max", type=int, default=100_000, help="largest size for today's code")
    ap.add_argument("--work", type=Path)
    ap.add_argument("--index-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument(
        "--foryou-max", type=int, default=100_000, help="largest size For you is measured at"
    )
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child), args.refresh, not args.index_only)))
        return
    now_src = HERE.parent / "src"
    base_src = (args.base / "src") if args.base else None
    given = {int(k): Path(v) for k, v in (x.split("=", 1) for x in args.library)}
    sizes = sorted({int(s) for s in args.sizes.split(",")} | set(given))
    work = args.work or Path(tempfile.mkdtemp(prefix="medialens-bench-index-"))
    results: dict[int, dict[str, dict]] = {}
    try:
        for size in sizes:
            master = prepare(size, given.get(size), work, base_src or now_src)
            row: dict[str, dict] = {}
            if base_src is not None and size <= args.base_max:
                row["today"] = run(base_src, copy(master, work / "today"), True)
                shutil.rmtree(work / "today", ignore_errors=True)
            data = master / "data"  # the last user of this copy
            if base_src is not None:
                migrate(now_src, data)
            foryou = size <= args.foryou_max
            row["cold"] = run(now_src, data, False, foryou)  # no cache yet: built from SQLite
            row["warm"] = run(now_src, data, True, foryou)  # the cache the cold run wrote
            results[size] = row
            shutil.rmtree(master, ignore_errors=True)
            print(f"{size:>9,}: " + json.dumps(row), flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    report(results)


METRICS = [
    ("index open (s)", "index_s"),
    ("index open CPU (s)", "index_cpu_s"),
    ("index RSS added (MB)", "index_rss_mb"),
    ("For you first paint (s)", "first_paint_s"),
    ("For you first paint CPU (s)", "first_paint_cpu_s"),
    ("For you painted from start (s)", "painted_s"),
    ("For you painted CPU (s)", "painted_cpu_s"),
    ("shelves alone (s)", "shelves_s"),
    ("shelves alone CPU (s)", "shelves_cpu_s"),
    ("For you transient (MB)", "foryou_transient_mb"),
    ("refresh after a play (ms)", "refresh_s"),
    ("refresh after a play CPU (ms)", "refresh_cpu_s"),
    ("process RSS at the end (MB)", "rss_mb"),
    ("process peak RSS (MB)", "maxrss_mb"),
]


def _value(row: dict, key: str) -> float | None:
    if key not in row:
        return None
    return row[key] * (1000 if key.startswith("refresh_") else 1)


def report(results: dict[int, dict[str, dict]]) -> None:
    sizes = sorted(results)
    today = {s: r["today"] for s, r in results.items() if "today" in r}
    measured = sorted(today)
    for size in sizes:  # today's code past what it can run: linear from the last two sizes
        if size not in today and len(measured) >= 2:
            a, b = measured[-2], measured[-1]
            today[size] = {
                k: today[b][k] + (today[b][k] - today[a][k]) * (size - b) / (b - a)
                for k in today[b]
                if isinstance(today[b][k], (int, float))
            }
            today[size]["extrapolated"] = True
    cols = []
    for size in sizes:
        mark = "*" if today.get(size, {}).get("extrapolated") else ""
        cols += [f"{size:,} today{mark}", f"{size:,} cold", f"{size:,} warm", "warm/today"]
    print()
    print(f"{'':32}" + "".join(f"{c:>17}" for c in cols))
    for label, key in METRICS:
        line = f"{label:32}"
        for size in sizes:
            t = _value(today.get(size, {}), key)
            c = _value(results[size]["cold"], key)
            w = _value(results[size]["warm"], key)
            for v in (t, c, w):
                line += f"{v:>17.3f}" if v is not None else f"{'-':>17}"
            line += f"{w / t:>16.3f}x" if (t and w is not None and t > 0) else f"{'-':>17}"
        print(line)
    if any(t.get("extrapolated") for t in today.values()):
        print("* today's code extrapolated linearly from the two largest sizes it ran at")
    print(
        "targets: open <= 1 s at 10^5, <= 5 s at 10^6; window RSS <= 2 GB at 10^6; "
        "For you painted <= 2 s warm, <= 5 s cold at 10^5, transient <= 500 MB; "
        "refresh after a play <= 100 ms"
    )
    print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
