"""Medialens plugin: semantic text vectors (all-MiniLM-L6-v2) for files and search queries.

Stores two 384-d vectors per file in one sentence-embedding space: ``text`` (what names
the file: tags, file and folder names, subtitles, and the built-in description of what
every content model found in it) and ``labels`` (what the vision and
music plugins heard and saw). Provides the text embedder that semantic search uses for
queries, so "a woman speaking" finds files by meaning, not only by words. The model loads
on first use, never at import or in the hooks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from medialens.api import ExtractionContext, ExtractionResult, VectorOutput, hookimpl
from medialens_text.model import DIM, embed, embed_labels, tag_vectors

__all__ = [
    "MEDIALENS_API",
    "DIM",
    "embed",
    "embed_labels",
    "tag_vectors",
    "document",
    "SemanticExtractor",
    "MiniLMEmbedder",
    "medialens_extractors",
    "medialens_text_embedder",
]

MEDIALENS_API = "1.2"  # the built-in description (fused findings)

LABEL_SOURCES = ("vision", "music")
# Metadata fields that describe the content when the built-in text extractor is absent.
_META_FIELDS = ("title", "artist", "album", "genre", "composer", "comment", "description")
_NAME_SEPARATORS = re.compile(r"[\s_.\-+~,;:!?()\[\]{}'\"`/\\|#@=&]+")


def _readable(name: str) -> str:
    """A file or folder name as text a model can read: bytes that are not UTF-8 (surrogate
    escapes from ``os.fsdecode``) become U+FFFD instead of raising UnicodeEncodeError."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "replace").decode("utf-8")


def document(text: str | None, path: Path, metadata: Mapping[str, object]) -> str:
    """The text to embed for a file: the built-in text document, or else one made from the
    file name, its folder and the content metadata."""
    if text and text.strip():
        return text.strip()
    parts = [str(metadata[k]) for k in _META_FIELDS if metadata.get(k)]
    parts.append(_NAME_SEPARATORS.sub(" ", _readable(path.stem)).strip())
    if path.parent.name:
        parts.append(_NAME_SEPARATORS.sub(" ", _readable(path.parent.name)).strip())
    return "\n".join(p for p in parts if p)


class SemanticExtractor:
    """A file's text and labels as sentence embeddings, comparable with search queries."""

    name = "semantic"
    version = "1.1"  # 1.1: the text vector embeds the fused description too
    kinds = frozenset({"audio", "video"})
    requires = ("text", "description", "vision", "music")
    outputs = (
        VectorOutput("text", DIM, modality="text"),
        VectorOutput("labels", DIM, modality="labels"),
    )
    timeout = 60.0

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        text_result = ctx.result("text")
        doc = document(
            text_result.text if text_result is not None else None,
            Path(ctx.file.path),
            ctx.file.metadata,
        )
        described = ctx.result("description")
        fused = described.data.get("document") if described is not None else None
        if isinstance(fused, str) and fused.strip():
            # what the content models found, so "a man talking in a car" meets a face,
            # a seat belt and speech found by three models in one file
            doc = f"{doc}\n{fused.strip()}" if doc else fused.strip()
        sources = [r.tags for r in (ctx.result(n) for n in LABEL_SOURCES) if r and r.tags]
        ctx.check_cancelled()
        result = ExtractionResult()
        if doc:
            result.vectors["text"] = embed([doc])[0]
        labels, used = embed_labels(sources)
        if labels is not None:
            result.vectors["labels"] = labels
            result.data["labels"] = [[t, w] for t, w in used]
        return result


class MiniLMEmbedder:
    """The query embedder for semantic search (satisfies :class:`medialens.api.TextEmbedder`).

    Its vectors are in the space of the ``text`` (and ``labels``) vectors the ``semantic``
    extractor stores.
    """

    name = "minilm"
    dim = DIM
    vector_name = "text"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return embed(texts)


@hookimpl
def medialens_extractors() -> list[SemanticExtractor]:
    return [SemanticExtractor()]


@hookimpl
def medialens_text_embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()
