"""Painting cards: thumbnails loaded lazily off-thread, cached in QPixmapCache.

A card is drawn, never built from widgets: 100,000 rows cost nothing until
they scroll into view. Colours come from the palette (light and dark follow
the system); the only fixed colours are the accent and the overlays drawn on
top of pictures.
"""

from __future__ import annotations

import hashlib
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
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
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from medialens.gui import services as S
from medialens.gui.models import FeedbackRole, RowRole, WhyRole, card_subtitle, tr_reason
from medialens.paths import DataDirs

RADIUS = 8.0


def accent(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Accent)


class ThumbnailCache(QObject):
    """Loads each file's thumbnail (``DataDirs.thumbnail``) on worker threads, scaled once.

    Decoded and scaled off the GUI thread (``QImageReader`` reads at the size shown), then
    kept as pixmaps in ``QPixmapCache`` (bounded, least recently used dropped). Requests
    wait in a bounded stack, newest first: while the grid scrolls fast, the cards on
    screen now load before those scrolled past, and those are forgotten (asked for again
    if they come back into view).
    """

    ready = Signal(str)
    WAITING = 256  # requests kept; older ones are dropped
    MISSING = 200_000  # content ids remembered as having no thumbnail

    def __init__(self, dirs: DataDirs, parent=None) -> None:
        super().__init__(parent)
        self.dirs = dirs
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="medialens-thumbs")
        self._pending: set[str] = set()
        self._waiting: deque[tuple[str, str, QSize, float]] = deque()
        self._missing: set[str] = set()
        self._workers = 0  # workers looping over _waiting
        self._lock = threading.Lock()
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 160 * 1024))
        self._images: list[tuple[str, QImage]] = []
        self._timer = QTimer(self, interval=30, singleShot=True)
        self._timer.timeout.connect(self._publish)
        self._kick.connect(self._timer.start)

    _kick = Signal()

    def pixmap(self, cid: str | None, size: QSize) -> QPixmap | None:
        """The thumbnail scaled to cover ``size`` (device pixels), or None while it loads."""
        return self._find(cid, size, 0.0)

    def card(self, cid: str | None, size: QSize, radius: float) -> QPixmap | None:
        """The thumbnail cropped to exactly ``size`` with rounded corners, ready to draw as
        it is (no clip, no scaling on the GUI thread), or None while it loads."""
        return self._find(cid, size, radius)

    def _find(self, cid: str | None, size: QSize, radius: float) -> QPixmap | None:
        if not cid:
            return None
        key = f"ml:{cid}:{size.width()}x{size.height()}:{radius:g}"
        pm = QPixmapCache.find(key)
        if pm is not None and not pm.isNull():
            return pm
        with self._lock:
            if cid in self._missing or key in self._pending:
                return None
            self._pending.add(key)
            self._waiting.append((cid, key, QSize(size), radius))
            while len(self._waiting) > self.WAITING:
                old = self._waiting.popleft()
                self._pending.discard(old[1])
            start = self._workers < 2
            if start:
                self._workers += 1
        if start:  # else a busy worker takes it: no thread hand-off per card painted
            self._pool.submit(self._work)
        return None

    def _work(self) -> None:
        """A worker's loop: the newest request first, until none is left."""
        while True:
            with self._lock:
                if not self._waiting:
                    self._workers -= 1
                    return
                cid, key, size, radius = self._waiting.pop()
            try:
                self._load(cid, key, size, radius)
            except Exception:  # noqa: BLE001 - a bad image file must not stop the loop
                with self._lock:
                    self._pending.discard(key)

    def forget_missing(self, cids=None) -> None:
        """Thumbnails may exist now (extraction finished): look again."""
        with self._lock:
            if cids is None:
                self._missing.clear()
            else:
                self._missing.difference_update(cids)

    def _load(self, cid: str, key: str, size: QSize, radius: float = 0.0) -> None:
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
            if radius and not image.isNull():
                image = rounded(image, size, radius)
        with self._lock:
            self._pending.discard(key)
            if image.isNull():
                if len(self._missing) >= self.MISSING:
                    self._missing.clear()  # look again, rather than grow without end
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


def rounded(image: QImage, size: QSize, radius: float) -> QImage:
    """``image`` cropped about its centre to ``size`` with rounded corners (any thread)."""
    out = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(Qt.GlobalColor.transparent)
    scale = max(size.width() / image.width(), size.height() / image.height())
    w, h = size.width() / scale, size.height() / scale
    src = QRectF((image.width() - w) / 2, (image.height() - h) / 2, w, h)
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, size.width(), size.height()), radius, radius)
    p.setClipPath(path)
    p.drawImage(QRectF(0, 0, size.width(), size.height()), image, src)
    p.end()
    return out


def _hue(seed: str) -> int:
    return int(hashlib.md5(seed.encode("utf-8", "replace")).hexdigest()[:4], 16) % 360


def paint_placeholder(
    p: QPainter, rect: QRectF, row: tuple, dark: bool, hue: int | None = None
) -> None:
    """A calm gradient in a colour of the file's own, with a glyph for its kind."""
    if hue is None:
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


def placeholder(row: tuple, size: QSize, dpr: float, dark: bool) -> QPixmap:
    """``paint_placeholder`` for a card, drawn once per colour, kind and size and then
    kept in QPixmapCache: a card scrolled into view costs one pixmap draw."""
    hue = _hue(row.album or row.artist or row.folder or row.title or "") // 6 * 6
    glyph = "♪" if row.kind == "audio" else "▶"
    key = f"ml-ph:{hue}:{glyph}:{size.width()}x{size.height()}:{dpr:g}:{int(dark)}"
    pm = QPixmapCache.find(key)
    if pm is not None and not pm.isNull():
        return pm
    pm = QPixmap(size)
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0, 0, size.width() / dpr, size.height() / dpr)
    path = QPainterPath()
    path.addRoundedRect(rect, RADIUS, RADIUS)
    p.setClipPath(path)
    paint_placeholder(p, rect, row, dark, hue)
    p.end()
    QPixmapCache.insert(key, pm)
    return pm


def paint_blank(p: QPainter, rect: QRectF, palette: QPalette) -> None:
    """The picture's place while a card's row is read: a quiet rounded shape, no text."""
    color = QColor(palette.color(QPalette.ColorRole.Text))
    color.setAlphaF(0.08)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawRoundedRect(rect, RADIUS, RADIUS)
    p.restore()


def _pill(
    p: QPainter,
    rect: QRectF,
    text: str,
    bg: QColor,
    fg: QColor,
    font: QFont,
    fm: QFontMetrics | None = None,
) -> QRectF:
    fm = fm or QFontMetrics(font)
    w = fm.horizontalAdvance(text) + 10
    h = fm.height() + 2
    r = QRectF(rect.x(), rect.y(), w, h)
    p.setPen(_NO_PEN)
    p.setBrush(bg)
    p.drawRoundedRect(r, h / 2, h / 2)
    p.setPen(fg)
    p.setFont(font)
    p.drawText(r, _CENTER, text)
    return r


# What every card's paint uses, made once: a PySide enum member read through its class
# costs a Python call, a QColor or QFont made per card another few; a page of cards
# painted per scroll step made them by the thousand on the GUI thread.
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_CENTER = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft
_LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ELIDE = Qt.TextElideMode.ElideRight
_ANTIALIAS = QPainter.RenderHint.Antialiasing
_SMOOTH = QPainter.RenderHint.SmoothPixmapTransform
_SELECTED = QStyle.StateFlag.State_Selected
_HOVER = QStyle.StateFlag.State_MouseOver
_FOCUS = QStyle.StateFlag.State_HasFocus
_PILL_BG = QColor(0, 0, 0, 165)
_UNAVAILABLE_BG = QColor(90, 90, 90, 220)
_BAR_BG = QColor(0, 0, 0, 120)
_WHITE = QColor("white")


K = TypeVar("K")
V = TypeVar("V")


def _kept(cache: dict[K, V], key: K, make: Callable[[], V], most: int) -> V:
    """``cache[key]``, made by ``make`` the first time; the cache is emptied when it holds
    ``most`` entries (what a paint asks for again soon is made again at once)."""
    got = cache.get(key)
    if got is None:
        if len(cache) >= most:
            cache.clear()
        got = cache[key] = make()
    return got


class _Fonts:
    """The fonts and metrics of a card for one view font (kept by its key)."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.fm = QFontMetrics(font)
        self.line = self.fm.lineSpacing()
        self.small = QFont(font)
        self.small.setPointSizeF(max(7.0, font.pointSizeF() * 0.82))
        self.small.setBold(True)
        self.small_fm = QFontMetrics(self.small)
        self.title = QFont(font)
        self.title.setWeight(QFont.Weight.DemiBold)
        self.title_fm = QFontMetrics(self.title)


class _Colors:
    """The colours of a card for one palette (kept by its cache key)."""

    def __init__(self, pal: QPalette) -> None:
        self.dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        self.text = QColor(pal.color(QPalette.ColorRole.Text))
        self.sub = QColor(self.text)
        self.sub.setAlphaF(0.62)
        self.accent = QColor(accent(pal))
        self.selected = QColor(pal.color(QPalette.ColorRole.Highlight))
        self.selected.setAlpha(70)
        self.hover = QColor(pal.color(QPalette.ColorRole.Highlight))
        self.hover.setAlpha(28)
        self.focus = QPen(self.accent, 1.5)


class CardDelegate(QStyledItemDelegate):
    """Thumbnail, title, a second line, badges; optionally like / dislike / hide buttons."""

    def __init__(
        self, thumbs: ThumbnailCache, width: int = 200, actions: bool = False, parent=None
    ):
        super().__init__(parent)
        self.thumbs = thumbs
        self.actions = actions
        self.pad = 6
        self.hovered: tuple[int, str] | None = None  # (row, button) under the mouse
        self._font_cache: dict[str, _Fonts] = {}
        self._color_cache: dict[int, _Colors] = {}
        self._elide_cache: dict[tuple[str, str, int], str] = {}
        self.set_width(width)

    def set_width(self, width: int) -> None:
        """The card's picture width; its height follows at 16:9."""
        self.width = width
        self.thumb_h = int(width * 9 / 16)

    # Card layout, top to bottom: the picture, the title, one line of subtitle (two of
    # reason on a For you card), and on For you a row of buttons. Lines are spaced by
    # the font's line spacing, so a taller (CJK) font never clips the last line.

    def sizeHint(self, option, index) -> QSize:
        fm = QFontMetrics(option.font)
        height = self.thumb_h + 2 * self.pad + 6 + fm.lineSpacing() + 3
        if self.actions:
            height += 2 * fm.lineSpacing() + 4 + self.button_size(fm)
        else:
            height += fm.lineSpacing() + 4
        return QSize(self.width + 2 * self.pad, height)

    @staticmethod
    def button_size(fm: QFontMetrics) -> int:
        """Like / dislike / not interested: a comfortable target, never under 28 px."""
        return max(28, fm.height() + 12)

    def option_for(self, view, index) -> QStyleOptionViewItem:
        """The style option a view would paint ``index`` with (for hit tests and tests)."""
        opt = QStyleOptionViewItem()
        opt.initFrom(view)
        opt.rect = view.visualRect(index)
        opt.font = view.font()
        opt.fontMetrics = QFontMetrics(opt.font)
        opt.widget = view
        return opt

    def _thumb_rect(self, option) -> QRectF:
        r = option.rect
        return QRectF(r.x() + self.pad, r.y() + self.pad, self.width, self.thumb_h)

    def _text_top(self, option) -> float:
        return self._thumb_rect(option).bottom() + 6

    def _second_rect(self, option) -> QRectF:
        """Where the subtitle (or, on For you, the two lines of reason) goes."""
        fm = QFontMetrics(option.font)
        top = self._text_top(option) + fm.lineSpacing() + 3
        lines = 2 if self.actions else 1
        return QRectF(option.rect.x() + self.pad, top, self.width, lines * fm.lineSpacing())

    def action_rects(self, option) -> list[tuple[str, QRectF]]:
        """The feedback buttons of a For you card, right-aligned under its text."""
        fm = QFontMetrics(option.font)
        size = self.button_size(fm)
        gap = 6
        y = self._second_rect(option).bottom() + 4
        x = option.rect.x() + self.pad + self.width - 3 * size - 2 * gap
        return [
            (kind, QRectF(x + i * (size + gap), y, size, size))
            for i, kind in enumerate(("like", "dislike", "not_interested"))
        ]

    def action_at(self, option, pos: QPointF) -> str | None:
        for kind, r in self.action_rects(option) if self.actions else ():
            if r.contains(pos):
                return kind
        return None

    def reason_layout(self, option, text: str) -> tuple[list[str], QRectF]:
        """The reason of a For you card as at most two lines, the last elided if it must be."""
        rect = self._second_rect(option)
        return wrap_lines(option.font, text, int(rect.width()), 2), rect

    def _fonts(self, font: QFont) -> _Fonts:
        return _kept(self._font_cache, font.key(), lambda: _Fonts(font), 8)

    def _colors(self, pal: QPalette) -> _Colors:
        return _kept(self._color_cache, pal.cacheKey(), lambda: _Colors(pal), 8)

    def _elided(self, fm: QFontMetrics, key: str, text: str, width: int) -> str:
        """``fm.elidedText`` remembered for the cards painted lately (a card scrolled back
        into view, or repainted when its thumbnail comes, measures nothing again)."""
        return _kept(
            self._elide_cache, (key, text, width), lambda: fm.elidedText(text, _ELIDE, width), 4096
        )

    def paint(self, p: QPainter, option, index) -> None:
        row = index.data(RowRole)
        if row is None:  # its page is being read: a blank card where it will be
            paint_blank(p, self._thumb_rect(option), option.palette)
            return
        opt = option  # what paint needs (rect, state, palette, font) the view has set
        pal = opt.palette
        colors = self._colors(pal)
        fonts = self._fonts(opt.font)
        p.save()
        p.setRenderHint(_ANTIALIAS)
        p.setRenderHint(_SMOOTH)
        rect = opt.rect
        state = opt.state
        selected = bool(state & _SELECTED)
        hover = bool(state & _HOVER)
        if selected or hover:
            card = QRectF(rect).adjusted(1, 1, -1, -1)
            p.setPen(_NO_PEN)
            p.setBrush(colors.selected if selected else colors.hover)
            p.drawRoundedRect(card, RADIUS + 2, RADIUS + 2)
            if state & _FOCUS and selected:
                p.setPen(colors.focus)
                p.setBrush(_NO_BRUSH)
                p.drawRoundedRect(card, RADIUS + 2, RADIUS + 2)
        if not row.available:
            p.setOpacity(0.45)

        left, top = rect.x() + self.pad, rect.y() + self.pad
        tr = QRectF(left, top, self.width, self.thumb_h)
        # pictures come cropped and rounded (thumbnails on a worker, placeholders once per
        # colour): drawn as they are, with no clip path and no scaling here
        dpr = max(1.0, p.device().devicePixelRatioF())
        size = QSize(self.width, self.thumb_h) * dpr
        pm = self.thumbs.card(row.content_id, size, RADIUS * dpr)
        if pm is not None:
            pm.setDevicePixelRatio(dpr)
        else:
            pm = placeholder(row, size, dpr, colors.dark)
        p.drawPixmap(tr.topLeft(), pm)
        unfinished = S.is_unfinished(row)
        # progress of an unfinished file along the bottom edge
        if unfinished:
            clip = QPainterPath()
            clip.addRoundedRect(tr, RADIUS, RADIUS)
            p.save()
            p.setClipPath(clip)
            frac = min(1.0, (row.position or 0) / (row.duration or 1))
            bar = QRectF(tr.left(), tr.bottom() - 4, tr.width(), 4)
            p.fillRect(bar, _BAR_BG)
            p.fillRect(QRectF(bar.left(), bar.top(), bar.width() * frac, 4), colors.accent)
            p.restore()

        small, sfm = fonts.small, fonts.small_fm
        # duration, bottom right over the picture
        if row.duration:
            text = S.fmt_time(row.duration)
            w = sfm.horizontalAdvance(text) + 10
            _pill(
                p,
                QRectF(tr.right() - w - 6, tr.bottom() - sfm.height() - 10, w, 0),
                text,
                _PILL_BG,
                _WHITE,
                small,
                sfm,
            )
        # badges, top left
        x = tr.left() + 6
        badges = []
        if not row.available:
            badges.append((self.tr("Unavailable"), _UNAVAILABLE_BG))
        elif unfinished:
            badges.append((self.tr("Unfinished"), _PILL_BG))
        else:
            model = index.model()
            if S.is_new(row, getattr(model, "now", None), getattr(model, "birth", None)):
                badges.append((self.tr("New"), colors.accent))
        for text, color in badges:
            r = _pill(p, QRectF(x, tr.top() + 6, 0, 0), text, color, _WHITE, small, sfm)
            x = r.right() + 4

        # text
        fm, line = fonts.fm, fonts.line
        text_top = tr.bottom() + 6
        p.setFont(fonts.title)
        p.setPen(colors.text)
        title = self._elided(fonts.title_fm, "t", row.title or "", self.width)
        p.drawText(QRectF(left, text_top, self.width, line + 3), _LEFT, title)
        why = tr_reason(index.data(WhyRole)) if self.actions else ""
        subtitle = card_subtitle(row)
        p.setFont(fonts.font)
        if why:
            lines, second = self.reason_layout(opt, why)
            p.setPen(colors.accent)
        else:
            second = QRectF(left, text_top + line + 3, self.width, line)
            lines = [self._elided(fm, "s", subtitle, self.width)]
            p.setPen(colors.sub)
        for i, text in enumerate(lines):
            line_rect = QRectF(second.left(), second.top() + i * line, second.width(), line)
            p.drawText(line_rect, _LEFT_MIDDLE, text)
        if self.actions:
            buttons = self.action_rects(opt)
            if why and subtitle:  # the subtitle goes beside the buttons
                first = buttons[0][1]
                room = QRectF(tr.left(), first.top(), first.left() - tr.left() - 6, first.height())
                p.setPen(colors.sub)
                p.drawText(room, _LEFT_MIDDLE, fm.elidedText(subtitle, _ELIDE, int(room.width())))
            hovered = self.hovered if self.hovered and self.hovered[0] == index.row() else None
            self._paint_actions(
                p, opt, index.data(FeedbackRole), hover or selected, hovered and hovered[1]
            )
        p.restore()

    def _paint_actions(
        self, p: QPainter, opt, current: str | None, active: bool, hovered: str | None
    ) -> None:
        """Quiet at rest, clear on the card under the mouse, strong on the button under it
        and on the one already chosen."""
        pal = opt.palette
        glyphs = {"like": "♥", "dislike": "▼", "not_interested": "⊘"}
        for kind, r in self.action_rects(opt):
            on = current == kind
            text = QColor(pal.color(QPalette.ColorRole.ButtonText))
            if on:
                bg = QColor(accent(pal))
                text = QColor("white")
            else:
                bg = QColor(pal.color(QPalette.ColorRole.Button))
                bg.setAlpha(255 if kind == hovered else 200 if active else 110)
                text.setAlphaF(1.0 if active else 0.6)
            p.setPen(
                QPen(pal.color(QPalette.ColorRole.Mid), 1) if kind == hovered else Qt.PenStyle.NoPen
            )
            if kind == hovered and not on:
                p.setPen(QPen(accent(pal), 1.5))
            p.setBrush(bg)
            p.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5))
            p.setPen(text)
            f = QFont(opt.font)
            f.setPixelSize(int(r.height() * 0.5))
            p.setFont(f)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, glyphs[kind])

    def helpEvent(self, event, view, option, index) -> bool:
        kind = self.action_at(option, QPointF(event.pos()))
        if kind is not None:
            from PySide6.QtWidgets import QToolTip

            tips = {
                "like": self.tr("Like"),
                "dislike": self.tr("Dislike"),
                "not_interested": self.tr("Not interested"),
            }
            QToolTip.showText(event.globalPos(), tips[kind], view)
            return True
        return super().helpEvent(event, view, option, index)


def wrap_lines(font: QFont, text: str, width: int, max_lines: int) -> list[str]:
    """Break ``text`` into at most ``max_lines`` lines of ``width`` px; the last one is
    elided when the text does not fit (word wrap, so a line never ends mid-word)."""
    fm = QFontMetrics(font)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(lines) == max_lines - 1 and start + length < len(text):
            lines.append(fm.elidedText(text[start:], Qt.TextElideMode.ElideRight, width))
        else:
            lines.append(text[start : start + length].rstrip())
    layout.endLayout()
    return lines


__all__ = ["CardDelegate", "ThumbnailCache", "card_subtitle", "wrap_lines"]
