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
import sqlite3

import numpy as np

from medialens.api import (
    ExtractionResult,
    Extractor,
    VectorOutput,
)
from medialens.store import ResultValues, Store

TAG_RULE = "tag scores are numbers in [0, 1]"
SCALAR_RULE = "scalars are finite numbers"
VECTOR_RULE = "vectors are declared, 1-D, float32, of the declared dimension, finite"
TEXT_RULE = "text is a string or None"
DATA_RULE = "data is JSON: str keys; None, bool, int, finite float, str, lists and dicts"
RESULT_RULE = "extract() returns an ExtractionResult"


class InvalidResult(ValueError):
    """An extractor returned something that does not match what it declared or the API
    promises; ``rule`` is the rule it broke, and the message says both."""

    def __init__(self, detail: str, rule: str) -> None:
        super().__init__(f"invalid result: {detail} (rule: {rule})")
        self.rule = rule


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
        tags[tag] = number
    scalars: dict[str, float] = {}
    for key, value in result.scalars.items():
        number = _real(value)
        if not isinstance(key, str) or number is None or not math.isfinite(number):
            raise InvalidResult(f"scalar {key!r} is {value!r}", SCALAR_RULE)
        scalars[key] = number
    if result.text is not None and not isinstance(result.text, str):
        raise InvalidResult(f"text is {type(result.text).__name__}", TEXT_RULE)
    problem = _json_problem(result.data, "data")
    if problem is not None:
        raise InvalidResult(problem, DATA_RULE)
    return ExtractionResult(
        vectors=vectors,
        tags=tags,
        text=result.text,
        scalars=scalars,
        data=json.loads(json.dumps(result.data, allow_nan=False)),  # as the next run reads it
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
    values = ResultValues(result.tags, result.text, result.scalars, result.data, result.vectors)
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
    return ExtractionResult(
        vectors=values.vectors,
        tags=values.tags,
        text=values.text,
        scalars=values.scalars,
        data=values.data,
    )
