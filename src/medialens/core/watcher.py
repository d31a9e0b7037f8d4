"""Keeps the library live while the app runs: watchdog events in, extraction jobs out.

Events are coalesced: a path is examined once it has been closed by its writer
(inotify's close-after-write) or has been quiet for ``QUIET`` seconds, so a
file still being copied is never read half-written, and a storm of 10,000
events becomes a few batched scanner calls. Directory events trigger a rescan
of their library folder, which costs a stat per unchanged file. Where inotify
cannot see (network and FUSE mounts) a polling observer is used instead, and a
periodic full rescan catches anything both missed.

The roots themselves are watched too: an observer on a folder sees what happens inside
it, not the folder being renamed away or its disk unplugged (inotify follows the renamed
inode). So every ``ROOT_EVERY`` seconds each root is stat'ed (one call a folder): when it
vanished or is another folder now, its observer stops and the folder is rescanned (its
files marked unavailable, their history kept); when it comes back, a new observer starts
and the rescan finds its files again. Folders added while watching are picked up the same
way.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
    FileSystemMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from medialens.core.library import Library
from medialens.core.pipeline import Pipeline
from medialens.core.scanner import fs_bytes
from medialens.store import DatabaseError, DiskFull

log = logging.getLogger(__name__)

QUIET = 1.0  # seconds without events before an unclosed file is read
TICK = 0.2
RESCAN_EVERY = 300.0
POLL_EVERY = 5.0
#: A full disk is waited out: every SPACE_EVERY seconds the free space beside the database
#: is measured, and work resumes once RESUME_FREE bytes are free.
SPACE_EVERY = 2.0
RESUME_FREE = 16 * 1024 * 1024
ROOT_EVERY = 1.0  # seconds between checks that each root is still the folder watched
_REMOTE_FS = ("nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "sshfs", "9p", "afs", "davfs", "fuse")


def needs_polling(path: str) -> bool:
    """True when inotify cannot see changes under ``path`` (network or FUSE mount)."""
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
            mounts = [line.split()[1:3] for line in fh if len(line.split()) > 2]
    except OSError:
        return False
    real = os.path.realpath(path)
    best, fstype = "", ""
    for mount_point, kind in mounts:
        mount_point = mount_point.replace("\\040", " ")
        inside = real == mount_point or real.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, kind
    return fstype.startswith(_REMOTE_FS)


def _identity(root: bytes) -> tuple[int, int] | None:
    """Which folder is at ``root`` now (device and inode), None when none can be read."""
    try:
        st = os.stat(root)
    except OSError:
        return None
    if not os.path.isdir(root) or not os.access(root, os.R_OK | os.X_OK):
        return None
    return (st.st_dev, st.st_ino)


class _Collector(FileSystemEventHandler):
    def __init__(self, watcher: LibraryWatcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # our own reads (hashing, probing) must not wake us up
        w = self.watcher
        now = time.monotonic()
        with w._lock:
            if isinstance(event, DirCreatedEvent | DirDeletedEvent | DirMovedEvent):
                w._dirty_dirs.add(os.fsencode(event.src_path))
                return
            paths = [event.src_path]
            if isinstance(event, FileSystemMovedEvent):
                paths.append(event.dest_path)
            for p in paths:
                key = fs_bytes(p)
                w._pending[key] = (now, isinstance(event, FileClosedEvent))


class LibraryWatcher:
    """Runs the pipeline and follows the folders until ``stop()``."""

    def __init__(
        self,
        library: Library,
        workers: int | None = None,
        pipeline: Pipeline | None = None,
        poll_interval: float | None = None,
        notify: Callable[[str], None] | None = None,
    ):
        """``poll_interval`` forces polling (seconds) on every folder; by default only
        folders on network or FUSE mounts are polled, every ``POLL_EVERY`` seconds.

        ``notify`` is told, in one sentence, when a full disk pauses the work and when it
        resumes. A fault that stops all writing (the database damaged, deleted or replaced)
        stops the watcher; it is then in ``fatal``."""
        self.library = library
        self.notify = notify or log.warning
        self.fatal: DatabaseError | None = None
        self._full_since: float | None = None
        self._space_checked = 0.0
        self.poll_interval = poll_interval
        self.pipeline = pipeline or library.pipeline(workers)
        self._lock = threading.Lock()
        self._pending: dict[bytes, tuple[float, bool]] = {}
        self._dirty_dirs: set[bytes] = set()
        self._stop = threading.Event()
        self._observers: dict[bytes, BaseObserver] = {}
        self._roots: dict[bytes, tuple[int, int] | None] = {}  # root -> (st_dev, st_ino)
        self._thread: threading.Thread | None = None
        self._looking = True  # until the first scan has stored what it found
        self.last_batch: list[bytes] = []

    @property
    def looking(self) -> bool:
        """Files are being found or probed: the first scan runs, or changes wait their turn."""
        with self._lock:
            return self._looking or bool(self._pending) or bool(self._dirty_dirs)

    def start(self) -> None:
        """Initial scan, extraction on the pool, observers on every folder; returns at once."""
        self._observers, self._roots = {}, {}
        self._handler = _Collector(self)
        for _folder_id, root in self.library.store.folders.roots():
            identity = _identity(root)
            self._roots[root] = identity
            if identity is not None:
                self._observe(root)
        self._thread = threading.Thread(target=self._loop, name="medialens-watch", daemon=True)
        self._thread.start()

    def run_forever(self) -> None:
        self.start()
        try:
            while not self._stop.wait(0.5):
                pass
        finally:
            self.stop()

    def _observe(self, root: bytes) -> None:
        """Start an observer on one root (inotify, else polling)."""
        path = os.fsdecode(root)
        observer: BaseObserver
        if self.poll_interval is not None or needs_polling(path):
            observer = PollingObserver(timeout=self.poll_interval or POLL_EVERY)
        else:
            observer = Observer()
        try:
            observer.schedule(self._handler, path, recursive=True)
            observer.start()
        except OSError as exc:  # e.g. inotify watch limit reached: poll instead
            log.warning("cannot watch %s with inotify (%s); polling instead", path, exc)
            observer = PollingObserver(timeout=self.poll_interval or POLL_EVERY)
            try:
                observer.schedule(self._handler, path, recursive=True)
                observer.start()
            except OSError as again:  # gone between the stat and now: the next check sees it
                log.warning("cannot watch %s (%s)", path, again)
                return
        with self._lock:
            self._observers[root] = observer

    def _unobserve(self, root: bytes) -> None:
        with self._lock:
            observer = self._observers.pop(root, None)
        if observer is not None:
            observer.stop()
            observer.join(timeout=5)

    def _check_roots(self) -> None:
        """Rescan each root that vanished, came back or is another folder now."""
        changed = []
        for folder_id, root in self.library.store.folders.roots():
            identity = _identity(root)
            if root in self._roots and self._roots[root] == identity:
                continue
            known = root in self._roots
            self._roots[root] = identity
            self._unobserve(root)
            if identity is not None:
                self._observe(root)
            if known or identity is not None:
                log.info("library folder %s %s", root, "is back" if identity else "is gone")
                changed.append(folder_id)
        if changed:
            self._rescan(changed)

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            observers, self._observers = list(self._observers.values()), {}
        for observer in observers:
            observer.stop()
        for observer in observers:
            observer.join(timeout=5)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=30)
        self.pipeline.stop()

    def _loop(self) -> None:
        started = False
        next_rescan = time.monotonic() + RESCAN_EVERY
        next_roots = time.monotonic() + ROOT_EVERY
        while not self._stop.is_set():
            try:
                self.library.store.check()  # deleted or replaced: stop before writing more
                if not started:
                    started = True
                    self._begin()
                elif self._full_since is not None or isinstance(
                    self.pipeline.scheduler.fault, DiskFull
                ):
                    self._wait_for_space()
                else:
                    if time.monotonic() >= next_roots:
                        next_roots = time.monotonic() + ROOT_EVERY
                        self._check_roots()
                    self._drain()
                    if time.monotonic() >= next_rescan:
                        next_rescan = time.monotonic() + RESCAN_EVERY
                        self._rescan()
            except DiskFull as exc:
                self._pause_for_space(exc)
            except DatabaseError as exc:
                self.fatal = exc
                self._stop.set()
                return
            except Exception:  # the watcher must outlive any single bad event
                log.exception("watcher step failed")
            self._stop.wait(TICK)

    def _begin(self) -> None:
        try:
            self.library.scan()
            self.pipeline.start()  # first: the workers begin on the first jobs planned
            self.pipeline.plan()
        finally:
            with self._lock:
                self._looking = False
        # beside the workers and the events, not before them: the recount reads a snapshot
        # (18-26 s at a million files) and only takes the writer when there is a drift
        threading.Thread(target=self._recount, name="medialens-recount", daemon=True).start()

    def _recount(self) -> None:
        try:
            if self.library.check_counts():
                # planning skipped the extractors the drifted counters said were done:
                # plan again on the mended ones (files queued already stay queued once)
                self.pipeline.plan()
        except Exception:  # a closed or faulty store: the next session recounts
            log.debug("recounting the work counters failed", exc_info=True)

    def _pause_for_space(self, fault: DatabaseError) -> None:
        if self._full_since is None:
            self._full_since = time.monotonic()
            self.notify(f"{fault} (paused until then: watching resumes it by itself)")
        self.pipeline.stop()

    def _wait_for_space(self) -> None:
        """Paused by a full disk: resume, re-scanning what was missed, once there is room."""
        if self._full_since is None:
            fault = self.pipeline.scheduler.fault
            self._pause_for_space(fault if fault is not None else DiskFull(self.library.store.path))
            return
        now = time.monotonic()
        if now - self._space_checked < SPACE_EVERY:
            return
        self._space_checked = now
        if shutil.disk_usage(self.library.store.path.parent).free < RESUME_FREE:
            return
        self._full_since = None
        self.notify("there is space again: indexing resumes")
        self._rescan()
        self.pipeline.start()
        self.pipeline.plan()

    def _rescan(self, folder_ids: list[int] | None = None) -> None:
        report = self.library.scanner.scan(folder_ids)
        if report.changed_ids:
            self.pipeline.enqueue(report.changed_ids)

    def _drain(self) -> None:
        now = time.monotonic()
        with self._lock:
            ready = [p for p, (t, closed) in self._pending.items() if closed or now - t >= QUIET]
            for p in ready:
                del self._pending[p]
            dirs, self._dirty_dirs = self._dirty_dirs, set()
            self._looking = bool(ready or dirs)
        try:
            self._examine(dirs, ready)
        finally:
            with self._lock:
                self._looking = False

    def _examine(self, dirs: set[bytes], ready: list[bytes]) -> None:
        if dirs:
            ids = [
                folder_id
                for folder_id, root in self.library.store.folders.roots()
                if any(d == root or d.startswith(root.rstrip(b"/") + b"/") for d in dirs)
            ]
            self._rescan(ids)
        if ready:
            self.last_batch = ready
            report = self.library.scanner.update_paths(ready)
            if report.changed_ids:
                self.pipeline.enqueue(report.changed_ids)  # one batch, however big the storm
