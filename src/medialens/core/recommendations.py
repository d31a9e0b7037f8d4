"""What to play next: the interest model's ranking, made varied and explained.

One vector per file is built from every vector the extractors stored, one block per
(extractor, vector name) as :mod:`medialens.core.index` holds them (audio descriptors
standardised per dimension), by :func:`medialens.recommend.build_item_vectors` (each block
L2-normalised and centred, missing blocks neutral). It is rebuilt only when the index
reloads, which a cheap fingerprint of the tables decides; only available files have one.

A list is the model's scores re-ranked by maximal marginal relevance, and a near-duplicate
of something already in the list (cosine ≥ ``DUPLICATE_COSINE``) only gets in when
nothing else is left, so ten copies of one track never fill it. One slot in For you
goes to the best file of a region of the library the rest of the list does not touch,
so a taste that changes can be found at all. Left out everywhere:
files played in the last hour, disliked or "not interested" files, and files that are
unavailable or not playable. Every item says why it is there, as data
(:class:`~medialens.core.reasons.Reason`): the file it is most like among those the person
liked or played to the end (and which of the two it was), and the tags it shares with them.
A file very like one the person disliked or was not interested in comes only as a last
resort, and never in an explore slot: "something different" must not be the same thing
again; only explore slots say so. With no history yet, the list is a tour of the
library's main regions. Same state and ``now``, same lists.
"""

from __future__ import annotations

import json
import threading
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from medialens.core import history
from medialens.store import Store
from medialens.core.index import LibraryIndex
from medialens.core.library import Library
from medialens.core.reasons import Reason, Tag
from medialens.recommend import build_item_vectors, cold_start_order, diversify

RECENT_SECONDS = 3600.0
NEW_DAYS = 14
DUPLICATE_COSINE = 0.97
MMR_LAMBDA = 0.7
#: Share of each (extractor.name) block in the item vectors; absent = 1, every block alike.
BLOCK_WEIGHTS: dict[str, float] = {}
LIKED_SIGNAL = 0.5
#: The signal of a play to the end (or 90 %): anything less was played, not finished.
FINISHED_SIGNAL = 0.8
BECAUSE_MIN_COSINE = 0.2
TAG_MIN_SCORE = 0.2
TAG_MIN_PROFILE = 0.2
#: "Very like a rejected file": a cosine one standard deviation above the library's mean
#: similarity to that file, kept within these bounds. Item vectors average several blocks,
#: so near-identical voicemail prompts meet at 0.45-0.6 while the library's median is 0.1;
#: a fixed cosine would be wrong for one library or the other.
REJECTED_COSINE = 0.9
REJECTED_MIN_COSINE = 0.3
TOUR = Reason.of("tour")
#: Only the explore slots say "Something different to try": it promises something new.
EXPLORE = Reason.of("explore")
FROM_HISTORY = Reason.of("from_history")
#: Slots of For you (of 6 or more) kept for files unlike anything in the rest of the list.
EXPLORE_SLOTS = 1
REGIONS = 12

__all__ = [
    "ItemVectors",
    "item_vectors",
    "recommend",
    "sections",
    "more_like_this",
    "shelves",
]


def _store(lib: Any) -> Store:
    return lib.store if hasattr(lib, "store") else lib


# -- item vectors ------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemVectors:
    """One unit vector per content id, from every stored block."""

    source: object  # the index's blocks these were built from (identity = version)
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


_lock = threading.RLock()
_cache: weakref.WeakKeyDictionary[Store, ItemVectors] = weakref.WeakKeyDictionary()
_indexes: weakref.WeakKeyDictionary[Store, LibraryIndex] = weakref.WeakKeyDictionary()
_tag_cache: weakref.WeakKeyDictionary[Store, tuple] = weakref.WeakKeyDictionary()
_region_cache: weakref.WeakKeyDictionary[Store, tuple] = weakref.WeakKeyDictionary()
_tour_cache: weakref.WeakKeyDictionary[Store, tuple] = weakref.WeakKeyDictionary()


def library_index(lib: Any) -> LibraryIndex:
    """The library's in-memory feature index, refreshed; one per store in this process."""
    store = _store(lib)
    index = lib.index if isinstance(lib, Library) else None
    with _lock:
        if index is not None:
            _indexes[store] = index
        else:
            index = _indexes.get(store)
            if index is None:
                index = _indexes[store] = LibraryIndex(store)
    return index.refresh()


def item_vectors(lib: Any) -> ItemVectors:
    """One vector per content id of the available media, rebuilt when the index reloads."""
    store = _store(lib)
    index = library_index(lib)
    with _lock:
        cached = _cache.get(store)
        if cached is not None and cached.source is index.blocks:
            return cached
        items = _build(index)
        _cache[store] = items
        return items


def _build(index: LibraryIndex) -> ItemVectors:
    """Blocks of the index (audio descriptors already standardised) → item vectors."""
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
        return ItemVectors(index.blocks, cids, row, empty, np.zeros((len(cids), 0), bool), ())
    vectors, present = build_item_vectors(blocks, BLOCK_WEIGHTS)
    # build_item_vectors lays blocks out in sorted name order, as ``layout`` is.
    layout = tuple((key, int(values.shape[1])) for key, values in sorted(blocks.items()))
    return ItemVectors(index.blocks, cids, row, vectors, present, layout)


def _tags(store: Store) -> dict[str, dict[str, tuple[float, str]]]:
    """Every content id's tags: the highest score over extractors, and that extractor."""
    conn = store.read_conn()
    key = tuple(conn.execute("SELECT count(*), max(rowid) FROM features").fetchone())
    with _lock:
        cached = _tag_cache.get(store)
        if cached is not None and cached[0] == key:
            return cached[1]
    out: dict[str, dict[str, tuple[float, str]]] = {}
    for cid, extractor, raw in conn.execute(
        "SELECT content_id, extractor, tags FROM features WHERE tags IS NOT NULL "
        "ORDER BY content_id, extractor"
    ):
        merged = out.setdefault(cid, {})
        for tag, score in json.loads(raw).items():
            if tag not in merged or float(score) > merged[tag][0]:
                merged[tag] = (float(score), extractor)
    with _lock:
        _tag_cache[store] = (key, out)
    return out


# -- the state one ranking works from ----------------------------------------------------


@dataclass
class _State:
    store: Store
    now: float
    items: ItemVectors
    files: dict[str, dict]  # content id -> file row (available, playable; lowest id wins)
    excluded: set[str]  # disliked, not interested, played in the last hour
    hidden: set[str]  # disliked, not interested
    opinion: dict[str, tuple[float, float, str]]  # cid -> (signal, at, how)
    liked: list[str]  # liked content ids, most recent first
    model: Any
    _tags: dict | None = field(default=None, repr=False)
    _profile: dict | None = field(default=None, repr=False)

    @property
    def cold(self) -> bool:
        return self.model is None

    def title(self, cid: str) -> str:
        f = self.files.get(cid)
        if f is not None:
            return f["title"]
        row = self.store.query_one(
            "SELECT title, display_path FROM files WHERE content_id = ? ORDER BY id LIMIT 1",
            (cid,),
        )
        return _title(row) if row else "a file you played"

    def tags(self) -> dict[str, dict[str, tuple[float, str]]]:
        if self._tags is None:
            self._tags = _tags(self.store)
        return self._tags

    def profile(self) -> dict[str, float]:
        """Mean tag score over the liked files: what the person's favourites have in common."""
        if self._profile is None:
            total: dict[str, float] = {}
            tags = self.tags()
            for cid in self.liked:
                for tag, (score, _source) in tags.get(cid, {}).items():
                    total[tag] = total.get(tag, 0.0) + max(score, 0.0)
            n = max(len(self.liked), 1)
            self._profile = {t: s / n for t, s in total.items()}
        return self._profile


def _title(row: Any) -> str:
    if row["title"]:
        return str(row["title"])
    path = str(row["display_path"])
    name = path.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _state(lib: Any, now: float | None) -> _State:
    store = _store(lib)
    now = time.time() if now is None else float(now)
    items = item_vectors(lib)  # the Library's own index: loading a second costs as much again
    files: dict[str, dict] = {}
    for r in store.query(
        "SELECT id, content_id, display_path, title, kind, duration, added_at FROM files "
        "WHERE status = 'media' AND available = 1 AND content_id IS NOT NULL ORDER BY id"
    ):
        if r["content_id"] not in files:
            f = dict(r)
            f["title"] = _title(r)
            files[r["content_id"]] = f
    fb = history.feedback(store)
    hidden = {cid for cid, kind in fb.items() if kind in ("dislike", "not_interested")}
    recent = {cid for cid, at in history.played_at(store).items() if at >= now - RECENT_SECONDS}
    # An explicit word beats any inference (the last one given wins); else the last play.
    opinion: dict[str, tuple[float, float, str]] = {}
    explicit: set[str] = set()
    for s in history.signals(store):
        if s.kind in history.FEEDBACK_KINDS:
            explicit.add(s.content_id)
        elif s.content_id in explicit:
            continue
        opinion[s.content_id] = (s.signal, s.at, s.kind)
    liked = sorted(
        (cid for cid, (sig, _, _) in opinion.items() if sig >= LIKED_SIGNAL and cid not in hidden),
        key=lambda c: (-opinion[c][1], c),
    )
    model = history.interest_model(store) if opinion else None
    return _State(store, now, items, files, hidden | recent, hidden, opinion, liked, model)


# -- ranking -----------------------------------------------------------------------------


def _candidates(state: _State, extra_exclude: set[str] = frozenset()) -> list[str]:
    """Content ids that may be offered: playable, with vectors, not excluded (file-id order).

    A file no extractor has described yet has nothing to be recommended for.
    """
    row, present = state.items.row, state.items.present
    return [
        cid
        for cid in state.files
        if cid in row
        and present[row[cid]].any()
        and cid not in state.excluded
        and cid not in extra_exclude
    ]


def _scores(state: _State, cids: list[str]) -> np.ndarray:
    """Model scores for these content ids (candidates projected once per vectors/model)."""
    entry = history.sync_model(state.store)
    model = entry.model
    items = state.items
    key = (id(items), id(model))
    if entry.candidates is None or entry.candidates[0] != key:
        entry.candidates = (key, model.prepare(items.vectors))
    try:
        scores = model.score(entry.candidates[1], state.now)
    except ValueError:  # prepared under an older projection
        entry.candidates = (key, model.prepare(items.vectors))
        scores = model.score(entry.candidates[1], state.now)
    return np.asarray(scores, np.float64)[[items.row[c] for c in cids]]


def _pick(state: _State, cids: list[str], relevance: np.ndarray, n: int) -> list[int]:
    """MMR over the candidates; near-duplicates of what is picked, then near-copies of what
    the person rejected, only as a last resort (in that order)."""
    if not cids or n <= 0:
        return []
    v = state.items.vectors[[state.items.row[c] for c in cids]]
    order = [int(i) for i in diversify(relevance, v, min(len(cids), 3 * n), MMR_LAMBDA)]
    first = set(order)
    order += [int(i) for i in np.argsort(-relevance, kind="stable") if int(i) not in first]
    rejected = _near_rejected(state, cids)
    picked: list[int] = []
    spare: list[int] = []
    last: list[int] = []
    for i in order:
        if len(picked) == n:
            break
        if rejected[i]:
            last.append(i)
        elif picked and float((v[picked] @ v[i]).max()) >= DUPLICATE_COSINE:
            spare.append(i)
        else:
            picked.append(i)
    return (picked + spare + last)[:n]


def _seed_reason(state: _State, seed: str) -> Reason:
    """What really happened with a seed: liked (an explicit word), else played to the end."""
    how = state.opinion.get(seed)
    key = "because_liked" if how is not None and how[2] == "like" else "because_played"
    return Reason.of(key, title=state.title(seed))


def _reasons(state: _State, cid: str, seed: str | None = None, like: bool = False) -> list[Reason]:
    """Why ``cid`` is offered; with ``seed`` it is offered for being like that file."""
    reasons: list[Reason] = []
    items = state.items
    how = state.opinion.get(cid)
    if how is not None and how[0] >= LIKED_SIGNAL:
        if how[2] == "like":
            reasons.append(Reason.of("liked_this"))
        else:
            reasons.append(
                Reason.of("finished_this" if how[0] >= FINISHED_SIGNAL else "played_this")
            )
    liked = [c for c in state.liked if c != cid and c in items.row]
    if seed is not None:
        reasons.append(
            Reason.of("like", title=state.title(seed)) if like else _seed_reason(state, seed)
        )
    elif liked and cid in items.row:
        v = items.vectors[items.row[cid]]
        sims = items.vectors[[items.row[c] for c in liked]] @ v
        best = int(np.argmax(sims))  # ties: the most recent liked file
        if sims[best] >= BECAUSE_MIN_COSINE:
            reasons.append(_seed_reason(state, liked[best]))
    profile = state.profile() if state.liked else {}
    if profile:
        mine = state.tags().get(cid, {})
        shared = sorted(
            (-score * profile[tag], tag, source)
            for tag, (score, source) in mine.items()
            if score >= TAG_MIN_SCORE and profile.get(tag, 0.0) >= TAG_MIN_PROFILE
        )
        if shared:
            tags = tuple(Tag(tag, source, mine[tag][0]) for _, tag, source in shared[:2])
            reasons.append(Reason.of("liked_tags", tags=tags))
    if not reasons:  # ranked up by the model, like nothing in particular: say only that
        reasons.append(FROM_HISTORY)
    return reasons


def _item(state: _State, cid: str, score: float, reasons: list[Reason], section: str) -> dict:
    f = state.files[cid]
    return {
        "path": f["display_path"],
        "file_id": int(f["id"]),
        "content_id": cid,
        "title": f["title"],
        "score": round(float(score), 6),
        "reasons": reasons,
        "section": section,
    }


def _tour(state: _State, cids: list[str], n: int, section: str) -> list[dict]:
    if not cids:
        return []
    key = (n, hash(tuple(cids)))
    with _lock:
        source, tours = _tour_cache.get(state.store, (None, {}))
        if source is not state.items.source:  # the library changed: forget every tour
            tours = {}
            _tour_cache[state.store] = (state.items.source, tours)
        order = tours.get(key)  # the same candidates get the same tour (k-means is costly)
    if order is None:
        v = state.items.vectors[[state.items.row[c] for c in cids]]
        order = cold_start_order(v, min(n, len(cids)))
        with _lock:
            if len(tours) >= 8:
                tours.clear()
            tours[key] = order
    k = len(order)
    return [_item(state, cids[i], (k - r) / k, [TOUR], section) for r, i in enumerate(order)]


def _ranked(state: _State, cids: list[str], n: int, section: str, explore: int = 0) -> list[dict]:
    if state.cold:
        return _tour(state, cids, n, section)
    if not cids:
        return []
    scores = _scores(state, cids)
    explore = min(explore, max(0, n - 3))
    picked = _pick(state, cids, scores, n - explore)
    tries = _explore(state, cids, scores, picked, n - len(picked))
    out = [_item(state, cids[i], scores[i], _reasons(state, cids[i]), section) for i in picked]
    out += [_item(state, cids[i], scores[i], [EXPLORE], section) for i in tries]
    return out


def _regions(state: _State) -> np.ndarray:
    """A region (0..REGIONS-1) for every item vector, cached per vectors version."""
    items = state.items
    with _lock:
        cached = _region_cache.get(state.store)
        if cached is not None and cached[0] is items.source:
            return cached[1]
    k = min(REGIONS, len(items))
    if k == 0:
        labels = np.zeros(0, np.int64)
    else:
        centres = items.vectors[cold_start_order(items.vectors, k)]
        labels = np.argmax(items.vectors @ centres.T, axis=1)
    with _lock:
        _region_cache[state.store] = (items.source, labels)
    return labels


def _explore(
    state: _State, cids: list[str], scores: np.ndarray, picked: list[int], k: int
) -> list[int]:
    """Up to ``k`` candidates from regions of the library the list does not cover yet.

    The best-scoring file of each uncovered region, best regions first: a taste that has
    changed shows up only if something of the new kind is offered at all. Files very like
    one the person rejected are never offered here: a rejection says "not this kind".
    """
    if k <= 0:
        return []
    labels = _regions(state)[[state.items.row[c] for c in cids]]
    covered = {int(labels[i]) for i in picked}
    rejected = _near_rejected(state, cids)
    best: dict[int, int] = {}
    for i in np.argsort(-scores, kind="stable"):
        region = int(labels[i])
        if region in covered or region in best or int(i) in picked or rejected[i]:
            continue
        best[region] = int(i)
    order = sorted(best.values(), key=lambda i: (-scores[i], i))[:k]
    if len(order) < k:  # every region is covered: fill with the next best by score
        taken = set(picked) | set(order)
        rest = [
            int(i)
            for i in np.argsort(-scores, kind="stable")
            if int(i) not in taken and not rejected[i]
        ]
        order += rest[: k - len(order)]
    return order


def _near_rejected(state: _State, cids: list[str]) -> np.ndarray:
    """For each candidate: is it very like a file the person disliked or was not into?

    Very like = closer to it than the library is on the whole (mean + one standard
    deviation of every file's cosine to it), between ``REJECTED_MIN_COSINE`` and
    ``REJECTED_COSINE``.
    """
    items = state.items
    rejected = [items.row[c] for c in sorted(state.hidden) if c in items.row]
    if not rejected or not cids:
        return np.zeros(len(cids), bool)
    everything = items.vectors @ items.vectors[rejected].T  # [M, R]
    limit = np.clip(
        everything.mean(axis=0) + everything.std(axis=0), REJECTED_MIN_COSINE, REJECTED_COSINE
    )
    sims = everything[[items.row[c] for c in cids]]
    return (sims >= limit).any(axis=1)


def recommend(lib: Any, n: int = 10, now: float | None = None) -> list[dict]:
    """The ``n`` files to offer next, each ``{path, file_id, title, score, reasons, section}``.

    Without any history yet (or after it was forgotten) the list is a tour of the library.
    """
    state = _state(lib, now)
    return _for_you(state, n)


def _for_you(state: _State, n: int) -> list[dict]:
    cids = _candidates(state)
    if not state.items.layout:  # nothing analysed yet: the newest files
        newest = sorted(state.files, key=lambda c: (-(state.files[c]["added_at"] or 0), c))
        newest = [c for c in newest if c not in state.excluded][:n]
        return [_item(state, c, 0.0, [TOUR], "for_you") for c in newest]
    return _ranked(state, cids, n, "for_you", EXPLORE_SLOTS if n >= 6 else 0)


def _continue(state: _State, n: int) -> list[dict]:
    out = []
    for u in history.unfinished(state.store):
        cid = u["content_id"]
        f = state.files.get(cid)
        if f is None or f["kind"] != "video" or cid in state.hidden:
            continue
        duration = u["duration"] or f["duration"]
        reason = Reason.of("resume", position=float(u["position"]), duration=duration or None)
        item = _item(state, cid, u["at"], [reason], "continue_watching")
        item["position"] = u["position"]
        out.append(item)
        if len(out) == n:
            break
    return out


def _new(state: _State, n: int, shown: set[str] = frozenset()) -> list[dict]:
    since = state.now - NEW_DAYS * 86400
    played = history.played_at(state.store)
    new = {
        cid for cid, f in state.files.items() if (f["added_at"] or 0) >= since and cid not in played
    }
    cids = [c for c in _candidates(state, shown) if c in new]
    items = _ranked(state, cids, n, "new_for_you")
    for item in items:
        days = int((state.now - state.files[item["content_id"]]["added_at"]) // 86400)
        days = max(days, 0)
        added = {0: Reason.of("added_today"), 1: Reason.of("added_yesterday")}.get(
            days, Reason.of("added_days_ago", days=days)
        )
        item["reasons"] = [added] + [r for r in item["reasons"] if r != TOUR]
    return items


def _like_this(state: _State, seed: str, n: int, like: bool = False) -> list[dict]:
    """The files nearest ``seed``; ``like`` says "Like X" instead of why X was a seed."""
    items = state.items
    cids = _candidates(state, {seed})
    if seed not in items.row or not cids:
        return []
    sims = items.vectors[[items.row[c] for c in cids]] @ items.vectors[items.row[seed]]
    picked = _pick(state, cids, sims.astype(np.float64), n)
    return [
        _item(state, cids[i], sims[i], _reasons(state, cids[i], seed, like), "because_you_played")
        for i in picked
    ]


def _because(state: _State, n: int, seeds: int = 3) -> list[dict]:
    out = []
    for seed in state.liked:
        if len(out) == seeds:
            break
        like = _like_this(state, seed, n)
        if like:
            out.append(
                {
                    "seed": state.title(seed),
                    "seed_file_id": _file_id(state, seed),
                    "reason": _seed_reason(state, seed),
                    "items": like,
                }
            )
    return out


def _file_id(state: _State, cid: str) -> int | None:
    f = state.files.get(cid)
    if f is not None:
        return int(f["id"])
    row = state.store.query_one(
        "SELECT id FROM files WHERE content_id = ? ORDER BY id LIMIT 1", (cid,)
    )
    return int(row["id"]) if row else None


def sections(lib: Any, n: int = 10, now: float | None = None) -> dict:
    """Every section of the For you page: for_you, continue_watching, new_for_you, because_you_played."""
    state = _state(lib, now)
    for_you = _for_you(state, n)
    return {
        "for_you": for_you,
        "continue_watching": _continue(state, n),
        "new_for_you": _new(state, n, {i["content_id"] for i in for_you}),
        "because_you_played": _because(state, n),
    }


# -- adapters for the GUI ----------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    file_id: int
    why: tuple[Reason, ...]


@dataclass(frozen=True)
class Shelf:
    """One row of For you; ``reason`` titles a "because" shelf (liked or played ``arg``)."""

    key: str
    title: str
    cards: list[Card]
    arg: str = ""
    reason: Reason | None = None


def _cards(items: list[dict]) -> list[Card]:
    return [Card(i["file_id"], tuple(i["reasons"])) for i in items]


def shelves(lib: Any, per_row: int = 20, now: float | None = None) -> list[Shelf]:
    """The For you page as shelves of cards (what the GUI shows)."""
    s = sections(lib, per_row, now)
    out = []
    if s["continue_watching"]:
        out.append(Shelf("continue", "Continue watching", _cards(s["continue_watching"])))
    if s["for_you"]:
        out.append(Shelf("for_you", "For you", _cards(s["for_you"])))
    if s["new_for_you"]:
        out.append(Shelf("new", "New for you", _cards(s["new_for_you"])))
    for b in s["because_you_played"]:
        liked = b["reason"].key == "because_liked"
        title = "Because you liked {0}" if liked else "Because you played {0}"
        out.append(Shelf("because", title, _cards(b["items"]), b["seed"], b["reason"]))
    return out


def more_like_this(lib: Any, file_id: int, limit: int = 12, now: float | None = None) -> list[Card]:
    """Files most like this one (cosine on the item vectors), varied, with why."""
    state = _state(lib, now)
    row = state.store.query_one("SELECT content_id FROM files WHERE id = ?", (file_id,))
    if row is None or row["content_id"] is None:
        return []
    state.excluded = set(state.hidden)  # asked for explicitly: recent plays are fine
    return _cards(_like_this(state, row["content_id"], limit, like=True))
