"""Canonical names: ACLED's forms for state forces, governments and generic actors."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events.actors import (
    generic_name,
    government_of,
    military_forces,
    police_forces,
    same_actor_name,
    strip_years,
)


@pytest.mark.parametrize(
    ("code", "date", "name"),
    [
        ("UA", dt.date(2025, 1, 5), "Military Forces of Ukraine (2019-)"),
        ("RU", dt.date(2022, 7, 29), "Military Forces of Russia (2000-)"),
        ("US", dt.date(2024, 3, 1), "Military Forces of the United States (2021-2025)"),
        ("CD", dt.date(2024, 2, 7), "Military Forces of the Democratic Republic of Congo (2019-)"),
        ("KP", dt.date(2025, 1, 5), "Military Forces of North Korea"),
        # the regimes of the Americas and Asia: the term a date falls in, the boundary day the new one
        ("EC", dt.date(2023, 11, 22), "Military Forces of Ecuador (2021-2023)"),
        ("EC", dt.date(2023, 11, 23), "Military Forces of Ecuador (2023-)"),
        ("PE", dt.date(2023, 1, 15), "Military Forces of Peru (2022-2025)"),
        ("LK", dt.date(2024, 1, 1), "Military Forces of Sri Lanka (2022-2024)"),
        ("KR", dt.date(2024, 12, 3), "Military Forces of South Korea (2022-2025)"),
    ],
)
def test_military_forces_take_regime_years_and_the(code: str, date: dt.date, name: str) -> None:
    assert military_forces(code, date) == name


def test_police_government_and_generic_names() -> None:
    assert police_forces("NG", dt.date(2024, 1, 1)) == "Police Forces of Nigeria (2023-)"
    assert police_forces("PH", None) == "Police Forces of the Philippines"
    assert government_of("UA") == "Government of Ukraine"
    assert generic_name("Civilians", "PS") == "Civilians (Palestine)"
    assert generic_name("Unidentified Armed Group", "ML") == "Unidentified Armed Group (Mali)"


def test_years_are_optional_when_comparing_names() -> None:
    assert same_actor_name("Military Forces of Syria (2000-2024)", "Military Forces of Syria")
    assert not same_actor_name("Military Forces of Syria", "Military Forces of Russia")
    assert not same_actor_name("Civilians (Sudan)", "Civilians (Chad)")
    assert strip_years("Military Forces of Ukraine (2019-) Navy") == "Military Forces of Ukraine Navy"
