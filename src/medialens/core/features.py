"""Extraction results between plugins and the store: checked against what the plugin API
promises, stored, read back, and handed only to the extractors that declared them.

Every rule of the API is checked before anything is stored (:func:`validate`), and a
result that breaks one is refused with a failure row naming the rule, so that what an
extractor reads back in the next run is exactly what was produced in this one (NaN and
numpy scalars used to be stored as text, or break ``info --json``).
"""

from __future__ import annotations

import json
import math
import numbers
import re
import sqlite3

import numpy as np

from medialens.api import (
    CATEGORIES,
    ExtractionResult,
    Extractor,
    TextSegment,
    VectorOutput,
)
from medialens.store import ResultValues, Store

TAG_RULE = "tag scores are numbers in [0, 1]"
SCALAR_RULE = "scalars are finite numbers"
VECTOR_RULE = "vectors are declared, 1-D, float32, of the declared dimension, finite"
TEXT_RULE = "text is a string or None"
DATA_RULE = "data is JSON: str keys; None, bool, int, finite float, str, lists and dicts"
RESULT_RULE = "extract() returns an ExtractionResult"
SEGMENT_RULE = "segments are TextSegment with finite 0 <= start <= end and str text"
CATEGORY_RULE = f"categories are votes in [0, 1] on {', '.join(CATEGORIES)}"
LANGUAGE_RULE = "language is a short str code or None"

# The API 1.2 parts are stored inside ``data`` under keys no plugin can write (``data``
# keys a plugin writes never start with "@": validate refuses them).
_SEGMENTS, _LANGUAGE, _CATEGORIES = "@segments", "@language", "@categories"


class InvalidResult(ValueError):
    """An extractor returned something that does not match what it declared or the API
    promises; ``rule`` is the rule it broke, and the message says both."""

    def __init__(self, detail: str, rule: str) -> None:
        super().__init__(f"invalid result: {detail} (rule: {rule})")
        self.rule = rule


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate as U+FFFD, so UTF-8 (SQLite, JSON, FTS) can hold it.

    A file name that is not UTF-8 reaches Python as a str with surrogate escapes
    (``os.fsdecode``); a plugin that puts it into its text or tags would otherwise make the
    store raise ``UnicodeEncodeError`` and the file's results would never be stored.
    """
    return _SURROGATE.sub("\ufffd", text)


def _clean(value: object) -> object:
    """Every str in a JSON-like value (keys too) through :func:`clean_text`."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def _real(value: object) -> float | None:
    """``value`` as a float when it is a real number (not a bool), else None."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    return float(value)


def validate(extractor: Extractor, result: object) -> ExtractionResult:
    """Check ``result`` against the API's rules and return it normalised (float32 vectors,
    float tags and scalars, ``data`` as it reads back from JSON); raise :class:`InvalidResult`."""
    if not isinstance(result, ExtractionResult):
        raise InvalidResult(f"returned {type(result).__name__}", RESULT_RULE)
    declared = {o.name: o for o in extractor.outputs if isinstance(o, VectorOutput)}
    vectors: dict[str, np.ndarray] = {}
    for name, vector in result.vectors.items():
        spec = declared.get(name)
        if spec is None:
            raise InvalidResult(f"vector {name!r} was not declared in outputs", VECTOR_RULE)
        arr = np.asarray(vector)
        if arr.ndim != 1 or arr.shape[0] != spec.dim:
            raise InvalidResult(
                f"vector {name!r} has shape {arr.shape}, declared ({spec.dim},)", VECTOR_RULE
            )
        if arr.dtype.kind != "f":
            raise InvalidResult(f"vector {name!r} has dtype {arr.dtype}", VECTOR_RULE)
        arr = arr.astype(np.float32, copy=False)
        if not np.all(np.isfinite(arr)):
            raise InvalidResult(f"vector {name!r} contains NaN or infinity", VECTOR_RULE)
        vectors[name] = arr
    tags: dict[str, float] = {}
    for tag, score in result.tags.items():
        number = _real(score)
        if not isinstance(tag, str) or number is None or not 0.0 <= number <= 1.0:
            raise InvalidResult(f"tag {tag!r} has score {score!r}", TAG_RULE)
        tags[clean_text(tag)] = number
    scalars: dict[str, float] = {}
    for key, value in result.scalars.items():
        number = _real(value)
        if not isinstance(key, str) or number is None or not math.isfinite(number):
            raise InvalidResult(f"scalar {key!r} is {value!r}", SCALAR_RULE)
        scalars[clean_text(key)] = number
    if result.text is not None and not isinstance(result.text, str):
        raise InvalidResult(f"text is {type(result.text).__name__}", TEXT_RULE)
    problem = _json_problem(result.data, "data")
    if problem is None and isinstance(result.data, dict):
        reserved = [k for k in result.data if k.startswith("@")]
        if reserved:
            problem = f"data has the key {reserved[0]!r} (keys starting with '@' are reserved)"
    if problem is not None:
        raise InvalidResult(problem, DATA_RULE)
    return ExtractionResult(
        vectors=vectors,
        tags=tags,
        text=None if result.text is None else clean_text(result.text),
        scalars=scalars,
        # as the next run reads it
        data=json.loads(json.dumps(_clean(result.data), allow_nan=False)),
        segments=_valid_segments(result.segments),
        language=_valid_language(result.language),
        categories=_valid_categories(result.categories),
    )


def _valid_segments(segments: object) -> list[TextSegment]:
    if not isinstance(segments, list | tuple):
        raise InvalidResult(f"segments is {type(segments).__name__}", SEGMENT_RULE)
    out = []
    for i, seg in enumerate(segments):
        if not isinstance(seg, TextSegment) or not isinstance(seg.text, str):
            raise InvalidResult(f"segments[{i}] is {seg!r}", SEGMENT_RULE)
        start, end = _real(seg.start), _real(seg.end)
        if start is None or end is None or not (0.0 <= start <= end < math.inf):
            raise InvalidResult(f"segments[{i}] runs {seg.start!r}..{seg.end!r}", SEGMENT_RULE)
        out.append(TextSegment(start, end, clean_text(seg.text)))
    return out


def _valid_language(language: object) -> str | None:
    if language is None:
        return None
    if not isinstance(language, str) or not 0 < len(language) <= 16:
        raise InvalidResult(f"language is {language!r}", LANGUAGE_RULE)
    return language


def _valid_categories(categories: object) -> dict[str, float]:
    if not isinstance(categories, dict):
        raise InvalidResult(f"categories is {type(categories).__name__}", CATEGORY_RULE)
    out = {}
    for key, score in categories.items():
        number = _real(score)
        if key not in CATEGORIES or number is None or not 0.0 <= number <= 1.0:
            raise InvalidResult(f"category {key!r} has score {score!r}", CATEGORY_RULE)
        out[key] = number
    return out


def _packed_data(result: ExtractionResult) -> dict[str, object]:
    """``result.data`` with the API 1.2 parts folded in under their reserved keys."""
    data: dict[str, object] = dict(result.data)
    if result.segments:
        data[_SEGMENTS] = [[s.start, s.end, s.text] for s in result.segments]
    if result.language:
        data[_LANGUAGE] = result.language
    if result.categories:
        data[_CATEGORIES] = dict(result.categories)
    return data


def unpacked(
    tags: dict[str, float],
    text: str | None,
    scalars: dict[str, float],
    data: dict[str, object],
    vectors: dict[str, np.ndarray] | None = None,
) -> ExtractionResult:
    """A stored result as the extractor returned it: the reserved keys back into fields."""
    data = dict(data)
    raw_segments = data.pop(_SEGMENTS, None)
    language = data.pop(_LANGUAGE, None)
    categories = data.pop(_CATEGORIES, None)
    segments = []
    if isinstance(raw_segments, list):
        for item in raw_segments:
            if isinstance(item, list) and len(item) == 3:
                segments.append(TextSegment(float(item[0]), float(item[1]), str(item[2])))
    return ExtractionResult(
        vectors=vectors or {},
        tags=tags,
        text=text,
        scalars=scalars,
        data=data,
        segments=segments,
        language=language if isinstance(language, str) else None,
        categories=(
            {str(k): float(v) for k, v in categories.items()}
            if isinstance(categories, dict)
            else {}
        ),
    )


def _json_problem(value: object, where: str) -> str | None:
    """Where and why ``value`` is not plain JSON, or None when it is."""
    if value is None or isinstance(value, bool | int | str):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{where} is {value!r}"
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return f"{where} has the key {key!r} ({type(key).__name__}, not str)"
            problem = _json_problem(item, f"{where}[{key!r}]")
            if problem is not None:
                return problem
        return None
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            problem = _json_problem(item, f"{where}[{i}]")
            if problem is not None:
                return problem
        return None
    return f"{where} is {type(value).__module__}.{type(value).__name__} {value!r}"


# -- the store -------------------------------------------------------------------------------


def store_result(
    store: Store,
    content_id: str,
    extractor: Extractor,
    result: ExtractionResult,
    seconds: float,
    conn: sqlite3.Connection | None = None,
) -> None:
    """Replace this extractor's stored result for this content (a validated result)."""
    modality = {o.name: o.modality for o in extractor.outputs if isinstance(o, VectorOutput)}
    values = ResultValues(
        result.tags, result.text, result.scalars, _packed_data(result), result.vectors
    )
    store.results.save(
        content_id, extractor.name, str(extractor.version), values, modality, seconds, conn=conn
    )


def store_failure(
    store: Store,
    content_id: str,
    extractor: Extractor,
    error: str,
    conn: sqlite3.Connection | None = None,
) -> None:
    store.results.save_failure(content_id, extractor.name, str(extractor.version), error, conn)


def load_result(
    store: Store, content_id: str, extractor: str, conn: sqlite3.Connection | None = None
) -> ExtractionResult | None:
    values = store.results.load(content_id, extractor, conn=conn)
    if values is None:
        return None
    return unpacked(values.tags, values.text, values.scalars, values.data, values.vectors)
