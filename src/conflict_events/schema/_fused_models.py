"""One real-world event across many reports: the :class:`FusedEvent` the event store writes.

A fused event joins the :class:`~conflict_events.schema.Event` records of
different documents that report the same happening (``spec/SCHEMA.md``,
"FusedEvent"). Each member keeps its own document, claims and figures; the
fused record states what the members agree on and keeps every report's toll.

>>> import datetime as dt
>>> day = TimeSpan(start=dt.date(2025, 1, 5), end=dt.date(2025, 1, 5), precision="day", anchor=dt.date(2025, 1, 6))
>>> fused = FusedEvent(
...     id="fe-1", members=(FusedMember(document_id="a", event_id="e1"), FusedMember(document_id="b", event_id="e1")),
...     event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date=day,
...     fatalities=FusedFatalities.of({"a": 12, "b": 15}), confidence=0.8)
>>> fused.fatalities.low, fused.fatalities.best, fused.fatalities.high
(12, 12, 15)
>>> fused.document_ids
('a', 'b')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from pydantic import Field, model_validator

from ._models import Actor, Location, Record, TimeSpan
from ._taxonomy import SUB_EVENT_TYPES, EventTypeName
from ._types import Confidence, Id, NonNegativeInt, Text

__all__ = ["FATALITY_RULES", "FatalityRule", "FusedClaim", "FusedEvent", "FusedFatalities", "FusedMember"]

FatalityRule = Literal["lowest", "highest", "median"]
# ACLED's rule is the lowest credible figure; the others are for users who want another reading.
FATALITY_RULES: Final[tuple[str, ...]] = ("lowest", "highest", "median")


class FusedMember(Record):
    """One per-document event joined into a fused event."""

    document_id: Id
    event_id: Id


class FusedClaim(Record):
    """One claim linked to a member of a fused event."""

    document_id: Id
    claim_id: Id


class FusedFatalities(Record):
    """Every report's toll side by side: ``by_document`` maps document id to its figure (null: none given).

    ``low`` and ``high`` bound the figures given; ``best`` is chosen by ``rule``
    (ACLED's conservative ``lowest`` by default).
    """

    low: NonNegativeInt | None = None
    best: NonNegativeInt | None = None
    high: NonNegativeInt | None = None
    by_document: dict[str, NonNegativeInt | None] = Field(default_factory=dict)
    rule: FatalityRule = "lowest"

    @classmethod
    def of(cls, by_document: Mapping[str, int | None], rule: FatalityRule = "lowest") -> FusedFatalities:
        """Bounds and best figure of the given reports' tolls.

        >>> FusedFatalities.of({"a": 30, "b": None, "c": 50, "d": 39}, rule="median").best
        39
        """
        given = sorted(v for v in by_document.values() if v is not None)
        best = None
        if given:
            best = {"lowest": given[0], "highest": given[-1], "median": given[(len(given) - 1) // 2]}[rule]
        return cls(low=given[0] if given else None, best=best, high=given[-1] if given else None,
                   by_document=dict(by_document), rule=rule)

    @model_validator(mode="after")
    def _check(self) -> FusedFatalities:
        given = [v for v in self.by_document.values() if v is not None]
        low, high = (min(given), max(given)) if given else (None, None)
        if (self.low, self.high) != (low, high):
            raise ValueError(f"fatalities low/high {self.low}/{self.high} do not bound by_document ({low}/{high})")
        if (self.best is None) != (low is None) or (self.best is not None and self.best not in given):
            raise ValueError(f"fatalities best {self.best} is not one of the documents' figures")
        return self


class FusedEvent(Record):
    """One real-world event across many reports (``spec/SCHEMA.md``, FusedEvent)."""

    id: Id
    members: tuple[FusedMember, ...] = Field(min_length=1)
    event_type: EventTypeName
    sub_event_type: Text
    date: TimeSpan
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: FusedFatalities = Field(default_factory=FusedFatalities)
    claims: tuple[FusedClaim, ...] = ()
    sources: tuple[str, ...] = ()
    civilian_targeting: bool = False
    confidence: Confidence

    @model_validator(mode="after")
    def _check(self) -> FusedEvent:
        if self.sub_event_type not in SUB_EVENT_TYPES[self.event_type]:
            raise ValueError(f"sub_event_type {self.sub_event_type!r} does not belong to {self.event_type!r}")
        if len(set(self.members)) != len(self.members):
            raise ValueError("a member is listed twice")
        documents = set(self.document_ids)
        if set(self.fatalities.by_document) != documents:
            raise ValueError("fatalities.by_document must name exactly the members' documents")
        stray = {c.document_id for c in self.claims} - documents
        if stray:
            raise ValueError(f"claims of documents that are not members: {sorted(stray)}")
        if len(set(self.sources)) != len(self.sources):
            raise ValueError("a source is listed twice")
        return self

    @property
    def document_ids(self) -> tuple[str, ...]:
        """The members' documents, unique, in member order."""
        return tuple(dict.fromkeys(m.document_id for m in self.members))

    @property
    def time_precision(self) -> int:
        """ACLED's ``time_precision`` of the fused date."""
        return self.date.time_precision
