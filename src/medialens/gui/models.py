"""Item models: they adapt rows read from the store; ``data()`` is O(1).

The library's model is paged: SQLite filters and sorts on a worker thread and
hands over the view's order as an array of ids (a QSortFilterProxyModel would call
back into Python millions of times on the GUI thread), and the rows of each page
are read by primary key on a worker when the page is first painted.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
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


PAGE = 200
"""Rows a page holds: one query by primary key fetches a page (about 1 ms)."""
CACHE_PAGES = 80
"""Pages kept (least recently used dropped): 16,000 rows, a few MB, whatever the library."""
IN_FLIGHT = 2
"""Pages fetched at once; the rest wait, the most recently asked for first."""
WANTED = 12
"""Pages asked for and not yet fetched that are kept; older ones (scrolled past) are dropped."""


class LibraryModel(QAbstractTableModel):
    """The library (or a search result) as rows, paged in from the store; column 0 feeds
    the grid.

    The model holds the view's order as one array of file ids (sorted and filtered by
    SQLite on a worker, see :meth:`medialens.core.catalog.Catalog.order`) and the rows of
    the pages painted lately: ``data()`` of a row whose page is not loaded asks for that
    page on a worker and answers None (the delegate paints a blank card), and the page's
    ``dataChanged`` repaints it. A million rows cost 8 MB of ids and ``CACHE_PAGES`` pages.
    After a new order, the rows of the old one stand in for their files until their new
    page comes, so a refresh while files are analysed never blanks the grid.
    """

    sortRequested = Signal(int, Qt.SortOrder)
    pageLoaded = Signal(int)  # the first row of a page just loaded

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids = np.empty(0, dtype=np.int64)
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._stale: dict[int, tuple] = {}
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._in_flight: set[int] = set()
        self._generation = 0
        self._why: dict[int, object] = {}
        self._feedback: dict[str, str] = {}
        # fetch(ids) -> rows (on a worker) and run(func, then, error): set by the page
        self.fetch: Callable[[list[int]], list] | None = None
        self.run: Callable[..., None] | None = None
        self.sort_column = COLUMNS.index("added")
        self.sort_order = Qt.SortOrder.DescendingOrder
        self.now = time.time()
        self.birth: float | None = None

    # -- Qt API ----------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
        r = index.row()
        if role == IdRole:
            return int(self._ids[r])
        row = self._row(r)
        if row is None:  # its page is on its way
            return None
        if role == RowRole:
            return row
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
        """Views ask to sort: the page asks the store for the new order and calls ``set_order``."""
        self.sort_column, self.sort_order = column, order
        self.sortRequested.emit(column, order)

    # -- pages -----------------------------------------------------------------------------

    def _row(self, r: int):
        page = r // PAGE
        rows = self._pages.get(page)
        if rows is not None:
            if next(reversed(self._pages)) != page:
                self._pages.move_to_end(page)
            return rows[r - page * PAGE]
        self._want(page)
        return self._stale.get(int(self._ids[r])) if self._stale else None

    def _want(self, page: int) -> None:
        if page in self._in_flight or self.fetch is None or self.run is None:
            return
        last = (len(self._ids) - 1) // PAGE
        # the neighbours first, so the page itself (asked for last) is fetched first
        for p in (page + 1, page - 1, page):
            if 0 <= p <= last and p not in self._pages and p not in self._in_flight:
                self._wanted[p] = None
                self._wanted.move_to_end(p)
        while len(self._wanted) > WANTED:
            self._wanted.popitem(last=False)
        self._pump()

    def _pump(self) -> None:
        while self._wanted and len(self._in_flight) < IN_FLIGHT:
            page, _ = self._wanted.popitem(last=True)
            if page in self._pages:
                continue
            self._in_flight.add(page)
            ids = self._ids[page * PAGE : (page + 1) * PAGE].tolist()
            gen, fetch = self._generation, self.fetch
            assert self.run is not None and fetch is not None
            self.run(
                lambda ids=ids, fetch=fetch: fetch(ids),
                lambda rows, gen=gen, page=page, ids=ids: self._loaded(gen, page, ids, rows),
                lambda _err, gen=gen, page=page: self._loaded(gen, page, None, None),
            )

    def _loaded(self, gen: int, page: int, ids: list[int] | None, rows) -> None:
        if gen != self._generation:
            return  # fetched for an order since replaced
        self._in_flight.discard(page)
        if ids is not None:
            self._store_page(page, ids, rows)
            first = page * PAGE
            last = min(len(self._ids), first + PAGE) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
            self.pageLoaded.emit(first)
        self._pump()

    def _store_page(self, page: int, ids: list[int], rows) -> None:
        by_id = {r.id: r for r in rows}
        self._pages[page] = [by_id.get(i) for i in ids]
        self._pages.move_to_end(page)
        while len(self._pages) > CACHE_PAGES:
            self._pages.popitem(last=False)

    # -- updates (GUI thread, with the order computed elsewhere) ---------------------------

    def ids(self) -> np.ndarray:
        """The file ids of the view, in order (a copy-free array: do not modify it)."""
        return self._ids

    def rows(self) -> list[tuple]:
        """Every row of the view, fetching the missing pages here and now: O(rows), for
        tests and small views; views and the app use ``data()``."""
        out = []
        for page in range((len(self._ids) + PAGE - 1) // PAGE):
            if page not in self._pages and self.fetch is not None:
                ids = self._ids[page * PAGE : (page + 1) * PAGE].tolist()
                self._store_page(page, ids, self.fetch(ids))
            rows = self._pages.get(page) or []
            out.extend(r for r in rows if r is not None)
        return out

    def row_of(self, file_id: int) -> int:
        hits = np.flatnonzero(self._ids == file_id)
        return int(hits[0]) if len(hits) else -1

    def set_feedback(self, feedback: dict[str, str]) -> None:
        self._feedback = feedback
        if len(self._ids):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))

    def set_order(
        self, ids: np.ndarray, why: dict[int, object] | None = None, first: list | None = None
    ) -> None:
        """Swap the order shown, keeping selection and scroll position where possible.

        ``first``: rows already read for the start of the order (its first page or more),
        so what shows first never waits for a page.
        """
        self.now = time.time()
        if why is not None:
            self._why = why
        old = self._ids
        ids = np.asarray(ids, dtype=np.int64)
        # rows shown so far stand in for their files until their new page comes
        stale = {r.id: r for rows in self._pages.values() for r in rows if r is not None}
        self._generation += 1
        self._in_flight.clear()
        self._wanted.clear()
        n = len(old)

        def swap() -> None:
            self._ids = ids
            self._pages.clear()
            self._stale = stale
            if first:
                for page in range(min(CACHE_PAGES, (len(first) + PAGE - 1) // PAGE)):
                    self._store_page(page, ids[page * PAGE : (page + 1) * PAGE].tolist(), first)

        if n == len(ids) and np.array_equal(old, ids):
            swap()
            if n:
                self.dataChanged.emit(self.index(0, 0), self.index(n - 1, len(COLUMNS) - 1))
            return
        if len(ids) > n and np.array_equal(old, ids[:n]):
            self.beginInsertRows(QModelIndex(), n, len(ids) - 1)
            swap()
            self.endInsertRows()
            if n:
                self.dataChanged.emit(self.index(0, 0), self.index(n - 1, len(COLUMNS) - 1))
            return
        if n == len(ids):
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            moved = []
            for idx in persistent:
                r = idx.row()
                hits = np.flatnonzero(ids == old[r]) if 0 <= r < n else ()
                moved.append(
                    self.createIndex(int(hits[0]), idx.column()) if len(hits) else QModelIndex()
                )
            swap()
            self.changePersistentIndexList(persistent, moved)
            self.layoutChanged.emit()
            return
        self.beginResetModel()
        swap()
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
    "tr_reason",
]
