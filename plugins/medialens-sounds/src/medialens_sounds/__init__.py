"""Medialens plugin: what a file sounds like, from YAMNet's 521 AudioSet sound events.

Tags audio files and the sound track of videos ("Speech", "Music", "Telephone bell
ringing"...), votes on whether a file is speech, music or a sound, and says where the
speech is (``data["speech_spans"]``, ``data["speech_share"]``) for extractors that
transcribe. The model loads on the first ``extract()``, never at import or in the hook.
"""

from __future__ import annotations

import numpy as np

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    TagsOutput,
    VectorOutput,
    hookimpl,
)
from medialens_sounds.frontend import (
    MAX_PATCHES,
    SAMPLE_RATE,
    patches,
    select_patches,
)
from medialens_sounds.model import ModelMissing, classify, labels
from medialens_sounds.summary import Analysis, summarise

__all__ = [
    "MEDIALENS_API",
    "SoundsExtractor",
    "Analysis",
    "ModelMissing",
    "analyse",
    "classify",
    "labels",
    "patches",
    "summarise",
    "medialens_extractors",
]

MEDIALENS_API = "1.2"  # TagsOutput.meaning, ExtractionResult.categories

MIN_SAMPLES = SAMPLE_RATE // 100  # under 10 ms there is nothing to hear
SILENCE_RMS = 1e-4  # -80 dBFS: digital silence, whose "Silence" tag is all it would say


def analyse(samples: np.ndarray, max_patches: int = MAX_PATCHES, check_cancelled=None) -> Analysis:
    """Run YAMNet on at most ``max_patches`` patches spread over 16 kHz mono ``samples``."""
    y = np.asarray(samples, dtype=np.float32).reshape(-1)
    indices = select_patches(max(len(y), 1), max_patches)
    probs = classify(patches(y, indices), check_cancelled)
    return Analysis(probs=probs, indices=indices, seconds=len(y) / SAMPLE_RATE)


class SoundsExtractor:
    """AudioSet sound events heard in audio files and in the sound track of videos."""

    name = "sounds"
    version = "1.0"
    kinds = frozenset({"audio", "video"})
    requires: tuple[str, ...] = ()
    timeout = 60.0

    def __init__(self, max_patches: int = MAX_PATCHES) -> None:
        self.max_patches = max_patches
        # The vocabulary is a small text file, not the model: reading it here stays cheap.
        self.outputs = (
            TagsOutput(vocabulary=labels(), meaning="heard"),
            VectorOutput("sounds", len(labels()), modality="sound events"),
        )

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        samples = np.asarray(ctx.audio(SAMPLE_RATE), dtype=np.float32)
        if samples.size < MIN_SAMPLES:  # no audio stream, or a click too short to hear
            return ExtractionResult()
        if float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) < SILENCE_RMS:
            return ExtractionResult(data={"silent": True})
        ctx.check_cancelled()
        analysis = analyse(samples, self.max_patches, ctx.check_cancelled)
        return summarise(analysis, file_seconds=float(ctx.file.duration or 0.0))


@hookimpl
def medialens_extractors() -> list[SoundsExtractor]:
    return [SoundsExtractor()]
