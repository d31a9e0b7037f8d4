"""The services the library owns: history that never loads the features, index snapshots
one generation at a time, a guarded query embedder, a searcher that follows plugin
toggles, and a disabled plugin's results left out until it is enabled again."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from mediagen import make_tone
from test_pipeline import Plugin

from medialens.api import ExtractionResult, TextOutput, VectorOutput, hookimpl
from medialens.core.library import Library
from medialens.core.search import SearchError
from medialens.paths import data_dirs

DIM = 4


def _axis(text: str) -> np.ndarray:
    """A toy text embedding: which of four words the text mentions."""
    words = ("low", "high", "middle", "other")
    v = np.array([float(w in text.lower()) for w in words], np.float32) + 1e-3
    return v / np.linalg.norm(v)


class Words:
    """Stores each file's name as text and its toy embedding as a text vector."""

    name, version, requires, timeout = "words", "1", (), 10.0
    kinds = frozenset({"audio"})
    outputs = (VectorOutput("text", DIM, "text"), TextOutput())

    def extract(self, ctx):
        title = ctx.file.path.stem
        return ExtractionResult(vectors={"text": _axis(title)}, text=f"{title} tune")


class Sound:
    """A stand-in for a sound model: one vector per file from its file name."""

    name, version, requires, timeout = "sound", "1", (), 10.0
    kinds = frozenset({"audio"})
    outputs = (VectorOutput("v", 3, "music"),)

    def extract(self, ctx):
        high = "high" in ctx.file.path.stem
        return ExtractionResult(vectors={"v": np.array([1.0, 2.0 * high, 0.1], np.float32)})


class Embedder:
    name, dim, vector_name = "toy", DIM, "text"

    def __init__(self) -> None:
        self.fail = False
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        if self.fail:
            raise RuntimeError("the model file is missing")
        return np.stack([_axis(t) for t in texts])


class WordsPlugin(Plugin):
    def __init__(self, embedder: Embedder) -> None:
        super().__init__(Words())
        self.embedder = embedder

    @hookimpl
    def medialens_text_embedder(self):
        return self.embedder


@pytest.fixture
def made(tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    for i, name in enumerate(["low a", "low b", "high a", "high b", "middle"]):
        make_tone(media / f"{name}.ogg", seconds=0.3, freq=200 + 150 * i)
    embedder = Embedder()
    lib = Library(
        data_dirs(tmp_path / "data"), entry_points=False, builtins=False,
        extra_plugins=[("words", WordsPlugin(embedder)), ("sound", Plugin(Sound()))],
    )  # fmt: skip
    lib.add_folders([media])
    lib.scan()
    lib.pipeline().run_sync()
    yield lib, media, embedder
    lib.close()


def reopen(lib: Library) -> Library:
    """The same data folder in a fresh Library (nothing loaded in this process yet)."""
    host = lib.host
    extra = [(name, r.module) for name, r in host.records.items()]
    return Library(lib.dirs, entry_points=False, builtins=False, extra_plugins=extra)


def test_recording_an_event_never_loads_the_features(made):
    lib, media, _ = made
    fresh = reopen(lib)
    try:
        for kind in ("start", "complete", "like", "dislike"):
            assert fresh.events.record(media / "low a.ogg", kind)
        assert fresh.feature_index.loads == 0  # no index was built for a like or a play
        assert not fresh.taste.loaded
        assert fresh.taste.model() is not None  # asked for: built from the events then
        assert fresh.feature_index.loads == 1
        assert fresh.events.record(media / "high a.ogg", "like")  # loaded: learnt at once
        assert fresh.taste.model().n_events == 4 and fresh.feature_index.loads == 1
    finally:
        fresh.close()


def test_a_reader_never_sees_two_generations_of_the_index(made):
    lib, media, _ = made
    index = lib.feature_index
    ids = sorted(lib.index.files)
    stop = threading.Event()
    seen: list[str] = []

    def read() -> None:
        while not stop.is_set():
            snap = index.snapshot
            files = set(snap.files)
            if len(snap.file_ids) != len(snap.content_codes) or set(snap.file_ids) != files:
                seen.append("file ids of one generation, files of another")
            for block in snap.blocks.values():
                if not set(block.file_ids.tolist()) <= files or block.positions.max(
                    initial=-1
                ) >= len(snap.file_ids):
                    seen.append(f"{block.key} of another generation")

    readers = [threading.Thread(target=read) for _ in range(2)]
    for r in readers:
        r.start()
    try:
        for k in range(60):  # files come and go: every refresh is a new generation
            lib.store.files.set_available([ids[k % len(ids)]], k % 2 == 1)
            index.refresh()
    finally:
        stop.set()
        for r in readers:
            r.join()
    assert index.loads > 30 and seen == []


def test_a_failing_embedder_is_a_clear_search_error(made):
    lib, _, embedder = made
    assert lib.search("low")  # works
    embedder.fail = True
    with pytest.raises(SearchError, match="text embedder 'toy' failed: RuntimeError"):
        lib.search("high")
    embedder.fail = False
    assert lib.search("high")  # and search goes on once it works again


def test_the_searcher_follows_plugin_toggles_and_shuts_down(made):
    lib, _, embedder = made
    lib.search("low")
    first = lib.searcher()
    assert first.embedder is embedder and lib.searcher() is first
    lib.host.set_enabled("words", False)
    second = lib.searcher()
    assert second is not first and second.embedder is None and first.closed
    calls = embedder.calls
    lib.search("low")
    assert embedder.calls == calls  # the disabled plugin's embedder is never called
    lib.host.set_enabled("words", True)
    assert lib.searcher().embedder is embedder and second.closed
    third = lib.searcher()
    lib.close()
    assert third.closed
    with pytest.raises(SearchError, match="closed"):
        third.search("low")


def test_a_disabled_plugins_results_leave_and_come_back_without_reextraction(made):
    lib, media, _ = made
    low = lib.file(media / "low a.ogg").id
    assert {"words.text", "sound.v"} <= set(lib.index.blocks)
    assert any(h.file_id == low for h in lib.search("tune"))  # its text is searchable
    assert lib.similar(media / "low a.ogg", 4)
    lib.events.record(low, "like")
    assert lib.recommender.recommend(3)
    assert lib.index.item_vectors().layout  # both blocks
    before = lib.store.extraction.done_counts()

    lib.host.set_enabled("words", False)
    lib.host.set_enabled("sound", False)
    assert set(lib.index.blocks) == set() and lib.index.tags == {}
    assert lib.search("tune") == []  # neither its words nor its meaning
    assert lib.similar(media / "low a.ogg", 4) == []
    assert lib.recommender.more_like_this(low, 4) == []
    assert lib.index.item_vectors().layout == ()

    lib.host.set_enabled("sound", True)
    assert set(lib.index.blocks) == {"sound.v"}
    assert [m.why.key for m in lib.similar(media / "low a.ogg", 1)] == ["sounds_alike"]
    lib.host.set_enabled("words", True)
    assert {"words.text", "sound.v"} <= set(lib.index.blocks)
    assert any(h.file_id == low for h in lib.search("tune"))
    assert lib.status()["pending"] == 0  # nothing to redo
    assert lib.store.extraction.done_counts() == before


def test_a_file_with_an_exact_copy_still_has_similar_files(made):
    """Copies share one set of features, stored under one of them: asking about the
    other copy must find the same neighbours (and never the copy itself)."""
    import shutil

    lib, media, _ = made
    shutil.copy(media / "low a.ogg", media / "low a copy.ogg")
    lib.scan()
    lib.pipeline().run_sync()
    copy = lib.file(media / "low a copy.ogg")
    original = lib.file(media / "low a.ogg")
    assert copy.content_id == original.content_id
    for one, other in ((copy, original), (original, copy)):
        matches = lib.similar(media / one.display_path, n=3)
        assert matches and other.id not in {m.file_id for m in matches}
        cards = lib.recommender.more_like_this(one.id, 3)
        assert [c.file_id for c in cards] == [m.file_id for m in matches][: len(cards)] != []


def test_more_like_this_names_the_file_asked_about_not_its_copy(made):
    import shutil

    lib, media, _ = made
    shutil.copy(media / "high a.ogg", media / "high a again.ogg")
    lib.scan()
    lib.pipeline().run_sync()
    for name in ("high a", "high a again"):
        cards = lib.recommender.more_like_this(lib.file(media / f"{name}.ogg").id, 3)
        assert cards and {c.why[0].as_json()["args"]["title"] for c in cards} == {name}
