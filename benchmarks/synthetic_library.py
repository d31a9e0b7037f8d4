"""A generated library of 10^4-10^6 files with clustered features, for benchmarks at scale.

Real features are clustered: the tracks of an album, the clips of one holiday, the episodes
of one podcast sit close together, and whole libraries share a common direction (post-ReLU
image and audio embeddings are all non-negative, so any two visual frames have cosine ~0.5).
Uniform random vectors have none of that, and every approximate index looks broken on them
(recall@10 0.14), so this generator draws each block from a mixture of Gaussian clusters:

    v = a * g  +  b * centre[k]  +  s_k * (z @ basis[k])  +  t * noise,   then unit length

``g`` is the block's common direction, ``centre[k]`` the file's cluster (a few hundred,
growing with the library, power-law sized like albums and series), ``basis[k]`` a
low-rank subspace in which the cluster spreads (real embeddings have a low intrinsic
dimension: neighbours differ along a few directions), ``noise`` isotropic. The weights
give, per block, the cosine of two unrelated files, of two files of one cluster and of a
file's nearest neighbours (printed by ``--stats``; measured on a 10^5 build):

========  =====  ===========  ============  ============
block     dim    unrelated    same cluster  nearest 10
========  =====  ===========  ============  ============
text      384    ~0.10        ~0.55         ~0.75-0.85
visual    1280   ~0.50        ~0.75         ~0.85-0.90
music     200    ~0.60        ~0.82         ~0.90-0.95
========  =====  ===========  ============  ============

The unrelated-file cosines are what the project measured on real media (``core/similar.py``:
"visual embeddings of any two frames sit near 0.5, text embeddings near 0.1"); the others
are plausible values for MiniLM sentence embeddings, EfficientNet frame embeddings and
musicnn penultimate features, chosen, not measured on a large real library.

A file's cluster decides its kind (music, speech or video: whole clusters are one kind, as
albums are), its folder, its artist and album (music), its tags (a cluster has a tag
profile: most of a file's tags come from it, a few are noise), a few topic words of its
text document (the rest drawn from a 5,000-word Zipf vocabulary) and its duration's scale.
Blocks by kind, under the real extractors' names: every file has ``semantic.text``; music
has ``music.music`` and music tags; video has ``vision.visual`` and vision tags; speech has
text only.

The media files exist (empty, at most 1,000 a folder) and their rows carry their real size,
mtime and ctime, so a scan or the watcher finds them unchanged, as in a real indexed library.

    python benchmarks/synthetic_library.py --n 1000000 --out DIR [--seed 0] [--no-files]

builds ``DIR/data`` (the data folder: ``Library(data_dirs(DIR / "data"))``) and
``DIR/media`` (the files). ``build(lib, rng, folder, n=N)`` fills an open library.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

N = 100_000  # the default size; the CLI and ``build(n=...)`` take 10^4 .. 10^6
SIZES = (10_000, 100_000, 1_000_000)
WORDS = "sunset street bicycle piano guitar night rain city forest ocean speech drums violin calm loud".split()
# Titles, tags and names draw on a vocabulary of 5,000 words with Zipf frequencies, as real
# text does: a common query word is in a few per cent of documents, a rare one in a handful.
VOCABULARY = WORDS + [f"w{i}" for i in range(5000 - len(WORDS))]
_ZIPF = 1.0 / np.arange(1, len(VOCABULARY) + 1)
_ZIPF /= _ZIPF.sum()

VISION_TAGS = [f"label {i}" for i in range(1000)]  # ImageNet-sized vocabulary
MUSIC_TAGS = [f"music tag {i}" for i in range(50)]  # musicnn's 50 MagnaTagATune tags
KINDS = ("music", "speech", "video")
KIND_SHARE = (0.55, 0.15, 0.30)  # of the clusters (so of the files, on average)
CHUNK = 20_000  # files a transaction


@dataclass(frozen=True)
class BlockSpec:
    """How one block's vectors are drawn (see the module docstring's formula)."""

    extractor: str
    name: str
    modality: str
    dim: int
    version: str
    common: float  # a^2: share of the common direction
    cluster: float  # b^2: share of the cluster centre
    spread: float  # s^2: share of the cluster's low-rank spread
    noise: float  # t^2: share of isotropic noise
    rank: int  # dimension of a cluster's spread
    kinds: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.extractor}.{self.name}"


BLOCKS = (
    BlockSpec("semantic", "text", "text", 384, "1.1", 0.10, 0.45, 0.30, 0.15, 12, KINDS),
    BlockSpec("vision", "visual", "visual", 1280, "1.0", 0.50, 0.25, 0.17, 0.08, 16, ("video",)),
    BlockSpec("music", "music", "music", 200, "1.0", 0.60, 0.22, 0.13, 0.05, 10, ("music",)),
)


def clusters_for(n: int) -> int:
    """How many clusters a library of ``n`` files has: 119 at 10^4, 300 at 10^5, 754 at 10^6."""
    return max(8, round(3 * n**0.4))


class Model:
    """Everything drawn once per library: clusters, their kinds, tag profiles, words."""

    def __init__(self, n: int, rng: np.random.Generator) -> None:
        self.n = n
        k = self.k = clusters_for(n)
        # power-law cluster sizes (a few big series, many small albums), every cluster >= 1
        weights = rng.pareto(1.2, k) + 1.0
        sizes = np.maximum(1, np.floor(weights / weights.sum() * n)).astype(np.int64)
        while sizes.sum() > n:
            sizes[sizes.argmax()] -= sizes.sum() - n
        extra = n - int(sizes.sum())
        if extra:
            np.add.at(sizes, rng.integers(0, k, extra), 1)
        # files come cluster after cluster (a scan walks folder after folder), clusters shuffled
        order = rng.permutation(k)
        self.cluster_of = np.repeat(order, sizes[order]).astype(np.int32)
        self.sizes = sizes
        self.kind_of_cluster = rng.choice(len(KINDS), size=k, p=KIND_SHARE).astype(np.int8)
        # per-cluster looseness: some clusters are tight (one album), some loose (a mixed folder)
        self.looseness = np.clip(rng.lognormal(0.0, 0.35, k), 0.4, 2.5).astype(np.float32)
        self.vision_profile = [rng.choice(len(VISION_TAGS), 15, replace=False) for _ in range(k)]
        self.music_profile = [rng.choice(len(MUSIC_TAGS), 6, replace=False) for _ in range(k)]
        self.topic_words = [rng.choice(np.arange(100, len(VOCABULARY)), 3) for _ in range(k)]
        self.duration_scale = {
            "music": rng.lognormal(math.log(230), 0.25, k),
            "speech": rng.lognormal(math.log(900), 0.9, k),
            "video": rng.lognormal(math.log(90), 1.1, k),
        }
        self.block_params = {spec.key: self._block(spec, rng) for spec in BLOCKS}

    def _block(self, spec: BlockSpec, rng: np.random.Generator) -> dict:
        d, k = spec.dim, self.k
        g = rng.standard_normal(d).astype(np.float32)
        g /= np.linalg.norm(g)
        # centres: a tenth of the clusters' direction is shared with a "genre" of ~12 clusters
        genres = rng.standard_normal((max(1, k // 12), d)).astype(np.float32)
        own = rng.standard_normal((k, d)).astype(np.float32)
        centres = 0.3 * genres[rng.integers(0, len(genres), k)] + own
        centres /= np.linalg.norm(centres, axis=1, keepdims=True)
        bases = rng.standard_normal((k, spec.rank, d)).astype(np.float32) / math.sqrt(d)
        return {"g": g, "centres": centres, "bases": bases}

    def vectors(self, spec: BlockSpec, rows: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Unit vectors of ``spec`` for the files ``rows`` (ascending, contiguous clusters)."""
        p = self.block_params[spec.key]
        clusters = self.cluster_of[rows]
        out = np.empty((len(rows), spec.dim), np.float32)
        a, b, t = math.sqrt(spec.common), math.sqrt(spec.cluster), math.sqrt(spec.noise)
        # cut wherever the cluster changes: one matrix product per run of one cluster
        cuts = np.flatnonzero(np.diff(clusters)) + 1
        for start, stop in zip(
            np.concatenate([[0], cuts]), np.concatenate([cuts, [len(rows)]]), strict=True
        ):
            c = int(clusters[start])
            m = stop - start
            s = math.sqrt(spec.spread) * float(self.looseness[c])
            z = rng.standard_normal((m, spec.rank), dtype=np.float32)
            z *= np.float32(s / math.sqrt(spec.rank))
            block = z @ p["bases"][c]
            block += a * p["g"] + b * p["centres"][c]
            block += rng.standard_normal((m, spec.dim), dtype=np.float32) * np.float32(
                t / math.sqrt(spec.dim)
            )
            out[start:stop] = block
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out


def _tag_json(
    profile: np.ndarray, vocabulary: list[str], own: int, rng: np.random.Generator
) -> list[str]:
    """Tags of ``len(profile)`` files (``profile`` [m, P]: each file's cluster profile):
    ``own`` from the profile, strong, and two drawn from the whole vocabulary, weak."""
    m = len(profile)
    pick = np.argsort(rng.random(profile.shape), axis=1)[:, :own]
    mine = np.take_along_axis(profile, pick, axis=1)
    other = rng.integers(0, len(vocabulary), (m, 2))
    strong = rng.beta(5, 2, (m, own))
    weak = rng.beta(1, 6, (m, 2))
    out = []
    for r in range(m):
        tags = {
            vocabulary[j]: round(float(x), 4)
            for j, x in zip(other[r].tolist(), weak[r].tolist(), strict=True)
        }
        tags.update(
            {
                vocabulary[j]: round(float(x), 4)
                for j, x in zip(mine[r].tolist(), strong[r].tolist(), strict=True)
            }
        )
        out.append(json.dumps(tags))
    return out


def _relative_paths(model: Model) -> list[str]:
    """Each file's path under the media folder: kind/cluster-part/file (<= 1,000 a folder)."""
    ext = {"music": ".mp3", "speech": ".m4a", "video": ".mp4"}
    counts: dict[int, int] = {}
    out = []
    for i, c in enumerate(model.cluster_of.tolist()):
        kind = KINDS[model.kind_of_cluster[c]]
        j = counts[c] = counts.get(c, -1) + 1
        out.append(f"{kind}/c{c:04d}-{j // 1000:03d}/f{i:07d}{ext[kind]}")
    return out


class _FileMaker(threading.Thread):
    """Creates the empty media files in order, beside the database writes (both wait on the
    kernel, not the GIL), recording each file's mtime and ctime as it goes."""

    def __init__(self, root: str, paths: list[str]) -> None:
        super().__init__(name="synthetic-files", daemon=True)
        self.root, self.paths = root, paths
        self.mtimes = np.zeros(len(paths), np.int64)
        self.ctimes = np.zeros(len(paths), np.int64)
        self.done = 0
        self.error: BaseException | None = None
        self._cv = threading.Condition()

    def run(self) -> None:
        made: set[str] = set()
        flags = os.O_CREAT | os.O_WRONLY
        try:
            for i, rel in enumerate(self.paths):
                parent = rel.rsplit("/", 1)[0]
                if parent not in made:
                    os.makedirs(f"{self.root}/{parent}", exist_ok=True)
                    made.add(parent)
                full = f"{self.root}/{rel}"
                os.close(os.open(full, flags, 0o644))
                st = os.stat(full)
                self.mtimes[i], self.ctimes[i] = st.st_mtime_ns, st.st_ctime_ns
                if i % 1000 == 999:
                    with self._cv:
                        self.done = i + 1
                        self._cv.notify_all()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting writer
            self.error = exc
        with self._cv:
            self.done = len(self.paths) if self.error is None else -1
            self._cv.notify_all()

    def wait_for(self, count: int) -> None:
        with self._cv:
            while 0 <= self.done < count:
                self._cv.wait()
        if self.error is not None:
            raise RuntimeError("creating the media files failed") from self.error


def fill(
    conn: sqlite3.Connection,
    model: Model,
    rng: np.random.Generator,
    folder: Path,
    *,
    files: bool = True,
    commit: bool = True,
    log=None,
) -> None:
    """Write the model's library through ``conn``, committing every CHUNK files if ``commit``."""
    folder.mkdir(parents=True, exist_ok=True)
    root = str(folder.resolve())
    started = time.perf_counter()
    paths = _relative_paths(model)
    maker = _FileMaker(root, paths)
    if files:
        maker.start()
    else:
        maker.mtimes[:] = maker.ctimes[:] = time.time_ns()
    now = time.time()
    conn.execute(
        "INSERT INTO folders (path, display_path, added_at) VALUES (?, ?, ?)",
        (root.encode(), root, now),
    )
    folder_id = conn.execute("SELECT id FROM folders WHERE path = ?", (root.encode(),)).fetchone()[
        0
    ]
    n = model.n
    vision_profiles = np.array(model.vision_profile)
    music_profiles = np.array(model.music_profile)
    topics = np.array(model.topic_words)
    for start in range(0, n, CHUNK):
        rows_ = np.arange(start, min(n, start + CHUNK))
        clusters = model.cluster_of[rows_]
        kinds = model.kind_of_cluster[clusters]
        files_rows, feats, texts, vecs = [], [], [], []
        for spec in BLOCKS:
            wanted = rows_[np.isin(kinds, [KINDS.index(k) for k in spec.kinds])]
            if not len(wanted):
                continue
            matrix = model.vectors(spec, wanted, rng)
            vecs += [
                (f"{i:032x}", spec.extractor, spec.name, spec.modality, spec.dim, v.tobytes())
                for i, v in zip(wanted.tolist(), matrix, strict=True)
            ]
        lengths = rng.lognormal(0.0, 0.15, len(rows_))
        scale = np.zeros(len(rows_))
        for k, kind in enumerate(KINDS):
            scale[kinds == k] = model.duration_scale[kind][clusters[kinds == k]]
        durations = np.clip(scale * lengths, 2.0, 4 * 3600).round(2).tolist()
        doc_words = np.array(VOCABULARY)[rng.choice(len(VOCABULARY), (len(rows_), 7), p=_ZIPF)]
        is_video, is_music = kinds == KINDS.index("video"), kinds == KINDS.index("music")
        vision = iter(_tag_json(vision_profiles[clusters[is_video]], VISION_TAGS, 8, rng))
        music = iter(_tag_json(music_profiles[clusters[is_music]], MUSIC_TAGS, 3, rng))
        vocab = VOCABULARY
        if files:
            maker.wait_for(int(rows_[-1]) + 1)
        for r, (i, c) in enumerate(zip(rows_.tolist(), clusters.tolist(), strict=True)):
            kind = KINDS[kinds[r]]
            cid = f"{i:032x}"
            path = f"{root}/{paths[i]}"
            topic = [vocab[w] for w in topics[c][: 1 + r % 3].tolist()]
            words = doc_words[r].tolist()
            title = " ".join([*words[:3], topic[0]]).capitalize()
            artist = album = metadata = None
            track = None
            if kind == "music":
                artist, album, track = f"Artist {c // 3}", f"Album {c}", i % 20 + 1
                metadata = json.dumps(
                    {
                        "tags": {
                            "artist": artist,
                            "album": album,
                            "title": title,
                            "track": str(track),
                        }
                    }
                )
            files_rows.append(
                (path.encode(), path, folder_id, cid, 0, int(maker.mtimes[i]), int(maker.ctimes[i]),
                 "media", "video" if kind == "video" else "audio", kind, durations[r], title,
                 metadata, artist, album, track, now, now)
            )  # fmt: skip
            feats.append((cid, "semantic", "1.1", now, None))
            if kind == "video":
                feats.append((cid, "vision", "1.0", now, next(vision)))
            elif kind == "music":
                feats.append((cid, "music", "1.0", now, next(music)))
            texts.append((cid, "text", " ".join([title, *topic, *words[3:]])))
        conn.executemany(
            "INSERT INTO files (path, display_path, folder_id, content_id, size, mtime_ns, ctime_ns, "
            "status, kind, category, duration, title, metadata, artist, album, track, added_at, "
            "changed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            files_rows,
        )
        conn.executemany("INSERT INTO vectors VALUES (?,?,?,?,?,?)", vecs)
        conn.executemany(
            "INSERT INTO features (content_id, extractor, version, created_at, tags) VALUES (?,?,?,?,?)",
            feats,
        )
        conn.executemany(
            "INSERT INTO text_index (content_id, extractor, body) VALUES (?,?,?)", texts
        )
        if commit:
            conn.commit()
        if log:
            log(f"{rows_[-1] + 1:,} files: {time.perf_counter() - started:.1f} s")
    if files:
        maker.join()


def build(lib, rng: np.random.Generator, folder: Path, n: int = N, *, files: bool = True) -> Model:
    """Fill the open library ``lib`` with ``n`` files under ``folder`` (one transaction)."""
    model = Model(n, rng)
    with lib.store.write() as conn:
        conn.execute("PRAGMA cache_size = -262144")
        fill(conn, model, rng, folder, files=files, commit=False)
    return model


def build_dir(out: Path, n: int, seed: int = 0, *, files: bool = True, log=print) -> Model:
    """``out/data`` (a library) and ``out/media`` (its files), built as fast as SQLite goes.

    The schema comes from opening the library once; the rows then go in through a plain
    connection with the journal off and no syncs (a crash mid-build leaves junk, which is
    fine for a generated library), committed every CHUNK files; WAL mode is restored at
    the end, so the result is an ordinary library.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from medialens.core.library import Library
    from medialens.paths import data_dirs

    out.mkdir(parents=True, exist_ok=True)
    dirs = data_dirs(out / "data")
    Library(dirs, entry_points=False, builtins=False).close()
    rng = np.random.default_rng(seed)
    model = Model(n, rng)
    conn = sqlite3.connect(dirs.database, isolation_level="DEFERRED")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -524288")
    conn.execute("PRAGMA temp_store = MEMORY")
    try:
        fill(conn, model, rng, out / "media", files=files, log=log)
        conn.commit()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()
    meta = {
        "n": n,
        "seed": seed,
        "clusters": model.k,
        "files_on_disk": files,
        "kinds": {
            k: int((model.kind_of_cluster[model.cluster_of] == i).sum())
            for i, k in enumerate(KINDS)
        },
        "blocks": {s.key: {"dim": s.dim, "kinds": list(s.kinds)} for s in BLOCKS},
    }
    (out / "synthetic.json").write_text(json.dumps(meta, indent=1) + "\n")
    return model


def stats(database: Path, sample: int = 500, seed: int = 1) -> dict[str, dict[str, float]]:
    """Per block: mean cosine of random pairs, of pairs in one folder, and of the 1st/10th
    nearest neighbour of ``sample`` random files (exact, over the whole block)."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rng = np.random.default_rng(seed)
    out: dict[str, dict[str, float]] = {}
    for spec in BLOCKS:
        rows = conn.execute(
            "SELECT v.vector, f.folder_id, f.path FROM vectors v JOIN files f USING (content_id) "
            "WHERE v.extractor = ? AND v.name = ?",
            (spec.extractor, spec.name),
        ).fetchall()
        if len(rows) < 20:
            continue
        m = np.frombuffer(b"".join(r[0] for r in rows), np.float32).reshape(len(rows), spec.dim)
        group = np.array([r[2].rsplit(b"/", 1)[0].split(b"/c")[-1][:4] for r in rows])
        pick = rng.choice(len(m), min(sample, len(m)), replace=False)
        sims = m[pick] @ m.T
        sims[np.arange(len(pick)), pick] = -2
        part = -np.sort(-sims, axis=1)[:, :10]
        other = rng.integers(0, len(m), len(pick))
        same = [
            float(sims[j][(group == group[p]) & (sims[j] > -2)].mean()) for j, p in enumerate(pick)
        ]
        out[spec.key] = {
            "files": len(m),
            "unrelated": float(np.mean(sims[np.arange(len(pick)), other])),
            "same_cluster": float(np.mean(same)),
            "nn1": float(part[:, 0].mean()),
            "nn10": float(part[:, 9].mean()),
        }
    conn.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=N)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-files", action="store_true", help="do not create the media files")
    parser.add_argument("--stats", action="store_true", help="print per-block cosine statistics")
    args = parser.parse_args()
    if (args.out / "data").exists():
        raise SystemExit(f"{args.out}/data exists: build into a new folder")
    started = time.perf_counter()
    cpu = time.process_time()
    build_dir(args.out, args.n, args.seed, files=not args.no_files)
    print(
        f"built {args.n:,} files in {time.perf_counter() - started:.1f} s "
        f"({time.process_time() - cpu:.1f} s CPU) at {args.out}"
    )
    if args.stats:
        from medialens.paths import data_dirs

        for key, s in stats(data_dirs(args.out / "data").database).items():
            print(key, {k: round(v, 3) for k, v in s.items()})


if __name__ == "__main__":
    main()
