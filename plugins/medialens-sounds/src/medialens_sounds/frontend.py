"""YAMNet's input, computed in numpy: log-mel patches of 16 kHz mono audio.

YAMNet was trained on a fixed front end (tensorflow/models ``research/audioset/yamnet``
``features.py`` and ``params.py``): a magnitude STFT with a 25 ms periodic Hann window and a
10 ms hop, padded to 512 points; 64 HTK-mel bands from 125 to 7500 Hz, as
``tf.signal.linear_to_mel_weight_matrix`` builds them; ``log(mel + 0.001)``; patches of 96
frames (0.96 s) every 48 frames (0.48 s), the waveform zero-padded at its end so that every
sample falls in a patch. The model package's own code computes this with torch; doing it
here keeps torch out of the app (it would cost a gigabyte and seconds of import).

Long audio is sampled: at most ``max_patches`` patches spread evenly over it, and only
the STFT frames those patches use are computed, so a track of any length costs the same.
"""

from __future__ import annotations

from functools import cache

import numpy as np

SAMPLE_RATE = 16000
WINDOW = 400  # 25 ms
HOP = 160  # 10 ms
N_FFT = 512
N_MELS = 64
MEL_MIN_HZ = 125.0
MEL_MAX_HZ = 7500.0
LOG_OFFSET = 0.001
PATCH_FRAMES = 96  # 0.96 s
PATCH_HOP_FRAMES = 48  # 0.48 s
PATCH_SECONDS = PATCH_FRAMES * HOP / SAMPLE_RATE
PATCH_HOP_SECONDS = PATCH_HOP_FRAMES * HOP / SAMPLE_RATE
# One patch needs this many samples: 95 hops and one window (0.975 s).
PATCH_SAMPLES = (PATCH_FRAMES - 1) * HOP + WINDOW
MAX_PATCHES = 64  # see README: 64 spread patches keep a long track's cost at ~0.3 s


def _hz_to_mel(f: np.ndarray | float) -> np.ndarray:
    """The HTK mel scale, as TensorFlow's mel matrix uses it."""
    return 1127.0 * np.log1p(np.asarray(f, dtype=np.float64) / 700.0)


@cache
def mel_matrix() -> np.ndarray:
    """``[257, 64]`` float32: ``tf.signal.linear_to_mel_weight_matrix(64, 257, 16000, 125, 7500)``.

    Triangles on the HTK mel scale, unnormalised, the DC bin weighted zero.
    """
    bins = N_FFT // 2 + 1
    freqs_mel = _hz_to_mel(np.linspace(0.0, SAMPLE_RATE / 2.0, bins))[1:, None]
    edges = np.linspace(_hz_to_mel(MEL_MIN_HZ), _hz_to_mel(MEL_MAX_HZ), N_MELS + 2)
    lower, centre, upper = edges[:-2][None, :], edges[1:-1][None, :], edges[2:][None, :]
    rising = (freqs_mel - lower) / (centre - lower)
    falling = (upper - freqs_mel) / (upper - centre)
    weights = np.maximum(0.0, np.minimum(rising, falling))
    return np.vstack([np.zeros((1, N_MELS)), weights]).astype(np.float32)


@cache
def _window() -> np.ndarray:
    n = np.arange(WINDOW)
    return (0.5 - 0.5 * np.cos(2.0 * np.pi * n / WINDOW)).astype(np.float32)  # periodic Hann


def as_samples(samples: np.ndarray) -> np.ndarray:
    """Finite mono float32: NaNs and infinities (a corrupt decode) become silence or full scale."""
    y = np.asarray(samples, dtype=np.float32).reshape(-1)
    if not np.isfinite(y).all():
        y = np.nan_to_num(y, nan=0.0, posinf=1.0, neginf=-1.0)
    return y


def centred(y: np.ndarray) -> np.ndarray:
    """A sound shorter than one patch, in the middle of a patch of silence.

    YAMNet pads the end only, which leaves a 0.1-0.3 s click at the patch's left edge,
    where the model never saw a sound start: on the desktop sounds that made clicks
    "Speech" (0.82) and a camera shutter 0.68 "Camera" instead of 0.91.
    Centred, as sounds are in AudioSet's clips, they read as what they are.
    """
    if 0 < len(y) < PATCH_SAMPLES:
        out = np.zeros(PATCH_SAMPLES, np.float32)
        start = (PATCH_SAMPLES - len(y)) // 2
        out[start : start + len(y)] = y
        return out
    return y


def patch_count(n_samples: int) -> int:
    """How many patches YAMNet makes of ``n_samples``: one for anything up to 0.975 s, then one
    more per started 0.48 s (the end is zero-padded to fill the last). 0 for no samples."""
    if n_samples <= 0:
        return 0
    extra = max(0, n_samples - PATCH_SAMPLES)
    return 1 + -(-extra // (PATCH_HOP_FRAMES * HOP))


def select_patches(n_samples: int, max_patches: int = MAX_PATCHES) -> list[int]:
    """Indices of the patches to run: all of them, or when there are more, the middle
    patch of each of ``max_patches`` equal slices of the audio (not the first and last
    patches, whose lead-in and fade-out silence would speak for a whole slice)."""
    total = patch_count(n_samples)
    if total <= max_patches:
        return list(range(total))
    centres = (np.arange(max_patches) + 0.5) * total / max_patches - 0.5
    return sorted({int(round(c)) for c in centres})


def patch_start(index: int) -> float:
    """Seconds at which patch ``index`` starts."""
    return index * PATCH_HOP_SECONDS


CHUNK_FRAMES = 128  # frames per FFT call: ~200 KB of frames, which stays in cache


def magnitude_run(y: np.ndarray, first: int, count: int) -> np.ndarray:
    """``[count, 257]`` STFT magnitudes of the consecutive frames ``first .. first + count``
    (frame i starts at sample ``i * 160``; samples past the end of ``y`` are zeros).

    Frames are strided views of the samples, transformed a cache-sized chunk at a time:
    measured 40 ms against 70 ms for gathering all of a 3-min track's 6,144 frames at once.
    """
    lo, hi = first * HOP, (first + count - 1) * HOP + WINDOW
    seg = y[lo:hi]
    if len(seg) < hi - lo:
        seg = np.concatenate([seg, np.zeros(hi - lo - len(seg), np.float32)])
    seg = np.ascontiguousarray(seg, dtype=np.float32)
    out = np.empty((count, N_FFT // 2 + 1), np.float32)
    for a in range(0, count, CHUNK_FRAMES):
        n = min(CHUNK_FRAMES, count - a)
        frames = np.lib.stride_tricks.as_strided(
            seg[a * HOP :], shape=(n, WINDOW), strides=(HOP * 4, 4), writeable=False
        )
        out[a : a + n] = np.abs(np.fft.rfft(frames * _window(), n=N_FFT, axis=1))
    return out


def log_mel(magnitudes: np.ndarray) -> np.ndarray:
    """``log(mel + 0.001)`` of STFT magnitudes ``[n, 257]``, as float32 ``[n, 64]``.

    One matrix product for all frames: 64 products of one patch each cost 40 times the
    CPU (0.49 s against 0.012 s measured), as the BLAS wakes its threads for each.
    """
    return np.log(magnitudes @ mel_matrix() + np.float32(LOG_OFFSET)).astype(np.float32)


def _runs(starts: np.ndarray) -> list[tuple[int, int]]:
    """Merged ``(first, count)`` frame ranges covering a patch at each of ``starts``."""
    runs: list[list[int]] = []
    for s in sorted(int(v) for v in starts):
        if runs and s <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], s + PATCH_FRAMES)
        else:
            runs.append([s, s + PATCH_FRAMES])
    return [(a, b - a) for a, b in runs]


def patches(samples: np.ndarray, indices: list[int] | None = None) -> np.ndarray:
    """``[n, 96, 64]`` float32 log-mel patches ``indices`` of ``samples`` (16 kHz mono);
    all patches (:func:`select_patches`) when ``indices`` is None. Overlapping patches
    share their frames: each needed STFT frame is computed once."""
    y = centred(as_samples(samples))
    if indices is None:
        indices = select_patches(len(y))
    if not indices:
        return np.zeros((0, PATCH_FRAMES, N_MELS), np.float32)
    starts = np.asarray(indices, dtype=np.int64) * PATCH_HOP_FRAMES
    runs = _runs(starts)
    mel = log_mel(np.concatenate([magnitude_run(y, first, count) for first, count in runs]))
    # where each run's frames begin in ``mel``
    firsts = np.array([first for first, _ in runs])
    offsets = np.concatenate([[0], np.cumsum([count for _, count in runs])[:-1]])
    out = np.empty((len(indices), PATCH_FRAMES, N_MELS), np.float32)
    for k, s in enumerate(starts):
        r = int(np.searchsorted(firsts, s, side="right")) - 1
        row = int(offsets[r] + s - firsts[r])
        out[k] = mel[row : row + PATCH_FRAMES]
    return out
