"""What ``medialens doctor`` asks of a database file without opening it as a library.

Every question here opens the file read-only (it may be damaged: nothing is ever written
into it), and the one change, :func:`move_aside`, renames it with its WAL files (never
deletes them) so a restored or rebuilt database starts clean beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from medialens.store.backups import quick_check
from medialens.store.journal import decode_path

SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class FileHealth:
    """What a database file is like: readable, checked, which schema, which events."""

    exists: bool
    integrity: str | None  # "ok", what integrity_check found, or None when missing
    schema: int | None
    event_uids: set[str] | None
    events: int | None


def _open_ro(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
    return conn


def health(path: Path) -> FileHealth:
    if not path.exists():
        return FileHealth(False, None, None, None, None)
    integrity = quick_check(path, full=True)
    schema = uids = events = None
    try:
        conn = _open_ro(path)
        try:
            schema = conn.execute("SELECT max(version) FROM migrations").fetchone()[0]
            events = int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
            uids = {r[0] for r in conn.execute("SELECT uid FROM events WHERE uid IS NOT NULL")}
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        pass  # what could be read is reported; integrity says what is wrong
    return FileHealth(True, integrity, schema, uids, events)


def folders_of(path: Path) -> list[tuple[bytes, str]]:
    """The (path, display path) folders a database (a backup) holds; [] if unreadable."""
    try:
        conn = _open_ro(path)
        try:
            rows = conn.execute("SELECT path, display_path FROM folders ORDER BY id").fetchall()
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return []
    return [(bytes(r[0]), str(r[1])) for r in rows]


def folders_after(
    base: list[tuple[bytes, str]], entries: list[dict], since: float
) -> list[tuple[bytes, str]]:
    """``base`` with the journal's folder additions and removals after ``since`` applied."""
    folders = dict(base)
    for e in entries:
        if e.get("op") not in ("folder_add", "folder_remove") or float(e.get("at", 0)) <= since:
            continue
        path = decode_path(str(e.get("path", "")))
        if e["op"] == "folder_add":
            folders.setdefault(path, str(e.get("display") or os.fsdecode(path)))
        else:
            folders.pop(path, None)
    return list(folders.items())


def move_aside(path: Path, why: str) -> Path | None:
    """Rename the database and its WAL files to ``NAME.WHY-TIME``; None when there is none."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    moved = None
    if path.exists():
        os.replace(path, target)
        moved = target
    for side in SIDE_FILES:
        extra = path.with_name(path.name + side)
        if extra.exists():  # a stale WAL must never be replayed into the new file
            os.replace(extra, target.with_name(target.name + side))
    return moved


def copy_into_place(source: Path, path: Path) -> None:
    """Copy a backup to ``path`` through a temporary name (a half copy is never the db)."""
    part = path.with_name(path.name + ".restoring")
    shutil.copyfile(source, part)
    with open(part, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(part, path)
