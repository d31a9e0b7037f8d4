"""Hybrid search: keywords (FTS5) plus meaning (text embeddings and tag vocabularies).

Three ranked lists are fused by reciprocal rank fusion, which needs no score
calibration between them:

* keyword: FTS5 over every text document the extractors stored (title, tags,
  file and folder names, subtitles), ranked by bm25;
* text meaning: the query's embedding against each file's text embedding;
* content meaning: the query's embedding against the embedding of every tag
  and label the content models emitted, weighted by how strongly each file has
  that tag. This is what makes search cross-modal: "bicycle" finds a street
  video through its "mountain bike" label although its name says nothing.

Every hit carries ``why``: the evidence that ranked it, in words.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medialens.api import TextEmbedder
from medialens.core.db import Store
from medialens.core.index import LibraryIndex

RRF_K = 60
TAG_MIN_SIMILARITY = 0.45  # below this a tag is unrelated to the query (MiniLM cosine)
TEXT_MIN_SIMILARITY = 0.2
_TOKEN = re.compile(r"\w+", re.UNICODE)
STOPWORDS = frozenset("a an the at of in on and or with for to by from is are".split())


@dataclass
class Hit:
    file_id: int
    path: str
    score: float
    why: list[str]

    def as_json(self) -> dict:
        return {"path": self.path, "score": round(self.score, 5), "why": "; ".join(self.why)}


class TagEmbeddings:
    """Embeddings of tag names, computed once per tag and kept on disk between runs."""

    def __init__(self, embedder: TextEmbedder, cache_dir: Path) -> None:
        self.embedder = embedder
        self.cache_dir = cache_dir
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._loaded = False

    def _file(self) -> Path:
        tag = hashlib.sha1(f"{self.embedder.name}:{self.embedder.dim}".encode()).hexdigest()[:12]
        return self.cache_dir / f"tag-embeddings-{tag}.npz"

    def get(self, tags: list[str]) -> np.ndarray:
        with self._lock:
            if not self._loaded:
                self._loaded = True
                try:
                    with np.load(self._file(), allow_pickle=False) as saved:
                        self._vectors = dict(
                            zip(saved["tags"].tolist(), saved["vectors"], strict=True)
                        )
                except (OSError, KeyError, ValueError):
                    self._vectors = {}
            missing = [t for t in tags if t not in self._vectors]
            if missing:
                embedded = self.embedder.embed([t.replace("_", " ") for t in missing])
                self._vectors.update(zip(missing, np.asarray(embedded, np.float32), strict=True))
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                names = list(self._vectors)
                np.savez(
                    self._file(),
                    tags=np.array(names),
                    vectors=np.stack([self._vectors[n] for n in names]),
                )
            if not tags:
                return np.zeros((0, self.embedder.dim), np.float32)
            return np.stack([self._vectors[t] for t in tags])


def fts_query(text: str, any_word: bool = False) -> str | None:
    """An FTS5 query matching every (or any) word of ``text`` as a prefix.

    Words are quoted, so nothing a person types is read as FTS5 syntax.
    """
    words = [w for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS] or _TOKEN.findall(
        text.lower()
    )
    if not words:
        return None
    # short words match whole words only: "at"* would match half the library, slowly
    terms = [f'"{w}"*' if len(w) > 2 else f'"{w}"' for w in words]
    return (" OR " if any_word else " ").join(terms)


class Searcher:
    def __init__(
        self, store: Store, index: LibraryIndex, embedder: TextEmbedder | None, cache_dir: Path
    ):
        self.store = store
        self.index = index
        self.embedder = embedder
        self.tag_embeddings = TagEmbeddings(embedder, cache_dir) if embedder else None

    def keyword(self, query: str, limit: int) -> list[tuple[int, str]]:
        match = fts_query(query)
        if match is None:
            return []
        conn = self.store.read_conn()
        sql = (
            "SELECT content_id, snippet(text_index, 2, '[', ']', '…', 8) FROM text_index "
            "WHERE text_index MATCH ? ORDER BY bm25(text_index) LIMIT ?"
        )
        rows = conn.execute(sql, (match, limit * 3)).fetchall()
        if not rows:  # no document has every word: rank those with any of them
            rows = conn.execute(sql, (fts_query(query, any_word=True), limit * 3)).fetchall()
        hits: list[tuple[int, str]] = []
        seen: set[int] = set()
        for content_id, snippet in rows:
            file_id = self.index.file_of_content.get(content_id)
            if file_id is not None and file_id not in seen:
                seen.add(file_id)
                hits.append((file_id, "text: " + " ".join(snippet.split())))
        return hits[:limit]

    def semantic_text(self, q: np.ndarray, limit: int) -> list[tuple[int, str]]:
        assert self.embedder is not None
        block = self.index.blocks.get(f"{self._text_extractor()}.{self.embedder.vector_name}")
        if block is None or q.shape[0] != block.matrix.shape[1]:
            return []
        sims = block.matrix @ q
        order = np.argpartition(-sims, min(limit, len(sims) - 1))[:limit]
        order = order[np.argsort(-sims[order], kind="stable")]
        return [
            (int(block.file_ids[i]), f"meaning {sims[i]:.2f}")
            for i in order
            if sims[i] >= TEXT_MIN_SIMILARITY
        ]

    def _text_extractor(self) -> str:
        assert self.embedder is not None
        for block in self.index.blocks.values():
            if block.name == self.embedder.vector_name and block.modality == "text":
                return block.extractor
        return ""

    def semantic_tags(self, q: np.ndarray, limit: int) -> list[tuple[int, str]]:
        """Files whose content tags mean what the query means, strongest evidence first."""
        assert self.tag_embeddings is not None
        best: dict[int, tuple[float, str]] = {}
        for table in self.index.tags.values():
            if not table.vocabulary:
                continue
            sims = self.tag_embeddings.get(table.vocabulary) @ q  # [V]
            relevant = np.where(sims >= TAG_MIN_SIMILARITY, sims, 0.0).astype(np.float32)
            if not relevant.any():
                continue
            gathered = np.where(table.tag_ids >= 0, relevant[table.tag_ids], 0.0)
            # a tag counts by how sure the model is (sqrt softens tiny probabilities) times how
            # close the tag is to the query
            evidence = np.sqrt(table.scores) * gathered
            k = evidence.argmax(axis=1)
            value = evidence[np.arange(len(k)), k]
            for row in np.nonzero(value > 0)[0]:
                file_id = int(table.file_ids[row])
                tag_id = int(table.tag_ids[row, k[row]])
                label = "label" if table.extractor == "vision" else "tag"
                why = f"{label}: {table.vocabulary[tag_id]} {table.scores[row, k[row]]:.2f}"
                if value[row] > best.get(file_id, (0.0, ""))[0]:
                    best[file_id] = (float(value[row]), why)
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])[:limit]
        return [(file_id, why) for file_id, (_, why) in ranked]

    def search(self, query: str, n: int = 20) -> list[Hit]:
        self.index.refresh()
        query = query.strip()
        if not query:
            return []
        depth = max(50, n * 3)
        lists = [self.keyword(query, depth)]
        if self.embedder is not None:
            q = np.asarray(self.embedder.embed([query])[0], dtype=np.float32)
            lists.append(self.semantic_tags(q, depth))
            lists.append(self.semantic_text(q, depth))
        fused: dict[int, float] = {}
        reasons: dict[int, list[tuple[int, str]]] = {}
        for hits in lists:
            for rank, (file_id, why) in enumerate(hits):
                fused[file_id] = fused.get(file_id, 0.0) + 1.0 / (RRF_K + rank + 1)
                reasons.setdefault(file_id, []).append((rank, why))
        ordered = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [
            Hit(
                file_id,
                self.index.files[file_id]["path"],
                score,
                [why for _, why in sorted(reasons[file_id])],
            )
            for file_id, score in ordered
            if file_id in self.index.files
        ]
