"""The builder's and the fatalities' named rules: provenance, and the toll words they read."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events.events._fatalities import UNNUMBERED_DEATHS, unnumbered_deaths
from conflict_events.pipeline import Pipeline
from conflict_events.schema import Document


@pytest.mark.parametrize(
    "text",
    [
        "An unknown number of fighters were killed and wounded.",
        "Unknown fatalities.",
        "Several were killed and others injured.",
    ],
)
def test_deaths_without_a_number_are_found(text: str) -> None:
    found = unnumbered_deaths(text, [(0, len(text))])
    assert found is not None and found[0] < found[1]


@pytest.mark.parametrize(
    "text",
    [
        "No fatalities were reported.",
        "Unknown gunmen shot at the house.",
        "An unknown number of houses were burned.",
        "Unknown gunmen abducted the trader, whose body was later found and who had been killed.",
    ],
)
def test_no_unnumbered_deaths_where_none_are_told(text: str) -> None:
    assert unnumbered_deaths(text, [(0, len(text))]) is None


def test_an_event_names_its_date_rule_and_a_toll_told_later(pipeline: Pipeline) -> None:
    text = (
        "On 2 May 2024, Al Shabaab militants attacked an army base in Bulo Burde. "
        "An unknown number of soldiers were killed and wounded."
    )
    result = pipeline(Document(id="d", text=text, date=dt.date(2024, 6, 20)))
    assert len(result.events) == 1
    event = result.events[0]
    assert event.date.start == dt.date(2024, 5, 2)
    assert {d.field: d.rule for d in event.provenance}["date"] == "events.date.action_clause"
    assert event.fatalities is not None and event.fatalities.value == UNNUMBERED_DEATHS
    assert [d.rule for d in event.fatalities.provenance] == ["events.fatalities.unnumbered_deaths"]


def test_one_attack_told_twice_is_one_event_with_its_toll(pipeline: Pipeline) -> None:
    # the note is written weeks after the attack: the retelling still joins it
    text = (
        "On 2 May 2024, gunmen attacked the village of Gidan Zaki in Kaduna State. "
        "The gunmen killed 11 residents and burned houses."
    )
    result = pipeline(Document(id="d", text=text, date=dt.date(2024, 6, 20)))
    assert len(result.events) == 1
    event = result.events[0]
    assert event.fatalities is not None and event.fatalities.value == 11
    assert event.date.start == dt.date(2024, 5, 2)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place inside a facility's name is where the facility is
        ("At least 12 people were killed in the Quetta Police Lines blast on Monday, officials said.", "Quetta"),
        # a people's adjective is whose, not where: the city it qualifies places the event
        ("A suicide bomber blew himself up at a police post in the Pakistani city of Quetta on Monday.", "Quetta"),
    ],
)
def test_a_name_inside_a_facility_places_an_event_and_an_adjective_does_not(
    pipeline: Pipeline, text: str, place: str
) -> None:
    result = pipeline(Document(id="d", text=text, date=dt.date(2024, 3, 18)))
    assert [e.location and e.location.name for e in result.events] == [place]


def test_russian_troops_do_not_place_a_shelling_in_russia(pipeline: Pipeline) -> None:
    text = "Russian troops shelled the village on Monday, killing two civilians, Ukrainian officials said."
    result = pipeline(Document(id="d", text=text, date=dt.date(2024, 3, 18)))
    assert [e.location for e in result.events] == [None]
