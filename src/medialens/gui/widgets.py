"""The pieces every page is built from: headings, muted text, empty states, the
file menu, and the ``Page`` base with its heading and button row.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from medialens.gui.models import RowRole
from medialens.gui.session import Session


def heading(text: str = "", size: float = 1.6) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * size)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    return label


def muted(label: QLabel) -> QLabel:
    """Secondary text, in the palette's placeholder colour: a role, not a colour
    copied now, so the text follows a live switch between light and dark."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def file_menu(page, view, pos, reveal=None) -> None:
    """The context menu of a file card or row, the same in every view.

    ``page`` has ``playRequested`` and ``feedbackRequested`` signals and ``session``;
    ``reveal(file_id)``, when given, adds "Show in library".
    """
    idx = view.indexAt(pos)
    if not idx.isValid():
        return
    fid = idx.data(RowRole).id
    translate = QCoreApplication.translate
    menu = QMenu(view)
    menu.addAction(translate("LibraryPage", "Play"), lambda: page.playRequested.emit(fid))
    session = page.session
    menu.addAction(translate("LibraryPage", "Play similar"), lambda: session.queue("similar", fid))
    menu.addAction(translate("LibraryPage", "Play next"), lambda: session.queue("next", fid))
    menu.addAction(translate("LibraryPage", "Add to queue"), lambda: session.queue("append", fid))
    if reveal is not None:
        menu.addAction(translate("ForYouPage", "Show in library"), lambda: reveal(fid))
    menu.addSeparator()
    for kind, text in (
        ("like", translate("LibraryPage", "Like")),
        ("dislike", translate("LibraryPage", "Dislike")),
        ("not_interested", translate("LibraryPage", "Not interested")),
    ):
        menu.addAction(text, lambda k=kind: page.feedbackRequested.emit(fid, k))
    menu.addSeparator()
    menu.addAction(translate("LibraryPage", "Show in folder"), lambda: session.show_in_folder(fid))
    menu.exec(view.viewport().mapToGlobal(pos))


class EmptyState(QWidget):
    """A centred message with an optional action: every empty view says what to do."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        self.glyph = QLabel()
        f = self.glyph.font()
        f.setPointSizeF(f.pointSizeF() * 3.2)
        self.glyph.setFont(f)
        self.glyph.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = heading("", 1.3)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = muted(QLabel())
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton()
        self.button.hide()
        for w in (self.glyph, self.title, self.text):
            lay.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)

    def set(self, glyph: str, title: str, text: str, button: str | None = None) -> None:
        self.glyph.setText(glyph)
        self.title.setText(title)
        self.text.setText(text)
        self.button.setVisible(bool(button))
        if button:
            self.button.setText(button)


class Page(QWidget):
    """A page with a heading, a line under it and a body; retranslated on language change."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(24, 16, 24, 16)
        self.outer.setSpacing(10)
        self.title = heading()
        self.subtitle = muted(QLabel())
        self.subtitle.setWordWrap(True)
        self.outer.addWidget(self.title)
        self.outer.addWidget(self.subtitle)

    def add_buttons(self, *left, right=()) -> list[QPushButton]:
        """A row of buttons under the page body, each clicking one of the given slots:
        ``left`` from the left edge, ``right`` pushed to the right edge. Text comes later,
        from ``retranslate``."""
        row = QHBoxLayout()
        buttons = [QPushButton() for _ in (*left, *right)]
        for button, slot in zip(buttons, (*left, *right), strict=True):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.insertStretch(len(left), 1)
        self.outer.addLayout(row)
        return buttons

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass
