"""Play similar: a radio from a seed, refilled from "more like this", steered by skips.

The library (tones, voices, beats, a film, described by the ``sketch`` extractor) is built
by helpers in ``test_history``.
"""

from __future__ import annotations

import os

import pytest
from test_history import T0, copy_library, fid, index_media

from medialens.core.radio import Radio, next_tracks

LOWS = {f"low{i}.ogg" for i in range(4)}
HIGHS = {f"high{i}.ogg" for i in range(4)}


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    return index_media(tmp_path_factory.mktemp("radio"))


@pytest.fixture
def library(indexed, tmp_path):
    lib = copy_library(indexed, tmp_path)
    yield lib
    lib.close()


def name(lib, file_id: int) -> str:
    return os.path.basename(lib.events.resolve_file(file_id).display_path)


def test_a_radio_plays_what_is_like_the_seed_and_never_repeats(library):
    radio = Radio(fid(library, "mid1.ogg"))
    first = [name(library, i) for i in next_tracks(library, radio, 1, now=T0)]
    assert first == ["mid2.ogg"]  # the nearest
    played = list(first)
    while batch := next_tracks(library, radio, 5, now=T0):
        played += [name(library, i) for i in batch]
    assert len(played) == len(set(played))  # never twice in a session
    assert "mid1.ogg" not in played  # nor the seed
    assert "film.mp4" not in played  # a song's radio plays audio
    assert set(played) >= LOWS | HIGHS  # and it keeps going until the library runs out


def test_an_early_skip_steers_the_next_picks_away(library):
    seed, beats0 = fid(library, "voice0.wav"), fid(library, "beats0.ogg")

    def rank_of_beats1(radio: Radio) -> int:
        picks = [name(library, i) for i in next_tracks(library, radio, 20, now=T0 + 10)]
        assert "beats0.ogg" not in picks
        return picks.index("beats1.ogg")

    plain = Radio(seed)
    plain.offer([beats0])
    assert rank_of_beats1(plain) <= 2  # beats1 is close to the seed...
    # the listener skipped beats0 after two seconds: the player records it, the radio notes it
    library.events.record(beats0, "start", 0.0, at=T0)
    library.events.record(beats0, "skip", 2.0, at=T0 + 2)
    steered = Radio(seed)
    steered.offer([beats0])
    steered.note_skip(beats0)
    assert rank_of_beats1(steered) > 8  # ...but it sounds like what was skipped


def test_a_skip_in_this_session_steers_before_the_history_knows(library):
    seed, beats0 = fid(library, "voice0.wav"), fid(library, "beats0.ogg")
    plain, steered = Radio(seed), Radio(seed)
    for radio in (plain, steered):
        radio.offer([beats0])
    steered.note_skip(beats0)  # history paused, say: nothing recorded, the session still knows
    picks = {
        r is steered: [name(library, i) for i in next_tracks(library, r, 20, now=T0)]
        for r in (plain, steered)
    }
    assert picks[True].index("beats1.ogg") > picks[False].index("beats1.ogg") + 4


def test_what_was_played_through_pulls_the_radio_its_way(library):
    seed, low0 = fid(library, "mid0.ogg"), fid(library, "low0.ogg")

    def first_low(radio: Radio) -> int:
        picks = [name(library, i) for i in next_tracks(library, radio, 12, now=T0 + 10)]
        return min(k for k, n in enumerate(picks) if n in LOWS)

    plain = Radio(seed)
    plain.offer([low0])
    assert first_low(plain) > 4  # the low tones are far from the seed
    library.events.record(low0, "complete", at=T0)
    steered = Radio(seed)
    steered.offer([low0])
    steered.note_finished(low0)
    assert first_low(steered) == 0
