"""Is a dataset row's point in the country it names? Errors, warnings, and what is fine.

A point on the country's land (or within ``SLACK_KM`` of it: the shapes are simplified to about
1 km, small islands are missing, and exports round coordinates) is fine. A point at sea within
200 nautical miles of the country's coast (a naval event, a boat off the shore), on a
neighbour's land within ``BORDER_KM`` of the country's border, or in an area no listed country
holds (Abyei, the Golan Heights) within 200 nautical miles, is a warning: worth a look, often
right. Anything farther (another country well inland, open ocean, another continent: a swapped
or mistyped coordinate) is an error. Countries the bundled shapes lack fall back to the box of the
gazetteer's places (:func:`conflict_events.io.acled.inside_country`).

>>> check_point("UA", 43.389, 36.519)[:2]
('warning', 'off_coast')
>>> check_point("SR", 2.3554, -56.7879) is None
True
>>> check_point("UA", -15.79, -47.88)[:2]
('error', 'country_extent')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from ..gazetteer import country_shapes
from ..lexicons._countries import country_name

__all__ = ["BORDER_KM", "SEA_KM", "SLACK_KM", "TERRITORIAL_KM", "check_point", "has_shape"]

SLACK_KM: Final = 3.0
TERRITORIAL_KM: Final = 22.2  # 12 nautical miles
BORDER_KM: Final = 50.0
SEA_KM: Final = 370.4  # 200 nautical miles: an exclusive economic zone

# (severity, rule without the format's prefix, reason)
Finding = tuple[str, str, str]


@lru_cache(maxsize=65536)  # exports repeat places: a place off its country costs its search once
def check_point(country: str, lat: float, lon: float) -> Finding | None:
    """What is wrong with a point said to be in ``country`` (ISO alpha-2); None when nothing is, or
    when the shapes do not have the country (see :func:`has_shape`)."""
    shapes = country_shapes()
    if shapes.contains(country, lat, lon) is not False:
        return None  # on its land (the fast path: one array look-up for most points), or unknown
    distance = shapes.distance_km(country, lat, lon, SEA_KM)
    if distance is not None and distance <= SLACK_KM:
        return None
    name = country_name(country) or country
    where = shapes.country_at(lat, lon)
    point = f"({lat}, {lon})"
    if where is None:
        if distance is None:
            return "error", "country_extent", f"{point} is at sea, more than {SEA_KM:.0f} km from {name}"
        waters = " (within its territorial waters)" if distance <= TERRITORIAL_KM else ""
        return "warning", "off_coast", f"{point} is at sea, {distance:.0f} km off the coast of {name}{waters}"
    if not where and distance is not None:
        return ("warning", "near_border",
                f"{point} is in an area no listed country holds, {distance:.0f} km from {name}")
    other = (country_name(where) or where) if where else "an area no listed country holds"
    if distance is not None and distance <= BORDER_KM:
        return "warning", "near_border", f"{point} is in {other}, {distance:.0f} km from the border of {name}"
    how_far = f"{distance:.0f} km" if distance is not None else f"more than {SEA_KM:.0f} km"
    return "error", "country_extent", f"{point} is in {other}, {how_far} from {name}"


def has_shape(country: str) -> bool:
    """Whether the bundled shapes have ``country`` (ISO alpha-2)."""
    return country_shapes().knows(country)
