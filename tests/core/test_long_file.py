"""A four-hour recording costs what ten minutes do: indexed in bounded time, nothing skipped."""

from __future__ import annotations

import time
from pathlib import Path

import av
import pytest
from mediagen import make_tone

from medialens.core.library import Library
from medialens.paths import data_dirs


def repeat_packets(seed: Path, dest: Path, hours: float) -> Path:
    """A long file made by re-muxing one encoded clip's packets (no encoding: seconds, not hours)."""
    with av.open(str(seed)) as source:
        template = source.streams.audio[0]
        packets = [p for p in source.demux(template) if p.dts is not None]
        span = packets[-1].pts + packets[-1].duration - packets[0].pts
        repeats = int(hours * 3600 / float(span * template.time_base)) + 1
        with av.open(str(dest), "w") as out:
            stream = out.add_stream_from_template(template)
            for r in range(repeats):
                for packet in packets:
                    packet.pts += span if r else 0
                    packet.dts = packet.pts
                    packet.stream = stream
                    out.mux(packet)
    return dest


@pytest.mark.slow
def test_a_four_hour_file_is_indexed_in_bounded_time(tmp_path, data_dir):
    folder = tmp_path / "long"
    folder.mkdir()
    seed = make_tone(tmp_path / "seed.mp3", seconds=10.0)
    repeat_packets(seed, folder / "four hours.mp3", hours=4)
    with Library(data_dirs(data_dir), entry_points=False, workers=2) as lib:
        lib.add_folders([folder])
        lib.scan()
        info = lib.file(folder / "four hours.mp3")
        assert info.status == "media" and info.duration == pytest.approx(4 * 3600, rel=0.01)
        started = time.perf_counter()
        lib.pipeline().run(timeout=300)
        elapsed = time.perf_counter() - started
        status = lib.status()
        assert status["failed_files"] == [] and status["pending"] == 0
        assert elapsed < 60, f"took {elapsed:.1f} s"
        features = lib.info(folder / "four hours.mp3")["features"]
        assert features["audio"]["scalars"]["tempo"] >= 0
