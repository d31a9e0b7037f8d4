"""MEDIALENS_TRACE_PLUGINS=1: a line on stderr per hook and extractor call, with its duration."""

from __future__ import annotations

import re

import pytest
from mediagen import make_tone

from medialens.core.library import Library
from medialens.core.plugin_trace import PluginTracer
from medialens.paths import data_dirs

LINE = re.compile(r"^medialens trace: (?P<what>.+?) (?P<ms>\d+\.\d\d) ms \[(?P<thread>[^\]]+)\]$")


def indexed_once(data_dir, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    make_tone(media / "a.ogg", seconds=0.5)
    with Library(data_dirs(data_dir), entry_points=False) as lib:
        lib.host.pm.hook.medialens_extractors()  # a hook called through pluggy
        lib.add_folders([media])
        lib.scan()
        lib.pipeline(workers=1).run(timeout=120)


def test_every_hook_and_extractor_call_is_one_timed_line(data_dir, tmp_path, monkeypatch, capfd):
    # capfd: the extract lines come from the worker process, on the same stderr.
    monkeypatch.setenv("MEDIALENS_TRACE_PLUGINS", "1")
    indexed_once(data_dir, tmp_path)
    lines = capfd.readouterr().err.splitlines()
    traced = [m.group("what") for m in map(LINE.match, lines) if m]
    assert len(traced) == len([line for line in lines if line.startswith("medialens trace:")])
    for builtin in ("metadata", "thumbnails", "audio", "text"):
        assert f"hook medialens_extractors() plugin={builtin}" in traced
    assert (
        "hook medialens_extractors() plugins=metadata,thumbnails,audio,text,description" in traced
    )
    for extractor in ("metadata", "thumbnails", "audio", "text"):
        assert f"extract {extractor} plugin={extractor}" in traced  # once per file: one file
    extract_lines = [m for m in map(LINE.match, lines) if m and m["what"].startswith("extract ")]
    # Extractors run on the worker process's own thread, not in the library's process.
    assert extract_lines and all(m["thread"] == "MainThread" for m in extract_lines)


def test_silent_unless_asked(data_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MEDIALENS_TRACE_PLUGINS", raising=False)
    indexed_once(data_dir, tmp_path)
    assert "medialens trace:" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "on"), [("1", True), ("yes", True), ("0", False), ("", False), ("off", False)]
)
def test_the_variable(value, on):
    assert PluginTracer.from_env({"MEDIALENS_TRACE_PLUGINS": value}).enabled is on


def test_a_failing_call_is_traced_and_still_raises(capsys):
    tracer = PluginTracer(enabled=True)

    def broken():
        raise ValueError("no")

    with pytest.raises(ValueError):
        tracer.call("hook medialens_extractors()", "broken", broken)
    assert "hook medialens_extractors() plugin=broken failed: ValueError" in capsys.readouterr().err
