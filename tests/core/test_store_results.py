"""The results and plugin-state tables, through the store's own classes on a real database:
what is saved reads back as typed values, and re-enabling forgets exactly the failures of
the extractors that were marked."""

import numpy as np
import pytest

from medialens.store import ExtractorMalfunction, ResultValues, SavedPlugin, Store


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "library.db")
    yield store
    store.close()


def test_a_result_reads_back_as_it_was_saved(store):
    vector = np.arange(4, dtype=np.float32)
    values = ResultValues(
        tags={"rock": 0.5},
        text="hello",
        scalars={"bpm": 120.0},
        data={"n": [1, 2]},
        vectors={"v": vector},
    )
    store.results.save("c1", "x", "1", values, {"v": "music"}, 0.1)
    back = store.results.load("c1", "x")
    assert isinstance(back, ResultValues)
    assert (back.tags, back.text, back.scalars, back.data) == (
        {"rock": 0.5},
        "hello",
        {"bpm": 120.0},
        {"n": [1, 2]},
    )
    assert back.vectors["v"].dtype == np.float32 and np.array_equal(back.vectors["v"], vector)
    assert store.results.load("c1", "other") is None
    assert store.results.done_keys() == {("c1", "x", "1")}


def test_data_that_is_not_json_is_not_stored_as_text(store):
    values = ResultValues({}, None, {}, {"score": np.float32(0.5)}, {})
    with pytest.raises(TypeError):
        store.results.save("c1", "x", "1", values, {}, 0.1)
    assert store.results.load("c1", "x") is None


def test_re_enabling_forgets_the_failures_of_the_marked_extractors_only(store):
    for cid in ("c1", "c2"):
        store.results.save_failure(cid, "bad", "1", "boom")
        store.results.save_failure(cid, "other", "1", "boom")
    store.plugin_state.mark_malfunctioned("bad", "p", "failed on 5 files in a row")
    [mark] = store.plugin_state.malfunctions().values()
    assert isinstance(mark, ExtractorMalfunction) and (mark.extractor, mark.plugin) == ("bad", "p")
    assert store.plugin_state.set_enabled("p", False) == 0
    assert store.plugin_state.saved() == [SavedPlugin("p", True)]
    assert store.plugin_state.set_enabled("p", True, ["bad"]) == 2
    assert store.plugin_state.malfunctions() == {}
    assert {k[1] for k in store.results.done_keys()} == {"other"}
