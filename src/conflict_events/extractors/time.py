"""First skeleton of the time extractor (being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..draft import Draft


class TimeExtractor:
    name = "conflict_events.time.v1"
    version = "0.1.0"
    requires = frozenset()
    provides = frozenset({"times"})

    def __init__(self, **settings: Any) -> None:
        self.settings = settings

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        return draft
