"""Reasons are data the GUI translates: every key has a template, titles pass through whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

import medialens.gui
from medialens.core.reasons import ENGLISH, Reason, Tag, render
from medialens.gui.reasons import TEMPLATES, tr_reason

I18N = Path(medialens.gui.__file__).resolve().parent / "i18n"


def test_every_key_has_a_template_with_the_same_fields():
    assert set(TEMPLATES) == set(ENGLISH)
    for key, text in ENGLISH.items():
        assert TEMPLATES[key] == text, key  # the English source is the core's own wording


def test_english_reasons_read_as_the_core_renders_them(qapp):
    why = [
        Reason.of("because_liked", title="Rock; Roll {0} part 2"),  # "; " and braces in a title
        Reason.of("liked_tags", tags=(Tag("calm", "sketch", 0.8), Tag("low", "sketch", 0.9))),
        Reason.of("resume", position=8.0, duration=20.0),
        Reason.of("resume", position=65.0, duration=None),
        Reason.of("sounds_like", tag="piano", source="music", score=0.51),
    ]
    assert tr_reason(why) == render(why)
    assert tr_reason(why[0]) == "Because you liked Rock; Roll {0} part 2"
    assert render(why[2:4]) == "Resume at 0:08 of 0:20; Resume at 1:05"
    assert tr_reason(None) == "" and tr_reason(()) == ""
    assert tr_reason(Reason.of("from_a_newer_core")) == "from a newer core"


def test_chinese_reasons_keep_titles_and_drop_scores(qapp):
    translator = QTranslator()
    assert translator.load(str(I18N / "medialens_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        title = "Low; 0"
        assert tr_reason(Reason.of("because_liked", title=title)) == f"因为你喜欢 {title}"
        assert tr_reason(Reason.of("because_played", title=title)) == f"因为你播放过 {title}"
        hit = [
            Reason.of("matches_words", words=("bike",)),
            Reason.of("looks_like", tag="mountain bike", source="vision", score=0.25),
            Reason.of("similar_meaning", score=0.29),
        ]
        assert tr_reason(hit) == "包含词语：bike；画面中：山地自行车；意思相近"  # the tag too
        liked = Reason.of("liked_tags", tags=(Tag("mountain bike", "vision"), Tag("zzz", "x")))
        assert tr_reason(liked) == "你常喜欢：山地自行车、zzz"  # an unknown tag stays as it is
    finally:
        QCoreApplication.removeTranslator(translator)
