"""What the GUI asks of the library, in one place, with no Qt.

Every function here is called on a worker thread (never the GUI thread) and
takes a :class:`~medialens.core.db.Store` or a :class:`Services`. The GUI's
search, "For you", "More like this" and playback history go through the small
adapters below, so wiring a core module that lands later
(``medialens.core.search``, ``medialens.core.recommendations``,
``medialens.core.history``) is an edit to this file only. Until then each
adapter has a simple SQL fallback that is honest about why it shows a file.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from medialens.core.db import Store
from medialens.paths import DataDirs

log = logging.getLogger(__name__)

# Columns of a library row (a plain tuple: 100,000 of them load in one query).
(
    ID, CID, KIND, DURATION, TITLE, PATH, ARTIST, ALBUM, ADDED, AVAILABLE,
    FOLDER, LAST_PLAYED, POSITION, FINISHED, WIDTH, HEIGHT,
) = range(16)  # fmt: skip

PLAYBACK_KINDS = ("start", "progress", "pause", "seek", "stop", "complete")
FEEDBACK_KINDS = ("like", "dislike", "not_interested")
NEW_FOR_DAYS = 14
NEW_BADGE_DAYS = 7
# Why a file is shown: ("template {0}", arg, ...) translated by the GUI, or a plain string.
Reason = tuple | str
HISTORY_PAUSED = "history_paused"

_ROWS_SQL = """
WITH last AS (
    SELECT content_id, max(id) AS id FROM events
    WHERE kind IN ('start','progress','pause','seek','stop','complete','skip')
      AND content_id IS NOT NULL
    GROUP BY content_id
)
SELECT f.id, f.content_id, f.kind, f.duration, f.title, f.display_path,
       json_extract(f.metadata, '$.tags.artist'), json_extract(f.metadata, '$.tags.album'),
       f.added_at, f.available, d.display_path, e.at, e.position,
       e.kind IN ('complete', 'skip'),
       json_extract(f.metadata, '$.width'), json_extract(f.metadata, '$.height')
FROM files f
LEFT JOIN folders d ON d.id = f.folder_id
LEFT JOIN last ON last.content_id = f.content_id
LEFT JOIN events e ON e.id = last.id
WHERE f.status = 'media' {where}
"""


def _title(row: tuple) -> tuple:
    if row[TITLE]:
        return row
    name = os.path.splitext(os.path.basename(row[PATH]))[0]
    return (*row[:TITLE], name, *row[TITLE + 1 :])


def load_rows(store: Store, since: float | None = None) -> list[tuple]:
    """Every media file as a row tuple (or those changed since ``since``), in one query."""
    where, params = "", ()
    if since is not None:
        where, params = "AND f.changed_at > ?", (since,)
    conn = store.read_conn()
    return [_title(tuple(r)) for r in conn.execute(_ROWS_SQL.format(where=where), params)]


def load_rows_by_id(store: Store, ids: Iterable[int]) -> list[tuple]:
    ids = list(ids)
    out: list[tuple] = []
    conn = store.read_conn()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        sql = _ROWS_SQL.format(where=f"AND f.id IN ({','.join('?' * len(chunk))})")
        out += [_title(tuple(r)) for r in conn.execute(sql, chunk)]
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
    """Played at least a minute or 5 %, not to the end (the rule of ``core.history``)."""
    pos, dur = row[POSITION], row[DURATION] or 0
    if row[FINISHED] or not pos or (dur and pos >= 0.95 * dur):
        return False
    return pos >= 60.0 or bool(dur and pos >= 0.05 * dur)


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


@dataclass
class Services:
    """The GUI's handle on one library: a store at once, the full ``Library`` later.

    The store opens in milliseconds, so the window shows the library at once;
    the ``Library`` (which loads every plugin) is built on a worker thread
    after the window is up, and is ``None`` until then or if it cannot load.
    """

    dirs: DataDirs
    store: Store
    library: object | None = None
    library_error: str | None = None
    _vectors: dict = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # core search / similarity / recommendations keep caches: one caller at a time
    core_lock: threading.RLock = field(default_factory=threading.RLock)

    @property
    def lib_or_store(self):
        """What ``core.history`` and ``core.recommendations`` accept: the Library, else the store."""
        return self.library if self.library is not None else self.store

    @classmethod
    def open(cls, dirs: DataDirs) -> Services:
        dirs.create()
        return cls(dirs, Store(dirs.database))

    def close(self) -> None:
        lib = self.library
        if lib is not None:
            lib.close()
        self.store.close()


def open_library(services: Services, workers: int | None = None):
    """Build the full Library (imports every plugin): call on a worker thread."""
    from medialens.core.library import Library

    try:
        services.library = Library(services.dirs, workers=workers)
        services.library_error = None
    except Exception as exc:  # the app stays useful as a player and browser
        log.exception("the library could not load its plugins")
        services.library_error = f"{type(exc).__name__}: {exc}"
    return services.library


def _optional(module: str):
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


# -- folders ---------------------------------------------------------------------------


def folders(store: Store) -> list[dict]:
    rows = store.query(
        "SELECT f.id, f.display_path, f.available, f.last_scan, f.error, "
        "(SELECT count(*) FROM files WHERE folder_id = f.id AND status = 'media') AS files "
        "FROM folders f ORDER BY f.display_path"
    )
    return [dict(r) for r in rows]


# -- playback history ----------------------------------------------------------------------


def new_session() -> str:
    return uuid.uuid4().hex


def history_paused(store: Store) -> bool:
    return bool(store.setting(HISTORY_PAUSED, False))


def set_history_paused(store: Store, paused: bool) -> None:
    history = _optional("medialens.core.history")
    if history is not None and hasattr(history, "set_paused"):
        history.set_paused(store, paused)
    else:
        store.set_setting(HISTORY_PAUSED, bool(paused))


def record_event(
    store: Store,
    file_id: int,
    kind: str,
    position: float | None = None,
    duration: float | None = None,
    session: str | None = None,
) -> bool:
    """Store one playback or feedback event. Returns False when history is paused.

    Goes through ``medialens.core.history.record_event`` (which also updates the
    interest model); the SQL below is only a stand-in for when it is absent.
    """
    history = _optional("medialens.core.history")
    if history is not None and hasattr(history, "record_event"):
        return history.record_event(store, file_id, kind, position, duration, session)
    if kind in PLAYBACK_KINDS and history_paused(store):
        return False
    row = store.query_one("SELECT content_id, duration FROM files WHERE id = ?", (file_id,))
    if row is None:
        return False
    with store.write() as conn:
        conn.execute(
            "INSERT INTO events (file_id, content_id, kind, position, duration, at, session) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                file_id,
                row["content_id"],
                kind,
                position,
                duration if duration is not None else row["duration"],
                time.time(),
                session,
            ),
        )
    return True


def resume_position(store: Store, file_id: int) -> float:
    """Where the last playback of this content stopped (0 if it finished or never ran)."""
    history = _optional("medialens.core.history")
    if history is not None and hasattr(history, "resume_position"):
        return float(history.resume_position(store, file_id))
    row = store.query_one(
        "SELECT e.kind, e.position, f.duration FROM events e JOIN files f ON f.id = ? "
        "WHERE e.content_id = f.content_id AND e.kind IN "
        "('start','progress','pause','seek','stop','complete') ORDER BY e.at DESC, e.id DESC "
        "LIMIT 1",
        (file_id,),
    )
    if row is None or row["kind"] == "complete" or not row["position"]:
        return 0.0
    duration = row["duration"] or 0
    position = float(row["position"])
    if position < 5 or (duration and position > duration - 5):
        return 0.0
    return position


def feedback(store: Store, content_ids: Iterable[str]) -> dict[str, str]:
    """The latest like / dislike / not-interested for each content id."""
    ids = list(content_ids)
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for cid, kind in store.read_conn().execute(
            "SELECT content_id, kind FROM events "
            "WHERE kind IN ('like','dislike','not_interested') "
            f"AND content_id IN ({','.join('?' * len(chunk))}) ORDER BY at, id",
            chunk,
        ):
            out[cid] = kind
    return out


def export_history(store: Store, path: str | os.PathLike) -> int:
    history = _optional("medialens.core.history")
    if history is not None and hasattr(history, "export_history"):
        result = history.export_history(store, path)
        return int(result.get("events", 0)) if isinstance(result, dict) else 0
    rows = store.query(
        "SELECT e.kind, e.position, e.duration, e.at, e.session, e.content_id, f.display_path "
        "FROM events e LEFT JOIN files f ON f.id = e.file_id ORDER BY e.at, e.id"
    )
    data = [
        {
            "kind": r["kind"],
            "position": r["position"],
            "duration": r["duration"],
            "at": r["at"],
            "session": r["session"],
            "content_id": r["content_id"],
            "path": r["display_path"],
        }
        for r in rows
    ]
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return len(data)


def forget_history(store: Store) -> int:
    history = _optional("medialens.core.history")
    if history is not None and hasattr(history, "forget_history"):
        result = history.forget_history(store)
        return int(result.get("events", 0)) if isinstance(result, dict) else 0
    with store.write() as conn:
        return conn.execute("DELETE FROM events").rowcount


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
    fb = feedback(services.store, [cid]).get(cid)
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


# -- similarity ---------------------------------------------------------------------------


def _vector_matrix(services: Services, extractor: str, name: str):
    """One numpy matrix per (extractor, vector), reloaded when the count changes."""
    import numpy as np

    conn = services.store.read_conn()
    count = conn.execute(
        "SELECT count(*) FROM vectors WHERE extractor = ? AND name = ?", (extractor, name)
    ).fetchone()[0]
    key = (extractor, name)
    with services._lock:
        cached = services._vectors.get(key)
        if cached is not None and cached[0] == count:
            return cached[1], cached[2]
    cids, vecs = [], []
    for cid, dim, blob in conn.execute(
        "SELECT content_id, dim, vector FROM vectors WHERE extractor = ? AND name = ?",
        (extractor, name),
    ):
        v = np.frombuffer(blob, dtype=np.float32)
        if v.shape[0] == dim:
            cids.append(cid)
            vecs.append(v)
    if not vecs:
        return [], None
    m = np.vstack(vecs).astype(np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-9
    with services._lock:
        services._vectors[key] = (count, cids, m)
    return cids, m


def more_like_this(services: Services, file_id: int, limit: int = 12) -> list[tuple[int, Reason]]:
    """Files like this one, each with why: (file id, reason)."""
    recs = _optional("medialens.core.recommendations")
    if recs is not None and hasattr(recs, "more_like_this") and services.library is not None:
        try:  # wired when the recommendation core lands
            return [
                (int(r.file_id), str(r.why))
                for r in recs.more_like_this(services.library, file_id, limit)
            ]
        except Exception:
            log.exception("core more_like_this failed; using the GUI fallback")
    conn = services.store.read_conn()
    row = conn.execute(
        "SELECT content_id, kind, folder_id, json_extract(metadata, '$.tags.artist') "
        "FROM files WHERE id = ?",
        (file_id,),
    ).fetchone()
    if row is None:
        return []
    cid, kind, folder_id, artist = row
    scores: dict[str, tuple[float, Reason]] = {}
    for extractor, name, modality in conn.execute(
        "SELECT extractor, name, modality FROM vectors WHERE content_id = ?", (cid,)
    ).fetchall():
        cids, m = _vector_matrix(services, extractor, name)
        if m is None or cid not in cids:
            continue
        sims = m @ m[cids.index(cid)]
        for i in sims.argsort()[::-1][: limit * 3]:
            other = cids[i]
            if other == cid:
                continue
            s = float(sims[i])
            if other not in scores or s > scores[other][0]:
                scores[other] = (s, ("similar {0} ({1})", modality, f"{s:.0%}"))
    by_cid = {
        r[0]: (r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT content_id, id, folder_id, json_extract(metadata, '$.tags.artist') FROM files "
            "WHERE status = 'media' AND available = 1 AND kind = ?",
            (kind,),
        )
    }
    out = [
        (by_cid[c][0], why)
        for c, (s, why) in sorted(scores.items(), key=lambda kv: -kv[1][0])
        if c in by_cid
    ]
    if len(out) < limit:
        seen = {i for i, _ in out} | {file_id}
        for fid, fold, art in by_cid.values():
            if fid in seen:
                continue
            if artist and art == artist:
                out.append((fid, ("also by {0}", artist)))
            elif fold == folder_id and len(out) < limit:
                out.append((fid, ("from the same folder",)))
            seen.add(fid)
            if len(out) >= limit * 2:
                break
        out.sort(key=lambda x: x[1][0] not in ("similar {0} ({1})", "also by {0}"))
    return out[:limit]


# -- search ------------------------------------------------------------------------------------


def search(services: Services, query: str, limit: int = 200) -> list[tuple[int, Reason]]:
    """Files matching ``query``, best first, each with why it matched."""
    query = query.strip()
    if not query:
        return []
    lib = services.library
    if lib is not None and hasattr(lib, "search"):
        try:
            with services.core_lock:
                hits = lib.search(query, limit)
            return [
                (int(h.file_id), "; ".join(h.why) if isinstance(h.why, list) else str(h.why))
                for h in hits
            ]
        except Exception:
            log.exception("core search failed; using the keyword fallback")
    return _keyword_search(services.store, query, limit)


def _keyword_search(store: Store, query: str, limit: int) -> list[tuple[int, Reason]]:
    conn = store.read_conn()
    like = f"%{query.lower()}%"
    scores: dict[int, tuple[float, Reason]] = {}

    def add(fid: int, score: float, why: str) -> None:
        if fid not in scores or score > scores[fid][0]:
            scores[fid] = (score, why)

    for fid, title, path, artist, album in conn.execute(
        "SELECT id, title, display_path, json_extract(metadata,'$.tags.artist'), "
        "json_extract(metadata,'$.tags.album') FROM files WHERE status='media' AND ("
        "lower(coalesce(title,'')) LIKE ? OR lower(display_path) LIKE ? OR "
        "lower(coalesce(json_extract(metadata,'$.tags.artist'),'')) LIKE ? OR "
        "lower(coalesce(json_extract(metadata,'$.tags.album'),'')) LIKE ?) LIMIT ?",
        (like, like, like, like, limit),
    ):
        q = query.lower()
        if title and q in title.lower():
            add(fid, 3.0, ("title: “{0}”", title))
        elif artist and q in artist.lower():
            add(fid, 2.5, ("artist: {0}", artist))
        elif album and q in album.lower():
            add(fid, 2.2, ("album: {0}", album))
        elif q in os.path.basename(path).lower():
            add(fid, 2.0, ("file name: {0}", os.path.basename(path)))
        else:
            add(fid, 1.0, ("folder: {0}", os.path.dirname(path)))
    # Tags (labels, genres, moods) with their scores.
    for cid, extractor, raw in conn.execute(
        "SELECT content_id, extractor, tags FROM features WHERE lower(tags) LIKE ?", (like,)
    ):
        best = max(
            ((t, s) for t, s in json.loads(raw).items() if query.lower() in t.lower()),
            key=lambda ts: ts[1],
            default=None,
        )
        if best is None:
            continue
        for (fid,) in conn.execute(
            "SELECT id FROM files WHERE content_id = ? AND status='media'", (cid,)
        ):
            add(fid, 1.0 + best[1], ("{0}: {1} ({2})", extractor, best[0], f"{best[1]:.2f}"))
    # Text (transcripts, descriptions) through the full-text index.
    try:
        terms = " ".join(f'"{w}"' for w in query.replace('"', " ").split())
        for cid, extractor, snip in conn.execute(
            "SELECT content_id, extractor, snippet(text_index, 2, '', '', '…', 8) FROM text_index "
            "WHERE text_index MATCH ? LIMIT ?",
            (terms, limit),
        ):
            for (fid,) in conn.execute(
                "SELECT id FROM files WHERE content_id = ? AND status='media'", (cid,)
            ):
                add(fid, 1.5, ("{0}: “{1}”", extractor, snip))
    except sqlite3.OperationalError:
        pass
    ranked = sorted(scores.items(), key=lambda kv: -kv[1][0])
    return [(fid, why) for fid, (_, why) in ranked[:limit]]


# -- For you ---------------------------------------------------------------------------------


@dataclass
class Shelf:
    """One row of the For you page: a key, its title and (file id, reason) cards.

    A reason is a ``(template, *args)`` tuple the GUI translates, or a plain string.
    """

    key: str
    title: str
    cards: list[tuple[int, Reason]]
    arg: str = ""  # e.g. the title in "Because you played X"


def for_you(services: Services, per_row: int = 20) -> list[Shelf]:
    """The For you shelves, each card with the reason it is there.

    Reasons are ``(template, *args)`` tuples (the GUI translates the English
    template, then fills it in) or plain strings from a core module.

    ``medialens.core.recommendations.shelves`` when it is installed; otherwise a stand-in:
    unfinished files, recent additions, files like the last one played and a
    mix favouring liked artists and folders; dislikes and "not interested" are
    left out everywhere.
    """
    recs = _optional("medialens.core.recommendations")
    if recs is not None and hasattr(recs, "shelves") and services.library is not None:
        try:  # wired when the recommendation core lands
            return [
                Shelf(
                    s.key,
                    s.title,
                    [(int(c.file_id), str(c.why)) for c in s.cards],
                    getattr(s, "arg", ""),
                )
                for s in recs.shelves(services.library, per_row=per_row)
            ]
        except Exception:
            log.exception("core recommendations failed; using the GUI fallback")
    store = services.store
    conn = store.read_conn()
    now = time.time()
    rows = load_rows(store)
    by_id = {r[ID]: r for r in rows}
    fb = feedback(store, {r[CID] for r in rows if r[CID]})
    hidden = {cid for cid, k in fb.items() if k in ("dislike", "not_interested")}
    live = [r for r in rows if r[AVAILABLE] and r[CID] not in hidden]
    shelves: list[Shelf] = []

    cont = sorted((r for r in live if is_unfinished(r)), key=lambda r: -(r[LAST_PLAYED] or 0))
    if cont:
        shelves.append(
            Shelf(
                "continue",
                "Continue watching",
                [
                    (r[ID], ("resume at {0} of {1}", fmt_time(r[POSITION]), fmt_time(r[DURATION])))
                    for r in cont
                ][:per_row],
            )
        )

    fresh = sorted((r for r in live if is_new(r, now)), key=lambda r: -(r[ADDED] or 0))
    if fresh:
        shelves.append(
            Shelf(
                "new", "New for you", [(r[ID], ago_reason(r[ADDED], now)) for r in fresh][:per_row]
            )
        )

    last = conn.execute(
        "SELECT e.file_id FROM events e JOIN files f ON f.id = e.file_id "
        "WHERE e.kind = 'start' ORDER BY e.at DESC LIMIT 1"
    ).fetchone()
    if last is not None and last[0] in by_id:
        like = [
            (fid, why)
            for fid, why in more_like_this(services, last[0], per_row)
            if fid in by_id and by_id[fid][CID] not in hidden
        ]
        if like:
            shelves.append(Shelf("because", "Because you played {0}", like, by_id[last[0]][TITLE]))

    liked = {cid for cid, k in fb.items() if k == "like"}
    liked_artists = {r[ARTIST] for r in rows if r[CID] in liked and r[ARTIST]}
    liked_folders = {r[FOLDER] for r in rows if r[CID] in liked}
    played_folders: dict[str, int] = {}
    for r in rows:
        if r[LAST_PLAYED]:
            played_folders[r[FOLDER]] = played_folders.get(r[FOLDER], 0) + 1
    shown = {fid for s in shelves[:1] for fid, _ in s.cards}
    scored = []
    for r in live:
        if r[ID] in shown or r[CID] in liked:
            continue
        if r[ARTIST] and r[ARTIST] in liked_artists:
            scored.append((3.0, r, ("by {0}, whom you like", r[ARTIST])))
        elif r[FOLDER] in liked_folders:
            scored.append(
                (2.0, r, ("from {0}, which has files you like", os.path.basename(r[FOLDER] or "")))
            )
        elif played_folders.get(r[FOLDER]):
            scored.append(
                (
                    1.0 + min(played_folders[r[FOLDER]], 10) / 10,
                    r,
                    ("from {0}, which you play often", os.path.basename(r[FOLDER] or "")),
                )
            )
        elif not r[LAST_PLAYED]:
            scored.append((0.5, r, ("not played yet",)))
    scored.sort(key=lambda x: (-x[0], -(x[1][ADDED] or 0)))
    if scored:
        shelves.insert(
            0, Shelf("for_you", "For you", [(r[ID], why) for _, r, why in scored[:per_row]])
        )
    return shelves


# -- formatting (no Qt; the GUI translates the words around these) -----------------------------


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def ago_reason(at: float | None, now: float | None = None) -> tuple:
    days = int(((now or time.time()) - (at or 0)) // 86400)
    if days <= 0:
        return ("added today",)
    if days == 1:
        return ("added yesterday",)
    return ("added {0} days ago", days)


# -- plugins -------------------------------------------------------------------------------------


def plugin_rows(services: Services) -> list[dict]:
    """Every plugin with what it produces and how many files it processed."""
    lib = services.library
    if lib is None:
        return []
    conn = services.store.read_conn()
    saved = {
        r[0]: (r[1], r[2]) for r in conn.execute("SELECT name, disabled, malfunction FROM plugins")
    }
    out = []
    for record in lib.host.records.values():
        info = record.as_json()
        disabled, malfunction = saved.get(record.name, (0, None))
        if info["status"] == "active" and malfunction:  # marked by the indexer process
            info["status"], info["error"] = "malfunctioned", malfunction
        names = [e["name"] for e in info["extractors"]]
        done = failed = 0
        for name in names:
            done += conn.execute(
                "SELECT count(*) FROM features WHERE extractor = ?", (name,)
            ).fetchone()[0]
            failed += conn.execute(
                "SELECT count(*) FROM failures WHERE extractor = ?", (name,)
            ).fetchone()[0]
        info["processed"] = done
        info["failed"] = failed
        out.append(info)
    return out


def force_rerun(services: Services, plugin: str) -> int:
    """Forget what this plugin's extractors stored, so the pipeline redoes every file."""
    lib = services.library
    if lib is None:
        return 0
    record = lib.host.records[plugin]
    names = [e.name for e in record.extractors]
    n = 0
    with services.store.write() as conn:
        for name in names:
            n += conn.execute("DELETE FROM features WHERE extractor = ?", (name,)).rowcount
            conn.execute("DELETE FROM vectors WHERE extractor = ?", (name,))
            conn.execute("DELETE FROM failures WHERE extractor = ?", (name,))
            conn.execute("DELETE FROM text_index WHERE extractor = ?", (name,))
    return n


def failures(store: Store) -> list[dict]:
    conn = store.read_conn()
    out = [
        {"file_id": r[0], "path": r[1], "extractor": "probe", "error": r[2], "content_id": None}
        for r in conn.execute(
            "SELECT id, display_path, error FROM files WHERE status = 'invalid' AND available = 1 "
            "ORDER BY display_path"
        )
    ]
    out += [
        {"file_id": r[0], "path": r[1], "extractor": r[2], "error": r[3], "content_id": r[4]}
        for r in conn.execute(
            "SELECT f.id, f.display_path, x.extractor, x.error, x.content_id FROM failures x "
            "JOIN files f ON f.content_id = x.content_id WHERE f.available = 1 "
            "AND f.status = 'media' GROUP BY x.content_id, x.extractor ORDER BY f.display_path"
        )
    ]
    return out


def retry_failure(store: Store, content_id: str | None, extractor: str | None) -> int:
    """Forget one failure (or all of them when both are None) so the next plan retries it."""
    with store.write() as conn:
        return conn.execute(
            "DELETE FROM failures WHERE (? IS NULL OR content_id = ?) AND (? IS NULL OR extractor = ?)",
            (content_id, content_id, extractor, extractor),
        ).rowcount
