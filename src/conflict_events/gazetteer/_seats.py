"""A district's point when the build gave it none: the town of its name in its region.

The build places a district (admin2) at the town GeoNames links to it, else at the town of its own name
(``build.py``). Where GeoNames links no town and spells the town differently from the district
("Bulo Burto" district, "Buulobarde" town; "Laas Caanood" and "Laascaanood"), the district has no point,
and an event known only by its district, or at a village of it, could not be mapped. ACLED codes such an
event at the district's main town (geo precision 2): :func:`district_seat` finds that town, in the same
country and region, by the district's name or a near spelling of it. Nothing is invented: the point is the
gazetteer's own point of that town.
"""

from __future__ import annotations

from typing import Final

from ..lexicons import lexicon
from ..rules import Example, rule
from ._gazetteer_base import Gazetteer, Place
from ._gazetteer_table import TableGazetteer
from ._name_keys import name_key, strip_admin_terms

__all__ = ["district_seat"]

# A near spelling is looked for only among the settlements of the district's own region, so a looser
# cutoff than the resolver's (88) is safe: "Saacow" for Saakow district (83), "Bosaso" for Bossaso (86).
_SEAT_CUTOFF: Final = 83.0
_SEAT_LIMIT: Final = 25
_DISTRICT_PREFIXES: Final = tuple(
    sorted((name_key(w) for w in lexicon("places").words("district_name_prefixes")), key=len, reverse=True)
)


@rule(
    "places.point.district_seat",
    decides="location.latitude",
    positive=[
        Example(
            "Clan militias clashed in Bulo Burto district, Hiraan, on Monday.",
            {"location.name": "Bulo Burto", "location.kind": "admin2", "location.latitude": 3.85375},
        ),
        Example(  # GeoNames' district is "Commune of Savalou": its town is Savalou
            "On 19 May 2021, gunmen seized a herder's motorbike in the village of Gobada (Savalou, Collines).",
            {"location.name": "Commune of Savalou", "event.location.geo_precision": 2},
        ),
    ],
    negative=[
        Example(
            # a district whose town GeoNames links keeps the build's point
            "Clan militias clashed in Qoryooley district, Lower Shabelle, on Monday.",
            {"location.name": "Qoryooley", "location.kind": "admin2", "location.latitude": 1.78784},
        )
    ],
)
def district_seat(gazetteer: Gazetteer, district: Place) -> Place | None:
    """The settlement of a district's name (or a near spelling of it) in the district's country and region,
    the largest of equals; None when the district has a point already or no such town is known."""
    if district.kind != "admin2" or district.latitude is not None:
        return None
    key = name_key(district.name)
    # "Commune of Savalou", "Departement de Maine-Soroa": the town bears the name without the unit's words
    bare = next((key[len(p) :].strip() for p in _DISTRICT_PREFIXES if key.startswith(p + " ")), None)
    names = {district.name, strip_admin_terms(key), *([bare] if bare else [])} - {""}

    def inside(p: Place) -> bool:
        return (
            p.kind == "settlement"
            and p.latitude is not None
            and p.country == district.country
            and p.admin1_code == district.admin1_code
        )

    exact = [p for n in names for p in gazetteer.candidates(n) if inside(p)]
    if exact:
        return max(exact, key=lambda p: p.population)
    near = [(score, p.population, p) for n in names for p, score in _near_spellings(gazetteer, n) if inside(p)]
    return max(near, key=lambda s: (s[0], s[1]))[2] if near else None


def _near_spellings(gazetteer: Gazetteer, name: str) -> list[tuple[Place, float]]:
    """Near spellings of a district's name among every name of its initial where the table allows it (only the
    district's region is kept, so a busy initial's far namesakes do no harm: "Baydhaba" finds Baydhabo)."""
    if isinstance(gazetteer, TableGazetteer):
        return gazetteer.fuzzy(name, limit=_SEAT_LIMIT, cutoff=_SEAT_CUTOFF, whole_initial=True)
    return gazetteer.fuzzy(name, limit=_SEAT_LIMIT, cutoff=_SEAT_CUTOFF)
