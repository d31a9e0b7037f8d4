"""Speed of the interest model at a realistic size, against its targets.

    python benchmarks/bench_interest_model.py [--items 100000] [--dim 2348]

Targets: one observed event in ≤ 5 ms, scoring 100,000 files in ≤ 30 ms. The vectors are
random unit rows of dim 2,348 (1280 image + 384 + 384 text + 200 music + 100 audio);
speed does not depend on their content. Scoring uses prepared candidates (projected once
with ``InterestModel.prepare``, as the app keeps them); the first score after new events
also rebuilds the model's heads, so both cases are reported. Run it on an idle machine:
BLAS threads slow down badly when other processes compete for the cores.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

from medialens.recommend import InterestModel, diversify


def timed(fn, repeat: int) -> float:
    """Median wall time of ``fn`` in ms."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return float(np.median(out))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--dim", type=int, default=2348)
    ap.add_argument("--events", type=int, default=2000, help="history size before timing")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((args.items, args.dim), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    try:
        from threadpoolctl import threadpool_info

        blas = ", ".join(
            f"{i['internal_api']} {i.get('architecture', '')} x{i['num_threads']}"
            for i in threadpool_info()
        )
    except ImportError:
        blas = "unknown"
    print(f"{args.items:,} items, dim {args.dim}, BLAS: {blas}")

    model = InterestModel(args.dim)
    t = time.perf_counter()
    model.fit_projection(x)
    t_fit = time.perf_counter() - t
    t = time.perf_counter()
    cands = model.prepare(x)
    t_prep = time.perf_counter() - t
    t0 = 1_700_000_000.0
    idx = rng.integers(0, args.items, args.events + 200)
    sig = rng.uniform(-1, 1, len(idx)).astype(np.float32)
    for j in range(args.events):
        model.observe(x[idx[j] : idx[j] + 1], sig[j : j + 1], [t0 + 30.0 * j])
    now = t0 + 30.0 * args.events

    k = iter(range(args.events, args.events + 200))

    def one_event():
        j = next(k)
        model.observe(x[idx[j] : idx[j] + 1], sig[j : j + 1], [t0 + 30.0 * j])

    t_event = timed(one_event, 100)
    model.score(cands, now)
    t_score = timed(lambda: model.score(cands, now), 20)

    def event_then_score():
        one_event()
        model.score(cands, now + 3000)

    t_after = timed(event_then_score, 20) - t_event
    scores = model.score(cands, now + 3000)
    t_div = timed(lambda: diversify(scores, cands.unit, 20, 0.7), 5)
    t_raw = timed(lambda: model.score(x[:10000], now), 3)
    size = len(model.to_bytes())

    rows = [
        ("observe one event", t_event, 5.0),
        (f"score {args.items:,} prepared items", t_score, 30.0),
        (f"score {args.items:,} right after an event", t_after, 30.0),
        ("diversify top 20 (MMR over the 200 best)", t_div, None),
        ("score 10,000 raw vectors (projects each call)", t_raw, None),
    ]
    print(f"{'operation':48s} {'median ms':>10s} {'target':>8s}")
    for name, ms, target in rows:
        verdict = "" if target is None else ("ok" if ms <= target else "OVER")
        print(f"{name:48s} {ms:10.2f} {f'≤ {target:g}' if target else '':>8s} {verdict}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average while measuring: {load:.1f} on {os.cpu_count()} cores (idle is < 1)")
    print(
        f"one-off: fit_projection {t_fit:.2f} s, prepare {t_prep:.2f} s; "
        f"state with {model.n_events} events: {size / 1024:.0f} KiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
