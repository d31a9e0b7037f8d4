"""``medialens plugin new NAME``: a working plugin package to start from.

Like datasette's cookiecutter template: a ``pyproject.toml`` with the ``medialens``
entry point, one extractor with a setting, tests on :mod:`medialens.testing` (one on a
real generated WAV file) and a README. What it writes passes its own tests before the
author changes a line, so every later failure is the author's change, not the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from medialens.api import API_VERSION

_NAME = re.compile(r"^[a-z][a-z0-9]*([_-][a-z0-9]+)*$")


class ScaffoldError(ValueError):
    """The name or the target folder cannot be used; the message says why."""


@dataclass(frozen=True)
class PluginNames:
    """The names one plugin goes by: distribution, module, entry point, extractor, class."""

    plugin: str  # entry-point name: what `plugins list` shows
    distribution: str
    module: str
    extractor: str
    cls: str

    @classmethod
    def of(cls, name: str) -> PluginNames:
        raw = name.strip().lower()
        base = raw.removeprefix("medialens-").removeprefix("medialens_")
        if not _NAME.match(base):
            raise ScaffoldError(
                f"{name!r} is not a usable plugin name: use lower-case letters, digits and "
                "single hyphens or underscores, starting with a letter (e.g. loudness)"
            )
        snake = base.replace("-", "_")
        return cls(
            plugin=snake,
            distribution=f"medialens-{base.replace('_', '-')}",
            module=f"medialens_{snake}",
            extractor=snake,
            cls="".join(part.capitalize() for part in snake.split("_")) + "Extractor",
        )


def new_plugin(name: str, parent: Path) -> Path:
    """Write the package for plugin ``name`` into ``parent``; returns its folder."""
    names = PluginNames.of(name)
    root = Path(parent) / names.distribution
    if root.exists():
        raise ScaffoldError(f"{root} already exists: choose another name or folder")
    files = {
        "pyproject.toml": PYPROJECT,
        "README.md": README,
        f"src/{names.module}/__init__.py": MODULE,
        "tests/conftest.py": CONFTEST,
        f"tests/test_{names.plugin}.py": TESTS,
    }
    values = {
        "plugin": names.plugin,
        "distribution": names.distribution,
        "module": names.module,
        "extractor": names.extractor,
        "cls": names.cls,
        "api": ".".join(API_VERSION.split(".")[:2]),
    }
    for relative, template in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_fill(template, values), encoding="utf-8")
    return root


def _fill(template: str, values: dict[str, str]) -> str:
    """``{{name}}`` placeholders only, so the templates' own braces need no escaping."""
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


PYPROJECT = """\
[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "{{distribution}}"
version = "0.1.0"
description = "Medialens plugin: how loud each file is ({{plugin}})."
readme = "README.md"
license = "MIT"
requires-python = ">=3.11"
dependencies = ["medialens", "numpy>=1.26"]

[project.optional-dependencies]
test = ["pytest>=8"]

# Your project's page and licence are shown in `medialens plugins list` and the app.
# [project.urls]
# Homepage = "https://..."

# The app finds the plugin through this entry point: `medialens plugins list` shows it.
[project.entry-points.medialens]
{{plugin}} = "{{module}}"

[tool.setuptools.packages.find]
where = ["src"]
"""

README = """\
# {{distribution}}

A Medialens plugin: the loudness of every audio and video
file (`rms_db`, a scalar) and a `quiet` tag for files below a threshold the user sets.

    pip install -e .           # then: medialens plugins list
    pip install -e '.[test]' && pytest

Start from `src/{{module}}/__init__.py`: `{{cls}}.extract(ctx)` gets one file's shared
decoding context (`ctx.audio(rate)`, `ctx.keyframes()`, `ctx.file.metadata`,
`ctx.settings`) and returns an `ExtractionResult`. Bump `version` whenever the output
changes: the app then re-runs this extractor only. See the plugin guide (docs/plugins.md in
Medialens) for every hook and what the app guarantees.

Run with `MEDIALENS_TRACE_PLUGINS=1` to see every call the app makes into the plugin.
"""

MODULE = '''\
"""Medialens plugin {{plugin}}: how loud each file is, and a tag for the quiet ones."""

from __future__ import annotations

import numpy as np
from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    ScalarsOutput,
    Setting,
    TagsOutput,
    hookimpl,
)

MEDIALENS_API = "{{api}}"  # the plugin API version this was written against

SAMPLE_RATE = 22050  # the rate the built-in extractors decode: shared, so free
QUIET_BELOW_DB = -30.0


class {{cls}}:
    name = "{{extractor}}"  # unique and stable: results are stored under it
    version = "1"  # bump it when the output changes: only this extractor re-runs
    kinds = frozenset({"audio", "video"})
    requires: tuple[str, ...] = ()  # extractors whose results ctx.result(name) reads
    outputs = (ScalarsOutput(("rms_db",)), TagsOutput(vocabulary=("quiet",)))
    timeout = 60.0  # seconds per file; after that the result is abandoned

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        samples = ctx.audio(SAMPLE_RATE)
        if samples.size == 0:  # no audio stream
            return ExtractionResult()
        ctx.check_cancelled()
        rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
        db = round(20.0 * np.log10(max(rms, 1e-10)), 2)
        quiet_below = float(ctx.settings.get("quiet_below_db", QUIET_BELOW_DB))
        tags = {"quiet": 1.0} if db < quiet_below else {}
        return ExtractionResult(scalars={"rms_db": db}, tags=tags)


@hookimpl
def medialens_extractors() -> list[{{cls}}]:
    return [{{cls}}()]


@hookimpl
def medialens_settings() -> list[Setting]:
    return [
        Setting(
            "quiet_below_db",
            "Quiet below (dBFS)",
            "float",
            QUIET_BELOW_DB,
            minimum=-120.0,
            maximum=0.0,
            help="Files whose average level is below this are tagged quiet.",
        )
    ]
'''

CONFTEST = """\
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from medialens.testing import file_context, make_ctx  # noqa: F401 - pytest fixtures

# Test the source tree even before `pip install -e .`.
if importlib.util.find_spec("{{module}}") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
"""

TESTS = """\
from __future__ import annotations

import wave

import numpy as np
import pytest
from medialens.api import ExtractionCancelled, ExtractionResult
from medialens.testing import setting_defaults

import {{module}} as plugin

SR = plugin.SAMPLE_RATE


def sine(seconds: float = 2.0, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    return (amp * np.sin(2 * np.pi * 440.0 * t)).astype(np.float32)


def test_the_hook_returns_one_extractor_with_a_setting():
    (extractor,) = plugin.medialens_extractors()
    assert extractor.name == "{{extractor}}"
    assert setting_defaults(plugin) == {"quiet_below_db": plugin.QUIET_BELOW_DB}


def test_a_file_without_sound_gives_an_empty_result(make_ctx):
    (extractor,) = plugin.medialens_extractors()
    assert extractor.extract(make_ctx()) == ExtractionResult()


def test_loudness_of_a_sine(make_ctx):
    (extractor,) = plugin.medialens_extractors()
    result = extractor.extract(make_ctx(samples={SR: sine(amp=0.5)}))
    assert result.scalars["rms_db"] == pytest.approx(-9.03, abs=0.05)  # 0.5 / sqrt(2)
    assert result.tags == {}


def test_the_threshold_setting_decides_what_is_quiet(make_ctx):
    (extractor,) = plugin.medialens_extractors()
    soft = {SR: sine(amp=0.01)}  # about -43 dBFS
    assert extractor.extract(make_ctx(samples=soft)).tags == {"quiet": 1.0}
    lenient = make_ctx(samples=soft, settings={"quiet_below_db": -60.0})
    assert extractor.extract(lenient).tags == {}


def test_cancellation_is_honoured(make_ctx):
    (extractor,) = plugin.medialens_extractors()
    with pytest.raises(ExtractionCancelled):
        extractor.extract(make_ctx(samples={SR: sine()}, cancelled=True))


def test_a_real_file(tmp_path, file_context):
    path = tmp_path / "tone.wav"
    pcm = (sine(seconds=1.0, amp=0.5) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SR)
        out.writeframes(pcm.tobytes())
    (extractor,) = plugin.medialens_extractors()
    result = extractor.extract(file_context(path))
    assert result.scalars["rms_db"] == pytest.approx(-9.03, abs=0.2)
"""
