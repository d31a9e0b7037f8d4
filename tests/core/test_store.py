"""The database: migrations, refusing newer schemas, WAL readers never blocked."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from medialens.store import DatabaseError, DatabaseTooNew, Store
from medialens.store.migrations import MIGRATIONS


def test_new_database_records_every_migration(tmp_path):
    store = Store(tmp_path / "lib.db")
    rows = store.query("SELECT version, name FROM migrations ORDER BY version")
    assert [r["version"] for r in rows] == list(range(1, len(MIGRATIONS) + 1))
    assert store.query_one("PRAGMA journal_mode")[0] == "wal"
    assert store.query_one("PRAGMA foreign_keys")[0] == 1
    store.close()


def test_reopening_applies_nothing_twice(tmp_path):
    Store(tmp_path / "lib.db").close()
    store = Store(tmp_path / "lib.db")
    assert store.query_one("SELECT count(*) FROM migrations")[0] == len(MIGRATIONS)
    store.close()


def test_older_database_is_migrated(tmp_path):
    """A database written by the first release (schema 1) opens, keeps its rows, and upgrades."""
    path = tmp_path / "lib.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at REAL)"
    )
    MIGRATIONS[0](conn)
    conn.execute("INSERT INTO migrations VALUES (1, 'm001_initial', 0)")
    conn.execute("INSERT INTO settings VALUES ('workers', '3')")
    conn.close()
    store = Store(path)
    assert store.schema_version == len(MIGRATIONS)
    assert store.setting("workers") == 3
    store.close()


def test_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "lib.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES (999, 'm999_future', 0)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer Medialens"):
        Store(path)
    assert path.read_bytes() == before


def test_garbage_file_is_a_clear_error(tmp_path):
    path = tmp_path / "lib.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="not a Medialens library database"):
        Store(path)


def test_readers_do_not_wait_for_a_long_write(tmp_path):
    store = Store(tmp_path / "lib.db")
    store.set_setting("workers", 3)
    holding = threading.Event()
    release = threading.Event()

    def long_writer():
        with store.write() as conn:
            conn.execute("INSERT INTO settings VALUES ('x', '1')")
            holding.set()
            release.wait(5)

    writer = threading.Thread(target=long_writer)
    writer.start()
    holding.wait(5)
    started = time.perf_counter()
    assert store.setting("workers") == 3  # committed value, read while the writer holds its lock
    assert time.perf_counter() - started < 0.5
    release.set()
    writer.join()
    assert store.setting("x") == 1
    store.close()


def test_failed_write_rolls_back(tmp_path):
    store = Store(tmp_path / "lib.db")
    with pytest.raises(RuntimeError), store.write() as conn:
        conn.execute("INSERT INTO settings VALUES ('a', '1')")
        raise RuntimeError("boom")
    assert store.setting("a") is None
    store.close()


def test_closing_while_another_thread_reads_does_not_crash(tmp_path):
    store = Store(tmp_path / "lib.db")
    started, result = threading.Event(), []

    def long_read():
        conn = store.read_conn()
        started.set()
        sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000000) SELECT count(*) FROM n"
        result.append(conn.execute(sql).fetchone()[0])

    reader = threading.Thread(target=long_read)
    reader.start()
    started.wait(5)
    store.close()  # the reader's own connection stays its own: its query finishes
    reader.join(30)
    assert result == [3000000]
    with pytest.raises(DatabaseError, match="is closed"):
        store.read_conn()
