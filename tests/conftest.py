"""Shared fixtures: where the real media lives, and small libraries in tmp_path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))  # so tests import the `mediagen` helpers directly

REPO = TESTS.parent


def media_root() -> Path:
    """The real recordings installed by `make media` (MEDIALENS_MEDIA overrides)."""
    return Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media"))


@pytest.fixture(scope="session")
def real_media() -> Path:
    root = media_root()
    if not (root / "video").is_dir():
        pytest.skip("real media not installed (run `make media`)")
    return root


def pytest_collection_modifyitems(config, items):
    have_media = (media_root() / "video").is_dir()
    skip = pytest.mark.skip(reason="real media not installed (run `make media`)")
    for item in items:
        if "media" in item.keywords and not have_media:
            item.add_marker(skip)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path
