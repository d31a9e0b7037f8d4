"""Opening a library written by an older Medialens says so while its migrations run."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtWidgets import QApplication

from medialens.gui import services as S
from medialens.gui.upgrade_notice import UpgradeNotice, open_while_telling
from medialens.paths import data_dirs
from medialens.store import Store
from medialens.store.database import upgrade_pending
from medialens.store.migrations import MIGRATIONS


def older_library(data_dir) -> object:
    """A library as the previous version left it: the newest migration not applied."""
    dirs = data_dirs(data_dir)
    dirs.create()
    Store(dirs.database).close()
    conn = sqlite3.connect(dirs.database)
    conn.execute("DELETE FROM migrations WHERE version = ?", (len(MIGRATIONS),))
    conn.commit()
    conn.close()
    return dirs


def test_only_an_older_schema_is_an_upgrade(data_dir, tmp_path):
    dirs = data_dirs(data_dir)
    assert not upgrade_pending(dirs.database)  # no library yet: a new one is made
    dirs.create()
    Store(dirs.database).close()
    assert not upgrade_pending(dirs.database)  # current
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database at all" * 100)
    assert not upgrade_pending(tmp_path / "junk.sqlite3")  # opening says what is wrong
    older_library(data_dir)
    assert upgrade_pending(dirs.database)


def test_the_notice_shows_while_the_library_is_migrated_on_a_worker(qapp, data_dir):
    dirs = older_library(data_dir)
    seen: list[tuple[bool, bool]] = []  # (a notice visible, on the GUI thread)
    gui = threading.get_ident()

    def open_slowly():
        time.sleep(0.3)  # let the event loop paint the notice meanwhile
        notices = [w for w in QApplication.topLevelWidgets() if isinstance(w, UpgradeNotice)]
        seen.append((any(w.isVisible() for w in notices), threading.get_ident() == gui))
        return S.Services.open(dirs)

    services = open_while_telling(qapp, open_slowly)
    try:
        assert seen == [(True, False)]
        assert services.store.schema_version == len(MIGRATIONS)
        assert not upgrade_pending(dirs.database)
        notices = [w for w in QApplication.topLevelWidgets() if isinstance(w, UpgradeNotice)]
        assert not any(w.isVisible() for w in notices)
    finally:
        services.close()


def test_a_failure_while_migrating_reaches_the_caller(qapp):
    def fails():
        raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError, match="the disk went away"):
        open_while_telling(qapp, fails)


def test_the_app_opens_an_older_library_through_the_notice(qapp, data_dir):
    from argparse import Namespace

    from medialens.gui.app import _open_or_explain

    dirs = older_library(data_dir)
    services = _open_or_explain(qapp, dirs, Namespace(language="en", theme="light"))
    try:
        assert services is not None
        assert services.store.schema_version == len(MIGRATIONS)
    finally:
        if services is not None:
            services.close()
