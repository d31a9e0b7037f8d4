"""Cost and accuracy of the speech extractor on the real Asterisk prompts.

    python plugins/medialens-speech/benchmarks/bench_speech.py cost [--minutes 11] [--model tiny.en]
    python plugins/medialens-speech/benchmarks/bench_speech.py wer [--model base] [--beam 5]
    python plugins/medialens-speech/benchmarks/bench_speech.py music [--tracks 8]

``cost`` builds a 1280x720 H.264 + AAC video whose sound is the English prompts of
``$MEDIALENS_MEDIA/speech`` (default ``<repo>/.media``) read one after another with short
pauses, ``--minutes`` long (over ten minutes, so the extractor decodes the track itself as
it does for a film), then transcribes it as the app does (its decoding context, no
``sounds`` result: the voice detector alone) and reports wall and CPU time, the real-time factor and
the hour extrapolated from it, and the peak memory. The video has 5 frames a second: the
extractor demuxes past the video packets and never decodes them, so the frame rate does not
change its cost. Target: an hour of dialogue in at most 5 minutes on 2 cores.

``wer`` transcribes the prompts listed in ``tests/data/core-sounds-en-subset.txt`` and
reports the corpus word error rate against their published text. ``music`` checks that
music tracks give no text. CPU time is ``time.process_time()`` (all threads of this
process); the machine may be shared, so wall time can exceed what 2 idle cores give.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(HERE.parent / "tests"))

import medialens_speech  # noqa: E402
import speech_wer  # noqa: E402
from medialens_speech import models  # noqa: E402

from medialens.testing import open_file_context  # noqa: E402

MEDIA = Path(os.environ.get("MEDIALENS_MEDIA") or REPO / ".media")
RATE = 16000
PIECE = [medialens_speech.PIECE_SECONDS]  # --piece


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_wav(path: Path) -> np.ndarray:
    chunks = []
    with av.open(str(path)) as c:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
        for frame in c.decode(audio=0):
            chunks.extend(o.to_ndarray().reshape(-1) for o in resampler.resample(frame))
        chunks.extend(o.to_ndarray().reshape(-1) for o in resampler.resample(None))
    return np.concatenate(chunks)


def build_dialogue(dest: Path, minutes: float) -> Path:
    """A 720p video whose sound is the prompts back to back (0.3-1.2 s pauses), looped."""
    prompts = sorted((MEDIA / "speech").glob("*.wav"))
    if not prompts:
        sys.exit(f"no speech prompts in {MEDIA / 'speech'} (set MEDIALENS_MEDIA)")
    rng = np.random.default_rng(0)
    target = int(minutes * 60 * RATE)
    parts, total = [], 0
    while total < target:
        for p in prompts:
            clip = load_wav(p)
            gap = np.zeros(int(rng.uniform(0.3, 1.2) * RATE), np.float32)
            parts += [clip, gap]
            total += len(clip) + len(gap)
            if total >= target:
                break
    audio = np.concatenate(parts)[:target]
    with av.open(str(dest), "w") as out:
        video = out.add_stream("libx264", rate=5)
        video.width, video.height, video.pix_fmt = 1280, 720, "yuv420p"
        video.options = {"preset": "ultrafast"}
        sound = out.add_stream("aac", rate=48000, layout="mono")
        frames = int(len(audio) / RATE * 5)
        img = np.zeros((720, 1280, 3), np.uint8)
        for i in range(frames):
            img[:] = (i * 3) % 256, 80, 160
            img[300:420, (i * 13) % 1200 : (i * 13) % 1200 + 80] = 255
            out.mux(video.encode(av.VideoFrame.from_ndarray(img, format="rgb24")))
        out.mux(video.encode(None))
        up = np.interp(np.arange(len(audio) * 3) / 3, np.arange(len(audio)), audio)
        up = up.astype(np.float32)
        for s in range(0, len(up), 1024):
            frame = av.AudioFrame.from_ndarray(up[None, s : s + 1024], format="flt", layout="mono")
            frame.sample_rate, frame.pts, frame.time_base = 48000, s, Fraction(1, 48000)
            out.mux(sound.encode(frame))
        out.mux(sound.encode(None))
    return dest


def context(path: Path, cache: Path, model: str):
    """What the app hands the extractor: its decoding context over the file."""
    return open_file_context(path, cache, {}, {"model": model})


def extract(path: Path, model: str, beam: int, cache: Path):
    ex = medialens_speech.SpeechExtractor(beam_size=beam, piece_seconds=PIECE[0])
    return ex.extract(context(path, cache, model))


def warm(model: str, cache: Path) -> float:
    started = time.process_time()
    models.load(model, cache)
    return time.process_time() - started


def cost(args, cache: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        video = Path(args.video) if args.video else Path(tmp) / "dialogue.mp4"
        if not video.exists():
            t = time.perf_counter()
            build_dialogue(video, args.minutes)
            print(f"built {video.name}: {time.perf_counter() - t:.0f} s")
        print(f"model load: {warm(args.model, cache):.1f} s CPU, peak RSS {rss_mb():.0f} MB")
        c0, w0 = time.process_time(), time.perf_counter()
        result = extract(video, args.model, args.beam, cache)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        seconds = args.minutes * 60
        words = len((result.text or "").split())
        print(
            f"{args.model} int8 beam {args.beam}, {models.cpu_threads()} threads, "
            f"{args.piece:.0f}-s pieces: "
            f"{seconds / 60:.0f} min of dialogue, {len(result.segments)} segments, {words} words"
        )
        print(
            f"  wall {wall:.0f} s (RTF {wall / seconds:.3f}), CPU {cpu:.0f} s "
            f"(RTF {cpu / seconds:.3f}); an hour: {wall / seconds * 60:.1f} min wall, "
            f"{cpu / seconds * 60:.1f} min CPU; peak RSS {rss_mb():.0f} MB"
        )


def wer(args, cache: Path) -> None:
    texts = speech_wer.known_texts()
    warm(args.model, cache)
    pairs, c0 = [], time.process_time()
    for name, ref in texts.items():
        result = extract(MEDIA / "speech" / f"{name}.wav", args.model, args.beam, cache)
        hyp = result.text or ""
        pairs.append((ref, hyp))
        errors = speech_wer.edit_distance(speech_wer.words(ref), speech_wer.words(hyp))
        if errors and args.verbose:
            print(f"  {name}: {errors} errors: {hyp!r}")
    words = sum(len(speech_wer.words(r)) for r, _ in pairs)
    print(
        f"{args.model} beam {args.beam}: WER {speech_wer.wer(pairs):.3f} over {len(pairs)} "
        f"prompts ({words} words), {time.process_time() - c0:.0f} s CPU"
    )


def music(args, cache: Path) -> None:
    tracks = sorted(p for p in (MEDIA / "music").rglob("*") if p.suffix in {".ogg", ".mp3"})
    step = max(1, len(tracks) // args.tracks)
    warm(args.model, cache)
    failed = 0
    for track in tracks[::step][: args.tracks]:
        c0 = time.process_time()
        result = extract(track, args.model, args.beam, cache)
        failed += bool(result.text)
        print(f"  {track.name}: {result.text!r} ({time.process_time() - c0:.1f} s CPU)")
    print(f"music with text: {failed} of {min(args.tracks, len(tracks[::step]))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["cost", "wer", "music"])
    parser.add_argument("--model", default=models.DEFAULT_MODEL, choices=models.MODEL_NAMES)
    parser.add_argument("--beam", type=int, default=medialens_speech.BEAM_SIZE)
    parser.add_argument("--threads", type=int, default=models.MAX_THREADS)
    parser.add_argument("--minutes", type=float, default=11.0)
    parser.add_argument("--video", help="reuse (or keep) the built dialogue video here")
    parser.add_argument("--tracks", type=int, default=8)
    parser.add_argument("--piece", type=float, default=PIECE[0], help="seconds a piece")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    models.MAX_THREADS = args.threads
    PIECE[0] = args.piece
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(os.environ.get("MEDIALENS_SPEECH_BENCH_CACHE") or tmp)
        {"cost": cost, "wer": wer, "music": music}[args.mode](args, cache)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
