"""Fault injection against the ``medialens`` command: what a damaged file, a ``kill -9``, a
broken plugin, a damaged database or an unplugged folder does to the library.

Why: a library is years of playback history; nothing a plugin, a disk or a crash does may
lose it silently. This runs the command of the checked-out source (``python -m
medialens.cli`` with this tree's ``src`` and ``plugins/*/src`` first on the path) as a user
would, in throwaway data folders, and counts the cases it survives:

    a. a corpus of damaged real media (benchmarks/fault_corpus.py) indexed, then indexed again;
    b. ``kill -9`` at seeded random points during ``index`` while a second process records
       playback events: integrity, finished results redone, events lost;
    c. plugins that exit, segfault, hang, busy-loop, allocate without bound, return NaN/inf,
       or hang in discovery;
    d. the database deleted during ``watch``, corrupted, truncated, read-only, from a newer
       version, on a full disk;
    e. a folder unplugged (its mount goes) and renamed during ``watch``.

Every command runs under a time limit (and a memory ceiling) so a hang or a runaway counts
as not survived instead of hanging the benchmark. Wall time and CPU time (user + system of
the command and its children, from ``wait4``) are reported separately; peak RSS is the
larger of the kernel's figure and what was sampled across the command's process group.
It is a benchmark: it prints tables and a summary and exits 0 whatever it finds.

    python benchmarks/bench_faults.py [--quick] [--seed 11] [--parts abcde] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import fault_corpus  # noqa: E402

DB_NAME = "library.sqlite3"
RSS_CEILING_MB = 3072  # a command above this is killed and counted as a runaway
BUILTIN_EXTRACTORS = ("metadata", "thumbnails", "audio", "text", "description")


def product_env(extra_path: Sequence[Path] = ()) -> dict[str, str]:
    """The environment that runs this tree's code, not whatever is installed."""
    paths = [*map(str, extra_path), str(REPO / "src")]
    paths += sorted(str(p) for p in REPO.glob("plugins/*/src"))
    if os.environ.get("PYTHONPATH"):
        paths.append(os.environ["PYTHONPATH"])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths), QT_QPA_PLATFORM="offscreen")
    env.pop("MEDIALENS_HOME", None)
    return env


# -- running the command ---------------------------------------------------------------------


@dataclass
class Run:
    argv: list[str]
    rc: int | None  # negative: killed by that signal; None: still running (never returned)
    out: str
    err: str
    wall: float
    cpu: float
    rss_mb: float
    timed_out: bool = False
    runaway: bool = False  # killed by the memory ceiling

    @property
    def tracebacks(self) -> int:
        return self.err.count("Traceback")

    @property
    def first_err(self) -> str:
        lines = [line.strip() for line in self.err.splitlines() if line.strip()]
        return lines[0][:110] if lines else ""

    @property
    def outcome(self) -> str:
        if self.timed_out:
            return f"timeout {self.wall:.0f}s"
        if self.runaway:
            return f"killed >{RSS_CEILING_MB}MB"
        return f"rc {self.rc}"


def _group_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (children of children too)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total / 1024


def _cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class Proc:
    """One command started in its own process group, reaped with ``wait4`` for its rusage."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path | None = None):
        self.argv = argv
        self._out = tempfile.TemporaryFile()  # noqa: SIM115 - closed with this object
        self._err = tempfile.TemporaryFile()  # noqa: SIM115
        self.started = time.perf_counter()
        self.popen = subprocess.Popen(
            argv,
            stdout=self._out,
            stderr=self._err,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        self.pid = self.popen.pid
        self.peak_mb = 0.0
        self.rc: int | None = None
        self.rusage = None
        self.runaway = False

    def poll(self) -> int | None:
        if self.rc is not None:
            return self.rc
        self.peak_mb = max(self.peak_mb, _group_rss_mb(self.pid))
        if self.peak_mb > RSS_CEILING_MB and not self.runaway:
            self.runaway = True  # killed once; the caller's wait reaps it
            self._kill_group(signal.SIGKILL)
        pid, status, usage = os.wait4(self.pid, os.WNOHANG)
        if pid == self.pid:
            self.rc, self.rusage = os.waitstatus_to_exitcode(status), usage
            self.popen.returncode = self.rc
            self.ended = time.perf_counter()
            self._kill_group(signal.SIGKILL)  # leftovers of the group (worker processes)
        return self.rc

    def _kill_group(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, sig)

    def signal(self, sig: int) -> None:
        self._kill_group(sig) if sig == signal.SIGKILL else self.popen.send_signal(sig)

    def kill(self) -> None:
        self._kill_group(signal.SIGKILL)
        self.wait(10, kill=False)

    def wait(self, timeout: float, kill: bool = True) -> Run:
        deadline = time.perf_counter() + timeout
        timed_out = False
        while self.poll() is None:
            if time.perf_counter() > deadline:
                if not kill:
                    break
                timed_out = True
                self._kill_group(signal.SIGKILL)
                deadline = time.perf_counter() + 10
                kill = False
            time.sleep(0.05)
        return self.result(timed_out)

    def result(self, timed_out: bool = False) -> Run:
        def read(f) -> str:
            f.seek(0)
            return f.read().decode("utf-8", "replace")

        cpu = (self.rusage.ru_utime + self.rusage.ru_stime) if self.rusage else 0.0
        kernel_mb = self.rusage.ru_maxrss / 1024 if self.rusage else 0.0
        end = getattr(self, "ended", time.perf_counter())
        return Run(
            self.argv,
            self.rc,
            read(self._out),
            read(self._err),
            end - self.started,
            cpu,
            max(kernel_mb, self.peak_mb),
            timed_out,
            self.runaway,
        )


class Medialens:
    """``medialens --data-dir D ...`` of this tree, with extra plugin paths when given."""

    def __init__(self, data: Path, extra_path: Sequence[Path] = ()):
        self.data = data
        self.env = product_env(extra_path)

    @property
    def db(self) -> Path:
        return self.data / DB_NAME

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "medialens.cli", "--data-dir", str(self.data), *args]

    def start(self, *args: str) -> Proc:
        return Proc(self.argv(*args), self.env)

    def run(self, *args: str, timeout: float = 120) -> Run:
        return self.start(*args).wait(timeout)


# -- reading the database directly -----------------------------------------------------------


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows from the library database, or [] when it (or the table) cannot be read."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def integrity(db: Path) -> str:
    try:
        conn = sqlite3.connect(str(db), timeout=30)
        try:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"error: {exc}"


def results_snapshot(db: Path) -> dict[tuple[str, str], float]:
    rows = query(db, "SELECT content_id, extractor, created_at FROM features")
    return {(r[0], r[1]): r[2] for r in rows}


def redone(before: dict, after: dict) -> int:
    """Finished results written again (or lost) since ``before``."""
    return sum(1 for key, at in before.items() if after.get(key) != at)


def history_count(ml: Medialens, timeout: float = 60) -> tuple[int | None, Run]:
    target = (
        Path(tempfile.gettempdir())
        / f"medialens-faults-export-{os.getpid()}-{time.monotonic_ns()}.json"
    )
    run = ml.run("history", "export", str(target), timeout=timeout)
    try:
        return len(json.loads(target.read_text())["events"]), run
    except (OSError, ValueError, KeyError):
        return None, run
    finally:
        target.unlink(missing_ok=True)


def parse_index(out: str) -> dict[str, int | None]:
    found = {
        "extracted": re.search(r"extracted (\d+) files", out),
        "failures": re.search(r"(\d+) failures", out),
        "pending": re.search(r"(\d+) jobs pending", out),
    }
    return {k: int(m[1]) if m else None for k, m in found.items()}


def has_command(name: str) -> bool:
    run = Medialens(Path(tempfile.gettempdir()) / "unused").run("--help", timeout=60)
    return re.search(rf"^\s+{name}\s", run.out, re.M) is not None


# -- output ----------------------------------------------------------------------------------


def table(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    rows = [[_cell(c) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    print(f"\n## {title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    sys.stdout.flush()


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        return f"{value:.1f}"
    return "-" if value is None else " ".join(str(value).split())


@dataclass
class Part:
    name: str
    tried: int = 0
    survived: int = 0
    events_lost: int = 0
    notes: list[str] = field(default_factory=list)

    def case(self, ok: bool) -> bool:
        self.tried += 1
        self.survived += bool(ok)
        return ok


# -- media -----------------------------------------------------------------------------------


def media_files(root: Path, folder: str, count: int, rng: random.Random, max_mb: float = 2.0):
    files = sorted(
        p
        for p in (root / folder).rglob("*")
        if p.is_file() and p.stat().st_size < max_mb * 1e6 and p.suffix != ".inter"
    )
    return sorted(rng.sample(files, min(count, len(files))))


def copy_media(files: Iterable[Path], target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(files):
        shutil.copyfile(f, target / f"{i:03d}_{f.name.replace(' ', '_')}")
    return target


class Templates:
    """Fresh data folders, made once by this tree's code and copied per case: one with only
    the built-in extractors active (the bundled model plugins disabled, so cases run in
    seconds), one with everything installed active."""

    def __init__(self, work: Path):
        self.work = work
        self._builtin: Path | None = None
        self.disabled: list[str] = []

    def builtin(self, target: Path, extra_path: Sequence[Path] = ()) -> Medialens:
        if self._builtin is None:
            self._builtin = self.work / "template-builtin"
            ml = Medialens(self._builtin)
            listed = ml.run("plugins", "list", "--json", timeout=120)
            try:
                records = json.loads(listed.out)
            except ValueError:
                records = []
            self.disabled = [r["name"] for r in records if not r.get("builtin")]
            for name in self.disabled:
                ml.run("plugins", "disable", name, timeout=120)
        shutil.copytree(self._builtin, target)
        return Medialens(target, extra_path)


# -- a. the corrupt corpus --------------------------------------------------------------------


def part_corpus(work: Path, args, templates: Templates) -> Part:
    part = Part("a. corrupt corpus")
    corpus = work / "corpus"
    t0, c0 = time.perf_counter(), time.process_time()
    manifest = fault_corpus.build(corpus, args.corpus, args.seed)
    built = f"built {len(manifest)} files in {time.perf_counter() - t0:.1f} s wall / {time.process_time() - c0:.1f} s CPU"
    by_path = {str(corpus / m["path"]): m for m in manifest}
    ml = (
        Medialens(work / "data-corpus")
        if args.all_plugins
        else templates.builtin(work / "data-corpus")
    )
    ml.run("folders", "add", str(corpus), timeout=60)
    first = ml.run("index", timeout=args.index_timeout)
    before = results_snapshot(ml.db)
    second = ml.run("index", timeout=args.index_timeout)
    after = results_snapshot(ml.db)
    rows = query(ml.db, "SELECT display_path, status, duration, content_id FROM files")
    failed = {r[0] for r in query(ml.db, "SELECT content_id FROM failures")}
    columns = ("files", "stored", "invalid", "failed", "absurd", "unseen")
    kinds: dict[str, dict[str, int]] = {}
    absurd_examples = []
    seen = set()
    for path, status, duration, content_id in rows:
        entry = by_path.get(path) or by_path.get(str(Path(path).parent))
        if entry is None:
            continue
        seen.add(entry["path"])
        k = kinds.setdefault(entry["damage"], dict.fromkeys(columns, 0))
        k["stored"] += status == "media"
        k["invalid"] += status != "media"
        k["failed"] += content_id in failed
        limit = 10 * max(entry["max_seconds"], 1.0)
        if status == "media" and duration is not None and (duration > 1e6 or duration > limit):
            k["absurd"] += 1
            absurd_examples.append((entry["path"], duration, entry["max_seconds"], entry["detail"]))
    for entry in manifest:
        k = kinds.setdefault(entry["damage"], dict.fromkeys(columns, 0))
        k["files"] += 1
        # a file must be judged (stored or refused); a folder named like media holds nothing
        # to judge unless a real file was put inside it
        expected = entry["damage"] != "directory" or "inside" in entry["detail"]
        k["unseen"] += expected and entry["path"] not in seen
    ran_ok = not first.timed_out and first.rc == 0 and first.tracebacks == 0
    second_figures = parse_index(second.out)
    table(
        "a. corrupt corpus: per kind of damage",
        ["damage", "files", "stored", "not media", "failure row", "absurd duration", "never seen"],
        [[k, *v.values()] for k, v in sorted(kinds.items())],
    )
    absurd = sum(v["absurd"] for v in kinds.values())
    unseen = sum(v["unseen"] for v in kinds.values())
    # a file survives when it is judged (stored or refused) and not stored with an absurd duration
    part.tried, part.survived = len(manifest), len(manifest) - absurd - unseen
    controls_stored = kinds.get("control", {}).get("stored", 0)
    redo = redone(before, after) + len(set(after) - set(before))
    table(
        "a. corrupt corpus: the runs",
        [
            "run",
            "outcome",
            "wall s",
            "CPU s",
            "peak MB",
            "tracebacks",
            "extracted",
            "failures",
            "pending",
            "first stderr line",
        ],
        [
            [
                "index",
                first.outcome,
                first.wall,
                first.cpu,
                f"{first.rss_mb:.0f}",
                first.tracebacks,
                *parse_index(first.out).values(),
                first.first_err,
            ],
            [
                "index again",
                second.outcome,
                second.wall,
                second.cpu,
                f"{second.rss_mb:.0f}",
                second.tracebacks,
                *second_figures.values(),
                second.first_err,
            ],
        ],
    )
    print(built)
    print(
        f"files in the database: {len(rows)} ({sum(1 for r in rows if r[1] == 'media')} stored as media); "
        f"failure rows: {len(query(ml.db, 'SELECT 1 FROM failures'))}; "
        f"undamaged controls stored: {controls_stored}/{kinds.get('control', {}).get('files', 0)}"
    )
    print(f"absurd durations (> 10x what the source bytes hold, or > 1e6 s): {absurd}")
    for path, duration, limit, detail in sorted(absurd_examples, key=lambda e: -e[1])[:8]:
        print(f"    {path}: {duration:.3g} s stored, <= {limit:.1f} s possible ({detail})")
    print(
        f"second run: {second_figures['extracted']} files extracted again, {redo} results rewritten, "
        f"{second_figures['pending']} jobs pending (all must be 0)"
    )
    run_ok = (
        ran_ok
        and second.rc == 0
        and second.tracebacks == 0
        and redo == 0
        and not second_figures["extracted"]
        and not second_figures["pending"]
    )
    part.notes.append(
        f"{absurd} absurd durations; first index {first.outcome}, {first.tracebacks} tracebacks; second run redid {redo} results, {second_figures['pending']} pending"
    )
    if not run_ok:
        part.tried += 1  # the run as a whole is one more case
    else:
        part.tried += 1
        part.survived += 1
    return part


# -- b. kill -9 during index, events from a second process -----------------------------------


class EventRecorder(threading.Thread):
    """Records playback events with the CLI in a loop, each with a unique position, and keeps
    what every call was told."""

    KINDS = ("start", "progress", "pause", "seek", "progress", "stop")

    def __init__(self, ml: Medialens, target: Path, span: float):
        super().__init__(daemon=True)
        self.ml, self.target, self.span = ml, target, span
        self.stop = threading.Event()
        self.told: list[tuple[float, bool, str]] = []  # position, recorded, message

    def run(self) -> None:
        k = 0
        while not self.stop.is_set():
            k += 1
            position = round(0.5 + (k * 0.013) % self.span, 3)
            kind = self.KINDS[k % len(self.KINDS)]
            run = self.ml.run("event", str(self.target), kind, "--at", str(position), timeout=90)
            ok = run.rc == 0 and "recorded" in run.out
            self.told.append((position, ok, run.first_err or run.out.strip()[:80]))


def part_kills(work: Path, args, templates: Templates) -> Part:
    part = Part("b. kill -9 during index")
    rng = random.Random(args.seed + 2)
    root = fault_corpus.media_root()
    ml = (
        Medialens(work / "data-kill")
        if args.kill_all_plugins
        else templates.builtin(work / "data-kill")
    )
    target_dir = work / "kill-target"
    target_dir.mkdir()
    speech = sorted((root / "speech").glob("*.wav"), key=lambda p: -p.stat().st_size)
    target = target_dir / "target.wav"
    shutil.copyfile(speech[0], target)
    ml.run("folders", "add", str(target_dir), timeout=60)
    setup = ml.run("index", timeout=600)
    span = max(1.0, (query(ml.db, "SELECT duration FROM files") or [(2.0,)])[0][0] or 2.0) - 1.0
    files = (
        media_files(root, "speech", args.kill_speech, rng)
        + media_files(root, "sounds", 4 if args.quick else 8, rng)
        + (media_files(root, "music", args.kill_music, rng, max_mb=1.5) if args.kill_music else [])
        + media_files(root, "video", args.kill_video, rng, max_mb=2.0)
    )
    media = copy_media(files, work / "kill-media")
    ml.run("folders", "add", str(media), timeout=60)
    recorder = EventRecorder(ml, target, span)
    recorder.start()
    rows = []
    for i in range(args.kills):
        before = results_snapshot(ml.db)
        proc = ml.start("index")
        delay = rng.uniform(0.5, args.kill_max)
        time.sleep(delay)
        finished = proc.poll() is not None
        proc.signal(signal.SIGKILL)
        run = proc.wait(30)
        check = integrity(ml.db)
        after = results_snapshot(ml.db)
        again = redone(before, after)
        ok = check == "ok" and again == 0
        part.case(ok)
        rows.append(
            [
                i + 1,
                f"{delay:.1f}",
                "finished first" if finished else "killed",
                check,
                len(before),
                len(after),
                again,
                run.tracebacks,
            ]
        )
    final = ml.run("index", timeout=args.index_timeout)
    time.sleep(1.0)
    recorder.stop.set()
    recorder.join(120)
    count, export_run = history_count(ml)
    exported = []
    target_export = work / "kill-export.json"
    ml.run("history", "export", str(target_export), timeout=60)
    with contextlib.suppress(OSError, ValueError, KeyError):
        exported = [e["position"] for e in json.loads(target_export.read_text())["events"]]
    told_ok = [p for p, ok, _ in recorder.told if ok]
    refused = [m for _, ok, m in recorder.told if not ok]
    lost = sum(1 for p in told_ok if exported.count(p) == 0)
    twice = sum(1 for p in told_ok if exported.count(p) > 1)
    phantom = sum(1 for p in exported if p not in told_ok)
    table(
        "b. kill -9 at random points during index (a second process records events)",
        [
            "kill",
            "after s",
            "index",
            "integrity",
            "results before",
            "after",
            "redone",
            "tracebacks",
        ],
        rows,
    )
    final_figures = parse_index(final.out)
    print(
        f"final index: {final.outcome}, {final.wall:.1f} s wall, {final.cpu:.1f} s CPU, "
        f"{len(results_snapshot(ml.db))} results stored, {final_figures['pending']} jobs pending; "
        f"setup index {setup.outcome}"
    )
    print(
        f"events: {len(recorder.told)} calls, {len(told_ok)} told recorded, {len(refused)} refused; "
        f"in the export: {len(exported)} ({count} counted); lost {lost}, twice {twice}, "
        f"never told recorded but exported {phantom}"
    )
    for message in sorted(set(refused))[:3]:
        print(f"    refused: {message}")
    part.events_lost = lost
    part.case(lost == 0 and twice == 0)  # the history as a whole is one case
    part.case(final.rc == 0 and final_figures["pending"] == 0 and final.tracebacks == 0)
    part.notes.append(
        f"{sum(r[6] for r in rows)} results redone over {args.kills} kills; {lost} of {len(told_ok)} events lost"
    )
    return part


# -- c. plugin faults ------------------------------------------------------------------------

PLUGIN_HEAD = """
import ctypes, os, time
import numpy as np
from medialens.api import ExtractionResult, ScalarsOutput, TagsOutput, VectorOutput, hookimpl

MEDIALENS_API = "1.0"

class Faulty:
    name, version, kinds, requires = "{name}", "1", frozenset({{"audio", "video"}}), ()
    outputs = (VectorOutput("v", 4, "audio"), TagsOutput(), ScalarsOutput(("x",)))
    timeout = {timeout}

    def extract(self, ctx):
        ctx.audio(8000)
        with open(os.environ.get("FAULTBENCH_MARK", os.devnull), "a") as mark:
            mark.write("x")  # tells the benchmark the fault is under way
{body}

@hookimpl
def medialens_extractors():
{discovery}
    return [Faulty()]
"""

PLUGIN_FAULTS: dict[str, tuple[str, str]] = {
    # name: (the body of extract, the body of medialens_extractors before its return)
    "raises": ("        raise RuntimeError('a plain bug')", ""),
    "exit": ("        os._exit(3)", ""),
    "segfault": ("        ctypes.string_at(0)", ""),
    "hang": ("        time.sleep(3600)", ""),
    "busy": ("        while True:\n            pass", ""),
    "alloc": (
        "        hoard = []\n        while True:\n            hoard.append(bytearray(b'x') * (64 << 20))",
        "",
    ),
    "nan": (
        "        return ExtractionResult(vectors={'v': np.array([np.nan, np.inf, -np.inf, 1.0], dtype=np.float32)},\n"
        "            tags={'nan': float('nan'), 'inf': float('inf'), 'big': 5.0, 'neg': -1.0}, scalars={'x': float('inf')})",
        "",
    ),
    "discovery_hang": ("        return ExtractionResult()", "    time.sleep(3600)"),
}


def install_plugin(site: Path, fault: str, timeout: float) -> str:
    """A plugin package as pip would install it: a module plus a dist-info with its entry point."""
    body, discovery = PLUGIN_FAULTS[fault]
    name = f"fault_{fault}"
    module = f"medialens_{name}"
    source = PLUGIN_HEAD.format(
        name=name, timeout=timeout, body=body, discovery=discovery or "    pass"
    )
    (site / f"{module}.py").write_text(textwrap.dedent(source))
    dist = f"medialens-{name.replace('_', '-')}"
    info = site / f"{dist.replace('-', '_')}-0.0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.0.1\n")
    (info / "entry_points.txt").write_text(f"[medialens]\n{name} = {module}\n")
    return name


def idle_cpu(ml: Medialens, seconds: float, settle: float) -> tuple[float, Run]:
    """The CPU share (1.0 = a whole core) a ``watch`` burns over ``seconds`` once idle: it
    indexes a fresh library, so the faulty extractor runs inside it; idle is ``settle`` s
    after the extractor was entered (its time limit has passed by then)."""
    mark = ml.data / "in-extract.mark"
    ml.env["FAULTBENCH_MARK"] = str(mark)
    proc = ml.start("watch")
    wait_for(lambda: mark.exists() or proc.poll() is not None, 60)
    time.sleep(settle)
    start = _cpu_seconds(proc.pid)
    time.sleep(seconds)
    share = (_cpu_seconds(proc.pid) - start) / seconds
    proc.signal(signal.SIGINT)
    return share, proc.wait(30)


def ctrl_c_seconds(ml: Medialens, settle: float, limit: float) -> tuple[float, Run]:
    """How long ``index`` takes to exit after Ctrl+C, sent ``settle`` s after an extractor
    entered its hang (it marks a file), or after 30 s when it never did."""
    mark = ml.data / "in-extract.mark"
    ml.env["FAULTBENCH_MARK"] = str(mark)
    proc = ml.start("index")
    wait_for(lambda: mark.exists() or proc.poll() is not None, 30)
    time.sleep(settle)
    proc.signal(signal.SIGINT)
    sent = time.perf_counter()
    run = proc.wait(limit)
    return time.perf_counter() - sent, run


def _bad_values(db: Path, name: str) -> int:
    """Stored vectors with a NaN or infinity, and tag scores outside [0, 1], of ``name``."""
    import numpy as np

    blobs = query(db, "SELECT vector FROM vectors WHERE extractor = ?", (name,))
    bad = sum(int(not np.isfinite(np.frombuffer(b[0], dtype=np.float32)).all()) for b in blobs)
    for (tags,) in query(db, "SELECT tags FROM features WHERE extractor = ?", (name,)):
        values = json.loads(tags or "{}", parse_constant=lambda c: float("nan")).values()
        bad += sum(1 for v in values if not (0.0 <= float(v) <= 1.0))
    return bad


def _clean(run: Run) -> bool:
    return not run.timed_out and not run.runaway and (run.rc or 0) >= 0 and run.tracebacks == 0


def part_plugins(work: Path, args, templates: Templates) -> Part:
    part = Part("c. plugin faults")
    root = fault_corpus.media_root()
    rng = random.Random(args.seed + 3)
    media = copy_media(
        media_files(root, "speech", 1 if args.quick else 3, rng)
        + media_files(root, "sounds", 1, rng),
        work / "plugin-media",
    )
    found, extra = [], []
    builtin_in = f"extractor IN ({','.join('?' * len(BUILTIN_EXTRACTORS))})"
    for fault in args.plugin_faults:
        if fault == "ctrl_c":  # Ctrl+C while an extractor hangs (its own limit: 10 minutes)
            long_site = work / "site-hang-long"
            long_site.mkdir()
            install_plugin(long_site, "hang", timeout=600)
            took, run = ctrl_c_seconds(
                ml_fresh(work, templates, long_site, media, args.command_timeout),
                1.0,
                args.ctrl_c_limit,
            )
            shown = (
                f"{took:.1f} s" if not run.timed_out else f"> {args.ctrl_c_limit:.0f} s (killed)"
            )
            extra.append(
                (
                    f"ctrl_c: Ctrl+C during a hung extractor (timeout 600 s) exits after {shown} "
                    f"({run.outcome}; target <= 2 s)",
                    not run.timed_out and took <= 2.0,
                )
            )
            continue
        site = work / f"site-{fault}"
        site.mkdir()
        name = install_plugin(site, fault, timeout=args.extract_timeout)
        ml = templates.builtin(work / f"data-plugin-{fault}", [site])
        limit = args.command_timeout if fault == "discovery_hang" else args.plugin_timeout
        ml.run("folders", "add", str(media), timeout=args.command_timeout)
        first = ml.run("index", timeout=limit)
        listed = ml.run("plugins", "list", timeout=args.command_timeout)
        builtin_rows = len(
            query(ml.db, f"SELECT 1 FROM features WHERE {builtin_in}", BUILTIN_EXTRACTORS)
        )
        named = bool(
            query(ml.db, "SELECT 1 FROM failures WHERE extractor = ?", (name,))
            or query(ml.db, "SELECT 1 FROM extractor_malfunctions WHERE extractor = ?", (name,))
        )
        if fault == "discovery_hang":  # it never lists an extractor: the plugin is named
            named = "did not answer within" in listed.out
        before = results_snapshot(ml.db)
        second = ml.run("index", timeout=limit)
        progress = (
            _clean(second)
            and second.rc == 0
            and parse_index(second.out)["pending"] == 0
            and redone(before, results_snapshot(ml.db)) == 0
        )
        bad = _bad_values(ml.db, name)
        loaded = name in listed.out or listed.timed_out or "failed to load" not in listed.err
        if not loaded:  # the benchmark's own plugin is broken: say so rather than score it
            part.notes.append(f"{fault}: the test plugin did not load ({listed.first_err})")
        found.append((fault, name, first, listed, second, builtin_rows, named, progress, bad))
        if fault == "busy":
            fresh = ml_fresh(work, templates, site, media, limit)
            share, watch = idle_cpu(fresh, args.idle_seconds, args.extract_timeout + 8)
            extra.append(
                (
                    f"busy: an idle `watch` after the busy extractor timed out uses {share:.2f} of a core ({watch.outcome}; target < 0.2)",
                    share < 0.2,
                )
            )
        if fault == "discovery_hang":
            disable = ml.run("plugins", "disable", name, timeout=args.command_timeout)
            extra.append(
                (
                    f"discovery_hang: `plugins disable {name}` {disable.outcome} in {disable.wall:.1f} s",
                    disable.rc == 0 and not disable.timed_out,
                )
            )
    baseline = max((f[5] for f in found), default=0)
    rows = []
    for fault, _name, first, listed, second, builtin_rows, named, progress, bad in found:
        ok = (
            _clean(first)
            and _clean(listed)
            and listed.rc == 0
            and builtin_rows >= baseline
            and (named or fault == "nan")
            and progress
            and bad == 0
            and first.rss_mb < 3072  # below the harness's own ceiling: stopped by the app
        )
        part.case(ok)
        rows.append([
            fault, first.outcome, first.wall, first.cpu, f"{first.rss_mb:.0f}", f"{builtin_rows}/{baseline}",
            named, listed.outcome, second.outcome, progress, bad, ok,
        ])  # fmt: skip
    table(
        f"c. plugin faults (index limited to {args.plugin_timeout:.0f} s, other commands {args.command_timeout:.0f} s; "
        f"extractor timeout {args.extract_timeout:g} s; built-in results of the best case = all)",
        [
            "plugin",
            "index",
            "wall s",
            "CPU s",
            "peak MB",
            "built-in results",
            "failure names it",
            "plugins list",
            "next index",
            "next run ok",
            "bad values stored",
            "survived",
        ],
        rows,
    )
    for line, ok in extra:
        part.case(ok)
        print(line)
    return part


def ml_fresh(work: Path, templates: Templates, site: Path, media: Path, limit: float) -> Medialens:
    """A new library on ``media`` with the plugin of ``site``, nothing extracted yet."""
    ml = templates.builtin(work / f"data-fresh-{time.monotonic_ns()}", [site])
    ml.run("folders", "add", str(media), timeout=limit)
    return ml


# -- d. database faults ----------------------------------------------------------------------


_LIBRARIES: dict[tuple[Path, int], Path] = {}


def small_library(
    work: Path, templates: Templates, name: str, media: Path, events: int = 5
) -> tuple[Medialens, Path]:
    """A library of ``media`` indexed with the built-ins and ``events`` playback events: made
    once per folder, then copied for each case."""
    target = sorted(media.iterdir())[0]
    made = _LIBRARIES.get((media, events))
    if made is not None:
        shutil.copytree(made, work / name)
        return Medialens(work / name), target
    ml = templates.builtin(work / name)
    ml.run("folders", "add", str(media), timeout=60)
    ml.run("index", timeout=300)
    for i in range(events):
        ml.run("event", str(target), "progress", "--at", f"{0.1 * (i + 1):.1f}", timeout=60)
    checkpoint(ml.db)
    _LIBRARIES[(media, events)] = work / f"{name}-template"
    shutil.copytree(ml.data, work / f"{name}-template")
    return ml, target


def checkpoint(db: Path) -> None:
    try:
        conn = sqlite3.connect(str(db), timeout=30)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    except sqlite3.Error:
        pass


def flip_middle_pages(db: Path, rng: random.Random, pages: int = 6) -> None:
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    count = len(data) // page
    for p in rng.sample(
        range(count // 4, max(count // 4 + 1, 3 * count // 4)), min(pages, max(1, count // 2))
    ):
        for _ in range(64):
            data[p * page + rng.randrange(page)] ^= 0xFF
    db.write_bytes(bytes(data))


def mount(*argv: str) -> str | None:
    """Run mount/umount; the error text when it fails (not root, no mount namespace...)."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    return None if done.returncode == 0 else (done.stderr.strip() or f"exit {done.returncode}")


def _said(run: Run) -> str:
    """The first line of stderr that is not the usual ``watch`` banner; for a traceback, the
    exception it ends with."""
    lines = [x.strip() for x in run.err.splitlines() if x.strip() and not x.startswith("watching ")]
    if lines and lines[0].startswith("Traceback"):
        raised = next(
            (x for x in lines if re.match(r"^[\w.]+(Error|Exception|Interrupt)\b", x)), lines[-1]
        )
        return f"traceback: {raised[:100]}"
    return lines[0][:110] if lines else ""


def part_database(work: Path, args, templates: Templates) -> Part:
    part = Part("d. database faults")
    rng = random.Random(args.seed + 4)
    root = fault_corpus.media_root()
    media = copy_media(
        media_files(root, "speech", 6, rng) + media_files(root, "sounds", 2, rng), work / "db-media"
    )
    more = copy_media(
        media_files(root, "speech", 8 if args.quick else 24, random.Random(args.seed + 40)),
        work / "db-more",
    )
    doctor = has_command("doctor")
    doctor_notes: list[str] = []
    rows = []

    def judge(
        case: str,
        before: int | None,
        runs: list[Run],
        after: int | None,
        wanted: str,
        extra: str = "",
        silent: bool = False,
    ) -> None:
        tracebacks = sum(r.tracebacks for r in runs)
        main = runs[0]
        said = " | ".join(_said(r) for r in runs if _said(r))[:160]
        hangs = any(r.timed_out for r in runs)
        honest = bool(re.search(wanted, said, re.I)) if wanted else True
        kept = before is not None and after == before
        ok = (
            not silent
            and tracebacks == 0
            and not hangs
            and (kept or (main.rc not in (0, None) and honest))
            and (honest or kept)
        )
        part.case(ok)
        if doctor_notes:
            extra = f"{extra}; {doctor_notes.pop()}".strip("; ")
        rows.append(
            [
                case,
                " ".join(r.outcome for r in runs),
                tracebacks,
                f"{before}->{after}",
                kept,
                said or "(nothing on stderr)",
                extra,
                ok,
            ]
        )

    def after_count(ml: Medialens) -> int | None:
        """History after the fault, after what a user would do when ``doctor`` exists:
        check, then restore from a backup, then rebuild (each only if the last failed)."""
        if doctor:
            steps = []
            for action in ((), ("--restore",), ("--rebuild",)):
                run = ml.run("doctor", *action, timeout=300)
                steps.append(f"doctor {' '.join(action) or 'check'}: {run.outcome}")
                if run.rc == 0 and not run.timed_out:
                    break
            doctor_notes.append("; ".join(steps))
        return history_count(ml)[0]

    # deleted while watch runs
    ml, target = small_library(work, templates, "data-db-deleted", media)
    before = history_count(ml)[0]
    watch = ml.start("watch")
    time.sleep(args.watch_settle)
    for suffix in ("", "-wal", "-shm"):
        Path(str(ml.db) + suffix).unlink(missing_ok=True)
    shutil.copyfile(sorted(more.iterdir())[0], media / "new_after_delete.wav")
    time.sleep(args.watch_settle)
    stopped_itself = watch.poll() is not None
    if not stopped_itself:
        watch.signal(signal.SIGINT)
    wrun = watch.wait(30)
    (media / "new_after_delete.wav").unlink(missing_ok=True)
    status = ml.run("status", timeout=60)
    after = after_count(ml)
    judge(
        "deleted during watch",
        before,
        [wrun, status],
        after,
        r"delet|missing|gone|vanish|moved|replac",
        f"watch stopped by itself: {'yes' if stopped_itself else 'no'}",
    )

    # corrupted middle pages, and truncated
    for case in ("corrupted pages",) if args.quick else ("corrupted pages", "truncated"):
        ml, _ = small_library(work, templates, f"data-db-{case.split()[0]}", media)
        before = history_count(ml)[0]
        if case == "truncated":
            size = ml.db.stat().st_size
            with open(ml.db, "r+b") as f:
                f.truncate(size // 2)
        else:
            flip_middle_pages(ml.db, rng)
        damaged = ml.db.read_bytes()
        damaged_check = integrity(ml.db)
        runs = [ml.run("status", timeout=60), ml.run("index", timeout=300)]
        check = integrity(ml.db)  # before doctor: did the commands leave it damaged unsaid?
        after = after_count(ml)
        kept_file = any(damaged == p.read_bytes() for p in ml.data.rglob("*") if p.is_file())
        said = " ".join(_said(r) for r in runs)
        told = bool(re.search(r"damaged|corrupt|malformed", said, re.I))
        silent = check != "ok" and not told
        if silent:
            runs[0].err += "\n(silent: the commands left it damaged and said nothing)"
        judge(
            case,
            before,
            runs,
            after,
            r"damaged|corrupt|malformed",
            f"integrity when damaged: {damaged_check[:30]}; after the commands: {check[:30]}; "
            f"damaged copy kept: {'yes' if kept_file else 'no'}",
            silent=silent,
        )

    if not args.quick:  # read-only and newer schema: the full run only
        # read-only: root ignores file modes, so the data folder is bind-mounted read-only
        ml, _ = small_library(work, templates, "data-db-readonly", media)
        before = history_count(ml)[0]
        ro = work / "data-db-readonly-ro"
        ro.mkdir()
        error = mount("mount", "--bind", str(ml.data), str(ro)) or mount(
            "mount", "-o", "remount,ro,bind", str(ro)
        )
        if error:
            mount("umount", str(ro))
            rows.append(
                ["read-only", "skipped", "-", "-", "-", f"cannot mount read-only: {error}", "", "-"]
            )
        else:
            rml = Medialens(ro)
            runs = [
                rml.run("status", timeout=60),
                rml.run("event", str(target), "like", timeout=60),
            ]
            after = history_count(rml)[0]
            mount("umount", str(ro))
            judge("read-only", before, runs, after, r"read.only", "")

        # newer schema
        ml, _ = small_library(work, templates, "data-db-newer", media)
        before = history_count(ml)[0]
        conn = sqlite3.connect(str(ml.db))
        conn.execute(
            "INSERT INTO migrations (version, name, applied_at) VALUES (999, 'm999_future', 0)"
        )
        conn.commit()
        conn.close()
        untouched = ml.db.read_bytes()
        runs = [ml.run("status", timeout=60), ml.run("index", timeout=120)]
        same = ml.db.read_bytes() == untouched
        after = history_count(ml)[0]
        conn = sqlite3.connect(str(ml.db))
        conn.execute("DELETE FROM migrations WHERE version = 999")
        conn.commit()
        conn.close()
        restored = history_count(ml)[0]
        judge(
            "newer schema",
            before,
            runs,
            restored,
            r"newer",
            f"file untouched: {'yes' if same else 'NO'}; export while newer: {after}",
        )

    # disk full: a small tmpfs holding the data folder
    ml, _ = small_library(work, templates, "data-db-full-src", media)
    before = history_count(ml)[0]
    full = work / "full"
    full.mkdir()
    used_kb = sum(p.stat().st_size for p in ml.data.rglob("*") if p.is_file()) // 1024
    size_kb = max(args.tmpfs_kb, used_kb + 256)
    error = mount("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(full))
    if error:
        rows.append(
            ["disk full", "skipped", "-", "-", "-", f"cannot mount a tmpfs: {error}", "", "-"]
        )
    else:
        try:
            shutil.copytree(ml.data, full / "data")
            fml = Medialens(full / "data")
            fml.run("folders", "add", str(more), timeout=60)
            runs = [fml.run("index", timeout=args.index_timeout)]
            in_full = history_count(fml)[0]
            mount("mount", "-o", "remount,size=256m", str(full))
            resumed = fml.run("index", timeout=args.index_timeout)
            figures = parse_index(resumed.out)
            after = history_count(fml)[0]
            judge(
                f"disk full ({size_kb} KB)",
                before,
                runs,
                after,
                r"full|space",
                f"history while full {in_full}; after more space: {resumed.outcome}, {figures['pending']} pending, "
                f"{resumed.tracebacks} tracebacks; integrity {integrity(fml.db)}",
            )
            part.case(resumed.rc == 0 and figures["pending"] == 0 and resumed.tracebacks == 0)
        finally:
            mount("umount", "-l", str(full))
    table(
        f"d. database faults (doctor command: {'yes' if doctor else 'no'})",
        [
            "case",
            "exits",
            "tracebacks",
            "history",
            "history kept",
            "stderr (first lines)",
            "notes",
            "survived",
        ],
        rows,
    )
    return part


# -- e. folders unplugged and renamed during watch ------------------------------------------


def folder_state(ml: Medialens, path: Path) -> tuple[bool | None, int]:
    rows = query(ml.db, "SELECT available FROM folders WHERE display_path = ?", (str(path),))
    files = query(
        ml.db,
        "SELECT count(*) FROM files f JOIN folders d ON d.id = f.folder_id WHERE d.display_path = ?",
        (str(path),),
    )
    return (bool(rows[0][0]) if rows else None), (files[0][0] if files else 0)


def wait_for(check: Callable[[], bool], seconds: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if check():
            return time.perf_counter() - start
        time.sleep(0.5)
    return None


def part_folders(work: Path, args, templates: Templates) -> Part:
    part = Part("e. folders during watch")
    rng = random.Random(args.seed + 5)
    root = fault_corpus.media_root()
    files = media_files(root, "speech", 5, rng) + media_files(root, "sounds", 1, rng)
    rows = []
    for case in ("renamed",) if args.quick else ("unplugged", "renamed"):
        base = work / f"folders-{case}"
        folder = base / "Music"
        mounted = False
        if case == "unplugged":
            folder.mkdir(parents=True)
            error = mount("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder))
            if error:
                rows.append(
                    [case, "-", "skipped", "-", "-", "-", "-", f"cannot mount: {error}", "-"]
                )
                continue
            mounted = True
        copy_media(files, folder)
        ml, target = small_library(work, templates, f"data-folders-{case}", folder, events=3)
        before_history = history_count(ml)[0]
        _, before_files = folder_state(ml, folder)
        features = results_snapshot(ml.db)
        watch = ml.start("watch")
        time.sleep(args.watch_settle)
        if case == "unplugged":
            mount("umount", "-l", str(folder))
        else:
            folder.rename(base / "Music (old)")
        on_disk = len(list(folder.iterdir())) if folder.is_dir() else 0
        gone = wait_for(lambda ml=ml, f=folder: folder_state(ml, f)[0] is False, args.folder_wait)
        _, files_while = folder_state(ml, folder)
        history_while = history_count(ml)[0]
        if case == "unplugged":
            mount("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder))
            copy_media(files, folder)
        else:
            (base / "Music (old)").rename(folder)
        back = wait_for(lambda ml=ml, f=folder: folder_state(ml, f)[0] is True, args.folder_wait)
        time.sleep(1.0)
        watch.signal(signal.SIGINT)
        wrun = watch.wait(30)
        _, files_after = folder_state(ml, folder)
        again = redone(features, results_snapshot(ml.db))
        if mounted:
            mount("umount", "-l", str(folder))
        ok = (
            gone is not None
            and files_while == before_files
            and history_while == before_history
            and back is not None
            and files_after == before_files
            and again == 0
            and wrun.tracebacks == 0
        )
        part.case(ok)
        rows.append([
            case, on_disk, "no" if gone is None else f"{gone:.1f} s", f"{files_while}/{before_files}",
            f"{history_while}/{before_history}",
            "(never unavailable)" if gone is None else ("no" if back is None else f"{back:.1f} s"), again,
            f"{wrun.outcome}, {wrun.tracebacks} tracebacks", ok,
        ])  # fmt: skip
    table(
        f"e. a folder unplugged and renamed during watch (waiting up to {args.folder_wait:.0f} s each way)",
        [
            "case",
            "files visible after",
            "marked unavailable",
            "files kept",
            "history kept",
            "available again",
            "results redone",
            "watch",
            "survived",
        ],
        rows,
    )
    return part


# -- main ------------------------------------------------------------------------------------

PARTS = {
    "a": part_corpus,
    "b": part_kills,
    "c": part_plugins,
    "d": part_database,
    "e": part_folders,
}


def parse_args(argv: Sequence[str] | None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few cases of each part (< 3 min)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--parts", default="abcde", help="which parts to run (default abcde)")
    parser.add_argument("--corpus", type=int, help="damaged files in part a (1000; quick 120)")
    parser.add_argument("--kills", type=int, help="kill -9s in part b (20; quick 3)")
    parser.add_argument(
        "--all-plugins", action="store_true", help="part a with every installed plugin"
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument(
        "--repo",
        type=Path,
        help="run the code of this checkout (default: the one holding this file)",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    args.corpus = args.corpus or (60 if quick else 1000)
    args.kills = args.kills or (2 if quick else 20)
    args.kill_all_plugins = not quick  # the bundled models make kills land mid-inference
    args.kill_speech, args.kill_music, args.kill_video = (6, 0, 0) if quick else (20, 2, 2)
    args.kill_max = 6.0 if quick else 20.0
    args.index_timeout = 300 if quick else 900
    args.plugin_timeout = 20 if quick else 60
    args.command_timeout = 8 if quick else 20
    args.extract_timeout = 3
    args.plugin_faults = (
        ["exit", "ctrl_c", "discovery_hang"]
        if quick
        else [
            "raises",
            "exit",
            "segfault",
            "hang",
            "ctrl_c",
            "busy",
            "alloc",
            "nan",
            "discovery_hang",
        ]
    )
    args.idle_seconds = 4.0
    args.ctrl_c_limit = 10 if quick else 60
    args.watch_settle = 2.0 if quick else 5.0
    args.folder_wait = 5.0 if quick else 20.0
    args.tmpfs_kb = 1024
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    global REPO
    REPO = (args.repo or REPO).resolve()
    started, cpu0 = time.perf_counter(), time.process_time()
    work = args.keep or Path(tempfile.mkdtemp(prefix="medialens-faults-"))
    work.mkdir(parents=True, exist_ok=True)
    head = subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%h %s"], capture_output=True, text=True
    ).stdout.strip()
    print(
        f"# fault benchmark ({'quick' if args.quick else 'full'}, seed {args.seed}) of {head[:80]}"
    )
    templates = Templates(work)
    parts = []
    for key in args.parts:
        part_started = time.perf_counter()
        try:
            part = PARTS[key](work, args, templates)
        except Exception:  # noqa: BLE001 - a broken part is reported and the others still run
            part = Part(f"{key}. (harness error)")
            part.notes.append(traceback.format_exc().strip().splitlines()[-1])
            traceback.print_exc(file=sys.stdout)
        part.notes.insert(0, f"{time.perf_counter() - part_started:.0f} s wall")
        parts.append(part)
    table(
        "summary",
        ["part", "cases tried", "survived", "events lost", "notes"],
        [[p.name, p.tried, p.survived, p.events_lost, "; ".join(p.notes)] for p in parts],
    )
    children = os.times()
    print(
        f"cases tried {sum(p.tried for p in parts)}, survived {sum(p.survived for p in parts)}, "
        f"events lost {sum(p.events_lost for p in parts)}; "
        f"{time.perf_counter() - started:.0f} s wall, harness CPU {time.process_time() - cpu0:.0f} s, "
        f"commands' CPU {children.children_user + children.children_system:.0f} s"
    )
    if templates.disabled:
        print(
            f"(parts a, c-e run the built-in extractors only; disabled: {', '.join(templates.disabled)})"
        )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
