"""Every bad input gets one sentence on stderr and a non-zero exit, never a traceback and
never a silent acceptance. Each case ran on main first: a traceback or exit 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mediagen import make_tone

from medialens import cli

SRC = Path(cli.__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cli_library(tmp_path_factory) -> tuple[Path, Path]:
    """A library with one 2 s tone and one file that is not media, scanned (no plugins)."""
    base = tmp_path_factory.mktemp("cli")
    media, data = base / "media", base / "data"
    media.mkdir()
    make_tone(media / "tone.wav", seconds=2.0)
    (media / "notes.mp3").write_text("not a song")
    (base / "afile").write_text("x")
    assert cli.main(["--data-dir", str(data), "folders", "add", str(media)]) == 0
    from medialens.core.library import Library
    from medialens.paths import data_dirs

    with Library(data_dirs(data), entry_points=False, builtins=False) as lib:
        lib.scan()
    return media, data


def run(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), *sys.path])}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "medialens.cli", *argv],
        capture_output=True, text=True, env=environment, timeout=120,
    )  # fmt: skip


def one_sentence(code: int, err: str) -> None:
    assert code != 0
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("medialens"), err


# argv templates: {media}, {data}, {base} are filled in; each must be refused.
REFUSED = {
    "similar -n -5": ["similar", "{media}/tone.wav", "-n", "-5"],
    "similar -n 0": ["similar", "{media}/tone.wav", "-n", "0"],
    "search -n huge": ["search", "x", "-n", "99999999999999999999"],
    "search -n 0": ["search", "x", "-n", "0"],
    "search -n -3": ["search", "x", "-n", "-3"],
    "recommend -n 0": ["recommend", "-n", "0"],
    "recommend -n -1": ["recommend", "-n", "-1"],
    "export into a missing folder": ["history", "export", "{base}/nope/h.json"],
    "export onto a folder": ["history", "export", "{media}"],
    "event --at -5": ["event", "{media}/tone.wav", "start", "--at", "-5"],
    "event --at nan": ["event", "{media}/tone.wav", "start", "--at", "nan"],
    "event --at inf": ["event", "{media}/tone.wav", "start", "--at", "inf"],
    "event --at 1e308": ["event", "{media}/tone.wav", "start", "--at", "1e308"],
    "event --at past the end": ["event", "{media}/tone.wav", "start", "--at", "50"],
    "event on a file that is not media": ["event", "{media}/notes.mp3", "start"],
    "index --workers 0": ["index", "--workers", "0"],
    "index --workers -2": ["index", "--workers", "-2"],
    "watch --workers 0": ["watch", "--workers", "0"],
    'folders add ""': ["folders", "add", ""],
    "folders add NUL": ["folders", "add", "a\0b"],
    "info of a very long path": ["info", "/" + "a" * 5000],
    "retry an unknown extractor": ["retry", "--extractor", "nope"],
    "gui --size 10x10": ["gui", "--size", "10x10"],
    "gui --size junk": ["gui", "--size", "big"],
    "gui --wait-idle nan": ["gui", "--wait-idle", "nan"],
    "gui --language xx": ["gui", "--language", "xx"],
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_bad_value_is_refused_in_one_sentence(case, cli_library, capsys):
    media, data = cli_library
    argv = [a.format(media=media, data=data, base=data.parent) for a in REFUSED[case]]
    try:
        code = cli.main(["--data-dir", str(data), *argv])
    except SystemExit as exc:  # argparse's usage error
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    one_sentence(code, err)


DATA_DIRS = {
    "a file": "{base}/afile",
    "below a file": "{base}/afile/lib",
    "under /proc": "/proc/medialens-test",
    "empty": "",
}


@pytest.mark.parametrize("case", sorted(DATA_DIRS))
def test_an_unusable_data_dir_is_refused_in_one_sentence(case, cli_library):
    _, data = cli_library
    folder = DATA_DIRS[case].format(base=data.parent)
    proc = run("--data-dir", folder, "status")
    one_sentence(proc.returncode, proc.stderr)
    if folder:  # MEDIALENS_HOME says the same
        env = {"MEDIALENS_HOME": folder}
        proc = run("status", env=env)
        one_sentence(proc.returncode, proc.stderr)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_data_dir_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        proc = run("--data-dir", str(locked / "lib"), "status")
        one_sentence(proc.returncode, proc.stderr)
    finally:
        locked.chmod(0o700)


def test_a_good_position_is_recorded_and_the_export_holds_no_infinity(cli_library, capsys):
    media, data = cli_library
    assert (
        cli.main(["--data-dir", str(data), "event", str(media / "tone.wav"), "stop", "--at", "1.5"])
        == 0
    )
    out = data.parent / "history.json"
    assert cli.main(["--data-dir", str(data), "history", "export", str(out)]) == 0
    text = out.read_text()
    assert "Infinity" not in text and "NaN" not in text
    assert 1.5 in [e["position"] for e in json.loads(text)["events"]]


def test_an_unexpected_error_is_one_sentence_naming_verbose(cli_library, capsys, monkeypatch):
    """Any failure nobody foresaw: one sentence naming --verbose; the traceback under it.

    The command itself is replaced (not the core): a bug anywhere below behaves the same.
    """
    _, data = cli_library

    def broken(args):
        raise RuntimeError("a bug nobody foresaw")

    monkeypatch.setattr(cli, "cmd_status", broken)
    assert cli.main(["--data-dir", str(data), "status"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    one_sentence(1, err)
    assert "--verbose" in err and "a bug nobody foresaw" in err
    with pytest.raises(RuntimeError):  # --verbose keeps the traceback
        cli.main(["--verbose", "--data-dir", str(data), "status"])


def test_retry_forgets_failures_and_says_how_many(cli_library, capsys):
    media, data = cli_library
    from medialens.core.library import Library
    from medialens.paths import data_dirs

    with Library(data_dirs(data), entry_points=False, builtins=False) as lib:
        record = lib.file(media / "tone.wav")
        lib.store.results.save_failure(record.content_id, "audio", "2", "boom")
        lib.store.results.save_failure(record.content_id, "text", "1", "boom")
    assert cli.main(["--data-dir", str(data), "retry", "--extractor", "audio"]) == 0
    assert "1 failures of audio will be tried again" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(data), "retry"]) == 0
    assert "1 failures will be tried again" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(data), "retry"]) == 0
    assert "no failures to retry" in capsys.readouterr().out
