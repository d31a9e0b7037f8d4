"""Medialens plugin: who is on screen in a video, in people's words (faces, a person, people).

Runs OpenCV's Haar cascades (:mod:`medialens_people.detection`) on the keyframes the app
decodes once per file, and turns the per-frame counts into tags a person would search
("face", "close-up face", "people", "crowd", "people walking"), with scores that say how
sure the detectors were. The cascades load on the first ``extract()``, never at import or
in the hook.
"""

from __future__ import annotations

from collections.abc import Sequence

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    TagsOutput,
    hookimpl,
)
from medialens_people.detection import Box, FrameDetections, detect

__all__ = [
    "MEDIALENS_API",
    "VOCABULARY",
    "PeopleExtractor",
    "detect",
    "frame_tags",
    "summarise",
    "medialens_extractors",
]

MEDIALENS_API = "1.2"

VOCABULARY = (
    "face",
    "close-up face",
    "talking head",
    "person",
    "people",
    "group of people",
    "crowd",
    "people walking",
)

CLOSE_UP = 0.35  # face box height / frame height (a box holds the face and some margin)
TALKING_HEAD = 0.2  # a frontal face at least this tall in most keyframes: someone facing us
TALKING_HEAD_WEIGHT = 0.7  # a big face facing the camera, not proof that anyone speaks
WALKING_WEIGHT = 0.8  # the full-body cascade finds upright people: walking or standing
GROUP, CROWD = 3, 6  # people in one frame
ONE_SIGHTING = 0.8  # a tag seen in one keyframe of several is less sure than a repeated one


def _nth(scores: Sequence[float], n: int) -> float:
    """The ``n``-th best score (1-based), 0 when there are fewer: the confidence that at
    least ``n`` of them are real is that of the weakest of the best ``n``."""
    ranked = sorted(scores, reverse=True)
    return ranked[n - 1] if len(ranked) >= n else 0.0


def frame_tags(frame: FrameDetections) -> dict[str, float]:
    """The tags one frame supports, each with the confidence of the detections behind it."""
    faces = [f.score for f in frame.faces]
    people = [p.score for p in frame.people]
    close = [f.score for f in frame.faces if f.h >= CLOSE_UP * frame.height]
    facing = [
        f.score for f in frame.faces if f.kind == "frontal" and f.h >= TALKING_HEAD * frame.height
    ]
    scores = {
        "face": _nth(faces, 1),
        "close-up face": _nth(close, 1),
        "talking head": _nth(facing, 1),
        "person": _nth(people, 1),
        "people": _nth(people, 2),
        "group of people": _nth(people, GROUP),
        "crowd": _nth(people, CROWD),
        "people walking": WALKING_WEIGHT * _nth([b.score for b in frame.bodies], 1),
    }
    return {tag: s for tag, s in scores.items() if s > 0}


def summarise(frames: Sequence[FrameDetections], times: Sequence[float] = ()) -> ExtractionResult:
    """One video's result from its keyframes' detections (pure: no model involved).

    A tag scores its best keyframe's confidence, times ``ONE_SIGHTING`` when only one of
    several keyframes shows it. "talking head" needs a big frontal face in at least half of
    the keyframes and is weighed down: it says someone faces the camera, not that they talk.
    """
    if not frames:
        return ExtractionResult()
    times = list(times) if len(times) == len(frames) else [0.0] * len(frames)
    per_frame = [frame_tags(f) for f in frames]
    tags: dict[str, float] = {}
    for tag in VOCABULARY:
        seen = [t[tag] for t in per_frame if tag in t]
        if not seen:
            continue
        score = max(seen)
        if tag == "talking head":
            if 2 * len(seen) < len(frames):
                continue
            score *= TALKING_HEAD_WEIGHT
        if len(seen) == 1 and len(frames) > 1:
            score *= ONE_SIGHTING
        tags[tag] = round(min(1.0, score), 3)
    keyframes = [
        [round(float(t), 3), len(f.faces), len(f.people)]
        for t, f in zip(times, frames, strict=True)
    ]
    return ExtractionResult(
        tags=tags,
        data={
            "faces": max(len(f.faces) for f in frames),
            "people": max(len(f.people) for f in frames),
            "keyframes": keyframes,
            "boxes": [[_box(b) for b in f.people] for f in frames],
        },
    )


def _box(b: Box) -> list[object]:
    return [b.kind, b.x, b.y, b.w, b.h, round(b.score, 3)]


class PeopleExtractor:
    """Faces and people on screen, from each video's keyframes."""

    name = "people"
    version = "1.0"
    kinds = frozenset({"video"})
    requires: tuple[str, ...] = ()
    outputs = (TagsOutput(vocabulary=VOCABULARY, meaning="shown"),)
    timeout = 60.0

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        frames: list[FrameDetections] = []
        times: list[float] = []
        for kf in ctx.keyframes():
            ctx.check_cancelled()
            found = detect(kf.image)
            if found is not None:
                frames.append(found)
                times.append(float(kf.time))
        return summarise(frames, times)


@hookimpl
def medialens_extractors() -> list[PeopleExtractor]:
    return [PeopleExtractor()]
