"""One BLAS thread for the many small and medium matrix products of a ranking.

OpenBLAS splits even a (12 x 20,000) @ (20,000 x 128) product over its threads, and its
threads spin while they wait for each other: on a machine whose cores are busy (the
indexer's workers, other programs) a thread that is descheduled keeps the other
spinning. Measured on 2 busy cores, the k-means of For you's regions took 0.36-1.16 s of
wall with two threads and 0.08-0.10 s with one, for the same result; the products of a
ranking are memory-bound at 10^5 rows, so one thread loses nothing when the machine is idle.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

_lock = threading.Lock()
_controller: Any = None


def _get() -> Any:
    global _controller
    with _lock:
        if _controller is None:
            try:
                from threadpoolctl import ThreadpoolController
            except ImportError:  # not installed: BLAS keeps its threads
                _controller = False
            else:
                _controller = ThreadpoolController()
        return _controller


@contextlib.contextmanager
def one_thread() -> Iterator[None]:
    """BLAS on one thread inside the block (the whole process's BLAS: keep it short)."""
    controller = _get()
    if not controller:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield
