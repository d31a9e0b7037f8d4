"""Helpers of the fault tests: run the CLI in this process, fingerprint a file, break one."""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

from medialens.cli import main


def cli(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    """Run ``medialens --data-dir DATA ARGS`` in this process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path, how: str) -> None:
    """Break a closed database file the way disks and people do."""
    data = bytearray(path.read_bytes())
    if how == "flips":  # a few flipped bytes in every page but the first
        rng = random.Random(7)
        for page in range(1, len(data) // 4096):
            for _ in range(40):
                data[page * 4096 + rng.randrange(4096)] ^= 0xFF
    elif how == "truncated":
        data = data[: len(data) // 3]
    elif how == "header":
        data[:100] = os.urandom(100)
    else:
        raise ValueError(how)
    path.write_bytes(bytes(data))
