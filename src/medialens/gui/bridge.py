"""The one bridge between core threads and the GUI thread.

Core code calls back on its own threads (pipeline workers, the watcher); Qt
widgets may only be touched on the GUI thread. :class:`Bridge` lives on the
GUI thread: a callback from any thread stores its value and the bridge's
signals deliver it on the GUI thread (queued connections). Progress is
coalesced: the latest value is posted at most ten times a second, however
fast the pipeline reports. :meth:`Bridge.run` runs a function on a worker
thread and posts its result (or error) back, like Picard's ``run_task``;
:meth:`Bridge.run_core` does the same with the ``Library`` once a future
yields it, on one thread of its own: the core's caches (the feature index,
the searcher, the interest model) see one caller at a time, and a slow core
call never holds up the workers that load the GUI's rows.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class _Result(QObject):
    # One tuple (callbacks, value, error): a bare None through an ``object`` argument
    # of a queued signal has upset reference counts in PySide.
    done = Signal(object)


class Bridge(QObject):
    progress = Signal(object)  # medialens.core.scheduler.Progress
    filesDone = Signal(list)  # file ids finished since the last post

    def __init__(self, parent: QObject | None = None, workers: int = 4) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="medialens-gui")
        self._core = ThreadPoolExecutor(1, thread_name_prefix="medialens-core")
        self._result = _Result(self)
        self._result.done.connect(self._deliver)
        self._lock = threading.Lock()
        self._latest = None
        self._done: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(100)  # at most 10 posts a second
        self._timer.timeout.connect(self._flush)
        self._timer.start()
        self._closed = False

    # -- from core threads ------------------------------------------------------------------

    def on_progress(self, progress) -> None:
        """Pipeline callback (any thread): keep only the latest value."""
        with self._lock:
            self._latest = progress

    def on_file_done(self, file_id: int) -> None:
        with self._lock:
            self._done.append(file_id)

    @Slot()
    def _flush(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
            done, self._done = self._done, []
        if latest is not None:
            self.progress.emit(latest)
        if done:
            self.filesDone.emit(done)

    # -- tasks ------------------------------------------------------------------------------

    def run(
        self,
        func: Callable[[], object],
        then: Callable[[object], None] | None = None,
        error: Callable[[str], None] | None = None,
        pool: ThreadPoolExecutor | None = None,
    ) -> None:
        """Run ``func()`` on a worker thread; call ``then(result)`` on the GUI thread."""
        if self._closed:
            return

        def task() -> None:
            try:
                value, err = func(), None
            except Exception as exc:  # reported on the GUI thread
                log.debug("task failed: %s", traceback.format_exc())
                value, err = None, f"{exc}" or type(exc).__name__
            if not self._closed:
                self._result.done.emit(((then, error), value, err))

        with contextlib.suppress(RuntimeError):  # shut down meanwhile: the window is closing
            (pool or self._pool).submit(task)

    def run_core(
        self,
        ready: Future,
        func: Callable[[object], object],
        then: Callable[[object], None] | None = None,
        error: Callable[[str], None] | None = None,
    ) -> None:
        """Once ``ready`` resolves, run ``func(result)`` on the core thread; ``then`` as in
        :meth:`run`. Calls queue in order; a failed future goes to ``error``."""

        def start(f: Future) -> None:  # on whichever thread resolved the future
            self.run(lambda: func(f.result()), then, error, self._core)

        ready.add_done_callback(start)

    @Slot(object)
    def _deliver(self, payload) -> None:
        (then, error), value, err = payload
        if err is not None:
            if error is not None:
                error(err)
            else:
                log.warning("background task failed: %s", err)
            return
        if then is not None:
            then(value)

    def close(self) -> None:
        self._closed = True
        self._timer.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._core.shutdown(wait=False, cancel_futures=True)
