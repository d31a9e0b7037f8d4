"""The play queue: what plays now, what played before and what comes next.

A QObject with change signals and no widgets, so the player, the Up next panel and
whatever else shows it stay in step, and it can be tested alone. The queue holds file ids;
one of them is current. Shuffle reorders only what comes next (and turning it off brings
the order back); repeat is off, the whole queue, or the current item.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QObject, Signal

REPEAT_MODES = ("off", "all", "one")


class PlayQueue(QObject):
    changed = Signal()  # items, order or current moved
    modesChanged = Signal()  # shuffle or repeat

    def __init__(self, parent: QObject | None = None, *, seed: int | None = None) -> None:
        super().__init__(parent)
        self.items: list[int] = []
        self.index = -1
        self.shuffle = False
        self.repeat = "off"
        self._unshuffled: list[int] | None = None
        self._random = random.Random(seed)

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.items)

    def current(self) -> int | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def upcoming(self) -> list[int]:
        return self.items[self.index + 1 :]

    def remaining(self) -> int:
        return len(self.items) - self.index - 1 if self.items else 0

    def peek(self, step: int = 1) -> int | None:
        """The item ``step`` away from the current one as :meth:`step` would go, or None."""
        j = self._target(step)
        return None if j is None else self.items[j]

    # -- changing --------------------------------------------------------------------------

    def set(self, items: list[int], current: int | None = None) -> None:
        """Replace the queue; ``current`` (an item of it) plays now, else the first."""
        self.items = list(dict.fromkeys(items))
        self.index = self.items.index(current) if current in self.items else (0 if items else -1)
        self._unshuffled = None
        if self.shuffle:
            self._shuffle_upcoming()
        self.changed.emit()

    def select(self, index: int) -> int | None:
        """Make the item at ``index`` current (play-this) and return it."""
        if not 0 <= index < len(self.items):
            return None
        self.index = index
        self.changed.emit()
        return self.items[index]

    def step(self, step: int) -> int | None:
        """Move to the next (1) or previous (-1) item, as repeat allows; None at either end."""
        j = self._target(step)
        if j is None:
            return None
        self.index = j
        self.changed.emit()
        return self.items[j]

    def _target(self, step: int) -> int | None:
        if not self.items:
            return None
        j = self.index + step
        if 0 <= j < len(self.items):
            return j
        if self.repeat == "all":
            return j % len(self.items)
        return None

    def append(self, items: list[int]) -> list[int]:
        """Add to the end what is not queued yet; returns what was added."""
        new = [i for i in dict.fromkeys(items) if i not in self.items]
        if new:
            self.items.extend(new)
            if self._unshuffled is not None:
                self._unshuffled.extend(new)
            if self.index < 0:
                self.index = 0
            self.changed.emit()
        return new

    def play_next(self, items: list[int]) -> None:
        """Put these right after the current item (moving them if already queued)."""
        items = [i for i in dict.fromkeys(items) if i != self.current()]
        if not items:
            return
        current = self.current()
        rest = [i for i in self.items if i not in items]
        at = rest.index(current) + 1 if current in rest else 0
        self.items = rest[:at] + items + rest[at:]
        self.index = self.items.index(current) if current is not None else 0
        self._unshuffled = None
        self.changed.emit()

    def move(self, source: int, dest: int) -> None:
        """Move the item at ``source`` to position ``dest`` (positions before the move)."""
        n = len(self.items)
        if not (0 <= source < n and 0 <= dest < n) or source == dest:
            return
        current = self.current()
        item = self.items.pop(source)
        self.items.insert(dest, item)
        self.index = self.items.index(current) if current is not None else -1
        self._unshuffled = None
        self.changed.emit()

    def reorder(self, items: list[int]) -> None:
        """Take a new order of the same items (a drag and drop in a view)."""
        if sorted(items) != sorted(self.items) or items == self.items:
            return
        current = self.current()
        self.items = list(items)
        self.index = self.items.index(current) if current is not None else -1
        self._unshuffled = None
        self.changed.emit()

    def remove(self, index: int) -> None:
        """Take the item at ``index`` out; removing the current one leaves the next current."""
        if not 0 <= index < len(self.items):
            return
        item = self.items.pop(index)
        if self._unshuffled is not None and item in self._unshuffled:
            self._unshuffled.remove(item)
        if index < self.index or self.index >= len(self.items):
            self.index -= 1
        self.changed.emit()

    def clear_upcoming(self) -> None:
        """Clear Up next: what played and what plays now stay."""
        if self.remaining():
            del self.items[self.index + 1 :]
            self._unshuffled = None
            self.changed.emit()

    def clear(self) -> None:
        self.items, self.index, self._unshuffled = [], -1, None
        self.changed.emit()

    # -- modes -----------------------------------------------------------------------------

    def set_shuffle(self, on: bool) -> None:
        if on == self.shuffle:
            return
        self.shuffle = on
        if on:
            self._shuffle_upcoming()
        elif self._unshuffled is not None:
            current = self.current()
            played = self.items[: self.index + 1]
            rest = [i for i in self._unshuffled if i not in played]
            self.items = played + rest
            self.index = self.items.index(current) if current is not None else -1
            self._unshuffled = None
        self.changed.emit()
        self.modesChanged.emit()

    def _shuffle_upcoming(self) -> None:
        self._unshuffled = list(self.items)
        rest = self.items[self.index + 1 :]
        self._random.shuffle(rest)
        self.items = self.items[: self.index + 1] + rest

    def set_repeat(self, mode: str) -> None:
        if mode not in REPEAT_MODES:
            raise ValueError(f"repeat is one of {REPEAT_MODES}, not {mode!r}")
        if mode != self.repeat:
            self.repeat = mode
            self.modesChanged.emit()

    def cycle_repeat(self) -> str:
        self.set_repeat(REPEAT_MODES[(REPEAT_MODES.index(self.repeat) + 1) % len(REPEAT_MODES)])
        return self.repeat


__all__ = ["PlayQueue", "REPEAT_MODES"]
