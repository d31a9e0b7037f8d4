"""The public plugin API of Medialens: the one module a plugin author imports.

Everything here is versioned by ``API_VERSION`` (semantic: a plugin written against
``1.x`` runs on any ``1.y`` with ``y >= x``). Everything outside this module is
private and may change. Stdlib, numpy and pluggy's marker only, so importing it
is cheap and never pulls Qt, SQLite or a model runtime.

A plugin is a module (or object) registered under the entry-point group
``medialens`` that implements hooks from :mod:`medialens.hookspecs` with the
:data:`hookimpl` marker, and may declare the API version it was written for::

    MEDIALENS_API = "1.3"

    @hookimpl
    def medialens_extractors():
        return [MyExtractor()]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

import numpy as np
import pluggy

__all__ = [
    "API_VERSION",
    "PROJECT",
    "hookimpl",
    "MediaKind",
    "MediaFile",
    "Keyframe",
    "AudioExcerpt",
    "VectorOutput",
    "Meaning",
    "TagsOutput",
    "TextOutput",
    "TextSegment",
    "CATEGORIES",
    "FILE_CATEGORIES",
    "FileCategory",
    "ScalarsOutput",
    "FingerprintOutput",
    "Output",
    "ExtractionResult",
    "ExtractionContext",
    "Extractor",
    "ExtractionCancelled",
    "TextEmbedder",
    "Setting",
    "SettingType",
    "api_compatible",
    "extractor_categories",
]

API_VERSION = "1.4"
PROJECT = "medialens"

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marker for plugin hook implementations (``@hookimpl``)."""

MediaKind = Literal["audio", "video"]

Meaning = Literal["shown", "heard", "said", "written", "described"]
"""What an extractor's tags or text describe (API 1.2), so that search can say why a file
matched in words a person reads, and treat a third-party model like a bundled one:

* ``shown``: what is on screen (object labels, faces, people): "on screen: a face";
* ``heard``: what the sound is (sound events, instruments, genres, moods): "sounds like: bell";
* ``said``: what is spoken (a transcript): "says: 'your message has been saved'";
* ``written``: text on screen (OCR): "on screen text: 'EXIT'";
* ``described``: what describes the file (names, container tags, subtitles): the default.
"""

CATEGORIES = ("music", "speech", "sound")
"""What an audio file is for a person, as an extractor may vote on it (API 1.2) through
:attr:`ExtractionResult.categories`: music, speech (spoken word) or a sound effect."""

FileCategory = Literal["music", "speech", "sound", "video"]
FILE_CATEGORIES: tuple[FileCategory, ...] = ("music", "speech", "sound", "video")
"""What the library decides a file is (API 1.3): its category, which an extractor may name
in its optional ``categories`` to run only on files of those categories (see
:class:`Extractor`)."""


@dataclass(frozen=True)
class MediaFile:
    """A media file as a plugin sees it.

    ``content_id`` is the file's identity: it survives renames and moves and
    changes when the content changes, so it is the key results are stored under.
    """

    content_id: str
    path: Path
    kind: MediaKind
    duration: float
    size: int
    metadata: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Keyframe:
    """One representative frame of a video: RGB uint8 ``[H, W, 3]`` at ``time`` seconds."""

    time: float
    image: np.ndarray


@dataclass(frozen=True)
class AudioExcerpt:
    """A stretch of a file's audio (API 1.4): mono float32 ``samples`` in [-1, 1] that
    begin ``start`` seconds into the file."""

    start: float
    samples: np.ndarray


@dataclass(frozen=True)
class VectorOutput:
    """The extractor stores a float32 vector called ``name`` of dimension ``dim``.

    ``modality`` groups vectors for similarity and ranking ("visual", "music",
    "audio", "text"); vectors of one modality are compared with each other.
    """

    name: str
    dim: int
    modality: str = "other"


@dataclass(frozen=True)
class TagsOutput:
    """The extractor stores tags with scores in [0, 1] (labels, genres, moods...).

    ``vocabulary`` lists every tag it can emit, when that set is closed: semantic
    search embeds the vocabulary once to match queries against tags.
    """

    vocabulary: tuple[str, ...] = ()
    meaning: Meaning = "described"


@dataclass(frozen=True)
class TextOutput:
    """The extractor stores a text document, indexed for keyword search.

    ``meaning`` (API 1.2) says what the text is: a transcript is ``said``, text read off
    the screen is ``written``.
    """

    meaning: Meaning = "described"


@dataclass(frozen=True)
class TextSegment:
    """A timed piece of an extractor's text (API 1.2): what is said, or written on screen,
    from ``start`` to ``end`` seconds. Search quotes the segment that matched and says
    where it is, and the player can jump there."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class ScalarsOutput:
    """The extractor stores named numbers (tempo, loudness...)."""

    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class FingerprintOutput:
    """The extractor stores perceptual fingerprints of a video's keyframes (API 1.2): 64-bit
    difference hashes as 16 hex digits in ``data[key]``. Near-duplicate detection compares
    them, whichever extractor wrote them."""

    key: str = "phash"


Output = VectorOutput | TagsOutput | TextOutput | ScalarsOutput | FingerprintOutput


@dataclass
class ExtractionResult:
    """What one extractor produced for one file. Every part is optional.

    ``data`` holds any other JSON-serialisable facts (the metadata extractor puts
    the container tags there, the thumbnail extractor the thumbnail path).

    API 1.2 adds three optional parts: ``segments``, the timed pieces of ``text``
    (transcript lines, the text of one keyframe); ``language``, the language of ``text``
    as a short code ("en", "zh"); and ``categories``, votes in [0, 1] on what the file is
    (keys from :data:`CATEGORIES`), which decide the file's kind when confident.
    """

    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    tags: dict[str, float] = field(default_factory=dict)
    text: str | None = None
    scalars: dict[str, float] = field(default_factory=dict)
    data: dict[str, object] = field(default_factory=dict)
    segments: list[TextSegment] = field(default_factory=list)
    language: str | None = None
    categories: dict[str, float] = field(default_factory=dict)


class ExtractionCancelled(Exception):
    """Raised by :meth:`ExtractionContext.check_cancelled` when the user stops extraction."""


@runtime_checkable
class ExtractionContext(Protocol):
    """Everything an extractor may read about one file, decoded once and shared.

    The pipeline creates one context per file and hands it to every extractor of
    that file in dependency order. Decoded audio and keyframes are computed on
    first use and cached, so the second extractor that asks pays nothing.
    """

    @property
    def file(self) -> MediaFile: ...

    @property
    def cache_dir(self) -> Path:
        """A writable folder for derived files (thumbnails), kept across runs."""
        ...

    def audio(self, sample_rate: int) -> np.ndarray:
        """Mono float32 samples in [-1, 1] at ``sample_rate``.

        Files longer than ten minutes yield evenly spaced excerpts totalling ten
        minutes, so a four-hour recording costs what a ten-minute one does. An
        empty array means the file has no audio stream.
        """
        ...

    def audio_excerpts(
        self, sample_rate: int, seconds: float | None = None
    ) -> Sequence[AudioExcerpt]:
        """Evenly spread excerpts of the audio at ``sample_rate`` (API 1.4), the same for
        every extractor of the file: a handful of stretches of some seconds, their middles
        spread as ``(i + 0.5) / n`` of the file, or one excerpt of all the audio (start 0)
        when the file is not much longer than the excerpts together.

        For descriptors that summarise a whole track, this costs a fraction of
        :meth:`audio`: only the excerpts are decoded (once, for every extractor that asks;
        cut from :meth:`audio` instead when that was decoded already). ``seconds``: only
        the middle ``seconds`` of each excerpt (fewer samples to resample for an extractor
        that reads a few seconds of each); ignored for the one excerpt of a short file.
        Empty when the file has no audio stream.
        """
        ...

    def audio_levels(self, count: int) -> np.ndarray:
        """The RMS level of ``count`` equal stretches of the audio, start to end (API 1.4):
        float32, of the mono mix in [-1, 1]. Read from :meth:`audio` when that was decoded
        already, else from the level pass: short reads spread evenly over the whole file,
        each bar pooling the reads within it (for a waveform picture: cheap, and close).
        Empty when the file has no audio stream.
        """
        ...

    def audio_frame_levels(self, frame_seconds: float) -> np.ndarray:
        """Hann-weighted RMS levels of frames of ``frame_seconds`` sampled evenly over the
        whole audio (API 1.4), float32 of the mono mix: every frame of :meth:`audio` when
        that was decoded already, else the frames of the level pass (the short reads of
        :meth:`audio_levels`). For whole-track loudness statistics of a track whose other
        descriptors come from :meth:`audio_excerpts`, which skip its intro and outro.
        Empty when the file has no audio stream.
        """
        ...

    def keyframes(self) -> Sequence[Keyframe]:
        """A handful of representative frames (no black, blurred or duplicate frames).

        Empty for audio files and videos that yield no usable frame.
        """
        ...

    def cover_art(self) -> bytes | None:
        """Embedded cover art (encoded image bytes), if the file has any."""
        ...

    def result(self, extractor: str) -> ExtractionResult | None:
        """The stored result of another extractor this one declared in ``requires``."""
        ...

    def check_cancelled(self) -> None:
        """Raise :class:`ExtractionCancelled` if extraction was paused or cancelled.

        Long extractors call this between steps so the user never waits on them.
        """
        ...

    @property
    def settings(self) -> Mapping[str, object]:
        """This plugin's settings (API 1.1): every key its ``medialens_settings()`` declares,
        with the user's value or the default. Read it in ``extract()``, not in the hook,
        so a change applies from the next file on. Empty for a plugin that declares none.
        """
        ...


@runtime_checkable
class Extractor(Protocol):
    """Turns one media file into features. Returned by ``medialens_extractors()``.

    ``name`` is unique and stable; bump ``version`` whenever the output changes,
    which re-extracts this extractor only. ``requires`` names extractors whose
    results this one reads through :meth:`ExtractionContext.result`: they run
    first when they are active; one that is disabled, not installed or failed
    yields ``None`` there, so an extractor must cope without it. ``timeout``
    is the time limit in seconds per file, after which the result is abandoned
    and a failure recorded.

    API 1.3 adds an optional attribute, ``categories``: a frozenset of
    :data:`FILE_CATEGORIES` the extractor is for (a music tagger:
    ``frozenset({"music", "video"})``; a speech model: ``frozenset({"speech", "video"})``).
    It runs on a file only once the file's category is one of them, or while the category
    is still unknown (no audio descriptors, no tags, no confident vote: then it runs as
    every extractor did before 1.3). Without the attribute, or with an empty set, it runs
    on every category. It is optional so that extractors written for 1.0-1.2 still satisfy
    this protocol; the core reads it with :func:`extractor_categories`.
    """

    name: str
    version: str
    kinds: frozenset[MediaKind]
    requires: tuple[str, ...]
    outputs: tuple[Output, ...]
    timeout: float

    def extract(self, ctx: ExtractionContext) -> ExtractionResult: ...


@runtime_checkable
class TextEmbedder(Protocol):
    """Embeds text into a vector space, for semantic search of queries.

    Returned by the ``medialens_text_embedder()`` hook. The vectors must be in the
    same space as the ``VectorOutput`` the same plugin stores under ``vector_name``
    for each file's text, so a query can be compared with files directly.

    API 1.2: an embedder may set ``multilingual = True`` when queries in any language meet
    the same space (a Chinese query near English tags). Search then sends a query written
    in Chinese, Japanese or Korean to it whenever the embedder in use is not multilingual.
    """

    name: str
    dim: int
    vector_name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 ``[len(texts), dim]``. May load a model on first call."""
        ...


SettingType = Literal["bool", "int", "float", "choice"]


@dataclass(frozen=True)
class Setting:
    """One setting a plugin offers the user (API 1.1), returned by ``medialens_settings()``.

    ``key`` is stable (values are stored under it); ``label`` and ``help`` are what the
    user reads in Settings. ``int`` and ``float`` take an optional ``minimum``/``maximum``,
    ``choice`` takes ``choices`` (the stored values). The value reaches ``extract()`` as
    ``ctx.settings[key]``, already of the declared type and in range.
    """

    key: str
    label: str
    type: SettingType
    default: bool | int | float | str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    help: str = ""


def extractor_categories(extractor: object) -> frozenset[str]:
    """The file categories an extractor declared it is for (API 1.3), or an empty set
    for every category (no ``categories`` attribute, or an empty one)."""
    declared = getattr(extractor, "categories", None)
    if not declared:
        return frozenset()
    if isinstance(declared, str):
        declared = (declared,)
    return frozenset(str(c) for c in declared)


def _major_minor(version: str) -> tuple[int, int]:
    parts = (version.strip().split(".") + ["0"])[:2]
    return int(parts[0]), int(parts[1])


def api_compatible(declared: str, ours: str = API_VERSION) -> bool:
    """True if a plugin written against API ``declared`` runs on API ``ours``.

    Same major version, and the plugin needs no minor version newer than ours.
    """
    try:
        dmaj, dmin = _major_minor(declared)
        omaj, omin = _major_minor(ours)
    except ValueError:
        return False
    return dmaj == omaj and dmin <= omin
