"""The extractor protocol: what every step of the chain, built-in or third-party, looks like.

An extractor is a small class: settings in ``__init__`` (load lexicons or a
gazetteer there, once), work in ``__call__`` (no I/O, no model loading). It
names what it ``requires`` from earlier steps and what it ``provides``; the
pipeline checks these when it is built.

>>> from conflict_events.draft import Draft
>>> class Shouting:
...     name = "example.shouting.v1"
...     version = "1.0"
...     requires = frozenset({"events"})
...     provides = frozenset({"warnings"})
...     def __call__(self, doc, draft: Draft) -> Draft:
...         if "!" in draft.text:
...             draft.warn("shouting", "the text shouts", extractor=self.name)
...         return draft
>>> isinstance(Shouting(), Extractor)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import PipelineError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .draft import Draft

__all__ = ["CAPABILITIES", "Extractor", "StepSettings", "settings_of"]

_S = TypeVar("_S", bound="StepSettings")

class StepSettings(BaseModel):
    """Settings every built-in step accepts; a step's own settings model extends it.

    Unknown keys are errors (``extra="forbid"``): a misspelt setting must not be ignored.

    ``disabled_rules`` switches named rules off for the step (see :mod:`conflict_events.rules`);
    ``lexicon_files`` are TOML files that extend or replace the step's word lists
    (see :mod:`conflict_events.lexicons`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    disabled_rules: frozenset[str] = frozenset()
    lexicon_files: tuple[Path, ...] = ()


def settings_of(model: type[_S], step: str, values: Mapping[str, Any]) -> _S:
    """Validate a step's keyword settings; a :class:`~conflict_events.errors.PipelineError` names the key.

    >>> class TimeSettings(StepSettings):
    ...     day_first: bool = True
    >>> settings_of(TimeSettings, "conflict_events.time.v1", {"day_first": False}).day_first
    False
    >>> settings_of(TimeSettings, "conflict_events.time.v1", {"day_frist": False})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    conflict_events.errors.PipelineError: conflict_events.time.v1: unknown setting 'day_frist' (...)
    """
    try:
        return model(**values)
    except ValidationError as err:
        known = ", ".join(sorted(model.model_fields, key=lambda k: (k in StepSettings.model_fields, k)))
        problems = []
        for e in err.errors():
            where = ".".join(str(x) for x in e["loc"]) or "settings"
            if e["type"] == "extra_forbidden":
                problems.append(f"unknown setting {where!r} (settings: {known})")
            else:
                problems.append(f"setting {where!r}: {e['msg']}")
        raise PipelineError("; ".join(problems), source=step) from None


# What built-in steps provide; a plugin may provide other names too.
CAPABILITIES: Final[tuple[str, ...]] = ("actors", "locations", "times", "figures", "claims", "events", "warnings")


@runtime_checkable
class Extractor(Protocol):
    """One step of the chain."""

    name: str
    version: str
    requires: frozenset[str]
    provides: frozenset[str]

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        """Read ``doc`` (the spaCy parse of ``draft.document.text``) and the draft; return the draft."""
        ...
