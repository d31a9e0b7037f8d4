"""Everything known about the selected file: facts, tags, analysis, more like this."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QPalette, QPixmap
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

from medialens.core.catalog import FileDetails
from medialens.gui import services as S
from medialens.gui.models import kind_name, tr_reason
from medialens.gui.session import Session
from medialens.gui.widgets import EmptyState, heading, muted


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
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(280)
        body = QWidget()
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(16, 12, 16, 16)
        lay.setSpacing(8)
        self.picture = QLabel()
        self.picture.setMinimumHeight(150)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        self.extractors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.similar_title = heading("", 1.05)
        self.similar = QListWidget()
        self.similar.setFrameShape(QFrame.Shape.NoFrame)
        self.similar.setMinimumHeight(260)
        self.similar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        if self._info is not None:
            self._fill(self._info)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _feedback(self, kind: str) -> None:
        if self.file_id is not None:
            self.feedbackRequested.emit(self.file_id, kind)

    def show_file(self, file_id: int | None) -> None:
        self.file_id = file_id
        self.widget().setVisible(file_id is not None)
        if file_id is None:
            self._info = None
            return
        fid = file_id
        services = self.session.services

        def work(lib):
            from PySide6.QtGui import QImage

            from medialens.core import recommendations

            info = services.catalog.details(fid)
            if lib is None:
                return info, [], {}
            similar = [(c.file_id, c.why) for c in recommendations.more_like_this(lib, fid, 10)]
            cids = services.catalog.content_ids(other for other, _why in similar)
            images = {}
            for other, _why in similar:
                path = services.dirs.thumbnail(cids[other]) if other in cids else None
                if path is not None and path.exists():
                    img = QImage(str(path))
                    if not img.isNull():
                        images[other] = img.scaled(
                            128,
                            72,
                            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                            Qt.TransformationMode.SmoothTransformation,
                        )
            return info, similar, images

        def loaded(result) -> None:
            self._loaded(fid, result)

        # details and "more like this" in one go, once the Library is open; without it, details
        self.session.run_core(
            work, loaded, lambda _err: self.session.bridge.run(lambda: work(None), loaded)
        )

    def refresh(self) -> None:
        if self.file_id is not None:
            self.show_file(self.file_id)

    def _loaded(self, fid: int, result) -> None:
        if fid != self.file_id:
            return  # the selection moved on
        info, similar, images = result
        if info is None:
            return
        self._info = info
        self._similar = similar
        self._images = images
        self._fill(info)

    def _fill(self, info: FileDetails) -> None:
        pm = QPixmap(str(info.thumbnail)) if info.thumbnail.exists() else QPixmap()
        width = max(200, self.viewport().width() - 32)
        if not pm.isNull():
            self.picture.setPixmap(
                pm.scaled(
                    QSize(width, int(width * 9 / 16)),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.picture.show()
        else:
            self.picture.hide()
        meta = info.metadata
        tags = meta.get("tags") or {}
        self.title.setText(info.title)
        sub = [x for x in (tags.get("artist"), tags.get("album")) if x]
        self.subtitle.setText(" — ".join(sub) or kind_name(info.kind))
        self.like.setChecked(info.feedback == "like")
        self.dislike.setChecked(info.feedback == "dislike")
        self.play.setEnabled(info.available)
        facts = [
            (self.tr("Kind"), kind_name(info.kind)),
            (self.tr("Duration"), S.fmt_time(info.duration)),
        ]
        if meta.get("width"):
            facts.append(
                (
                    self.tr("Picture"),
                    f"{meta['width']}×{meta['height']}"
                    + (f", {meta['fps']:g} fps" if meta.get("fps") else ""),
                )
            )
        codecs = "/".join(x for x in (meta.get("video_codec"), meta.get("audio_codec")) if x)
        if codecs:
            facts.append((self.tr("Format"), f"{meta.get('container', '')} ({codecs})"))
        if tags.get("date"):
            facts.append((self.tr("Date"), tags["date"][:10]))
        facts.append(
            (self.tr("Added"), time.strftime("%Y-%m-%d %H:%M", time.localtime(info.added_at)))
        )
        facts.append(
            (
                self.tr("Played"),
                self.tr("{0} times").format(info.plays) if info.plays else self.tr("never"),
            )
        )
        if not info.available:
            facts.append((self.tr("Status"), self.tr("unavailable (file or disk missing)")))
        facts.append((self.tr("File"), info.path))
        self.facts.setText(
            "<table cellspacing=2>"
            + "".join(
                f"<tr><td style='padding-right:10px'><b>{_esc(k)}</b></td><td>{_esc(v)}</td></tr>"
                for k, v in facts
            )
            + "</table>"
        )
        hl = self.palette().color(QPalette.ColorRole.Highlight)
        if info.tags:
            chips = " ".join(
                f"<span style='background-color:rgba({hl.red()},{hl.green()},{hl.blue()},{int(40 + 120 * s)});'>"
                f"&nbsp;{_esc(t).replace(' ', '&nbsp;')}&nbsp;<small>{s:.2f}</small>&nbsp;</span>"
                for t, s, _e in info.tags
                if s >= 0.1
            ) or self.tr("Only weak tags so far.")
            self.tags.setText(chips)
        else:
            self.tags.setText(self.tr("No tags yet: they appear when analysis finishes."))
        lines = []
        for e in info.extractors:
            if e.ok:
                secs = f" · {e.seconds:.1f} s" if e.seconds else ""
                lines.append(f"✓ {_esc(e.name)} <small>v{_esc(e.version)}{secs}</small>")
            else:
                lines.append(
                    f"<span style='color:#d9534f'>✗ {_esc(e.name)}</span> <small>{_esc(e.error)}</small>"
                )
        self.extractors.setText("<br>".join(lines) or self.tr("Not analysed yet."))
        self.similar.clear()
        rows = {r.id: r for r in self.session.all_rows}
        for fid, why in getattr(self, "_similar", []):
            r = rows.get(fid)
            if r is None:
                continue
            item = QListWidgetItem(f"{r.title}\n{tr_reason(why)}")
            item.setData(Qt.ItemDataRole.UserRole, fid)
            item.setToolTip(r.path)
            img = getattr(self, "_images", {}).get(fid)
            if img is not None:
                from PySide6.QtGui import QIcon

                item.setIcon(QIcon(QPixmap.fromImage(img)))
            self.similar.addItem(item)
        self.similar_title.setVisible(self.similar.count() > 0)
        self.similar.setVisible(self.similar.count() > 0)


def _esc(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
