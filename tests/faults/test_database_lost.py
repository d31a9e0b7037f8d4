"""A database deleted or replaced while Medialens runs is noticed, and a missing one is never
silently replaced by an empty library."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from breakage import cli

import medialens

SRC = Path(medialens.__file__).resolve().parents[1]  # the medialens these tests import


def test_a_replaced_database_stops_the_next_write(library):
    from medialens.store import DatabaseGone, Store

    _, data = library
    db = data / "library.sqlite3"
    store = Store(db, daily_backup=False)
    try:
        store.set_setting("before", 1)
        shutil.copy(db, data / "other.sqlite3")
        os.replace(data / "other.sqlite3", db)  # same name, another file
        time.sleep(1.05)
        with pytest.raises(DatabaseGone, match="replaced by another file"):
            store.set_setting("after", 1)
        with pytest.raises(DatabaseGone):
            store.check()
    finally:
        store.close()


def test_watch_stops_non_zero_when_its_database_is_deleted(library):
    media, data = library
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    watch = subprocess.Popen(
        [sys.executable, "-m", "medialens.cli", "--data-dir", str(data), "watch", "--workers", "1"],
        stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        line = watch.stderr.readline() if watch.stderr else ""
        assert "watching" in line
        time.sleep(1.0)
        (data / "library.sqlite3").unlink()
        code = watch.wait(timeout=20)
    finally:
        if watch.poll() is None:
            watch.kill()
    err = watch.stderr.read() if watch.stderr else ""
    assert code == 1, err
    assert "was deleted while Medialens was running" in err and "Traceback" not in err


def test_the_next_command_refuses_to_start_an_empty_library(library, capsys):
    media, data = library
    (data / "library.sqlite3").unlink()
    for args in (("status",), ("folders", "list"), ("event", str(media / "tone0.ogg"), "like")):
        code, out, err = cli(capsys, data, *args)
        assert code == 1 and "the library database" in err and "is missing" in err, args
        assert "`medialens doctor --restore` brings back" in err and "4 playback events" in err
        assert not (data / "library.sqlite3").exists()  # no empty library was made

    code, out, err = cli(capsys, data, "doctor", "--restore", "--json")
    assert code == 0, err
    assert '"events": 4' in out and '"folders_restored": 1' in out
    code, out, err = cli(capsys, data, "status", "--json")
    assert code == 0 and str(media) in out


def test_a_database_emptied_to_zero_bytes_is_damaged_not_new(library, capsys):
    _, data = library
    (data / "library.sqlite3").write_bytes(b"")
    code, _, err = cli(capsys, data, "status")
    assert code == 1 and "the library database is damaged" in err and "the file is empty" in err
    assert (data / "library.sqlite3").stat().st_size == 0
