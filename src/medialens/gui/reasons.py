"""Why a file is shown, in the user's language.

The core gives reasons as data (:class:`medialens.core.reasons.Reason`: a key and its
arguments); each key has a template here, translated in the "Reasons" context, and the
arguments are filled in after translation, so a title or a tag never has to be parsed
back out of a sentence. Tags are shown through :func:`tag_text`, the one place a tag's
name is turned into the user's language. Scores are never shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from medialens.core.reasons import Reason, Tag, fields, template_key
from medialens.gui.tags import tr_tag

#: The template of every reason key (see medialens.core.reasons for the arguments).
TEMPLATES = {
    "tour": QT_TRANSLATE_NOOP("Reasons", "A tour of your library"),
    "explore": QT_TRANSLATE_NOOP("Reasons", "Something different to try"),
    "from_history": QT_TRANSLATE_NOOP("Reasons", "Suggested from your history"),
    "liked_this": QT_TRANSLATE_NOOP("Reasons", "You liked this"),
    "finished_this": QT_TRANSLATE_NOOP("Reasons", "You played this to the end"),
    "played_this": QT_TRANSLATE_NOOP("Reasons", "You played this"),
    "because_played": QT_TRANSLATE_NOOP("Reasons", "Because you played {title}"),
    "because_liked": QT_TRANSLATE_NOOP("Reasons", "Because you liked {title}"),
    "like": QT_TRANSLATE_NOOP("Reasons", "Like {title}"),
    "liked_tags": QT_TRANSLATE_NOOP("Reasons", "You often like: {tags}"),
    "added_today": QT_TRANSLATE_NOOP("Reasons", "Added today"),
    "added_yesterday": QT_TRANSLATE_NOOP("Reasons", "Added yesterday"),
    "added_days_ago": QT_TRANSLATE_NOOP("Reasons", "Added {days} days ago"),
    "resume": QT_TRANSLATE_NOOP("Reasons", "Resume at {position} of {duration}"),
    "resume_at": QT_TRANSLATE_NOOP("Reasons", "Resume at {position}"),
    "matches_words": QT_TRANSLATE_NOOP("Reasons", "matches the words: {words}"),
    "similar_meaning": QT_TRANSLATE_NOOP("Reasons", "similar meaning"),
    "looks_like": QT_TRANSLATE_NOOP("Reasons", "on screen: {tag}"),
    "sounds_like": QT_TRANSLATE_NOOP("Reasons", "sounds like: {tag}"),
    "tagged": QT_TRANSLATE_NOOP("Reasons", "tagged: {tag}"),
    "says": QT_TRANSLATE_NOOP("Reasons", 'says: "{quote}"'),
    "says_at": QT_TRANSLATE_NOOP("Reasons", 'at {at}: "{quote}"'),
    "shows_text": QT_TRANSLATE_NOOP("Reasons", 'on screen: "{quote}"'),
    "shows_text_at": QT_TRANSLATE_NOOP("Reasons", 'on screen at {at}: "{quote}"'),
    "is_kind": QT_TRANSLATE_NOOP("Reasons", "kind: {kind}"),
    "looks_alike": QT_TRANSLATE_NOOP("Reasons", "looks alike"),
    "sounds_alike": QT_TRANSLATE_NOOP("Reasons", "sounds alike"),
    "similar_sound": QT_TRANSLATE_NOOP("Reasons", "similar in sound"),
    "similar_words": QT_TRANSLATE_NOOP("Reasons", "similar words"),
    "similar_content": QT_TRANSLATE_NOOP("Reasons", "similar content"),
    "similar": QT_TRANSLATE_NOOP("Reasons", "similar"),
}
#: The kinds a kind query names (``is_kind``), as the reason shows them.
KINDS = {
    "music": QT_TRANSLATE_NOOP("Reasons", "music"),
    "speech": QT_TRANSLATE_NOOP("Reasons", "speech"),
    "sound": QT_TRANSLATE_NOOP("Reasons", "sound effect"),
    "video": QT_TRANSLATE_NOOP("Reasons", "video"),
}
#: Between two reasons on one line, and between the items of a list (tags, words).
SEPARATOR = QT_TRANSLATE_NOOP("Reasons", "; ")
COMMA = QT_TRANSLATE_NOOP("Reasons", ", ")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reasons", text)


def tag_text(tag: Tag) -> str:
    """A tag's name in the user's language (the "Tags" catalogue), else as stored."""
    return tr_tag(tag.tag)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _one(reason: Reason) -> str:
    template = TEMPLATES.get(template_key(reason))
    if template is None:  # a key from a newer core: better its name than nothing
        return reason.key.replace("_", " ")
    args = fields(reason, tag_text, _tr(COMMA))
    if reason.key == "is_kind" and args.get("kind") in KINDS:
        args["kind"] = _tr(KINDS[args["kind"]])
    return _tr(template).format_map(_Blank(args))


def tr_reason(why: Reason | Iterable[Reason] | None) -> str:
    """One reason, or several on one line, translated; nothing for no reason."""
    if not why:
        return ""
    if isinstance(why, Reason):
        return _one(why)
    if isinstance(why, str):  # not data: shown as it is, never parsed
        return why
    return _tr(SEPARATOR).join(_one(r) for r in why)
