"""The full-text index (FTS5 ``text_index``): one document per (content, extractor)."""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from collections.abc import Collection
from typing import NamedTuple

import numpy as np

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


def record_terms(w: sqlite3.Connection, body: str, change: int = 1) -> None:
    """Count the documents of each word of ``body`` in ``text_terms`` once more (``change``
    1: a document added) or once less (-1: removed), as the index's tokenizer reads them.

    The words come from a scratch FTS5 table with the same tokenizer (on this connection,
    in memory), so they are the index's own terms, folded and split exactly as it does:
    a prefix expanded through ``text_terms`` can then miss no document, and each term's
    ``docs`` is the number of documents holding it, which FTS5's bm25 would count from
    the term's whole doclist on every query (``TextIndex.match`` reads it here instead).
    A term whose count falls to 0 keeps its row (it expands to a term matching nothing).
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
    w.execute(
        "INSERT INTO text_terms (term, docs) SELECT term, ? FROM temp.text_scratch_terms "
        "WHERE true ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs",
        (change,),
    )
    w.execute("DELETE FROM temp.text_scratch")


# FTS5's bm25 (fts5_aux.c), which ``TextIndex.match`` computes itself
BM25_K1 = 1.2
BM25_B = 0.75
# The id of FTS5's "averages" record in ``text_index_data``: the row count, then the
# total tokens of each column (varints), which bm25 takes its mean document length from.
_AVERAGES = 1
_PHRASE = re.compile(r'"([^"]*)"(\*?)')
_PLAIN_TERM = re.compile(r"[a-z0-9]+\Z")
# A word as unicode61 reads one: letters, digits and private-use characters
_WORD = re.compile(r"[^\W_]+")
#: Bytes that are part of a word in the text ``_bm25`` reads: ASCII letters and digits,
#: and 0x01, which stands for a character of a word outside ASCII (``_ascii``)
_WORD_BYTE = np.zeros(256, bool)
_WORD_BYTE[np.frombuffer(b"\x010123456789abcdefghijklmnopqrstuvwxyz", np.uint8)] = True
#: The most terms of a prefix whose documents are read to estimate the prefix's
PREFIX_TERMS = 20_000
#: Doclist entries FTS5's bm25() counts in the time one body of the pool is read and
#: scored here (10^6 documents: 2,000 bodies in ~9 ms, a doclist of 560,000 in ~30 ms)
COUNTED_PER_BODY = 160


def plain_phrases(query: str) -> list[tuple[str, bool]] | None:
    """The phrases of an FTS5 query as ``core.search.fts_query`` writes them, in FTS5's
    order (each quoted, a prefix when starred): (term, is a prefix). None when a phrase
    is not one lowercase ASCII word (the tokenizer would fold or split it) or the query
    has any syntax but quoted phrases, AND, OR and brackets."""
    phrases = [(m.group(1), m.group(2) == "*") for m in _PHRASE.finditer(query)]
    rest = _PHRASE.sub(" ", query).replace("(", " ").replace(")", " ").split()
    if not phrases or any(w not in ("AND", "OR") for w in rest):
        return None
    if not all(_PLAIN_TERM.match(term) for term, _ in phrases):
        return None
    return phrases


def _varints(blob: bytes) -> list[int]:
    """The SQLite varints of an FTS5 record, in order."""
    out, value, used = [], 0, 0
    for byte in blob:
        used += 1
        if used == 9:  # the ninth byte of a varint holds eight bits
            out.append((value << 8) | byte)
            value, used = 0, 0
        elif byte & 0x80:
            value = (value << 7) | (byte & 0x7F)
        else:
            out.append((value << 7) | byte)
            value, used = 0, 0
    return out


def _idf(rows: int, docs: float) -> float:
    """FTS5's bm25 idf of a phrase in ``docs`` of ``rows`` documents (floored at 1e-6)."""
    idf = math.log((rows - docs + 0.5) / (docs + 0.5))
    return idf if idf > 0.0 else 1e-6


def prefix_documents(rows: int, docs: list[int]) -> float:
    """About how many of ``rows`` documents hold a word starting with a prefix whose terms
    are in ``docs`` of them each: the union of the terms' documents, as if each held its
    terms independently of the others (between the largest count and their sum, the two
    bounds; at 10^6 documents within 2% of the exact idf, median 0.01%)."""
    if not docs or rows <= 0:
        return 0.0
    share = np.minimum(np.asarray(docs, np.float64), rows) / rows
    return float(rows * -np.expm1(np.log1p(-np.minimum(share, 1.0 - 1e-12)).sum()))


def _matches(query: str, docs: list[float], rows: int) -> float:
    """About how many documents an FTS5 query of ``core.search.fts_query``'s shape
    matches, from its phrases' documents (in order): an OR group holds the sum of its
    phrases', words joined by AND are taken as independent. Only to choose who scores."""
    words = query.split(" AND ") if " AND " in query else [query]
    share, at = 1.0, 0
    for word in words:
        phrases = len(_PHRASE.findall(word))
        share *= min(1.0, sum(docs[at : at + phrases]) / rows)
        at += phrases
    return share * rows


def _ascii(body: str) -> str:
    """A body outside ASCII as ``_bm25`` reads it: lowercase, diacritics removed, words
    split where unicode61 splits them, each character of a word left outside ASCII
    written 0x01 (matching no query term, but counted in the document's length)."""
    folded = unicodedata.normalize("NFKD", body.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = _WORD.findall(folded)
    return " ".join(
        w if w.isascii() else "".join(c if c.isascii() else "\x01" for c in w) for w in words
    )


def _bm25(
    text: bytes, documents: int, phrases: list[tuple[str, bool]], idfs: list[float], avgdl: float
) -> np.ndarray:
    """FTS5's bm25 (lower is better) of ``documents`` lowercase bodies joined by NUL (ASCII,
    see ``_ascii``), each phrase a word or a prefix: per phrase, the words of each body
    it matches, summed over the phrases in order, as fts5_aux.c sums them.

    The words are found once (a pool of 2,000 bodies: ~20,000 words, 1 ms); a phrase
    compares the bytes of only the words that begin with its first two.
    """
    raw = np.frombuffer(text + b"\x00\x00", np.uint8)  # two NULs: a word's second byte
    edges = np.diff(_WORD_BYTE[raw].view(np.int8), prepend=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    lengths = np.flatnonzero(edges == -1) - starts
    doc = np.searchsorted(np.flatnonzero(raw == 0), starts)
    size = np.bincount(doc, minlength=documents)[:documents].astype(np.float64)
    head = raw[starts].astype(np.int32) * 256 + raw[starts + 1]
    k1, b = BM25_K1, BM25_B
    norm = k1 * (1 - b + b * size / avgdl)
    score = np.zeros(documents, np.float64)
    seen: dict[tuple[str, bool], np.ndarray] = {}
    for phrase, idf in zip(phrases, idfs, strict=True):
        freq = seen.get(phrase)
        if freq is None:
            term, prefix = phrase
            want = np.frombuffer(term.encode("ascii"), np.uint8)
            if len(want) >= 2:
                near = np.flatnonzero(head == int(want[0]) * 256 + int(want[1]))
            else:
                near = np.flatnonzero((head >> 8) == int(want[0]))
            fits = lengths[near] >= len(want) if prefix else lengths[near] == len(want)
            near = near[fits]
            at = starts[near]
            hit = (raw[at[:, None] + np.arange(len(want))] == want).all(axis=1)
            freq = np.bincount(doc[near[hit]], minlength=documents)[:documents]
            freq = seen[phrase] = freq.astype(np.float64)
        score = score + idf * ((freq * (k1 + 1.0)) / (freq + norm))
    return -1.0 * score


class TextMatch(NamedTuple):
    rowid: int
    content_id: str
    extractor: str
    rank: float  # bm25: lower is better


class TextIndex(Table):
    def match(
        self, query: str, pool: int, limit: int, excluded: Collection[str] = ()
    ) -> list[TextMatch]:
        """The best ``limit`` of the first ``pool`` documents matching an FTS5 ``query``
        by bm25, best first, leaving out documents the ``excluded`` extractors wrote.

        FTS5's own bm25() counts the documents of every phrase of the query from its whole
        doclist on every statement, to get its idf: 30-40 ms at 10^6 documents for a common
        word, where the matches alone take 1.5-16 ms. So a query of plain words and
        prefixes (``plain_phrases``) is scored here instead (``_scored``), from the pool's
        bodies and each term's documents as ``text_terms`` keeps them, wherever its
        phrases' doclists are long enough that counting them costs more than reading the
        pool (``COUNTED_PER_BODY``); any other query (a phrase of several words, CJK) is
        scored by FTS5.
        """
        db = self._reader(None)
        phrases = plain_phrases(query)
        if phrases is not None:
            began = not db.in_transaction
            if began:  # the matches, the statistics and the term counts of one state
                db.execute("BEGIN")
            try:
                found = self._scored(db, query, phrases, pool, limit, excluded)
            finally:
                if began:
                    db.execute("COMMIT")
            if found is not None:
                return found
        return self._fts5_scored(db, query, pool, limit, excluded)

    def _scored(
        self,
        db: sqlite3.Connection,
        query: str,
        phrases: list[tuple[str, bool]],
        pool: int,
        limit: int,
        excluded: Collection[str],
    ) -> list[TextMatch] | None:
        """:meth:`match` with bm25 computed here (None where the index has no statistics).

        The pool is FTS5's, the first ``pool`` matches in rowid order. Their bodies are
        read in one query and scored with bm25's formula (fts5_aux.c: k1 1.2, b 0.75, the
        index's mean document length from its averages record): each document's length
        and each phrase's frequency in it are its words as the tokenizer reads them (exact
        for ASCII bodies, ``_ascii`` for others). A term's idf comes from its documents in
        ``text_terms``, so an idf and score are FTS5's own; a prefix's documents are
        estimated from its terms' (``prefix_documents``).
        """
        cur = db.cursor()
        cur.row_factory = None
        averages = cur.execute(
            "SELECT block FROM text_index_data WHERE id = ?", (_AVERAGES,)
        ).fetchone()
        sizes = _varints(averages[0]) if averages is not None and averages[0] else []
        rows = sizes[0] if sizes else 0
        if rows <= 0:
            return None
        avgdl = float(sum(sizes[1:])) / float(rows)
        docs = self._documents(cur, phrases, rows)
        counted = sum(docs)  # what FTS5's bm25() would count: each phrase's doclist
        if counted < COUNTED_PER_BODY * min(float(pool), _matches(query, docs, rows)):
            return None  # short doclists: FTS5 counts them sooner than the pool is read
        if excluded:
            sql = (
                "SELECT rowid FROM text_index WHERE text_index MATCH ? "
                f"AND extractor NOT IN ({marks(excluded)}) LIMIT ?"
            )
            rowids = [r[0] for r in cur.execute(sql, (query, *excluded, pool))]
        else:
            sql = "SELECT rowid FROM text_index WHERE text_index MATCH ? LIMIT ?"
            rowids = [r[0] for r in cur.execute(sql, (query, pool))]
        if not rowids:
            return []
        # FTS5's content table (columns c0, c1, c2: content_id, extractor, body): 2,000
        # rowids at 10^6 documents in 6-8 ms, twice that through the index's own
        read = f"SELECT id, c2 FROM text_index_content WHERE id IN ({marks(rowids)})"
        by_rowid = dict(cur.execute(read, rowids).fetchall())
        rowids = [r for r in rowids if r in by_rowid]
        bodies = [b if isinstance(b := by_rowid[r], str) else "" for r in rowids]
        joined = "\x00".join(bodies)
        if not joined.isascii() or "\x01" in joined or joined.count("\x00") != len(rowids) - 1:
            joined = "\x00".join(
                b.replace("\x00", " ").replace("\x01", " ") if b.isascii() else _ascii(b)
                for b in bodies
            )
        idfs = [_idf(rows, n) for n in docs]
        score = _bm25(joined.lower().encode("ascii"), len(rowids), phrases, idfs, avgdl)
        best = np.lexsort((np.array(rowids, np.int64), score))[:limit].tolist()
        top = [rowids[i] for i in best]
        read = f"SELECT id, c0, c1 FROM text_index_content WHERE id IN ({marks(top)})"
        columns = {r[0]: (r[1], r[2]) for r in cur.execute(read, top)}
        return [TextMatch(rowids[i], *columns[rowids[i]], float(score[i])) for i in best]

    def _documents(
        self, cur: sqlite3.Cursor, phrases: list[tuple[str, bool]], rows: int
    ) -> list[float]:
        """Each phrase's documents, from ``text_terms`` (a prefix: estimated from its
        terms'), from which bm25 takes its idf."""
        plain = sorted({term for term, prefix in phrases if not prefix})
        docs: dict[tuple[str, bool], float] = {(t, False): 0.0 for t in plain}
        if plain:
            sql = f"SELECT term, docs FROM text_terms WHERE term IN ({marks(plain)})"
            for term, n in cur.execute(sql, plain):
                docs[(term, False)] = float(n)
        for term, prefix in phrases:
            if prefix and (term, True) not in docs:
                counts = [
                    int(r[0])
                    for r in cur.execute(
                        "SELECT docs FROM text_terms WHERE term >= ? AND term < ? AND docs > 0 "
                        "LIMIT ?",
                        (term, term + END, PREFIX_TERMS + 1),
                    )
                ]
                if len(counts) > PREFIX_TERMS:  # past that many terms: their sum, at most all
                    sql = "SELECT sum(docs) FROM text_terms WHERE term >= ? AND term < ?"
                    total = cur.execute(sql, (term, term + END)).fetchone()[0] or 0
                    docs[(term, True)] = float(min(rows, total))
                else:
                    docs[(term, True)] = prefix_documents(rows, counts)
        return [docs[p] for p in phrases]

    def _fts5_scored(
        self,
        db: sqlite3.Connection,
        query: str,
        pool: int,
        limit: int,
        excluded: Collection[str],
    ) -> list[TextMatch]:
        """:meth:`match` scored by FTS5's bm25().

        The pool is scored on rowids alone and only the best ``limit`` documents' columns
        are read: the unindexed columns live in FTS5's content table beside the body, so
        reading them for every scored match cost a third of the query (10^5 documents,
        2,000 matches: 23 ms with them, 14 ms without). With extractors excluded (a
        disabled plugin) the filter must read each match's extractor before the pool is
        cut, as it always did.
        """
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
