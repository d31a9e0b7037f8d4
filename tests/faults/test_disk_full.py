"""A full disk (a small tmpfs, for real): ``index`` stops with one sentence and a non-zero
exit, and goes on from there once there is room; ``watch`` waits and resumes by itself."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from breakage import cli

from medialens.core import watcher as watcher_module
from medialens.core.library import Library
from medialens.core.watcher import LibraryWatcher
from medialens.paths import data_dirs


def fill(disk: Path, leave_kb: int) -> Path:
    """Fill the file system of ``disk`` but ``leave_kb`` KiB with a ballast file."""
    ballast = disk / "ballast"
    free = shutil.disk_usage(disk).free
    with open(ballast, "wb") as fh:
        fh.write(b"\0" * max(free - leave_kb * 1024, 0))
    return ballast


@pytest.fixture
def small_disk(library, mounted, tmp_path):
    media, data = library
    disk = mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=4m", "tmpfs")
    shutil.copytree(data, disk / "data")
    return media, disk, disk / "data"


def test_index_stops_once_and_non_zero_then_resumes(small_disk, capsys):
    media, disk, data = small_disk
    ballast = fill(disk, leave_kb=48)
    code, out, err = cli(capsys, data, "index", "--workers", "1")
    assert code == 1, (out, err)
    assert err.startswith("medialens: the disk holding the library database") and "is full" in err
    assert err.count("\n") == 1 and "Traceback" not in err  # one sentence, not 122 tracebacks
    ballast.unlink()
    code, out, err = cli(capsys, data, "index", "--workers", "1")
    assert code == 0, err
    assert "0 failures, 0 jobs pending" in out
    assert cli(capsys, data, "doctor")[0] == 0


def test_watch_waits_for_space_and_resumes(small_disk, monkeypatch):
    media, disk, data = small_disk
    monkeypatch.setattr(watcher_module, "SPACE_EVERY", 0.2)
    monkeypatch.setattr(watcher_module, "RESUME_FREE", 1024 * 1024)
    ballast = fill(disk, leave_kb=48)
    said: list[str] = []
    lib = Library(data_dirs(data), workers=1)
    watcher = LibraryWatcher(lib, workers=1, notify=said.append)
    try:
        watcher.start()
        deadline = time.monotonic() + 30
        while not any("is full" in s for s in said) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert said and "is full" in said[0] and watcher.fatal is None, said
        ballast.unlink()
        while lib.status()["pending"] and time.monotonic() < deadline + 30:
            time.sleep(0.2)
        assert lib.status()["pending"] == 0
        assert said[1:] == ["there is space again: indexing resumes"]
        assert os.path.exists(data / "library.sqlite3")
    finally:
        watcher.stop()
        lib.close()
