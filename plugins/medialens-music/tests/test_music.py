from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import medialens_music
import numpy as np
import pytest
from medialens_music import model

from medialens import api

VOICE = {
    "vocals",
    "voice",
    "female",
    "woman",
    "male",
    "man",
    "singing",
    "female vocals",
    "male vocals",
}
INSTRUMENTS = {
    "guitar", "piano", "drums", "violin", "synth", "strings", "flute", "harp", "cello", "sitar",
    "harpsichord",
}  # fmt: skip
SR = model.SAMPLE_RATE


def tone(seconds: float, freq: float = 440.0, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    rng = np.random.default_rng(0)
    return (amp * np.sin(2 * np.pi * freq * t) + 0.01 * rng.standard_normal(t.size)).astype(
        np.float32
    )


def test_the_mel_filterbank_is_librosas():
    librosa = pytest.importorskip("librosa")
    ref = librosa.filters.mel(sr=SR, n_fft=512, n_mels=96)
    assert np.allclose(model.mel_filterbank(), ref, atol=1e-7)


def test_the_log_mel_spectrogram_is_musicnns_input():
    librosa = pytest.importorskip("librosa")
    y = tone(7.3, 330.0) + tone(7.3, 2500.0, 0.2)
    ref = librosa.feature.melspectrogram(y=y, sr=SR, n_fft=512, hop_length=256, n_mels=96).T
    ref = np.log10(10000 * ref + 1)
    ours = model.log_mel(y)
    assert ours.shape == ref.shape == (1 + len(y) // 256, 96) and ours.dtype == np.float32
    assert np.allclose(ours, ref, atol=1e-4)
    # A window computed on its own equals the same frames of the whole spectrogram.
    assert np.allclose(model.log_mel(y, 200, 187), ref[200:387], atol=1e-4)
    assert np.allclose(model.log_mel(y, len(ref) - 50, 187), ref[-50:], atol=1e-4)


def test_loud_audio_gives_finite_features_and_tags():
    square = np.sign(tone(4.0, 100.0)).astype(np.float32)  # full scale: float16 would overflow
    batch = model.patches(square)
    assert np.isfinite(batch).all()
    analysis = model.tag_audio(square)
    assert all(np.isfinite(s) and 0 <= s <= 1 for s in analysis.tags.values())


def test_patches_are_spread_evenly_and_capped():
    five_min = 300 * SR
    starts = model.patch_starts(five_min, 8)
    total = 1 + five_min // 256
    assert len(starts) == 8 and starts == sorted(starts)
    assert starts[0] < total / 8 and starts[-1] > total * 6 / 8
    assert starts[-1] + 187 <= total
    assert model.patch_starts(10 * SR, 8) == [0, 187, 374]  # room for 3: all of them
    assert model.patch_starts(SR, 8) == [0]
    assert model.patch_starts(100, 8) == []


def test_patches_have_the_model_input_shape():
    assert model.patches(tone(300.0)).shape == (model.MAX_PATCHES, 187, 96)
    assert model.patches(tone(10.0)).shape == (3, 187, 96)
    short = model.patches(tone(0.5))  # tiled to fill one 3-s patch, not padded with silence
    assert short.shape == (1, 187, 96) and short[0, -5:].mean() > 1.0
    assert model.patches(np.zeros(0, np.float32)).shape == (0, 187, 96)


def test_the_vocabulary_is_readable_and_merges_synonyms():
    vocab = medialens_music.vocabulary()
    assert len(vocab) == len(set(vocab)) == 81
    assert {"female vocals", "male vocals", "no vocals", "hip-hop", "r&b", "2000s"} <= set(vocab)
    assert not {"female vocalists", "Hip-Hop", "vocal", "no voice", "00s"} & set(vocab)
    mean = {"mtt": np.zeros(50, np.float32), "msd": np.zeros(50, np.float32)}
    mean["mtt"][model.raw_labels("mtt").index("female vocal")] = 0.8
    mean["msd"][model.raw_labels("msd").index("rock")] = 0.6
    scores = model.tag_scores(mean)
    assert set(scores) == set(vocab)
    assert scores["female vocals"] == pytest.approx(0.2)  # mean of its 4 sources
    assert scores["rock"] == pytest.approx(0.3)  # mean of MTT's and the MSD's


def test_the_hook_returns_an_extractor_and_loads_no_model():
    (ex,) = medialens_music.medialens_extractors()
    assert isinstance(ex, api.Extractor)
    assert (ex.name, ex.kinds, ex.requires) == ("music", frozenset({"audio", "video"}), ())
    # API 1.3: never run on speech or sound effects, where music tags mean nothing.
    assert api.extractor_categories(ex) == {"music", "video"}
    vector, tags = ex.outputs
    assert vector == api.VectorOutput("music", 200, modality="music")
    assert tags.vocabulary == medialens_music.vocabulary()
    assert api.api_compatible(medialens_music.MEDIALENS_API)
    code = (
        "import sys, medialens_music as m; m.medialens_extractors(); "
        "assert 'onnxruntime' not in sys.modules and 'librosa' not in sys.modules; "
        "assert not m.model._sessions"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # also when not installed
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_no_audio_silence_or_a_click_give_an_empty_result(make_ctx):
    (ex,) = medialens_music.medialens_extractors()
    assert ex.extract(make_ctx()) == api.ExtractionResult()  # a video without sound
    assert ex.extract(make_ctx(samples={SR: np.zeros(100, np.float32)})) == api.ExtractionResult()
    silent = ex.extract(make_ctx(samples={SR: np.zeros(5 * SR, np.float32)}))
    assert not silent.tags and not silent.vectors


def test_a_result_has_a_unit_vector_and_tags_in_range(make_ctx):
    (ex,) = medialens_music.medialens_extractors()
    result = ex.extract(make_ctx(samples={SR: tone(20.0)}))
    vec = result.vectors["music"]
    assert vec.shape == (200,) and vec.dtype == np.float32
    assert np.linalg.norm(vec) == pytest.approx(1.0, abs=1e-5)
    assert result.tags and all(0.05 <= s <= 1.0 for s in result.tags.values())
    assert set(result.tags) <= set(ex.outputs[1].vocabulary)
    assert len(result.data["mtt"]) == len(result.data["msd"]) == 50


def test_cancellation_is_honoured(make_ctx):
    (ex,) = medialens_music.medialens_extractors()
    with pytest.raises(api.ExtractionCancelled):
        ex.extract(make_ctx(samples={SR: tone(5.0)}, cancelled=True))


def test_concurrent_first_calls_share_the_models_and_agree():
    y = tone(12.0, 220.0)
    out: list = [None] * 3

    def run(i):
        out[i] = model.tag_audio(y)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for o in out[1:]:
        assert np.allclose(o.embedding, out[0].embedding, atol=1e-5)
        assert o.tags == pytest.approx(out[0].tags, abs=1e-5)


FLOAT_MODELS = Path(__file__).resolve().parents[1] / "models"


def float_and_shipped(name: str, file: str):
    source = FLOAT_MODELS / model.MODELS[name].replace("_pooled", "")
    if not source.is_file():
        pytest.skip("the float models are in the plugin's source tree only")
    from importlib import resources

    import onnxruntime as ort

    y = np.concatenate([tone(4.0, 220.0), tone(4.0, 1760.0, 0.2), np.sign(tone(4.0, 90.0))])
    batch = model.patches(y.astype(np.float32), 4)
    outs = []
    for data in (
        source.read_bytes(),
        resources.files(model.__package__).joinpath(file).read_bytes(),
    ):
        sess = ort.InferenceSession(data, providers=["CPUExecutionProvider"])
        outs.append(sess.run(["model/tags:0", "model/embedding:0"], {"model/spec:0": batch}))
    return outs


@pytest.mark.parametrize("name", ["mtt", "msd"])
def test_the_pooled_model_is_the_float_models_maths(name):
    # tools/rewrite_models.py moves each batch norm after its pool: the outputs must not move.
    (tags, emb), (tags2, emb2) = float_and_shipped(name, model.MODELS[name])
    assert np.abs(tags2 - tags).max() < 1e-5
    assert np.abs(emb2 - emb).max() < 1e-4


@pytest.mark.parametrize("name", ["mtt", "msd"])
def test_the_int8_model_stays_near_the_float_model(name):
    (tags, emb), (tags2, emb2) = float_and_shipped(name, model.INT8_MODELS[name])
    cos = (emb * emb2).sum(1) / np.linalg.norm(emb, axis=1) / np.linalg.norm(emb2, axis=1)
    assert cos.min() > 0.99
    assert np.abs(tags2 - tags).max() < 0.05


def test_int8_models_are_used_only_with_int8_dot_products():
    want = model.INT8_MODELS if model.has_int8_dot_products() else model.MODELS
    assert [model.model_file(m) for m in model.MODELS] == list(want.values())


def top_voice_and_instrument(tags: dict[str, float]) -> tuple[float, float]:
    return max(tags[t] for t in VOICE), max(tags[t] for t in INSTRUMENTS)


@pytest.mark.media
def test_speech_gets_voice_tags_above_instrument_tags(media_dir, decode):
    # The longest prompts; over 100 prompts 91 % have a voice tag on top of every instrument.
    names = ["conf-adminmenu.wav", "conf-adminmenu-162.wav", "conf-usermenu-162.wav"]
    for name in names:
        analysis = model.tag_audio(decode(media_dir / "speech" / name))
        voice, instrument = top_voice_and_instrument(analysis.tags)
        assert voice > instrument, (name, analysis.tags)


@pytest.mark.media
def test_music_gets_instrument_and_genre_tags(media_dir, decode):
    for name in ["funkyrobot.mp3", "1918.mp3"]:
        analysis = model.tag_audio(decode(media_dir / "music" / name))
        top5 = sorted(analysis.tags, key=analysis.tags.get, reverse=True)[:5]
        assert not set(top5) & VOICE, (name, top5)
        voice, instrument = top_voice_and_instrument(analysis.tags)
        assert instrument > voice, (name, analysis.tags)


@pytest.mark.media
def test_the_embedding_puts_speech_near_speech(media_dir, decode):
    a, b = (model.tag_audio(decode(media_dir / "speech" / n)).embedding
            for n in ("conf-adminmenu.wav", "conf-usermenu-162.wav"))  # fmt: skip
    music = model.tag_audio(decode(media_dir / "music" / "funkyrobot.mp3", seconds=60)).embedding
    assert a @ b > max(a @ music, b @ music)


# --- through the app's real decoding context ------------------------------------------


@pytest.mark.media
def test_speech_through_the_app_context(media_dir, file_context):
    ctx = file_context(media_dir / "speech" / "conf-adminmenu.wav")  # 8 kHz, resampled by the app
    (ex,) = medialens_music.medialens_extractors()
    result = ex.extract(ctx)
    voice, instrument = top_voice_and_instrument(
        {t: result.tags.get(t, 0.0) for t in VOICE | INSTRUMENTS}
    )
    assert voice > instrument, result.tags
    assert result.vectors["music"].shape == (200,)


@pytest.mark.media
def test_the_sound_track_of_a_video_is_tagged(media_dir, file_context):
    (ex,) = medialens_music.medialens_extractors()
    result = ex.extract(file_context(media_dir / "video" / "bigbuckbunny.mp4"))
    assert result.tags and result.vectors["music"].shape == (200,)


def test_a_video_without_sound_gets_an_empty_result(tmp_path, file_context, mediagen):
    (ex,) = medialens_music.medialens_extractors()
    clip = mediagen.make_video(tmp_path / "mute.mp4", seconds=2.0, with_audio=False)
    assert ex.extract(file_context(clip)) == api.ExtractionResult()


def test_generated_beats_get_beat_or_drum_tags(tmp_path, file_context, mediagen):
    (ex,) = medialens_music.medialens_extractors()
    loop = mediagen.make_beats(tmp_path / "beats.wav")
    result = ex.extract(file_context(loop))
    top = sorted(result.tags, key=result.tags.get, reverse=True)[:8]
    assert set(top) & {"beat", "drums", "techno", "electronic", "dance"}, result.tags


def test_the_minimum_tag_score_setting_drops_the_less_sure_tags(make_ctx):
    from medialens.testing import setting_defaults

    assert setting_defaults(medialens_music) == {"min_tag_score": medialens_music.MIN_TAG_SCORE}
    (ex,) = medialens_music.medialens_extractors()
    samples = {SR: tone(20.0)}
    default = ex.extract(make_ctx(samples=samples))
    strict = ex.extract(make_ctx(samples=samples, settings={"min_tag_score": 0.3}))
    assert strict.tags and all(s >= 0.3 for s in strict.tags.values())
    assert set(strict.tags) < set(default.tags)  # fewer, and the surest ones kept
    assert strict.tags == {t: s for t, s in default.tags.items() if s >= 0.3}


@pytest.mark.media
@pytest.mark.parametrize("name", ["Coherence.ogg", "funkyrobot.mp3"])
def test_tags_move_within_rounding_from_ffmpegs_downmix(media_dir, file_context, name, monkeypatch):
    """The app mixes stereo down before resampling (samples within 2.4e-7 of FFmpeg's own
    downmix): tags and embedding moved at most 1.4e-7 on the 17 real tracks (float models:
    the int8 ones round activations to steps that such a change can cross)."""
    from medialens.testing import ffmpeg_mono, resample

    monkeypatch.setattr(model, "_sessions", {})
    monkeypatch.setattr(model, "model_file", lambda m: model.MODELS[m])

    path = media_dir / "music" / name
    ours = model.tag_audio(file_context(path).audio(model.SAMPLE_RATE))
    theirs = model.tag_audio(resample(ffmpeg_mono(path, 22050), 22050, model.SAMPLE_RATE))
    assert ours is not None and theirs is not None
    assert ours.tags == pytest.approx(theirs.tags, abs=1e-6)
    np.testing.assert_allclose(ours.embedding, theirs.embedding, rtol=0, atol=1e-6)
