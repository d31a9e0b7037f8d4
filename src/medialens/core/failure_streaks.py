"""How many files in a row each extractor has failed on, shared by the pipeline's workers.

Several workers finish files at once, so a plain ``dict`` read-increment-write loses
counts (two workers read 3 and both write 4) and two workers can both see the limit and
mark the same extractor twice. Every change happens under one lock here, and reaching the
limit is reported to exactly one caller.
"""

from __future__ import annotations

import threading


class FailureStreaks:
    """Consecutive failures per extractor, with no success in between."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def failed(self, extractor: str) -> int | None:
        """Count one more failure. Returns the streak when it reaches the limit (the count
        then starts afresh, for when the extractor is re-enabled), else None."""
        with self._lock:
            streak = self._counts.get(extractor, 0) + 1
            if streak >= self.limit:
                self._counts[extractor] = 0
                return streak
            self._counts[extractor] = streak
            return None

    def succeeded(self, extractor: str) -> None:
        with self._lock:
            self._counts[extractor] = 0
