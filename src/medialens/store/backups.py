"""Rotating backups of the database in ``backups/`` beside it, made with SQLite's online
backup API (a consistent copy while the app keeps reading and writing).

Two kinds: one before each migration that changes the schema (``before-vN``, the last
:data:`KEEP_MIGRATION` kept) and one a day (``daily``, the last :data:`KEEP_DAILY` kept).
Each is written under a temporary name, checked with ``PRAGMA quick_check`` and only then
renamed into place, so a backup that is there is a backup that opens.
"""

from __future__ import annotations

import calendar
import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from medialens.store.faults import DatabaseDamaged

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_MIGRATION = 3
DAILY_EVERY = 24 * 3600.0
FOLDER = "backups"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>daily|before-v\d+)-(?P<at>\d{8}T\d{6}\.\d{6})Z\.sqlite3$"
)


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: str  # "daily" or "before-vN"
    at: float  # unix seconds it was taken

    def as_json(self) -> dict:
        return {"path": str(self.path), "kind": self.kind, "at": self.at}


def quick_check(path: Path, full: bool = False) -> str:
    """``ok``, or what SQLite's check found wrong in the file (opened read-only)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.text_factory = _lenient_text  # a damaged file's messages may quote garbled text
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    except UnicodeDecodeError:
        return "its schema holds garbled text"
    found = "; ".join(str(r[0]) for r in rows[:3])
    return "ok" if found == "ok" else found


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


class Backups:
    def __init__(self, database: Path) -> None:
        self.database = Path(database)
        self.folder = self.database.parent / FOLDER

    def all(self) -> list[Backup]:
        """This database's backups, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match is None or match["stem"] != self.database.stem:
                continue
            at = calendar.timegm(time.strptime(match["at"][:15], "%Y%m%dT%H%M%S"))
            found.append(Backup(path, match["kind"], at + float("0." + match["at"][16:])))
        return sorted(found, key=lambda b: b.at, reverse=True)

    def daily_due(self, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        daily = [b for b in self.all() if b.kind == "daily"]
        return not daily or now - daily[0].at >= DAILY_EVERY

    def make(self, source: sqlite3.Connection, kind: str) -> Backup:
        """Copy the database through ``source`` into a new verified backup, then rotate.

        ``source`` may be any connection to the database; the copy is taken in one step, so
        in WAL mode it is one consistent snapshot and writers are not held up.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        self._remove_stale_parts()
        now = time.time()
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f".{int(now % 1 * 1e6):06d}"
        final = self.folder / f"{self.database.stem}-{kind}-{stamp}Z.sqlite3"
        part = final.with_name(final.name + ".part")
        try:
            target = sqlite3.connect(str(part))
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                target.close()
            found = quick_check(part)
            if found != "ok":
                raise DatabaseDamaged(self.database, f"its backup failed the check: {found}")
            with open(part, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(part, final)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        self._rotate()
        return Backup(final, kind, now)

    def _rotate(self) -> None:
        backups = self.all()
        daily = [b for b in backups if b.kind == "daily"]
        migration = [b for b in backups if b.kind != "daily"]
        for old in daily[KEEP_DAILY:] + migration[KEEP_MIGRATION:]:
            try:
                old.path.unlink()
            except OSError as exc:
                log.warning("cannot remove the old backup %s: %s", old.path, exc)

    def _remove_stale_parts(self) -> None:
        """Temporary files of a backup cut short (the process was killed) an hour ago."""
        for part in self.folder.glob(f"{self.database.stem}-*.part"):
            try:
                if time.time() - part.stat().st_mtime > 3600:
                    part.unlink()
            except OSError:
                pass
