"""Artists and albums of the music in a library, grouped from its rows. No Qt here.

The Artists and Albums views group what the library already holds in memory
(:class:`~medialens.core.catalog.LibraryRow`, one per file, with its container
tags): one pass into dictionaries and a sort per album, about four times the
cost of one sort of the same rows (0.4-1.5 s for 10^5 tracks here, on a worker
thread), so no second query and no second cache that could disagree with the
rows the other views show.

How tracks become albums, as Plexamp and Jellyfin do it:

- An album is an album title under an album artist: the ``album_artist`` tag
  when present, else the track's artist. Names compare without case, so "ABBA"
  and "Abba" are one artist; the first spelling met is the one shown.
- Tracks with an album title but no album artist tag, in one folder, are one
  album. When one artist has more than half of them they are that artist's
  album (a "feat." guest does not split it); otherwise it is a compilation
  under "Various artists" (:attr:`Artist.various`).
- Tracks without an artist go under the unknown artist, without an album under
  the unknown album of their artist; both sort last.
- An album's tracks play in disc, then track order; untagged numbers go after
  the numbered ones, by title, where "track2" comes before "track10".
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from medialens.core.catalog import LibraryRow

MUSIC = "music"
UNKNOWN = ""  # the key of the unknown artist and of an unknown album
VARIOUS = "\x00various"  # the key of the compilations' artist ("Various artists")

AlbumKey = tuple[str, str]  # (artist key, album key)
_DIGITS = re.compile(r"(\d+)")


def name_key(name: str | None) -> str:
    """How names compare: without case or surrounding space; "" for none."""
    return " ".join((name or "").split()).casefold()


def natural(text: str) -> tuple:
    """A sort key in which numbers count: "track2" before "track10", "Vol. 9" before "Vol. 10".

    ``re.split`` with a group puts text at even places and digits at odd ones, so two keys
    only ever compare text with text and numbers with numbers.
    """
    parts = _DIGITS.split(text)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def sort_key(name: str) -> tuple:
    """How names sort: "The Beatles" among the B's, as record shops and players do."""
    key = name_key(name)
    return natural(key[4:] if key.startswith("the ") and len(key) > 4 else key)


def is_music(row: LibraryRow) -> bool:
    return row.category == MUSIC


@dataclass(frozen=True)
class Album:
    """One album: its tracks in play order, and what its card says."""

    key: AlbumKey
    title: str | None  # None: the unknown album
    artist: str | None  # the album artist; None: unknown, or "Various artists" when ``various``
    various: bool
    year: int | None
    tracks: tuple[LibraryRow, ...]

    @property
    def cover(self) -> str:
        """The content id whose thumbnail is the album's cover (its first track's)."""
        return self.tracks[0].content_id

    @property
    def duration(self) -> float:
        return sum(t.duration or 0.0 for t in self.tracks)

    @property
    def ids(self) -> list[int]:
        return [t.id for t in self.tracks]


@dataclass(frozen=True)
class Artist:
    """One album artist: their albums (newest first), then every track of theirs."""

    key: str
    name: str | None  # None: unknown, or "Various artists" when ``various``
    various: bool
    albums: tuple[Album, ...]
    appears_on: tuple[Album, ...] = ()  # others' albums with tracks of theirs (compilations)
    tracks: tuple[LibraryRow, ...] = field(default=())  # their albums' tracks, then guest ones

    @property
    def cover(self) -> str:
        """One of their albums' covers: the newest named album's, as Plexamp shows."""
        named = [a for a in self.albums if a.title is not None] or list(self.albums)
        return named[0].cover

    @property
    def ids(self) -> list[int]:
        return [t.id for t in self.tracks]


@dataclass(frozen=True)
class MusicLibrary:
    """Every album and album artist, in the order the grids show them."""

    albums: tuple[Album, ...] = ()  # by title, the unknown album last
    artists: tuple[Artist, ...] = ()  # by name, Various artists then the unknown artist last
    tracks: int = 0

    def album(self, key: AlbumKey) -> Album | None:
        return next((a for a in self.albums if a.key == key), None)

    def artist(self, key: str) -> Artist | None:
        return next((a for a in self.artists if a.key == key), None)


def _track_order(row: LibraryRow) -> tuple:
    """Disc, then track number; tracks without one after, by title as numbers read."""
    untracked = row.track is None
    by_title = natural(row.title.casefold()) if untracked else ()
    return (row.disc or 1, untracked, row.track or 0, by_title, row.id)


def _album_order(album: Album) -> tuple:
    """Albums: by title, the unknown album last; one title by artist, the unknown one last."""
    return (
        album.title is None,
        sort_key(album.title or ""),
        album.key[0] == UNKNOWN,
        album.various,
        sort_key(album.artist or ""),
    )


def _artist_album_order(album: Album) -> tuple:
    """An artist's albums: newest first, undated after dated, the unknown album last."""
    return (
        album.title is None,
        album.year is None,
        -(album.year or 0),
        sort_key(album.title or ""),
    )


def group(rows: Iterable[LibraryRow]) -> MusicLibrary:
    """Albums and artists of ``rows`` (the caller picks which rows are music)."""
    rows = list(rows)
    keys: dict[str | None, str] = {}  # tag -> key; tags repeat, so each is tidied once
    names: dict[str, str] = {}  # key -> first spelling met
    titles: dict[AlbumKey, str] = {}

    def key_of(name: str | None) -> str:
        key = keys.get(name)
        if key is None:
            key = keys[name] = name_key(name)
            if key and key not in names:
                names[key] = " ".join(name.split())  # type: ignore[union-attr]
        return key

    # albums without an album artist tag, by (album, folder): one artist's, or a compilation
    loose: dict[tuple[str, str], list[LibraryRow]] = {}
    keyed: dict[AlbumKey, list[LibraryRow]] = {}
    for row in rows:
        album_key = key_of(row.album)
        if row.album_artist and (artist_key := key_of(row.album_artist)):
            key = (artist_key, album_key)
        elif album_key:
            loose.setdefault((album_key, row.path.rpartition(os.sep)[0]), []).append(row)
            continue
        else:
            key = (key_of(row.artist), UNKNOWN)
        keyed.setdefault(key, []).append(row)
        if album_key and key not in titles:
            titles[key] = names[album_key]
    for (album_key, _folder), tracks in loose.items():
        track_artists = [key_of(t.artist) for t in tracks]
        first = track_artists[0]
        if track_artists.count(first) == len(track_artists):
            key = (first, album_key)
        else:
            top, n = Counter(track_artists).most_common(1)[0]
            key = (top, album_key) if n * 2 > len(tracks) else (VARIOUS, album_key)
        keyed.setdefault(key, []).extend(tracks)
        titles.setdefault(key, names[album_key])

    albums: list[Album] = []
    for key, tracks in keyed.items():
        tracks.sort(key=_track_order)
        years = [t.year for t in tracks if t.year]
        artist_key = key[0]
        albums.append(
            Album(
                key=key,
                title=titles.get(key) if key[1] else None,
                artist=names.get(artist_key) if artist_key not in (UNKNOWN, VARIOUS) else None,
                various=artist_key == VARIOUS,
                year=min(years) if years else None,
                tracks=tuple(tracks),
            )
        )
    albums.sort(key=_album_order)

    by_artist: dict[str, list[Album]] = {}
    guests: dict[str, list[Album]] = {}
    for album in albums:
        by_artist.setdefault(album.key[0], []).append(album)
        for guest in {key_of(t.artist) for t in album.tracks} - {album.key[0], UNKNOWN}:
            guests.setdefault(guest, []).append(album)
    artists: list[Artist] = []
    for artist_key, own in by_artist.items():
        own.sort(key=_artist_album_order)
        others = sorted(guests.get(artist_key, []), key=_artist_album_order)
        tracks = [t for a in own for t in a.tracks]
        tracks += [t for a in others for t in a.tracks if key_of(t.artist) == artist_key]
        artists.append(
            Artist(
                key=artist_key,
                name=names.get(artist_key) if artist_key not in (UNKNOWN, VARIOUS) else None,
                various=artist_key == VARIOUS,
                albums=tuple(own),
                appears_on=tuple(others),
                tracks=tuple(tracks),
            )
        )
    artists.sort(key=lambda a: (a.key == UNKNOWN, a.various, sort_key(a.name or "")))
    return MusicLibrary(albums=tuple(albums), artists=tuple(artists), tracks=len(rows))


__all__ = [
    "MUSIC",
    "UNKNOWN",
    "VARIOUS",
    "Album",
    "AlbumKey",
    "Artist",
    "MusicLibrary",
    "group",
    "is_music",
    "name_key",
    "natural",
    "sort_key",
]
