"""Stands in for the player when QtMultimedia cannot load (e.g. libpulse is missing)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from medialens.gui.widgets import EmptyState


class MissingPlayer(QWidget):
    closed = Signal()
    fullscreenRequested = Signal(bool)
    historyChanged = Signal(int)
    nowPlaying = Signal(int)

    def __init__(self, error: str, parent=None) -> None:
        super().__init__(parent)
        self.error = error
        self.empty = EmptyState()
        QVBoxLayout(self).addWidget(self.empty)
        self.empty.set(
            "⚠",
            self.tr("Playback is not available"),
            self.tr("Qt Multimedia could not be loaded: {0}").format(error),
        )

    def play(self, file_id: int, queue=None) -> bool:
        return True

    def play_similar(self, file_id: int | None = None) -> bool:
        return True

    def enqueue(self, file_ids: list[int]) -> None:
        pass

    def play_next(self, file_ids: list[int]) -> None:
        pass

    def stop_session(self) -> None:
        pass
