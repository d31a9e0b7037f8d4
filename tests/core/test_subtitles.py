"""Sidecar subtitles: finding them beside a video, reading SRT and WebVTT as found in the wild."""

from __future__ import annotations

from medialens.core.subtitles import Cue, Cues, load, parse_srt, parse_vtt, sidecars

SRT = (
    "\ufeff1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Hello</i> there\r\n\r\n"
    "2\r\n00:00:03,000 --> 00:00:04,000\r\n{\\an8}Top line\r\nsecond &amp; last\r\n\r\n"
    "3\r\nbroken timing\r\nignored\r\n\r\n"
    "00:01:00,5 --> 01:00:02,000\r\nno number, short fraction\r\n"
)

VTT = """WEBVTT - a title

NOTE this is a comment
with two lines

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:02.000 line:0 position:20%
<v Roger>Hi <c.loud>you</c>

00:00:03.000 --> 00:00:05.000
Overlap one

00:00:04.000 --> 00:00:06.000
Overlap two
"""


def test_srt_cues_keep_the_words_and_drop_the_markup():
    cues = parse_srt(SRT)
    assert cues == [
        Cue(1.0, 2.5, "Hello there"),
        Cue(3.0, 4.0, "Top line\nsecond & last"),
        Cue(60.5, 3602.0, "no number, short fraction"),
    ]


def test_vtt_skips_header_notes_and_styles_and_reads_settings_and_ids():
    cues = parse_vtt(VTT)
    assert [c.text for c in cues] == ["Hi you", "Overlap one", "Overlap two"]
    assert (cues[0].start, cues[0].end) == (1.0, 2.0)


def test_what_is_shown_at_a_time():
    cues = Cues(parse_vtt(VTT))
    assert cues.at(0.5) == ""
    assert cues.at(1.5) == "Hi you"
    assert cues.at(2.0) == ""  # the end is exclusive
    assert cues.at(4.5) == "Overlap one\nOverlap two"
    assert cues.at(5.5) == "Overlap two"


def test_sidecars_are_found_by_name_plain_first(tmp_path):
    video = tmp_path / "Film.mkv"
    video.write_bytes(b"")
    for name in ("Film.srt", "Film.en.vtt", "film.zh-Hans.SRT", "Film 2.srt", "Other.srt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    found = [(s.path.name, s.language) for s in sidecars(video)]
    assert found == [("Film.srt", ""), ("Film.en.vtt", "en"), ("film.zh-Hans.SRT", "zh-Hans")]


def test_latin1_files_are_read_too(tmp_path):
    path = tmp_path / "old.srt"
    path.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9 cr\xe8me\n".encode("cp1252"))
    assert load(path) == [Cue(1.0, 2.0, "Café crème")]


def test_sidecars_in_any_letter_case_with_forced_and_labels(tmp_path):
    video = tmp_path / "Movie.mkv"
    video.write_bytes(b"")
    for name in ("movie.srt", "Movie.EN.srt", "movie.fr.forced.vtt", "Movie.en.SDH.srt"):
        (tmp_path / name).write_text("1\n00:00:01,000 --> 00:00:02,000\nHi\n")
    for other in ("Movie2.srt", "movie.txt", "movies.srt", "movie.nfo"):
        (tmp_path / other).write_text("x")
    found = [(s.path.name, s.language, s.format, s.forced) for s in sidecars(video)]
    assert found == [
        ("movie.srt", "", "srt", False),
        ("Movie.EN.srt", "EN", "srt", False),
        ("Movie.en.SDH.srt", "en", "srt", False),
        ("movie.fr.forced.vtt", "fr", "vtt", True),
    ]
    assert sidecars(tmp_path / "missing" / "x.mkv") == []
