"""What the Artists and Albums pages share: the grouped music, its item models, square covers.

The grouping (:func:`medialens.core.music.group`) runs on a worker thread, and
only while a music page is shown: the library's rows reload every few seconds
while files are indexed, and nobody needs albums regrouped behind another page.
Cards are drawn by the library's own :class:`~medialens.gui.delegates.CardDelegate`
with a square picture, from a row that stands for the album or artist (the
cover's file, with the card's title and second line), so the grids look and
scroll like every other grid.
"""

from __future__ import annotations

import random

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from medialens.core.catalog import LibraryRow
from medialens.core.music import MUSIC, Album, Artist, MusicLibrary, group, is_music
from medialens.gui import services as S
from medialens.gui.delegates import RADIUS, CardDelegate, ThumbnailCache, paint_placeholder
from medialens.gui.models import IdRole, RowRole
from medialens.gui.session import Session

ItemRole = Qt.ItemDataRole.UserRole + 10  # the Album or Artist behind a card


def artist_name(item: Artist | Album) -> str:
    """An album artist's name as a person reads it, "Various artists" and "Unknown artist" too."""
    if item.various:
        return QCoreApplication.translate("Music", "Various artists")
    name = item.artist if isinstance(item, Album) else item.name
    return name or QCoreApplication.translate("Music", "Unknown artist")


def album_title(album: Album) -> str:
    return album.title or QCoreApplication.translate("Music", "Unknown album")


def count_text(albums: int, tracks: int) -> str:
    """ "3 albums · 41 tracks", as an artist's card and heading say it."""
    translate = QCoreApplication.translate
    a = (
        translate("Music", "1 album")
        if albums == 1
        else translate("Music", "{0} albums").format(f"{albums:,}")
    )
    return f"{a} · {track_count(tracks)}"


def track_count(tracks: int) -> str:
    translate = QCoreApplication.translate
    if tracks == 1:
        return translate("Music", "1 track")
    return translate("Music", "{0} tracks").format(f"{tracks:,}")


def album_line(album: Album) -> str:
    """The second line of an album's card: artist · year."""
    return " · ".join(x for x in (artist_name(album), str(album.year or "")) if x)


def shuffled(ids: list[int]) -> list[int]:
    ids = list(ids)
    random.shuffle(ids)
    return ids


def _card_row(cover: LibraryRow, title: str, line: str) -> LibraryRow:
    """The row a card is drawn from: the cover's file, with the card's own two lines.

    No duration pill, no "New" or "Unfinished" badge: those are a file's, not an album's.
    """
    return cover._replace(
        title=title, artist=line, album=None, duration=None, added_at=None,
        position=None, unfinished=False, last_played=None, available=1,
    )  # fmt: skip


class MusicIndex(QObject):
    """The library's albums and artists, regrouped off the GUI thread when rows change.

    Pages register with :meth:`attach`; rows that change while none of them is visible
    mark the grouping stale, and the next page shown regroups (:meth:`ensure`).
    """

    changed = Signal()

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.music = MusicLibrary()
        self.loaded = False  # grouped at least once
        self.unsorted = 0  # audio files whose category is not known yet
        self._stale = True
        self._generation = 0
        self._pages: list[QWidget] = []
        session.rowsChanged.connect(self._rows_changed)

    def attach(self, page: QWidget) -> None:
        self._pages.append(page)

    def ensure(self) -> None:
        """Regroup now if rows changed since the last grouping."""
        if self._stale and self.session.rows_loaded:
            self._regroup()

    def _rows_changed(self, _first: bool) -> None:
        self._stale = True
        if any(p.isVisible() for p in self._pages):
            self._regroup()

    def _regroup(self) -> None:
        self._stale = False
        self._generation += 1
        gen = self._generation
        catalog = self.session.services.catalog
        before = self.music

        def work():
            music = group(r for r in catalog.rows(MUSIC) if is_music(r))
            unsorted = int(catalog.counts()["unsorted"])
            return music, unsorted, music == before  # compared here, not on the GUI thread

        def done(result) -> None:
            if gen != self._generation:
                return
            music, unsorted, same = result
            if same and self.loaded and unsorted == self.unsorted:
                return  # a play or a new thumbnail changed the rows, not the music
            if not same:
                self.music = music
            self.unsorted = unsorted
            self.loaded = True
            self.changed.emit()

        self.session.bridge.run(work, done)


class CoverDelegate(CardDelegate):
    """The library's card with a square picture, as album covers are."""

    def set_width(self, width: int) -> None:
        self.width = width
        self.thumb_h = width


class _CardModel(QAbstractListModel):
    """A grid of albums or artists; ``data()`` is O(1) from rows built once per grouping."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[Album | Artist] = []
        self._rows: list[LibraryRow] = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == RowRole:
            return self._rows[index.row()]
        if role == ItemRole:
            return self._items[index.row()]
        if role == IdRole:
            return self._rows[index.row()].id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._rows[index.row()]
            return (
                row.title if role == Qt.ItemDataRole.DisplayRole else f"{row.title}\n{row.artist}"
            )
        return None

    def items(self) -> list[Album | Artist]:
        return self._items

    def set_items(self, items) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._rows = [self._row(i) for i in self._items]
        self.endResetModel()

    def retranslate(self) -> None:
        self._rows = [self._row(i) for i in self._items]
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def _row(self, item) -> LibraryRow:  # pragma: no cover - overridden
        raise NotImplementedError


def album_card(album: Album, with_artist: bool = True) -> LibraryRow:
    """The row an album's card (and its big cover) is drawn from."""
    line = album_line(album) if with_artist else str(album.year or "")
    return _card_row(album.tracks[0], album_title(album), line)


def artist_card(artist: Artist) -> LibraryRow:
    """The row an artist's card (and their big picture) is drawn from."""
    cover = next(t for a in artist.albums for t in a.tracks if t.content_id == artist.cover)
    # the placeholder's colour follows the card's second line: the artist's own, not an album's
    return _card_row(cover, artist_name(artist), count_text(len(artist.albums), len(artist.tracks)))


class AlbumModel(_CardModel):
    """Album cards: title, and artist · year (only the year inside an artist's page)."""

    def __init__(self, parent=None, with_artist: bool = True) -> None:
        super().__init__(parent)
        self.with_artist = with_artist

    def _row(self, album: Album) -> LibraryRow:
        return album_card(album, self.with_artist)


class ArtistModel(_CardModel):
    def _row(self, artist: Artist) -> LibraryRow:
        return artist_card(artist)


TRACK_COLUMNS = ("number", "title", "artist", "album", "duration")


class TrackModel(QAbstractTableModel):
    """Tracks in play order: number, title, artist, album, duration (some columns hidden)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._tracks: list[LibraryRow] = []
        self.multi_disc = False

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tracks)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TRACK_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ("#", self.tr("Title"), self.tr("Artist"), self.tr("Album"), self.tr("Duration"))[
            section
        ]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._tracks[index.row()]
        if role == RowRole:
            return row
        if role == IdRole:
            return row.id
        col = TRACK_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "number":
                if row.track is None:
                    return ""
                return f"{row.disc}-{row.track}" if self.multi_disc and row.disc else str(row.track)
            if col == "title":
                return row.title
            if col == "artist":
                return row.artist or ""
            if col == "album":
                return row.album or ""
            return S.fmt_time(row.duration)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("number", "duration"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.path
        if role == Qt.ItemDataRole.ForegroundRole and not row.available:
            from PySide6.QtWidgets import QApplication

            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def tracks(self) -> list[LibraryRow]:
        return self._tracks

    def ids(self) -> list[int]:
        return [t.id for t in self._tracks]

    def set_tracks(self, tracks) -> None:
        self.beginResetModel()
        self._tracks = list(tracks)
        self.multi_disc = len({t.disc or 1 for t in self._tracks}) > 1
        self.endResetModel()


class Cover(QLabel):
    """A large square cover: the thumbnail when it is loaded, the card's placeholder till then."""

    def __init__(self, thumbs: ThumbnailCache, size: int = 200, parent=None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self.side = size
        self.setFixedSize(size, size)
        self._row: LibraryRow | None = None
        self._final = False  # the thumbnail itself is shown: nothing to wait for
        thumbs.ready.connect(self._refresh)

    def set_row(self, row: LibraryRow | None) -> None:
        self._row = row
        self._final = False
        self._refresh()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._final:
            self._refresh()  # the placeholder's colours follow the theme

    def _refresh(self, *_args) -> None:
        row = self._row
        if row is None:
            self.clear()
            return
        if self._final:
            return
        ratio = max(1.0, self.devicePixelRatioF())
        side = int(self.side * ratio)
        pm = self.thumbs.pixmap(row.content_id, QSize(side, side))
        out = QPixmap(side, side)
        out.setDevicePixelRatio(ratio)
        out.fill(Qt.GlobalColor.transparent)
        p = QPainter(out)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRectF(0, 0, self.side, self.side)
        clip = QPainterPath()
        clip.addRoundedRect(rect, RADIUS, RADIUS)
        p.setClipPath(clip)
        if pm is not None:
            self._final = True
            src = QRectF(pm.rect())
            edge = min(src.width(), src.height())
            p.drawPixmap(
                rect,
                pm,
                QRectF(src.center().x() - edge / 2, src.center().y() - edge / 2, edge, edge),
            )
        else:
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            paint_placeholder(p, rect, row, dark)
        p.end()
        self.setPixmap(out)


__all__ = [
    "AlbumModel",
    "ArtistModel",
    "Cover",
    "CoverDelegate",
    "ItemRole",
    "MusicIndex",
    "TrackModel",
    "album_card",
    "album_line",
    "artist_card",
    "album_title",
    "artist_name",
    "count_text",
    "shuffled",
    "track_count",
]
