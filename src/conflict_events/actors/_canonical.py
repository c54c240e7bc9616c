"""ACLED-style canonical names for state forces, governments and generic actors.

>>> import datetime as dt
>>> military_forces("UA", dt.date(2025, 1, 5))
'Military Forces of Ukraine (2019-)'
>>> police_forces("NG", dt.date(2018, 12, 24))
'Police Forces of Nigeria (2015-2023)'
>>> military_forces("KP", dt.date(2025, 1, 5))
'Military Forces of North Korea'
>>> generic_name("Civilians", "SD"), generic_name("Protesters", None)
('Civilians (Sudan)', 'Protesters')
>>> same_actor_name("Military Forces of Syria (2000-2024)", "military forces of syria")
True
"""

from __future__ import annotations

import datetime as dt
import re

from ..lexicons._countries import THE_COUNTRIES, country_name
from ._actor_table import ActorTable

__all__ = [
    "THE_COUNTRIES",
    "country_label",
    "generic_name",
    "government_of",
    "military_forces",
    "police_forces",
    "same_actor_name",
    "strip_years",
]


_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


def country_label(code: str) -> str:
    """The country as it stands in an actor name ("the United States", "Ukraine")."""
    name = country_name(code) or code
    return f"the {name}" if code in THE_COUNTRIES else name


def _state_name(prefix: str, code: str, on: dt.date | None, table: ActorTable | None) -> str:
    table = table or ActorTable.load()
    years = table.regime_years(code, on) if on is not None else None
    base = f"{prefix} of {country_label(code)}"
    return f"{base} ({years})" if years else base


def military_forces(code: str, on: dt.date | None = None, table: ActorTable | None = None) -> str:
    """``Military Forces of <Country> (<regime years>)``; the years come from the regime table."""
    return _state_name("Military Forces", code, on, table)


def police_forces(code: str, on: dt.date | None = None, table: ActorTable | None = None) -> str:
    """``Police Forces of <Country> (<regime years>)``."""
    return _state_name("Police Forces", code, on, table)


def government_of(code: str, on: dt.date | None = None, table: ActorTable | None = None) -> str:
    """``Government of <Country>`` (no years: speakers and signatories, not ACLED state forces)."""
    return f"Government of {country_label(code)}"


def generic_name(label: str, code: str | None) -> str:
    """``Label (Country)`` for ACLED's generic actors; the bare label when the country is unknown."""
    if code is None:
        return label
    return f"{label} ({country_name(code) or code})"


def strip_years(name: str) -> str:
    """The name without its regime years; a unit after the years stays.

    >>> strip_years("Military Forces of Russia (2000-)"), strip_years("Civilians (Sudan)")
    ('Military Forces of Russia', 'Civilians (Sudan)')
    >>> strip_years("Military Forces of Ukraine (2019-) Navy")
    'Military Forces of Ukraine Navy'
    """
    return " ".join(_YEARS.sub(" ", name).split())


def same_actor_name(a: str, b: str) -> bool:
    """Whether two canonical names are the same actor, the trailing parenthesis being optional."""

    def key(name: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", strip_years(name).lower()).split())

    return key(a) == key(b)
