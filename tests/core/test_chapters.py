"""Chapters read from the container, as the player's chapter menu and seek-bar marks need."""

from __future__ import annotations

from mediagen import make_video
from playermedia import CHAPTERS, add_chapters_and_subtitles

from medialens.core.chapters import Chapter, chapters


def test_chapters_of_a_matroska_file(tmp_path):
    plain = make_video(tmp_path / "plain.mkv", seconds=6.0, size=(64, 48))
    marked = add_chapters_and_subtitles(plain, tmp_path / "marked.mkv")
    assert chapters(marked) == [Chapter(a, b, t) for t, a, b in CHAPTERS]
    assert chapters(plain) == []
    assert chapters(tmp_path / "missing.mkv") == []
