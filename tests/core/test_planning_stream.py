"""Planning from the counters and the store's anti-join finds exactly the jobs of the full
computation over every stored key.

``plan_jobs`` skips the extractors the work counters say have nothing pending, asks the
store for the files where the others have work (page by page, newest first) and applies
``requires`` to those only. After each change below (the scanner's, the pipeline's, the
Activity page's, an extractor's new version, one disabled, a new one, ``requires``
chains, categories), its jobs are compared with those the code before it computed: every
stored key of the active extractors read, and every playable file walked.
"""

from __future__ import annotations

import time

import pytest

from medialens.core.planning import Job, pending_extractors, pending_jobs, plan_jobs
from medialens.store import ExaminedFile, ResultValues, Store

VALUES = ResultValues({}, None, {}, {}, {})


class Fake:
    def __init__(self, name, version="1", kinds=("audio", "video"), categories=None, requires=()):
        self.name = name
        self.version = version
        self.kinds = frozenset(kinds)
        self.categories = categories
        self.requires = tuple(requires)


def full_jobs(store: Store, extractors) -> tuple[int, list[Job]]:
    """The jobs as planning computed them before: every playable file, and every stored
    key of the active extractors."""
    done = store.results.done_of([(e.name, str(e.version)) for e in extractors])
    work = store.files.playable_work()
    jobs = []
    for file_id, cid, kind, duration, category in work:
        names = [e.name for e in pending_extractors(extractors, cid, kind, done, category)]
        if names:
            jobs.append(Job(file_id, names, duration))
    return len(work), jobs


def assert_same(store: Store, extractors, step: str, page: int = 3) -> None:
    files, old = full_jobs(store, extractors)
    count, stream = plan_jobs(store, extractors, page=page)
    new = list(stream)
    assert count == files, step
    assert len({j.file_id for j in new}) == len(new), step  # each file once
    assert new == old, step  # in the same order: newest first, of equal times by id
    assert pending_jobs(store, extractors)[1] == new, step


def examined(path: str, cid: str | None, kind: str | None = "audio", status: str = "media"):
    return ExaminedFile(
        path.encode(), path, cid, 1, 1, status, None if status == "media" else "bad",
        kind, 60.0, None, None, (None,) * 7, 1,
    )  # fmt: skip


def chains():
    return [
        Fake("metadata"),
        Fake("thumbnails"),
        Fake("text", requires=("metadata",)),
        Fake("vision", "1.0", kinds=("video",)),
        Fake("music", "1.0", categories=["music", "video"]),
        Fake("sounds", "1.0"),
        Fake("speech", "1.0", categories=["speech", "video"], requires=("sounds",)),
        Fake("description", "1.a", requires=("music", "speech", "vision")),
        Fake("semantic", "1.1", requires=("text", "description", "vision", "music")),
        Fake("loop_a", requires=("loop_b",)),
        Fake("loop_b", requires=("loop_a",)),
    ]


def save_all(store: Store, extractors, cids) -> None:
    for cid in cids:
        for e in extractors:
            store.results.save(cid, e.name, str(e.version), VALUES, {}, 0.1)


@pytest.mark.parametrize("page", [1, 3, 1000])
def test_the_planned_jobs_equal_the_full_computation_through_every_change(tmp_path, page):
    store = Store(tmp_path / "library.db", daily_backup=False)
    extractors = chains()
    assert_same(store, extractors, "empty", page)
    store.folders.add(b"/m", "/m")
    store.folders.add(b"/n", "/n")
    m, n = store.folders.id_of(b"/m"), store.folders.id_of(b"/n")
    assert m is not None and n is not None
    ids = {}
    # a scan: many files added at one time (ties), some at others; a copy; an unreadable
    for i in range(30):
        kind = "video" if i % 3 == 0 else "audio"
        now = 5.0 if i < 20 else float(i)
        ids[i] = store.files.insert_examined(m, examined(f"/m/{i}", f"c{i}", kind), now=now)
    ids["copy"] = store.files.insert_examined(n, examined("/n/copy", "c1"), now=5.0)
    ids["bad"] = store.files.insert_examined(m, examined("/m/bad", None, None, "invalid"))
    assert_same(store, extractors, "scanned: every file pending", page)
    # everything done on most files: planning has nothing to look at on them
    save_all(store, extractors, [f"c{i}" for i in range(30) if i % 7])
    assert_same(store, extractors, "mostly done", page)
    save_all(store, extractors, [f"c{i}" for i in range(30)])
    assert_same(store, extractors, "all done", page)
    assert list(plan_jobs(store, extractors, page=page)[1]) == []
    # failures and a failure replaced by a result; a result of the start of a chain redone
    store.results.save_failure("c3", "metadata", "1", "boom")
    store.results.save_failure("c4", "sounds", "1.0", "boom")
    with store.write() as conn:
        conn.execute("DELETE FROM features WHERE content_id IN ('c3', 'c4', 'c5')")
    store.results.save("c5", "metadata", "1", VALUES, {}, 0.1)
    assert_same(store, extractors, "failures and re-extractions", page)
    # categories decided, so routed extractors apply to some files only
    for i in range(30):
        store.files.set_category(f"c{i}", ("music", "speech", "video", None, "sound")[i % 5])
    with store.write() as conn:
        conn.execute("DELETE FROM features WHERE extractor IN ('music', 'speech') AND "
                     "content_id IN ('c6', 'c7', 'c8', 'c9', 'c10')")  # fmt: skip
    assert_same(store, extractors, "routed by category", page)
    # a version bump: that extractor and those that read it are pending everywhere
    bumped = [Fake(e.name, "2", e.kinds, e.categories, e.requires) if e.name == "sounds" else e
              for e in extractors]  # fmt: skip
    assert_same(store, bumped, "version bump", page)
    # a new extractor, and one disabled (no longer asked for) with the bump
    added = [*bumped, Fake("ocr", "1.0", kinds=("video",))]
    assert_same(store, added, "new extractor", page)
    assert_same(store, [e for e in added if e.name != "speech"], "speech disabled", page)
    # redo and forgotten failures; files gone, moved, changed
    store.extraction.redo(["vision"])
    store.extraction.forget_failures("metadata")
    store.files.set_available([ids[2], ids[21]], False)
    store.files.move(ids[4], n, examined("/n/4", "c4"))
    store.files.update_examined(ids[6], examined("/m/6", "c1", "audio"))
    store.files.insert_examined(m, examined("/m/7", "c7b", "video"), now=time.time())
    assert_same(store, extractors, "redo, gone, moved, changed", page)
    assert_same(store, added, "redo, gone, moved, changed, with the bump", page)
    store.close()


def test_nothing_pending_reads_no_file(tmp_path):
    """With the counters at zero pending, planning reads the counters and nothing else."""
    store = Store(tmp_path / "library.db", daily_backup=False)
    store.folders.add(b"/m", "/m")
    folder = store.folders.id_of(b"/m")
    assert folder is not None
    extractors = chains()
    for i in range(10):
        store.files.insert_examined(folder, examined(f"/m/{i}", f"c{i}"), now=float(i))
    save_all(store, extractors, [f"c{i}" for i in range(10)])
    conn = store.read_conn()
    trace: list[str] = []
    conn.set_trace_callback(trace.append)
    files, jobs = plan_jobs(store, extractors)
    assert list(jobs) == []
    conn.set_trace_callback(None)
    assert files == 10
    assert trace and not any("FROM files" in sql for sql in trace), trace
    store.close()


def test_the_pages_seek_and_never_walk_past_the_files_already_read(tmp_path):
    """Each page's statements start where the last page ended (an index seek on the time
    added and the id, no sort), so reading the whole backlog is linear, whatever the ties
    (a time a page cut off is read twice at most)."""
    store = Store(tmp_path / "library.db", daily_backup=False)
    store.folders.add(b"/m", "/m")
    folder = store.folders.id_of(b"/m")
    assert folder is not None
    for i in range(10):
        store.files.insert_examined(folder, examined(f"/m/{i}", f"c{i}"), now=float(i // 4))
    extractors = chains()
    save_all(store, extractors[:3], [f"c{i}" for i in range(0, 10, 3)])
    conn = store.read_conn()
    trace: list[str] = []
    conn.set_trace_callback(trace.append)
    jobs = list(plan_jobs(store, extractors, page=2)[1])
    conn.set_trace_callback(None)
    assert len(jobs) == 10
    # the first page is bounded by +infinity, which the trace spells Inf
    walks = [sql.replace("Inf", "9e999") for sql in trace if "FROM files f" in sql]
    assert len(walks) >= 5, walks
    plans = [
        " | ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}")) for sql in walks
    ]
    for plan in plans:
        assert "SEARCH f USING INDEX files_media_added (status=? AND added_at" in plan, plan
        assert "TEMP B-TREE" not in plan and "SCAN f" not in plan, plan
    assert any("added_at=? AND rowid>?" in plan for plan in plans), plans
    store.close()
