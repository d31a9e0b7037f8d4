"""CPU one 4-minute track costs in a warm worker, stage by stage, side by side with today's code.

``bench_routing.py`` times whole ``medialens index`` runs, whose start-up (the CLI, two
worker processes, their imports and models) a run of six tracks shares out as a large part
of each track's figure. This measures what each further track costs once a worker is warm:
the shared decode (``ctx.audio(22050)``), then the thumbnail, the audio descriptors and the
music tags (``medialens-music``, which resamples to 16 kHz) on the same decoding context, as
a worker runs them, in-process, one thread. Both trees run in one invocation, in
subprocesses with ``PYTHONPATH`` set to one source tree or the other, alternating for
``--rounds`` rounds (the best round of each is printed: other work on the machine only
adds time). CPU seconds are the process's (``time.process_time``).

    python benchmarks/bench_track_cost.py --base <checkout of today>/src

Measured 2026-12-03 on 2 shared cores, load average 1.2 (the machine ran ~40 % slower than
half an hour before, when the "now" column came to 1.75 s: compare rows of one run):

=====  ======  ==========  =====  =====  =====
tree   decode  thumbnails  audio  music  total
=====  ======  ==========  =====  =====  =====
today  1.477   0.078       0.558  1.220  3.333
now    1.116   0.019       0.536  0.929  2.601
=====  ======  ==========  =====  =====  =====

0.78x. "music" includes its 16 kHz resample (65 ms) and musicnn's two models on 6 patches
(about 0.5 s at the faster moment): with the decode, the floor of a track here.

Then with the excerpts (``ctx.audio_excerpts``) and the level pass over the whole track
(``ctx.audio_frame_levels``: 200 reads of 0.1 s, timed under "thumbnails", which asks
first), 2026-12-03, load average 5.8 (others' work on the machine):

=====  ======  ==========  =====  =====  =====
tree   decode  thumbnails  audio  music  total
=====  ======  ==========  =====  =====  =====
today  1.695   0.080       0.462  1.127  3.365
now    0.316   0.257       0.182  0.940  1.695
=====  ======  ==========  =====  =====  =====

0.50x. musicnn's two models on 6 patches are ~0.75 s of "music" (batching the patches
does not pay: 0.72 s at one patch a run, 0.80 s at six); fewer patches are not faithful
(4 patches: embedding cosine to the whole track's down to 0.92, top 5 tags the same on 8 of
12 tracks, against 0.988 and 11 of 12 with 6).

Then with musicnn rewritten to pool before its batch norms (``medialens-music``'s
``tools/rewrite_models.py``, same outputs to ~2e-6), 2026-12-03, load average 2.1; the
last two columns are the two models' share of "music":

=====  ======  ==========  =====  =====  =====  =====  =====
tree   decode  thumbnails  audio  music  total  mtt    msd
=====  ======  ==========  =====  =====  =====  =====  =====
today  1.127   0.055       0.451  1.067  2.700  0.530  0.389
now    0.314   0.279       0.186  0.630  1.409  0.310  0.219
=====  ======  ==========  =====  =====  =====  =====  =====

The models 0.58x and 0.56x of today's; 0.52x in all (0.70 s of wall on 2 free cores).

Then with the int8 timbral convs (loaded on CPUs with VNNI, as this one), 2026-12-03, load
average 2.0, a quieter moment (every figure about half the above); ``--base`` once today's
tree, once main just before the two model changes (the same plugin as today's):

=====  ======  ==========  =====  =====  =====  =====  =====
tree   decode  thumbnails  audio  music  total  mtt    msd
=====  ======  ==========  =====  =====  =====  =====  =====
today  0.664   0.034       0.250  0.734  1.682  0.365  0.274
now    0.144   0.129       0.090  0.355  0.718  0.176  0.102
main   0.148   0.137       0.094  0.631  1.010  0.340  0.238
now    0.160   0.141       0.104  0.358  0.763  0.172  0.104
=====  ======  ==========  =====  =====  =====  =====  =====

The two models 0.48x of main's (0.578 -> 0.276 s), a track 0.76x (0.50 -> 0.38 s of wall on
2 free cores at this moment; at the load of the 1.695 s run above, ~1.3 s of CPU).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MEDIA = Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media"))
NOW = REPO / "src"
TRACKS = (
    "Awakening.ogg",
    "funkyrobot.mp3",
    "Coherence.ogg",
    "Through Space.ogg",
    "Inevitable.ogg",
    "Enemy Unknown.ogg",
)
STAGES = ("decode", "thumbnails", "audio", "music")
MODELS = ("mtt", "msd")  # of "music": each musicnn model's runs

CHILD = r"""
import ctypes, gc, json, sys, tempfile, time
from pathlib import Path
from medialens.core.decoding import FileContext
from medialens.builtins import audio, thumbnails
import medialens_music
from medialens_music import model

models_spent = {}
plain_run = model.run


def timed_run(name, batch):  # what each musicnn model costs inside the "music" stage
    started = time.process_time()
    out = plain_run(name, batch)
    models_spent[name] = models_spent.get(name, 0.0) + time.process_time() - started
    return out


model.run = timed_run
extractors = {
    "thumbnails": thumbnails.Thumbnails(),
    "audio": audio.AudioDescriptors(),
    "music": medialens_music.MusicExtractor(),
}
cache = Path(tempfile.mkdtemp(prefix="bench-track-cost-"))
trim = ctypes.CDLL("libc.so.6").malloc_trim


def job(path):
    spent = {}
    models_spent.clear()
    ctx = FileContext.for_path(Path(path), cache)
    for stage in ("decode", "thumbnails", "audio", "music"):
        started = time.process_time()
        if stage == "decode":  # what the extractors read: the excerpts where there are
            excerpts = getattr(ctx, "audio_excerpts", None)  # today's: a tuple of spans
            excerpts(22050) if callable(excerpts) else ctx.audio(22050)
        else:
            extractors[stage].extract(ctx)
        spent[stage] = time.process_time() - started
    spent.update(models_spent)
    ctx.close()
    gc.collect()
    trim(0)  # as a worker does after each file
    return spent


paths = sys.argv[1:]
job(paths[0])  # warm: imports, filter banks, models
print(json.dumps([job(p) for p in paths]))
"""


def env_for(src: Path) -> dict[str, str]:
    env = dict(os.environ)
    plugins = sorted(str(p) for p in (src.parent / "plugins").glob("*/src"))
    env["PYTHONPATH"] = os.pathsep.join([str(src), *plugins])
    return env


def measure(src: Path, tracks: list[Path]) -> dict[str, float]:
    """Mean CPU seconds a track of each stage, in one warm process of tree ``src``."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, *map(str, tracks)],
        env=env_for(src),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    jobs = json.loads(out.strip().splitlines()[-1])
    return {s: sum(j.get(s, 0.0) for j in jobs) / len(jobs) for s in STAGES + MODELS}


def total(row: dict[str, float]) -> float:
    return sum(row[s] for s in STAGES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="today's src folder")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    tracks = [MEDIA / "music" / t for t in TRACKS]
    if not all(t.is_file() for t in tracks):
        sys.exit("real media not installed (run `make media`)")
    ways = {"today": args.base.resolve(), "now": NOW}
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.rounds):
        for way, src in ways.items():
            got = measure(src, tracks)
            if way not in best or total(got) < total(best[way]):
                best[way] = got
    print(f"CPU seconds a track in a warm worker ({len(tracks)} tracks of 208-260 s, "
          f"best of {args.rounds} rounds; load average {os.getloadavg()[0]:.1f})")  # fmt: skip
    heads = [*STAGES, "total", *(f"of it {m}" for m in MODELS)]
    print(f"  {'':6} " + " ".join(f"{h:>10}" for h in heads))
    for way, row in best.items():
        cells = [row[s] for s in STAGES] + [total(row)] + [row[m] for m in MODELS]
        print(f"  {way:6} " + " ".join(f"{c:10.3f}" for c in cells))
    for m in MODELS:
        print(f"  {m} model now / today: {best['now'][m] / best['today'][m]:.2f}x")
    today, now = total(best["today"]), total(best["now"])
    print(f"  now / today: {now / today:.2f}x; two workers on two free cores: "
          f"{today / 2:.2f} -> {now / 2:.2f} s of wall a track")  # fmt: skip


if __name__ == "__main__":
    main()
