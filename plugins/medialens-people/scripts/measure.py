"""Measure the people detector: hits, false detections and CPU time on real pictures.

Usage (from the repository root, with scikit-image and the real media installed)::

    python plugins/medialens-people/scripts/measure.py [NAME=VALUE ...]

``NAME=VALUE`` overrides a constant of ``medialens_people.detection`` for the run
(``FACE_SCALE_STEP=1.2 BODY_PIXELS=480*360``), to compare settings on the same frames.

The frames: scikit-image's bundled photos (public domain / CC0), ten evenly spaced frames of
each test video decoded with PyAV and scaled to 640 px at most (as the app's keyframes
are), and bikes.mp4 at six chosen times. Which of them show a face or a person was decided
by looking at them (``FACES``/``PEOPLE`` below). CPU time is ``time.process_time()`` of
this single-threaded process, so it counts only this work, not other programs'.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from medialens_people import detection  # noqa: E402

PHOTOS = [
    "astronaut", "camera", "chelsea", "coffee", "rocket", "brick", "cell", "coins", "grass",
    "gravel", "horse", "hubble_deep_field", "immunohistochemistry", "logo", "microaneurysms",
    "moon", "page", "retina", "text", "clock", "colorwheel",
]  # fmt: skip
VIDEOS = [
    "carphone_pristine.mp4", "carphone_distorted.mp4", "vtest.avi", "earth.mp4",
    "bigbuckbunny.mp4", "tree.avi", "cup.mp4", "box.mp4",
]  # fmt: skip
BIKES_TIMES = [0.0, 1.2, 3.04, 5.48, 7.48, 9.68]
# Looked at: who is really there. carphone_distorted is so blocky that a face found there
# is neither counted as a hit nor as a false one.
FACES = {"photo:astronaut", "photo:camera", "bikes@1.2", "bikes@3.04"}
FACES |= {f"carphone_pristine@{i}" for i in range(10)}
PEOPLE = FACES | {"bikes@7.48"} | {f"vtest@{i}" for i in range(10)}
PEOPLE |= {f"carphone_distorted@{i}" for i in range(10)}


def photos() -> dict[str, np.ndarray]:
    import skimage.data

    out = {}
    for name in PHOTOS:
        img = np.asarray(getattr(skimage.data, name)())
        if img.dtype != np.uint8:
            img = (np.clip(img, 0, 1) * 255).astype(np.uint8)
        out[f"photo:{name}"] = np.ascontiguousarray(img if img.ndim == 2 else img[..., :3])
    return out


def video_frames(path: Path, times: list[float] | None = None, n: int = 10) -> list[np.ndarray]:
    import av
    import cv2

    with av.open(str(path)) as container:
        if times is None:
            duration = container.duration / 1e6
            times = [duration * (i + 0.5) / n for i in range(n)]
        wanted, frames = list(times), []
        for frame in container.decode(video=0):
            if frame.time is not None and wanted and frame.time >= wanted[0] - 1e-3:
                img = frame.to_ndarray(format="rgb24")
                h, w = img.shape[:2]
                scale = min(1.0, 640 / max(h, w))
                if scale < 1:
                    img = cv2.resize(img, (round(w * scale), round(h * scale)), cv2.INTER_AREA)
                frames.append(img)
                wanted.pop(0)
            if not wanted:
                break
    return frames


def main(argv: list[str]) -> None:
    for arg in argv:
        name, value = arg.split("=", 1)
        setattr(detection, name, eval(value))  # a measurement tool: trusted input
    media = Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media")) / "video"
    frames = photos()
    for video in VIDEOS:
        for i, img in enumerate(video_frames(media / video)):
            frames[f"{video.split('.')[0]}@{i}"] = img
    for t, img in zip(BIKES_TIMES, video_frames(media / "bikes.mp4", BIKES_TIMES), strict=True):
        frames[f"bikes@{t}"] = img

    detection.detect(frames["photo:astronaut"])  # load the cascades outside the timing
    groups: dict[str, list[float]] = {}
    counts = dict.fromkeys(("face_hit", "face_n", "face_false", "noface_n"), 0)
    counts |= dict.fromkeys(("person_hit", "person_n", "person_false", "noperson_n"), 0)
    wrong, missed = [], []
    for name, img in frames.items():
        start = time.process_time()
        found = detection.detect(img)
        groups.setdefault(name.split("@")[0].split(":")[0], []).append(time.process_time() - start)
        has_face, has_person = bool(found and found.faces), bool(found and found.people)
        if name in FACES:
            counts["face_n"] += 1
            counts["face_hit"] += has_face
            missed += [] if has_face else [f"{name} (face)"]
        elif not name.startswith("carphone_distorted"):
            counts["noface_n"] += 1
            counts["face_false"] += has_face
            wrong += (
                [f"{name}: face {[round(f.score, 2) for f in found.faces]}"] if has_face else []
            )
        if name in PEOPLE:
            counts["person_n"] += 1
            counts["person_hit"] += has_person
            missed += [] if has_person else [f"{name} (person)"]
        else:
            counts["noperson_n"] += 1
            counts["person_false"] += has_person
            wrong += (
                [f"{name}: {[(b.kind, round(b.score, 2)) for b in found.people]}"]
                if (has_person and not has_face)
                else []
            )
    c = counts
    print(
        f"faces: found in {c['face_hit']}/{c['face_n']} frames that show one, "
        f"false in {c['face_false']}/{c['noface_n']} that do not"
    )
    print(
        f"people: found in {c['person_hit']}/{c['person_n']} frames that show one, "
        f"false in {c['person_false']}/{c['noperson_n']} that do not"
    )
    for group, times in groups.items():
        print(f"  {group:20s} {len(times):2d} frames  {1000 * np.mean(times):5.1f} ms CPU/frame")
    every = [t for times in groups.values() for t in times]
    print(f"all {len(every)} frames: {1000 * np.mean(every):.1f} ms CPU/frame mean")
    print("false:", wrong)
    print("missed:", missed)


if __name__ == "__main__":
    main(sys.argv[1:])
