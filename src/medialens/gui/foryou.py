"""The For you page: shelves of cards, each card saying why it is there.

A refresh computes the shelves off-thread and updates each shelf's model in
place: shelves whose cards did not change are left alone, and the page's
and each shelf's scroll positions are kept, so nothing flickers after a play.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from medialens.gui.delegates import CardDelegate, ThumbnailCache
from medialens.gui.models import CardModel, RowRole, tr_reason
from medialens.gui.session import Session
from medialens.gui.widgets import EmptyState, file_menu, heading, muted


class ShelfView(QListView):
    """One horizontal row of cards."""

    def __init__(self, delegate: CardDelegate, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(4)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalScrollBar().setSingleStep(40)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(delegate)
        self.viewport().setAutoFillBackground(False)
        hint = delegate.sizeHint(_opt(self), None)
        self.setFixedHeight(hint.height() + 26)


def _opt(view):
    from PySide6.QtWidgets import QStyleOptionViewItem

    opt = QStyleOptionViewItem()
    opt.initFrom(view)
    opt.fontMetrics = view.fontMetrics()
    return opt


class ForYouPage(QWidget):
    playRequested = Signal(int)
    selectRequested = Signal(int)
    feedbackRequested = Signal(int, str)
    emptyAction = Signal()

    def __init__(self, session: Session, thumbs: ThumbnailCache, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded = False
        self.delegate = CardDelegate(thumbs, width=232, actions=True, parent=self)
        self.delegate.feedbackClicked.connect(self.feedbackRequested)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        body = QWidget()
        self.scroll.setWidget(body)
        self.lay = QVBoxLayout(body)
        self.lay.setContentsMargins(20, 14, 12, 12)
        self.lay.setSpacing(4)
        self.title = heading()
        self.subtitle = muted(QLabel())
        self.lay.addWidget(self.title)
        self.lay.addWidget(self.subtitle)
        self.lay.addSpacing(6)
        self.shelves: dict[str, tuple[QLabel, ShelfView, CardModel]] = {}
        self.order: list[str] = []
        self._data: list = []  # medialens.core.recommendations.Shelf
        self.empty = EmptyState()
        self.empty.button.clicked.connect(self.emptyAction)
        self.empty.hide()  # until the first shelves are computed
        self.lay.addWidget(self.empty)
        self.lay.addStretch(1)
        self._generation = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("For you"))
        self.subtitle.setText(
            self.tr(
                "Picked from what you play, like and add. Everything is worked out on this computer."
            )
        )
        for shelf in self._data:
            if shelf.key in self.shelves:
                self.shelves[shelf.key][0].setText(self.shelf_title(shelf))
        self.empty.set(
            "✦",
            self.tr("Nothing to suggest yet"),
            self.tr(
                "Add a folder with videos or music; suggestions appear as soon as files are found."
            ),
            None,
        )

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shelf_title(self, shelf) -> str:
        titles = {
            "for_you": self.tr("For you"),
            "continue": self.tr("Continue watching"),
            "continue_watching": self.tr("Continue watching"),
            "new_for_you": self.tr("New for you"),
            "because_you_played": self.tr("Because you played {0}"),
            "new": self.tr("New for you"),
            "because": self.tr("Because you played {0}"),
        }
        if getattr(shelf, "reason", None) is not None:  # "because you liked/played X"
            return tr_reason(shelf.reason)
        return titles.get(shelf.key, shelf.title).format(shelf.arg)

    # -- data ---------------------------------------------------------------------------------

    def refresh(self, then=None) -> None:
        self._generation += 1
        gen = self._generation

        def done(shelves) -> None:
            if gen == self._generation:
                self._apply(shelves)
            if then is not None:
                then()

        def failed(err: str) -> None:  # no Library, so no suggestions: say so, once
            if gen == self._generation:
                self._apply([])
            if then is not None:
                then()

        def shelves(lib):
            from medialens.core import recommendations

            return recommendations.shelves(lib, per_row=20)

        self.session.run_core(shelves, done, failed)

    def _apply(self, shelves: list) -> None:
        rows = {r.id: r for r in self.session.all_rows}
        vbar = self.scroll.verticalScrollBar().value()
        self._data = shelves
        keys = []
        for shelf in shelves:
            cards = [(rows[c.file_id], c.why) for c in shelf.cards if c.file_id in rows]
            if not cards:
                continue
            keys.append(shelf.key)
            if shelf.key not in self.shelves:
                label = heading("", 1.15)
                model = CardModel(self)
                view = ShelfView(self.delegate)
                view.setModel(model)
                view.activated.connect(self._activated)
                view.clicked.connect(lambda idx: self.selectRequested.emit(idx.data(RowRole).id))
                view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                view.customContextMenuRequested.connect(
                    lambda pos, v=view: file_menu(self, v, pos, reveal=self.selectRequested.emit)
                )
                self.shelves[shelf.key] = (label, view, model)
            label, view, model = self.shelves[shelf.key]
            model.birth = self.session.birth
            label.setText(self.shelf_title(shelf))
            hbar = view.horizontalScrollBar().value()
            if model.set_cards(cards, self.session.feedback):
                view.horizontalScrollBar().setValue(hbar)
        # lay the shelves out in the order given, hide the ones that went away
        for key, (label, view, _m) in self.shelves.items():
            visible = key in keys
            label.setVisible(visible)
            view.setVisible(visible)
        if keys != self.order:
            for label, view, _m in self.shelves.values():
                self.lay.removeWidget(label)
                self.lay.removeWidget(view)
            ordered = keys + [k for k in self.shelves if k not in keys]
            pos = self.lay.indexOf(self.empty)
            for key in ordered:
                label, view, _m = self.shelves[key]
                self.lay.insertWidget(pos, label)
                self.lay.insertWidget(pos + 1, view)
                pos += 2
            self.order = keys
        self.empty.setVisible(not keys)
        self.scroll.verticalScrollBar().setValue(vbar)
        self.loaded = True

    def update_feedback(self) -> None:
        for _label, _view, model in self.shelves.values():
            model.set_cards(model.cards(), self.session.feedback)

    def _activated(self, index) -> None:
        self.playRequested.emit(index.data(RowRole).id)
