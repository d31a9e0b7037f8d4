"""Medialens plugin: text written on screen in a video (captions, signs, title cards),
read off its keyframes with RapidOCR's PP-OCRv6 models (Chinese and English, offline).

Reading a frame costs ~0.2 s of CPU, so each keyframe is first probed with the text
detector alone at reduced size (~40 ms); only frames where it finds text-sized boxes are
read, at most ``max_frames`` of them, those with the most text first. The models load on
the first ``extract()``, never at import or in the hooks.
"""

from __future__ import annotations

import numpy as np

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    Keyframe,
    Setting,
    TextOutput,
    hookimpl,
)
from medialens_ocr import engine
from medialens_ocr.text import (
    MIN_SCORE,
    FrameText,
    choose_frames,
    keep_lines,
    language,
    layout,
    probe_score,
    summarise,
)

__all__ = [
    "MEDIALENS_API",
    "MAX_FRAMES",
    "OcrExtractor",
    "FrameText",
    "language",
    "summarise",
    "usable",
    "medialens_extractors",
    "medialens_settings",
]

MEDIALENS_API = "1.2"  # TextOutput(meaning), segments, language

MAX_FRAMES = 4  # frames read per file by default: ~1 s of CPU at most
MODEL = "PP-OCRv6 small det + rec (RapidOCR 3.10, ONNX)"
FLAT_STD = 2.0  # grey levels; below this a frame is one flat colour and carries no text


def usable(image: np.ndarray) -> np.ndarray | None:
    """``image`` as RGB uint8 ``[H, W, 3]``, or None if it is no picture or flat."""
    img = np.asarray(image)
    if img.ndim == 2:
        img = np.stack([img] * 3, axis=-1)
    if img.ndim != 3 or img.shape[2] not in (3, 4) or min(img.shape[:2]) < 16:
        return None
    if img.dtype != np.uint8:
        if not np.issubdtype(img.dtype, np.floating):
            return None
        img = np.clip(np.nan_to_num(img) * 255.0 + 0.5, 0, 255).astype(np.uint8)
    img = np.ascontiguousarray(img[:, :, :3])
    if float(img[::4, ::4].std()) < FLAT_STD:
        return None
    return img


class OcrExtractor:
    """Text on screen in a video, from its keyframes."""

    name = "ocr"
    version = "1.0"
    kinds = frozenset({"video"})
    requires: tuple[str, ...] = ()
    outputs = (TextOutput(meaning="written"),)
    timeout = 120.0

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        settings = ctx.settings
        budget = int(settings.get("max_frames", MAX_FRAMES))  # type: ignore[call-overload]
        min_score = float(settings.get("min_score", MIN_SCORE))  # type: ignore[arg-type]
        frames: list[tuple[Keyframe, np.ndarray]] = []
        for kf in ctx.keyframes():
            img = usable(kf.image)
            if img is not None:
                frames.append((kf, img))
        scores, layouts = [], []
        for _, img in frames:
            ctx.check_cancelled()
            boxes = engine.probe(img)
            scores.append(probe_score(boxes, img.shape[0]))
            layouts.append(layout(boxes, img.shape[0]))
        chosen = choose_frames(scores, budget, layouts)
        read: list[FrameText] = []
        for i in chosen:
            ctx.check_cancelled()
            kf, img = frames[i]
            lines = keep_lines(engine.read(img), img.shape[0], min_score)
            read.append(FrameText(float(kf.time), tuple(lines)))
        return summarise(
            read,
            {
                "probed": [
                    [round(float(kf.time), 3), round(s, 1)]
                    for (kf, _), s in zip(frames, scores, strict=True)
                ],
                "read": [round(float(frames[i][0].time), 3) for i in chosen],
                "min_score": min_score,
                "model": MODEL,
            },
        )


@hookimpl
def medialens_extractors() -> list[OcrExtractor]:
    return [OcrExtractor()]


@hookimpl
def medialens_settings() -> list[Setting]:
    return [
        Setting(
            "max_frames",
            "Frames read per video",
            "int",
            MAX_FRAMES,
            minimum=1,
            maximum=16,
            help="Keyframes that look like they carry text are read, at most this many per "
            "video (each costs about 0.2 s). Higher: more text found, slower.",
        ),
        Setting(
            "min_score",
            "Minimum confidence",
            "float",
            MIN_SCORE,
            minimum=0.0,
            maximum=1.0,
            help="Lines the reader is less sure of are not kept. Lower: more text, more "
            "misreadings.",
        ),
    ]
