"""bm25 scored from the pool's bodies and each term's documents as ``text_terms`` keeps
them, never by FTS5's bm25() (which counts every phrase's documents anew on each query):
the same pool, order and scores as FTS5's own for plain words, through writes, replaced and
removed documents, floored idfs, OR groups and bodies outside ASCII; prefixes within the
estimate of their documents; anything else left to FTS5.
"""

from __future__ import annotations

import numpy as np
import pytest

from medialens.core.search import fts_query
from medialens.store import ResultValues, Store
from medialens.store import text_index as text_index_module
from medialens.store.migrations import m016_term_documents
from medialens.store.text_index import PREFIXES, plain_phrases, prefix_documents

WORDS = (
    "sunset sunset sunset sunsets night nights nightly piano pianist city cities rain "
    "forest ocean drums w1 w10 w100 w12 w13 w123 calm loud street streets"
).split()
QUERIES = (
    "sunset",
    "sunset at night",
    "night",
    "nigh rai",
    "pia",
    "w1 w12",
    "w12 w13",
    "ocean drums",
    "street city rain",
    "calm loud forest",
    "nothingatall",
    "sunset nothingatall",
    "w1",
)


@pytest.fixture(autouse=True)
def scored_here(monkeypatch):
    """Every plain query scored here, however short its doclists."""
    monkeypatch.setattr(text_index_module, "COUNTED_PER_BODY", 0)


def _fill(store: Store, n: int, seed: int, start: int = 0, accents: bool = False) -> None:
    rng = np.random.default_rng(seed)
    for i in range(start, start + n):
        body = " ".join(rng.choice(WORDS, int(rng.integers(1, 12))).tolist())
        if i % 7 == 0:
            body = body.title()  # the tokenizer folds case
        if accents and i % 5 == 0:
            body += " Café niño-über straße"
        extractor = ("text", "speech", "vision")[i % 3]
        store.results.save(f"c{i}", extractor, "1", ResultValues({}, body, {}, {}, {}), {}, 0.1)


def _fts5(store, match, pool, limit, excluded=()):
    db = store.read_conn()
    return store.text_index._fts5_scored(db, match, pool, limit, excluded)


PLAIN = (
    '"night"',
    '"w1" AND "w12"',
    '"ocean" AND "drums"',
    '"street" AND "city" AND "rain"',
    '"calm" OR "loud" OR "forest"',
    '"sunset" AND ("night" OR "nights")',
    '"w1" AND "w1"',
)


def _matches(store, prefixes=True):
    if not prefixes:
        yield from PLAIN
    for query in QUERIES:
        for any_word in (False, True):
            match = fts_query(
                query, any_word, expand=store.text_index.terms_with_prefix, indexed=PREFIXES
            )
            if match is not None and (prefixes or "*" not in match):
                yield match


def _same(ours, theirs, exact=True):
    assert [m.rowid for m in ours] == [m.rowid for m in theirs]
    assert [(m.content_id, m.extractor) for m in ours] == [
        (m.content_id, m.extractor) for m in theirs
    ]
    if exact:
        assert [m.rank for m in ours] == [m.rank for m in theirs]
    else:
        assert np.allclose([m.rank for m in ours], [m.rank for m in theirs], rtol=0.02)


def _docs(store):
    conn = store.read_conn()
    kept = dict(conn.execute("SELECT term, docs FROM text_terms WHERE docs > 0").fetchall())
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, 'text_index', 'row')"
    )
    return kept, dict(conn.execute("SELECT term, doc FROM temp.v").fetchall())


def test_scores_of_plain_words_are_fts5s_to_the_last_bit(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    _fill(store, 600, seed=1)
    plain = list(_matches(store, prefixes=False))
    assert len(plain) > 8
    for match in plain:
        assert plain_phrases(match) is not None
        for pool, limit in ((2000, 60), (50, 10)):
            _same(store.text_index.match(match, pool, limit), _fts5(store, match, pool, limit))
    store.close()


def test_prefixes_rank_within_their_estimated_documents(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    _fill(store, 600, seed=7)
    overlaps = []
    for match in _matches(store):
        ours, theirs = store.text_index.match(match, 2000, 60), _fts5(store, match, 2000, 60)
        assert {m.rowid for m in ours} <= {m.rowid for m in _fts5(store, match, 2000, 2000)}
        top = {m.rowid for m in theirs[:20]}
        if top:
            overlaps.append(len(top & {m.rowid for m in ours[:20]}) / len(top))
    assert min(overlaps) >= 0.9 and np.mean(overlaps) >= 0.97, overlaps
    store.close()


def test_term_documents_follow_every_write(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    _fill(store, 200, seed=2)
    _fill(store, 300, seed=3, start=100)  # replaces 100 documents, adds 200
    for i in range(0, 400, 9):  # documents removed (a result without text)
        store.results.save(f"c{i}", ("text", "speech", "vision")[i % 3], "2",
                           ResultValues({}, None, {}, {}, {}), {}, 0.1)  # fmt: skip
    _fill(store, 50, seed=3, start=100)  # stored again unchanged
    kept, counted = _docs(store)
    assert kept == counted
    for match in _matches(store, prefixes=False):
        _same(store.text_index.match(match, 2000, 60), _fts5(store, match, 2000, 60))
    store.close()


def test_the_migration_counts_every_term(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    _fill(store, 300, seed=4, accents=True)
    with store.write() as w:
        w.execute("UPDATE text_terms SET docs = 0")
        m016_term_documents(w)
    kept, counted = _docs(store)
    assert kept == counted and "straße" in kept
    store.close()


def test_bodies_outside_ascii_are_read_as_the_tokenizer_reads_them(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    _fill(store, 300, seed=5, accents=True)
    for match in ('"cafe"', '"sunset" AND "nino"', '"stra"*', '"uber" OR "night"', '"sunset"'):
        _same(store.text_index.match(match, 2000, 60), _fts5(store, match, 2000, 60),
              exact="*" not in match)  # fmt: skip
    excluded = ("speech",)
    for match in ('"sunset" AND "night"', '"cafe" OR "rain"'):
        _same(store.text_index.match(match, 2000, 60, excluded),
              _fts5(store, match, 2000, 60, excluded))  # fmt: skip
    store.close()


def test_a_phrase_in_most_documents_has_the_floored_idf(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    for i in range(50):
        body = "sunset " + ("night" if i % 4 == 0 else "rain") + " sunset" * (i % 3)
        store.results.save(f"c{i}", "text", "1", ResultValues({}, body, {}, {}, {}), {}, 0.1)
    for match in ('"sunset"', '"sunset" AND "night"', '"sunset" OR "rain"', '"sunset" AND "zz"'):
        _same(store.text_index.match(match, 2000, 60), _fts5(store, match, 2000, 60))
    store.close()


def test_other_queries_are_left_to_fts5(tmp_path, monkeypatch):
    store = Store(tmp_path / "library.db", daily_backup=False)
    store.results.save(
        "x", "text", "1", ResultValues({}, "紧 急 出 口 sunset", {}, {}, {}), {}, 0.1
    )
    calls = []
    monkeypatch.setattr(text_index_module.TextIndex, "_scored", lambda *a: calls.append(a))
    assert [m.content_id for m in store.text_index.match('"紧 急"', 2000, 60)] == ["x"]
    assert not calls
    store.close()


def test_short_doclists_are_left_to_fts5(tmp_path, monkeypatch):
    monkeypatch.setattr(text_index_module, "COUNTED_PER_BODY", 160)
    store = Store(tmp_path / "library.db", daily_backup=False)
    _fill(store, 300, seed=6)
    scored = []
    real = text_index_module.TextIndex._scored
    monkeypatch.setattr(
        text_index_module.TextIndex,
        "_scored",
        lambda *a: scored.append(real(*a)) or scored[-1],
    )
    match = '"sunset" AND "night"'
    _same(store.text_index.match(match, 2000, 60), _fts5(store, match, 2000, 60))
    assert scored == [None]  # 300 documents: FTS5 counts them sooner
    store.close()


def test_only_plain_phrases_are_scored_here():
    assert plain_phrases('"sunset" AND ("night" OR "nights")') == [
        ("sunset", False),
        ("night", False),
        ("nights", False),
    ]
    assert plain_phrases('"w1"* OR "rain"') == [("w1", True), ("rain", False)]
    assert plain_phrases('"café"*') is None  # the tokenizer folds it
    assert plain_phrases('"紧 急"') is None
    assert plain_phrases('"a" NOT "b"') is None
    assert plain_phrases("") is None


@pytest.mark.parametrize(
    ("docs", "low", "high"), [([10], 10, 10), ([10, 20], 20, 30), ([900, 900], 900, 1000)]
)
def test_a_prefix_holds_between_its_largest_term_and_their_sum(docs, low, high):
    assert low <= prefix_documents(1000, docs) <= high
    assert prefix_documents(1000, []) == 0.0
