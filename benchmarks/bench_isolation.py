"""What running plugins in worker processes costs, side by side with running them in the
library's own process (``MEDIALENS_IN_PROCESS=1``, the way before isolation), in one run.

Two libraries of real recordings (see ../shared/MEDIA.md), each indexed from scratch by
the ``medialens index`` command on 2 workers, once each way:

- built-ins only, on many short files: the per-file overhead of the round trip to a
  worker (one pickled request and result per extractor) shows most there;
- every installed plugin, on fewer files: each worker process loads its own models, so
  this is where the memory of the process tree grows.

Printed per way: wall seconds, CPU seconds of the whole process tree, seconds a file, and
the peak resident memory of the tree (sampled every 50 ms from /proc), then the ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _rss import Run, run  # noqa: E402 - the benchmarks' shared process-tree sampler

REPO = Path(__file__).resolve().parents[1]
MEDIA = Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media"))


def pick(kinds: dict[str, int]) -> list[Path]:
    files: list[Path] = []
    for folder, count in kinds.items():
        found = sorted(p for p in (MEDIA / folder).rglob("*") if p.is_file())
        files += found[:count]
    return files


def library(work: Path, name: str, files: list[Path], only_builtins: bool) -> tuple[Path, Path]:
    media = work / f"media-{name}"
    media.mkdir()
    for i, f in enumerate(files):
        shutil.copy(f, media / f"{i:04d}-{f.name}")
    return media, work / f"data-{name}"


def measure(work: Path, name: str, files: list[Path], only_builtins: bool) -> None:
    media, _ = library(work, name, files, only_builtins)
    rows: dict[str, Run] = {}
    for way, extra in (("in-process", {"MEDIALENS_IN_PROCESS": "1"}), ("isolated", {})):
        data = work / f"data-{name}-{way}"
        env = {**os.environ, **extra}
        cli = [sys.executable, "-m", "medialens.cli", "--data-dir", str(data)]
        subprocess.run(
            [*cli, "folders", "add", str(media)], env=env, check=True, capture_output=True
        )
        if only_builtins:
            disable = (
                "from medialens.core.library import Library\n"
                "from medialens.paths import data_dirs\n"
                f"with Library(data_dirs({str(data)!r})) as lib:\n"
                "    for r in list(lib.host.records.values()):\n"
                "        if not r.builtin: lib.host.set_enabled(r.name, False)\n"
            )
            subprocess.run([sys.executable, "-c", disable], env=env, check=True)
        rows[way] = run([*cli, "index", "--workers", "2"], env)
    n = len(files)
    print(f"\n{name}: {n} files, 2 workers")
    print(f"  {'':12} {'wall s':>8} {'cpu s':>8} {'s/file':>8} {'peak RSS MB':>12}")
    for way, r in rows.items():
        print(f"  {way:12} {r.wall:8.1f} {r.cpu:8.1f} {r.wall / n:8.3f} {r.peak / 2**20:12.0f}")
    before, after = rows["in-process"], rows["isolated"]
    w0, c0, p0 = before.wall, before.cpu, before.peak
    w1, c1, p1 = after.wall, after.cpu, after.peak
    print(
        f"  isolated / in-process: wall {w1 / w0:.2f}x, cpu {c1 / c0:.2f}x, "
        f"peak RSS {p1 / max(p0, 1):.2f}x; isolation costs {(w1 - w0) / n * 1000:+.0f} ms "
        f"of wall a file"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer files")
    args = parser.parse_args()
    if not (MEDIA / "sounds").is_dir():
        sys.exit("real media not installed (run `make media`)")
    scale = 4 if args.quick else 1
    with tempfile.TemporaryDirectory(prefix="bench-isolation-") as tmp:
        work = Path(tmp)
        measure(work, "built-ins", pick({"sounds": 120 // scale, "speech": 80 // scale}), True)
        measure(
            work,
            "every plugin",
            pick({"sounds": 8 // scale * 2, "speech": 8, "music": 4, "video": 2}),
            False,
        )


if __name__ == "__main__":
    main()
