"""Extraction results and failures, written and read: ``features``, ``vectors``,
``text_index`` and ``failures``, keyed by (content id, extractor, version).

Vectors are float32 BLOBs with their dimension; text goes into the FTS5 index as well as
the ``features`` row, so keyword search needs no second pass. Values arrive validated
(``core.features.validate``): JSON is written strictly, so what a dependent extractor
reads back is what was produced. The counts over these tables are in ``extraction``.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Mapping, Sequence

import numpy as np

from medialens.store.records import ResultValues
from medialens.store.table import Table
from medialens.store.text_index import indexable, record_terms
from medialens.store.vectors import name_tags, tag_pack


class Results(Table):
    def save(
        self,
        content_id: str,
        extractor: str,
        version: str,
        values: ResultValues,
        modalities: Mapping[str, str],
        seconds: float,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        """Replace this extractor's result for this content, and forget its failure there."""
        tags = {k: round(float(v), 4) for k, v in values.tags.items()}
        with self._writer(conn) as w:
            # the tags twice: as JSON, and packed for the index's cold rebuild (m014)
            pack = tag_pack(name_tags(w, list(tags), {}), list(tags.values()))
            w.execute(
                # an upsert, not INSERT OR REPLACE: the row's UPDATE trigger keeps the
                # counters (store.counters) right, where REPLACE deletes silently
                "INSERT INTO features (content_id, extractor, version, created_at, "
                "seconds, tags, text, scalars, data, tag_pack) VALUES (?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT (content_id, extractor) DO UPDATE SET version = excluded.version, "
                "created_at = excluded.created_at, seconds = excluded.seconds, "
                "tags = excluded.tags, text = excluded.text, scalars = excluded.scalars, "
                "data = excluded.data, tag_pack = excluded.tag_pack",
                (
                    content_id,
                    extractor,
                    version,
                    time.time(),
                    seconds,
                    _json(tags),
                    values.text,
                    _json({k: float(v) for k, v in values.scalars.items()}),
                    _json(values.data),
                    pack,
                ),
            )
            key = (content_id, extractor)
            w.execute("DELETE FROM vectors WHERE content_id = ? AND extractor = ?", key)
            w.executemany(
                "INSERT INTO vectors (content_id, extractor, name, modality, dim, vector) "
                "VALUES (?,?,?,?,?,?)",
                [
                    (*key, name, modalities.get(name, "other"), int(v.shape[0]), v.tobytes())
                    for name, v in values.vectors.items()
                ],
            )
            self._index_text(w, content_id, extractor, values.text)
            w.execute("DELETE FROM failures WHERE content_id = ? AND extractor = ?", key)

    @staticmethod
    def _index_text(
        w: sqlite3.Connection, content_id: str, extractor: str, text: str | None
    ) -> None:
        """Replace this result's document in the FTS index, found by its rowid.

        ``text_docs`` maps (content, extractor) to the document's rowid on a primary key:
        the index's own ``content_id`` column is UNINDEXED, so finding the old document
        through it would scan the whole index on every write (linear in the library).
        A key keeps its rowid for good: the old document is deleted and the new one
        inserted under the same rowid, so the map is only written the first time. The
        documents of each term (``text_terms.docs``) follow: the old body's terms count one
        document less, the new one's one more; a document stored again unchanged is kept.
        """
        key = (content_id, extractor)
        row = w.execute(
            "SELECT doc FROM text_docs WHERE content_id = ? AND extractor = ?", key
        ).fetchone()
        body = indexable(text) if text else None
        if row is not None:
            old = w.execute("SELECT body FROM text_index WHERE rowid = ?", (row[0],)).fetchone()
            if old is not None and old[0] == body:
                return  # the same document: its terms' counts stay as they are
            if old is not None and isinstance(old[0], str) and old[0]:
                record_terms(w, old[0], -1)
            w.execute("DELETE FROM text_index WHERE rowid = ?", (row[0],))
        if not body:
            if row is not None:
                w.execute("DELETE FROM text_docs WHERE content_id = ? AND extractor = ?", key)
            return
        record_terms(w, body)
        if row is not None:
            w.execute(
                "INSERT INTO text_index (rowid, content_id, extractor, body) VALUES (?,?,?,?)",
                (row[0], *key, body),
            )
            return
        doc = w.execute(
            "INSERT INTO text_index (content_id, extractor, body) VALUES (?,?,?)", (*key, body)
        ).lastrowid
        w.execute("INSERT INTO text_docs (content_id, extractor, doc) VALUES (?,?,?)", (*key, doc))

    def save_failure(
        self,
        content_id: str,
        extractor: str,
        version: str,
        error: str,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        """Record (or count once more) this extractor's failure on this content."""
        with self._writer(conn) as w:
            w.execute(
                "INSERT INTO failures (content_id, extractor, version, error, at, attempts) "
                "VALUES (?,?,?,?,?,1) ON CONFLICT(content_id, extractor) DO UPDATE SET "
                "version = excluded.version, error = excluded.error, at = excluded.at, "
                "attempts = failures.attempts + 1",
                (content_id, extractor, version, error[:2000], time.time()),
            )

    def load(
        self, content_id: str, extractor: str, conn: sqlite3.Connection | None = None
    ) -> ResultValues | None:
        """This extractor's stored result for this content, or None."""
        c = self._reader(conn)
        row = c.execute(
            "SELECT tags, text, scalars, data FROM features WHERE content_id = ? AND extractor = ?",
            (content_id, extractor),
        ).fetchone()
        if row is None:
            return None
        vectors = {
            name: np.frombuffer(blob, dtype=np.float32)
            for name, blob in c.execute(
                "SELECT name, vector FROM vectors WHERE content_id = ? AND extractor = ?",
                (content_id, extractor),
            )
        }
        return ResultValues(
            tags=json.loads(row[0]) if row[0] else {},
            text=row[1],
            scalars=json.loads(row[2]) if row[2] else {},
            data=json.loads(row[3]) if row[3] else {},
            vectors=vectors,
        )

    def done_keys(
        self, content_id: str | None = None, conn: sqlite3.Connection | None = None
    ) -> set[tuple[str, str, str]]:
        """(content id, extractor, version) already stored or already failed."""
        where, params = ("WHERE content_id = ?", (content_id,)) if content_id else ("", ())
        c = self._reader(conn)
        keys: set[tuple[str, str, str]] = set()
        for table in ("features", "failures"):
            keys.update(
                (r[0], r[1], r[2])
                for r in c.execute(
                    f"SELECT content_id, extractor, version FROM {table} {where}", params
                )
            )
        return keys

    def done_of(
        self, pairs: Sequence[tuple[str, str]], conn: sqlite3.Connection | None = None
    ) -> DoneKeys:
        """Which contents have a result or a failure of each (extractor, version) in
        ``pairs``, as a :class:`DoneKeys` (``(content id, extractor, version) in done``).

        One sequential pass over each table, as :meth:`done_keys` makes, but kept as one
        bit mask per content instead of a tuple of three strings per stored key: at a
        million files with seven extractors that is a million small ints, not seven
        million tuples (about a gigabyte).
        """
        done = DoneKeys(pairs)
        bits, masks = done.bits, done.masks
        c = self._reader(conn)
        for table in ("features", "failures"):
            for cid, extractor, version in c.execute(
                f"SELECT content_id, extractor, version FROM {table}"
            ):
                bit = bits.get((extractor, version))
                if bit is not None:
                    masks[cid] = masks.get(cid, 0) | bit
        return done


class DoneKeys:
    """(content id, extractor, version) keys, stored or failed, as planning asks of them."""

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        self.bits = {pair: 1 << k for k, pair in enumerate(dict.fromkeys(pairs))}
        self.masks: dict[str, int] = {}

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple) or len(key) != 3:
            return False
        bit = self.bits.get((key[1], key[2]))
        return bit is not None and bool(self.masks.get(key[0], 0) & bit)

    def __len__(self) -> int:
        return sum(bin(m).count("1") for m in self.masks.values())


def _json(value: dict) -> str | None:
    """Strict JSON (no NaN, no stringified objects), or NULL for an empty part."""
    return json.dumps(value, allow_nan=False) if value else None
