"""The player on generated media: seeking, the end of the queue, Up next, radio, subtitles.

One window lives for the module; the library is a few seconds of generated media, so
files appear in the window as soon as they are probed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guitools import close_window, open_window, wait_until
from playermedia import make_player_media

from medialens.gui import services as S


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    media = make_player_media(tmp_path_factory.mktemp("media") / "Player media")
    win = open_window(tmp_path_factory.mktemp("data"))
    assert wait_until(lambda: win.folders is not None, 10)
    win.add_folders([str(media)])
    assert wait_until(lambda: len(win.all_rows) == 5, 120), "the media was not probed"
    yield win
    win.player.close_player()
    close_window(win)


def row(win, stem: str) -> tuple:
    return next(r for r in win.all_rows if Path(r[S.PATH]).stem == stem)


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
    window.play(row(window, "talk")[S.ID])
    assert wait_until(lambda: loaded(player) and player.position() > 0.2, 20)
    player.player.pause()
    seek = player.seek
    x = int(seek.width() * 0.75)
    qtbot.mouseClick(seek, Qt.MouseButton.LeftButton, pos=QPoint(x, seek.height() // 2))
    target = 0.75 * player.player.duration() / 1000
    assert wait_until(lambda: abs(player.position() - target) < 0.6, 5), player.position()


def test_the_end_of_the_queue_shows_a_finished_state_not_a_black_screen(window):
    player = window.player
    song = row(window, "song3")
    window.play(song[S.ID])
    assert wait_until(lambda: loaded(player), 20)
    player.seek_to(player.player.duration() / 1000 - 0.5)
    assert wait_until(lambda: any("Finished" in t for t in visible_texts(player)), 15)
    wait_until(lambda: False, 1.0)  # nothing resets it a moment later
    assert any("Finished" in t for t in visible_texts(player))
    assert player.elapsed.text() != "0:00"
