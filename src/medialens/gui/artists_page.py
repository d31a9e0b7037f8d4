"""Artists: every album artist with the cover of one of their albums and what they have."""

from __future__ import annotations

from medialens.core.music import Artist, MusicLibrary
from medialens.gui.music import ArtistModel
from medialens.gui.music_page import MusicPage


class ArtistsPage(MusicPage):
    """A grid of album artists, by name; Various artists, then the unknown artist last."""

    def make_model(self) -> ArtistModel:
        return ArtistModel(self)

    def items(self, music: MusicLibrary) -> tuple[Artist, ...]:
        return music.artists

    def texts(self) -> dict[str, str]:
        return {
            "title": self.tr("Artists"),
            "count": self.tr("{0} artists"),
            "glyph": "♫",
            "empty_title": self.tr("No artists yet"),
            "empty_text": self.tr("Music appears here grouped by artist, from its tags."),
            "back": self.tr("Artists"),
        }


__all__ = ["ArtistsPage"]
