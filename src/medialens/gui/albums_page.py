"""Albums: every album's cover, with album — artist · year; an album opens its tracks."""

from __future__ import annotations

from medialens.core.music import Album, MusicLibrary
from medialens.gui.music import AlbumModel
from medialens.gui.music_page import MusicPage


class AlbumsPage(MusicPage):
    """A grid of album covers, by title, the unknown album last."""

    def make_model(self) -> AlbumModel:
        return AlbumModel(self)

    def items(self, music: MusicLibrary) -> tuple[Album, ...]:
        return music.albums

    def texts(self) -> dict[str, str]:
        return {
            "title": self.tr("Albums"),
            "count": self.tr("{0} albums"),
            "glyph": "◎",
            "empty_title": self.tr("No albums yet"),
            "empty_text": self.tr("Music with album tags appears here, one cover per album."),
            "back": self.tr("Albums"),
        }


__all__ = ["AlbumsPage"]
