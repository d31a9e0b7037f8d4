"""What every group of tables shares: its store, and the read/write connection rule.

The rule (the same for every method of every table class):

* reads use this thread's reader connection, unless given ``conn=`` (to read inside a
  write transaction, and see what it wrote);
* writes open their own ``store.write()`` transaction, unless given ``conn=`` from
  ``with store.write() as conn:``, which they then join, so several writes of the caller
  commit or roll back together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sized
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from medialens.store.database import Store


class Table:
    """A group of tables' statements, over one :class:`~medialens.store.database.Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _reader(self, conn: sqlite3.Connection | None) -> sqlite3.Connection:
        return conn if conn is not None else self.store.read_conn()

    @contextmanager
    def _writer(self, conn: sqlite3.Connection | None) -> Iterator[sqlite3.Connection]:
        if conn is not None:
            yield conn
            return
        with self.store.write() as own:
            yield own


def marks(values: Sized) -> str:
    """``?,?,?``: one placeholder per value, for ``IN (...)``."""
    return ",".join("?" * len(values))
