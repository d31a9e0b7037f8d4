"""The audio descriptors: one 89-d vector, tempo and loudness from one STFT."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from mediagen import make_beats, make_tone, make_video

from medialens.builtins.audio import AUDIO_DIM, LAYOUT, AudioDescriptors
from medialens.builtins.thumbnails import Thumbnails
from medialens.testing import ffmpeg_mono


def group(vector: np.ndarray, name: str) -> np.ndarray:
    start = 0
    for key, size in LAYOUT:
        if key == name:
            return vector[start : start + size]
        start += size
    raise KeyError(name)


def test_tone_descriptors(tmp_path, make_context):
    result = AudioDescriptors().extract(make_context(make_tone(tmp_path / "a.wav", 5.0, 440.0)))
    vector = result.vectors["audio"]
    assert vector.shape == (AUDIO_DIM,) and vector.dtype == np.float32
    assert np.isfinite(vector).all()
    assert result.scalars["centroid_hz"] == pytest.approx(440, abs=60)
    assert int(np.argmax(group(vector, "chroma_mean"))) == 9  # A
    assert result.data["key"].startswith("A ")
    assert result.scalars["loudness_db"] == pytest.approx(-9.0, abs=0.5)  # 0.5-amplitude sine


def test_tempo_of_a_drum_loop(tmp_path, make_context):
    path = make_beats(tmp_path / "beats.mp3", seconds=15.0, bpm=120.0)
    result = AudioDescriptors().extract(make_context(path))
    # Off librosa's lag grid, where 120 BPM reads 117.5.
    assert result.scalars["tempo"] == pytest.approx(120.0, abs=1.0)
    tempo = group(result.vectors["audio"], "tempo")[0]
    assert tempo == pytest.approx(result.scalars["tempo"] / 200, abs=1e-3)


def test_louder_is_louder(tmp_path, make_context):
    extractor = AudioDescriptors()
    quiet = make_tone(tmp_path / "quiet.wav", 2.0, amplitude=0.05)
    loud = make_tone(tmp_path / "loud.wav", 2.0, amplitude=0.5)
    db_quiet = extractor.extract(make_context(quiet)).scalars["loudness_db"]
    db_loud = extractor.extract(make_context(loud)).scalars["loudness_db"]
    assert db_loud - db_quiet == pytest.approx(20.0, abs=1.0)


def test_video_without_audio_gives_an_empty_result(tmp_path, make_context):
    ctx = make_context(make_video(tmp_path / "silent.mkv", seconds=1.0, with_audio=False))
    result = AudioDescriptors().extract(ctx)
    assert not result.vectors and not result.scalars


def test_audio_is_shared_with_the_thumbnail_extractor(tmp_path, make_context):
    ctx = make_context(make_tone(tmp_path / "a.ogg", 3.0))
    Thumbnails().extract(ctx)  # draws a waveform
    AudioDescriptors().extract(ctx)  # wants 22.05 kHz
    assert ctx.audio_decodes == 1


@pytest.mark.media
def test_real_music(real_media, make_context):
    result = AudioDescriptors().extract(make_context(real_media / "music" / "1918.mp3"))
    assert 60 <= result.scalars["tempo"] <= 200
    assert result.scalars["tempo"] == pytest.approx(95.7, abs=3)  # librosa.beat: 95.7
    assert -40 < result.scalars["loudness_db"] < -5
    assert np.isfinite(result.vectors["audio"]).all()


# How far the descriptors may move when ctx.audio mixes stereo down itself instead of
# FFmpeg's resampler (samples within 2.4e-7). Measured on the 17 real tracks: the vector
# moved at most 2.4e-4 (a top-band spectral contrast deviation: sorted-bin quantiles jump
# by a bin), the scalars at most 1.2e-6 of their value (the 85 % roll-off of one frame
# crossing a bin), tempo and key not at all.
DECODE_DRIFT_VECTOR = 1e-3
DECODE_DRIFT_SCALARS = 1e-5


@pytest.mark.media
@pytest.mark.parametrize("name", ["Enemy Unknown.ogg", "Aberrations.ogg", "funkyrobot.mp3"])
def test_descriptors_move_within_rounding_from_ffmpegs_downmix(real_media, make_context, name):
    path = real_media / "music" / name
    samples = make_context(path).audio(22050)
    reference = ffmpeg_mono(path, 22050)
    assert len(samples) == len(reference)
    ours, theirs = AudioDescriptors().describe(samples), AudioDescriptors().describe(reference)
    np.testing.assert_allclose(ours[0], theirs[0], rtol=0, atol=DECODE_DRIFT_VECTOR)
    for key, value in theirs[1].items():
        assert ours[1][key] == pytest.approx(value, rel=DECODE_DRIFT_SCALARS, abs=1e-6), key
    assert ours[2] == theirs[2]  # the key and its strength


def test_the_ported_routines_give_librosas_numbers_exactly():
    """medialens.builtins.spectral replaces librosa (220 MB and 2.5 s to import in every
    worker): the same operations in the same dtypes, so the same bits."""
    librosa = pytest.importorskip("librosa")
    from medialens.builtins import spectral as sp

    rng = np.random.default_rng(0)
    power = (rng.random((128, 500)) ** 4).astype(np.float32)
    log_mel = librosa.power_to_db(power, ref=1.0, top_db=80.0)
    magnitude = rng.random((1025, 300)).astype(np.float32)
    x = rng.random(5000).astype(np.float32)
    frames = librosa.util.frame(x, frame_length=344, hop_length=8)
    frames = frames * np.hanning(344)[:, None].astype(frames.dtype)
    acf = librosa.autocorrelate(frames, axis=0)
    pairs = [
        (sp.mel_filters(22050, 2048, 128), librosa.filters.mel(sr=22050, n_fft=2048, n_mels=128)),
        (sp.chroma_filters(22050, 2048), librosa.filters.chroma(sr=22050, n_fft=2048, tuning=0)),
        (sp.mel_frequencies(130, fmax=11025.0), librosa.mel_frequencies(n_mels=130, fmax=11025)),
        (sp.power_to_db(power), log_mel),
        (sp.mfcc(log_mel, 20), librosa.feature.mfcc(S=log_mel, n_mfcc=20)),
        (
            sp.spectral_contrast(magnitude, 22050, 2048),
            librosa.feature.spectral_contrast(S=magnitude, sr=22050, n_fft=2048),
        ),
        (sp.onset_strength(log_mel), librosa.onset.onset_strength(S=log_mel, hop_length=512)),
        (sp.frame(x, 344, 8), librosa.util.frame(x, frame_length=344, hop_length=8)),
        (sp.autocorrelate(frames, axis=0), acf),
        (sp.normalize_max(acf, axis=0), librosa.util.normalize(acf, norm=np.inf, axis=0)),
    ]
    for ours, theirs in pairs:
        assert ours.dtype == theirs.dtype
        np.testing.assert_array_equal(ours, theirs)


def test_describing_audio_does_not_import_librosa(tmp_path):
    script = (
        "import sys, numpy as np\n"
        "from medialens.builtins.audio import AudioDescriptors\n"
        "AudioDescriptors().describe(np.sin(np.arange(22050 * 5) / 9).astype(np.float32))\n"
        "print([m for m in ('librosa', 'numba') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
