"""Item models: they adapt rows loaded in one SQLite query; ``data()`` is O(1).

Filtering and sorting 100,000 rows happen in plain Python on a worker thread
(a QSortFilterProxyModel would call back into Python millions of times on the
GUI thread); the model then swaps its visible list in one layout change that
keeps the selection.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from medialens.gui import services as S
from medialens.gui.reasons import tr_reason

RowRole = Qt.ItemDataRole.UserRole + 1
WhyRole = Qt.ItemDataRole.UserRole + 2
FeedbackRole = Qt.ItemDataRole.UserRole + 3
IdRole = Qt.ItemDataRole.UserRole + 4

COLUMNS = ("title", "artist", "duration", "added", "played", "kind", "folder")


def kind_name(kind: str | None, category: str | None = None) -> str:
    """What a file is for a person: its category when known, else what its streams say."""
    translate = QCoreApplication.translate
    if category == "music":
        return translate("Models", "Music")
    if category == "speech":
        return translate("Models", "Spoken word")
    if category == "sound":
        return translate("Models", "Sound effect")
    if kind == "video" or category == "video":
        return translate("Models", "Video")
    if kind == "audio":
        return translate("Models", "Audio")
    return ""


# the names people use for common video heights (a 1280×720 file is "720p")
_RESOLUTIONS = {4320: "8K", 2160: "4K", 1440: "1440p", 1080: "1080p", 720: "720p", 480: "480p"}


def resolution_name(width: int | None, height: int | None) -> str:
    """ "720p" for the usual sizes (landscape), else "640×360"; "" when unknown."""
    if not width or not height:
        return ""
    if width >= height and height in _RESOLUTIONS:
        return _RESOLUTIONS[height]
    return f"{width}×{height}"


def card_subtitle(row) -> str:
    """The second line of a card: what a person knows the file by besides its title.

    Music: artist — album (the album artist when the track has none). Video: year and
    resolution ("2019 · 720p"). Fields a row does not carry yet (``year``,
    ``album_artist``) are read with ``getattr``, so they show up once the catalog has
    them. Never the folder's name: every card of a folder would say the same.
    """
    year = getattr(row, "year", None)
    year = str(year)[:4] if year else ""
    if row.kind == "audio":
        artist = row.artist or getattr(row, "album_artist", None)
        text = " — ".join(x for x in (artist, row.album) if x)
        if text and year and row.album:
            text += f" ({year})"
        return text or year or kind_name(row.kind, getattr(row, "category", None))
    parts = [year, resolution_name(row.width, row.height)]
    return " · ".join(x for x in parts if x) or kind_name(row.kind, getattr(row, "category", None))


def fmt_date(at: float | None) -> str:
    if not at:
        return ""
    return time.strftime("%Y-%m-%d", time.localtime(at))


def _sort_key(column: int):
    name = COLUMNS[column]
    if name == "title":
        return lambda r: (r.title or "").casefold()
    if name == "artist":
        return lambda r: ((r.artist or "").casefold(), (r.album or "").casefold())
    if name == "duration":
        return lambda r: r.duration or 0.0
    if name == "added":
        return lambda r: r.added_at or 0.0
    if name == "played":
        return lambda r: r.last_played or 0.0
    if name == "kind":
        return lambda r: r.kind or ""
    return lambda r: ((r.folder or "").casefold(), (r.title or "").casefold())


def compute_view(
    rows: list[tuple],
    kind: str | None,
    folder: str | None,
    column: int,
    order: Qt.SortOrder,
    ids: list[int] | None = None,
    category: str | None = None,
) -> list[tuple]:
    """Filter and sort (pure Python, ~0.1 s for 100,000 rows: run it off the GUI thread)."""
    if ids is not None:  # an explicit order (search results): keep it
        by_id = {r.id: r for r in rows}
        return [by_id[i] for i in ids if i in by_id]
    view = [
        r
        for r in rows
        if (kind is None or r.kind == kind)
        and (folder is None or r.folder == folder)
        and (category is None or r.category == category)
    ]
    view.sort(key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
    return view


class LibraryModel(QAbstractTableModel):
    """The library (or a search result) as rows; column 0 feeds the grid."""

    sortRequested = Signal(int, Qt.SortOrder)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._view: list[tuple] = []
        self._why: dict[int, object] = {}
        self._feedback: dict[str, str] = {}
        self.sort_column = COLUMNS.index("added")
        self.sort_order = Qt.SortOrder.DescendingOrder
        self.now = time.time()
        self.birth: float | None = None

    # -- Qt API ----------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Title"),
            self.tr("Artist / album"),
            self.tr("Duration"),
            self.tr("Added"),
            self.tr("Last played"),
            self.tr("Kind"),
            self.tr("Folder"),
        )[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self._view[index.row()]
        if role == RowRole:
            return row
        if role == IdRole:
            return row.id
        if role == WhyRole:
            return self._why.get(row.id)
        if role == FeedbackRole:
            return self._feedback.get(row.content_id)
        if role == Qt.ItemDataRole.DisplayRole:
            col = COLUMNS[index.column()]
            if col == "title":
                return row.title
            if col == "artist":
                return " — ".join(x for x in (row.artist, row.album) if x)
            if col == "duration":
                return S.fmt_time(row.duration)
            if col == "added":
                return fmt_date(row.added_at)
            if col == "played":
                return fmt_date(row.last_played)
            if col == "kind":
                return kind_name(row.kind, getattr(row, "category", None))
            return os.path.basename(row.folder or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            why = tr_reason(self._why.get(row.id))
            return row.path + (f"\n{why}" if why else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] == "duration":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.available:
            from PySide6.QtGui import QPalette
            from PySide6.QtWidgets import QApplication

            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Views ask to sort: the page re-sorts off-thread and calls ``set_view``."""
        self.sort_column, self.sort_order = column, order
        self.sortRequested.emit(column, order)

    # -- updates (GUI thread, with rows computed elsewhere) --------------------------------

    def rows(self) -> list[tuple]:
        return self._view

    def row_of(self, file_id: int) -> int:
        for i, r in enumerate(self._view):
            if r.id == file_id:
                return i
        return -1

    def set_feedback(self, feedback: dict[str, str]) -> None:
        self._feedback = feedback
        if self._view:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._view) - 1, 0))

    def set_view(self, view: list[tuple], why: dict[int, object] | None = None) -> None:
        """Swap the visible rows, keeping selection and scroll position where possible."""
        self.now = time.time()
        if why is not None:
            self._why = why
        old = self._view
        if len(old) == len(view) and all(a.id == b.id for a, b in zip(old, view, strict=True)):
            self._view = view
            if view:
                self.dataChanged.emit(self.index(0, 0), self.index(len(view) - 1, len(COLUMNS) - 1))
            return
        n = len(old)
        if len(view) > n and all(a.id == b.id for a, b in zip(old, view[:n], strict=True)):
            self.beginInsertRows(QModelIndex(), n, len(view) - 1)
            self._view = view
            self.endInsertRows()
            if n:
                self.dataChanged.emit(self.index(0, 0), self.index(n - 1, len(COLUMNS) - 1))
            return
        if len(old) == len(view):
            self.layoutAboutToBeChanged.emit()
            pos = {r.id: i for i, r in enumerate(view)}
            persistent = self.persistentIndexList()
            moved = []
            for idx in persistent:
                r = pos.get(old[idx.row()].id) if idx.row() < len(old) else None
                moved.append(self.createIndex(r, idx.column()) if r is not None else QModelIndex())
            self._view = view
            self.changePersistentIndexList(persistent, moved)
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        self._view = view
        self.endResetModel()


class CardModel(QAbstractListModel):
    """One shelf of the For you page: (row, reason) cards."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.now = time.time()
        self.birth: float | None = None
        self._cards: list[tuple[tuple, object]] = []
        self._feedback: dict[str, str] = {}

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row, why = self._cards[index.row()]
        if role == RowRole:
            return row
        if role == IdRole:
            return row.id
        if role == WhyRole:
            return why
        if role == FeedbackRole:
            return self._feedback.get(row.content_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{tr_reason(why)}"
        return None

    def cards(self) -> list[tuple[tuple, object]]:
        return self._cards

    def set_cards(self, cards: list[tuple[tuple, object]], feedback: dict[str, str]) -> bool:
        """Replace the cards; returns False (and does nothing visible) when nothing changed."""
        same = len(cards) == len(self._cards) and all(
            a[0] == b[0] and a[1] == b[1] for a, b in zip(cards, self._cards, strict=True)
        )
        changed_fb = {c[0].content_id: feedback.get(c[0].content_id) for c in cards} != {
            c[0].content_id: self._feedback.get(c[0].content_id) for c in self._cards
        }
        self._feedback = feedback
        if same:
            if changed_fb and cards:
                self.dataChanged.emit(self.index(0), self.index(len(cards) - 1))
            return changed_fb
        self.beginResetModel()
        self._cards = cards
        self.endResetModel()
        return True


__all__ = [
    "CardModel",
    "FeedbackRole",
    "IdRole",
    "LibraryModel",
    "QPersistentModelIndex",
    "RowRole",
    "WhyRole",
    "card_subtitle",
    "compute_view",
    "tr_reason",
]
