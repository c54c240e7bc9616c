"""Named regions that are not administrative units: Darfur, Donbas, the Sahel, northern Gaza.

News names these far more often than the states or oblasts they span, and no
gazetteer of admin units holds them (or it holds a small namesake elsewhere). Each
entry gives the countries it lies in and the admin1 it falls in when that is one
unit; the location is then a ``region`` with that country (none when it spans
several) and that admin1 (none when it spans several), never with coordinates.

``admin1_of`` lists countries where the same name is also an admin1 (Burkina
Faso's Sahel region): a mention tied to such a country by its sentence is that
admin1, not the macro-region.

``directional`` entries are read only with a lower-case direction word before
the name ("northern Gaza", "southern Gaza"): bare "Gaza" is Gaza City.

>>> macro_region("Darfur").countries, macro_region("the Donbass").admin1
(('SD',), None)
>>> macro_region("Gaza") is None, macro_region("Gaza", direction="northern").admin1
(True, 'Gaza Strip')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ._name_keys import name_key

__all__ = ["MacroRegion", "macro_region"]


@dataclass(frozen=True)
class MacroRegion:
    """A region named in news that is not one admin unit."""

    name: str
    countries: tuple[str, ...]
    admin1: str | None = None
    aliases: tuple[str, ...] = ()
    admin1_of: tuple[str, ...] = ()
    directional: bool = False

    @property
    def country(self) -> str | None:
        """The one country it lies in, None when it spans several."""
        return self.countries[0] if len(self.countries) == 1 else None


_REGIONS: Final[tuple[MacroRegion, ...]] = (
    # Sudan: the five Darfur states, the three Kordofan states
    MacroRegion("Darfur", ("SD",)),
    MacroRegion("Kordofan", ("SD",)),
    MacroRegion("Nuba Mountains", ("SD",), "South Kordofan"),
    MacroRegion("Greater Khartoum", ("SD",), "Khartoum"),
    # Ukraine: Donetsk and Luhansk oblasts
    MacroRegion("Donbas", ("UA",), aliases=("Donbass",)),
    # Africa across borders
    MacroRegion("Sahel", ("ML", "BF", "NE", "TD", "MR", "SN", "NG", "SD"), admin1_of=("BF",)),
    MacroRegion("Lake Chad Basin", ("NG", "NE", "TD", "CM"), aliases=("Lake Chad region",)),
    MacroRegion("Liptako-Gourma", ("ML", "BF", "NE"), aliases=("Liptako Gourma",)),
    MacroRegion("Azawad", ("ML",)),
    MacroRegion("Middle Belt", ("NG",)),
    MacroRegion("Ambazonia", ("CM",)),
    MacroRegion("Kivus", ("CD",), aliases=("Kivu",)),
    MacroRegion("Jubaland", ("SO",)),
    MacroRegion("Puntland", ("SO",)),
    MacroRegion("Somaliland", ("SO",)),
    MacroRegion("Ogaden", ("ET",), "Somali"),
    # Middle East and Asia
    MacroRegion("Sinai", ("EG",), aliases=("Sinai Peninsula",)),
    MacroRegion("Kurdistan Region", ("IQ",), aliases=("Iraqi Kurdistan",)),
    MacroRegion("Nineveh Plains", ("IQ",), "Nineveh", aliases=("Nineveh Plain",)),
    MacroRegion("Galilee", ("IL",), "Northern District"),
    MacroRegion("Tihama", ("YE",)),
    MacroRegion("Kashmir", ("IN", "PK")),
    MacroRegion("Waziristan", ("PK",), "Khyber Pakhtunkhwa"),
    MacroRegion("tribal areas", ("PK",), "Khyber Pakhtunkhwa", aliases=("FATA",)),
    # Latin America
    MacroRegion("Catatumbo", ("CO",), "Norte de Santander"),
    # Parts of the Gaza Strip, said with a direction word
    MacroRegion("Gaza", ("PS",), "Gaza Strip", directional=True),
)

_BY_KEY: Final[dict[str, MacroRegion]] = {
    name_key(n): r for r in _REGIONS for n in (r.name, *r.aliases)
}


def macro_region(name: str, *, direction: str | None = None) -> MacroRegion | None:
    """The macro-region a written name stands for ("the Donbass", "Darfur region"), if any.

    ``direction`` is a lower-case direction word written before the name; a
    directional entry needs one.
    """
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in ("region", "regions", "area", "areas"):
        base = _BY_KEY.get(name_key(" ".join(words[:-1])))
        if base is not None:
            words = words[:-1]
    found = _BY_KEY.get(name_key(" ".join(words)))
    if found is None or (found.directional and not direction):
        return None
    return found
