"""The window process end to end on a kept library: For you, a search, the grid, and its RSS.

    python benchmarks/bench_window.py [--library 1000000=DIR ...] [--query W]

Without ``--library`` it builds libraries of 10^4 and 10^5 files (``synthetic_library.py``)
in a temporary folder and measures those.

Each DIR is a data folder (a copy: it is migrated in place and its caches are written), for
instance a copy of one built by ``synthetic_library.py``, given a short history first (as
``bench_index.py`` gives its libraries) so For you ranks rather than tours. For each library
two child processes open the real MainWindow offscreen, one after the other: the first on
the folder as it is (cold: the feature index and For you's matrices are built from SQLite
if they are not on disk), the second on what the first left (warm). Each child shows For
you until its whole ranking is painted, waits ``LOOK_S`` (a person looks at it), types a
search and waits for its results (the time includes the window's 220 ms pause for typing),
then a second one, opens "All" and pages through the grid, then prints the window's peak
RSS (``ru_maxrss``) and its RSS at the end.
No indexer process is started (a synthetic library's files are empty): this is the window
a person browses while nothing is being analysed. The issue's target: RSS <= 2 GB at 10^6.

Measured 2026-12-03 on 2 shared cores (load 2-6), a copy of a 10^6-file synthetic library:
peak RSS 3297 MB before the saved graphs' lists were memory-mapped and the passes over a
block dropped their pages, 1941 MB after (2010 MB on the opening that rebuilt For you's
matrices); at 10^5 the first search took 2.3-3.1 s before the window warmed search up,
0.55-0.66 s after (as much as a second one, the 220 ms pause for typing included).
On a fresh copy with every cache empty the peak was 3031 MB: For you's first fit picked its
20,000-row sample out of the mapped item vectors, and each picked row faulted in the pages
around it (2.1 GB of the 3.4 GB file resident). With the sample read a pass at a time and a
ranking's mapped pages let go after it: 1681 MB cold, 1599 MB warm (load 8).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GB = 1 << 30
AGAIN = "piano night"
LOOK_S = 5.0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(data: Path, query: str) -> None:
    import resource

    from PySide6.QtWidgets import QApplication

    from medialens.gui import engine as engine_module
    from medialens.gui import services as S
    from medialens.gui.foryou import ForYouPage
    from medialens.gui.window import MainWindow
    from medialens.paths import data_dirs

    engine_module.Engine._spawn = lambda self: None  # the window alone: no indexer process
    applied: list[tuple[float, int]] = []
    original_apply = ForYouPage._apply

    def apply(page, shelves) -> None:
        original_apply(page, shelves)
        applied.append((time.perf_counter() - started, sum(len(s.cards) for s in shelves)))

    ForYouPage._apply = apply  # type: ignore[method-assign]
    pending = [0]  # refreshes asked for and not answered yet
    original_refresh = ForYouPage.refresh

    def refresh(page, then=None) -> None:
        pending[0] += 1

        def answered() -> None:
            pending[0] -= 1
            if then is not None:
                then()

        original_refresh(page, answered)

    ForYouPage.refresh = refresh  # type: ignore[method-assign]
    app = QApplication([])
    started = time.perf_counter()
    services = S.Services.open(data_dirs(data))
    window = MainWindow(services)
    window.resize(1400, 900)
    window.show()
    window.start()
    out: dict = {"window_shown_s": time.perf_counter() - started}
    state = {"phase": "foryou", "t": 0.0, "moves": 0, "runs": 0}

    def ranked() -> bool:
        # the first paint of a cold start is partial and the full ranking follows; the
        # page asks for its ranking once more when the library's revision moves
        return bool(applied) and pending[0] == 0

    def step() -> None:
        now = time.perf_counter() - started
        if now > 900:
            out["error"] = f"stuck in {state['phase']} after 900 s"
            finish()
            return
        if state["phase"] == "foryou":
            if ranked():
                out["foryou_first_s"] = applied[0][0]
                out["foryou_painted_s"] = applied[-1][0]
                out["foryou_cards"] = applied[-1][1]
                out["rss_foryou_mb"] = rss_mb()
                state.update(phase="look", t=now)
            return
        if state["phase"] == "look":  # a person looks at For you before typing
            if now - state["t"] >= LOOK_S:
                window.search.setText(query)
                state.update(phase="search", t=now)
            return
        if state["phase"] == "search":
            if window._results_query == query and window.results.model.rowCount():
                out["search_s"] = now - state["t"]
                out["search_hits"] = window.results.model.rowCount()
                window.search.setText(AGAIN)
                state.update(phase="again", t=now)
            return
        if state["phase"] == "again":  # a second query: what typing costs once warm
            if window._results_query == AGAIN:
                out["search_again_s"] = now - state["t"]
                window.search.clear()
                window.go("all")
                state.update(phase="grid", t=now)
            return
        if state["phase"] == "grid":
            bar = window.library.grid.verticalScrollBar()
            if bar.maximum() <= 0:
                return
            if state["moves"] < 60:
                bar.setValue(min(bar.maximum(), (state["moves"] + 1) * bar.pageStep() * 37))
                state["moves"] += 1
                return
            out["grid_s"] = now - state["t"]
            finish()

    def finish() -> None:
        out["rss_end_mb"] = rss_mb()
        out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out["cpu_s"] = time.process_time()
        print("RESULT " + json.dumps(out), flush=True)
        os._exit(0)  # no teardown of a million rows: the figures are out

    from PySide6.QtCore import QTimer

    timer = QTimer(interval=50)
    timer.timeout.connect(step)
    timer.start()
    app.exec()


def run(data: Path, query: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.*=false")
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(data), "--query", query],
        env=env, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise SystemExit(f"the window failed ({proc.returncode}): {proc.stderr[-3000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", action="append", default=[], metavar="N=DIR")
    parser.add_argument("--query", default="forest rain")
    parser.add_argument(
        "--no-history",
        action="store_true",
        help="leave the history as it is (default: add bench_index's 30 plays and 3 likes first)",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.query)
        return
    work = None
    if not args.library:  # `make bench`: libraries of 10^4 and 10^5 files built here
        from synthetic_library import build_dir

        work = Path(tempfile.mkdtemp(prefix="medialens-window-"))
        for n in (10_000, 100_000):
            build_dir(work / f"n{n}", n, log=lambda *_a, **_k: None)
            args.library.append(f"{n}={work / f'n{n}' / 'data'}")
    print(
        "| files | run | window shown s | For you first / painted s | search, first / again s | "
        "grid s | RSS after For you MB | RSS end MB | peak RSS MB | CPU s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    worst = 0.0
    for spec in args.library:
        size, _, folder = spec.partition("=")
        if not args.no_history:
            from bench_index import history

            history(Path(__file__).resolve().parents[1] / "src", Path(folder))
        for name in ("cold", "warm"):
            r = run(Path(folder), args.query)
            if "error" in r:
                print(f"| {int(size):,} | {name} | {r['error']} |")
                continue
            worst = max(worst, r["maxrss_mb"])
            print(
                f"| {int(size):,} | {name} | {r['window_shown_s']:.2f} | "
                f"{r['foryou_first_s']:.2f} / {r['foryou_painted_s']:.2f} | "
                f"{r['search_s']:.2f} / {r['search_again_s']:.2f} | {r['grid_s']:.2f} | {r['rss_foryou_mb']:.0f} | "
                f"{r['rss_end_mb']:.0f} | {r['maxrss_mb']:.0f} | {r['cpu_s']:.1f} |",
                flush=True,
            )
    print(f"\nlargest peak RSS of the window: {worst:,.0f} MB (target <= {2 * GB >> 20:,} MB)")
    if work is not None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
