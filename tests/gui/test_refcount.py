"""Guard against the PySide6 build that leaks references to ``None``.

PySide6/shiboken6 6.12.0 on CPython 3.11 drops one reference to ``None`` on every
wrapped call that returns nothing; ``None`` starts near 5,200 references, so the
app aborts with ``Fatal Python error: none_dealloc`` after a few thousand paint
calls. pyproject.toml pins the GUI dependencies away from it; this probe fails if
an install still gets a leaking build (on CPython 3.12+ ``None`` is immortal and
the probe passes trivially).

The probe runs in a child process: on a leaking build 10,000 calls would
deallocate ``None`` and abort the test run itself, so it checks after every
thousand calls and stops as soon as the count falls.
"""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label, pixmap, pen = QLabel(), QPixmap(8, 8), QPen(QColor("red"))
painter = QPainter(pixmap)
start = sys.getrefcount(None)
calls = 0
calls_per_kind = {"QPainter.setPen": painter.setPen, "QWidget.update": label.update,
                  "QLabel.setText": label.setText}
args = {"QPainter.setPen": (pen,), "QWidget.update": (), "QLabel.setText": ("x",)}
for name, call in calls_per_kind.items():
    for _chunk in range(10):  # 10 x 1,000 calls of each kind
        for _ in range(1000):
            call(*args[name])
        calls += 1000
        if start - sys.getrefcount(None) > 100:
            break
    if start - sys.getrefcount(None) > 100:
        break
painter.end()
print(name, calls, start, sys.getrefcount(None))
"""


def test_void_calls_keep_none_references():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, env=env
    )
    assert proc.returncode == 0, f"the probe crashed: {proc.stderr[-2000:]}"
    name, calls, before, after = proc.stdout.split()
    assert int(before) - int(after) < 50, (
        f"sys.getrefcount(None) fell from {before} to {after} after {calls} void calls "
        f"(last: {name}): this PySide6/shiboken6 build leaks references to None and the app "
        "would abort with none_dealloc (see the pin in pyproject.toml)"
    )
