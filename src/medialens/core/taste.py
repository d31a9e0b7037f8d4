"""The person's taste: the :class:`~medialens.recommend.InterestModel` state, kept in step
with the history.

The events are the truth; the model is a cache of them. Its state is saved in
``model_state`` with the id of the last event it has seen, and whoever loads it replays
the events after that id. So an update costs one ``observe`` (well under a millisecond),
the state is written at most every few seconds (serialising it costs 10-70 ms), a crash or
another process (the CLI beside the GUI) loses nothing, and when the vectors change shape
(a new extractor, a plugin disabled) the model is rebuilt from the events.

The model needs the item vectors, so it is loaded only when asked for (a ranking, a
flush); recording an event only brings an already loaded model up to date.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from medialens.core.derived_cache import in_row_chunks, release
from medialens.core.events import EventLog
from medialens.core.index import ItemVectors
from medialens.recommend import FORMAT_VERSION, Candidates, InterestModel
from medialens.store import Store
from medialens.store.events import META_NAME, MODEL_NAME

#: Write the model state at most this often (seconds) from one process, or after this many
#: unsaved signals; the events after the saved state are replayed on load.
SAVE_EVERY_S = 10.0
SAVE_EVERY_SIGNALS = 25
#: Refit the model's projection (rebuild from events) once the library has doubled.
REFIT_GROWTH = 2.0
MIN_FIT_ROWS = 16


@dataclass
class ModelState:
    """This process's model and what it has seen and saved."""

    model: InterestModel | None = None
    layout: tuple = ()
    fitted_on: int = 0
    watermark: int = 0  # last event id the model has seen
    token: str | None = None  # of the saved state this model started from or wrote
    saved_watermark: int = 0
    last_save: float = float("-inf")
    unsaved: int = 0
    #: (vectors, model) the candidates were projected for, and the projection
    candidates: tuple[tuple[int, int], Candidates] | None = None


def _layout(items: ItemVectors) -> tuple:
    return tuple((name, int(dim)) for name, dim in items.layout)


def _new_model(items: ItemVectors) -> InterestModel:
    model = InterestModel(items.dim)
    if len(items) >= MIN_FIT_ROWS:
        model.fit_projection(items.vectors)
        release(items.vectors)  # the sampled rows need not stay in this process
    return model


#: Rows projected at a time: the model's own block, so the result is the very same.
PREPARE_ROWS = 16384


def prepared(model: InterestModel, items: ItemVectors) -> Candidates:
    """The model's projection of every item vector (what scoring reads).

    Kept on disk beside the item vectors, under their key and the projection's: a restart
    maps it instead of projecting 10^5 vectors again. Built a block of rows at a time, so
    neither the item vectors nor the result stay whole in memory while it is made.
    """
    m, d = len(items), model.d
    specs = {"unit": ("<f4", (m, d)), "norm": ("<f4", (m,))}

    def fill(out: dict[str, np.ndarray]) -> None:
        def rows(start: int, stop: int) -> None:
            part = model.prepare(items.vectors[start:stop])
            out["unit"][start:stop] = part.unit
            out["norm"][start:stop] = part.norm
            release(items.vectors, start, stop)
            release(out["unit"], start, stop)

        in_row_chunks(m, PREPARE_ROWS, rows)

    if items.cache is None or items.key is None:
        arrays = {c: np.zeros(shape, np.dtype(dtype)) for c, (dtype, shape) in specs.items()}
        fill(arrays)
    else:
        key = {"items": items.key, "projection": model.projection_key()}
        arrays = items.cache.build("projected", key, specs, fill)
    return Candidates(arrays["unit"], arrays["norm"], model.projection_id)


class TasteModel:
    """The interest model of one library, synced with its :class:`EventLog`."""

    def __init__(self, store: Store, events: EventLog, items: Callable[[], ItemVectors]) -> None:
        self.store = store
        self.events = events
        self._items = items
        self._lock = threading.RLock()
        self._state: ModelState | None = None
        self.update_seconds: list[float] = []  # model work of recent per-event updates
        self._scored: tuple[tuple, np.ndarray] | None = None
        events.on_signal.append(self._on_signal)
        events.on_forget.append(self._on_forget)

    def _on_signal(self) -> None:
        """A new signal: learn it now if the model is in memory, else when next asked."""
        if self._state is not None:
            self.sync()

    def _on_forget(self) -> None:
        with self._lock:
            self._state = None

    def save_for_export(self) -> None:
        """Save the state as of the last event (an export then carries it), if any."""
        if self.store.events.model_meta(META_NAME) is not None or self.store.events.any():
            self.sync(save=True)  # export the state as of the last event

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory (then recording an event updates it at once)."""
        return self._state is not None

    def sync(self, *, save: bool | None = None) -> ModelState:
        """Bring the model up to date with the events and vectors; maybe save it.

        ``save=None`` saves when due (see ``SAVE_EVERY_S``), True always, False never.
        """
        items = self._items()
        with self._lock:
            started = time.perf_counter()
            state = self._state
            meta = self.store.events.model_meta(META_NAME)
            top = self.events.top_id()
            token = meta["token"] if meta else None
            if state is None or token != state.token or top < state.watermark:
                state = self._state = self._load(meta, items)
            layout = _layout(items)
            if state.model is not None and (
                state.layout != layout
                or (
                    len(items) >= MIN_FIT_ROWS
                    and len(items) >= REFIT_GROWTH * max(state.fitted_on, 1)
                )
            ):
                state.model, state.watermark = None, 0  # rebuild from the events
            news = self.events.signals_after(state.watermark)
            rows, values, times = [], [], []
            for s in news:
                i = items.row.get(s.content_id)
                if i is not None and items.present[i].any():
                    rows.append(i)
                    values.append(s.signal)
                    times.append(s.at)
            if rows:
                if state.model is None:
                    state.model = _new_model(items)
                    state.layout, state.fitted_on = layout, len(items)
                state.model.observe(items.vectors[rows], np.asarray(values), np.asarray(times))
                state.unsaved += len(rows)
            if news:
                state.watermark = max(state.watermark, news[-1].event_id)
            if news and len(news) <= 4:
                self.update_seconds.append(time.perf_counter() - started)
                del self.update_seconds[:-1000]
            due = state.watermark > state.saved_watermark and (
                time.monotonic() - state.last_save >= SAVE_EVERY_S
                or state.unsaved >= SAVE_EVERY_SIGNALS
            )
            if state.model is not None and (save or (save is None and due)):
                self._save(state)
            return state

    def _load(self, meta: dict | None, items: ItemVectors) -> ModelState:
        state = ModelState(token=meta["token"] if meta else None)
        if meta is None or tuple(map(tuple, meta["layout"])) != _layout(items):
            return state
        saved = self.store.events.model_state(MODEL_NAME)
        if saved is None:
            return state
        try:
            state.model = InterestModel.from_bytes(saved[0])
        except (ValueError, KeyError, OSError):
            return state  # unreadable or newer state: rebuild from the events
        state.layout = _layout(items)
        state.fitted_on = int(meta["fitted_on"])
        state.watermark = state.saved_watermark = int(meta["watermark"])
        return state

    def _save(self, state: ModelState) -> None:
        assert state.model is not None
        token = uuid.uuid4().hex
        meta = {
            "token": token,
            "watermark": state.watermark,
            "layout": [list(x) for x in state.layout],
            "fitted_on": state.fitted_on,
            "format": FORMAT_VERSION,
        }
        self.store.events.save_model(
            MODEL_NAME, state.model.to_bytes(), META_NAME, meta, time.time()
        )
        state.token, state.saved_watermark = token, state.watermark
        state.last_save, state.unsaved = time.monotonic(), 0

    def model(self) -> InterestModel | None:
        """The person's model, up to date with every event; None before any usable signal."""
        return self.sync().model

    def scores(self, items: ItemVectors, now: float) -> np.ndarray | None:
        """The model's score of every item vector row (candidates projected once per
        vectors and model); None before any usable signal."""
        with self._lock:
            state = self.sync()
            model: Any = state.model
            if model is None:
                return None
            key = (id(items), id(model))
            if state.candidates is None or state.candidates[0] != key:
                state.candidates = (key, prepared(model, items))
            asked = (key, model._version, float(now))
            if self._scored is not None and self._scored[0] == asked:
                return self._scored[1]  # the same question again (two shelves, one now)
            try:
                scores = model.score(state.candidates[1], now)
            except ValueError:  # prepared under an older projection
                state.candidates = (key, prepared(model, items))
                scores = model.score(state.candidates[1], now)
            out = np.asarray(scores, np.float64)
            self._scored = (asked, out)
            return out

    def candidates(self, items: ItemVectors) -> Candidates | None:
        """The item vectors as the model last projected them (None before a score)."""
        with self._lock:
            state = self._state
            if state is None or state.candidates is None or state.model is None:
                return None
            if state.candidates[0] != (id(items), id(state.model)):
                return None
            return state.candidates[1]

    def flush(self) -> None:
        """Write the model state now (e.g. when the app closes)."""
        self.sync(save=True)
