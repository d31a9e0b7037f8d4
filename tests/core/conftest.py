from __future__ import annotations

import pytest

from medialens.core.library import Library
from medialens.paths import data_dirs


@pytest.fixture
def bare_library(data_dir):
    """A library with no extractors at all: scanning and storage only."""
    lib = Library(data_dirs(data_dir), entry_points=False, builtins=False, workers=2)
    yield lib
    lib.close()
