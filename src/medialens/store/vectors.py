"""What the in-memory feature index loads: vectors, tags and the available media files.

:class:`~medialens.core.index.LibraryIndex` reads everything once and then only what
changed (the ``features`` rows written since its last read); the library revision,
bumped by triggers, tells it whether anything changed at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np

from medialens.store.table import Table

PAGE_ROWS = 8192  # rows read at a time by whole-library reads


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
        """(content id, extractor) of every result written at or after ``at``: walked on
        ``features_created`` from ``at`` on, so a poll costs what changed, not the library."""
        rows = self._reader(None).execute(
            "SELECT content_id, extractor FROM features INDEXED BY features_created "
            "WHERE created_at >= ?",
            (at,),
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

    # -- what the on-disk index is rebuilt from, in bounded chunks ------------------------

    def block_names(self) -> list[tuple[str, str, str]]:
        """(extractor, name, modality) of every stored block of vectors."""
        rows = self._reader(None).execute(
            "SELECT extractor, name, max(modality) FROM vectors GROUP BY extractor, name"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def counts(self) -> dict[tuple[str, str], int]:
        """How many vectors each (extractor, name) holds: the cache's row count check."""
        rows = self._reader(None).execute(
            "SELECT extractor, name, count(*) FROM vectors GROUP BY extractor, name"
        )
        return {(r[0], r[1]): int(r[2]) for r in rows}

    def result_contents(self) -> list[str]:
        """Every content id with a stored result, once each (walked on the primary key)."""
        rows = self._reader(None).execute("SELECT DISTINCT content_id FROM features")
        return [r[0] for r in rows]

    def block_chunks(
        self, extractor: str, name: str, size: int = 8192
    ) -> Iterator[tuple[list[str], list[bytes]]]:
        """(content ids, vector blobs) of one block, ``size`` rows at a time."""
        cursor = self._reader(None).execute(
            "SELECT content_id, vector FROM vectors WHERE extractor = ? AND name = ?",
            (extractor, name),
        )
        while rows := cursor.fetchmany(size):
            cids, blobs = zip(*rows, strict=True)
            yield list(cids), list(blobs)

    def tag_chunks(self, size: int = 8192) -> Iterator[list[tuple[str, str, str]]]:
        """(content id, extractor, tags JSON) of every tagged result, ``size`` at a time."""
        cursor = self._reader(None).execute(
            "SELECT content_id, extractor, tags FROM features WHERE tags IS NOT NULL"
        )
        while rows := cursor.fetchmany(size):
            yield [(r[0], r[1], r[2]) for r in rows]

    def media_columns(self) -> tuple[list, ...]:
        """Every available media file as columns (id, content id, kind, duration, added
        at), in id order: what a snapshot is built from, without an object per file.

        Read a page at a time: a million row tuples alive at once made the garbage
        collector's full passes walk them all, holding the GIL (and so the window's GUI
        thread) for 0.8-1.1 s at 10^6 files; a page's tuples die before the next page.
        """
        cursor = self._reader(None).execute(
            "SELECT id, content_id, kind, duration, added_at FROM files "
            "WHERE status = 'media' AND available = 1 AND content_id IS NOT NULL ORDER BY id"
        )
        columns: tuple[list, ...] = ([], [], [], [], [])
        while rows := cursor.fetchmany(PAGE_ROWS):
            for column, values in zip(columns, zip(*rows, strict=True), strict=True):
                column.extend(values)
        return columns

    def first_files(self, content_ids: Iterable[str]) -> dict[str, int]:
        """The lowest media file id of each content id (to append rows in file order)."""
        conn = self._reader(None)
        out: dict[str, int] = {}
        ids = list(content_ids)
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            for cid, fid in conn.execute(
                f"SELECT content_id, min(id) FROM files WHERE content_id IN ({marks}) "
                "GROUP BY content_id",
                part,
            ):
                out[cid] = int(fid)
        return out

    def names_of(self, file_ids: Iterable[int]) -> dict[int, tuple[str, str | None]]:
        """(display path, title) of these files: fetched when shown, never kept per file."""
        conn = self._reader(None)
        out: dict[int, tuple[str, str | None]] = {}
        ids = [int(i) for i in file_ids]
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            for fid, path, title in conn.execute(
                f"SELECT id, display_path, title FROM files WHERE id IN ({marks})", part
            ):
                out[int(fid)] = (path, title)
        return out

    def media_count(self) -> int:
        row = self._reader(None).execute(
            "SELECT count(*) FROM files WHERE status = 'media' AND available = 1 "
            "AND content_id IS NOT NULL"
        )
        return int(row.fetchone()[0])
