"""First skeleton of the locations extractor (being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..draft import Draft


class LocationExtractor:
    name = "conflict_events.locations.v1"
    version = "0.1.0"
    requires = frozenset()
    provides = frozenset({"locations"})

    def __init__(self, **settings: Any) -> None:
        self.settings = settings

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        return draft
