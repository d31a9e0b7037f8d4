"""The sidebar's entries with how many items each holds, right-aligned and muted.

Counts come from one pass over the rows already loaded (on a worker thread);
an entry without a count (Artists and Albums until their page has grouped the
music once, the pages of MANAGE) or with none in it shows none.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

CountRole = Qt.ItemDataRole.UserRole + 1


class CountDelegate(QStyledItemDelegate):
    """Draws the entry as the style does, then its count at the right edge."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        count = index.data(CountRole)
        if not count:  # none yet, or none at all: the empty page says which
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.WindowText
        color = QColor(option.palette.color(role))
        color.setAlphaF(0.85 if selected else 0.5)
        painter.save()
        painter.setPen(color)
        painter.setFont(option.font)
        rect = QRect(option.rect).adjusted(0, 0, -12, 0)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{count:,}"
        )
        painter.restore()


__all__ = ["CountDelegate", "CountRole"]
