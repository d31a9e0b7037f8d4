"""A watched folder renamed away (or unplugged) is seen within seconds, not at the next
5-minute rescan; its files and history are kept, and it comes back when it reappears."""

from __future__ import annotations

import os
import time

from mediagen import make_tone

from medialens.core.watcher import LibraryWatcher


def wait_for(predicate, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if predicate():
                return time.monotonic() - started
        except LookupError:  # a file not in the library yet
            pass
        time.sleep(0.05)
    raise AssertionError(f"not within {timeout} s")


def test_a_renamed_root_is_unavailable_within_seconds_and_comes_back(bare_library, tmp_path):
    lib = bare_library
    root = tmp_path / "music"
    root.mkdir()
    make_tone(root / "song.ogg", seconds=0.5)
    lib.add_folders([root])
    watcher = LibraryWatcher(lib)
    watcher.start()
    try:
        wait_for(lambda: lib.status()["files"] == 1, timeout=10)
        record = lib.file(root / "song.ogg")
        lib.events.record(record.id, "like")

        os.rename(root, tmp_path / "music-away")
        took = wait_for(lambda: lib.status()["files"] == 0, timeout=5)
        assert took < 5
        assert not lib.folders()[0]["available"]
        assert lib.status()["unavailable"] == 1  # kept, not deleted
        assert lib.events.feedback()  # the like is kept

        os.rename(tmp_path / "music-away", root)
        wait_for(lambda: lib.status()["files"] == 1, timeout=5)
        assert lib.folders()[0]["available"]
        assert lib.file(root / "song.ogg").id == record.id  # the same row, its history kept

        make_tone(root / "new.ogg", seconds=0.5, freq=700)  # the new observer sees changes
        wait_for(lambda: lib.status()["files"] == 2, timeout=5)
    finally:
        watcher.stop()


def test_a_root_replaced_by_another_folder_is_rescanned(bare_library, tmp_path):
    lib = bare_library
    root = tmp_path / "box"
    root.mkdir()
    make_tone(root / "a.ogg", seconds=0.5)
    lib.add_folders([root])
    watcher = LibraryWatcher(lib)
    watcher.start()
    try:
        wait_for(lambda: lib.status()["files"] == 1, timeout=10)
        os.rename(root, tmp_path / "old-box")
        other = tmp_path / "other"
        other.mkdir()
        make_tone(other / "b.ogg", seconds=0.5, freq=900)
        os.rename(other, root)  # another disk mounted at the same place
        # The rescan stores b.ogg before it marks what it no longer saw, so wait for both.
        wait_for(
            lambda: (
                lib.store.files.by_path(os.fsencode(root / "b.ogg"))
                and lib.status()["unavailable"] == 1
            ),  # a.ogg: kept, not on disk
            timeout=5,
        )
        kept = lib.store.files.by_path(os.fsencode(root / "a.ogg"))
        assert kept is not None and not kept.available
    finally:
        watcher.stop()
