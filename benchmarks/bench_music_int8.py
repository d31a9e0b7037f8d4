"""How faithful the shipped musicnn models are to the float ones, per real music track.

For each track under ``<media>/music``: the 6 patches the extractor feeds the models, and
every back-to-back patch of the whole 16 kHz decode. Compares the shipped int8 and pooled
models' results on the 6 patches with the float models' (``medialens-music/models/``) on the
same patches and on the whole track: cosine of the 200-d music embeddings, and how many of
the top 5 readable tags are shared. The float whole-track runs cost ~2-3 min of CPU.

    python benchmarks/bench_music_int8.py [--per-track]

Measured 2026-12-03 on 49 tracks (odd-numbered ones calibrated the int8 models):

======  =============================  ===============  ==============================  ======
models  cosine to float, same patches  top 5 the same   whole track: cosine, top 5      CPU
======  =============================  ===============  ==============================  ======
int8    min 0.9993, mean 0.9997        47 of 49 (2: 4)  min 0.9367 mean 0.9863, 26/49   187 ms
pooled  1.0000                         49 of 49         min 0.9343 mean 0.9864, 27/49   300 ms
float   1                              49 of 49         min 0.9343 mean 0.9864, 27/49   502 ms
======  =============================  ===============  ==============================  ======

The two changed top 5s (drascula track9 and track21) share 4 of 5. "whole track" is the
float models on every patch of the whole decode; CPU is both models on a track's 6 patches.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
MEDIA = Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media"))
PLUGIN = REPO / "plugins" / "medialens-music"
sys.path[:0] = [str(REPO / "src"), str(PLUGIN / "src")]

from medialens_music import EXCERPT_SECONDS, model  # noqa: E402

from medialens.core.decoding import FileContext  # noqa: E402


def sessions(files: dict[str, Path | str]):
    from importlib import resources

    import onnxruntime as ort

    out = {}
    for name, file in files.items():
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = opts.inter_op_num_threads = 1
        data = (
            file.read_bytes()
            if isinstance(file, Path)
            else resources.files(model.__package__).joinpath(file).read_bytes()
        )
        out[name] = ort.InferenceSession(data, opts, providers=["CPUExecutionProvider"])
    return out


def run(sess, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    outs = [
        sess.run(["model/tags:0", "model/embedding:0"], {"model/spec:0": p[None]}) for p in batch
    ]
    return np.concatenate([o[0] for o in outs]), np.concatenate([o[1] for o in outs])


def summary(outs: dict[str, tuple[np.ndarray, np.ndarray]]) -> tuple[set[str], np.ndarray]:
    scores = model.tag_scores({m: t.mean(0) for m, (t, _) in outs.items()})
    top = set(sorted(scores, key=lambda k: -scores[k])[:5])
    return top, model.l2_normalise(outs[model.EMBEDDING_MODEL][1].mean(0))


def track_patches(path: Path, cache: Path) -> tuple[np.ndarray, np.ndarray]:
    got: list[np.ndarray] = []
    real = model._analyse
    model._analyse = lambda batch, starts: got.append(batch.copy())  # type: ignore[assignment]
    try:
        ctx = FileContext.for_path(path, cache)
        model.tag_excerpts(
            [
                (e.start, np.asarray(e.samples, np.float32))
                for e in ctx.audio_excerpts(16000, EXCERPT_SECONDS)
            ]
        )
        whole = model.patches(ctx.audio(16000), 10**6)
        ctx.close()
    finally:
        model._analyse = real
    return (got[0] if got else np.zeros((0, 187, 96), np.float32)), whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-track", action="store_true")
    args = parser.parse_args()
    tracks = sorted(p for p in (MEDIA / "music").rglob("*") if p.is_file())
    if not tracks:
        sys.exit("real media not installed (run `make media`)")
    ref = sessions(
        {m: PLUGIN / "models" / model.MODELS[m].replace("_pooled", "") for m in model.MODELS}
    )
    ways = {"int8": sessions(model.INT8_MODELS), "pooled": sessions(model.MODELS)}
    rows: dict[str, list[tuple[float, int, float, int]]] = {w: [] for w in [*ways, "float"]}
    cpu = {w: 0.0 for w in [*ways, "float"]}
    with tempfile.TemporaryDirectory() as cache:
        for path in tracks:
            six, whole = track_patches(path, Path(cache))
            if not len(six):
                continue
            started = time.process_time()
            base = {m: run(s, six) for m, s in ref.items()}
            cpu["float"] += time.process_time() - started
            full = summary({m: run(s, whole) for m, s in ref.items()})
            same = summary(base)
            rows["float"].append((1.0, 5, float(same[1] @ full[1]), len(same[0] & full[0])))
            for way, ss in ways.items():
                started = time.process_time()
                got = summary({m: run(s, six) for m, s in ss.items()})
                cpu[way] += time.process_time() - started
                rows[way].append(
                    (
                        float(got[1] @ same[1]),
                        len(got[0] & same[0]),
                        float(got[1] @ full[1]),
                        len(got[0] & full[0]),
                    )
                )
            if args.per_track:
                print(
                    f"  {path.name:28s} "
                    + "  ".join(f"{w} {rows[w][-1][0]:.4f} {rows[w][-1][1]}/5" for w in ways)
                )
    n = len(rows["float"])
    print(f"{n} tracks; 6 patches each against the float models (same patches | whole track)")
    for way, r in rows.items():
        a = np.array(r)
        print(
            f"  {way:7s} cosine min {a[:, 0].min():.4f} mean {a[:, 0].mean():.4f}, top 5 same "
            f"{int((a[:, 1] == 5).sum())}/{n} (>= 4: {int((a[:, 1] >= 4).sum())}) | whole track: "
            f"cosine min {a[:, 2].min():.4f} mean {a[:, 2].mean():.4f}, top 5 same {int((a[:, 3] == 5).sum())}/{n}"
            f" | CPU {cpu[way] / n * 1000:.0f} ms a track"
        )


if __name__ == "__main__":
    main()
