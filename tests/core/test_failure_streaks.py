"""The failure streaks are shared by the pipeline's workers: no count may be lost, and
reaching the limit is reported once per streak."""

import sys
import threading

from medialens.core.failure_streaks import FailureStreaks


def _fail_at_once(streaks: FailureStreaks, workers: int, failures: int) -> list[int]:
    """Every worker fails ``failures`` times on the same extractor; the streaks reported."""
    reached: list[int] = []
    start = threading.Barrier(workers)

    def worker() -> None:
        start.wait()
        for _ in range(failures):
            streak = streaks.failed("x")
            if streak is not None:
                reached.append(streak)

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return reached


def test_workers_failing_at_once_lose_no_count():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, to provoke the race
    try:
        for _ in range(4):  # an unlocked counter loses counts in most rounds, not in all
            reached = _fail_at_once(FailureStreaks(limit=5), workers=8, failures=50_000)
            assert len(reached) == 8 * 50_000 // 5
            assert set(reached) == {5}
    finally:
        sys.setswitchinterval(old)


def test_a_success_ends_the_streak():
    streaks = FailureStreaks(limit=3)
    assert streaks.failed("x") is None
    assert streaks.failed("x") is None
    streaks.succeeded("x")
    assert [streaks.failed("x") for _ in range(3)] == [None, None, 3]
    assert streaks.failed("y") is None  # each extractor counts on its own
