"""What can go wrong with the library database, each said in one sentence a person understands.

SQLite reports a damaged file, a full disk and a read-only file as ``sqlite3.DatabaseError``
with a terse message; :func:`translate` turns them into the subclasses of
:class:`DatabaseError` below, so the CLI and the GUI can say what happened and what to do,
and the pipeline can tell a full disk (wait) from a lost file (stop).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"

#: SQLite's primary result codes (``sqlite3.Error.sqlite_errorcode & 0xFF``).
_FULL, _READONLY, _CANTOPEN, _CORRUPT, _NOTADB, _IOERR = 13, 8, 14, 11, 26, 10


class DatabaseError(Exception):
    """The database cannot be used; the message says why in words a person understands."""


class DatabaseTooNew(DatabaseError):
    """Written by a newer Medialens: refused, and left untouched."""


class DatabaseDamaged(DatabaseError):
    """The file is a Medialens database whose pages no longer make sense (flipped bytes,
    truncation, a garbage header). It is never written to again by this process."""

    def __init__(self, path: Path | None, detail: str) -> None:
        where = f"{path}: {detail}" if path is not None else detail
        super().__init__(
            f"the library database is damaged ({where}); it was left untouched: "
            "`medialens doctor --restore` brings back the newest good backup and the "
            "playback history"
        )
        self.path = path


class DatabaseGone(DatabaseError):
    """The file was deleted or replaced under a running process: writing on would write
    into a file nobody will ever open again."""

    def __init__(self, path: Path, how: str) -> None:
        super().__init__(
            f"the library database {path} was {how} while Medialens was running; stopped so "
            "that nothing more is written into a lost file (`medialens doctor` says what to do)"
        )
        self.path = path


class DatabaseMissing(DatabaseError):
    """No database file, but its backups or its playback journal are there: starting an
    empty library silently would hide that the history is recoverable."""

    def __init__(self, path: Path, backups: int, events: int) -> None:
        what = []
        if backups:
            what.append(f"the newest of {backups} backups")
        if events:
            what.append(f"{events} playback events from the journal")
        brings = " and ".join(what) or "what its journal holds"
        super().__init__(
            f"the library database {path} is missing; `medialens doctor --restore` brings back "
            f"{brings} (`medialens doctor --rebuild` starts a fresh library with the folders "
            "and the whole playback history instead)"
        )
        self.path = path


class DatabaseReadOnly(DatabaseError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            f"the library database {path} is read-only ({why}): Medialens must be able to "
            "write to it and to its folder; make them writable or use another --data-dir"
        )
        self.path = path


class DiskFull(DatabaseError):
    """No space left for the database or its journal: nothing stored is lost, and work goes
    on from where it stopped once there is space again."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the disk holding the library database ({path.parent}) is full: free some space; "
            "nothing stored so far is lost and indexing goes on from where it stopped"
        )
        self.path = path


def read_only_reason(path: Path) -> str | None:
    """Why the database (or the folder its journal files go in) cannot be written, or None.

    ``os.access`` sees a read-only mount even for root, and file modes for everyone else.
    """
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return f"{path.parent} is on a read-only file system"
    except OSError:
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return "the file cannot be written"
    if not os.access(path.parent, os.W_OK):
        return f"its folder {path.parent} cannot be written"
    return None


def looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def translate(exc: BaseException, path: Path | None = None) -> DatabaseError | None:
    """The :class:`DatabaseError` an error raised by SQLite means for the database at
    ``path``, or None when it is no fault of the file (a programming error, a busy
    timeout...) or not SQLite's at all."""
    if isinstance(exc, DatabaseError):
        return exc
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    where = path if path is not None else Path("library.sqlite3")
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(exc)
    if code == _FULL or "database or disk is full" in text:
        return DiskFull(where)
    if code in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return DatabaseDamaged(path, text)
    if code == _READONLY or "readonly database" in text:
        return DatabaseReadOnly(where, (read_only_reason(where) if path else None) or text)
    if code == _CANTOPEN and path is not None:
        if not path.exists():
            return DatabaseGone(path, "deleted")
        reason = read_only_reason(path)
        return DatabaseReadOnly(path, reason) if reason else None
    if code == _IOERR and path is not None and not path.exists():
        return DatabaseGone(path, "deleted")
    return None
