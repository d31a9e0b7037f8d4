"""The real RapidOCR models on frames drawn here: offline, once per process, thread-safe."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import dataclass

import numpy as np
import pytest
from medialens_ocr import OcrExtractor, engine

from medialens import api
from medialens.testing import ArrayContext


def drawn(textvideo, lines: list[tuple[str, str]], seed: int = 0) -> np.ndarray:
    """A 640x360 frame of smooth noise with ``(text, font)`` lines drawn on it."""
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(seed)
    coarse = rng.integers(40, 200, (9, 16, 3), dtype=np.uint8)
    image = Image.fromarray(coarse).resize((640, 360), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for i, (text, face) in enumerate(lines):
        f = textvideo.font(face, 26)
        draw.rectangle((30, 40 + i * 90, 610, 85 + i * 90), fill=(0, 0, 0))
        draw.text((40, 45 + i * 90), text, font=f, fill=(255, 255, 255))
    return np.asarray(image)


def test_the_bundled_models_are_the_recorded_files():
    for part in ("det", "rec", "cls"):
        path = engine.model_path(part)
        assert path.is_file() and path.name == engine.MODELS[part][0]
    total = sum(engine.model_path(p).stat().st_size for p in ("det", "rec"))
    assert 25e6 < total < 40e6  # ~31 MB: the small detector and recogniser


def test_reading_needs_no_network(textvideo):
    """Sockets are cut before RapidOCR is imported: a download attempt would raise."""
    code = f"""
import socket, sys
sys.path[:0] = {sys.path!r}
def refuse(*a, **k):
    raise OSError("network used")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import numpy as np
import textvideo
from test_ocr_engine import drawn
from medialens_ocr import engine
img = drawn(textvideo, [("Offline reading works", "sans")])
print([l.text for l in engine.read(img)], len(engine.probe(img)) > 0)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "network used" not in out.stderr
    assert out.stdout.strip() == "['Offline reading works'] True"


def test_reads_english_and_chinese_lines_in_order(textvideo):
    img = drawn(textvideo, [("Platform 4 for London", "sans"), ("请勿吸烟", "cjk")])
    lines = engine.read(img)
    assert [ln.text for ln in lines] == ["Platform 4 for London", "请勿吸烟"]
    assert min(ln.score for ln in lines) > 0.9
    assert all(20 <= ln.height <= 50 for ln in lines)
    assert len(engine.probe(img)) == 2


def test_a_frame_without_text_probes_empty(textvideo):
    assert engine.probe(drawn(textvideo, [], seed=3)) == []


def test_engines_load_once_and_read_the_same_from_two_threads(textvideo):
    img = drawn(textvideo, [("Two threads one model", "sans")])
    results: list[list[str]] = []

    def work():
        results.append([ln.text for ln in engine.read(img)])

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [["Two threads one model"]] * 3
    first = engine._engine("read")
    assert engine._engine("read") is first and engine._engine("probe") is not first


@dataclass
class CancelAfter(ArrayContext):
    """Raises on the ``after``-th check: the user cancels mid-file."""

    after: int = 2
    checks: int = 0

    def check_cancelled(self) -> None:
        self.checks += 1
        if self.checks >= self.after:
            raise api.ExtractionCancelled()


def test_extraction_stops_between_frames_when_cancelled(textvideo, tmp_path):
    frames = [
        api.Keyframe(float(i), drawn(textvideo, [(f"Frame {i}", "sans")], i)) for i in range(4)
    ]
    file = api.MediaFile("c", tmp_path / "x.mp4", "video", 4.0, 1)
    ctx = CancelAfter(file=file, cache_dir=tmp_path, frames=frames, after=3)
    with pytest.raises(api.ExtractionCancelled):
        OcrExtractor().extract(ctx)
    assert ctx.checks == 3  # checked before each frame, stopped at the third


def test_extract_on_drawn_frames_reads_within_the_budget(textvideo, make_ctx):
    frames = [
        api.Keyframe(0.0, drawn(textvideo, [("Welcome aboard", "sans")], 1)),
        api.Keyframe(2.0, drawn(textvideo, [], 2)),
        api.Keyframe(4.0, drawn(textvideo, [("终点站到了", "cjk")], 3)),
    ]
    result = OcrExtractor().extract(make_ctx(frames=frames, settings={"max_frames": 4}))
    assert result.text == "Welcome aboard\n终点站到了"
    assert result.segments == [
        api.TextSegment(0.0, 0.0, "Welcome aboard"),
        api.TextSegment(4.0, 4.0, "终点站到了"),
    ]
    assert result.data["read"] == [0.0, 4.0]  # the text-free frame was only probed
    one = OcrExtractor().extract(make_ctx(frames=frames, settings={"max_frames": 1}))
    assert len(one.data["read"]) == 1 and len(one.segments) == 1
