from __future__ import annotations

import os
import subprocess
import sys
import threading

import medialens_people
import numpy as np
import pytest
from medialens_people import detection
from medialens_people.detection import Box, FrameDetections

from medialens import api

ASTRONAUT_FACE = (178, 69, 270, 161)  # x0, y0, x1, y1: looked at


def centre_in(box: Box, area: tuple[int, int, int, int]) -> bool:
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    return area[0] <= cx <= area[2] and area[1] <= cy <= area[3]


def frames(*boxes: tuple[Box, ...], height: int = 480, width: int = 640) -> list[FrameDetections]:
    """Per-frame detections for the pure scoring logic: faces first, then bodies."""
    out = []
    for found in boxes:
        faces = tuple(b for b in found if b.kind != "body")
        bodies = tuple(b for b in found if b.kind == "body")
        out.append(FrameDetections(faces, bodies, height, width))
    return out


def face(score: float = 0.8, h: int = 60, kind: str = "frontal", x: int = 0) -> Box:
    return Box(x, 0, h, h, score, kind)


def body(score: float = 0.6, x: int = 300) -> Box:
    return Box(x, 100, 20, 40, score, "body")


# --- the hook and the extractor's declaration ------------------------------------------


def test_the_hook_returns_an_extractor_and_loads_no_model():
    (ex,) = medialens_people.medialens_extractors()
    assert isinstance(ex, api.Extractor)
    assert (ex.name, ex.kinds, ex.requires) == ("people", frozenset({"video"}), ())
    assert ex.outputs == (api.TagsOutput(vocabulary=medialens_people.VOCABULARY, meaning="shown"),)
    assert {"face", "person", "people", "crowd", "close-up face"} <= set(ex.outputs[0].vocabulary)
    assert medialens_people.MEDIALENS_API == "1.2"
    assert api.api_compatible(medialens_people.MEDIALENS_API)
    code = (
        "import sys, medialens_people as m; m.medialens_extractors(); "
        "assert 'cv2' not in sys.modules, 'cv2 imported by the hook'; "
        "assert m.detection._created == 0"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # also when not installed
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


# --- the detector on real photos (scikit-image's public-domain / CC0 pictures) ---------


def test_the_astronaut_has_one_face_where_her_face_is(photo):
    found = detection.detect(photo("astronaut"))
    assert len(found.faces) == 1, found.faces
    (f,) = found.faces
    assert centre_in(f, ASTRONAUT_FACE), f
    assert 0.5 < f.score <= 1.0
    assert len(found.people) == 1  # her body holds her face: one person, not two


@pytest.mark.parametrize("name", ["chelsea", "coffee", "rocket"])
def test_a_cat_a_coffee_cup_and_a_rocket_show_nobody(photo, name):
    found = detection.detect(photo(name))
    assert found is not None
    assert found.faces == () and found.people == (), found


def test_the_face_is_found_at_any_size_mirrored_and_in_grey(photo):
    import cv2

    img = photo("astronaut")
    grey = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)  # no colour: the skin check stands aside
    for variant in (cv2.resize(img, (256, 256)), cv2.resize(img, (1024, 1024)), img[:, ::-1], grey):
        found = detection.detect(variant)
        assert len(found.faces) == 1, (variant.shape, found.faces)


def test_skin_colour_is_what_tells_a_face_from_a_face_like_pattern(photo):
    """A blue-tinted astronaut keeps her shape but loses her skin: no face is reported."""
    img = photo("astronaut").astype(np.int16)
    blue = np.clip(img[..., [2, 1, 0]] * [0.6, 0.8, 1.2], 0, 255).astype(np.uint8)
    assert detection.detect(blue).faces == ()


def test_broken_and_flat_frames_are_no_pictures():
    assert detection.detect(np.zeros((0, 0, 3), np.uint8)) is None
    assert detection.detect(np.zeros(10)) is None
    assert detection.detect(np.full((240, 320, 3), 90, np.uint8)) is None
    assert detection.detect(np.array([["a"] * 32] * 32)) is None


def test_concurrent_calls_share_loaded_cascades_and_agree(photo):
    images = [photo("astronaut"), photo("chelsea")]
    expected = [detection.detect(i) for i in images]
    out: list = [None] * 4

    def run(i):
        out[i] = [detection.detect(img) for img in images]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(o == expected for o in out)
    assert 1 <= detection._created <= 5  # one set per thread detecting at the same time, at most


# --- from detections to tags (pure logic) -----------------------------------------------


def test_one_face_is_a_face_and_a_person_but_not_people():
    result = medialens_people.summarise(frames((face(0.8),)), [2.0])
    assert result.tags == {"face": 0.8, "person": 0.8}  # 60 px of 480: no close-up
    assert result.data["faces"] == 1 and result.data["people"] == 1
    assert result.data["keyframes"] == [[2.0, 1, 1]]


def test_a_close_face_facing_us_in_most_keyframes_is_a_talking_head():
    big = face(0.8, h=200)  # 200 / 480 of the height: a close-up
    result = medialens_people.summarise(frames((big,), (big,), ()), [0, 1, 2])
    assert result.tags["close-up face"] == 0.8
    assert result.tags["talking head"] == pytest.approx(0.7 * 0.8, abs=1e-3)
    once = medialens_people.summarise(frames((big,), (), ()), [0, 1, 2])
    assert "talking head" not in once.tags  # one keyframe of three is not "most"
    side = medialens_people.summarise(frames((face(0.8, h=200, kind="profile"),)))
    assert "talking head" not in side.tags and "close-up face" in side.tags


def test_counts_make_people_a_group_and_a_crowd_with_the_weakest_needed_score():
    two = medialens_people.summarise(frames((face(0.8), body(0.5, x=400))))
    assert two.tags["people"] == 0.5 and "group of people" not in two.tags
    assert two.tags["people walking"] == pytest.approx(0.8 * 0.5)
    six = tuple(body(0.5 + i / 100, x=100 * i) for i in range(6))
    crowd = medialens_people.summarise(frames(six))
    assert crowd.tags["crowd"] == 0.5 and crowd.tags["group of people"] == 0.53
    assert crowd.data["people"] == 6 and crowd.data["faces"] == 0


def test_what_one_keyframe_of_several_shows_scores_lower_than_what_several_show():
    once = medialens_people.summarise(frames((face(0.8),), (), (), ()))
    twice = medialens_people.summarise(frames((face(0.8),), (face(0.6),), (), ()))
    assert once.tags["face"] == pytest.approx(0.64) and twice.tags["face"] == 0.8
    assert all(0.0 <= s <= 1.0 for s in once.tags.values())
    assert set(once.tags) <= set(medialens_people.VOCABULARY)


def test_frames_with_nobody_give_no_tags_but_say_so_in_the_data():
    result = medialens_people.summarise(frames((), ()), [0.5, 4.0])
    assert result.tags == {}
    assert result.data["faces"] == 0 and result.data["people"] == 0
    assert result.data["keyframes"] == [[0.5, 0, 0], [4.0, 0, 0]]
    assert medialens_people.summarise([]) == api.ExtractionResult()


# --- the extractor --------------------------------------------------------------------


def test_the_extractor_on_a_photo_as_a_keyframe(make_ctx, photo):
    (ex,) = medialens_people.medialens_extractors()
    ctx = make_ctx(
        frames=[api.Keyframe(1.5, photo("astronaut")), api.Keyframe(3.0, photo("chelsea"))]
    )
    result = ex.extract(ctx)
    assert {"face", "person"} <= set(result.tags) and "people" not in result.tags
    assert result.data["keyframes"] == [[1.5, 1, 1], [3.0, 0, 0]]
    assert result.data["faces"] == 1 and result.data["people"] == 1


def test_no_keyframes_or_only_broken_ones_give_an_empty_result(make_ctx):
    (ex,) = medialens_people.medialens_extractors()
    assert ex.extract(make_ctx()) == api.ExtractionResult()
    broken = [
        api.Keyframe(0.0, np.zeros((0, 0, 3), np.uint8)),
        api.Keyframe(1.0, np.zeros((240, 320, 3), np.uint8)),
    ]
    assert ex.extract(make_ctx(frames=broken)) == api.ExtractionResult()


def test_cancellation_is_honoured(make_ctx):
    (ex,) = medialens_people.medialens_extractors()
    ctx = make_ctx(frames=[api.Keyframe(0.0, np.zeros((64, 64, 3), np.uint8))], cancelled=True)
    with pytest.raises(api.ExtractionCancelled):
        ex.extract(ctx)


# --- real videos through the app's decoding context -------------------------------------


@pytest.mark.media
def test_the_man_talking_in_a_car_is_a_face(media_dir, file_context):
    (ex,) = medialens_people.medialens_extractors()
    result = ex.extract(file_context(media_dir / "video" / "carphone_pristine.mp4"))
    assert result.tags.get("face", 0) >= 0.5, result.tags
    assert result.tags.get("close-up face", 0) >= 0.5 and "person" in result.tags
    assert result.data["faces"] >= 1


@pytest.mark.media
@pytest.mark.parametrize("name", ["earth.mp4", "bigbuckbunny.mp4"])
def test_the_earth_from_space_and_a_cartoon_rabbit_show_no_human(media_dir, file_context, name):
    (ex,) = medialens_people.medialens_extractors()
    ctx = file_context(media_dir / "video" / name)
    result = ex.extract(ctx)
    assert result.tags == {}, result.tags
    assert result.data["faces"] == 0 and len(result.data["keyframes"]) == len(ctx.keyframes()) > 0


@pytest.mark.media
def test_pedestrians_seen_from_above_are_people_walking(media_dir, decode):
    keyframes = decode(media_dir / "video" / "vtest.avi", [10.0, 30.0, 50.0, 70.0])
    result = medialens_people.summarise(
        [detection.detect(k.image) for k in keyframes], [k.time for k in keyframes]
    )
    assert result.tags.get("people walking", 0) > 0.3 and "person" in result.tags, result.tags
    assert result.data["faces"] == 0 and result.data["people"] >= 1


@pytest.mark.media
def test_the_man_cycling_past_in_the_street_is_a_face(media_dir, decode):
    (kf,) = decode(media_dir / "video" / "bikes.mp4", [1.2])
    found = detection.detect(kf.image)
    assert len(found.faces) == 1, found
