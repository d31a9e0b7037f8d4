"""Indexing progress, a database fault that stops or pauses it, and the files that failed,
with Retry."""

from __future__ import annotations

import html
import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem

from medialens.gui.aspects import aspect
from medialens.gui.faults import FaultWords
from medialens.gui.session import Session
from medialens.gui.widgets import EmptyState, Page

SHOWN = 200  # failures listed; the page says how many more there are


class ActivityPage(Page):
    """Indexing progress and failures (file, extractor, error) with Retry."""

    openFile = Signal(int)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, parent)
        # a database fault stays here (and in the status bar) until it is gone
        self.fault = QLabel()
        self.fault.setObjectName("databaseFault")
        self.fault.setWordWrap(True)
        self.fault.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fault.setStyleSheet(
            "#databaseFault { background: rgba(230, 120, 30, 0.18); padding: 10px;"
            " border-left: 4px solid rgb(220, 110, 20); }"
        )
        self.fault.hide()
        self._fault: tuple[str, str, str] | None = None
        self.outer.addWidget(self.fault)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.outer.addWidget(self.progress)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnCount(3)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._open)
        self.outer.addWidget(self.tree, 1)
        self.more = QLabel()  # "the first 200 of 5,000": the list is bounded, the count is not
        self.more.hide()
        self.outer.addWidget(self.more)
        self.empty = EmptyState()
        self.outer.addWidget(self.empty, 1)
        self.retry, self.retry_all = self.add_buttons(self._retry_selected, self._retry_all)
        self._rows: list[dict] = []
        self._total = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Activity"))
        self.subtitle.setText(
            self.tr("What the analysis is doing, and the files it could not read.")
        )
        self.tree.setHeaderLabels([self.tr("File"), self.tr("What failed"), self.tr("Details")])
        self.retry.setText(self.tr("Retry selected"))
        self.retry_all.setText(self.tr("Retry all"))
        self.empty.set(
            "✓",
            self.tr("No failures"),
            self.tr("Every file that was analysed was read without trouble."),
        )
        self.set_failures(self._rows, self._total)
        self.set_fault(self._fault)

    def set_fault(self, fault: tuple[str, str, str] | None) -> None:
        """Show ``(kind, path, sentence)`` (see ``services.fault_event``); None hides it."""
        self._fault = fault
        self.progress.setVisible(fault is None)  # "up to date" would not be true
        if fault is None:
            self.fault.clear()
            self.fault.hide()
            return
        kind, path, detail = fault
        words = FaultWords()
        self.fault.setText(
            f"<b>{html.escape(words.sentence(kind, path))}</b><br>{html.escape(words.advice(kind))}"
        )
        self.fault.setToolTip(detail)
        self.fault.show()

    def refresh(self) -> None:
        """Read the first failures and their count on the core thread (never this one):
        a bounded list, so the page costs the same at a million files."""
        self.session.run_core(
            lambda lib: lib.failures(SHOWN), lambda f: self.set_failures(f["rows"], f["count"])
        )

    def set_failures(self, rows: list[dict], total: int | None = None) -> None:
        """Show ``rows`` (each with its ``file_id``), the first of ``total`` failures."""
        rows = [dict(r, file_id=r.get("file_id")) for r in rows[:SHOWN]]
        self._rows = rows
        self._total = max(total or 0, len(rows))
        self.more.setText(
            self.tr("Showing the first {0} of {1} failures.").format(len(rows), self._total)
        )
        self.more.setVisible(self._total > len(rows))
        self.tree_rows: list[dict] = []
        self.tree.clear()
        for r in rows:
            step = (
                self.tr("reading the file")
                if r["extractor"] == "probe"
                else self.tr("analysing its {0}").format(aspect(r["extractor"]))
            )
            item = QTreeWidgetItem([os.path.basename(r["path"]), step, r["error"]])
            item.setToolTip(0, r["path"])
            item.setToolTip(2, r["error"])
            item.setData(0, Qt.ItemDataRole.UserRole, len(self.tree_rows))
            self.tree_rows.append(r)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        self.tree.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.retry.setVisible(bool(rows))
        self.retry_all.setVisible(bool(rows))

    def set_progress(self, text: str) -> None:
        self.progress.setText(text)

    def _open(self, item, _column) -> None:
        file_id = self._row(item)["file_id"]
        if file_id is not None:
            self.openFile.emit(file_id)

    def _retry(self, items: list[dict]) -> None:
        # the core retries a step on every file it failed on; a rescan reads files again
        steps = sorted({r["extractor"] for r in items} - {"probe"})
        self.session.run_core(
            lambda lib: sum(lib.retry_failures(step) for step in steps),
            lambda _x: (self.session.engine.replan(), self.session.engine.rescan(), self.refresh()),
        )

    def _retry_selected(self) -> None:
        self._retry([self._row(it) for it in self.tree.selectedItems()])

    def _row(self, item) -> dict:
        return self.tree_rows[item.data(0, Qt.ItemDataRole.UserRole)]

    def _retry_all(self) -> None:
        # every failure, not only those listed: the list shows the first SHOWN of them
        self.session.run_core(
            lambda lib: lib.retry_failures(None),
            lambda _x: (self.session.engine.replan(), self.session.engine.rescan(), self.refresh()),
        )
