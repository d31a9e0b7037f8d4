from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from medialens.api import ExtractionCancelled, ExtractionResult, Keyframe, MediaFile

REPO = Path(__file__).resolve().parents[3]

# Test the source tree even where the plugin is not installed (a fresh clone's test run).
if importlib.util.find_spec("medialens_text") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def pytest_configure(config):
    config.addinivalue_line("markers", "media: integration tests on the real recordings")


@pytest.fixture(scope="session")
def media_dir() -> Path:
    root = Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media"))
    if not root.is_dir():
        pytest.skip(f"no real media at {root} (set MEDIALENS_MEDIA)")
    return root


@dataclass
class ArrayContext:
    """An ExtractionContext over arrays already in memory, for testing the model logic."""

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
    def make(path="clip.mp4", kind="video", **kwargs) -> ArrayContext:
        file = MediaFile(content_id="test", path=Path(path), kind=kind, duration=10.0, size=1)
        return ArrayContext(file=file, cache_dir=tmp_path, **kwargs)

    return make


@pytest.fixture
def file_context(tmp_path):
    """The app's real decoding context (medialens.core.media.FileContext) over a file.

    Tests may use the app's private core; the plugin itself imports only medialens.api.
    """
    media = pytest.importorskip("medialens.core.media")

    def make(path: Path, results: dict[str, ExtractionResult] | None = None):
        return media.FileContext.for_path(Path(path), tmp_path / "cache", results)

    return make


@pytest.fixture(scope="session")
def mediagen():
    """The repository's generators of small media files (tests/mediagen.py)."""
    tests = str(REPO / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    return pytest.importorskip("mediagen")
