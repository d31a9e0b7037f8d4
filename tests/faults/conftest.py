"""A small real library to break: three tones scanned, four playback events, one backup.

It is built once per session (every model plugin disabled, so no model ever loads) and
copied for each test, which then deletes, damages, fills or freezes its copy for real.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from mediagen import make_tone

from medialens.core.library import Library
from medialens.paths import data_dirs

BUILTINS = ("metadata", "text")  # the cheap ones: every fault test runs in seconds


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("faults")
    media, data = root / "media", root / "data"
    media.mkdir()
    for i in range(3):
        make_tone(media / f"tone{i}.ogg", seconds=0.4, freq=300 + 120 * i)
    lib = Library(data_dirs(data))
    try:
        for name in lib.host.records:
            if name not in BUILTINS:
                lib.host.set_enabled(name, False)
        lib.add_folders([media])
        lib.scan()
        for i, kind in enumerate(("start", "complete", "like", "skip")):
            assert lib.events.record(media / f"tone{i % 3}.ogg", kind)
    finally:
        lib.close()
    Library(data_dirs(data)).close()  # opening a library worth keeping makes the daily backup
    return media, data


@pytest.fixture
def library(template, tmp_path) -> tuple[Path, Path]:
    """(media folder, a fresh copy of the template's data folder)."""
    media, data = template
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    return media, copy


@pytest.fixture
def mounted(tmp_path):
    """Mount a file system for the test (``mount ARGS... DIR``), unmounted after it; skips
    when this process may not mount (not root, or in a container without the right)."""
    mounts: list[Path] = []

    def mount(target: Path, *args: str) -> Path:
        target.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", *args, str(target)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount here ({done.stderr.strip() or done.returncode})")
        mounts.append(target)
        return target

    yield mount
    for target in reversed(mounts):
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


@pytest.fixture
def bare_library(data_dir):
    """A library with no extractors at all: scanning and storage only."""
    lib = Library(data_dirs(data_dir), entry_points=False, builtins=False, workers=2)
    yield lib
    lib.close()
