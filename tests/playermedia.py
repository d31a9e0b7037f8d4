"""Media for the player's tests: a video with chapters and an embedded subtitle stream,
a video with sidecar subtitles, and a tagged album of short tones."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
from mediagen import make_tone, make_video

CHAPTERS = (("Opening", 0.0, 3.0), ("Middle", 3.0, 5.0), ("Ending", 5.0, 6.0))
EMBEDDED_CUES = ((0.2, 2.5, "Embedded hello"), (3.2, 5.5, "Embedded second"))
SIDECAR_SRT = """1
00:00:00,100 --> 00:00:02,900
Sidecar <i>first</i> line

2
00:00:03,000 --> 00:00:05,800
Sidecar second
line two
"""


def add_chapters_and_subtitles(source: Path, dest: Path) -> Path:
    """Remux ``source`` into Matroska with ``CHAPTERS`` and an ASS stream of ``EMBEDDED_CUES``."""
    ms = Fraction(1, 1000)
    with av.open(str(source)) as inp, av.open(str(dest), "w", format="matroska") as out:
        streams = {s.index: out.add_stream_from_template(s) for s in inp.streams}
        sub = out.add_stream("ass")
        sub.codec_context.time_base = ms
        sub.codec_context.extradata = (
            b"[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n"
            b"Format: Name, Fontname, Fontsize\nStyle: Default,Arial,20\n\n"
            b"[Events]\nFormat: Layer, Start, End, Style, Text\n"
        )
        out.set_chapters(
            [
                {
                    "id": i + 1,
                    "start": int(a * 1000),
                    "end": int(b * 1000),
                    "time_base": ms,
                    "metadata": {"title": title},
                }
                for i, (title, a, b) in enumerate(CHAPTERS)
            ]
        )
        for pkt in inp.demux():
            if pkt.dts is None:
                continue
            pkt.stream = streams[pkt.stream.index]
            out.mux(pkt)
        for i, (a, b, text) in enumerate(EMBEDDED_CUES):
            pkt = av.Packet(f"{i},0,Default,,0,0,0,,{text}".encode())
            pkt.stream = sub
            pkt.pts = pkt.dts = int(a * 1000)
            pkt.duration = int((b - a) * 1000)
            pkt.time_base = ms
            out.mux(pkt)
    return dest


def make_player_media(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    plain = make_video(folder.parent / "plain.mkv", seconds=6.0, size=(320, 240))
    add_chapters_and_subtitles(plain, folder / "chaptered.mkv")
    make_video(folder / "talk.mp4", seconds=6.0, size=(320, 240), audio_freq=300.0)
    (folder / "talk.srt").write_text(SIDECAR_SRT, encoding="utf-8")
    for i, freq in enumerate((330.0, 440.0, 550.0), start=1):
        make_tone(
            folder / f"song{i}.ogg",
            4.0,
            freq,
            tags={"title": f"Song {i}", "artist": "The Tones", "album": "Pure Waves"},
        )
    return folder
