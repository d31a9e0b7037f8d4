"""The library: the one object the CLI and the GUI drive. No Qt here, ever.

It ties the store, the plugin host, the scanner and the extraction pipeline
together and answers the questions people ask: which folders, how far along,
what went wrong, what is known about this file.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from medialens.core.catalog import Catalog, FileDetails
from medialens.store import Store
from medialens.core.duplicates import Group, find_duplicates
from medialens.core.features import load_result
from medialens.core.index import LibraryIndex
from medialens.core.kinds import Classifier
from medialens.core.pipeline import Pipeline, Progress
from medialens.core.plugins import PluginHost
from medialens.core.scanner import MUSIC_COLUMNS, Scanner, ScanReport, display, fs_bytes
from medialens.core.search import Hit, Searcher
from medialens.core.similar import Match, similar
from medialens.core.subtitles import Sidecar, sidecars
from medialens.paths import DataDirs

FACTS_VERSION = 1
"""Bump when the music-tag normaliser or the category rules change: the library then
recomputes the columns of every file once, when it opens."""
_FACTS_SETTING = "facts_version"


class LibraryError(Exception):
    """A request the library cannot honour; the message is for the person who asked."""


class Library:
    def __init__(
        self,
        dirs: DataDirs,
        *,
        entry_points: bool = True,
        builtins: bool = True,
        extra_plugins: list[tuple[str, object]] | None = None,
        workers: int | None = None,
    ) -> None:
        self.dirs = dirs.create()
        self.store = Store(dirs.database)
        self.host = PluginHost(
            self.store, entry_points=entry_points, builtins=builtins, extra=extra_plugins
        )
        self.workers = (
            workers or int(self.store.setting("workers", 0) or 0) or (os.cpu_count() or 2)
        )
        self.classifier = Classifier()
        self.scanner = Scanner(self.store, workers=max(2, self.workers), classifier=self.classifier)
        self.catalog = Catalog(self.store, self.dirs)
        self._index: LibraryIndex | None = None
        self._searcher: Searcher | None = None
        if self.store.setting(_FACTS_SETTING) != FACTS_VERSION:
            self.refresh_facts()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- folders -----------------------------------------------------------------------

    def add_folders(self, paths: list[str | os.PathLike]) -> list[str]:
        added = []
        for raw in paths:
            path = fs_bytes(raw)
            if not os.path.isdir(path):
                raise LibraryError(f"{display(path)} is not a folder (or does not exist)")
            with self.store.write() as conn:
                conn.execute(
                    "INSERT INTO folders (path, display_path, added_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(path) DO NOTHING",
                    (path, display(path), time.time()),
                )
            added.append(display(path))
        return added

    def remove_folder(self, raw: str | os.PathLike) -> None:
        """Forget a folder and its files. Their playback history is kept (by content)."""
        path = fs_bytes(raw)
        row = self.store.query_one("SELECT id FROM folders WHERE path = ?", (path,))
        if row is None:
            raise LibraryError(f"{display(path)} is not a library folder")
        with self.store.write() as conn:
            conn.execute("DELETE FROM folders WHERE id = ?", (row["id"],))

    def folders(self) -> list[dict]:
        rows = self.store.query(
            "SELECT f.id, f.display_path, f.available, f.last_scan, f.error, "
            "(SELECT count(*) FROM files WHERE folder_id = f.id AND status = 'media') AS files "
            "FROM folders f ORDER BY f.display_path"
        )
        return [
            {
                "path": r["display_path"],
                "available": bool(r["available"]),
                "files": r["files"],
                "last_scan": r["last_scan"],
                "error": r["error"],
            }
            for r in rows
        ]

    # -- indexing ------------------------------------------------------------------------

    def scan(self) -> ScanReport:
        return self.scanner.scan()

    def pipeline(
        self,
        workers: int | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_file_done: Callable[[int], None] | None = None,
    ) -> Pipeline:
        return Pipeline(
            self.store,
            self.host,
            self.dirs.cache,
            workers=workers or self.workers,
            on_progress=on_progress,
            on_file_done=on_file_done,
            classifier=self.classifier,
        )

    def update(
        self, workers: int | None = None, on_progress: Callable[[Progress], None] | None = None
    ) -> tuple[ScanReport, Progress]:
        """Scan every folder, then run every active extractor to completion."""
        report = self.scan()
        progress = self.pipeline(workers, on_progress).run()
        return report, progress

    # -- questions ------------------------------------------------------------------------

    def status(self) -> dict:
        conn = self.store.read_conn()
        files = conn.execute(
            "SELECT count(*) FROM files WHERE status = 'media' AND available = 1"
        ).fetchone()[0]
        pending = sum(self._pending_count(conn, e) for e in self.host.extractors())
        failed = [
            {"path": r[0], "extractor": "probe", "error": r[1]}
            for r in conn.execute(
                "SELECT display_path, error FROM files WHERE status = 'invalid' AND available = 1 "
                "ORDER BY display_path"
            )
        ]
        failed += [
            {"path": r[0], "extractor": r[1], "error": r[2]}
            for r in conn.execute(
                "SELECT f.display_path, x.extractor, x.error FROM failures x "
                "JOIN files f ON f.content_id = x.content_id "
                "WHERE f.available = 1 AND f.status = 'media' ORDER BY f.display_path, x.extractor"
            )
        ]
        extractors: dict[str, dict] = {}
        for extractor in self.host.all_extractors():
            version = str(extractor.version)
            done = conn.execute(
                "SELECT count(DISTINCT x.content_id) FROM features x JOIN files f "
                "ON f.content_id = x.content_id WHERE x.extractor = ? AND x.version = ? "
                "AND f.available = 1 AND f.status = 'media'",
                (extractor.name, version),
            ).fetchone()[0]
            nfailed = conn.execute(
                "SELECT count(DISTINCT x.content_id) FROM failures x JOIN files f "
                "ON f.content_id = x.content_id WHERE x.extractor = ? AND x.version = ? "
                "AND f.available = 1 AND f.status = 'media'",
                (extractor.name, version),
            ).fetchone()[0]
            extractors[extractor.name] = {"version": version, "done": done, "failed": nfailed}
        unavailable = conn.execute(
            "SELECT count(*) FROM files WHERE status = 'media' AND available = 0"
        ).fetchone()[0]
        return {
            "files": files,
            "unavailable": unavailable,
            "pending": pending,
            "failed_files": failed,
            "extractors": extractors,
            "folders": self.folders(),
            "data_dir": str(self.dirs.data),
        }

    @staticmethod
    def _pending_count(conn, extractor) -> int:
        """How many available media files still need this extractor: counted by SQLite on
        the primary keys, so the stored keys are never loaded to count them."""
        kinds = sorted(extractor.kinds)
        if not kinds:
            return 0
        marks = ",".join("?" * len(kinds))
        key = (extractor.name, str(extractor.version))
        return conn.execute(
            "SELECT count(*) FROM files f WHERE f.status = 'media' AND f.available = 1 "
            f"AND f.kind IN ({marks}) "
            "AND NOT EXISTS (SELECT 1 FROM features x WHERE x.content_id = f.content_id "
            "AND x.extractor = ? AND x.version = ?) "
            "AND NOT EXISTS (SELECT 1 FROM failures x WHERE x.content_id = f.content_id "
            "AND x.extractor = ? AND x.version = ?)",
            (*kinds, *key, *key),
        ).fetchone()[0]

    def file_row(self, raw: str | os.PathLike) -> dict:
        path = fs_bytes(raw)
        row = self.store.query_one("SELECT * FROM files WHERE path = ?", (path,))
        if row is None:
            raise LibraryError(f"{display(path)} is not in the library (add its folder and index)")
        return dict(row)

    def info(self, raw: str | os.PathLike) -> dict:
        row = self.file_row(raw)
        if row["status"] != "media":
            raise LibraryError(f"{row['display_path']} is not playable media: {row['error']}")
        conn = self.store.read_conn()
        features: dict[str, dict] = {}
        tags: dict[str, float] = {}
        for (name,) in conn.execute(
            "SELECT extractor FROM features WHERE content_id = ? ORDER BY extractor",
            (row["content_id"],),
        ):
            result = load_result(conn, row["content_id"], name)
            assert result is not None
            features[name] = {
                "tags": result.tags,
                "scalars": result.scalars,
                "vectors": {k: int(v.shape[0]) for k, v in result.vectors.items()},
                "text": result.text,
                "data": result.data,
            }
            for tag, score in result.tags.items():
                tags[tag] = max(score, tags.get(tag, 0.0))
        failures = {
            r[0]: r[1]
            for r in conn.execute(
                "SELECT extractor, error FROM failures WHERE content_id = ?", (row["content_id"],)
            )
        }
        return {
            "path": row["display_path"],
            "kind": row["kind"],
            "category": row["category"],
            "music": {
                name: row[name]
                for name in ("title", *MUSIC_COLUMNS)
                if row[name] is not None and (name != "title" or row["artist"] or row["album"])
            },
            "duration": row["duration"],
            "available": bool(row["available"]),
            "content_id": row["content_id"],
            "metadata": json.loads(row["metadata"] or "{}"),
            "features": features,
            "failures": failures,
            "tags": dict(sorted(tags.items(), key=lambda kv: -kv[1])),
        }

    def reclassify(self, only_unknown: bool = False) -> int:
        """Decide every file's category again (or only those still unknown).

        Returns how many files changed category. Runs in one write transaction: at
        100,000 files it takes seconds, so call it from a worker, never the GUI thread.
        """
        with self.store.write() as conn:
            return self.classifier.update_all(conn, only_unknown=only_unknown)

    def refresh_facts(self) -> int:
        """Refill the music-tag columns from each file's probed tags, then reclassify.

        For databases written before those columns existed, and whenever FACTS_VERSION
        changes. Reads no media file: the probe's tags are in ``files.metadata``.
        """
        from medialens.core.media import music_tags  # noqa: PLC0415 - loads PyAV

        columns = MUSIC_COLUMNS
        updates = []
        for file_id, metadata in self.store.read_conn().execute(
            "SELECT id, metadata FROM files WHERE status = 'media'"
        ):
            try:
                tags = (json.loads(metadata or "{}") or {}).get("tags") or {}
            except ValueError:
                tags = {}
            music = music_tags(tags) if isinstance(tags, dict) else {}
            updates.append((*(music.get(name) for name in columns), file_id))
        assignments = ", ".join(f"{name} = ?" for name in columns)
        with self.store.write() as conn:
            conn.executemany(f"UPDATE files SET {assignments} WHERE id = ?", updates)
        changed = self.reclassify()
        self.store.set_setting(_FACTS_SETTING, FACTS_VERSION)
        return changed

    def subtitles(self, raw: str | os.PathLike) -> list[Sidecar]:
        """Subtitle files beside a media file (``movie.srt``, ``movie.en.vtt``...)."""
        return sidecars(Path(os.fsdecode(fs_bytes(raw))))

    def retry_failures(self, extractor: str | None = None) -> int:
        """Forget failures so the next run tries those files again."""
        with self.store.write() as conn:
            cur = conn.execute(
                "DELETE FROM failures WHERE (? IS NULL OR extractor = ?)", (extractor, extractor)
            )
            return cur.rowcount

    def rerun(self, plugin: str) -> int:
        """Redo every file for a plugin's extractors. Returns how many results will be redone.

        The old results stay searchable until each file's new one replaces it: they are
        only marked stale (their version no longer matches), not deleted.
        """
        try:
            names = [e.name for e in self.host.records[plugin].extractors]
        except KeyError:
            raise LibraryError(f"no plugin called {plugin!r}") from None
        marks = ",".join("?" * len(names))
        with self.store.write() as conn:
            conn.execute(f"DELETE FROM failures WHERE extractor IN ({marks})", names)
            cur = conn.execute(
                f"UPDATE features SET version = 'stale:' || version WHERE extractor IN ({marks}) "
                "AND version NOT LIKE 'stale:%'",
                names,
            )
            return cur.rowcount

    def details(self, file_id: int) -> FileDetails | None:
        """Everything known about one file, as the details view shows it."""
        return self.catalog.details(file_id)

    def thumbnail_path(self, content_id: str) -> Path | None:
        path = self.dirs.thumbnail(content_id)
        return path if path.exists() else None

    # -- understanding ----------------------------------------------------------------------

    @property
    def index(self) -> LibraryIndex:
        """The in-memory features of the library, refreshed when it changes."""
        if self._index is None:
            self._index = LibraryIndex(self.store)
        return self._index.refresh()

    def search(self, query: str, n: int = 20) -> list[Hit]:
        """Hybrid keyword + semantic search. Loads the text model on first use."""
        if self._searcher is None:
            self._searcher = Searcher(
                self.store, self.index, self.host.text_embedder(), self.dirs.cache
            )
        return self._searcher.search(query, n)

    def similar(self, raw: str | os.PathLike, n: int = 10) -> list[Match]:
        row = self.file_row(raw)
        if row["status"] != "media":
            raise LibraryError(f"{row['display_path']} is not playable media: {row['error']}")
        return similar(self.index, row["id"], n)

    def duplicates(self) -> list[Group]:
        return find_duplicates(self.store, self.index)
