"""Matrices derived from one generation of the feature index, kept on disk as memmaps.

The recommender's item vectors (one row per content, every block side by side: 336 MB at
10^5 files) and the interest model's projection of them cost seconds of CPU and a
transient of their own size to build, and they only change when the index does. So they
are written once, a few thousand rows at a time, into ``.npy`` files beside the feature
index (``<index>/derived``) and mapped on the next start instead of being rebuilt.

The same discipline as :mod:`medialens.core.index_cache`:

* An entry is named (``items``, ``projected``, ...) and belongs to a *key*: a JSON-able
  description of everything it was derived from (the index tables' generations and row
  counts, the library revision, the model's projection). A lookup under another key
  misses, and the caller rebuilds.
* The arrays are written first, to new files (a reader that maps an older entry keeps
  reading its own files), flushed and synced; the entry's small manifest is written last,
  to a temporary file renamed over the old one: the commit point. A crash leaves either
  the old entry or the new one, never a manifest naming rows that were not written.
* A manifest is checked before it is trusted: the files exist with the shapes it names
  and a CRC of sampled rows matches. Anything wrong is a miss (and a rebuild).

The folder belongs to the process that holds the feature index's lock; another process
gets a private folder with its private index, so no two processes write one entry.
"""

from __future__ import annotations

import contextlib
import json
import logging
import mmap
import os
import shutil
import threading
import uuid
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FORMAT = 1
SAMPLES = 16
#: Rows a full pass over a mapped matrix reads before it lets their pages go.
PASS_ROWS = 16384


def release(matrix: np.ndarray, start: int = 0, stop: int | None = None) -> None:
    """Let the OS drop the mapped pages of rows ``start:stop`` from this process's RSS.

    They are clean (or written back: the mapping is shared), so they stay in the page
    cache and a later read costs a page fault, not a disk read. A no-op on plain arrays.
    """
    advice = getattr(mmap, "MADV_DONTNEED", None)
    base: Any = matrix
    while base is not None and getattr(base, "_mmap", None) is None:
        base = getattr(base, "base", None)
    mm = None if base is None else base._mmap
    if mm is None or advice is None or not hasattr(mm, "madvise") or matrix.ndim == 0:
        return
    with contextlib.suppress(OSError, ValueError, TypeError, BufferError):
        stop = len(matrix) if stop is None else min(stop, len(matrix))
        if stop <= start:
            return
        origin = np.frombuffer(mm, np.uint8).__array_interface__["data"][0]
        at = matrix.__array_interface__["data"][0] - origin
        row = matrix.strides[0]
        page = mmap.PAGESIZE
        lo = -(-(at + start * row) // page) * page  # only pages wholly inside the rows
        hi = (at + stop * row) // page * page
        if start == 0:
            lo = max(at // page * page, 0) if stop == len(matrix) else lo
        if stop == len(matrix):
            hi = min(-(-(at + stop * row) // page) * page, len(mm))
        if hi > lo:
            mm.madvise(advice, lo, hi - lo)


def passes(matrix: np.ndarray, rows: int = PASS_ROWS) -> Iterator[tuple[int, np.ndarray]]:
    """``(start, block)`` over the rows of a matrix, dropping each block's mapped pages
    after it is used: a full pass over a memmap never holds the whole of it in RSS."""
    for start in range(0, len(matrix), rows):
        yield start, matrix[start : start + rows]
        release(matrix, start, start + rows)


def take(matrix: np.ndarray, rows: np.ndarray, step: int = PASS_ROWS) -> np.ndarray:
    """``matrix[rows]`` for ascending ``rows``, read a pass of ``step`` rows at a time,
    each pass's mapped pages let go once its rows are copied.

    A sample scattered over a memmap touches few bytes but faults in far more: each
    fault maps or reads ahead the pages around it, so 20,000 rows picked out of 10^6 item
    vectors (3.4 KB each) left 2.1 GB of the 3.4 GB file resident in the window.
    """
    rows = np.asarray(rows, np.int64)
    out = np.empty((len(rows),) + matrix.shape[1:], matrix.dtype)
    edges = np.searchsorted(rows, np.arange(0, len(matrix) + step, step))
    for k, start in enumerate(range(0, len(matrix), step)):
        a, b = int(edges[k]), int(edges[k + 1])
        if b > a:
            out[a:b] = matrix[rows[a:b]]
            release(matrix, start, start + step)
    return out


#: Threads a full pass over the rows of a derived matrix runs on (numpy's loops and
#: single-threaded BLAS release the GIL): what a cold start waits for, on two cores.
PASS_THREADS = max(1, min(2, os.cpu_count() or 1))


def in_row_chunks(total: int, rows: int, work: Callable[[int, int], None]) -> None:
    """``work(start, stop)`` over consecutive chunks of ``total`` rows, on up to
    ``PASS_THREADS`` threads. Each chunk must write only its own rows; chunks are
    handed out in order, and the first exception is raised here once all have ended."""
    spans = [(a, min(a + rows, total)) for a in range(0, total, rows)]
    if PASS_THREADS <= 1 or len(spans) <= 1:
        for a, b in spans:
            work(a, b)
        return
    from concurrent.futures import ThreadPoolExecutor

    from medialens.core.background import lower_priority

    with ThreadPoolExecutor(
        PASS_THREADS, thread_name_prefix="derived pass", initializer=lower_priority
    ) as pool:
        futures = [pool.submit(work, a, b) for a, b in spans]
    for future in futures:
        future.result()


def _digest(arrays: dict[str, np.ndarray]) -> dict[str, int]:
    out = {}
    for name, a in sorted(arrays.items()):
        if len(a) == 0:
            out[name] = 0
            continue
        rng = np.random.default_rng(len(a))
        rows = np.unique(np.concatenate([rng.integers(0, len(a), SAMPLES), [0, len(a) - 1]]))
        out[name] = zlib.crc32(np.ascontiguousarray(a[rows]).tobytes())
    return out


class Writer:
    """The arrays of one entry being written: fill them (in place), then :meth:`commit`."""

    def __init__(self, cache: DerivedCache, name: str, key: Any, specs: dict) -> None:
        self.cache, self.name, self.key = cache, name, key
        self.files: dict[str, str] = {}
        self.arrays: dict[str, np.ndarray] = {}
        cache.root.mkdir(parents=True, exist_ok=True)
        tag = uuid.uuid4().hex[:12]
        for column, (dtype, shape) in specs.items():
            file = f"{name}.{tag}.{column}.npy"
            self.files[column] = file
            self.arrays[column] = np.lib.format.open_memmap(
                cache.root / file, mode="w+", dtype=np.dtype(dtype), shape=tuple(shape)
            )

    def commit(self) -> dict[str, np.ndarray]:
        """Sync the arrays, publish the entry; returns read-only maps of it."""
        self.write()
        found = self.cache.get(self.name, self.key)
        assert found is not None
        return found

    def filled(self) -> dict[str, np.ndarray]:
        """Read-only views of the arrays as filled (the same mapped pages), to use while
        :meth:`write` makes them durable and publishes them on another thread."""
        out = {}
        for column, array in self.arrays.items():
            view = array.view()
            view.flags.writeable = False
            out[column] = view
        return out

    def write(self) -> None:
        """Sync the arrays and publish the entry (its manifest written last)."""
        for array in self.arrays.values():
            if isinstance(array, np.memmap):
                array.flush()
        for file in self.files.values():
            with open(self.cache.root / file, "rb+") as fh:
                os.fsync(fh.fileno())
        manifest = {
            "format": FORMAT,
            "key": self.key,
            "files": self.files,
            "shapes": {c: [str(a.dtype), list(a.shape)] for c, a in self.arrays.items()},
            "digest": _digest(self.arrays),
        }
        for array in self.arrays.values():
            release(array)
        self.cache._publish(self.name, manifest)

    def abandon(self) -> None:
        self.arrays = {}
        for file in self.files.values():
            with contextlib.suppress(OSError):
                (self.cache.root / file).unlink()


class DerivedCache:
    """Named entries of memory-mapped arrays, each valid for one key (see the module)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()
        #: How many entries were built (written) by this process: a test can tell a
        #: reopen that mapped everything from one that rebuilt.
        self.builds = 0
        #: Entries built with ``later`` whose files are still being synced and published
        #: on a thread: name -> (key as it reads back, arrays, the thread).
        self._pending: dict[str, tuple[Any, dict[str, np.ndarray], threading.Thread]] = {}
        with contextlib.suppress(OSError):
            root.mkdir(parents=True, exist_ok=True)

    def _manifest(self, name: str) -> Path:
        return self.root / f"{name}.json"

    def get(self, name: str, key: Any) -> dict[str, np.ndarray] | None:
        """The arrays of entry ``name`` mapped read-only, if it was built for ``key``."""
        key = json.loads(json.dumps(key))  # as it would read back
        try:
            data = json.loads(self._manifest(name).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("key") != key:
                return None
            arrays = {}
            for column, file in data["files"].items():
                a = np.load(self.root / file, mmap_mode="r", allow_pickle=False)
                dtype, shape = data["shapes"][column]
                if str(a.dtype) != dtype or list(a.shape) != list(shape):
                    return None
                arrays[column] = a
            if _digest(arrays) != data["digest"]:
                return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        for a in arrays.values():
            release(a)  # the sampled rows' pages
        return arrays

    def build(
        self,
        name: str,
        key: Any,
        specs: dict,
        fill: Callable[[dict[str, np.ndarray]], None],
        later: bool = False,
    ) -> dict[str, np.ndarray]:
        """The entry for ``key``: mapped when it is on disk, else made by ``fill`` (which
        writes the arrays of ``specs``, ``{column: (dtype, shape)}``, in place).

        With ``later`` a new entry's arrays are returned as soon as they are filled, and
        synced and published on a thread (hundreds of MB: seconds of a cold start on a
        busy disk); :meth:`settle` waits for that, as closing the owner must."""
        with self._lock:
            for done in [n for n, p in self._pending.items() if not p[2].is_alive()]:
                del self._pending[done]  # on disk now: found there
            pending = self._pending.get(name)
            if pending is not None and pending[0] == json.loads(json.dumps(key)):
                return pending[1]
            found = self.get(name, key)
            if found is not None:
                return found
            try:
                writer = Writer(self, name, key, specs)
            except OSError:  # no room on disk: in memory, this once
                arrays = {c: np.zeros(tuple(s), np.dtype(d)) for c, (d, s) in specs.items()}
                fill(arrays)
                self.builds += 1
                return arrays
            try:
                fill(writer.arrays)
                if later:
                    out = self._later(writer)
                else:
                    self._settle(name)
                    out = writer.commit()
            except BaseException:
                writer.abandon()
                raise
            self.builds += 1
            return out

    def _later(self, writer: Writer) -> dict[str, np.ndarray]:
        name = writer.name
        before = self._pending.get(name)

        def write() -> None:
            if before is not None:
                before[2].join()  # an older entry of the name: published first
            try:
                writer.write()
            except Exception as exc:  # noqa: BLE001 - a miss (a rebuild) at the next start
                log.warning("the derived matrix %r was not saved: %s", name, exc)
                writer.abandon()

        thread = threading.Thread(target=write, name=f"derived {name}", daemon=True)
        out = writer.filled()
        self._pending[name] = (json.loads(json.dumps(writer.key)), out, thread)
        thread.start()
        return out

    def _settle(self, name: str | None = None) -> None:
        for n in [name] if name is not None else list(self._pending):
            pending = self._pending.pop(n, None) if n is not None else None
            if pending is not None:
                pending[2].join()

    def settle(self) -> None:
        """Wait until every entry built with ``later`` is on disk and published."""
        with self._lock:
            self._settle()

    def _publish(self, name: str, manifest: dict) -> None:
        path = self._manifest(name)
        old: dict = {}
        with contextlib.suppress(OSError, ValueError):
            old = json.loads(path.read_text(encoding="utf-8"))
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        keep = set(manifest["files"].values())
        for file in (old.get("files") or {}).values():
            if file not in keep:  # a snapshot still mapping it keeps its pages (POSIX);
                with contextlib.suppress(OSError):  # elsewhere it goes at the next sweep
                    (self.root / file).unlink()
        self.sweep(name, keep)

    def sweep(self, name: str, keep: set[str]) -> None:
        """Remove files of ``name`` no manifest names (left by a crash mid-write)."""
        for path in self.root.glob(f"{name}.*.npy"):
            if path.name not in keep:
                with contextlib.suppress(OSError):
                    path.unlink()

    def clear(self) -> None:
        self.settle()
        shutil.rmtree(self.root, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.root.mkdir(parents=True, exist_ok=True)
