"""The Plugins page chooses which plugin's text embedder understands search queries: the
choice is saved through the core, the page shows what is used, and the next search embeds
the query with the chosen embedder. Real widgets, a real library, real test plugins."""

from __future__ import annotations

import contextlib

import numpy as np
import pytest
from guitools import session_over, wait_until
from mediagen import make_tone

from medialens.api import ExtractionResult, TextOutput, hookimpl
from medialens.core.library import Library
from medialens.paths import data_dirs


class Words:
    name, version, requires, timeout = "words", "1", (), 10.0
    kinds = frozenset({"audio"})
    outputs = (TextOutput(),)

    def extract(self, ctx):
        return ExtractionResult(text=f"{ctx.file.path.stem} tune")


class Embedder:
    """A toy embedder that counts the queries it embedded."""

    dim, vector_name = 4, "text"

    def __init__(self, name: str) -> None:
        self.name = name
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        return np.ones((len(texts), self.dim), np.float32) / 2.0


class EmbeddingPlugin:
    MEDIALENS_API = "1.1"

    def __init__(self, embedder: Embedder | None, extractors=()) -> None:
        self.embedder, self.extractors = embedder, list(extractors)

    @hookimpl
    def medialens_extractors(self):
        return self.extractors

    @hookimpl
    def medialens_text_embedder(self):
        return self.embedder


def _open(qtbot, lib: Library, language: str = "en"):
    from PySide6.QtWidgets import QApplication

    from medialens.gui.look import Translations
    from medialens.gui.plugins_page import PluginsPage

    translations = Translations(QApplication.instance())
    translations.set(language)
    stack = contextlib.ExitStack()
    session = stack.enter_context(session_over(lib, translations))
    page = PluginsPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.refresh()
    assert wait_until(lambda: bool(page._rows), 10)

    def close() -> None:
        stack.close()
        translations.set("en")

    return page, session, close


@pytest.fixture
def two(tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    make_tone(media / "harbour bell.ogg", seconds=0.3, freq=300)
    near, far = Embedder("near-words"), Embedder("far-words")
    plugins = [
        ("near", EmbeddingPlugin(near, [Words()])),
        ("far", EmbeddingPlugin(far)),
        ("plain", EmbeddingPlugin(None)),
    ]
    lib = Library(
        data_dirs(tmp_path / "data"), entry_points=False, builtins=False, extra_plugins=plugins
    )
    lib.add_folders([media])
    lib.scan()
    lib.pipeline().run_sync()
    yield lib, near, far
    lib.close()


def _search(session, query: str) -> list:
    results: list = []
    session.searchFinished.connect(lambda q, hits: results.append(hits))
    session.search(query)
    assert wait_until(lambda: bool(results), 10)
    return results[0]


def test_choosing_an_embedder_saves_it_and_search_uses_it(qtbot, two):
    from PySide6.QtCore import Qt

    lib, near, far = two
    page, session, close = _open(qtbot, lib)
    try:
        combo = page.embedder_combo
        items = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        assert items == [
            ("Automatic (first offered)", None),
            ("near-words (plugin near)", "near"),
            ("far-words (plugin far)", "far"),
        ]  # only plugins that offer one
        assert combo.isVisible() and not page.embedder_none.isVisible()
        assert combo.currentIndex() == 0 and lib.host.text_embedder_plugin() == "far"
        assert page.embedder_used.isVisible() and "far-words" in page.embedder_used.text()
        assert _search(session, "harbour") and far.calls == 1 and near.calls == 0

        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # the person picks near-words
        assert wait_until(lambda: page._chosen == "near", 10)
        assert lib.host.chosen_embedder() == "near" == lib.host.text_embedder_plugin()
        assert combo.currentData() == "near" and not page.embedder_used.isVisible()
        used = [r["name"] for r in page._rows if "used to understand" in page.technical(r)]
        assert used == ["near"]
        # the results on show are searched again, with the new embedder
        assert wait_until(lambda: near.calls == 1, 10) and far.calls == 1
        assert _search(session, "harbour") and (near.calls, far.calls) == (2, 1)

        qtbot.keyClick(combo, Qt.Key.Key_Up)  # Automatic again
        assert wait_until(lambda: page._chosen is None and lib.host.chosen_embedder() is None, 10)
        assert wait_until(lambda: page.embedder_used.isVisible(), 10)
        assert lib.host.text_embedder_plugin() == "far" and combo.currentIndex() == 0
        assert "far-words" in page.embedder_used.text()
        assert wait_until(lambda: far.calls == 2, 10)
        assert _search(session, "harbour") and (near.calls, far.calls) == (2, 3)
    finally:
        close()


def test_with_no_embedder_the_page_says_search_matches_words(qtbot, tmp_path):
    lib = Library(
        data_dirs(tmp_path / "data"),
        entry_points=False,
        builtins=False,
        extra_plugins=[("plain", EmbeddingPlugin(None))],
    )
    page, _session, close = _open(qtbot, lib)
    try:
        assert not page.embedder_combo.isVisible() and not page.embedder_label.isVisible()
        assert page.embedder_none.isVisible()
        assert "matches words only" in page.embedder_none.text()
    finally:
        close()
        lib.close()


def test_the_embedder_row_fits_in_chinese(qtbot, two):
    import re

    lib = two[0]
    page, _session, close = _open(qtbot, lib, "zh_CN")
    try:
        combo, label, used = page.embedder_combo, page.embedder_label, page.embedder_used
        assert not re.search(r"[A-Za-z]", label.text()), label.text()
        assert not re.search(r"Automatic|plugin", combo.itemText(0) + combo.itemText(1))
        for widget in (label, combo, used):
            assert widget.isVisible()
            assert widget.width() >= widget.sizeHint().width(), widget
        assert used.geometry().right() <= page.width()
    finally:
        close()
