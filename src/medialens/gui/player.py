"""The player: QMediaPlayer + QVideoWidget + QAudioOutput, and the playback history.

One player lives as long as the page (Qt segfaults when Python collects a
player right after ``stop()``), with its QAudioOutput parented to it. Each
playback is a session: ``start`` when it first plays, ``progress`` every ten
seconds, ``pause``, ``seek``, ``stop`` and ``complete``; history is written on
a worker thread, so a slow disk never stutters the picture.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medialens.gui import services as S
from medialens.gui.services import history
from medialens.gui.widgets import heading, muted

PROGRESS_EVERY_MS = 10_000


class _Video(QVideoWidget):
    doubleClicked = Signal()

    def mouseDoubleClickEvent(self, event) -> None:
        self.doubleClicked.emit()


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
        self.queue: list[int] = []
        self.file_id: int | None = None
        self.row: tuple | None = None
        self.session: str | None = None
        self.started = False
        self._resume_at = 0.0
        self._ended = False
        self.fullscreen = False

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
        self.video = _Video()
        self.video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.video.setStyleSheet("background: black;")
        self.video.doubleClicked.connect(self.toggle_fullscreen)
        self.player.setVideoOutput(self.video)
        self.last_frame = None  # for screenshots: grab() cannot see the native video surface
        self.video.videoSink().videoFrameChanged.connect(self._frame)
        self.art = QLabel()
        self.art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.art.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.screen.addWidget(self.video)
        self.screen.addWidget(self.art)
        lay.addWidget(self.screen, 1)

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 12, 10)
        self.prev_button = QToolButton()
        self.play_button = QToolButton()
        self.next_button = QToolButton()
        for b in (self.prev_button, self.play_button, self.next_button):
            b.setAutoRaise(True)
            b.setIconSize(QSize(22, 22))
            bar.addWidget(b)
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.play_button.clicked.connect(self.toggle)
        self.elapsed = QLabel("0:00")
        self.seek = QSlider(Qt.Orientation.Horizontal)
        self.seek.setRange(0, 0)
        self.seek.sliderMoved.connect(lambda v: self.elapsed.setText(S.fmt_time(v / 1000)))
        self.seek.sliderReleased.connect(lambda: self.seek_to(self.seek.value() / 1000))
        self.total = QLabel("0:00")
        bar.addWidget(self.elapsed)
        bar.addWidget(self.seek, 1)
        bar.addWidget(self.total)
        self.mute_button = QToolButton(checkable=True)
        self.mute_button.setAutoRaise(True)
        self.mute_button.toggled.connect(self.audio.setMuted)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setFixedWidth(110)
        volume = float(self.app.services.store.setting("volume", 0.8) or 0.8)
        self.volume.setValue(int(volume * 100))
        self.audio.setVolume(volume)
        self.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.full_button = QToolButton()
        self.full_button.setAutoRaise(True)
        self.full_button.clicked.connect(self.toggle_fullscreen)
        bar.addWidget(self.mute_button)
        bar.addWidget(self.volume)
        bar.addWidget(self.full_button)
        self.controls = QWidget()
        self.controls.setLayout(bar)
        lay.addWidget(self.controls)

        self.player.positionChanged.connect(self._position)
        self.player.durationChanged.connect(
            lambda d: (self.seek.setRange(0, d), self.total.setText(S.fmt_time(d / 1000)))
        )
        self.player.playbackStateChanged.connect(self._state)
        self.player.mediaStatusChanged.connect(self._status)
        self.player.errorOccurred.connect(self._error)
        self.audio.mutedChanged.connect(self.mute_button.setChecked)
        self.audio.mutedChanged.connect(lambda _m: self._update_mute_icon())
        self.progress_timer = QTimer(self, interval=PROGRESS_EVERY_MS)
        self.progress_timer.timeout.connect(lambda: self._event("progress"))

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
        key(Qt.Key.Key_Escape, self._escape)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()
        self._update_device_notice()

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
        self.seek.setToolTip(self.tr("Seek (← →)"))
        self.full_button.setIcon(self._icon("SP_TitleBarMaxButton"))
        self.full_button.setToolTip(self.tr("Full screen (F)"))
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

    def _icon(self, name: str):
        from PySide6.QtWidgets import QStyle

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

    # -- playing -----------------------------------------------------------------------------

    def play(self, file_id: int, queue: list[int] | None = None) -> bool:
        """Play a file from where it was left; ``queue`` is the order for next/previous."""
        row = next((r for r in self.app.all_rows if r[S.ID] == file_id), None)
        if row is None:
            return False
        self.stop_session()
        if queue:
            self.queue = queue
        elif file_id not in self.queue:
            self.queue = [file_id]
        self.file_id, self.row = file_id, row
        self.session = uuid.uuid4().hex
        self.started = False
        self._ended = False
        self.title.setText(row[S.TITLE])
        self.subtitle.setText(" — ".join(x for x in (row[S.ARTIST], row[S.ALBUM]) if x))
        self._show_art(row)
        self._resume_at = 0.0
        self.app.run_core(
            lambda lib: history().resume_position(lib, file_id),
            lambda at: self._resume(file_id, at),
        )
        self.player.setSource(QUrl.fromLocalFile(row[S.PATH]))
        self.player.play()
        self.nowPlaying.emit(file_id)
        self.setFocus()
        return True

    def _resume(self, file_id: int, at: float) -> None:
        """Seek to where the last play stopped: now if the file is loaded, else once it is."""
        if file_id != self.file_id or at <= 0 or self.position() >= at:
            return
        loaded = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia)
        if self.player.mediaStatus() in loaded:
            self.player.setPosition(int(at * 1000))
        else:
            self._resume_at = at

    def _show_art(self, row: tuple) -> None:
        if row[S.KIND] == "video":
            self.screen.setCurrentWidget(self.video)
            return
        self.screen.setCurrentWidget(self.art)
        thumb = self.app.services.dirs.thumbnail(row[S.CID])
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
        self.art.setPixmap(
            pm.scaled(
                420,
                420,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        elif self.file_id is not None:
            if self._ended:
                self.play(self.file_id)
            else:
                self.player.play()

    def seek_to(self, seconds: float) -> None:
        self.player.setPosition(int(max(0.0, seconds) * 1000))
        self._event("seek", seconds)

    def seek_by(self, delta: float) -> None:
        self.seek_to(self.player.position() / 1000 + delta)

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        if self.player.position() > 3000:
            self.seek_to(0)
            return
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.file_id is None or not self.queue:
            return
        i = self.queue.index(self.file_id) if self.file_id in self.queue else -1
        j = i + step
        if 0 <= j < len(self.queue):
            self.play(self.queue[j])

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.top.setVisible(not self.fullscreen)
        self.fullscreenRequested.emit(self.fullscreen)

    def _escape(self) -> None:
        if self.fullscreen:
            self.toggle_fullscreen()
        else:
            self.close_player()

    def close_player(self) -> None:
        if self.fullscreen:
            self.toggle_fullscreen()
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
        self.player.stop()

    # -- Qt signals ----------------------------------------------------------------------------

    def _frame(self, frame) -> None:
        self.last_frame = frame

    def frame_image(self):
        """The picture now on screen, as a QImage (None before the first frame)."""
        frame = self.last_frame
        if frame is None or not frame.isValid():
            return None
        image = frame.toImage()
        return None if image.isNull() else image

    def _position(self, ms: int) -> None:
        if not self.seek.isSliderDown():
            self.seek.setValue(ms)
            self.elapsed.setText(S.fmt_time(ms / 1000))

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
            if self.session is not None and not self._ended:
                self._ended = True
                self._event("complete", (self.row[S.DURATION] if self.row else None))
            self._update_play_button()
            if (
                self.queue
                and self.file_id in self.queue
                and self.queue.index(self.file_id) < len(self.queue) - 1
            ):
                QTimer.singleShot(600, self.next)

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
        duration = (self.player.duration() / 1000) or (self.row[S.DURATION] if self.row else None)
        self.app.run_core(
            lambda lib: history().record_event(lib, fid, kind, pos, duration, session),
            lambda recorded: recorded and kind != "progress" and self.historyChanged.emit(fid),
        )


__all__ = ["PlayerPage"]
