"""Grammar rules for times counted from another date of the text: offsets, clock times, days of the month.

"three days later", "the next day", "that week", "a day after <clause>", "at 7 a.m.",
"on the 5th" count from the latest earlier expression of a fine enough unit; with none
before them they say so (basis ``unresolved``).

>>> import datetime as dt, re
>>> from ._patterns import fragments
>>> from ._expression import TimeExpression
>>> ctx = Context(anchor=dt.date(2025, 1, 5), text="On Friday they came. Two days later they left.")
>>> ctx.earlier.append(TimeExpression(0, 9, "On Friday", dt.date(2025, 1, 3), dt.date(2025, 1, 3), "day",
...                                   ctx.anchor, "2025-01-03"))
>>> m = re.search(_offset_pattern(fragments(ctx.words)), ctx.text, re.IGNORECASE)
>>> offset(m, ctx)[3]
'2025-01-05'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from ..rules import Example, rule
from ..schema._types import Precision
from ._calendar import add_months, safe_date
from ._expression import Basis, TimeExpression, decision
from ._patterns import Fragments
from ._readings import DAY, Context, Reading, count, day_reading, iso, period_bounds, shift, word
from ._scan import ScanSpec

__all__ = ["SPECS", "from_date"]

# Which earlier expressions an offset in this unit may count from.
_REFERENCE_UNITS: Final[dict[str, tuple[Precision, ...]]] = {
    "day": ("day",),
    "hour": ("day",),
    "week": ("day", "week"),
    "fortnight": ("day", "week"),
    "month": ("day", "week", "month"),
    "year": ("day", "week", "month", "year"),
}
_SIGN: Final = {"after": 1, "later": 1, "afterwards": 1, "before": -1, "earlier": -1, "prior": -1, "previous": -1}
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+[A-Z\"“]|\n")


@dataclass(frozen=True)
class _Offset:
    """What an offset phrase says: how many units which way, of which part of the day."""

    unit: str
    direction: str
    mod: str | None
    n: int | None
    vague: tuple[int, int] | None
    part: str | None
    in_the: bool  # "earlier in the week"
    # the phrase ends in "after" or "before", so a clause may follow it ("a day after rebels attacked")
    preposition: bool = False


def _offset_words(m: re.Match[str], ctx: Context) -> _Offset:
    """The offset's unit, direction and count from whichever alternative of the pattern matched."""
    if m["dir2"]:
        unit, direction, mod, n_group, the = word(m, "u2"), word(m, "dir2"), None, None, None
    elif m["dir3"]:
        unit, direction, mod, n_group, the = word(m, "u3"), word(m, "dir3"), word(m, "mod"), None, None
    elif m["mod4"]:
        # "late in the day" as "later in the day": that day
        later = {"late": "later", "early": "earlier"}.get(word(m, "mod4") or "", word(m, "mod4"))
        unit, direction, mod, n_group, the = word(m, "u4"), later, later, None, None
    else:
        unit, direction, mod, n_group, the = word(m, "u"), word(m, "dir"), None, "n", m["the"]
    unit, direction = unit or "day", direction or ""
    n, vague = count(m, ctx, n_group) if n_group else (None, None)
    part = None
    if unit in ("morning", "afternoon", "evening", "night"):
        part, unit = ctx.words.parts_of_day[unit], "day"
    in_the = direction in ("later", "earlier") and mod == direction
    if direction in ("that", "same") or in_the:
        direction, n = "that", 0
    elif direction in ("next", "following"):
        direction, n = "after", 1
    elif direction in ("previous", "preceding"):
        direction, n = "before", 1
    elif n is None and vague is None:
        # "the day before" is one day; "the days before" is some days
        plural = re.search(r"s\s+\w+$", ctx.text[m.start() : m.end()]) is not None
        n = 1 if n_group and m["n"] is None and the and not plural else None
    if n is None and vague is None:
        vague = (1, ctx.words.units[unit].vague if unit in ctx.words.units else 3)
    # "a day after rebels attacked" dates the clause after it; "the day after his death" counts from a date
    preposition = m["dir"] is not None and word(m, "dir") in ("after", "before") and m["the"] is None
    return _Offset(unit, direction, mod, n, vague, part, in_the, preposition)


@rule(
    "time.offset.from_reference",
    decides="time.value",
    positive=[
        Example("Rebels attacked the base on Monday. Two days later, troops retook it.", {"time.value": "2024-03-13"}),
        Example("Rebels attacked the base on Monday; late in the day troops retook it.", {"time.value": "2024-03-11"}),
        Example("Aid fell to 40 tonnes in 2021, from 90 tonnes the year previous.", {"time.value": "2020"}),
        Example("A first truce was signed in the spring of 2019 and broken two years later.", {"time.value": "2021"}),
        Example(
            "Airstrikes killed nine people on Sunday. The raids came a day after rebels shelled a camp.",
            {"time.value": "2024-03-09"},
        ),
    ],
    negative=[
        Example(
            "Rebels attacked the base on Monday and troops recaptured it on Wednesday.", {"time.value": "2024-03-13"}
        )
    ],
)
def offset(m: re.Match[str], ctx: Context) -> Reading | None:
    """'three days later', 'the next day', 'that month' count from the latest earlier date fine enough for the unit."""
    o = _offset_words(m, ctx)
    # "in the spring of 2010 ... two years later": a season or quarter dates a count of months or years
    ref = ctx.reference(m.start(), _REFERENCE_UNITS[o.unit], periods=o.unit in ("month", "year"))
    elsewhere = ref is None or _SENTENCE_END.search(ctx.text, ref.end, m.start()) is not None
    if elsewhere and o.in_the and o.unit in ("week", "month", "year"):
        # "earlier in the week" with no date before it in its sentence: the anchor's week, as "earlier this week".
        begin, until, timex, precision = period_bounds(o.unit, 0, ctx.anchor)
        if o.mod == "earlier":
            return Reading(begin, ctx.anchor, precision, timex)
        return Reading(ctx.anchor, until, precision, timex)
    if ref is None:
        # No date to count from: an honest coarse span; the TIMEX3 value counts from the anchor as taggers do.
        a = ctx.anchor
        at_anchor = TimeExpression(m.start(), m.start(), "", a, a, "day", a, iso(a))
        guess = _offset_from(at_anchor, m, ctx, o)
        return Reading(a - 7 * DAY, a, "range", guess.timex, guess.timex_type, "unresolved")
    coarse = _coarser_in_sentence(ctx, m.start(), ref)
    if coarse is not None and o.n is not None and o.unit in ("day", "hour") and o.direction not in ("that", "same"):
        # "Last week the army retook the town the militia had overrun a day earlier": a day before a week
        # is a span, not a day before the Friday named two sentences back
        o_day = _Offset(o.unit, o.direction, o.mod, o.n, o.vague, None, o.in_the, o.preposition)
        first = _offset_from(coarse, m, ctx, o_day, at=coarse.begin)
        last = _offset_from(coarse, m, ctx, o_day, at=coarse.until)
        begin, until = min(first.begin, last.begin), max(first.until, last.until)
        ref_timex = "PAST_REF" if begin < coarse.begin else "FUTURE_REF"
        return Reading(begin, until, "range", ref_timex, "DATE", "reference", first.main)
    return _offset_from(ref, m, ctx, o)


def _coarser_in_sentence(ctx: Context, start: int, ref: TimeExpression) -> TimeExpression | None:
    """A week, month or year named later than ``ref`` and in the offset's own sentence, if any."""
    for e in reversed(ctx.earlier):
        if e.end > start or e.basis == "unresolved" or e.timex_type == "DURATION":
            continue
        if e is ref or e.start <= ref.start:
            return None
        if e.precision in ("week", "month", "year") and not _SENTENCE_END.search(ctx.text, e.end, start):
            return e
        return None
    return None


def _offset_from(ref: TimeExpression, m: re.Match[str], ctx: Context, o: _Offset, at: dt.date | None = None) -> Reading:
    """An offset counted from a reference ("three days later", "that month", "a day after ...")."""
    start = ref.begin if at is None else at
    # "a day after <clause>" dates the clause: the main clause is the later date, the clause one day earlier.
    tail = ctx.text[m.end() : m.end() + 2]
    governs_clause = o.preposition and tail[:1] == " " and tail[1:2].isalnum()
    sign = _SIGN.get(o.direction, 0)
    if governs_clause:
        sign = -sign
    main = ref if governs_clause and ref.text else None
    if o.direction in ("that", "same"):
        if o.unit in ("day", "hour"):
            return day_reading(start, "reference", o.part)._replace(main=main)
        begin, until, timex, precision = period_bounds(o.unit, 0, start)
        if o.mod in ("later", "late"):
            begin = max(begin, start)
        elif o.mod in ("earlier", "early"):
            until = min(until, ref.until)
        return Reading(begin, until, precision, timex, "DATE", "reference")
    if o.n is not None:
        point = shift(start, o.unit, sign * o.n)
        if o.unit in ("day", "hour"):
            return day_reading(point, "reference", o.part)._replace(main=main)
        begin, until, timex, precision = period_bounds(o.unit, 0, point)
        return Reading(begin, until, precision, timex, "DATE", "reference", main)
    low, high = o.vague or (1, 3)
    ends = sorted((shift(start, o.unit, sign * low), shift(start, o.unit, sign * high)))
    return Reading(ends[0], ends[1], "range", "PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", "reference", main)


_OFFSET: Final = offset.name
_APPOSED_UNITS: Final[dict[str, Precision]] = {"day": "day", "week": "week", "month": "month", "year": "year"}


@rule(
    "time.offset.apposition",
    decides="time.value",
    positive=[
        Example("Troops entered the town on March 3, the day before the vote, residents said.",
                {"time.value": "2024-03-03"}),
    ],
    negative=[
        Example("Troops entered the town on March 3. The day before, the army shelled it.",
                {"time.value": "2024-03-02"}),
    ],
)  # fmt: skip
def apposition(m: re.Match[str], ctx: Context) -> Reading | None:
    """'on March 3, the day before the vote': a phrase set off by a comma after a date names that date."""
    unit = _APPOSED_UNITS[word(m, "u") or "day"]
    ref = ctx.reference(m.start(), (unit,))
    if ref is None or re.fullmatch(r",\s*", ctx.text[ref.end : m.start()]) is None:
        return None
    return Reading(ref.begin, ref.until, ref.precision, ref.timex, ref.timex_type, "reference")


# "the day before", "the week after": an offset of one unit that names no duration of its own
_THE_UNIT = re.compile(r"the\s+(?P<u>day|week|month|year)\s+(?P<dir>after|before)", re.IGNORECASE)
_TO_DATE = re.compile(r"\s+(?:the\s+)?")


@rule(
    "time.offset.from_date",
    decides="time.value",
    positive=[
        Example("The day before last Tuesday's vote, troops closed the border.", {"time.value": "2024-03-11"}),
        Example("Gunmen attacked the church the day after Christmas, police said.", {"time.value": "2023-12-26"}),
    ],
    negative=[
        Example("Rebels shelled the town on Monday. The day before, troops had left.", {"time.value": "2024-03-10"}),
        Example("Rebels shelled the town two days before Christmas, residents said.", {"time.value": "2023-12-25"}),
    ],
)
def from_date(text: str, offset: TimeExpression, date: TimeExpression) -> TimeExpression | None:
    """'the day before last Friday', 'the day after Christmas': one expression, counted from the day after it.

    TimeML annotates such a phrase as one TIMEX3. With a count ("two days before Christmas") the
    count is a duration of its own and the day keeps its own value, as TimeML annotates them.
    """
    if offset.rule != _OFFSET or date.precision != "day" or date.timex_type != "DATE":
        return None
    if date.basis == "unresolved" or _TO_DATE.fullmatch(text, offset.end, date.start) is None:
        return None
    m = _THE_UNIT.fullmatch(offset.text)
    if m is None:
        return None
    day = shift(date.begin, m["u"].lower(), 1 if m["dir"].lower() == "after" else -1)
    return TimeExpression(
        start=offset.start, end=date.end, text=text[offset.start : date.end], begin=day, until=day,
        precision="day", anchor=date.anchor, timex=iso(day), rule=from_date.name, basis=date.basis,
        provenance=(decision("start", date.rule), *date.provenance),
    )  # fmt: skip


@rule(
    "time.offset.then",
    decides="time.value",
    positive=[
        Example("The truce expires on 30 March. Until then, aid convoys may cross.", {"time.value": "2024-03-30"})
    ],
    negative=[Example("Until recently, aid convoys crossed freely.", {"time.value": "PAST_REF"})],
)
def then(m: re.Match[str], ctx: Context) -> Reading | None:
    """'until then', 'by that time' name the date last given (with none before them, nothing)."""
    ref = ctx.reference(m.start(), ("day", "week", "month", "year"))
    if ref is None or ref.timex_type != "DATE":
        return None
    return Reading(ref.begin, ref.until, ref.precision, ref.timex, "DATE", "reference")


# --- times of day, days of the month --------------------------------------------------------------


def _reference_day(ctx: Context, start: int) -> tuple[dt.date, Basis]:
    """The day of a bare time: the last day named in the same paragraph, else the anchor."""
    ref = ctx.reference(start, ("day",))
    if ref is not None and "\n" not in ctx.text[ref.end : start]:
        return ref.begin, "reference"
    return ctx.anchor, "anchor"


@rule(
    "time.clock.time_of_day",
    decides="time.value",
    positive=[
        Example("The blast hit the market on Monday at 7 a.m., police said.", {"time.value": "2024-03-11T07:00"}),
        Example("The convoy left on Monday at 4 in the afternoon.", {"time.value": "2024-03-11T16:00"}),
    ],
    negative=[
        Example("The blast hit the market on Monday morning, police said.", {"time.value": "2024-03-11TMO"}),
        Example(
            "Police held 3 in the morning raids on Monday.",
            {"time.value": "2024-03-11", "!time.value": "2024-03-11T03:00"},
        ),
    ],
)
def clock(m: re.Match[str], ctx: Context) -> Reading | None:
    """A clock time ('at 7 a.m.', 'at 4 in the afternoon', '0600 GMT', 'at dawn'): the day last named, else the anchor.

    The day last named counts within the clock time's paragraph.
    """
    day, basis = _reference_day(ctx, m.start())
    name = word(m, "word")
    if name:
        part = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}.get(name) or ctx.words.parts_of_day.get(
            name, "NI"
        )
        return Reading(day, day, "day", f"{iso(day)}T{part}", "TIME", basis)
    if m["pod"] and not m.group(0)[:1].isalpha():
        return None  # "4 in the afternoon" only after a preposition: "arrested 3 in the morning raids" counts men
    hour = int(m["h"] or m["h24"])
    minute = int(m["mi"] or m["mi24"] or 0)
    ampm = (m["ap"] or "").lower().replace(".", "") or ("am" if m["pod"] == "morning" else "pm" if m["pod"] else "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return Reading(day, day, "day", f"{iso(day)}T{hour:02d}:{minute:02d}", "TIME", basis)


@rule(
    "time.date.day_only",
    decides="time.value",
    positive=[Example("Talks opened on March 3 and collapsed on the 9th.", {"time.value": "2024-03-09"})],
    negative=[Example("Talks opened on March 3 and collapsed on March 9.", {"time.value": "2024-03-09"})],
)
def day_only(m: re.Match[str], ctx: Context) -> Reading | None:
    """'on the 5th' is a day of the month last named, else of the anchor's month (not after the anchor)."""
    day = int(m["d"])
    ref = ctx.reference(m.start(), ("day", "week", "month"))
    basis: Basis = "anchor"
    if ref is not None:
        d = safe_date(ref.begin.year, ref.begin.month, day)
        basis = "reference"
    else:
        d = safe_date(ctx.anchor.year, ctx.anchor.month, day)
        if d is not None and d > ctx.anchor and ctx.tense(m.start(), m.end()) != "future":
            prev = add_months(ctx.anchor.replace(day=1), -1)
            d = safe_date(prev.year, prev.month, day)
    return day_reading(d, basis) if d else None


# --- patterns -------------------------------------------------------------------------------------


def _offset_pattern(f: Fragments) -> str:
    return (
        rf"\b(?:(?:(?:about|nearly|almost|some|just|only|barely|more\s+than|less\s+than)\s+)?(?P<n>{f.num})\s+"
        rf"|(?P<the>the)\s+)?(?P<u>day|week|month|year|hour|night)s?\s+(?P<dir>after|before|later|earlier|"
        rf"afterwards|prior|previous)\b"
        rf"|\bthe\s+(?P<dir2>next|following|previous|preceding|same)\s+(?P<u2>day|morning|afternoon|evening|night"
        rf"|week|month|year)\b"
        rf"|\b(?:(?P<mod>later|earlier|early|late)\s+)?(?:on\s+|in\s+)?(?P<dir3>that)\s+(?P<u3>day|morning|"
        rf"afternoon|evening|night|week|month|year)\b"
        rf"|\b(?P<mod4>later|earlier|late|early)\s+in\s+the\s+(?P<u4>day|week|month|year)\b"
    )


_UNITS = r"(?:day|week|month|year|hour|night|morning|afternoon|evening)"

SPECS: Final[tuple[ScanSpec, ...]] = (
    ScanSpec(
        apposition,
        lambda f: r"(?<=,\s)the\s+(?P<u>day|week|month|year)\s+(?:before|after)\b",
        keys=("the day", "the week", "the month", "the year"),
        gate=r"(?:day|week|month|year)\s+(?:before|after)",
    ),
    ScanSpec(
        offset,
        _offset_pattern,
        keys=(
            "after",
            "before",
            "later",
            "earlier",
            "late in",
            "early in",
            "prior",
            "next",
            "following",
            "previous",
            "preceding",
            "same",
            "that",
        ),
        needs=("day", "week", "month", "year", "hour", "night", "morning", "afternoon", "evening"),
        needs_case=False,
        gate=(
            rf"{_UNITS}s?\s+(?:after|before|later|earlier|afterwards|prior|previous)\b"
            rf"|(?:next|following|previous|preceding|same|that)\s+{_UNITS}\b"
            rf"|(?:later|earlier|late|early)\s+in\s+the\s+{_UNITS}\b"
        ),
    ),
    ScanSpec(
        clock,
        lambda f: (
            r"\b(?:(?:at|around|about|by|before|after|shortly\s+(?:before|after)|until|from)\s+)?"
            r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?:(?P<ap>(?-i:a\.m\.|p\.m\.|am|pm|AM|PM))"
            r"|(?:o['’]clock\s+)?in\s+the\s+(?P<pod>morning|afternoon|evening))"
            rf"(?:\s+(?:local\s+time|{f.zone}))?(?!\w)"
            r"|(?P<h24>[01]\d|2[0-3]):?(?P<mi24>[0-5]\d)\s*(?:GMT|UTC|hrs|local\s+time)\b)"
        ),
        keys=(
            "am",
            "pm",
            "a.m",
            "p.m",
            "gmt",
            "utc",
            "hrs",
            "local time",
            "in the morning",
            "in the afternoon",
            "in the evening",
        ),
        # a digit first makes this gate quick to run over a whole text: most texts hold no clock time
        gate=r"\d\s*(?:[ap]\.?m|gmt|utc|hrs|local|(?:o['’]clock\s+)?in\s+the\s+(?:mor|aft|eve))",
        gate_text=True,
    ),
    ScanSpec(
        clock,
        lambda f: r"\b(?:at|around|before|after|by|until|from)\s+(?P<word>noon|midnight|dawn|dusk|daybreak|midday)\b",
        keys=("noon", "midnight", "dawn", "dusk", "daybreak", "midday"),
    ),
    ScanSpec(
        then,
        lambda f: r"\b(?:until|till|by|before|after)\s+(?:then|that\s+time|that\s+date)\b",
        keys=("then", "that time", "that date"),
    ),
    ScanSpec(
        day_only,
        lambda f: r"\bon\s+the\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])",
        keys=("on the",),
    ),
)
