"""Runs first inside the bundle: give numba a writable cache (the bundle may be read-only)."""

import os
import tempfile

if "NUMBA_CACHE_DIR" not in os.environ:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "medialens", "numba")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        path = os.path.join(tempfile.gettempdir(), "medialens-numba")
    os.environ["NUMBA_CACHE_DIR"] = path
