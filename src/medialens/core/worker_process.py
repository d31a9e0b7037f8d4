"""The child side of isolated extraction: a process that loads the plugins and runs
extractors on one file at a time, for the parent that stores what they return.

Plugin code can call ``os._exit``, crash the interpreter, spin or allocate without
bound; none of that can be stopped inside the process that runs it. So it runs here,
in a process the parent (:mod:`medialens.core.isolation`) can kill, and this module holds
nothing the library needs to keep: it never writes to the database, its results go back
over a pipe, and if it dies only the call in flight is lost.

The child is a fresh interpreter (``python -m medialens.core.worker_process``), never
a copy of the parent: the parent may be a GUI with threads of its own, and a fresh
interpreter does not re-run the parent's main script the way ``multiprocessing``'s spawn
does. Messages are pickled frames (:class:`Channel`) over the child's stdin and its
original stdout; what plugins print goes to stderr.

The protocol, one message at a time:

- parent → child: ``("open", MediaFile)``, ``("run", name)``, ``("close",)``,
  ``("quit",)``;
- child → parent: ``("ready", pid)`` once the plugins are loaded (``("unable", why)``
  when it cannot start), then for each ``run``
  ``("ok", ExtractionResult)``, ``("error", "Type: message")`` or ``("cancelled",)``.

The file is decoded once per ``open`` for every extractor ``run`` on it (the same
:class:`~medialens.core.decoding.FileContext` the in-process path uses). The results an
extractor requires are read from the library's database (read-only): the parent stores
each result before it asks for the next extractor.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import signal
import struct
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

__all__ = ["Channel", "WorkerConfig", "describe", "serve"]

log = logging.getLogger(__name__)

PARENT_POLL_SECONDS = 1.0  # how often an orphaned worker notices its parent is gone


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker needs to load the same plugins as the library that started it."""

    database: Path
    cache_dir: Path
    entry_points: bool = True
    builtins: bool = True
    skip: frozenset[str] = field(default_factory=frozenset)
    """Plugins the parent did not load (they hung when loaded): loading them here would
    hang the worker too."""


class Channel:
    """Length-prefixed pickles over a pair of binary pipes."""

    _HEADER = struct.Struct(">Q")

    def __init__(self, reader: IO[bytes], writer: IO[bytes]) -> None:
        self._reader = reader
        self._writer = writer
        self._send_lock = threading.Lock()

    def send(self, message: object) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        with self._send_lock:
            self._writer.write(self._HEADER.pack(len(data)) + data)
            self._writer.flush()

    def recv(self) -> Any:
        """The next message; EOFError when the other side is gone."""
        header = self._reader.read(self._HEADER.size)
        if len(header) < self._HEADER.size:
            raise EOFError
        (size,) = self._HEADER.unpack(header)
        data = self._reader.read(size)
        if len(data) < size:
            raise EOFError
        return pickle.loads(data)

    def close(self) -> None:
        for stream in (self._writer, self._reader):
            with contextlib.suppress(OSError):
                stream.close()


def _die_with_parent(parent: int) -> None:
    """Exit when the parent is gone: a killed ``medialens index`` leaves no workers.

    The kernel's death signal fires when the *thread* that started the child ends; the
    pipeline's worker threads outlive the pool's children (the pool closes before they
    stop), and the poll below covers the rest."""
    if sys.platform.startswith("linux"):
        try:  # the kernel kills us with the parent (PR_SET_PDEATHSIG = 1)
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="medialens-worker-parent", daemon=True).start()


def _give_back_memory() -> None:
    """Return the freed heap to the system after a file (glibc keeps it otherwise): the
    decoded audio, the frames and a model's activations of one file are gone, and the
    process's resident memory shrinks to what its models hold."""
    global _trim
    if _trim is None:
        try:
            import ctypes  # noqa: PLC0415

            _trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _trim = False
    if _trim:
        _trim(0)


_trim: Any = None


def describe(exc: BaseException) -> str:
    """A failure's text: \"Type: message\" (what the user reads on a failure row)."""
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"


def main() -> None:
    """The child's entry point: the channel is stdin and the original stdout."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    reader = os.fdopen(os.dup(0), "rb")
    writer = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)  # what plugins print goes to stderr, never into the protocol
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    conn = Channel(reader, writer)
    config, parent = conn.recv()
    _die_with_parent(parent)
    serve(conn, config)


def serve(conn: Channel, config: WorkerConfig) -> None:
    """The worker's main loop."""

    from medialens.api import ExtractionCancelled, ExtractionResult, Extractor
    from medialens.core.decoding import FileContext
    from medialens.core.features import load_result
    from medialens.core.plugins import PluginHost
    from medialens.store import Store

    try:
        store = Store(config.database, readonly=True)
        host = PluginHost(
            store, entry_points=config.entry_points, builtins=config.builtins, skip=config.skip
        )
    except Exception as exc:  # noqa: BLE001 - the database gone, a plugin failing at import
        conn.send(("unable", describe(exc)))  # the parent says it once, in its words
        return
    extractors: dict[str, Extractor] = {}
    for extractor in host.all_extractors():
        extractors.setdefault(extractor.name, extractor)
    conn.send(("ready", os.getpid()))

    ctx: FileContext | None = None
    known: dict[str, ExtractionResult | None] = {}
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break
        kind = message[0]
        if kind == "quit":
            break
        if kind == "open":
            if ctx is not None:
                ctx.close()
            known = {}
            media = message[1]

            def results(
                name: str, content_id: str = media.content_id, seen: dict = known
            ) -> ExtractionResult | None:
                if name not in seen:  # stored (validated) by the parent before this call
                    seen[name] = load_result(store, content_id, name)
                return seen[name]

            ctx = FileContext(media, config.cache_dir, results)
        elif kind == "close":
            if ctx is not None:
                ctx.close()
            ctx, known = None, {}
            gc.collect()
            _give_back_memory()
        elif kind == "run":
            name = message[1]
            found = extractors.get(name)
            if ctx is None or found is None:
                conn.send(("error", f"extractor {name!r} is not loaded in the worker process"))
                continue
            try:
                result = host.run_extractor(found, ctx)
            except ExtractionCancelled:
                conn.send(("cancelled",))
                continue
            except BaseException as exc:  # noqa: BLE001 - plugin code may raise anything
                conn.send(("error", describe(exc)))
                continue
            try:
                conn.send(("ok", result))
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                conn.send(("error", f"its result could not be handed back: {describe(exc)}"))
    if ctx is not None:
        ctx.close()
    store.close()


if __name__ == "__main__":
    main()
