"""Playback history: events, sessions, pause, export, forget and the persisted model.

Also home of the small library the recommendation tests share: generated tones, voices,
beats and a film, described by a tiny real extractor written against ``medialens.api``.
"""

from __future__ import annotations

import base64
import json
import shutil

import numpy as np
import pytest
from mediagen import make_beats, make_speechlike, make_tone, make_video

from medialens.api import ExtractionResult, TagsOutput, VectorOutput, hookimpl
from medialens.core.events import HistoryError
from medialens.core.library import Library
from medialens.paths import data_dirs
from medialens.recommend import FORMAT_VERSION, InterestModel
from medialens.store.events import META_NAME

T0 = 1_700_000_000.0
BANDS = np.geomspace(60, 3900, 17)


class Sketch:
    """Energy in 16 log-spaced bands, and tags for pitch and level (pure numpy)."""

    name = "sketch"
    version = "1"
    kinds = frozenset({"audio", "video"})
    requires: tuple[str, ...] = ()
    outputs = (VectorOutput("bands", 16, "audio"), TagsOutput())
    timeout = 60.0

    def extract(self, ctx):
        y = ctx.audio(8000)[: 8000 * 4]
        if len(y) < 800:
            return ExtractionResult()
        power = np.abs(np.fft.rfft(y * np.hanning(len(y)))) ** 2
        freqs = np.fft.rfftfreq(len(y), 1 / 8000)
        bands = np.array(
            [
                power[(freqs >= a) & (freqs < b)].sum()
                for a, b in zip(BANDS[:-1], BANDS[1:], strict=True)
            ]
        )
        bands = np.sqrt(bands / max(bands.sum(), 1e-12)).astype(np.float32)
        centroid = float((freqs * power).sum() / max(power.sum(), 1e-12))
        rms = float(np.sqrt(np.mean(y**2)))
        tags = {"low" if centroid < 500 else "high": 0.9, "calm" if rms < 0.15 else "loud": 0.8}
        return ExtractionResult(vectors={"bands": bands}, tags=tags)


class SketchPlugin:
    MEDIALENS_API = "1.0"

    @hookimpl
    def medialens_extractors(self):
        return [Sketch()]


def open_library(data_dir) -> Library:
    return Library(
        data_dirs(data_dir),
        entry_points=False,
        builtins=False,
        extra_plugins=[("sketch", SketchPlugin())],
        workers=2,
    )


def build_media(root):
    """Near-identical calm low tones, loud high tones, mid tones, voices, beats, a film."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(4):
        make_tone(root / f"low{i}.ogg", 3.0, 200 + 5 * i, amplitude=0.1, tags={"title": f"Low {i}"})
        make_tone(
            root / f"high{i}.ogg", 3.0, 2500 + 250 * i, amplitude=0.5, tags={"title": f"High {i}"}
        )
    for i in range(3):
        make_tone(
            root / f"mid{i}.ogg", 3.0, 700 + 150 * i, amplitude=0.3, tags={"title": f"Mid {i}"}
        )
    for i in range(2):
        make_speechlike(root / f"voice{i}.wav", 3.0, seed=i)
        make_beats(root / f"beats{i}.ogg", 4.0, bpm=100 + 30 * i)
    make_video(root / "film.mp4", seconds=20.0, size=(160, 120), audio_freq=300.0)
    return root


def index_media(root):
    """(media folder, data folder) of a freshly indexed library under ``root``."""
    media, data = build_media(root / "media"), root / "data"
    with open_library(data) as lib:
        lib.add_folders([media])
        lib.scan()
        lib.pipeline().run_sync()
        assert lib.status()["pending"] == 0
    return media, data


def copy_library(indexed, tmp_path) -> Library:
    """A library of its own (history and all) on a copy of an indexed data folder."""
    media, data = indexed
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    lib = open_library(copy)
    lib.media = media
    return lib


@pytest.fixture(scope="session")
def indexed_library(tmp_path_factory):
    return index_media(tmp_path_factory.mktemp("history"))


@pytest.fixture
def library(indexed_library, tmp_path):
    lib = copy_library(indexed_library, tmp_path)
    yield lib
    lib.close()


def fid(lib, name: str) -> int:
    return lib.file(lib.media / name).id


def events(lib) -> list[dict]:
    return [dict(r) for r in lib.store.query("SELECT * FROM events ORDER BY id")]


# -- recording ---------------------------------------------------------------------------


def test_events_are_recorded_with_content_id_and_positions(library):
    low = library.media / "low0.ogg"
    assert library.events.record(low, "start", at=T0)
    assert library.events.record(fid(library, "low0.ogg"), "pause", 1.5, at=T0 + 2)
    assert library.events.record(str(low), "stop", at=T0 + 3)  # position carried over
    assert library.events.record(low, "complete", at=T0 + 5)
    rows = events(library)
    cid = library.file(low).content_id
    assert [r["kind"] for r in rows] == ["start", "pause", "stop", "complete"]
    assert [r["position"] for r in rows] == [0.0, 1.5, 1.5, pytest.approx(3.0, abs=0.1)]
    assert {r["content_id"] for r in rows} == {cid}
    assert all(r["duration"] == pytest.approx(3.0, abs=0.1) for r in rows)


def test_a_new_session_starts_after_30_minutes_without_events(library):
    for at in (T0, T0 + 600, T0 + 1700, T0 + 1700 + 1801, T0 + 1700 + 1801 + 60):
        library.events.record(library.media / "mid0.ogg", "progress", 1.0, at=at)
    sessions = [r["session"] for r in events(library)]
    assert sessions[0] == sessions[1] == sessions[2] != sessions[3] == sessions[4]


def test_unknown_file_and_kind_are_refused(library):
    with pytest.raises(HistoryError, match="not in the library"):
        library.events.record(library.media / "nope.ogg", "start")
    with pytest.raises(HistoryError, match="not in the library"):
        library.events.record(99999, "start")
    with pytest.raises(HistoryError, match="unknown event kind 'watched'"):
        library.events.record(library.media / "low0.ogg", "watched")
    assert events(library) == []


def test_paused_history_records_nothing(library):
    library.events.set_paused(True)
    assert library.events.is_paused()
    for kind in ("start", "complete", "like", "skip"):
        assert library.events.record(library.media / "low1.ogg", kind) is False
    assert events(library) == []
    assert library.store.query("SELECT * FROM model_state") == []
    library.events.set_paused(False)
    assert library.events.record(library.media / "low1.ogg", "like")
    assert len(events(library)) == 1


# -- signals and the model ---------------------------------------------------------------


def play(lib, name, kind, at, position=None):
    """One play: start, then ``kind`` (complete, skip, stop) at ``position``."""
    lib.events.record(lib.media / name, "start", 0.0, at=at)
    lib.events.record(lib.media / name, kind, position, at=at + (position or 3.0))


def test_finished_plays_become_signals(library):
    play(library, "low0.ogg", "complete", T0)
    play(library, "high0.ogg", "skip", T0 + 10, 0.2)
    library.events.record(library.media / "low0.ogg", "stop", at=T0 + 20)  # after the end
    library.events.record(library.media / "mid0.ogg", "not_interested", at=T0 + 30)
    library.events.record(library.media / "mid1.ogg", "like", at=T0 + 40)
    got = [(s.kind, s.signal) for s in library.events.signals()]
    assert got == [("complete", 0.8), ("skip", -0.5), ("not_interested", -1.0), ("like", 1.0)]
    model = library.taste.model()
    assert model is not None and model.n_events == 4


def test_dragging_to_the_end_is_not_playing_to_the_end(library):
    """A seek to near the end, then the player's ``complete``: not a finished play."""
    film = fid(library, "film.mp4")  # 20 s
    library.events.record(film, "start", 0.0, at=T0)
    library.events.record(film, "seek", 19.0, at=T0 + 2)
    library.events.record(film, "complete", at=T0 + 3)
    [dragged] = library.events.signals()
    assert dragged.kind == "complete" and dragged.signal < 0  # 3 s heard of 20: a skip
    # heard to the end after a seek back, or resumed and heard to the end: finished
    library.events.record(film, "start", 0.0, at=T0 + 100)
    library.events.record(film, "progress", 10.0, at=T0 + 110)
    library.events.record(film, "seek", 2.0, at=T0 + 111)
    library.events.record(film, "complete", at=T0 + 129)
    library.events.record(film, "start", 12.0, at=T0 + 200)
    library.events.record(film, "seek", 13.0, at=T0 + 201)
    library.events.record(film, "complete", at=T0 + 208)
    assert [round(s.signal, 2) for s in library.events.signals()[1:]] == [0.8, 0.8]


def test_model_state_survives_reopening(indexed_library, tmp_path):
    media, data = indexed_library
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    with open_library(copy) as lib:
        lib.media = media
        for i, name in enumerate(["low0.ogg", "low1.ogg", "mid0.ogg"]):
            play(lib, name, "complete", T0 + 100 * i)
        play(lib, "high1.ogg", "skip", T0 + 400, 0.3)
        lib.taste.flush()
        model = lib.taste.model()
        before = model.score(np.ones((1, model.dim), np.float32), T0 + 9000)
        recs = lib.recommender.recommend(5, now=T0 + 9000)
    with open_library(copy) as lib:
        state = lib.store.query_one("SELECT state FROM model_state WHERE name = 'interest'")
        assert state is not None
        model = InterestModel.from_bytes(bytes(state["state"]))
        assert model.n_events == 4
        assert lib.taste.model().n_events == 4  # loaded, nothing replayed twice
        after = lib.taste.model().score(np.ones((1, model.dim), np.float32), T0 + 9000)
        np.testing.assert_allclose(before, after, rtol=1e-5)
        assert lib.recommender.recommend(5, now=T0 + 9000) == recs


def test_unsaved_updates_are_replayed_from_the_events(indexed_library, tmp_path):
    media, data = indexed_library
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    with open_library(copy) as lib:
        lib.media = media
        assert lib.taste.model() is None  # in memory now: every signal updates it at once
        play(lib, "low0.ogg", "complete", T0)  # the first update saves the state
        play(lib, "low2.ogg", "complete", T0 + 100)  # these two only live in memory
        play(lib, "high2.ogg", "skip", T0 + 200, 0.2)
        saved = json.loads(
            bytes(
                lib.store.query_one("SELECT state FROM model_state WHERE name = ?", (META_NAME,))[
                    "state"
                ]
            )
        )
        assert saved["watermark"] < lib.store.query_one("SELECT max(id) FROM events")[0]
        live = lib.taste.model().score(np.ones((1, 16), np.float32), T0 + 9000)
    with open_library(copy) as lib:
        model = lib.taste.model()
        assert model.n_events == 3
        np.testing.assert_allclose(
            model.score(np.ones((1, 16), np.float32), T0 + 9000), live, rtol=1e-5
        )


# -- export and forget -------------------------------------------------------------------


def test_export_contains_every_event_and_the_model_state(library, tmp_path):
    play(library, "low0.ogg", "complete", T0)
    play(library, "high0.ogg", "skip", T0 + 10, 0.2)
    library.events.record(library.media / "voice0.wav", "dislike", at=T0 + 20)
    target = tmp_path / "history.json"
    done = library.events.export(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert done["events"] == 5 and len(data["events"]) == 5
    assert [e["kind"] for e in data["events"]] == ["start", "complete", "start", "skip", "dislike"]
    assert data["events"][0]["path"] == str(library.media / "low0.ogg")
    assert data["events"][0]["title"] == "Low 0"
    assert data["events"][4]["path"].endswith("voice0.wav")
    assert data["model"]["version"] == FORMAT_VERSION
    model = InterestModel.from_bytes(base64.b64decode(data["model"]["state_base64"]))
    assert model.n_events == 3


def test_history_outlives_its_folder(library):
    play(library, "low0.ogg", "complete", T0)
    library.remove_folder(library.media)
    assert [r["file_id"] for r in events(library)] == [None, None]
    assert all(r["content_id"] for r in events(library))
    library.add_folders([library.media])
    library.scan()
    new_id = fid(library, "low0.ogg")
    assert library.events.last_played([new_id]) == {new_id: T0 + 3.0}


def test_forget_wipes_events_and_model(library):
    play(library, "low0.ogg", "complete", T0)
    library.events.record(library.media / "mid0.ogg", "like", at=T0 + 10)
    library.taste.flush()
    done = library.events.forget()
    assert done == {"events": 3, "model": True}
    assert events(library) == []
    assert library.store.query("SELECT * FROM model_state") == []
    assert library.events.signals() == [] and library.taste.model() is None


# -- helpers for the player --------------------------------------------------------------


def test_resume_position_and_last_played(library):
    film, low = fid(library, "film.mp4"), fid(library, "low0.ogg")
    assert library.events.resume_position(film) == 0.0
    library.events.record(film, "start", 0.0, at=T0)
    library.events.record(film, "pause", 8.0, at=T0 + 8)
    assert library.events.resume_position(film) == 8.0
    library.events.record(film, "seek", 0.5, at=T0 + 9)  # under 5 %: start over
    assert library.events.resume_position(film) == 0.0
    library.events.record(film, "stop", 12.0, at=T0 + 20)
    assert library.events.resume_position(film) == 12.0
    library.events.record(film, "complete", at=T0 + 30)
    assert library.events.resume_position(film) == 0.0
    assert library.events.last_played([film, low]) == {film: T0 + 30, low: None}
