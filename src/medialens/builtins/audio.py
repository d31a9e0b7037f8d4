"""Built-in audio descriptors: timbre, harmony, brightness, loudness and tempo of a track.

Everything derives from one STFT of the shared 22.05 kHz decode, so the descriptors cost
less than decoding the track did. librosa is imported inside ``extract`` (it takes seconds
to import), never when the app starts.

The ``audio`` vector (float32, ``AUDIO_DIM`` = 89) concatenates, in this order
(see ``LAYOUT``; each group is scaled to be of order 1):

====================  ===  =====================================================
mfcc_mean             20   MFCC 0-19 means (of a 128-band log-mel) / 100
mfcc_std              20   their standard deviations / 50
chroma_mean           12   pitch-class energy C, C#, ... B (0-1, per-frame max = 1)
chroma_std            12
contrast_mean          7   spectral contrast of 6 octave bands + residual, dB / 50
contrast_std           7
centroid               2   spectral centroid mean, std / Nyquist
rolloff                2   85 % roll-off frequency mean, std / Nyquist
flatness               2   spectral flatness mean, std (0 tonal - 1 noise)
zero_crossings         2   zero-crossing rate mean, std (per sample)
loudness               2   frame RMS in dBFS mean, std / 60
tempo                  1   beats per minute / 200
====================  ===  =====================================================

The groups have different spreads: standardise each dimension over the library before
comparing vectors by cosine.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    ScalarsOutput,
    VectorOutput,
    hookimpl,
)

MEDIALENS_API = "1.0"

SAMPLE_RATE = 22050
N_FFT = 2048
HOP = 512
N_MELS = 128
N_MFCC = 20
SUBSAMPLE = 4  # frames used by the summary statistics: one in SUBSAMPLE
MIN_SECONDS = 0.25  # shorter audio has no meaningful descriptors
MIN_TEMPO_SECONDS = 4.0  # shorter audio has no meaningful tempo

LAYOUT: tuple[tuple[str, int], ...] = (
    ("mfcc_mean", N_MFCC),
    ("mfcc_std", N_MFCC),
    ("chroma_mean", 12),
    ("chroma_std", 12),
    ("contrast_mean", 7),
    ("contrast_std", 7),
    ("centroid", 2),
    ("rolloff", 2),
    ("flatness", 2),
    ("zero_crossings", 2),
    ("loudness", 2),
    ("tempo", 1),
)
AUDIO_DIM = sum(n for _, n in LAYOUT)

SCALARS = (
    "tempo",
    "loudness_db",
    "loudness_std_db",
    "loudness_range_db",
    "centroid_hz",
    "rolloff_hz",
    "flatness",
    "zero_crossing_rate",
    "seconds_analysed",
)

_PITCHES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
# Krumhansl-Kessler key profiles.
_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


class AudioDescriptors:
    """Summary statistics of classic spectral descriptors, plus tempo and key."""

    name = "audio"
    version = "1"
    kinds = frozenset({"audio", "video"})
    requires: tuple[str, ...] = ()
    outputs = (VectorOutput("audio", AUDIO_DIM, modality="audio"), ScalarsOutput(SCALARS))
    timeout = 120.0

    def __init__(self) -> None:
        self._filters: dict[str, Any] = {}
        self._lock = threading.Lock()

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        y = ctx.audio(SAMPLE_RATE)
        if len(y) < MIN_SECONDS * SAMPLE_RATE:
            return ExtractionResult()  # no audio stream (a silent video) or a click
        ctx.check_cancelled()
        vector, scalars, data = self.describe(y, ctx.check_cancelled)
        return ExtractionResult(vectors={"audio": vector}, scalars=scalars, data=data)

    def describe(
        self, y: np.ndarray, check_cancelled: Any = lambda: None
    ) -> tuple[np.ndarray, dict[str, float], dict[str, object]]:
        """The descriptors of mono float32 samples at SAMPLE_RATE (vector, scalars, data)."""
        import librosa  # noqa: PLC0415 - seconds to import: only on a worker, when needed

        sr = SAMPLE_RATE
        y = np.asarray(y, dtype=np.float32)
        if len(y) < N_FFT:
            y = np.pad(y, (0, N_FFT - len(y)))
        magnitude = np.abs(librosa.stft(y, n_fft=N_FFT, hop_length=HOP))
        power = magnitude**2
        mel_basis, chroma_basis = self._bases(librosa)
        log_mel = librosa.power_to_db(np.asarray(mel_basis @ power), ref=1.0, top_db=80.0)
        mfcc = librosa.feature.mfcc(S=log_mel, n_mfcc=N_MFCC)
        check_cancelled()

        # Means and deviations over a track barely change when only every 4th frame
        # (one each 93 ms) is used; MFCC and the tempo's onsets above use every frame.
        mag2 = np.ascontiguousarray(magnitude[:, ::SUBSAMPLE])
        pow2 = np.ascontiguousarray(power[:, ::SUBSAMPLE])
        chroma = chroma_basis @ pow2
        chroma /= np.maximum(chroma.max(axis=0, keepdims=True), 1e-10)
        contrast = librosa.feature.spectral_contrast(S=mag2, sr=sr, n_fft=N_FFT)
        freqs = np.linspace(0.0, sr / 2, magnitude.shape[0], dtype=np.float32)
        total = np.maximum(mag2.sum(axis=0), 1e-10)
        centroid = (freqs @ mag2) / total
        cumulative = np.cumsum(mag2, axis=0)
        rolloff = freqs[np.argmax(cumulative >= 0.85 * cumulative[-1:], axis=0)]
        pow_floor = pow2 + 1e-10
        flatness = np.exp(np.log(pow_floor).mean(axis=0)) / pow_floor.mean(axis=0)
        zcr = _zero_crossing_rate(y, HOP)
        # Parseval on the one-sided spectrum, undoing the Hann window's energy loss (3/8),
        # so a full-scale sine reads -3 dBFS (librosa's rms(S=...) reads 4.3 dB lower).
        energy = 2.0 * power.sum(axis=0) - power[0] - power[-1]
        rms = np.sqrt(np.maximum(energy / (N_FFT**2 * 0.375), 0.0))
        loudness = 20.0 * np.log10(np.maximum(rms, 1e-5))
        check_cancelled()

        seconds = len(y) / sr
        tempo = _tempo(librosa, log_mel, sr) if seconds >= MIN_TEMPO_SECONDS else 0.0
        nyquist = sr / 2
        parts = [
            mfcc.mean(axis=1) / 100,
            mfcc.std(axis=1) / 50,
            chroma.mean(axis=1),
            chroma.std(axis=1),
            contrast.mean(axis=1) / 50,
            contrast.std(axis=1) / 50,
            [centroid.mean() / nyquist, centroid.std() / nyquist],
            [rolloff.mean() / nyquist, rolloff.std() / nyquist],
            [flatness.mean(), flatness.std()],
            [zcr.mean(), zcr.std()],
            [loudness.mean() / 60, loudness.std() / 60],
            [tempo / 200],
        ]
        vector = np.concatenate([np.asarray(p, dtype=np.float32).ravel() for p in parts])
        vector = np.nan_to_num(vector, nan=0.0, posinf=0.0, neginf=0.0).astype(np.float32)
        assert vector.shape == (AUDIO_DIM,)
        scalars = {
            "tempo": round(float(tempo), 2),
            "loudness_db": float(loudness.mean()),
            "loudness_std_db": float(loudness.std()),
            "loudness_range_db": float(np.percentile(loudness, 95) - np.percentile(loudness, 10)),
            "centroid_hz": float(centroid.mean()),
            "rolloff_hz": float(rolloff.mean()),
            "flatness": float(flatness.mean()),
            "zero_crossing_rate": float(zcr.mean()),
            "seconds_analysed": round(seconds, 3),
        }
        data: dict[str, object] = {"layout": [list(item) for item in LAYOUT]}
        key = _key(chroma.mean(axis=1))
        if key is not None:
            data["key"], data["key_strength"] = key
        return vector, scalars, data

    def _bases(self, librosa: Any) -> tuple[Any, np.ndarray]:
        """The mel filter bank (sparse: each filter spans a few bins) and chroma filters."""
        from scipy import sparse  # noqa: PLC0415 - a librosa dependency, loaded with it

        with self._lock:
            if not self._filters:
                mel = librosa.filters.mel(sr=SAMPLE_RATE, n_fft=N_FFT, n_mels=N_MELS)
                self._filters["mel"] = sparse.csr_matrix(mel)
                self._filters["chroma"] = librosa.filters.chroma(
                    sr=SAMPLE_RATE, n_fft=N_FFT, tuning=0.0
                )
            return self._filters["mel"], self._filters["chroma"]


def _zero_crossing_rate(y: np.ndarray, hop: int) -> np.ndarray:
    signs = np.signbit(y)
    crossings = (signs[1:] != signs[:-1]).astype(np.float32)
    starts = np.arange(0, len(crossings), hop)
    counts = np.add.reduceat(crossings, starts)
    lengths = np.diff(np.append(starts, len(crossings)))
    return counts / np.maximum(lengths, 1)


def _tempo(librosa: Any, log_mel: np.ndarray, sr: int) -> float:
    """Global tempo: librosa's estimator on a tempogram sampled every 8th onset frame.

    The mean of local autocorrelations barely changes when the windows overlap less, and
    this is 20x cheaper than a window at every frame.
    """
    onset = librosa.onset.onset_strength(S=log_mel, sr=sr, hop_length=HOP)
    win = 384  # librosa's default tempogram window: 8.9 s
    if len(onset) < win // 2:
        return 0.0
    padded = np.pad(onset, win // 2, mode="linear_ramp")
    frames = librosa.util.frame(padded, frame_length=win, hop_length=8)
    frames = frames * np.hanning(win)[:, None].astype(frames.dtype)
    acf = librosa.autocorrelate(frames, axis=0)
    acf = librosa.util.normalize(acf, norm=np.inf, axis=0)
    tempogram = acf.mean(axis=1, keepdims=True)
    bpm = librosa.feature.tempo(tg=tempogram, sr=sr, hop_length=HOP, aggregate=None)
    return float(np.ravel(bpm)[0])


def _key(chroma_mean: np.ndarray) -> tuple[str, float] | None:
    """Krumhansl-Schmuckler key estimate ("A minor") and its correlation (0-1)."""
    if not np.any(chroma_mean > 0) or np.ptp(chroma_mean) < 1e-6:
        return None
    best, best_r = None, -2.0
    for mode, profile in (("major", _MAJOR), ("minor", _MINOR)):
        for tonic in range(12):
            r = float(np.corrcoef(chroma_mean, np.roll(profile, tonic))[0, 1])
            if r > best_r:
                best, best_r = f"{_PITCHES[tonic]} {mode}", r
    return (best, round(max(best_r, 0.0), 3)) if best else None


@hookimpl
def medialens_extractors() -> list[AudioDescriptors]:
    return [AudioDescriptors()]
