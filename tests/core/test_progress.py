"""The indexing progress: of the library, not of one run; an ETA from measured throughput."""

from __future__ import annotations

import numpy as np
import pytest
from mediagen import make_tone

from medialens.api import ExtractionResult, TagsOutput, hookimpl
from medialens.core.library import Library
from medialens.core.pipeline import Pipeline
from medialens.core.scheduler import ETA_AFTER
from medialens.paths import data_dirs


class Clock:
    """A clock the extractor below moves on, so the pipeline's timings are exact."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Timed:
    """Takes ``startup`` seconds on its first file (models loading), then a fixed part
    plus a part per second of media, on the clock."""

    name, version = "timed", "1"
    kinds = frozenset({"audio", "video"})
    requires = ()
    outputs = (TagsOutput(),)
    timeout = 5.0

    def __init__(self, clock: Clock, startup: float = 0.0, fixed=1.0, per_second=0.2) -> None:
        self.clock, self.startup = clock, startup
        self.fixed, self.per_second = fixed, per_second
        self.calls = 0

    def seconds(self, duration: float) -> float:
        return self.fixed + self.per_second * duration

    def extract(self, ctx):
        self.clock.now += self.seconds(ctx.file.duration) + (self.startup if not self.calls else 0)
        self.calls += 1
        return ExtractionResult(tags={"tone": 0.5})


class Plugin:
    MEDIALENS_API = "1.0"

    def __init__(self, extractor) -> None:
        self.extractor = extractor

    @hookimpl
    def medialens_extractors(self):
        return [self.extractor]


def _library(data_dir, extractor) -> Library:
    return Library(
        data_dirs(data_dir),
        entry_points=False,
        builtins=False,
        extra_plugins=[("timed", Plugin(extractor))],
        workers=1,
    )


def test_progress_after_a_restart_counts_what_is_stored(data_dir, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    for i in range(2):
        make_tone(root / f"old{i}.wav", seconds=0.3, freq=300 + 50 * i)
    clock = Clock()
    with _library(data_dir, Timed(clock)) as lib:
        lib.add_folders([root])
        lib.scan()
        first = lib.pipeline(workers=1).run_sync()
        assert (first.done, first.total) == (2, 2)
    for i in range(3):
        make_tone(root / f"new{i}.wav", seconds=0.3, freq=600 + 50 * i)
    with _library(data_dir, Timed(clock)) as lib:  # the app starts again
        lib.scan()
        pipeline = lib.pipeline(workers=1)
        assert not pipeline.progress().planned  # its total is not the library's yet
        assert pipeline.plan() == 3
        p = pipeline.progress()
        assert (p.done, p.total, p.planned) == (2, 5, True)  # the library's, not "0 of 3"
        assert lib.status()["pending"] == 3
        p = pipeline.run_sync()
        assert (p.done, p.total, p.ran) == (5, 5, 3)  # the library's, and this run's
        assert lib.status()["pending"] == 0


@pytest.fixture
def tones(tmp_path):
    root = tmp_path / "tones"
    root.mkdir()
    durations = [0.5, 3.0, 1.0, 2.0, 0.5, 3.0, 1.5, 2.5, 1.0, 2.0]
    for i, seconds in enumerate(durations):
        make_tone(root / f"t{i:02d}.wav", seconds=seconds, freq=200 + 40 * i)
    return root


def test_eta_follows_the_measured_throughput_not_the_start_up(data_dir, tones):
    clock = Clock()
    # a one-minute start-up (models loading), then about a second a file
    extractor = Timed(clock, startup=60.0, fixed=0.8, per_second=0.1)
    with _library(data_dir, extractor) as lib:
        lib.add_folders([tones])
        lib.scan()
        files = lib.catalog.rows()
        durations = {r.id: r.duration for r in files}
        seen = []

        def on_progress(p) -> None:
            seen.append((p.done, p.eta_seconds, clock.now))

        pipeline = Pipeline(
            lib.store, lib.host, lib.dirs.cache, workers=1, on_progress=on_progress, clock=clock
        )
        pipeline.plan()
        order = pipeline.scheduler.queued()
        pipeline.run_sync()

    finishes = [(done, eta) for done, eta, _t in seen if done]
    by_done: dict[int, float | None] = {}
    for done, eta in finishes:
        by_done[done] = eta  # the last report at each count
    # nothing is promised before a few files were measured (the first only starts the clock)
    for done in range(1, ETA_AFTER + 1):
        assert by_done[done] is None, (done, by_done[done])
    checked = 0
    for done in range(ETA_AFTER + 1, len(order)):
        true_left = sum(extractor.seconds(durations[f]) for f in order[done:])
        eta = by_done[done]
        assert eta is not None
        assert true_left * 0.75 <= eta <= true_left * 1.3, (done, eta, true_left)
        checked += 1
    assert checked >= 4
    assert by_done[len(order)] is None  # nothing left


def test_pause_is_not_counted_as_work(data_dir, tones):
    clock = Clock()
    extractor = Timed(clock, fixed=1.0, per_second=0.0)
    with _library(data_dir, extractor) as lib:
        lib.add_folders([tones])
        lib.scan()
        pipeline = Pipeline(lib.store, lib.host, lib.dirs.cache, workers=1, clock=clock)
        pipeline.plan()
        pipeline.run_queued(limit=ETA_AFTER + 2)
        before = pipeline.progress().eta_seconds
        assert before is not None and 4.0 <= before <= 6.0  # 5 files of a second each left
        pipeline.pause()
        clock.now += 3600  # an hour paused
        pipeline.resume()
        pipeline.run_queued(limit=1)
        after = pipeline.progress().eta_seconds
        assert after is not None and after < 6.0, after


def test_idle_time_is_not_counted_as_work(data_dir, tones, tmp_path):
    clock = Clock()
    extractor = Timed(clock, fixed=1.0, per_second=0.0)
    with _library(data_dir, extractor) as lib:
        lib.add_folders([tones])
        lib.scan()
        pipeline = Pipeline(lib.store, lib.host, lib.dirs.cache, workers=1, clock=clock)
        pipeline.run_sync()
        clock.now += 3600  # an hour with nothing to do, then new files arrive
        for i in range(6):
            make_tone(tones / f"late{i}.wav", seconds=0.3, freq=900 + 20 * i)
        pipeline.enqueue(lib.scan().changed_ids)
        pipeline.run_queued(limit=ETA_AFTER + 2)
        eta = pipeline.progress().eta_seconds
        assert eta is not None and eta < 3.0, eta  # one file of a second is left


def test_failures_are_counted_from_the_store(bare_library, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    make_tone(root / "fine.wav", seconds=0.3)
    (root / "broken.mp3").write_bytes(np.random.default_rng(1).bytes(4096))
    bare_library.add_folders([root])
    bare_library.scan()
    assert bare_library.catalog.failed_files() == 1
    cid = next(r.content_id for r in bare_library.catalog.rows())
    with bare_library.store.write() as conn:
        conn.execute(
            "INSERT INTO failures (content_id, extractor, version, error, at) "
            "VALUES (?, 'x', '1', 'boom', 0)",
            (cid,),
        )
        conn.execute(
            "INSERT INTO failures (content_id, extractor, version, error, at) "
            "VALUES (?, 'y', '1', 'boom', 0)",
            (cid,),
        )
    assert bare_library.catalog.failed_files() == 2  # files, not failure rows
