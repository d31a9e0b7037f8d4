"""Offline evaluation of the interest model on MovieLens-100k.

    python benchmarks/bench_movielens.py [--users N] [--blocks text,genre,year]

MovieLens has ratings, not plays, so ratings stand in for play signals (see
``medialens.recommend.rating_signal``): 5→+1, 4→+0.7, 3→+0.3, 2→−0.1, 1→−0.4 (having
rated a film at all shows interest in that kind of film), at the time the rating was entered. Protocol, per user: sort by (timestamp, item id),
replay the first 80 % in time order into a fresh model, hold out the last 20 %; rank
every movie not in the user's training part; relevant = held-out movies rated ≥ 4.
Users with no relevant held-out movie are skipped. NDCG@10 (binary gain) and Recall@20
(hits / relevant) are averaged over users. No test information reaches any method; the
optional popularity row uses counts from the training parts only, and the product itself
has one user so its model uses none.

Each movie is described as "Title (year), genres" and embedded by the text plugin
(``medialens_text.embed``, MiniLM 384-d); embeddings are cached in the temp directory.
Data: ``$MEDIALENS_MEDIA/data/ml-100k.{inter,item}`` (default ``<repo>/.media``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
import tempfile
import time
from pathlib import Path

# Thousands of small per-user solves: one BLAS thread each is faster, and threaded LAPACK
# on tiny matrices degrades badly when other processes share the cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from medialens.recommend import InterestModel, build_item_vectors, rating_signal  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def media_dir() -> Path:
    return Path(os.environ.get("MEDIALENS_MEDIA") or REPO / ".media")


def load(data: Path):
    """Movies (id, title, year, genres) and ratings (user, movie index, stars, time)."""
    movies = []
    with open(data / "ml-100k.item", newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        for row in rows:
            year = row[2] if row[2].isdigit() else ""
            movies.append(
                (int(row[0]), row[1], year, [g for g in row[3].split() if g != "unknown"])
            )
    movies.sort()
    index = {m[0]: i for i, m in enumerate(movies)}
    ratings = []
    with open(data / "ml-100k.inter", newline="") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        for row in rows:
            ratings.append((int(row[0]), index[int(row[1])], float(row[2]), float(row[3])))
    return movies, ratings


_ARTICLE = re.compile(r"^(.*), (The|A|An|Les|La|Le|L'|Il|El|Das|Die|Der)$")


def describe(movie) -> str:
    """ "Title (year), genres", with "Birdcage, The" put back as "The Birdcage"."""
    _, title, year, genres = movie
    m = _ARTICLE.match(title)
    if m:
        title = f"{m.group(2)} {m.group(1)}"
    head = f"{title} ({year})" if year else title
    return ", ".join([head, *genres])


def embed_cached(texts: list[str]) -> np.ndarray:
    """``medialens_text.embed`` over the texts, cached in the temp directory by content."""
    import medialens_text

    tag = getattr(medialens_text, "__version__", "0")
    key = hashlib.sha256(("\n".join(texts) + "|" + str(tag)).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / "medialens-bench" / f"ml100k-text-{key}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    vectors = np.asarray(medialens_text.embed(texts), np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, vectors, allow_pickle=False)
    os.replace(tmp, path)
    return vectors


def genre_block(movies) -> np.ndarray:
    names = sorted({g for m in movies for g in m[3]})
    out = np.zeros((len(movies), len(names)), np.float32)
    for i, m in enumerate(movies):
        for g in m[3]:
            out[i, names.index(g)] = 1.0
    return out


def year_block(movies) -> np.ndarray:
    """Soft one-hot of release year over bins dense in the 1990s; NaN row when unknown."""
    centres = np.array(
        [1930, 1950, 1960, 1970, 1980, 1985, 1990, 1993, 1994, 1995, 1996, 1997, 1998.0]
    )
    warp = lambda y: np.where(y < 1990, 1990 + (y - 1990) / 5, y)  # noqa: E731
    years = np.array([float(m[2]) if m[2] else np.nan for m in movies])
    out = np.exp(-0.5 * ((warp(years)[:, None] - warp(centres)[None]) / 1.5) ** 2)
    out[np.isnan(years)] = np.nan
    return out.astype(np.float32)


def split_users(ratings, n_items):
    """Per user: (train item idx, train signals, train times, relevant test idx)."""
    by_user: dict[int, list] = {}
    for u, i, r, t in ratings:
        by_user.setdefault(u, []).append((t, i, r))
    users = []
    for u in sorted(by_user):
        ev = sorted(by_user[u])
        k = int(round(0.8 * len(ev)))
        train, test = ev[:k], ev[k:]
        rel = np.array([i for _, i, r in test if r >= 4], np.int64)
        if len(rel) == 0:
            continue
        users.append(
            (
                u,
                np.array([i for _, i, _ in train], np.int64),
                np.array([rating_signal(r) for _, _, r in train], np.float32),
                np.array([t for t, _, _ in train], np.float64),
                rel,
            )
        )
    return users


def metrics(scores: np.ndarray, seen: np.ndarray, rel: np.ndarray) -> tuple[float, float]:
    s = np.asarray(scores, np.float64).copy()
    s[seen] = -np.inf
    top = np.argpartition(-s, 20)[:20]
    top = top[np.lexsort((top, -s[top]))]  # by score, ties to the lower index
    hit = np.isin(top, rel)
    dcg = (hit[:10] / np.log2(np.arange(2, 12))).sum()
    idcg = (1.0 / np.log2(np.arange(2, 2 + min(10, len(rel))))).sum()
    return float(dcg / idcg), float(hit.sum() / len(rel))


def seed_method(vectors: np.ndarray):
    """The textbook profile: signal-weighted mean of played vectors, cosine to it."""
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def score(items, signals, times):
        profile = (signals[:, None] * unit[items]).sum(axis=0)
        return unit @ (profile / max(np.linalg.norm(profile), 1e-12))

    return score


def model_method(vectors: np.ndarray, prior: np.ndarray | None = None, **options):
    """A fresh InterestModel per user, fed the training events one at a time."""
    template = InterestModel(vectors.shape[1], **options)
    template.fit_projection(vectors)
    state = template.to_bytes()
    cands = template.prepare(vectors)

    def score(items, signals, times):
        model = InterestModel.from_bytes(state)
        for i in range(len(items)):
            model.observe(vectors[items[i : i + 1]], signals[i : i + 1], times[i : i + 1])
        s = model.score(cands, now=float(times[-1]) + 1.0)
        return s if prior is None else s + prior

    return score


def evaluate(users, method, n_items, seed=0):
    out = np.array([metrics(method(it, s, t), it, rel) for _, it, s, t, rel in users])
    return out.mean(axis=0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--users", type=int, default=0, help="evaluate a fixed random sample of N users (0 = all)"
    )
    ap.add_argument(
        "--blocks", default="text", help="comma list of text,genre,year for the model's vectors"
    )
    ap.add_argument(
        "--popularity", action="store_true", help="also report a train-only popularity prior"
    )
    args = ap.parse_args(argv)
    data = media_dir() / "data"
    if not (data / "ml-100k.inter").exists():
        print(f"MovieLens-100k not found under {data} (set MEDIALENS_MEDIA)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    movies, ratings = load(data)
    text = embed_cached([describe(m) for m in movies])
    t_embed = time.perf_counter() - t0
    blocks = {"text": text, "genre": genre_block(movies), "year": year_block(movies)}
    chosen = [b.strip() for b in args.blocks.split(",") if b.strip()]
    vectors, _ = build_item_vectors({b: blocks[b] for b in chosen})
    users = split_users(ratings, len(movies))
    if args.users:
        rng = np.random.default_rng(0)
        users = [
            users[i]
            for i in np.sort(rng.choice(len(users), min(args.users, len(users)), replace=False))
        ]
    n = len(movies)
    rng = np.random.default_rng(0)
    rows = [
        ("random", lambda it, s, t: rng.random(n)),
        ("seed: mean profile, cosine (raw text embeddings)", seed_method(text)),
        (f"seed on the model's vectors ({'+'.join(chosen)}, centred)", seed_method(vectors)),
        ("InterestModel (default options)", model_method(vectors)),
        ("InterestModel without exploration (beta=0)", model_method(vectors, beta=0.0)),
        ("InterestModel without session mood (w_session=0)", model_method(vectors, w_session=0.0)),
    ]
    if args.popularity:
        pop = np.zeros(n)
        for _, it, _, _, _ in users:  # training parts only
            np.add.at(pop, it, 1.0)
        prior = (np.log1p(pop) / np.log1p(pop).std()).astype(np.float32)
        rows.append(("train-only popularity alone", lambda it, s, t: prior + rng.random(n) * 1e-6))
        rows.append(
            ("InterestModel + train-only popularity prior", model_method(vectors, prior=prior))
        )
    print(
        f"MovieLens-100k: {len(users)} users with a relevant held-out movie, {n} movies; "
        f"vectors {'+'.join(chosen)} dim {vectors.shape[1]}; embeddings ready in {t_embed:.1f} s"
    )
    print(
        "signals: 5→+1, 4→+0.7, 3→+0.3, 2→−0.1, 1→−0.4 at rating time; 80/20 split in time per user"
    )
    print(
        f"{'method':58s} {'NDCG@10':>8s} {'Recall@20':>9s} {'xseed':>6s} {'xcentred':>8s} {'time':>6s}"
    )
    base = centred = None
    for name, method in rows:
        t = time.perf_counter()
        ndcg, recall = evaluate(users, method, n)
        if name.startswith("seed:"):
            base = ndcg
        elif name.startswith("seed on"):
            centred = ndcg
        r1 = f"{ndcg / base:5.2f}x" if base else "-"
        r2 = f"{ndcg / centred:5.2f}x" if centred else "-"
        print(
            f"{name:58s} {ndcg:8.4f} {recall:9.4f} {r1:>6s} {r2:>8s} {time.perf_counter() - t:5.1f}s",
            flush=True,
        )
    print("xseed: NDCG@10 over the textbook profile on raw embeddings; xcentred: over the same")
    print("profile on the model's own (centred) vectors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
