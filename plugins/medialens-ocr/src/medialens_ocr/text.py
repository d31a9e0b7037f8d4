"""From lines read on keyframes to one file's text: which boxes look like text, which lines
are kept, which frames are read within the budget, and the language. Pure functions on
:class:`~medialens_ocr.engine.Line` lists, so they are tested without a model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from medialens.api import ExtractionResult, TextSegment
from medialens_ocr.engine import Line

__all__ = [
    "MIN_SCORE",
    "MIN_LINE_HEIGHT",
    "MAX_LINE_SHARE",
    "FrameText",
    "text_like",
    "probe_score",
    "choose_frames",
    "layout",
    "same_layout",
    "keep_lines",
    "language",
    "summarise",
]

# Recogniser confidence a line needs to be kept. Measured on 102 tuning frames (32 with
# 38 lines drawn on real footage, 70 of real footage without text; README): every true
# line scored >= 0.95 and was read exactly. No misreading of footage passed the box and
# length rules below (the best that passed the box rule was one letter, "A" at 0.88; the
# rest were outlines of round things, a globe read as "O" at 0.93, a hand as "HA" at
# 0.89), so the threshold is set well below the true lines, for harder text.
MIN_SCORE = 0.8
# A line of text is at least this many pixels high (at the size it was found on).
MIN_LINE_HEIGHT = 6.0
# ... and at most this share of the frame's height: the detector outlines round objects
# (the earth from orbit, a cup held up) as one huge "letter", 0.5-1.0 of the frame high,
# while a title card's big letters are about 0.15-0.3.
MAX_LINE_SHARE = 0.4
# Lines with fewer letters or digits than this are dropped: alone, one Latin letter read
# off footage is almost always a shape taken for one ("O", "A", "i").
MIN_CHARS = 2


@dataclass(frozen=True)
class FrameText:
    """The kept lines of one keyframe, with their recogniser scores."""

    time: float
    lines: tuple[tuple[str, float], ...]


def text_like(line: Line, frame_height: int) -> bool:
    """Whether a detected box has the size of a line of text on a frame that high."""
    return MIN_LINE_HEIGHT <= line.height <= MAX_LINE_SHARE * frame_height


def probe_score(boxes: Sequence[Line], frame_height: int) -> float:
    """How much text a probed frame seems to carry: the summed area of its text-like boxes
    (in pixels, weighted by the detector's score). 0 means the frame is skipped."""
    return float(sum(b.width * b.height * b.score for b in boxes if text_like(b, frame_height)))


def layout(boxes: Sequence[Line], frame_height: int) -> list[tuple[float, float, float, float]]:
    rects = []
    for b in boxes:
        if text_like(b, frame_height):
            (x0, y0), (x1, y1) = b.box.min(axis=0), b.box.max(axis=0)
            rects.append((float(x0), float(y0), float(x1), float(y1)))
    return rects


def _iou(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def same_layout(
    a: Sequence[tuple[float, float, float, float]], b: Sequence[tuple[float, float, float, float]]
) -> bool:
    """Whether every text box of ``a`` lies where one of ``b`` does (IoU >= 0.5): most
    likely the same caption or sign seen twice, as in two keyframes of one shot."""
    return bool(a) and all(any(_iou(r, q) >= 0.5 for q in b) for r in a)


def choose_frames(
    scores: Sequence[float],
    budget: int,
    layouts: Sequence[Sequence[tuple[float, float, float, float]]] | None = None,
) -> list[int]:
    """Indices of the frames to read, in time order: those with a positive probe score,
    at most ``budget`` of them, the ones with the most text first; with ``layouts`` (the
    text boxes of each frame), a frame whose boxes repeat those of one already chosen waits
    until every frame with new ones is taken, so the budget goes to different text."""
    ranked = sorted((i for i, s in enumerate(scores) if s > 0), key=lambda i: (-scores[i], i))
    if layouts is None:
        return sorted(ranked[: max(0, budget)])
    chosen: list[int] = []
    later: list[int] = []
    for i in ranked:
        if any(same_layout(layouts[i], layouts[j]) for j in chosen):
            later.append(i)
        else:
            chosen.append(i)
    return sorted((chosen + later)[: max(0, budget)])


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def keep_lines(
    lines: Sequence[Line], frame_height: int, min_score: float = MIN_SCORE
) -> list[tuple[str, float]]:
    """The lines of one frame worth keeping, as (text, score), in reading order."""
    kept = []
    for line in lines:
        text = _clean(line.text)
        if line.score < min_score or _letters(text) < MIN_CHARS:
            continue
        if not text_like(line, frame_height):
            continue
        kept.append((text, round(float(line.score), 4)))
    return kept


def _is_cjk(ch: str) -> bool:
    return "CJK" in unicodedata.name(ch, "") or "\u3040" <= ch <= "\u30ff"


def language(text: str) -> str | None:
    """ "zh" when most letters are CJK characters, "en" when most are not, None without any.

    The recogniser reads Chinese and Latin script; Latin text is taken to be English.
    """
    cjk = sum(1 for ch in text if _is_cjk(ch))
    other = sum(1 for ch in text if ch.isalpha() and not _is_cjk(ch))
    if cjk + other == 0:
        return None
    return "zh" if cjk > other else "en"


def _key(text: str) -> str:
    """Two readings of one line compare equal ("CAM 2" and "CAM2", case aside)."""
    return re.sub(r"\W+", "", text).casefold()


def summarise(
    frames: Sequence[FrameText], data: dict[str, object] | None = None
) -> ExtractionResult:
    """One file's result: every distinct line once (first seen first, best reading), one
    segment per keyframe with text, the language, and the frames' readings in ``data``."""
    frames = [f for f in sorted(frames, key=lambda f: f.time) if f.lines]
    best: dict[str, tuple[str, float]] = {}
    order: list[str] = []
    for frame in frames:
        for text, score in frame.lines:
            key = _key(text) or text
            if key not in best:
                order.append(key)
                best[key] = (text, score)
            elif score > best[key][1]:
                best[key] = (text, score)
    extra = dict(data or {})
    extra["frames"] = [[round(f.time, 3), [[t, s] for t, s in f.lines]] for f in frames]
    if not order:
        return ExtractionResult(data=extra)
    text = "\n".join(best[k][0] for k in order)
    return ExtractionResult(
        text=text,
        segments=[
            TextSegment(float(f.time), float(f.time), "\n".join(t for t, _ in f.lines))
            for f in frames
        ],
        language=language(text),
        data=extra,
    )
