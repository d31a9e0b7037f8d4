"""In-memory numpy views of the library's features, for search, similarity and ranking.

Per (extractor, vector name) one float32 matrix of the available media files
that have it, and per tagging extractor a dense top-K table of tag ids and
scores. Loading 100,000 vectors from SQLite takes a moment, so the index is
built once and rebuilt only when the ``vectors``/``features``/``files`` tables
change (a cheap fingerprint query decides) or the set of active extractors does.

Each build is an immutable :class:`IndexSnapshot`, swapped in by one reference
assignment: a reader that holds a snapshot sees one generation, never the files of one
and the vectors of the next. The snapshot also owns what is derived from it, built once
on first use (the recommender's item vectors, the merged tags).

A disabled plugin's stored results do not take part: they stay in memory (and in the
database) and come back the moment it is enabled, without a re-read or a re-extraction.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from medialens.recommend import build_item_vectors
from medialens.store import Store

TOP_TAGS = 12
# Wide embeddings (the 1280-d visual one) are projected to this many dimensions for
# similarity: a fixed random Gaussian projection keeps cosines within a few hundredths
# (Johnson-Lindenstrauss) and makes a query over 100,000 files read 5x less memory.
# Text vectors keep their width: queries are embedded in that very space.
SIMILARITY_DIM = 256


@dataclass
class Block:
    """The vectors one extractor stores under one name, one row per file."""

    extractor: str
    name: str
    modality: str
    file_ids: np.ndarray  # int64 [N]
    matrix: np.ndarray  # float32 [N, d], rows L2-normalised (standardised first for "audio")
    positions: np.ndarray  # int64 [N]: each row's position in LibraryIndex.file_ids
    row_of: dict[int, int] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.extractor}.{self.name}"


@dataclass
class TagTable:
    """Each file's strongest tags from one extractor, as dense arrays for vectorised scoring."""

    extractor: str
    vocabulary: list[str]
    file_ids: np.ndarray  # [N]
    tag_ids: np.ndarray  # int32 [N, K], -1 where a file has fewer tags
    scores: np.ndarray  # float32 [N, K]
    strength: np.ndarray  # float32 [N, K]: sqrt of the scores, how much each tag counts
    row_of: dict[int, int] = field(default_factory=dict)


FULL_RELOAD_AFTER = 5000  # changed files past which one full read beats many small ones


class _RawVectors:
    """Every stored vector of one (extractor, name), by content id, in a growing matrix."""

    def __init__(self, modality: str) -> None:
        self.modality = modality
        self.row: dict[str, int] = {}
        self.data = np.zeros((0, 0), dtype=np.float32)

    def put(self, content_id: str, vector: np.ndarray) -> None:
        if self.data.shape[1] != vector.shape[0]:
            if self.row:  # the extractor changed its dimension: start this block afresh
                self.row = {}
            self.data = np.zeros((16, vector.shape[0]), dtype=np.float32)
        row = self.row.get(content_id)
        if row is None:
            row = self.row[content_id] = len(self.row)
            if row >= self.data.shape[0]:
                self.data = np.concatenate([self.data, np.zeros_like(self.data)])
        self.data[row] = vector


def _projection(dim: int) -> np.ndarray:
    """The same fixed random projection for every load (seeded by the input width)."""
    rng = np.random.default_rng(dim)
    return rng.standard_normal((dim, SIMILARITY_DIM)).astype(np.float32)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


#: Share of each (extractor.name) block in the item vectors; absent = 1, every block alike.
BLOCK_WEIGHTS: dict[str, float] = {}


@dataclass(frozen=True)
class ItemVectors:
    """One unit vector per content id of the available media, from every block taking part."""

    content_ids: list[str]
    row: dict[str, int]
    vectors: np.ndarray  # [M, D] float32, unit rows (zero when a file has no block)
    present: np.ndarray  # [M, B] bool
    layout: tuple[tuple[str, int], ...]  # (extractor/name, dim) in block order

    def __len__(self) -> int:
        return len(self.content_ids)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1]) if self.vectors.ndim == 2 else 0


class IndexSnapshot:
    """One generation of the index: never changed after it is built (share it freely)."""

    def __init__(
        self,
        fingerprint: Any,
        files: dict[int, dict],
        file_of_content: dict[str, int],
        blocks: dict[str, Block],
        tags: dict[str, TagTable],
        raw_tags: dict[str, dict[str, dict[str, float]]],
    ) -> None:
        self.fingerprint = fingerprint
        #: The extractors whose stored results this snapshot leaves out (disabled plugins').
        self.excluded: frozenset[str] = (
            fingerprint[1] if isinstance(fingerprint, tuple) else frozenset()
        )
        self.files = files  # file id -> {path, title, kind, content_id, duration, added_at}
        self.file_of_content = file_of_content  # copies share features: one stands for all
        self.file_ids = np.array(sorted(files), dtype=np.int64)  # ascending
        codes: dict[str, int] = {}
        self.content_codes = np.array(  # equal codes = identical content
            [codes.setdefault(files[int(f)]["content_id"], len(codes)) for f in self.file_ids],
            dtype=np.int64,
        )
        self._code_of = codes
        self.blocks = blocks
        self.tags = tags
        self._raw_tags = raw_tags
        self._lock = threading.Lock()
        self._items: ItemVectors | None = None
        self._merged_tags: dict[str, dict[str, tuple[float, str]]] | None = None

    def content_code(self, file_id: int) -> int:
        return self._code_of.get(self.files[file_id]["content_id"], -1)

    def blocks_of(self, modality: str) -> list[Block]:
        return [b for b in self.blocks.values() if b.modality == modality]

    def vector(self, key: str, file_id: int) -> np.ndarray | None:
        block = self.blocks.get(key)
        if block is None or file_id not in block.row_of:
            return None
        return block.matrix[block.row_of[file_id]]

    def item_vectors(self) -> ItemVectors:
        """The recommender's vectors of this generation, built on first use only."""
        with self._lock:
            if self._items is None:
                self._items = _item_vectors(self)
            return self._items

    def content_tags(self) -> dict[str, dict[str, tuple[float, str]]]:
        """Every content id's tags: the highest score over the extractors, and which."""
        with self._lock:
            if self._merged_tags is None:
                out: dict[str, dict[str, tuple[float, str]]] = {}
                for extractor in sorted(self._raw_tags):
                    for cid, tags in self._raw_tags[extractor].items():
                        merged = out.setdefault(cid, {})
                        for tag, score in tags.items():
                            if tag not in merged or float(score) > merged[tag][0]:
                                merged[tag] = (float(score), extractor)
                self._merged_tags = out
            return self._merged_tags


def _item_vectors(index: IndexSnapshot) -> ItemVectors:
    """Blocks of the index (audio descriptors already standardised) -> item vectors."""
    reps = [
        int(f)
        for f in index.file_ids
        if index.file_of_content.get(index.files[int(f)]["content_id"]) == int(f)
    ]
    cids = [index.files[f]["content_id"] for f in reps]
    row = {cid: i for i, cid in enumerate(cids)}
    slot = {f: i for i, f in enumerate(reps)}
    blocks = {}
    for key, block in sorted(index.blocks.items()):
        values = np.full((len(cids), block.matrix.shape[1]), np.nan, np.float32)
        at = [slot[int(f)] for f in block.file_ids]
        values[at] = block.matrix
        blocks[key] = values
    if not blocks or not cids:
        empty = np.zeros((len(cids), 0), np.float32)
        return ItemVectors(cids, row, empty, np.zeros((len(cids), 0), bool), ())
    vectors, present = build_item_vectors(blocks, BLOCK_WEIGHTS)
    # build_item_vectors lays blocks out in sorted name order, as ``layout`` is.
    layout = tuple((key, int(values.shape[1])) for key, values in sorted(blocks.items()))
    return ItemVectors(cids, row, vectors, present, layout)


_EMPTY = IndexSnapshot(None, {}, {}, {}, {}, {})


class LibraryIndex:
    """The owner of the current :class:`IndexSnapshot`; :meth:`refresh` returns it.

    ``excluded`` names the extractors whose stored results are left out (those of disabled
    plugins); it is asked on every refresh, so toggling a plugin shows at the next question.
    """

    def __init__(self, store: Store, excluded: Callable[[], Collection[str]] | None = None) -> None:
        self.store = store
        self._excluded = excluded
        self._lock = threading.Lock()
        self._snapshot = _EMPTY
        self._raw: dict[tuple[str, str], _RawVectors] = {}
        self._raw_tags: dict[str, dict[str, dict[str, float]]] = {}
        self._synced_at: float | None = None
        self._revision: int | None = None
        #: How many snapshots were built: lets a caller (or a test) see whether a
        #: question loaded the features at all.
        self.loads = 0

    @property
    def snapshot(self) -> IndexSnapshot:
        """The current generation, as last refreshed (no database read)."""
        return self._snapshot

    def refresh(self) -> IndexSnapshot:
        """The up-to-date snapshot: cheap when nothing changed, incremental when little did."""
        with self._lock:
            revision = self.store.vectors.revision()
            excluded = frozenset(self._excluded() if self._excluded is not None else ())
            if revision != self._revision or self.loads == 0:
                self._sync_features()
                self._revision = revision
                self._snapshot = self._build((revision, excluded), excluded)
                self.loads += 1
            elif (revision, excluded) != self._snapshot.fingerprint:
                self._snapshot = self._build((revision, excluded), excluded)  # no re-read
                self.loads += 1
            return self._snapshot

    def _sync_features(self) -> None:
        """Read the vectors and tags stored since the last sync (all of them the first time).

        Every extraction rewrites its ``features`` row, so ``created_at`` tells what is new;
        the raw rows are kept by content id, so a refresh during indexing reads only the
        files extracted since, not the whole library again. The dicts of a built snapshot
        are never changed: this writes into fresh copies.
        """
        started = time.time()
        vectors = self.store.vectors
        changed: list[tuple[str, str]] | None = None
        if self._synced_at is not None:
            # slack for clocks and transactions in flight
            changed = vectors.changed_since(self._synced_at - 2.0)
            if len(changed) > FULL_RELOAD_AFTER:
                changed = None
        if changed is None:
            raw: dict[tuple[str, str], _RawVectors] = {}
            raw_tags: dict[str, dict[str, dict[str, float]]] = {}
            vector_rows, tag_rows = vectors.all_vectors(), vectors.all_tags()
        else:
            raw, raw_tags = self._raw, {e: dict(t) for e, t in self._raw_tags.items()}
            vector_rows, tag_rows = vectors.vectors_of(changed), vectors.tags_of(changed)
        for v in vector_rows:
            raw.setdefault((v.extractor, v.name), _RawVectors(v.modality)).put(
                v.content_id, v.vector
            )
        for t in tag_rows:
            raw_tags.setdefault(t.extractor, {})[t.content_id] = t.tags
        self._raw, self._raw_tags = raw, raw_tags
        self._synced_at = started

    def _build(self, fingerprint: Any, excluded: frozenset[str]) -> IndexSnapshot:
        files: dict[int, dict] = {}
        file_of_content: dict[str, int] = {}
        for f in self.store.vectors.available_media():
            files[f.id] = {
                "path": f.path,
                "title": f.title,
                "kind": f.kind,
                "content_id": f.content_id,
                "duration": f.duration,
                "added_at": f.added_at,
            }
            file_of_content.setdefault(f.content_id, f.id)

        file_ids = sorted(files)
        position = {fid: i for i, fid in enumerate(file_ids)}
        blocks: dict[str, Block] = {}
        for (extractor, name), raw in self._raw.items():
            if extractor in excluded:
                continue
            pairs = [(fid, raw.row[cid]) for cid, fid in file_of_content.items() if cid in raw.row]
            if not pairs:
                continue
            pairs.sort()
            ids = [fid for fid, _ in pairs]
            matrix = raw.data[[r for _, r in pairs]]
            if matrix.shape[1] > SIMILARITY_DIM and raw.modality != "text":
                matrix = _normalise(matrix) @ _projection(matrix.shape[1])
            if raw.modality == "audio" and len(ids) > 1:
                # hand-made descriptors mix scales (Hz, dB, coefficients): standardise each
                # column so cosine similarity weighs them alike
                matrix = (matrix - matrix.mean(0)) / (matrix.std(0) + 1e-6)
            block = Block(
                extractor, name, raw.modality, np.array(ids, dtype=np.int64), _normalise(matrix),
                np.array([position[i] for i in ids], dtype=np.int64),
            )  # fmt: skip
            block.row_of = {fid: i for i, fid in enumerate(ids)}
            blocks[block.key] = block

        tables: dict[str, TagTable] = {}
        raw_tags = {e: t for e, t in self._raw_tags.items() if e not in excluded}
        for extractor, by_content in raw_tags.items():
            items = sorted(
                (fid, by_content[cid]) for cid, fid in file_of_content.items() if cid in by_content
            )
            vocab: dict[str, int] = {}
            ids_ = np.zeros(len(items), dtype=np.int64)
            tag_ids = np.full((len(items), TOP_TAGS), -1, dtype=np.int32)
            scores = np.zeros((len(items), TOP_TAGS), dtype=np.float32)
            for i, (file_id, tags) in enumerate(items):
                ids_[i] = file_id
                best = sorted(tags.items(), key=lambda kv: -kv[1])[:TOP_TAGS]
                for k, (tag, score) in enumerate(best):
                    tag_ids[i, k] = vocab.setdefault(tag, len(vocab))
                    scores[i, k] = score
            table = TagTable(extractor, list(vocab), ids_, tag_ids, scores, np.sqrt(scores))
            table.row_of = {int(fid): i for i, fid in enumerate(ids_)}
            tables[extractor] = table
        return IndexSnapshot(fingerprint, files, file_of_content, blocks, tables, raw_tags)
