"""``kill -9`` at random points while indexing, while a second process records playback:
the database stays intact, no finished result is redone, every event the recorder was
told was recorded is kept exactly once, and no extraction worker outlives its library.

The longer version (20 kills on real media) is ``benchmarks/bench_faults.py``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from mediagen import make_tone

SRC = Path(__file__).resolve().parents[2] / "src"

RECORDER = """
    import sys
    from medialens.core.library import Library
    from medialens.paths import data_dirs

    with Library(data_dirs(sys.argv[1])) as lib:
        files = sys.argv[2:]
        for i in range(100000):
            if lib.events.record(files[i % len(files)], "progress", position=i / 1000):
                print(i, flush=True)
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), *sys.path])}


def _cli(data: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "medialens.cli", "--data-dir", str(data), *args],
        env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _features(db: Path) -> dict[tuple[str, str], float]:
    with sqlite3.connect(db) as conn:
        return {
            (c, e): t
            for c, e, t in conn.execute("SELECT content_id, extractor, created_at FROM features")
        }


def _workers_of(data: Path) -> list[int]:
    """Extraction workers whose library is ``data`` (their environment names it)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
            env = Path(f"/proc/{entry}/environ").read_bytes()
        except OSError:
            continue
        if b"medialens.core.worker_process" in cmd and str(data).encode() in env:
            found.append(int(entry))
    return found


def test_kill_9_while_indexing_and_recording_loses_nothing(tmp_path):
    rng = random.Random(11)
    media = tmp_path / "media"
    media.mkdir()
    files = []
    for i in range(14):
        path = media / f"tone{i:02d}.ogg"
        make_tone(path, seconds=1.5, freq=220.0 + 40 * i)
        files.append(str(path))
    data = tmp_path / "data"
    db = data / "library.sqlite3"
    env = {**_env(), "MEDIALENS_DATA_MARK": str(data)}
    add = subprocess.run(
        [sys.executable, "-m", "medialens.cli", "--data-dir", str(data), "folders", "add", str(media)],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert add.returncode == 0, add.stderr
    from medialens.core.library import Library
    from medialens.paths import data_dirs

    with Library(data_dirs(data)) as lib:  # the model plugins add minutes and no new fault
        for record in list(lib.host.records.values()):
            if record.bundled and not record.builtin:
                lib.host.set_enabled(record.name, False)
        lib.scan()

    recorder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(RECORDER), str(data), *files],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    kept: dict[tuple[str, str], float] = {}
    kills = 0
    try:
        for _ in range(3):
            index = _cli(data, "index", "--workers", "2")
            time.sleep(rng.uniform(1.0, 4.0))
            if index.poll() is None:
                index.send_signal(signal.SIGKILL)
                kills += 1
            index.communicate()
            with sqlite3.connect(db) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            now = _features(db)
            for key, created in kept.items():
                assert now.get(key) == created, f"{key} was redone or lost"
            kept = now
            deadline = time.monotonic() + 10
            while _workers_of(data) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not _workers_of(data), "an extraction worker outlived a killed index"
    finally:
        recorder.send_signal(signal.SIGKILL)
        out, _err = recorder.communicate()
    assert kills >= 1
    confirmed = [int(line) for line in out.split()]
    assert len(confirmed) > 20, "the recorder recorded too little to tell"

    final = _cli(data, "index", "--workers", "2")
    stdout, stderr = final.communicate(timeout=300)
    assert final.returncode == 0, stderr
    assert "0 jobs pending" in stdout
    for key, created in kept.items():
        assert _features(db)[key] == created

    export = tmp_path / "history.json"
    done = subprocess.run(
        [sys.executable, "-m", "medialens.cli", "--data-dir", str(data), "history", "export", str(export)],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    events = json.loads(export.read_text())["events"]
    positions = [round(e["position"] * 1000) for e in events if e["kind"] == "progress"]
    assert len(positions) == len(set(positions)), "an event was stored twice"
    missing = set(confirmed) - set(positions)
    assert not missing, f"{len(missing)} recorded events were lost"
