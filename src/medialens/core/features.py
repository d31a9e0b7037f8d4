"""Reading and writing extraction results, keyed by (content id, extractor, version).

Vectors are float32 BLOBs with their dimension; text goes into the FTS5 index
as well as the ``features`` row, so keyword search needs no second pass.
"""

from __future__ import annotations

import json
import sqlite3
import time

import numpy as np

from medialens.api import ExtractionResult, Extractor, VectorOutput


class InvalidResult(ValueError):
    """An extractor returned something that does not match what it declared."""


def validate(extractor: Extractor, result: object) -> ExtractionResult:
    if not isinstance(result, ExtractionResult):
        raise InvalidResult(f"returned {type(result).__name__}, not an ExtractionResult")
    declared = {o.name: o for o in extractor.outputs if isinstance(o, VectorOutput)}
    for name, vector in result.vectors.items():
        spec = declared.get(name)
        if spec is None:
            raise InvalidResult(f"vector {name!r} was not declared in outputs")
        arr = np.asarray(vector, dtype=np.float32).reshape(-1)
        if arr.shape[0] != spec.dim:
            raise InvalidResult(f"vector {name!r} has {arr.shape[0]} values, declared {spec.dim}")
        if not np.all(np.isfinite(arr)):
            raise InvalidResult(f"vector {name!r} contains NaN or infinity")
        result.vectors[name] = arr
    for tag, score in result.tags.items():
        if not isinstance(tag, str) or not np.isfinite(score):
            raise InvalidResult(f"tag {tag!r} has an invalid score {score!r}")
    return result


def store_result(
    conn: sqlite3.Connection,
    content_id: str,
    extractor: Extractor,
    result: ExtractionResult,
    seconds: float,
) -> None:
    """Replace this extractor's stored result for this content (inside a write transaction)."""
    modality = {o.name: o.modality for o in extractor.outputs if isinstance(o, VectorOutput)}
    conn.execute(
        "INSERT OR REPLACE INTO features (content_id, extractor, version, created_at, seconds, "
        "tags, text, scalars, data) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            content_id,
            extractor.name,
            str(extractor.version),
            time.time(),
            seconds,
            json.dumps({k: round(float(v), 4) for k, v in result.tags.items()})
            if result.tags
            else None,
            result.text,
            json.dumps({k: float(v) for k, v in result.scalars.items()})
            if result.scalars
            else None,
            json.dumps(result.data, default=str) if result.data else None,
        ),
    )
    conn.execute(
        "DELETE FROM vectors WHERE content_id = ? AND extractor = ?", (content_id, extractor.name)
    )
    conn.executemany(
        "INSERT INTO vectors (content_id, extractor, name, modality, dim, vector) VALUES (?,?,?,?,?,?)",
        [
            (content_id, extractor.name, name, modality.get(name, "other"), v.shape[0], v.tobytes())
            for name, v in result.vectors.items()
        ],
    )
    conn.execute(
        "DELETE FROM text_index WHERE content_id = ? AND extractor = ?",
        (content_id, extractor.name),
    )
    if result.text:
        conn.execute(
            "INSERT INTO text_index (content_id, extractor, body) VALUES (?,?,?)",
            (content_id, extractor.name, result.text),
        )
    conn.execute(
        "DELETE FROM failures WHERE content_id = ? AND extractor = ?", (content_id, extractor.name)
    )


def store_failure(
    conn: sqlite3.Connection, content_id: str, extractor: Extractor, error: str
) -> None:
    conn.execute(
        "INSERT INTO failures (content_id, extractor, version, error, at, attempts) "
        "VALUES (?,?,?,?,?,1) ON CONFLICT(content_id, extractor) DO UPDATE SET "
        "version = excluded.version, error = excluded.error, at = excluded.at, "
        "attempts = failures.attempts + 1",
        (content_id, extractor.name, str(extractor.version), error[:2000], time.time()),
    )


def load_result(
    conn: sqlite3.Connection, content_id: str, extractor: str
) -> ExtractionResult | None:
    row = conn.execute(
        "SELECT tags, text, scalars, data FROM features WHERE content_id = ? AND extractor = ?",
        (content_id, extractor),
    ).fetchone()
    if row is None:
        return None
    vectors = {
        name: np.frombuffer(blob, dtype=np.float32)
        for name, blob in conn.execute(
            "SELECT name, vector FROM vectors WHERE content_id = ? AND extractor = ?",
            (content_id, extractor),
        )
    }
    return ExtractionResult(
        vectors=vectors,
        tags=json.loads(row[0]) if row[0] else {},
        text=row[1],
        scalars=json.loads(row[2]) if row[2] else {},
        data=json.loads(row[3]) if row[3] else {},
    )


def done_keys(conn: sqlite3.Connection, content_id: str | None = None) -> set[tuple[str, str, str]]:
    """(content id, extractor, version) already stored or already failed."""
    where, params = ("WHERE content_id = ?", (content_id,)) if content_id else ("", ())
    keys = set()
    for table in ("features", "failures"):
        keys.update(
            (r[0], r[1], r[2])
            for r in conn.execute(
                f"SELECT content_id, extractor, version FROM {table} {where}", params
            )
        )
    return keys
