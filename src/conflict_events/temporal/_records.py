"""From the finder's expressions to the public records: one TimeSpan per TIMEX3, ranges as ``part_of``.

TimeML annotates each bound of a range as its own expression ("between *2014* and
*2016*", "since *August*"); so does ``times``. The range itself, which dates an event
("have fled since August" runs to the anchor), is each bound's ``part_of``.

>>> import datetime as dt
>>> from ._time_finder import find_times
>>> text = "Thousands have fled since August."
>>> times = timespans(find_times(text, dt.date(2025, 1, 5)), text)
>>> [(t.text, t.value, t.part_of.text, str(t.part_of.end)) for t in times]
[('August', '2024-08', 'since August', '2025-01-05')]
"""

from __future__ import annotations

from ..schema import Span, TimeSpan
from ._expression import TimeExpression, decision

__all__ = ["timespans"]


def timespans(found: list[TimeExpression], text: str) -> list[TimeSpan]:
    """The records of every expression that is not a range, in text order, each range as its bounds' ``part_of``."""
    out: list[TimeSpan] = []
    built: dict[tuple[int, int], TimeSpan] = {}
    for e in found:
        _add(e, None, text, out, built)
    return sorted(out, key=lambda t: (t.mention.start, t.mention.end) if t.mention else (0, 0))


def _add(
    e: TimeExpression, part_of: TimeSpan | None, text: str, out: list[TimeSpan], built: dict[tuple[int, int], TimeSpan]
) -> None:
    mention = Span.of(text, e.start, e.end)
    if e.is_range:
        record = e.to_timespan(mention, part_of=part_of)
        for inner in e.inner:
            _add(inner, record, text, out, built)
        return
    main_time = None
    if e.main is not None:
        main_time = built.get((e.main.start, e.main.end)) or e.main.to_timespan(Span.of(text, e.main.start, e.main.end))
    bound_by = next((d.rule for d in part_of.provenance if d.field == "start"), "") if part_of else ""
    more = (decision("part_of", bound_by),) if bound_by else ()
    record = e.to_timespan(mention, part_of=part_of, main_time=main_time, more=more)
    built[(e.start, e.end)] = record
    out.append(record)
