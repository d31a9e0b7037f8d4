"""The ``files`` table: one row per file the scanner found, media or not.

Named queries instead of a ``status = 'media'`` in every caller: "media" means the file
decoded as audio or video; "playable" adds that it is on disk now (``available``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence

from medialens.store.records import (
    FILE_COLUMNS,
    MUSIC_COLUMNS,
    ExaminedFile,
    FileRecord,
    KnownFile,
)
from medialens.store.table import Table, marks

_SELECT = f"SELECT {', '.join(FILE_COLUMNS)} FROM files"
_MEDIA = "status = 'media'"
_PLAYABLE = "status = 'media' AND available = 1"
BATCH = 500  # ids per ``IN (...)``: far below SQLite's limit on bound parameters

_EXAMINED = (
    "content_id, size, mtime_ns, ctime_ns, status, error, kind, duration, title, metadata, "
    + ", ".join(MUSIC_COLUMNS)
)


def _examined_values(f: ExaminedFile) -> tuple:
    return (
        f.content_id, f.size, f.mtime_ns, f.ctime_ns, f.status, f.error, f.kind, f.duration, f.title,
        f.metadata_json, *f.music,
    )  # fmt: skip


class Files(Table):
    # -- one file ------------------------------------------------------------------------

    def get(self, file_id: int, conn: sqlite3.Connection | None = None) -> FileRecord | None:
        row = self._reader(conn).execute(f"{_SELECT} WHERE id = ?", (file_id,)).fetchone()
        return None if row is None else FileRecord.from_row(row)

    def by_path(self, path: bytes) -> FileRecord | None:
        row = self._reader(None).execute(f"{_SELECT} WHERE path = ?", (path,)).fetchone()
        return None if row is None else FileRecord.from_row(row)

    def playable(self, file_id: int) -> FileRecord | None:
        """The file, when it is media and on disk now (what extraction may read)."""
        row = (
            self._reader(None)
            .execute(f"{_SELECT} WHERE id = ? AND {_PLAYABLE}", (file_id,))
            .fetchone()
        )
        return None if row is None else FileRecord.from_row(row)

    def media(self, file_id: int) -> FileRecord | None:
        """The file, when it is media (on disk or not)."""
        row = self._reader(None).execute(f"{_SELECT} WHERE id = ? AND {_MEDIA}", (file_id,))
        found = row.fetchone()
        return None if found is None else FileRecord.from_row(found)

    def content_ids(self, file_ids: Iterable[int]) -> dict[int, str]:
        """The content id of each of these files that is still known, by file id."""
        ids = list(dict.fromkeys(file_ids))
        out: dict[int, str] = {}
        conn = self._reader(None)
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            out.update(
                conn.execute(
                    f"SELECT id, content_id FROM files WHERE id IN ({marks(chunk)})", chunk
                )
            )
        return out

    # -- many files ------------------------------------------------------------------------

    def playable_work(self) -> list[tuple[int, str, str | None, float | None, str | None]]:
        """(id, content id, kind, duration, category) of every playable file, newest first:
        what extraction plans over (the category routes extractors to it)."""
        return [
            (r[0], r[1], r[2], r[3], r[4])
            for r in self._reader(None).execute(
                f"SELECT id, content_id, kind, duration, category FROM files WHERE {_PLAYABLE} "
                "ORDER BY added_at DESC, id"
            )
        ]

    def max_id(self) -> int:
        """The newest row id (0 for an empty library): files above it were added later."""
        return self._reader(None).execute("SELECT max(id) FROM files").fetchone()[0] or 0

    def count_media(self, available: bool = True) -> int:
        """Media files on disk (or not): read from the counters (``store.counters``)."""
        what = "playable" if available else "unavailable"
        row = self._reader(None).execute(
            "SELECT total(files) FROM file_counts WHERE what = ?", (what,)
        )
        return int(row.fetchone()[0])

    def count_playable_of_kinds(self, kinds: Sequence[str]) -> int:
        if not kinds:
            return 0
        return (
            self._reader(None)
            .execute(
                f"SELECT count(*) FROM files WHERE {_PLAYABLE} AND kind IN ({marks(kinds)})",
                tuple(kinds),
            )
            .fetchone()[0]
        )

    def media_metadata(self) -> list[tuple[int, str | None]]:
        """(id, probe JSON) of every media file: the facts columns are derived from it."""
        return [
            (r[0], r[1])
            for r in self._reader(None).execute(f"SELECT id, metadata FROM files WHERE {_MEDIA}")
        ]

    def set_music(self, updates: list[tuple], conn: sqlite3.Connection | None = None) -> None:
        """Store the music-tag columns: each update is the MUSIC_COLUMNS values, then the id."""
        assignments = ", ".join(f"{name} = ?" for name in MUSIC_COLUMNS)
        with self._writer(conn) as w:
            w.executemany(f"UPDATE files SET {assignments} WHERE id = ?", updates)

    # -- categories (core.kinds) -------------------------------------------------------------

    def classification_facts(
        self, content_id: str, conn: sqlite3.Connection | None = None
    ) -> tuple[str | None, float | None, str | None] | None:
        """(kind, duration, probe JSON) of a media file with this content, or None.

        Found on ``files_content``: left to itself SQLite picks ``files_status`` for the
        status test and walks every media file, on every result stored (the classifier
        asks this in each write), so ``+status`` keeps that index out.
        """
        row = (
            self._reader(conn)
            .execute(
                "SELECT kind, duration, metadata FROM files WHERE content_id = ? "
                "AND +status = 'media' LIMIT 1",
                (content_id,),
            )
            .fetchone()
        )
        return None if row is None else (row[0], row[1], row[2])

    def media_content_ids(
        self, only_uncategorised: bool = False, conn: sqlite3.Connection | None = None
    ) -> list[str]:
        where = " AND category IS NULL" if only_uncategorised else ""
        return [
            r[0]
            for r in self._reader(conn).execute(
                f"SELECT DISTINCT content_id FROM files WHERE {_MEDIA}{where}"
            )
        ]

    def set_category(
        self, content_id: str, category: str | None, conn: sqlite3.Connection | None = None
    ) -> int:
        """Set the category of every file with this content; returns how many changed."""
        with self._writer(conn) as w:
            return w.execute(
                "UPDATE files SET category = ? WHERE content_id = ? AND category IS NOT ?",
                (category, content_id, category),
            ).rowcount

    def in_category(self, category: str, limit: int) -> list[int]:
        """Ids of available media files of this category, newest first (a kind query)."""
        rows = self._reader(None).execute(
            "SELECT id FROM files WHERE status = 'media' AND available = 1 AND category = ? "
            "ORDER BY added_at DESC, id DESC LIMIT ?",
            (category, limit),
        )
        return [r[0] for r in rows]

    # -- the scanner's writes ----------------------------------------------------------------

    def known_in_folder(self, folder_id: int) -> dict[bytes, KnownFile]:
        """Every file of a folder by path, as a rescan compares them with the disk."""
        rows = self._reader(None).execute(
            "SELECT path, id, size, mtime_ns, available, ctime_ns FROM files WHERE folder_id = ?",
            (folder_id,),
        )
        return {bytes(r[0]): KnownFile(r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows}

    def known_at(self, path: bytes) -> KnownFile | None:
        row = (
            self._reader(None)
            .execute(
                "SELECT id, size, mtime_ns, available, ctime_ns FROM files WHERE path = ?", (path,)
            )
            .fetchone()
        )
        return None if row is None else KnownFile(row[0], row[1], row[2], bool(row[3]), row[4])

    def set_ctimes(self, updates: Sequence[tuple[int, int]]) -> None:
        """Record (ctime_ns, id) of unchanged files stored before ctimes were."""
        with self._writer(None) as w:
            w.executemany("UPDATE files SET ctime_ns = ? WHERE id = ?", updates)

    def set_available(
        self, file_ids: Sequence[int], available: bool, conn: sqlite3.Connection | None = None
    ) -> int:
        """Mark files on disk again, or gone; returns how many rows changed."""
        changed = 0
        with self._writer(conn) as w:
            for start in range(0, len(file_ids), BATCH):
                chunk = list(file_ids[start : start + BATCH])
                changed += w.execute(
                    f"UPDATE files SET available = ? WHERE available = ? "
                    f"AND id IN ({marks(chunk)})",
                    (available, not available, *chunk),
                ).rowcount
        return changed

    def set_folder_unavailable(self, folder_id: int, conn: sqlite3.Connection | None = None) -> int:
        """Every file of an unreachable folder is gone for now; returns how many were not."""
        with self._writer(conn) as w:
            return w.execute(
                "UPDATE files SET available = 0 WHERE folder_id = ? AND available = 1",
                (folder_id,),
            ).rowcount

    def set_gone(
        self, folder_id: int, file_ids: Sequence[int], conn: sqlite3.Connection | None = None
    ) -> int:
        """Files of a folder no longer on disk; returns how many were on disk until now."""
        changed = 0
        with self._writer(conn) as w:
            for start in range(0, len(file_ids), BATCH):
                chunk = list(file_ids[start : start + BATCH])
                changed += w.execute(
                    "UPDATE files SET available = 0 WHERE available = 1 AND folder_id = ? "
                    f"AND id IN ({marks(chunk)})",
                    (folder_id, *chunk),
                ).rowcount
        return changed

    def moved_candidates(
        self, content_id: str, path: bytes, conn: sqlite3.Connection | None = None
    ) -> list[tuple[int, bytes]]:
        """(id, path) of the other rows with this content: one whose path is gone was moved."""
        return [
            (r[0], bytes(r[1]))
            for r in self._reader(conn).execute(
                "SELECT id, path FROM files WHERE content_id = ? AND path != ?", (content_id, path)
            )
        ]

    def update_examined(
        self, file_id: int, f: ExaminedFile, now: float | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> None:  # fmt: skip
        """A known path whose content changed: new facts, on disk, category to decide again."""
        assignments = ", ".join(f"{c.strip()}=?" for c in _EXAMINED.split(","))
        with self._writer(conn) as w:
            w.execute(
                f"UPDATE files SET {assignments}, changed_at=?, available=1, category=NULL "
                "WHERE id=?",
                (*_examined_values(f), time.time() if now is None else now, file_id),
            )

    def move(
        self, file_id: int, folder_id: int, f: ExaminedFile, now: float | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> None:  # fmt: skip
        """The row takes the new path and keeps its id, features and history."""
        with self._writer(conn) as w:
            w.execute(
                "UPDATE files SET path=?, display_path=?, folder_id=?, size=?, mtime_ns=?, "
                "ctime_ns=?, available=1, changed_at=? WHERE id=?",
                (f.path, f.display_path, folder_id, f.size, f.mtime_ns, f.ctime_ns,
                 time.time() if now is None else now, file_id),
            )  # fmt: skip

    def insert_examined(
        self, folder_id: int, f: ExaminedFile, now: float | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> int:  # fmt: skip
        """A new path (or one that reappeared since it was read): returns its row id."""
        now = time.time() if now is None else now
        columns = [c.strip() for c in _EXAMINED.split(",")]
        updates = ", ".join(f"{c}=excluded.{c}" for c in columns)
        with self._writer(conn) as w:
            cur = w.execute(
                f"INSERT INTO files ({_EXAMINED}, changed_at, path, display_path, folder_id, "
                f"added_at) VALUES ({marks(columns)},?,?,?,?,?) "
                f"ON CONFLICT(path) DO UPDATE SET {updates}, available=1, category=NULL, "
                "changed_at=excluded.changed_at",
                (*_examined_values(f), now, f.path, f.display_path, folder_id, now),
            )
            return cur.lastrowid  # type: ignore[return-value]  # an INSERT always sets it
