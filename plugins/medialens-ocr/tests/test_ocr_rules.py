"""The rules from lines read to a file's text, on exact inputs (no model)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from medialens_ocr import OcrExtractor, medialens_extractors, medialens_settings, usable
from medialens_ocr.engine import Line
from medialens_ocr.text import (
    MIN_SCORE,
    FrameText,
    choose_frames,
    keep_lines,
    language,
    layout,
    probe_score,
    same_layout,
    summarise,
)

from medialens import api
from medialens.testing import setting_defaults


def line(text: str, score: float, x: float, y: float, w: float, h: float) -> Line:
    box = np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], np.float32)
    return Line(text, score, box)


def test_the_hook_returns_an_extractor_of_written_text_and_loads_no_model():
    (ex,) = medialens_extractors()
    assert isinstance(ex, api.Extractor)
    assert (ex.name, ex.kinds, ex.requires) == ("ocr", frozenset({"video"}), ())
    assert ex.outputs == (api.TextOutput(meaning="written"),)
    code = (
        "import sys, medialens_ocr as m; m.medialens_extractors(); m.medialens_settings(); "
        "print('rapidocr' in sys.modules, 'onnxruntime' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_settings_declare_a_small_frame_budget_and_the_measured_threshold():
    import medialens_ocr

    assert medialens_ocr.MEDIALENS_API == "1.2" and api.api_compatible(medialens_ocr.MEDIALENS_API)
    assert setting_defaults(medialens_ocr) == {"max_frames": 4, "min_score": MIN_SCORE}
    assert {s.type for s in medialens_settings()} == {"int", "float"}


def test_language_is_zh_when_most_letters_are_cjk():
    assert language("欢迎来到北京") == "zh"
    assert language("第3集：回家的路") == "zh"
    assert language("EXIT") == "en"
    assert language("Route 66 / 北京路") == "en"  # 7 Latin letters, 3 characters
    assert language("12:45") is None and language("") is None


def test_keep_lines_drops_low_scores_single_letters_and_boxes_no_text_has():
    lines = [
        line("The river", 0.99, 10, 300, 200, 30),
        line("blurred", MIN_SCORE - 0.01, 10, 10, 100, 30),
        line("O", 0.95, 300, 10, 30, 30),  # one letter
        line("HA", 0.95, 0, 0, 300, 200),  # a cup's outline: 0.55 of the frame high
        line("ab", 0.99, 0, 0, 20, 4),  # 4 px: speckle
        line("  出口 ", 0.97, 400, 100, 80, 40),
    ]
    assert keep_lines(lines, 360) == [("The river", 0.99), ("出口", 0.97)]
    assert keep_lines(lines, 360, min_score=0.0)[1] == ("blurred", 0.79)


def test_probe_score_counts_only_text_sized_boxes():
    assert probe_score([], 360) == 0
    assert probe_score([line("", 0.7, 0, 0, 300, 300)], 360) == 0  # a globe
    assert probe_score([line("", 0.5, 0, 0, 100, 20)], 360) == pytest.approx(1000)


def test_choose_frames_keeps_the_budget_and_prefers_new_text():
    assert choose_frames([0, 5, 0, 9, 1], 2) == [1, 3]
    assert choose_frames([0, 0], 4) == []
    caption = [(100.0, 300.0, 500.0, 330.0)]
    sign = [(400.0, 50.0, 600.0, 90.0)]
    # Frames 0-2 show one caption; frame 3 a sign with less text: it is read second.
    assert choose_frames([9, 8, 7, 2], 2, [caption, caption, caption, sign]) == [0, 3]
    assert choose_frames([9, 8, 7, 2], 3, [caption, caption, caption, sign]) == [0, 1, 3]
    assert same_layout(caption, caption + sign) and not same_layout(caption + sign, caption)
    assert layout([line("", 0.9, 0, 0, 300, 300), line("", 0.9, 1, 2, 10, 8)], 360) == [
        (1.0, 2.0, 11.0, 10.0)
    ]


def test_summarise_deduplicates_lines_across_frames_and_times_each_frame():
    frames = [
        FrameText(4.0, (("EXIT", 0.99),)),
        FrameText(0.0, (("CAM 2", 0.9), ("Meet me at noon", 0.98))),
        FrameText(2.0, ()),
        FrameText(1.0, (("CAM2", 0.97), ("Meet me at noon", 1.0))),
    ]
    result = summarise(frames, {"model": "x"})
    assert result.text == "CAM2\nMeet me at noon\nEXIT"  # best reading, first seen first
    assert result.segments == [
        api.TextSegment(0.0, 0.0, "CAM 2\nMeet me at noon"),
        api.TextSegment(1.0, 1.0, "CAM2\nMeet me at noon"),
        api.TextSegment(4.0, 4.0, "EXIT"),
    ]
    assert result.language == "en"
    assert result.data["frames"][0] == [0.0, [["CAM 2", 0.9], ["Meet me at noon", 0.98]]]
    assert result.data["model"] == "x"


def test_summarise_nothing_read_is_no_text():
    result = summarise([FrameText(1.0, ())], {"read": [1.0]})
    assert result.text is None and result.segments == [] and result.language is None
    assert result.data == {"read": [1.0], "frames": []}


def test_usable_rejects_non_pictures_and_flat_frames():
    assert usable(np.zeros(10, np.uint8)) is None
    assert usable(np.full((100, 100, 3), 30, np.uint8)) is None
    noise = np.random.default_rng(0).integers(0, 256, (40, 50, 4), dtype=np.uint8)
    assert usable(noise).shape == (40, 50, 3)
    assert usable(noise[:, :, 0].astype(np.float32) / 255).shape == (40, 50, 3)


def test_no_frame_is_no_result_without_loading_a_model(make_ctx):
    import medialens_ocr.engine as engine

    before = dict(engine._engines)
    flat = api.Keyframe(0.0, np.zeros((360, 640, 3), np.uint8))
    assert OcrExtractor().extract(make_ctx(frames=[flat])).text is None
    assert OcrExtractor().extract(make_ctx(frames=[])).text is None
    assert engine._engines == before
