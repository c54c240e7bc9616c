"""The alias table: built-in entries, user tables, regime years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conflict_events.actors import ActorTable, ActorTableError
from conflict_events.errors import ConflictEventsError


def test_builtin_entries_have_acled_names_and_kinds() -> None:
    table = ActorTable.load()
    m23 = table.entry("March 23 Movement")
    assert m23 is not None and m23.name == "M23: March 23 Movement" and m23.kind == "rebel_group"
    assert m23.country == "CD"
    assert table.entry("UNICEF") is None  # an acronym is not an alias...
    assert [e.name for e in table.by_acronym("UNICEF")] == ["UNICEF: United Nations Children's Fund"]
    assert table.by_acronym("UNICEF")[0].country is None  # ...and a UN agency has no country


def test_aliases_ignore_case_hyphens_and_curly_apostrophes() -> None:
    table = ActorTable.load()
    assert table.entry("al shabab") == table.entry("Al-Shabaab")
    assert table.entry("Tigray People’s Liberation Front") == table.entry("TIGRAY PEOPLE'S LIBERATION FRONT")


def test_acronyms_are_case_sensitive() -> None:
    table = ActorTable.load()
    assert table.by_acronym("RSF") and not table.by_acronym("rsf")


@pytest.mark.parametrize(
    ("country", "date", "years"),
    [
        ("RU", dt.date(2025, 1, 5), "2000-"),
        ("UA", dt.date(2022, 7, 29), "2019-"),
        ("UA", dt.date(2016, 1, 1), "2014-2019"),
        ("NG", dt.date(2018, 12, 24), "2015-2023"),
        ("NG", dt.date(2023, 5, 29), "2023-"),
        ("SY", dt.date(2018, 6, 10), "2000-2024"),
        ("SY", dt.date(2025, 2, 1), "2024-"),
        ("SO", dt.date(2024, 3, 24), "2022-"),
        ("YE", dt.date(2018, 7, 3), "2012-2022"),  # Hadi until the Presidential Leadership Council
        ("KP", dt.date(2025, 1, 5), None),
    ],
)
def test_regime_years_follow_the_document_date(country: str, date: dt.date, years: str | None) -> None:
    assert ActorTable.load().regime_years(country, date) == years


def test_user_table_adds_entries_and_wins_over_builtin(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text(
        """
[[actor]]
name = "Zone Defence Group"
kind = "political_militia"
country = "CF"
aliases = ["ZDG militia"]

[[actor]]
name = "Harakat al-Shabaab al-Mujahideen"
kind = "rebel_group"
country = "SO"
aliases = ["al-Shabab"]

[[regime]]
country = "KP"
from = "2011-12-17"
years = "2011-"
""",
        encoding="utf-8",
    )
    table = ActorTable.load([user])
    assert table.entry("zdg militia").name == "Zone Defence Group"  # type: ignore[union-attr]
    assert table.entry("al-Shabab").name == "Harakat al-Shabaab al-Mujahideen"  # type: ignore[union-attr]
    assert table.regime_years("KP", dt.date(2025, 1, 5)) == "2011-"
    assert ActorTable.load().entry("al-Shabab").name == "Al Shabaab"  # type: ignore[union-attr]


def test_bad_user_tables_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[[actor]]\nname = "X"\nkind = "warlord"\n', encoding="utf-8")
    with pytest.raises(ActorTableError, match=r"broken\.toml") as err:
        ActorTable.load([broken])
    assert isinstance(err.value, ConflictEventsError) and "warlord" in str(err.value)
    with pytest.raises(ActorTableError, match=r"missing\.toml"):
        ActorTable.load([tmp_path / "missing.toml"])
