"""Groups of files that hold the same content in other encodings, sizes or cuts.

* exact copies share a content id;
* videos match when most keyframes of one have a perceptual hash (dHash, 64 bits)
  within a few bits of a keyframe of the other. Re-encoding, rescaling and mild
  quality loss move a dHash by a few bits; a different shot moves it by ~32.
  Candidates come from locality-sensitive bands (a hash split in four 16-bit
  bands; two hashes within 3 bits share at least one band), so this scales;
* audio matches when the standardised descriptor vectors (MFCC, chroma,
  contrast, loudness statistics) are nearly parallel and the durations agree
  or one is a cut of the other.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from medialens.core.index import IndexSnapshot
from medialens.store import Store

HASH_BITS_CLOSE = 10
KEYFRAME_SHARE = 0.5
AUDIO_COSINE = 0.97


@dataclass
class Group:
    file_ids: list[int]
    why: str
    paths: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"paths": self.paths, "why": self.why}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.why: dict[int, str] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        self.why.setdefault(min(ra, rb), why)


def _keyframe_hashes(
    store: Store, index: IndexSnapshot, sources: Sequence[tuple[str, str]]
) -> dict[int, np.ndarray]:
    """Each video's keyframe hashes, from every (extractor, data key) that declares them
    (``FingerprintOutput``); the first source that has a file's hashes wins."""
    hashes: dict[int, np.ndarray] = {}
    for extractor, key in sources:
        for content_id, data in store.extraction.data_of(extractor):
            file_id = index.file_of_content.get(content_id)
            if file_id is None or file_id in hashes:
                continue
            try:
                values = [int(h, 16) for h in json.loads(data).get(key) or []]
            except (TypeError, ValueError, AttributeError):
                continue  # not hashes: a plugin's bad data must not stop the others
            if values:
                hashes[file_id] = np.array(values, dtype=np.uint64)
    return hashes


def _popcount(x: np.ndarray) -> np.ndarray:
    return np.array([bin(int(v)).count("1") for v in x.ravel()]).reshape(x.shape)


def _video_pairs(hashes: dict[int, np.ndarray]) -> list[tuple[int, int, float]]:
    buckets: dict[tuple[int, int], set[int]] = {}
    for file_id, values in hashes.items():
        for h in values.tolist():
            for band in range(4):
                buckets.setdefault((band, (h >> (16 * band)) & 0xFFFF), set()).add(file_id)
    candidates = {
        (a, b) for members in buckets.values() if 1 < len(members) < 200
        for a in members for b in members if a < b
    }  # fmt: skip
    pairs = []
    for a, b in sorted(candidates):
        distance = _popcount(hashes[a][:, None] ^ hashes[b][None, :])
        close_a = (distance.min(axis=1) <= HASH_BITS_CLOSE).mean()
        close_b = (distance.min(axis=0) <= HASH_BITS_CLOSE).mean()
        share = max(close_a, close_b)  # a cut keeps most frames of the shorter one
        if share >= KEYFRAME_SHARE:
            pairs.append((a, b, float(share)))
    return pairs


def _audio_pairs(index: IndexSnapshot) -> list[tuple[int, int, float]]:
    pairs = []
    durations = index.files.durations
    for block in index.blocks_of("audio"):
        m, ids = block.matrix, block.file_ids
        for start in range(0, len(ids), 2048):
            sims = m[start : start + 2048] @ m.T
            rows, cols = np.nonzero(sims >= AUDIO_COSINE)
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                a, b = int(ids[start + r]), int(ids[c])
                if a >= b:
                    continue
                da, db = (float(np.nan_to_num(durations[index.files.row[x]])) for x in (a, b))
                if min(da, db) >= 0.6 * max(da, db, 1e-6):
                    pairs.append((a, b, float(sims[r, c])))
    return pairs


def find_duplicates(
    store: Store, index: IndexSnapshot, fingerprints: Sequence[tuple[str, str]] = ()
) -> list[Group]:
    uf = _UnionFind()
    ids, codes = index.file_ids, index.content_codes
    first = index.files.first[codes]  # the lowest file id of each file's content
    for file_id, lowest in zip(
        ids[first != ids].tolist(), first[first != ids].tolist(), strict=True
    ):
        uf.union(lowest, file_id, "identical files")
    for a, b, share in _video_pairs(_keyframe_hashes(store, index, fingerprints)):
        uf.union(a, b, f"same pictures ({share:.0%} of keyframes match)")
    for a, b, cosine in _audio_pairs(index):
        uf.union(a, b, f"same sound (audio similarity {cosine:.3f})")
    groups: dict[int, list[int]] = {}
    for file_id in uf.parent:
        groups.setdefault(uf.find(file_id), []).append(file_id)
    shown = [m for members in groups.values() if len(members) > 1 for m in members]
    names = index.files.names(shown)
    result = []
    for root, members in sorted(groups.items()):
        if len(members) > 1:
            members.sort()
            result.append(
                Group(
                    members,
                    uf.why.get(root, "same content"),
                    [names.get(m, ("", None))[0] for m in members],
                )
            )
    return result
