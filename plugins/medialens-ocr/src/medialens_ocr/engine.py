"""RapidOCR (PP-OCRv6 small detector and recogniser, ONNX) on RGB frames, offline.

Two engines share nothing but the package's model files:

* the *probe* runs only the text detector, on the frame scaled to PROBE_SIDE px on its
  long side: ~40 ms of CPU for a 640x360 keyframe, it says whether a frame carries text and
  how much, so the reader is spent only on frames worth it;
* the *reader* detects at up to READ_SIDE px (keyframes are 640 wide: their own size) and
  recognises each line.

Both load on first use, once per process, under a lock; they are called with no per-call
overrides, which in RapidOCR rewrite the engine's own attributes and would race between
threads. Every model path is given explicitly and checked against the SHA-256 RapidOCR
publishes, so RapidOCR never reaches its download code (it downloads a missing or
mismatched default model at run time): see MODEL_PROVENANCE.md.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

__all__ = [
    "MODELS",
    "PROBE_SIDE",
    "READ_SIDE",
    "Line",
    "model_path",
    "probe",
    "read",
]

# Long side the detector sees when probing. Measured on 640x360 keyframes (CPU, one
# thread): 26 ms at 256, 43 at 320, 83 at 480, 121 at 640. At 256 and below it misses
# captions 28 px high at 720p; 320 finds every tuning caption.
PROBE_SIDE = 320
# Long side for reading: keyframes (640 wide) are read at their own size; larger frames
# are scaled down to this, which keeps 720p text legible at half the cost of full size.
READ_SIDE = 960

# The files RapidOCR 3.10 ships in rapidocr/models/, with the SHA-256 its
# MODEL_LICENSES.md records. The angle classifier is not used (video text is upright).
MODELS = {
    "det": (
        "PP-OCRv6_det_small.onnx",
        "090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f",
    ),
    "rec": (
        "PP-OCRv6_rec_small.onnx",
        "6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884",
    ),
    "cls": (
        "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
        "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c",
    ),
}

_lock = threading.Lock()
_engines: dict[str, object] = {}
_verified: set[str] = set()


@dataclass(frozen=True)
class Line:
    """One line of text found on a frame: ``box`` is its quadrilateral ``[4, 2]`` in the
    frame's pixels; ``text`` is empty and ``score`` the detector's when only probed."""

    text: str
    score: float
    box: np.ndarray

    @property
    def height(self) -> float:
        b = self.box
        return float(max(np.linalg.norm(b[0] - b[3]), np.linalg.norm(b[1] - b[2])))

    @property
    def width(self) -> float:
        b = self.box
        return float(max(np.linalg.norm(b[0] - b[1]), np.linalg.norm(b[3] - b[2])))


def model_path(part: str) -> Path:
    """The bundled model file for ``part`` ("det", "rec", "cls"), checked once per process.

    Raises if the installed RapidOCR does not ship the expected file: it is never fetched.
    """
    name, sha256 = MODELS[part]
    path = Path(str(resources.files("rapidocr").joinpath("models", name)))
    if part not in _verified:
        if not path.is_file():
            raise FileNotFoundError(f"RapidOCR does not ship {name} (expected at {path})")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != sha256:
            raise RuntimeError(f"{path} has SHA-256 {digest}, expected {sha256}")
        _verified.add(part)
    return path


def _params(**extra: object) -> dict[str, object]:
    return {
        # "The text detection result is empty" is a warning, on every text-free frame.
        "Global.log_level": "error",
        "Global.use_cls": False,
        "Global.text_score": 0.0,  # every line comes back; the caller thresholds
        "Det.model_path": str(model_path("det")),
        "Rec.model_path": str(model_path("rec")),
        "Cls.model_path": str(model_path("cls")),
        "Det.limit_type": "max",  # the default ("min", 736) upscales 640x360 to 1308x736
        # One thread per run: the app runs one extraction per core in its own pool.
        "EngineConfig.onnxruntime.intra_op_num_threads": 1,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        **extra,
    }


def _engine(kind: str):
    engine = _engines.get(kind)
    if engine is None:
        with _lock:
            engine = _engines.get(kind)
            if engine is None:
                from rapidocr import RapidOCR

                if kind == "probe":
                    params = _params(**{"Det.limit_side_len": PROBE_SIDE, "Global.use_rec": False})
                else:
                    params = _params(**{"Det.limit_side_len": READ_SIDE})
                engine = RapidOCR(params=params)
                _engines[kind] = engine
    return engine


def _bgr(image: np.ndarray) -> np.ndarray:
    """RapidOCR takes arrays as OpenCV's BGR; keyframes are RGB."""
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8)[:, :, 2::-1])


def probe(image: np.ndarray) -> list[Line]:
    """Text boxes the detector finds on an RGB uint8 frame scaled to PROBE_SIDE."""
    out = _engine("probe")(_bgr(image))
    boxes, scores = getattr(out, "boxes", None), getattr(out, "scores", None)
    if boxes is None or scores is None:
        return []
    return [
        Line("", float(s), np.asarray(b, np.float32)) for b, s in zip(boxes, scores, strict=True)
    ]


def read(image: np.ndarray) -> list[Line]:
    """Every line read on an RGB uint8 frame (top to bottom, left to right), any score."""
    out = _engine("read")(_bgr(image))
    boxes, txts, scores = (getattr(out, k, None) for k in ("boxes", "txts", "scores"))
    if boxes is None or txts is None or scores is None:
        return []
    return [
        Line(str(t), float(s), np.asarray(b, np.float32))
        for b, t, s in zip(boxes, txts, scores, strict=True)
    ]
