"""Numpy views of the library's features, for search, similarity and ranking.

Per (extractor, vector name) one float32 matrix of the available media files that have
it, and per tagging extractor a dense top-K table of tag ids and scores. The vectors
live on disk (:mod:`medialens.core.index_cache`), already projected and normalised, in
memory-mapped files that grow as results are written: opening the index maps them and
reads no vector from SQLite, and only the pages a query touches are ever read. The cache
is rebuilt from SQLite when it is missing, stale or damaged.

Each build is an immutable :class:`IndexSnapshot`, swapped in by one reference
assignment: a reader that holds a snapshot sees one generation, never the files of one
and the vectors of the next. The snapshot also owns what is derived from it, built once
on first use (the recommender's item vectors). Per-file data is columnar (numpy arrays in
file-id order); paths and titles are read from SQLite when something is shown.

A disabled plugin's stored results do not take part: they stay on disk (and in the
database) and come back the moment it is enabled, without a re-read or a re-extraction.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from medialens.core.background import lower_priority
from medialens.core.derived_cache import DerivedCache, in_row_chunks, passes, release
from medialens.core.index_cache import MANIFEST, FeatureCache, Table
from medialens.store import Store
from medialens.store.vectors import TAG_PACK, MediaColumns

log = logging.getLogger(__name__)

TOP_TAGS = 12
# Wide embeddings (the 1280-d visual one) are projected to this many dimensions for
# similarity: a fixed random Gaussian projection keeps cosines within a few hundredths
# (Johnson-Lindenstrauss) and makes a query over 100,000 files read 5x less memory.
# Text vectors keep their width: queries are embedded in that very space.
SIMILARITY_DIM = 256
FULL_RELOAD_AFTER = 5000  # changed results past which one full rebuild beats many reads
#: Changed files always patched into the saved file table; past this and a quarter of
#: the library, the table is read again whole.
FILES_PATCH_MIN = 4096
#: A block smaller than this is gathered into memory when its rows are out of order;
#: a bigger one is rewritten in file order on disk (bounded memory at any size).
GATHER_BYTES = 16 << 20
_ROWS = 16384  # rows per step wherever a whole block is transformed


#: Ids converted to bytes per numpy call (see ``_byte_keys``).
_KEY_SLICE = 65_536


def _byte_keys(ids: list[str], width: int) -> np.ndarray:
    """``ids`` as fixed-width bytes, a slice at a time: one ``np.array`` of a cold start's
    10^6 content ids holds the GIL for 75 ms (measured beside a thread that ticks every
    millisecond; more when the machine preempts it), the likely cause of a 133 ms grid stall
    at 10^6 in which the GUI thread waited while the core thread ran. Between slices other
    threads run (the slices take ~5 ms each)."""
    keys = np.empty(len(ids), f"S{width}")
    for start in range(0, len(ids), _KEY_SLICE):
        keys[start : start + _KEY_SLICE] = ids[start : start + _KEY_SLICE]
    return keys


def _lookup(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Positions of ``keys`` in the sorted array ``sorted_keys``; -1 where absent."""
    if len(sorted_keys) == 0:
        return np.full(len(keys), -1, np.int64)
    pos = np.searchsorted(sorted_keys, keys)
    pos = np.minimum(pos, len(sorted_keys) - 1)
    return np.where(sorted_keys[pos] == keys, pos, -1).astype(np.int64)


class _Rows(Mapping[int, int]):
    """file id -> row of an ascending ``file_ids`` array (replaces a dict per row)."""

    def __init__(self, file_ids: np.ndarray) -> None:
        self._ids = file_ids

    def get(self, key: Any, default: Any = None) -> Any:
        ids = self._ids
        i = int(np.searchsorted(ids, key)) if len(ids) else 0
        return i if i < len(ids) and int(ids[i]) == int(key) else default

    def __getitem__(self, key: int) -> int:
        row = self.get(key)
        if row is None:
            raise KeyError(key)
        return int(row)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (int, np.integer)) and self.get(key) is not None

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids.tolist())

    def __len__(self) -> int:
        return len(self._ids)


@dataclass
class Block:
    """The vectors one extractor stores under one name, one row per file."""

    extractor: str
    name: str
    modality: str
    file_ids: np.ndarray  # int64 [N], ascending
    matrix: (
        np.ndarray
    )  # float32 [N, d], unit rows (standardised first for "audio"); may be a memmap
    positions: np.ndarray  # int64 [N]: each row's position in IndexSnapshot.file_ids

    @property
    def key(self) -> str:
        return f"{self.extractor}.{self.name}"

    @property
    def row_of(self) -> _Rows:
        return _Rows(self.file_ids)


@dataclass
class TagTable:
    """Each file's strongest tags from one extractor, as dense arrays for vectorised scoring."""

    extractor: str
    vocabulary: list[str]
    file_ids: np.ndarray  # [N], ascending
    tag_ids: np.ndarray  # int32 [N, K], -1 where a file has fewer tags
    scores: np.ndarray  # float32 [N, K]
    strength: np.ndarray  # float32 [N, K]: sqrt of the scores, how much each tag counts

    @property
    def row_of(self) -> _Rows:
        return _Rows(self.file_ids)


@functools.lru_cache(maxsize=4)
def _projection(dim: int) -> np.ndarray:
    """The same fixed random projection for every load (seeded by the input width);
    made once per width, not per chunk of a rebuild."""
    rng = np.random.default_rng(dim)
    out = rng.standard_normal((dim, SIMILARITY_DIM)).astype(np.float32)
    out.flags.writeable = False
    return out


def _row_norms(matrix: np.ndarray) -> np.ndarray:
    """Each row's length, as a column (einsum: a quarter of linalg.norm's time, which
    squares the whole block into a temporary first; this is on a cold start's path)."""
    return np.sqrt(np.einsum("ij,ij->i", matrix, matrix))[:, None]


def _normalise(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(_row_norms(matrix), 1e-12)


def _prepared(raw: np.ndarray, modality: str) -> np.ndarray:
    """Stored vectors -> what the index keeps: projected if wide, normalised (but audio
    descriptors stay unnormalised: they are standardised over the library first)."""
    if raw.shape[1] > SIMILARITY_DIM and modality != "text":
        # scaling a row commutes with the projection, and non-audio rows are normalised
        # after it anyway: only audio (kept unnormalised) needs its rows unit before
        raw = (_normalise(raw) if modality == "audio" else raw) @ _projection(raw.shape[1])
    return raw if modality == "audio" else _normalise(raw)


#: Share of each (extractor.name) block in the item vectors; absent = 1, every block alike.
BLOCK_WEIGHTS: dict[str, float] = {}


class _CodeMap(Mapping[str, int]):
    """content id -> row of a sorted array of content ids (bytes), or a value per row."""

    def __init__(self, keys: np.ndarray, values: np.ndarray) -> None:
        self._keys, self._values = keys, values

    def rows(self, content_ids: Collection[str]) -> np.ndarray:
        """Many at once: -1 where absent."""
        if not content_ids:
            return np.zeros(0, np.int64)
        width = self._keys.dtype.itemsize or 1
        wanted = [c for c in content_ids]
        keys = np.array([c if len(c) <= width else "" for c in wanted], dtype=self._keys.dtype)
        at = _lookup(self._keys, keys)
        return np.where(at >= 0, self._values[np.maximum(at, 0)], -1)

    def get(self, key: Any, default: Any = None) -> Any:
        if not isinstance(key, str):
            return default
        row = int(self.rows([key])[0])
        return default if row < 0 else row

    def __getitem__(self, key: str) -> int:
        row = self.get(key)
        if row is None:
            raise KeyError(key)
        return int(row)

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (k.decode() for k in self._keys.tolist())

    def __len__(self) -> int:
        return len(self._keys)


class FileTable(Mapping[int, dict]):
    """The available media files as columns in file-id order (no object per file).

    ``table[file_id]`` still gives ``{path, title, kind, content_id, duration, added_at}``
    for the few files a caller shows; the path and title are read from SQLite then.
    """

    def __init__(
        self,
        store: Store | None,
        ids: np.ndarray,
        codes: np.ndarray,
        content_ids: np.ndarray,
        first: np.ndarray,
        kinds: np.ndarray,
        kind_names: list[str | None],
        durations: np.ndarray,
        added_at: np.ndarray,
    ) -> None:
        self._store = store
        self.ids = ids  # int64 [F] ascending
        self.codes = codes  # int64 [F]: code of the file's content (equal = identical)
        self.content_ids = content_ids  # S [C] sorted: the content id of each code
        self.first = first  # int64 [C]: the lowest file id of each code (stands for all)
        self.kinds = kinds  # int8 [F], an index into kind_names
        self.kind_names = kind_names
        self.durations = durations  # float64 [F], NaN when unknown
        self.added_at = added_at  # float64 [F], NaN when unknown
        self.row = _Rows(ids)

    def names(self, file_ids: Collection[int]) -> dict[int, tuple[str, str | None]]:
        """(display path, title) of each of these files, from SQLite."""
        if self._store is None or not file_ids:
            return {}
        return self._store.vectors.names_of(file_ids)

    def content_id(self, file_id: int) -> str:
        return self.content_ids[self.codes[self.row[file_id]]].decode()

    def __getitem__(self, file_id: int) -> dict:
        i = self.row.get(file_id)
        if i is None:
            raise KeyError(file_id)
        path, title = self.names([int(file_id)]).get(int(file_id), ("", None))
        duration, added = float(self.durations[i]), float(self.added_at[i])
        return {
            "path": path,
            "title": title,
            "kind": self.kind_names[int(self.kinds[i])],
            "content_id": self.content_ids[self.codes[i]].decode(),
            "duration": None if np.isnan(duration) else duration,
            "added_at": None if np.isnan(added) else added,
        }

    def __contains__(self, key: object) -> bool:
        return key in self.row

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids.tolist())

    def __len__(self) -> int:
        return len(self.ids)


_NO_FILES = FileTable(
    None, np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, "S1"),
    np.zeros(0, np.int64), np.zeros(0, np.int8), [None], np.zeros(0), np.zeros(0),
)  # fmt: skip


@dataclass(frozen=True)
class ItemVectors:
    """One unit vector per content of the available media, from every block taking part.

    Row ``i`` stands for the content of file ``file_ids[i]`` (the lowest id of its
    copies); rows are in file-id order.
    """

    content_ids: np.ndarray  # S [M]: content id of each row
    row: Mapping[str, int]  # content id -> row
    vectors: np.ndarray  # [M, D] float32, unit rows (zero when a file has no block)
    present: np.ndarray  # [M, B] bool
    layout: tuple[tuple[str, int], ...]  # (extractor/name, dim) in block order
    file_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # int64 [M]
    #: Where things derived from these vectors are kept (the model's projection of
    #: them), and the key they were built under; None when they live in memory only.
    cache: DerivedCache | None = field(default=None, compare=False, repr=False)
    key: Any = field(default=None, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.content_ids)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1]) if self.vectors.ndim == 2 else 0

    def content_id(self, row: int) -> str:
        return self.content_ids[row].decode()


class IndexSnapshot:
    """One generation of the index: never changed after it is built (share it freely)."""

    def __init__(
        self,
        fingerprint: Any,
        files: FileTable,
        blocks: dict[str, Block],
        tags: dict[str, TagTable],
        derived: DerivedCache | None = None,
        derived_key: Any = None,
    ) -> None:
        self.fingerprint = fingerprint
        #: Where the item vectors of this generation are kept on disk, and under which key.
        self.derived, self.derived_key = derived, derived_key
        #: The extractors whose stored results this snapshot leaves out (disabled plugins').
        self.excluded: frozenset[str] = (
            fingerprint[1] if isinstance(fingerprint, tuple) else frozenset()
        )
        self.files = files
        self.file_ids = files.ids  # ascending
        self.content_codes = files.codes  # equal codes = identical content
        #: content id -> the file that stands for its copies (lowest id)
        self.file_of_content = _CodeMap(files.content_ids, files.first)
        self.blocks = blocks
        self.tags = tags
        self._lock = threading.Lock()
        self._items: ItemVectors | None = None

    def content_code(self, file_id: int) -> int:
        row = self.files.row.get(file_id)
        return -1 if row is None else int(self.content_codes[row])

    def blocks_of(self, modality: str) -> list[Block]:
        return [b for b in self.blocks.values() if b.modality == modality]

    def vector(self, key: str, file_id: int) -> np.ndarray | None:
        block = self.blocks.get(key)
        row = None if block is None else block.row_of.get(file_id)
        return None if block is None or row is None else block.matrix[row]

    def item_vectors(self) -> ItemVectors:
        """The recommender's vectors of this generation, built on first use only."""
        with self._lock:
            if self._items is None:
                self._items = _item_vectors(self)
            return self._items

    def tags_of(self, content_id: str) -> dict[str, tuple[float, str]]:
        """One content's tags: the highest score over the extractors, and which."""
        fid = self.file_of_content.get(content_id)
        out: dict[str, tuple[float, str]] = {}
        if fid is None:
            return out
        for extractor in sorted(self.tags):
            table = self.tags[extractor]
            row = table.row_of.get(fid)
            if row is None:
                continue
            for tag_id, score in zip(
                table.tag_ids[row].tolist(), table.scores[row].tolist(), strict=True
            ):
                if tag_id < 0:
                    continue
                tag = table.vocabulary[tag_id]
                if tag not in out or float(score) > out[tag][0]:
                    out[tag] = (float(score), extractor)
        return out


def _unit_rows(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Rows scaled to unit length, zero rows left zero (divided by inf: a plain division
    is twice as fast as a masked one)."""
    n = _row_norms(x)
    return np.divide(x, np.where(n > 1e-12, n, np.inf), out=out)


def _item_vectors(index: IndexSnapshot) -> ItemVectors:
    """Blocks of the index -> item vectors, built a few thousand rows at a time.

    The same vectors as :func:`medialens.recommend.build_item_vectors` (each block's unit
    rows centred on their mean, normalised, weighted; missing blocks zero; rows unit),
    but written in place, rows at a time: no dense NaN-filled copy per block and no
    full-size temporaries. With a derived cache (:mod:`.derived_cache`) they are written
    to a memory-mapped file beside the index and mapped again on the next start.
    """
    files = index.files
    firsts = files.first  # per code: the lowest file id
    order = np.argsort(firsts, kind="stable")  # rows in file-id order
    reps = firsts[order]
    cids = files.content_ids[order]
    row = _CodeMap(files.content_ids, np.argsort(order, kind="stable").astype(np.int64))
    blocks = sorted(index.blocks.items())
    if not blocks or not len(reps):
        empty = np.zeros((len(reps), 0), np.float32)
        return ItemVectors(cids, row, empty, np.zeros((len(reps), 0), bool), (), reps)
    layout = tuple((key, int(block.matrix.shape[1])) for key, block in blocks)
    dim = sum(d for _, d in layout)
    specs = {
        "vectors": ("<f4", (len(reps), dim)),
        "present": ("|b1", (len(reps), len(blocks))),
    }

    def fill(out: dict[str, np.ndarray]) -> None:
        _fill_items(blocks, reps, out["vectors"], out["present"])

    cache, key = index.derived, index.derived_key
    if cache is not None and key is not None:
        key = {"items": key, "layout": [list(x) for x in layout], "weights": BLOCK_WEIGHTS}
        arrays = cache.build("items", key, specs, fill, later=True)
    else:
        key = None
        arrays = {c: np.zeros(shape, np.dtype(dtype)) for c, (dtype, shape) in specs.items()}
        fill(arrays)
    return ItemVectors(
        cids, row, arrays["vectors"], arrays["present"], layout, reps, cache, key
    )  # fmt: skip


def _fill_items(
    blocks: list[tuple[str, Block]], reps: np.ndarray, vectors: np.ndarray, present: np.ndarray
) -> None:
    """Write the item vectors of ``blocks`` into ``vectors`` (zeros) and ``present``,
    a chunk of rows at a time, every block's columns of a chunk before its normalisation."""
    centres, scales, ats, cols = [], [], [], []
    col = 0
    for b, (key, block) in enumerate(blocks):
        d = int(block.matrix.shape[1])
        at = np.searchsorted(reps, block.file_ids)  # block rows are files that stand for all
        w = float(BLOCK_WEIGHTS.get(key, 1.0))
        if w < 0:
            raise ValueError(f"weight of {key!r} must be >= 0")
        # a block's rows are unit already (see Block): centre, normalise, weigh
        total = np.zeros(d, np.float64)
        for _, part in passes(block.matrix, _ROWS):
            total += np.asarray(part).sum(axis=0, dtype=np.float64)
        centres.append((total / max(len(at), 1)).astype(np.float32))
        scales.append(np.float32(np.sqrt(w)))
        ats.append(at)
        cols.append((col, col + d))
        present[at, b] = w > 0
        col += d

    def rows(start: int, stop: int) -> None:
        chunk = vectors[start:stop]
        for b, (_key, block) in enumerate(blocks):
            at = ats[b]
            lo, hi = np.searchsorted(at, [start, stop])
            if hi <= lo:
                continue
            part = _unit_rows(np.asarray(block.matrix[lo:hi], np.float32) - centres[b])
            if scales[b] != 1:
                part *= scales[b]
            c0, c1 = cols[b]
            if hi - lo == stop - start:  # the block covers every row here: a slice
                chunk[:, c0:c1] = part
            else:
                chunk[at[lo:hi] - start, c0:c1] = part
            release(block.matrix, int(lo), int(hi))
        _unit_rows(chunk, out=chunk)
        release(vectors, start, stop)

    in_row_chunks(len(reps), _ROWS, rows)


_EMPTY = IndexSnapshot(None, _NO_FILES, {}, {})

_DONE = object()


class _Background:
    """``work()`` on a thread of its own, started at once; :meth:`result` waits for it
    and returns its value (or raises its exception)."""

    def __init__(self, work: Callable[[], Any], name: str = "rebuild side") -> None:
        self._value: Any = None
        self._error: BaseException | None = None

        def run() -> None:
            lower_priority()
            try:
                self._value = work()
            except BaseException as exc:  # handed to whoever waits
                self._error = exc

        self._thread = threading.Thread(target=run, name=name, daemon=True)
        self._thread.start()

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def read_ahead(items: Iterator[Any], depth: int = 1) -> Iterator[Any]:
    """The items of ``items``, produced on a thread of their own up to ``depth`` ahead of
    the consumer: its waits (SQLite stepping, disk reads) overlap the consumer's work.
    An exception of the producer is raised here; a consumer that stops early stops it."""
    import queue

    out: queue.Queue = queue.Queue(maxsize=max(depth, 1))
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                out.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        lower_priority()
        try:
            for item in items:
                if not put((True, item)):
                    return
        except BaseException as exc:  # handed to the consumer
            put((False, exc))
            return
        put((True, _DONE))

    thread = threading.Thread(target=produce, name="read ahead", daemon=True)
    thread.start()
    try:
        while True:
            ok, item = out.get()
            if not ok:
                raise item
            if item is _DONE:
                return
            yield item
    finally:
        stop.set()
        thread.join()


def _raw_vectors(cids: list[str], blobs: list[bytes]) -> tuple[list[str], np.ndarray] | None:
    """Stored vector blobs -> one float32 matrix of the width most of them have (the
    others left out, with their content ids); None when there are none."""
    sizes = np.fromiter((len(b) for b in blobs), np.int64, len(blobs))
    if not len(sizes):
        return None
    width = int(np.bincount(sizes).argmax())  # the dimension most rows have
    if (sizes != width).any():
        keep = np.nonzero(sizes == width)[0].tolist()
        cids, blobs = [cids[i] for i in keep], [blobs[i] for i in keep]
    return cids, np.frombuffer(b"".join(blobs), np.float32).reshape(len(blobs), width // 4)


def _parts(raw: np.ndarray, modality: str) -> list[np.ndarray]:
    """:func:`_prepared` rows of ``raw``, ``_ROWS`` at a time."""
    return [
        _prepared(np.asarray(raw[start : start + _ROWS], np.float32), modality)
        for start in range(0, len(raw), _ROWS)
    ]


def _parsed(texts: list[Any]) -> list[dict]:
    """Tags as JSON texts (or dicts already) -> dicts: all the texts in one parse."""
    if all(isinstance(t, str) for t in texts):
        return json.loads("[" + ",".join(texts) + "]")
    return [json.loads(t) if isinstance(t, str) else t for t in texts]


class _TagIds:
    """Tag names <-> ids for :func:`_top_tags`: the store's ``tag_names`` (``read``),
    which packs use, and ids of its own, past any of the store's, for the tags of JSON
    rows that the store does not name."""

    _OWN = 1 << 40

    def __init__(self, read: Callable[[], Mapping[int, str]] | None = None) -> None:
        self._read = read
        self._names: dict[int, str] = dict(read()) if read is not None else {}
        self._ids = {tag: i for i, tag in self._names.items()}
        self._reread = read is not None

    def id(self, tag: str) -> int:
        i = self._ids.get(tag)
        if i is None:
            i = self._ids[tag] = self._OWN + len(self._ids)
            self._names[i] = tag
        return i

    def name(self, i: int) -> str | None:
        """The tag of an id. An id the store names but did not when it was read (a tag
        added since) reads the store's names again, once."""
        tag = self._names.get(i)
        if tag is None and self._reread and self._read is not None:
            self._reread = False
            for j, t in self._read().items():
                self._names.setdefault(j, t)
            tag = self._names.get(i)
        return tag


def _flat_texts(texts: list[Any], names: _TagIds) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tags as JSON (or dicts) -> each row's tag count, and every tag's id and score."""
    tags = _parsed(texts)
    lens = np.fromiter(map(len, tags), np.int64, len(tags))
    total = int(lens.sum())
    ids = np.fromiter(
        map(names.id, itertools.chain.from_iterable(tags)), np.int64, total
    )  # fmt: skip
    scores = np.fromiter(itertools.chain.from_iterable(d.values() for d in tags), np.float64, total)
    return lens, ids, scores


def _flat_rows(
    packs: list[bytes | None], texts: list[Any], names: _TagIds
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of tags, each a pack (``TAG_PACK`` records) or, where its pack is None, its
    JSON text -> each row's tag count, and every tag's id and score, in row order."""
    n = len(packs)
    json_rows = [i for i, p in enumerate(packs) if p is None]
    packed = np.frombuffer(b"".join(p for p in packs if p is not None), TAG_PACK)
    lens = np.fromiter((len(p) if p is not None else 0 for p in packs), np.int64, n)
    lens //= TAG_PACK.itemsize
    if not json_rows:
        return lens, packed["id"].astype(np.int64), packed["score"].astype(np.float64)
    text_lens, text_ids, text_scores = _flat_texts([texts[i] for i in json_rows], names)
    lens[json_rows] = text_lens
    from_text = np.zeros(n, bool)
    from_text[json_rows] = True
    at = np.repeat(from_text, lens)  # each tag: whether its row came as JSON
    ids, scores = np.empty(len(at), np.int64), np.empty(len(at), np.float64)
    ids[at], scores[at] = text_ids, text_scores
    ids[~at], scores[~at] = packed["id"], packed["score"]
    return lens, ids, scores


def _top_tags(
    texts: list[Any],
    vocabulary: list[str],
    packs: list[bytes | None] | None = None,
    names: _TagIds | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``TOP_TAGS`` highest-scoring tags (ties in their stored order), as ids
    into ``vocabulary`` (extended with new tags in the order they are first kept) and
    their scores: int32 and float32 [N, TOP_TAGS], -1 and 0 past a row's tags.

    A row's tags come as JSON text (or a dict) in ``texts``, or, where ``packs`` gives
    one, as its pack of ids in ``names`` (the JSON then unused)."""
    names = names if names is not None else _TagIds()
    if packs is None:
        lens, flat_ids, flat_scores = _flat_texts(texts, names)
    else:
        lens, flat_ids, flat_scores = _flat_rows(packs, texts, names)
    n = len(lens)
    tag_ids = np.full((n, TOP_TAGS), -1, np.int32)
    scores = np.zeros((n, TOP_TAGS), np.float32)
    total = int(lens.sum())
    if total == 0:
        return tag_ids, scores
    width = int(lens.max())
    rows = np.repeat(np.arange(n), lens)
    cols = np.arange(total) - np.repeat(np.cumsum(lens) - lens, lens)
    padded = np.full((n, width), np.inf)
    padded[rows, cols] = -flat_scores
    at = np.full((n, width), -1, np.int64)
    at[rows, cols] = flat_ids
    order = np.argsort(padded, axis=1, kind="stable")[:, :TOP_TAGS]  # highest first
    best_scores = -np.take_along_axis(padded, order, axis=1)
    best = np.take_along_axis(at, order, axis=1)
    kept = best >= 0
    k = best.shape[1]
    # tag ids -> vocabulary ids; new tags numbered in the order they are first kept
    used, first = np.unique(best[kept], return_index=True)
    if not len(used):
        return tag_ids, scores
    gid = np.full(len(used), -1, np.int64)  # the vocabulary id of each of ``used``
    known = {t: i for i, t in enumerate(vocabulary)}
    for u in np.argsort(first, kind="stable").tolist():
        tag = names.name(int(used[u]))
        if tag is None:  # a pack naming an id the store does not have: left out
            continue
        j = known.get(tag)
        if j is None:
            j = known[tag] = len(vocabulary)
            vocabulary.append(tag)
        gid[u] = j
    got = np.where(kept, gid[np.minimum(np.searchsorted(used, best), len(used) - 1)], -1)
    kept &= got >= 0
    tag_ids[:, :k] = np.where(kept, got, -1)
    scores[:, :k] = np.where(kept, best_scores, 0.0)
    return tag_ids, scores


class _Wider(Exception):
    """A content id longer than the contents table holds (the index is rebuilt)."""


#: The folder, inside the index cache, of what is derived from its snapshots.
DERIVED = "derived"


def _vector_key(extractor: str, name: str) -> str:
    return f"v:{extractor}.{name}"


class LibraryIndex:
    """The owner of the current :class:`IndexSnapshot`; :meth:`refresh` returns it.

    ``excluded`` names the extractors whose stored results are left out (those of disabled
    plugins); it is asked on every refresh, so toggling a plugin shows at the next question.
    ``folder`` is where the index is kept on disk (a temporary folder when None).
    """

    def __init__(
        self,
        store: Store,
        excluded: Callable[[], Collection[str]] | None = None,
        folder: Path | None = None,
    ) -> None:
        self.store = store
        self._excluded = excluded
        self._folder = folder
        self._lock = threading.Lock()
        self._snapshot = _EMPTY
        self._cache: FeatureCache | None = None
        self._sorted_ids = np.zeros(0, "S32")  # content ids of the cache, sorted
        self._sorted_codes = np.zeros(0, np.int64)  # their codes
        self._revision: int | None = None
        #: The file table last read or saved, and its position in the files' change log.
        self._file_table: FileTable | None = None
        self._file_table_at: int | None = None
        #: How many snapshots were built: lets a caller (or a test) see whether a
        #: question loaded the features at all.
        self.loads = 0
        #: How many times the cache was rebuilt from SQLite (0 when it opened as it was).
        self.rebuilds = 0
        #: The file columns a rebuild read beside its vectors, with the revision it
        #: rebuilt: the next snapshot of that revision takes them instead of a query.
        self._prefetched: tuple[int, int, FileTable] | None = None
        #: The manifest a rebuild left to write on another thread (see _settle).
        self._writing: _Background | None = None
        #: Rows a rebuild will write per (extractor, name): its tables are made that big.
        self._reserve: dict[tuple[str, str], int] = {}
        #: What is derived from the snapshots (item vectors, their projection), on disk
        #: beside the cache; ``derived.builds`` counts what had to be computed.
        self.derived: DerivedCache | None = None

    @property
    def snapshot(self) -> IndexSnapshot:
        """The current generation, as last refreshed (no database read)."""
        return self._snapshot

    def close(self) -> None:
        with self._lock:
            self._settle()
            if self.derived is not None:
                self.derived.settle()
            if self._cache is not None:
                self._cache.close()
                self._cache = None
            self._snapshot = _EMPTY
            self._prefetched = None
            self.loads, self._revision = 0, None

    def refresh(self) -> IndexSnapshot:
        """The up-to-date snapshot: cheap when nothing changed, incremental when little did."""
        with self._lock:
            revision = self.store.vectors.revision()
            excluded = frozenset(self._excluded() if self._excluded is not None else ())
            if self._cache is None:
                self._open(revision)
                self._revision = revision
                self._snapshot = self._build((revision, excluded), excluded)
                self.loads += 1
            elif revision != self._revision or self.loads == 0:
                self._sync(revision)
                self._revision = revision
                self._snapshot = self._build((revision, excluded), excluded)
                self.loads += 1
            elif (revision, excluded) != self._snapshot.fingerprint:
                self._snapshot = self._build((revision, excluded), excluded)  # no re-read
                self.loads += 1
            return self._snapshot

    def warm(self) -> bool:
        """Whether :meth:`refresh` is quick: the index is open already, or its cache on disk
        belongs to this database, is not ahead of it, and has its item vectors beside it.

        A cheap look at two small files: nothing is mapped or checked (refresh does that).
        """
        if self._cache is not None:
            return True
        if self._folder is None:
            return False
        try:
            data = json.loads((self._folder / MANIFEST).read_text(encoding="utf-8"))
            state = data["state"]
            return (
                state.get("database") == str(self.store.path)
                and int(state.get("revision", -1)) <= self.store.vectors.revision()
                and (self._folder / DERIVED / "items.json").is_file()
            )
        except (OSError, ValueError, KeyError, TypeError):
            return False

    # -- the cache: open, rebuild, append ------------------------------------------------

    def _open(self, revision: int) -> None:
        cache = self._cache = FeatureCache(self._folder)
        self.derived = DerivedCache(cache.root / DERIVED)
        state = cache.load()
        database = str(self.store.path)
        if (
            state is not None
            and state.get("database") == database
            and int(state.get("revision", -1)) <= revision
        ):
            self._index_contents()
            self._sync(revision, since=float(state["synced_at"]))
            counts = self.store.vectors.counts()
            live = {
                (t.meta["extractor"], t.meta["name"]): len(t.live()[0])
                for k, t in cache.tables.items()
                if k.startswith("v:")
            }
            if counts == live:
                return
        self._rebuild(revision)

    def _index_contents(self) -> None:
        cache = self._cache
        assert cache is not None and cache.contents is not None
        ids = np.asarray(cache.contents.view("ids"))
        order = np.argsort(ids, kind="stable")
        self._sorted_ids, self._sorted_codes = ids[order], order.astype(np.int64)

    def _rebuild(self, revision: int) -> None:
        """Everything from SQLite, a block at a time (bounded memory)."""
        cache = self._cache
        assert cache is not None
        self._settle()
        started = time.time()
        vectors = self.store.vectors
        vocabularies: dict[str, list[str]] = {}

        def tag_rows() -> list[tuple[str, list[str], np.ndarray, np.ndarray]]:
            # the tags' top rows, unpacked (or parsed) and picked chunk by chunk in the
            # order they are appended, with each extractor's vocabulary grown as
            # _put_tags grows it
            out = []
            names = _TagIds(vectors.tag_names)
            for rows in vectors.tag_chunks():
                by: dict[str, list[tuple[str, bytes | None, str | None]]] = {}
                for cid, extractor, pack, text in rows:
                    by.setdefault(extractor, []).append((cid, pack, text))
                for extractor, items in by.items():
                    vocabulary = vocabularies.setdefault(extractor, [])
                    ids, scores = _top_tags(
                        [t for _, _, t in items], vocabulary, [p for _, p, _ in items], names
                    )
                    out.append((extractor, [c for c, _, _ in items], ids, scores))
            return out

        # The file columns and the tags (a JSON parse) on a thread of their own, while
        # SQLite reads the chunks of vectors on another (on its own connection, the GIL
        # released while it steps) and this one projects and writes them: a cold start's
        # steps at once on two cores, with the same rows in the same order
        # (the log position is read before the rows, as _files does)
        side = _Background(
            lambda: (self.store.vectors.file_log_position(), self._query_files(), tag_rows())
        )
        contents = vectors.result_contents()
        cache.reset(max(max(map(len, contents), default=0), 1), len(contents))
        self._index_contents()
        # every content gets its code at once: the chunks then only look codes up (a
        # contents table grown chunk by chunk re-sorted its ids ~45 times at 10^5)
        self._codes(contents)
        self._reserve = {key: n for key, n in vectors.counts().items()}

        def chunks() -> Iterator[tuple[tuple[str, str, str], Any]]:
            for extractor, name, modality in vectors.block_names():
                for cids, blobs in vectors.block_chunks(extractor, name):
                    got = _raw_vectors(cids, blobs)
                    if got is not None:
                        yield (extractor, name, modality), got

        for (extractor, name, modality), (cids, raw) in read_ahead(chunks(), depth=2):
            parts = _parts(raw, modality)  # numpy lets go of the GIL: beside the reads
            self._put_prepared(extractor, name, modality, cids, raw.shape[1], parts)
        position, files, tagged = side.result()
        self._prefetched = (revision, position, files)
        rows: dict[str, int] = {}
        for extractor, cids, _, _ in tagged:
            rows[extractor] = rows.get(extractor, 0) + len(cids)
        for extractor, cids, ids, scores in tagged:
            table = self._tag_table(extractor, rows[extractor])
            table.meta["vocabulary"] = vocabularies[extractor]
            table.append({"codes": self._codes(cids), "ids": ids, "scores": scores})
        self._reserve = {}
        # the manifest (after a sync of every file it names: ~600 MB at 10^5 files, seconds
        # on a busy disk) is written on another thread: nothing in this process needs it,
        # and until it is on disk a crash only means another rebuild at the next start
        self._publish(revision, started, later=True)
        self.rebuilds += 1

    def _publish(self, revision: int, synced_at: float, later: bool = False) -> None:
        assert self._cache is not None
        self._commit(
            {
                **self._cache.state,
                "database": str(self.store.path),
                "revision": revision,
                "synced_at": synced_at,
            },
            later,
        )

    def _commit(self, state: dict[str, Any], later: bool) -> None:
        """Publish the cache's manifest now, or ``later`` on a thread of its own (after
        the one being written, if any: the manifests are written in order)."""
        cache = self._cache
        assert cache is not None
        if not later:
            self._settle()
            cache.publish(state)
            return
        staged, before = cache.stage(state), self._writing

        def write() -> None:
            if before is not None:
                before.result()
            staged.write()

        self._writing = _Background(write, "index manifest")

    def _settle(self) -> None:
        """Wait for a manifest being written on another thread (before the cache's files
        change under it, or the cache is closed). A manifest that could not be written
        leaves the last one on disk: checked at the next start, and rebuilt if stale."""
        writing, self._writing = self._writing, None
        if writing is None:
            return
        try:
            writing.result()
        except OSError as exc:
            log.warning("the feature index's manifest was not written: %s", exc)
        if self._cache is not None:
            self._cache.sweep()

    def _sync(self, revision: int, since: float | None = None) -> None:
        """Append the vectors and tags stored since the last sync.

        Every extraction rewrites its ``features`` row, so ``created_at`` tells what is
        new; the rows are appended to the cache (nothing already there changes), so a
        refresh during indexing reads only the files extracted since.
        """
        cache = self._cache
        assert cache is not None
        self._settle()
        started = time.time()
        at = float(cache.state.get("synced_at", 0.0)) if since is None else since
        vectors = self.store.vectors
        changed = vectors.changed_since(at - 2.0)  # slack for clocks and transactions
        if len(changed) > FULL_RELOAD_AFTER:
            self._rebuild(revision)
            return
        if any(len(cid) > cache.width for cid, _ in changed):
            self._rebuild(revision)  # longer content ids than the table holds
            return
        if changed:
            first = vectors.first_files({cid for cid, _ in changed})
            changed.sort(key=lambda p: (first.get(p[0], 1 << 62), p))  # file order
            grouped: dict[tuple[str, str, str], tuple[list[str], list[bytes]]] = {}
            for v in vectors.vectors_of(changed):
                cids, blobs = grouped.setdefault((v.extractor, v.name, v.modality), ([], []))
                cids.append(v.content_id)
                blobs.append(v.vector.tobytes())
            for (extractor, name, modality), (cids, blobs) in grouped.items():
                self._put_vectors(extractor, name, modality, cids, blobs)
            tagged: dict[str, list[tuple[str, str]]] = {}
            for t in vectors.tags_of(changed):
                tagged.setdefault(t.extractor, []).append((t.content_id, json.dumps(t.tags)))
            for extractor, items in tagged.items():
                self._put_tags(extractor, items)
        self._publish(revision, started)

    def _codes(self, content_ids: list[str]) -> np.ndarray:
        """The cache's code of each content id, adding the new ones to the contents table."""
        cache = self._cache
        assert cache is not None and cache.contents is not None
        width = cache.width
        if any(len(c) > width for c in content_ids):
            raise _Wider()
        keys = _byte_keys(content_ids, width)
        at = _lookup(self._sorted_ids, keys)
        codes = np.full(len(keys), -1, np.int64)
        codes[at >= 0] = self._sorted_codes[at[at >= 0]]
        missing = codes < 0
        if missing.any():
            new, inverse = np.unique(keys[missing], return_inverse=True)
            base = cache.contents.rows
            cache.contents.append(
                {"codes": np.arange(base, base + len(new)), "ids": new}
            )  # fmt: skip
            codes[missing] = base + inverse
            merged = np.concatenate([self._sorted_ids, new])
            merged_codes = np.concatenate([self._sorted_codes, np.arange(base, base + len(new))])
            order = np.argsort(merged, kind="stable")
            self._sorted_ids, self._sorted_codes = merged[order], merged_codes[order]
        return codes.astype(np.int32)

    def _put_vectors(
        self, extractor: str, name: str, modality: str, cids: list[str], blobs: list[bytes]
    ) -> None:
        got = _raw_vectors(cids, blobs)
        if got is not None:
            cids, raw = got
            self._put_prepared(extractor, name, modality, cids, raw.shape[1], _parts(raw, modality))

    def _put_prepared(
        self, extractor: str, name: str, modality: str, cids: list[str], dim: int,
        parts: list[np.ndarray],
    ) -> None:  # fmt: skip
        """Append prepared rows (:func:`_prepared` of ``dim``-wide stored vectors)."""
        cache = self._cache
        assert cache is not None
        key = _vector_key(extractor, name)
        table = cache.tables.get(key)
        if table is not None and int(table.meta["dim"]) != dim:
            cache.discard(table.files())  # the extractor changed its dimension: afresh
            table = None
        if table is None:
            d = min(dim, SIMILARITY_DIM) if modality != "text" else dim
            table = cache.tables[key] = Table.new(
                cache.root, f"v-{uuid.uuid4().hex[:12]}",
                {"m": ("<f4", (d,))},
                {"extractor": extractor, "name": name, "modality": modality, "dim": dim},
                self._reserve.get((extractor, name), 0),
            )  # fmt: skip
        codes = self._codes(cids)
        start = 0
        for part in parts:
            table.append({"codes": codes[start : start + len(part)], "m": part})
            start += len(part)

    def _put_tags(self, extractor: str, items: list[tuple[str, Any]]) -> None:
        """Append each content's strongest tags (``items``: content id, tags as JSON
        text or a dict). The texts of a chunk are parsed as one JSON array and the top
        tags of every row are picked by one sort of a padded matrix: a Python loop per
        tag had cost a cold start ~1 s at 10^5 files."""
        if not items:
            return
        table = self._tag_table(extractor)
        vocabulary: list[str] = table.meta["vocabulary"]
        tag_ids, scores = _top_tags([t for _, t in items], vocabulary)
        table.append(
            {"codes": self._codes([c for c, _ in items]), "ids": tag_ids, "scores": scores}
        )

    def _tag_table(self, extractor: str, capacity: int = 0) -> Table:
        """The cache's table of one extractor's top tags (made empty, with room for
        ``capacity`` rows, when missing)."""
        cache = self._cache
        assert cache is not None
        key = f"t:{extractor}"
        table = cache.tables.get(key)
        if table is None:
            table = cache.tables[key] = Table.new(
                cache.root, f"t-{uuid.uuid4().hex[:12]}",
                {"ids": ("<i4", (TOP_TAGS,)), "scores": ("<f4", (TOP_TAGS,))},
                {"extractor": extractor, "vocabulary": []},
                capacity,
            )  # fmt: skip
        return table

    # -- snapshots ---------------------------------------------------------------------

    def _files(self, revision: int) -> tuple[FileTable, np.ndarray]:
        """The available media as columns, and each content's code in the cache (-1: none).

        The columns are kept beside the cache with the library revision and the position
        in the log of changed files (``file_changes``) they were read at: when nothing
        changed since (a restart), they are loaded, not queried; when the revision moved,
        only the rows the log names are read and patched in (a full read of 10^6 rows
        cost ~3 s of CPU with the GIL held, on every revision during indexing).
        """
        table = self._saved_files(revision)
        prefetched, self._prefetched = self._prefetched, None
        if table is None and prefetched is not None and prefetched[0] == revision:
            table = prefetched[2]  # read beside the rebuild of this revision
            self._save_files(table, revision, prefetched[1])
        if table is None:
            table = self._changed_files(revision)
        if table is None:
            position = self.store.vectors.file_log_position()  # before the rows
            table = self._query_files()
            self._save_files(table, revision, position)
        self._file_table = table
        content_ids = table.content_ids
        width = max(self._sorted_ids.dtype.itemsize, content_ids.dtype.itemsize, 1)
        cache_codes = np.full(len(content_ids), -1, np.int64)
        if len(self._sorted_ids):
            at = _lookup(
                self._sorted_ids.astype(f"S{width}", copy=False),
                content_ids.astype(f"S{width}", copy=False),
            )
            cache_codes = np.where(at >= 0, self._sorted_codes[np.maximum(at, 0)], -1)
        return table, cache_codes

    _FILE_COLUMNS = ("ids", "codes", "content_ids", "first", "kinds", "durations", "added_at")

    def _saved_files(self, revision: int | None) -> FileTable | None:
        """The saved columns if they were read at ``revision`` (None: at any revision)."""
        cache = self._cache
        assert cache is not None
        if revision is not None and cache.state.get("files_revision") != revision:
            return None
        if "files_revision" not in cache.state:
            return None
        kept = self._file_table
        if kept is not None and self._file_table_at == cache.state.get("files_log"):
            return kept if revision is None else self._counted(kept)
        try:
            with np.load(cache.root / "files.npz", allow_pickle=False) as data:
                cols = {c: data[c] for c in self._FILE_COLUMNS}
            names = list(cache.state["kind_names"])
            if not (len(cols["ids"]) == len(cols["codes"]) == len(cols["kinds"])):
                return None
            if len(cols["content_ids"]) != len(cols["first"]):
                return None
        except (OSError, ValueError, KeyError, TypeError):
            return None
        table = FileTable(
            self.store, cols["ids"], cols["codes"], cols["content_ids"], cols["first"],
            cols["kinds"], names, cols["durations"], cols["added_at"],
        )  # fmt: skip
        self._file_table, self._file_table_at = table, cache.state.get("files_log")
        return table if revision is None else self._counted(table)

    def _counted(self, table: FileTable) -> FileTable | None:
        """``table`` if it holds as many files as the library has available."""
        return table if len(table.ids) == self.store.vectors.media_count() else None

    def _changed_files(self, revision: int) -> FileTable | None:
        """The saved columns with the files changed since patched in; None when a full
        read is due (nothing saved, the log does not reach back, too many changes)."""
        cache = self._cache
        assert cache is not None
        at = cache.state.get("files_log")
        if not isinstance(at, int):
            return None
        changed = self.store.vectors.files_changed_since(at)
        if changed is None:
            return None
        position, file_ids = changed
        base = self._saved_files(None)
        if base is None or len(file_ids) > max(FILES_PATCH_MIN, len(base.ids) // 4):
            return None
        if not file_ids:  # results only: the same files, at a newer revision
            cache.state["files_revision"] = revision
            self._dirty = True
            return base
        patched = _patched_files(
            base, np.array(file_ids, np.int64), self.store.vectors.media_columns_of(file_ids)
        )
        table = self._counted(patched)
        if table is not None:
            self._save_files(table, revision, position)
        return table

    def _save_files(self, table: FileTable, revision: int, position: int) -> None:
        cache = self._cache
        assert cache is not None
        tmp = cache.root / "files.tmp.npz"
        try:
            np.savez(tmp, **{c: getattr(table, c) for c in self._FILE_COLUMNS})
            os.replace(tmp, cache.root / "files.npz")
        except OSError:
            return
        cache.state["files_revision"] = revision
        cache.state["files_log"] = position
        cache.state["kind_names"] = table.kind_names
        self._file_table, self._file_table_at = table, position
        self._dirty = True

    def _query_files(self) -> FileTable:
        return _file_table(self.store, self.store.vectors.media_columns())

    def _selection(self, table: Table, reps: np.ndarray, rep_codes: np.ndarray):
        """Rows of ``table`` for the files that stand for their content, in file order."""
        live_codes, live_rows = table.live()
        assert self._cache is not None and self._cache.contents is not None
        row_of_code = np.full(self._cache.contents.rows + 1, -1, np.int64)
        row_of_code[live_codes] = live_rows
        sel = row_of_code[rep_codes]  # rep_codes -1 reads the last slot: -1
        keep = sel >= 0
        return reps[keep], sel[keep], live_rows

    def _rows_in_order(
        self, table: Table, column: str, rows: np.ndarray, live_rows: np.ndarray
    ) -> np.ndarray:
        """The rows of one column as one array: a view of the mapped file when they are
        its first rows in order, else gathered (small) or rewritten in order (big)."""
        view = table.view(column)
        k = len(rows)
        if k and rows[0] == 0 and rows[-1] == k - 1 and (np.diff(rows) == 1).all():
            return view[:k]
        row_bytes = view.itemsize * int(np.prod(view.shape[1:], dtype=np.int64))
        if k * row_bytes <= GATHER_BYTES:
            return np.ascontiguousarray(view[rows])
        assert self._cache is not None
        rest = np.setdiff1d(live_rows, rows, assume_unique=True)
        self._cache.discard(table.rewrite(np.concatenate([rows, rest])))
        self._dirty = True
        return table.view(column)[:k]

    def _build(self, fingerprint: Any, excluded: frozenset[str]) -> IndexSnapshot:
        cache = self._cache
        assert cache is not None
        self._dirty = False
        files, cache_codes = self._files(int(fingerprint[0]))
        reps = files.first  # per snapshot code
        order = np.argsort(reps, kind="stable")
        reps, rep_codes = reps[order], cache_codes[order]
        blocks: dict[str, Block] = {}
        tables: dict[str, TagTable] = {}
        for key in sorted(cache.tables):
            table = cache.tables[key]
            extractor = table.meta["extractor"]
            if extractor in excluded:
                continue
            fids, rows, live_rows = self._selection(table, reps, rep_codes)
            if not len(fids):
                continue
            if key.startswith("v:"):
                modality = table.meta["modality"]
                if modality == "audio":
                    matrix = _standardised(table.view("m"), rows)
                else:
                    matrix = self._rows_in_order(table, "m", rows, live_rows)
                block = Block(
                    extractor, table.meta["name"], modality, fids, matrix,
                    np.searchsorted(files.ids, fids),
                )  # fmt: skip
                blocks[block.key] = block
            else:
                tag_ids = self._rows_in_order(table, "ids", rows, live_rows)
                live_rows = table.live()[1]  # (a rewrite renumbered them)
                fids, rows, live_rows = self._selection(table, reps, rep_codes)
                scores = self._rows_in_order(table, "scores", rows, live_rows)
                vocabulary = list(table.meta["vocabulary"])
                used = np.bincount(np.asarray(tag_ids).ravel() + 1, minlength=len(vocabulary) + 1)
                if (used[1:] == 0).any():  # tags only older results had: leave them out
                    keep = np.nonzero(used[1:])[0]
                    new_id = np.full(len(vocabulary) + 1, -1, np.int32)
                    new_id[keep + 1] = np.arange(len(keep), dtype=np.int32)
                    tag_ids = new_id[np.asarray(tag_ids) + 1]
                    vocabulary = [vocabulary[i] for i in keep.tolist()]
                tables[extractor] = TagTable(
                    extractor, vocabulary, fids, tag_ids, scores,
                    np.sqrt(np.maximum(scores, 0.0)),
                )  # fmt: skip
        if self._dirty:  # rewritten tables or new file columns: say so in the manifest
            self._commit(cache.state, later=self._writing is not None)
        # What the derived matrices were built from: the revision says which results
        # (rows re-appended with the same values do not count), the tables' names and
        # generations which cache holds them (a rebuilt cache gets new names).
        derived_key = {
            "database": str(self.store.path),
            "revision": int(fingerprint[0]),
            "excluded": sorted(excluded),
            "tables": {k: [t.stem, t.gen] for k, t in sorted(cache.tables.items())},
        }
        return IndexSnapshot(fingerprint, files, blocks, tables, self.derived, derived_key)


def _file_table(store: Store | None, columns: MediaColumns) -> FileTable:
    """The file table of these media rows (:meth:`Vectors.media_columns`, in id order)."""
    file_ids, keys, kinds = columns.ids, columns.content_ids, columns.kinds
    n = len(file_ids)
    order = np.argsort(keys, kind="stable")  # by content, lowest id first (ids ascend)
    sorted_keys = keys[order]
    starts = np.ones(n, bool)
    if n:
        starts[1:] = sorted_keys[1:] != sorted_keys[:-1]
    code_sorted = np.cumsum(starts) - 1
    codes = np.empty(n, np.int64)
    codes[order] = code_sorted
    content_ids = sorted_keys[starts]
    first = file_ids[order][starts]
    names = sorted({k for k in kinds if k is not None}) + [None]
    name_at = {k: i for i, k in enumerate(names)}
    kind_codes = np.array([name_at[k] for k in kinds], np.int8)
    return FileTable(
        store, file_ids, codes, content_ids, first, kind_codes, names, columns.durations,
        columns.added_at,
    )  # fmt: skip


def _patched_files(base: FileTable, changed: np.ndarray, rows: MediaColumns) -> FileTable:
    """``base`` with the files ``changed`` (sorted ids) replaced by ``rows``, their current
    :meth:`Vectors.media_columns` (those still available media): the same table a full
    read gives (:func:`_file_table`), in a few passes of numpy over the columns instead
    of a Python loop over every row."""
    new = _file_table(None, rows)
    # the files kept as they were
    keep = np.ones(len(base.ids), bool)
    at_base = _lookup(base.ids, changed)  # (the few changed ids looked up, not every row)
    keep[at_base[at_base >= 0]] = False
    k_ids, k_codes = base.ids[keep], base.codes[keep]
    # contents: those the kept files still use, with the new rows' merged in, in order
    used = np.zeros(len(base.content_ids), bool)
    used[k_codes] = True
    old_keys = base.content_ids[used]
    width = max(1, new.content_ids.dtype.itemsize if len(new.content_ids) else 1)
    if len(old_keys):
        longest = base.content_ids.dtype.itemsize  # some content is that long...
        gone = base.content_ids[~used]
        if len(gone) and int(np.strings.str_len(gone).max()) == longest:
            longest = int(np.strings.str_len(old_keys).max())  # ...unless it went
        width = max(width, longest)
    old_keys = old_keys.astype(f"S{width}")
    new_keys = new.content_ids.astype(f"S{width}")
    novel = new_keys[_lookup(old_keys, new_keys) < 0]
    at = np.searchsorted(old_keys, novel)
    content_ids = np.insert(old_keys, at, novel)
    # an old content moves up by the new ones inserted at or before its place
    moved = (
        np.arange(len(old_keys))
        + np.cumsum(np.bincount(at, minlength=len(old_keys) + 1))[: len(old_keys)]
    )
    code_of_old = np.full(len(base.content_ids), -1, np.int64)
    code_of_old[used] = moved
    # kinds: the names still used, and the new rows'
    used_kinds = np.bincount(base.kinds[keep].astype(np.int64), minlength=len(base.kind_names))
    present = {k for k, c in zip(base.kind_names, used_kinds, strict=True) if c and k is not None}
    names = sorted(present | {k for k in new.kind_names if k is not None}) + [None]
    old_kind = np.array([names.index(k) if k in names else -1 for k in base.kind_names], np.int8)
    new_kind = np.array([names.index(k) for k in new.kind_names], np.int8)
    # the rows, merged in id order
    where = np.searchsorted(k_ids, new.ids)
    ids = np.insert(k_ids, where, new.ids)
    codes = np.insert(
        code_of_old[k_codes], where, np.searchsorted(content_ids, new_keys)[new.codes]
    )
    kinds = np.insert(old_kind[base.kinds[keep]], where, new_kind[new.kinds])
    durations = np.insert(base.durations[keep], where, new.durations)
    added = np.insert(base.added_at[keep], where, new.added_at)
    # the first file of each content: kept where neither a removed file nor a new one
    # could have been it, else the lowest id among the content's files now
    first = np.full(len(content_ids), np.iinfo(np.int64).max, np.int64)
    first[moved] = base.first[used]
    if len(content_ids):
        touched = np.zeros(len(content_ids), bool)
        gone = code_of_old[base.codes[~keep]]
        touched[gone[gone >= 0]] = True
        touched[np.searchsorted(content_ids, new_keys)] = True
        first[touched] = np.iinfo(np.int64).max
        rows_touched = touched[codes]
        np.minimum.at(first, codes[rows_touched], ids[rows_touched])
    return FileTable(
        base._store, ids, codes, content_ids, first, kinds, names, durations, added
    )  # fmt: skip


def _standardised(view: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Hand-made descriptors mix scales (Hz, dB, coefficients): standardise each column
    over the library so cosine similarity weighs them alike, then normalise the rows."""
    matrix = np.asarray(view[rows], np.float32)
    if len(rows) > 1:
        matrix = (matrix - matrix.mean(0)) / (matrix.std(0) + 1e-6)
    return _normalise(matrix).astype(np.float32)
