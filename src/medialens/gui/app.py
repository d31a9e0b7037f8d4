"""Start the app: QApplication, fonts, language, theme, the window; then the heavy parts.

The window is shown before anything slow happens: the library rows load on a
worker thread and the plugins (librosa, onnxruntime…) are imported by the
engine on another, after the first paint.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from medialens.gui import services as S
from medialens.gui import trace
from medialens.gui.look import ICON, Translations, apply_fonts, apply_theme

log = logging.getLogger(__name__)


M_ARENA_MAX = -8  # glibc's mallopt parameter


def bound_malloc_arenas(limit: int = 2) -> bool:
    """Let at most ``limit`` malloc arenas serve every thread of the window process.

    glibc gives each new thread its own arena (up to 8 per core) and rarely hands an
    arena's freed pages back. The video player's decoder and render threads come and
    go with every file, so the window grew with every video played: 271 -> 328 MB over
    18 short videos and still climbing, against 213 -> 240 MB, flat after the ninth,
    with two arenas. Call it before threads start; ``MALLOC_ARENA_MAX`` in the
    environment still wins. False where there is no glibc.
    """
    if os.environ.get("MALLOC_ARENA_MAX") or not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False
    return bool(mallopt(M_ARENA_MAX, limit))


def make_app(argv: list[str] | None = None) -> QApplication:
    # Qt's raster engine hands every large fill, blit and image scale to a pool of
    # threads and waits for them. The GUI thread then sleeps until those threads get a
    # core, which on a busy 2-core machine (the indexer, the X server) is often later
    # than doing the work itself: with the pool, a 4-minute session had 248 stalls over
    # 100 ms; without it, 196, and the longest away from quitting went from 1.8 s to 1.5 s.
    # Read once, when Qt first paints, so set it before any window exists.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    bound_malloc_arenas()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Medialens")
    app.setApplicationDisplayName("Medialens")
    app.setOrganizationName("Medialens")
    app.setDesktopFileName("io.github.medialens.Medialens")
    app.setStyle("Fusion")
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    return app


def run(args) -> int:
    started = time.perf_counter()
    from medialens.paths import data_dirs

    app = make_app()
    dirs = data_dirs(getattr(args, "data_dir", None))
    services = _open_or_explain(app, dirs, args)
    if services is None:
        return 1  # a dialog said why; nothing was created in the lost library's place
    store = services.store
    theme = getattr(args, "theme", None) or str(store.setting("theme", "system") or "system")
    apply_theme(app, theme)
    translations = Translations(app)
    translations.set(getattr(args, "language", None) or str(store.setting("language", "") or ""))

    from medialens.gui.window import MainWindow

    window = MainWindow(services, translations)
    trace.install(window)  # MEDIALENS_TRACE_UI=FILE: key latency, stalls, widget map
    size = getattr(args, "size", None)
    if size or not window.restored:  # --size wins over the size the window last had
        w, _, h = (size or "1360x860").partition("x")
        window.resize(int(w), int(h))
    window.show()
    log.info("window shown after %.2f s", time.perf_counter() - started)
    window.shown_after = time.perf_counter() - started
    QTimer.singleShot(0, window.start)
    if getattr(args, "screenshot", None):
        window.screenshot = Screenshot(window, args)  # keep it alive
    code = app.exec()
    services.close()
    # Everything the user owns is closed and flushed above (database, history, the
    # indexer process). Leave now instead of letting interpreter shutdown garbage-collect
    # Qt's widgets and models: after a 100,000-row library, PySide6 on Python 3.11 aborts
    # there with a refcount error on True/False ("bool_dealloc"), every time.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _open_or_explain(app: QApplication, dirs, args) -> S.Services | None:
    """Open the library, or say in a dialog why it cannot be (damaged, missing, read-only,
    newer...) and offer to restore it: the store's settings are out of reach then, so the
    dialog speaks the language and theme asked for on the command line, else the system's."""
    from medialens.core.catalog import Catalog
    from medialens.gui.faults import open_services

    try:
        if not Catalog.upgrade_pending(dirs):
            return S.Services.open(dirs)
        from medialens.gui.upgrade_notice import open_while_telling

        apply_theme(app, getattr(args, "theme", None) or "system")
        words = Translations(app)
        words.set(getattr(args, "language", None) or "")
        try:
            return open_while_telling(app, lambda: S.Services.open(dirs))
        finally:
            words.set("en")  # uninstalled: the window installs the library's own choice
    except Exception as exc:
        if S.fault_event(exc, dirs.database) is None:
            raise
    apply_theme(app, getattr(args, "theme", None) or "system")
    translations = Translations(app)
    translations.set(getattr(args, "language", None) or "")
    services = open_services(dirs)
    translations.set("en")  # uninstalled: the window installs the library's own choice
    return services


def _paint_video(pixmap, window, player) -> None:
    """Draw the current video frame where the video widget is: its surface is native."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QPainter

    image = player.frame_image()
    video = player.video
    if image is None or not video.isVisible():
        return
    top_left = video.mapTo(window, QPoint(0, 0))
    dpr = pixmap.devicePixelRatio()
    area = QRect(top_left, video.size())
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.fillRect(area, QColor("black"))
    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRect(0, 0, size.width(), size.height())
    target.moveCenter(area.center())
    painter.drawImage(target, image)
    painter.end()
    del dpr


class Screenshot:
    """Drive the window to a page, wait until it is loaded and painted, save it, quit."""

    def __init__(self, window, args) -> None:
        self.window = window
        self.args = args
        window.session.record_history = False  # a screenshot's playback is not the user's history
        self.path = Path(args.screenshot)
        self.deadline = time.monotonic() + 120
        self.idle_until = time.monotonic() + float(args.wait_idle or 0)
        if window._is_ready:
            QTimer.singleShot(0, self._wait_idle)
        else:
            window.ready.connect(self._wait_idle)

    def _wait_idle(self) -> None:
        w = self.window
        p = w.session.progress
        busy = w.session.busy
        waiting_for_library = w.services.library is None and w.services.library_error is None
        if time.monotonic() < self.idle_until and (busy or waiting_for_library or p is None):
            QTimer.singleShot(250, self._wait_idle)
            return
        if self.args.wait_idle:
            w.session.load_rows()
            QTimer.singleShot(800, self._navigate)
        else:
            self._navigate()

    def _first(self, kind: str | None):
        """The newest available file (of ``kind``): read by pages in the store's order, so a
        screenshot of a large library does not read every row first."""
        catalog = self.window.services.catalog
        ids = catalog.order("added", True, kind=kind)
        for start in range(0, len(ids), 200):
            for r in catalog.rows_of(ids[start : start + 200]):
                if r.available:
                    return r
        return None

    def _navigate(self) -> None:
        w = self.window
        from medialens.gui.window import NAV  # the sidebar's pages

        page = self.args.page
        wait = 900
        if page in (*NAV, "welcome"):
            w.go(page)
        if page in ("video", "music", "all"):
            QTimer.singleShot(
                300, lambda: w.library.grid.setCurrentIndex(w.library.model.index(0, 0))
            )
        if page == "list":
            w.go("all")
            w.library.list_button.setChecked(True)
            w.library.sort_by(0, Qt.SortOrder.AscendingOrder)
            QTimer.singleShot(400, lambda: w.library.table.selectRow(0))
        if page == "details":
            w.go("video")
            row = self._first("video") or self._first(None)
            if row is not None:
                QTimer.singleShot(400, lambda: w.library.select_id(row.id))
            wait = 1500
        if page == "search" or self.args.search:
            w.search.setText(self.args.search or "a")
            wait = 1500
        if page == "player":
            row = self._first("video") or self._first(None)
            if row is not None:
                w.session.play(row.id)
                QTimer.singleShot(2200, w.player.player.pause)
            wait = 3000
        QTimer.singleShot(wait, self._save)

    def _save(self) -> None:
        w = self.window
        w._repaint_views()
        QApplication.processEvents()
        QTimer.singleShot(250, self._grab)

    def _grab(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        pixmap = self.window.grab()
        player = self.window.player
        if self.window.stack.currentWidget() is player and hasattr(player, "frame_image"):
            _paint_video(pixmap, self.window, player)
        ok = pixmap.save(str(self.path))
        if not ok:
            print(f"medialens: could not write {self.path}", file=sys.stderr)
        self.window.close()
        QGuiApplication.instance().exit(0 if ok else 1)


__all__ = ["run", "make_app", "apply_fonts", "apply_theme", "Translations"]
