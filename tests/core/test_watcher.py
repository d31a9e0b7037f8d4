"""The watcher keeps the library live: new, changed, moved and deleted files within 2 s."""

from __future__ import annotations

import os
import shutil
import time

import pytest
from mediagen import make_tone

from medialens.core.watcher import LibraryWatcher, needs_polling


def wait_for(predicate, timeout=2.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return time.monotonic()
        time.sleep(0.02)
    raise AssertionError(f"not within {timeout} s")


def row(lib, name):
    return lib.store.query_one(
        "SELECT id, available, content_id, status FROM files WHERE display_path LIKE ?",
        (f"%/{name}",),
    )


@pytest.fixture
def watched(bare_library, tmp_path):
    root = tmp_path / "watched"
    root.mkdir()
    make_tone(root / "first.ogg", seconds=0.5)
    bare_library.add_folders([root])
    watcher = LibraryWatcher(bare_library)
    watcher.start()
    wait_for(lambda: row(bare_library, "first.ogg") is not None, timeout=10)
    yield bare_library, root, tmp_path
    watcher.stop()


def test_new_changed_moved_and_deleted_files_are_seen(watched):
    lib, root, tmp_path = watched
    make_tone(tmp_path / "new.ogg", seconds=0.5, freq=600)
    written = time.monotonic()
    shutil.copy(tmp_path / "new.ogg", root / "new.ogg")
    seen = wait_for(
        lambda: row(lib, "new.ogg") is not None and row(lib, "new.ogg")["status"] == "media"
    )
    assert seen - written < 2.0

    old = row(lib, "new.ogg")
    make_tone(root / "new.ogg", seconds=0.7, freq=900)
    wait_for(lambda: row(lib, "new.ogg")["content_id"] != old["content_id"])

    (root / "deeper").mkdir()
    os.rename(root / "new.ogg", root / "deeper" / "moved.ogg")
    wait_for(lambda: row(lib, "moved.ogg") is not None and row(lib, "moved.ogg")["available"] == 1)
    assert row(lib, "moved.ogg")["id"] == old["id"]

    (root / "first.ogg").unlink()
    wait_for(lambda: row(lib, "first.ogg")["available"] == 0)


def test_a_storm_of_copies_is_coalesced(watched):
    lib, root, tmp_path = watched
    make_tone(tmp_path / "src.ogg", seconds=0.3)
    for i in range(300):
        shutil.copy(tmp_path / "src.ogg", root / f"copy{i:03d}.ogg")
    wait_for(
        lambda: lib.store.query_one("SELECT count(*) FROM files WHERE status='media'")[0] == 301,
        timeout=10,
    )


def test_local_folders_use_inotify(tmp_path):
    assert needs_polling(str(tmp_path)) is False


def test_polling_fallback_sees_new_files(bare_library, tmp_path):
    """Where inotify is blind (network and FUSE mounts) a polling observer does the job."""
    root = tmp_path / "share"
    root.mkdir()
    bare_library.add_folders([root])
    watcher = LibraryWatcher(bare_library, poll_interval=0.3)
    watcher.start()
    try:
        time.sleep(0.5)
        make_tone(root / "late.ogg", seconds=0.3)
        wait_for(lambda: row(bare_library, "late.ogg") is not None, timeout=4)
    finally:
        watcher.stop()
