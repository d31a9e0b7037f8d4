"""Per-plugin settings: declared by a hook, stored with the library, seen by extract()."""

from __future__ import annotations

import json
import types

import pytest
from mediagen import make_tone

from medialens.api import ExtractionResult, ScalarsOutput, Setting, hookimpl
from medialens.cli import main
from medialens.core.library import Library
from medialens.paths import data_dirs


def settings_plugin(name: str, settings: list, default_level: int = 3):
    """A real plugin module whose extractor stores the settings it was handed."""

    class Echo:
        version, kinds, requires = "1", frozenset({"audio"}), ()
        outputs, timeout = (ScalarsOutput(("level",)),), 30

        def __init__(self) -> None:
            self.name = f"{name}_echo"

        def extract(self, ctx):
            return ExtractionResult(
                scalars={"level": float(ctx.settings["level"])}, data=dict(ctx.settings)
            )

    module = types.ModuleType(name)
    module.MEDIALENS_API = "1.1"
    module.medialens_extractors = hookimpl(lambda: [Echo()])
    module.medialens_settings = hookimpl(lambda: settings)
    return module


DECLARED = [
    Setting("level", "Level", "int", 3, minimum=1, maximum=9, help="How hard to try"),
    Setting("fast", "Fast", "bool", False),
    Setting("ratio", "Ratio", "float", 0.5, minimum=0.0, maximum=1.0),
    Setting("size", "Model size", "choice", "small", choices=("small", "large")),
]


@pytest.fixture
def lib(data_dir):
    plugins = [
        ("alpha", settings_plugin("alpha", DECLARED)),
        ("beta", settings_plugin("beta", DECLARED[:1])),
    ]
    with Library(
        data_dirs(data_dir), builtins=False, entry_points=False, extra_plugins=plugins
    ) as lib:
        yield lib


def test_declared_settings_start_at_their_defaults(lib):
    assert [s.key for s in lib.host.records["alpha"].settings] == ["level", "fast", "ratio", "size"]
    assert dict(lib.host.settings.values("alpha")) == {
        "level": 3, "fast": False, "ratio": 0.5, "size": "small"
    }  # fmt: skip
    assert lib.host.settings.plugins() == ["alpha", "beta"]


def test_values_are_checked_stored_per_plugin_and_reach_extract(lib, tmp_path):
    settings = lib.host.settings
    assert settings.set("alpha", "level", "7") == 7
    assert settings.set("alpha", "fast", "yes") is True
    assert settings.set("alpha", "size", "large") == "large"
    for key, bad, rule in [
        ("level", 10, "at most 9"),
        ("level", "2.5", "whole number"),
        ("ratio", "nan", "finite"),
        ("fast", "maybe", "true or false"),
        ("size", "huge", "one of small, large"),
    ]:
        with pytest.raises(ValueError, match=rule):
            settings.set("alpha", key, bad)
    with pytest.raises(ValueError, match="no setting 'nope'"):
        settings.set("alpha", "nope", 1)
    assert lib.store.setting("plugin.alpha.level") == 7  # in the library's settings
    assert settings.values("beta")["level"] == 3  # the other plugin's own value

    media = tmp_path / "media"
    media.mkdir()
    make_tone(media / "a.ogg", seconds=0.5)
    lib.add_folders([media])
    lib.scan()
    lib.pipeline(workers=1).run(timeout=60)
    features = lib.info(media / "a.ogg")["features"]
    assert features["alpha_echo"]["data"] == {
        "level": 7,
        "fast": True,
        "ratio": 0.5,
        "size": "large",
    }
    assert features["beta_echo"]["data"] == {"level": 3}


def test_a_stale_value_falls_back_to_the_default_and_reset_restores_it(lib):
    lib.store.set_setting("plugin.alpha.level", 99)  # stored under an older declaration
    assert lib.host.settings.values("alpha")["level"] == 3
    lib.host.settings.set("alpha", "level", 5)
    lib.host.settings.reset("alpha", "level")
    assert lib.host.settings.values("alpha")["level"] == 3


def test_a_bad_declaration_is_shown_on_the_plugin_status(data_dir):
    bad = settings_plugin("bad", [Setting("level", "Level", "int", 50, minimum=0, maximum=9)])
    wrong = settings_plugin("wrong", ["level"])
    with Library(
        data_dirs(data_dir), builtins=False, entry_points=False,
        extra_plugins=[("bad", bad), ("wrong", wrong)],
    ) as lib:  # fmt: skip
        for name, reason in [("bad", "at most 9"), ("wrong", "not a medialens.api.Setting")]:
            record = lib.host.records[name]
            assert record.status == "malfunctioned"
            assert "medialens_settings() failed" in record.error and reason in record.error


KNOBS = """
from medialens.api import Setting, hookimpl

MEDIALENS_API = "1.1"

@hookimpl
def medialens_extractors():
    return []

@hookimpl
def medialens_settings():
    return [
        Setting("level", "Level", "int", 3, minimum=1, maximum=9, help="How hard to try"),
        Setting("size", "Model size", "choice", "small", choices=("small", "large")),
    ]
"""


def test_the_cli_shows_and_sets_settings(data_dir, capsys, tmp_path, monkeypatch):
    site = tmp_path / "site"  # installed as pip would: a module and its dist-info
    (site / "knobs-1.0.dist-info").mkdir(parents=True)
    (site / "ml_knobs.py").write_text(KNOBS)
    (site / "knobs-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: knobs\nVersion: 1.0\n"
    )
    (site / "knobs-1.0.dist-info" / "entry_points.txt").write_text(
        "[medialens]\nknobs = ml_knobs\n"
    )
    monkeypatch.syspath_prepend(str(site))
    base = ["--data-dir", str(data_dir), "plugins", "settings"]
    assert main([*base, "knobs"]) == 0
    out = capsys.readouterr().out
    assert "level = 3  (int, default 3; 1 to 9)" in out and "Level: How hard to try" in out
    assert "size = small  (choice, default small; one of small, large)" in out
    assert main([*base, "knobs", "level", "8"]) == 0
    assert capsys.readouterr().out.strip() == "knobs.level = 8"
    assert main([*base, "knobs", "level", "0"]) == 1
    assert "level must be at least 1, not 0" in capsys.readouterr().err
    assert main([*base, "knobs", "--json"]) == 0
    described = {d["key"]: d for d in json.loads(capsys.readouterr().out)}
    assert described["level"]["value"] == 8 and described["size"]["choices"] == ["small", "large"]
    assert main([*base, "knobs", "level", "default"]) == 0
    assert capsys.readouterr().out.strip() == "knobs.level = 3"
    assert main([*base, "metadata"]) == 0
    assert capsys.readouterr().out.strip() == "metadata has no settings"
    assert main([*base, "nobody"]) == 1
    assert "no plugin called 'nobody'" in capsys.readouterr().err


def test_the_music_plugins_threshold_changes_what_it_stores(data_dir, tmp_path):
    medialens_music = pytest.importorskip("medialens_music")
    media = tmp_path / "media"
    media.mkdir()
    make_tone(media / "a.ogg", seconds=8.0)
    plugins = [("music", medialens_music)]
    with Library(
        data_dirs(data_dir), builtins=False, entry_points=False, extra_plugins=plugins
    ) as lib:
        lib.add_folders([media])
        lib.scan()
        lib.pipeline(workers=1).run(timeout=300)
        default = lib.info(media / "a.ogg")["features"]["music"]["tags"]
        lib.host.settings.set("music", "min_tag_score", 0.3)
        lib.rerun("music")  # a setting applies to the files extracted after it changes
        lib.pipeline(workers=1).run(timeout=300)
        strict = lib.info(media / "a.ogg")["features"]["music"]["tags"]
    assert min(default.values()) < 0.3 <= min(strict.values())
    assert strict == {t: s for t, s in default.items() if s >= 0.3}
