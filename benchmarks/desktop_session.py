"""A real-window session of the desktop app, driven like a user would, with measurements.

    python benchmarks/desktop_session.py [--minutes 15] [--out DIR] [--screenshots DIR]

Starts Xvfb (1600x1000x24) and a small window manager on a free display, then
`medialens gui` on a fresh data folder; adds the real media folder through the welcome
page (click "Add folder…", type the path in the folder dialog), then, with xdotool only,
indexes, browses every page in both languages and both themes, plays, skips, seeks,
searches while playing and while indexing, and opens the file menus (queue and radio
entries are used when the build has them). After every step it saves a screenshot
(`import -window root`) into DIR/shots and a line in DIR/steps.tsv; it stops at once when
the app dies, keeping its stderr in DIR/stderr.txt. At the end it prints what it measured:
time to the first mapped window, time until the grid holds every file, peak and final RSS of
the window process, keystroke latency in the search field while indexing, and GUI stalls.

Where to click comes from the app's opt-in UI trace (``MEDIALENS_TRACE_UI``, see
``medialens.gui.trace``): a map of the buttons, list items and menu entries on screen with
their global rectangles, checked against `xdotool getwindowgeometry`.

`--screenshots DIR` also saves the README's screenshots (DIR/foryou.png, library.png, …:
the window alone, 1360x860) from the session, once the library is indexed.

Needs (Debian, nothing is installed by this script):
    apt-get install -y --no-install-recommends xvfb xdotool imagemagick openbox x11-utils
and the real media of the test suite (`make media`: .media/ with video, music, speech, sounds).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN = "1600x1000x24"
SIZE = "1360x860"
TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "import": "imagemagick", "xwininfo": "x11-utils"}
WMS = ("openbox", "fluxbox")
NAV = ("foryou", "all", "video", "music", "folders", "plugins", "activity", "settings")
QUERIES = ("electronic", "piano", "voicemail", "thank you", "bells", "city", "goodbye", "drum")
MATCH_S = 10.0
READMESHOTS = {"foryou", "library", "details", "list", "music", "search", "player", "plugins",
               "activity", "folders", "settings", "foryou-dark", "foryou-zh_CN", "welcome"}  # fmt: skip
CRASH_MARKS = ("Fatal Python error", "Segmentation fault", "core dumped")


class Crash(Exception):
    """The app is gone: stop the session and say why."""


class Session:
    def __init__(self, args) -> None:
        self.args = args
        self.out = Path(args.out)
        self.shots = self.out / "shots"
        self.shots.mkdir(parents=True, exist_ok=True)
        self.readme = Path(args.screenshots) if args.screenshots else None
        self.readme_done: set[str] = set()
        self.tmp = Path(tempfile.mkdtemp(prefix="medialens-session-"))
        self.data = self.tmp / "data"
        self.trace = self.out / "trace.jsonl"
        self.steplog = open(self.out / "steps.tsv", "w", encoding="utf-8")  # noqa: SIM115
        self.steplog.write("n\tseconds\tstep\tscreenshot\tvm_rss_mb\n")
        self.nstep = 0
        self.procs: list[subprocess.Popen] = []
        self.files: list = []
        self.stderr_path = self.out / "stderr.txt"
        self.app: subprocess.Popen | None = None
        self.wid: str | None = None
        self.t0 = 0.0
        self.rss_peak_seen = 0
        self.children_peak = 0
        self.sent_keys: list[tuple[float, float, str]] = []  # (before, after, char) while indexing
        self.indexing = True
        self.language = "en"
        self.theme = "light"
        self.rng = random.Random(8)
        self.notes: list[str] = []
        self.map_waits: list[float] = []
        self.last_round = False
        self.missing: set[str] = set()  # file-menu entries this build does not have

    # -- processes -------------------------------------------------------------------------

    def start_display(self) -> None:
        r, w = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(w), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=self.log_file("xvfb.txt"),
        )  # fmt: skip
        os.close(w)
        self.procs.append(xvfb)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(r, 16)
            if not chunk:
                raise SystemExit("Xvfb did not start (see xvfb.txt)")
            number += chunk
        os.close(r)
        self.display = f":{number.decode().strip()}"
        self.env = dict(os.environ, DISPLAY=self.display)
        wm = next(w for w in WMS if shutil.which(w))
        self.procs.append(
            subprocess.Popen(
                [wm], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
        time.sleep(1.0)

    def log_file(self, name: str):
        """A file a child process writes to; closed when the session ends."""
        f = open(self.out / name, "w")  # noqa: SIM115 - outlives this call, closed in stop()
        self.files.append(f)
        return f

    def launch(self) -> None:
        exe = Path(sys.executable).with_name("medialens")
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "medialens.cli"]
        cmd += ["-v", "gui", "--data-dir", str(self.data), "--size", SIZE]
        env = dict(
            self.env,
            QT_QPA_PLATFORM="xcb",
            MEDIALENS_TRACE_UI=str(self.trace),
            LANG="en_US.UTF-8",
            LANGUAGE="en",
            PYTHONFAULTHANDLER="1",
        )
        env.pop("QT_LOGGING_RULES", None)
        self.t0 = time.time()
        self.app = subprocess.Popen(
            cmd, env=env, stdout=self.log_file("stdout.txt"), stderr=self.log_file("stderr.txt")
        )  # fmt: skip
        deadline = self.t0 + 120
        while not self.wid:
            # poll rather than `search --sync`, which looks only twice a second
            self.wid = self.xdo("search", "--onlyvisible", "--name", "^Medialens$").strip()
            if time.time() > deadline:
                raise Crash("no window after 120 s")
            self.check()
            time.sleep(0.02)
        self.first_window = time.time() - self.t0
        self.wid = self.wid.split()[0]
        self.check()

    def stop(self) -> None:
        if self.app is not None and self.app.poll() is None:
            try:
                self.key("ctrl+q")
                self.app.wait(timeout=30)
            except (subprocess.TimeoutExpired, Crash, subprocess.CalledProcessError):
                self.app.send_signal(signal.SIGTERM)
                try:
                    self.app.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.app.kill()
        for p in reversed(self.procs):
            p.terminate()
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
        for f in self.files:
            f.close()

    def check(self) -> None:
        """Raise Crash when the app exited or wrote a fatal error."""
        text = self.stderr_path.read_text(errors="replace") if self.stderr_path.exists() else ""
        mark = next((m for m in CRASH_MARKS if m in text), None)
        code = self.app.poll() if self.app else None
        if code is not None or mark:
            raise Crash(f"the app {'exited with code ' + str(code) if code is not None else 'wrote'} "
                        f"{mark or ''} (stderr kept in {self.stderr_path})")  # fmt: skip

    def rss(self) -> tuple[int, int]:
        """(VmRSS, VmHWM) of the window process in kB."""
        vals = {}
        try:
            for line in Path(f"/proc/{self.app.pid}/status").read_text().splitlines():
                if line.startswith(("VmRSS", "VmHWM")):
                    k, v = line.split(":")
                    vals[k] = int(v.split()[0])
        except OSError:
            return 0, 0
        return vals.get("VmRSS", 0), vals.get("VmHWM", 0)

    def children_rss(self) -> int:
        """VmRSS of the window process's children (the indexer) in kB, summed."""
        total = 0
        kids = []
        for task in Path(f"/proc/{self.app.pid}/task").glob("*"):  # any thread may spawn one
            with contextlib.suppress(OSError):
                kids += (task / "children").read_text().split()
        for kid in kids:
            with contextlib.suppress(OSError, ValueError):
                for line in Path(f"/proc/{kid}/status").read_text().splitlines():
                    if line.startswith("VmRSS"):
                        total += int(line.split()[1])
        return total

    # -- xdotool -----------------------------------------------------------------------------

    def xdo(self, *args: str) -> str:
        proc = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True)
        return proc.stdout

    def key(self, *keys: str) -> None:
        self.xdo("key", "--clearmodifiers", *keys)

    def type(self, text: str, gap: float = 0.12, timed: bool = False) -> None:
        """Type like a person, one key at a time; remember when each key left."""
        for ch in text:
            before = time.time()
            self.xdo("type", "--delay", "0", ch)
            after = time.time()
            if timed:
                self.sent_keys.append((before, after, ch))
            time.sleep(gap)

    def move(self, x: float, y: float) -> None:
        self.xdo("mousemove", str(int(x)), str(int(y)))
        time.sleep(0.03)

    def click(self, x: float, y: float, button: int = 1, repeat: int = 1) -> None:
        self.move(x, y)
        time.sleep(0.05)
        self.xdo("click", "--repeat", str(repeat), "--delay", "80", str(button))

    def wheel(self, x: float, y: float, down: bool, clicks: int) -> None:
        self.move(x, y)
        for _ in range(clicks):
            self.xdo("click", "5" if down else "4")
            time.sleep(0.04)

    def geometry(self) -> tuple[int, int, int, int]:
        """The window's client area on the root window. (`xdotool getwindowgeometry` adds the
        window manager's frame offset a second time, so ask xwininfo.)"""
        out = subprocess.run(["xwininfo", "-id", self.wid], env=self.env, capture_output=True,
                             text=True).stdout  # fmt: skip
        g = {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}
        return (int(g["Absolute upper-left X"]), int(g["Absolute upper-left Y"]),
                int(g["Width"]), int(g["Height"]))  # fmt: skip

    # -- what is on screen -------------------------------------------------------------------

    def widgets(self) -> dict:
        """The app's map of clickable widgets right now (see medialens.gui.trace)."""
        want = Path(str(self.trace) + ".want")
        done = Path(str(self.trace) + ".widgets.json")
        mtime = done.stat().st_mtime if done.exists() else 0
        want.write_text("1")
        asked = time.time()
        deadline = time.time() + 10
        while time.time() < deadline:
            self.check()
            if done.exists() and done.stat().st_mtime != mtime and not want.exists():
                self.map_waits.append(time.time() - asked)
                return json.loads(done.read_text())
            time.sleep(0.05)
        raise Crash("the app stopped answering (no widget map in 10 s: the GUI thread is stuck)")

    def find(self, pred, m: dict | None = None, window: str = "MainWindow") -> dict | None:
        m = m or self.widgets()
        for win in m["windows"]:
            if window == "popup" and win["cls"] == "MainWindow":
                continue
            if window not in ("", "popup") and win["cls"] != window:
                continue
            for w in win["widgets"]:
                if pred(w):
                    return w
        return None

    @staticmethod
    def center(rect) -> tuple[float, float]:
        x, y, w, h = rect
        return x + w / 2, y + h / 2

    def sidebar(self, m: dict | None = None) -> dict:
        return self.find(
            lambda w: (
                w["cls"] in ("QListWidget", "Sidebar")
                and any(i.get("key") == "foryou" for i in w.get("items") or ())
            ),
            m,
        )

    def nav(self, key: str) -> None:
        bar = self.sidebar()
        item = next(i for i in bar["items"] if i.get("key") == key)
        self.click(*self.center(item["rect"]))

    def grid(self, m: dict | None = None) -> dict | None:
        """The biggest visible card grid or table with items."""
        m = m or self.widgets()
        views = [
            w
            for win in m["windows"]
            if win["cls"] == "MainWindow"
            for w in win["widgets"]
            if "viewport" in w
            and w.get("items")
            and w["cls"] not in ("QListWidget", "Sidebar", "QHeaderView", "QTreeWidget")
        ]
        views.sort(key=lambda w: -(w["viewport"][2] * w["viewport"][3]))
        return views[0] if views else None

    def wait_grid(self, timeout: float = 10) -> dict | None:
        """The page's grid once it shows cards: pages fill in after a worker answers."""
        deadline = time.time() + timeout
        while True:
            g = self.grid()
            if g is not None or time.time() > deadline:
                return g
            time.sleep(0.3)

    def button(self, *texts: str, m: dict | None = None, window: str = "MainWindow") -> dict | None:
        return self.find(
            lambda w: (
                w["cls"] in ("QPushButton", "QToolButton")
                and (w["text"] in texts or w.get("tip") in texts)
                and w["enabled"]
            ),
            m,
            window,
        )

    # -- steps -------------------------------------------------------------------------------

    def step(self, what: str, settle: float = 0.8, readme: str | None = None) -> None:
        time.sleep(settle)
        self.check()
        self.nstep += 1
        name = f"{self.nstep:04d}-{slug(what)}.png"
        subprocess.run(
            ["import", "-window", "root", str(self.shots / name)], env=self.env, check=False
        )
        rss, hwm = self.rss()
        self.rss_peak_seen = max(self.rss_peak_seen, hwm)
        self.children_peak = max(self.children_peak, self.children_rss())
        t = time.time() - self.t0
        self.steplog.write(f"{self.nstep}\t{t:.1f}\t{what}\t{name}\t{rss / 1024:.0f}\n")
        self.steplog.flush()
        print(f"{t:7.1f} s  {self.nstep:4d}  {what}", flush=True)
        self.check_indexing()
        if readme and self.readme is not None and readme not in self.readme_done:
            self.readme_shot(readme)

    def readme_shot(self, name: str) -> None:
        if name != "welcome" and self.indexing and not self.last_round:
            return  # the README shows an indexed library
        self.readme.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["import", "-window", self.wid, str(self.readme / f"{name}.png")],
            env=self.env,
            check=False,
        )
        self.readme_done.add(name)

    def elapsed_min(self) -> float:
        return (time.time() - self.t0) / 60

    def check_indexing(self) -> None:
        """Indexing is over when the status bar's progress bar, once shown, is hidden again."""
        if not self.indexing or not hasattr(self, "folder_chosen"):
            return  # before the folder is added, the empty library is "up to date"
        seen_busy, busy, text = False, True, ""
        for ev in read_trace(self.trace):
            if ev["ev"] == "status" and ev["t"] >= self.t0 + self.folder_chosen:
                seen_busy |= ev["busy"]
                busy, text = ev["busy"], ev["text"]
        if seen_busy and not busy:
            self.indexing = False
            self.indexed_at = time.time() - self.t0
            print(f"         indexing done after {self.indexed_at:.0f} s: {text}", flush=True)

    # -- the scenario ------------------------------------------------------------------------

    def add_media_by_clicking(self) -> None:
        self.step("first window: welcome page", 1.5, readme="welcome")
        m = self.widgets()
        win = next(w for w in m["windows"] if w["cls"] == "MainWindow")
        if list(self.geometry()) != win["rect"]:
            self.notes.append(
                f"xwininfo says {self.geometry()}, Qt says {win['rect']}: clicks may miss"
            )
        add = self.button("Add folder…", m=m)
        if add is None:
            raise Crash("no 'Add folder…' button on the welcome page")
        self.click(*self.center(add["rect"]))
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "Add a folder"],
            env=self.env, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        dialog = found.stdout.split()[0]
        self.step("folder dialog open", 1.0)
        m = self.widgets()
        edit = self.find(lambda w: w["cls"] == "QLineEdit", m, window="QFileDialog")
        if edit is not None:
            self.click(*self.center(edit["rect"]))
        self.key("ctrl+a")
        self.type(str(Path(self.args.media).resolve()), gap=0.01)
        self.step("media folder typed in the dialog", 0.5)
        self.key("Escape")  # close the completer's popup, if any, not the dialog
        time.sleep(0.3)
        if not self.xdo("search", "--onlyvisible", "--name", "Add a folder").strip():
            self.click(*self.center(add["rect"]))  # Escape closed the dialog: once more, no popup
            subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "Add a folder"],
                           env=self.env, timeout=30, capture_output=True)  # fmt: skip
            self.key("ctrl+a")
            self.type(str(Path(self.args.media).resolve()), gap=0.01)
        choose = self.button("Choose", "&Choose", m=self.widgets(), window="QFileDialog")
        if choose is not None:
            self.click(*self.center(choose["rect"]))
        else:
            self.key("Return")
        del dialog
        self.folder_chosen = time.time() - self.t0
        self.step("folder chosen: the library starts filling", 1.5)

    def search_while_indexing(self) -> None:
        """Ctrl+F and type queries one key at a time, timed, while files are analysed."""
        for q in self.rng.sample(QUERIES, 3):
            self.key("ctrl+f")
            time.sleep(0.2)
            self.type(q, timed=self.indexing)
            self.step(f"search while indexing: {q}", 1.0)
            self.key("ctrl+a", "BackSpace")
            time.sleep(0.3)
        self.key("ctrl+2")
        g = self.wait_grid()
        if g:
            self.wheel(*self.center(g["viewport"]), down=True, clicks=8)
            self.step("scroll the All grid while indexing", 0.5)
            self.wheel(*self.center(g["viewport"]), down=False, clicks=8)

    @property
    def plain(self) -> bool:
        return (self.language, self.theme) == ("en", "light")

    @property
    def look(self) -> str:
        return f"({self.language}, {self.theme})"

    def set_look(self, language: str, theme: str) -> None:
        """Settings: pick the theme, then the language, in their combo boxes, by mouse."""
        self.nav("settings")
        self.step(f"settings {self.look}", 0.8)
        for data, value in (("dark", theme), ("zh_CN", language)):
            combo = self.find(lambda w, d=data: w["cls"] == "QComboBox" and d in w["data"])
            if combo is None:
                self.notes.append(f"no combo box with {data} in Settings")
                continue
            target = combo["data"].index(value)
            if target == combo["index"]:
                continue
            self.click(*self.center(combo["rect"]))
            time.sleep(0.5)
            popup = self.find(
                lambda w: w["cls"] in ("QListView", "QComboBoxListView"), window="popup"
            )
            item = next((i for i in popup["items"] if i["row"] == target), None) if popup else None
            if item is not None:
                self.click(*self.center(item["rect"]))
            else:
                steps = target - combo["index"]
                self.key(*(["Down"] * steps if steps > 0 else ["Up"] * -steps), "Return")
            time.sleep(1.0)
        self.language, self.theme = language, theme
        self.step(f"settings switched to {language}, {theme}", 1.0)

    def open_page(self, key: str, readme: str | None = None) -> None:
        self.nav(key)
        self.step(f"page {key} {self.look}", 1.5, readme=readme)

    def browse_pages(self) -> None:
        for key in NAV:
            shot = None
            if self.plain and key in ("foryou", "plugins", "activity", "folders", "settings"):
                shot = key
            elif key == "foryou" and (self.language, self.theme) == ("en", "dark"):
                shot = "foryou-dark"
            elif key == "foryou" and (self.language, self.theme) == ("zh_CN", "light"):
                shot = "foryou-zh_CN"
            self.open_page(key, shot)
            if key not in ("all", "video", "music", "foryou"):
                continue
            g = self.wait_grid()
            if g is None:
                self.step(f"no cards on {key} {self.look}", 0.1)
                continue
            self.wheel(*self.center(g["viewport"]), down=True, clicks=12)
            self.step(f"scroll {key} down {self.look}", 0.5)
            self.wheel(*self.center(g["viewport"]), down=False, clicks=12)
            if key == "foryou":
                continue
            g = self.wait_grid()
            if g:
                first = key != "all" or self.plain
                card = g["items"][0 if first else self.rng.randrange(min(6, len(g["items"])))]
                self.click(*self.center(card["rect"]))
                name = {"all": "library", "video": "details", "music": "music"}[key]
                self.step(f"select a card on {key}: details {self.look}", 1.5,
                          readme=name if self.plain else None)  # fmt: skip
            if key == "all":
                lst = self.button("☰")
                if lst:
                    self.click(*self.center(lst["rect"]))
                    self.step(f"list view {self.look}", 1.0, readme="list" if self.plain else None)
                    grid = self.button("▦")
                    if grid:
                        self.click(*self.center(grid["rect"]))

    def play_and_search(self) -> None:
        look, plain = self.look, self.plain
        # music: double-click a card, pause, seek, next, search while playing, back
        self.key("ctrl+4")
        g = self.wait_grid()
        if g:
            card = self.rng.choice(g["items"][:8])
            self.click(*self.center(card["rect"]), repeat=2)
            self.step(f"double-click a music card: player {look}", 2.0)
            self.key("space")
            self.step(f"space: pause {look}", 0.6)
            self.key("space")
            self.key("Right", "Right", "Right")
            self.step(f"right x3: seek {look}", 0.8)
            self.key("n")
            self.step(f"n: next in queue {look}", 1.5)
            self.key("ctrl+f")
            q = self.rng.choice(QUERIES)
            self.type(q)
            self.step(f"search while playing: {q} {look}", 1.5)
            self.key("Escape")
            time.sleep(0.3)
            self.key("Escape")
            self.step(f"escape x2 {look}", 0.8)
        # video: from Video, play the first one
        self.key("ctrl+3")
        g = self.wait_grid()
        if g:
            self.click(*self.center(g["items"][0]["rect"]), repeat=2)
            self.step(f"double-click a video: it plays {look}", 2.2)
            self.key("space")
            self.step(f"space: video paused {look}", 0.6, readme="player" if plain else None)
            self.key("Left")
            self.key("space")
            self.step(f"left, space: plays again {look}", 1.0)
            self.key("Escape")
            self.step(f"escape from the video {look}", 0.8)
        # For you: search, double-click a result, then back (issue 8's painted-over player)
        self.key("ctrl+1")
        time.sleep(1.0)
        self.key("ctrl+f")
        self.type("electronic")
        self.step(
            f"search from For you: electronic {look}", 2.0, readme="search" if plain else None
        )
        g = self.wait_grid()
        if g:
            self.click(*self.center(g["items"][0]["rect"]), repeat=2)
            self.step(f"double-click a search result {look}", 2.0)
            self.key("Escape")
            self.step(f"escape: back from the player {look}", 1.0)
        self.key("ctrl+f")
        self.key("ctrl+a", "BackSpace")
        self.step(f"search cleared {look}", 1.0)
        self.queue_and_radio()

    def queue_and_radio(self) -> None:
        """Right-click cards; use queue / radio entries when the file menu has them."""
        self.key("ctrl+4")
        g = self.wait_grid()
        if not g:
            return
        wanted = {
            "queue": ("queue", "队列"),
            "next": ("play next", "下一"),
            "radio": ("similar", "radio", "相似", "电台"),
        }
        for name, words in wanted.items():
            card = self.rng.choice(g["items"][:10])
            self.click(*self.center(card["rect"]), button=3)
            time.sleep(0.5)
            menu = self.find(lambda w: w["cls"] == "QMenu", window="popup")
            if menu is None:
                self.step(f"right-click: no menu {self.look}", 0.3)
                continue
            texts = [i["text"] for i in menu["items"]]
            item = next(
                (i for i in menu["items"] if any(w in i["text"].lower() for w in words)), None
            )
            self.step(f"file menu: {' / '.join(texts)} {self.look}", 0.3)
            if item is None:
                self.key("Escape")
                self.missing.add(name)
                continue
            self.click(*self.center(item["rect"]))
            self.step(f"menu: {item['text']} {self.look}", 1.5)
            if name == "radio":
                for _ in range(3):
                    self.key("n")
                    self.step(f"radio: n {self.look}", 1.5)
                self.key("Escape")

    def run(self) -> None:
        self.start_display()
        self.launch()
        self.add_media_by_clicking()
        looks = [("en", "light"), ("en", "dark"), ("zh_CN", "dark"), ("zh_CN", "light")]
        round_ = 0
        while self.elapsed_min() < self.args.minutes:
            self.check_indexing()
            if self.indexing:
                self.search_while_indexing()
                self.check_indexing()
            language, theme = looks[round_ % len(looks)]
            if (language, theme) != (self.language, self.theme):
                self.set_look(language, theme)
            if self.elapsed_min() >= self.args.minutes:
                break
            self.browse_pages()
            if self.elapsed_min() >= self.args.minutes:
                break
            self.play_and_search()
            round_ += 1
        if self.readme is not None and READMESHOTS - self.readme_done:
            self.readme_round()
        if (self.language, self.theme) != ("en", "light"):
            self.set_look("en", "light")  # leave the settings as a new user finds them
        self.final_rss = self.rss()

    def readme_round(self) -> None:
        """After the time is up, one more pass for the README shots the session has not taken."""
        deadline = time.time() + self.args.wait_index * 60
        self.check_indexing()
        if self.indexing:
            print("         waiting for indexing to finish before the README shots", flush=True)
        while self.indexing and time.time() < deadline:
            time.sleep(30)
            self.step("waiting for indexing to finish", 0)
        if self.indexing:
            self.notes.append("indexing had not finished when the README screenshots were taken")
        self.last_round = True
        print("         README screenshots round", flush=True)
        if not self.plain:
            self.set_look("en", "light")
        self.browse_pages()
        self.play_and_search()
        self.set_look("en", "dark")
        self.open_page("foryou", "foryou-dark")
        self.set_look("zh_CN", "light")
        self.open_page("foryou", "foryou-zh_CN")
        missing = sorted(READMESHOTS - self.readme_done)
        if missing:
            self.notes.append(f"README screenshots not taken: {', '.join(missing)}")


def slug(text: str) -> str:
    keep = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(p for p in keep.split("-") if p)[:60]


def read_trace(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        with contextlib.suppress(json.JSONDecodeError):  # the last line may be half written
            out.append(json.loads(line))
    return out


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def summary(s: Session, crash: str | None) -> None:
    trace = read_trace(s.trace)
    status = {}
    try:
        exe = Path(sys.executable).with_name("medialens")
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "medialens.cli"]
        proc = subprocess.run([*cmd, "--data-dir", str(s.data), "status", "--json"],
                              capture_output=True, text=True, timeout=300)  # fmt: skip
        status = json.loads(proc.stdout) if proc.returncode == 0 else {}
    except (subprocess.TimeoutExpired, json.JSONDecodeError):
        pass
    files = status.get("files")
    full = next(
        (e["t"] - s.t0 for e in trace if e["ev"] == "rows" and files and e["rows"] >= files), None
    )
    keys = [e for e in trace if e["ev"] == "key" and e["text"]]
    with open(s.out / "keys-sent.tsv", "w", encoding="utf-8") as f:
        f.write("before\tafter\tkey\n")
        f.writelines(f"{b:.6f}\t{a:.6f}\t{c}\n" for b, a, c in s.sent_keys)
    in_app, end_to_end, spawn = [], [], []
    used = set()
    for before, _after, ch in s.sent_keys:
        for i, e in enumerate(keys):
            # the same key, delivered after it was sent and within MATCH_S (else it was lost)
            late = before - 0.01 <= e["t_key"] <= before + MATCH_S
            if i not in used and e["text"] == ch and late:
                used.add(i)
                in_app.append(e["ms"])
                end_to_end.append((e["t_paint"] - before) * 1000)
                spawn.append((e["t_key"] - before) * 1000)
                break
    stalls = [e["ms"] for e in trace if e["ev"] == "stall"]
    maps = [e["ms"] for e in trace if e["ev"] == "map"]
    rss, hwm = getattr(s, "final_rss", s.rss())
    hwm = max(hwm, s.rss_peak_seen)
    stderr = s.stderr_path.read_text(errors="replace") if s.stderr_path.exists() else ""
    shown = re.search(r"window shown after ([0-9.]+) s", stderr)
    tracebacks = stderr.count("Traceback (most recent call last)")
    warnings = [line for line in stderr.splitlines() if "QBoxLayout" in line or "Warning" in line]

    def ms(values, q):
        return f"{percentile(values, q):.0f} ms" if values else "n/a"

    rows = [
        ("session", f"{(time.time() - s.t0) / 60:.1f} min, {s.nstep} steps, {crash or 'no crash'}"),
        ("time to first window", f"{s.first_window:.2f} s from launch to a mapped window"
         + (f" (the app logs show() after {shown.group(1)} s of its own)" if shown else "")),
        ("files in the library", f"{files} ({len(status.get('failed_files', []))} failed)"),
        ("time until the grid is full", f"{full:.1f} s from launch, {full - s.folder_chosen:.1f} s "
         "from choosing the folder" if full is not None and hasattr(s, "folder_chosen") else "not reached"),
        ("indexing finished", f"{s.indexed_at:.0f} s" if hasattr(s, "indexed_at") else "not within the session"),
        ("RSS of the window process", f"peak {hwm / 1024:.0f} MB, final {rss / 1024:.0f} MB"),
        ("RSS of its child processes", f"peak {s.children_peak / 1024:.0f} MB (the indexer, summed)"),
        ("keys typed while indexing", f"{len(s.sent_keys)} sent, {len(in_app)} reached the field within {MATCH_S:.0f} s"),
        ("key latency in app (QKeyEvent→paint)", f"median {ms(in_app, .5)}, p95 {ms(in_app, .95)}, max {ms(in_app, 1)}"),
        ("key latency end to end (sent→paint)", f"median {ms(end_to_end, .5)}, p95 {ms(end_to_end, .95)}, max {ms(end_to_end, 1)} (target <= 50 ms)"),
        ("  (xdotool start-up, included)", f"min {min(spawn, default=float('nan')):.0f} ms"),
        ("widget map (trace) wait", f"median {ms([w * 1000 for w in s.map_waits], .5)}, max {ms([w * 1000 for w in s.map_waits], 1)}; built in median {ms(maps, .5)}"),
        ("full GC passes > 20 ms", (lambda g: f"{len(g)}, longest {max(g, default=0):.0f} ms, total {sum(g) / 1000:.1f} s")(
            [e["ms"] for e in trace if e["ev"] == "gc"])),
        ("GUI stalls > 100 ms", f"{len(stalls)}, longest {max(stalls, default=0):.0f} ms, total {sum(stalls) / 1000:.1f} s"),
        ("Python tracebacks in stderr", str(tracebacks)),
        ("Qt warnings in stderr", str(len(warnings))),
        ("output", str(s.out)),
    ]  # fmt: skip
    width = max(len(k) for k, _ in rows)
    print()
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    if s.missing:
        s.notes.append(f"the file menu has no entry for: {', '.join(sorted(s.missing))}")
    causes: dict[str, list[float]] = {}
    for e in trace:
        if e["ev"] == "stall" and e.get("where"):
            # one function, wherever in it the samples fell
            causes.setdefault(re.sub(r":\d+ ", " ", e["where"][0]), []).append(e["ms"])
    meanwhile: dict[str, list[float]] = {}
    for e in trace:
        for other in e.get("others", []) if e["ev"] == "stall" else []:
            meanwhile.setdefault(re.sub(r":\d+ ", " ", other), []).append(e["ms"])
    for where, times in sorted(meanwhile.items(), key=lambda kv: -sum(kv[1]))[:4]:
        print(f"  another thread meanwhile in {where}: during {len(times)} stalls")
    for where, times in sorted(causes.items(), key=lambda kv: -sum(kv[1]))[:6]:
        print(
            f"stall in {where}: {len(times)}x, {sum(times) / 1000:.1f} s, longest {max(times):.0f} ms"
        )
    for note in dict.fromkeys(s.notes):
        print(f"note: {note}")
    (s.out / "summary.txt").write_text("\n".join(f"{k}\t{v}" for k, v in rows) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=15)
    parser.add_argument("--out", default=None, help="screenshots, step log, trace, stderr")
    parser.add_argument("--media", default=str(ROOT / ".media"))
    parser.add_argument(
        "--screenshots", default=None, help="also save the README's screenshots here"
    )
    parser.add_argument(
        "--wait-index",
        type=float,
        default=15,
        metavar="MIN",
        help="with --screenshots: wait up to MIN minutes for indexing to finish first",
    )
    args = parser.parse_args(argv)
    missing = [f"{tool} ({pkg})" for tool, pkg in TOOLS.items() if not shutil.which(tool)]
    if not any(shutil.which(w) for w in WMS):
        missing.append("a window manager (openbox or fluxbox)")
    if missing:
        print("missing: " + ", ".join(missing), file=sys.stderr)
        return 2
    if not Path(args.media).is_dir():
        print(f"no media folder at {args.media} (make media)", file=sys.stderr)
        return 2
    args.out = args.out or tempfile.mkdtemp(prefix="medialens-session-out-")
    s = Session(args)
    crash = None
    try:
        s.run()
    except Crash as exc:
        crash = f"CRASH: {exc}"
        print(crash, file=sys.stderr)
    except KeyboardInterrupt:
        crash = "interrupted"
    finally:
        try:
            s.stop()
        finally:
            summary(s, crash)
            shutil.rmtree(s.tmp, ignore_errors=True)
    return 1 if crash else 0


if __name__ == "__main__":
    sys.exit(main())
