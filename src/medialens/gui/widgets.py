"""The pieces every page is built from: headings, muted text, empty states, the
file menu, and the ``Page`` base with its heading and button row.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from medialens.gui.models import IdRole, RowRole
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


ZWSP = "\u200b"  # a break opportunity that takes no room
_SEPARATORS = re.compile(r"([/\\_])")
_LONG_RUN = re.compile(r"[^\s\u200b]{20}(?=[^\s\u200b])")


def breakable(text: str) -> str:
    """``text`` with break opportunities after path separators and underscores, and
    every 20 characters in a longer run: a word-wrapped label then wraps a file
    path, a file name made of underscores or a content id at its width instead of
    growing wider than its pane."""
    text = _SEPARATORS.sub(lambda m: m.group(1) + ZWSP, text)
    return _LONG_RUN.sub(lambda m: m.group(0) + ZWSP, text)


class Picture(QWidget):
    """A picture scaled to the widget's width (never wider, never upscaled past twice its
    size), its height following from its proportions: a QLabel with a pixmap asks for
    the pixmap's width and so pushes a narrow pane wider than its viewport."""

    MAX_HEIGHT = 360

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._scaled = QPixmap()
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self._scaled = QPixmap()
        self.updateGeometry()
        self.update()

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def shown_size(self, width: int | None = None) -> QSize:
        """The size the picture is drawn at in a widget ``width`` wide (its own width)."""
        if self._pixmap.isNull():
            return QSize(0, 0)
        width = self.width() if width is None else width
        pw, ph = self._pixmap.width(), self._pixmap.height()
        w = max(1, min(width, 2 * pw))
        h = round(w * ph / pw)
        if h > self.MAX_HEIGHT:
            h, w = self.MAX_HEIGHT, round(self.MAX_HEIGHT * pw / ph)
        return QSize(w, h)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.shown_size(width).height()

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def paintEvent(self, event) -> None:
        if self._pixmap.isNull():
            return
        size = self.shown_size()
        if self._scaled.size() != size:
            self._scaled = self._pixmap.scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        rect = QRect(0, 0, size.width(), size.height())
        rect.moveCenter(self.rect().center())
        rect.moveTop(0)
        painter = QPainter(self)
        painter.drawPixmap(rect, self._scaled)
        painter.end()


CHECK = Path(__file__).resolve().parent / "resources" / "check.svg"


def checkbox(text: str = "") -> QCheckBox:
    """A check box whose box shows in both themes: Fusion outlines it in a shade of the
    window colour, which in the dark theme is all but black on black. Drawn from the
    palette's roles, so it follows a live switch of theme (``look.repolish``)."""
    box = QCheckBox(text)
    box.setStyleSheet(
        "QCheckBox::indicator { width: 13px; height: 13px; border-radius: 3px;"
        " border: 1px solid palette(placeholder-text); background: palette(base); }"
        "QCheckBox::indicator:hover { border-color: palette(highlight); }"
        "QCheckBox::indicator:checked { background: palette(highlight);"
        f" border-color: palette(highlight); image: url({CHECK.as_posix()}); }}"
        "QCheckBox::indicator:disabled { border-color: palette(mid); }"
    )
    return box


def file_menu(page, view, pos, reveal=None) -> None:
    """The context menu of a file card or row, the same in every view.

    ``page`` has ``playRequested`` and ``feedbackRequested`` signals and ``session``;
    ``reveal(file_id)``, when given, adds "Show in library".
    """
    idx = view.indexAt(pos)
    if not idx.isValid():
        return
    fid = idx.data(IdRole)
    if fid is None:
        row = idx.data(RowRole)
        if row is None:
            return
        fid = row.id
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
