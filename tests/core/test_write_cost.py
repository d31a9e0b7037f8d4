"""What a write and a status read cost does not grow with the library: shown on the
statements SQLite runs and their query plans, not on timings.

Every statement that stores a file's result (the FTS document, the classifier's reads)
must find its rows on a key; the old ``DELETE FROM text_index WHERE content_id = ?``
scanned the whole index. The migration that brought the rowid map keeps every document
and every search result.
"""

from __future__ import annotations

import sqlite3
import time

import numpy as np
import pytest

from medialens.api import ExtractionResult, TextOutput, VectorOutput
from medialens.core.features import store_result
from medialens.core.kinds import Classifier
from medialens.store import ResultValues, Store
from medialens.store.migrations import MIGRATIONS
from medialens.store.text_index import indexable


class Declared:
    def __init__(self, name: str, outputs: tuple) -> None:
        self.name, self.version, self.outputs = name, "1", outputs


def plans(conn: sqlite3.Connection, statements: list[str]) -> list[tuple[str, str]]:
    """(statement, its query plan's details joined) for each traced statement."""
    out = []
    for sql in statements:
        if sql.lstrip().startswith("--"):  # a trigger's body, traced as a comment
            continue
        head = sql.lstrip().split(None, 1)[0].upper()
        if head in ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA"):
            continue
        rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        out.append((sql, " | ".join(str(r[3]) for r in rows)))
    return out


def add_file(store: Store, i: int) -> None:
    with store.write() as conn:
        conn.execute(
            "INSERT INTO files (id, path, display_path, content_id, size, mtime_ns, status, "
            "kind, duration, available, added_at, changed_at) "
            "VALUES (?, ?, ?, ?, 1, 1, 'media', 'audio', 60.0, 1, 0, 0)",
            (i, f"/m/{i}".encode(), f"/m/{i}", f"c{i}"),
        )


def test_storing_a_result_finds_every_row_on_a_key(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    for i in range(1, 4):
        add_file(store, i)
    text = Declared("text", (TextOutput(), VectorOutput("bow", 4, "text")))
    result = ExtractionResult(text="紧急出口 exit", vectors={"bow": np.ones(4, np.float32)})
    statements: list[str] = []
    conn = store._writer
    for round_ in range(2):  # the first store, then a re-extraction that replaces it
        conn.set_trace_callback(statements.append if round_ else None)
        with store.write() as w:
            store_result(store, "c2", text, result, 0.1, w)
            Classifier().update(store, "c2", conn=w)
    conn.set_trace_callback(None)
    checked = plans(conn, statements)
    assert any("text_index" in sql for sql, _plan in checked)
    for sql, plan in checked:
        # the scratch table that reads a document's words holds that one document only
        scratch = "temp.text_scratch" in sql
        assert "SCAN" not in plan or "VIRTUAL TABLE INDEX 0:=" in plan or scratch, (sql, plan)
        assert "files_status" not in plan, (sql, plan)  # the classifier's file, on its key
        if "text_index" in sql and not sql.lstrip().upper().startswith("INSERT"):
            assert "rowid = " in sql, sql  # never by the UNINDEXED content_id
    # one document for the key, with the new text, found by search
    c = store.read_conn()
    assert c.execute("SELECT count(*) FROM text_index").fetchone()[0] == 1
    assert c.execute("SELECT count(*) FROM text_docs").fetchone()[0] == 1
    store.close()


def test_a_result_without_text_drops_its_document(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    with_text = ResultValues({}, "hello world", {}, {}, {})
    store.results.save("c1", "x", "1", with_text, {}, 0.1)
    store.results.save("c2", "x", "1", with_text, {}, 0.1)
    store.results.save("c1", "x", "2", ResultValues({}, "goodbye", {}, {}, {}), {}, 0.1)
    hits = store.text_index.match("goodbye", 10, 10)
    assert [(h.content_id, h.extractor) for h in hits] == [("c1", "x")]
    assert {h.content_id for h in store.text_index.match("hello", 10, 10)} == {"c2"}
    store.results.save("c1", "x", "3", ResultValues({}, None, {}, {}, {}), {}, 0.1)
    assert store.text_index.match("goodbye", 10, 10) == []
    c = store.read_conn()
    assert [tuple(r) for r in c.execute("SELECT content_id FROM text_docs")] == [("c2",)]
    store.close()


def _schema_7(path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at REAL)"
    )
    for version, migration in enumerate(MIGRATIONS[:7], start=1):
        migration(conn)
        conn.execute("INSERT INTO migrations VALUES (?, ?, 0)", (version, migration.__name__))
    return conn


QUERIES = ("exit", "出 口", "river OR night", "album*", "lost")


def _search(conn: sqlite3.Connection) -> list[list[tuple]]:
    return [
        [
            tuple(r)
            for r in conn.execute(
                "SELECT rowid, content_id, extractor, round(bm25(text_index), 9) FROM text_index "
                "WHERE text_index MATCH ? ORDER BY bm25(text_index), rowid",
                (q,),
            )
        ]
        for q in QUERIES
    ]


def _old_library(path, duplicate: bool = False) -> None:
    conn = _schema_7(path)
    bodies = ["紧急出口 exit", "river night album one", "the lost river", "album two exit"]
    for i in range(200):
        for extractor in ("text", "description"):
            conn.execute(
                "INSERT INTO text_index (content_id, extractor, body) VALUES (?, ?, ?)",
                (f"c{i}", extractor, indexable(f"{bodies[i % 4]} {i}")),
            )
    if duplicate:  # a second document for one key, as an interrupted old write could leave
        conn.execute(
            "INSERT INTO text_index (content_id, extractor, body) VALUES ('c9', 'text', 'stale')"
        )
    conn.close()


def river(store: Store) -> list:
    return store.text_index.match("river", 500, 500)


def test_the_rowid_map_migration_keeps_every_document_and_search_result(tmp_path):
    path = tmp_path / "library.db"
    _old_library(path)
    conn = sqlite3.connect(path)
    before = _search(conn)
    conn.close()
    store = Store(path, daily_backup=False)
    c = store.read_conn()
    assert store.schema_version == len(MIGRATIONS)
    docs = {
        (r[0], r[1]): r[2] for r in c.execute("SELECT content_id, extractor, doc FROM text_docs")
    }
    index = {
        (r[1], r[2]): r[0] for r in c.execute("SELECT rowid, content_id, extractor FROM text_index")
    }
    assert docs == index and len(docs) == 400
    assert _search(c) == before and all(before)  # same documents, same ranks, same order
    # and the map is used from then on: a re-extraction replaces the one document
    store.results.save("c1", "text", "2", ResultValues({}, "brand new words", {}, {}, {}), {}, 1)
    assert c.execute("SELECT count(*) FROM text_index").fetchone()[0] == 400
    assert [h.content_id for h in store.text_index.match("brand", 10, 10)] == ["c1"]
    assert ("c1", "text") not in {(h.content_id, h.extractor) for h in river(store)}
    store.close()


def test_the_migration_keeps_the_newest_of_two_documents_for_one_key(tmp_path):
    path = tmp_path / "library.db"
    _old_library(path, duplicate=True)
    store = Store(path, daily_backup=False)
    c = store.read_conn()
    assert c.execute("SELECT count(*) FROM text_index").fetchone()[0] == 400
    assert [h.content_id for h in store.text_index.match("stale", 10, 10)] == ["c9"]
    assert ("c9", "text") not in {(h.content_id, h.extractor) for h in river(store)}
    store.close()


def test_the_migration_reads_the_index_once_at_many_documents(tmp_path):
    """20,000 documents migrate in one pass (a count and a grouped insert), in well under
    a second of CPU: at 10^6 it is seconds, not the hours a per-row loop would take."""
    path = tmp_path / "library.db"
    conn = _schema_7(path)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO text_index (content_id, extractor, body) VALUES (?, 'text', ?)",
        [(f"c{i}", f"song number {i}") for i in range(20_000)],
    )
    conn.execute("COMMIT")
    conn.close()
    started = time.process_time()
    store = Store(path, daily_backup=False)
    took = time.process_time() - started
    assert store.read_conn().execute("SELECT count(*) FROM text_docs").fetchone()[0] == 20_000
    store.close()
    assert took < 5.0


@pytest.mark.parametrize(
    "method", ["failure_count", "failed_file_count", "done_counts", "failed_counts"]
)
def test_failure_counts_are_read_from_the_counters(tmp_path, method):
    """Read from the work counters (``store.counters``) on their key, never by walking the
    files or the failures (which grows with the library, or with what failed)."""
    store = Store(tmp_path / "library.db", daily_backup=False)
    for i in range(1, 6):
        add_file(store, i)
    store.results.save_failure("c2", "x", "1", "boom")
    statements: list[str] = []
    conn = store.read_conn()
    conn.set_trace_callback(statements.append)
    assert getattr(store.extraction, method)() in (1, {("x", "1"): 1}, {})
    conn.set_trace_callback(None)
    for sql, plan in plans(conn, statements):
        assert "SEARCH" in plan and "SCAN" not in plan, (sql, plan)
        assert " FROM file_counts " in sql or " FROM content_counts " in sql, sql
        assert "FROM files" not in sql and "FROM failures" not in sql, sql
    store.close()


def test_the_activity_list_walks_the_newest_failures_and_stops(tmp_path):
    """The list's statement reads the failures newest first on an index, with no sort of
    them all, so listing 200 of a million failures costs what listing 200 of 300 does."""
    store = Store(tmp_path / "library.db", daily_backup=False)
    for i in range(1, 6):
        add_file(store, i)
        store.results.save_failure(f"c{i}", "x", "1", f"boom {i}")
    statements: list[str] = []
    conn = store.read_conn()
    conn.set_trace_callback(statements.append)
    listed = store.extraction.failures(3)
    conn.set_trace_callback(None)
    assert [f.file_id for f in listed] == [5, 4, 3]
    [(_sql, plan)] = [p for p in plans(conn, statements) if "FROM failures" in p[0]]
    assert "SCAN x USING INDEX failures_at" in plan and "TEMP B-TREE" not in plan, plan
    store.close()


def test_the_keyword_pool_ranks_as_one_query_reading_every_column_would(tmp_path):
    """match() scores rowids only and reads the kept documents' columns after: the same
    documents, scores and order as scoring with the columns, excluded extractors or not."""
    store = Store(tmp_path / "library.db", daily_backup=False)
    rng = np.random.default_rng(4)
    words = "river stone night rain city forest piano".split()
    for i in range(300):
        body = " ".join(rng.choice(words, int(rng.integers(2, 12))).tolist())
        extractor = ("text", "speech", "vision")[i % 3]
        store.results.save(f"c{i}", extractor, "1", ResultValues({}, body, {}, {}, {}), {}, 0.1)
    c = store.read_conn()
    for query, pool, limit, excluded in [
        ('"river"* "night"*', 2000, 20, ()),
        ('"rain"*', 50, 10, ()),
        ('"rain"* "city"*', 2000, 15, ("speech",)),
        ('"nothing"*', 2000, 10, ()),
    ]:
        only = f"AND extractor NOT IN ({','.join('?' * len(excluded))}) " if excluded else ""
        want = c.execute(
            "SELECT rowid, content_id, extractor, s FROM (SELECT rowid, content_id, extractor, "
            f"bm25(text_index) AS s FROM text_index WHERE text_index MATCH ? {only}LIMIT ?) "
            "ORDER BY s, rowid LIMIT ?",
            (query, *excluded, pool, limit),
        ).fetchall()
        got = store.text_index.match(query, pool, limit, excluded)
        assert [tuple(h) for h in got] == [tuple(r) for r in want]
        assert not any(h.extractor in excluded for h in got)
