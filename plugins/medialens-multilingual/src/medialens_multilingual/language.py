"""The language of a title with langid.py (97 languages, naive Bayes over byte n-grams).

langid ships its model as a bz2-compressed pickle inside its source; decompressing it
costs ~8 s of CPU. The arrays are therefore saved once, uncompressed, in the app's cache
folder (``langid-<version>.npz``) and read back in ~0.1 s by every later process.
"""

from __future__ import annotations

import array
import contextlib
import os
import threading
from pathlib import Path

import numpy as np

# Below this probability (langid's, renormalised over its 97 languages) a text says too
# little to name its language: short Latin-script names ("bikes", "Big Buck Bunny")
# score 0.2-0.5 for some language, Chinese titles of two characters or more 0.99+.
MIN_CONFIDENCE = 0.9
MAX_CHARS = 500

# array.array type codes of the numpy dtypes langid's state table may come in
_TYPECODES = {"u2": "H", "i4": "i", "i8": "q", "u4": "I"}

_lock = threading.Lock()
_saved: set[Path] = set()  # cache files written by this process
_identifier = None


def _version() -> str:
    from importlib.metadata import version

    return version("langid")


def _from_cache(path: Path):
    from langid.langid import LanguageIdentifier

    with np.load(path, allow_pickle=False) as z:
        moves = z["tk_nextmove"]
        nextmove = array.array(_TYPECODES[moves.dtype.str[1:]])
        nextmove.frombytes(moves.tobytes())
        keys, offsets, values = z["out_keys"], z["out_offsets"], z["out_values"].tolist()
        output = {int(k): tuple(values[offsets[i] : offsets[i + 1]]) for i, k in enumerate(keys)}
        ptc, pc = z["nb_ptc"], z["nb_pc"]
        classes = [str(c) for c in z["nb_classes"]]
    return LanguageIdentifier(ptc, pc, ptc.shape[0], classes, nextmove, output, norm_probs=True)


def _save(path: Path, ident) -> None:
    keys = sorted(ident.tk_output)
    lengths = [len(ident.tk_output[k]) for k in keys]
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    values = [v for k in keys for v in ident.tk_output[k]]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp.npz")
    np.savez(
        tmp,
        nb_ptc=np.asarray(ident.nb_ptc),
        nb_pc=np.asarray(ident.nb_pc),
        nb_classes=np.array(ident.nb_classes),
        tk_nextmove=np.asarray(ident.tk_nextmove),  # uint16 in langid 1.1.6
        out_keys=np.array(keys, np.int64),
        out_offsets=offsets,
        out_values=np.array(values, np.int64),
    )
    os.replace(tmp, path)  # atomic: a concurrent reader sees all of it or nothing


def _load(cache_dir: Path | None):
    global _identifier
    with _lock:
        path = cache_dir / f"langid-{_version()}.npz" if cache_dir is not None else None
        if _identifier is not None:
            if path is not None and path not in _saved and not path.is_file():
                # loaded for another library's cache: this one's next process loads fast too
                _saved.add(path)
                with contextlib.suppress(OSError):
                    _save(path, _identifier)
            return _identifier
        ident = None
        if path is not None and path.is_file():
            try:
                ident = _from_cache(path)
            except (OSError, KeyError, ValueError):
                ident = None  # damaged or from another layout: rebuild it
        if ident is None:
            from langid.langid import LanguageIdentifier, model

            ident = LanguageIdentifier.from_modelstring(model, norm_probs=True)
            if path is not None:
                # a read-only cache costs the next process the slow load, no more
                with contextlib.suppress(OSError):
                    _save(path, ident)
        _identifier = ident
        return ident


def identify(text: str, cache_dir: Path | None = None) -> tuple[str | None, float]:
    """``(code, probability)`` of ``text``'s language ("zh", "en"...); the code is None
    when the text is empty or langid is less sure than ``MIN_CONFIDENCE``."""
    text = (text or "").strip()[:MAX_CHARS]
    if not text:
        return None, 0.0
    ident = _load(cache_dir)
    code, prob = ident.classify(text)
    prob = float(prob)
    return (str(code) if prob >= MIN_CONFIDENCE else None), prob
