"""Country names, demonyms and capitals map to ISO alpha-2 codes."""

from __future__ import annotations

import pytest

from conflict_events.lexicons._countries import (
    all_country_codes,
    capital_city,
    capital_government,
    country_from_demonym,
    country_from_name,
    country_name,
)


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Ukrainian", "UA"),
        ("North Korean", "KP"),
        ("Syrian", "SY"),
        ("Yemeni", "YE"),
        ("Nigerian", "NG"),
        ("Nigerien", "NE"),
        ("Somali", "SO"),
        ("Ethiopian", "ET"),
        ("Tigrayan", "ET"),
        ("Sudanese", "SD"),
        ("South Sudanese", "SS"),
        ("Congolese", "CD"),
        ("Israeli", "IL"),
        ("Palestinian", "PS"),
        ("Burmese", "MM"),
        ("Myanmar", "MM"),
        ("Malian", "ML"),
        ("Burkinabe", "BF"),
        ("Russians", "RU"),
        ("Israelis", "IL"),
        ("russian", "RU"),
    ],
)
def test_demonyms(word: str, code: str) -> None:
    assert country_from_demonym(word) == code


@pytest.mark.parametrize("word", ["Rebel", "Wagner", "Houthi", "soldiers", ""])
def test_non_demonyms(word: str) -> None:
    assert country_from_demonym(word) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("the United States", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("UAE", "AE"),
        ("DRC", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Burma", "MM"),
        ("Gaza Strip", "PS"),
        ("Türkiye", "TR"),
        ("Côte d'Ivoire", "CI"),
        ("Sudan", "SD"),
        ("South Sudan", "SS"),
        ("Niger", "NE"),
    ],
)
def test_country_names(name: str, code: str) -> None:
    assert country_from_name(name) == code


def test_lower_case_abbreviation_is_a_word_not_a_country() -> None:
    # "us" the pronoun and "car" the vehicle must never become countries
    assert country_from_name("us") is None
    assert country_from_name("car") is None
    assert country_from_name("Kursk") is None


@pytest.mark.parametrize(
    ("code", "name"),
    [("UA", "Ukraine"), ("RU", "Russia"), ("SY", "Syria"), ("CD", "Democratic Republic of Congo"),
     ("PS", "Palestine")],
)
def test_acled_country_names(code: str, name: str) -> None:
    assert country_name(code) == name


@pytest.mark.parametrize(
    ("city", "code"),
    [("Moscow", "RU"), ("Kyiv", "UA"), ("Kiev", "UA"), ("Damascus", "SY"), ("Sanaa", "YE"), ("Sana’a", "YE"),
     ("Khartoum", "SD"), ("Kinshasa", "CD"), ("Naypyitaw", "MM"), ("Bamako", "ML")],
)
def test_capitals_as_governments(city: str, code: str) -> None:
    assert capital_government(city) == code


def test_a_non_capital_city_is_no_government() -> None:
    assert capital_government("Bakhmut") is None
    assert capital_government("Goma") is None


def test_capital_city_and_codes() -> None:
    assert capital_city("SD") == "Khartoum"
    assert capital_city("ZZ") is None
    codes = all_country_codes()
    assert {"UA", "RU", "SS", "XK"} <= codes
    assert "SU" not in codes  # historic codes are not current countries
