"""Settings: analysis threads, history, data location, language and theme, and the
settings each plugin declares (``medialens_settings()``), edited in place."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from medialens.gui.session import Session
from medialens.gui.widgets import Page, checkbox, heading, muted


def history_paused(lib) -> bool:
    return lib.events.is_paused()


def plugin_settings(lib) -> list[dict]:
    """Each plugin that declares settings, with every declaration and its current value."""
    settings = lib.host.settings
    return [{"plugin": name, "settings": settings.describe(name)} for name in settings.plugins()]


def setting_editor(setting: dict) -> tuple[QWidget, Signal]:
    """The widget that edits one declared setting, and its signal carrying the new value."""
    kind, value = setting["type"], setting["value"]
    lo, hi = setting["minimum"], setting["maximum"]
    if kind == "bool":
        box = checkbox()
        box.setChecked(bool(value))
        return box, box.toggled
    if kind == "choice":
        combo = QComboBox()
        for choice in setting["choices"]:
            combo.addItem(str(choice), choice)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        return combo, combo.currentTextChanged
    if kind == "int":
        spin = QSpinBox()
        spin.setRange(
            int(lo) if lo is not None else -(2**31), int(hi) if hi is not None else 2**31 - 1
        )
        spin.setValue(int(value))
        spin.setMaximumWidth(120)
        return spin, spin.valueChanged
    real = QDoubleSpinBox()
    real.setDecimals(3)
    real.setRange(float(lo) if lo is not None else -1e9, float(hi) if hi is not None else 1e9)
    if lo is not None and hi is not None:
        real.setSingleStep(max((float(hi) - float(lo)) / 100.0, 0.001))
    real.setValue(float(value))
    real.setMaximumWidth(120)
    return real, real.valueChanged


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

        self.sections = [heading("", 1.1) for _ in range(4)]
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
        # what each plugin lets the user tune: its own labels, in its own words
        form.addRow(self.sections[3])
        self.plugins_note = muted(QLabel())
        self.plugins_note.setWordWrap(True)
        form.addRow(self.plugins_note)
        self.plugin_form = QFormLayout()
        self.plugin_form.setHorizontalSpacing(18)
        self.plugin_form.setVerticalSpacing(10)
        form.addRow(self.plugin_form)
        self.plugin_editors: dict[tuple[str, str], QWidget] = {}
        self._plugin_rows: list[dict] | None = None
        self.outer.addSpacing(6)
        self.outer.addLayout(form)
        self.outer.addStretch(1)
        self.privacy = muted(QLabel())
        self.privacy.setWordWrap(True)
        self.outer.addWidget(self.privacy)
        self._folder_count = 0
        self.retranslate()
        self.refresh_plugins()

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
        self.sections[3].setText(self.tr("Plugins"))
        if self._plugin_rows is None:
            self.plugins_note.setText(self.tr("Loading plugins…"))
        elif not self._plugin_rows:
            self.plugins_note.setText(self.tr("No installed plugin has settings."))
        else:
            self.plugins_note.setText(
                self.tr(
                    "Changes apply to files analysed from now on; re-run a plugin on the Plugins page to apply them to every file."
                )
            )
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

    # -- plugin settings -------------------------------------------------------------

    def refresh_plugins(self) -> None:
        self.session.run_core(plugin_settings, self.set_plugin_settings)

    def set_plugin_settings(self, rows: list[dict]) -> None:
        """One group per plugin: its name, then a row per setting (label, editor, help)."""
        while self.plugin_form.rowCount():
            self.plugin_form.removeRow(0)
        self.plugin_editors.clear()
        self._plugin_rows = rows
        for row in rows:
            plugin = row["plugin"]
            title = QLabel(plugin)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            self.plugin_form.addRow(title)
            for setting in row["settings"]:
                editor, changed = setting_editor(setting)
                editor.setToolTip(setting["help"])
                changed.connect(
                    lambda value, p=plugin, k=setting["key"]: self._plugin_setting_changed(
                        p, k, value
                    )
                )
                self.plugin_editors[(plugin, setting["key"])] = editor
                label = QLabel(setting["label"])
                label.setToolTip(setting["help"])
                self.plugin_form.addRow(label, editor)
        self.retranslate()

    def _plugin_setting_changed(self, plugin: str, key: str, value: object) -> None:
        self.session.run_core(
            lambda lib: lib.host.settings.set(plugin, key, value),
            None,
            lambda err: self.session.show_message(str(err), 6000),
        )

    def _show_paused(self, paused: bool) -> None:
        self.pause_history.blockSignals(True)
        self.pause_history.setChecked(paused)
        self.pause_history.blockSignals(False)

    def _pause_toggled(self, on: bool) -> None:
        self.session.run_core(lambda lib: lib.events.set_paused(on))

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
                lambda lib: lib.events.export(path),
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
                lambda lib: lib.events.forget(), lambda _n: self.historyForgotten.emit()
            )
