"""Build one vector per file from per-modality blocks.

Each modality (image, text, audio, ...) comes from a different extractor, with its own
dimension, scale and common component, and some files lack some modalities. The interest
model wants one vector per file whose dot products mean "similar content" and where a missing
modality is neutral rather than a penalty. So each block is L2-normalised, centred on the
library's mean for that block (the common component of an embedding model otherwise
dominates every cosine and a mean-of-likes profile collapses onto "the average item"),
normalised again and weighted; missing blocks are zeros, which after centring means "an
average item in that modality"; the row is then rescaled to unit norm over the blocks it has,
so a file with only audio scores on audio alone, neither boosted nor damped.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

__all__ = ["build_item_vectors", "block_centers"]


def _present(block: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    ok = np.isfinite(block).all(axis=1) & (np.abs(np.nan_to_num(block)).sum(axis=1) > 0)
    if mask is not None:
        ok &= np.asarray(mask, bool)
    return ok


def _unit(x: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(x, axis=1, keepdims=True)
    return np.divide(x, n, out=np.zeros_like(x), where=n > 1e-12)


def _split(value) -> tuple[np.ndarray, np.ndarray | None]:
    if isinstance(value, tuple):
        return np.asarray(value[0], np.float32), value[1]
    return np.asarray(value, np.float32), None


def block_centers(blocks: Mapping[str, object]) -> dict[str, np.ndarray]:
    """Mean of each block's unit rows over the files that have it.

    Compute it once on the whole library and pass it to later :func:`build_item_vectors`
    calls (files added one at a time) so every vector is centred the same way.
    """
    out = {}
    for name, value in blocks.items():
        block, mask = _split(value)
        ok = _present(block, mask)
        unit = _unit(np.nan_to_num(block[ok]))
        out[name] = unit.mean(axis=0) if len(unit) else np.zeros(block.shape[1], np.float32)
    return out


def build_item_vectors(
    blocks: Mapping[str, object],
    weights: Mapping[str, float] | None = None,
    *,
    centers: Mapping[str, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Concatenate per-modality blocks into one unit vector per file.

    ``blocks`` maps a modality name to an array ``[M, d_i]`` (a row of NaN or all zeros
    means the file lacks it) or to ``(array, mask)`` with a boolean mask of present rows.
    ``weights`` gives each block's share of the similarity (default 1 each); ``centers``
    (from :func:`block_centers`) fixes the centring, else it is computed from these rows.
    Blocks are laid out in sorted name order. Returns ``(vectors[M, D] float32,
    present_mask[M, n_blocks] bool)``.
    """
    names = sorted(blocks)
    if not names:
        raise ValueError("no blocks")
    weights = dict(weights or {})
    centers = dict(centers) if centers is not None else block_centers(blocks)
    parts, present = [], []
    m = None
    for name in names:
        block, mask = _split(blocks[name])
        if block.ndim != 2:
            raise ValueError(f"block {name!r} must be 2-D, got shape {block.shape}")
        if m is None:
            m = block.shape[0]
        elif block.shape[0] != m:
            raise ValueError(f"block {name!r} has {block.shape[0]} rows, expected {m}")
        ok = _present(block, mask)
        unit = _unit(np.where(ok[:, None], np.nan_to_num(block), 0.0).astype(np.float32))
        centred = _unit(unit - np.asarray(centers[name], np.float32)[None, :])
        centred[~ok] = 0.0
        w = float(weights.get(name, 1.0))
        if w < 0:
            raise ValueError(f"weight of {name!r} must be >= 0")
        parts.append(centred * np.float32(np.sqrt(w)))
        present.append(ok & (w > 0))
    vectors = np.concatenate(parts, axis=1).astype(np.float32)
    present_mask = np.stack(present, axis=1)
    return _unit(vectors).astype(np.float32), present_mask
