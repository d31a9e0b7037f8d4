"""``MEDIALENS_TRACE_PLUGINS=1``: one line on stderr per call into plugin code, with its
duration, so a plugin author sees what the app calls, when, and what it costs.

Like datasette's ``DATASETTE_TRACE_PLUGINS``: hooks called through pluggy are traced by
its ``add_hookcall_monitoring``; the host's per-plugin hook calls (each plugin's hook
called alone, guarded) and every ``extract()`` go through :meth:`PluginTracer.call`.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import pluggy

ENV = "MEDIALENS_TRACE_PLUGINS"
T = TypeVar("T")


class PluginTracer:
    """Writes a trace line per plugin call when enabled; costs one branch when not."""

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled
        self._starts = threading.local()  # a stack per thread: hooks may nest

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> PluginTracer:
        value = (os.environ if environ is None else environ).get(ENV, "")
        return cls(value.strip().lower() not in ("", "0", "false", "no", "off"))

    def install(self, pm: pluggy.PluginManager) -> None:
        """Trace every hook called through ``pm.hook``."""
        if not self.enabled:
            return

        def before(
            hook_name: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]
        ) -> None:
            stack = getattr(self._starts, "stack", None)
            if stack is None:
                stack = self._starts.stack = []
            stack.append(time.perf_counter())

        def after(
            outcome: pluggy.Result[Any],
            hook_name: str,
            impls: Sequence[pluggy.HookImpl],
            kwargs: Mapping[str, Any],
        ) -> None:
            started = self._starts.stack.pop()
            plugins = ",".join(i.plugin_name for i in impls) or "-"
            failed = " failed" if outcome.exception is not None else ""
            self.write(f"hook {hook_name}({_args(kwargs)}) plugins={plugins}{failed}", started)

        pm.add_hookcall_monitoring(before, after)

    def call(self, what: str, plugin: str, func: Callable[..., T], *args: Any) -> T:
        """``func(*args)``, traced as ``what`` of ``plugin`` (a hook or an extractor)."""
        if not self.enabled:
            return func(*args)
        started = time.perf_counter()
        try:
            result = func(*args)
        except BaseException as exc:
            self.write(f"{what} plugin={plugin} failed: {type(exc).__name__}", started)
            raise
        self.write(f"{what} plugin={plugin}", started)
        return result

    def write(self, text: str, started: float) -> None:
        ms = (time.perf_counter() - started) * 1000.0
        thread = threading.current_thread().name
        # One write per line, so lines from worker threads never interleave mid-line.
        sys.stderr.write(f"medialens trace: {text} {ms:.2f} ms [{thread}]\n")
        sys.stderr.flush()


def _args(kwargs: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}"[:60] for k, v in kwargs.items())
