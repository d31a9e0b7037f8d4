"""The indexer process's events, driven in this process (the indexer imports no Qt)."""

from __future__ import annotations

import time

from mediagen import make_tone

from medialens.core.library import Library
from medialens.gui.indexer import _Indexer
from medialens.paths import data_dirs


class Events:
    """The event pipe's sending end: what the indexer says, and what the store held then."""

    def __init__(self, store_count) -> None:
        self.sent: list[tuple] = []
        self.store_count = store_count

    def send(self, event: tuple) -> None:
        self.sent.append((*event, self.store_count()))


def _media_count(dirs) -> int:
    import sqlite3

    with sqlite3.connect(dirs.database) as conn:
        return conn.execute("SELECT count(*) FROM files WHERE status = 'media'").fetchone()[0]


def test_scanning_lasts_until_the_found_files_are_stored(data_dir, tmp_path):
    """Files copied into a watched folder: the indexer says it is looking until they are
    probed and stored, or the library says "No media found" while they are being probed."""
    dirs = data_dirs(data_dir)
    root = tmp_path / "media"
    root.mkdir()
    with Library(dirs) as lib:  # no analysis here: only finding files is tested
        for name in list(lib.host.records):
            lib.host.set_enabled(name, False)
        lib.add_folders([root])

    events = Events(lambda: _media_count(dirs))
    indexer = _Indexer(dirs, events)
    try:
        indexer.start()
        deadline = time.monotonic() + 30
        while indexer.scanning and time.monotonic() < deadline:  # an empty folder
            indexer.flush()
            time.sleep(0.05)
        assert not indexer.scanning
        events.sent.clear()
        staging = tmp_path / "staging"
        staging.mkdir()
        for i in range(30):
            make_tone(staging / f"tone{i:02d}.wav", seconds=0.2, freq=200 + 10 * i)
            (staging / f"tone{i:02d}.wav").rename(root / f"tone{i:02d}.wav")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _media_count(dirs) < 30:
            indexer.flush()
            time.sleep(0.02)
        for _ in range(20):
            indexer.flush()
            time.sleep(0.02)
        said = [e for e in events.sent if e[0] == "scanning"]
        assert said and said[0][:2] == ("scanning", True), events.sent
        assert said[-1][:2] == ("scanning", False) and said[-1][2] == 30, said
    finally:
        indexer.stop()
