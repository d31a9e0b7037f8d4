"""Plugins that exit, crash, hang, spin, allocate without bound or return garbage cannot
take the library down: each becomes a failure row naming the (file, extractor), the other
extractors' results are stored, later runs make progress, and nothing is left running.

The faulty plugins are installed as pip would (a module plus a dist-info with its entry
point) and the real ``medialens`` command runs in a subprocess, as a user runs it.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from mediagen import make_tone

SRC = Path(__file__).resolve().parents[2] / "src"

PLUGIN = """
    import ctypes, os, sys, time
    import numpy as np
    from medialens.api import ExtractionResult, VectorOutput, hookimpl

    MEDIALENS_API = "1.2"
    MARK = {mark!r}

    class Faulty:
        name, version, kinds, requires = {name!r}, "1", frozenset({{"audio"}}), ()
        outputs, timeout = (VectorOutput("v", 2, "audio"),), {timeout}

        def extract(self, ctx):
            open(MARK, "a").write(ctx.file.path.name + "\\n")
{body}
            return ExtractionResult(vectors={{"v": np.array([1.0, 2.0])}})

    @hookimpl
    def medialens_extractors():
{listing}
        return [Faulty()]
"""

BODIES = {
    "exit": "os._exit(3)",
    "segfault": "ctypes.string_at(0)",
    "hang": "time.sleep(3600)",
    "busy": "while True: pass",
    "allocate": "hog = [b'x' * (64 << 20) for _ in iter(int, 1)]",
    "nan": "return ExtractionResult(vectors={'v': np.array([float('nan'), 1.0])})",
    "inf": "return ExtractionResult(vectors={'v': np.array([float('inf'), 1.0])})",
    "huge": "return ExtractionResult(vectors={'v': np.array([1.0, 2.0, 3.0])})",
    "score": "return ExtractionResult(tags={'loud': 7.5})",
    "raises": "raise RuntimeError('the model file is missing')",
}


def install(
    site: Path, fault: str, *, name: str = "faulty", timeout: float = 30, listing: str = ""
) -> Path:
    """Install the plugin ``name`` (module ``ml_<name>``, one extractor of the same name);
    returns the file it appends each call to."""
    mark = site / f"calls-{name}.txt"
    body = textwrap.indent(BODIES.get(fault, "pass"), " " * 12)
    source = PLUGIN.format(
        name=name,
        mark=str(mark),
        timeout=timeout,
        body=body,
        listing=textwrap.indent(listing, " " * 8),
    )
    (site / f"ml_{name}.py").write_text(textwrap.dedent(source))
    info = site / f"medialens_{name}-1.0.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: medialens-{name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[medialens]\n{name} = ml_{name}\n")
    return mark


class Cli:
    """The ``medialens`` command on one library, with the faulty plugin importable."""

    def __init__(self, root: Path, site: Path, **env: str) -> None:
        self.data = root / "data"
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(site), str(SRC), *sys.path]),
            "QT_QPA_PLATFORM": "offscreen",
            **env,
        }
        self.only_builtins_and_faulty()

    def only_builtins_and_faulty(self) -> None:
        """Disable the bundled model plugins: their models would cost a minute a test and
        add nothing to what these faults show."""
        from medialens.core.library import Library
        from medialens.paths import data_dirs

        with Library(data_dirs(self.data)) as lib:
            for record in list(lib.host.records.values()):
                if record.bundled and not record.builtin:
                    lib.host.set_enabled(record.name, False)

    def popen(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "medialens.cli", "--data-dir", str(self.data), *args],
            env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    def __call__(self, *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "medialens.cli", "--data-dir", str(self.data), *args],
            env=self.env, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip

    def rows(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.data / "library.sqlite3") as conn:
            return conn.execute(sql).fetchall()

    def failures(self) -> dict[str, str]:
        return dict(self.rows("SELECT extractor, error FROM failures"))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    path = tmp_path / "site"
    path.mkdir()
    return path


@pytest.fixture
def media(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    folder.mkdir()
    for i in range(2):
        make_tone(folder / f"tone{i}.ogg", seconds=0.5, freq=300.0 + 200 * i)
    return folder


def _index(cli: Cli, media: Path, **kw) -> subprocess.CompletedProcess:
    assert cli("folders", "add", str(media)).returncode == 0
    return cli("index", "--workers", "1", **kw)


def _assert_builtins_stored(cli: Cli) -> None:
    stored = {r[0] for r in cli.rows("SELECT DISTINCT extractor FROM features")}
    assert {"metadata", "audio"} <= stored, stored


DEATHS = {
    "exits": ("exit", "its process exited (exit code 3) while it ran on this file"),
    "crashes": ("segfault", "its process crashed (SIGSEGV) while it ran on this file"),
    "raises": ("raises", "RuntimeError: the model file is missing"),
}


def test_plugins_that_die_become_failures_and_the_run_goes_on(tmp_path, site, media):
    for name, (fault, _error) in DEATHS.items():
        install(site, fault, name=name)
    cli = Cli(tmp_path, site)
    done = _index(cli, media)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "0 jobs pending" in done.stdout
    assert cli.failures() == {name: error for name, (_f, error) in DEATHS.items()}
    assert len(cli.rows("SELECT 1 FROM failures")) == 3 * 2  # each plugin, each file
    _assert_builtins_stored(cli)
    again = cli("index", "--workers", "1")
    assert "extracted 0 files" in again.stdout and "0 jobs pending" in again.stdout
    listed = {p["name"]: p for p in json.loads(cli("plugins", "list", "--json").stdout)}
    for name in DEATHS:  # two failures in a row are not yet a malfunction
        assert listed[name]["status"] == "active"


def test_plugins_past_their_time_limit_are_stopped_not_left_running(tmp_path, site, media):
    install(site, "hang", name="sleeps", timeout=2)
    install(site, "busy", name="spins", timeout=2)
    cli = Cli(tmp_path, site)
    done = _index(cli, media)
    assert done.returncode == 0, done.stderr
    stopped = "timed out after 2 s and was stopped"
    assert cli.failures() == {"sleeps": stopped, "spins": stopped}
    _assert_builtins_stored(cli)
    # Nothing of the plugin keeps running once the command is over (a busy loop left
    # behind on a thread used to burn a core for as long as `watch` ran).
    left = subprocess.run(
        ["pgrep", "-f", "medialens.core.worker_process"], capture_output=True, text=True
    )
    assert str(os.getpid()) not in left.stdout
    assert not [p for p in left.stdout.split() if _child_of_test(int(p), tmp_path)]


def _child_of_test(pid: int, tmp_path: Path) -> bool:
    try:
        env = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return False
    return str(tmp_path).encode() in env


def test_a_plugin_that_allocates_without_bound_is_stopped_at_the_memory_limit(
    tmp_path, site, media
):
    install(site, "allocate", timeout=60)
    cli = Cli(tmp_path, site, MEDIALENS_WORKER_MEMORY_MB="600")
    done = _index(cli, media)
    assert done.returncode == 0, done.stderr
    assert cli.failures() == {"faulty": "used more than 600 MB of memory and was stopped"}
    _assert_builtins_stored(cli)


GARBAGE = {
    "nan": "contains NaN or infinity",
    "inf": "contains NaN or infinity",
    "huge": "has shape (3,), declared (2,)",
    "score": "has score 7.5",
}


def test_plugins_returning_garbage_are_refused_before_it_is_stored(tmp_path, site, media):
    for fault in GARBAGE:
        install(site, fault, name=fault)
    cli = Cli(tmp_path, site)
    done = _index(cli, media)
    assert done.returncode == 0, done.stderr
    failures = cli.failures()
    for fault, error in GARBAGE.items():
        assert error in failures[fault]
        assert not cli.rows(f"SELECT 1 FROM features WHERE extractor = '{fault}'")
    _assert_builtins_stored(cli)


def test_a_crashing_plugin_is_marked_malfunctioned_after_five_files(tmp_path, site):
    install(site, "exit")
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(6):
        make_tone(folder / f"t{i}.ogg", seconds=0.3, freq=200.0 + 50 * i)
    cli = Cli(tmp_path, site)
    done = _index(cli, folder)
    assert done.returncode == 0, done.stderr
    listed = json.loads(cli("plugins", "list", "--json").stdout)
    faulty = next(p for p in listed if p["name"] == "faulty")
    assert faulty["extractors"][0]["malfunction"].startswith("failed on 5 files in a row")
    assert len(cli.failures()) == 1 and len(cli.rows("SELECT * FROM failures")) == 5
    # The other extractors kept going over every file.
    assert len(cli.rows("SELECT * FROM features WHERE extractor = 'metadata'")) == 6


def test_ctrl_c_during_a_hung_extractor_stops_within_two_seconds(tmp_path, site, media):
    mark = install(site, "hang", timeout=600)
    cli = Cli(tmp_path, site)
    assert cli("folders", "add", str(media)).returncode == 0
    proc = cli.popen("index", "--workers", "1")
    deadline = time.monotonic() + 120
    while not mark.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert mark.exists(), "the plugin was never called"
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        _out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    took = time.monotonic() - sent
    assert took < 2.0, f"took {took:.1f} s to stop"
    assert "Traceback" not in err
    # Nothing was stored as a failure: the file stays pending for the next run.
    assert "faulty" not in cli.failures()


def test_a_plugin_whose_discovery_hangs_is_reported_and_plugins_still_answer(tmp_path, site):
    install(site, "none", listing="time.sleep(3600)")
    cli = Cli(tmp_path, site, MEDIALENS_PLUGIN_LOAD_TIMEOUT="2")
    started = time.monotonic()
    first = cli("plugins", "list", "--json", timeout=60)
    assert first.returncode == 0, first.stderr
    assert time.monotonic() - started < 30
    faulty = next(p for p in json.loads(first.stdout) if p["name"] == "faulty")
    assert faulty["status"] == "malfunctioned"
    assert "medialens_extractors() did not answer within 2 s" in faulty["error"]
    # Remembered: the next commands do not load it at all, so they answer at once.
    started = time.monotonic()
    assert cli("plugins", "disable", "faulty", timeout=60).returncode == 0
    listed = cli("plugins", "list", timeout=60)
    assert listed.returncode == 0
    assert time.monotonic() - started < 20
    # Enabling it says it will be tried again, and the next start does try.
    assert cli("plugins", "enable", "faulty", timeout=60).returncode == 0
    again = cli("plugins", "list", "--json", timeout=60)
    faulty = next(p for p in json.loads(again.stdout) if p["name"] == "faulty")
    assert "did not answer within 2 s" in faulty["error"]


def test_a_plugin_whose_import_hangs_does_not_hang_index(tmp_path, site, media):
    install(site, "none")
    source = (site / "ml_faulty.py").read_text()
    (site / "ml_faulty.py").write_text("import time\ntime.sleep(3600)\n" + source)
    cli = Cli(tmp_path, site, MEDIALENS_PLUGIN_LOAD_TIMEOUT="2")
    done = _index(cli, media, timeout=120)
    assert done.returncode == 0, done.stderr
    _assert_builtins_stored(cli)
    assert "0 jobs pending" in done.stdout
