"""A block's graph built in a child process, so the window never holds the build's memory.

Building a graph codes every row of the block into its lists: at 10^6 files the text
block's codes are 384 MB, held until they are saved and mapped back in, on top of what the
window already maps (For you's matrices). The parent passes the file its block is mapped
from; the child maps the same rows, builds, saves the graph where the parent will read it
and says so. It is a fresh interpreter, never a fork (the parent may be a GUI with threads),
at low priority on one core, and it stops when the parent does (its stdin closes).

    parent -> child, one JSON line: {"file", "offset", "rows", "dim", "dtype", "ids", "out"}
    child -> parent, one line: "ok" once saved (anything else, or nothing: it failed)
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from pathlib import Path

import numpy as np


def main() -> int:
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)
    job = json.loads(sys.stdin.readline())
    closed = threading.Event()

    def watch_parent() -> None:  # the parent gone (its end of the pipe closed): stop
        sys.stdin.read()
        os._exit(3)

    threading.Thread(target=watch_parent, daemon=True).start()
    from medialens.core import vector_search

    vector_search._faiss().omp_set_num_threads(1)
    matrix = np.memmap(
        job["file"],
        dtype=np.dtype(job["dtype"]),
        mode="r",
        offset=int(job["offset"]),
        shape=(int(job["rows"]), int(job["dim"])),
    )
    ids = np.load(job["ids"], allow_pickle=False)
    Path(job["ids"]).unlink(missing_ok=True)  # read: not left behind if this is stopped
    graph = vector_search._Graph.build(int(job["dim"]), matrix, ids, closed)
    if graph is None:
        return 1
    graph.save(Path(job["out"]))
    sys.stdout.write("ok\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
