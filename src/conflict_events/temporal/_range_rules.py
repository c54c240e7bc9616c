"""Rules over the expressions found: a clock time takes the day after it, pairs and "since X" make ranges.

A range is not a TIMEX3 of its own (TimeML marks "since", "between ... and" as signals
and annotates each bound): the range keeps its bounds as ``inner`` expressions, and the
time step writes the bounds as the records, each with the range as ``part_of``.

>>> import datetime as dt
>>> from ._expression import TimeExpression
>>> a = TimeExpression(3, 9, "Sunday", dt.date(2018, 7, 1), dt.date(2018, 7, 1), "day", dt.date(2018, 7, 3),
...                    "2018-07-01", rule=WEEKDAY)
>>> b = TimeExpression(14, 20, "Monday", dt.date(2018, 7, 2), dt.date(2018, 7, 2), "day", dt.date(2018, 7, 3),
...                    "2018-07-02", rule=WEEKDAY)
>>> r = pair("on Sunday and Monday", a, b)
>>> (r.text, str(r.begin), str(r.until), [e.text for e in r.inner])
('Sunday and Monday', '2018-07-01', '2018-07-02', ['Sunday', 'Monday'])
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from ..rules import Example, rule
from ._calendar import latest_weekday
from ._expression import TimeExpression, decision

__all__ = ["CLOCK", "MONTH", "PAIRABLE", "WEEKDAY", "clock_on_day", "pair", "since"]

CLOCK: Final = "time.clock.time_of_day"
WEEKDAY: Final = "time.day.weekday"
MONTH: Final = "time.month.named"
# Rules whose expressions pair into a range, and with which: only expressions of one kind pair.
PAIRABLE: Final = {
    WEEKDAY: "weekday", "time.date.day_and_month": "day", MONTH: "month", "time.year.written": "year",
    "time.month.with_year": "month", "time.date.iso": "day", "time.date.numeric": "day",
}  # fmt: skip

_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–|—|or|into)\s*", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:\b(?:between|from)\s+)$", re.IGNORECASE)
_CLOCK_GAP = re.compile(r"[\s,()]*(?:local\s+time[\s,()]*)?$", re.IGNORECASE)


@rule(
    "time.clock.on_day",
    decides="time.start",
    positive=[
        Example("The blast hit the market at 7 a.m. on Monday, police said.", {"time.value": "2024-03-11T07:00"}),
        Example("The offer was extended until 5 p.m. EDT April 9.", {"time.value": "2024-04-09T17:00"}),
    ],
    negative=[
        Example("The blast hit the market at 7 a.m., police said on Monday.", {"time.value": "2024-03-15T07:00"})
    ],
)
def clock_on_day(text: str, clock: TimeExpression, following: list[TimeExpression]) -> TimeExpression | None:
    """A clock time just before a day takes that day ('at 7 a.m. on Dec. 1', '5:30 am on Monday')."""
    if clock.basis == "explicit":
        return None
    nxt = next((f for f in following if f.rule != CLOCK), None)
    if nxt is None or nxt.precision != "day" or nxt.start - clock.end > 30:
        return None
    between = text[clock.end : nxt.start]
    for c in following:
        if c.rule == CLOCK and c.end <= nxt.start:
            between = between.replace(c.text, " ")
    if _CLOCK_GAP.match(between) is None:
        return None
    day = nxt.begin
    return replace(
        clock,
        begin=day,
        until=day,
        timex=day.isoformat() + clock.timex[10:],
        basis=nxt.basis,
        provenance=(*clock.provenance, decision("start", "time.clock.on_day")),
    )


@rule(
    "time.range.pair",
    decides="time.part_of",
    positive=[
        Example(
            "Gunmen raided two villages on Sunday and Monday, police said.",
            {"time.value": "2024-03-10", "time.part_of.end": "2024-03-11"},
        )
    ],
    negative=[
        Example(
            "Gunmen raided a village on Sunday, and police arrived on Monday.",
            {"time.value": "2024-03-11", "!time.part_of.end": "2024-03-11"},
        )
    ],
)
def pair(text: str, a: TimeExpression, b: TimeExpression) -> TimeExpression | None:
    """Two expressions of one kind joined by 'and', 'to', '-' ('Sunday and Monday', '2014 to 2016') make one range."""
    kind = PAIRABLE.get(a.rule)
    if (
        kind is None
        or PAIRABLE.get(b.rule) != kind
        or _JOIN.fullmatch(text, a.end, b.start) is None
        # a night or a morning pairs too ("overnight Thursday and Friday", "the night of Thursday to Friday")
        or not (a.timex_type == b.timex_type == "DATE" or a.rule == b.rule == WEEKDAY)
    ):
        return None
    # a range ("Friday to Sunday") runs forwards: its first bound moves before the second; a list
    # ("statements made Friday and Thursday") keeps each where it is
    listed = re.fullmatch(r"\s*(?:and|or)\s*", text[a.end : b.start], re.IGNORECASE) is not None
    first = a if listed else _before(a, b)
    opener = _RANGE_OPENER.search(text, max(0, a.start - 10), a.start)
    start = opener.start() if opener else a.start
    return TimeExpression(
        start=start,
        end=b.end,
        text=text[start : b.end],
        begin=min(first.begin, b.begin),
        until=max(b.until, first.until),
        precision="range",
        anchor=a.anchor,
        timex="",
        rule="time.range.pair",
        basis=b.basis,
        inner=(first, b),
    )


def _before(a: TimeExpression, b: TimeExpression) -> TimeExpression:
    """The first member of a pair, moved to fall on or before the second ("Sunday and Monday")."""
    if a.begin <= b.begin:
        return a
    moved = (*a.provenance, decision("start", "time.range.pair"))
    if a.rule == WEEKDAY:
        day = latest_weekday(b.begin, a.begin.weekday())
        return replace(a, begin=day, until=day, timex=day.isoformat() + a.timex[10:], provenance=moved)
    if a.rule == MONTH:
        year = b.begin.year if a.begin.month <= b.begin.month else b.begin.year - 1
        begin = a.begin.replace(year=year)
        until = (
            a.until.replace(year=year, day=min(a.until.day, 28)) if a.until.month == 2 else a.until.replace(year=year)
        )
        return replace(a, begin=begin, until=until, timex=f"{year:04d}{a.timex[4:]}", provenance=moved)
    return a


_SINCE = re.compile(
    r"\b(?:ever\s+)?since\s+(?:at\s+least\s+|as\s+early\s+as\s+|as\s+far\s+back\s+as\s+)?"
    r"(?:(?:the\s+)?(?:start|beginning|outbreak|launch|onset|end|middle)\s+of\s+(?:[\w'’-]+\s+){0,6}?)?$",
    re.IGNORECASE,
)
# "since the war began in April", "since fighting broke out on 15 April": a short clause whose verb starts
# something, the date hanging from it. Only verbs of beginning, so a causal "since" is not read as a range.
# "since Hamas attacked Israel on October 7": any short clause with the date on its verb, no punctuation.
_SINCE_CLAUSE = re.compile(
    r"\b(?:ever\s+)?since\s+(?:[\w'’-]+\s+){1,6}?(?:began|started|erupted|broke\s+out|flared|escalated|"
    r"resumed|seized\s+power|took\s+(?:power|control|over)|was\s+(?:launched|ousted|toppled|overthrown)|"
    r"were\s+launched|launched\s+(?:its|their|his|an?|the)\s+[\w'’-]+|invaded(?:\s+[\w'’-]+)?)\s+"
    r"(?:(?:in|on|at|during)\s+)?$"
    r"|\b(?:ever\s+)?since\s+(?:[\w'’-]+\s+){1,8}?(?:in|on|at|during)\s+$",
    re.IGNORECASE,
)
# the same clause when the expression itself begins with its preposition ("on October 7")
_SINCE_CLAUSE_BARE = re.compile(r"\b(?:ever\s+)?since\s+(?:[\w'’-]+\s+){1,8}?$", re.IGNORECASE)
_PREPOSITION = re.compile(r"(?:in|on|at|during)\s", re.IGNORECASE)


@rule(
    "time.range.since",
    decides="time.part_of",
    positive=[
        Example(
            "More than 2,000 people have fled the district since August.",
            {"time.value": "2023-08", "time.part_of.end": "2024-03-15"},
        )
    ],
    negative=[
        Example(
            "More than 2,000 people fled the district in August.",
            {"time.value": "2023-08", "!time.part_of.end": "2024-03-15"},
        )
    ],
)
def since(text: str, e: TimeExpression, floor: int) -> TimeExpression | None:
    """'since X' runs from X to the anchor; so does 'since <a short clause> in X' ('since the war began in April')."""
    window = (
        _SINCE.search(text, floor, e.start)
        or _SINCE_CLAUSE.search(text, floor, e.start)
        or (_SINCE_CLAUSE_BARE.search(text, floor, e.start) if _PREPOSITION.match(e.text) else None)
    )
    if window is None or e.begin > e.anchor or e.timex_type != "DATE" or e.basis == "unresolved":
        return None
    return TimeExpression(
        start=window.start(),
        end=e.end,
        text=text[window.start() : e.end],
        begin=e.begin,
        until=e.anchor,
        precision="range",
        anchor=e.anchor,
        timex="",
        rule="time.range.since",
        basis=e.basis,
        inner=(e,),
    )
