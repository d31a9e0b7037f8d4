"""What extraction did and has left: the ``features`` and ``failures`` rows, counted and read.

Counts join ``files`` because only playable files (media, on disk) count as work. Each
count is one statement answered from the tables' keys, so ``status`` stays cheap at a
million files: nothing is loaded into Python to be counted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from medialens.store.records import Failure, StoredFailure, StoredResult
from medialens.store.table import Table, marks

# A list subquery, not a correlated EXISTS: with EXISTS, SQLite picks the status index
# for every result row and the count grows with files x results (9 s at 20,000 files).
_OF_PLAYABLE = (
    "x.content_id IN (SELECT f.content_id FROM files f "
    "WHERE f.status = 'media' AND f.available = 1)"
)


class Extraction(Table):
    # -- counts ------------------------------------------------------------------------------

    def pending_count(
        self,
        extractor: str,
        version: str,
        kinds: Sequence[str],
        categories: Sequence[str] = (),
    ) -> int:
        """How many playable files of these kinds have neither a result nor a failure of
        this extractor version: counted on the primary keys. With ``categories`` (an
        extractor routed to some categories), only files of those categories or of none
        yet count: the others never run it."""
        if not kinds:
            return 0
        key = (extractor, version)
        routed = (
            f"AND (f.category IS NULL OR f.category IN ({marks(categories)})) "
            if categories
            else ""
        )
        return (
            self._reader(None)
            .execute(
                "SELECT count(*) FROM files f WHERE f.status = 'media' AND f.available = 1 "
                f"AND f.kind IN ({marks(kinds)}) {routed}"
                "AND NOT EXISTS (SELECT 1 FROM features x WHERE x.content_id = f.content_id "
                "AND x.extractor = ? AND x.version = ?) "
                "AND NOT EXISTS (SELECT 1 FROM failures x WHERE x.content_id = f.content_id "
                "AND x.extractor = ? AND x.version = ?)",
                (*kinds, *categories, *key, *key),
            )
            .fetchone()[0]
        )

    def done_counts(self) -> dict[tuple[str, str], int]:
        """Playable contents with a stored result, by (extractor, version), in one pass."""
        return self._counts("features")

    def failed_counts(self) -> dict[tuple[str, str], int]:
        """Playable contents with a failure, by (extractor, version), in one pass."""
        return self._counts("failures")

    def _counts(self, table: str) -> dict[tuple[str, str], int]:
        rows = self._reader(None).execute(
            f"SELECT x.extractor, x.version, count(DISTINCT x.content_id) FROM {table} x "
            f"WHERE {_OF_PLAYABLE} GROUP BY x.extractor, x.version"
        )
        return {(r[0], r[1]): r[2] for r in rows}

    def failures(self, limit: int | None = None) -> list[Failure]:
        """The available files that failed, at most ``limit``: unreadable first (by path),
        then the newest extractor failures first. The extractor failures are walked on
        ``failures_at`` and the walk stops at ``limit``, so a list for people costs the
        same however many files failed."""
        conn = self._reader(None)
        most = -1 if limit is None else max(0, limit)
        unreadable = [
            Failure(r[0], "probe", r[1], r[2])
            for r in conn.execute(
                "SELECT display_path, error, id FROM files WHERE status = 'invalid' "
                "AND available = 1 ORDER BY display_path LIMIT ?",
                (most,),
            )
        ]
        if limit is not None and len(unreadable) >= limit:
            return unreadable
        return unreadable + [
            Failure(r[0], r[1], r[2], r[3])
            for r in conn.execute(
                "SELECT f.display_path, x.extractor, x.error, f.id FROM failures x "
                "INDEXED BY failures_at CROSS JOIN files f ON f.content_id = x.content_id "
                "WHERE +f.available = 1 AND +f.status = 'media' AND x.at IS NOT NULL "
                "ORDER BY x.at DESC, x.rowid DESC LIMIT ?",
                (-1 if limit is None else limit - len(unreadable),),
            )
        ]

    def failure_count(self) -> int:
        """How many rows :meth:`failures` would list without a limit: counted on the
        failures' key and ``files_content``, one probe per failure, none per file."""
        conn = self._reader(None)
        unreadable = conn.execute(
            "SELECT count(*) FROM files WHERE status = 'invalid' AND available = 1"
        ).fetchone()[0]
        failed = conn.execute(
            "SELECT count(*) FROM failures x CROSS JOIN files f ON f.content_id = x.content_id "
            "WHERE +f.available = 1 AND +f.status = 'media'"
        ).fetchone()[0]
        return int(unreadable) + int(failed)

    def failed_file_count(self) -> int:
        """How many available files failed somewhere: unreadable, or an extractor failed.

        Driven from the failures (``CROSS JOIN`` keeps SQLite from walking every file and
        probing the failures of each), so it costs what failed, not the library's size.
        """
        conn = self._reader(None)
        unreadable = conn.execute(
            "SELECT count(*) FROM files WHERE status = 'invalid' AND available = 1"
        ).fetchone()[0]
        failed = conn.execute(
            "SELECT count(DISTINCT f.id) FROM failures x CROSS JOIN files f "
            "ON f.content_id = x.content_id WHERE +f.available = 1 AND +f.status = 'media'"
        ).fetchone()[0]
        return int(unreadable) + int(failed)

    # -- one content's results ----------------------------------------------------------------

    def results_of(
        self, content_id: str, fresh_only: bool = False, conn: sqlite3.Connection | None = None
    ) -> list[StoredResult]:
        """Every stored result of a content by extractor name (``fresh_only``: not stale)."""
        fresh = " AND version NOT LIKE 'stale:%'" if fresh_only else ""
        return [
            StoredResult(*r)
            for r in self._reader(conn).execute(
                "SELECT extractor, version, seconds, tags, scalars, data FROM features "
                f"WHERE content_id = ?{fresh} ORDER BY extractor",
                (content_id,),
            )
        ]

    def failures_of(self, content_id: str) -> list[StoredFailure]:
        return [
            StoredFailure(*r)
            for r in self._reader(None).execute(
                "SELECT extractor, version, error FROM failures WHERE content_id = ? "
                "ORDER BY extractor",
                (content_id,),
            )
        ]

    # -- across contents ---------------------------------------------------------------------

    def data_of(self, extractor: str, limit: int | None = None) -> list[tuple[str, str]]:
        """(content id, data JSON) of an extractor's results that stored data."""
        return [
            (r[0], r[1])
            for r in self._reader(None).execute(
                "SELECT content_id, data FROM features WHERE extractor = ? AND data IS NOT NULL "
                "LIMIT ?",
                (extractor, -1 if limit is None else limit),
            )
        ]

    # -- asking for work again -----------------------------------------------------------------

    def forget_failures(self, extractor: str | None = None) -> int:
        """Forget failures (of one extractor, or all) so the next run tries those files again."""
        with self._writer(None) as w:
            return w.execute(
                "DELETE FROM failures WHERE (? IS NULL OR extractor = ?)", (extractor, extractor)
            ).rowcount

    def redo(self, extractors: Sequence[str]) -> int:
        """Mark these extractors' results stale and forget their failures, in one transaction.

        Stale results stay searchable until each new one replaces them. Returns how many
        results were marked.
        """
        names = list(extractors)
        if not names:
            return 0
        with self._writer(None) as w:
            w.execute(f"DELETE FROM failures WHERE extractor IN ({marks(names)})", names)
            return w.execute(
                "UPDATE features SET version = 'stale:' || version "
                f"WHERE extractor IN ({marks(names)}) AND version NOT LIKE 'stale:%'",
                names,
            ).rowcount
