"""The library grid over 20,000 files: scrolled page by page and by random jumps for a few
seconds, it paints thousands of cards, never stalls the event loop, and shows every row.

The rows are written straight into a real library file (the shape the scanner gives them),
so the test costs seconds, not a scan of 20,000 media files.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest
from guitools import wait_until

from medialens.paths import data_dirs
from medialens.store import Store

FILES = 20_000
STALL_MS = 250  # a loaded CI machine stutters; a blocking call over every row takes seconds
PAINTS = 2000  # scroll until this many cards were painted: a stall then had room to show
SECONDS = 20.0  # the most the scrolling may take (it took 4 s on a quiet 2-core machine)


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("grid") / "data"
    dirs = data_dirs(data)
    dirs.create()
    Store(dirs.database, create=True, daily_backup=False).close()
    now = time.time()
    conn = sqlite3.connect(dirs.database)
    conn.execute(
        "INSERT INTO folders (id, path, display_path, added_at) VALUES (1, ?, '/media', ?)",
        (b"/media", now),
    )
    conn.executemany(
        "INSERT INTO files (id, path, display_path, folder_id, content_id, size, mtime_ns, "
        "status, kind, duration, title, artist, category, available, added_at, changed_at) "
        "VALUES (?, ?, ?, 1, ?, 1, 1, 'media', ?, 90.0, ?, ?, ?, 1, ?, ?)",
        [
            (i, f"/media/f{i:05d}.mp3".encode(), f"/media/f{i:05d}.mp3", f"c{i}",
             "video" if i % 4 == 0 else "audio", None if i % 4 == 0 else f"Song {i:05d}",
             f"Artist {i % 50}", "video" if i % 4 == 0 else "music", now - i, now)
            for i in range(1, FILES + 1)
        ],
    )  # fmt: skip
    conn.commit()
    conn.close()
    return data


class Watchdog:
    """The longest time the event loop took to come back to a 10 ms timer."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1000 - 10)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()


def shown_page(qtbot, library: Path):
    """The library page of a window on ``library``, shown at a desktop size."""
    from medialens.gui.library_page import LibraryPage
    from medialens.gui.services import Services
    from medialens.gui.session import Session

    services = Services.open(data_dirs(library))
    session = Session(services)
    page = LibraryPage(session, session.thumbs)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    return services, session, page


def test_scrolling_20k_cards_paints_thousands_without_a_stall(qapp, qtbot, library):
    from PySide6.QtCore import QPoint, Qt

    from medialens.gui.models import COLUMNS, RowRole

    services, session, page = shown_page(qtbot, library)
    painted = [0]
    paint = page.delegate.paint

    def counting(p, option, index) -> None:
        painted[0] += 1
        paint(p, option, index)

    page.delegate.paint = counting
    page.set_filter("All media")
    session.load_rows()  # every row loads on a worker meanwhile, as in the app
    assert wait_until(lambda: page.model.rowCount() == FILES, 20)
    grid = page.grid
    bar = grid.verticalScrollBar()
    assert wait_until(lambda: bar.maximum() > 100 * bar.pageStep(), 20)

    def on_screen_shown() -> bool:
        idx = grid.indexAt(QPoint(30, 30))
        return idx.isValid() and idx.data(RowRole) is not None

    dog = Watchdog()
    dog.start()
    rnd = random.Random(1)
    started, steps = time.perf_counter(), 0
    while painted[0] < PAINTS and time.perf_counter() - started < SECONDS:
        if steps % 10 == 9:
            bar.setValue(rnd.randint(0, bar.maximum()))
        else:
            bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
        steps += 1
        wait_until(lambda: False, 0.016)
    assert wait_until(on_screen_shown, 5), "the cards of the last jump never showed their rows"
    dog.timer.stop()
    assert painted[0] >= PAINTS, f"only {painted[0]} cards painted in {steps} steps"
    assert dog.worst < STALL_MS, f"the event loop stalled {dog.worst:.0f} ms"
    # the rows are the store's, in the order asked for: the newest first
    first = page.model.index(0, 0)
    bar.setValue(0)
    assert wait_until(lambda: first.data(RowRole) is not None, 5)
    assert first.data(RowRole).id == 1
    # and a sort by title comes from SQLite too: untitled videos sort by their file name
    before = page.model.ids()
    page.sort_by(COLUMNS.index("title"), Qt.SortOrder.AscendingOrder)
    assert wait_until(lambda: page.model.ids() is not before, 5)
    rows = lambda: [page.model.index(i, 0).data(RowRole) for i in range(50)]  # noqa: E731
    assert wait_until(lambda: None not in rows(), 5)
    titles = [page.model.index(i, 0).data(RowRole).title.casefold() for i in range(50)]
    assert titles == sorted(titles)
    session.close()
    services.close()


def test_the_grid_paints_its_cards_as_qlistview_would(qapp, qtbot, library):
    """The grid draws its cards in one Python paint (no GIL hand-off per card): the same
    pixels as QListView's own paint, with a selected current card, wherever it scrolls."""
    from PySide6.QtCore import QItemSelectionModel, QPoint
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QListView

    from medialens.gui.delegates import CardDelegate
    from medialens.gui.library_page import CardGrid
    from medialens.gui.models import RowRole

    class QtPainted(CardGrid):
        def paintEvent(self, event) -> None:
            QListView.paintEvent(self, event)

    services, session, page = shown_page(qtbot, library)
    page.set_filter("All media")
    assert wait_until(lambda: page.model.rowCount() == FILES, 20)
    grid = page.grid
    plain = QtPainted(CardDelegate(session.thumbs, width=page.grid.min_width))
    qtbot.addWidget(plain)
    plain.setModel(page.model)
    plain.setSelectionModel(grid.selectionModel())
    plain.resize(grid.size())
    plain.show()
    QCursor.setPos(5000, 5000)  # no card under the mouse in either
    bar = grid.verticalScrollBar()
    assert wait_until(lambda: bar.maximum() > 100 * bar.pageStep(), 20)
    for value in (0, 37, bar.pageStep() * 3 + 11, bar.maximum() // 2, bar.maximum()):
        plain.resize(grid.size())  # (the page lays itself out meanwhile)
        grid.clearFocus()  # focus is one widget's: neither draws a focused card
        wait_until(lambda: plain.gridSize() == grid.gridSize(), 2)
        for view in (grid, plain):
            view.verticalScrollBar().setValue(value)
        middle = grid.indexAt(grid.viewport().rect().center())
        grid.selectionModel().setCurrentIndex(
            middle, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        assert wait_until(
            lambda: (
                grid.indexAt(QPoint(30, 30)).data(RowRole) is not None
                and grid.indexAt(grid.viewport().rect().bottomRight() - QPoint(30, 30)).data(
                    RowRole
                )
                is not None
            ),
            5,
        )
        wait_until(lambda: False, 0.2)  # (the details pane may open and narrow the grid)
        plain.resize(grid.size())
        assert wait_until(
            lambda: (
                plain.viewport().size() == grid.viewport().size()
                and plain.gridSize() == grid.gridSize()
            ),
            2,
        ), (plain.viewport().size(), grid.viewport().size(), plain.gridSize(), grid.gridSize())
        plain.verticalScrollBar().setValue(bar.value())
        wait_until(lambda: False, 0.1)
        ours, qts = grid.viewport().grab().toImage(), plain.viewport().grab().toImage()
        assert ours == qts, f"the cards painted differently at scroll position {value}"
    session.close()
    services.close()
