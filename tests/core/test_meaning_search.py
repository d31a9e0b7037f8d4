"""Search treats a third-party model like a bundled one through what its outputs mean.

A real plugin module (not bundled, unknown to the core) declares a transcript (``said``),
on-screen text (``written``) and labels (``shown``); the built-in description fuses them,
and keyword search finds a file by a line said in it, quoting the line and where it is,
by text on screen, and by a label's name, with no text embedder at all.
"""

from __future__ import annotations

import types

import pytest
from mediagen import make_tone

from medialens.api import (
    ExtractionResult,
    TagsOutput,
    TextOutput,
    TextSegment,
    hookimpl,
)
from medialens.core.library import Library
from medialens.core.reasons import render
from medialens.paths import data_dirs

# what each file "contains", keyed by its frequency (the tone files are otherwise alike)
SAID = {
    440: [(0.0, 1.2, "hello and welcome"), (1.2, 2.0, "your message has been saved")],
    660: [(0.0, 2.0, "please hold the line")],
}
WRITTEN = {880: [(1.0, 1.0, "EMERGENCY EXIT"), (1.5, 1.5, "紧急出口")]}
SHOWN = {440: {"seat belt": 0.8, "face": 0.6}, 880: {"lighthouse": 0.9}}


def _freq(ctx) -> int:
    return int(ctx.file.path.stem.split("-")[1])


def content_plugin():
    class Talk:
        name, version, kinds, requires = "talk", "1", frozenset({"audio"}), ()
        outputs, timeout = (TextOutput(meaning="said"),), 30

        def extract(self, ctx):
            lines = SAID.get(_freq(ctx), [])
            segments = [TextSegment(a, b, t) for a, b, t in lines]
            return ExtractionResult(
                text=" ".join(t for _, _, t in lines) or None, segments=segments, language="en"
            )

    class Screen:
        name, version, kinds, requires = "screen", "1", frozenset({"audio"}), ()
        outputs, timeout = (TextOutput(meaning="written"),), 30

        def extract(self, ctx):
            lines = WRITTEN.get(_freq(ctx), [])
            return ExtractionResult(
                text="\n".join(t for _, _, t in lines) or None,
                segments=[TextSegment(a, b, t) for a, b, t in lines],
            )

    class Scene:
        name, version, kinds, requires = "scene", "1", frozenset({"audio"}), ()
        outputs = (TagsOutput(vocabulary=("seat belt", "face", "lighthouse"), meaning="shown"),)
        timeout = 30

        def extract(self, ctx):
            return ExtractionResult(tags=SHOWN.get(_freq(ctx), {}))

    module = types.ModuleType("content")
    module.MEDIALENS_API = "1.2"
    module.medialens_extractors = hookimpl(lambda: [Talk(), Screen(), Scene()])
    return module


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    root = tmp_path_factory.mktemp("meaning")
    media = root / "media"
    media.mkdir()
    for freq in (440, 660, 880, 990):
        make_tone(media / f"item-{freq}.ogg", seconds=2.0, freq=freq)
    with Library(
        data_dirs(root / "data"), entry_points=False, extra_plugins=[("content", content_plugin())]
    ) as lib:
        lib.add_folders([media])
        lib.scan()
        lib.pipeline(workers=1).run(timeout=120)
        lib.media_folder = media  # type: ignore[attr-defined]
        yield lib


def names(hits):
    return [h.path.rsplit("/", 1)[-1] for h in hits]


def test_the_description_fuses_what_each_extractor_found_by_meaning(lib):
    features = lib.info(lib.media_folder / "item-440.ogg")["features"]
    described = features["description"]
    assert "on screen: seat belt, face" in described["text"]
    assert "says: hello and welcome your message has been saved" in described["data"]["document"]
    # the transcript is indexed once, by its own extractor, not again in the description
    assert "says" not in described["text"]


def test_a_line_said_is_found_and_quoted_with_where_it_is_said(lib):
    hits = lib.search("message saved", 5)
    assert names(hits) == ["item-440.ogg"]
    [says] = [r for r in hits[0].why if r.key == "says"]
    assert says.get("quote") == "your message has been saved"
    assert says.get("at") == pytest.approx(1.2)
    assert render(says) == 'at 0:01: "your message has been saved"'


def test_text_on_screen_is_found_in_english_and_in_chinese(lib):
    assert names(lib.search("emergency exit", 5)) == ["item-880.ogg"]
    hits = lib.search("出口", 5)  # inside 紧急出口: Chinese has no spaces between words
    assert names(hits) == ["item-880.ogg"]
    assert render(hits[0].why[0]) == 'on screen at 0:02: "紧急出口"'


def test_a_label_is_found_by_its_name_without_any_text_embedder(lib):
    assert lib.host.text_embedder() is None  # no text plugin here: keywords only
    hits = lib.search("seat belt", 5)
    assert names(hits) == ["item-440.ogg"]
    assert render(hits[0].why[0]) == "on screen: seat belt"


def test_nonsense_returns_nothing(lib):
    for query in ("xqzv blorf", "plimbo snarkwaddle", "zzzzqqq"):
        assert lib.search(query, 10) == []


def test_a_new_content_result_redoes_the_description_that_reads_it(lib):
    cid = lib.store.files.media(_file_id(lib, 440)).content_id
    before = lib.store.results.done_keys(cid)
    assert {k[1] for k in before} >= {"talk", "description"}
    # the transcript's extractor is redone (a new version): the description reads it, so
    # it is pending too, although its own version did not change
    from medialens.core.planning import pending_extractors

    extractors = lib.host.extractors()
    done = {k for k in before if k[1] != "talk"}
    pending = {e.name for e in pending_extractors(extractors, cid, "audio", done)}
    assert pending == {"talk", "description"}


def _file_id(lib, freq: int) -> int:
    return next(h.file_id for h in lib.search(f"item {freq}", 1))


@pytest.mark.parametrize("vocab", [40, 254, 255, 300, 70_000])
def test_tag_postings_give_the_evidence_of_a_dense_pass_over_every_row(vocab):
    """The inverted tag table finds, for each row holding a relevant tag, the strongest
    evidence and its column, as strength * relevance over every row's tags does (with
    8-bit, 16-bit and wide sort keys)."""
    import numpy as np

    from medialens.core.index import TagTable
    from medialens.core.search import _Postings

    rng = np.random.default_rng(7)
    n, k = 5000, 6
    tag_ids = rng.integers(-1, vocab, (n, k)).astype(np.int32)
    scores = rng.random((n, k)).astype(np.float32)
    scores[tag_ids < 0] = 0
    table = TagTable(
        "x", [f"t{i}" for i in range(vocab)], np.arange(n) * 2, tag_ids, scores, np.sqrt(scores)
    )
    postings = _Postings(table)
    for share in (0.0, 0.02, 0.05, 0.3, 1.0):  # the last ones take the dense pass
        relevant = np.where(rng.random(vocab) < share, rng.random(vocab), 0).astype(np.float32)
        dense = table.strength * np.append(relevant, np.float32(0))[table.tag_ids]
        best_col = dense.argmax(axis=1)
        best = dense[np.arange(n), best_col]
        rows, cols, value = postings.evidence(relevant)
        want = np.flatnonzero(best > 0)
        held = value > 0
        assert set(rows[held].tolist()) == set(want.tolist())
        assert np.allclose(value[held], best[rows[held]])
        assert (cols[held] == best_col[rows[held]]).all()
