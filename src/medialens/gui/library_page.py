"""The library: a grid of cards or a sortable list, beside the details pane."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCursor, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medialens.gui.delegates import CardDelegate, ThumbnailCache
from medialens.gui.details_pane import DetailsPane
from medialens.gui.models import COLUMNS, PAGE, IdRole, LibraryModel, kind_name
from medialens.gui.session import Session
from medialens.gui.widgets import EmptyState, file_menu, heading, muted


class CardGrid(QListView):
    """A grid of cards whose columns fill the width: as many as fit at the delegate's
    narrowest card, each then widened by the same share of what is left."""

    GAP = 12

    def __init__(self, delegate: CardDelegate, parent=None) -> None:
        super().__init__(parent)
        self.min_width = delegate.width
        #: Cards per line (``_columns``) and the (viewport width, grid size) they are for
        self._columns_for: tuple[int, int, int] | None = None
        self._columns_n = 1
        # list mode flowing left to right and wrapping, on a fixed grid, is the same grid of
        # cards as icon mode, but its layout is a loop in C++ that never asks the model;
        # icon mode built an item per row through Python's rowCount/columnCount: 20 s of
        # layout and stalls of a second at 10^6 files
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(400)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        # only when needed; fit_columns keeps its width free, so the columns never change
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # the cards wrap at the width, so there is never anything to scroll sideways to;
        # while a batched layout catches up with a new width Qt showed a bar for nothing
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # the list view shares this selection model: a card picks its whole row, so the
        # table highlights every cell of it, not only the title
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setItemDelegate(delegate)
        # one column of cards at least, however far the splitter's handle is dragged
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        self.setMinimumWidth(self.min_width + 2 * delegate.pad + self.GAP + extent)
        self.fit_columns()

    def fit_columns(self) -> None:
        delegate = self.itemDelegate()
        room = self.viewport().width()
        if not self.verticalScrollBar().isVisibleTo(self):
            room -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        room = max(1, room)
        cell_min = self.min_width + 2 * delegate.pad + self.GAP
        columns = max(1, room // cell_min)
        cell = room // columns
        delegate.set_width(cell - self.GAP - 2 * delegate.pad)
        height = delegate.sizeHint(_view_option(self), QModelIndex()).height()
        size = QSize(cell, height + self.GAP)
        if size != self.gridSize():
            self.setGridSize(size)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()

    # -- painting ------------------------------------------------------------------------
    # QListView's own paintEvent calls the Python delegate once per card from C++ without
    # the GIL, so each card waits to take the GIL back: up to the switch interval (5 ms)
    # whenever another thread runs Python (the index's cold rebuild, a page being read).
    # A page of 21 cards beside one busy Python thread took 113-125 ms of wall for 20-24 ms
    # of the GUI thread's CPU. Here the cards of a paint are drawn in one Python call, the
    # same way (the option, its state and rect as QListView sets them; ListMode has no
    # rubber band to draw).

    def _columns(self) -> int:
        """Cards per line, as the view laid them out (read off their rects once per size)."""
        key = (self.viewport().width(), self.gridSize().width(), self.gridSize().height())
        if self._columns_for != key:
            model = self.model()
            n = model.rowCount() if model is not None else 0
            top = self.visualRect(model.index(0, 0)).top() if n else 0
            columns = 1
            while columns < min(n, 64) and self.visualRect(model.index(columns, 0)).top() == top:
                columns += 1
            if n <= columns:
                return columns  # every card on one line: not known yet for a wider model
            self._columns_for, self._columns_n = key, columns
        return self._columns_n

    def paintEvent(self, event) -> None:
        model = self.model()
        n = model.rowCount() if model is not None else 0
        if not n or self.gridSize().height() <= 0:
            super().paintEvent(event)
            return
        area = event.rect()
        columns = self._columns()
        cell_h = self.gridSize().height()
        origin = self.visualRect(model.index(0, 0)).top()
        line = max(0, (area.top() - origin) // cell_h - 1)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        base = option.state
        enabled = bool(base & QStyle.StateFlag.State_Enabled)
        option.palette.setCurrentColorGroup(
            QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
        )
        selection = self.selectionModel()
        current = self.currentIndex()
        focus = (self.hasFocus() or self.viewport().hasFocus()) and current.isValid()
        viewport = self.viewport()
        hover = -1  # the card under the mouse (Qt's own paint looks again after a scroll too)
        if viewport.underMouse():
            under = self.indexAt(viewport.mapFromGlobal(QCursor.pos()))
            hover = under.row() if under.isValid() else -1
        delegate = self.itemDelegate()
        selected_flag = QStyle.StateFlag.State_Selected
        focus_flag = QStyle.StateFlag.State_HasFocus
        hover_flag = QStyle.StateFlag.State_MouseOver
        painter = QPainter(viewport)
        try:
            row = line * columns
            while row < n:
                index = model.index(row, 0)
                rect = self.visualRect(index)
                if not rect.isValid() or rect.top() > area.bottom():
                    break  # below the area (or not laid out yet, in a batched layout)
                row += 1
                if not rect.intersects(area):
                    continue
                option.rect = rect
                state = base
                if selection is not None and selection.isSelected(index):
                    state |= selected_flag
                if focus and index == current:
                    state |= focus_flag
                if index.row() == hover:
                    state |= hover_flag
                option.state = state
                delegate.paint(painter, option, index)
        finally:
            painter.end()


class LibraryTable(QTableView):
    """The list view, its columns fitted to its width: the short ones (duration, dates,
    kind) as wide as their header or widest value, the rest shared out between title,
    artist / album and folder. A horizontal scroll bar shows only when even their
    narrowest widths do not fit."""

    SHARES = {"title": 0.45, "artist": 0.35, "folder": 0.2}
    NARROWEST = {"title": 160, "artist": 120, "folder": 80}
    SAMPLES = {"duration": "88:88:88", "added": "2026-12-31", "played": "2026-12-31"}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)

    def fit_columns(self) -> None:
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        fm, hfm = self.fontMetrics(), header.fontMetrics()
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 8
        widths: dict[int, int] = {}
        for col, name in enumerate(COLUMNS):
            if name in self.SHARES:
                continue
            head = hfm.horizontalAdvance(str(model.headerData(col, Qt.Orientation.Horizontal)))
            values = [self.SAMPLES.get(name, "")]
            if name == "kind":
                values = [kind_name("audio", c) for c in ("music", "speech", "sound", None)]
                values.append(kind_name("video"))
            widths[col] = max(head + arrow, max(fm.horizontalAdvance(v) for v in values)) + pad
        room = self.viewport().width() - sum(widths.values())
        for name, share in self.SHARES.items():
            widths[COLUMNS.index(name)] = max(self.NARROWEST[name], int(room * share))
        # the rounding's few pixels go to the title
        spare = self.viewport().width() - sum(widths.values())
        if spare > 0:
            widths[COLUMNS.index("title")] += spare
        for col, width in widths.items():
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Resize:  # the page or splitter, or a scroll bar came
            self.fit_columns()
        return super().viewportEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self.fit_columns()


def _view_option(view: QAbstractItemView):
    from PySide6.QtWidgets import QStyleOptionViewItem

    opt = QStyleOptionViewItem()
    opt.initFrom(view)
    opt.fontMetrics = view.fontMetrics()
    return opt


class LibraryPage(QWidget):
    """All, Video, Music, a folder, or search results: the same page with another filter."""

    playRequested = Signal(int)
    feedbackRequested = Signal(int, str)
    emptyAction = Signal()

    def __init__(
        self, session: Session, thumbs: ThumbnailCache, search: bool = False, parent=None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.search_mode = search
        self.kind: str | None = None
        self.category: str | None = None  # music | speech | sound | video (core.music)
        self.folder: str | None = None
        self.ids: list[int] | None = None
        self._generation = 0
        self._why: dict = {}
        self.model = LibraryModel(self)
        self._built = False
        self.model.sortRequested.connect(lambda *_: self._built and self.refresh())

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        head = QHBoxLayout()
        head.setContentsMargins(20, 14, 12, 8)
        self.title = heading()
        self.count = muted(QLabel())
        head.addWidget(self.title)
        head.addSpacing(10)
        head.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        head.addStretch(1)
        self.sort_button = QToolButton()
        self.sort_menu = QMenu(self)
        # the menu opens under the button on click; a menu set on the button would have
        # the style draw its own arrow beside the text's "▾"
        self.sort_button.clicked.connect(
            lambda: self.sort_menu.exec(
                self.sort_button.mapToGlobal(QPoint(0, self.sort_button.height()))
            )
        )
        head.addWidget(self.sort_button)
        self.grid_button = QToolButton(checkable=True, checked=True)
        self.list_button = QToolButton(checkable=True)
        group = QButtonGroup(self)
        group.addButton(self.grid_button)
        group.addButton(self.list_button)
        group.setExclusive(True)
        self.grid_button.toggled.connect(lambda on: on and self.set_mode("grid"))
        self.list_button.toggled.connect(lambda on: on and self.set_mode("list"))
        head.addWidget(self.grid_button)
        head.addWidget(self.list_button)
        lay.addLayout(head)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.stack = QStackedWidget()
        self.delegate = CardDelegate(thumbs, width=196, parent=self)
        self.grid = CardGrid(self.delegate)
        self.grid.setModel(self.model)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(lambda pos: file_menu(self, self.grid, pos))
        self.table = LibraryTable()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionModel(self.grid.selectionModel())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        hh = self.table.horizontalHeader()
        hh.setSortIndicatorShown(True)
        hh.setSortIndicator(self.model.sort_column, self.model.sort_order)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(lambda pos: file_menu(self, self.table, pos))
        self.empty = EmptyState()
        self.empty.button.clicked.connect(self.emptyAction)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.details = DetailsPane(session)
        self.details.playRequested.connect(self.playRequested)
        self.details.feedbackRequested.connect(self.feedbackRequested)
        self.details.selectRequested.connect(self.select_id)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.details)
        self.splitter.setChildrenCollapsible(False)  # dragged to an edge, neither vanishes
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1000, 320])
        lay.addWidget(self.splitter, 1)

        for view in (self.grid, self.table):
            view.activated.connect(self._activated)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.grid.selectionModel().selectionChanged.connect(self._current_changed)
        self._details_timer = QTimer(self, singleShot=True, interval=120)
        self._details_timer.timeout.connect(self._show_details)
        self.play_action = QAction(self)
        self.play_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.mode = "grid"
        self.empty_texts = ("", "", "", None)
        # the table asks to sort while it is being set up: start from the newest, whatever it asked
        self.model.sort_column = COLUMNS.index("added")
        self.model.sort_order = Qt.SortOrder.DescendingOrder
        hh.blockSignals(True)
        hh.setSortIndicator(self.model.sort_column, self.model.sort_order)
        hh.blockSignals(False)
        self._built = True
        self.retranslate()

    # -- text --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.grid_button.setText("▦")
        self.grid_button.setToolTip(self.tr("Grid"))
        self.list_button.setText("☰")
        self.list_button.setToolTip(self.tr("List"))
        self.sort_menu.clear()
        labels = [
            (self.tr("Recently added"), "added", Qt.SortOrder.DescendingOrder),
            (self.tr("Title"), "title", Qt.SortOrder.AscendingOrder),
            (self.tr("Artist / album"), "artist", Qt.SortOrder.AscendingOrder),
            (self.tr("Duration"), "duration", Qt.SortOrder.DescendingOrder),
            (self.tr("Recently played"), "played", Qt.SortOrder.DescendingOrder),
            (self.tr("Folder"), "folder", Qt.SortOrder.AscendingOrder),
        ]
        current = self.tr("Sort")
        for text, col, order in labels:
            act = self.sort_menu.addAction(text)
            act.triggered.connect(lambda _=False, c=col, o=order: self.sort_by(COLUMNS.index(c), o))
            if COLUMNS.index(col) == self.model.sort_column and Qt.SortOrder(order) == Qt.SortOrder(
                self.model.sort_order
            ):
                current = text
        self.sort_button.setText(current + "  ▾")
        self.sort_button.setVisible(not self.search_mode)
        self._update_count()
        self._update_empty()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- filters -----------------------------------------------------------------------------

    def set_filter(
        self,
        title: str,
        kind: str | None = None,
        folder: str | None = None,
        category: str | None = None,
    ) -> None:
        self.title.setText(title)
        self.kind, self.folder, self.category, self.ids = kind, folder, category, None
        self.refresh()

    def set_results(self, title: str, hits: list[tuple[int, object]]) -> None:
        self.title.setText(title)
        self.ids = [fid for fid, _ in hits]
        self.refresh(why=dict(hits))

    def set_empty_text(self, glyph: str, title: str, text: str, button: str | None = None) -> None:
        self.empty_texts = (glyph, title, text, button)
        self._update_empty()

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort_column, self.model.sort_order = column, order
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        self.refresh()

    def refresh(self, why: dict | None = None) -> None:
        """Ask the store (on a worker) for the order shown: ids filtered and sorted by
        SQLite, and the rows of its first page; later pages load as they are painted."""
        self._generation += 1
        gen = self._generation
        catalog = self.session.services.catalog
        sort = COLUMNS[self.model.sort_column]
        descending = Qt.SortOrder(self.model.sort_order) == Qt.SortOrder.DescendingOrder
        kind, folder, category, ids = self.kind, self.folder, self.category, self.ids
        if why is not None:
            self._why = why

        def work():
            import numpy as np

            history = catalog.history()
            if ids is not None:  # an explicit order (search results): keep it
                order = np.array(catalog.media_among(ids), dtype=np.int64)
            else:
                order = catalog.order(sort, descending, kind=kind, category=category, folder=folder)
            return order, history, catalog.rows_of(order[:PAGE].tolist(), history)

        self.session.bridge.run(work, lambda result: self._apply(gen, *result))
        if not self.search_mode:
            self.retranslate()

    def _apply(self, gen: int, order, history, first: list) -> None:
        if gen != self._generation:
            return
        catalog = self.session.services.catalog
        current = self.current_id()
        self.model.fetch = lambda ids: catalog.rows_of(ids, history)
        self.model.run = self.session.bridge.run
        self.model.set_order(order, self._why if self.ids is not None else {}, first)
        self.model.set_feedback(self.session.feedback)
        if current is not None and self.current_id() != current:
            self.select_id(current, scroll=False)
        if self.details.file_id is not None and self.picked_id() is None:
            self.details.show_file(None)  # the picked file is no longer shown
        self._update_count()
        self._update_empty()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count.setText(self.tr("1 item") if n == 1 else self.tr("{0} items").format(f"{n:,}"))
        self.count.setVisible(n > 0)  # "0 items" over "Nothing found" says it twice

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            self.empty.set(*self.empty_texts)
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.grid if self.mode == "grid" else self.table)
        # the pane takes its room only for a picked file; until then the grid has it all
        self.details.setVisible(not empty and self.details.file_id is not None)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.sort_button.setVisible(mode == "grid" and not self.search_mode)
        self._update_empty()
        view = self.grid if mode == "grid" else self.table
        idx = self.grid.currentIndex()
        if idx.isValid():
            view.scrollTo(idx)

    # -- selection ---------------------------------------------------------------------------

    def current_view(self) -> QAbstractItemView:
        return self.grid if self.mode == "grid" else self.table

    def current_id(self) -> int | None:
        idx = self.grid.currentIndex()
        return idx.data(IdRole) if idx.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = (
            self.grid.selectionModel().selectedRows(0)
            or self.grid.selectionModel().selectedIndexes()
        )
        ids = []
        for idx in rows:
            fid = idx.data(IdRole)
            if fid not in ids:
                ids.append(fid)
        return ids

    def select_id(self, file_id: int, scroll: bool = True) -> None:
        row = self.model.row_of(file_id)
        if row < 0:
            return
        idx = self.model.index(row, 0)
        self.grid.selectionModel().setCurrentIndex(
            idx,
            self.grid.selectionModel().SelectionFlag.ClearAndSelect
            | self.grid.selectionModel().SelectionFlag.Rows,
        )
        if scroll:
            self.current_view().scrollTo(idx)

    def _current_changed(self, current: QModelIndex, _previous) -> None:
        self._details_timer.start()

    def picked_id(self) -> int | None:
        """The file the details pane is for: the current one, while it is selected (a
        click on empty space or Escape clears the selection and closes the pane)."""
        idx = self.grid.currentIndex()
        if not idx.isValid() or not self.grid.selectionModel().isSelected(idx):
            return None
        return idx.data(IdRole)

    def _show_details(self) -> None:
        fid = self.picked_id()
        self.details.show_file(fid)
        self._update_empty()
        if fid is not None:
            self.session.engine.prioritize([fid])

    QUEUE_MAX = 10_000

    def queue_for(self, file_id: int) -> list[int]:
        """What plays next and before: the files shown, in their order, from a window
        around ``file_id`` of at most ``QUEUE_MAX`` (a queue of a million is no use)."""
        ids = self.model.ids()
        if len(ids) <= self.QUEUE_MAX:
            return ids.tolist()
        at = max(0, self.model.row_of(file_id))
        start = max(0, min(at - self.QUEUE_MAX // 2, len(ids) - self.QUEUE_MAX))
        return ids[start : start + self.QUEUE_MAX].tolist()

    def _activated(self, index: QModelIndex) -> None:
        fid = index.data(IdRole)
        if fid is not None:
            self.playRequested.emit(fid)
