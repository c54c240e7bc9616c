"""The public records of ``spec/SCHEMA.md`` as frozen pydantic v2 models.

Every model forbids unknown fields and checks the invariants the spec states;
:class:`ExtractionResult` checks the ones that need the whole result (each span
equals its slice of the document text, every referenced id exists).

>>> from datetime import date
>>> doc = Document(id="d1", text="Shelling hit Kharkiv on Sunday.", date=date(2025, 1, 5))
>>> span = Span.of(doc.text, 0, 8)
>>> span.text
'Shelling'
>>> ExtractionResult(document=doc).model_dump_json()[:30]
'{"schema_version":"1.0","docum'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, model_validator

from ._taxonomy import SUB_EVENT_TYPES, EventTypeName
from ._types import (
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
    Text,
    TimeBasis,
    TimexType,
)

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Claim",
    "Decision",
    "Document",
    "Event",
    "ExtractionResult",
    "ExtractionWarning",
    "Figure",
    "Location",
    "PipelineStep",
    "Record",
    "Span",
    "TimeSpan",
    "json_schema_of",
]

SCHEMA_VERSION: Final = "1.0"

_new: Final = object.__new__
_setattr: Final = object.__setattr__
_DECISIONS: dict[tuple[type[Decision], str, str], Decision] = {}
_DECISIONS_KEPT: Final = 1 << 14


class Record(BaseModel):
    """Base of every record: frozen, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)


class Decision(Record):
    """Which named rule decided one field of a record: the record's provenance.

    >>> Decision(field="sub_event_type", rule="events.type.crowd_fights_police")
    Decision(field='sub_event_type', rule='events.type.crowd_fights_police')
    """

    field: Text
    rule: Text

    @classmethod
    def of(cls, field: str, rule: str) -> Decision:
        """``Decision(field=field, rule=rule)``, validated once and then shared: records are frozen, and a
        note's records cite a few dozen decisions of a few hundred rules.

        >>> Decision.of("value", "time.day.weekday") is Decision.of("value", "time.day.weekday")
        True
        """
        key = (cls, field, rule)
        found = _DECISIONS.get(key)
        if found is None:
            if len(_DECISIONS) >= _DECISIONS_KEPT:
                _DECISIONS.clear()  # rule names come from code and plugins: few, but keep the memo bounded
            found = _DECISIONS[key] = cls(field=field, rule=rule)
        return found


Provenance = tuple[Decision, ...]


class Document(Record):
    """A dated article: the anchor of everything extracted from it."""

    id: Id
    text: str
    date: dt.date
    title: str | None = None
    source: str | None = None
    url: str | None = None


class Span(Record):
    """A piece of :attr:`Document.text`: ``text == document.text[start:end]``."""

    text: str
    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _check_bounds(self) -> Span:
        if self.start > self.end:
            raise ValueError(f"span start {self.start} is after its end {self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text {self.text!r} has length {len(self.text)}, not end - start = {self.end - self.start}"
            )
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``; offsets outside the text or reversed raise ``ValueError``.

        >>> Span.of("Shelling hit Izium.", 13, 18)
        Span(text='Izium', start=13, end=18)
        """
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} is not inside a text of {len(text)} characters")
        if cls is Span and type(text) is str and type(start) is int and type(end) is int:
            # What validation would check holds already: the offsets are plain ints, 0 <= start <= end
            # (above), and the text is the slice between them. So the instance is made as
            # ``model_construct`` makes it, without its generic overhead (a note makes a dozen spans).
            span = _new(Span)
            _setattr(span, "__dict__", {"text": text[start:end], "start": start, "end": end})
            _setattr(span, "__pydantic_fields_set__", {"text", "start", "end"})
            _setattr(span, "__pydantic_extra__", None)
            _setattr(span, "__pydantic_private__", None)
            return span
        return cls(text=text[start:end], start=start, end=end)


class TimeSpan(Record):
    """When: inclusive dates resolved against ``anchor``, with how exactly the text fixes them."""

    start: dt.date
    end: dt.date
    precision: Precision
    text: str | None = None
    anchor: dt.date
    mention: Span | None = None
    timex_type: TimexType = "DATE"
    value: str | None = None
    provenance: Provenance = ()
    # What the dates rest on: the anchor, a date written out, another expression, or nothing said.
    basis: TimeBasis = "anchor"
    # TimeML's mod: the part of the unit ("START" for "early March", "END" for "the late 1990s"), or "APPROX"...
    mod: str | None = None
    # The range this expression bounds ("August" in "since August", "2014" in "between 2014 and 2016").
    part_of: TimeSpan | None = None
    # "X came a day after <clause>": the time that dates X, the main clause (this one dates the clause).
    main_time: TimeSpan | None = None

    @model_validator(mode="after")
    def _check(self) -> TimeSpan:
        if self.start > self.end:
            raise ValueError(f"time span start {self.start} is after its end {self.end}")
        if self.mention is not None and self.text is None:
            raise ValueError("a time span with a mention must give the expression's text")
        return self

    @property
    def time_precision(self) -> int:
        """ACLED's ``time_precision``: 1 day, 2 week or a span of up to 7 days, 3 otherwise."""
        if self.precision == "day" or self.start == self.end:
            return 1
        if self.precision == "week" or (self.end - self.start).days < 7:
            return 2
        return 3


class Actor(Record):
    """Who: an actor with an ACLED-style canonical name."""

    id: Id
    name: Text
    kind: ActorKind
    country: CountryCode | None = None
    affiliation: str | None = None
    mentions: tuple[Span, ...] = ()
    provenance: Provenance = ()


class Location(Record):
    """Where: a place resolved through a gazetteer; coordinates are never invented."""

    id: Id
    name: Text
    kind: LocationKind
    country: CountryCode | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    geo_precision: GeoPrecision
    gazetteer_id: str | None = None
    mentions: tuple[Span, ...] = ()
    provenance: Provenance = ()
    modifier: bool = False
    """True when every mention is a people's adjective ("Russian troops", "the Turkish army"): the text
    names the country as an owner or a side, not as where something happened."""

    @model_validator(mode="after")
    def _check_coordinates(self) -> Location:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude must both be set or both be null")
        return self


class Figure(Record):
    """A number the text reports: what is counted, its best value and its bounds."""

    category: FigureCategory
    item: str | None = None
    value: NonNegativeInt | None = None
    low: NonNegativeInt | None = None
    high: NonNegativeInt | None = None
    approximate: bool = False
    subject: Id | None = None
    text: Span
    provenance: Provenance = ()

    @model_validator(mode="after")
    def _check_bounds(self) -> Figure:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"figure low {self.low} is above its high {self.high}")
        if self.value is not None:
            if self.low is not None and self.value < self.low:
                raise ValueError(f"figure value {self.value} is below its low {self.low}")
            if self.high is not None and self.value > self.high:
                raise ValueError(f"figure value {self.value} is above its high {self.high}")
        return self


class Claim(Record):
    """Who says what: an assertion, its claimant and the figures it claims."""

    id: Id
    claimant: Actor | None = None
    cue: Text
    kind: ClaimKind
    text: Span
    sentence: Span
    quote: bool = False
    hedged: bool = False
    negated: bool = False
    aggregate: bool = False
    figures: tuple[Figure, ...] = ()
    time: TimeSpan | None = None
    location: Location | None = None
    event_ids: tuple[Id, ...] = ()
    provenance: Provenance = ()
    # an addition to spec/SCHEMA.md: the words of the cue ("said", "according to", "called on"),
    # so a reader can tell which of two nested cues a claim is, where the lemma in ``cue`` cannot
    cue_span: Span | None = None


class Event(Record):
    """What happened: one ACLED event (one action, one pair of sides, one place, one day or span)."""

    id: Id
    document_id: Id
    event_type: EventTypeName
    sub_event_type: Text
    trigger: Span
    sentence: Span
    date: TimeSpan
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: tuple[Actor, ...] = ()
    fatalities: Figure | None = None
    figures: tuple[Figure, ...] = ()
    claim_ids: tuple[Id, ...] = ()
    civilian_targeting: bool = False
    confidence: Confidence
    extractor: Text
    provenance: Provenance = ()

    @model_validator(mode="after")
    def _check_sub_event_type(self) -> Event:
        allowed = SUB_EVENT_TYPES[self.event_type]
        if self.sub_event_type not in allowed:
            raise ValueError(
                f"sub_event_type {self.sub_event_type!r} does not belong to event_type {self.event_type!r}"
                f" (allowed: {', '.join(allowed)})"
            )
        return self

    @property
    def time_precision(self) -> int:
        """ACLED's ``time_precision`` of the event's date."""
        return self.date.time_precision


class ExtractionWarning(Record):
    """Something skipped or uncertain, for the user to review."""

    code: Text
    message: Text
    extractor: str | None = None
    span: Span | None = None


class PipelineStep(Record):
    """One extractor that ran: its registered name and version."""

    name: Text
    version: Text


class ExtractionResult(Record):
    """Everything extracted from one document; one JSON line per document."""

    schema_version: str = SCHEMA_VERSION
    document: Document
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    actors: tuple[Actor, ...] = ()
    locations: tuple[Location, ...] = ()
    times: tuple[TimeSpan, ...] = ()
    warnings: tuple[ExtractionWarning, ...] = ()
    pipeline: tuple[PipelineStep, ...] = ()

    @model_validator(mode="after")
    def _check_consistency(self) -> ExtractionResult:
        _check_spans(self)
        _check_unique("event", [e.id for e in self.events])
        _check_unique("claim", [c.id for c in self.claims])
        _check_unique("actor", [a.id for a in self.actors])
        _check_unique("location", [loc.id for loc in self.locations])
        event_ids = {e.id for e in self.events}
        claim_ids = {c.id for c in self.claims}
        actor_ids = {a.id for a in self.actors}
        location_ids = {loc.id for loc in self.locations}
        # the labels of the messages are made only for a reference that is missing
        for claim in self.claims:
            _check_refs("claim", claim.id, "", "event", claim.event_ids, event_ids)
            if claim.claimant is not None:
                _check_refs("claim", claim.id, " claimant", "actor", (claim.claimant.id,), actor_ids)
            if claim.location is not None:
                _check_refs("claim", claim.id, "", "location", (claim.location.id,), location_ids)
            _check_refs("claim", claim.id, " figures", "actor", _subjects(claim.figures), actor_ids)
        for event in self.events:
            _check_refs("event", event.id, "", "claim", event.claim_ids, claim_ids)
            if event.document_id != self.document.id:
                raise ValueError(f"event {event.id} names document {event.document_id!r}, not {self.document.id!r}")
            actors = [a.id for a in (event.actor1, event.actor2, *event.assoc_actors) if a is not None]
            _check_refs("event", event.id, "", "actor", actors, actor_ids)
            if event.location is not None:
                _check_refs("event", event.id, "", "location", (event.location.id,), location_ids)
            figures = (*event.figures, *([event.fatalities] if event.fatalities else []))
            _check_refs("event", event.id, " figures", "actor", _subjects(figures), actor_ids)
        for i, time in enumerate(self.times):
            if time.mention is None:
                raise ValueError(f"times[{i}] has no mention: the times list holds expressions found in the text")
        return self


def _check_spans(result: ExtractionResult) -> None:
    """Raise if a span of the result is not its slice of the document text, naming where it stands."""
    text = result.document.text
    size = len(text)
    # every span is checked without naming it; only a mismatch goes through them again, named
    if any(span.end > size or text[span.start : span.end] != span.text for span in _all_spans(result)):
        for where, span in _spans(result):
            if span.end > size or text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{where}: span {span.text!r} at {span.start}:{span.end} does not match the document text"
                    f" {text[span.start : span.end]!r}"
                )


def _subjects(figures: tuple[Figure, ...]) -> list[str]:
    return [f.subject for f in figures if f.subject is not None]


def _check_unique(kind: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"duplicate {kind} id {i!r}")
        seen.add(i)


def _check_refs(owner: str, owner_id: str, part: str, kind: str, refs: Any, known: set[str]) -> None:
    """Raise if one of ``refs`` is not ``known``, naming the referring record (``owner owner_id part``)."""
    if known.issuperset(refs):
        return
    ref = next(r for r in refs if r not in known)
    raise ValueError(f"{owner} {owner_id}{part} refers to {kind} id {ref!r}, which is not in the result")


def _all_spans(result: ExtractionResult) -> list[Span]:
    """Every span of :func:`_spans`, unnamed; a record object that recurs is gone through once."""
    out: list[Span] = []
    seen: set[int] = set()

    def add_owner(record: Actor | Location | None) -> None:
        if record is not None and id(record) not in seen:
            seen.add(id(record))
            out.extend(record.mentions)

    def add_time(time: TimeSpan | None) -> None:
        if time is not None and id(time) not in seen:
            seen.add(id(time))
            if time.mention is not None:
                out.append(time.mention)
            add_time(time.part_of)
            add_time(time.main_time)

    for actor in result.actors:
        add_owner(actor)
    for loc in result.locations:
        add_owner(loc)
    for t in result.times:
        add_time(t)
    out.extend(w.span for w in result.warnings if w.span is not None)
    for c in result.claims:
        out += (c.text, c.sentence)
        if c.cue_span is not None:
            out.append(c.cue_span)
        add_owner(c.claimant)
        out.extend(f.text for f in c.figures)
        add_time(c.time)
        add_owner(c.location)
    for e in result.events:
        out += (e.trigger, e.sentence)
        add_time(e.date)
        for record in (e.location, e.actor1, e.actor2, *e.assoc_actors):
            add_owner(record)
        out.extend(f.text for f in e.figures)
        if e.fatalities is not None:
            out.append(e.fatalities.text)
    return out


def _spans(result: ExtractionResult) -> Iterator[tuple[str, Span]]:
    """Every span in a result, with where it stands (for error messages).

    An actor or a place object that recurs (the same actor as actor1 of many events) is gone
    through once: its spans are the same spans.
    """
    seen: set[int] = set()

    def first_time(record: object) -> bool:
        if id(record) in seen:
            return False
        seen.add(id(record))
        return True

    def figure_spans(where: str, figures: tuple[Figure, ...]) -> Iterator[tuple[str, Span]]:
        for i, f in enumerate(figures):
            yield f"{where}.figures[{i}]", f.text

    def actor_spans(where: str, actor: Actor | None) -> Iterator[tuple[str, Span]]:
        if actor is not None and first_time(actor):
            for i, m in enumerate(actor.mentions):
                yield f"{where}.mentions[{i}]", m

    def location_spans(where: str, loc: Location | None) -> Iterator[tuple[str, Span]]:
        if loc is not None and first_time(loc):
            for i, m in enumerate(loc.mentions):
                yield f"{where}.mentions[{i}]", m

    def time_spans(where: str, time: TimeSpan | None) -> Iterator[tuple[str, Span]]:
        if time is not None and time.mention is not None:
            yield f"{where}.mention", time.mention
        if time is not None:
            yield from time_spans(f"{where}.part_of", time.part_of)
            yield from time_spans(f"{where}.main_time", time.main_time)

    for a in result.actors:
        yield from actor_spans(f"actor {a.id}", a)
    for loc in result.locations:
        yield from location_spans(f"location {loc.id}", loc)
    for i, t in enumerate(result.times):
        yield from time_spans(f"times[{i}]", t)
    for w in result.warnings:
        if w.span is not None:
            yield "warning", w.span
    for c in result.claims:
        where = f"claim {c.id}"
        yield f"{where}.text", c.text
        yield f"{where}.sentence", c.sentence
        if c.cue_span is not None:
            yield f"{where}.cue_span", c.cue_span
        yield from actor_spans(f"{where}.claimant", c.claimant)
        yield from figure_spans(where, c.figures)
        yield from time_spans(f"{where}.time", c.time)
        yield from location_spans(f"{where}.location", c.location)
    for e in result.events:
        where = f"event {e.id}"
        yield f"{where}.trigger", e.trigger
        yield f"{where}.sentence", e.sentence
        yield from time_spans(f"{where}.date", e.date)
        yield from location_spans(f"{where}.location", e.location)
        for name, actor in (("actor1", e.actor1), ("actor2", e.actor2)):
            yield from actor_spans(f"{where}.{name}", actor)
        for i, actor in enumerate(e.assoc_actors):
            yield from actor_spans(f"{where}.assoc_actors[{i}]", actor)
        yield from figure_spans(where, e.figures)
        if e.fatalities is not None:
            yield f"{where}.fatalities", e.fatalities.text


def json_schema_of(model: type[BaseModel]) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a record type, as written to disk by ``conflict-events schema``."""
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema

