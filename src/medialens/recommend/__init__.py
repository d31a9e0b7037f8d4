"""Learning what one person likes from how they play things (pure numpy).

No Qt, no database, no other part of the app: the caller hands in vectors, signals and
timestamps and gets scores back, so this package can be tested and benchmarked alone.
See docs/interest-model.md for how it works and what it was measured at.
"""

from .diversify import cold_start_order, diversify
from .model import EXPOSURE_SIGNAL, FORMAT_VERSION, Candidates, InterestModel
from .signals import play_signal, rating_signal
from .vectors import block_centers, build_item_vectors

__all__ = [
    "InterestModel",
    "Candidates",
    "EXPOSURE_SIGNAL",
    "FORMAT_VERSION",
    "build_item_vectors",
    "block_centers",
    "diversify",
    "cold_start_order",
    "play_signal",
    "rating_signal",
]
