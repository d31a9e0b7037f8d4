"""Playback history and the interest model it feeds.

Every play, pause, seek, stop and every like or dislike becomes one row of ``events``,
keyed by the file's content id too, so history follows a file across moves and survives
its folder being removed. Events within 30 minutes of each other share a session.

Each finished play (stop, complete, skip) and each explicit word (like, dislike, not
interested) becomes one signal in [-1, 1] (:func:`medialens.recommend.play_signal`) and
one observation of the person's :class:`~medialens.recommend.InterestModel`.

The events are the truth; the model is a cache of them. Its state is saved in
``model_state`` with the id of the last event it has seen, and whoever loads it replays
the events after that id. So an update costs one ``observe`` (well under a millisecond),
the state is written at most every few seconds (serialising it costs 10-70 ms), a crash or
another process (the CLI beside the GUI) loses nothing, and when the vectors change shape
(a new extractor) the model is rebuilt from the events.

Pausing history records nothing at all; forgetting wipes the events and the model, and
recommendations fall back to a tour of the library.
"""

from __future__ import annotations

import base64
import bisect
import json
import os
import sqlite3
import threading
import time
import uuid
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from medialens.store import Store
from medialens.core.library import LibraryError
from medialens.core.scanner import fs_bytes
from medialens.recommend import FORMAT_VERSION, InterestModel, play_signal

if TYPE_CHECKING:
    from medialens.core.recommendations import ItemVectors

PLAYBACK_KINDS = ("start", "progress", "pause", "seek", "stop", "complete")
FEEDBACK_KINDS = ("like", "dislike", "not_interested")
#: Everything :func:`record_event` accepts; ``skip`` is an early stop.
KINDS = PLAYBACK_KINDS + FEEDBACK_KINDS + ("skip",)
#: Events that end a play and so produce a signal.
FINISHING_KINDS = ("stop", "complete", "skip")
_SIGNAL_KINDS = FINISHING_KINDS + FEEDBACK_KINDS
_PLAY_KINDS = PLAYBACK_KINDS + ("skip",)

SESSION_GAP = 30 * 60.0
PAUSED_SETTING = "history_paused"
MODEL_NAME = "interest"
META_NAME = "interest.meta"
EXPORT_FORMAT = "medialens-history"
EXPORT_VERSION = 1
#: Write the model state at most this often (seconds) from one process, or after this many
#: unsaved signals; the events after the saved state are replayed on load.
SAVE_EVERY_S = 10.0
SAVE_EVERY_SIGNALS = 25
#: Refit the model's projection (rebuild from events) once the library has doubled.
REFIT_GROWTH = 2.0
MIN_FIT_ROWS = 16


class HistoryError(LibraryError, ValueError):
    """An event or history request that cannot be honoured (unknown file or kind)."""


def _store(lib: Any) -> Store:
    return lib.store if hasattr(lib, "store") else lib


# -- settings ----------------------------------------------------------------------------


def is_paused(lib: Any) -> bool:
    return bool(_store(lib).setting(PAUSED_SETTING, False))


def set_paused(lib: Any, paused: bool) -> None:
    _store(lib).set_setting(PAUSED_SETTING, bool(paused))


# -- recording ---------------------------------------------------------------------------


def resolve_file(lib: Any, file: int | str | bytes | os.PathLike) -> sqlite3.Row:
    """The ``files`` row of a file given by id or path; :class:`HistoryError` if unknown."""
    store = _store(lib)
    sql = "SELECT id, content_id, duration, title, display_path, kind, status FROM files WHERE "
    if isinstance(file, (int, np.integer)) and not isinstance(file, bool):
        row = store.query_one(sql + "id = ?", (int(file),))
        what = f"file #{int(file)}"
    else:
        path = fs_bytes(file)
        row = store.query_one(sql + "path = ?", (path,))
        what = os.fsdecode(path)
    if row is None:
        raise HistoryError(f"{what} is not in the library (add its folder and index)")
    if row["content_id"] is None:
        raise HistoryError(f"{what} is not playable media")
    return row


def record_event(
    lib: Any,
    file: int | str | bytes | os.PathLike,
    kind: str,
    position: float | None = None,
    duration: float | None = None,
    session: str | None = None,
    *,
    at: float | None = None,
) -> bool:
    """Store one event for a file (id or path); False, and nothing stored, when paused.

    ``position`` is where playback is (seconds); when left out it is carried over from the
    file's last event in the session (``complete`` means the end). ``session`` defaults to
    the current one, a new one after 30 minutes without events. ``at`` (unix seconds,
    default now) lets imports and simulations place events in time.
    """
    if kind not in KINDS:
        raise HistoryError(f"unknown event kind {kind!r}: use one of {', '.join(KINDS)}")
    store = _store(lib)
    row = resolve_file(store, file)
    if is_paused(store):
        return False
    at = time.time() if at is None else float(at)
    duration = duration if duration is not None else row["duration"]
    with store.write() as conn:
        if session is None:
            last = conn.execute(
                "SELECT session, at FROM events ORDER BY id DESC LIMIT 1"
            ).fetchone()
            fresh = last is None or last[0] is None or at - float(last[1]) > SESSION_GAP
            session = uuid.uuid4().hex if fresh else last[0]
        if position is None and kind in _PLAY_KINDS:
            if kind == "complete" and duration:
                position = float(duration)
            elif kind != "start":
                prev = conn.execute(
                    "SELECT position FROM events WHERE content_id = ? AND session = ? "
                    "AND position IS NOT NULL ORDER BY id DESC LIMIT 1",
                    (row["content_id"], session),
                ).fetchone()
                position = float(prev[0]) if prev else 0.0
            else:
                position = 0.0
        conn.execute(
            "INSERT INTO events (file_id, content_id, kind, position, duration, at, session) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row["id"], row["content_id"], kind, position, duration, at, session),
        )
    if kind in _SIGNAL_KINDS:
        sync_model(store)
    return True


# -- signals -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    """What one finished play or one explicit word said about a file."""

    event_id: int
    content_id: str
    kind: str
    signal: float
    at: float


def _event_signal(conn: sqlite3.Connection, ev: sqlite3.Row | tuple) -> float | None:
    """The signal of one finishing or feedback event, or None when it adds nothing new."""
    ev_id, cid, kind, pos, dur, at, session = ev
    if kind in FEEDBACK_KINDS:
        return play_signal([(kind, pos or 0.0, dur, at)])
    play = [(kind, float(pos or 0.0), dur, float(at))]
    ended_before = False
    for k, p, d, a in conn.execute(
        "SELECT kind, position, duration, at FROM events WHERE content_id = ? "
        "AND session IS ? AND id < ? ORDER BY id DESC LIMIT 500",
        (cid, session, ev_id),
    ):
        if k in FEEDBACK_KINDS:
            continue
        if k in FINISHING_KINDS:
            ended_before = True
            break
        play.append((k, float(p or 0.0), d, float(a)))
    if kind == "stop" and len(play) == 1 and ended_before:
        return None  # a stop right after the end of the same play (players send both)
    return play_signal(play)


class _SignalLog:
    """Every signal so far, extended incrementally by event id (cheap to ask again)."""

    def __init__(self) -> None:
        self.upto = 0
        self.items: list[Signal] = []

    def update(self, store: Store) -> list[Signal]:
        conn = store.read_conn()
        top = conn.execute("SELECT max(id) FROM events").fetchone()[0] or 0
        if top < self.upto:  # history was forgotten meanwhile
            self.upto, self.items = 0, []
        if top == self.upto:
            return self.items
        kinds = ",".join("?" * len(_SIGNAL_KINDS))
        rows = conn.execute(
            "SELECT id, content_id, kind, position, duration, at, session FROM events "
            f"WHERE id > ? AND kind IN ({kinds}) AND content_id IS NOT NULL ORDER BY id",
            (self.upto, *_SIGNAL_KINDS),
        ).fetchall()
        for ev in rows:
            value = _event_signal(conn, tuple(ev))
            if value is not None:
                self.items.append(Signal(ev[0], ev[1], ev[2], float(value), float(ev[5])))
        self.upto = top
        return self.items

    def after(self, event_id: int) -> list[Signal]:
        """The signals of events after ``event_id`` (the log is in event order)."""
        ids = [s.event_id for s in self.items[-64:]]
        if not ids or ids[0] > event_id:
            ids = [s.event_id for s in self.items]
            return self.items[bisect.bisect_right(ids, event_id) :]
        return self.items[len(self.items) - len(ids) + bisect.bisect_right(ids, event_id) :]


# -- the model ---------------------------------------------------------------------------


@dataclass
class _ModelEntry:
    model: InterestModel | None = None
    layout: tuple = ()
    fitted_on: int = 0
    watermark: int = 0  # last event id the model has seen
    token: str | None = None  # of the saved state this model started from or wrote
    saved_watermark: int = 0
    last_save: float = float("-inf")
    unsaved: int = 0
    update_seconds: list[float] = field(default_factory=list)
    candidates: tuple | None = None  # (key, Candidates) cached by recommendations


_lock = threading.RLock()
_models: weakref.WeakKeyDictionary[Store, _ModelEntry] = weakref.WeakKeyDictionary()
_signals: weakref.WeakKeyDictionary[Store, _SignalLog] = weakref.WeakKeyDictionary()


def _signal_log(store: Store) -> _SignalLog:
    with _lock:
        log = _signals.get(store)
        if log is None:
            log = _signals[store] = _SignalLog()
        log.update(store)
        return log


def signals(lib: Any) -> list[Signal]:
    """Every signal from the history, oldest first (cached per store, extended by id)."""
    return list(_signal_log(_store(lib)).items)


def _read_meta(store: Store) -> dict | None:
    row = store.query_one("SELECT state FROM model_state WHERE name = ?", (META_NAME,))
    return None if row is None else json.loads(bytes(row["state"]).decode())


def _layout(items: ItemVectors) -> tuple:
    return tuple((name, int(dim)) for name, dim in items.layout)


def _new_model(items: ItemVectors) -> InterestModel:
    model = InterestModel(items.dim)
    if len(items) >= MIN_FIT_ROWS:
        model.fit_projection(items.vectors)
    return model


def sync_model(lib: Any, *, save: bool | None = None) -> _ModelEntry:
    """Bring this process's model up to date with the events and vectors; maybe save it.

    ``save=None`` saves when due (see ``SAVE_EVERY_S``), True always, False never.
    """
    from medialens.core.recommendations import item_vectors

    store = _store(lib)
    items = item_vectors(store)
    with _lock:
        started = time.perf_counter()
        entry = _models.get(store)
        meta = _read_meta(store)
        top = store.query_one("SELECT max(id) AS top FROM events")["top"] or 0
        token = meta["token"] if meta else None
        if entry is None or token != entry.token or top < entry.watermark:
            entry = _load(store, meta, items)
            _models[store] = entry
        layout = _layout(items)
        if entry.model is not None and (
            entry.layout != layout
            or (len(items) >= MIN_FIT_ROWS and len(items) >= REFIT_GROWTH * max(entry.fitted_on, 1))
        ):
            entry.model, entry.watermark = None, 0  # rebuild from the events
        news = _signal_log(store).after(entry.watermark)
        rows, values, times = [], [], []
        for s in news:
            i = items.row.get(s.content_id)
            if i is not None and items.present[i].any():
                rows.append(i)
                values.append(s.signal)
                times.append(s.at)
        if rows:
            if entry.model is None:
                entry.model = _new_model(items)
                entry.layout, entry.fitted_on = layout, len(items)
            entry.model.observe(items.vectors[rows], np.asarray(values), np.asarray(times))
            entry.unsaved += len(rows)
        if news:
            entry.watermark = max(entry.watermark, news[-1].event_id)
        if news and len(news) <= 4:
            entry.update_seconds.append(time.perf_counter() - started)
            del entry.update_seconds[:-1000]
        due = entry.watermark > entry.saved_watermark and (
            time.monotonic() - entry.last_save >= SAVE_EVERY_S
            or entry.unsaved >= SAVE_EVERY_SIGNALS
        )
        if entry.model is not None and (save or (save is None and due)):
            _save(store, entry)
        return entry


def _load(store: Store, meta: dict | None, items: ItemVectors) -> _ModelEntry:
    entry = _ModelEntry(token=meta["token"] if meta else None)
    if meta is None or tuple(map(tuple, meta["layout"])) != _layout(items):
        return entry
    row = store.query_one("SELECT state FROM model_state WHERE name = ?", (MODEL_NAME,))
    if row is None:
        return entry
    try:
        entry.model = InterestModel.from_bytes(bytes(row["state"]))
    except (ValueError, KeyError, OSError):
        return entry  # unreadable or newer state: rebuild from the events
    entry.layout = _layout(items)
    entry.fitted_on = int(meta["fitted_on"])
    entry.watermark = entry.saved_watermark = int(meta["watermark"])
    return entry


def _save(store: Store, entry: _ModelEntry) -> None:
    assert entry.model is not None
    token = uuid.uuid4().hex
    meta = {
        "token": token,
        "watermark": entry.watermark,
        "layout": [list(x) for x in entry.layout],
        "fitted_on": entry.fitted_on,
        "format": FORMAT_VERSION,
    }
    state = entry.model.to_bytes()
    now = time.time()
    with store.write() as conn:
        conn.executemany(
            "INSERT INTO model_state (name, state, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET state = excluded.state, "
            "updated_at = excluded.updated_at",
            [(MODEL_NAME, state, now), (META_NAME, json.dumps(meta).encode(), now)],
        )
    entry.token, entry.saved_watermark = token, entry.watermark
    entry.last_save, entry.unsaved = time.monotonic(), 0


def interest_model(lib: Any) -> InterestModel | None:
    """The person's model, up to date with every event; None before any usable signal."""
    return sync_model(lib).model


def flush(lib: Any) -> None:
    """Write the model state now (e.g. when the app closes)."""
    sync_model(lib, save=True)


def update_times(lib: Any) -> list[float]:
    """Seconds of model work of recent per-event updates in this process (for benchmarks)."""
    with _lock:
        entry = _models.get(_store(lib))
        return list(entry.update_seconds) if entry else []


# -- questions ---------------------------------------------------------------------------


def feedback(lib: Any) -> dict[str, str]:
    """The latest like / dislike / not_interested per content id."""
    out: dict[str, str] = {}
    for cid, kind in (
        _store(lib)
        .read_conn()
        .execute(
            "SELECT content_id, kind FROM events WHERE kind IN ('like','dislike','not_interested') "
            "AND content_id IS NOT NULL ORDER BY id"
        )
    ):
        out[cid] = kind
    return out


def _last_play(store: Store, content_ids: list[str] | None = None) -> dict[str, sqlite3.Row]:
    kinds = ",".join("?" * len(_PLAY_KINDS))
    rows = store.query(
        "WITH last AS (SELECT content_id, max(id) AS id FROM events "
        f"WHERE kind IN ({kinds}) AND content_id IS NOT NULL GROUP BY content_id) "
        "SELECT e.content_id, e.kind, e.position, e.duration, e.at FROM last "
        "JOIN events e ON e.id = last.id",
        _PLAY_KINDS,
    )
    wanted = None if content_ids is None else set(content_ids)
    return {r["content_id"]: r for r in rows if wanted is None or r["content_id"] in wanted}


def _is_unfinished(kind: str, position: float | None, duration: float | None) -> bool:
    """Played at least a minute or 5 %, not to the end, and not skipped."""
    if kind in ("complete", "skip") or not position:
        return False
    if duration and position >= 0.95 * duration:
        return False
    return position >= 60.0 or bool(duration and position >= 0.05 * duration)


def resume_position(lib: Any, file_id: int) -> float:
    """Where to resume the file: the last position of an unfinished play, else 0."""
    store = _store(lib)
    row = store.query_one("SELECT content_id, duration FROM files WHERE id = ?", (file_id,))
    if row is None or row["content_id"] is None:
        return 0.0
    last = _last_play(store, [row["content_id"]]).get(row["content_id"])
    if last is None:
        return 0.0
    duration = last["duration"] or row["duration"]
    if not _is_unfinished(last["kind"], last["position"], duration):
        return 0.0
    return float(last["position"])


def unfinished(lib: Any) -> list[dict]:
    """Unfinished plays, most recent first: content_id, position, duration, at."""
    out = [
        {
            "content_id": cid,
            "position": float(r["position"]),
            "duration": r["duration"],
            "at": float(r["at"]),
        }
        for cid, r in _last_play(_store(lib)).items()
        if _is_unfinished(r["kind"], r["position"], r["duration"])
    ]
    return sorted(out, key=lambda x: (-x["at"], x["content_id"]))


def last_played(lib: Any, file_ids: list[int]) -> dict[int, float | None]:
    """When each file (by id) was last played, unix seconds, None if never."""
    store = _store(lib)
    ids = [int(i) for i in file_ids]
    cids: dict[int, str | None] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for fid, cid in store.read_conn().execute(
            f"SELECT id, content_id FROM files WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ):
            cids[fid] = cid
    last = played_at(store)
    return {fid: last.get(cids.get(fid) or "") for fid in ids}


def played_at(lib: Any) -> dict[str, float]:
    """When each content was last played (any playback event), by content id."""
    kinds = ",".join("?" * len(_PLAY_KINDS))
    return {
        r[0]: float(r[1])
        for r in _store(lib)
        .read_conn()
        .execute(
            f"SELECT content_id, max(at) FROM events WHERE kind IN ({kinds}) "
            "AND content_id IS NOT NULL GROUP BY content_id",
            _PLAY_KINDS,
        )
    }


# -- export and forget -------------------------------------------------------------------


def export_history(lib: Any, path: str | os.PathLike) -> dict:
    """Write every event (with path and title) and the model state to a JSON file."""
    store = _store(lib)
    if _read_meta(store) is not None or store.query_one("SELECT 1 FROM events LIMIT 1"):
        sync_model(store, save=True)  # export the state as of the last event
    rows = store.query(
        "SELECT e.id, e.kind, e.position, e.duration, e.at, e.session, e.content_id, e.file_id, "
        "coalesce(f.display_path, g.display_path) AS path, coalesce(f.title, g.title) AS title "
        "FROM events e LEFT JOIN files f ON f.id = e.file_id "
        "LEFT JOIN files g ON g.id = (SELECT min(id) FROM files WHERE content_id = e.content_id) "
        "ORDER BY e.id"
    )
    events = [dict(r) for r in rows]
    state = store.query_one(
        "SELECT state, updated_at FROM model_state WHERE name = ?", (MODEL_NAME,)
    )
    meta = _read_meta(store)
    model = None
    if state is not None:
        model = {
            "name": MODEL_NAME,
            "version": FORMAT_VERSION,
            "updated_at": state["updated_at"],
            "events_seen": meta["watermark"] if meta else None,
            "layout": meta["layout"] if meta else None,
            "state_base64": base64.b64encode(bytes(state["state"])).decode("ascii"),
        }
    data = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": time.time(),
        "paused": is_paused(store),
        "events": events,
        "model": model,
    }
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(target)
    return {"events": len(events), "model": model is not None, "path": str(target)}


def forget_history(lib: Any) -> dict:
    """Wipe every event and the model state. Returns what was removed."""
    store = _store(lib)
    with _lock:
        with store.write() as conn:
            events = conn.execute("DELETE FROM events").rowcount
            states = conn.execute(
                "DELETE FROM model_state WHERE name IN (?, ?)", (MODEL_NAME, META_NAME)
            ).rowcount
        _models.pop(store, None)
        _signals.pop(store, None)
    return {"events": events, "model": states > 0}
