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

from typing import TYPE_CHECKING, Final, Protocol, runtime_checkable

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .draft import Draft

__all__ = ["CAPABILITIES", "Extractor"]

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
