"""A plugin's description, homepage and licence come from its package's metadata."""

from __future__ import annotations

import json

import pytest

from medialens.cli import main
from medialens.core.library import Library
from medialens.paths import data_dirs

PLUGIN = """
from medialens.api import hookimpl

@hookimpl
def medialens_extractors():
    return []
"""


def install(site, dist, module, metadata_lines):
    """A module plus the dist-info pip writes, with these metadata fields."""
    (site / f"{module}.py").write_text(PLUGIN)
    info = site / f"{dist.replace('-', '_')}-2.0.dist-info"
    info.mkdir(parents=True)
    header = f"Metadata-Version: 2.4\nName: {dist}\nVersion: 2.0\n"
    (info / "METADATA").write_text(header + "".join(f"{line}\n" for line in metadata_lines))
    (info / "entry_points.txt").write_text(f"[medialens]\n{module} = {module}\n")


def test_list_shows_what_each_package_declares(tmp_path, data_dir, monkeypatch, capsys):
    site = tmp_path / "site"
    site.mkdir()
    install(
        site,
        "medialens-described",
        "described",
        [
            "Summary: Counts the sheep in videos.",
            "License-Expression: Apache-2.0",
            "Project-URL: Source, https://example.org/src",
            "Project-URL: Homepage, https://example.org/sheep",
        ],
    )
    install(
        site,
        "medialens-oldstyle",
        "oldstyle",
        ["Home-page: https://example.org/old", "License: BSD"],
    )
    install(site, "medialens-bare", "bare", [])
    monkeypatch.syspath_prepend(str(site))
    with Library(data_dirs(data_dir)) as lib:
        records = lib.host.records
        described = records["described"].about
        assert (described.description, described.homepage, described.license) == (
            "Counts the sheep in videos.", "https://example.org/sheep", "Apache-2.0"
        )  # fmt: skip
        old = records["oldstyle"].about
        assert (old.homepage, old.license) == ("https://example.org/old", "BSD")
        assert records["bare"].about.description is None
        builtin = records["metadata"].about  # from its module's docstring and the app's licence
        assert builtin.description and builtin.description.startswith("Built-in metadata")
        assert builtin.license == "MIT"
    assert main(["--data-dir", str(data_dir), "plugins", "list", "--json"]) == 0
    listed = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["described"]["homepage"] == "https://example.org/sheep"
    assert listed["described"]["license"] == "Apache-2.0"
    assert listed["bare"]["description"] is None
    assert main(["--data-dir", str(data_dir), "plugins", "list"]) == 0
    out = capsys.readouterr().out
    assert "Counts the sheep in videos.  ·  https://example.org/sheep  ·  Apache-2.0" in out


def test_the_bundled_plugins_describe_themselves(data_dir):
    with Library(data_dirs(data_dir)) as lib:
        bundled = [r for r in lib.host.records.values() if r.bundled and not r.builtin]
        if not bundled:
            pytest.skip("the plugins under plugins/ are not installed")
        for record in bundled:  # installed from plugins/: their pyproject's fields
            assert record.about.description and record.about.description.startswith(
                "Medialens plugin"
            )
            assert record.about.license
