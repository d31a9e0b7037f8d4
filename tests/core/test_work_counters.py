"""The work counters (``store.counters``) stay exactly equal to counting the rows.

Each step below changes the library the way the scanner, the pipeline, the Activity page
and the doctor do (through the store's own writes, and a few raw statements like the
benchmarks' and an old tool's), and after each one every count ``status`` and the views
read is compared with the same count made the slow way, on every row, by the statements
the store used before the counters.
"""

from __future__ import annotations

import re
import sqlite3
import time

import pytest

from medialens.store import ExaminedFile, ResultValues, Store, counters
from medialens.store.migrations import MIGRATIONS

KINDS = (("audio",), ("video",), ("audio", "video"))
ROUTES = ((), ("music",), ("speech", "sound", "video"))
VALUES = ResultValues({}, None, {}, {}, {})


def slow_pending(conn, extractor, version, kinds, categories) -> int:
    routed = (
        f"AND (f.category IS NULL OR f.category IN ({','.join('?' * len(categories))})) "
        if categories
        else ""
    )
    return conn.execute(
        "SELECT count(*) FROM files f WHERE f.status = 'media' AND f.available = 1 "
        f"AND f.kind IN ({','.join('?' * len(kinds))}) {routed}"
        "AND NOT EXISTS (SELECT 1 FROM features x WHERE x.content_id = f.content_id "
        "AND x.extractor = ? AND x.version = ?) "
        "AND NOT EXISTS (SELECT 1 FROM failures x WHERE x.content_id = f.content_id "
        "AND x.extractor = ? AND x.version = ?)",
        (*kinds, *categories, extractor, version, extractor, version),
    ).fetchone()[0]


def slow_per_version(conn, table) -> dict:
    rows = conn.execute(
        f"SELECT x.extractor, x.version, count(DISTINCT x.content_id) FROM {table} x "
        "WHERE x.content_id IN (SELECT f.content_id FROM files f "
        "WHERE f.status = 'media' AND f.available = 1) GROUP BY x.extractor, x.version"
    )
    return {(r[0], r[1]): r[2] for r in rows}


def slow(conn) -> dict:
    """Every count, made on the rows."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    unreadable = one("SELECT count(*) FROM files WHERE status = 'invalid' AND available = 1")
    files = conn.execute(
        "SELECT count(*), sum(available), max(changed_at) FROM files WHERE status = 'media'"
    ).fetchone()
    return {
        "media": one("SELECT count(*) FROM files WHERE status = 'media' AND available = 1"),
        "unavailable": one("SELECT count(*) FROM files WHERE status = 'media' AND available = 0"),
        "failure_count": unreadable
        + one(
            "SELECT count(*) FROM failures x CROSS JOIN files f ON f.content_id = x.content_id "
            "WHERE +f.available = 1 AND +f.status = 'media'"
        ),
        "failed_files": unreadable
        + one(
            "SELECT count(DISTINCT f.id) FROM failures x CROSS JOIN files f "
            "ON f.content_id = x.content_id WHERE +f.available = 1 AND +f.status = 'media'"
        ),
        "done": slow_per_version(conn, "features"),
        "failed": slow_per_version(conn, "failures"),
        "folders": {
            r[0]: r[1]
            for r in conn.execute(
                "SELECT d.id, (SELECT count(*) FROM files WHERE folder_id = d.id "
                "AND status = 'media') FROM folders d"
            )
        },
        "signature": (*tuple(files), one("SELECT max(id) FROM events")),
        "pending": {
            (e, v, k, c): slow_pending(conn, e, v, k, c)
            for e, v in keys_of(conn)
            for k in KINDS
            for c in ROUTES
        },
    }


def keys_of(conn) -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT extractor, version FROM features UNION SELECT extractor, version FROM failures"
    )
    return sorted({(r[0], r[1]) for r in rows} | {("a", "1"), ("b", "2"), ("new", "1")})


def counted(store: Store) -> dict:
    """The same counts, as the store now reads them."""
    work, conn = store.extraction, store.read_conn()
    return {
        "media": store.files.count_media(True),
        "unavailable": store.files.count_media(False),
        "failure_count": work.failure_count(),
        "failed_files": work.failed_file_count(),
        "done": work.done_counts(),
        "failed": work.failed_counts(),
        "folders": {f.id: f.files for f in store.folders.all()},
        "signature": store.views.signature(),
        "pending": {
            (e, v, k, c): work.pending_count(e, v, k, c)
            for e, v in keys_of(conn)
            for k in KINDS
            for c in ROUTES
        },
    }


def assert_exact(store: Store, step: str) -> None:
    conn = store.read_conn()
    assert counted(store) == slow(conn), step
    assert counters.stored(conn) == counters.fresh(conn), step


def examined(path: str, cid: str | None, kind: str | None = "audio", status: str = "media"):
    return ExaminedFile(
        path.encode(), path, cid, 1, 1, status, None if status == "media" else "bad",
        kind, 60.0, None, None, (None,) * 7, 1,
    )  # fmt: skip


def test_the_counters_equal_counting_the_rows_through_every_kind_of_change(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    assert_exact(store, "empty")
    store.folders.add(b"/m", "/m")
    store.folders.add(b"/n", "/n")
    m, n = store.folders.id_of(b"/m"), store.folders.id_of(b"/n")
    assert m is not None and n is not None
    # a scan: audio and video, a copy of one content in the other folder, an unreadable file
    ids = {}
    for i in range(12):
        kind = "video" if i % 3 == 0 else "audio"
        ids[i] = store.files.insert_examined(m, examined(f"/m/{i}", f"c{i}", kind), now=i)
    ids["copy"] = store.files.insert_examined(n, examined("/n/copy", "c1"), now=20)
    ids["bad"] = store.files.insert_examined(m, examined("/m/bad", None, None, "invalid"))
    assert_exact(store, "scanned")
    # results and failures, of two extractors; a failure of a content with a copy
    for i in range(0, 12, 2):
        store.results.save(f"c{i}", "a", "1", VALUES, {}, 0.1)
    for i in (1, 3, 5):
        store.results.save_failure(f"c{i}", "a", "1", "boom")
    store.results.save_failure("c1", "b", "2", "boom")
    store.results.save("c2", "b", "2", VALUES, {}, 0.1)
    assert_exact(store, "written")
    # a failure counted again, then a result replacing a failure, then one of a new version
    store.results.save_failure("c3", "a", "1", "boom again")
    store.results.save("c5", "a", "1", VALUES, {}, 0.1)
    store.results.save("c0", "a", "2", VALUES, {}, 0.1)
    store.results.save_failure("c2", "a", "2", "new version failed, old result kept")
    store.results.save_failure("c4", "a", "1", "a failure beside a result of its version")
    assert_exact(store, "re-extracted")
    # categories decided, then changed; a routed extractor's files
    for i in range(12):
        store.files.set_category(f"c{i}", ("music", "speech", "video", None)[i % 4])
    store.files.set_category("c1", "sound")
    assert_exact(store, "categorised")
    # files gone and back, a folder unreachable, a moved file, a changed content
    store.files.set_available([ids[2], ids[1]], False)
    assert_exact(store, "gone")
    store.files.set_available([ids[2]], True)
    store.files.set_folder_unavailable(n)
    assert_exact(store, "folder unavailable")
    store.files.move(ids[4], n, examined("/n/4", "c4"))
    store.files.update_examined(ids[6], examined("/m/6", "c1", "audio"))
    store.files.insert_examined(m, examined("/m/7", "c7b", "video"))  # same path, new content
    assert_exact(store, "moved and changed")
    # redo (stale results, failures forgotten), a retry of one extractor's failures
    store.extraction.redo(["a"])
    assert_exact(store, "redo")
    store.results.save_failure("c8", "a", "1", "boom")
    store.extraction.forget_failures("b")
    assert_exact(store, "forgotten")
    # raw writes, as the benchmarks and tests make them, and INSERT OR REPLACE
    now = time.time()
    with store.write() as conn:
        conn.execute(
            "INSERT INTO files (path, display_path, folder_id, content_id, size, mtime_ns, "
            "status, kind, available, added_at, changed_at) "
            "VALUES (?, '/m/raw', ?, 'c9', 1, 1, 'media', 'audio', 1, ?, ?)",
            (b"/m/raw", m, now, now),
        )
        conn.execute(
            "INSERT OR REPLACE INTO features (content_id, extractor, version, created_at) "
            "VALUES ('c9', 'a', '1', ?)",
            (now,),
        )
        conn.execute(
            "INSERT OR REPLACE INTO failures (content_id, extractor, version, error, at) "
            "VALUES ('c9', 'a', '1', 'x', ?)",
            (now,),
        )
        conn.execute("UPDATE failures SET content_id = 'c10' WHERE content_id = 'c8'")
        conn.execute("UPDATE features SET extractor = 'b' WHERE content_id = 'c10'")
        conn.execute("DELETE FROM features WHERE content_id = 'c11'")
    assert_exact(store, "raw writes")
    # deletes: one file, then a whole folder (its files go by the foreign key's cascade)
    with store.write() as conn:
        conn.execute("DELETE FROM files WHERE id = ?", (ids[9],))
    store.files.set_available([ids["copy"]], True)
    assert_exact(store, "deleted")
    store.folders.remove(n)
    assert_exact(store, "folder removed")
    store.close()


def test_a_drift_is_found_and_mended(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    store.folders.add(b"/m", "/m")
    folder = store.folders.id_of(b"/m")
    assert folder is not None
    for i in range(4):
        store.files.insert_examined(folder, examined(f"/m/{i}", f"c{i}"))
    store.results.save("c1", "a", "1", VALUES, {}, 0.1)
    assert store.extraction.check_counts() is False
    with store.write() as conn:  # a tool that wrote around the triggers
        conn.execute("UPDATE file_counts SET files = files + 5 WHERE what = 'playable'")
        conn.execute("DELETE FROM content_counts")
    assert store.files.count_media() == 9
    assert store.extraction.check_counts() is True
    assert_exact(store, "mended")
    assert store.files.count_media() == 4 and store.extraction.done_counts() == {("a", "1"): 1}
    store.close()


def test_the_migration_fills_the_counters_from_an_older_library(tmp_path):
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at REAL)"
    )
    for version, migration in enumerate(MIGRATIONS[:9], start=1):
        migration(conn)
        conn.execute("INSERT INTO migrations VALUES (?, ?, 0)", (version, migration.__name__))
    conn.execute(
        "INSERT INTO folders (id, path, display_path, added_at) VALUES (1, x'2f6d', '/m', 0)"
    )
    conn.executemany(
        "INSERT INTO files (id, path, display_path, folder_id, content_id, size, mtime_ns, "
        "status, kind, category, available, added_at, changed_at) "
        "VALUES (?, ?, ?, 1, ?, 1, 1, ?, ?, ?, ?, 0, ?)",
        [
            (i, f"/m/{i}".encode(), f"/m/{i}", f"c{i % 40}", "invalid" if i % 17 == 0 else
             "media", ("audio", "video")[i % 2], (None, "music", "speech")[i % 3],
             int(i % 11 != 0), float(i))
            for i in range(1, 101)
        ],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO features (content_id, extractor, version, created_at) VALUES (?, ?, ?, 0)",
        [(f"c{i}", e, v) for i in range(0, 40, 2) for e, v in (("a", "1"), ("b", "2"))],
    )
    conn.executemany(
        "INSERT INTO failures (content_id, extractor, version, error, at) "
        "VALUES (?, 'a', ?, 'boom', 0)",
        [(f"c{i}", "1" if i % 2 else "2") for i in range(0, 40, 3)],
    )
    conn.close()
    store = Store(path, daily_backup=False)
    assert store.schema_version == len(MIGRATIONS)
    assert_exact(store, "migrated")
    store.close()


def _trigger_statements(conn: sqlite3.Connection) -> list[str]:
    out = []
    for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_counts'"
    ):
        body = sql[sql.index(" BEGIN ") + 7 : sql.rindex("END")]
        out += [s.strip() for s in body.split("; ") if s.strip()]
    return out


@pytest.mark.parametrize("table", ["files", "features", "failures"])
def test_the_triggers_find_their_rows_on_keys(tmp_path, table):
    """No statement of a counting trigger walks a table: each write costs the same at a
    million files as at ten (the rows of one content, found on its key)."""
    store = Store(tmp_path / "library.db", daily_backup=False)
    conn = store._writer
    statements = [s for s in _trigger_statements(conn) if f" {table} " in s or table == "files"]
    assert statements
    for sql in statements:
        # NEW.x and OLD.x as values: the plan of the statement the trigger runs
        bound = re.sub(r"\b(NEW|OLD)\.(\w+)", "'v'", sql)
        plan = " | ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {bound}"))
        for scanned in ("files", "features", "failures", " f", " x", " y", " o"):
            assert f"SCAN{scanned}" not in plan.replace("SCAN CONSTANT ROW", ""), (sql, plan)
        assert "files_status" not in plan, (sql, plan)
    store.close()


def _plan(conn: sqlite3.Connection, trace: list[str]) -> str:
    return " || ".join(
        " | ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}")) for sql in trace
    )


def test_the_polls_read_keys_and_what_changed(tmp_path):
    """``views.signature`` (the GUI polls it every second) and ``vectors.changed_since``
    answer from indexes and the counters, with the values the full reads gave."""
    store = Store(tmp_path / "library.db", daily_backup=False)
    store.folders.add(b"/m", "/m")
    folder = store.folders.id_of(b"/m")
    assert folder is not None
    for i in range(30):
        store.files.insert_examined(folder, examined(f"/m/{i}", f"c{i}"), now=100.0 + i)
        store.results.save(f"c{i}", "a", "1", VALUES, {}, 0.1)
    store.files.set_available([3, 4], False)
    conn = store.read_conn()
    since = conn.execute("SELECT created_at FROM features WHERE content_id = 'c20'").fetchone()[0]
    trace: list[str] = []
    conn.set_trace_callback(trace.append)
    signature = store.views.signature()
    changed = store.vectors.changed_since(since)
    conn.set_trace_callback(None)
    assert signature == slow(conn)["signature"] == (30, 28, 129.0, None)
    assert sorted(changed) == sorted(
        tuple(r)
        for r in conn.execute(
            "SELECT content_id, extractor FROM features WHERE created_at >= ?", (since,)
        )
    )
    assert len(changed) >= 10
    plan = _plan(conn, trace)
    assert "SCAN" not in plan, plan
    assert "files_media_changed" in plan and "features_created" in plan, plan
    store.close()
