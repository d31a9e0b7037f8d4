"""The For you page: shelves of cards, each card saying why it is there.

A refresh computes the shelves off-thread and updates each shelf's model in
place: shelves whose cards did not change are left alone, and the page's
and each shelf's scroll positions are kept, so nothing flickers after a play.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
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
    """One horizontal row of cards.

    A press on a card's like / dislike / not-interested button is the button's alone:
    the view neither selects the card nor reports a click on it (which would show
    the card in the library), and a double click there does not play it.
    """

    cardClicked = Signal(int)  # file id: the card itself was clicked
    feedbackClicked = Signal(int, str)  # file id, like | dislike | not_interested

    def __init__(self, delegate: CardDelegate, parent=None) -> None:
        super().__init__(parent)
        self._pressed: tuple[int, str] | None = None
        self.clicked.connect(lambda idx: self.cardClicked.emit(idx.data(RowRole).id))
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

    def _button_at(self, pos) -> tuple[int, str] | None:
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        delegate = self.itemDelegate()
        kind = delegate.action_at(delegate.option_for(self, index), QPointF(pos))
        return (index.row(), kind) if kind else None

    def mousePressEvent(self, event) -> None:
        self._pressed = self._button_at(event.position().toPoint())
        if self._pressed is None:
            super().mousePressEvent(event)
        else:
            event.accept()

    def mouseReleaseEvent(self, event) -> None:
        pressed, self._pressed = self._pressed, None
        if pressed is None:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        if self._button_at(event.position().toPoint()) == pressed:
            row = self.model().index(pressed[0], 0).data(RowRole)
            self.feedbackClicked.emit(row.id, pressed[1])

    def mouseDoubleClickEvent(self, event) -> None:
        if self._button_at(event.position().toPoint()) is None:
            super().mouseDoubleClickEvent(event)
        else:
            event.accept()

    def mouseMoveEvent(self, event) -> None:
        hovered = self._button_at(event.position().toPoint())
        delegate = self.itemDelegate()
        if hovered != delegate.hovered:
            delegate.hovered = hovered
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if hovered else Qt.CursorShape.ArrowCursor
            )
            self.viewport().update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self.itemDelegate().hovered = None
        self.viewport().update()
        super().leaveEvent(event)


def shelf_key(shelf) -> str:
    """A shelf's own key: several "Because you liked X" shelves share ``shelf.key``."""
    return f"{shelf.key}:{shelf.arg}" if shelf.arg else shelf.key


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
        # the shelves have a layout of their own, so reordering them never counts
        # the heading, the empty state or the closing stretch
        self.shelf_box = QVBoxLayout()
        self.shelf_box.setContentsMargins(0, 0, 0, 0)
        self.shelf_box.setSpacing(4)
        self.lay.addLayout(self.shelf_box)
        self.body = body
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
            if shelf_key(shelf) in self.shelves:
                self.shelves[shelf_key(shelf)][0].setText(self.shelf_title(shelf))
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

        def first(result) -> None:
            # What is ready first (on a first start: Continue watching and the newest
            # files, while the feature index is built), then the whole ranking.
            shelves, complete = result
            if complete or gen != self._generation:
                done(shelves)
                return
            self._apply(shelves)
            self.session.run_core(lambda lib: lib.recommender.shelves(per_row=20), done, failed)

        def failed(err: str) -> None:  # no Library, so no suggestions: say so, once
            if gen == self._generation:
                self._apply([])
            if then is not None:
                then()

        def shelves(lib):
            return lib.recommender.first_shelves(per_row=20)

        self.session.run_core(shelves, first, failed)

    def _apply(self, shelves: list) -> None:
        rows = self.session.rows_of({c.file_id for shelf in shelves for c in shelf.cards})
        vbar = self.scroll.verticalScrollBar().value()
        self._data = shelves
        keys = []
        for shelf in shelves:
            cards = [(rows[c.file_id], c.why) for c in shelf.cards if c.file_id in rows]
            if not cards:
                continue
            key = shelf_key(shelf)
            keys.append(key)
            if key not in self.shelves:
                self.shelves[key] = self._new_shelf()
            label, view, model = self.shelves[key]
            model.birth = self.session.birth
            label.setText(self.shelf_title(shelf))
            hbar = view.horizontalScrollBar().value()
            if model.set_cards(cards, self.session.feedback):
                view.horizontalScrollBar().setValue(hbar)
        if keys != self.order:  # lay the shelves out in the order given
            for i, key in enumerate(keys):
                label, view, _m = self.shelves[key]
                for j, w in enumerate((label, view)):
                    if self.shelf_box.indexOf(w) != 2 * i + j:
                        self.shelf_box.removeWidget(w)
                        self.shelf_box.insertWidget(2 * i + j, w)
            self.order = keys
        for key, (label, view, _m) in self.shelves.items():  # hide the ones that went away
            label.setVisible(key in keys)
            view.setVisible(key in keys)
        self.empty.setVisible(not keys)
        self.scroll.verticalScrollBar().setValue(vbar)
        self.loaded = True

    def _new_shelf(self) -> tuple[QLabel, ShelfView, CardModel]:
        """A shelf's heading and view, children of the page from the start: a widget
        shown before it has a parent becomes a window of its own."""
        label = heading("", 1.15)
        label.setParent(self.body)
        model = CardModel(self)
        view = ShelfView(self.delegate, self.body)
        view.setModel(model)
        view.activated.connect(self._activated)
        view.cardClicked.connect(self.selectRequested)
        view.feedbackClicked.connect(self.feedbackRequested)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos, v=view: file_menu(self, v, pos, reveal=self.selectRequested.emit)
        )
        self.shelf_box.addWidget(label)
        self.shelf_box.addWidget(view)
        return label, view, model

    def update_feedback(self) -> None:
        for _label, _view, model in self.shelves.values():
            model.set_cards(model.cards(), self.session.feedback)

    def _activated(self, index) -> None:
        self.playRequested.emit(index.data(RowRole).id)
