"""Named regions that are no admin unit."""

from __future__ import annotations

import pytest

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
