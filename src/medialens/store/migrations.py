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

import json
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


_COUNT_TABLES = (
    "CREATE TABLE file_counts (what TEXT NOT NULL, extractor TEXT NOT NULL, "
    "version TEXT NOT NULL, kind TEXT NOT NULL, category TEXT NOT NULL, "
    "folder_id INTEGER NOT NULL, files INTEGER NOT NULL, "
    "PRIMARY KEY (what, extractor, version, kind, category, folder_id)) WITHOUT ROWID",
    "CREATE TABLE content_counts (what TEXT NOT NULL, extractor TEXT NOT NULL, "
    "version TEXT NOT NULL, contents INTEGER NOT NULL, "
    "PRIMARY KEY (what, extractor, version)) WITHOUT ROWID",
)
_ADD_FILES = (
    "ON CONFLICT (what, extractor, version, kind, category, folder_id) "
    "DO UPDATE SET files = files + excluded.files"
)
_ADD_CONTENTS = (
    "ON CONFLICT (what, extractor, version) DO UPDATE SET contents = contents + excluded.contents"
)
# "+" keeps SQLite on files_content for a content's files (not the status index)
_PLAYABLE_OF = (
    "FROM files f WHERE f.content_id = {r}.content_id AND +f.status = 'media' AND +f.available = 1"
)


def _file_row_counts(r: str, sign: str) -> list[str]:
    """What one ``files`` row (``NEW`` or ``OLD``) adds to the counts (``sign`` 1 or -1)."""
    playable = f"{r}.status = 'media' AND {r}.available = 1"
    keys = f"coalesce({r}.kind, ''), coalesce({r}.category, '')"
    alone = (
        f"NOT EXISTS (SELECT 1 FROM files o WHERE o.content_id = {r}.content_id "
        f"AND o.id != {r}.id AND +o.status = 'media' AND +o.available = 1)"
    )
    both = (
        "EXISTS (SELECT 1 FROM features y WHERE y.content_id = x.content_id "
        "AND y.extractor = x.extractor AND y.version = x.version)"
    )
    into = "INSERT INTO file_counts (what, extractor, version, kind, category, folder_id, files)"
    return [
        f"{into} SELECT w, '', '', {keys}, "
        f"CASE WHEN {r}.status = 'media' THEN coalesce({r}.folder_id, 0) ELSE 0 END, {sign} "
        f"FROM (SELECT CASE WHEN {playable} THEN 'playable' "
        f"WHEN {r}.status = 'media' THEN 'unavailable' "
        f"WHEN {r}.status = 'invalid' AND {r}.available = 1 THEN 'unreadable' END AS w) "
        f"WHERE w IS NOT NULL {_ADD_FILES}",
        f"{into} SELECT 'result', x.extractor, x.version, {keys}, 0, {sign} FROM features x "
        f"WHERE x.content_id = {r}.content_id AND {playable} {_ADD_FILES}",
        f"{into} SELECT 'failure', x.extractor, x.version, {keys}, 0, {sign} FROM failures x "
        f"WHERE x.content_id = {r}.content_id AND {playable} {_ADD_FILES}",
        f"{into} SELECT 'both', x.extractor, x.version, {keys}, 0, {sign} FROM failures x "
        f"WHERE x.content_id = {r}.content_id AND {playable} AND {both} {_ADD_FILES}",
        f"{into} SELECT 'failed', '', '', {keys}, 0, {sign} WHERE {playable} AND EXISTS "
        f"(SELECT 1 FROM failures x WHERE x.content_id = {r}.content_id) {_ADD_FILES}",
        "INSERT INTO content_counts (what, extractor, version, contents) "
        f"SELECT 'result', x.extractor, x.version, {sign} FROM features x "
        f"WHERE x.content_id = {r}.content_id AND {playable} AND {alone} {_ADD_CONTENTS}",
        "INSERT INTO content_counts (what, extractor, version, contents) "
        f"SELECT 'failure', x.extractor, x.version, {sign} FROM failures x "
        f"WHERE x.content_id = {r}.content_id AND {playable} AND {alone} {_ADD_CONTENTS}",
    ]


def _work_row_counts(table: str, r: str, sign: str, failed: bool = True) -> list[str]:
    """What one ``features`` or ``failures`` row adds to the counts, for every playable
    file of its content. ``failed``: also the "has any failure" count (failures only)."""
    what, other = ("result", "failures") if table == "features" else ("failure", "features")
    into = "INSERT INTO file_counts (what, extractor, version, kind, category, folder_id, files)"
    keys = "coalesce(f.kind, ''), coalesce(f.category, '')"
    playable_of = _PLAYABLE_OF.format(r=r)
    statements = [
        f"{into} SELECT '{what}', {r}.extractor, {r}.version, {keys}, 0, {sign} "
        f"{playable_of} {_ADD_FILES}",
        f"{into} SELECT 'both', {r}.extractor, {r}.version, {keys}, 0, {sign} {playable_of} "
        f"AND EXISTS (SELECT 1 FROM {other} y WHERE y.content_id = {r}.content_id "
        f"AND y.extractor = {r}.extractor AND y.version = {r}.version) {_ADD_FILES}",
        "INSERT INTO content_counts (what, extractor, version, contents) "
        f"SELECT '{what}', {r}.extractor, {r}.version, {sign} WHERE EXISTS (SELECT 1 "
        f"{playable_of}) {_ADD_CONTENTS}",
    ]
    if table == "failures" and failed:
        # the content's first failure (or its last one gone) flips its files' "failed"
        statements.append(
            f"{into} SELECT 'failed', '', '', {keys}, 0, {sign} {playable_of} AND NOT EXISTS "
            f"(SELECT 1 FROM failures y WHERE y.content_id = {r}.content_id "
            f"AND y.extractor != {r}.extractor) {_ADD_FILES}"
        )
    return statements


def _trigger(name: str, event: str, when: str, statements: list[str]) -> str:
    body = "".join(f"{s}; " for s in statements)
    return f"CREATE TRIGGER {name} AFTER {event} WHEN {when} BEGIN {body}END"


def m010_work_counters(conn: sqlite3.Connection) -> None:
    """Counters of the library's work (``store.counters``), kept by triggers, so ``status``
    and the Activity page read a few dozen rows instead of counting every file once per
    extractor (12 s at 100,000 files); filled in one grouped pass over each table.

    And two indexes for the GUI's one-second polls: the newest change of a media file
    (``views.signature``) and the results written since a time (``vectors.changed_since``).
    """
    from medialens.store.counters import fill

    for statement in _COUNT_TABLES:
        conn.execute(statement)
    conn.execute("CREATE INDEX files_media_changed ON files(status, changed_at)")
    conn.execute("CREATE INDEX features_created ON features(created_at)")
    fill(conn)
    files_changed = " OR ".join(
        f"OLD.{c} IS NOT NEW.{c}"
        for c in ("status", "available", "kind", "category", "content_id", "folder_id")
    )
    triggers = [
        _trigger("files_insert_counts", "INSERT ON files", "1", _file_row_counts("NEW", "1")),
        _trigger("files_delete_counts", "DELETE ON files", "1", _file_row_counts("OLD", "-1")),
        _trigger(
            "files_update_counts",
            "UPDATE OF status, available, kind, category, content_id, folder_id ON files",
            files_changed,
            _file_row_counts("OLD", "-1") + _file_row_counts("NEW", "1"),
        ),
    ]
    for table in ("features", "failures"):
        key_changed = " OR ".join(
            f"OLD.{c} IS NOT NEW.{c}" for c in ("content_id", "extractor", "version")
        )
        moved = "OLD.content_id IS NOT NEW.content_id"
        triggers += [
            _trigger(
                f"{table}_insert_counts",
                f"INSERT ON {table}",
                "1",
                _work_row_counts(table, "NEW", "1"),
            ),
            _trigger(
                f"{table}_delete_counts",
                f"DELETE ON {table}",
                "1",
                _work_row_counts(table, "OLD", "-1"),
            ),
            _trigger(
                f"{table}_update_counts",
                f"UPDATE OF content_id, extractor, version ON {table}",
                key_changed,
                _work_row_counts(table, "OLD", "-1", failed=False)
                + _work_row_counts(table, "NEW", "1", failed=False),
            ),
        ]
        if table == "failures":
            triggers.append(
                _trigger(
                    "failures_move_counts",
                    "UPDATE OF content_id ON failures",
                    moved,
                    [
                        _work_row_counts(table, "OLD", "-1")[-1],
                        _work_row_counts(table, "NEW", "1")[-1],
                    ],
                )
            )
    for statement in triggers:
        conn.execute(statement)


def m011_text_terms(conn: sqlite3.Connection) -> None:
    """Every term of the full-text index, on a primary key, so search can expand a prefix.

    FTS5 without a prefix index answers ``"sunset"*`` by merging the doclists of every
    term with that prefix before the first row (and bm25 does it again to count them):
    30 ms and more at 10^6 documents for one common word, most of a search. With the
    terms at hand a prefix becomes an OR of the few terms it stands for, which FTS5 walks
    lazily (``core.search.fts_query``). A prefix index (``prefix=``) would serve only
    prefixes of the lengths it was built for and double the index at each length.

    Filled in one pass over the index's own vocabulary (no document is read or rewritten,
    so nothing can be lost and ranks stay the same); from then on every document written
    adds its terms (``text_index.record_terms``).
    """
    conn.execute("CREATE TABLE text_terms (term TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute(
        "CREATE VIRTUAL TABLE temp.text_index_terms USING fts5vocab(main, 'text_index', 'row')"
    )
    conn.execute("INSERT INTO text_terms (term) SELECT term FROM temp.text_index_terms")
    conn.execute("DROP TABLE temp.text_index_terms")


def m012_text_prefix_index(conn: sqlite3.Connection) -> None:
    """Rebuild the full-text index with prefix indexes for 3, 4 and 5 characters.

    A typed prefix that stands for more terms than search expands into an OR (a short one:
    "w12", "sun", "pia") was answered by merging the doclist of every term it stands
    for before the first row, and bm25 then read the merged list again to count it: 40-70
    ms at 10^6 documents. FTS5 keeps a prefix's doclist ready when the table is declared
    with ``prefix=``, with the same matches and bm25 scores. A prefix of one or two
    characters is never asked (short words match whole words), and one of six or more
    rarely stands for many terms; each length indexed adds about the index's own size
    (at 10^6: 48 MB of postings, 130 MB with lengths 3 and 4).

    FTS5 cannot add a prefix index to an existing table, so the documents are copied
    under their own rowids (``text_docs`` and ``text_terms`` stay valid) into a new table
    that then takes the old one's name. One transaction, as every migration: an
    interrupted rebuild rolls back to the old index and runs again on the next open.
    """
    from medialens.store.text_index import PREFIXES, TOKENIZER

    conn.execute("DROP TABLE IF EXISTS text_index_rebuilt")
    conn.execute(
        "CREATE VIRTUAL TABLE text_index_rebuilt USING fts5("
        f"content_id UNINDEXED, extractor UNINDEXED, body, tokenize = '{TOKENIZER}', "
        f"prefix = '{' '.join(map(str, PREFIXES))}')"
    )
    conn.execute(
        "INSERT INTO text_index_rebuilt (rowid, content_id, extractor, body) "
        "SELECT rowid, content_id, extractor, body FROM text_index"
    )
    conn.execute("DROP TABLE text_index")
    conn.execute("ALTER TABLE text_index_rebuilt RENAME TO text_index")


#: Changes of ``files`` rows the log keeps (older ones are pruned as new ones come): a
#: reader that last looked further back reads the whole table again.
FILE_LOG_KEEP = 262144
_FILE_LOG_PRUNE_EVERY = 4096


def m013_file_change_log(conn: sqlite3.Connection) -> None:
    """A log of the ``files`` rows whose media facts changed, by id, in order.

    The index keeps the available media files as columns (``core.index.FileTable``) and
    re-read all of them whenever the library revision moved: 3 s of CPU at 10^6 files,
    holding the GIL in Python loops while the window ran. With the log it reads only the
    rows changed since the position it saw last. Triggers write it: a row added or
    removed, or one whose status, availability, content, kind, duration or time added
    changed (a move that keeps the row's id changes none of these); every 4,096 entries
    the ones older than the newest 262,144 are dropped, so the log stays a few MB.
    Idempotent: a library one version behind (tests make one) may have the table.
    """
    watched = ("id", "status", "available", "content_id", "kind", "duration", "added_at")
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in watched)
    statements = [
        "CREATE TABLE IF NOT EXISTS file_changes "
        "(seq INTEGER PRIMARY KEY AUTOINCREMENT, file_id INTEGER NOT NULL)",
        "DROP TRIGGER IF EXISTS files_insert_log",
        "DROP TRIGGER IF EXISTS files_delete_log",
        "DROP TRIGGER IF EXISTS files_update_log",
        "DROP TRIGGER IF EXISTS file_changes_prune",
        "CREATE TRIGGER files_insert_log AFTER INSERT ON files "
        "BEGIN INSERT INTO file_changes (file_id) VALUES (NEW.id); END",
        "CREATE TRIGGER files_delete_log AFTER DELETE ON files "
        "BEGIN INSERT INTO file_changes (file_id) VALUES (OLD.id); END",
        f"CREATE TRIGGER files_update_log AFTER UPDATE OF {', '.join(watched)} ON files "
        f"WHEN {changed} BEGIN INSERT INTO file_changes (file_id) VALUES (OLD.id); "
        "INSERT INTO file_changes (file_id) SELECT NEW.id WHERE NEW.id != OLD.id; END",
        "CREATE TRIGGER file_changes_prune AFTER INSERT ON file_changes "
        f"WHEN NEW.seq % {_FILE_LOG_PRUNE_EVERY} = 0 BEGIN DELETE FROM file_changes "
        f"WHERE seq <= NEW.seq - {FILE_LOG_KEEP}; END",
    ]
    for statement in statements:
        conn.execute(statement)


def m014_tag_packs(conn: sqlite3.Connection) -> None:
    """Each result's tags packed beside their JSON, so a cold rebuild of the feature index
    needs no JSON parse (~1.2 s of CPU at 10^5 files, on every start after an upgrade).

    ``tag_names`` numbers every tag once; ``features.tag_pack`` holds a row's tags as
    (id, score) records in the JSON's order (``vectors.TAG_PACK``), written with the
    JSON by ``results.save``. The JSON stays what the rest reads: the pack is a copy of it,
    and a write that changes the tags without the pack (SQL of its own) clears the pack,
    so the index falls back to the JSON there. Filled here a block of rows at a time (a
    million tagged rows never in memory at once); a row whose JSON cannot be read keeps
    no pack. The backup made before any migration keeps the library as it was.
    """
    from medialens.store.vectors import name_tags, tag_pack

    conn.execute(
        "CREATE TABLE IF NOT EXISTS tag_names (id INTEGER PRIMARY KEY, tag TEXT NOT NULL UNIQUE)"
    )
    columns = {r[1] for r in conn.execute("PRAGMA table_info(features)")}
    if "tag_pack" not in columns:
        conn.execute("ALTER TABLE features ADD COLUMN tag_pack BLOB")
    known = dict(conn.execute("SELECT tag, id FROM tag_names"))
    last = -1
    while rows := conn.execute(
        "SELECT rowid, tags FROM features WHERE rowid > ? AND tags IS NOT NULL "
        "ORDER BY rowid LIMIT 4096",
        (last,),
    ).fetchall():
        last = rows[-1][0]
        packs = []
        for rowid, text in rows:
            try:
                tags = json.loads(text)
                scores = [float(v) for v in tags.values()] if isinstance(tags, dict) else None
            except (ValueError, TypeError, AttributeError):
                scores = None
            if scores:
                packs.append((tag_pack(name_tags(conn, list(tags), known), scores), rowid))
        conn.executemany("UPDATE features SET tag_pack = ? WHERE rowid = ?", packs)
    conn.execute("DROP TRIGGER IF EXISTS features_tag_pack_stale")
    conn.execute(
        "CREATE TRIGGER features_tag_pack_stale AFTER UPDATE OF tags ON features "
        "WHEN NEW.tags IS NOT OLD.tags AND NEW.tag_pack IS OLD.tag_pack "
        "BEGIN UPDATE features SET tag_pack = NULL WHERE rowid = NEW.rowid; END"
    )


def m015_vector_block_index(conn: sqlite3.Connection) -> None:
    """The vectors' index by block with each row's modality: the blocks a cold rebuild of
    the index reads, and their modality, are found in a few seeks of it
    (``vectors.block_names``) instead of a read of every vector row (0.2-0.3 s at 10^5).
    It replaces ``vectors_name`` (extractor, name), which it starts with."""
    conn.execute("CREATE INDEX IF NOT EXISTS vectors_block ON vectors(extractor, name, modality)")
    conn.execute("DROP INDEX IF EXISTS vectors_name")


def m016_term_documents(conn: sqlite3.Connection) -> None:
    """Each term's documents beside it in ``text_terms`` (``docs``), kept at every write.

    FTS5's bm25() works out each phrase's idf by counting its documents from its whole
    doclist on every query: 30-40 ms at 10^6 documents for a common word, where finding
    the matches costs 1.5-16 ms. With the counts kept, search scores the matches itself
    (``text_index.TextIndex.match``). Filled in one pass over the index's own vocabulary
    (its 'row' table: each term and the documents holding it; 0.6 s of CPU at 10^6
    documents of 5,000 terms); terms no document holds any more are dropped (they matched
    nothing). From then on each document written or removed counts its terms
    (``text_index.record_terms``).
    """
    conn.execute("DROP TABLE IF EXISTS text_terms_counted")
    conn.execute(
        "CREATE TABLE text_terms_counted (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) "
        "WITHOUT ROWID"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE temp.text_index_terms USING fts5vocab(main, 'text_index', 'row')"
    )
    conn.execute(
        "INSERT INTO text_terms_counted (term, docs) SELECT term, doc FROM temp.text_index_terms"
    )
    conn.execute("DROP TABLE temp.text_index_terms")
    conn.execute("DROP TABLE text_terms")
    conn.execute("ALTER TABLE text_terms_counted RENAME TO text_terms")


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
    m010_work_counters,
    m011_text_terms,
    m012_text_prefix_index,
    m013_file_change_log,
    m014_tag_packs,
    m015_vector_block_index,
    m016_term_documents,
]
