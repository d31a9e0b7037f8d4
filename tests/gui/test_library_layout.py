"""The library page's geometry: the grid uses the width, the details pane fits its
viewport, and the list view selects whole rows.

A real LibraryPage offscreen on a scanned library of generated tones whose folder, file
names and tags are long (the real media's paths and ImageNet labels are), checked by
the geometry Qt computed, not by pixels.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from guitools import wait_until
from mediagen import make_tone

from medialens.api import ExtractionResult, TagsOutput, VectorOutput, hookimpl
from medialens.core.library import Library
from medialens.paths import data_dirs

FOLDER = "Field_recordings_from_the_northern_coast_collected_during_the_winter_survey_of_2019"
LONG = "harbour_bell_buoy_recorded_at_dawn_from_the_northern_breakwater_of_the_old_port"
TAGS = {
    "electric bass guitar": 0.9,
    "church bell": 0.8,
    "telephone bell ringing": 0.7,
    "German short-haired pointer": 0.6,
    "mountain bike": 0.5,
    "harmonica": 0.45,
    "wind chime": 0.4,
    "ambient": 0.35,
    "synthesizer": 0.3,
}
N = 30


class Tagger:
    name, version = "vision", "1"
    kinds = frozenset({"audio"})
    requires = ()
    outputs = (TagsOutput(), VectorOutput("v", 8, "visual"))
    timeout = 5.0

    def extract(self, ctx):
        import zlib

        import numpy as np

        seed = zlib.crc32(str(ctx.file.path).encode())
        vector = np.random.default_rng(seed).random(8).astype(np.float32)
        return ExtractionResult(tags=TAGS, vectors={"v": vector})


class Plugin:
    MEDIALENS_API = "1.0"

    @hookimpl
    def medialens_extractors(self):
        return [Tagger()]


def _open(data: Path) -> Library:
    return Library(
        data_dirs(data), entry_points=False, builtins=False, extra_plugins=[("p", Plugin())]
    )


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("layout")
    media = root / FOLDER
    media.mkdir()
    make_tone(media / f"{LONG}_00.wav", seconds=0.3)
    for i in range(1, N - 1):
        make_tone(media / f"tone {i:02d}.wav", seconds=0.3, freq=300.0 + 10 * i)
    song = {"title": "Harbour Song", "artist": "The Buoys", "album": "Breakwater"}
    make_tone(media / "song.mp3", seconds=0.3, freq=520.0, tags=song)
    data = root / "data"
    with _open(data) as lib:
        lib.add_folders([media])
        lib.scan()
        lib.pipeline(workers=1).run_sync()
    return data


@pytest.fixture
def page(qtbot, analysed):
    """A LibraryPage on the library, 1200x800, nothing selected."""
    from PySide6.QtGui import QColor, QImage

    from medialens.gui.library_page import LibraryPage
    from medialens.gui.services import Services
    from medialens.gui.session import Session

    lib = _open(analysed)
    # a 16:9 thumbnail, as the thumbnails extractor writes for a video
    long_row = next(r for r in lib.catalog.rows() if r.title.startswith(LONG))
    img = QImage(1280, 720, QImage.Format.Format_RGB32)
    img.fill(QColor("teal"))
    path = lib.dirs.thumbnail(long_row.content_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    assert img.save(str(path))
    services = Services.open(data_dirs(analysed))
    services.library = lib  # the library the GUI would have opened on a worker
    services.library_ready.set_result(lib)
    session = Session(services)
    session.load_rows()
    assert wait_until(lambda: session.rows_loaded, 10)
    page = LibraryPage(session, session.thumbs)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_filter("All media")
    assert wait_until(lambda: page.model.rowCount() == N, 10)
    page.long_id = long_row.id
    yield page
    session.close()
    services.library = None
    services.close()
    lib.close()


def _settle(ms: int = 200) -> None:
    wait_until(lambda: False, ms / 1000)


def _first_row_fill(grid) -> tuple[int, int, int]:
    """(columns, cell width, room left of the viewport after the first row of cards)."""
    model = grid.model()
    top = grid.visualRect(model.index(0, 0)).top()
    rects = [grid.visualRect(model.index(i, 0)) for i in range(model.rowCount())]
    row = [r for r in rects if r.top() == top]
    cell = grid.gridSize().width()
    return len(row), cell, grid.viewport().width() - max(r.right() for r in row)


def _assert_grid_fills(page) -> None:
    grid = page.grid
    columns, cell, left = _first_row_fill(grid)
    assert columns * cell <= grid.viewport().width(), (columns, cell, grid.viewport().width())
    assert left < cell, f"{left} px empty right of {columns} columns of {cell} px"
    # and the grid itself spans the page, less the details pane when it is shown
    beside = page.details.width() + page.splitter.handleWidth() if page.details.isVisible() else 0
    assert page.grid.width() + beside >= page.width() - 2, (page.grid.width(), beside)


def test_grid_uses_the_width_and_refits_when_the_details_pane_comes_and_goes(page, qtbot):
    from PySide6.QtCore import Qt

    _settle()
    assert not page.details.isVisible()  # nothing picked: no empty pane beside the grid
    _assert_grid_fills(page)
    columns_alone = _first_row_fill(page.grid)[0]

    rect = page.grid.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wait_until(lambda: page.details.isVisible() and page.details._info is not None, 10)
    _settle()
    _assert_grid_fills(page)
    assert _first_row_fill(page.grid)[0] < columns_alone  # the pane took its room

    page.grid.clearSelection()  # nothing picked again: the pane goes, the grid takes it back
    assert wait_until(lambda: not page.details.isVisible(), 5)
    _settle()
    _assert_grid_fills(page)
    assert _first_row_fill(page.grid)[0] == columns_alone


def _overflow(pane) -> list[str]:
    """The pane's visible children that reach past its viewport's right edge."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    viewport = pane.viewport()
    out = []
    body = pane.widget()
    if body.width() > viewport.width():
        out.append(f"body {body.width()} > viewport {viewport.width()}")
    for w in body.findChildren(QWidget):
        if not w.isVisibleTo(pane) or w.parentWidget() is not body:
            continue
        right = w.mapTo(viewport, QPoint(w.width(), 0)).x()
        if right > viewport.width():
            name = type(w).__name__ + (f" {w.text()[:40]!r}" if hasattr(w, "text") else "")
            out.append(f"{name} ends at {right} > {viewport.width()}")
    return out


def test_details_pane_never_overflows_its_viewport(page, qtbot):
    page.select_id(page.long_id)
    details = page.details
    assert wait_until(lambda: details.isVisible() and details._info is not None, 10)
    details.technical_toggle.click()  # the figures too: content id, tag scores
    splitter = page.splitter
    total = sum(splitter.sizes())
    for want in (0, 300, 360, 480, 640, total):  # as far as the handle goes either way
        splitter.setSizes([total - want, want])
        _settle(150)
        width = details.width()
        assert width >= details.minimumWidth()
        # the grid keeps room for one column of cards however far the handle goes
        assert page.stack.width() >= page.grid.gridSize().width()
        assert _overflow(details) == [], f"pane {width} px wide"
        # the picture is sized to the pane: as wide as the text column, never wider (less
        # a scroll bar's width when the scroll area laid out for one it then did not need)
        room = details.viewport().width() - 32
        bar = details.verticalScrollBar().sizeHint().width()
        assert details.picture.isVisible()
        assert room - bar - 2 <= details.picture.width() <= room
        shown = details.picture.shown_size()
        assert shown.width() <= details.picture.width()
        assert shown.height() <= details.picture.height()


def test_details_pane_at_its_minimum_width_alone(qtbot, page):
    details = page.details
    page.select_id(page.long_id)
    assert wait_until(lambda: details.isVisible() and details._info is not None, 10)
    details.technical_toggle.click()
    details.setParent(None)
    qtbot.addWidget(details)
    details.resize(details.minimumWidth(), 700)
    details.show()
    _settle()
    assert _overflow(details) == []


def test_list_view_selects_whole_rows(page, qtbot):
    from PySide6.QtCore import Qt

    from medialens.gui.models import COLUMNS

    def whole_row(view, row: int) -> bool:
        sel = view.selectionModel()
        return all(sel.isSelected(page.model.index(row, c)) for c in range(len(COLUMNS)))

    # a card clicked in the grid, then the list view
    rect = page.grid.visualRect(page.model.index(2, 0))
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page.list_button.click()
    assert page.table.isVisible()
    assert whole_row(page.table, 2)
    assert page.selected_ids() == [page.model.index(2, 0).data(Qt.ItemDataRole.UserRole + 1).id]

    # a cell of another column clicked in the table
    table = page.table
    rect = table.visualRect(page.model.index(4, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert whole_row(table, 4) and not whole_row(table, 2)

    # the keyboard, and ctrl+click in the grid
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert whole_row(table, 5)
    page.grid_button.click()
    rect = page.grid.visualRect(page.model.index(7, 0))
    qtbot.mouseClick(
        page.grid.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )
    page.list_button.click()
    assert whole_row(table, 5) and whole_row(table, 7)
    assert len(page.selected_ids()) == 2


def _empty_but_shown(pane) -> list[str]:
    """Visible parts of the pane with nothing in them: a heading over nothing, a blank
    label, an empty list."""
    from PySide6.QtWidgets import QLabel, QListWidget

    out = []
    for w in pane.widget().findChildren(QLabel):
        if w.isVisibleTo(pane) and not w.text().strip():
            out.append(f"label {w.objectName() or id(w)}")
    for w in pane.widget().findChildren(QListWidget):
        if w.isVisibleTo(pane) and w.count() == 0:
            out.append("empty list")
    return out


def test_details_pane_fills_in_without_empty_sections(page):
    from medialens.gui.widgets import ZWSP

    details = page.details
    row = next(r for r in page.session.all_rows if r.id == page.long_id)
    details.show_file(row.id)
    # at once, before any worker answers: the head from the loaded row, nothing blank
    assert details.title.text().replace(ZWSP, "") == row.title
    assert details.picture.isVisibleTo(details)
    assert _empty_but_shown(details) == []
    assert not details.tags_title.isVisibleTo(details)
    assert wait_until(lambda: details._info is not None and details.similar.count() > 0, 10)
    assert _empty_but_shown(details) == []
    assert details.tags_title.isVisibleTo(details) and details.similar.isVisibleTo(details)
    # each suggestion says how it is alike, not "Like <the file shown>" again
    whys = [
        details.similar.item(i).text().split("\n", 1)[1] for i in range(details.similar.count())
    ]
    assert all(why and not why.startswith("Like ") for why in whys), whys
    # "More like this" is as tall as its items (the pane scrolls, not a box inside it),
    # and every title starts at the same place, picture or not
    _settle()
    similar = details.similar
    assert similar.verticalScrollBar().maximum() == 0
    last = similar.visualItemRect(similar.item(similar.count() - 1))
    assert last.bottom() <= similar.viewport().height()
    sizes = {
        similar.item(i).icon().actualSize(similar.iconSize()).toTuple()
        for i in range(similar.count())
    }
    assert sizes == {similar.iconSize().toTuple()}


def _assert_columns_fit(table) -> None:
    from PySide6.QtCore import Qt

    from medialens.gui.models import COLUMNS

    header = table.horizontalHeader()
    total = sum(header.sectionSize(c) for c in range(len(COLUMNS)))
    room = table.viewport().width()
    assert room - 2 <= total <= room, (total, room)  # the width, all of it, no more
    assert table.horizontalScrollBar().maximum() == 0
    fm = header.fontMetrics()
    for col in range(len(COLUMNS)):  # no header cut short
        text = table.model().headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= fm.horizontalAdvance(text) + 8, text
    from medialens.gui.models import kind_name

    kinds = [kind_name("audio", c) for c in ("music", "speech", "sound")] + [kind_name("video")]
    widest = max(table.fontMetrics().horizontalAdvance(k) for k in kinds)
    assert header.sectionSize(COLUMNS.index("kind")) >= widest + 8  # "Sound effect" whole


def test_list_columns_fit_the_width_in_both_languages(page, qtbot):
    from PySide6.QtCore import Qt

    page.list_button.click()
    _settle()
    _assert_columns_fit(page.table)
    rect = page.table.visualRect(page.model.index(1, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wait_until(lambda: page.details.isVisible(), 5)
    _settle()
    _assert_columns_fit(page.table)  # narrower, beside the details pane
    translations = page.session.translations
    translations.set("zh_CN")
    try:
        _settle()
        _assert_columns_fit(page.table)
    finally:
        translations.set("en")


def test_sort_button_has_one_arrow(page):
    from PySide6.QtWidgets import QStyleOptionToolButton

    option = QStyleOptionToolButton()
    page.sort_button.initStyleOption(option)
    # the text says "▾"; a menu on the button would have the style draw a second arrow
    assert page.sort_button.text().endswith("▾")
    assert not option.features & QStyleOptionToolButton.ToolButtonFeature.HasMenu


def test_an_empty_page_says_so_once(page):
    page.set_results("Results", [])
    assert wait_until(lambda: page.model.rowCount() == 0, 5)
    assert page.stack.currentWidget() is page.empty
    assert not page.count.isVisible()  # no "0 items" over "Nothing found"
    page.set_filter("All media")
    assert wait_until(lambda: page.model.rowCount() == N, 5)
    assert page.count.isVisible()


def test_details_and_cards_name_the_kind_a_person_knows(page):
    from medialens.gui.models import card_subtitle, kind_name

    song = next(r for r in page.session.all_rows if r.title == "Harbour Song")
    assert song.category == "music"
    details = page.details
    page.select_id(song.id)
    assert wait_until(lambda: details._info is not None and details._info.id == song.id, 10)
    facts = " ".join(re.sub(r"<[^>]+>", " ", details.facts.text()).split())
    assert "Kind Music" in facts, facts  # not "Audio": the library knows it is music
    tone = next(r for r in page.session.all_rows if r.title == "tone 01")
    assert card_subtitle(tone) == kind_name(tone.kind, tone.category)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_tag_chips_never_break_inside_a_short_tag(page, language):
    from PySide6.QtGui import QTextDocument

    from medialens.gui.tags import tr_tag

    details = page.details
    translations = page.session.translations
    translations.set(language)
    try:
        page.select_id(page.long_id)
        assert wait_until(lambda: details._info is not None, 10)
        names = [tr_tag(t) for t in TAGS if len(tr_tag(t)) <= 20]
        for width in range(248, 520, 7):  # every width the pane can give its chips
            doc = QTextDocument()
            doc.setDefaultFont(details.tags.font())
            doc.setHtml(details.chips(details._info))
            doc.setTextWidth(width)
            doc.size()  # lays it out now
            block = doc.begin()
            layout = block.layout()
            text = block.text()
            lines = [
                text[line.textStart() : line.textStart() + line.textLength()]
                for line in (layout.lineAt(i) for i in range(layout.lineCount()))
            ]
            lines = [line.replace("\u2060", "").replace("\xa0", " ") for line in lines]
            for name in names:
                assert any(name in line for line in lines), (width, name, lines)
    finally:
        translations.set("en")
