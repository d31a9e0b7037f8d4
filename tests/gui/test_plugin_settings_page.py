"""Settings shows each plugin's declared settings as real editors, and edits reach the store;
the Plugins page shows what each plugin's package says about it."""

from __future__ import annotations

import types

import pytest
from guitools import session_over, wait_until

from medialens.api import Setting, hookimpl
from medialens.core.library import Library
from medialens.paths import data_dirs


def knobs_plugin():
    module = types.ModuleType("knobs")
    module.MEDIALENS_API = "1.1"
    module.medialens_extractors = hookimpl(lambda: [])
    module.medialens_settings = hookimpl(
        lambda: [
            Setting("level", "Effort", "int", 3, minimum=1, maximum=9, help="How hard to try"),
            Setting("fast", "Fast mode", "bool", False),
            Setting("ratio", "Threshold", "float", 0.5, minimum=0.0, maximum=1.0),
            Setting("size", "Model size", "choice", "small", choices=("small", "large")),
        ]
    )
    return module


@pytest.fixture
def session_on(qapp, data_dir):

    lib = Library(
        data_dirs(data_dir), entry_points=False, extra_plugins=[("knobs", knobs_plugin())]
    )
    with session_over(lib) as session:
        yield session, lib
    lib.close()


def test_each_declared_setting_gets_an_editor_that_saves(qtbot, session_on):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox

    from medialens.gui.settings_page import SettingsPage

    session, lib = session_on
    lib.host.settings.set("knobs", "level", 5)
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.show()
    assert wait_until(lambda: ("knobs", "level") in page.plugin_editors, 10)
    editors = page.plugin_editors
    assert set(editors) == {("knobs", k) for k in ("level", "fast", "ratio", "size")}
    level, fast = editors[("knobs", "level")], editors[("knobs", "fast")]
    ratio, size = editors[("knobs", "ratio")], editors[("knobs", "size")]
    assert isinstance(level, QSpinBox) and (level.minimum(), level.maximum()) == (1, 9)
    assert level.value() == 5 and level.toolTip() == "How hard to try"
    assert isinstance(fast, QCheckBox) and not fast.isChecked()
    assert isinstance(ratio, QDoubleSpinBox) and ratio.value() == 0.5
    assert isinstance(size, QComboBox) and [size.itemText(i) for i in range(2)] == [
        "small",
        "large",
    ]

    level.setValue(8)
    fast.setChecked(True)
    ratio.setValue(0.25)
    size.setCurrentIndex(1)
    expected = {"level": 8, "fast": True, "ratio": 0.25, "size": "large"}
    assert wait_until(lambda: dict(lib.host.settings.values("knobs")) == expected, 10)
    assert lib.store.setting("plugin.knobs.size") == "large"
    # the built-ins declare none: only the plugin that has some is listed
    assert {plugin for plugin, _key in editors} == {"knobs"}


def test_without_plugin_settings_the_page_says_so(qtbot, session_on):
    from medialens.gui.settings_page import SettingsPage

    session, _lib = session_on
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.set_plugin_settings([])
    assert page.plugins_note.text() == "No installed plugin has settings."
    assert not page.plugin_editors


def test_the_plugins_page_shows_the_package_metadata(qtbot, session_on):
    from medialens.gui import services as S
    from medialens.gui.plugins_page import P_NAME, PluginsPage

    session, lib = session_on
    page = PluginsPage(session)
    qtbot.addWidget(page)
    rows = S.plugin_rows(lib)
    page.set_rows(rows)
    names = [page.tree.topLevelItem(i).text(P_NAME) for i in range(page.tree.topLevelItemCount())]
    item = page.tree.topLevelItem(names.index("metadata"))
    assert item.toolTip(P_NAME).startswith("Built-in metadata")
    page.tree.setCurrentItem(item)
    details = page.technical(next(r for r in rows if r["name"] == "metadata"))
    assert "Description" in details and "Licence" in details and "MIT" in details
