"""A file's category (music, speech, sound, video): the rules, and when the library decides."""

from __future__ import annotations

import json
import sqlite3

import pytest
from mediagen import make_beats, make_speechlike, make_tone, make_video

from medialens.api import ExtractionResult, ScalarsOutput, TagsOutput, hookimpl
from medialens.core.kinds import DESCRIPTORS, Evidence, Vote, classify, tag_category
from medialens.core.library import Library
from medialens.paths import data_dirs

SPEECH = {
    "loudness_db": -30.0,
    "modulation_4hz": 0.3,
    "low_energy_share": 0.4,
    "silence_share": 0.15,
    "flux_mean": 0.5,
    "flux_variance": 0.07,
    "voiced_share": 0.9,
    "pitch_std_semitones": 3.8,
}
MELODY = {**SPEECH, "low_energy_share": 0.05, "flux_mean": 0.3, "pitch_std_semitones": 8.5}
BEEP = {**SPEECH, "voiced_share": 0.0, "pitch_std_semitones": 0.0, "flux_mean": 0.05}


def test_the_rules_in_order_of_trust():
    assert classify(Evidence("video", 5.0, {"artist": "X"}, SPEECH)) == "video"
    assert classify(Evidence("audio", 200.0, {"genre": "Podcast"}, MELODY)) == "speech"
    assert classify(Evidence("audio", 2.0, {"album": "Y"}, BEEP)) == "music"
    votes = (Vote("sound", 0.8, "events"), Vote("speech", 0.3, "events"))
    assert classify(Evidence("audio", 2.0, {}, SPEECH, votes)) == "sound"
    assert classify(Evidence("audio", 2.0, {}, SPEECH, (Vote("music", 0.2),))) == "speech"
    assert classify(Evidence("audio", 200.0, {}, MELODY)) == "music"
    assert classify(Evidence("audio", 1.2, {}, BEEP)) == "sound"
    assert classify(Evidence("audio", 60.0, {}, {**BEEP, "loudness_db": -96.0})) == "sound"


def test_unknown_until_the_descriptors_arrive():
    assert classify(Evidence("audio", 30.0, {"title": "only a title"})) is None
    assert classify(Evidence("audio", 0.1)) == "sound"  # too short to say a word


@pytest.mark.parametrize(
    ("tags", "category"),
    [
        ({"genre": "Speech"}, "speech"),
        ({"genre": "Audiobook"}, "speech"),
        ({"genre": "Rock; Spoken Word"}, "speech"),
        ({"genre": "(101)"}, "speech"),
        ({"genre": "Ambient"}, "music"),
        ({"album_artist": "Various"}, "music"),
        ({"title": "A title", "comment": "x"}, None),
    ],
)
def test_container_tags(tags, category):
    assert tag_category(tags) == category


class Events:
    """A sound-event extractor as issue-style third-party plugins write it: tags only."""

    name, version = "events", "1"
    kinds = frozenset({"audio"})
    requires: tuple[str, ...] = ()
    outputs = (TagsOutput(("Speech", "Music")),)
    timeout = 10.0

    def extract(self, ctx):
        return ExtractionResult(tags={"Speech": 0.1, "Music": 0.95})


class Descriptors:
    """Stores speech-like descriptors for every file, as the built-in audio extractor would."""

    name, version = "descriptors", "1"
    kinds = frozenset({"audio", "video"})
    requires: tuple[str, ...] = ()
    outputs = (ScalarsOutput(DESCRIPTORS),)
    timeout = 10.0

    def extract(self, ctx):
        return ExtractionResult(scalars=dict(SPEECH))


class Plugin:
    MEDIALENS_API = "1.0"

    def __init__(self, *extractors):
        self.extractors = list(extractors)

    @hookimpl
    def medialens_extractors(self):
        return self.extractors


def library(data_dir, *extractors):
    return Library(
        data_dirs(data_dir),
        entry_points=False,
        builtins=False,
        extra_plugins=[("p", Plugin(*extractors))],
        workers=1,
    )


def categories(lib):
    return {
        r["display_path"].rsplit("/", 1)[-1]: r["category"]
        for r in lib.store.query("SELECT display_path, category FROM files WHERE status = 'media'")
    }


@pytest.fixture
def media(tmp_path):
    folder = tmp_path / "media"
    folder.mkdir()
    return folder


def test_the_category_fills_in_as_results_are_stored(data_dir, media):
    make_tone(media / "prompt.wav", 2.0)
    make_tone(media / "song.mp3", 2.0, tags={"artist": "Someone", "album": "First"})
    make_video(media / "clip.mp4", 1.0, size=(160, 120))
    with library(data_dir, Descriptors()) as lib:
        lib.add_folders([media])
        lib.scan()
        # What the probe knows decides at once; the rest waits for descriptors.
        assert categories(lib) == {"prompt.wav": None, "song.mp3": "music", "clip.mp4": "video"}
        lib.pipeline(workers=1).run_sync()
        assert categories(lib) == {
            "prompt.wav": "speech",
            "song.mp3": "music",
            "clip.mp4": "video",
        }


def test_a_vote_reader_feeds_the_classifier_without_the_core_naming_plugins(data_dir, media):
    make_tone(media / "a.wav", 2.0)

    def audioset(name, result):  # what issue-10-style declarations would build
        for tag, score in result.tags.items():
            if tag in ("Speech", "Music"):
                yield Vote(tag.lower(), score, name)

    with library(data_dir, Descriptors(), Events()) as lib:
        lib.add_folders([media])
        lib.scan()
        lib.pipeline(workers=1).run_sync()
        assert categories(lib) == {"a.wav": "speech"}  # no reader: the descriptors decide
        lib.classifier.readers = (audioset,)
        assert lib.reclassify() == 1
        assert categories(lib) == {"a.wav": "music"}
        assert lib.info(media / "a.wav")["category"] == "music"


def test_the_built_in_audio_extractor_tells_kinds_apart(data_dir, media):
    make_speechlike(media / "talk.wav", seconds=4.0)
    make_beats(media / "loop.ogg", seconds=12.0)
    make_tone(media / "ding.wav", 0.8, freq=880.0)
    with Library(data_dirs(data_dir), entry_points=False, workers=1) as lib:
        lib.add_folders([media])
        lib.scan()
        lib.pipeline(workers=1).run_sync()
        assert categories(lib) == {"talk.wav": "speech", "loop.ogg": "music", "ding.wav": "sound"}


def test_a_database_from_before_categories_gets_them_when_it_opens(data_dir):
    from medialens.store.migrations import m001_initial, m002_revision_counter

    dirs = data_dirs(data_dir).create()
    conn = sqlite3.connect(dirs.database, isolation_level=None)
    m001_initial(conn)
    m002_revision_counter(conn)
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at REAL)"
    )
    conn.execute("INSERT INTO migrations VALUES (1, 'm001_initial', 0), (2, 'm002', 0)")
    old = (
        ("song.mp3", "audio", {"artist": "A", "album": "B", "track": "2/9", "date": "1999-01-02"}),
        ("clip.mp4", "video", {}),
        ("prompt.wav", "audio", {}),
    )
    for i, (name, kind, tags) in enumerate(old):
        conn.execute(
            "INSERT INTO files (path, display_path, content_id, size, mtime_ns, status, kind, "
            "duration, metadata, added_at, changed_at) VALUES (?, ?, ?, 1, 1, 'media', ?, 5.0, "
            "?, 0, 0)",
            (f"/m/{name}".encode(), f"/m/{name}", f"c{i}", kind, json.dumps({"tags": tags})),
        )
    conn.close()
    with library(data_dir) as lib:
        assert lib.store.schema_version >= 3  # upgraded past categories
        rows = {r["display_path"][3:]: dict(r) for r in lib.store.query("SELECT * FROM files")}
        song = rows["song.mp3"]
        assert (song["category"], song["artist"], song["album"]) == ("music", "A", "B")
        assert (song["track"], song["year"], song["disc"]) == (2, 1999, None)
        assert rows["clip.mp4"]["category"] == "video"
        assert rows["prompt.wav"]["category"] is None  # waits for its audio descriptors
