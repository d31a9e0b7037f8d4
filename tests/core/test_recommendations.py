"""Recommendations: cold start, learning, exclusions, variety, reasons, sections, CLI.

The library (tones, voices, beats, a film, described by the ``sketch`` extractor) is
built by helpers in ``test_history``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import numpy as np
import pytest
from test_history import T0, copy_library, fid, index_media, play

from medialens.cli import main
from medialens.core.reasons import Reason, render
from medialens.core.recommendations import (
    DUPLICATE_COSINE,
    EXPLORE,
    REJECTED_COSINE,
    TOUR,
)

LATER = T0 + 2 * 3600  # past the "just played" hour
LOWS = {f"low{i}.ogg" for i in range(4)}
HIGHS = {f"high{i}.ogg" for i in range(4)}


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    return index_media(tmp_path_factory.mktemp("recommendations"))


@pytest.fixture
def library(indexed, tmp_path):
    lib = copy_library(indexed, tmp_path)
    yield lib
    lib.close()


def names(items) -> list[str]:
    return [os.path.basename(i["path"]) for i in items]


def scores(lib, now=LATER) -> dict[str, float]:
    return {
        os.path.basename(i["path"]): i["score"] for i in lib.recommender.recommend(100, now=now)
    }


def test_a_new_listener_gets_a_tour_of_the_library(library):
    recs = library.recommender.recommend(6, now=T0)
    assert len(recs) == 6 and len(set(names(recs))) == 6
    assert all(r["reasons"] == [TOUR] and r["section"] == "for_you" for r in recs)
    groups = {re.sub(r"\d*\.\w+$", "", n) for n in names(recs)}
    assert len(groups) >= 4  # of low, high, mid, voice, beats, film: not six of one kind
    assert len(set(names(recs)) & LOWS) <= 1


def test_completion_raises_and_an_early_skip_lowers_the_neighbours(library):
    play(library, "mid0.ogg", "complete", T0)  # something to learn from at all
    before = scores(library)
    play(library, "low0.ogg", "complete", T0 + 60)
    raised = scores(library)
    for name in ("low1.ogg", "low2.ogg", "low3.ogg"):
        assert raised[name] > before[name]
    play(library, "high0.ogg", "skip", T0 + 120, 0.2)
    lowered = scores(library)
    for name in ("high1.ogg", "high2.ogg", "high3.ogg"):
        assert lowered[name] < raised[name]
    assert min(lowered[n] for n in LOWS) > max(lowered[n] for n in HIGHS)


def test_disliked_uninteresting_and_just_played_files_are_left_out(library):
    play(library, "low0.ogg", "complete", T0)
    library.events.record(library.media / "low1.ogg", "dislike", at=T0 + 10)
    library.events.record(library.media / "mid0.ogg", "not_interested", at=T0 + 20)
    play(library, "high0.ogg", "stop", T0 + 30, 1.0)
    everything = library.recommender.sections(100, now=T0 + 600)
    shown = set(names(everything["for_you"])) | set(names(everything["new_for_you"]))
    for b in everything["because_you_played"]:
        shown |= set(names(b["items"]))
    assert not shown & {"low0.ogg", "low1.ogg", "mid0.ogg", "high0.ogg"}
    later = names(library.recommender.recommend(100, now=T0 + 2 * 3600))
    assert {"low0.ogg", "high0.ogg"} <= set(later)  # an hour later they may come back
    assert not {"low1.ogg", "mid0.ogg"} & set(later)
    library.events.record(library.media / "low1.ogg", "like", at=T0 + 3 * 3600)
    assert "low1.ogg" in names(
        library.recommender.recommend(100, now=T0 + 5 * 3600)
    )  # changed mind


def test_unavailable_files_are_left_out(library):
    play(library, "low0.ogg", "complete", T0)
    (library.media / "low2.ogg").rename(library.media.parent / "low2.ogg")
    try:
        library.scan()
        got = names(library.recommender.recommend(100, now=LATER))
        assert "low2.ogg" not in got and "low3.ogg" in got
    finally:
        (library.media.parent / "low2.ogg").rename(library.media / "low2.ogg")


def test_near_duplicates_never_fill_the_list(library):
    items = library.index.item_vectors()
    low = [
        items.vectors[items.row[library.file(library.media / n).content_id]] for n in sorted(LOWS)
    ]
    assert float(np.min(np.stack(low) @ np.stack(low).T)) >= DUPLICATE_COSINE  # the premise
    play(library, "low0.ogg", "complete", T0)
    library.events.record(library.media / "low0.ogg", "like", at=T0 + 5)
    recs = library.recommender.recommend(5, now=LATER)
    assert len(recs) == 5
    assert len(set(names(recs)) & LOWS) == 1  # the best of them, then other things


def test_every_item_says_why_naming_a_played_title(library):
    play(library, "low0.ogg", "complete", T0)
    play(library, "low1.ogg", "complete", T0 + 30)
    play(library, "high0.ogg", "skip", T0 + 60, 0.2)
    recs = library.recommender.recommend(8, now=LATER)
    assert all(r["reasons"] and all(isinstance(x, Reason) for x in r["reasons"]) for r in recs)
    assert all(render(r["reasons"]) for r in recs)
    [low] = [r for r in recs if names([r])[0] in LOWS]
    because = [x for x in low["reasons"] if x.key == "because_played"]
    assert [x.get("title") for x in because] in (["Low 0"], ["Low 1"])
    assert because[0].get("title") != low["title"]  # another file: the most similar
    [tags] = [x for x in low["reasons"] if x.key == "liked_tags"]
    assert {t.tag for t in tags.get("tags")} == {"low", "calm"}  # the tags liked
    assert {t.source for t in tags.get("tags")} == {"sketch"}
    assert render(tags) in ("You often like: low, calm", "You often like: calm, low")


def test_a_liked_file_is_named_as_liked_not_played(library):
    """Only liked, never played: "Because you liked", never "Because you played"."""
    library.events.record(library.media / "low0.ogg", "like", at=T0)
    recs = library.recommender.recommend(100, now=LATER)
    keys = {x.key for r in recs for x in r["reasons"]}
    assert "because_liked" in keys and "because_played" not in keys
    lows = [r for r in recs if names([r])[0] in LOWS - {"low0.ogg"}]
    assert lows and all(Reason.of("because_liked", title="Low 0") in r["reasons"] for r in lows)
    assert render(Reason.of("because_liked", title="Low 0")) == "Because you liked Low 0"
    [because] = library.recommender.sections(4, now=LATER)["because_you_played"]
    assert because["reason"] == Reason.of("because_liked", title="Low 0")
    assert all(Reason.of("because_liked", title="Low 0") in i["reasons"] for i in because["items"])
    [shelf] = [s for s in library.recommender.shelves(4, now=LATER) if s.key == "because"]
    assert shelf.reason == because["reason"] and shelf.title == "Because you liked {0}"
    play(library, "low1.ogg", "complete", T0 + 10)  # played, not liked: says so
    [played] = [
        b
        for b in library.recommender.sections(4, now=LATER)["because_you_played"]
        if b["seed"] == "Low 1"
    ]
    assert played["reason"] == Reason.of("because_played", title="Low 1")


def test_something_different_is_not_the_thing_just_rejected(library):
    """An explore slot never offers a near-copy of a file the person was not interested in."""
    items = library.index.item_vectors()
    low = [items.row[library.file(library.media / n).content_id] for n in sorted(LOWS)]
    assert float(np.min(items.vectors[low] @ items.vectors[low].T)) >= REJECTED_COSINE  # premise
    play(library, "high0.ogg", "complete", T0)
    library.events.record(library.media / "low0.ogg", "not_interested", at=T0 + 10)
    for n in (6, 8, 10):
        recs = library.recommender.recommend(n, now=LATER)
        tries = [r for r in recs if r["reasons"] == [EXPLORE]]
        assert tries and not set(names(tries)) & LOWS, names(tries)


def test_continue_watching_lists_an_unfinished_video(library):
    film = fid(library, "film.mp4")
    library.events.record(film, "start", 0.0, at=T0)
    library.events.record(film, "stop", 8.0, at=T0 + 8)
    library.events.record(library.media / "beats0.ogg", "stop", 2.0, at=T0 + 10)  # audio
    cont = library.recommender.sections(10, now=T0 + 60)["continue_watching"]
    assert names(cont) == ["film.mp4"]
    assert cont[0]["position"] == 8.0 and [r.key for r in cont[0]["reasons"]] == ["resume"]
    assert render(cont[0]["reasons"]) == "Resume at 0:08 of 0:20"
    library.events.record(film, "start", 8.0, at=T0 + 100)
    library.events.record(film, "complete", at=T0 + 112)
    assert library.recommender.sections(10, now=T0 + 200)["continue_watching"] == []


def test_sections_new_and_because(library):
    play(library, "low0.ogg", "complete", T0)
    s = library.recommender.sections(4, now=LATER)
    assert set(s) == {"for_you", "continue_watching", "new_for_you", "because_you_played"}
    today = Reason.of("added_today")
    assert s["new_for_you"] and all(r["reasons"][0] == today for r in s["new_for_you"])
    assert not set(names(s["new_for_you"])) & set(names(s["for_you"]))
    [because] = s["because_you_played"]
    assert because["seed"] == "Low 0" and len(because["items"]) == 4
    assert because["reason"] == Reason.of("because_played", title="Low 0")
    assert names(because["items"])[0] in LOWS  # the nearest first
    assert (
        library.recommender.sections(4, now=time.time() + 15 * 86400)["new_for_you"] == []
    )  # 2 weeks on
    kinds = [s.key for s in library.recommender.shelves(4, now=LATER)]
    assert kinds[0] == "for_you" and "because" in kinds
    like = library.recommender.more_like_this(fid(library, "high0.ogg"), 3, now=LATER)
    assert like and all(c.why[0] == Reason.of("like", title="High 0") for c in like)


def test_recommendations_are_deterministic(library):
    play(library, "low0.ogg", "complete", T0)
    play(library, "voice0.wav", "skip", T0 + 60, 0.2)
    first = library.recommender.sections(6, now=LATER)
    assert library.recommender.sections(6, now=LATER) == first
    library.close()
    reopened = type(library)(library.dirs, entry_points=False, builtins=False)
    try:
        assert reopened.recommender.sections(6, now=LATER) == first
    finally:
        reopened.close()


def test_forget_falls_back_to_the_tour(library):
    play(library, "low0.ogg", "complete", T0)
    assert library.recommender.recommend(5, now=LATER)[0]["reasons"] != [TOUR]
    library.events.forget()
    assert all(r["reasons"] == [TOUR] for r in library.recommender.recommend(5, now=LATER))


# -- the command line --------------------------------------------------------------------


def cli(capsys, library, *args):
    code = main(["--data-dir", str(library.dirs.data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_event_recommend_and_history(library, capsys, tmp_path):
    library.close()  # the commands open the library themselves
    low = str(library.media / "low0.ogg")
    assert cli(capsys, library, "event", low, "start") == (0, f"recorded start for {low}\n", "")
    assert cli(capsys, library, "event", low, "complete")[0] == 0
    assert cli(capsys, library, "event", low, "stop", "--at", "1.5")[0] == 0
    code, out, _ = cli(capsys, library, "recommend", "-n", "4", "--json")
    recs = json.loads(out)
    assert code == 0 and len(recs) == 4
    assert all(set(r) == {"path", "score", "why", "reasons"} for r in recs)
    assert all(r["why"] and r["why"].count("; ") == len(r["reasons"]) - 1 for r in recs)
    assert all(set(x) == {"key", "args"} for r in recs for x in r["reasons"])
    code, out, _ = cli(capsys, library, "recommend", "-n", "3", "--sections", "--json")
    s = json.loads(out)
    assert set(s) == {"for_you", "continue_watching", "new_for_you", "because_you_played"}
    assert s["because_you_played"][0]["seed"] == "Low 0"
    assert s["because_you_played"][0]["reason"] == {
        "key": "because_played",
        "args": {"title": "Low 0"},
    }
    assert s["because_you_played"][0]["why"] == "Because you played Low 0"

    target = tmp_path / "h.json"
    code, out, _ = cli(capsys, library, "history", "export", str(target))
    assert code == 0 and out.startswith("exported 3 events and the interest model")
    assert len(json.loads(target.read_text())["events"]) == 3

    assert cli(capsys, library, "history", "pause")[1] == "history paused: nothing is recorded\n"
    code, out, _ = cli(capsys, library, "event", low, "like")
    assert code == 0 and out.startswith("history is paused: nothing recorded")
    assert cli(capsys, library, "history", "resume")[1] == "history resumed\n"

    code, out, _ = cli(capsys, library, "history", "forget")
    assert (code, out) == (0, "forgot 3 events and the interest model\n")
    code, out, _ = cli(capsys, library, "recommend", "-n", "2")
    assert code == 0 and out.count(render(TOUR)) == 2


def test_cli_errors(library, capsys):
    library.close()
    code, _, err = cli(capsys, library, "event", str(library.media / "nope.ogg"), "start")
    assert code == 1 and "nope.ogg is not in the library" in err
    proc = subprocess.run(
        [sys.executable, "-m", "medialens.cli", "--data-dir", str(library.dirs.data), "event",
         str(library.media / "low0.ogg"), "watched"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith("medialens: unknown event kind 'watched': use one of start,")
