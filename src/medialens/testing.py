"""Helpers for testing extractors: for Medialens's own plugins and for third-party authors.

Import the fixtures into your ``conftest.py`` and pytest finds them::

    from medialens.testing import file_context, make_ctx  # noqa: F401

``file_context(path)`` is the app's real decoding context over a media file: what your
extractor sees inside Medialens. ``make_ctx(frames=..., samples=..., results=...)`` is an
:class:`ArrayContext` over arrays you give it, for cases no real file produces (a frame of
the wrong shape, a cancelled run) and for testing model logic on exact inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from medialens.api import ExtractionCancelled, ExtractionResult, Keyframe, MediaFile

__all__ = ["ArrayContext", "file_context", "make_ctx"]


@dataclass
class ArrayContext:
    """An :class:`medialens.api.ExtractionContext` over arrays already in memory."""

    file: MediaFile
    cache_dir: Path
    frames: Sequence[Keyframe] = ()
    samples: dict[int, np.ndarray] = field(default_factory=dict)
    results: dict[str, ExtractionResult] = field(default_factory=dict)
    cancelled: bool = False

    def audio(self, sample_rate: int) -> np.ndarray:
        return self.samples.get(sample_rate, np.zeros(0, np.float32))

    def keyframes(self) -> Sequence[Keyframe]:
        return self.frames

    def cover_art(self) -> bytes | None:
        return None

    def result(self, extractor: str) -> ExtractionResult | None:
        return self.results.get(extractor)

    def check_cancelled(self) -> None:
        if self.cancelled:
            raise ExtractionCancelled()


@pytest.fixture
def make_ctx(tmp_path):
    """``make_ctx(path="clip.mp4", kind="video", frames=..., samples={sr: array}, ...)``."""

    def make(path="clip.mp4", kind="video", **kwargs) -> ArrayContext:
        file = MediaFile(content_id="test", path=Path(path), kind=kind, duration=10.0, size=1)
        return ArrayContext(file=file, cache_dir=tmp_path, **kwargs)

    return make


@pytest.fixture
def file_context(tmp_path):
    """``file_context(path, results=None)``: the app's real decoding context over a file."""
    from medialens.core.media import FileContext

    def make(path: Path, results: dict[str, ExtractionResult] | None = None):
        return FileContext.for_path(Path(path), tmp_path / "cache", results)

    return make
