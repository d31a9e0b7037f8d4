from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from medialens.api import Keyframe
from medialens.testing import file_context, import_mediagen, make_ctx, real_media  # noqa: F401

REPO = Path(__file__).resolve().parents[3]

# Test the source tree even where the plugin is not installed (a fresh clone's test run).
if importlib.util.find_spec("medialens_vision") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def pytest_configure(config):
    config.addinivalue_line("markers", "media: integration tests on the real recordings")


@pytest.fixture(scope="session")
def media_dir() -> Path:
    return real_media(REPO, "video")


def decode_frames(path: Path, times: Sequence[float]) -> list[Keyframe]:
    """RGB frames nearest to ``times`` (seconds), decoded with PyAV."""
    import av

    wanted = sorted(times)
    frames: list[Keyframe] = []
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            if frame.time is not None and wanted and frame.time >= wanted[0]:
                frames.append(
                    Keyframe(time=float(frame.time), image=frame.to_ndarray(format="rgb24"))
                )
                wanted.pop(0)
            if not wanted:
                break
    return frames


@pytest.fixture(scope="session")
def decode():
    return decode_frames


@pytest.fixture(scope="session")
def mediagen():
    """The repository's generators of small media files (tests/mediagen.py)."""
    return import_mediagen(REPO)
