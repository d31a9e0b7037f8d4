"""The library: the one object the CLI and the GUI drive. No Qt here, ever.

It ties the store, the plugin host, the scanner and the extraction pipeline
together and answers the questions people ask: which folders, how far along,
what went wrong, what is known about this file.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from medialens.api import FingerprintOutput, extractor_categories
from medialens.core.catalog import Catalog, FileDetails
from medialens.core.duplicates import Group, find_duplicates
from medialens.core.errors import LibraryError
from medialens.core.events import EventLog
from medialens.core.index import IndexSnapshot, LibraryIndex
from medialens.core.inputs import MAX_COUNT
from medialens.core.kinds import Classifier
from medialens.core.pipeline import Pipeline
from medialens.core.plugins import DISABLED, LOAD_TIMEOUT, PluginHost
from medialens.core.recommendations import Recommender
from medialens.core.scanner import Scanner, ScanReport, display, fs_bytes
from medialens.core.scheduler import Progress
from medialens.core.search import Hit, Meanings, Searcher
from medialens.core.similar import Match, similar
from medialens.core.subtitles import Sidecar, sidecars
from medialens.core.tags import music_tags
from medialens.core.taste import TasteModel
from medialens.core.vector_search import VectorSearch
from medialens.core.worker_process import WorkerConfig
from medialens.paths import DataDirs
from medialens.store import MUSIC_COLUMNS, FileRecord, Store
from medialens.store.text_index import CJK

log = logging.getLogger(__name__)

FACTS_VERSION = 1
"""Bump when the music-tag normaliser or the category rules change: the library then
recomputes the columns of every file once, when it opens."""
_FACTS_SETTING = "facts_version"
FAILURES_LISTED = 200
#: Seconds a due daily backup waits after the library opens (see the Store).
DAILY_BACKUP_DELAY_S = 30.0
"""How many failures ``status`` and the Activity page list (the count says how many)."""


def _as_int(value: object) -> int:
    """A stored number setting, 0 when it is missing or not a number."""
    try:
        return int(value) if isinstance(value, (int, float, str)) else 0
    except ValueError:
        return 0


def _as_float(value: str | None, default: float) -> float:
    try:
        number = float(value) if value else default
    except ValueError:
        return default
    return number if number > 0 and number != float("inf") else default


def _count(n: int) -> int:
    """A number of results as the services can use it: from 1 to ``inputs.MAX_COUNT``."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise LibraryError(f"the number of results must be a whole number from 1, not {n!r}")
    return min(n, MAX_COUNT)


class Library:
    def __init__(
        self,
        dirs: DataDirs,
        *,
        entry_points: bool = True,
        builtins: bool = True,
        extra_plugins: list[tuple[str, object]] | None = None,
        workers: int | None = None,
        isolate: bool | None = None,
    ) -> None:
        self.dirs = dirs.create()
        # A due daily backup (a copy and a check of the whole database: seconds at 10^5
        # files, a minute at 10^6) waits until the start is over, For you painted: on two
        # cores it slowed a first start's index build and ranking.
        self.store = Store(dirs.database, backup_delay=DAILY_BACKUP_DELAY_S)
        self.host = PluginHost(
            self.store,
            entry_points=entry_points,
            builtins=builtins,
            extra=extra_plugins,
            load_timeout=_as_float(os.environ.get("MEDIALENS_PLUGIN_LOAD_TIMEOUT"), LOAD_TIMEOUT),
        )
        # Plugins run in worker processes the library can kill, unless the embedding
        # program hands in plugin objects of its own (they live in this process), or
        # MEDIALENS_IN_PROCESS=1 asks for the old way (to measure what isolation costs).
        if isolate is None:
            isolate = not extra_plugins and os.environ.get("MEDIALENS_IN_PROCESS") != "1"
        self.isolate = isolate
        self._plugin_sources = (entry_points, builtins)
        self.workers = workers or _as_int(self.store.setting("workers", 0)) or (os.cpu_count() or 2)
        self.classifier = Classifier()
        self.scanner = Scanner(self.store, workers=max(2, self.workers), classifier=self.classifier)
        self.catalog = Catalog(self.store, self.dirs)
        self._index: LibraryIndex | None = None
        self._searchers: dict[str, Searcher] = {}  # "main", and "cjk" for Chinese queries
        self._services_lock = threading.Lock()
        if self.store.setting(_FACTS_SETTING) != FACTS_VERSION:
            self.refresh_facts()

    def close(self) -> None:
        """Stop search's thread and close the store (the taste model's unsaved updates
        are replayed from the events by whoever loads it next)."""
        with self._services_lock:
            searchers, self._searchers = list(self._searchers.values()), {}
        for searcher in searchers:
            searcher.close()
        if self._index is not None:
            self._index.close()
        if "vector_search" in self.__dict__:
            self.vector_search.close()
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
            self.store.folders.add(path, display(path))
            added.append(display(path))
        return added

    def remove_folder(self, raw: str | os.PathLike) -> None:
        """Forget a folder and its files. Their playback history is kept (by content)."""
        path = fs_bytes(raw)
        folder_id = self.store.folders.id_of(path)
        if folder_id is None:
            raise LibraryError(f"{display(path)} is not a library folder")
        self.store.folders.remove(folder_id)

    def folders(self) -> list[dict]:
        return [
            {
                "path": f.display_path,
                "available": f.available,
                "files": f.files,
                "last_scan": f.last_scan,
                "error": f.error,
            }
            for f in self.store.folders.all()
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
            isolation=self._worker_config() if self.isolate else None,
            memory_limit=self._worker_memory_limit(),
        )

    def _worker_config(self) -> WorkerConfig:
        entry_points, builtins = self._plugin_sources
        return WorkerConfig(
            self.dirs.database, self.dirs.cache, entry_points, builtins, self.host.not_loaded()
        )

    def _worker_memory_limit(self) -> int | None:
        """Bytes an extraction worker may hold (``MEDIALENS_WORKER_MEMORY_MB`` or the
        ``worker_memory_mb`` setting; the pipeline's default share of memory otherwise)."""
        raw = os.environ.get("MEDIALENS_WORKER_MEMORY_MB") or self.store.setting(
            "worker_memory_mb", 0
        )
        mb = _as_int(raw)
        return mb << 20 if mb > 0 else None

    def update(
        self, workers: int | None = None, on_progress: Callable[[Progress], None] | None = None
    ) -> tuple[ScanReport, Progress]:
        """Scan every folder, then run every active extractor to completion."""
        report = self.scan()
        self.check_counts()
        progress = self.pipeline(workers, on_progress).run()
        return report, progress

    def check_counts(self) -> bool:
        """Recount the store's work counters from the rows and mend them if they drifted
        (what ``status`` reads): a grouped pass over each table, seconds at a million
        files, so the indexer runs it before it plans, never the GUI thread."""
        drifted = self.store.extraction.check_counts()
        if drifted:
            log.warning("the library's work counters had drifted from its rows: recounted")
        return drifted

    # -- questions ------------------------------------------------------------------------

    def status(self) -> dict:
        """How far along the library is, from the store's work counters.

        Nothing is planned, no stored key is loaded and no file is counted (the counters
        are kept by the writes, see ``store.counters``), so this costs the same at a
        million files as at a hundred. ``failed_files`` lists the first
        :data:`FAILURES_LISTED` failures; ``failed_count`` is how many there are.
        """
        work = self.store.extraction
        pending = sum(
            work.pending_count(
                e.name, str(e.version), sorted(e.kinds), sorted(extractor_categories(e))
            )
            for e in self.host.extractors()
        )
        extractors = self.extractor_counts()
        return {
            "files": self.store.files.count_media(available=True),
            "unavailable": self.store.files.count_media(available=False),
            "pending": pending,
            "failed_files": self.failures(FAILURES_LISTED)["rows"],
            "failed_count": work.failure_count(),
            "extractors": extractors,
            "folders": self.folders(),
            "data_dir": str(self.dirs.data),
        }

    def extractor_counts(self) -> dict[str, dict]:
        """Each extractor's version and how many playable files it did and failed on (the
        plugins page's numbers, without ``status``'s count of pending work)."""
        work = self.store.extraction
        done, failed = work.done_counts(), work.failed_counts()
        extractors: dict[str, dict] = {}
        for extractor in self.host.all_extractors():
            key = (extractor.name, str(extractor.version))
            extractors[extractor.name] = {
                "version": key[1],
                "done": done.get(key, 0),
                "failed": failed.get(key, 0),
            }
        return extractors

    def failures(self, limit: int | None = FAILURES_LISTED) -> dict:
        """The first ``limit`` failures (unreadable files first, then by path) with their
        file ids, and how many there are in all: what the Activity page shows."""
        work = self.store.extraction
        rows = [
            {"path": f.path, "extractor": f.extractor, "error": f.error, "file_id": f.file_id}
            for f in work.failures(limit)
        ]
        count = len(rows) if limit is None or len(rows) < limit else work.failure_count()
        return {"rows": rows, "count": count}

    def file(self, raw: str | os.PathLike) -> FileRecord:
        """The library's row of a file, by its path."""
        path = fs_bytes(raw)
        record = self.store.files.by_path(path)
        if record is None:
            raise LibraryError(f"{display(path)} is not in the library (add its folder and index)")
        return record

    def _media(self, raw: str | os.PathLike) -> FileRecord:
        record = self.file(raw)
        if not record.is_media:
            raise LibraryError(f"{record.display_path} is not playable media: {record.error}")
        return record

    def info(self, raw: str | os.PathLike) -> dict:
        """A file's details as JSON: the same read as the GUI's details pane."""
        details = self.catalog.details(self._media(raw).id)
        assert details is not None  # the file was just found
        return details.as_json()

    def reclassify(self, only_unknown: bool = False) -> int:
        """Decide every file's category again (or only those still unknown).

        Returns how many files changed category. Runs in one write transaction: at
        100,000 files it takes seconds, so call it from a worker, never the GUI thread.
        """
        with self.store.write() as conn:
            return self.classifier.update_all(self.store, only_unknown=only_unknown, conn=conn)

    def refresh_facts(self) -> int:
        """Refill the music-tag columns from each file's probed tags, then reclassify.

        For databases written before those columns existed, and whenever FACTS_VERSION
        changes. Reads no media file: the probe's tags are in ``files.metadata``.
        """
        updates = []
        for file_id, metadata in self.store.files.media_metadata():
            try:
                tags = (json.loads(metadata or "{}") or {}).get("tags") or {}
            except ValueError:
                tags = {}
            music = music_tags(tags) if isinstance(tags, dict) else {}
            updates.append((*(music.get(name) for name in MUSIC_COLUMNS), file_id))
        self.store.files.set_music(updates)
        changed = self.reclassify()
        self.store.set_setting(_FACTS_SETTING, FACTS_VERSION)
        return changed

    def subtitles(self, raw: str | os.PathLike) -> list[Sidecar]:
        """Subtitle files beside a media file (``movie.srt``, ``movie.en.vtt``...)."""
        return sidecars(Path(os.fsdecode(fs_bytes(raw))))

    def retry_failures(self, extractor: str | None = None) -> int:
        """Forget failures so the next run tries those files again."""
        return self.store.extraction.forget_failures(extractor)

    def rerun(self, plugin: str) -> int:
        """Redo every file for a plugin's extractors. Returns how many results will be redone.

        The old results stay searchable until each file's new one replaces it: they are
        only marked stale (their version no longer matches), not deleted.
        """
        try:
            names = [e.name for e in self.host.records[plugin].extractors]
        except KeyError:
            raise LibraryError(f"no plugin called {plugin!r}") from None
        return self.store.extraction.redo(names)

    def details(self, file_id: int) -> FileDetails | None:
        """Everything known about one file, as the details view shows it."""
        return self.catalog.details(file_id)

    # -- understanding ----------------------------------------------------------------------

    @property
    def feature_index(self) -> LibraryIndex:
        """The owner of the in-memory features (created on first use, not loaded until
        refreshed); a disabled plugin's results take no part."""
        with self._services_lock:
            if self._index is None:
                self._index = LibraryIndex(
                    self.store, excluded=self._disabled_extractors, folder=self.dirs.cache / "index"
                )
            return self._index

    def _disabled_extractors(self) -> list[str]:
        return [
            e.name for r in self.host.records.values() if r.status == DISABLED for e in r.extractors
        ]

    @property
    def index(self) -> IndexSnapshot:
        """The in-memory features of the library, refreshed when it (or a plugin) changed."""
        return self.feature_index.refresh()

    @functools.cached_property
    def events(self) -> EventLog:
        """The playback history: record, resume positions, export, forget."""
        events = EventLog(self.store)
        events.before_export.append(lambda: self.taste.save_for_export())
        return events

    @functools.cached_property
    def taste(self) -> TasteModel:
        """The person's interest model, kept in step with :attr:`events`."""
        return TasteModel(self.store, self.events, lambda: self.index.item_vectors())

    @functools.cached_property
    def recommender(self) -> Recommender:
        """For you, its sections and shelves, and more like this."""
        return Recommender(
            self.store, lambda: self.index, self.events, self.taste, self.vector_search,
            warm=self.feature_index.warm,
        )  # fmt: skip

    @functools.cached_property
    def vector_search(self) -> VectorSearch:
        """Nearest-neighbour graphs of the big feature blocks, kept in the cache folder."""
        return VectorSearch(self.dirs.cache)

    def searcher(self, query: str = "") -> Searcher:
        """The searcher over the current text embedder; a new one (and the old one closed)
        when a plugin toggle changed which embedder that is.

        A query written in Chinese (or Japanese, Korean) goes to a multilingual embedder
        when the one in use is not, and one is installed (``TextEmbedder.multilingual``):
        MiniLM cannot read it, and a multilingual model meets it in English tags' space.
        """
        embedder = self.host.text_embedder()
        slot = "main"
        if CJK.search(query) and not getattr(embedder, "multilingual", False):
            other = self.host.multilingual_embedder()
            if other is not None:
                embedder, slot = other, "cjk"
        index = self.feature_index
        with self._services_lock:
            old = self._searchers.get(slot)
            if old is not None and old.embedder is embedder and not old.closed:
                return old
            meanings = Meanings.of(self.host.all_extractors())
            new = Searcher(
                self.store, index, embedder, self.dirs.cache, meanings, self.vector_search
            )
            self._searchers[slot] = new
        if old is not None:
            old.close()
        return new

    def search(self, query: str, n: int = 20) -> list[Hit]:
        """Hybrid keyword + semantic search. Loads the text model on first use."""
        return self.searcher(query).search(query, _count(n))

    def warm_search(self) -> None:
        """Ask one throwaway query, so that a person's first search does not wait for what
        any first query loads: the text model (0.9 s), the text block's moments (0.1 to
        0.7 s) and the approximate index, which is asked for on first use. The window runs
        it on its core thread once For you is shown."""
        self.search("warm up", 1)

    def similar(self, raw: str | os.PathLike, n: int = 10) -> list[Match]:
        """The files most like this one (the one similarity; see :mod:`.similar`)."""
        return similar(self.index, self._media(raw).id, _count(n), self.vector_search)

    def duplicates(self) -> list[Group]:
        fingerprints = [
            (e.name, o.key)
            for e in self.host.extractors()
            for o in e.outputs
            if isinstance(o, FingerprintOutput)
        ]
        return find_duplicates(self.store, self.index, fingerprints)
