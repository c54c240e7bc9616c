"""Buildings named with their town, and towns' names used as streets (issue 14, places14)."""

from __future__ import annotations

import datetime as dt

from conflict_events import extract
from conflict_events.schema import Location

DAY = dt.date(2018, 4, 5)


def _places(text: str) -> list[Location]:
    return list(extract(text, date=DAY).locations)


def _named(places: list[Location], name: str) -> list[Location]:
    return [p for p in places if p.name == name]


def test_a_building_before_its_town_lies_at_the_town() -> None:
    places = _places("The minister spoke at the Grand Theatre in Kingston on Tuesday evening.")
    (theatre,) = _named(places, "Grand Theatre")
    (town,) = [p for p in places if p.kind == "settlement"]
    assert theatre.kind == "feature" and theatre.geo_precision == 2 and theatre.gazetteer_id is None
    assert (theatre.latitude, theatre.longitude) == (town.latitude, town.longitude)
    assert theatre.country == town.country and theatre.admin1 == town.admin1


def test_a_building_after_a_comma_and_in() -> None:
    places = _places("The fair was held yesterday at the Farmers Training Centre, in Nakuru.")
    (centre,) = _named(places, "Farmers Training Centre")
    assert centre.country == "KE" and centre.latitude is not None


def test_an_organisation_without_a_building_word_is_no_place() -> None:
    places = _places("A spokesman for Acme Logistics in Nairobi said the trucks were late.")
    assert not _named(places, "Acme Logistics")


def test_a_building_in_a_country_gets_no_point() -> None:
    places = _places("The wounded were taken to the Central Referral Hospital in Kenya, police said.")
    assert not _named(places, "Central Referral Hospital")


def test_the_town_not_the_building_places_the_event() -> None:
    result = extract("Gunmen attacked the Kismayo General Hospital in Kismayo on Monday, killing two guards.", date=DAY)
    assert result.events
    assert all(e.location is not None and e.location.name == "Kismayo" for e in result.events)


def test_a_town_name_after_a_block_number_is_a_street() -> None:
    places = _places("Police were called to a house in the 1200 block of Broadway on Saturday night.")
    assert all(p.kind == "feature" and p.latitude is None for p in places if p.name.startswith("Broadway"))


def test_a_street_the_story_names_whole_is_the_street_again_after_a_preposition() -> None:
    text = "Crews repaved Darby Street last year. Drivers heading north on Darby from Bridge Street face delays."
    places = _places(text)
    assert not [p for p in places if p.kind == "settlement" and p.name == "Darby"]


def test_a_town_with_a_street_of_its_name_elsewhere_stays_the_town() -> None:
    text = "The festival moved to Darby last year. Parking is on Darby Street, near the library."
    places = _places(text)
    assert [p for p in places if p.kind == "settlement" and p.name == "Darby"]
