"""Music, speech, sound effects and video told apart on real recordings.

The files are from the half of the real media that ``benchmarks/bench_kinds.py`` holds
out (its thresholds were chosen on the other half), copied under names that say nothing.
"""

from __future__ import annotations

import shutil

import pytest

from medialens.core.library import Library
from medialens.paths import data_dirs

pytestmark = pytest.mark.media

EXPECTED = {
    "music/drascula/track17.ogg": "music",  # 13 s, untagged: the audio decides
    "music/drascula/track21.ogg": "music",
    "music/Through Space.ogg": "music",  # tagged
    "speech/agent-incorrect.wav": "speech",
    "speech/all-circuits-busy-now.wav": "speech",
    "speech/added.wav": "speech",
    "sounds/audio-channel-rear-left.oga": "speech",  # a voice saying "rear left"
    "sounds/bell.oga": "sound",
    "sounds/camera-shutter.oga": "sound",
    "sounds/phone-outgoing-busy.oga": "sound",
    "sounds/message.oga": "sound",
    "video/bikes.mp4": "video",
    "video/cup.mp4": "video",
}


def test_every_file_gets_its_category(real_media, tmp_path, data_dir):
    folder = tmp_path / "flat"
    folder.mkdir()
    names = {}
    for i, (relative, _) in enumerate(sorted(EXPECTED.items())):
        source = real_media / relative
        target = folder / f"item-{i:02d}{source.suffix}"
        shutil.copy(source, target)
        names[target.name] = relative
    with Library(data_dirs(data_dir), entry_points=False, workers=2) as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline(workers=2).run()
        got = {
            names[r["display_path"].rsplit("/", 1)[-1]]: r["category"]
            for r in lib.store.query("SELECT display_path, category FROM files")
        }
        assert got == EXPECTED
        tagged = lib.store.query_one(
            "SELECT artist, album FROM files WHERE category = 'music' AND artist IS NOT NULL"
        )
        assert tagged is not None and tagged["album"]
