"""The thumbnail extractor: a JPEG per file and a dHash per keyframe."""

from __future__ import annotations

from io import BytesIO

import numpy as np
import pytest
from mediagen import make_cover, make_tone, make_video
from PIL import Image

from medialens.builtins.thumbnails import Thumbnails, cover_files, dhash
from medialens.paths import DataDirs


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
    app = DataDirs(data=tmp_path, cache=ctx.cache_dir, config=tmp_path)
    assert app.thumbnail(ctx.file.content_id).is_file()  # where the app looks for it
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


@pytest.mark.parametrize("suffix", [".mp3", ".ogg", ".flac"])
def test_embedded_cover_art_in_each_container(tmp_path, make_context, suffix):
    ctx = make_context(make_tone(tmp_path / f"song{suffix}", 1.0, cover=make_cover()))
    result = Thumbnails().extract(ctx)
    assert result.data["source"] == "cover"
    image = np.asarray(open_thumbnail(ctx, result).convert("RGB")).astype(int)
    assert image.shape == (200, 200, 3)
    assert np.abs(image[10, 10] - (200, 40, 40)).max() < 20  # the cover's colour, not bars


def test_a_picture_beside_the_file_is_its_cover(tmp_path, make_context):
    album = tmp_path / "album"
    album.mkdir()
    make_cover(album / "Cover.JPG", colour=(30, 60, 220))
    (album / "notes.jpg.txt").write_text("not a picture")
    ctx = make_context(make_tone(album / "01 song.ogg", 1.0))
    result = Thumbnails().extract(ctx)
    assert (result.data["source"], result.data["cover_file"]) == ("cover_file", "Cover.JPG")
    pixels = np.asarray(open_thumbnail(ctx, result).convert("RGB")).astype(int)
    assert np.abs(pixels[10, 10] - (30, 60, 220)).max() < 20


def test_which_picture_wins(tmp_path, make_context):
    make_cover(tmp_path / "folder.png")
    make_cover(tmp_path / "front.jpeg")
    song = make_tone(tmp_path / "song.mp3", 1.0)
    assert [p.name for p in cover_files(song)] == ["folder.png", "front.jpeg"]
    make_cover(tmp_path / "SONG.jpg")  # a picture named after the track beats the album's
    assert cover_files(song)[0].name == "SONG.jpg"
    embedded = make_tone(tmp_path / "tagged.mp3", 1.0, cover=make_cover(colour=(0, 200, 0)))
    assert Thumbnails().extract(make_context(embedded)).data["source"] == "cover"


def test_a_broken_cover_file_falls_back_to_the_waveform(tmp_path, make_context):
    (tmp_path / "cover.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    ctx = make_context(make_tone(tmp_path / "tone.wav", 1.0))
    assert Thumbnails().extract(ctx).data["source"] == "waveform"


def test_videos_keep_their_keyframe_even_with_a_cover_beside_them(tmp_path, make_context):
    make_cover(tmp_path / "cover.jpg")
    ctx = make_context(make_video(tmp_path / "clip.mp4", seconds=2.0, size=(320, 240)))
    assert Thumbnails().extract(ctx).data["source"] == "keyframe"
