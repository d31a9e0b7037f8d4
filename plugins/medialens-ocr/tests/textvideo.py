"""Videos with text on screen, made at test time from real footage (no media is committed).

Real footage has little legible text, so these tests draw it on: real frames are decoded
from the recordings in the media folder (street scenes, the earth from orbit, pedestrians,
an animation), scaled to 1280x720 and given captions, signs, overlays or a title card in
English or Chinese, drawn with PIL in real TrueType fonts (DejaVu Sans, Noto Sans CJK: the
Debian packages ``fonts-dejavu-core`` and ``fonts-noto-cjk``). The frames move (each scene
plays its source onwards), so the keyframe chooser sees real, changing pictures, and they
go through H.264 like any downloaded video. Every scene starts on a keyframe (one a second).

``make_text_video(path, scenes, media_dir)`` writes the file and returns the ground truth:
one :class:`Shown` per scene with its time span and the lines drawn on it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

__all__ = [
    "FONT_DIRS",
    "Text",
    "Scene",
    "Shown",
    "font",
    "fonts_available",
    "make_text_video",
    "render_scene_frames",
]

SIZE = (1280, 720)
FPS = 5
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/opentype/noto"))
_FONTS = {
    "sans": FONT_DIRS[0] / "DejaVuSans.ttf",
    "sans-bold": FONT_DIRS[0] / "DejaVuSans-Bold.ttf",
    "serif": FONT_DIRS[0] / "DejaVuSerif.ttf",
    "cjk": FONT_DIRS[1] / "NotoSansCJK-Regular.ttc",
    "cjk-bold": FONT_DIRS[1] / "NotoSansCJK-Bold.ttc",
    "cjk-serif": FONT_DIRS[1] / "NotoSerifCJK-Regular.ttc",
}


def fonts_available() -> bool:
    """Whether the TrueType fonts the scenes are drawn in are installed."""
    return all(p.is_file() for p in _FONTS.values())


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_FONTS[name]), size)


@dataclass(frozen=True)
class Text:
    """One line drawn on a scene.

    ``style``: ``caption`` (white on a dark band, bottom centre), ``overlay`` (coloured
    text with a black outline, at ``at``), ``sign`` (dark text on a light panel at ``at``),
    ``title`` (large, centred on a darkened, blurred frame).
    ``at`` is the top-left corner as fractions of the frame; ``size`` in pixels at 720p.
    """

    text: str
    style: str = "caption"
    font: str = "sans"
    size: int = 40
    at: tuple[float, float] = (0.1, 0.1)
    colour: tuple[int, int, int] = (255, 255, 255)


@dataclass(frozen=True)
class Scene:
    """``seconds`` of ``source`` (a file in the media folder's video/) from ``start`` on,
    with ``texts`` drawn over every frame."""

    source: str
    start: float
    seconds: int = 2
    texts: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Shown:
    """Ground truth: what is written on screen from ``start`` to ``end`` seconds."""

    start: float
    end: float
    lines: tuple[str, ...] = field(default_factory=tuple)


def _cover(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Scale and centre-crop ``image`` to fill ``size`` (no bars, no distortion)."""
    w, h = image.size
    scale = max(size[0] / w, size[1] / h)
    resized = image.resize(
        (max(size[0], round(w * scale)), max(size[1], round(h * scale))),
        Image.Resampling.BILINEAR,
    )
    left = (resized.width - size[0]) // 2
    top = (resized.height - size[1]) // 2
    return resized.crop((left, top, left + size[0], top + size[1]))


def _source_frames(path: Path, start: float, count: int, step: float) -> Iterator[Image.Image]:
    """``count`` frames of ``path`` from ``start`` on, ``step`` seconds apart (the last
    frame repeats if the file ends first)."""
    wanted = [start + i * step for i in range(count)]
    last: Image.Image | None = None
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            t = float(frame.time or 0.0)
            while wanted and t >= wanted[0] - 1e-6:
                last = frame.to_image()
                wanted.pop(0)
                yield last
            if not wanted:
                return
    if last is None:
        raise ValueError(f"{path} has no frame at {start} s")
    for _ in wanted:
        yield last


def _draw(image: Image.Image, texts: Sequence[Text]) -> Image.Image:
    w, h = image.size
    for item in texts:
        if item.style == "title":
            small = image.resize((w // 4, h // 4), Image.Resampling.BILINEAR)
            blurred = small.filter(ImageFilter.GaussianBlur(2)).resize(image.size)
            image = Image.blend(blurred, Image.new("RGB", image.size), 0.55)
    draw = ImageDraw.Draw(image, "RGBA")
    for item in texts:
        f = font(item.font, item.size)
        left, top, right, bottom = draw.textbbox((0, 0), item.text, font=f)
        tw, th = right - left, bottom - top
        if item.style == "caption":
            x, y = (w - tw) // 2, int(h * 0.86) - th
            pad = item.size // 3
            draw.rectangle(
                (x - pad, y - pad + top, x + tw + pad, y + th + pad + top), fill=(0, 0, 0, 170)
            )
            draw.text((x, y), item.text, font=f, fill=item.colour)
        elif item.style == "overlay":
            x, y = int(w * item.at[0]), int(h * item.at[1])
            stroke = max(2, item.size // 16)
            draw.text(
                (x, y),
                item.text,
                font=f,
                fill=item.colour,
                stroke_width=stroke,
                stroke_fill=(0, 0, 0),
            )
        elif item.style == "sign":
            x, y = int(w * item.at[0]), int(h * item.at[1])
            pad = item.size // 2
            draw.rounded_rectangle(
                (x - pad, y - pad + top, x + tw + pad, y + th + pad + top),
                radius=pad // 2,
                fill=(235, 235, 225),
                outline=(40, 40, 40),
                width=3,
            )
            draw.text(
                (x, y),
                item.text,
                font=f,
                fill=item.colour if item.colour != (255, 255, 255) else (20, 30, 90),
            )
        elif item.style == "title":
            x, y = (w - tw) // 2, int(h * item.at[1])
            draw.text((x, y), item.text, font=f, fill=item.colour)
        else:
            raise ValueError(f"unknown text style {item.style!r}")
    return image


def render_scene_frames(scene: Scene, media_dir: Path, fps: int = FPS) -> Iterator[np.ndarray]:
    """The RGB frames (1280x720) of one scene, text drawn on."""
    source = media_dir / "video" / scene.source
    for image in _source_frames(source, scene.start, scene.seconds * fps, 1.0 / fps):
        yield np.asarray(_draw(_cover(image.convert("RGB"), SIZE), scene.texts))


def make_text_video(
    path: Path, scenes: Sequence[Scene], media_dir: Path, fps: int = FPS
) -> list[Shown]:
    """Write ``scenes`` one after another to ``path`` (H.264 mp4, 1280x720, a keyframe a
    second) and return what each scene shows, with its time span."""
    truth: list[Shown] = []
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height = SIZE
        stream.pix_fmt = "yuv420p"
        stream.gop_size = fps
        stream.options = {"preset": "ultrafast", "crf": "23", "sc_threshold": "0"}
        stream.codec_context.time_base = Fraction(1, fps)
        n = 0
        for scene in scenes:
            start = n / fps
            for rgb in render_scene_frames(scene, media_dir, fps):
                frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
                frame.pts = n
                n += 1
                container.mux(stream.encode(frame))
            truth.append(Shown(start, n / fps, tuple(t.text for t in scene.texts)))
        container.mux(stream.encode(None))
    return truth
