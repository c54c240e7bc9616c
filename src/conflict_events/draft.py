"""The typed draft that passes from extractor to extractor.

A :class:`Draft` is the mutable working state of one document: each extractor
reads what earlier ones provided and adds its own records (frozen models; to
change one, replace it with ``model_copy(update=...)``). The pipeline turns the
finished draft into a validated :class:`~conflict_events.schema.ExtractionResult`.

>>> from datetime import date
>>> from conflict_events.schema import Document
>>> draft = Draft(Document(id="d", text="Troops shelled Izium.", date=date(2022, 3, 1)))
>>> draft.span(15, 20).text
'Izium'
>>> draft.new_id("ev", 0, 7) == draft.new_id("ev", 0, 7)
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from .schema import (
    Actor,
    Claim,
    Document,
    Event,
    ExtractionResult,
    ExtractionWarning,
    Figure,
    Location,
    PipelineStep,
    Span,
    TimeSpan,
)

__all__ = ["Draft"]

_T = TypeVar("_T")


@dataclass
class Draft:
    """Working state of one document inside the chain."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[ExtractionWarning] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text

    def span(self, start: int, end: int) -> Span:
        """The span of the document text between two character offsets."""
        return Span.of(self.document.text, start, end)

    def new_id(self, prefix: str, *parts: object) -> str:
        """A stable id: the same document and parts always give the same id."""
        key = "\x1f".join([self.document.id, prefix, *map(str, parts)])
        return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"

    def warn(self, code: str, message: str, *, extractor: str | None = None, span: Span | None = None) -> None:
        """Record something skipped or uncertain."""
        self.warnings.append(ExtractionWarning(code=code, message=message, extractor=extractor, span=span))

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``start:end``; the tightest such mention wins."""
        return tightest(((m.start, m.end, a) for a in self.actors for m in a.mentions), start, end)

    def location_at(self, start: int, end: int) -> Location | None:
        """The location with a mention overlapping ``start:end``; the tightest such mention wins."""
        return tightest(((m.start, m.end, loc) for loc in self.locations for m in loc.mentions), start, end)

    def times_in(self, start: int, end: int) -> list[TimeSpan]:
        """The time expressions whose mention lies inside ``start:end``, in text order."""
        inside = [t for t in self.times if t.mention and start <= t.mention.start and t.mention.end <= end]
        return sorted(inside, key=_time_order)

    def to_result(self, pipeline: list[PipelineStep]) -> ExtractionResult:
        """Validate the draft into a result (raises ``pydantic.ValidationError`` on a broken invariant)."""
        return ExtractionResult(
            document=self.document,
            events=tuple(self.events),
            claims=tuple(self.claims),
            actors=tuple(self.actors),
            locations=tuple(self.locations),
            times=tuple(sorted((t for t in self.times if t.mention), key=_time_order)),
            warnings=tuple(self.warnings),
            pipeline=tuple(pipeline),
        )


def tightest(items: Iterable[tuple[int, int, _T]], start: int, end: int) -> _T | None:
    """The item whose ``(start, end)`` overlaps ``start:end`` with the shortest extent; the first of equals."""
    best: tuple[int, _T] | None = None
    for item_start, item_end, item in items:
        if item_start < end and start < item_end:
            size = item_end - item_start
            if best is None or size < best[0]:
                best = (size, item)
    return best[1] if best else None


def _time_order(t: TimeSpan) -> tuple[int, int]:
    assert t.mention is not None
    return (t.mention.start, t.mention.end)
