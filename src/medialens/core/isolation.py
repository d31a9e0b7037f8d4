"""The parent side of isolated extraction: worker processes that can be killed.

Each extraction worker of the pipeline borrows one child process
(:mod:`medialens.core.worker_process`) for a file's job, sends it the extractors one by
one and waits for each answer while it watches four things: the call's time limit, the
child's memory, whether the child is still alive, and whether the user stopped. Any of
them ends the call with an exception naming what happened (the caller stores it as the
failure of that (file, extractor), the one in flight); a killed or dead child is
replaced by a fresh one for the next call. Children left idle are stopped, so an idle
``watch`` holds neither models nor a core.

Each child is a fresh interpreter, never a fork: the parent may be a GUI with threads
of its own, which ``fork`` would copy in whatever state they are in.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from medialens.api import ExtractionCancelled, Extractor, MediaFile
from medialens.core.worker_process import Channel, WorkerConfig

__all__ = [
    "DEFAULT_BUDGET",
    "DEFAULT_IDLE_SECONDS",
    "ExtractorCrashed",
    "ExtractorFailed",
    "ExtractorOverMemory",
    "ExtractorTimeout",
    "ProcessPool",
    "WorkerProcess",
    "default_memory_limit",
]

DEFAULT_IDLE_SECONDS = 60.0  # an idle child is stopped after this long
RECYCLE_BYTES = 400 << 20
"""A child that holds more than this and is lent to a file of a lighter lane is replaced by a
fresh one: it loaded models (Whisper, the vision models) the new file's lane never needs.
A child with every bundled model holds ~600 MB, one that only indexed music ~390 MB."""
LANE_WEIGHT = {"video": 2, "spoken": 1, "music": 0}
"""How many models a lane's files load (video: all; spoken word: Whisper; music: musicnn).
A child goes on to a heavier lane as it is (it only loads more); going to a lighter one, it
is replaced when it grew past RECYCLE_BYTES: so lanes alternating cost one restart, not two."""
DEFAULT_BUDGET = 720 << 20
"""Resident memory all the children of a pool may hold together (beside the ~75 MB of a
``medialens index`` parent: the tree stays within 800 MB). Measured by
benchmarks/bench_routing.py: a child with every bundled model holds ~670 MB, one indexing
music with every plugin ~460 MB (the text embedders run in every lane), one with the
built-ins and music only ~180 MB. So two music children of the latter fit, a second child
beside one with every model does not: files then wait for the child that has the models,
which are loaded once, not once per worker."""
WARM_BYTES = 100 << 20
"""What a child holds once its interpreter and the plugins are loaded, before any model
(measured 80-90 MB): what a spare child started ahead of time (see ProcessPool.acquire)
counts for in the budget until it is measured."""
SIZES_FILE = "worker-sizes.json"
"""In the cache folder: the most a child of each lane held, per set of enabled extractors,
so the next pool (the next ``index``, the next burst of live indexing) knows what a second
child of a lane would take without waiting for a first one to finish a file."""
SIZES_KEPT = 8  # sets of extractors remembered
WAIT_SECONDS = 0.2  # how often a job waiting for a child re-checks the budget and stop
START_TIMEOUT = 120.0  # loading every plugin in a fresh process, on a slow disk
POLL_SECONDS = 0.05  # how often a call in flight checks time, memory, life and stop
MB = 1 << 20


class ExtractorFailed(Exception):
    """The extractor raised: the message is the worker's "Type: message"."""


class ExtractorTimeout(ExtractorFailed):
    pass


class ExtractorCrashed(ExtractorFailed):
    pass


class ExtractorOverMemory(ExtractorFailed):
    pass


def default_memory_limit(workers: int) -> int:
    """Bytes one worker may hold: a share of the machine's memory, between 1 and 1.5 GB
    (a worker running every bundled model peaks near 0.8 GB, measured by
    benchmarks/bench_isolation.py; a runaway plugin is stopped long before the machine
    swaps, and two workers and the library stay under 3 GB together)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        total = 8 << 30
    return int(min(max(total // (max(workers, 1) + 2), 1 << 30), 3 << 29))


def _rss(pid: int) -> int | None:
    """Resident bytes of ``pid`` (Linux /proc; None where that cannot be read)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _weight(lane: str | None) -> int:
    return -1 if lane is None else LANE_WEIGHT.get(lane, 0)


def _lighter(lane: str | None, than: str | None) -> bool:
    """Whether files of ``lane`` need fewer models than those of lane ``than``."""
    if lane is None or than is None or lane == than:
        return False
    return LANE_WEIGHT.get(lane, 0) < LANE_WEIGHT.get(than, 0)


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"its process crashed ({name})"
    return f"its process exited (exit code {code})"


class WorkerProcess:
    """One child process and the file it has open.

    A thread reads the child's answers into a queue, so a call can wait for one with a
    time limit (pipes cannot be polled the same way everywhere).
    """

    def __init__(self, config: WorkerConfig) -> None:
        env = dict(os.environ)
        # The child imports what this process can: the same plugins, the same sources.
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "medialens.core.worker_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            start_new_session=True,  # a terminal's Ctrl+C is the parent's to handle
        )
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._conn = Channel(self._proc.stdout, self._proc.stdin)
        self._answers: queue.Queue[tuple] = queue.Queue()
        self.pid = self._proc.pid
        self.idle_since = time.monotonic()
        self._open: str | None = None  # content id of the file open in the child
        self._ready = False
        self.lane: str | None = None
        """The lane of the files it was lent for last (see ProcessPool.acquire)."""
        self.holds: str | None = None
        """The heaviest lane it was lent for: whose models it has loaded."""
        self._conn.send((config, os.getpid()))
        threading.Thread(target=self._read, name="medialens-worker-answers", daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                message = self._conn.recv()
            except Exception:  # noqa: BLE001 - EOF, a torn frame: the child is gone
                self._answers.put(("gone",))
                return
            self._answers.put(message)

    @property
    def alive(self) -> bool:
        return self._proc.poll() is None

    def _exit(self) -> str:
        try:
            code = self._proc.wait(2)
        except subprocess.TimeoutExpired:
            code = None
        return _death(code)

    def _answer(
        self, deadline: float, stopping: Callable[[], bool], memory_limit: int | None
    ) -> tuple:
        """The child's next answer, or an exception when the call has to end first."""
        while True:
            try:
                message = self._answers.get(timeout=POLL_SECONDS)
            except queue.Empty:
                pass
            else:
                if message[0] == "gone":
                    raise ExtractorCrashed(self._exit())
                return message
            if stopping():
                self.kill()
                raise ExtractionCancelled("stopped")
            if time.monotonic() > deadline:
                self.kill()
                raise ExtractorTimeout("")
            if memory_limit is not None:
                rss = _rss(self.pid)
                if rss is not None and rss > memory_limit:
                    self.kill()
                    raise ExtractorOverMemory(
                        f"used more than {memory_limit // MB} MB of memory and was stopped"
                    )

    def _wait_ready(self, stopping: Callable[[], bool]) -> None:
        if self._ready:
            return
        try:
            message = self._answer(time.monotonic() + START_TIMEOUT, stopping, None)
        except ExtractorTimeout:
            raise ExtractorTimeout(
                f"the worker process did not start within {START_TIMEOUT:g} s"
            ) from None
        except ExtractorCrashed as exc:
            raise ExtractorCrashed(f"the worker process did not start: {exc}") from None
        if message[0] == "unable":
            raise ExtractorCrashed(f"the worker process could not start: {message[1]}")
        if message[0] != "ready":
            raise ExtractorCrashed(f"the worker process answered {message[0]!r} at start")
        self._ready = True

    def run(
        self,
        extractor: Extractor,
        media: MediaFile,
        *,
        timeout: float,
        memory_limit: int | None,
        stopping: Callable[[], bool],
    ) -> object:
        """``extractor`` on ``media`` in the child; what it returned, or an exception.

        Raises :class:`ExtractionCancelled` when ``stopping`` turns true (the child is
        killed at once), or an :class:`ExtractorFailed` saying why the call ended.
        """
        self._wait_ready(stopping)
        try:
            if self._open != media.content_id:
                self._conn.send(("open", media))
                self._open = media.content_id
            self._conn.send(("run", extractor.name))
        except OSError:
            raise ExtractorCrashed(f"{self._exit()} before it ran on this file") from None
        try:
            message = self._answer(time.monotonic() + timeout, stopping, memory_limit)
        except ExtractorTimeout:
            raise ExtractorTimeout(f"timed out after {timeout:g} s and was stopped") from None
        except ExtractorCrashed as exc:
            raise ExtractorCrashed(f"{exc} while it ran on this file") from None
        if message[0] == "ok":
            return message[1]
        if message[0] == "cancelled":
            raise ExtractionCancelled(str(media.path))
        raise ExtractorFailed(message[1])

    def close_file(self) -> None:
        if self._open is not None and self.alive:
            with contextlib.suppress(OSError):
                self._conn.send(("close",))
        self._open = None
        self.idle_since = time.monotonic()

    def kill(self) -> None:
        if self.alive:
            self._proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._proc.wait(5)
        self._conn.close()
        self._open = None

    def stop(self) -> None:
        """Ask the child to quit; kill it if it does not within a few seconds."""
        if self.alive:
            with contextlib.suppress(OSError):
                self._conn.send(("quit",))
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(3)
        self.kill()


class ProcessPool:
    """The children of one pipeline: lent to one file's job at a time, replaced when one
    dies, stopped when idle for ``idle_seconds`` and when the pool closes."""

    def __init__(
        self,
        config: WorkerConfig,
        memory_limit: int | None,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        budget: int | None = None,
        sizes_key: str | None = None,
    ) -> None:
        self.config = config
        self.memory_limit = memory_limit
        self.idle_seconds = idle_seconds
        self.budget = budget
        """Bytes all children may hold together (None: no limit, see acquire)."""
        self._idle: list[WorkerProcess] = []
        self._lent: set[WorkerProcess] = set()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._sizes_key = sizes_key
        """Names the enabled extractors: lane sizes measured by earlier pools with the same
        key are read from, and written to, SIZES_FILE (None: measured afresh, not kept)."""
        self._lane_bytes: dict[str, int] = self._load_sizes()  # lane -> most a child held
        self.waited = 0  # acquisitions that waited for the child of their lane (budget)
        self._closed = threading.Event()
        self.recycle_bytes = RECYCLE_BYTES
        self.started = 0  # children started, for tests and benchmarks
        self.recycled = 0  # children replaced because they held another lane's models
        self.spares = 0  # children started ahead of time for a waiting music job
        self._reaper = threading.Thread(target=self._reap, name="medialens-reaper", daemon=True)
        self._reaper.start()

    def acquire(
        self, lane: str | None = None, stopping: Callable[[], bool] = lambda: False
    ) -> WorkerProcess:
        """A child for one file's job. ``lane`` groups files that need the same models
        (:func:`~medialens.core.planning.worker_lane`): an idle child of the same lane is
        preferred, so each child loads only the models of the files it gets.

        Without a budget, an idle child of a heavier lane that grew past ``recycle_bytes``
        is replaced by a fresh one. With one, no child is replaced to change lanes (its
        models stay loaded for the next file of its lane), and a child loads a lane's
        models only alone or if the children's memory, with one more child of that lane
        (its size learned from the others), stays within the budget; otherwise the job
        waits for a child that holds them (an idle child in the way is stopped). Raises ExtractionCancelled when
        ``stopping`` turns true or the pool closes while it waits.

        A music job that waits for the first child of its lane to be measured starts one
        spare child meanwhile, if it fits in the budget as a child with no model: starting
        an interpreter and loading the plugins takes a second or two, which the spare has
        done once the first child's size says it may load the lane's models too. The
        spare is stopped before any child loads a heavier lane's models beside it."""
        if self.budget is not None:
            return self._acquire_within_budget(lane, stopping)
        stale: WorkerProcess | None = None
        with self._lock:
            self._idle = [w for w in self._idle if w.alive]
            worker = None
            if self._idle:
                same = [w for w in self._idle if w.lane == lane]
                fresh = [w for w in self._idle if w.lane is None]
                worker = (same or fresh or self._idle)[-1]
                self._idle.remove(worker)
                if _lighter(lane, worker.lane):
                    rss = _rss(worker.pid)
                    if rss is not None and rss > self.recycle_bytes:
                        stale, worker = worker, None
                        self.recycled += 1
            if worker is None:
                worker = WorkerProcess(self.config)
                self.started += 1
            self._lend(worker, lane)
        if stale is not None:
            stale.stop()
        return worker

    def _acquire_within_budget(
        self, lane: str | None, stopping: Callable[[], bool]
    ) -> WorkerProcess:
        waited = False
        with self._changed:
            while True:
                if self._closed.is_set() or stopping():
                    raise ExtractionCancelled("stopped")
                self._idle = [w for w in self._idle if w.alive]
                holders = [w for w in self._idle if _weight(w.holds) >= _weight(lane)]
                if holders:  # the lightest child that has the models: the same lane first
                    worker = min(holders, key=lambda w: (w.lane != lane, _weight(w.holds)))
                    self._idle.remove(worker)
                    break
                grow = max(self._idle, key=lambda w: _weight(w.holds), default=None)
                if self._may_load(lane, grow):
                    if grow is None:
                        worker = WorkerProcess(self.config)
                        self.started += 1
                    else:
                        worker = grow
                        self._idle.remove(worker)
                    if _weight(lane) > LANE_WEIGHT["music"]:
                        self._stop_spares()  # heavier models: no spare beside them
                    break
                spare = [w for w in self._idle if w is not grow]
                if spare:  # an idle child's memory is what the new lane needs: stop it
                    idle = min(spare, key=lambda w: _weight(w.holds))
                    self._idle.remove(idle)
                    idle.kill()
                    self.recycled += 1
                    continue
                waited = True
                self._start_spare(lane)
                self._changed.wait(WAIT_SECONDS)
            self.waited += waited
            self._lend(worker, lane)
        return worker

    def _start_spare(self, lane: str | None) -> None:
        """Start a spare child for a waiting job of the music lane (lock held), when none
        is idle yet and one more child with no model fits in the budget."""
        if lane != "music" or any(w.holds is None for w in self._idle):
            return
        held = sum(_rss(w.pid) or 0 for w in [*self._idle, *self._lent] if w.alive)
        assert self.budget is not None
        if held + WARM_BYTES > self.budget:
            return
        self._idle.append(WorkerProcess(self.config))
        self.started += 1
        self.spares += 1

    def _stop_spares(self) -> None:
        """Stop the idle children that hold no lane's models (lock held)."""
        for spare in [w for w in self._idle if w.holds is None]:
            self._idle.remove(spare)
            spare.kill()

    def _may_load(self, lane: str | None, child: WorkerProcess | None) -> bool:
        """Whether ``child`` (None: a fresh one) may load ``lane``'s models (lock held):
        alone, always; beside other children, only if they and one more child of the lane
        fit in the budget. Its size is the most a child of that lane held; until one was
        measured, a lane another child already holds waits for it (two children loading
        every model at once is what the budget is for), any other counts as the largest
        child seen (plugins for every category, the text embedders, are in every lane)."""
        others = [w for w in [*self._idle, *self._lent] if w.alive and w is not child]
        if not others:
            return True
        held = [_rss(w.pid) or 0 for w in others]
        need = self._lane_bytes.get(lane or "")
        if need is None:
            if any(_weight(w.holds) >= _weight(lane) for w in others):
                return False  # it is loading them now: wait for it to say what they take
            need = max([*self._lane_bytes.values(), *held], default=0)
        assert self.budget is not None
        return sum(held) + need <= self.budget

    def _lend(self, worker: WorkerProcess, lane: str | None) -> None:
        worker.lane = lane
        if _weight(lane) > _weight(worker.holds):
            worker.holds = lane
        self._lent.add(worker)

    def release(self, worker: WorkerProcess) -> None:
        worker.close_file()
        rss = _rss(worker.pid) if worker.alive else None
        grew: dict[str, int] | None = None
        with self._changed:
            self._lent.discard(worker)
            if rss is not None and worker.holds is not None:
                known = self._lane_bytes.get(worker.holds, 0)
                if rss > known:
                    self._lane_bytes[worker.holds] = rss
                    grew = dict(self._lane_bytes)
            self._changed.notify_all()
            keep = worker.alive and not self._closed.is_set()
            if keep:
                self._idle.append(worker)
        if grew is not None:
            self._save_sizes(grew)
        if not keep:
            worker.kill()

    def _sizes_path(self) -> Path:
        return Path(self.config.cache_dir) / SIZES_FILE

    def _read_sizes(self) -> dict[str, dict[str, int]]:
        try:
            data = json.loads(self._sizes_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            str(key): {str(lane): int(n) for lane, n in sizes.items() if isinstance(n, int)}
            for key, sizes in data.items()
            if isinstance(sizes, dict)
        }

    def _load_sizes(self) -> dict[str, int]:
        if self._sizes_key is None:
            return {}
        return {lane: n for lane, n in self._read_sizes().get(self._sizes_key, {}).items() if n > 0}

    def _save_sizes(self, sizes: dict[str, int]) -> None:
        """Remember the lane sizes for this key (the newest SIZES_KEPT keys are kept); a
        folder that cannot be written only means the next pool measures again."""
        if self._sizes_key is None:
            return
        known = self._read_sizes()
        before = known.pop(self._sizes_key, {})  # another pool's, maybe, since this one read it
        merged = {lane: max(n, before.get(lane, 0)) for lane, n in {**before, **sizes}.items()}
        kept = dict(list(known.items())[-(SIZES_KEPT - 1) :]) if SIZES_KEPT > 1 else {}
        kept[self._sizes_key] = merged
        path = self._sizes_path()
        temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(json.dumps(kept, sort_keys=False), encoding="utf-8")
            os.replace(temp, path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()

    def discard(self, worker: WorkerProcess) -> None:
        """Kill ``worker`` (it died, or a call in it had to be stopped) and forget it."""
        worker.kill()
        with self._changed:
            self._lent.discard(worker)
            self._changed.notify_all()

    def processes(self) -> list[int]:
        """The pids of the living children."""
        with self._lock:
            return [w.pid for w in [*self._idle, *self._lent] if w.alive and w.pid]

    def _reap(self) -> None:
        while not self._closed.wait(min(self.idle_seconds / 2, 5.0)):
            now = time.monotonic()
            with self._lock:
                stale = [w for w in self._idle if now - w.idle_since > self.idle_seconds]
                self._idle = [w for w in self._idle if w not in stale]
            for worker in stale:
                worker.stop()

    def close(self) -> None:
        """Stop every child: idle ones are asked to quit, lent ones are killed (their
        call is cancelled by the caller's stop)."""
        self._closed.set()
        with self._changed:
            idle, lent = self._idle, list(self._lent)
            self._idle, self._lent = [], set()
            self._changed.notify_all()
        for worker in idle:
            worker.stop()
        for worker in lent:
            worker.kill()
