"""A temporal expression found in a text: where it stands, what it means, and how it was resolved.

:class:`TimeExpression` is the finder's own record, from which the time step writes
:class:`~conflict_events.schema.TimeSpan` records: it keeps the TIMEX3 type and value
(``DATE 2024-08``, ``DURATION P2W``), the rules that decided it, what it rests on
(``basis``), for "a day after ..." the expression the main clause is dated by, and for a
range ("since August", "between 2014 and 2016") the expressions that bound it.

>>> from datetime import date
>>> e = TimeExpression(start=3, end=12, text="on Sunday", begin=date(2025, 1, 5), until=date(2025, 1, 5),
...                    precision="day", anchor=date(2025, 1, 5), timex="2025-01-05")
>>> e.to_timespan(mention=None).value
'2025-01-05'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from ..schema import Decision, Span, TimeSpan
from ..schema._types import Precision, TimeBasis, TimexType

__all__ = ["Basis", "TimeExpression", "TimexType", "decision"]


@lru_cache(maxsize=1024)
def decision(field: str, rule: str) -> Decision:
    """``Decision(field=field, rule=rule)``, validated once: records are frozen, so one serves them all."""
    return Decision(field=field, rule=rule)


# What a resolution rests on: the anchor, an explicit date in the text, or another expression.
Basis = TimeBasis


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One temporal expression: character offsets, the resolved dates and its TIMEX3 reading.

    ``rule`` names the grammar rule that read it (``time.day.weekday``); a range made of two
    expressions or of "since" and one has the range rule's name and its bounds in ``inner``.
    ``timex`` is the TIMEX3 value, empty for a range (TimeML gives a range no value of its own).
    """

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
    # For "a day after <clause>": the expression that dates the clause that governs it (its main clause).
    main: TimeExpression | None = field(default=None, compare=False)
    # The expressions a range is made of ("since the start of the campaign in May" holds "in May").
    inner: tuple[TimeExpression, ...] = ()
    # Every rule that decided a field, beyond ``rule`` (a tense rule, a range rule moving a bound).
    provenance: tuple[Decision, ...] = ()
    # TimeML's mod ("START" for "early March", "END" for "the late 1990s")
    mod: str | None = None

    @property
    def is_range(self) -> bool:
        """Whether this is a range built of other expressions, not a TIMEX3 of its own."""
        return bool(self.inner)

    def decisions(self) -> tuple[Decision, ...]:
        """The record's provenance: the rule that read it (its value), then the others."""
        own = (decision("start" if self.is_range else "value", self.rule),) if self.rule else ()
        return own + self.provenance

    def to_timespan(
        self,
        mention: Span | None,
        *,
        part_of: TimeSpan | None = None,
        main_time: TimeSpan | None = None,
        more: tuple[Decision, ...] = (),
    ) -> TimeSpan:
        """The public record; ``mention`` is the span of the document text it stands at.

        ``part_of`` is the range it bounds, ``main_time`` the time of the main clause it is
        counted from, ``more`` further decisions for its provenance.
        """
        return TimeSpan(
            start=self.begin,
            end=self.until,
            precision=self.precision,
            text=self.text,
            anchor=self.anchor,
            mention=mention,
            timex_type=self.timex_type,
            value=self.timex or None,
            basis=self.basis,
            mod=self.mod,
            part_of=part_of,
            main_time=main_time,
            provenance=self.decisions() + more,
        )
