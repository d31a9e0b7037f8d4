"""The app's state and commands, apart from any widget.

One :class:`Session` per window holds what every page shares: the library
rows, the feedback, the folders, the indexing progress, the current search,
and the handles on the core (services, the bridge, the indexing engine, the
thumbnail cache). Pages receive it, read its state, call its commands and
listen to its change signals; none of them reaches into the window, which
only lays pages out, navigates between them and wires signals to slots.

The views page through the store (a million files are never all in memory); a
poll of a cheap fingerprint (every second while files are found and analysed,
every five when all is quiet) notices new files and new history, re-reads the
counts on a worker and tells the views, so the library fills up live.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from medialens.core.catalog import LibraryRow
from medialens.core.faults import DatabaseError
from medialens.gui import services as S
from medialens.gui.bridge import Bridge
from medialens.gui.delegates import ThumbnailCache
from medialens.gui.engine import Engine

Callback = Callable[[Any], None] | None
SWITCH_INTERVAL = float(os.environ.get("MEDIALENS_SWITCH_INTERVAL", "0.001"))  # seconds

log = logging.getLogger(__name__)


class Session(QObject):
    """What the app knows and can do, with a signal for every change the views show."""

    rowsChanged = Signal(bool)  # the rows were (re)loaded; True the first time
    libraryChanged = Signal()  # the store's files or history changed: views read them again
    feedbackChanged = Signal(int, str)  # file id, "like" / "dislike" / "not_interested"
    foldersChanged = Signal(list, bool)  # the folders, and whether it is the first load
    foldersUnavailable = Signal(str)  # no Library to ask (its plugins failed to load)
    historyChanged = Signal()  # something was played or rated: suggestions may change
    searchFinished = Signal(str, list)  # the query and its hits: (file id, why)
    playRequested = Signal(int)  # a file id to play
    queueRequested = Signal(str, int)  # "similar" / "next" / "append", and a file id
    progressChanged = Signal(object)  # medialens.core.scheduler.Progress
    scanningChanged = Signal(bool)
    filesDone = Signal(list)  # file ids whose analysis finished
    failuresChanged = Signal(int)  # how many files failed somewhere
    libraryReady = Signal()
    libraryFailed = Signal(str)  # why the Library (or the indexer) is unavailable
    databaseFault = Signal(str, str, str)  # (kind, path, sentence): see Engine.databaseFault
    databaseFaultCleared = Signal()
    languageChanged = Signal(str)
    themeChanged = Signal(str)
    messageRequested = Signal(str, int)  # a status message and how long to show it (ms)

    def __init__(self, services: S.Services, translations=None, parent=None) -> None:
        super().__init__(parent)
        if translations is None:
            from PySide6.QtWidgets import QApplication

            from medialens.gui.look import Translations

            translations = Translations(QApplication.instance())
        self.services = services
        self.translations = translations
        # Every Qt call lets go of the GIL; a worker busy in Python (rows read, plugins
        # imported) then keeps it up to the switch interval each time, and a card painted
        # with a hundred Qt calls waited 5 ms on many of them: take it back sooner.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        self.bridge = Bridge(self)
        self.engine = Engine(services, self.bridge, self)
        self.thumbs = ThumbnailCache(services.dirs, self)
        # rows by id, read from the store as views ask (bounded; cleared when files change)
        self._rows: OrderedDict[int, LibraryRow | None] = OrderedDict()
        self._all_rows: list[LibraryRow] | None = None
        #: files by sidebar entry (see Catalog.counts), read with the fingerprint
        self.counts: dict[str, Any] = {}
        self.birth: float | None = None
        self.record_history = True  # False: playback here is not the user's history
        self.feedback: dict[str, str] = {}  # by content id
        self.folders: list[dict] | None = None  # None until first loaded
        self.rows_loaded = False
        self.query = ""  # the search shown, or ""
        self.progress = None  # medialens.core.scheduler.Progress, once reported
        self.scanning = False
        self.failures = 0
        self._signature = None
        self._checking = False  # a signature poll is in flight: the next one waits for it
        self._loading_rows = False
        self._reload_rows = False  # asked again while loading: load once more after
        self._after_rows: list[Callable[[], None]] = []
        self._search_generation = 0

        self._poll = QTimer(self, interval=1000)
        self._poll.timeout.connect(self.check_signature)
        self._history_timer = QTimer(self, singleShot=True, interval=400)
        self._history_timer.timeout.connect(self._reload_after_history)
        self._failures_timer = QTimer(self, singleShot=True, interval=2000)
        self._failures_timer.timeout.connect(self._count_failures)

        self.engine.libraryReady.connect(self.libraryReady)
        self.engine.libraryFailed.connect(self.libraryFailed)
        self.engine.indexerFailed.connect(self.libraryFailed)
        self.engine.databaseFault.connect(self.databaseFault)
        self.engine.databaseFaultCleared.connect(self.databaseFaultCleared)
        self.engine.scanningChanged.connect(self._scanning_changed)
        self.bridge.progress.connect(self._progress)
        self.bridge.filesDone.connect(self._files_done)

    # -- life ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Load rows and folders, then the plugins and the indexer, off the GUI thread."""
        self.load_rows()
        self.load_folders()
        self._count_failures()  # from the store: the badge survives a restart
        self.engine.start()
        self._poll.start()

    def close(self) -> None:
        self._poll.stop()
        self.engine.stop()
        self.thumbs.close()
        self.bridge.close()

    def run_core(self, func, then: Callback = None, error: Callback = None) -> None:
        """Run ``func(library)`` on the core thread once the Library is open (see Bridge)."""
        self.bridge.run_core(self.services.library_ready, func, then, error)

    @property
    def busy(self) -> bool:
        """Files are being found or analysed."""
        p = self.progress
        return bool(self.scanning or (p is not None and p.total and p.done < p.total))

    # -- rows ----------------------------------------------------------------------------------

    ROWS_KEPT = 8192
    ALL_ROWS_AT_ONCE = 50_000  # all_rows reads every row up to this many files, else none

    def row(self, file_id: int) -> LibraryRow | None:
        """One file's row: kept from before, or read now by primary key (a fraction of a ms)."""
        return self.rows_of([file_id]).get(file_id)

    def rows_of(self, file_ids) -> dict[int, LibraryRow]:
        """The rows of these files (those still media), by id: what is not kept yet is read
        in one primary-key query. For the few rows a page shows, never for every file."""
        ids = [int(i) for i in file_ids]
        missing = [i for i in ids if i not in self._rows]
        if missing:
            try:
                found = {r.id: r for r in self.services.catalog.rows_of(missing)}
            except DatabaseError:  # closed (the app is closing) or gone: nothing to show
                return {i: r for i in ids if (r := self._rows.get(i)) is not None}
            for i in missing:
                self._rows[i] = found.get(i)
            while len(self._rows) > self.ROWS_KEPT:
                self._rows.popitem(last=False)
        out = {}
        for i in ids:
            row = self._rows.get(i)
            if row is not None:
                out[i] = row
        return out

    @property
    def all_rows(self) -> list[LibraryRow]:
        """Every file's row, read now (and kept until the files change): O(files), for
        tests and tools. The app's views page through the store instead."""
        if self._all_rows is None:
            try:
                n = self.counts.get("all")
                if n is None:
                    n = self.services.store.views.media_count()
                if int(n) > self.ALL_ROWS_AT_ONCE:
                    # seconds of reading on the GUI thread: a caller that still wants every
                    # row (the activity page's path -> id map) gets none at this size
                    return []
                self._all_rows = self.services.catalog.rows()
            except DatabaseError:  # closed (the app is closing) or gone
                return []
        return self._all_rows

    def load_rows(self, then: Callable[[], None] | None = None) -> None:
        """Reload the rows on a worker; ``then()`` once rows read after this call are shown."""
        if then is not None:
            self._after_rows.append(then)
        if self._loading_rows:
            self._reload_rows = True  # what is loading may predate the change asked for
            return
        self._loading_rows = True
        self._reload_rows = False
        store, catalog = self.services.store, self.services.catalog
        # the paged views read the store themselves: they need not wait for every row
        self.libraryChanged.emit()

        def work():
            from medialens.core.events import EventLog

            return catalog.signature(), catalog.counts(), EventLog(store).feedback()

        self.bridge.run(work, self._rows_loaded, self._rows_failed)

    def _rows_failed(self, _err: str) -> None:
        self._loading_rows = False
        self._run_after_rows()

    def _run_after_rows(self) -> None:
        if self._reload_rows:
            self.load_rows()
            return
        after, self._after_rows = self._after_rows, []
        for then in after:
            then()

    def _rows_loaded(self, result) -> None:
        self._loading_rows = False
        if self._reload_rows:
            self.load_rows()  # a newer state was asked for: show that one
            return
        sig, counts, fb = result
        first = not self.rows_loaded
        self._signature = sig
        self._rows.clear()  # files or history changed: rows are read again as asked for
        self._all_rows = None
        self.counts = counts
        self.feedback = fb
        self.birth = counts.get("first_added")
        self.rows_loaded = True
        self.rowsChanged.emit(first)
        self._run_after_rows()

    def check_signature(self) -> None:
        """Reload rows and folders when the library's fingerprint changed."""
        catalog = self.services.catalog

        def done(sig) -> None:
            self._checking = False
            if sig != self._signature:
                self.load_rows()
                self.load_folders()

        def failed(_err: str) -> None:
            self._checking = False

        # one poll at a time: where a poll takes longer than the interval (a slow disk, a
        # huge library) they would pile up on the workers and starve the views' reads
        if not self._loading_rows and not self._checking:
            self._checking = True
            self.bridge.run(catalog.signature, done, failed)
        # poll often while files are found and analysed, rarely when all is quiet
        self._poll.setInterval(1000 if self.busy else 5000)

    # -- folders -------------------------------------------------------------------------------

    def load_folders(self, then: Callable[[], None] | None = None) -> None:
        def done(folders) -> None:
            first = self.folders is None
            self.folders = folders
            self.foldersChanged.emit(folders, first)
            if then is not None:
                then()

        def failed(err: str) -> None:  # no Library: say so, and let the rest start
            if self.folders is None:
                self.folders = []
                self.foldersUnavailable.emit(err)

        self.run_core(lambda lib: lib.folders(), done, failed)

    def add_folders(self, paths: list[str], then: Callback = None, error: Callback = None) -> None:
        """Add folders, reload the folder list, then ``then(added)``; look for their files."""

        def done(added) -> None:
            self.load_folders(lambda: then(added) if then is not None else None)
            self.engine.rescan()

        self.run_core(lambda lib: lib.add_folders(paths), done, error)

    def remove_folder(self, path: str, error: Callback = None) -> None:
        self.run_core(
            lambda lib: lib.remove_folder(path),
            lambda _x: (self.load_folders(), self.load_rows(), self.engine.rescan()),
            error,
        )

    def rescan(self) -> None:
        self.engine.rescan()

    def show_in_folder(self, file_id: int) -> None:
        row = self.row(file_id)
        if row is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(row.path)))

    # -- playing, feedback, history --------------------------------------------------------------

    def play(self, file_id: int) -> None:
        """Ask for a file to be played; the window decides the queue and shows the player."""
        self.playRequested.emit(file_id)

    def queue(self, how: str, file_id: int) -> None:
        """Ask the player to start a radio from a file ("similar"), or to play it next
        ("next") or after everything queued ("append"); the window holds the player."""
        self.queueRequested.emit(how, file_id)

    def give_feedback(self, file_id: int, kind: str) -> None:
        """Record a like, dislike or not-interested, then say so (``feedbackChanged``)."""
        row = self.row(file_id)
        if row is None:
            return
        cid = row.content_id

        def done(_ok) -> None:
            self.feedback[cid] = kind
            self.feedbackChanged.emit(file_id, kind)
            self.note_history_changed()

        def record(lib):
            return lib.events.record(file_id, kind)

        self.run_core(record, done)

    def note_history_changed(self) -> None:
        """History changed (a play, a rating, a reset): reload soon, once for a burst."""
        self._history_timer.start()

    def _reload_after_history(self) -> None:
        self.load_rows()
        self.historyChanged.emit()

    # -- search ---------------------------------------------------------------------------------

    def warm_search(self) -> None:
        """Load the search's model and indexes in the background before the first query; a
        failure here is the first query's to report (it would fail the same way)."""
        self.run_core(lambda lib: lib.warm_search(), None, lambda err: log.info("%s", err))

    def search(self, query: str) -> None:
        """Search the library; ``searchFinished`` delivers the hits unless a newer query came."""
        self.query = query
        self._search_generation += 1
        gen = self._search_generation

        def done(hits) -> None:
            if gen == self._search_generation:
                self.searchFinished.emit(query, hits)

        def words_only(message: str) -> None:
            """The text embedder (plugin code) failed: say so, and show the keyword matches."""
            if gen != self._search_generation:
                return
            self.show_message(
                self.tr("Searching by words only: {0}").format(message.splitlines()[0]), 10000
            )
            self.run_core(
                lambda lib: [
                    (fid, (why,)) for fid, why in lib.searcher().keyword(lib.index, query, 200)
                ],
                done,
                lambda _err: done([]),
            )

        self.run_core(
            lambda lib: [(h.file_id, tuple(h.why)) for h in lib.search(query, 200)],
            done,
            words_only,
        )

    def clear_search(self) -> None:
        self.query = ""
        self._search_generation += 1  # what is still on its way is dropped

    # -- indexing --------------------------------------------------------------------------------

    def _scanning_changed(self, on: bool) -> None:
        if on:
            self._set_scanning(True)
        else:  # over once the rows show what the scan found, never "no media" before
            self.load_rows(lambda: self._set_scanning(self.engine.scanning))

    def _set_scanning(self, on: bool) -> None:
        if on != self.scanning:
            self.scanning = on
            self.scanningChanged.emit(on)

    def _progress(self, progress) -> None:
        self.progress = progress
        self.progressChanged.emit(progress)

    def _files_done(self, ids: list[int]) -> None:
        catalog = self.services.catalog
        self.bridge.run(lambda: set(catalog.content_ids(ids).values()), self.thumbs.forget_missing)
        self.filesDone.emit(ids)
        if not self._failures_timer.isActive():
            self._failures_timer.start()

    def _count_failures(self) -> None:
        self.bridge.run(self.services.catalog.failed_files, self._failures_counted)

    def _failures_counted(self, n: int) -> None:
        self.failures = n
        self.failuresChanged.emit(n)

    # -- settings --------------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Switch language now (every widget retranslates on LanguageChange) and keep it."""
        self.translations.set(code)
        store = self.services.store
        self.bridge.run(lambda: store.set_setting("language", code))
        self.languageChanged.emit(code)

    def set_theme(self, theme: str) -> None:
        from PySide6.QtWidgets import QApplication

        from medialens.gui.look import apply_theme

        apply_theme(QApplication.instance(), theme)
        store = self.services.store
        self.bridge.run(lambda: store.set_setting("theme", theme))
        self.themeChanged.emit(theme)

    def window_state(self) -> dict:
        """The window's size, position, page and splitter sizes when it last closed
        (kept in the library's settings, so they travel with the data folder)."""
        state = self.services.store.setting("window", {})
        return state if isinstance(state, dict) else {}

    def save_window_state(self, state: dict) -> None:
        """Keep the window's state now: called as the window closes, when the bridge
        is about to stop, so it is written here and at once (one small row)."""
        self.services.store.set_setting("window", state)

    def show_message(self, text: str, timeout_ms: int = 4000) -> None:
        self.messageRequested.emit(text, timeout_ms)


__all__ = ["Session"]
