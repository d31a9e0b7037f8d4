"""The feature index on disk: memory-mapped, append-only tables that open without parsing.

One folder (``<cache>/index``) holds, per (extractor, vector name), the vectors the index
queries (already projected and normalised: never the raw 1280-d copies), per tagging
extractor its top tags, and one table of the content ids they belong to; a row names its
content by an int32 code (the row of that content id in the contents table). Opening is
reading a small JSON manifest and mapping the files: nothing is parsed, and the pages
are read only when a query touches them (the OS may drop them again, they are clean).

Crash and concurrency rules:

* Rows are only ever added past the manifest's ``rows``, never changed in place; a new
  value for a content is a new row (the last row of a code wins). A snapshot holding a
  view of the first ``rows`` rows therefore never sees a later write.
* The data files are preallocated (``capacity`` rows) so an append writes into the file
  without remapping it (Windows and macOS cannot grow a mapped file); when full, or when
  a table is rewritten in a new order (compaction), the rows go to a new generation of
  files, and the old ones are deleted once nobody maps them (on Windows at the next open).
* The manifest is written last, to a temporary file renamed over the old one
  (``os.replace`` is atomic): a crash mid-append leaves rows past ``rows`` that the next
  append overwrites, never a manifest that claims rows that were not written.
* Only one process writes a folder (an exclusive lock on ``lock``); another process that
  opens the same library (the CLI beside the GUI) keeps its own cache in a temporary folder.

Whoever opens the cache checks it before trusting it (format, database, revision,
file sizes, a CRC of the codes and of sampled rows); anything wrong and the index is
rebuilt from SQLite, the truth.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import shutil
import tempfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = 1
MANIFEST = "manifest.json"
MIN_CAPACITY = 1024
#: Names in the folder that are not tables: the lock, the manifest, the file columns and
#: the folder of what is derived from the index (:mod:`medialens.core.derived_cache`).
KEEP = ("lock", MANIFEST, "files.npz", "derived")
#: Rows copied at once when a table is grown or rewritten: bounded memory at any size.
CHUNK = 16384
SAMPLES = 16


class CacheError(Exception):
    """The cache on disk cannot be trusted: rebuild it."""


class Table:
    """Rows of one kind of data: int32 ``codes`` plus fixed-shape columns, memory-mapped."""

    def __init__(
        self,
        root: Path,
        stem: str,
        columns: dict[str, tuple[str, tuple[int, ...]]],
        meta: dict[str, Any],
        gen: int = 0,
        rows: int = 0,
        capacity: int = 0,
    ) -> None:
        self.root, self.stem = root, stem
        self.columns = {"codes": ("<i4", ()), **columns}
        self.meta = meta
        self.gen, self.rows, self.capacity = gen, rows, capacity
        self._maps: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None  # cached latest row per code
        #: Files written since they were last synced: :meth:`sync` (before a manifest
        #: names their rows) makes them durable, once per file however many appends.
        self._unsynced: set[Path] = set()

    # -- files ------------------------------------------------------------------------
    def path(self, column: str, gen: int | None = None) -> Path:
        return self.root / f"{self.stem}.{self.gen if gen is None else gen}.{column}"

    def files(self) -> list[Path]:
        return [self.path(c) for c in self.columns]

    def _row_bytes(self, column: str) -> int:
        dtype, tail = self.columns[column]
        return int(np.dtype(dtype).itemsize * int(np.prod(tail, dtype=np.int64)))

    def _create(self, gen: int, capacity: int) -> None:
        for column in self.columns:
            with open(self.path(column, gen), "wb") as fh:
                fh.truncate(capacity * self._row_bytes(column))  # sparse where it can be

    def _map(self, column: str) -> np.ndarray:
        m = self._maps.get(column)
        if m is None:
            dtype, tail = self.columns[column]
            m = self._maps[column] = np.memmap(
                self.path(column), dtype=dtype, mode="r", shape=(self.capacity, *tail)
            )
        return m

    def view(self, column: str) -> np.ndarray:
        """The published rows of a column (a read-only view of the mapped file)."""
        if self.rows == 0:
            dtype, tail = self.columns[column]
            return np.zeros((0, *tail), dtype)
        return self._map(column)[: self.rows]

    def check(self) -> None:
        for column in self.columns:
            path = self.path(column)
            if not path.is_file() or path.stat().st_size < self.capacity * self._row_bytes(column):
                raise CacheError(f"{path.name} is missing or short")
        if self.rows > self.capacity:
            raise CacheError(f"{self.stem}: more rows than room")

    # -- writing ----------------------------------------------------------------------
    def append(self, data: dict[str, np.ndarray]) -> None:
        n = len(data["codes"])
        if n == 0:
            return
        if self.rows + n > self.capacity:
            self._regenerate(None, max(MIN_CAPACITY, 2 * (self.rows + n)))
        for column in self.columns:
            dtype, tail = self.columns[column]
            values = np.ascontiguousarray(data[column], dtype=dtype).reshape(n, *tail)
            with open(self.path(column), "r+b") as fh:
                fh.seek(self.rows * self._row_bytes(column))
                fh.write(values.tobytes())
            self._unsynced.add(self.path(column))
        self.rows += n
        self._live = None

    def sync(self) -> None:
        """Make every row written so far durable (before a manifest may name them)."""
        for path in sorted(self._unsynced):
            with contextlib.suppress(FileNotFoundError):  # an old generation, gone
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        self._unsynced.clear()

    def rewrite(self, order: np.ndarray) -> list[Path]:
        """The rows ``order`` (in that order) as a new generation; returns the old files."""
        return self._regenerate(order, max(MIN_CAPACITY, int(len(order) * 1.25)))

    def _regenerate(self, order: np.ndarray | None, capacity: int) -> list[Path]:
        old = self.files()
        old_maps = {c: self.view(c) for c in self.columns}
        gen = self.gen + 1
        self._create(gen, capacity)
        count = self.rows if order is None else len(order)
        for column in self.columns:
            source = old_maps[column]
            with open(self.path(column, gen), "r+b") as fh:
                for start in range(0, count, CHUNK):
                    if order is None:
                        part = source[start : start + CHUNK]
                    else:
                        part = source[order[start : start + CHUNK]]
                    fh.write(np.ascontiguousarray(part).tobytes())
        self.gen, self.rows, self.capacity = gen, count, capacity
        self._maps = {}
        self._live = None
        self._unsynced = set(self.files())  # synced by the next publish, which names them
        return old

    def live(self) -> tuple[np.ndarray, np.ndarray]:
        """(codes, rows) of the latest row of every code, codes ascending."""
        if self._live is None:
            codes = self.view("codes")
            reverse = codes[::-1]
            unique, first = np.unique(reverse, return_index=True)
            self._live = np.stack([unique.astype(np.int64), len(codes) - 1 - first])
        return self._live[0], self._live[1]

    # -- manifest ---------------------------------------------------------------------
    def digest(self) -> dict[str, Any]:
        """CRCs of the codes and of a few sampled rows of each column."""
        out: dict[str, Any] = {}
        rows = self.sample_rows()
        for column in self.columns:
            view = self.view(column)
            data = view if column == "codes" else view[rows]
            out[column] = zlib.crc32(np.ascontiguousarray(data).tobytes())
        return out

    def sample_rows(self) -> np.ndarray:
        if self.rows == 0:
            return np.zeros(0, np.int64)
        rng = np.random.default_rng(self.rows)
        picks = rng.integers(0, self.rows, min(SAMPLES, self.rows))
        return np.unique(np.concatenate([picks, [0, self.rows - 1]]))

    def to_json(self) -> dict[str, Any]:
        return {
            "stem": self.stem,
            "columns": {c: [d, list(t)] for c, (d, t) in self.columns.items() if c != "codes"},
            "meta": self.meta,
            "gen": self.gen,
            "rows": self.rows,
            "capacity": self.capacity,
            "digest": self.digest(),
        }

    @classmethod
    def from_json(cls, root: Path, data: dict[str, Any]) -> Table:
        columns = {c: (str(d), tuple(int(x) for x in t)) for c, (d, t) in data["columns"].items()}
        table = cls(
            root, str(data["stem"]), columns, dict(data["meta"]),
            int(data["gen"]), int(data["rows"]), int(data["capacity"]),
        )  # fmt: skip
        table.check()
        if table.digest() != data["digest"]:
            raise CacheError(f"{table.stem}: its rows do not match their checksums")
        table.release()  # the sampled rows' read-ahead need not stay in this process
        return table

    def release(self) -> None:
        """Let the OS drop this table's mapped pages from the process (they stay cached)."""
        advice = getattr(mmap, "MADV_DONTNEED", None)
        for m in self._maps.values():
            mm = getattr(m, "_mmap", None)
            if mm is not None and advice is not None and hasattr(mm, "madvise"):
                with contextlib.suppress(OSError, ValueError):
                    mm.madvise(advice)

    @classmethod
    def new(
        cls,
        root: Path,
        stem: str,
        columns: dict[str, tuple[str, tuple[int, ...]]],
        meta: dict,
        capacity: int = MIN_CAPACITY,
    ) -> Table:
        """An empty table with room for ``capacity`` rows (the rows a rebuild knows it
        will write: growing by doubling would copy them ~7 times on the way to 10^5)."""
        capacity = max(MIN_CAPACITY, capacity)
        table = cls(root, stem, columns, meta, 0, 0, capacity)
        table._create(0, capacity)
        return table


class _Lock:
    """An exclusive advisory lock on a file, released when the process ends."""

    def __init__(self, path: Path) -> None:
        self.fh = open(path, "a+b")  # noqa: SIM115 - held for the cache's lifetime
        try:
            if os.name == "nt":
                import msvcrt

                self.fh.seek(0)
                msvcrt.locking(self.fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.fh.close()
            raise

    def release(self) -> None:
        with contextlib.suppress(OSError):
            self.fh.close()


class FeatureCache:
    """The folder of tables and its manifest; the one process that writes it holds its lock."""

    def __init__(self, folder: Path | None) -> None:
        self.temporary = False
        self._lock: _Lock | None = None
        root = None
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self._lock = _Lock(folder / "lock")
                root = folder
            except OSError:  # another process writes it, or no room to write: go private
                root = None
        if root is None:
            root = Path(tempfile.mkdtemp(prefix="medialens-index-"))
            self.temporary = True
        self.root = root
        self.contents: Table | None = None
        self.tables: dict[str, Table] = {}  # "v:<extractor>.<name>" | "t:<extractor>"
        self.state: dict[str, Any] = {}
        self._garbage: list[Path] = []

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self.temporary:
            shutil.rmtree(self.root, ignore_errors=True)

    # -- open / reset -----------------------------------------------------------------
    def load(self) -> dict[str, Any] | None:
        """The manifest's state if every table checks out, else None (after clearing)."""
        try:
            data = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise CacheError("another format")
            contents = Table.from_json(self.root, data["contents"])
            tables = {k: Table.from_json(self.root, t) for k, t in data["tables"].items()}
            n = contents.rows
            for table in tables.values():
                codes = table.view("codes")
                if len(codes) and (int(codes.min()) < 0 or int(codes.max()) >= n):
                    raise CacheError(f"{table.stem}: codes out of range")
        except (OSError, ValueError, KeyError, TypeError, CacheError):
            self.reset()
            return None
        self.contents, self.tables, self.state = contents, tables, dict(data["state"])
        self._collect(keep={p for t in [contents, *tables.values()] for p in t.files()})
        return self.state

    def reset(self, width: int = 32, capacity: int = MIN_CAPACITY) -> None:
        """Forget everything on disk and start empty (room for ``capacity`` contents)."""
        self.contents, self.tables, self.state = None, {}, {}
        for path in self.root.iterdir():
            if path.name == "derived":
                shutil.rmtree(path, ignore_errors=True)
            elif path.name != "lock":
                with contextlib.suppress(OSError):
                    path.unlink()
        self.contents = Table.new(self.root, "contents", {"ids": (f"S{width}", ())}, {}, capacity)

    def _collect(self, keep: set[Path]) -> None:
        for path in self.root.iterdir():
            if path.name not in KEEP and path not in keep:
                self._garbage.append(path)
        self._sweep()

    def _sweep(self) -> None:
        left = []
        for path in self._garbage:
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError:  # still mapped (Windows): next time
                left.append(path)
        self._garbage = left

    def discard(self, paths: list[Path]) -> None:
        self._garbage += paths

    def publish(self, state: dict[str, Any]) -> None:
        """Write the manifest (after every table's rows are on disk): the commit point."""
        assert self.contents is not None
        for table in [self.contents, *self.tables.values()]:
            table.sync()  # the rows the manifest names are on disk before it is
        self.state = dict(state)
        data = {
            "format": FORMAT,
            "state": self.state,
            "contents": self.contents.to_json(),
            "tables": {k: t.to_json() for k, t in self.tables.items()},
        }
        tmp = self.root / (MANIFEST + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / MANIFEST)
        self._sweep()

    @property
    def width(self) -> int:
        assert self.contents is not None
        return int(self.contents.columns["ids"][0][1:])
