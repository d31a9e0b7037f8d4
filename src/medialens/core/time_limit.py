"""One call of in-process plugin code under a time limit, on a thread of its own.

Python cannot stop a thread: a call past its limit is left to finish in the background
and its result is dropped, so the caller must make sure that code is not called again
(the plugin host unregisters a plugin that hung when loaded; extractors of plugins that
can run in a worker process are stopped there instead, see :mod:`medialens.core.isolation`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

__all__ = ["CallTimedOut", "call_within"]

T = TypeVar("T")


class CallTimedOut(Exception):
    """The call did not return within its limit (it may still be running)."""


def call_within(call: Callable[[], T], seconds: float, thread_name: str) -> T:
    """``call()``'s value, or what it raised; :class:`CallTimedOut` after ``seconds``."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - plugin code may raise anything
            box["error"] = exc

    thread = threading.Thread(target=target, name=thread_name, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise CallTimedOut(f"no answer within {seconds:g} s")
    if "error" in box:
        raise box["error"]
    return cast(T, box["value"])
