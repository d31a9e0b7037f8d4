"""Helpers for testing extractors: for Medialens's own plugins and for third-party authors.

Import the fixtures into your ``conftest.py`` and pytest finds them::

    from medialens.testing import file_context, make_ctx  # noqa: F401

``file_context(path, results=None, settings=None)`` is the app's real decoding context
over a media file: what your extractor sees inside Medialens. ``make_ctx(path, kind,
frames=..., samples=..., results=..., settings=..., cancelled=...)`` is an
:class:`ArrayContext` over arrays you give it, for cases no real file produces (a frame of
the wrong shape, a cancelled run) and for testing model logic on exact inputs.
``setting_defaults(plugin)`` is what ``ctx.settings`` holds for a plugin nobody configured.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from medialens.api import AudioExcerpt, ExtractionCancelled, ExtractionResult, Keyframe, MediaFile

__all__ = [
    "ArrayContext",
    "ffmpeg_mono",
    "file_context",
    "import_mediagen",
    "make_ctx",
    "open_file_context",
    "real_media",
    "setting_defaults",
]


def _int8_kernels_differ() -> bool:
    try:
        return "avx512_vnni" in Path("/proc/cpuinfo").read_text()
    except OSError:
        return False


# Pinned (measured 2026-12-02): the int8 kernels onnxruntime and CTranslate2 pick on CPUs with
# AVX-512 VNNI / AMX score these clips differently from the AVX2 ones the thresholds were set
# on (the same drum loop: music 0.72 there, 0.97 on AVX2, with every package version alike;
# confirmed by running the same install under an emulated AVX2 CPU). Re-set the thresholds on
# both kinds of CPU before removing this.
INT8_KERNELS_DIFFER = pytest.mark.xfail(
    _int8_kernels_differ(),
    reason="int8 model kernels on AVX-512 VNNI CPUs score differently from AVX2",
    strict=False,
)


@dataclass
class ArrayContext:
    """An :class:`medialens.api.ExtractionContext` over arrays already in memory."""

    file: MediaFile
    cache_dir: Path
    frames: Sequence[Keyframe] = ()
    samples: dict[int, np.ndarray] = field(default_factory=dict)
    results: dict[str, ExtractionResult] = field(default_factory=dict)
    settings: Mapping[str, object] = field(default_factory=dict)
    cancelled: bool = False

    def audio(self, sample_rate: int) -> np.ndarray:
        return self.samples.get(sample_rate, np.zeros(0, np.float32))

    def audio_excerpts(
        self, sample_rate: int, seconds: float | None = None
    ) -> Sequence[AudioExcerpt]:
        """The app's excerpts of ``samples[sample_rate]`` (all of it when it is short)."""
        from medialens.core.decoding import EXCERPT_SECONDS, excerpt_starts

        samples = self.audio(sample_rate)
        starts = excerpt_starts(len(samples) / sample_rate)
        if starts is None:
            return (AudioExcerpt(0.0, samples),) if len(samples) else ()
        size = int(EXCERPT_SECONDS * sample_rate)
        parts = tuple(
            AudioExcerpt(s, samples[int(s * sample_rate) : int(s * sample_rate) + size])
            for s in starts
        )
        if seconds is None or not 0.0 < seconds < EXCERPT_SECONDS:
            return parts
        from medialens.core.decoding import middle_of

        return tuple(middle_of(p, sample_rate, seconds) for p in parts)

    def audio_levels(self, count: int) -> np.ndarray:
        rate = max(self.samples, default=0)
        samples = self.audio(rate) if rate else np.zeros(0, np.float32)
        if not len(samples) or count <= 0:
            return np.zeros(0, np.float32)
        return np.array(
            [
                np.sqrt(np.mean(np.square(c, dtype=np.float64)))
                for c in np.array_split(samples, count)
            ],
            dtype=np.float32,
        )

    def audio_frame_levels(self, frame_seconds: float) -> np.ndarray:
        from medialens.core.decoding import frame_rms

        rate = max(self.samples, default=0)
        samples = self.audio(rate) if rate else np.zeros(0, np.float32)
        return frame_rms([samples], rate, frame_seconds) if len(samples) else samples

    def keyframes(self) -> Sequence[Keyframe]:
        return self.frames

    def cover_art(self) -> bytes | None:
        return None

    def result(self, extractor: str) -> ExtractionResult | None:
        return self.results.get(extractor)

    def check_cancelled(self) -> None:
        if self.cancelled:
            raise ExtractionCancelled()


def setting_defaults(plugin: object) -> dict[str, object]:
    """The defaults of the settings ``plugin`` (a module or object) declares through its
    ``medialens_settings`` hook: what ``ctx.settings`` holds when the user changed none."""
    hook = getattr(plugin, "medialens_settings", None)
    return {s.key: s.default for s in (hook() if hook is not None else [])}


@pytest.fixture
def make_ctx(tmp_path):
    """``make_ctx(path="clip.mp4", kind="video", duration=10.0, metadata=None, frames=(),
    samples={rate: array}, results={name: ExtractionResult}, settings={key: value},
    cancelled=False)``: an :class:`ArrayContext` whose ``cache_dir`` is ``tmp_path``."""

    def make(
        path: str | Path = "clip.mp4",
        kind: str = "video",
        duration: float = 10.0,
        metadata: Mapping[str, object] | None = None,
        **kwargs,
    ) -> ArrayContext:
        file = MediaFile(
            content_id="test",
            path=Path(path),
            kind=kind,  # type: ignore[arg-type]
            duration=duration,
            size=1,
            metadata=dict(metadata or {}),
        )
        return ArrayContext(file=file, cache_dir=tmp_path, **kwargs)

    return make


def open_file_context(
    path: Path,
    cache_dir: Path,
    results: dict[str, ExtractionResult] | None = None,
    settings: Mapping[str, object] | None = None,
):
    """The app's real decoding context over a file (as the pipeline builds it), with
    ``settings`` as ``ctx.settings``: for a plugin's tests and benchmarks."""
    from medialens.core.decoding import FileContext
    from medialens.core.extractor_context import ExtractorContext

    ctx = FileContext.for_path(Path(path), cache_dir, results)
    return ctx if settings is None else ExtractorContext(ctx, settings=dict(settings))


def ffmpeg_mono(path: Path, sample_rate: int) -> np.ndarray:
    """Mono float32 samples of ``path``'s first audio stream at ``sample_rate``, mixed down
    and resampled by FFmpeg's own resampler one frame at a time, clipped to [-1, 1]: the
    decode as it was before ``ctx.audio`` mixed stereo down itself and joined frames into
    batches. Tests measure how far descriptors computed from ``ctx.audio`` drift from
    the same descriptors computed from this."""
    import av

    resampler = av.AudioResampler(format="flt", layout="mono", rate=sample_rate)
    chunks: list[np.ndarray] = []
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        stream.codec_context.thread_type = "AUTO"
        for packet in container.demux(stream):
            for frame in packet.decode():
                chunks.extend(o.to_ndarray().reshape(-1) for o in resampler.resample(frame))
        chunks.extend(o.to_ndarray().reshape(-1) for o in resampler.resample(None))
    if not chunks:
        return np.zeros(0, np.float32)
    return np.clip(np.concatenate(chunks), -1.0, 1.0).astype(np.float32)


def resample(samples: np.ndarray, source_rate: int, target_rate: int) -> np.ndarray:
    """``samples`` resampled as the app resamples its shared decode for an extractor that
    asks for another rate, so a plugin's tests can follow the app's path from FFmpeg's."""
    from medialens.core.decoding import _resample

    return _resample(samples, source_rate, target_rate)


@pytest.fixture
def file_context(tmp_path):
    """``file_context(path, results=None, settings=None)``: the app's real decoding context
    over a file, with ``settings`` as ``ctx.settings`` (a plugin's own, in the app)."""

    def make(
        path: Path,
        results: dict[str, ExtractionResult] | None = None,
        settings: Mapping[str, object] | None = None,
    ):
        return open_file_context(path, tmp_path / "cache", results, settings)

    return make


def real_media(repo: Path, *needs: str) -> Path:
    """The real recordings (``$MEDIALENS_MEDIA``, else ``<repo>/.media``) for a plugin's
    ``media_dir`` fixture; skips the test when they, or a subfolder it ``needs``, are absent."""
    import os

    root = Path(os.environ.get("MEDIALENS_MEDIA", Path(repo) / ".media"))
    if not root.is_dir() or not all((root / sub).is_dir() for sub in needs):
        pytest.skip(f"no real media at {root} (set MEDIALENS_MEDIA)")
    return root


def import_mediagen(repo: Path):
    """The repository's generators of small media files (``<repo>/tests/mediagen.py``), for
    a plugin's ``mediagen`` fixture; skips the test outside a checkout of the repository."""
    import sys

    tests = str(Path(repo) / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    return pytest.importorskip("mediagen")
