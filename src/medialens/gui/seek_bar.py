"""The player's seek bar: a click jumps there, dragging scrubs, chapters show as marks.

A plain QSlider moves one page step towards a click on its groove, and only seeks when
a drag ends, so clicking did nothing visible. Here a click on the groove jumps to the
position under the mouse (``seekRequested``), a press on the handle drags as before.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider


class SeekBar(QSlider):
    seekRequested = Signal(int)  # milliseconds, from a click on the groove

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.marks: list[int] = []  # chapter starts, milliseconds
        self.setRange(0, 0)

    def set_marks(self, marks: list[int]) -> None:
        self.marks = [m for m in marks if m > 0]
        self.update()

    def _rects(self) -> tuple[QStyleOptionSlider, QRect, QRect]:
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        style = self.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self
        )
        return opt, groove, handle

    def value_at(self, x: float) -> int:
        """The value under horizontal position ``x`` (widget coordinates)."""
        opt, groove, handle = self._rects()
        span = max(groove.width() - handle.width(), 1)
        pos = int(x - groove.x() - handle.width() / 2)
        return QStyle.sliderValueFromPosition(
            self.minimum(), self.maximum(), max(0, min(pos, span)), span, opt.upsideDown
        )

    def x_of(self, value: int) -> float:
        opt, groove, handle = self._rects()
        span = max(groove.width() - handle.width(), 1)
        pos = QStyle.sliderPositionFromValue(
            self.minimum(), self.maximum(), value, span, opt.upsideDown
        )
        return groove.x() + handle.width() / 2 + pos

    def mousePressEvent(self, event) -> None:
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.maximum() > self.minimum()
            and not self._rects()[2].contains(event.position().toPoint())
        ):
            value = self.value_at(event.position().x())
            self.setValue(value)
            self.seekRequested.emit(value)
            event.accept()
            return
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.marks or self.maximum() <= 0:
            return
        p = QPainter(self)
        color = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        color.setAlpha(150)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        cy = self.height() / 2
        for m in self.marks:
            if m < self.maximum():
                p.drawEllipse(QPointF(self.x_of(m), cy), 2.5, 2.5)
        p.end()


__all__ = ["SeekBar"]
