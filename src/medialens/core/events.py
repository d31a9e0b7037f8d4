"""Playback history: every play, pause, seek, stop and every like or dislike.

Every event becomes one row of ``events``, keyed by the file's content id too, so history
follows a file across moves and survives its folder being removed. Events within 30
minutes of each other share a session. Pausing history records nothing at all.

Each finished play (stop, complete, skip) and each explicit word (like, dislike, not
interested) is one signal in [-1, 1] (:func:`medialens.recommend.play_signal`): the
:class:`~medialens.core.taste.TasteModel` learns from them. The log does not know the
model; it tells whoever listens (``on_signal``) that a signal was recorded, so recording
an event never loads the feature index.
"""

from __future__ import annotations

import base64
import bisect
import json
import math
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medialens.core.errors import LibraryError
from medialens.core.scanner import display, fs_bytes
from medialens.recommend import FORMAT_VERSION, play_signal
from medialens.store import FileRecord, Store
from medialens.store.events import META_NAME, MODEL_NAME, StoredEvent

PLAYBACK_KINDS = ("start", "progress", "pause", "seek", "stop", "complete")
FEEDBACK_KINDS = ("like", "dislike", "not_interested")
#: Everything :meth:`EventLog.record` accepts; ``skip`` is an early stop.
KINDS = PLAYBACK_KINDS + FEEDBACK_KINDS + ("skip",)
#: Events that end a play and so produce a signal.
FINISHING_KINDS = ("stop", "complete", "skip")
SIGNAL_KINDS = FINISHING_KINDS + FEEDBACK_KINDS
PLAY_KINDS = PLAYBACK_KINDS + ("skip",)

SESSION_GAP = 30 * 60.0
EXPORT_FORMAT = "medialens-history"
EXPORT_VERSION = 1


def _checked(value: float | None, what: str) -> float | None:
    """A position or duration as stored: finite and not negative (JSON cannot hold NaN)."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise HistoryError(f"the {what} must be a number of seconds, not {value!r}") from None
    if not math.isfinite(number) or number < 0:
        raise HistoryError(f"the {what} must be a finite number of seconds from 0, not {value}")
    return number


def _finite(value: object) -> object:
    """``value`` with every NaN or infinity (stored before positions were checked) as None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


class HistoryError(LibraryError, ValueError):
    """An event or history request that cannot be honoured (unknown file or kind)."""


@dataclass(frozen=True)
class Signal:
    """What one finished play or one explicit word said about a file."""

    event_id: int
    content_id: str
    kind: str
    signal: float
    at: float


@dataclass(frozen=True)
class Unfinished:
    """A play left part-way through."""

    content_id: str
    position: float
    duration: float | None
    at: float


def is_unfinished(kind: str, position: float | None, duration: float | None) -> bool:
    """Played at least a minute or 5 %, not to the end, and not skipped."""
    if kind in ("complete", "skip") or not position:
        return False
    if duration and position >= 0.95 * duration:
        return False
    return position >= 60.0 or bool(duration and position >= 0.05 * duration)


class EventLog:
    """The history of one store: record events, ask what was played, export, forget.

    It keeps every signal so far in memory, extended by event id (cheap to ask again).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.RLock()
        self._upto = 0
        self._signals: list[Signal] = []
        #: Called with no argument after a signal event is stored, and after a forget.
        self.on_signal: list[Callable[[], None]] = []
        self.on_forget: list[Callable[[], None]] = []
        #: Called before an export, so the saved model state is as of the last event.
        self.before_export: list[Callable[[], None]] = []

    # -- settings ------------------------------------------------------------------------

    def is_paused(self) -> bool:
        return self.store.events.paused()

    def set_paused(self, paused: bool) -> None:
        self.store.events.set_paused(paused)

    # -- recording -----------------------------------------------------------------------

    def resolve_file(self, file: int | str | bytes | os.PathLike) -> FileRecord:
        """The file given by id or path; :class:`HistoryError` if unknown or not media."""
        if isinstance(file, bool):
            raise HistoryError(f"{file!r} is not a file id or a path")
        if isinstance(file, (int, np.integer)):
            record = self.store.files.get(int(file))
            what = f"file #{int(file)}"
        else:
            path = fs_bytes(file)
            record = self.store.files.by_path(path)
            what = display(path)
        if record is None:
            raise HistoryError(f"{what} is not in the library (add its folder and index)")
        if record.content_id is None or not record.is_media:
            why = f": {record.error}" if record.error else ""
            raise HistoryError(f"{what} is not playable media{why}")
        return record

    def record(
        self,
        file: int | str | bytes | os.PathLike,
        kind: str,
        position: float | None = None,
        duration: float | None = None,
        session: str | None = None,
        *,
        at: float | None = None,
    ) -> bool:
        """Store one event for a file (id or path); False, and nothing stored, when paused.

        ``position`` is where playback is (seconds); when left out it is carried over from
        the file's last event in the session (``complete`` means the end). ``session``
        defaults to the current one, a new one after 30 minutes without events. ``at``
        (unix seconds, default now) lets imports and simulations place events in time.
        """
        if kind not in KINDS:
            raise HistoryError(f"unknown event kind {kind!r}: use one of {', '.join(KINDS)}")
        position, duration = _checked(position, "position"), _checked(duration, "duration")
        record = self.resolve_file(file)
        assert record.content_id is not None
        if self.is_paused():
            return False
        at = time.time() if at is None else float(at)
        duration = duration if duration is not None else record.duration
        events = self.store.events
        with self.store.write() as conn:
            if session is None:
                last = events.last_session(conn)
                fresh = last is None or last[0] is None or at - last[1] > SESSION_GAP
                session = uuid.uuid4().hex if fresh or last is None else str(last[0])
            if position is None and kind in PLAY_KINDS:
                if kind == "complete" and duration:
                    position = float(duration)
                elif kind != "start":
                    position = events.last_position(record.content_id, session, conn) or 0.0
                else:
                    position = 0.0
            events.insert(conn, record.id, record.content_id, kind, position, duration, at, session)
        if kind in SIGNAL_KINDS:
            for listener in list(self.on_signal):
                listener()
        return True

    # -- signals -------------------------------------------------------------------------

    def _signal_of(self, ev: StoredEvent) -> float | None:
        """The signal of one finishing or feedback event, or None when it adds nothing new."""
        if ev.kind in FEEDBACK_KINDS:
            return play_signal([(ev.kind, ev.position or 0.0, ev.duration, ev.at)])
        play = [(ev.kind, float(ev.position or 0.0), ev.duration, float(ev.at))]
        ended_before = False
        for step in self.store.events.play_before(ev.content_id, ev.session, ev.id):
            if step.kind in FEEDBACK_KINDS:
                continue
            if step.kind in FINISHING_KINDS:
                ended_before = True
                break
            play.append((step.kind, float(step.position or 0.0), step.duration, float(step.at)))
        if ev.kind == "stop" and len(play) == 1 and ended_before:
            return None  # a stop right after the end of the same play (players send both)
        return play_signal(play)

    def signals(self) -> list[Signal]:
        """Every signal from the history, oldest first (extended by id since last asked)."""
        with self._lock:
            top = self.store.events.top_id()
            if top < self._upto:  # history was forgotten meanwhile (maybe by another process)
                self._upto, self._signals = 0, []
            if top > self._upto:
                for ev in self.store.events.of_kinds_after(self._upto, SIGNAL_KINDS):
                    value = self._signal_of(ev)
                    if value is not None:
                        self._signals.append(
                            Signal(ev.id, ev.content_id, ev.kind, float(value), float(ev.at))
                        )
                self._upto = top
            return list(self._signals)

    def signals_after(self, event_id: int) -> list[Signal]:
        """The signals of events after ``event_id`` (the log is in event order)."""
        items = self.signals()
        ids = [s.event_id for s in items[-64:]]
        if not ids or ids[0] > event_id:
            ids = [s.event_id for s in items]
            return items[bisect.bisect_right(ids, event_id) :]
        return items[len(items) - len(ids) + bisect.bisect_right(ids, event_id) :]

    def top_id(self) -> int:
        return self.store.events.top_id()

    # -- questions -----------------------------------------------------------------------

    def feedback(self) -> dict[str, str]:
        """The latest like / dislike / not_interested per content id."""
        return self.store.events.latest_of_kinds(FEEDBACK_KINDS)

    def resume_position(self, file_id: int) -> float:
        """Where to resume the file: the last position of an unfinished play, else 0."""
        record = self.store.files.get(file_id)
        if record is None or record.content_id is None:
            return 0.0
        last = self.store.events.last_plays(PLAY_KINDS).get(record.content_id)
        if last is None:
            return 0.0
        duration = last.duration or record.duration
        if not is_unfinished(last.kind, last.position, duration):
            return 0.0
        return float(last.position or 0.0)

    def unfinished(self) -> list[Unfinished]:
        """Unfinished plays, most recent first."""
        out = [
            Unfinished(cid, float(r.position or 0.0), r.duration, float(r.at))
            for cid, r in self.store.events.last_plays(PLAY_KINDS).items()
            if is_unfinished(r.kind, r.position, r.duration)
        ]
        return sorted(out, key=lambda x: (-x.at, x.content_id))

    def last_played(self, file_ids: list[int]) -> dict[int, float | None]:
        """When each file (by id) was last played, unix seconds, None if never."""
        ids = [int(i) for i in file_ids]
        cids = self.store.files.content_ids(ids)
        last = self.played_at()
        return {fid: last.get(cids.get(fid) or "") for fid in ids}

    def played_at(self) -> dict[str, float]:
        """When each content was last played (any playback event), by content id."""
        return self.store.events.last_at(PLAY_KINDS)

    # -- export and forget ---------------------------------------------------------------

    def export(self, path: str | os.PathLike) -> dict:
        """Write every event (with path and title) and the model state to a JSON file."""
        for listener in list(self.before_export):
            listener()
        store = self.store.events
        events = store.export_rows()
        state = store.model_state(MODEL_NAME)
        meta = store.model_meta(META_NAME)
        model = None
        if state is not None:
            model = {
                "name": MODEL_NAME,
                "version": FORMAT_VERSION,
                "updated_at": state[1],
                "events_seen": meta["watermark"] if meta else None,
                "layout": meta["layout"] if meta else None,
                "state_base64": base64.b64encode(state[0]).decode("ascii"),
            }
        data = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": time.time(),
            "paused": self.is_paused(),
            "events": events,
            "model": model,
        }
        target = Path(path)
        if target.is_dir():
            raise HistoryError(f"cannot export history to {target}: it is a folder; name a file")
        if not target.parent.is_dir():
            raise HistoryError(f"cannot export history to {target}: {target.parent} does not exist")
        tmp = target.with_name(target.name + ".part")
        text = json.dumps(_finite(data), indent=1, ensure_ascii=False, allow_nan=False)
        try:
            tmp.write_text(text, encoding="utf-8", errors="surrogateescape")
            tmp.replace(target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise HistoryError(
                f"cannot export history to {target}: {exc.strerror or exc}"
            ) from None
        return {"events": len(events), "model": model is not None, "path": str(target)}

    # -- forget --------------------------------------------------------------------------

    def forget(self) -> dict:
        """Wipe every event and the saved model state. Returns what was removed."""
        with self._lock:
            events, model = self.store.events.forget()
            self._upto, self._signals = 0, []
        for listener in list(self.on_forget):
            listener()
        return {"events": events, "model": model}
