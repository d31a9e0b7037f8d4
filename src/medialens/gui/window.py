"""The main window: sidebar, search, pages, status bar, and the wiring between them.

The app's state and commands live in :class:`~medialens.gui.session.Session`;
the window lays the pages out, navigates between them, and connects the
session's change signals to the views that show them.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
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
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medialens.gui import services as S
from medialens.gui.activity_page import ActivityPage
from medialens.gui.albums_page import AlbumsPage
from medialens.gui.artists_page import ArtistsPage
from medialens.gui.faults import FaultWords
from medialens.gui.folders_page import FoldersPage
from medialens.gui.foryou import ForYouPage
from medialens.gui.library_page import LibraryPage
from medialens.gui.music import MusicIndex
from medialens.gui.plugins_page import PluginsPage
from medialens.gui.session import Session
from medialens.gui.settings_page import SettingsPage
from medialens.gui.sidebar import CountDelegate, CountRole
from medialens.gui.time_left import TimeLeft
from medialens.gui.welcome_page import WelcomePage

NAV = (
    "foryou",
    "all",
    "video",
    "music",
    "artists",
    "albums",
    "speech",
    "sounds",
    "folders",
    "plugins",
    "activity",
    "settings",
)
# The library page's filters: sidebar key -> (kind of streams, category); see core.music
FILTERS: dict[str, tuple[str | None, str | None]] = {
    "all": (None, None),
    "video": ("video", None),
    "music": (None, "music"),
    "speech": (None, "speech"),
    "sounds": (None, "sound"),
}
MUSIC_PAGES = ("artists", "albums")
WARM_SEARCH_MS = 1500
SHORTCUTS = ("foryou", "all", "video", "music", "artists", "albums", "speech", "sounds")  # Ctrl+N


class StatusWidget(QWidget):
    """Indexing progress in the status bar: done/total, ETA, current file, pause, failures."""

    pauseToggled = Signal(bool)
    failuresClicked = Signal()
    faultClicked = Signal()

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
        self.fault_button = QToolButton()
        self.fault_button.setAutoRaise(True)
        self.fault_button.clicked.connect(self.faultClicked)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.fault_button)
        lay.addWidget(self.bar)
        lay.addWidget(self.pause)
        lay.addWidget(self.failures)
        self.progress = None
        self._counting_down = TimeLeft()
        self._eta_of: object = None  # the progress whose estimate was last fed to it
        self._eta_shown: float | None = None
        self.scanning = False
        self.found = 0
        self.nfailures = 0
        self.error: str | None = None
        #: (kind, path, sentence) while the database cannot be written: shown until cleared
        self.fault: tuple[str, str, str] | None = None
        self.update_text()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_text()
        super().changeEvent(event)

    def text(self) -> str:
        return self.label.text()

    def time_left(self, seconds: float) -> str:
        """The time left, rounded as a person would say it: to ten seconds under a minute,
        to the minute under an hour, to ten minutes under ten hours, then to the hour."""
        if seconds < 55:
            return self.tr("about {0} s left").format(max(10, int(round(seconds / 10)) * 10))
        if seconds < 3570:
            return self.tr("about {0} min left").format(max(1, int(round(seconds / 60))))
        if seconds < 10 * 3600 - 300:
            hours, minutes = divmod(int(round(seconds / 600)) * 10, 60)
            if minutes:
                return self.tr("about {0} h {1} min left").format(hours, minutes)
            return self.tr("about {0} h left").format(hours)
        return self.tr("about {0} h left").format(int(round(seconds / 3600)))

    def _time_left_of(self, p) -> float | None:
        """The countdown's value, fed each published progress once (the text is also
        redrawn for a language change or a failure count, which must not move it)."""
        if p is not self._eta_of:
            self._eta_of = p
            self._eta_shown = self._counting_down.update(p.eta_seconds, paused=p.paused)
        return self._eta_shown

    def update_text(self) -> None:
        p = self.progress
        self.pause.setText(self.tr("Resume") if self.pause.isChecked() else self.tr("Pause"))
        self.pause.setToolTip(self.tr("Pause or resume the analysis of your files"))
        self.failures.setText(self.tr("⚠ {0} failed").format(self.nfailures))
        self.failures.setVisible(self.nfailures > 0)
        busy = p is not None and p.total and p.done < p.total
        self.bar.setVisible(bool(busy) or self.scanning)
        self.pause.setVisible(bool(busy))
        self.fault_button.setText(self.tr("Details"))
        self.fault_button.setVisible(self.fault is not None)
        if self.fault is not None:  # before all else: nothing is analysed until it is gone
            kind, _path, detail = self.fault
            self.bar.setVisible(False)
            self.pause.setVisible(False)
            self.label.setText("⚠ " + FaultWords().status(kind))
            self.label.setToolTip(detail)
            return
        # the error itself is technical (often a plugin's exception): shown on demand
        self.label.setToolTip(self.error or "")
        if self.error:
            self.label.setText(self.tr("Analysis is unavailable (point here to see why)"))
            return
        if self.scanning and not busy:
            self.bar.setRange(0, 0)
            self.label.setText(
                self.tr("Looking for media… {0} files found so far").format(f"{self.found:,}")
            )
            return
        if busy and not p.planned:
            # the queue holds only what appeared since the start: "0 of 1" would be wrong
            self.bar.setRange(0, 0)
            parts = [self.tr("Counting the files left to analyse…")]
            if p.ran:  # not "of N": N is not known yet
                parts.append(self.tr("{0} analysed so far").format(f"{p.ran:,}"))
            if p.current and not p.paused:  # the first pages' files already run meanwhile
                parts.append(p.current[0])
            self.label.setText("  ·  ".join(parts))
            return
        if busy:
            self.bar.setRange(0, p.total)
            self.bar.setValue(p.done)
            parts = [self.tr("{0} of {1} files analysed").format(f"{p.done:,}", f"{p.total:,}")]
            shown = self._time_left_of(p)  # while paused too: its clock stops
            if p.paused:
                parts.append(self.tr("paused"))
            elif shown is not None:
                parts.append(self.time_left(shown))
            if p.current and not p.paused:
                parts.append(p.current[0])
            self.label.setText("  ·  ".join(parts))
            return
        self.label.setText(self.tr("Library up to date  ·  {0} files").format(f"{self.found:,}"))


class Sidebar(QListWidget):
    """The sidebar's list. With no current entry (search results or the player are
    shown) it stays so when it gets the focus: a QListWidget would make its first
    entry current, which navigated to For you in the middle of showing the player
    (the focus leaves a page as the stack hides it) and left both pages visible."""

    def focusInEvent(self, event) -> None:
        if self.currentItem() is None:
            QWidget.focusInEvent(self, event)
            self.viewport().update()
        else:
            super().focusInEvent(event)


class NowPlayingBar(QFrame):
    """What plays while another page is shown: its title, play/pause, and the way back.

    Searching or browsing while something plays keeps it playing; this bar keeps
    the player one click away.
    """

    openRequested = Signal()

    def __init__(self, player: QWidget, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.player = player
        self.session = session
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().AlternateBase)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 4, 16, 4)
        self.toggle = QToolButton()
        self.toggle.setAutoRaise(True)
        self.toggle.setMinimumSize(QSize(30, 30))
        self.toggle.clicked.connect(lambda: self.player.toggle())
        self.title = QLabel()
        self.open = QToolButton()
        self.open.setAutoRaise(True)
        self.open.clicked.connect(self.openRequested)
        lay.addWidget(self.toggle)
        lay.addWidget(self.title, 1)
        lay.addWidget(self.open)
        self.hide()
        self.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.open.setText(self.tr("Show player"))
        self.open.setToolTip(self.tr("Back to what is playing"))
        self.update_state()

    def playing(self) -> bool:
        media = getattr(self.player, "player", None)
        if media is None or getattr(self.player, "file_id", None) is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return media.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def loaded(self) -> bool:
        """Something is playing or paused (not stopped) in the player."""
        media = getattr(self.player, "player", None)
        if media is None or getattr(self.player, "file_id", None) is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return media.playbackState() != QMediaPlayer.PlaybackState.StoppedState

    def update_state(self, player_shown: bool | None = None) -> None:
        if player_shown is None:
            player_shown = self.player.isVisible()
        self.setVisible(self.loaded() and not player_shown)
        icon = (
            QStyle.StandardPixmap.SP_MediaPause
            if self.playing()
            else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.toggle.setIcon(self.style().standardIcon(icon))  # ⏸ is missing from many fonts
        self.toggle.setToolTip(self.tr("Pause") if self.playing() else self.tr("Play"))
        fid = getattr(self.player, "file_id", None)
        row = self.session.row(fid) if fid is not None else None
        if row is not None:
            who = " — ".join(x for x in (row.artist, row.album) if x)
            self.title.setText(f"{row.title}  ·  {who}" if who else row.title)


def make_player(session: Session) -> QWidget:
    """The player page; without QtMultimedia (a missing system library) a page that says so."""
    try:
        from medialens.gui.player import PlayerPage
    except ImportError as exc:
        from medialens.gui.player_missing import MissingPlayer

        return MissingPlayer(str(exc))
    return PlayerPage(session)


_FROZEN: set[str] = set()
FULL_PASS_EVERY = 100
"""Middle-generation passes between two full ones (Python's default is 10)."""


def _freeze_once(moment: str) -> None:
    """``gc.freeze()`` at this moment of start-up, once a process: cyclic garbage left at
    that moment is never collected, and another window (tests) needs no second one."""
    if moment not in _FROZEN:
        _FROZEN.add(moment)
        gc.freeze()
        # Frozen objects no longer count as old, so the "old generation grew by a quarter"
        # rule let a full pass follow every 10 young-generation passes: 25-39 full passes
        # during the grid benchmark's 10^6 scroll while the index rebuilt, each ~30 ms of
        # CPU holding the GIL, and up to 165-179 ms of wall when the (busy) machine
        # preempted the collecting thread mid-pass. Ten times fewer full passes; the young
        # generations are collected as before.
        young, middle, old = gc.get_threshold()
        gc.set_threshold(young, middle, max(old, FULL_PASS_EVERY))


class MainWindow(QMainWindow):
    ready = Signal()  # rows and For you loaded at least once

    def __init__(self, services: S.Services, translations=None, parent=None) -> None:
        super().__init__(parent)
        # the modules loaded by now, before the session's threads read the library: the
        # longest full pass during the index's first read of 2*10^5 files, with the
        # window's modules loaded, 94-135 ms unfrozen, 24-48 ms frozen (2 runs each)
        _freeze_once("modules")
        self.session = session = Session(services, translations, self)
        self.services = services
        self._is_ready = False
        self.page_before_search = "foryou"  # where clearing the search returns to
        # pages visited, for Back: (page key, the query when the page was results)
        self._history: list[tuple[str, str]] = []
        self._here: str | None = None
        self._going_back = False
        self._results_query = ""
        self._unsorted = 0  # audio files not yet sorted into music, speech and sounds
        self.setMinimumSize(QSize(900, 600))

        central = QWidget()
        self.setCentralWidget(central)
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        # sidebar
        self.sidebar = Sidebar()
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
        self.sidebar.setItemDelegate(CountDelegate(self.sidebar))
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

            from medialens.gui.look import ICON

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
        self.content = content

        self.pages: dict[str, QWidget] = {}
        thumbs = session.thumbs
        self.foryou = ForYouPage(session, thumbs)
        self.library = LibraryPage(session, thumbs)
        self.results = LibraryPage(session, thumbs, search=True)
        self.folders_page = FoldersPage(session)
        self.plugins_page = PluginsPage(session)
        self.activity_page = ActivityPage(session)
        self.settings_page = SettingsPage(session)
        self.music_index = MusicIndex(session, self)
        self.artists_page = ArtistsPage(session, self.music_index, thumbs)
        self.albums_page = AlbumsPage(session, self.music_index, thumbs)
        self.welcome = WelcomePage(session)
        self.player = make_player(session)
        for key, page in (
            ("foryou", self.foryou),
            ("library", self.library),
            ("search", self.results),
            ("artists", self.artists_page),
            ("albums", self.albums_page),
            ("folders", self.folders_page),
            ("plugins", self.plugins_page),
            ("activity", self.activity_page),
            ("settings", self.settings_page),
            ("welcome", self.welcome),
            ("player", self.player),
        ):
            self.pages[key] = page
            # every page paints its own background: nothing of another shows through
            page.setAutoFillBackground(True)
            self.stack.addWidget(page)
        self.library.splitter.splitterMoved.connect(
            lambda *_: setattr(self, "_splitter_sizes", self.library.splitter.sizes())
        )
        self.now_playing = NowPlayingBar(self.player, session)
        self.now_playing.openRequested.connect(lambda: self.go("player"))
        cl.addWidget(self.now_playing)
        media = getattr(self.player, "player", None)
        if media is not None:
            media.playbackStateChanged.connect(lambda _s: self.now_playing.update_state())
        if hasattr(self.player, "nowPlaying"):
            self.player.nowPlaying.connect(lambda _fid: self.now_playing.update_state())

        # wiring
        music = (self.artists_page, self.albums_page)
        for page in (self.foryou, self.library, self.results, *music):
            page.playRequested.connect(session.play)
            page.feedbackRequested.connect(session.give_feedback)
        for page in music:
            page.queueRequested.connect(self.play)
        self.foryou.selectRequested.connect(self.reveal)
        for page in (self.foryou, self.library, *music):
            page.emptyAction.connect(self.add_folder_dialog)
        self.welcome.foldersChosen.connect(self.add_folders)
        self.folders_page.addRequested.connect(self.add_folder_dialog)
        self.folders_page.removeRequested.connect(self.remove_folder)
        self.folders_page.openRequested.connect(self._open_folder)
        self.activity_page.openFile.connect(self.reveal)
        self.settings_page.foldersRequested.connect(lambda: self.go("folders"))
        self.settings_page.historyForgotten.connect(session.note_history_changed)
        self.settings_page.languageChanged.connect(session.set_language)
        self.settings_page.themeChanged.connect(session.set_theme)
        self.player.closed.connect(self.back)
        self.player.fullscreenRequested.connect(self._fullscreen)
        self.player.historyChanged.connect(lambda _fid: session.note_history_changed())
        session.rowsChanged.connect(self._rows_loaded)
        session.libraryChanged.connect(self.library.refresh)
        session.foldersChanged.connect(self._folders_loaded)
        session.foldersUnavailable.connect(lambda _err: self._check_ready())
        session.feedbackChanged.connect(self._feedback_given)
        session.historyChanged.connect(self._reload_after_history)
        session.searchFinished.connect(self._search_done)
        session.playRequested.connect(self.play)
        session.queueRequested.connect(self._queue_requested)
        session.libraryReady.connect(self._library_ready)
        session.libraryFailed.connect(self._library_failed)
        session.databaseFault.connect(self._database_fault)
        session.databaseFaultCleared.connect(self._database_fault_gone)
        session.scanningChanged.connect(self._scanning_changed)
        session.progressChanged.connect(self._progress)
        session.filesDone.connect(self._files_done)
        session.failuresChanged.connect(self._failures_counted)
        session.messageRequested.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        thumbs.ready.connect(self._thumbs_ready)
        self.music_index.changed.connect(self._music_counted)

        self.status = StatusWidget()
        self.statusBar().addPermanentWidget(self.status, 1)
        self.statusBar().setSizeGripEnabled(False)
        self.status.pauseToggled.connect(
            lambda on: session.engine.pause() if on else session.engine.resume()
        )
        self.status.failuresClicked.connect(lambda: self.go("activity"))
        self.status.faultClicked.connect(lambda: self.go("activity"))

        self._thumb_timer = QTimer(self, singleShot=True, interval=40)
        self._thumb_timer.timeout.connect(self._repaint_views)
        self._search_timer = QTimer(self, singleShot=True, interval=220)
        self._search_timer.timeout.connect(self._search_now)

        self._actions()
        self.retranslate()
        self.restored = self._restore_state()

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
        for key in ("all", "video", "music", "artists", "albums", "speech", "sounds"):
            nav(key)
        section()
        for key in ("folders", "plugins", "activity", "settings"):
            nav(key)

    def _actions(self) -> None:
        find = QAction(self)
        find.setShortcuts([QKeySequence.StandardKey.Find, QKeySequence(Qt.Key.Key_Slash)])
        find.triggered.connect(self._focus_search)
        self.addAction(find)
        for i, key in enumerate(SHORTCUTS, start=1):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i}"))
            act.triggered.connect(lambda _=False, k=key: self.go(k))
            self.addAction(act)
        back = QAction(self)
        back.setShortcuts([QKeySequence.StandardKey.Back, QKeySequence(Qt.Key.Key_Back)])
        back.triggered.connect(self.back)
        self.addAction(back)
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
            "artists": self.tr("♫  Artists"),
            "albums": self.tr("◎  Albums"),
            "speech": self.tr("❝  Spoken word"),
            "sounds": self.tr("≋  Sound effects"),
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
        self.session.start()

    def _rows_loaded(self, first: bool) -> None:
        session = self.session
        self.library.model.birth = self.results.model.birth = session.birth
        self.status.found = int(session.counts.get("all", 0))
        self.status.update_text()
        if first:
            self._update_library_texts()
        counts = dict(session.counts)
        counts["sounds"] = counts.pop("sound", 0)
        self._set_counts({k: v for k, v in counts.items() if k != "first_added"})
        if self.stack.currentWidget() is self.results and self.search.text().strip():
            self._search_now()
        if first or not self.foryou.loaded or self.stack.currentWidget() is not self.foryou:
            self.foryou.refresh(self._check_ready)
        else:
            self._check_ready()

    def _set_counts(self, counts: dict[str, int]) -> None:
        for key, n in counts.items():
            if key in self.nav_items:
                self.nav_items[key].setData(CountRole, n)
        if "unsorted" in counts and counts["unsorted"] != self._unsorted:
            self._unsorted = counts["unsorted"]
            self._update_library_texts()

    def _music_counted(self) -> None:
        music = self.music_index.music
        self._set_counts({"artists": len(music.artists), "albums": len(music.albums)})

    def _folders_loaded(self, folders: list[dict], first: bool) -> None:
        self.folders_page.set_folders(folders)
        self.settings_page.set_folder_count(len(folders))
        if (
            first
            and not folders
            or not folders
            and self.current_page() in ("foryou", *FILTERS, *MUSIC_PAGES)
        ):
            self.go("welcome")
        self._update_library_texts()
        self._check_ready()

    def _check_ready(self) -> None:
        if (
            not self._is_ready
            and self.session.rows_loaded
            and self.foryou.loaded
            and self.session.folders is not None
        ):
            self._is_ready = True
            self.ready.emit()
            # What start-up made (widgets, Qt wrappers, caches) lives as long as the
            # window: kept out of the collector's full passes, which walk every tracked
            # object while holding the GIL, so the GUI thread too. A full pass after the
            # grid's scroll at 10^5 files (benchmarks/bench_grid.py, loaded machine, 6
            # runs): 4-28 ms frozen, 69-444 ms with the same objects unfrozen; at 10^6,
            # 0.7 ms against 274 ms.
            _freeze_once("ready")
            # after the first paint, while the person looks at it: the first search would
            # otherwise load the text model and its indexes as they type (2-3 s at 10^5)
            QTimer.singleShot(WARM_SEARCH_MS, self.session.warm_search)

    def _library_ready(self) -> None:
        self.status.error = None
        self.plugins_page.refresh()
        self.activity_page.refresh()

    def _library_failed(self, error: str) -> None:
        self.status.error = error
        self.status.update_text()
        self.plugins_page.set_rows([])

    def _database_fault(self, kind: str, path: str, sentence: str) -> None:
        """The database cannot be written (indexer or library): said until it is gone."""
        fault = (kind, path, sentence)
        if self.status.fault is not None and self.status.fault[0] != "DiskFull":
            return  # a lost or damaged database stays the news: a later fault follows from it
        self.status.fault = fault
        self.status.update_text()
        self.activity_page.set_fault(fault)

    def _database_fault_gone(self) -> None:
        """A full disk has room again and indexing resumed (a lost database never clears)."""
        if self.status.fault is None or self.status.fault[0] != "DiskFull":
            return
        self.status.fault = None
        self.status.update_text()
        self.activity_page.set_fault(None)

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
        self.status.update_text()
        self.activity_page.set_progress(self.status.text())

    def _files_done(self, ids: list[int]) -> None:
        self._thumb_timer.start()
        if self.library.details.file_id in ids:
            self.library.details.refresh()

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
        elif w is self.artists_page or w is self.albums_page:
            w.repaint_covers()
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

    def _show_page(self, page: QWidget) -> None:
        """Switch the stack; a navigation asked for while it switches waits its turn
        (a nested switch left the page being hidden visible)."""
        self._switching = True
        try:
            self.stack.setCurrentWidget(page)
        finally:
            self._switching = False

    def go(self, key: str) -> None:
        if getattr(self, "_switching", False):
            QTimer.singleShot(0, lambda: self.go(key))
            return
        if key in self.nav_items and self.sidebar.currentItem() is not self.nav_items[key]:
            self.sidebar.setCurrentItem(self.nav_items[key])  # calls back into go()
            return
        if key in FILTERS:
            self._update_library_texts(key)
            self._show_page(self.library)
            if self.session.folders == []:
                self._show_page(self.welcome)
        elif key in MUSIC_PAGES and self.session.folders == []:
            self._show_page(self.welcome)
        elif key in MUSIC_PAGES:
            page = self.pages[key]
            if self.stack.currentWidget() is page:
                page.home()  # chosen again: back to its grid
            self._show_page(page)
        elif key == "foryou" and self.session.folders == []:
            self._show_page(self.welcome)
        elif key in self.pages:
            self._show_page(self.pages[key])
        if key == "plugins":
            self.plugins_page.refresh()
        elif key == "activity":
            self.activity_page.refresh()
        elif key == "foryou" and self.session.rows_loaded:
            self.foryou.refresh()
        if key not in ("player", "search") and self.search.text() and key in NAV:
            self._set_search_text("")
            self.session.clear_search()
        self._note_page()  # All, Video and Music share one page: the stack did not change

    def _page_key(self) -> str:
        """The key of the page shown, as ``go`` takes it ("search" for the results)."""
        w = self.stack.currentWidget()
        if w is getattr(self, "library", None):
            return getattr(self, "_library_key", "all")
        return next((k for k, page in self.pages.items() if page is w), "")

    def _note_page(self) -> None:
        """Remember where the user was, for Back, when the page shown changed."""
        key = self._page_key()
        if key == self._here:
            return
        if self._here is not None and not self._going_back:
            entry = (self._here, self._results_query if self._here == "search" else "")
            if self._here not in ("welcome",) and entry != ("search", ""):
                self._history.append(entry)
                del self._history[:-50]
        self._here = key

    def back(self) -> None:
        """Go back to the page the user was on before (results with their query)."""
        while self._history:
            key, query = self._history.pop()
            if key == self._here or (key == "player" and not self.now_playing.loaded()):
                continue
            self._going_back = True
            try:
                if key == "search":
                    self._show_query(query)
                else:
                    self.go(key)
            finally:
                self._going_back = False
            self._note_page()
            return
        self.go("foryou")

    def _set_search_text(self, text: str) -> None:
        """Put ``text`` in the search box without searching or navigating (signals stay
        on, so the box's clear button follows)."""
        self._quiet_search = True
        try:
            self.search.setText(text)
        finally:
            self._quiet_search = False

    def _show_query(self, query: str) -> None:
        """Show the results of ``query`` again, the query back in the search box."""
        if self.search.text().strip() != query:
            self._set_search_text(query)
        self._show_page(self.results)
        if query != self._results_query:
            self.session.search(query)

    def _page_shown(self, _index: int) -> None:
        self._note_page()
        if hasattr(self, "now_playing"):
            self.now_playing.update_state(self.stack.currentWidget() is self.player)
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
            if key not in FILTERS:
                key = getattr(self, "_library_key", "all")
        self._library_key = key
        titles = {
            "all": self.tr("All media"),
            "video": self.tr("Video"),
            "music": self.tr("Music"),
            "speech": self.tr("Spoken word"),
            "sounds": self.tr("Sound effects"),
        }
        kind, category = FILTERS[key]
        lib = self.library
        if lib.title.text() != titles[key] or (lib.kind, lib.category) != (kind, category):
            lib.set_filter(titles[key], kind=kind, category=category)
        if not self.session.rows_loaded:
            self.library.set_empty_text("…", self.tr("Loading your library…"), "")
        elif self.status.scanning:
            self.library.set_empty_text(
                "⌕",
                self.tr("Looking for media…"),
                self.tr("Files appear here as soon as they are found."),
            )
        elif not self.session.folders:
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
        elif key in ("music", "speech", "sounds") and self._unsorted_audio():
            self.library.set_empty_text(
                "⌕",
                self.tr("Sorting out your audio…"),
                self.tr(
                    "Audio files are being sorted into music, spoken word and sound effects; "
                    "they appear here as soon as they are recognised."
                ),
            )
        elif key == "music":
            self.library.set_empty_text(
                "♪", self.tr("No music yet"), self.tr("Music in your folders appears here.")
            )
        elif key == "speech":
            self.library.set_empty_text(
                "❝",
                self.tr("No spoken word yet"),
                self.tr("Talks, audiobooks, podcasts and voice recordings appear here."),
            )
        elif key == "sounds":
            self.library.set_empty_text(
                "≋",
                self.tr("No sound effects yet"),
                self.tr("Short sounds that are neither music nor speech appear here."),
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

    def _unsorted_audio(self) -> bool:
        """Some audio files' category is not known yet (they are still being analysed)."""
        return self.session.busy and self._unsorted > 0

    def reveal(self, file_id: int) -> None:
        """Show a file in the library with its details."""
        self.go("all")
        self.library.kind = self.library.category = None

        def select() -> None:
            self.library.select_id(file_id)

        QTimer.singleShot(150, select)
        select()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- search ----------------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        if getattr(self, "_quiet_search", False):
            return
        if not text.strip():
            self._search_timer.stop()
            self.session.clear_search()
            if self.stack.currentWidget() is self.results:
                back = self.page_before_search
                if back == "player" and not self.now_playing.loaded():
                    back = "foryou"
                self.go(back)
            return
        self._search_timer.start()

    def _search_now(self) -> None:
        query = self.search.text().strip()
        if not query:
            return
        if self.stack.currentWidget() is not self.results:
            page = self._page_key()
            if page in (*NAV, "player"):
                self.page_before_search = page
        self.session.search(query)

    def _search_done(self, query: str, hits: list) -> None:
        """Show the hits, whatever page is shown: typing is asking for them (the
        player keeps playing, and the now-playing bar leads back to it)."""
        self._results_query = query
        self.results.set_results(self.tr("Results for “{0}”").format(query), hits)
        self._show_page(self.results)

    # -- folders -----------------------------------------------------------------------------------

    def add_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the library"))
        if path:
            self.add_folders([path])

    def add_folders(self, paths: list[str]) -> None:
        def done(added) -> None:
            self.statusBar().showMessage(self.tr("Added {0}").format(", ".join(added)), 5000)
            self.go("all")

        self.session.add_folders(
            paths, done, lambda err: QMessageBox.warning(self, self.tr("Add folder"), err)
        )

    def remove_folder(self, path: str) -> None:
        self.session.remove_folder(
            path, lambda err: QMessageBox.warning(self, self.tr("Remove folder"), err)
        )

    def _open_folder(self, path: str) -> None:
        self.go("all")

    # -- playing and feedback ---------------------------------------------------------------------

    def play(self, file_id: int, queue: list[int] | None = None) -> None:
        """Play a file; without a ``queue``, the page it was played from gives one."""
        w = self.stack.currentWidget()
        if not queue and hasattr(w, "queue_for"):
            queue = w.queue_for(file_id)
        elif not queue and w is self.foryou:
            for _l, _v, model in self.foryou.shelves.values():
                ids = [c[0].id for c in model.cards()]
                if file_id in ids:
                    queue = ids
                    break
        if self.player.play(file_id, queue):
            self._show_page(self.player)
            self.player.setFocus(Qt.FocusReason.OtherFocusReason)  # its keys work at once
            self.session.engine.prioritize([file_id])

    def _queue_requested(self, how: str, file_id: int) -> None:
        if how == "similar":
            self.play_similar(file_id)
        elif self.player.file_id is None:  # nothing plays yet: this starts the queue
            self.play(file_id, [file_id])
        elif how == "next":
            self.player.play_next([file_id])
        else:
            self.player.enqueue([file_id])

    def play_similar(self, file_id: int) -> None:
        """Start a radio from a file (the player's or a context menu's "Play similar")."""
        if self.player.play_similar(file_id):
            self._show_page(self.player)
            self.player.setFocus(Qt.FocusReason.OtherFocusReason)
            self.session.engine.prioritize([file_id])

    def _feedback_given(self, file_id: int, kind: str) -> None:
        feedback = self.session.feedback
        self.library.model.set_feedback(feedback)
        self.results.model.set_feedback(feedback)
        self.foryou.update_feedback()
        self.library.details.refresh()
        row = self.session.row(file_id)
        names = {
            "like": self.tr("Liked “{0}”"),
            "dislike": self.tr("Disliked “{0}”: you will see less like it"),
            "not_interested": self.tr("“{0}” will not be suggested again"),
        }
        if row is not None:
            self.statusBar().showMessage(names[kind].format(row.title), 4000)

    def _reload_after_history(self) -> None:
        self.foryou.refresh()
        self.library.details.refresh()

    def _fullscreen(self, on: bool) -> None:
        for w in (self.side, self.side_line, self.topbar, self.statusBar()):
            w.setVisible(not on)
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    # -- window state -------------------------------------------------------------------------------

    def _restore_state(self) -> bool:
        """Size, position, page and the library's splitter as they were when the window
        last closed; True when a size and position were restored."""
        import base64

        state = self.session.window_state()
        page = state.get("page")
        self.go(page if page in NAV else "foryou")
        sizes = state.get("splitter")
        if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(x, int) for x in sizes):
            self._splitter_sizes = sizes
            self.library.splitter.setSizes(sizes)
        geometry = state.get("geometry")
        if isinstance(geometry, str) and geometry:
            from PySide6.QtCore import QByteArray

            try:
                return self.restoreGeometry(QByteArray(base64.b64decode(geometry)))
            except ValueError:
                return False
        return False

    def save_state(self) -> None:
        import base64

        splitter = self.library.splitter
        if self.library.details.isVisible() and all(splitter.sizes()):
            self._splitter_sizes = splitter.sizes()
        page = self._here if self._here in NAV else self.current_page()
        state = {
            "geometry": base64.b64encode(bytes(self.saveGeometry())).decode("ascii"),
            "page": page if page in NAV else "foryou",
        }
        if getattr(self, "_splitter_sizes", None):
            state["splitter"] = list(self._splitter_sizes)
        self.session.save_window_state(state)

    # -- closing ------------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        try:
            self.save_state()
        except Exception:  # noqa: BLE001 - a read-only library must not keep the window open
            import logging

            logging.getLogger(__name__).exception("could not keep the window's state")
        # Stopping waits for the indexer to finish its file (up to 3 s, then it is
        # terminated): hide first, so the window goes away when asked, not frozen.
        self.hide()
        self.player.stop_session()
        self.session.close()
        super().closeEvent(event)


__all__ = ["MainWindow"]
