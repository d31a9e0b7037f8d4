"""The store: the one layer that speaks SQL.

Everything above it (the core, the CLI, the GUI) asks the store through typed methods and
records; no other package runs a statement. Like beets' ``dbcore``, the connection and its
transactions, the migrations and the queries live here together, so a schema change is
made in one place.
"""

from medialens.store.database import DatabaseError, DatabaseTooNew, Store

__all__ = ["DatabaseError", "DatabaseTooNew", "Store"]
