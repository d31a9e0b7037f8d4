"""The keyword list's bm25, computed by ``TextIndex.match`` from the pool's bodies and the
term counts of ``text_terms``, against FTS5's own bm25() on the same database.

For the held-out queries of ``bench_ann.py`` (held, more, typed), a set of its own and
random words and prefixes of the library's terms, each asked for every word and for any
word: the overlap of the top 20 with FTS5's ranking, whether the top 20 are the same in
order, and both times (interleaved, who goes first alternating; the first of each is a
first sighting). ``--force`` scores every plain query here, whatever the cost rule says.

    python benchmarks/bench_keyword_quality.py LIBRARY.sqlite3 [--force]

Open a copy of a library migrated to this code's schema, never a shared one.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from medialens.core.search import fts_query
from medialens.store import Store
from medialens.store import text_index as _ti
from medialens.store.text_index import PREFIXES

if "--force" in sys.argv:
    _ti.COUNTED_PER_BODY = 0
store = Store(sys.argv[1], daily_backup=False)
text = store.text_index
db = store.read_conn()
held = [
    "w17",
    "w250 w31",
    "sun",
    "gui",
    "pia",
    "w4321",
    "w99 w100 w101",
    "rainy city streets",
    "zzzz nothing",
    "forest",
    "ocean drums",
    "w1 w2",
    "w12",
    "calm violin loud",
    "w3",
    "night",
]
more = [
    "stree",
    "nigh rai",
    "w10",
    "w12 w13",
    "w100",
    "w2 w3 w4 w5",
    "piano guitar violin drums",
    "sunset w1",
    "xyzq",
    "w123 night",
    "bicy",
    "w7 w8 w9",
    "w1234",
    "oce drum",
    "w15 w16 w17 w18",
]
typed = [t[:i] for t in ("ocean waves at dawn", "w21 loud city") for i in range(3, len(t) + 1)]
typed = [q for q in typed if q.strip() and q[-1] != " "]
mine = [
    "moon",
    "w5 w6",
    "w77",
    "riv",
    "quiet piano",
    "w2000 w3",
    "dog",
    "w8 w9 w10 w11",
    "lou",
    "sunset street",
    "bicycle rain night",
    "guit",
    "w289",
    "w2278 piano",
    "speech calm",
    "violi",
    "drum",
    "w44 w38",
    "forest ocean city",
    "w1086 w144",
    "stre bicy",
    "nig",
    "w3599",
    "cal lou",
    "w9",
    "w500 w600",
    "pian w22",
    "sunsets",
    "w7777",
    "oc",
    "city at night",
    "w2719 rain",
]
rng = np.random.default_rng(3)
words = [r[0] for r in db.execute("select term from text_terms where docs > 0")]
rand = [" ".join(rng.choice(words, int(rng.integers(1, 4)))) for _ in range(40)]
rand += [w[: int(rng.integers(3, max(4, len(w))))] for w in rng.choice(words, 20)]
sets = (("held", held), ("more", more), ("typed", typed), ("mine", mine), ("random", rand))
out = {}
for kind, queries in sets:
    for q in queries:
        for any_word in (False, True):
            m = fts_query(q, any_word, expand=text.terms_with_prefix, indexed=PREFIXES)
            if m is None or (m, any_word) in out:
                continue
            tn, tf = [], []
            first = len(out) % 2
            for _rep in range(2):  # interleaved, who goes first alternating
                for who in (0, 1) if first else (1, 0):
                    c = time.perf_counter()
                    if who == 0:
                        ours = text.match(m, 2000, 60)
                        tn.append(time.perf_counter() - c)
                    else:
                        theirs = text._fts5_scored(db, m, 2000, 60, ())
                        tf.append(time.perf_counter() - c)
            top = [x.rowid for x in theirs[:20]]
            ov = len(set(top) & {x.rowid for x in ours[:20]}) / len(top) if top else None
            exact = [x.rowid for x in ours[:20]] == top
            out[(m, any_word)] = (
                kind,
                q,
                ov,
                exact,
                tn[0] * 1e3,
                tf[0] * 1e3,
                min(tn) * 1e3,
                min(tf) * 1e3,
            )
rows = list(out.values())
for r in rows:
    print(
        f"{r[0]:6} {r[1]!r:24} ov {r[2] if r[2] is None else round(r[2], 2)!s:5} same {r[3]!s:5} new {r[4]:6.1f} fts5 {r[5]:6.1f} | again {r[6]:6.1f} {r[7]:6.1f}"
    )
for kind in [k for k, _ in sets] + ["all"]:
    rs = [r for r in rows if kind in (r[0], "all")]
    ovs = [r[2] for r in rs if r[2] is not None]
    print(
        f"{kind:6} n {len(rs)} top20 overlap mean {np.mean(ovs):.4f} min {min(ovs):.2f} identical-top20 {sum(r[3] for r in rs)}/{len(rs)} "
        f"first: new median {np.median([r[4] for r in rs]):.1f} max {max(r[4] for r in rs):.1f} | fts5 median {np.median([r[5] for r in rs]):.1f} max {max(r[5] for r in rs):.1f}"
    )
store.close()
