"""The player: QMediaPlayer on a graphics video item, the play queue, radio and history.

One player lives as long as the page (Qt segfaults when Python collects a
player right after ``stop()``), with its QAudioOutput parented to it. Calls that
tear the ffmpeg playback engine down (``stop``, ``setSource``) are queued to the
event loop, which runs them with the GIL released: called from Python they hold
the GIL while the engine's threads are joined, and a thread that destroys its
renderer asks our QAudioOutput wrapper (``disconnectNotify``) for the GIL while it
holds Qt's connection lock, which the main thread then waits for: a deadlock
seen in CI. Each
playback is a session: ``start`` when it first plays, ``progress`` every ten
seconds, ``pause``, ``seek``, ``stop`` (``skip`` when Next leaves it early) and
``complete``; history is written on a worker thread, so a slow disk never
stutters the picture.

What plays comes from a :class:`~medialens.gui.play_queue.PlayQueue`, shown in the Up next
panel. "Play similar" keeps it going: a :class:`~medialens.core.radio.Radio` refilled on a
worker thread as the queue runs low, steered by what is skipped. Video gets subtitles
(sidecar files, drawn over the picture, and embedded streams), a choice of audio and
subtitle track, and chapters (read with PyAV on a worker). When the last item ends, the
page says so instead of showing black at 0:00.
"""

from __future__ import annotations

import copy
import os
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Q_ARG, QEvent, QMetaObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QActionGroup, QKeySequence, QPixmap, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaMetaData, QMediaPlayer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medialens.gui import services as S
from medialens.gui.now_playing import EndedPanel, MusicView
from medialens.gui.play_queue import PlayQueue
from medialens.gui.seek_bar import SeekBar
from medialens.gui.up_next import UpNext
from medialens.gui.video_view import VideoView
from medialens.gui.widgets import heading, muted

if TYPE_CHECKING:
    from medialens.core.catalog import LibraryRow
    from medialens.core.radio import Radio

PROGRESS_EVERY_MS = 10_000
#: Wait this long between the end of one item and the start of the next.
NEXT_AFTER_MS = 600


def _track_name(meta, k: int, tr) -> str:
    """A person's name for an audio or subtitle stream: its title, its language, or a number."""
    from PySide6.QtCore import QLocale

    title = meta.stringValue(QMediaMetaData.Key.Title) if meta is not None else ""
    lang = meta.value(QMediaMetaData.Key.Language) if meta is not None else None
    language = ""
    if lang not in (None, QLocale.Language.AnyLanguage):
        try:
            language = QLocale.languageToString(QLocale.Language(lang))
        except (TypeError, ValueError):
            language = ""
    parts = [p for p in (title, language) if p]
    return " · ".join(dict.fromkeys(parts)) or tr("Track {0}").format(k + 1)


class PlayerPage(QWidget):
    closed = Signal()
    fullscreenRequested = Signal(bool)
    historyChanged = Signal(int)  # file id whose history grew
    nowPlaying = Signal(int)

    def __init__(self, app, parent=None) -> None:
        super().__init__(parent)
        self.app = app
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self.player)  # parented to its player: see the module doc
        self.player.setAudioOutput(self.audio)
        self.devices = QMediaDevices(self)
        self.devices.audioOutputsChanged.connect(self._update_device_notice)
        self.queue = PlayQueue(self)
        self.radio: Radio | None = None
        self._radio_token = 0
        self._refilling = False
        self.file_id: int | None = None
        self.row: LibraryRow | None = None
        self.session: str | None = None
        self.started = False
        self._resume_at = 0.0
        self._sought = False  # the listener seeked in this item: a late resume must not jump
        self._ended = False
        self.finished = False  # the whole queue has played: the ended panel shows
        self.fullscreen = False
        self.cues = None  # sidecar subtitles now shown (core.subtitles.Cues)
        self.sidecars: list[tuple[str, str]] = []  # (path, language) beside the video
        self.subtitle_choice: tuple = ("off",)
        self.chapters: list = []  # core.chapters.Chapter

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(10, 8, 10, 8)
        self.back = QToolButton()
        self.back.clicked.connect(self.close_player)
        self.title = heading("", 1.2)
        self.subtitle = muted(QLabel())
        top.addWidget(self.back)
        top.addSpacing(8)
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.subtitle, 1)
        self.top = QWidget()
        self.top.setLayout(top)
        lay.addWidget(self.top)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setContentsMargins(12, 6, 12, 6)
        self.notice.setStyleSheet("background: rgba(230, 160, 30, 0.25);")
        lay.addWidget(self.notice)

        self.screen = QStackedWidget()
        self.video = VideoView()
        self.video.doubleClicked.connect(self.toggle_fullscreen)
        self.player.setVideoOutput(self.video.output())
        self.last_frame = None
        self._end_image = None  # the last picture of a video that ended, for the ended panel
        self.video.videoSink().videoFrameChanged.connect(self._frame)
        self.video.videoSink().subtitleTextChanged.connect(self._embedded_subtitle)
        self.music = MusicView()
        self.art = self.music.art
        self.ended = EndedPanel()
        self.ended.playAgain.connect(self.play_again)
        self.ended.back.connect(self.close_player)
        for w in (self.video, self.music, self.ended):
            self.screen.addWidget(w)
        self.up_next = UpNext(self.queue, self._describe)
        self.up_next.playRequested.connect(self._play_index)
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.screen)
        self.body.addWidget(self.up_next)
        self.body.setStretchFactor(0, 1)
        self.body.setStretchFactor(1, 0)
        self.body.setSizes([760, 290])
        lay.addWidget(self.body, 1)

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 12, 10)
        bar.setSpacing(4)

        def tool(checkable: bool = False) -> QToolButton:
            b = QToolButton(checkable=checkable)
            b.setAutoRaise(True)
            b.setIconSize(QSize(22, 22))
            return b

        self.prev_button, self.play_button, self.next_button = tool(), tool(), tool()
        for b in (self.prev_button, self.play_button, self.next_button):
            bar.addWidget(b)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.play_button.clicked.connect(self.toggle)
        self.elapsed = QLabel("0:00")
        self.seek = SeekBar()
        self.seek.sliderMoved.connect(lambda v: self.elapsed.setText(S.fmt_time(v / 1000)))
        self.seek.sliderReleased.connect(lambda: self.seek_to(self.seek.value() / 1000))
        self.seek.seekRequested.connect(lambda v: self.seek_to(v / 1000))
        self.total = QLabel("0:00")
        bar.addSpacing(6)
        bar.addWidget(self.elapsed)
        bar.addWidget(self.seek, 1)
        bar.addWidget(self.total)
        bar.addSpacing(6)
        self.shuffle_button = tool(checkable=True)
        self.shuffle_button.toggled.connect(self.queue.set_shuffle)
        self.repeat_button = tool()
        self.repeat_button.clicked.connect(self.queue.cycle_repeat)
        self.queue.modesChanged.connect(self._update_modes)
        self.radio_button = tool(checkable=True)
        self.radio_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.radio_button.clicked.connect(self._radio_clicked)
        self.tracks_button = tool()
        self.tracks_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tracks_menu = QMenu(self)
        self.tracks_menu.aboutToShow.connect(self._fill_tracks_menu)
        self.tracks_button.setMenu(self.tracks_menu)
        self.chapters_button = tool()
        self.chapters_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.chapters_menu = QMenu(self)
        self.chapters_menu.aboutToShow.connect(self._fill_chapters_menu)
        self.chapters_button.setMenu(self.chapters_menu)
        self.queue_button = tool(checkable=True)
        self.queue_button.setChecked(True)
        self.queue_button.toggled.connect(self.up_next.setVisible)
        for b in (
            self.shuffle_button,
            self.repeat_button,
            self.radio_button,
            self.tracks_button,
            self.chapters_button,
            self.queue_button,
        ):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(b)
        self.mute_button = tool(checkable=True)
        self.mute_button.toggled.connect(self.audio.setMuted)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setFixedWidth(100)
        volume = float(self.app.services.store.setting("volume", 0.8) or 0.8)
        self.volume.setValue(int(volume * 100))
        self.audio.setVolume(volume)
        self.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.full_button = tool()
        self.full_button.clicked.connect(self.toggle_fullscreen)
        bar.addSpacing(6)
        bar.addWidget(self.mute_button)
        bar.addWidget(self.volume)
        bar.addWidget(self.full_button)
        self.controls = QWidget()
        self.controls.setLayout(bar)
        lay.addWidget(self.controls)

        self.player.positionChanged.connect(self._position)
        self.player.durationChanged.connect(self._duration)
        self.player.playbackStateChanged.connect(self._state)
        self.player.mediaStatusChanged.connect(self._status)
        self.player.errorOccurred.connect(self._error)
        self.player.tracksChanged.connect(self._update_track_buttons)
        self.audio.mutedChanged.connect(self.mute_button.setChecked)
        self.audio.mutedChanged.connect(lambda _m: self._update_mute_icon())
        self.queue.changed.connect(self._queue_changed)
        self.progress_timer = QTimer(self, interval=PROGRESS_EVERY_MS)
        self.progress_timer.timeout.connect(lambda: self._event("progress"))
        self._next_timer = QTimer(self, singleShot=True, interval=NEXT_AFTER_MS)
        self._next_timer.timeout.connect(self._advance)

        def key(seq, func) -> None:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(func)

        key(Qt.Key.Key_Space, self.toggle)
        key(Qt.Key.Key_K, self.toggle)
        key(Qt.Key.Key_Left, lambda: self.seek_by(-5))
        key(Qt.Key.Key_Right, lambda: self.seek_by(5))
        key(Qt.Key.Key_Up, lambda: self.volume.setValue(self.volume.value() + 5))
        key(Qt.Key.Key_Down, lambda: self.volume.setValue(self.volume.value() - 5))
        key(Qt.Key.Key_F, self.toggle_fullscreen)
        key(Qt.Key.Key_M, lambda: self.audio.setMuted(not self.audio.isMuted()))
        key(Qt.Key.Key_N, self.next)
        key(Qt.Key.Key_P, self.previous)
        key(Qt.Key.Key_S, lambda: self.shuffle_button.toggle())
        key(Qt.Key.Key_R, self.queue.cycle_repeat)
        key(Qt.Key.Key_Q, lambda: self.queue_button.toggle())
        key(Qt.Key.Key_Escape, self._escape)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()
        self._update_device_notice()
        self._update_track_buttons()

    # -- text --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Back"))
        self.back.setToolTip(self.tr("Back to where you were (Esc)"))
        self.prev_button.setIcon(self._icon("SP_MediaSkipBackward"))
        self.prev_button.setToolTip(self.tr("Previous (P)"))
        self.next_button.setIcon(self._icon("SP_MediaSkipForward"))
        self.next_button.setToolTip(self.tr("Next (N)"))
        self._update_play_button()
        self._update_mute_icon()
        self.mute_button.setToolTip(self.tr("Mute (M)"))
        self.volume.setToolTip(self.tr("Volume (↑ ↓)"))
        self.seek.setToolTip(self.tr("Click or drag to seek (← →)"))
        self.full_button.setIcon(self._icon("SP_TitleBarMaxButton"))
        self.full_button.setToolTip(self.tr("Full screen (F)"))
        self.shuffle_button.setText(self.tr("Shuffle"))
        self.shuffle_button.setToolTip(self.tr("Play what comes next in a random order (S)"))
        self.radio_button.setText(self.tr("Play similar"))
        self.radio_button.setToolTip(
            self.tr("Keep playing things like this one, learning from what you skip")
        )
        self.tracks_button.setText(self.tr("Audio & subtitles").replace("&", "&&"))
        self.tracks_button.setToolTip(self.tr("Choose the audio track and the subtitles"))
        self.chapters_button.setText(self.tr("Chapters"))
        self.chapters_button.setToolTip(self.tr("Jump to a chapter"))
        self.queue_button.setText(self.tr("Up next"))
        self.queue_button.setToolTip(self.tr("Show or hide the queue (Q)"))
        self._update_modes()
        self._update_radio_texts()
        self._update_device_notice()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_play_button(self) -> None:
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setIcon(self._icon("SP_MediaPause" if playing else "SP_MediaPlay"))
        self.play_button.setToolTip(
            self.tr("Pause (Space)") if playing else self.tr("Play (Space)")
        )

    def _update_modes(self) -> None:
        if self.shuffle_button.isChecked() != self.queue.shuffle:
            self.shuffle_button.setChecked(self.queue.shuffle)
        texts = {
            "off": self.tr("Repeat: off"),
            "all": self.tr("Repeat: all"),
            "one": self.tr("Repeat: one"),
        }
        self.repeat_button.setText(texts[self.queue.repeat])
        self.repeat_button.setToolTip(self.tr("Repeat nothing, the queue, or this item (R)"))

    def _icon(self, name: str):
        return self.style().standardIcon(getattr(QStyle.StandardPixmap, name))

    def _update_mute_icon(self) -> None:
        muted_ = self.audio.isMuted()
        self.mute_button.setIcon(self._icon("SP_MediaVolumeMuted" if muted_ else "SP_MediaVolume"))

    def has_audio_device(self) -> bool:
        return bool(QMediaDevices.audioOutputs())

    def _update_device_notice(self) -> None:
        if self.has_audio_device():
            self.notice.hide()
        else:
            self.notice.setText(
                self.tr(
                    "No audio output device was found: playback is silent. Connect speakers or headphones and it will be used."
                )
            )
            self.notice.show()
            return
        self.audio.setDevice(QMediaDevices.defaultAudioOutput())

    # -- rows --------------------------------------------------------------------------------

    def _find(self, file_id: int) -> LibraryRow | None:
        return self.app.row(file_id)

    def _describe(self, file_id: int) -> tuple[str, str]:
        row = self._find(file_id)
        if row is None:
            return "…", ""
        return row.title, " — ".join(x for x in (row.artist, row.album) if x)

    def _run(self, func, then) -> None:
        """Work on a file that needs no Library (reading a sidecar, a container's chapters)."""
        bridge = getattr(self.app, "bridge", None)
        if bridge is not None:
            bridge.run(func, then)
        else:
            self.app.run_core(lambda _lib: func(), then)

    # -- playing -----------------------------------------------------------------------------

    def play(self, file_id: int, queue: list[int] | None = None) -> bool:
        """Play a file from where it was left; ``queue`` is the order for next/previous.

        A new ``queue`` ends a radio; playing an item already queued keeps the queue.
        """
        if self._find(file_id) is None:
            return False
        if queue:
            self._stop_radio()
            self.queue.set(queue, file_id)
        elif file_id in self.queue.items:
            self.queue.select(self.queue.items.index(file_id))
        else:
            self._stop_radio()
            self.queue.set([file_id])
        return self._start(file_id)

    def play_similar(self, file_id: int | None = None) -> bool:
        """Start a radio from ``file_id`` (default: what plays now): it plays it, then more like it."""
        seed = self.file_id if file_id is None else file_id
        if seed is None or self._find(seed) is None:
            return False
        if seed != self.file_id or self.finished:
            if not self.play(seed, [seed]):
                return False
        else:
            self.queue.clear_upcoming()
        from medialens.core.radio import Radio

        row = self._find(seed)
        self.radio = Radio(seed, kind=row.kind)
        self.radio.offer(self.queue.items)
        self._radio_token += 1
        self._refilling = False
        self._update_radio_texts()
        self._refill()
        return True

    def enqueue(self, file_ids: list[int]) -> None:
        """Add to the end of the queue (a context menu's "Add to queue")."""
        self.queue.append(file_ids)

    def play_next(self, file_ids: list[int]) -> None:
        self.queue.play_next(file_ids)

    def _start(self, file_id: int) -> bool:
        row = self._find(file_id)
        if row is None:
            return False
        self._next_timer.stop()
        self.stop_session()
        self.file_id, self.row = file_id, row
        self.session = uuid.uuid4().hex
        self.started = False
        self._ended = False
        self.finished = False
        self.title.setText(row.title)
        self.subtitle.setText(" — ".join(x for x in (row.artist, row.album) if x))
        self.elapsed.setText("0:00")
        self.last_frame = None
        self._end_image = None
        self._reset_extras()
        self._show_art(row)
        self._resume_at = 0.0
        self._sought = False
        self.app.run_core(
            lambda lib: lib.events.resume_position(file_id),
            lambda at: self._resume(file_id, at),
        )
        self._queue("setSource", Q_ARG(QUrl, QUrl.fromLocalFile(row.path)))
        self._queue("play")
        self._load_extras(file_id, row)
        self.nowPlaying.emit(file_id)
        self.setFocus()
        self._refill()
        return True

    def _resume(self, file_id: int, at: float) -> None:
        """Seek to where the last play stopped: now if the file is loaded, else once it is."""
        if file_id != self.file_id or at <= 0 or self.position() >= at or self._sought:
            return  # the listener already chose where to be
        loaded = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)
        if self.player.mediaStatus() in loaded:
            self.player.setPosition(int(at * 1000))
        else:
            self._resume_at = at

    def _art_pixmap(self, row: LibraryRow) -> QPixmap:
        thumb = self.app.services.dirs.thumbnail(row.content_id)
        pm = QPixmap(str(thumb)) if thumb.exists() else QPixmap()
        if pm.isNull():
            from PySide6.QtCore import QRectF
            from PySide6.QtGui import QPainter, QPalette

            from medialens.gui.delegates import paint_placeholder

            pm = QPixmap(480, 480)
            p = QPainter(pm)
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            paint_placeholder(p, QRectF(0, 0, 480, 480), row, dark)
            p.end()
        return pm

    def _show_art(self, row: LibraryRow) -> None:
        if row.kind == "video":
            self.screen.setCurrentWidget(self.video)
            return
        self.music.show_item(self._art_pixmap(row), row.title, row.artist or "", row.album or "")
        self.screen.setCurrentWidget(self.music)

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        elif self.file_id is not None:
            if self.finished:
                self.play_again()
            elif self._ended:
                self._start(self.file_id)
            else:
                self.player.play()

    def play_again(self) -> None:
        """From the ended panel: the queue again from its start (or the one item)."""
        first = self.queue.select(0) if len(self.queue) else self.file_id
        if first is not None:
            self._start(first)

    def seek_to(self, seconds: float) -> None:
        if self.finished:  # seeking the finished item plays it again from there
            self._start(self.file_id)
            self._sought = True
            self._resume_at = max(0.0, seconds)
            return
        self._sought = True
        self._resume_at = 0.0
        self.player.setPosition(int(max(0.0, seconds) * 1000))
        self._event("seek", seconds)

    def seek_by(self, delta: float) -> None:
        self.seek_to(self.player.position() / 1000 + delta)

    def next(self) -> None:
        if self.queue.peek(1) is None:
            return
        self._leave(skipping=True)
        self._step(1)

    def previous(self) -> None:
        if self.player.position() > 3000:
            self.seek_to(0)
            return
        self._step(-1)

    def _step(self, step: int) -> None:
        target = self.queue.step(step)
        if target is not None:
            self._start(target)

    def _advance(self) -> None:
        """After an item ended: the next one, or the end of the queue."""
        if self.queue.repeat == "one" and self.file_id is not None:
            self._start(self.file_id)
        elif self.queue.peek(1) is not None:
            self._step(1)
        elif self.radio is not None and self._refilling:
            pass  # the radio's next tracks are on their way: _refilled goes on
        else:
            self._show_finished()

    def _play_index(self, index: int) -> None:
        if index == self.queue.index and not self._ended:
            return
        self._leave(skipping=True)
        target = self.queue.select(index)
        if target is not None:
            self._start(target)

    def _leave(self, skipping: bool) -> None:
        """The listener moves on from the current item: an early leave is a skip."""
        if self.file_id is None or not self.started or self._ended:
            return
        from medialens.recommend.signals import is_early_skip  # what history calls a skip

        duration = (self.player.duration() / 1000) or (self.row.duration if self.row else 0)
        if skipping and is_early_skip(self.position(), float(duration or 0)):
            self._event("skip")
            self._ended = True  # stop_session records no stop after the skip
            if self.radio is not None:
                self.radio.note_skip(self.file_id)

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.top.setVisible(not self.fullscreen)
        self.up_next.setVisible(not self.fullscreen and self.queue_button.isChecked())
        self.fullscreenRequested.emit(self.fullscreen)

    def _escape(self) -> None:
        if self.fullscreen:
            self.toggle_fullscreen()
        else:
            self.close_player()

    def close_player(self) -> None:
        if self.fullscreen:
            self.toggle_fullscreen()
        self._next_timer.stop()
        self.player.pause()
        self.stop_session()
        self.closed.emit()

    def stop_session(self) -> None:
        """End the current session (``stop`` unless it completed) and keep the player alive."""
        if self.session is not None and self.started and not self._ended:
            self._event("stop")
        self.progress_timer.stop()
        self.session = None
        self.started = False
        self._queue("stop")

    def _queue(self, slot: str, *args) -> None:
        """Run one of the player's slots from the event loop, outside Python (module doc)."""
        QMetaObject.invokeMethod(self.player, slot, Qt.ConnectionType.QueuedConnection, *args)

    def _show_finished(self) -> None:
        """The last item ended: its last frame (or art) and what to do now, never black."""
        self.finished = True
        row = self.row
        image = self._end_image if row is not None and row.kind == "video" else None
        if image is not None:
            picture = QPixmap.fromImage(image)
        else:
            picture = self._art_pixmap(row) if row is not None else QPixmap()
        self.ended.show_end(picture, row.title if row else "", len(self.queue))
        self.screen.setCurrentWidget(self.ended)
        self.seek.setValue(self.seek.maximum())
        self.elapsed.setText(self.total.text())
        self._update_play_button()
        self.ended.again.setFocus()

    # -- the queue and the radio -------------------------------------------------------------

    def _queue_changed(self) -> None:
        self._refill()
        if self.finished and self.queue.peek(1) is not None:
            # something was queued after the end: the finished panel offers it
            self.ended.what.setText(self.tr("More is queued: press Next to go on."))

    def _update_radio_texts(self) -> None:
        text = ""
        if self.radio is not None:
            row = self._find(self.radio.seed)
            title = row.title if row is not None else ""
            text = self.tr("Radio: more like “{0}”, learning from what you skip").format(title)
        self.up_next.set_radio(text)
        self.music.set_radio(text)
        if self.radio_button.isChecked() != (self.radio is not None):
            self.radio_button.setChecked(self.radio is not None)

    def _radio_clicked(self, on: bool) -> None:
        if on:
            if not self.play_similar():
                self.radio_button.setChecked(False)
        else:
            self._stop_radio()

    def _stop_radio(self) -> None:
        if self.radio is not None:
            self.radio = None
            self._radio_token += 1
            self._refilling = False
            self._update_radio_texts()

    def _refill(self) -> None:
        """Ask for the radio's next tracks when the queue runs low (on a worker thread)."""
        from medialens.core import radio as radio_mod  # numpy and the model: not at start-up

        radio = self.radio
        if radio is None or self._refilling or self.queue.remaining() >= radio_mod.LOW_WATER:
            return
        self._refilling = True
        token = self._radio_token
        snapshot = copy.deepcopy(radio)
        self.app.run_core(
            lambda lib: radio_mod.next_tracks(lib, snapshot, radio_mod.BATCH),
            lambda ids: self._refilled(token, ids),
            lambda _err: self._refilled(token, []),
        )

    def _refilled(self, token: int, ids: list[int]) -> None:
        if token != self._radio_token or self.radio is None:
            return
        self._refilling = False
        ids = [i for i in ids if self._find(i) is not None and i not in self.radio.offered]
        self.radio.offer(ids)
        self.queue.append(ids)
        if not ids and self._ended and self.queue.peek(1) is None:
            self._show_finished()  # the library has nothing more like it
        elif ids and self._ended and self.queue.peek(1) is not None:
            self._next_timer.start()

    # -- subtitles, tracks, chapters ---------------------------------------------------------

    def _reset_extras(self) -> None:
        self.cues = None
        self.sidecars = []
        self.subtitle_choice = ("off",)
        self.chapters = []
        self.seek.set_marks([])
        self.video.set_caption("")
        self._update_track_buttons()

    def _load_extras(self, file_id: int, row: LibraryRow) -> None:
        """Sidecar subtitles (videos) and chapters, read on a worker thread."""
        path = row.path
        if row.kind == "video":
            from medialens.core.subtitles import sidecars

            self._run(
                lambda: [(str(s.path), s.language) for s in sidecars(path)],
                lambda found: self._sidecars_found(file_id, found),
            )

        def read():
            from medialens.core.chapters import chapters

            return chapters(path)

        self._run(read, lambda found: self._chapters_found(file_id, found))

    def _sidecars_found(self, file_id: int, found: list[tuple[str, str]]) -> None:
        if file_id != self.file_id:
            return
        self.sidecars = found
        if found and self.subtitle_choice == ("off",):
            self.choose_subtitles(("sidecar", found[0][0]))  # shown by default, as players do
        self._update_track_buttons()

    def _chapters_found(self, file_id: int, found: list) -> None:
        if file_id != self.file_id:
            return
        self.chapters = found
        self.seek.set_marks([int(c.start * 1000) for c in found])
        self._update_track_buttons()

    def choose_subtitles(self, choice: tuple) -> None:
        """("off",), ("embedded", stream index) or ("sidecar", path)."""
        self.subtitle_choice = choice
        self.cues = None
        self.video.set_caption("")
        if choice[0] != "embedded" and self.player.activeSubtitleTrack() != -1:
            self.player.setActiveSubtitleTrack(-1)
        if choice[0] == "embedded":
            self.player.setActiveSubtitleTrack(int(choice[1]))
        elif choice[0] == "sidecar":
            from medialens.core.subtitles import Cues, load

            path, fid = choice[1], self.file_id
            self._run(lambda: Cues(load(path)), lambda cues: self._cues_loaded(fid, path, cues))

    def _cues_loaded(self, file_id: int, path: str, cues) -> None:
        if file_id == self.file_id and self.subtitle_choice == ("sidecar", path):
            self.cues = cues
            self.video.set_caption(cues.at(self.position()))

    def _embedded_subtitle(self, text: str) -> None:
        if self.subtitle_choice[0] == "embedded":
            self.video.set_caption(text)

    def choose_audio(self, index: int) -> None:
        self.player.setActiveAudioTrack(index)

    def _update_track_buttons(self) -> None:
        video = self.row is not None and self.row.kind == "video"
        choices = (
            len(self.player.audioTracks()) > 1 or self.player.subtitleTracks() or self.sidecars
        )
        self.tracks_button.setVisible(bool(video and choices))
        self.chapters_button.setVisible(bool(self.chapters))

    def _fill_tracks_menu(self) -> None:
        menu = self.tracks_menu
        menu.clear()
        audio = self.player.audioTracks()
        if len(audio) > 1:
            menu.addSection(self.tr("Audio"))
            group = QActionGroup(menu)
            for k, meta in enumerate(audio):
                act = menu.addAction(_track_name(meta, k, self.tr))
                act.setCheckable(True)
                act.setChecked(k == self.player.activeAudioTrack())
                act.triggered.connect(lambda _c=False, k=k: self.choose_audio(k))
                group.addAction(act)
        menu.addSection(self.tr("Subtitles"))
        group = QActionGroup(menu)
        options: list[tuple[str, tuple]] = [(self.tr("Off"), ("off",))]
        for k, meta in enumerate(self.player.subtitleTracks()):
            options.append((_track_name(meta, k, self.tr), ("embedded", k)))
        for path, language in self.sidecars:
            name = os.path.basename(path)
            options.append(
                (self.tr("{0} (file beside the video)").format(language or name), ("sidecar", path))
            )
        for text, choice in options:
            act = menu.addAction(text)
            act.setCheckable(True)
            act.setChecked(choice == self.subtitle_choice)
            act.triggered.connect(lambda _c=False, c=choice: self.choose_subtitles(c))
            group.addAction(act)

    def current_chapter(self) -> int:
        t = self.position()
        return max((k for k, c in enumerate(self.chapters) if c.start <= t), default=-1)

    def _fill_chapters_menu(self) -> None:
        menu = self.chapters_menu
        menu.clear()
        now = self.current_chapter()
        for k, c in enumerate(self.chapters):
            act = menu.addAction(f"{S.fmt_time(c.start)}   {c.title}")
            act.setCheckable(True)
            act.setChecked(k == now)
            act.triggered.connect(lambda _c=False, at=c.start: self.seek_to(at))

    # -- Qt signals ----------------------------------------------------------------------------

    def _frame(self, frame) -> None:
        if frame.isValid():  # the backend sends an empty frame at the end: keep the last picture
            self.last_frame = frame

    def frame_image(self):
        """The picture now on screen, as a QImage (None before the first frame)."""
        frame = self.last_frame
        if frame is None or not frame.isValid():
            return None
        image = frame.toImage()
        return None if image.isNull() else image

    def _duration(self, ms: int) -> None:
        self.seek.setRange(0, ms)
        self.total.setText(S.fmt_time(ms / 1000))

    def _position(self, ms: int) -> None:
        if self.finished or self._ended and ms == 0:
            return  # the backend rewinds at the end: keep showing where it ended
        if not self.seek.isSliderDown():
            self.seek.setValue(ms)
            self.elapsed.setText(S.fmt_time(ms / 1000))
        if self.cues is not None:
            self.video.set_caption(self.cues.at(ms / 1000))

    def _state(self, state) -> None:
        self._update_play_button()
        if state == QMediaPlayer.PlaybackState.PlayingState:
            if not self.started and self.session is not None:
                self.started = True
                self._event("start")
            self.progress_timer.start()
        elif state == QMediaPlayer.PlaybackState.PausedState:
            self.progress_timer.stop()
            if self.started:
                self._event("pause")

    def _status(self, status) -> None:
        if status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia):
            if self._resume_at > 0:
                self.player.setPosition(int(self._resume_at * 1000))
                self._resume_at = 0.0
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.progress_timer.stop()
            self._end_image = self.frame_image()  # now: the backend lets the frame go soon
            if self.session is not None and not self._ended:
                self._ended = True
                self._event("complete", (self.row.duration if self.row else None))
                if self.radio is not None and self.file_id is not None:
                    self.radio.note_finished(self.file_id)
            self.seek.setValue(self.seek.maximum())
            self.elapsed.setText(self.total.text())
            self._update_play_button()
            self._refill()
            self._next_timer.start()

    def _error(self, error, text: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            self.notice.setText(self.tr("Cannot play this file: {0}").format(text))
            self.notice.show()

    def position(self) -> float:
        return self.player.position() / 1000

    def _event(self, kind: str, position: float | None = None) -> None:
        if self.file_id is None or not getattr(self.app, "record_history", True):
            return
        fid, session = self.file_id, self.session
        pos = self.position() if position is None else position
        duration = (self.player.duration() / 1000) or (self.row.duration if self.row else None)
        self.app.run_core(
            lambda lib: lib.events.record(fid, kind, pos, duration, session),
            lambda recorded: recorded and kind != "progress" and self.historyChanged.emit(fid),
        )


__all__ = ["PlayerPage"]
