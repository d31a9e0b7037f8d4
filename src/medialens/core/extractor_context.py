"""The context one extractor call sees: the file's one shared context, narrowed to that
extractor (``result()`` hands out only what it declared in ``requires``) and carrying its
plugin's ``settings``.

Every decoded thing stays on the file's shared context, so the view is cheap: one per
extractor call. Declared requires only, so that an extractor's dependencies are what it
says they are: an undeclared one may not have run yet (the order follows ``requires``),
and would make a result depend on scheduling.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from medialens.api import AudioExcerpt, ExtractionContext, ExtractionResult, Keyframe, MediaFile


class UndeclaredRequirement(LookupError):
    """``ctx.result(name)`` asked for an extractor not declared in ``requires``."""


class ExtractorContext:
    """``ctx`` as one extractor sees it. ``requires=None`` lets every result through and
    ``settings=None`` keeps the context's own (the plugin test kit uses either alone)."""

    def __init__(
        self,
        ctx: ExtractionContext,
        *,
        extractor: str = "",
        requires: Iterable[str] | None = None,
        settings: Mapping[str, object] | None = None,
    ) -> None:
        self._ctx = ctx
        self._name = extractor
        self._requires = None if requires is None else frozenset(requires)
        self._settings = settings

    @property
    def file(self) -> MediaFile:
        return self._ctx.file

    @property
    def cache_dir(self) -> Path:
        return self._ctx.cache_dir

    @property
    def settings(self) -> Mapping[str, object]:
        return self._ctx.settings if self._settings is None else self._settings

    def audio(self, sample_rate: int) -> np.ndarray:
        return self._ctx.audio(sample_rate)

    def audio_excerpts(
        self, sample_rate: int, seconds: float | None = None
    ) -> Sequence[AudioExcerpt]:
        return self._ctx.audio_excerpts(sample_rate, seconds)

    def audio_levels(self, count: int) -> np.ndarray:
        return self._ctx.audio_levels(count)

    def audio_frame_levels(self, frame_seconds: float) -> np.ndarray:
        return self._ctx.audio_frame_levels(frame_seconds)

    def keyframes(self) -> Sequence[Keyframe]:
        return self._ctx.keyframes()

    def cover_art(self) -> bytes | None:
        return self._ctx.cover_art()

    def check_cancelled(self) -> None:
        self._ctx.check_cancelled()

    def result(self, extractor: str) -> ExtractionResult | None:
        if self._requires is not None and extractor not in self._requires:
            raise UndeclaredRequirement(
                f"extractor {self._name!r} asked for the result of {extractor!r}, which it does "
                f"not declare in requires (rule: ctx.result() returns only declared requires)"
            )
        return self._ctx.result(extractor)

    def __getattr__(self, name: str) -> object:  # close(), audio_decodes... of the real one
        return getattr(self._ctx, name)
