"""The indexer process: the pipeline and the watcher, away from the GUI's interpreter.

Extraction is Python-heavy (librosa, numba, onnxruntime, PyAV): in the GUI's
own process its threads hold the GIL for hundreds of milliseconds at a time
and the window stutters however little the GUI thread does. So the app runs
them in a child process (spawned, never forked: Qt and forks do not mix)
that talks over two pipes: commands in, events out. It imports no Qt.

Events: ``("progress", dict)`` at most ten times a second, ``("done", [ids])``,
``("scanning", bool)``, ``("error", text)``, ``("fault", kind, path, sentence)`` when the
database cannot be written (a full disk pauses the work: ``("fault-cleared",)`` follows
when there is space again and it resumes; a damaged, deleted or replaced database stops
it for good). Commands: ``pause``, ``resume``,
``prioritize``, ``replan``, ``rescan``, ``restart``, ``set_enabled``, ``stop``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading

log = logging.getLogger(__name__)

FLUSH_EVERY = 0.1


class _Indexer:
    def __init__(self, dirs, events) -> None:
        from medialens.core.library import Library

        self.events = events
        self.lib = Library(dirs)
        self.lock = threading.Lock()
        self.latest = None
        self.done: list[int] = []
        self.pipeline = None
        self.watcher = None
        self.scanning = False
        self.full = False  # paused by a full disk, waiting for space
        self.fatal_sent = False

    def _send_fault(self, fault) -> None:
        from medialens.gui.services import fault_event

        event = fault_event(fault, self.lib.store.path)
        if event is not None:
            self.events.send(("fault", *event))

    def on_notice(self, _text: str) -> None:
        """The watcher's word on a full disk (watcher thread). It says so exactly twice per
        episode, in turn: when the work pauses, then when there is space and it resumes."""
        from medialens.core.faults import DiskFull

        self.full = not self.full
        if self.full:
            fault = self.pipeline.scheduler.fault if self.pipeline is not None else None
            if not isinstance(fault, DiskFull):
                fault = self.lib.store.fault
            self._send_fault(
                fault if isinstance(fault, DiskFull) else DiskFull(self.lib.store.path)
            )
        else:
            self.events.send(("fault-cleared",))

    # pipeline callbacks (worker threads)
    def on_progress(self, progress) -> None:
        with self.lock:
            self.latest = progress

    def on_file_done(self, file_id: int) -> None:
        with self.lock:
            self.done.append(file_id)

    def flush(self) -> None:
        with self.lock:
            latest, self.latest = self.latest, None
            done, self.done = self.done, []
        # "scanning" until the watcher has stored what its scan found and queued it, and
        # while changed files wait to be probed: a running pipeline does not mean that
        looking = self.watcher is not None and self.watcher.looking
        if looking != self.scanning:
            self.scanning = looking
            if not looking and self.pipeline is not None:
                latest = latest or self.pipeline.progress()
            self.events.send(("scanning", looking))
        if latest is not None:
            self.events.send(("progress", latest.as_json()))
        if done:
            self.events.send(("done", done))
        fatal = self.watcher.fatal if self.watcher is not None else None
        if fatal is not None and not self.fatal_sent:
            self.fatal_sent = True  # damaged, deleted or replaced: said once, work stopped
            self._send_fault(fatal)

    def start(self, new_pipeline: bool = False) -> None:
        from medialens.core.watcher import LibraryWatcher

        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if new_pipeline or self.pipeline is None:
            workers = int(self.lib.store.setting("workers", 0) or 0) or None
            self.pipeline = self.lib.pipeline(
                workers, on_progress=self.on_progress, on_file_done=self.on_file_done
            )
        self.scanning = True
        self.events.send(("scanning", True))
        if self.full:  # the old watcher waited for space: the new one finds out afresh
            self.full = False
            self.events.send(("fault-cleared",))
        self.watcher = LibraryWatcher(self.lib, pipeline=self.pipeline, notify=self.on_notice)
        self.watcher.start()

    def handle(self, command: tuple) -> bool:
        name, *args = command
        p = self.pipeline
        if name == "stop":
            return False
        if name == "pause" and p is not None:
            p.pause()
        elif name == "resume" and p is not None:
            p.resume()
        elif name == "prioritize" and p is not None:
            p.prioritize(list(args[0]))
        elif name == "replan" and p is not None:
            p.plan()
        elif name == "rescan":
            self.start()
        elif name == "restart":
            if self.watcher is not None:
                self.watcher.stop()
                self.watcher = None
            self.start(new_pipeline=True)
        elif name == "set_enabled":
            record = self.lib.host.set_enabled(args[0], bool(args[1]))
            if record.status == "active" and p is not None:
                p.plan()
        return True

    def stop(self) -> None:
        if self.pipeline is not None:
            self.pipeline.cancel()
        if self.watcher is not None:
            self.watcher.stop()
        self.flush()
        self.lib.close()


def main(dirs, commands, events) -> None:
    """Entry point of the child process (``multiprocessing`` spawn target)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the GUI's to handle
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)  # background work: the window gets the CPU first
    logging.basicConfig(level=logging.WARNING, format="medialens indexer: %(message)s")
    parent = os.getppid()
    try:
        indexer = _Indexer(dirs, events)
        indexer.start()
    except Exception as exc:
        from medialens.gui.services import fault_event

        fault = fault_event(exc, dirs.database)
        events.send(("fault", *fault) if fault else ("error", f"{type(exc).__name__}: {exc}"))
        return
    try:
        while True:
            if commands.poll(FLUSH_EVERY):
                try:
                    command = commands.recv()
                except EOFError:
                    break
                try:
                    if not indexer.handle(command):
                        break
                except Exception as exc:  # one bad request must not stop indexing
                    from medialens.gui.services import fault_event

                    fault = fault_event(exc, dirs.database)
                    if fault is not None:
                        events.send(("fault", *fault))
                    else:
                        log.exception("command %r failed", command)
                        events.send(("error", f"{command[0]}: {exc}"))
            indexer.flush()
            if os.getppid() != parent:
                break  # the app is gone
    except (BrokenPipeError, EOFError):
        pass
    finally:
        with contextlib.suppress(Exception):
            indexer.stop()
