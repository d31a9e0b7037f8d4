"""One album: its cover, title, artist and year, and its tracks in disc and track order.

Double-clicking a track (or Enter) plays it with the album as the queue; Play
album and Shuffle play the whole album in order or shuffled.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medialens.core.music import Album
from medialens.gui import services as S
from medialens.gui.delegates import ThumbnailCache
from medialens.gui.models import RowRole
from medialens.gui.music import (
    TRACK_COLUMNS,
    Cover,
    TrackModel,
    album_card,
    album_title,
    artist_name,
    shuffled,
    track_count,
)
from medialens.gui.widgets import heading, muted


class TrackTable(QTableView):
    """Tracks as rows; activating one asks to play it with every listed track as the queue."""

    playQueue = Signal(int, list)  # file id, queue

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tracks = TrackModel(self)
        self.setModel(self.tracks)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(TRACK_COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        for col, width in (("number", 48), ("artist", 200), ("album", 200), ("duration", 70)):
            self.setColumnWidth(TRACK_COLUMNS.index(col), width)
        self.activated.connect(self._activated)

    def show_columns(self, *names: str) -> None:
        """Show the title, the duration and ``names``; hide the other columns."""
        for col in ("number", "artist", "album"):
            self.setColumnHidden(TRACK_COLUMNS.index(col), col not in names)

    def _activated(self, index) -> None:
        row = index.data(RowRole)
        if row is not None:
            self.playQueue.emit(row.id, self.tracks.ids())

    def fit_height(self) -> None:
        """As tall as its rows, for a table inside a page that scrolls as a whole."""
        rows = self.tracks.rowCount()
        height = (
            self.horizontalHeader().height() + rows * self.verticalHeader().defaultSectionSize()
        )
        self.setFixedHeight(height + 2 * self.frameWidth() + 4)


class MusicHeader(QWidget):
    """Cover on the left; a small caption, the name, a line of facts and Play / Shuffle."""

    playClicked = Signal()
    shuffleClicked = Signal()

    def __init__(self, thumbs: ThumbnailCache, parent=None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(20)
        self.cover = Cover(thumbs, 180)
        lay.addWidget(self.cover, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addStretch(1)
        self.caption = muted(QLabel())
        self.title = heading("", 2.0)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        self.facts = muted(QLabel())
        for w in (self.caption, self.title, self.subtitle, self.facts):
            text.addWidget(w)
        text.addSpacing(10)
        buttons = QHBoxLayout()
        self.play = QPushButton()
        self.play.setDefault(True)
        self.shuffle = QPushButton()
        self.play.clicked.connect(self.playClicked)
        self.shuffle.clicked.connect(self.shuffleClicked)
        buttons.addWidget(self.play)
        buttons.addWidget(self.shuffle)
        buttons.addStretch(1)
        text.addLayout(buttons)
        lay.addLayout(text, 1)


class AlbumView(QWidget):
    """An album's page: header, then its tracks."""

    playQueue = Signal(int, list)  # file id, queue
    artistRequested = Signal(str)  # an artist's key (core.music.Artist.key)
    backRequested = Signal()

    def __init__(self, thumbs: ThumbnailCache, parent=None) -> None:
        super().__init__(parent)
        self.album: Album | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 10, 20, 10)
        lay.setSpacing(12)
        self.back = QPushButton()
        self.back.setFlat(True)
        self.back.clicked.connect(self.backRequested)
        lay.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        self.header = MusicHeader(thumbs)
        self.header.playClicked.connect(self.play_all)
        self.header.shuffleClicked.connect(self.shuffle_all)
        self.header.subtitle.linkActivated.connect(self._artist_clicked)
        lay.addWidget(self.header)
        self.table = TrackTable()
        self.table.playQueue.connect(self.playQueue)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def show_album(self, album: Album) -> None:
        self.album = album
        self.header.cover.set_row(album_card(album))
        self.table.tracks.set_tracks(album.tracks)
        # a compilation, or guests on some tracks: say who plays each
        artists = {t.artist for t in album.tracks}
        self.table.show_columns(
            "number", *(("artist",) if album.various or len(artists) > 1 else ())
        )
        self.retranslate()

    def _artist_clicked(self, _href: str) -> None:
        if self.album is not None:
            self.artistRequested.emit(self.album.key[0])

    def set_back_text(self, text: str) -> None:
        self.back.setText("‹  " + text)

    def play_all(self) -> None:
        if self.album is not None:
            self.playQueue.emit(self.album.tracks[0].id, self.album.ids)

    def shuffle_all(self) -> None:
        if self.album is not None:
            queue = shuffled(self.album.ids)
            self.playQueue.emit(queue[0], queue)

    def retranslate(self) -> None:
        h = self.header
        h.caption.setText(self.tr("ALBUM"))
        h.play.setText(self.tr("▶  Play album"))
        h.shuffle.setText(self.tr("⤮  Shuffle"))
        album = self.album
        if album is None:
            return
        h.title.setText(album_title(album))
        name = artist_name(album).replace("&", "&amp;").replace("<", "&lt;")
        h.subtitle.setText(f'<a href="artist" style="text-decoration:none">{name}</a>')
        facts = [str(album.year)] if album.year else []
        facts.append(track_count(len(album.tracks)))
        facts.append(S.fmt_time(album.duration))
        h.facts.setText("  ·  ".join(facts))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = ["AlbumView", "MusicHeader", "TrackTable"]
