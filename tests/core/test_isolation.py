"""The worker-process pool: children start on demand, run the built-ins on one decode of
the file, are stopped when idle and when the pool closes."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from mediagen import make_tone

from medialens.api import ExtractionCancelled, MediaFile
from medialens.core.isolation import SIZES_FILE, ProcessPool, WorkerProcess
from medialens.core.library import Library
from medialens.core.worker_process import WorkerConfig
from medialens.paths import data_dirs


def _library(tmp_path):
    media = tmp_path / "m"
    media.mkdir()
    make_tone(media / "a.ogg", seconds=0.5)
    lib = Library(data_dirs(tmp_path / "data"), entry_points=False)
    lib.add_folders([media])
    lib.scan()
    return lib


def test_an_idle_worker_is_stopped_and_a_closed_pool_leaves_none(tmp_path):
    lib = _library(tmp_path)
    try:
        config = WorkerConfig(lib.dirs.database, lib.dirs.cache, entry_points=False)
        pool = ProcessPool(config, memory_limit=None, idle_seconds=0.5)
        worker = pool.acquire()
        row = lib.store.files.playable(lib.store.files.max_id())
        assert row is not None
        media = MediaFile(
            row.content_id, Path(os.fsdecode(row.path)), row.kind, row.duration or 0.0, row.size
        )
        extractors = {e.name: e for e in lib.host.extractors()}
        result = worker.run(
            extractors["metadata"], media, timeout=60, memory_limit=None, stopping=lambda: False
        )
        assert result is not None
        pool.release(worker)
        assert pool.processes() == [worker.pid]
        deadline = time.monotonic() + 10
        while (pool.processes() or worker.alive) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pool.processes() == [] and not worker.alive
        again = pool.acquire()  # a new job gets a fresh child
        assert again.alive and again.pid != worker.pid and pool.started == 2
        pool.close()
        assert not again.alive
    finally:
        lib.close()


def test_the_library_isolates_entry_point_plugins_but_not_objects_it_is_handed(tmp_path):
    with Library(data_dirs(tmp_path / "a"), entry_points=False) as lib:
        assert lib.isolate and lib.pipeline().isolation is not None
    with Library(data_dirs(tmp_path / "b"), extra_plugins=[("x", object())]) as lib:
        assert not lib.isolate and lib.pipeline().isolation is None


def test_a_pipeline_run_leaves_no_worker_behind(tmp_path):
    lib = _library(tmp_path)
    try:
        pipeline = lib.pipeline(workers=2)
        progress = pipeline.run()
        assert progress.ran == 1 and progress.failed == 0
        assert pipeline.worker_processes() == []
        assert lib.status()["pending"] == 0
    finally:
        lib.close()


def test_workers_keep_to_a_lane_and_a_grown_one_is_replaced_for_another(tmp_path):
    lib = _library(tmp_path)
    try:
        config = WorkerConfig(lib.dirs.database, lib.dirs.cache, entry_points=False)
        pool = ProcessPool(config, memory_limit=None)
        music, spoken = pool.acquire("music"), pool.acquire("spoken")
        pool.release(music)
        pool.release(spoken)
        # Each lane gets back the child that loaded its models.
        assert pool.acquire("spoken") is spoken and pool.acquire("music") is music
        pool.release(music)
        # A heavier lane takes an idle child as it is, however large (it only loads more)...
        pool.recycle_bytes = 0
        assert pool.acquire("video") is music and pool.recycled == 0
        pool.release(music)
        # ...and a lighter one a fresh child in place of one that grew past the threshold.
        fresh = pool.acquire("music")
        assert fresh is not music and pool.recycled == 1 and pool.started == 3
        deadline = time.monotonic() + 10
        while music.alive and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not music.alive
        pool.close()
    finally:
        lib.close()


def test_within_a_budget_a_lanes_models_load_in_one_child_unless_another_fits(tmp_path):
    lib = _library(tmp_path)
    try:
        config = WorkerConfig(lib.dirs.database, lib.dirs.cache, entry_points=False)
        pool = ProcessPool(config, memory_limit=None, budget=1 << 40)
        first = pool.acquire("spoken")
        got: list[WorkerProcess] = []
        # The lane's size is not known yet: a second job waits for the child loading it...
        waiter = threading.Thread(target=lambda: got.append(pool.acquire("spoken")))
        waiter.start()
        time.sleep(0.5)
        assert not got and pool.started == 1
        pool.release(first)  # ...and gets it once it is free (measured on the way back)
        waiter.join(5)
        assert got == [first] and pool.waited == 1
        # Measured and within the budget: one more child of the lane starts.
        second = pool.acquire("spoken")
        assert second is not first and pool.started == 2
        pool.release(second)
        pool.release(first)
        # A lighter lane takes a child that holds the heavier one's models, never a new one.
        music = pool.acquire("music")
        assert music.holds == "spoken" and pool.recycled == 0
        pool.release(music)
        # Over the budget, no further child loads a lane's models beside the others: a job
        # waits, and gives up when stopped.
        pool.budget = 1
        busy = [pool.acquire("spoken"), pool.acquire("spoken")]
        stop = threading.Event()
        waiter = threading.Thread(target=lambda: _cancelled(pool, stop))
        waiter.start()
        time.sleep(0.5)
        assert pool.started == 2
        stop.set()
        waiter.join(5)
        assert not waiter.is_alive()
        for worker in busy:
            pool.release(worker)
        pool.close()
    finally:
        lib.close()


def test_a_waiting_music_job_starts_a_spare_child_that_a_heavier_lane_stops(tmp_path):
    lib = _library(tmp_path)
    try:
        config = WorkerConfig(lib.dirs.database, lib.dirs.cache, entry_points=False)
        pool = ProcessPool(config, memory_limit=None, budget=1 << 40)
        first = pool.acquire("music")
        got: list[WorkerProcess] = []
        waiter = threading.Thread(target=lambda: got.append(pool.acquire("music")))
        waiter.start()
        time.sleep(0.5)
        # The lane's size is not known yet: the job waits, with a spare child starting.
        assert not got and pool.started == 2 and pool.spares == 1
        pool.release(first)  # measured: the waiting job gets the child with the models...
        waiter.join(5)
        assert got == [first]
        other = pool.acquire("music")  # ...and the next job the spare: no child started
        assert other is not first and pool.started == 2 and pool.spares == 1
        pool.release(other)
        pool.release(got[0])
        # Over the budget, no spare starts.
        pool.budget = 1
        busy = pool.acquire("music"), pool.acquire("music")
        stop = threading.Event()
        waiter = threading.Thread(target=lambda: _cancelled(pool, stop, "music"))
        waiter.start()
        time.sleep(0.5)
        assert pool.started == 2 and pool.spares == 1
        stop.set()
        waiter.join(5)
        for worker in busy:
            pool.release(worker)
        pool.close()
    finally:
        lib.close()


def test_a_spare_child_is_stopped_before_a_heavier_lane_loads_beside_it(tmp_path):
    lib = _library(tmp_path)
    try:
        config = WorkerConfig(lib.dirs.database, lib.dirs.cache, entry_points=False)
        pool = ProcessPool(config, memory_limit=None, budget=1 << 40)
        first = pool.acquire("music")
        waiter = threading.Thread(target=lambda: pool.release(pool.acquire("music")))
        waiter.start()
        time.sleep(0.5)
        assert pool.spares == 1
        pool.release(first)  # the waiting job takes the child with the models, gives it back
        waiter.join(5)
        (spare,) = [w for w in pool._idle if w.holds is None]
        video = pool.acquire("video")  # grows the child that holds music; stops the spare
        assert video is first and video.holds == "video"
        assert not spare.alive and spare not in pool._idle
        pool.release(video)
        pool.close()
    finally:
        lib.close()


def test_a_lanes_measured_size_is_remembered_for_the_next_pool(tmp_path):
    lib = _library(tmp_path)
    try:
        config = WorkerConfig(lib.dirs.database, lib.dirs.cache, entry_points=False)
        pool = ProcessPool(config, memory_limit=None, budget=1 << 40, sizes_key="a")
        first = pool.acquire("spoken")
        pool.release(first)  # measured
        pool.close()
        # A new pool with the same extractors starts a second child of the lane at once...
        pool = ProcessPool(config, memory_limit=None, budget=1 << 40, sizes_key="a")
        busy = pool.acquire("spoken")
        second = pool.acquire("spoken")
        assert second is not busy and pool.started == 2 and pool.waited == 0
        pool.release(second)
        pool.release(busy)
        pool.close()
        # ...one with other extractors measures again: the second job waits for the first.
        pool = ProcessPool(config, memory_limit=None, budget=1 << 40, sizes_key="b")
        busy = pool.acquire("spoken")
        got: list[WorkerProcess] = []
        waiter = threading.Thread(target=lambda: got.append(pool.acquire("spoken")))
        waiter.start()
        time.sleep(0.5)
        assert not got and pool.started == 1
        pool.release(busy)
        waiter.join(5)
        assert got == [busy]
        pool.release(busy)
        pool.close()
        # A damaged file is only a size not known.
        (lib.dirs.cache / SIZES_FILE).write_text("{not json")
        pool = ProcessPool(config, memory_limit=None, sizes_key="a")
        assert pool._lane_bytes == {}
        pool.close()
    finally:
        lib.close()


def _cancelled(pool: ProcessPool, stop: threading.Event, lane: str = "video") -> None:
    with pytest.raises(ExtractionCancelled):
        pool.acquire(lane, stop.is_set)
