"""One description of a file, fused from everything the content models found in it.

No model we can install reads a picture and a sound track together (no CLIP or CLAP ships
in a package), so "a man talking in a car" must meet a face, a seat belt and speech that
three different models found in one file. This extractor writes what each of them
found as words, by what the words mean (:data:`medialens.api.Meaning`)::

    on screen: face, seat belt, car mirror
    sounds like: speech, male speech, vehicle
    says: please hold while I connect you
    on screen text: EXIT

Its ``text`` holds only the tag lines: they are indexed for keyword search, so a tag is
found by its name even without a text embedder, and the transcript and on-screen text are
not indexed twice (their own extractors' texts are). ``data["document"]`` holds all of
it, for a text embedder to turn into one vector (see the text plugins); ``data["tags"]``
keeps which tag came from which extractor, so search can say why a word matched.

It reads every other extractor that declares tags or a text with a meaning: the host
sets :attr:`Description.requires` from the extractors installed (:meth:`bind`), and its
version follows that set, so installing a content plugin describes every file again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from medialens.api import (
    ExtractionContext,
    ExtractionResult,
    Extractor,
    Meaning,
    TagsOutput,
    TextOutput,
    hookimpl,
)

MEDIALENS_API = "1.2"

NAME = "description"
TAGS_PER_SOURCE = 8
MIN_TAG_SCORE = 0.05  # a tag the model gives less than this is noise, not a description
SAID_WORDS = 80  # of the transcript in the document: an embedder reads ~128 tokens
WRITTEN_WORDS = 40

#: How each meaning reads as the head of a line (English: the embedders are English-first,
#: and the multilingual one meets a Chinese query in the same space).
HEADS: dict[str, str] = {
    "shown": "on screen",
    "heard": "sounds like",
    "described": "tagged",
    "said": "says",
    "written": "on screen text",
}
TAG_MEANINGS: tuple[Meaning, ...] = ("shown", "heard", "described")


def meanings_of(extractor: Extractor) -> tuple[Meaning | None, Meaning | None]:
    """What ``extractor``'s tags and text mean (None: it declares none)."""
    tags = text = None
    for output in extractor.outputs:
        if isinstance(output, TagsOutput):
            tags = output.meaning
        elif isinstance(output, TextOutput):
            text = output.meaning
    return tags, text


def _words(text: str, limit: int) -> str:
    words = text.split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


class Description:
    """Every content model's findings about a file, as one text (see the module)."""

    name = NAME
    kinds = frozenset({"audio", "video"})
    outputs = (TextOutput("described"),)
    timeout = 10.0

    def __init__(self) -> None:
        self.requires: tuple[str, ...] = ()
        self._tag_meanings: dict[str, Meaning] = {}
        self._text_meanings: dict[str, Meaning] = {}
        self.version = "1"

    def bind(self, extractors: Iterable[Extractor]) -> None:
        """Read every extractor (but this one and those that read it) that declares tags,
        or a transcript or on-screen text."""
        tags: dict[str, Meaning] = {}
        texts: dict[str, Meaning] = {}
        for e in extractors:
            if e.name == NAME or NAME in e.requires:
                continue
            tag_meaning, text_meaning = meanings_of(e)
            if tag_meaning is not None:
                tags[e.name] = tag_meaning
            if text_meaning in ("said", "written"):
                texts[e.name] = text_meaning
        self._tag_meanings, self._text_meanings = tags, texts
        self.requires = tuple(sorted(set(tags) | set(texts)))
        digest = hashlib.sha1(",".join(self.requires).encode()).hexdigest()[:8]
        self.version = f"1.{digest}"

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        lines: dict[str, list[str]] = {}
        found: list[list[object]] = []
        for source, meaning in self._tag_meanings.items():
            result = ctx.result(source)
            if result is None or not result.tags:
                continue
            best = sorted(result.tags.items(), key=lambda kv: -kv[1])[:TAGS_PER_SOURCE]
            for tag, score in best:
                if score < MIN_TAG_SCORE:
                    break
                words = tag.replace("_", " ")
                if words not in lines.setdefault(meaning, []):
                    lines[meaning].append(words)
                found.append([meaning, tag, source, round(float(score), 4)])
        tag_lines = [f"{HEADS[m]}: {', '.join(lines[m])}" for m in TAG_MEANINGS if lines.get(m)]
        text_lines = []
        for source, meaning in self._text_meanings.items():
            result = ctx.result(source)
            if result is not None and result.text and result.text.strip():
                limit = SAID_WORDS if meaning == "said" else WRITTEN_WORDS
                text_lines.append(f"{HEADS[meaning]}: {_words(result.text.strip(), limit)}")
        if not tag_lines and not text_lines:
            return ExtractionResult()
        return ExtractionResult(
            text="\n".join(tag_lines) or None,
            data={"document": "\n".join(tag_lines + text_lines), "tags": found},
        )


@hookimpl
def medialens_extractors() -> list[Description]:
    return [Description()]
