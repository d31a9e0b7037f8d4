"""Top-k by cosine over one block of unit vectors: exact numpy while that is fast enough,
an approximate index (faiss inverted lists) past that, kept up to date as files come and go.

Reading a block is bounded by memory bandwidth: 100,000 x 384 float32 is 154 MB, ~13 ms a
query on this class of machine before anything else the query does. Past
:data:`EXACT_UP_TO` rows a query asks the approximate index for a few times more candidates
than it needs and ranks them by their exact cosine from the block's own matrix: the index
only has to *find* the neighbours, so it stores its vectors as 8-bit codes (a quarter of
the size).

Why inverted lists (IVF) and not a graph (HNSW, the first choice): on the clustered
vectors of ``benchmarks/bench_ann.py`` at 10^5 rows IVF with 8-bit codes answers in about
the same time (1-2 ms a query against 1.2) at a higher recall@10 (0.998-1.0 against 0.99),
builds in a tenth of the CPU or less (1-6 s against 50 s), and can be built and extended a
batch at a time with no loss
(faiss 1.15.1's HNSW lost recall when built in batches, and its 10^6 build took more than
8 minutes of CPU and 3.7 GB). Training on a sample of rows and coding the rest in batches
keeps a build of a 10^6-row memory-mapped block within its codes plus one batch.

An index is immutable once built: it is saved in the cache folder (keyed by the block's key
and dimension, with the file id of each of its rows and a checksum of each row's vector)
and read from there the next time the library opens, so opening the window builds nothing.
A new generation of a block (files indexed, re-extracted or removed) is compared with the
index: the rows it lacks or holds with another vector are searched exactly beside it
(a few thousand rows cost little), ids that left the block are dropped from its answers, and
once enough has changed a background thread (at low priority, on one core) adds the new
rows to a copy of the index, saves it and swaps it in; an index whose dead rows pile up, or
whose block grew far past what its lists were cut for, is rebuilt.

This module knows nothing of the index's layout beyond a block's ``key``, ``file_ids``
(int64) and ``matrix`` (float32, unit rows): its state is kept here, per block key.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from medialens.core.derived_cache import passes, release

log = logging.getLogger(__name__)

#: Rows up to which a block is searched exactly (30 MB at 384-d: ~3 ms a query).
EXACT_UP_TO = 20_000
#: Candidates asked of the graph beyond those wanted (then all ranked exactly): four
#: times as many for a short list, at most EXTRA more for a long one.
OVERFETCH = 4
EXTRA = 200
MIN_FETCH = 64
#: Rows of a block the z-score moments are taken over (all of them up to this many).
MOMENT_ROWS = 16_384
MOMENT_CHUNK = 1024  # sample rows read (and their pages dropped) a step at a time
#: Inverted lists (faiss IVF, 8-bit codes): about 2 sqrt(n) lists, trained on a sample of
#: TRAIN_PER_LIST rows each; a query scans the PROBES lists nearest it. Measured on
#: clustered 384-d vectors, one thread, candidates re-ranked exactly: 10^6 rows, 2,048
#: lists, 64 probes: recall@10 1.0 (search and more like this), 4.7 ms a query, 41 s CPU
#: to build (4,096 lists: 0.9985 at 3.2 ms, 121 s); 10^5 rows, 512 lists, 64 probes:
#: 0.998 / 0.9995 at 2.0 ms, 2.2 s to build (exact numpy: 22-30 ms).
#: A typed query (``top(..., typed=True)``) may lie between the rows' meanings, near none
#: of them: past 1,024 lists it scans a sixteenth of them. On queries between two files'
#: meanings 64 of 2,048 lists found 0.972 of the exact top 10 at 10^6 rows, 128 lists 0.990
#: (+3 ms); queries near a file (more like this asks a file's own vector) find 1.000 with
#: either, so they keep 64. At 10^5 (512 lists) 64 find 0.992 of them.
LISTS_PER_SQRT = 2
MIN_LISTS = 16
TRAIN_PER_LIST = 40
PROBES = 64
PROBE_SHARE = 16
#: Rows searched exactly beside the index past which the background thread folds them in.
MERGE_AFTER = 2_000
MERGE_SHARE = 0.02
#: Dead rows (removed or re-extracted files) past which the index is rebuilt, not extended;
#: and growth past which it is retrained (its lists were cut for a smaller block).
REBUILD_SHARE = 0.3
REBUILD_GROWTH = 4.0
BATCH = 65_536  # rows coded per step (the thread checks for close between steps)
FORMAT = 2  # 1 was an HNSW graph per block
#: Whether a saved graph's lists are memory-mapped rather than read: at 10^6 files the three
#: blocks' lists were 590 MB of the window's anonymous memory, and a query reads 64 lists
#: of ~2,000. Not on Windows, where a mapped file cannot be replaced by a newer graph.
MAP_LISTS = os.name == "posix"
#: Whether a graph built from scratch is built in a child process
#: (:mod:`medialens.core.vector_build`) when its block is mapped from a file: the build
#: holds the block's codes (384 MB for the text block of 10^6 files) until they are saved,
#: and in the window they came on top of For you's mapped matrices (2.2 GB at the peak).
BUILD_APART = True


def lists_for(n: int) -> int:
    """Inverted lists for ``n`` rows: the power of two nearest 2 sqrt(n)."""
    return max(MIN_LISTS, 1 << max(0, round(np.log2(max(1.0, LISTS_PER_SQRT * np.sqrt(n))))))


def probes_for(lists: int, typed: bool = False) -> int:
    return min(lists, max(PROBES, lists // PROBE_SHARE) if typed else PROBES)


class BlockLike(Protocol):
    @property
    def key(self) -> str: ...

    file_ids: np.ndarray
    matrix: np.ndarray


@dataclass(frozen=True)
class Top:
    """The best rows of one query: file ids and their exact cosines, best first."""

    file_ids: np.ndarray  # int64 [k]
    sims: np.ndarray  # float32 [k]


def _products(matrix: np.ndarray, query: np.ndarray) -> np.ndarray:
    """``matrix @ query``; over a big mapped block (its graph not built yet) a batch at a
    time with the batch's pages dropped: the whole 1.5 GB text block of 10^6 files stayed
    resident after one query, beside the graph being built."""
    if len(matrix) <= BATCH:
        return np.asarray(matrix @ query)
    sims = np.empty(len(matrix), dtype=np.result_type(matrix.dtype, query.dtype))
    for start, part in passes(matrix, BATCH):
        sims[start : start + len(part)] = part @ query
    return sims


def _every(matrix: np.ndarray, step: int) -> np.ndarray:
    """``matrix[::step]`` as float32, read a batch at a time with its pages dropped: rows
    spread over a mapped file fault in the 64 KB around each, the whole block at 10^6."""
    parts = [
        np.array(part[(-start) % step :: step], dtype=np.float32)
        for start, part in passes(matrix, BATCH)
    ]
    dim = matrix.shape[1] if matrix.ndim == 2 else 0
    return np.ascontiguousarray(np.concatenate(parts) if parts else np.zeros((0, dim), np.float32))


def _exact_top(
    matrix: np.ndarray, ids: np.ndarray, query: np.ndarray, k: int, exclude: np.ndarray
) -> Top:
    sims = _products(matrix, query)
    if len(exclude):
        sims[np.isin(ids, exclude)] = -np.inf
    k = min(k, len(sims))
    if k <= 0:
        return Top(np.zeros(0, np.int64), np.zeros(0, np.float32))
    part = np.argpartition(-sims, k - 1)[:k] if k < len(sims) else np.arange(len(sims))
    order = part[np.lexsort((ids[part], -sims[part]))]
    order = order[np.isfinite(sims[order])]
    return Top(ids[order].astype(np.int64), sims[order].astype(np.float32))


def _checksums(matrix: np.ndarray) -> np.ndarray:
    """One number per row that changes when the row does (a fixed random projection)."""
    rng = np.random.default_rng(matrix.shape[1])
    probe: np.ndarray = rng.standard_normal(size=(matrix.shape[1],), dtype=np.float32)
    return np.asarray(matrix @ probe, dtype=np.float32)


def _mapped_file(matrix: np.ndarray) -> tuple[str, int] | None:
    """The file and byte offset a C-contiguous 2-d matrix is read-only mapped from, or None
    (a matrix in memory, or a copy-on-write mapping that may differ from its file)."""
    if matrix.ndim != 2 or not matrix.flags.c_contiguous or not len(matrix):
        return None
    root: Any = matrix
    while isinstance(getattr(root, "base", None), np.ndarray):
        root = root.base
    if not isinstance(root, np.memmap) or getattr(root, "mode", None) not in ("r", "r+"):
        return None
    filename = getattr(root, "filename", None)
    if not filename:
        return None
    at = matrix.__array_interface__["data"][0] - root.__array_interface__["data"][0]
    if at < 0 or at + matrix.nbytes > root.nbytes:
        return None
    return str(filename), int(root.offset) + int(at)


def _build_apart(
    dim: int, matrix: np.ndarray, ids: np.ndarray, path: Path, closed: threading.Event
) -> _Graph | None:
    """:meth:`_Graph.build` in a child process that maps the same rows and saves the graph
    at ``path``; the graph read back from there (its lists mapped), or None if it failed or
    ``closed`` was set. The caller's process never holds the codes being built."""
    where = _mapped_file(matrix)
    if where is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    ids_path = path.with_name(path.name + ".ids.npy")
    np.save(ids_path, np.ascontiguousarray(ids, dtype=np.int64))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)  # the same sources
    job = {
        "file": where[0],
        "offset": where[1],
        "rows": int(matrix.shape[0]),
        "dim": int(matrix.shape[1]),
        "dtype": matrix.dtype.str,
        "ids": str(ids_path),
        "out": str(path),
    }
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "medialens.core.vector_build"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            start_new_session=True,  # a terminal's Ctrl+C is the parent's to handle
        )
    except OSError as exc:
        log.warning("vector search: cannot start a build process (%s)", exc)
        ids_path.unlink(missing_ok=True)
        return None
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write((json.dumps(job) + "\n").encode())
        proc.stdin.flush()
        while proc.poll() is None:  # stdin stays open: the child stops when it closes
            if closed.is_set():
                proc.kill()
                proc.wait()
                return None
            time.sleep(0.2)
        done = proc.stdout.read().decode(errors="replace").strip() == "ok"
    finally:
        with contextlib.suppress(OSError):
            proc.stdin.close()
        proc.stdout.close()
        ids_path.unlink(missing_ok=True)
    if not done:
        log.warning("vector search: the build process of %s failed (%s)", path, proc.returncode)
        return None
    graph = _Graph.load(path, dim)
    if graph is None or not np.array_equal(graph.labels, ids):
        return None
    return graph


def _release_freed_memory() -> None:
    """Hand the heap a built graph's lists were freed from back to the system: glibc keeps
    freed chunks of that size for later, and the window's RSS would keep the copy (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _faiss() -> Any:
    import faiss  # imported on first use: a small library never loads it

    return faiss


class _Graph:
    """One immutable approximate index of a block (faiss inverted lists of 8-bit codes;
    "graph" for short, as it was an HNSW graph first): faiss labels -> file ids (-1 = dead
    row)."""

    def __init__(
        self, dim: int, index: Any, labels: np.ndarray, sums: np.ndarray, path: Path | None = None
    ) -> None:
        self.dim = dim
        self.index = index
        #: The file a loaded graph maps its lists from (None: built here, held in memory).
        self.path = path
        self.labels = labels  # int64 [L]: the file id of each graph row, -1 where dead
        self.sums = sums  # float32 [L]: the checksum of each row's vector
        live = np.flatnonzero(labels >= 0)
        order = live[np.argsort(labels[live], kind="stable")]
        self.members = labels[order]  # ascending live file ids
        self.member_label = order  # their labels
        self.dead = int(len(labels) - len(live))

    @staticmethod
    def build(
        dim: int, matrix: np.ndarray, ids: np.ndarray, closed: threading.Event
    ) -> _Graph | None:
        """Lists trained on an even sample of the rows, then every row coded into them a
        batch at a time: memory is the codes (one byte a dimension) plus one batch, so a
        memory-mapped block of 10^6 rows is never copied whole."""
        faiss = _faiss()
        lists = lists_for(len(matrix))
        index = faiss.index_factory(dim, f"IVF{lists},SQ8", faiss.METRIC_INNER_PRODUCT)
        step = max(1, len(matrix) // (TRAIN_PER_LIST * lists))
        index.train(_every(matrix, step))
        parts = []
        for _start, part in passes(matrix, BATCH):  # one batch resident at a time
            if closed.is_set():
                return None
            batch = np.ascontiguousarray(part, dtype=np.float32)
            index.add(batch)
            parts.append(_checksums(batch))
        index.nprobe = probes_for(lists)
        sums = np.concatenate(parts or [np.zeros(0, np.float32)])
        return _Graph(dim, index, ids.astype(np.int64).copy(), sums)

    def extended(
        self, matrix: np.ndarray, ids: np.ndarray, dead: np.ndarray, closed: threading.Event
    ) -> _Graph | None:
        """A copy with ``ids``' rows added and the file ids ``dead`` marked dead. The lists
        stay as trained: a row is coded into its nearest list, as in a build (unlike an
        HNSW graph, whose recall fell when it was built in batches: 0.87 against 0.997)."""
        if self.path is not None:  # mapped lists cannot be cloned: read a copy to extend
            index = _faiss().read_index(str(self.path))
        else:
            index = _faiss().clone_index(self.index)
        for start in range(0, len(matrix), BATCH):
            if closed.is_set():
                return None
            index.add(np.ascontiguousarray(matrix[start : start + BATCH], dtype=np.float32))
        index.nprobe = self.index.nprobe
        labels = self.labels.copy()
        labels[np.isin(labels, dead)] = -1
        return _Graph(
            self.dim,
            index,
            np.concatenate([labels, ids.astype(np.int64)]),
            np.concatenate([self.sums, _checksums(matrix)]),
        )

    @property
    def trained_for(self) -> int:
        """Rows the lists were cut for (a block grown far past that is retrained)."""
        return int(self.index.nlist) ** 2 // LISTS_PER_SQRT**2

    def search(self, query: np.ndarray, count: int, typed: bool = False) -> np.ndarray:
        """File ids of (about) the ``count`` nearest live rows, best first (scanning more
        lists for a ``typed`` query: see :data:`PROBE_SHARE`)."""
        count = min(count + self.dead, len(self.labels))  # dead rows take places
        probes = probes_for(int(self.index.nlist), typed) if typed else 0
        if probes > self.index.nprobe:
            params = _faiss().SearchParametersIVF(nprobe=probes)
            _, found = self.index.search(query[None, :], count, params=params)
        else:
            _, found = self.index.search(query[None, :], count)
        found = found[0]
        ids = self.labels[found[found >= 0]]
        return ids[ids >= 0]

    def pending(self, file_ids: np.ndarray) -> np.ndarray:
        """Rows of a block with ``file_ids`` that this graph does not hold."""
        if len(file_ids) == len(self.members) and np.array_equal(file_ids, self.members):
            return np.zeros(0, np.int64)
        if not len(self.members):
            return np.arange(len(file_ids), dtype=np.int64)
        at = np.minimum(np.searchsorted(self.members, file_ids), len(self.members) - 1)
        return np.flatnonzero(self.members[at] != file_ids).astype(np.int64)

    def changed(self, file_ids: np.ndarray, matrix: np.ndarray) -> np.ndarray:
        """Rows the graph holds with another vector than ``matrix``'s (re-extracted)."""
        if not len(self.members):
            return np.zeros(0, np.int64)
        at = np.minimum(np.searchsorted(self.members, file_ids), len(self.members) - 1)
        held = np.flatnonzero(self.members[at] == file_ids)
        sums = self.sums[self.member_label[at[held]]]
        parts = []
        for i in range(0, len(held), BATCH):  # a pass over every row, a batch resident
            rows = held[i : i + BATCH]
            parts.append(_checksums(matrix[rows]))
            release(matrix, int(rows[0]), int(rows[-1]) + 1)
        fresh = np.concatenate(parts or [np.zeros(0, np.float32)])
        return held[~np.isclose(fresh, sums, rtol=0, atol=1e-3)].astype(np.int64)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        _faiss().write_index(self.index, str(tmp))
        with open(path.with_suffix(".npz.tmp"), "wb") as out:
            np.savez(out, labels=self.labels, sums=self.sums)
        os.replace(path.with_suffix(".npz.tmp"), path.with_suffix(".npz"))
        os.replace(tmp, path)
        path.with_suffix(".json").write_text(
            json.dumps({"format": FORMAT, "dim": self.dim, "rows": len(self.labels)})
        )

    @classmethod
    def load(cls, path: Path, dim: int) -> _Graph | None:
        if not path.exists():
            return None
        try:
            meta = json.loads(path.with_suffix(".json").read_text())
            if meta.get("format") != FORMAT or meta.get("dim") != dim:
                return None
            with np.load(path.with_suffix(".npz")) as saved:
                labels = saved["labels"].astype(np.int64)
                sums = saved["sums"].astype(np.float32)
            faiss = _faiss()
            index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP if MAP_LISTS else 0)
            if index.ntotal != len(labels) or index.d != dim:
                return None
            index.nprobe = probes_for(int(index.nlist))
        except (OSError, ValueError, KeyError, RuntimeError, AttributeError) as exc:
            log.warning("vector search: cannot read the saved graph %s (%s)", path, exc)
            return None
        return cls(dim, index, labels, sums, path if MAP_LISTS else None)


class BlockSearch:
    """Top-k over one generation of one block. Cheap to make; thread-safe to query."""

    def __init__(self, owner: VectorSearch | None, block: BlockLike) -> None:
        self.key = block.key
        self.file_ids = np.ascontiguousarray(block.file_ids, dtype=np.int64)
        self.matrix = block.matrix
        self.name = (self.key, int(self.matrix.shape[1]) if self.matrix.ndim == 2 else 0)
        self._owner = owner
        self._sorted = bool(len(self.file_ids) < 2 or (np.diff(self.file_ids) > 0).all())
        self._order = None if self._sorted else np.argsort(self.file_ids, kind="stable")
        n = len(self.file_ids)
        self._sample = self.matrix[:: max(1, n // MOMENT_ROWS)] if n else self.matrix
        self._gram: tuple[np.ndarray, np.ndarray] | None = None
        self._graph: _Graph | None = None
        self._pending = np.zeros(0, np.int64)
        self._lock = threading.Lock()
        self._asked = False

    def __len__(self) -> int:
        return len(self.file_ids)

    @property
    def exact(self) -> bool:
        """Whether queries read every row (a small block, or its graph not built yet)."""
        return self._state() is None

    def rows_of(self, file_ids: np.ndarray) -> np.ndarray:
        """Row of each file id, -1 where the block lacks it."""
        file_ids = np.asarray(file_ids, dtype=np.int64)
        if not len(self.file_ids):
            return np.full(len(file_ids), -1, np.int64)
        ids = self.file_ids if self._order is None else self.file_ids[self._order]
        at = np.minimum(np.searchsorted(ids, file_ids), len(ids) - 1)
        found = ids[at] == file_ids
        rows = at if self._order is None else self._order[at]
        return np.where(found, rows, -1).astype(np.int64)

    def moments(self, query: np.ndarray) -> tuple[float, float]:
        """Mean and standard deviation of the query's cosine over the block's rows (over
        an even sample of :data:`MOMENT_ROWS` of them in a bigger block)."""
        if not len(self._sample):
            return 0.0, 0.0
        if self._gram is None:
            # the sample's mean and second moments, once per generation (~0.1 s at 384-d):
            # a query's mean is then mu.q and its variance q.C.q - (mu.q)^2, the very
            # numbers of the sample's cosines, in 0.1 ms instead of 8 (16,384 rows)
            # the sample's rows are spread over the whole file, and the kernel maps 64 KB
            # around each page faulted in: read whole, 16,384 rows at 10^6 files left
            # 1.1 GB resident; a chunk at a time, the pages of one chunk
            dim = self._sample.shape[1]
            total, gram = np.zeros(dim), np.zeros((dim, dim))
            for i in range(0, len(self._sample), MOMENT_CHUNK):
                chunk = np.asarray(self._sample[i : i + MOMENT_CHUNK], dtype=np.float64)
                total += chunk.sum(0)
                gram += chunk.T @ chunk
                release(self.matrix)
            self._gram = (total / len(self._sample), gram / len(self._sample))
        mu, gram = self._gram
        q = np.asarray(query, dtype=np.float64)
        mean = float(mu @ q)
        return mean, float(np.sqrt(max(0.0, float(q @ gram @ q) - mean * mean)))

    def _state(self) -> tuple[_Graph, np.ndarray] | None:
        if self._owner is None or len(self.file_ids) <= self._owner.exact_up_to:
            return None
        graph = self._owner.graph(self.name)
        with self._lock:
            if not self._asked:
                self._asked = True
                self._owner.offer(self)
            if graph is None:
                return None
            if graph is not self._graph:
                ids = self.file_ids if self._order is None else self.file_ids[self._order]
                pending = graph.pending(ids)
                self._pending = pending if self._order is None else self._order[pending]
                self._graph = graph
            return graph, self._pending

    def top(
        self, query: np.ndarray, k: int, exclude: Collection[int] = (), typed: bool = False
    ) -> Top:
        """The ``k`` rows nearest ``query`` (a unit vector of the block's dimension), by
        exact cosine, leaving out the file ids in ``exclude``; ``typed``: the query is a
        typed text's meaning, not a row's (more lists are scanned for it)."""
        query = np.ascontiguousarray(query, dtype=np.float32)
        excluded = np.fromiter((int(i) for i in exclude), np.int64)
        state = self._state()
        if state is None:
            return _exact_top(self.matrix, self.file_ids, query, k, excluded)
        graph, pending = state
        fetch = max(MIN_FETCH, k + min((OVERFETCH - 1) * k, EXTRA)) + len(excluded)
        found = graph.search(query, fetch, typed)
        rows = self.rows_of(found)
        rows = np.unique(np.concatenate([rows[rows >= 0], pending]))
        return _exact_top(self.matrix[rows], self.file_ids[rows], query, k, excluded)


class VectorSearch:
    """Per block key the current graph (read from the cache, else built in the background)
    and the thread that keeps it in step with the latest generation of the block."""

    def __init__(
        self, cache_dir: Path | None, background: bool = True, exact_up_to: int = EXACT_UP_TO
    ) -> None:
        #: Rows up to which a block is searched exactly, with no graph.
        self.exact_up_to = exact_up_to
        self.cache_dir = cache_dir / "vector-search" if cache_dir is not None else None
        self.background = background
        self._graphs: dict[tuple[str, int], _Graph | None] = {}
        self._latest: dict[tuple[str, int], BlockSearch] = {}
        self._searches: dict[str, tuple[int, BlockSearch]] = {}
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._busy = False
        self._closed = threading.Event()
        self._thread: threading.Thread | None = None
        #: Graphs built from scratch and extended (a test sees whether a saved one was used).
        self.builds = 0
        self.merges = 0

    def big(self, block: BlockLike) -> bool:
        """Whether this block is searched through a graph (once built), not exactly."""
        return len(block.file_ids) > self.exact_up_to

    def search_of(self, block: BlockLike) -> BlockSearch:
        """The :class:`BlockSearch` of this block generation (one per block object)."""
        with self._lock:
            held = self._searches.get(block.key)
            if held is not None and held[0] == id(block) and held[1].matrix is block.matrix:
                return held[1]
            search = BlockSearch(self, block)
            self._searches[block.key] = (id(block), search)
            return search

    def top(
        self, block: BlockLike, query: np.ndarray, k: int, exclude: Collection[int] = ()
    ) -> Top:
        return self.search_of(block).top(query, k, exclude)

    def graph(self, name: tuple[str, int]) -> _Graph | None:
        """The current graph of a block key and dimension (read from the cache once)."""
        with self._lock:
            if name not in self._graphs:
                path = self._path(name)
                self._graphs[name] = _Graph.load(path, name[1]) if path is not None else None
            return self._graphs[name]

    def offer(self, search: BlockSearch) -> None:
        """A new generation of a block was asked: let the thread bring its graph in step."""
        with self._lock:
            if self._closed.is_set():
                return
            self._latest[search.name] = search
            if self.background and self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="medialens-vector-search", daemon=True
                )
                self._thread.start()
            self._wake.notify_all()

    def close(self) -> None:
        """Stop the background thread (after the step in flight)."""
        with self._lock:
            self._closed.set()
            self._wake.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def wait(self, timeout: float | None = None) -> bool:
        """Until every offered block is in step (or given up): for tests and benchmarks."""
        if not self.background:
            while True:
                with self._lock:
                    if not self._latest:
                        return True
                    name, search = next(iter(self._latest.items()))
                    del self._latest[name]
                self.catch_up(search)
        with self._lock:
            return self._wake.wait_for(
                lambda: (not self._latest and not self._busy) or self._closed.is_set(),
                timeout=timeout,
            )

    def _path(self, name: tuple[str, int]) -> Path | None:
        if self.cache_dir is None:
            return None
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in name[0])
        return self.cache_dir / f"{safe}-{name[1]}.faiss"

    def _run(self) -> None:
        with contextlib.suppress(OSError, AttributeError):  # nice this thread only (Linux)
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        # one core for building (OpenMP's thread count is this thread's own setting): the
        # window and the indexer keep the others
        _faiss().omp_set_num_threads(1)
        while True:
            with self._lock:
                while not self._latest and not self._closed.is_set():
                    self._wake.wait()
                if self._closed.is_set():
                    return
                name, search = next(iter(self._latest.items()))
                del self._latest[name]
                self._busy = True
            try:
                self.catch_up(search)
            except Exception:  # noqa: BLE001 - a failed graph leaves exact search
                log.exception("vector search: updating the graph of %s failed", name[0])
            with self._lock:
                self._busy = False
                self._wake.notify_all()

    def _build(self, name: tuple[str, int], matrix: np.ndarray, ids: np.ndarray) -> _Graph | None:
        """A graph of every row: in a child process when the block is mapped from a file
        and the graph has a place to be saved (see :data:`BUILD_APART`), else here."""
        path = self._path(name)
        if BUILD_APART and MAP_LISTS and path is not None and _mapped_file(matrix) is not None:
            built = _build_apart(name[1], matrix, ids, path, self._closed)
            if built is not None or self._closed.is_set():
                return built
        return _Graph.build(name[1], matrix, ids, self._closed)

    def catch_up(self, search: BlockSearch, force: bool = False) -> None:
        """Bring the graph of ``search``'s block in step with it (build, extend or leave it,
        by how much changed), save and swap it in. ``force`` folds in any change at all."""
        name = search.name
        n = len(search)
        if n <= self.exact_up_to:
            return
        graph = self.graph(name)
        ids = search.file_ids if search._order is None else search.file_ids[search._order]
        matrix = search.matrix if search._order is None else search.matrix[search._order]
        new: _Graph | None
        if graph is None:
            new = self._build(name, matrix, ids)
            if new is not None and new.path is not None:  # built apart: saved and mapped
                self.builds += 1
                with self._lock:
                    self._graphs[name] = new
                return
            self.builds += new is not None
        else:
            pending = graph.pending(ids)
            changed = graph.changed(ids, matrix)
            gone = np.setdiff1d(graph.members, ids, assume_unique=True)
            redo = np.union1d(pending, changed)
            dead = graph.dead + len(gone) + len(changed)
            if dead > REBUILD_SHARE * len(graph.labels) or n > REBUILD_GROWTH * graph.trained_for:
                new = self._build(name, matrix, ids)
                self.builds += new is not None
                if new is not None and new.path is not None:
                    with self._lock:
                        self._graphs[name] = new
                    return
            elif len(redo) and (force or len(redo) > max(MERGE_AFTER, MERGE_SHARE * n)):
                dead_ids = np.union1d(gone, ids[changed])
                new = graph.extended(matrix[redo], ids[redo], dead_ids, self._closed)
                self.merges += new is not None
            else:
                return  # a few rows searched exactly beside the graph cost less
        if new is None:
            return
        path = self._path(name)
        if path is not None:
            try:
                new.save(path)
            except (OSError, RuntimeError) as exc:
                log.warning("vector search: cannot save the graph %s (%s)", path, exc)
            else:
                # the saved lists, mapped, instead of the copy built in memory
                new = _Graph.load(path, name[1]) or new
                _release_freed_memory()
        with self._lock:
            self._graphs[name] = new
