"""Helpers for the GUI tests: open a window on a data folder, wait on the event loop."""

from __future__ import annotations

import time
from pathlib import Path


def wait_until(predicate, timeout: float = 30.0, step_ms: int = 20) -> bool:
    """Process Qt events until ``predicate()`` is true (False on timeout)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, step_ms)
        if predicate():
            return True
        QThread.msleep(step_ms // 2)
    return bool(predicate())


def open_window(data_dir: Path, language: str = "en", size: tuple[int, int] | None = (1280, 800)):
    from PySide6.QtWidgets import QApplication

    from medialens.gui.app import make_app
    from medialens.gui.look import Translations, apply_theme
    from medialens.gui.services import Services
    from medialens.gui.window import MainWindow
    from medialens.paths import data_dirs

    app = make_app()
    apply_theme(app, "light")
    services = Services.open(data_dirs(data_dir))
    translations = Translations(QApplication.instance())
    translations.set(language)
    window = MainWindow(services, translations)
    if size is not None:  # None: the size the window had when it last closed
        window.resize(*size)
    window.show()
    window.start()
    return window


def close_window(window) -> None:
    window.close()
    window.services.close()
    window.deleteLater()
