"""Why a file is shown, in the user's language.

The core gives English sentences (joined with "; "); they are translated
through the patterns below. A ``(template, *args)`` tuple is translated as a
template. Unknown text is shown as it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# The core's sentences: (pattern, template).
PATTERNS = [
    (
        re.compile(r"^A tour of your library$"),
        QT_TRANSLATE_NOOP("Reasons", "A tour of your library"),
    ),
    (
        re.compile(r"^Something different to try$"),
        QT_TRANSLATE_NOOP("Reasons", "Something different to try"),
    ),
    (re.compile(r"^You liked this$"), QT_TRANSLATE_NOOP("Reasons", "You liked this")),
    (
        re.compile(r"^You played this to the end$"),
        QT_TRANSLATE_NOOP("Reasons", "You played this to the end"),
    ),
    (
        re.compile(r"^Because you played (.+)$"),
        QT_TRANSLATE_NOOP("Reasons", "Because you played {0}"),
    ),
    (re.compile(r"^Like (.+)$"), QT_TRANSLATE_NOOP("Reasons", "Like {0}")),
    (re.compile(r"^Added today$"), QT_TRANSLATE_NOOP("Reasons", "Added today")),
    (re.compile(r"^Added yesterday$"), QT_TRANSLATE_NOOP("Reasons", "Added yesterday")),
    (re.compile(r"^Added (\d+) days ago$"), QT_TRANSLATE_NOOP("Reasons", "Added {0} days ago")),
    (
        re.compile(r"^Resume at (\S+) of (\S+)$"),
        QT_TRANSLATE_NOOP("Reasons", "Resume at {0} of {1}"),
    ),
    (re.compile(r"^Resume at (\S+)$"), QT_TRANSLATE_NOOP("Reasons", "Resume at {0}")),
    (re.compile(r"^label: (.+)$"), QT_TRANSLATE_NOOP("Reasons", "label: {0}")),
    (re.compile(r"^tag: (.+)$"), QT_TRANSLATE_NOOP("Reasons", "tag: {0}")),
    (re.compile(r"^text: (.+)$"), QT_TRANSLATE_NOOP("Reasons", "text: {0}")),
    (re.compile(r"^meaning (.+)$"), QT_TRANSLATE_NOOP("Reasons", "meaning {0}")),
    (re.compile(r"^looks alike \((.+)\)$"), QT_TRANSLATE_NOOP("Reasons", "looks alike ({0})")),
    (re.compile(r"^sounds alike \((.+)\)$"), QT_TRANSLATE_NOOP("Reasons", "sounds alike ({0})")),
    (re.compile(r"^similar sound \((.+)\)$"), QT_TRANSLATE_NOOP("Reasons", "similar sound ({0})")),
    (re.compile(r"^similar words \((.+)\)$"), QT_TRANSLATE_NOOP("Reasons", "similar words ({0})")),
    (
        re.compile(r"^similar content \((.+)\)$"),
        QT_TRANSLATE_NOOP("Reasons", "similar content ({0})"),
    ),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Reasons", text)


def _sentence(text: str) -> str:
    for pattern, template in PATTERNS:
        m = pattern.match(text)
        if m:
            return _tr(template).format(*m.groups())
    return text


def tr_reason(why) -> str:
    """Translate a reason: ``(template, *args)`` or a core sentence (parts joined by "; ")."""
    if not why:
        return ""
    if isinstance(why, str):
        return "; ".join(_sentence(part) for part in why.split("; "))
    template, *args = why
    return _tr(template).format(*args)
