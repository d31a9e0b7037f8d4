"""What the user and the pipeline decided about plugins: disabled plugins, and extractors
marked malfunctioned.

Malfunction is kept per extractor (``extractor_malfunctions``): one extractor failing on
file after file stops that extractor only, not its plugin's other extractors. Re-enabling
the plugin clears the marks and forgets those extractors' failures in one transaction, so
the files that failed are tried again.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence

from medialens.store.records import ExtractorMalfunction, SavedPlugin
from medialens.store.table import Table, marks


class PluginState(Table):
    def saved(self) -> list[SavedPlugin]:
        """Every plugin the user enabled or disabled at some point."""
        return [
            SavedPlugin(r[0], bool(r[1]))
            for r in self._reader(None).execute("SELECT name, disabled FROM plugins")
        ]

    def malfunctions(self) -> dict[str, ExtractorMalfunction]:
        """Extractors marked malfunctioned, by extractor name."""
        return {
            r[0]: ExtractorMalfunction(*r)
            for r in self._reader(None).execute(
                "SELECT extractor, plugin, error, at FROM extractor_malfunctions"
            )
        }

    def set_enabled(
        self,
        plugin: str,
        enabled: bool,
        extractors: Sequence[str] = (),
        conn: sqlite3.Connection | None = None,
    ) -> int:
        """Save the choice. Enabling also clears the malfunction marks of the plugin (and of
        ``extractors``, its extractors now) and forgets those extractors' failures, so the
        files they failed on are tried again. Returns how many failures were forgotten."""
        names = list(extractors)
        with self._writer(conn) as w:
            w.execute(
                "INSERT INTO plugins (name, disabled, malfunction) VALUES (?, ?, NULL) "
                "ON CONFLICT(name) DO UPDATE SET disabled = excluded.disabled, malfunction = NULL",
                (plugin, 0 if enabled else 1),
            )
            if not enabled:
                return 0
            marked = [
                r[0]
                for r in w.execute(
                    "SELECT extractor FROM extractor_malfunctions "
                    f"WHERE plugin = ? OR extractor IN ({marks(names)})",
                    (plugin, *names),
                )
            ]
            if not marked:
                return 0
            w.execute(
                f"DELETE FROM extractor_malfunctions WHERE extractor IN ({marks(marked)})", marked
            )
            return w.execute(
                f"DELETE FROM failures WHERE extractor IN ({marks(marked)})", marked
            ).rowcount

    def mark_malfunctioned(
        self, extractor: str, plugin: str, error: str, conn: sqlite3.Connection | None = None
    ) -> None:
        with self._writer(conn) as w:
            w.execute(
                "INSERT INTO extractor_malfunctions (extractor, plugin, error, at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(extractor) DO UPDATE SET "
                "plugin = excluded.plugin, error = excluded.error, at = excluded.at",
                (extractor, plugin, error[:2000], time.time()),
            )

    def load_hangs(self) -> dict[str, str]:
        """Plugins that did not answer in time when loaded, and what was said: they are
        not loaded again until the user enables them (which clears this)."""
        return {
            r[0]: r[1]
            for r in self._reader(None).execute(
                "SELECT name, malfunction FROM plugins WHERE malfunction IS NOT NULL"
            )
        }

    def mark_load_hang(
        self, plugin: str, error: str, conn: sqlite3.Connection | None = None
    ) -> None:
        with self._writer(conn) as w:
            w.execute(
                "INSERT INTO plugins (name, disabled, malfunction) VALUES (?, 0, ?) "
                "ON CONFLICT(name) DO UPDATE SET malfunction = excluded.malfunction",
                (plugin, error[:2000]),
            )
