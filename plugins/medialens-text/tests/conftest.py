from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from medialens.testing import file_context, import_mediagen, make_ctx, real_media  # noqa: F401

REPO = Path(__file__).resolve().parents[3]

# Test the source tree even where the plugin is not installed (a fresh clone's test run).
if importlib.util.find_spec("medialens_text") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def pytest_configure(config):
    config.addinivalue_line("markers", "media: integration tests on the real recordings")


@pytest.fixture(scope="session")
def media_dir() -> Path:
    return real_media(REPO)


@pytest.fixture(scope="session")
def mediagen():
    """The repository's generators of small media files (tests/mediagen.py)."""
    return import_mediagen(REPO)
