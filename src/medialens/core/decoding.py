"""The decoding context of one file: what its extractors share, decoded once.

Every extractor of a file runs on one :class:`FileContext`, so the audio is decoded once
(at the highest rate asked, others resampled from it), the keyframes chosen once and the
cover art read once, however many extractors ask. Everything goes through PyAV (FFmpeg
inside the wheel): it decodes audio of mp4/m4a without an ffmpeg program.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType

import av
import numpy as np
from av.audio.stream import AudioStream
from av.container import InputContainer

from medialens.api import AudioExcerpt, ExtractionCancelled, ExtractionResult, Keyframe, MediaFile
from medialens.core.keyframes import extract_keyframes
from medialens.core.probe import probe
from medialens.core.streams import best_audio, declared_duration, is_attached_pic, open_container

__all__ = [
    "AUDIO_DECODE_RATE",
    "AUDIO_EXCERPTS",
    "EXCERPT_COUNT",
    "EXCERPT_SECONDS",
    "MAX_AUDIO_SECONDS",
    "FileContext",
    "excerpt_starts",
]

MAX_AUDIO_SECONDS = 600.0
"""Longer files yield evenly spaced excerpts totalling this much audio."""
AUDIO_EXCERPTS = 20
"""How many excerpts a long file's audio is made of (20 x 30 s)."""
AUDIO_DECODE_RATE = 22050
"""The cached decode is at least this rate (unless the file's own rate is lower), so a first
request at a low rate (a waveform at 8 kHz) does not starve a later one at 22.05 kHz."""
EXCERPT_COUNT = 6
"""``ctx.audio_excerpts()``: how many excerpts (their middles at ``(i + 0.5) / 6`` of the
file, where musicnn's six patches of a track are)."""
EXCERPT_SECONDS = 10.0
"""``ctx.audio_excerpts()``: seconds an excerpt (an 8-s tempo window fits in one)."""
WHOLE_BELOW = 1.5
"""A file shorter than this many times the excerpts together gives one excerpt of all its
audio: decoding the excerpts alone would save little, and lose their context."""
LEVEL_READS = 200
"""The level pass (``ctx.audio_levels()``, ``ctx.audio_frame_levels()``) without a whole
decode: how many short reads, spread evenly over the file."""
LEVEL_SECONDS = 0.1
"""The level pass: seconds read in the middle of each of LEVEL_READS equal stretches."""
SEEK_PREROLL = 0.1
"""Seconds decoded and dropped before each excerpt or level read after a seek (the
decoder's warm-up: an MP3 frame right after a seek lacks the bits its reservoir holds in the
frames before it, and decodes too quiet)."""
_NO_SETTINGS: Mapping[str, object] = MappingProxyType({})


def excerpt_starts(duration: float) -> list[float] | None:
    """Where ``ctx.audio_excerpts()`` of a file of ``duration`` seconds starts each excerpt,
    or None when it gives all the audio as one excerpt (short or of unknown length)."""
    if not duration or duration < WHOLE_BELOW * EXCERPT_COUNT * EXCERPT_SECONDS:
        return None
    last = duration - EXCERPT_SECONDS
    middles = (np.arange(EXCERPT_COUNT) + 0.5) * duration / EXCERPT_COUNT
    return [float(min(max(m - EXCERPT_SECONDS / 2, 0.0), last)) for m in middles]


class FileContext:
    """The :class:`medialens.api.ExtractionContext` of one file.

    Decoded audio, keyframes and cover art are computed on first use, once, under a lock,
    and shared by every extractor of the file. Each computation opens its own container,
    so audio and keyframes may be computed by two threads at once.
    """

    def __init__(
        self,
        file: MediaFile,
        cache_dir: Path,
        results: Callable[[str], ExtractionResult | None],
        cancelled: Callable[[], bool] = lambda: False,
    ) -> None:
        self._file = file
        self._cache_dir = Path(cache_dir)
        self._results = results
        self._cancelled = cancelled
        self._audio_lock = threading.RLock()  # audio() in audio_excerpts()
        self._keyframes_lock = threading.Lock()
        self._cover_lock = threading.Lock()
        self._audio: dict[int, np.ndarray] = {}
        self._audio_rate: int | None = None  # rate of the one real decode
        self._excerpts: dict[tuple[int, float | None], tuple[AudioExcerpt, ...]] = {}
        self._excerpt_rate: int | None = None  # rate of the one decode of the excerpts
        self._levels_lock = threading.Lock()
        self._levels: tuple[int, list[np.ndarray]] | None = None
        self._levels_done = False
        self._keyframes: tuple[Keyframe, ...] | None = None
        self._cover: bytes | None = None
        self._cover_done = False
        self.audio_decodes = 0
        """How many times the file's audio was decoded: 0 or 1 (for tests and benchmarks)."""
        self.decoded_spans: tuple[tuple[float, float], ...] = ()
        """(start, seconds) of each stretch ``audio()`` decoded, once it was decoded."""
        self.excerpt_decodes = 0
        """How many times ``audio_excerpts()`` decoded excerpts itself: 0 or 1."""

    @classmethod
    def for_path(
        cls,
        path: Path,
        cache_dir: Path,
        results: Mapping[str, ExtractionResult] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        metadata: dict | None = None,
    ) -> FileContext:
        """Probe ``path`` and wrap it, outside any library (for tests, benchmarks, tools).

        ``results`` are what ``ctx.result(name)`` hands out; ``metadata`` replaces the
        probed metadata. The content id is a hash of the path: no library stores it.
        """
        path = Path(path)
        info = probe(path)
        file = MediaFile(
            content_id=hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16],
            path=path,
            kind=info.kind,
            duration=info.duration,
            size=path.stat().st_size,
            metadata=info.metadata if metadata is None else metadata,
        )
        return cls(file, cache_dir, dict(results or {}).get, cancelled)

    # -- ExtractionContext

    @property
    def file(self) -> MediaFile:
        return self._file

    @property
    def cache_dir(self) -> Path:
        return self._cache_dir

    def result(self, extractor: str) -> ExtractionResult | None:
        return self._results(extractor)

    @property
    def settings(self) -> Mapping[str, object]:
        """None here: each plugin's settings are added by the host around its own call."""
        return _NO_SETTINGS

    def check_cancelled(self) -> None:
        if self._cancelled():
            raise ExtractionCancelled(str(self._file.path))

    def audio(self, sample_rate: int) -> np.ndarray:
        """Mono float32 at ``sample_rate``; see :meth:`medialens.api.ExtractionContext.audio`."""
        sample_rate = int(sample_rate)
        if sample_rate <= 0:
            raise ValueError(f"sample_rate must be positive, not {sample_rate}")
        with self._audio_lock:
            cached = self._audio.get(sample_rate)
            if cached is not None:
                return cached
            if self._audio_rate is None:
                decoded, rate = self._decode_audio(sample_rate)
                self._audio_rate = rate
                self._audio[rate] = decoded
            base = self._audio[self._audio_rate]
            if sample_rate not in self._audio:
                self._audio[sample_rate] = _resample(base, self._audio_rate, sample_rate)
            return self._audio[sample_rate]

    def audio_excerpts(
        self, sample_rate: int, seconds: float | None = None
    ) -> Sequence[AudioExcerpt]:
        """See :meth:`medialens.api.ExtractionContext.audio_excerpts`.

        Cut from the whole decode when there is one; else the excerpts alone are decoded
        once (a seek to each), at ``sample_rate`` or at least AUDIO_DECODE_RATE, and other
        rates resampled from them (only the middle ``seconds`` of each, when asked).
        """
        sample_rate = int(sample_rate)
        if sample_rate <= 0:
            raise ValueError(f"sample_rate must be positive, not {sample_rate}")
        starts = excerpt_starts(self._file.duration or 0.0)
        if starts is None:
            samples = self.audio(sample_rate)
            return (AudioExcerpt(0.0, samples),) if len(samples) else ()
        if seconds is not None and not 0.0 < seconds < EXCERPT_SECONDS:
            seconds = None
        key = (sample_rate, seconds)
        with self._audio_lock:
            cached = self._excerpts.get(key)
            if cached is not None:
                return cached
            base, rate = self._base_excerpts(sample_rate, starts)
            if seconds is not None:
                base = tuple(middle_of(p, rate, seconds) for p in base)
            got = base if rate == sample_rate else _resample_parts(base, rate, sample_rate)
            self._excerpts[key] = got
            return got

    def _base_excerpts(
        self, sample_rate: int, starts: list[float]
    ) -> tuple[tuple[AudioExcerpt, ...], int]:
        """The excerpts as first decoded or cut (at their own rate), once (audio lock held)."""
        if self._excerpt_rate is None:
            whole = self._audio.get(self._audio_rate) if self._audio_rate else None
            if whole is not None and self._whole_from_start():
                rate = self._audio_rate or sample_rate
                decoded = self._cut(whole, rate, starts)
            else:
                decoded, rate = self._decode_excerpt_set(sample_rate, starts)
            self._excerpt_rate = rate
            self._excerpts[(rate, None)] = decoded
        return self._excerpts[(self._excerpt_rate, None)], self._excerpt_rate

    def _whole_from_start(self) -> bool:
        """Whether ``audio()`` decoded the file's audio from its start, unbroken (not the
        excerpts of a file over MAX_AUDIO_SECONDS), so excerpts can be cut from it."""
        return len(self.decoded_spans) == 1 and self.decoded_spans[0][0] == 0.0

    def audio_levels(self, count: int) -> np.ndarray:
        """See :meth:`medialens.api.ExtractionContext.audio_levels`."""
        count = int(count)
        if count <= 0:
            return np.zeros(0, dtype=np.float32)
        whole, rate = self._whole_samples()
        if whole is not None:
            if not len(whole):
                return np.zeros(0, dtype=np.float32)
            chunks = np.array_split(whole, count)
            return np.array(
                [
                    np.sqrt(np.mean(np.square(c, dtype=np.float64))) if len(c) else 0.0
                    for c in chunks
                ],
                dtype=np.float32,
            )
        reads = self._level_reads()
        if reads is None:  # short, or not seekable: from the whole decode
            self.audio(AUDIO_DECODE_RATE)
            return self.audio_levels(count)
        _, spots = reads
        if not spots:
            return np.zeros(0, dtype=np.float32)
        # Read j lies in stretch floor((j + 0.5) * count / reads): each bar pools its reads.
        bar = ((np.arange(len(spots)) + 0.5) * count / len(spots)).astype(int)
        squares = np.zeros(count)
        sizes = np.zeros(count)
        for b, spot in zip(bar, spots, strict=True):
            squares[b] += float(np.dot(spot, spot))
            sizes[b] += len(spot)
        empty = sizes == 0
        if empty.any():  # more bars than reads: each bar takes its nearest read's level
            nearest = np.minimum((np.arange(count) + 0.5) * len(spots) / count, len(spots) - 1)
            for b in np.flatnonzero(empty):
                spot = spots[int(nearest[b])]
                squares[b], sizes[b] = float(np.dot(spot, spot)), len(spot)
        return np.sqrt(squares / np.maximum(sizes, 1)).astype(np.float32)

    def audio_frame_levels(self, frame_seconds: float) -> np.ndarray:
        """See :meth:`medialens.api.ExtractionContext.audio_frame_levels`."""
        whole, rate = self._whole_samples()
        if whole is not None:
            return frame_rms([whole], rate or AUDIO_DECODE_RATE, frame_seconds)
        reads = self._level_reads()
        if reads is None:
            self.audio(AUDIO_DECODE_RATE)
            return self.audio_frame_levels(frame_seconds)
        rate, spots = reads
        return frame_rms(spots, rate, frame_seconds)

    def _whole_samples(self) -> tuple[np.ndarray | None, int | None]:
        """The whole decode and its rate, when ``audio()`` decoded all the file's audio."""
        with self._audio_lock:
            whole = self._audio.get(self._audio_rate) if self._audio_rate else None
            if whole is not None and self._whole_from_start():
                return whole, self._audio_rate
        return None, None

    def _level_reads(self) -> tuple[int, list[np.ndarray]] | None:
        """The level pass, read once: ``(rate, mono samples)`` of LEVEL_SECONDS in the
        middle of each of LEVEL_READS equal stretches of the file, at its own rate (a level
        needs no resampling); None when the file is too short for it to pay, or cannot seek
        (then levels come from the whole decode)."""
        with self._levels_lock:
            if not self._levels_done:
                self._levels = self._read_spots()
                self._levels_done = True
            return self._levels

    def _read_spots(self) -> tuple[int, list[np.ndarray]] | None:
        duration = float(self._file.duration or 0.0)
        try:
            with open_container(self._file.path) as container:
                stream = best_audio(container)
                if stream is None:
                    return 0, []
                if duration <= 0.0:
                    duration = declared_duration(container, stream) or 0.0
                if duration < 2 * LEVEL_READS * LEVEL_SECONDS:  # short: read it all
                    return None
                return self._spots_at(container, stream, duration)
        except av.FFmpegError:
            return None

    def keyframes(self) -> Sequence[Keyframe]:
        with self._keyframes_lock:
            if self._keyframes is None:
                self._keyframes = extract_keyframes(self._file, self.check_cancelled)
            return self._keyframes

    def cover_art(self) -> bytes | None:
        with self._cover_lock:
            if not self._cover_done:
                self._cover = self._read_cover_art()
                self._cover_done = True
            return self._cover

    def close(self) -> None:
        """Drop the decoded arrays; the context may still be used (it decodes again)."""
        with self._audio_lock:
            self._audio.clear()
            self._audio_rate = None
            self._excerpts.clear()
            self._excerpt_rate = None
        with self._levels_lock:
            self._levels, self._levels_done = None, False
        with self._keyframes_lock:
            self._keyframes = None
        with self._cover_lock:
            self._cover = None
            self._cover_done = False

    # -- audio

    def _decode_audio(self, requested: int) -> tuple[np.ndarray, int]:
        """Decode the audio stream once, at ``requested`` or at least AUDIO_DECODE_RATE."""
        empty = np.zeros(0, dtype=np.float32)
        with open_container(self._file.path) as container:
            stream = best_audio(container)
            if stream is None:
                return empty, requested
            native = int(stream.codec_context.sample_rate or requested)
            rate = max(requested, min(native, AUDIO_DECODE_RATE))
            self.audio_decodes += 1
            duration = self._file.duration or (declared_duration(container, stream) or 0.0)
            stream.codec_context.thread_type = "AUTO"
            if duration > MAX_AUDIO_SECONDS + 1.0:
                with suppress(av.FFmpegError):  # not seekable: the first ten minutes below
                    return self._decode_excerpts(container, stream, rate, duration), rate
            else:
                return self._decode_start(container, stream, rate, duration), rate
        # Afresh: a failed seek leaves the demuxer lost.
        with open_container(self._file.path) as container:
            stream = best_audio(container)
            assert stream is not None
            stream.codec_context.thread_type = "AUTO"
            return self._decode_start(container, stream, rate, duration), rate

    @staticmethod
    def _cut(whole: np.ndarray, rate: int, starts: list[float]) -> tuple[AudioExcerpt, ...]:
        size = int(EXCERPT_SECONDS * rate)
        return tuple(
            AudioExcerpt(start, whole[int(start * rate) : int(start * rate) + size])
            for start in starts
            if len(whole[int(start * rate) : int(start * rate) + size])
        )

    def _decode_excerpt_set(
        self, requested: int, starts: list[float]
    ) -> tuple[tuple[AudioExcerpt, ...], int]:
        """Decode only the excerpts at ``starts`` (a seek to each), each EXCERPT_SECONDS."""
        with open_container(self._file.path) as container:
            stream = best_audio(container)
            if stream is None:
                return (), requested
            native = int(stream.codec_context.sample_rate or requested)
            rate = max(requested, min(native, AUDIO_DECODE_RATE))
            stream.codec_context.thread_type = "AUTO"
            try:
                parts = self._decode_at(container, stream, rate, starts, EXCERPT_SECONDS, True)
            except av.FFmpegError:  # not seekable: cut them from the whole decode
                parts = None
        if parts is None:
            whole = self.audio(rate)
            return self._cut(whole, rate, starts), rate
        self.excerpt_decodes += 1
        return tuple(AudioExcerpt(s, p) for s, p in zip(starts, parts, strict=True) if len(p)), rate

    def _decode_at(
        self,
        container: InputContainer,
        stream: AudioStream,
        rate: int,
        starts: Sequence[float],
        seconds: float,
        batched: bool = False,
    ) -> list[np.ndarray]:
        """Seek to each of ``starts`` (seconds into the file) and decode ``seconds`` there."""
        time_base = stream.time_base
        assert time_base is not None, "an opened audio stream has a time base"
        offset = float(stream.start_time * time_base) if stream.start_time else 0.0
        parts = []
        for start in starts:
            self.check_cancelled()
            target = int(max(float(start) + offset - SEEK_PREROLL, 0.0) / time_base)
            container.seek(target, stream=stream, backward=True)
            parts.append(
                self._decode_span(
                    container, stream, rate, float(start) + offset, int(seconds * rate), batched
                )
            )
        return parts

    def _spots_at(
        self, container: InputContainer, stream: AudioStream, duration: float
    ) -> tuple[int, list[np.ndarray]]:
        time_base = stream.time_base
        assert time_base is not None, "an opened audio stream has a time base"
        offset = float(stream.start_time * time_base) if stream.start_time else 0.0
        rate = int(stream.codec_context.sample_rate or AUDIO_DECODE_RATE)
        spots: list[np.ndarray] = []
        for i in range(LEVEL_READS):
            self.check_cancelled()
            start = (i + 0.5) * duration / LEVEL_READS - LEVEL_SECONDS / 2
            target = max(start + offset - SEEK_PREROLL, 0.0)
            container.seek(int(target / time_base), stream=stream, backward=True)
            stream.codec_context.flush_buffers()
            got: list[np.ndarray] = []
            n, wanted = 0, int(LEVEL_SECONDS * rate)
            for packet in container.demux(stream):
                try:
                    frames = packet.decode()
                except av.FFmpegError:
                    continue
                for frame in frames:
                    if (
                        frame.time is not None
                        and frame.time + frame.samples / frame.sample_rate < start + offset
                    ):
                        continue  # before the stretch's middle (a seek lands on a keyframe)
                    mono = _mono(frame)
                    if frame.time is not None and not got:  # from the stretch's start
                        mono = mono[max(0, int((start + offset - frame.time) * rate)) :]
                    got.append(mono)
                    n += len(mono)
                if n >= wanted:
                    break
            spots.append(np.concatenate(got)[:wanted] if got else np.zeros(0))
        return rate, spots

    def _decode_start(
        self, container: InputContainer, stream: AudioStream, rate: int, duration: float
    ) -> np.ndarray:
        self.decoded_spans = ((0.0, min(duration, MAX_AUDIO_SECONDS)),)
        return self._decode_span(container, stream, rate, None, int(MAX_AUDIO_SECONDS * rate))

    def _decode_excerpts(
        self, container: InputContainer, stream: AudioStream, rate: int, duration: float
    ) -> np.ndarray:
        seconds = MAX_AUDIO_SECONDS / AUDIO_EXCERPTS
        starts = np.linspace(0.0, max(duration - seconds, 0.0), AUDIO_EXCERPTS).tolist()
        parts = self._decode_at(container, stream, rate, starts, seconds)
        self.decoded_spans = tuple((float(s), seconds) for s in starts)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)

    def _decode_span(
        self,
        container: InputContainer,
        stream: AudioStream,
        rate: int,
        start: float | None,
        max_samples: int,
        batched: bool = False,
    ) -> np.ndarray:
        """Decode from the current position: skip to ``start`` seconds, stop at max_samples.

        ``batched`` (the excerpts of ``audio_excerpts()``): after a seek, frames that end
        before ``start`` are dropped before the resampler sees them, and the rest go in
        batches, as from the start (a 10-s excerpt of a Vorbis track is ~700 frames: one
        resampler call each cost more than decoding them).

        Decoded from the start, frames are resampled in batches of about a second and a
        half of contiguous audio, not one by one: the resampler is a stream, so the samples
        are the same (bit for bit on the 68 real recordings checked), and decoding costs 18 %
        less CPU (a 4-minute Vorbis track's 10,000 frames each cost a resampler call).
        Excerpts (after a seek) still go frame by frame: the mp3 decoder's first frames
        there resample differently when joined.

        Stereo float frames are mixed down to mono here, as FFmpeg's resampler mixes them
        (each channel times sqrt(1/2)), before the resampler sees them: it then filters one
        channel, not two, and decoding a 4-minute Vorbis track costs 0.26 s less CPU
        (0.98 -> 0.72 s). The samples differ from FFmpeg's own downmix by rounding only
        (at most 2.4e-7 on the real tracks, see tests/core/test_media.py).
        """
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        chunks: list[np.ndarray] = []
        total = 0
        skip: int | None = None if start is not None else 0
        frames = 0
        batch = _Batch()

        def flush() -> None:
            nonlocal resampler, total
            big = batch.take()
            if big is None:
                return
            try:
                out = resampler.resample(big)
            except ValueError:  # the stream changed layout or rate mid-way
                resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
                out = resampler.resample(big)
            for o in out:
                chunk = o.to_ndarray().reshape(-1)
                chunks.append(chunk)
                total += len(chunk)

        try:
            for packet in container.demux(stream):
                try:
                    decoded = packet.decode()
                except av.FFmpegError:
                    continue  # one damaged packet: keep going
                for frame in decoded:
                    frames += 1
                    if frames % 64 == 0:
                        self.check_cancelled()
                    if (
                        batched
                        and skip is None
                        and start is not None
                        and frame.time is not None
                        and float(frame.time) + frame.samples / frame.sample_rate < start
                    ):
                        continue  # before the excerpt: not worth resampling
                    if skip is None:
                        t = float(frame.time) if frame.time is not None else start or 0.0
                        skip = max(0, round(((start or 0.0) - t) * rate))
                    if not batch.add(frame):
                        flush()
                        batch.add(frame)
                    if start is not None and not batched:
                        flush()  # after a seek (an excerpt): frame by frame, as it always was
                if batch.full:
                    flush()
                if total - (skip or 0) >= max_samples:
                    break
            else:
                flush()
                for o in resampler.resample(None):
                    chunks.append(o.to_ndarray().reshape(-1))
        except av.FFmpegError:
            pass  # truncated tail: keep what decoded
        flush()
        if not chunks:
            return np.zeros(0, dtype=np.float32)
        samples = np.concatenate(chunks)[(skip or 0) :][:max_samples]
        return np.clip(samples, -1.0, 1.0).astype(np.float32, copy=False)

    def _read_cover_art(self) -> bytes | None:
        try:
            with open_container(self._file.path) as container:
                for stream in container.streams.video:
                    if not is_attached_pic(stream):
                        continue
                    for packet in container.demux(stream):
                        data = bytes(packet)
                        if data:
                            return data
                        break
        except av.FFmpegError:
            return None
        return None


class _Batch:
    """Decoded audio frames of one format, layout and rate, joined into one frame.

    Each frame's planes are kept as arrays over its own buffers (what ``to_ndarray`` does,
    without its per-frame ``vstack``: that copy cost a 4-minute track 0.2 s of CPU) and
    joined once a batch, plane by plane.
    """

    SAMPLES = 1 << 16

    def __init__(self) -> None:
        self._planes: list[list[np.ndarray]] = []
        self._key: tuple[str, str, int] | None = None
        self._dtype: np.dtype | None = None
        self._packed = 1  # samples a plane holds per sample of the frame (channels if packed)
        self._pts: int | None = None
        self._time_base: Fraction | None = None
        self._next: int | None = None  # the pts a frame that follows on has
        self._ticks = 0  # time-base units a sample
        self.samples = 0

    @property
    def full(self) -> bool:
        return self.samples >= self.SAMPLES

    def add(self, frame: av.AudioFrame) -> bool:
        """Keep ``frame``; False (and nothing kept) when its format differs from the batch's
        or it does not start where the batch ends (a gap or an overlap in the timestamps,
        which the resampler sees as they are)."""
        pts, samples = frame.pts, frame.samples
        if self._key is not None:
            if pts is None or pts != self._next or frame.sample_rate != self._key[2]:
                return False
            if frame.format.name != self._key[0] or frame.layout.name != self._key[1]:
                return False
        else:
            rate = int(frame.sample_rate)
            fmt = frame.format
            self._key = (fmt.name, frame.layout.name, rate)
            self._pts, self._time_base = pts, frame.time_base
            ticks = 1 / (rate * self._time_base) if self._time_base else Fraction(0)
            self._ticks = int(ticks) if ticks.denominator == 1 else 0
            dtype = _DTYPES.get(fmt.name)
            self._dtype = None if dtype is None else np.dtype(dtype)
            self._packed = 1 if fmt.is_planar else frame.layout.nb_channels
            self._planes = []
        if self._dtype is None:  # a format numpy cannot hold: PyAV says why
            planes = list(frame.to_ndarray())
        else:
            count = samples * self._packed
            # A plane is a buffer (PyAV's stubs do not say so); to_ndarray reads it the same way.
            planes = [
                np.frombuffer(p, dtype=self._dtype, count=count)  # type: ignore[call-overload]
                for p in frame.planes
            ]
        if not self._planes:
            self._planes = [[] for _ in planes]
        for kept, plane in zip(self._planes, planes, strict=True):
            kept.append(plane)
        self.samples += samples
        self._next = pts + samples * self._ticks if pts is not None and self._ticks else None
        return True

    def take(self) -> av.AudioFrame | None:
        """The kept frames as one frame (None when there are none), and an empty batch."""
        if self._key is None:
            return None
        fmt, layout, rate = self._key
        planes = [p[0] if len(p) == 1 else np.concatenate(p) for p in self._planes]
        if layout == "stereo" and fmt in _FLOAT_FORMATS:
            data, layout = _downmix(planes, fmt), "mono"  # the same format, one channel
        else:
            data = np.stack(planes)
        big = av.AudioFrame.from_ndarray(np.ascontiguousarray(data), format=fmt, layout=layout)
        big.sample_rate = rate
        if self._pts is not None and self._time_base is not None:
            big.pts, big.time_base = self._pts, self._time_base
        self._planes, self._key, self._pts, self._time_base, self.samples = [], None, None, None, 0
        return big


_DTYPES = {"dbl": "f8", "dblp": "f8", "flt": "f4", "fltp": "f4", "s16": "i2", "s16p": "i2"}
_DTYPES |= {"s32": "i4", "s32p": "i4", "u8": "u1", "u8p": "u1"}  # PyAV's own table
_FLOAT_FORMATS = frozenset({"flt", "fltp"})
_HALF_POWER = np.float32(np.sqrt(0.5))


def _downmix(planes: list[np.ndarray], fmt: str) -> np.ndarray:
    """Stereo float samples (two planes, or one of interleaved pairs) as ``[1, n]`` mono,
    mixed as FFmpeg's resampler mixes stereo to mono (left and right times sqrt(1/2),
    no normalisation for float output)."""
    if fmt == "fltp":
        left, right = planes
    else:
        left, right = planes[0][0::2], planes[0][1::2]
    mono = left * _HALF_POWER
    mono += right * _HALF_POWER
    return mono[None, :]


def _resample(samples: np.ndarray, source_rate: int, target_rate: int) -> np.ndarray:
    """Resample cached mono float32 audio with FFmpeg's resampler (no second decode)."""
    if source_rate == target_rate or len(samples) == 0:
        return samples
    resampler = av.AudioResampler(format="flt", layout="mono", rate=target_rate)
    chunks: list[np.ndarray] = []
    step = 1 << 16
    for i in range(0, len(samples), step):
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(samples[None, i : i + step]), format="flt", layout="mono"
        )
        frame.sample_rate = source_rate
        frame.pts = i
        frame.time_base = Fraction(1, source_rate)
        chunks.extend(o.to_ndarray().reshape(-1) for o in resampler.resample(frame))
    chunks.extend(o.to_ndarray().reshape(-1) for o in resampler.resample(None))
    out = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    expected = int(round(len(samples) * target_rate / source_rate))
    if len(out) < expected:
        out = np.pad(out, (0, expected - len(out)))
    return np.clip(out[:expected], -1.0, 1.0).astype(np.float32, copy=False)


def middle_of(part: AudioExcerpt, rate: int, seconds: float) -> AudioExcerpt:
    """The middle ``seconds`` of an excerpt (its start moved to match)."""
    size = int(round(seconds * rate))
    first = max(0, (len(part.samples) - size) // 2)
    return AudioExcerpt(part.start + first / rate, part.samples[first : first + size])


def _resample_parts(
    parts: tuple[AudioExcerpt, ...], source_rate: int, target_rate: int
) -> tuple[AudioExcerpt, ...]:
    return tuple(
        AudioExcerpt(p.start, _resample(p.samples, source_rate, target_rate)) for p in parts
    )


def frame_rms(parts: Sequence[np.ndarray], rate: int, frame_seconds: float) -> np.ndarray:
    """Hann-weighted RMS of frames of ``frame_seconds`` (hop a quarter of that) within each
    of ``parts``, as float32: ``sqrt(sum(w^2 x^2) / sum(w^2))`` (a short part is one frame)."""
    size = max(2, int(round(frame_seconds * rate)))
    hop = max(1, size // 4)
    w2 = np.square(np.hanning(size + 2)[1:-1])
    out = []
    for part in parts:
        x = np.asarray(part, dtype=np.float64)
        if not len(x):
            continue
        if len(x) < size:
            x = np.pad(x, (0, size - len(x)))
        squares = np.lib.stride_tricks.sliding_window_view(np.square(x), size)[::hop]
        out.append(np.sqrt(squares @ w2 / w2.sum()))
    return np.concatenate(out).astype(np.float32) if out else np.zeros(0, dtype=np.float32)


def _mono(frame: av.AudioFrame) -> np.ndarray:
    """A decoded frame's samples as mono float64 in [-1, 1], mixed as FFmpeg mixes stereo
    (each channel times sqrt(1/channels))."""
    fmt = frame.format
    data = frame.to_ndarray()
    if not fmt.is_planar:
        data = data.reshape(-1, frame.layout.nb_channels or 1).T
    scale = _INT_SCALE.get(fmt.name.rstrip("p"))
    mono = data.astype(np.float64).sum(axis=0)
    if scale is not None:
        mono = (mono - data.shape[0] * scale[0]) / scale[1]
    return mono * np.sqrt(1.0 / max(data.shape[0], 1))


_INT_SCALE = {"s16": (0.0, 32768.0), "s32": (0.0, 2147483648.0), "u8": (128.0, 128.0)}
