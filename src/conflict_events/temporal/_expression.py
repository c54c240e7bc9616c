"""A temporal expression found in a text: where it stands, what it means, and how it was resolved.

:class:`TimeExpression` is richer than the public :class:`~conflict_events.schema.TimeSpan`:
it keeps the TIMEX3 type and value (``DATE 2024-08``, ``DURATION P2W``) and, for an
expression relative to another one ("a day after ..."), what it was resolved against.

>>> from datetime import date
>>> e = TimeExpression(start=3, end=12, text="on Sunday", begin=date(2025, 1, 5), until=date(2025, 1, 5),
...                    precision="day", anchor=date(2025, 1, 5), timex="2025-01-05")
>>> e.to_timespan(mention=None).precision
'day'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from ..schema import Span, TimeSpan
from ..schema._types import Precision

__all__ = ["Basis", "TimeExpression", "TimexType"]

TimexType = Literal["DATE", "TIME", "DURATION"]
# What a resolution rests on: the anchor, an explicit date in the text, or another expression.
Basis = Literal["anchor", "explicit", "reference", "unresolved"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One temporal expression: character offsets, the resolved dates and its TIMEX3 reading."""

    start: int
    end: int
    text: str
    begin: dt.date
    until: dt.date
    precision: Precision
    anchor: dt.date
    timex: str
    timex_type: TimexType = "DATE"
    rule: str = ""
    basis: Basis = "anchor"
    # For "a day after <clause>": the date of the clause that governs the expression (its main clause).
    main: TimeSpan | None = field(default=None, compare=False)
    # Expressions this one contains ("since the start of its offensive in August" holds "in August").
    inner: tuple[TimeExpression, ...] = ()

    def to_timespan(self, mention: Span | None) -> TimeSpan:
        """The public record; ``mention`` is the span of the document text it stands at."""
        return TimeSpan(
            start=self.begin,
            end=self.until,
            precision=self.precision,
            text=self.text,
            anchor=self.anchor,
            mention=mention,
        )
