"""The speech plugin on real recordings: Asterisk prompts (Allison Smith, CC-BY-SA-3.0) are
transcribed with their words at their times, music yields no text, and a long file's own
decoder puts what is said where it is. tiny.en only (one load per session), short files."""

from __future__ import annotations

from pathlib import Path

import medialens_speech
import numpy as np
import pytest
import speech_wer
from medialens_speech import models

from medialens import api
from medialens.testing import INT8_KERNELS_DIFFER

pytestmark = pytest.mark.media

TINY = {"model": "tiny.en"}
KEY_WORDS = {
    "agent-pass": {"password", "pound", "key"},
    "vm-msgsaved": {"message", "saved"},
    "tt-weasels": {"weasels", "eaten"},
}


@pytest.fixture(scope="module")
def extractor(whisper_cache):
    models.load("tiny.en", whisper_cache)  # once, outside any one test's timing
    return medialens_speech.SpeechExtractor()


def prompt(media_dir: Path, name: str) -> Path:
    path = media_dir / "speech" / f"{name}.wav"
    if not path.exists():
        pytest.skip(f"{path} is not installed")
    return path


def test_real_prompts_are_transcribed_with_their_words(extractor, file_context, media_dir):
    texts = speech_wer.known_texts()
    pairs = []
    for name, words in KEY_WORDS.items():
        path = prompt(media_dir, name)
        ctx = file_context(path, settings=TINY)
        result = extractor.extract(ctx)
        said = set(speech_wer.words(result.text or ""))
        assert words <= said, (name, result.text)
        assert result.language == "en" and result.data["model"] == "tiny.en"
        assert result.segments and result.text == " ".join(s.text for s in result.segments)
        for seg in result.segments:
            assert 0.0 <= seg.start < seg.end <= ctx.file.duration + 0.5
        pairs.append((texts[name], result.text or ""))
    assert speech_wer.wer(pairs) <= 0.15


@INT8_KERNELS_DIFFER
def test_a_long_prompt_gets_segments_at_their_times(extractor, file_context, media_dir):
    # "Thank you for calling Super Awesome Company ... For an operator, press zero." (25 s)
    result = extractor.extract(file_context(prompt(media_dir, "basic-pbx-ivr-main"), settings=TINY))
    starts = [s.start for s in result.segments]
    assert len(starts) >= 4 and starts == sorted(starts)
    assert "company" in speech_wer.words(result.segments[0].text)
    last = result.segments[-1]
    assert "operator" in speech_wer.words(last.text) and last.start > 18.0


def test_music_says_nothing(extractor, file_context, media_dir):
    # An instrumental track; Whisper alone writes "Thank you." over its quiet
    # passage (no_speech_prob 0.88), which the segment guards drop.
    for name in ("Aberrations.ogg",):
        path = media_dir / "music" / name
        if not path.exists():
            pytest.skip(f"{path} is not installed")
        result = extractor.extract(file_context(path, settings=TINY))
        assert not result.text and not result.segments, (name, result.text)


def test_music_the_sounds_plugin_calls_music_is_not_even_decoded(
    extractor, file_context, media_dir
):
    path = media_dir / "music" / "Awakening.ogg"
    if not path.exists():
        pytest.skip(f"{path} is not installed")
    sounds = api.ExtractionResult(data={"speech_share": 0.0, "speech_spans": []})
    ctx = file_context(path, results={"sounds": sounds})  # the FileContext itself
    assert extractor.extract(ctx) == api.ExtractionResult(data={"no_speech": True})
    assert ctx.audio_decodes == 0


def three_prompts(media_dir: Path, dest: Path, mediagen) -> list[tuple[float, float, str]]:
    """The three prompts of KEY_WORDS in one m4a, 4 s of silence before each: their times."""
    import av

    parts, placed, at = [], [], 0.0
    for name in KEY_WORDS:
        with av.open(str(prompt(media_dir, name))) as c:
            resampler = av.AudioResampler(format="flt", layout="mono", rate=16000)
            chunks = [
                o.to_ndarray().reshape(-1) for f in c.decode(audio=0) for o in resampler.resample(f)
            ]
        clip = np.concatenate(chunks)
        parts += [np.zeros(4 * 16000, np.float32), clip]
        placed.append((at + 4.0, at + 4.0 + len(clip) / 16000, name))
        at += 4.0 + len(clip) / 16000
    mediagen.write_audio(dest, np.concatenate(parts), 16000)
    return placed


def test_a_long_file_is_decoded_here_with_file_times(file_context, media_dir, mediagen, tmp_path):
    placed = three_prompts(media_dir, tmp_path / "three.m4a", mediagen)
    # As for a file over ten minutes: the plugin's own streaming decoder, in 9-s pieces.
    ex = medialens_speech.SpeechExtractor(long_file_seconds=5.0, piece_seconds=9.0)
    result = ex.extract(file_context(tmp_path / "three.m4a", settings=TINY))
    for start, end, name in placed:
        near = [s for s in result.segments if s.start < end and s.end > start]
        said = set(speech_wer.words(" ".join(s.text for s in near)))
        assert KEY_WORDS[name] <= said, (name, start, result.segments)
        assert all(start - 1.0 <= s.start and s.end <= end + 1.0 for s in near)

    # Spans of the whole file: only the middle prompt's stretch is decoded and read.
    start, end, name = placed[1]
    sounds = api.ExtractionResult(
        data={"speech_share": 0.3, "speech_spans": [[start, end]], "spans_cover_file": True}
    )
    result = ex.extract(file_context(tmp_path / "three.m4a", {"sounds": sounds}, TINY))
    said = set(speech_wer.words(result.text or ""))
    assert KEY_WORDS[name] <= said and not ({"password", "weasels"} & said), result.text
    assert all(start - 1.0 <= s.start and s.end <= end + 1.0 for s in result.segments)


@INT8_KERNELS_DIFFER
def test_after_the_real_sounds_plugin_a_song_is_skipped_and_a_prompt_read(
    extractor, file_context, media_dir
):
    sounds_plugin = pytest.importorskip("medialens_sounds")
    song = media_dir / "music" / "drascula" / "track31.ogg"  # sung words over music, 41 s
    if not song.exists():
        pytest.skip(f"{song} is not installed")
    heard = {}
    for path in (song, prompt(media_dir, "vm-msgsaved")):
        try:
            heard[path] = sounds_plugin.SoundsExtractor().extract(file_context(path))
        except sounds_plugin.ModelMissing as exc:
            pytest.skip(f"the sounds plugin's model is not installed: {exc}")
    # Whisper alone writes out the lyrics it imagines; the sounds plugin's votes stop it.
    result = extractor.extract(file_context(song, {"sounds": heard[song]}, TINY))
    assert result == api.ExtractionResult(data={"no_speech": True})
    path = prompt(media_dir, "vm-msgsaved")
    result = extractor.extract(file_context(path, {"sounds": heard[path]}, TINY))
    assert {"message", "saved"} <= set(speech_wer.words(result.text or ""))
