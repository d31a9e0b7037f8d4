"""Faces and upright people in one RGB frame, with OpenCV's Haar cascades.

Plain numpy in, plain dataclasses out, so it can be tested and measured on photos without
a media file. Why these detectors and these numbers: see the plugin's README (measured on
the scikit-image photos and the keyframes of the real test videos).

* Faces: the frontal cascade (``haarcascade_frontalface_default``) and the profile cascade
  (``haarcascade_profileface``, which only knows faces turned one way, so it also runs on
  the mirrored frame), on the frame scaled to a fixed number of pixels. A candidate is kept
  when at least ``FACE_MIN_NEIGHBOURS`` overlapping windows agree and the middle of its box
  has skin colour: on the measured frames that check removed all 7 false faces (the earth
  from space, a cartoon rabbit, a tree, a street) and no true one. A grey frame has no
  colour to check, so there the stricter ``haarcascade_frontalface_alt2`` runs instead and
  more windows must agree (``GREY_MIN_NEIGHBOURS``).
* People: every kept face is a person; so is every hit of the full-body cascade
  (``haarcascade_fullbody``, trained on pedestrians) that has no face inside it. OpenCV's
  HOG people detector was measured and left out: it found fewer people on the same frames
  and put boxes on 8 of 72 people-free ones (a rocket, a logo, a tree trunk).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

# Frames are scaled to this many pixels (small ones at most doubled, the aspect kept): the
# cost of a frame is then about the same for any video, and so is the meaning of a score.
# By area, not by long side, so that a wide letterbox frame keeps its faces as tall.
FACE_PIXELS = 288 * 216  # for the face cascades
BODY_PIXELS = 400 * 300  # for the full-body cascade: distant pedestrians are 36-50 px tall
MAX_UPSCALE = 2.0
# Cascade scale steps: the frontal cascade at 1.15 finds faces in 6 of 10 carphone frames where
# 1.2 finds 4 (1.1 finds 7 for 1.5x the cost); the profile cascade runs twice, so coarser.
FACE_SCALE_STEP = 1.15
PROFILE_SCALE_STEP = 1.25
BODY_SCALE_STEP = 1.2
FACE_MIN_SIZE = 24  # px: a face under 11% of the frame's height is not "a face on screen"
PROFILE_MIN_SIZE = 32
BODY_MIN_SIZE = (18, 36)  # px: a person 12% of the frame's height; smaller cost 1.3x, found no more
FACE_MIN_NEIGHBOURS = 3
GREY_MIN_NEIGHBOURS = 5  # in a grey frame, where skin colour cannot rule a face out
BODY_MIN_NEIGHBOURS = 4
SKIN_MIN = 0.3  # fraction of skin-coloured pixels in the middle half of a face box
GREY_CHROMA = 3.0  # mean |Cr - 128| + |Cb - 128| below this: a grey frame, skin cannot be judged
FLAT_STD = 2.0  # grey levels: a flat frame (black, a colour card) shows nobody

CASCADES = {
    "frontal": "haarcascade_frontalface_default.xml",
    "frontal_grey": "haarcascade_frontalface_alt2.xml",
    "profile": "haarcascade_profileface.xml",
    "body": "haarcascade_fullbody.xml",
}


@dataclass(frozen=True)
class Box:
    """One detection in the original frame's pixels, with its confidence in [0, 1]."""

    x: int
    y: int
    w: int
    h: int
    score: float
    kind: str  # "frontal", "profile" or "body"

    def contains(self, other: Box) -> bool:
        cx, cy = other.x + other.w / 2, other.y + other.h / 2
        return self.x <= cx <= self.x + self.w and self.y <= cy <= self.y + self.h


@dataclass(frozen=True)
class FrameDetections:
    """What one frame shows: kept faces, full bodies with no kept face in them, frame size."""

    faces: tuple[Box, ...]
    bodies: tuple[Box, ...]
    height: int
    width: int

    @property
    def people(self) -> tuple[Box, ...]:
        """Everyone seen: each face, and each body that holds no face (the same person)."""
        return self.faces + self.bodies


def confidence(neighbours: int) -> float:
    """A detection's confidence from how many overlapping cascade windows agree.

    ``n / (n + 4)``: 3 windows (the least kept) give 0.43, 10 give 0.71, 24 give 0.86. It
    ranks detections; it does not make them true: false faces that the skin check removed
    had up to 14 windows, so the score is only meaningful after the checks in this module.
    """
    return float(neighbours) / (float(neighbours) + 4.0)


class Detectors:
    """One set of loaded cascades. OpenCV's cascade keeps per-call state in the object, so
    a set serves one thread at a time (see :func:`detectors`)."""

    def __init__(self) -> None:
        import cv2

        cv2.setNumThreads(1)  # the app runs one extraction per core already
        root = cv2.data.haarcascades
        self.cascades = {}
        for key, name in CASCADES.items():
            cascade = cv2.CascadeClassifier(root + name)
            if cascade.empty():
                raise RuntimeError(f"OpenCV has no usable {name} in {root}")
            self.cascades[key] = cascade


_free: list[Detectors] = []
_created = 0
_lock = threading.Lock()


@contextmanager
def detectors() -> Iterator[Detectors]:
    """A set of cascades for this call: loaded on first use, kept for the process and
    reused; a second set is loaded only while two threads detect at once."""
    global _created
    with _lock:
        det = _free.pop() if _free else None
    if det is None:
        det = Detectors()
        with _lock:
            _created += 1
    try:
        yield det
    finally:
        with _lock:
            _free.append(det)


def as_rgb(image: np.ndarray) -> np.ndarray | None:
    """``image`` as contiguous RGB uint8 ``[H, W, 3]``, or None if it is no usable picture."""
    img = np.asarray(image)
    if img.ndim == 2:
        img = np.stack([img] * 3, axis=-1)
    if img.ndim != 3 or img.shape[2] not in (3, 4) or min(img.shape[:2]) < 16:
        return None
    img = img[:, :, :3]
    if img.dtype != np.uint8:
        if not np.issubdtype(img.dtype, np.number):
            return None
        if np.issubdtype(img.dtype, np.floating):  # floats are taken to be in [0, 1]
            img = np.clip(np.nan_to_num(img) * 255.0 + 0.5, 0, 255)
        img = np.clip(img, 0, 255).astype(np.uint8)
    if float(img[::4, ::4].std()) < FLAT_STD:
        return None
    return np.ascontiguousarray(img)


def _scaled_grey(cv2, rgb: np.ndarray, pixels: int) -> tuple[np.ndarray, float]:
    h, w = rgb.shape[:2]
    scale = min(MAX_UPSCALE, (pixels / (h * w)) ** 0.5)
    small = rgb
    if scale != 1.0:
        size = (round(w * scale), round(h * scale))
        small = cv2.resize(
            rgb, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        )
    return cv2.equalizeHist(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)), scale


def _run(cascade, grey: np.ndarray, step: float, neighbours: int, min_size) -> list:
    boxes, counts = cascade.detectMultiScale2(
        grey, scaleFactor=step, minNeighbors=neighbours, minSize=min_size
    )
    pairs = zip(np.asarray(boxes).reshape(-1, 4).tolist(), np.ravel(counts).tolist(), strict=True)
    return list(pairs)


def skin_fraction(ycrcb: np.ndarray, box: Box) -> float:
    """Fraction of skin-coloured pixels (Cr 133-173, Cb 77-127) in the middle half of ``box``."""
    roi = ycrcb[
        box.y + box.h // 4 : box.y + (3 * box.h) // 4, box.x + box.w // 4 : box.x + (3 * box.w) // 4
    ]
    if roi.size == 0:
        return 0.0
    cr, cb = roi[..., 1], roi[..., 2]
    return float(((cr >= 133) & (cr <= 173) & (cb >= 77) & (cb <= 127)).mean())


def _overlap(a: Box, b: Box) -> bool:
    return a.contains(b) or b.contains(a)


def _merge(boxes: list[Box]) -> tuple[Box, ...]:
    """One box per face: the frontal and the profile cascade often both find it."""
    kept: list[Box] = []
    for box in sorted(boxes, key=lambda b: -b.score):
        if not any(_overlap(box, k) for k in kept):
            kept.append(box)
    return tuple(kept)


def _is_grey(ycrcb: np.ndarray) -> bool:
    chroma = np.abs(ycrcb[::4, ::4, 1:].astype(np.int16) - 128).sum(axis=-1).mean()
    return bool(chroma < GREY_CHROMA)


def _faces(cv2, det: Detectors, rgb: np.ndarray) -> tuple[Box, ...]:
    ycrcb = cv2.cvtColor(rgb, cv2.COLOR_RGB2YCrCb)
    grey_frame = _is_grey(ycrcb)
    # Skin colour is what rejects most false faces; where it cannot be judged, the stricter
    # frontal cascade and more agreement stand in for it.
    frontal = "frontal_grey" if grey_frame else "frontal"
    neighbours = GREY_MIN_NEIGHBOURS if grey_frame else FACE_MIN_NEIGHBOURS
    grey, scale = _scaled_grey(cv2, rgb, FACE_PIXELS)
    width = grey.shape[1]
    front = (FACE_SCALE_STEP, (FACE_MIN_SIZE, FACE_MIN_SIZE))
    side = (PROFILE_SCALE_STEP, (PROFILE_MIN_SIZE, PROFILE_MIN_SIZE))
    mirror = np.ascontiguousarray(grey[:, ::-1])
    passes = [
        (frontal, grey, False, front),
        ("profile", grey, False, side),
        ("profile", mirror, True, side),
    ]
    found: list[Box] = []
    for kind, image, mirrored, (step, size) in passes:
        for (x, y, w, h), n in _run(det.cascades[kind], image, step, neighbours, size):
            if mirrored:
                x = width - x - w
            box = (round(x / scale), round(y / scale), round(w / scale), round(h / scale))
            found.append(Box(*box, confidence(n), "profile" if kind == "profile" else "frontal"))
    if not grey_frame:
        found = [b for b in found if skin_fraction(ycrcb, b) >= SKIN_MIN]
    return _merge(found)


def _bodies(cv2, det: Detectors, rgb: np.ndarray, faces: tuple[Box, ...]) -> tuple[Box, ...]:
    grey, scale = _scaled_grey(cv2, rgb, BODY_PIXELS)
    bodies = [
        Box(
            round(x / scale),
            round(y / scale),
            round(w / scale),
            round(h / scale),
            confidence(n),
            "body",
        )
        for (x, y, w, h), n in _run(
            det.cascades["body"], grey, BODY_SCALE_STEP, BODY_MIN_NEIGHBOURS, BODY_MIN_SIZE
        )
    ]
    return tuple(b for b in _merge(bodies) if not any(b.contains(f) for f in faces))


def detect(image: np.ndarray) -> FrameDetections | None:
    """Faces and people in one RGB frame; None if it is no usable picture (flat, broken).

    Loads the cascades on first call.
    """
    rgb = as_rgb(image)
    if rgb is None:
        return None
    import cv2

    with detectors() as det:
        faces = _faces(cv2, det, rgb)
        bodies = _bodies(cv2, det, rgb, faces)
    return FrameDetections(faces, bodies, rgb.shape[0], rgb.shape[1])
