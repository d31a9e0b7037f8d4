"""A fault of the library database, said in the app: one sentence, what to do, and Restore.

The store names each fault (:mod:`medialens.store.faults`) and the CLI prints its sentence.
The app says the same in the user's language: :class:`FaultWords` turns a fault's kind (its
class name, which also crosses the indexer's pipe as a plain string) and path into a
translated sentence and advice; the store's own sentence, with SQLite's detail, is kept
for the details. At start-up :func:`open_services` shows :func:`fault_box` instead of a
traceback, never creates an empty library in place of a lost one, and can put back the
newest good backup (``medialens doctor --restore``) off the GUI thread, then open it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from medialens.gui import services as S
from medialens.paths import DataDirs

log = logging.getLogger(__name__)

#: The faults a backup can mend (the others need the user: space, permissions, an upgrade).
RESTORABLE = ("DatabaseDamaged", "DatabaseMissing", "DatabaseGone")


class FaultWords(QObject):
    """The app's words for each database fault (translated; the paths stay as they are)."""

    def sentence(self, kind: str, path: str) -> str:
        if kind == "DatabaseDamaged":
            return self.tr("The library database {0} is damaged.").format(path)
        if kind == "DatabaseMissing":
            return self.tr("The library database {0} is missing.").format(path)
        if kind == "DatabaseGone":
            return self.tr(
                "The library database {0} was deleted or replaced while Medialens was running."
            ).format(path)
        if kind == "DatabaseReadOnly":
            return self.tr("The library database {0} is read-only.").format(path)
        if kind == "DatabaseTooNew":
            return self.tr(
                "The library database {0} was written by a newer version of Medialens."
            ).format(path)
        if kind == "DiskFull":
            return self.tr("The disk holding the library database ({0}) is full.").format(
                str(Path(path).parent)
            )
        return self.tr("The library database {0} cannot be used.").format(path)

    def advice(self, kind: str) -> str:
        if kind == "DatabaseDamaged":
            return self.tr(
                "It was left untouched. Restoring it puts back the newest good backup and "
                "the whole playback history (from a terminal: medialens doctor --restore)."
            )
        if kind == "DatabaseMissing":
            return self.tr(
                "If it is on a disk that is not mounted, mount it and start Medialens again. "
                "Otherwise restore it: the newest backup and the whole playback history come "
                "back (from a terminal: medialens doctor --restore; medialens doctor --rebuild "
                "starts afresh with your folders and history)."
            )
        if kind == "DatabaseGone":
            return self.tr(
                "Indexing stopped so that nothing more is written into a lost file. Quit "
                "Medialens and run medialens doctor to see what is there now."
            )
        if kind == "DatabaseReadOnly":
            return self.tr(
                "Medialens must be able to write to it and to its folder: make them writable "
                "(or remount the disk read-write), or start with another --data-dir."
            )
        if kind == "DatabaseTooNew":
            return self.tr("Upgrade Medialens to open it; the file was left untouched.")
        if kind == "DiskFull":
            return self.tr(
                "Indexing is paused and resumes by itself when there is space again; nothing "
                "stored so far is lost. Free some space on that disk."
            )
        return self.tr("The file was left untouched; medialens doctor says more.")

    def status(self, kind: str) -> str:
        """The status bar's few words, until the fault is gone."""
        if kind == "DiskFull":
            return self.tr("Indexing paused: the disk is full (it resumes when there is space)")
        return self.tr("Indexing stopped: the library database cannot be written")

    def title(self) -> str:
        return self.tr("Medialens cannot open your library")

    def restore_button(self) -> str:
        return self.tr("Restore from backup")

    def quit_button(self) -> str:
        return self.tr("Quit")

    def restoring(self) -> str:
        return self.tr("Restoring the library from its newest good backup…")

    def restore_failed(self) -> str:
        return self.tr("The library could not be restored.")


def fault_box(
    kind: str, path: str, detail: str, *, can_restore: bool, parent: QWidget | None = None
) -> QMessageBox:
    """The start-up dialog for a fault, built but not shown (``exec()`` or ``show()`` it).

    Its buttons are Quit and, when ``can_restore``, Restore from backup (``box.restore``).
    """
    words = FaultWords()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(words.title())
    box.setText(words.sentence(kind, path))
    box.setInformativeText(words.advice(kind))
    box.setDetailedText(detail)  # the store's own sentence, with SQLite's words
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.restore = None  # type: ignore[attr-defined]
    if can_restore:
        box.restore = box.addButton(  # type: ignore[attr-defined]
            words.restore_button(), QMessageBox.ButtonRole.AcceptRole
        )
    quit_ = box.addButton(words.quit_button(), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.restore or quit_)  # type: ignore[attr-defined]
    box.setEscapeButton(quit_)
    return box


def has_backup(dirs: DataDirs) -> bool:
    from medialens.core.faults import backup_count

    return backup_count(dirs.database) > 0


class Restorer(QObject):
    """Runs ``medialens doctor --restore`` on a thread of its own; ``finished(report, error)``
    arrives on the GUI thread (``error`` empty on success)."""

    finished = Signal(object, str)

    def __init__(self, dirs: DataDirs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dirs = dirs
        self.report: dict | None = None
        self.error: str | None = None
        self.finished.connect(self._keep)

    def start(self) -> None:
        threading.Thread(target=self._run, name="medialens-restore", daemon=True).start()

    def _run(self) -> None:
        from medialens.core import doctor

        try:
            report, error = doctor.restore(self.dirs), ""
        except Exception as exc:  # DoctorError, or the disk itself failing: said in the box
            log.warning("restore failed: %s", exc)
            report, error = {}, str(exc) or type(exc).__name__
        self.finished.emit(report, error)

    def _keep(self, report: dict, error: str) -> None:
        self.report, self.error = (report or None), (error or None)

    @property
    def done(self) -> bool:
        return self.report is not None or self.error is not None


def restore_with_progress(dirs: DataDirs) -> str | None:
    """Restore with a busy dialog while the doctor works; None on success, else why not."""
    words = FaultWords()
    progress = QProgressDialog(words.restoring(), "", 0, 0)
    progress.setWindowTitle(words.title())
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.show()
    restorer = Restorer(dirs)
    loop = QEventLoop()
    restorer.finished.connect(lambda *_: loop.quit())
    restorer.start()
    if not restorer.done:
        loop.exec()
    progress.close()
    return restorer.error


def open_services(dirs: DataDirs) -> S.Services | None:
    """The library's services, or None once a dialog has said why it cannot be opened.

    A fault of the database is shown in :func:`fault_box`, never a traceback, and nothing
    takes the lost library's place; a damaged or missing one can be restored from the
    dialog and is then opened.
    """
    while True:
        try:
            return S.Services.open(dirs)
        except Exception as exc:
            fault = S.fault_event(exc, dirs.database)  # every DatabaseError, SQLite's too
            if fault is None:
                raise
            kind, path, detail = fault
        box = fault_box(kind, path, detail, can_restore=kind in RESTORABLE and has_backup(dirs))
        box.exec()
        if box.restore is None or box.clickedButton() is not box.restore:  # type: ignore[attr-defined]
            return None
        error = restore_with_progress(dirs)
        if error is not None:
            words = FaultWords()
            failed = QMessageBox(QMessageBox.Icon.Critical, words.title(), "")
            failed.setText(words.restore_failed())
            failed.setInformativeText(error)
            failed.exec()
            return None
