"""More like this, and near-duplicates, across every modality a file has.

Cosine similarities of different models live on different scales (visual
embeddings of any two frames sit near 0.5, text embeddings near 0.1), so each
modality's similarities are turned into z-scores over the library before they
are combined: a match means "unusually close for this kind of evidence", and
no modality dominates by scale. The modality that contributed most is the
``why``, as a :class:`~medialens.core.reasons.Reason` with that modality's cosine.

Over a big library (any block past :data:`~medialens.core.vector_search.EXACT_UP_TO` rows)
the whole-library products give way to candidates: each block's nearest rows from its
:class:`~medialens.core.vector_search.VectorSearch` index, scored exactly in every block
they share with the file, with each block's z-score moments taken over (a sample of) the
whole block. A file of the exact top list has an unusually close vector in at least one
block, so it is among that block's candidates (recall@10 against the full products is
measured in ``benchmarks/bench_ann.py`` and ``tests/core/test_vector_search.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from medialens.core.index import IndexSnapshot
from medialens.core.reasons import Reason, render
from medialens.core.vector_search import VectorSearch

#: Candidates each block offers per query (at least fifty per result wanted). A file
#: sharing two blocks with the query ranks by both: the best of them sit a few hundred
#: deep in each block's list within a big cluster (100 gave recall@10 0.89, 500 gave 1.0
#: on the 10^5 synthetic library).
CANDIDATES = 500

#: The reason key of each modality; another modality is just ``similar``.
MODALITY_KEYS = {
    "visual": "looks_alike",
    "music": "sounds_alike",
    "audio": "similar_sound",
    "sound events": "similar_sound",
    "text": "similar_words",
    "labels": "similar_content",
}


@dataclass
class Match:
    file_id: int
    path: str
    score: float
    why: Reason

    def as_json(self) -> dict:
        return {
            "path": self.path,
            "score": round(self.score, 4),
            "why": render(self.why),
            "reasons": [self.why.as_json()],
        }


def _zscores(sims: np.ndarray) -> np.ndarray:
    return (sims - sims.mean()) / (sims.std() + 1e-6)


def similar(
    index: IndexSnapshot, file_id: int, n: int = 10, vectors: VectorSearch | None = None
) -> list[Match]:
    """The ``n`` files most like ``file_id`` over every block they share with it, best
    first; its exact copies are left out. The one similarity of the library: the CLI's
    ``similar`` and the GUI's "More like this" both rank by it. With ``vectors``, big
    blocks are searched through their graphs (see the module docstring)."""
    if file_id not in index.files:
        return []
    if vectors is not None and any(vectors.big(b) for b in index.blocks.values()):
        return _similar_candidates(index, file_id, n, vectors)
    return _similar_exact(index, file_id, n)


def _similar_exact(index: IndexSnapshot, file_id: int, n: int) -> list[Match]:
    # copies share one set of features, stored under the file that stands for them all
    anchor = index.file_of_content.get(index.files[file_id]["content_id"], file_id)
    size = len(index.file_ids)
    total = np.zeros(size, np.float64)
    count = np.zeros(size, np.int32)
    best_z = np.full(size, -np.inf)
    best_block = np.full(size, -1, np.int32)
    best_cos = np.zeros(size, np.float32)
    blocks = list(index.blocks.values())
    for b, block in enumerate(blocks):
        row = block.row_of.get(anchor)
        if row is None or len(block.file_ids) < 2:
            continue
        sims = block.matrix @ block.matrix[row]
        z = _zscores(sims)
        pos = block.positions
        total[pos] += z
        count[pos] += 1
        better = z > best_z[pos]
        best_z[pos[better]] = z[better]
        best_block[pos[better]] = b
        best_cos[pos[better]] = sims[better]
    # mean over shared modalities, lightly rewarding files that agree on several
    score = np.where(count > 0, total / np.maximum(count, 1) * (1 + 0.1 * (count - 1)), -np.inf)
    score[index.content_codes == index.content_code(file_id)] = -np.inf  # itself and exact copies
    top = (
        np.argpartition(-score, min(n, len(score) - 1))[: n + 1]
        if len(score) > n
        else np.arange(len(score))
    )
    matches = []
    for i in top[np.lexsort((index.file_ids[top], -score[top]))][:n]:
        if not np.isfinite(score[i]):
            break
        other = int(index.file_ids[i])
        modality = blocks[best_block[i]].modality
        why = Reason.of(
            MODALITY_KEYS.get(modality, "similar"), modality=modality, score=float(best_cos[i])
        )
        matches.append(Match(other, index.files[other]["path"], float(score[i]), why))
    return matches


def _similar_candidates(
    index: IndexSnapshot, file_id: int, n: int, vectors: VectorSearch
) -> list[Match]:
    anchor = index.file_of_content.get(index.files[file_id]["content_id"], file_id)
    copies = index.file_ids[index.content_codes == index.content_code(file_id)]
    blocks = [b for b in index.blocks.values() if len(b.file_ids) >= 2]
    asked = []
    found = []
    for block in blocks:
        q = index.vector(block.key, anchor)
        if q is None:
            continue
        search = vectors.search_of(block)
        mean, std = search.moments(q)
        asked.append((block, search, q, mean, std))
        found.append(search.top(q, max(CANDIDATES, 50 * n), exclude=copies.tolist()).file_ids)
    if not found:
        return []
    ids = np.unique(np.concatenate(found))
    ids = ids[~np.isin(ids, copies)]
    total = np.zeros(len(ids), np.float64)
    count = np.zeros(len(ids), np.int32)
    best_z = np.full(len(ids), -np.inf)
    best_block = np.full(len(ids), -1, np.int32)
    best_cos = np.zeros(len(ids), np.float32)
    for b, (block, search, q, mean, std) in enumerate(asked):
        rows = search.rows_of(ids)
        has = np.flatnonzero(rows >= 0)
        sims = block.matrix[rows[has]] @ q
        z = (sims - mean) / (std + 1e-6)
        total[has] += z
        count[has] += 1
        better = z > best_z[has]
        best_z[has[better]] = z[better]
        best_block[has[better]] = b
        best_cos[has[better]] = sims[better]
    score = total / np.maximum(count, 1) * (1 + 0.1 * (count - 1))
    matches = []
    for i in np.lexsort((ids, -score))[:n]:
        other = int(ids[i])
        modality = asked[best_block[i]][0].modality
        why = Reason.of(
            MODALITY_KEYS.get(modality, "similar"), modality=modality, score=float(best_cos[i])
        )
        matches.append(Match(other, index.files[other]["path"], float(score[i]), why))
    return matches
