"""Painting cards: thumbnails loaded lazily off-thread, cached in QPixmapCache.

A card is drawn, never built from widgets: 100,000 rows cost nothing until
they scroll into view. Colours come from the palette (light and dark follow
the system); the only fixed colours are the accent and the overlays drawn on
top of pictures.
"""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QImageReader,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPixmapCache,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from medialens.gui import services as S
from medialens.gui.models import FeedbackRole, RowRole, WhyRole, tr_reason
from medialens.paths import DataDirs

RADIUS = 8.0


def accent(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Accent)


class ThumbnailCache(QObject):
    """Loads each file's thumbnail (``DataDirs.thumbnail``) on worker threads, scaled once."""

    ready = Signal(str)

    def __init__(self, dirs: DataDirs, parent=None) -> None:
        super().__init__(parent)
        self.dirs = dirs
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="medialens-thumbs")
        self._pending: set[str] = set()
        self._missing: set[str] = set()
        self._lock = threading.Lock()
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 160 * 1024))
        self._images: list[tuple[str, QImage]] = []
        self._timer = QTimer(self, interval=30, singleShot=True)
        self._timer.timeout.connect(self._publish)
        self._kick.connect(self._timer.start)

    _kick = Signal()

    def pixmap(self, cid: str | None, size: QSize) -> QPixmap | None:
        if not cid:
            return None
        key = f"ml:{cid}:{size.width()}x{size.height()}"
        pm = QPixmapCache.find(key)
        if pm is not None and not pm.isNull():
            return pm
        with self._lock:
            if cid in self._missing or key in self._pending:
                return None
            self._pending.add(key)
        self._pool.submit(self._load, cid, key, QSize(size))
        return None

    def forget_missing(self, cids=None) -> None:
        """Thumbnails may exist now (extraction finished): look again."""
        with self._lock:
            if cids is None:
                self._missing.clear()
            else:
                self._missing.difference_update(cids)

    def _load(self, cid: str, key: str, size: QSize) -> None:
        path = self.dirs.thumbnail(cid)
        image = QImage()
        if path.exists():
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            src = reader.size()
            if src.isValid() and src.width() > 0:
                scaled = src.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding)
                reader.setScaledSize(scaled)
            image = reader.read()
        with self._lock:
            self._pending.discard(key)
            if image.isNull():
                self._missing.add(cid)
                return
            self._images.append((key, image))
        self._kick.emit()

    def _publish(self) -> None:
        with self._lock:
            images, self._images = self._images, []
        for key, image in images:
            QPixmapCache.insert(key, QPixmap.fromImage(image))
        if images:
            self.ready.emit("")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _hue(seed: str) -> int:
    return int(hashlib.md5(seed.encode("utf-8", "replace")).hexdigest()[:4], 16) % 360


def paint_placeholder(p: QPainter, rect: QRectF, row: tuple, dark: bool) -> None:
    """A calm gradient in a colour of the file's own, with a glyph for its kind."""
    hue = _hue(row.album or row.artist or row.folder or row.title or "")
    top = QColor.fromHsv(hue, 80 if dark else 60, 110 if dark else 225)
    bottom = QColor.fromHsv((hue + 30) % 360, 120 if dark else 90, 70 if dark else 190)
    grad = QLinearGradient(rect.topLeft(), rect.bottomRight())
    grad.setColorAt(0, top)
    grad.setColorAt(1, bottom)
    p.fillRect(rect, grad)
    glyph = "♪" if row.kind == "audio" else "▶"
    font = QFont(p.font())
    font.setPixelSize(int(rect.height() * 0.38))
    p.setFont(font)
    p.setPen(QColor(255, 255, 255, 170))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, glyph)


def _pill(p: QPainter, rect: QRectF, text: str, bg: QColor, fg: QColor, font: QFont) -> QRectF:
    fm = QFontMetrics(font)
    w = fm.horizontalAdvance(text) + 10
    h = fm.height() + 2
    r = QRectF(rect.x(), rect.y(), w, h)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(bg)
    p.drawRoundedRect(r, h / 2, h / 2)
    p.setPen(fg)
    p.setFont(font)
    p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
    return r


class CardDelegate(QStyledItemDelegate):
    """Thumbnail, title, a second line, badges; optionally like / dislike / hide buttons."""

    feedbackClicked = Signal(int, str)  # file id, like | dislike | not_interested

    def __init__(
        self, thumbs: ThumbnailCache, width: int = 200, actions: bool = False, parent=None
    ):
        super().__init__(parent)
        self.thumbs = thumbs
        self.actions = actions
        self.pad = 6
        self.set_width(width)

    def set_width(self, width: int) -> None:
        """The card's picture width; its height follows at 16:9."""
        self.width = width
        self.thumb_h = int(width * 9 / 16)

    def sizeHint(self, option, index) -> QSize:
        fm = option.fontMetrics
        lines = 3 if self.actions else 2
        return QSize(
            self.width + 2 * self.pad, self.thumb_h + 2 * self.pad + lines * fm.height() + 10
        )

    def _thumb_rect(self, option) -> QRectF:
        r = option.rect
        return QRectF(r.x() + self.pad, r.y() + self.pad, self.width, self.thumb_h)

    def _action_rects(self, option) -> list[tuple[str, QRectF]]:
        r = option.rect
        fm = option.fontMetrics
        size = fm.height() + 4
        y = r.bottom() - self.pad - size + 1
        x = r.right() - self.pad - 3 * (size + 4)
        return [
            (kind, QRectF(x + i * (size + 4), y, size, size))
            for i, kind in enumerate(("like", "dislike", "not_interested"))
        ]

    def paint(self, p: QPainter, option, index) -> None:
        row = index.data(RowRole)
        if row is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        pal = opt.palette
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        card = QRectF(opt.rect).adjusted(1, 1, -1, -1)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        hover = bool(opt.state & QStyle.StateFlag.State_MouseOver)
        if selected or hover:
            bg = QColor(pal.color(QPalette.ColorRole.Highlight))
            bg.setAlpha(70 if selected else 28)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(bg)
            p.drawRoundedRect(card, RADIUS + 2, RADIUS + 2)
        if opt.state & QStyle.StateFlag.State_HasFocus and selected:
            pen = QPen(accent(pal), 1.5)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(card, RADIUS + 2, RADIUS + 2)
        if not row.available:
            p.setOpacity(0.45)

        tr = self._thumb_rect(opt)
        clip = QPainterPath()
        clip.addRoundedRect(tr, RADIUS, RADIUS)
        p.save()
        p.setClipPath(clip)
        pm = self.thumbs.pixmap(
            row.content_id, tr.size().toSize() * max(1.0, p.device().devicePixelRatioF())
        )
        if pm is not None:
            src = QRectF(pm.rect())
            scale = max(tr.width() / src.width(), tr.height() / src.height())
            w, h = tr.width() / scale, tr.height() / scale
            p.drawPixmap(tr, pm, QRectF(src.center().x() - w / 2, src.center().y() - h / 2, w, h))
        else:
            paint_placeholder(p, tr, row, dark)
        # progress of an unfinished file along the bottom edge
        if S.is_unfinished(row):
            frac = min(1.0, (row.position or 0) / (row.duration or 1))
            bar = QRectF(tr.left(), tr.bottom() - 4, tr.width(), 4)
            p.fillRect(bar, QColor(0, 0, 0, 120))
            p.fillRect(QRectF(bar.left(), bar.top(), bar.width() * frac, 4), accent(pal))
        p.restore()

        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, opt.font.pointSizeF() * 0.82))
        small.setBold(True)
        # duration, bottom right over the picture
        if row.duration:
            text = S.fmt_time(row.duration)
            fm = QFontMetrics(small)
            w = fm.horizontalAdvance(text) + 10
            _pill(
                p,
                QRectF(tr.right() - w - 6, tr.bottom() - fm.height() - 10, w, 0),
                text,
                QColor(0, 0, 0, 165),
                QColor("white"),
                small,
            )
        # badges, top left
        x = tr.left() + 6
        badges = []
        if not row.available:
            badges.append((self.tr("Unavailable"), QColor(90, 90, 90, 220)))
        elif S.is_unfinished(row):
            badges.append((self.tr("Unfinished"), QColor(0, 0, 0, 165)))
        elif S.is_new(
            row, getattr(index.model(), "now", None), getattr(index.model(), "birth", None)
        ):
            badges.append((self.tr("New"), accent(pal)))
        for text, color in badges:
            r = _pill(p, QRectF(x, tr.top() + 6, 0, 0), text, color, QColor("white"), small)
            x = r.right() + 4

        # text
        fm = opt.fontMetrics
        text_top = tr.bottom() + 6
        title_font = QFont(opt.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        p.setFont(title_font)
        p.setPen(pal.color(QPalette.ColorRole.Text))
        title = QFontMetrics(title_font).elidedText(
            row.title or "", Qt.TextElideMode.ElideRight, self.width
        )
        p.drawText(
            QRectF(tr.left(), text_top, self.width, fm.height() + 2),
            Qt.AlignmentFlag.AlignLeft,
            title,
        )
        why = tr_reason(index.data(WhyRole))
        second = why or " — ".join(x for x in (row.artist, row.album) if x)
        if not second:
            import os

            second = os.path.basename(row.folder or "")
            if row.width and row.height:
                second += f"  ·  {row.width}×{row.height}"
        p.setFont(opt.font)
        sub = QColor(pal.color(QPalette.ColorRole.Text))
        sub.setAlphaF(0.62)
        p.setPen(accent(pal) if why and self.actions else sub)
        width = self.width - (3 * (fm.height() + 8) if self.actions else 0)  # clear of the buttons
        lines = 2 if self.actions else 1
        rect = QRectF(tr.left(), text_top + fm.height() + 3, width, fm.height() * lines + 2)
        if lines == 1:
            p.drawText(
                rect,
                Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(second, Qt.TextElideMode.ElideRight, int(width)),
            )
        else:
            p.drawText(
                rect,
                Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft,
                _elide_lines(fm, second, int(width), 1),
            )
        if self.actions:
            self._paint_actions(p, opt, index.data(FeedbackRole), hover or selected)
        p.restore()

    def _paint_actions(self, p: QPainter, opt, current: str | None, active: bool) -> None:
        pal = opt.palette
        glyphs = {"like": "♥", "dislike": "▼", "not_interested": "⊘"}
        for kind, r in self._action_rects(opt):
            on = current == kind
            p.setPen(Qt.PenStyle.NoPen)
            bg = QColor(accent(pal) if on else pal.color(QPalette.ColorRole.Button))
            if not on:
                bg.setAlpha(255 if active else 150)
            p.setBrush(bg)
            p.drawEllipse(r)
            p.setPen(QColor("white") if on else pal.color(QPalette.ColorRole.ButtonText))
            f = QFont(opt.font)
            f.setPixelSize(int(r.height() * 0.55))
            p.setFont(f)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, glyphs[kind])

    def editorEvent(self, event, model, option, index) -> bool:
        if self.actions and event.type() == QEvent.Type.MouseButtonRelease:
            pos = QPointF(event.position())
            for kind, r in self._action_rects(option):
                if r.contains(pos):
                    self.feedbackClicked.emit(index.data(RowRole).id, kind)
                    return True
        return super().editorEvent(event, model, option, index)

    def helpEvent(self, event, view, option, index) -> bool:
        if self.actions:
            from PySide6.QtWidgets import QToolTip

            tips = {
                "like": self.tr("Like"),
                "dislike": self.tr("Dislike"),
                "not_interested": self.tr("Not interested"),
            }
            for kind, r in self._action_rects(option):
                if r.contains(QPointF(event.pos())):
                    QToolTip.showText(event.globalPos(), tips[kind], view)
                    return True
        return super().helpEvent(event, view, option, index)


def _elide_lines(fm: QFontMetrics, text: str, width: int, lines: int) -> str:
    """Keep text within ``lines + 1`` lines of ``width`` (the last one elided)."""
    if fm.horizontalAdvance(text) <= width * (lines + 1) - 10:
        return text
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, width * (lines + 1) - 20)


__all__ = ["CardDelegate", "ThumbnailCache"]
