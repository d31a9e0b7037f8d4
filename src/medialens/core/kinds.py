"""What a file is for a person: music, speech (spoken word), a sound effect, or video.

``files.kind`` says only which streams a file has (audio or video). A library of phone
prompts and desktop sounds is not a music library, so each file also gets a stored
``files.category``, decided here from what is known about it, most trusted first:

1. its streams: a moving picture makes it ``video``;
2. its container tags: a spoken-word genre makes it ``speech``; an artist, album or any
   other genre makes it ``music``;
3. votes of classifiers that know better than hand-set rules (a sound-event model says
   "Speech 0.9"): each :class:`Vote` names a category and a score in [0, 1]. Any
   extractor votes through ``ExtractionResult.categories`` (API 1.2);
4. cheap audio descriptors (the ``DESCRIPTORS`` scalars, computed by the built-in audio
   extractor from its one STFT): pitch in the range of a voice that moves with
   intonation, and a changing spectrum, say speech; long audio that is not speech (nor
   silence) is music; short audio that is neither is a sound effect.

Until the descriptors exist the category stays ``None`` (unknown) unless 1-3 decided it,
so it fills in while a library is indexed. Thresholds were set on half of the real
recordings and checked on the other half: see ``benchmarks/bench_kinds.py``.

Classifiers feed rule 3 through *vote readers*: functions that turn one stored result into
votes. The core names no plugin: whoever knows what an extractor's tags mean (for example
that an AudioSet "Speech" tag is evidence of speech) passes a reader to
:class:`Classifier`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from medialens.api import ExtractionResult
from medialens.core.features import unpacked

if TYPE_CHECKING:
    from medialens.store import Store

MUSIC, SPEECH, SOUND, VIDEO = "music", "speech", "sound", "video"
CATEGORIES = (MUSIC, SPEECH, SOUND, VIDEO)

DESCRIPTORS = (
    "loudness_db",
    "modulation_4hz",
    "low_energy_share",
    "silence_share",
    "flux_mean",
    "flux_variance",
    "voiced_share",
    "pitch_std_semitones",
)
"""Scalar names the rules read, from whichever extractor stores them."""

# Genres that mean spoken word (ID3v1 "Speech" 101, "Audiobook", iTunes "Podcast", ...).
SPOKEN_GENRES = frozenset(
    {
        "speech",
        "spoken",
        "spoken word",
        "spokenword",
        "audiobook",
        "audio book",
        "audiobooks",
        "books & spoken",
        "podcast",
        "podcasts",
        "talk",
        "talk radio",
        "lecture",
        "interview",
        "poetry",
        "audio drama",
        "radio play",
        "hörbuch",
        "hörspiel",
    }
)
MUSIC_TAGS = ("artist", "album", "album_artist", "albumartist", "composer", "genre")

# Rule 4's thresholds (see benchmarks/bench_kinds.py for how they were chosen).
TOO_SHORT_SECONDS = 0.3  # shorter audio is a click or a beep: nobody says a word in it
VOICED_SHARE = 0.4  # of audible frames with a voice-range pitch
PITCH_STD_RANGE = (1.0, 7.0)  # semitones: intonation moves it; a melody spans more
FLUX_MEAN = 0.2  # speech's spectrum changes from one frame to the next
# Audio this long needs more to be speech: it pauses between words (music rarely does)
# and its spectrum keeps changing (a sung melody holds notes).
LONG_SPEECH_LOW_ENERGY = 0.3
LONG_SPEECH_FLUX_MEAN = 0.4
SILENT_DB = -60.0  # mean frame level of digital silence (and of nothing anyone would play)
MUSIC_SECONDS = 7.0  # audio this long that is not speech is music
VOTE_SCORE = 0.5  # a vote at or above this decides rule 3


@dataclass(frozen=True)
class Vote:
    """A classifier's opinion: ``category`` (one of CATEGORIES) with ``score`` in [0, 1]."""

    category: str
    score: float
    source: str = ""


VoteReader = Callable[[str, ExtractionResult], Iterable[Vote]]
"""Turns one extractor's stored result (its name, the result) into votes."""


@dataclass(frozen=True)
class Evidence:
    """What is known about one file, gathered from its row and its stored results."""

    kind: str
    duration: float
    tags: Mapping[str, str] = field(default_factory=dict)
    descriptors: Mapping[str, float] = field(default_factory=dict)
    votes: Sequence[Vote] = ()


def tag_category(tags: Mapping[str, str]) -> str | None:
    """Rule 2: the category container tags imply, if any."""
    genre = str(tags.get("genre") or "").strip().lower()
    if genre:
        parts = {p.strip() for p in genre.replace(";", "/").replace(",", "/").split("/")}
        if genre in SPOKEN_GENRES or parts & SPOKEN_GENRES or genre in ("(101)", "101"):
            return SPEECH
    if any(str(tags.get(name) or "").strip() for name in MUSIC_TAGS):
        return MUSIC
    return None


def vote_category(votes: Sequence[Vote]) -> str | None:
    """Rule 3: the category with the highest vote, when that vote is confident enough."""
    best: dict[str, float] = {}
    for vote in votes:
        if vote.category in CATEGORIES:
            best[vote.category] = max(best.get(vote.category, 0.0), float(vote.score))
    if not best:
        return None
    category, score = max(best.items(), key=lambda kv: kv[1])
    return category if score >= VOTE_SCORE else None


def is_speech(d: Mapping[str, float], duration: float) -> bool:
    """Rule 4's speech test on the descriptors (see the module docstring)."""
    lo, hi = PITCH_STD_RANGE
    voice = (
        d.get("voiced_share", 0.0) >= VOICED_SHARE
        and lo <= d.get("pitch_std_semitones", 0.0) <= hi
        and d.get("flux_mean", 0.0) >= FLUX_MEAN
    )
    if not voice:
        return False
    return duration < MUSIC_SECONDS or (
        d.get("low_energy_share", 0.0) >= LONG_SPEECH_LOW_ENERGY
        and d.get("flux_mean", 0.0) >= LONG_SPEECH_FLUX_MEAN
    )


def descriptor_category(d: Mapping[str, float], duration: float) -> str | None:
    """Rule 4: speech, music or sound from the audio descriptors; None without them."""
    if not all(name in d for name in DESCRIPTORS):
        return None
    if d["loudness_db"] < SILENT_DB:
        return SOUND  # a silence: not music, whatever its length
    if is_speech(d, duration):
        return SPEECH
    return MUSIC if duration >= MUSIC_SECONDS else SOUND


def classify(evidence: Evidence) -> str | None:
    """The file's category, or None while too little is known."""
    if evidence.kind == VIDEO:
        return VIDEO
    return (
        tag_category(evidence.tags)
        or vote_category(evidence.votes)
        or descriptor_category(evidence.descriptors, evidence.duration)
        or (SOUND if 0 < evidence.duration < TOO_SHORT_SECONDS else None)
    )


class Classifier:
    """Gathers a file's evidence from the store and keeps ``files.category`` up to date.

    ``readers`` turn stored results into votes (rule 3); there are none by default.
    """

    def __init__(self, readers: Sequence[VoteReader] = ()) -> None:
        self.readers = tuple(readers)

    def evidence(
        self, store: Store, content_id: str, conn: sqlite3.Connection | None = None
    ) -> Evidence | None:
        """What is known about a content; ``conn`` reads inside a write transaction."""
        facts = store.files.classification_facts(content_id, conn=conn)
        if facts is None:
            return None
        kind, duration, metadata = facts
        try:
            tags = (json.loads(metadata or "{}") or {}).get("tags") or {}
        except ValueError:
            tags = {}
        descriptors: dict[str, float] = {}
        votes: list[Vote] = []
        for stored in store.extraction.results_of(content_id, fresh_only=True, conn=conn):
            scalars = stored.scalars
            for key in DESCRIPTORS:
                if key in scalars and key not in descriptors:
                    descriptors[key] = float(scalars[key])
            result = unpacked(stored.tags, None, scalars, stored.data)
            votes.extend(
                Vote(category, score, stored.extractor)
                for category, score in result.categories.items()
            )
            if self.readers:
                for reader in self.readers:
                    votes.extend(reader(stored.extractor, result))
        return Evidence(
            kind=kind or "",
            duration=float(duration or 0.0),
            tags=tags if isinstance(tags, dict) else {},
            descriptors=descriptors,
            votes=tuple(votes),
        )

    def decide(
        self, store: Store, content_id: str, conn: sqlite3.Connection | None = None
    ) -> str | None:
        evidence = self.evidence(store, content_id, conn)
        return classify(evidence) if evidence is not None else None

    def update(
        self, store: Store, content_id: str, conn: sqlite3.Connection | None = None
    ) -> str | None:
        """Decide the category of every file with this content (joins ``conn``'s transaction)."""
        category = self.decide(store, content_id, conn)
        store.files.set_category(content_id, category, conn=conn)
        return category

    def update_all(
        self, store: Store, only_unknown: bool = False, conn: sqlite3.Connection | None = None
    ) -> int:
        """Decide again for every media file (or only those still unknown). Returns how many
        files changed category."""
        changed = 0
        for content_id in store.files.media_content_ids(only_unknown, conn=conn):
            category = self.decide(store, content_id, conn)
            changed += store.files.set_category(content_id, category, conn=conn)
        return changed
