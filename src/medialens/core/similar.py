"""More like this, and near-duplicates, across every modality a file has.

Cosine similarities of different models live on different scales (visual
embeddings of any two frames sit near 0.5, text embeddings near 0.1), so each
modality's similarities are turned into z-scores over the library before they
are combined: a match means "unusually close for this kind of evidence", and
no modality dominates by scale. The modality that contributed most is the
``why``, as a :class:`~medialens.core.reasons.Reason` with that modality's cosine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from medialens.core.index import IndexSnapshot
from medialens.core.reasons import Reason, render

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


def similar(index: IndexSnapshot, file_id: int, n: int = 10) -> list[Match]:
    """The ``n`` files most like ``file_id`` over every block they share with it, best
    first; its exact copies are left out. The one similarity of the library: the CLI's
    ``similar`` and the GUI's "More like this" both rank by it."""
    if file_id not in index.files:
        return []
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
