from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from medialens.testing import file_context, make_ctx  # noqa: F401 - fixtures

REPO = Path(__file__).resolve().parents[3]

# Test the source tree even where the plugin is not installed (a fresh clone's test run).
if importlib.util.find_spec("medialens_sounds") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def pytest_configure(config):
    config.addinivalue_line("markers", "media: integration tests on the real recordings")


@pytest.fixture(scope="session")
def media_dir() -> Path:
    root = Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media"))
    if not all((root / sub).is_dir() for sub in ("speech", "music", "sounds")):
        pytest.skip(f"no real media at {root} (set MEDIALENS_MEDIA)")
    return root


@pytest.fixture(scope="session")
def mediagen():
    """The repository's generators of small media files (tests/mediagen.py)."""
    tests = str(REPO / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    return pytest.importorskip("mediagen")
