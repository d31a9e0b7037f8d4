"""A file's chapters (Matroska, MP4 and others), read with PyAV.

Qt Multimedia has no chapter API, so the player asks this on a worker thread: opening
the container reads only its header.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Chapter", "chapters"]


@dataclass(frozen=True)
class Chapter:
    start: float  # seconds
    end: float
    title: str


def chapters(path: str | os.PathLike) -> list[Chapter]:
    """The chapters in start order; [] when there are none or the file cannot be read."""
    try:
        import av

        with av.open(os.fspath(path)) as container:
            raw = container.chapters() if hasattr(container, "chapters") else []
    except Exception:  # noqa: BLE001 - unreadable or a PyAV without chapters: no chapters
        return []
    out = []
    for i, c in enumerate(raw):
        tb = c.get("time_base")
        if tb is None:
            continue
        start, end = float(c["start"] * tb), float(c["end"] * tb)
        title = (c.get("metadata") or {}).get("title") or ""
        out.append(Chapter(start, max(end, start), title or f"Chapter {i + 1}"))
    out.sort(key=lambda c: c.start)
    return out
