"""The main window: sidebar, search, pages, status bar; it owns the shared state.

Rows are loaded in one query on a worker thread and shared by every page;
a one-second poll of a cheap fingerprint notices new files (the library
fills up live while a folder is scanned) and new history.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medialens.core.catalog import LibraryRow
from medialens.gui import services as S
from medialens.gui.bridge import Bridge
from medialens.gui.delegates import ThumbnailCache
from medialens.gui.engine import Engine
from medialens.gui.foryou import ForYouPage
from medialens.gui.library_page import LibraryPage
from medialens.gui.pages import ActivityPage, FoldersPage, PluginsPage, SettingsPage, WelcomePage

NAV = ("foryou", "all", "video", "music", "folders", "plugins", "activity", "settings")


class StatusWidget(QWidget):
    """Indexing progress in the status bar: done/total, ETA, current file, pause, failures."""

    pauseToggled = Signal(bool)
    failuresClicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 0, 6, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.pause = QToolButton(checkable=True)
        self.pause.setAutoRaise(True)
        self.pause.toggled.connect(self.pauseToggled)
        self.failures = QToolButton()
        self.failures.setAutoRaise(True)
        self.failures.clicked.connect(self.failuresClicked)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.bar)
        lay.addWidget(self.pause)
        lay.addWidget(self.failures)
        self.progress = None
        self.scanning = False
        self.found = 0
        self.nfailures = 0
        self.error: str | None = None
        self.update_text()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_text()
        super().changeEvent(event)

    def text(self) -> str:
        return self.label.text()

    def update_text(self) -> None:
        p = self.progress
        self.pause.setText(self.tr("Resume") if self.pause.isChecked() else self.tr("Pause"))
        self.pause.setToolTip(self.tr("Pause or resume the analysis of your files"))
        self.failures.setText(self.tr("⚠ {0} failed").format(self.nfailures))
        self.failures.setVisible(self.nfailures > 0)
        busy = p is not None and p.total and p.done < p.total
        self.bar.setVisible(bool(busy) or self.scanning)
        self.pause.setVisible(bool(busy))
        if self.error:
            self.label.setText(self.tr("Analysis is unavailable: {0}").format(self.error))
            return
        if self.scanning and not busy:
            self.bar.setRange(0, 0)
            self.label.setText(
                self.tr("Looking for media… {0} files found").format(f"{self.found:,}")
            )
            return
        if busy:
            self.bar.setRange(0, p.total)
            self.bar.setValue(p.done)
            parts = [self.tr("Analysing {0} of {1}").format(f"{p.done:,}", f"{p.total:,}")]
            if p.paused:
                parts.append(self.tr("paused"))
            elif p.eta_seconds:
                mins = int(p.eta_seconds // 60)
                parts.append(
                    self.tr("about {0} min left").format(mins)
                    if mins
                    else self.tr("less than a minute left")
                )
            if p.current and not p.paused:
                parts.append(p.current[0])
            self.label.setText("  ·  ".join(parts))
            return
        self.label.setText(self.tr("Library up to date  ·  {0} files").format(f"{self.found:,}"))


def make_player(app) -> QWidget:
    """The player page; without QtMultimedia (a missing system library) a page that says so."""
    try:
        from medialens.gui.player import PlayerPage
    except ImportError as exc:
        from medialens.gui.player_missing import MissingPlayer

        return MissingPlayer(str(exc))
    return PlayerPage(app)


class MainWindow(QMainWindow):
    ready = Signal()  # rows and For you loaded at least once

    def __init__(self, services: S.Services, translations=None, parent=None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QApplication

        from medialens.gui.look import Translations

        self.services = services
        self.translations = translations or Translations(QApplication.instance())
        self.bridge = Bridge(self)
        self.engine = Engine(services, self.bridge, self)
        self.thumbs = ThumbnailCache(services.dirs, self)
        self.all_rows: list[LibraryRow] = []
        self.birth: float | None = None
        self.record_history = True
        self.feedback: dict[str, str] = {}
        self.folders: list[dict] | None = None
        self.rows_loaded = False
        self._signature = None
        self._loading_rows = False
        self._is_ready = False
        self.page_before_player = "foryou"
        self.page_before_search = "foryou"
        self.setMinimumSize(QSize(900, 600))

        central = QWidget()
        self.setCentralWidget(central)
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        # sidebar
        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(210)
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setSpacing(1)
        self.sidebar.setBackgroundRole(self.sidebar.backgroundRole().Window)
        self.sidebar.setAutoFillBackground(True)
        self.sidebar.setStyleSheet(
            "QListWidget { background: palette(window); padding: 8px 6px; }"
            "QListWidget::item { padding: 7px 10px; border-radius: 6px; }"
            "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
        )
        self.nav_items: dict[str, QListWidgetItem] = {}
        self.section_items: list[QListWidgetItem] = []
        self._build_sidebar()
        self.sidebar.currentItemChanged.connect(self._nav_changed)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.setSpacing(0)
        brand = QWidget()
        bl = QHBoxLayout(brand)
        bl.setContentsMargins(16, 14, 8, 8)
        bl.setSpacing(8)
        logo = QLabel()
        icon = self.windowIcon() if not self.windowIcon().isNull() else None
        if icon is None:
            from PySide6.QtGui import QIcon

            from medialens.gui.app import ICON

            icon = QIcon(str(ICON))
        logo.setPixmap(icon.pixmap(28, 28))
        name = QLabel("Medialens")
        bf = name.font()
        bf.setPointSizeF(bf.pointSizeF() * 1.35)
        bf.setWeight(QFont.Weight.Bold)
        name.setFont(bf)
        bl.addWidget(logo)
        bl.addWidget(name, 1)
        sl.addWidget(brand)
        sl.addWidget(self.sidebar, 1)
        self.side = side
        root.addWidget(side)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setStyleSheet("color: palette(mid);")
        root.addWidget(line)
        self.side_line = line

        # content
        content = QWidget()
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(16, 10, 16, 4)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self.search.setMaximumWidth(620)
        self.search.setMinimumHeight(self.fontMetrics().height() + 14)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_now)
        top.addStretch(1)
        top.addWidget(self.search, 4)
        top.addStretch(1)
        self.topbar = QWidget()
        self.topbar.setLayout(top)
        cl.addWidget(self.topbar)
        self.stack = QStackedWidget()
        self.stack.currentChanged.connect(self._page_shown)
        cl.addWidget(self.stack, 1)
        root.addWidget(content, 1)

        self.pages: dict[str, QWidget] = {}
        self.foryou = ForYouPage(self, self.thumbs)
        self.library = LibraryPage(self, self.thumbs)
        self.results = LibraryPage(self, self.thumbs, search=True)
        self.folders_page = FoldersPage(self)
        self.plugins_page = PluginsPage(self)
        self.activity_page = ActivityPage(self)
        self.settings_page = SettingsPage(self)
        self.welcome = WelcomePage(self)
        self.player = make_player(self)
        for key, page in (
            ("foryou", self.foryou),
            ("library", self.library),
            ("search", self.results),
            ("folders", self.folders_page),
            ("plugins", self.plugins_page),
            ("activity", self.activity_page),
            ("settings", self.settings_page),
            ("welcome", self.welcome),
            ("player", self.player),
        ):
            self.pages[key] = page
            self.stack.addWidget(page)

        # wiring
        for page in (self.foryou, self.library, self.results):
            page.playRequested.connect(self.play)
            page.feedbackRequested.connect(self.give_feedback)
        self.foryou.selectRequested.connect(self.reveal)
        for page in (self.foryou, self.library):
            page.emptyAction.connect(self.add_folder_dialog)
        self.welcome.foldersChosen.connect(self.add_folders)
        self.folders_page.addRequested.connect(self.add_folder_dialog)
        self.folders_page.removeRequested.connect(self.remove_folder)
        self.folders_page.openRequested.connect(self._open_folder)
        self.activity_page.openFile.connect(self.reveal)
        self.settings_page.foldersRequested.connect(lambda: self.go("folders"))
        self.settings_page.historyForgotten.connect(self._history_changed)
        self.settings_page.languageChanged.connect(self.set_language)
        self.settings_page.themeChanged.connect(self.set_theme)
        self.player.closed.connect(lambda: self.go(self.page_before_player))
        self.player.fullscreenRequested.connect(self._fullscreen)
        self.player.historyChanged.connect(lambda _fid: self._history_changed())
        self.engine.libraryReady.connect(self._library_ready)
        self.engine.libraryFailed.connect(self._library_failed)
        self.engine.scanningChanged.connect(self._scanning_changed)
        self.engine.indexerFailed.connect(self._library_failed)
        self.bridge.progress.connect(self._progress)
        self.bridge.filesDone.connect(self._files_done)
        self.thumbs.ready.connect(self._thumbs_ready)

        self.status = StatusWidget()
        self.statusBar().addPermanentWidget(self.status, 1)
        self.statusBar().setSizeGripEnabled(False)
        self.status.pauseToggled.connect(
            lambda on: self.engine.pause() if on else self.engine.resume()
        )
        self.status.failuresClicked.connect(lambda: self.go("activity"))

        self._poll = QTimer(self, interval=1000)
        self._poll.timeout.connect(self._check_signature)
        self._history_timer = QTimer(self, singleShot=True, interval=400)
        self._history_timer.timeout.connect(self._reload_after_history)
        self._thumb_timer = QTimer(self, singleShot=True, interval=40)
        self._thumb_timer.timeout.connect(self._repaint_views)
        self._search_timer = QTimer(self, singleShot=True, interval=220)
        self._search_timer.timeout.connect(self._search_now)
        self._search_generation = 0
        self._failures_timer = QTimer(self, singleShot=True, interval=2000)
        self._failures_timer.timeout.connect(self._count_failures)
        self._pending_play: int | None = None

        self._actions()
        self.retranslate()
        self.go("foryou")

    # -- setup ---------------------------------------------------------------------------------

    def _build_sidebar(self) -> None:
        def section() -> None:
            item = QListWidgetItem()
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            f = item.font()
            f.setPointSizeF(f.pointSizeF() * 0.85)
            f.setBold(True)
            item.setFont(f)
            self.sidebar.addItem(item)
            self.section_items.append(item)

        def nav(key: str) -> None:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
            self.nav_items[key] = item

        section()
        nav("foryou")
        section()
        for key in ("all", "video", "music"):
            nav(key)
        section()
        for key in ("folders", "plugins", "activity", "settings"):
            nav(key)

    def _actions(self) -> None:
        find = QAction(self)
        find.setShortcuts([QKeySequence.StandardKey.Find, QKeySequence(Qt.Key.Key_Slash)])
        find.triggered.connect(self._focus_search)
        self.addAction(find)
        for i, key in enumerate(("foryou", "all", "video", "music"), start=1):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i}"))
            act.triggered.connect(lambda _=False, k=key: self.go(k))
            self.addAction(act)
        prefs = QAction(self)
        prefs.setShortcut(QKeySequence.StandardKey.Preferences)
        prefs.triggered.connect(lambda: self.go("settings"))
        self.addAction(prefs)
        quit_ = QAction(self)
        quit_.setShortcut(QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)
        self.addAction(quit_)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Medialens"))
        sections = [self.tr("DISCOVER"), self.tr("LIBRARY"), self.tr("MANAGE")]
        for item, text in zip(self.section_items, sections, strict=True):
            item.setText(text)
        names = {
            "foryou": self.tr("✦  For you"),
            "all": self.tr("▦  All"),
            "video": self.tr("▶  Video"),
            "music": self.tr("♪  Music"),
            "folders": self.tr("▤  Folders"),
            "plugins": self.tr("◈  Plugins"),
            "activity": self.tr("◔  Activity"),
            "settings": self.tr("⚙  Settings"),
        }
        for key, item in self.nav_items.items():
            item.setText(names[key])
        self.search.setPlaceholderText(
            self.tr("Search titles, artists, tags, what is said…  (Ctrl+F)")
        )
        self._update_library_texts()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- start-up ------------------------------------------------------------------------------

    def start(self) -> None:
        """Called once the window is shown: load rows, then the plugins, off the GUI thread."""
        self._load_rows()
        self._load_folders()
        self.engine.start()
        self._poll.start()

    def run_core(self, func, then=None, error=None) -> None:
        """Run ``func(library)`` on the core thread once the Library is open (see Bridge)."""
        self.bridge.run_core(self.services.library_ready, func, then, error)

    def _load_rows(self) -> None:
        if self._loading_rows:
            return
        self._loading_rows = True
        store, catalog = self.services.store, self.services.catalog

        def work():
            from medialens.core import history

            return catalog.signature(), catalog.rows(), history.feedback(store)

        self.bridge.run(work, self._rows_loaded, lambda err: setattr(self, "_loading_rows", False))

    def _rows_loaded(self, result) -> None:
        self._loading_rows = False
        sig, rows, fb = result
        first = not self.rows_loaded
        self._signature = sig
        self.all_rows = rows
        self.feedback = fb
        self.birth = S.library_birth(rows)
        self.library.model.birth = self.results.model.birth = self.birth
        self.rows_loaded = True
        self.status.found = len(rows)
        self.status.update_text()
        if first:
            self._update_library_texts()
        self.library.refresh()
        if self.stack.currentWidget() is self.results and self.search.text().strip():
            self._search_now()
        if first or not self.foryou.loaded or self.stack.currentWidget() is not self.foryou:
            self.foryou.refresh(self._check_ready)
        else:
            self._check_ready()

    def _load_folders(self, then=None) -> None:
        def done(folders) -> None:
            self._folders_loaded(folders)
            if then is not None:
                then()

        def failed(err: str) -> None:  # no Library: say so, and let the rest start
            if self.folders is None:
                self.folders = []
                self._check_ready()

        self.run_core(lambda lib: lib.folders(), done, failed)

    def _folders_loaded(self, folders: list[dict]) -> None:
        first = self.folders is None
        self.folders = folders
        self.folders_page.set_folders(folders)
        self.settings_page.set_folder_count(len(folders))
        if (
            first
            and not folders
            or not folders
            and self.current_page() in ("foryou", "all", "video", "music")
        ):
            self.go("welcome")
        self._update_library_texts()
        self._check_ready()

    def _check_ready(self) -> None:
        if (
            not self._is_ready
            and self.rows_loaded
            and self.foryou.loaded
            and self.folders is not None
        ):
            self._is_ready = True
            self.ready.emit()

    def _check_signature(self) -> None:
        catalog = self.services.catalog

        def done(sig) -> None:
            if sig != self._signature:
                self._load_rows()
                self._load_folders()

        if not self._loading_rows:
            self.bridge.run(catalog.signature, done)
        # poll often while files are found and analysed, rarely when all is quiet
        p = self.status.progress
        busy = self.status.scanning or (p is not None and p.total and p.done < p.total)
        self._poll.setInterval(1000 if busy else 5000)

    def _library_ready(self) -> None:
        self.status.error = None
        self.plugins_page.refresh()
        self.activity_page.refresh()

    def _library_failed(self, error: str) -> None:
        self.status.error = error
        self.status.update_text()
        self.plugins_page.set_rows([])

    def _scanning_changed(self, on: bool) -> None:
        self.status.scanning = on
        self.status.update_text()
        self._update_library_texts()

    def _progress(self, progress) -> None:
        self.status.progress = progress
        if progress.paused != self.status.pause.isChecked():
            self.status.pause.blockSignals(True)
            self.status.pause.setChecked(progress.paused)
            self.status.pause.blockSignals(False)
        self.status.nfailures = max(self.status.nfailures, 0)
        self.status.update_text()
        self.activity_page.set_progress(self.status.text())

    def _files_done(self, ids: list[int]) -> None:
        rows = {r.id: r.content_id for r in self.all_rows}
        self.thumbs.forget_missing({rows[i] for i in ids if i in rows})
        self._thumb_timer.start()
        if self.library.details.file_id in ids:
            self.library.details.refresh()
        if not self._failures_timer.isActive():
            self._failures_timer.start()

    def _count_failures(self) -> None:
        self.run_core(lambda lib: len(lib.status()["failed_files"]), self._failures_counted)

    def _failures_counted(self, n: int) -> None:
        changed = n != self.status.nfailures
        self.status.nfailures = n
        self.status.update_text()
        if changed and self.current_page() == "activity":
            self.activity_page.refresh()

    def _thumbs_ready(self, _cid: str) -> None:
        self._thumb_timer.start()

    def _repaint_views(self) -> None:
        w = self.stack.currentWidget()
        if w is self.library or w is self.results:
            w.current_view().viewport().update()
        elif w is self.foryou:
            for _label, view, _model in self.foryou.shelves.values():
                view.viewport().update()

    # -- navigation ----------------------------------------------------------------------------

    def current_page(self) -> str:
        item = self.sidebar.currentItem()
        w = self.stack.currentWidget()
        for key, page in self.pages.items():
            if page is w and key != "library":
                return key
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def go(self, key: str) -> None:
        if key in self.nav_items and self.sidebar.currentItem() is not self.nav_items[key]:
            self.sidebar.setCurrentItem(self.nav_items[key])  # calls back into go()
            return
        if key in ("all", "video", "music"):
            self._update_library_texts(key)
            self.stack.setCurrentWidget(self.library)
            if self.folders == []:
                self.stack.setCurrentWidget(self.welcome)
        elif key == "foryou" and self.folders == []:
            self.stack.setCurrentWidget(self.welcome)
        elif key in self.pages:
            self.stack.setCurrentWidget(self.pages[key])
        if key == "plugins":
            self.plugins_page.refresh()
        elif key == "activity":
            self.activity_page.refresh()
        elif key == "foryou" and self.rows_loaded:
            self.foryou.refresh()
        if key not in ("player", "search") and self.search.text() and key in NAV:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)

    def _page_shown(self, _index: int) -> None:
        w = self.stack.currentWidget()
        if w is getattr(self, "results", None) and self.sidebar.currentItem() is not None:
            # search results belong to no sidebar entry; clearing the search brings it back
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentItem(None)
            self.sidebar.clearSelection()
            self.sidebar.blockSignals(False)
        elif w is getattr(self, "welcome", None):
            self.welcome.primary().setFocus(Qt.FocusReason.OtherFocusReason)

    def _nav_changed(self, current: QListWidgetItem | None, _prev) -> None:
        if current is not None:
            self.go(current.data(Qt.ItemDataRole.UserRole))

    def _update_library_texts(self, key: str | None = None) -> None:
        if key is None:
            item = self.sidebar.currentItem()
            key = item.data(Qt.ItemDataRole.UserRole) if item is not None else "all"
            if key not in ("all", "video", "music"):
                key = getattr(self, "_library_key", "all")
        self._library_key = key
        titles = {"all": self.tr("All media"), "video": self.tr("Video"), "music": self.tr("Music")}
        kinds = {"all": None, "video": "video", "music": "audio"}
        if self.library.title.text() != titles[key] or self.library.kind != kinds[key]:
            self.library.set_filter(titles[key], kind=kinds[key])
        if not self.rows_loaded:
            self.library.set_empty_text("…", self.tr("Loading your library…"), "")
        elif self.status.scanning:
            self.library.set_empty_text(
                "⌕",
                self.tr("Looking for media…"),
                self.tr("Files appear here as soon as they are found."),
            )
        elif not self.folders:
            self.library.set_empty_text(
                "▦",
                self.tr("Your library is empty"),
                self.tr("Add a folder with videos or music to get started."),
                self.tr("Add folder…"),
            )
        elif key == "video":
            self.library.set_empty_text(
                "▶", self.tr("No videos yet"), self.tr("Videos in your folders appear here.")
            )
        elif key == "music":
            self.library.set_empty_text(
                "♪", self.tr("No music yet"), self.tr("Music in your folders appears here.")
            )
        else:
            self.library.set_empty_text(
                "▦",
                self.tr("No media found"),
                self.tr("None of the files in your folders could be played."),
            )
        self.results.set_empty_text(
            "⌕",
            self.tr("Nothing found"),
            self.tr("Try other words: titles, artists, tags and speech are searched."),
        )

    def reveal(self, file_id: int) -> None:
        """Show a file in the library with its details."""
        self.go("all")
        self.library.kind = None

        def select() -> None:
            self.library.select_id(file_id)

        QTimer.singleShot(150, select)
        select()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- search ----------------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        if not text.strip():
            self._search_timer.stop()
            self._search_generation += 1
            if self.stack.currentWidget() is self.results:
                self.go(self.page_before_search)
            return
        self._search_timer.start()

    def _search_now(self) -> None:
        query = self.search.text().strip()
        if not query:
            return
        self._search_generation += 1
        gen = self._search_generation
        if self.stack.currentWidget() is not self.results:
            page = self.current_page()
            if page in NAV:
                self.page_before_search = page
        self.run_core(
            lambda lib: [(h.file_id, "; ".join(h.why)) for h in lib.search(query, 200)],
            lambda hits: self._search_done(gen, query, hits),
        )

    def _search_done(self, gen: int, query: str, hits) -> None:
        if gen != self._search_generation:
            return  # a newer query is on its way
        self.results.set_results(self.tr("Results for “{0}”").format(query), hits)
        if self.stack.currentWidget() is not self.player:
            self.stack.setCurrentWidget(self.results)

    # -- folders -----------------------------------------------------------------------------------

    def add_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the library"))
        if path:
            self.add_folders([path])

    def add_folders(self, paths: list[str]) -> None:
        def done(added) -> None:
            self.statusBar().showMessage(self.tr("Added {0}").format(", ".join(added)), 5000)
            self._load_folders(lambda: self.go("all"))
            self.engine.rescan()

        self.run_core(
            lambda lib: lib.add_folders(paths),
            done,
            lambda err: QMessageBox.warning(self, self.tr("Add folder"), err),
        )

    def remove_folder(self, path: str) -> None:
        self.run_core(
            lambda lib: lib.remove_folder(path),
            lambda _x: (self._load_folders(), self._load_rows(), self.engine.rescan()),
            lambda err: QMessageBox.warning(self, self.tr("Remove folder"), err),
        )

    def _open_folder(self, path: str) -> None:
        self.go("all")

    def show_in_folder(self, file_id: int) -> None:
        row = next((r for r in self.all_rows if r.id == file_id), None)
        if row is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(row.path)))

    def library_model_rows(self) -> list[LibraryRow]:
        return self.all_rows

    # -- playing and feedback ---------------------------------------------------------------------

    def play(self, file_id: int) -> None:
        w = self.stack.currentWidget()
        queue = None
        if w in (self.library, self.results):
            queue = [r.id for r in w.model.rows()]
        elif w is self.foryou:
            for _l, _v, model in self.foryou.shelves.values():
                ids = [c[0].id for c in model.cards()]
                if file_id in ids:
                    queue = ids
                    break
        if w is not self.player:
            page = self.current_page()
            self.page_before_player = page if page in (*NAV, "search") else "foryou"
        if self.player.play(file_id, queue):
            self.stack.setCurrentWidget(self.player)
            self.engine.prioritize([file_id])

    def give_feedback(self, file_id: int, kind: str) -> None:
        row = next((r for r in self.all_rows if r.id == file_id), None)
        if row is None:
            return
        cid = row.content_id

        def done(_ok) -> None:
            self.feedback[cid] = kind
            self.library.model.set_feedback(self.feedback)
            self.results.model.set_feedback(self.feedback)
            self.foryou.update_feedback()
            self.library.details.refresh()
            self._history_timer.start()
            names = {
                "like": self.tr("Liked “{0}”"),
                "dislike": self.tr("Disliked “{0}”: you will see less like it"),
                "not_interested": self.tr("“{0}” will not be suggested again"),
            }
            self.statusBar().showMessage(names[kind].format(row.title), 4000)

        def record(lib):
            from medialens.core import history

            return history.record_event(lib, file_id, kind)

        self.run_core(record, done)

    def _history_changed(self) -> None:
        self._history_timer.start()

    def _reload_after_history(self) -> None:
        self._load_rows()
        self.foryou.refresh()
        self.library.details.refresh()

    def set_language(self, code: str) -> None:
        """Switch language now (every widget retranslates on LanguageChange) and keep it."""
        self.translations.set(code)
        store = self.services.store
        self.bridge.run(lambda: store.set_setting("language", code))

    def set_theme(self, theme: str) -> None:
        from PySide6.QtWidgets import QApplication

        from medialens.gui.look import apply_theme

        apply_theme(QApplication.instance(), theme)
        store = self.services.store
        self.bridge.run(lambda: store.set_setting("theme", theme))

    def _fullscreen(self, on: bool) -> None:
        for w in (self.side, self.side_line, self.topbar, self.statusBar()):
            w.setVisible(not on)
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    # -- closing ------------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        self.player.stop_session()
        self._poll.stop()
        self.engine.stop()
        self.thumbs.close()
        self.bridge.close()
        super().closeEvent(event)


__all__ = ["MainWindow"]
