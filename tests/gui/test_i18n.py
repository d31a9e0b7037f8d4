"""The Chinese translation is complete and compiled, and every tr() string is in it."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import medialens.gui

I18N = Path(medialens.gui.__file__).resolve().parent / "i18n"


def test_every_string_is_translated_and_compiled():
    tree = ET.parse(I18N / "medialens_zh_CN.ts")
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 200
    unfinished = [
        m.find("source").text
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (m.find("translation").text or "").strip()
    ]
    assert unfinished == []
    qm = I18N / "medialens_zh_CN.qm"
    assert qm.exists() and qm.stat().st_mtime >= (I18N / "medialens_zh_CN.ts").stat().st_mtime - 5


def test_no_string_is_missing_from_the_catalogue(tmp_path):
    """Re-extract the strings: none of them may be new (run pyside6-lupdate if this fails)."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        import pytest

        pytest.skip("pyside6-lupdate not installed")
    ts = tmp_path / "check.ts"
    ts.write_bytes((I18N / "medialens_zh_CN.ts").read_bytes())
    sources = sorted(str(p) for p in I18N.parent.glob("*.py"))
    proc = subprocess.run([str(lupdate), *sources, "-ts", str(ts)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "0 new" in proc.stdout + proc.stderr, proc.stdout + proc.stderr
