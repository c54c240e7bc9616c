"""Places resolved with the document around them: schools named after states, countries before a unit's
noun, a region's name that is also a village (issue 14, places10)."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events import extract
from conflict_events.gazetteer import PlaceResolver, default_gazetteer
from conflict_events.gazetteer._doc_places import DocPlaces
from conflict_events.gazetteer._nearness import reading_support
from conflict_events.gazetteer._place_mentions import find_mentions
from conflict_events.nlp import load_language_model
from conflict_events.schema import Location

DAY = dt.date(2018, 4, 5)


def _places(text: str) -> list[Location]:
    return list(extract(text, date=DAY).locations)


def _find(places: list[Location], name: str) -> Location:
    found = [p for p in places if p.name == name]
    assert found, [p.name for p in places]
    return found[0]


def test_a_school_named_after_its_state_does_not_place_the_towns() -> None:
    places = _places("Kansas State outlasted Louisville in overtime on Friday. The fans cheered Louisville all night.")
    school = _find(places, "Kansas")
    assert school.modifier
    assert _find(places, "Louisville").admin1 == "Kentucky"  # not Louisville, Kansas


def test_a_nigerian_state_keeps_its_capitalised_noun() -> None:
    places = _places("Gunmen killed six farmers in Lagos State on Sunday, police said.")
    lagos = _find(places, "Lagos")
    assert (lagos.country, lagos.kind, lagos.modifier) == ("NG", "admin1", False)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A US state has revoked the licence of a doctor on Monday.", "US"),
        ("Unemployment stays high in countries such as Cyprus, Greece Italy or Spain.", "GR"),
    ],
)
def test_a_country_name_is_the_country(text: str, code: str) -> None:
    places = _places(text)
    assert code in {p.country for p in places if p.kind == "country"}
    assert not any(p.kind == "settlement" for p in places)  # not Us (France), not Greece (New York)


def test_a_region_name_is_no_support_for_a_village_of_that_name() -> None:
    gazetteer = default_gazetteer()
    village = next(p for p in gazetteer.candidates("Middle East") if p.kind == "settlement")
    near = [p for p in gazetteer.candidates("Manchester") if (p.country, p.admin1) == (village.country, village.admin1)]
    assert near and near[0].geonames_id is not None
    # read as a village, "Middle East" lends support to the Manchester beside it ...
    assert reading_support(gazetteer, ["Manchester", "Middle East"]).get(near[0].geonames_id, 0.0) > 0
    doc = load_language_model()("The sergeant was born in Manchester and served twice in the Middle East.")
    ctx = DocPlaces(doc, PlaceResolver())
    ctx.resolve(find_mentions(doc))
    assert near[0].geonames_id not in ctx.near_readings  # ... but the document reads it as the region


def test_a_unit_noun_of_one_country_ties_the_name_to_it() -> None:
    # "woreda" is Ethiopia's district: not the Korean island of that name
    places = _places("On 3 May 2023, gunmen attacked farmers in Jeju woreda, killing two of them.")
    jeju = _find(places, "Jeju")
    assert jeju.country == "ET"


def test_a_bracket_of_areas_holds_the_place_and_its_areas_in_one_country() -> None:
    places = _places("On 9 May 2021, militants attacked the gendarmerie in Dossi (Boni, Tuy), killing one gendarme.")
    assert {p.country for p in places if p.name in ("Dossi", "Boni", "Tuy")} == {"BF"}
    # "City - Neighbourhood (State)": the city in the state's country, not San Salvador
    places = _places("On 3 May 2023, in Salvador - Itapua (Bahia), gunmen shot and killed a man.")
    assert _find(places, "Salvador").country == "BR"


def test_a_name_the_model_cuts_short_is_read_whole_when_the_gazetteer_knows_it() -> None:
    # the model tags "Apaseo el" as a person and leaves "Grande" out; the town is "Apaseo el Grande"
    places = _places("Three guests wounded at a wedding in Apaseo el Grande have died in hospital, officials said.")
    town = _find(places, "Apaseo el Grande")
    assert town.country == "MX" and town.latitude is not None
