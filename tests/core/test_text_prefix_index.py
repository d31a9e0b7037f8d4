"""The full-text index keeps prefix doclists for 3, 4 and 5 characters (m012), so search asks
a typed prefix of those lengths as the prefix itself: one list read, and the same documents
and bm25 scores as today's prefix query, however many terms the prefix stands for.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from medialens.core.search import fts_query
from medialens.store import ResultValues, Store
from medialens.store.migrations import MIGRATIONS, m012_text_prefix_index
from medialens.store.text_index import PREFIXES, TOKENIZER

WORDS = (
    "sunset sunsets sunshine night nightly nights piano pianist city cities café Cafe "
    "naïve bicycle w10 w100 w1000 w101 w102 w103 w104 w105 w106 w107 w108 w109 w11 w110 "
    "w111 w112 w113 w114 w115 w116 w117 w118 w119 rain 紧急出口 speech"
).split()
QUERIES = (
    "w1",
    "w11",
    "w10 night",
    "sun",
    "sun nigh",
    "pia city",
    "caf",
    "naïv",
    "w10 w11",
    "出口",
)


def _fill(store: Store, n: int = 300, seed: int = 3) -> None:
    rng = np.random.default_rng(seed)
    for i in range(n):
        body = " ".join(rng.choice(WORDS, int(rng.integers(1, 9))).tolist())
        store.results.save(f"c{i}", "text", "1", ResultValues({}, body, {}, {}, {}), {}, 0.1)


def _scored(conn: sqlite3.Connection, match: str) -> list[tuple]:
    return conn.execute(
        "SELECT rowid, bm25(text_index) FROM text_index WHERE text_index MATCH ? "
        "ORDER BY bm25(text_index), rowid",
        (match,),
    ).fetchall()


def _prefix_queries(query: str) -> list[str]:
    prefix = fts_query(query)  # every word a prefix, as search asked before text_terms
    assert prefix is not None
    return [prefix, fts_query(query, any_word=True) or ""]


def _as_before_m012(path) -> None:
    """Put back the index as it was declared before m012 (no prefix doclists)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute(
        "CREATE VIRTUAL TABLE old USING fts5(content_id UNINDEXED, extractor UNINDEXED, "
        f"body, tokenize = '{TOKENIZER}')"
    )
    conn.execute(
        "INSERT INTO old (rowid, content_id, extractor, body) SELECT rowid, * FROM text_index"
    )
    conn.execute("DROP TABLE text_index")
    conn.execute("ALTER TABLE old RENAME TO text_index")
    version = MIGRATIONS.index(m012_text_prefix_index) + 1
    conn.execute("DELETE FROM migrations WHERE version = ?", (version,))
    conn.execute("COMMIT")
    conn.close()


def _declared(conn: sqlite3.Connection) -> str:
    return conn.execute("SELECT sql FROM sqlite_master WHERE name = 'text_index'").fetchone()[0]


def test_the_migration_keeps_every_document_rowid_and_score(tmp_path):
    path = tmp_path / "library.db"
    store = Store(path, daily_backup=False)
    _fill(store)
    store.close()
    _as_before_m012(path)
    conn = sqlite3.connect(path)
    assert "prefix" not in _declared(conn)
    documents = conn.execute("SELECT rowid, * FROM text_index ORDER BY rowid").fetchall()
    scores = {q: [_scored(conn, m) for m in _prefix_queries(q)] for q in QUERIES}
    conn.close()

    store = Store(path, daily_backup=False)
    conn = store.read_conn()
    assert f"prefix = '{' '.join(map(str, PREFIXES))}'" in _declared(conn)
    after = conn.execute("SELECT rowid, * FROM text_index ORDER BY rowid").fetchall()
    assert [tuple(r) for r in after] == documents
    for query, want in scores.items():
        got = [[tuple(r) for r in _scored(conn, m)] for m in _prefix_queries(query)]
        assert got == want, query
    # the rowid map still finds each document: a rewrite replaces it, leaves no second copy
    store.results.save("c0", "text", "1", ResultValues({}, "w10 sunset", {}, {}, {}), {}, 0.1)
    assert "c0" in {h.content_id for h in store.text_index.match('"w10"', 1000, 1000)}
    assert conn.execute("SELECT count(*) FROM text_index").fetchone()[0] == len(documents)
    store.close()


def test_an_interrupted_migration_leaves_the_old_index(tmp_path):
    """Each migration runs in one transaction: rolled back, the index is as it was."""
    path = tmp_path / "library.db"
    store = Store(path, daily_backup=False)
    _fill(store, 50)
    store.close()
    _as_before_m012(path)
    conn = sqlite3.connect(path, isolation_level=None)
    before = conn.execute("SELECT rowid, * FROM text_index ORDER BY rowid").fetchall()
    conn.execute("BEGIN IMMEDIATE")
    m012_text_prefix_index(conn)
    conn.execute("ROLLBACK")
    assert "prefix" not in _declared(conn)
    assert conn.execute("SELECT rowid, * FROM text_index ORDER BY rowid").fetchall() == before
    conn.close()
    store = Store(path, daily_backup=False)  # and the next open runs it to the end
    assert "prefix" in _declared(store.read_conn())
    store.close()


def test_search_asks_a_prefix_of_an_indexed_length_as_the_prefix(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    _fill(store)
    expand = store.text_index.terms_with_prefix
    # "w11" stands for 10 terms: without the prefix doclists it would be their OR
    assert fts_query("w11", expand=expand).startswith('("w11" OR')
    assert fts_query("w11 sunset", expand=expand, indexed=PREFIXES) == (
        '"w11"* AND ("sunset" OR "sunsets")'
    )
    # and ranks as the prefix query did: the same documents, scores and order
    for query in QUERIES:
        for any_word in (False, True):
            got = fts_query(query, any_word, expand=expand, indexed=PREFIXES)
            want = fts_query(query, any_word)
            assert got is not None and want is not None
            assert store.text_index.match(got, 2000, 50) == store.text_index.match(want, 2000, 50)
    store.close()
