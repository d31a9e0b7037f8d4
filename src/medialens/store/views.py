"""The reads behind the library views: files with their folder, and a change fingerprint.

They cross tables (files, folders, events) because a view shows them together; each is
one query, so 100,000 rows load at once and a poll costs a few index reads.
"""

from __future__ import annotations

from medialens.store.table import Table

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


class Views(Table):
    def media_rows(self) -> list[tuple]:
        """Every media file as a plain tuple of LIBRARY_ROW_COLUMNS, in one query."""
        return [tuple(r) for r in self._reader(None).execute(_ROWS_SQL)]

    def signature(self) -> tuple:
        """(media files, of them available, newest change, newest event id): poll it."""
        conn = self._reader(None)
        files = conn.execute(
            "SELECT count(*), sum(available), max(changed_at) FROM files WHERE status = 'media'"
        ).fetchone()
        events = conn.execute("SELECT max(id) FROM events").fetchone()
        return (*tuple(files), events[0])

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
