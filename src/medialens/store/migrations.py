"""Numbered schema migrations. Append only: never edit one that has shipped.

Each migration runs once, in its own transaction, and is recorded in the
``migrations`` table with its number, so a database from an older version opens
and upgrades, and one from a newer version is refused untouched.

Paths are stored twice: ``path`` as the raw bytes of the file system name (so
names that are not UTF-8 survive), ``display_path`` as text for people.
Features hang off ``content_id`` (the file's identity), not the row id, so a
file that moves or is copied keeps its features; playback history keeps the
content id too, so it survives a folder being removed and added again.
"""

from __future__ import annotations

import re
import sqlite3
import time


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit the migration's transaction."""
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def m001_initial(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE folders (
            id INTEGER PRIMARY KEY,
            path BLOB NOT NULL UNIQUE,
            display_path TEXT NOT NULL,
            added_at REAL NOT NULL,
            available INTEGER NOT NULL DEFAULT 1,
            last_scan REAL,
            error TEXT
        );
        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            path BLOB NOT NULL UNIQUE,
            display_path TEXT NOT NULL,
            folder_id INTEGER REFERENCES folders(id) ON DELETE CASCADE,
            content_id TEXT,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            status TEXT NOT NULL,          -- media | invalid | ignored
            error TEXT,
            kind TEXT,                     -- audio | video
            duration REAL,
            title TEXT,
            metadata TEXT,                 -- JSON from probing
            available INTEGER NOT NULL DEFAULT 1,
            added_at REAL NOT NULL,
            changed_at REAL NOT NULL
        );
        CREATE INDEX files_content ON files(content_id);
        CREATE INDEX files_folder ON files(folder_id);
        CREATE INDEX files_status ON files(status, available);

        CREATE TABLE features (
            content_id TEXT NOT NULL,
            extractor TEXT NOT NULL,
            version TEXT NOT NULL,
            created_at REAL NOT NULL,
            seconds REAL,
            tags TEXT,
            text TEXT,
            scalars TEXT,
            data TEXT,
            PRIMARY KEY (content_id, extractor)
        );
        CREATE TABLE vectors (
            content_id TEXT NOT NULL,
            extractor TEXT NOT NULL,
            name TEXT NOT NULL,
            modality TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (content_id, extractor, name)
        );
        CREATE INDEX vectors_name ON vectors(extractor, name);
        CREATE TABLE failures (
            content_id TEXT NOT NULL,
            extractor TEXT NOT NULL,
            version TEXT NOT NULL,
            error TEXT NOT NULL,
            at REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (content_id, extractor)
        );
        CREATE VIRTUAL TABLE text_index USING fts5(
            content_id UNINDEXED, extractor UNINDEXED, body,
            tokenize = 'unicode61 remove_diacritics 2'
        );

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            file_id INTEGER REFERENCES files(id) ON DELETE SET NULL,
            content_id TEXT,
            kind TEXT NOT NULL,
            position REAL,
            duration REAL,
            at REAL NOT NULL,
            session TEXT
        );
        CREATE INDEX events_file ON events(file_id, at);
        CREATE INDEX events_content ON events(content_id, at);

        CREATE TABLE plugins (
            name TEXT PRIMARY KEY,
            disabled INTEGER NOT NULL DEFAULT 0,
            malfunction TEXT
        );
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE model_state (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at REAL NOT NULL);
        """,
    )


def m002_revision_counter(conn: sqlite3.Connection) -> None:
    """A counter bumped by every change to files, features and vectors.

    The in-memory feature index compares it to decide whether to reload, which
    costs one row read instead of aggregates over 100,000 rows per query.
    """
    statements = [
        "CREATE TABLE revision (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT INTO revision VALUES ('library', 0)",
    ]
    for table in ("files", "features", "vectors"):
        for event in ("INSERT", "UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER {table}_{event.lower()}_revision AFTER {event} ON {table} "
                "BEGIN UPDATE revision SET value = value + 1 WHERE name = 'library'; END"
            )
    for statement in statements:
        conn.execute(statement)


def m003_category_and_music_tags(conn: sqlite3.Connection) -> None:
    """What a file is for a person, and the tags the Artists and Albums views group by.

    ``category`` is music | speech | sound | video, NULL while unknown (decided by
    ``core.kinds`` as a file's evidence arrives). The music columns are the probe's
    normalised tags (``core.tags.music_tags``); the library fills them for existing rows
    when it opens (see ``Library.refresh_facts``), since SQL cannot parse "3/12".
    """
    for column in (
        "category TEXT",
        "artist TEXT",
        "album_artist TEXT",
        "album TEXT",
        "track INTEGER",
        "disc INTEGER",
        "year INTEGER",
        "genre TEXT",
    ):
        conn.execute(f"ALTER TABLE files ADD COLUMN {column}")
    conn.execute("CREATE INDEX files_category ON files(category, status, available)")
    conn.execute("CREATE INDEX files_artist ON files(artist)")
    conn.execute(
        "CREATE INDEX files_album ON files(coalesce(album_artist, artist), album, disc, track)"
    )


_EXTRACTOR_IN_MALFUNCTION = re.compile(r"^extractor '([^']+)' (.*)$", re.DOTALL)


def m004_extractor_malfunctions(conn: sqlite3.Connection) -> None:
    """Malfunction is an extractor's, not its plugin's: one failing extractor no longer stops
    its siblings.

    Until now the pipeline wrote "extractor 'x' failed on 5 files in a row; ..." into
    ``plugins.malfunction``. Those rows move to the extractor they name; ``plugins.malfunction``
    stays for the schema's sake but is no longer written.
    """
    conn.execute(
        "CREATE TABLE extractor_malfunctions (extractor TEXT PRIMARY KEY, plugin TEXT NOT NULL, "
        "error TEXT NOT NULL, at REAL NOT NULL)"
    )
    rows = conn.execute("SELECT name, malfunction FROM plugins WHERE malfunction IS NOT NULL")
    for plugin, error in rows.fetchall():
        match = _EXTRACTOR_IN_MALFUNCTION.match(error)
        if match is not None:
            conn.execute(
                "INSERT OR REPLACE INTO extractor_malfunctions (extractor, plugin, error, at) "
                "VALUES (?, ?, ?, ?)",
                (match[1], plugin, match[2], time.time()),
            )
    conn.execute("UPDATE plugins SET malfunction = NULL")


def m005_cjk_words(conn: sqlite3.Connection) -> None:
    """Chinese (and other CJK) text is indexed a character a word (``text_index.indexable``):
    re-write the documents stored before, so "出口" finds "紧急出口" in them too."""
    from medialens.store.text_index import CJK, indexable

    rows = conn.execute("SELECT rowid, body FROM text_index").fetchall()
    for rowid, body in rows:
        if body and CJK.search(body):
            conn.execute("UPDATE text_index SET body = ? WHERE rowid = ?", (indexable(body), rowid))


def m006_event_uids(conn: sqlite3.Connection) -> None:
    """Every event gets a unique id, the one the playback journal (``store.journal``) writes
    beside it, so that replaying the journal onto a restored backup adds each event once."""
    conn.execute("ALTER TABLE events ADD COLUMN uid TEXT")
    conn.execute("UPDATE events SET uid = lower(hex(randomblob(16)))")
    conn.execute("CREATE UNIQUE INDEX events_uid ON events(uid)")


def m007_file_ctime(conn: sqlite3.Connection) -> None:
    """The inode change time beside the mtime: a rewrite that keeps size and mtime (``touch
    -r``, ``rsync --times``, a tool restoring timestamps) still changes the ctime, which no
    program can set, so the scanner hashes the file again. NULL for rows stored before: the
    scanner fills it in on the next rescan without re-hashing them."""
    conn.execute("ALTER TABLE files ADD COLUMN ctime_ns INTEGER")


def m008_text_docs(conn: sqlite3.Connection) -> None:
    """Find a result's full-text document by rowid, not by scanning the index.

    ``text_index.content_id`` is UNINDEXED, so replacing a document through it scanned
    the whole index on every write (0.3 ms at 1,000 files, 24 ms at 100,000: indexing
    was quadratic). ``text_docs`` maps (content, extractor) to the document's rowid on a
    primary key. Filled in one pass over the index (no document is rewritten, so search
    ranks stay the same); where an older write left two documents for one key, the
    newest is kept, as the next write of that key would have done. And ``failures_at``
    for the newest failures.
    """
    conn.execute(
        "CREATE TABLE text_docs (content_id TEXT NOT NULL, extractor TEXT NOT NULL, "
        "doc INTEGER NOT NULL, PRIMARY KEY (content_id, extractor)) WITHOUT ROWID"
    )
    conn.execute(
        "INSERT INTO text_docs (content_id, extractor, doc) SELECT content_id, extractor, "
        "max(rowid) FROM text_index GROUP BY content_id, extractor"
    )
    mapped = conn.execute("SELECT count(*) FROM text_docs").fetchone()[0]
    documents = conn.execute("SELECT count(*) FROM text_index").fetchone()[0]
    if documents != mapped:
        conn.execute("DELETE FROM text_index WHERE rowid NOT IN (SELECT doc FROM text_docs)")
    # The Activity page lists the newest failures first: walked on this index, the first
    # hundreds cost the same however many files failed.
    conn.execute("CREATE INDEX failures_at ON failures(at)")


def m009_grid_sort_indexes(conn: sqlite3.Connection) -> None:
    """Indexes the library grid pages through in order: newest first (the default), and by
    title (a file's name when its tags give none, as ``store.views`` sorts it), so the
    grid's id order walks an index instead of sorting a million rows."""
    conn.execute("CREATE INDEX files_media_added ON files(status, added_at)")
    conn.execute(
        "CREATE INDEX files_media_title ON files(status, lower(coalesce(title, "
        "replace(display_path, rtrim(display_path, replace(display_path, '/', '')), ''))))"
    )


MIGRATIONS = [
    m001_initial,
    m002_revision_counter,
    m003_category_and_music_tags,
    m004_extractor_malfunctions,
    m005_cjk_words,
    m006_event_uids,
    m007_file_ctime,
    m008_text_docs,
    m009_grid_sort_indexes,
]
