"""Media probing and the per-file decoding context, on generated and real media."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest
from mediagen import (
    make_stepped_tone,
    make_still_image,
    make_tone,
    make_video,
    truncate,
)
from PIL import Image

from medialens.api import ExtractionCancelled, ExtractionContext
from medialens.core.decoding import AUDIO_EXCERPTS, MAX_AUDIO_SECONDS, FileContext
from medialens.core.probe import NotMedia, probe
from medialens.core.tags import music_tags
from medialens.testing import ffmpeg_mono


def context(path: Path, cache: Path, cancelled=lambda: False) -> FileContext:
    return FileContext.for_path(path, cache, cancelled=cancelled)


def dominant_frequency(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.argmax(spectrum) * rate / len(samples))


def png_bytes(size=(24, 24)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, (200, 30, 90)).save(buffer, "PNG")
    return buffer.getvalue()


# --------------------------------------------------------------------------- probe


@pytest.mark.parametrize("suffix", [".wav", ".mp3", ".ogg", ".flac", ".m4a"])
def test_probe_audio(tmp_path, suffix):
    path = make_tone(
        tmp_path / f"tone{suffix}", seconds=1.0, channels=2, tags={"TITLE": "Sea", "Artist": "Me"}
    )
    info = probe(path)
    assert info.kind == "audio"
    assert info.duration == pytest.approx(1.0, abs=0.1)
    assert info.container == suffix[1:]
    meta = info.metadata
    assert meta["channels"] == 2
    assert meta["sample_rate"] > 0
    assert meta["audio_codec"]
    assert not meta["has_cover_art"]
    if suffix != ".wav":  # RIFF INFO tags use other names
        assert meta["tags"]["title"] == "Sea"
        assert meta["tags"]["artist"] == "Me"
    assert "encoder" not in meta["tags"]  # muxer chatter is not a tag


@pytest.mark.parametrize(
    ("suffix", "with_audio"), [(".mp4", True), (".mkv", False), (".avi", True)]
)
def test_probe_video(tmp_path, suffix, with_audio):
    path = make_video(
        tmp_path / f"clip{suffix}", seconds=2.0, size=(160, 120), with_audio=with_audio
    )
    info = probe(path)
    assert info.kind == "video"
    assert info.duration == pytest.approx(2.0, abs=0.15)
    meta = info.metadata
    assert (meta["width"], meta["height"]) == (160, 120)
    assert meta["fps"] == pytest.approx(25.0)
    assert meta["video_codec"] in {"h264", "mpeg4"}
    assert meta["has_audio"] is with_audio
    assert ("audio_codec" in meta) is with_audio


def test_duration_of_a_stream_without_timestamps(tmp_path):
    path = make_video(tmp_path / "raw.h264", seconds=2.0, size=(160, 120), with_audio=False)
    info = probe(path)
    assert info.kind == "video"
    assert info.duration == pytest.approx(2.0, abs=0.1)  # packets / frame rate
    # It cannot seek: keyframes (one a second) are read from the start.
    assert len(context(path, tmp_path).keyframes()) == 2


def test_cover_art_does_not_make_a_song_a_video(tmp_path):
    info = probe(make_tone(tmp_path / "song.mp3", seconds=1.0, cover=png_bytes()))
    assert info.kind == "audio"
    assert info.metadata["has_cover_art"] is True


def test_metadata_is_json_serialisable(tmp_path):
    import json

    info = probe(make_video(tmp_path / "clip.mp4", seconds=1.0, size=(160, 120)))
    assert json.loads(json.dumps(info.metadata)) == info.metadata


def _random_bytes(path: Path, n: int, seed: int) -> Path:
    path.write_bytes(np.random.default_rng(seed).bytes(n))
    return path


def _not_media_cases(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = make_video(tmp_path / "good.mp4", seconds=2.0, size=(160, 120))
    (tmp_path / "empty.mp3").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("hello world\n" * 200)
    (tmp_path / "notes.mp3").write_text("hello world\n" * 200)
    return {
        "zero bytes": (tmp_path / "empty.mp3", "empty"),
        "half an mp4": (truncate(good, tmp_path / "half.mp4", 0.5), "truncated"),
        "first 2 KB of an mp4": (truncate(good, tmp_path / "head.mp4", 2048), "truncated"),
        "text file": (tmp_path / "notes.txt", "not an audio or video file"),
        "text named .mp3": (tmp_path / "notes.mp3", "not an audio or video file"),
        "png": (make_still_image(tmp_path / "picture.png"), ""),
        "jpeg": (make_still_image(tmp_path / "picture.jpg"), ""),
        "gif": (make_still_image(tmp_path / "picture.gif"), ""),
        **{
            f"random bytes .mp3 #{seed}": (
                _random_bytes(tmp_path / f"r{seed}.mp3", 500_000, seed),
                "",
            )
            for seed in range(4)  # seed 1 decodes one lucky mp3 frame among errors
        },
        "random bytes .mp4": (_random_bytes(tmp_path / "r.mp4", 300_000, 9), ""),
    }


def test_probe_rejects_what_is_not_media(tmp_path):
    for label, (path, reason) in _not_media_cases(tmp_path).items():
        started = time.perf_counter()
        with pytest.raises(NotMedia) as caught:
            probe(path)
        assert time.perf_counter() - started < 1.0, label
        assert str(caught.value), label
        assert reason in str(caught.value), (label, str(caught.value))


def test_probe_closes_every_container(tmp_path):
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        pytest.skip("needs /proc")
    good = make_video(tmp_path / "good.mp4", seconds=1.0, size=(160, 120))
    cases = [good] + [path for path, _ in _not_media_cases(tmp_path).values()]
    before = len(os.listdir(fd_dir))
    for _ in range(5):
        for path in cases:
            with contextlib.suppress(NotMedia):
                probe(path)
    assert len(os.listdir(fd_dir)) <= before


def test_probe_is_fast(tmp_path):
    path = make_video(tmp_path / "clip.mp4", seconds=2.0, size=(320, 240))
    probe(path)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        probe(path)
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.03


# --------------------------------------------------------------------------- audio


def test_context_satisfies_the_plugin_protocol(tmp_path):
    ctx = context(make_tone(tmp_path / "a.wav"), tmp_path / "cache")
    assert isinstance(ctx, ExtractionContext)
    assert ctx.cache_dir == tmp_path / "cache"
    assert ctx.result("anything") is None


def test_audio_is_decoded_once_for_every_rate(tmp_path):
    path = make_tone(tmp_path / "a.ogg", seconds=3.0, freq=440.0, channels=2)
    ctx = context(path, tmp_path)
    low = ctx.audio(8000)  # first request at a low rate must not starve the next one
    high = ctx.audio(22050)
    mid = ctx.audio(16000)
    assert ctx.audio_decodes == 1
    assert ctx.audio(22050) is high
    for samples, rate in ((low, 8000), (high, 22050), (mid, 16000)):
        assert samples.dtype == np.float32 and samples.ndim == 1
        assert len(samples) == pytest.approx(3.0 * rate, rel=0.02)
        assert np.abs(samples).max() <= 1.0
        assert dominant_frequency(samples, rate) == pytest.approx(440.0, abs=5.0)


def test_audio_is_thread_safe(tmp_path):
    ctx = context(make_tone(tmp_path / "a.mp3", seconds=5.0), tmp_path)
    results = []
    threads = [threading.Thread(target=lambda: results.append(ctx.audio(22050))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert ctx.audio_decodes == 1
    assert all(r is results[0] for r in results)


def test_video_without_audio_yields_empty_audio(tmp_path):
    ctx = context(make_video(tmp_path / "silent.mkv", seconds=1.0, with_audio=False), tmp_path)
    assert len(ctx.audio(22050)) == 0
    assert ctx.cover_art() is None


def test_close_drops_the_decode(tmp_path):
    ctx = context(make_tone(tmp_path / "a.wav", seconds=1.0), tmp_path)
    ctx.audio(22050)
    ctx.close()
    ctx.audio(22050)
    assert ctx.audio_decodes == 2


@pytest.mark.parametrize(("suffix", "minutes"), [(".wav", 25), (".mp3", 11)])
def test_long_audio_is_evenly_spaced_excerpts(tmp_path, suffix, minutes):
    # The pitch steps up every minute, so each excerpt's pitch tells where it came from.
    path = make_stepped_tone(tmp_path / f"long{suffix}", minutes * 60.0, sr=8000, bit_rate=16000)
    ctx = context(path, tmp_path)
    samples = ctx.audio(8000)
    assert len(samples) == pytest.approx(MAX_AUDIO_SECONDS * 8000, rel=0.002)
    excerpts = ctx.decoded_spans
    assert len(excerpts) == AUDIO_EXCERPTS
    starts = [start for start, _ in excerpts]
    assert starts == pytest.approx(np.linspace(0, minutes * 60 - 30, AUDIO_EXCERPTS).tolist())
    per_excerpt = int(30 * 8000)
    for i, start in enumerate(starts):
        if start % 60 > 50:
            continue  # the first seconds straddle a pitch step
        head = samples[i * per_excerpt : i * per_excerpt + 4 * 8000]
        expected = 200.0 + 50.0 * (start // 60)
        assert dominant_frequency(head, 8000) == pytest.approx(expected, abs=4.0), i


def test_cancelled_decoding_stops(tmp_path):
    stop = threading.Event()
    ctx = context(make_tone(tmp_path / "a.wav", seconds=40.0), tmp_path, cancelled=stop.is_set)
    ctx.check_cancelled()
    stop.set()
    with pytest.raises(ExtractionCancelled):
        ctx.check_cancelled()
    with pytest.raises(ExtractionCancelled):
        ctx.audio(22050)
    video = context(make_video(tmp_path / "v.mp4", seconds=2.0), tmp_path, cancelled=stop.is_set)
    with pytest.raises(ExtractionCancelled):
        video.keyframes()


# --------------------------------------------------------------------------- keyframes and cover


def test_keyframes_skip_black_frames(tmp_path):
    path = make_video(tmp_path / "fade.mp4", seconds=8.0, size=(320, 240), black=[(2.0, 5.0)])
    frames = context(path, tmp_path).keyframes()
    times = [k.time for k in frames]
    assert len(frames) >= 4
    assert times == sorted(times)
    assert not any(2.0 <= t < 5.0 for t in times), times
    for k in frames:
        assert k.image.dtype == np.uint8 and k.image.shape == (240, 320, 3)
        assert k.image.mean() > 40


def test_keyframes_are_downscaled_to_640_wide(tmp_path):
    path = make_video(tmp_path / "hd.mp4", seconds=1.0, size=(1280, 720), with_audio=False)
    (frame,) = context(path, tmp_path).keyframes()
    assert frame.image.shape == (360, 640, 3)


def test_keyframes_drop_near_duplicates(tmp_path):
    # One scene for the whole clip: 8 keyframes that all look the same.
    path = make_video(tmp_path / "static.mp4", seconds=8.0, size=(320, 240), scene_seconds=100)
    assert len(context(path, tmp_path).keyframes()) <= 2


def test_keyframes_keep_one_frame_of_an_all_black_video(tmp_path):
    path = make_video(tmp_path / "black.mp4", seconds=3.0, black=[(0.0, 3.0)], with_audio=False)
    assert len(context(path, tmp_path).keyframes()) == 1


def test_audio_has_no_keyframes(tmp_path):
    assert context(make_tone(tmp_path / "a.mp3"), tmp_path).keyframes() == ()


def test_cover_art(tmp_path):
    cover = png_bytes()
    with_cover = context(make_tone(tmp_path / "a.mp3", cover=cover), tmp_path)
    assert with_cover.cover_art() == cover
    assert context(make_tone(tmp_path / "b.mp3"), tmp_path).cover_art() is None


# --------------------------------------------------------------------------- real media


@pytest.mark.media
def test_probe_real_media(real_media):
    files = sorted(
        p
        for folder in ("video", "music", "sounds")
        for p in (real_media / folder).rglob("*")
        if p.is_file()
    )
    assert files
    timings = []
    for path in files:
        started = time.perf_counter()
        info = probe(path)
        timings.append(time.perf_counter() - started)
        assert info.duration > 0, path
        assert info.kind == ("video" if path.parent.name == "video" else "audio"), path
    assert float(np.median(timings)) < 0.03
    bikes = probe(real_media / "video" / "bikes.mp4")
    assert (bikes.metadata["width"], bikes.metadata["has_audio"]) == (640, False)
    tags = probe(real_media / "music" / "1918.mp3").metadata["tags"]
    assert tags["artist"] == "Anttis instrumentals"


@pytest.mark.media
def test_real_video_keyframes(real_media, tmp_path):
    frames = context(real_media / "video" / "bikes.mp4", tmp_path).keyframes()
    assert 3 <= len(frames) <= 8
    assert all(k.image.shape[1] == 640 for k in frames)
    # A dark space scene with a bright planet is not black.
    assert context(real_media / "video" / "earth.mp4", tmp_path).keyframes()


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (
            {"track": "3/12", "disc": "1/2"},
            {"track": 3, "track_total": 12, "disc": 1, "disc_total": 2},
        ),
        ({"track": "07", "tracktotal": "9"}, {"track": 7, "track_total": 9}),
        ({"track": "2 of 10"}, {"track": 2, "track_total": 10}),
        ({"track": "0", "disc": "side A"}, {}),
        ({"date": "2004-05-01T00:00:00Z"}, {"date": "2004-05-01T00:00:00Z", "year": 2004}),
        ({"date": "c. 1999"}, {"date": "c. 1999", "year": 1999}),
        ({"genre": "(17)Rock"}, {"genre": "Rock"}),
        ({"albumartist": " The  Band "}, {"album_artist": "The Band", "artist": "The Band"}),
        (
            {"artist": "Solo", "album_artist": "Various"},
            {"artist": "Solo", "album_artist": "Various"},
        ),
    ],
)
def test_music_tags_are_normalised(tags, expected):
    assert music_tags(tags) == expected


def test_probe_keeps_the_normalised_music_tags(tmp_path):
    path = make_tone(tmp_path / "a.ogg", 1.0, tags={"ARTIST": "X", "TRACKNUMBER": "4"})
    assert probe(path).metadata["music"] == {"artist": "X", "track": 4}


def _frame_by_frame(path: Path, rate: int) -> np.ndarray:
    """The decode as it was before frames were resampled in batches: one call a frame."""
    return ffmpeg_mono(path, rate)


@pytest.mark.parametrize("suffix", [".ogg", ".wav"])
def test_batched_resampling_gives_the_same_samples(tmp_path, suffix):
    path = make_tone(tmp_path / f"t{suffix}", seconds=6.0, sr=44100, freq=440)
    ctx = FileContext.for_path(path, tmp_path)
    np.testing.assert_array_equal(ctx.audio(22050), _frame_by_frame(path, 22050))


# The stereo downmix is done before the resampler (decoding._downmix), as FFmpeg does it:
# the samples then differ from FFmpeg's own by float rounding, measured at most 2.4e-7 on
# every real track (one float32 step near full scale).
DOWNMIX_ROUNDING = 5e-7


@pytest.mark.parametrize("suffix", [".ogg", ".mp3", ".wav"])
def test_stereo_is_mixed_down_as_ffmpeg_mixes_it(tmp_path, suffix):
    path = make_tone(tmp_path / f"t{suffix}", seconds=6.0, sr=44100, freq=440, channels=2)
    ctx = FileContext.for_path(path, tmp_path)
    reference = _frame_by_frame(path, 22050)
    samples = ctx.audio(22050)
    assert len(samples) == len(reference)
    np.testing.assert_allclose(samples, reference, rtol=0, atol=DOWNMIX_ROUNDING)


@pytest.mark.media
def test_batched_resampling_gives_the_same_samples_on_real_tracks(real_media, tmp_path):
    for name in ("Coherence.ogg", "funkyrobot.mp3"):  # Vorbis 48 kHz, mp3 with overshoots
        path = real_media / "music" / name
        ctx = FileContext.for_path(path, tmp_path)
        reference = _frame_by_frame(path, 22050)
        samples = ctx.audio(22050)
        assert len(samples) == len(reference)
        np.testing.assert_allclose(samples, reference, rtol=0, atol=DOWNMIX_ROUNDING)
