"""Walks the library folders and keeps the ``files`` table true to the disk.

A rescan of unchanged files only stats them (size and mtime match the row).
New or changed files are hashed (identity) and probed (is it real media?) on a
small thread pool, since both wait on I/O and FFmpeg releases the GIL. A file
whose identity matches a row whose path is gone is a move: the row takes the
new path and keeps its id, features and history. Files that vanish, and every
file of a folder that is unreachable, are marked unavailable, never deleted.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from medialens.core.identity import content_id
from medialens.core.kinds import Classifier
from medialens.store import MUSIC_COLUMNS, ExaminedFile, KnownFile, Store

# Names that promise audio or video: a file with one of these that does not
# decode is reported as a failure; any other file that does not decode is just
# not media (a cover.jpg, a README) and is ignored quietly. Files with other
# names are still probed, so a video called "clip.bin" is found.
MEDIA_EXTENSIONS = frozenset(
    ".mp3 .ogg .oga .opus .flac .wav .m4a .aac .wma .aiff .aif .ape .mka .alac .wv "
    ".mp4 .m4v .mkv .webm .avi .mov .wmv .mpg .mpeg .ts .m2ts .ogv .3gp .flv .vob".split()
)
# Never worth probing: saves opening every sidecar and image in a media folder.
SKIP_EXTENSIONS = frozenset(
    ".jpg .jpeg .png .gif .bmp .webp .tif .tiff .svg .ico .txt .md .nfo .srt .vtt .ass .ssa "
    ".sub .idx .cue .log .json .xml .html .pdf .db .sqlite .sqlite3 .ini .lrc .m3u .m3u8 .pls "
    ".part .crdownload .tmp .ds_store".split()
)
BATCH = 500


def fs_bytes(path: str | bytes | os.PathLike) -> bytes:
    return os.fsencode(os.path.abspath(os.fsdecode(path)))


def display(path: bytes) -> str:
    """The path as text for people (undecodable bytes shown as U+FFFD)."""
    return path.decode("utf-8", errors="replace")


def _empty(root: bytes) -> bool:
    """Whether the folder holds no entry at all (an empty mount point, say)."""
    try:
        with os.scandir(root) as entries:
            return next(entries, None) is None
    except OSError:
        return False


@dataclass
class ScanReport:
    seen: int = 0
    added: int = 0
    changed: int = 0
    moved: int = 0
    missing: int = 0
    invalid: int = 0
    errors: list[str] = field(default_factory=list)
    changed_ids: list[int] = field(default_factory=list)
    moved_ids: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def merge(self, other: ScanReport) -> None:
        for name in ("seen", "added", "changed", "moved", "missing", "invalid"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors
        self.changed_ids += other.changed_ids
        self.moved_ids += other.moved_ids


def _unchanged(row: KnownFile, st: os.stat_result) -> bool:
    """Whether a stat says the file is as stored: same size, mtime and ctime.

    The ctime catches what size and mtime miss: a rewrite that restores the old mtime (no
    program can set the ctime). Rows stored before ctimes were have none: size and mtime
    decide, and the scan records their ctime.
    """
    return (
        row.size == st.st_size
        and row.mtime_ns == st.st_mtime_ns
        and (row.ctime_ns is None or row.ctime_ns == st.st_ctime_ns)
    )


@dataclass
class _Candidate:
    path: bytes
    size: int
    mtime_ns: int
    row_id: int | None
    ctime_ns: int | None = None
    # filled by _examine:
    content_id: str | None = None
    status: str = "ignored"
    error: str | None = None
    kind: str | None = None
    duration: float | None = None
    title: str | None = None
    metadata: str | None = None
    music: dict = field(default_factory=dict)

    def examined(self) -> ExaminedFile:
        return ExaminedFile(
            path=self.path, display_path=display(self.path), content_id=self.content_id,
            size=self.size, mtime_ns=self.mtime_ns, status=self.status, error=self.error,
            kind=self.kind, duration=self.duration, title=self.title,
            metadata_json=self.metadata, music=tuple(self.music.get(n) for n in MUSIC_COLUMNS),
            ctime_ns=self.ctime_ns,
        )  # fmt: skip


def _examine(c: _Candidate) -> _Candidate:
    """Hash and probe one file (runs on the scan pool)."""
    from medialens.core.probe import NotMedia, probe

    ext = os.path.splitext(c.path)[1].decode("utf-8", "replace").lower()
    promised = ext in MEDIA_EXTENSIONS
    if ext in SKIP_EXTENSIONS:
        c.status, c.error = "ignored", "not audio or video"
        return c
    try:
        c.content_id = content_id(c.path, c.size)
    except OSError as exc:
        c.status, c.error = ("invalid" if promised else "ignored"), f"cannot read: {exc.strerror}"
        return c
    if c.size == 0:
        c.status, c.error = ("invalid" if promised else "ignored"), "empty file (0 bytes)"
        return c
    try:
        info = probe(Path(os.fsdecode(c.path)))
    except NotMedia as exc:
        c.status, c.error = ("invalid" if promised else "ignored"), str(exc)
        return c
    except Exception as exc:  # FFmpeg can raise anything on hostile input
        c.status, c.error = ("invalid" if promised else "ignored"), f"could not read: {exc}"
        return c
    c.status, c.error = "media", None
    c.kind, c.duration = info.kind, info.duration
    tags = info.metadata.get("tags") or {}
    c.title = tags.get("title") if isinstance(tags, dict) else None
    c.music = dict(info.metadata.get("music") or {})
    c.metadata = json.dumps(info.metadata, default=str)
    return c


class Scanner:
    """Brings the ``files`` table in line with the folders on disk."""

    def __init__(
        self, store: Store, workers: int = 4, classifier: Classifier | None = None
    ) -> None:
        self.store = store
        self.workers = max(1, workers)
        self.classifier = classifier or Classifier()

    # -- walking -----------------------------------------------------------------

    def _walk(self, root: bytes, errors: list[str]) -> Iterator[tuple[bytes, os.stat_result]]:
        """Regular files under ``root``; follows symlinks once, survives loops and denials."""
        visited: set[tuple[int, int]] = set()
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                st = os.stat(folder)
            except OSError as exc:
                errors.append(f"{display(folder)}: {exc.strerror}")
                continue
            key = (st.st_dev, st.st_ino)
            if key in visited:
                continue  # a symlink loop or a second link to a folder already walked
            visited.add(key)
            try:
                with os.scandir(folder) as it:
                    entries = list(it)
            except OSError as exc:
                errors.append(f"{display(folder)}: {exc.strerror or exc}")
                continue
            for entry in entries:
                name = entry.name
                if name.startswith(b".") if isinstance(name, bytes) else name.startswith("."):
                    continue
                path = os.fsencode(entry.path)
                try:
                    st = entry.stat(follow_symlinks=True)
                except OSError:
                    continue  # dangling symlink or vanished while walking
                if stat.S_ISDIR(st.st_mode):
                    stack.append(path)
                elif stat.S_ISREG(st.st_mode):
                    yield path, st

    # -- scanning ----------------------------------------------------------------

    def scan(self, folder_ids: Iterable[int] | None = None) -> ScanReport:
        """Scan every folder (or the given ones) and return what changed."""
        started = time.perf_counter()
        report = ScanReport()
        wanted = None if folder_ids is None else set(folder_ids)
        for folder_id, path in self.store.folders.roots():
            if wanted is not None and folder_id not in wanted:
                continue
            report.merge(self._scan_folder(folder_id, path))
        report.seconds = time.perf_counter() - started
        return report

    def _folder_gone(self, folder_id: int, root, reason: str, now: float, report):
        """The folder cannot be read (gone, forbidden or emptied by an unmount): mark it
        missing and its files unavailable, keeping them, and say why once."""
        with self.store.write() as conn:
            self.store.folders.set_missing(folder_id, reason, now, conn=conn)
            report.missing += self.store.files.set_folder_unavailable(folder_id, conn=conn)
        report.errors.append(f"{display(root)}: {reason}")
        return report

    def _scan_folder(self, folder_id: int, root: bytes) -> ScanReport:
        report = ScanReport()
        now = time.time()
        if not os.path.isdir(root) or not os.access(root, os.R_OK | os.X_OK):
            reason = "folder is missing (disk unmounted or share offline?)"
            if os.path.isdir(root):
                reason = "no permission to read this folder"
            return self._folder_gone(folder_id, root, reason, now, report)

        known: dict[bytes, KnownFile] = self.store.files.known_in_folder(folder_id)
        if _empty(root) and any(row.available for row in known.values()):
            # A disk unmounted from under its mount point leaves the empty folder behind:
            # that is a folder gone away, not every file deleted, so its files are kept.
            reason = "folder is empty (disk unmounted?); its files are kept until it is back"
            return self._folder_gone(folder_id, root, reason, now, report)
        seen: set[bytes] = set()
        revived: list[int] = []
        ctimes: list[tuple[int, int]] = []
        todo: list[_Candidate] = []
        for path, st in self._walk(root, report.errors):
            if path in seen:
                continue
            seen.add(path)
            report.seen += 1
            row = known.get(path)
            if row is not None and _unchanged(row, st):
                if not row.available:
                    revived.append(row.id)
                if row.ctime_ns is None:
                    ctimes.append((st.st_ctime_ns, row.id))
                continue
            todo.append(
                _Candidate(
                    path, st.st_size, st.st_mtime_ns, row.id if row else None, st.st_ctime_ns
                )
            )

        if revived:
            self.store.files.set_available(revived, True)
        if ctimes:
            self.store.files.set_ctimes(ctimes)
        self._store_candidates(folder_id, todo, report)

        claimed = set(report.moved_ids)
        gone = [
            row.id
            for path, row in known.items()
            if path not in seen and row.available and row.id not in claimed
        ]
        if gone:
            report.missing += self.store.files.set_gone(folder_id, gone)
        self.store.folders.set_scanned(folder_id, "; ".join(report.errors[:5]) or None, now)
        return report

    def _store_candidates(self, folder_id: int, todo: list[_Candidate], report: ScanReport) -> None:
        if not todo:
            return
        with ThreadPoolExecutor(self.workers, thread_name_prefix="medialens-scan") as pool:
            for start in range(0, len(todo), BATCH):
                batch = list(pool.map(_examine, todo[start : start + BATCH]))
                self._write_batch(folder_id, batch, report)

    def _write_batch(self, folder_id: int, batch: list[_Candidate], report: ScanReport) -> None:
        now = time.time()
        classify: list[str] = []
        files = self.store.files
        with self.store.write() as conn:
            for c in batch:
                if c.status == "invalid":
                    report.invalid += 1
                examined = c.examined()
                if c.status == "media" and c.content_id:
                    classify.append(c.content_id)
                if c.row_id is not None:
                    files.update_examined(c.row_id, examined, now, conn=conn)
                    report.changed += 1
                    report.changed_ids.append(c.row_id)
                    continue
                moved = self._find_moved(conn, c)
                if moved is not None:
                    files.move(moved, folder_id, examined, now, conn=conn)
                    report.moved += 1
                    report.moved_ids.append(moved)
                    continue
                report.added += 1
                report.changed_ids.append(
                    files.insert_examined(folder_id, examined, now, conn=conn)
                )
            for cid in dict.fromkeys(classify):  # video and tagged music are known at once
                self.classifier.update(self.store, cid, conn=conn)

    def _find_moved(self, conn, c: _Candidate) -> int | None:
        """A row with the same content whose file is gone from its old path: a move."""
        if c.content_id is None or c.status != "media":
            return None
        for row_id, old in self.store.files.moved_candidates(c.content_id, c.path, conn=conn):
            if not os.path.lexists(old):
                return row_id
        return None

    # -- targeted updates (from the watcher) ----------------------------------------

    def update_paths(self, paths: Iterable[bytes]) -> ScanReport:
        """Re-examine specific paths (created, modified, moved or deleted).

        The report's ``changed_ids`` are the files whose content is new: extract those.
        """
        report = ScanReport()
        folders = [(path, folder_id) for folder_id, path in self.store.folders.roots()]
        by_folder: dict[int, list[_Candidate]] = {}
        for path in set(paths):
            folder_id = _owner(path, folders)
            if folder_id is None:
                continue
            row = self.store.files.known_at(path)
            try:
                st = os.stat(path)
            except OSError:
                st = None
            if st is None or not stat.S_ISREG(st.st_mode):
                if row is not None and row.available:
                    self.store.files.set_available([row.id], False)
                    report.missing += 1
                continue
            if row is not None and _unchanged(row, st):
                if not row.available:
                    self.store.files.set_available([row.id], True)
                continue
            by_folder.setdefault(folder_id, []).append(
                _Candidate(
                    path, st.st_size, st.st_mtime_ns, row.id if row else None, st.st_ctime_ns
                )
            )
        for folder_id, todo in by_folder.items():
            self._store_candidates(folder_id, todo, report)
        return report


def _owner(path: bytes, folders: list[tuple[bytes, int]]) -> int | None:
    """The library folder a path lies in (the deepest one when folders nest)."""
    best: tuple[int, int] | None = None
    for root, folder_id in folders:
        prefix = root.rstrip(b"/") + b"/"
        if path.startswith(prefix) and (best is None or len(root) > best[0]):
            best = (len(root), folder_id)
    return None if best is None else best[1]
