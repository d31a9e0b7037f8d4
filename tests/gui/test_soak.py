"""A long run of ordinary use: the crash that short tests missed.

PySide6 6.12.0 on CPython 3.11 aborted the app with ``none_dealloc`` after a few
thousand paint calls (3 s of wheel-scrolling a 445-item grid). This test does
what a person does for a while, on a library of more than 500 real (generated)
files while it is being indexed: wheel-scrolls the grids, switches every page,
plays, pauses and seeks, searches while playing and opens the details pane,
until the app has handled at least 30,000 paint events. It fails if the process
would have crashed (it runs in the test process) or if the count of references
to ``None`` drifts.
"""

from __future__ import annotations

import sys
import time

import pytest
from guitools import close_window, open_window, scanned_songs, wait_until

pytestmark = pytest.mark.slow

FILES = 520
PAINTS = 30_000
TIME_LIMIT = 240.0


@pytest.fixture(scope="module")
def big_library(tmp_path_factory):
    """520 short tagged songs and two videos in a scanned (not yet analysed) library."""
    return scanned_songs(tmp_path_factory.mktemp("soak"), FILES, seed=7, videos=2)


class PaintCounter:
    """Counts every paint event the application delivers."""

    def __init__(self, app) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint
        counter = self

        class Filter(QObject):
            def eventFilter(self, _obj, event) -> bool:  # noqa: N802 - Qt's name
                if event.type() == paint:
                    counter.count += 1
                return False

        self.count = 0
        self.filter = Filter()
        app.installEventFilter(self.filter)
        self.app = app

    def close(self) -> None:
        self.app.removeEventFilter(self.filter)


def _wheel(view, steps: int) -> None:
    """Scroll a view with the mouse wheel, as a person does, ``steps`` notches (down > 0)."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    viewport = view.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    for _ in range(abs(steps)):
        delta = -120 if steps > 0 else 120
        event = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
        viewport.repaint()


def test_long_session_does_not_crash_or_leak(qapp, qtbot, big_library):
    window = open_window(big_library)
    counter = PaintCounter(qapp)
    try:
        assert wait_until(
            lambda: window.session.rows_loaded and len(window.session.all_rows) >= FILES, 60
        )
        none_before = sys.getrefcount(None)
        started = time.monotonic()
        pages = ["foryou", "all", "video", "music", "artists", "albums", "speech", "sounds"]
        pages += ["folders", "plugins", "activity", "settings"]
        rounds = 0
        while counter.count < PAINTS:
            assert time.monotonic() - started < TIME_LIMIT, (
                f"only {counter.count} paints in {TIME_LIMIT:.0f} s"
            )
            rounds += 1
            # every page, and the grids scrolled up and down with the wheel
            for key in pages:
                window.go(key)
                qapp.processEvents()
                window.repaint()
            window.go("music")
            wait_until(lambda: window.library.model.rowCount() >= FILES - 10, 10)
            _wheel(window.library.grid, 25)
            _wheel(window.library.grid, -25)
            # the album covers, and an album's tracks
            window.go("albums")
            albums = window.albums_page
            wait_until(lambda: window.albums_page.model.rowCount() > 0, 10)
            _wheel(albums.grid, 10)
            _wheel(albums.grid, -10)
            if albums.model.rowCount():
                albums.show_album(albums.model.items()[rounds % albums.model.rowCount()].key)
                albums.album_view.repaint()
                albums.back()
            window.go("music")
            # pick a file: the details pane fills in
            row = window.library.model.index(rounds % 40, 0)
            window.library.grid.setCurrentIndex(row)
            wait_until(lambda: False, 0.15)
            # play a video, pause, seek, search while it plays, then go back
            video = next(r for r in window.session.all_rows if r.kind == "video")
            window.session.play(video.id)
            wait_until(lambda: window.player.position() > 0.3, 5)
            window.player.toggle()
            window.player.seek_to(2.0)
            window.player.toggle()
            window.search.setFocus()
            window.search.clear()
            qtbot.keyClicks(window.search, f"song {rounds}")
            wait_until(lambda: False, 0.4)
            for _ in range(5):
                window.repaint()
            window.player.next()
            window.player.close_player()
            window.search.clear()
            window.go("all")
            _wheel(window.library.grid, 15)
            _wheel(window.library.grid, -15)
        # new rows and caches hold None legitimately, so the count may grow; a leaking
        # build makes it fall by one per void call until None is deallocated
        drift = sys.getrefcount(None) - none_before
        assert drift > -200, f"references to None fell by {-drift} over {counter.count} paints"
        assert rounds >= 2
    finally:
        counter.close()
        close_window(window)
