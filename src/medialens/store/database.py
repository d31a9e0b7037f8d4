"""The library database: one SQLite file, WAL, foreign keys, numbered migrations.

One writer at a time (a lock around short write transactions) and one reader
connection per thread: in WAL mode readers never wait for a writer, so the GUI
and the CLI read freely while extraction stores results.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from medialens.store.backups import Backup, Backups
from medialens.store.events import Events
from medialens.store.extraction import Extraction
from medialens.store.faults import (
    DatabaseDamaged,
    DatabaseError,
    DatabaseGone,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    looks_like_sqlite,
    read_only_reason,
    translate,
)
from medialens.store.files import Files
from medialens.store.folders import Folders
from medialens.store.journal import Journal, journal_path
from medialens.store.migrations import MIGRATIONS
from medialens.store.plugin_state import PluginState
from medialens.store.results import Results
from medialens.store.text_index import TextIndex
from medialens.store.vectors import Vectors
from medialens.store.views import Views

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

__all__ = ["DatabaseError", "DatabaseTooNew", "Store"]


def _rollback(conn: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already (disk full)
        conn.execute("ROLLBACK")


def _connect(path: Path, create: bool = False, readonly: bool = False) -> sqlite3.Connection:
    """A connection that never creates the file unless asked to: a reader opened after the
    database was deleted must fail, not start an empty library in its place."""
    mode = "rwc" if create else "rw"
    options = f"mode={mode}"
    if readonly and read_only_reason(path) is not None:
        # On a read-only disk SQLite cannot make the WAL's shared-memory file: read the
        # file as it is (nothing can be writing to it there), unless a WAL still holds
        # commits, which only a reader that may use the WAL sees.
        wal = path.with_name(path.name + "-wal")
        options = "mode=ro" if wal.exists() and wal.stat().st_size else "mode=ro&immutable=1"
    conn = sqlite3.connect(
        f"{path.absolute().as_uri()}?{options}",
        uri=True,
        check_same_thread=False,
        timeout=30.0,
        isolation_level=None,
    )
    conn.execute("PRAGMA foreign_keys = ON")
    # a row deleted by INSERT OR REPLACE fires its DELETE triggers, which keep the counters
    # of store.counters (they write no table that has triggers of its own)
    conn.execute("PRAGMA recursive_triggers = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    if readonly:
        conn.execute("PRAGMA query_only = ON")
    return conn


def _applied_versions(conn: sqlite3.Connection) -> list[int]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='migrations'"
    ).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT version FROM migrations ORDER BY version")]


def upgrade_pending(path: Path) -> bool:
    """True when the library at ``path`` was written with an older schema, so opening it
    first makes a backup and runs migrations: at 10^6 files that takes a minute or more,
    which the window should say before it seems to hang. False for anything else (no
    file, a current or newer schema, a file that cannot be read): opening says why."""
    try:
        if not path.is_file():
            return False
        conn = _connect(path, readonly=True)
        try:
            applied = _applied_versions(conn)
        finally:
            conn.close()
    except (sqlite3.Error, OSError, UnicodeDecodeError):
        return False
    return bool(applied) and max(applied) < len(MIGRATIONS)


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None


#: How often (seconds, at most) a write checks that the file is still the one it opened.
IDENTITY_EVERY = 1.0


class Store:
    """Owns the SQLite file. Thread-safe: ``write()`` serialises, ``read()`` is per thread.

    It also keeps the database from being lost silently: it refuses to start an empty
    library where one is missing but its backups or journal remain (``create=True`` says
    that a fresh one is meant), notices the file being deleted or replaced under it
    (:meth:`check`), says "damaged", "read-only" or "disk full" instead of SQLite's terse
    errors, keeps rotating backups (``backups``) and journals playback history
    (``journal``).

    ``readonly`` opens an existing library to read only, without migrating or backing it
    up (an extraction worker process reads results and plugin settings; the library that
    started it writes).
    """

    def __init__(
        self,
        path: Path,
        *,
        create: bool = False,
        daily_backup: bool = True,
        readonly: bool = False,
        backup_delay: float = 0.0,
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.journal = Journal(journal_path(self.path), self.path)
        self.backups = Backups(self.path)
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._closed = False
        self._fault: DatabaseError | None = None
        self._checked_at = time.monotonic()
        self._backup_thread: threading.Thread | None = None
        #: Seconds a due daily backup waits after the open (cut short by close, which
        #: then waits for it as before): the start's own reads and writes go first.
        self._backup_delay = max(0.0, float(backup_delay))
        self._closing = threading.Event()
        if readonly:
            try:
                self._writer = _connect(self.path, readonly=True)
            except sqlite3.Error as exc:
                raise self._fail(exc) from exc
            stat = os.stat(self.path)
            self._identity = (stat.st_dev, stat.st_ino)
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseReadOnly(self.path, exc.strerror or str(exc)) from exc
        self._refuse_to_start_empty(create)
        reason = read_only_reason(self.path)
        if reason is not None:
            raise DatabaseReadOnly(self.path, reason)
        try:
            self._writer = _connect(self.path, create=True)
            applied = _applied_versions(self._writer)
            if not applied and _has_tables(self._writer):
                self._writer.close()
                raise DatabaseError(
                    f"{self.path} is not a Medialens library database: it holds other tables"
                )
        except sqlite3.DatabaseError as exc:
            raise self._open_error(exc) from exc
        except UnicodeDecodeError as exc:  # the schema's own text is garbled
            self._writer.close()
            raise DatabaseDamaged(self.path, "its schema holds garbled text") from exc
        stat = os.stat(self.path)
        self._identity = (stat.st_dev, stat.st_ino)
        newest = len(MIGRATIONS)
        if applied and max(applied) > newest:
            self._writer.close()
            raise DatabaseTooNew(
                f"{self.path} was written by a newer Medialens (schema {max(applied)}, this "
                f"version knows up to {newest}). Upgrade Medialens to open it; the file was "
                "left untouched."
            )
        try:
            self._writer.execute("PRAGMA journal_mode = WAL")
            self._writer.execute("PRAGMA synchronous = NORMAL")
            if applied and max(applied) < newest:
                self.backups.make(self._writer, f"before-v{newest}")
            self._migrate(applied)
            if not self.journal.exists():
                self.journal.create(self._journal_seed())
        except (sqlite3.DatabaseError, DatabaseError) as exc:
            self._writer.close()
            fault = translate(exc, self.path)
            raise (fault or exc) from exc
        if daily_backup and self.backups.daily_due() and self._worth_keeping():
            self._backup_thread = threading.Thread(
                target=self._daily_backup, name="medialens-backup", daemon=True
            )
            self._backup_thread.start()

    # -- never lost silently -----------------------------------------------------------------

    def _refuse_to_start_empty(self, create: bool) -> None:
        """No file (or an empty one) where a library was: say so instead of starting afresh."""
        try:
            size: int | None = self.path.stat().st_size
        except FileNotFoundError:
            size = None
        if create or size:
            return
        backups = len(self.backups.all())
        if not backups and not self.journal.has_history():
            return
        events = len(self.journal.history()[0])
        if size is None:
            raise DatabaseMissing(self.path, backups, events)
        raise DatabaseDamaged(self.path, "the file is empty")

    def _open_error(self, exc: sqlite3.DatabaseError) -> DatabaseError:
        writer = getattr(self, "_writer", None)
        if writer is not None:
            writer.close()
        fault = translate(exc, self.path)
        ours = (
            looks_like_sqlite(self.path)
            or self.journal.exists()
            or self.path.with_name(self.path.name + "-wal").exists()
        )
        if isinstance(fault, DatabaseDamaged) and not ours:
            fault = None  # not SQLite at all, and no sign that it ever was a library
        return fault or DatabaseError(f"{self.path} is not a Medialens library database: {exc}")

    def _fail(self, exc: BaseException) -> BaseException:
        """What ``exc`` (raised inside a write) means; a fault of the file is remembered."""
        fault = translate(exc, self.path) if isinstance(exc, sqlite3.Error) else None
        if isinstance(exc, DatabaseError):
            fault = exc
        if fault is None:
            return exc
        if isinstance(fault, DatabaseDamaged | DatabaseGone | DatabaseReadOnly | DiskFull):
            self._fault = fault
        return fault

    @property
    def fault(self) -> DatabaseError | None:
        """The last fault of the file met by a write (None while all is well): damaged, gone
        and read-only stay, a full disk clears with the next write that succeeds."""
        return self._fault

    def check(self) -> None:
        """Raise the fault that stops all writing, if any: cheap, for idle loops.

        The file's identity (device, inode) is compared with the one opened, at most once
        every :data:`IDENTITY_EVERY` seconds, so a deleted or replaced database is noticed
        before anything more is written into it.
        """
        self._check_identity()
        fault = self._fault
        if fault is not None and not isinstance(fault, DiskFull):
            raise fault

    def _check_identity(self) -> None:
        now = time.monotonic()
        if now - self._checked_at < IDENTITY_EVERY or isinstance(self._fault, DatabaseGone):
            return
        self._checked_at = now
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            self._fault = DatabaseGone(self.path, "deleted")
            return
        except OSError:
            return
        if (stat.st_dev, stat.st_ino) != self._identity:
            self._fault = DatabaseGone(self.path, "replaced by another file")

    def _worth_keeping(self) -> bool:
        """A backup is made of a library with folders or history, not of an empty one."""
        row = self._writer.execute(
            "SELECT EXISTS(SELECT 1 FROM folders) OR EXISTS(SELECT 1 FROM events)"
        ).fetchone()
        return bool(row[0])

    def _daily_backup(self) -> None:
        """The daily backup, on a thread and a connection of its own (WAL: nobody waits), at
        the lowest CPU priority (Linux sets it per thread), so the GUI thread is never short."""
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        if self._backup_delay:
            self._closing.wait(self._backup_delay)
            if not self.backups.daily_due():  # another process made it meanwhile
                return
        try:
            source = _connect(self.path)
            try:
                self.backups.make(source, "daily")
            finally:
                source.close()
        except DatabaseDamaged as exc:
            self._fault = exc
            log.warning("%s", exc)
        except Exception as exc:  # noqa: BLE001 - a failed backup must not stop the library
            log.warning("the daily backup of %s failed: %s", self.path, exc)

    def backup_now(self, kind: str = "daily") -> Backup:
        """Make a backup at once (``doctor``, tests), through a connection of its own."""
        source = _connect(self.path)
        try:
            return self.backups.make(source, kind)
        finally:
            source.close()

    def _journal_seed(self) -> list[dict]:
        """What the database holds that the journal must hold too, when it starts."""
        return self.events.journal_seed(self._writer) + self.folders.journal_seed(self._writer)

    def _migrate(self, applied: list[int]) -> None:
        with self._write_lock:
            conn = self._writer
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at REAL NOT NULL)"
            )
            for version, migration in enumerate(MIGRATIONS, start=1):
                if version in applied:
                    continue
                conn.execute("BEGIN IMMEDIATE")
                try:
                    migration(conn)
                    conn.execute(
                        "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        (version, migration.__name__, time.time()),
                    )
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise

    @property
    def schema_version(self) -> int:
        return max(_applied_versions(self.read_conn()), default=0)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed on success, rolled back on error.

        A fault of the file (damaged, deleted or replaced, read-only, disk full) comes out
        as the :class:`DatabaseError` that says so; once the file is known to be damaged or
        gone, nothing more is written to it.
        """
        with self._write_lock:
            if self._closed:
                raise DatabaseError(f"{self.path} is closed")
            self.check()
            conn = self._writer
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._fail(exc) from exc
            try:
                yield conn
            except BaseException as exc:
                _rollback(conn)
                fault = self._fail(exc)
                if fault is exc:
                    raise
                raise fault from exc
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise self._fail(exc) from exc
            if isinstance(self._fault, DiskFull):
                self._fault = None  # there is room again

    def read_conn(self) -> sqlite3.Connection:
        """This thread's own read connection (never blocked by the writer in WAL mode).

        It lives as long as its thread: when the thread ends, the connection is collected
        and closed with it. Only its own thread ever uses or closes it, because closing
        a connection while another thread runs a query on it crashes SQLite.
        """
        if self._closed:
            raise DatabaseError(f"{self.path} is closed")
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = _connect(self.path, readonly=self.readonly)
            except sqlite3.Error as exc:
                raise self._fail(exc) from exc
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.read_conn().execute(sql, params).fetchall()

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        return self.read_conn().execute(sql, params).fetchone()

    def setting(self, key: str, default: object = None) -> object:
        import json

        row = self.query_one("SELECT value FROM settings WHERE key = ?", (key,))
        return default if row is None else json.loads(row["value"])

    def set_setting(self, key: str, value: object) -> None:
        import json

        with self.write() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    def close(self) -> None:
        """Close the writer and this thread's reader; other threads' readers finish what
        they are running and close when their threads end."""
        with self._write_lock:
            if self._closed:
                return
            self._closed = True
            self._closing.set()
            if self._backup_thread is not None:
                self._backup_thread.join()  # a backup cut short would be redone next time
            conn = getattr(self._local, "conn", None)
            if conn is not None:
                conn.close()
                self._local.conn = None
            self._writer.close()

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """The writer connection as a ``sqlite_utils.Database`` (for ad-hoc tools). Made on
        first use: importing sqlite_utils cost every start ~0.3 s before the first paint."""
        import sqlite_utils

        return sqlite_utils.Database(self._writer)

    # -- the groups of tables (one module each; see the package docstring) -------------------

    @functools.cached_property
    def files(self) -> Files:
        return Files(self)

    @functools.cached_property
    def folders(self) -> Folders:
        return Folders(self)

    @functools.cached_property
    def extraction(self) -> Extraction:
        return Extraction(self)

    @functools.cached_property
    def views(self) -> Views:
        return Views(self)

    @functools.cached_property
    def results(self) -> Results:
        return Results(self)

    @functools.cached_property
    def plugin_state(self) -> PluginState:
        return PluginState(self)

    @functools.cached_property
    def events(self) -> Events:
        return Events(self)

    @functools.cached_property
    def vectors(self) -> Vectors:
        return Vectors(self)

    @functools.cached_property
    def text_index(self) -> TextIndex:
        return TextIndex(self)
