"""Files that are damaged, oddly named or rewritten behind the scanner's back."""

from __future__ import annotations

import os
import random
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from mediagen import make_tone

from medialens import cli
from medialens.core.probe import NotMedia, probe

SRC = Path(cli.__file__).resolve().parents[1]
REPO = SRC.parent


# -- a name that is not UTF-8 --------------------------------------------------------------


def _cli(data: Path, *argv: str) -> subprocess.CompletedProcess:
    paths = [str(SRC), *map(str, sorted((REPO / "plugins").glob("*/src"))), *sys.path]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "medialens.cli", "--data-dir", str(data), *argv],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip


@pytest.mark.skipif(sys.platform != "linux", reason="names are bytes on Linux only")
def test_a_name_that_is_not_utf8_is_indexed_searched_and_printed(tmp_path):
    media, data = tmp_path / "media", tmp_path / "data"
    media.mkdir()
    make_tone(media / "t.wav", seconds=1.0)
    os.rename(media / "t.wav", os.fsencode(media) + b"/caf\xe9 bonjour.wav")
    assert _cli(data, "folders", "add", str(media)).returncode == 0
    first = _cli(data, "index")
    assert first.returncode == 0 and "Traceback" not in first.stderr, first.stderr
    assert "UnicodeEncodeError" not in first.stderr
    second = _cli(data, "index")
    assert "0 jobs pending" in second.stdout and "0 failures" in second.stdout, second.stdout
    found = _cli(data, "search", "bonjour")
    assert "caf\ufffd bonjour.wav" in found.stdout, found.stdout
    status = _cli(data, "status")
    assert status.returncode == 0 and "0 failed" in status.stdout
    info = _cli(data, "info", os.fsdecode(os.fsencode(media) + b"/caf\xe9 bonjour.wav"))
    assert info.returncode == 0 and "caf\ufffd bonjour.wav" in info.stdout, info.stderr


# -- damaged files: durations ----------------------------------------------------------------


def _sources(real_media: Path) -> dict[str, Path]:
    return {
        "wav": real_media / "speech" / "activated.wav",
        "ogg": next((real_media / "music").rglob("*.ogg")),
        "mp3": next((real_media / "music").glob("*.mp3")),
        "mp4": next((real_media / "video").glob("*.mp4")),
    }


def _damaged(real_media: Path, out: Path) -> list[Path]:
    """Truncations, byte flips, glued headers and forged duration fields of real media."""
    rnd = random.Random(11)
    made = []
    for name, src in _sources(real_media).items():
        data = src.read_bytes()
        for frac in (0.01, 0.1, 0.5):
            made.append(out / f"trunc{frac}_{name}{src.suffix}")
            made[-1].write_bytes(data[: max(64, int(len(data) * frac))])
        for k in range(2):
            flipped = bytearray(data[:200_000])
            for _ in range(50):
                i = rnd.randrange(len(flipped))
                flipped[i] ^= 1 << rnd.randrange(8)
            made.append(out / f"flip{k}_{name}{src.suffix}")
            made[-1].write_bytes(bytes(flipped))
        made.append(out / f"glued_{name}{src.suffix}")  # a long file's header, 8 KB of it
        made[-1].write_bytes(data[:4096] + data[-4096:])
    wav = bytearray(_sources(real_media)["wav"].read_bytes())
    i = wav.find(b"data")
    wav[4:8] = wav[i + 4 : i + 8] = struct.pack("<I", 0xFFFFFFF0)
    made.append(out / "forged_size.wav")
    made[-1].write_bytes(bytes(wav))
    make_tone(out / "tone.flac", seconds=3.0, sr=8000)
    flac = bytearray((out / "tone.flac").read_bytes())
    flac[21] |= 0x0F  # STREAMINFO's total samples: 2^36 - 1
    flac[22:26] = b"\xff\xff\xff\xff"
    made.append(out / "forged_samples.flac")
    made[-1].write_bytes(bytes(flac))
    mp4 = bytearray(_sources(real_media)["mp4"].read_bytes())
    j = mp4.find(b"mvhd")
    if mp4[j + 4] == 0:  # version 0: a 32-bit duration in the movie's time scale
        mp4[j + 20 : j + 24] = struct.pack(">I", 0xFFFFFFF0)
        made.append(out / "forged_mvhd.mp4")
        made[-1].write_bytes(bytes(mp4))
    return made


@pytest.mark.media
def test_damaged_files_never_get_an_absurd_duration(real_media, tmp_path):
    stored = 0
    for path in _damaged(real_media, tmp_path):
        size = path.stat().st_size
        try:
            info = probe(path)
        except NotMedia:
            continue  # refused with a reason: nothing absurd stored
        stored += 1
        limit = size * 8 / 4000 + 1.0  # no real encoder goes below 4 kbit/s
        assert 0 < info.duration <= limit, (path.name, size, info.duration)
    assert stored >= 10  # most damaged files still play, with a checked duration


def test_forged_flac_duration_is_measured(tmp_path):
    """The 6.9e10 s FLAC of the report: STREAMINFO's sample count forged, 3 s of audio."""
    make_tone(tmp_path / "tone.flac", seconds=3.0, sr=8000)
    flac = bytearray((tmp_path / "tone.flac").read_bytes())
    flac[21] |= 0x0F
    flac[22:26] = b"\xff\xff\xff\xff"
    (tmp_path / "forged.flac").write_bytes(bytes(flac))
    info = probe(tmp_path / "forged.flac")
    assert 2.5 <= info.duration <= 3.5
    assert "duration_problem" in info.metadata


@pytest.mark.media
def test_real_media_keep_their_declared_durations(real_media):
    for path in list(_sources(real_media).values()):
        import av

        with av.open(str(path)) as container:
            declared = container.duration / 1e6
        assert abs(probe(path).duration - declared) < 0.05, path.name


# -- a rewrite that keeps size and mtime ----------------------------------------------------------


def test_a_rewrite_with_the_same_size_and_mtime_is_hashed_again(bare_library, tmp_path):
    root = tmp_path / "m"
    root.mkdir()
    song = make_tone(root / "a.wav", seconds=1.0, freq=440)
    other = make_tone(tmp_path / "b.wav", seconds=1.0, freq=880)
    assert song.stat().st_size == other.stat().st_size
    bare_library.add_folders([root])
    bare_library.scan()
    before = bare_library.file(song).content_id
    st = song.stat()
    song.write_bytes(other.read_bytes())  # same size, other content
    os.utime(song, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the old mtime back
    assert song.stat().st_mtime_ns == st.st_mtime_ns
    report = bare_library.scan()
    assert report.changed == 1
    assert bare_library.file(song).content_id != before
    assert bare_library.scan().changed == 0  # and an unchanged file is not hashed again
