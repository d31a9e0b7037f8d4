"""Sidecar subtitles: find the ``.srt`` / ``.vtt`` files beside a video and read their cues.

Players show a sidecar when it shares the video's name, optionally with a language before
the suffix (``film.srt``, ``film.en.srt``, ``film.zh-Hans.vtt``), and so do we. Files in
the wild are messy: a byte-order mark, Windows line ends, Latin-1 instead of UTF-8, cue
numbers missing, formatting tags (``<i>``, ``{\\an8}``, WebVTT voice and class tags). The
parser keeps the words and drops the rest; a cue it cannot read is skipped, not fatal.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Cue", "Sidecar", "parse", "parse_srt", "parse_vtt", "load", "sidecars", "Cues"]

SUFFIXES = (".srt", ".vtt")
_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_TAGS = re.compile(r"<[^>]*>|\{\\[^}]*\}")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": ""}


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str


@dataclass(frozen=True)
class Sidecar:
    """A subtitle file beside a video: ``movie.srt``, ``movie.en.srt``, ``movie.en.forced.vtt``."""

    path: Path
    language: str  # what the file name says ("en", "zh-Hans"), "" when it says nothing
    format: str = "srt"  # "srt" or "vtt"
    forced: bool = False


def _seconds(h: str | None, m: str, s: str, frac: str) -> float:
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(frac.ljust(3, "0")) / 1000


def _clean(lines: list[str]) -> str:
    text = "\n".join(_TAGS.sub("", line).strip() for line in lines)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return "\n".join(line for line in text.split("\n") if line.strip())


def _cues(text: str) -> list[Cue]:
    """Cues of SRT or WebVTT text: every block with a timing line (numbers, ids ignored)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    out: list[Cue] = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.strip("\n").split("\n")
        for k, line in enumerate(lines):
            m = _TIMING.match(line)
            if m is None:
                continue
            start = _seconds(*m.groups()[:4])
            end = _seconds(*m.groups()[4:])
            words = _clean(lines[k + 1 :])
            if words and end > start:
                out.append(Cue(start, end, words))
            break
    out.sort(key=lambda c: (c.start, c.end))
    return out


def parse_srt(text: str) -> list[Cue]:
    return _cues(text)


def parse_vtt(text: str) -> list[Cue]:
    """WebVTT: the header, NOTE, STYLE and REGION blocks have no timing line, so they drop out."""
    return _cues(text)


def parse(text: str, suffix: str = ".srt") -> list[Cue]:
    return parse_vtt(text) if suffix.lower() == ".vtt" else parse_srt(text)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ():
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load(path: str | os.PathLike) -> list[Cue]:
    path = Path(path)
    return parse(_decode(path.read_bytes()), path.suffix)


def sidecars(video: str | os.PathLike) -> list[Sidecar]:
    """Subtitle files named after ``video`` in its folder, in any letter case.

    Sorted with the plain name first, then by language, so a player can take the first.
    Labels players use beside the language (``forced``, ``sdh``, ``cc``, ``default``) are
    not taken for one.
    """
    video = Path(video)
    stem = video.stem.casefold()
    try:
        names = [entry.name for entry in os.scandir(video.parent) if entry.is_file()]
    except OSError:
        return []
    found: list[Sidecar] = []
    for name in names:
        base, suffix = os.path.splitext(name)
        if suffix.lower() not in SUFFIXES:
            continue
        if base.casefold() == stem:
            found.append(Sidecar(video.parent / name, "", suffix.lower().lstrip(".")))
            continue
        if not base.casefold().startswith(stem + "."):
            continue
        middle = [part for part in base[len(stem) + 1 :].split(".") if part]
        labels = [p for p in middle if p.casefold() not in ("forced", "sdh", "cc", "default")]
        found.append(
            Sidecar(
                path=video.parent / name,
                language=labels[0] if labels else "",
                format=suffix.lower().lstrip("."),
                forced=any(p.casefold() == "forced" for p in middle),
            )
        )
    found.sort(key=lambda s: (s.language != "", s.language.casefold(), s.forced, s.path.name))
    return found


class Cues:
    """Cues ready to ask "what is shown at t?" many times a second."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = sorted(cues, key=lambda c: c.start)
        self._starts = [c.start for c in self.cues]
        self._longest = max((c.end - c.start for c in self.cues), default=0.0)

    def __len__(self) -> int:
        return len(self.cues)

    def at(self, t: float) -> str:
        """The text on screen at ``t`` seconds: overlapping cues stacked, "" between cues."""
        hi = bisect.bisect_right(self._starts, t)
        lo = bisect.bisect_left(self._starts, t - self._longest)
        return "\n".join(c.text for c in self.cues[lo:hi] if c.start <= t < c.end)
