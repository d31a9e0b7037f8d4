"""Whisper over pieces of a sound track: timed segments, with its hallucinations dropped.

Whisper writes text for anything it hears, music and noise included ("Thank you.",
song lyrics it imagines, one phrase repeated for a minute). Three guards keep that out of
a transcript: Silero's voice detector (``vad_filter``, always on) removes what is not
voice before Whisper sees it; each segment Whisper is unsure of is dropped by its own
confidence figures (:func:`is_hallucination`); and the caller skips files the ``sounds``
extractor found no speech in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from medialens.api import TextSegment
from medialens_speech.decode import SAMPLE_RATE, Piece

__all__ = [
    "BEAM_SIZE",
    "NO_SPEECH_MAX",
    "UNSURE_LOGPROB",
    "GIBBERISH_LOGPROB",
    "COMPRESSION_MAX",
    "Transcript",
    "is_hallucination",
    "transcribe",
]

# Greedy decoding: beam 5 cost 28% more CPU on 11 min of dialogue for a word error rate
# of 5.8% instead of 6.2% with tiny.en, and none with base (README).
BEAM_SIZE = 1
# Voice-detected chunks (at most 30 s each) are decoded 4 at a time: 41% less CPU than one
# window after another on 165 s of dialogue, the same words (README).
BATCH_SIZE = 4
# Per-segment guards, measured with tiny.en (README): over 217 segments of 179 real Asterisk
# prompts no_speech_prob never passed 0.41 nor avg_logprob fell below -1.17, while
# Whisper's "Thank you." over instrumental music had 0.88 / -0.91.
NO_SPEECH_MAX = 0.5  # a segment more likely silence than speech...
UNSURE_LOGPROB = -0.5  # ...whose words Whisper is unsure of (mean token log-probability)
GIBBERISH_LOGPROB = -1.5  # words this unlikely are dropped whatever the silence score
COMPRESSION_MAX = 2.4  # text that gzip shrinks more than this is one phrase looping
# Whisper's own window-level thresholds (its defaults): a window failing them is skipped as
# silence. Greedy decoding only: the temperature fallbacks (5 samples each) changed no word
# on the prompts and cost 2.5-5x more on songs the voice detector lets through.
TEMPERATURES = (0.0,)
WINDOW_NO_SPEECH = 0.6
WINDOW_LOGPROB = -1.0
_NO_WORDS = re.compile(r"^[\W_♪]*$")  # only punctuation or music notes


@dataclass
class Transcript:
    """What was said: timed segments, and the language (detected on the first piece)."""

    segments: list[TextSegment] = field(default_factory=list)
    language: str | None = None
    language_probability: float | None = None
    dropped: int = 0  # segments thrown away as hallucinations

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


def is_hallucination(segment: Any) -> bool:
    """True if a faster-whisper segment is noise dressed as words, not speech: empty, only
    punctuation, looping (compression ratio), or silence Whisper is unsure of."""
    text = segment.text.strip()
    if not text or _NO_WORDS.match(text):
        return True
    if segment.compression_ratio > COMPRESSION_MAX:
        return True
    if segment.no_speech_prob > NO_SPEECH_MAX and segment.avg_logprob < UNSURE_LOGPROB:
        return True
    return segment.avg_logprob < GIBBERISH_LOGPROB


def _run(model: Any, piece: Piece, language: str | None, beam_size: int) -> tuple[Iterable, Any]:
    from faster_whisper import BatchedInferencePipeline  # the model is loaded: no new cost

    return BatchedInferencePipeline(model).transcribe(
        piece.samples,
        language=language,
        beam_size=beam_size,
        batch_size=BATCH_SIZE,
        vad_filter=True,  # chunks of voice only: music and noise never reach Whisper
        without_timestamps=False,  # segments of a sentence or two, not whole 30-s chunks
        condition_on_previous_text=False,  # a hallucination does not seed the next window
        temperature=list(TEMPERATURES),
        compression_ratio_threshold=COMPRESSION_MAX,
        log_prob_threshold=WINDOW_LOGPROB,
        no_speech_threshold=WINDOW_NO_SPEECH,
    )


def transcribe(
    model: Any,
    pieces: Iterable[Piece],
    *,
    beam_size: int = BEAM_SIZE,
    check_cancelled: Callable[[], None] = lambda: None,
) -> Transcript:
    """Transcribe ``pieces`` in order; segment times are the file's (piece start added).

    The language is detected on the first piece that has any voice and kept for the rest,
    so one film is one language and later pieces skip detection. ``check_cancelled`` runs
    before each piece and between segments.
    """
    out = Transcript()
    for piece in pieces:
        check_cancelled()
        if len(piece.samples) < SAMPLE_RATE // 10:
            continue
        segments, info = _run(model, piece, out.language, beam_size)
        kept = _keep(segments, piece.start, out, check_cancelled)
        if out.language is None and info.duration_after_vad > 0:
            out.language = info.language
            out.language_probability = float(info.language_probability)
        out.segments.extend(kept)
    return out


def _keep(
    segments: Iterable[Any], offset: float, out: Transcript, check: Callable[[], None]
) -> Iterator[TextSegment]:
    for seg in segments:  # a generator: each step decodes one more window
        check()
        if is_hallucination(seg):
            out.dropped += 1
            continue
        yield TextSegment(
            start=round(offset + float(seg.start), 2),
            end=round(offset + float(seg.end), 2),
            text=seg.text.strip(),
        )
