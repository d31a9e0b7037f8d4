"""The playback journal: an append-only file of JSON lines beside the database.

Playback history is the one part of a library that cannot be rebuilt from the media: so
every event, every "forget" and every pause or resume of history is also appended here, in
the same write transaction that stores it, flushed and fsynced before that transaction
commits. The journal therefore holds at least what the database holds, and
``medialens doctor`` replays it onto a restored backup or a fresh database. Each event
carries its unique id (``uid``, also stored in ``events.uid``), so a replay is idempotent.
Folder additions and removals are journalled too, so a rebuild knows the folders even
without a backup.

A line is written with one ``write`` on a file opened for appending (atomic among
processes on a local disk); a line torn by a crash is skipped when read, and the next
append starts on a fresh line.
"""

from __future__ import annotations

import base64
import errno
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from medialens.store.faults import DatabaseError, DiskFull

VERSION = 1


def journal_path(database: Path) -> Path:
    """``library.sqlite3`` -> ``library.history.jsonl``, in the same folder."""
    return database.with_name(f"{database.stem}.history.jsonl")


def encode_path(path: bytes) -> str:
    return base64.b64encode(path).decode("ascii")


def decode_path(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


class Journal:
    def __init__(self, path: Path, database: Path) -> None:
        self.path = Path(path)
        self.database = Path(database)

    def exists(self) -> bool:
        return self.path.exists()

    def append(self, entry: dict) -> None:
        """Append one entry and fsync it; :class:`DiskFull` when there is no room."""
        self.append_many([entry])

    def append_many(self, entries: Iterable[dict]) -> None:
        data = b"".join(_line(e) for e in entries)
        if not data:
            return
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                size = os.fstat(fd).st_size
                if size and _last_byte(self.path, size) != b"\n":
                    data = b"\n" + data  # the last line was torn by a crash: start afresh
                written = os.write(fd, data)
                if written != len(data):  # a short write: the disk filled up mid-line
                    raise OSError(errno.ENOSPC, "short write")
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise self._error(exc) from exc

    def _error(self, exc: OSError) -> DatabaseError:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFull(self.database)
        return DatabaseError(
            f"cannot write the playback journal {self.path}: {exc.strerror or exc}"
        )

    def create(self, seed: Iterable[dict]) -> None:
        """Start the journal with a header and ``seed`` (what the database already holds),
        written to a temporary name and renamed, so a half-written seed is never taken for
        the whole history."""
        part = self.path.with_name(self.path.name + ".part")
        header = {"op": "journal", "v": VERSION, "created": time.time()}
        try:
            with open(part, "wb") as fh:
                fh.write(_line(header))
                for entry in seed:
                    fh.write(_line(entry))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(part, self.path)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise self._error(exc) from exc

    def entries(self) -> list[dict]:
        """Every readable entry, oldest first; torn or garbled lines are skipped."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        out = []
        for line in raw.splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("op"), str):
                out.append(entry)
        return out

    def history(self) -> tuple[list[dict], bool, bool | None]:
        """What the journal says history is now: the events since the last forget, whether
        there was a forget, and the last paused state (None if never set)."""
        events: list[dict] = []
        forgot = False
        paused: bool | None = None
        for entry in self.entries():
            op = entry["op"]
            if op == "event" and entry.get("uid"):
                events.append(entry)
            elif op == "forget":
                events, forgot = [], True
            elif op == "paused":
                paused = bool(entry.get("paused"))
        return events, forgot, paused

    def has_history(self) -> bool:
        """True when the journal records anything beyond its header."""
        return any(e["op"] != "journal" for e in self.entries())


def _line(entry: dict) -> bytes:
    return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _last_byte(path: Path, size: int) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(size - 1)
        return fh.read(1)
