"""The ``folders`` table: the library folders people added, and how their last scan went."""

from __future__ import annotations

import sqlite3
import time

from medialens.store.journal import encode_path
from medialens.store.records import FolderRecord
from medialens.store.table import Table


def _entry(op: str, path: bytes, display_path: str) -> dict:
    return {"op": op, "path": encode_path(path), "display": display_path, "at": time.time()}


class Folders(Table):
    def add(self, path: bytes, display_path: str) -> None:
        """Add a folder; adding one that is already there changes nothing."""
        with self._writer(None) as w:
            added = w.execute(
                "INSERT INTO folders (path, display_path, added_at) VALUES (?, ?, ?) "
                "ON CONFLICT(path) DO NOTHING",
                (path, display_path, time.time()),
            ).rowcount
            if added:  # journalled, so a rebuild without any backup still knows the folders
                self.store.journal.append(_entry("folder_add", path, display_path))

    def id_of(self, path: bytes) -> int | None:
        row = self._reader(None).execute("SELECT id FROM folders WHERE path = ?", (path,))
        found = row.fetchone()
        return None if found is None else found[0]

    def remove(self, folder_id: int) -> None:
        """Forget a folder; its files go with it (the foreign key cascades)."""
        with self._writer(None) as w:
            row = w.execute(
                "SELECT path, display_path FROM folders WHERE id = ?", (folder_id,)
            ).fetchone()
            w.execute("DELETE FROM folders WHERE id = ?", (folder_id,))
            if row is not None:
                self.store.journal.append(_entry("folder_remove", bytes(row[0]), row[1]))

    def journal_seed(self, conn: sqlite3.Connection) -> list[dict]:
        rows = conn.execute("SELECT path, display_path FROM folders ORDER BY id")
        return [_entry("folder_add", bytes(r[0]), r[1]) for r in rows]

    def restore(self, folders: list[tuple[bytes, str]]) -> int:
        """Add these (path, display path) folders, as new, unscanned: how many were added."""
        added = 0
        with self._writer(None) as w:
            for path, display in folders:
                if w.execute(
                    "INSERT INTO folders (path, display_path, added_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(path) DO NOTHING",
                    (path, display, time.time()),
                ).rowcount:
                    self.store.journal.append(_entry("folder_add", path, display))
                    added += 1
        return added

    def roots(self) -> list[tuple[int, bytes]]:
        """(id, path) of every folder, in the order they were added: cheap, no counts."""
        return [
            (r[0], bytes(r[1]))
            for r in self._reader(None).execute("SELECT id, path FROM folders ORDER BY id")
        ]

    def all(self) -> list[FolderRecord]:
        """Every folder by its display path, with how many media files it holds (from
        the counters of ``store.counters``: no file is counted)."""
        rows = self._reader(None).execute(
            "SELECT f.id, f.path, f.display_path, f.available, f.last_scan, f.error, "
            "(SELECT total(files) FROM file_counts WHERE what IN ('playable', 'unavailable') "
            "AND folder_id = f.id) FROM folders f ORDER BY f.display_path"
        )
        return [
            FolderRecord(r[0], bytes(r[1]), r[2], bool(r[3]), r[4], r[5], int(r[6])) for r in rows
        ]

    def set_missing(
        self, folder_id: int, reason: str, now: float, conn: sqlite3.Connection | None = None
    ) -> None:
        """The folder could not be read at ``now``; ``reason`` says why, for people."""
        with self._writer(conn) as w:
            w.execute(
                "UPDATE folders SET available = 0, error = ?, last_scan = ? WHERE id = ?",
                (reason, now, folder_id),
            )

    def set_scanned(
        self, folder_id: int, error: str | None, now: float,
        conn: sqlite3.Connection | None = None,
    ) -> None:  # fmt: skip
        """The folder was walked at ``now``; ``error`` sums up what could not be read."""
        with self._writer(conn) as w:
            w.execute(
                "UPDATE folders SET available = 1, error = ?, last_scan = ? WHERE id = ?",
                (error, now, folder_id),
            )
