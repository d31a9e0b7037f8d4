"""Vector search: graph answers against exact ones, incremental changes, the saved graph,
and more like this / search over a real (generated) library through it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from libgen import synthetic_library

from medialens.core import vector_search
from medialens.core.library import Library
from medialens.core.similar import similar
from medialens.core.vector_search import MAP_LISTS, VectorSearch, _mapped_file
from medialens.paths import data_dirs

pytest.importorskip("faiss")


@dataclass
class FakeBlock:
    """The three things vector search reads of an index block."""

    key: str
    file_ids: np.ndarray
    matrix: np.ndarray


def clustered(n: int, dim: int = 64, clusters: int = 40, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, dim)).astype(np.float32)
    bases = rng.standard_normal((clusters, 6, dim)).astype(np.float32) / np.sqrt(dim)
    which = rng.integers(0, clusters, n)
    z = rng.standard_normal((n, 6)).astype(np.float32) * 0.5
    noise = rng.standard_normal((n, dim)).astype(np.float32) * 0.2 / np.sqrt(dim)
    v = centres[which] / np.sqrt(dim) + np.einsum("nr,nrd->nd", z, bases[which]) + noise
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def exact(block: FakeBlock, q: np.ndarray, k: int, exclude=()) -> list[int]:
    sims = block.matrix @ q
    sims[np.isin(block.file_ids, list(exclude))] = -np.inf
    return block.file_ids[np.argsort(-sims, kind="stable")[:k]].tolist()


def recall(vs: VectorSearch, block: FakeBlock, queries: np.ndarray, exclude=()) -> float:
    hits = 0
    for q in queries:
        got = vs.top(block, q, 10, exclude).file_ids.tolist()
        hits += len(set(got) & set(exact(block, q, 10, exclude)))
    return hits / 10 / len(queries)


def test_graph_finds_what_exact_search_finds_and_is_saved(tmp_path):
    m = clustered(6000)
    block = FakeBlock("x.v", np.arange(10, 6010, dtype=np.int64), m)
    vs = VectorSearch(tmp_path, background=False, exact_up_to=1000)
    assert vs.search_of(block).exact  # no graph yet: exact, and the graph is asked for
    vs.wait()
    assert vs.builds == 1 and not vs.search_of(block).exact
    queries = m[::97]
    assert recall(vs, block, queries) >= 0.99
    # excluded ids never come back, however near
    top = vs.top(block, m[5], 10, exclude=[15, 16])
    assert 15 not in top.file_ids and 16 not in top.file_ids
    assert np.allclose(top.sims, m[top.file_ids - 10] @ m[5], atol=1e-5)
    # a new owner (the window opened again) reads the saved graph: nothing is built
    again = VectorSearch(tmp_path, background=False, exact_up_to=1000)
    assert not again.search_of(block).exact and again.builds == 0
    assert recall(again, block, queries) >= 0.99
    # its lists are mapped from the file, not read into memory (where files can be mapped)
    mapped = again.graph(again.search_of(block).name)
    assert mapped is not None and (mapped.path is not None) == MAP_LISTS


@pytest.mark.skipif(not MAP_LISTS, reason="graphs are built apart only where lists are mapped")
def test_a_mapped_block_is_built_in_a_child_with_the_same_answers(tmp_path, monkeypatch):
    """A block mapped from a file is built in a child process (the window never holds the
    codes being built); its answers are those of a graph built here."""
    m = clustered(6000)
    np.save(tmp_path / "r.npy", m[::-1])
    assert _mapped_file(np.load(tmp_path / "r.npy", mmap_mode="r")[::-1]) is None  # strided
    np.save(tmp_path / "m.npy", np.concatenate([m[:1], m]))
    mapped = np.load(tmp_path / "m.npy", mmap_mode="r")[1:]  # rows 1.. of the file
    where = _mapped_file(mapped)
    assert where is not None and where[1] == mapped.offset + mapped.strides[0]
    ids = np.arange(10, 6010, dtype=np.int64)
    built = []
    real = vector_search._Graph.build
    monkeypatch.setattr(
        vector_search._Graph, "build", staticmethod(lambda *a: built.append(1) or real(*a))
    )
    apart = VectorSearch(tmp_path / "apart", background=False, exact_up_to=1000)
    block = FakeBlock("x.v", ids, mapped)
    apart.search_of(block).top(m[0], 10)
    apart.wait()
    assert apart.builds == 1 and not built  # not built in this process
    graph = apart.graph(apart.search_of(block).name)
    assert graph is not None and graph.path is not None  # read back, its lists mapped
    here = VectorSearch(tmp_path / "here", background=False, exact_up_to=1000)
    plain = FakeBlock("x.v", ids, np.array(mapped))
    here.search_of(plain).top(m[0], 10)
    here.wait()
    assert here.builds == 1 and built
    for q in m[::97]:
        assert np.array_equal(apart.top(block, q, 10).file_ids, here.top(plain, q, 10).file_ids)
    assert not list((tmp_path / "apart").rglob("*.ids.npy"))  # the child's input is gone


def test_added_removed_and_changed_rows_are_answered_at_once_then_folded_in(tmp_path):
    m = clustered(8000, seed=1)
    ids = np.arange(8000, dtype=np.int64)
    vs = VectorSearch(tmp_path, background=False, exact_up_to=1000)
    first = FakeBlock("x.v", ids[:6000], m[:6000])
    vs.search_of(first).exact  # noqa: B018 - offers the block
    vs.wait()
    # the next generation: 2,000 files indexed, 500 removed, one re-extracted elsewhere
    keep = np.r_[np.arange(500, 8000)]
    changed = m.copy()
    changed[700] = m[7900]
    second = FakeBlock("x.v", ids[keep], changed[keep])
    queries = m[7000:8000:40]  # near the added files
    assert recall(vs, second, queries) >= 0.99  # added rows are searched beside the graph
    gone = vs.top(second, m[100], 10).file_ids
    assert (gone >= 500).all()  # removed files never come back
    vs.search_of(second).exact  # noqa: B018
    vs.wait()
    assert vs.merges + vs.builds >= 2  # folded in (extended or rebuilt)
    assert 700 in vs.top(second, m[7900], 3).file_ids.tolist()  # the new vector is found
    assert recall(vs, second, queries) >= 0.99
    assert (vs.top(second, m[100], 10).file_ids >= 500).all()


def test_more_like_this_and_search_through_graphs_match_exact_ones(tmp_path):
    lib = Library(data_dirs(tmp_path / "data"), entry_points=False, builtins=False, workers=2)
    try:
        synthetic_library().build(lib, np.random.default_rng(3), tmp_path / "media", n=4000)
        snap = lib.index
        vs = VectorSearch(lib.dirs.cache, background=False, exact_up_to=500)
        rng = np.random.default_rng(0)
        anchors = rng.choice(snap.file_ids, 30, replace=False).tolist()
        similar(snap, anchors[0], 10, vs)
        for f in anchors:  # offer every block any anchor has
            similar(snap, f, 10, vs)
        vs.wait()
        assert vs.builds >= 2
        hits = 0
        for f in anchors:
            want = [m.file_id for m in similar(snap, f, 10)]
            got = [m.file_id for m in similar(snap, f, 10, vs)]
            assert f not in got
            hits += len(set(want) & set(got))
        assert hits / 10 / len(anchors) >= 0.99

        from medialens.core.search import Searcher

        class Embedder:
            name, dim, vector_name = "test", 384, "text"

            def embed(self, texts):
                return np.stack([snap.vector("semantic.text", anchors[1])] * len(texts))

        plain = Searcher(lib.store, lib.feature_index, Embedder(), tmp_path / "c1")
        graph = Searcher(lib.store, lib.feature_index, Embedder(), tmp_path / "c2", vectors=vs)
        try:
            q = Embedder().embed(["x"])[0]
            want = [f for f, _ in plain.semantic_text(snap, q, 50)]
            got = [f for f, _ in graph.semantic_text(snap, q, 50)]
            assert want and len(set(want[:10]) & set(got[:10])) >= 9
            assert abs(len(want) - len(got)) <= 2  # the same outlier cut, from moments
        finally:
            plain.close()
            graph.close()
    finally:
        lib.close()


def test_a_block_grown_far_past_its_lists_is_retrained_and_still_found(tmp_path):
    """Lists cut for 3,000 rows are retrained for 20,000 (not extended), recall holds, and a
    block built in one go answers like exact search on clustered vectors."""
    m = clustered(20_000, seed=2)
    ids = np.arange(20_000, dtype=np.int64) * 3 + 1  # sparse, ascending file ids
    vs = VectorSearch(tmp_path, background=False, exact_up_to=1000)
    small = FakeBlock("x.v", ids[:3000], m[:3000])
    vs.search_of(small).exact  # noqa: B018 - offers the block
    vs.wait()
    assert vs.builds == 1
    big = FakeBlock("x.v", ids, m)
    queries = m[3000::211]
    assert recall(vs, big, queries) >= 0.99  # 17,000 rows beside the small index, exactly
    vs.search_of(big).exact  # noqa: B018
    vs.wait()
    assert vs.builds == 2 and vs.merges == 0  # retrained, not extended
    assert not vs.search_of(big).exact
    assert recall(vs, big, queries) >= 0.99
    mlt = [int(i) for i in ids[::397]]
    hits = 0
    for f in mlt:
        q = m[(f - 1) // 3]
        got = vs.top(big, q, 10, exclude=[f]).file_ids.tolist()
        hits += len(set(got) & set(exact(big, q, 10, exclude=[f])))
    assert hits / 10 / len(mlt) >= 0.99


def test_a_typed_query_scans_a_sixteenth_of_many_lists_and_a_row_keeps_the_default():
    from medialens.core.vector_search import PROBES, probes_for

    assert probes_for(512) == probes_for(512, typed=True) == PROBES
    assert probes_for(2048) == PROBES
    assert probes_for(2048, typed=True) == 128
    assert probes_for(16, typed=True) == 16
