"""Artists and albums grouped from tagged files, as the Artists and Albums views show them."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from mediagen import write_audio

from medialens.core.catalog import LibraryRow
from medialens.core.music import UNKNOWN, VARIOUS, group, is_music


def song(folder: Path, name: str, freq: float, **tags: str) -> Path:
    """A short tagged mp3 whose samples differ from every other song's (its own identity)."""
    folder.mkdir(parents=True, exist_ok=True)
    t = np.arange(2400) / 8000
    return write_audio(
        folder / f"{name}.mp3", (0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32), 8000,
        tags=tags,
    )  # fmt: skip


@pytest.fixture
def music(bare_library, tmp_path):
    root = tmp_path / "music"
    blue = root / "Joni Mitchell" / "Blue"
    # out of order on disk and in name; "10/12" is the tenth track, not the first
    song(
        blue,
        "a",
        200,
        artist="Joni Mitchell",
        album="Blue",
        title="River",
        track="10/12",
        disc="1",
        date="1971-06-22",
    )
    song(
        blue,
        "b",
        210,
        artist="Joni Mitchell",
        album="Blue",
        title="All I Want",
        track="1",
        disc="1",
        date="1971",
    )
    song(blue, "c", 220, artist="Joni Mitchell", album="Blue", title="Bonus", track="1", disc="2")
    song(blue, "d", 230, artist="Joni Mitchell", album="Blue", title="My Old Man", track="2")
    song(blue, "e", 240, artist="joni mitchell", album="Blue", title="Untracked")
    song(
        root / "Joni Mitchell" / "Court",
        "f",
        250,
        artist="Joni Mitchell",
        album="Court and Spark",
        title="Help Me",
        track="1",
        date="1974",
    )
    song(root / "loose", "g", 260, artist="Joni Mitchell", title="Demo")  # no album
    # an album artist over the tracks' own artists
    duets = root / "Duets"
    song(
        duets,
        "h",
        270,
        artist="Frank & Ella",
        album_artist="Frank",
        album="Duets",
        title="One",
        track="1",
        date="1993",
    )
    song(
        duets,
        "i",
        280,
        artist="Frank & Nancy",
        album_artist="Frank",
        album="Duets",
        title="Two",
        track="2",
        date="1993",
    )
    # a compilation with no album artist tag: several artists in one folder
    hits = root / "Hits"
    song(hits, "j", 290, artist="Joni Mitchell", album="Hits 1975", title="Free Man", track="1")
    song(hits, "k", 300, artist="The Band", album="Hits 1975", title="Ophelia", track="2")
    song(hits, "l", 310, artist="Aretha", album="Hits 1975", title="Mr. D.J.", track="3")
    # one artist's album with a guest on one track stays that artist's
    solo = root / "Solo"
    for n, (name, freq) in enumerate((("m", 320), ("n", 330), ("o", 340)), start=1):
        song(solo, name, freq, artist="The Band", album="Solo", title=f"S{n}", track=str(n))
    song(solo, "p", 350, artist="The Band feat. Joni", album="Solo", title="S4", track="4")
    song(root / "untagged", "q", 360)  # nothing at all
    song(root / "untagged", "r", 370, album="Nameless")  # an album, no artist
    bare_library.add_folders([root])
    bare_library.scan()
    rows = bare_library.catalog.rows()
    assert all(is_music(r) for r in rows if r.artist or r.album)
    return group(rows)


def titles(tracks) -> list[str]:
    return [t.title for t in tracks]


def test_tracks_play_in_disc_then_track_order(music):
    blue = music.album(("joni mitchell", "blue"))
    assert blue is not None and blue.title == "Blue" and blue.artist == "Joni Mitchell"
    # no disc is disc 1; a track without a number comes after the numbered ones of its disc
    assert titles(blue.tracks) == ["All I Want", "My Old Man", "River", "Untracked", "Bonus"]
    assert blue.year == 1971 and not blue.various
    assert blue.cover == blue.tracks[0].content_id
    assert blue.duration == pytest.approx(sum(t.duration for t in blue.tracks))


def test_album_artist_wins_over_the_tracks_artists(music):
    duets = music.album(("frank", "duets"))
    assert duets is not None and duets.artist == "Frank" and titles(duets.tracks) == ["One", "Two"]
    names = [a.name for a in music.artists]
    assert "Frank" in names and "Frank & Ella" not in names and "Frank & Nancy" not in names
    frank = music.artist("frank")
    assert [a.title for a in frank.albums] == ["Duets"] and titles(frank.tracks) == ["One", "Two"]


def test_a_compilation_is_one_album_under_various_artists(music):
    hits = music.album((VARIOUS, "hits 1975"))
    assert hits is not None and hits.various and hits.artist is None
    assert titles(hits.tracks) == ["Free Man", "Ophelia", "Mr. D.J."]
    assert [a for a in music.albums if a.title == "Hits 1975"] == [hits]  # not split by artist
    # a guest on one track of The Band's album does not make it a compilation
    solo = music.album(("the band", "solo"))
    assert solo is not None and titles(solo.tracks) == ["S1", "S2", "S3", "S4"]
    # Joni's artist view: her albums newest first, the unknown album last, then her
    # tracks, with the compilation's track after her own albums'
    joni = music.artist("joni mitchell")
    assert [a.title for a in joni.albums] == ["Court and Spark", "Blue", None]
    assert [a.key for a in joni.appears_on] == [hits.key]
    assert titles(joni.tracks)[-1] == "Free Man" and len(joni.tracks) == 8
    assert joni.cover == joni.albums[0].cover


def test_unknowns_sort_last_and_names_ignore_case_and_the(music):
    names = [(a.name, a.various) for a in music.artists]
    assert names == [
        ("The Band", False),  # among the B's
        ("Frank", False),
        ("Joni Mitchell", False),  # "joni mitchell" on one track is the same artist
        (None, True),  # Various artists
        (None, False),  # the unknown artist
    ]
    unknown = music.artists[-1]
    assert unknown.key == UNKNOWN
    assert {a.title for a in unknown.albums} == {"Nameless", None}
    albums = [(a.title, a.artist) for a in music.albums]
    assert albums[-2:] == [(None, "Joni Mitchell"), (None, None)]  # the unknown albums
    assert [t for t, _ in albums[:-2]] == sorted((t for t, _ in albums[:-2]), key=str.casefold)
    assert music.tracks == 18


def _row(i: int, **fields) -> LibraryRow:
    base = dict(
        id=i, content_id=f"c{i}", kind="audio", duration=180.0, title=f"Song {i}",
        path=f"/m/{i // 120}/{i // 12}/{i}.mp3", artist=f"Artist {i // 120}",
        album=f"Album {i // 12}", added_at=0.0, available=1, folder="/m", last_played=None,
        position=None, unfinished=False, width=None, height=None, category="music",
        album_artist=None, track=i % 12 + 1, disc=None, year=2000 + i % 20, genre=None,
    )  # fmt: skip
    base.update(fields)
    return LibraryRow(**base)


def test_grouping_a_hundred_thousand_tracks_costs_a_few_sorts():
    """Measured beside one sort of the same rows, best of two, so a busy machine slows both."""
    rows = [_row(i) for i in range(100_000)]
    rows.reverse()
    sorts, groups = [], []
    for _ in range(2):
        start = time.perf_counter()
        sorted(rows, key=lambda r: (r.artist.casefold(), r.album.casefold(), r.title))
        sorts.append(time.perf_counter() - start)
        start = time.perf_counter()
        music = group(rows)
        groups.append(time.perf_counter() - start)
    assert len(music.albums) == 8334 and len(music.artists) == 834
    assert titles(music.album(("artist 0", "album 0")).tracks)[:2] == ["Song 0", "Song 1"]
    one_sort, took = min(sorts), min(groups)
    assert took < 12 * one_sort, f"grouping took {took:.2f} s, one sort {one_sort:.2f} s"


def test_numbers_in_names_sort_as_numbers():
    """Untagged tracks named track1..track12 play in that order; Vol. 9 before Vol. 10."""
    names = ["track10", "track2", "Track1", "track12", "intro"]
    rows = [
        _row(i, title=t, track=None, album="Loose", artist="X", path=f"/m/x/{t}.mp3")
        for i, t in enumerate(names)
    ]
    rows += [_row(10 + i, album=f"Vol. {n}", artist="Y") for i, n in enumerate((10, 9))]
    music = group(rows)
    loose = music.album(("x", "loose"))
    assert titles(loose.tracks) == ["intro", "Track1", "track2", "track10", "track12"]
    assert [a.title for a in music.albums] == ["Loose", "Vol. 9", "Vol. 10"]
