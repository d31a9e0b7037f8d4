from __future__ import annotations

import os
import subprocess
import sys
import threading

import medialens_vision
import numpy as np
import pytest
from medialens_vision import model

from medialens import api

BIKE_LIKE = {
    "mountain bike",
    "tandem bicycle",
    "tricycle",
    "moped",
    "unicycle",
    "motor scooter",
    "jinrikisha",
    "bicycle wheel",
}


def frame(h: int, w: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (h, w, 3), dtype=np.uint8)


def test_preprocess_gives_the_model_input_shape_and_scale():
    batch = model.preprocess([frame(272, 640), frame(144, 176), frame(640, 360)])
    assert batch.shape == (3, 3, 224, 224) and batch.dtype == np.float32
    assert batch.min() >= -127 / 128 and batch.max() <= 1.0

    grey = np.full((300, 500, 3), 200, np.uint8)
    assert np.allclose(model.preprocess([grey]), (200 - 127) / 128)


def test_preprocess_crops_the_centre_and_keeps_rgb_order():
    img = np.zeros((256, 512, 3), np.uint8)  # resized as is, then 144 px cut off each side
    img[:, :, 0] = 255  # red everywhere...
    img[:, :100] = (0, 0, 255)  # ...but blue on a left strip outside the crop
    x = model.preprocess([img])[0]
    assert np.allclose(x[0], 1.0) and np.allclose(x[2], -127 / 128)


def test_as_rgb_accepts_grey_and_rgba_and_rejects_non_pictures():
    assert model.as_rgb(np.zeros((20, 30), np.uint8)).shape == (20, 30, 3)
    assert model.as_rgb(np.zeros((20, 30, 4), np.uint8)).shape == (20, 30, 3)
    assert model.as_rgb(np.zeros((0, 0, 3), np.uint8)) is None
    assert model.as_rgb(np.zeros(10, np.uint8)) is None


def test_labels_are_readable_unique_and_in_logit_order():
    names, synsets = model.labels(), model.synsets()
    assert len(names) == len(set(names)) == 1000
    assert synsets[671].startswith("mountain bike, all-terrain bike")
    assert names[671] == "mountain bike"
    assert {"crane (bird)", "crane (machine)", "tandem bicycle"} <= set(names)


def test_label_scores_keep_what_one_shot_shows_at_half_weight():
    probs = np.zeros((8, 1000), np.float32)
    probs[:, 1] = 0.3  # on screen all along
    probs[3, 2] = 0.8  # in one shot only
    scores = model.label_scores(probs)
    assert scores[1] == pytest.approx(0.3) and scores[2] == pytest.approx(0.4)
    assert scores[0] == 0


def test_summarise_nothing_is_an_empty_result():
    empty = model.Classification(np.zeros((0, 1000), np.float32), np.zeros((0, 1280), np.float32))
    assert medialens_vision.summarise(empty) == api.ExtractionResult()


def test_the_hook_returns_an_extractor_and_loads_no_model():
    (ex,) = medialens_vision.medialens_extractors()
    assert isinstance(ex, api.Extractor)
    assert (ex.name, ex.kinds, ex.requires) == ("vision", frozenset({"video"}), ())
    vector, tags = ex.outputs
    assert vector == api.VectorOutput("visual", 1280, modality="visual")
    assert len(tags.vocabulary) == 1000
    assert api.api_compatible(medialens_vision.MEDIALENS_API)
    code = (
        "import sys, medialens_vision as m; m.medialens_extractors(); "
        "assert 'onnxruntime' not in sys.modules and 'PIL' not in sys.modules; "
        "assert m.model._session is None"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # also when not installed
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_no_keyframes_or_broken_or_flat_frames_give_an_empty_result(make_ctx):
    (ex,) = medialens_vision.medialens_extractors()
    assert ex.extract(make_ctx()) == api.ExtractionResult()
    broken = [
        api.Keyframe(0.0, np.zeros((0, 0, 3), np.uint8)),
        api.Keyframe(1.0, np.zeros(5)),
        api.Keyframe(2.0, np.zeros((240, 320, 3), np.uint8)),  # black
        api.Keyframe(3.0, np.full((240, 320, 3), 90, np.uint8)),  # a flat colour card
    ]
    assert ex.extract(make_ctx(frames=broken)) == api.ExtractionResult()


def test_cancellation_is_honoured(make_ctx):
    (ex,) = medialens_vision.medialens_extractors()
    ctx = make_ctx(frames=[api.Keyframe(0.0, frame(64, 64))], cancelled=True)
    with pytest.raises(api.ExtractionCancelled):
        ex.extract(ctx)


def test_concurrent_first_calls_share_one_model_and_agree():
    images = [frame(240, 320, seed) for seed in range(3)]
    out: list = [None] * 4

    def run(i):
        out[i] = model.classify(images)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for o in out[1:]:
        assert np.allclose(o.probs, out[0].probs, atol=1e-5)
    assert out[0].probs.shape == (3, 1000) and out[0].embeddings.shape == (3, 1280)
    assert np.allclose(out[0].probs.sum(axis=1), 1.0, atol=1e-4)


@pytest.mark.media
def test_a_street_frame_with_a_bicycle_gets_bicycle_labels(media_dir, decode):
    (kf,) = decode(media_dir / "video" / "bikes.mp4", [8.0])
    (probs,) = model.classify([kf.image]).probs
    top10 = {model.labels()[i] for i in np.argsort(-probs)[:10]}
    assert top10 & BIKE_LIKE, top10


@pytest.mark.media
def test_a_video_gets_a_unit_vector_tags_and_keyframe_labels(media_dir, decode, make_ctx):
    frames = decode(media_dir / "video" / "bikes.mp4", [0.5, 2.5, 4.5, 6.5, 8.0, 9.5])
    (ex,) = medialens_vision.medialens_extractors()
    result = ex.extract(make_ctx(frames=frames))
    vec = result.vectors["visual"]
    assert vec.shape == (1280,) and vec.dtype == np.float32
    assert np.linalg.norm(vec) == pytest.approx(1.0, abs=1e-5)
    assert 0 < len(result.tags) <= 10
    assert all(0.0 <= s <= 1.0 for s in result.tags.values())
    assert set(result.tags) <= set(ex.outputs[1].vocabulary)
    assert set(result.tags) & BIKE_LIKE, result.tags
    assert [k["time"] for k in result.data["keyframes"]] == [f.time for f in frames]
    assert all(len(k["labels"]) == 5 for k in result.data["keyframes"])


@pytest.mark.media
def test_the_embedding_tells_shots_apart(media_dir, decode):
    a, b = decode(media_dir / "video" / "bikes.mp4", [0.5, 8.0])
    emb = model.classify([a.image, a.image[:, ::-1], b.image]).embeddings
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    assert emb[0] @ emb[1] > 0.9 > emb[0] @ emb[2]


# --- through the app's real decoding context ------------------------------------------


@pytest.mark.media
def test_bikes_through_the_app_context(media_dir, file_context):
    ctx = file_context(media_dir / "video" / "bikes.mp4")
    (ex,) = medialens_vision.medialens_extractors()
    result = ex.extract(ctx)
    assert result.vectors["visual"].shape == (1280,)
    assert set(result.tags) & BIKE_LIKE, result.tags
    assert len(result.data["keyframes"]) == len(ctx.keyframes()) > 0


def test_a_generated_video_gets_labels_and_a_black_one_an_empty_result(
    tmp_path, file_context, mediagen
):
    (ex,) = medialens_vision.medialens_extractors()
    clip = mediagen.make_video(tmp_path / "scenes.mp4", seconds=3.0, with_audio=False)
    result = ex.extract(file_context(clip))
    assert result.vectors["visual"].shape == (1280,) and result.tags
    black = mediagen.make_video(
        tmp_path / "black.mp4", seconds=2.0, with_audio=False, black=[(0.0, 2.0)]
    )
    assert ex.extract(file_context(black)) == api.ExtractionResult()


def test_an_audio_file_gets_an_empty_result(tmp_path, file_context, mediagen):
    (ex,) = medialens_vision.medialens_extractors()
    tone = mediagen.make_tone(tmp_path / "tone.wav")
    assert ex.extract(file_context(tone)) == api.ExtractionResult()
