"""EfficientNet-Lite0 (ImageNet-1k) on RGB frames: preprocessing, inference, label names.

Everything here works on plain numpy arrays so it can be tested and reused
without a media file or an extraction context.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

MODEL_FILE = "efficientnet_lite0.onnx"
LABELS_FILE = "imagenet_labels.txt"
EMBEDDING_DIM = 1280
NUM_CLASSES = 1000
INPUT_SIZE = 224
RESIZE_SHORT_SIDE = 256
# Frames per session run. Measured with one intra-op thread (640x360 frames):
# 14.6 ms a frame at batch 1, 15.0 at 2, 17.6 at 4, 20.2 at 8, 27.5 at 16 -- bigger
# batches spill the activations out of cache, so batching does not pay here.
BATCH = 1

# Display names where the first synonym of the synset is ambiguous (two synsets
# share it) or obscure. Keyed by logit index; everything else keeps its first name.
_DISPLAY_OVERRIDES = {
    134: "crane (bird)",
    517: "crane (machine)",
    638: "maillot (dancewear)",
    639: "tank suit",
    444: "tandem bicycle",
}

_session = None
_session_lock = threading.Lock()


@cache
def synsets() -> tuple[str, ...]:
    """The 1000 ImageNet class descriptions in logit order ("mountain bike, all-terrain bike, off-roader")."""
    text = resources.files(__package__).joinpath(LABELS_FILE).read_text(encoding="utf-8")
    names = tuple(line.strip() for line in text.splitlines() if line.strip())
    if len(names) != NUM_CLASSES:
        raise RuntimeError(f"{LABELS_FILE} has {len(names)} labels, expected {NUM_CLASSES}")
    return names


@cache
def labels() -> tuple[str, ...]:
    """Readable, unique display names in logit order ("mountain bike")."""
    names = tuple(
        _DISPLAY_OVERRIDES.get(i, synset.split(",")[0].strip())
        for i, synset in enumerate(synsets())
    )
    if len(set(names)) != len(names):  # a tag key must name one class only
        raise RuntimeError("ImageNet display names are not unique")
    return names


def session():
    """The ONNX session, created once per process on first use (thread-safe)."""
    global _session
    if _session is None:
        with _session_lock:
            if _session is None:
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
                model = resources.files(__package__).joinpath(MODEL_FILE).read_bytes()
                _session = ort.InferenceSession(
                    model, sess_options=opts, providers=["CPUExecutionProvider"]
                )
    return _session


def as_rgb(image: np.ndarray) -> np.ndarray | None:
    """``image`` as contiguous RGB uint8 ``[H, W, 3]``, or None if it is not a usable picture."""
    img = np.asarray(image)
    if img.ndim == 2:
        img = np.stack([img] * 3, axis=-1)
    if img.ndim != 3 or img.shape[2] not in (3, 4) or min(img.shape[:2]) < 8:
        return None
    img = img[:, :, :3]
    if img.dtype != np.uint8:
        if np.issubdtype(img.dtype, np.floating):  # floats are taken to be in [0, 1]
            img = np.clip(np.nan_to_num(img) * 255.0 + 0.5, 0, 255)
        img = img.astype(np.uint8)
    return np.ascontiguousarray(img)


FLAT_STD = 2.0  # grey levels; below this a frame is one flat colour (black, a colour card)


def usable(image: np.ndarray) -> np.ndarray | None:
    """``image`` as RGB uint8 if it shows something: None for non-pictures and flat frames,
    whose labels are noise and whose embedding is all zeros."""
    rgb = as_rgb(image)
    if rgb is None or float(rgb[::4, ::4].std()) < FLAT_STD:
        return None
    return rgb


def preprocess(images: Sequence[np.ndarray]) -> np.ndarray:
    """RGB uint8 frames → float32 ``[n, 3, 224, 224]`` as the model was trained.

    Resize the short side to 256 (bilinear), centre-crop 224, ``(px - 127) / 128``,
    channels first. Frames that are not pictures must be filtered out first (:func:`as_rgb`).
    """
    from PIL import Image

    batch = np.empty((len(images), 3, INPUT_SIZE, INPUT_SIZE), dtype=np.float32)
    for i, image in enumerate(images):
        h, w = image.shape[:2]
        scale = RESIZE_SHORT_SIDE / min(h, w)
        nw, nh = max(INPUT_SIZE, round(w * scale)), max(INPUT_SIZE, round(h * scale))
        resized = Image.fromarray(image).resize((nw, nh), Image.Resampling.BILINEAR)
        left, top = round((nw - INPUT_SIZE) / 2), round((nh - INPUT_SIZE) / 2)
        crop = np.asarray(resized)[top : top + INPUT_SIZE, left : left + INPUT_SIZE]
        batch[i] = (crop.transpose(2, 0, 1).astype(np.float32) - 127.0) / 128.0
    return batch


@dataclass(frozen=True)
class Classification:
    """Per-frame outputs: softmax ``probs [n, 1000]`` and pooled ``embeddings [n, 1280]``."""

    probs: np.ndarray
    embeddings: np.ndarray


def classify(images: Sequence[np.ndarray]) -> Classification:
    """Run EfficientNet-Lite0 on RGB uint8 frames, skipping unusable ones (:func:`usable`).

    Loads the model on first call.
    """
    rgb = [img for img in (usable(i) for i in images) if img is not None]
    if not rgb:
        return Classification(
            np.zeros((0, NUM_CLASSES), np.float32), np.zeros((0, EMBEDDING_DIM), np.float32)
        )
    sess = session()
    logits, embeddings = [], []
    for start in range(0, len(rgb), BATCH):
        lg, emb = sess.run(
            ["logits", "embedding"], {"image": preprocess(rgb[start : start + BATCH])}
        )
        logits.append(lg)
        embeddings.append(emb)
    lg = np.concatenate(logits).astype(np.float64)
    lg -= lg.max(axis=1, keepdims=True)
    probs = np.exp(lg)
    probs /= probs.sum(axis=1, keepdims=True)
    return Classification(probs.astype(np.float32), np.concatenate(embeddings).astype(np.float32))


def l2_normalise(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return (v / norm).astype(np.float32) if norm > 0 else v.astype(np.float32)


def mean_embedding(embeddings: np.ndarray) -> np.ndarray:
    """L2-normalised mean of the per-frame embeddings, each normalised first so every frame weighs the same."""
    norms = np.linalg.norm(embeddings, axis=1, keepdims=True)
    unit = embeddings / np.where(norms > 0, norms, 1.0)
    return l2_normalise(unit.mean(axis=0))


def label_scores(probs: np.ndarray, peak_weight: float = 0.5) -> np.ndarray:
    """One score per class for a whole video: ``max(mean, peak_weight * max)`` over frames.

    The mean rewards what is on screen throughout; the discounted max keeps what is
    clearly seen in one shot only (a bicycle passing by), at half its confidence so it
    ranks below labels of the same strength that last.
    """
    if len(probs) == 0:
        return np.zeros(NUM_CLASSES, np.float32)
    return np.maximum(probs.mean(axis=0), peak_weight * probs.max(axis=0)).astype(np.float32)


def top_labels(scores: np.ndarray, k: int, min_score: float = 0.0) -> list[tuple[str, float]]:
    names = labels()
    order = np.argsort(-scores, kind="stable")[:k]
    return [(names[i], float(scores[i])) for i in order if scores[i] >= min_score]
