"""Typed records: the shapes rows take once they leave the store.

A file is a :class:`FileRecord` everywhere above the store, never a ``sqlite3.Row``, a
dict or a long tuple, so a new column is added here once and code says ``file.title``.
Records are frozen: they are snapshots of a row, not handles that write back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

MUSIC_COLUMNS = ("artist", "album_artist", "album", "track", "disc", "year", "genre")
"""The probe's normalised music tags kept as columns of ``files`` (``core.tags.music_tags``;
the title has had its own column from the start)."""

FILE_COLUMNS = (
    "id", "path", "display_path", "folder_id", "content_id", "size", "mtime_ns", "status",
    "error", "kind", "duration", "title", "metadata", "available", "added_at", "changed_at",
    "category", *MUSIC_COLUMNS,
)  # fmt: skip
"""The ``files`` columns in :class:`FileRecord`'s field order (its SELECT list)."""


@dataclass(frozen=True, slots=True)
class FileRecord:
    """One row of ``files``: a file the scanner found, media or not.

    ``status`` is media | invalid | ignored; ``error`` says why a file is not media.
    ``metadata_json`` is the probe's JSON as stored; :attr:`metadata` parses it.
    """

    id: int
    path: bytes
    display_path: str
    folder_id: int | None
    content_id: str | None
    size: int
    mtime_ns: int
    status: str
    error: str | None
    kind: str | None
    duration: float | None
    title: str | None
    metadata_json: str | None
    available: bool
    added_at: float
    changed_at: float
    category: str | None
    artist: str | None
    album_artist: str | None
    album: str | None
    track: int | None
    disc: int | None
    year: int | None
    genre: str | None

    @classmethod
    def from_row(cls, row: tuple) -> FileRecord:
        values = list(row)
        values[1] = bytes(values[1])
        values[13] = bool(values[13])
        return cls(*values)

    @property
    def metadata(self) -> dict[str, Any]:
        """The probe's metadata (empty when the file was never probed as media)."""
        return json.loads(self.metadata_json or "{}")

    @property
    def tags(self) -> dict[str, Any]:
        """The container tags from the probe, or ``{}`` when they are missing or unreadable."""
        try:
            tags = (json.loads(self.metadata_json or "{}") or {}).get("tags") or {}
        except ValueError:
            return {}
        return tags if isinstance(tags, dict) else {}

    @property
    def is_media(self) -> bool:
        return self.status == "media"


@dataclass(frozen=True, slots=True)
class FolderRecord:
    """One library folder, with how many media files it holds."""

    id: int
    path: bytes
    display_path: str
    available: bool
    last_scan: float | None
    error: str | None
    files: int = 0


@dataclass(frozen=True, slots=True)
class KnownFile:
    """What a rescan compares with the disk: enough to tell an unchanged file by a stat."""

    id: int
    size: int
    mtime_ns: int
    available: bool
    ctime_ns: int | None = None  # None: stored before ctimes were (migration 7)


@dataclass(frozen=True, slots=True)
class ExaminedFile:
    """What hashing and probing found about one file, ready to be stored."""

    path: bytes
    display_path: str
    content_id: str | None
    size: int
    mtime_ns: int
    status: str
    error: str | None
    kind: str | None
    duration: float | None
    title: str | None
    metadata_json: str | None
    music: tuple  # values in MUSIC_COLUMNS order
    ctime_ns: int | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """A file that failed: unreadable (``extractor`` is "probe") or an extractor failed on it."""

    path: str
    extractor: str
    error: str
    file_id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredResult:
    """One extractor's stored result for a file, as JSON text columns (parsed by the caller)."""

    extractor: str
    version: str
    seconds: float | None
    tags_json: str | None
    scalars_json: str | None
    data_json: str | None

    @property
    def tags(self) -> dict[str, float]:
        return json.loads(self.tags_json) if self.tags_json else {}

    @property
    def scalars(self) -> dict[str, float]:
        return json.loads(self.scalars_json) if self.scalars_json else {}

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.data_json) if self.data_json else {}


@dataclass(frozen=True, slots=True)
class StoredFailure:
    """One extractor's failure on a file."""

    extractor: str
    version: str
    error: str


@dataclass(frozen=True, slots=True)
class SavedPlugin:
    """The user's choice about one plugin, as saved (``disabled``)."""

    name: str
    disabled: bool


@dataclass(frozen=True, slots=True)
class ExtractorMalfunction:
    """An extractor that stopped being called, of which plugin, and why."""

    extractor: str
    plugin: str
    error: str
    at: float


@dataclass(frozen=True, slots=True)
class ResultValues:
    """One extractor's result for one content, as the store keeps and gives it back.

    The same parts as ``medialens.api.ExtractionResult`` (the store does not import the
    plugin API): tags and scalars are numbers, ``data`` is JSON-shaped, vectors float32.
    """

    tags: dict[str, float]
    text: str | None
    scalars: dict[str, float]
    data: dict[str, Any]
    vectors: dict[str, Any]  # name -> 1-D float32 numpy array


class Wanted(NamedTuple):
    """An extractor version as planning asks after it: the kinds it handles and the
    categories it is routed to (none: every category)."""

    extractor: str
    version: str
    kinds: Sequence[str]
    categories: Sequence[str] = ()
    results: bool = True
    """Whether a playable content may have a result of this version (else none is looked up)."""
    failures: bool = True
    """Whether a playable content may have a failure of this version."""


class PendingFile(NamedTuple):
    """A playable file with work left (``Extraction.pending_files``): ``pending`` has bit
    ``1 << i`` set when the i-th extractor asked after handles its kind and category and
    has neither a result nor a failure of its version for its content."""

    file_id: int
    content_id: str | None
    kind: str | None
    duration: float | None
    category: str | None
    pending: int
