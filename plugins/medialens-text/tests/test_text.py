from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import medialens_text
import numpy as np
import pytest
from medialens_text import model

from medialens import api


def cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_embeddings_are_unit_float32_rows_in_input_order():
    texts = ["a long sentence about a walk in the hills above the lake", "cat", "", "kitten"]
    vecs = medialens_text.embed(texts)
    assert vecs.shape == (4, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    # Batched (padded to the longest) equals one at a time.
    for text, vec in zip(texts, vecs, strict=True):
        assert cos(medialens_text.embed([text])[0], vec) > 0.9999
    assert medialens_text.embed([]).shape == (0, 384)


def test_meaning_not_spelling_decides_closeness():
    cat, kitten, stocks = medialens_text.embed(["cat", "kitten", "stock market"])
    assert cos(cat, kitten) > cos(cat, stocks) + 0.3


def test_long_texts_are_truncated_not_refused():
    long = "holiday in rome " * 2000
    vec = medialens_text.embed([long])[0]
    assert np.isfinite(vec).all()
    ids, _ = model._encode([long])
    assert ids.shape[1] == model.MAX_TOKENS


def test_a_woman_speaking_is_closer_to_voice_labels_than_to_guitar_rock():
    query = medialens_text.embed(["a woman speaking"])[0]
    voice, used = medialens_text.embed_labels([{"female vocals": 0.8, "speech": 0.6}])
    rock, _ = medialens_text.embed_labels([{"guitar": 0.8, "rock": 0.6}])
    assert cos(query, voice) > cos(query, rock) + 0.2
    assert dict(used) == pytest.approx({"female vocals": 0.8 / 1.4, "speech": 0.6 / 1.4}, abs=1e-4)


def test_labels_weigh_each_source_equally_and_ignore_empty_ones():
    bike = medialens_text.embed(["mountain bike"])[0]
    piano = medialens_text.embed(["piano"])[0]
    vec, used = medialens_text.embed_labels([{"mountain bike": 0.9}, {}, {"piano": 0.05}])
    assert cos(vec, bike) == pytest.approx(cos(vec, piano), abs=1e-4)
    assert [t for t, _ in used] == ["mountain bike", "piano"]
    assert medialens_text.embed_labels([{}, {"x": 0.0}]) == (None, [])


def test_the_document_falls_back_to_the_file_name_and_metadata():
    assert medialens_text.document("  the text  ", Path("a/b.mp4"), {}) == "the text"
    doc = medialens_text.document(None, Path("Holidays/summer_in-Rome.2019.mp4"), {"title": "Roma"})
    assert doc.splitlines() == ["Roma", "summer in Rome 2019", "Holidays"]


def test_the_hooks_return_an_extractor_and_an_embedder_and_load_no_model():
    (ex,) = medialens_text.medialens_extractors()
    assert isinstance(ex, api.Extractor)
    assert (ex.name, ex.kinds) == ("semantic", frozenset({"audio", "video"}))
    assert ex.requires == ("text", "description", "vision", "music")
    assert ex.outputs == (
        api.VectorOutput("text", 384, modality="text"),
        api.VectorOutput("labels", 384, modality="labels"),
    )
    embedder = medialens_text.medialens_text_embedder()
    assert isinstance(embedder, api.TextEmbedder)
    assert (embedder.name, embedder.dim, embedder.vector_name) == ("minilm", 384, "text")
    assert embedder.embed(["query"]).shape == (1, 384)
    assert api.api_compatible(medialens_text.MEDIALENS_API)
    code = (
        "import sys, medialens_text as m; m.medialens_extractors(); m.medialens_text_embedder(); "
        "assert not {'onnxruntime', 'tokenizers'} & set(sys.modules); "
        "assert m.model._session is None"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # also when not installed
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_extract_uses_the_text_document_and_the_labels(make_ctx):
    (ex,) = medialens_text.medialens_extractors()
    results = {
        "text": api.ExtractionResult(text="bikes\nstreet footage"),
        "vision": api.ExtractionResult(tags={"mountain bike": 0.4, "moped": 0.2}),
        "music": api.ExtractionResult(tags={"female vocals": 0.3}),
    }
    result = ex.extract(make_ctx(results=results))
    assert set(result.vectors) == {"text", "labels"}
    for vec in result.vectors.values():
        assert vec.shape == (384,) and vec.dtype == np.float32
        assert np.linalg.norm(vec) == pytest.approx(1.0, abs=1e-5)
    expected = medialens_text.embed(["bikes\nstreet footage"])[0]
    assert cos(result.vectors["text"], expected) > 0.9999
    assert [t for t, _ in result.data["labels"]] == ["mountain bike", "moped", "female vocals"]


def test_without_other_results_it_embeds_the_file_name_and_stores_no_labels(make_ctx):
    (ex,) = medialens_text.medialens_extractors()
    result = ex.extract(make_ctx(path="Concerts/jazz_night.mp4"))
    assert set(result.vectors) == {"text"}
    query = medialens_text.embed(["jazz concert"])[0]
    assert cos(result.vectors["text"], query) > 0.5


def test_cancellation_is_honoured(make_ctx):
    (ex,) = medialens_text.medialens_extractors()
    with pytest.raises(api.ExtractionCancelled):
        ex.extract(make_ctx(cancelled=True))


def test_concurrent_first_calls_share_one_model_and_agree():
    out: list = [None] * 4

    def run(i):
        out[i] = medialens_text.embed(["a quiet walk by the sea", f"tag {i % 2}"])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(np.allclose(o[0], out[0][0], atol=1e-5) for o in out)


@pytest.mark.media
def test_a_real_file_through_the_app_context(media_dir, file_context):
    path = media_dir / "video" / "bikes.mp4"
    vision = api.ExtractionResult(tags={"mountain bike": 0.3, "moped": 0.1})
    (ex,) = medialens_text.medialens_extractors()
    result = ex.extract(file_context(path, results={"vision": vision}))
    assert set(result.vectors) == {"text", "labels"}
    query = medialens_text.embed(["bicycle"])[0]
    assert cos(result.vectors["labels"], query) > cos(
        result.vectors["labels"], medialens_text.embed(["opera singer"])[0]
    )
