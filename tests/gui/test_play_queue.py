"""The play queue on its own: order, play-this, reorder, remove, clear, shuffle, repeat."""

from __future__ import annotations

from medialens.gui.play_queue import PlayQueue


def make(items=(1, 2, 3, 4, 5), current=1) -> tuple[PlayQueue, list[int]]:
    q = PlayQueue(seed=7)
    changes: list[int] = []
    q.changed.connect(lambda: changes.append(q.current()))
    q.set(list(items), current)
    return q, changes


def test_next_previous_and_the_ends(qapp):
    q, changes = make(current=4)
    assert q.current() == 4 and q.upcoming() == [5] and q.remaining() == 1
    assert q.step(1) == 5 and q.step(1) is None and q.current() == 5
    assert q.step(-1) == 4
    q.set_repeat("all")
    q.select(4)
    assert q.step(1) == 1  # around again
    assert changes[-1] == 1


def test_play_this_reorder_remove_and_clear(qapp):
    q, _ = make(current=2)
    assert q.select(3) == 4
    q.move(0, 4)  # 1 goes last; the current item stays current
    assert q.items == [2, 3, 4, 5, 1] and q.current() == 4
    q.reorder([5, 4, 3, 2, 1])
    assert q.current() == 4 and q.upcoming() == [3, 2, 1]
    q.remove(q.index)  # removing what plays: the next one is current
    assert q.current() == 3 and q.items == [5, 3, 2, 1]
    q.remove(0)
    assert q.current() == 3 and q.items == [3, 2, 1]
    q.play_next([1])
    assert q.items == [3, 1, 2]
    assert q.append([2, 9]) == [9] and q.items == [3, 1, 2, 9]
    q.clear_upcoming()
    assert q.items == [3] and q.current() == 3 and q.remaining() == 0
    q.clear()
    assert q.current() is None and len(q) == 0


def test_shuffle_reorders_only_what_comes_next_and_comes_back(qapp):
    q, _ = make(items=range(1, 21), current=5)
    q.set_shuffle(True)
    assert q.items[:5] == [1, 2, 3, 4, 5] and q.current() == 5
    assert sorted(q.upcoming()) == list(range(6, 21)) and q.upcoming() != list(range(6, 21))
    q.step(1)
    q.set_shuffle(False)
    played = q.items[: q.index + 1]
    assert q.items[q.index + 1 :] == [i for i in range(6, 21) if i not in played]
