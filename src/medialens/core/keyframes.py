"""Which keyframes stand for a video: a few lit, sharp, different frames spread over it.

Seeking to keyframes and decoding only those costs a few milliseconds a frame (frame-exact
seeking costs 0.1-0.45 s), so 16 evenly spaced positions are read and scored; black
frames (fades), blurred ones (motion, cross-fades) and near-duplicates (one long shot)
are dropped, so thumbnails and visual extractors see what the video shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from av.container import InputContainer
from av.video.stream import VideoStream

from medialens.api import Keyframe, MediaFile
from medialens.core.streams import declared_duration, fraction_to_float, open_container, real_video

__all__ = ["KEYFRAME_MAX_WIDTH", "KEYFRAME_SEEKS", "MAX_KEYFRAMES", "extract_keyframes"]

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

_SEEK_PACKETS = 240


@dataclass
class _Candidate:
    time: float
    pts: int
    image: np.ndarray
    luma: float  # 98th percentile, see _BLACK_LUMA
    sharpness: float
    dhash: int


def extract_keyframes(file: MediaFile, check_cancelled: Callable[[], None]) -> tuple[Keyframe, ...]:
    """Up to MAX_KEYFRAMES lit, sharp, distinct keyframes spread over a video file.

    ``check_cancelled`` raises to stop between seeks (the context's cooperative cancel).
    """
    if file.kind != "video":
        return ()
    with open_container(file.path) as container:
        stream = real_video(container)
        if stream is None:
            return ()
        duration = file.duration or (declared_duration(container, stream) or 0.0)
        candidates = _seek_keyframes(container, stream, duration, check_cancelled, skip_nonkey=True)
        if not candidates:
            # Streams without flagged keyframes (intra refresh, broken indexes).
            candidates = _seek_keyframes(
                container, stream, duration, check_cancelled, skip_nonkey=False
            )
    if not candidates:  # streams that cannot seek (raw .h264)
        candidates = _leading_keyframes(file.path, check_cancelled)
    chosen = _choose_keyframes(candidates)
    return tuple(Keyframe(time=c.time, image=c.image) for c in chosen)


def _seek_keyframes(
    container: InputContainer,
    stream: VideoStream,
    duration: float,
    check_cancelled: Callable[[], None],
    *,
    skip_nonkey: bool,
) -> list[_Candidate]:
    cc = stream.codec_context
    cc.skip_frame = "NONKEY" if skip_nonkey else "DEFAULT"
    width, height = _thumb_size(cc.width, cc.height, fraction_to_float(cc.sample_aspect_ratio))
    offset = stream.start_time or 0
    tb = stream.time_base
    seen: set[int] = set()
    candidates: list[_Candidate] = []
    positions = [duration * (i + 0.5) / KEYFRAME_SEEKS for i in range(KEYFRAME_SEEKS)]
    if duration <= 0 or tb is None:
        positions = [0.0]
    for t in positions:
        check_cancelled()
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


def _leading_keyframes(path: Path, check_cancelled: Callable[[], None]) -> list[_Candidate]:
    """The first keyframes, read in order from the start (bounded by _SEEK_PACKETS)."""
    candidates: list[_Candidate] = []
    with open_container(path) as container:
        stream = real_video(container)
        if stream is None:
            return []
        cc = stream.codec_context
        cc.skip_frame = "NONKEY"
        width, height = _thumb_size(cc.width, cc.height, fraction_to_float(cc.sample_aspect_ratio))
        rate = fraction_to_float(stream.average_rate) or 25.0
        try:
            for n, packet in enumerate(container.demux(stream)):
                if n > _SEEK_PACKETS * 4 or len(candidates) >= KEYFRAME_SEEKS:
                    break
                check_cancelled()
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


# -- one frame: read, sized, scored


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
