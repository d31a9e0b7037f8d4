"""The library grid in a real window over 10^4, 10^5 and 10^6 files, today's code beside this one.

Each run is a child process (offscreen Qt, the real MainWindow, no indexer process) that
shows "All", then scrolls the grid: page by page from the top, random jumps, and the last
pages. It reports the time to the first painted card, the event-loop stalls (a 10 ms timer
that came back late by more than 50 / 100 ms) and the longest, how long the cards of a jump
stay blank (placeholders), CPU time and the window's RSS. Both codes open copies of the same
generated library (built with the older schema, which the new code migrates in place).

    python benchmarks/bench_grid.py [--sizes 10000,100000,1000000] [--base-sizes 10000,100000]
                                    [--base-src PATH]   # today's code: its src/ directory
                                    [--library 1000000=DATA_DIR]  # a copy of it, not a new one
                                    [--work DIR]        # where copies go (default: a temp dir)

``--library N=DIR`` runs size N on a copy of an existing library's data folder (a synthetic
one, say: building 10^6 files here takes long) instead of generating one: each run gets its
own copy (``cp -r --reflink=auto``), deleted after it, since new code migrates a library in
place. Such a library holds vectors and tags too, so the window's index and For you work
beside the grid as they would for a user.

Each stall over 100 ms is attributed from the kernel's per-thread accounting
(``/proc/self/task/*/schedstat``, read at each tick): how much of it the GUI thread spent on a
CPU (its own work), waiting for a CPU (the machine's load), and neither (blocked: the GIL,
or a lock), with the threads that ran meanwhile and how long. Full garbage collections are
timed as they happen.

Today's code loads every row into the window before it paints the grid; at 10^6 it is
run only when asked (``--base-sizes``), and the growth from 10^5 is printed instead.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PAGE_STEPS = 400  # page-down steps from the top
JUMPS = 150  # random jumps
TICK_MS = 10
FACTS_VERSION = 1  # medialens.core.library.FACTS_VERSION, in both codes compared
WORDS = "amber birch cedar delta ember fjord grove harbor iris juniper kelp lumen".split()


# -- the library -------------------------------------------------------------------------------


def build(data: Path, n: int, src: str) -> None:
    """A library of ``n`` media files, created by the code in ``src`` (its schema)."""
    code = (
        "import sys; from pathlib import Path; from medialens.paths import data_dirs; "
        "from medialens.store import Store; d = data_dirs(Path(sys.argv[1])); d.create(); "
        "Store(d.database, create=True, daily_backup=False).close(); print(d.database)"
    )
    env = dict(os.environ, PYTHONPATH=src)
    db = subprocess.run(
        [sys.executable, "-c", code, str(data)], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    fill(Path(db), n)


def fill(db: Path, n: int) -> None:
    """n files in 100 folders of one root, three in four audio (music or speech), one in four
    video without a title tag; triggers and indexes are set aside while rows go in."""
    rnd = random.Random(n)
    now = time.time()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous = OFF")
    saved = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') "
        "AND tbl_name = 'files' AND sql IS NOT NULL"
    ).fetchall()
    for kind, name, _sql in saved:
        conn.execute(f"DROP {kind.upper()} {name}")
    conn.execute(
        "INSERT INTO folders (id, path, display_path, added_at) VALUES (1, ?, '/media', ?)",
        (b"/media", now),
    )

    def rows():
        for i in range(1, n + 1):
            video = i % 4 == 0
            ext = "mp4" if video else "mp3"
            path = f"/media/d{i % 100:02d}/file_{i:07d}.{ext}"
            title = None if video else f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {i}"
            yield (
                i, path.encode(), path, f"c{i:07d}", "video" if video else "audio",
                30.0 + (i * 7919) % 3600, title, None if video else f"Artist {i % 997}",
                None if video else f"Album {i % 4999}",
                "video" if video else ("speech" if i % 4 == 3 else "music"),
                now - (n - i) * 10.0, now,
            )  # fmt: skip

    conn.executemany(
        "INSERT INTO files (id, path, display_path, folder_id, content_id, size, mtime_ns, "
        "status, kind, duration, title, artist, album, category, available, added_at, "
        "changed_at) VALUES (?, ?, ?, 1, ?, 1, 1, 'media', ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        rows(),
    )
    for _kind, _name, sql in saved:
        conn.execute(sql)
    # the rows carry their music columns already, as a library the app has kept does: without
    # this the window's first open re-derives every row (the one pass after an upgrade)
    conn.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('facts_version', ?)",
        (str(FACTS_VERSION),),
    )
    conn.commit()
    conn.close()


# -- the child: one window, one library -----------------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class StackWatch:
    """A thread that looks at the GUI thread's stack whenever its timer is late by more
    than ``late_ms``: where the event loop was held, counted by place (Python frames only:
    a long C++ call shows as the Python line that made it)."""

    def __init__(self, late_ms: float = 80.0) -> None:
        import collections
        import threading

        self.gui = threading.get_ident()
        self.late = late_ms / 1000
        self.tick = time.perf_counter()
        self.places: collections.Counter[str] = collections.Counter()
        self._seen = 0.0
        threading.Thread(target=self._watch, daemon=True, name="stack-watch").start()

    def _watch(self) -> None:
        import tempfile
        import threading

        from medialens.gui.trace import IDLE, stacks

        me = threading.get_ident()
        with tempfile.TemporaryFile("w+", encoding="utf-8") as scratch:
            while True:
                time.sleep(0.02)
                tick = self.tick
                if time.perf_counter() - tick < self.late or tick == self._seen:
                    continue
                self._seen = tick  # one sample a stall
                frames = stacks(scratch)
                frames.pop(me, None)
                gui = [f for f in frames.pop(self.gui, []) if "bench_grid" not in f][:4]
                busy = [
                    " < ".join(f[:2]) for f in frames.values() if f and f[0].split()[-1] not in IDLE
                ]
                meanwhile = f" (meanwhile {'; '.join(busy)})" if busy else ""
                self.places[(" < ".join(gui) or "(event loop / Qt)") + meanwhile] += 1


class Threads:
    """Each thread's time on a CPU and time waiting for one, in ns, from the kernel
    (``/proc/self/task/TID/schedstat``), read at each tick of the GUI thread."""

    def __init__(self) -> None:
        self.fds: dict[int, int] = {}
        self.names: dict[int, str] = {}
        self.refreshed = 0.0
        self.refresh()

    def refresh(self) -> None:
        self.refreshed = time.perf_counter()
        named = {t.native_id: t.name for t in threading.enumerate()}
        for tid in os.listdir("/proc/self/task"):
            t = int(tid)
            if t in self.fds:
                if t in named:
                    self.names[t] = named[t]
                continue
            try:
                self.fds[t] = os.open(f"/proc/self/task/{t}/schedstat", os.O_RDONLY)
                with open(f"/proc/self/task/{t}/comm") as f:
                    self.names[t] = named.get(t) or f.read().strip()
            except OSError:
                pass

    def read(self) -> dict[int, tuple[int, int]]:
        out = {}
        for t, fd in list(self.fds.items()):
            try:
                on_cpu, waiting, _ = os.pread(fd, 96, 0).split()
            except (OSError, ValueError):
                os.close(fd)
                del self.fds[t]
                continue
            out[t] = (int(on_cpu), int(waiting))
        return out


def attribute(gap_ms: float, gui: int, before: dict, after: dict, names: dict) -> dict:
    """One stall: the GUI thread's own CPU, its wait for a CPU, the rest (blocked), and the
    threads that ran meanwhile (ms on a CPU / waiting for one)."""

    def delta(t: int, k: int) -> float:
        return (after.get(t, (0, 0))[k] - before.get(t, after.get(t, (0, 0)))[k]) / 1e6

    others = sorted(
        ((round(delta(t, 0)), round(delta(t, 1)), names.get(t, str(t))) for t in after if t != gui),
        reverse=True,
    )
    cpu, wait = delta(gui, 0), delta(gui, 1)
    return {
        "ms": round(gap_ms),
        "gui_cpu": round(cpu),
        "gui_runq": round(wait),
        "blocked": round(max(0.0, gap_ms - cpu - wait)),
        # each: its ms on a CPU / waiting for one (a thread waiting for a CPU while it holds
        # the GIL holds up the GUI thread too)
        "others": [f"{name} {ms}/{wait}" for ms, wait, name in others[:3] if ms + wait >= 5],
    }


class Collections:
    """Full garbage collections (generation 2) as they happen: how many, the longest."""

    def __init__(self) -> None:
        import gc

        self.started = self.started_cpu = 0.0
        self.times: list[float] = []
        self.longest: tuple[float, float, str] | None = None
        # what the full passes walk (costly: for finding the cause, not for the figures)
        self.census = bool(os.environ.get("BENCH_GRID_GC_CENSUS"))
        self.censuses: list[str] = []
        self._census_at = 0.0
        gc.callbacks.append(self._gc)

    def _gc(self, phase: str, info: dict) -> None:
        import collections
        import gc

        if info.get("generation") != 2:
            return
        if phase == "start" and self.census and time.perf_counter() - self._census_at > 2:
            objects = gc.get_objects(2)
            kinds = collections.Counter(type(o).__name__ for o in objects)
            self.censuses.append(f"{len(objects)}: {kinds.most_common(6)}")
            del objects
            self._census_at = time.perf_counter()
        if phase == "start":
            self.started = time.perf_counter()
            self.started_cpu = time.thread_time()
        elif self.started:
            wall = (time.perf_counter() - self.started) * 1000
            self.times.append(wall)
            if wall >= max(self.times):  # the longest: on a CPU, or its thread preempted?
                cpu = (time.thread_time() - self.started_cpu) * 1000
                self.longest = (round(wall, 1), round(cpu, 1), threading.current_thread().name)

    def take(self) -> dict:
        out: dict = {"count": len(self.times), "longest_ms": round(max(self.times, default=0.0), 1)}
        if self.longest:
            out["longest_wall_cpu_thread"] = self.longest
        self.longest = None
        if self.censuses:
            out["census"] = self.censuses[-4:]
        self.times, self.censuses = [], []
        return out


def child(data: Path) -> None:
    import resource

    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPoint, QTimer
    from PySide6.QtWidgets import QApplication

    from medialens.gui import engine as engine_module
    from medialens.gui import services as S
    from medialens.gui.models import RowRole
    from medialens.gui.window import MainWindow
    from medialens.paths import data_dirs

    engine_module.Engine._spawn = lambda self: None  # the grid alone: no indexer process
    app = QApplication([])
    started = time.perf_counter()
    cpu0 = time.process_time()
    services = S.Services.open(data_dirs(data))
    window = MainWindow(services)
    window.resize(1400, 900)
    window.show()
    window.start()
    window.go("all")
    page = window.library
    grid = page.grid
    out: dict = {"rows": 0}
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    watch = StackWatch()
    threads = Threads()
    collections = Collections()
    gui_tid = threading.get_native_id()
    seen = [threads.read()]
    stalls: list[dict] = []

    def tick() -> None:
        watch.tick = time.perf_counter()
        now = clock.elapsed()
        gap = now - last[0] - TICK_MS
        gaps.append(gap)
        last[0] = now
        got = threads.read()
        if gap > 100:
            stalls.append(attribute(gap, gui_tid, seen[0], got, threads.names))
        seen[0] = got
        if watch.tick - threads.refreshed > 1.0:
            threads.refresh()

    ticker = QTimer(interval=TICK_MS)
    ticker.timeout.connect(tick)
    ticker.start()

    def shown() -> bool:
        """The cards at the viewport's corners show their rows (not placeholders)."""
        vp = grid.viewport()
        model = grid.model()
        if model.rowCount() == 0 or not grid.isVisible():
            return False
        for point in (QPoint(20, 20), QPoint(vp.width() - 30, vp.height() - 30)):
            idx = grid.indexAt(point)
            if idx.isValid() and idx.data(RowRole) is None:
                return False
        return True

    class Painted(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and "first_paint" not in out and shown():
                out["first_paint"] = time.perf_counter() - started
                out["rows"] = grid.model().rowCount()
            return False

    painted = Painted()
    grid.viewport().installEventFilter(painted)
    rnd = random.Random(0)
    plan: list[tuple[str, int]] = []
    blanks: list[float] = []

    def make_plan() -> None:
        bar = grid.verticalScrollBar()
        step = bar.pageStep()
        plan.extend(("page", min(bar.maximum(), i * step)) for i in range(1, PAGE_STEPS + 1))
        plan.extend(("jump", rnd.randint(0, bar.maximum())) for _ in range(JUMPS))
        plan.extend(
            ("page", max(0, bar.maximum() - i * step)) for i in range(PAGE_STEPS // 4, -1, -1)
        )

    state = {"phase": "wait", "since": 0.0, "moves": 0}

    def drive() -> None:
        if state["phase"] == "wait":
            # the grid shows its cards, and its layout knows all the rows (Qt lays out a
            # big model in batches): then the scroll starts from a settled window
            if "first_paint" in out and grid.verticalScrollBar().maximum() > 0:
                want = grid.model().rowCount()
                if state["since"] == 0.0:
                    state["since"] = time.perf_counter()
                last_index = grid.model().index(want - 1, 0)
                if grid.visualRect(last_index).isValid() or not want:
                    out["layout_done"] = time.perf_counter() - started
                    out["rss_shown_mb"] = rss_mb()
                    out["stalls_start"] = summary(gaps)
                    out["stalls_start_why"] = sorted(stalls, key=lambda x: -x["ms"])[:12]
                    out["gc_start_passes"] = collections.take()
                    stalls.clear()
                    gaps.clear()
                    out["gc"] = full_collections()
                    collections.take()  # (this measure's own passes: not the scroll's)
                    last[0] = clock.elapsed()  # (not a stall of the scroll)
                    make_plan()
                    state["phase"] = "scroll"
                    state["t0"] = time.perf_counter()
                    state["cpu0"] = time.process_time()
            if time.perf_counter() - started > 600:
                out["error"] = "not shown in 600 s"
                app.quit()
            return
        if state.get("blank_since") is not None:
            if not shown() and time.perf_counter() - state["blank_since"] < 5:
                return  # wait for the cards of the jump (at most 5 s)
            blanks.append(time.perf_counter() - state["blank_since"])
            state["blank_since"] = None
        if not plan:
            out["scroll_s"] = time.perf_counter() - state["t0"]
            out["scroll_cpu_s"] = time.process_time() - state["cpu0"]
            out["moves"] = state["moves"]
            out["stalls_scroll"] = summary(gaps)
            out["stalls_scroll_why"] = sorted(stalls, key=lambda x: -x["ms"])[:12]
            out["gc_scroll_passes"] = collections.take()
            out["blank_ms"] = {
                "median": 1000 * sorted(blanks)[len(blanks) // 2] if blanks else 0,
                "max": 1000 * max(blanks, default=0),
            }
            out["rss_end_mb"] = rss_mb()
            out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            out["cpu_s"] = time.process_time() - cpu0
            out["stall_places"] = watch.places.most_common(6)
            out["gc_end"] = full_collections()
            app.quit()
            return
        how, value = plan.pop(0)
        grid.verticalScrollBar().setValue(value)
        state["moves"] += 1
        if how == "jump":
            state["blank_since"] = time.perf_counter()

    driver = QTimer(interval=16)  # a step a frame, as a dragged scroll bar or a held key
    driver.timeout.connect(drive)
    driver.start()
    app.exec()
    ticker.stop()
    driver.stop()
    print("RESULT " + json.dumps(out), flush=True)
    os._exit(0)  # no teardown of a million rows: the figures are out


def full_collections() -> dict:
    """How long one full garbage collection takes as the window stands (objects the
    window froze out of the collector's passes left there), and without that freeze."""
    import gc

    frozen = gc.get_freeze_count()
    gc.collect()  # the garbage of the moment: then both passes walk the same objects
    started = time.perf_counter()
    gc.collect()
    as_is = (time.perf_counter() - started) * 1000
    gc.unfreeze()
    started = time.perf_counter()
    gc.collect()
    unfrozen = (time.perf_counter() - started) * 1000
    if frozen:
        gc.freeze()
    return {"frozen": frozen, "full_ms": round(as_is, 1), "unfrozen_ms": round(unfrozen, 1)}


def summary(gaps: list[float]) -> dict:
    return {
        "over_50ms": sum(g > 50 for g in gaps),
        "over_100ms": sum(g > 100 for g in gaps),
        "longest_ms": round(max(gaps, default=0.0), 1),
    }


# -- the driver -------------------------------------------------------------------------------------


def run(data: Path, src: str) -> dict:
    load = os.getloadavg()[0]
    result = _run(data, src)
    result["load"] = [round(load, 1), round(os.getloadavg()[0], 1)]
    return result


def _run(data: Path, src: str) -> dict:
    env = dict(
        os.environ,
        PYTHONPATH=src,
        QT_QPA_PLATFORM="offscreen",
        QT_LOGGING_RULES="qt.multimedia.*=false",
    )
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    return {"error": f"exit {proc.returncode}: {proc.stderr[-600:]}"}


def fmt(r: dict | None) -> str:
    if r is None:
        return "not run"
    if "error" in r:
        return "failed: " + r["error"].replace("\n", " ")[:200]
    s, t = r["stalls_start"], r["stalls_scroll"]
    return (
        f"first paint {r['first_paint']:6.2f} s | start stalls >50 {s['over_50ms']:3d} "
        f">100 {s['over_100ms']:3d} max {s['longest_ms']:6.0f} ms | scroll {r['moves']} moves: "
        f">50 {t['over_50ms']:3d} >100 {t['over_100ms']:3d} max {t['longest_ms']:5.0f} ms, "
        f"blank jump median {r['blank_ms']['median']:4.0f} max {r['blank_ms']['max']:5.0f} ms, "
        f"cpu {r['scroll_cpu_s']:5.1f} s | RSS {r['rss_end_mb']:6.0f} MB (peak {r['maxrss_mb']:.0f})"
        f" | load {r['load'][0]}-{r['load'][1]}"
    )


def copy_library(source: Path, dest: Path) -> None:
    """A private copy of a library's data folder (new code migrates what it opens)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-r", "--reflink=auto", str(source), str(dest)], check=True)


def main() -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--base-sizes", default="10000,100000")
    parser.add_argument("--base-src", default=os.environ.get("MEDIALENS_BASE_SRC", ""))
    parser.add_argument("--src", default=str(here.parent / "src"))
    parser.add_argument("--library", action="append", default=[], help="N=DATA_DIR to copy")
    parser.add_argument("--work", default="", help="where the libraries go (a temp dir)")
    args = parser.parse_args()
    if args.child:
        child(Path(args.child))
        return 0
    sizes = [int(x) for x in args.sizes.split(",") if x]
    base_sizes = {int(x) for x in args.base_sizes.split(",") if x} if args.base_src else set()
    given = {int(k): Path(v) for k, v in (x.split("=", 1) for x in args.library)}
    if args.work:
        Path(args.work).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="medialens-grid-", dir=args.work or None))
    results: dict[int, tuple[dict | None, dict]] = {}
    try:
        for n in sizes:
            built = time.perf_counter()
            lib = work / f"lib{n}"
            if n in given:
                copy_library(given[n], lib)
                print(f"-- {n:,} files (copied from {given[n]})", flush=True)
            else:
                build(lib, n, args.base_src or args.src)
                print(f"-- {n:,} files (built in {time.perf_counter() - built:.0f} s)", flush=True)
            base = None
            if n in base_sizes:
                copy = work / f"base{n}"
                if n in given:  # one copy at a time: a 10^6 copy grows to 7-15 GB
                    shutil.rmtree(lib)
                    copy_library(given[n], copy)
                else:
                    shutil.copytree(lib, copy)
                base = run(copy, args.base_src)
                shutil.rmtree(copy)
                print(f"   today: {fmt(base)}", flush=True)
                if n in given:
                    copy_library(given[n], lib)
            now = run(lib, args.src)
            print(f"   now:   {fmt(now)}", flush=True)
            for label, r in (("today", base), ("now", now)):
                for when in ("gc", "gc_end"):
                    if r and when in r:
                        print(f"      {label} full collection ({when}): {r[when]}")
                for when in ("gc_start_passes", "gc_scroll_passes"):
                    if r and when in r:
                        print(f"      {label} full collections during {when[3:-7]}: {r[when]}")
                for when in ("stalls_start_why", "stalls_scroll_why"):
                    for stall in (r or {}).get(when, []):
                        print(f"      {label} {when[7:-4]} stall {json.dumps(stall)}")
                for place, count in (r or {}).get("stall_places", []):
                    print(f"      {label} stalls at {count:3d}x {place}")
            if base and "error" not in base and "error" not in now:
                print(
                    f"   today / now: first paint {base['first_paint'] / now['first_paint']:.1f}x,"
                    f" RSS {base['rss_end_mb'] / now['rss_end_mb']:.1f}x, longest stall "
                    f"{base['stalls_start']['longest_ms']:.0f} -> "
                    f"{now['stalls_start']['longest_ms']:.0f} ms (start), "
                    f"{base['stalls_scroll']['longest_ms']:.0f} -> "
                    f"{now['stalls_scroll']['longest_ms']:.0f} ms (scroll)"
                )
            results[n] = (base, now)
            shutil.rmtree(lib)
        print("growth (now):")
        ok = [(n, r[1]) for n, r in results.items() if "error" not in r[1]]
        for (n0, a), (n1, b) in zip(ok, ok[1:], strict=False):
            print(
                f"   {n0:,} -> {n1:,}: first paint {b['first_paint'] / a['first_paint']:.2f}x, "
                f"RSS {b['rss_end_mb'] / a['rss_end_mb']:.2f}x, scroll CPU "
                f"{b['scroll_cpu_s'] / a['scroll_cpu_s']:.2f}x, longest scroll stall "
                f"{a['stalls_scroll']['longest_ms']:.0f} -> {b['stalls_scroll']['longest_ms']:.0f} ms"
            )
        base_ok = [(n, r[0]) for n, r in results.items() if r[0] and "error" not in r[0]]
        for (n0, a), (n1, b) in zip(base_ok, base_ok[1:], strict=False):
            k = b["first_paint"] / a["first_paint"]
            print(
                f"today {n0:,} -> {n1:,}: first paint {k:.2f}x, RSS "
                f"{b['rss_end_mb'] / a['rss_end_mb']:.2f}x; at 10x more files again "
                f"(extrapolated): first paint ~{b['first_paint'] * k:.0f} s, RSS "
                f"~{b['rss_end_mb'] * b['rss_end_mb'] / a['rss_end_mb']:.0f} MB"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
