"""The index's file table follows the library by reading only the files that changed
(the ``file_changes`` log), and always equals a full read of every row."""

from __future__ import annotations

import random
import time

import numpy as np

from medialens.core.index import LibraryIndex, _file_table
from medialens.store import Store

KINDS = ("audio", "video", None)


def insert(conn, rnd: random.Random, n: int, next_id: list[int]) -> None:
    for _ in range(n):
        i = next_id[0]
        next_id[0] += 1
        path = f"/m/f{i}.ogg"
        conn.execute(
            "INSERT INTO files (id, path, display_path, content_id, size, mtime_ns, status, "
            "kind, duration, available, added_at, changed_at) "
            "VALUES (?, ?, ?, ?, 1, 1, 'media', ?, ?, 1, ?, ?)",
            (
                i, path.encode(), path,
                # shared contents (copies), and ids of other lengths than the rest
                f"c{rnd.randrange(60)}" if rnd.random() < 0.3 else f"content-{i:0{rnd.choice((3, 9))}d}",
                rnd.choice(KINDS), rnd.choice((None, rnd.uniform(1, 600))),
                time.time() - rnd.uniform(0, 1e6), time.time(),
            ),
        )  # fmt: skip


def change(conn, rnd: random.Random, next_id: list[int]) -> None:
    """A batch of adds, updates, removals and renames."""
    ids = [r[0] for r in conn.execute("SELECT id FROM files")]
    insert(conn, rnd, rnd.randrange(0, 8), next_id)
    for fid in rnd.sample(ids, min(len(ids), rnd.randrange(0, 10))):
        what = rnd.randrange(9)
        if what == 0:
            conn.execute("DELETE FROM files WHERE id = ?", (fid,))
        elif what == 1:  # rename: the row keeps its id
            conn.execute(
                "UPDATE files SET path = ?, display_path = ? WHERE id = ?",
                (f"/m/r{fid}-{rnd.random()}".encode(), f"/m/r{fid}", fid),
            )
        elif what == 2:  # rename seen as a new file: a new id for the same content
            (cid,) = conn.execute("SELECT content_id FROM files WHERE id = ?", (fid,)).fetchone()
            conn.execute("DELETE FROM files WHERE id = ?", (fid,))
            insert(conn, rnd, 1, next_id)
            conn.execute("UPDATE files SET content_id = ? WHERE id = ?", (cid, next_id[0] - 1))
        elif what == 3:
            conn.execute(
                "UPDATE files SET content_id = ? WHERE id = ?", (f"c{rnd.randrange(60)}", fid)
            )
        elif what == 4:
            conn.execute("UPDATE files SET available = 1 - available WHERE id = ?", (fid,))
        elif what == 5:
            conn.execute(
                "UPDATE files SET status = ? WHERE id = ?", (rnd.choice(("media", "invalid")), fid)
            )
        elif what == 6:
            conn.execute("UPDATE files SET kind = ? WHERE id = ?", (rnd.choice(KINDS), fid))
        elif what == 7:
            conn.execute(
                "UPDATE files SET duration = ?, added_at = ? WHERE id = ?",
                (rnd.choice((None, rnd.uniform(1, 9))), rnd.uniform(0, 1e9), fid),
            )
        else:
            conn.execute("UPDATE files SET content_id = NULL WHERE id = ?", (fid,))


def same(a, b) -> None:
    for column in ("ids", "codes", "content_ids", "first", "kinds", "durations", "added_at"):
        x, y = getattr(a, column), getattr(b, column)
        assert x.dtype == y.dtype, column
        np.testing.assert_array_equal(x, y, err_msg=column)
    assert a.kind_names == b.kind_names


def filled(tmp_path, seed: int, n: int):
    """A new store with ``n`` random files, its random source and the next free id."""
    store = Store(tmp_path / "library.sqlite3", create=True, daily_backup=False)
    rnd, next_id = random.Random(seed), [1]
    with store.write() as conn:
        insert(conn, rnd, n, next_id)
    return store, rnd, next_id


def test_the_file_table_is_patched_with_the_changes_and_equals_a_full_read(tmp_path):
    store, rnd, next_id = filled(tmp_path, 12, 300)
    full_reads = []
    read = store.vectors.media_columns

    def counted():
        full_reads.append(1)
        return read()

    store.vectors.media_columns = counted  # type: ignore[method-assign]
    index = LibraryIndex(store, folder=tmp_path / "index")
    try:
        index.refresh()
        assert len(full_reads) == 1  # the first open reads every row
        for step in range(60):
            with store.write() as conn:
                change(conn, rnd, next_id)
                if step % 7 == 0:  # a result only: the same files at a newer revision
                    conn.execute("UPDATE revision SET value = value + 1")
            files = index.refresh().files
            same(files, _file_table(None, read()))
        assert len(full_reads) == 1  # every change since was patched in
        # reopened from disk (a restart), then one more change: still no full read
        index.close()
        with store.write() as conn:
            change(conn, rnd, next_id)
            insert(conn, rnd, 2, next_id)
        reopened = LibraryIndex(store, folder=tmp_path / "index")
        same(reopened.refresh().files, _file_table(None, read()))
        assert len(full_reads) == 1
        reopened.close()
        # everything removed, then new files
        with store.write() as conn:
            conn.execute("DELETE FROM files")
        index = LibraryIndex(store, folder=tmp_path / "index")
        same(index.refresh().files, _file_table(None, read()))
        with store.write() as conn:
            insert(conn, rnd, 5, next_id)
        same(index.refresh().files, _file_table(None, read()))
    finally:
        index.close()
        store.close()


def test_a_log_that_no_longer_reaches_back_means_a_full_read(tmp_path):
    store, rnd, next_id = filled(tmp_path, 3, 50)
    index = LibraryIndex(store, folder=tmp_path / "index")
    try:
        index.refresh()
        with store.write() as conn:
            change(conn, rnd, next_id)
            insert(conn, rnd, 3, next_id)
            conn.execute("DELETE FROM file_changes")  # as if pruned past what was seen
            insert(conn, rnd, 3, next_id)
        assert store.vectors.files_changed_since(index._file_table_at or 0) is None
        same(index.refresh().files, _file_table(None, store.vectors.media_columns()))
    finally:
        index.close()
        store.close()


def test_the_log_prunes_its_oldest_entries(tmp_path, monkeypatch):
    from medialens.store import migrations

    store = Store(tmp_path / "library.sqlite3", create=True, daily_backup=False)
    monkeypatch.setattr(migrations, "FILE_LOG_KEEP", 100)
    monkeypatch.setattr(migrations, "_FILE_LOG_PRUNE_EVERY", 64)
    try:
        with store.write() as conn:
            migrations.m013_file_change_log(conn)  # again (idempotent), keeping fewer
            insert(conn, random.Random(1), 1000, [1])
            low, high, count = conn.execute(
                "SELECT min(seq), max(seq), count(*) FROM file_changes"
            ).fetchone()
        assert high == 1000 and count == high - low + 1 and 100 <= count < 100 + 64
        assert store.vectors.files_changed_since(0) is None  # pruned past it
        assert store.vectors.files_changed_since(high - 10) == (high, list(range(991, 1001)))
    finally:
        store.close()
