from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from medialens.testing import file_context, import_mediagen, make_ctx, real_media  # noqa: F401

REPO = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent

# Test the source tree even where the plugin is not installed (a fresh clone's test run).
if importlib.util.find_spec("medialens_ocr") is None:
    sys.path.insert(0, str(HERE.parent / "src"))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


def pytest_configure(config):
    config.addinivalue_line("markers", "media: integration tests on the real recordings")


@pytest.fixture(scope="session")
def media_dir() -> Path:
    return real_media(REPO, "video")


@pytest.fixture(scope="session")
def textvideo():
    """The generator of videos with text drawn on real footage (tests/textvideo.py)."""
    import textvideo

    if not textvideo.fonts_available():
        pytest.skip("fonts-dejavu-core and fonts-noto-cjk are not installed")
    return textvideo
