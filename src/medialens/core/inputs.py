"""Checks on the values a person types: counts, seconds, worker numbers, paths.

Each check takes the text as typed and returns the value or raises :class:`InputError`
with one sentence saying what is wrong, so argparse (which accepts any callable as an
option's ``type``) prints it as a usage error and exits 2, and the GUI or the core can use
the same rules. Without them, ``-n 0`` silently answered nothing, ``-n -5`` crashed deep in
numpy, ``--at nan`` stored a position JSON cannot hold and ``--workers 0`` quietly meant
"all cores".
"""

from __future__ import annotations

import argparse
import math
import os

MAX_COUNT = 100_000
"""More results than any list shows; also keeps a count far inside SQLite's integers."""
MAX_WORKERS = 256
MAX_SECONDS = 1e7
"""About 116 days: no recording is longer, and a position past it is a typo."""
PATH_MAX = 4096
"""Linux's PATH_MAX: a longer path cannot be opened, so say so before trying."""


class InputError(argparse.ArgumentTypeError, ValueError):
    """A value that breaks the rules; the message is the one sentence to show."""


def _integer(text: str, what: str) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        raise InputError(f"{what} must be a whole number, not {text!r}") from None


def count(text: str) -> int:
    """How many results: a whole number from 1 to :data:`MAX_COUNT`."""
    value = _integer(text, "the number of results")
    if not 1 <= value <= MAX_COUNT:
        raise InputError(f"the number of results must be from 1 to {MAX_COUNT}, not {text}")
    return value


def workers(text: str) -> int:
    """How many extraction threads: a whole number from 1 to :data:`MAX_WORKERS`."""
    value = _integer(text, "the number of workers")
    if not 1 <= value <= MAX_WORKERS:
        raise InputError(f"the number of workers must be from 1 to {MAX_WORKERS}, not {text}")
    return value


def seconds(text: str | float, what: str = "the time") -> float:
    """A time in seconds: a finite number from 0 to :data:`MAX_SECONDS`."""
    try:
        value = float(str(text).strip()) if isinstance(text, str) else float(text)
    except (TypeError, ValueError):
        raise InputError(f"{what} must be a number of seconds, not {text!r}") from None
    if not math.isfinite(value):
        raise InputError(f"{what} must be a finite number of seconds, not {text}")
    if value < 0:
        raise InputError(f"{what} cannot be negative ({text} s)")
    if value > MAX_SECONDS:
        raise InputError(f"{what} must be at most {MAX_SECONDS:g} s, not {text}")
    return value


def position(text: str) -> float:
    """Where playback is, in seconds (the file's duration is checked where it is known)."""
    return seconds(text, "the position")


def within(value: float, duration: float | None, what: str = "the position") -> float:
    """``value`` when it is not past the end of a file ``duration`` seconds long.

    A little slack (1 % and one second) because declared durations are approximate and a
    player may report a position just past the last frame.
    """
    if duration and math.isfinite(duration) and value > duration * 1.01 + 1.0:
        raise InputError(f"{what} {value:g} s is past the end of the file ({duration:.1f} s)")
    return value


def path(text: str) -> str:
    """A path as typed: not empty, no NUL byte, not longer than the system allows."""
    if not text:
        raise InputError("the path is empty")
    if "\0" in text:
        raise InputError("the path contains a NUL byte, which no file name can")
    if len(os.fsencode(text)) > PATH_MAX:
        raise InputError(f"the path is longer than {PATH_MAX} bytes, which no file name can")
    return text


def window_size(text: str) -> str:
    """A window size as ``WIDTHxHEIGHT`` in pixels, each from 200 to 20000."""
    w, sep, h = text.lower().partition("x")
    try:
        width, height = int(w), int(h)
    except ValueError:
        width = height = 0
    if not sep or not (200 <= width <= 20_000 and 200 <= height <= 20_000):
        raise InputError(f"the window size must be WIDTHxHEIGHT, e.g. 1360x860, not {text!r}")
    return f"{width}x{height}"
