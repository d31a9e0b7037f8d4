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

from medialens.store import Store
from medialens.core.identity import content_id
from medialens.core.kinds import Classifier

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
# The probe's normalised music tags kept as columns of ``files`` (``core.media.music_tags``;
# the title has had its own column from the start).
MUSIC_COLUMNS = ("artist", "album_artist", "album", "track", "disc", "year", "genre")


def fs_bytes(path: str | bytes | os.PathLike) -> bytes:
    return os.fsencode(os.path.abspath(os.fsdecode(path)))


def display(path: bytes) -> str:
    """The path as text for people (undecodable bytes shown as U+FFFD)."""
    return path.decode("utf-8", errors="replace")


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


@dataclass
class _Candidate:
    path: bytes
    size: int
    mtime_ns: int
    row_id: int | None
    # filled by _examine:
    content_id: str | None = None
    status: str = "ignored"
    error: str | None = None
    kind: str | None = None
    duration: float | None = None
    title: str | None = None
    metadata: str | None = None
    music: dict = field(default_factory=dict)


def _examine(c: _Candidate) -> _Candidate:
    """Hash and probe one file (runs on the scan pool)."""
    from medialens.core.media import NotMedia, probe

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
        sql = "SELECT id, path FROM folders"
        folders = self.store.query(sql)
        wanted = None if folder_ids is None else set(folder_ids)
        for folder in folders:
            if wanted is not None and folder["id"] not in wanted:
                continue
            report.merge(self._scan_folder(folder["id"], bytes(folder["path"])))
        report.seconds = time.perf_counter() - started
        return report

    def _known(self, folder_id: int) -> dict[bytes, tuple]:
        rows = self.store.read_conn().execute(
            "SELECT path, id, size, mtime_ns, available FROM files WHERE folder_id = ?",
            (folder_id,),
        )
        return {bytes(r[0]): (r[1], r[2], r[3], r[4]) for r in rows}

    def _scan_folder(self, folder_id: int, root: bytes) -> ScanReport:
        report = ScanReport()
        now = time.time()
        if not os.path.isdir(root) or not os.access(root, os.R_OK | os.X_OK):
            reason = "folder is missing (disk unmounted or share offline?)"
            if os.path.isdir(root):
                reason = "no permission to read this folder"
            with self.store.write() as conn:
                conn.execute(
                    "UPDATE folders SET available = 0, error = ?, last_scan = ? WHERE id = ?",
                    (reason, now, folder_id),
                )
                cur = conn.execute(
                    "UPDATE files SET available = 0 WHERE folder_id = ? AND available = 1",
                    (folder_id,),
                )
                report.missing += cur.rowcount
            report.errors.append(f"{display(root)}: {reason}")
            return report

        known = self._known(folder_id)
        seen: set[bytes] = set()
        revived: list[int] = []
        todo: list[_Candidate] = []
        for path, st in self._walk(root, report.errors):
            if path in seen:
                continue
            seen.add(path)
            report.seen += 1
            row = known.get(path)
            if row is not None and row[1] == st.st_size and row[2] == st.st_mtime_ns:
                if not row[3]:
                    revived.append(row[0])
                continue
            todo.append(_Candidate(path, st.st_size, st.st_mtime_ns, row[0] if row else None))

        if revived:
            with self.store.write() as conn:
                conn.executemany(
                    "UPDATE files SET available = 1 WHERE id = ?", [(i,) for i in revived]
                )
        self._store_candidates(folder_id, todo, report)

        claimed = set(report.moved_ids)
        gone = [
            row[0]
            for path, row in known.items()
            if path not in seen and row[3] and row[0] not in claimed
        ]
        if gone:
            with self.store.write() as conn:
                for i in range(0, len(gone), BATCH):
                    chunk = gone[i : i + BATCH]
                    cur = conn.execute(
                        f"UPDATE files SET available = 0 WHERE available = 1 AND folder_id = ? "
                        f"AND id IN ({','.join('?' * len(chunk))})",
                        (folder_id, *chunk),
                    )
                    report.missing += cur.rowcount
        with self.store.write() as conn:
            conn.execute(
                "UPDATE folders SET available = 1, error = ?, last_scan = ? WHERE id = ?",
                ("; ".join(report.errors[:5]) or None, now, folder_id),
            )
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
        with self.store.write() as conn:
            for c in batch:
                if c.status == "invalid":
                    report.invalid += 1
                music = tuple(c.music.get(name) for name in MUSIC_COLUMNS)
                values = (
                    c.content_id, c.size, c.mtime_ns, c.status, c.error, c.kind,
                    c.duration, c.title, c.metadata, *music, now,
                )  # fmt: skip
                if c.status == "media" and c.content_id:
                    classify.append(c.content_id)
                if c.row_id is not None:
                    conn.execute(
                        "UPDATE files SET content_id=?, size=?, mtime_ns=?, status=?, error=?, "
                        "kind=?, duration=?, title=?, metadata=?, artist=?, album_artist=?, "
                        "album=?, track=?, disc=?, year=?, genre=?, changed_at=?, available=1, "
                        "category=NULL WHERE id=?",
                        (*values, c.row_id),
                    )
                    report.changed += 1
                    report.changed_ids.append(c.row_id)
                    continue
                moved = self._find_moved(conn, c)
                if moved is not None:
                    conn.execute(
                        "UPDATE files SET path=?, display_path=?, folder_id=?, size=?, "
                        "mtime_ns=?, available=1, changed_at=? WHERE id=?",
                        (c.path, display(c.path), folder_id, c.size, c.mtime_ns, now, moved),
                    )
                    report.moved += 1
                    report.moved_ids.append(moved)
                    continue
                cur = conn.execute(
                    "INSERT INTO files (content_id, size, mtime_ns, status, error, kind, "
                    "duration, title, metadata, artist, album_artist, album, track, disc, year, "
                    "genre, changed_at, path, display_path, folder_id, added_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                    "ON CONFLICT(path) DO UPDATE SET content_id=excluded.content_id, "
                    "size=excluded.size, mtime_ns=excluded.mtime_ns, status=excluded.status, "
                    "error=excluded.error, kind=excluded.kind, duration=excluded.duration, "
                    "title=excluded.title, metadata=excluded.metadata, artist=excluded.artist, "
                    "album_artist=excluded.album_artist, album=excluded.album, "
                    "track=excluded.track, disc=excluded.disc, year=excluded.year, "
                    "genre=excluded.genre, available=1, category=NULL, "
                    "changed_at=excluded.changed_at",
                    (*values, c.path, display(c.path), folder_id, now),
                )
                report.added += 1
                report.changed_ids.append(cur.lastrowid)
            for cid in dict.fromkeys(classify):  # video and tagged music are known at once
                self.classifier.update(conn, cid)

    @staticmethod
    def _find_moved(conn, c: _Candidate) -> int | None:
        """A row with the same content whose file is gone from its old path: a move."""
        if c.content_id is None or c.status != "media":
            return None
        for row_id, old in conn.execute(
            "SELECT id, path FROM files WHERE content_id = ? AND path != ?",
            (c.content_id, c.path),
        ):
            if not os.path.lexists(bytes(old)):
                return row_id
        return None

    # -- targeted updates (from the watcher) ----------------------------------------

    def update_paths(self, paths: Iterable[bytes]) -> ScanReport:
        """Re-examine specific paths (created, modified, moved or deleted).

        The report's ``changed_ids`` are the files whose content is new: extract those.
        """
        report = ScanReport()
        folders = [
            (bytes(r["path"]), r["id"]) for r in self.store.query("SELECT id, path FROM folders")
        ]
        by_folder: dict[int, list[_Candidate]] = {}
        for path in set(paths):
            folder_id = _owner(path, folders)
            if folder_id is None:
                continue
            row = self.store.query_one(
                "SELECT id, size, mtime_ns, available FROM files WHERE path = ?", (path,)
            )
            try:
                st = os.stat(path)
            except OSError:
                st = None
            if st is None or not stat.S_ISREG(st.st_mode):
                if row is not None and row["available"]:
                    with self.store.write() as conn:
                        conn.execute("UPDATE files SET available = 0 WHERE id = ?", (row["id"],))
                    report.missing += 1
                continue
            if row is not None and row["size"] == st.st_size and row["mtime_ns"] == st.st_mtime_ns:
                if not row["available"]:
                    with self.store.write() as conn:
                        conn.execute("UPDATE files SET available = 1 WHERE id = ?", (row["id"],))
                continue
            by_folder.setdefault(folder_id, []).append(
                _Candidate(path, st.st_size, st.st_mtime_ns, row["id"] if row else None)
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
