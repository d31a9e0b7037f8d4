"""Small media files generated with PyAV for unit tests.

Every function writes a real file that FFmpeg decodes (the container and codecs follow the
file name's suffix) and returns its path. Content is deterministic, and built so the
library's analyses have something to find: video scenes are textured (never blurred) and
change every second, tones have a known pitch, beats a known tempo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.stream import Disposition

__all__ = [
    "write_audio",
    "make_tone",
    "make_beats",
    "make_speechlike",
    "make_stepped_tone",
    "make_video",
    "make_still_image",
    "make_cover",
    "make_multitrack",
    "truncate",
]

# suffix -> (container format, audio codec, forced sample rate or None)
_AUDIO_FORMATS: dict[str, tuple[str, str, int | None]] = {
    ".wav": ("wav", "pcm_s16le", None),
    ".mp3": ("mp3", "libmp3lame", None),
    ".ogg": ("ogg", "libopus", 48000),
    ".oga": ("ogg", "libopus", 48000),
    ".opus": ("opus", "libopus", 48000),
    ".flac": ("flac", "flac", None),
    ".m4a": ("mp4", "aac", None),
    ".mka": ("matroska", "libopus", 48000),
}
# suffix -> (container format, video codec, audio codec)
_VIDEO_FORMATS: dict[str, tuple[str, str, str]] = {
    ".mp4": ("mp4", "libx264", "aac"),
    ".mov": ("mov", "libx264", "aac"),
    ".mkv": ("matroska", "libx264", "libopus"),
    ".avi": ("avi", "mpeg4", "libmp3lame"),
    ".webm": ("webm", "libvpx", "libopus"),
    ".h264": ("h264", "libx264", ""),  # an elementary stream: no timestamps, no audio
}


def _resample_linear(samples: np.ndarray, sr: int, target: int) -> np.ndarray:
    if sr == target:
        return samples
    n = int(round(samples.shape[-1] * target / sr))
    x_old = np.arange(samples.shape[-1]) / sr
    x_new = np.arange(n) / target
    return np.stack([np.interp(x_new, x_old, ch) for ch in np.atleast_2d(samples)])


def write_audio(
    path: Path,
    samples: np.ndarray,
    sr: int,
    *,
    tags: Mapping[str, str] | None = None,
    cover: bytes | None = None,
    bit_rate: int | None = None,
) -> Path:
    """Encode float samples in [-1, 1] (``[n]`` mono or ``[channels, n]``) to ``path``.

    ``cover`` (PNG or JPEG bytes) is embedded as an attached picture (mp3, m4a, flac), or
    in Ogg as a ``METADATA_BLOCK_PICTURE`` comment, as taggers write it.
    Opus-based formats are written at 48 kHz whatever ``sr`` is.
    """
    path = Path(path)
    fmt, codec, forced_rate = _AUDIO_FORMATS[path.suffix.lower()]
    data = np.atleast_2d(np.asarray(samples, dtype=np.float32))
    if forced_rate and forced_rate != sr:
        data = _resample_linear(data, sr, forced_rate).astype(np.float32)
        sr = forced_rate
    layout = "mono" if data.shape[0] == 1 else "stereo"
    with av.open(str(path), "w", format=fmt) as out:
        for key, value in (tags or {}).items():
            out.metadata[key] = value
        stream = out.add_stream(codec, rate=sr, layout=layout)
        if bit_rate:
            stream.bit_rate = bit_rate
        if fmt in ("ogg", "opus"):
            for key, value in (tags or {}).items():  # Ogg keeps tags on the stream
                stream.metadata[key] = value
            if cover is not None:
                stream.metadata["METADATA_BLOCK_PICTURE"] = _flac_picture_block(cover)
                cover = None
        picture = None
        if cover is not None:
            is_png = cover[:4] == b"\x89PNG"
            picture = out.add_stream("png" if is_png else "mjpeg", rate=1)
            picture.width, picture.height = _image_size(cover)
            picture.pix_fmt = "rgb24" if is_png else "yuvj420p"
            picture.disposition = Disposition.attached_pic
        if picture is not None:
            packet = av.Packet(cover)
            packet.stream = picture
            packet.pts = packet.dts = 0
            packet.time_base = Fraction(1, 90000)
            out.mux(packet)
        step = 4096
        for start in range(0, data.shape[1], step):
            chunk = np.ascontiguousarray(data[:, start : start + step])
            frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout=layout)
            frame.sample_rate = sr
            frame.pts = start
            frame.time_base = Fraction(1, sr)
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


def _flac_picture_block(image: bytes) -> str:
    """A FLAC PICTURE block (front cover), base64 as Vorbis comments carry it."""
    import base64
    import struct

    mime = b"image/png" if image[:4] == b"\x89PNG" else b"image/jpeg"
    width, height = _image_size(image)
    block = (
        struct.pack(">II", 3, len(mime)) + mime + struct.pack(">I", 0)
        + struct.pack(">IIIII", width, height, 24, 0, len(image)) + image
    )  # fmt: skip
    return base64.b64encode(block).decode("ascii")


def make_cover(path: Path | None = None, colour: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A 200x200 JPEG of one colour with a white square (returned; written if ``path``)."""
    from io import BytesIO

    from PIL import Image

    image = Image.new("RGB", (200, 200), colour)
    image.paste((255, 255, 255), (60, 60, 140, 140))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=90)
    if path is not None:
        Path(path).write_bytes(buffer.getvalue())
    return buffer.getvalue()


def make_multitrack(
    path: Path,
    seconds: float = 2.0,
    *,
    audio: Iterable[Mapping[str, str]] = ({"language": "eng", "title": "Stereo"},),
    subtitles: Iterable[tuple[Mapping[str, str], str]] = (),
    chapters: Iterable[tuple[float, float, str]] = (),
    with_video: bool = True,
) -> Path:
    """A Matroska file with a video stream, several audio tracks, subtitle streams, chapters.

    ``audio`` gives each audio track's tags; ``subtitles`` each subtitle stream's tags and
    SRT text (PyAV cannot encode subtitles, so each is demuxed from an SRT file and muxed
    as it is); ``chapters`` are (start, end, title) in seconds.
    """
    import tempfile

    path = Path(path)
    sr = 48000
    with tempfile.TemporaryDirectory() as tmp, av.open(str(path), "w", format="matroska") as out:
        video = None
        if with_video:
            video = out.add_stream("libx264", rate=25)
            video.width, video.height = 160, 120
            video.pix_fmt = "yuv420p"
            video.options = {"preset": "ultrafast"}
        tracks = []
        for i, tags in enumerate(audio):
            stream = out.add_stream("libopus", rate=sr, layout="mono")
            for key, value in tags.items():
                stream.metadata[key] = value
            tracks.append((stream, 330.0 * (i + 1)))
        sources = []
        for i, (tags, text) in enumerate(subtitles):
            srt = Path(tmp) / f"{i}.srt"
            srt.write_text(text, encoding="utf-8")
            source = av.open(str(srt))
            stream = out.add_stream_from_template(source.streams[0])
            for key, value in tags.items():
                stream.metadata[key] = value
            sources.append((source, stream))
        marks = [
            {
                "id": i + 1,
                "start": int(start * 1000),
                "end": int(end * 1000),
                "time_base": Fraction(1, 1000),
                "metadata": {"title": title},
            }
            for i, (start, end, title) in enumerate(chapters)
        ]
        if marks:
            out.set_chapters(marks)
        if video is not None:
            for i in range(int(seconds * 25)):
                frame = av.VideoFrame.from_ndarray(_scene(i // 25, (160, 120)), format="rgb24")
                frame.pts = i
                frame.time_base = Fraction(1, 25)
                out.mux(video.encode(frame))
            out.mux(video.encode(None))
        n = int(seconds * sr)
        for stream, freq in tracks:
            tone = (0.3 * np.sin(2 * np.pi * freq * np.arange(n) / sr)).astype(np.float32)
            for start in range(0, n, 960):
                frame = av.AudioFrame.from_ndarray(
                    np.ascontiguousarray(tone[None, start : start + 960]),
                    format="fltp",
                    layout="mono",
                )
                frame.sample_rate = sr
                frame.pts = start
                frame.time_base = Fraction(1, sr)
                out.mux(stream.encode(frame))
            out.mux(stream.encode(None))
        for source, stream in sources:
            for packet in source.demux(source.streams[0]):
                if packet.size:
                    packet.stream = stream
                    out.mux(packet)
            source.close()
    return path


def _image_size(data: bytes) -> tuple[int, int]:
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(data)) as image:
        return image.size


def make_tone(
    path: Path,
    seconds: float = 1.0,
    freq: float = 440.0,
    sr: int = 22050,
    *,
    channels: int = 1,
    amplitude: float = 0.5,
    tags: Mapping[str, str] | None = None,
    cover: bytes | None = None,
) -> Path:
    """A sine tone (the second channel, if any, a fifth higher)."""
    t = np.arange(int(seconds * sr)) / sr
    chans = [amplitude * np.sin(2 * np.pi * freq * t)]
    if channels == 2:
        chans.append(amplitude * np.sin(2 * np.pi * freq * 1.5 * t))
    return write_audio(path, np.stack(chans), sr, tags=tags, cover=cover)


def make_beats(
    path: Path,
    seconds: float = 12.0,
    bpm: float = 120.0,
    sr: int = 22050,
    *,
    tags: Mapping[str, str] | None = None,
) -> Path:
    """A drum-machine loop at ``bpm``: kick on every beat, hi-hat off-beats, a soft chord."""
    n = int(seconds * sr)
    t = np.arange(n) / sr
    out = 0.15 * (np.sin(2 * np.pi * 220 * t) + np.sin(2 * np.pi * 277.2 * t))
    beat = 60.0 / bpm
    kick_t = np.arange(int(0.15 * sr)) / sr
    kick = np.sin(2 * np.pi * (50 + 100 * np.exp(-kick_t * 30)) * kick_t) * np.exp(-kick_t * 20)
    rng = np.random.default_rng(1)
    hat = rng.standard_normal(int(0.03 * sr)) * np.exp(-np.arange(int(0.03 * sr)) / (0.005 * sr))
    for k in range(int(seconds / beat) + 1):
        for offset, sound, gain in ((0.0, kick, 0.9), (beat / 2, hat, 0.3)):
            i = int((k * beat + offset) * sr)
            j = min(n, i + len(sound))
            if i < n:
                out[i:j] += gain * sound[: j - i]
    return write_audio(path, np.clip(out, -1, 1), sr, tags=tags)


def make_speechlike(path: Path, seconds: float = 4.0, sr: int = 16000, *, seed: int = 0) -> Path:
    """Syllable-like voiced bursts (100-220 Hz pitch, formants) separated by pauses."""
    rng = np.random.default_rng(seed)
    n = int(seconds * sr)
    out = np.zeros(n)
    i = int(0.2 * sr)
    while i < n:
        length = int(rng.uniform(0.12, 0.3) * sr)
        t = np.arange(min(length, n - i)) / sr
        f0 = rng.uniform(100, 220) * (1 + 0.1 * np.sin(2 * np.pi * 3 * t))
        phase = 2 * np.pi * np.cumsum(f0) / sr
        formants = rng.uniform([300, 900, 2200], [800, 1800, 3000])
        voiced = sum(
            np.sin(h * phase)
            / h
            * sum(np.exp(-((h * f0 - f) ** 2) / (2 * 150.0**2)) for f in formants)
            for h in range(1, 30)
        )
        envelope = np.sin(np.pi * np.arange(len(t)) / max(len(t), 1)) ** 0.5
        out[i : i + len(t)] += voiced * envelope
        i += length + int(rng.uniform(0.05, 0.4) * sr)
    peak = np.max(np.abs(out)) or 1.0
    return write_audio(path, 0.6 * out / peak, sr)


def make_stepped_tone(
    path: Path,
    seconds: float,
    step_seconds: float = 60.0,
    base_freq: float = 200.0,
    step_freq: float = 50.0,
    sr: int = 8000,
    *,
    bit_rate: int | None = None,
) -> Path:
    """A tone whose pitch rises by ``step_freq`` every ``step_seconds``: its pitch tells the time.

    Pitch at time t is ``base_freq + step_freq * floor(t / step_seconds)``.
    """
    t = np.arange(int(seconds * sr), dtype=np.float64) / sr
    freq = base_freq + step_freq * np.floor(t / step_seconds)
    phase = 2 * np.pi * np.cumsum(freq) / sr
    return write_audio(path, 0.5 * np.sin(phase), sr, bit_rate=bit_rate)


def _scene(index: int, size: tuple[int, int]) -> np.ndarray:
    """A sharp, colourful picture that differs from one scene index to the next."""
    width, height = size
    rng = np.random.default_rng(index)
    block = 8
    cells = rng.integers(0, 256, ((height + block - 1) // block, (width + block - 1) // block, 3))
    tint = rng.integers(0, 256, 3)
    image = (0.6 * np.kron(cells, np.ones((block, block, 1))) + 0.4 * tint)[:height, :width]
    return image.astype(np.uint8)


def make_video(
    path: Path,
    seconds: float = 2.0,
    size: tuple[int, int] = (320, 240),
    with_audio: bool = True,
    fps: int = 25,
    *,
    black: Iterable[tuple[float, float]] = (),
    gop: int | None = None,
    audio_freq: float = 440.0,
    tags: Mapping[str, str] | None = None,
    scene_seconds: float = 1.0,
) -> Path:
    """A video whose scene changes every ``scene_seconds`` (a keyframe each ``gop`` frames,
    default ``fps``), a thin white bar sweeping across, and a sine tone if ``with_audio``.

    ``black`` lists (start, end) seconds rendered as black frames (fades, gaps).
    """
    path = Path(path)
    fmt, vcodec, acodec = _VIDEO_FORMATS[path.suffix.lower()]
    if with_audio and not acodec:
        raise ValueError(f"{path.suffix} holds video only: pass with_audio=False")
    width, height = size
    black = list(black)
    sr = 48000 if acodec == "libopus" else 44100
    with av.open(str(path), "w", format=fmt) as out:
        for key, value in (tags or {}).items():
            out.metadata[key] = value
        video = out.add_stream(vcodec, rate=fps)
        video.width, video.height = width, height
        video.pix_fmt = "yuv420p"
        video.codec_context.gop_size = gop or fps
        if vcodec == "libx264":
            video.options = {"preset": "ultrafast", "crf": "23", "sc_threshold": "0"}
        else:
            video.bit_rate = 400_000
            if vcodec == "libvpx":
                video.options = {"deadline": "realtime", "cpu-used": "8"}
        audio = out.add_stream(acodec, rate=sr, layout="mono") if with_audio else None
        scenes: dict[int, np.ndarray] = {}
        for i in range(int(round(seconds * fps))):
            t = i / fps
            if any(a <= t < b for a, b in black):
                image = np.zeros((height, width, 3), np.uint8)
            else:
                scene = int(t // scene_seconds)
                if scene not in scenes:
                    scenes = {scene: _scene(scene, size)}
                image = scenes[scene].copy()
                x = int((t % 1.0) * width)
                image[:, x : x + max(2, width // 40)] = 255
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        if audio is not None:
            n = int(seconds * sr)
            tone = (0.4 * np.sin(2 * np.pi * audio_freq * np.arange(n) / sr)).astype(np.float32)
            for start in range(0, n, 4096):
                frame = av.AudioFrame.from_ndarray(
                    np.ascontiguousarray(tone[None, start : start + 4096]),
                    format="fltp",
                    layout="mono",
                )
                frame.sample_rate = sr
                frame.pts = start
                frame.time_base = Fraction(1, sr)
                out.mux(audio.encode(frame))
            out.mux(audio.encode(None))
    return path


def make_still_image(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    """A picture (PNG, JPEG, GIF... by suffix): media probing must reject it."""
    from PIL import Image

    Image.fromarray(_scene(7, size)).save(path)
    return Path(path)


def truncate(source: Path, dest: Path, keep: int | float) -> Path:
    """Copy the first ``keep`` bytes (an int) or fraction (a float) of ``source`` to ``dest``."""
    data = Path(source).read_bytes()
    n = keep if isinstance(keep, int) else int(len(data) * keep)
    Path(dest).write_bytes(data[:n])
    return Path(dest)
