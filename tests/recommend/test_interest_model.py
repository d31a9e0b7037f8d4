"""Behaviour of the interest model on synthetic libraries with known clusters."""

from __future__ import annotations

import time

import numpy as np
import pytest

from medialens.recommend import (
    EXPOSURE_SIGNAL,
    Candidates,
    InterestModel,
    cold_start_order,
)

DAY = 86400.0
T0 = 1_700_000_000.0


def library(n_clusters=8, per=150, dim=96, spread=0.55, seed=1):
    """Unit vectors around ``n_clusters`` random centres; returns (vectors, cluster ids)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((n_clusters, dim))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    labels = np.repeat(np.arange(n_clusters), per)
    x = centres[labels] + spread * rng.standard_normal((len(labels), dim)) / np.sqrt(dim) * 3
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x.astype(np.float32), labels


def play(model, x, labels, taste, n, t0, step, rng, seen):
    """The person plays ``n`` random unseen files; likes clusters in ``taste``, skips the rest."""
    pool = np.setdiff1d(np.arange(len(x)), np.fromiter(seen, int, len(seen)))
    for j, i in enumerate(rng.choice(pool, n, replace=False)):
        signal = 1.0 if labels[i] in taste else -0.5
        model.observe(x[i : i + 1], [signal], [t0 + j * step])
        seen.add(int(i))
    return t0 + n * step


def top(scores, k, exclude=()):
    s = np.asarray(scores, np.float64).copy()
    s[list(exclude)] = -np.inf
    return np.argsort(-s, kind="stable")[:k]


def precision(model, x, labels, taste, now, seen, k=10):
    picked = top(model.score(x, now), k, seen)
    return float(np.isin(labels[picked], list(taste)).mean())


def test_learns_a_hidden_two_cluster_taste():
    x, labels = library()
    model = InterestModel(x.shape[1], proj_dim=32)
    model.fit_projection(x)
    rng, seen = np.random.default_rng(0), set()
    taste = {2, 5}  # two separate regions: one mean vector would sit between them
    assert precision(model, x, labels, taste, T0, seen) < 0.6  # before: no better than luck
    now = play(model, x, labels, taste, 40, T0, 60.0, rng, seen)
    assert precision(model, x, labels, taste, now + 7 * DAY, seen) >= 0.9  # chance is 0.25
    picked = top(model.score(x, now + 7 * DAY), 20, seen)
    assert {2, 5} <= set(labels[picked].tolist())  # both tastes, not one


def test_a_dislike_pushes_the_file_and_its_neighbours_down():
    x, labels = library()
    base = InterestModel(x.shape[1], proj_dim=32)
    base.fit_projection(x)
    liked = np.nonzero(labels == 1)[0][:5]
    base.observe(x[liked], np.ones(5), T0 + np.arange(5))
    other = InterestModel.from_bytes(base.to_bytes())
    bad = np.nonzero(labels == 3)[0][0]
    other.observe(x[bad : bad + 1], [-1.0], [T0 + 10])
    now = T0 + DAY
    before, after = base.score(x, now), other.score(x, now)
    assert after[bad] < before[bad] - 0.1
    mates = np.nonzero(labels == 3)[0][1:]
    assert (
        np.mean(after[mates] - before[mates])
        < np.mean(after[labels == 1] - before[labels == 1]) - 0.05
    )


def test_exposure_is_weak_negative_evidence():
    x, labels = library()
    model = InterestModel(x.shape[1], proj_dim=32)
    model.fit_projection(x)
    model.observe(x[labels == 1][:5], np.ones(5), T0 + np.arange(5))
    ignored = np.nonzero(labels == 4)[0][0]
    exposed = InterestModel.from_bytes(model.to_bytes())
    exposed.observe_exposure(x[ignored : ignored + 1], [T0 + 10])
    disliked = InterestModel.from_bytes(model.to_bytes())
    disliked.observe(x[ignored : ignored + 1], [-1.0], [T0 + 10])
    now = T0 + DAY
    s0, se, sd = (m.score(x, now)[ignored] for m in (model, exposed, disliked))
    assert sd < se < s0
    assert EXPOSURE_SIGNAL < 0


def test_taste_drifts_to_the_new_preference():
    x, labels = library()
    model = InterestModel(x.shape[1], proj_dim=32, half_life_days=30)
    model.fit_projection(x)
    rng, seen = np.random.default_rng(3), set()
    t = play(model, x, labels, {0}, 60, T0, 0.5 * DAY, rng, seen)  # a month of cluster 0
    assert precision(model, x, labels, {0}, t, seen) >= 0.9
    t += 60 * DAY  # two months away, then a new taste, one play a day
    t = play(model, x, labels, {6}, 15, t, DAY, rng, seen)
    assert precision(model, x, labels, {6}, t + 60, seen) >= 0.8


def test_session_mood_shifts_the_ranking_then_fades():
    x, labels = library()
    model = InterestModel(x.shape[1], proj_dim=32)
    model.fit_projection(x)
    rng, seen = np.random.default_rng(4), set()
    t = play(model, x, labels, {1}, 40, T0, DAY / 2, rng, seen)  # weeks of cluster 1
    t += 3 * DAY
    mood = np.nonzero(labels == 7)[0][:3]
    model.observe(x[mood], np.ones(3), t + 60 * np.arange(3))  # tonight: cluster 7
    seen.update(mood.tolist())
    now = t + 300
    in_session = labels[top(model.score(x, now), 10, seen)]
    later = labels[top(model.score(x, now + 2 * DAY), 10, seen)]
    no_mood = InterestModel.from_bytes(model.to_bytes())
    no_mood.config["w_session"] = 0.0
    without = labels[top(no_mood.score(x, now), 10, seen)]
    assert (in_session == 7).sum() >= 2
    assert (in_session == 7).sum() > (without == 7).sum()
    assert (later == 7).sum() < (in_session == 7).sum()
    assert (later == 1).sum() >= 7  # long-term taste is back on top


def test_exploration_gives_unfamiliar_clusters_a_measured_chance():
    x, labels = library(spread=0.3)
    kw = dict(proj_dim=32)
    greedy = InterestModel(x.shape[1], beta=0.0, **kw)
    explore = InterestModel(x.shape[1], **kw)
    bold = InterestModel(x.shape[1], beta=3.0, **kw)
    rng = np.random.default_rng(5)
    for m in (greedy, explore, bold):
        m.fit_projection(x)
    events = rng.choice(np.nonzero(labels < 4)[0], 60, replace=False)  # clusters 4-7 unseen
    sig = np.where(labels[events] == 0, 1.0, -0.5)
    for m in (greedy, explore, bold):
        m.observe(x[events], sig, T0 + np.arange(60) * 60)
    now = T0 + DAY
    bonus = explore.score(x, now) - greedy.score(x, now)
    unseen, familiar = labels >= 4, np.isin(labels, [1, 2, 3])
    assert bonus[unseen].mean() > bonus[familiar].mean()
    seen = set(events.tolist())
    assert precision(explore, x, labels, {0}, now, seen) >= 0.9  # still precise
    bold_top = labels[top(bold.score(x, now), 20, seen)]
    assert (bold_top >= 4).any() and (bold_top == 0).any()


def test_cold_user_tour_covers_every_cluster():
    x, labels = library(n_clusters=8, spread=0.3)
    order = cold_start_order(x, 8)
    assert len(set(order.tolist())) == 8
    assert set(labels[order].tolist()) == set(range(8))
    model = InterestModel(x.shape[1], proj_dim=32)
    model.fit_projection(x)
    assert set(labels[model.cold_start_order(x, 8)].tolist()) == set(range(8))


def test_a_cold_item_is_scored_from_content_at_once():
    x, labels = library()
    model = InterestModel(x.shape[1], proj_dim=32)
    model.fit_projection(x[labels != 2])  # the library before cluster 2 arrived
    model.observe(x[labels == 2][:5], np.ones(5), T0 + np.arange(5))
    new = x[labels == 2][5:]
    scores = model.score(np.vstack([new, x[labels == 3]]), T0 + 60)
    assert scores[: len(new)].mean() > scores[len(new) :].max()


@pytest.mark.parametrize("pca", [True, False])
def test_round_trip_gives_identical_scores(pca):
    x, labels = library(dim=200)
    model = InterestModel(x.shape[1], proj_dim=48, seed=9)
    if pca:
        model.fit_projection(x)
    rng, seen = np.random.default_rng(6), set()
    t = play(model, x, labels, {3}, 30, T0, 600.0, rng, seen)
    model.observe_exposure(x[:4], [t] * 4)
    data = model.to_bytes()
    again = InterestModel.from_bytes(data)
    assert np.array_equal(model.score(x, t + 100), again.score(x, t + 100))
    assert again.to_bytes() == data
    assert len(data) < 40_000  # compact: float16 history, no pickle


def test_from_bytes_refuses_foreign_data():
    with pytest.raises(ValueError):
        InterestModel.from_bytes(b"not a model")
    import io

    buf = io.BytesIO()
    np.savez(buf, meta=np.frombuffer(b'{"magic": "other"}', np.uint8))
    with pytest.raises(ValueError):
        InterestModel.from_bytes(buf.getvalue())


def test_deterministic_given_the_same_inputs():
    x, labels = library()
    results = []
    for _ in range(2):
        model = InterestModel(x.shape[1], proj_dim=32, seed=4)
        model.fit_projection(x)
        play(model, x, labels, {1, 6}, 30, T0, 60.0, np.random.default_rng(7), set())
        results.append((model.score(x, T0 + DAY), model.to_bytes(), model.cold_start_order(x, 5)))
    assert np.array_equal(results[0][0], results[1][0])
    assert results[0][1] == results[1][1]
    assert np.array_equal(results[0][2], results[1][2])


def test_prepared_candidates_match_raw_vectors_and_check_projection():
    x, labels = library()
    model = InterestModel(x.shape[1], proj_dim=32)
    play(model, x, labels, {2}, 20, T0, 60.0, np.random.default_rng(8), set())
    prepared = model.prepare(x)
    assert isinstance(prepared, Candidates) and len(prepared) == len(x)
    np.testing.assert_allclose(
        model.score(prepared, T0 + 99), model.score(x, T0 + 99), rtol=1e-5, atol=1e-5
    )
    model.fit_projection(x)
    with pytest.raises(ValueError):
        model.score(prepared, T0 + 99)


def test_rejects_bad_input():
    model = InterestModel(16)
    with pytest.raises(ValueError):
        model.observe(np.zeros((2, 15)), [1, 1], [T0, T0])
    with pytest.raises(ValueError):
        model.observe(np.zeros((2, 16)), [1], [T0, T0])
    with pytest.raises(TypeError):
        InterestModel(16, no_such_option=1)


def test_scoring_smoke_at_scale():
    """Not a timing test (see benchmarks/bench_interest_model.py): it runs and stays sane."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8000, 600)).astype(np.float32)
    model = InterestModel(600)
    model.fit_projection(x)
    model.observe(x[:200], rng.uniform(-1, 1, 200), T0 + np.arange(200) * 30.0)
    cands = model.prepare(x)
    t = time.perf_counter()
    scores = model.score(cands, T0 + 7000)
    assert time.perf_counter() - t < 5.0
    assert scores.shape == (8000,) and np.isfinite(scores).all()


def test_running_sums_match_a_full_recomputation():
    x, labels = library(dim=64)
    model = InterestModel(x.shape[1], proj_dim=32, history_cap=50)
    model.fit_projection(x)
    cands = model.prepare(x)
    rng, seen = np.random.default_rng(2), set()
    t = T0
    for _ in range(4):  # 80 events in steps, so the cap drops some between scores
        t = play(model, x, labels, {1, 2}, 20, t, 3600.0, rng, seen)
        model.observe_exposure(x[:2], [t, t])
        kept = model.score(cands, t + 60)
        fresh = model.prepare(x)  # no running sums yet: computed in full
        np.testing.assert_allclose(kept, model.score(fresh, t + 60), rtol=1e-4, atol=1e-5)
    assert model.n_events == 50


def test_the_randomized_projection_keeps_the_librarys_main_directions():
    # wider than 4x the projection: the randomized SVD (float32 products) is taken
    rng = np.random.default_rng(3)
    dim, k = 300, 32
    spectrum = 0.85 ** np.arange(dim)  # a decaying spectrum, like real features
    axes = np.linalg.qr(rng.standard_normal((dim, dim)))[0]
    x = (rng.standard_normal((6000, dim)) * spectrum) @ axes.T + 0.3
    model = InterestModel(dim, proj_dim=k)
    model.fit_projection(x.astype(np.float32))
    exact = np.linalg.svd(x - x.mean(axis=0), full_matrices=False)[2][:16].T
    cosines = np.linalg.svd(model._basis.astype(np.float64).T @ exact, compute_uv=False)
    assert cosines.min() > 0.999  # the 16 leading directions lie in the projection
    np.testing.assert_allclose(model._mean, x.mean(axis=0), atol=2e-3)
