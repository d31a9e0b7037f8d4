"""A folder (or part of one) the user may not read: recorded, the rest indexed, nothing lost.

Root can read anything, so under root the scan runs as the unprivileged user `nobody`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from mediagen import make_tone

import medialens.core.decoding  # noqa: F401 - loaded before dropping privileges
from medialens.core.library import Library
from medialens.paths import data_dirs


def _scan(data: str, folders: list[str]) -> dict:
    with Library(data_dirs(data), entry_points=False, builtins=False) as lib:
        lib.add_folders(folders)
        report = lib.scan()
        return {"errors": report.errors, "status": lib.status()}


@pytest.fixture
def shared_dir():
    """A folder both root and `nobody` can use (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="medialens-perm-"))
    path.chmod(0o777)
    yield path
    for p in path.rglob("*"):
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(path, ignore_errors=True)


def scan_as_user(data: Path, *folders: Path) -> dict:
    """Scan in a forked child that drops root privileges (everything it needs is imported)."""
    if os.geteuid() != 0:
        return _scan(str(data), [str(f) for f in folders])
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become `nobody`, scan, report through the pipe
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            payload = json.dumps(_scan(str(data), [str(f) for f in folders])).encode()
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            payload = json.dumps({"crash": repr(exc)}).encode()
        os.write(write, payload)
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    result = json.loads(b"".join(chunks))
    assert "crash" not in result, result
    return result


def test_unreadable_subfolder_is_reported_and_the_rest_indexed(shared_dir):
    media = shared_dir / "media"
    (media / "locked").mkdir(parents=True)
    make_tone(media / "open.ogg", seconds=0.5)
    make_tone(media / "locked" / "secret.ogg", seconds=0.5)
    for p in (shared_dir, media, media / "open.ogg"):
        p.chmod(0o777 if p.is_dir() else 0o644)
    (media / "locked").chmod(0o000)
    data = shared_dir / "data"
    data.mkdir(mode=0o777)
    data.chmod(0o777)
    result = scan_as_user(data, media)
    assert result["status"]["files"] == 1
    assert any("locked" in e and "Permission denied" in e for e in result["errors"])


def test_unreadable_library_folder_is_marked_unavailable(shared_dir):
    media = shared_dir / "private"
    media.mkdir()
    make_tone(media / "a.ogg", seconds=0.5)
    media.chmod(0o000)
    data = shared_dir / "data"
    data.mkdir(mode=0o777)
    data.chmod(0o777)
    result = scan_as_user(data, media)
    [folder] = result["status"]["folders"]
    assert folder["available"] is False and "no permission" in folder["error"]
