"""Which of a sentence's places an event happened at, when one of them only says where another lies.

Reports, and ACLED's notes above all, write a place followed by the area it lies in: "Moura, Mopti",
"Chasiv Yar, Donetsk", "Namoungou (Fada Ngourma, Gourma)". When the area is a region or district whose capital
shares its name, or a town in brackets, the gazetteer reads a settlement as specific as the place before it,
and the place before it may be a village no gazetteer knows (ranked below any located town). The event is at
the place the area qualifies, not at the area's town.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ..gazetteer import name_key
from ..rules import Example, rule
from ..schema import Location

__all__ = ["place_before_its_area"]

_AREA_GAPS: Final = frozenset({",", "("})
_PLACES: Final = frozenset({"settlement", "feature"})


def _named_like_its_area(loc: Location) -> bool:
    """A town whose name is its region's or district's ("Mopti" in Mopti region; "Veracruz" in Veracruz de
    Ignacio de la Llave)."""
    own = name_key(loc.name)
    return any(
        area and (name_key(area) == own or name_key(area).startswith(own + " ")) for area in (loc.admin1, loc.admin2)
    )


@rule(
    "events.place.place_before_its_area",
    decides="event.location",
    positive=[
        Example(
            "Gunmen killed three herders in Moura, Mopti, on Sunday.",
            {"event.location.name": "Moura", "event.location.admin1": "Mopti"},
        ),
        Example(  # a village no gazetteer knows under the region's name ("Sumy" the town to the gazetteer)
            "On 1 December 2023, Russian forces shelled Stepok, Sumy. There were no casualties.",
            {"event.location.name": "Stepok", "event.location.geo_precision": 2},
        ),
    ],
    negative=[
        Example("Gunmen killed three herders in Mopti on Sunday.", {"event.location.name": "Mopti"}),
        Example(  # a list of towns, each where it is, not a town and its area
            "Gunmen killed three herders in Djenne and Mopti on Sunday.",
            {"event.location.name": "Djenne"},
        ),
    ],
)
def place_before_its_area(best: Location, candidates: Sequence[Location], text: str) -> Location | None:
    """A town written in a bracket right after another place of its region, or a town named like its region or
    district written after one and a comma, names the area the other lies in: the event is at the other place."""
    if best.kind not in _PLACES or not best.country:
        return None
    # a bracket after a place holds the areas it lies in ("Namoungou (Fada Ngourma, Gourma)"); after a comma,
    # only a town named like its area is read as that area ("Mopti"): "Djenne, Mopti" may be a list
    gaps = {"("} if not _named_like_its_area(best) else _AREA_GAPS
    for other in candidates:
        if (
            other is best
            or other.kind not in _PLACES
            or other.modifier
            or other.country != best.country
            or (other.admin1 is not None and other.admin1 != best.admin1)
        ):
            continue
        for before in other.mentions:
            if any(before.end <= b.start and text[before.end : b.start].strip() in gaps for b in best.mentions):
                return other
    return None
