"""Runs the active extractors over the library: the facade the library, CLI and GUI use.

It ties three parts together: :mod:`~medialens.core.planning` reads what is left to do,
:mod:`~medialens.core.scheduler` decides when each file's job runs (queue, workers,
pause, progress) and :mod:`~medialens.core.file_job` runs one file's job. The executor
is injectable: threads for the app, the calling thread for ``run_sync`` and tests.
With ``isolation``, plugin code runs in worker processes
(:mod:`~medialens.core.isolation`), started while the pipeline runs and stopped with it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from medialens.core.file_job import FileJobRunner
from medialens.core.isolation import DEFAULT_BUDGET, ProcessPool, default_memory_limit
from medialens.core.kinds import Classifier
from medialens.core.planning import Job, pending_jobs, pending_of, plan_jobs
from medialens.core.plugins import PluginHost
from medialens.core.scheduler import (
    PRIORITY_NEW,
    PRIORITY_USER,
    Executor,
    InlineExecutor,
    Progress,
    Scheduler,
    ThreadExecutor,
)
from medialens.core.worker_process import WorkerConfig
from medialens.store import Store

__all__ = ["Pipeline"]


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
        executor: Executor | None = None,
        isolation: WorkerConfig | None = None,
        memory_limit: int | None = None,
        memory_budget: int | None = DEFAULT_BUDGET,
    ) -> None:
        self.store = store
        self.host = host
        self.workers = workers if workers is not None else (os.cpu_count() or 2)
        self.scheduler = Scheduler(on_progress, on_file_done, clock)
        self.jobs = FileJobRunner(
            store,
            host,
            cache_dir,
            classifier or Classifier(),
            paused=self.scheduler.paused,
            stopping=self.scheduler.stopping,
            started=self.scheduler.started,
            finished=self.scheduler.finish,
        )
        self.isolation = isolation
        self.memory_limit = memory_limit or default_memory_limit(self.workers)
        self.memory_budget = memory_budget
        """What the worker processes may hold together (see ProcessPool.acquire); None: no
        limit, each worker loads the models of whatever file it gets."""
        self._executor = executor or ThreadExecutor(self.workers)
        self._step = functools.partial(self.scheduler.step, self.jobs.run)

    # -- planning --------------------------------------------------------------------

    def pending_jobs(self) -> tuple[int, list[Job]]:
        """How many available media files there are, and for each one with work left
        (newest first) the active extractors it still needs and its duration."""
        return pending_jobs(self.store, self.host.extractors())

    def plan(self) -> int:
        """Queue every file with pending work (newest first). Returns the number of jobs.

        The jobs are read from the store page by page and queued as they come, so when
        the workers are running (``start()`` first) they begin on the newest files while
        the rest of the backlog is still being read."""
        max_id = self.store.files.max_id()  # before reading: files added since are new
        files, jobs = plan_jobs(self.store, self.host.extractors())
        return self.scheduler.plan(files, jobs, max_id)

    def enqueue(self, file_ids: list[int], priority: int = PRIORITY_NEW) -> None:
        """Queue files ahead of the backlog (new files, or files the user is looking at)."""
        self.scheduler.enqueue(pending_of(self.store, self.host.extractors(), file_ids), priority)

    def prioritize(self, file_ids: list[int]) -> None:
        self.enqueue(file_ids, PRIORITY_USER)

    # -- running ---------------------------------------------------------------------

    def start(self) -> None:
        """Start the executor's workers (idempotent). Call ``plan()`` to fill the queue."""
        if self._executor.running:
            return
        self._open_pool()
        self.scheduler.set_running(True)
        self._executor.start(self._step)

    def run(self, timeout: float | None = None) -> Progress:
        """Start, plan (the workers begin on the first jobs queued), run to completion on
        the executor, stop. Returns the final progress."""
        self.start()
        self.plan()
        self.wait_idle(timeout)
        self.stop()
        return self.scheduler.progress()

    def run_sync(self) -> Progress:
        """Plan and run every job on the calling thread (deterministic, for tests)."""
        self.plan()
        return self.run_queued()

    def run_queued(self, limit: int | None = None) -> Progress:
        """Run the queued jobs (at most ``limit``) on the calling thread, in queue order."""
        opened = self._open_pool()
        try:
            InlineExecutor(limit).start(self._step)
        finally:
            if opened:
                self._close_pool()
        return self.scheduler.progress()

    def pause(self) -> None:
        self.scheduler.pause()

    def resume(self) -> None:
        self.scheduler.resume()

    def cancel(self) -> None:
        """Stop after the extractors now running; what is stored stays, the rest stays pending."""
        self.scheduler.drop_queued()
        self.stop()

    def stop(self) -> None:
        self.scheduler.request_stop()
        self._executor.join(timeout=30)
        self._close_pool()
        self.scheduler.set_running(False)

    def worker_processes(self) -> list[int]:
        """The pids of the extraction processes alive now (none without isolation)."""
        pool = self.jobs.pool
        return pool.processes() if pool is not None else []

    def _open_pool(self) -> bool:
        """Start the worker-process pool if isolation is on and it is not running."""
        if self.isolation is None or self.jobs.pool is not None:
            return False
        self.jobs.pool = ProcessPool(
            self.isolation,
            self.memory_limit,
            budget=self.memory_budget,
            sizes_key=self._sizes_key(),
        )
        return True

    def _sizes_key(self) -> str:
        """The enabled extractors and their versions: what decides how much a worker of each
        lane holds (see ProcessPool's remembered lane sizes)."""
        names = sorted(f"{e.name}={e.version}" for e in self.host.extractors())
        return hashlib.sha1("\n".join(names).encode()).hexdigest()[:16]

    def _close_pool(self) -> None:
        pool, self.jobs.pool = self.jobs.pool, None
        if pool is not None:
            pool.close()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until the queue is empty and no file is in flight."""
        return self.scheduler.wait_idle(timeout)

    def progress(self) -> Progress:
        return self.scheduler.progress()
