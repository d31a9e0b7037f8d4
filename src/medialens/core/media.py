"""Media probing and the per-file decoding context handed to extractors.

Everything here goes through PyAV (FFmpeg inside the wheel): it opens any container,
decodes audio of mp4/m4a without an ffmpeg program, and decodes single keyframes in a few
milliseconds, where frame-exact seeking with OpenCV costs 0.1-0.45 s a frame.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import Any

import av
import numpy as np
from av.audio.stream import AudioStream
from av.container import InputContainer
from av.stream import Disposition
from av.video.stream import VideoStream

from medialens.api import (
    ExtractionCancelled,
    ExtractionResult,
    Keyframe,
    MediaFile,
    MediaKind,
)

__all__ = [
    "MAX_AUDIO_SECONDS",
    "AUDIO_EXCERPTS",
    "AUDIO_DECODE_RATE",
    "NotMedia",
    "ProbeInfo",
    "probe",
    "music_tags",
    "MUSIC_FIELDS",
    "FileContext",
]

MAX_AUDIO_SECONDS = 600.0
"""Longer files yield evenly spaced excerpts totalling this much audio."""
AUDIO_EXCERPTS = 20
"""How many excerpts a long file's audio is made of (20 x 30 s)."""
AUDIO_DECODE_RATE = 22050
"""The cached decode is at least this rate (unless the file's own rate is lower), so a first
request at a low rate (a waveform at 8 kHz) does not starve a later one at 22.05 kHz."""

KEYFRAME_SEEKS = 16
MAX_KEYFRAMES = 8
KEYFRAME_MAX_WIDTH = 640

# A frame whose 98th-percentile luma (0-255) is below this is black (fades, gaps); the
# percentile, not the mean, so night and space scenes with a few bright objects survive.
_BLACK_LUMA = 40.0
# A frame is blurred when its Laplacian variance is below this share of the median of the
# other candidates (motion blur, cross-fades), or below an absolute floor (flat colour cards).
_BLUR_RATIO = 0.2
_BLUR_FLOOR = 4.0
# dHash Hamming distance at or below which two frames count as the same shot.
_DUPLICATE_BITS = 8

# Packets read while looking for a decodable frame: bounds the work on garbage.
_PROBE_PACKETS = 48
_PROBE_ERRORS = 4
_SEEK_PACKETS = 240

# Codecs that encode still pictures: a stream of one of them is a video only when it
# really moves (motion JPEG in AVI/MOV, animated GIF), never a lone picture.
_IMAGE_CODECS = frozenset(
    {
        "mjpeg",
        "jpegls",
        "jpeg2000",
        "jpegxl",
        "png",
        "apng",
        "bmp",
        "gif",
        "webp",
        "tiff",
        "targa",
        "ppm",
        "pgm",
        "pgmyuv",
        "pbm",
        "pam",
        "sgi",
        "dpx",
        "exr",
        "hdr",
        "qoi",
        "psd",
        "xbm",
        "xpm",
        "xwd",
        "pcx",
        "sunrast",
        "photocd",
        "pictor",
        "dds",
        "ico",
    }
)
# Demuxers that turn text files into "video" (ANSI art and the like).
_TEXT_CODECS = frozenset({"ansi", "bintext", "xbin", "idf", "tty"})
_TAG_LIMIT = 2000  # characters kept of one tag value (lyrics can be long)
_LANGUAGE_SUFFIX = re.compile(r"-[a-z]{3}$")  # MP4 "title-eng"
# Tags muxers write about themselves, not about the content.
_TECHNICAL_TAGS = frozenset(
    {
        "encoder",
        "encoded_by",
        "encoder_options",
        "software",
        "major_brand",
        "minor_version",
        "compatible_brands",
        "handler_name",
        "vendor_id",
        "language",
        "duration",
        "timecode",
        "itunsmpb",
        "itunnorm",
        "itunes_cddb_1",
        "com.apple.quicktime.make",
    }
)


class NotMedia(Exception):
    """The file is not playable audio or video; ``str()`` is a reason fit to show a user."""


@dataclass(frozen=True)
class ProbeInfo:
    """What :func:`probe` learnt about a media file. ``metadata`` is JSON-serialisable."""

    kind: MediaKind
    duration: float
    container: str
    metadata: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- probing


def probe(path: Path) -> ProbeInfo:
    """Tell whether ``path`` is audio or video, and describe it.

    A file is media when FFmpeg opens it, it has an audio stream or a moving video stream
    (not a still picture, cover art or text), a first frame decodes and it lasts more than
    zero seconds. Raises :class:`NotMedia` with a reason otherwise. Reads a few packets
    only, so garbage fails fast and nothing can hang.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise NotMedia(f"unreadable: {exc.strerror or exc}") from exc
    if size == 0:
        raise NotMedia("empty file")
    try:
        container = av.open(str(path), metadata_errors="replace")
    except av.FFmpegError as exc:
        raise NotMedia(_open_failure_reason(path)) from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise NotMedia(f"unreadable: {exc}") from exc
    with container:
        if not isinstance(container, InputContainer):  # pragma: no cover - av.open(read)
            raise NotMedia("not an audio or video file (no decodable stream)")
        return _probe_open(container, path)


# Leading bytes of containers FFmpeg would open if they were whole.
_MAGIC = (
    (4, b"ftyp", "MP4/MOV"),
    (0, b"\x1a\x45\xdf\xa3", "Matroska/WebM"),
    (0, b"RIFF", "RIFF (AVI/WAV)"),
    (0, b"OggS", "Ogg"),
    (0, b"fLaC", "FLAC"),
    (0, b"ID3", "MP3"),
    (0, b"\x30\x26\xb2\x75", "ASF/WMV"),
)


def _open_failure_reason(path: Path) -> str:
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        head = b""
    for offset, magic, name in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return f"truncated or damaged {name} file: FFmpeg cannot open it"
    return "not an audio or video file (unrecognised format)"


def _probe_open(container: InputContainer, path: Path) -> ProbeInfo:
    fmt = container.format.name
    audio = _best_audio(container)
    video = _real_video(container)
    if audio is None and video is None:
        raise NotMedia("not an audio or video file (no decodable stream)")

    kind: MediaKind = "video" if video is not None else "audio"
    primary: AudioStream | VideoStream = video if video is not None else audio  # type: ignore[assignment]
    first_time, moving = _first_frames(container, primary, need_motion=video is not None)
    if video is not None and not moving and video.codec_context.name in _IMAGE_CODECS:
        if audio is None:
            raise NotMedia("a still image, not a video")
        kind, primary = "audio", audio  # a picture with a soundtrack plays as audio
        with suppress(av.FFmpegError):
            container.seek(0)
        first_time, _ = _first_frames(container, audio, need_motion=False)

    duration = _duration(container, primary)
    if duration is None:
        duration = _duration_from_packets(path, primary.index, first_time)
    if not duration or duration <= 0 or not math.isfinite(duration):
        raise NotMedia("truncated: no playable duration")

    name = _container_name(fmt, path)
    metadata = _describe(container, audio, video if kind == "video" else None, duration, name)
    return ProbeInfo(kind=kind, duration=duration, container=name, metadata=metadata)


def _container_name(fmt: str, path: Path) -> str:
    """FFmpeg names demuxers by family ("mov,mp4,m4a,..."); prefer the member the file claims."""
    names = fmt.split(",")
    ext = path.suffix.lower().lstrip(".")
    return ext if ext in names else names[0]


def _is_attached_pic(stream: av.stream.Stream) -> bool:
    return bool(stream.disposition & Disposition.attached_pic)


def _best_audio(container: InputContainer) -> AudioStream | None:
    streams = [s for s in container.streams.audio if s.codec_context is not None]
    if not streams:
        return None
    # The default-flagged stream first, then the one with most channels.
    return max(
        streams,
        key=lambda s: (bool(s.disposition & Disposition.default), s.codec_context.channels or 0),
    )


def _real_video(container: InputContainer) -> VideoStream | None:
    """The main moving-picture stream: not cover art, not text rendered as video."""
    if container.format.name == "tty":
        return None
    candidates = [
        s
        for s in container.streams.video
        if not _is_attached_pic(s)
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


def _first_frames(
    container: InputContainer, stream: AudioStream | VideoStream, *, need_motion: bool
) -> tuple[float | None, bool]:
    """Decode the first frames: three of an audio stream, two of a video stream.

    Returns the first frame's time and whether a second frame with a later time decoded
    (a moving stream, not a still picture). Garbage often yields one lucky "frame" among
    errors, so decoding must succeed more often than it fails. Raises NotMedia otherwise.
    """
    need = 2 if need_motion else 3
    times: list[float] = []
    errors = 0
    packets = 0
    try:
        for packet in container.demux(stream):
            packets += 1
            if packets > _PROBE_PACKETS or errors > _PROBE_ERRORS:
                break
            try:
                frames = packet.decode()
            except av.FFmpegError:
                errors += 1
                continue
            for frame in frames:
                times.append(float(frame.time) if frame.time is not None else float(len(times)))
            if len(times) >= need:
                break
    except av.FFmpegError:
        errors += 1  # a read error: the file ends early
    if not times or (len(times) < need and errors >= len(times)):
        raise NotMedia("truncated or corrupt: could not decode any frame")
    moving = len(times) >= 2 and times[1] > times[0]
    return times[0], moving


def _duration(container: InputContainer, stream: AudioStream | VideoStream) -> float | None:
    """What a player shows: the container's duration, else the stream's."""
    if container.duration is not None and container.duration > 0:
        return container.duration / av.time_base
    if stream.duration is not None and stream.time_base is not None and stream.duration > 0:
        return float(stream.duration * stream.time_base)
    return None


def _duration_from_packets(path: Path, index: int, first_time: float | None) -> float | None:
    """Duration for containers that do not declare one: demux (without decoding) to the end.

    Opens the file afresh: such containers often cannot seek back to the start. Elementary
    streams (raw .h264) carry no timestamps at all: their packets are counted and divided
    by the frame rate.
    """
    end = None
    start = None
    packets = 0
    try:
        container = av.open(str(path), metadata_errors="replace")
    except av.FFmpegError:
        return None
    try:
        stream = container.streams[index]
        for packet in container.demux(stream):
            if not packet.size:
                continue
            packets += 1
            if packet.pts is None or packet.time_base is None:
                continue
            t0 = float(packet.pts * packet.time_base)
            t1 = t0 + float((packet.duration or 0) * packet.time_base)
            start = t0 if start is None else min(start, t0)
            end = t1 if end is None else max(end, t1)
    except av.FFmpegError:
        pass
    finally:
        container.close()
    if end is not None:
        return end - (start if start is not None else (first_time or 0.0))
    if isinstance(stream, VideoStream) and packets:
        rate = _fraction_to_float(stream.average_rate) or _fraction_to_float(stream.guessed_rate)
        return packets / rate if rate else None
    return None


def _fraction_to_float(value: Fraction | int | float | None) -> float | None:
    if value is None:
        return None
    try:
        result = float(value)
    except (TypeError, ZeroDivisionError):
        return None
    return result if math.isfinite(result) and result > 0 else None


def _tags(*sources: Any) -> dict[str, str]:
    """Merge container and stream tags, lower-cased keys, first source wins.

    Ogg/Opus keep their tags on the stream, MP3/MP4 on the container: both are read.
    """
    merged: dict[str, str] = {}
    for source in sources:
        for key, value in dict(source or {}).items():
            k = _LANGUAGE_SUFFIX.sub("", str(key).strip().lower())
            if k in _TECHNICAL_TAGS or k in merged or not isinstance(value, str):
                continue
            if not k or not value.strip():
                continue
            merged[k] = value.strip()[:_TAG_LIMIT]
    # ID3 and MP4 use other names for the same things.
    for alias, canonical in (("year", "date"), ("description", "comment")):
        if alias in merged and canonical not in merged:
            merged[canonical] = merged[alias]
    if merged.get("creation_time", "").startswith("1970-01-01"):
        del merged["creation_time"]  # a muxer's zero, not a date
    return merged


def _describe(
    container: InputContainer,
    audio: AudioStream | None,
    video: VideoStream | None,
    duration: float,
    container_name: str,
) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "container": container_name,
        "format": container.format.name,
        "format_long_name": container.format.long_name,
        "duration": round(duration, 3),
    }
    if container.bit_rate:
        meta["bit_rate"] = int(container.bit_rate)
    if video is not None:
        cc = video.codec_context
        meta["video_codec"] = cc.name
        meta["width"] = int(cc.width or 0)
        meta["height"] = int(cc.height or 0)
        fps = _fraction_to_float(video.average_rate) or _fraction_to_float(video.guessed_rate)
        if fps:
            meta["fps"] = round(fps, 3)
        if video.bit_rate:
            meta["video_bit_rate"] = int(video.bit_rate)
        if cc.pix_fmt:
            meta["pix_fmt"] = str(cc.pix_fmt)
        sar = _fraction_to_float(cc.sample_aspect_ratio)
        if sar and abs(sar - 1.0) > 1e-3:
            meta["sample_aspect_ratio"] = round(sar, 4)
    if audio is not None:
        ac = audio.codec_context
        meta["audio_codec"] = ac.name
        meta["channels"] = int(ac.channels or 0)
        meta["sample_rate"] = int(ac.sample_rate or 0)
        if audio.bit_rate:
            meta["audio_bit_rate"] = int(audio.bit_rate)
    meta["has_audio"] = audio is not None
    meta["has_cover_art"] = any(_is_attached_pic(s) for s in container.streams.video)
    languages = []
    for s in container.streams.subtitles:
        lang = (s.metadata or {}).get("language") or s.language or "und"
        languages.append(str(lang))
    meta["subtitle_languages"] = languages
    meta["audio_tracks"] = len(container.streams.audio)
    meta["tags"] = _tags(
        container.metadata,
        audio.metadata if audio is not None else None,
        video.metadata if video is not None else None,
    )
    meta["music"] = music_tags(meta["tags"])
    return meta


# --------------------------------------------------------------------------- music tags

MUSIC_FIELDS = ("artist", "album_artist", "album", "title", "track", "disc", "year", "genre")
"""The normalised tags the library keeps as columns of ``files`` (Artists and Albums views)."""

# Names containers use for the same field, first found wins (FFmpeg already maps Vorbis
# ALBUMARTIST, TRACKNUMBER, DISCNUMBER and ID3 TPE2, TRCK, TPOS to the generic names).
_MUSIC_ALIASES: dict[str, tuple[str, ...]] = {
    "artist": ("artist", "performer", "author", "album_artist", "albumartist"),
    "album_artist": ("album_artist", "albumartist", "album artist", "band", "tso2", "aart"),
    "album": ("album",),
    "title": ("title",),
    "track": ("track", "tracknumber", "trck", "trkn"),
    "track_total": ("tracktotal", "totaltracks", "track_total"),
    "disc": ("disc", "discnumber", "disk", "tpos"),
    "disc_total": ("disctotal", "totaldiscs", "disc_total"),
    "date": ("date", "year", "originaldate", "original_date", "tdrc", "tyer"),
    "genre": ("genre", "tcon"),
}
_NUMBER_OF = re.compile(r"^\s*(\d{1,4})\s*(?:(?:/|of)\s*(\d{1,4}))?")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_ID3_GENRE = re.compile(r"^\((\d+)\)\s*")


def music_tags(tags: Mapping[str, str]) -> dict[str, Any]:
    """Artist, album artist, album, title, track and disc numbers, year and genre, tidied.

    ``tags`` are the probe's merged tags (lower-case keys). Track and disc numbers come
    as ``"3"``, ``"3/12"`` or ``"03 of 12"``: the number and the total are split. The year
    is the first plausible four-digit year of the date. Only fields found are returned.
    """

    def first(name_of: str) -> str | None:
        for name in _MUSIC_ALIASES[name_of]:
            value = tags.get(name)
            if isinstance(value, str) and value.strip():
                return " ".join(value.replace("\x00", " ").split())
        return None

    out: dict[str, Any] = {}
    for key in ("artist", "album_artist", "album", "title"):
        value = first(key)
        if value:
            out[key] = value
    for key, total_field in (("track", "track_total"), ("disc", "disc_total")):
        match = _NUMBER_OF.match(first(key) or "")
        if match and int(match.group(1)) > 0:
            out[key] = int(match.group(1))
        total = match.group(2) if match else None
        total = total or first(total_field)
        if total and str(total).strip().isdigit() and int(total) > 0:
            out[total_field] = int(total)
    date = first("date")
    if date:
        out["date"] = date
        year = _YEAR.search(date)
        if year:
            out["year"] = int(year.group(1))
    genre = first("genre")
    if genre:
        genre = _ID3_GENRE.sub("", genre).strip()  # ID3v1 "(17)Rock"
        if genre:
            out["genre"] = genre
    return out


# --------------------------------------------------------------------------- context


@dataclass
class _Candidate:
    time: float
    pts: int
    image: np.ndarray
    luma: float  # 98th percentile, see _BLACK_LUMA
    sharpness: float
    dhash: int


_NO_SETTINGS: Mapping[str, object] = MappingProxyType({})


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
        self._audio_lock = threading.Lock()
        self._keyframes_lock = threading.Lock()
        self._cover_lock = threading.Lock()
        self._audio: dict[int, np.ndarray] = {}
        self._audio_rate: int | None = None  # rate of the one real decode
        self._keyframes: tuple[Keyframe, ...] | None = None
        self._cover: bytes | None = None
        self._cover_done = False
        self.audio_decodes = 0
        """How many times the file's audio was decoded: 0 or 1 (for tests and benchmarks)."""
        self.audio_excerpts: tuple[tuple[float, float], ...] = ()
        """(start, seconds) of each decoded excerpt, once audio was decoded."""

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

    def keyframes(self) -> Sequence[Keyframe]:
        with self._keyframes_lock:
            if self._keyframes is None:
                self._keyframes = self._extract_keyframes()
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
        with self._keyframes_lock:
            self._keyframes = None
        with self._cover_lock:
            self._cover = None
            self._cover_done = False

    # -- audio

    @contextmanager
    def _open(self) -> Iterator[InputContainer]:
        container = av.open(str(self._file.path), metadata_errors="replace")
        try:
            yield container  # type: ignore[misc]
        finally:
            container.close()

    def _decode_audio(self, requested: int) -> tuple[np.ndarray, int]:
        """Decode the audio stream once, at ``requested`` or at least AUDIO_DECODE_RATE."""
        empty = np.zeros(0, dtype=np.float32)
        with self._open() as container:
            stream = _best_audio(container)
            if stream is None:
                return empty, requested
            native = int(stream.codec_context.sample_rate or requested)
            rate = max(requested, min(native, AUDIO_DECODE_RATE))
            self.audio_decodes += 1
            duration = self._file.duration or (_duration(container, stream) or 0.0)
            stream.thread_type = "AUTO"
            if duration > MAX_AUDIO_SECONDS + 1.0:
                with suppress(av.FFmpegError):  # not seekable: the first ten minutes below
                    return self._decode_excerpts(container, stream, rate, duration), rate
            else:
                return self._decode_start(container, stream, rate, duration), rate
        with self._open() as container:  # afresh: a failed seek leaves the demuxer lost
            stream = _best_audio(container)
            assert stream is not None
            stream.thread_type = "AUTO"
            return self._decode_start(container, stream, rate, duration), rate

    def _decode_start(
        self, container: InputContainer, stream: AudioStream, rate: int, duration: float
    ) -> np.ndarray:
        self.audio_excerpts = ((0.0, min(duration, MAX_AUDIO_SECONDS)),)
        return self._decode_span(container, stream, rate, None, int(MAX_AUDIO_SECONDS * rate))

    def _decode_excerpts(
        self, container: InputContainer, stream: AudioStream, rate: int, duration: float
    ) -> np.ndarray:
        seconds = MAX_AUDIO_SECONDS / AUDIO_EXCERPTS
        starts = np.linspace(0.0, max(duration - seconds, 0.0), AUDIO_EXCERPTS)
        offset = float(stream.start_time * stream.time_base) if stream.start_time else 0.0
        parts = []
        for start in starts:
            self.check_cancelled()
            target = int((float(start) + offset) / stream.time_base)
            container.seek(target, stream=stream, backward=True)
            parts.append(
                self._decode_span(
                    container, stream, rate, float(start) + offset, int(seconds * rate)
                )
            )
        self.audio_excerpts = tuple((float(s), seconds) for s in starts)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)

    def _decode_span(
        self,
        container: InputContainer,
        stream: AudioStream,
        rate: int,
        start: float | None,
        max_samples: int,
    ) -> np.ndarray:
        """Decode from the current position: skip to ``start`` seconds, stop at max_samples."""
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        chunks: list[np.ndarray] = []
        total = 0
        skip: int | None = None if start is not None else 0
        frames = 0
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
                    if skip is None:
                        t = float(frame.time) if frame.time is not None else start or 0.0
                        skip = max(0, round(((start or 0.0) - t) * rate))
                    try:
                        out = resampler.resample(frame)
                    except ValueError:  # the stream changed layout or rate mid-way
                        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
                        out = resampler.resample(frame)
                    for o in out:
                        chunk = o.to_ndarray().reshape(-1)
                        chunks.append(chunk)
                        total += len(chunk)
                if total - (skip or 0) >= max_samples:
                    break
            else:
                for o in resampler.resample(None):
                    chunks.append(o.to_ndarray().reshape(-1))
        except av.FFmpegError:
            pass  # truncated tail: keep what decoded
        if not chunks:
            return np.zeros(0, dtype=np.float32)
        samples = np.concatenate(chunks)[(skip or 0) :][:max_samples]
        return np.clip(samples, -1.0, 1.0).astype(np.float32, copy=False)

    # -- keyframes

    def _extract_keyframes(self) -> tuple[Keyframe, ...]:
        if self._file.kind != "video":
            return ()
        with self._open() as container:
            stream = _real_video(container)
            if stream is None:
                return ()
            duration = self._file.duration or (_duration(container, stream) or 0.0)
            candidates = self._seek_keyframes(container, stream, duration, skip_nonkey=True)
            if not candidates:
                # Streams without flagged keyframes (intra refresh, broken indexes).
                candidates = self._seek_keyframes(container, stream, duration, skip_nonkey=False)
        if not candidates:
            candidates = self._leading_keyframes()  # streams that cannot seek (raw .h264)
        chosen = _choose_keyframes(candidates)
        return tuple(Keyframe(time=c.time, image=c.image) for c in chosen)

    def _seek_keyframes(
        self, container: InputContainer, stream: VideoStream, duration: float, *, skip_nonkey: bool
    ) -> list[_Candidate]:
        cc = stream.codec_context
        cc.skip_frame = "NONKEY" if skip_nonkey else "DEFAULT"
        width, height = _thumb_size(cc.width, cc.height, _fraction_to_float(cc.sample_aspect_ratio))
        offset = stream.start_time or 0
        tb = stream.time_base
        seen: set[int] = set()
        candidates: list[_Candidate] = []
        positions = [duration * (i + 0.5) / KEYFRAME_SEEKS for i in range(KEYFRAME_SEEKS)]
        if duration <= 0 or tb is None:
            positions = [0.0]
        for t in positions:
            self.check_cancelled()
            try:
                if tb is not None:
                    container.seek(offset + int(t / tb), stream=stream, backward=True)
                frame = _first_video_frame(container, stream)
            except av.FFmpegError:
                continue
            if frame is None:
                continue
            pts = frame.pts if frame.pts is not None else len(seen)
            if pts in seen:
                continue  # the same keyframe as the previous position (long GOP)
            seen.add(pts)
            rgb = frame.reformat(width=width, height=height, format="rgb24", interpolation="AREA")
            image = rgb.to_ndarray()
            time = float(frame.time) - float(offset * tb) if frame.time is not None and tb else t
            candidates.append(_measure(max(time, 0.0), pts, image))
        cc.skip_frame = "DEFAULT"
        return candidates

    def _leading_keyframes(self) -> list[_Candidate]:
        """The first keyframes, read in order from the start (bounded by _SEEK_PACKETS)."""
        candidates: list[_Candidate] = []
        with self._open() as container:
            stream = _real_video(container)
            if stream is None:
                return []
            cc = stream.codec_context
            cc.skip_frame = "NONKEY"
            width, height = _thumb_size(
                cc.width, cc.height, _fraction_to_float(cc.sample_aspect_ratio)
            )
            rate = _fraction_to_float(stream.average_rate) or 25.0
            try:
                for n, packet in enumerate(container.demux(stream)):
                    if n > _SEEK_PACKETS * 4 or len(candidates) >= KEYFRAME_SEEKS:
                        break
                    self.check_cancelled()
                    try:
                        frames = packet.decode()
                    except av.FFmpegError:
                        continue
                    for frame in frames:
                        time = float(frame.time) if frame.time is not None else n / rate
                        rgb = frame.reformat(width=width, height=height, format="rgb24")
                        candidates.append(_measure(time, n, rgb.to_ndarray()))
            except av.FFmpegError:
                pass
        return candidates

    # -- cover art

    def _read_cover_art(self) -> bytes | None:
        try:
            with self._open() as container:
                for stream in container.streams.video:
                    if not _is_attached_pic(stream):
                        continue
                    for packet in container.demux(stream):
                        data = bytes(packet)
                        if data:
                            return data
                        break
        except av.FFmpegError:
            return None
        return None


def _first_video_frame(container: InputContainer, stream: VideoStream) -> av.VideoFrame | None:
    packets = 0
    for packet in container.demux(stream):
        packets += 1
        if packets > _SEEK_PACKETS:
            return None
        try:
            frames = packet.decode()
        except av.FFmpegError:
            continue
        if frames:
            return frames[0]
    # End of stream: drain frames the decoder still holds.
    try:
        frames = stream.codec_context.decode(None)
    except av.FFmpegError:
        return None
    return frames[0] if frames else None


def _thumb_size(width: int, height: int, sar: float | None) -> tuple[int, int]:
    """Display size (square pixels) scaled to at most KEYFRAME_MAX_WIDTH wide, even numbers."""
    display_w = width * (sar or 1.0)
    scale = min(1.0, KEYFRAME_MAX_WIDTH / max(display_w, 1.0))
    w = max(2, int(round(display_w * scale / 2)) * 2)
    h = max(2, int(round(height * scale / 2)) * 2)
    return w, h


def _luma(image: np.ndarray) -> np.ndarray:
    rgb = image.astype(np.float32)
    return rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114


def _laplacian_variance(gray: np.ndarray) -> float:
    if gray.shape[0] < 3 or gray.shape[1] < 3:
        return 0.0
    lap = (
        gray[:-2, 1:-1] + gray[2:, 1:-1] + gray[1:-1, :-2] + gray[1:-1, 2:] - 4.0 * gray[1:-1, 1:-1]
    )
    return float(lap.var())


def _dhash(gray: np.ndarray) -> int:
    """64-bit difference hash: is each cell of a 9x8 grid brighter than its right neighbour."""
    h, w = gray.shape
    rows = np.linspace(0, h, 9).astype(int)
    cols = np.linspace(0, w, 10).astype(int)
    cells = np.add.reduceat(np.add.reduceat(gray, rows[:-1], axis=0), cols[:-1], axis=1)
    bits = (cells[:, 1:] > cells[:, :-1]).flatten()
    return int(sum(1 << i for i, b in enumerate(bits) if b))


def _measure(time: float, pts: int, image: np.ndarray) -> _Candidate:
    gray = _luma(image)
    return _Candidate(
        time=time,
        pts=pts,
        image=image,
        luma=float(np.percentile(gray[::4, ::4], 98)),
        sharpness=_laplacian_variance(gray),
        dhash=_dhash(gray),
    )


def _choose_keyframes(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop black, blurred and near-duplicate frames; keep at least one if any decoded."""
    if not candidates:
        return []
    lit = [c for c in candidates if c.luma >= _BLACK_LUMA]
    if not lit:
        return [max(candidates, key=lambda c: c.luma)]
    median = float(np.median([c.sharpness for c in lit]))
    sharp = [c for c in lit if c.sharpness >= max(_BLUR_FLOOR, _BLUR_RATIO * median)]
    if not sharp:
        return [max(lit, key=lambda c: c.sharpness)]
    kept: list[_Candidate] = []
    for c in sorted(sharp, key=lambda c: -c.sharpness):  # of two duplicates, keep the sharper
        if all(bin(c.dhash ^ k.dhash).count("1") > _DUPLICATE_BITS for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.time)
    if len(kept) > MAX_KEYFRAMES:
        picks = np.linspace(0, len(kept) - 1, MAX_KEYFRAMES).round().astype(int)
        kept = [kept[i] for i in sorted(set(picks.tolist()))]
    return kept


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
