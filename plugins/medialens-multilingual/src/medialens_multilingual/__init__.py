"""Medialens plugin: search in Chinese as in English (multilingual-e5-small, 4-bit, offline).

Stores one 384-d vector per file, ``multilingual``: the embedding of the file's document
(the fused ``description`` when there is one, else the built-in text, else its name and
metadata), and the language of its title. Provides a text embedder in the same space for
search queries and tag names, so "狗" finds a video tagged "dog" and a file titled
"我家的小狗". The models load on first use, never at import or in the hooks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from medialens.api import ExtractionContext, ExtractionResult, VectorOutput, hookimpl
from medialens_multilingual.language import MIN_CONFIDENCE, identify
from medialens_multilingual.model import DIM, embed_passages, embed_queries

__all__ = [
    "MEDIALENS_API",
    "DIM",
    "MIN_CONFIDENCE",
    "embed_queries",
    "embed_passages",
    "identify",
    "document",
    "title_of",
    "MultilingualExtractor",
    "E5Embedder",
    "medialens_extractors",
    "medialens_text_embedder",
]

MEDIALENS_API = "1.2"

VECTOR = "multilingual"
# Metadata fields that describe the content when neither the description nor the
# built-in text is there, read from the container tags or the top level.
_META_FIELDS = ("title", "artist", "album", "genre", "composer", "comment", "description")
_NAME_SEPARATORS = re.compile(r"[\s_.\-+~,;:!?()\[\]{}'\"`/\\|#@=&]+")


def _readable(name: str) -> str:
    """A file or folder name as text a model can read: bytes that are not UTF-8 (surrogate
    escapes from ``os.fsdecode``) become U+FFFD instead of raising UnicodeEncodeError."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "replace").decode("utf-8")


def _field(metadata: Mapping[str, object], key: str) -> str:
    tags = metadata.get("tags")
    value = tags.get(key) if isinstance(tags, Mapping) else None
    value = value or metadata.get(key)
    return str(value).strip() if value else ""


def _name(path: Path) -> str:
    return _NAME_SEPARATORS.sub(" ", _readable(path.stem)).strip()


def document(text: str | None, path: Path, metadata: Mapping[str, object]) -> str:
    """The text to embed for a file: ``text`` (the description or the built-in text
    document) when it has any, or else one made from the content metadata, the file name
    and its folder (as ``medialens_text.document`` does)."""
    if text and text.strip():
        return text.strip()
    parts = [_field(metadata, k) for k in _META_FIELDS]
    parts.append(_name(path))
    if path.parent.name:
        parts.append(_NAME_SEPARATORS.sub(" ", _readable(path.parent.name)).strip())
    return "\n".join(p for p in parts if p)


def title_of(path: Path, metadata: Mapping[str, object]) -> str:
    """What names the file in its own language: its title tag, else its file name.

    Not the description: that fuses the models' tags, which are English whatever the
    file's language."""
    return _field(metadata, "title") or _name(path)


class MultilingualExtractor:
    """A file's document as a multilingual-e5 passage embedding, and its title's language."""

    name = "multilingual"
    version = "1.0"
    kinds = frozenset({"audio", "video"})
    requires = ("text", "description")
    outputs = (VectorOutput(VECTOR, DIM, modality="text"),)
    timeout = 60.0

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        path = Path(ctx.file.path)
        texts = (r.text for r in (ctx.result("description"), ctx.result("text")) if r is not None)
        doc = document(next((t for t in texts if t and t.strip()), None), path, ctx.file.metadata)
        ctx.check_cancelled()
        result = ExtractionResult()
        if doc:
            result.vectors[VECTOR] = embed_passages([doc])[0]
        code, confidence = identify(title_of(path, ctx.file.metadata), ctx.cache_dir)
        result.language = code
        result.data["language"] = code
        result.data["language_confidence"] = round(confidence, 4)
        return result


class E5Embedder:
    """The query embedder for semantic search (satisfies :class:`medialens.api.TextEmbedder`).

    Search embeds both queries and tag names with it: both get E5's ``query: `` prefix
    (see :func:`embed_queries`); the files' ``multilingual`` vectors are ``passage: ``s.
    """

    name = "e5-small"
    dim = DIM
    multilingual = True  # API 1.2: search sends it the queries written in Chinese
    vector_name = VECTOR

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return embed_queries(texts)


@hookimpl
def medialens_extractors() -> list[MultilingualExtractor]:
    return [MultilingualExtractor()]


@hookimpl
def medialens_text_embedder() -> E5Embedder:
    return E5Embedder()
