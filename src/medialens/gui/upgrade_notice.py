"""A small window that says the library is being updated while its migrations run.

Opening a library written by an older Medialens makes a backup and then migrates it in
place. At 10^6 files that takes a minute or more (the full-text index alone is rebuilt in
~60 s), and it happens before the main window exists: without a word the app looked as if
it had failed to start. The store opens on a worker thread while this window shows and
the event loop keeps it painted.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

T = TypeVar("T")

POLL_MS = 50


class UpgradeNotice(QWidget):
    """ "Updating your library…" with a busy bar; it cannot be closed, only waited for."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint)
        self.setWindowTitle("Medialens")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(10)
        self.title = QLabel(self.tr("Updating your library for this version of Medialens…"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.detail = QLabel(
            self.tr(
                "This happens once. A large library can take a few minutes. A backup was "
                "made first, and your files and history are kept."
            )
        )
        self.detail.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: a migration does not report how far it is
        self.bar.setTextVisible(False)
        for w in (self.title, self.detail, self.bar):
            lay.addWidget(w)
        self.setMinimumWidth(460)


def open_while_telling(app: QApplication, open_: Callable[[], T]) -> T:
    """``open_()`` on a worker thread while an :class:`UpgradeNotice` shows; its result,
    or the exception it raised (raised here, on the GUI thread, for the caller's
    handling of a damaged or unreadable library)."""
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["value"] = open_()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread as it is
            outcome["error"] = exc

    notice = UpgradeNotice()
    notice.show()
    worker = threading.Thread(target=work, name="medialens-upgrade", daemon=True)
    worker.start()
    loop = QEventLoop()
    poll = QTimer(interval=POLL_MS)
    poll.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    poll.start()
    if worker.is_alive():
        loop.exec()
    poll.stop()
    worker.join()
    notice.close()
    notice.deleteLater()
    app.processEvents()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
