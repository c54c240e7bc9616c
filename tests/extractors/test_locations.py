"""The locations extractor on real sentences from several conflicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from conflict_events.draft import Draft
from conflict_events.extractors.locations import LocationExtractor
from conflict_events.gazetteer._doc_places import DocPlaces
from conflict_events.gazetteer._place_mentions import find_mentions
from conflict_events.schema import Document, Location

EXTRACTOR = LocationExtractor()


def _locations(nlp: Language, text: str) -> tuple[list[Location], Draft]:
    draft = Draft(Document(id="t", text=text, date=date(2024, 3, 1)))
    EXTRACTOR(nlp(text), draft)
    return draft.locations, draft


def _by_name(locations: list[Location], name: str) -> Location:
    found = [loc for loc in locations if loc.name == name]
    assert found, f"{name} not in {[loc.name for loc in locations]}"
    return found[0]


def test_unresolved_village_keeps_context_and_warns(nlp: Language) -> None:
    text = (
        "Ukrainian troops launched a new offensive in the Kursk region of Russia. "
        "The Russian Defence Ministry said the armoured column was heading to the Russian settlement"
        " of Berdin."
    )
    locations, draft = _locations(nlp, text)
    berdin = _by_name(locations, "Berdin")
    assert (berdin.country, berdin.admin1, berdin.latitude, berdin.gazetteer_id) == (
        "RU",
        "Kursk",
        None,
        None,
    )
    assert berdin.geo_precision == 3
    assert any(w.code == "unresolved_place" and w.span and w.span.text == "Berdin" for w in draft.warnings)
    kursk = _by_name(locations, "Kursk")
    assert (kursk.kind, kursk.geo_precision, kursk.country) == ("admin1", 3, "RU")


def test_pokrovsk_in_donetsk(nlp: Language) -> None:
    text = "Russian forces are trying to take the Ukrainian city of Pokrovsk in the Donetsk oblast."
    locations, _ = _locations(nlp, text)
    pokrovsk = _by_name(locations, "Pokrovsk")
    assert (pokrovsk.country, pokrovsk.admin1, pokrovsk.geo_precision) == ("UA", "Donetsk", 1)
    assert pokrovsk.gazetteer_id == "geonames:704422"
    assert pokrovsk.latitude is not None and 48 < pokrovsk.latitude < 49


def test_near_and_outskirts_give_precision_two(nlp: Language) -> None:
    text = (
        "Three civilians were killed in a coalition air strike on a road near Zabid, residents said. "
        "Government forces captured the airport on the southern outskirts of Hodeidah."
    )
    locations, _ = _locations(nlp, text)
    zabid = _by_name(locations, "Zabid")
    assert (zabid.country, zabid.admin1, zabid.geo_precision) == ("YE", "Al Hudaydah", 2)
    hodeidah = _by_name(locations, "Al Hudaydah")
    assert hodeidah.geo_precision == 2 and hodeidah.kind == "settlement"


def test_sudan_city_and_state(nlp: Language) -> None:
    text = "The RSF shelled El Fasher, the capital of North Darfur state, killing at least 20 civilians."
    locations, _ = _locations(nlp, text)
    fasher = _by_name(locations, "El Fasher")
    assert (fasher.country, fasher.admin1, fasher.geo_precision) == ("SD", "North Darfur", 1)
    state = _by_name(locations, "North Darfur")
    assert (state.kind, state.geo_precision) == ("admin1", 3)


def test_congo_goma(nlp: Language) -> None:
    text = "M23 rebels backed by Rwanda seized Goma, the largest city in eastern Congo, on Monday."
    locations, _ = _locations(nlp, text)
    goma = _by_name(locations, "Goma")
    assert (goma.country, goma.admin1) == ("CD", "Nord-Kivu")


def test_gaza_khan_younis(nlp: Language) -> None:
    text = (
        "Israeli strikes on Khan Younis in the southern Gaza Strip killed 12 people, health officials said."
    )
    locations, _ = _locations(nlp, text)
    assert _by_name(locations, "Khan Yunis").country == "PS"


def test_myanmar_town_near_and_state(nlp: Language) -> None:
    text = "The junta bombed a village near Lashio in northern Shan State, the Myanmar resistance said."
    locations, _ = _locations(nlp, text)
    lashio = _by_name(locations, "Lashio")
    assert (lashio.country, lashio.admin1, lashio.geo_precision) == ("MM", "Shan", 2)
    shan = _by_name(locations, "Shan")
    assert shan.kind == "admin1"


def test_sahel_outside_djibo(nlp: Language) -> None:
    text = "Jihadists attacked an army post outside Djibo in northern Burkina Faso, killing 15 soldiers."
    locations, _ = _locations(nlp, text)
    djibo = _by_name(locations, "Djibo")
    assert (djibo.country, djibo.admin1, djibo.geo_precision) == ("BF", "Sahel", 2)
    assert _by_name(locations, "Burkina Faso").kind == "country"


def test_capital_phrase_without_a_name(nlp: Language) -> None:
    text = "Al-Shabaab fighters stormed a hotel in the Somali capital late on Thursday."
    locations, _ = _locations(nlp, text)
    mogadishu = _by_name(locations, "Mogadishu")
    assert (mogadishu.country, mogadishu.geo_precision) == ("SO", 1)
    assert mogadishu.mentions[0].text == "the Somali capital"


def test_bare_city_name_means_the_region_the_document_names(nlp: Language) -> None:
    text = (
        "Heavy fighting continued in the Kursk region on Sunday. "
        "Russia says Ukraine has lost more than 49,000 servicemen in Kursk since August."
    )
    locations, _ = _locations(nlp, text)
    regions = [loc for loc in locations if loc.name == "Kursk"]
    assert len(regions) == 1 and regions[0].kind == "admin1"
    assert [m.text for m in regions[0].mentions] == ["Kursk region", "Kursk"]


def test_one_location_per_place_and_precision_with_all_mentions(nlp: Language) -> None:
    text = (
        "Shelling hit Kharkiv on Monday. Officials in Kharkiv said two people died."
        " Later, fighting near Kharkiv."
    )
    locations, _ = _locations(nlp, text)
    kharkiv = [loc for loc in locations if loc.name == "Kharkiv"]
    assert sorted(loc.geo_precision for loc in kharkiv) == [1, 2]
    exact = next(loc for loc in kharkiv if loc.geo_precision == 1)
    assert len(exact.mentions) == 2
    assert len({loc.id for loc in locations}) == len(locations)


def test_organisations_and_demonyms_are_not_places(nlp: Language) -> None:
    text = "Islamic State fighters and Ukrainian soldiers were seen in the Syrian desert near Palmyra."
    locations, _ = _locations(nlp, text)
    names = {loc.name for loc in locations}
    assert "Islamic" not in names and "Ukrainian" not in names
    palmyra = _by_name(locations, "Tadmur")  # GeoNames' English name for Palmyra
    assert palmyra.country == "SY" and palmyra.geo_precision == 2


def test_ids_are_stable(nlp: Language) -> None:
    text = "Drones struck Sumy and Kharkiv overnight, Ukrainian officials said."
    first, _ = _locations(nlp, text)
    second, _ = _locations(nlp, text)
    assert [loc.id for loc in first] == [loc.id for loc in second]


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        (
            "Gunmen killed 17 people in Birnin Magaji district of Zamfara state, police said.",
            "Birnin Magaji",
            "Zamfara",
        ),
        (
            "Regime air strikes killed 11 civilians in the town of Taftanaz in Idlib province.",
            "Taftanaz",
            "Idleb",
        ),
        ("Russian troops pushed towards Chasiv Yar, west of Bakhmut.", "Chasiv Yar", "Donetsk"),
        (
            "A drone attack hit an oil depot in the Russian town of Shebekino in the Belgorod region.",
            "Shebekino",
            "Belgorod",
        ),
    ],
)
def test_admin1_of_settlements(nlp: Language, text: str, name: str, admin1: str) -> None:
    locations, _ = _locations(nlp, text)
    assert _by_name(locations, name).admin1 == admin1


def test_lists_of_places_the_model_mislabels(nlp: Language) -> None:
    text = "Boko Haram fighters attacked Gwoza, Dikwa and Damboa in Borno State on Sunday."
    locations, _ = _locations(nlp, text)
    for name in ("Gwoza", "Dikwa", "Damboa"):
        assert _by_name(locations, name).admin1 == "Borno"


def test_a_person_after_a_place_in_a_list_stays_a_person(nlp: Language) -> None:
    text = "Tigrayan fighters retook the regional capital Mekele and Abiy declared a ceasefire."
    locations, _ = _locations(nlp, text)
    assert {loc.country for loc in locations} == {"ET"}
    assert all(not m.text.startswith("Abiy") for loc in locations for m in loc.mentions)


def test_a_compound_modifier_country_is_not_where(nlp: Language) -> None:
    # "US-backed" names who backs the fighters; Deir Ezzor stays in Syria despite the spelling
    text = "US-backed fighters clashed with Islamic State militants in Deir Ezzor on Friday."
    locations, _ = _locations(nlp, text)
    deir = next(loc for loc in locations if loc.country == "SY")
    assert deir.admin1 == "Deir ez Zor" and deir.geo_precision == 1


def test_a_neighbouring_country_in_the_sentence_does_not_move_the_place(nlp: Language) -> None:
    text = (
        "Israeli air strikes killed 25 Palestinians across the Gaza Strip overnight. "
        "Tanks pushed deeper into Rafah near the border with Egypt."
    )
    locations, _ = _locations(nlp, text)
    rafah = _by_name(locations, "Rafah")
    assert (rafah.country, rafah.admin1) == ("PS", "Gaza Strip")


def test_sahel_countries_the_model_takes_for_people(nlp: Language) -> None:
    text = (
        "In neighbouring Mali, the army and Russian mercenaries clashed with Tuareg separatists near the "
        "Algerian border, while Islamic State Sahel Province fighters struck villages around Menaka."
    )
    locations, _ = _locations(nlp, text)
    names = {loc.name for loc in locations}
    assert "Mali" in names
    assert not any("Islamic" in n or "Tuareg" in n for n in names)
    menaka = _by_name(locations, "Menaka")
    assert (menaka.country, menaka.geo_precision) == ("ML", 2)


def test_sentence_initial_words_are_not_part_of_a_region_name(nlp: Language) -> None:
    text = "In Ituri province, CODECO militiamen killed 12 civilians in Djugu territory, in eastern Congo."
    locations, _ = _locations(nlp, text)
    ituri = _by_name(locations, "Ituri")
    assert (ituri.kind, ituri.country) == ("admin1", "CD")
    djugu = _by_name(locations, "Djugu")
    assert (djugu.kind, djugu.admin1, djugu.geo_precision) == ("admin2", "Ituri", 2)


def test_a_plural_kind_word_applies_to_the_whole_list(nlp: Language) -> None:
    text = "Ukraine's air force said it shot down 58 drones over the Sumy, Poltava and Kyiv regions."
    locations, _ = _locations(nlp, text)
    for name in ("Sumy", "Poltava", "Kyiv"):
        place = _by_name(locations, name)
        assert (place.kind, place.geo_precision) == ("admin1", 3), name


def test_dateline_country_and_village_named_by_its_kind_word(nlp: Language) -> None:
    text = (
        "MAIDUGURI, Nigeria (Reuters) - Boko Haram militants killed 37 farmers in an attack on Kukawa, "
        "in Borno State, northeast Nigeria. The insurgents stormed farmland near Dumba village in Kukawa "
        "local government area, close to the border with Niger."
    )
    locations, _ = _locations(nlp, text)
    assert _by_name(locations, "Kukawa").admin1 == "Borno"
    dumba = _by_name(locations, "Dumba")  # not a namesake in Angola: a village the gazetteer lacks
    assert (dumba.country, dumba.admin1, dumba.latitude) == ("NG", "Borno", None)
    assert _by_name(locations, "Nigeria").kind == "country"
    maiduguri = _by_name(locations, "Maiduguri")  # the dateline, in capitals
    assert (maiduguri.admin1, maiduguri.mentions[0].text) == ("Borno", "MAIDUGURI")


@pytest.mark.parametrize(
    "text",
    [
        "Putin said on Monday that Zelensky and Netanyahu had spoken with Biden.",
        "General Burhan accused Hemedti of war crimes, while Tshisekedi blamed Kagame.",
        "Assad thanked Nasrallah; Sinwar and Prigozhin were killed, Ukrinform and RIA Novosti said.",
        "Lavrov spoke to Blinken by phone, the ministry said.",
    ],
)
def test_people_are_not_places(nlp: Language, text: str) -> None:
    locations, _ = _locations(nlp, text)
    assert locations == []
    # the same sentence with a place in it: the place is found, the people still are not
    locations, _ = _locations(nlp, text.rstrip(".") + " in Kigali.")
    assert [loc.name for loc in locations] == ["Kigali"]


def test_a_region_of_a_neighbour_is_not_the_region_meant(nlp: Language) -> None:
    text = (
        "In Colombia, ELN guerrillas clashed with FARC dissidents in the Catatumbo region of "
        "Norte de Santander department, near the border with Venezuela."
    )
    locations, _ = _locations(nlp, text)
    catatumbo = _by_name(locations, "Catatumbo")
    assert (catatumbo.country, catatumbo.admin1, catatumbo.gazetteer_id) == ("CO", "Norte de Santander", None)
    # a region inside one admin1 takes that admin1's point
    assert catatumbo.kind == "region" and catatumbo.latitude is not None


def test_plural_kind_phrase_keeps_an_unknown_village(nlp: Language) -> None:
    text = (
        "Israeli strikes killed four people in the villages of Aitaroun and Kfar Kila, "
        "Lebanon's ministry said."
    )
    locations, _ = _locations(nlp, text)
    aitaroun = _by_name(locations, "Aitaroun")
    assert (aitaroun.country, aitaroun.latitude) == ("LB", None)


def test_a_territory_named_like_its_country_is_the_territory(nlp: Language) -> None:
    text = "Israeli air strikes killed 25 people across the Gaza Strip and two in the occupied West Bank."
    locations, _ = _locations(nlp, text)
    for name in ("Gaza Strip", "West Bank"):
        place = _by_name(locations, name)
        assert (place.kind, place.country, place.admin1) == ("admin1", "PS", name)


def test_a_second_look_settles_a_region_by_the_places_around_it(nlp: Language) -> None:
    # Plateau is a state of Nigeria and a department of Benin; Bokkos lies in the Nigerian one
    text = "Unidentified gunmen killed 12 people in Plateau state's Bokkos local government area."
    locations, _ = _locations(nlp, text)
    assert {loc.country for loc in locations} == {"NG"}


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1", "pointed"),
    [
        ("Militias burned villages in Darfur on Monday, witnesses said.", "Darfur", "SD", None, False),
        ("Russian troops shelled towns across the Donbas overnight.", "Donbas", "UA", None, False),
        ("Fighting spread to Kordofan as the army pushed west.", "Kordofan", "SD", None, False),
        ("Israeli strikes hit northern Gaza on Tuesday.", "northern Gaza", "PS", "Gaza Strip", True),
        ("Jihadists have killed thousands across the Sahel since 2015.", "Sahel", None, None, False),
    ],
)
def test_macro_regions_are_regions_not_wrong_admin_units(
    nlp: Language, text: str, name: str, country: str | None, admin1: str | None, pointed: bool
) -> None:
    """A point where the region lies in one admin1; none for a region over several (Darfur)."""
    locations, draft = _locations(nlp, text)
    region = _by_name(locations, name)
    assert (region.kind, region.country, region.admin1) == ("region", country, admin1)
    assert (region.latitude is not None) is pointed
    assert not any(w.code == "unresolved_place" for w in draft.warnings)


def test_a_macro_name_that_is_also_a_region_of_the_named_country_is_that_region(nlp: Language) -> None:
    locations, _ = _locations(nlp, "Gunmen killed ten soldiers in Burkina Faso's Sahel region on Sunday.")
    sahel = _by_name(locations, "Sahel")
    assert (sahel.kind, sahel.country, sahel.admin1) == ("admin1", "BF", "Sahel")


def test_an_unknown_village_in_a_macro_region_takes_its_country(nlp: Language) -> None:
    locations, _ = _locations(nlp, "Militias attacked the village of Hashaba in Darfur, residents said.")
    village = _by_name(locations, "Hashaba")
    assert village.country == "SD" and village.latitude is None


@pytest.mark.parametrize(
    "text",
    [
        "KABUL (Reuters): Gunmen attacked a checkpoint on Monday.",
        "KABUL - Gunmen attacked a checkpoint on Monday.",
        "KABUL: Gunmen attacked a checkpoint on Monday.",
    ],
)
def test_dateline_forms(nlp: Language, text: str) -> None:
    locations, _ = _locations(nlp, text)
    kabul = _by_name(locations, "Kabul")
    assert (kabul.country, kabul.admin1) == ("AF", "Kabul")


def test_unknown_name_before_village_is_a_place_of_its_region(nlp: Language) -> None:
    text = "Two air strikes hit Musa Qala district of Helmand province, one in Zarbagh village, officials said."
    locations, _ = _locations(nlp, text)
    village = _by_name(locations, "Zarbagh")
    assert (village.kind, village.country, village.admin1, village.latitude) == ("settlement", "AF", "Helmand", None)


def test_the_town_of_is_never_a_district_abroad(nlp: Language) -> None:
    text = "In North Kivu province of Congo, thousands fled the nearby town of Rutsiro, aid workers said."
    locations, _ = _locations(nlp, text)
    town = _by_name(locations, "Rutsiro")
    assert (town.kind, town.country, town.admin1) == ("settlement", "CD", "Nord-Kivu")


def test_an_unknown_village_takes_the_country_of_the_town_beside_it(nlp: Language) -> None:
    text = (
        "Fighting in the Gaza Strip continued. An Israeli strike hit the village of Kfarjouz near "
        "Nabatieh, near the border with Israel, the ministry said."
    )
    locations, _ = _locations(nlp, text)
    village = _by_name(locations, "Kfarjouz")
    assert (village.country, village.admin1) == ("LB", "Al Nabatieh")


def test_a_name_that_stands_for_a_country_resolves_inside_it(nlp: Language) -> None:
    locations, _ = _locations(nlp, "Israel and Hezbollah traded fire since the war in Gaza began.")
    gaza = _by_name(locations, "Gaza")
    assert gaza.country == "PS"


def test_a_small_namesake_in_another_region_than_the_sentence_names_stays_unresolved(nlp: Language) -> None:
    text = "Soldiers were attacked in the village of Sabaneta, Guachene municipality, in Cauca, the army said."
    locations, _ = _locations(nlp, text)
    village = _by_name(locations, "Sabaneta")
    assert (village.country, village.admin1, village.latitude) == ("CO", "Cauca", None)


def test_a_near_spelling_of_a_foreign_city_is_not_taken(nlp: Language) -> None:
    text = "Gunmen attacked the town of Yaran in Burkina Faso on Sunday, residents said."
    locations, _ = _locations(nlp, text)
    town = _by_name(locations, "Yaran")
    assert (town.country, town.latitude) == ("BF", None)


def test_a_country_name_cut_in_two_by_the_model_is_one_country(nlp: Language) -> None:
    locations, _ = _locations(nlp, "Clashes killed 11 people in northeastern Democratic Republic of the Congo.")
    assert [loc.country for loc in locations if loc.kind == "country"] == ["CD"]
    assert all(loc.kind == "country" for loc in locations)


def test_a_village_name_the_model_calls_a_people_is_a_place_after_in(nlp: Language) -> None:
    text = "Insurgents in five trucks sacked a military post in nearby Bunari village in Borno state."
    locations, _ = _locations(nlp, text)
    assert _by_name(locations, "Bunari").admin1 == "Borno"
    locations, _ = _locations(nlp, "Gunmen burned a mostly Christian village in Plateau state.")
    assert "Christian" not in [loc.name for loc in locations]
    assert "Plateau" in [loc.name for loc in locations]


def test_a_kind_word_alone_is_no_place(nlp: Language) -> None:
    text = "Contingents from Domel and Town police stations reached the site in Bannu district."
    locations, _ = _locations(nlp, text)
    assert all(loc.country in (None, "PK") for loc in locations)
    assert "Bannu District" in [loc.name for loc in locations]


def test_a_village_by_its_own_name_keeps_its_region_in_a_report_on_another(nlp: Language) -> None:
    text = (
        "Russian forces shelled towns in the Donetsk region on Monday. "
        "Ukrainian troops recaptured the village of Verbove, the general staff said."
    )
    locations, _ = _locations(nlp, text)
    village = _by_name(locations, "Verbove")
    assert (village.admin1, village.latitude is not None) == ("Zaporizhzhia", True)


def test_a_district_of_a_country_the_text_never_names_is_a_namesake(nlp: Language) -> None:
    text = "In South Sudan, clashes erupted in Kolang Payam of former Bor County in Jonglei State on Thursday."
    locations, _ = _locations(nlp, text)
    bor = _by_name(locations, "Bor")
    assert (bor.country, bor.admin1) == ("SS", "Jonglei")


def test_a_small_place_abroad_is_not_the_one_beside_a_district_of_the_text(nlp: Language) -> None:
    text = "Insurgents attacked a position of the security forces at Chai, in Macomia district of Cabo Delgado."
    locations, _ = _locations(nlp, text)
    chai = _by_name(locations, "Chai")
    assert (chai.country, chai.admin1, chai.latitude) == ("MZ", "Cabo Delgado", None)


@pytest.mark.parametrize(
    ("text", "part", "whole", "admin1"),
    [
        ("Israeli strikes hit the Shujaiya neighbourhood of Gaza City on Sunday.", "Shujaiya", "Gaza",
         "Gaza Strip"),
        ("Protesters gathered in Sadr City, a district of Baghdad, on Friday.", "Sadr City", "Baghdad", "Baghdad"),
    ],
)
def test_a_part_of_a_city_leaves_the_city_a_city(
    nlp: Language, text: str, part: str, whole: str, admin1: str
) -> None:
    locations, _ = _locations(nlp, text)
    city = _by_name(locations, whole)
    assert (city.kind, city.admin1) == ("settlement", admin1)
    assert _by_name(locations, part).admin1 == admin1


@pytest.mark.parametrize(
    "text",
    [
        "NAIROBI, Nov 10 (Reuters) - Police fired tear gas at protesters in the Kenyan capital.",
        "BAMAKO, Mar. 3 - Gunmen attacked a checkpoint in central Mali, officials said.",
    ],
)
def test_month_in_a_dateline_is_not_a_place(nlp: Language, text: str) -> None:
    # Gazetteers hold namesakes of month abbreviations (Nov in Tajikistan); in a dateline it is a date.
    locations, _ = _locations(nlp, text)
    assert not [loc for loc in locations if loc.name.lower().rstrip(".") in ("nov", "mar", "march")]
    assert {loc.country for loc in locations} <= {"KE", "ML"}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Five soldiers were killed in a clash in the troubled Swat valley in the northwest.", "Swat", "admin2"),
        ("Israeli strikes hit the Bekaa Valley on Sunday.", "Beqaa", "admin1"),
        ("Settlers attacked a village in the Jordan Valley.", "Jordan", "country"),
    ],
)
def test_a_valley_is_the_place_it_is_named_after(nlp: Language, text: str, name: str, kind: str) -> None:
    locations, _ = _locations(nlp, text)
    assert (_by_name(locations, name).kind) == kind


def test_every_resolved_place_has_coordinates(nlp: Language) -> None:
    text = (
        "Fighting spread across Borno State on Monday while protesters marched in Maiduguri and in Gwoza "
        "district. In Chad, troops were deployed to the border."
    )
    locations, _ = _locations(nlp, text)
    resolved = [loc for loc in locations if loc.gazetteer_id]
    assert {loc.kind for loc in resolved} >= {"admin1", "country", "settlement"}
    assert all(loc.latitude is not None and loc.longitude is not None for loc in resolved)


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("Police arrested two men in Paris, Tenn., on Friday.", "Paris", "US", "Tennessee"),
        ("A march was held in London, Ont., on Saturday.", "London", "CA", "Ontario"),
        ("Students rallied in Moscow, Idaho, on Friday.", "Moscow", "US", "Idaho"),
        ("Gunmen killed a trader in Bosaso (Bari) on Monday.", "Bari", "SO", "Bari"),
    ],
)
def test_the_region_after_a_place_places_it(
    nlp: Language, text: str, name: str, country: str, admin1: str
) -> None:
    locations, _ = _locations(nlp, text)
    place = _by_name(locations, name)
    assert (place.country, place.admin1) == (country, admin1)


def test_a_people_adjective_is_a_modifier_mention_of_its_country(nlp: Language) -> None:
    text = "Russian troops shelled Kupyansk while Ukrainians fled west."
    draft = Draft(Document(id="t", text=text, date=date(2024, 3, 1)))
    off = list(LocationExtractor(people_adjectives=False)(nlp(text), draft).locations)
    assert [loc.name for loc in off] == ["Kupyansk"]  # switched off
    locations, _ = _locations(nlp, text)  # on by default
    russia = _by_name(locations, "Russia")
    assert russia.modifier and russia.kind == "country" and russia.latitude is not None
    assert not _by_name(locations, "Kupyansk").modifier
    ukraine = _by_name(locations, "Ukraine")  # "Ukrainians": a people, read as its country, a modifier
    assert ukraine.modifier and [m.text for m in ukraine.mentions] == ["Ukrainians"]


def test_acled_admin1_names_in_english(nlp: Language) -> None:
    locations, _ = _locations(nlp, "Al Shabaab attacked an army base in Afgooye (Afgooye, Lower Shabelle).")
    assert {loc.admin1 for loc in locations if loc.country == "SO"} == {"Lower Shabelle"}


def test_a_district_governor_is_no_district_named_a(nlp: Language) -> None:
    locations, _ = _locations(nlp, "A district governor said a truck bomb hit an army checkpoint in Khost.")
    assert [loc.name for loc in locations] == ["Khost"]


def test_a_user_lexicon_file_adds_an_abbreviation(tmp_path: Path, nlp: Language) -> None:
    extra = tmp_path / "admin1_abbreviations.toml"
    extra.write_text('[dotted.US]\n"Tennes." = "Tennessee"\n', encoding="utf-8")
    text = "Police arrested two men in Paris, Tennes., on Friday."
    draft = Draft(Document(id="d", text=text, date=date(2024, 3, 15)))
    draft = LocationExtractor(lexicon_files=(extra,))(nlp(text), draft)
    paris = _by_name(list(draft.locations), "Paris")
    assert (paris.country, paris.admin1) == ("US", "Tennessee")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        (
            "A burn ban issued for Walker County was lifted on Monday. Firefighters in Huntsville said the grass"
            " was still dry.",
            "Texas",
        ),
        ("Police in Paris arrested two men on Monday. The Henry County sheriff said they had stolen a truck.",
         "Tennessee"),
    ],
)
def test_a_town_and_its_district_both_named_lie_together(nlp: Language, text: str, admin1: str) -> None:
    locations, _ = _locations(nlp, text)
    assert {(loc.country, loc.admin1) for loc in locations} == {("US", admin1)}


def test_a_dateline_after_a_headline_on_the_same_line(nlp: Language) -> None:
    locations, _ = _locations(nlp, "Budget cuts criticised . COLUMBUS, Ohio (AP) — The governor's plan drew fire.")
    assert (_by_name(locations, "Columbus").admin1, _by_name(locations, "Ohio").kind) == ("Ohio", "admin1")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("West Columbia City Council calls a special meeting. The mayor said it was urgent.", "West Columbia"),
        ("Corporate officials for Northbrook-based Crate & Barrel could not be reached on Monday.", "Northbrook"),
        ("About 55 Gainesville residents marched on Friday near the courthouse.", "Gainesville"),
    ],
)
def test_the_home_town_of_a_local_body_or_of_people_is_a_modifier_mention(
    nlp: Language, text: str, name: str
) -> None:
    location = _by_name(_locations(nlp, text)[0], name)
    assert location.modifier and location.latitude is not None


def test_a_name_said_several_times_votes_once_for_its_region(nlp: Language) -> None:
    text = (
        "Schools in Springfield will close on Monday. Springfield officials said the storm was coming. "
        "Parents in Springfield were told to keep children home. Ohio's governor declared an emergency."
    )
    doc = nlp(text)
    places = DocPlaces(doc, EXTRACTOR.resolver, EXTRACTOR.words, EXTRACTOR.regions)
    places.resolve(find_mentions(doc, EXTRACTOR._known, EXTRACTOR.words))
    regions, _ = places._consensus({})
    springfield = [r for r in places.resolved.values() if r.mention.name == "Springfield"]
    assert len(springfield) == 3 and springfield[0].alternatives > 0
    # "Ohio" once (1) and "Springfield" once (0.5, it has other readings), not three times
    assert regions[("US", "ohio")] - places.admin1_doc[("US", "ohio")] == 1.5


def test_a_region_named_like_a_common_word_stays_a_region(nlp: Language) -> None:
    # "Bay" is a Somali region, not a generic word like "Harbor" or "Area"
    text = "On 3 May 2025, militants fired mortars at an army base in Baidoa (Baydhaba, Bay). Casualties unknown."
    bay = _by_name(_locations(nlp, text)[0], "Bay")
    assert (bay.kind, bay.country) == ("admin1", "SO")


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Rep. Jane Roe, R-Fergus Falls, and Rep. Tom Poe, DFL-Moorhead, backed the Minnesota bill.", "Fergus Falls",
         "Minnesota"),
        ("Deputies arrested Mary Stone, 41, of Southlake in Tarrant County, Texas, on Monday.", "Southlake", "Texas"),
    ],
)  # fmt: skip
def test_a_persons_home_town_after_a_party_initial_or_of(nlp: Language, text: str, name: str, admin1: str) -> None:
    location = _by_name(_locations(nlp, text)[0], name)
    assert location.modifier and location.admin1 == admin1 and location.latitude is not None


def test_peoples_joined_in_one_entity_are_each_read_but_not_after_a_continent(nlp: Language) -> None:
    locations = _locations(nlp, "African American voters and Russian-American artists met in Brooklyn on Friday.")[0]
    names = [loc.name for loc in locations if loc.modifier]
    assert names.count("United States") == 1 and "Russia" in names


def test_a_name_said_several_times_is_no_evidence_for_its_own_reading(nlp: Language) -> None:
    # each Paris read in France at first would count for France beside the next: the three mentions of one
    # name are no evidence for its reading, the Texan places around it are
    text = (
        "Paris police warn of a hoax. A rumour spread across East Texas this week. Paris officers said "
        "the message was false. Several Paris residents called the station. Dallas stations reported the "
        "same message on Wednesday."
    )
    locations, _ = _locations(nlp, text)
    assert {(loc.country, loc.admin1) for loc in locations if loc.name == "Paris"} == {("US", "Texas")}


def test_a_dateline_is_not_a_namesake_outside_the_region_its_sentence_names(nlp: Language) -> None:
    # the dateline says where the report was filed: no namesake of the region its sentence names ("Georgia")
    text = (
        "Witness agrees to testify. XENIA — The girlfriend of a man who died in a Georgia jail last summer "
        "agreed on Monday to a plea deal. Police in Dayton and Springfield had searched for him for weeks."
    )
    locations, _ = _locations(nlp, text)
    assert (_by_name(locations, "Xenia").country, _by_name(locations, "Xenia").admin1) == ("US", "Ohio")


def test_a_district_set_aside_as_abroad_is_read_again_once_the_story_points_to_its_country(
    nlp: Language,
) -> None:
    # the district comes before anything names its country; a country named elsewhere (Greece) made it a
    # namesake abroad until the Californian places after it were read
    text = (
        "Orange County has more people than Greece or Portugal. Voters there are unhappy, a survey found. "
        "Sacramento and Los Angeles have taken note. Many in California watch the county closely."
    )
    locations, _ = _locations(nlp, text)
    county = _by_name(locations, "Orange County")
    assert (county.kind, county.country, county.admin1) == ("admin2", "US", "California")


def test_a_name_a_dateline_gives_is_a_place_where_the_model_reads_a_person(nlp: Language) -> None:
    text = (
        "Dikes hold for now. MOORHEAD, Minn. — The river rose again on Monday. Moorhead raised its goal for sandbags."
    )
    locations, _ = _locations(nlp, text)
    assert [m.text for m in _by_name(locations, "Moorhead").mentions] == ["MOORHEAD", "Moorhead"]
