"""What the benchmarks that fill a library with rows share: the rows written straight in,
as a long indexing run leaves them, and the run of one script under another code tree.

``bench_status`` and ``bench_writes`` import it (run from ``benchmarks/``, the script's own
folder is on ``sys.path``): both fill a library of today's schema with the same folder and
``files`` rows, then measure it under today's code and this code in subprocesses.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

_FILE_COLUMNS = (
    "id, path, display_path, folder_id, content_id, size, mtime_ns, status, kind, duration, "
    "available, added_at, changed_at"
)


def add_folder(conn: sqlite3.Connection, now: float) -> None:
    """The one folder (id 1, ``/m``) every filled file belongs to."""
    conn.execute(
        "INSERT INTO folders (id, path, display_path, added_at) VALUES (1, ?, '/m', ?)",
        (b"/m", now),
    )


def add_media_files(
    conn: sqlite3.Connection,
    ids: Iterable[int],
    now: float,
    content_id: Callable[[int], str],
    kind: Callable[[int], str],
    path: Callable[[int], str] = lambda i: f"/m/{i}",
    size: Callable[[int], int] = lambda i: 1,
    duration: float = 60.0,
    extra: dict[str, Callable[[int], object]] | None = None,
) -> None:
    """Media files on disk in folder 1, one row per id; ``extra`` adds columns (name ->
    the value of file ``i``)."""
    extra = extra or {}
    columns = _FILE_COLUMNS + "".join(f", {name}" for name in extra)
    marks = ",".join("?" * (13 + len(extra)))
    conn.executemany(
        f"INSERT INTO files ({columns}) VALUES ({marks})",
        [
            (i, path(i).encode(), path(i), 1, content_id(i), size(i), 1, "media", kind(i),
             duration, 1, now, now, *(value(i) for value in extra.values()))
            for i in ids
        ],
    )  # fmt: skip


def run_under(script: Path, src: Path, *args: str) -> dict:
    """Run ``script ARGS`` in a subprocess importing ``src`` (today's code or this code);
    its last line of output is the JSON it answers."""
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run(
        [sys.executable, str(script), *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} under {src} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])
