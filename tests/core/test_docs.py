"""docs/plugins.md says what the code does: every hook with its arguments, every
``ctx.file.metadata`` key a real file gets, every argument of ``make_ctx``."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from mediagen import make_tone, make_video

from medialens import hookspecs
from medialens.core.media import probe

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"
HEADING = re.compile(r"^### `(medialens_\w+)\(([^)]*)\)`", re.MULTILINE)


def hookspec_signatures() -> dict[str, list[str]]:
    return {
        name: list(inspect.signature(func).parameters)
        for name, func in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("medialens_")
    }


def documented_hooks(text: str) -> dict[str, list[str]]:
    return {
        name: [a.split(":")[0].split("=")[0].strip() for a in args.split(",") if a.strip()]
        for name, args in HEADING.findall(text)
    }


def test_every_hook_is_documented_with_the_arguments_of_its_spec():
    specs, documented = hookspec_signatures(), documented_hooks(DOCS.read_text())
    assert specs
    for name, params in specs.items():
        assert name in documented, f"{name} is missing from docs/plugins.md"
        assert documented[name] == params, f"{name}: documented {documented[name]}, spec {params}"
    assert set(documented) <= set(specs), (
        f"documented hooks that do not exist: {set(documented) - set(specs)}"
    )


def test_a_changed_signature_would_be_caught():
    text = "### `medialens_extractors(kind)`\n### `medialens_settings()`\n"
    assert documented_hooks(text) == {"medialens_extractors": ["kind"], "medialens_settings": []}
    assert (
        documented_hooks(text)["medialens_extractors"]
        != hookspec_signatures()["medialens_extractors"]
    )


def _metadata_section(text: str) -> str:
    start = text.index("Keys of\n`ctx.file.metadata`")
    return text[start : text.index("**What is shared.**", start)]


@pytest.mark.parametrize("make", ["video", "tagged_tone"])
def test_every_metadata_key_a_real_file_gets_is_documented(tmp_path, make):
    if make == "video":
        path = make_video(tmp_path / "clip.mp4", seconds=1.0, tags={"title": "Street"})
    else:
        tags = {
            "artist": "A",
            "album": "B",
            "title": "C",
            "track": "3/12",
            "date": "2001",
            "genre": "Jazz",
        }
        path = make_tone(tmp_path / "song.ogg", seconds=0.5, tags=tags)
    metadata = probe(path).metadata
    section = _metadata_section(DOCS.read_text())
    documented = set(re.findall(r"`(\w+)`", section))
    assert set(metadata) <= documented, set(metadata) - documented
    assert set(metadata["music"]) <= documented, set(metadata["music"]) - documented


def test_make_ctx_arguments_are_documented():
    from medialens.testing import ArrayContext

    text = DOCS.read_text()
    start = text.index("- `make_ctx(")
    doc = text[start : text.index("\n- ", start + 3)]
    fields = {"path", "kind", "duration", "metadata"} | {
        f for f in ArrayContext.__dataclass_fields__ if f not in ("file", "cache_dir")
    }
    for name in fields:
        assert f"{name}=" in doc, f"make_ctx's {name} is not documented"
