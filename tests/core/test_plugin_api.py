"""Plugin API 1.1: per-extractor malfunction, the rules results must keep, declared
requirements only, and the chosen text embedder. Real plugins, real SQLite, real media."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest
from mediagen import make_tone

from medialens.api import ExtractionResult, ScalarsOutput, TagsOutput, VectorOutput, hookimpl
from medialens.core.file_job import MALFUNCTION_AFTER
from medialens.core.library import Library
from medialens.paths import data_dirs
from medialens.store import Store
from medialens.store.migrations import MIGRATIONS


class Extractor:
    """An extractor whose result is ``produce(ctx)``; it can fail and read other results."""

    def __init__(self, name, *, produce=None, requires=(), reads=None, fail=False):
        self.name, self.version = name, "1"
        self.kinds = frozenset({"audio", "video"})
        self.requires = tuple(requires)
        self.reads = tuple(requires if reads is None else reads)
        self.outputs = (VectorOutput("v", 3, "audio"), TagsOutput(), ScalarsOutput())
        self.timeout = 10.0
        self.produce = produce or (lambda ctx: ExtractionResult(tags={f"{name}-tag": 0.5}))
        self.fail = fail
        self.calls = 0
        self.seen: list[object] = []

    def extract(self, ctx):
        self.calls += 1
        self.seen.extend(ctx.result(dep) for dep in self.reads)
        if self.fail:
            raise RuntimeError(f"{self.name} is broken")
        return self.produce(ctx)


class Plugin:
    MEDIALENS_API = "1.1"

    def __init__(self, *extractors, embedder=None):
        self.extractors = list(extractors)
        self.embedder = embedder

    @hookimpl
    def medialens_extractors(self):
        return self.extractors


class EmbeddingPlugin(Plugin):
    @hookimpl
    def medialens_text_embedder(self):
        return self.embedder


class Embedder:
    def __init__(self, name):
        self.name, self.dim, self.vector_name = name, 3, "v"

    def embed(self, texts):
        return np.ones((len(texts), 3), dtype=np.float32) / np.sqrt(3)


def open_library(data_dir, *plugins, workers=1):
    extra = [(f"p{i}", p) for i, p in enumerate(plugins)]
    return Library(
        data_dirs(data_dir),
        entry_points=False,
        builtins=False,
        extra_plugins=extra,
        workers=workers,
    )


@pytest.fixture
def tones(tmp_path):
    root = tmp_path / "tones"
    root.mkdir()
    for i in range(MALFUNCTION_AFTER + 2):
        make_tone(root / f"t{i}.ogg", seconds=0.3, freq=200 + 50 * i)
    return root


def indexed(lib, folder):
    lib.add_folders([folder])
    lib.scan()
    lib.pipeline().run_sync()
    return lib.status()


# -- malfunction is per extractor -------------------------------------------------------------


def test_a_failing_extractor_does_not_stop_its_sibling(data_dir, tones):
    files = MALFUNCTION_AFTER + 2
    broken, good = Extractor("broken", fail=True), Extractor("good")
    with open_library(data_dir, Plugin(broken, good)) as lib:
        status = indexed(lib, tones)
        assert broken.calls == MALFUNCTION_AFTER
        assert good.calls == files and status["extractors"]["good"]["done"] == files
        record = lib.host.records["p0"]
        assert record.status == "active"
        assert "failed on 5 files in a row" in record.malfunctions["broken"]
        [described] = lib.host.describe()
        by_name = {e["name"]: e for e in described["extractors"]}
        assert "broken is broken" in by_name["broken"]["malfunction"]
        assert by_name["good"]["malfunction"] is None
        assert [e.name for e in lib.host.extractors()] == ["good"]


def test_re_enabling_retries_the_files_that_failed(data_dir, tones):
    files = MALFUNCTION_AFTER + 2
    with open_library(data_dir, Plugin(Extractor("broken", fail=True))) as lib:
        indexed(lib, tones)
        assert lib.host.records["p0"].status == "malfunctioned"
    fixed = Extractor("broken")
    with open_library(data_dir, Plugin(fixed)) as lib:
        assert "broken" in lib.host.records["p0"].malfunctions  # persisted
        assert lib.host.extractors() == []
        lib.host.set_enabled("p0", True)
        assert lib.host.records["p0"].malfunctions == {}
        assert lib.status()["pending"] == files  # the failed files too
        lib.pipeline().run_sync()
        assert fixed.calls == files and lib.status()["extractors"]["broken"]["failed"] == 0


def test_an_old_plugin_malfunction_moves_to_its_extractor(tmp_path):
    """A database from before per-extractor malfunction upgrades its marks."""
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at REAL)"
    )
    for version, migration in enumerate(MIGRATIONS[:3], start=1):
        migration(conn)
        conn.execute("INSERT INTO migrations VALUES (?, ?, 0)", (version, migration.__name__))
    conn.execute(
        "INSERT INTO plugins VALUES ('p0', 0, 'extractor ''broken'' failed on 5 files in a row; "
        "last: boom')"
    )
    conn.close()
    store = Store(path)
    [mark] = store.plugin_state.malfunctions().values()
    assert (mark.extractor, mark.plugin) == ("broken", "p0")
    assert mark.error == "failed on 5 files in a row; last: boom"
    assert store.plugin_state.saved()[0].disabled is False
    store.close()


# -- results keep the documented rules --------------------------------------------------------


BAD_RESULTS = {
    "tag above 1": (lambda: ExtractionResult(tags={"rock": 1.5}), "tag scores"),
    "tag NaN": (lambda: ExtractionResult(tags={"rock": float("nan")}), "tag scores"),
    "scalar NaN": (lambda: ExtractionResult(scalars={"bpm": float("nan")}), "scalars are finite"),
    "scalar string": (lambda: ExtractionResult(scalars={"bpm": "120"}), "scalars are finite"),
    "vector 2-D": (lambda: ExtractionResult(vectors={"v": np.ones((1, 3))}), "1-D"),
    "vector too long": (lambda: ExtractionResult(vectors={"v": np.ones(4)}), "declared dimension"),
    "vector ints": (lambda: ExtractionResult(vectors={"v": np.ones(3, dtype=int)}), "float32"),
    "data numpy": (lambda: ExtractionResult(data={"x": np.float32(0.5)}), "data is JSON"),
    "data NaN": (lambda: ExtractionResult(data={"x": [float("inf")]}), "data is JSON"),
}


@pytest.mark.parametrize("case", sorted(BAD_RESULTS))
def test_a_result_breaking_a_rule_is_refused_with_the_rule(data_dir, tmp_path, case):
    produce, rule = BAD_RESULTS[case]
    (tmp_path / "one").mkdir()
    make_tone(tmp_path / "one" / "a.ogg", seconds=0.3)
    with open_library(data_dir, Plugin(Extractor("x", produce=lambda ctx: produce()))) as lib:
        status = indexed(lib, tmp_path / "one")
        [failure] = status["failed_files"]
        assert rule in failure["error"] and "invalid result" in failure["error"]
        assert status["extractors"]["x"]["done"] == 0


def test_what_a_dependent_reads_is_the_same_in_this_run_and_the_next(data_dir, tmp_path):
    (tmp_path / "one").mkdir()
    make_tone(tmp_path / "one" / "a.ogg", seconds=0.3)
    data = {"pair": (1, 2), "score": np.float64(0.25)}
    produced = lambda ctx: ExtractionResult(  # noqa: E731
        data=data, tags={"t": np.float32(0.5)}, vectors={"v": np.ones(3)}
    )
    first = Extractor("dependent", requires=("producer",))
    with open_library(data_dir, Plugin(Extractor("producer", produce=produced), first)) as lib:
        indexed(lib, tmp_path / "one")
        info = lib.info(tmp_path / "one" / "a.ogg")
        json.dumps(info, allow_nan=False)  # valid JSON, as info --json prints it
        lib.store.extraction.redo(["dependent"])
        second = Extractor("dependent", requires=("producer",))
    with open_library(data_dir, Plugin(Extractor("producer", produce=produced), second)) as lib:
        lib.pipeline().run_sync()
    assert first.seen[0].data == second.seen[0].data == {"pair": [1, 2], "score": 0.25}
    assert first.seen[0].vectors["v"].dtype == np.float32
    assert type(first.seen[0].tags["t"]) is float


# -- requires ---------------------------------------------------------------------------------


def test_ctx_result_hands_out_only_declared_requires(data_dir, tmp_path):
    (tmp_path / "one").mkdir()
    make_tone(tmp_path / "one" / "a.ogg", seconds=0.3)
    nosy = Extractor("nosy", requires=(), reads=("other",))
    with open_library(data_dir, Plugin(Extractor("other"), nosy)) as lib:
        [failure] = indexed(lib, tmp_path / "one")["failed_files"]
    assert failure["extractor"] == "nosy"
    assert "'other'" in failure["error"] and "only declared requires" in failure["error"]


def test_a_requires_cycle_is_an_error_at_load(data_dir, tmp_path):
    a, b = Extractor("a", requires=("b",)), Extractor("b", requires=("a",))
    with open_library(data_dir, Plugin(a), Plugin(b), Plugin(Extractor("c"))) as lib:
        records = lib.host.records
        for name in ("p0", "p1"):
            assert records[name].status == "malfunctioned"
            assert "requires cycle: a -> b -> a" in records[name].error
        assert records["p2"].status == "active"
        assert [e.name for e in lib.host.extractors()] == ["c"]
        with pytest.raises(ValueError, match="requires cycle"):
            lib.host.set_enabled("p0", True)


# -- the text embedder ------------------------------------------------------------------------


def test_the_query_embedder_is_a_saved_choice(data_dir):
    plugins = (
        EmbeddingPlugin(Extractor("a"), embedder=Embedder("first")),
        EmbeddingPlugin(Extractor("b"), embedder=Embedder("second")),
        Plugin(Extractor("c")),
    )
    with open_library(data_dir, *plugins) as lib:
        assert lib.host.text_embedder().name == "second"  # none chosen: pluggy's first
        lib.host.set_text_embedder("p0")
        assert lib.host.text_embedder().name == "first"
        with pytest.raises(ValueError, match="offers no text embedder"):
            lib.host.set_text_embedder("p2")
    with open_library(data_dir, *plugins) as lib:
        assert lib.host.text_embedder().name == "first"  # saved
        used = {r["name"]: r["text_embedder"] for r in lib.host.describe()}
        assert used == {
            "p0": {"name": "first", "used": True},
            "p1": {"name": "second", "used": False},
            "p2": None,
        }
        lib.host.set_enabled("p0", False)
        assert lib.host.text_embedder().name == "second"  # the chosen one is disabled
        lib.host.set_text_embedder(None)
        assert lib.host.chosen_embedder() is None
