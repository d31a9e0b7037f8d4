"""Which streams of a container are the media, and how long they last, as FFmpeg declares it.

Probing, audio decoding and the keyframe choice must agree on the stream they mean (the
default-flagged audio, the largest moving picture that is not cover art or text), so the
choice lives here once and all three ask it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

import av
from av.audio.stream import AudioStream
from av.container import InputContainer
from av.stream import Disposition
from av.video.stream import VideoStream

# Demuxers that turn text files into "video" (ANSI art and the like).
_TEXT_CODECS = frozenset({"ansi", "bintext", "xbin", "idf", "tty"})


@contextmanager
def open_container(path: Path) -> Iterator[InputContainer]:
    """Open ``path`` for reading and close it after; each use has its own demuxer."""
    container = av.open(str(path), metadata_errors="replace")
    try:
        yield container
    finally:
        container.close()


def is_attached_pic(stream: av.stream.Stream) -> bool:
    return bool(stream.disposition & Disposition.attached_pic)


def best_audio(container: InputContainer) -> AudioStream | None:
    streams = [s for s in container.streams.audio if s.codec_context is not None]
    if not streams:
        return None
    # The default-flagged stream first, then the one with most channels.
    return max(
        streams,
        key=lambda s: (bool(s.disposition & Disposition.default), s.codec_context.channels or 0),
    )


def real_video(container: InputContainer) -> VideoStream | None:
    """The main moving-picture stream: not cover art, not text rendered as video."""
    if container.format.name == "tty":
        return None
    candidates = [
        s
        for s in container.streams.video
        if not is_attached_pic(s)
        and s.codec_context is not None
        and s.codec_context.name not in _TEXT_CODECS
        and (s.codec_context.width or 0) > 0
    ]
    if not candidates:
        return None
    fmt = container.format.name
    if fmt == "image2" or fmt.endswith("_pipe"):
        return None  # image demuxers: a lone picture (or an image sequence we do not play)
    return max(
        candidates,
        key=lambda s: (
            bool(s.disposition & Disposition.default),
            (s.codec_context.width or 0) * (s.codec_context.height or 0),
        ),
    )


def declared_duration(container: InputContainer, stream: AudioStream | VideoStream) -> float | None:
    """What a player shows: the container's duration, else the stream's."""
    if container.duration is not None and container.duration > 0:
        return container.duration / av.time_base
    if stream.duration is not None and stream.time_base is not None and stream.duration > 0:
        return float(stream.duration * stream.time_base)
    return None


def fraction_to_float(value: Fraction | int | float | None) -> float | None:
    if value is None:
        return None
    try:
        result = float(value)
    except (TypeError, ZeroDivisionError):
        return None
    return result if math.isfinite(result) and result > 0 else None
