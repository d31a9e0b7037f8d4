"""Search at one library size, two versions of the code side by side, first sightings.

Each version runs in its own subprocess (``--a SRC=DATA``, ``--b SRC=DATA``: a source
tree and the data folder of a library copy already migrated to that code's schema; the
copies must hold the same library). A child opens its library, builds the vector graphs
as ``bench_ann.py`` does, warms the searcher on two queries, then asks every query of
the held-out kinds once, as the window would (a query's first sighting: nothing of it is
cached), timing CPU and wall of ``Searcher.search``. The two run alternately, ``--rounds``
times each, fresh processes every round; the figures are per kind the median and the
slowest query (over rounds: the median of each query's times), with B over A.

    python benchmarks/bench_search_side.py --a SRC_A=DATA_A --b SRC_B=DATA_B [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import numpy as np
from bench_ann import HELD, MORE, NEAR_TEXT_EMBEDDER

CHILD = (
    r"""
import json, sys, time, numpy as np
from medialens.core.library import Library
from medialens.paths import data_dirs
from medialens.core.similar import similar
from medialens.core.search import Searcher
lib = Library(data_dirs(sys.argv[1]), entry_points=False, builtins=False, workers=2)
snap = lib.index

"""
    + NEAR_TEXT_EMBEDDER
    + r"""
vs = lib.vector_search
for f in snap.file_ids[:: max(1, len(snap.file_ids) // 50)].tolist():
    similar(snap, int(f), 10, vs)
vs.wait()
searcher = Searcher(lib.store, lib.feature_index, E(), lib.dirs.cache / "bench", vectors=vs)
searcher.search("warm up tags", 20); time.sleep(0.5); searcher.search("city lights", 20)
kinds = json.loads(sys.argv[2])
out = {}
for kind, queries in kinds.items():
    for q in queries:
        w, c = time.perf_counter(), time.process_time(); searcher.search(q, 20)
        out.setdefault(kind, []).append(
            (q, round((time.process_time() - c) * 1000, 2), round((time.perf_counter() - w) * 1000, 2)))
searcher.close(); lib.close()
print(json.dumps(out))
"""
)

# bench_ann.py's held-out kinds (HELD, MORE), and a set of its own kept out of any tuning
TYPED = [t[:i] for t in ("ocean waves at dawn", "w21 loud city") for i in range(3, len(t) + 1)]
TYPED = [q for q in TYPED if q.strip() and q[-1] != " "]
OWN = ["moon", "w5 w6", "w77", "riv", "quiet piano", "w2000 w3", "dog", "w8 w9 w10 w11", "lou",
       "sunset street", "bicycle rain night", "guit", "w289", "w2278 piano", "speech calm",
       "violi", "drum", "w44 w38", "forest ocean city", "w1086 w144", "stre bicy", "nig",
       "w3599", "cal lou", "w9", "w500 w600", "pian w22", "sunsets", "w18", "w43", "w247",
       "city at night", "w2719 rain"]  # fmt: skip
KINDS = {"held": HELD, "more": MORE, "typed": TYPED, "own": OWN}


def run(src: str, data: str) -> dict[str, list]:
    rest = os.environ.get("PYTHONPATH", "")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (src, rest) if p))
    proc = subprocess.run([sys.executable, "-c", CHILD, data, json.dumps(KINDS)], env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip
    if proc.returncode:
        raise SystemExit(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--a", required=True, help="SRC=DATA of the first code (the baseline)")
    ap.add_argument("--b", required=True, help="SRC=DATA of the second")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    sides = {"a": args.a.split("=", 1), "b": args.b.split("=", 1)}
    got: dict[str, list] = {"a": [], "b": []}
    loads = []
    for _ in range(args.rounds):
        for who in ("a", "b"):
            got[who].append(run(*sides[who]))
            loads.append(os.getloadavg()[0])
    print(f"load average (1 min) after each child: {', '.join(f'{x:.1f}' for x in loads)}")
    for measure, at in (("CPU", 1), ("wall", 2)):
        print(f"-- {measure} ms per search (each query's median over {args.rounds} rounds)")
        every = {"a": [], "b": []}
        for kind in KINDS:
            line = []
            for who in ("a", "b"):
                per = np.median([[r[at] for r in run_[kind]] for run_ in got[who]], axis=0)
                every[who].extend(per.tolist())
                slow = int(np.argmax(per))
                line.append((float(np.median(per)), float(per[slow]), KINDS[kind][slow]))
            (ma, xa, qa), (mb, xb, qb) = line
            print(f"{kind:6} median a {ma:6.1f} b {mb:6.1f} ({mb / ma:.2f}x) | slowest a {xa:6.1f} "
                  f"({qa!r}) b {xb:6.1f} ({qb!r}) ({xb / xa:.2f}x)")  # fmt: skip
        ma, mb = float(np.median(every["a"])), float(np.median(every["b"]))
        xa, xb = max(every["a"]), max(every["b"])
        print(f"all    median a {ma:6.1f} b {mb:6.1f} ({mb / ma:.2f}x) | slowest a {xa:6.1f} "
              f"b {xb:6.1f} ({xb / xa:.2f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
