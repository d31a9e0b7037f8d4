"""The status bar and the session's indexing state: progress, time left, scanning, failures."""

from __future__ import annotations

import numpy as np
import pytest
from guitools import close_window, open_window, wait_until
from mediagen import make_tone

from medialens.core.library import Library
from medialens.core.scheduler import Progress
from medialens.paths import data_dirs


@pytest.fixture
def status(qtbot):
    from medialens.gui.window import StatusWidget

    widget = StatusWidget()
    qtbot.addWidget(widget)
    return widget


def _show(widget, **progress) -> str:
    widget.progress = Progress(running=True, **progress)
    widget.update_text()
    return widget.text()


def test_progress_is_the_librarys_with_an_honest_time_left(status):
    text = _show(status, total=454, done=22, eta_seconds=100)
    assert "22 of 454 files analysed" in text
    assert "about 2 min left" in text  # not "less than a minute" with 100 s to go
    assert "left" not in _show(status, total=454, done=1, eta_seconds=None)  # not measured yet
    words = status.time_left
    assert words(38) == "about 40 s left"
    assert words(3) == "about 10 s left"
    assert words(25 * 60 + 10) == "about 25 min left"
    assert words(5400) == "about 1 h 30 min left"
    assert words(7190) == "about 2 h left"
    assert words(14 * 3600 + 900) == "about 14 h left"


def test_the_time_left_runs_down_and_one_odd_file_barely_moves_it(status):
    """A long video after short songs must not turn "about 4 min" into "about 11 min"."""
    from medialens.gui.time_left import TimeLeft

    clock = [0.0]
    status._counting_down = TimeLeft(lambda: clock[0])
    assert "about 4 min left" in _show(status, total=100, done=10, eta_seconds=240)
    clock[0] = 5.0
    moved = _show(status, total=100, done=11, eta_seconds=660)
    assert "about 4 min left" in moved or "about 5 min left" in moved, moved
    # a redraw for another reason (a failure counted) does not feed the estimate again
    status.nfailures = 1
    status.update_text()
    assert moved.split("  ·  ")[1] in status.text()
    # estimates that agree with the clock are shown as they are
    left = TimeLeft(lambda: clock[0])
    for t in range(0, 200, 7):
        clock[0] = float(t)
        assert left.update(300.0 - t) == pytest.approx(300.0 - t)
    # a lasting change shows within a couple of minutes
    for t in range(200, 330, 5):
        clock[0] = float(t)
        shown = left.update(600.0)
    assert shown == pytest.approx(600.0, rel=0.15)
    # noisy estimates around a true 120 s: the shown value stays within a minute of it
    noisy = TimeLeft(lambda: clock[0])
    rng = np.random.default_rng(3)
    clock[0] = 1000.0
    noisy.update(120.0)
    for t in range(3, 90, 3):
        clock[0] = 1000.0 + t
        truth = 120.0 - t
        shown = noisy.update(truth * rng.choice([0.4, 1.0, 2.5]))
        assert abs(shown - truth) < 30, (t, shown)
    # paused: the clock stops, and a stale estimate is not run down on resume
    paused = TimeLeft(lambda: clock[0])
    clock[0] = 0.0
    paused.update(300.0)
    clock[0] = 10.0
    assert paused.update(290.0, paused=True) == pytest.approx(300.0)
    clock[0] = 500.0
    assert paused.update(300.0) == pytest.approx(300.0)
    assert paused.update(None) is None


def test_files_found_before_the_backlog_is_counted_are_not_called_the_library(status):
    """Planning a large library takes seconds; a file queued meanwhile is not "0 of 1"."""
    text = _show(status, total=1, done=0, planned=False)
    assert "of 1 files" not in text and "Counting the files left to analyse" in text
    assert "0 of 20,000 files analysed" in _show(status, total=20_000, done=0, planned=True)
    # planning streams: the first pages' files run while the rest is counted
    text = _show(status, total=2000, done=3, planned=False, current=["song.mp3"])
    assert "Counting the files left to analyse" in text and "song.mp3" in text
    assert "so far" not in text  # nothing finished yet in this run
    text = _show(status, total=2000, done=3, planned=False, current=["b.mp3"], ran=1234)
    assert "1,234 analysed so far" in text and "of 2,000" not in text


def test_scanning_ends_only_once_the_rows_show_what_was_found(qtbot, data_dir, tmp_path):
    """The library must not say "No media found" between the end of a scan and the rows."""
    from medialens.gui.services import Services
    from medialens.gui.session import Session

    root = tmp_path / "media"
    root.mkdir()
    for i in range(3):
        make_tone(root / f"tone{i}.wav", seconds=0.2, freq=300 + 50 * i)
    with Library(data_dirs(data_dir), entry_points=False, builtins=False) as lib:
        lib.add_folders([root])
        lib.scan()  # as the indexer does, in its own process
    services = Services.open(data_dirs(data_dir))
    session = Session(services)
    try:
        seen = []
        # what the views show: the counts read with the rows (the grid pages in from them)
        session.scanningChanged.connect(lambda on: seen.append((on, session.counts.get("all", 0))))
        session.engine.scanningChanged.emit(True)
        session.engine.scanningChanged.emit(False)  # the indexer says the scan is over
        assert wait_until(lambda: len(seen) == 2, 10), seen
        assert seen == [(True, 0), (False, 3)]
        assert not session.scanning
    finally:
        session.close()
        services.close()


def test_failed_badge_survives_a_restart(qapp, data_dir, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    (root / "broken.mp3").write_bytes(b"not an mp3 at all" * 200)
    with Library(data_dirs(data_dir), entry_points=False, builtins=False) as lib:
        lib.add_folders([root])
        lib.scan()
    window = open_window(data_dir)  # the app starts again: nothing has failed in this run
    try:
        assert wait_until(lambda: window.status.failures.isVisible(), 10)
        assert window.status.failures.text() == "⚠ 1 failed"
    finally:
        close_window(window)


def test_an_unavailable_analysis_is_said_in_words_with_the_error_on_demand(status):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from medialens.gui.look import Translations

    status.error = "RuntimeError: the library could not load"
    status.update_text()
    assert "RuntimeError" not in status.text() and "unavailable" in status.text()
    assert "RuntimeError" in status.label.toolTip()
    translations = Translations(QApplication.instance())
    try:
        translations.set("zh_CN")
        QApplication.sendEvent(status, QEvent(QEvent.Type.LanguageChange))
        assert status.text().startswith("分析不可用"), status.text()
    finally:
        translations.set("en")


def test_a_slow_change_poll_never_piles_up_on_the_workers(qapp, data_dir, tmp_path):
    """On a slow disk (or a huge library) one poll can outlast the poll interval; polls must
    then wait for it, not fill every worker of the window (seen at 10^6 files: four at once)."""
    import threading
    import time

    from medialens.gui.services import Services
    from medialens.gui.session import Session

    root = tmp_path / "media"
    root.mkdir()
    make_tone(root / "tone.wav", seconds=0.2)
    with Library(data_dirs(data_dir), entry_points=False, builtins=False) as lib:
        lib.add_folders([root])
        lib.scan()
    services = Services.open(data_dirs(data_dir))
    session = Session(services)
    catalog = services.catalog
    real = catalog.signature
    lock = threading.Lock()
    running, most, calls = [0], [0], [0]

    def slow_disk() -> tuple:  # the store's read as a slow disk serves it
        with lock:
            running[0] += 1
            calls[0] += 1
            most[0] = max(most[0], running[0])
        try:
            time.sleep(0.4)
            return real()
        finally:
            with lock:
                running[0] -= 1

    catalog.signature = slow_disk
    try:
        for _ in range(12):  # the timer fires far more often than a poll answers
            session.check_signature()
            wait_until(lambda: False, 0.05)
        assert wait_until(lambda: running[0] == 0, 5)
        assert most[0] == 1 and calls[0] >= 1, (most[0], calls[0])
        session.check_signature()  # once answered, polling goes on
        assert wait_until(lambda: calls[0] >= 2, 5)
    finally:
        catalog.signature = real
        session.close()
        services.close()
