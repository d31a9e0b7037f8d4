"""Re-ranking for variety, and a first tour for someone with no history.

A list of ten near-identical files is worse than a list of the best few and some
alternatives: each extra copy of the same thing tells the person nothing new. Maximal
marginal relevance (Carbonell & Goldstein, 1998) trades score against similarity to what
is already picked. With no history at all there is no score, so the tour instead covers
the library's main regions, biggest first, with a typical file from each.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

__all__ = ["Picks", "diversify", "cold_start_order"]


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, np.float32)
    if not np.isfinite(x).all():  # (a full nan_to_num pass costs 4x the rest)
        x = np.nan_to_num(x)
    # (row lengths by einsum and a plain division, zero rows divided by inf: a third of
    # the time of linalg.norm and a masked divide, with a pool gathered on every refresh)
    n = np.sqrt(np.einsum("ij,ij->i", x, x))[:, None]
    return x / np.where(n > 1e-12, n, np.inf)


def diversify(
    scores,
    vectors,
    k: int,
    lambda_: float = 0.7,
    *,
    pool: int | None = None,
    rows=None,
    memo: dict | None = None,
) -> np.ndarray:
    """Indices of ``k`` items picked by MMR: ``lambda_ * relevance - (1 - lambda_) * max cosine``.

    ``lambda_ = 1`` is the plain ranking, ``0`` pure variety. Relevance is the score
    rescaled to [0, 1] over the pool (the ``pool`` best items, default ``max(10 k, 100)``)
    so that it is on the same scale as a cosine whatever the model's units. Ties go to the
    lower index, so the result is deterministic. With ``rows``, item ``i`` is the row
    ``rows[i]`` of ``vectors`` (only the pool's rows are ever read). ``memo`` (a dict kept
    by the caller for one ``vectors``) remembers the picks of a pool: the same pool rows
    with the same relevances give the same picks, without reading a vector.
    """
    picks = Picks(scores, vectors, k, lambda_, pool=pool, rows=rows, memo=memo)
    return np.asarray([int(i) for i in picks], np.int64)


class Picks:
    """The picks of :func:`diversify`, made one at a time as they are asked for.

    The first ``j`` picks of ``k`` are the same whether ``k`` or ``j`` are wanted (the pool
    is sized for ``k``), so a caller that needs only a few of its ``k`` (spares for
    near-duplicates) pays only for those. Iterate for the indices; ``memo`` keeps the
    picks made so far, and a later iteration over the same pool resumes from them.
    """

    def __init__(
        self,
        scores,
        vectors,
        k: int,
        lambda_: float = 0.7,
        *,
        pool: int | None = None,
        rows=None,
        memo: dict | None = None,
    ) -> None:
        scores = np.asarray(scores, np.float64).reshape(-1)
        m = len(scores)
        self.k = max(0, min(int(k), m))
        self.lambda_ = float(lambda_)
        self._vectors, self._rows, self._memo = vectors, rows, memo
        self._at: list[int] = []
        self._v: np.ndarray | None = None
        self.cand = np.zeros(0, np.int64)
        if self.k == 0:
            return
        if not 0.0 <= lambda_ <= 1.0:
            raise ValueError("lambda_ must be in [0, 1]")
        size = min(m, pool or max(10 * self.k, 100))
        finite = np.where(np.isfinite(scores), scores, -np.inf)
        if size < m:  # partial selection, then a stable sort of the pool only
            part = np.argpartition(-finite, size - 1)[:size]
            kth = finite[part].min()
            part = np.nonzero(finite >= kth)[0]  # every tie of the last place, lowest first
            cand = part[np.argsort(-finite[part], kind="stable")][:size]
        else:
            cand = np.argsort(-finite, kind="stable")
        rel = finite[cand]
        ok = rel[np.isfinite(rel)]
        lo, hi = (ok.min(), ok.max()) if len(ok) else (0.0, 0.0)
        self.cand = cand
        self.rel = np.where(np.isfinite(rel), (rel - lo) / (hi - lo) if hi > lo else 1.0, -1.0)
        self._key = None
        if memo is not None:
            ids = cand if rows is None else np.asarray(rows)[cand]
            self._key = (
                self.k, self.lambda_, np.asarray(ids, np.int64).tobytes(), self.rel.tobytes()
            )  # fmt: skip
            self._at = list(memo.get(self._key, ()))

    def __iter__(self) -> Iterator[int]:
        j = 0
        while j < self.k:
            if j == len(self._at):
                self._extend()
            yield int(self.cand[self._at[j]])
            j += 1

    def _extend(self) -> None:
        """One more pick (resuming from the memo's picks: their cosines again, the same
        products in the same order, so the resumed picks are those of one run)."""
        size = len(self.cand)
        if self._v is None:
            rows = self.cand if self._rows is None else np.asarray(self._rows)[self.cand]
            self._v = _unit(self._vectors[rows])
            # Only the picked items' cosines to the pool are ever read: k rows of the Gram
            # matrix, not all of it (k = 60 of a pool of 600 at 840 dims: 10x less work).
            self._max_sim = np.full(size, -np.inf)
            self._chosen = np.zeros(size, bool)
            for j in self._at:
                self._chosen[j] = True
                np.maximum(self._max_sim, self._v @ self._v[j], out=self._max_sim)
        v, max_sim, lambda_ = self._v, self._max_sim, self.lambda_
        mmr = lambda_ * self.rel - (1.0 - lambda_) * np.where(np.isfinite(max_sim), max_sim, 0.0)
        mmr[self._chosen] = -np.inf
        j = int(np.argmax(mmr))
        self._at.append(j)
        self._chosen[j] = True
        np.maximum(max_sim, v @ v[j], out=max_sim)
        if self._memo is not None:
            self._memo[self._key] = tuple(self._at)


def _prepared(candidates, rows, rng) -> np.ndarray:
    """Unit rows (projected to 128 dims when wider than 256), a block of rows at a time:
    never a full-size copy of the candidates."""
    m = len(candidates) if rows is None else len(rows)
    dim = candidates.shape[1]
    proj = rng.standard_normal((dim, 128)).astype(np.float32) if dim > 256 else None
    out = np.empty((m, 128 if proj is not None else dim), np.float32)
    for start in range(0, m, _BLOCK):
        part = (
            candidates[start : start + _BLOCK]
            if rows is None
            else candidates[np.asarray(rows)[start : start + _BLOCK]]
        )
        part = _unit(part)
        out[start : start + _BLOCK] = _unit(part @ proj) if proj is not None else part
    return out


_BLOCK = 16384


def cold_start_order(
    candidates, k: int, *, seed: int = 0, iters: int = 8, rows=None, unit: bool = False
) -> np.ndarray:
    """Indices of ``k`` files that tour the library: one typical file per region.

    Spherical k-means (greedy k-means++ seeding from ``seed``, on at most 20,000 sampled rows,
    vectors above 256 dims first mapped to 128 by a seeded random projection) splits the
    library into ``k`` regions; each region offers the file closest to its centre, and
    the regions come biggest first. A typical member, not the farthest outlier, because a
    first impression of a region should be representative of it. With ``rows``, the
    candidates are those rows of ``candidates`` (indices refer to ``rows``); ``unit`` says
    their rows are unit vectors already (then they are used as they are).
    """
    m = len(candidates) if rows is None else len(rows)
    k = max(0, min(int(k), m))
    if k == 0:
        return np.zeros(0, np.int64)
    rng = np.random.default_rng([int(seed), 11])
    if unit and rows is None and candidates.shape[1] <= 256:
        x = np.asarray(candidates, np.float32)  # unit rows already: no copy
    else:
        x = _prepared(candidates, rows, rng)
    fit = x if m <= 20000 else x[np.sort(rng.choice(m, 20000, replace=False))]
    # Greedy k-means++ (as scikit-learn): of a few sampled candidates per step, keep the
    # one that lowers the total distance most, so two seeds rarely share a region.
    trials = 2 + int(np.log(k))
    cent = [fit[int(rng.integers(len(fit)))]]
    dist = np.maximum(1.0 - fit @ cent[0], 0.0)
    for _ in range(k - 1):
        total = dist.sum()
        if total <= 1e-12:
            cent.append(fit[int(rng.integers(len(fit)))])
            continue
        picks = rng.choice(len(fit), trials, p=dist / total)
        new = np.minimum(dist[None, :], np.maximum(1.0 - fit[picks] @ fit.T, 0.0))
        best = int(np.argmin(new.sum(axis=1)))
        cent.append(fit[picks[best]])
        dist = new[best]
    c = np.asarray(cent)
    for _ in range(iters):
        assign = np.argmax(fit @ c.T, axis=1)
        onehot = np.zeros((len(c), len(fit)), np.float32)  # one row per region
        onehot[assign, np.arange(len(fit))] = 1.0
        summed = onehot @ fit  # (np.add.at would take ~50x longer)
        norms = np.linalg.norm(summed, axis=1, keepdims=True)
        c = np.where(norms > 1e-12, summed / np.maximum(norms, 1e-12), c)
    sims = x @ c.T
    assign = np.argmax(sims, axis=1)
    sizes = np.bincount(assign, minlength=k)
    order, taken = [], np.zeros(m, bool)
    for cl in np.argsort(-sizes, kind="stable"):
        members = np.nonzero(assign == cl)[0]
        if len(members) == 0:
            continue
        j = members[int(np.argmax(sims[members, cl]))]
        order.append(j)
        taken[j] = True
    if len(order) < k:  # empty regions: fill by farthest point from what is taken
        d = 1.0 - (x @ x[order].T).max(axis=1)
        while len(order) < k:
            d[taken] = -np.inf
            j = int(np.argmax(d))
            order.append(j)
            taken[j] = True
            d = np.minimum(d, 1.0 - x @ x[j])
    return np.asarray(order[:k], np.int64)
