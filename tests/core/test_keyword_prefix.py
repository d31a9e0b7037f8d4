"""A typed prefix is asked as the OR of the terms it stands for (``text_terms``), which
FTS5 walks lazily: the same documents as the prefix query, and where a prefix stands for
one term the same bm25 scores and order. The terms table follows every document written
and is filled by its migration from the index's own vocabulary.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from medialens.core.search import EXPAND_TERMS, fts_query
from medialens.store import ResultValues, Store
from medialens.store.migrations import MIGRATIONS

WORDS = (
    "sunset sunsets sunshine night nightly nights piano pianist city cities café Cafe "
    "naïve naive bicycle bike_ride w10 w100 w1000 rain 紧急出口 speech drums"
).split()
QUERIES = (
    "sunset",
    "sunset at night",
    "night rain",
    "caf",
    "café night",
    "naïve",
    "bike",
    "w10",
    "pian city",
    "sun",
    "nothingatall",
    "night nothingatall",
    "出口",
    "ride",
)


def _fill(store: Store, n: int = 400, seed: int = 3) -> None:
    rng = np.random.default_rng(seed)
    for i in range(n):
        body = " ".join(rng.choice(WORDS, int(rng.integers(1, 9))).tolist())
        extractor = ("text", "speech", "vision")[i % 3]
        store.results.save(f"c{i}", extractor, "1", ResultValues({}, body, {}, {}, {}), {}, 0.1)


def _scored(conn: sqlite3.Connection, match: str) -> list[tuple]:
    return conn.execute(
        "SELECT rowid, round(bm25(text_index), 9) FROM text_index WHERE text_index MATCH ? "
        "ORDER BY bm25(text_index), rowid",
        (match,),
    ).fetchall()


def _both(store: Store, query: str, any_word: bool = False) -> tuple[str, str]:
    slow = fts_query(query, any_word)
    fast = fts_query(query, any_word, expand=store.text_index.terms_with_prefix)
    assert slow is not None and fast is not None
    return slow, fast


def _single_terms(store: Store, query: str) -> bool:
    """Whether every prefix of ``query`` stands for at most one term."""
    return all(
        len(store.text_index.terms_with_prefix(w, EXPAND_TERMS) or []) <= 1
        for w in query.lower().split()
    )


def test_an_expanded_prefix_matches_the_documents_the_prefix_does(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    _fill(store)
    conn = store.read_conn()
    checked_scores = 0
    for query in QUERIES:
        for any_word in (False, True):
            slow, fast = _both(store, query, any_word)
            want, got = _scored(conn, slow), _scored(conn, fast)
            assert {r[0] for r in got} == {r[0] for r in want}, (query, slow, fast)
            if _single_terms(store, query):
                assert got == want, (query, slow, fast)
                checked_scores += 1
    assert checked_scores >= 6
    # the fast path does expand the plain words (the test would pass vacuously otherwise)
    assert fts_query("sunset night", expand=store.text_index.terms_with_prefix) == (
        '("sunset" OR "sunsets") AND ("night" OR "nightly" OR "nights")'
    )
    store.close()


def test_keyword_pool_of_an_expanded_query_holds_the_same_documents(tmp_path):
    """Through ``TextIndex.match`` as search runs it: pool and limit larger than the
    matches, so the kept documents are every match, the same as the prefix query's."""
    store = Store(tmp_path / "library.db", daily_backup=False)
    _fill(store, 300, seed=5)
    for query in ("sunset", "night rain", "bike", "café", "pian"):
        slow, fast = _both(store, query)
        want = store.text_index.match(slow, 5000, 5000)
        got = store.text_index.match(fast, 5000, 5000)
        assert {h.rowid for h in got} == {h.rowid for h in want}
        if _single_terms(store, query):
            assert got == want
    store.close()


def test_a_prefix_with_too_many_terms_is_left_to_fts5(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    body = " ".join(f"tag{i}" for i in range(EXPAND_TERMS + 5))
    store.results.save("c1", "text", "1", ResultValues({}, body, {}, {}, {}), {}, 0.1)
    assert store.text_index.terms_with_prefix("tag", EXPAND_TERMS) is None
    assert fts_query("tag", expand=store.text_index.terms_with_prefix) == '"tag"*'
    assert [h.content_id for h in store.text_index.match('"tag"*', 10, 10)] == ["c1"]
    store.close()


def test_a_rewritten_document_adds_its_new_words(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    store.results.save("c1", "text", "1", ResultValues({}, "old words", {}, {}, {}), {}, 0.1)
    store.results.save("c1", "text", "1", ResultValues({}, "Brand NEW Éclair", {}, {}, {}), {}, 0.1)
    expand = store.text_index.terms_with_prefix
    for query in ("brand", "new", "eclair", "brand new"):
        match = fts_query(query, expand=expand)
        assert match is not None
        assert [h.content_id for h in store.text_index.match(match, 10, 10)] == ["c1"], match
    assert expand("ecl", 5) == ["eclair"]  # folded as the index folds it
    store.close()


@pytest.fixture
def older(tmp_path):
    """A library at the schema before the terms table, with documents in it."""
    path = tmp_path / "library.db"
    store = Store(path, daily_backup=False)
    _fill(store, 200, seed=7)
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE text_terms")
    conn.execute("DELETE FROM migrations WHERE version = ?", (MIGRATIONS.index(_m011()) + 1,))
    conn.close()
    return path


def _m011():
    from medialens.store.migrations import m011_text_terms

    return m011_text_terms


def test_the_migration_fills_the_terms_from_the_index_and_keeps_every_document(older):
    conn = sqlite3.connect(older)
    before = conn.execute("SELECT rowid, content_id, extractor, body FROM text_index").fetchall()
    conn.close()
    store = Store(older, daily_backup=False)
    c = store.read_conn()
    c.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'text_index', 'row')")
    terms = [r[0] for r in c.execute("SELECT term FROM text_terms ORDER BY term")]
    assert terms == [r[0] for r in c.execute("SELECT term FROM temp.v ORDER BY term")]
    assert "sunsets" in terms and "cafe" in terms and "出" in terms
    after = c.execute("SELECT rowid, content_id, extractor, body FROM text_index").fetchall()
    assert [tuple(r) for r in after] == before
    for query in QUERIES:
        slow, fast = _both(store, query)
        assert {r[0] for r in _scored(c, fast)} == {r[0] for r in _scored(c, slow)}
    store.close()
