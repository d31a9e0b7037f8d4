"""``Library.status()``: right numbers from a real library, and cheap at a big one."""

from __future__ import annotations

import time

from mediagen import make_tone, make_video
from test_pipeline import Extractor, Plugin, open_library

from medialens.core.library import FAILURES_LISTED

FILES = 20_000


def test_status_counts_what_was_done_failed_and_is_left(data_dir, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    for i in range(4):
        make_tone(root / f"tone{i}.ogg", seconds=0.5, freq=300 + 100 * i)
    make_video(root / "clip.mp4", seconds=1.0, size=(160, 120))
    (root / "broken.mp3").write_bytes(b"not audio at all")
    a = Extractor("a", fail=lambda name: name == "tone1.ogg")
    b = Extractor("b", kinds=("audio",))
    with open_library(data_dir, Plugin(a, b)) as lib:
        lib.add_folders([root])
        lib.scan()
        before = lib.status()
        assert before["pending"] == 5 + 4 and before["files"] == 5
        lib.pipeline().run(timeout=60)
        after = lib.status()
    assert after["pending"] == 0 and after["files"] == 5 and after["unavailable"] == 0
    assert after["extractors"] == {
        "a": {"version": "1", "done": 4, "failed": 1},
        "b": {"version": "1", "done": 4, "failed": 0},
    }
    assert [(f["path"].rsplit("/", 1)[-1], f["extractor"]) for f in after["failed_files"]] == [
        ("broken.mp3", "probe"),
        ("tone1.ogg", "a"),
    ]
    assert after["folders"][0]["files"] == 5

    # A new version of b and a new extractor c: what is left is what the pipeline would plan.
    b2, c = Extractor("b", version="2", kinds=("audio",)), Extractor("c", kinds=("video",))
    with open_library(data_dir, Plugin(a, b2, c)) as lib:
        status = lib.status()
        _files, jobs = lib.pipeline().pending_jobs()
    assert status["pending"] == 4 + 1 == sum(len(names) for _id, names, _d in jobs)
    assert status["extractors"]["b"] == {"version": "2", "done": 0, "failed": 0}


def test_status_is_cheap_at_many_files(data_dir):
    """20,000 files, half done: status counts in SQLite and loads nothing per file."""
    a, b = Extractor("a"), Extractor("b", kinds=("audio",))
    with open_library(data_dir, Plugin(a, b)) as lib:
        now = time.time()
        with lib.store.write() as conn:
            conn.execute(
                "INSERT INTO folders (id, path, display_path, added_at) VALUES (1, ?, '/m', ?)",
                (b"/m", now),
            )
            conn.executemany(
                "INSERT INTO files (id, path, display_path, folder_id, content_id, size, "
                "mtime_ns, status, kind, duration, available, added_at, changed_at) "
                "VALUES (?, ?, ?, 1, ?, 1, 1, 'media', ?, 1.0, ?, ?, ?)",
                [
                    (
                        i, f"/m/{i}".encode(), f"/m/{i}", f"c{i}",
                        "video" if i % 4 == 0 else "audio", int(i % 100 != 0), now, now,
                    )
                    for i in range(1, FILES + 1)
                ],
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO features (content_id, extractor, version, created_at) "
                "VALUES (?, 'a', '1', ?)",
                [(f"c{i}", now) for i in range(1, FILES + 1, 2)],
            )
            conn.executemany(
                "INSERT INTO failures (content_id, extractor, version, error, at) "
                "VALUES (?, 'a', '1', 'boom', ?)",
                [(f"c{i}", now) for i in range(2, FILES + 1, 10)],
            )
        started = time.perf_counter()
        status = lib.status()
        seconds = time.perf_counter() - started
        files, jobs = lib.pipeline().pending_jobs()
        planned = sum(len(job.extractors) for job in jobs)
        shown = lib.failures(10)
    playable = [i for i in range(1, FILES + 1) if i % 100 != 0]
    done_a = [i for i in playable if i % 2 == 1]
    failed_a = [i for i in playable if i % 10 == 2]
    audio = [i for i in playable if i % 4 != 0]
    assert status["files"] == len(playable) and status["unavailable"] == FILES - len(playable)
    assert status["extractors"]["a"] == {
        "version": "1",
        "done": len(done_a),
        "failed": len(failed_a),
    }
    # a bounded list (the newest first, with their file ids) and the true count
    listed = failed_a[::-1][:FAILURES_LISTED]  # written at the same time: the last first
    assert [(f["path"], f["file_id"]) for f in status["failed_files"]] == [
        (f"/m/{i}", i) for i in listed
    ]
    assert status["failed_count"] == len(failed_a) > FAILURES_LISTED
    assert shown["count"] == len(failed_a) and shown["rows"] == status["failed_files"][:10]
    assert status["pending"] == len(playable) - len(done_a) - len(failed_a) + len(audio)
    assert seconds < 3.0, f"status took {seconds:.2f} s for {FILES} files"
    # planning (a bit mask of stored keys per content) finds the same work as the counts
    assert planned == status["pending"] and files == len(playable)
