"""The Chinese translation is complete and compiled: every tr() string and every tag."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import medialens.gui

I18N = Path(medialens.gui.__file__).resolve().parent / "i18n"
CATALOGUES = ("medialens_zh_CN.ts", "tags_zh_CN.ts")
PLUGINS = Path(__file__).resolve().parents[2] / "plugins"


def _tool(name: str):
    """The i18n tooling (a script beside the catalogue, not part of the installed app)."""
    spec = importlib.util.spec_from_file_location(name, I18N / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(translation: ET.Element) -> str:
    """A translation's text; a plural one (``%n``) has it in its numerus forms."""
    forms = [f.text or "" for f in translation.findall("numerusform")]
    return "".join(forms).strip() if forms else (translation.text or "").strip()


def _untranslated(ts: Path) -> list[str]:
    return [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not _text(m.find("translation"))
    ]


def _catalogue() -> dict[str, str]:
    root = ET.parse(I18N / "tags_zh_CN.ts").getroot()
    assert [c.findtext("name") for c in root.iter("context")] == ["Tags"]
    return {m.findtext("source"): m.findtext("translation") for m in root.iter("message")}


@pytest.fixture(scope="module")
def bundled_vocabulary(tmp_path_factory) -> dict[str, list[str]]:
    """Tag → extractors, read from what each bundled extractor declares (TagsOutput)."""
    from medialens.api import TagsOutput
    from medialens.core.plugins import ACTIVE, PluginHost
    from medialens.store import Store

    host = PluginHost(Store(tmp_path_factory.mktemp("i18n") / "library.db"))
    bundled = {
        name
        for project in PLUGINS.glob("medialens-*/pyproject.toml")
        for name in tomllib.loads(project.read_text())["project"]["entry-points"]["medialens"]
    }
    assert bundled, "no bundled plugin packages found"
    # A bundled plugin that is not installed would make the check below pass vacuously.
    broken = {n: (r.status, r.error) for n, r in host.records.items() if r.status != ACTIVE}
    assert bundled <= set(host.records) and not broken, (bundled - set(host.records), broken)
    vocabulary: dict[str, list[str]] = {}
    for extractor in host.all_extractors():
        for output in extractor.outputs:
            if isinstance(output, TagsOutput):
                for tag in output.vocabulary:
                    vocabulary.setdefault(tag, []).append(extractor.name)
    return vocabulary


def test_every_string_is_translated_and_compiled():
    assert len(list(ET.parse(I18N / CATALOGUES[0]).getroot().iter("message"))) > 200
    for name in CATALOGUES:
        assert _untranslated(I18N / name) == [], f"{name}: run `make i18n` and translate these"
    qm = I18N / "medialens_zh_CN.qm"
    newest = max((I18N / name).stat().st_mtime for name in CATALOGUES)
    assert qm.exists() and qm.stat().st_mtime >= newest - 5, "run `make i18n` to compile the .qm"


def test_no_string_is_missing_from_the_catalogue(tmp_path):
    """Re-extract the strings: none of them may be new (run `make i18n` if this fails)."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    ts = tmp_path / "check.ts"
    ts.write_bytes((I18N / "medialens_zh_CN.ts").read_bytes())
    sources = [str(p) for p in _tool("update").gui_sources()]
    assert any(p.endswith("tags.py") for p in sources)
    proc = subprocess.run([str(lupdate), *sources, "-ts", str(ts)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "0 new" in proc.stdout + proc.stderr, proc.stdout + proc.stderr


def test_every_tag_a_bundled_extractor_declares_is_translated(bundled_vocabulary):
    """ImageNet labels, musicnn's MTT and MSD tags, the built-ins' tags: all in tags_zh_CN.ts."""
    assert {"vision", "music"} <= {e for names in bundled_vocabulary.values() for e in names}
    assert len(bundled_vocabulary) > 1000
    catalogue = _catalogue()
    missing = {
        tag: names
        for tag, names in bundled_vocabulary.items()
        if not (catalogue.get(tag) or "").strip()
    }
    assert missing == {}, "run `make i18n`, then translate these tags in tags_zh_CN.ts"


def _head(tag: str) -> str:
    return tag.split(",")[0].strip().casefold()


#: One concept named by two models (AudioSet and an ImageNet or music tag): one translation.
SYNONYMS = {
    ("Ambient music", "ambient"),
    ("Cattle, bovinae", "ox"),
    ("Chainsaw", "chain saw"),
    ("Dance music", "dance"),
    ("Drill", "power drill"),
    ("Electronic music", "electronic"),
    ("Folk music", "folk"),
    ("Hair dryer", "hand blower"),
    ("House music", "house"),
    ("Microwave oven", "microwave"),
    ("New-age music", "new age"),
    ("Pig", "hog"),
    ("Race car, auto racing", "racer"),
    ("Rhythm and blues", "r&b"),
    ("Saxophone", "sax"),
    ("Single-lens reflex camera", "reflex camera"),
    ("Soul music", "soul"),
    ("Steelpan", "steel drum"),
    ("Synthesizer", "synth"),
    ("Vacuum cleaner", "vacuum"),
}


def test_tag_translations_are_distinct(bundled_vocabulary):
    """Two tags of one file must not read the same in Chinese (only true synonyms may share)."""
    shared = {"cello", "flute", "harp", "violin"}  # an instrument seen (vision) and heard (music)
    catalogue = _catalogue()
    seen: dict[str, str] = {}
    clashes = []
    for tag in bundled_vocabulary:
        text = catalogue.get(tag)
        # one concept from two models (AudioSet's "Crowd" and the people plugin's "crowd")
        same = text in seen and _head(seen[text]) == _head(tag)
        synonyms = (tag, seen.get(text)) in SYNONYMS or (seen.get(text), tag) in SYNONYMS
        if text in seen and not same and not synonyms and not {tag, seen[text]} <= shared:
            clashes.append((seen[text], tag, text))
        seen.setdefault(text, tag)
    assert clashes == []


def test_tags_are_translated_in_the_running_app(bundled_vocabulary):
    """The compiled .qm, loaded as the app loads it, translates tags; a language switch undoes it."""
    from medialens.gui.app import make_app
    from medialens.gui.look import Translations
    from medialens.gui.tags import tr_tag

    app = make_app()
    translations = Translations(app)
    try:
        assert translations.set("zh_CN") == "zh_CN"
        assert tr_tag("mountain bike") == "山地自行车"
        assert tr_tag("female vocals") == "女声"
        assert tr_tag("hip-hop") == "嘻哈"
        assert tr_tag("Hip-Hop") == "嘻哈"  # as the MSD model spells it
        assert tr_tag("a tag no extractor declares") == "a tag no extractor declares"
        catalogue = _catalogue()
        wrong = {t: tr_tag(t) for t in bundled_vocabulary if tr_tag(t) != catalogue[t]}
        assert wrong == {}, "the .qm is stale: run `make i18n`"
        translations.set("en")
        assert tr_tag("mountain bike") == "mountain bike"
        assert tr_tag("Hip-Hop") == "Hip-Hop"
    finally:
        translations.set("en")
