"""What the store reads of an extraction result's JSON line, checked fast.

Ingest reads many lines, so it does not build the full pydantic models of
:class:`~conflict_events.schema.ExtractionResult` (four times the cost of
reading the JSON). It checks each line against typed dictionaries of the fields
the store keeps, with the schema's own types and vocabularies (in pydantic's
compiled validator, so the check costs little more than parsing), then the
rules the store relies on: sub-event types belong to their event type, stored
spans lie inside the text, and every id an event or claim names is in the
result. Fields the store does not keep (mentions, times; of provenance only what fusion reads) are not
checked; ``conflict-events validate`` checks a file against the whole schema.

>>> record = read_record(b'{"document": {"id": "a", "text": "Calm.", "date": "2025-01-05"}}')
>>> record["document"]["date"]
datetime.date(2025, 1, 5)
>>> read_record(b'{"document": {"id": "a", "text": "Calm."}}')
Traceback (most recent call last):
...
ValueError: document.date: Field required
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final, NotRequired

from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict

from ..schema import SUB_EVENT_TYPES
from ..schema._taxonomy import EventTypeName
from ..schema._types import (
    ActorKind,
    ClaimKind,
    Confidence,
    CountryCode,
    FigureCategory,
    GeoPrecision,
    Id,
    Latitude,
    LocationKind,
    Longitude,
    NonNegativeInt,
    Offset,
    Precision,
)

__all__ = ["ResultRecord", "read_record"]


class SpanRecord(TypedDict):
    start: Offset
    end: Offset


class RefRecord(TypedDict):
    id: Id


class EventPlaceRecord(TypedDict):
    """An event's place: the id of a listed location, and the point the event borrowed when that place has none.

    A village no gazetteer knows is listed without a point; the event placed there carries the point of the
    named place beside it at geo precision 2 (ACLED's "near X"), which fusion and exports need.
    """

    id: Id
    latitude: NotRequired[Latitude | None]
    longitude: NotRequired[Longitude | None]
    geo_precision: NotRequired[GeoPrecision]


class DocumentRecord(TypedDict):
    id: Id
    text: str
    date: dt.date
    title: NotRequired[str | None]
    source: NotRequired[str | None]
    url: NotRequired[str | None]


class LocationRecord(TypedDict):
    id: Id
    name: str
    kind: LocationKind
    country: NotRequired[CountryCode | None]
    admin1: NotRequired[str | None]
    admin2: NotRequired[str | None]
    latitude: NotRequired[Latitude | None]
    longitude: NotRequired[Longitude | None]
    geo_precision: GeoPrecision
    gazetteer_id: NotRequired[str | None]


class ActorRecord(TypedDict):
    id: Id
    name: str
    kind: ActorKind
    country: NotRequired[CountryCode | None]
    affiliation: NotRequired[str | None]


class FigureRecord(TypedDict):
    category: FigureCategory
    item: NotRequired[str | None]
    value: NotRequired[NonNegativeInt | None]
    low: NotRequired[NonNegativeInt | None]
    high: NotRequired[NonNegativeInt | None]
    approximate: NotRequired[bool]
    subject: NotRequired[str | None]
    text: SpanRecord


class TimeRecord(TypedDict):
    start: dt.date
    end: dt.date
    precision: Precision
    text: NotRequired[str | None]
    anchor: dt.date


class DecisionRecord(TypedDict):
    field: str
    rule: str


class EventRecord(TypedDict):
    id: Id
    document_id: Id
    event_type: EventTypeName
    sub_event_type: str
    trigger: SpanRecord
    sentence: SpanRecord
    date: TimeRecord
    location: NotRequired[EventPlaceRecord | None]
    actor1: NotRequired[RefRecord | None]
    actor2: NotRequired[RefRecord | None]
    assoc_actors: NotRequired[list[RefRecord]]
    fatalities: NotRequired[FigureRecord | None]
    figures: NotRequired[list[FigureRecord]]
    claim_ids: NotRequired[list[Id]]
    civilian_targeting: NotRequired[bool]
    confidence: Confidence
    extractor: str
    provenance: NotRequired[list[DecisionRecord]]  # fusion reads the rule that dated the event


class ClaimRecord(TypedDict):
    id: Id
    claimant: NotRequired[RefRecord | None]
    cue: str
    kind: ClaimKind
    text: SpanRecord
    sentence: SpanRecord
    quote: NotRequired[bool]
    hedged: NotRequired[bool]
    negated: NotRequired[bool]
    aggregate: NotRequired[bool]
    figures: NotRequired[list[FigureRecord]]
    time: NotRequired[TimeRecord | None]
    location: NotRequired[RefRecord | None]
    event_ids: NotRequired[list[Id]]


class StepRecord(TypedDict):
    name: str
    version: str


class ResultRecord(TypedDict):
    schema_version: NotRequired[str]
    document: DocumentRecord
    events: NotRequired[list[EventRecord]]
    claims: NotRequired[list[ClaimRecord]]
    actors: NotRequired[list[ActorRecord]]
    locations: NotRequired[list[LocationRecord]]
    warnings: NotRequired[list[Any]]
    pipeline: NotRequired[list[StepRecord]]


_ADAPTER: Final = TypeAdapter(ResultRecord)


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0] if err.errors() else {"msg": str(err), "loc": ()}
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def _check(record: ResultRecord) -> None:
    length = len(record["document"]["text"])
    for event in record.get("events", ()):
        if event["sub_event_type"] not in SUB_EVENT_TYPES[event["event_type"]]:
            raise ValueError(f"event {event['id']}: sub_event_type {event['sub_event_type']!r} does not belong "
                             f"to {event['event_type']!r}")
        if event["document_id"] != record["document"]["id"]:
            raise ValueError(f"event {event['id']} names document {event['document_id']!r}")
        for span in (event["trigger"], event["sentence"]):
            if not span["start"] <= span["end"] <= length:
                raise ValueError(f"event {event['id']}: span {span['start']}:{span['end']} is not inside the text")
        if event["date"]["start"] > event["date"]["end"]:
            raise ValueError(f"event {event['id']}: its date starts after it ends")
    for claim in record.get("claims", ()):
        for span in (claim["text"], claim["sentence"]):
            if not span["start"] <= span["end"] <= length:
                raise ValueError(f"claim {claim['id']}: span {span['start']}:{span['end']} is not inside the text")


def read_record(line: bytes | str) -> ResultRecord:
    """The checked record of one result's JSON line; ``ValueError`` says where it is wrong."""
    try:
        record = _ADAPTER.validate_json(line)
    except ValidationError as err:
        raise ValueError(_first_error(err)) from None
    _check(record)
    return record
