"""The hooks a Medialens plugin may implement (pluggy specs).

Every hook here must be documented in ``docs/plugins.md``; a test checks that.
"""

from __future__ import annotations

import pluggy

from medialens.api import PROJECT, Extractor, Setting, TextEmbedder

hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec
def medialens_extractors() -> list[Extractor]:
    """Return the extractors this plugin provides.

    Called once when the app starts (and again when a plugin is re-enabled).
    Must be cheap: do not load models here, load them lazily on the first
    ``extract()`` call, which runs on a worker thread. Each extractor is an
    object satisfying :class:`medialens.api.Extractor`.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def medialens_text_embedder() -> TextEmbedder | None:
    """Return an embedder for search queries, or None.

    Called lazily the first time a semantic search runs, on a worker thread.
    The first plugin that returns one wins. Without any, search is keyword-only.
    """
    raise NotImplementedError


@hookspec
def medialens_settings() -> list[Setting]:
    """Return the settings this plugin offers the user (plugin API 1.1).

    Called once when the plugin loads; must be cheap. Each item is a
    :class:`medialens.api.Setting`. The user edits them in Settings (or with
    ``medialens plugins settings NAME KEY VALUE``); they are stored with the library,
    per plugin, and reach every ``extract()`` call as ``ctx.settings``.
    """
    raise NotImplementedError
