"""GUI tests run real widgets offscreen (pytest-qt) on a library in tmp_path."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

import pytest  # noqa: E402

# A few real recordings: two videos and two songs keep indexing under a minute.
SUBSET = ("video/earth.mp4", "video/bikes.mp4", "music/Deprecation.ogg", "music/funkyrobot.mp3")


@pytest.fixture(scope="session")
def media_subset(real_media: Path, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("media") / "My media"
    folder.mkdir()
    for rel in SUBSET:
        src = real_media / rel
        if src.exists():
            shutil.copy(src, folder / src.name)
    return folder
