"""Folders, settings and welcome as laid out on screen: counts that follow the scan,
columns and buttons with room, check boxes that show in the dark theme."""

from __future__ import annotations

import pytest
from guitools import session_over, wait_until
from mediagen import make_tone

from medialens.core.library import Library
from medialens.paths import data_dirs


@pytest.fixture
def session_on(qapp, data_dir, tmp_path):
    """A Session on a Library with one folder added but not scanned yet."""

    media = tmp_path / "media"
    media.mkdir()
    for i in range(3):
        make_tone(media / f"tone {i}.wav", seconds=0.2, freq=300.0 + 50 * i)
    lib = Library(data_dirs(data_dir), entry_points=False, builtins=False)
    lib.add_folders([media])
    with session_over(lib) as session:
        yield session, lib
    lib.close()


def _settle(ms: int = 150) -> None:
    wait_until(lambda: False, ms / 1000)


def test_folders_page_reads_counts_again_when_opened(qtbot, session_on):

    from medialens.gui.folders_page import FoldersPage

    session, lib = session_on
    page = FoldersPage(session)
    session.foldersChanged.connect(lambda folders, _first: page.set_folders(folders))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    assert wait_until(lambda: page.tree.topLevelItemCount() == 1, 10)
    item = page.tree.topLevelItem(0)
    assert item.text(1) == "0"
    lib.scan()  # the files are found while the page is elsewhere
    page.hide()
    page.show()  # opened again: not the counts from before the scan
    assert wait_until(lambda: page.tree.topLevelItem(0).text(1) == "3", 10)
    assert page.tree.topLevelItem(0).text(2) != page.tr("not yet")

    _settle()
    header = page.tree.header()
    fm = header.fontMetrics()
    for col in (1, 2, 3):  # headers and values with room, not edge to edge
        text = page.tree.headerItem().text(col)
        assert header.sectionSize(col) >= fm.horizontalAdvance(text) + 12, text
        value = page.tree.topLevelItem(0).text(col)
        assert header.sectionSize(col) >= page.tree.fontMetrics().horizontalAdvance(value) + 8
    # one folder: a short list with its buttons right under it, not a tall empty box
    tree = page.tree.geometry()
    assert tree.height() < 120, tree
    assert page.add.geometry().top() - tree.bottom() < 30


def test_settings_buttons_have_room_between_them(qtbot, session_on):
    from medialens.gui.settings_page import SettingsPage

    session, _lib = session_on
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    _settle()
    gap = page.forget_button.geometry().left() - page.export_button.geometry().right()
    assert gap >= 6, gap


def _contrast(a, b) -> float:
    """WCAG contrast ratio of two QColors."""

    def lum(c) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_check_boxes_show_their_box_in_both_themes(qtbot, session_on, qapp, theme):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    from medialens.gui.look import apply_theme
    from medialens.gui.settings_page import SettingsPage

    session, _lib = session_on
    apply_theme(qapp, theme)
    try:
        page = SettingsPage(session)
        qtbot.addWidget(page)
        page.show()
        _settle()
        box = page.pause_history
        option = QStyleOptionButton()
        box.initStyleOption(option)
        rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        image = box.grab().toImage()
        window = page.palette().color(QPalette.ColorRole.Window)
        ratio = max(
            _contrast(image.pixelColor(x, rect.center().y()), window)
            for x in range(rect.left(), rect.right() + 1)
        )
        assert ratio >= 2.0, f"the box is {ratio:.2f}:1 against the window in {theme}"
    finally:
        apply_theme(qapp, "light")
