"""A point for an event at a place no gazetteer knows: the named place beside it that has one.

The locations step never gives a point to a place the gazetteer lacks (a village under 500 people).
An event placed there still lies near the other places its report names: ACLED codes such an event at
the nearest known place with geo precision 2 ("near X"). :func:`nearby_named_place` makes that copy of
the event's location for the events step; the location itself, in ``result.locations``, keeps no point.
When the report names no town or district with a point in the place's region, only the region: ACLED then
codes the event to the region's point with geo precision 3 (:func:`region_point`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ..rules import Example, rule
from ..schema import Decision, Location

__all__ = ["dateline_only", "nearby_named_place", "region_point"]

_UNITS: Final = ("settlement", "admin2")


@rule(
    "places.point.nearby_named_place",
    decides="event.location",
    positive=[
        Example(
            "Militants abducted six villagers in Namoungou (Fada Ngourma, Gourma) on Tuesday.",
            {"event.location.name": "Namoungou", "event.location.geo_precision": 2},
        )
    ],
    negative=[
        Example(
            "Militants abducted six villagers in Fada Ngourma on Tuesday.",
            {"event.location.name": "Fada N'gourma", "event.location.geo_precision": 1},
        ),
        # the dateline's town is where the report was filed, not a place near the village
        Example(
            "BAMAKO, March 4 - Jihadist fighters attacked the army camp in the village of Dinangourou-Sud in central"
            " Mali overnight, killing 12 soldiers, sources said.",
            {"event.location.name": "Dinangourou-Sud", "!event.location.geo_precision": 2},
        ),
    ],
)
def nearby_named_place(place: Location, locations: Sequence[Location]) -> Location | None:
    """An event at a town or district with no point takes the point of the named town or district nearest it
    in the text, in its region (its country when no region is known), at geo precision 2; it keeps its name."""
    if place.latitude is not None or place.kind not in _UNITS or not place.country or not place.mentions:
        return None
    around = [
        loc
        for loc in locations
        if loc.latitude is not None
        and loc.longitude is not None
        and not loc.modifier
        and loc.kind in _UNITS
        and loc.country == place.country
        and (place.admin1 is None or loc.admin1 == place.admin1)
        and not dateline_only(loc)
    ]
    if not around:
        return None
    starts = [m.start for m in place.mentions]

    def apart(loc: Location) -> tuple[int, int]:
        return min(abs(m.start - s) for m in loc.mentions for s in starts), _UNITS.index(loc.kind)

    near = min(around, key=apart)
    return place.model_copy(
        update={
            "latitude": near.latitude,
            "longitude": near.longitude,
            "geo_precision": 2,
            "provenance": (*place.provenance, Decision(field="latitude", rule=nearby_named_place.name)),
        }
    )


def dateline_only(loc: Location) -> bool:
    """Whether a place is named only in the dateline: where the report was filed, no place the story tells of."""
    return len(loc.mentions) == 1 and any(d.rule == "places.mention.dateline" for d in loc.provenance)


@rule(
    "places.point.region_point",
    decides="event.location",
    positive=[
        Example(
            "Militants abducted six villagers in Zorkoum village, Centre-Nord region, on Tuesday.",
            {"event.location.name": "Zorkoum", "event.location.geo_precision": 3},
        )
    ],
    negative=[
        Example(
            # a named town of the region places the event: ACLED's "near X"
            "Militants abducted six villagers in Zorkoum village near Kaya, Centre-Nord region, on Tuesday.",
            {"event.location.name": "Kaya", "event.location.geo_precision": 2},
        )
    ],
)
def region_point(place: Location, locations: Sequence[Location]) -> Location | None:
    """An event at a town or district with no point, in a region the text names, when no town or district of
    that region has a point: the region's representative point, at geo precision 3 (ACLED's code for an
    event known only by its region); it keeps its name. Applied after :func:`nearby_named_place`."""
    if place.latitude is not None or place.kind not in _UNITS or not place.admin1 or not place.mentions:
        return None
    for loc in locations:
        if (
            loc.kind == "admin1"
            and not loc.modifier
            and loc.latitude is not None
            and loc.longitude is not None
            and loc.country == place.country
            and loc.admin1 == place.admin1
        ):
            return place.model_copy(
                update={
                    "latitude": loc.latitude,
                    "longitude": loc.longitude,
                    "geo_precision": 3,
                    "provenance": (*place.provenance, Decision(field="latitude", rule=region_point.name)),
                }
            )
    return None
