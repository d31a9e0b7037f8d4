"""Turn what a person did with a file into one number in [-1, 1].

Plays are implicit feedback: nobody rates, but how long they stayed, whether they skipped
early, came back or pressed like says a lot. The mapping is deliberately simple and
monotone so it can be explained in the UI:

* ``like`` → +1 and ``dislike`` / ``not_interested`` → −1: an explicit word beats any
  inference (the last one given wins).
* Played to the end (or ≥ 90 %) → +0.8, plus 0.1 per replay up to +1: finishing is the
  clearest implicit "yes", coming back is a stronger one. Reaching the end by seeking
  there is not finishing: after a seek, the end counts only when the time listened covers
  90 % of what lay between where the play began and the end; otherwise the play is judged
  by the time listened, like a stop.
* Stopped early — in the first 30 s, or in the first 15 % while under 10 min watched —
  → −0.5: that is a rejection, but a mild one (the wrong moment, a misclick).
* Anything in between is judged by engagement ``e = max(fraction, 1 − exp(−minutes/30))``
  and maps to ``−0.3 + 1.1 e``: for short things the fraction decides (half a song → +0.25),
  for long ones time counts too, so 20 min of a 2-hour film (17 %) is a real positive
  (+0.24), not a skip.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = [
    "play_signal",
    "watched_seconds",
    "is_early_skip",
    "engagement",
    "rating_signal",
    "EXPLICIT_KINDS",
    "END_KINDS",
]

#: Explicit feedback and the signal it sets.
EXPLICIT_KINDS = {"like": 1.0, "dislike": -1.0, "not_interested": -1.0}
#: Events that mean "played to the end".
END_KINDS = {"complete", "end", "ended", "finished"}
_START_KINDS = {"start", "play", "resume"}
_STOP_KINDS = {"pause", "stop", "skip", "seek", "close"} | END_KINDS
_COMPLETE_FRACTION = 0.9
_SKIP_SECONDS = 30.0
_SKIP_FRACTION = 0.15
_SKIP_MAX_WATCHED = 600.0
_TIME_SCALE = 1800.0
_REPLAY_BONUS = 0.1

Event = Sequence  # (kind, position seconds, duration seconds, at unix seconds)


def watched_seconds(events: Iterable[Event]) -> float:
    """Seconds of the file actually played, from position moves while playing.

    Between two consecutive events while playing, forward movement counts, capped at twice
    the wall-clock time between them (fast playback is fine, a seek forward is not
    watching); a pause left open overnight counts nothing. A ``seek`` event carries the
    position jumped to, not the one left, so up to a seek only the wall-clock time since
    the event before counts (whatever the direction of the jump). With no usable clock
    (all events at one instant), the furthest position reached stands in.
    """
    total, furthest, playing = 0.0, 0.0, False
    prev_pos: float | None = None
    prev_at = 0.0
    for kind, pos, _dur, at in sorted(events, key=lambda e: float(e[3])):
        pos, at = float(pos), float(at)
        if playing and prev_pos is not None and at > prev_at:
            if kind == "seek":
                total += at - prev_at
            elif pos > prev_pos:
                total += min(pos - prev_pos, 2.0 * (at - prev_at))
        if kind in _START_KINDS or kind == "replay":
            playing = True
        elif kind in _STOP_KINDS and kind != "seek":
            playing = False
        prev_pos, prev_at = pos, at
        furthest = max(furthest, pos)
    return total if total > 0 else furthest


def engagement(watched: float, duration: float) -> float:
    """How much of a real chance the file got, in [0, 1]: fraction, or time for long files."""
    frac = watched / duration if duration > 0 else 0.0
    return min(1.0, max(frac, 1.0 - math.exp(-watched / _TIME_SCALE)))


def is_early_skip(watched: float, duration: float) -> bool:
    """Stopped within the first 30 s, or within the first 15 % with under 10 min watched."""
    frac = watched / duration if duration > 0 else 0.0
    if frac >= _COMPLETE_FRACTION:
        return False  # a 20-second clip watched whole is complete, not skipped
    return watched < _SKIP_SECONDS or (frac < _SKIP_FRACTION and watched < _SKIP_MAX_WATCHED)


def play_signal(events: Iterable[Event]) -> float:
    """Signal in [-1, 1] for one play session given ``(kind, position, duration, at)`` events.

    Kinds: ``start``/``play``/``resume``, ``pause``/``stop``/``skip``/``seek``,
    ``complete``/``end``, ``replay``, and the explicit ``like``, ``dislike``,
    ``not_interested``. See the module docstring for why each maps as it does.
    """
    events = sorted((tuple(e) for e in events), key=lambda e: float(e[3]))
    if not events:
        return 0.0
    explicit = [EXPLICIT_KINDS[e[0]] for e in events if e[0] in EXPLICIT_KINDS]
    if explicit:
        return explicit[-1]
    duration = max((float(e[2]) for e in events if e[2] is not None), default=0.0)
    watched = watched_seconds(events)
    replays = sum(1 for e in events if e[0] == "replay")
    completes = sum(1 for e in events if e[0] in END_KINDS)
    if completes and _seeked_to_the_end(events, watched, duration):
        completes = 0
    replays = max(replays, completes - 1)
    frac = watched / duration if duration > 0 else 0.0
    if completes or frac >= _COMPLETE_FRACTION:
        return min(1.0, 0.8 + _REPLAY_BONUS * replays)
    if is_early_skip(watched, duration):
        return -0.5
    return max(-1.0, min(1.0, -0.3 + 1.1 * engagement(watched, duration) + _REPLAY_BONUS * replays))


def _seeked_to_the_end(events: Sequence[Event], watched: float, duration: float) -> bool:
    """A seek during the play, and too little listened for the end to mean "finished".

    A play resumed in the middle begins where it resumed, so only the rest must be heard;
    a player's ``complete`` without any seek is trusted (there is nothing to doubt it by).
    """
    if duration <= 0 or not any(e[0] == "seek" for e in events):
        return False
    began = min(float(events[0][1]), duration)
    return watched < _COMPLETE_FRACTION * (duration - began)


def rating_signal(stars: float, scale: int = 5) -> float:
    """A 1..``scale`` star rating as a signal: on 5 stars 5→+1, 4→+0.7, 3→+0.3, 2→−0.1, 1→−0.4.

    Having rated a film at all means one chose to watch it, so a rating says "this kind of
    thing interests me" before it says how well this one turned out: only the bottom of the
    scale is a rejection, the middle is a mild yes, and a low rating is a weaker no than a
    top rating is a yes. Other scales are mapped linearly onto the same five points.
    """
    x = 4.0 * (float(stars) - 1.0) / (scale - 1)  # 0..4
    return round(float(np.interp(x, [0, 1, 2, 3, 4], [-0.4, -0.1, 0.3, 0.7, 1.0])), 6)
