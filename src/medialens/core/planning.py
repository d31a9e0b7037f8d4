"""What is left to extract, for which file, and in which order: read from the store.

Planning only reads: a job is one file with the active extractors it still needs (no
stored result and no recorded failure at their current version), so a run killed half-way
resumes where it stopped and a new extractor version redoes only that extractor. The cost
of a job is what the scheduler's time-left estimate is measured in.

Routing by category (API 1.3): an extractor may declare the file categories it is for
(``Extractor.categories``: a music tagger is for music and video, a speech model for
speech and video). It applies to a file whose category (``files.category``, decided by
:mod:`~medialens.core.kinds`) is one of them, and to a file whose category is still
unknown: before the built-ins ran, or when nothing could decide it (no audio descriptors,
no tags, no confident vote), it runs as it did before routing existed, so a disabled
``audio`` extractor loses no feature. A file of another category does not need it: it is
neither pending nor planned. Within a file's job, :func:`order_for_routing` runs the
built-ins (which decide the category) first, then the extractors for every category
(classifiers that vote), then the ones restricted to categories, so the job knows the
category by the time it reaches them and skips the ones that do not apply.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Container, Iterable, Iterator
from typing import NamedTuple

from medialens.api import Extractor, extractor_categories
from medialens.store import Store, Wanted

__all__ = [
    "COST_BASE",
    "COST_CAP",
    "Job",
    "applies",
    "worker_lane",
    "job_cost",
    "order_by_dependencies",
    "order_for_routing",
    "pending_extractors",
    "pending_jobs",
    "pending_of",
    "plan_jobs",
]

# A file's job costs a fixed part per pending extractor (opening, model calls,
# keyframes) plus a part that grows with the length it decodes (capped: long files
# are sampled, not decoded whole).
COST_BASE = 15.0  # seconds of media one extractor's fixed work is worth
COST_CAP = 1800.0


class Job(NamedTuple):
    """One file's pending work: the names of the extractors it still needs (maybe none)."""

    file_id: int
    extractors: list[str]
    duration: float | None

    @property
    def cost(self) -> float:
        return job_cost(len(self.extractors), self.duration)


def order_by_dependencies(extractors: list[Extractor]) -> list[Extractor]:
    """Topological order over ``requires`` (absent requirements are ignored, cycles broken)."""
    by_name = {e.name: e for e in extractors}
    ordered: list[Extractor] = []
    state: dict[str, int] = {}

    def visit(e: Extractor) -> None:
        if state.get(e.name) is not None:
            return  # done, or on the stack (a cycle: break it here)
        state[e.name] = 1
        for dep in e.requires:
            if dep in by_name:
                visit(by_name[dep])
        state[e.name] = 2
        ordered.append(e)

    for e in sorted(extractors, key=lambda x: x.name):
        visit(e)
    return ordered


def applies(extractor: Extractor, category: str | None) -> bool:
    """Whether ``extractor`` is for a file of ``category`` (None: not known yet, so yes)."""
    wanted = extractor_categories(extractor)
    return not wanted or category is None or category in wanted


SHORT_AUDIO_SECONDS = 60.0
"""Audio of unknown category shorter than this is guessed spoken (prompts, sound effects):
its job goes to a worker of that lane; longer audio is guessed music."""


def worker_lane(kind: str | None, category: str | None, duration: float | None) -> str:
    """Which worker process a file's job prefers: files of one lane need the same models
    (video: every model; spoken word and sound effects: Whisper; music: musicnn), so a
    worker that only gets music never loads Whisper or the vision models. A file whose
    category is not known yet is guessed by kind and length; a wrong guess costs memory in
    one worker, never a result."""
    if kind == "video" or category == "video":
        return "video"
    if category in ("speech", "sound"):
        return "spoken"
    if category == "music":
        return "music"
    return "spoken" if (duration or 0.0) < SHORT_AUDIO_SECONDS else "music"


def order_for_routing(extractors: list[Extractor], first: Collection[str] = ()) -> list[Extractor]:
    """A dependency order that runs, whenever ``requires`` allows: the extractors named in
    ``first`` (the built-ins, cheap, which decide the category), then those for every
    category (classifiers that vote on it), then those restricted to some categories."""
    by_name = {e.name: e for e in extractors}
    ordered = order_by_dependencies(extractors)  # breaks cycles; requires kept below
    position = {e.name: i for i, e in enumerate(ordered)}
    deps = {
        e.name: {d for d in e.requires if d in by_name and position[d] < position[e.name]}
        for e in ordered
    }
    users: dict[str, list[str]] = {e.name: [] for e in ordered}
    for name, needs in deps.items():
        for dep in needs:
            users[dep].append(name)

    def rank(e: Extractor) -> tuple[int, str]:
        return (0 if e.name in first else 2 if extractor_categories(e) else 1), e.name

    waiting = {name: len(needs) for name, needs in deps.items()}
    ready = [rank(by_name[n]) for n, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    out: list[Extractor] = []
    while ready:
        _, name = heapq.heappop(ready)
        out.append(by_name[name])
        for user in users[name]:
            waiting[user] -= 1
            if waiting[user] == 0:
                heapq.heappush(ready, rank(by_name[user]))
    return out


def pending_extractors(
    extractors: list[Extractor],
    content_id: str,
    kind: str | None,
    done: Container[tuple[str, str, str]],
    category: str | None = None,
) -> list[Extractor]:
    """The extractors (in the given order) that handle ``kind``, apply to ``category``
    (see :func:`applies`) and have neither a stored result nor a recorded failure at
    their current version for this content, and those that read one of them
    (``requires``): a result they read is about to change, so theirs would be stale (the
    fused description, the embedding of it)."""
    handles = [e for e in extractors if kind in e.kinds and applies(e, category)]
    pending = {e.name for e in handles if (content_id, e.name, str(e.version)) not in done}
    grew = bool(pending)
    while grew:
        grew = False
        for e in handles:
            if e.name not in pending and any(dep in pending for dep in e.requires):
                pending.add(e.name)
                grew = True
    return [e for e in handles if e.name in pending]


def job_cost(extractors: int, duration: float | None) -> float:
    """What one file's job costs, in the unit the throughput is measured in."""
    return extractors * (COST_BASE + min(max(duration or 0.0, 0.0), COST_CAP))


PAGE = 2000
"""Files read from the store at a time while planning: the first page is queued (and the
workers start on it) while the next ones are read."""


def pending_jobs(store: Store, extractors: list[Extractor]) -> tuple[int, list[Job]]:
    """How many available media files there are, and for each one with work left
    (newest first) the extractors it still needs and its duration: :func:`plan_jobs`,
    all of it read."""
    files, jobs = plan_jobs(store, extractors)
    return files, list(jobs)


def plan_jobs(
    store: Store, extractors: list[Extractor], page: int = PAGE
) -> tuple[int, Iterator[Job]]:
    """How many available media files there are, and the jobs of those with work left,
    newest first, read from the store page by page as they are asked for.

    The work counters (``store.counters``) say which extractors have anything pending at
    all: the others are not looked at, so a library with nothing left costs a few
    counter reads, whatever its size. The files where the rest have work come from the
    store's anti-join (:meth:`~medialens.store.extraction.Extraction.pending_files`),
    each with the set of extractors pending on it directly; ``requires`` then adds those
    that read one of them, as :func:`pending_extractors` does, once per distinct (kind,
    category, pending set) rather than once per file. An extractor the counters say has
    nothing pending is done on every file it handles, so the jobs are the ones the full
    computation over every stored key finds.
    """
    work = store.extraction
    files = store.files.count_media()
    results, failures = work.done_counts(), work.failed_counts()
    active: list[Wanted] = []
    for e in extractors:
        version = str(e.version)
        kinds = sorted(e.kinds)
        categories = sorted(extractor_categories(e))
        if work.pending_count(e.name, version, kinds, categories) > 0:
            key = (e.name, version)
            active.append(
                Wanted(e.name, version, kinds, categories, key in results, key in failures)
            )
    return files, _jobs(store, extractors, active, page)


class _DoneBut(Container[tuple[str, str, str]]):
    """Every key is done but those of the extractors named (pending on that file)."""

    def __init__(self, pending: set[str]) -> None:
        self.pending = pending

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and key[1] not in self.pending


def _jobs(
    store: Store, extractors: list[Extractor], active: list[Wanted], page: int
) -> Iterator[Job]:
    if not active:
        return
    names: dict[tuple[str | None, str | None, int], list[str]] = {}
    for rows in store.extraction.pending_files(active, page):
        for file_id, _content, kind, duration, category, pending in rows:
            key = (kind, category, pending)
            found = names.get(key)
            if found is None:
                direct = {w.extractor for i, w in enumerate(active) if pending >> i & 1}
                todo = pending_extractors(extractors, "", kind, _DoneBut(direct), category)
                found = names[key] = [e.name for e in todo]
            if found:
                yield Job(file_id, list(found), duration)


def pending_of(store: Store, extractors: list[Extractor], file_ids: Iterable[int]) -> list[Job]:
    """The work left on each of ``file_ids`` that is media (ascending ids), even when none
    is: a file without work still counts in the progress."""
    jobs = []
    for file_id in sorted(set(file_ids)):
        media = store.files.media(file_id)
        if media is None or media.content_id is None:
            continue
        done = store.results.done_keys(media.content_id)
        found = pending_extractors(extractors, media.content_id, media.kind, done, media.category)
        names = [e.name for e in found]
        jobs.append(Job(file_id, names, media.duration))
    return jobs
