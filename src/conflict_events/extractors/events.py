"""First skeleton of the events extractor (being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..draft import Draft


class EventExtractor:
    name = "conflict_events.events.v1"
    version = "0.1.0"
    requires = frozenset({"actors","locations","times","claims"})
    provides = frozenset({"events"})

    def __init__(self, **settings: Any) -> None:
        self.settings = settings

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        return draft
