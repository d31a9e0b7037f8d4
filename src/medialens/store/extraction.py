"""What extraction did and has left: the ``features`` and ``failures`` rows, counted and read.

Only playable files (media, on disk) count as work. The counts are read from the
counters the triggers of ``store.counters`` keep beside the rows (a few dozen rows in
all), so ``status`` costs the same at a million files as at a hundred: nothing is
counted on the files, and nothing is loaded into Python to be counted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from medialens.store import counters
from medialens.store.records import Failure, PendingFile, StoredFailure, StoredResult, Wanted
from medialens.store.table import Table, marks


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
        this extractor version. With ``categories`` (an extractor routed to some
        categories), only files of those categories or of none yet count: the others
        never run it. The playable files less those with a result or a failure:
        ``playable - (result + failure - both)`` on the counters."""
        if not kinds:
            return 0
        routed = f"AND category IN ('', {marks(categories)}) " if categories else ""
        row = (
            self._reader(None)
            .execute(
                "SELECT total(CASE what WHEN 'playable' THEN files WHEN 'both' THEN files "
                "ELSE -files END) FROM file_counts "
                "WHERE ((what = 'playable' AND extractor = '') OR (what IN ('result', "
                "'failure', 'both') AND extractor = ? AND version = ?)) "
                f"AND kind IN ({marks(kinds)}) {routed}",
                (extractor, version, *kinds, *categories),
            )
            .fetchone()
        )
        return int(row[0])

    def pending_files(
        self, wanted: Sequence[Wanted], page: int = 2000
    ) -> Iterator[list[PendingFile]]:
        """The playable files that some of ``wanted`` has not run on, newest first (added
        last first; of files added at the same time, by id, as the scan found them), in
        pages of at most ``page``.

        Each page is one walk down ``files_media_added`` from where the last one ended
        (a key range, never an offset). A file is kept when one of ``wanted`` handles it
        and finds neither its result nor its failure through their primary keys (an
        anti-join), so SQLite skips the done files without handing them to Python, and
        a page is ready as soon as ``page`` files with work were met. A lookup the
        counters say cannot match is left out (``Wanted.results``/``failures`` false:
        no playable content has a result or a failure of that version), so an extractor
        new to the library, or of a new version, costs no lookup at all. Each page is
        one statement: results stored meanwhile (workers run beside planning) are seen
        by the next.
        """
        terms: list[tuple[str, list[object], int, int]] = []
        for i, w in enumerate(wanted):
            if not w.kinds:
                continue
            sql = f"f.kind IN ({marks(w.kinds)})"
            args: list[object] = [*w.kinds]
            if w.categories:
                sql += f" AND (f.category IS NULL OR f.category IN ({marks(w.categories)}))"
                args += w.categories
            for table, asked in (("features", w.results), ("failures", w.failures)):
                if asked:
                    sql += (
                        f" AND NOT EXISTS (SELECT 1 FROM {table} x WHERE x.content_id = "
                        "f.content_id AND x.extractor = ? AND x.version = ?)"
                    )
                    args += [w.extractor, w.version]
            terms.append((sql, args, w.results + w.failures, 1 << i))
        if not terms:
            return
        # SQLite sets the bits that need a lookup; those that do not (the extractor has no
        # result nor failure of its version anywhere) follow from the kind and category,
        # set here once per (kind, category)
        looked = [t for t in terms if t[2]]
        mask = " + ".join(f"CASE WHEN {sql} THEN {bit} ELSE 0 END" for sql, _a, _n, bit in looked)
        mask = mask or "0"
        mask_args = [a for _s, args, _n, _b in looked for a in args]
        free = [
            (w, 1 << i) for i, w in enumerate(wanted) if w.kinds and not (w.results or w.failures)
        ]
        free_bits: dict[tuple[str | None, str | None], int] = {}

        def pending(rows: list) -> list[PendingFile]:
            out = []
            for file_id, content, kind, duration, category, _added, bits in rows:
                more = free_bits.get((kind, category))
                if more is None:
                    more = free_bits[(kind, category)] = sum(
                        bit
                        for w, bit in free
                        if kind in w.kinds
                        and (not w.categories or category is None or category in w.categories)
                    )
                out.append(PendingFile(file_id, content, kind, duration, category, bits | more))
            return out

        # the filter stops at the first extractor with work: the ones without lookups first
        cheap_first = sorted(terms, key=lambda t: t[2])
        keep = " OR ".join(f"({sql})" for sql, _a, _n, _b in cheap_first)
        keep_args = [a for _s, args, _n, _b in cheap_first for a in args]
        columns = f"SELECT f.id, f.content_id, f.kind, f.duration, f.category, f.added_at, {mask} "
        walk = "FROM files f INDEXED BY files_media_added WHERE f.status = 'media' AND "
        keep = f" AND +f.available = 1 AND ({keep})"
        # Seeks, never a skip nor a sort: the rest of one time's files (equal ``added_at``,
        # ids up from where the last page ended, as the index holds them), then the files
        # added before, down the index (of equal times the higher id first: reordered
        # here, and a time the page cut off is read again from its start by the first).
        same = f"{columns}{walk}f.added_at = ? AND f.id > ?{keep} ORDER BY f.id LIMIT ?"
        before = f"{columns}{walk}f.added_at < ?{keep} ORDER BY f.added_at DESC LIMIT ?"
        conn = self._reader(None)
        at: float | None = None
        last = -1
        while True:
            rows = []
            if at is not None:
                rows = conn.execute(same, (*mask_args, at, last, *keep_args, page)).fetchall()
                if len(rows) == page:
                    yield pending(rows)
                    last = rows[-1][0]
                    continue
            bound = float("inf") if at is None else at
            want = page - len(rows)
            more = conn.execute(before, (*mask_args, bound, *keep_args, want)).fetchall()
            if len(more) == want and more:  # its last time may go on past the page
                cut = more[-1][5]
                more = [r for r in more if r[5] != cut]
                at, last = cut, -1
            else:
                at = None
            rows += sorted(more, key=lambda r: (-r[5], r[0]))
            if rows:
                yield pending(rows)
            if at is None:
                return

    def done_counts(self) -> dict[tuple[str, str], int]:
        """Playable contents with a stored result, by (extractor, version)."""
        return self._content_counts("result")

    def failed_counts(self) -> dict[tuple[str, str], int]:
        """Playable contents with a failure, by (extractor, version)."""
        return self._content_counts("failure")

    def _content_counts(self, what: str) -> dict[tuple[str, str], int]:
        rows = self._reader(None).execute(
            "SELECT extractor, version, contents FROM content_counts "
            "WHERE what = ? AND contents != 0",
            (what,),
        )
        return {(r[0], r[1]): int(r[2]) for r in rows}

    def file_count(self, what: str) -> int:
        """How many files are ``playable``, ``unavailable`` (media not on disk),
        ``unreadable`` (on disk, not media) or ``failed`` (playable, a failure somewhere)."""
        row = self._reader(None).execute(
            "SELECT total(files) FROM file_counts WHERE what = ?", (what,)
        )
        return int(row.fetchone()[0])

    def folder_counts(self) -> dict[int, int]:
        """Media files (on disk or not) by folder id."""
        rows = self._reader(None).execute(
            "SELECT folder_id, sum(files) FROM file_counts "
            "WHERE what IN ('playable', 'unavailable') GROUP BY folder_id"
        )
        return {int(r[0]): int(r[1]) for r in rows}

    def check_counts(self) -> bool:
        """Recount the counters from the rows (one grouped pass over each table) and
        rewrite them if they drifted, e.g. after rows were written by something that
        bypassed the triggers. Returns whether they had. Seconds at a million files: run
        it off the GUI thread (the indexer does, before it plans).

        Compared first in one read transaction (a snapshot: rows and counters agree in it
        unless they drifted), so the writer is only held when there is something to mend.
        """
        conn = self._reader(None)
        conn.execute("BEGIN")
        try:
            same = counters.fresh(conn) == counters.stored(conn)
        finally:
            conn.execute("COMMIT")
        if same:
            return False
        with self._writer(None) as w:
            return counters.recount(w)

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
        """How many rows :meth:`failures` would list without a limit: the unreadable
        files, and each (playable file, failed extractor), from the counters."""
        row = self._reader(None).execute(
            "SELECT total(files) FROM file_counts WHERE what IN ('unreadable', 'failure')"
        )
        return int(row.fetchone()[0])

    def failed_file_count(self) -> int:
        """How many available files failed somewhere: unreadable, or an extractor failed."""
        row = self._reader(None).execute(
            "SELECT total(files) FROM file_counts WHERE what IN ('unreadable', 'failed')"
        )
        return int(row.fetchone()[0])

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

    def data_of(self, extractor: str) -> list[tuple[str, str]]:
        """(content id, data JSON) of every result of an extractor that stored data (a scan
        of the whole table: for whole-library passes such as finding duplicates)."""
        return [
            (r[0], r[1])
            for r in self._reader(None).execute(
                "SELECT content_id, data FROM features WHERE extractor = ? AND data IS NOT NULL",
                (extractor,),
            )
        ]

    def data_sample(self, extractor: str, contents: int, limit: int) -> list[str]:
        """Up to ``limit`` data JSONs an extractor stored, among the results of the newest
        ``contents`` files: primary-key lookups, where asking the whole ``features`` table
        for an extractor scans it (no index leads with ``extractor``): 1.6-2.5 s at 10^5
        files for the plugins page, on the thread For you waits behind."""
        rows = self._reader(None).execute(
            "SELECT f.data FROM (SELECT DISTINCT content_id FROM (SELECT content_id FROM files "
            "WHERE content_id IS NOT NULL ORDER BY id DESC LIMIT ?)) AS s "
            "JOIN features AS f ON f.content_id = s.content_id AND f.extractor = ? "
            "WHERE f.data IS NOT NULL LIMIT ?",
            (contents, extractor, limit),
        )
        return [r[0] for r in rows]

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
