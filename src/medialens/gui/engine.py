"""The indexing engine as the GUI sees it.

Two halves, neither on the GUI thread:

* a :class:`~medialens.core.library.Library` in this process, loaded on a
  worker thread after the window is up, answers questions (search, plugins,
  more like this) — it imports no model until asked;
* the pipeline and the watcher run in a child process
  (:mod:`medialens.gui.indexer`), so extraction never competes with the GUI for
  the GIL. A reader thread turns its events into the bridge's coalesced
  signals on the GUI thread.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading

from PySide6.QtCore import QObject, Signal

from medialens.core.scheduler import Progress
from medialens.gui import services as S
from medialens.gui.bridge import Bridge

log = logging.getLogger(__name__)


def _progress(data: dict) -> Progress:
    return Progress(
        total=data["total"],
        done=data["done"],
        failed=data["failed"],
        per_extractor={k: [v["done"], v["total"]] for k, v in data["extractors"].items()},
        current=list(data["current"]),
        eta_seconds=data["eta_seconds"],
        paused=data["paused"],
        running=data["running"],
        ran=data.get("ran", 0),
        planned=data.get("planned", True),
    )


class Engine(QObject):
    libraryReady = Signal()
    libraryFailed = Signal(str)
    scanningChanged = Signal(bool)
    indexerFailed = Signal(str)
    #: (kind, path, sentence): the database cannot be written (see services.fault_event)
    databaseFault = Signal(str, str, str)
    databaseFaultCleared = Signal()  # a full disk has room again: indexing resumes

    def __init__(self, services: S.Services, bridge: Bridge, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.bridge = bridge
        self.scanning = False
        self.process = None
        self._commands = None
        self._send_lock = threading.Lock()
        self._stopping = False
        self.scanningChanged.connect(self._set_scanning_flag)

    @property
    def library(self):
        return self.services.library

    def _set_scanning_flag(self, on: bool) -> None:
        self.scanning = on

    # -- start-up ------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the library and start the indexer process in the background."""
        self.scanning = True
        self.scanningChanged.emit(True)
        self.bridge.run(self._load, lambda _lib: self.libraryReady.emit(), self._failed)
        self.bridge.run(self._spawn, None, lambda err: self.indexerFailed.emit(err))

    def _load(self):
        lib = S.open_library(self.services)
        if lib is None:
            raise RuntimeError(self.services.library_error or "the library could not load")
        return lib

    def _failed(self, error: str) -> None:
        fault = self.services.library_fault
        if fault is not None:
            self.databaseFault.emit(*fault)
        self.libraryFailed.emit(error)

    def _spawn(self) -> None:
        from medialens.gui import indexer

        ctx = multiprocessing.get_context("spawn")
        cmd_parent, cmd_child = ctx.Pipe()
        ev_parent, ev_child = ctx.Pipe(duplex=False)
        process = ctx.Process(
            target=indexer.main,
            args=(self.services.dirs, cmd_child, ev_child),
            name="medialens-indexer",
            daemon=True,
        )
        process.start()
        cmd_child.close()
        ev_child.close()
        self.process, self._commands = process, cmd_parent
        threading.Thread(
            target=self._read, args=(ev_parent,), name="medialens-indexer-events", daemon=True
        ).start()

    def _read(self, events) -> None:
        """Indexer events → bridge (runs on its own thread; blocking reads release the GIL)."""
        while True:
            try:
                kind, *payload = events.recv()
            except (EOFError, OSError):
                if not self._stopping:
                    self.indexerFailed.emit(self.tr("The indexer stopped unexpectedly."))
                return
            if kind == "progress":
                self.bridge.on_progress(_progress(payload[0]))
            elif kind == "done":
                for file_id in payload[0]:
                    self.bridge.on_file_done(file_id)
            elif kind == "scanning":
                self.scanningChanged.emit(bool(payload[0]))
            elif kind == "error":
                self.indexerFailed.emit(str(payload[0]))
            elif kind == "fault":
                self.databaseFault.emit(*(str(p) for p in payload[:3]))
            elif kind == "fault-cleared":
                self.databaseFaultCleared.emit()

    # -- requests ----------------------------------------------------------------------------------

    def send(self, *command) -> None:
        with self._send_lock:
            if self._commands is None:
                return
            try:
                self._commands.send(command)
            except (BrokenPipeError, OSError):
                log.warning("indexer is gone; %s dropped", command[0])

    def rescan(self, then=None) -> None:
        """Rescan every folder and follow new ones."""
        self.scanning = True
        self.scanningChanged.emit(True)
        self.send("rescan")

    def restart_pipeline(self, then=None) -> None:
        self.send("restart")

    def replan(self) -> None:
        self.send("replan")

    def pause(self) -> None:
        self.send("pause")

    def resume(self) -> None:
        self.send("resume")

    def prioritize(self, file_ids: list[int]) -> None:
        self.send("prioritize", list(file_ids))

    def set_enabled(self, name: str, enabled: bool) -> None:
        self.send("set_enabled", name, enabled)

    def stop(self, timeout: float = 3.0) -> None:
        """Ask the indexer to stop (stored results stay), then make sure it is gone."""
        self._stopping = True
        self.send("stop")
        process = self.process
        if process is not None:
            process.join(timeout)
            if process.is_alive():
                process.terminate()
                process.join(1.0)
        self.process = None
