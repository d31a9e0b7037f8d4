"""What a plugin's package says about it: description, homepage and licence.

Read from the installed distribution's metadata (``importlib.metadata``), so a plugin
author writes them once, in ``pyproject.toml``, and ``plugins list`` and the GUI show
them. The built-ins belong to Medialens's own distribution: their description is the
first line of their module's docstring, their homepage and licence the app's.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from types import ModuleType

_HOMEPAGE_LABELS = ("homepage", "home", "home-page", "source", "repository", "documentation")


@dataclass(frozen=True)
class About:
    description: str | None = None
    homepage: str | None = None
    license: str | None = None


def package_about(dist: metadata.Distribution | None) -> About:
    """The description, homepage and licence a distribution declares (None when absent)."""
    if dist is None:
        return About()
    try:
        meta = dist.metadata
    except Exception:  # a broken dist-info must not stop start-up
        return About()
    return About(
        description=_clean(_field(meta, "Summary")),
        homepage=_homepage(meta),
        # Metadata 2.4 puts an SPDX expression in License-Expression; older, License.
        license=_clean(_field(meta, "License-Expression"))
        or _clean(_first_line(_field(meta, "License"))),
    )


def _field(meta: metadata.PackageMetadata, name: str) -> str | None:
    values = meta.get_all(name)
    return str(values[0]) if values else None


def builtin_about(module: ModuleType | object) -> About:
    """A built-in's own description, with the app's homepage and licence."""
    try:
        app = package_about(metadata.distribution("medialens"))
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        app = About()
    return About(_first_line(getattr(module, "__doc__", None)), app.homepage, app.license)


def _homepage(meta: metadata.PackageMetadata) -> str | None:
    home = _clean(_field(meta, "Home-page"))
    if home:
        return home
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        urls.setdefault(label.strip().lower(), url.strip())
    for label in _HOMEPAGE_LABELS:
        if urls.get(label):
            return urls[label]
    return next(iter(urls.values()), None) or None


def _first_line(text: object) -> str | None:
    if not isinstance(text, str):
        return None
    for line in text.strip().splitlines():
        if line.strip():
            return line.strip()
    return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str) or value.strip() in ("", "UNKNOWN"):
        return None
    return value.strip()
