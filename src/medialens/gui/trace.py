"""An opt-in trace of what the user feels, for the real-window session benchmark.

``MEDIALENS_TRACE_UI=FILE`` makes the app append JSON lines to FILE:

- ``key``: for each key press in a line edit (the search field), when Qt delivered the
  ``QKeyEvent`` and when that field was next painted, so typing lag can be measured from
  outside the process (wall-clock times, comparable with the driver's own).
- ``stall``: each time the GUI thread did not come back to its event loop for more than
  100 ms (a 20 ms timer that fired late), with how long, and ``where``: the GUI thread's
  innermost frames seen by a watchdog thread while it was stalled (the most frequent one
  first), so a stall names the code that caused it, not only its length; ``others``: what
  the window's other threads were running meanwhile (not waiting), since a GUI thread held
  up in Qt with no Python frame of its own is often waiting for the GIL one of them holds.
- ``gc``: each pass of the garbage collector over its oldest generation that took more than
  20 ms, with how long: such a pass holds the GIL, so it
  stalls the GUI thread whichever thread triggered it.
- ``status``: the status bar's text whenever it changes (``busy`` while its progress bar
  shows), and ``rows``: the largest number of
  cards a grid holds, so "all files found and shown" can be timed.
- ``widgets``: on request (the driver creates ``FILE.want``), a map of what can be clicked
  on screen: buttons, combo boxes, line edits, list items and menu entries with their text
  and global rectangles. A driver that only moves the mouse and types (xdotool) then clicks
  what a user sees, in any language, theme or font, without guessing pixel positions.

Off by default: :func:`install` returns at once when the variable is unset, and nothing here
is imported by the rest of the app.
"""

from __future__ import annotations

import faulthandler
import gc
import json
import os
import re
import tempfile
import threading
import time
from collections import Counter

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMenu,
    QProgressBar,
    QSlider,
    QWidget,
)

ENV = "MEDIALENS_TRACE_UI"
TICK_MS = 20
STALL_MS = 100
SAMPLE_S = 0.025  # the watchdog's look at a stalled GUI thread
FRAMES = 4  # innermost frames kept of each sample
GC_MS = 20  # a full collection longer than this is written down
# where an idle thread sits: a sample of one says nothing about a stall
IDLE = frozenset(
    {"wait", "get", "select", "sleep", "poll", "recv", "recv_bytes", "_recv", "_poll",
     "accept", "readinto", "read", "readline", "_wait_for_tstate_lock", "_watch", "run_forever",
     "_worker"}
)  # fmt: skip


def install(window: QWidget) -> None:
    """Start tracing ``window`` when ``MEDIALENS_TRACE_UI`` names a file; else do nothing."""
    path = os.environ.get(ENV)
    if path:
        window._ui_trace = UiTrace(window, path)  # kept alive by the window


def stacks(scratch) -> dict[int, list[str]]:
    """Every thread's stack as ``file:line function`` lines, innermost first, by thread id.

    Written by :func:`faulthandler.dump_traceback`, which walks all the stacks in C without
    letting go of the GIL. Walking another thread's frames from Python (``f_back``) is not
    safe on CPython 3.11: the thread may return between two bytecodes of the walk, and the
    frame's ``f_back`` then reads freed memory (a sampler doing so crashed the test run).
    """
    scratch.seek(0)
    scratch.truncate()
    faulthandler.dump_traceback(scratch, all_threads=True)
    scratch.flush()
    scratch.seek(0)
    out: dict[int, list[str]] = {}
    lines: list[str] | None = None
    for line in scratch.read().splitlines():
        head = re.match(r"(?:Current thread|Thread) (0x[0-9a-f]+)", line)
        if head:
            lines = out.setdefault(int(head.group(1), 16), [])
            continue
        frame = re.match(r'\s+File "(.*)", line (\d+) in (.*)', line)
        if frame and lines is not None:
            path, number, name = frame.groups()
            lines.append(f"{os.path.basename(path)}:{number} {name}")
    return out


def _rect(w: QWidget) -> list[int]:
    p = w.mapToGlobal(QPoint(0, 0))
    return [p.x(), p.y(), w.width(), w.height()]


class UiTrace(QObject):
    def __init__(self, window: QWidget, path: str) -> None:
        super().__init__(window)
        self.window = window
        self.path = path
        self.out = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - lives with the app
        self.pending: dict[int, list[tuple[float, str]]] = {}
        self.status = None
        self.rows = -1
        self.ticks = 0
        self.last = time.monotonic()
        self.lock = threading.Lock()
        self.samples: Counter[str] = Counter()
        self.others: Counter[str] = Counter()
        self.gui_thread = threading.get_ident()
        self.write("start", pid=os.getpid())
        QApplication.instance().installEventFilter(self)
        self.timer = QTimer(self, interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.done = threading.Event()
        window.destroyed.connect(lambda *_: self.done.set())
        threading.Thread(target=self._watch, name="ui-trace-watchdog", daemon=True).start()
        self.collections: list[tuple[float, float]] = []  # (at, ms)
        self._gc_started = 0.0
        gc.callbacks.append(self._gc)
        callback = self._gc
        window.destroyed.connect(lambda *_: gc.callbacks.remove(callback))

    def _gc(self, phase: str, info: dict) -> None:
        """Time each full collection; runs inside the collector, so it only appends."""
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self._gc_started:
            ms = (time.perf_counter() - self._gc_started) * 1000
            if ms > GC_MS:
                self.collections.append((time.time(), ms))

    def write(self, ev: str, **fields) -> None:
        line = json.dumps({"ev": ev, "t": time.time(), **fields}, ensure_ascii=False)
        with self.lock:
            self.out.write(line + "\n")

    def _watch(self) -> None:
        """Sample the GUI thread's stack while its ticks are late: a Python thread gets the
        GIL between the GUI thread's bytecodes and in every call that releases it, so a
        stall in Python code or in a blocking call shows where it is. Stops with the
        window, and does not sample a tick that has not come for a minute (stopped)."""
        me = threading.get_ident()
        with tempfile.TemporaryFile("w+", encoding="utf-8") as scratch:
            while not self.done.wait(SAMPLE_S):
                late = time.monotonic() - self.last
                if late * 1000 < STALL_MS or late > 60:
                    continue
                frames = stacks(scratch)
                frames.pop(me, None)
                gui = frames.pop(self.gui_thread, [])
                busy = [f for f in frames.values() if f and f[0].split()[-1] not in IDLE]
                with self.lock:
                    self.samples[" < ".join(gui[:FRAMES]) or "(in Qt, no Python frame)"] += 1
                    self.others.update(" < ".join(f[:2]) for f in busy)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(obj, QLineEdit):
            self.pending.setdefault(id(obj), []).append((time.time(), event.text()))
        elif kind == QEvent.Type.Paint and id(obj) in self.pending:
            now = time.time()
            for t_key, text in self.pending.pop(id(obj)):
                self.write("key", text=text, t_key=t_key, t_paint=now, ms=(now - t_key) * 1000)
        return False

    def _tick(self) -> None:
        now = time.monotonic()
        gap = (now - self.last) * 1000
        self.last = now
        with self.lock:
            where = [w for w, _ in self.samples.most_common(3)]
            others = [w for w, _ in self.others.most_common(3)]
            self.samples.clear()
            self.others.clear()
        while self.collections:
            at, ms = self.collections.pop(0)
            self.write("gc", at=at, ms=round(ms, 1))
        if gap > STALL_MS:
            self.write("stall", ms=round(gap, 1), where=where, others=others)
        self.ticks += 1
        if self.ticks % 5:
            return
        if os.path.exists(self.path + ".want"):
            self._write_widgets()
        if self.ticks % 25 == 0:
            self._status()

    def _status(self) -> None:
        bar = self.window.statusBar() if hasattr(self.window, "statusBar") else None
        if bar is not None:
            texts = [bar.currentMessage()]
            texts += [w.text() for w in bar.findChildren(QLabel) if w.isVisible()]
            text = "  |  ".join(dict.fromkeys(t for t in texts if t))
            busy = any(b.isVisible() for b in bar.findChildren(QProgressBar))
            if (text, busy) != self.status:
                self.status = (text, busy)
                self.write("status", text=text, busy=busy)
        grids = [
            v.model().rowCount()
            for v in self.window.findChildren(QListView)
            # a card grid: icon mode, or list mode wrapping left to right (the library's)
            if (v.viewMode() == QListView.ViewMode.IconMode or v.isWrapping())
            and v.model() is not None
        ]
        rows = max(grids, default=0)
        if rows != self.rows:
            self.rows = rows
            self.write("rows", rows=rows)

    def _write_widgets(self) -> None:
        started = time.perf_counter()
        tops = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        out = []
        for top in tops:
            entry = {"title": top.windowTitle(), "cls": type(top).__name__, "rect": _rect(top)}
            entry["active"] = top.isActiveWindow()
            entry["widgets"] = [self._describe(w) for w in self._clickable(top)]
            out.append(entry)
        focus = QApplication.focusWidget()
        data = {"windows": out, "focus": type(focus).__name__ if focus else None}
        tmp = self.path + ".widgets.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, self.path + ".widgets.json")
        os.remove(self.path + ".want")
        self.write("map", ms=round((time.perf_counter() - started) * 1000, 1))

    @staticmethod
    def _clickable(top: QWidget):
        kinds = (QAbstractButton, QComboBox, QLineEdit, QSlider, QAbstractItemView, QMenu)
        if isinstance(top, kinds):
            yield top
        for w in top.findChildren(QWidget):
            # isVisible, not visibleRegion: a scroll area's viewport covers all of it
            if isinstance(w, kinds) and w.isVisible() and w.width() > 0 and w.height() > 0:
                yield w

    @staticmethod
    def _describe(w: QWidget) -> dict:
        d: dict = {"cls": type(w).__name__, "rect": _rect(w), "enabled": w.isEnabled()}
        if isinstance(w, QAbstractButton):
            d["text"] = w.text()
            d["tip"] = w.toolTip()
            d["checked"] = w.isChecked()
        elif isinstance(w, QComboBox):
            d["items"] = [w.itemText(i) for i in range(w.count())]
            d["data"] = [str(w.itemData(i)) for i in range(w.count())]
            d["index"] = w.currentIndex()
        elif isinstance(w, QLineEdit):
            d["text"] = w.text()
            d["placeholder"] = w.placeholderText()
            d["focus"] = w.hasFocus()
        elif isinstance(w, QMenu):
            d["items"] = [
                {"text": a.text(), "rect": _menu_rect(w, a)}
                for a in w.actions()
                if a.isVisible() and not a.isSeparator()
            ]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            d["rows"] = w.model().rowCount()
            vp = w.viewport()
            origin = vp.mapToGlobal(QPoint(0, 0))
            d["viewport"] = [origin.x(), origin.y(), vp.width(), vp.height()]
            items = []
            model = w.model()
            for row in range(min(model.rowCount(), 400)):
                r = w.visualRect(model.index(row, 0))
                if not r.isValid() or not vp.rect().intersects(r):
                    continue
                item = {
                    "row": row,
                    "rect": [origin.x() + r.x(), origin.y() + r.y(), r.width(), r.height()],
                }
                if isinstance(w, QListWidget):
                    it = w.item(row)
                    item["text"] = it.text()
                    item["key"] = it.data(Qt.ItemDataRole.UserRole)
                    item["selected"] = it.isSelected()
                items.append(item)
                if len(items) >= 60:
                    break
            d["items"] = items
        return d


def _menu_rect(menu: QMenu, action) -> list[int]:
    r = menu.actionGeometry(action)
    p = menu.mapToGlobal(r.topLeft())
    return [p.x(), p.y(), r.width(), r.height()]
