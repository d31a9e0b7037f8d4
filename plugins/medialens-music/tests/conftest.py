from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from medialens.testing import file_context, import_mediagen, make_ctx, real_media  # noqa: F401

REPO = Path(__file__).resolve().parents[3]

# Test the source tree even where the plugin is not installed (a fresh clone's test run).
if importlib.util.find_spec("medialens_music") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def pytest_configure(config):
    config.addinivalue_line("markers", "media: integration tests on the real recordings")


@pytest.fixture(scope="session")
def media_dir() -> Path:
    return real_media(REPO, "music")


def decode_audio(path: Path, sample_rate: int = 16000, seconds: float | None = None) -> np.ndarray:
    """Mono float32 samples of ``path``'s first audio stream, decoded with PyAV."""
    import av

    chunks: list[np.ndarray] = []
    with av.open(str(path)) as container:
        if not container.streams.audio:
            return np.zeros(0, np.float32)
        resampler = av.AudioResampler(format="flt", layout="mono", rate=sample_rate)
        n = 0
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray().reshape(-1))
                n += chunks[-1].size
            if seconds is not None and n >= seconds * sample_rate:
                break
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray().reshape(-1))
    return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)


@pytest.fixture(scope="session")
def decode():
    return decode_audio


@pytest.fixture(scope="session")
def mediagen():
    """The repository's generators of small media files (tests/mediagen.py)."""
    return import_mediagen(REPO)
