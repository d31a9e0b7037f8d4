"""How the app looks and speaks: translations, fonts with CJK fallback, light or dark."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parent / "i18n"
#: The app's icon: the window, the task bar and the sidebar's brand.
ICON = Path(__file__).resolve().parent / "resources" / "medialens.svg"
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
    repolish(app)


def repolish(app: QApplication) -> None:
    """Make style sheets follow the palette just set.

    A style sheet's ``palette(window)`` is resolved to a colour when the widget is
    polished, so a live switch of theme left the sidebar light; setting each sheet
    again resolves it against the new palette.

    Only the open windows and their children are restyled: ``allWidgets()`` also
    returns widgets of closed windows waiting for deletion, and restyling those
    crashed a test run that opened a window right after closing another.
    """
    from PySide6.QtWidgets import QWidget
    from shiboken6 import isValid

    for window in app.topLevelWidgets():
        if not isValid(window) or not window.isVisible():
            continue
        for widget in [window, *window.findChildren(QWidget)]:
            if isValid(widget):
                _restyle(widget)


def _restyle(widget) -> None:
    sheet = widget.styleSheet()
    if sheet:
        widget.setStyleSheet("")
        widget.setStyleSheet(sheet)


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
    # disabled text (the sidebar's section titles, greyed-out buttons) is muted, as in light
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#75767c"))
    return p
