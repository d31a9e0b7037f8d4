"""The few librosa 0.11 routines the audio descriptors use, in numpy and scipy.fft.

Importing ``librosa.feature`` costs 2.5 s of CPU and 220 MB of resident memory in every
process that extracts (it loads numba and LLVM), more than every model but Whisper; these
functions compute the same numbers (the same operations in the same dtypes, so the
descriptors are bit-for-bit what librosa gives: ``tests/builtins/test_builtin_audio.py``
compares them) and cost nothing to import.
"""

from __future__ import annotations

from functools import cache

import numpy as np

__all__ = [
    "autocorrelate",
    "chroma_filters",
    "frame",
    "mel_filters",
    "mel_frequencies",
    "mfcc",
    "normalize_max",
    "onset_strength",
    "power_to_db",
    "spectral_contrast",
]

_F_SP = 200.0 / 3  # Slaney's mel scale: linear below 1 kHz...
_MIN_LOG_HZ = 1000.0
_MIN_LOG_MEL = _MIN_LOG_HZ / _F_SP
_LOGSTEP = np.log(6.4) / 27.0  # ...logarithmic above


def _hz_to_mel(hz: float) -> float:
    mel = hz / _F_SP
    if hz >= _MIN_LOG_HZ:
        mel = _MIN_LOG_MEL + np.log(hz / _MIN_LOG_HZ) / _LOGSTEP
    return float(mel)


def _mel_to_hz(mels: np.ndarray) -> np.ndarray:
    hz = _F_SP * mels
    log_t = mels >= _MIN_LOG_MEL
    hz[log_t] = _MIN_LOG_HZ * np.exp(_LOGSTEP * (mels[log_t] - _MIN_LOG_MEL))
    return hz


def mel_frequencies(n_mels: int, fmin: float = 0.0, fmax: float = 11025.0) -> np.ndarray:
    """``librosa.mel_frequencies`` (Slaney scale)."""
    mels = np.linspace(_hz_to_mel(fmin), _hz_to_mel(fmax), n_mels)
    return _mel_to_hz(mels)


@cache
def mel_filters(sr: int, n_fft: int, n_mels: int) -> np.ndarray:
    """``librosa.filters.mel(sr=, n_fft=, n_mels=)``: Slaney scale and area norm, float32."""
    weights = np.zeros((n_mels, 1 + n_fft // 2), dtype=np.float32)
    fftfreqs = np.fft.rfftfreq(n=n_fft, d=1.0 / sr)
    mel_f = mel_frequencies(n_mels + 2, fmin=0.0, fmax=float(sr) / 2)
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels])
    weights *= enorm[:, np.newaxis]
    weights.setflags(write=False)
    return weights


@cache
def chroma_filters(sr: int, n_fft: int, n_chroma: int = 12) -> np.ndarray:
    """``librosa.filters.chroma(sr=, n_fft=, tuning=0.0)`` (centre octave 5, width 2, L2)."""
    frequencies = np.linspace(0, sr, n_fft, endpoint=False)[1:]
    a440 = 440.0  # tuning 0
    frqbins = n_chroma * np.log2(frequencies / (a440 / 16))
    frqbins = np.concatenate(([frqbins[0] - 1.5 * n_chroma], frqbins))
    binwidthbins = np.concatenate((np.maximum(frqbins[1:] - frqbins[:-1], 1.0), [1]))
    d = np.subtract.outer(frqbins, np.arange(0, n_chroma, dtype="d")).T
    half = np.round(float(n_chroma) / 2)
    d = np.remainder(d + half + 10 * n_chroma, n_chroma) - half
    wts = np.exp(-0.5 * (2 * d / np.tile(binwidthbins, (n_chroma, 1))) ** 2)
    length = np.sum(np.abs(wts) ** 2, axis=0, keepdims=True) ** 0.5
    length[length < np.finfo(wts.dtype).tiny] = 1.0
    wts = wts / length
    wts *= np.tile(np.exp(-0.5 * (((frqbins / n_chroma - 5.0) / 2) ** 2)), (n_chroma, 1))
    wts = np.roll(wts, -3 * (n_chroma // 12), axis=0)
    out = np.ascontiguousarray(wts[:, : int(1 + n_fft / 2)], dtype=np.float32)
    out.setflags(write=False)
    return out


def power_to_db(s: np.ndarray, top_db: float | None = 80.0) -> np.ndarray:
    """``librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=top_db)``."""
    log_spec: np.ndarray = 10.0 * np.log10(np.maximum(1e-10, np.asarray(s)))
    log_spec -= 10.0 * np.log10(np.maximum(1e-10, 1.0))
    if top_db is not None:
        log_spec = np.maximum(log_spec, log_spec.max() - top_db)
    return log_spec


def mfcc(log_mel: np.ndarray, n_mfcc: int) -> np.ndarray:
    """``librosa.feature.mfcc(S=log_mel, n_mfcc=)``: orthonormal DCT-II over the bands."""
    from scipy import fft as sfft  # noqa: PLC0415 - only where audio is described

    return sfft.dct(log_mel, axis=-2, type=2, norm="ortho")[..., :n_mfcc, :]


def spectral_contrast(
    s: np.ndarray, sr: int, n_fft: int, n_bands: int = 6, fmin: float = 200.0
) -> np.ndarray:
    """``librosa.feature.spectral_contrast(S=s, sr=, n_fft=)`` of a ``[freq, frames]``
    magnitude spectrogram (quantile 0.02, in dB)."""
    quantile = 0.02
    freq = np.fft.rfftfreq(n=n_fft, d=1.0 / sr)
    octa = np.zeros(n_bands + 2)
    octa[1:] = fmin * (2.0 ** np.arange(0, n_bands + 1))
    shape = list(s.shape)
    shape[-2] = n_bands + 1
    valley = np.zeros(shape)
    peak = np.zeros_like(valley)
    for k, (f_low, f_high) in enumerate(zip(octa[:-1], octa[1:], strict=True)):
        current = np.logical_and(freq >= f_low, freq <= f_high)
        idx = np.flatnonzero(current)
        if k > 0:
            current[idx[0] - 1] = True
        if k == n_bands:
            current[idx[-1] + 1 :] = True
        sub_band = s[..., current, :]
        if k < n_bands:
            sub_band = sub_band[..., :-1, :]
        count = int(np.maximum(np.rint(quantile * np.sum(current)), 1))
        ordered = np.sort(sub_band, axis=-2)
        valley[..., k, :] = np.mean(ordered[..., :count, :], axis=-2)
        peak[..., k, :] = np.mean(ordered[..., -count:, :], axis=-2)
    return power_to_db(peak) - power_to_db(valley)


def onset_strength(log_mel: np.ndarray, n_fft: int = 2048, hop_length: int = 512) -> np.ndarray:
    """``librosa.onset.onset_strength(S=log_mel, hop_length=)``: the mean positive
    first difference over the bands, shifted to the frame centres."""
    s = np.atleast_2d(log_mel)
    env = np.maximum(0.0, s[..., 1:] - s[..., :-1])
    env = np.mean(env, axis=-2, keepdims=True)
    pad = 1 + n_fft // (2 * hop_length)
    env = np.pad(env, [(0, 0), (pad, 0)], mode="constant")
    return env[..., : s.shape[-1]][0]


def frame(x: np.ndarray, frame_length: int, hop_length: int) -> np.ndarray:
    """``librosa.util.frame(x, frame_length=, hop_length=)`` of 1-D ``x``:
    ``[frame_length, n_frames]``, a view."""
    from numpy.lib.stride_tricks import sliding_window_view  # noqa: PLC0415

    return sliding_window_view(x, frame_length)[::hop_length].T


def autocorrelate(y: np.ndarray, axis: int = -1) -> np.ndarray:
    """``librosa.autocorrelate(y, axis=)`` of real ``y`` (full length)."""
    from scipy import fft as sfft  # noqa: PLC0415

    n = y.shape[axis]
    n_pad = sfft.next_fast_len(2 * n - 1, real=True)
    spectrum = sfft.rfft(y, n=n_pad, axis=axis)
    power = spectrum.real**2 + spectrum.imag**2
    out = sfft.irfft(power, n=n_pad, axis=axis)
    index = [slice(None)] * out.ndim
    index[axis] = slice(n)
    return out[tuple(index)]


def normalize_max(s: np.ndarray, axis: int = 0) -> np.ndarray:
    """``librosa.util.normalize(s, norm=np.inf, axis=)``: each slice over its largest
    magnitude; slices that are all (nearly) zero are left as they are."""
    length = np.max(np.abs(s).astype(float), axis=axis, keepdims=True)
    length[length < np.finfo(s.dtype).tiny] = 1.0
    out = np.empty_like(s)
    out[:] = s / length
    return out
