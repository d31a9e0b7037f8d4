"""Cost of the built-in audio descriptors against decoding the same track.

    python benchmarks/bench_audio_builtins.py [--tracks 6] [--repeats 3]

Target: the ``audio`` extractor, run as the pipeline runs it (a fresh FileContext, so it
decodes the track at 22.05 kHz mono and then computes its descriptors), costs at most twice
what decoding alone costs with PyAV (mono, resampled to 22.05 kHz in the same pass).

Both are measured side by side on each track, alternately, ``--repeats`` times; the
median of each is kept, which damps noise from other processes. Tracks are the first
``--tracks`` files of ``$MEDIALENS_MEDIA/music`` (default ``<repo>/.media``), mp3 first,
then ogg. Importing librosa and its first JIT-compiled call are paid once per session by
the worker, not per track: they are warmed up first and reported apart.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

from medialens.api import MediaFile
from medialens.builtins.audio import SAMPLE_RATE, AudioDescriptors
from medialens.core.decoding import FileContext
from medialens.core.probe import probe

REPO = Path(__file__).resolve().parents[1]
TARGET_RATIO = 2.0


def music_tracks(count: int) -> list[Path]:
    folder = Path(os.environ.get("MEDIALENS_MEDIA") or REPO / ".media") / "music"
    if not folder.is_dir():
        sys.exit(f"no music in {folder} (set MEDIALENS_MEDIA)")
    files = [p for p in folder.iterdir() if p.is_file() and p.suffix in {".mp3", ".ogg"}]
    files.sort(key=lambda p: (p.suffix != ".mp3", p.name.lower()))
    return files[:count]


def decode_only(path: Path) -> np.ndarray:
    """The baseline: PyAV decode to mono float32 at 22.05 kHz, nothing else."""
    chunks = []
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        for frame in container.decode(stream):
            chunks.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(frame))
        chunks.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(None))
    return np.concatenate(chunks)


def extractor_run(path: Path, extractor: AudioDescriptors, cache: Path) -> float:
    info = probe(path)  # the scanner's work, not the extractor's: outside the timing
    media = MediaFile("bench", path, info.kind, info.duration, path.stat().st_size, info.metadata)
    ctx = FileContext(media, cache, {}.get)
    started = time.perf_counter()
    extractor.extract(ctx)
    return time.perf_counter() - started


def timed(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracks", type=int, default=6)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    extractor = AudioDescriptors()
    started = time.perf_counter()
    extractor.describe(np.random.default_rng(0).standard_normal(SAMPLE_RATE * 10) * 0.1)
    print(f"once per session: librosa import + first call {time.perf_counter() - started:.1f} s")

    total_decode = total_extract = 0.0
    print(f"{'track':32s} {'length':>7s} {'decode':>8s} {'extractor':>9s} {'ratio':>6s}")
    with tempfile.TemporaryDirectory() as cache:
        for path in music_tracks(args.tracks):
            decodes, extracts = [], []
            for _ in range(args.repeats):
                decodes.append(timed(decode_only, path))
                extracts.append(extractor_run(path, extractor, Path(cache)))
            decode, extract = statistics.median(decodes), statistics.median(extracts)
            total_decode += decode
            total_extract += extract
            length = probe(path).duration
            print(
                f"{path.name[:32]:32s} {length:6.0f}s {decode:7.2f}s {extract:8.2f}s"
                f" {extract / decode:5.2f}x"
            )
    ratio = total_extract / total_decode
    verdict = "OK" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(
        f"{'overall':32s} {'':7s} {total_decode:7.2f}s {total_extract:8.2f}s {ratio:5.2f}x"
        f"  (target <= {TARGET_RATIO:g}x) {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
