"""What an analysis looks at, in words a person reads: "picture", "sound", "words".

People do not know extractors by name ("semantic", "thumbnails") or by what they
store ("1280-d visual vector"); they know what was looked at or listened to. The
bundled extractors and the modalities of the vectors any extractor declares are
named here, translated in context "Aspects"; a third-party extractor this does not
know is shown by its own name, as its author wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Aspects"

# bundled extractor -> what it looks at
_EXTRACTORS = {
    "vision": QT_TRANSLATE_NOOP("Aspects", "picture"),
    "thumbnails": QT_TRANSLATE_NOOP("Aspects", "preview"),
    "audio": QT_TRANSLATE_NOOP("Aspects", "sound"),
    "music": QT_TRANSLATE_NOOP("Aspects", "musical style"),
    "text": QT_TRANSLATE_NOOP("Aspects", "words"),
    "semantic": QT_TRANSLATE_NOOP("Aspects", "meaning"),
    "metadata": QT_TRANSLATE_NOOP("Aspects", "file details"),
    "description": QT_TRANSLATE_NOOP("Aspects", "summary"),
    "sounds": QT_TRANSLATE_NOOP("Aspects", "sound events"),
    "speech": QT_TRANSLATE_NOOP("Aspects", "what is said"),
    "ocr": QT_TRANSLATE_NOOP("Aspects", "text on screen"),
    "people": QT_TRANSLATE_NOOP("Aspects", "faces and people"),
    "multilingual": QT_TRANSLATE_NOOP("Aspects", "meaning in any language"),
}

# a vector's declared modality -> what "similar" means with it
_MODALITIES = {
    "visual": QT_TRANSLATE_NOOP("Aspects", "Finds what looks alike"),
    "audio": QT_TRANSLATE_NOOP("Aspects", "Finds what sounds alike"),
    "sound events": QT_TRANSLATE_NOOP("Aspects", "Finds files with the same kinds of sound"),
    "music": QT_TRANSLATE_NOOP("Aspects", "Finds music of a similar style"),
    "text": QT_TRANSLATE_NOOP("Aspects", "Finds what means the same"),
    "labels": QT_TRANSLATE_NOOP("Aspects", "Matches what you type to what was seen and heard"),
}


def aspect(extractor: str) -> str:
    """What an extractor looks at, in the UI's language (its name when unknown)."""
    text = _EXTRACTORS.get(extractor)
    return QCoreApplication.translate(CONTEXT, text) if text else extractor


def similarity(modality: str) -> str:
    """What a vector of this modality finds, in the UI's language."""
    text = _MODALITIES.get(modality)
    if text:
        return QCoreApplication.translate(CONTEXT, text)
    return QCoreApplication.translate("Aspects", "Finds similar files ({0})").format(modality)


def join(words: list[str]) -> str:
    """A list of words joined as the UI's language joins them ("picture, sound")."""
    return QCoreApplication.translate("Aspects", ", ").join(words)
