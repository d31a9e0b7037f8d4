"""The video picture with subtitles drawn over it.

In Qt 6 a QVideoWidget is a native window: widgets laid over it do not show, and
``grab()`` sees black where the picture is. A QGraphicsVideoItem in a QGraphicsView is
painted like any widget, so a caption item can sit over the picture (sidecar subtitles,
and embedded ones, which arrive as text on the video sink), and screenshots show the
frame. Measured offscreen and in an X window with the FFmpeg backend.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QSizePolicy


class Caption(QGraphicsItem):
    """Subtitle text, centred, white with a dark outline on a translucent box."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.font = QFont()
        self.width = 640.0
        self.setZValue(10)

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.prepareGeometryChange()
            self.text = text
            self.update()

    def set_width(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self.width = width
        self.font.setPixelSize(max(14, int(height / 20)))
        self.font.setWeight(QFont.Weight.DemiBold)

    def _lines(self) -> list[str]:
        return [line for line in self.text.split("\n") if line.strip()]

    def boundingRect(self) -> QRectF:
        fm = QFontMetricsF(self.font)
        return QRectF(
            0,
            -fm.lineSpacing() * len(self._lines()) - 8,
            self.width,
            fm.lineSpacing() * len(self._lines()) + 8,
        )

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        lines = self._lines()
        if not lines:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font)
        step = fm.lineSpacing()
        widest = max(fm.horizontalAdvance(line) for line in lines)
        top = -step * len(lines) - 4
        box = QRectF((self.width - widest) / 2 - 10, top - 4, widest + 20, step * len(lines) + 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 140))
        painter.drawRoundedRect(box, 6, 6)
        path = QPainterPath()
        for k, line in enumerate(lines):
            x = (self.width - fm.horizontalAdvance(line)) / 2
            path.addText(x, top + fm.ascent() + k * step, self.font, line)
        painter.setPen(QPen(QColor(0, 0, 0, 220), 3))
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("white")))
        painter.drawPath(path)


class VideoView(QGraphicsView):
    doubleClicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsVideoItem()
        self.item.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.scene().addItem(self.item)
        self.caption = Caption()
        self.scene().addItem(self.caption)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor("black"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.item.nativeSizeChanged.connect(lambda _s: self._layout())

    def videoSink(self):
        return self.item.videoSink()

    def output(self) -> QGraphicsVideoItem:
        """What to pass to ``QMediaPlayer.setVideoOutput``."""
        return self.item

    def set_caption(self, text: str) -> None:
        self.caption.set_text(text)

    def caption_text(self) -> str:
        return self.caption.text

    def _layout(self) -> None:
        w, h = max(self.viewport().width(), 1), max(self.viewport().height(), 1)
        self.scene().setSceneRect(0, 0, w, h)
        self.item.setPos(0, 0)
        self.item.setSize(QSizeF(w, h))
        self.caption.set_width(w, h)
        self.caption.setPos(0, h - max(12, h * 0.06))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._layout()

    def mouseDoubleClickEvent(self, event) -> None:
        self.doubleClicked.emit()

    def wheelEvent(self, event) -> None:
        event.ignore()  # never scroll the scene


__all__ = ["VideoView", "Caption"]
