"""The library folders: what is watched, how many files, the last scan."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTreeWidget, QTreeWidgetItem

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
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.outer.addWidget(self.tree, 1)
        self.empty = EmptyState()
        self.empty.button.clicked.connect(self.addRequested)
        self.outer.addWidget(self.empty, 1)
        self.add, self.remove, self.rescan = self.add_buttons(
            self.addRequested, self._remove, right=(lambda: self.session.rescan(),)
        )
        self._folders: list[dict] = []
        self.retranslate()

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
        for col in (1, 2, 3):
            self.tree.resizeColumnToContents(col)
        self.tree.setVisible(bool(folders))
        self.remove.setVisible(bool(folders))
        self.empty.setVisible(not folders)

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
