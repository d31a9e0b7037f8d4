"""Helpers for the GUI tests: open a window on a data folder, wait on the event loop."""

from __future__ import annotations

import contextlib
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


def scanned_songs(root: Path, files: int, *, seed: int, videos: int = 0) -> Path:
    """A data folder whose library holds ``files`` short tagged songs (and ``videos``
    short videos), scanned but not yet analysed: a big grid that opens in seconds."""
    import numpy as np
    from mediagen import make_video, write_audio

    from medialens.core.library import Library
    from medialens.paths import data_dirs

    media = root / "media"
    media.mkdir()
    rng = np.random.default_rng(seed)
    sr = 8000
    for i in range(files):
        t = np.arange(int(sr * 0.3)) / sr
        tone = 0.3 * np.sin(2 * np.pi * (180 + 5 * i) * t) * rng.uniform(0.5, 1.0)
        write_audio(
            media / f"song {i:03d}.wav",
            tone.astype(np.float32),
            sr,
            tags={"artist": f"Artist {i % 23}", "album": f"Album {i % 41}", "title": f"Song {i}"},
        )
    for i in range(videos):
        make_video(
            media / f"clip {i}.mp4", seconds=6.0, size=(160, 120), audio_freq=440.0 + 220 * i
        )
    data = root / "data"
    lib = Library(data_dirs(data))
    lib.add_folders([media])
    lib.scan()
    lib.close()
    return data


@contextlib.contextmanager
def session_over(lib, translations=None):
    """A GUI Session on an open Library, as the app has once its worker opened it; closes
    the session and its services (not the library) afterwards."""
    from medialens.gui.services import Services
    from medialens.gui.session import Session

    services = Services.open(lib.dirs)
    services.library = lib
    services.library_ready.set_result(lib)
    session = Session(services) if translations is None else Session(services, translations)
    try:
        yield session
    finally:
        session.close()
        services.library = None
        services.close()
