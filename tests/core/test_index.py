"""The in-memory index follows the library: new extractions, new versions, vanished files."""

from __future__ import annotations

import numpy as np
from mediagen import make_tone
from test_pipeline import Plugin

from medialens.api import ExtractionResult, TagsOutput, VectorOutput
from medialens.core.library import Library
from medialens.paths import data_dirs


class Constant:
    """Stores the same vector and tag for every file; its value depends on the version."""

    def __init__(self, version: str) -> None:
        self.name, self.version = "const", version
        self.kinds, self.requires, self.timeout = frozenset({"audio"}), (), 10.0
        self.outputs = (VectorOutput("v", 3, "music"), TagsOutput())

    def extract(self, ctx):
        value = float(self.version)
        return ExtractionResult(
            vectors={"v": np.array([value, 1.0, 0.0], np.float32)}, tags={f"v{self.version}": 0.9}
        )


def open_lib(data_dir, version):
    return Library(
        data_dirs(data_dir), entry_points=False, builtins=False,
        extra_plugins=[("p", Plugin(Constant(version)))],
    )  # fmt: skip


def test_refresh_reads_only_what_changed_and_follows_new_versions(data_dir, tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    for i in range(3):
        make_tone(folder / f"t{i}.ogg", seconds=0.3, freq=300 + 100 * i)
    with open_lib(data_dir, "1") as lib:
        lib.add_folders([folder])
        lib.scan()
        lib.pipeline().run_sync()
        index = lib.index
        block = index.blocks["const.v"]
        assert len(block.file_ids) == 3
        assert set(index.tags["const"].vocabulary) == {"v1"}
        make_tone(folder / "t3.ogg", seconds=0.3, freq=900)
        lib.scan()
        lib.pipeline().run_sync()
        assert len(lib.index.blocks["const.v"].file_ids) == 4  # a new snapshot, read incrementally
        assert len(index.blocks["const.v"].file_ids) == 3  # the old snapshot never changes
        assert lib.index is lib.index  # nothing changed since: the same snapshot
        (folder / "t0.ogg").unlink()
        lib.scan()
        assert len(lib.index.blocks["const.v"].file_ids) == 3  # unavailable files drop out
    with open_lib(data_dir, "2") as lib:
        index = lib.index
        lib.pipeline().run_sync()
        refreshed = lib.index
        expected = np.array([2.0, 1.0, 0.0]) / np.sqrt(5.0)
        assert np.allclose(refreshed.blocks["const.v"].matrix, expected, atol=1e-6)
        assert set(refreshed.tags["const"].vocabulary) == {"v2"}
        assert index is not refreshed and lib.index is refreshed
