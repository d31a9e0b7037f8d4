"""Bulk work on threads that yield the CPU to the window's GUI thread.

A cold start at 10^6 files rebuilds the feature index and its derived caches on threads of
their own while the person already scrolls the grid. On two cores those threads, at the same
priority as the GUI thread, took its CPU: in the grid benchmark most of each stall over
100 ms was the GUI thread waiting in the run queue (``/proc/self/task/*/schedstat``).
Linux gives each thread its own nice value, so these threads lower only their own.
"""

from __future__ import annotations

import os
import sys
import threading

NICE = 5
"""How far below the window a bulk thread runs: its share of a contended core falls to about
a third; kept moderate because a thread preempted while it holds the GIL holds up the GUI
thread too."""


def lower_priority() -> None:
    """Lower the calling thread's CPU priority by ``NICE`` (Linux, per thread; elsewhere
    ``setpriority`` would act on the whole process, so nothing)."""
    if not sys.platform.startswith("linux"):
        return
    tid = threading.get_native_id()
    try:
        now = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, min(19, now + NICE))
    except OSError:
        pass
