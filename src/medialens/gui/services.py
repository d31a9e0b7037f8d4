"""What the GUI asks of the library, in one place, with no Qt.

Every function here runs on a worker thread, never the GUI thread. The GUI runs
no SQL: the fast reads that fill its views (every file as one
:class:`~medialens.core.catalog.LibraryRow`, a change fingerprint, the details
pane) are :class:`~medialens.core.catalog.Catalog` calls, and everything else
(history, search, recommendations, folders, failures) is a call into
``medialens.core``, with no second path. Work that needs the
:class:`~medialens.core.library.Library` waits for it: it is built on a worker
after the window shows, and :attr:`Services.library_ready` resolves when it is.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from medialens.core.catalog import Catalog, LibraryRow
from medialens.paths import DataDirs

if TYPE_CHECKING:
    from medialens.core.library import Library

log = logging.getLogger(__name__)

# Positions of LibraryRow's fields, for code that still indexes rows (the player page).
(
    ID, CID, KIND, DURATION, TITLE, PATH, ARTIST, ALBUM, ADDED, AVAILABLE,
    FOLDER, LAST_PLAYED, POSITION, UNFINISHED, WIDTH, HEIGHT,
    CATEGORY, ALBUM_ARTIST, TRACK, DISC, YEAR, GENRE,
) = range(len(LibraryRow._fields))  # fmt: skip

NEW_BADGE_DAYS = 7


def is_unfinished(row: LibraryRow) -> bool:
    """Left part-way through, as ``core.events.is_unfinished`` decides."""
    return bool(row.unfinished)


def is_new(row: LibraryRow, now: float | None = None, birth: float | None = None) -> bool:
    """Added recently and never played; files of the library's first scan are not "new"."""
    now = now or time.time()
    added = row.added_at or 0
    if birth is not None and added < birth + 3600:
        return False
    return row.last_played is None and now - added < NEW_BADGE_DAYS * 86400


# -- services ---------------------------------------------------------------------------


class LibraryUnavailable(RuntimeError):
    """The Library could not be built (its plugins failed to load); the message says why."""


def fault_event(exc: BaseException, path) -> tuple[str, str, str] | None:
    """``(kind, path, sentence)`` when ``exc`` is a fault of the library database, else None.

    ``kind`` is the name of the :mod:`medialens.store.faults` class (``DiskFull``,
    ``DatabaseGone``...): plain strings cross the indexer's pipe and let the window word the
    fault in the user's language, with the core's own sentence kept for the details.
    """
    from medialens.core.faults import fault_of

    fault = fault_of(exc, path)
    if fault is None:
        return None
    where = getattr(fault, "path", None) or path
    return type(fault).__name__, str(where), str(fault)


@dataclass
class Services:
    """The GUI's handle on one library: a store at once, the full ``Library`` later.

    The store opens in milliseconds, so the window shows the library at once;
    the ``Library`` (which loads every plugin) is built on a worker thread
    after the window is up. Until then ``library`` is ``None`` and whatever
    needs it waits on ``library_ready``, a future resolved by
    :func:`open_library`; the bridge runs such work when it resolves.
    """

    dirs: DataDirs
    catalog: Catalog
    library: Library | None = None
    library_error: str | None = None
    #: ``(kind, path, sentence)`` when the Library failed on a database fault (see fault_event)
    library_fault: tuple[str, str, str] | None = None
    library_ready: Future = field(default_factory=Future)

    @property
    def store(self):
        """The catalog's store, for settings (``setting``/``set_setting``): no SQL here."""
        return self.catalog.store

    @classmethod
    def open(cls, dirs: DataDirs) -> Services:
        return cls(dirs, Catalog.open(dirs))

    def close(self) -> None:
        if not self.library_ready.done():
            self.library_ready.set_exception(LibraryUnavailable("the app is closing"))
        lib = self.library
        if lib is not None:
            lib.close()
        self.store.close()


def open_library(services: Services, workers: int | None = None) -> Library | None:
    """Build the full Library (imports every plugin) and resolve ``library_ready``.

    Call once, on a worker thread.
    """
    from medialens.core.library import Library

    if services.library_ready.done():
        return services.library
    try:
        lib = Library(services.dirs, workers=workers)
    except Exception as exc:  # the app stays useful as a player and browser
        services.library_fault = fault_event(exc, services.dirs.database)
        if services.library_fault is None:
            log.exception("the library could not load its plugins")
        services.library_error = f"{type(exc).__name__}: {exc}"
        services.library_ready.set_exception(LibraryUnavailable(services.library_error))
        return None
    services.library, services.library_error = lib, None
    services.library_ready.set_result(lib)
    return lib


# -- formatting (no Qt; the GUI translates the words around these) -----------------------------


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# -- plugins and failures ------------------------------------------------------------------


# data keys whose meaning the app knows (thumbnails are files, declared by no output)
KNOWN_DATA = ("thumbnail",)


def _produced(output: object) -> dict:
    """One declared output as plain data the plugins page words itself."""
    kind = type(output).__name__.removesuffix("Output").lower()
    out: dict = {"kind": kind}
    if hasattr(output, "dim"):
        out.update(name=output.name, dim=output.dim, modality=output.modality)
    if hasattr(output, "meaning"):
        out["meaning"] = output.meaning
    if kind == "tags":
        vocabulary = list(getattr(output, "vocabulary", ()) or ())
        out["count"] = len(vocabulary)
        out["examples"] = vocabulary[:6]  # a few, for the plugins page to show in words
    if kind == "scalars":
        out["names"] = list(getattr(output, "names", ()) or ())
    return out


def plugin_rows(lib: Library) -> list[dict]:
    """Every plugin with what it produces and how many files it processed."""
    counts = lib.extractor_counts()  # not status(): its pending counts walk every file
    lib.host.reload_state()  # the indexer runs in another process and may have marked some
    lib.host.text_embedder()  # so each record says whether its embedder is the one used
    out = []
    for record in lib.host.records.values():
        info = record.as_json()
        names = [e["name"] for e in info["extractors"]]
        info["processed"] = sum(counts.get(n, {}).get("done", 0) for n in names)
        info["failed"] = sum(counts.get(n, {}).get("failed", 0) for n in names)
        for described, extractor in zip(info["extractors"], record.extractors, strict=False):
            described["produces"] = [_produced(o) for o in extractor.outputs]
            described["data"] = lib.catalog.stored_data_keys(extractor.name, KNOWN_DATA)
        out.append(info)
    return out
