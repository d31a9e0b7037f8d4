"""Make the README screenshots with the app itself, one process per page.

    python -m medialens.gui.screenshots --data-dir LIBRARY --out docs/screenshots

LIBRARY should be an indexed library (``medialens folders add`` + ``medialens index``);
the welcome page is taken on an empty one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SHOTS = [
    ("foryou", ["--page", "foryou"]),
    ("library", ["--page", "all"]),
    ("details", ["--page", "details"]),
    ("list", ["--page", "list"]),
    ("music", ["--page", "music"]),
    ("artists", ["--page", "artists"]),
    ("albums", ["--page", "albums"]),
    ("search", ["--page", "search", "--search", "electronic"]),
    ("player", ["--page", "player"]),
    ("plugins", ["--page", "plugins"]),
    ("activity", ["--page", "activity"]),
    ("folders", ["--page", "folders"]),
    ("settings", ["--page", "settings"]),
    ("foryou-dark", ["--page", "foryou", "--theme", "dark"]),
    ("foryou-zh_CN", ["--page", "foryou", "--language", "zh_CN"]),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--only", nargs="*", help="names of the shots to take")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    base = [sys.executable, "-m", "medialens.cli", "gui", "--size", "1360x860"]
    failed = 0
    with tempfile.TemporaryDirectory() as empty:
        shots = SHOTS + [("welcome", ["--page", "welcome", "--data-dir", empty])]
        for name, extra in shots:
            if args.only and name not in args.only:
                continue
            data = [] if "--data-dir" in extra else ["--data-dir", args.data_dir]
            target = out / f"{name}.png"
            # later options win: a shot's own language or theme overrides the defaults
            cmd = [*base, *data, "--language", "en", "--theme", "light", *extra]
            cmd += ["--screenshot", str(target)]
            for _attempt in range(2):
                try:
                    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
                except subprocess.TimeoutExpired as exc:
                    proc = subprocess.CompletedProcess(cmd, 1, "", f"timed out: {exc}")
                if proc.returncode == 0:
                    break
            status = "ok" if proc.returncode == 0 and target.exists() else "FAILED"
            failed += status != "ok"
            print(f"{status:6} {target}")
            if status != "ok":
                print(proc.stderr[-2000:], file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
