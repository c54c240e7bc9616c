"""First-level regions' representative points from the land nearest their settlements (used by the build).

GeoNames places a province near the middle of its land; the middle of its settlements lies where people
live, often far to one side (Ontario's towns crowd its southern edge, 360 km from the middle of the
province). The shapes of admin1 units ship with no PyPI package; the country's land and the region of each
of its settlements do. So the land of a country is sampled on an even grid, each sample goes to the region
of the settlement nearest it, and a region's point is the mean of its samples: the centroid of the region's
share of the land, which follows its shape wherever its settlements are.

>>> towns = [(10.0, 10.0, "A"), (10.0, 12.0, "B")]
>>> centres = land_centres(towns, lambda lat, lon: 9.0 <= lat <= 11.0 and 9.0 <= lon <= 13.0,
...                        (9.0, 11.0, 9.0, 13.0), step=0.1, least=10)
>>> [(code, round(lat), round(lon)) for code, (lat, lon) in sorted(centres.items())]
[('A', 10, 10), ('B', 10, 12)]
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable

__all__ = ["land_centres"]

_Town = tuple[float, float, str]


def land_centres(
    towns: Iterable[_Town],
    on_land: Callable[[float, float], bool],
    box: tuple[float, float, float, float],
    *,
    step: float = 0.25,
    least: int = 30,
) -> dict[str, tuple[float, float]]:
    """Region code -> the mean of the land samples nearer one of its ``towns`` (lat, lon, region) than any
    other's; ``on_land(lat, lon)`` says whether a point is the country's land, ``box`` is (south, north,
    west, east). Regions with fewer than ``least`` samples (small ones, where the grid is too coarse) and
    countries that straddle the date line get none: the caller keeps its own point for them."""
    towns = list(towns)
    south, north, west, east = box
    if not towns:
        return {}
    if east - west > 180:  # across the date line (the Aleutians, Chukotka): longitudes from 0 to 360
        def shifted(lon: float) -> float:
            return lon + 360 if lon < 0 else lon

        towns = [(t[0], shifted(t[1]), t[2]) for t in towns]
        lons = [t[1] for t in towns]
        centres = land_centres(
            towns, lambda a, b: on_land(a, b - 360 if b > 180 else b), (south, north, min(lons) - 1, max(lons) + 1),
            step=step, least=least,
        )
        return {k: (a, b - 360 if b > 180 else b) for k, (a, b) in centres.items()}
    cells: dict[tuple[int, int], list[_Town]] = defaultdict(list)
    for t in towns:
        cells[(math.floor(t[0]), math.floor(t[1]))].append(t)
    near: dict[tuple[int, int], list[_Town]] = {}
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    lat = south + step / 2
    while lat < north:
        scale = max(math.cos(math.radians(lat)), 0.05)
        lon_step = step / scale  # even samples by area
        lon = west + lon_step / 2
        while lon < east:
            if on_land(lat, lon):
                cell = (math.floor(lat), math.floor(lon))
                if cell not in near:
                    near[cell] = _around(cells, cell)
                region = _nearest(near[cell], lat, lon, scale)
                acc = sums[region]
                acc[0] += lat
                acc[1] += lon
                acc[2] += 1
            lon += lon_step
        lat += step
    return {region: (a[0] / a[2], a[1] / a[2]) for region, a in sums.items() if a[2] >= least}


def _around(cells: dict[tuple[int, int], list[_Town]], cell: tuple[int, int]) -> list[_Town]:
    """The towns of the nearest ring of one-degree cells around ``cell`` that holds any, and of the ring
    beyond it (a town in the next ring can still be nearer than one in a corner of the first)."""
    for radius in range(0, 90):
        found = _ring(cells, cell, radius)
        if found:
            return found + _ring(cells, cell, radius + 1)
    return []


def _ring(cells: dict[tuple[int, int], list[_Town]], cell: tuple[int, int], radius: int) -> list[_Town]:
    y, x = cell
    out: list[_Town] = []
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            if max(abs(dy), abs(dx)) == radius:
                out += cells.get((y + dy, x + dx), ())
    return out


def _nearest(towns: list[_Town], lat: float, lon: float, scale: float) -> str:
    return min(towns, key=lambda t: (t[0] - lat) ** 2 + ((t[1] - lon) * scale) ** 2)[2]
