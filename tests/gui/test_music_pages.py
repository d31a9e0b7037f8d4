"""Artists and Albums pages on real widgets, over a library of generated tagged songs.

The pages get a Session on a scanned library (its rows come from the real store);
the indexer is not started, so nothing changes under the test but what it does.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from guitools import wait_until
from mediagen import write_audio
from PySide6.QtCore import Qt

from medialens.core.music import VARIOUS


def song(folder: Path, name: str, freq: float, **tags: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    t = np.arange(2400) / 8000
    samples = (0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32)
    write_audio(folder / f"{name}.mp3", samples, 8000, tags=tags)


@pytest.fixture(scope="module")
def music_data(tmp_path_factory) -> Path:
    """Two artists' albums, a compilation and untagged audio, scanned (not analysed)."""
    from medialens.core.library import Library
    from medialens.paths import data_dirs

    root = tmp_path_factory.mktemp("music")
    media = root / "media"
    blue = media / "Blue"
    song(
        blue, "1", 200, artist="Joni Mitchell", album="Blue", title="River", track="3", date="1971"
    )
    song(
        blue,
        "2",
        210,
        artist="Joni Mitchell",
        album="Blue",
        title="All I Want",
        track="1",
        date="1971",
    )
    song(
        blue,
        "3",
        220,
        artist="Joni Mitchell",
        album="Blue",
        title="My Old Man",
        track="2",
        date="1971",
    )
    song(
        media / "Court",
        "4",
        230,
        artist="Joni Mitchell",
        album="Court and Spark",
        title="Help Me",
        track="1",
        date="1974",
    )
    song(
        media / "Band",
        "5",
        240,
        artist="The Band",
        album="Stage Fright",
        title="Daniel",
        track="1",
        date="1970",
    )
    hits = media / "Hits"
    song(hits, "6", 250, artist="Aretha", album="Hits 1975", title="Mr. D.J.", track="1")
    song(hits, "7", 260, artist="The Band", album="Hits 1975", title="Ophelia", track="2")
    song(media / "prompts", "8", 270)  # no tags: not music (yet)
    song(media / "prompts", "9", 280)
    data = root / "data"
    lib = Library(data_dirs(data), entry_points=False, builtins=False)
    lib.add_folders([media])
    lib.scan()
    lib.close()
    return data


@pytest.fixture
def pages(qapp, music_data):
    from medialens.gui.albums_page import AlbumsPage
    from medialens.gui.artists_page import ArtistsPage
    from medialens.gui.music import MusicIndex
    from medialens.gui.services import Services
    from medialens.gui.session import Session
    from medialens.paths import data_dirs

    services = Services.open(data_dirs(music_data))
    session = Session(services)
    session.folders = [{"path": "media"}]
    index = MusicIndex(session)
    artists = ArtistsPage(session, index, session.thumbs)
    albums = AlbumsPage(session, index, session.thumbs)
    for page in (artists, albums):
        page.resize(1000, 700)
        page.show()
    session.load_rows()
    assert wait_until(lambda: index.loaded and artists.model.rowCount() > 0, 20)
    yield artists, albums
    for page in (artists, albums):
        page.close()
        page.deleteLater()
    session.close()
    services.close()


def _cards(page) -> list[tuple[str, str]]:
    from medialens.gui.models import RowRole

    m = page.model
    return [
        (m.index(i).data(RowRole).title, m.index(i).data(RowRole).artist)
        for i in range(m.rowCount())
    ]


def _double_click(qtbot, view, index) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_albums_grid_shows_each_album_with_artist_and_year(pages):
    _artists, albums = pages
    assert _cards(albums) == [
        ("Blue", "Joni Mitchell · 1971"),
        ("Court and Spark", "Joni Mitchell · 1974"),
        ("Hits 1975", "Various artists"),
        ("Stage Fright", "The Band · 1970"),
    ]
    assert albums.count.text() == "4 albums"
    assert albums.stack.currentWidget() is albums.grid
    # covers are square cards
    delegate = albums.grid.itemDelegate()
    assert delegate.thumb_h == delegate.width


def test_artists_grid_counts_albums_and_tracks(pages):
    artists, _albums = pages
    assert _cards(artists) == [
        ("The Band", "1 album · 2 tracks"),  # one of them on the compilation
        ("Joni Mitchell", "2 albums · 4 tracks"),
        ("Various artists", "1 album · 2 tracks"),
    ]


def test_an_album_lists_its_tracks_and_double_click_plays_it_with_the_album(pages, qtbot):
    _artists, albums = pages
    _double_click(qtbot, albums.grid, albums.model.index(0))
    view = albums.album_view
    assert wait_until(lambda: albums.stack.currentWidget() is view, 5)
    assert view.header.title.text() == "Blue"
    assert "Joni Mitchell" in view.header.subtitle.text()
    assert view.header.facts.text().startswith("1971  ·  3 tracks")
    tracks = view.table.tracks
    assert [t.title for t in tracks.tracks()] == ["All I Want", "My Old Man", "River"]
    assert [tracks.index(i, 0).data() for i in range(3)] == ["1", "2", "3"]
    assert view.table.isColumnHidden(2)  # one artist: no artist column
    with qtbot.waitSignal(albums.queueRequested, timeout=3000) as played:
        _double_click(qtbot, view.table, tracks.index(1, 1))
    file_id, queue = played.args
    assert file_id == tracks.tracks()[1].id and queue == tracks.ids()
    # Shuffle plays every track of the album once
    with qtbot.waitSignal(albums.queueRequested, timeout=3000) as shuffled:
        view.header.shuffle.click()
    assert sorted(shuffled.args[1]) == sorted(tracks.ids())
    assert shuffled.args[0] == shuffled.args[1][0]
    # the context menu's Play asks the page for the queue: the album again
    assert albums.queue_for(file_id) == tracks.ids()
    albums.back()
    assert albums.stack.currentWidget() is albums.grid and albums.head.isVisible()


def test_artist_view_shows_albums_then_tracks_and_walks_back(pages, qtbot):
    artists, _albums = pages
    _double_click(qtbot, artists.grid, artists.model.index(1))  # Joni Mitchell
    view = artists.artist_view
    assert wait_until(lambda: artists.stack.currentWidget() is view, 5)
    assert view.header.title.text() == "Joni Mitchell"
    assert [a.title for a in view.albums.items()] == ["Court and Spark", "Blue"]  # newest first
    assert view.back.text().endswith("Artists")
    assert [t.title for t in view.table.tracks.tracks()] == [
        "Help Me", "All I Want", "My Old Man", "River",
    ]  # fmt: skip
    assert not view.table.isColumnHidden(3)  # the album column
    assert view.appears_grid.isHidden()
    with qtbot.waitSignal(artists.queueRequested, timeout=3000) as played:
        view.header.play.click()
    assert played.args[1] == view.table.tracks.ids()
    # open one of the artist's albums, then back to the artist, then to the grid
    _double_click(qtbot, view.albums_grid, view.albums.index(1))
    assert wait_until(lambda: artists.stack.currentWidget() is artists.album_view, 5)
    assert artists.album_view.header.title.text() == "Blue"
    assert artists.album_view.back.text().endswith("Joni Mitchell")
    artists.back()
    assert artists.stack.currentWidget() is view
    artists.back()
    assert artists.stack.currentWidget() is artists.grid


def test_the_band_appears_on_the_compilation(pages):
    artists, albums = pages
    artists.show_artist("the band")
    view = artists.artist_view
    assert [a.title for a in view.albums.items()] == ["Stage Fright"]
    assert [a.title for a in view.appears.items()] == ["Hits 1975"]
    assert not view.appears_grid.isHidden()
    assert [t.title for t in view.table.tracks.tracks()] == ["Daniel", "Ophelia"]
    # a compilation's tracks say who plays each; its artist link opens Various artists
    albums.show_album((VARIOUS, "hits 1975"))
    album = albums.album_view
    assert not album.table.isColumnHidden(2)
    album.header.subtitle.linkActivated.emit("artist")
    assert albums.stack.currentWidget() is albums.artist_view
    assert albums.artist_view.header.title.text() == "Various artists"


def test_empty_pages_say_why(qapp, tmp_path):
    from medialens.gui.albums_page import AlbumsPage
    from medialens.gui.music import MusicIndex
    from medialens.gui.services import Services
    from medialens.gui.session import Session
    from medialens.paths import data_dirs

    services = Services.open(data_dirs(tmp_path / "data"))
    session = Session(services)
    index = MusicIndex(session)
    page = AlbumsPage(session, index, session.thumbs)
    page.show()
    try:
        assert page.empty.title.text() == "Loading your music…"
        session.folders = []
        session.load_rows()
        assert wait_until(lambda: session.rows_loaded, 10)
        assert page.stack.currentWidget() is page.empty
        assert page.empty.title.text() == "Your library is empty"
        assert page.empty.button.isVisible()
        session.folders = [{"path": "media"}]
        session.foldersChanged.emit(session.folders, False)
        assert page.empty.title.text() == "No albums yet"
        session.scanning = True
        session.scanningChanged.emit(True)
        assert page.empty.title.text() == "Looking for music…"
    finally:
        page.close()
        session.close()
        services.close()


def test_window_sidebar_filters_shortcuts_and_album_queue(qapp, qtbot, music_data):
    """The LIBRARY section, Ctrl+1..8, Music without the untagged prompts, and an album
    played from its page queues the album in the player."""
    from guitools import close_window, open_window
    from PySide6.QtGui import QKeySequence

    window = open_window(music_data)
    try:
        keys = [window.sidebar.item(i).data(Qt.ItemDataRole.UserRole) for i in range(12)]
        assert keys[3:10] == ["all", "video", "music", "artists", "albums", "speech", "sounds"]
        assert wait_until(lambda: window.session.rows_loaded and window.session.folders, 20)
        steps = [
            (5, window.artists_page),
            (1, window.foryou),
            (6, window.albums_page),
            (2, window.library),
            (5, window.artists_page),
            (4, window.library),
            (7, window.library),
            (8, window.library),
        ]
        # offscreen, the window loses activation now and then and key presses go nowhere:
        # trigger the window's action bound to each shortcut
        actions = {a.shortcut().toString(): a for a in window.actions()}
        for n, page in steps:
            actions[QKeySequence(f"Ctrl+{n}").toString()].trigger()
            assert wait_until(lambda p=page: window.stack.currentWidget() is p, 5), n
            key = window.sidebar.currentItem().data(Qt.ItemDataRole.UserRole)
            assert key == keys[n + 1 if n > 1 else 1], n
        window.go("music")
        music = window.library
        assert wait_until(lambda: music.model.rowCount() == 7, 10), music.model.rowCount()
        assert {r.category for r in music.model.rows()} == {"music"}
        window.go("all")
        assert wait_until(lambda: music.model.rowCount() == 9, 10)
        window.go("speech")
        assert wait_until(lambda: music.stack.currentWidget() is music.empty, 10)
        assert window.nav_items["music"].data(Qt.ItemDataRole.UserRole + 1) == 7
        # an album's track, double-clicked, plays with the album as the queue
        window.go("albums")
        albums = window.albums_page
        assert wait_until(lambda: albums.model.rowCount() == 4, 10)
        albums.show_album(albums.model.items()[0].key)
        table = albums.album_view.table
        _double_click(qtbot, table, table.tracks.index(1, 1))
        assert wait_until(lambda: window.stack.currentWidget() is window.player, 10)
        queue = window.player.queue
        assert list(getattr(queue, "items", queue)) == table.tracks.ids()
        assert window.player.file_id == table.tracks.ids()[1]
        window.player.close_player()
        assert wait_until(lambda: window.stack.currentWidget() is albums, 5)
        assert albums.stack.currentWidget() is albums.album_view  # back where it was played
        window.go("albums")  # chosen again: back to the grid
        assert albums.stack.currentWidget() is albums.grid
    finally:
        close_window(window)
