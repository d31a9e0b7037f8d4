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

A disabled plugin's results take no part (the index snapshot says whose). The query
embedder is plugin code: a failure in it becomes a :class:`SearchError` that names it,
never a crash of the caller.

Every hit carries ``why``: the evidence that ranked it, as
:class:`~medialens.core.reasons.Reason` data (the words it matched, the tag and how sure
the model was, how close the meaning is), rendered in English for the command line and
translated by the GUI.
"""

from __future__ import annotations

import hashlib
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medialens.api import TextEmbedder
from medialens.core.errors import LibraryError
from medialens.core.index import IndexSnapshot, LibraryIndex
from medialens.core.reasons import Reason, render
from medialens.store import Store

RRF_K = 60
KEYWORD_POOL = 2000
TAG_MIN_SIMILARITY = 0.45  # below this a tag is unrelated to the query (MiniLM cosine)
TEXT_MIN_SIMILARITY = 0.2
_TOKEN = re.compile(r"\w+", re.UNICODE)
STOPWORDS = frozenset("a an the at of in on and or with for to by from is are".split())


#: What a tag source's tags describe, from the modality of the vectors it stores: a
#: vision model's labels are seen, a music or sound model's tags are heard.
SEEN_MODALITIES = frozenset({"visual"})
HEARD_MODALITIES = frozenset({"music", "audio"})


class SearchError(LibraryError):
    """Search cannot answer: its text embedder (plugin code) failed; the message says which."""


def guarded_embed(embedder: TextEmbedder, texts: list[str]) -> np.ndarray:
    """``embedder.embed(texts)`` as float32 ``[len(texts), dim]``, or :class:`SearchError`.

    The same rule as for extractors: whatever plugin code raises or returns wrongly is
    turned into a failure that says which plugin object failed and how.
    """
    try:
        out = np.asarray(embedder.embed(texts), dtype=np.float32)
    except Exception as exc:  # noqa: BLE001 - plugin code may raise anything
        raise SearchError(
            f"text embedder {embedder.name!r} failed: {type(exc).__name__}: {exc}"
        ) from exc
    if out.shape != (len(texts), embedder.dim) or not np.isfinite(out).all():
        raise SearchError(
            f"text embedder {embedder.name!r} returned {out.shape} (or non-finite values), "
            f"not {len(texts)} finite vectors of dimension {embedder.dim}"
        )
    return out


@dataclass
class Hit:
    file_id: int
    path: str
    score: float
    why: list[Reason]

    def as_json(self) -> dict:
        return {
            "path": self.path,
            "score": round(self.score, 5),
            "why": render(self.why),
            "reasons": [r.as_json() for r in self.why],
        }


class TagEmbeddings:
    """Embeddings of tag names, computed once per tag and kept on disk between runs."""

    def __init__(self, embedder: TextEmbedder, cache_dir: Path) -> None:
        self.embedder = embedder
        self.cache_dir = cache_dir
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._loaded = False
        self._stacked_key: tuple | None = None
        self._stacked = np.zeros((0, embedder.dim), np.float32)

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
            key = (len(self._vectors), tuple(tags)) if len(tags) < 50_000 else None
            if key is not None and key == self._stacked_key:
                return self._stacked
            missing = [t for t in tags if t not in self._vectors]
            if missing:
                embedded = guarded_embed(self.embedder, [t.replace("_", " ") for t in missing])
                self._vectors.update(zip(missing, embedded, strict=True))
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                names = list(self._vectors)
                np.savez(
                    self._file(),
                    tags=np.array(names),
                    vectors=np.stack([self._vectors[n] for n in names]),
                )
            if not tags:
                return np.zeros((0, self.embedder.dim), np.float32)
            stacked = np.stack([self._vectors[t] for t in tags])
            self._stacked_key, self._stacked = (len(self._vectors), tuple(tags)), stacked
            return stacked


def _matched_words(words: list[str], body: str) -> Reason:
    """The query words (as prefixes) this document contains."""
    found = set(_TOKEN.findall(body.lower()))
    matched = [w for w in words if any(f.startswith(w) for f in found)]
    return Reason.of("matches_words", words=tuple(matched or words))


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
    """Search over one index with one embedder (or none: keywords only).

    Owns a one-thread pool for the keyword query; :meth:`close` shuts it down. The
    library builds a new searcher when its embedder changes (a plugin toggled), so a
    disabled plugin's embedder is never called again.
    """

    def __init__(
        self, store: Store, index: LibraryIndex, embedder: TextEmbedder | None, cache_dir: Path
    ):
        self.store = store
        self.index = index
        self.embedder = embedder
        self.tag_embeddings = TagEmbeddings(embedder, cache_dir) if embedder else None
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(
            1, thread_name_prefix="medialens-keyword"
        )
        self._lock = threading.Lock()

    def close(self) -> None:
        """Stop the keyword thread (waits for a query in flight); later searches raise."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)

    @property
    def closed(self) -> bool:
        return self._pool is None

    def keyword(self, snap: IndexSnapshot, query: str, limit: int) -> list[tuple[int, Reason]]:
        """FTS5 matches ranked by bm25, with the words each file matched as its ``why``.

        bm25 is computed for at most ``KEYWORD_POOL`` matches: past that many, a word is
        so common that its ranking says little, and scoring every match of a word found
        in a third of a 100,000-file library would cost more than the whole search budget.
        """
        match = fts_query(query)
        if match is None:
            return []
        text = self.store.text_index
        rows = text.match(match, KEYWORD_POOL, limit * 3, snap.excluded)
        if not rows:  # no document has every word: rank those with any of them
            any_word = fts_query(query, any_word=True)
            assert any_word is not None
            rows = text.match(any_word, KEYWORD_POOL, limit * 3, snap.excluded)
        hits: list[tuple[int, int]] = []
        seen: set[int] = set()
        for row in rows:
            file_id = snap.file_of_content.get(row.content_id)
            if file_id is not None and file_id not in seen:
                seen.add(file_id)
                hits.append((file_id, row.rowid))
        hits = hits[:limit]
        words = [w for w in _TOKEN.findall(query.lower()) if w not in STOPWORDS]
        bodies = text.bodies([rowid for _, rowid in hits])
        return [(file_id, _matched_words(words, bodies.get(rowid, ""))) for file_id, rowid in hits]

    def semantic_text(
        self, snap: IndexSnapshot, q: np.ndarray, limit: int
    ) -> list[tuple[int, Reason]]:
        assert self.embedder is not None
        key = f"{self._text_extractor(snap)}.{self.embedder.vector_name}"
        block = snap.blocks.get(key)
        if block is None or q.shape[0] != block.matrix.shape[1]:
            return []
        sims = block.matrix @ q
        order = np.argpartition(-sims, min(limit, len(sims) - 1))[:limit]
        order = order[np.argsort(-sims[order], kind="stable")]
        return [
            (int(block.file_ids[i]), Reason.of("similar_meaning", score=float(sims[i])))
            for i in order
            if sims[i] >= TEXT_MIN_SIMILARITY
        ]

    def _text_extractor(self, snap: IndexSnapshot) -> str:
        assert self.embedder is not None
        for block in snap.blocks.values():
            if block.name == self.embedder.vector_name and block.modality == "text":
                return block.extractor
        return ""

    @staticmethod
    def _tag_key(snap: IndexSnapshot, extractor: str) -> str:
        """``looks_like``, ``sounds_like`` or ``tagged``: what this source's tags describe."""
        modalities = {b.modality for b in snap.blocks.values() if b.extractor == extractor}
        if modalities & SEEN_MODALITIES:
            return "looks_like"
        if modalities & HEARD_MODALITIES:
            return "sounds_like"
        return "tagged"

    def semantic_tags(
        self, snap: IndexSnapshot, q: np.ndarray, limit: int
    ) -> list[tuple[int, Reason]]:
        """Files whose content tags mean what the query means, strongest evidence first."""
        assert self.tag_embeddings is not None
        candidates: list[tuple[float, int, Reason]] = []
        for table in snap.tags.values():
            if not table.vocabulary:
                continue
            sims = self.tag_embeddings.get(table.vocabulary) @ q  # [V]
            relevant = np.where(sims >= TAG_MIN_SIMILARITY, sims, 0.0).astype(np.float32)
            if not relevant.any():
                continue
            relevant = np.append(relevant, np.float32(0.0))  # index -1 (no tag) reads 0
            # a tag counts by how sure the model is (sqrt softens tiny probabilities) times
            # how close the tag is to the query
            evidence = table.strength * relevant[table.tag_ids]
            k = evidence.argmax(axis=1)
            value = evidence[np.arange(len(k)), k]
            top = np.argpartition(-value, min(limit, len(value) - 1))[:limit]
            key = self._tag_key(snap, table.extractor)
            for row in top[value[top] > 0].tolist():
                tag_id = int(table.tag_ids[row, k[row]])
                why = Reason.of(
                    key,
                    tag=table.vocabulary[tag_id],
                    source=table.extractor,
                    score=float(table.scores[row, k[row]]),
                )
                candidates.append((float(value[row]), int(table.file_ids[row]), why))
        best: dict[int, tuple[float, Reason]] = {}
        for value, file_id, why in sorted(candidates, key=lambda c: (-c[0], c[1])):
            best.setdefault(file_id, (value, why))
        return [(file_id, why) for file_id, (_, why) in list(best.items())[:limit]]

    def search(self, query: str, n: int = 20) -> list[Hit]:
        """The best ``n`` files for ``query``, fused from every list; :class:`SearchError`
        when the embedder fails or the searcher is closed."""
        if self.closed:
            raise SearchError("search is closed")
        snap = self.index.refresh()  # one generation for the whole query
        query = query.strip()
        if not query:
            return []
        depth = max(50, n * 3)
        with self._lock:
            if self._pool is None:
                raise SearchError("search is closed")
            # SQLite and numpy both release the GIL: the keyword query runs beside the rest
            keyword = self._pool.submit(self.keyword, snap, query, depth)
        lists = []
        try:
            if self.embedder is not None:
                q = guarded_embed(self.embedder, [query])[0]
                lists.append(self.semantic_tags(snap, q, depth))
                lists.append(self.semantic_text(snap, q, depth))
        finally:
            lists.insert(0, keyword.result())
        fused: dict[int, float] = {}
        reasons: dict[int, list[tuple[int, int, Reason]]] = {}
        for order, hits in enumerate(lists):
            for rank, (file_id, why) in enumerate(hits):
                fused[file_id] = fused.get(file_id, 0.0) + 1.0 / (RRF_K + rank + 1)
                reasons.setdefault(file_id, []).append((rank, order, why))
        ordered = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [
            Hit(
                file_id,
                snap.files[file_id]["path"],
                score,
                [why for _, _, why in sorted(reasons[file_id], key=lambda r: r[:2])],
            )
            for file_id, score in ordered
            if file_id in snap.files
        ]
