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


@pytest.fixture(autouse=True)
def _end_a_hang_in_native_code():
    """End the run with every thread's stack when a test hangs where Python cannot run.

    pytest-timeout's thread needs the GIL to fire; a deadlock between Qt's C++ threads and a
    GUI thread that holds the GIL (QtMultimedia teardown, seen in CI) never gives it back, and
    CI would wait its full 90 minutes. faulthandler's watchdog is a C thread: it dumps the
    stacks and exits without the GIL. Its limit is past pytest-timeout's, which fires first
    wherever Python still runs.
    """
    import faulthandler

    faulthandler.dump_traceback_later(420, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()
