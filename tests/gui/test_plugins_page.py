"""The plugins page in words: where each plugin comes from, what it gives, figures folded."""

from __future__ import annotations

import re

import pytest

from medialens.api import TagsOutput, VectorOutput, hookimpl
from medialens.core.library import Library
from medialens.paths import data_dirs


class Other:
    name, version = "faces", "1"
    kinds = frozenset({"video"})
    requires = ()
    outputs = (VectorOutput("face", 89, "faces"), TagsOutput(vocabulary=("smile",)))
    timeout = 5.0

    def extract(self, ctx):  # pragma: no cover - never run here
        raise NotImplementedError


class OtherPlugin:
    MEDIALENS_API = "1.0"

    @hookimpl
    def medialens_extractors(self):
        return [Other()]


@pytest.fixture
def library(data_dir):
    with Library(data_dirs(data_dir), extra_plugins=[("faces", OtherPlugin())]) as lib:
        yield lib


def _page(qtbot, library, language="en"):
    from PySide6.QtWidgets import QApplication

    from medialens.gui import services as S
    from medialens.gui.look import Translations
    from medialens.gui.plugins_page import P_NAME, P_PRODUCES, PluginsPage, SubtitleRole
    from medialens.gui.session import Session

    translations = Translations(QApplication.instance())
    translations.set(language)
    services = S.Services.open(library.dirs)
    session = Session(services, translations)
    page = PluginsPage(session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.set_rows(S.plugin_rows(library))
    items = {}
    for i in range(page.tree.topLevelItemCount()):
        item = page.tree.topLevelItem(i)
        items[item.text(P_NAME)] = (
            item.data(P_NAME, SubtitleRole),
            item.text(P_PRODUCES),
            item,
        )
    return page, items, (session, services, translations)


def _close(handles) -> None:
    session, services, translations = handles
    session.close()
    services.close()
    translations.set("en")


def test_bundled_plugins_are_not_third_party_and_produce_words(qtbot, library):
    page, items, handles = _page(qtbot, library)
    try:
        origin = {name: about for name, (about, _p, _i) in items.items()}
        assert origin["audio"] == "Built in" and origin["thumbnails"] == "Built in"
        for bundled in ("vision", "music", "semantic"):
            assert origin[bundled] == "Included", origin
        assert origin["faces"] == "Third-party"
        for name, (_about, produces, _item) in items.items():
            assert not re.search(r"\d", produces), (name, produces)  # no "89-d audio vector"
        assert "Finds what sounds alike" in items["audio"][1]
        assert "Finds what looks alike" in items["vision"][1]

        page.tree.setCurrentItem(items["vision"][2])
        assert not page.details.isVisible()  # the figures are folded away
        page.details_toggle.click()
        assert page.details.isVisible()
        details = page.details.text()
        assert "1280 dimensions" in details and "labels, such as" in details
    finally:
        _close(handles)


def test_plugins_page_in_chinese_translates_tags_and_origins(qtbot, library):
    page, items, handles = _page(qtbot, library, "zh_CN")
    try:
        assert items["vision"][0] != "Included" and items["faces"][0] != "Third-party"
        for name in ("thumbnails", "audio", "vision"):  # nothing stored yet, or declared
            assert not re.search(r"[A-Za-z]", items[name][1]), (name, items[name][1])
        page.tree.setCurrentItem(items["vision"][2])
        page.details_toggle.click()
        labels = [line for line in page.details.text().split("<tr>") if "vision" in line]
        assert labels and not re.search(r"such as|tench|goldfish", labels[0]), labels
    finally:
        _close(handles)


class Pair(OtherPlugin):
    @hookimpl
    def medialens_extractors(self):
        second = Other()
        second.name = "faces-age"
        return [Other(), second]


def test_the_page_names_the_extractor_that_stopped_and_the_embedder(qtbot, data_dir):
    from medialens.gui.plugins_page import P_PRODUCES, P_STATUS, SubtitleRole

    with Library(data_dirs(data_dir), extra_plugins=[("pair", Pair())]) as lib:
        lib.host.mark_malfunctioned("faces-age", "failed on 5 files in a row; last: boom")
        page, items, handles = _page(qtbot, lib)
        try:
            _about, _produces, item = items["pair"]
            assert item.text(P_STATUS) == "Active"
            assert "faces-age stopped after failing" in item.data(P_PRODUCES, SubtitleRole)
            children = {item.child(i).text(0): item.child(i) for i in range(item.childCount())}
            assert children["faces-age"].text(P_STATUS) == "Malfunctioned"
            assert children["faces"].text(P_STATUS) == ""
            page.tree.setCurrentItem(item)
            assert page.toggle.text() == "Enable again"
            assert "last: boom" in page.technical(page.current())
            used = [r["name"] for r in page._rows if "used to understand" in page.technical(r)]
            assert used == ["semantic"]  # the bundled text plugin's embedder
        finally:
            _close(handles)
