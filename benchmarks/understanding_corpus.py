"""The corpus of bench_understanding.py: real recordings under names that say nothing.

    python benchmarks/understanding_corpus.py DIR     (builds DIR and prints its manifest)

Search must find these files by what is in them, so each is copied into one flat folder as
``item-<8 hex>.<ext>``: the hex is a hash of the file's original name (stable across runs
and machines, so the benchmark's ground truth can name files by their original names), the
extension is kept (it tells the container, not the content). Embedded tags are kept as they
are: the music's own titles and album, and nothing else (the speech prompts, sound effects
and videos carry no descriptive tags).

What goes in, from ``$MEDIALENS_MEDIA`` (default ``<repo>/.media``, see scripts/install-media.sh):

* 41 Asterisk speech prompts with distinct wording, and three of its non-speech prompts
  (two beeps, a recording of screaming monkeys);
* all 35 freedesktop sound-theme effects (eight of them a voice naming a speaker channel);
* 10 music tracks (Endgame: Singularity, two tagged instrumentals, five untagged
  Drascula tracks), chosen short and with no title word that a query of the benchmark uses;
* every video of ``video/``;
* six videos with text on screen, generated here from real frames of bikes.mp4, earth.mp4
  and vtest.avi: shop signs and captions in English and Chinese, drawn with PIL and encoded
  with PyAV (H.264, one thread, fixed settings: the same bytes on every run).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS_VERSION = 1
"""Bump when the selection or the generated videos change: the cached corpus is rebuilt."""

SPEECH = (
    "all-circuits-busy-now",
    "agent-pass",
    "at-tone-time-exactly",
    "auth-incorrect",
    "basic-pbx-ivr-main",
    "cannot-complete-as-dialed",
    "conf-kicked",
    "conf-now-recording",
    "conf-onlyperson",
    "conf-waitforleader",
    "confbridge-begin-glorious-a",
    "confbridge-mute-extended",
    "demo-abouttotry",
    "demo-congrats",
    "demo-echotest",
    "demo-instruct",
    "demo-moreinfo",
    "demo-nogo",
    "demo-thanks",
    "dir-intro",
    "hello-world",
    "priv-callee-options",
    "privacy-unident",
    "queue-periodic-announce",
    "queue-youarenext",
    "screen-callee-options",
    "something-terribly-wrong",
    "sorry-youre-having-problems",
    "speed-dial-empty",
    "ss-noservice",
    "tt-allbusy",
    "tt-monkeysintro",
    "tt-somethingwrong",
    "tt-weasels",
    "vm-intro",
    "vm-login",
    "vm-mailboxfull",
    "vm-msgsaved",
    "vm-newuser",
    "vm-nobodyavail",
    "vm-sorry",
)
PROMPT_SOUNDS = ("beep", "beeperr", "tt-monkeys")  # in the speech folder, not speech
CHANNEL_VOICES = "audio-channel-"  # freedesktop effects that are a voice saying a channel
MUSIC = (
    "music/lose/March Thee to Dis.ogg",
    "music/win/Apex Aleph.ogg",
    "music/Awakening.ogg",
    "music/1918.mp3",
    "music/funkyrobot.mp3",
    "music/drascula/track3.ogg",
    "music/drascula/track10.ogg",
    "music/drascula/track13.ogg",
    "music/drascula/track21.ogg",
    "music/drascula/track25.ogg",
)

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
NOTO_CJK_SC = 2  # the collection's Simplified Chinese face


@dataclass(frozen=True)
class Text:
    """One block of text on screen: lines, where, and how it looks."""

    lines: tuple[str, ...]
    where: str  # "top-left" | "top" | "bottom" | "centre"
    style: str  # "sign" (dark letters on a light board) | "caption" (white, outlined)
    size: int  # font size in pixels


@dataclass(frozen=True)
class Generated:
    name: str  # the original name the ground truth uses: generated/<name>.mp4
    source: str  # a video of video/
    first: int  # first source frame used
    step: int  # every step-th frame after it
    texts: tuple[Text, ...]


FRAMES = 30  # 3 s at 10 frames a second
FPS = 10
GENERATED = (
    Generated(
        "bakery-street",
        "bikes.mp4",
        175,
        2,
        (
            Text(("SUNRISE BAKERY",), "top-left", "sign", 34),
            Text(("Fresh bread every morning",), "bottom", "caption", 26),
        ),
    ),
    Generated(
        "mission-control",
        "earth.mp4",
        0,
        20,
        (
            Text(("MISSION CONTROL",), "top", "caption", 34),
            Text(("LIVE FEED  ORBIT 42",), "bottom", "caption", 26),
        ),
    ),
    Generated(
        "opening-sale",
        "vtest.avi",
        0,
        4,
        (Text(("GRAND OPENING SALE", "50% OFF ALL SHOES"), "top-left", "sign", 36),),
    ),
    Generated(
        "road-works",
        "bikes.mp4",
        190,
        2,
        (
            Text(("前方施工", "请绕行"), "top-left", "sign", 40),
            Text(("ROAD CLOSED",), "bottom", "caption", 30),
        ),
    ),
    Generated(
        "weather-forecast",
        "earth.mp4",
        300,
        20,
        (
            Text(("天气预报",), "top", "caption", 44),
            Text(("欢迎收看", "WEATHER FORECAST"), "bottom", "caption", 28),
        ),
    ),
    Generated(
        "subway-entrance",
        "vtest.avi",
        200,
        4,
        (Text(("地铁站入口", "SUBWAY ENTRANCE"), "top-left", "sign", 40),),
    ),
)


@dataclass(frozen=True)
class Item:
    original: str  # e.g. "speech/agent-pass.wav", "generated/road-works.mp4"
    kind: str  # "speech" | "sound" | "music" | "video"
    source: Path | None  # the real file, or None for a generated one

    @property
    def hashed(self) -> str:
        digest = hashlib.sha256(self.original.encode()).hexdigest()[:8]
        return f"item-{digest}{Path(self.original).suffix.lower()}"


def media_root() -> Path:
    return Path(os.environ.get("MEDIALENS_MEDIA") or REPO / ".media")


def items(media: Path | None = None) -> list[Item]:
    """Every file of the corpus, in a fixed order; raises when the real media is missing."""
    root = media or media_root()
    found: list[Item] = []
    for name in SPEECH:
        found.append(Item(f"speech/{name}.wav", "speech", root / "speech" / f"{name}.wav"))
    for name in PROMPT_SOUNDS:
        found.append(Item(f"speech/{name}.wav", "sound", root / "speech" / f"{name}.wav"))
    for path in sorted((root / "sounds").glob("*.oga")):
        kind = "speech" if path.name.startswith(CHANNEL_VOICES) else "sound"
        found.append(Item(f"sounds/{path.name}", kind, path))
    for name in MUSIC:
        found.append(Item(name, "music", root / name))
    for path in sorted((root / "video").iterdir()):
        if path.suffix.lower() in {".mp4", ".avi", ".mkv", ".webm", ".mov"}:
            found.append(Item(f"video/{path.name}", "video", path))
    for video in GENERATED:
        found.append(Item(f"generated/{video.name}.mp4", "video", None))
    missing = [str(i.source) for i in found if i.source is not None and not i.source.exists()]
    if missing or not (root / "video" / "bikes.mp4").exists():
        raise FileNotFoundError(
            f"real media missing under {root} (run scripts/install-media.sh): "
            + ", ".join(missing[:5])
        )
    hashed = [i.hashed for i in found]
    assert len(set(hashed)) == len(hashed), "two originals hash to one name"
    return found


# -- generated videos ---------------------------------------------------------------------


def _font(text: str, size: int):
    from PIL import ImageFont

    if any(ord(ch) > 0x2E7F for ch in text):
        return ImageFont.truetype(str(NOTO_CJK), size, index=NOTO_CJK_SC)
    return ImageFont.truetype(str(DEJAVU), size)


def _draw(image, text: Text) -> None:
    """Draw one block of text onto a PIL image, in place."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    fonts = [_font(line, text.size) for line in text.lines]
    boxes = [draw.textbbox((0, 0), line, font=f) for line, f in zip(text.lines, fonts, strict=True)]
    gap = text.size // 4
    width = max(b[2] - b[0] for b in boxes)
    height = sum(b[3] - b[1] for b in boxes) + gap * (len(boxes) - 1)
    pad = text.size // 3
    w, h = image.size
    if text.where == "top-left":
        x, y = pad * 2, pad * 2
    elif text.where == "top":
        x, y = (w - width) // 2, pad * 2
    elif text.where == "bottom":
        x, y = (w - width) // 2, h - height - pad * 3
    else:
        x, y = (w - width) // 2, (h - height) // 2
    if text.style == "sign":
        draw.rectangle(
            (x - pad, y - pad, x + width + pad, y + height + pad),
            fill=(245, 240, 220),
            outline=(90, 20, 20),
            width=3,
        )
    for line, font, box in zip(text.lines, fonts, boxes, strict=True):
        lx = x + (width - (box[2] - box[0])) // 2 - box[0]
        if text.style == "sign":
            draw.text((lx, y - box[1]), line, font=font, fill=(150, 20, 20))
        else:
            draw.text(
                (lx, y - box[1]),
                line,
                font=font,
                fill=(255, 255, 255),
                stroke_width=max(2, text.size // 12),
                stroke_fill=(0, 0, 0),
            )
        y += box[3] - box[1] + gap


def _source_frames(path: Path, first: int, step: int):
    """RGB PIL images of frames first, first+step, ... (FRAMES of them) of a video."""
    import av

    wanted = {first + step * k for k in range(FRAMES)}
    frames = []
    with av.open(str(path)) as container:
        for index, frame in enumerate(container.decode(video=0)):
            if index in wanted:
                frames.append(frame.to_image().convert("RGB"))
                if len(frames) == FRAMES:
                    break
    if len(frames) < FRAMES:
        raise ValueError(f"{path.name} has too few frames for {FRAMES} from {first} by {step}")
    return frames


def generate(video: Generated, media: Path, dest: Path) -> None:
    """Write one generated video: real frames with the video's text drawn on each."""
    import av

    frames = _source_frames(media / "video" / video.source, video.first, video.step)
    width, height = (d - d % 2 for d in frames[0].size)
    tmp = dest.with_suffix(".part.mp4")
    with av.open(str(tmp), "w", options={"fflags": "+bitexact"}) as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.thread_count = 1
        stream.options = {"preset": "medium", "crf": "20", "threads": "1"}
        for image in frames:
            image = image.crop((0, 0, width, height))
            for text in video.texts:
                _draw(image, text)
            frame = av.VideoFrame.from_image(image).reformat(format="yuv420p")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    tmp.replace(dest)


# -- the corpus folder --------------------------------------------------------------------


def build(folder: Path, media: Path | None = None) -> dict[str, str]:
    """Fill ``folder`` with the corpus (once: a manifest of the same version is reused).

    Returns {original name: hashed file name}. Files of another version are removed, so
    the folder holds exactly the corpus.
    """
    root = media or media_root()
    manifest_path = folder.parent / f"{folder.name}.manifest.json"
    wanted = items(root)
    mapping = {i.original: i.hashed for i in wanted}
    if manifest_path.exists():
        saved = json.loads(manifest_path.read_text())
        if (
            saved.get("version") == CORPUS_VERSION
            and saved.get("files") == mapping
            and all((folder / name).exists() for name in mapping.values())
        ):
            return mapping
    folder.mkdir(parents=True, exist_ok=True)
    keep = set(mapping.values())
    for stale in folder.iterdir():
        if stale.name not in keep:
            stale.unlink()
    generated = {f"generated/{v.name}.mp4": v for v in GENERATED}
    for item in wanted:
        dest = folder / item.hashed
        if item.source is not None:
            if not dest.exists() or dest.stat().st_size != item.source.stat().st_size:
                shutil.copyfile(item.source, dest)
        else:
            generate(generated[item.original], root, dest)
    manifest_path.write_text(
        json.dumps(
            {
                "version": CORPUS_VERSION,
                "files": mapping,
                "kinds": {i.original: i.kind for i in wanted},
            },
            indent=1,
            ensure_ascii=False,
        )
    )
    return mapping


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    mapping = build(Path(sys.argv[1]))
    print(json.dumps(mapping, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
