"""What the GUI asks of the library, in one place, with no Qt.

Every function here runs on a worker thread, never the GUI thread. The GUI's
own queries are only the fast reads that fill its views (every file as one row
tuple, a change fingerprint, the details pane); everything else (history,
search, recommendations, folders, failures) is a call into ``medialens.core``,
with no second path. Work that needs the :class:`~medialens.core.library.Library`
waits for it: it is built on a worker after the window shows, and
:attr:`Services.library_ready` resolves when it is.
"""

from __future__ import annotations

import json
import logging
import os
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from medialens.core.db import Store
from medialens.paths import DataDirs

if TYPE_CHECKING:
    from medialens.core.library import Library

log = logging.getLogger(__name__)

# Columns of a library row (a plain tuple: 100,000 of them load in one query).
(
    ID, CID, KIND, DURATION, TITLE, PATH, ARTIST, ALBUM, ADDED, AVAILABLE,
    FOLDER, LAST_PLAYED, POSITION, UNFINISHED, WIDTH, HEIGHT,
) = range(16)  # fmt: skip

NEW_BADGE_DAYS = 7
# Why a file is shown: a core sentence (parts joined by "; ") or a ("template {0}", arg) tuple.
Reason = tuple | str

_ROWS_SQL = """
SELECT f.id, f.content_id, f.kind, f.duration, f.title, f.display_path,
       json_extract(f.metadata, '$.tags.artist'), json_extract(f.metadata, '$.tags.album'),
       f.added_at, f.available, d.display_path,
       json_extract(f.metadata, '$.width'), json_extract(f.metadata, '$.height')
FROM files f
LEFT JOIN folders d ON d.id = f.folder_id
WHERE f.status = 'media'
"""


def load_rows(store: Store) -> list[tuple]:
    """Every media file as a row tuple, in one query; when and how far it was played from
    ``core.history``."""
    from medialens.core import history

    played = history.played_at(store)
    unfinished = {u["content_id"]: u["position"] for u in history.unfinished(store)}
    out = []
    for r in store.read_conn().execute(_ROWS_SQL):
        fid, cid, kind, dur, title, path, artist, album, added, avail, folder, w, h = r
        if not title:
            title = os.path.splitext(os.path.basename(path))[0]
        position = unfinished.get(cid)
        out.append(
            (fid, cid, kind, dur, title, path, artist, album, added, avail, folder,
             played.get(cid), position, position is not None, w, h)
        )  # fmt: skip
    return out


def signature(store: Store) -> tuple:
    """Cheap fingerprint of what the library view shows: poll it to notice changes."""
    conn = store.read_conn()
    files = conn.execute(
        "SELECT count(*), sum(available), max(changed_at) FROM files WHERE status = 'media'"
    ).fetchone()
    events = conn.execute("SELECT max(id) FROM events").fetchone()
    return (*tuple(files), events[0])


def is_unfinished(row: tuple) -> bool:
    """Left part-way through, as ``core.history.unfinished`` decides."""
    return bool(row[UNFINISHED])


def is_new(row: tuple, now: float | None = None, birth: float | None = None) -> bool:
    """Added recently and never played; files of the library's first scan are not "new"."""
    now = now or time.time()
    added = row[ADDED] or 0
    if birth is not None and added < birth + 3600:
        return False
    return row[LAST_PLAYED] is None and now - added < NEW_BADGE_DAYS * 86400


def library_birth(rows: list[tuple]) -> float | None:
    return min((r[ADDED] for r in rows if r[ADDED]), default=None)


# -- services ---------------------------------------------------------------------------


class LibraryUnavailable(RuntimeError):
    """The Library could not be built (its plugins failed to load); the message says why."""


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
    store: Store
    library: Library | None = None
    library_error: str | None = None
    library_ready: Future = field(default_factory=Future)

    @classmethod
    def open(cls, dirs: DataDirs) -> Services:
        dirs.create()
        return cls(dirs, Store(dirs.database))

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
        log.exception("the library could not load its plugins")
        services.library_error = f"{type(exc).__name__}: {exc}"
        services.library_ready.set_exception(LibraryUnavailable(services.library_error))
        return None
    services.library, services.library_error = lib, None
    services.library_ready.set_result(lib)
    return lib


# -- details --------------------------------------------------------------------------------


def details(services: Services, file_id: int) -> dict | None:
    """Everything the details pane shows about one file."""
    conn = services.store.read_conn()
    row = conn.execute("SELECT * FROM files WHERE id = ?", (file_id,)).fetchone()
    if row is None:
        return None
    cid = row["content_id"]
    tags: dict[str, tuple[float, str]] = {}
    extractors = []
    for name, version, seconds, raw_tags in conn.execute(
        "SELECT extractor, version, seconds, tags FROM features WHERE content_id = ? "
        "ORDER BY extractor",
        (cid,),
    ):
        extractors.append({"name": name, "version": version, "seconds": seconds, "ok": True})
        for tag, score in (json.loads(raw_tags) if raw_tags else {}).items():
            if tag not in tags or score > tags[tag][0]:
                tags[tag] = (float(score), name)
    for name, version, error in conn.execute(
        "SELECT extractor, version, error FROM failures WHERE content_id = ? ORDER BY extractor",
        (cid,),
    ):
        extractors.append({"name": name, "version": version, "error": error, "ok": False})
    plays = conn.execute(
        "SELECT count(DISTINCT session) FROM events WHERE content_id = ? AND kind = 'start'",
        (cid,),
    ).fetchone()[0]
    from medialens.core import history

    fb = history.feedback(services.store).get(cid)
    meta = json.loads(row["metadata"] or "{}")
    return {
        "id": row["id"],
        "content_id": cid,
        "path": row["display_path"],
        "kind": row["kind"],
        "duration": row["duration"],
        "title": row["title"] or os.path.splitext(os.path.basename(row["display_path"]))[0],
        "available": bool(row["available"]),
        "added_at": row["added_at"],
        "metadata": meta,
        "tags": sorted(((t, s, e) for t, (s, e) in tags.items()), key=lambda x: -x[1])[:24],
        "extractors": extractors,
        "plays": plays,
        "feedback": fb,
        "thumbnail": str(services.dirs.thumbnails / f"{cid}.jpg"),
    }


# -- formatting (no Qt; the GUI translates the words around these) -----------------------------


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# -- plugins and failures ------------------------------------------------------------------


# data keys whose meaning the app knows, for extractors that declare no outputs
KNOWN_DATA = ("thumbnail", "phash")


def _produced(output: object) -> dict:
    """One declared output as plain data the plugins page words itself."""
    kind = type(output).__name__.removesuffix("Output").lower()
    out: dict = {"kind": kind}
    if hasattr(output, "dim"):
        out.update(name=output.name, dim=output.dim, modality=output.modality)
    if kind == "tags":
        out["count"] = len(getattr(output, "vocabulary", ()) or ())
    if kind == "scalars":
        out["names"] = list(getattr(output, "names", ()) or ())
    return out


def _stored_data(lib: Library, extractor: str, sample: int = 50) -> list[str]:
    """The known ``data`` keys an extractor filled in on some of its files."""
    seen: set[str] = set()
    for (data,) in lib.store.read_conn().execute(
        "SELECT data FROM features WHERE extractor = ? AND data IS NOT NULL LIMIT ?",
        (extractor, sample),
    ):
        try:
            values = json.loads(data)
        except ValueError:
            continue
        if isinstance(values, dict):
            seen.update(k for k in KNOWN_DATA if values.get(k))
    return [k for k in KNOWN_DATA if k in seen]


def plugin_rows(lib: Library) -> list[dict]:
    """Every plugin with what it produces and how many files it processed."""
    counts = lib.status()["extractors"]
    lib.host.reload_state()  # the indexer runs in another process and may have marked some
    out = []
    for record in lib.host.records.values():
        info = record.as_json()
        names = [e["name"] for e in info["extractors"]]
        info["processed"] = sum(counts.get(n, {}).get("done", 0) for n in names)
        info["failed"] = sum(counts.get(n, {}).get("failed", 0) for n in names)
        for described, extractor in zip(info["extractors"], record.extractors, strict=False):
            described["produces"] = [_produced(o) for o in extractor.outputs]
            described["data"] = [] if extractor.outputs else _stored_data(lib, extractor.name)
        out.append(info)
    return out
