"""The ``medialens gui`` sub-command. Imports no Qt until the command runs."""

from __future__ import annotations

from medialens.core import inputs

PAGES = ("foryou", "all", "video", "music", "artists", "albums", "speech", "sounds", "list",
         "search", "details", "player", "folders", "plugins", "activity", "settings",
         "welcome")  # fmt: skip


LANGUAGES = ("en", "zh_CN")  # the translations shipped in gui/i18n


def register(sub, command) -> None:
    p = command("gui", run, "open the desktop app")
    p.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=inputs.path,
        help="wait until the library and For you are loaded and painted, save the window "
        "to FILE.png and exit",
    )
    p.add_argument(
        "--page", choices=PAGES, default="foryou", help="page to show (with --screenshot)"
    )
    p.add_argument("--search", metavar="TEXT", help="type this into the search field first")
    p.add_argument(
        "--language",
        choices=LANGUAGES,
        metavar="CODE",
        help="en or zh_CN (default: the saved setting, else the system's)",
    )
    p.add_argument("--theme", choices=("system", "light", "dark"), help="colour scheme")
    p.add_argument(
        "--size",
        default=None,
        type=inputs.window_size,
        metavar="WxH",
        help="window size (default: as last closed)",
    )
    p.add_argument(
        "--wait-idle",
        type=lambda text: inputs.seconds(text, "--wait-idle"),
        default=0.0,
        metavar="SECONDS",
        help="with --screenshot: first wait up to this long for indexing to finish",
    )


def run(args) -> int:
    from medialens.gui.app import run as run_app

    return run_app(args)
