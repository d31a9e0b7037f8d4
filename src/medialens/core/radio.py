"""Play similar: a radio that keeps going with tracks like a seed, learning from skips.

A radio session starts from one file (the seed) and is refilled a few tracks at a time as
its queue runs low. Each refill asks "more like this" of the seed and of the last tracks
played through, pools the answers, and re-ranks the pool:

* closeness to the seed (the station's identity) and to what was just played through
  (where the listener is taking it),
* the interest model's score (what this person likes in general),
* minus closeness to what was skipped early in this session, so one skip steers the
  next picks away from its neighbours at once, before the model has learnt anything.

Nothing is offered twice in a session, and only files of the seed's kind (a song's radio
plays songs). The session is plain data: the GUI keeps it, and runs :func:`next_tracks`
on a worker thread. Skips are recorded in the history by the player as ``skip`` events, so
the interest model learns from them too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from medialens.core.events import HistoryError
from medialens.recommend.signals import is_early_skip

__all__ = ["Radio", "next_tracks", "is_early_skip", "BATCH", "LOW_WATER"]

#: Tracks added per refill, and the number left in the queue that triggers one.
BATCH = 5
LOW_WATER = 2
#: How many "more like this" answers to pool per anchor.
POOL = 40
#: How many recently finished tracks steer the picks besides the seed.
RECENT = 3
W_SEED = 1.0
W_RECENT = 0.6
W_INTEREST = 0.35
W_SKIP = 1.2


@dataclass
class Radio:
    """One radio session: its seed and what happened to every track it offered."""

    seed: int
    kind: str | None = None
    offered: list[int] = field(default_factory=list)  # in order, the seed first
    skipped: list[int] = field(default_factory=list)
    finished: list[int] = field(default_factory=list)  # most recent last

    def __post_init__(self) -> None:
        if self.seed not in self.offered:
            self.offered.insert(0, self.seed)

    def offer(self, file_ids: list[int]) -> None:
        self.offered.extend(i for i in file_ids if i not in self.offered)

    def note_skip(self, file_id: int) -> None:
        if file_id not in self.skipped:
            self.skipped.append(file_id)
        if file_id in self.finished:
            self.finished.remove(file_id)

    def note_finished(self, file_id: int) -> None:
        if file_id in self.finished:
            self.finished.remove(file_id)
        self.finished.append(file_id)

    def anchors(self) -> list[int]:
        """The seed, then the latest tracks played through (newest first)."""
        recent = [i for i in reversed(self.finished) if i != self.seed][:RECENT]
        return [self.seed, *recent]


def _rows(lib: Any, file_ids: list[int]) -> dict[int, Any]:
    out = {}
    for fid in file_ids:
        try:
            out[fid] = lib.events.resolve_file(fid)
        except HistoryError:
            continue
    return out


def _pool(lib: Any, radio: Radio, now: float) -> list[int]:
    """Candidates from "more like this" of each anchor, best first, seed's answers first."""
    pool: list[int] = []
    for anchor in radio.anchors():
        for card in lib.recommender.more_like_this(anchor, POOL, now=now):
            if card.file_id not in pool:
                pool.append(card.file_id)
    seen = set(radio.offered)
    pool = [i for i in pool if i not in seen]
    if len(pool) < BATCH:  # the neighbourhood is used up: widen to the whole taste
        for item in lib.recommender.recommend(4 * POOL, now=now):
            fid = int(item["file_id"])
            if fid not in seen and fid not in pool:
                pool.append(fid)
    return pool


def next_tracks(lib: Any, radio: Radio, n: int = BATCH, now: float | None = None) -> list[int]:
    """The next ``n`` file ids for this radio (fewer when the library runs out), and offer them.

    Runs on a worker thread: it reads the item vectors and the interest model.
    """
    now = time.time() if now is None else float(now)
    rows = _rows(lib, [radio.seed])
    if radio.kind is None and radio.seed in rows:
        radio.kind = rows[radio.seed].kind
    pool = _pool(lib, radio, now)
    rows = _rows(lib, [*pool, *radio.offered])
    offered = {rows[i].content_id for i in radio.offered if i in rows}
    pool = [
        i
        for i in pool
        if i in rows
        and rows[i].content_id not in offered  # the same recording in another file
        and (radio.kind is None or rows[i].kind == radio.kind)
    ]
    if not pool:
        return []
    items = lib.index.item_vectors()

    def vecs(ids: list[int]) -> np.ndarray:
        out = np.zeros((len(ids), max(items.dim, 1)), np.float32)
        for k, fid in enumerate(ids):
            r = items.row.get(rows[fid].content_id) if fid in rows else None
            if r is not None and items.dim:
                out[k] = items.vectors[r]
        return out

    v = vecs(pool)
    rank = np.linspace(1.0, 0.0, len(pool), dtype=np.float64)  # the pool's own order
    if not items.dim or not np.abs(v).sum():
        picked = pool[:n]
        radio.offer(picked)
        return picked

    def closeness(ids: list[int]) -> np.ndarray:
        if not ids:
            return np.zeros(len(pool))
        return (v @ vecs(ids).T).max(axis=1).astype(np.float64)

    anchors = radio.anchors()
    score = W_SEED * closeness(anchors[:1]) + W_RECENT * closeness(anchors[1:]) + 0.05 * rank
    model = lib.taste.model()
    if model is not None:
        try:
            interest = np.asarray(model.score(model.prepare(v), now), np.float64)
        except ValueError:  # the vectors changed shape under the model
            interest = np.zeros(len(pool))
        spread = float(interest.std())
        if spread > 1e-9:
            score += W_INTEREST * (interest - interest.mean()) / spread
    skipped = [i for i in radio.skipped if i in rows]
    if skipped:
        score -= W_SKIP * np.clip(closeness(skipped), 0.0, None)

    order = [int(i) for i in np.argsort(-score, kind="stable")]
    picked = [pool[k] for k in order[:n]]
    radio.offer(picked)
    return picked
