"""The details pane in words: tags as chips, what was analysed, how often it was played;
the figures folded away in "Technical details"."""

from __future__ import annotations

import re
import uuid

import pytest
from guitools import wait_until
from mediagen import make_tone

from medialens.api import ExtractionResult, TagsOutput, VectorOutput, hookimpl
from medialens.core.library import Library
from medialens.paths import data_dirs


class Tagger:
    """Tags every file like the vision plugin would, with scores to rank."""

    name, version = "vision", "3"
    kinds = frozenset({"audio", "video"})
    requires = ()
    outputs = (TagsOutput(), VectorOutput("v", 4, "visual"))
    timeout = 5.0

    def extract(self, ctx):
        import numpy as np

        return ExtractionResult(
            tags={"suit": 0.42, "mountain bike": 0.81, "speck": 0.04},
            vectors={"v": np.ones(4, np.float32)},
        )


class Broken:
    name, version = "music", "2"
    kinds = frozenset({"audio"})
    requires = ()
    outputs = (TagsOutput(),)
    timeout = 5.0

    def extract(self, ctx):
        raise RuntimeError("no model")


class Plugin:
    MEDIALENS_API = "1.0"

    @hookimpl
    def medialens_extractors(self):
        return [Tagger(), Broken()]


@pytest.fixture
def library_file(data_dir, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    make_tone(root / "tone.wav", seconds=0.5)
    with Library(
        data_dirs(data_dir), entry_points=False, builtins=False, extra_plugins=[("p", Plugin())]
    ) as lib:
        lib.add_folders([root])
        lib.scan()
        lib.pipeline(workers=1).run_sync()
        [row] = lib.catalog.rows()
        yield lib, row.id


def _pane(qtbot, data_dir, lib, language="en"):
    from PySide6.QtWidgets import QApplication

    from medialens.gui.details_pane import DetailsPane
    from medialens.gui.look import Translations
    from medialens.gui.services import Services
    from medialens.gui.session import Session

    translations = Translations(QApplication.instance())
    translations.set(language)
    services = Services.open(data_dirs(data_dir))
    services.library = lib  # the library the GUI would have opened on a worker
    services.library_ready.set_result(lib)
    session = Session(services, translations)
    pane = DetailsPane(session)
    qtbot.addWidget(pane)
    pane.resize(360, 900)
    pane.show()
    return pane, session, services, translations


def _plain(html: str) -> str:
    # word joiners keep a tag on one line; they are not seen
    return re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ").replace("\u2060", "")


def _play(lib, file_id: int, times: int) -> None:
    for _ in range(times):
        lib.events.record(file_id, "start", position=0.0, session=uuid.uuid4().hex)


def test_details_say_it_in_words_and_keep_the_figures_folded(qtbot, data_dir, library_file):
    lib, fid = library_file
    pane, session, services, translations = _pane(qtbot, data_dir, lib)
    try:
        pane.show_file(fid)
        assert wait_until(lambda: pane._info is not None, 10)
        tags = _plain(pane.tags.text())
        assert not re.search(r"\d", tags), tags  # no "suit 0.42"
        assert tags.index("mountain bike") < tags.index("suit")  # strongest first
        assert "speck" not in tags  # too weak to show
        analysis = _plain(pane.extractors.text())
        assert "Analysed: picture" in analysis and "Could not analyse: musical style" in analysis
        assert not re.search(r"\d", analysis), analysis  # no "vision v3 · 0.1 s"
        assert not pane.technical.isVisible()  # folded by default
        pane.technical_toggle.click()
        assert pane.technical.isVisible()
        technical = _plain(pane.technical.text())
        assert "suit 0.42" in technical and "v3" in technical and "no model" in technical

        for total, said in ((1, "once"), (2, "twice"), (3, "3 times")):
            _play(lib, fid, 1)
            pane.refresh()
            assert wait_until(lambda n=total: pane._info.plays == n, 10)
            facts = _plain(pane.facts.text())
            assert f"Played {said}" in " ".join(facts.split()), facts
    finally:
        session.close()
        services.library = None  # the fixture closes it
        services.close()
        translations.set("en")


def test_details_in_chinese_translate_tags_analysis_and_plays(qtbot, data_dir, library_file):
    lib, fid = library_file
    _play(lib, fid, 3)
    pane, session, services, translations = _pane(qtbot, data_dir, lib, "zh_CN")
    try:
        pane.show_file(fid)
        assert wait_until(lambda: pane._info is not None, 10)
        tags = _plain(pane.tags.text())
        assert "山地自行车" in tags and "mountain bike" not in tags
        analysis = _plain(pane.extractors.text())
        assert "Analysed" not in analysis and "picture" not in analysis, analysis
        facts = " ".join(_plain(pane.facts.text()).split())
        assert "3 times" not in facts and "3 次" in facts, facts
    finally:
        session.close()
        services.library = None  # the fixture closes it
        services.close()
        translations.set("en")


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "analysing its musical style"), ("zh_CN", "分析音乐风格")]
)
def test_activity_says_what_failed_in_words(qtbot, data_dir, library_file, language, expected):
    from PySide6.QtWidgets import QApplication

    from medialens.gui.activity_page import ActivityPage
    from medialens.gui.look import Translations
    from medialens.gui.services import Services
    from medialens.gui.session import Session

    lib, _fid = library_file
    translations = Translations(QApplication.instance())
    translations.set(language)
    services = Services.open(lib.dirs)
    session = Session(services, translations)
    try:
        page = ActivityPage(session)
        qtbot.addWidget(page)
        page.set_failures(lib.status()["failed_files"])
        [item] = [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
        assert item.text(1) == expected  # not the extractor's name, "music"
        assert "no model" in item.text(2)  # the error itself, as the details
    finally:
        session.close()
        services.close()
        translations.set("en")


def test_activity_lists_a_bounded_number_of_failures_and_says_how_many(qtbot, library_file):
    """The page shows the first failures the core read for it, with their file ids (no
    lookup over every row of the library), and how many there are in all."""
    from PySide6.QtWidgets import QApplication

    from medialens.gui.activity_page import SHOWN, ActivityPage
    from medialens.gui.look import Translations
    from medialens.gui.services import Services
    from medialens.gui.session import Session

    lib, fid = library_file
    translations = Translations(QApplication.instance())
    services = Services.open(lib.dirs)
    session = Session(services, translations)
    try:
        page = ActivityPage(session)
        qtbot.addWidget(page)
        failures = lib.failures(SHOWN)
        assert failures["count"] == 1 and failures["rows"][0]["file_id"] == fid
        page.set_failures(failures["rows"], failures["count"])
        assert page.tree.topLevelItemCount() == 1 and page.more.isHidden()
        many = [dict(failures["rows"][0], path=f"/m/{i}.wav") for i in range(SHOWN + 50)]
        page.set_failures(many, 5000)
        assert page.tree.topLevelItemCount() == SHOWN
        assert not page.more.isHidden() and f"{SHOWN} of 5000" in page.more.text()
    finally:
        session.close()
        services.close()
