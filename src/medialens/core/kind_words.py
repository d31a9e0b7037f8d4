"""Queries that name a kind of file: "music", "spoken word", "sound effects", "视频".

Someone who types "music" wants their music, not the files whose words or tags are
nearest to the word (a video with a soundtrack, a ringtone). A query that is only a name
of a kind is answered from the files' stored category (:mod:`medialens.core.kinds`).
"""

from __future__ import annotations

import re
import unicodedata

from medialens.core.kinds import MUSIC, SOUND, SPEECH, VIDEO

_WORDS: dict[str, tuple[str, ...]] = {
    MUSIC: (
        "music", "songs", "song", "tracks", "my music", "albums", "音乐", "歌曲", "歌",
        "乐曲",
    ),
    SPEECH: (
        "speech", "spoken word", "spoken", "talk", "talking", "voice", "voices",
        "recordings of speech", "voice recordings", "prompts", "voice prompts",
        "audiobooks", "podcasts", "语音", "说话", "讲话", "人声", "录音",
    ),
    SOUND: (
        "sound effects", "sound effect", "sfx", "effects", "sounds", "noises", "beeps",
        "音效", "声音效果", "提示音",
    ),
    VIDEO: ("videos", "video", "movies", "films", "clips", "footage", "视频", "影片", "电影"),
}  # fmt: skip

_LOOKUP = {word: category for category, words in _WORDS.items() for word in words}
_NOISE = re.compile(r"^(all|my|the|some|only|just|show|show me|find)\s+|\s+(only|please)$")


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = re.sub(r"[\s.,!?;:。，！？、]+", " ", text).strip()
    for _ in range(3):
        text = _NOISE.sub("", text).strip()
    return text


def named_kind(query: str) -> str | None:
    """The category a query names and nothing else, or None (``"my music"`` -> music)."""
    text = _normal(query)
    return _LOOKUP.get(text) or _LOOKUP.get(text.removeprefix("all ").strip())
