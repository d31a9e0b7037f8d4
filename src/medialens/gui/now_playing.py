"""What the player shows when there is no picture to show: a song's art and words, and the end.

``MusicView`` is the music player's face: big art (the file's thumbnail, which is the
embedded cover when there is one), the title, artist and album. ``EndedPanel`` replaces
the picture when the last item of the queue has finished, so the screen never turns
black at 0:00: the last frame or the art, "Finished", and what one can do next.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def _label(size: float = 1.0, bold: bool = False, faded: bool = False) -> QLabel:
    label = QLabel()
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * size)
    if bold:
        f.setWeight(QFont.Weight.Bold)
    label.setFont(f)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if faded:
        pal = label.palette()
        color = pal.color(pal.ColorRole.WindowText)
        color.setAlphaF(0.65)
        pal.setColor(pal.ColorRole.WindowText, color)
        label.setPalette(pal)
    return label


class _Art(QLabel):
    """A square picture that scales with the room it has."""

    def __init__(self) -> None:
        super().__init__()
        self.source = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(160, 160)

    def set_source(self, pixmap: QPixmap) -> None:
        self.source = pixmap
        self._rescale()

    def _rescale(self) -> None:
        if self.source.isNull():
            self.clear()
            return
        side = max(64, min(self.width(), self.height(), 640))
        self.setPixmap(
            self.source.scaled(
                side,
                side,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rescale()


class MusicView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(32, 24, 32, 24)
        lay.setSpacing(32)
        self.art = _Art()
        lay.addWidget(self.art, 3)
        words = QVBoxLayout()
        words.addStretch(1)
        self.title = _label(2.0, bold=True)
        self.artist = _label(1.3)
        self.album = _label(1.1, faded=True)
        self.radio = _label(0.95, faded=True)
        for w in (self.title, self.artist, self.album):
            words.addWidget(w)
        words.addSpacing(12)
        words.addWidget(self.radio)
        words.addStretch(1)
        lay.addLayout(words, 2)

    def show_item(self, art: QPixmap, title: str, artist: str, album: str) -> None:
        self.art.set_source(art)
        self.title.setText(title)
        self.artist.setText(artist)
        self.artist.setVisible(bool(artist))
        self.album.setText(album)
        self.album.setVisible(bool(album))

    def set_radio(self, text: str) -> None:
        self.radio.setText(text)
        self.radio.setVisible(bool(text))


class EndedPanel(QWidget):
    playAgain = Signal()
    back = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 24, 24, 24)
        lay.setSpacing(12)
        self.picture = _Art()
        lay.addWidget(self.picture, 1)
        self.heading = _label(1.6, bold=True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.what = _label(1.0, faded=True)
        self.what.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.heading)
        lay.addWidget(self.what)
        row = QHBoxLayout()
        row.addStretch(1)
        self.again = QPushButton()
        self.again.setDefault(True)
        self.back_button = QPushButton()
        row.addWidget(self.again)
        row.addWidget(self.back_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.again.clicked.connect(self.playAgain)
        self.back_button.clicked.connect(self.back)
        self._title = ""
        self._count = 1
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Finished"))
        self.again.setText(self.tr("Play again"))
        self.back_button.setText(self.tr("Back"))
        if self._count > 1:
            self.what.setText(self.tr("You played all {0} items of the queue.").format(self._count))
        else:
            self.what.setText(self._title)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_end(self, picture: QPixmap, title: str, count: int) -> None:
        self._title, self._count = title, count
        self.picture.set_source(picture)
        self.retranslate()


__all__ = ["MusicView", "EndedPanel"]
