"""The library folders: what is watched, how many files, the last scan."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QMessageBox,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from medialens.gui.session import Session
from medialens.gui.widgets import EmptyState, Page


class FoldersPage(Page):
    addRequested = Signal()
    removeRequested = Signal(str)
    openRequested = Signal(str)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, parent)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnCount(4)
        self.tree.itemActivated.connect(
            lambda it, _c: self.openRequested.emit(it.data(0, Qt.ItemDataRole.UserRole))
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # as tall as its rows, the buttons right under it (not under a tall empty box)
        self.tree.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.outer.addWidget(self.tree)
        self.empty = EmptyState()
        self.empty.button.clicked.connect(self.addRequested)
        self.outer.addWidget(self.empty, 1)
        self.add, self.remove, self.rescan = self.add_buttons(
            self.addRequested, self._remove, right=(lambda: self.session.rescan(),)
        )
        self.filler = QWidget()  # below the buttons when the list is short
        self.outer.addWidget(self.filler, 1)
        self._folders: list[dict] = []
        # the counts and the last scan change as files are found: read them again when
        # the page is opened and when a scan ends
        session.scanningChanged.connect(lambda on: on or self.session.load_folders())
        self.retranslate()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.session.load_folders()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Folders"))
        self.subtitle.setText(
            self.tr(
                "Medialens watches these folders and picks up new, changed and moved files by itself."
            )
        )
        self.tree.setHeaderLabels(
            [self.tr("Folder"), self.tr("Files"), self.tr("Last scan"), self.tr("Status")]
        )
        self.add.setText(self.tr("Add folder…"))
        self.remove.setText(self.tr("Remove"))
        self.remove.setToolTip(
            self.tr("Forget this folder's files (their playback history is kept)")
        )
        self.rescan.setText(self.tr("Rescan now"))
        self.empty.set(
            "📁",
            self.tr("No folders yet"),
            self.tr("Add the folders where your videos and music live."),
            self.tr("Add folder…"),
        )
        self.set_folders(self._folders)

    def set_folders(self, folders: list[dict]) -> None:
        self._folders = folders
        self.tree.clear()
        for f in folders:
            status = (
                self.tr("OK")
                if f["available"]
                else self.tr("Unavailable: {0}").format(f["error"] or "")
            )
            scanned = (
                time.strftime("%Y-%m-%d %H:%M", time.localtime(f["last_scan"]))
                if f["last_scan"]
                else self.tr("not yet")
            )
            item = QTreeWidgetItem([f["path"], f"{f['files']:,}", scanned, status])
            item.setData(0, Qt.ItemDataRole.UserRole, f["path"])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        self._fit_columns()
        self._fit_height()
        self.tree.setVisible(bool(folders))
        self.filler.setVisible(bool(folders))
        self.remove.setVisible(bool(folders))
        self.empty.setVisible(not folders)

    def _fit_columns(self) -> None:
        """Counts, dates and status as wide as their widest text with room either side
        (the header's own fit leaves them edge to edge); the folder takes the rest."""
        header = self.tree.header()
        for col in (1, 2, 3):
            contents = max(
                self.tree.sizeHintForColumn(col), header.sectionSizeFromContents(col).width()
            )
            header.resizeSection(col, contents + 16)

    def _fit_height(self) -> None:
        n = self.tree.topLevelItemCount()
        rows = n * self.tree.sizeHintForRow(0) if n else 0
        height = self.tree.header().sizeHint().height() + rows + 2 * self.tree.frameWidth() + 4
        self.tree.setMaximumHeight(max(height, 60))

    def _remove(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        path = item.data(0, Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self,
            self.tr("Remove folder"),
            self.tr(
                "Remove {0} from the library? The files stay on disk and their playback history is kept."
            ).format(path),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.removeRequested.emit(path)
