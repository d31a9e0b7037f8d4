"""Everything known about the selected file: facts, tags, analysis, more like this."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medialens.core.catalog import FileDetails, LibraryRow
from medialens.gui import services as S
from medialens.gui.aspects import aspect, join
from medialens.gui.models import kind_name, tr_reason
from medialens.gui.session import Session
from medialens.gui.tags import tr_tag
from medialens.gui.widgets import EmptyState, Picture, breakable, heading, muted


class DetailsPane(QScrollArea):
    """Everything known about the selected file."""

    playRequested = Signal(int)
    feedbackRequested = Signal(int, str)
    selectRequested = Signal(int)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.file_id: int | None = None
        self._info: FileDetails | None = None
        self._similar: list[tuple[int, object]] = []
        self._images: dict[int, QImage] = {}
        self._row: LibraryRow | None = None  # the picked file's loaded row
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(280)
        body = QWidget()
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(16, 12, 16, 16)
        lay.setSpacing(8)
        self.picture = Picture()
        self.title = heading("", 1.3)
        self.title.setWordWrap(True)
        self.subtitle = muted(QLabel())
        self.subtitle.setWordWrap(True)
        buttons = QHBoxLayout()
        self.play = QPushButton()
        self.play.setDefault(True)
        self.play.clicked.connect(lambda: self.file_id and self.playRequested.emit(self.file_id))
        self.like = QToolButton(checkable=True)
        self.dislike = QToolButton(checkable=True)
        self.like.clicked.connect(lambda: self._feedback("like"))
        self.dislike.clicked.connect(lambda: self._feedback("dislike"))
        buttons.addWidget(self.play)
        buttons.addWidget(self.like)
        buttons.addWidget(self.dislike)
        buttons.addStretch(1)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tags_title = heading("", 1.05)
        self.tags = QLabel()
        self.tags.setWordWrap(True)
        self.extractors_title = heading("", 1.05)
        self.extractors = QLabel()
        self.extractors.setWordWrap(True)
        # the figures (scores, versions, timings, errors) for who wants them, folded away
        self.technical_toggle = QToolButton(checkable=True)
        self.technical_toggle.setAutoRaise(True)
        self.technical_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.technical_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.technical_toggle.toggled.connect(self._show_technical)
        self.technical = QLabel()
        self.technical.setWordWrap(True)
        self.technical.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.technical.hide()
        self.similar_title = heading("", 1.05)
        self.similar = QListWidget()
        self.similar.setFrameShape(QFrame.Shape.NoFrame)
        self.similar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.similar.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.similar.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.similar.setIconSize(QSize(64, 36))
        self.similar.setSpacing(2)
        self.similar.itemActivated.connect(
            lambda it: self.selectRequested.emit(it.data(Qt.ItemDataRole.UserRole))
        )
        self.similar.itemDoubleClicked.connect(
            lambda it: self.playRequested.emit(it.data(Qt.ItemDataRole.UserRole))
        )
        for w in (self.picture, self.title, self.subtitle):
            lay.addWidget(w)
        lay.addLayout(buttons)
        for w in (
            self.facts,
            self.tags_title,
            self.tags,
            self.extractors_title,
            self.extractors,
            self.similar_title,
            self.similar,
            self.technical_toggle,
            self.technical,
        ):
            lay.addWidget(w)
        lay.addStretch(1)
        self.empty = EmptyState()
        self.retranslate()
        self.show_file(None)

    def retranslate(self) -> None:
        self.play.setText(self.tr("▶  Play"))
        self.like.setText("♥")
        self.like.setToolTip(self.tr("Like"))
        self.dislike.setText("▼")
        self.dislike.setToolTip(self.tr("Dislike"))
        self.tags_title.setText(self.tr("Tags"))
        self.extractors_title.setText(self.tr("Analysis"))
        self.similar_title.setText(self.tr("More like this"))
        self.technical_toggle.setText(self.tr("Technical details"))
        if self._info is not None:
            self._fill(self._info)
            self._fill_similar()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_technical(self, on: bool) -> None:
        self.technical.setVisible(on)
        self.technical_toggle.setArrowType(
            Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow
        )

    def _feedback(self, kind: str) -> None:
        if self.file_id is not None:
            self.feedbackRequested.emit(self.file_id, kind)

    def show_file(self, file_id: int | None) -> None:
        """Show a file: at once what its loaded row says (title, picture), then the
        details from the catalogue (a quick read), then "More like this" (which waits for
        the Library, busy while indexing). Sections fill in as they arrive; none is ever
        shown empty."""
        changed = file_id != self.file_id or self._info is None
        self.file_id = file_id
        self.widget().setVisible(file_id is not None)
        if file_id is None:
            self._info = None
            self._similar, self._images = [], {}
            return
        fid = file_id
        if changed:
            self._info = None
            self._similar, self._images = [], {}
            self._fill_row(fid)
        services = self.session.services
        self.session.bridge.run(
            lambda: services.catalog.details(fid), lambda info: self._details_loaded(fid, info)
        )
        self.session.run_core(
            lambda lib: _similar(services, lib, fid),
            lambda result: self._similar_loaded(fid, result),
            lambda _err: None,  # no Library: no suggestions, the details still show
        )

    def refresh(self) -> None:
        if self.file_id is not None:
            self.show_file(self.file_id)

    def _details_loaded(self, fid: int, info: FileDetails | None) -> None:
        if fid != self.file_id or info is None:
            return  # the selection moved on
        self._info = info
        self._fill(info)

    def _similar_loaded(self, fid: int, result) -> None:
        if fid != self.file_id:
            return
        self._similar, self._images = result
        self._fill_similar()

    def _sections(self, on: bool) -> None:
        """Show or hide what only the catalogue's details can fill."""
        for w in (
            self.facts,
            self.tags_title,
            self.tags,
            self.extractors_title,
            self.extractors,
            self.technical_toggle,
        ):
            w.setVisible(on)
        self.technical.setVisible(on and self.technical_toggle.isChecked())

    def _fill_row(self, fid: int) -> None:
        """The head of the pane from the row the library already loaded."""
        row = self.session.row(fid)
        self._row = row
        self._sections(False)
        self._fill_similar()
        if row is None:
            self.title.setText("")
            self.subtitle.setText("")
            self.picture.hide()
            return
        path = self.session.services.dirs.thumbnail(row.content_id)
        self._set_picture(path)
        self.title.setText(breakable(row.title))
        sub = " — ".join(x for x in (row.artist, row.album) if x)
        self.subtitle.setText(breakable(sub or kind_name(row.kind, row.category)))
        self.play.setEnabled(bool(row.available))

    def _set_picture(self, path) -> None:
        pm = QPixmap(str(path)) if path is not None and path.exists() else QPixmap()
        self.picture.set_pixmap(pm)  # sized to the pane's width as the pane is resized
        self.picture.setVisible(not pm.isNull())

    def _fill(self, info: FileDetails) -> None:
        self._set_picture(info.thumbnail)
        meta = info.metadata
        tags = meta.get("tags") or {}
        self.title.setText(breakable(info.title))
        sub = [x for x in (tags.get("artist"), tags.get("album")) if x]
        # the category (music, spoken word, ...) is on the loaded row, not in the details
        row = self._row if self._row is not None and self._row.id == info.id else None
        kind = kind_name(info.kind, row.category if row is not None else None)
        self.subtitle.setText(breakable(" — ".join(sub) or kind))
        self.like.setChecked(info.feedback == "like")
        self.dislike.setChecked(info.feedback == "dislike")
        self.play.setEnabled(info.available)
        facts = [
            (self.tr("Kind"), kind),
            (self.tr("Duration"), S.fmt_time(info.duration)),
        ]
        if meta.get("width"):
            facts.append((self.tr("Picture"), f"{meta['width']}×{meta['height']}"))
        if tags.get("date"):
            facts.append((self.tr("Date"), tags["date"][:10]))
        facts.append(
            (self.tr("Added"), time.strftime("%Y-%m-%d %H:%M", time.localtime(info.added_at)))
        )
        facts.append((self.tr("Played"), self.plays(info.plays)))
        if not info.available:
            facts.append((self.tr("Status"), self.tr("unavailable (file or disk missing)")))
        facts.append((self.tr("File"), info.path))
        self.facts.setText(_table(facts))
        self.tags.setText(self.chips(info))
        self.extractors.setText(self.analysis(info))
        self.technical.setText(self.technical_text(info))
        self._sections(True)

    def _fill_similar(self) -> None:
        """The suggestions, each with a picture of one size (a blank one when the file has
        none, so every title starts at the same place), the list as tall as its items:
        the pane scrolls, not a box inside it."""
        self.similar.clear()
        rows = self.session.rows_of(fid for fid, _why in self._similar)
        size = self.similar.iconSize()
        for fid, why in self._similar:
            r = rows.get(fid)
            if r is None:
                continue
            item = QListWidgetItem(f"{r.title}\n{tr_reason(why)}")
            item.setData(Qt.ItemDataRole.UserRole, fid)
            item.setToolTip(r.path)
            img = self._images.get(fid)
            item.setIcon(QIcon(QPixmap.fromImage(img) if img is not None else _blank(size)))
            self.similar.addItem(item)
        n = self.similar.count()
        self.similar_title.setVisible(n > 0)
        self.similar.setVisible(n > 0)
        if n:
            rows_height = sum(self.similar.sizeHintForRow(i) for i in range(n))
            spacing = 2 * self.similar.spacing() * n
            self.similar.setFixedHeight(rows_height + spacing + 2 * self.similar.frameWidth())

    # -- wording ---------------------------------------------------------------------------

    def plays(self, n: int) -> str:
        """How often the file was played, as a person says it."""
        if n <= 0:
            return self.tr("never")
        if n == 1:
            return self.tr("once")
        if n == 2:
            return self.tr("twice")
        return self.tr("%n times", "", n)

    def chips(self, info: FileDetails) -> str:
        """The tags as chips, strongest first; strength shows as weight and colour, not digits."""
        shown = [t for t in info.tags[:24] if t.score >= MIN_TAG_SCORE]
        if not shown:
            if info.tags:
                return self.tr("Only weak tags so far.")
            return self.tr("No tags yet: they appear when analysis finishes.")
        hl = self.palette().color(QPalette.ColorRole.Highlight)
        chips = []
        for t in sorted(shown, key=lambda t: -t.score):
            strength = min(max((t.score - MIN_TAG_SCORE) / (1 - MIN_TAG_SCORE), 0.0), 1.0)
            alpha = int(35 + 150 * strength)
            weight = 700 if strength >= 0.5 else 400
            label = tr_tag(t.tag)
            if len(label) <= 20:
                # a short tag stays whole on one line: no break at its spaces, nor between
                # its characters (Chinese may break between any two)
                name = WJ.join(_esc(c) for c in label).replace(" ", "&nbsp;")
            else:  # a long one wraps at its pane
                name = _esc(breakable(label))
            chips.append(
                f"<span style='background-color:rgba({hl.red()},{hl.green()},{hl.blue()},{alpha});"
                f" font-weight:{weight};'>&nbsp;{name}&nbsp;</span>"
            )
        return "&nbsp; ".join(chips)

    def analysis(self, info: FileDetails) -> str:
        """What was looked at and listened to, in words: "Analysed: picture, sound, words"."""
        ok = list(dict.fromkeys(aspect(e.name) for e in info.extractors if e.ok))
        failed = list(dict.fromkeys(aspect(e.name) for e in info.extractors if not e.ok))
        lines = []
        if ok:
            lines.append(_esc(self.tr("Analysed: {0}").format(join(ok))))
        if failed:
            lines.append(
                "<span style='color:#d9534f'>"
                + _esc(self.tr("Could not analyse: {0}").format(join(failed)))
                + "</span>"
            )
        return "<br>".join(lines) or self.tr("Not analysed yet.")

    def technical_text(self, info: FileDetails) -> str:
        """The figures behind the words: each extractor's version, time and error, every
        tag's score, the content id."""
        meta = info.metadata
        rows = []
        codecs = "/".join(x for x in (meta.get("video_codec"), meta.get("audio_codec")) if x)
        if codecs:
            rows.append((self.tr("Format"), f"{meta.get('container', '')} ({codecs})"))
        if meta.get("fps"):
            rows.append((self.tr("Frame rate"), f"{meta['fps']:g} fps"))
        for e in info.extractors:
            if e.ok:
                secs = self.tr("{0} s").format(f"{e.seconds:.1f}") if e.seconds else ""
                rows.append((e.name, " · ".join(x for x in (f"v{e.version}", secs) if x)))
            else:
                failed = self.tr("failed: {0}").format(e.error)
                rows.append((e.name, f"v{e.version} · {failed}"))
        if info.tags:
            rows.append(
                (
                    self.tr("Tag scores"),
                    ", ".join(f"{t.tag} {t.score:.2f} ({t.extractor})" for t in info.tags[:24]),
                )
            )
        rows.append((self.tr("Content id"), info.content_id))
        return _table(rows, small=True)


def _similar(services, lib, fid: int) -> tuple[list[tuple[int, object]], dict[int, QImage]]:
    """On the core thread: the files like ``fid`` and their pictures, each cropped to
    one size (128x72, shown at half that) so a list of them lines up."""
    # "Like <this file>" says nothing beside this file's own details: keep how it is alike
    similar = [
        (c.file_id, tuple(r for r in c.why if r.key != "like") or c.why)
        for c in lib.recommender.more_like_this(fid, 10)
    ]
    cids = services.catalog.content_ids(other for other, _why in similar)
    images = {}
    for other, _why in similar:
        path = services.dirs.thumbnail(cids[other]) if other in cids else None
        if path is None or not path.exists():
            continue
        img = QImage(str(path))
        if img.isNull():
            continue
        img = img.scaled(
            128,
            72,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        images[other] = img.copy((img.width() - 128) // 2, (img.height() - 72) // 2, 128, 72)
    return similar, images


def _blank(size: QSize) -> QPixmap:
    """A see-through picture of ``size``: keeps a suggestion without one in line."""
    pm = QPixmap(size * 2)
    pm.fill(QColor(0, 0, 0, 0))
    return pm


WJ = "\u2060"  # word joiner: no line break here
MIN_TAG_SCORE = 0.1  # weaker tags are noise; the technical details still list them


def _table(rows: list[tuple[str, str]], small: bool = False) -> str:
    size = " style='font-size:small'" if small else ""
    return (
        f"<table cellspacing=2{size}>"
        + "".join(
            f"<tr><td style='padding-right:10px'><b>{_esc(k)}</b></td>"
            f"<td>{_esc(breakable(v))}</td></tr>"
            for k, v in rows
        )
        + "</table>"
    )


def _esc(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
