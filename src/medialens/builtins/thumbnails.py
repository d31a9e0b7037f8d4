"""Built-in thumbnails: one JPEG per file for the library grid, and keyframe hashes.

A video gets its most appealing keyframe (sharp, colourful, well exposed); an audio file
its embedded cover art, else a picture beside it (``<stem>.jpg``, then ``cover``,
``folder``, ``front``, ``album`` or ``albumart`` as .jpg/.jpeg/.png/.webp in any letter
case, as music players do), else a waveform drawn as rounded bars on a dark background.
The 64-bit
difference hash (dHash) of every keyframe goes into ``data["phash"]`` so near-duplicate
videos can be found later by Hamming distance.
"""

from __future__ import annotations

import os
import tempfile
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    FingerprintOutput,
    Keyframe,
    hookimpl,
)
from medialens.paths import thumbnail_file

if TYPE_CHECKING:
    from PIL.Image import Image

MEDIALENS_API = "1.4"  # ctx.audio_levels

THUMB_WIDTH = 320
THUMB_MAX_HEIGHT = 320  # portrait videos and square covers stay within a 320 px box
JPEG_QUALITY = 85
WAVEFORM_SIZE = (320, 180)
WAVEFORM_RATE = 22050
"""The rate the audio descriptors decode at (and the least any decode is, see
``medialens.core.decoding.AUDIO_DECODE_RATE``): the waveform's 40 bars read the shared decode
itself, where 8 kHz cost a resample of the whole track (46 ms of CPU for 4 minutes)."""
WAVEFORM_BARS = 40
_BACKGROUND = (22, 24, 31)
_BAR_FROM = (86, 156, 255)
_BAR_TO = (183, 112, 255)
COVER_NAMES = ("cover", "folder", "front", "album", "albumart")
COVER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
COVER_MAX_BYTES = 20_000_000


class Thumbnails:
    """Writes ``<cache_dir>/thumbnails/<content_id>.jpg``; ``data`` holds its relative path."""

    name = "thumbnails"
    version = "3"  # the waveform's bars from ctx.audio_levels: 5 short reads a bar
    kinds = frozenset({"audio", "video"})
    requires: tuple[str, ...] = ()
    outputs = (FingerprintOutput("phash"),)
    timeout = 60.0

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        from PIL import Image  # noqa: PLC0415 - keep plugin registration cheap

        data: dict[str, object] = {"thumbnail": None, "keyframe_times": [], "phash": []}
        image = None
        if ctx.file.kind == "video":
            keyframes = list(ctx.keyframes())
            if keyframes:
                best = max(keyframes, key=appeal)
                image = Image.fromarray(best.image)
                data["source"] = "keyframe"
                data["thumbnail_time"] = round(best.time, 3)
                data["keyframe_times"] = [round(k.time, 3) for k in keyframes]
                data["phash"] = [f"{dhash(k.image):016x}" for k in keyframes]
        ctx.check_cancelled()
        if image is None:
            cover = ctx.cover_art()
            if cover:
                try:
                    image = Image.open(BytesIO(cover))
                    image.load()
                    data["source"] = "cover"
                except (OSError, ValueError, Image.DecompressionBombError):
                    image = None
        if image is None:
            for candidate in cover_files(Path(ctx.file.path)):
                image = _open_image(candidate)
                if image is not None:
                    data["source"] = "cover_file"
                    data["cover_file"] = candidate.name
                    break
        if image is None:
            levels = ctx.audio_levels(WAVEFORM_BARS)
            if len(levels):
                image = waveform_of_levels(levels)
                data["source"] = "waveform"
        if image is None:
            return ExtractionResult(data=data)
        ctx.check_cancelled()
        image = _fit(image.convert("RGB"))
        path = thumbnail_file(Path(ctx.cache_dir), ctx.file.content_id)
        _save_jpeg(image, path)
        data["thumbnail"] = path.relative_to(Path(ctx.cache_dir)).as_posix()
        data["width"], data["height"] = image.size
        return ExtractionResult(data=data)


def cover_files(path: Path) -> list[Path]:
    """Pictures beside ``path`` that are its cover, best first (see the module docstring)."""
    try:
        entries = [e for e in os.scandir(path.parent) if e.is_file()]
    except OSError:
        return []
    ranked: list[tuple[int, int, str, Path]] = []
    names = (path.stem.casefold(), *COVER_NAMES)
    for entry in entries:
        stem, suffix = os.path.splitext(entry.name.casefold())
        if suffix in COVER_SUFFIXES and stem in names:
            rank = names.index(stem)
            ranked.append((rank, COVER_SUFFIXES.index(suffix), entry.name, Path(entry.path)))
    return [item[-1] for item in sorted(ranked)]


def _open_image(path: Path) -> Image | None:
    from PIL import Image  # noqa: PLC0415

    try:
        if path.stat().st_size > COVER_MAX_BYTES:
            return None
        with Image.open(path) as image:
            image.load()
            return image.copy()
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def appeal(keyframe: Keyframe) -> float:
    """How good a frame looks as a thumbnail: sharp, colourful and well exposed."""
    rgb = keyframe.image[::2, ::2].astype(np.float32)
    gray = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    if gray.shape[0] > 2 and gray.shape[1] > 2:
        lap = (
            gray[:-2, 1:-1]
            + gray[2:, 1:-1]
            + gray[1:-1, :-2]
            + gray[1:-1, 2:]
            - 4 * gray[1:-1, 1:-1]
        )
        sharpness = float(np.log1p(lap.var()))
    else:
        sharpness = 0.0
    # Hasler & Suesstrunk colourfulness.
    rg = rgb[..., 0] - rgb[..., 1]
    yb = 0.5 * (rgb[..., 0] + rgb[..., 1]) - rgb[..., 2]
    colourfulness = float(np.hypot(rg.std(), yb.std()) + 0.3 * np.hypot(rg.mean(), yb.mean()))
    exposure = 1.0 - min(abs(float(gray.mean()) - 115.0) / 115.0, 1.0)
    return sharpness * (1.0 + colourfulness / 40.0) * (0.25 + exposure)


def dhash(image: np.ndarray) -> int:
    """64-bit difference hash of an RGB image: is each cell brighter than its right neighbour."""
    from PIL import Image  # noqa: PLC0415

    small = Image.fromarray(image).convert("L").resize((9, 8), Image.Resampling.BOX)
    cells = np.asarray(small, dtype=np.int16)
    bits = (cells[:, 1:] > cells[:, :-1]).ravel()
    return int(np.packbits(bits).view(">u8")[0])


def waveform(samples: np.ndarray, size: tuple[int, int] = WAVEFORM_SIZE) -> Image:
    """Rounded bars of the loudness envelope of ``samples``."""
    chunks = np.array_split(np.asarray(samples, dtype=np.float32), WAVEFORM_BARS)
    levels = np.array([np.sqrt(np.mean(c**2)) if len(c) else 0.0 for c in chunks])
    return waveform_of_levels(levels, size)


def waveform_of_levels(levels: np.ndarray, size: tuple[int, int] = WAVEFORM_SIZE) -> Image:
    """Rounded bars of RMS ``levels`` (one a bar), drawn at twice the size and scaled down."""
    from PIL import Image, ImageDraw  # noqa: PLC0415

    scale = 2
    width, height = size[0] * scale, size[1] * scale
    image = Image.new("RGB", (width, height), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    levels = np.asarray(levels, dtype=np.float64)
    peak = float(np.percentile(levels, 98)) if levels.any() else 0.0
    levels = np.clip(levels / peak, 0.0, 1.0) ** 0.7 if peak > 0 else levels
    margin = width * 0.06
    slot = (width - 2 * margin) / len(levels)
    bar = slot * 0.58
    max_bar = height * 0.72
    centre = height / 2
    for i, level in enumerate(levels):
        x0 = margin + i * slot + (slot - bar) / 2
        half = max(bar / 2, level * max_bar / 2)
        t = i / max(len(levels) - 1, 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(_BAR_FROM, _BAR_TO, strict=True))
        draw.rounded_rectangle(
            (x0, centre - half, x0 + bar, centre + half), radius=bar / 2, fill=colour
        )
    return image.resize(size, Image.Resampling.LANCZOS)


def _fit(image: Image) -> Image:
    from PIL import Image as PILImage  # noqa: PLC0415

    width, height = image.size
    scale = min(THUMB_WIDTH / width, THUMB_MAX_HEIGHT / height)
    if scale >= 1.0:
        return image
    new_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(new_size, PILImage.Resampling.LANCZOS)


def _save_jpeg(image: Image, path: Path) -> None:
    """Write atomically: a reader never sees half a thumbnail."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".jpg")
    try:
        with os.fdopen(fd, "wb") as f:
            image.save(f, "JPEG", quality=JPEG_QUALITY, optimize=True)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@hookimpl
def medialens_extractors() -> list[Thumbnails]:
    return [Thumbnails()]
