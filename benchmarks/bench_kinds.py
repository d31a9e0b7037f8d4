"""How well the library tells music, speech, sound effects and video apart, on real media.

    python benchmarks/bench_kinds.py [--also speech=DIR ...] [--show-held-out-errors]

Files come from ``$MEDIALENS_MEDIA`` (default ``<repo>/.media``): ``speech/`` (Asterisk
prompts), ``sounds/`` (freedesktop sound theme), ``music/`` and ``video/``, each folder's
name its expected category, except the files ``RELABEL`` names (a folder holds a few files
of another kind: silences and beeps among the prompts, spoken words among the sounds).
``--also CATEGORY=DIR`` adds a folder (the Asterisk package's subfolders of digits and
letters, say).

Each file is probed and run through the built-in ``audio`` extractor as the pipeline runs
it; the evidence is cached (``--cache``) so rules can be re-evaluated in a second. Files
are split in two halves by a hash of their name: the thresholds of ``core/kinds.py`` were
chosen looking at the ``tune`` half only; the ``held-out`` half checks them. Printed: a
confusion matrix per half and the recall of each class. Target: >= 95 % per class.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from medialens.builtins.audio import AudioDescriptors
from medialens.core.decoding import FileContext
from medialens.core.kinds import CATEGORIES, DESCRIPTORS, Evidence, classify
from medialens.core.probe import NotMedia

REPO = Path(__file__).resolve().parents[1]
FOLDERS = {"speech": "speech", "sounds": "sound", "music": "music", "video": "video"}
# (pattern on the file name, category, why the folder's label is wrong for it)
RELABEL = (
    (r"^audio-channel-", "speech", "a voice saying 'front left' and so on"),
    (r"^(beep|beeperr|ascending-2tone|descending-2tone)\.", "sound", "a beep, not a word"),
    (r"^silence/", "sound", "Asterisk's 1-10 s silences"),
)
TARGET = 0.95


def collect(root: Path, also: list[tuple[str, Path]]) -> list[tuple[str, Path, str]]:
    """(expected category, path, name relative to its folder) of every media file."""
    root = root.absolute()
    found: list[tuple[str, Path, str]] = []
    sources = [(cat, root / folder) for folder, cat in FOLDERS.items()] + also
    seen: set[Path] = set()
    for category, folder in sources:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix.lower() in {".txt", ".md", ".jpg", ".png"}:
                continue
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            relative = path.relative_to(folder).as_posix()
            expected = category
            for pattern, label, _why in RELABEL:
                if re.search(pattern, relative):
                    expected = label
            found.append((expected, path, relative))
    return found


def half(name: str) -> str:
    return "held-out" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 else "tune"


def evidence_of(path: Path, extractor: AudioDescriptors, cache_dir: Path) -> dict | None:
    try:
        ctx = FileContext.for_path(path, cache_dir)
    except NotMedia:
        return None
    try:
        result = extractor.extract(ctx) if ctx.file.kind == "audio" else None
    finally:
        ctx.close()
    return {
        "kind": ctx.file.kind,
        "duration": ctx.file.duration,
        "tags": dict(ctx.file.metadata.get("tags") or {}),
        "descriptors": {k: v for k, v in (result.scalars if result else {}).items()},
    }


def gather(files: list[tuple[str, Path, str]], cache: Path, workers: int) -> dict[str, dict]:
    extractor = AudioDescriptors()
    key = f"audio-{extractor.version}"
    known: dict[str, dict] = {}
    if cache.exists():
        stored = json.loads(cache.read_text())
        if stored.get("key") == key:
            known = stored["files"]
    todo = [p for _, p, _ in files if str(p) not in known]
    if todo:
        started = time.perf_counter()
        print(f"analysing {len(todo)} files on {workers} threads ...", file=sys.stderr)
        with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(workers) as pool:
            for path, ev in zip(
                todo, pool.map(lambda p: evidence_of(p, extractor, Path(tmp)), todo), strict=True
            ):
                if ev is not None:
                    known[str(path)] = ev
        print(f"... {time.perf_counter() - started:.0f} s", file=sys.stderr)
        cache.write_text(json.dumps({"key": key, "files": known}))
    return known


def matrix(rows: list[tuple[str, str]], title: str) -> dict[str, float]:
    """Print a confusion matrix of (expected, decided) pairs; return recall per class."""
    counts = Counter(rows)
    decided = [*CATEGORIES, "unknown"]
    print(f"\n{title}: {len(rows)} files (rows: expected, columns: decided)")
    print(" " * 10 + "".join(f"{c:>9}" for c in decided) + "   recall")
    recall: dict[str, float] = {}
    for expected in CATEGORIES:
        total = sum(n for (e, _), n in counts.items() if e == expected)
        if not total:
            continue
        cells = "".join(f"{counts.get((expected, d), 0):>9}" for d in decided)
        recall[expected] = counts.get((expected, expected), 0) / total
        print(f"{expected:>10}{cells}   {recall[expected]:6.1%}")
    return recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--also", action="append", default=[], metavar="CATEGORY=DIR")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "bench_kinds.json"
    )
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--show-held-out-errors", action="store_true")
    args = parser.parse_args()
    root = Path(os.environ.get("MEDIALENS_MEDIA") or REPO / ".media")
    also = [(spec.split("=", 1)[0], Path(spec.split("=", 1)[1])) for spec in args.also]
    files = collect(root, also)
    if not files:
        sys.exit(f"no media in {root} (set MEDIALENS_MEDIA)")
    known = gather(files, args.cache, args.workers)
    results: dict[str, list[tuple[str, str]]] = {"tune": [], "held-out": [], "untagged": []}
    errors: dict[str, list[str]] = {"tune": [], "held-out": []}
    for expected, path, name in files:
        ev = known.get(str(path))
        if ev is None:
            continue
        descriptors = {k: v for k, v in ev["descriptors"].items() if k in DESCRIPTORS}
        decided = classify(Evidence(ev["kind"], ev["duration"], ev["tags"], descriptors))
        split = half(name)
        results[split].append((expected, decided or "unknown"))
        if split == "held-out":  # the audio evidence alone, as for files nobody tagged
            alone = classify(Evidence(ev["kind"], ev["duration"], {}, descriptors))
            results["untagged"].append((expected, alone or "unknown"))
        if decided != expected:
            d = ev["descriptors"]
            facts = " ".join(f"{k}={d[k]:.3g}" for k in DESCRIPTORS if k in d)
            errors[split].append(
                f"  {name}: {expected} -> {decided} ({ev['duration']:.1f} s) {facts}"
            )
    recalls = {}
    for split in ("tune", "held-out"):
        recalls[split] = matrix(results[split], split)
    matrix(results["tune"] + results["held-out"], "all")
    matrix(results["untagged"], "held-out, container tags ignored")
    print("\nrelabelled: " + "; ".join(f"{p} -> {c} ({why})" for p, c, why in RELABEL))
    for split in ("tune", "held-out") if args.show_held_out_errors else ("tune",):
        if errors[split]:
            print(f"\nerrors ({split}):\n" + "\n".join(errors[split]))
    held = recalls["held-out"]
    worst = min(held.values()) if held else 0.0
    print(f"\nheld-out worst class recall {worst:.1%} (target >= {TARGET:.0%})")


if __name__ == "__main__":
    main()
