"""Plugin discovery through entry points, statuses, and isolation of broken plugins."""

from __future__ import annotations

import textwrap

import pytest

from medialens.core.library import Library
from medialens.paths import data_dirs


def install_plugin(site, dist, module, source, entry=None):
    """Install a plugin as pip would: a module plus a dist-info with its entry point."""
    (site / f"{module}.py").write_text(textwrap.dedent(source))
    info = site / f"{dist.replace('-', '_')}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.2.3\n")
    (info / "entry_points.txt").write_text(f"[medialens]\n{entry or module} = {module}\n")


GOOD = """
    import numpy as np
    from medialens.api import ExtractionResult, VectorOutput, hookimpl

    MEDIALENS_API = "1.0"

    class Loudness:
        name, version, kinds, requires = "loudness", "1", frozenset({"audio"}), ()
        outputs, timeout = (VectorOutput("rms", 1, "audio"),), 30

        def extract(self, ctx):
            samples = ctx.audio(8000)
            return ExtractionResult(vectors={"rms": np.array([float(np.sqrt((samples ** 2).mean()))])})

    @hookimpl
    def medialens_extractors():
        return [Loudness()]
"""


@pytest.fixture
def site(tmp_path, monkeypatch):
    path = tmp_path / "site"
    path.mkdir()
    monkeypatch.syspath_prepend(str(path))
    return path


def test_entry_point_plugins_are_discovered_and_run(site, data_dir, tmp_path):
    from mediagen import make_tone

    install_plugin(site, "medialens-loudness", "ml_loudness", GOOD, entry="loudness")
    media = tmp_path / "m"
    media.mkdir()
    make_tone(media / "a.ogg", seconds=0.5)
    with Library(data_dirs(data_dir), builtins=False) as lib:
        record = lib.host.records["loudness"]
        assert (record.version, record.api, record.status) == ("1.2.3", "1.0", "active")
        lib.add_folders([media])
        lib.scan()
        lib.pipeline().run(timeout=60)
        assert lib.status()["extractors"]["loudness"]["done"] == 1


def test_broken_and_incompatible_plugins_do_not_stop_start_up(site, data_dir):
    install_plugin(site, "medialens-good", "ml_good", GOOD, entry="good")
    install_plugin(
        site, "medialens-crash", "ml_crash", "raise ImportError('needs libfoo')\n", entry="crash"
    )
    install_plugin(
        site, "medialens-future", "ml_future", GOOD.replace('"1.0"', '"2.0"'), entry="future"
    )
    install_plugin(
        site, "medialens-hookfail", "ml_hookfail",
        "from medialens.api import hookimpl\n@hookimpl\ndef medialens_extractors():\n    raise ValueError('oops')\n",
        entry="hookfail",
    )  # fmt: skip
    with Library(data_dirs(data_dir), builtins=False) as lib:
        records = lib.host.records
        assert records["good"].status == "active"
        assert (
            records["crash"].status == "malfunctioned" and "needs libfoo" in records["crash"].error
        )
        assert records["future"].status == "incompatible" and "2.0" in records["future"].error
        assert records["hookfail"].status == "malfunctioned" and "oops" in records["hookfail"].error
        names = [e.name for e in lib.host.extractors()]
        assert names.count("loudness") == 1 and lib.host.owner_of("loudness").name == "good"


def test_disabling_is_persisted_and_stops_extraction(site, data_dir):
    install_plugin(site, "medialens-good", "ml_good2", GOOD, entry="good")
    with Library(data_dirs(data_dir), builtins=False) as lib:
        lib.host.set_enabled("good", False)
        assert "loudness" not in [e.name for e in lib.host.extractors()]
    with Library(data_dirs(data_dir), builtins=False) as lib:
        assert lib.host.records["good"].status == "disabled"
        with pytest.raises(KeyError, match="no plugin called 'nope'"):
            lib.host.set_enabled("nope", True)
        lib.host.set_enabled("good", True)
        assert "loudness" in [e.name for e in lib.host.extractors()]


TWO_EXTRACTORS = """
    import numpy as np
    from medialens.api import ExtractionResult, TagsOutput, hookimpl

    MEDIALENS_API = "1.1"

    class Tagger:
        version, kinds, requires, outputs, timeout = "1", frozenset({"audio"}), (), (TagsOutput(),), 30

        def __init__(self, name, broken):
            self.name, self.broken = name, broken

        def extract(self, ctx):
            if self.broken:
                raise RuntimeError("no model here")
            return ExtractionResult(tags={"tone": 0.9})

    class Embedder:
        name, dim, vector_name = "pairs-embedder", 2, "text"

        def embed(self, texts):
            return np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2)

    @hookimpl
    def medialens_extractors():
        return [Tagger("steady", False), Tagger("sibling", True)]

    @hookimpl
    def medialens_text_embedder():
        return Embedder()
"""


def test_plugins_list_says_which_extractor_malfunctioned_and_which_embedder_is_used(
    site, data_dir, tmp_path, capsys
):
    import json

    from mediagen import make_tone

    from medialens.cli import main
    from medialens.core.file_job import MALFUNCTION_AFTER

    install_plugin(site, "medialens-pairs", "ml_pairs", TWO_EXTRACTORS, entry="pairs")
    media = tmp_path / "m"
    media.mkdir()
    for i in range(MALFUNCTION_AFTER + 1):
        make_tone(media / f"t{i}.ogg", seconds=0.3, freq=300 + 40 * i)
    with Library(data_dirs(data_dir), builtins=False, workers=1) as lib:
        lib.add_folders([media])
        lib.scan()
        lib.pipeline().run_sync()
        assert lib.status()["extractors"]["steady"]["done"] == MALFUNCTION_AFTER + 1
    base = ["--data-dir", str(data_dir), "plugins"]
    assert main([*base, "embedder", "pairs"]) == 0
    assert "pairs-embedder (plugin pairs, chosen)" in capsys.readouterr().out
    assert main([*base, "list", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    [pairs] = [r for r in records if r["name"] == "pairs"]
    by_name = {e["name"]: e["malfunction"] for e in pairs["extractors"]}
    assert pairs["status"] == "active" and by_name["steady"] is None
    assert "no model here" in by_name["sibling"]
    assert pairs["text_embedder"] == {"name": "pairs-embedder", "used": True}
    assert [r["name"] for r in records if (r["text_embedder"] or {}).get("used")] == ["pairs"]
    assert main([*base, "list"]) == 0
    out = capsys.readouterr().out
    assert "extractor sibling: malfunctioned (failed on 5 files in a row" in out
    assert "text embedder for search: pairs-embedder (plugin pairs)" in out
    assert main([*base, "embedder", "metadata"]) == 1
    assert "offers no text embedder" in capsys.readouterr().err
    assert main([*base, "enable", "pairs"]) == 0
    assert capsys.readouterr().out == "pairs: active\n"
    assert main([*base, "list", "--json"]) == 0
    [pairs] = [r for r in json.loads(capsys.readouterr().out) if r["name"] == "pairs"]
    assert all(e["malfunction"] is None for e in pairs["extractors"])
