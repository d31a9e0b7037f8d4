"""When a cosine means "this matches": thresholds calibrated per text embedder.

A sentence embedder puts every pair of texts at some cosine: MiniLM gives 0.2 to almost
any pair, so "a cosine above 0.2" returns ten files for "xqzv blorf". Two facts decide
instead, both measured on the labelled queries of ``benchmarks/bench_understanding.py``
(their calibration half; the benchmark reports the other half):

* a floor: the cosine below which a true match was never seen;
* an outlier test: a query that means something stands out from the rest of what it is
  compared with (its tag names, or every file's text). The same query's cosines to all
  candidates give a mean and a spread; a match must sit ``z`` spreads above the mean.
  Nonsense is about as close to everything, so nothing stands out.

An embedder without a measured calibration gets :data:`DEFAULT` (the outlier test does
most of the work there, since it needs no knowledge of the embedder's scale).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Calibration:
    """Thresholds for one embedder: for tag names, and for files' text vectors."""

    tag_floor: float
    tag_z: float
    text_floor: float
    text_z: float


DEFAULT = Calibration(tag_floor=0.4, tag_z=3.5, text_floor=0.3, text_z=3.0)

#: Measured per embedder name (``TextEmbedder.name``); see the module docstring.
CALIBRATIONS: dict[str, Calibration] = {
    "minilm": Calibration(tag_floor=0.53, tag_z=3.5, text_floor=0.35, text_z=3.0),
    "e5-small": Calibration(tag_floor=0.89, tag_z=3.0, text_floor=0.84, text_z=3.0),
}


def calibration(embedder_name: str) -> Calibration:
    return CALIBRATIONS.get(embedder_name, DEFAULT)


def cutoff(sims: np.ndarray, floor: float, z: float) -> float:
    """The cosine a candidate must reach among ``sims`` (all candidates of one query)."""
    if sims.size < 8:  # too few to know the spread: the floor alone
        return floor
    mean, spread = float(sims.mean()), float(sims.std())
    return max(floor, mean + z * spread)
