"""Built-in audio descriptors: timbre, harmony, brightness, loudness and tempo of a track.

Everything derives from one STFT of the shared 22.05 kHz decode, computed in blocks of
frames, so the descriptors cost less than decoding the track did (see
``benchmarks/bench_audio_builtins.py``). The few librosa routines they use are ported in
:mod:`medialens.builtins.spectral` (the same numbers): importing librosa cost every
extraction process 2.5 s of CPU and 220 MB of memory.

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

Scalars also carry cheap evidence of what a file *is* (speech, music or another sound),
which the library's kind classifier reads. All of it is measured between 100 Hz and 4 kHz,
so telephone-band recordings (8 kHz prompts) and full-band ones read alike:

- ``modulation_4hz``: share of the band envelopes' modulation energy at the syllable rate
  (2.5-6 Hz), after Scheirer & Slaney (1997); speech is high.
- ``low_energy_share``: share of frames quieter than half the mean RMS of their second;
  speech pauses between words, music rarely does.
- ``silence_share``: share of frames 40 dB below the loud ones.
- ``flux_mean``, ``flux_variance``: frame-to-frame change of the normalised spectrum.
- ``voiced_share``: share of audible frames with a clear pitch in the range of a human
  voice (70-400 Hz), from the autocorrelation of each frame (the power spectrum's inverse
  FFT: no second transform of the signal).
- ``pitch_std_semitones``: spread of that pitch; intonation moves it, a beep does not.
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
from medialens.builtins import spectral

MEDIALENS_API = "1.4"  # ctx.audio_excerpts, ctx.audio_frame_levels

SAMPLE_RATE = 22050
DIGITAL_SILENCE = 1e-5  # RMS below -100 dBFS: no sound at all
N_FFT = 2048
HOP = 512
N_MELS = 128
N_MFCC = 20
SUBSAMPLE = 8  # frames used by the summary statistics: one in SUBSAMPLE (every 186 ms)
_BLOCK = 1024  # STFT frames computed at once (a multiple of SUBSAMPLE): 8 MB of spectrum
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
    "modulation_4hz",
    "low_energy_share",
    "silence_share",
    "flux_mean",
    "flux_variance",
    "voiced_share",
    "pitch_std_semitones",
)
SPEECH_BAND_HZ = (100.0, 4000.0)
VOICE_F0_HZ = (70.0, 400.0)
_PITCH_MIN_HZ, _PITCH_MAX_HZ = 60.0, 1100.0  # lags searched; beeps above a voice count as unvoiced
_VOICED_STRENGTH = 0.5  # normalised autocorrelation peak of a periodic frame
_AUDIBLE_DB = 30.0  # frames within this of the loud (95th percentile) frames count
_PITCH_EVERY_FRAME_BELOW = 1000  # frames (23 s): shorter audio gets a pitch for every frame
_PITCH_STRIDE = 4

_PITCHES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
# Krumhansl-Kessler key profiles.
_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


class AudioDescriptors:
    """Summary statistics of classic spectral descriptors, plus tempo and key."""

    name = "audio"
    version = "3"  # from ctx.audio_excerpts (6 x 10 s of a long track); loudness of the whole
    kinds = frozenset({"audio", "video"})
    requires: tuple[str, ...] = ()
    outputs = (VectorOutput("audio", AUDIO_DIM, modality="audio"), ScalarsOutput(SCALARS))
    timeout = 120.0

    def __init__(self) -> None:
        self._filters: dict[str, Any] = {}
        self._lock = threading.Lock()

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        parts = [e.samples for e in ctx.audio_excerpts(SAMPLE_RATE) if len(e.samples)]
        if sum(len(p) for p in parts) < MIN_SECONDS * SAMPLE_RATE:
            return ExtractionResult()  # no audio stream (a silent video) or a click
        ctx.check_cancelled()
        levels = None
        if len(parts) > 1:  # excerpts of a long track: its loudness from a whole-track pass
            levels = ctx.audio_frame_levels(N_FFT / SAMPLE_RATE)
        vector, scalars, data = self.describe_parts(parts, ctx.check_cancelled, levels)
        return ExtractionResult(vectors={"audio": vector}, scalars=scalars, data=data)

    def describe(
        self, y: np.ndarray, check_cancelled: Any = lambda: None
    ) -> tuple[np.ndarray, dict[str, float], dict[str, object]]:
        """The descriptors of mono float32 samples at SAMPLE_RATE (vector, scalars, data)."""
        return self.describe_parts([y], check_cancelled)

    def describe_parts(
        self,
        parts: list[np.ndarray],
        check_cancelled: Any = lambda: None,
        levels: np.ndarray | None = None,
    ) -> tuple[np.ndarray, dict[str, float], dict[str, object]]:
        """The descriptors of excerpts of one track, pooled: each excerpt's frames are
        computed on their own (no frame, onset or tempo window spans two excerpts), and
        the statistics taken over the frames of all.

        ``levels``: RMS levels of frames of N_FFT samples spread over the whole track
        (``ctx.audio_frame_levels``): when given, the loudness statistics are theirs, so
        that the quiet intro and outro the excerpts skip still count."""
        sr = SAMPLE_RATE
        ys = [np.asarray(y, dtype=np.float32) for y in parts]
        ys = [np.pad(y, (0, N_FFT - len(y))) if len(y) < N_FFT else y for y in ys]
        mel_t, chroma_t = self._bases()
        spectra = [_spectra(y, mel_t, check_cancelled) for y in ys]
        tempo_spectra = list(spectra)
        if levels is not None and len(levels):
            # The silence the excerpts skip (before an intro, after an outro) as frames of
            # silence, in the share the whole-track levels give it.
            share = float(np.mean(np.asarray(levels) < DIGITAL_SILENCE))
            frames = sum(len(s[1]) for s in spectra)
            silent = int(round(min(share, 0.5) / (1.0 - min(share, 0.5)) * frames))
            if silent:
                ys.append(np.zeros(silent * HOP, dtype=np.float32))
                spectra.append(_spectra(ys[-1], mel_t, check_cancelled))
        mel_power, energy, sub_power, pitch = (
            np.concatenate(a) for a in zip(*spectra, strict=True)
        )
        log_mel = spectral.power_to_db(mel_power.T, top_db=80.0)
        mfcc = spectral.mfcc(log_mel, N_MFCC)

        # Frame-wise descriptors on every SUBSAMPLE-th frame: a track's means and deviations
        # barely change, and they cost a fraction. Frames are rows here.
        sub_mag = np.sqrt(sub_power)
        chroma = sub_power @ chroma_t
        chroma /= np.maximum(chroma.max(axis=1, keepdims=True), 1e-10)
        contrast = spectral.spectral_contrast(sub_mag.T, sr, N_FFT).T
        freqs = np.linspace(0.0, sr / 2, sub_mag.shape[1], dtype=np.float32)
        total = np.maximum(sub_mag.sum(axis=1), 1e-10)
        centroid = (sub_mag @ freqs) / total
        cumulative = np.cumsum(sub_mag, axis=1)
        rolloff = freqs[np.argmax(cumulative >= 0.85 * cumulative[:, -1:], axis=1)]
        floored = sub_power + 1e-10
        flatness = np.exp(np.log(floored).mean(axis=1)) / floored.mean(axis=1)
        zcr = np.concatenate([_zero_crossing_rate(y, HOP) for y in ys])
        # Parseval on the one-sided spectrum, undoing the Hann window's energy loss (3/8),
        # so a full-scale sine reads -3 dBFS (librosa's rms(S=...) reads 4.3 dB lower).
        rms = np.sqrt(np.maximum(energy / (N_FFT**2 * 0.375), 0.0))
        if levels is not None and len(levels):
            rms = np.asarray(levels, dtype=np.float64)
        loudness = 20.0 * np.log10(np.maximum(rms, 1e-5))
        check_cancelled()

        seconds = sum(len(y) for y in ys[: len(tempo_spectra)]) / sr
        bounds = np.cumsum([0, *(len(s[0]) for s in tempo_spectra)])
        pieces = [log_mel[:, a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
        tempo = _tempo(pieces, sr) if seconds >= MIN_TEMPO_SECONDS else 0.0
        nyquist = sr / 2
        stats: list[Any] = [
            mfcc.mean(axis=1) / 100,
            mfcc.std(axis=1) / 50,
            chroma.mean(axis=0),
            chroma.std(axis=0),
            contrast.mean(axis=0) / 50,
            contrast.std(axis=0) / 50,
            [centroid.mean() / nyquist, centroid.std() / nyquist],
            [rolloff.mean() / nyquist, rolloff.std() / nyquist],
            [flatness.mean(), flatness.std()],
            [zcr.mean(), zcr.std()],
            [loudness.mean() / 60, loudness.std() / 60],
            [tempo / 200],
        ]
        vector = np.concatenate([np.asarray(p, dtype=np.float32).ravel() for p in stats])
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
            **_speech_evidence(mel_power, self._speech_band(), pitch),
        }
        data: dict[str, object] = {"layout": [list(item) for item in LAYOUT]}
        key = _key(chroma.mean(axis=0))
        if key is not None:
            data["key"], data["key_strength"] = key
        return vector, scalars, data

    def _speech_band(self) -> np.ndarray:
        """Which mel bands lie in SPEECH_BAND_HZ (a boolean mask over N_MELS)."""
        with self._lock:
            if "band" not in self._filters:
                centres = spectral.mel_frequencies(N_MELS + 2, fmax=SAMPLE_RATE / 2)[1:-1]
                lo, hi = SPEECH_BAND_HZ
                self._filters["band"] = (centres >= lo) & (centres <= hi)
            return self._filters["band"]

    def _bases(self) -> tuple[Any, np.ndarray]:
        """Mel and chroma filter banks, transposed for frames-as-rows spectra.

        The mel bank is sparse (each filter spans a few bins): 2,000 non-zeros of 131,000.
        """
        from scipy import sparse  # noqa: PLC0415 - loaded on a worker, when needed

        with self._lock:
            if not self._filters:
                mel = spectral.mel_filters(SAMPLE_RATE, N_FFT, N_MELS)
                chroma = spectral.chroma_filters(SAMPLE_RATE, N_FFT)
                self._filters["mel"] = sparse.csc_matrix(mel.T.astype(np.float32))
                self._filters["chroma"] = np.ascontiguousarray(chroma.T, dtype=np.float32)
            return self._filters["mel"], self._filters["chroma"]


def _spectra(
    y: np.ndarray, mel_t: Any, check_cancelled: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One pass of STFT (Hann, N_FFT, HOP, centred like librosa's) in blocks of frames.

    Returns the mel power of every frame, the spectral energy of every frame, the power
    spectrum of every SUBSAMPLE-th frame (frames-as-rows), and for every frame of short
    audio (every _PITCH_STRIDE-th of long audio) its energy, pitch strength and pitch in
    Hz (``[frames, 3]``). Never holds the whole spectrogram, and runs about four times
    faster than ``np.abs(librosa.stft(y)) ** 2``.
    """
    from numpy.lib.stride_tricks import sliding_window_view  # noqa: PLC0415
    from scipy import fft  # noqa: PLC0415 - loaded on a worker, when needed

    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)
    frames = sliding_window_view(np.pad(y, N_FFT // 2), N_FFT)[::HOP]
    count = frames.shape[0]
    mel = np.empty((count, mel_t.shape[1]), dtype=np.float32)
    energy = np.empty(count, dtype=np.float32)
    sub: list[np.ndarray] = []
    pitch: list[np.ndarray] = []
    stride = 1 if count < _PITCH_EVERY_FRAME_BELOW else _PITCH_STRIDE
    window_acf = _window_autocorrelation(window)
    for start in range(0, count, _BLOCK):
        spectrum = fft.rfft(frames[start : start + _BLOCK] * window, axis=-1)
        power = spectrum.real**2 + spectrum.imag**2
        stop = start + len(power)
        mel[start:stop] = np.asarray(power @ mel_t)
        energy[start:stop] = 2.0 * power.sum(axis=1) - power[:, 0] - power[:, -1]
        sub.append(power[::SUBSAMPLE].copy())
        pitch.append(_pitch(power[::stride], window_acf, fft))  # _BLOCK % stride == 0
        check_cancelled()
    return mel, energy, np.concatenate(sub), np.concatenate(pitch)


def _window_autocorrelation(window: np.ndarray) -> np.ndarray:
    """The Hann window's own autocorrelation, which tapers every frame's: divided out."""
    from scipy import fft  # noqa: PLC0415

    acf = fft.irfft(np.abs(fft.rfft(window)) ** 2)[: _max_lag() + 2]
    return (acf / acf[0]).astype(np.float32)


def _max_lag() -> int:
    return int(SAMPLE_RATE / _PITCH_MIN_HZ)


def _pitch(power: np.ndarray, window_acf: np.ndarray, fft: Any) -> np.ndarray:
    """Per frame: energy, strength (normalised autocorrelation peak) and pitch in Hz.

    The autocorrelation is the inverse FFT of the power spectrum already at hand. Of the
    lags within 90 % of the best peak the shortest wins, so a tone is not read an octave low.
    """
    out = np.zeros((len(power), 3), dtype=np.float32)
    if not len(power):
        return out
    lo, hi = int(SAMPLE_RATE / _PITCH_MAX_HZ), _max_lag()
    acf = fft.irfft(power, axis=-1)[:, : hi + 1]
    zero = np.maximum(acf[:, :1], 1e-12)
    search = acf[:, lo:] / zero / window_acf[lo : hi + 1]
    best = search.max(axis=1)
    lag = np.argmax(search >= 0.9 * best[:, None], axis=1) + lo
    out[:, 0] = power.sum(axis=1)
    out[:, 1] = best
    out[:, 2] = SAMPLE_RATE / lag
    return out


def _speech_evidence(mel_power: np.ndarray, band: np.ndarray, pitch: np.ndarray) -> dict:
    """Scalars that tell speech from music from other sounds (see the module docstring)."""
    frame_rate = SAMPLE_RATE / HOP
    speech = mel_power[:, band].astype(np.float64)
    count = len(speech)
    groups = np.array_split(np.arange(speech.shape[1]), 8)
    channels = np.stack([speech[:, g].sum(axis=1) for g in groups], axis=1)
    level = channels.sum(axis=1)
    rms = np.sqrt(level)

    # Modulation spectrum of each channel's envelope over 3 s windows, half overlapping.
    width = 128
    envelope = np.sqrt(channels)
    if count < width:
        envelope = np.pad(envelope, ((0, width - count), (0, 0)))
    starts = range(0, max(len(envelope) - width, 0) + 1, width // 2)
    freqs = np.fft.rfftfreq(width, 1 / frame_rate)
    syllabic = (freqs >= 2.5) & (freqs <= 6.0)
    modulated = (freqs >= 0.5) & (freqs <= 16.0)
    taper = np.hanning(width)[:, None]
    shares = []
    for s in starts:
        seg = envelope[s : s + width]
        spectrum = np.abs(np.fft.rfft((seg - seg.mean(axis=0)) * taper, axis=0)) ** 2
        total = spectrum[modulated].sum()
        if total > 0:
            shares.append(spectrum[syllabic].sum() / total)
    modulation = float(np.mean(shares)) if shares else 0.0

    second = max(1, int(frame_rate))
    low = [
        float(np.mean(chunk < 0.5 * chunk.mean()))
        for chunk in (rms[i : i + second] for i in range(0, count, second))
        if len(chunk) and chunk.mean() > 0
    ]
    db = 10.0 * np.log10(level + 1e-12)
    loud = float(np.percentile(db, 95)) if count else 0.0
    audible = db > loud - _AUDIBLE_DB
    silence = float(np.mean(db < loud - 40.0)) if count and level.max() > 0 else 1.0

    unit = speech / np.maximum(np.linalg.norm(speech, axis=1, keepdims=True), 1e-12)
    flux = np.linalg.norm(np.diff(unit, axis=0), axis=1)
    moving = flux[audible[1:]] if count > 1 else flux
    pitch_db = 10.0 * np.log10(pitch[:, 0] + 1e-12)
    heard = pitch_db > (np.percentile(pitch_db, 95) if len(pitch_db) else 0.0) - _AUDIBLE_DB
    heard &= pitch[:, 0] > 0
    lo, hi = VOICE_F0_HZ
    voiced = heard & (pitch[:, 1] >= _VOICED_STRENGTH) & (pitch[:, 2] >= lo) & (pitch[:, 2] <= hi)
    semitones = 12.0 * np.log2(pitch[voiced, 2]) if voiced.sum() > 2 else np.zeros(1)
    return {
        "modulation_4hz": round(modulation, 4),
        "low_energy_share": round(float(np.mean(low)) if low else 0.0, 4),
        "silence_share": round(silence, 4),
        "flux_mean": round(float(moving.mean()) if len(moving) else 0.0, 4),
        "flux_variance": round(float(moving.var()) if len(moving) else 0.0, 4),
        "voiced_share": round(float(voiced.sum() / max(heard.sum(), 1)), 4),
        "pitch_std_semitones": round(float(semitones.std()), 3),
    }


def _zero_crossing_rate(y: np.ndarray, hop: int) -> np.ndarray:
    signs = np.signbit(y)
    crossings = (signs[1:] != signs[:-1]).astype(np.float32)
    starts = np.arange(0, len(crossings), hop)
    counts = np.add.reduceat(crossings, starts)
    lengths = np.diff(np.append(starts, len(crossings)))
    return counts / np.maximum(lengths, 1)


def _tempo(log_mels: list[np.ndarray], sr: int) -> float:
    """Global tempo in BPM: librosa's estimator, cheaper and off its lag grid.

    As ``librosa.feature.tempo``: the mean autocorrelation of 8 s windows of the onset
    strength, weighted by a log-normal prior around 120 BPM (one octave wide), argmax.
    Two changes: windows every 8th frame instead of every frame (the mean barely moves,
    and it is 20x cheaper), and a parabola through the peak's neighbours, because at
    23 ms frames neighbouring lags are 2.5 % apart (120 BPM reads 117.5 on the grid).
    """
    win = int(round(8.0 * sr / HOP))
    acfs = []
    for log_mel in log_mels:  # the windows of each excerpt on their own
        onset = spectral.onset_strength(log_mel, n_fft=N_FFT, hop_length=HOP)
        if len(onset) < win // 2:
            continue
        padded = np.pad(onset, win // 2, mode="linear_ramp")
        frames = spectral.frame(padded, frame_length=win, hop_length=8)
        frames = frames * np.hanning(win)[:, None].astype(frames.dtype)
        acf = spectral.autocorrelate(frames, axis=0)
        acfs.append(spectral.normalize_max(acf, axis=0))
    if not acfs:
        return 0.0
    mean_acf = np.concatenate(acfs, axis=1).mean(axis=1)
    lags = np.arange(1, len(mean_acf))
    bpm = 60.0 * sr / (HOP * lags)
    score = np.log1p(1e6 * mean_acf[1:]) - 0.5 * (np.log2(bpm) - np.log2(120.0)) ** 2
    score[bpm > 320.0] = -np.inf
    best = int(np.argmax(score))
    lag = float(lags[best])
    if 0 < best < len(score) - 1 and np.isfinite(score[best - 1]):
        left, mid, right = score[best - 1], score[best], score[best + 1]
        curvature = left - 2 * mid + right
        if curvature < 0:
            lag += 0.5 * (left - right) / curvature
    return 60.0 * sr / (HOP * lag)


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
