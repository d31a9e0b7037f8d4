"""The benchmarks' generator of synthetic libraries (clustered vectors, thousands of rows),
for tests that need a library far larger than generated media files could make."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def synthetic_library() -> ModuleType:
    """``benchmarks/synthetic_library.py``, imported once (it is not a package module)."""
    if "synthetic_library" in sys.modules:
        return sys.modules["synthetic_library"]
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "synthetic_library.py"
    spec = importlib.util.spec_from_file_location("synthetic_library", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic_library"] = module
    spec.loader.exec_module(module)
    return module
