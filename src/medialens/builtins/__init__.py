"""The app's own extractors, registered exactly like third-party plugins.

Each module implements ``medialens_extractors()`` and declares ``MEDIALENS_API``. Importing
them is cheap: heavy libraries (librosa, Pillow) load on the first ``extract()`` call.
"""

from __future__ import annotations

from types import ModuleType

from medialens.builtins import audio, description, metadata, text, thumbnails

DEFAULT_PLUGINS: list[ModuleType] = [metadata, thumbnails, audio, text, description]
"""Plugin modules the app registers by default, in dependency order."""

__all__ = ["DEFAULT_PLUGINS"]
