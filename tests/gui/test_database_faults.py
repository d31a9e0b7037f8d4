"""A fault of the library database, in the app: one dialog at start-up (never a traceback,
never an empty library in the lost one's place), Restore from backup, and a fault met while
running shown on the Activity page and in the status bar. Real files, damaged for real."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from guitools import close_window, open_window, wait_until
from mediagen import make_tone

from medialens.core.library import Library
from medialens.gui import services as S
from medialens.gui.faults import Restorer, fault_box, has_backup, open_services
from medialens.paths import data_dirs


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """Three tones scanned, four playback events, one backup; no model plugin."""
    root = tmp_path_factory.mktemp("guifaults")
    media, data = root / "media", root / "data"
    media.mkdir()
    for i in range(3):
        make_tone(media / f"tone{i}.ogg", seconds=0.4, freq=300 + 120 * i)
    lib = Library(data_dirs(data))
    try:
        for name in lib.host.records:
            if name not in ("metadata", "text"):
                lib.host.set_enabled(name, False)
        lib.add_folders([media])
        lib.scan()
        for i, kind in enumerate(("start", "complete", "like", "skip")):
            assert lib.events.record(media / f"tone{i % 3}.ogg", kind)
    finally:
        lib.close()
    Library(data_dirs(data)).close()  # a library worth keeping gets its daily backup
    return data


@pytest.fixture
def data(template, tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(template, copy)
    return copy


def flip_bytes(db: Path) -> None:
    """Flip 40 bytes in every page but the first, as a failing disk does."""
    raw = bytearray(db.read_bytes())
    rng = random.Random(7)
    for page in range(1, len(raw) // 4096):
        for _ in range(40):
            raw[page * 4096 + rng.randrange(4096)] ^= 0xFF
    db.write_bytes(bytes(raw))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def opening_fault(data: Path) -> tuple[str, str, str]:
    dirs = data_dirs(data)
    with pytest.raises(Exception) as raised:
        S.Services.open(dirs)
    fault = S.fault_event(raised.value, dirs.database)
    assert fault is not None, raised.value
    return fault


def test_a_damaged_database_gets_the_dialog_and_restore_brings_it_back(qapp, data):
    db = data / "library.sqlite3"
    flip_bytes(db)
    damaged = digest(db)
    kind, path, detail = opening_fault(data)
    assert kind == "DatabaseDamaged" and path == str(db)
    box = fault_box(kind, path, detail, can_restore=has_backup(data_dirs(data)))
    box.show()  # not exec(): the test must not block
    try:
        assert box.text() == f"The library database {db} is damaged."
        assert "medialens doctor --restore" in box.informativeText()
        assert box.detailedText().startswith("the library database is damaged")
        assert box.restore is not None and box.restore.text() == "Restore from backup"
    finally:
        box.close()
    assert digest(db) == damaged  # nothing wrote into it

    restorer = Restorer(data_dirs(data))
    started = time.monotonic()
    restorer.start()
    assert wait_until(lambda: restorer.done, timeout=20)
    assert restorer.error is None, restorer.error
    assert time.monotonic() - started < 10
    services = S.Services.open(data_dirs(data))
    try:
        assert services.store.events.count() == 4  # the history came back
    finally:
        services.close()
    [aside] = [p for p in data.iterdir() if p.name.startswith("library.sqlite3.damaged-")]
    assert digest(aside) == damaged  # moved aside, never deleted


def test_a_newer_database_is_refused_in_words_without_restore(qapp, data):
    db = data / "library.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', 0)")
    conn.close()
    before = digest(db)
    kind, path, detail = opening_fault(data)
    assert kind == "DatabaseTooNew"
    box = fault_box(kind, path, detail, can_restore=False)
    box.show()
    try:
        assert (
            box.text() == f"The library database {db} was written by a newer version of Medialens."
        )
        assert box.informativeText().startswith("Upgrade Medialens to open it")
        assert box.restore is None
    finally:
        box.close()
    assert digest(db) == before


def test_the_dialog_speaks_chinese(qapp, data):
    from medialens.gui.look import Translations

    flip_bytes(data / "library.sqlite3")
    translations = Translations(qapp)
    translations.set("zh_CN")
    try:
        box = fault_box(*opening_fault(data), can_restore=True)
        assert box.text().endswith("已损坏。") and box.restore.text() == "从备份恢复"
        box.deleteLater()
    finally:
        translations.set("en")


def test_a_missing_database_is_not_replaced_by_an_empty_one(qapp, data):
    """The whole start-up path, its modal dialog answered with Quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    db = data / "library.sqlite3"
    db.unlink()
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.escapeButton().click()  # Quit

    QTimer.singleShot(20, answer)
    assert open_services(data_dirs(data)) is None
    assert seen == [f"The library database {db} is missing."]
    assert not db.exists()  # no empty library in its place


def test_a_database_deleted_while_running_is_said_on_the_activity_page(qapp, data):
    window = open_window(data)
    try:
        engine = window.session.engine
        assert wait_until(lambda: engine.process is not None and not engine.scanning, 30)
        (data / "library.sqlite3").unlink()
        page = window.activity_page
        assert wait_until(lambda: not page.fault.isHidden(), timeout=15)
        assert "was deleted or replaced while Medialens was running" in page.fault.text()
        assert "medialens doctor" in page.fault.text()
        assert window.status.text().startswith("⚠ Indexing stopped")
        assert not window.status.fault_button.isHidden()
        window.status.fault_button.click()
        assert wait_until(lambda: window.current_page() == "activity", 5)
    finally:
        close_window(window)


@pytest.fixture
def small_disk(template, tmp_path):
    """The library on a 4 MB tmpfs (mounted for real; skipped where this may not mount)."""
    import subprocess

    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        shutil.copytree(template, disk / "data")
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


class Events:
    def __init__(self) -> None:
        self.sent: list[tuple] = []

    def send(self, event: tuple) -> None:
        self.sent.append(event)


def test_the_indexer_says_a_full_disk_pauses_and_when_it_resumes(small_disk, monkeypatch):
    """The indexer process's events, driven in this process: a full disk becomes one
    ("fault", "DiskFull", ...) event, and ("fault-cleared",) follows once there is room."""
    from medialens.core import watcher as watcher_module
    from medialens.gui.indexer import _Indexer

    monkeypatch.setattr(watcher_module, "SPACE_EVERY", 0.2)
    monkeypatch.setattr(watcher_module, "RESUME_FREE", 1024 * 1024)
    data = small_disk / "data"
    ballast = small_disk / "ballast"
    with open(ballast, "wb") as fh:
        fh.write(b"\0" * max(shutil.disk_usage(small_disk).free - 48 * 1024, 0))
    events = Events()
    indexer = _Indexer(data_dirs(data), events)
    try:
        indexer.start()
        faults = lambda: [e for e in events.sent if e[0].startswith("fault")]  # noqa: E731
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not faults():
            indexer.flush()
            time.sleep(0.05)
        [(name, kind, path, sentence)] = faults()
        assert (name, kind, path) == ("fault", "DiskFull", str(data / "library.sqlite3"))
        assert sentence.startswith("the disk holding the library database")
        ballast.unlink()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(faults()) < 2:
            indexer.flush()
            time.sleep(0.05)
        assert faults()[1:] == [("fault-cleared",)]
    finally:
        indexer.stop()


def test_the_window_says_a_full_disk_pauses_indexing_until_it_is_cleared(qapp, data):
    """The words the window shows for the indexer's disk-full events (the events the test
    above shows the indexer sending)."""
    window = open_window(data)
    try:
        db = str(data / "library.sqlite3")
        window.session.engine.databaseFault.emit("DiskFull", db, "the disk ... is full")
        page = window.activity_page
        assert wait_until(lambda: not page.fault.isHidden(), timeout=5)
        assert f"The disk holding the library database ({data}) is full." in page.fault.text()
        assert "Indexing is paused and resumes by itself" in page.fault.text()
        assert "paused: the disk is full" in window.status.text()
        window.session.engine.databaseFaultCleared.emit()
        assert wait_until(lambda: page.fault.isHidden(), timeout=5)
        assert "full" not in window.status.text()
    finally:
        close_window(window)
