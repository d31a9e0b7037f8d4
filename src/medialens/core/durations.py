"""How long a file really plays: its declared duration, checked against what is there.

A damaged file declares what its header says: a truncated MP3 keeps its Xing header's
three minutes, a FLAC header glued to a few kilobytes claims a day, a forged WAV or MP4
field claims 10^13 s. Stored as is, such a figure breaks sorting, the taste model's
"played to the end" and every "N hours of music" total. So a declared duration is kept
only when the bytes could hold it (:func:`plausible_limit`, from the lowest bitrate real
encoders use) and the stream really reaches near its end (:func:`reaches_end`, one seek
and a few packets). Otherwise the duration is measured from the packets themselves
(:func:`measured`), and a file whose packets cannot tell either is not counted as media.
"""

from __future__ import annotations

from dataclasses import dataclass

import av
from av.audio.stream import AudioStream
from av.container import InputContainer
from av.video.stream import VideoStream

from medialens.core.streams import fraction_to_float

# The lowest bitrates real files use: AMR-NB speech is 4.75 kbit/s, so 4 kbit/s for
# compressed audio; a slideshow-like video can go lower, so 1 kbit/s for video.
MIN_AUDIO_BITRATE = 4_000
MIN_VIDEO_BITRATE = 1_000
SLACK_SECONDS = 1.0
# A declared end the stream does not reach: the last packets near it are before this
# fraction of the declared duration (a truncated file whose header survived).
REACH = 0.5
# The work the end check may do after its seek (a seek lands on the keyframe before the
# target, which may be the very first one): past it the check trusts the declared value.
_END_PACKETS = 4000
_END_BYTES = 8 << 20


@dataclass(frozen=True)
class Checked:
    """A duration and, when the declared one was not kept, why (for the probe metadata)."""

    seconds: float | None
    problem: str | None = None


def plausible_limit(size: int, stream: AudioStream | VideoStream) -> float:
    """The longest a file of ``size`` bytes can play with this stream, in seconds.

    Uncompressed PCM is exact (bytes per second from the sample format); anything else is
    bounded by the lowest bitrate an encoder of its kind produces.
    """
    if isinstance(stream, AudioStream):
        cc = stream.codec_context
        name = cc.name or ""
        if name.startswith("pcm_") and cc.sample_rate and cc.channels:
            bits = _pcm_bits(name)
            if bits:
                return size / (cc.sample_rate * cc.channels * bits / 8) * 1.05 + SLACK_SECONDS
        return size * 8 / MIN_AUDIO_BITRATE + SLACK_SECONDS
    return size * 8 / MIN_VIDEO_BITRATE + SLACK_SECONDS


def _pcm_bits(codec: str) -> int | None:
    for bits in (8, 16, 24, 32, 64):
        if f"{bits}" in codec.split("_")[1]:
            return bits
    return None


def reaches_end(
    container: InputContainer, stream: AudioStream | VideoStream, declared: float
) -> bool:
    """Whether the stream has packets near its declared end (one seek, then packets up to
    :data:`REACH` of it, within a budget).

    True when it cannot be told cheaply (no time base, a container that cannot seek):
    then the declared duration is trusted as before, the bitrate bound still applies.
    """
    if stream.time_base is None or declared <= 2 * SLACK_SECONDS:
        return True
    start = float(stream.start_time * stream.time_base) if stream.start_time else 0.0
    target = start + declared * 0.9
    try:
        container.seek(int(target / stream.time_base), stream=stream, backward=True)
    except (av.FFmpegError, OSError, OverflowError, ValueError):
        return True
    read = 0
    try:
        for n, packet in enumerate(container.demux(stream)):
            t = None if packet.pts is None else float(packet.pts * stream.time_base) - start
            if packet.size and t is not None and t >= declared * REACH:
                return True
            read += packet.size
            if n >= _END_PACKETS or read >= _END_BYTES:
                return True  # inconclusive: the bitrate bound still holds
    except (av.FFmpegError, OSError):
        pass
    return False


def measured(path: str, index: int, first_time: float | None) -> tuple[float | None, float | None]:
    """(span of the packet timestamps, sum of the packet durations) of one stream, by
    demuxing it to the end without decoding (or the packet count over the frame rate for
    an elementary stream with no timestamps). Either is None when the packets do not say.
    """
    start = end = None
    total = 0.0
    packets = 0
    try:
        container = av.open(path, metadata_errors="replace")
    except (av.FFmpegError, OSError, ValueError):
        return None, None
    try:
        stream = container.streams[index]
        for packet in container.demux(stream):
            if not packet.size:
                continue
            packets += 1
            if packet.pts is None or packet.time_base is None:
                continue
            t0 = float(packet.pts * packet.time_base)
            step = float((packet.duration or 0) * packet.time_base)
            total += step
            start = t0 if start is None else min(start, t0)
            end = t0 + step if end is None else max(end, t0 + step)
    except (av.FFmpegError, OSError):
        pass
    finally:
        container.close()
    if end is not None:
        span = end - (start if start is not None else (first_time or 0.0))
        return span, total or None
    if isinstance(stream, VideoStream) and packets:
        rate = fraction_to_float(stream.average_rate) or fraction_to_float(stream.guessed_rate)
        return (packets / rate if rate else None), None
    return None, None


def checked(
    container: InputContainer,
    stream: AudioStream | VideoStream,
    path: str,
    size: int,
    declared: float | None,
    first_time: float | None,
) -> Checked:
    """The duration to store: the declared one when plausible and reached, else measured."""
    limit = plausible_limit(size, stream)
    problem = None
    if declared is not None and declared > 0:
        if declared > limit:
            problem = f"declares {declared:.6g} s, more than {size} bytes can hold"
        elif not reaches_end(container, stream, declared):
            problem = f"declares {declared:.6g} s but its packets stop well before"
        else:
            return Checked(declared)
    span, total = measured(path, stream.index, first_time)
    for value in (span, total):
        if value is not None and 0 < value <= limit:
            return Checked(value, problem)
    if problem is None and declared is None:
        problem = "declares no duration and its packets do not tell one"
    elif problem is None:
        problem = "its duration cannot be told"
    return Checked(None, problem)
