"""The metadata extractor: probed facts, tags, sidecar subtitles and .nfo files."""

from __future__ import annotations

import json

import pytest
from mediagen import make_multitrack, make_tone, make_video

from medialens.builtins.metadata import Metadata, parse_nfo, parse_subtitles

SRT = """1
00:00:01,000 --> 00:00:02,500
<i>Where are we going?</i>

2
00:00:03,000 --> 00:00:04,000
{\\an8}To the sea &amp; the mountains.

3
00:00:04,000 --> 00:00:05,000
To the sea &amp; the mountains.
"""

VTT = """WEBVTT Kind: captions

STYLE
::cue { color: yellow }

NOTE this is a comment
spanning two lines

intro
00:01.000 --> 00:02.000 align:start position:10%
<v Anna>Bonjour à tous</v>
"""

NFO = """<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
<movie>
  <title>The Long Road</title>
  <originaltitle>La Longue Route</originaltitle>
  <plot>Two friends cross the Alps on bicycles.</plot>
  <genre>Drama</genre>
  <genre>Adventure</genre>
  <year>2019</year>
  <director>Jo Smith</director>
  <actor><name>Ana Lopez</name><role>Ana</role></actor>
</movie>
https://www.imdb.com/title/tt1234567/
"""


def test_probe_facts_and_tags(tmp_path, make_context):
    path = make_tone(tmp_path / "song.mp3", seconds=1.0, tags={"title": "Blue", "date": "2003"})
    result = Metadata().extract(make_context(path))
    assert result.data["tags"]["title"] == "Blue"
    assert result.scalars["duration"] == pytest.approx(1.0, abs=0.1)
    assert result.scalars["sample_rate"] == 22050
    assert result.scalars["year"] == 2003
    assert not result.vectors
    json.dumps(result.data)  # stored as JSON


def test_video_scalars(tmp_path, make_context):
    path = make_video(tmp_path / "clip.mp4", seconds=1.0, size=(160, 120))
    scalars = Metadata().extract(make_context(path)).scalars
    assert (scalars["width"], scalars["height"], scalars["fps"]) == (160, 120, 25)
    assert scalars["bit_rate"] > 0 and scalars["channels"] == 1


def test_reads_the_container_when_the_pipeline_gave_no_metadata(tmp_path, make_context):
    path = make_video(tmp_path / "clip.mp4", seconds=1.0, size=(160, 120), tags={"title": "T"})
    data = Metadata().extract(make_context(path, metadata={})).data
    assert data["tags"]["title"] == "T"
    assert data["width"] == 160


def test_sidecar_subtitles(tmp_path, make_context):
    path = make_video(tmp_path / "trip.mp4", seconds=1.0, size=(160, 120))
    (tmp_path / "trip.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "trip.fr.vtt").write_text(VTT, encoding="utf-8")
    (tmp_path / "trip.de.forced.srt").write_bytes("Grüße\n".encode("cp1252"))
    (tmp_path / "trip2.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nother film\n")
    (tmp_path / "other.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nother film\n")
    subtitles = Metadata().extract(make_context(path)).data["subtitles"]
    assert subtitles["files"] == ["trip.de.forced.srt", "trip.fr.vtt", "trip.srt"]
    assert subtitles["languages"] == ["de", "fr", "und"]
    text = subtitles["text"]
    assert "Where are we going?" in text
    assert text.count("To the sea & the mountains.") == 1  # repeated cue kept once
    assert "Bonjour à tous" in text and "Grüße" in text
    for noise in ("-->", "<i>", "{\\an8}", "color: yellow", "comment", "other film"):
        assert noise not in text


def test_parse_subtitles_drops_numbers_and_timings():
    assert parse_subtitles(SRT).splitlines() == [
        "Where are we going?",
        "To the sea & the mountains.",
    ]
    assert parse_subtitles(VTT) == "Bonjour à tous"


def test_nfo_next_to_the_file(tmp_path, make_context):
    path = make_video(tmp_path / "road.mp4", seconds=1.0, size=(160, 120))
    (tmp_path / "movie.nfo").write_text(NFO, encoding="utf-8")
    result = Metadata().extract(make_context(path))
    nfo = result.data["nfo"]
    assert nfo["file"] == "movie.nfo"
    assert nfo["title"] == "The Long Road"
    assert nfo["genre"] == ["Drama", "Adventure"]
    assert nfo["actors"] == ["Ana Lopez"]
    assert nfo["imdb"] == "tt1234567"
    assert result.scalars["year"] == 2019
    # <stem>.nfo wins over the folder's movie.nfo.
    (tmp_path / "road.nfo").write_text("<movie><title>Own</title></movie>")
    assert Metadata().extract(make_context(path)).data["nfo"]["title"] == "Own"


def test_hostile_or_odd_nfo():
    bomb = '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><movie><title>&a;</title></movie>'
    assert "title" not in parse_nfo(bomb)
    assert parse_nfo("https://www.imdb.com/title/tt0111161/") == {"imdb": "tt0111161"}
    assert parse_nfo("<movie><title>Broken") == {"text": "<movie><title>Broken"}


@pytest.mark.media
def test_real_media_metadata(real_media, make_context):
    song = Metadata().extract(make_context(real_media / "music" / "1918.mp3"))
    assert song.data["tags"]["genre"] == "Instrumentals"
    assert song.scalars["duration"] == pytest.approx(172.4, abs=0.5)
    clip = Metadata().extract(make_context(real_media / "video" / "box.mp4"))
    assert clip.scalars["width"] == 640 and clip.scalars["channels"] >= 1


def test_music_tags_are_kept_normalised(tmp_path, make_context):
    tags = {
        "artist": "Ana  Lopez",
        "album_artist": "Various Artists",
        "album": "Roads",
        "title": "North",
        "track": "3/12",
        "disc": "2/2",
        "date": "2019-04-01",
        "genre": "Folk",
    }
    for suffix in (".mp3", ".ogg", ".flac", ".m4a"):
        path = make_tone(tmp_path / f"song{suffix}", seconds=1.0, tags=tags)
        music = Metadata().extract(make_context(path)).data["music"]
        assert music == {
            "artist": "Ana Lopez",
            "album_artist": "Various Artists",
            "album": "Roads",
            "title": "North",
            "track": 3,
            "track_total": 12,
            "disc": 2,
            "disc_total": 2,
            "date": "2019-04-01",
            "year": 2019,
            "genre": "Folk",
        }, suffix


def test_audio_tracks_subtitle_streams_and_chapters(tmp_path, make_context):
    path = make_multitrack(
        tmp_path / "film.mkv",
        seconds=3.0,
        audio=[{"language": "eng", "title": "Stereo"}, {"language": "fre", "title": "Commentary"}],
        subtitles=[({"language": "spa", "title": "Español"}, SRT)],
        chapters=[(0.0, 1.5, "Opening"), (1.5, 3.0, "The sea")],
    )
    data = Metadata().extract(make_context(path)).data
    assert [(a["language"], a["title"], a["codec"]) for a in data["audio_streams"]] == [
        ("eng", "Stereo", "opus"),
        ("fre", "Commentary", "opus"),
    ]
    assert [(s["language"], s["title"], s["codec"]) for s in data["subtitle_streams"]] == [
        ("spa", "Español", "srt")
    ]
    assert data["chapters"] == [
        {"start": 0.0, "end": 1.5, "title": "Opening"},
        {"start": 1.5, "end": 3.0, "title": "The sea"},
    ]
    json.dumps(data)


def test_a_plain_file_has_one_audio_track_and_no_chapters(tmp_path, make_context):
    data = Metadata().extract(make_context(make_tone(tmp_path / "a.wav", 1.0))).data
    assert len(data["audio_streams"]) == 1 and data["audio_streams"][0]["language"] == "und"
    assert data["subtitle_streams"] == [] and data["chapters"] == []
