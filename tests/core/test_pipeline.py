"""The extraction pipeline with real plugins written against the public API."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from mediagen import make_tone, make_video

from medialens.api import ExtractionResult, TagsOutput, VectorOutput, hookimpl
from medialens.core.file_job import MALFUNCTION_AFTER
from medialens.core.library import Library
from medialens.paths import data_dirs


class Extractor:
    """A configurable extractor: counts calls, can fail, hang or depend on another."""

    def __init__(
        self, name, *, version="1", kinds=("audio", "video"), requires=(), fail=None, hang=0.0
    ):
        self.name, self.version = name, version
        self.kinds = frozenset(kinds)
        self.requires = tuple(requires)
        self.outputs = (VectorOutput("v", 4, "audio"), TagsOutput())
        self.timeout = 1.0
        self.fail, self.hang = fail, hang
        self.calls: list[str] = []
        self.seen_results: list[object] = []

    def extract(self, ctx):
        self.calls.append(ctx.file.path.name)
        for dep in self.requires:
            self.seen_results.append(ctx.result(dep))
        if self.hang:
            time.sleep(self.hang)
        if self.fail and self.fail(ctx.file.path.name):
            raise RuntimeError(f"{self.name} cannot handle {ctx.file.path.name}")
        samples = ctx.audio(8000)
        return ExtractionResult(
            vectors={"v": np.array([len(samples), 1, 2, 3], dtype=np.float32)},
            tags={f"{self.name}-tag": 0.5},
        )


class Plugin:
    MEDIALENS_API = "1.0"

    def __init__(self, *extractors):
        self.extractors = list(extractors)

    @hookimpl
    def medialens_extractors(self):
        return self.extractors


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    for i in range(4):
        make_tone(root / f"tone{i}.ogg", seconds=0.5, freq=300 + 100 * i)
    make_video(root / "clip.mp4", seconds=1.0, size=(160, 120))
    return root


def open_library(data_dir, *plugins, workers=2):
    extra = [(f"p{i}", p) for i, p in enumerate(plugins)]
    return Library(
        data_dirs(data_dir),
        entry_points=False,
        builtins=False,
        extra_plugins=extra,
        workers=workers,
    )


def test_every_file_is_extracted_once_and_stored(data_dir, folder):
    a = Extractor("a")
    with open_library(data_dir, Plugin(a)) as lib:
        lib.add_folders([folder])
        lib.scan()
        progress = lib.pipeline().run(timeout=60)
        assert progress.done == 5 and progress.per_extractor["a"] == [5, 5]
        assert sorted(a.calls) == sorted(p.name for p in folder.iterdir())
        status = lib.status()
        assert status["pending"] == 0 and status["extractors"]["a"] == {
            "version": "1",
            "done": 5,
            "failed": 0,
        }
        info = lib.info(folder / "tone1.ogg")
        assert info["features"]["a"]["vectors"] == {"v": 4} and info["tags"] == {"a-tag": 0.5}
        lib.pipeline().run(timeout=60)
        assert len(a.calls) == 5  # nothing twice


def test_a_new_version_re_extracts_only_that_extractor(data_dir, folder):
    a, b = Extractor("a"), Extractor("b")
    with open_library(data_dir, Plugin(a, b)) as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline().run(timeout=60)
    a2, b_same = Extractor("a", version="2"), Extractor("b")
    with open_library(data_dir, Plugin(a2, b_same)) as lib:
        assert lib.status()["pending"] == 5
        lib.pipeline().run(timeout=60)
        assert len(a2.calls) == 5 and b_same.calls == []


def test_dependencies_run_first_and_share_results(data_dir, folder):
    text = Extractor("text", requires=("labels", "not-installed"))
    labels = Extractor("labels")
    with open_library(data_dir, Plugin(text, labels), workers=1) as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline().run_sync()
    got = text.seen_results
    assert len(got) == 10
    assert all(r.tags == {"labels-tag": 0.5} for r in got[0::2])  # labels ran before text
    assert all(r is None for r in got[1::2])  # an absent requirement is None, not an error


def test_a_raising_extractor_records_failures_and_the_rest_goes_on(data_dir, folder):
    bad = Extractor("bad", fail=lambda name: name.startswith("tone1"))
    good = Extractor("good")
    with open_library(data_dir, Plugin(bad, good)) as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline().run(timeout=60)
        status = lib.status()
        assert status["extractors"]["good"]["done"] == 5
        assert status["extractors"]["bad"] == {"version": "1", "done": 4, "failed": 1}
        [failure] = status["failed_files"]
        assert failure["path"].endswith("tone1.ogg") and failure["extractor"] == "bad"
        assert "RuntimeError: bad cannot handle tone1.ogg" in failure["error"]
        assert lib.retry_failures("bad") == 1
        assert lib.status()["pending"] == 1


def test_a_hanging_extractor_times_out(data_dir, folder):
    slow = Extractor("slow", hang=5.0, kinds=("video",))
    with open_library(data_dir, Plugin(slow)) as lib:
        lib.add_folders([folder])
        lib.scan()
        started = time.perf_counter()
        lib.pipeline().run(timeout=60)
        assert time.perf_counter() - started < 4
        [failure] = lib.status()["failed_files"]
        assert failure["error"] == "timed out after 1 s"


def test_an_extractor_that_keeps_failing_is_marked_malfunctioned(data_dir, tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(MALFUNCTION_AFTER + 3):
        make_tone(root / f"t{i}.ogg", seconds=0.3, freq=200 + 50 * i)
    broken = Extractor("broken", fail=lambda name: True)
    with open_library(data_dir, Plugin(broken), workers=1) as lib:
        lib.add_folders([root])
        lib.scan()
        lib.pipeline().run_sync()
        record = lib.host.records["p0"]
        assert record.status == "malfunctioned" and "failed on 5 files in a row" in record.error
        assert len(broken.calls) == MALFUNCTION_AFTER
    with open_library(data_dir, Plugin(Extractor("broken"))) as lib:
        assert lib.host.records["p0"].status == "malfunctioned"  # persisted
        lib.host.set_enabled("p0", True)
        assert lib.host.records["p0"].status == "active"


def test_pause_resume_and_cancel_keep_what_is_stored(data_dir, folder):
    gate = threading.Event()
    slowish = Extractor("slowish")
    original = slowish.extract

    def gated(ctx):
        gate.wait(5)
        time.sleep(0.2)  # slow enough that cancel lands before the fifth file
        return original(ctx)

    slowish.extract = gated
    with open_library(data_dir, Plugin(slowish), workers=1) as lib:
        lib.add_folders([folder])
        lib.scan()
        pipeline = lib.pipeline()
        pipeline.plan()
        pipeline.pause()
        pipeline.start()
        time.sleep(0.3)
        assert slowish.calls == [] and pipeline.progress().paused
        pipeline.resume()
        gate.set()
        time.sleep(0.05)
        while len(slowish.calls) < 2:
            time.sleep(0.01)
        pipeline.cancel()
        done = lib.status()["extractors"]["slowish"]["done"]
        assert 1 <= done < 5
    again = Extractor("slowish")
    with open_library(data_dir, Plugin(again)) as lib:
        lib.pipeline().run(timeout=60)
        assert len(again.calls) == 5 - done  # resumed where it stopped


def test_files_asked_about_go_first(data_dir, folder):
    a = Extractor("a")
    with open_library(data_dir, Plugin(a), workers=1) as lib:
        lib.add_folders([folder])
        lib.scan()
        pipeline = lib.pipeline()
        pipeline.plan()
        wanted = lib.file(folder / "tone2.ogg").id
        pipeline.prioritize([wanted])
        pipeline.run_sync()
        assert a.calls[0] == "tone2.ogg"


def test_a_file_deleted_before_extraction_is_a_failure_not_a_crash(data_dir, folder):
    a = Extractor("a")
    with open_library(data_dir, Plugin(a)) as lib:
        lib.add_folders([folder])
        lib.scan()
        (folder / "tone3.ogg").unlink()
        (folder / "clip.mp4").write_bytes(b"rewritten with garbage" * 100)
        lib.pipeline().run(timeout=60)
        failed = {f["path"].rsplit("/", 1)[-1]: f["error"] for f in lib.status()["failed_files"]}
        assert set(failed) == {"tone3.ogg", "clip.mp4"}
        assert lib.status()["extractors"]["a"]["done"] == 3
        lib.scan()  # the rescan notices: one file gone, one changed (and now not media)
        assert lib.status()["files"] == 3


def test_a_file_rewritten_while_it_is_being_read(data_dir, folder):
    """One extractor's turn rewrites the file under the next one: a failure, then a rescan."""

    class Vandal(Extractor):
        def extract(self, ctx):
            ctx.file.path.write_bytes(b"\0" * 1000)  # another program overwrites it mid-way
            return ExtractionResult(tags={"seen": 1.0})

    class Reader(Extractor):
        def extract(self, ctx):
            frames = ctx.keyframes()
            if not frames:
                raise RuntimeError("no picture could be decoded")
            return ExtractionResult(tags={"frames": float(len(frames))})

    vandal = Vandal("a-vandal", kinds=("video",))
    reader = Reader("b-reader", kinds=("video",), requires=("a-vandal",))
    with open_library(data_dir, Plugin(vandal, reader)) as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline().run(timeout=60)
        [failure] = lib.status()["failed_files"]
        assert failure["extractor"] == "b-reader" and failure["error"]
        lib.scan()
        row = lib.file(folder / "clip.mp4")
        assert row.status == "invalid"  # now garbage: reported, not playable
        assert lib.status()["files"] == 4


def test_rerun_redoes_a_plugin_and_keeps_old_results_until_replaced(data_dir, folder):
    a = Extractor("a")
    with open_library(data_dir, Plugin(a)) as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline().run_sync()
        assert lib.rerun("p0") == 5
        assert lib.status()["pending"] == 5
        assert lib.info(folder / "tone0.ogg")["tags"] == {"a-tag": 0.5}  # still there meanwhile
        lib.pipeline().run_sync()
        assert len(a.calls) == 10 and lib.status()["extractors"]["a"]["done"] == 5
