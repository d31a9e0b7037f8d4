"""A read-only database is called read-only (with its path), not "not a library"."""

from __future__ import annotations

import json
import os

import pytest
from breakage import cli, digest


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod 444: see the mount test")
def test_a_read_only_file_is_called_read_only(library, capsys):
    _, data = library
    db = data / "library.sqlite3"
    db.chmod(0o444)
    try:
        code, _, err = cli(capsys, data, "status")
    finally:
        db.chmod(0o644)
    assert code == 1 and f"the library database {db} is read-only" in err
    assert "not a Medialens library database" not in err


def test_a_database_on_a_read_only_mount_is_called_read_only(library, mounted, tmp_path, capsys):
    media, data = library
    frozen = mounted(tmp_path / "frozen", "--bind", str(data))
    mounted(frozen, "-o", "remount,ro,bind")
    db = frozen / "library.sqlite3"
    before = digest(db)
    for args in (("status",), ("event", str(media / "tone0.ogg"), "like")):
        code, _, err = cli(capsys, frozen, *args)
        assert code == 1 and f"the library database {db} is read-only" in err, err
        assert "read-only file system" in err and "Traceback" not in err
    code, out, _ = cli(capsys, frozen, "doctor")
    assert code == 1 and "read-only" in out
    # and the history can still be saved from it: exporting needs no write
    target = tmp_path / "saved.json"
    code, out, err = cli(capsys, frozen, "history", "export", str(target))
    assert code == 0 and "exported" in out, err
    assert json.loads(target.read_text())["events"] is not None
    assert digest(db) == before
