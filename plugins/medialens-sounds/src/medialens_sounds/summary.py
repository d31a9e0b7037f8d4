"""From per-patch AudioSet probabilities to one file's result: tags, a vote on what the
file is (speech, music or a sound), where speech is, and a coarse timeline.

Pure numpy on the model's output: no model, no media file, so every rule here is tested
on exact inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from medialens.api import ExtractionResult
from medialens_sounds.frontend import PATCH_SECONDS, patch_start
from medialens_sounds.model import label_index, labels

TOP_TAGS = 10
MIN_TAG_SCORE = 0.1  # independent sigmoids: below this a class is not heard
PEAK_WEIGHT = 0.5  # score = max(mean, 0.5 * max) over patches, as the vision plugin does
AUDIBLE = 0.1  # a patch whose best group scores less (a quantised 0.09) says nothing of the kind
# A chime of music shorter than this is a sound effect for a person, not a piece of music:
# music's vote grows from nothing at MUSIC_FROM seconds to whole at MUSIC_FULL seconds,
# and the rest goes to "sound". The desktop sounds' musical chimes last 0.5-2.2 s; the
# shortest real track (a game jingle) 7 s.
MUSIC_FROM = 3.0
MUSIC_FULL = 6.0


def _span(first: str, last: str) -> list[int]:
    index = label_index()
    return list(range(index[first], index[last] + 1))


@cache
def groups() -> dict[str, tuple[int, ...]]:
    """AudioSet class indices by what a person calls the file: ``speech``, ``music``,
    ``sound``, and ``neutral`` (silence and room acoustics, which say nothing).

    Speech is talking (not shouting, laughing or crying: a file of laughter is a sound).
    Music is AudioSet's Music branch, singing and the musical effects; bells, chimes and
    whistling are sounds, since that is what a door bell or a notification is.
    """
    index = label_index()
    speech = _span("Speech", "Speech synthesizer") + [index["Whispering"]]
    music = (
        _span("Singing", "Humming")
        + _span("Music", "Harp")
        + _span("Harmonica", "Scary music")
        + _span("Electronic tuner", "Chorus effect")
    )
    neutral = [index["Silence"], index["Field recording"]]
    neutral += _span("Inside, small room", "Echo")
    taken = set(speech) | set(music) | set(neutral)
    sound = [i for i in range(len(labels())) if i not in taken]
    return {
        "speech": tuple(speech),
        "music": tuple(music),
        "sound": tuple(sound),
        "neutral": tuple(neutral),
    }


KINDS = ("speech", "music", "sound")


def group_scores(probs: np.ndarray) -> np.ndarray:
    """``[n, 3]``: per patch, the best probability among speech, music and sound classes."""
    g = groups()
    if len(probs) == 0:
        return np.zeros((0, 3), np.float32)
    return np.stack([probs[:, list(g[k])].max(axis=1) for k in KINDS], axis=1)


def cells(indices: list[int], seconds: float) -> np.ndarray:
    """``[n, 2]`` start and end seconds each patch stands for: the audio between the
    midpoints of its centre and its neighbours' (every 0.48 s when all patches run; a few
    seconds each when a long file is sampled), clipped to the audio."""
    if not indices:
        return np.zeros((0, 2))
    centres = np.array([patch_start(i) + PATCH_SECONDS / 2 for i in indices])
    centres = np.minimum(centres, seconds)
    bounds = np.concatenate([[0.0], (centres[1:] + centres[:-1]) / 2, [max(seconds, 0.0)]])
    bounds = np.maximum.accumulate(bounds)
    return np.stack([bounds[:-1], bounds[1:]], axis=1)


def spans_of(mask: np.ndarray, cell: np.ndarray) -> list[list[float]]:
    """Merged ``[start, end]`` seconds of the cells where ``mask`` is true."""
    spans: list[list[float]] = []
    for on, (start, end) in zip(mask, cell, strict=True):
        if not on or end <= start:
            continue
        if spans and abs(spans[-1][1] - start) < 1e-6:
            spans[-1][1] = float(end)
        else:
            spans.append([float(start), float(end)])
    return [[round(a, 2), round(b, 2)] for a, b in spans]


def category_votes(group: np.ndarray, weights: np.ndarray, seconds: float) -> dict[str, float]:
    """Votes in [0, 1] summing to 1: the time-weighted mean, over audible patches, of each
    patch's speech/music/sound scores normalised to sum to one. Empty when nothing is
    audible (silence says nothing). Music shorter than MUSIC_FULL seconds hands part of
    its vote to sound (see MUSIC_FROM)."""
    audible = group.max(axis=1) >= AUDIBLE if len(group) else np.zeros(0, bool)
    w = weights * audible
    if not len(group) or w.sum() <= 0:
        return {}
    share = group / group.sum(axis=1, keepdims=True).clip(min=1e-9)
    votes = (share * w[:, None]).sum(axis=0) / w.sum()
    keep = float(np.clip((seconds - MUSIC_FROM) / (MUSIC_FULL - MUSIC_FROM), 0.0, 1.0))
    votes[2] += votes[1] * (1.0 - keep)
    votes[1] *= keep
    return {k: round(float(v), 4) for k, v in zip(KINDS, votes, strict=True)}


def tag_scores(probs: np.ndarray, peak_weight: float = PEAK_WEIGHT) -> np.ndarray:
    """One score per class: ``max(mean, peak_weight * max)`` over patches. The mean rewards
    what is heard throughout, the halved peak keeps what is heard clearly once (a door
    slam in a long recording) ranked below what lasts. Silence and room acoustics
    (:func:`groups` ``neutral``) score their mean only: one quiet patch of a track's
    lead-in is not what the track sounds like."""
    if len(probs) == 0:
        return np.zeros(len(labels()), np.float32)
    scores = np.maximum(probs.mean(axis=0), peak_weight * probs.max(axis=0))
    neutral = list(groups()["neutral"])
    scores[neutral] = probs[:, neutral].mean(axis=0)
    return scores.astype(np.float32)


def covers_file(seconds: float, file_seconds: float | None) -> bool:
    """Whether ``seconds`` of decoded audio are the whole file (see :func:`summarise`)."""
    if file_seconds and file_seconds > 0:
        return seconds >= file_seconds - COVER_SLACK
    return seconds < EXCERPTS_SECONDS - COVER_SLACK


EXCERPTS_SECONDS = 600.0  # ctx.audio() of a longer file: excerpts totalling ten minutes


@dataclass(frozen=True)
class Analysis:
    """The model's view of one file: probabilities ``[n, 521]`` of the patches ``indices``
    (see :func:`medialens_sounds.frontend.select_patches`) of ``seconds`` of audio."""

    probs: np.ndarray
    indices: list[int]
    seconds: float


COVER_SLACK = 1.0  # seconds a decode may fall short of the declared duration (codec padding)


def summarise(
    analysis: Analysis, with_vector: bool = True, file_seconds: float | None = None
) -> ExtractionResult:
    """One file's result (pure: no model involved).

    ``file_seconds`` is the file's duration: ``data["spans_cover_file"]`` says whether the
    analysed audio is all of it, so that its times are the file's (a file over ten minutes
    reaches extractors as excerpts, whose times are not). Unknown (None or 0), the audio is
    taken to be whole unless it is ten minutes long, the length of the excerpts.
    """
    probs, seconds = np.asarray(analysis.probs, np.float32), float(analysis.seconds)
    if len(probs) == 0:
        return ExtractionResult()
    names = labels()
    scores = tag_scores(probs)
    order = np.argsort(-scores, kind="stable")[:TOP_TAGS]
    tags = {names[i]: round(float(scores[i]), 4) for i in order if scores[i] >= MIN_TAG_SCORE}
    cell = cells(analysis.indices, seconds)
    group = group_scores(probs)
    audible = group.max(axis=1) >= AUDIBLE
    dominant = np.where(audible, group.argmax(axis=1), -1)
    lengths = cell[:, 1] - cell[:, 0]
    total = max(seconds, 1e-9)
    speech, music = dominant == 0, dominant == 1
    top = probs.argmax(axis=1)
    events = [
        [round(patch_start(i), 2), names[int(k)], round(float(p[k]), 3)]
        for i, k, p in zip(analysis.indices, top, probs, strict=True)
    ]
    result = ExtractionResult(
        tags=tags,
        categories=category_votes(group, lengths, seconds),
        data={
            "speech_spans": spans_of(speech, cell),
            "speech_share": round(float(lengths[speech].sum() / total), 4),
            "music_share": round(float(lengths[music].sum() / total), 4),
            "events": events,
            "patches": len(probs),
            "audio_seconds": round(seconds, 2),
            "spans_cover_file": covers_file(seconds, file_seconds),
            "scoring": "max(mean, 0.5 * max) over 0.96-s patches",
        },
    )
    if with_vector:
        result.vectors["sounds"] = probs.mean(axis=0).astype(np.float32)
    return result


__all__ = [
    "Analysis",
    "summarise",
    "groups",
    "group_scores",
    "category_votes",
    "cells",
    "spans_of",
    "tag_scores",
    "covers_file",
]
