"""What a grammar rule makes of a match, and what it may consult: :class:`Reading`, :class:`Context`.

Every rule of the grammar turns a regex match into a :class:`Reading` (inclusive
dates, precision, TIMEX3 type and value) relative to a :class:`Context`: the
anchor (document date), the tense at the match, the word lists and the
expressions resolved before it. The helpers here are the calendar parts rules
share ("early", "mid", "late" of a month or year; anchor-relative periods; counts).

>>> import datetime as dt
>>> ctx = Context(anchor=dt.date(2025, 1, 5), text="")
>>> period_bounds("week", -1, ctx.anchor)[2:]
('2024-W52', 'week')
>>> month_part(2025, 1, "early")
(datetime.date(2025, 1, 1), datetime.date(2025, 1, 10))
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, NamedTuple

from ..schema._types import Precision
from ._calendar import (
    Direction,
    add_months,
    add_years,
    latest_weekday,
    month_bounds,
    quarter_bounds,
    safe_date,
    week_bounds,
    year_bounds,
)
from ._expression import Basis, TimexType
from ._tense import text_tense
from ._time_words import TimeWords

if TYPE_CHECKING:
    from ._expression import TimeExpression

__all__ = [
    "DAY",
    "Context",
    "Reading",
    "TenseFn",
    "clip",
    "count",
    "day_reading",
    "duration_value",
    "iso",
    "kind_word",
    "mod_kind",
    "month_part",
    "period_bounds",
    "pick_year",
    "preceding_word",
    "shift",
    "word",
    "year_part",
]

DAY: Final = dt.timedelta(days=1)

# The direction at characters start:end of the text, and the name of the rule that decided it ("" for none).
TenseFn = Callable[[int, int], tuple[Direction, str]]


class Reading(NamedTuple):
    """What a rule makes of a match."""

    begin: dt.date
    until: dt.date
    precision: Precision
    timex: str
    timex_type: TimexType = "DATE"
    basis: Basis = "anchor"
    # "a day after <clause>": the expression the main clause is dated by
    main: TimeExpression | None = None
    # A range's bounds, each its own TIMEX3 at its own place: (start, end, reading)
    parts: tuple[tuple[int, int, Reading], ...] = ()
    # TimeML's mod: "START", "MID", "END" of the unit ("early March"), "APPROX", ...
    mod: str | None = None


@dataclass
class Context:
    """What a rule may consult: the anchor, the text, the word lists, the tense at a place, earlier expressions."""

    anchor: dt.date
    text: str
    words: TimeWords = field(default_factory=TimeWords.load)
    day_first: bool = True
    # None: past, as news reporting is (the finder passes the parse's tense, or the words' before it)
    tense_fn: TenseFn | None = None
    earlier: list[TimeExpression] = field(default_factory=list)
    # the tense rules that decided directions for the match being read
    tense_rules: list[str] = field(default_factory=list)

    def tense(self, start: int, end: int) -> Direction:
        """Which way an expression at ``start:end`` points (the deciding rule is noted in ``tense_rules``)."""
        if self.tense_fn is None:
            return "past"
        direction, rule_name = self.tense_fn(start, end)
        if rule_name:
            self.tense_rules.append(rule_name)
        return direction

    def text_tense(self, start: int, end: int) -> tuple[Direction, str]:
        """The direction from the words before ``start`` (no parse), for :attr:`tense_fn`."""
        return text_tense(self.text, start, end, self.words), ""

    def reference(self, start: int, units: tuple[Precision, ...] = ("day",)) -> TimeExpression | None:
        """The latest expression before ``start`` with one of these precisions that rests on a date.

        A range counts by its bounds ("between 1994 and 1997": 1997, then 1994).
        """
        for outer in reversed(self.earlier):
            for e in (*reversed(outer.inner), outer):
                if e.end <= start and e.precision in units and e.basis != "unresolved" and e.timex_type != "DURATION":
                    return e
        return None


def iso(d: dt.date) -> str:
    return d.isoformat()


def day_reading(d: dt.date, basis: Basis = "anchor", part: str | None = None) -> Reading:
    """One day; with a part of the day ("MO", "NI") a TIMEX3 TIME."""
    if part:
        return Reading(d, d, "day", f"{iso(d)}T{part}", "TIME", basis)
    return Reading(d, d, "day", iso(d), "DATE", basis)


_TIMEML_MOD: Final = {"start": "START", "mid": "MID", "end": "END"}


def timeml_mod(mod: str | None) -> str | None:
    """TimeML's mod for a modifier word ("early" -> "START", "mid" -> "MID", "late" -> "END")."""
    kind = mod_kind(mod)
    return _TIMEML_MOD[kind] if kind else None


def mod_kind(mod: str | None) -> str | None:
    """Which third a modifier names: "start" (early, the beginning of), "mid" or "end" (late, the end of)."""
    if not mod:
        return None
    m = " ".join(mod.lower().split())
    if m in ("early", "the beginning of", "the start of", "earlier"):
        return "start"
    if m in ("mid", "the middle of"):
        return "mid"
    if m in ("late", "the end of", "later"):
        return "end"
    return None


def kind_word(kind: str) -> str:
    """The modifier word of a part ("start" -> "early"), for the part helpers."""
    return {"start": "early", "mid": "mid", "end": "late"}[kind]


def month_part(year: int, month: int, mod: str | None) -> tuple[dt.date, dt.date]:
    """A month, or its first, middle or last third."""
    first, last = month_bounds(year, month)
    kind = mod_kind(mod)
    if kind == "start":
        return first, first + 9 * DAY
    if kind == "mid":
        return first + 10 * DAY, first + 19 * DAY
    if kind == "end":
        return first + 20 * DAY, last
    return first, last


def year_part(year: int, mod: str | None) -> tuple[dt.date, dt.date]:
    """A year, or its first, middle or last third (January-April, May-August, September-December)."""
    kind = mod_kind(mod)
    if kind == "start":
        return dt.date(year, 1, 1), dt.date(year, 4, 30)
    if kind == "mid":
        return dt.date(year, 5, 1), dt.date(year, 8, 31)
    if kind == "end":
        return dt.date(year, 9, 1), dt.date(year, 12, 31)
    return year_bounds(year)


def clip(r: Reading, ctx: Context, direction: Direction) -> Reading:
    """In past-tense reporting an anchor-relative week, month or year ends at the anchor at the latest.

    A quarter, season or decade (precision ``range``) stays whole: its dates are its TIMEX3 value's.
    """
    if direction == "past" and r.precision != "range" and r.begin <= ctx.anchor < r.until:
        return r._replace(until=ctx.anchor)
    return r


def pick_year(month: int, day: int, anchor: dt.date, direction: Direction) -> dt.date | None:
    """The year of a day and month written without one: on/before the anchor in the past, else after."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := safe_date(y, month, day))]
    if not options:
        return None
    if direction == "past":
        before = [d for d in options if d <= anchor]
        return before[-1] if before else options[0]
    if direction == "future":
        after = [d for d in options if d >= anchor]
        return after[0] if after else options[-1]
    # no tense: the nearest, though news looks back: a date more than four months ahead is last year's
    nearest = min(options, key=lambda d: abs((d - anchor).days))
    before = [d for d in options if d <= anchor]
    return before[-1] if (nearest - anchor).days > 122 and before else nearest


def word(m: re.Match[str], group: str) -> str | None:
    """A group of the match, lower case with single spaces; None when it did not take part."""
    value = m.group(group) if group in m.re.groupindex else None
    return " ".join(value.lower().split()) if value else None


# one capitalised word ending a clause ("Sunday Igboho,"), or two ("February 14 Youth Coalition")
_NAME_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)(?:(?=[,;.)])|[ \t]+[A-Z][a-z]+\b)")


def in_a_name(ctx: Context, start: int, end: int) -> bool:
    """Whether a date or a day stands inside a name: no preposition before it, a name after.

    "the February 14 Youth Coalition", "the 26 July Movement", "the activist Sunday Igboho, ..."; but
    "On March 3 Russian troops ..." (a preposition before) and "the Aug. 7 Embassy bombings" are dates.
    """
    after = _NAME_WORD.match(ctx.text, end)
    if after is None or after.group(1).lower() in (*ctx.words.months, *ctx.words.weekdays):
        return False
    before = preceding_word(ctx.text, start).rstrip(",")
    return before.isalpha() and before not in ctx.words.date_openers


def preceding_word(text: str, start: int) -> str:
    """The word just before ``start``, lower case, opening quotes and brackets stripped."""
    words = text[max(0, start - 30) : start].split()
    return words[-1].lower().strip("(\"'“‘") if words else ""


def period_bounds(unit: str, shift_by: int, anchor: dt.date) -> tuple[dt.date, dt.date, str, Precision]:
    """The calendar week, weekend, month, quarter, decade, century or year ``shift_by`` units from the anchor's."""
    if unit == "week":
        monday = week_bounds(anchor)[0] + 7 * shift_by * DAY
        week = monday.isocalendar()
        return monday, monday + 6 * DAY, f"{week.year:04d}-W{week.week:02d}", "week"
    if unit == "weekend":
        # Counted from the latest weekend begun on or before the day (shift 0).
        saturday = latest_weekday(anchor, 5) + 7 * shift_by * DAY
        week = saturday.isocalendar()
        return saturday, saturday + DAY, f"{week.year:04d}-W{week.week:02d}-WE", "week"
    if unit == "month":
        first = add_months(anchor.replace(day=1), shift_by)
        begin, until = month_bounds(first.year, first.month)
        return begin, until, f"{first.year:04d}-{first.month:02d}", "month"
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + 1 + shift_by
        year = anchor.year + (q - 1) // 4
        q = (q - 1) % 4 + 1
        begin, until = quarter_bounds(year, q)
        return begin, until, f"{year:04d}-Q{q}", "range"
    if unit == "century":
        century = (anchor.year // 100 + shift_by) * 100
        return dt.date(max(century, 1), 1, 1), dt.date(century + 99, 12, 31), f"{century // 100:02d}", "range"
    if unit == "decade":
        decade = (anchor.year // 10 + shift_by) * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), str(decade // 10), "range"
    year = anchor.year + shift_by
    begin, until = year_bounds(year)
    return begin, until, f"{year:04d}", "year"


def count(m: re.Match[str], ctx: Context, group: str = "n") -> tuple[int | None, tuple[int, int] | None]:
    """A written count, or its vague bounds ("a few" -> (2, 5))."""
    text = word(m, group)
    if text is None:
        return None, None
    value = ctx.words.number_value(text)
    if value is not None:
        return value, None
    return None, ctx.words.vague_numbers.get(text, (2, 7))


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` units (hours round to whole days)."""
    if unit == "hour":
        return day + dt.timedelta(days=round(n / 24))
    if unit == "day":
        return day + n * DAY
    if unit in ("week", "fortnight"):
        return day + (n * (14 if unit == "fortnight" else 7)) * DAY
    if unit == "month":
        return add_months(day, n)
    if unit == "decade":
        return add_years(day, 10 * n)
    return add_years(day, n)


def duration_value(n: int | None, unit: str, ctx: Context) -> str:
    """The TIMEX3 value of a duration: ``P3D``, ``PT24H``, ``P2W`` (a fortnight), ``PXY`` (no count)."""
    if unit == "hour":
        return f"PT{n}H" if n else "PTXH"
    u = ctx.words.units[unit]
    amount = n * u.factor if n else "X"
    return f"P{amount}{u.timex}"
