"""``medialens doctor``: check the library database, restore it, or rebuild it.

The database can be rebuilt from the media except for one thing: playback history. So the
store keeps two safety nets beside it (``backups/`` and the playback journal, see
``medialens.store.backups`` and ``medialens.store.journal``), and the doctor uses them:

* :func:`check` says whether the file is whole (``integrity_check``), which schema it has,
  whether the journal and the database hold the same events, and which backups there are;
* :func:`restore` moves the damaged or missing database aside (never deletes it), puts back
  the newest backup that passes ``integrity_check`` and replays the journal onto it;
* :func:`rebuild` starts a fresh database with the folders (from the newest good backup and
  the journal) and the whole history from the journal; the next ``index`` re-extracts the
  features.

No plugin is loaded: the doctor must work when everything else does not.
"""

from __future__ import annotations

import time
from pathlib import Path

from medialens.core.errors import LibraryError
from medialens.paths import DataDirs
from medialens.store import Store
from medialens.store.backups import Backup, Backups, quick_check
from medialens.store.faults import read_only_reason
from medialens.store.journal import Journal, journal_path
from medialens.store.migrations import MIGRATIONS
from medialens.store.recovery import copy_into_place, folders_after, folders_of, health, move_aside


class DoctorError(LibraryError):
    """The doctor cannot do what was asked (no good backup, nothing to rebuild from)."""


def _parts(dirs: DataDirs) -> tuple[Path, Journal, Backups]:
    path = dirs.database
    return path, Journal(journal_path(path), path), Backups(path)


def check(dirs: DataDirs) -> dict:
    """The doctor's report: what is wrong (``problems``, in sentences) and the figures."""
    path, journal, backups = _parts(dirs)
    found = health(path)
    events, forgot, _paused = journal.history()
    live = {e["uid"] for e in events}
    known = backups.all()
    problems: list[str] = []
    if not found.exists:
        if known or journal.has_history():
            problems.append(
                "the library database is missing: `medialens doctor --restore` brings back "
                "the newest backup and the journal's history"
            )
    elif found.integrity != "ok":
        problems.append(
            f"the library database is damaged ({found.integrity}): `medialens doctor "
            "--restore` brings back the newest good backup and the journal's history"
        )
    read_only = read_only_reason(path) if found.exists else None
    if read_only is not None:
        problems.append(f"the library database is read-only ({read_only})")
    if found.schema is not None and found.schema > len(MIGRATIONS):
        problems.append(f"the database was written by a newer Medialens (schema {found.schema})")
    only_journal = only_db = 0
    if found.event_uids is not None and found.integrity == "ok":
        only_journal = len(live - found.event_uids)
        only_db = len(found.event_uids - live) if journal.exists() else 0
        if only_journal:
            problems.append(
                f"{only_journal} playback events are in the journal but not in the database: "
                "`medialens doctor --replay` adds them"
            )
        if only_db:
            problems.append(f"{only_db} playback events in the database are not in the journal")
    if found.exists and not journal.exists():
        problems.append("there is no playback journal yet (any command creates it)")
    if found.exists and not known and (found.events or folders_of(path)):
        problems.append("there is no backup yet: `medialens doctor --backup` makes one")
    newest = known[0].at if known else None
    return {
        "healthy": not problems,
        "problems": problems,
        "database": str(path),
        "exists": found.exists,
        "integrity": found.integrity,
        "schema": found.schema,
        "schema_known": len(MIGRATIONS),
        "events_in_database": found.events,
        "events_in_journal": len(live),
        "journal_had_forget": forgot,
        "events_only_in_journal": only_journal,
        "events_only_in_database": only_db,
        "journal": str(journal.path),
        "backups": [b.as_json() for b in known],
        "newest_backup_hours": None if newest is None else round((time.time() - newest) / 3600, 2),
    }


def _good_backup(backups: Backups) -> Backup | None:
    """The newest backup that passes the full ``integrity_check``."""
    for backup in backups.all():
        if quick_check(backup.path, full=True) == "ok":
            return backup
    return None


def _replay(store: Store, journal: Journal) -> int:
    events, forgot, paused = journal.history()
    return store.events.replay(events, forgot, paused)


def restore(dirs: DataDirs) -> dict:
    """Put back the newest good backup (the current file moved aside) and replay the journal."""
    path, journal, backups = _parts(dirs)
    backup = _good_backup(backups)
    if backup is None:
        raise DoctorError(
            "no backup passes the integrity check: `medialens doctor --rebuild` starts a fresh "
            "library with the folders and the whole playback history from the journal"
        )
    moved = move_aside(path, "damaged" if path.exists() else "lost")
    copy_into_place(backup.path, path)
    store = Store(path, daily_backup=False)
    try:
        wanted = dict(folders_after(folders_of(path), journal.entries(), backup.at))
        for folder_id, root in store.folders.roots():
            if root not in wanted:  # removed after the backup was taken
                store.folders.remove(folder_id)
        store.folders.restore(list(wanted.items()))
        folders = len(store.folders.roots())
        events = _replay(store, journal)
        total = store.events.count()
        # a backup made by an older version is migrated (m010 counts it afresh); one of
        # this schema carries counters as consistent as its rows, but a restore is rare
        # and the recount is a few grouped passes: make sure
        recounted = store.extraction.check_counts()
    finally:
        store.close()
    return {
        "action": "restore",
        "restored_from": str(backup.path),
        "moved_aside": None if moved is None else str(moved),
        "events_restored": events,
        "events": total,
        "folders_restored": folders,
        "counters_recounted": recounted,
        "database": str(path),
    }


def rebuild(dirs: DataDirs) -> dict:
    """A fresh database: folders from the newest good backup and the journal, history from
    the journal; features come back with the next ``index``."""
    path, journal, backups = _parts(dirs)
    backup = _good_backup(backups)
    if backup is None and not journal.has_history():
        raise DoctorError("there is neither a good backup nor a playback journal to rebuild from")
    base = folders_of(backup.path) if backup is not None else []
    wanted = folders_after(base, journal.entries(), backup.at if backup is not None else 0.0)
    moved = move_aside(path, "replaced")
    store = Store(path, create=True, daily_backup=False)
    try:
        folders = store.folders.restore(wanted)
        events = _replay(store, journal)
    finally:
        store.close()
    return {
        "action": "rebuild",
        "folders_from": None if backup is None else str(backup.path),
        "moved_aside": None if moved is None else str(moved),
        "events_restored": events,
        "events": events,
        "folders_restored": folders,
        "database": str(path),
    }


def replay(dirs: DataDirs) -> dict:
    """Add the journal's events that the (healthy) database lacks."""
    store = Store(dirs.database, daily_backup=False)
    try:
        events = _replay(store, store.journal)
        total = store.events.count()
    finally:
        store.close()
    return {"action": "replay", "events_restored": events, "events": total, "folders_restored": 0}


def backup(dirs: DataDirs) -> dict:
    """Make a daily backup now (and rotate the old ones)."""
    store = Store(dirs.database, daily_backup=False)
    try:
        made = store.backup_now("daily")
    finally:
        store.close()
    return {"action": "backup", "backup": str(made.path)}
