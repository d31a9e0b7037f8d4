"""Hybrid search: keywords (FTS5) plus meaning (text embeddings and tag vocabularies).

Ranked lists are fused by reciprocal rank fusion, which needs no score calibration
between them:

* keyword: FTS5 over every text document the extractors stored (title, tags, file and
  folder names, subtitles, what is said, what is written on screen, and the fused
  description, which holds every content tag's name), ranked by bm25;
* text meaning: the query's embedding against each file's text embedding (which holds the
  fused description: see :mod:`medialens.builtins.description`);
* content meaning: the query's embedding against the embedding of every tag and label the
  content models emitted, weighted by how strongly each file has that tag. This is what
  makes search cross-modal: "bicycle" finds a street video through its "mountain bike"
  label although its name says nothing;
* kind: a query that only names a kind ("music", "spoken word", "视频") is answered with
  the files of that kind.

Only what matches is returned: a meaning list keeps a candidate only above a threshold
calibrated for the embedder (:mod:`medialens.core.relevance`), so nonsense returns
nothing. A disabled plugin's results take no part (the index snapshot says whose). The
query embedder is plugin code: a failure in it becomes a :class:`SearchError` that names
it, never a crash of the caller.

Every hit carries ``why``: the evidence that ranked it, as
:class:`~medialens.core.reasons.Reason` data, in the words of what the evidence means
(the extractors declare it: ``TagsOutput.meaning``, ``TextOutput.meaning``): "says: '...'"
with where it is said, "on screen: a face", "sounds like: telephone bell", rendered in
English for the command line and translated by the GUI. The core names no plugin.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from collections.abc import Callable, Collection
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medialens.api import Extractor, TagsOutput, TextEmbedder
from medialens.builtins.description import meanings_of
from medialens.core.errors import LibraryError
from medialens.core.features import load_result
from medialens.core.index import IndexSnapshot, LibraryIndex, TagTable
from medialens.core.kind_words import named_kind
from medialens.core.reasons import Reason, render
from medialens.core.relevance import Calibration, calibration, cutoff
from medialens.core.vector_search import VectorSearch
from medialens.store import Store
from medialens.store.text_index import CJK, PREFIXES

RRF_K = 60
# How much each list counts in the fusion. A document holding every word typed (a name, a
# line said, text on screen) is the strongest evidence there is; one holding only some of
# them is weak; meaning lists count once each.
KEYWORD_ALL_WEIGHT = 2.0
KEYWORD_ANY_WEIGHT = 0.5
KEYWORD_POOL = 2000
#: Terms a typed prefix may stand for and still be asked as their OR (see ``fts_query``).
EXPAND_TERMS = 16
_PLAIN = re.compile(r"[a-z0-9]+\Z")
_TOKEN = re.compile(r"\w+", re.UNICODE)
STOPWORDS = frozenset("a an the at of in on and or with for to by from is are".split())
QUOTE_WORDS = 14  # of a transcript line or on-screen text, around the words that matched

#: The reason key of a tag by what its extractor says the tags mean.
TAG_REASONS = {"shown": "looks_like", "heard": "sounds_like"}
#: The reason key of a keyword hit in a text by what the text is.
TEXT_REASONS = {"said": "says", "written": "shows_text"}


@dataclass(frozen=True)
class Meanings:
    """What each extractor's tags and text mean, as the extractors declare it."""

    tags: dict[str, str]
    text: dict[str, str]
    vocabulary: tuple[str, ...] = ()  # every tag any extractor declares it can emit

    @classmethod
    def of(cls, extractors: list[Extractor]) -> Meanings:
        tags: dict[str, str] = {}
        text: dict[str, str] = {}
        vocabulary: set[str] = set()
        for e in extractors:
            tag_meaning, text_meaning = meanings_of(e)
            if tag_meaning is not None:
                tags[e.name] = tag_meaning
                for output in e.outputs:
                    if isinstance(output, TagsOutput):
                        vocabulary.update(output.vocabulary)
            if text_meaning is not None:
                text[e.name] = text_meaning
        return cls(tags, text, tuple(sorted(vocabulary)))

    def tag_reason(self, extractor: str) -> str:
        """``looks_like``, ``sounds_like`` or ``tagged``: what this source's tags describe."""
        return TAG_REASONS.get(self.tags.get(extractor, "described"), "tagged")


NO_MEANINGS = Meanings({}, {})


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
    """Embeddings of tag names, computed once per tag and kept on disk between runs.

    Search embeds the tags files have when it needs them; every other tag the extractors
    declare (the reference that calibrates what stands out, see :mod:`.relevance`) is
    embedded by :meth:`warm` on a background thread at low priority, so the first search
    of a new library does not wait seconds for 1,500 tag names.
    """

    WARM_BATCH = 16

    def __init__(self, embedder: TextEmbedder, cache_dir: Path) -> None:
        self.embedder = embedder
        self.cache_dir = cache_dir
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._loaded = False
        self._stacked_key: tuple | None = None
        self._stacked = np.zeros((0, embedder.dim), np.float32)
        self._known_key = -1
        self._known: tuple[list[str], np.ndarray] = ([], self._stacked)
        self._warming: threading.Thread | None = None
        self._stop = threading.Event()

    def _file(self) -> Path:
        tag = hashlib.sha1(f"{self.embedder.name}:{self.embedder.dim}".encode()).hexdigest()[:12]
        return self.cache_dir / f"tag-embeddings-{tag}.npz"

    def _load(self) -> None:
        """Read the saved embeddings once (under the lock)."""
        if self._loaded:
            return
        self._loaded = True
        try:
            with np.load(self._file(), allow_pickle=False) as saved:
                self._vectors = dict(zip(saved["tags"].tolist(), saved["vectors"], strict=True))
        except (OSError, KeyError, ValueError):
            self._vectors = {}

    def _add(self, missing: list[str]) -> None:
        """Embed ``missing`` and save every embedding (under the lock)."""
        if missing:
            embedded = guarded_embed(self.embedder, [t.replace("_", " ") for t in missing])
            self._vectors.update(zip(missing, embedded, strict=True))
        if not self._vectors:
            return
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        names = list(self._vectors)
        np.savez(
            self._file(),
            tags=np.array(names),
            vectors=np.stack([self._vectors[n] for n in names]),
        )

    def get(self, tags: list[str]) -> np.ndarray:
        with self._lock:
            self._load()
            key = (len(self._vectors), tuple(tags)) if len(tags) < 50_000 else None
            if key is not None and key == self._stacked_key:
                return self._stacked
            missing = [t for t in tags if t not in self._vectors]
            if missing:
                self._add(missing)
            if not tags:
                return np.zeros((0, self.embedder.dim), np.float32)
            stacked = np.stack([self._vectors[t] for t in tags])
            self._stacked_key, self._stacked = (len(self._vectors), tuple(tags)), stacked
            return stacked

    def known(self) -> tuple[list[str], np.ndarray]:
        """Every tag embedded so far and its vectors (a stable order)."""
        with self._lock:
            self._load()
            if self._known_key != len(self._vectors):
                names = sorted(self._vectors)
                matrix = (
                    np.stack([self._vectors[n] for n in names])
                    if names
                    else np.zeros((0, self.embedder.dim), np.float32)
                )
                self._known_key, self._known = len(self._vectors), (names, matrix)
            return self._known

    def warm(self, tags: tuple[str, ...]) -> None:
        """Embed ``tags`` on a background thread (once), a batch at a time."""
        with self._lock:
            if self._warming is not None or not tags:
                return
            self._warming = threading.Thread(
                target=self._warm, args=(tags,), name="medialens-tag-embeddings", daemon=True
            )
        self._warming.start()

    def stop(self) -> None:
        """Stop warming (after the batch in flight): a model must not run at exit."""
        self._stop.set()
        thread = self._warming
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _warm(self, tags: tuple[str, ...]) -> None:
        with contextlib.suppress(OSError, AttributeError):  # nice this thread only (Linux)
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        for start in range(0, len(tags), self.WARM_BATCH):
            if self._stop.is_set():
                return
            with self._lock:
                self._load()
                batch = tags[start : start + self.WARM_BATCH]
                missing = [t for t in batch if t not in self._vectors]
            if not missing:
                continue
            try:  # outside the lock: a search meanwhile does not wait for this batch
                embedded = guarded_embed(self.embedder, [t.replace("_", " ") for t in missing])
            except SearchError:
                return  # the embedder failed: search says so when it is asked
            with self._lock:
                self._vectors.update(zip(missing, embedded, strict=True))
        with self._lock, contextlib.suppress(OSError):
            self._add([])


def query_words(text: str) -> list[str]:
    """The words of a query that count (no stop words, unless it has nothing else)."""
    words = _TOKEN.findall(text.lower())
    return [w for w in words if w not in STOPWORDS] or words


def _contains(found: set[str], joined: str, word: str) -> bool:
    if CJK.search(word):
        return word in joined  # CJK has no spaces: a run of characters is found in the text
    return any(f.startswith(word) for f in found)


def matched_words(words: list[str], body: str) -> list[str]:
    """The query words (as prefixes; CJK as runs) this text contains."""
    low = body.lower()
    found = set(_TOKEN.findall(low))
    joined = CJK.sub(r"\1", low).replace(" ", "") if CJK.search(low) else low
    return [w for w in words if _contains(found, joined, w)]


def fts_query(
    text: str,
    any_word: bool = False,
    expand: Callable[[str, int], list[str] | None] | None = None,
    indexed: Collection[int] = (),
) -> str | None:
    """An FTS5 query matching every (or any) word of ``text`` as a prefix.

    Words are quoted, so nothing a person types is read as FTS5 syntax. A run of CJK
    characters is a phrase of one-character words, as the index stores them.

    ``expand(prefix, most)`` gives the index's terms starting with a prefix (None past
    ``most`` of them; ``TextIndex.terms_with_prefix``). A plain word whose prefix stands
    for at most :data:`EXPAND_TERMS` terms is then asked as the OR of those terms, which
    matches the same documents: FTS5 walks an OR lazily, where it merges a prefix's
    whole doclist first. bm25 scores each term of the OR as a phrase of its own, so a
    document holding a rarer form of the word ("sunsets" beside "sunset") can rank a
    little differently than under the prefix; where a prefix stands for one term the
    ranks are the same.

    A word whose length is in ``indexed`` (the index keeps a doclist for prefixes of
    that many characters, ``text_index.PREFIXES``) is asked as the prefix itself: one
    list read, however many terms it stands for, and the same bm25 scores as a prefix
    query without the index.
    """
    words = query_words(text)
    if not words:
        return None
    terms = []
    for w in words:
        if CJK.search(w):
            terms.append('"' + " ".join(CJK.sub(r" \1 ", w).split()) + '"')
        elif len(w) <= 2:
            # short words match whole words only: "at"* would match half the library
            terms.append(f'"{w}"')
        else:
            # only a word the tokenizer keeps as it is (lowercase ASCII letters and digits)
            # is looked up as typed; anything else it folds, so FTS5 expands it itself
            found = (
                expand(w, EXPAND_TERMS)
                if expand is not None and _PLAIN.match(w) and len(w) not in indexed
                else None
            )
            if found is None:
                terms.append(f'"{w}"*')
            elif not found:
                terms.append(f'"{w}"')  # no term starts with it: matches nothing, at once
            elif len(found) == 1:
                terms.append(f'"{found[0]}"')
            else:
                terms.append("(" + " OR ".join(f'"{t}"' for t in found) + ")")
    # FTS5 reads two words side by side as AND, but not a word beside a bracket
    return (" OR " if any_word else " AND ").join(terms)


def quote(text: str, words: list[str]) -> str:
    """A short piece of ``text`` around the first word of ``words`` it contains."""
    parts = text.split()
    if len(parts) <= QUOTE_WORDS:
        return " ".join(parts)
    at = 0
    for i, part in enumerate(parts):
        if matched_words(words, part):
            at = i
            break
    begin = max(0, min(at - QUOTE_WORDS // 3, len(parts) - QUOTE_WORDS))
    piece = " ".join(parts[begin : begin + QUOTE_WORDS])
    return ("… " if begin else "") + piece + (" …" if begin + QUOTE_WORDS < len(parts) else "")


class _Postings:
    """A tag table turned inside out: for each tag, the (row, column) cells holding it.

    Query-independent, so made once per generation of the table (0.3 s at 10^6 rows);
    a query then reads the cells of its relevant tags only.
    """

    def __init__(self, table: TagTable) -> None:
        self.table = table
        flat = np.asarray(table.tag_ids).ravel()
        width = max(1, table.tag_ids.shape[1] if table.tag_ids.ndim == 2 else 1)
        # tag id + 1 (0: no tag) in the narrowest unsigned type that holds it: numpy sorts
        # 8- and 16-bit keys stably by radix, 3-7x faster than the int32 ids at 10^6 rows
        size = len(table.vocabulary) + 1
        narrow = np.uint8 if size <= 0xFF else np.uint16 if size <= 0xFFFF else np.int64
        keys: np.ndarray = (flat + 1).astype(narrow)
        order = np.argsort(keys, kind="stable")  # no tag first, then by tag, rows in order
        cells = order[keys[order] > 0]
        self.starts = np.searchsorted(keys[cells], np.arange(1, size + 1, dtype=narrow))
        self.rows = (cells // width).astype(np.int64)
        self.cols = (cells % width).astype(np.int64)
        self.strength = np.asarray(table.strength).ravel()[cells].astype(np.float32)

    def evidence(self, relevant: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per row holding a relevant tag: the row, the column of its strongest evidence
        (the first on a tie, as an argmax over the columns gives) and that evidence.

        When the relevant tags fill more cells than the table has rows (a query near many
        common tags), one dense pass over every row costs less than sorting the cells."""
        tags = np.flatnonzero(relevant > 0)
        filled = int((self.starts[tags + 1] - self.starts[tags]).sum())
        if filled > len(self.table.file_ids):
            return self._dense(relevant)
        spans = [slice(int(self.starts[t]), int(self.starts[t + 1])) for t in tags.tolist()]
        if not filled:
            empty = np.zeros(0, np.int64)
            return empty, empty, np.zeros(0, np.float32)
        rows = np.concatenate([self.rows[s] for s in spans])
        cols = np.concatenate([self.cols[s] for s in spans])
        value = np.concatenate(
            [self.strength[s] * relevant[t] for s, t in zip(spans, tags, strict=True)]
        )
        # the best cell of each row, the first column on a tie: two scatters, no sort
        best = np.zeros(len(self.table.file_ids), np.float32)
        np.maximum.at(best, rows, value)
        win = (value > 0) & (value >= best[rows])
        rows, cols, value = rows[win], cols[win], value[win]
        first = np.full(len(best), np.iinfo(np.int64).max, np.int64)
        np.minimum.at(first, rows, cols)
        keep = cols == first[rows]
        return rows[keep], cols[keep], value[keep]

    def _dense(self, relevant: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        table = self.table
        padded = np.append(relevant, np.float32(0.0))  # index -1 (no tag) reads 0
        evidence = table.strength * padded[table.tag_ids]
        cols = evidence.argmax(axis=1)
        value = evidence[np.arange(len(cols)), cols]
        rows = np.flatnonzero(value > 0)
        return rows, cols[rows], value[rows]


@dataclass(frozen=True)
class _Found:
    """A keyword hit before its reason is resolved: which document of which file matched."""

    file_id: int
    content_id: str
    extractor: str
    rowid: int


class Searcher:
    """Search over one index with one embedder (or none: keywords only).

    Owns a one-thread pool for the keyword query; :meth:`close` shuts it down. The
    library builds a new searcher when its embedder changes (a plugin toggled), so a
    disabled plugin's embedder is never called again.
    """

    def __init__(
        self,
        store: Store,
        index: LibraryIndex,
        embedder: TextEmbedder | None,
        cache_dir: Path,
        meanings: Meanings = NO_MEANINGS,
        vectors: VectorSearch | None = None,
    ):
        self.store = store
        self.vectors = vectors
        self.index = index
        self.embedder = embedder
        self.meanings = meanings
        self.calibration: Calibration = calibration(embedder.name if embedder else "")
        self.tag_embeddings = TagEmbeddings(embedder, cache_dir) if embedder else None
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(
            1, thread_name_prefix="medialens-keyword"
        )
        self._lock = threading.Lock()
        # each tag table's postings, made on a thread of their own as soon as a search sees
        # the table (0.3-0.7 s at 10^6 rows): the words typed before the query that needs
        # them have usually given them that time
        self._tag_postings: dict[str, tuple[TagTable, Future[_Postings]]] = {}
        self._postings_pool: ThreadPoolExecutor | None = ThreadPoolExecutor(
            1, thread_name_prefix="medialens-postings"
        )

    def close(self) -> None:
        """Stop the keyword thread (waits for a query in flight); later searches raise."""
        with self._lock:
            pool, self._pool = self._pool, None
            postings, self._postings_pool = self._postings_pool, None
        if pool is not None:
            pool.shutdown(wait=True)
        if postings is not None:
            postings.shutdown(wait=True, cancel_futures=True)
        if self.tag_embeddings is not None:
            self.tag_embeddings.stop()

    @property
    def closed(self) -> bool:
        return self._pool is None

    # -- keywords ------------------------------------------------------------------------------

    def keyword_hits(
        self, snap: IndexSnapshot, query: str, limit: int
    ) -> tuple[list[_Found], bool]:
        """FTS5 matches ranked by bm25, one per file (its best document), and whether they
        hold every word (else any of them).

        bm25 is computed for at most ``KEYWORD_POOL`` matches: past that many, a word is
        so common that its ranking says little, and scoring every match of a word found
        in a third of a 100,000-file library would cost more than the whole search budget.
        """
        text = self.store.text_index
        match = fts_query(query, expand=text.terms_with_prefix, indexed=PREFIXES)
        if match is None:
            return [], True
        rows = text.match(match, KEYWORD_POOL, limit * 3, snap.excluded)
        every = True
        if not rows and len(query_words(query)) > 1:
            every = False
            # no document has every word: rank those with any of them
            any_word = fts_query(
                query, any_word=True, expand=text.terms_with_prefix, indexed=PREFIXES
            )
            assert any_word is not None
            rows = text.match(any_word, KEYWORD_POOL, limit * 3, snap.excluded)
        hits: list[_Found] = []
        seen: set[int] = set()
        # every document's file in one lookup: one at a time was half the keyword list's
        # CPU (a sorted-array search made afresh for each of 150 documents)
        files = snap.file_of_content.rows([row.content_id for row in rows]).tolist()
        for row, file_id in zip(rows, files, strict=True):
            if file_id >= 0 and file_id not in seen:
                seen.add(file_id)
                hits.append(_Found(file_id, row.content_id, row.extractor, row.rowid))
        return hits[:limit], every

    def keyword(self, snap: IndexSnapshot, query: str, limit: int) -> list[tuple[int, Reason]]:
        """Keyword hits with the reason each matched (the words, quoted where they are)."""
        hits, _ = self.keyword_hits(snap, query, limit)
        return self._keyword_reasons(hits, query_words(query))

    def _keyword_reasons(self, hits: list[_Found], words: list[str]) -> list[tuple[int, Reason]]:
        """The reason of each hit; the bodies the plain ones quote are read in one query
        (one query a hit was a tenth of a 10^5-file search)."""
        plain = [h.rowid for h in hits if not self._reads_result(h)]
        bodies = self.store.text_index.bodies(plain)
        return [(h.file_id, self._keyword_reason(h, words, bodies)) for h in hits]

    def _reads_result(self, hit: _Found) -> bool:
        """Whether a hit's reason comes from its stored result (else from its body)."""
        meaning = self.meanings.text.get(hit.extractor, "described")
        return meaning in TEXT_REASONS or hit.extractor == "description"

    def _keyword_reason(
        self, hit: _Found, words: list[str], bodies: dict[int, str] | None = None
    ) -> Reason:
        """Why a document matched, in the words of what it is: a line said, text on screen,
        a tag's name, or the words of a file's names."""
        meaning = self.meanings.text.get(hit.extractor, "described")
        result = None
        if self._reads_result(hit):
            result = load_result(self.store, hit.content_id, hit.extractor)
        if result is not None and meaning in TEXT_REASONS:
            best, best_n = None, 0
            for seg in result.segments:
                n = len(matched_words(words, seg.text))
                if n > best_n:
                    best, best_n = seg, n
            if best is not None:
                return Reason.of(
                    TEXT_REASONS[meaning], quote=quote(best.text, words), at=float(best.start)
                )
            if result.text:
                return Reason.of(TEXT_REASONS[meaning], quote=quote(result.text, words), at=None)
        if result is not None:
            tagged = result.data.get("tags")
            for item in tagged if isinstance(tagged, list) else []:
                if isinstance(item, list) and len(item) == 4:
                    tag_meaning, tag, source, score = item
                    if matched_words(words, str(tag).replace("_", " ")):
                        return Reason.of(
                            TAG_REASONS.get(str(tag_meaning), "tagged"),
                            tag=str(tag),
                            source=str(source),
                            score=float(score),
                        )
        if bodies is None or hit.rowid not in bodies:
            bodies = self.store.text_index.bodies([hit.rowid])
        body = bodies.get(hit.rowid, "")
        return Reason.of("matches_words", words=tuple(matched_words(words, body) or words))

    # -- meaning -------------------------------------------------------------------------------

    def semantic_text(
        self, snap: IndexSnapshot, q: np.ndarray, limit: int
    ) -> list[tuple[int, Reason]]:
        """Files whose text embedding (names and fused description) means the query."""
        assert self.embedder is not None
        key = f"{self._text_extractor(snap)}.{self.embedder.vector_name}"
        block = snap.blocks.get(key)
        if block is None or q.shape[0] != block.matrix.shape[1]:
            return []
        c = self.calibration
        if self.vectors is not None and self.vectors.big(block):
            # a big block: the graph's nearest rows, and the outlier test's mean and spread
            # over (a sample of) the whole block, as ``cutoff`` takes them over every row
            search = self.vectors.search_of(block)
            mean, spread = search.moments(q)
            threshold = max(c.text_floor, mean + c.text_z * spread)
            top = search.top(q, limit, typed=True)
            return [
                (int(f), Reason.of("similar_meaning", score=float(s)))
                for f, s in zip(top.file_ids, top.sims, strict=True)
                if s >= threshold
            ]
        sims = block.matrix @ q
        threshold = cutoff(sims, c.text_floor, c.text_z)
        order = np.argpartition(-sims, min(limit, len(sims) - 1))[:limit]
        order = order[np.argsort(-sims[order], kind="stable")]
        return [
            (int(block.file_ids[i]), Reason.of("similar_meaning", score=float(sims[i])))
            for i in order
            if sims[i] >= threshold
        ]

    def _text_extractor(self, snap: IndexSnapshot) -> str:
        assert self.embedder is not None
        for block in snap.blocks.values():
            if block.name == self.embedder.vector_name and block.modality == "text":
                return block.extractor
        return ""

    def semantic_tags(
        self, snap: IndexSnapshot, q: np.ndarray, limit: int
    ) -> list[tuple[int, Reason]]:
        """Files whose content tags mean what the query means, strongest evidence first.

        A tag counts only when its name stands out among every tag name for this query
        (see :mod:`medialens.core.relevance`): the spread is taken over every tag the
        installed extractors declare (and any other stored; until the declared ones are
        all embedded, over those embedded so far), all sources at once, so it hardly
        depends on what this library holds, and a query about sounds is not matched to
        the nearest picture label.
        """
        assert self.tag_embeddings is not None
        tables = [t for t in snap.tags.values() if t.vocabulary]
        if not tables:
            return []
        self.tag_embeddings.get(sorted(set().union(*(t.vocabulary for t in tables))))
        names, matrix = self.tag_embeddings.known()
        self.tag_embeddings.warm(self.meanings.vocabulary)  # for the next searches
        at = {name: i for i, name in enumerate(names)}
        every = matrix @ q
        c = self.calibration
        threshold = cutoff(every, c.tag_floor, c.tag_z)
        candidates: list[tuple[float, int, Reason]] = []
        for table in tables:
            sims = every[[at[t] for t in table.vocabulary]]
            relevant = np.where(sims >= threshold, sims, 0.0).astype(np.float32)
            if not relevant.any():
                continue
            # a tag counts by how sure the model is (sqrt softens tiny probabilities) times
            # how close the tag is to the query; only the rows holding a relevant tag are
            # read, through the table's postings (a dense pass over every row's tags was
            # most of a search at 10^6 files)
            rows, cols, strongest = self._postings(table).evidence(relevant)
            if not len(strongest):
                continue
            top = np.argpartition(-strongest, min(limit, len(strongest) - 1))[:limit]
            key = self.meanings.tag_reason(table.extractor)
            for i in top[strongest[top] > 0].tolist():
                row, col = int(rows[i]), int(cols[i])
                why = Reason.of(
                    key,
                    tag=table.vocabulary[int(table.tag_ids[row, col])],
                    source=table.extractor,
                    score=float(table.scores[row, col]),
                )
                candidates.append((float(strongest[i]), int(table.file_ids[row]), why))
        best: dict[int, tuple[float, Reason]] = {}
        for value, file_id, why in sorted(candidates, key=lambda c: (-c[0], c[1])):
            best.setdefault(file_id, (value, why))
        return [(file_id, why) for file_id, (_, why) in list(best.items())[:limit]]

    def _postings(self, table: TagTable) -> _Postings:
        """The postings of one generation's tag table (waits for them if they are being made)."""
        try:
            return self._postings_of(table).result()
        except CancelledError:  # the searcher closed meanwhile
            return _Postings(table)

    def _postings_of(self, table: TagTable) -> Future[_Postings]:
        """The postings of ``table``, made or being made (started here if they are not)."""
        with self._lock:
            held = self._tag_postings.get(table.extractor)
            if held is not None and held[0] is table:
                return held[1]
            made: Future[_Postings]
            if self._postings_pool is not None:
                made = self._postings_pool.submit(_Postings, table)
            else:  # closed: made here
                made = Future()
                made.set_result(_Postings(table))
            self._tag_postings[table.extractor] = (table, made)
            return made

    def _prepare(self, snap: IndexSnapshot) -> None:
        """Start making the postings of every tag table a search of ``snap`` may read."""
        if self.tag_embeddings is None:
            return
        for table in snap.tags.values():
            if table.vocabulary:
                self._postings_of(table)

    def kind(self, snap: IndexSnapshot, category: str, limit: int) -> list[tuple[int, Reason]]:
        """The files of the kind a query names."""
        ids = self.store.files.in_category(category, limit)
        return [(i, Reason.of("is_kind", kind=category)) for i in ids if i in snap.files]

    # -- all of them ---------------------------------------------------------------------------

    def search(self, query: str, n: int = 20) -> list[Hit]:
        """The best ``n`` files for ``query``, fused from every list; :class:`SearchError`
        when the embedder fails or the searcher is closed. Empty when nothing matches."""
        if self.closed:
            raise SearchError("search is closed")
        snap = self.index.refresh()  # one generation for the whole query
        query = query.strip()
        if not query or n <= 0:
            return []
        category = named_kind(query)
        if category is not None:
            return self._hits(snap, [(1.0, self.kind(snap, category, n))], n)
        depth = max(50, n * 3)
        with self._lock:
            if self._pool is None:
                raise SearchError("search is closed")
            # SQLite and numpy both release the GIL: the keyword query runs beside the rest
            keyword = self._pool.submit(self.keyword_hits, snap, query, depth)
        self._prepare(snap)
        lists: list[tuple[float, list[tuple[int, Reason]]]] = []
        try:
            if self.embedder is not None:
                q = guarded_embed(self.embedder, [query])[0]
                lists.append((1.0, self.semantic_tags(snap, q, depth)))
                lists.append((1.0, self.semantic_text(snap, q, depth)))
        finally:
            found, every = keyword.result()
        words = query_words(query)
        # a keyword hit's reason reads its stored result: only for hits that can be shown
        weight = KEYWORD_ALL_WEIGHT if every else KEYWORD_ANY_WEIGHT
        keyword_list = self._keyword_reasons(found[: n * 2], words)
        lists.insert(0, (weight, keyword_list))
        return self._hits(snap, lists, n)

    @staticmethod
    def _hits(
        snap: IndexSnapshot, lists: list[tuple[float, list[tuple[int, Reason]]]], n: int
    ) -> list[Hit]:
        fused: dict[int, float] = {}
        reasons: dict[int, list[tuple[int, int, Reason]]] = {}
        for order, (weight, hits) in enumerate(lists):
            for rank, (file_id, why) in enumerate(hits):
                fused[file_id] = fused.get(file_id, 0.0) + weight / (RRF_K + rank + 1)
                reasons.setdefault(file_id, []).append((rank, order, why))
        ordered = [
            (file_id, score)
            for file_id, score in sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
            if file_id in snap.files
        ]
        names = snap.files.names([file_id for file_id, _ in ordered])  # one query, not n
        return [
            Hit(file_id, names.get(file_id, ("", None))[0], score, _distinct(reasons[file_id]))
            for file_id, score in ordered
        ]


def _distinct(ranked: list[tuple[int, int, Reason]]) -> list[Reason]:
    """The reasons of one hit, best first, each said once (a tag found by its name and by
    its meaning is one reason)."""
    out: list[Reason] = []
    seen: set[tuple] = set()
    for _, _, why in sorted(ranked, key=lambda r: r[:2]):
        key = (why.key, why.get("tag"), why.get("quote"))
        if key not in seen:
            seen.add(key)
            out.append(why)
    return out
