"""In-memory numpy views of the library's features, for search, similarity and ranking.

Per (extractor, vector name) one float32 matrix of the available media files
that have it, and per tagging extractor a dense top-K table of tag ids and
scores. Loading 100,000 vectors from SQLite takes a moment, so the index is
built once and rebuilt only when the ``vectors``/``features``/``files`` tables
change (a cheap fingerprint query decides).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field

import numpy as np

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


class LibraryIndex:
    """A cached, thread-safe snapshot of vectors and tags of the available media files."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._fingerprint: int | None = None
        self.blocks: dict[str, Block] = {}
        self.tags: dict[str, TagTable] = {}
        self.files: dict[int, dict] = {}  # file id -> {path, title, kind, content_id, duration}
        self.file_of_content: dict[str, int] = {}
        self.file_ids = np.zeros(0, dtype=np.int64)  # every available media file, ascending
        self.content_codes = np.zeros(0, dtype=np.int64)  # equal codes = identical content
        self._code_of: dict[str, int] = {}
        self._raw: dict[tuple[str, str], _RawVectors] = {}
        self._raw_tags: dict[str, dict[str, dict[str, float]]] = {}
        self._synced_at: float | None = None

    def _current_fingerprint(self) -> int:
        """The library revision, bumped by triggers on every change to files and features."""
        row = (
            self.store.read_conn()
            .execute("SELECT value FROM revision WHERE name = 'library'")
            .fetchone()
        )
        return row[0]

    def refresh(self) -> LibraryIndex:
        """Bring the index up to date; cheap when nothing changed, incremental when little did."""
        with self._lock:
            fingerprint = self._current_fingerprint()
            if fingerprint != self._fingerprint:
                self._load()
                self._fingerprint = fingerprint
        return self

    def _sync_features(self, conn) -> None:
        """Read the vectors and tags stored since the last sync (all of them the first time).

        Every extraction rewrites its ``features`` row, so ``created_at`` tells what is new;
        the raw rows are kept by content id, so a refresh during indexing reads only the
        files extracted since, not the whole library again.
        """
        started = time.time()
        changed: list[tuple[str, str]] | None = None
        if self._synced_at is not None:
            changed = conn.execute(
                "SELECT content_id, extractor FROM features WHERE created_at >= ?",
                (self._synced_at - 2.0,),  # slack for clocks and transactions in flight
            ).fetchall()
            if len(changed) > FULL_RELOAD_AFTER:
                changed = None
        if changed is None:
            self._raw, self._raw_tags = {}, {}
            vector_rows = conn.execute(
                "SELECT content_id, extractor, name, modality, vector FROM vectors"
            )
            tag_rows = conn.execute(
                "SELECT content_id, extractor, tags FROM features WHERE tags IS NOT NULL"
            )
        else:
            vector_rows, tag_rows = [], []
            for content_id, extractor in changed:
                vector_rows += conn.execute(
                    "SELECT content_id, extractor, name, modality, vector FROM vectors "
                    "WHERE content_id = ? AND extractor = ?",
                    (content_id, extractor),
                ).fetchall()
                tag_rows += conn.execute(
                    "SELECT content_id, extractor, tags FROM features "
                    "WHERE content_id = ? AND extractor = ? AND tags IS NOT NULL",
                    (content_id, extractor),
                ).fetchall()
        for content_id, extractor, name, modality, blob in vector_rows:
            raw = self._raw.setdefault((extractor, name), _RawVectors(modality))
            raw.put(content_id, np.frombuffer(blob, dtype=np.float32))
        for content_id, extractor, tags in tag_rows:
            self._raw_tags.setdefault(extractor, {})[content_id] = json.loads(tags)
        self._synced_at = started

    def _load(self) -> None:
        conn = self.store.read_conn()
        files: dict[int, dict] = {}
        file_of_content: dict[str, int] = {}
        for row in conn.execute(
            "SELECT id, display_path, title, kind, content_id, duration, added_at FROM files "
            "WHERE status = 'media' AND available = 1 ORDER BY id"
        ):
            files[row[0]] = {
                "path": row[1],
                "title": row[2],
                "kind": row[3],
                "content_id": row[4],
                "duration": row[5],
                "added_at": row[6],
            }
            file_of_content.setdefault(row[4], row[0])  # copies share features: one stands for all
        self._sync_features(conn)

        file_ids = np.array(sorted(files), dtype=np.int64)
        position = {int(fid): i for i, fid in enumerate(file_ids)}
        blocks: dict[str, Block] = {}
        for (extractor, name), raw in self._raw.items():
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
        for extractor, by_content in self._raw_tags.items():
            items = sorted(
                (fid, by_content[cid]) for cid, fid in file_of_content.items() if cid in by_content
            )
            vocab: dict[str, int] = {}
            ids = np.zeros(len(items), dtype=np.int64)
            tag_ids = np.full((len(items), TOP_TAGS), -1, dtype=np.int32)
            scores = np.zeros((len(items), TOP_TAGS), dtype=np.float32)
            for i, (file_id, tags) in enumerate(items):
                ids[i] = file_id
                best = sorted(tags.items(), key=lambda kv: -kv[1])[:TOP_TAGS]
                for k, (tag, score) in enumerate(best):
                    tag_ids[i, k] = vocab.setdefault(tag, len(vocab))
                    scores[i, k] = score
            table = TagTable(extractor, list(vocab), ids, tag_ids, scores, np.sqrt(scores))
            table.row_of = {int(fid): i for i, fid in enumerate(ids)}
            tables[extractor] = table
        codes: dict[str, int] = {}
        content_codes = np.array(
            [codes.setdefault(files[int(f)]["content_id"], len(codes)) for f in file_ids],
            dtype=np.int64,
        )
        self.files, self.file_of_content, self.file_ids = files, file_of_content, file_ids
        self.content_codes, self._code_of = content_codes, codes
        self.blocks, self.tags = blocks, tables

    def content_code(self, file_id: int) -> int:
        return self._code_of.get(self.files[file_id]["content_id"], -1)

    def blocks_of(self, modality: str) -> list[Block]:
        return [b for b in self.blocks.values() if b.modality == modality]

    def vector(self, key: str, file_id: int) -> np.ndarray | None:
        block = self.blocks.get(key)
        if block is None or file_id not in block.row_of:
            return None
        return block.matrix[block.row_of[file_id]]
