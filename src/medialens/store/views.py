"""The reads behind the library views: files with their folder, and a change fingerprint.

They cross tables (files, folders, events) because a view shows them together; each is
one query, so 100,000 rows load at once and a poll costs a few index reads.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from medialens.store.table import Table, marks

LIBRARY_ROW_COLUMNS = (
    "id", "content_id", "kind", "duration", "title", "path", "artist", "album", "added_at",
    "available", "folder", "width", "height", "category", "album_artist", "track", "disc",
    "year", "genre",
)  # fmt: skip
"""The columns of :meth:`Views.media_rows`, in order."""

_ROWS_SQL = """
SELECT f.id, f.content_id, f.kind, f.duration, f.title, f.display_path,
       f.artist, f.album, f.added_at, f.available, d.display_path,
       json_extract(f.metadata, '$.width'), json_extract(f.metadata, '$.height'),
       f.category, f.album_artist, f.track, f.disc, f.year, f.genre
FROM files f
LEFT JOIN folders d ON d.id = f.folder_id
WHERE f.status = 'media'
"""


# A file's name without its folder, in SQL (the title of a file whose tags give none):
# rtrim strips the trailing characters that are not "/", which leaves the folder part.
_NAME = "replace(f.display_path, rtrim(f.display_path, replace(f.display_path, '/', '')), '')"
_TITLE_KEY = f"lower(coalesce(f.title, {_NAME}))"

#: The orders the library views sort by: column name -> SQL keys (ascending).
ORDER_KEYS: dict[str, tuple[str, ...]] = {
    "title": (_TITLE_KEY,),
    "artist": ("lower(coalesce(f.artist, ''))", "lower(coalesce(f.album, ''))"),
    "duration": ("coalesce(f.duration, 0.0)",),
    "added": ("f.added_at",),  # NOT NULL: the index on (status, added_at) gives the order
    "played": ("coalesce(p.at, 0.0)",),
    "kind": ("coalesce(f.kind, '')",),
    "folder": ("lower(coalesce(d.display_path, ''))", _TITLE_KEY),
}

# by primary key: "+" keeps SQLite from walking the status index instead
_ROWS_OF_SQL = _ROWS_SQL.replace("WHERE f.status = 'media'", "WHERE +f.status = 'media'")


class Views(Table):
    def media_rows(self, category: str | None = None) -> list[tuple]:
        """Every media file (of a category) as a plain tuple of LIBRARY_ROW_COLUMNS."""
        if category is None:
            return [tuple(r) for r in self._reader(None).execute(_ROWS_SQL)]
        sql = f"{_ROWS_SQL} AND f.category = ?"
        return [tuple(r) for r in self._reader(None).execute(sql, (category,))]

    def media_counts(self) -> dict[str, object]:
        """How many media files of each kind and category, and the earliest added, in one
        pass over the files (off the GUI thread: a second at a million files)."""
        row = (
            self._reader(None)
            .execute(
                "SELECT count(*), total(kind = 'video'), total(category = 'music'), "
                "total(category = 'speech'), total(category = 'sound'), "
                "total(category IS NULL AND kind = 'audio'), min(added_at) "
                "FROM files WHERE status = 'media'"
            )
            .fetchone()
        )
        names = ("all", "video", "music", "speech", "sound", "unsorted")
        out: dict[str, object] = {k: int(v or 0) for k, v in zip(names, row[:6], strict=True)}
        out["first_added"] = row[6]
        return out

    def media_rows_of(self, file_ids: Sequence[int]) -> list[tuple]:
        """These media files (by primary key) as tuples of LIBRARY_ROW_COLUMNS, any order."""
        out: list[tuple] = []
        conn = self._reader(None)
        ids = [int(i) for i in file_ids]
        for start in range(0, len(ids), 900):
            part = ids[start : start + 900]
            sql = f"{_ROWS_OF_SQL} AND f.id IN ({marks(part)})"
            out.extend(tuple(r) for r in conn.execute(sql, part))
        return out

    def media_order(
        self,
        sort: str = "added",
        descending: bool = True,
        kind: str | None = None,
        category: str | None = None,
        folder: str | None = None,
        played_kinds: Sequence[str] = (),
    ) -> np.ndarray:
        """The ids (int64) of the media files that pass the filter, in the view's order.

        Filter and sort run in SQLite (the default order, newest first, walks an index);
        ties keep the id order. ``played_kinds`` are the event kinds that count as a play
        (the "played" order joins when each content was last played).
        """
        where = ["f.status = 'media'"]
        params: list[object] = []
        if kind is not None:
            where.append("f.kind = ?")
            params.append(kind)
        if category is not None:
            where.append("f.category = ?")
            params.append(category)
        if folder is not None:
            where.append("f.folder_id IN (SELECT id FROM folders WHERE display_path = ?)")
            params.append(folder)
        joins = ""
        if sort == "folder":
            joins += " LEFT JOIN folders d ON d.id = f.folder_id"
        if sort == "played":
            joins += (
                " LEFT JOIN (SELECT content_id, max(at) AS at FROM events "
                f"WHERE kind IN ({marks(played_kinds)}) AND content_id IS NOT NULL "
                "GROUP BY content_id) p ON p.content_id = f.content_id"
            )
            params[:0] = list(played_kinds)
        direction = "DESC" if descending else "ASC"
        keys = ", ".join(f"{k} {direction}" for k in ORDER_KEYS[sort])
        tie = "f.id"  # ties keep the files' order, whichever way the view sorts
        sql = f"SELECT f.id FROM files f{joins} WHERE {' AND '.join(where)} ORDER BY {keys}, {tie}"
        # one row of text out of SQLite, parsed in C: a million ids cost ~0.3 s, most of it
        # in SQLite (which lets go of the GIL), instead of a million Python tuples
        text = (
            self._reader(None)
            .execute(f"SELECT group_concat(id) FROM ({sql})", params)
            .fetchone()[0]
        )
        if not text:
            return np.empty(0, dtype=np.int64)
        return np.fromstring(text, dtype=np.int64, sep=",")

    def media_count(self) -> int:
        """How many media files there are (an index count)."""
        conn = self._reader(None)
        return conn.execute("SELECT count(*) FROM files WHERE status = 'media'").fetchone()[0]

    def media_ids_among(self, file_ids: Sequence[int]) -> set[int]:
        """Which of these ids are media files (search hits of files since removed are not)."""
        conn = self._reader(None)
        ids = [int(i) for i in file_ids]
        out: set[int] = set()
        for start in range(0, len(ids), 900):
            part = ids[start : start + 900]
            sql = f"SELECT id FROM files WHERE status = 'media' AND id IN ({marks(part)})"
            out.update(r[0] for r in conn.execute(sql, part))
        return out

    def signature(self) -> tuple:
        """(media files, of them available, newest change, newest event id): poll it.

        A few index reads whatever the library's size: the counts from the counters
        (``store.counters``), the newest change from ``files_media_changed``, the newest
        event from the rowid. The values are those of ``count(*)``, ``sum(available)``
        and ``max(changed_at)`` over the media files (``sum`` is None when there are none).
        """
        conn = self._reader(None)
        playable, unavailable = conn.execute(
            "SELECT total(files * (what = 'playable')), total(files * (what = 'unavailable')) "
            "FROM file_counts WHERE what IN ('playable', 'unavailable')"
        ).fetchone()
        media = int(playable) + int(unavailable)
        changed = conn.execute(
            "SELECT max(changed_at) FROM files WHERE status = 'media'"
        ).fetchone()[0]
        events = conn.execute("SELECT max(id) FROM events").fetchone()[0]
        return (media, int(playable) if media else None, changed, events)

    def plays(self, content_id: str) -> int:
        """How many times a content was started (one per playback session)."""
        return (
            self._reader(None)
            .execute(
                "SELECT count(DISTINCT session) FROM events WHERE content_id = ? "
                "AND kind = 'start'",
                (content_id,),
            )
            .fetchone()[0]
        )
