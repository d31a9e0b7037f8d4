"""``medialens plugin new``: the package it writes works before its author changes a line."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest
from mediagen import make_tone

from medialens.api import API_VERSION
from medialens.cli import main
from medialens.core.library import Library
from medialens.core.scaffold import PluginNames
from medialens.paths import data_dirs


@pytest.fixture
def generated(tmp_path, capsys):
    assert main(["plugin", "new", "loud-ness", "--dir", str(tmp_path)]) == 0
    root = tmp_path / "medialens-loud-ness"
    assert f"wrote {root}" in capsys.readouterr().out
    return root


def test_it_writes_a_package_with_an_entry_point_tests_and_a_readme(generated):
    files = {p.relative_to(generated).as_posix() for p in generated.rglob("*") if p.is_file()}
    assert files == {
        "pyproject.toml",
        "README.md",
        "src/medialens_loud_ness/__init__.py",
        "tests/conftest.py",
        "tests/test_loud_ness.py",
    }
    pyproject = (generated / "pyproject.toml").read_text()
    assert '[project.entry-points.medialens]\nloud_ness = "medialens_loud_ness"' in pyproject
    assert 'name = "medialens-loud-ness"' in pyproject
    assert "{{" not in "".join(p.read_text() for p in generated.rglob("*") if p.is_file())


def test_its_own_tests_pass(generated):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # medialens, not the plugin
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=generated,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "6 passed" in done.stdout


def test_the_app_loads_it_and_runs_its_extractor_on_a_real_file(
    generated, monkeypatch, tmp_path, data_dir
):
    monkeypatch.syspath_prepend(str(generated / "src"))
    module = importlib.import_module("medialens_loud_ness")
    media = tmp_path / "media"
    media.mkdir()
    make_tone(media / "soft.ogg", seconds=1.0, amplitude=0.02)
    with Library(
        data_dirs(data_dir), builtins=False, entry_points=False, extra_plugins=[("loud", module)]
    ) as lib:
        record = lib.host.records["loud"]
        assert (record.status, record.api) == ("active", API_VERSION)
        assert [s.key for s in record.settings] == ["quiet_below_db"]
        lib.add_folders([media])
        lib.scan()
        lib.pipeline(workers=1).run(timeout=60)
        features = lib.info(media / "soft.ogg")["features"]["loud_ness"]
    assert -45 < features["scalars"]["rms_db"] < -30
    assert features["tags"] == {"quiet": 1.0}  # below the default -30 dBFS


def test_names_are_checked_and_nothing_is_overwritten(tmp_path, capsys):
    assert PluginNames.of("medialens-Foo_bar").module == "medialens_foo_bar"
    assert main(["plugin", "new", "2fast", "--dir", str(tmp_path)]) == 1
    assert "not a usable plugin name" in capsys.readouterr().err
    assert main(["plugin", "new", "loud", "--dir", str(tmp_path)]) == 0
    (tmp_path / "medialens-loud" / "README.md").write_text("mine")
    assert main(["plugin", "new", "loud", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "medialens-loud" / "README.md").read_text() == "mine"
