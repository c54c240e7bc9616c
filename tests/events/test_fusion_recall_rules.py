"""Extraction entries of the fusion11 round, each on a short report of our own (docs/store.md, "fusion11").

A French article elided inside a place's name ("Anse-d'Hainault") is
part of the name (`NAME` in gazetteer/_place_words.py); a "department" after a list names a department per item
(`plural_kind_words`), "Centre" among them (`listed_region_names`).
"""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events import Document, Pipeline


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str, str | None, str | None]]:
    result = pipeline(Document(id="w", text=text, date=dt.date(2026, 3, 14)))
    return [(e.event_type, e.sub_event_type, e.location.name if e.location else None,
             e.location.admin1 if e.location else None) for e in result.events]


@pytest.mark.parametrize("name", ["Anse-d'Hainault", "Grand-Bois-de-l'Est"])
def test_an_elided_article_stays_inside_a_name(pipeline: Pipeline, name: str) -> None:
    text = f"Gangs burned houses in the town of {name} on Friday, killing three people, residents said."
    [event] = _events(pipeline, text)
    assert event[2] == name


def test_a_town_of_two_listed_departments_takes_neither(pipeline: Pipeline) -> None:
    # the report names two departments the gangs push into: an unknown town lies in one of them, not the last
    text = ("Armed men storm Haitian village\n\nPORT-AU-PRINCE (AP) - Armed men attacked the village of Bois-d'Orme"
            " in central Haiti on Tuesday, killing three people, a local official said.\n\nThe group has been pushing"
            " into the Centre and Artibonite departments for a year.")
    [event] = _events(pipeline, text)
    assert event[2:] == ("Bois-d'Orme", None)
