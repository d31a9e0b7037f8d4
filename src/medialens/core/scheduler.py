"""When each file's job runs: a priority queue, the worker loop, pause/resume/cancel, progress.

Files the user looks at go first, new files next, the backlog last. The worker loop is
written once (:meth:`Scheduler.step`); an executor decides where it runs: on a pool of
threads that wait for work (:class:`ThreadExecutor`, the app) or on the calling thread
until the queue is empty (:class:`InlineExecutor`, ``run_sync`` and tests), so what a
test runs is what the app runs.
"""

from __future__ import annotations

import collections
import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from medialens.core.planning import Job, job_cost
from medialens.store import DatabaseError, database_fault

__all__ = [
    "ETA_AFTER",
    "ETA_WEIGHT",
    "PRIORITY_BACKLOG",
    "PRIORITY_NEW",
    "PRIORITY_USER",
    "Executor",
    "InlineExecutor",
    "Progress",
    "Scheduler",
    "ThreadExecutor",
]

log = logging.getLogger(__name__)

PRIORITY_USER, PRIORITY_NEW, PRIORITY_BACKLOG = 0, 1, 2
PLAN_CHUNK = 1000  # backlog jobs queued under the lock at a time (see Scheduler.plan)

# The time left is estimated from the measured throughput, in cost units a second (see
# ``planning.job_cost``). The throughput is averaged exponentially over the last files
# (ETA_WEIGHT: the newest file's share), so a slow start-up (models loading) is
# forgotten; no estimate is given until ETA_AFTER files were measured.
ETA_WEIGHT = 0.15
ETA_AFTER = 3

Step = Callable[[bool], bool]
"""``step(wait)``: take one queued file and run its job; False when this worker is done
(stopping, or, without ``wait``, nothing queued)."""


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
    #: the backlog has been counted: before that (seconds in a large library) ``total`` holds
    #: only the files queued as they appeared, not the library
    planned: bool = True

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
            "planned": self.planned,
        }


class Executor(Protocol):
    """Where the worker loop runs."""

    @property
    def running(self) -> bool: ...

    def start(self, step: Step) -> None: ...

    def join(self, timeout: float) -> None: ...


def _loop(step: Step, wait: bool, limit: int | None = None) -> None:
    ran = 0
    while (limit is None or ran < limit) and step(wait):
        ran += 1


class ThreadExecutor:
    """``workers`` daemon threads that wait for work until the scheduler stops."""

    def __init__(self, workers: int, name: str = "medialens-worker") -> None:
        self.workers = max(1, workers)
        self._name = name
        self._threads: list[threading.Thread] = []

    @property
    def running(self) -> bool:
        return bool(self._threads)

    def start(self, step: Step) -> None:
        for i in range(self.workers):
            thread = threading.Thread(
                target=_loop, args=(step, True), name=f"{self._name}-{i}", daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def join(self, timeout: float) -> None:
        for thread in self._threads:
            thread.join(timeout=timeout)
        self._threads = []


class InlineExecutor:
    """Runs the queued jobs on the calling thread, in order, then returns (deterministic).

    ``limit`` stops after that many files, so a test can step through a run.
    """

    running = False

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit

    def start(self, step: Step) -> None:
        _loop(step, False, self.limit)

    def join(self, timeout: float) -> None:
        pass


class Scheduler:
    """The queue of files, the files in flight, and the progress and time left they make.

    One condition guards all of it; workers block on it while paused or idle.
    """

    def __init__(
        self,
        on_progress: Callable[[Progress], None] | None = None,
        on_file_done: Callable[[int], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.on_progress = on_progress
        self.on_file_done = on_file_done
        self.paused = threading.Event()
        self.stopping = threading.Event()
        self._queue: list[tuple[int, int, int]] = []
        self._queued: dict[int, int] = {}  # file id -> priority
        self._counter = itertools.count()
        self._cond = threading.Condition()
        self._in_flight: dict[int, str] = {}
        self._progress = Progress(planned=False)
        self._clock = clock
        self._cost: dict[int, float] = {}  # queued or in-flight file id -> its job's cost
        self._remaining_cost = 0.0
        self._planned_max_id = 0  # files above it were not in the library when planned
        self._ew_cost = 0.0  # exponentially weighted cost of the last finished files...
        self._ew_seconds = 0.0  # ...and of the time between their finishes
        self._samples = 0
        self._last_finish: float | None = None
        self._paused_at: float | None = None
        #: The database fault that stopped the workers (disk full, file damaged or gone):
        #: every later file would meet it too, so the queue is dropped (the work stays
        #: pending in the store) and whoever runs the pipeline says it once.
        self.fault: DatabaseError | None = None

    # -- queueing --------------------------------------------------------------------

    def plan(self, files: int, jobs: Iterable[Job], max_id: int) -> int:
        """Queue the backlog: ``jobs`` of the ``files`` available media files (newest first).
        Returns how many jobs there were.

        The jobs are queued a chunk at a time (``PLAN_CHUNK``), the lock let go between
        chunks, so workers already running start on the first files while the rest are
        still read from the store (``jobs`` may be a lazy stream of them). The progress
        is the library's: every available media file counts, and those with nothing left
        to do count as done, known once the last job was queued (``Progress.planned``).
        """
        with self._cond:
            self._planned_max_id = max(self._planned_max_id, max_id or 0)
        stream = iter(jobs)
        count = 0
        while True:
            chunk = list(itertools.islice(stream, PLAN_CHUNK))
            if not chunk:
                break
            count += len(chunk)
            with self._cond:
                queued, in_flight, costs = self._queued, self._in_flight, self._cost
                fresh: dict[int, Job] = {}  # not queued yet: counted (once) in the totals
                for job in chunk:
                    if job[0] not in queued and job[0] not in in_flight:
                        fresh.setdefault(job[0], job)
                per = self._progress.per_extractor
                counted = collections.Counter(
                    itertools.chain.from_iterable(j[1] for j in fresh.values())
                )
                for name, n in counted.items():
                    per.setdefault(name, [0, 0])[1] += n
                added = 0.0
                for file_id, names, duration in fresh.values():
                    cost = job_cost(len(names), duration)
                    added += cost - costs.get(file_id, 0.0)
                    costs[file_id] = cost
                self._remaining_cost += added
                if not queued and not in_flight:
                    self._last_finish = None  # idle until now: that time was no work either
                # the backlog is the lowest priority and its counter grows: each entry is
                # at least every one in the heap, so appending keeps it a heap (_push's
                # heappush, a chunk at a time)
                heap, counter = self._queue, self._counter
                for job in chunk:
                    file_id = job[0]
                    if file_id not in queued:
                        queued[file_id] = PRIORITY_BACKLOG
                        heap.append((PRIORITY_BACKLOG, next(counter), file_id))
                self._cond.notify_all()
        with self._cond:
            outstanding = len(self._queued) + len(self._in_flight)
            self._progress.total = max(files, outstanding)
            self._progress.done = self._progress.total - outstanding
            self._progress.planned = True
        self._emit()
        return count

    def enqueue(self, jobs: Iterable[Job], priority: int = PRIORITY_NEW) -> None:
        """Queue files ahead of the backlog; a job without extractors only counts as done."""
        with self._cond:
            p = self._progress
            for job in jobs:
                file_id, names = job.file_id, job.extractors
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
                    self._set_cost(file_id, job.cost)
                self._push(file_id, priority)
            self._cond.notify_all()
        self._emit()

    def queued(self) -> list[int]:
        """The queued file ids in the order they will run."""
        with self._cond:
            return [f for p, _c, f in sorted(self._queue) if self._queued.get(f) == p]

    def _set_cost(self, file_id: int, cost: float) -> None:
        self._remaining_cost += cost - self._cost.get(file_id, 0.0)
        self._cost[file_id] = cost

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

    # -- the worker loop -------------------------------------------------------------

    def step(self, process: Callable[[int], None], wait: bool) -> bool:
        """Take the next file and ``process`` it; the body of every worker loop.

        With ``wait`` it blocks while paused or idle, as a pool thread does; without it,
        an empty queue ends the loop. False once stopping.
        """
        with self._cond:
            if wait:
                while not self.stopping.is_set() and (self.paused.is_set() or not self._queued):
                    self._cond.wait(0.5)
            if self.stopping.is_set():
                return False
            file_id = self._pop()
            if file_id is None:
                return wait  # a pool thread waits again; an inline loop is done
            self._in_flight[file_id] = ""
        try:
            process(file_id)
        except Exception as exc:
            fault = database_fault(exc)  # damaged, gone, read-only or full: not this file's
            if fault is None:
                log.exception("extraction of file %s failed unexpectedly", file_id)
            else:
                self._stop_for(fault)
        finally:
            with self._cond:
                self._in_flight.pop(file_id, None)
                self._cond.notify_all()
        return True

    def _stop_for(self, fault: DatabaseError) -> None:
        with self._cond:
            first = self.fault is None
            self.fault = fault
        if first:
            log.info("extraction stopped: %s", fault)
        self.drop_queued()
        self.request_stop()

    def started(self, file_id: int, name: str) -> None:
        """A file's job has work to do: show ``name`` as being extracted."""
        with self._cond:
            self._in_flight[file_id] = name
        self._emit()

    def finish(self, file_id: int, ok: list[str], failed: list[str]) -> None:
        """A file's job ended: count it, measure the throughput, tell the listeners."""
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

    # -- control ---------------------------------------------------------------------

    def set_running(self, running: bool) -> None:
        if running:
            self.stopping.clear()
            self.fault = None
        self._progress.running = running
        if not running:
            self._emit()

    def request_stop(self) -> None:
        self.stopping.set()
        with self._cond:
            self._cond.notify_all()

    def pause(self) -> None:
        with self._cond:
            if not self.paused.is_set():
                self._paused_at = self._clock()
            self.paused.set()
            self._progress.paused = True
        self._emit()

    def resume(self) -> None:
        with self._cond:
            if self._paused_at is not None and self._last_finish is not None:
                self._last_finish += self._clock() - self._paused_at  # a pause is no work
            self._paused_at = None
            self.paused.clear()
            self._progress.paused = False
            self._cond.notify_all()
        self._emit()

    def drop_queued(self) -> None:
        """Forget the queue (cancel): the files in flight finish, the rest stays pending."""
        with self._cond:
            self._queue.clear()
            self._queued.clear()
            self._cost = {f: c for f, c in self._cost.items() if f in self._in_flight}
            self._remaining_cost = sum(self._cost.values())

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

    # -- progress --------------------------------------------------------------------

    def progress(self) -> Progress:
        with self._cond:
            p = self._progress
            p.current = [name for name in self._in_flight.values() if name]
            p.paused = self.paused.is_set()
            p.eta_seconds = self._eta()
            return Progress(
                p.total, p.done, p.failed,
                {k: list(v) for k, v in p.per_extractor.items()},
                list(p.current), p.eta_seconds, p.paused, p.running, p.ran, p.planned,
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
