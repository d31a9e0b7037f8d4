"""The thumbnail extractor: a JPEG per file and a dHash per keyframe."""

from __future__ import annotations

from io import BytesIO

import numpy as np
import pytest
from mediagen import make_tone, make_video
from PIL import Image

from medialens.builtins.thumbnails import Thumbnails, dhash


def open_thumbnail(ctx, result) -> Image.Image:
    path = ctx.cache_dir / result.data["thumbnail"]
    assert path.is_file()
    image = Image.open(path)
    assert image.format == "JPEG"
    return image


def test_video_thumbnail_is_a_keyframe(tmp_path, make_context):
    path = make_video(tmp_path / "clip.mp4", seconds=6.0, size=(640, 360), black=[(0.0, 1.0)])
    ctx = make_context(path)
    result = Thumbnails().extract(ctx)
    data = result.data
    assert data["source"] == "keyframe"
    assert data["thumbnail"] == f"thumbnails/{ctx.file.content_id}.jpg"
    assert open_thumbnail(ctx, result).size == (320, 180)
    assert len(data["phash"]) == len(data["keyframe_times"]) >= 3
    assert all(len(h) == 16 and int(h, 16) >= 0 for h in data["phash"])
    assert data["thumbnail_time"] in data["keyframe_times"]
    assert data["thumbnail_time"] >= 1.0  # never the black opening


def test_cover_art_thumbnail(tmp_path, make_context):
    buffer = BytesIO()
    Image.new("RGB", (500, 500), (10, 200, 30)).save(buffer, "PNG")
    ctx = make_context(make_tone(tmp_path / "song.mp3", seconds=1.0, cover=buffer.getvalue()))
    result = Thumbnails().extract(ctx)
    assert result.data["source"] == "cover"
    image = open_thumbnail(ctx, result).convert("RGB")
    assert image.size == (320, 320)
    assert np.abs(np.asarray(image)[160, 160].astype(int) - (10, 200, 30)).max() < 12


def test_waveform_thumbnail(tmp_path, make_context):
    ctx = make_context(make_tone(tmp_path / "tone.ogg", seconds=2.0))
    result = Thumbnails().extract(ctx)
    assert result.data["source"] == "waveform"
    assert result.data["phash"] == []
    pixels = np.asarray(open_thumbnail(ctx, result).convert("RGB")).astype(int)
    assert pixels.shape == (180, 320, 3)
    assert pixels[2, 2].max() < 50  # dark background
    assert pixels[90, 100:220, 2].max() > 150  # bright bars across the middle
    assert pixels[90, 100:220, 2].min() < 60  # with gaps between them


def test_content_id_cannot_escape_the_cache(tmp_path, make_context):
    import dataclasses

    ctx = make_context(make_tone(tmp_path / "tone.wav", seconds=1.0))
    ctx._file = dataclasses.replace(ctx.file, content_id="../../evil")
    result = Thumbnails().extract(ctx)
    assert "/" not in result.data["thumbnail"].removeprefix("thumbnails/")
    assert (ctx.cache_dir / result.data["thumbnail"]).is_file()


def test_dhash_tells_duplicates_from_other_scenes():
    rng = np.random.default_rng(0)
    scene = (np.kron(rng.integers(0, 255, (30, 40, 3)), np.ones((8, 8, 1)))).astype(np.uint8)
    noisy = np.clip(scene + rng.normal(0, 4, scene.shape), 0, 255).astype(np.uint8)
    other = scene[::-1, ::-1].copy()
    assert bin(dhash(scene) ^ dhash(noisy)).count("1") <= 6
    assert bin(dhash(scene) ^ dhash(other)).count("1") >= 16


@pytest.mark.media
def test_real_video_thumbnail(real_media, make_context):
    ctx = make_context(real_media / "video" / "bikes.mp4")
    result = Thumbnails().extract(ctx)
    image = open_thumbnail(ctx, result)
    image.load()
    assert image.width == 320
    assert len(result.data["phash"]) >= 3
