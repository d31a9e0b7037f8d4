"""A refresh after a play reuses what the last ranking kept (the running density sums, the
seed cosines, the MMR picks, the per-row columns) and must still give what a ranking from
nothing gives: after every step of a history (plays of each kind, a skip, a like, a
dislike, a file deleted), the sections of the long-lived recommender equal those of a
fresh recommender and taste model on the same library, card for card, scores within
float tolerance.

The library is a small clustered synthetic one (``benchmarks/synthetic_library.py``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from libgen import synthetic_library

from medialens.core.library import Library
from medialens.core.recommendations import (
    BECAUSE_MIN_COSINE,
    Recommender,
    _reasons,
    _seed_pass,
    _seed_reason,
)
from medialens.core.taste import TasteModel
from medialens.paths import data_dirs

T0 = 1_790_000_000.0


@pytest.fixture
def library(tmp_path):
    lib = Library(data_dirs(tmp_path / "data"), entry_points=False, builtins=False)
    synthetic_library().build(lib, np.random.default_rng(5), tmp_path / "media", n=3000)
    yield lib
    lib.close()


def by_category(lib) -> dict[str, list[int]]:
    db = sqlite3.connect(lib.dirs.database)
    try:
        rows = db.execute("SELECT category, id FROM files ORDER BY id").fetchall()
    finally:
        db.close()
    out: dict[str, list[int]] = {}
    for category, fid in rows:
        out.setdefault(category, []).append(fid)
    return out


def fresh(lib) -> Recommender:
    """A recommender and taste model that know nothing yet (the model state is read back
    from the store and the events after it replayed, the densities summed in full)."""
    taste = TasteModel(lib.store, lib.events, lambda: lib.index.item_vectors())
    return Recommender(lib.store, lambda: lib.index, lib.events, taste, lib.vector_search)


def flat(sections: dict) -> dict[str, list[tuple]]:
    out = {}
    for key in ("for_you", "continue_watching", "new_for_you"):
        out[key] = [(i["file_id"], tuple(i["reasons"]), i["score"]) for i in sections[key]]
    for k, shelf in enumerate(sections["because_you_played"]):
        out[f"because {k} {shelf['seed_file_id']}"] = [
            (i["file_id"], tuple(i["reasons"]), i["score"]) for i in shelf["items"]
        ]
    return out


def assert_same(got: dict, want: dict) -> None:
    assert list(got) == list(want)
    for key in want:
        assert [c[:2] for c in got[key]] == [c[:2] for c in want[key]], key
        np.testing.assert_allclose(
            [c[2] for c in got[key]], [c[2] for c in want[key]], rtol=1e-5, atol=1e-5
        )


def test_a_refresh_after_plays_skips_and_a_deletion_ranks_like_one_from_scratch(library):
    lib = library
    files = by_category(lib)
    assert set(files) == {"music", "speech", "video"}
    for k in range(12):  # a history to start from, then the first full ranking
        lib.events.record(files["music" if k % 2 else "video"][k * 37], "complete", at=T0 + k)
    lib.events.record(files["speech"][3], "like", at=T0 + 20)
    now = T0 + 4000.0
    lib.recommender.sections(20, now=now)
    steps = [
        ("complete", files["music"][101]),
        ("complete", files["video"][202]),
        ("skip", files["music"][55]),
        ("complete", files["speech"][7]),
        ("like", files["video"][17]),
        ("dislike", files["music"][102]),
        ("complete", files["video"][203]),
    ]
    for kind, fid in steps:
        now += 90.0
        position = 2.0 if kind == "skip" else None
        lib.events.record(fid, kind, position, at=now)
        got = flat(lib.recommender.sections(20, now=now + 1))
        if kind in ("complete", "like"):  # the new seed's shelf comes first
            assert f"because 0 {fid}" in got
        assert_same(got, flat(fresh(lib).sections(20, now=now + 1)))
    # a file of a shelf goes away: another generation of the index, then one more play
    shown = flat(lib.recommender.sections(20, now=now + 1))["for_you"][0][0]
    path = lib.store.files.get(shown).path
    Path(path.decode() if isinstance(path, bytes) else path).unlink()
    lib.scan()
    assert shown not in lib.index.file_ids
    now += 90.0
    lib.events.record(files["music"][303], "complete", at=now)
    got = flat(lib.recommender.sections(20, now=now + 1))
    assert all(shown != c[0] for cards in got.values() for c in cards)
    assert_same(got, flat(fresh(lib).sections(20, now=now + 1)))


def test_a_seed_pass_gives_the_products_of_the_whole_matrix(library):
    lib = library
    files = by_category(lib)
    for k, category in enumerate(("music", "video", "speech")):
        lib.events.record(files[category][k], "complete", at=T0 + k)
    rec = lib.recommender
    state = rec._state(T0 + 10)
    items = state.items
    seeds = [r for r in state.liked_rows().tolist() if r >= 0]
    assert len(seeds) == 3
    got = _seed_pass(state, seeds)
    matrix = np.asarray(items.vectors)
    for at in seeds:
        np.testing.assert_allclose(got[at], matrix @ matrix[at], rtol=1e-5, atol=1e-6)


def test_a_card_is_said_to_be_like_the_liked_file_nearest_it_never_itself(library):
    lib = library
    files = by_category(lib)
    for k in range(9):
        lib.events.record(files["music" if k % 2 else "video"][k * 41], "complete", at=T0 + k)
    lib.events.record(files["speech"][5], "like", at=T0 + 20)
    state = lib.recommender._state(T0 + 4000.0)
    items = state.items
    matrix = np.asarray(items.vectors)
    liked_rows = state.liked_rows()
    assert len(state.liked) >= 8 and (liked_rows >= 0).all()
    rows = set(np.random.default_rng(1).choice(len(items), 200, replace=False).tolist())
    rows |= set(liked_rows.tolist())  # the liked files themselves: never like themselves
    said = 0
    for row in sorted(rows):
        cid = items.content_id(row)
        others = [i for i, c in enumerate(state.liked) if c != cid]
        sims = matrix[liked_rows[others]] @ matrix[row]
        best = int(np.argmax(sims))  # ties: the most recent liked file
        want = None
        if sims[best] >= BECAUSE_MIN_COSINE:
            want = _seed_reason(state, state.liked[others[best]])
        got = [r for r in _reasons(state, row) if r.key in ("because_played", "because_liked")]
        assert got == ([] if want is None else [want]), row
        said += want is not None
    assert said > 20  # most cards are like something the person played
