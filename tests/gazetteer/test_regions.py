"""Named regions that are no admin unit."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events import extract
from conflict_events.gazetteer._regions import macro_region


@pytest.mark.parametrize(
    ("written", "name", "country", "admin1"),
    [
        ("Darfur", "Darfur", "SD", None),
        ("the Donbass", "Donbas", "UA", None),
        ("Darfur region", "Darfur", "SD", None),
        ("Nuba Mountains", "Nuba Mountains", "SD", "South Kordofan"),
        ("the Sahel", "Sahel", None, None),
        ("Iraqi Kurdistan", "Kurdistan Region", "IQ", None),
    ],
)
def test_macro_regions(written: str, name: str, country: str | None, admin1: str | None) -> None:
    region = macro_region(written)
    assert region is not None
    assert (region.name, region.country, region.admin1) == (name, country, admin1)


def test_directional_entries_need_a_direction() -> None:
    assert macro_region("Gaza") is None
    region = macro_region("Gaza", direction="southern")
    assert region is not None and region.admin1 == "Gaza Strip"


def test_admin_units_are_not_macro_regions() -> None:
    assert macro_region("North Darfur") is None
    assert macro_region("Donetsk") is None


def test_seas_are_regions_with_a_point_and_no_country() -> None:
    sea, land = macro_region("the Red Sea"), macro_region("Middle East")
    assert sea is not None and sea.sea and sea.point is not None
    assert land is not None and not land.sea and land.point is None  # no PyPI package ships a region's point
    donbas = macro_region("Donbas")
    assert donbas is not None and donbas.point is None and not donbas.sea


def test_a_people_of_a_region_gets_no_point() -> None:
    """As a country's: "the Russians" has no point; a region of land without one admin1 has none to give."""
    day = dt.date(2008, 8, 15)
    people = extract("Thousands of South Ossetians fled north on Friday, witnesses said.", date=day)
    assert [(loc.name, loc.latitude) for loc in people.locations] == [("South Ossetia", None)]
