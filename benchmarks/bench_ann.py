"""Exact against approximate top-10 on clustered vectors at 10^4, 10^5 and 10^6 rows, and
today's search and more like this against this code's on the synthetic libraries.

Part 1 (``--part vectors``): the 384-d text block of ``synthetic_library`` (the widest
block searched at full width), one query at a time on one thread, for each backend:
build and add-1,000 CPU time, query p50/p95 (wall) and mean CPU, recall@10 against exact
numpy for held-out queries ("search": points not in the index) and for rows of the index
with themselves left out ("more like this"), RSS added by the index, size on disk.
``ours`` is ``core.vector_search`` as the library runs it (faiss inverted lists of 8-bit
codes, exact re-ranking of the candidates).

Part 2 (``--part library``): search and more like this over copies of the shared synthetic
libraries, today's code (``--base-src``) and this code in two subprocesses, side by side.
Today's index loads 1.6 GB at 10^5 and ~16 GB at 10^6, so today's code runs at 10^4 and
10^5 only (``--now-only 1000000`` runs this code alone there; today's is extrapolated
linearly and printed as such).

    python benchmarks/bench_ann.py --part vectors --sizes 10000,100000,1000000
    python benchmarks/bench_ann.py --part library --libs DIR/n10000,DIR/n100000 --base-src SRC
"""

# ruff: noqa: B023 - each backend is used up before the generator makes the next one

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def clustered(n: int, seed: int = 0) -> np.ndarray:
    sys.path.insert(0, str(HERE))
    import synthetic_library as sl

    rng = np.random.default_rng(seed)
    model = sl.Model(n, rng)
    return np.concatenate(
        [
            model.vectors(sl.BLOCKS[0], np.arange(s, min(n, s + 50_000)), rng)
            for s in range(0, n, 50_000)
        ]
    )


class Exact:
    def __init__(self, matrix, ids):
        self.matrix, self.ids = matrix, ids

    def top(self, q, k, exclude):
        sims = self.matrix @ q
        if exclude:
            sims[np.isin(self.ids, exclude)] = -np.inf
        part = np.argpartition(-sims, k)[:k]
        return self.ids[part[np.argsort(-sims[part])]]


def backends(names, matrix, ids, work: Path):
    """(name, build seconds CPU, object with top(), add(matrix, ids) -> CPU s, disk bytes)."""
    for name in names:
        before, cpu = rss_mb(), time.process_time()
        disk = 0
        if name == "exact":
            index = Exact(matrix, ids)
            add = None
        elif name == "ours":
            from medialens.core import vector_search as vsm

            class Block:
                key, file_ids = "bench.text", ids

            Block.matrix = matrix
            vs = vsm.VectorSearch(work / name, background=False, exact_up_to=0)
            vs.search_of(Block).exact  # noqa: B018 - offers the block
            vs.wait()
            search = vs.search_of(Block)

            class Ours:
                def top(self, q, k, exclude):
                    return search.top(q, k, exclude).file_ids

            index = Ours()
            disk = sum(p.stat().st_size for p in (work / name).rglob("*") if p.is_file())
            graph = vs.graph(search.name)

            def add(m, i, graph=graph):
                c = time.process_time()
                graph.extended(m, i, np.zeros(0, np.int64), vs._closed)
                return time.process_time() - c
        elif name.startswith("faiss"):
            import faiss

            faiss.omp_set_num_threads(1)
            flat = faiss.IndexHNSWFlat(matrix.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
            flat.hnsw.efConstruction = 80
            flat.add(matrix)
            flat.hnsw.efSearch = 128
            faiss.write_index(flat, str(work / "flat.faiss"))
            disk = (work / "flat.faiss").stat().st_size

            class Flat:
                def top(self, q, k, exclude):
                    found = flat.search(q[None], k + len(exclude))[1][0]
                    out = ids[found[found >= 0]]
                    return out[~np.isin(out, exclude)][:k]

            index = Flat()

            def add(m, i):
                c = time.process_time()
                flat.add(m)
                return time.process_time() - c
        elif name.startswith("usearch"):
            from usearch.index import Index

            u = Index(ndim=matrix.shape[1], metric="ip", dtype="f16", connectivity=32,
                      expansion_add=128, expansion_search=128)  # fmt: skip
            u.add(ids.astype(np.uint64), matrix, threads=1)
            u.save(str(work / "u.usearch"))
            disk = (work / "u.usearch").stat().st_size

            class U:
                def top(self, q, k, exclude):
                    found = np.asarray(u.search(q, k + len(exclude)).keys, np.int64)
                    return found[~np.isin(found, exclude)][:k]

            index = U()

            def add(m, i):
                c = time.process_time()
                u.add((i + 10**9).astype(np.uint64), m, threads=1)
                return time.process_time() - c
        else:
            raise SystemExit(f"unknown backend {name}")
        built = time.process_time() - cpu
        yield name, built, index, add, rss_mb() - before, disk


def part_vectors(sizes, names, queries: int) -> None:
    rows = []
    for n in sizes:
        matrix = clustered(n + queries)
        rng = np.random.default_rng(1)
        held = rng.choice(len(matrix), queries, replace=False)
        keep = np.setdiff1d(np.arange(len(matrix)), held)
        base, fresh = np.ascontiguousarray(matrix[keep]), matrix[held]
        ids = np.arange(len(base), dtype=np.int64)
        inside = rng.choice(len(base), queries, replace=False)
        truth_new = [Exact(base, ids).top(q, 10, []) for q in fresh]
        truth_mlt = [Exact(base, ids).top(base[i], 10, [int(i)]) for i in inside]
        extra = clustered(1000, seed=7)
        with tempfile.TemporaryDirectory(prefix="bench-ann-") as work:
            for name, built, index, add, rss, disk in backends(names, base, ids, Path(work)):
                walls, cpus, hits_new, hits_mlt = [], [], 0, 0
                for j, q in enumerate(fresh):
                    w, c = time.perf_counter(), time.process_time()
                    got = index.top(q, 10, [])
                    walls.append(time.perf_counter() - w)
                    cpus.append(time.process_time() - c)
                    hits_new += len(set(got.tolist()) & set(truth_new[j].tolist()))
                for j, i in enumerate(inside):
                    got = index.top(base[i], 10, [int(i)])
                    hits_mlt += len(set(got.tolist()) & set(truth_mlt[j].tolist()))
                added = add(extra, np.arange(n, n + 1000)) if add else 0.0
                row = {
                    "n": n, "backend": name, "build_cpu_s": round(built, 2),
                    "add1000_cpu_s": round(added, 3),
                    "p50_ms": round(float(np.median(walls)) * 1000, 3),
                    "p95_ms": round(float(np.percentile(walls, 95)) * 1000, 3),
                    "cpu_ms": round(float(np.mean(cpus)) * 1000, 3),
                    "recall_search": round(hits_new / 10 / queries, 4),
                    "recall_mlt": round(hits_mlt / 10 / queries, 4),
                    "rss_mb": round(rss), "disk_mb": round(disk / 2**20, 1),
                }  # fmt: skip
                rows.append(row)
                print(json.dumps(row), flush=True)
                del index, add
    print("\nbackend   " + "".join(f"{n:>26,}" for n in sizes))
    for name in names:
        for field in ("build_cpu_s", "add1000_cpu_s", "p50_ms", "p95_ms", "cpu_ms",
                      "recall_search", "recall_mlt", "rss_mb", "disk_mb"):  # fmt: skip
            cells = [next((r[field] for r in rows if r["n"] == n and r["backend"] == name), "-")
                     for n in sizes]  # fmt: skip
            print(f"{name:8} {field:14}" + "".join(f"{c!s:>20}" for c in cells))


#: The child's text embedder: a query "means" a random file's text (its vector and a little
#: noise), so the meaning lists have something to find.
NEAR_TEXT_EMBEDDER = """
class E:
    name, dim, vector_name = "random", 384, "text"
    def __init__(self): self.rng = np.random.default_rng(1)
    def embed(self, texts):
        f = int(snap.file_ids[self.rng.integers(len(snap.file_ids))])
        v = snap.vector("semantic.text", f) + self.rng.standard_normal(384).astype(np.float32) * 0.02
        return (v / np.linalg.norm(v))[None].repeat(len(texts), 0)
"""
# held out: words and shapes of query the timed list does not have (rare words, prefixes,
# three words, words no document holds together, nothing at all)
HELD = ["w17", "w250 w31", "sun", "gui", "pia", "w4321", "w99 w100 w101", "rainy city streets",
        "zzzz nothing", "forest", "ocean drums", "w1 w2", "w12", "calm violin loud", "w3", "night"]  # fmt: skip
# more kinds, kept out of any tuning: prefixes of 4-5 letters, several prefixes of many
# terms, four common words, a common word beside a prefix, nothing
MORE = ["stree", "nigh rai", "w10", "w12 w13", "w100", "w2 w3 w4 w5", "piano guitar violin drums",
        "sunset w1", "xyzq", "w123 night", "bicy", "w7 w8 w9", "w1234", "oce drum", "w15 w16 w17 w18"]  # fmt: skip

CHILD = (
    r"""
import json, resource, sys, time, numpy as np
from medialens.core.library import Library
from medialens.paths import data_dirs
from medialens.core.similar import similar
from medialens.core.search import Searcher
data, new = sys.argv[1], sys.argv[2] == "new"
lib = Library(data_dirs(data), entry_points=False, builtins=False, workers=2)
t, c = time.perf_counter(), time.process_time(); snap = lib.index
load, load_cpu = time.perf_counter() - t, time.process_time() - c

"""
    + NEAR_TEXT_EMBEDDER
    + r"""
extra = {}
vs = lib.vector_search if new else None
if new:
    t, c = time.perf_counter(), time.process_time()
    for f in snap.file_ids[:: max(1, len(snap.file_ids) // 50)].tolist():
        similar(snap, int(f), 10, vs)
    vs.wait(); extra["graphs_s"] = round(time.perf_counter() - t, 1)
    extra["graphs_cpu_s"] = round(time.process_time() - c, 1)
    searcher = Searcher(lib.store, lib.feature_index, E(), lib.dirs.cache / "bench", vectors=vs)
else:
    searcher = Searcher(lib.store, lib.feature_index, E(), lib.dirs.cache / "bench")
w, c = time.perf_counter(), time.process_time(); searcher.search("warm up tags", 20)
extra["first_search_ms"] = round((time.perf_counter() - w) * 1000)
time.sleep(0.5)  # a pause in typing
w, c = time.perf_counter(), time.process_time(); searcher.search("city lights", 20)
extra["second_search_ms"] = round((time.perf_counter() - w) * 1000)
rng = np.random.default_rng(5)
anchors = rng.choice(snap.file_ids, 40, replace=False).tolist()
words = "sunset street bicycle piano guitar night rain city forest ocean speech drums violin calm loud".split()
st, sc, mt, mc, res = [], [], [], [], {}
for q in words:
    w, c = time.perf_counter(), time.process_time(); searcher.search(f"{q} at night", 20)
    st.append(time.perf_counter() - w); sc.append(time.process_time() - c)
"""
    + f"held, more = {HELD!r}, {MORE!r}\n"
    + r"""for kind, queries in (("held", held), ("more", more)):
    cpu = []
    for q in queries:
        c = time.process_time(); searcher.search(q, 20); cpu.append(time.process_time() - c)
    extra[f"{kind}_search_cpu_ms"] = round(float(np.median(cpu)) * 1000, 1)
    extra[f"{kind}_search_cpu_max_ms"] = round(float(np.max(cpu)) * 1000, 1)
for f in anchors:
    w, c = time.perf_counter(), time.process_time()
    m = similar(snap, int(f), 10, vs) if new else similar(snap, int(f), 10)
    mt.append(time.perf_counter() - w); mc.append(time.process_time() - c)
    res[int(f)] = [x.file_id for x in m]
searcher.close(); lib.close()
extra["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps({"load_s": round(load, 1), "load_cpu_s": round(load_cpu, 1), "search_ms": round(float(np.median(st)) * 1000, 1),
    "search_cpu_ms": round(float(np.median(sc)) * 1000, 1), "mlt_ms": round(float(np.median(mt)) * 1000, 1),
    "mlt_cpu_ms": round(float(np.median(mc)) * 1000, 1), "mlt": res, **extra}))
"""
)


def part_library(libs, base_src: str, now_only: set[int] = frozenset()) -> None:
    """``now_only``: sizes today's code is not run at (its index would not fit in memory)."""
    here_src = str(HERE.parent / "src")
    out = {}
    for lib in libs:
        with tempfile.TemporaryDirectory(prefix="bench-ann-lib-") as work:
            data = Path(work) / "data"
            # a copy (new code migrates it); a reflink where the file system has them
            if subprocess.run(["cp", "-r", "--reflink=auto", str(Path(lib) / "data"), str(data)],
                              check=False).returncode:  # fmt: skip
                shutil.copytree(Path(lib) / "data", data, dirs_exist_ok=True)
            n = json.loads((Path(lib) / "synthetic.json").read_text())["n"]
            runs = (("today", base_src), ("now", here_src))
            if n in now_only:
                runs = runs[1:]
            for who, src in runs:
                # this src first; the rest of the path (installed extras) after it
                rest = os.environ.get("PYTHONPATH", "")
                env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (src, rest) if p))
                proc = subprocess.run(
                    [sys.executable, "-c", CHILD, str(data), "new" if who == "now" else "old"],
                    env=env, capture_output=True, text=True, check=False,
                )  # fmt: skip
                if proc.returncode:
                    raise SystemExit(proc.stderr[-3000:])
                out[(n, who)] = json.loads(proc.stdout.strip().splitlines()[-1])
                print(f"{n:>9,} files, {who}: {json.dumps({k: v for k, v in out[(n, who)].items() if k != 'mlt'})}"
                      f"; load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
            if n in now_only:
                continue
            today, now = out[(n, "today")], out[(n, "now")]
            hits = sum(len(set(today["mlt"][f]) & set(now["mlt"][f])) for f in today["mlt"]) / (
                10 * len(today["mlt"])
            )
            print(
                f"{n:>9,} files: search today {today['search_ms']} ms ({today['search_cpu_ms']} CPU)"
                f" now {now['search_ms']} ms ({now['search_cpu_ms']} CPU) -> "
                f"{now['search_ms'] / today['search_ms']:.2f}x; more like this today "
                f"{today['mlt_ms']} ms ({today['mlt_cpu_ms']} CPU) now {now['mlt_ms']} ms "
                f"({now['mlt_cpu_ms']} CPU) -> {now['mlt_ms'] / today['mlt_ms']:.2f}x; "
                f"recall@10 of now's more like this vs today's: {hits:.3f}; "
                f"graphs built in {now.get('graphs_s')} s (once, then read from the cache)",
                flush=True,
            )
    sizes = sorted({n for n, who in out if who == "today"})
    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        for field in ("search_ms", "search_cpu_ms", "mlt_ms", "mlt_cpu_ms"):
            t0, t1 = out[(a, "today")][field], out[(b, "today")][field]
            slope = (t1 - t0) / (b - a)
            print(
                f"today's {field} extrapolated to 1,000,000 files: {t1 + slope * (10**6 - b):.0f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", choices=("vectors", "library"), required=True)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--backends", default="exact,ours,faiss-flat,usearch")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--libs", default="")
    parser.add_argument("--base-src", default="")
    parser.add_argument("--now-only", default="", help="sizes to run this code only at")
    args = parser.parse_args()
    if args.part == "vectors":
        sizes = [int(s) for s in args.sizes.split(",")]
        part_vectors(sizes, args.backends.split(","), args.queries)
    else:
        now_only = {int(s) for s in args.now_only.split(",") if s}
        part_library([p for p in args.libs.split(",") if p], args.base_src, now_only)


if __name__ == "__main__":
    main()
