"""The two safety nets beside the database: rotating verified backups and the playback
journal, and what ``doctor`` makes of them."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time

from breakage import cli

from medialens.core.catalog import Catalog
from medialens.paths import data_dirs
from medialens.store import Store
from medialens.store.backups import KEEP_DAILY, quick_check
from medialens.store.migrations import MIGRATIONS


def test_a_migration_is_preceded_by_a_verified_backup(tmp_path):
    db = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(
        "CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at REAL)"
    )
    for version, migration in enumerate(MIGRATIONS[:-1], start=1):  # one version behind
        migration(conn)
        conn.execute("INSERT INTO migrations VALUES (?, ?, 0)", (version, migration.__name__))
    conn.execute("INSERT INTO folders (path, display_path, added_at) VALUES (x'2f6d', '/m', 0)")
    conn.close()
    store = Store(db, daily_backup=False)
    store.close()
    [backup] = store.backups.all()
    assert backup.kind == f"before-v{len(MIGRATIONS)}" and quick_check(backup.path) == "ok"
    old = sqlite3.connect(backup.path)
    assert old.execute("SELECT max(version) FROM migrations").fetchone()[0] == len(MIGRATIONS) - 1
    old.close()
    assert not list(store.backups.folder.glob("*.part"))


def no_backups(data) -> None:
    for made in (data / "backups").iterdir():
        made.unlink()


def dailies(store: Store) -> list:
    return [b for b in store.backups.all() if b.kind == "daily"]


def test_daily_backups_rotate_and_one_is_made_when_due(library):
    _, data = library
    folder = data / "backups"
    [made] = list(folder.iterdir())
    for day in range(1, KEEP_DAILY + 3):  # older days' backups
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(time.time() - day * 86400))
        shutil.copy(made, folder / f"library-daily-{stamp}.000000Z.sqlite3")
    made.unlink()  # the newest is a day old: a new one is due when the library opens
    store = Store(data / "library.sqlite3")
    store.close()  # waits for the backup thread
    daily = dailies(store)
    assert len(daily) == KEEP_DAILY
    assert time.time() - daily[0].at < 60 and quick_check(daily[0].path) == "ok"


def test_a_delayed_daily_backup_is_made_by_close_at_the_latest(library):
    _, data = library
    no_backups(data)
    store = Store(data / "library.sqlite3", backup_delay=3600)
    assert not dailies(store)  # not yet
    store.close()  # cuts the wait short, and waits for the backup
    [daily] = dailies(store)
    assert quick_check(daily.path) == "ok"


def test_the_window_s_two_stores_make_one_daily_backup(library):
    _, data = library
    no_backups(data)
    dirs = data_dirs(data)
    catalog = Catalog.open(dirs)  # what the window reads through at once
    store = Store(dirs.database, backup_delay=0.2)  # what its Library opens next
    catalog.store.close()
    store.close()
    [daily] = dailies(store)
    assert quick_check(daily.path) == "ok"


def test_a_delayed_backup_made_meanwhile_elsewhere_is_not_made_again(library):
    _, data = library
    no_backups(data)
    store = Store(data / "library.sqlite3", backup_delay=3600)
    other = Store(data / "library.sqlite3")  # another process, due at once
    other.close()
    store.close()
    assert len(dailies(store)) == 1


def test_every_event_forget_and_pause_is_journalled(library, capsys):
    media, data = library
    journal = data / "library.history.jsonl"
    assert cli(capsys, data, "event", str(media / "tone2.ogg"), "like")[0] == 0
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    events = [e for e in lines if e["op"] == "event"]
    assert len(events) == 5 and events[-1]["kind"] == "like"
    db = sqlite3.connect(data / "library.sqlite3")
    uids = {r[0] for r in db.execute("SELECT uid FROM events")}
    db.close()
    assert uids == {e["uid"] for e in events}
    assert cli(capsys, data, "history", "forget")[0] == 0
    assert cli(capsys, data, "history", "pause")[0] == 0
    ops = [json.loads(line)["op"] for line in journal.read_text().splitlines()]
    assert ops[-2:] == ["forget", "paused"]

    # A replay onto the backup (taken before the forget) must not bring the events back.
    (data / "library.sqlite3").unlink()
    code, out, err = cli(capsys, data, "doctor", "--restore", "--json")
    assert code == 0, err
    assert json.loads(out)["events"] == 0
    code, out, _ = cli(capsys, data, "event", str(media / "tone0.ogg"), "like")
    assert "history is paused" in out


def test_a_torn_journal_line_is_skipped_and_the_next_one_kept(library, capsys):
    media, data = library
    journal = data / "library.history.jsonl"
    with open(journal, "ab") as fh:
        fh.write(b'{"op":"event","uid":"abc","kin')  # a crash in the middle of a line
    assert cli(capsys, data, "event", str(media / "tone1.ogg"), "like")[0] == 0
    code, out, _ = cli(capsys, data, "doctor", "--json")
    report = json.loads(out)
    assert code == 0, report["problems"]
    assert report["events_in_journal"] == report["events_in_database"] == 5


def test_rebuild_without_any_backup_keeps_folders_and_history(library, capsys):
    media, data = library
    shutil.rmtree(data / "backups")
    (data / "library.sqlite3").unlink()
    code, out, err = cli(capsys, data, "doctor", "--rebuild", "--json")
    assert code == 0, err
    done = json.loads(out)
    assert done["events_restored"] == 4 and done["folders_restored"] == 1
    code, out, _ = cli(capsys, data, "folders", "list", "--json")
    assert [f["path"] for f in json.loads(out)] == [str(media)]
    code, out, _ = cli(capsys, data, "doctor")
    assert code == 0 and "4 in the database, 4 in the journal" in out


def test_doctor_reports_a_healthy_library_and_events_only_in_the_journal(library, capsys):
    media, data = library
    code, out, _ = cli(capsys, data, "doctor", "--json")
    report = json.loads(out)
    assert code == 0 and report["healthy"] and report["integrity"] == "ok"
    assert report["schema"] == len(MIGRATIONS) and len(report["backups"]) == 1
    db = sqlite3.connect(data / "library.sqlite3")  # lost from the database (a failed commit)
    db.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    db.commit()
    db.close()
    code, out, _ = cli(capsys, data, "doctor")
    assert code == 1 and "1 playback events are in the journal but not in the database" in out
    code, out, _ = cli(capsys, data, "doctor", "--replay")
    assert code == 0 and "1 playback events restored (4 in all)" in out
    assert cli(capsys, data, "doctor")[0] == 0
