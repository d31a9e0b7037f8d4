"""The whole sound track of a long file, at 16 kHz mono, a piece at a time.

``ctx.audio()`` gives files over ten minutes as evenly spaced excerpts, so a transcript's
times would be wrong and most of what is said missing. For those files this module decodes
the audio stream itself with PyAV. It streams: samples are resampled as packets are
demuxed and handed out in pieces of a few minutes, each cut at the quietest moment near its
end so no word is split, so an hour of audio never sits in memory at once (a piece of five
minutes is 19 MB of float32). When the speech spans are known, only the stretches around
them are decoded: the demuxer seeks to each group of spans and stops after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "SAMPLE_RATE",
    "PIECE_SECONDS",
    "Piece",
    "quiet_cut",
    "stream_pieces",
    "span_groups",
    "mask_outside",
]

SAMPLE_RATE = 16000  # what Whisper was trained on
PIECE_SECONDS = 300.0  # five minutes: Whisper reads 30-s windows, a piece holds ten of them
CUT_SEARCH_SECONDS = 20.0  # where the end of a piece is looked for: its last 20 s...
CUT_FRAME = 0.2  # the quietest 200 ms in that stretch is where the piece ends
GROUP_GAP = 30.0  # spans closer than this are decoded in one go (a seek costs a keyframe)
SPAN_PAD = 0.5  # seconds kept either side of a speech span, for the first and last word


@dataclass(frozen=True)
class Piece:
    """``samples`` (mono float32 at 16 kHz) that start ``start`` seconds into the file."""

    start: float
    samples: np.ndarray

    @property
    def end(self) -> float:
        return self.start + len(self.samples) / SAMPLE_RATE


def quiet_cut(samples: np.ndarray, rate: int = SAMPLE_RATE) -> int:
    """Where to end a piece: the middle of its quietest 200 ms in the last 20 s (in its
    second half, so a piece is never cut down to a sliver)."""
    frame = max(1, int(CUT_FRAME * rate))
    lo = max(len(samples) // 2, len(samples) - int(CUT_SEARCH_SECONDS * rate))
    tail = samples[lo:]
    n = len(tail) // frame
    if n < 2:
        return len(samples)
    energy = np.square(tail[: n * frame].reshape(n, frame), dtype=np.float64).mean(axis=1)
    return lo + int(np.argmin(energy)) * frame + frame // 2


def span_groups(
    spans: Sequence[Sequence[float]], duration: float, max_seconds: float = PIECE_SECONDS
) -> list[tuple[float, float]]:
    """Stretches to decode for ``spans`` (padded, clipped to the file): spans closer than
    GROUP_GAP share one, and none is longer than ``max_seconds``."""
    padded = sorted(
        (max(0.0, float(s) - SPAN_PAD), min(duration, float(e) + SPAN_PAD))
        for s, e in spans
        if float(e) > float(s)
    )
    groups: list[list[float]] = []
    for s, e in padded:
        if groups and s - groups[-1][1] < GROUP_GAP and e - groups[-1][0] <= max_seconds:
            groups[-1][1] = max(groups[-1][1], e)
        else:
            groups.append([s, e])
    out: list[tuple[float, float]] = []
    for s, e in groups:  # one span longer than a piece: split it evenly
        n = max(1, int(np.ceil((e - s) / max_seconds)))
        step = (e - s) / n
        out.extend((s + i * step, s + (i + 1) * step) for i in range(n))
    return [(s, e) for s, e in out if e > s]


def mask_outside(
    samples: np.ndarray, start: float, spans: Sequence[Sequence[float]], rate: int = SAMPLE_RATE
) -> np.ndarray:
    """A copy of ``samples`` (which start at ``start`` s) silenced outside the padded spans,
    so the voice detector drops them and the times of what is left do not move."""
    keep = np.zeros(len(samples), dtype=bool)
    for s, e in spans:
        a = max(0, int((float(s) - SPAN_PAD - start) * rate))
        b = min(len(samples), int((float(e) + SPAN_PAD - start) * rate))
        if b > a:
            keep[a:b] = True
    return np.where(keep, samples, np.float32(0.0)).astype(np.float32, copy=False)


def _resampler():
    import av

    return av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)


def _decode(
    container, stream, start: float, end: float | None, check: Callable[[], None]
) -> Iterator[np.ndarray]:
    """Mono 16 kHz chunks from ``start`` s to ``end`` s (None: the end of the stream), from
    the container's current position; earlier samples (after a seek) are skipped."""
    import av

    resampler = _resampler()
    at: float | None = None  # the file time of the next sample handed out
    packets = 0
    try:
        for packet in container.demux(stream):
            packets += 1
            if packets % 256 == 0:
                check()
            try:
                frames = packet.decode()
            except av.FFmpegError:
                continue  # one damaged packet: keep going
            for frame in frames:
                if at is None:
                    at = float(frame.time) if frame.time is not None else start
                try:
                    out = resampler.resample(frame)
                except ValueError:  # the stream changed layout or rate mid-way
                    resampler = _resampler()
                    out = resampler.resample(frame)
                for o in out:
                    chunk = o.to_ndarray().reshape(-1)
                    chunk_start, at = at, at + len(chunk) / SAMPLE_RATE
                    if at <= start:
                        continue
                    lo = max(0, int(round((start - chunk_start) * SAMPLE_RATE)))
                    if end is not None and at >= end:
                        yield chunk[lo : int(round((end - chunk_start) * SAMPLE_RATE))]
                        return
                    yield chunk[lo:]
        if at is not None:
            for o in resampler.resample(None):
                yield o.to_ndarray().reshape(-1)
    except av.FFmpegError:
        return  # a truncated tail: keep what decoded


def _pieces(chunks: Iterator[np.ndarray], start: float, max_seconds: float) -> Iterator[Piece]:
    """Gather ``chunks`` into pieces of about ``max_seconds``, each cut at a quiet moment."""
    limit = int(max_seconds * SAMPLE_RATE)
    buffer: list[np.ndarray] = []
    held = 0
    for chunk in chunks:
        buffer.append(chunk)
        held += len(chunk)
        if held >= limit:
            samples = np.concatenate(buffer)
            cut = quiet_cut(samples)
            yield Piece(start, np.clip(samples[:cut], -1.0, 1.0))
            start += cut / SAMPLE_RATE
            rest = samples[cut:]
            buffer, held = [rest], len(rest)
    if held:
        yield Piece(start, np.clip(np.concatenate(buffer), -1.0, 1.0))


def stream_pieces(
    path: Path,
    spans: Sequence[Sequence[float]] | None = None,
    *,
    duration: float = 0.0,
    max_seconds: float = PIECE_SECONDS,
    check_cancelled: Callable[[], None] = lambda: None,
) -> Iterator[Piece]:
    """The file's best audio stream as 16 kHz mono pieces of at most about ``max_seconds``.

    With ``spans`` ([[start, end], ...] seconds of speech over the whole file) only the
    stretches around them are decoded, silenced between spans (:func:`mask_outside`).
    Nothing is yielded for a file without audio.
    """
    import av

    with av.open(str(path)) as container:
        if not container.streams.audio:
            return
        stream = container.streams.best("audio")
        if stream is None:
            return
        stream.thread_type = "AUTO"
        if spans is None:
            yield from _pieces(
                _decode(container, stream, 0.0, None, check_cancelled), 0.0, max_seconds
            )
            return
        time_base = stream.time_base
        offset = float(stream.start_time * time_base) if stream.start_time and time_base else 0.0
        for s, e in span_groups(spans, duration or float("inf"), max_seconds):
            check_cancelled()
            if time_base is not None:
                container.seek(int((s + offset) / time_base), stream=stream, backward=True)
            chunks = list(_decode(container, stream, s + offset, e + offset, check_cancelled))
            if chunks:
                samples = np.clip(np.concatenate(chunks), -1.0, 1.0)
                yield Piece(s, mask_outside(samples, s, spans))
