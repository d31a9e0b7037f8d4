"""Cost of the built-in extractors on a one-hour 1280x720 H.264 + AAC video.

    python benchmarks/bench_video_builtins.py [--minutes 60] [--regenerate]

Target: metadata + thumbnails (keyframes) + audio + text together take at most 15 s per
hour of video, so a library of films is indexed in minutes, not hours.

Encoding an hour of 720p costs minutes even with x264's ultrafast preset, so the video is
made in two steps: a 2-minute clip is encoded for real (12 textured scenes of 10 s, one
GOP each, 25 fps, closed GOPs; AAC mono 22.05 kHz with a chord that changes each scene),
then its packets are remuxed back to back, timestamps shifted, until the hour is full. The
result is a genuine one-hour MP4 (its index, seeks and keyframe decodes are those of a real
one); only its content repeats every two minutes. It is cached in
``$MEDIALENS_MEDIA/generated/`` (default ``<repo>/.media``).

Importing librosa and its first JIT-compiled call are paid once per session by the worker,
not per file: they are warmed up first and reported apart.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from medialens.api import ExtractionResult, MediaFile
from medialens.builtins import DEFAULT_PLUGINS
from medialens.builtins.audio import AudioDescriptors
from medialens.core.decoding import FileContext
from medialens.core.probe import probe

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS_PER_HOUR = 15.0
WIDTH, HEIGHT, FPS = 1280, 720, 25
SCENE_SECONDS, SCENES = 10, 12
AUDIO_RATE = 22050


def cache_dir() -> Path:
    media = Path(os.environ.get("MEDIALENS_MEDIA") or REPO / ".media")
    folder = media / "generated" if media.is_dir() else Path(tempfile.gettempdir()) / "medialens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def encode_clip(path: Path) -> None:
    """SCENES x SCENE_SECONDS of 720p H.264 (one closed GOP per scene) and AAC audio."""
    with av.open(str(path), "w", format="mp4") as out:
        video = out.add_stream("libx264", rate=FPS)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        video.codec_context.gop_size = FPS * SCENE_SECONDS
        video.options = {"preset": "ultrafast", "crf": "26", "sc_threshold": "0"}
        video.thread_type = "AUTO"
        audio = out.add_stream("aac", rate=AUDIO_RATE, layout="mono")
        audio.bit_rate = 64_000
        samples = 0
        for scene in range(SCENES):
            rng = np.random.default_rng(scene)
            cells = rng.integers(0, 256, (HEIGHT // 16, WIDTH // 16, 3), dtype=np.uint8)
            base = np.kron(cells, np.ones((16, 16, 1), np.uint8))
            for i in range(FPS * SCENE_SECONDS):
                n = scene * FPS * SCENE_SECONDS + i
                if i % FPS == 0:  # the content moves once a second
                    image = np.roll(base, 8 * (i // FPS), axis=1)
                    frame = av.VideoFrame.from_ndarray(image, format="rgb24").reformat(
                        format="yuv420p"
                    )
                frame.pts, frame.time_base = n, Fraction(1, FPS)
                out.mux(video.encode(frame))
            t = np.arange(SCENE_SECONDS * AUDIO_RATE) / AUDIO_RATE
            root = 110.0 * 2 ** (scene / 12)
            chord = sum(np.sin(2 * np.pi * root * r * t) for r in (1, 1.26, 1.5, 2))
            beat = (np.sin(2 * np.pi * 2 * t) > 0.95) * rng.standard_normal(len(t))
            tone = (0.15 * chord + 0.2 * beat).astype(np.float32)
            for start in range(0, len(tone), 4096):
                chunk = np.ascontiguousarray(tone[None, start : start + 4096])
                af = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="mono")
                af.sample_rate, af.pts, af.time_base = AUDIO_RATE, samples, Fraction(1, AUDIO_RATE)
                samples += chunk.shape[1]
                out.mux(audio.encode(af))
        out.mux(video.encode(None))
        out.mux(audio.encode(None))


def remux_to_length(clip: Path, path: Path, minutes: float) -> None:
    """Repeat the clip's packets back to back (no re-encoding) until ``minutes`` are full."""
    with av.open(str(clip)) as src:
        packets = [
            (p.stream.index, bytes(p), p.pts, p.dts, p.duration, p.is_keyframe, p.time_base)
            for p in src.demux()
            if p.dts is not None and p.size
        ]
        templates = list(src.streams)
        spans = {}
        for s in templates:
            own = [p for p in packets if p[0] == s.index]
            spans[s.index] = max(p[2] + (p[4] or 0) for p in own) - min(p[2] for p in own)
        clip_seconds = float(spans[templates[0].index] * templates[0].time_base)
        copies = int(np.ceil(minutes * 60 / clip_seconds))
        tmp = path.with_suffix(".part.mp4")
        with av.open(str(tmp), "w", format="mp4") as dst:
            outs = {s.index: dst.add_stream_from_template(s) for s in templates}
            for k in range(copies):
                for index, data, pts, dts, duration, key, tb in packets:
                    packet = av.Packet(data)
                    packet.stream = outs[index]
                    packet.time_base = tb
                    packet.pts = pts + k * spans[index]
                    packet.dts = dts + k * spans[index]
                    packet.duration = duration
                    packet.is_keyframe = key
                    dst.mux(packet)
        tmp.replace(path)


def make_long_video(minutes: float, regenerate: bool) -> Path:
    folder = cache_dir()
    path = folder / f"bench_{WIDTH}x{HEIGHT}_{minutes:g}min.mp4"
    if path.exists() and not regenerate:
        return path
    clip = folder / f"bench_{WIDTH}x{HEIGHT}_clip.mp4"
    started = time.perf_counter()
    encode_clip(clip)
    encoded = time.perf_counter() - started
    remux_to_length(clip, path, minutes)
    print(
        f"generated {path.name}: encoded {SCENES * SCENE_SECONDS} s clip in {encoded:.1f} s, "
        f"remuxed to {minutes:g} min in {time.perf_counter() - started - encoded:.1f} s, "
        f"{path.stat().st_size / 1e6:.0f} MB"
    )
    return path


def run(path: Path, cache: Path) -> tuple[float, dict[str, float], FileContext]:
    started = time.perf_counter()
    info = probe(path)
    probe_s = time.perf_counter() - started
    media = MediaFile(
        content_id="bench",
        path=path,
        kind=info.kind,
        duration=info.duration,
        size=path.stat().st_size,
        metadata=info.metadata,
    )
    results: dict[str, ExtractionResult] = {}
    ctx = FileContext(media, cache, results.get)
    timings = {"probe": probe_s}
    for module in DEFAULT_PLUGINS:
        for extractor in module.medialens_extractors():
            if extractor.name == "audio":  # show the shared decode apart from the descriptors
                started = time.perf_counter()
                ctx.audio(AUDIO_RATE)
                timings["audio decode"] = time.perf_counter() - started
            started = time.perf_counter()
            results[extractor.name] = extractor.extract(ctx)
            timings[extractor.name] = time.perf_counter() - started
    return info.duration, timings, ctx


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()

    path = make_long_video(args.minutes, args.regenerate)
    started = time.perf_counter()
    AudioDescriptors().describe(np.zeros(AUDIO_RATE * 5, dtype=np.float32) + 1e-3)
    print(f"once per session: librosa import + first call {time.perf_counter() - started:.1f} s")

    with tempfile.TemporaryDirectory() as cache:
        for run_no in range(1, args.runs + 1):
            duration, timings, ctx = run(path, Path(cache))
            total = sum(timings.values())
            per_hour = total * 3600 / duration
            parts = "  ".join(f"{name} {seconds:.2f}s" for name, seconds in timings.items())
            verdict = "OK" if per_hour <= TARGET_SECONDS_PER_HOUR else "OVER TARGET"
            print(
                f"run {run_no}: {duration / 60:.1f} min video: {parts}  | total {total:.2f} s"
                f" = {per_hour:.1f} s per hour of video (target <= {TARGET_SECONDS_PER_HOUR:g})"
                f" {verdict}; {len(ctx.keyframes())} keyframes,"
                f" {len(ctx.audio(AUDIO_RATE)) / AUDIO_RATE:.0f} s of audio analysed"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
