"""What the app's views show, read from the store in a few fast queries. No Qt here.

The GUI fills its grids, its change poll and its details pane from these reads
and runs no SQL of its own. They need only the store (not the plugins), so the
window shows the library before the :class:`~medialens.core.library.Library`
has loaded its plugins.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from medialens.core.features import load_result
from medialens.paths import DataDirs
from medialens.store import MUSIC_COLUMNS, Store


class LibraryRow(NamedTuple):
    """One media file as the library views show it.

    A tuple, so 100,000 of them load in one query and cost little memory; named,
    so code says ``row.title`` instead of an index.
    """

    id: int
    content_id: str
    kind: str | None
    duration: float | None
    title: str
    path: str
    artist: str | None
    album: str | None
    added_at: float | None
    available: int
    folder: str | None
    last_played: float | None
    position: float | None
    unfinished: bool
    width: int | None
    height: int | None
    category: str | None  # music | speech | sound | video; None while unknown (core.kinds)
    album_artist: str | None  # as tagged; an album's artist is album_artist or artist
    track: int | None
    disc: int | None
    year: int | None
    genre: str | None


class RowHistory(NamedTuple):
    """What a row shows of the history: last played at, and unfinished positions, by content."""

    played: dict[str, float]
    unfinished: dict[str, float]


class TagScore(NamedTuple):
    """A tag of a file, its best score and the extractor that gave it."""

    tag: str
    score: float
    extractor: str


@dataclass(frozen=True)
class ExtractorRun:
    """What one extractor did with a file: stored a result (``ok``) or failed with ``error``."""

    name: str
    version: str
    ok: bool
    seconds: float | None = None
    error: str | None = None


@dataclass(frozen=True)
class FileDetails:
    """Everything the details view shows about one file."""

    id: int
    content_id: str
    path: str
    kind: str | None
    duration: float | None
    title: str
    available: bool
    added_at: float | None
    metadata: dict[str, Any]
    tags: list[TagScore]  # every tag, strongest first
    extractors: list[ExtractorRun]
    plays: int
    feedback: str | None
    thumbnail: Path
    category: str | None = None
    music: dict[str, Any] = field(default_factory=dict)  # title, artist, album...
    results: dict[str, dict[str, Any]] = field(default_factory=dict)  # per extractor

    def as_json(self) -> dict[str, Any]:
        """What ``medialens info --json`` prints: the same details the GUI's pane shows."""
        return {
            "path": self.path,
            "kind": self.kind,
            "category": self.category,
            "music": self.music,
            "duration": self.duration,
            "available": self.available,
            "content_id": self.content_id,
            "metadata": self.metadata,
            "features": self.results,
            "failures": {e.name: e.error for e in self.extractors if not e.ok},
            "tags": {t.tag: t.score for t in self.tags},
        }


def _title(title: str | None, path: str) -> str:
    """A file's title, or its name without extension when its tags give none."""
    return title or os.path.splitext(os.path.basename(path))[0]


class Catalog:
    """The reads behind the library views, on the store's reader connection."""

    def __init__(self, store: Store, dirs: DataDirs) -> None:
        self.store = store
        self.dirs = dirs

    @staticmethod
    def upgrade_pending(dirs: DataDirs) -> bool:
        """True when opening the library first migrates an older schema (slow when large)."""
        from medialens.store.database import upgrade_pending

        return upgrade_pending(dirs.database)

    @classmethod
    def open(cls, dirs: DataDirs) -> Catalog:
        """Open the library's store (in milliseconds: no plugins) and read through it.

        This store makes no daily backup: the Library opened beside it in the same process
        makes it, after its start (two stores opened together each copied the whole
        database, and this one at once, beside the window's first paint)."""
        dirs.create()
        return cls(Store(dirs.database, daily_backup=False), dirs)

    def rows(self, category: str | None = None) -> list[LibraryRow]:
        """Every media file (of a category), in one query; when and how far it was played
        from history. O(files): the GUI pages through ``order`` and ``rows_of`` instead."""
        return self._rows(self.store.views.media_rows(category), self.history())

    def counts(self) -> dict[str, object]:
        """Files by kind and category (``all``, ``video``, ``music``, ``speech``, ``sound``,
        ``unsorted`` audio) and ``first_added``, the time the library's first file came."""
        return self.store.views.media_counts()

    def history(self) -> RowHistory:
        """When each content was last played and where it was left: what rows carry of
        the history (a few queries over the events, not over the files)."""
        from medialens.core.events import EventLog

        events = EventLog(self.store)
        return RowHistory(
            events.played_at(), {u.content_id: u.position for u in events.unfinished()}
        )

    def rows_of(
        self, file_ids: Iterable[int], history: RowHistory | None = None
    ) -> list[LibraryRow]:
        """These media files as rows, in the order asked (unknown ids are left out): a
        page of a view, by primary key."""
        ids = [int(i) for i in file_ids]
        found = {r[0]: r for r in self.store.views.media_rows_of(ids)}
        rows = self._rows((found[i] for i in ids if i in found), history or self.history())
        return rows

    def order(
        self,
        sort: str = "added",
        descending: bool = True,
        kind: str | None = None,
        category: str | None = None,
        folder: str | None = None,
    ):
        """The ids (a numpy int64 array) of the media files a view shows, in its order:
        filtered and sorted by SQLite (``sort`` is a ``store.views.ORDER_KEYS`` name)."""
        from medialens.core.events import PLAY_KINDS

        return self.store.views.media_order(
            sort, descending, kind=kind, category=category, folder=folder, played_kinds=PLAY_KINDS
        )

    def media_among(self, file_ids: Iterable[int]) -> list[int]:
        """These ids, in order, less those that are not (or no longer) media files."""
        ids = [int(i) for i in file_ids]
        media = self.store.views.media_ids_among(ids)
        return [i for i in ids if i in media]

    def row(self, file_id: int) -> LibraryRow | None:
        """One media file as a row (a primary-key read), or None."""
        rows = self.rows_of([file_id])
        return rows[0] if rows else None

    @staticmethod
    def _rows(tuples: Iterable[tuple], history: RowHistory) -> list[LibraryRow]:
        played, unfinished = history
        out = []
        for r in tuples:
            fid, cid, kind, dur, title, path, artist, album, added, avail, folder, w, h = r[:13]
            position = unfinished.get(cid)
            out.append(
                LibraryRow(
                    fid, cid, kind, dur, _title(title, path), path, artist, album, added, avail,
                    folder, played.get(cid), position, position is not None, w, h, *r[13:],
                )
            )  # fmt: skip
        return out

    def signature(self) -> tuple:
        """A cheap fingerprint of what the library views show: poll it to notice changes."""
        return self.store.views.signature()

    def content_ids(self, file_ids: Iterable[int]) -> dict[int, str]:
        """The content id of each of these files that is still known, by file id."""
        return self.store.files.content_ids(file_ids)

    def failed_files(self) -> int:
        """How many available files failed somewhere: unreadable, or an extractor failed.

        Read from the store, so the count is right from start-up, before anything runs.
        """
        return self.store.extraction.failed_file_count()

    def details(self, file_id: int) -> FileDetails | None:
        """Everything the details view shows about one file, or None for an unknown id."""
        from medialens.core.events import EventLog

        row = self.store.files.get(file_id)
        if row is None:
            return None
        cid = row.content_id or ""  # only a file that is not media has none
        tags: dict[str, tuple[float, str]] = {}
        extractors = []
        results: dict[str, dict[str, Any]] = {}
        for stored in self.store.extraction.results_of(cid):
            name = stored.extractor
            extractors.append(ExtractorRun(name, stored.version, True, seconds=stored.seconds))
            for tag, score in stored.tags.items():
                if tag not in tags or score > tags[tag][0]:
                    tags[tag] = (float(score), name)
            result = load_result(self.store, cid, name)
            if result is not None:
                results[name] = {
                    "tags": result.tags,
                    "scalars": result.scalars,
                    "vectors": {k: int(v.shape[0]) for k, v in result.vectors.items()},
                    "text": result.text,
                    "data": result.data,
                }
        for failure in self.store.extraction.failures_of(cid):
            extractors.append(
                ExtractorRun(failure.extractor, failure.version, False, error=failure.error)
            )
        ranked = sorted((TagScore(t, s, e) for t, (s, e) in tags.items()), key=lambda x: -x.score)
        return FileDetails(
            id=row.id,
            content_id=cid,
            path=row.display_path,
            kind=row.kind,
            duration=row.duration,
            title=_title(row.title, row.display_path),
            available=row.available,
            added_at=row.added_at,
            metadata=row.metadata,
            tags=ranked,
            extractors=extractors,
            plays=self.store.views.plays(cid),
            feedback=EventLog(self.store).feedback().get(cid),
            thumbnail=self.dirs.thumbnail(cid),
            category=row.category,
            music={
                name: getattr(row, name)
                for name in ("title", *MUSIC_COLUMNS)
                if getattr(row, name) is not None and (name != "title" or row.artist or row.album)
            },
            results=results,
        )

    def stored_data_keys(
        self, extractor: str, known: Iterable[str], sample: int = 50, among: int = 2000
    ) -> list[str]:
        """Which of the ``known`` data keys an extractor filled in on some of its files
        (``sample`` of its results among the newest ``among`` files': O(1) in the library).

        For extractors that declare no outputs, what they stored says what they make.
        """
        known = list(known)
        seen: set[str] = set()
        for data in self.store.extraction.data_sample(extractor, among, sample):
            try:
                values = json.loads(data)
            except ValueError:
                continue
            if isinstance(values, dict):
                seen.update(k for k in known if values.get(k))
        return [k for k in known if k in seen]
