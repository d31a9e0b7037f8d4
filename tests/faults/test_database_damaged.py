"""A damaged database: every command says so in one sentence, exits non-zero, and leaves the
file as it found it; ``doctor --restore`` brings the library back from a backup and the
journal."""

from __future__ import annotations

import os
import sqlite3

import pytest
from breakage import cli, damage, digest

COMMANDS = [
    ("status",),
    ("folders", "list"),
    ("search", "tone"),
    ("history", "export", "{tmp}/history.json"),
    ("event", "{media}/tone0.ogg", "like"),
    ("index", "--workers", "1"),
]


@pytest.mark.parametrize("how", ["flips", "truncated", "header"])
def test_every_command_says_damaged_and_keeps_the_file(library, capsys, tmp_path, how):
    media, data = library
    db = data / "library.sqlite3"
    damage(db, how)
    before = digest(db)
    for args in COMMANDS:
        args = tuple(a.format(tmp=tmp_path, media=media) for a in args)
        code, out, err = cli(capsys, data, *args)
        assert code == 1, (args, out, err)
        assert err.startswith("medialens: the library database is damaged"), (args, err)
        assert err.count("\n") == 1 and "Traceback" not in err, (args, err)
    code, out, _ = cli(capsys, data, "doctor")
    assert code == 1 and "damaged" in out
    assert digest(db) == before  # nothing wrote into it


def test_a_file_that_never_was_sqlite_is_not_called_a_library(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.sqlite3").write_bytes(b"just some notes\n" * 300)
    code, _, err = cli(capsys, data, "status")
    assert code == 1 and "is not a Medialens library database" in err


def test_restore_brings_back_the_backup_and_every_event_since(library, capsys):
    media, data = library
    for kind in ("start", "stop", "dislike"):  # after the backup: only in the journal
        assert cli(capsys, data, "event", str(media / "tone1.ogg"), kind)[0] == 0
    db = data / "library.sqlite3"
    damage(db, "flips")
    damaged = digest(db)
    code, out, err = cli(capsys, data, "doctor", "--restore")
    assert code == 0, err
    assert "3 playback events restored (7 in all), 1 folders" in out
    [aside] = [p for p in data.iterdir() if p.name.startswith("library.sqlite3.damaged-")]
    assert digest(aside) == damaged  # moved aside, never deleted
    code, out, _ = cli(capsys, data, "doctor")
    assert code == 0 and "7 in the database, 7 in the journal" in out
    code, _, _ = cli(capsys, data, "doctor", "--restore")  # again: nothing doubles
    assert cli(capsys, data, "doctor")[1].count("7 in the database") == 1


def damage_pages_of(db, tables: tuple[str, ...]) -> int:
    """Overwrite the pages of these tables (and nothing else) with noise: only the work that
    reaches them, not the opening of the library, meets the damage."""
    conn = sqlite3.connect(db)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            r[0]
            for r in conn.execute(
                f"SELECT pageno FROM dbstat WHERE name IN ({','.join('?' * len(tables))})", tables
            )
        ]
    finally:
        conn.close()
    with open(db, "r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * size)
            fh.write(os.urandom(size))
    return len(pages)


def test_index_stops_non_zero_when_a_write_meets_the_damage(library, capsys):
    """``index`` used to log a traceback per file and exit 0 here."""
    _, data = library
    db = data / "library.sqlite3"
    assert damage_pages_of(db, ("text_index_data", "text_index_idx")) >= 1
    code, out, err = cli(capsys, data, "index", "--workers", "1")
    assert code == 1, (out, err)
    assert err.startswith("medialens: the library database is damaged") and "Traceback" not in err
    assert err.count("\n") == 1
