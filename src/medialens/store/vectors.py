"""What the in-memory feature index loads: vectors, tags and the available media files.

:class:`~medialens.core.index.LibraryIndex` reads everything once and then only what
changed (the ``features`` rows written since its last read); the library revision,
bumped by triggers, tells it whether anything changed at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np

from medialens.store.table import Table, marks

PAGE_ROWS = 8192  # rows read at a time by whole-library reads

#: A result's tags as ``features.tag_pack`` keeps them beside their JSON (m014): one
#: record per tag, in the JSON's order, of its id in ``tag_names`` and its score. A cold
#: rebuild of the index reads them with one ``np.frombuffer`` instead of parsing JSON.
TAG_PACK = np.dtype([("id", "<i4"), ("score", "<f8")])


def tag_pack(ids: list[int], scores: list[float]) -> bytes | None:
    """The packed form of tags (ids in ``tag_names`` and scores, in their order)."""
    if not ids:
        return None
    packed = np.empty(len(ids), TAG_PACK)
    packed["id"], packed["score"] = ids, scores
    return packed.tobytes()


def name_tags(conn: sqlite3.Connection, tags: list[str], known: dict[str, int]) -> list[int]:
    """The ids of ``tags`` in ``tag_names``, adding the new ones (``known``: tag -> id
    already looked up, extended). Inside the caller's write transaction."""
    missing = [t for t in dict.fromkeys(tags) if t not in known]
    if missing:
        conn.executemany(
            "INSERT OR IGNORE INTO tag_names (tag) VALUES (?)", [(t,) for t in missing]
        )
        for start in range(0, len(missing), 500):
            part = missing[start : start + 500]
            known.update(
                conn.execute(f"SELECT tag, id FROM tag_names WHERE tag IN ({marks(part)})", part)
            )
    return [known[t] for t in tags]


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


def _plain(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """A cursor of ``conn`` that gives plain tuples: a whole-library read makes 10^5 rows
    or more, and ``sqlite3.Row`` objects cost a third of its CPU (a cold start's)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor


def _vector(row: tuple) -> StoredVector:
    cid, extractor, name, modality, blob = row
    return StoredVector(cid, extractor, name, modality, np.frombuffer(blob, dtype=np.float32))


_MEDIA_COLUMNS = "id, content_id, kind, duration, added_at"


class MediaColumns(NamedTuple):
    """Available media files as columns, in id order (:meth:`Vectors.media_columns`)."""

    ids: np.ndarray  # int64
    content_ids: np.ndarray  # S, as wide as the longest
    kinds: list[str | None]
    durations: np.ndarray  # float64, NaN when unknown
    added_at: np.ndarray  # float64, NaN when unknown


def _media_columns(cursor: sqlite3.Cursor) -> MediaColumns:
    pages = []
    while rows := cursor.fetchmany(PAGE_ROWS):
        ids, cids, kinds, durations, added = zip(*rows, strict=True)
        pages.append(
            MediaColumns(
                np.array(ids, np.int64),
                np.array(cids, "S"),
                list(kinds),
                np.array(durations, np.float64),
                np.array(added, np.float64),
            )  # fmt: skip
        )
    return _joined(pages)


def _joined(pages: list[MediaColumns]) -> MediaColumns:
    if not pages:
        empty = np.zeros(0, np.float64)
        return MediaColumns(np.zeros(0, np.int64), np.zeros(0, "S1"), [], empty, empty.copy())
    return MediaColumns(
        np.concatenate([p.ids for p in pages]),
        np.concatenate([p.content_ids for p in pages]),  # (the widest page's width)
        [k for p in pages for k in p.kinds],
        np.concatenate([p.durations for p in pages]),
        np.concatenate([p.added_at for p in pages]),
    )


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
        """(extractor, name, modality) of every stored block of vectors, in order: a skip
        through ``vectors_block`` (m015), a few seeks a block, not a read of every row.
        A block whose rows name two modalities gives the greatest."""
        conn = _plain(self._reader(None))
        out: list[tuple[str, str, str]] = []
        key = conn.execute(
            "SELECT extractor, name FROM vectors INDEXED BY vectors_block "
            "ORDER BY extractor, name LIMIT 1"
        ).fetchone()
        while key is not None:
            modality = conn.execute(
                "SELECT modality FROM vectors INDEXED BY vectors_block WHERE extractor = ? "
                "AND name = ? ORDER BY modality DESC LIMIT 1",
                key,
            ).fetchone()
            if modality is not None:  # (None: the block went while it was read)
                out.append((key[0], key[1], modality[0]))
            key = (
                conn.execute(
                    "SELECT extractor, name FROM vectors INDEXED BY vectors_block WHERE extractor = ? "
                    "AND name > ? ORDER BY extractor, name LIMIT 1",
                    key,
                ).fetchone()
                or conn.execute(
                    "SELECT extractor, name FROM vectors INDEXED BY vectors_block WHERE extractor > ? "
                    "ORDER BY extractor, name LIMIT 1",
                    key[:1],
                ).fetchone()
            )
        return out

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
        cursor = _plain(self._reader(None)).execute(
            "SELECT content_id, vector FROM vectors WHERE extractor = ? AND name = ?",
            (extractor, name),
        )
        while rows := cursor.fetchmany(size):
            cids, blobs = zip(*rows, strict=True)
            yield list(cids), list(blobs)

    def tag_chunks(
        self, size: int = 8192
    ) -> Iterator[list[tuple[str, str, bytes | None, str | None]]]:
        """(content id, extractor, tag pack, tags JSON) of every tagged result, ``size`` at
        a time, in the table's order: the JSON only where the row has no pack (a row
        written by SQL of its own, or one whose tags changed without it; see m014)."""
        cursor = _plain(self._reader(None)).execute(
            "SELECT content_id, extractor, tag_pack, CASE WHEN tag_pack IS NULL THEN tags END "
            "FROM features WHERE tags IS NOT NULL"
        )
        while rows := cursor.fetchmany(size):
            yield rows

    def tag_names(self) -> dict[int, str]:
        """Every tag a pack can name, by id (a few thousand at most)."""
        return dict(self._reader(None).execute("SELECT id, tag FROM tag_names"))

    def media_columns(self) -> MediaColumns:
        """Every available media file as columns (id, content id, kind, duration, added
        at), in id order: what a snapshot is built from, without an object per file.

        Read a page at a time, each page made into arrays at once: a million row tuples
        alive at once made the garbage collector's full passes walk them all, holding the
        GIL (and so the window's GUI thread) for 0.8-1.1 s at 10^6 files, and one
        ``np.array`` of a million content id strings held it for 0.5 s in one C call.
        """
        return _media_columns(
            self._reader(None).execute(
                f"SELECT {_MEDIA_COLUMNS} FROM files WHERE status = 'media' AND available = 1 "
                "AND content_id IS NOT NULL ORDER BY id"
            )
        )

    def file_log_position(self) -> int:
        """Where the log of changed ``files`` rows (m013) stands now: read it before the
        rows it stands for, so a change made in between is read again next time."""
        row = self._reader(None).execute("SELECT max(seq) FROM file_changes").fetchone()
        return int(row[0] or 0)

    def files_changed_since(self, position: int) -> tuple[int, list[int]] | None:
        """(where the log stands now, the ids of the files changed after ``position``, in
        order, once each), or None when the log no longer reaches back that far (pruned,
        or a library restored from an older backup): then read every row again."""
        conn = self._reader(None)
        low, high = conn.execute("SELECT min(seq), max(seq) FROM file_changes").fetchone()
        if high is None or high <= position:
            return (position, []) if (high or 0) == position else None
        if low > position + 1:
            return None
        rows = conn.execute(
            "SELECT DISTINCT file_id FROM file_changes WHERE seq > ? AND seq <= ? ORDER BY file_id",
            (position, high),
        )
        return int(high), [r[0] for r in rows]

    def media_columns_of(self, file_ids: Iterable[int]) -> MediaColumns:
        """:meth:`media_columns` of these files only (those of them that are available
        media now), in id order."""
        conn = self._reader(None)
        ids = sorted({int(i) for i in file_ids})
        pages = []
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            pages.append(
                _media_columns(
                    conn.execute(
                        f"SELECT {_MEDIA_COLUMNS} FROM files WHERE id IN ({marks(part)}) "
                        "AND status = 'media' AND available = 1 AND content_id IS NOT NULL "
                        "ORDER BY id",
                        part,
                    )
                )
            )
        return _joined(pages)

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
