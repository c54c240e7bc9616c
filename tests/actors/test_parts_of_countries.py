"""A part of a country the model tags as a person ("Central Mali") is no person, and the country's name
elsewhere in the report ("Mali's army") is not that person's short name (lead8, 2026-12-07)."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events import Document, Pipeline


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "A drone strike by Mali's army hit a cattle market in Tenenkou on Tuesday, killing at least 11"
            " people, a local official said.\n\nCentral Mali has been a stronghold of armed groups for a decade.",
            "Military Forces of Mali",
        ),
        (
            "Nigeria's army bombed a camp near Damasak on Friday, killing 20 fighters, the air force said.\n\n"
            "Northern Nigeria has seen years of attacks by armed groups.",
            "Military Forces of Nigeria",
        ),
    ],
)
def test_a_part_of_a_country_is_not_a_person(text: str, actor1: str) -> None:
    result = Pipeline()(Document(id="p", text=text, date=dt.date(2025, 11, 19)))
    assert not [a.name for a in result.actors if a.kind == "person"]
    lead = max(result.events, key=lambda e: e.confidence)
    assert lead.actor1 is not None and lead.actor1.name.startswith(actor1)
