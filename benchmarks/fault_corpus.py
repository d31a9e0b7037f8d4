"""A corpus of damaged media made from the real recordings, for the fault benchmark.

Why: a library meets truncated downloads, flipped bits, files glued together by a bad copy
and headers that lie about the duration. Every damaged file here starts as a real recording
(``$MEDIALENS_MEDIA``, else ``<repo>/.media``), so the decoders see what they see in the wild.
The corpus is a pure function of the seed and the source files, and every file is listed in
``manifest.jsonl`` with how it was damaged and the longest duration it can honestly hold
(``max_seconds``: what its source bytes decode to), so a stored duration can be judged.

    python benchmarks/fault_corpus.py OUT [-n 1000] [--seed 11]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import struct
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MEDIA_SUFFIXES = (".wav", ".ogg", ".oga", ".mp3", ".mp4", ".avi", ".flac", ".mkv", ".m4a")

# How often each kind of damage is made (relative weights).
KINDS: dict[str, float] = {
    "truncate_zero": 3,
    "truncate_header": 7,
    "truncate_random": 16,
    "flip_random": 14,
    "flip_header": 12,
    "glue_header": 10,
    "concat": 6,
    "forge_duration": 16,
    "wrong_extension": 6,
    "not_media": 3,
    "directory": 2,
    "control": 5,
}


@dataclass(frozen=True)
class Source:
    path: Path
    data: bytes
    duration: float  # seconds, as decoded from the undamaged file
    fmt: str  # wav | avi | ogg | mp3 | mp4 | flac

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower() or f".{self.fmt}"


def media_root() -> Path:
    return Path(os.environ.get("MEDIALENS_MEDIA", REPO / ".media"))


def sniff(data: bytes) -> str:
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "wav"
    if data[:4] == b"RIFF" and data[8:12] == b"AVI ":
        return "avi"
    if data[:4] == b"OggS":
        return "ogg"
    if data[:4] == b"fLaC":
        return "flac"
    if data[4:8] == b"ftyp":
        return "mp4"
    if data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return "mp3"
    return "other"


def _duration(path: Path) -> float:
    import av

    with av.open(str(path)) as container:
        if container.duration:
            return container.duration / 1_000_000
        stream = container.streams[0]
        return float(stream.duration * stream.time_base) if stream.duration else 0.0


def load_sources(root: Path, rng: random.Random, speech: int = 60) -> list[Source]:
    """The real files damage starts from: small ones most, a few long tracks and videos,
    and FLAC / 16-bit WAV copies of speech (no FLAC ships with the media)."""
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in MEDIA_SUFFIXES and "data" not in p.parts
    )
    speech_files = [p for p in files if p.parent.name == "speech"]
    others = [p for p in files if p.parent.name != "speech"]
    chosen = sorted(rng.sample(speech_files, min(speech, len(speech_files)))) + others
    sources = []
    for path in chosen:
        data = path.read_bytes()
        fmt = sniff(data)
        if fmt == "other":
            continue
        sources.append(Source(path, data, _duration(path), fmt))
    import soundfile

    for path in chosen[:8]:
        if path.suffix.lower() != ".wav":
            continue
        samples, rate = soundfile.read(str(path))
        buf = io.BytesIO()
        soundfile.write(buf, samples, rate, format="FLAC")
        data = buf.getvalue()
        sources.append(Source(path.with_suffix(".flac"), data, len(samples) / rate, "flac"))
    return sources


def _weighted(rng: random.Random, sources: list[Source]) -> Source:
    """Small files far more often than long tracks, so the corpus indexes in minutes."""
    weights = [1.0 / max(len(s.data), 4096) ** 0.75 for s in sources]
    return rng.choices(sources, weights)[0]


# -- where a format's header ends --------------------------------------------------------


def _riff_chunks(data: bytes, start: int = 12):
    pos = start
    while pos + 8 <= len(data):
        cid, size = data[pos : pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        yield cid, pos, size
        if cid == b"LIST" and data[pos + 8 : pos + 12] in (b"hdrl", b"strl"):
            yield from _riff_chunks(data[: pos + 8 + size], pos + 12)
        pos += 8 + size + (size & 1)


def _ogg_pages(data: bytes):
    pos = data.find(b"OggS")
    while pos >= 0 and pos + 27 <= len(data):
        nseg = data[pos + 26]
        length = 27 + nseg + sum(data[pos + 27 : pos + 27 + nseg])
        yield pos, length
        pos = data.find(b"OggS", pos + length)


def _mp4_boxes(data: bytes, start: int = 0, end: int | None = None):
    pos, end = start, len(data) if end is None else end
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, pos)
        if size == 1:
            size = struct.unpack_from(">Q", data, pos + 8)[0]
        elif size == 0:
            size = end - pos
        if size < 8:
            return
        yield kind, pos, size
        pos += size


def header_length(src: Source) -> int:
    data = src.data
    if src.fmt == "wav":
        for cid, pos, _size in _riff_chunks(data):
            if cid == b"data":
                return pos + 8
    if src.fmt == "ogg":
        ends = [pos + length for pos, length in _ogg_pages(data)][:3]
        if ends:
            return ends[-1]
    if src.fmt == "flac":
        pos = 4
        while pos + 4 <= len(data):
            last, size = data[pos] & 0x80, int.from_bytes(data[pos + 1 : pos + 4], "big")
            pos += 4 + size
            if last:
                return pos
    if src.fmt == "mp4":
        for kind, pos, _size in _mp4_boxes(data):
            if kind == b"mdat":
                return pos + 8
    if src.fmt == "mp3" and data[:3] == b"ID3":
        size = data[6:10]
        return 10 + ((size[0] << 21) | (size[1] << 14) | (size[2] << 7) | size[3]) + 4
    return min(4096, len(data) // 4)


# -- forged durations ----------------------------------------------------------------------

_CRC = []
for _i in range(256):
    _r = _i << 24
    for _ in range(8):
        _r = ((_r << 1) ^ 0x04C11DB7) if _r & 0x80000000 else _r << 1
    _CRC.append(_r & 0xFFFFFFFF)


def ogg_crc(page: bytes) -> int:
    crc = 0
    for byte in page:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _CRC[(crc >> 24) ^ byte]
    return crc


def _forge_ogg(data: bytearray, rng: random.Random) -> str:
    pages = list(_ogg_pages(bytes(data)))
    granule = rng.choice([2**62, 2**48, 0x7FFFFFFFFFFFFFFE])
    which = rng.choice(["last", "middle", "all"])
    picked = {"last": pages[-1:], "middle": pages[len(pages) // 2 : len(pages) // 2 + 1]}
    for pos, length in picked.get(which, pages[3:]):
        struct.pack_into("<q", data, pos + 6, granule)
        struct.pack_into("<I", data, pos + 22, 0)
        struct.pack_into("<I", data, pos + 22, ogg_crc(bytes(data[pos : pos + length])))
    return f"ogg granule of {which} page(s) = {granule} (CRC fixed)"


def _forge_wav(data: bytearray, rng: random.Random) -> str:
    chunks = {cid: pos for cid, pos, _ in _riff_chunks(bytes(data))}
    how = rng.choice(["riff_size", "data_size", "byte_rate", "all"])
    if how in ("riff_size", "all"):
        struct.pack_into("<I", data, 4, 0xFFFFFFFF)
    if how in ("data_size", "all") and b"data" in chunks:
        struct.pack_into("<I", data, chunks[b"data"] + 4, 0xFFFFFFF0)
    if how in ("byte_rate", "all") and b"fmt " in chunks:
        struct.pack_into("<I", data, chunks[b"fmt "] + 8 + 8, 1)
    return f"wav {how} forged"


def _forge_avi(data: bytearray, rng: random.Random) -> str:
    for cid, pos, _ in _riff_chunks(bytes(data)):
        if cid == b"avih":
            struct.pack_into("<I", data, pos + 8, 0xFFFFFFFF)  # microseconds per frame
            struct.pack_into("<I", data, pos + 8 + 16, 0xFFFFFFFF)  # total frames
        if cid == b"strh":
            struct.pack_into("<I", data, pos + 8 + 32, 0xFFFFFFFF)  # stream length
    return "avi avih frame time, total frames and strh length = 0xFFFFFFFF"


def _forge_mp4(data: bytearray, rng: random.Random) -> str:
    how = rng.choice(["duration", "timescale"])
    done = []

    def walk(start: int, end: int) -> None:
        for kind, pos, size in _mp4_boxes(bytes(data), start, end):
            if kind in (b"moov", b"trak", b"mdia"):
                walk(pos + 8, pos + size)
            elif kind in (b"mvhd", b"mdhd"):
                v1 = data[pos + 8] == 1
                scale_at = pos + 12 + (16 if v1 else 8)
                if how == "timescale":
                    struct.pack_into(">I", data, scale_at, 1)
                elif v1:
                    struct.pack_into(">Q", data, scale_at + 4, 2**62)
                else:
                    struct.pack_into(">I", data, scale_at + 4, 0xFFFFFFF0)
                done.append(kind.decode())
            elif kind == b"tkhd" and how == "duration":
                v1 = data[pos + 8] == 1
                at = pos + 12 + (24 if v1 else 16)
                struct.pack_into(">Q" if v1 else ">I", data, at, 2**62 if v1 else 0xFFFFFFF0)
                done.append("tkhd")

    walk(0, len(data))
    return f"mp4 {how} forged in {','.join(done) or 'nothing'}"


def _forge_flac(data: bytearray, rng: random.Random) -> str:
    at = 8 + 10  # fLaC, block header, then min/max block and frame sizes
    packed = int.from_bytes(data[at : at + 8], "big")
    how = rng.choice(["total_samples", "sample_rate"])
    if how == "total_samples":
        packed |= (1 << 36) - 1
    else:
        packed = (packed & ~(((1 << 20) - 1) << 44)) | (1 << 44)  # 1 Hz
    data[at : at + 8] = packed.to_bytes(8, "big")
    return f"flac STREAMINFO {how} forged"


def _forge_mp3(data: bytearray, rng: random.Random) -> str:
    at = data.find(b"Xing", 0, 8192)
    if at < 0:
        at = data.find(b"Info", 0, 8192)
    if at < 0:
        return "mp3 without a Xing header: unchanged"
    struct.pack_into(">I", data, at + 4, struct.unpack_from(">I", data, at + 4)[0] | 1)
    struct.pack_into(">I", data, at + 8, 0xFFFFFFF0)
    return "mp3 Xing frame count = 0xFFFFFFF0"


# Long MP3s and AVIs are forged less often than the small formats, to keep indexing short.
FORGE_WEIGHTS = {"ogg": 3, "wav": 3, "flac": 2, "mp4": 2, "avi": 1, "mp3": 1}

FORGERS: dict[str, Callable[[bytearray, random.Random], str]] = {
    "ogg": _forge_ogg,
    "wav": _forge_wav,
    "avi": _forge_avi,
    "mp4": _forge_mp4,
    "flac": _forge_flac,
    "mp3": _forge_mp3,
}


# -- the corpus ----------------------------------------------------------------------------


def _flip(data: bytearray, rng: random.Random, lo: int, hi: int, count: int) -> list[int]:
    hi = max(lo + 1, min(hi, len(data)))
    spots = sorted(rng.randrange(lo, hi) for _ in range(count)) if len(data) > lo else []
    for spot in spots:
        data[spot] ^= 1 << rng.randrange(8) if rng.random() < 0.7 else rng.randrange(1, 256)
    return spots


def damage(kind: str, rng: random.Random, sources: list[Source], junk: bytes):
    """One damaged file: (bytes or None for a folder, suffix, detail, sources, max seconds)."""
    src = _weighted(rng, sources)
    data = bytearray(src.data)
    if kind == "truncate_zero":
        return b"", src.suffix, "0 bytes", [src], 0.0
    if kind == "truncate_header":
        cut = rng.choice([4, 12, 44, 128, 512, header_length(src)])
        return bytes(data[:cut]), src.suffix, f"first {cut} bytes", [src], src.duration
    if kind == "truncate_random":
        cut = rng.randrange(1, len(data))
        return bytes(data[:cut]), src.suffix, f"cut at {cut}/{len(data)}", [src], src.duration
    if kind == "flip_random":
        spots = _flip(data, rng, 0, len(data), rng.choice([1, 3, 10, 50]))
        return bytes(data), src.suffix, f"{len(spots)} flips at {spots[:8]}", [src], src.duration
    if kind == "flip_header":
        spots = _flip(data, rng, 0, header_length(src), rng.choice([1, 2, 4, 8]))
        return bytes(data), src.suffix, f"header flips at {spots}", [src], src.duration
    if kind == "glue_header":
        body = _weighted(rng, [s for s in sources if s.fmt != src.fmt] or sources)
        glued = src.data[: header_length(src)] + body.data[header_length(body) :]
        detail = f"{src.fmt} header + {body.fmt} body of {body.path.name}"
        return glued, src.suffix, detail, [src, body], src.duration + body.duration
    if kind == "concat":
        other = _weighted(rng, sources)
        detail = f"{src.path.name} + {other.path.name}"
        return (
            src.data + other.data,
            src.suffix,
            detail,
            [src, other],
            src.duration + other.duration,
        )
    if kind == "forge_duration":
        forgeable = [s for s in sources if s.fmt != "mp3" or b"Xing" in s.data[:8192]]
        fmts = sorted({s.fmt for s in forgeable})
        fmt = rng.choices(fmts, [FORGE_WEIGHTS.get(f, 1) for f in fmts])[0]
        src = _weighted(rng, [s for s in forgeable if s.fmt == fmt])
        data = bytearray(src.data)
        detail = FORGERS[src.fmt](data, rng)
        return bytes(data), src.suffix, detail, [src], src.duration
    if kind == "wrong_extension":
        suffix = rng.choice([s for s in MEDIA_SUFFIXES if s != src.suffix])
        return src.data, suffix, f"{src.fmt} named {suffix}", [src], src.duration
    if kind == "not_media":
        suffix = rng.choice(MEDIA_SUFFIXES)
        if rng.random() < 0.5:
            start = rng.randrange(0, max(1, len(junk) - 65536))
            return junk[start : start + 65536], suffix, f"text named {suffix}", [], 0.0
        noise = rng.randbytes(rng.choice([1, 100, 8192, 100_000]))
        return noise, suffix, f"{len(noise)} random bytes named {suffix}", [], 0.0
    if kind == "directory":
        return None, src.suffix, "a folder named like media", [src], src.duration
    return src.data, src.suffix, "undamaged copy", [src], src.duration


def build(out: Path, count: int = 1000, seed: int = 11, root: Path | None = None) -> list[dict]:
    """Write ``count`` damaged files (and folders) under ``out`` and their manifest."""
    rng = random.Random(seed)
    root = root or media_root()
    sources = load_sources(root, rng)
    if not sources:
        raise SystemExit(f"no real media under {root} (set MEDIALENS_MEDIA)")
    junk_files = sorted((root / "data").glob("*")) if (root / "data").is_dir() else []
    junk = junk_files[0].read_bytes() if junk_files else bytes(range(256)) * 1024
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    kinds, weights = list(KINDS), list(KINDS.values())
    manifest = []
    for i in range(count):
        kind = rng.choices(kinds, weights)[0]
        data, suffix, detail, used, max_seconds = damage(kind, rng, sources, junk)
        stem = used[0].path.stem.replace(" ", "_")[:24] if used else "junk"
        rel = Path(kind) / f"{i:04d}_{stem}{suffix}"
        target = out / rel
        target.parent.mkdir(exist_ok=True)
        if data is None:
            target.mkdir()
            if rng.random() < 0.5:  # a real file inside: it must still be found
                (target / f"inside{used[0].suffix}").write_bytes(used[0].data)
                detail += ", with a real file inside"
        else:
            target.write_bytes(data)
        manifest.append(
            {
                "path": str(rel),
                "damage": kind,
                "detail": detail,
                "sources": [
                    str(s.path.relative_to(root)) for s in used if s.path.is_relative_to(root)
                ],
                "size": 0 if data is None else len(data),
                "max_seconds": round(max_seconds, 3),
            }
        )
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as f:
        for entry in manifest:
            f.write(json.dumps(entry) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=1000, help="how many files (default 1000)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    started, cpu = time.perf_counter(), time.process_time()
    manifest = build(args.out, args.n, args.seed)
    by_kind: dict[str, int] = {}
    for entry in manifest:
        by_kind[entry["damage"]] = by_kind.get(entry["damage"], 0) + 1
    total = sum(e["size"] for e in manifest)
    print(
        f"{len(manifest)} damaged files ({total / 1e6:.0f} MB) in {args.out}: "
        + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items()))
    )
    print(
        f"built in {time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
