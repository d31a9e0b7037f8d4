"""The full-text index (FTS5 ``text_index``): one document per (content, extractor)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection
from typing import NamedTuple

from medialens.store.table import Table, marks

# Han, kana and hangul: written without spaces, so FTS5's unicode61 tokenizer would read a
# whole line of Chinese as one word and "出口" could never match "紧急出口". Each such
# character is indexed (and queried) as a word of its own; a query of several is a phrase.
CJK = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])")


def indexable(text: str) -> str:
    """``text`` as it is stored in the index: CJK characters spaced apart."""
    return CJK.sub(r" \1 ", text) if CJK.search(text) else text


#: The index's tokenizer, for the scratch table that reads a document's words as it does.
TOKENIZER = "unicode61 remove_diacritics 2"
#: The prefix lengths (characters) the index keeps doclists for (m012): a prefix query of
#: one of these lengths reads one list instead of merging every term's.
PREFIXES = (3, 4, 5)
# A word past the last one starting with a prefix: every term starting with ``p`` sorts
# before ``p + END`` (BINARY collation, UTF-8 order).
END = "\U0010ffff"


def record_terms(w: sqlite3.Connection, body: str) -> None:
    """Add the words of ``body`` to ``text_terms``, as the index's tokenizer reads them.

    The words come from a scratch FTS5 table with the same tokenizer (on this connection,
    in memory), so they are the index's own terms, folded and split exactly as it does:
    a prefix expanded through ``text_terms`` can then miss no document. Terms are never
    removed (a word of a deleted document expands to a term that matches nothing).
    """
    w.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.text_scratch USING fts5("
        f"body, tokenize = '{TOKENIZER}')"
    )
    w.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.text_scratch_terms "
        "USING fts5vocab(temp, 'text_scratch', 'row')"
    )
    w.execute("INSERT INTO temp.text_scratch (body) VALUES (?)", (body,))
    w.execute("INSERT OR IGNORE INTO text_terms (term) SELECT term FROM temp.text_scratch_terms")
    w.execute("DELETE FROM temp.text_scratch")


class TextMatch(NamedTuple):
    rowid: int
    content_id: str
    extractor: str
    rank: float  # bm25: lower is better


class TextIndex(Table):
    def match(
        self, query: str, pool: int, limit: int, excluded: Collection[str] = ()
    ) -> list[TextMatch]:
        """The best ``limit`` of the first ``pool`` documents matching an FTS5 ``query``,
        best first, leaving out documents the ``excluded`` extractors wrote.

        The pool is scored on rowids alone and only the best ``limit`` documents' columns
        are read: the unindexed columns live in FTS5's content table beside the body, so
        reading them for every scored match cost a third of the query (10^5 documents,
        2,000 matches: 23 ms with them, 14 ms without). With extractors excluded (a
        disabled plugin) the filter must read each match's extractor before the pool is
        cut, as it always did.
        """
        db = self._reader(None)
        if excluded:
            sql = (
                "SELECT rowid, content_id, extractor, s FROM (SELECT rowid, content_id, "
                "extractor, bm25(text_index) AS s FROM text_index WHERE text_index MATCH ? "
                f"AND extractor NOT IN ({marks(excluded)}) LIMIT ?) ORDER BY s, rowid LIMIT ?"
            )
            return [TextMatch(*r) for r in db.execute(sql, (query, *excluded, pool, limit))]
        scored = db.execute(
            "SELECT rowid, s FROM (SELECT rowid, bm25(text_index) AS s FROM text_index "
            "WHERE text_index MATCH ? LIMIT ?) ORDER BY s, rowid LIMIT ?",
            (query, pool, limit),
        ).fetchall()
        if not scored:
            return []
        rowids = [r[0] for r in scored]
        columns = {
            r[0]: (r[1], r[2])
            for r in db.execute(
                "SELECT rowid, content_id, extractor FROM text_index "
                f"WHERE rowid IN ({marks(rowids)})",
                rowids,
            )
        }
        return [
            TextMatch(rowid, *columns[rowid], score) for rowid, score in scored if rowid in columns
        ]

    def terms_with_prefix(self, prefix: str, most: int) -> list[str] | None:
        """The index's terms that start with ``prefix`` (at most ``most``; None past that).

        One range of ``text_terms``'s primary key: microseconds, where FTS5 answers a
        prefix query without a prefix index by merging the whole doclist of every term
        with that prefix before it yields the first row (30 ms for a word in half of
        10^6 documents), and bm25 merges them all again to count them.
        """
        sql = "SELECT term FROM text_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?"
        rows = self._reader(None).execute(sql, (prefix, prefix + END, most + 1)).fetchall()
        return None if len(rows) > most else [r[0] for r in rows]

    def bodies(self, rowids: list[int]) -> dict[int, str]:
        if not rowids:
            return {}
        rows = self._reader(None).execute(
            f"SELECT rowid, body FROM text_index WHERE rowid IN ({marks(rowids)})", rowids
        )
        return {r[0]: r[1] for r in rows}
