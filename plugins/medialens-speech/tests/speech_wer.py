"""Word error rate of a transcript against the Asterisk prompts' known texts.

Shared by the tests and ``benchmarks/bench_speech.py``. Both sides are normalised the same
way before words are compared, so that writing conventions are not counted as errors:
lower case, hyphens and slashes as spaces, punctuation dropped (apostrophes kept),
digits as words (Whisper writes "press 1", the prompt list "press one"), and the list's
"..." for a pause dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "core-sounds-en-subset.txt"

_DIGITS = "zero one two three four five six seven eight nine".split()


def known_texts(path: Path = DATA) -> dict[str, str]:
    """Prompt name -> what is said, from a core-sounds-en.txt file (``;`` starts a comment)."""
    texts: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(";") or ":" not in line:
            continue
        name, text = line.split(":", 1)
        texts[name.strip()] = text.strip()
    return texts


def words(text: str) -> list[str]:
    """``text`` as normalised words (see the module's docstring)."""
    text = text.lower().replace("-", " ").replace("/", " ")
    text = re.sub(r"\d", lambda m: f" {_DIGITS[int(m.group())]} ", text)
    text = re.sub(r"[^\w\s']", " ", text)
    return [w.strip("'") for w in text.split() if w.strip("'")]


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    """Levenshtein distance between two word lists (substitutions, insertions, deletions)."""
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def wer(pairs: list[tuple[str, str]]) -> float:
    """Corpus word error rate of (reference, hypothesis) pairs: total edits / total words."""
    edits = sum(edit_distance(words(r), words(h)) for r, h in pairs)
    total = sum(len(words(r)) for r, _ in pairs)
    return edits / total if total else 0.0
