"""musicnn (MagnaTagATune and Million Song Dataset) on 16 kHz mono audio.

Everything here works on plain numpy arrays so it can be tested and reused without
a media file or an extraction context.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

SAMPLE_RATE = 16000
N_FFT = 512
HOP = 256
N_MELS = 96
PATCH_FRAMES = 187  # 3 s, what the models were trained on
MAX_PATCHES = 6  # see README: tags of 6 spread patches match all patches' tags (r 0.989)
MIN_SAMPLES = N_FFT  # shorter than 32 ms is no audio to tag
EMBEDDING_DIM = 200
# Patches per session run. Measured with one intra-op thread, CPU time per 8 patches and
# both models: 575 ms at batch 1, 607 at 2, 627 at 4, 700 at 8 -- batching does not pay.
BATCH = 1

# musicnn's float models rewritten to the same maths with the batch norms after the pools
# (tools/rewrite_models.py makes them from models/*.onnx): 0.6-0.7x the CPU time.
MODELS = {"mtt": "MTT_musicnn_pooled.onnx", "msd": "MSD_musicnn_pooled.onnx"}
# The same with the two timbral convs in int8 (static, calibrated on real music): 0.46-0.5x
# the float models' CPU, embedding cosine >= 0.999 to theirs. Used where the CPU has int8
# dot products (VNNI); without them onnxruntime's u8s8 kernels may saturate, so the float.
INT8_MODELS = {"mtt": "MTT_musicnn_int8.onnx", "msd": "MSD_musicnn_int8.onnx"}
LABEL_FILES = {"mtt": "musicnn_mtt_labels.txt", "msd": "musicnn_msd_labels.txt"}

_sessions: dict[str, object] = {}
_sessions_lock = threading.Lock()


# --- mel spectrogram, as librosa.feature.melspectrogram computes it -------------------


def _hz_to_mel(f: np.ndarray) -> np.ndarray:
    """Slaney's mel scale (librosa's default, htk=False): linear below 1 kHz, log above."""
    f = np.asarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    min_log_hz, logstep = 1000.0, np.log(6.4) / 27.0
    mels = f / f_sp
    return np.where(
        f >= min_log_hz,
        min_log_hz / f_sp + np.log(np.maximum(f, min_log_hz) / min_log_hz) / logstep,
        mels,
    )


def _mel_to_hz(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    min_log_hz, logstep = 1000.0, np.log(6.4) / 27.0
    min_log_mel = min_log_hz / f_sp
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


@cache
def mel_filterbank(sr: int = SAMPLE_RATE, n_fft: int = N_FFT, n_mels: int = N_MELS) -> np.ndarray:
    """``[n_mels, 1 + n_fft // 2]`` float32, equal to ``librosa.filters.mel`` with its defaults
    (fmin 0, fmax sr/2, Slaney scale and area normalisation). Computed here so tagging never
    imports librosa, whose first import costs seconds."""
    fft_freqs = np.fft.rfftfreq(n_fft, 1.0 / sr)
    mel_f = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(sr / 2.0), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / fdiff[:-1, None]
    upper = ramps[2:] / fdiff[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    weights *= (2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels]))[:, None]
    return weights.astype(np.float32)


@cache
def _window() -> np.ndarray:
    n = np.arange(N_FFT)
    return (0.5 - 0.5 * np.cos(2.0 * np.pi * n / N_FFT)).astype(np.float32)  # periodic Hann


def log_mel(samples: np.ndarray, start: int = 0, frames: int | None = None) -> np.ndarray:
    """musicnn's input: ``log10(10000 * mel + 1)`` as float32 ``[frames, 96]``.

    The mel power spectrogram is librosa's default (centred frames, zero padding, Hann
    window, power 2) at n_fft 512 and hop 256. ``start``/``frames`` compute only frames
    ``start .. start + frames`` of the whole signal's spectrogram, so a long track costs
    only the patches that are used.
    """
    y = np.asarray(samples, dtype=np.float32)
    total = 1 + len(y) // HOP
    frames = total - start if frames is None else min(frames, total - start)
    if frames <= 0:
        return np.zeros((0, N_MELS), np.float32)
    # Frame t of the centred STFT covers y[t*HOP - N_FFT/2 : t*HOP + N_FFT/2], zero outside y.
    lo = start * HOP - N_FFT // 2
    hi = (start + frames - 1) * HOP + N_FFT // 2
    seg = np.zeros(hi - lo, np.float32)
    a, b = max(lo, 0), min(hi, len(y))
    if b > a:
        seg[a - lo : b - lo] = np.nan_to_num(y[a:b], nan=0.0, posinf=1.0, neginf=-1.0)
    idx = np.arange(frames)[:, None] * HOP + np.arange(N_FFT)[None, :]
    spec = np.fft.rfft(seg[idx] * _window(), axis=1)
    power = (spec.real**2 + spec.imag**2).astype(np.float32)
    mel = power @ mel_filterbank().T
    # float32 throughout: the original casts to float16 here, which overflows on loud audio.
    return np.log10(np.float32(10000.0) * mel + np.float32(1.0)).astype(np.float32)


def patch_starts(n_samples: int, max_patches: int = MAX_PATCHES) -> list[int]:
    """First frames of at most ``max_patches`` 3-s patches spread evenly over the signal.

    Short signals give one patch at frame 0 (padded by :func:`patches`); a track with
    room for fewer whole patches than ``max_patches`` gives all of them, back to back.
    """
    if n_samples < MIN_SAMPLES:
        return []
    total = 1 + n_samples // HOP
    whole = total // PATCH_FRAMES
    if whole <= 1:
        return [0]
    if whole <= max_patches:
        return [i * PATCH_FRAMES for i in range(whole)]
    # Centres of max_patches equal slices of the track, clamped to whole patches.
    last = total - PATCH_FRAMES
    centres = (np.arange(max_patches) + 0.5) * total / max_patches
    return sorted({int(min(max(c - PATCH_FRAMES / 2, 0), last)) for c in centres})


def patches(samples: np.ndarray, max_patches: int = MAX_PATCHES) -> np.ndarray:
    """``[n, 187, 96]`` float32 model input: up to ``max_patches`` patches spread over the audio.

    Audio shorter than one patch is tiled (repeated) to fill it, since the models
    never saw padding silence; an empty or sub-32-ms signal gives ``[0, 187, 96]``.
    """
    y = as_samples(samples)
    if len(y) < MIN_SAMPLES:
        return np.zeros((0, PATCH_FRAMES, N_MELS), np.float32)
    need = (PATCH_FRAMES - 1) * HOP
    if len(y) < need:
        y = np.tile(y, -(-need // len(y)))[:need]
    starts = patch_starts(len(y), max_patches)
    out = np.zeros((len(starts), PATCH_FRAMES, N_MELS), np.float32)
    for i, s in enumerate(starts):
        mel = log_mel(y, s, PATCH_FRAMES)
        out[i, : len(mel)] = mel
    return out


# --- models ---------------------------------------------------------------------------


@cache
def raw_labels(model: str) -> tuple[str, ...]:
    """The model's 50 tag names in output order, as the model package spells them."""
    text = resources.files(__package__).joinpath(LABEL_FILES[model]).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@cache
def has_int8_dot_products() -> bool:
    """Whether this CPU has VNNI (x86 int8 dot products), read from Linux's /proc/cpuinfo."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            flags = next((line for line in f if line.startswith("flags")), "")
    except OSError:
        return False
    return bool({"avx512_vnni", "avx_vnni"} & set(flags.split()))


def model_file(model: str) -> str:
    """The file ``session`` loads for ``model``: int8 where the CPU runs it faithfully."""
    return (INT8_MODELS if has_int8_dot_products() else MODELS)[model]


def session(model: str):
    """The ONNX session of ``model`` ("mtt" or "msd"), created once per process (thread-safe)."""
    sess = _sessions.get(model)
    if sess is None:
        with _sessions_lock:
            sess = _sessions.get(model)
            if sess is None:
                import onnxruntime as ort

                opts = ort.SessionOptions()
                # One thread per run: the app already runs one extraction per core in its
                # own thread pool, so a multi-threaded session would oversubscribe the CPU
                # and make every concurrent extraction slower, not faster.
                opts.intra_op_num_threads = 1
                opts.inter_op_num_threads = 1
                opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
                opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                # No memory arena: it keeps every buffer the largest input ever needed, per session
                # and per worker process (with malloc_trim after each file, a worker running
                # every model peaks 130 MB lower; the CPU time is the same).
                opts.enable_cpu_mem_arena = False
                opts.enable_mem_pattern = False
                data = resources.files(__package__).joinpath(model_file(model)).read_bytes()
                sess = ort.InferenceSession(
                    data, sess_options=opts, providers=["CPUExecutionProvider"]
                )
                _sessions[model] = sess
    return sess


@dataclass(frozen=True)
class ModelOutput:
    """Per-patch outputs of one model: sigmoid ``tags [n, 50]`` and ``embeddings [n, 200]``."""

    tags: np.ndarray
    embeddings: np.ndarray


def run(model: str, batch: np.ndarray) -> ModelOutput:
    """Run ``model`` on ``[n, 187, 96]`` patches, :data:`BATCH` patches a run."""
    if len(batch) == 0:
        return ModelOutput(np.zeros((0, 50), np.float32), np.zeros((0, EMBEDDING_DIM), np.float32))
    sess = session(model)
    tags, embs = [], []
    for start in range(0, len(batch), BATCH):
        x = np.ascontiguousarray(batch[start : start + BATCH], dtype=np.float32)
        t, e = sess.run(["model/tags:0", "model/embedding:0"], {"model/spec:0": x})
        tags.append(t)
        embs.append(e)
    return ModelOutput(
        np.concatenate(tags).astype(np.float32), np.concatenate(embs).astype(np.float32)
    )


def run_all(batch: np.ndarray) -> dict[str, ModelOutput]:
    return {name: run(name, batch) for name in MODELS}


def l2_normalise(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return (v / norm).astype(np.float32) if norm > 0 else v.astype(np.float32)


def mean_tags(outputs: dict[str, ModelOutput]) -> dict[str, np.ndarray]:
    return {name: out.tags.mean(axis=0) for name, out in outputs.items() if len(out.tags)}


def as_samples(samples: Sequence[float] | np.ndarray) -> np.ndarray:
    """Mono float32 samples, without copying when they already are (NaNs are zeroed per frame)."""
    y = np.asarray(samples, dtype=np.float32)
    return y if y.ndim == 1 else y.reshape(-1)


# --- readable tags --------------------------------------------------------------------

# Raw tag → readable tag. Synonyms within a model and tags both models share map to one
# name, whose score is the mean of the raw scores (so it stays a probability-like number in
# [0, 1] and a tag with several sources is not favoured over one with a single source).
_RENAME = {
    "mtt": {
        "vocal": "vocals",
        "male vocal": "male vocals",
        "male voice": "male vocals",
        "female vocal": "female vocals",
        "female voice": "female vocals",
        "no vocal": "no vocals",
        "no voice": "no vocals",
        "beats": "beat",
        "classic": "classical",
        "choral": "choir",
    },
    "msd": {
        "female vocalists": "female vocals",
        "female vocalist": "female vocals",
        "male vocalists": "male vocals",
        "00s": "2000s",
        "Mellow": "mellow",
        "Hip-Hop": "hip-hop",
        "Progressive rock": "progressive rock",
        "rnb": "r&b",
        "House": "house",
    },
}


def readable(model: str, raw: str) -> str:
    return _RENAME[model].get(raw, raw.lower())


@cache
def vocabulary() -> tuple[str, ...]:
    """Every readable tag the plugin can emit, MagnaTagATune's first, then the MSD's new ones."""
    seen: dict[str, None] = {}
    for model in MODELS:
        for raw in raw_labels(model):
            seen.setdefault(readable(model, raw), None)
    return tuple(seen)


def tag_scores(mean: dict[str, np.ndarray]) -> dict[str, float]:
    """Readable tag → score in [0, 1], from each model's per-tag mean over patches."""
    sums: dict[str, list[float]] = {}
    for model, scores in mean.items():
        for raw, score in zip(raw_labels(model), scores, strict=True):
            sums.setdefault(readable(model, raw), []).append(float(score))
    return {tag: float(np.clip(np.mean(v), 0.0, 1.0)) for tag, v in sums.items()}


@dataclass(frozen=True)
class MusicAnalysis:
    """What the two models say about one signal."""

    tags: dict[str, float]  # every readable tag with its score
    embedding: np.ndarray  # [200] L2-normalised, see EMBEDDING_MODEL
    raw: dict[str, dict[str, float]]  # per model: its own tag names → mean sigmoid
    patch_starts: list[float]  # seconds


# Which model's penultimate layer becomes the "music" vector. Measured on the real media (13
# game tracks of one composer, 3 of another, 6 of a third, 12 speech prompts): 1-NN finds a
# file of the same group 88 % of the time with MSD's embedding, 79 % with MTT's, 79 % with
# both concatenated; same-group/other-group mean cosine 0.74/0.29 (MSD) vs 0.70/0.31 (MTT).
EMBEDDING_MODEL = "msd"


def tag_audio(samples_16k: np.ndarray, max_patches: int = MAX_PATCHES) -> MusicAnalysis | None:
    """Tags and embedding of mono 16 kHz audio; None if it is too short to tag."""
    batch = patches(samples_16k, max_patches)
    if len(batch) == 0:
        return None
    starts = patch_starts(max(len(samples_16k), (PATCH_FRAMES - 1) * HOP), max_patches)
    return _analyse(batch, [s * HOP / SAMPLE_RATE for s in starts])


def tag_excerpts(
    excerpts: Sequence[tuple[float, np.ndarray]], max_patches: int = MAX_PATCHES
) -> MusicAnalysis | None:
    """Tags and embedding of a track from excerpts of it, ``(start seconds, mono 16 kHz)``:
    one patch in the middle of each (of at most ``max_patches`` evenly chosen excerpts).
    One excerpt is taken as all the audio (:func:`tag_audio`)."""
    if len(excerpts) == 1:
        return tag_audio(excerpts[0][1], max_patches)
    usable = [(t, as_samples(y)) for t, y in excerpts if len(y) >= (PATCH_FRAMES - 1) * HOP]
    if not usable:
        return None
    if len(usable) > max_patches:
        keep = np.linspace(0, len(usable) - 1, max_patches).round().astype(int)
        usable = [usable[i] for i in sorted(set(keep.tolist()))]
    batch = np.zeros((len(usable), PATCH_FRAMES, N_MELS), np.float32)
    starts = []
    for i, (t, y) in enumerate(usable):
        first = max(0, (1 + len(y) // HOP - PATCH_FRAMES) // 2)
        mel = log_mel(y, first, PATCH_FRAMES)
        batch[i, : len(mel)] = mel
        starts.append(t + first * HOP / SAMPLE_RATE)
    return _analyse(batch, starts)


def _analyse(batch: np.ndarray, starts: Sequence[float]) -> MusicAnalysis:
    outputs = run_all(batch)
    mean = mean_tags(outputs)
    raw = {
        model: {name: round(float(s), 4) for name, s in zip(raw_labels(model), scores, strict=True)}
        for model, scores in mean.items()
    }
    return MusicAnalysis(
        tags=tag_scores(mean),
        embedding=l2_normalise(outputs[EMBEDDING_MODEL].embeddings.mean(axis=0)),
        raw=raw,
        patch_starts=[round(float(s), 3) for s in starts],
    )
