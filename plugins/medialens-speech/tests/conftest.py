from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from medialens.testing import file_context, import_mediagen, make_ctx, real_media  # noqa: F401

REPO = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent

# Test the source tree even where the plugin is not installed (a fresh clone's test run).
if importlib.util.find_spec("medialens_speech") is None:
    sys.path.insert(0, str(HERE.parent / "src"))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))  # speech_wer


def pytest_configure(config):
    config.addinivalue_line("markers", "media: integration tests on the real recordings")


@pytest.fixture(scope="session")
def media_dir() -> Path:
    return real_media(REPO, "speech")


@pytest.fixture(scope="session")
def mediagen():
    """The repository's generators of small media files (tests/mediagen.py)."""
    return import_mediagen(REPO)


@pytest.fixture(scope="session")
def whisper_cache(tmp_path_factory) -> Path:
    """One cache folder for the session: tiny.en loads from its package, once per process."""
    return tmp_path_factory.mktemp("speech-cache")
