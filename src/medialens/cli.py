"""The ``medialens`` command: drives the core with no Qt at all.

Its sub-commands and their JSON are a contract other tools rely on. Errors go
to stderr as one sentence a person understands, with a non-zero exit. Whatever says why
(a hit, a similar file, a recommendation) carries ``why``, the reasons in English, and
``reasons``, the same as data: ``[{"key": ..., "args": {...}}]`` (scores included).
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import signal
import sys
import time
from collections.abc import Callable, Sequence

from medialens import __version__
from medialens.core import inputs
from medialens.paths import DataDirError, data_dirs

EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(Exception):
    pass


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def _shown(path: str) -> str:
    """A path as typed, absolute, as text a terminal can show (not-UTF-8 bytes as U+FFFD)."""
    from medialens.core.scanner import display, fs_bytes

    return display(fs_bytes(path))


def _open(args: argparse.Namespace, **kwargs):
    from medialens.core.library import Library

    try:
        dirs = data_dirs(args.data_dir).create()
    except DataDirError as exc:
        raise CliError(str(exc)) from None
    return Library(dirs, workers=getattr(args, "workers", None), **kwargs)


def _export_read_only(args: argparse.Namespace) -> dict:
    """Export the history of a library that cannot be written (a read-only disk, say):
    exporting is how a person saves it from there, so it must not need a write."""
    from medialens.core.events import EventLog
    from medialens.store import Store

    store = Store(data_dirs(args.data_dir).database, readonly=True)
    try:
        return EventLog(store).export(args.file)
    finally:
        store.close()


# -- folders ---------------------------------------------------------------------------


def cmd_folders_add(args) -> int:
    with _open(args) as lib:
        for path in lib.add_folders(args.paths):
            print(f"added {path}")
    return 0


def cmd_folders_remove(args) -> int:
    with _open(args) as lib:
        lib.remove_folder(args.path)
        print(f"removed {_shown(args.path)} (its playback history is kept)")
    return 0


def cmd_folders_list(args) -> int:
    with _open(args) as lib:
        folders = lib.folders()
    if args.json:
        _print_json(folders)
    elif not folders:
        print("no folders yet: medialens folders add PATH")
    else:
        for f in folders:
            state = "" if f["available"] else f"  [unavailable: {f['error']}]"
            print(f"{f['path']}  ({f['files']} files){state}")
    return 0


# -- indexing --------------------------------------------------------------------------


def _progress_printer() -> Callable:
    """A one-line progress bar on a terminal; silence otherwise."""
    if not sys.stderr.isatty():
        return lambda progress: None
    last = [0.0]

    def show(progress) -> None:
        now = time.monotonic()
        if now - last[0] < 0.2 and progress.done < progress.total:
            return
        last[0] = now
        total = max(progress.total, 1)
        width = 30
        filled = int(width * progress.done / total)
        eta = f" ETA {int(progress.eta_seconds)} s" if progress.eta_seconds else ""
        current = (progress.current[0] if progress.current else "")[:40]
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {progress.done}/{progress.total}"
            f"{eta}  {current:<40}"
        )
        sys.stderr.flush()

    return show


def cmd_index(args) -> int:
    with _open(args) as lib:
        if not lib.folders():
            raise CliError("no folders to index: add one with `medialens folders add PATH`")
        printer = _progress_printer()
        report = lib.scan()
        pipeline = lib.pipeline(args.workers, printer)
        _stop_on_signal(pipeline.cancel)
        progress = pipeline.run()
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        fault = lib.store.fault or pipeline.scheduler.fault
        if fault is not None:  # a full disk, or the database damaged or gone mid-run
            raise fault
        status = lib.status()
    print(
        f"{status['files']} media files ({report.added} new, {report.changed} changed, "
        f"{report.moved} moved, {report.missing} missing); extracted {progress.ran} files, "
        f"{status['failed_count']} failures, {status['pending']} jobs pending"
    )
    for error in report.errors:
        print(f"warning: {error}", file=sys.stderr)
    return 0


def _stop_on_signal(stop: Callable[[], None]) -> None:
    """The first Ctrl+C stops the work in flight (extraction workers are killed, what
    they were doing stays pending); a second one leaves at once."""
    asked = []

    def handler(signum, frame):
        if asked:
            raise KeyboardInterrupt
        asked.append(signum)
        print("\nstopping: what is in progress stays pending for the next run…", file=sys.stderr)
        stop()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def cmd_watch(args) -> int:
    from medialens.core.watcher import LibraryWatcher

    with _open(args) as lib:
        if not lib.folders():
            raise CliError("no folders to watch: add one with `medialens folders add PATH`")
        watcher = LibraryWatcher(
            lib, workers=args.workers, notify=lambda m: print(f"medialens: {m}", file=sys.stderr)
        )
        _stop_on_signal(watcher.stop)
        print(f"watching {len(lib.folders())} folders; Ctrl+C to stop", file=sys.stderr)
        watcher.run_forever()
        if watcher.fatal is not None:
            raise watcher.fatal
    return 0


def cmd_status(args) -> int:
    with _open(args) as lib:
        status = lib.status()
    if args.json:
        _print_json(status)
        return 0
    print(f"{status['files']} media files, {status['pending']} extraction jobs pending")
    for name, e in status["extractors"].items():
        print(f"  {name} v{e['version']}: {e['done']} done, {e['failed']} failed")
    if status["failed_files"]:
        shown = status["failed_files"][:20]
        print(f"{status['failed_count']} failures:")
        for f in shown:
            print(f"  {f['path']} [{f['extractor']}]: {f['error']}")
        if status["failed_count"] > len(shown):
            print(f"  … and {status['failed_count'] - len(shown)} more")
    return 0


def cmd_info(args) -> int:
    with _open(args) as lib:
        info = lib.info(args.path)
    if args.json:
        _print_json(info)
        return 0
    print(f"{info['path']}\n  {info['kind']}, {info['duration']:.1f} s")
    for tag, score in list(info["tags"].items())[:15]:
        print(f"  {tag}: {score:.2f}")
    return 0


# -- plugins ---------------------------------------------------------------------------


def cmd_plugins_list(args) -> int:
    with _open(args) as lib:
        records = lib.host.describe()
    if args.json:
        _print_json(records)
        return 0
    used = None
    for r in records:
        error = f"  ({r['error']})" if r["error"] else ""
        print(f"{r['name']:<20} {r['version']:<10} api {r['api']:<5} {r['status']}{error}")
        about = [r.get("description"), r.get("homepage"), r.get("license")]
        if any(about):
            print(f"    {'  ·  '.join(a for a in about if a)}")
        if r["status"] == "active":  # an inactive plugin's reason is its error above
            for e in r["extractors"]:
                if e["malfunction"]:
                    print(f"    extractor {e['name']}: malfunctioned ({e['malfunction']})")
        if r["text_embedder"] and r["text_embedder"]["used"]:
            used = f"{r['text_embedder']['name']} (plugin {r['name']})"
    print(f"text embedder for search: {used or 'none (keyword search only)'}")
    return 0


def cmd_plugins_embedder(args) -> int:
    with _open(args) as lib:
        host = lib.host
        if args.name or args.auto:
            try:
                host.set_text_embedder(None if args.auto else args.name)
            except KeyError as exc:
                raise CliError(exc.args[0]) from None
            except ValueError as exc:
                raise CliError(str(exc)) from None
        embedder, plugin = host.text_embedder(), host.text_embedder_plugin()
        chosen = host.chosen_embedder()
    how = "chosen" if chosen is not None and chosen == plugin else "none chosen: the first offered"
    if embedder is None:
        print("text embedder for search: none (keyword search only)")
    else:
        print(f"text embedder for search: {embedder.name} (plugin {plugin}, {how})")
    if chosen is not None and chosen != plugin:
        print(f"the chosen plugin {chosen} is not active or offers no embedder now")
    return 0


def cmd_plugins_settings(args) -> int:
    from medialens.core.plugin_settings import SettingError

    if args.key is not None and args.value is None:
        raise CliError("give a value too: medialens plugins settings NAME KEY VALUE")
    with _open(args) as lib:
        if args.name not in lib.host.records:
            known = ", ".join(sorted(lib.host.records)) or "none"
            raise CliError(f"no plugin called {args.name!r} (installed: {known})")
        settings = lib.host.settings
        try:
            if args.key is not None:
                if args.value == "default":
                    settings.reset(args.name, args.key)
                else:
                    settings.set(args.name, args.key, args.value)
        except SettingError as exc:
            raise CliError(str(exc)) from None
        described = settings.describe(args.name)
    if args.json:
        _print_json(described)
    elif args.key is not None:
        value = next(d["value"] for d in described if d["key"] == args.key)
        print(f"{args.name}.{args.key} = {value}")
    elif not described:
        print(f"{args.name} has no settings")
    else:
        for d in described:
            bounds = (
                f"one of {', '.join(d['choices'])}"
                if d["choices"]
                else " to ".join(f"{b:g}" for b in (d["minimum"], d["maximum"]) if b is not None)
            )
            extra = f"; {bounds}" if bounds else ""
            print(f"{d['key']} = {d['value']}  ({d['type']}, default {d['default']}{extra})")
            print(f"    {d['label']}{': ' + d['help'] if d['help'] else ''}")
    return 0


def cmd_plugin_new(args) -> int:
    from medialens.core.scaffold import ScaffoldError, new_plugin

    try:
        root = new_plugin(args.name, args.dir)
    except ScaffoldError as exc:
        raise CliError(str(exc)) from None
    print(f"wrote {root}")
    print(f"next: cd {root} && pip install -e '.[test]' && pytest && medialens plugins list")
    return 0


def _set_plugin(args, enabled: bool) -> int:
    with _open(args) as lib:
        try:
            record = lib.host.set_enabled(args.name, enabled)
        except KeyError as exc:
            raise CliError(exc.args[0]) from None
        except ValueError as exc:
            raise CliError(str(exc)) from None
    print(f"{record.name}: {record.status}")
    return 0


# -- understanding ---------------------------------------------------------------------


def cmd_search(args) -> int:
    with _open(args) as lib:
        hits = [h.as_json() for h in lib.search(" ".join(args.query), args.n)]
    if args.json:
        _print_json(hits)
    elif not hits:
        print(
            f"No file matches {' '.join(args.query)!r}: no words, tag or content is close enough."
        )
    else:
        for h in hits:
            print(f"{h['score']:.4f}  {h['path']}\n        {h['why']}")
    return 0


def cmd_similar(args) -> int:
    with _open(args) as lib:
        matches = [m.as_json() for m in lib.similar(args.path, args.n)]
    if args.json:
        _print_json(matches)
    else:
        for m in matches:
            print(f"{m['score']:.3f}  {m['path']}  ({m['why']})")
    return 0


def cmd_duplicates(args) -> int:
    with _open(args) as lib:
        groups = [g.as_json() for g in lib.duplicates()]
    if args.json:
        _print_json(groups)
    elif not groups:
        print("no duplicates found")
    else:
        for g in groups:
            print(f"{g['why']}:")
            for path in g["paths"]:
                print(f"  {path}")
    return 0


def cmd_retry(args) -> int:
    """Forget failures so they are redone: what the GUI's Retry button does, and more."""
    with _open(args) as lib:
        if args.extractor is not None:
            known = {e.name for e in lib.host.all_extractors()}
            if args.extractor not in known:
                names = ", ".join(sorted(known)) or "none"
                raise CliError(f"no extractor called {args.extractor!r} (installed: {names})")
        forgotten = lib.retry_failures(args.extractor)
        which = f" of {args.extractor}" if args.extractor else ""
        if not forgotten:
            print(f"no failures{which} to retry")
            return 0
        print(f"{forgotten} failures{which} will be tried again")
    if args.index:
        return cmd_index(args)
    print("run `medialens index` to try them now")
    return 0


# -- parser ----------------------------------------------------------------------------


def _data_dir(text: str) -> str:
    """``--data-dir``: an empty one would silently mean the home library."""
    if not text:
        raise inputs.InputError("--data-dir is empty: name a folder, or leave the option out")
    return inputs.path(text)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=_data_dir,
        default=argparse.SUPPRESS,
        help="keep the database, caches and model state in this folder (default: "
        "$MEDIALENS_HOME, else the platform's user data folders)",
    )
    parser = argparse.ArgumentParser(
        prog="medialens",
        description="A private, offline media library that understands your files.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"medialens {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(name: str, func, help: str, parent=sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help, parents=[common], description=help)
        p.set_defaults(func=func)
        return p

    folders = sub.add_parser("folders", help="the folders in the library", parents=[common])
    fsub = folders.add_subparsers(dest="folders_command", metavar="ACTION")
    fsub.required = True
    p = command("add", cmd_folders_add, "add folders to the library", fsub)
    p.add_argument("paths", nargs="+", metavar="PATH", type=inputs.path)
    p = command("remove", cmd_folders_remove, "remove a folder (history is kept)", fsub)
    p.add_argument("path", metavar="PATH", type=inputs.path)
    p = command("list", cmd_folders_list, "list the folders", fsub)
    p.add_argument("--json", action="store_true")

    p = command("index", cmd_index, "scan every folder and extract features to completion")
    p.add_argument(
        "--workers", type=inputs.workers, default=None, help="extraction threads (default: cores)"
    )
    p = command("watch", cmd_watch, "stay running and keep the library live")
    p.add_argument("--workers", type=inputs.workers, default=None)
    p = command("retry", cmd_retry, "try the files that failed again")
    p.add_argument("--extractor", metavar="NAME", help="only the failures of this extractor")
    p.add_argument("--index", action="store_true", help="run them now, as `index` does")
    p.add_argument("--workers", type=inputs.workers, default=None, help="with --index")
    p = command("status", cmd_status, "what is known, pending and failed")
    p.add_argument("--json", action="store_true")
    p = command("info", cmd_info, "everything known about one file")
    p.add_argument("path", metavar="PATH", type=inputs.path)
    p.add_argument("--json", action="store_true")

    plugins = sub.add_parser("plugins", help="installed plugins", parents=[common])
    psub = plugins.add_subparsers(dest="plugins_command", metavar="ACTION")
    psub.required = True
    p = command("list", cmd_plugins_list, "list plugins and their status", psub)
    p.add_argument("--json", action="store_true")
    p = command("enable", lambda a: _set_plugin(a, True), "enable a plugin", psub)
    p.add_argument("name", metavar="NAME")
    p = command("disable", lambda a: _set_plugin(a, False), "disable a plugin", psub)
    p.add_argument("name", metavar="NAME")
    p = command(
        "embedder", cmd_plugins_embedder, "show or choose the text embedder for search", psub
    )
    p.add_argument("name", metavar="NAME", nargs="?", help="the plugin whose embedder to use")
    p.add_argument(
        "--auto", action="store_true", help="forget the choice: use the first embedder offered"
    )
    p = command(
        "settings",
        cmd_plugins_settings,
        "show a plugin's settings, or set one (VALUE `default` restores the default)",
        psub,
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("key", metavar="KEY", nargs="?")
    p.add_argument("value", metavar="VALUE", nargs="?")
    p.add_argument("--json", action="store_true")

    plugin = sub.add_parser("plugin", help="write a new plugin", parents=[common])
    nsub = plugin.add_subparsers(dest="plugin_command", metavar="ACTION")
    nsub.required = True
    p = command("new", cmd_plugin_new, "write a working plugin package to start from", nsub)
    p.add_argument("name", metavar="NAME")
    p.add_argument(
        "--dir",
        default=".",
        type=inputs.path,
        help="the folder to write medialens-NAME into (default: here)",
    )

    p = command("search", cmd_search, "find files by words and by meaning")
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("-n", type=inputs.count, default=20, help="how many results (default 20)")
    p.add_argument("--json", action="store_true")
    p = command("similar", cmd_similar, "files with content like this one")
    p.add_argument("path", metavar="PATH", type=inputs.path)
    p.add_argument("-n", type=inputs.count, default=10, help="how many (default 10)")
    p.add_argument("--json", action="store_true")
    p = command("duplicates", cmd_duplicates, "groups of files with the same content")
    p.add_argument("--json", action="store_true")

    for register in _EXTRA_COMMANDS:
        register(sub, command)
    return parser


# Later features (search, recommendations, the GUI) add their sub-commands here.
_EXTRA_COMMANDS: list[Callable] = []


def _register_gui(sub, command) -> None:
    from medialens.gui.command import register  # imports no Qt until `gui` runs

    register(sub, command)


_EXTRA_COMMANDS.append(_register_gui)


def _register_history(sub, command) -> None:
    """``event``, ``history`` and ``recommend``: playback history and what to play next."""

    def cmd_event(args) -> int:
        from medialens.core.events import KINDS

        if args.kind not in KINDS:
            raise CliError(f"unknown event kind {args.kind!r}: use one of {', '.join(KINDS)}")
        with _open(args) as lib:
            record = lib.events.resolve_file(args.path)
            if args.at is not None:
                try:
                    inputs.within(args.at, record.duration)
                except inputs.InputError as exc:
                    raise CliError(str(exc)) from None
            if not lib.events.record(args.path, args.kind, position=args.at):
                print("history is paused: nothing recorded (`medialens history resume`)")
                return 0
        print(f"recorded {args.kind} for {record.display_path}")
        return 0

    def cmd_export(args) -> int:
        from medialens.store.faults import DatabaseReadOnly

        try:
            with _open(args) as lib:
                done = lib.events.export(args.file)
        except DatabaseReadOnly:
            done = _export_read_only(args)
        model = " and the interest model" if done["model"] else ""
        print(f"exported {done['events']} events{model} to {done['path']}")
        return 0

    def cmd_forget(args) -> int:
        with _open(args) as lib:
            done = lib.events.forget()
        model = " and the interest model" if done["model"] else ""
        print(f"forgot {done['events']} events{model}")
        return 0

    def cmd_pause(args, paused: bool) -> int:
        with _open(args) as lib:
            lib.events.set_paused(paused)
        print("history paused: nothing is recorded" if paused else "history resumed")
        return 0

    def brief(item: dict) -> dict:
        from medialens.core.reasons import render

        out = {
            "path": item["path"],
            "score": item["score"],
            "why": render(item["reasons"]),
            "reasons": [r.as_json() for r in item["reasons"]],
        }
        if "position" in item:
            out["position"] = item["position"]
        return out

    def cmd_recommend(args) -> int:
        from medialens.core.reasons import render

        with _open(args) as lib:
            if args.sections:
                s = lib.recommender.sections(args.n)
                result: object = {
                    key: [
                        {
                            "seed": b["seed"],
                            "why": render(b["reason"]),
                            "reason": b["reason"].as_json(),
                            "items": [brief(i) for i in b["items"]],
                        }
                        for b in value
                    ]
                    if key == "because_you_played"
                    else [brief(i) for i in value]
                    for key, value in s.items()
                }
            else:
                result = [brief(i) for i in lib.recommender.recommend(args.n)]
        if args.json:
            _print_json(result)
            return 0
        groups = result.items() if isinstance(result, dict) else [("for_you", result)]
        for key, items in groups:
            if args.sections:
                print(f"{key.replace('_', ' ')}:")
            if key == "because_you_played":
                items = [
                    dict(i, path=f"[{b['seed']}] {i['path']}") for b in items for i in b["items"]
                ]
            for k, item in enumerate(items, 1):
                print(f"{k:>3}. {item['path']}  ({item['why']})")
        return 0

    p = command("event", cmd_event, "record a playback event or feedback for a file")
    p.add_argument("path", metavar="PATH", type=inputs.path)
    p.add_argument(
        "kind",
        metavar="KIND",
        help="start, progress, pause, seek, stop, complete, like, dislike, not_interested, skip",
    )
    p.add_argument(
        "--at", type=inputs.position, default=None, metavar="SECONDS", help="position in seconds"
    )

    group = command("history", None, "export, forget, pause or resume playback history")
    hsub = group.add_subparsers(dest="history_command", metavar="ACTION")
    hsub.required = True
    p = command("export", cmd_export, "write every event and the model state to a JSON file", hsub)
    p.add_argument("file", metavar="FILE", type=inputs.path)
    command("forget", cmd_forget, "delete every event and the interest model", hsub)
    command("pause", lambda a: cmd_pause(a, True), "stop recording history", hsub)
    command("resume", lambda a: cmd_pause(a, False), "record history again", hsub)

    p = command("recommend", cmd_recommend, "what to play next, and why")
    p.add_argument("-n", type=inputs.count, default=10, help="how many (default 10)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--sections", action="store_true", help="every section of the For you page")


_EXTRA_COMMANDS.append(_register_history)


def _register_doctor(sub, command) -> None:
    """``doctor``: check the library database, restore it from a backup, or rebuild it."""

    def cmd_doctor(args) -> int:
        from medialens.core import doctor

        dirs = data_dirs(args.data_dir)
        actions = [a for a in ("restore", "rebuild", "replay", "backup") if getattr(args, a)]
        if len(actions) > 1:
            raise CliError("give one of --restore, --rebuild, --replay, --backup")
        if actions:
            done = getattr(doctor, actions[0])(dirs)
            if args.json:
                _print_json(done)
            elif "backup" in done:
                print(f"backed up to {done['backup']}")
            else:
                aside = (
                    f"; the old file is kept as {done['moved_aside']}"
                    if done.get("moved_aside")
                    else ""
                )
                print(
                    f"{done['action']}: {done['events_restored']} playback events restored "
                    f"({done['events']} in all), {done['folders_restored']} folders{aside}"
                )
                if done["action"] == "rebuild":
                    print(
                        "run `medialens index` to find the files and extract their features again"
                    )
            return 0
        report = doctor.check(dirs)
        if args.json:
            _print_json(report)
        else:
            backups = report["backups"]
            newest = f", newest {report['newest_backup_hours']} h old" if backups else ""
            print(f"database: {report['database']}")
            print(f"  integrity: {report['integrity'] or 'missing'}; schema {report['schema']}")
            print(
                f"  playback events: {report['events_in_database']} in the database, "
                f"{report['events_in_journal']} in the journal"
            )
            print(f"  backups: {len(backups)}{newest}")
            for problem in report["problems"]:
                print(f"problem: {problem}")
            print("healthy" if report["healthy"] else "not healthy")
        return 0 if report["healthy"] else EXIT_ERROR

    p = command("doctor", cmd_doctor, "check the library database; restore or rebuild it")
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--restore", action="store_true",
        help="move the database aside, restore the newest good backup, replay the journal",
    )  # fmt: skip
    what.add_argument(
        "--rebuild", action="store_true",
        help="a fresh database with the folders and the whole playback history",
    )  # fmt: skip
    what.add_argument(
        "--replay", action="store_true", help="add the journal's events the database lacks"
    )
    what.add_argument("--backup", action="store_true", help="make a backup now")
    p.add_argument("--json", action="store_true")


_EXTRA_COMMANDS.append(_register_doctor)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a name that is not UTF-8 never stops the output
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    import sqlite3

    from medialens.core.library import LibraryError
    from medialens.store import DatabaseError, database_fault

    try:
        return int(args.func(args) or 0)
    except (CliError, LibraryError, DatabaseError) as exc:
        print(f"medialens: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except sqlite3.Error as exc:  # met by a read: say what it means for the library
        fault = database_fault(exc, data_dirs(args.data_dir).database)
        print(f"medialens: {fault or f'the library database failed: {exc}'}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug or an unforeseen failure: one sentence, not a traceback
        if args.verbose:
            raise
        logging.getLogger("medialens").debug("unexpected error", exc_info=True)
        what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        print(
            f"medialens: unexpected error ({what}); run again with --verbose for details",
            file=sys.stderr,
        )
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
