"""Runs the active extractors over the library on a pool of worker threads.

A job is one file: its pending extractors run in dependency order on one
decoding context, so the file is decoded once for all of them. Each result is
stored the moment it exists, keyed by (content id, extractor, version), so a run
killed half-way resumes where it stopped and a new extractor version redoes
only that extractor. Every call into plugin code runs under a time limit on a
thread of its own; an exception or a timeout becomes a failure row and the
pipeline goes on. An extractor that fails on many files in a row is marked
malfunctioned and stops being called.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from medialens.api import ExtractionCancelled, ExtractionResult, Extractor, MediaFile
from medialens.core.failure_streaks import FailureStreaks
from medialens.core.features import (
    DeclaredContext,
    InvalidResult,
    load_result,
    store_failure,
    store_result,
    validate,
)
from medialens.core.kinds import Classifier
from medialens.core.plugins import PluginHost
from medialens.store import Store

log = logging.getLogger(__name__)

PRIORITY_USER, PRIORITY_NEW, PRIORITY_BACKLOG = 0, 1, 2
MALFUNCTION_AFTER = 5  # consecutive failures, with no success in between

# The time left is estimated from the measured throughput, in cost units a second.
# A file's job costs a fixed part per pending extractor (opening, model calls,
# keyframes) plus a part that grows with the length it decodes (capped: long files
# are sampled, not decoded whole). The throughput is averaged exponentially over the
# last files (ETA_WEIGHT: the newest file's share), so a slow start-up (models
# loading) is forgotten; no estimate is given until ETA_AFTER files were measured.
COST_BASE = 15.0  # seconds of media one extractor's fixed work is worth
COST_CAP = 1800.0
ETA_WEIGHT = 0.15
ETA_AFTER = 3


class ExtractorTimeout(Exception):
    pass


def order_by_dependencies(extractors: list[Extractor]) -> list[Extractor]:
    """Topological order over ``requires`` (absent requirements are ignored, cycles broken)."""
    by_name = {e.name: e for e in extractors}
    ordered: list[Extractor] = []
    state: dict[str, int] = {}

    def visit(e: Extractor) -> None:
        if state.get(e.name) is not None:
            return  # done, or on the stack (a cycle: break it here)
        state[e.name] = 1
        for dep in e.requires:
            if dep in by_name:
                visit(by_name[dep])
        state[e.name] = 2
        ordered.append(e)

    for e in sorted(extractors, key=lambda x: x.name):
        visit(e)
    return ordered


def pending_extractors(
    extractors: list[Extractor], content_id: str, kind: str | None, done: set[tuple[str, str, str]]
) -> list[Extractor]:
    """The extractors (in the given order) that handle ``kind`` and have neither a stored
    result nor a recorded failure at their current version for this content."""
    return [
        e
        for e in extractors
        if kind in e.kinds and (content_id, e.name, str(e.version)) not in done
    ]


def job_cost(extractors: int, duration: float | None) -> float:
    """What one file's job costs, in the unit the throughput is measured in."""
    return extractors * (COST_BASE + min(max(duration or 0.0, 0.0), COST_CAP))


@dataclass
class Progress:
    """How far the library's analysis is: ``done`` of ``total`` available media files have
    nothing left to do (counted from the store when planned, so a restart goes on counting
    from what is stored); ``failed`` files failed an extractor in this run."""

    total: int = 0
    done: int = 0
    failed: int = 0
    per_extractor: dict[str, list[int]] = field(default_factory=dict)  # name -> [done, total]
    current: list[str] = field(default_factory=list)
    eta_seconds: float | None = None
    paused: bool = False
    running: bool = False
    ran: int = 0  # files whose job finished in this run

    def as_json(self) -> dict:
        return {
            "total": self.total,
            "done": self.done,
            "failed": self.failed,
            "extractors": {k: {"done": v[0], "total": v[1]} for k, v in self.per_extractor.items()},
            "current": self.current,
            "eta_seconds": self.eta_seconds,
            "paused": self.paused,
            "running": self.running,
            "ran": self.ran,
        }


def _guarded_call(
    extractor: Extractor, ctx, timeout: float, run: Callable = lambda e, c: e.extract(c)
) -> ExtractionResult:
    """Run plugin code on its own thread; abandon it after ``timeout`` seconds.

    Python cannot kill a thread, so a hung extractor is left to finish in the
    background (its result is dropped) while the file's other extractors go on.
    """
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["result"] = run(extractor, ctx)
        except BaseException as exc:  # noqa: BLE001 - plugin code may raise anything
            box["error"] = exc

    worker = threading.Thread(target=target, name=f"extract-{extractor.name}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise ExtractorTimeout(f"timed out after {timeout:g} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]


class Pipeline:
    """Extraction over the whole library: plan, run on N workers, pause, resume, cancel."""

    def __init__(
        self,
        store: Store,
        host: PluginHost,
        cache_dir: Path,
        workers: int | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_file_done: Callable[[int], None] | None = None,
        classifier: Classifier | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.classifier = classifier or Classifier()
        self.host = host
        self.cache_dir = Path(cache_dir)
        self.workers = workers if workers is not None else (os.cpu_count() or 2)
        self.on_progress = on_progress
        self.on_file_done = on_file_done
        self._queue: list[tuple[int, int, int]] = []
        self._queued: dict[int, int] = {}  # file id -> priority
        self._counter = itertools.count()
        self._cond = threading.Condition()
        self._in_flight: dict[int, str] = {}
        self._threads: list[threading.Thread] = []
        self._paused = threading.Event()
        self._stopping = threading.Event()
        self._fail_streaks = FailureStreaks(MALFUNCTION_AFTER)
        self._progress = Progress()
        self._clock = clock
        self._cost: dict[int, float] = {}  # queued or in-flight file id -> its job's cost
        self._remaining_cost = 0.0
        self._planned_max_id = 0  # files above it were not in the library when planned
        self._ew_cost = 0.0  # exponentially weighted cost of the last finished files...
        self._ew_seconds = 0.0  # ...and of the time between their finishes
        self._samples = 0
        self._last_finish: float | None = None
        self._paused_at: float | None = None

    # -- planning --------------------------------------------------------------------

    def pending_jobs(self) -> tuple[int, list[tuple[int, list[str], float | None]]]:
        """How many available media files there are, and for each one with work left
        (newest first) the active extractors it still needs and its duration."""
        extractors = self.host.extractors()
        done = self.store.results.done_keys()
        files = 0
        jobs = []
        for file_id, cid, kind, duration in self.store.files.playable_work():
            files += 1
            names = [e.name for e in pending_extractors(extractors, cid, kind, done)]
            if names:
                jobs.append((file_id, names, duration))
        return files, jobs

    def plan(self) -> int:
        """Queue every file with pending work (newest first). Returns the number of jobs.

        The progress is the library's: every available media file counts, and those
        with nothing left to do count as done.
        """
        files, jobs = self.pending_jobs()
        max_id = self.store.files.max_id()
        with self._cond:
            per = self._progress.per_extractor
            for file_id, names, duration in jobs:
                if file_id not in self._queued and file_id not in self._in_flight:
                    for name in names:
                        per.setdefault(name, [0, 0])[1] += 1
                    self._set_cost(file_id, job_cost(len(names), duration))
                self._push(file_id, PRIORITY_BACKLOG)
            self._planned_max_id = max_id or 0
            outstanding = len(self._queued) + len(self._in_flight)
            self._progress.total = max(files, outstanding)
            self._progress.done = self._progress.total - outstanding
        self._emit()
        return len(jobs)

    def enqueue(self, file_ids: list[int], priority: int = PRIORITY_NEW) -> None:
        """Queue files ahead of the backlog (new files, or files the user is looking at)."""
        with self._cond:
            extractors = self.host.extractors()
            p = self._progress
            for file_id in sorted(set(file_ids)):
                media = self.store.files.media(file_id)
                if media is None or media.content_id is None:
                    continue
                done = self.store.results.done_keys(media.content_id)
                names = [
                    e.name
                    for e in pending_extractors(extractors, media.content_id, media.kind, done)
                ]
                new = file_id > self._planned_max_id  # not in the library when counted
                if new:
                    self._planned_max_id = file_id
                    p.total += 1
                if not names:
                    p.done += 1 if new else 0
                    continue
                if file_id not in self._queued and file_id not in self._in_flight:
                    for name in names:
                        p.per_extractor.setdefault(name, [0, 0])[1] += 1
                    if not new:
                        p.done = max(0, p.done - 1)  # it was done; its content changed
                    self._set_cost(file_id, job_cost(len(names), media.duration))
                self._push(file_id, priority)
            self._cond.notify_all()
        self._emit()

    def _set_cost(self, file_id: int, cost: float) -> None:
        self._remaining_cost += cost - self._cost.get(file_id, 0.0)
        self._cost[file_id] = cost

    def prioritize(self, file_ids: list[int]) -> None:
        self.enqueue(file_ids, PRIORITY_USER)

    def _push(self, file_id: int, priority: int) -> None:
        if not self._queued and not self._in_flight:
            self._last_finish = None  # idle until now: that time was no work either
        old = self._queued.get(file_id)
        if old is not None and old <= priority:
            return
        self._queued[file_id] = priority
        heapq.heappush(self._queue, (priority, next(self._counter), file_id))

    def _pop(self) -> int | None:
        while self._queue:
            priority, _, file_id = heapq.heappop(self._queue)
            if self._queued.get(file_id) == priority:
                del self._queued[file_id]
                return file_id
        return None

    # -- running ---------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker threads (idempotent). Call ``plan()`` to fill the queue."""
        if self._threads:
            return
        self._stopping.clear()
        self._progress.running = True
        for i in range(max(1, self.workers)):
            thread = threading.Thread(
                target=self._worker, name=f"medialens-worker-{i}", daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def run(self, timeout: float | None = None) -> Progress:
        """Plan, run to completion on the pool, stop. Returns the final progress."""
        self.plan()
        self.start()
        self.wait_idle(timeout)
        self.stop()
        return self._progress

    def run_sync(self) -> Progress:
        """Plan and run every job on the calling thread (deterministic, for tests)."""
        self.plan()
        while True:
            with self._cond:
                file_id = self._pop()
                if file_id is None:
                    break
                self._in_flight[file_id] = ""
            try:
                self._process(file_id)
            finally:
                with self._cond:
                    self._in_flight.pop(file_id, None)
        return self._progress

    def pause(self) -> None:
        with self._cond:
            if not self._paused.is_set():
                self._paused_at = self._clock()
            self._paused.set()
            self._progress.paused = True
        self._emit()

    def resume(self) -> None:
        with self._cond:
            if self._paused_at is not None and self._last_finish is not None:
                self._last_finish += self._clock() - self._paused_at  # a pause is no work
            self._paused_at = None
            self._paused.clear()
            self._progress.paused = False
            self._cond.notify_all()
        self._emit()

    def cancel(self) -> None:
        """Stop after the extractors now running; what is stored stays, the rest stays pending."""
        with self._cond:
            self._queue.clear()
            self._queued.clear()
            self._cost = {f: c for f, c in self._cost.items() if f in self._in_flight}
            self._remaining_cost = sum(self._cost.values())
        self.stop()

    def stop(self) -> None:
        self._stopping.set()
        with self._cond:
            self._cond.notify_all()
        for thread in self._threads:
            thread.join(timeout=30)
        self._threads = []
        self._progress.running = False
        self._emit()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until the queue is empty and no file is in flight."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while self._queued or self._in_flight:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._cond.wait(remaining if remaining is not None else 0.5)
        return True

    def progress(self) -> Progress:
        with self._cond:
            p = self._progress
            p.current = [name for name in self._in_flight.values() if name]
            p.paused = self._paused.is_set()
            p.eta_seconds = self._eta()
            return Progress(
                p.total, p.done, p.failed,
                {k: list(v) for k, v in p.per_extractor.items()},
                list(p.current), p.eta_seconds, p.paused, p.running, p.ran,
            )  # fmt: skip

    def _eta(self) -> float | None:
        """Seconds left at the measured recent throughput; None until it is measured."""
        if self._samples < ETA_AFTER or self._ew_seconds <= 0 or self._remaining_cost <= 0:
            return None
        if not self._queued and not self._in_flight:
            return None
        return self._remaining_cost * self._ew_seconds / self._ew_cost

    def _measure(self, cost: float) -> None:
        """A file's job finished: fold its cost and the time since the last finish into the
        averages. The first finish only starts the clock (it carries the start-up)."""
        now = self._clock()
        if self._last_finish is not None and cost > 0:
            seconds = max(now - self._last_finish, 0.0)
            w = ETA_WEIGHT if self._samples else 1.0
            self._ew_cost += w * (cost - self._ew_cost)
            self._ew_seconds += w * (seconds - self._ew_seconds)
            self._samples += 1
        self._last_finish = now

    def _emit(self) -> None:
        if self.on_progress is not None:
            try:
                self.on_progress(self.progress())
            except Exception:  # a listener's bug must not stop extraction
                log.exception("progress listener failed")

    def _worker(self) -> None:
        while True:
            with self._cond:
                while not self._stopping.is_set() and (self._paused.is_set() or not self._queued):
                    self._cond.wait(0.5)
                if self._stopping.is_set():
                    return
                file_id = self._pop()
                if file_id is None:
                    continue
                self._in_flight[file_id] = ""
            try:
                self._process(file_id)
            except Exception:
                log.exception("extraction of file %s failed unexpectedly", file_id)
            finally:
                with self._cond:
                    self._in_flight.pop(file_id, None)
                    self._cond.notify_all()

    # -- one file --------------------------------------------------------------------

    def _process(self, file_id: int) -> None:
        from medialens.core.decoding import FileContext

        row = self.store.files.playable(file_id)
        if row is None or row.content_id is None:
            self._finish(file_id, [], [])
            return
        content_id = row.content_id
        done = self.store.results.done_keys(content_id)
        ordered = order_by_dependencies(self.host.extractors())
        todo = pending_extractors(ordered, content_id, row.kind, done)
        if not todo:
            self._finish(file_id, [], [])
            return
        with self._cond:
            self._in_flight[file_id] = os.path.basename(row.display_path)
        self._emit()
        media = MediaFile(
            content_id=content_id,
            path=Path(os.fsdecode(row.path)),
            kind=row.kind,  # type: ignore[arg-type]  # media rows have audio or video
            duration=row.duration or 0.0,
            size=row.size,
            metadata=row.metadata,
        )
        produced: dict[str, ExtractionResult | None] = {}

        def results(name: str) -> ExtractionResult | None:
            if name not in produced:
                produced[name] = load_result(self.store, content_id, name)
            return produced[name]

        # Cooperative stop: set when the user cancels. A timed-out extractor only
        # abandons its own call; the next extractor of the file runs normally.
        ctx = FileContext(media, self.cache_dir, results, cancelled=self._stopping.is_set)
        ok: list[str] = []
        failed: list[str] = []
        try:
            for extractor in todo:
                while self._paused.is_set() and not self._stopping.is_set():
                    time.sleep(0.1)
                if self._stopping.is_set():
                    break
                if not self.host.runs(extractor.name):
                    continue  # disabled or marked malfunctioned while this file was running
                started = time.perf_counter()
                try:
                    result = validate(
                        extractor,
                        _guarded_call(
                            extractor,
                            DeclaredContext(ctx, extractor),
                            float(extractor.timeout or 300),
                            self.host.run_extractor,
                        ),
                    )
                except ExtractionCancelled:
                    break
                except (Exception, ExtractorTimeout) as exc:
                    if self._stopping.is_set():
                        break
                    error = _describe(exc)
                    with self.store.write() as wconn:
                        store_failure(self.store, content_id, extractor, error, wconn)
                    produced[extractor.name] = None
                    failed.append(extractor.name)
                    self._note_failure(extractor, error)
                    continue
                with self.store.write() as wconn:
                    store_result(
                        self.store,
                        content_id,
                        extractor,
                        result,
                        time.perf_counter() - started,
                        wconn,
                    )
                    # New evidence: the file's category fills in while the library indexes.
                    self.classifier.update(self.store, content_id, conn=wconn)
                produced[extractor.name] = result
                ok.append(extractor.name)
                self._fail_streaks.succeeded(extractor.name)
        finally:
            ctx.close()
        self._finish(file_id, ok, failed)

    def _note_failure(self, extractor: Extractor, error: str) -> None:
        streak = self._fail_streaks.failed(extractor.name)
        if streak is not None:
            self.host.mark_malfunctioned(
                extractor.name, f"failed on {streak} files in a row; last: {error}"
            )

    def _finish(self, file_id: int, ok: list[str], failed: list[str]) -> None:
        with self._cond:
            p = self._progress
            p.done = min(p.done + 1, p.total)
            p.ran += 1
            p.failed += 1 if failed else 0
            cost = self._cost.pop(file_id, 0.0)
            self._remaining_cost = max(self._remaining_cost - cost, 0.0)
            if ok or failed:
                self._measure(cost)
            for name in ok + failed:
                if name in p.per_extractor:
                    p.per_extractor[name][0] += 1
        self._emit()
        if self.on_file_done is not None:
            try:
                self.on_file_done(file_id)
            except Exception:
                log.exception("file-done listener failed")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ExtractorTimeout | InvalidResult):
        return str(exc)
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"
