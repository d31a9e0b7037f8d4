"""Medialens plugin: what is on screen in a video, from EfficientNet-Lite0 on its keyframes.

Produces a 1280-d visual embedding (for "more like this") and ImageNet labels as tags.
The model loads on the first ``extract()``, never at import or in the hook.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    Keyframe,
    TagsOutput,
    VectorOutput,
    hookimpl,
)
from medialens_vision.model import (
    Classification,
    classify,
    label_scores,
    labels,
    mean_embedding,
    preprocess,
    synsets,
    top_labels,
    usable,
)

__all__ = [
    "MEDIALENS_API",
    "VisionExtractor",
    "Classification",
    "classify",
    "labels",
    "synsets",
    "preprocess",
    "summarise",
    "medialens_extractors",
]

MEDIALENS_API = "1.2"  # TagsOutput.meaning

TOP_TAGS = 10
MIN_TAG_SCORE = 0.01
KEYFRAME_TOP = 5


def summarise(classification: Classification, times: Sequence[float] = ()) -> ExtractionResult:
    """Turn per-keyframe outputs into one file's result (pure numpy: no model involved)."""
    probs, embeddings = classification.probs, classification.embeddings
    if len(probs) == 0:
        return ExtractionResult()
    vector = mean_embedding(embeddings)
    if not np.isfinite(vector).all() or not np.any(vector):
        return ExtractionResult()
    scores = label_scores(probs)
    times = list(times) if len(times) == len(probs) else [None] * len(probs)
    names = labels()
    keyframes = []
    for t, p in zip(times, probs, strict=True):
        order = np.argsort(-p)[:KEYFRAME_TOP]
        keyframes.append({"time": t, "labels": [[names[i], round(float(p[i]), 4)] for i in order]})
    return ExtractionResult(
        vectors={"visual": vector},
        tags=dict(top_labels(scores, TOP_TAGS, MIN_TAG_SCORE)),
        data={"keyframes": keyframes, "scoring": "max(mean, 0.5 * max) over keyframes"},
    )


class VisionExtractor:
    """ImageNet labels and a visual embedding for each video, from its keyframes."""

    name = "vision"
    version = "1.0"
    kinds = frozenset({"video"})
    requires: tuple[str, ...] = ()
    timeout = 120.0

    def __init__(self) -> None:
        # The vocabulary is a small text file, not the model: reading it here stays cheap.
        self.outputs = (
            VectorOutput("visual", 1280, modality="visual"),
            TagsOutput(vocabulary=labels(), meaning="shown"),
        )

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        frames: list[Keyframe] = [kf for kf in ctx.keyframes() if usable(kf.image) is not None]
        if not frames:
            return ExtractionResult()
        ctx.check_cancelled()
        result = classify([kf.image for kf in frames])
        return summarise(result, [float(kf.time) for kf in frames])


@hookimpl
def medialens_extractors() -> list[VisionExtractor]:
    return [VisionExtractor()]
