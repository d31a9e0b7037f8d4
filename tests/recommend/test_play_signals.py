"""Play events → signal: the cases the interest model relies on."""

from medialens.recommend import play_signal, rating_signal
from medialens.recommend.signals import is_early_skip, watched_seconds

T = 1_700_000_000.0


def session(duration, stop_at, end_kind="stop"):
    return [("start", 0.0, duration, T), (end_kind, stop_at, duration, T + stop_at)]


def test_early_skip_is_negative():
    assert play_signal(session(200, 10)) == -0.5  # a song dropped after 10 s
    assert play_signal(session(7200, 300)) == -0.5  # a film dropped after 5 min


def test_completion_is_positive():
    assert 0.8 <= play_signal(session(200, 200, "complete")) <= 1.0
    assert 0.8 <= play_signal(session(200, 190)) <= 1.0  # 95 %, stopped during the credits


def test_twenty_minutes_of_a_two_hour_film_is_a_real_positive():
    assert play_signal(session(7200, 1200)) >= 0.2


def test_half_a_song_is_mildly_positive_and_a_fifth_is_not():
    assert 0.0 < play_signal(session(200, 100)) < 0.5
    assert play_signal(session(200, 40)) < 0.05


def test_explicit_feedback_wins_and_the_last_word_counts():
    assert play_signal(session(200, 5) + [("like", 5, 200, T + 6)]) == 1.0
    assert play_signal(session(200, 200, "complete") + [("dislike", 200, 200, T + 201)]) == -1.0
    assert play_signal([("not_interested", 0, 0, T)]) == -1.0
    assert play_signal([("dislike", 0, 0, T), ("like", 0, 0, T + 1)]) == 1.0


def test_replays_add_a_bonus():
    once = play_signal(session(200, 200, "complete"))
    twice = play_signal(
        session(200, 200, "complete")
        + [("replay", 0, 200, T + 201), ("complete", 200, 200, T + 401)]
    )
    assert twice > once and twice <= 1.0


def test_seeking_forward_is_not_watching():
    events = [("start", 0, 3600, T), ("seek", 3000, 3600, T + 5), ("stop", 3010, 3600, T + 15)]
    assert watched_seconds(events) < 30
    assert play_signal(events) == -0.5


def test_a_short_clip_watched_whole_is_not_a_skip():
    assert not is_early_skip(20, 20)
    assert play_signal(session(20, 20)) >= 0.8


def test_empty_session_is_neutral_and_ratings_map_as_documented():
    assert play_signal([]) == 0.0
    assert [rating_signal(r) for r in (1, 2, 3, 4, 5)] == [-0.4, -0.1, 0.3, 0.7, 1.0]


def test_seeking_to_the_end_is_not_finishing():
    dragged = [("start", 0, 200, T), ("seek", 195, 200, T + 4), ("complete", 200, 200, T + 9)]
    assert play_signal(dragged) == -0.5  # 13 s heard: a skip, whatever the player says
    late = [("start", 0, 200, T), ("seek", 190, 200, T + 120), ("complete", 200, 200, T + 130)]
    assert 0.0 < play_signal(late) < 0.8  # most of it heard, then skipped the last minute
    intro = [("start", 0, 200, T), ("seek", 10, 200, T + 1), ("complete", 200, 200, T + 191)]
    assert play_signal(intro) == 0.8  # skipping an intro still finishes the song
    resumed = [("start", 150, 200, T), ("seek", 155, 200, T + 1), ("complete", 200, 200, T + 46)]
    assert play_signal(resumed) == 0.8  # resumed late: the rest is what had to be heard
