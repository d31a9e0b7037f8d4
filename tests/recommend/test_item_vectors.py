"""Per-modality blocks → one vector per file, with missing modalities neutral."""

import numpy as np
import pytest

from medialens.recommend import InterestModel, block_centers, build_item_vectors


def blocks(m=300, seed=0):
    rng = np.random.default_rng(seed)
    return {
        "image": rng.standard_normal((m, 40)).astype(np.float32) + 2.0,  # a common component
        "text": rng.standard_normal((m, 24)).astype(np.float32),
    }


def test_rows_are_unit_and_missing_blocks_are_zero():
    b = blocks()
    b["text"][:10] = np.nan
    v, present = build_item_vectors(b, {"image": 1.0, "text": 0.5})
    assert v.shape == (300, 64) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert present.shape == (300, 2) and not present[:10, 1].any() and present[10:].all()
    assert np.all(v[:10, 40:] == 0)  # text comes second (sorted names)


def test_centring_removes_the_common_component():
    v, _ = build_item_vectors(blocks())
    assert abs(float((v @ v.T).mean())) < 0.05  # raw blocks share a big offset


def test_a_file_missing_a_modality_is_not_penalised():
    b = blocks()
    liked = b["image"][0].copy()
    b["image"][1] = liked + 0.01  # same picture as a liked file, no text
    b["text"][1] = np.nan
    centers = block_centers(b)
    v, _ = build_item_vectors(b, centers=centers)
    model = InterestModel(v.shape[1], proj_dim=32)
    model.fit_projection(v)
    model.observe(v[:1], [1.0], [0.0])
    scores = model.score(v, 60.0)
    assert scores[1] > np.percentile(scores[2:], 99)


def test_mask_tuple_and_fixed_centres_give_consistent_vectors():
    b = blocks()
    mask = np.ones(300, bool)
    mask[5] = False
    centers = block_centers(b)
    v1, p1 = build_item_vectors({"image": b["image"], "text": (b["text"], mask)}, centers=centers)
    v2, _ = build_item_vectors(
        {"image": b["image"][:50], "text": (b["text"][:50], mask[:50])}, centers=centers
    )
    np.testing.assert_allclose(v1[:50], v2, atol=1e-6)
    assert not p1[5, 1]


def test_rejects_mismatched_blocks():
    with pytest.raises(ValueError):
        build_item_vectors({"a": np.zeros((3, 2)), "b": np.zeros((4, 2))})
    with pytest.raises(ValueError):
        build_item_vectors({})
