"""The opt-in UI trace: off unless asked, and when on it times keys and maps the widgets."""

from __future__ import annotations

import json
import threading

from PySide6.QtWidgets import QComboBox, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

from medialens.gui import trace


def window_with_search(qtbot) -> tuple[QMainWindow, QLineEdit]:
    win = QMainWindow()
    body = QWidget()
    lay = QVBoxLayout(body)
    edit = QLineEdit()
    lay.addWidget(edit)
    lay.addWidget(QPushButton("Add folder…"))
    combo = QComboBox()
    combo.addItem("Light", "light")
    combo.addItem("Dark", "dark")
    lay.addWidget(combo)
    win.setCentralWidget(body)
    win.statusBar().showMessage("Analysing 3 of 9")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win, edit


def events(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_off_by_default(qtbot, monkeypatch, tmp_path):
    monkeypatch.delenv(trace.ENV, raising=False)
    win, _edit = window_with_search(qtbot)
    trace.install(win)
    assert not hasattr(win, "_ui_trace")
    assert list(tmp_path.iterdir()) == []


def test_times_each_key_and_maps_the_widgets(qtbot, monkeypatch, tmp_path):
    log = tmp_path / "trace.jsonl"
    monkeypatch.setenv(trace.ENV, str(log))
    win, edit = window_with_search(qtbot)
    trace.install(win)
    edit.setFocus()
    qtbot.keyClicks(edit, "abc")
    qtbot.waitUntil(lambda: len([e for e in events(log) if e["ev"] == "key"]) == 3)
    keys = [e for e in events(log) if e["ev"] == "key"]
    assert [k["text"] for k in keys] == ["a", "b", "c"]
    assert all(k["t_key"] <= k["t_paint"] and k["ms"] >= 0 for k in keys)

    (tmp_path / "trace.jsonl.want").write_text("1")
    widgets = tmp_path / "trace.jsonl.widgets.json"
    qtbot.waitUntil(widgets.exists, timeout=3000)
    (main,) = json.loads(widgets.read_text())["windows"]
    found = {w["cls"]: w for w in main["widgets"]}
    assert found["QLineEdit"]["text"] == "abc"
    assert found["QPushButton"]["text"] == "Add folder…"
    assert found["QComboBox"]["data"] == ["light", "dark"]
    _x, _y, width, height = found["QPushButton"]["rect"]
    assert width > 0 and height > 0
    qtbot.waitUntil(lambda: any(e["ev"] == "status" for e in events(log)), timeout=3000)
    status = next(e for e in events(log) if e["ev"] == "status")
    assert "Analysing 3 of 9" in status["text"]
    win._ui_trace.timer.stop()


def busy_for_a_while(seconds: float) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(1000))


def background_work(seconds: float) -> None:
    busy_for_a_while(seconds)


def test_a_stall_names_the_code_that_held_the_gui_thread(qtbot, monkeypatch, tmp_path):
    log = tmp_path / "trace.jsonl"
    monkeypatch.setenv(trace.ENV, str(log))
    win, _edit = window_with_search(qtbot)
    trace.install(win)
    qtbot.wait(100)
    other = threading.Thread(target=background_work, args=(0.5,))
    other.start()
    busy_for_a_while(0.4)
    other.join()
    qtbot.waitUntil(lambda: any(e["ev"] == "stall" for e in events(log)), timeout=3000)
    stall = next(e for e in events(log) if e["ev"] == "stall")
    assert stall["ms"] >= 300
    assert "busy_for_a_while" in stall["where"][0]
    assert "test_trace.py" in stall["where"][0]
    assert any("background_work" in o for o in stall["others"])
    win._ui_trace.timer.stop()


def test_rows_counts_a_wrapping_list_grid(qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QListView

    log = tmp_path / "trace.jsonl"
    monkeypatch.setenv(trace.ENV, str(log))
    win, _edit = window_with_search(qtbot)
    grid = QListView()  # the library's card grid: list mode, flowing and wrapping
    grid.setFlow(QListView.Flow.LeftToRight)
    grid.setWrapping(True)
    grid.setModel(QStringListModel([f"card {i}" for i in range(7)]))
    win.centralWidget().layout().addWidget(grid)
    plain = QListView()  # a plain list is not a grid of cards
    plain.setModel(QStringListModel([f"row {i}" for i in range(30)]))
    win.centralWidget().layout().addWidget(plain)
    trace.install(win)
    qtbot.waitUntil(lambda: any(e["ev"] == "rows" for e in events(log)), timeout=3000)
    assert [e["rows"] for e in events(log) if e["ev"] == "rows"] == [7]
    win._ui_trace.timer.stop()


def test_a_long_full_collection_is_written_down(qtbot, monkeypatch, tmp_path):
    import gc

    log = tmp_path / "trace.jsonl"
    monkeypatch.setenv(trace.ENV, str(log))
    win, _edit = window_with_search(qtbot)
    trace.install(win)
    held = [(i, [i]) for i in range(600_000)]  # tracked objects a full pass has to walk
    gc.collect()
    qtbot.waitUntil(lambda: any(e["ev"] == "gc" for e in events(log)), timeout=3000)
    assert next(e for e in events(log) if e["ev"] == "gc")["ms"] > trace.GC_MS
    del held
    win._ui_trace.timer.stop()
