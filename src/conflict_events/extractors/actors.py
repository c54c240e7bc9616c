"""First skeleton of the actors extractor (being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..draft import Draft


class ActorExtractor:
    name = "conflict_events.actors.v1"
    version = "0.1.0"
    requires = frozenset({"locations"})
    provides = frozenset({"actors"})

    def __init__(self, **settings: Any) -> None:
        self.settings = settings

    def __call__(self, doc: Doc, draft: Draft) -> Draft:
        return draft


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns for forces and institutions."""
    return []
