"""Medialens plugin: what music sounds like, from musicnn (MagnaTagATune and MSD models).

Tags audio files and the sound track of videos with instruments, genres, moods and voice
tags, and stores a 200-d music embedding for "sounds like this". The models load on the
first ``extract()``, never at import or in the hook.
"""

from __future__ import annotations

import numpy as np

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    Setting,
    TagsOutput,
    VectorOutput,
    hookimpl,
)
from medialens_music.model import (
    EMBEDDING_MODEL,
    MAX_PATCHES,
    MIN_SAMPLES,
    SAMPLE_RATE,
    MusicAnalysis,
    log_mel,
    mel_filterbank,
    patches,
    tag_audio,
    tag_excerpts,
    vocabulary,
)

__all__ = [
    "MEDIALENS_API",
    "MusicExtractor",
    "MusicAnalysis",
    "tag_audio",
    "patches",
    "log_mel",
    "mel_filterbank",
    "vocabulary",
    "summarise",
    "medialens_extractors",
    "medialens_settings",
]

MEDIALENS_API = "1.4"  # ctx.audio_excerpts (1.4), Extractor.categories (1.3), ctx.settings (1.1), TagsOutput.meaning (1.2)

MIN_TAG_SCORE = 0.05  # below this a sigmoid output is noise; dropping it keeps ~20-30 tags
# Only the middle of each 10-s excerpt is resampled to 16 kHz: its one 3-s patch, 0.1 s
# inside the cut's edges. 3.216 s puts the patch on the samples (3.504 s into the excerpt,
# to a third of a 16 kHz sample) that it took from the whole excerpt: with 3.2 s it moved
# by half a hop, which alone changed the top 5 tags of 2 of 12 tracks.
EXCERPT_SECONDS = 3.216
SILENCE_RMS = 1e-3  # -60 dBFS: a silent sound track says nothing about music


def summarise(
    analysis: MusicAnalysis | None, min_tag_score: float = MIN_TAG_SCORE
) -> ExtractionResult:
    """One file's result from an analysis (pure: no model involved)."""
    if analysis is None:
        return ExtractionResult()
    tags = {t: s for t, s in analysis.tags.items() if s >= min_tag_score}
    return ExtractionResult(
        vectors={"music": analysis.embedding},
        tags=dict(sorted(tags.items(), key=lambda kv: -kv[1])),
        data={
            "mtt": analysis.raw.get("mtt", {}),
            "msd": analysis.raw.get("msd", {}),
            "patch_starts": analysis.patch_starts,
            "embedding_model": EMBEDDING_MODEL,
        },
    )


class MusicExtractor:
    """Music tags and a music embedding for audio files and the sound of videos."""

    name = "music"
    version = "1.2"  # 1.2: int8 timbral convs (VNNI CPUs); 1.1: patches from ctx.audio_excerpts
    kinds = frozenset({"audio", "video"})
    categories = frozenset({"music", "video"})  # API 1.3: routed to these categories only
    requires: tuple[str, ...] = ()
    timeout = 120.0

    def __init__(self, max_patches: int = MAX_PATCHES) -> None:
        self.max_patches = max_patches
        self.outputs = (
            VectorOutput("music", 200, modality="music"),
            TagsOutput(vocabulary=vocabulary(), meaning="heard"),
        )

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        excerpts = [
            (e.start, np.asarray(e.samples, dtype=np.float32))
            for e in ctx.audio_excerpts(SAMPLE_RATE, EXCERPT_SECONDS)
        ]
        samples = np.concatenate([y for _, y in excerpts]) if excerpts else np.zeros(0)
        if samples.size < MIN_SAMPLES:  # no audio stream, or a click too short to tag
            return ExtractionResult()
        if float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) < SILENCE_RMS:
            return ExtractionResult(data={"silent": True})
        ctx.check_cancelled()
        threshold = float(ctx.settings.get("min_tag_score", MIN_TAG_SCORE))  # type: ignore[arg-type]
        return summarise(tag_excerpts(excerpts, self.max_patches), threshold)


@hookimpl
def medialens_extractors() -> list[MusicExtractor]:
    return [MusicExtractor()]


@hookimpl
def medialens_settings() -> list[Setting]:
    return [
        Setting(
            "min_tag_score",
            "Minimum tag score",
            "float",
            MIN_TAG_SCORE,
            minimum=0.0,
            maximum=1.0,
            help="Tags the model is less sure of are not kept. Higher: fewer, surer tags.",
        )
    ]
