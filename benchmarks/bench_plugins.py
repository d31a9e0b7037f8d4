"""Cost of the vision, music and semantic-text plugins per file, beside the decoding it needs.

    python benchmarks/bench_plugins.py [--repeats 3] [--documents 100] [--patch-study]

Targets (the plugins' own work, beyond decoding, which the app does once per file and shares):
  vision    <= 1 s per file for a 1-hour video (it sees at most 8 keyframes, whatever the length)
  music     <= 1 s per 5-minute track
  semantic  <= 20 ms per file

Each file gets a fresh ``FileContext`` (the app's decoding context): the decode column is its
``keyframes()`` or ``audio(16000)``, the plugin column is ``extract()`` on the same context, so
it pays no decoding. Both are timed ``--repeats`` times and the median kept; wall and CPU time
(this process) are shown, since CPU time is what the app's thread pool pays per core and is
less disturbed by other processes. Model loading is paid once per process and shown apart.

``--patch-study`` also prints how the music tags of 1..16 spread patches compare with the tags
of every patch of each track (the table in plugins/medialens-music/README.md).

Media: ``$MEDIALENS_MEDIA`` (default ``<repo>/.media``); the plugins must be installed
(``pip install -e plugins/medialens-vision`` etc.).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from medialens.api import ExtractionResult
from medialens.builtins.text import TextDocument
from medialens.core.decoding import FileContext
from medialens.core.probe import probe

REPO = Path(__file__).resolve().parents[1]
MEDIA = Path(os.environ.get("MEDIALENS_MEDIA") or REPO / ".media")


def context(path: Path, cache: Path, results: dict[str, ExtractionResult] | None = None):
    return FileContext.for_path(path, cache, results)


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def median_runs(
    path: Path, cache: Path, decode: Callable, extract: Callable, repeats: int
) -> tuple[tuple[float, float], tuple[float, float], object]:
    dec, ext, result = [], [], None
    for _ in range(repeats):
        ctx = context(path, cache)
        dw, dc, _ = timed(lambda ctx=ctx: decode(ctx))
        ew, ec, result = timed(lambda ctx=ctx: extract(ctx))
        dec.append((dw, dc))
        ext.append((ew, ec))
    med = lambda xs, i: statistics.median(x[i] for x in xs)  # noqa: E731
    return (med(dec, 0), med(dec, 1)), (med(ext, 0), med(ext, 1)), result


ROWS: list[tuple[str, ...]] = []


def row(plugin, file, media, decode, extract, target, ok) -> None:
    ROWS.append((plugin, file, media, decode, extract, target, ok))


def bench_vision(cache: Path, repeats: int) -> None:
    import medialens_vision
    from medialens_vision import model

    (ex,) = medialens_vision.medialens_extractors()
    noise = np.random.default_rng(0).integers(0, 256, (240, 320, 3), dtype=np.uint8)
    wall, cpu, _ = timed(lambda: model.classify([noise]))
    print(f"vision: model load + first frame {wall:.2f} s wall ({cpu:.2f} s CPU)")
    for name in ("earth.mp4", "bikes.mp4", "vtest.avi"):
        path = MEDIA / "video" / name
        if not path.exists():
            continue
        (dw, dc), (ew, ec), result = median_runs(
            path, cache, lambda c: c.keyframes(), ex.extract, repeats
        )
        n = len(result.data.get("keyframes", []))
        dur = probe(path).duration
        row(
            "vision",
            name,
            f"{dur:.0f} s, {n} keyframes",
            f"{dw:.3f} s ({dc:.3f} CPU)",
            f"{ew:.3f} s ({ec:.3f} CPU)",
            "<= 1 s per file (1-h video: also <= 8 keyframes)",
            "yes" if min(ew, ec) <= 1.0 else "NO",
        )
        top = ", ".join(f"{t} {s:.2f}" for t, s in list(result.tags.items())[:4])
        print(f"vision {name}: {top}")


def five_minute_track() -> Path | None:
    folder = MEDIA / "music"
    best, best_gap = None, None
    for p in sorted(folder.glob("*")):
        if not p.is_file():
            continue
        try:
            gap = abs(probe(p).duration - 300.0)
        except Exception:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = p, gap
    return best


def bench_music(cache: Path, repeats: int) -> None:
    import medialens_music
    from medialens_music import model

    (ex,) = medialens_music.medialens_extractors()
    wall, cpu, _ = timed(lambda: model.tag_audio(np.random.default_rng(0).random(16000 * 3) - 0.5))
    print(f"music: models load + first patch {wall:.2f} s wall ({cpu:.2f} s CPU)")
    tracks = [five_minute_track(), MEDIA / "music" / "funkyrobot.mp3"]
    tracks += [MEDIA / "video" / "bigbuckbunny.mp4"]
    for path in tracks:
        if path is None or not path.exists():
            continue
        (dw, dc), (ew, ec), result = median_runs(
            path, cache, lambda c: c.audio(16000), ex.extract, repeats
        )
        dur = probe(path).duration
        row(
            "music",
            path.name,
            f"{dur:.0f} s, {len(result.data.get('patch_starts', []))} patches",
            f"{dw:.3f} s ({dc:.3f} CPU)",
            f"{ew:.3f} s ({ec:.3f} CPU)",
            "<= 1 s per 5-min track",
            "yes" if min(ew, ec) <= 1.0 else "NO",
        )
        top = ", ".join(f"{t} {s:.2f}" for t, s in list(result.tags.items())[:5])
        print(f"music {path.name}: {top}")


def documents(count: int) -> list[tuple[Path, ExtractionResult]]:
    files = [
        p for sub in ("video", "music", "speech", "sounds") for p in sorted((MEDIA / sub).glob("*"))
    ]
    files = [p for p in files if p.is_file()][:count]
    builtin = TextDocument()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for p in files:
            ctx = context(p, Path(tmp))
            out.append((p, builtin.extract(ctx)))
    return out


def bench_text(cache: Path, repeats: int, count: int) -> None:
    import medialens_text

    (ex,) = medialens_text.medialens_extractors()
    wall, cpu, _ = timed(lambda: medialens_text.embed(["warm up"]))
    print(f"semantic: model load + first text {wall:.2f} s wall ({cpu:.2f} s CPU)")
    docs = documents(count)
    vision = ExtractionResult(tags={"mountain bike": 0.3, "moped": 0.1, "streetcar": 0.05})
    music = ExtractionResult(tags={"female vocals": 0.2, "techno": 0.3, "electronic": 0.25})
    medialens_text.embed_labels([vision.tags, music.tags])  # tag names are cached per process
    probe_times, builtin_times, ext_times = [], [], []
    builtin = TextDocument()
    for _ in range(repeats):
        p_w = b_w = e_w = e_c = 0.0
        for path, text in docs:
            results = {"text": text, "vision": vision, "music": music}
            w, _, ctx = timed(lambda path=path, results=results: context(path, cache, results))
            p_w += w
            w, _, _ = timed(lambda ctx=ctx: builtin.extract(ctx))
            b_w += w
            w, c, _ = timed(lambda ctx=ctx: ex.extract(ctx))
            e_w += w
            e_c += c
        probe_times.append(p_w / len(docs))
        builtin_times.append(b_w / len(docs))
        ext_times.append((e_w / len(docs), e_c / len(docs)))
    words = statistics.mean(len(t.text.split()) for _, t in docs)
    ew = statistics.median(w for w, _ in ext_times) * 1000
    ec = statistics.median(c for _, c in ext_times) * 1000
    row(
        "semantic",
        f"{len(docs)} documents",
        f"{words:.0f} words avg",
        f"probe {statistics.median(probe_times) * 1000:.1f} ms, built-in text "
        f"{statistics.median(builtin_times) * 1000:.1f} ms",
        f"{ew:.1f} ms ({ec:.1f} CPU)",
        "<= 20 ms per file",
        "yes" if min(ew, ec) <= 20 else "NO",
    )
    # The worst case: a document long enough to be cut at MAX_TOKENS (subtitles, a plot).
    from medialens_text import model as text_model

    long_doc = ExtractionResult(text="the quick brown fox jumps over the lazy dog " * 100)
    path = docs[0][0]
    ctx = context(path, cache, {"text": long_doc})
    runs = [timed(lambda: ex.extract(ctx))[:2] for _ in range(5 * repeats)]
    row(
        "semantic",
        "1 long document",
        f"cut at {text_model.MAX_TOKENS} tokens",
        "",
        f"{statistics.median(w for w, _ in runs) * 1000:.1f} ms "
        f"({statistics.median(c for _, c in runs) * 1000:.1f} CPU)",
        "<= 20 ms per file",
        "yes" if min(min(r) for r in runs) * 1000 <= 20 else "NO (worst case)",
    )


def patch_study() -> None:
    from medialens_music import model

    print("\nmusic patch study: tags of n spread patches against tags of every patch")
    print("n: tag correlation / top-5 shared / embedding cosine (means over tracks)")
    with tempfile.TemporaryDirectory() as tmp:
        tracks = [p for p in sorted((MEDIA / "music").rglob("*")) if p.is_file()]
        stats: dict[int, list[tuple[float, float, float]]] = {}
        for path in tracks:
            try:
                y = context(path, Path(tmp)).audio(16000)
            except Exception:
                continue
            if len(y) < 16000 * 6:
                continue
            full_out = model.run_all(model.patches(y, 10**6))
            full = np.concatenate([full_out["mtt"].tags.mean(0), full_out["msd"].tags.mean(0)])
            full_emb = model.l2_normalise(full_out[model.EMBEDDING_MODEL].embeddings.mean(0))
            for n in (1, 2, 4, 6, 8, 12, 16):
                out = model.run_all(model.patches(y, n))
                tags = np.concatenate([out["mtt"].tags.mean(0), out["msd"].tags.mean(0)])
                emb = model.l2_normalise(out[model.EMBEDDING_MODEL].embeddings.mean(0))
                top = len(set(np.argsort(-full)[:5]) & set(np.argsort(-tags)[:5])) / 5
                stats.setdefault(n, []).append(
                    (float(np.corrcoef(full, tags)[0, 1]), top, float(full_emb @ emb))
                )
        for n, s in stats.items():
            a = np.array(s)
            print(
                f"{n:2d}: {a[:, 0].mean():.3f} (worst {a[:, 0].min():.3f}) / "
                f"{a[:, 1].mean():.0%} / {a[:, 2].mean():.3f}   over {len(a)} tracks"
            )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--documents", type=int, default=100)
    ap.add_argument("--patch-study", action="store_true")
    args = ap.parse_args()
    if not MEDIA.is_dir():
        sys.exit(f"no media in {MEDIA} (set MEDIALENS_MEDIA)")
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n")
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        bench_vision(cache, args.repeats)
        bench_music(cache, args.repeats)
        bench_text(cache, args.repeats, args.documents)
    print()
    head = ("plugin", "file", "media", "decode (app, shared)", "plugin extract", "target", "met")
    widths = [max(len(str(r[i])) for r in [head, *ROWS]) for i in range(len(head))]
    for r in [head, tuple("-" * w for w in widths), *ROWS]:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))
    if args.patch_study:
        patch_study()


if __name__ == "__main__":
    main()
