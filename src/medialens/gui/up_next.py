"""Up next: the play queue as a list beside the player.

Shows what played (faded), what plays now (bold) and what comes next; drag to reorder,
or move up and down; remove, clear, and double-click (or Enter) to play an item now.
It edits the :class:`~medialens.gui.play_queue.PlayQueue` and redraws from it, never
the other way round.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medialens.gui.play_queue import PlayQueue

ID_ROLE = Qt.ItemDataRole.UserRole


class UpNext(QWidget):
    playRequested = Signal(int)  # index in the queue

    def __init__(
        self, queue: PlayQueue, describe: Callable[[int], tuple[str, str]], parent=None
    ) -> None:
        """``describe(file_id)`` gives (title, second line) for an item."""
        super().__init__(parent)
        self.queue = queue
        self.describe = describe
        self.radio_text = ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)
        self.title = QLabel()
        f = self.title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        self.title.setFont(f)
        self.radio = QLabel()
        self.radio.setWordWrap(True)
        self.radio.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        lay.addWidget(self.title)
        lay.addWidget(self.radio)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(False)
        self.list.setSpacing(1)
        self.list.itemActivated.connect(lambda item: self.playRequested.emit(self.list.row(item)))
        self.list.model().rowsMoved.connect(lambda *_a: self._dropped())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.up = QToolButton()
        self.down = QToolButton()
        self.remove = QToolButton()
        self.clear = QToolButton()
        for b in (self.up, self.down, self.remove):
            b.setAutoRaise(True)
            row.addWidget(b)
        row.addStretch(1)
        self.clear.setAutoRaise(True)
        row.addWidget(self.clear)
        lay.addLayout(row)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove.clicked.connect(self._remove)
        self.clear.clicked.connect(self.queue.clear_upcoming)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._remove)
        queue.changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.up.setText("↑")
        self.up.setToolTip(self.tr("Move up"))
        self.down.setText("↓")
        self.down.setToolTip(self.tr("Move down"))
        self.remove.setText(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Take it out of the queue (Delete)"))
        self.clear.setText(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Clear what comes next"))
        self.list.setToolTip(self.tr("Double-click to play; drag to reorder"))
        self._update_title()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_radio(self, text: str) -> None:
        self.radio_text = text
        self.radio.setText(text)
        self.radio.setVisible(bool(text))

    def _update_title(self) -> None:
        n = self.queue.remaining()
        self.title.setText(self.tr("Up next") + (f"  ·  {n}" if n else ""))

    def refresh(self) -> None:
        keep = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.model().blockSignals(True)
        self.list.clear()
        faded = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for k, fid in enumerate(self.queue.items):
            title, second = self.describe(fid)
            now = k == self.queue.index
            item = QListWidgetItem(
                ("▶  " if now else "") + title + (f"\n{second}" if second else "")
            )
            item.setData(ID_ROLE, fid)
            if now:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            elif k < self.queue.index:
                item.setForeground(faded)
            self.list.addItem(item)
        self.list.model().blockSignals(False)
        self.list.blockSignals(False)
        if 0 <= keep < self.list.count():
            self.list.setCurrentRow(keep)
        if 0 <= self.queue.index < self.list.count():
            self.list.scrollToItem(
                self.list.item(self.queue.index), QAbstractItemView.ScrollHint.PositionAtTop
            )
        self._update_title()
        self._update_buttons()
        self.set_radio(self.radio_text)

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.list.count() - 1)
        self.remove.setEnabled(row >= 0 and row != self.queue.index)  # not what plays
        self.clear.setEnabled(self.queue.remaining() > 0)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        if row < 0 or not 0 <= row + step < len(self.queue):
            return
        self.queue.move(row, row + step)
        self.list.setCurrentRow(row + step)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0 and row != self.queue.index:
            self.queue.remove(row)
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _dropped(self) -> None:
        order = [self.list.item(k).data(ID_ROLE) for k in range(self.list.count())]
        self.queue.reorder(order)


__all__ = ["UpNext"]
