"""The bundled gazetteer and the GeoNames-dump gazetteer."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from conflict_events.errors import InputError
from conflict_events.gazetteer import Gazetteer, GeoNamesDumpGazetteer, default_gazetteer


def _best(name: str) -> tuple[str, str, str | None]:
    place = default_gazetteer().candidates(name)[0]
    return place.name, place.country, place.admin1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sudzha", ("Sudzha", "RU", "Kursk")),
        ("Korenevo", ("Korenevo", "RU", "Kursk")),
        ("Vuhledar", ("Vuhledar", "UA", "Donetsk")),
        ("Chasiv Yar", ("Chasiv Yar", "UA", "Donetsk")),
        ("Velyka Novosilka", ("Velyka Novosilka", "UA", "Donetsk")),
        ("Khan Younis", ("Khan Yunis", "PS", "Gaza Strip")),
        ("El Fasher", ("El Fasher", "SD", "North Darfur")),
        ("Goma", ("Goma", "CD", "Nord-Kivu")),
        ("Lashio", ("Lashio", "MM", "Shan")),
        ("Djibo", ("Djibo", "BF", "Sahel")),
        ("Maiduguri", ("Maiduguri", "NG", "Borno")),
    ],
)
def test_conflict_places_resolve_with_english_admin1(name: str, expected: tuple[str, str, str]) -> None:
    assert _best(name) == expected


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Kiev", "Kyiv"),
        ("Kharkov", "Kharkiv"),
        ("Artemivsk", "Bakhmut"),
        ("Kupiansk", "Kupyansk"),
        ("Al-Fashir", "El Fasher"),
    ],
)
def test_alternate_names_normalise_to_one_form(variant: str, canonical: str) -> None:
    assert default_gazetteer().candidates(variant)[0].name == canonical


@pytest.mark.parametrize(
    ("country", "code", "english"),
    [
        ("RU", "41", "Kursk"),
        ("UA", "05", "Donetsk"),
        ("SY", "09", "Aleppo"),
        ("YE", "08", "Al Hudaydah"),
        ("ET", "53", "Tigray"),
        ("CD", "11", "Nord-Kivu"),
        ("SO", "02", "Banadir"),
        ("NG", "57", "Zamfara"),
    ],
)
def test_admin1_names_are_english_as_acled_writes_them(country: str, code: str, english: str) -> None:
    assert default_gazetteer().admin1_name(country, code) == english


@pytest.mark.parametrize(
    ("country", "written", "english"),
    [
        ("UA", "Donetsk Oblast", "Donetsk"),
        ("RU", "Kursk region", "Kursk"),
        ("SY", "Idlib Governorate", "Idleb"),
        ("MM", "Shan State", "Shan"),
        ("SD", "North Darfur", "North Darfur"),
    ],
)
def test_admin1_found_by_the_name_the_text_uses(country: str, written: str, english: str) -> None:
    place = default_gazetteer().admin1_place(country, written)
    assert place is not None and place.name == english and place.kind == "admin1"


def test_unknown_names_and_fuzzy_identity() -> None:
    gaz = default_gazetteer()
    assert gaz.candidates("Berdin") == []
    # a near spelling must not change the place's identity
    assert all(p.name != "Oberding" for p, _ in gaz.fuzzy("Berdin", cutoff=80))
    assert [p.name for p, _ in gaz.fuzzy("Kupyanskk")][:1] == ["Kupyansk"]


def test_places_carry_geonames_ids_and_coordinates() -> None:
    kyiv = default_gazetteer().candidates("Kyiv")[0]
    assert kyiv.gazetteer_id == "geonames:703448"
    assert kyiv.latitude is not None and 50 < kyiv.latitude < 51
    assert isinstance(default_gazetteer(), Gazetteer)


@pytest.mark.parametrize(
    ("region", "country", "south", "north"),
    [
        ("Ontario", "CA", 48.0, 51.0),  # its towns crowd its southern edge, around 44 N
        ("British Columbia", "CA", 52.5, 55.5),
        ("Alaska", "US", 62.5, 65.5),
        ("Texas", "US", 30.5, 32.0),
    ],
)
def test_a_region_point_lies_in_the_middle_of_its_land_not_of_its_towns(
    region: str, country: str, south: float, north: float
) -> None:
    place = default_gazetteer().admin1_place(country, region)
    assert place is not None and place.latitude is not None
    assert south < place.latitude < north


def _dump_line(
    gid: int,
    name: str,
    alternates: str,
    fclass: str,
    fcode: str,
    cc: str,
    a1: str,
    a2: str = "",
    population: int = 0,
) -> str:
    return "\t".join(
        [
            str(gid),
            name,
            name,
            alternates,
            "51.41",
            "35.09",
            fclass,
            fcode,
            cc,
            "",
            a1,
            a2,
            "",
            "",
            str(population),
            "",
            "180",
            "Europe/Moscow",
            "2024-05-01",
        ]
    )


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    lines = [
        _dump_line(900001, "Berdin", "Berdino,Бердин", "P", "PPL", "RU", "41", "111", 120),
        _dump_line(900002, "Korenevskiy Rayon", "", "A", "ADM2", "RU", "41", "111"),
        _dump_line(900003, "Snagost'", "Snagost", "H", "STM", "RU", "41"),
        _dump_line(900004, "Kolosova", "", "P", "PPL", "RU", "41", "111", 40),
    ]
    path = tmp_path / "RU.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dump_adds_villages_to_the_bundled_data(dump: Path) -> None:
    gaz = GeoNamesDumpGazetteer(dump)
    berdin = gaz.candidates("Berdin")[0]
    assert (berdin.name, berdin.kind, berdin.country, berdin.admin1) == (
        "Berdin",
        "settlement",
        "RU",
        "Kursk",
    )
    assert berdin.admin2 == "Korenevskiy Rayon"
    assert berdin.gazetteer_id == "geonames:900001"
    assert gaz.candidates("Berdino")[0].geonames_id == 900001
    assert gaz.candidates("Snagost")[0].kind == "feature"
    # the bundled places are still there
    assert gaz.candidates("Sudzha")[0].admin1 == "Kursk"


def test_dump_without_fallback_holds_only_its_own_places(dump: Path) -> None:
    gaz = GeoNamesDumpGazetteer(dump, use_fallback=False)
    assert gaz.candidates("Sudzha") == []
    assert gaz.candidates("Kolosova")[0].population == 40


def test_gzipped_dump(dump: Path, tmp_path: Path) -> None:
    packed = tmp_path / "RU.txt.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as f:
        f.write(dump.read_text(encoding="utf-8"))
    assert GeoNamesDumpGazetteer(packed, use_fallback=False).candidates("Berdin")


def test_malformed_dump_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("123\tOnly\ttwo\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.txt"):
        GeoNamesDumpGazetteer(bad, use_fallback=False)
    with pytest.raises(InputError, match=r"missing\.txt"):
        GeoNamesDumpGazetteer(tmp_path / "missing.txt", use_fallback=False)


def test_every_admin1_with_settlements_has_a_representative_point() -> None:
    gaz = default_gazetteer()
    kursk = gaz.admin1_place("RU", "Kursk")
    texas = gaz.admin1_place("US", "Texas")
    assert kursk is not None and texas is not None
    # the centre of the region's spread, not its largest city (Houston is 400 km from Texas's centre)
    assert abs(texas.latitude - 31.2) < 1.5 and abs(texas.longitude + 99.3) < 1.5  # type: ignore[operator]
    assert abs(kursk.latitude - 51.6) < 1.0 and abs(kursk.longitude - 36.2) < 1.5  # type: ignore[operator]


def test_a_district_is_placed_at_its_main_town() -> None:
    districts = [p for p in default_gazetteer().candidates("Belet Weyne") if p.kind == "admin2"]
    town = next(p for p in default_gazetteer().candidates("Beledweyne") if p.kind == "settlement")
    assert districts and (districts[0].latitude, districts[0].longitude) == (town.latitude, town.longitude)


@pytest.mark.parametrize(("code", "lat", "lon"), [("US", 39.8, -98.5), ("RU", 60.0, 100.0), ("SO", 6.0, 48.0)])
def test_countries_have_a_point_near_their_centre(code: str, lat: float, lon: float) -> None:
    country = default_gazetteer().country(code)
    assert country is not None and country.kind == "country"
    assert abs(country.latitude - lat) < 2.0 and abs(country.longitude - lon) < 2.5  # type: ignore[operator]


def test_continents_are_regions_with_a_point() -> None:
    europe = default_gazetteer().candidates("Europe")[0]
    assert (europe.kind, europe.country) == ("region", "")
    assert europe.latitude is not None
