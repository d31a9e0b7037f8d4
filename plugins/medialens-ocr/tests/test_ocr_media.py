"""The extractor on real files through the app's own decoding context: videos made from
real footage with English and Chinese text drawn on (textvideo.py), and a real video
without text."""

from __future__ import annotations

import json

import pytest
from medialens_ocr import OcrExtractor

pytestmark = pytest.mark.media

READ_ALL = {"max_frames": 16, "min_score": 0.8}


def scenes_en(tv):
    T, S = tv.Text, tv.Scene
    return [
        S("bikes.mp4", 1.0, 2, (T("Meet me at the north gate"),)),
        S("vtest.avi", 55.0, 2, ()),
        S(
            "vtest.avi",
            15.0,
            2,
            (T("DO NOT ENTER", style="sign", font="sans-bold", size=48, at=(0.6, 0.2)),),
        ),
        S(
            "bigbuckbunny.mp4",
            1.0,
            2,
            (T("Spring Morning", style="title", font="serif", size=80, at=(0, 0.4)),),
        ),
    ]


def scenes_zh(tv):
    T, S = tv.Text, tv.Scene
    return [
        S("cup.mp4", 2.0, 2, (T("今晚八点见", font="cjk"),)),
        S("box.mp4", 11.0, 2, ()),
        S(
            "earth.mp4",
            20.0,
            2,
            (T("地球一号", style="overlay", font="cjk-bold", size=56, colour=(255, 230, 0)),),
        ),
    ]


@pytest.fixture(scope="module")
def english(textvideo, media_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("ocr") / "english.mp4"
    return path, textvideo.make_text_video(path, scenes_en(textvideo), media_dir)


@pytest.fixture(scope="module")
def chinese(textvideo, media_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("ocr") / "chinese.mp4"
    return path, textvideo.make_text_video(path, scenes_zh(textvideo), media_dir)


_results: dict[tuple[str, str], object] = {}


def extract(file_context, path, settings=None):
    """The extractor's result on ``path``, computed once per module and settings: each
    run costs seconds of CPU and the result does not change."""
    key = (str(path), repr(settings))
    if key not in _results:
        _results[key] = OcrExtractor().extract(file_context(path, settings=settings))
    return _results[key]


def shown_at(truth, t: float) -> tuple[str, ...]:
    return next(s.lines for s in truth if s.start <= t + 1e-6 < s.end)


def test_english_captions_signs_and_titles_are_read(english, file_context):
    path, truth = english
    result = extract(file_context, path, READ_ALL)
    assert result.text is not None
    assert set(result.text.split("\n")) == {
        "Meet me at the north gate",
        "DO NOT ENTER",
        "Spring Morning",
    }
    assert result.language == "en"
    for seg in result.segments:  # each segment is what its keyframe shows
        assert seg.start == seg.end and seg.text.split("\n") == list(shown_at(truth, seg.start))
    frames = result.data["frames"]
    assert [f[0] for f in frames] == [s.start for s in result.segments]
    assert all(score >= 0.8 for _, lines in frames for _, score in lines)


def test_chinese_captions_are_read_as_chinese(chinese, file_context):
    path, _ = chinese
    result = extract(file_context, path, READ_ALL)
    assert result.text is not None and set(result.text.split("\n")) == {"今晚八点见", "地球一号"}
    assert result.language == "zh"


def test_the_probe_skips_frames_without_text(english, chinese, file_context):
    """Every keyframe of a scene with nothing drawn is probed and not read; every keyframe
    with text is read (the budget is lifted)."""
    for path, truth in (english, chinese):
        result = extract(file_context, path, READ_ALL)
        probed = [t for t, _ in result.data["probed"]]
        read = set(result.data["read"])
        with_text = {t for t in probed if shown_at(truth, t)}
        assert len(probed) > len(with_text) > 0
        assert read == with_text, (path.name, result.data["probed"])


def test_the_default_budget_reads_at_most_four_frames_different_text_first(english, file_context):
    result = extract(file_context, english[0])
    assert len(result.data["read"]) <= 4
    assert set(result.text.split("\n")) == {
        "Meet me at the north gate",
        "DO NOT ENTER",
        "Spring Morning",
    }


def test_a_real_video_without_text_yields_none(media_dir, file_context):
    result = extract(file_context, media_dir / "video" / "bikes.mp4", READ_ALL)
    assert result.text is None and result.segments == [] and result.language is None
    assert len(result.data["probed"]) >= 4
    # The probe reads at most one of its keyframes (a shape the detector takes for a letter).
    assert len(result.data["read"]) <= 1


def test_the_data_is_plain_json(english, file_context):
    result = extract(file_context, english[0])
    data = json.loads(json.dumps(result.data, allow_nan=False))
    assert data == result.data
    assert {"frames", "probed", "read", "min_score", "model"} <= set(data)
