"""The speech plugin on small generated media: the hook, the settings, the model files, the
gate on the sounds result, the streaming decoder's pieces and times, and (with tiny.en, one
load per session) that sound without a voice yields no text."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import medialens_speech
import numpy as np
import pytest
from medialens_speech import decode, models, transcript

from medialens import api
from medialens.testing import ArrayContext, setting_defaults

SR = decode.SAMPLE_RATE


def pitch(samples: np.ndarray, at: float, seconds: float = 0.5) -> float:
    """The strongest frequency (Hz) of ``samples`` from ``at`` s for ``seconds``."""
    seg = samples[int(at * SR) : int((at + seconds) * SR)]
    spectrum = np.abs(np.fft.rfft(seg * np.hanning(len(seg))))
    return float(np.argmax(spectrum) * SR / len(seg))


def stepped_pitch(t: float) -> float:
    """The pitch of mediagen.make_stepped_tone(step_seconds=4) at ``t`` seconds."""
    return 200.0 + 50.0 * np.floor(t / 4.0)


# --- the hook and the settings --------------------------------------------------------


def test_the_hook_returns_one_speech_extractor():
    (ex,) = medialens_speech.medialens_extractors()
    assert isinstance(ex, api.Extractor)
    assert (ex.name, ex.kinds, ex.requires) == (
        "speech",
        frozenset({"audio", "video"}),
        ("sounds",),
    )
    assert ex.outputs == (api.TextOutput(meaning="said"),)
    assert 600 <= ex.timeout <= 7200  # an hour of speech fits, a runaway is still stopped
    # API 1.3: never run on music; spoken word, sound effects (cheap: gated) and videos.
    assert api.extractor_categories(ex) == {"speech", "sound", "video"}
    assert medialens_speech.MEDIALENS_API == "1.3" and api.api_compatible("1.3")


def test_the_model_setting_offers_both_models():
    (setting,) = medialens_speech.medialens_settings()
    assert (setting.key, setting.type, setting.choices) == ("model", "choice", ("tiny.en", "base"))
    assert setting_defaults(medialens_speech) == {"model": models.DEFAULT_MODEL}
    assert models.DEFAULT_MODEL in setting.choices and setting.help


def test_importing_and_the_hooks_load_no_model_nor_runtime():
    code = (
        "import sys, medialens_speech as m; m.medialens_extractors(); m.medialens_settings(); "
        "bad = {'faster_whisper', 'ctranslate2', 'onnxruntime', 'torch'} & set(sys.modules); "
        "assert not bad, bad; assert not m.models.loaded_models()"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # also when not installed
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_faster_whisper_brings_no_torch():
    from importlib.metadata import requires

    needs = " ".join(r for r in requires("faster-whisper") or [] if "extra ==" not in r)
    assert "ctranslate2" in needs and "onnxruntime" in needs and "torch" not in needs


# --- the model files ------------------------------------------------------------------


def test_the_packaged_models_have_their_files():
    tiny = models.model_files("tiny.en")
    assert not tiny.parts
    for name in ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt"):
        assert (tiny.folder / name).is_file()
    base = models.model_files("base")
    assert len(base.parts) == 2 and all(p.is_file() for p in base.parts)
    assert sum(p.stat().st_size for p in base.parts) == models.BASE_SIZE == base.size
    for name in models.SMALL_FILES:
        assert (base.folder / name).is_file()
    with pytest.raises(ValueError, match="unknown speech model"):
        models.model_files("large")


def test_joining_parts_writes_the_whole_file_once(tmp_path):
    parts = []
    for i, data in enumerate((b"abc" * 1000, b"defg" * 500)):
        parts.append(tmp_path / f"p{i}")
        parts[-1].write_bytes(data)
    dest = tmp_path / "out" / "model.bin"
    import hashlib

    digest = hashlib.sha256(b"abc" * 1000 + b"defg" * 500).hexdigest()
    assert models.join_parts(parts, dest, 5000, digest) == dest
    assert dest.read_bytes() == b"abc" * 1000 + b"defg" * 500
    assert oct(dest.stat().st_mode & 0o777) == "0o644"
    assert sorted(p.name for p in dest.parent.iterdir()) == ["model.bin"]  # no temp file left
    mtime = dest.stat().st_mtime_ns
    models.join_parts(parts, dest, 5000, digest)  # already there: not written again
    assert dest.stat().st_mtime_ns == mtime


def test_joining_refuses_wrong_parts_and_leaves_nothing(tmp_path):
    part = tmp_path / "p"
    part.write_bytes(b"x" * 10)
    dest = tmp_path / "out" / "model.bin"
    with pytest.raises(RuntimeError, match="11 expected"):
        models.join_parts([part], dest, 11)
    with pytest.raises(RuntimeError, match="SHA-256"):
        models.join_parts([part], dest, 10, "0" * 64)
    assert not dest.exists() and list(dest.parent.iterdir()) == []
    dest.write_bytes(b"y" * 3)  # a truncated model.bin from elsewhere is replaced
    models.join_parts([part], dest, 10)
    assert dest.read_bytes() == b"x" * 10


# --- what the sounds extractor says ----------------------------------------------------


def sounds(**data) -> api.ExtractionResult:
    return api.ExtractionResult(data=data)


def test_the_sounds_result_gates_and_chooses_spans():
    spans = [[1.0, 2.5], [4.0, 6.0]]
    f = medialens_speech.speech_spans
    assert f(None, 30.0) == (True, None)  # no sounds plugin: the voice detector decides
    assert f(sounds(), 30.0) == (True, None)
    assert f(sounds(speech_share=0.0, speech_spans=[]), 30.0) == (False, [])
    assert f(sounds(speech_share=0.005, speech_spans=spans), 30.0) == (False, [])
    assert f(sounds(speech_share=0.3, speech_spans=[[1.0, 1.2]]), 30.0) == (False, [])
    song = api.ExtractionResult(categories={"music": 0.92}, data={"speech_share": 0.064})
    assert f(song, 41.0) == (False, [])  # a song's lyrics are not what is said
    talk = api.ExtractionResult(categories={"music": 0.6}, data={"speech_share": 0.064})
    assert f(talk, 41.0) == (True, None)  # a voice over music that is not all music
    assert f(sounds(speech_share=0.3, speech_spans=spans), 30.0) == (True, spans)
    assert f(sounds(speech_share=0.3), 30.0) == (True, None)
    assert f(sounds(speech_share=0.3, speech_spans="bad"), 30.0) == (True, None)
    assert f(sounds(speech_share=0.3, speech_spans=[[1, "x"]]), 30.0) == (True, None)
    # A long file's spans may come from excerpts: used only when said to cover the file.
    assert f(sounds(speech_share=0.3, speech_spans=spans), 3600.0) == (True, None)
    covered = sounds(speech_share=0.3, speech_spans=spans, spans_cover_file=True)
    assert f(covered, 3600.0) == (True, spans)
    excerpts = sounds(speech_share=0.3, speech_spans=spans, spans_cover_file=False)
    assert f(excerpts, 3600.0) == (True, None) and f(excerpts, 30.0) == (True, None)
    # Spans of a few sampled patches are too coarse to silence the rest with.
    dense = sounds(speech_share=0.3, speech_spans=spans, patches=60, audio_seconds=29.0)
    assert f(dense, 29.0) == (True, spans)
    sampled = sounds(speech_share=0.3, speech_spans=spans, patches=64, audio_seconds=300.0)
    assert f(sampled, 300.0) == (True, None)


@dataclass
class CountingContext(ArrayContext):
    """An ArrayContext that counts decodes, to show a skipped file is not even decoded."""

    decodes: int = 0

    def audio(self, sample_rate: int) -> np.ndarray:
        self.decodes += 1
        return super().audio(sample_rate)


def test_no_speech_in_sounds_returns_empty_without_decoding(tmp_path):
    file = api.MediaFile("x", tmp_path / "song.ogg", "audio", 200.0, 1)
    noise = np.random.default_rng(0).standard_normal(5 * SR).astype(np.float32) * 0.1
    ctx = CountingContext(
        file=file,
        cache_dir=tmp_path,
        samples={SR: noise},
        results={"sounds": sounds(speech_share=0.0, speech_spans=[])},
    )
    (ex,) = medialens_speech.medialens_extractors()
    assert ex.extract(ctx) == api.ExtractionResult(data={"no_speech": True})
    assert ctx.decodes == 0


def test_no_audio_or_silence_gives_an_empty_result(make_ctx):
    (ex,) = medialens_speech.medialens_extractors()
    assert ex.extract(make_ctx()) == api.ExtractionResult()  # a video without sound
    assert (
        ex.extract(make_ctx(samples={SR: np.zeros(5 * SR, np.float32)})) == api.ExtractionResult()
    )
    assert ex.extract(make_ctx(samples={SR: np.zeros(100, np.float32)})) == api.ExtractionResult()


def test_cancellation_is_honoured(make_ctx, mediagen, tmp_path):
    path = mediagen.make_speechlike(tmp_path / "s.wav", 3.0)
    samples = decode.mask_outside(load(path), 0.0, [[0.0, 3.0]])
    (ex,) = medialens_speech.medialens_extractors()
    with pytest.raises(api.ExtractionCancelled):
        ex.extract(make_ctx(samples={SR: samples}, cancelled=True))


# --- hallucination guards ---------------------------------------------------------------


def seg(text="Hello there.", nsp=0.05, lp=-0.3, cr=1.2):
    return SimpleNamespace(text=text, no_speech_prob=nsp, avg_logprob=lp, compression_ratio=cr)


def test_unsure_looping_or_empty_segments_are_hallucinations():
    assert not transcript.is_hallucination(seg())
    assert not transcript.is_hallucination(seg(nsp=0.41, lp=-0.91))  # the surest real word
    assert not transcript.is_hallucination(seg(nsp=0.05, lp=-1.17))  # the least sure
    assert transcript.is_hallucination(seg(" Thank you.", nsp=0.88, lp=-0.91))  # over music
    assert transcript.is_hallucination(seg("I'm sick, " * 12, nsp=0.1, lp=-0.1, cr=23.0))
    assert transcript.is_hallucination(seg("okay, I see my bed", nsp=0.4, lp=-2.38))
    assert transcript.is_hallucination(seg(" ♪ ♪ "))
    assert transcript.is_hallucination(seg("  ...  "))


# --- the streaming decoder -------------------------------------------------------------


def load(path: Path) -> np.ndarray:
    return np.concatenate([p.samples for p in decode.stream_pieces(path)])


def test_quiet_cut_ends_a_piece_in_its_pause():
    y = np.random.default_rng(0).standard_normal(60 * SR).astype(np.float32) * 0.3
    y[52 * SR : int(52.5 * SR)] = 0.0  # a pause 8 s before the end
    y[10 * SR : 11 * SR] = 0.0  # and one in the first half, never chosen
    cut = decode.quiet_cut(y)
    assert 52 * SR <= cut <= int(52.5 * SR)
    assert decode.quiet_cut(y[:100]) == 100  # too short to cut


def test_span_groups_merge_near_spans_pad_and_split_long_ones():
    groups = decode.span_groups([[10, 12], [20, 22], [100, 101]], duration=500)
    assert groups == [(9.5, 22.5), (99.5, 101.5)]
    assert decode.span_groups([[0.2, 1]], duration=1.2) == [(0.0, 1.2)]  # clipped to the file
    long = decode.span_groups([[0, 700]], duration=800, max_seconds=300)
    assert len(long) == 3 and long[0][0] == 0 and long[-1][1] == 700.5
    assert all(e - s <= 300 for s, e in long)
    assert decode.span_groups([[5, 5], [7, 6]], duration=10) == []


def test_mask_outside_silences_between_spans_only():
    y = np.ones(10 * SR, np.float32)
    out = decode.mask_outside(y, 100.0, [[102.0, 103.0], [106.0, 107.0]])
    assert out[int(1.6 * SR)] == 1 and out[int(3.4 * SR)] == 1  # padded by half a second
    assert out[int(1.4 * SR)] == 0 and out[int(4.5 * SR)] == 0 and out[int(9 * SR)] == 0
    assert y.min() == 1  # the input is untouched


def test_streamed_pieces_are_contiguous_and_keep_file_times(mediagen, tmp_path):
    path = mediagen.make_stepped_tone(tmp_path / "steps.m4a", 40.0, step_seconds=4.0, sr=16000)
    pieces = list(decode.stream_pieces(path, max_seconds=9.0))
    assert len(pieces) >= 4 and pieces[0].start == 0.0
    for a, b in zip(pieces, pieces[1:], strict=False):
        assert b.start == pytest.approx(a.end, abs=1e-6)
        assert 4.5 <= a.end - a.start <= 9.5  # cut in the piece's second half
    assert pieces[-1].end == pytest.approx(40.0, abs=0.1)
    for p in pieces:
        for local in np.arange(0.0, p.end - p.start - 0.6, 1.3):
            t = p.start + local
            if abs(t / 4.0 - round(t / 4.0)) * 4.0 > 0.6:  # away from a step
                assert pitch(p.samples, local) == pytest.approx(stepped_pitch(t + 0.25), abs=4)


def test_streaming_only_the_spans_seeks_to_them(mediagen, tmp_path):
    path = mediagen.make_stepped_tone(tmp_path / "steps.m4a", 40.0, step_seconds=4.0, sr=16000)
    spans = [[2.0, 3.0], [35.0, 36.0], [38.0, 38.8]]  # 31 s apart: two seeks
    pieces = list(decode.stream_pieces(path, spans, duration=40.0))
    assert [(p.start, round(p.end, 2)) for p in pieces] == [(1.5, 3.5), (34.5, 39.3)]
    first, second = pieces
    assert pitch(first.samples, 0.6) == pytest.approx(stepped_pitch(2.1), abs=4)  # 200 Hz
    assert pitch(second.samples, 0.6) == pytest.approx(stepped_pitch(35.1), abs=4)  # 600 Hz
    assert pitch(second.samples, 3.6) == pytest.approx(stepped_pitch(38.1), abs=4)  # 650 Hz
    gap = second.samples[int(2.1 * SR) : int(2.9 * SR)]  # 36.6-37.4 s: between the spans
    assert np.abs(gap).max() == 0.0


def test_a_file_without_audio_streams_nothing(mediagen, tmp_path):
    video = mediagen.make_video(tmp_path / "silent.mp4", seconds=1.0, with_audio=False)
    assert list(decode.stream_pieces(video)) == []


# --- with the model (tiny.en, loaded once per session) -----------------------------------


def test_concurrent_first_loads_share_one_model(whisper_cache):
    out: list = [None] * 3

    def run(i):
        out[i] = models.load("tiny.en", whisper_cache)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out[0] is not None and out[0] is out[1] is out[2]
    assert "tiny.en" in models.loaded_models()


def test_tones_and_beats_say_nothing(file_context, mediagen, tmp_path, whisper_cache):
    (ex,) = medialens_speech.medialens_extractors()
    models.load("tiny.en", whisper_cache)
    for path in (
        mediagen.make_tone(tmp_path / "tone.wav", 6.0, 440.0),
        mediagen.make_beats(tmp_path / "beats.ogg", 8.0),
    ):
        result = ex.extract(file_context(path, settings={"model": "tiny.en"}))
        assert not result.text and not result.segments, result
