"""Finds, loads and isolates plugins; knows each one's status.

One :class:`PluginHost` per running app (never a module-global manager). The
built-in extractors are registered first, exactly as third-party plugins are;
then each entry point of the ``medialens`` group is loaded on its own inside
try/except, so one broken plugin never stops start-up (pluggy's own loader
stops at the first failure). Every call into plugin code is guarded here or in
the pipeline, and what went wrong is kept as the plugin's status.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import pluggy

from medialens import __version__, hookspecs
from medialens.api import (
    API_VERSION,
    PROJECT,
    ExtractionContext,
    ExtractionResult,
    Extractor,
    Setting,
    TextEmbedder,
    api_compatible,
)
from medialens.core.plugin_about import About, builtin_about, package_about
from medialens.core.plugin_settings import PluginContext, PluginSettings, check_declaration
from medialens.core.plugin_trace import PluginTracer
from medialens.store import Store

log = logging.getLogger(__name__)

ACTIVE, DISABLED, INCOMPATIBLE, MALFUNCTIONED = (
    "active",
    "disabled",
    "incompatible",
    "malfunctioned",
)
_REQUIRED = ("name", "version", "kinds", "requires", "outputs", "timeout", "extract")
# The plugin packages shipped with the app (plugins/ in the source tree): installed from
# their own distributions, but not third-party.
BUNDLED_DISTRIBUTIONS = frozenset({"medialens-vision", "medialens-music", "medialens-text"})


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
                    "requires": list(e.requires),
                    "outputs": [_describe_output(o) for o in e.outputs],
                }
                for e in self.extractors
            ],
        }


def _describe_output(output: object) -> str:
    kind = type(output).__name__.removesuffix("Output").lower()
    if hasattr(output, "dim"):
        return f"vector {output.name} ({output.dim}-d, {output.modality})"
    return kind


def _check_extractor(obj: object) -> Extractor:
    missing = [attr for attr in _REQUIRED if not hasattr(obj, attr)]
    if missing:
        raise TypeError(f"extractor {obj!r} lacks {', '.join(missing)}")
    if not callable(obj.extract):
        raise TypeError(f"extractor {obj.name!r}: extract is not callable")
    return obj  # type: ignore[return-value]


class PluginHost:
    """The app's plugins: discovery, statuses, enable/disable, and their extractors."""

    def __init__(
        self,
        store: Store,
        *,
        entry_points: bool = True,
        builtins: bool = True,
        extra: list[tuple[str, object]] | None = None,
    ) -> None:
        self.store = store
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.records: dict[str, PluginRecord] = {}
        self._lock = threading.Lock()
        self._embedder: TextEmbedder | None = None
        self._embedder_loaded = False
        self.tracer = PluginTracer.from_env()  # MEDIALENS_TRACE_PLUGINS=1
        self.tracer.install(self.pm)
        self.settings = PluginSettings(store)

        if builtins:
            from medialens.builtins import DEFAULT_PLUGINS

            for module in DEFAULT_PLUGINS:
                self._add(module.__name__.rsplit(".", 1)[-1], module, __version__, builtin=True)
                self.records[module.__name__.rsplit(".", 1)[-1]].about = builtin_about(module)
        if entry_points:
            for ep in metadata.entry_points(group=PROJECT):
                version = ep.dist.version if ep.dist is not None else "?"
                name = ep.name
                if name in self.records:
                    name = f"{ep.dist.name if ep.dist else ep.module}:{ep.name}"
                try:
                    plugin = ep.load()
                except Exception as exc:  # a broken plugin must not stop start-up
                    log.warning("plugin %s failed to load: %s", name, exc)
                    self.records[name] = PluginRecord(
                        name, version, "?", MALFUNCTIONED, f"failed to load: {exc!r}"
                    )
                    self.records[name].distribution = ep.dist.name if ep.dist else None
                    self.records[name].about = package_about(ep.dist)
                    continue
                self._add(name, plugin, version)
                self.records[name].distribution = ep.dist.name if ep.dist else None
                self.records[name].about = package_about(ep.dist)
        for name, plugin in extra or []:
            self._add(name, plugin, getattr(plugin, "__version__", "0"))
        self.reload_state()

    def _add(self, name: str, plugin: object, version: str, builtin: bool = False) -> None:
        declared = str(getattr(plugin, "MEDIALENS_API", API_VERSION))
        record = PluginRecord(name, version, declared, ACTIVE, builtin=builtin, module=plugin)
        self.records[name] = record
        if not api_compatible(declared):
            record.status = INCOMPATIBLE
            record.error = f"written for plugin API {declared}; this Medialens offers {API_VERSION}"
            return
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:
            record.status, record.error = MALFUNCTIONED, f"failed to register: {exc!r}"
            return
        record.extractors = self._collect(record)
        self._collect_settings(record)

    def _collect_settings(self, record: PluginRecord) -> None:
        """Call this plugin's ``medialens_settings`` alone, guarded; a bad one malfunctions."""
        for impl in self.pm.hook.medialens_settings.get_hookimpls():
            if impl.plugin_name != record.name:
                continue
            try:
                found: Any = self.tracer.call(
                    "hook medialens_settings()", record.name, impl.function
                )
                record.settings = [check_declaration(s) for s in found or []]
            except Exception as exc:
                record.status, record.error = MALFUNCTIONED, f"medialens_settings() failed: {exc}"
                record.settings = []
        self.settings.declare(record.name, record.settings)

    def run_extractor(self, extractor: Extractor, ctx: ExtractionContext) -> ExtractionResult:
        """``extractor.extract`` with its plugin's settings on the context, traced."""
        record = self.owner_of(extractor.name)
        plugin = record.name if record is not None else "?"
        bound = PluginContext(ctx, self.settings.values(plugin))
        return self.tracer.call(f"extract {extractor.name}", plugin, extractor.extract, bound)

    def _collect(self, record: PluginRecord) -> list[Extractor]:
        """Call this plugin's ``medialens_extractors`` alone, guarded."""
        found: list[Extractor] = []
        for impl in self.pm.hook.medialens_extractors.get_hookimpls():
            if impl.plugin_name != record.name:
                continue
            try:
                hook = "hook medialens_extractors()"
                for obj in self.tracer.call(hook, record.name, impl.function) or []:
                    found.append(_check_extractor(obj))
            except Exception as exc:
                record.status, record.error = (
                    MALFUNCTIONED,
                    f"medialens_extractors() failed: {exc!r}",
                )
                return []
        return found

    def reload_state(self) -> None:
        """Apply the saved choices and malfunctions (another process may have changed them)."""
        for row in self.store.query("SELECT name, disabled, malfunction FROM plugins"):
            record = self.records.get(row["name"])
            if record is None or record.status in (INCOMPATIBLE, MALFUNCTIONED):
                continue
            if row["disabled"]:
                record.status = DISABLED
            elif row["malfunction"]:
                record.status, record.error = MALFUNCTIONED, row["malfunction"]

    # -- queries -------------------------------------------------------------------

    def extractors(self) -> list[Extractor]:
        """Extractors of active plugins; names are unique (first registered wins)."""
        seen: dict[str, Extractor] = {}
        for record in self.records.values():
            if record.status != ACTIVE:
                continue
            for extractor in record.extractors:
                seen.setdefault(extractor.name, extractor)
        return list(seen.values())

    def all_extractors(self) -> list[Extractor]:
        return [e for r in self.records.values() for e in r.extractors]

    def owner_of(self, extractor_name: str) -> PluginRecord | None:
        for record in self.records.values():
            if any(e.name == extractor_name for e in record.extractors):
                return record
        return None

    def text_embedder(self) -> TextEmbedder | None:
        """The first active plugin's query embedder, or None (keyword search only)."""
        with self._lock:
            if not self._embedder_loaded:
                self._embedder_loaded = True
                for impl in reversed(self.pm.hook.medialens_text_embedder.get_hookimpls()):
                    record = self.records.get(impl.plugin_name)
                    if record is None or record.status != ACTIVE:
                        continue
                    try:
                        embedder = self.tracer.call(
                            "hook medialens_text_embedder()", impl.plugin_name, impl.function
                        )
                    except Exception as exc:
                        log.warning("text embedder of %s failed: %s", impl.plugin_name, exc)
                        continue
                    if embedder is not None:
                        self._embedder = embedder
                        break
            return self._embedder

    # -- changes -------------------------------------------------------------------

    def _record(self, name: str) -> PluginRecord:
        try:
            return self.records[name]
        except KeyError:
            known = ", ".join(sorted(self.records)) or "none"
            raise KeyError(f"no plugin called {name!r} (installed: {known})") from None

    def set_enabled(self, name: str, enabled: bool) -> PluginRecord:
        record = self._record(name)
        if record.status == INCOMPATIBLE:
            raise ValueError(f"plugin {name!r} cannot be enabled: {record.error}")
        with self.store.write() as conn:
            conn.execute(
                "INSERT INTO plugins (name, disabled, malfunction) VALUES (?, ?, NULL) "
                "ON CONFLICT(name) DO UPDATE SET disabled = excluded.disabled, malfunction = NULL",
                (name, 0 if enabled else 1),
            )
        if enabled:
            if (
                record.status == MALFUNCTIONED
                and not record.extractors
                and record.module is not None
            ):
                record.status, record.error = ACTIVE, None
                record.extractors = self._collect(record)
            else:
                record.status, record.error = ACTIVE, None
        else:
            record.status = DISABLED
        with self._lock:
            self._embedder_loaded, self._embedder = False, None
        return record

    def mark_malfunctioned(self, name: str, error: str) -> None:
        record = self.records.get(name)
        if record is None or record.status != ACTIVE:
            return
        record.status, record.error = MALFUNCTIONED, error
        with self.store.write() as conn:
            conn.execute(
                "INSERT INTO plugins (name, disabled, malfunction) VALUES (?, 0, ?) "
                "ON CONFLICT(name) DO UPDATE SET malfunction = excluded.malfunction",
                (name, error),
            )
