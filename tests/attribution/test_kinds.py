"""Claim kinds and the aggregate flag from the asserted content."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conflict_events.attribution import claim_kind, is_aggregate


@pytest.mark.parametrize(
    ("content", "categories", "cue", "kind"),
    [
        ("Russia lost 430,000 soldiers", ["casualties"], "claim", "casualties"),
        ("North Korean soldiers have taken heavy casualties", [], "claim", "casualties"),
        ("air defences destroyed 15 drones", ["equipment"], "say", "losses"),
        ("the counterattack included two tanks", ["equipment"], "say", "event"),
        ("retaliation", [], "threaten", "threat"),
        ("reinforcements would be deployed", [], "say", "intent"),
        ("it had taken multiple locations in the area", [], "claim", "territory"),
        ("the gunmen entered the village on motorcycles", ["equipment"], "say", "event"),
        ("16 suspects had been arrested", ["captured"], "say", "event"),
        ("Ukrainian forces launched new attacks", [], "confirm", "event"),
        ("the situation is catastrophic", [], "say", "statement"),
    ],
)
def test_kind(nlp: Language, content: str, categories: list[str], cue: str, kind: str) -> None:
    assert claim_kind(nlp(content)[:], categories, cue) == kind


@pytest.mark.parametrize(
    ("content", "aggregate"),
    [
        ("its soldiers killed 340 members over the past day", True),
        ("more than 2,200 children had died in the conflict", True),
        ("11 civilians had been killed on Sunday and Monday", True),
        ("40 people had been killed in 16 villages", True),
        ("gunmen at the weekend killed 17 people in the latest attack", False),
        ("three civilians were killed in their car near Zabid", False),
    ],
)
def test_aggregate(nlp: Language, content: str, aggregate: bool) -> None:
    assert is_aggregate(nlp(content)[:]) is aggregate
