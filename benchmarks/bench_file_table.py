"""The index's file table at 10^6 files: the first read, and the refresh after a few files
changed, today's code beside this one, each in a child process on the same library.

It reports CPU and wall time and how late a 10 ms ticker thread came back at worst: how long
the read held the GIL (the window's GUI thread waits as long), with the longest full garbage
collection while it ran.

    python benchmarks/bench_file_table.py [--n 1000000] [--changes 100] [--base-src PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_grid import build  # noqa: E402  (the same generated library)


def child(db: Path, changes: int) -> None:
    import gc

    from medialens.core.index import LibraryIndex
    from medialens.store import Store

    store = Store(db, daily_backup=False)
    index = LibraryIndex(store, folder=db.parent / "index")  # (removed with the copy)
    late: list[float] = []
    collections: list[float] = []
    gc_at = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        if info.get("generation") == 2:
            if phase == "start":
                gc_at[0] = time.perf_counter()
            else:
                collections.append((time.perf_counter() - gc_at[0]) * 1000)

    gc.callbacks.append(on_gc)
    stop = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not stop.wait(0.01):
            now = time.perf_counter()
            late.append((now - last - 0.01) * 1000)
            last = now

    def measured(what) -> dict:
        late.clear()
        collections.clear()
        t = threading.Thread(target=tick, daemon=True)
        t.start()
        wall, cpu = time.perf_counter(), time.process_time()
        what()
        out = {
            "wall_s": round(time.perf_counter() - wall, 3),
            "cpu_s": round(time.process_time() - cpu, 3),
        }
        stop.set()
        t.join()
        stop.clear()
        out["worst_tick_late_ms"] = round(max(late, default=0.0), 1)
        out["longest_full_gc_ms"] = round(max(collections, default=0.0), 1)
        return out

    result = {"first": measured(index.refresh)}
    files = index.snapshot.files
    with store.write() as conn:
        ids = files.ids[:: max(1, len(files.ids) // changes)][:changes].tolist()
        conn.executemany(
            "UPDATE files SET duration = duration + 1 WHERE id = ?", [(i,) for i in ids]
        )
    result["after_changes"] = measured(index.refresh)
    result["files"] = len(index.snapshot.files.ids)
    print("RESULT " + json.dumps(result), flush=True)
    index.close()
    store.close()


def run(db: Path, src: str, changes: int) -> dict:
    env = dict(os.environ, PYTHONPATH=src)
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(db), "--changes", str(changes)],
        env=env, capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    return {"error": proc.stderr[-800:]}


def main() -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--base-src", default=os.environ.get("MEDIALENS_BASE_SRC", ""))
    parser.add_argument("--src", default=str(here.parent / "src"))
    args = parser.parse_args()
    if args.child:
        child(Path(args.child), args.changes)
        return 0
    work = Path(tempfile.mkdtemp(prefix="medialens-ft-"))
    try:
        lib = work / "lib"
        build(lib, args.n, args.base_src or args.src)  # the older schema: both open it
        db = next(lib.rglob("*.sqlite3"))
        runs = {}
        for label, src in (("today", args.base_src), ("now", args.src)):
            if not src:
                continue
            copy = work / label
            shutil.copytree(lib, copy)  # (each code migrates its own copy)
            runs[label] = run(copy / db.relative_to(lib), src, args.changes)
            print(f"{label:5s} {json.dumps(runs[label])}", flush=True)
            shutil.rmtree(copy)
        if "error" not in runs.get("today", {"error": 1}) and "error" not in runs["now"]:
            for step in ("first", "after_changes"):
                a, b = runs["today"][step], runs["now"][step]
                print(
                    f"{step}: CPU {a['cpu_s']:.2f} -> {b['cpu_s']:.2f} s "
                    f"({a['cpu_s'] / max(b['cpu_s'], 1e-3):.1f}x), worst GIL hold "
                    f"{a['worst_tick_late_ms']:.0f} -> {b['worst_tick_late_ms']:.0f} ms"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
