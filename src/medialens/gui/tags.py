"""Tag names in the user's language.

Extractors emit English tags ("mountain bike", "female vocals"); the catalogue of every
tag a bundled extractor declares is the "Tags" context of the app's own .qm (source:
i18n/tags_zh_CN.ts), so a tag goes through the translator already installed for the
chosen language and follows a live language switch like every other text. A tag the
catalogue lacks (a third-party plugin's) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Tags"


def tr_tag(tag: str) -> str:
    """The tag in the current UI language, or the tag itself when it has no translation."""
    translated = QCoreApplication.translate(CONTEXT, tag)
    if translated != tag:
        return translated
    # Stored results may spell a catalogued tag in another case ("Hip-Hop", "House").
    lower = tag.lower()
    if lower != tag:
        translated = QCoreApplication.translate(CONTEXT, lower)
        if translated != lower:
            return translated
    return tag
