"""Regenerate the Simplified Chinese catalogue in one go: ``make i18n``.

1. ``pyside6-lupdate`` extracts every ``tr()`` / ``translate()`` string of the GUI into
   ``medialens_zh_CN.ts`` (translations already there are kept, strings gone from the
   code are dropped);
2. ``fill_zh_CN.py`` fills them from its table;
3. every tag a bundled extractor declares (``TagsOutput.vocabulary``, read through the
   plugin host, so built-ins and installed plugins alike) is merged into
   ``tags_zh_CN.ts``, context "Tags": translations there are kept, new tags are added
   as unfinished for a translator to fill (Qt Linguist or a text editor);
4. ``pyside6-lrelease`` compiles both files into the one ``medialens_zh_CN.qm`` the app
   loads, so tags go through the same translator as every other text;
5. what is still untranslated is listed, and the exit status is 1 if anything is.

Tags live in their own .ts because lupdate only knows strings written in the code: it
would mark every tag in ``medialens_zh_CN.ts`` as vanished on each run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parent
GUI = I18N.parent
UI_TS = I18N / "medialens_zh_CN.ts"
TAGS_TS = I18N / "tags_zh_CN.ts"
QM = I18N / "medialens_zh_CN.qm"
TAGS_CONTEXT = "Tags"  # keep in step with medialens.gui.tags.CONTEXT
UNDECLARED = "not declared by a bundled extractor any more (kept for results stored earlier)"


def gui_sources() -> list[Path]:
    """Every GUI module lupdate reads, subpackages included (this folder's tools excluded)."""
    return sorted(p for p in GUI.rglob("*.py") if I18N not in p.parents)


def qt_tool(name: str) -> Path:
    """A Qt Linguist tool of the running venv (PySide6 installs them beside python)."""
    tool = Path(sys.executable).with_name(name)
    if not tool.exists():
        raise SystemExit(f"{name} not found beside {sys.executable}: install PySide6")
    return tool


def declared_tags() -> dict[str, list[str]]:
    """Tag → names of the bundled extractors that declare it, in the host's order."""
    from medialens.api import TagsOutput
    from medialens.core.plugins import PluginHost
    from medialens.store import Store

    tags: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        host = PluginHost(Store(Path(tmp) / "i18n.db"))
        for record in host.records.values():
            if record.error:
                print(f"warning: plugin {record.name}: {record.error}", file=sys.stderr)
        for extractor in host.all_extractors():
            for output in extractor.outputs:
                if isinstance(output, TagsOutput):
                    for tag in output.vocabulary:
                        tags.setdefault(tag, []).append(extractor.name)
    return tags


def read_catalogue(ts: Path) -> dict[str, str]:
    """Tag → finished translation, from a Tags .ts (missing file: empty)."""
    if not ts.exists():
        return {}
    done = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        text = (translation.text or "").strip()
        if text and translation.get("type") not in ("unfinished", "vanished", "obsolete"):
            done[message.findtext("source")] = text
    return done


def write_catalogue(ts: Path, declared: dict[str, list[str]], done: dict[str, str]) -> list[str]:
    """Write the Tags .ts: declared tags in order, then earlier ones kept. Returns the unfinished."""
    root = ET.Element("TS", version="2.1", language="zh_CN")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = TAGS_CONTEXT
    unfinished = []
    rows = [(tag, ", ".join(names)) for tag, names in declared.items()]
    rows += [(tag, UNDECLARED) for tag in done if tag not in declared]
    for tag, comment in rows:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = tag
        ET.SubElement(message, "extracomment").text = comment
        translation = ET.SubElement(message, "translation")
        if tag in done:
            translation.text = done[tag]
        else:
            translation.set("type", "unfinished")
            unfinished.append(tag)
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    return unfinished


def lupdate() -> str:
    """Extract the GUI's strings into UI_TS, keeping its translations; returns lupdate's summary."""
    sources = [str(p) for p in gui_sources()]
    proc = subprocess.run(
        [
            str(qt_tool("pyside6-lupdate")),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(UI_TS),
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(f"pyside6-lupdate failed:\n{proc.stdout}{proc.stderr}")
    return (proc.stdout + proc.stderr).strip()


def update_ui_strings() -> list[str]:
    """lupdate + fill: the GUI's own strings. Returns the sources without a translation."""
    print(lupdate())
    sys.path.insert(0, str(I18N))
    from fill_zh_CN import fill

    missing = fill(UI_TS)
    lupdate()  # once more, so the file keeps lupdate's layout and diffs stay small
    return missing


def compile_qm() -> None:
    proc = subprocess.run(
        [
            str(qt_tool("pyside6-lrelease")),
            "-nounfinished",
            str(UI_TS),
            str(TAGS_TS),
            "-qm",
            str(QM),
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(f"pyside6-lrelease failed:\n{proc.stdout}{proc.stderr}")
    print((proc.stdout + proc.stderr).strip())


def main() -> int:
    ui_missing = update_ui_strings()
    declared = declared_tags()
    tags_missing = write_catalogue(TAGS_TS, declared, read_catalogue(TAGS_TS))
    compile_qm()
    for source in ui_missing:
        print(f"untranslated string: {source!r}  (add it to fill_zh_CN.py)")
    for tag in tags_missing:
        print(f"untranslated tag: {tag!r}  ({', '.join(declared[tag])}; fill it in {TAGS_TS.name})")
    print(
        f"{len(declared)} tags from bundled extractors; "
        f"{len(ui_missing)} strings and {len(tags_missing)} tags untranslated"
    )
    return 1 if ui_missing or tags_missing else 0


if __name__ == "__main__":
    sys.exit(main())
