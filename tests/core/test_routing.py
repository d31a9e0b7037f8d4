"""Routing extractors by a file's category (API 1.3 ``Extractor.categories``): a music
tagger never runs on speech, a speech model never on music, an unknown category runs
everything, and what routing leaves out is never pending."""

from __future__ import annotations

import shutil

import pytest
from mediagen import make_tone, make_video

from medialens.api import (
    FILE_CATEGORIES,
    ExtractionResult,
    TagsOutput,
    api_compatible,
    extractor_categories,
    hookimpl,
)
from medialens.core.library import Library
from medialens.core.planning import applies, order_for_routing
from medialens.paths import data_dirs


class Counting:
    """An extractor that records the files it ran on."""

    def __init__(self, name, categories=None, requires=()):
        self.name, self.version = name, "1"
        self.kinds = frozenset({"audio", "video"})
        if categories is not None:
            self.categories = frozenset(categories)
        self.requires = tuple(requires)
        self.outputs = (TagsOutput(),)
        self.timeout = 30.0
        self.calls: list[str] = []

    def extract(self, ctx):
        self.calls.append(ctx.file.path.name)
        return ExtractionResult(tags={f"{self.name}-tag": 0.5})


class Plugin:
    MEDIALENS_API = "1.3"

    def __init__(self, *extractors):
        self.extractors = list(extractors)

    @hookimpl
    def medialens_extractors(self):
        return self.extractors


def _library(data_dir, *extractors, builtins=False):
    return Library(
        data_dirs(data_dir),
        entry_points=False,
        builtins=builtins,
        extra_plugins=[("routed", Plugin(*extractors))],
        workers=1,
    )


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    make_tone(root / "song.ogg", seconds=1.0, tags={"artist": "A", "album": "B"})
    make_tone(root / "talk.ogg", seconds=1.0, freq=200, tags={"genre": "Speech"})
    make_tone(root / "blip.ogg", seconds=0.5, freq=900)  # no tags, no descriptors: unknown
    make_video(root / "clip.mp4", seconds=1.0, size=(160, 120))
    return root


def test_the_api_declares_categories():
    assert api_compatible("1.3")  # categories came with 1.3; later minors keep them
    assert FILE_CATEGORIES == ("music", "speech", "sound", "video")
    assert extractor_categories(Counting("any")) == frozenset()  # no attribute: every one
    assert extractor_categories(Counting("m", ["music"])) == {"music"}
    assert extractor_categories(Counting("e", [])) == frozenset()
    tagger = Counting("m", ["music", "video"])
    assert applies(tagger, "music") and applies(tagger, "video")
    assert not applies(tagger, "speech") and not applies(tagger, "sound")
    assert applies(tagger, None)  # unknown: the fallback runs it
    assert applies(Counting("any"), "speech")


def test_each_extractor_runs_only_on_its_categories(data_dir, folder):
    probe = Counting("probe")  # for every category; runs first and lets tags decide
    tagger = Counting("tagger", ["music", "video"])
    talker = Counting("talker", ["speech", "video"])
    with _library(data_dir, probe, tagger, talker) as lib:
        lib.add_folders([folder])
        lib.scan()
        # The scan already read the tags (song: music, talk: speech): the talk does not
        # wait for the tagger nor the song for the talker; the rest is unknown yet.
        assert lib.status()["pending"] == 3 * 4 - 2
        lib.pipeline().run_sync()
        categories = {p.rsplit("/", 1)[-1]: c for p, c in _categories(lib).items()}
        assert categories == {
            "song.ogg": "music",
            "talk.ogg": "speech",
            "blip.ogg": None,
            "clip.mp4": "video",
        }
        assert sorted(probe.calls) == ["blip.ogg", "clip.mp4", "song.ogg", "talk.ogg"]
        # A speech file never runs the music tagger; a music file never the speech model.
        assert sorted(tagger.calls) == ["blip.ogg", "clip.mp4", "song.ogg"]
        assert sorted(talker.calls) == ["blip.ogg", "clip.mp4", "talk.ogg"]
        # What routing left out is not pending, and a second run calls nothing.
        assert lib.status()["pending"] == 0
        assert lib.pipeline().plan() == 0
        before = len(probe.calls) + len(tagger.calls) + len(talker.calls)
        lib.pipeline().run_sync()
        assert len(probe.calls) + len(tagger.calls) + len(talker.calls) == before


def test_a_new_routed_extractor_is_pending_only_where_it_applies(data_dir, folder):
    probe = Counting("probe")
    with _library(data_dir, probe) as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline().run_sync()
    later = Counting("later", ["music"])
    with _library(data_dir, probe, later) as lib:
        # The song (music) and the blip (unknown) need it; the talk and the clip never will.
        assert lib.status()["pending"] == 2
        files, jobs = lib.pipeline().pending_jobs()
        assert files == 4 and all(job.extractors == ["later"] for job in jobs) and len(jobs) == 2
        lib.pipeline().run_sync()
        assert sorted(later.calls) == ["blip.ogg", "song.ogg"]
        assert lib.status()["pending"] == 0


def test_an_unknown_category_name_is_refused_at_load(data_dir):
    bad = Counting("bad", ["podcasts"])
    with _library(data_dir, bad) as lib:
        record = lib.host.records["routed"]
        assert record.status == "malfunctioned"
        assert "unknown categories podcasts" in (record.error or "")
        assert [e.name for e in lib.host.extractors()] == []


def test_the_job_order_decides_the_category_before_routed_extractors():
    builtin_a, builtin_b = Counting("metadata"), Counting("audio")
    voter = Counting("sounds")
    music = Counting("music", ["music", "video"])
    speech = Counting("speech", ["speech", "video"], requires=("sounds",))
    fused = Counting("description", requires=("music", "speech"))
    embed = Counting("semantic", requires=("description",))
    shuffled = [embed, speech, fused, music, voter, builtin_b, builtin_a]
    order = [e.name for e in order_for_routing(shuffled, first={"metadata", "audio"})]
    assert order == ["audio", "metadata", "sounds", "music", "speech", "description", "semantic"]


def test_plugins_list_shows_the_categories(data_dir):
    with _library(data_dir, Counting("tagger", ["video", "music"]), Counting("any")) as lib:
        listed = {e["name"]: e for e in lib.host.records["routed"].as_json()["extractors"]}
        assert listed["tagger"]["categories"] == ["music", "video"]
        assert listed["any"]["categories"] is None


@pytest.mark.media
def test_real_speech_and_music_are_routed_by_the_builtins(real_media, tmp_path, data_dir):
    """No tags: the built-in audio descriptors decide, before either model would run."""
    folder = tmp_path / "real"
    folder.mkdir()
    shutil.copy(real_media / "speech" / "added.wav", folder / "a.wav")
    shutil.copy(real_media / "speech" / "all-circuits-busy-now.wav", folder / "b.wav")
    shutil.copy(real_media / "music" / "drascula" / "track17.ogg", folder / "c.ogg")
    tagger = Counting("tagger", ["music", "video"])
    talker = Counting("talker", ["speech", "video"])
    with _library(data_dir, tagger, talker, builtins=True) as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline().run_sync()
        assert sorted(tagger.calls) == ["c.ogg"]
        assert sorted(talker.calls) == ["a.wav", "b.wav"]
        assert lib.status()["pending"] == 0


def _categories(lib) -> dict[str, str | None]:
    out = {}
    for file_id, *_ in lib.store.files.playable_work():
        record = lib.store.files.get(file_id)
        out[record.display_path] = record.category
    return out


def test_a_job_goes_to_the_worker_lane_of_its_category():
    from medialens.core.planning import worker_lane

    assert worker_lane("video", None, 30.0) == "video"
    assert worker_lane("audio", "video", 30.0) == "video"
    assert worker_lane("audio", "music", 5.0) == "music"
    assert worker_lane("audio", "speech", 900.0) == "spoken"
    assert worker_lane("audio", "sound", 1.0) == "spoken"
    assert worker_lane("audio", None, 4.0) == "spoken"  # a guess, until the built-ins decide
    assert worker_lane("audio", None, 240.0) == "music"
