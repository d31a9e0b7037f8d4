"""Counts of the library's work kept beside the rows, so ``status`` reads a few dozen rows.

Counting pending work on the rows themselves (files without a result or a failure of an
extractor version) walks every file once per extractor: 12 s at 100,000 files. Instead,
migration ``m010_work_counters`` keeps these tables, maintained by triggers on ``files``,
``features`` and ``failures`` in the same transactions as the writes they count:

``file_counts(what, extractor, version, kind, category, folder_id, files)``
    files by kind and category (``''`` for none), ``what`` being ``playable`` (media on
    disk), ``unavailable`` (media not on disk), ``unreadable`` (on disk, not media),
    ``failed`` (playable, with any failure), or, per (extractor, version), ``result``,
    ``failure`` and ``both`` (playable files whose content has a result, a failure, both
    of that version). ``folder_id`` is kept for the media rows only (0 elsewhere), for the
    folders' counts.
``content_counts(what, extractor, version, contents)``
    playable contents with a ``result`` or a ``failure`` of each (extractor, version).

So the pending count of an extractor is the playable files of its kinds and categories,
less those with a result or a failure: ``playable - (result + failure - both)``.

:func:`fresh` recomputes every count from the rows in one grouped pass per table (what
the migration fills them with); :func:`recount` compares and rewrites them when they
drifted (a write made outside these triggers), e.g. at the start of an indexing run.
"""

from __future__ import annotations

import sqlite3

Counts = dict[tuple, int]

PLAYABLE = "+f.status = 'media' AND +f.available = 1"

_FILES = (
    "SELECT CASE WHEN f.status = 'media' AND f.available = 1 THEN 'playable' "
    "WHEN f.status = 'media' THEN 'unavailable' "
    "WHEN f.status = 'invalid' AND f.available = 1 THEN 'unreadable' END AS what, '', '', "
    "coalesce(f.kind, ''), coalesce(f.category, ''), "
    "CASE WHEN f.status = 'media' THEN coalesce(f.folder_id, 0) ELSE 0 END, count(*) "
    "FROM files f WHERE what IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6"
)
_KEYED = (
    "SELECT '{what}', x.extractor, x.version, coalesce(f.kind, ''), coalesce(f.category, ''), "
    "0, count(*) FROM {table} x JOIN files f ON f.content_id = x.content_id "
    "WHERE {playable}{also} GROUP BY 2, 3, 4, 5"
)
_BOTH = " AND EXISTS (SELECT 1 FROM features y WHERE y.content_id = x.content_id AND " \
    "y.extractor = x.extractor AND y.version = x.version)"  # fmt: skip
_FAILED = (
    "SELECT 'failed', '', '', coalesce(f.kind, ''), coalesce(f.category, ''), 0, count(*) "
    "FROM files f WHERE f.status = 'media' AND f.available = 1 "
    "AND EXISTS (SELECT 1 FROM failures x WHERE x.content_id = f.content_id) GROUP BY 4, 5"
)
_CONTENTS = (
    "SELECT '{what}', extractor, version, count(*) FROM {table} WHERE content_id IN "
    "(SELECT content_id FROM files WHERE status = 'media' AND available = 1) GROUP BY 2, 3"
)


def fresh(conn: sqlite3.Connection) -> tuple[Counts, Counts]:
    """Every count recomputed from the rows: (file counts, content counts), zeros left out."""
    playable = PLAYABLE.replace("+", "")
    statements = [
        _FILES,
        _KEYED.format(what="result", table="features", playable=playable, also=""),
        _KEYED.format(what="failure", table="failures", playable=playable, also=""),
        _KEYED.format(what="both", table="failures", playable=playable, also=_BOTH),
        _FAILED,
    ]
    files: Counts = {}
    for sql in statements:
        files.update({tuple(r[:6]): int(r[6]) for r in conn.execute(sql) if r[6]})
    contents: Counts = {}
    for what, table in (("result", "features"), ("failure", "failures")):
        rows = conn.execute(_CONTENTS.format(what=what, table=table))
        contents.update({tuple(r[:3]): int(r[3]) for r in rows if r[3]})
    return files, contents


def stored(conn: sqlite3.Connection) -> tuple[Counts, Counts]:
    """The counts as the tables hold them, zeros left out."""
    files = {
        tuple(r[:6]): int(r[6])
        for r in conn.execute(
            "SELECT what, extractor, version, kind, category, folder_id, files FROM file_counts "
            "WHERE files != 0"
        )
    }
    contents = {
        tuple(r[:3]): int(r[3])
        for r in conn.execute(
            "SELECT what, extractor, version, contents FROM content_counts WHERE contents != 0"
        )
    }
    return files, contents


def fill(conn: sqlite3.Connection, counts: tuple[Counts, Counts] | None = None) -> None:
    """Replace the stored counts with ``counts`` (recomputed when not given)."""
    files, contents = fresh(conn) if counts is None else counts
    conn.execute("DELETE FROM file_counts")
    conn.execute("DELETE FROM content_counts")
    conn.executemany(
        "INSERT INTO file_counts (what, extractor, version, kind, category, folder_id, files) "
        "VALUES (?,?,?,?,?,?,?)",
        [(*k, n) for k, n in files.items()],
    )
    conn.executemany(
        "INSERT INTO content_counts (what, extractor, version, contents) VALUES (?,?,?,?)",
        [(*k, n) for k, n in contents.items()],
    )


def recount(conn: sqlite3.Connection) -> bool:
    """Recompute the counts; rewrite them if they drifted. Returns whether they had.

    Call inside a write transaction (``conn`` is the writer), so no write slips in
    between the recount and the rewrite.
    """
    counts = fresh(conn)
    if counts == stored(conn):
        return False
    fill(conn, counts)
    return True
