"""Resident memory and CPU of a command's whole process tree, for the benchmarks.

``medialens index`` extracts in worker processes, so the memory a run holds is the CLI's
plus every worker's: one sampler of /proc (Linux), shared by the benchmarks that report
it (bench_isolation.py, bench_routing.py) so they measure the same thing the same way.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["SAMPLE_SECONDS", "Run", "run", "tree_rss"]

SAMPLE_SECONDS = 0.05


def tree_rss(root: int, each: dict[int, int] | None = None) -> int:
    """Resident bytes of ``root`` and every descendant; ``each`` keeps the peak of every
    process (by pid) across calls."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        with contextlib.suppress(OSError, ValueError, IndexError):
            rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
            total += rss
            if each is not None:
                each[pid] = max(each.get(pid, 0), rss)
    return total


@dataclass
class Run:
    """One command's wall seconds, CPU seconds of its tree (children reaped), peak tree
    RSS, the peak RSS of each of its processes (largest first), its output, and the
    1-minute load average when it ended (other work on the machine inflates the wall)."""

    wall: float
    cpu: float
    peak: int
    each: list[int] = field(default_factory=list)
    stdout: str = ""
    load: float = 0.0


def run(args: list[str], env: dict[str, str]) -> Run:
    """Run ``args`` to the end, sampling its tree's memory every SAMPLE_SECONDS; exits the
    benchmark with the command's stderr when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = [0]
    each: dict[int, int] = {}

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid, each))
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {err[-2000:]}")
    return Run(wall, cpu, peak[0], sorted(each.values(), reverse=True), out, os.getloadavg()[0])
