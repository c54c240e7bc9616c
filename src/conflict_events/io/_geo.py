"""What the exporters write for a place: its coordinates, and area-level places at precision 3.

ACLED's geo precision 3 means the event is known only to a larger area and is placed at that
area's representative point; a place that *is* an area (a district, a province, a country)
is exported so, whatever precision its record carries.

>>> from conflict_events.schema import Location
>>> export_precision(Location(id="l", name="Donetsk Oblast", kind="admin1", latitude=48.0, longitude=37.8,
...                           geo_precision=1))
3
"""

from __future__ import annotations

from typing import Final

from ..schema import Location

__all__ = ["AREA_KINDS", "export_precision"]

AREA_KINDS: Final = frozenset({"admin1", "admin2", "country", "region"})


def export_precision(location: Location) -> int:
    """ACLED's geo precision for a place: 3 for an area, else the record's own."""
    return 3 if location.kind in AREA_KINDS else location.geo_precision
