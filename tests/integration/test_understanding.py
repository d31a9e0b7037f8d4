"""Search, more-like-this and duplicates on real recordings, through every installed plugin.

These are the stable facts the product promises: search is cross-modal (a street video is
found by "bicycle" although its name says nothing of bicycles), speech is told from music,
and the same content in another encoding is grouped as a duplicate.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import av
import pytest

from medialens.core.library import Library
from medialens.core.reasons import render
from medialens.core.similar import MODALITY_KEYS
from medialens.paths import data_dirs
from medialens.testing import INT8_KERNELS_DIFFER

pytestmark = pytest.mark.media

MUSIC = ["Advanced Simulacra.ogg", "Awakening.ogg", "Nebula.ogg", "Through Space.ogg", "1918.mp3"]
SPEECH = [
    "agent-pass.wav",
    "agent-user.wav",
    "activated.wav",
    "auth-thankyou.wav",
    "conf-onlyperson.wav",
]
VIDEO = [
    "bikes.mp4",
    "earth.mp4",
    "bigbuckbunny.mp4",
    "carphone_pristine.mp4",
    "carphone_distorted.mp4",
]


def transcode(source: Path, dest: Path) -> None:
    """Re-encode audio at another codec and bit rate: the same music, different bytes."""
    with av.open(str(source)) as src, av.open(str(dest), "w") as out:
        stream = out.add_stream("libmp3lame", rate=44100)
        stream.bit_rate = 96_000
        resampler = av.AudioResampler(format="s16p", layout="stereo", rate=44100)
        for frame in src.decode(audio=0):
            for f in resampler.resample(frame):
                out.mux(stream.encode(f))
        for f in resampler.resample(None):
            out.mux(stream.encode(f))
        out.mux(stream.encode(None))


@pytest.fixture(scope="module")
def library(real_media, tmp_path_factory):
    root = tmp_path_factory.mktemp("understanding")
    media = root / "library"
    for sub, names, source in (
        ("clips", VIDEO, real_media / "video"),
        ("music", MUSIC, real_media / "music"),
        ("voice", SPEECH, real_media / "speech"),
    ):
        (media / sub).mkdir(parents=True)
        for name in names:
            shutil.copy(source / name, media / sub / name)
    transcode(real_media / "music" / "Nebula.ogg", media / "music" / "copy of track 3.mp3")
    lib = Library(data_dirs(root / "data"), workers=2)
    lib.add_folders([media])
    lib.update()
    assert lib.status()["pending"] == 0
    yield lib, media
    lib.close()


def names(results) -> list[str]:
    return [os.path.basename(r.path) for r in results]


def test_every_file_was_understood(library):
    lib, media = library
    status = lib.status()
    assert status["files"] == 16 and status["failed_files"] == []
    info = lib.info(media / "clips" / "bikes.mp4")
    assert {"metadata", "thumbnails", "audio", "text", "vision", "semantic"} <= set(
        info["features"]
    )


def test_bicycle_finds_the_street_video_by_its_labels(library):
    lib, _ = library
    hits = lib.search("bicycle", 5)
    assert names(hits)[0] == "bikes.mp4"
    labels = [r for r in hits[0].why if r.key == "looks_like"]
    assert len({r.get("tag") for r in labels}) == len(labels)  # each label said once
    seen = labels[0]
    assert seen.get("source") == "vision" and 0 < seen.get("score") <= 1
    assert render(seen) == f"on screen: {seen.get('tag')}"  # words; the score stays data


@INT8_KERNELS_DIFFER
def test_a_woman_speaking_finds_speech_not_music(library):
    lib, _ = library
    top = names(lib.search("a woman speaking", 5))
    assert sum(name in SPEECH for name in top) >= 4, top


def test_calm_piano_finds_music(library):
    lib, _ = library
    hits = lib.search("calm piano", 3)
    assert all(name in MUSIC or name.endswith(".mp3") for name in names(hits)), names(hits)
    heard = [r for h in hits for r in h.why if r.key == "sounds_like"]
    assert any("piano" in r.get("tag") for r in heard), heard
    assert not any(ch.isdigit() for h in hits for ch in render(h.why))


def test_keyword_search_matches_titles_and_paths(library):
    lib, _ = library
    hits = lib.search("carphone", 5)
    assert set(names(hits)[:2]) == {"carphone_pristine.mp4", "carphone_distorted.mp4"}


def test_more_like_this_pairs_the_two_encodings_and_says_why(library):
    lib, media = library
    matches = lib.similar(media / "clips" / "carphone_pristine.mp4", 3)
    assert names(matches)[0] == "carphone_distorted.mp4"
    assert matches[0].why.key in MODALITY_KEYS.values() and render(matches[0].why)
    speech = lib.similar(media / "voice" / "agent-pass.wav", 4)
    assert sum(n in SPEECH for n in names(speech)) >= 3, names(speech)


def test_duplicates_group_same_content_across_encodings(library):
    lib, _ = library
    groups = [sorted(os.path.basename(p) for p in g.paths) for g in lib.duplicates()]
    assert ["carphone_distorted.mp4", "carphone_pristine.mp4"] in groups
    assert ["Nebula.ogg", "copy of track 3.mp3"] in groups
    assert len(groups) == 2  # nothing else is wrongly grouped


def test_gibberish_returns_nothing_at_all(library):
    lib, _ = library
    for query in ("vorple quimbix", "snorfblat drazzle", "kzzt wummle froob"):
        assert lib.search(query, 10) == [], query


def test_a_kind_query_returns_only_that_kind(library):
    lib, _ = library
    hits = lib.search("songs", 10)
    assert hits and set(names(hits)) <= set(MUSIC) | {"copy of track 3.mp3"}, names(hits)
    assert all(render(h.why) == "kind: music" for h in hits)
    assert set(names(lib.search("my videos", 10))) == set(VIDEO)
