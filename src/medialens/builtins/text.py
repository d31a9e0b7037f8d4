"""Built-in text: one searchable document per file, and a hashed bag-of-words vector.

The document gathers what names the file for a person: tags, the file and folder names
split into words, .nfo fields and subtitles (from the ``metadata`` result). It is NFKC
normalised and lower-cased (diacritics kept) and meant for the store's full-text index.

The ``bow`` vector hashes the document's words into ``BOW_DIM`` buckets with CRC-32 (stable
across runs and machines, unlike ``hash()``) and a sign bit (signed feature hashing, so
collisions cancel out on average). Words are weighted by field (a title counts more than
a line of dialogue) and damped with log(1 + weight); the vector is L2-normalised.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    TextOutput,
    VectorOutput,
    hookimpl,
)

MEDIALENS_API = "1.0"

BOW_DIM = 512
FOLDER_LEVELS = 3

TAG_FIELDS = (
    "title",
    "artist",
    "album_artist",
    "album",
    "composer",
    "performer",
    "genre",
    "show",
    "grouping",
    "keywords",
    "comment",
    "description",
    "synopsis",
)
NFO_FIELDS = (
    "title",
    "originaltitle",
    "showtitle",
    "tagline",
    "outline",
    "plot",
    "genre",
    "director",
    "credits",
    "actors",
    "studio",
    "country",
    "tag",
    "artist",
    "album",
    "style",
    "mood",
    "year",
    "text",
)
# How much a word counts in the vector, by where it was found.
WEIGHTS = {"tags": 3.0, "nfo": 2.0, "filename": 2.0, "folders": 1.0, "subtitles": 0.25}

_SEPARATORS = re.compile(r"[\s_.\-+~,;:!?()\[\]{}'\"`/\\|#@=&]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_STOP_WORDS = frozenset(
    "a an and are as at be but by de des du for from in is it its la le les of on or "
    "the this that to was were with".split()
)


class TextDocument:
    """The file's words, for keyword search and text similarity."""

    name = "text"
    version = "1"
    kinds = frozenset({"audio", "video"})
    requires = ("metadata",)
    outputs = (TextOutput(), VectorOutput("bow", BOW_DIM, modality="text"))
    timeout = 30.0

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        meta_result = ctx.result("metadata")
        meta: Mapping[str, Any] = meta_result.data if meta_result is not None else ctx.file.metadata
        fields = document_fields(Path(ctx.file.path), meta)
        text = "\n".join(t for t in fields.values() if t)
        result = ExtractionResult(text=text)
        vector = bag_of_words(fields)
        if vector is not None:
            result.vectors["bow"] = vector
        return result


def normalise(text: str) -> str:
    """NFKC, lower case, one space between words, no blank lines."""
    text = unicodedata.normalize("NFKC", text).lower()
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def split_name(name: str) -> str:
    """File or folder name as words: ``My_Trip.2019-HDRip`` -> ``My Trip 2019 HDRip``,
    ``holidayInRome`` -> ``holiday In Rome``."""
    words = []
    for part in _SEPARATORS.split(name):
        words.extend(w for w in _CAMEL.split(part) if w)
    return " ".join(words)


def readable(name: str) -> str:
    """A file or folder name as text: bytes that are not UTF-8 (surrogate escapes, from
    ``os.fsdecode``) become U+FFFD, so the other words of the name are still indexed."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate no file system decode makes
        return name.encode("utf-8", "replace").decode("utf-8")


def _values(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for v in value:
            if isinstance(v, str | int | float):
                yield str(v)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield str(value)


def document_fields(path: Path, meta: Mapping[str, Any]) -> dict[str, str]:
    """The document's parts by field (normalised), in the order they are indexed."""
    tags = meta.get("tags") or {}
    nfo = meta.get("nfo") or {}
    subtitles = meta.get("subtitles") or {}
    tag_text = [v for key in TAG_FIELDS for v in _values(tags.get(key))]
    date = str(tags.get("date") or tags.get("year") or "")[:4]
    if date.isdigit():
        tag_text.append(date)
    folders = [p.name for p in list(path.parents)[:FOLDER_LEVELS] if p.name]
    fields = {
        "tags": "\n".join(tag_text),
        "filename": split_name(readable(path.stem)),
        "folders": "\n".join(split_name(readable(f)) for f in folders),
        "nfo": "\n".join(v for key in NFO_FIELDS for v in _values(nfo.get(key))),
        "subtitles": subtitles.get("text", "") if isinstance(subtitles, Mapping) else "",
    }
    normalised = {key: normalise(value) for key, value in fields.items()}
    # The file name often repeats the title: index it once.
    if normalised["filename"] and normalised["filename"] in normalised["tags"].split("\n"):
        normalised["filename"] = ""
    return normalised


def tokens(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if (len(w) > 1 or w.isdigit()) and w not in _STOP_WORDS]


def bag_of_words(fields: Mapping[str, str], dim: int = BOW_DIM) -> np.ndarray | None:
    """Signed, field-weighted feature hashing of the words; None when there are none."""
    weights: dict[str, float] = defaultdict(float)
    for field, text in fields.items():
        weight = WEIGHTS.get(field, 1.0)
        for word in tokens(text):
            weights[word] += weight
    if not weights:
        return None
    vector = np.zeros(dim, dtype=np.float32)
    for word, weight in weights.items():
        h = zlib.crc32(word.encode("utf-8"))
        vector[h % dim] += math.log1p(weight) * (1.0 if h & 0x80000000 else -1.0)
    norm = float(np.linalg.norm(vector))
    if norm == 0.0:
        return None
    return vector / norm


@hookimpl
def medialens_extractors() -> list[TextDocument]:
    return [TextDocument()]
