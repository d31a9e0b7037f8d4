"""The ``folders`` table: the library folders people added, and how their last scan went."""

from __future__ import annotations

import sqlite3
import time

from medialens.store.records import FolderRecord
from medialens.store.table import Table


class Folders(Table):
    def add(self, path: bytes, display_path: str) -> None:
        """Add a folder; adding one that is already there changes nothing."""
        with self._writer(None) as w:
            w.execute(
                "INSERT INTO folders (path, display_path, added_at) VALUES (?, ?, ?) "
                "ON CONFLICT(path) DO NOTHING",
                (path, display_path, time.time()),
            )

    def id_of(self, path: bytes) -> int | None:
        row = self._reader(None).execute("SELECT id FROM folders WHERE path = ?", (path,))
        found = row.fetchone()
        return None if found is None else found[0]

    def remove(self, folder_id: int) -> None:
        """Forget a folder; its files go with it (the foreign key cascades)."""
        with self._writer(None) as w:
            w.execute("DELETE FROM folders WHERE id = ?", (folder_id,))

    def roots(self) -> list[tuple[int, bytes]]:
        """(id, path) of every folder, in the order they were added: cheap, no counts."""
        return [
            (r[0], bytes(r[1]))
            for r in self._reader(None).execute("SELECT id, path FROM folders ORDER BY id")
        ]

    def all(self) -> list[FolderRecord]:
        """Every folder by its display path, with how many media files it holds."""
        rows = self._reader(None).execute(
            "SELECT f.id, f.path, f.display_path, f.available, f.last_scan, f.error, "
            "(SELECT count(*) FROM files WHERE folder_id = f.id AND status = 'media') "
            "FROM folders f ORDER BY f.display_path"
        )
        return [FolderRecord(r[0], bytes(r[1]), r[2], bool(r[3]), r[4], r[5], r[6]) for r in rows]

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
