"""What is left to extract, for which file, and in which order: read from the store.

Planning only reads: a job is one file with the active extractors it still needs (no
stored result and no recorded failure at their current version), so a run killed half-way
resumes where it stopped and a new extractor version redoes only that extractor. The cost
of a job is what the scheduler's time-left estimate is measured in.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import NamedTuple

from medialens.api import Extractor
from medialens.store import Store

__all__ = [
    "COST_BASE",
    "COST_CAP",
    "Job",
    "job_cost",
    "order_by_dependencies",
    "pending_extractors",
    "pending_jobs",
    "pending_of",
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


def pending_extractors(
    extractors: list[Extractor],
    content_id: str,
    kind: str | None,
    done: Container[tuple[str, str, str]],
) -> list[Extractor]:
    """The extractors (in the given order) that handle ``kind`` and have neither a stored
    result nor a recorded failure at their current version for this content, and those
    that read one of them (``requires``): a result they read is about to change, so
    theirs would be stale (the fused description, the embedding of it)."""
    handles = [e for e in extractors if kind in e.kinds]
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


def pending_jobs(store: Store, extractors: list[Extractor]) -> tuple[int, list[Job]]:
    """How many available media files there are, and for each one with work left
    (newest first) the extractors it still needs and its duration."""
    # Only the active extractors' keys, one bit mask per content: planning never holds
    # every stored key of the library as tuples (millions at a million files).
    done = store.results.done_of([(e.name, str(e.version)) for e in extractors])
    work = store.files.playable_work()
    jobs = []
    for file_id, cid, kind, duration in work:
        names = [e.name for e in pending_extractors(extractors, cid, kind, done)]
        if names:
            jobs.append(Job(file_id, names, duration))
    return len(work), jobs


def pending_of(store: Store, extractors: list[Extractor], file_ids: Iterable[int]) -> list[Job]:
    """The work left on each of ``file_ids`` that is media (ascending ids), even when none
    is: a file without work still counts in the progress."""
    jobs = []
    for file_id in sorted(set(file_ids)):
        media = store.files.media(file_id)
        if media is None or media.content_id is None:
            continue
        done = store.results.done_keys(media.content_id)
        names = [e.name for e in pending_extractors(extractors, media.content_id, media.kind, done)]
        jobs.append(Job(file_id, names, media.duration))
    return jobs
