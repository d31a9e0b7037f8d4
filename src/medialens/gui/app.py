"""Start the app: QApplication, fonts, language, theme, the window; then the heavy parts.

The window is shown before anything slow happens: the library rows load on a
worker thread and the plugins (librosa, onnxruntime…) are imported by the
engine on another, after the first paint.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from medialens.gui import services as S

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
I18N = HERE / "i18n"
ICON = HERE / "resources" / "medialens.svg"
LANGUAGES = ("en", "zh_CN")


class Translations:
    """Our .qm and Qt's own, swapped at run time (widgets retranslate on LanguageChange)."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.ours = QTranslator(app)
        self.qt = QTranslator(app)
        self.code = "en"

    def set(self, code: str | None) -> str:
        if not code:
            code = "zh_CN" if QLocale.system().name().startswith("zh") else "en"
        self.app.removeTranslator(self.ours)
        self.app.removeTranslator(self.qt)
        self.code = code
        if code != "en":
            if self.ours.load(str(I18N / f"medialens_{code}.qm")):
                self.app.installTranslator(self.ours)
            else:
                log.warning("no translation for %s", code)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if self.qt.load(f"qtbase_{code}", qt_dir):
                self.app.installTranslator(self.qt)
        apply_fonts(self.app, code)
        return code


def apply_fonts(app: QApplication, code: str) -> None:
    """A UI font with CJK fallback, so Chinese titles and the Chinese UI never show boxes."""
    families = set(QFontDatabase.families())
    cjk = [
        f
        for f in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
        if f in families
    ]
    latin = [f for f in ("Noto Sans", "Inter", "Cantarell", "DejaVu Sans") if f in families]
    order = (cjk + latin) if code.startswith("zh") else (latin + cjk)
    if not order:
        return
    font = QFont(app.font())
    font.setFamilies(order)
    app.setFont(font)


def apply_theme(app: QApplication, theme: str | None) -> None:
    """Follow the system (default) or force light or dark: Fusion derives the palette."""
    hints = app.styleHints()
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(theme or "system", Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    if theme == "dark" and app.palette().color(app.palette().ColorRole.Window).lightness() > 128:
        app.setPalette(_dark_palette())
    elif theme in ("light", "system", None) and scheme != Qt.ColorScheme.Dark:
        app.setPalette(app.style().standardPalette())


def _dark_palette():
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    R = QPalette.ColorRole
    for role, color in (
        (R.Window, "#1f2024"), (R.WindowText, "#e8e8ea"), (R.Base, "#17181b"),
        (R.AlternateBase, "#222328"), (R.Text, "#e8e8ea"), (R.Button, "#2a2b30"),
        (R.ButtonText, "#e8e8ea"), (R.Highlight, "#3d6fd8"), (R.HighlightedText, "#ffffff"),
        (R.ToolTipBase, "#2a2b30"), (R.ToolTipText, "#e8e8ea"), (R.PlaceholderText, "#8d8e94"),
        (R.Mid, "#3a3b40"), (R.Midlight, "#303136"), (R.Dark, "#121316"), (R.Light, "#45464c"),
        (R.Accent, "#3d6fd8"), (R.Link, "#6d9bff"),
    ):  # fmt: skip
        p.setColor(role, QColor(color))
    return p


def make_app(argv: list[str] | None = None) -> QApplication:
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
    services = S.Services.open(data_dirs(getattr(args, "data_dir", None)))
    store = services.store
    theme = getattr(args, "theme", None) or str(store.setting("theme", "system") or "system")
    apply_theme(app, theme)
    translations = Translations(app)
    translations.set(getattr(args, "language", None) or str(store.setting("language", "") or ""))

    from medialens.gui.window import MainWindow

    window = MainWindow(services)
    window.translations = translations
    window.settings_page.languageChanged.connect(lambda code: _change_language(window, code))
    window.settings_page.themeChanged.connect(lambda t: _change_theme(window, t))
    w, _, h = (getattr(args, "size", None) or "1360x860").partition("x")
    window.resize(int(w), int(h))
    window.show()
    log.info("window shown after %.2f s", time.perf_counter() - started)
    window.shown_after = time.perf_counter() - started
    QTimer.singleShot(0, window.start)
    if getattr(args, "screenshot", None):
        window.screenshot = Screenshot(window, args)  # keep it alive
    code = app.exec()
    services.close()
    return code


def _change_language(window, code: str) -> None:
    window.translations.set(code)
    window.bridge.run(lambda: window.services.store.set_setting("language", code))


def _change_theme(window, theme: str) -> None:
    apply_theme(QApplication.instance(), theme)
    window.bridge.run(lambda: window.services.store.set_setting("theme", theme))


class Screenshot:
    """Drive the window to a page, wait until it is loaded and painted, save it, quit."""

    def __init__(self, window, args) -> None:
        self.window = window
        self.args = args
        self.path = Path(args.screenshot)
        self.deadline = time.monotonic() + 120
        self.idle_until = time.monotonic() + float(args.wait_idle or 0)
        if window._is_ready:
            QTimer.singleShot(0, self._wait_idle)
        else:
            window.ready.connect(self._wait_idle)

    def _wait_idle(self) -> None:
        w = self.window
        p = w.status.progress
        busy = w.status.scanning or (p is not None and p.total and p.done < p.total)
        waiting_for_library = w.services.library is None and w.services.library_error is None
        if time.monotonic() < self.idle_until and (busy or waiting_for_library or p is None):
            QTimer.singleShot(250, self._wait_idle)
            return
        if self.args.wait_idle:
            w._load_rows()
            QTimer.singleShot(800, self._navigate)
        else:
            self._navigate()

    def _first(self, kind: str | None):
        rows = [
            r
            for r in self.window.all_rows
            if r[S.AVAILABLE] and (kind is None or r[S.KIND] == kind)
        ]
        rows.sort(key=lambda r: -(r[S.ADDED] or 0))
        return rows[0] if rows else None

    def _navigate(self) -> None:
        w = self.window
        page = self.args.page
        wait = 900
        if page in (
            "foryou",
            "all",
            "video",
            "music",
            "folders",
            "plugins",
            "activity",
            "settings",
            "welcome",
        ):
            w.go(page)
        if page in ("video", "music", "all"):
            QTimer.singleShot(
                300, lambda: w.library.grid.setCurrentIndex(w.library.model.index(0, 0))
            )
        if page == "details":
            w.go("video")
            row = self._first("video") or self._first(None)
            if row is not None:
                QTimer.singleShot(400, lambda: w.library.select_id(row[S.ID]))
            wait = 1500
        if page == "search" or self.args.search:
            w.search.setText(self.args.search or "a")
            wait = 1500
        if page == "player":
            row = self._first("video") or self._first(None)
            if row is not None:
                w.play(row[S.ID])
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
        ok = self.window.grab().save(str(self.path))
        if not ok:
            print(f"medialens: could not write {self.path}", file=sys.stderr)
        self.window.close()
        QGuiApplication.instance().exit(0 if ok else 1)


__all__ = ["run", "make_app", "apply_fonts", "Translations"]
