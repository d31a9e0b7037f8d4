"""What the in-memory feature index loads: vectors, tags and the available media files.

:class:`~medialens.core.index.LibraryIndex` reads everything once and then only what
changed (the ``features`` rows written since its last read); the library revision,
bumped by triggers, tells it whether anything changed at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from medialens.store.table import Table


class StoredVector(NamedTuple):
    content_id: str
    extractor: str
    name: str
    modality: str
    vector: np.ndarray  # float32 [d], read-only view of the stored bytes


class StoredTags(NamedTuple):
    content_id: str
    extractor: str
    tags: dict[str, float]


class IndexedFile(NamedTuple):
    """An available media file as the index keeps it."""

    id: int
    path: str
    title: str | None
    kind: str | None
    content_id: str
    duration: float | None
    added_at: float | None


def _vector(row: tuple) -> StoredVector:
    cid, extractor, name, modality, blob = row
    return StoredVector(cid, extractor, name, modality, np.frombuffer(blob, dtype=np.float32))


class Vectors(Table):
    def revision(self) -> int:
        """The library revision, bumped by triggers on every change to files and features."""
        row = self._reader(None).execute("SELECT value FROM revision WHERE name = 'library'")
        return int(row.fetchone()[0])

    def changed_since(self, at: float) -> list[tuple[str, str]]:
        """(content id, extractor) of every result written at or after ``at``."""
        rows = self._reader(None).execute(
            "SELECT content_id, extractor FROM features WHERE created_at >= ?", (at,)
        )
        return [(r[0], r[1]) for r in rows]

    def all_vectors(self) -> list[StoredVector]:
        rows = self._reader(None).execute(
            "SELECT content_id, extractor, name, modality, vector FROM vectors"
        )
        return [_vector(tuple(r)) for r in rows]

    def all_tags(self) -> list[StoredTags]:
        rows = self._reader(None).execute(
            "SELECT content_id, extractor, tags FROM features WHERE tags IS NOT NULL"
        )
        return [StoredTags(r[0], r[1], json.loads(r[2])) for r in rows]

    def vectors_of(self, pairs: Iterable[tuple[str, str]]) -> list[StoredVector]:
        conn = self._reader(None)
        out: list[StoredVector] = []
        for content_id, extractor in pairs:
            out += [
                _vector(tuple(r))
                for r in conn.execute(
                    "SELECT content_id, extractor, name, modality, vector FROM vectors "
                    "WHERE content_id = ? AND extractor = ?",
                    (content_id, extractor),
                )
            ]
        return out

    def tags_of(self, pairs: Iterable[tuple[str, str]]) -> list[StoredTags]:
        conn = self._reader(None)
        out: list[StoredTags] = []
        for content_id, extractor in pairs:
            out += [
                StoredTags(r[0], r[1], json.loads(r[2]))
                for r in conn.execute(
                    "SELECT content_id, extractor, tags FROM features "
                    "WHERE content_id = ? AND extractor = ? AND tags IS NOT NULL",
                    (content_id, extractor),
                )
            ]
        return out

    def available_media(self) -> list[IndexedFile]:
        """Every media file on disk now, in id order."""
        rows = self._reader(None).execute(
            "SELECT id, display_path, title, kind, content_id, duration, added_at FROM files "
            "WHERE status = 'media' AND available = 1 ORDER BY id"
        )
        return [IndexedFile(*r) for r in rows]
