"""MMR re-ranking."""

import numpy as np

from medialens.recommend import diversify


def test_lambda_one_is_the_plain_ranking():
    rng = np.random.default_rng(0)
    scores, vectors = rng.random(200), rng.standard_normal((200, 8))
    assert np.array_equal(
        diversify(scores, vectors, 10, 1.0), np.argsort(-scores, kind="stable")[:10]
    )


def test_low_lambda_spreads_the_picks_over_clusters():
    rng = np.random.default_rng(1)
    centres = np.eye(4, 16) * 5
    labels = np.repeat(np.arange(4), 50)
    vectors = centres[labels] + rng.standard_normal((200, 16)) * 0.2
    scores = np.where(labels == 0, 1.0, 0.5) + rng.random(200) * 0.01  # cluster 0 scores best
    plain = diversify(scores, vectors, 8, 1.0)
    varied = diversify(scores, vectors, 8, 0.3)
    assert set(labels[plain]) == {0}
    assert set(labels[varied]) == {0, 1, 2, 3}
    assert labels[varied[0]] == 0  # the best item still comes first
    assert len(set(varied.tolist())) == 8


def test_handles_k_larger_than_m_and_non_finite_scores():
    scores = np.array([1.0, np.nan, -np.inf, 0.5])
    out = diversify(scores, np.eye(4), 10, 0.5)
    assert sorted(out.tolist()) == [0, 1, 2, 3] and out[0] == 0
