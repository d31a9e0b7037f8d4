"""The ``events`` table (playback history), the paused flag and the saved interest model.

Events are the truth of what a person played and said; the interest model's saved state
(``model_state``) is a cache of them, keyed by name, with a JSON meta row beside it. The
core's :class:`~medialens.core.events.EventLog` and :class:`~medialens.core.taste.TasteModel`
ask these questions; no other module reads these tables.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Sequence
from typing import NamedTuple

from medialens.store.table import Table, marks

PAUSED_SETTING = "history_paused"
#: The names of the interest model's saved state and of its meta row in ``model_state``.
MODEL_NAME = "interest"
META_NAME = "interest.meta"


class StoredEvent(NamedTuple):
    """One row of ``events`` (what a signal is computed from)."""

    id: int
    content_id: str
    kind: str
    position: float | None
    duration: float | None
    at: float
    session: str | None


class LastPlay(NamedTuple):
    """The latest playback event of one content."""

    content_id: str
    kind: str
    position: float | None
    duration: float | None
    at: float


class PlayStep(NamedTuple):
    kind: str
    position: float | None
    duration: float | None
    at: float


def _entry(
    uid: str,
    content_id: str,
    kind: str,
    position: float | None,
    duration: float | None,
    at: float,
    session: str | None,
) -> dict:
    return {
        "op": "event", "uid": uid, "content_id": content_id, "kind": kind,
        "position": position, "duration": duration, "at": at, "session": session,
    }  # fmt: skip


class Events(Table):
    # -- the paused flag ----------------------------------------------------------------

    def paused(self) -> bool:
        return bool(self.store.setting(PAUSED_SETTING, False))

    def set_paused(self, paused: bool) -> None:
        """Pause or resume history, journalled so a replay pauses where the person did."""
        with self.store.write() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (PAUSED_SETTING, json.dumps(bool(paused))),
            )
            self.store.journal.append({"op": "paused", "paused": bool(paused), "at": time.time()})

    # -- writing -------------------------------------------------------------------------

    def last_session(self, conn: sqlite3.Connection) -> tuple[str | None, float] | None:
        """The session and time of the newest event (inside the caller's write)."""
        row = conn.execute("SELECT session, at FROM events ORDER BY id DESC LIMIT 1").fetchone()
        return None if row is None else (row[0], float(row[1]))

    def last_position(
        self, content_id: str, session: str, conn: sqlite3.Connection
    ) -> float | None:
        row = conn.execute(
            "SELECT position FROM events WHERE content_id = ? AND session = ? "
            "AND position IS NOT NULL ORDER BY id DESC LIMIT 1",
            (content_id, session),
        ).fetchone()
        return None if row is None else float(row[0])

    def insert(
        self,
        conn: sqlite3.Connection,
        file_id: int,
        content_id: str,
        kind: str,
        position: float | None,
        duration: float | None,
        at: float,
        session: str,
    ) -> str:
        """Store one event inside the caller's write, and journal it before that commits:
        the journal then holds every event the database does. Returns the event's uid."""
        uid = uuid.uuid4().hex
        conn.execute(
            "INSERT INTO events (file_id, content_id, kind, position, duration, at, session, uid) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (file_id, content_id, kind, position, duration, at, session, uid),
        )
        row = conn.execute("SELECT display_path FROM files WHERE id = ?", (file_id,)).fetchone()
        entry = _entry(uid, content_id, kind, position, duration, at, session)
        self.store.journal.append(dict(entry, path=None if row is None else row[0]))
        return uid

    def forget(self) -> tuple[int, bool]:
        """Delete every event and every saved model state: (events removed, had a model).

        The journal records the forget too (it keeps its lines: it is append-only), so a
        replay never brings the forgotten events back."""
        with self.store.write() as conn:
            events = conn.execute("DELETE FROM events").rowcount
            states = conn.execute(
                "DELETE FROM model_state WHERE name IN (?, ?)", (MODEL_NAME, META_NAME)
            ).rowcount
            self.store.journal.append({"op": "forget", "at": time.time(), "events": events})
        return events, states > 0

    # -- the journal ---------------------------------------------------------------------

    def journal_seed(self, conn: sqlite3.Connection) -> list[dict]:
        """Every event as a journal entry, and the paused flag: a new journal's first lines."""
        rows = conn.execute(
            "SELECT e.uid, e.content_id, e.kind, e.position, e.duration, e.at, e.session, "
            "f.display_path FROM events e LEFT JOIN files f ON f.id = e.file_id "
            "WHERE e.content_id IS NOT NULL ORDER BY e.id"
        )
        out = [dict(_entry(*r[:7]), path=r[7]) for r in rows]
        paused = conn.execute(
            "SELECT value FROM settings WHERE key = ?", (PAUSED_SETTING,)
        ).fetchone()
        if paused is not None:
            out.append({"op": "paused", "paused": bool(json.loads(paused[0])), "at": time.time()})
        return out

    def uids(self, conn: sqlite3.Connection | None = None) -> set[str]:
        rows = self._reader(conn).execute("SELECT uid FROM events WHERE uid IS NOT NULL")
        return {r[0] for r in rows}

    def count(self, conn: sqlite3.Connection | None = None) -> int:
        return int(self._reader(conn).execute("SELECT count(*) FROM events").fetchone()[0])

    def replay(self, entries: list[dict], forgot: bool, paused: bool | None) -> int:
        """Bring the journal's history into the database, idempotently: the events it has
        that the database lacks are added (in journal order), and after a journalled forget
        the events from before it are removed. Returns how many events were added."""
        with self.store.write() as conn:
            live = {e["uid"] for e in entries}
            if forgot:
                stale = [u for u in self.uids(conn) if u not in live]
                conn.executemany("DELETE FROM events WHERE uid = ?", [(u,) for u in stale])
                conn.execute("DELETE FROM events WHERE uid IS NULL")
            have = self.uids(conn)
            added = 0
            for e in entries:
                if e["uid"] in have:
                    continue
                found = conn.execute(
                    "SELECT min(id) FROM files WHERE content_id = ?", (e.get("content_id"),)
                ).fetchone()
                conn.execute(
                    "INSERT INTO events (file_id, content_id, kind, position, duration, at, "
                    "session, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (found[0], e.get("content_id"), e.get("kind"), e.get("position"),
                     e.get("duration"), float(e.get("at") or 0.0), e.get("session"), e["uid"]),
                )  # fmt: skip
                have.add(e["uid"])
                added += 1
            if paused is not None:
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (PAUSED_SETTING, json.dumps(paused)),
                )
        return added

    # -- reading -------------------------------------------------------------------------

    def top_id(self) -> int:
        """The newest event's id (0 without any): the watermark of everything so far."""
        return int(self._reader(None).execute("SELECT max(id) FROM events").fetchone()[0] or 0)

    def any(self) -> bool:
        return self._reader(None).execute("SELECT 1 FROM events LIMIT 1").fetchone() is not None

    def of_kinds_after(self, event_id: int, kinds: Sequence[str]) -> list[StoredEvent]:
        rows = self._reader(None).execute(
            "SELECT id, content_id, kind, position, duration, at, session FROM events "
            f"WHERE id > ? AND kind IN ({marks(kinds)}) AND content_id IS NOT NULL ORDER BY id",
            (event_id, *kinds),
        )
        return [StoredEvent(*r) for r in rows]

    def play_before(
        self, content_id: str, session: str | None, event_id: int, limit: int = 500
    ) -> list[PlayStep]:
        """The events of one content in one session before ``event_id``, newest first."""
        rows = self._reader(None).execute(
            "SELECT kind, position, duration, at FROM events WHERE content_id = ? "
            "AND session IS ? AND id < ? ORDER BY id DESC LIMIT ?",
            (content_id, session, event_id, limit),
        )
        return [PlayStep(*r) for r in rows]

    def latest_of_kinds(self, kinds: Sequence[str]) -> dict[str, str]:
        """The latest of these kinds per content id (e.g. the last like or dislike)."""
        out: dict[str, str] = {}
        for cid, kind in self._reader(None).execute(
            f"SELECT content_id, kind FROM events WHERE kind IN ({marks(kinds)}) "
            "AND content_id IS NOT NULL ORDER BY id",
            tuple(kinds),
        ):
            out[cid] = kind
        return out

    def last_plays(self, kinds: Sequence[str]) -> dict[str, LastPlay]:
        """Per content id, its latest event of these (playback) kinds."""
        rows = self._reader(None).execute(
            "WITH last AS (SELECT content_id, max(id) AS id FROM events "
            f"WHERE kind IN ({marks(kinds)}) AND content_id IS NOT NULL GROUP BY content_id) "
            "SELECT e.content_id, e.kind, e.position, e.duration, e.at FROM last "
            "JOIN events e ON e.id = last.id",
            tuple(kinds),
        )
        return {r[0]: LastPlay(*r) for r in rows}

    def last_at(self, kinds: Sequence[str]) -> dict[str, float]:
        """When each content last had an event of these kinds, by content id."""
        rows = self._reader(None).execute(
            f"SELECT content_id, max(at) FROM events WHERE kind IN ({marks(kinds)}) "
            "AND content_id IS NOT NULL GROUP BY content_id",
            tuple(kinds),
        )
        return {r[0]: float(r[1]) for r in rows}

    def export_rows(self) -> list[dict]:
        """Every event with the path and title of its file (or of a copy, if it is gone)."""
        rows = self._reader(None).execute(
            "SELECT e.id, e.kind, e.position, e.duration, e.at, e.session, e.content_id, "
            "e.file_id, coalesce(f.display_path, g.display_path) AS path, "
            "coalesce(f.title, g.title) AS title "
            "FROM events e LEFT JOIN files f ON f.id = e.file_id "
            "LEFT JOIN files g ON g.id = (SELECT min(id) FROM files WHERE content_id = e.content_id) "
            "ORDER BY e.id"
        )
        names = ("id", "kind", "position", "duration", "at", "session", "content_id", "file_id")
        return [dict(zip((*names, "path", "title"), tuple(r), strict=True)) for r in rows]

    # -- the saved model -----------------------------------------------------------------

    def model_state(self, name: str) -> tuple[bytes, float] | None:
        """A saved state and when it was written, or None."""
        row = (
            self._reader(None)
            .execute("SELECT state, updated_at FROM model_state WHERE name = ?", (name,))
            .fetchone()
        )
        return None if row is None else (bytes(row[0]), float(row[1]))

    def model_meta(self, name: str) -> dict | None:
        state = self.model_state(name)
        return None if state is None else json.loads(state[0].decode())

    def save_model(self, name: str, state: bytes, meta_name: str, meta: dict, at: float) -> None:
        """Write a state and its meta in one transaction (a reader sees both or neither)."""
        with self.store.write() as conn:
            conn.executemany(
                "INSERT INTO model_state (name, state, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET state = excluded.state, "
                "updated_at = excluded.updated_at",
                [(name, state, at), (meta_name, json.dumps(meta).encode(), at)],
            )

    # -- files the history names ---------------------------------------------------------

    def first_file(self, content_id: str) -> tuple[int, str | None, str] | None:
        """(id, title, display path) of the lowest-id file with this content, available or
        not: what a history item names when its file is gone or offline."""
        row = (
            self._reader(None)
            .execute(
                "SELECT id, title, display_path FROM files WHERE content_id = ? "
                "ORDER BY id LIMIT 1",
                (content_id,),
            )
            .fetchone()
        )
        return None if row is None else (int(row[0]), row[1], row[2])
