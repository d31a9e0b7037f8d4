"""One file's job: its pending extractors, in dependency order, on one decoding context.

The file is decoded once for all of them. Each result is stored the moment it exists, so a
run killed half-way keeps it. Plugin code runs where it can be stopped: in a worker
process of a :class:`~medialens.core.isolation.ProcessPool` (the app), or, for plugin
objects handed in by the embedding program (tests), on a thread of its own under the same
time limit. An exception, a timeout, a crash or a runaway allocation becomes a failure row
of the (file, extractor) in flight and the job goes on. An extractor that fails on many
files in a row is marked malfunctioned and stops being called; several workers count
those failures, so the count is kept under a lock.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from medialens.api import (
    ExtractionCancelled,
    ExtractionContext,
    ExtractionResult,
    Extractor,
    MediaFile,
)
from medialens.core.failure_streaks import FailureStreaks
from medialens.core.features import (
    InvalidResult,
    load_result,
    store_failure,
    store_result,
    validate,
)
from medialens.core.isolation import ExtractorFailed, ExtractorTimeout, ProcessPool, WorkerProcess
from medialens.core.kinds import Classifier
from medialens.core.planning import applies, order_for_routing, pending_extractors, worker_lane
from medialens.core.plugins import PluginHost
from medialens.core.time_limit import CallTimedOut, call_within
from medialens.core.worker_process import describe
from medialens.store import DiskFull, Store

__all__ = ["MALFUNCTION_AFTER", "FileJobRunner"]

MALFUNCTION_AFTER = 5  # consecutive failures, with no success in between

Call = Callable[[Extractor], object]
"""Runs one extractor on the job's file and returns what it returned."""


def _guarded_call(
    extractor: Extractor,
    ctx: ExtractionContext,
    timeout: float,
    run: Callable[[Extractor, ExtractionContext], object],
) -> object:
    """Run in-process plugin code under its time limit (only plugin objects of the
    embedding program run this way; a hung one is abandoned, not stopped)."""
    try:
        return call_within(lambda: run(extractor, ctx), timeout, f"extract-{extractor.name}")
    except CallTimedOut:
        raise ExtractorTimeout(f"timed out after {timeout:g} s") from None


def _timeout(extractor: Extractor) -> float:
    return float(extractor.timeout or 300)


class FileJobRunner:
    """Runs the job of any one file, on the calling thread (a worker of the scheduler).

    ``paused`` and ``stopping`` are the scheduler's: the job waits between extractors
    while paused and gives up when stopping. ``started`` reports the file being worked on,
    ``finished`` the extractors that ran (stored, or failed).
    """

    def __init__(
        self,
        store: Store,
        host: PluginHost,
        cache_dir: Path,
        classifier: Classifier,
        *,
        pool: ProcessPool | None = None,
        paused: threading.Event,
        stopping: threading.Event,
        started: Callable[[int, str], None],
        finished: Callable[[int, list[str], list[str]], None],
    ) -> None:
        self.store = store
        self.host = host
        self.cache_dir = Path(cache_dir)
        self.classifier = classifier
        self.pool = pool
        self._paused = paused
        self._stopping = stopping
        self._started = started
        self._finish = finished
        self._fail_streaks = FailureStreaks(MALFUNCTION_AFTER)
        self.skipped = 0
        """Extractor calls routing saved: not for the category the job found (for tests)."""

    def run(self, file_id: int) -> None:
        row = self.store.files.playable(file_id)
        if row is None or row.content_id is None:
            self._finish(file_id, [], [])
            return
        content_id = row.content_id
        done = self.store.results.done_keys(content_id)
        ordered = order_for_routing(self.host.extractors(), self.host.builtin_extractors())
        category = row.category
        todo = pending_extractors(ordered, content_id, row.kind, done, category)
        if not todo:
            self._finish(file_id, [], [])
            return
        self._started(file_id, os.path.basename(row.display_path))
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

        ok: list[str] = []
        failed: list[str] = []
        skipped: list[str] = []
        lane = worker_lane(row.kind, category, row.duration)
        with self._calls(media, results, lane) as call:
            for extractor in todo:
                while self._paused.is_set() and not self._stopping.is_set():
                    time.sleep(0.1)
                if self._stopping.is_set():
                    break
                if not self.host.runs(extractor.name):
                    continue  # disabled or marked malfunctioned while this file was running
                if not applies(extractor, category):
                    skipped.append(extractor.name)
                    continue  # routed: the built-ins decided a category it is not for
                started = time.perf_counter()
                try:
                    result = validate(extractor, call(extractor))
                except ExtractionCancelled:
                    break
                except Exception as exc:
                    if self._stopping.is_set():
                        break
                    if _no_space(exc):  # the disk's fault, not the file's: stop, keep pending
                        raise DiskFull(self.store.path) from exc
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
                    # New evidence: the file's category fills in while the library indexes,
                    # and routes the extractors still to come.
                    category = self.classifier.update(self.store, content_id, conn=wconn)
                produced[extractor.name] = result
                ok.append(extractor.name)
                self._fail_streaks.succeeded(extractor.name)
        self.skipped += len(skipped)
        # A routed-away extractor is done with this file as far as progress goes.
        self._finish(file_id, ok + skipped, failed)

    @contextmanager
    def _calls(
        self,
        media: MediaFile,
        results: Callable[[str], ExtractionResult | None],
        lane: str | None = None,
    ) -> Iterator[Call]:
        """How this job calls its extractors: in a worker process of the pool, borrowed
        for the file (replaced when a call kills it), or in this process."""
        if self.pool is None:
            from medialens.core.decoding import FileContext

            # Cooperative stop: set when the user cancels. A timed-out extractor only
            # abandons its own call; the next extractor of the file runs normally.
            ctx = FileContext(media, self.cache_dir, results, cancelled=self._stopping.is_set)
            try:
                yield lambda e: _guarded_call(e, ctx, _timeout(e), self.host.run_extractor)
            finally:
                ctx.close()
            return
        pool = self.pool
        worker: WorkerProcess | None = None

        def call(extractor: Extractor) -> object:
            nonlocal worker
            if worker is None:
                worker = pool.acquire(lane, self._stopping.is_set)
            try:
                return worker.run(
                    extractor,
                    media,
                    timeout=_timeout(extractor),
                    memory_limit=pool.memory_limit,
                    stopping=self._stopping.is_set,
                )
            except ExtractorFailed:
                if not worker.alive:  # killed or crashed: the next call gets a fresh one
                    pool.discard(worker)
                    worker = None
                raise
            except ExtractionCancelled:
                pool.discard(worker)
                worker = None
                raise

        try:
            yield call
        finally:
            if worker is not None:
                pool.release(worker)

    def _note_failure(self, extractor: Extractor, error: str) -> None:
        streak = self._fail_streaks.failed(extractor.name)
        if streak is not None:
            self.host.mark_malfunctioned(
                extractor.name, f"failed on {streak} files in a row; last: {error}"
            )


def _no_space(exc: BaseException) -> bool:
    """The extractor failed because the disk (its cache, the thumbnails) is full."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return isinstance(exc, ExtractorFailed) and f"[Errno {errno.ENOSPC}]" in str(exc)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ExtractorFailed | InvalidResult):
        return str(exc)
    return describe(exc)
