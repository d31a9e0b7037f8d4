"""The player on generated media: seeking, the end of the queue, Up next, radio, subtitles.

One window lives for the module; the library is a few seconds of generated media, so
files appear in the window as soon as they are probed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guitools import close_window, open_window, wait_until
from playermedia import make_player_media


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    media = make_player_media(tmp_path_factory.mktemp("media") / "Player media")
    win = open_window(tmp_path_factory.mktemp("data"))
    assert wait_until(lambda: win.session.folders is not None, 10)
    win.add_folders([str(media)])
    assert wait_until(lambda: len(win.session.all_rows) == 5, 120), "the media was not probed"
    yield win
    win.player.close_player()
    close_window(win)


def row(win, stem: str):
    return next(r for r in win.session.all_rows if Path(r.path).stem == stem)


def loaded(player) -> bool:
    from PySide6.QtMultimedia import QMediaPlayer

    return (
        player.player.mediaStatus()
        in (
            QMediaPlayer.MediaStatus.LoadedMedia,
            QMediaPlayer.MediaStatus.BufferedMedia,
            QMediaPlayer.MediaStatus.BufferingMedia,
        )
        and player.player.duration() > 0
    )


def visible_texts(widget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    return [
        w.text()
        for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)
        if w.isVisible() and w.text()
    ]


def test_clicking_the_seek_bar_jumps_there(window, qtbot):
    from PySide6.QtCore import QPoint, Qt

    player = window.player
    window.play(row(window, "talk").id)
    assert wait_until(lambda: loaded(player) and player.position() > 0.2, 20)
    player.player.pause()
    seek = player.seek
    x = int(seek.width() * 0.75)
    qtbot.mouseClick(seek, Qt.MouseButton.LeftButton, pos=QPoint(x, seek.height() // 2))
    target = 0.75 * player.player.duration() / 1000
    assert wait_until(lambda: abs(player.position() - target) < 0.6, 5), player.position()


def test_the_end_of_the_queue_shows_a_finished_state_not_a_black_screen(window):
    player = window.player
    window.go("all")
    for name in ("song3", "talk"):
        only = row(window, name).id
        player.play(only, [only])  # the last item of its queue
        window.stack.setCurrentWidget(player)
        assert wait_until(lambda: loaded(player) and player.started, 20)
        player.seek_to(player.player.duration() / 1000 - 0.5)
        assert wait_until(lambda: any("Finished" in t for t in visible_texts(player)), 15)
        wait_until(lambda: False, 1.0)  # nothing resets it a moment later
        assert any("Finished" in t for t in visible_texts(player))
        assert player.elapsed.text() != "0:00"
    # a video ends on its last frame, not on a placeholder
    assert player.ended.picture.source.size().toTuple() != (480, 480)  # the square placeholder


def test_music_shows_art_title_artist_and_album(window):
    player = window.player
    window.play(row(window, "song1").id)
    assert player.screen.currentWidget() is player.music
    assert player.music.title.text() == "Song 1"
    assert player.music.artist.text() == "The Tones"
    assert player.music.album.text() == "Pure Waves"
    assert not player.music.art.pixmap().isNull()
    for b in (player.prev_button, player.play_button, player.next_button, player.seek):
        assert b.isVisible()
    assert not player.tracks_button.isVisible()  # nothing to choose for a song


def test_up_next_reorders_removes_clears_and_plays_this(window, qtbot):
    from PySide6.QtCore import Qt

    player, panel = window.player, window.player.up_next
    ids = [row(window, f"song{i}").id for i in (1, 2, 3)] + [row(window, "talk").id]
    window.player.play(ids[0], ids)
    assert panel.isVisible() and panel.list.count() == 4
    assert panel.list.item(0).text().startswith("▶  Song 1")
    assert "The Tones — Pure Waves" in panel.list.item(1).text()
    panel.list.setCurrentRow(3)
    panel.up.click()  # talk moves before song3
    assert player.queue.items == [ids[0], ids[1], ids[3], ids[2]]
    assert panel.list.item(2).text().startswith("talk")
    panel.list.setCurrentRow(1)
    panel.remove.click()
    assert player.queue.items == [ids[0], ids[3], ids[2]]
    panel.list.setCurrentRow(0)
    assert not panel.remove.isEnabled()  # what plays now stays
    # play-this: Enter (or a double-click) on an item plays it
    panel.list.setCurrentRow(2)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert wait_until(lambda: player.file_id == ids[2], 5)
    assert panel.list.item(2).text().startswith("▶")
    panel.clear.click()  # nothing after song3: clear leaves what played and what plays
    assert player.queue.items == [ids[0], ids[3], ids[2]]
    player.queue.select(0)
    panel.clear.click()
    assert player.queue.items == [ids[0]]


def test_next_early_records_a_skip(window):
    player = window.player
    store = window.services.store
    a, b = row(window, "song1").id, row(window, "song2").id
    before = store.query_one("SELECT max(id) FROM events")[0] or 0
    player.play(a, [a, b])
    assert wait_until(lambda: player.started and player.position() > 0.3, 20)
    player.next()
    assert player.file_id == b

    def kinds() -> list[str]:
        return [
            r[0]
            for r in store.query(
                "SELECT kind FROM events WHERE file_id = ? AND id > ? ORDER BY id", (a, before)
            )
        ]

    assert wait_until(lambda: "skip" in kinds(), 10), kinds()
    assert "stop" not in kinds()


def test_sidecar_subtitles_show_over_the_picture(window):
    player = window.player
    window.play(row(window, "talk").id)
    assert player.screen.currentWidget() is player.video
    assert wait_until(lambda: loaded(player) and player.started, 20)
    player.seek_to(0.0)  # it resumes where the first test left it
    assert wait_until(lambda: player.video.caption_text() == "Sidecar first line", 20)
    assert player.tracks_button.isVisible()
    # the caption is drawn into the widget: a grab shows the picture, and the words on it
    assert wait_until(lambda: player.frame_image() is not None, 10)
    image = player.video.grab().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 3)
    assert centre.name() != "#000000"  # the picture, not black
    assert wait_until(lambda: player.video.caption_text().startswith("Sidecar second"), 20)
    assert player.video.caption_text() == "Sidecar second\nline two"
    player.choose_subtitles(("off",))
    assert player.video.caption_text() == ""


def test_embedded_subtitles_tracks_and_chapters(window):
    from playermedia import CHAPTERS

    player = window.player
    window.play(row(window, "chaptered").id)
    assert wait_until(lambda: len(player.player.subtitleTracks()) == 1, 20)
    assert wait_until(lambda: player.chapters_button.isVisible(), 10)
    assert [c.title for c in player.chapters] == [c[0] for c in CHAPTERS]
    assert player.seek.marks == [3000, 5000]
    player._fill_chapters_menu()
    titles = [a.text() for a in player.chapters_menu.actions()]
    assert titles[2].endswith("Ending")
    player._fill_tracks_menu()
    texts = [a.text() for a in player.tracks_menu.actions() if not a.isSeparator()]
    assert "Off" in texts and len(texts) == 2  # off, and the embedded stream
    player.choose_subtitles(("embedded", 0))
    player.seek_to(0.0)
    assert wait_until(lambda: player.video.caption_text() == "Embedded hello", 10)
    player.chapters_menu.actions()[1].trigger()  # jump to "Middle"
    assert wait_until(lambda: 3.0 <= player.position() < 5.0, 5)
    assert wait_until(lambda: player.video.caption_text() == "Embedded second", 10)


def _indexed(win) -> bool:
    p = win.session.progress
    return (
        win.services.library is not None
        and not win.session.scanning
        and p is not None
        and p.total > 0
        and p.done >= p.total
    )


def test_play_similar_fills_up_next_and_learns_from_a_skip(window):
    player = window.player
    assert wait_until(lambda: _indexed(window), 120), window.status.text()
    songs = {row(window, f"song{i}").id for i in (1, 2, 3)}
    seed = row(window, "song1").id

    def described() -> bool:  # every song analysed: the core can tell what is like it

        lib = window.services.library
        return songs - {seed} <= {c.file_id for c in lib.recommender.more_like_this(seed, 40)}

    assert wait_until(described, 60)
    window.play_similar(seed)
    assert window.stack.currentWidget() is player
    assert player.file_id == seed and player.radio_button.isChecked()
    assert "Radio" in player.up_next.radio.text() and player.up_next.radio.isVisible()
    assert wait_until(lambda: player.started, 20)
    player.player.pause()  # the songs are 4 s long: hold this one while the picks arrive
    assert wait_until(lambda: len(player.queue) == 3, 30), player.queue.items
    assert set(player.queue.items) == songs  # audio only, each once: the videos are not songs
    assert player.file_id == seed
    second = player.queue.peek(1)
    player.next()  # an early skip: the radio steers away from it
    assert player.file_id == second and player.radio.skipped == [seed]
    assert wait_until(lambda: player.started and player.position() > 0.2, 20)
    # the library holds no more songs: the radio ends with the finished panel, not black
    player.seek_to(player.player.duration() / 1000 - 0.3 if player.player.duration() else 3.7)
    assert wait_until(lambda: player.finished, 30)
    assert player.screen.currentWidget() is player.ended
    player.radio_button.click()  # radio off
    assert player.radio is None and not player.up_next.radio.isVisible()


def test_the_file_menu_queues_next_appends_and_starts_a_radio(window):
    """The card and row menus' "Play next", "Add to queue" and "Play similar" reach the
    player through the session, from any page."""
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    player = window.player
    ids = [row(window, f"song{i}").id for i in (1, 2, 3)]
    talk = row(window, "talk").id
    player.play(ids[0], ids[:2])
    window.session.queue("next", talk)
    assert player.queue.items == [ids[0], talk, ids[1]]
    window.session.queue("append", ids[2])
    assert player.queue.items == [ids[0], talk, ids[1], ids[2]]
    # the menu itself offers them, in words
    window.go("all")
    view = window.library.grid
    assert wait_until(lambda: window.library.model.rowCount() == 5, 10)
    seen: list[list[str]] = []

    def read_menu() -> None:
        menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu)]
        open_ = [m for m in menus if m.isVisible()]
        if not open_:
            QTimer.singleShot(100, read_menu)  # not shown yet
            return
        seen.append([a.text() for a in open_[0].actions() if a.text()])
        for m in open_:
            m.close()

    QTimer.singleShot(200, read_menu)
    rect = view.visualRect(window.library.model.index(0, 0))
    view.customContextMenuRequested.emit(QPoint(rect.center()))
    assert seen and {"Play similar", "Play next", "Add to queue"} <= set(seen[0])
    window.session.queue("similar", ids[1])
    assert wait_until(lambda: player.file_id == ids[1] and player.radio is not None, 10)
    player.close_player()


def test_switching_files_fast_for_half_a_minute_keeps_the_player_answering(window):
    """Start, switch and close hundreds of times, as a restless listener does with Next.

    Every switch tears an ffmpeg playback engine down while its threads run (the teardown
    that deadlocked once in CI, see the player's module doc; that race is too rare to
    reproduce here on demand, so this soaks the path rather than proving its absence).
    """
    import time

    from PySide6.QtCore import QCoreApplication

    player = window.player
    ids = [r.id for r in window.session.all_rows]
    deadline = time.monotonic() + 30
    switches = 0
    while time.monotonic() < deadline and switches < 300:
        window.play(ids[switches % len(ids)], ids)
        for _ in range(switches % 4):  # sometimes at once, sometimes once it has started
            QCoreApplication.processEvents()
            time.sleep(0.01)
        if switches % 7 == 6:
            player.close_player()
        switches += 1
    window.play(ids[0], ids)
    assert wait_until(lambda: loaded(player), 20), "the player stopped answering after switching"
    assert switches >= 100, switches
    player.close_player()
