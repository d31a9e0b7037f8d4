"""Medialens plugin: what is said in audio files and videos, transcribed by Whisper.

faster-whisper runs OpenAI's Whisper on CTranslate2 (no torch), with the models shipped in
PyPI packages (MODEL_PROVENANCE.md). The transcript is a text that search quotes ("says:
'your message has been saved'"), timed segments the player can jump to, and the spoken
language. It transcribes speech, not music: the ``sounds`` extractor's speech share skips
files with no voice at all, its speech spans (or, without it, Silero's voice detector)
choose the stretches Whisper reads, and segments Whisper is unsure of are dropped.
The model loads on the first ``extract()``, never at import or in a hook.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    Setting,
    TextOutput,
    hookimpl,
)
from medialens_speech import models
from medialens_speech.decode import (
    PIECE_SECONDS,
    SAMPLE_RATE,
    Piece,
    mask_outside,
    stream_pieces,
)
from medialens_speech.transcript import BEAM_SIZE, Transcript, transcribe

__all__ = [
    "MEDIALENS_API",
    "SpeechExtractor",
    "speech_spans",
    "medialens_extractors",
    "medialens_settings",
]

MEDIALENS_API = "1.3"  # Extractor.categories (1.3), TextOutput(meaning), segments, language

LONG_FILE_SECONDS = 600.0  # past this ctx.audio() gives excerpts (API docs): decode it here
# The gate on the sounds result, measured with it (README): 46 instrumental tracks and 8
# videos without speech have a speech share of 0, the 3 songs with vocals 0.016-0.064
# (music votes 0.92-0.96), and all 352 spoken Asterisk prompts at least 0.33.
MIN_SPEECH_SHARE = 0.01  # below one sampled patch of voice: no speech at all
MIN_SPEECH_SECONDS = 0.5  # ...or less voice than one short word
SONG_MUSIC_VOTE = 0.9  # a file this surely music...
SONG_SPEECH_SHARE = 0.1  # ...with a voice this rarely on top is a song: lyrics, not speech
# Spans silence what lies outside them only when they are fine-grained: the sounds plugin
# runs YAMNet on at most 64 patches, so past ~30 s of audio each of its cells stands for
# seconds of sound, and dialogue over music in a cell it calls music would be lost.
MAX_SECONDS_PER_PATCH = 1.0
# An hour of back-to-back speech costs 4.6 min of CPU with tiny.en, 7.7 with base (README):
# this leaves 8-13 times that for a machine busy with other extractions, and still stops
# a runaway.
TIMEOUT = 3600.0


def speech_spans(
    sounds: ExtractionResult | None, duration: float, long_file: float = LONG_FILE_SECONDS
) -> tuple[bool, list[list[float]] | None]:
    """What the ``sounds`` extractor says about voice: (any speech?, spans or None).

    Without a sounds result, or one without speech figures, there may be speech anywhere
    (True, None): the voice detector alone decides. Too little speech, or a song (music
    with a voice in a few places), gives (False, []).
    Spans are handed on only when they are fine-grained (``audio_seconds / patches`` at
    most MAX_SECONDS_PER_PATCH) and, for a file over ten minutes, when the result says they
    cover the whole file (``spans_cover_file``): an extractor reading ``ctx.audio()``
    heard only excerpts of it, and its times are the excerpts', not the file's.
    """
    if sounds is None:
        return True, None
    data: Mapping[str, object] = sounds.data or {}
    share = data.get("speech_share")
    spans = _spans(data.get("speech_spans"))
    if isinstance(share, int | float):
        music = float((sounds.categories or {}).get("music", 0.0))
        if share < MIN_SPEECH_SHARE or (music >= SONG_MUSIC_VOTE and share < SONG_SPEECH_SHARE):
            return False, []
    if spans is not None and sum(e - s for s, e in spans) < MIN_SPEECH_SECONDS:
        return False, []
    cover = data.get("spans_cover_file")  # None: an older sounds result, trusted when short
    if spans is not None and (cover is False or (duration > long_file and not cover)):
        spans = None
    patches, seconds = data.get("patches"), data.get("audio_seconds")
    numbers = isinstance(patches, int | float) and isinstance(seconds, int | float)
    if numbers and patches > 0 and seconds / patches > MAX_SECONDS_PER_PATCH:  # type: ignore[operator]
        spans = None
    return True, spans


def _spans(raw: object) -> list[list[float]] | None:
    """``[[start, end], ...]`` seconds as floats, empty spans dropped; None if malformed."""
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        return None
    try:
        return [[float(s), float(e)] for s, e in raw if float(e) > float(s)]
    except (TypeError, ValueError):
        return None


class SpeechExtractor:
    """A timed transcript and the spoken language of audio files and the sound of videos."""

    name = "speech"
    version = "1.0"
    kinds = frozenset({"audio", "video"})
    # API 1.3: routed to these categories only. Sound effects too: a short prompt the
    # classifier takes for one keeps its transcript, and on a real effect the sounds gate
    # above answers "no speech" before the model loads.
    categories = frozenset({"speech", "sound", "video"})
    requires: tuple[str, ...] = ("sounds",)
    outputs = (TextOutput(meaning="said"),)
    timeout = TIMEOUT

    def __init__(
        self,
        beam_size: int = BEAM_SIZE,
        long_file_seconds: float = LONG_FILE_SECONDS,
        piece_seconds: float = PIECE_SECONDS,
    ) -> None:
        self.beam_size = beam_size
        self.long_file_seconds = long_file_seconds  # past this: decode the track here
        self.piece_seconds = piece_seconds  # how much of a long track Whisper gets at once

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        duration = float(ctx.file.duration or 0.0)
        any_speech, spans = speech_spans(ctx.result("sounds"), duration, self.long_file_seconds)
        if not any_speech:
            return ExtractionResult(data={"no_speech": True})
        name = str(ctx.settings.get("model", models.DEFAULT_MODEL))
        pieces = self._pieces(ctx, duration, spans)
        first = next(pieces, None)
        if first is None:  # no audio stream, or nothing left to read
            return ExtractionResult()
        ctx.check_cancelled()
        model = models.load(name, ctx.cache_dir)
        found = transcribe(
            model,
            _chain(first, pieces),
            beam_size=self.beam_size,
            check_cancelled=ctx.check_cancelled,
        )
        return _result(found, name)

    def _pieces(
        self, ctx: ExtractionContext, duration: float, spans: list[list[float]] | None
    ) -> Iterator[Piece]:
        if duration > self.long_file_seconds:
            yield from stream_pieces(
                ctx.file.path,
                spans,
                duration=duration,
                max_seconds=self.piece_seconds,
                check_cancelled=ctx.check_cancelled,
            )
            return
        samples = np.asarray(ctx.audio(SAMPLE_RATE), dtype=np.float32).reshape(-1)
        if len(samples) < SAMPLE_RATE // 10:
            return
        if spans is not None:
            samples = mask_outside(samples, 0.0, spans)
        if float(np.abs(samples).max()) < 1e-4:  # silence (-80 dBFS): no voice to detect
            return
        yield Piece(0.0, samples)


def _chain(first: Piece, rest: Iterator[Piece]) -> Iterator[Piece]:
    yield first
    yield from rest


def _result(found: Transcript, model_name: str) -> ExtractionResult:
    data: dict[str, object] = {"model": model_name}
    if found.language_probability is not None:
        data["language_probability"] = round(found.language_probability, 3)
    if found.dropped:
        data["dropped_segments"] = found.dropped
    if not found.segments:
        return ExtractionResult(data=data)
    return ExtractionResult(
        text=found.text, segments=found.segments, language=found.language, data=data
    )


@hookimpl
def medialens_extractors() -> list[SpeechExtractor]:
    return [SpeechExtractor()]


@hookimpl
def medialens_settings() -> list[Setting]:
    return [
        Setting(
            "model",
            "Speech model",
            "choice",
            models.DEFAULT_MODEL,
            choices=models.MODEL_NAMES,
            help=(
                "tiny.en: English only, fastest. base: 99 languages (Chinese among them) and "
                "the spoken language named, fewer wrong words, about twice the time."
            ),
        )
    ]
