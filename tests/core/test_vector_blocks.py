"""The blocks of vectors a cold rebuild reads are found by seeks of ``vectors_block``
(m015), with the same names and modality as a grouped read of every row."""

from __future__ import annotations

import sqlite3

import numpy as np

from medialens.store import ResultValues, Store
from medialens.store.migrations import MIGRATIONS, m015_vector_block_index

GROUPED = "SELECT extractor, name, max(modality) FROM vectors GROUP BY extractor, name"


def _fill(store: Store) -> None:
    vec = np.ones(4, np.float32)
    for i in range(30):
        for extractor, names in (("b", ("x", "y", "xa")), ("a", ("z",)), ("ab", ("", "x"))):
            values = ResultValues({}, None, {}, {}, {n: vec for n in names})
            modality = "text" if i % 7 else "visual"  # one block with two modalities
            store.results.save(f"c{i}", extractor, "1", values, {"x": modality}, 0.1)


def test_block_names_are_the_grouped_read(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    assert store.vectors.block_names() == []
    _fill(store)
    want = [tuple(r) for r in store.query(GROUPED)]
    assert len(want) == 6 and store.vectors.block_names() == want
    store.close()


def test_an_older_library_gets_the_index_in_place_of_vectors_name(tmp_path):
    path = tmp_path / "library.db"
    store = Store(path, daily_backup=False)
    _fill(store)
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP INDEX vectors_block")
    conn.execute("CREATE INDEX vectors_name ON vectors(extractor, name)")
    version = MIGRATIONS.index(m015_vector_block_index) + 1
    conn.execute("DELETE FROM migrations WHERE version = ?", (version,))
    before = conn.execute("SELECT * FROM vectors ORDER BY rowid").fetchall()
    conn.close()
    store = Store(path, daily_backup=False)
    indexes = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "vectors_block" in indexes and "vectors_name" not in indexes
    assert [tuple(r) for r in store.query("SELECT * FROM vectors ORDER BY rowid")] == before
    assert store.vectors.block_names() == [tuple(r) for r in store.query(GROUPED)]
    store.close()
