"""The figures in the plugin's README, measured on the real recordings.

    python plugins/medialens-sounds/bench/measure.py [--quick]

* model load: CPU seconds and resident memory (VmRSS) before and after the first session;
* cost: CPU seconds of ``extract()`` for the first 3 minutes of real tracks (decoding
  excluded: it is the app's shared decode), median of 3 runs, and CPU ms per patch of the
  model alone;
* kinds: the argmax of ``categories`` for every file of media/speech, media/music (and its
  sub-folders) and media/sounds, against the folder's kind;
* tags: the top tags of five sample files.

CPU time is this process's (``time.process_time``): what the app's thread pool pays per core,
less disturbed by other processes than wall time. ``--quick`` samples 40 speech files.
Media: ``$MEDIALENS_MEDIA`` (default ``<repo>/.media``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from medialens.api import MediaFile
from medialens.testing import ArrayContext

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import medialens_sounds as ms  # noqa: E402
from medialens_sounds import frontend, model  # noqa: E402

REPO = Path(__file__).resolve().parents[3]
MEDIA = Path(os.environ.get("MEDIALENS_MEDIA") or REPO / ".media")
SR = frontend.SAMPLE_RATE
SAMPLES = (
    "speech/demo-congrats.wav",
    "sounds/phone-incoming-call.oga",
    "sounds/camera-shutter.oga",
    "music/funkyrobot.mp3",
    "video/bigbuckbunny.mp4",
)


def decode(path: Path, seconds: float = 600.0) -> np.ndarray:
    """Mono float32 at 16 kHz of ``path``'s first audio stream, at most ``seconds`` of it
    (PyAV: a plugin may import only the public API, not the app's decoder)."""
    import av

    chunks: list[np.ndarray] = []
    with av.open(str(path)) as container:
        if not container.streams.audio:
            return np.zeros(0, np.float32)
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SR)
        n = 0
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray().reshape(-1))
                n += len(chunks[-1])
            if n >= seconds * SR:
                break
        chunks += [out.to_ndarray().reshape(-1) for out in resampler.resample(None)]
    y = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
    return y[: int(seconds * SR)].astype(np.float32)


def context(path: Path, cache: Path, seconds: float = 600.0) -> ArrayContext:
    y = decode(path, seconds)
    file = MediaFile(path.name, path, "audio", len(y) / SR, path.stat().st_size)
    return ArrayContext(file, cache, samples={SR: y})


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return float("nan")


def kind(result) -> str:
    return max(result.categories, key=result.categories.get) if result.categories else "-"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    cache = Path(tempfile.mkdtemp(prefix="medialens-sounds-"))
    ext = ms.SoundsExtractor()

    import onnxruntime  # noqa: F401 - its import is not the model's cost

    before, cpu = rss_mb(), time.process_time()
    model.session()
    print(
        f"model load: {time.process_time() - cpu:.3f} s CPU, RSS {before:.0f} -> {rss_mb():.0f} MB"
    )

    print("\n3-minute tracks (extract() only, decode excluded):")
    for name in ("funkyrobot.mp3", "Enemy Unknown.ogg", "Nebula.ogg"):
        ctx = context(MEDIA / "music" / name, cache, 180.0)
        y = ctx.samples[SR]
        runs = []
        for _ in range(3):
            start = time.process_time()
            result = ext.extract(ctx)
            runs.append(time.process_time() - start)
        x = frontend.patches(y, frontend.select_patches(len(y)))
        start = time.process_time()
        model.classify(x)
        per_patch = (time.process_time() - start) / len(x) * 1000
        print(
            f"  {name:20s} {result.data['patches']} patches, {statistics.median(runs):.3f} s CPU,"
            f" model {per_patch:.2f} ms/patch"
        )

    print("\nkinds (argmax of categories) per folder:")
    folders = {
        "speech": sorted((MEDIA / "speech").glob("*.wav")),
        "music": sorted([*(MEDIA / "music").glob("*.*"), *(MEDIA / "music").glob("*/*.*")]),
        "sound": sorted((MEDIA / "sounds").glob("*.oga")),
    }
    if args.quick:
        folders["speech"] = folders["speech"][::9]
    for expected, files in folders.items():
        votes, misses = Counter(), []
        for path in files:
            result = ext.extract(context(path, cache))
            votes[kind(result)] += 1
            if kind(result) != expected:
                misses.append(f"{path.name} -> {kind(result)} ({', '.join(list(result.tags)[:2])})")
        print(f"  {expected:6s} {votes[expected]}/{len(files)} {dict(votes)}")
        for miss in misses:
            print(f"      {miss}")

    print("\ntop tags of sample files:")
    for rel in SAMPLES:
        result = ext.extract(context(MEDIA / rel, cache))
        tags = ", ".join(f"{t} {s:.2f}" for t, s in list(result.tags.items())[:4])
        votes = " ".join(f"{k} {v:.2f}" for k, v in result.categories.items())
        print(f"  {rel:32s} {tags} | {votes}")
    print(f"\nRSS at the end: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
