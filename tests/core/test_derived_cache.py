"""Item vectors, their projection and regions are kept on disk and mapped on the next start.

The library (tones, voices, beats, a film) is built by helpers in ``test_history``.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from test_history import T0, copy_library, index_media, open_library, play

from medialens.core.index import IndexSnapshot
from medialens.recommend import build_item_vectors

LATER = T0 + 2 * 3600


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    return index_media(tmp_path_factory.mktemp("derived"))


def shelves(lib):
    return [
        (s.key, s.arg, [(c.file_id, c.why) for c in s.cards])
        for s in lib.recommender.shelves(per_row=6, now=LATER)
    ]


def with_history(indexed, tmp_path):
    lib = copy_library(indexed, tmp_path)
    play(lib, "low0.ogg", "complete", T0)
    play(lib, "high0.ogg", "skip", T0 + 10, 0.2)
    lib.events.record(lib.media / "mid1.ogg", "like", at=T0 + 40)
    lib.events.record(lib.media / "beats0.ogg", "dislike", at=T0 + 50)
    return lib


def reopen(lib):
    data, media = lib.dirs.database.parent, lib.media
    lib.close()
    again = open_library(data)
    again.media = media
    return again


def derived_files(lib):
    return lib.feature_index.derived.root


def test_a_restart_maps_what_the_last_run_built(indexed, tmp_path):
    lib = with_history(indexed, tmp_path)
    first = shelves(lib)
    assert lib.feature_index.derived.builds == 3  # item vectors, projection, regions
    lib = reopen(lib)
    try:
        assert shelves(lib) == first
        assert lib.feature_index.derived.builds == 0
        assert lib.feature_index.rebuilds == 0
        assert isinstance(lib.index.item_vectors().vectors, np.memmap)
    finally:
        lib.close()


def test_cached_vectors_equal_the_ones_built_in_memory(indexed, tmp_path):
    lib = with_history(indexed, tmp_path)
    try:
        shelves(lib)
        snap = lib.index
        items = snap.item_vectors()
        fresh = IndexSnapshot(snap.fingerprint, snap.files, snap.blocks, snap.tags).item_vectors()
        assert fresh.cache is None
        assert np.array_equal(np.asarray(items.vectors), fresh.vectors)
        assert np.array_equal(np.asarray(items.present), fresh.present)
        blocks = {}
        for b, (key, _dim) in enumerate(items.layout):
            block = snap.blocks[key]
            dense = np.zeros((len(items), block.matrix.shape[1]), np.float32)
            at = np.searchsorted(items.file_ids, block.file_ids)
            dense[at] = block.matrix
            blocks[key] = (dense, np.asarray(items.present[:, b]))
        reference, _present = build_item_vectors(blocks)
        assert np.allclose(items.vectors, reference, atol=1e-6)
        model = lib.taste.model()
        cached = lib.taste.candidates(items)
        expected = model.prepare(np.asarray(items.vectors))
        assert isinstance(cached.unit, np.memmap)
        assert np.array_equal(np.asarray(cached.unit), expected.unit)
        assert np.array_equal(np.asarray(cached.norm), expected.norm)
    finally:
        lib.close()


@pytest.mark.parametrize("damage", ["zeroed", "cut", "manifest", "missing"])
def test_a_damaged_entry_is_rebuilt(indexed, tmp_path, damage):
    lib = with_history(indexed, tmp_path)
    first = shelves(lib)
    root = derived_files(lib)
    lib.close()
    manifest = json.loads((root / "items.json").read_text())
    vectors = root / manifest["files"]["vectors"]
    if damage == "zeroed":  # the header stays, every row is zeros
        size = vectors.stat().st_size
        with open(vectors, "r+b") as fh:
            fh.seek(128)
            fh.write(bytes(size - 128))
    elif damage == "cut":
        with open(vectors, "r+b") as fh:
            fh.truncate(vectors.stat().st_size // 2)
    elif damage == "manifest":
        (root / "items.json").write_text("{not json")
    else:
        vectors.unlink()
    lib = open_library(lib.dirs.database.parent)
    lib.media = indexed[0]
    try:
        assert shelves(lib) == first
        assert lib.feature_index.derived.builds >= 1
        assert lib.feature_index.rebuilds == 0  # the feature index itself was fine
    finally:
        lib.close()
    lib = open_library(lib.dirs.database.parent)
    try:
        assert shelves(lib) and lib.feature_index.derived.builds == 0  # and kept again
    finally:
        lib.close()


def test_new_features_give_new_item_vectors(tmp_path):
    lib = with_history(index_media(tmp_path / "own"), tmp_path)  # (its media change)
    try:
        shelves(lib)
        before = lib.index.item_vectors()
        (lib.media / "low0.ogg").unlink()  # a file vanishes: another generation
        lib.scan()
        after = lib.index.item_vectors()
        assert after.key != before.key and len(after) == len(before) - 1
        assert lib.feature_index.derived.builds >= 4
        shelves(lib)
    finally:
        lib.close()


def test_a_first_start_paints_from_sqlite_then_ranks(indexed, tmp_path):
    lib = with_history(indexed, tmp_path)
    root = lib.dirs.cache / "index"
    data = lib.dirs.database.parent
    lib.close()
    shutil.rmtree(root, ignore_errors=True)  # as after an upgrade: no index on disk at all
    lib = open_library(data)
    lib.media = indexed[0]
    try:
        first, complete = lib.recommender.first_shelves(per_row=6, now=LATER)
        assert not complete and lib.feature_index.loads == 0  # nothing waited on the index
        cards = {s.key: s.cards for s in first}
        assert set(cards) == {"for_you"} and len(cards["for_you"]) == 6
        assert all(c.why[0].key.startswith("added_") for c in cards["for_you"])
        disliked = lib.file(lib.media / "beats0.ogg").id
        assert disliked not in {c.file_id for c in cards["for_you"]}
        full = lib.recommender.shelves(per_row=6, now=LATER)
        assert [s.key for s in full][:1] == ["for_you"]
        again, complete = lib.recommender.first_shelves(per_row=6, now=LATER)
        assert complete and [s.key for s in again] == [s.key for s in full]
    finally:
        lib.close()


def mapped_kb(path) -> int | None:
    """This process's resident kB of the mappings of ``path`` (None off Linux)."""
    try:
        lines = open("/proc/self/smaps").read().splitlines()  # noqa: SIM115
    except OSError:
        return None
    total, inside = 0, False
    for line in lines:
        head = line.split()
        if "-" in head[0] and not head[0].endswith(":"):
            inside = line.rstrip().endswith(str(path))
        elif inside and head[0] == "Rss:":
            total += int(head[1])
    return total


def test_a_sample_of_a_mapped_matrix_is_read_without_keeping_its_pages(tmp_path):
    # Rows picked one by one from a memmap each fault in the pages around them: 2,000 rows
    # of 3.4 KB (the item vectors' width at 10^6 files) picked out of 20,000 left most of
    # the 67 MB file resident, and the PCA sample of 10^6 rows 2.1 GB in the window.
    from medialens.core.derived_cache import take

    path = tmp_path / "m.npy"
    m = np.lib.format.open_memmap(path, "w+", np.float32, (20000, 840))
    m[:] = np.arange(20000, dtype=np.float32)[:, None]
    m.flush()
    del m
    m = np.load(path, mmap_mode="r")
    rows = np.sort(np.random.default_rng(0).choice(len(m), 2000, replace=False))
    if mapped_kb(path) is None:
        pytest.skip("no /proc/self/smaps")
    got = take(m, rows, step=4096)
    assert mapped_kb(path) <= 64  # what the last pass left: nothing but a partial page
    assert np.array_equal(got[:, 0], rows.astype(np.float32))
    assert np.array_equal(got, np.asarray(m[rows]))
    assert take(m, rows[:0]).shape == (0, 840)


def test_the_projection_is_fitted_on_the_sample_read_a_pass_at_a_time(tmp_path, monkeypatch):
    from medialens.core import taste

    path = tmp_path / "items.npy"
    x = np.random.default_rng(1).standard_normal((20500, 96)).astype(np.float32)
    np.save(path, x)
    taken = []
    real = taste.take

    def spy(matrix, rows):
        taken.append(len(rows))
        return real(matrix, rows)

    monkeypatch.setattr(taste, "take", spy)

    class Items:
        vectors = np.load(path, mmap_mode="r")
        dim = 96

        def __len__(self) -> int:
            return len(self.vectors)

    model = taste._new_model(Items())  # type: ignore[arg-type]
    assert taken == [20000]
    plain = taste.InterestModel(96)
    plain.fit_projection(x)
    assert model.to_bytes() == plain.to_bytes()  # the same fit as from rows in memory


def test_a_ranking_leaves_no_mapped_vectors_resident(indexed, tmp_path, monkeypatch):
    from medialens.core import recommendations

    monkeypatch.setattr(recommendations, "KEEP_MAPPED_BYTES", 0)  # as if 10^6 files
    lib = with_history(indexed, tmp_path)
    try:
        shelves(lib)
        items = lib.index.item_vectors()
        files = [items.vectors.filename]
        candidates = lib.recommender.taste.candidates(items)
        assert candidates is not None and isinstance(candidates.unit, np.memmap)
        files.append(candidates.unit.filename)
        if mapped_kb(files[0]) is None:
            pytest.skip("no /proc/self/smaps")
        assert [mapped_kb(f) for f in files] == [0, 0]
    finally:
        lib.close()


def test_an_entry_built_later_is_used_at_once_and_published_by_settle(tmp_path):
    from medialens.core.derived_cache import DerivedCache

    cache = DerivedCache(tmp_path / "derived")
    specs = {"m": ("<f4", (100, 4))}
    key = {"items": 1}
    fills = []

    def fill(out):
        fills.append(1)
        out["m"][:] = np.arange(400, dtype=np.float32).reshape(100, 4)

    arrays = cache.build("items", key, specs, fill, later=True)
    assert not arrays["m"].flags.writeable
    assert np.array_equal(arrays["m"], np.arange(400, dtype=np.float32).reshape(100, 4))
    assert cache.build("items", key, specs, fill, later=True) is not None and len(fills) == 1
    cache.settle()
    again = DerivedCache(tmp_path / "derived").get("items", key)
    assert again is not None and np.array_equal(again["m"], arrays["m"])
    assert len(list((tmp_path / "derived").glob("items.*.npy"))) == 1
