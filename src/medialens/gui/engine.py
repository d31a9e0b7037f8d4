"""The indexing engine as the GUI sees it: Library, pipeline and watcher on core threads.

Nothing here runs core work on the GUI thread: loading the Library (which
imports every plugin), starting and stopping the watcher and the pipeline all
go through :meth:`Bridge.run`. Pipeline callbacks reach the GUI through the
bridge's coalesced signals.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from medialens.gui import services as S
from medialens.gui.bridge import Bridge

log = logging.getLogger(__name__)


class Engine(QObject):
    libraryReady = Signal()
    libraryFailed = Signal(str)
    scanningChanged = Signal(bool)
    message = Signal(str)

    def __init__(self, services: S.Services, bridge: Bridge, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.bridge = bridge
        self.pipeline = None
        self.watcher = None
        self.scanning = False
        self._lock = threading.Lock()  # one start/stop at a time, on worker threads
        self.bridge.progress.connect(self._on_progress)

    @property
    def library(self):
        return self.services.library

    def start(self) -> None:
        """Load plugins and start indexing in the background (returns at once)."""
        self._set_scanning(True)
        self.bridge.run(self._load, self._loaded, self._failed)

    def _load(self):
        workers = self.services.store.setting("workers", 0) or None
        lib = S.open_library(self.services, workers)
        if lib is None:
            raise RuntimeError(self.services.library_error or "the library could not load")
        self._start_watch()
        return lib

    def _loaded(self, _lib) -> None:
        self.libraryReady.emit()

    def _failed(self, error: str) -> None:
        self._set_scanning(False)
        self.libraryFailed.emit(error)

    def _start_watch(self) -> None:
        from medialens.core.watcher import LibraryWatcher

        with self._lock:
            lib = self.services.library
            if lib is None:
                return
            if self.watcher is not None:
                self.watcher.stop()
            if self.pipeline is None:
                workers = self.services.store.setting("workers", 0) or None
                self.pipeline = lib.pipeline(
                    workers,
                    on_progress=self.bridge.on_progress,
                    on_file_done=self.bridge.on_file_done,
                )
            self.watcher = LibraryWatcher(lib, pipeline=self.pipeline)
            self.watcher.start()

    def _set_scanning(self, on: bool) -> None:
        if on != self.scanning:
            self.scanning = on
            self.scanningChanged.emit(on)

    def _on_progress(self, progress) -> None:
        if progress.running or progress.total:
            self._set_scanning(False)

    # -- requests from the GUI -----------------------------------------------------------------

    def rescan(self, then=None) -> None:
        """Restart the watcher: rescans every folder and follows new ones."""
        if self.services.library is None:
            return
        self._set_scanning(True)
        self.bridge.run(self._start_watch, then)

    def restart_pipeline(self, then=None) -> None:
        """Stop and rebuild the pipeline (after the worker count changes)."""

        def work() -> None:
            with self._lock:
                if self.watcher is not None:
                    self.watcher.stop()
                    self.watcher = None
                self.pipeline = None
            self._start_watch()

        if self.services.library is not None:
            self.bridge.run(work, then)

    def replan(self) -> None:
        """Queue whatever is pending again (after retrying failures or enabling a plugin)."""
        pipeline = self.pipeline
        if pipeline is not None:
            self.bridge.run(pipeline.plan)

    def pause(self) -> None:
        if self.pipeline is not None:
            self.bridge.run(self.pipeline.pause)

    def resume(self) -> None:
        if self.pipeline is not None:
            self.bridge.run(self.pipeline.resume)

    def prioritize(self, file_ids: list[int]) -> None:
        if self.pipeline is not None:
            self.bridge.run(lambda: self.pipeline.prioritize(file_ids))

    def stop(self, timeout: float = 3.0) -> None:
        """Stop core threads, waiting at most ``timeout`` (they are daemons: exit anyway)."""
        watcher, pipeline = self.watcher, self.pipeline
        if watcher is None and pipeline is None:
            return

        def stop() -> None:
            try:
                if pipeline is not None:
                    pipeline.cancel()  # stored results stay; the rest stays pending
                if watcher is not None:
                    watcher.stop()
                elif pipeline is not None:
                    pipeline.stop()
            except Exception:
                log.exception("stopping the engine failed")

        t = threading.Thread(target=stop, name="medialens-stop", daemon=True)
        t.start()
        t.join(timeout)
