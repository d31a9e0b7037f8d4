"""The interest model: what one person likes, learnt from how they play things.

One person, one machine: there is no other user to borrow taste from, so this is a
content-based model over the vectors of :mod:`medialens.recommend.vectors`. It blends
five parts, all computed in a low-dimensional projection of those vectors (PCA fitted on
the library, or a fixed random orthogonal map) so that scoring 10^5 files is one matrix
product:

* a Bayesian ridge regression of the signal on the (partly whitened) projected vector —
  the library itself is the background, so the weights say what separates this person's
  likes and dislikes from the library as a whole;
* a kernel density of liked things minus (a share of) disliked things around every event
  of the history — one mean vector cannot like both horror and musicals, a mixture can;
  the densities are kept as running sums per candidate, so an event costs one
  matrix-vector product and scoring does not grow with the history;
* a session profile with a half-life of minutes that is dropped after a gap, for mood;
* an upper-confidence bonus from the ridge posterior, so files unlike anything seen get a
  measured chance;
* exponential time decay of every past signal (half-life in days), so taste can drift.

Everything is deterministic given the state: no random draw happens at score time.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["InterestModel", "Candidates", "EXPOSURE_SIGNAL", "FORMAT_VERSION"]

#: The signal an exposure (shown or started but ignored) stands for: weakly negative.
EXPOSURE_SIGNAL = -0.15
#: Version of the :meth:`InterestModel.to_bytes` format.
FORMAT_VERSION = 1
_MAGIC = "medialens.recommend.InterestModel"
_DAY = 86400.0
_TOKENS = itertools.count(1)
#: Candidate rows and history events per block when kernel sums are computed in full.
_ROW_BLOCK, _EVENT_BLOCK = 16384, 256
#: New events a score adds to the running sums from its own product of the candidates.
_DEFER_EVENTS = 8


@dataclass(frozen=True)
class Candidates:
    """Candidate files projected once by :meth:`InterestModel.prepare`.

    Keep it while the library does not change: projecting 10^5 vectors of dim ~2,400
    costs far more than scoring them, so the app prepares once and scores many times.
    """

    unit: np.ndarray  # [M, d] float32, projected vectors scaled to unit length
    norm: np.ndarray  # [M] float32, their lengths before scaling
    projection_id: int
    # Running kernel sums of the history per model (see InterestModel._densities).
    cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def z(self) -> np.ndarray:
        """The projected vectors themselves (``unit * norm``)."""
        return self.unit * self.norm[:, None]

    def __len__(self) -> int:
        return self.unit.shape[0]


_DEFAULTS = dict(
    proj_dim=128,
    seed=0,
    half_life_days=45.0,
    session_half_life_s=1800.0,
    session_gap_s=3600.0,
    ridge_lambda=30.0,
    ridge_base_weight=0.2,
    whiten_power=0.5,
    exposure_weight=0.5,
    beta=0.25,
    familiar_mass=0.5,
    tau=0.15,
    k0=0.05,
    k_session=8,
    neg_gamma=0.5,
    w_lin=1.0,
    w_knn=0.6,
    w_session=0.4,
    history_cap=4096,
)


class InterestModel:
    """Long-term taste + session mood + exploration for one person.

    ``dim`` is the dimension of the item vectors. Keyword options (all stored in the
    state, defaults in ``_DEFAULTS``): ``proj_dim`` (projection size), ``seed``,
    ``half_life_days`` (long-term decay), ``session_half_life_s`` and ``session_gap_s``
    (mood), ``beta`` (exploration), ``w_lin`` / ``w_knn`` / ``w_session`` (blend).
    """

    def __init__(self, dim: int, **options):
        unknown = set(options) - set(_DEFAULTS)
        if unknown:
            raise TypeError(f"unknown options: {sorted(unknown)}")
        if dim < 1:
            raise ValueError("dim must be >= 1")
        self.dim = int(dim)
        self.config = {**_DEFAULTS, **options}
        self.d = min(int(self.config["proj_dim"]), self.dim)
        self._set_random_projection()
        self._z: np.ndarray = np.zeros((0, self.d), np.float16)
        self._s: np.ndarray = np.zeros(0, np.float32)
        self._w: np.ndarray = np.zeros(0, np.float32)
        self._t: np.ndarray = np.zeros(0, np.float64)
        self._id: np.ndarray = np.zeros(0, np.int64)
        self._n = 0
        self._next_id = 0
        # Events dropped by the history cap, kept a while so running sums can subtract them.
        self._dropped: list[tuple[int, tuple]] = []
        self._n_dropped = 0
        self._token = next(_TOKENS)
        self._version = 0
        self._heads_cache: tuple | None = None

    # ------------------------------------------------------------------ projection
    def _set_random_projection(self) -> None:
        """A fixed random orthogonal map, regenerated from the seed (nothing to store)."""
        self._proj_kind = "identity" if self.d == self.dim else "random"
        self._mean: np.ndarray = np.zeros(self.dim, np.float32)
        self._basis: np.ndarray | None = (
            None  # built on first use: from_bytes of a PCA state never needs it
        )
        self._scale = np.ones(self.d, np.float32)
        self._projection_id = hash((self._proj_kind, self.dim, self.d, int(self.config["seed"])))

    def _pca_basis(self) -> np.ndarray:
        if self._basis is None:
            raise RuntimeError("a PCA projection always has its basis")
        return self._basis

    def _random_basis(self) -> np.ndarray:
        rng = np.random.default_rng([int(self.config["seed"]), self.dim, self.d])
        g = rng.standard_normal((self.dim, self.d))
        # Orthonormalise through the d x d Gram matrix (Cholesky QR): only small LAPACK
        # calls, which stay fast when BLAS threads compete with other processes.
        chol = np.linalg.cholesky(g.T @ g)
        return (g @ np.linalg.inv(chol).T).astype(np.float32)

    def fit_projection(self, library: np.ndarray, *, sample: int = 20000) -> None:
        """Fit the projection to the library (PCA on up to ``sample`` rows).

        PCA keeps the directions the library actually varies along, which a random map
        spreads thin; its variances also give the whitening the ridge part uses, so the
        library acts as the background against which likes are told apart. Call it before
        observing when possible: a history recorded under another projection is mapped
        through the old basis, which loses what the old projection had dropped.
        """
        x = np.asarray(library, np.float32)
        if x.ndim != 2 or x.shape[1] != self.dim:
            raise ValueError(f"library must be [M, {self.dim}]")
        rng = np.random.default_rng([int(self.config["seed"]), 7])
        if len(x) > sample:
            x = x[np.sort(rng.choice(len(x), sample, replace=False))]
        mean = x.mean(axis=0)
        xc = x - mean
        rows = len(xc)
        # the sample goes as soon as it is centred: at 20,000 x 840 each copy is 67 MB
        # (For you's transient on a first start)
        del x
        k = self.d
        if self.dim <= 4 * k or len(xc) <= 4 * k:
            _, sv, vt = np.linalg.svd(xc, full_matrices=False)
        else:  # randomized SVD (Halko et al.), two power iterations
            # The products with the sample in float32, half the time of float64 and no
            # 134 MB float64 copy (the basis is kept in float16 anyway); the small
            # orthonormalisations and the last SVD in float64.
            def orthonormal(q: np.ndarray) -> np.ndarray:
                return _orthonormal(_orthonormal(q.astype(np.float64))).astype(np.float32)

            q = _product(xc, rng.standard_normal((self.dim, k + 16)).astype(np.float32))
            for _ in range(2):
                q = orthonormal(q)
                q = _product(xc, _product(xc.T, q))
            q = orthonormal(q)
            qx = _product(q.T, xc)
            _, sv, vt = np.linalg.svd(qx.astype(np.float64), full_matrices=False)
        basis = np.zeros((self.dim, k), np.float32)
        r = min(k, vt.shape[0])
        basis[:, :r] = vt[:r].T
        var = np.zeros(k, np.float64)
        var[:r] = sv[:r] ** 2 / max(rows, 1)
        if self._n and self._proj_kind == "random" and self._basis is None:
            self._basis = self._random_basis()
        old = (self._mean, self._basis) if self._n else None
        self._proj_kind = "pca"
        self._mean = mean.astype(np.float16).astype(np.float32)
        self._basis = basis.astype(np.float16).astype(np.float32)
        self._scale = self._whitening(var)
        self._projection_id = hash((self._basis.tobytes(), self._mean.tobytes()))
        if old is not None:
            x_old = self._z.astype(np.float32)
            x_old = x_old if old[1] is None else x_old @ old[1].T
            self._z = ((x_old + old[0] - self._mean) @ self._basis).astype(np.float16)
        self._changed()

    def _whitening(self, var: np.ndarray) -> np.ndarray:
        """Per-component scale var^(-p/2), normalised to mean 1 over used components."""
        p = float(self.config["whiten_power"])
        var = np.where(var > 1e-12, var, np.nan)
        s = np.nanmean(var) / var
        s = np.where(np.isfinite(s), s ** (p / 2), 0.0)
        return s.astype(np.float32)

    @property
    def projection_id(self) -> int:
        """The id :class:`Candidates` prepared under the current projection carry."""
        return self._projection_id

    def projection_key(self) -> str:
        """A digest of the projection that is the same in every process (``hash()`` of
        bytes is not): what a projection of the candidates kept on disk was made with."""
        h = hashlib.blake2b(digest_size=16)
        h.update(json.dumps([self._proj_kind, self.dim, self.d, int(self.config["seed"])]).encode())
        if self._proj_kind == "pca":
            h.update(self._mean.tobytes())
            h.update(self._pca_basis().tobytes())
        return h.hexdigest()

    def project(self, vectors: np.ndarray) -> np.ndarray:
        """Vectors ``[M, dim]`` in the model's projected space ``[M, d]`` (float32)."""
        x = np.asarray(vectors, np.float32)
        if x.ndim == 1:
            x = x[None, :]
        if x.ndim != 2 or x.shape[1] != self.dim:
            raise ValueError(f"vectors must be [M, {self.dim}], got {x.shape}")
        if self._proj_kind == "identity":
            return np.ascontiguousarray(np.nan_to_num(x))
        if self._basis is None:
            self._basis = self._random_basis()
        out = np.empty((len(x), self.d), np.float32)
        for start in range(0, len(x), _ROW_BLOCK):  # no full-size temporaries
            part = x[start : start + _ROW_BLOCK]
            if not np.isfinite(part).all():
                part = np.nan_to_num(part)
            if self._proj_kind == "pca":
                part = part - self._mean
            out[start : start + _ROW_BLOCK] = part @ self._basis
        return out

    def prepare(self, vectors: np.ndarray) -> Candidates:
        """Project candidate vectors once so :meth:`score` is one small matrix product."""
        z = self.project(vectors)
        n = np.linalg.norm(z, axis=1)
        z /= np.maximum(n, 1e-9)[:, None]
        return Candidates(z, n.astype(np.float32), self._projection_id)

    # ------------------------------------------------------------------ learning
    def _changed(self) -> None:
        self._version += 1
        self._heads_cache = None

    def _append(self, vectors, signals, timestamps, weight: float) -> None:
        z = self.project(vectors).astype(np.float16)
        s = np.clip(np.asarray(signals, np.float32).reshape(-1), -1.0, 1.0)
        t = np.asarray(timestamps, np.float64).reshape(-1)
        if not (len(z) == len(s) == len(t)):
            raise ValueError("vectors, signals and timestamps must have the same length")
        if not np.isfinite(t).all() or not np.isfinite(s).all():
            raise ValueError("signals and timestamps must be finite")
        n, m = self._n, len(z)
        if n + m > len(self._s):  # grow geometrically so an event costs O(d)
            cap = max(64, 2 * (n + m))
            self._z = np.resize(self._z, (cap, self.d))
            self._s, self._w, self._t, self._id = (
                np.resize(a, cap) for a in (self._s, self._w, self._t, self._id)
            )
        self._z[n : n + m] = z
        self._s[n : n + m] = s
        self._w[n : n + m] = weight
        self._t[n : n + m] = t
        self._id[n : n + m] = np.arange(self._next_id, self._next_id + m)
        self._next_id += m
        self._n = n + m
        cap = int(self.config["history_cap"])
        if self._n > cap:  # forget the oldest: their weight has decayed the most
            order = np.argsort(self._t[: self._n], kind="stable")
            keep, drop = np.sort(order[self._n - cap :]), order[: self._n - cap]
            self._dropped.append((self._n_dropped, self._rows(drop)))
            self._n_dropped += len(drop)
            while self._dropped and self._n_dropped - self._dropped[0][0] > cap:
                self._dropped.pop(0)
            self._z, self._s, self._w, self._t, self._id = self._rows(keep)
            self._n = cap
        self._changed()

    def _rows(self, idx) -> tuple:
        return tuple(a[idx].copy() for a in (self._z, self._s, self._w, self._t, self._id))

    def observe(self, vectors: np.ndarray, signals, timestamps) -> None:
        """Learn from played files: ``signals`` in [-1, 1] (see :mod:`.signals`), unix times."""
        self._append(vectors, signals, timestamps, 1.0)

    def observe_exposure(self, vectors: np.ndarray, timestamps) -> None:
        """Files shown or offered but not taken: weak negative evidence.

        Counted as :data:`EXPOSURE_SIGNAL` at ``exposure_weight`` in the ridge part and
        in the dislike density, never in the session mood: not choosing something says
        little, and many exposures must not outweigh one real play.
        """
        t = np.asarray(timestamps, np.float64).reshape(-1)
        self._append(
            vectors, np.full(len(t), EXPOSURE_SIGNAL), t, -float(self.config["exposure_weight"])
        )

    @property
    def n_events(self) -> int:
        return self._n

    # ------------------------------------------------------------------ scoring
    def _heads(self, now: float):
        """Everything score() needs, as columns of one matrix, cached per state and minute."""
        key = (self._version, round(float(now) / 60.0))
        if self._heads_cache is not None and self._heads_cache[0] == key:
            return self._heads_cache[1]
        c = self.config
        n = self._n
        z = self._z[:n].astype(np.float32)
        s = self._s[:n].astype(np.float64)
        wsign = self._w[:n].astype(np.float64)
        exposure = wsign < 0
        w = np.abs(wsign)
        age = np.maximum(float(now) - self._t[:n], 0.0)
        decay = 0.5 ** (age / (float(c["half_life_days"]) * _DAY))
        scale = self._scale.astype(np.float64)
        lam = float(c["ridge_lambda"])

        # Bayesian ridge on the whitened projection (posterior mean; the prior is lambda I).
        zw = z * scale
        prec = w * decay * (float(c["ridge_base_weight"]) + np.abs(s))
        a = (zw * prec[:, None]).T @ zw
        theta = (
            np.linalg.solve(a + lam * np.eye(self.d), zw.T @ (prec * s)) if n else np.zeros(self.d)
        )
        norms = np.linalg.norm(z, axis=1, keepdims=True)
        zu = np.divide(z, norms, out=np.zeros_like(z), where=norms > 1e-9)

        # Session mood: the latest plays since the last gap, fast decay, kept as points.
        plays = ~exposure
        cs, ms = np.zeros((0, self.d)), np.zeros(0)
        if plays.any():
            tp = self._t[:n][plays]
            last = tp.max()
            if float(now) - last <= float(c["session_gap_s"]):
                order = np.sort(tp)[::-1]
                gaps = np.nonzero(-np.diff(order) > float(c["session_gap_s"]))[0]
                start = order[gaps[0]] if len(gaps) else -np.inf
                inside = np.nonzero(plays & (self._t[:n] >= start))[0]
                inside = inside[np.argsort(self._t[:n][inside], kind="stable")][
                    -int(c["k_session"]) :
                ]
                ms = s[inside] * 0.5 ** (age[inside] / float(c["session_half_life_s"]))
                cs = zu[inside]

        # Kernel columns are divided by tau so that one exp() turns the product into
        # exp(cos / tau); the exp(-1 / tau) that makes a duplicate weigh 1 goes into the masses.
        tau = float(c["tau"])
        h = np.hstack([theta[:, None] * scale[:, None], cs.T / tau]).astype(np.float32)
        ms = ms * math.exp(-1.0 / tau)
        mass = np.stack([np.clip(ms, 0, None), np.clip(-ms, 0, None)], axis=1)
        heads = (np.ascontiguousarray(h), mass.astype(np.float32))
        self._heads_cache = (key, heads)
        return heads

    def _event_masses(self, rows: tuple, t_ref: float) -> tuple[np.ndarray, np.ndarray]:
        """Unit vectors of events and their masses [like, dislike, count] at ``t_ref``.

        A mass decays as ``0.5 ** (age / half-life)``, the same factor for every event, so
        sums kept at a reference time are turned into sums at ``now`` by one multiplication.
        """
        z, s, w, t, _ = rows
        z = z.astype(np.float32)
        norms = np.linalg.norm(z, axis=1, keepdims=True)
        zu = np.divide(z, norms, out=np.zeros_like(z), where=norms > 1e-9)
        s = s.astype(np.float64)
        count = np.abs(w.astype(np.float64))
        count *= np.exp2((t - t_ref) / (float(self.config["half_life_days"]) * _DAY))
        liked = (s > 0) & (w > 0)
        masses = np.stack(
            [np.where(liked, count * s, 0.0), np.where(liked, 0.0, -count * s), count], axis=1
        ) * math.exp(-1.0 / float(self.config["tau"]))
        return zu, masses

    def _densities(
        self, candidates: Candidates, now: float, *, defer: bool = False
    ) -> tuple[np.ndarray, float, tuple | None]:
        """Kernel densities ``[M, 3]`` (likes, dislikes, all events) of every event at ``now``.

        Each candidate keeps running sums over the whole history (no summarising into
        prototypes): a new event adds one column's worth of work (a matrix-vector product
        and an ``exp`` over the candidates), a dropped one subtracts it, and scoring only
        rescales for the time that passed. The first score of a fresh model or of new
        candidates computes the sums in full, in blocks.

        With ``defer``, a few new events are not added here but returned (their unit
        vectors over ``tau`` and their masses): the caller adds them from its own product
        of the candidates, so that one pass over them serves both (see :meth:`score`).
        """
        n = self._n
        hl = float(self.config["half_life_days"]) * _DAY
        cached: dict[str, Any] | None = candidates.cache.get(self._token)
        full = cached is None or cached["projection"] != self._projection_id
        if cached is not None and not full and cached["dropped"] < self._n_dropped:
            first = self._dropped[0][0] if self._dropped else self._n_dropped
            full = cached["dropped"] < first
        if cached is not None and not full:
            st = cached
        else:
            t_ref = float(self._t[:n].max()) if n else float(now)
            st = {
                "projection": self._projection_id,
                "t_ref": t_ref,
                "sums": np.zeros((len(candidates), 3)),
                "last_id": -1,
                "dropped": self._n_dropped,
            }
            if len(candidates.cache) >= 4:  # a few models per candidate set at most
                candidates.cache.pop(next(iter(candidates.cache)))
            candidates.cache[self._token] = st
        if st["dropped"] < self._n_dropped:
            for start, rows in self._dropped:
                skip = max(st["dropped"] - start, 0)
                sel = rows[4][skip:] <= st["last_id"]  # never added: nothing to subtract
                if skip < len(rows[4]) and sel.any():
                    part = tuple(a[skip:][sel] for a in rows)
                    self._accumulate(candidates, st, part, -1.0)
            st["dropped"] = self._n_dropped
        new = np.nonzero(self._id[:n] > st["last_id"])[0]
        deferred = None
        if len(new):
            t_new = float(self._t[new].max())
            if (t_new - st["t_ref"]) / hl > 256:  # keep the stored sums in range
                st["sums"] *= np.exp2((st["t_ref"] - t_new) / hl)
                st["t_ref"] = t_new
            if defer and len(new) <= _DEFER_EVENTS:
                zu, masses = self._event_masses(self._rows(new), st["t_ref"])
                inv_tau = np.float32(1.0 / float(self.config["tau"]))
                deferred = (np.ascontiguousarray(zu.T * inv_tau), masses.astype(np.float32))
            else:
                self._accumulate(candidates, st, self._rows(new), 1.0)
            st["last_id"] = int(self._id[new].max())
        factor = np.exp2((st["t_ref"] - float(now)) / hl)
        return st["sums"], factor, deferred

    def _accumulate(self, candidates: Candidates, st: dict, rows: tuple, sign: float) -> None:
        zu, masses = self._event_masses(rows, st["t_ref"])
        inv_tau = np.float32(1.0 / float(self.config["tau"]))
        sums, unit = st["sums"], candidates.unit
        for j in range(0, len(zu), _EVENT_BLOCK):
            h = np.ascontiguousarray(zu[j : j + _EVENT_BLOCK].T * inv_tau)
            m = (sign * masses[j : j + _EVENT_BLOCK]).astype(np.float32)
            for i in range(0, len(unit), _ROW_BLOCK):
                g = unit[i : i + _ROW_BLOCK] @ h
                np.exp(g, out=g)
                sums[i : i + _ROW_BLOCK] += g @ m
        if sign < 0:
            np.maximum(sums, 0.0, out=sums)

    def score(self, candidates, now: float) -> np.ndarray:
        """Scores ``[M]`` (float32, higher is better) for vectors ``[M, dim]`` or :class:`Candidates`.

        Pass :class:`Candidates` from :meth:`prepare` for speed (they also keep the running
        sums that make scoring after a new event cheap); raw vectors are projected on each
        call. Scores are comparable across calls with the same state and ``now``.
        """
        if not isinstance(candidates, Candidates):
            candidates = self.prepare(candidates)
        elif candidates.projection_id != self._projection_id:
            raise ValueError("candidates were prepared under another projection; prepare() again")
        c = self.config
        h, mass = self._heads(now)
        sums, factor, deferred = self._densities(candidates, now, defer=True)
        if deferred is None:
            g = candidates.unit @ h
        else:  # the events since the last score: their kernel columns in the same product
            columns, masses = deferred
            both = candidates.unit @ np.hstack([h, columns])
            g = both[:, : h.shape[1]]
            # (exp over a contiguous copy: over the strided columns numpy's exp is 20x slower)
            kernel = np.exp(np.ascontiguousarray(both[:, h.shape[1] :]))
            sums += kernel @ masses
        out = np.ascontiguousarray(g[:, 0]) * candidates.norm
        if c["w_lin"] != 1.0:
            out *= np.float32(c["w_lin"])
        k0 = float(c["k0"])
        # [3, M]: numpy's ufuncs are many times slower over strided columns than rows
        dens = np.ascontiguousarray((sums * (factor / k0)).astype(np.float32).T)
        familiar = dens[2] * np.float32(k0 / float(c["familiar_mass"]))
        np.log1p(dens[:2], out=dens[:2])
        w_knn = np.float32(c["w_knn"])
        out += w_knn * dens[0]
        out -= w_knn * np.float32(c["neg_gamma"]) * dens[1]
        w_sess = np.float32(c["w_session"])
        if w_sess and h.shape[1] > 1:
            sess = np.ascontiguousarray(g[:, 1:])
            np.exp(sess, out=sess)
            mood = np.log1p(sess @ (mass / np.float32(k0)))
            out += w_sess * (mood[:, 0] - mood[:, 1])
        # Exploration: a bonus that fades as the neighbourhood gets played or shown.
        np.negative(familiar, out=familiar)
        np.exp(familiar, out=familiar)
        out += np.float32(c["beta"]) * familiar
        return out

    def cold_start_order(self, candidates, k: int) -> np.ndarray:
        """A diverse tour of ``k`` candidates for a person with no history yet."""
        from .diversify import cold_start_order

        z = candidates.unit if isinstance(candidates, Candidates) else self.project(candidates)
        return cold_start_order(z, k, seed=int(self.config["seed"]))

    # ------------------------------------------------------------------ state
    def to_bytes(self) -> bytes:
        """The whole state as a compressed ``.npz`` (no pickle), versioned."""
        meta = {
            "magic": _MAGIC,
            "format": FORMAT_VERSION,
            "dim": self.dim,
            "config": self.config,
            "projection": self._proj_kind,
        }
        arrays: dict[str, Any] = {
            "meta": np.frombuffer(json.dumps(meta, sort_keys=True).encode(), np.uint8),
            "z": self._z[: self._n],
            "s": self._s[: self._n],
            "w": self._w[: self._n],
            "t": self._t[: self._n],
        }
        if self._proj_kind == "pca":
            arrays.update(
                mean=self._mean.astype(np.float16),
                basis=self._pca_basis().astype(np.float16),
                scale=self._scale,
            )
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> InterestModel:
        """Rebuild a model from :meth:`to_bytes`; refuses other formats and newer versions."""
        with np.load(io.BytesIO(data), allow_pickle=False) as f:
            meta = json.loads(bytes(f["meta"]).decode())
            if meta.get("magic") != _MAGIC:
                raise ValueError("not an InterestModel state")
            if int(meta.get("format", -1)) > FORMAT_VERSION:
                raise ValueError(f"state format {meta['format']} is newer than {FORMAT_VERSION}")
            config = {k: v for k, v in meta["config"].items() if k in _DEFAULTS}
            model = cls(int(meta["dim"]), **config)
            if meta["projection"] == "pca":
                model._proj_kind = "pca"
                model._mean = f["mean"].astype(np.float32)
                model._basis = f["basis"].astype(np.float32)
                model._scale = f["scale"].astype(np.float32)
                model._projection_id = hash((model._basis.tobytes(), model._mean.tobytes()))
            model._z = f["z"].astype(np.float16)
            model._s = f["s"].astype(np.float32)
            model._w = f["w"].astype(np.float32)
            model._t = f["t"].astype(np.float64)
            model._n = len(model._s)
            model._id = np.arange(model._n, dtype=np.int64)
            model._next_id = model._n
        model._changed()
        return model


#: Threads the big products of a fit run on (BLAS itself may be held to one thread).
PRODUCT_THREADS = 2
_PRODUCT_MIN = 1 << 22  # multiply-adds under which one thread is quicker


def _product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b``, its rows shared between ``PRODUCT_THREADS`` threads: the randomized
    SVD of a first fit is a cold start's longest single-core step, and BLAS (held to one
    thread while For you ranks: its spinning threads stall on busy cores) releases the
    GIL. Each thread computes whole rows, each row as one product would."""
    rows = a.shape[0]
    if PRODUCT_THREADS <= 1 or rows < 2 or rows * a.shape[1] * b.shape[1] < _PRODUCT_MIN:
        return a @ b
    from concurrent.futures import ThreadPoolExecutor

    out = np.empty((rows, b.shape[1]), np.result_type(a, b))
    edges = np.linspace(0, rows, PRODUCT_THREADS + 1).astype(int).tolist()

    def part(i: int) -> None:
        np.matmul(a[edges[i] : edges[i + 1]], b, out=out[edges[i] : edges[i + 1]])

    with ThreadPoolExecutor(PRODUCT_THREADS, thread_name_prefix="fit product") as pool:
        for future in [pool.submit(part, i) for i in range(PRODUCT_THREADS)]:
            future.result()
    return out


def _orthonormal(x: np.ndarray) -> np.ndarray:
    """Orthonormal columns spanning ``x`` (Cholesky QR with a ridge for rank deficiency)."""
    g = _product(x.T, x)
    g += np.eye(len(g)) * (1e-10 * max(np.trace(g), 1e-30))
    return _product(x, np.linalg.inv(np.linalg.cholesky(g)).T)
