"""Places followed by the areas they lie in, as conflict notes write them: "X town (District, Region)" (issue 14,
places11). Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

from conflict_events import extract
from conflict_events.gazetteer import default_gazetteer
from conflict_events.gazetteer._seats import district_seat
from conflict_events.schema import ExtractionResult, Location

DAY = dt.date(2025, 6, 1)


def _result(text: str) -> ExtractionResult:
    return extract(text, date=DAY)


def _find(places: list[Location], name: str) -> list[Location]:
    found = [p for p in places if p.name == name]
    assert found, [p.name for p in places]
    return found


def test_a_town_and_its_district_agree_against_the_region_after_them() -> None:
    # the region written after the bracket holds neither name: both keep their reading, the event its town
    result = _result("On 9 June 2025, Al Shabaab fighters looted shops in Jilib town (Jilib, Middle Shabelle).")
    towns = _find(list(result.locations), "Jilib")
    assert {t.admin1 for t in towns} == {"Middle Juba"}
    assert all(t.latitude is not None for t in towns)
    event = max(result.events, key=lambda e: e.confidence)
    assert event.location is not None and (event.location.name, event.location.geo_precision) == ("Jilib", 1)


def test_a_district_of_another_spelling_agrees_with_its_town() -> None:
    result = _result("On 3 May 2025, two clan militias clashed in Saylac town (Zeylac, Bari).")
    (town,) = _find(list(result.locations), "Saylac")
    assert (town.admin1, town.geo_precision) == ("Awdal", 1)


def test_a_district_named_as_its_town_says_nothing_more() -> None:
    # "X town (X, Region)": the district of the town's name is no area to read the town in
    result = _result("On 6 August 2025, police clashed with a clan militia in Cadaado town (Cadaado, Galgaduud).")
    event = max(result.events, key=lambda e: e.confidence)
    assert event.location is not None and event.location.admin1 == "Galgaduud"
    assert event.location.latitude is not None and event.location.geo_precision == 1


def test_a_militia_named_after_its_state_does_not_place_its_attack() -> None:
    result = _result("On 6 March 2021, a Kaduna Communal Militia attacked Tudun Gwaza village (Giwa LGA, Kaduna).")
    event = max(result.events, key=lambda e: e.confidence)
    assert event.location is not None and event.location.name != "Kaduna"
    assert event.location.geo_precision == 2  # at Giwa, the district's town, as "near" it


def test_a_town_of_the_name_inside_the_area_when_the_district_lies_elsewhere() -> None:
    # GeoNames puts the district of the name in another region than its town
    result = _result("On 12 January 2026, Al Shabaab clashed with soldiers in Tuulo village (Baardheere, Gedo).")
    (town,) = _find(list(result.locations), "Baardheere")
    assert (town.kind, town.admin1) == ("settlement", "Gedo")


def test_a_district_finds_its_town_late_in_a_busy_initial() -> None:
    # about 14,000 names begin with "ba"; the district's town, past the first 4,000, was never looked at
    gazetteer = default_gazetteer()
    district = next(p for p in gazetteer.candidates("Baydhaba") if p.kind == "admin2")
    assert district.latitude is None
    seat = district_seat(gazetteer, district)
    assert seat is not None and seat.name == "Baidoa"
    assert "Baidoa" in {p.name for p, _ in gazetteer.fuzzy("Baydhaba", limit=25, cutoff=83, whole_initial=True)}
    # the resolver's own near spellings keep to the first names of an initial, as before
    assert "Baidoa" not in {p.name for p, _ in gazetteer.fuzzy("Baydhaba", limit=25, cutoff=83)}


def test_a_district_named_with_its_unit_words_finds_its_town() -> None:
    result = _result("On 25 January 2021, militants attacked a house in the village of Kolomi (Maine Soroa, Diffa).")
    event = max(result.events, key=lambda e: e.confidence)
    assert event.location is not None and event.location.geo_precision == 2
    assert event.location.latitude is not None
