"""Per-plugin settings: what each plugin declares, what the user chose, and how it reaches
``extract()``.

A plugin declares :class:`medialens.api.Setting` items through ``medialens_settings()``;
the values live in the library's settings under ``plugin.NAME.KEY`` (so the indexer in
another process reads what the GUI wrote) and are checked against the declaration both
when written and when read: a value from an older declaration that no longer fits falls
back to the default instead of reaching the plugin.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from medialens.api import Setting
from medialens.store import Store

_TYPES = ("bool", "int", "float", "choice")
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


class SettingError(ValueError):
    """A declaration or a value that breaks the rules; the message says which."""


def check_declaration(obj: object) -> Setting:
    """Refuse a declaration the app could not show or store, saying why."""
    if not isinstance(obj, Setting):
        raise SettingError(f"{obj!r} is not a medialens.api.Setting")
    if not obj.key or not obj.key.replace("_", "").isalnum():
        raise SettingError(f"setting key {obj.key!r} must be letters, digits and underscores")
    if obj.type not in _TYPES:
        raise SettingError(f"setting {obj.key!r}: type {obj.type!r} is not one of {_TYPES}")
    if obj.type == "choice" and not obj.choices:
        raise SettingError(f"setting {obj.key!r}: a choice needs choices")
    coerce(obj, obj.default)  # the default itself must be valid
    return obj


def coerce(setting: Setting, value: object) -> bool | int | float | str:
    """``value`` as the declared type, in range; text (from the command line) is parsed."""
    kind, key = setting.type, setting.key
    if kind == "bool":
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        if isinstance(value, bool | int) and value in (0, 1):
            return bool(value)
        raise SettingError(f"{key} must be true or false, not {value!r}")
    if kind == "choice":
        if str(value) in setting.choices:
            return str(value)
        raise SettingError(f"{key} must be one of {', '.join(setting.choices)}, not {value!r}")
    try:
        if kind == "int":
            if isinstance(value, float) and not value.is_integer():
                raise ValueError
            number: int | float = int(value)  # type: ignore[call-overload]
        else:
            number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise SettingError(
            f"{key} must be {'a whole number' if kind == 'int' else 'a number'}, not {value!r}"
        ) from None
    if isinstance(value, bool) or not math.isfinite(number):
        raise SettingError(f"{key} must be a finite number, not {value!r}")
    if setting.minimum is not None and number < setting.minimum:
        raise SettingError(f"{key} must be at least {setting.minimum:g}, not {number:g}")
    if setting.maximum is not None and number > setting.maximum:
        raise SettingError(f"{key} must be at most {setting.maximum:g}, not {number:g}")
    return number


def describe(setting: Setting, value: object) -> dict:
    """A declaration and its current value as JSON (``plugins settings --json``, the GUI)."""
    return {
        "key": setting.key,
        "label": setting.label,
        "type": setting.type,
        "default": setting.default,
        "minimum": setting.minimum,
        "maximum": setting.maximum,
        "choices": list(setting.choices),
        "help": setting.help,
        "value": value,
    }


class PluginSettings:
    """The declared settings of every loaded plugin, and their values in one library."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._declared: dict[str, dict[str, Setting]] = {}

    def declare(self, plugin: str, settings: Sequence[Setting]) -> None:
        self._declared[plugin] = {s.key: s for s in settings}

    def declared(self, plugin: str) -> list[Setting]:
        return list(self._declared.get(plugin, {}).values())

    def plugins(self) -> list[str]:
        """The plugins that declare at least one setting, in load order."""
        return [name for name, settings in self._declared.items() if settings]

    def _setting(self, plugin: str, key: str) -> Setting:
        declared = self._declared.get(plugin, {})
        if key not in declared:
            known = ", ".join(declared) or "none"
            raise SettingError(f"plugin {plugin!r} has no setting {key!r} (it has: {known})")
        return declared[key]

    def values(self, plugin: str) -> Mapping[str, object]:
        """Every declared key with its stored value, or the default (read-only)."""
        out: dict[str, object] = {}
        for key, setting in self._declared.get(plugin, {}).items():
            stored = self.store.setting(f"plugin.{plugin}.{key}")
            try:
                out[key] = setting.default if stored is None else coerce(setting, stored)
            except SettingError:  # stored under an older declaration: the default applies
                out[key] = setting.default
        return MappingProxyType(out)

    def set(self, plugin: str, key: str, value: object) -> bool | int | float | str:
        """Check ``value`` against the declaration and store it; returns what was stored."""
        checked = coerce(self._setting(plugin, key), value)
        self.store.set_setting(f"plugin.{plugin}.{key}", checked)
        return checked

    def reset(self, plugin: str, key: str) -> None:
        """Back to the plugin's default (stored as null, which reads as the default)."""
        self._setting(plugin, key)
        self.store.set_setting(f"plugin.{plugin}.{key}", None)

    def describe(self, plugin: str) -> list[dict]:
        values = self.values(plugin)
        return [describe(s, values[s.key]) for s in self.declared(plugin)]
