"""The time left the status bar shows: the scheduler's estimate, smoothed into a countdown.

The scheduler's estimate follows the throughput of the last few files, and a library mixes
a 3-second sound with an hour of video: read as it comes, "about 4 min left" became "about
11 min" and then "about 3 min" within a minute. A person reads a time left as a clock that
runs down. So the shown value counts down with the wall clock and moves toward each new
estimate by the share of the gap that ``TAU`` seconds of averaging give the time since the
last one: a lasting change (a folder added, a slower kind of file) shows within a minute
or two, a single odd file barely moves it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

#: Seconds over which the shown time left follows a changed estimate (the time constant of
#: an exponential average over time, not over updates, which come once a file).
TAU = 40.0


class TimeLeft:
    """The shown time left, fed every estimate the scheduler publishes."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._shown: float | None = None
        self._at: float | None = None

    def update(self, estimate: float | None, *, paused: bool = False) -> float | None:
        """The seconds to show for ``estimate`` (None: no estimate, nothing shown). While
        paused nothing runs down, and the clock restarts on resume."""
        now = self._clock()
        if estimate is None or estimate <= 0:
            self._shown = self._at = None
            return None
        if paused:
            self._at = None
            return self._shown
        if self._shown is None:
            self._shown = float(estimate)
        else:
            elapsed = 0.0 if self._at is None else max(0.0, now - self._at)
            predicted = max(0.0, self._shown - elapsed)
            share = 1.0 - math.exp(-elapsed / TAU)
            self._shown = predicted + share * (estimate - predicted)
        self._at = now
        return self._shown
