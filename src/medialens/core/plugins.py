"""Finds, loads and isolates plugins; knows each one's status.

One :class:`PluginHost` per running app (never a module-global manager). The
built-in extractors are registered first, exactly as third-party plugins are;
then each entry point of the ``medialens`` group is loaded on its own inside
try/except, so one broken plugin never stops start-up (pluggy's own loader
stops at the first failure). Every call into plugin code is guarded here or in
the pipeline, and what went wrong is kept as the plugin's status.

Loading a plugin and asking for its extractors run under a time limit
(``load_timeout``): a plugin that hangs there is reported, unregistered, and remembered,
so the next commands (``plugins list``, ``plugins disable``) do not load it at all until
the user enables it again.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, TypeVar, cast

import pluggy

from medialens import __version__, hookspecs
from medialens.api import (
    API_VERSION,
    FILE_CATEGORIES,
    PROJECT,
    ExtractionContext,
    ExtractionResult,
    Extractor,
    Setting,
    TextEmbedder,
    VectorOutput,
    api_compatible,
    extractor_categories,
)
from medialens.core.extractor_context import ExtractorContext
from medialens.core.plugin_about import About, builtin_about, package_about
from medialens.core.plugin_settings import PluginSettings, check_declaration
from medialens.core.plugin_trace import PluginTracer
from medialens.core.time_limit import CallTimedOut, call_within
from medialens.store import Store

log = logging.getLogger(__name__)

ACTIVE, DISABLED, INCOMPATIBLE, MALFUNCTIONED = (
    "active",
    "disabled",
    "incompatible",
    "malfunctioned",
)
EMBEDDER_SETTING = "text_embedder"
"""The setting naming the plugin whose text embedder embeds search queries."""
_REQUIRED = ("name", "version", "kinds", "requires", "outputs", "timeout", "extract")
# The plugin packages shipped with the app (plugins/ in the source tree): installed from
# their own distributions, but not third-party.
# With no choice made, the bundled MiniLM embedder (plugin "semantic") answers queries: on
# benchmarks/bench_understanding.py it meets the English targets and returns nothing for
# nonsense, where multilingual-e5 (plugin "multilingual", better on Chinese queries: MRR 0.60
# against 0.40) lets a nonsense query through. Without this, the default was whichever
# plugin registered last. The user picks e5 on the Plugins page or with `plugins embedder`.
PREFERRED_EMBEDDERS = ("semantic",)
LOAD_TIMEOUT = 15.0
"""Seconds a plugin may take to import, or to answer ``medialens_extractors()`` or
``medialens_settings()`` (the bundled ones take well under one)."""
HANG = "hang"  # the fault of a plugin that did not answer in time when loaded

T = TypeVar("T")


class PluginHang(Exception):
    """Plugin code did not answer within the load time limit."""


def _limited(call: Callable[[], T], seconds: float, what: str) -> T:
    """``call()`` under the load time limit (the plugin is not called again after one)."""
    try:
        return call_within(call, seconds, "medialens-plugin-load")
    except CallTimedOut:
        raise PluginHang(f"{what} did not answer within {seconds:g} s") from None


BUNDLED_DISTRIBUTIONS = frozenset(
    {
        "medialens-vision",
        "medialens-music",
        "medialens-text",
        "medialens-sounds",
        "medialens-speech",
        "medialens-ocr",
        "medialens-people",
        "medialens-multilingual",
    }
)


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class PluginRecord:
    name: str
    version: str
    api: str
    status: str
    error: str | None = None
    builtin: bool = False
    module: object | None = None
    extractors: list[Extractor] = field(default_factory=list)
    distribution: str | None = None  # the package it was installed from (entry points)
    about: About = field(default_factory=About)  # description, homepage, licence
    settings: list[Setting] = field(default_factory=list)  # what medialens_settings() declared
    malfunctions: dict[str, str] = field(default_factory=dict)
    """Extractors of this plugin marked malfunctioned, and why (the others still run)."""
    fault: str | None = None
    """Why it cannot run whatever the user chooses, as a key: "incompatible", "load" (failed
    to load, register or list its extractors), "hang" (it did not answer in time when loaded)
    or "cycle" (a ``requires`` cycle)."""
    embedder: str | None = None  # the name of its text embedder, when it offers one
    embedder_used: bool = False  # the one that embeds search queries

    @property
    def broken(self) -> bool:
        return self.fault is not None

    @property
    def bundled(self) -> bool:
        """Shipped with the app: a built-in, or one of the bundled plugin packages."""
        return self.builtin or (
            self.distribution is not None
            and _normalized(self.distribution) in BUNDLED_DISTRIBUTIONS
        )

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "version": self.version,
            "api": self.api,
            "status": self.status,
            "error": self.error,
            "fault": self.fault,
            "builtin": self.builtin,
            "bundled": self.bundled,
            "distribution": self.distribution,
            "description": self.about.description,
            "homepage": self.about.homepage,
            "license": self.about.license,
            "settings": [s.key for s in self.settings],
            "extractors": [
                {
                    "name": e.name,
                    "version": e.version,
                    "kinds": sorted(e.kinds),
                    "categories": sorted(extractor_categories(e)) or None,
                    "requires": list(e.requires),
                    "outputs": [_describe_output(o) for o in e.outputs],
                    "malfunction": self.malfunctions.get(e.name),
                }
                for e in self.extractors
            ],
            "text_embedder": None
            if self.embedder is None
            else {"name": self.embedder, "used": self.embedder_used},
        }


def _describe_output(output: object) -> str:
    kind = type(output).__name__.removesuffix("Output").lower()
    if isinstance(output, VectorOutput):
        return f"vector {output.name} ({output.dim}-d, {output.modality})"
    return kind


def _check_extractor(obj: object) -> Extractor:
    missing = [attr for attr in _REQUIRED if not hasattr(obj, attr)]
    if missing:
        raise TypeError(f"extractor {obj!r} lacks {', '.join(missing)}")
    extractor = cast(Extractor, obj)  # it has every attribute the protocol names
    if not callable(extractor.extract):
        raise TypeError(f"extractor {extractor.name!r}: extract is not callable")
    unknown = sorted(extractor_categories(extractor) - set(FILE_CATEGORIES))
    if unknown:
        raise TypeError(
            f"extractor {extractor.name!r}: unknown categories {', '.join(unknown)} "
            f"(known: {', '.join(FILE_CATEGORIES)})"
        )
    return extractor


class PluginHost:
    """The app's plugins: discovery, statuses, enable/disable, and their extractors."""

    def __init__(
        self,
        store: Store,
        *,
        entry_points: bool = True,
        builtins: bool = True,
        extra: list[tuple[str, object]] | None = None,
        skip: Iterable[str] = (),
        load_timeout: float = LOAD_TIMEOUT,
    ) -> None:
        self.store = store
        self.load_timeout = load_timeout
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.records: dict[str, PluginRecord] = {}
        self._lock = threading.Lock()
        self._state_lock = threading.RLock()  # statuses and malfunction marks
        self._embedder: TextEmbedder | None = None
        self._embedder_plugin: str | None = None
        self._embedder_loaded = False
        self._multilingual: TextEmbedder | None = None
        self.tracer = PluginTracer.from_env()  # MEDIALENS_TRACE_PLUGINS=1
        self.tracer.install(self.pm)
        self.settings = PluginSettings(store)
        self._cycles: dict[str, str] = {}  # plugin -> the requires cycle it is on

        if builtins:
            from medialens.builtins import DEFAULT_PLUGINS

            for module in DEFAULT_PLUGINS:
                self._add(module.__name__.rsplit(".", 1)[-1], module, __version__, builtin=True)
                self.records[module.__name__.rsplit(".", 1)[-1]].about = builtin_about(module)
        if entry_points:
            hung = {**store.plugin_state.load_hangs(), **{n: "" for n in skip}}
            for ep in metadata.entry_points(group=PROJECT):
                version = ep.dist.version if ep.dist is not None else "?"
                name = ep.name
                if name in self.records:
                    name = f"{ep.dist.name if ep.dist else ep.module}:{ep.name}"
                if name in hung:
                    self.records[name] = PluginRecord(
                        name, version, "?", MALFUNCTIONED, fault=HANG,
                        error=(hung[name] or "it hung when loaded")
                        + "; not loaded again until you enable it",
                    )  # fmt: skip
                    self.records[name].distribution = ep.dist.name if ep.dist else None
                    continue
                try:
                    plugin = _limited(ep.load, self.load_timeout, f"importing plugin {name!r}")
                except PluginHang as exc:
                    self._hung(PluginRecord(name, version, "?", MALFUNCTIONED), str(exc))
                    self.records[name].distribution = ep.dist.name if ep.dist else None
                    continue
                except Exception as exc:  # a broken plugin must not stop start-up
                    log.warning("plugin %s failed to load: %s", name, exc)
                    self.records[name] = PluginRecord(
                        name, version, "?", MALFUNCTIONED, f"failed to load: {exc!r}", fault="load"
                    )
                    self.records[name].distribution = ep.dist.name if ep.dist else None
                    self.records[name].about = package_about(ep.dist)
                    continue
                self._add(name, plugin, version)
                self.records[name].distribution = ep.dist.name if ep.dist else None
                self.records[name].about = package_about(ep.dist)
        for name, plugin in extra or []:
            self._add(name, plugin, getattr(plugin, "__version__", "0"))
        self._bind_description()
        self._check_requires()
        self.reload_state()

    def _add(self, name: str, plugin: object, version: str, builtin: bool = False) -> None:
        declared = str(getattr(plugin, "MEDIALENS_API", API_VERSION))
        record = PluginRecord(name, version, declared, ACTIVE, builtin=builtin, module=plugin)
        self.records[name] = record
        if not api_compatible(declared):
            record.status, record.fault = INCOMPATIBLE, "incompatible"
            record.error = f"written for plugin API {declared}; this Medialens offers {API_VERSION}"
            return
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:
            record.status, record.error = MALFUNCTIONED, f"failed to register: {exc!r}"
            record.fault = "load"
            return
        record.extractors = self._collect(record)
        if record.fault != HANG:
            self._collect_settings(record)

    def _hung(self, record: PluginRecord, error: str) -> None:
        """``record``'s plugin did not answer in time: stop calling it, and remember that
        (a read-only worker's host only reports it)."""
        log.warning("plugin %s: %s", record.name, error)
        record.status, record.error, record.fault = MALFUNCTIONED, error, HANG
        record.extractors, record.settings = [], []
        self.records[record.name] = record
        if record.module is not None and self.pm.is_registered(record.module):
            self.pm.unregister(record.module)
        if not self.store.readonly:
            self.store.plugin_state.mark_load_hang(record.name, error)

    def not_loaded(self) -> frozenset[str]:
        """Plugins that hung when loaded (a worker process must not load them either)."""
        return frozenset(n for n, r in self.records.items() if r.fault == HANG)

    def _collect_settings(self, record: PluginRecord) -> None:
        """Call this plugin's ``medialens_settings`` alone, guarded; a bad one malfunctions."""
        for impl in self.pm.hook.medialens_settings.get_hookimpls():
            if impl.plugin_name != record.name:
                continue
            try:
                found: Any = _limited(
                    lambda f=impl.function: self.tracer.call(  # type: ignore[misc]
                        "hook medialens_settings()", record.name, f
                    ),
                    self.load_timeout,
                    "medialens_settings()",
                )
                record.settings = [check_declaration(s) for s in found or []]
            except PluginHang as exc:
                self._hung(record, str(exc))
                return
            except Exception as exc:
                record.status, record.error = MALFUNCTIONED, f"medialens_settings() failed: {exc}"
                record.fault = "load"
                record.settings = []
        self.settings.declare(record.name, record.settings)

    def run_extractor(self, extractor: Extractor, ctx: ExtractionContext) -> ExtractionResult:
        """``extractor.extract`` on its own view of the file's context (declared requires,
        its plugin's settings), traced."""
        record = self.owner_of(extractor.name)
        plugin = record.name if record is not None else "?"
        bound = ExtractorContext(
            ctx,
            extractor=extractor.name,
            requires=extractor.requires,
            settings=self.settings.values(plugin),
        )
        return self.tracer.call(f"extract {extractor.name}", plugin, extractor.extract, bound)

    def _collect(self, record: PluginRecord) -> list[Extractor]:
        """Call this plugin's ``medialens_extractors`` alone, guarded."""
        found: list[Extractor] = []
        for impl in self.pm.hook.medialens_extractors.get_hookimpls():
            if impl.plugin_name != record.name:
                continue
            try:
                listed = _limited(
                    lambda f=impl.function: list(  # type: ignore[misc]
                        cast(
                            Iterable[object],
                            self.tracer.call("hook medialens_extractors()", record.name, f) or [],
                        )
                    ),
                    self.load_timeout,
                    "medialens_extractors()",
                )
                for obj in listed:
                    found.append(_check_extractor(obj))
            except PluginHang as exc:
                self._hung(record, str(exc))
                return []
            except Exception as exc:
                record.status, record.error = (
                    MALFUNCTIONED,
                    f"medialens_extractors() failed: {exc!r}",
                )
                record.fault = "load"
                return []
        return found

    def _bind_description(self) -> None:
        """The built-in description reads every extractor whose tags or text mean something
        (see :mod:`medialens.builtins.description`): tell it which are installed."""
        from medialens.builtins.description import Description

        extractors = self.all_extractors()
        for extractor in extractors:
            if isinstance(extractor, Description):
                extractor.bind(extractors)

    def _check_requires(self) -> None:
        """A ``requires`` cycle is an error at load: every plugin with an extractor on one is
        marked malfunctioned with the cycle, since no order could satisfy it."""
        by_name: dict[str, Extractor] = {}
        for e in self.all_extractors():
            by_name.setdefault(e.name, e)
        for cycle in requires_cycles(list(by_name.values())):
            error = "requires cycle: " + " -> ".join([*cycle, cycle[0]])
            for name in cycle:
                record = self.owner_of(name)
                if record is not None and not record.broken:
                    record.status, record.error, record.fault = MALFUNCTIONED, error, "cycle"
                    self._cycles[record.name] = error

    def reload_state(self) -> None:
        """Apply the saved choices and malfunctions (another process may have changed them)."""
        disabled = {p.name for p in self.store.plugin_state.saved() if p.disabled}
        malfunctions = self.store.plugin_state.malfunctions()
        with self._state_lock:
            for record in self.records.values():
                record.malfunctions = {
                    e.name: malfunctions[e.name].error
                    for e in record.extractors
                    if e.name in malfunctions
                }
                self._settle(record, record.name in disabled)
        self._forget_embedder()

    @staticmethod
    def _settle(record: PluginRecord, disabled: bool) -> None:
        """The status a loaded plugin has from the saved state: disabled, malfunctioned when
        every one of its extractors is, else active. Load failures keep theirs."""
        if record.broken:
            return
        if disabled:
            record.status, record.error = DISABLED, None
        elif record.extractors and all(e.name in record.malfunctions for e in record.extractors):
            record.status = MALFUNCTIONED
            record.error = "; ".join(f"extractor {n!r} {m}" for n, m in record.malfunctions.items())
        else:
            record.status, record.error = ACTIVE, None

    # -- queries -------------------------------------------------------------------

    def extractors(self) -> list[Extractor]:
        """Extractors that run: of active plugins, not malfunctioned; names are unique
        (first registered wins)."""
        seen: dict[str, Extractor] = {}
        for record in self.records.values():
            if record.status != ACTIVE:
                continue
            for extractor in record.extractors:
                if extractor.name not in record.malfunctions:
                    seen.setdefault(extractor.name, extractor)
        return list(seen.values())

    def runs(self, extractor_name: str) -> bool:
        """Whether this extractor is called now (its plugin active, itself not malfunctioned)."""
        record = self.owner_of(extractor_name)
        return (
            record is not None
            and record.status == ACTIVE
            and extractor_name not in record.malfunctions
        )

    def builtin_extractors(self) -> frozenset[str]:
        """Names of the app's own extractors: cheap, and they decide a file's category, so a
        file's job runs them first (see :func:`~medialens.core.planning.order_for_routing`)."""
        return frozenset(e.name for r in self.records.values() if r.builtin for e in r.extractors)

    def all_extractors(self) -> list[Extractor]:
        return [e for r in self.records.values() for e in r.extractors]

    def owner_of(self, extractor_name: str) -> PluginRecord | None:
        for record in self.records.values():
            if any(e.name == extractor_name for e in record.extractors):
                return record
        return None

    def text_embedder(self) -> TextEmbedder | None:
        """The embedder of search queries: the chosen plugin's (setting ``text_embedder``)
        when it is active and offers one, else the first an active plugin returns in
        pluggy's call order (the last registered first); None when no active plugin offers
        one (keyword search only)."""
        with self._lock:
            if not self._embedder_loaded:
                self._embedder_loaded = True
                self._embedder, self._embedder_plugin = None, None
                offered = self._embedders()
                chosen = self.chosen_embedder()
                preferred = [p for p in PREFERRED_EMBEDDERS if p in offered]
                plugin = (
                    chosen
                    if chosen in offered
                    else next(iter(preferred), None) or next(iter(offered), None)
                )
                if plugin is not None:
                    self._embedder, self._embedder_plugin = offered[plugin], plugin
                self._multilingual = next(
                    (e for e in offered.values() if getattr(e, "multilingual", False) is True),
                    None,
                )
                for record in self.records.values():
                    embedder = offered.get(record.name)
                    record.embedder = None if embedder is None else str(embedder.name)
                    record.embedder_used = record.name == plugin
            return self._embedder

    def describe(self) -> list[dict]:
        """Every plugin as JSON, with which text embedder is used (``plugins list``)."""
        self.text_embedder()
        return [r.as_json() for r in self.records.values()]

    def multilingual_embedder(self) -> TextEmbedder | None:
        """An active plugin's embedder that reads any language (``multilingual = True``,
        API 1.2), for queries the embedder in use cannot read; None when none is offered."""
        self.text_embedder()
        with self._lock:
            return self._multilingual

    def text_embedder_plugin(self) -> str | None:
        """The plugin whose embedder :meth:`text_embedder` uses, or None."""
        self.text_embedder()
        return self._embedder_plugin

    def chosen_embedder(self) -> str | None:
        """The plugin the user chose for query embedding, or None (pluggy's first)."""
        chosen = self.store.setting(EMBEDDER_SETTING)
        return str(chosen) if chosen else None

    def _embedders(self) -> dict[str, TextEmbedder]:
        """Active plugins' embedders in pluggy's call order, each hook called alone, guarded."""
        found: dict[str, TextEmbedder] = {}
        for impl in reversed(self.pm.hook.medialens_text_embedder.get_hookimpls()):
            record = self.records.get(impl.plugin_name)
            if record is None or record.status != ACTIVE:
                continue
            try:
                embedder = cast(
                    TextEmbedder | None,
                    self.tracer.call(
                        "hook medialens_text_embedder()", impl.plugin_name, impl.function
                    ),
                )
            except Exception as exc:
                log.warning("text embedder of %s failed: %s", impl.plugin_name, exc)
                continue
            if embedder is not None:
                found[impl.plugin_name] = embedder
        return found

    def _forget_embedder(self) -> None:
        with self._lock:
            self._embedder_loaded, self._embedder, self._embedder_plugin = False, None, None

    # -- changes -------------------------------------------------------------------

    def _record(self, name: str) -> PluginRecord:
        try:
            return self.records[name]
        except KeyError:
            known = ", ".join(sorted(self.records)) or "none"
            raise KeyError(f"no plugin called {name!r} (installed: {known})") from None

    def set_enabled(self, name: str, enabled: bool) -> PluginRecord:
        """Enable or disable a plugin, saved. Enabling clears its extractors' malfunction
        marks and forgets their failures, so the files they failed on are tried again."""
        record = self._record(name)
        if record.status == INCOMPATIBLE:
            raise ValueError(f"plugin {name!r} cannot be enabled: {record.error}")
        if enabled and name in self._cycles:
            raise ValueError(f"plugin {name!r} cannot be enabled: {self._cycles[name]}")
        with self._state_lock:
            if enabled and record.broken and not record.extractors and record.module is not None:
                record.fault, record.status, record.error = None, ACTIVE, None
                record.extractors = self._collect(record)  # its hook failed: try it again
            self.store.plugin_state.set_enabled(name, enabled, [e.name for e in record.extractors])
            if enabled:
                record.malfunctions = {}
            self._settle(record, not enabled)
        self._forget_embedder()
        return record

    def mark_malfunctioned(self, extractor_name: str, error: str) -> None:
        """Stop calling this extractor (saved): its plugin's other extractors go on."""
        with self._state_lock:
            record = self.owner_of(extractor_name)
            if record is None or record.status != ACTIVE or extractor_name in record.malfunctions:
                return
            record.malfunctions = {**record.malfunctions, extractor_name: error}  # readers iterate
            self.store.plugin_state.mark_malfunctioned(extractor_name, record.name, error)
            self._settle(record, False)
        log.warning("extractor %s malfunctioned: %s", extractor_name, error)

    def set_text_embedder(self, plugin: str | None) -> None:
        """Choose the plugin whose embedder embeds search queries (None: pluggy's first)."""
        if plugin is not None:
            self._record(plugin)
            offering = [i.plugin_name for i in self.pm.hook.medialens_text_embedder.get_hookimpls()]
            if plugin not in offering:
                raise ValueError(
                    f"plugin {plugin!r} offers no text embedder "
                    f"(plugins that do: {', '.join(sorted(offering)) or 'none'})"
                )
        self.store.set_setting(EMBEDDER_SETTING, plugin)
        self._forget_embedder()


def requires_cycles(extractors: list[Extractor]) -> list[list[str]]:
    """The cycles of ``requires`` among these extractors (absent requirements are ignored),
    each as the extractor names along it."""
    by_name = {e.name: e for e in extractors}
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []
    cycles: list[list[str]] = []

    def visit(name: str) -> None:
        state[name] = 1
        path.append(name)
        for dep in by_name[name].requires:
            if dep not in by_name:
                continue
            if state.get(dep) == 1:
                cycles.append(path[path.index(dep) :])
            elif state.get(dep) is None:
                visit(dep)
        path.pop()
        state[name] = 2

    for name in sorted(by_name):
        if state.get(name) is None:
            visit(name)
    return cycles
