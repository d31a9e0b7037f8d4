"""The library database's faults, for the layers above the core that speak no store.

The GUI imports only the core (``tests/core/test_import_graph.py``); it needs the fault
that an error means (to word it in the user's language) and whether a backup exists (to
offer Restore). Both are the store's knowledge: this module hands them on unchanged.
"""

from __future__ import annotations

from pathlib import Path

from medialens.store import DatabaseError, DiskFull
from medialens.store import database_fault as fault_of
from medialens.store.backups import Backups

__all__ = ["DatabaseError", "DiskFull", "backup_count", "fault_of"]


def backup_count(database: Path) -> int:
    """How many verified backups of ``database`` there are (none checked again here)."""
    return len(Backups(database).all())
