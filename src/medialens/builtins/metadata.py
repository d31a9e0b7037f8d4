"""Built-in metadata: stream facts and tags, plus sidecar subtitles and Kodi-style .nfo files.

The pipeline already probed the file (``MediaFile.metadata``, with the normalised music
tags under ``"music"``); this extractor keeps those facts, re-reads the container only when
they are missing, and adds what a player offers a choice of and what lives next to the file:

- ``audio_streams``: ``[{index, language, title, codec, channels, default}]``
- ``subtitle_streams``: ``[{index, language, title, codec, default, forced}]``
- ``chapters``: ``[{start, end, title}]`` in seconds
- ``subtitles``: the text of ``<stem>.srt``, ``<stem>.<lang>.srt``, ``.vtt`` files
- ``nfo``: fields of ``<stem>.nfo`` or ``movie.nfo``
"""

from __future__ import annotations

import glob
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from medialens.api import ExtractionContext, ExtractionResult, ScalarsOutput, hookimpl

MEDIALENS_API = "1.0"

SCALARS = ("duration", "bit_rate", "width", "height", "fps", "channels", "sample_rate", "year")
SUBTITLE_FILE_CHARS = 50_000  # a feature film's dialogue is 50-100 kB: keep the first half
SUBTITLE_TOTAL_CHARS = 150_000
SIDECAR_MAX_BYTES = 5_000_000
NFO_TEXT_CHARS = 5_000

_SUBTITLE_SUFFIXES = (".srt", ".vtt")
_TIMING = re.compile(r"^\s*(\d+:)?\d{1,2}:\d{2}([.,]\d+)?\s*-->")
_MARKUP = re.compile(r"<[^>]*>|\{\\[^}]*\}")  # HTML-ish tags, ASS overrides like {\an8}
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_IMDB = re.compile(r"\btt\d{7,9}\b")
_NFO_ROOT = re.compile(r"<(movie|tvshow|episodedetails|musicvideo|album|artist)\b")
_NFO_SINGLE = (
    "title",
    "originaltitle",
    "sorttitle",
    "showtitle",
    "plot",
    "outline",
    "tagline",
    "year",
    "premiered",
    "aired",
    "season",
    "episode",
    "album",
    "mpaa",
)
_NFO_MULTI = ("genre", "director", "credits", "studio", "country", "tag", "artist", "style", "mood")
_NFO_ACTORS = 20


class Metadata:
    """Facts about the file and its sidecars; the text extractor builds on them."""

    name = "metadata"
    version = "2"
    kinds = frozenset({"audio", "video"})
    requires: tuple[str, ...] = ()
    outputs = (ScalarsOutput(SCALARS),)
    timeout = 60.0

    def extract(self, ctx: ExtractionContext) -> ExtractionResult:
        path = Path(ctx.file.path)
        meta: dict[str, Any] = _json_safe(dict(ctx.file.metadata))
        if "tags" not in meta:
            meta = {**_read_container(path), **meta}
        meta.setdefault("duration", ctx.file.duration)
        meta.update(read_streams(path))
        subtitles = read_subtitles(path)
        if subtitles:
            meta["subtitles"] = subtitles
        nfo = read_nfo(path)
        if nfo:
            meta["nfo"] = nfo
        return ExtractionResult(scalars=_scalars(meta), data=meta)


# --------------------------------------------------------------------------- scalars


def _scalars(meta: dict[str, Any]) -> dict[str, float]:
    scalars: dict[str, float] = {}
    for name in SCALARS:
        value = meta.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            scalars[name] = float(value)
    if "year" not in scalars:
        for source in (meta.get("tags", {}).get("date"), meta.get("nfo", {}).get("year")):
            match = _YEAR.search(str(source or ""))
            if match:
                scalars["year"] = float(match.group(1))
                break
    return scalars


def _json_safe(value: Any) -> Any:
    """A copy that json.dumps accepts (Fractions and other odd values become numbers or text)."""
    try:
        return json.loads(json.dumps(value, default=lambda v: float(v) if _numeric(v) else str(v)))
    except (TypeError, ValueError):
        return {}


def _numeric(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _read_container(path: Path) -> dict[str, Any]:
    """Stream facts and tags, for a MediaFile that came without them."""
    import av  # noqa: PLC0415 - only when the pipeline did not probe

    meta: dict[str, Any] = {}
    try:
        with av.open(str(path), metadata_errors="replace") as container:
            meta["format"] = container.format.name
            if container.bit_rate:
                meta["bit_rate"] = int(container.bit_rate)
            tags: dict[str, str] = {}
            for source in (container.metadata, *(s.metadata for s in container.streams)):
                for key, value in (source or {}).items():
                    tags.setdefault(str(key).lower(), str(value)[:2000])
            meta["tags"] = tags
            for stream in container.streams.video:
                if stream.disposition & av.stream.Disposition.attached_pic:
                    meta["has_cover_art"] = True
                    continue
                cc = stream.codec_context
                meta.update(video_codec=cc.name, width=cc.width, height=cc.height)
                if stream.average_rate:
                    meta["fps"] = round(float(stream.average_rate), 3)
                break
            for stream in container.streams.audio:
                cc = stream.codec_context
                meta.update(audio_codec=cc.name, channels=cc.channels, sample_rate=cc.sample_rate)
                break
            meta["subtitle_languages"] = [
                (s.metadata or {}).get("language", "und") for s in container.streams.subtitles
            ]
    except (av.FFmpegError, OSError):
        meta.setdefault("tags", {})
    return meta


def read_streams(path: Path) -> dict[str, Any]:
    """The audio and subtitle streams a player can choose between, and the chapters."""
    import av  # noqa: PLC0415 - PyAV is loaded by the pipeline already

    facts: dict[str, Any] = {"audio_streams": [], "subtitle_streams": [], "chapters": []}
    try:
        with av.open(str(path), metadata_errors="replace") as container:
            for stream in container.streams.audio:
                cc = stream.codec_context
                facts["audio_streams"].append(
                    {
                        **_stream_labels(stream, av),
                        "codec": cc.name if cc is not None else None,
                        "channels": int(cc.channels or 0) if cc is not None else 0,
                    }
                )
            for stream in container.streams.subtitles:
                cc = stream.codec_context
                facts["subtitle_streams"].append(
                    {
                        **_stream_labels(stream, av),
                        "codec": cc.name if cc is not None else None,
                        "forced": bool(stream.disposition & av.stream.Disposition.forced),
                    }
                )
            facts["chapters"] = _chapters(container)
    except (av.FFmpegError, OSError, ValueError):
        pass
    return facts


def _stream_labels(stream: Any, av: Any) -> dict[str, Any]:
    tags = {str(k).lower(): str(v) for k, v in (stream.metadata or {}).items()}
    language = (tags.get("language") or getattr(stream, "language", None) or "und").strip()
    return {
        "index": int(stream.index),
        "language": language.lower() or "und",
        "title": (tags.get("title") or "").strip()[:200] or None,
        "default": bool(stream.disposition & av.stream.Disposition.default),
    }


def _chapters(container: Any) -> list[dict[str, Any]]:
    chapters = []
    for chapter in container.chapters() if hasattr(container, "chapters") else []:
        base = chapter.get("time_base") or 1
        start = float(chapter.get("start", 0) * base)
        end = float(chapter.get("end", 0) * base)
        title = str((chapter.get("metadata") or {}).get("title") or "").strip()[:200]
        chapters.append({"start": round(start, 3), "end": round(end, 3), "title": title or None})
    return sorted(chapters, key=lambda c: c["start"])


# --------------------------------------------------------------------------- sidecars


def _read_text(path: Path) -> str | None:
    try:
        if path.stat().st_size > SIDECAR_MAX_BYTES:
            return None
        raw = path.read_bytes()
    except OSError:
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # most old .srt files


def subtitle_files(path: Path) -> list[Path]:
    """``<stem>.srt``, ``<stem>.<lang>[.forced].srt`` and the ``.vtt`` equivalents, sorted."""
    stem = path.stem
    found = []
    for candidate in path.parent.glob(glob.escape(stem) + ".*"):
        name = candidate.name
        if name.lower().endswith(_SUBTITLE_SUFFIXES) and candidate.is_file():
            found.append(candidate)
    return sorted(found)


def _subtitle_language(path: Path, stem: str) -> str:
    middle = path.name[len(stem) : -len(path.suffix)].strip(".")
    return middle.split(".")[0].lower() if middle else "und"


def parse_subtitles(text: str) -> str:
    """The spoken lines of an SRT or WebVTT file, without numbers, timings and markup."""
    lines: list[str] = []
    skipping_block = False
    raw_lines = text.splitlines()
    for i, raw in enumerate(raw_lines):
        line = raw.strip()
        if not line:
            skipping_block = False
            continue
        if skipping_block:
            continue
        if line.startswith(("NOTE", "STYLE", "REGION")) and not lines:
            skipping_block = True  # WebVTT metadata blocks run to the next blank line
            continue
        if line.startswith("WEBVTT") or line.isdigit() or _TIMING.match(line):
            continue
        if i + 1 < len(raw_lines) and _TIMING.match(raw_lines[i + 1]):
            continue  # a cue identifier (SRT number, WebVTT name)
        line = html.unescape(_MARKUP.sub("", line)).strip()
        if line and (not lines or lines[-1] != line):
            lines.append(line)
    return "\n".join(lines)


def read_subtitles(path: Path) -> dict[str, Any] | None:
    files = subtitle_files(path)
    if not files:
        return None
    texts, names, languages = [], [], []
    budget = SUBTITLE_TOTAL_CHARS
    for file in files:
        content = _read_text(file)
        if content is None:
            continue
        text = parse_subtitles(content)[: min(SUBTITLE_FILE_CHARS, budget)]
        names.append(file.name)
        languages.append(_subtitle_language(file, path.stem))
        if text:
            texts.append(text)
            budget -= len(text)
        if budget <= 0:
            break
    if not names:
        return None
    return {"files": names, "languages": languages, "text": "\n\n".join(texts)}


def read_nfo(path: Path) -> dict[str, Any] | None:
    """Fields of ``<stem>.nfo`` or ``movie.nfo`` (Kodi XML; a bare IMDb link also works)."""
    for candidate in (path.with_suffix(".nfo"), path.parent / "movie.nfo"):
        if candidate.is_file():
            content = _read_text(candidate)
            if content is not None:
                fields = parse_nfo(content)
                if fields:
                    return {"file": candidate.name, **fields}
    return None


def parse_nfo(content: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    imdb = _IMDB.search(content)
    if imdb:
        fields["imdb"] = imdb.group(0)
    root = _nfo_root(content)
    if root is None:
        text = content.strip()
        if text and not imdb:
            fields["text"] = text[:NFO_TEXT_CHARS]
        return fields
    for tag in _NFO_SINGLE:
        value = (root.findtext(tag) or "").strip()
        if value:
            fields[tag] = value[:NFO_TEXT_CHARS]
    for tag in _NFO_MULTI:
        values = [(e.text or "").strip() for e in root.findall(tag)]
        values = [v for v in values if v]
        if values:
            fields[tag] = values
    actors = [(a.findtext("name") or "").strip() for a in root.findall("actor")]
    actors = [a for a in actors if a][:_NFO_ACTORS]
    if actors:
        fields["actors"] = actors
    return fields


def _nfo_root(content: str) -> ET.Element | None:
    if "<!ENTITY" in content:
        return None  # no entity expansion (billion laughs): real .nfo files never use it
    match = _NFO_ROOT.search(content)
    if not match:
        return None
    end_tag = f"</{match.group(1)}>"
    end = content.find(end_tag, match.start())
    if end < 0:
        return None
    # Kodi allows a scraper URL after the XML: parse the root element only.
    try:
        return ET.fromstring(content[match.start() : end + len(end_tag)])
    except ET.ParseError:
        return None


@hookimpl
def medialens_extractors() -> list[Metadata]:
    return [Metadata()]
