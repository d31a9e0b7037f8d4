"""Is a file audio or video, and what is it: the probe run once per file by the scanner.

It reads a few packets only (garbage fails fast, nothing hangs) and returns JSON-ready
metadata, so nothing later needs to open the container just to describe it.
"""

from __future__ import annotations

import math
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import av
from av.audio.stream import AudioStream
from av.container import InputContainer
from av.video.stream import VideoStream

from medialens.api import MediaKind
from medialens.core import durations
from medialens.core.streams import (
    best_audio,
    declared_duration,
    fraction_to_float,
    is_attached_pic,
    real_video,
)
from medialens.core.tags import merge_tags, music_tags

__all__ = ["NotMedia", "ProbeInfo", "probe"]

# Packets read while looking for a decodable frame: bounds the work on garbage.
_PROBE_PACKETS = 48
_PROBE_ERRORS = 4

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


class NotMedia(Exception):
    """The file is not playable audio or video; ``str()`` is a reason fit to show a user."""


@dataclass(frozen=True)
class ProbeInfo:
    """What :func:`probe` learnt about a media file. ``metadata`` is JSON-serialisable."""

    kind: MediaKind
    duration: float
    container: str
    metadata: dict[str, Any] = field(default_factory=dict)


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
    audio = best_audio(container)
    video = real_video(container)
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

    declared = declared_duration(container, primary)
    if declared is not None and not math.isfinite(declared):
        declared = None
    check = durations.checked(
        container, primary, str(path), path.stat().st_size, declared, first_time
    )
    duration = check.seconds
    if not duration or duration <= 0 or not math.isfinite(duration):
        raise NotMedia(
            f"damaged: {check.problem}" if check.problem else "truncated: no playable duration"
        )

    name = _container_name(fmt, path)
    metadata = _describe(container, audio, video if kind == "video" else None, duration, name)
    if check.problem:
        metadata["duration_problem"] = check.problem
    return ProbeInfo(kind=kind, duration=duration, container=name, metadata=metadata)


def _container_name(fmt: str, path: Path) -> str:
    """FFmpeg names demuxers by family ("mov,mp4,m4a,..."); prefer the member the file claims."""
    names = fmt.split(",")
    ext = path.suffix.lower().lstrip(".")
    return ext if ext in names else names[0]


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
            for frame in cast("list[av.AudioFrame | av.VideoFrame]", frames):
                times.append(float(frame.time) if frame.time is not None else float(len(times)))
            if len(times) >= need:
                break
    except av.FFmpegError:
        errors += 1  # a read error: the file ends early
    if not times or (len(times) < need and errors >= len(times)):
        raise NotMedia("truncated or corrupt: could not decode any frame")
    moving = len(times) >= 2 and times[1] > times[0]
    return times[0], moving


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
        fps = fraction_to_float(video.average_rate) or fraction_to_float(video.guessed_rate)
        if fps:
            meta["fps"] = round(fps, 3)
        if video.bit_rate:
            meta["video_bit_rate"] = int(video.bit_rate)
        if cc.pix_fmt:
            meta["pix_fmt"] = str(cc.pix_fmt)
        sar = fraction_to_float(cc.sample_aspect_ratio)
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
    meta["has_cover_art"] = any(is_attached_pic(s) for s in container.streams.video)
    languages = []
    for s in container.streams.subtitles:
        lang = (s.metadata or {}).get("language") or s.language or "und"
        languages.append(str(lang))
    meta["subtitle_languages"] = languages
    meta["audio_tracks"] = len(container.streams.audio)
    meta["tags"] = merge_tags(
        container.metadata,
        audio.metadata if audio is not None else None,
        video.metadata if video is not None else None,
    )
    meta["music"] = music_tags(meta["tags"])
    return meta
