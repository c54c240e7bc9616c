"""Resolution in context: country and region words, kind words, capitals, fuzzy spellings."""

from __future__ import annotations

from conflict_events.gazetteer import Hints, PlaceResolver, default_gazetteer
from conflict_events.gazetteer._gazetteer_base import Place
from conflict_events.gazetteer._nearness import reading_support

RESOLVER = PlaceResolver()


def _place(name: str, hints: Hints | None = None) -> Place:
    place = RESOLVER.resolve(name, hints).place
    assert place is not None, name
    return place


def test_pokrovsk_in_donetsk_beats_pokrovsk_in_sakha_and_engels() -> None:
    # Engels was once called Pokrovsk: a former name must not beat a current one
    place = _place("Pokrovsk")
    assert (place.country, place.admin1) == ("UA", "Donetsk")
    assert _place("Pokrovsk", Hints(countries={"UA": 1.0}, strict_country="UA")).admin1 == "Donetsk"


def test_a_country_tied_to_the_mention_rules_out_others() -> None:
    place = _place("Pokrovsk", Hints(strict_country="RU"))
    assert place.country == "RU" and place.name == "Pokrovsk"


def test_region_word_picks_the_region_over_its_capital() -> None:
    assert _place("Kursk").kind == "settlement"
    region = _place("Kursk", Hints(kind="region"))
    assert (region.kind, region.name, region.country) == ("admin1", "Kursk", "RU")
    # the region named after its capital, though its own names are spelled otherwise
    hodeidah = _place("Hodeidah", Hints(kind="region"))
    assert (hodeidah.kind, hodeidah.name) == ("admin1", "Al Hudaydah")


def test_bare_region_names_resolve_to_regions() -> None:
    for name, country in [("Tigray", "ET"), ("Afar", "ET"), ("Zamfara", "NG"), ("North Darfur", "SD")]:
        place = _place(name)
        assert (place.kind, place.country) == ("admin1", country)


def test_a_capital_name_keeps_its_capital_despite_other_countries_in_the_sentence() -> None:
    place = _place("Moscow", Hints(countries={"US": 1.0, "RU": 0.2}))
    assert place.country == "RU"


def test_sentence_country_decides_between_namesakes() -> None:
    assert _place("Tripoli").country == "LY"
    assert _place("Tripoli", Hints(countries={"LB": 1.0})).country == "LB"


def test_admin1_evidence_decides_between_namesakes_in_one_country() -> None:
    candidates = [p for p in default_gazetteer().candidates("Pokrovske") if p.country == "UA"]
    regions = {p.admin1 for p in candidates}
    assert {"Dnipropetrovsk", "Donetsk"} <= regions
    for region in ("Dnipropetrovsk", "Donetsk"):
        hints = Hints(countries={"UA": 1.0}, admin1={("UA", region.lower()): 1.0})
        assert _place("Pokrovske", hints).admin1 == region


def test_unknown_village_is_not_replaced_by_a_foreign_near_spelling() -> None:
    assert RESOLVER.resolve("Berdin", Hints(countries={"RU": 1.0})).place is None
    # "Foua" (Syria) is spelled like Fuwwah in Egypt: with Syria in context it stays unresolved
    assert RESOLVER.resolve("Foua", Hints(countries={"SY": 1.0})).place is None


def test_fuzzy_match_is_flagged_and_never_beats_an_exact_one() -> None:
    fuzzy = RESOLVER.resolve("Vuhledarr", Hints(countries={"UA": 1.0}))
    assert fuzzy.place is not None and fuzzy.place.name == "Vuhledar" and fuzzy.fuzzy
    exact = RESOLVER.resolve("Goma")
    assert not exact.fuzzy


def test_a_swapped_transliteration_is_a_near_spelling() -> None:
    from conflict_events.gazetteer import Hints, PlaceResolver

    found = PlaceResolver().resolve("Kost", Hints(countries={"AF": 1.0}, kind="region"))
    assert found.place is not None and (found.place.name, found.place.country, found.fuzzy) == ("Khost", "AF", True)
    # with no context pointing to Afghanistan a near spelling of a town is not taken
    assert PlaceResolver().resolve("Kost", Hints(countries={"CD": 1.0})).place is None


def test_readings_of_several_names_that_lie_together_support_each_other() -> None:
    gazetteer = default_gazetteer()
    support = reading_support(gazetteer, ["Alexandria", "Osakis", "Parkers Prairie"])
    by_state = {p.admin1: support.get(p.geonames_id or 0, 0.0) for p in gazetteer.candidates("Alexandria")}
    assert by_state["Minnesota"] == 2.0 and by_state["Virginia"] == 0  # two towns of one reading each, nearby
    # in the resolver, the support outweighs the larger namesake
    alexandria = _place("Alexandria", Hints(countries={"US": 1.0}, support=support))
    assert alexandria.admin1 == "Minnesota"
    assert _place("Alexandria", Hints(countries={"US": 1.0})).admin1 == "Virginia"


def test_another_name_of_the_same_place_is_no_support() -> None:
    gazetteer = default_gazetteer()
    support = reading_support(gazetteer, ["Dublin", "Dublin City"])
    dublin = next(p for p in gazetteer.candidates("Dublin") if p.country == "IE")
    assert support.get(dublin.geonames_id or 0, 0.0) == 0.0


def test_a_capitals_name_is_not_moved_by_support() -> None:
    gazetteer = default_gazetteer()
    support = reading_support(gazetteer, ["Washington", "Wheeling", "Pittsburgh"])
    assert _place("Washington", Hints(countries={"US": 1.0}, support=support)).admin1 == "District of Columbia"


def test_a_region_is_supported_as_much_as_its_town_of_that_name() -> None:
    gazetteer = default_gazetteer()
    support = reading_support(gazetteer, ["Solonchaky", "Mykolaiv"])
    readings = {
        p.kind: support.get(p.geonames_id or 0, 0.0)
        for p in gazetteer.candidates("Mykolaiv")
        if (p.country, p.admin1) == ("UA", "Mykolaiv")
    }
    assert readings["admin1"] == readings["settlement"] > 0  # the names near the city do not decide
