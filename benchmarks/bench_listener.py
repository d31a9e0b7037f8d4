"""The simulated listener of ``tests/core/test_listener.py``, printed as a curve.

    python benchmarks/bench_listener.py [--second speech|loud] [--media DIR]

Indexes the same sample of the real recordings, runs the 50-step listener (calm music,
then a change of taste at step 25) and prints, per step, the share of the top 10 the
listener likes against a random top 10, then the means before and after the change,
the steps to recover, and what an update and a recommendation cost.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests"), str(HERE.parent / "tests" / "core")]

import test_listener as listener  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--second", choices=("speech", "loud"), default="speech")
    parser.add_argument(
        "--media", default=os.environ.get("MEDIALENS_MEDIA", HERE.parent / ".media"), type=Path
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lib, category, seconds = listener.build_library(args.media, Path(tmp))
        try:
            run = listener.simulate(lib, category, second=args.second)
        finally:
            lib.close()
    counts = {c: list(category.values()).count(c) for c in sorted(set(category.values()))}
    print(f"library: {counts}, indexed in {seconds:.1f} s")
    print(f"taste: calm music, then {args.second} from step {listener.SWITCH}\n")
    print("step  liked in top 10  random   ")
    for i, (share, base) in enumerate(zip(run.shares, run.baselines, strict=True)):
        mark = "  <- taste changes" if i == listener.SWITCH else ""
        print(f"{i:>4}  {share:>5.1f} {'#' * round(10 * share):<10}  {base:.2f}{mark}")
    lo, sw, n = 5, listener.SWITCH, len(run.shares)
    for name, a, b in (("before (steps 5-24)", lo, sw), ("after (last 20 steps)", n - 20, n)):
        share, base = run.mean(run.shares, a, b), run.mean(run.baselines, a, b)
        err = run.random_error(a, b)
        print(
            f"{name:<22} liked share {share:.3f}, random {base:.3f} ± {err:.3f} "
            f"({share / base:.1f}x, {(share - base) / err:+.1f} standard errors)"
        )
    print(f"recovery: {run.recovery()} steps to 90 % of the final level")
    updates = sorted(run.update_ms)
    print(
        f"model update per event: median {statistics.median(updates):.2f} ms, "
        f"p95 {updates[int(0.95 * len(updates))]:.2f} ms, first {run.update_ms[0]:.1f} ms "
        f"(creates the model), over {len(updates)} events"
    )
    print(f"recommend(n=10): median {statistics.median(run.recommend_ms):.1f} ms")


if __name__ == "__main__":
    main()
