"""The ``medialens gui`` sub-command. Imports no Qt until the command runs."""

from __future__ import annotations

PAGES = ("foryou", "all", "video", "music", "artists", "albums", "speech", "sounds", "list",
         "search", "details", "player", "folders", "plugins", "activity", "settings",
         "welcome")  # fmt: skip


def register(sub, command) -> None:
    p = command("gui", run, "open the desktop app")
    p.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="wait until the library and For you are loaded and painted, save the window "
        "to FILE.png and exit",
    )
    p.add_argument(
        "--page", choices=PAGES, default="foryou", help="page to show (with --screenshot)"
    )
    p.add_argument("--search", metavar="TEXT", help="type this into the search field first")
    p.add_argument(
        "--language",
        metavar="CODE",
        help="en or zh_CN (default: the saved setting, else the system's)",
    )
    p.add_argument("--theme", choices=("system", "light", "dark"), help="colour scheme")
    p.add_argument(
        "--size", default=None, metavar="WxH", help="window size (default: as last closed)"
    )
    p.add_argument(
        "--wait-idle",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="with --screenshot: first wait up to this long for indexing to finish",
    )


def run(args) -> int:
    from medialens.gui.app import run as run_app

    return run_app(args)
