"""The smaller pages: welcome, folders, plugins, activity (failures) and settings."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medialens.gui import services as S
from medialens.gui.library_page import EmptyState, heading, muted
from medialens.gui.session import Session


def history():
    """``medialens.core.history``, imported when first needed (on a worker), not at start-up."""
    from medialens.core import history as module

    return module


def history_paused(lib) -> bool:
    return history().is_paused(lib)


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


class Page(QWidget):
    """A page with a heading, a line under it and a body; retranslated on language change."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(24, 16, 24, 16)
        self.outer.setSpacing(10)
        self.title = heading()
        self.subtitle = muted(QLabel())
        self.subtitle.setWordWrap(True)
        self.outer.addWidget(self.title)
        self.outer.addWidget(self.subtitle)

    def add_buttons(self, *left, right=()) -> list[QPushButton]:
        """A row of buttons under the page body, each clicking one of the given slots:
        ``left`` from the left edge, ``right`` pushed to the right edge. Text comes later,
        from ``retranslate``."""
        row = QHBoxLayout()
        buttons = [QPushButton() for _ in (*left, *right)]
        for button, slot in zip(buttons, (*left, *right), strict=True):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.insertStretch(len(left), 1)
        self.outer.addLayout(row)
        return buttons

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass


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
            box = QCheckBox()
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


STATUS_COLORS = {
    "active": "#2e9d5b",
    "disabled": "#8a8a8a",
    "incompatible": "#c98a12",
    "malfunctioned": "#d9534f",
}

# the plugins table: a title and a second line per cell, and the status as a pill
P_NAME, P_PRODUCES, P_STATUS, P_DONE = range(4)
SubtitleRole = Qt.ItemDataRole.UserRole + 1
ColorRole = Qt.ItemDataRole.UserRole + 2  # a pill's colour, or a second line's (an error)


class PluginDelegate(QStyledItemDelegate):
    """Roomy two-line cells; the status column paints a coloured pill."""

    PAD = 10

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        fm = option.fontMetrics
        lines = 2 if index.data(SubtitleRole) or index.column() == P_NAME else 1
        height = lines * fm.height() + (lines - 1) * 3 + 2 * self.PAD
        width = size.width() + 2 * self.PAD
        if index.column() == P_STATUS:
            width = fm.horizontalAdvance(index.data() or "") + 20 + 2 * self.PAD
        return QSize(width, max(height, 2 * fm.height() + 3 + 2 * self.PAD))

    def paint(self, p: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        r = QRect(opt.rect).adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.column() == P_STATUS:
            if not text:
                p.restore()
                return
            color = QColor(index.data(ColorRole) or "#888888")
            font = QFont(opt.font)
            font.setPointSizeF(opt.font.pointSizeF() * 0.9)
            font.setBold(True)
            fm = QFontMetrics(font)
            w, h = fm.horizontalAdvance(text) + 20, fm.height() + 6
            pill = QRectF(r.x(), opt.rect.center().y() - h / 2 + 1, w, h)
            bg = QColor(color)
            bg.setAlpha(235 if selected else 38)
            p.setPen(QPen(color, 1) if not selected else Qt.PenStyle.NoPen)
            p.setBrush(bg)
            p.drawRoundedRect(pill, h / 2, h / 2)
            p.setPen(QColor("white") if selected else color.darker(115))
            p.setFont(font)
            p.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            p.restore()
            return
        subtitle = index.data(SubtitleRole) or ""
        font = QFont(opt.font)
        font.setBold(index.column() == P_NAME)
        fm = QFontMetrics(font)
        align = Qt.AlignmentFlag.AlignLeft
        if index.column() == P_DONE:
            align = Qt.AlignmentFlag.AlignRight
        top = r.y() if subtitle else opt.rect.center().y() - fm.height() // 2
        line = QRect(r.x(), top, r.width(), fm.height())
        p.setFont(font)
        p.setPen(fg)
        p.drawText(
            line,
            align | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width()),
        )
        if subtitle:
            small = QFont(opt.font)
            small.setPointSizeF(opt.font.pointSizeF() * 0.9)
            sfm = QFontMetrics(small)
            color = index.data(ColorRole)
            if color and not selected:
                sub = QColor(color)
            else:
                sub = QColor(fg)
                sub.setAlphaF(0.85 if selected else 0.62)
            p.setFont(small)
            p.setPen(sub)
            line = QRect(r.x(), top + fm.height() + 3, r.width(), sfm.height())
            elided = sfm.elidedText(subtitle, Qt.TextElideMode.ElideRight, r.width())
            p.drawText(line, align | Qt.AlignmentFlag.AlignVCenter, elided)
        p.restore()


class PluginsPage(Page):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, parent)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnCount(4)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(PluginDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(P_PRODUCES, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStyleSheet(
            "QHeaderView::section { padding: 5px 10px; border: none;"
            " border-bottom: 1px solid palette(mid); background: palette(base); }"
        )
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.outer.addWidget(self.tree, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outer.addWidget(self.error)
        self.empty = EmptyState()
        self.outer.addWidget(self.empty, 1)
        self.toggle, self.retry, self.force = self.add_buttons(
            self._toggle, self._retry, self._force
        )
        self._rows: list[dict] = []
        self.retranslate()

    def status_name(self, status: str) -> str:
        return {
            "active": self.tr("Active"),
            "disabled": self.tr("Disabled"),
            "incompatible": self.tr("Incompatible"),
            "malfunctioned": self.tr("Malfunctioned"),
        }.get(status, status)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Plugins"))
        self.subtitle.setText(
            self.tr(
                "Plugins analyse your files (labels, moods, speech…). Turn off what you do not need; results already stored stay."
            )
        )
        self.tree.setHeaderLabels(
            [self.tr("Plugin"), self.tr("Produces"), self.tr("Status"), self.tr("Files done")]
        )
        self.tree.headerItem().setTextAlignment(
            P_DONE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.retry.setText(self.tr("Retry failures"))
        self.retry.setToolTip(self.tr("Try again the files this plugin failed on"))
        self.force.setText(self.tr("Re-run on every file"))
        self.force.setToolTip(
            self.tr("Forget what this plugin stored and analyse every file again")
        )
        self.empty.set(
            "🧩",
            self.tr("Loading plugins…"),
            self.tr("Plugins load in the background after the window opens."),
        )
        self.set_rows(self._rows)

    def refresh(self) -> None:
        self.session.run_core(S.plugin_rows, self.set_rows, lambda _err: self.set_rows([]))

    # -- wording -----------------------------------------------------------------------------

    def produced(self, extractor: dict, builtin: bool) -> list[str]:
        """What one extractor stores, in words: "Labels", "1280-d visual vector"…"""
        parts = []
        declared = extractor.get("produces", [])
        order = {"tags": 0, "text": 1, "vector": 2, "scalars": 3}
        for o in sorted(declared, key=lambda o: order.get(o["kind"], 9)):
            if o["kind"] == "tags":
                parts.append(
                    self.tr("Labels ({0})").format(f"{o['count']:,}")
                    if o.get("count")
                    else self.tr("Labels")
                )
            elif o["kind"] == "text":
                parts.append(self.tr("Searchable text"))
            elif o["kind"] == "vector":
                parts.append(self.tr("{0}-d {1} vector").format(o["dim"], o["modality"]))
            elif o["kind"] == "scalars":
                n = len(o.get("names", []))
                parts.append(
                    self.tr("Measurements ({0})").format(n) if n else self.tr("Measurements")
                )
            else:
                parts.append(o["kind"])
        data = {"thumbnail": self.tr("Thumbnails"), "phash": self.tr("Keyframe hashes")}
        parts += [data.get(k, k) for k in extractor.get("data", [])]
        if not parts and not declared and builtin:  # nothing stored yet: its name says it
            parts.append(extractor["name"].replace("_", " ").capitalize())
        return parts

    def kinds(self, kinds: list[str]) -> str:
        names = {"audio": self.tr("Audio"), "video": self.tr("Video")}
        if set(kinds) >= {"audio", "video"}:
            return self.tr("Audio and video files")
        return self.tr("{0} files").format(", ".join(names.get(k, k) for k in kinds))

    def describe(self, r: dict) -> tuple[str, str]:
        """A plugin's produces line and the line under it (the error, when there is one)."""
        parts: list[str] = []
        for e in r["extractors"]:
            parts += [x for x in self.produced(e, r["builtin"]) if x not in parts]
        produces = "  ·  ".join(parts) or self.tr("Nothing declared")
        if r["error"]:
            return produces, r["error"]
        return produces, self.kinds(sorted({k for e in r["extractors"] for k in e["kinds"]}))

    def set_rows(self, rows: list[dict]) -> None:
        current = self.current_name()
        self._rows = rows
        self.tree.clear()
        error_color = STATUS_COLORS["malfunctioned"]
        for r in rows:
            origin = self.tr("Built in") if r["builtin"] else self.tr("Third-party")
            about = f"{origin}  ·  v{r['version']}"
            if not r["builtin"] or r["status"] == "incompatible":
                about += "  ·  " + self.tr("API {0}").format(r["api"])
            produces, second = self.describe(r)
            item = QTreeWidgetItem(
                [r["name"], produces, self.status_name(r["status"]), f"{r['processed']:,}"]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r["name"])
            item.setData(P_NAME, SubtitleRole, about)
            item.setData(P_PRODUCES, SubtitleRole, second)
            item.setData(P_STATUS, ColorRole, STATUS_COLORS.get(r["status"], "#888888"))
            if r["error"]:
                item.setData(P_PRODUCES, ColorRole, STATUS_COLORS.get(r["status"], error_color))
                for col in range(4):
                    item.setToolTip(col, r["error"])
            else:
                item.setToolTip(P_PRODUCES, produces)
            if r["failed"]:
                item.setData(P_DONE, SubtitleRole, self.tr("{0} failed").format(r["failed"]))
                item.setData(P_DONE, ColorRole, error_color)
            self._add_extractors(item, r)
            self.tree.addTopLevelItem(item)
            if r["name"] == current:
                self.tree.setCurrentItem(item)
        nested = any(self.tree.topLevelItem(i).childCount() for i in range(len(rows)))
        self.tree.setRootIsDecorated(nested)
        self.tree.expandAll()
        for col in (P_NAME, P_STATUS, P_DONE):
            self.tree.resizeColumnToContents(col)
        self.tree.setColumnWidth(P_NAME, max(self.tree.columnWidth(P_NAME), 220))
        self.tree.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if not rows and self.session.services.library_error:
            self.empty.set(
                "⚠", self.tr("Plugins could not be loaded"), self.session.services.library_error
            )
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def _add_extractors(self, item: QTreeWidgetItem, r: dict) -> None:
        """One child per extractor when a plugin has several; one is the plugin itself."""
        extractors = r["extractors"]
        if len(extractors) < 2:
            return
        for e in extractors:
            child = QTreeWidgetItem(
                [e["name"], "  ·  ".join(self.produced(e, r["builtin"])), "", ""]
            )
            child.setData(0, Qt.ItemDataRole.UserRole, r["name"])
            child.setData(P_NAME, SubtitleRole, self.tr("Extractor  ·  v{0}").format(e["version"]))
            child.setData(P_PRODUCES, SubtitleRole, self.kinds(e["kinds"]))
            item.addChild(child)

    def current(self) -> dict | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        name = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self._rows if r["name"] == name), None)

    def current_name(self) -> str | None:
        r = self.current()
        return r["name"] if r else None

    def _update_buttons(self) -> None:
        r = self.current()
        for b in (self.toggle, self.retry, self.force):
            b.setEnabled(r is not None)
        self.error.setVisible(bool(r and r["error"]))
        if r is None:
            self.toggle.setText(self.tr("Disable"))
            return
        if r["error"]:
            self.error.setText(f"<b>{r['name']}</b>: {r['error']}")
        self.toggle.setText(self.tr("Enable") if r["status"] != "active" else self.tr("Disable"))
        self.toggle.setEnabled(r["status"] != "incompatible")

    def _toggle(self) -> None:
        r = self.current()
        if r is None:
            return
        enable = r["status"] != "active"
        self.session.run_core(
            lambda lib: lib.host.set_enabled(r["name"], enable),
            lambda _rec: (self.session.engine.set_enabled(r["name"], enable), self.refresh()),
            lambda err: QMessageBox.warning(self, self.tr("Plugins"), err),
        )

    def _retry(self) -> None:
        r = self.current()
        if r is None:
            return
        names = [e["name"] for e in r["extractors"]]
        self.session.run_core(
            lambda lib: sum(lib.retry_failures(n) for n in names),
            lambda _n: (self.session.engine.replan(), self.refresh()),
        )

    def _force(self) -> None:
        r = self.current()
        if r is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Re-run plugin"),
            self.tr(
                "Forget everything {0} stored and analyse every file again? This can take a while."
            ).format(r["name"]),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.run_core(
                lambda lib: lib.rerun(r["name"]),
                lambda _n: (self.session.engine.replan(), self.refresh()),
            )


class ActivityPage(Page):
    """Indexing progress and failures (file, extractor, error) with Retry."""

    openFile = Signal(int)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, parent)
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
        self.empty = EmptyState()
        self.outer.addWidget(self.empty, 1)
        self.retry, self.retry_all = self.add_buttons(self._retry_selected, self._retry_all)
        self._rows: list[dict] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Activity"))
        self.subtitle.setText(
            self.tr("What the analysis is doing, and the files it could not read.")
        )
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Step"), self.tr("Error")])
        self.retry.setText(self.tr("Retry selected"))
        self.retry_all.setText(self.tr("Retry all"))
        self.empty.set(
            "✓",
            self.tr("No failures"),
            self.tr("Every file that was analysed was read without trouble."),
        )
        self.set_failures(self._rows)

    def refresh(self) -> None:
        self.session.run_core(lambda lib: lib.status()["failed_files"], self.set_failures)

    def set_failures(self, rows: list[dict]) -> None:
        ids = {r.path: r.id for r in self.session.all_rows}
        rows = [dict(r, file_id=ids.get(r["path"])) for r in rows]
        self._rows = rows
        self.tree_rows: list[dict] = []
        self.tree.clear()
        for r in rows:
            step = self.tr("reading the file") if r["extractor"] == "probe" else r["extractor"]
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
        self._retry(self._rows)


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
        self.pause_history = QCheckBox()
        self.pause_history.toggled.connect(self._pause_toggled)
        session.run_core(history_paused, self._show_paused)
        hl = QHBoxLayout()
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
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
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
