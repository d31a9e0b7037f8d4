"""First run: offer the standard folders, explain privacy."""

from __future__ import annotations

import os

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QPushButton

from medialens.gui.session import Session
from medialens.gui.widgets import Page, checkbox


def standard_folders() -> list[tuple[str, str]]:
    """The system's Videos and Music folders that exist: (which, path)."""
    out = []
    for which, loc in (
        ("videos", QStandardPaths.StandardLocation.MoviesLocation),
        ("music", QStandardPaths.StandardLocation.MusicLocation),
    ):
        path = QStandardPaths.writableLocation(loc)
        if (
            path
            and os.path.isdir(path)
            and os.path.realpath(path) != os.path.realpath(os.path.expanduser("~"))
        ):
            out.append((which, path))
    return out


class WelcomePage(Page):
    """First run: offer the standard folders, explain privacy, then fill up live."""

    foldersChosen = Signal(list)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, parent)
        self.outer.setContentsMargins(60, 50, 60, 40)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft)
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        self.title.setFont(f)
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        self.outer.addSpacing(6)
        self.outer.addWidget(self.privacy)
        self.outer.addSpacing(12)
        self.checks: list[tuple[QCheckBox, str, str]] = []
        for which, path in standard_folders():
            box = checkbox()
            box.setChecked(True)
            self.checks.append((box, which, path))
            self.outer.addWidget(box)
        row = QHBoxLayout()
        self.add_standard = QPushButton()
        self.add_standard.setDefault(True)
        self.add_standard.clicked.connect(self._add_standard)
        self.add_other = QPushButton()
        self.add_other.clicked.connect(self._add_other)
        if self.checks:
            row.addWidget(self.add_standard)
        else:
            self.add_standard.hide()
        row.addWidget(self.add_other)
        row.addStretch(1)
        self.outer.addSpacing(6)
        self.outer.addLayout(row)
        self.outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Medialens"))
        self.subtitle.setText(
            self.tr(
                "Your videos and music, understood and organised, with suggestions that learn what you like."
            )
        )
        self.privacy.setText(
            self.tr(
                "<b>Everything stays on this computer.</b> Files are analysed here, history is kept here, "
                "and nothing is ever uploaded.<br>Choose where your media lives; the library fills up while files are found."
            )
        )
        for box, which, path in self.checks:
            box.setText(
                (self.tr("Videos") if which == "videos" else self.tr("Music")) + f"  —  {path}"
            )
        self.add_standard.setText(self.tr("Add these folders"))
        self.add_other.setText(self.tr("Add folder…"))

    def primary(self) -> QPushButton:
        """The button a first run starts on: add the offered folders, else pick one."""
        return self.add_standard if self.checks else self.add_other

    def _add_standard(self) -> None:
        paths = [path for box, _w, path in self.checks if box.isChecked()]
        if paths:
            self.foldersChosen.emit(paths)

    def _add_other(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the library"))
        if path:
            self.foldersChosen.emit([path])
