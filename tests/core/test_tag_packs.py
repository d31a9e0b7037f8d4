"""Tags packed beside their JSON (m014): a cold rebuild of the index picks the same top
tags from the packs as from the JSON, an older library migrates with its data and its
playback history as they were, and a tag change made without its pack falls back to JSON.
"""

from __future__ import annotations

import json
import shutil
import sqlite3

import numpy as np
from test_index import indexed_library

from medialens.core.index import _TagIds, _top_tags
from medialens.core.library import Library
from medialens.paths import data_dirs
from medialens.store import ResultValues, Store
from medialens.store.migrations import MIGRATIONS, m014_tag_packs
from medialens.store.vectors import TAG_PACK, name_tags, tag_pack

WORDS = [f"tag {i}" for i in range(40)] + ["音乐", "rock & roll", ""]


def _random_tags(rng: np.random.Generator) -> dict[str, float]:
    n = int(rng.integers(0, 20))
    names = rng.choice(len(WORDS), n, replace=False).tolist()
    # few distinct scores: ties, kept in their stored order
    return {WORDS[i]: float(rng.choice([0.1, 0.25, 0.5, 0.9, 1.0, 3.0])) for i in names}


def test_packs_pick_the_top_tags_json_picks(tmp_path):
    rng = np.random.default_rng(5)
    rows = [_random_tags(rng) for _ in range(600)]
    texts = [json.dumps(t) for t in rows if t]
    store = Store(tmp_path / "library.db", daily_backup=False)
    with store.write() as conn:
        known: dict[str, int] = {}
        packs = [tag_pack(name_tags(conn, list(t), known), list(t.values())) for t in rows if t]
    vocabulary: list[str] = []
    want = _top_tags(texts, vocabulary)
    for drop in (0.0, 0.3, 1.0):  # every row packed, some as JSON only, none packed
        mixed = [None if rng.random() < drop else p for p in packs]
        got_vocabulary: list[str] = []
        names = _TagIds(store.vectors.tag_names)
        got = _top_tags(texts, got_vocabulary, mixed, names)
        assert got_vocabulary == vocabulary
        assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
    store.close()


def test_a_pack_naming_a_tag_added_since_the_names_were_read(tmp_path):
    store = Store(tmp_path / "library.db", daily_backup=False)
    names = _TagIds(store.vectors.tag_names)  # read while no tag exists yet
    store.results.save("c1", "x", "1", ResultValues({"late": 0.5}, None, {}, {}, {}), {}, 0.1)
    pack = store.read_conn().execute("SELECT tag_pack FROM features").fetchone()[0]
    vocabulary: list[str] = []
    ids, scores = _top_tags([None], vocabulary, [pack], names)
    assert vocabulary == ["late"] and ids[0, 0] == 0 and scores[0, 0] == np.float32(0.5)
    store.close()


def _tagged_library(data_dir, tmp_path):
    lib, _ = indexed_library(data_dir, tmp_path, files=4)
    rng = np.random.default_rng(1)
    cids = sorted(
        r[0] for r in lib.store.query("SELECT content_id FROM files WHERE status = 'media'")
    )
    for cid in cids:
        for extractor in ("tagger", "other"):
            values = ResultValues(_random_tags(rng), None, {}, {}, {})
            lib.store.results.save(cid, extractor, "1", values, {}, 0.1)
    file_id = lib.store.query("SELECT min(id) FROM files")[0][0]
    lib.events.record(file_id, "complete")
    lib.events.record(file_id, "like")
    return lib, cids


def _as_before_m014(path) -> None:
    """Put the library back as the code before m014 wrote it: tags as JSON only (and the
    later migrations undone too)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER features_tag_pack_stale")
    conn.execute("ALTER TABLE features DROP COLUMN tag_pack")
    conn.execute("DROP TABLE tag_names")
    conn.execute("DROP INDEX vectors_block")  # m015
    conn.execute("CREATE INDEX vectors_name ON vectors(extractor, name)")
    version = MIGRATIONS.index(m014_tag_packs) + 1
    conn.execute("DELETE FROM migrations WHERE version >= ?", (version,))
    conn.execute("COMMIT")
    conn.close()


def _rows(conn, sql):
    return [tuple(r) for r in conn.execute(sql).fetchall()]


def test_an_older_library_migrates_keeping_its_data_and_history(data_dir, tmp_path):
    lib, cids = _tagged_library(data_dir, tmp_path)
    index_tags = {cid: lib.index.tags_of(cid) for cid in cids}
    path = lib.store.path
    lib.close()
    _as_before_m014(path)
    conn = sqlite3.connect(path)
    features = _rows(conn, "SELECT * FROM features ORDER BY rowid")
    events = _rows(conn, "SELECT * FROM events ORDER BY id")
    assert len(events) == 2
    conn.close()

    store = Store(path, daily_backup=False)
    assert store.schema_version == len(MIGRATIONS)
    assert [b.kind for b in store.backups.all()] == [f"before-v{len(MIGRATIONS)}"]
    conn = store.read_conn()
    columns = "content_id, extractor, version, created_at, seconds, tags, text, scalars, data"
    assert _rows(conn, f"SELECT {columns} FROM features ORDER BY rowid") == features
    assert _rows(conn, "SELECT * FROM events ORDER BY id") == events
    names = store.vectors.tag_names()
    for tags, pack in conn.execute("SELECT tags, tag_pack FROM features"):
        if tags is None:
            assert pack is None
            continue
        records = np.frombuffer(pack, TAG_PACK)
        unpacked = {
            names[int(i)]: float(s) for i, s in zip(records["id"], records["score"], strict=True)
        }
        assert list(unpacked.items()) == list(json.loads(tags).items())
    store.close()

    shutil.rmtree(data_dirs(data_dir).cache, ignore_errors=True)  # a cold rebuild, from packs
    with Library(data_dirs(data_dir), entry_points=False, builtins=False) as lib:
        assert lib.feature_index.refresh().tags.keys() >= {"tagger", "other"}
        assert {cid: lib.index.tags_of(cid) for cid in cids} == index_tags


def test_a_tag_change_without_its_pack_is_read_from_json(data_dir, tmp_path):
    lib, cids = _tagged_library(data_dir, tmp_path)
    with lib.store.write() as conn:
        conn.execute(
            "UPDATE features SET tags = ? WHERE content_id = ? AND extractor = 'tagger'",
            (json.dumps({"changed": 2.0}), cids[0]),
        )
    pack = lib.store.query_one(
        "SELECT tag_pack FROM features WHERE content_id = ? AND extractor = 'tagger'", (cids[0],)
    )
    assert pack[0] is None  # cleared by the trigger: the JSON is what the index reads
    lib.close()
    shutil.rmtree(data_dirs(data_dir).cache, ignore_errors=True)
    with Library(data_dirs(data_dir), entry_points=False, builtins=False) as lib:
        assert lib.index.tags_of(cids[0])["changed"] == (2.0, "tagger")
        # written again by the store, the row has its pack back
        values = ResultValues({"again": 1.0}, None, {}, {}, {})
        lib.store.results.save(cids[0], "tagger", "2", values, {}, 0.1)
        row = lib.store.query_one(
            "SELECT tag_pack FROM features WHERE content_id = ? AND extractor = 'tagger'",
            (cids[0],),
        )
        assert row[0] is not None and len(row[0]) == TAG_PACK.itemsize


def test_an_interrupted_migration_leaves_the_json_only(data_dir, tmp_path):
    lib, _ = _tagged_library(data_dir, tmp_path)
    path = lib.store.path
    lib.close()
    _as_before_m014(path)
    conn = sqlite3.connect(path, isolation_level=None)
    before = _rows(conn, "SELECT * FROM features ORDER BY rowid")
    conn.execute("BEGIN IMMEDIATE")
    m014_tag_packs(conn)
    conn.execute("ROLLBACK")
    assert _rows(conn, "SELECT * FROM features ORDER BY rowid") == before
    conn.close()
    store = Store(path, daily_backup=False)  # and the next open runs it to the end
    assert store.read_conn().execute("SELECT count(tag_pack) FROM features").fetchone()[0] > 0
    store.close()
