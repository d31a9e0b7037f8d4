"""The plugins: what each one produces, its status, and how many files it did."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
)

from medialens.gui import services as S
from medialens.gui.aspects import aspect, join, similarity
from medialens.gui.session import Session
from medialens.gui.tags import tr_tag
from medialens.gui.widgets import EmptyState, Page, muted

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
        self._chosen: str | None = None  # the saved embedder choice (None: automatic)
        self._add_embedder_row()
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
        # the selected plugin's figures (versions, API, dimensions, counts), folded away
        self.details_toggle = QToolButton(checkable=True)
        self.details_toggle.setAutoRaise(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.details_toggle.toggled.connect(self._show_details)
        self.outer.addWidget(self.details_toggle)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.outer.addWidget(self.details)
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

    def _add_embedder_row(self) -> None:
        """Which plugin's text embedder understands search queries, chosen here; with none
        offered, one sentence that search matches words only."""
        row = QHBoxLayout()
        row.setSpacing(8)
        self.embedder_label = QLabel()
        self.embedder_combo = QComboBox()
        self.embedder_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.embedder_combo.activated.connect(self._choose_embedder)  # the person's choice only
        self.embedder_used = muted(QLabel())
        self.embedder_none = muted(QLabel())
        self.embedder_none.setWordWrap(True)
        row.addWidget(self.embedder_label)
        row.addWidget(self.embedder_combo)
        row.addWidget(self.embedder_used)
        row.addWidget(self.embedder_none, 1)
        row.addStretch(0)
        self.outer.addLayout(row)

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
        self.details_toggle.setText(self.tr("Technical details"))
        self.empty.set(
            "🧩",
            self.tr("Loading plugins…"),
            self.tr("Plugins load in the background after the window opens."),
        )
        self.embedder_label.setText(self.tr("Search understands meaning with:"))
        self.embedder_none.setText(
            self.tr("No active plugin offers a text embedder, so search matches words only.")
        )
        self.set_rows(self._rows, self._chosen)

    def refresh(self) -> None:
        self.session.run_core(
            lambda lib: (S.plugin_rows(lib), lib.host.chosen_embedder()),
            lambda got: self.set_rows(*got),
            lambda _err: self.set_rows([]),
        )

    # -- the text embedder for search ----------------------------------------------------------

    @staticmethod
    def offered(rows: list[dict]) -> list[tuple[str, str, bool]]:
        """(plugin, embedder name, used) for each active plugin offering a text embedder."""
        return [
            (r["name"], r["text_embedder"]["name"], bool(r["text_embedder"]["used"]))
            for r in rows
            if r["status"] == "active" and r.get("text_embedder")
        ]

    def _show_embedders(self) -> None:
        offered = self.offered(self._rows)
        combo = self.embedder_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Automatic (first offered)"), None)
        for plugin, name, _used in offered:
            combo.addItem(self.tr("{0} (plugin {1})").format(name, plugin), plugin)
        chosen = combo.findData(self._chosen) if self._chosen else -1
        combo.setCurrentIndex(max(0, chosen))
        combo.blockSignals(False)
        used = next(((p, n) for p, n, u in offered if u), None)
        # say what is used when the combo does not: automatic, or the chosen one not offered
        self.embedder_used.setVisible(used is not None and chosen < 1)
        if used is not None:
            self.embedder_used.setText(self.tr("in use: {0} (plugin {1})").format(used[1], used[0]))
        has = bool(offered)
        for w in (self.embedder_label, combo):
            w.setVisible(has)
        self.embedder_none.setVisible(not has and bool(self._rows))

    def _choose_embedder(self, index: int) -> None:
        plugin = self.embedder_combo.itemData(index)
        if plugin == self._chosen:
            return

        def saved(_none) -> None:
            self.refresh()
            if self.session.query:  # the results on show follow the new embedder
                self.session.search(self.session.query)

        def failed(err: str) -> None:
            QMessageBox.warning(self, self.tr("Plugins"), err)
            self.refresh()

        self.session.run_core(lambda lib: lib.host.set_text_embedder(plugin), saved, failed)

    # -- wording -----------------------------------------------------------------------------

    def produced(self, extractor: dict, builtin: bool) -> list[str]:
        """What one extractor gives the app, in words: "Labels", "Finds what sounds alike"…
        (the figures, dimensions and counts, are in the technical details)."""
        parts = []
        declared = extractor.get("produces", [])
        order = {"tags": 0, "text": 1, "vector": 2, "scalars": 3, "fingerprint": 4}
        for o in sorted(declared, key=lambda o: order.get(o["kind"], 9)):
            if o["kind"] == "tags":
                parts.append(self.tr("Labels"))
            elif o["kind"] == "text" and o.get("meaning") == "said":
                parts.append(self.tr("What is said"))
            elif o["kind"] == "text" and o.get("meaning") == "written":
                parts.append(self.tr("Text on screen"))
            elif o["kind"] == "text":
                parts.append(self.tr("Searchable text"))
            elif o["kind"] == "fingerprint":
                parts.append(self.tr("Keyframe hashes"))
            elif o["kind"] == "vector":
                parts.append(similarity(o["modality"]))
            elif o["kind"] == "scalars":
                parts.append(self.tr("Measurements"))
            else:
                parts.append(o["kind"])
        data = {"thumbnail": self.tr("Thumbnails")}
        parts += [data.get(k, k) for k in extractor.get("data", [])]
        if not parts and not declared and builtin:  # nothing stored yet: say what it looks at
            words = aspect(extractor["name"])
            parts.append(words[:1].upper() + words[1:])
        return parts

    def origin(self, r: dict) -> str:
        """Where a plugin comes from: with the app (built in or included), or from others."""
        if r["builtin"]:
            return self.tr("Built in")
        if r.get("bundled"):
            return self.tr("Included")
        return self.tr("Third-party")

    def problem(self, r: dict) -> str:
        """What is wrong with a plugin, in words; the error itself is in the details."""
        fault = r.get("fault")
        if r["status"] == "incompatible" or fault == "incompatible":
            return self.tr("Made for another version of Medialens")
        if fault == "cycle":
            return self.tr("Its extractors require each other in a circle, so none can run")
        if r["status"] == "malfunctioned" and (fault == "load" or not r["extractors"]):
            return self.tr("Could not be loaded")
        if r["status"] == "malfunctioned":
            return self.tr("Stopped after failing on several files in a row; enable it to retry")
        stopped = self.stopped(r)
        if stopped:
            return self.tr(
                "{0} stopped after failing on several files in a row; enable it to retry"
            ).format(join(stopped))
        return self.tr("Something went wrong; see the technical details")

    @staticmethod
    def stopped(r: dict) -> list[str]:
        """The extractors of an active plugin marked malfunctioned (the others still run)."""
        if r["status"] != "active":
            return []
        return [e["name"] for e in r["extractors"] if e.get("malfunction")]

    def embedder_line(self, r: dict) -> str | None:
        """Which text embedder the plugin offers, and whether search uses it."""
        embedder = r.get("text_embedder")
        if not embedder:
            return None
        if embedder["used"]:
            return self.tr("{0}, used to understand search queries").format(embedder["name"])
        return self.tr("{0}, not used (another plugin's is)").format(embedder["name"])

    def technical(self, r: dict) -> str:
        """The figures behind a plugin's row, for the technical details view."""
        rows = [
            (self.tr("Version"), r["version"]),
            (self.tr("Plugin API"), r["api"]),
            (self.tr("Package"), r.get("distribution") or self.tr("part of Medialens")),
            *about_rows(self, r),
            (self.tr("Files done"), f"{r['processed']:,}"),
            (self.tr("Files failed"), f"{r['failed']:,}"),
        ]
        for e in r["extractors"]:
            outputs = []
            for o in e.get("produces", []):
                if o["kind"] == "vector":
                    outputs.append(
                        self.tr("vector {0}: {1} dimensions, {2}").format(
                            o["name"], o["dim"], o["modality"]
                        )
                    )
                elif o["kind"] == "tags" and o.get("count"):
                    examples = join([tr_tag(t) for t in o.get("examples", [])])
                    outputs.append(
                        self.tr("{0} labels, such as {1}").format(f"{o['count']:,}", examples)
                    )
                elif o["kind"] == "scalars" and o.get("names"):
                    outputs.append(self.tr("measurements: {0}").format(", ".join(o["names"])))
                else:
                    outputs.append(o["kind"])
            rows.append(
                (
                    self.tr("Extractor {0}").format(e["name"]),
                    "; ".join([f"v{e['version']}", self.kinds(e["kinds"]), *outputs]),
                )
            )
            if e.get("malfunction"):
                rows.append((self.tr("Extractor {0} stopped").format(e["name"]), e["malfunction"]))
        embedder = self.embedder_line(r)
        if embedder:
            rows.append((self.tr("Text embedder"), embedder))
        if r["error"]:
            rows.append((self.tr("Error"), r["error"]))
        return (
            "<table cellspacing=2 style='font-size:small'>"
            + "".join(
                f"<tr><td style='padding-right:10px'><b>{_esc(k)}</b></td><td>{_esc(v)}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )

    def _show_details(self, on: bool) -> None:
        self.details.setVisible(on)
        self.details_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

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
        if r["error"] or self.stopped(r):
            return produces, self.problem(r)
        return produces, self.kinds(sorted({k for e in r["extractors"] for k in e["kinds"]}))

    def set_rows(self, rows: list[dict], chosen: str | None = None) -> None:
        """Show the plugins, and ``chosen``, the saved embedder choice (None: automatic)."""
        current = self.current_name()
        self._rows, self._chosen = rows, chosen
        self._show_embedders()
        self.tree.clear()
        error_color = STATUS_COLORS["malfunctioned"]
        for r in rows:
            about = self.origin(r)
            produces, second = self.describe(r)
            item = QTreeWidgetItem(
                [r["name"], produces, self.status_name(r["status"]), f"{r['processed']:,}"]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r["name"])
            item.setData(P_NAME, SubtitleRole, about)
            item.setData(P_PRODUCES, SubtitleRole, second)
            item.setData(P_STATUS, ColorRole, STATUS_COLORS.get(r["status"], "#888888"))
            if r["error"] or self.stopped(r):
                color = error_color if self.stopped(r) else STATUS_COLORS.get(r["status"])
                item.setData(P_PRODUCES, ColorRole, color or error_color)
                for col in range(4):
                    item.setToolTip(col, second)
            else:
                item.setToolTip(P_PRODUCES, produces)
            if r.get("description"):
                item.setToolTip(P_NAME, r["description"])
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
            child.setData(P_NAME, SubtitleRole, self.tr("Part of this plugin"))
            child.setData(P_PRODUCES, SubtitleRole, self.kinds(e["kinds"]))
            if e.get("malfunction"):
                child.setText(P_STATUS, self.status_name("malfunctioned"))
                child.setData(P_STATUS, ColorRole, STATUS_COLORS["malfunctioned"])
                child.setToolTip(P_STATUS, e["malfunction"])
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
        self.error.setVisible(bool(r and (r["error"] or self.stopped(r))))
        self.details_toggle.setVisible(r is not None)
        self.details.setVisible(r is not None and self.details_toggle.isChecked())
        if r is None:
            self.toggle.setText(self.tr("Disable"))
            return
        self.details.setText(self.technical(r))
        if r["error"] or self.stopped(r):
            self.error.setText(f"<b>{_esc(r['name'])}</b>: {_esc(self.problem(r))}")
        if self.stopped(r):
            self.toggle.setText(self.tr("Enable again"))  # clears the marks, retries the files
        else:
            self.toggle.setText(
                self.tr("Enable") if r["status"] != "active" else self.tr("Disable")
            )
        self.toggle.setEnabled(r["status"] != "incompatible")

    def _toggle(self) -> None:
        r = self.current()
        if r is None:
            return
        enable = r["status"] != "active" or bool(self.stopped(r))
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


def about_rows(page: PluginsPage, r: dict) -> list[tuple[str, str]]:
    """What the plugin's package says about itself: description, homepage, licence."""
    rows = [
        (page.tr("Description"), r.get("description")),
        (page.tr("Homepage"), r.get("homepage")),
        (page.tr("Licence"), r.get("license")),
    ]
    return [(label, value) for label, value in rows if value]


def _esc(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
