"""What routing extractors by category saves, side by side with today's code, in one run.

Today's code is any other checkout of Medialens given with ``--base SRC`` (its ``src``
folder): both run the same ``medialens index --workers 2`` in a subprocess, with
``PYTHONPATH`` set to one source tree or the other (the plugins are the installed ones),
on copies of the same real recordings (see ../shared/MEDIA.md):

- **music**: 4-minute tracks (208-260 s), with the built-ins and the ``music`` tagger
  only: wall and CPU a track (the whole run over the tracks: scan, worker start-up,
  model loading and extraction);
- **speech**: spoken prompts with every installed plugin: wall and CPU a clip, and how
  many model calls the routing left out;
- **every plugin**: a mixed library (tracks, prompts, sound effects, videos) with every
  installed plugin: the peak resident memory of the whole process tree (the CLI and its
  worker processes, sampled every 50 ms from /proc).

Also printed per run: the CPU seconds each extractor spent (stored with its results).
Run it under the machine's heavy-work lock when others share the machine.

Measured 2026-12-02 on 2 shared cores (load average up to 18, so walls are noisy; CPU and
memory less so), today = the checkout before routing:

- 6 tracks of 208-260 s, built-ins + music: 4.17 -> 3.01 s wall a track (0.72x), 4.28 ->
  2.69 s CPU (0.63x), tree peak 1287 -> 684 MB;
- 24 spoken prompts, every plugin: 5.21 -> 3.46 s wall a clip, 2.06 -> 1.51 s CPU (0.73x;
  musicnn 0.96 -> 0 s a clip), 1965 -> 1226 MB;
- 17 mixed files, every plugin: tree peak 2151 -> 1224 MB on 2 workers (0.57x), 789 MB on
  one worker; CPU 1.00x (lane changes restart workers, which this small mixed library pays
  for and a library of albums does not).

Then with the workers' memory budget (isolation.DEFAULT_BUDGET) and 6 music patches, under
the heavy-work lock, load average 2.3-2.9 (`--only every --only music`):

- 6 tracks, built-ins + music: 5.06 -> 3.83 s wall a track (0.76x), 5.74 -> 4.08 s CPU
  (0.71x), tree peak 1110 -> 611 MB;
- 17 mixed files, every plugin, 2 workers: tree peak 1930 -> 748 MB (0.39x; one worker
  process of 674 MB: a second, with the text embedders every lane loads, does not fit), wall
  1.03x, CPU 0.73x (no worker restarted to change lanes).

Then with the decode's own stereo downmix, the spare worker and the waveform from the shared
decode, 2026-12-03, load average 1.5-2.0 (the machine's speed itself varied by ~40 % within
the hour: compare the two rows of one run, not runs), ``--only music --marginal``:

- 6 tracks: 2.61 -> 1.96 s wall a track (0.75x), 4.44 -> 3.14 s CPU (0.71x), tree peak
  1107 -> 613 MB;
- 12 tracks: 1.94 -> 1.47 s wall a track, 3.54 -> 2.55 s CPU (0.72x);
- marginal, the 6 more tracks (271 s mean): 1.26 -> 0.98 s wall a track, 2.65 -> 1.97 s CPU.

``--only every`` (load 4.2): tree peak 1996 -> 745 MB, CPU 0.55x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _rss import run  # noqa: E402 - the benchmarks' shared process-tree sampler

REPO = Path(__file__).resolve().parents[1]
MEDIA = Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media"))
NOW = REPO / "src"

TRACKS = (
    "Awakening.ogg",
    "funkyrobot.mp3",
    "Coherence.ogg",
    "Through Space.ogg",
    "Inevitable.ogg",
    "Enemy Unknown.ogg",
)
MORE_TRACKS = (  # for --marginal: six more of 172-310 s, none of them the same recording
    "1918.mp3",
    "Deprecation.ogg",
    "Orbital Elevator.ogg",
    "machine_wars.mp3",
    "By-Product.ogg",
    "Aberrations.ogg",
)


def env_for(src: Path) -> dict[str, str]:
    """The environment that runs the code in ``src`` with the plugins of the same tree
    (``src/../plugins/*/src``, ahead of the installed ones)."""
    env = {k: v for k, v in os.environ.items() if k != "MEDIALENS_IN_PROCESS"}
    paths = [str(src), *(str(p) for p in sorted((src.parent / "plugins").glob("*/src")))]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def make_folder(work: Path, name: str, files: list[Path]) -> Path:
    folder = work / f"media-{name}"
    folder.mkdir()
    for i, f in enumerate(files):
        shutil.copy(f, folder / f"{i:03d}-{f.name}")
    return folder


def index(
    work: Path, way: str, src: Path, folder: Path, only: set[str] | None, workers: int = 2
) -> dict:
    """Index ``folder`` from scratch with the code in ``src``; ``only``: the plugins kept
    enabled besides the built-ins (None: every plugin)."""
    data = work / f"data-{folder.name}-{way}"
    env = env_for(src)
    cli = [sys.executable, "-m", "medialens.cli", "--data-dir", str(data)]
    subprocess.run([*cli, "folders", "add", str(folder)], env=env, check=True, capture_output=True)
    if only is not None:
        keep = sorted(only)
        script = (
            "from medialens.core.library import Library\n"
            "from medialens.paths import data_dirs\n"
            f"with Library(data_dirs({str(data)!r})) as lib:\n"
            "    for r in list(lib.host.records.values()):\n"
            f"        if not r.builtin and r.name not in {keep!r}:\n"
            "            lib.host.set_enabled(r.name, False)\n"
        )
        subprocess.run([sys.executable, "-c", script], env=env, check=True)
    done = run([*cli, "index", "--workers", str(workers)], env)
    db = sqlite3.connect(data / "library.sqlite3")
    per = dict(db.execute("SELECT extractor, sum(seconds) FROM features GROUP BY extractor"))
    calls = db.execute("SELECT count(*) FROM features").fetchone()[0]
    failures = db.execute("SELECT count(*) FROM failures").fetchone()[0]
    db.close()
    return {
        "wall": done.wall,
        "cpu": done.cpu,
        "peak": done.peak,
        "each": done.each,
        "load": done.load,
        "per": per,
        "calls": calls,
        "failures": failures,
    }


def report(title: str, n: int, unit: str, rows: dict[str, dict], rss: bool = False) -> None:
    print(f"\n{title}: {n} {unit}s, 2 workers unless named")
    head = f"  {'':6} {'wall s':>8} {'cpu s':>8} {'wall/' + unit:>11} {'cpu/' + unit:>10}"
    print(head + f" {'peak MB':>8} {'results':>8} {'failed':>7} {'load':>5}")
    for way, r in rows.items():
        print(
            f"  {way:6} {r['wall']:8.1f} {r['cpu']:8.1f} {r['wall'] / n:11.3f} "
            f"{r['cpu'] / n:10.3f} {r['peak'] / 2**20:8.0f} {r['calls']:8d} {r['failures']:7d} "
            f"{r['load']:5.1f}"
        )
    today, now = rows["today"], rows["now"]
    ratio = (
        f"  now / today: wall {now['wall'] / today['wall']:.2f}x, "
        f"cpu {now['cpu'] / today['cpu']:.2f}x, peak RSS {now['peak'] / today['peak']:.2f}x"
    )
    print(ratio)
    names = sorted(set(today["per"]) | set(now["per"]), key=lambda k: -today["per"].get(k, 0))
    print("  extractor seconds a " + unit + " (today -> now): " + ", ".join(
        f"{k} {today['per'].get(k, 0) / n:.3f}->{now['per'].get(k, 0) / n:.3f}" for k in names
    ))  # fmt: skip
    if rss:
        for way, r in rows.items():
            print(f"  peak RSS of the tree, {way}: {r['peak'] / 2**20:.0f} MB; of each process "
                  f"(MB): {', '.join(str(b // 2**20) for b in r['each'])}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="today's src folder")
    parser.add_argument("--quick", action="store_true", help="fewer files")
    parser.add_argument(
        "--marginal",
        action="store_true",
        help="also index 12 tracks, and print what the 6 more cost a track: the run's fixed "
        "costs (start-up, worker processes, model loading) left out",
    )
    parser.add_argument(
        "--only", choices=("music", "speech", "every"), action="append", help="some parts"
    )
    args = parser.parse_args()
    if not (MEDIA / "speech").is_dir():
        sys.exit("real media not installed (run `make media`)")
    parts = set(args.only or ("music", "speech", "every"))
    tracks = [MEDIA / "music" / t for t in TRACKS[: 3 if args.quick else len(TRACKS)]]
    speech = sorted((MEDIA / "speech").glob("*.wav"))[: 8 if args.quick else 24]
    ways = {"today": args.base.resolve(), "now": NOW}
    with tempfile.TemporaryDirectory(prefix="bench-routing-") as tmp:
        work = Path(tmp)
        if "music" in parts:
            folder = make_folder(work, "music", tracks)
            rows = {w: index(work, w, src, folder, {"music"}) for w, src in ways.items()}
            seconds = sum(_duration(t) for t in tracks) / len(tracks)
            report(f"4-minute tracks ({seconds:.0f} s mean), built-ins + music", len(tracks),
                   "track", rows)  # fmt: skip
            if args.marginal:
                more = tracks + [MEDIA / "music" / t for t in MORE_TRACKS]
                folder = make_folder(work, "music12", more)
                rows12 = {w: index(work, w, src, folder, {"music"}) for w, src in ways.items()}
                extra = len(more) - len(tracks)
                seconds = sum(_duration(t) for t in more[len(tracks) :]) / extra
                report(f"{len(more)} tracks, built-ins + music", len(more), "track", rows12)
                print(f"  marginal cost of the {extra} more tracks ({seconds:.0f} s mean), "
                      "a track:")  # fmt: skip
                for way in ways:
                    a, b = rows[way], rows12[way]
                    print(f"  {way:6} wall {(b['wall'] - a['wall']) / extra:.3f} s, "
                          f"cpu {(b['cpu'] - a['cpu']) / extra:.3f} s")  # fmt: skip
        if "speech" in parts:
            folder = make_folder(work, "speech", speech)
            rows = {w: index(work, w, src, folder, None) for w, src in ways.items()}
            report("speech clips, every plugin", len(speech), "clip", rows)
        if "every" in parts:
            mixed = [
                *tracks[:3],
                *speech[:8],
                *sorted((MEDIA / "sounds").glob("*.oga"))[:4],
                MEDIA / "video" / "bikes.mp4",
                MEDIA / "video" / "earth.mp4",
            ]
            folder = make_folder(work, "mixed", mixed)
            rows = {w: index(work, w, src, folder, None) for w, src in ways.items()}
            rows["now-1w"] = index(work, "now-1w", NOW, folder, None, workers=1)
            report("mixed library, every plugin", len(mixed), "file", rows, rss=True)
            print("  (now-1w: this tree on one worker: every model in one process)")


def _duration(path: Path) -> float:
    import av  # noqa: PLC0415

    with av.open(str(path)) as container:
        return float(container.duration or 0) / 1e6


if __name__ == "__main__":
    main()
