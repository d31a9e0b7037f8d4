"""Every hook a plugin can implement is documented for plugin authors."""

from __future__ import annotations

import inspect
from pathlib import Path

from medialens import hookspecs

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def test_every_hook_is_documented():
    text = DOCS.read_text()
    hooks = [
        name
        for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("medialens_")
    ]
    assert hooks
    for name in hooks:
        assert f"### `{name}()`" in text, f"{name} is missing from docs/plugins.md"
