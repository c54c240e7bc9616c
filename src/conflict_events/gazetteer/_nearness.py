"""How much the other names of a document support each reading of a name: readings that lie together.

A local story names several places of one area ("Alexandria", "Osakis" and "Parkers Prairie" all lie in
one county of Minnesota); each name alone has namesakes all over the country, but only one reading of each
lies near a reading of the others. A reading's support is the number of the
document's other names with a reading within :data:`RADIUS_KM`, each weighted by how few readings that
name has (a name with three readings or fewer counts fully, "Washington" with seventy hardly at all).

Readings are put in a grid of one degree, so each is compared with the readings of its own and the
neighbouring cells only: one dictionary look-up per cell, not a comparison of every pair.

>>> from conflict_events.gazetteer import default_gazetteer
>>> support = reading_support(default_gazetteer(), ["Alexandria", "Osakis", "Parkers Prairie"])
>>> best = max(default_gazetteer().candidates("Alexandria"), key=lambda p: support.get(p.geonames_id or 0, 0.0))
>>> best.admin1, support[best.geonames_id or 0]
('Minnesota', 2.0)
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from ._gazetteer_base import Gazetteer, Place
from ._name_keys import name_key, strip_admin_terms

__all__ = ["RADIUS_KM", "reading_support"]

RADIUS_KM: Final = 60.0
_FULL: Final = 3  # a name with this many readings or fewer supports fully
_KM_PER_DEGREE: Final = 111.2
_KINDS: Final = frozenset({"settlement", "admin2"})  # points of towns and districts; a region's is its middle
_MAX_READINGS: Final = 400  # a name with more readings than this is too common to say where


def reading_support(gazetteer: Gazetteer, names: Iterable[str]) -> dict[int, float]:
    """Each reading's (GeoNames id's) support from the other names: the sum, over the other names with a
    reading within :data:`RADIUS_KM`, of ``min(1, 3 / number of that name's readings)``."""
    readings: dict[str, list[Place]] = {}
    regions: dict[str, list[Place]] = {}
    for name in names:
        key = strip_admin_terms(name_key(name))  # "Dublin City" and "Dublin" are one name, not two
        if key in readings or key in regions:
            continue
        candidates = gazetteer.candidates(name)
        found = [
            p
            for p in candidates
            if p.kind in _KINDS and p.latitude is not None and p.longitude is not None and p.geonames_id
        ]
        if 0 < len(found) <= _MAX_READINGS:
            readings[key] = found
        regions[key] = [p for p in candidates if p.kind == "admin1" and p.geonames_id]
    if len(readings) < 2 and not (readings and any(regions.values())):
        return {}
    grid: dict[tuple[int, int], list[tuple[str, int, float, float]]] = defaultdict(list)
    weight: dict[str, float] = {}
    for key, places in readings.items():
        weight[key] = min(1.0, _FULL / len(places))
        for p in places:
            assert p.latitude is not None and p.longitude is not None and p.geonames_id is not None
            cell = (math.floor(p.latitude), math.floor(p.longitude))
            grid[cell].append((key, p.geonames_id, p.latitude, p.longitude))
    out: dict[int, float] = {}
    limit2 = (RADIUS_KM / _KM_PER_DEGREE) ** 2
    for key, places in readings.items():
        for p in places:
            assert p.latitude is not None and p.longitude is not None and p.geonames_id is not None
            near = _names_near(grid, key, p.geonames_id, p.latitude, p.longitude, limit2)
            if near:
                out[p.geonames_id] = max(out.get(p.geonames_id, 0.0), sum(weight[k] for k in near))
    _support_regions(regions, readings, weight, out)
    return out


def _support_regions(
    regions: dict[str, list[Place]], readings: dict[str, list[Place]], weight: dict[str, float], out: dict[int, float]
) -> None:
    """A region's reading is supported by the other names with a reading inside it, up to the support of its
    own town of that name: "Solonchaky, Mykolaiv" supports the Mykolaiv region as much as the city of
    Mykolaiv, so that the names near the city do not decide between the two ("New York" stays the city)."""
    inside: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, places in readings.items():
        for p in places:
            if p.admin1:
                inside[(p.country, name_key(p.admin1))].add(key)
    for key, places in regions.items():
        for p in places:
            region = (p.country, name_key(p.name))
            near = inside.get(region, set()) - {key}
            towns = [
                out.get(q.geonames_id or 0, 0.0)
                for q in readings.get(key, ())
                if (q.country, name_key(q.admin1 or "")) == region
            ]
            if near and towns and p.geonames_id:
                out[p.geonames_id] = min(max(towns), sum(weight[k] for k in near))


def _names_near(
    grid: dict[tuple[int, int], list[tuple[str, int, float, float]]],
    own: str,
    place: int,
    lat: float,
    lon: float,
    limit2: float,
) -> set[str]:
    """The other names with a reading within the radius of (lat, lon) (flat distance scaled by latitude);
    another name of the same place ("Dublin City" for Dublin) is no support."""
    scale = max(math.cos(math.radians(lat)), 0.2)
    reach_lat = math.ceil(RADIUS_KM / _KM_PER_DEGREE)
    reach_lon = math.ceil(RADIUS_KM / (_KM_PER_DEGREE * scale))
    row, col = math.floor(lat), math.floor(lon)
    found: set[str] = set()
    for r in range(row - reach_lat, row + reach_lat + 1):
        for c in range(col - reach_lon, col + reach_lon + 1):
            for key, gid, a, b in grid.get((r, c), ()):
                if key == own or key in found or gid == place:
                    continue
                if (a - lat) ** 2 + ((b - lon) * scale) ** 2 <= limit2:
                    found.add(key)
    return found
