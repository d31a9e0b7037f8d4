"""The in-memory index follows the library: new extractions, new versions, vanished files."""

from __future__ import annotations

import json

import numpy as np
from mediagen import make_tone
from test_pipeline import Plugin

from medialens.api import ExtractionResult, TagsOutput, VectorOutput
from medialens.core.library import Library
from medialens.paths import data_dirs


class Constant:
    """Stores the same vector and tag for every file; its value depends on the version."""

    def __init__(self, version: str) -> None:
        self.name, self.version = "const", version
        self.kinds, self.requires, self.timeout = frozenset({"audio"}), (), 10.0
        self.outputs = (VectorOutput("v", 3, "music"), TagsOutput())

    def extract(self, ctx):
        value = float(self.version)
        return ExtractionResult(
            vectors={"v": np.array([value, 1.0, 0.0], np.float32)}, tags={f"v{self.version}": 0.9}
        )


def open_lib(data_dir, version):
    return Library(
        data_dirs(data_dir), entry_points=False, builtins=False,
        extra_plugins=[("p", Plugin(Constant(version)))],
    )  # fmt: skip


def test_refresh_reads_only_what_changed_and_follows_new_versions(data_dir, tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    for i in range(3):
        make_tone(folder / f"t{i}.ogg", seconds=0.3, freq=300 + 100 * i)
    with open_lib(data_dir, "1") as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline().run_sync()
        index = lib.index
        block = index.blocks["const.v"]
        assert len(block.file_ids) == 3
        assert set(index.tags["const"].vocabulary) == {"v1"}
        make_tone(folder / "t3.ogg", seconds=0.3, freq=900)
        lib.scan()
        lib.pipeline().run_sync()
        assert len(lib.index.blocks["const.v"].file_ids) == 4  # a new snapshot, read incrementally
        assert len(index.blocks["const.v"].file_ids) == 3  # the old snapshot never changes
        assert lib.index is lib.index  # nothing changed since: the same snapshot
        (folder / "t0.ogg").unlink()
        lib.scan()
        assert len(lib.index.blocks["const.v"].file_ids) == 3  # unavailable files drop out
    with open_lib(data_dir, "2") as lib:
        index = lib.index
        lib.pipeline().run_sync()
        refreshed = lib.index
        expected = np.array([2.0, 1.0, 0.0]) / np.sqrt(5.0)
        assert np.allclose(refreshed.blocks["const.v"].matrix, expected, atol=1e-6)
        assert set(refreshed.tags["const"].vocabulary) == {"v2"}
        assert index is not refreshed and lib.index is refreshed


def indexed_library(data_dir, tmp_path, files=3):
    folder = tmp_path / "m"
    folder.mkdir(exist_ok=True)
    for i in range(files):
        make_tone(folder / f"t{i}.ogg", seconds=0.3, freq=300 + 100 * i)
    lib = open_lib(data_dir, "1")
    lib.add_folders([folder])
    lib.scan()
    lib.pipeline().run_sync()
    return lib, folder


def count_vector_reads(lib):
    """Wrap the store's vector reads: how many bulk and per-result reads were made."""
    vectors = lib.store.vectors
    counts = {"block": 0, "pairs": 0}
    block, pairs = vectors.block_chunks, vectors.vectors_of

    def counted_block(*a, **k):
        counts["block"] += 1
        return block(*a, **k)

    def counted_pairs(p):
        p = list(p)
        counts["pairs"] += len(p)
        return pairs(p)

    vectors.block_chunks, vectors.vectors_of = counted_block, counted_pairs
    return counts


def test_the_index_reopens_from_disk_without_reading_vectors(data_dir, tmp_path):
    lib, folder = indexed_library(data_dir, tmp_path)
    before = lib.index.blocks["const.v"]
    ids, matrix = before.file_ids.copy(), np.array(before.matrix)
    with lib.store.write() as conn:  # as if extracted a while ago: past the sync's slack
        conn.execute("UPDATE features SET created_at = created_at - 60")
    lib.close()
    with open_lib(data_dir, "1") as lib:
        reads = count_vector_reads(lib)
        block = lib.index.blocks["const.v"]
        assert reads == {"block": 0, "pairs": 0} and lib.feature_index.rebuilds == 0
        assert isinstance(block.matrix, np.memmap)  # mapped, not loaded
        assert np.array_equal(block.file_ids, ids) and np.allclose(block.matrix, matrix)
        assert set(lib.index.tags["const"].vocabulary) == {"v1"}
        make_tone(folder / "t9.ogg", seconds=0.3, freq=950)
        lib.scan()
        lib.pipeline().run_sync()
        assert len(lib.index.blocks["const.v"].file_ids) == 4  # appended, not rebuilt
        assert reads["block"] == 0 and reads["pairs"] == 1 and lib.feature_index.rebuilds == 0


def test_a_damaged_or_stale_index_is_rebuilt_from_the_database(data_dir, tmp_path):
    lib, _ = indexed_library(data_dir, tmp_path)
    expected = np.array(lib.index.blocks["const.v"].matrix)
    folder = lib.dirs.cache / "index"
    lib.close()
    [matrix] = [p for p in folder.iterdir() if p.name.startswith("v-") and p.suffix == ".m"]
    matrix.write_bytes(b"\0" * matrix.stat().st_size)  # zeroed
    with open_lib(data_dir, "1") as lib:
        assert np.allclose(lib.index.blocks["const.v"].matrix, expected)
        assert lib.feature_index.rebuilds == 1
    manifest = folder / "manifest.json"
    manifest.write_text(manifest.read_text()[:-20])  # cut short
    with open_lib(data_dir, "1") as lib:
        assert np.allclose(lib.index.blocks["const.v"].matrix, expected)
        assert lib.feature_index.rebuilds == 1
    data = json.loads(manifest.read_text())
    data["state"]["revision"] += 1000  # a cache ahead of its database: a restored backup
    manifest.write_text(json.dumps(data))
    with open_lib(data_dir, "1") as lib:
        assert np.allclose(lib.index.blocks["const.v"].matrix, expected)
        assert lib.feature_index.rebuilds == 1
    lib = open_lib(data_dir, "1")  # a vector deleted behind its back: counts differ
    with lib.store.write() as conn:
        conn.execute("DELETE FROM vectors WHERE rowid = (SELECT min(rowid) FROM vectors)")
    lib.close()
    with open_lib(data_dir, "1") as lib:
        assert len(lib.index.blocks["const.v"].file_ids) == 2
        assert lib.feature_index.rebuilds == 1


def test_a_second_process_keeps_its_own_index(data_dir, tmp_path):
    lib, _ = indexed_library(data_dir, tmp_path)
    assert len(lib.index.blocks["const.v"].file_ids) == 3
    with open_lib(data_dir, "1") as other:  # the folder is locked: a private one
        assert len(other.index.blocks["const.v"].file_ids) == 3
        private = other.feature_index._cache.root
        assert private != lib.dirs.cache / "index" and private.exists()
    assert not private.exists()
    lib.close()


def test_read_ahead_gives_every_item_in_order_and_hands_on_the_producers_error():
    import threading

    import pytest

    from medialens.core.index import read_ahead

    assert list(read_ahead(iter(range(100)), depth=2)) == list(range(100))

    def failing():
        yield 1
        raise ValueError("disk gone")

    got = []
    with pytest.raises(ValueError, match="disk gone"):
        for item in read_ahead(failing()):
            got.append(item)
    assert got == [1]

    produced = []

    def endless():
        k = 0
        while True:
            produced.append(k)
            yield k
            k += 1

    for item in read_ahead(endless()):
        if item == 3:
            break  # the consumer stops: so does the producer, its thread ends
    assert len(produced) <= 3 + 3
    assert not any(t.name == "read ahead" for t in threading.enumerate())
