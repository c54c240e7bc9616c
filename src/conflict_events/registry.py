"""Find extractors through the entry-point group ``conflict_events.extractors``.

Built-ins are registered exactly like third-party plugins, in ``pyproject.toml``::

    [project.entry-points."conflict_events.extractors"]
    "conflict_events.locations.v1" = "conflict_events.extractors.locations:LocationExtractor"

Entry points are listed cheaply and loaded only when asked for, so one broken
plugin raises :class:`~conflict_events.errors.PluginError` for its own name and
never stops the others from loading.

>>> "conflict_events.events.v1" in registry.names()
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Final

from .errors import PluginError
from .extractor import Extractor

__all__ = ["GROUP", "PluginInfo", "Registry", "registry"]

GROUP: Final = "conflict_events.extractors"

Factory = Callable[..., Extractor]


@dataclass(frozen=True)
class PluginInfo:
    """A registered extractor: its name, where it comes from, and the distribution that ships it."""

    name: str
    target: str
    package: str | None
    version: str | None


class Registry:
    """Extractor factories by registered name: entry points plus in-process registrations."""

    def __init__(self, group: str = GROUP) -> None:
        self.group = group
        self._local: dict[str, Factory] = {}
        self._loaded: dict[str, Factory] = {}

    def _entry_points(self) -> dict[str, EntryPoint]:
        return {ep.name: ep for ep in entry_points(group=self.group)}

    def register(self, name: str, factory: Factory) -> None:
        """Register a factory in this process (tests, notebooks); entry points are the normal way."""
        self._local[name] = factory

    def names(self) -> list[str]:
        """Every registered name, sorted, without loading any plugin."""
        return sorted({*self._entry_points(), *self._local})

    def info(self) -> list[PluginInfo]:
        """Name, target and shipping distribution of every registered extractor."""
        out = []
        for name, ep in sorted(self._entry_points().items()):
            dist = ep.dist
            out.append(PluginInfo(name, ep.value, dist.name if dist else None, dist.version if dist else None))
        out.extend(
            PluginInfo(name, f"{getattr(f, '__module__', '?')}:{getattr(f, '__qualname__', repr(f))}", None, None)
            for name, f in sorted(self._local.items())
            if name not in {i.name for i in out}
        )
        return out

    def get(self, name: str) -> Factory:
        """The factory registered under ``name``, loading its entry point on first use."""
        if name in self._local:
            return self._local[name]
        if name in self._loaded:
            return self._loaded[name]
        ep = self._entry_points().get(name)
        if ep is None:
            known = ", ".join(self.names()) or "none"
            raise PluginError(f"no extractor is registered under this name (registered: {known})", source=name)
        try:
            factory: Factory = ep.load()
        except Exception as err:  # a broken plugin must not break the others
            raise PluginError(f"entry point {ep.value!r} failed to load: {type(err).__name__}: {err}",
                              source=name) from err
        if not callable(factory):
            raise PluginError(f"entry point {ep.value!r} is not callable", source=name)
        self._loaded[name] = factory
        return factory

    def create(self, name: str, **settings: Any) -> Extractor:
        """Build the extractor registered under ``name`` with keyword settings."""
        factory = self.get(name)
        try:
            extractor = factory(**settings)
        except TypeError as err:
            raise PluginError(f"bad settings {settings!r}: {err}", source=name) from err
        if not isinstance(extractor, Extractor):
            raise PluginError("the factory did not return an Extractor (name, version, requires, provides, "
                              "__call__)", source=name)
        return extractor


registry: Final = Registry()
