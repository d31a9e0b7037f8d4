"""The desktop app end to end on real media: index live, search, play, rate, plugins, language.

One window lives for the module (indexing real media is the slow part); the
tests run in order on it, as a person would use the app.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from guitools import close_window, open_window, wait_until

pytestmark = pytest.mark.media


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory, media_subset):
    win = open_window(tmp_path_factory.mktemp("data"))
    yield win
    close_window(win)


def _idle(win) -> bool:
    p = win.status.progress
    return (
        win.services.library is not None
        and not win.status.scanning
        and p is not None
        and p.total > 0
        and p.done >= p.total
    )


def test_first_run_offers_folders_and_explains_privacy(window):
    assert wait_until(lambda: window.session.folders is not None, 10)
    assert window.stack.currentWidget() is window.welcome
    assert "Everything stays on this computer" in window.welcome.privacy.text()
    assert window.welcome.add_other.isVisible()
    # the first run starts on the welcome's button, not on a sidebar entry
    assert window.focusWidget() is window.welcome.primary()


def test_adding_a_folder_indexes_live_without_blocking_the_gui(window, media_subset, qapp):
    from PySide6.QtCore import QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    seen_counts = set()
    window.add_folders([str(media_subset)])
    ok = wait_until(
        lambda: (
            (seen_counts.add(window.library.model.rowCount()) or _idle(window))
            and window.library.model.rowCount() == 4
        ),
        150,
    )
    timer.stop()
    assert ok, f"indexing did not finish: {window.status.text()}"
    assert window.stack.currentWidget() is window.library
    assert "up to date" in window.status.text()
    assert max(seen_counts) == 4
    # the event loop never stalled while plugins loaded and real media was analysed
    worst = max(gaps[5:])  # the first ticks include the window's first layout
    assert worst < 0.1, f"the GUI thread stalled for {worst * 1000:.0f} ms"
    # thumbnails were made and the details pane lists what ran
    first = window.library.model.rows()[0]
    window.library.select_id(first.id)
    assert wait_until(lambda: window.library.details._info is not None, 10)
    names = {e.name for e in window.library.details._info.extractors}
    assert {"metadata", "thumbnails"} <= names


def test_search_shows_results_with_why(window, qtbot):
    window.search.setFocus()
    qtbot.keyClicks(window.search, "earth")
    assert wait_until(
        lambda: (
            window.stack.currentWidget() is window.results and window.results.model.rowCount() > 0
        ),
        30,
    )
    row = window.results.model.rows()[0]
    assert row.title == "earth"
    why = window.results.model.data(window.results.model.index(0, 0), 0x0100 + 2)
    assert why  # the reason it matched is shown on the card
    # results belong to no sidebar entry; clearing the search brings the page back
    before = window.page_before_search
    assert window.sidebar.currentItem() is None and not window.sidebar.selectedItems()
    window.search.clear()
    assert wait_until(lambda: window.stack.currentWidget() is not window.results, 5)
    assert window.sidebar.currentItem() is window.nav_items[before]


def test_playing_records_history_and_updates_for_you(window):
    earth = next(r for r in window.session.all_rows if r.title == "earth")
    window.go("foryou")
    assert wait_until(lambda: window.foryou.loaded, 20)
    window.session.play(earth.id)
    assert window.stack.currentWidget() is window.player
    assert wait_until(lambda: window.player.position() > 3.0, 20), "the video did not play"
    window.player.close_player()
    store = window.services.store
    assert wait_until(
        lambda: (
            {r[0] for r in store.query("SELECT kind FROM events WHERE file_id = ?", (earth.id,))}
            >= {"start", "stop"}
        ),
        10,
    )
    session = store.query("SELECT DISTINCT session FROM events WHERE file_id = ?", (earth.id,))
    assert len(session) == 1 and session[0][0]
    # back on For you, which now offers to continue the unfinished video
    assert window.stack.currentWidget() is window.foryou

    def continuing() -> bool:
        shelf = window.foryou.shelves.get("continue")
        return bool(
            shelf and shelf[1].isVisible() and any(c[0].id == earth.id for c in shelf[2].cards())
        )

    assert wait_until(continuing, 20)
    # and playback resumes where it stopped
    assert window.services.library.events.resume_position(earth.id) > 2.0


def test_like_and_dislike_from_a_card(window):
    rows = {Path(r.path).stem: r for r in window.session.all_rows}
    bikes, song = rows["bikes"], rows["funkyrobot"]
    window.session.give_feedback(bikes.id, "like")
    window.session.give_feedback(song.id, "dislike")
    assert wait_until(
        lambda: (
            window.session.feedback.get(bikes.content_id) == "like"
            and window.session.feedback.get(song.content_id) == "dislike"
        ),
        10,
    )
    kinds = dict(
        window.services.store.query(
            "SELECT file_id, kind FROM events WHERE kind IN ('like','dislike') ORDER BY id"
        )
    )
    assert kinds == {bikes.id: "like", song.id: "dislike"}

    def disliked_hidden() -> bool:
        shown = {
            c[0].id
            for _l, v, m in window.foryou.shelves.values()
            if v.isVisible()
            for c in m.cards()
        }
        return bool(shown) and song.id not in shown

    assert wait_until(disliked_hidden, 20)


def test_disable_a_plugin(window):
    window.go("plugins")
    page = window.plugins_page

    def items() -> dict:
        return {
            page.tree.topLevelItem(i).data(0, 0x0100): page.tree.topLevelItem(i)
            for i in range(page.tree.topLevelItemCount())
        }

    # the page refreshes off-thread: rows listed before indexing finished are replaced.
    # The thumbnails extractor declares no outputs: what it stored says what it makes
    assert wait_until(
        lambda: "thumbnails" in items() and "Thumbnails" in items()["thumbnails"].text(1), 10
    ), items().get("thumbnails") and items()["thumbnails"].text(1)
    items = items()
    assert items["thumbnails"].text(2) == "Active"
    for i in range(page.tree.topLevelItemCount()):
        item = page.tree.topLevelItem(i)
        if item.data(0, 0x0100) == "text":
            page.tree.setCurrentItem(item)
            break
    assert page.current_name() == "text"
    assert page.toggle.text() == "Disable"
    page.toggle.click()
    assert wait_until(lambda: window.services.library.host.records["text"].status == "disabled", 10)
    assert wait_until(lambda: page.current() and page.current()["status"] == "disabled", 10)
    row = window.services.store.query_one("SELECT disabled FROM plugins WHERE name = 'text'")
    assert row["disabled"] == 1
    page.toggle.click()  # and back on
    assert wait_until(lambda: window.services.library.host.records["text"].status == "active", 10)


def test_switch_language_to_chinese(window):
    window.go("settings")
    combo = window.settings_page.language
    before = window.nav_items["foryou"].text()
    combo.setCurrentIndex(combo.findData("zh_CN"))
    assert wait_until(lambda: window.nav_items["foryou"].text() != before, 5)
    assert "为你推荐" in window.nav_items["foryou"].text()
    assert window.settings_page.title.text() == "设置"
    combo.setCurrentIndex(combo.findData("en"))
    assert wait_until(lambda: window.nav_items["foryou"].text() == before, 5)
