"""Search and more-like-this over a generated 100,000-file library (target <= 50 ms a query).

The library is ``synthetic_library``'s: clustered unit vectors for the text (384-d), visual
(1280-d) and music (200-d) blocks, cluster-correlated tags, a short text document each.
Query embeddings come from the real text plugin when it is installed (its time is
reported apart), else from random unit vectors.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
from synthetic_library import WORDS, N, build

from medialens.core.library import Library
from medialens.paths import data_dirs


class RandomEmbedder:
    name, dim, vector_name = "random", 384, "text"

    def __init__(self) -> None:
        self.rng = np.random.default_rng(1)

    def embed(self, texts):
        v = self.rng.standard_normal((len(texts), 384)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="medialens-search-"))
    try:
        lib = Library(data_dirs(work), workers=2)
        started = time.perf_counter()
        build(lib, np.random.default_rng(0), work / "media")
        print(f"generated {N:,} files in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        lib.index  # noqa: B018 - load the in-memory index once
        print(f"loaded the index in {time.perf_counter() - started:.1f} s")
        embedder = lib.host.text_embedder()
        if embedder is not None:
            embedder.embed(["warm up"])
            started = time.perf_counter()
            for q in WORDS:
                embedder.embed([q])
            print(
                f"query embedding ({embedder.name}): {(time.perf_counter() - started) / len(WORDS) * 1000:.1f} ms a query"
            )
        else:
            embedder = RandomEmbedder()
        from medialens.core.search import Searcher

        searcher = Searcher(lib.store, lib.feature_index, embedder, work / "cache")
        searcher.search("warm up tags", 20)
        times = []
        for q in WORDS:
            started = time.perf_counter()
            hits = searcher.search(f"{q} at night", 20)
            times.append(time.perf_counter() - started)
            assert hits
        ms = np.median(times) * 1000
        print(
            f"search over {N:,} files: median {ms:.1f} ms, max {max(times) * 1000:.1f} ms "
            f"(target <= 50 ms) -> {ms / 50:.2f}x of the budget"
        )
        from medialens.core.similar import similar

        times = []
        for file_id in range(1, 2001, 100):
            started = time.perf_counter()
            assert similar(lib.index, file_id, 10)
            times.append(time.perf_counter() - started)
        ms = np.median(times) * 1000
        print(
            f"more like this over {N:,} files: median {ms:.1f} ms, max {max(times) * 1000:.1f} ms "
            f"(target <= 50 ms) -> {ms / 50:.2f}x of the budget"
        )
        lib.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
