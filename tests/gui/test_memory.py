"""The window process's memory stays bounded while threads come and go (the player's)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

# Eight threads alive at once, each allocating: glibc would give each its own arena.
# Then count the arenas (``<heap nr=…>`` in malloc_info's report).
PROBE = textwrap.dedent(
    """
    import ctypes, os, sys, tempfile, threading
    from medialens.gui.app import bound_malloc_arenas

    bounded = bound_malloc_arenas() if sys.argv[1] == "bounded" else None
    barrier = threading.Barrier(8)

    def work():
        keep = [bytearray(200_000) for _ in range(20)]
        barrier.wait()
        del keep

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    path = os.path.join(tempfile.mkdtemp(), "malloc.xml")
    fp = ctypes.c_void_p(libc.fopen(path.encode(), b"w"))
    libc.malloc_info(0, fp)
    libc.fclose(fp)
    print(bounded, open(path).read().count("<heap nr="))
    """
)


def _arenas(mode: str) -> tuple[str, int]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    return out[0], int(out[1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc arenas")
def test_threads_share_two_malloc_arenas():
    """Each video played left its decoder threads' arenas behind: +57 MB over 18 videos."""
    bounded, arenas = _arenas("bounded")
    if bounded != "True":
        pytest.skip("no glibc mallopt here")
    _, unbounded = _arenas("default")
    assert unbounded > 2, "the probe no longer makes glibc create an arena per thread"
    assert arenas <= 2
