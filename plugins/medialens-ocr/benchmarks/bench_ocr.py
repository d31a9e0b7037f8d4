"""What reading text on screen costs and how well it reads, on texts the thresholds were not
tuned on. Run explicitly (it is not part of the test suite)::

    QT_QPA_PLATFORM=offscreen python -m pytest -q -s -p no:cacheprovider \\
        plugins/medialens-ocr/benchmarks/bench_ocr.py

Needs the real media (``$MEDIALENS_MEDIA`` or ``<repo>/.media``) and the fonts of
tests/textvideo.py. It builds a held-out video: ten scenes of real footage, each with
lines none of the tuning scenes had (other words, fonts, sizes, colours, places), and two
without text; then measures, all CPU times from ``time.process_time()`` (this process,
one ONNX thread), wall times beside them:

* per frame (640x360, as keyframes come): the probe (detector at 320 px) and the reading
  (detector at the frame's size + recogniser);
* the probe as a prefilter: recall on the held-out frames with text, precision against
  those plus 16 evenly spaced frames of every real video (no text drawn);
* character accuracy of the kept lines (1 - edit distance / characters drawn), and again
  on the same frames at half size;
* misreadings kept on frames without text;
* CPU per video through the app's own decoding context, default settings;
* resident memory of a fresh process once both engines are loaded.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import av
import numpy as np
import pytest

from medialens.testing import file_context  # noqa: F401 - fixture

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "src"))

import textvideo  # noqa: E402
from medialens_ocr import OcrExtractor, engine  # noqa: E402
from medialens_ocr.text import keep_lines, probe_score  # noqa: E402

T, S = textvideo.Text, textvideo.Scene
# Held out: none of these texts, and few of these placements, were seen while tuning.
HELD_OUT = [
    S("bikes.mp4", 7.0, 2, (T("Please keep your ticket until the end of the journey", size=36),)),
    S("earth.mp4", 25.0, 2, (T("国际空间站每九十分钟绕地球一圈", style="overlay", font="cjk", size=40, at=(0.08, 0.8)),)),
    S("vtest.avi", 40.0, 2, (T("Library - Second Floor", style="sign", size=34, at=(0.55, 0.12)),)),
    S("cup.mp4", 6.0, 2, (T("小心地滑", font="cjk-bold", size=44),)),
    S("box.mp4", 12.0, 2, (T("Score 3:1 Minute 87", style="overlay", font="sans-bold", size=32, colour=(255, 220, 0), at=(0.6, 0.06)),)),
    S("bigbuckbunny.mp4", 4.0, 2, (T("森林里的故事", style="title", font="cjk-serif", size=72, at=(0, 0.4)),)),
    S("tree.avi", 25.0, 2, (T("Bus Stop 14", style="sign", font="sans-bold", size=40, at=(0.2, 0.25)),)),
    S("bikes.mp4", 9.0, 2, (T("Recorded on 12 March 2024", style="overlay", font="serif", size=30, at=(0.05, 0.88)),)),
    S("earth.mp4", 29.0, 1, (T("第3集：回家的路", font="cjk", size=38),)),
    S("vtest.avi", 70.0, 2, (T("WARNING: WET PAINT", style="overlay", font="sans-bold", size=46, colour=(230, 40, 40), at=(0.25, 0.45)),)),
    S("vtest.avi", 5.0, 2, ()),
    S("box.mp4", 3.0, 2, ()),
]  # fmt: skip
REAL = ["bikes.mp4", "earth.mp4", "vtest.avi", "tree.avi", "box.mp4", "cup.mp4",
        "bigbuckbunny.mp4", "carphone_pristine.mp4"]  # fmt: skip


def media() -> Path:
    root = Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media"))
    if not (root / "video").is_dir() or not textvideo.fonts_available():
        pytest.skip("needs the real media and the fonts")
    return root


def small(frame: av.VideoFrame) -> np.ndarray:
    """A frame as the app's keyframes are: at most 640 wide, area-averaged."""
    w, h = frame.width, frame.height
    scale = min(1.0, 640 / w)
    size = (int(round(w * scale / 2)) * 2, int(round(h * scale / 2)) * 2)
    return frame.reformat(
        width=size[0], height=size[1], format="rgb24", interpolation="AREA"
    ).to_ndarray()


def keyframes_of(path: Path) -> list[tuple[float, np.ndarray]]:
    with av.open(str(path)) as c:
        return [(float(f.time), small(f)) for f in c.decode(video=0) if f.key_frame]


def spread_frames(path: Path, count: int = 16) -> list[np.ndarray]:
    with av.open(str(path)) as c:
        frames = [f for f in c.decode(video=0)]
    picks = np.linspace(0, len(frames) - 1, count + 2)[1:-1].round().astype(int)
    return [small(frames[i]) for i in picks]


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def edit(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[:], i
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
    return row[-1]


def errors(truth: tuple[str, ...], read: list[str]) -> tuple[int, int]:
    """(edit distance, characters) of the drawn lines against the best-matching kept lines;
    a drawn line nothing matches counts all its characters as errors."""
    left = [norm(r) for r in read]
    dist = chars = 0
    for line in truth:
        want = norm(line)
        chars += len(want)
        if not left:
            dist += len(want)
            continue
        best = min(range(len(left)), key=lambda i: edit(want, left[i]))
        dist += min(len(want), edit(want, left.pop(best)))
    return dist, chars


def cpu(fn, *args):
    c, w = time.process_time(), time.perf_counter()
    out = fn(*args)
    return out, (time.process_time() - c) * 1000, (time.perf_counter() - w) * 1000


def rss_of_a_fresh_process() -> tuple[float, float]:
    code = f"""
import sys, numpy as np
sys.path[:0] = {sys.path!r}
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
import rapidocr.main, onnxruntime
from medialens_ocr import engine
before = rss()
import textvideo
from test_ocr_engine import drawn
img = drawn(textvideo, [("Memory with both engines", "sans"), ("内存", "cjk")])
engine.probe(img); assert len(engine.read(img)) == 2  # the recogniser is loaded too
print(before, rss())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = (float(x) for x in out.stdout.split())
    return before, after


def test_benchmark(file_context, tmp_path):  # noqa: F811
    root = media()
    video = tmp_path / "held_out.mp4"
    truth = textvideo.make_text_video(video, HELD_OUT, root)
    engine.read(np.zeros((64, 64, 3), np.uint8) + 128)  # load both engines outside timing
    engine.probe(np.zeros((64, 64, 3), np.uint8) + 128)

    pos, neg = [], []
    for t, img in keyframes_of(video):
        lines = next(s.lines for s in truth if s.start <= t + 1e-6 < s.end)
        (pos if lines else neg).append((f"held-out {t:.0f}s", img, lines))
    for name in REAL:
        neg += [(name, img, ()) for img in spread_frames(root / "video" / name)]

    probe_ms, probe_wall, read_ms, read_wall = [], [], [], []
    found = {True: 0, False: 0}
    dist = chars = exact = lines_total = 0
    spurious: list[tuple[str, list]] = []
    print()
    for label, img, lines in pos + neg:
        boxes, ms, wall = cpu(engine.probe, img)
        probe_ms.append(ms)
        probe_wall.append(wall)
        hit = probe_score(boxes, img.shape[0]) > 0
        found[bool(lines)] += hit
        read, ms, wall = cpu(engine.read, img)
        kept = keep_lines(read, img.shape[0])
        if lines:
            read_ms.append(ms)
            read_wall.append(wall)
            d, n = errors(lines, [t for t, _ in kept])
            dist, chars = dist + d, chars + n
            exact += sum(any(norm(k) == norm(line) for k, _ in kept) for line in lines)
            lines_total += len(lines)
            print(f"  {label}: {lines} -> {kept} (probe {'yes' if hit else 'NO'})")
        elif kept:
            spurious.append((label, kept))
    n_pos, n_neg = len(pos), len(neg)
    recall = found[True] / n_pos
    precision = found[True] / max(1, found[True] + found[False])
    print(
        f"frames: {n_pos} with text (held out), {n_neg} without ({len(neg) - len(REAL) * 16} held out, rest real)"
    )
    print(
        f"probe: {statistics.mean(probe_ms):.0f} ms CPU a frame (median {statistics.median(probe_ms):.0f}, wall {statistics.mean(probe_wall):.0f})"
    )
    print(
        f"read (det + rec): {statistics.mean(read_ms):.0f} ms CPU a frame with text (median {statistics.median(read_ms):.0f}, wall {statistics.mean(read_wall):.0f})"
    )
    print(
        f"prefilter: recall {found[True]}/{n_pos} = {recall:.2f}, passes {found[False]}/{n_neg} frames without text, precision {precision:.2f}"
    )
    print(
        f"character accuracy {1 - dist / chars:.3f} ({dist} errors in {chars} characters), lines exact {exact}/{lines_total}"
    )
    print(f"misreadings kept on frames without text: {len(spurious)}/{n_neg} {spurious}")

    # The same frames at half size, as a 320-wide source gives them: text half as high.
    import cv2

    h_dist = h_chars = h_found = 0
    for _label, img, lines in pos:
        half = cv2.resize(img, (img.shape[1] // 2, img.shape[0] // 2), interpolation=cv2.INTER_AREA)
        h_found += probe_score(engine.probe(half), half.shape[0]) > 0
        kept = keep_lines(engine.read(half), half.shape[0])
        d, n = errors(lines, [t for t, _ in kept])
        h_dist, h_chars = h_dist + d, h_chars + n
        if d:
            print(f"  half size, {_label}: {lines} -> {kept}")
    print(
        f"at half size (320x180): probe recall {h_found}/{n_pos}, character accuracy {1 - h_dist / h_chars:.3f}"
    )

    for path in [video] + [
        root / "video" / n for n in ("bikes.mp4", "earth.mp4", "vtest.avi", "bigbuckbunny.mp4")
    ]:
        ctx = file_context(path)
        kfs, kf_ms, _ = cpu(ctx.keyframes)
        result, ms, wall = cpu(OcrExtractor().extract, ctx)
        print(
            f"video {path.name}: {len(kfs)} keyframes (decoding them {kf_ms:.0f} ms CPU, shared), "
            f"ocr {ms:.0f} ms CPU ({wall:.0f} wall), read {len(result.data['read'])}, "
            f"text {result.text!r}"
        )
    before, after = rss_of_a_fresh_process()
    print(
        f"RSS: {before:.0f} MB after importing rapidocr, {after:.0f} MB with both engines loaded and run"
    )
    assert recall >= 0.9 and 1 - dist / chars >= 0.9
