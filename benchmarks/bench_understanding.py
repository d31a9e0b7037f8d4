"""Does search find files by what is IN them? Labelled queries over real media with blank names.

    python benchmarks/bench_understanding.py [--misses now|today|both|none] [--cache DIR]

The corpus (understanding_corpus.py: speech prompts, sound effects, music, videos and six
videos with signs and captions drawn on real frames) sits in one folder under names that
are a hash, so nothing but the content (and the music's own tags) can lead search to a file.
It is indexed once per configuration (below) into libraries cached under
``benchmarks/.cache/understanding`` (``$MEDIALENS_BENCH_CACHE`` overrides); a rerun only
indexes what a newly installed or updated plugin has not done yet.

The queries (understanding_queries.json) come in families: said (words spoken in a prompt),
heard (sound events), shown (what a video shows), written (text on screen), kind ("music",
"speech"...), chinese, nonsense (gibberish: nothing is relevant). Each family is split, once
and for all, into a calibration half and a held-out half: thresholds are chosen looking at
the calibration half only (``outcomes(split="calibration")``), the targets are checked on
the held-out half.

Two configurations are measured in one run: "today" searches with only the built-ins and
the plugins that existed before (text, vision, music) — every other installed plugin is
disabled through the library's plugin switch — and "now" with every installed plugin. Each
has its own cached library (the switch is thrown before "today" indexes: the built-in
description fuses every active extractor's findings and the text plugin embeds them, so a
plugin disabled after indexing would still be searched through both).

Printed: MRR and recall@10 per family and half (precision@10 for kind, mean number of
results for nonsense), the targets on the held-out half, and every query whose first
relevant file is not first (its rank and the top 3 returned).

Figures are ranks among the first N = 50 results (a relevant file past them counts as not
found). Timings say wall time and CPU time (process_time: every thread of this process).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import understanding_corpus as corpus  # noqa: E402

from medialens.core.library import Library  # noqa: E402
from medialens.core.plugins import DISABLED  # noqa: E402
from medialens.paths import data_dirs  # noqa: E402

QUERIES_FILE = Path(__file__).with_name("understanding_queries.json")
OLD_PLUGINS = frozenset({"semantic", "vision", "music"})
"""The entry points of the plugins that existed before (text, vision, music): with the
built-ins, what "today" searches with."""
N = 50
FAMILIES = ("said", "heard", "shown", "written", "kind", "chinese", "nonsense")
SPLITS = ("calibration", "held-out")
MODES = ("today", "now")


@dataclass(frozen=True)
class Query:
    query: str
    family: str
    relevant: frozenset[str]  # original names (understanding_corpus.Item.original)
    split: str  # "calibration" | "held-out"


@dataclass
class Outcome:
    """One query's results: the files returned (by original name), best first, with why."""

    query: Query
    returned: list[str]
    scores: list[float] = field(default_factory=list)
    reasons: list[list[dict]] = field(default_factory=list)  # Reason.as_json() per hit
    seconds: float = 0.0

    @property
    def ranks(self) -> list[int]:
        """1-based ranks of the relevant files returned."""
        return [i + 1 for i, name in enumerate(self.returned) if name in self.query.relevant]

    @property
    def first_rank(self) -> int | None:
        ranks = self.ranks
        return ranks[0] if ranks else None

    @property
    def reciprocal_rank(self) -> float:
        rank = self.first_rank
        return 1.0 / rank if rank else 0.0

    def recall_at(self, k: int = 10) -> float:
        if not self.query.relevant:
            return 0.0
        return sum(r <= k for r in self.ranks) / len(self.query.relevant)

    def precision_at(self, k: int = 10) -> float:
        """Relevant files in the top k over min(k, how many are relevant): 1.0 is the best
        any ranking can do, even for a kind with fewer than k files."""
        if not self.query.relevant:
            return 0.0
        return sum(r <= k for r in self.ranks) / min(k, len(self.query.relevant))


# -- queries ---------------------------------------------------------------------------------


def load_queries(path: Path = QUERIES_FILE, media: Path | None = None) -> list[Query]:
    """The labelled queries, with '@kind' and '#group' expanded to original names."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    items = corpus.items(media)
    known = {i.original for i in items}
    groups: dict[str, list[str]] = doc.get("groups", {})
    found = []
    for q in doc["queries"]:
        relevant: set[str] = set()
        for ref in q["relevant"]:
            if ref.startswith("@"):
                names = [i.original for i in items if i.kind == ref[1:]]
            elif ref.startswith("#"):
                names = groups[ref[1:]]
            else:
                names = [ref]
            if not names or any(n not in known for n in names):
                raise ValueError(f"query {q['query']!r}: {ref!r} names no corpus file")
            relevant.update(names)
        if q["split"] not in SPLITS or q["family"] not in FAMILIES:
            raise ValueError(f"query {q['query']!r}: bad split or family")
        found.append(Query(q["query"], q["family"], frozenset(relevant), q["split"]))
    return found


def targets(path: Path = QUERIES_FILE) -> dict[str, dict[str, float]]:
    return json.loads(path.read_text(encoding="utf-8"))["targets"]


# -- the library -----------------------------------------------------------------------------


def cache_dir() -> Path:
    default = Path(__file__).resolve().parent / ".cache" / "understanding"
    return Path(os.environ.get("MEDIALENS_BENCH_CACHE") or default)


def corpus_folder(cache: Path) -> Path:
    """Where the corpus lives. The text built-in indexes the last three folder names, so
    they say nothing either."""
    return cache / "corpus" / "0" / "0"


def open_library(
    mode: str = "now",
    cache: Path | None = None,
    *,
    update: bool = True,
    workers: int = 2,
    quiet: bool = False,
) -> tuple[Library, dict[str, str]]:
    """The benchmark's library of ``mode``, built (or brought up to date) over the corpus.

    "today": every plugin but the built-ins and OLD_PLUGINS is disabled through the
    library's plugin switch *before* indexing, so nothing derived from them exists (the
    built-in description fuses every active extractor's tags and text, and the text plugin
    embeds that: disabling a plugin after indexing would leave its findings in both).
    "now": every installed plugin is enabled (again, after an interrupted run) and indexes.
    Each mode has its own database under the cache; both read the one corpus folder.
    Returns the library and {hashed file name: original name}.
    """
    if mode not in MODES:
        raise ValueError(f"mode is one of {MODES}, not {mode!r}")
    cache = cache or cache_dir()
    folder = corpus_folder(cache)
    started, cpu = time.perf_counter(), time.process_time()
    mapping = corpus.build(folder)
    lib = Library(data_dirs(cache / f"data-{mode}"), workers=workers)
    for name in new_plugins(lib):
        record = lib.host.records[name]
        if mode == "today" and record.status != DISABLED:
            # an incompatible plugin or one on a requires cycle refuses: it runs nowhere
            with contextlib.suppress(ValueError):
                lib.host.set_enabled(name, False)
        elif mode == "now" and record.status == DISABLED:
            lib.host.set_enabled(name, True)
    lib.add_folders([folder.resolve()])  # adding it again changes nothing
    if update:
        lib.update(workers)
        status = lib.status()
        if not quiet:
            took = time.perf_counter() - started
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            off = [n for n in new_plugins(lib) if lib.host.records[n].status == DISABLED]
            print(
                f"{mode}: {status['files']} files, {len(status['failed_files'])} failures, "
                f"{status['pending']} pending; disabled: {', '.join(off) or 'nothing'}; "
                f"corpus + indexing {took:.1f} s wall, {time.process_time() - cpu:.1f} s CPU "
                f"(+{children.ru_utime + children.ru_stime:.1f} s in child processes)"
            )
            for name, record in sorted(lib.host.records.items()):
                if record.broken:
                    print(f"  plugin {name} does not run: {record.error}")
            for failure in status["failed_files"][:10]:
                print(f"  failed: {failure['extractor']}: {failure['path']}: {failure['error']}")
    return lib, {hashed: original for original, hashed in mapping.items()}


def new_plugins(lib: Library) -> list[str]:
    """Installed plugins that are neither built in nor one of OLD_PLUGINS."""
    return sorted(
        name
        for name, record in lib.host.records.items()
        if not record.builtin and name not in OLD_PLUGINS
    )


def run(lib: Library, queries: list[Query], names: dict[str, str], n: int = N) -> list[Outcome]:
    """Every query through ``lib.search`` (the app's search), results by original name."""
    found = []
    lib.search("warm up", 5)  # loads the query embedder outside the timings
    for q in queries:
        started = time.perf_counter()
        hits = lib.search(q.query, n)
        seconds = time.perf_counter() - started
        found.append(
            Outcome(
                q,
                [names.get(os.path.basename(h.path), os.path.basename(h.path)) for h in hits],
                [h.score for h in hits],
                [[r.as_json() for r in h.why] for h in hits],
                seconds,
            )
        )
    return found


def outcomes(
    mode: str = "now", split: str | None = None, cache: Path | None = None, n: int = N
) -> list[Outcome]:
    """For threshold calibration: every query's outcome (query, family, relevant, split,
    ranks, and each hit's score and reasons) under ``mode``, of one split or both.

        from bench_understanding import outcomes
        for o in outcomes("now", "calibration"):
            print(o.query.family, o.query.query, o.first_rank, o.scores[:3])
    """
    queries = [q for q in load_queries() if split is None or q.split == split]
    lib, names = open_library(mode, cache, quiet=True)
    try:
        return run(lib, queries, names, n)
    finally:
        lib.close()


# -- the report ------------------------------------------------------------------------------


def metrics(found: list[Outcome]) -> dict[str, float]:
    if not found:
        return {}
    count = len(found)
    return {
        "n": count,
        "mrr": sum(o.reciprocal_rank for o in found) / count,
        "r@10": sum(o.recall_at(10) for o in found) / count,
        "p@10": sum(o.precision_at(10) for o in found) / count,
        "results": sum(len(o.returned) for o in found) / count,
    }


def _cell(family: str, m: dict[str, float]) -> str:
    if not m:
        return f"{'-':>17}"
    if family == "nonsense":
        return f"{m['results']:>9.1f} results"
    if family == "kind":
        return f"p@10 {m['p@10']:.2f} r {m['r@10']:.2f}"
    return f"mrr {m['mrr']:.2f} r {m['r@10']:.2f}"


def _meets(family: str, m: dict[str, float], target: dict[str, float]) -> bool | None:
    if not m or not target:
        return None
    if "results" in target:
        return m["results"] <= target["results"]
    if "p@10" in target:
        return m["p@10"] >= target["p@10"]
    return m["mrr"] >= target["mrr"]


def report(results: dict[str, list[Outcome]], goal: dict[str, dict[str, float]]) -> None:
    modes = list(results)
    print(
        f"\n{'family':<9}{'half':<12}{'n':>3}  "
        + "  ".join(f"{m:^21}" for m in modes)
        + "  target (held-out)"
    )
    for family in FAMILIES:
        for split in SPLITS:
            cells, met = [], None
            count = 0
            for mode in modes:
                part = [
                    o for o in results[mode] if o.query.family == family and o.query.split == split
                ]
                count = len(part)
                m = metrics(part)
                cells.append(f"{_cell(family, m):^21}")
                if split == "held-out" and mode == modes[-1]:
                    met = _meets(family, m, goal.get(family, {}))
            if not count:
                continue
            target = goal.get(family, {})
            says = ""
            if split == "held-out" and target:
                ((key, value),) = target.items()
                sign = "<=" if key == "results" else ">="
                says = f"{key} {sign} {value:g}: " + ("met" if met else "NOT met")
            print(f"{family:<9}{split:<12}{count:>3}  " + "  ".join(cells) + f"  {says}")


def misses(found: list[Outcome], mode: str) -> None:
    wrong = [o for o in found if (o.first_rank != 1 if o.query.relevant else o.returned)]
    print(f"\nmisses ({mode}): {len(wrong)} of {len(found)} queries")
    for o in wrong:
        top = ", ".join(o.returned[:3]) or "nothing"
        if o.query.relevant:
            rank = o.first_rank or f">{N}"
            said = f"first relevant at {rank}"
        else:
            said = f"{len(o.returned)} results"
        print(f"  [{o.query.family}/{o.query.split}] {o.query.query!r}: {said}; top 3: {top}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", choices=("now", "today", "both", "none"), default="now")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
    try:
        queries = load_queries()
    except FileNotFoundError as exc:
        sys.exit(str(exc))
    results: dict[str, list[Outcome]] = {}
    installed: list[str] = []
    for mode in MODES:
        lib, names = open_library(mode, args.cache, workers=args.workers)
        try:
            installed = new_plugins(lib)
            started, cpu = time.perf_counter(), time.process_time()
            embedder = lib.host.text_embedder_plugin()
            results[mode] = run(lib, queries, names)
            print(
                f"{mode}: {len(queries)} queries in {time.perf_counter() - started:.1f} s wall, "
                f"{time.process_time() - cpu:.1f} s CPU; query embedder: {embedder}"
            )
        finally:
            lib.close()
    if not installed:
        print("(no plugin beyond text, vision and music is installed: today == now)")
    report(results, targets())
    for mode in MODES if args.misses == "both" else (args.misses,):
        if mode in results:
            misses(results[mode], mode)


if __name__ == "__main__":
    main()
