"""Fixtures for the built-in extractors: a real FileContext on a real (generated) file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from medialens.api import ExtractionResult
from medialens.core.decoding import FileContext

MakeContext = Callable[..., FileContext]


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    path = tmp_path / "cache"
    path.mkdir()
    return path


@pytest.fixture
def make_context(cache_dir: Path) -> MakeContext:
    """``make_context(path, results={...}, metadata=None)``: probe the file, wrap it.

    ``results`` maps extractor names to results the context hands out; ``metadata``
    replaces the probed metadata (to test an extractor that must cope without it).
    """

    def make(
        path: Path,
        results: dict[str, ExtractionResult] | None = None,
        metadata: dict | None = None,
    ) -> FileContext:
        return FileContext.for_path(path, cache_dir, results, metadata=metadata)

    return make
