"""The cost of storing one file's results, at 10^3 to 10^6 stored files, today's code and now.

Each size gets a real library database whose rows are written straight in (files, the
built-ins' results with their text documents and vectors, a music-tags result), as a long
indexing run would leave them. Then files not yet indexed get their results stored through
the real path, ``core.features.store_result`` and the classifier's update in one write per
extractor, as ``FileJob`` does, with realistic values: scalars, data, the 89-d audio and
512-d bag-of-words vectors, text for the full-text index, music tags with a 200-d vector.
The same files are then stored a second time (a re-extraction: every row is replaced).

Side by side in one run: the library is filled once per size by today's code (schema 7),
today's code measures on it, then this code opens the same file (timing the migration to
its own schema) and measures on other files of it. Both run in subprocesses of this script,
one with each ``PYTHONPATH``. Figures are CPU milliseconds per file (``time.process_time``:
less noisy on a shared machine than the wall time, which is printed too), then the growth
from 10^4 to 10^5 to 10^6 and today's over now. Indexing throughput is files a second of
those writes, so a flat cost is a linear indexing time.

    python benchmarks/bench_writes.py --base PATH_TO_TODAYS_SRC [--sizes 1000,10000]
        [--base-max 100000] [--files 100]

Where today's code would take too long (``--base-max``), its cost is extrapolated from the
two largest sizes it measured, as a power law, and marked "extrapolated"; this code then
fills the library itself, in its own schema (no migration to time).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_rows import add_folder, add_media_files, run_under

HERE = Path(__file__).resolve()
OWN_SRC = HERE.parent.parent / "src"
SIZES = (1_000, 10_000, 100_000, 1_000_000)
CHUNK = 50_000

WORDS = (
    "love night road river summer blue fire heart city rain dance light home ghost "
    "morning train ocean gold silver winter garden dream shadow stone song wild moon"
).split()
TAGS = (
    "rock pop jazz electronic ambient classical folk hip-hop metal blues soul piano "
    "guitar vocal instrumental fast slow happy sad calm energetic acoustic live"
).split()


def cid(i: int) -> str:
    return hashlib.sha256(str(i).encode()).hexdigest()[:32]


# -- what each extractor produces ----------------------------------------------------------


def extractors() -> list:
    """The built-ins' declarations, and a music tagger's, as ``store_result`` reads them."""
    from medialens.api import (
        FingerprintOutput,
        ScalarsOutput,
        TagsOutput,
        TextOutput,
        VectorOutput,
    )

    class Declared:
        def __init__(self, name: str, version: str, outputs: tuple) -> None:
            self.name, self.version, self.outputs = name, version, outputs

    return [
        Declared("metadata", "2", (ScalarsOutput(),)),
        Declared("thumbnails", "2", (FingerprintOutput(),)),
        Declared("audio", "2", (VectorOutput("audio", 89, "audio"), ScalarsOutput())),
        Declared("text", "1", (TextOutput(), VectorOutput("bow", 512, "text"))),
        Declared("description", "1", (TextOutput(),)),
        Declared("music", "1.0", (VectorOutput("music", 200, "music"), TagsOutput())),
    ]


def values(i: int, name: str, rng: np.random.Generator | None) -> dict:
    """One extractor's result for file ``i``, as plain parts (vectors as float32 arrays;
    without ``rng``, none: the caller has its own)."""
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(6)]
    if name == "metadata":
        return {"scalars": {"bitrate": 192000.0 + i % 7, "channels": 2.0, "rate": 44100.0}}
    if name == "thumbnails":
        return {"data": {"thumbnail": f"{cid(i)[:2]}/{cid(i)}.jpg", "phash": cid(i)[:16]}}
    if name == "audio":
        scalars = {"bpm": 90.0 + i % 60, "loudness": -9.5}
        if rng is None:
            return {"scalars": scalars}
        return {
            "vectors": {"audio": rng.standard_normal(89).astype(np.float32)},
            "scalars": scalars,
        }
    if name == "text":
        title = " ".join(words[:3]).title()
        text = f"{title} - Artist {i % 5000} - Album {i % 20000}"
        if rng is None:
            return {"text": text}
        v = np.zeros(512, np.float32)
        v[rng.integers(0, 512, 12)] = 1.0
        return {"text": text, "vectors": {"bow": v}}
    if name == "description":
        return {"text": f"A {words[3]} {TAGS[i % len(TAGS)]} track about the {words[4]} and "
                f"the {words[5]}, recorded live in {words[0]} city."}  # fmt: skip
    tags = {TAGS[(i + k) % len(TAGS)]: round(0.9 - 0.08 * k, 4) for k in range(10)}
    if rng is None:
        return {"tags": tags}
    return {"tags": tags, "vectors": {"music": rng.standard_normal(200).astype(np.float32)}}


# -- filling a library (today's schema), rows written straight in ---------------------------


def fill(path: Path, n: int, extra: int) -> None:
    """``n`` files with every extractor's result stored, and ``extra`` files without.

    The stored rows are the values :func:`values` gives, their vectors drawn from a pool
    of 64 per name (the database holds the same number and size of rows; drawing a
    million fresh ones would only slow the filling down).
    """
    from medialens.store import Store
    from medialens.store.text_index import indexable

    Store(path, create=True, daily_backup=False).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")  # filling a scratch library: no WAL, no journal
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")  # 1 GB: rows arrive in random key order
    has_docs = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'text_docs'"
    ).fetchone() is not None  # fmt: skip
    rng = np.random.default_rng(0)
    now = time.time()
    add_folder(conn, now)
    declared = [(e.name, e.version, {o.name: o.modality for o in e.outputs if hasattr(o, "dim")})
                for e in extractors()]  # fmt: skip
    pool = {}
    for k in range(64):
        for name, _v, _m in declared:
            v = values(k, name, rng)
            pool[name, k] = {vn: vec.tobytes() for vn, vec in v.get("vectors", {}).items()}
    for start in range(1, n + extra + 1, CHUNK):
        ids = range(start, min(start + CHUNK, n + extra + 1))
        cids = {i: cid(i) for i in ids}
        conn.execute("BEGIN")
        add_media_files(
            conn, ids, now, cids.__getitem__, lambda i: "video" if i % 10 == 0 else "audio",
            path=lambda i: f"/m/a{i % 500}/{i}.mp3", size=lambda i: 4_000_000 + i,
            duration=215.0,
            extra={
                "title": lambda i: f"Track {i}",
                "metadata": lambda i: json.dumps(
                    {"tags": {"title": f"Track {i}", "artist": f"Artist {i % 5000}"}}
                ),
            },
        )  # fmt: skip
        features, vectors, docs = [], [], []
        for i in sorted((i for i in ids if i <= n), key=cids.__getitem__):
            c = cids[i]
            for name, version, modality in declared:
                v = values(i, name, None)
                features.append((
                    c, name, version, now, 0.1,
                    json.dumps(v["tags"]) if v.get("tags") else None, v.get("text"),
                    json.dumps(v["scalars"]) if v.get("scalars") else None,
                    json.dumps(v["data"]) if v.get("data") else None,
                ))  # fmt: skip
                for vname, blob in pool[name, i % 64].items():
                    vectors.append((c, name, vname, modality[vname], len(blob) // 4, blob))
                if v.get("text"):
                    docs.append((c, name, indexable(v["text"])))
        conn.executemany(
            "INSERT INTO features (content_id, extractor, version, created_at, seconds, tags, "
            "text, scalars, data) VALUES (?,?,?,?,?,?,?,?,?)",
            features,
        )
        conn.executemany(
            "INSERT INTO vectors (content_id, extractor, name, modality, dim, vector) "
            "VALUES (?,?,?,?,?,?)",
            vectors,
        )
        first = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM text_index").fetchone()[0]
        conn.executemany(
            "INSERT INTO text_index (rowid, content_id, extractor, body) VALUES (?,?,?,?)",
            [(first + k, *doc) for k, doc in enumerate(docs)],
        )
        if has_docs:
            conn.executemany(
                "INSERT INTO text_docs VALUES (?,?,?)",
                [(doc[0], doc[1], first + k) for k, doc in enumerate(docs)],
            )
        conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


# -- measuring (runs under either code) ------------------------------------------------------


def measure(path: Path, first: int, files: int) -> dict:
    """Store the results of files ``first`` .. ``first + files - 1``, then again."""
    from medialens.api import ExtractionResult
    from medialens.core.features import store_result
    from medialens.core.kinds import Classifier
    from medialens.store import Store

    wall, cpu = time.perf_counter(), time.process_time()
    store = Store(path, daily_backup=False)
    opened = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
    classifier = Classifier()
    rng = np.random.default_rng(first)
    declared = extractors()
    out: dict = {"open": opened, "schema": store.schema_version}
    for phase in ("first", "again"):
        cpu_ms, wall_ms = [], []
        for i in range(first, first + files):
            results = [(e, ExtractionResult(**values(i, e.name, rng))) for e in declared]
            c0, w0 = time.process_time(), time.perf_counter()
            for extractor, result in results:
                with store.write() as w:
                    store_result(store, cid(i), extractor, result, 0.1, w)
                    classifier.update(store, cid(i), conn=w)
            cpu_ms.append((time.process_time() - c0) * 1000)
            wall_ms.append((time.perf_counter() - w0) * 1000)
        out[phase] = {
            "cpu_ms": statistics.mean(cpu_ms),
            "cpu_median_ms": statistics.median(cpu_ms),
            "wall_ms": statistics.mean(wall_ms),
        }
    store.close()
    out["writes_per_file"] = len(declared)
    return out


# -- the side-by-side run --------------------------------------------------------------------


def run(src: Path, *args: str) -> dict:
    return run_under(HERE, src, *args)


def extrapolate(points: dict[int, float], n: int) -> float:
    """A power law through the two largest measured sizes."""
    (n0, y0), (n1, y1) = sorted(points.items())[-2:]
    k = math.log(y1 / y0) / math.log(n1 / n0)
    return y1 * (n / n1) ** k


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="today's src directory")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--base-max", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=100, help="files stored per measurement")
    parser.add_argument("--now", type=Path, default=OWN_SRC, help="this code's src directory")
    parser.add_argument("--keep", type=Path, help="make the libraries in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[tuple[int, dict | None, dict]] = []
    for n in sizes:
        with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
            db = Path(tmp) / "library.sqlite3"
            started = time.perf_counter()
            # past --base-max today's code is not run: this code fills in its own schema
            filler = args.base if n <= args.base_max else args.now
            run(filler, "fill", str(db), str(n), str(2 * args.files))
            filled = time.perf_counter() - started
            base = None
            if n <= args.base_max:
                base = run(args.base, "measure", str(db), str(n + 1), str(args.files))
            now = run(args.now, "measure", str(db), str(n + args.files + 1), str(args.files))
            size = db.stat().st_size
        rows.append((n, base, now))
        today = f"{base['first']['cpu_median_ms']:8.2f}" if base else "       -"
        print(
            f"{n:>9,} files ({size / 2**20:7.0f} MB, filled in {filled:5.0f} s): CPU ms a file "
            f"(median) today {today}   now {now['first']['cpu_median_ms']:6.2f} "
            f"(mean {now['first']['cpu_ms']:.2f}; stored again {now['again']['cpu_median_ms']:.2f}"
            f"; wall mean {now['first']['wall_ms']:.2f})   opening now (migrating) "
            f"{now['open']['wall']:.2f} s",
            flush=True,
        )
        print(json.dumps({"n": n, "today": base, "now": now}), flush=True)
    today = {n: b["first"]["cpu_median_ms"] for n, b, _ in rows if b is not None}
    now = {n: x["first"]["cpu_median_ms"] for n, _, x in rows}
    print("\nstoring one file's results (median CPU ms; 6 writes a file), today vs now:")
    for n in sizes:
        if n in today:
            t, mark = today[n], ""
        elif len(today) >= 2:
            t, mark = extrapolate(today, n), " (extrapolated)"
        else:
            t, mark = float("nan"), ""
        print(
            f"  {n:>9,}: today {t:9.2f}{mark:15}  now {now[n]:6.2f}   today/now {t / now[n]:7.1f}x"
            f"   throughput now {1000 / now[n]:6.0f} files/s, today {1000 / t:6.0f} files/s"
        )
    for a, b in zip(sizes, sizes[1:], strict=False):
        if a >= 1000 and b in now:
            print(f"  growth {a:,} -> {b:,}: now {now[b] / now[a]:.2f}x", end="")
            if a in today and b in today:
                print(f", today {today[b] / today[a]:.2f}x", end="")
            print()
    # flat means no size costs more than 1.5x a smaller one (a cost that falls is flat too)
    ordered = [now[n] for n in sorted(now)]
    worst = max((b / a for i, a in enumerate(ordered) for b in ordered[i + 1 :]), default=1.0)
    print(f"  now, worst growth from a smaller to a larger size: {worst:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("fill", "measure"):
        mode, db, *nums = sys.argv[1:]
        if mode == "fill":
            fill(Path(db), int(nums[0]), int(nums[1]))
            print("{}")
        else:
            print(json.dumps(measure(Path(db), int(nums[0]), int(nums[1]))))
        sys.exit(0)
    sys.exit(main())
