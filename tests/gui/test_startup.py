"""Start-up: the command, the screenshot flag, the time to a window, and the Qt-free parts."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from PySide6.QtGui import QImage


def _run(args: list[str], timeout: float = 90) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.multimedia.*=false")
    return subprocess.run(
        [sys.executable, "-m", "medialens.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def test_gui_screenshot_on_first_run_is_fast_and_written(tmp_path):
    out = tmp_path / "shot.png"
    proc = _run(
        [
            "-v",
            "gui",
            "--data-dir",
            str(tmp_path / "data"),
            "--screenshot",
            str(out),
            "--size",
            "1200x800",
        ]
    )
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    shown = re.search(r"window shown after ([\d.]+) s", proc.stderr)
    assert shown, proc.stderr
    assert float(shown.group(1)) < 1.5


def test_gui_help_and_qt_free_modules():
    """``gui`` registers without Qt; services, the indexer and the command import no PySide6."""
    code = (
        "import sys; import medialens.cli, medialens.gui.command, medialens.gui.services, "
        "medialens.gui.indexer; medialens.cli.build_parser(); "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
    help_text = _run(["gui", "--help"]).stdout
    assert "--screenshot" in help_text and "--page" in help_text
