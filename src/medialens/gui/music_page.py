"""The Artists and Albums pages' common frame: a grid of covers that opens into an album
or an artist, with Back to where the person came from.

A page keeps a trail of what was opened from its grid (an artist, then one of
their albums, ...); Back (the button, Alt+Left or Backspace) walks it back to
the grid. When the library changes, what is open is shown again from the new
grouping, or closed when it is gone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QStackedWidget, QVBoxLayout, QWidget

from medialens.core.music import Album, Artist, MusicLibrary
from medialens.gui.album_view import AlbumView
from medialens.gui.artist_view import ArtistView
from medialens.gui.delegates import ThumbnailCache
from medialens.gui.library_page import CardGrid
from medialens.gui.music import (
    CoverDelegate,
    ItemRole,
    MusicIndex,
    album_title,
    artist_name,
    shuffled,
)
from medialens.gui.session import Session
from medialens.gui.widgets import EmptyState, file_menu, heading, muted


class MusicPage(QWidget):
    """A grid of albums or artists (subclasses say which), and the views it opens."""

    playRequested = Signal(int)  # a file to play; the window asks queue_for() for its queue
    queueRequested = Signal(int, list)  # a file to play, and the queue to play it in
    feedbackRequested = Signal(int, str)
    emptyAction = Signal()

    def __init__(
        self, session: Session, index: MusicIndex, thumbs: ThumbnailCache, parent=None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.index = index
        self.trail: list[tuple[str, object]] = []  # ("album", key) / ("artist", key), opened
        self._shown: tuple = ()  # the grouping's items the grid shows
        index.attach(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.head = QWidget()
        head = QHBoxLayout(self.head)
        head.setContentsMargins(20, 14, 12, 8)
        self.title = heading()
        self.count = muted(QLabel())
        head.addWidget(self.title)
        head.addSpacing(10)
        head.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        head.addStretch(1)
        lay.addWidget(self.head)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)
        self.model = self.make_model()
        self.grid = CardGrid(CoverDelegate(thumbs, width=170, parent=self))
        self.grid.setModel(self.model)
        self.grid.setSelectionMode(CardGrid.SelectionMode.SingleSelection)
        self.grid.activated.connect(self._activated)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._card_menu)
        self.empty = EmptyState()
        self.empty.button.clicked.connect(self.emptyAction)
        self.album_view = AlbumView(thumbs)
        self.artist_view = ArtistView(thumbs)
        for w in (self.grid, self.empty, self.album_view, self.artist_view):
            self.stack.addWidget(w)
        for view in (self.album_view, self.artist_view):
            view.playQueue.connect(self.queueRequested)
            view.backRequested.connect(self.back)
        for table in (self.album_view.table, self.artist_view.table):
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(lambda pos, t=table: file_menu(self, t, pos))
        self.album_view.artistRequested.connect(self.show_artist)
        self.artist_view.albumRequested.connect(self.show_album)
        back = QAction(self)
        back.setShortcuts(
            [QKeySequence(k) for k in (Qt.Key.Key_Back, Qt.Key.Key_Backspace)]
            + [QKeySequence("Alt+Left")]
        )
        back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.triggered.connect(self.back)
        self.addAction(back)
        index.changed.connect(self._music_changed)
        session.scanningChanged.connect(lambda _on: self._update())
        session.rowsChanged.connect(lambda _first: self._update())
        session.foldersChanged.connect(lambda *_: self._update())
        self.retranslate()

    # -- what a subclass says --------------------------------------------------------------

    def make_model(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def items(self, music: MusicLibrary) -> tuple[Album | Artist, ...]:  # pragma: no cover
        raise NotImplementedError

    def texts(self) -> dict[str, str]:  # pragma: no cover - overridden
        """title, count ({0} for a number), glyph, empty_title, empty_text, back."""
        raise NotImplementedError

    # -- showing -----------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.index.ensure()

    def _music_changed(self) -> None:
        items = self.items(self.index.music)
        if items is not self._shown:  # the index publishes a new grouping only on change
            self._shown = items
            value = self.grid.verticalScrollBar().value()
            self.model.set_items(items)
            self.grid.verticalScrollBar().setValue(value)
        # what is open is shown again from the new grouping, or closed when it is gone
        while self.trail and not self._show(*self.trail[-1]):
            self.trail.pop()
        self._update()

    def _show(self, what: str, key) -> bool:
        music = self.index.music
        if what == "album":
            album = music.album(key)
            if album is None:
                return False
            if self.album_view.album != album:
                self.album_view.show_album(album)
            self.stack.setCurrentWidget(self.album_view)
        else:
            artist = music.artist(key)
            if artist is None:
                return False
            if self.artist_view.artist != artist:
                self.artist_view.show_artist(artist)
            self.stack.setCurrentWidget(self.artist_view)
        self._update_back()
        return True

    def show_album(self, key: tuple) -> None:
        self._open("album", key)

    def show_artist(self, key: str) -> None:
        self._open("artist", key)

    def _open(self, what: str, key) -> None:
        self.trail.append((what, key))
        if self._show(what, key):
            self.head.hide()
        else:
            self.trail.pop()

    def back(self) -> None:
        """One step back along what was opened; from the first, back to the grid."""
        if self.trail:
            self.trail.pop()
        while self.trail and not self._show(*self.trail[-1]):
            self.trail.pop()
        self._update()

    def home(self) -> None:
        """Back to the grid (the sidebar entry was chosen again)."""
        self.trail.clear()
        self._update()

    def current(self) -> Album | Artist | None:
        """The album or artist open now, or None on the grid."""
        if not self.trail:
            return None
        w = self.stack.currentWidget()
        return self.album_view.album if w is self.album_view else self.artist_view.artist

    def queue_for(self, file_id: int) -> list[int] | None:
        """The queue a file played from here plays in: the open album's or artist's tracks."""
        item = self.current()
        if item is not None and file_id in item.ids:
            return item.ids
        for album_or_artist in self.model.items():
            if file_id in album_or_artist.ids:
                return album_or_artist.ids
        return None

    def _update_back(self) -> None:
        back = self.texts()["back"]
        if len(self.trail) >= 1 and self.current() is not None:
            previous = self.trail[-2] if len(self.trail) >= 2 else None
            if previous is not None:
                item = (
                    self.index.music.album(previous[1])
                    if previous[0] == "album"
                    else self.index.music.artist(previous[1])
                )
                if item is not None:
                    back = album_title(item) if previous[0] == "album" else artist_name(item)
        self.album_view.set_back_text(back)
        self.artist_view.set_back_text(back)

    def _update(self) -> None:
        """The header's count, and the grid, what is open or the empty state."""
        t = self.texts()
        n = self.model.rowCount()
        self.count.setText(t["count"].format(f"{n:,}") if self.index.loaded else "")
        self.head.setVisible(not self.trail)
        if self.trail:
            self._update_back()
            return
        if n:
            self.stack.setCurrentWidget(self.grid)
            return
        self.empty.set(*self._empty_texts(t))
        self.stack.setCurrentWidget(self.empty)

    def _empty_texts(self, t: dict[str, str]) -> tuple:
        translate = QCoreApplication.translate
        session = self.session
        if not session.rows_loaded or (not self.index.loaded and session.counts.get("all")):
            return ("…", translate("Music", "Loading your music…"), "")
        if not session.folders and session.folders is not None:
            return (
                t["glyph"],
                translate("Music", "Your library is empty"),
                translate("Music", "Add a folder with music to get started."),
                translate("Music", "Add folder…"),
            )
        if session.busy:
            waiting = self.index.unsorted
            return (
                "⌕",
                translate("Music", "Looking for music…"),
                translate(
                    "Music",
                    "{0} audio files are still being sorted into music, spoken word and "
                    "sound effects. Music appears here as soon as it is recognised.",
                ).format(f"{waiting:,}")
                if waiting
                else translate("Music", "Music appears here as soon as it is found."),
            )
        return (t["glyph"], t["empty_title"], t["empty_text"])

    # -- the grid ----------------------------------------------------------------------------

    def repaint_covers(self) -> None:
        """Thumbnails arrived: repaint the cards shown."""
        w = self.stack.currentWidget()
        if w is self.grid:
            self.grid.viewport().update()
        elif w is self.artist_view:
            self.artist_view.albums_grid.viewport().update()
            self.artist_view.appears_grid.viewport().update()

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(ItemRole)
        if isinstance(item, Album):
            self.show_album(item.key)
        elif isinstance(item, Artist):
            self.show_artist(item.key)

    def _card_menu(self, pos) -> None:
        index = self.grid.indexAt(pos)
        item = index.data(ItemRole) if index.isValid() else None
        if item is None or not item.ids:
            return
        translate = QCoreApplication.translate
        menu = QMenu(self.grid)
        ids = item.ids
        menu.addAction(translate("Music", "Play"), lambda: self.queueRequested.emit(ids[0], ids))
        menu.addAction(
            translate("Music", "Shuffle"),
            lambda: (lambda q: self.queueRequested.emit(q[0], q))(shuffled(ids)),
        )
        menu.addSeparator()
        menu.addAction(translate("Music", "Open"), lambda: self._activated(index))
        menu.exec(self.grid.viewport().mapToGlobal(pos))

    # -- text --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.texts()["title"])
        self.model.retranslate()
        self._update()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["MusicPage"]
