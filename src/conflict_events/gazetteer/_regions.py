"""Named regions that are not administrative units: Darfur, Donbas, the Sahel, northern Gaza.

The table is data (``lexicons/place_regions.toml``). News names these far more often than the
states or oblasts they span, and no gazetteer of admin units holds them (or it holds a small namesake elsewhere). Each
entry gives the countries it lies in and the admin1 it falls in when that is one
unit; the location is then a ``region`` with that country (none when it spans
several) and that admin1 (none when it spans several), and a representative point: GeoNames' own
point of the region where the table gives one (``point``; seas and oceans, "Middle East", "Darfur"),
else the point of the one admin1 it lies in ("Ghouta" at Rural Damascus's), else none.

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
from functools import lru_cache

from ..lexicons import Lexicon, lexicon
from ._name_keys import name_key

__all__ = ["MacroRegion", "RegionTable", "default_regions", "macro_region"]


@dataclass(frozen=True)
class MacroRegion:
    """A region named in news that is not one admin unit."""

    name: str
    countries: tuple[str, ...]
    admin1: str | None = None
    aliases: tuple[str, ...] = ()
    admin1_of: tuple[str, ...] = ()
    directional: bool = False
    point: tuple[float, float] | None = None

    @property
    def sea(self) -> bool:
        """A sea or an ocean: a point and no country ("the Red Sea"), read only after "the"."""
        return self.point is not None and not self.countries

    @property
    def country(self) -> str | None:
        """The one country it lies in, None when it spans several."""
        return self.countries[0] if len(self.countries) == 1 else None


class RegionTable:
    """The macro-regions of a ``place_regions`` lexicon, looked up by written name.

    >>> from conflict_events.lexicons import lexicon
    >>> RegionTable(lexicon("place_regions")).find("Darfur region").countries
    ('SD',)
    """

    def __init__(self, lex: Lexicon) -> None:
        regions = []
        for name, entry in lex.table("regions").items():
            regions.append(
                MacroRegion(
                    name,
                    tuple(entry.get("countries", ())),
                    entry.get("admin1"),
                    tuple(entry.get("aliases", ())),
                    tuple(entry.get("admin1_of", ())),
                    bool(entry.get("directional", False)),
                    _point(entry.get("point")),
                )
            )
        self._by_key: dict[str, MacroRegion] = {name_key(n): r for r in regions for n in (r.name, *r.aliases)}

    def find(self, name: str, *, direction: str | None = None) -> MacroRegion | None:
        """The macro-region a written name stands for ("the Donbass", "Darfur region"), if any.

        ``direction`` is a lower-case direction word written before the name; a
        directional entry needs one.
        """
        words = name.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) > 1 and words[-1].lower() in ("region", "regions", "area", "areas"):
            base = self._by_key.get(name_key(" ".join(words[:-1])))
            if base is not None:
                words = words[:-1]
        found = self._by_key.get(name_key(" ".join(words)))
        if found is None or (found.directional and not direction):
            return None
        return found


def _point(value: object) -> tuple[float, float] | None:
    """A ``[latitude, longitude]`` pair of the table, if any."""
    if not isinstance(value, list) or len(value) != 2:
        return None
    return (float(value[0]), float(value[1]))


@lru_cache(maxsize=1)
def default_regions() -> RegionTable:
    """The packaged macro-regions (``lexicons/place_regions.toml``)."""
    return RegionTable(lexicon("place_regions"))


def macro_region(name: str, *, direction: str | None = None) -> MacroRegion | None:
    """The packaged macro-region a written name stands for ("the Donbass", "Darfur region"), if any."""
    return default_regions().find(name, direction=direction)
