"""Container tags as the library keeps them: merged, tidied, and the music fields.

Pure string work with no PyAV, so the library can re-derive the music columns from stored
probe metadata without loading FFmpeg.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["merge_tags", "music_tags"]

_TAG_LIMIT = 2000  # characters kept of one tag value (lyrics can be long)
_LANGUAGE_SUFFIX = re.compile(r"-[a-z]{3}$")  # MP4 "title-eng"
# Tags muxers write about themselves, not about the content.
_TECHNICAL_TAGS = frozenset(
    {
        "encoder",
        "encoded_by",
        "encoder_options",
        "software",
        "major_brand",
        "minor_version",
        "compatible_brands",
        "handler_name",
        "vendor_id",
        "language",
        "duration",
        "timecode",
        "itunsmpb",
        "itunnorm",
        "itunes_cddb_1",
        "com.apple.quicktime.make",
    }
)


def merge_tags(*sources: Any) -> dict[str, str]:
    """Merge container and stream tags, lower-cased keys, first source wins.

    Ogg/Opus keep their tags on the stream, MP3/MP4 on the container: both are read.
    """
    merged: dict[str, str] = {}
    for source in sources:
        for key, value in dict(source or {}).items():
            k = _LANGUAGE_SUFFIX.sub("", str(key).strip().lower())
            if k in _TECHNICAL_TAGS or k in merged or not isinstance(value, str):
                continue
            if not k or not value.strip():
                continue
            merged[k] = value.strip()[:_TAG_LIMIT]
    # ID3 and MP4 use other names for the same things.
    for alias, canonical in (("year", "date"), ("description", "comment")):
        if alias in merged and canonical not in merged:
            merged[canonical] = merged[alias]
    if merged.get("creation_time", "").startswith("1970-01-01"):
        del merged["creation_time"]  # a muxer's zero, not a date
    return merged


# Names containers use for the same field, first found wins (FFmpeg already maps Vorbis
# ALBUMARTIST, TRACKNUMBER, DISCNUMBER and ID3 TPE2, TRCK, TPOS to the generic names).
_MUSIC_ALIASES: dict[str, tuple[str, ...]] = {
    "artist": ("artist", "performer", "author", "album_artist", "albumartist"),
    "album_artist": ("album_artist", "albumartist", "album artist", "band", "tso2", "aart"),
    "album": ("album",),
    "title": ("title",),
    "track": ("track", "tracknumber", "trck", "trkn"),
    "track_total": ("tracktotal", "totaltracks", "track_total"),
    "disc": ("disc", "discnumber", "disk", "tpos"),
    "disc_total": ("disctotal", "totaldiscs", "disc_total"),
    "date": ("date", "year", "originaldate", "original_date", "tdrc", "tyer"),
    "genre": ("genre", "tcon"),
}
_NUMBER_OF = re.compile(r"^\s*(\d{1,4})\s*(?:(?:/|of)\s*(\d{1,4}))?")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_ID3_GENRE = re.compile(r"^\((\d+)\)\s*")


def music_tags(tags: Mapping[str, str]) -> dict[str, Any]:
    """Artist, album artist, album, title, track and disc numbers, year and genre, tidied.

    ``tags`` are the probe's merged tags (lower-case keys). Track and disc numbers come
    as ``"3"``, ``"3/12"`` or ``"03 of 12"``: the number and the total are split. The year
    is the first plausible four-digit year of the date. Only fields found are returned.
    """

    def first(name_of: str) -> str | None:
        for name in _MUSIC_ALIASES[name_of]:
            value = tags.get(name)
            if isinstance(value, str) and value.strip():
                return " ".join(value.replace("\x00", " ").split())
        return None

    out: dict[str, Any] = {}
    for key in ("artist", "album_artist", "album", "title"):
        value = first(key)
        if value:
            out[key] = value
    for key, total_field in (("track", "track_total"), ("disc", "disc_total")):
        match = _NUMBER_OF.match(first(key) or "")
        if match and int(match.group(1)) > 0:
            out[key] = int(match.group(1))
        total = match.group(2) if match else None
        total = total or first(total_field)
        if total and str(total).strip().isdigit() and int(total) > 0:
            out[total_field] = int(total)
    date = first("date")
    if date:
        out["date"] = date
        year = _YEAR.search(date)
        if year:
            out["year"] = int(year.group(1))
    genre = first("genre")
    if genre:
        genre = _ID3_GENRE.sub("", genre).strip()  # ID3v1 "(17)Rock"
        if genre:
            out["genre"] = genre
    return out
