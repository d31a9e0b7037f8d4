"""One artist: their albums as covers, the albums they appear on, then all their tracks.

The page scrolls as a whole; the grids and the track list are as tall as what
they hold. Opening an album shows it (``albumRequested``); a track plays with
all the artist's tracks as the queue.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget

from medialens.core.music import Artist
from medialens.gui.album_view import MusicHeader, TrackTable
from medialens.gui.delegates import ThumbnailCache
from medialens.gui.library_page import CardGrid
from medialens.gui.music import (
    AlbumModel,
    CoverDelegate,
    ItemRole,
    artist_card,
    artist_name,
    count_text,
    shuffled,
)
from medialens.gui.widgets import heading


class FlowGrid(CardGrid):
    """A card grid that does not scroll: it is as tall as its rows of cards."""

    def __init__(self, delegate: CoverDelegate, parent=None) -> None:
        super().__init__(delegate, parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)  # the page's background shows through

    def fit_columns(self) -> None:
        super().fit_columns()
        model = self.model()
        cell = self.gridSize()
        if model is None or cell.width() <= 0:
            return
        columns = max(1, self.viewport().width() // cell.width())
        rows = math.ceil(model.rowCount() / columns)
        self.setFixedHeight(rows * cell.height() + 4)

    def wheelEvent(self, event) -> None:
        event.ignore()  # the page scrolls, not the grid


class StillTable(TrackTable):
    """A track list as tall as its rows: the wheel scrolls the page around it."""

    def wheelEvent(self, event) -> None:
        event.ignore()


class ArtistView(QScrollArea):
    """An artist's page: header, albums, appears on, tracks."""

    playQueue = Signal(int, list)  # file id, queue
    albumRequested = Signal(tuple)  # an album's key (core.music.Album.key)
    backRequested = Signal()

    def __init__(self, thumbs: ThumbnailCache, parent=None) -> None:
        super().__init__(parent)
        self.artist: Artist | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(20, 10, 20, 16)
        lay.setSpacing(12)
        self.back = QPushButton()
        self.back.setFlat(True)
        self.back.clicked.connect(self.backRequested)
        lay.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        self.header = MusicHeader(thumbs)
        self.header.playClicked.connect(self.play_all)
        self.header.shuffleClicked.connect(self.shuffle_all)
        lay.addWidget(self.header)
        self.albums_title = heading("", 1.25)
        self.albums = AlbumModel(self, with_artist=False)
        self.albums_grid = FlowGrid(CoverDelegate(thumbs, width=150, parent=self))
        self.albums_grid.setModel(self.albums)
        self.appears_title = heading("", 1.25)
        self.appears = AlbumModel(self)
        self.appears_grid = FlowGrid(CoverDelegate(thumbs, width=150, parent=self))
        self.appears_grid.setModel(self.appears)
        self.tracks_title = heading("", 1.25)
        self.table = StillTable()
        self.table.show_columns("album")
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.playQueue.connect(self.playQueue)
        for w in (
            self.albums_title,
            self.albums_grid,
            self.appears_title,
            self.appears_grid,
            self.tracks_title,
            self.table,
        ):
            lay.addWidget(w)
        lay.addStretch(1)
        self.setWidget(body)
        for grid in (self.albums_grid, self.appears_grid):
            grid.activated.connect(self._album_activated)
        self.retranslate()

    def show_artist(self, artist: Artist) -> None:
        self.artist = artist
        self.header.cover.set_row(artist_card(artist))
        self.albums.set_items(artist.albums)
        self.appears.set_items(artist.appears_on)
        for title, grid in (
            (self.albums_title, self.albums_grid),
            (self.appears_title, self.appears_grid),
        ):
            has = grid.model().rowCount() > 0
            title.setVisible(has)
            grid.setVisible(has)
            grid.fit_columns()
        self.table.tracks.set_tracks(artist.tracks)
        self.table.fit_height()
        self.verticalScrollBar().setValue(0)
        self.retranslate()

    def set_back_text(self, text: str) -> None:
        self.back.setText("‹  " + text)

    def play_all(self) -> None:
        if self.artist is not None and self.artist.tracks:
            self.playQueue.emit(self.artist.tracks[0].id, self.artist.ids)

    def shuffle_all(self) -> None:
        if self.artist is not None and self.artist.tracks:
            queue = shuffled(self.artist.ids)
            self.playQueue.emit(queue[0], queue)

    def _album_activated(self, index: QModelIndex) -> None:
        album = index.data(ItemRole)
        if album is not None:
            self.albumRequested.emit(album.key)

    def retranslate(self) -> None:
        h = self.header
        h.caption.setText(self.tr("ARTIST"))
        h.play.setText(self.tr("▶  Play"))
        h.shuffle.setText(self.tr("⤮  Shuffle"))
        self.albums_title.setText(self.tr("Albums"))
        self.appears_title.setText(self.tr("Appears on"))
        self.tracks_title.setText(self.tr("Tracks"))
        self.albums.retranslate()
        self.appears.retranslate()
        artist = self.artist
        if artist is None:
            return
        h.title.setText(artist_name(artist))
        h.subtitle.setText("")
        h.subtitle.setVisible(False)
        h.facts.setText(count_text(len(artist.albums), len(artist.tracks)))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["ArtistView", "FlowGrid", "StillTable"]
