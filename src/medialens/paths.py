"""Where Medialens keeps its data: the database, caches, thumbnails and model state.

One folder given by ``--data-dir`` or ``MEDIALENS_HOME`` holds everything, so
tests, benchmarks and several libraries live side by side; otherwise the
platform's user data, cache and config folders are used (platformdirs).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "medialens"
ENV_HOME = "MEDIALENS_HOME"
THUMBNAILS = "thumbnails"  # the cache's folder of thumbnails


@dataclass(frozen=True)
class DataDirs:
    data: Path
    cache: Path
    config: Path

    @property
    def database(self) -> Path:
        return self.data / "library.sqlite3"

    @property
    def thumbnails(self) -> Path:
        return self.cache / THUMBNAILS

    def thumbnail(self, content_id: str) -> Path:
        """Where a file's thumbnail is (or will be), as :func:`thumbnail_file` derives it."""
        return thumbnail_file(self.cache, content_id)

    def create(self) -> DataDirs:
        """Make the folders, or raise :class:`DataDirError` saying in one sentence why not."""
        for folder in (self.data, self.cache, self.config):
            _make_writable_folder(folder)
        return self


class DataDirError(OSError):
    """The data folder cannot be used (a file, below a file, read-only...): says why."""


def _make_writable_folder(folder: Path) -> None:
    """``mkdir -p`` that names the culprit: a file in the way, a missing or read-only parent.

    Checked up front because the bare ``OSError`` of ``mkdir`` names only the folder asked
    for. A folder that exists but is read-only is left to the store, which opens such a
    library read-only and says so when a write is asked for.
    """
    for part in (folder, *folder.parents):
        if os.path.lexists(part) and not part.is_dir():
            raise DataDirError(
                f"cannot keep the library in {folder}: {part} is a file, not a folder"
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(
            f"cannot create the library folder {folder}: {exc.strerror or exc}"
        ) from None


def thumbnail_file(cache: Path, content_id: str) -> Path:
    """Where a file's thumbnail is under a cache folder: the one place that derives it.

    The thumbnail extractor writes there and the app reads from there, so the two cannot
    drift apart. The content id is made safe as a file name (it is hex in practice).
    """
    name = re.sub(r"[^A-Za-z0-9_-]", "_", content_id) or "unnamed"
    return Path(cache) / THUMBNAILS / f"{name}.jpg"


def data_dirs(data_dir: str | os.PathLike[str] | None = None) -> DataDirs:
    """The folders to use: ``data_dir``, else ``$MEDIALENS_HOME``, else the platform's."""
    root = data_dir if data_dir is not None else os.environ.get(ENV_HOME)
    if root == "" and data_dir is not None:
        raise DataDirError("the data folder given is empty: name a folder, or leave it out")
    if root and "\0" in os.fspath(root):
        raise DataDirError("the data folder's name contains a NUL byte, which no folder name can")
    if root:
        base = Path(root).expanduser().resolve()
        return DataDirs(data=base, cache=base / "cache", config=base / "config")
    import platformdirs

    return DataDirs(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )
