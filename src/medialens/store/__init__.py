"""The store: the one layer that speaks SQL.

Everything above it (the core, the CLI, the GUI) asks the store through typed methods and
records; no other package runs a statement. Like beets' ``dbcore``, the connection and its
transactions, the migrations and the queries live here together, so a schema change is
made in one place.

One module per group of tables (``files``, ``folders``, ``extraction``, ``views``...), each a
class over the :class:`Store` that the store exposes as an attribute (``store.files``).
Methods take and return typed records (``records``) and plain values, never a
``sqlite3.Row``.

Transactions, one rule for every method: a read uses this thread's reader connection
unless given ``conn=``; a write opens its own ``store.write()`` transaction unless given
``conn=`` from ``with store.write() as conn:``, which it then joins, so that several
writes commit or roll back together (see ``table.Table``).
"""

from medialens.store.database import Store
from medialens.store.faults import (
    DatabaseDamaged,
    DatabaseError,
    DatabaseGone,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
)
from medialens.store.faults import translate as database_fault
from medialens.store.records import (
    MUSIC_COLUMNS,
    ExaminedFile,
    ExtractorMalfunction,
    Failure,
    FileRecord,
    FolderRecord,
    KnownFile,
    PendingFile,
    ResultValues,
    SavedPlugin,
    StoredFailure,
    StoredResult,
    Wanted,
)

__all__ = [
    "MUSIC_COLUMNS",
    "DatabaseDamaged",
    "DatabaseError",
    "DatabaseGone",
    "DatabaseMissing",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "DiskFull",
    "ExaminedFile",
    "ExtractorMalfunction",
    "Failure",
    "FileRecord",
    "FolderRecord",
    "KnownFile",
    "PendingFile",
    "ResultValues",
    "SavedPlugin",
    "Store",
    "StoredFailure",
    "StoredResult",
    "Wanted",
    "database_fault",
]
