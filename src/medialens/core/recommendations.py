"""What to play next: the interest model's ranking, made varied and explained.

One vector per file is built from every vector the extractors stored, one block per
(extractor, vector name) as :mod:`medialens.core.index` holds them (audio descriptors
standardised per dimension), by :func:`medialens.recommend.build_item_vectors` (each block
L2-normalised and centred, missing blocks neutral). It is rebuilt only when the index
reloads, which a cheap fingerprint of the tables decides; only available files have one.
The vectors are the index snapshot's (:meth:`~medialens.core.index.IndexSnapshot.item_vectors`),
so only active extractors' results take part.

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

"More like this" is :func:`medialens.core.similar.similar` (the one similarity of the
library, used by ``medialens similar`` too), with the recommender's rules on top: files
the person rejected are left out, one file per content, and each says what it is like.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from medialens.core.blas import one_thread
from medialens.core.derived_cache import passes, release
from medialens.core.events import FEEDBACK_KINDS, EventLog
from medialens.core.index import IndexSnapshot, ItemVectors
from medialens.core.reasons import Reason, Tag
from medialens.core.similar import similar
from medialens.core.taste import TasteModel
from medialens.core.vector_search import VectorSearch
from medialens.recommend import cold_start_order
from medialens.recommend.diversify import Picks
from medialens.store import Store

RECENT_SECONDS = 3600.0
NEW_DAYS = 14
DUPLICATE_COSINE = 0.97
MMR_LAMBDA = 0.7
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

__all__ = ["Card", "Recommender", "Shelf"]


# -- the state one ranking works from ----------------------------------------------------
#
# Every list works on rows of the item vectors (one per content of the available media,
# in file-id order), as numpy index arrays: no per-file Python object, no copy of the
# vectors of every candidate. Titles and paths are read for the items shown only.


@dataclass
class _State:
    rec: Recommender
    snapshot: IndexSnapshot
    now: float
    items: ItemVectors
    kinds: np.ndarray  # per row: the kind of its file (index into snapshot.files.kind_names)
    durations: np.ndarray  # per row, NaN when unknown
    added_at: np.ndarray  # per row, NaN when unknown
    excluded: np.ndarray  # per row: disliked, not interested, played in the last hour
    hidden: set[str]  # disliked, not interested (content ids)
    opinion: dict[str, tuple[float, float, str]]  # cid -> (signal, at, how)
    liked: list[str]  # liked content ids, most recent first
    model: Any
    _profile: dict | None = field(default=None, repr=False)
    _names: dict[int, tuple[str, str | None]] = field(default_factory=dict, repr=False)
    _tags: dict[str, dict] = field(default_factory=dict, repr=False)
    _liked_rows: np.ndarray | None = field(default=None, repr=False)
    _liked_vectors: np.ndarray | None = field(default=None, repr=False)
    _liked_at: dict[str, int] | None = field(default=None, repr=False)
    _liked_ok: np.ndarray = field(default_factory=lambda: np.zeros(0, bool), repr=False)
    _described: np.ndarray | None = field(default=None, repr=False)  # rows with any block
    _seed_reasons: dict[str, Reason] = field(default_factory=dict, repr=False)

    @property
    def cold(self) -> bool:
        return self.model is None

    def rows(self, cids) -> np.ndarray:
        """Item rows of these content ids (-1 where a content has none)."""
        lookup = getattr(self.items.row, "rows", None)
        if lookup is not None:
            return lookup(list(cids))
        return np.array([self.items.row.get(c, -1) for c in cids], np.int64)

    def row(self, cid: str) -> int | None:
        return self.items.row.get(cid)

    def names(self, rows) -> None:
        """Read the paths and titles of these rows' files (once each)."""
        ids = [int(self.items.file_ids[r]) for r in rows]
        wanted = [i for i in ids if i not in self._names]
        if wanted:
            self._names.update(self.snapshot.files.names(wanted))

    def title(self, cid: str) -> str:
        r = self.row(cid)
        if r is not None:
            fid = int(self.items.file_ids[r])
            self.names([r])
            path, title = self._names.get(fid, ("", None))
            return _title(title, path)
        found = self.rec.store.events.first_file(cid)
        return _title(found[1], found[2]) if found else "a file you played"

    def tags(self, cid: str) -> dict[str, tuple[float, str]]:
        found = self._tags.get(cid)
        if found is None:
            found = self._tags[cid] = self.snapshot.tags_of(cid)
        return found

    def __post_init__(self) -> None:
        # a content's tags do not change within a generation: share them between the
        # rankings of one snapshot (a refresh after a play names mostly the same files)
        with self.rec.lock:
            source, tags = self.rec.tag_cache
            if source is not self.snapshot or len(tags) > 20000:
                tags = {}
                self.rec.tag_cache = (self.snapshot, tags)
        self._tags = tags

    def liked_rows(self) -> np.ndarray:
        """Item rows of the liked content ids, in the same order (-1: none)."""
        if self._liked_rows is None:
            self._liked_rows = self.rows(self.liked)
        return self._liked_rows

    def liked_mask(self, cid: str) -> np.ndarray:
        """Which liked files (in the order of ``liked``) have a vector and are not ``cid``."""
        if self._liked_at is None:
            self._liked_at = {c: i for i, c in enumerate(self.liked)}
            self._liked_ok = self.liked_rows() >= 0
        mask = self._liked_ok
        at = self._liked_at.get(cid)
        if at is not None and mask[at]:
            mask = mask.copy()
            mask[at] = False
        return mask

    def liked_vectors(self) -> np.ndarray:
        """The item vectors of the liked rows, read once (rows of -1: zeros, never used)."""
        if self._liked_vectors is None:
            rows = self.liked_rows()
            out = np.zeros((len(rows), self.items.dim), np.float32)
            ok = rows >= 0
            out[ok] = self.items.vectors[rows[ok]]
            self._liked_vectors = out
        return self._liked_vectors

    def profile(self) -> dict[str, float]:
        """Mean tag score over the liked files: what the person's favourites have in common."""
        if self._profile is None:
            total: dict[str, float] = {}
            for cid in self.liked:
                for tag, (score, _source) in self.tags(cid).items():
                    total[tag] = total.get(tag, 0.0) + max(score, 0.0)
            n = max(len(self.liked), 1)
            self._profile = {t: s / n for t, s in total.items()}
        return self._profile


def _title(title: str | None, display_path: str) -> str:
    if title:
        return str(title)
    path = str(display_path)
    name = path.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


# -- ranking -----------------------------------------------------------------------------


def _candidates(state: _State, extra_exclude: np.ndarray | None = None) -> np.ndarray:
    """Rows that may be offered: playable, with vectors, not excluded (file-id order).

    A file no extractor has described yet has nothing to be recommended for.
    """
    if state._described is None:
        rec = state.rec
        with rec.lock:
            source, described = rec.described
        if source is not state.items:
            described = np.asarray(state.items.present.any(axis=1), bool)
            described.setflags(write=False)
            with rec.lock:
                rec.described = (state.items, described)
        state._described = described
    ok = state._described & ~state.excluded
    if extra_exclude is not None and len(extra_exclude):
        ok[extra_exclude[extra_exclude >= 0]] = False
    return np.nonzero(ok)[0]


def _scores(state: _State, rows: np.ndarray) -> np.ndarray:
    """Model scores for these rows (candidates projected once per vectors/model)."""
    scores = state.rec.taste.scores(state.items, state.now)
    if scores is None:
        return np.zeros(len(rows), np.float64)
    return scores[rows]


def _pick(state: _State, rows: np.ndarray, relevance: np.ndarray, n: int) -> list[int]:
    """MMR over the candidates; near-duplicates of what is picked, then near-copies of what
    the person rejected, only as a last resort (in that order)."""
    if not len(rows) or n <= 0:
        return []
    vectors = state.items.vectors
    rec = state.rec
    with rec.lock:
        source, memo = rec.mmr
        if source is not state.items or len(memo) > 64:
            memo = {}
            rec.mmr = (state.items, memo)
    k = min(len(rows), 3 * n)
    # the MMR picks are made as they are needed: most lists use n of the 3 n
    order = iter(Picks(relevance, vectors, k, MMR_LAMBDA, rows=rows, memo=memo))
    first: set[int] = set()
    rejected = _near_rejected(state, rows)
    picked: list[int] = []
    spare: list[int] = []
    last: list[int] = []
    # the vectors of the picked rows, read once each (not again for every later candidate)
    kept = np.empty((n, state.items.dim), np.float32)
    rest: Iterator[int] | None = None  # the whole ranking, only if the MMR picks run out
    while len(picked) < n:
        i = next(order, -1)
        if i >= 0:
            first.add(i)
        else:
            if rest is None:
                rest = iter(np.argsort(-relevance, kind="stable").tolist())
            following = next(rest, None)
            if following is None:
                break
            if following in first:
                continue
            i = int(following)
        if rejected[i]:
            last.append(i)
            continue
        v = np.asarray(vectors[rows[i]], np.float32)
        if picked and float((kept[: len(picked)] @ v).max()) >= DUPLICATE_COSINE:
            spare.append(i)
        else:
            kept[len(picked)] = v
            picked.append(i)
    return (picked + spare + last)[:n]


def _seed_reason(state: _State, seed: str) -> Reason:
    """What really happened with a seed: liked (an explicit word), else played to the end."""
    found = state._seed_reasons.get(seed)
    if found is None:  # (a because-shelf names its seed on every card)
        how = state.opinion.get(seed)
        key = "because_liked" if how is not None and how[2] == "like" else "because_played"
        found = state._seed_reasons[seed] = Reason.of(key, title=state.title(seed))
    return found


def _reasons(state: _State, row: int, seed: str | None = None) -> list[Reason]:
    """Why row ``row`` is offered; with ``seed`` it is offered for being like that file."""
    reasons: list[Reason] = []
    items = state.items
    cid = items.content_id(row)
    how = state.opinion.get(cid)
    if how is not None and how[0] >= LIKED_SIGNAL:
        if how[2] == "like":
            reasons.append(Reason.of("liked_this"))
        else:
            reasons.append(
                Reason.of("finished_this" if how[0] >= FINISHED_SIGNAL else "played_this")
            )
    if seed is not None:
        reasons.append(_seed_reason(state, seed))
    else:  # the liked file it is most like, itself and files without a vector left out
        mask = state.liked_mask(cid)
        if mask.any():
            sims = np.where(mask, state.liked_vectors() @ items.vectors[row], -np.inf)
            best = int(np.argmax(sims))  # ties: the most recent liked file
            if sims[best] >= BECAUSE_MIN_COSINE:
                reasons.append(_seed_reason(state, state.liked[best]))
    profile = state.profile() if state.liked else {}
    if profile:
        mine = state.tags(cid)
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


def _item(state: _State, row: int, score: float, reasons: list[Reason], section: str) -> dict:
    fid = int(state.items.file_ids[row])
    return {
        "path": "",  # filled in by _named, for every item of a list at once
        "file_id": fid,
        "content_id": state.items.content_id(row),
        "title": "",
        "score": round(float(score), 6),
        "reasons": reasons,
        "section": section,
        "row": int(row),
    }


def _named(state: _State, items: list[dict]) -> list[dict]:
    """Paths and titles of the items, read from the store in one go."""
    state.names([i["row"] for i in items])
    for item in items:
        path, title = state._names.get(item["file_id"], ("", None))
        item["path"], item["title"] = path, _title(title, path)
        item.pop("row", None)
    return items


def _tour(state: _State, rows: np.ndarray, n: int, section: str) -> list[dict]:
    if not len(rows):
        return []
    key = (n, hash(rows.tobytes()))
    rec = state.rec
    with rec.lock:
        source, tours = rec.tours
        if source is not state.items:  # the library changed: forget every tour
            tours = {}
            rec.tours = (state.items, tours)
        order = tours.get(key)  # the same candidates get the same tour (k-means is costly)
    if order is None:
        order = cold_start_order(state.items.vectors, min(n, len(rows)), rows=rows)
        release(state.items.vectors)
        with rec.lock:
            if len(tours) >= 8:
                tours.clear()
            tours[key] = order
    k = len(order)
    return [_item(state, int(rows[i]), (k - r) / k, [TOUR], section) for r, i in enumerate(order)]


def _ranked(state: _State, rows: np.ndarray, n: int, section: str, explore: int = 0) -> list[dict]:
    if state.cold:
        return _tour(state, rows, n, section)
    if not len(rows):
        return []
    scores = _scores(state, rows)
    explore = min(explore, max(0, n - 3))
    picked = _pick(state, rows, scores, n - explore)
    tries = _explore(state, rows, scores, picked, n - len(picked))
    out = [
        _item(state, int(rows[i]), scores[i], _reasons(state, int(rows[i])), section)
        for i in picked
    ]
    out += [_item(state, int(rows[i]), scores[i], [EXPLORE], section) for i in tries]
    return out


def _regions(state: _State) -> np.ndarray:
    """A region (0..REGIONS-1) for every item vector, cached per vectors version (and
    on disk beside the item vectors, for the next start)."""
    items = state.items
    rec = state.rec
    with rec.lock:
        source, cached = rec.regions
        if source is items and cached is not None:
            return cached
    k = min(REGIONS, len(items))
    # Regions of the model's own projection of the item vectors when there is one
    # (already computed for the scores: one pass over every vector fewer).
    prepared = rec.taste.candidates(items)
    space = prepared.unit if prepared is not None else items.vectors

    def fill(out: dict[str, np.ndarray]) -> None:
        if k == 0:
            return
        centres = space[cold_start_order(space, k, unit=prepared is not None)]
        for start, part in passes(space, 65536):
            out["labels"][start : start + len(part)] = np.argmax(part @ centres.T, axis=1)
        release(space)

    specs = {"labels": ("<i8", (len(items),))}
    model = state.model
    if items.cache is not None and items.key is not None and k:
        projection = model.projection_key() if prepared is not None and model else "items"
        key = {"items": items.key, "space": projection, "k": k}
        labels = items.cache.build("regions", key, specs, fill)["labels"]
    else:
        labels = np.zeros(len(items), np.int64)
        fill({"labels": labels})
    with rec.lock:
        rec.regions = (items, labels)
    return labels


def _explore(
    state: _State, rows: np.ndarray, scores: np.ndarray, picked: list[int], k: int
) -> list[int]:
    """Up to ``k`` candidates from regions of the library the list does not cover yet.

    The best-scoring file of each uncovered region, best regions first: a taste that has
    changed shows up only if something of the new kind is offered at all. Files very like
    one the person rejected are never offered here: a rejection says "not this kind".
    """
    if k <= 0:
        return []
    labels = _regions(state)[rows]
    covered = {int(labels[i]) for i in picked}
    rejected = _near_rejected(state, rows)
    eligible = ~rejected & ~np.isin(labels, list(covered))
    eligible[picked] = False
    # each uncovered region's best: the highest score, the lowest index of a tie (what
    # the first of a stable descending sort would be; one argmax per region, no sort)
    ranking = np.where(eligible & ~np.isnan(scores), scores, -np.inf)
    best = {}
    for region in np.nonzero(np.bincount(labels[eligible], minlength=1))[0].tolist():
        member = labels == region
        i = int(np.argmax(np.where(member, ranking, -np.inf)))
        if not eligible[i]:  # every member scored -inf or NaN: the first of them
            i = int(np.nonzero(eligible & member)[0][0])
        best[region] = i
    taken = set(picked)
    order = sorted(best.values(), key=lambda i: (-scores[i], i))[:k]
    if len(order) < k:  # every region is covered: fill with the next best by score
        ranked = np.argsort(-scores, kind="stable")
        free = ~rejected
        free[list(taken | set(order))] = False
        order += [int(i) for i in ranked[free[ranked]][: k - len(order)]]
    return order


def _near_rejected(state: _State, rows: np.ndarray) -> np.ndarray:
    """For each candidate: is it very like a file the person disliked or was not into?

    Very like = closer to it than the library is on the whole (mean + one standard
    deviation of every file's cosine to it), between ``REJECTED_MIN_COSINE`` and
    ``REJECTED_COSINE``.
    """
    items = state.items
    rejected = state.rows(sorted(state.hidden))
    rejected = rejected[rejected >= 0]
    if not len(rejected) or not len(rows):
        return np.zeros(len(rows), bool)
    key = (id(items), rejected.tobytes())
    rec = state.rec
    with rec.lock:
        found = rec.near.get(key)
    near = found[1] if found is not None and found[0] is items else None
    if near is None:  # [M]: very like one of them; kept while the vectors and rejections hold
        them = np.asarray(items.vectors[rejected])
        everything = np.empty((len(items), len(rejected)), np.float32)  # [M, R]
        for start, part in passes(items.vectors):
            everything[start : start + len(part)] = part @ them.T
        limit = np.clip(
            everything.mean(axis=0) + everything.std(axis=0), REJECTED_MIN_COSINE, REJECTED_COSINE
        )
        near = (everything >= limit).any(axis=1)
        with rec.lock:
            if len(rec.near) >= 4:
                rec.near.clear()
            rec.near[key] = (items, near)
    return near[rows]


def _for_you(state: _State, n: int) -> list[dict]:
    rows = _candidates(state)
    if not state.items.layout:  # nothing analysed yet: the newest files
        added = np.nan_to_num(state.added_at, nan=0.0)
        order = np.lexsort((state.items.content_ids, -added))
        newest = [int(r) for r in order if not state.excluded[r]][:n]
        return _named(state, [_item(state, r, 0.0, [TOUR], "for_you") for r in newest])
    items = _ranked(state, rows, n, "for_you", EXPLORE_SLOTS if n >= 6 else 0)
    return _named(state, items)


def _continue(state: _State, n: int) -> list[dict]:
    out = []
    names = state.snapshot.files.kind_names
    for u in state.rec.events.unfinished():
        cid = u.content_id
        r = state.row(cid)
        if r is None or names[int(state.kinds[r])] != "video" or cid in state.hidden:
            continue
        known = float(state.durations[r])
        duration = u.duration or (None if np.isnan(known) else known)
        reason = Reason.of("resume", position=float(u.position), duration=duration or None)
        item = _item(state, r, u.at, [reason], "continue_watching")
        item["position"] = u.position
        out.append(item)
        if len(out) == n:
            break
    return _named(state, out)


def _new(state: _State, n: int, shown: AbstractSet[str] = frozenset()) -> list[dict]:
    since = state.now - NEW_DAYS * 86400
    played = state.rows(state.rec.events.played_at())
    new = np.nan_to_num(state.added_at, nan=0.0) >= since
    new[played[played >= 0]] = False
    rows = _candidates(state, state.rows(shown))
    rows = rows[new[rows]]
    items = _ranked(state, rows, n, "new_for_you")
    for item in items:
        days = int((state.now - float(state.added_at[item["row"]])) // 86400)
        days = max(days, 0)
        added = {0: Reason.of("added_today"), 1: Reason.of("added_yesterday")}.get(
            days, Reason.of("added_days_ago", days=days)
        )
        item["reasons"] = [added] + [r for r in item["reasons"] if r != TOUR]
    return _named(state, items)


def _like_this(state: _State, seed: str, n: int) -> list[dict]:
    """The files nearest ``seed`` on the item vectors, varied (a "because" shelf)."""
    at = state.row(seed)
    rows = _candidates(state, np.array([-1 if at is None else at]))
    if at is None or not len(rows):
        return []
    every = _seed_cosines(state, [at])[0]
    sims = every[rows]
    picked = _pick(state, rows, sims.astype(np.float64), n)
    return _named(
        state,
        [
            _item(
                state,
                int(rows[i]),
                sims[i],
                _reasons(state, int(rows[i]), seed),
                "because_you_played",
            )  # fmt: skip
            for i in picked
        ],
    )


def _seed_cosines(state: _State, seeds: list[int]) -> list[np.ndarray]:
    """Each seed row's cosines to every row, kept while the vectors hold; the seeds not
    kept yet are computed in one pass over the item vectors (each row's pages read once),
    or waited for when a pass started by :func:`_start_seeds` is computing them."""
    items = state.items
    rec = state.rec
    out: dict[int, np.ndarray] = {}
    while True:
        waiting = None
        with rec.lock:
            for at in seeds:
                found = rec.like.get((id(items), at))
                if found is not None and found[0] is items:
                    out[at] = found[1]
                elif waiting is None:
                    waiting = rec.seeding.get((id(items), at))
        if waiting is None:
            break
        waiting.wait()  # (once done, its cosines are kept, or it failed: computed here)
        with rec.lock:
            for key in [k for k, e in rec.seeding.items() if e is waiting]:
                del rec.seeding[key]
    missing = [at for at in dict.fromkeys(seeds) if at not in out]
    if missing:
        out.update(_seed_pass(state, missing))
    return [out[at] for at in seeds]


def _seed_pass(state: _State, seeds: list[int]) -> dict[int, np.ndarray]:
    """The cosines of these seed rows to every row, in one pass; kept in the recommender."""
    items = state.items
    rec = state.rec
    vectors = [np.array(items.vectors[at]) for at in seeds]
    every = [np.empty(len(items), np.float32) for _ in seeds]
    for start, part in passes(items.vectors):
        for v, e in zip(vectors, every, strict=True):  # the same product as one seed's
            e[start : start + len(part)] = part @ v
    with rec.lock:
        if len(rec.like) + len(seeds) > 16:
            rec.like.clear()
        for at, e in zip(seeds, every, strict=True):
            rec.like[(id(items), at)] = (items, e)
    return dict(zip(seeds, every, strict=True))


def _first_seeds(state: _State, seeds: int = 3) -> list[int]:
    """The seed rows the "because" shelves will most likely use."""
    return [r for r in state.liked_rows()[: 2 * seeds].tolist() if r >= 0][:seeds]


def _start_seeds(state: _State) -> threading.Thread | None:
    """Start the pass over the item vectors for the likely seeds not kept yet, on a thread
    of its own: after a play the new seed's cosines (a full pass, memory-bound) are made
    on a second core while For you and New are ranked on this one. The products are the
    same as :func:`_seed_pass` makes in line, so the shelves are too."""
    if state.cold or not state.items.layout or not len(state.items):
        return None
    items = state.items
    rec = state.rec
    seeds = _first_seeds(state)
    done = threading.Event()
    with rec.lock:
        missing = [
            at
            for at in seeds
            if (found := rec.like.get((id(items), at))) is None or found[0] is not items
        ]
        missing = [at for at in missing if (id(items), at) not in rec.seeding]
        if not missing:
            return None
        for at in missing:
            rec.seeding[(id(items), at)] = done

    def run() -> None:
        try:
            _seed_pass(state, missing)
        finally:
            done.set()

    thread = threading.Thread(target=run, name="seed cosines", daemon=True)
    thread.start()
    return thread


def _because(state: _State, n: int, seeds: int = 3) -> list[dict]:
    out: list[dict] = []
    first = _first_seeds(state, seeds)
    if first:  # the seeds the shelves will most likely use, in one pass
        _seed_cosines(state, first)
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
    r = state.row(cid)
    if r is not None:
        return int(state.items.file_ids[r])
    found = state.rec.store.events.first_file(cid)
    return found[0] if found else None


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


def _shelves(s: dict) -> list[Shelf]:
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


# -- the owner ---------------------------------------------------------------------------


#: A mapped projection up to this size stays resident between rankings (a refresh reads
#: all of it); a larger one is let go after each ranking (see ``Recommender._let_go``).
KEEP_MAPPED_BYTES = 128 << 20


class Recommender:
    """What to play next for one library: For you, its sections and shelves, more like this.

    Owns what is worth keeping between two questions (the tour and the regions of the
    current item vectors); everything else is read fresh, so the lists follow the history
    at once.
    """

    def __init__(
        self,
        store: Store,
        index: Callable[[], IndexSnapshot],
        events: EventLog,
        taste: TasteModel,
        vectors: VectorSearch | None = None,
        warm: Callable[[], bool] | None = None,
    ) -> None:
        self.store = store
        #: Whether the ranking's data is at hand without a long build (see first_shelves).
        self._warm = warm
        self.vectors = vectors
        self.events = events
        self.taste = taste
        self._index = index
        self.lock = threading.RLock()
        self.tours: tuple[ItemVectors | None, dict] = (None, {})
        self.regions: tuple[ItemVectors | None, np.ndarray | None] = (None, None)
        self.tag_cache: tuple[IndexSnapshot | None, dict] = (None, {})
        # the MMR picks of a pool (a because-shelf keeps its pool after most plays)
        self.mmr: tuple[ItemVectors | None, dict] = (None, {})
        # per item vectors (by id, so a new generation misses): cosines to a seed, and
        # which rows are very like the rejected files
        self.like: dict[tuple[int, int], tuple[ItemVectors, np.ndarray]] = {}
        self.near: dict[tuple[int, bytes], tuple[ItemVectors, np.ndarray]] = {}
        # seeds whose cosines a pass on another thread is computing (set once it is done)
        self.seeding: dict[tuple[int, int], threading.Event] = {}
        # per snapshot and item vectors: each row's kind, duration, date added
        self.columns: tuple[tuple[IndexSnapshot, ItemVectors] | None, tuple] = (None, ())
        self.described: tuple[ItemVectors | None, np.ndarray] = (None, np.zeros(0, bool))

    def _state(self, now: float | None) -> _State:
        now = time.time() if now is None else float(now)
        snapshot = self._index()
        items = snapshot.item_vectors()
        kinds, durations, added_at = self._columns(snapshot, items)
        fb = self.events.feedback()
        hidden = {cid for cid, kind in fb.items() if kind in ("dislike", "not_interested")}
        recent = {cid for cid, at in self.events.played_at().items() if at >= now - RECENT_SECONDS}
        # An explicit word beats any inference (the last one given wins); else the last play.
        opinion: dict[str, tuple[float, float, str]] = {}
        explicit: set[str] = set()
        for s in self.events.signals():
            if s.kind in FEEDBACK_KINDS:
                explicit.add(s.content_id)
            elif s.content_id in explicit:
                continue
            opinion[s.content_id] = (s.signal, s.at, s.kind)
        liked = sorted(
            (c for c, (sig, _, _) in opinion.items() if sig >= LIKED_SIGNAL and c not in hidden),
            key=lambda c: (-opinion[c][1], c),
        )
        model = self.taste.model() if opinion else None
        state = _State(
            self, snapshot, now, items, kinds, durations, added_at,
            np.zeros(len(items), bool), hidden, opinion, liked, model,
        )  # fmt: skip
        out = state.rows(hidden | recent)
        state.excluded[out[out >= 0]] = True
        return state

    def _columns(
        self, snapshot: IndexSnapshot, items: ItemVectors
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each item row's kind, duration and date added (kept while the generation holds:
        a refresh after a play does not look up 10^5 files again)."""
        with self.lock:
            source, columns = self.columns
            if source is not None and source[0] is snapshot and source[1] is items:
                return columns
        files = snapshot.files
        at = np.searchsorted(files.ids, items.file_ids)  # each row's file
        columns = (files.kinds[at], files.durations[at], files.added_at[at])
        for column in columns:
            column.setflags(write=False)  # shared by every ranking of the generation
        with self.lock:
            self.columns = ((snapshot, items), columns)
        return columns

    def recommend(self, n: int = 10, now: float | None = None) -> list[dict]:
        """The ``n`` files to offer next, each ``{path, file_id, title, score, reasons, section}``.

        Without any history yet (or after it was forgotten) the list is a tour of the library.
        """
        with one_thread():
            return _for_you(self._state(now), n)

    def sections(self, n: int = 10, now: float | None = None) -> dict:
        """Every section of the For you page: for_you, continue_watching, new_for_you,
        because_you_played."""
        with one_thread():
            state = self._state(now)
            seeding = _start_seeds(state)
            try:
                for_you = _for_you(state, n)
                return {
                    "for_you": for_you,
                    "continue_watching": _continue(state, n),
                    "new_for_you": _new(state, n, {i["content_id"] for i in for_you}),
                    "because_you_played": _because(state, n),
                }
            finally:
                if seeding is not None:  # (BLAS stays on one thread until it is done)
                    seeding.join()
                self._let_go(state)

    def _let_go(self, state: _State) -> None:
        """Let the mapped pages a ranking read go from this process's RSS.

        The full passes drop theirs as they go, but the rows a ranking picks one by one
        (pools, reasons, seeds) each fault in the pages around them, and the score reads
        the whole projection: at 10^6 files 250 MB of item vectors and 490 MB of
        projection stayed resident in the window after a ranking. They stay in the page
        cache, so the next ranking maps them again at the cost of minor faults: about 5 ms
        a refresh for a 51 MB projection (10^5 files), so a projection that small stays.
        """
        release(state.items.vectors)
        candidates = self.taste.candidates(state.items) if state.model is not None else None
        if candidates is not None and candidates.unit.nbytes > KEEP_MAPPED_BYTES:
            release(candidates.unit)

    def shelves(self, per_row: int = 20, now: float | None = None) -> list[Shelf]:
        """The For you page as shelves of cards (what the GUI shows)."""
        return _shelves(self.sections(per_row, now))

    def first_shelves(
        self, per_row: int = 20, now: float | None = None
    ) -> tuple[list[Shelf], bool]:
        """The shelves to paint first, and whether they are the whole page.

        With the feature index and its derived matrices on disk (any start but the first)
        that is the full ranking, in a second or so at 10^5 files. Without them (a first
        start, an upgrade, a lost cache) building them takes tens of seconds: then the page
        starts with what SQLite answers at once (Continue watching, the newest files) and
        the caller asks :meth:`shelves` for the rest, on the same worker.
        """
        if self._warm is None or self._warm():
            return self.shelves(per_row, now), True
        return self._provisional(per_row, now), False

    def _provisional(self, n: int, now: float | None) -> list[Shelf]:
        """Continue watching and the newest files, from SQLite alone (no feature index)."""
        from medialens.core.events import PLAY_KINDS

        now = time.time() if now is None else float(now)
        fb = self.events.feedback()
        hidden = {cid for cid, kind in fb.items() if kind in ("dislike", "not_interested")}
        played = self.events.played_at()
        views = self.store.views
        unfinished = [u for u in self.events.unfinished() if u.content_id not in hidden]
        firsts = {u.content_id: self.store.events.first_file(u.content_id) for u in unfinished}
        ids = [f[0] for f in firsts.values() if f is not None]
        rows = {r[0]: r for r in views.media_rows_of(ids)}  # (id, cid, kind, ..., avail, ...)
        cont = []
        for u in unfinished:
            found = firsts.get(u.content_id)
            r = rows.get(found[0]) if found is not None else None
            if r is None or r[2] != "video" or not r[9]:
                continue
            duration = u.duration or r[3] or None
            why = Reason.of("resume", position=float(u.position), duration=duration)
            cont.append(Card(int(r[0]), (why,)))
            if len(cont) == n:
                break
        newest: list[Card] = []
        order = views.media_order("added", True, played_kinds=PLAY_KINDS)
        for start in range(0, len(order), 4 * n):
            part = [int(i) for i in order[start : start + 4 * n]]
            found_rows = {r[0]: r for r in views.media_rows_of(part)}
            for fid in part:
                r = found_rows.get(fid)
                if r is None or not r[9] or r[1] in hidden:
                    continue
                if played.get(r[1], -np.inf) >= now - RECENT_SECONDS:
                    continue
                days = max(int((now - float(r[8])) // 86400), 0) if r[8] is not None else None
                added = {0: Reason.of("added_today"), 1: Reason.of("added_yesterday")}.get(
                    days if days is not None else -1,
                    Reason.of("added_days_ago", days=days) if days is not None else TOUR,
                )
                newest.append(Card(fid, (added,)))
                if len(newest) == n:
                    break
            if len(newest) == n:
                break
        out = []
        if cont:
            out.append(Shelf("continue", "Continue watching", cont))
        if newest:
            out.append(Shelf("for_you", "For you", newest))
        return out

    def more_like_this(self, file_id: int, limit: int = 12, now: float | None = None) -> list[Card]:
        """Files most like this one, by :func:`~medialens.core.similar.similar`: each card
        says "Like <title>" and which kind of evidence matched, one file per content, and
        nothing the person disliked or was not interested in."""
        state = self._state(now)
        snapshot = state.snapshot
        if file_id not in snapshot.files:
            return []
        seed = snapshot.files.content_id(file_id)
        path, title = snapshot.files.names([file_id]).get(file_id, ("", None))
        like = Reason.of("like", title=_title(title, path))  # this file, not a copy
        cards: list[Card] = []
        seen = {seed}
        pool = limit + len(state.hidden) + 8
        for match in similar(snapshot, file_id, pool, self.vectors):
            cid = snapshot.files.content_id(match.file_id)
            if cid in seen or cid in state.hidden:
                continue
            seen.add(cid)
            cards.append(Card(match.file_id, (like, match.why)))
            if len(cards) == limit:
                break
        return cards
