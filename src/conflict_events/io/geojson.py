"""GeoJSON: located events as a FeatureCollection of Points with flat properties.

Each event with coordinates becomes one Feature whose geometry is a Point
``[longitude, latitude]`` (GeoJSON's order, RFC 7946) and whose properties are
flat scalars (no nested objects), so GIS tools (QGIS, geopandas, kepler.gl)
show them as attribute columns. Events without coordinates are left out.
The property names follow ACLED's columns where one exists (see
:func:`event_properties`); unlike the ACLED CSV, ``fatalities`` stays ``null``
when unknown.

>>> import datetime as dt
>>> from conflict_events.schema import Document, Event, ExtractionResult, Location, Span, TimeSpan
>>> text = "Shelling hit Kharkiv."
>>> doc = Document(id="d1", text=text, date=dt.date(2025, 1, 5))
>>> place = Location(id="l1", name="Kharkiv", kind="settlement", country="UA", latitude=49.9935,
...                  longitude=36.2304, geo_precision=1)
>>> day = TimeSpan(start=doc.date, end=doc.date, precision="day", anchor=doc.date)
>>> event = Event(id="e1", document_id="d1", event_type="Explosions/Remote violence",
...               sub_event_type="Shelling/artillery/missile attack", trigger=Span.of(text, 0, 8),
...               sentence=Span.of(text, 0, len(text)), date=day, location=place, confidence=0.9,
...               extractor="demo")
>>> collection = to_geojson([ExtractionResult(document=doc, events=(event,), locations=(place,))])
>>> feature = collection["features"][0]
>>> feature["geometry"]
{'type': 'Point', 'coordinates': [36.2304, 49.9935]}
>>> feature["properties"]["sub_event_type"], feature["properties"]["fatalities"]
('Shelling/artillery/missile attack', None)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final

from ..lexicons._countries import country_name
from ..schema import DISORDER_TYPE, Event, ExtractionResult, Location
from ._geo import export_precision
from .acled import _assoc_names, _event_country, _fatality_count, _inter_codes, event_date_of, iso_numeric

__all__ = ["event_properties", "feature_of", "features", "to_geojson", "write_geojson"]

Scalar = str | int | float | bool | None


def event_properties(event: Event, result: ExtractionResult) -> dict[str, Scalar]:
    """One event as flat, typed properties (ACLED's column names where they exist).

    Keys: ``event_id_cnty, document_id, event_date, date_start, date_end,
    time_precision, disorder_type, event_type, sub_event_type, actor1,
    actor1_kind, assoc_actor_1, inter1, actor2, actor2_kind, assoc_actor_2,
    inter2, interaction, civilian_targeting, iso, country_code, country,
    admin1, admin2, location, latitude, longitude, geo_precision, fatalities,
    notes, source, url, confidence, extractor, claim_ids``. Inter codes and the
    interaction are numbers; several actors or ids are joined by ``"; "``.
    """
    country = _event_country(event)
    document = result.document
    return {
        "event_id_cnty": event.id,
        "document_id": event.document_id,
        "event_date": event_date_of(event.date).isoformat(),
        "date_start": event.date.start.isoformat(),
        "date_end": event.date.end.isoformat(),
        "time_precision": event.time_precision,
        "disorder_type": DISORDER_TYPE.get(event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        **_actor_properties(event, country),
        "civilian_targeting": event.civilian_targeting,
        "iso": iso_numeric(country) if country else None,
        "country_code": country,
        "country": country_name(country) if country else None,
        **_place_properties(event.location),
        "fatalities": _fatality_count(event),
        "notes": event.sentence.text.strip(),
        "source": document.source,
        "url": document.url,
        "confidence": event.confidence,
        "extractor": event.extractor,
        "claim_ids": "; ".join(event.claim_ids) or None,
    }


def _actor_properties(event: Event, country: str | None) -> dict[str, Scalar]:
    """Who: the two actors with their kinds, associated actors, inter codes and interaction (null where none)."""
    inter1, inter2, interaction = _inter_codes(event, country)
    actor1, actor2 = event.actor1, event.actor2
    return {
        "actor1": actor1.name if actor1 else None,
        "actor1_kind": actor1.kind if actor1 else None,
        "assoc_actor_1": _assoc_names(event, 1) or None,
        "inter1": inter1 if actor1 else None,
        "actor2": actor2.name if actor2 else None,
        "actor2_kind": actor2.kind if actor2 else None,
        "assoc_actor_2": _assoc_names(event, 2) or None,
        "inter2": inter2 if actor2 else None,
        "interaction": interaction or None,
    }


_PLACE_PROPERTIES: Final = ("admin1", "admin2", "location", "latitude", "longitude", "geo_precision")


def _place_properties(location: Location | None) -> dict[str, Scalar]:
    """Where, below the country: admin areas, the place's name, its point and geo precision (null without one)."""
    if location is None:
        return dict.fromkeys(_PLACE_PROPERTIES)
    return {
        "admin1": location.admin1,
        "admin2": location.admin2,
        "location": location.name,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "geo_precision": export_precision(location),
    }


def feature_of(event: Event, result: ExtractionResult) -> dict[str, Any] | None:
    """A GeoJSON Feature (a Point) for a located event; None when it has no coordinates."""
    location = event.location
    if location is None or location.latitude is None or location.longitude is None:
        return None
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [location.longitude, location.latitude]},
        "properties": event_properties(event, result),
    }


def features(results: Iterable[ExtractionResult]) -> Iterator[dict[str, Any]]:
    """The Features of every located event, one result at a time."""
    for result in results:
        for event in result.events:
            feature = feature_of(event, result)
            if feature is not None:
                yield feature


def to_geojson(results: Iterable[ExtractionResult]) -> dict[str, Any]:
    """A FeatureCollection of every located event (in memory; see :func:`write_geojson` to stream)."""
    return {"type": "FeatureCollection", "features": list(features(results))}


def write_geojson(results: Iterable[ExtractionResult], target: str | Path | IO[str]) -> int:
    """Write a FeatureCollection to a path or open text file, one Feature per line; returns the count.

    Features are written as they come, so a stream of results of any length
    never sits in memory at once.
    """
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8") as handle:
            return _write(results, handle)
    return _write(results, target)


def _write(results: Iterable[ExtractionResult], handle: IO[str]) -> int:
    handle.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for feature in features(results):
        if count:
            handle.write(",\n")
        handle.write(json.dumps(feature, ensure_ascii=False))
        count += 1
    handle.write("\n]}\n")
    return count
