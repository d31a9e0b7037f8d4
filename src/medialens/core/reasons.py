"""Why something is shown, as data: a key and its arguments.

Recommendations, search hits and similar files say why they are there. The core gives
:class:`Reason` values, never sentences: the command line renders them in English with
:func:`render`, ``--json`` carries both, and the GUI translates each key with its own
templates. A title is an argument, so no title can break a sentence apart, and a tag is
an argument with its source (:class:`Tag`), so the GUI can show it in the user's language.

Scores are arguments too, for a details view and JSON; the English text never shows them.

The keys and their arguments (the catalogue a translator needs):

==================  ==========================  =================================
key                 args                        English
==================  ==========================  =================================
tour                                            A tour of your library
explore                                         Something different to try
from_history                                    Suggested from your history
liked_this                                      You liked this
finished_this                                   You played this to the end
played_this                                     You played this
because_played      title                       Because you played {title}
because_liked       title                       Because you liked {title}
like                title                       Like {title}
liked_tags          tags (Tag, ...)             You often like: {tags}
added_today                                     Added today
added_yesterday                                 Added yesterday
added_days_ago      days                        Added {days} days ago
resume              position, duration          Resume at {position} of {duration}
                                                (Resume at {position} without one)
matches_words       words (str, ...)            matches the words: {words}
similar_meaning     score                       similar meaning
looks_like          tag, source, score          on screen: {tag}
sounds_like         tag, source, score          sounds like: {tag}
tagged              tag, source, score          tagged: {tag}
says                quote, at                   at {at}: "{quote}" (says: "{quote}" without at)
shows_text          quote, at                   on screen at {at}: "{quote}"
                                                (on screen: "{quote}" without at)
is_kind             kind                        kind: {kind} (music, speech, sound, video)
looks_alike         modality, score             looks alike
sounds_alike        modality, score             sounds alike
similar_sound       modality, score             similar in sound
similar_words       modality, score             similar words
similar_content     modality, score             similar content
similar             modality, score             similar
==================  ==========================  =================================

The first group explains recommendations (a sentence each); the second is search and
"similar" evidence (a phrase each, several joined with "; "). ``title`` is a file's title;
``tag`` the tag's name as its extractor (``source``) stored it; ``score`` the model's
confidence or cosine (data only); ``days`` a count; ``position`` and ``duration`` seconds
(rendered as a clock; ``duration`` may be None); ``modality`` the kind of vector that
matched (visual, music, audio, text, labels, ...); ``words`` the query words found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Reason", "Tag", "ENGLISH", "render", "render_one", "fields", "template_key", "clock"]


@dataclass(frozen=True)
class Tag:
    """A tag as an argument: its name, the extractor that gave it, and how sure it was."""

    tag: str
    source: str
    score: float | None = None

    def as_json(self) -> dict:
        out: dict[str, Any] = {"tag": self.tag, "source": self.source}
        if self.score is not None:
            out["score"] = round(float(self.score), 4)
        return out


@dataclass(frozen=True)
class Reason:
    """One reason: a key from the catalogue above and its arguments, in a stable order.

    ``args`` is a tuple of (name, value) pairs so a reason is hashable and compares by
    value; :meth:`of` builds one from keywords, :attr:`params` reads them back.
    """

    key: str
    args: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **args: Any) -> Reason:
        return cls(key, tuple((name, _frozen(value)) for name, value in args.items()))

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.args)

    def get(self, name: str, default: Any = None) -> Any:
        for k, v in self.args:
            if k == name:
                return v
        return default

    def as_json(self) -> dict:
        return {"key": self.key, "args": {k: _json(v) for k, v in self.args}}

    def __str__(self) -> str:
        return render_one(self)


def _frozen(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, float):
        return round(value, 6)
    return value


def _json(value: Any) -> Any:
    if isinstance(value, Tag):
        return value.as_json()
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    return value


#: English templates by key; ``{name}`` fields are the arguments, formatted for reading.
ENGLISH: dict[str, str] = {
    "tour": "A tour of your library",
    "explore": "Something different to try",
    "from_history": "Suggested from your history",
    "liked_this": "You liked this",
    "finished_this": "You played this to the end",
    "played_this": "You played this",
    "because_played": "Because you played {title}",
    "because_liked": "Because you liked {title}",
    "like": "Like {title}",
    "liked_tags": "You often like: {tags}",
    "added_today": "Added today",
    "added_yesterday": "Added yesterday",
    "added_days_ago": "Added {days} days ago",
    "resume": "Resume at {position} of {duration}",
    "resume_at": "Resume at {position}",
    "matches_words": "matches the words: {words}",
    "similar_meaning": "similar meaning",
    "looks_like": "on screen: {tag}",
    "sounds_like": "sounds like: {tag}",
    "tagged": "tagged: {tag}",
    "says": 'says: "{quote}"',
    "says_at": 'at {at}: "{quote}"',
    "shows_text": 'on screen: "{quote}"',
    "shows_text_at": 'on screen at {at}: "{quote}"',
    "is_kind": "kind: {kind}",
    "looks_alike": "looks alike",
    "sounds_alike": "sounds alike",
    "similar_sound": "similar in sound",
    "similar_words": "similar words",
    "similar_content": "similar content",
    "similar": "similar",
}


def clock(seconds: float) -> str:
    """``1:05`` or ``1:02:03``: a position as people read it."""
    s = int(round(float(seconds)))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def template_key(reason: Reason) -> str:
    """The template a reason is written with (``resume`` has a form without a duration)."""
    if reason.key == "resume" and not reason.get("duration"):
        return "resume_at"
    if reason.key in ("says", "shows_text") and reason.get("at") is not None:
        return f"{reason.key}_at"
    return reason.key


def _words(value: Any, tag_text: Callable[[Tag], str], comma: str) -> str:
    if isinstance(value, Tag):
        return tag_text(value)
    if isinstance(value, tuple):
        return comma.join(_words(v, tag_text, comma) for v in value)
    return str(value)


def fields(
    reason: Reason, tag_text: Callable[[Tag], str] = lambda t: t.tag, comma: str = ", "
) -> dict[str, str]:
    """A reason's arguments as the text its template shows (clocks, lists, tag names).

    ``tag_text`` turns a :class:`Tag` into words and ``comma`` joins lists; the GUI passes
    its translations of both.
    """
    out = {}
    for name, value in reason.args:
        if name in ("position", "duration", "at") and isinstance(value, (int, float)):
            out[name] = clock(value)
        else:
            out[name] = _words(value, tag_text, comma)
    if isinstance(reason.get("source"), str) and "tag" in out:
        out["tag"] = tag_text(Tag(str(reason.get("tag")), str(reason.get("source"))))
    return out


def render_one(reason: Reason) -> str:
    """One reason in English; a key this version does not know is shown as it is."""
    template = ENGLISH.get(template_key(reason))
    if template is None:
        return reason.key.replace("_", " ")
    return template.format_map(_Missing(fields(reason)))


def render(reasons: Reason | Iterable[Reason] | None) -> str:
    """Reasons in English, joined with "; " (for the command line and JSON's ``why``)."""
    if reasons is None:
        return ""
    if isinstance(reasons, Reason):
        return render_one(reasons)
    return "; ".join(render_one(r) for r in reasons)


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return ""
