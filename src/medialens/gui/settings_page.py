"""Settings: analysis threads, history, data location, language and theme."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
)

from medialens.gui.services import history
from medialens.gui.session import Session
from medialens.gui.widgets import Page, checkbox, heading, muted


def history_paused(lib) -> bool:
    return history().is_paused(lib)


class SettingsPage(Page):
    languageChanged = Signal(str)
    themeChanged = Signal(str)
    foldersRequested = Signal()
    historyForgotten = Signal()

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, parent)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(12)
        self.form = form
        store = session.services.store
        # library
        self.folders_label = QLabel()
        self.folders_button = QPushButton()
        self.folders_button.clicked.connect(self.foldersRequested)
        fl = QHBoxLayout()
        fl.addWidget(self.folders_label)
        fl.addSpacing(12)
        fl.addWidget(self.folders_button)
        fl.addStretch(1)
        self.workers = QSpinBox()
        self.workers.setRange(1, max(16, os.cpu_count() or 2))
        self.workers.setValue(int(store.setting("workers", 0) or 0) or (os.cpu_count() or 2))
        self.workers.valueChanged.connect(self._workers_changed)
        self.workers.setMaximumWidth(90)
        # history
        self.pause_history = checkbox()
        self.pause_history.toggled.connect(self._pause_toggled)
        session.run_core(history_paused, self._show_paused)
        hl = QHBoxLayout()
        hl.setSpacing(12)  # the style's default puts the two buttons edge to edge
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._export)
        self.forget_button = QPushButton()
        self.forget_button.clicked.connect(self._forget)
        hl.addWidget(self.export_button)
        hl.addWidget(self.forget_button)
        hl.addStretch(1)
        # where data lives
        self.data_label = QLabel(str(session.services.dirs.data))
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_data = QPushButton()
        self.open_data.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(session.services.dirs.data)))
        )
        dl = QHBoxLayout()
        dl.addWidget(self.data_label)
        dl.addSpacing(12)
        dl.addWidget(self.open_data)
        dl.addStretch(1)
        # appearance
        self.language = QComboBox()
        self.language.addItem("", "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        lang = str(store.setting("language", "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language.currentIndexChanged.connect(
            lambda _i: self.languageChanged.emit(self.language.currentData())
        )
        self.theme = QComboBox()
        for key in ("system", "light", "dark"):
            self.theme.addItem("", key)
        self.theme.setCurrentIndex(
            max(0, self.theme.findData(str(store.setting("theme", "system") or "system")))
        )
        self.theme.currentIndexChanged.connect(
            lambda _i: self.themeChanged.emit(self.theme.currentData())
        )

        self.sections = [heading("", 1.1) for _ in range(3)]
        form.addRow(self.sections[0])
        self.row_labels = [QLabel() for _ in range(7)]
        form.addRow(self.row_labels[0], fl)
        form.addRow(self.row_labels[1], self.workers)
        form.addRow(self.sections[1])
        form.addRow(self.row_labels[2], self.pause_history)
        form.addRow(self.row_labels[3], hl)
        form.addRow(self.sections[2])
        form.addRow(self.row_labels[4], dl)
        form.addRow(self.row_labels[5], self.language)
        form.addRow(self.row_labels[6], self.theme)
        self.outer.addSpacing(6)
        self.outer.addLayout(form)
        self.outer.addStretch(1)
        self.privacy = muted(QLabel())
        self.privacy.setWordWrap(True)
        self.outer.addWidget(self.privacy)
        self._folder_count = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.subtitle.setText(
            self.tr(
                "Medialens works entirely offline. These settings are stored with your library."
            )
        )
        self.sections[0].setText(self.tr("Library"))
        self.sections[1].setText(self.tr("History"))
        self.sections[2].setText(self.tr("This computer"))
        labels = [
            self.tr("Folders"),
            self.tr("Analysis threads"),
            self.tr("Pause history"),
            self.tr("Playback history"),
            self.tr("Data location"),
            self.tr("Language"),
            self.tr("Appearance"),
        ]
        for label, text in zip(self.row_labels, labels, strict=True):
            label.setText(text)
        self.set_folder_count(self._folder_count)
        self.folders_button.setText(self.tr("Manage folders…"))
        self.workers.setToolTip(
            self.tr("How many files are analysed at once. Fewer keeps the computer quieter.")
        )
        self.pause_history.setText(self.tr("Do not record what I play (suggestions stop learning)"))
        self.export_button.setText(self.tr("Export as JSON…"))
        self.forget_button.setText(self.tr("Forget history…"))
        self.open_data.setText(self.tr("Open"))
        self.language.setItemText(0, self.tr("System language"))
        self.theme.setItemText(0, self.tr("Follow the system"))
        self.theme.setItemText(1, self.tr("Light"))
        self.theme.setItemText(2, self.tr("Dark"))
        self.privacy.setText(
            self.tr(
                "Your library, analysis results and history are kept only in the data location above. Nothing is sent anywhere."
            )
        )

    def _show_paused(self, paused: bool) -> None:
        self.pause_history.blockSignals(True)
        self.pause_history.setChecked(paused)
        self.pause_history.blockSignals(False)

    def _pause_toggled(self, on: bool) -> None:
        self.session.run_core(lambda lib: history().set_paused(lib, on))

    def set_folder_count(self, n: int) -> None:
        self._folder_count = n
        self.folders_label.setText(
            self.tr("1 folder") if n == 1 else self.tr("{0} folders").format(n)
        )

    def _workers_changed(self, n: int) -> None:
        store = self.session.services.store
        self.session.bridge.run(
            lambda: store.set_setting("workers", n),
            lambda _x: self.session.engine.restart_pipeline(),
        )

    def _export(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Export history"),
            os.path.expanduser("~/medialens-history.json"),
            "JSON (*.json)",
        )
        if path:
            self.session.run_core(
                lambda lib: history().export_history(lib, path),
                lambda result: self.session.show_message(
                    self.tr("Exported {0} events to {1}").format(result["events"], path), 6000
                ),
                lambda err: QMessageBox.warning(self, self.tr("Export history"), err),
            )

    def _forget(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Forget history"))
        box.setText(self.tr("Forget everything you played, liked and disliked?"))
        box.setInformativeText(
            self.tr("Suggestions start again from scratch. This cannot be undone.")
        )
        forget = box.addButton(self.tr("Forget history"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is forget:
            self.session.run_core(
                lambda lib: history().forget_history(lib), lambda _n: self.historyForgotten.emit()
            )
