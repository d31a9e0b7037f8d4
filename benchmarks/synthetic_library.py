"""A generated library of 100,000 files with random features, for benchmarks at scale.

Random unit vectors for the text (384-d), visual (1280-d) and music (200-d) blocks, ten
random tags per file and a short text document each: the shapes and sizes of a real
library's features, written straight into a real database.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np

from medialens.core.library import Library

N = 100_000
WORDS = "sunset street bicycle piano guitar night rain city forest ocean speech drums violin calm loud".split()
# Titles, tags and names draw on a vocabulary of 5,000 words with Zipf frequencies, as real
# text does: a common query word is in a few per cent of documents, a rare one in a handful.
VOCABULARY = WORDS + [f"w{i}" for i in range(5000 - len(WORDS))]
_ZIPF = 1.0 / np.arange(1, len(VOCABULARY) + 1)
_ZIPF /= _ZIPF.sum()


def build(lib: Library, rng: np.random.Generator, folder: Path) -> None:
    """Fill ``lib`` with N files under ``folder``.

    The files exist (empty, in 100 sub-folders) and their rows carry their real size and
    mtime, so a scan or the watcher finds them unchanged, as in a real indexed library.
    """
    vocab = [f"label {i}" for i in range(1000)]
    now = time.time()
    mtimes = []
    for i in range(N):
        path = folder / f"album{i % 100:02d}" / f"f{i}.mp4"
        if i < 100:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        mtimes.append(path.stat().st_mtime_ns)
    root = str(folder.resolve())
    with lib.store.write() as conn:
        conn.execute(
            "INSERT INTO folders (path, display_path, added_at) VALUES (?, ?, ?)",
            (root.encode(), root, now),
        )
        for start in range(0, N, 5000):
            rows, vecs, feats, texts = [], [], [], []
            for i in range(start, start + 5000):
                cid = f"{i:032x}"
                path = f"{root}/album{i % 100:02d}/f{i}.mp4"
                rows.append(
                    (
                        path.encode(),
                        path,
                        1,
                        cid,
                        0,
                        mtimes[i],
                        "media",
                        "video",
                        60.0,
                        now,
                        now,
                    )
                )
                for name, dim, modality in (
                    ("text", 384, "text"),
                    ("visual", 1280, "visual"),
                    ("music", 200, "music"),
                ):
                    v = rng.standard_normal(dim).astype(np.float32)
                    vecs.append((cid, name, name, modality, dim, (v / np.linalg.norm(v)).tobytes()))
                tags = {
                    vocab[j]: float(s)
                    for j, s in zip(
                        rng.choice(1000, 10, replace=False), rng.random(10), strict=True
                    )
                }
                feats.append((cid, "vision", "1", now, json.dumps(tags)))
                texts.append((cid, "text", " ".join(rng.choice(VOCABULARY, 8, p=_ZIPF))))
            conn.executemany(
                "INSERT INTO files (path, display_path, folder_id, content_id, size, mtime_ns, status, kind, "
                "duration, added_at, changed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            conn.executemany("INSERT INTO vectors VALUES (?,?,?,?,?,?)", vecs)
            conn.executemany(
                "INSERT INTO features (content_id, extractor, version, created_at, tags) VALUES (?,?,?,?,?)",
                feats,
            )
            conn.executemany(
                "INSERT INTO text_index (content_id, extractor, body) VALUES (?,?,?)", texts
            )
