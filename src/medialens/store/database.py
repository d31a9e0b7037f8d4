"""The library database: one SQLite file, WAL, foreign keys, numbered migrations.

One writer at a time (a lock around short write transactions) and one reader
connection per thread: in WAL mode readers never wait for a writer, so the GUI
and the CLI read freely while extraction stores results.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from medialens.store.events import Events
from medialens.store.extraction import Extraction
from medialens.store.files import Files
from medialens.store.folders import Folders
from medialens.store.migrations import MIGRATIONS
from medialens.store.plugin_state import PluginState
from medialens.store.results import Results
from medialens.store.text_index import TextIndex
from medialens.store.vectors import Vectors
from medialens.store.views import Views


class DatabaseError(Exception):
    """The database cannot be used; the message says why in words a person understands."""


class DatabaseTooNew(DatabaseError):
    pass


def _connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30.0, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
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


class Store:
    """Owns the SQLite file. Thread-safe: ``write()`` serialises, ``read()`` is per thread.

    ``readonly`` opens an existing library to read only, without migrating it (an
    extraction worker process reads plugin settings; the library that started it writes).
    """

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._closed = False
        if readonly:
            self._writer = _connect(self.path, readonly=True)
            self.db = sqlite_utils.Database(self._writer)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._writer = _connect(self.path)
            applied = _applied_versions(self._writer)
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"{self.path} is not a Medialens library database: {exc}") from exc
        newest = len(MIGRATIONS)
        if applied and max(applied) > newest:
            self._writer.close()
            raise DatabaseTooNew(
                f"{self.path} was written by a newer Medialens (schema {max(applied)}, this "
                f"version knows up to {newest}). Upgrade Medialens to open it; the file was "
                "left untouched."
            )
        self._writer.execute("PRAGMA journal_mode = WAL")
        self._writer.execute("PRAGMA synchronous = NORMAL")
        self._migrate(applied)
        self.db = sqlite_utils.Database(self._writer)

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
        """A write transaction: committed on success, rolled back on error."""
        with self._write_lock:
            if self._closed:
                raise DatabaseError(f"{self.path} is closed")
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

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
            conn = _connect(self.path, self.readonly)
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
            conn = getattr(self._local, "conn", None)
            if conn is not None:
                conn.close()
                self._local.conn = None
            self._writer.close()

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
