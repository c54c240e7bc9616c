"""The grammar of temporal expressions: one compiled regex per rule, and the rule's normalisation.

Every rule turns a match into a :class:`Reading` (inclusive dates, precision,
TIMEX3 value) relative to a :class:`Context`: the anchor (document date), the
tense at the match (``direction``) and the expressions resolved before it (for
"later that month", "a day after"). The conventions are those of
``docs/time.md``; the rule names appear in :attr:`TimeExpression.rule`.

>>> import datetime as dt, re
>>> ctx = Context(anchor=dt.date(2025, 1, 5), text="in August")
>>> rule = next(r for r in RULES if r.name == "month")
>>> r = rule.read(rule.pattern.search(ctx.text), ctx)
>>> (r.begin.isoformat(), r.until.isoformat(), r.precision, r.timex)
('2024-08-01', '2024-08-31', 'month', '2024-08')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Final, NamedTuple

from ..schema import TimeSpan
from ..schema._types import Precision
from ._calendar import (
    Direction,
    add_months,
    add_years,
    latest_weekday,
    month_bounds,
    month_of,
    next_weekday,
    quarter_bounds,
    safe_date,
    season_bounds,
    week_bounds,
    year_bounds,
)
from ._expression import Basis, TimeExpression, TimexType
from ._time_lexicon import MONTHS, PARTS_OF_DAY, VAGUE_NUMBERS, WEEKDAYS, number_value

__all__ = ["ORDINAL_DAYS", "RULES", "Context", "Reading", "Rule", "easter"]

_DAY: Final = dt.timedelta(days=1)


class Reading(NamedTuple):
    """What a rule makes of a match."""

    begin: dt.date
    until: dt.date
    precision: Precision
    timex: str
    timex_type: TimexType = "DATE"
    basis: Basis = "anchor"
    main: TimeSpan | None = None


@dataclass
class Context:
    """What a rule may consult: the anchor, the text, the tense at a place, earlier expressions."""

    anchor: dt.date
    text: str
    day_first: bool = True
    tense: Callable[[int, int], Direction] = field(default=lambda s, e: "past")
    earlier: list[TimeExpression] = field(default_factory=list)

    def reference(self, start: int, units: tuple[Precision, ...] = ("day",)) -> TimeExpression | None:
        """The latest expression before ``start`` with one of these precisions that rests on a date."""
        for e in reversed(self.earlier):
            if e.end <= start and e.precision in units and e.basis != "unresolved" and e.timex_type != "DURATION":
                return e
        return None


@dataclass(frozen=True)
class Rule:
    """A named pattern and its normalisation; ``read`` returns None to reject a match."""

    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], Context], Reading | None]
    # Lower-case substrings one of which every match holds: a cheap test that skips the regex scan.
    keys: tuple[str, ...] = ()
    # Words one of which every match holds, as written ("May", not "may"), or, with ``needs_case`` False,
    # lower-case ASCII words the pattern matches ignoring case: a window around a key without one is skipped.
    needs: tuple[str, ...] = ()
    needs_case: bool = True
    # A cheap pattern that matches a stretch of every match: a window where it finds nothing is not scanned.
    gate: re.Pattern[str] | None = None
    # Whether the gate is first tried on the whole text (worth it where most texts lack it): it must then
    # look at nothing around what it matches (no lookaround, no ``\b``), so that a match within a window
    # is one within the text.
    gate_text: bool = False


# --- fragments ---------------------------------------------------------------------------------

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WD = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR4 = r"(?:1[89]|20)\d{2}"
_NUM = (
    r"(?:\d{1,3}|a\s+couple\s+of|a\s+few|a\s+dozen|several|few|some|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|a|an)"
)
_UNIT = r"(?:day|week|month|year|hour|fortnight|decade)"
_MOD = r"early|mid|late|the\s+(?:end|beginning|start|middle)\s+of"
# "March last year", "April 15 of last year": the year said relative to the anchor's ("last year's" is not).
_REL_YEAR = r"(?:\s+(?:of\s+)?(?P<yr>last|this|next|previous)\s+year\b(?!['’]))"
_ORDINAL_WORDS: Final = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
]  # fmt: skip
ORDINAL_DAYS: Final[dict[str, int]] = {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)}
ORDINAL_DAYS.update({f"twenty-{w}": 20 + i + 1 for i, w in enumerate(_ORDINAL_WORDS[:9])})
ORDINAL_DAYS.update({"thirtieth": 30, "thirty-first": 31})
# Longest first, so "twenty-first" is not read as "first".
_ORD_WORD = "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True)).replace("-", r"[\s-]")


def _mon(group: str, *, abbreviations: bool = True) -> str:
    if abbreviations:
        # The full stop belongs to an abbreviation only ("Feb. 29"), never to "January." ending a sentence.
        dot = r"(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.|(?<=Sept)\.)?"
        return rf"(?P<{group}>(?-i:{_MONTH_FULL}|{_MONTH_ABBR})){dot}"
    return rf"(?P<{group}>(?-i:{_MONTH_FULL}))"


def _day(group: str) -> str:
    return rf"(?P<{group}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"


def _year(group: str) -> str:
    return rf"(?P<{group}>{_YEAR4})"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# --- readings -----------------------------------------------------------------------------------


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _day_reading(d: dt.date, basis: Basis = "anchor", part: str | None = None) -> Reading:
    if part:
        return Reading(d, d, "day", f"{_iso(d)}T{part}", "TIME", basis)
    return Reading(d, d, "day", _iso(d), "DATE", basis)


def _month_part(year: int, month: int, mod: str | None) -> tuple[dt.date, dt.date]:
    first, last = month_bounds(year, month)
    kind = _mod_kind(mod)
    if kind == "start":
        return first, first + 9 * _DAY
    if kind == "mid":
        return first + 10 * _DAY, first + 19 * _DAY
    if kind == "end":
        return first + 20 * _DAY, last
    return first, last


def _year_part(year: int, mod: str | None) -> tuple[dt.date, dt.date]:
    kind = _mod_kind(mod)
    if kind == "start":
        return dt.date(year, 1, 1), dt.date(year, 4, 30)
    if kind == "mid":
        return dt.date(year, 5, 1), dt.date(year, 8, 31)
    if kind == "end":
        return dt.date(year, 9, 1), dt.date(year, 12, 31)
    return year_bounds(year)


def _mod_kind(mod: str | None) -> str | None:
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


def _clip(r: Reading, ctx: Context, direction: Direction) -> Reading:
    """In past-tense reporting an anchor-relative period ends at the anchor at the latest."""
    if direction == "past" and r.begin <= ctx.anchor < r.until:
        return r._replace(until=ctx.anchor)
    return r


def _pick_year(month: int, day: int, anchor: dt.date, direction: Direction) -> dt.date | None:
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
    return min(options, key=lambda d: abs((d - anchor).days))


def _word(m: re.Match[str], group: str) -> str | None:
    value = m.group(group)
    return " ".join(value.lower().split()) if value else None


def _preceding_word(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return words[-1].lower().strip("(\"'“‘") if words else ""


# --- explicit dates -----------------------------------------------------------------------------


def _read_iso(m: re.Match[str], ctx: Context) -> Reading | None:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day_reading(d, "explicit") if d else None


def _read_numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 2000 if y <= (ctx.anchor.year % 100) + 1 else 1900
    if a > 12:
        day, month = a, b
    elif b > 12:
        month, day = a, b
    else:
        day, month = (a, b) if ctx.day_first else (b, a)
    d = safe_date(y, month, day)
    return _day_reading(d, "explicit") if d else None


def _relative_year(m: re.Match[str], ctx: Context) -> int | None:
    """The year of "last year", "this year", "next year" written after a month or a date."""
    rel = _word(m, "yr") if "yr" in m.re.groupindex else None
    if rel is None:
        return None
    return ctx.anchor.year + {"last": -1, "previous": -1, "this": 0, "next": 1}[rel]


def _read_day_month(m: re.Match[str], ctx: Context) -> Reading | None:
    dw = m["dw"] if "dw" in m.re.groupindex else None
    month = MONTHS[m["m"].lower()]
    day = ORDINAL_DAYS[re.sub(r"\s+", "-", dw.lower())] if dw else int(m["d"])
    rel_year = _relative_year(m, ctx)
    if m["y"]:
        d = safe_date(int(m["y"]), month, day)
        basis: Basis = "explicit"
    elif rel_year is not None:
        d = safe_date(rel_year, month, day)
        basis = "anchor"
    else:
        d = _pick_year(month, day, ctx.anchor, ctx.tense(m.start(), m.end()))
        basis = "anchor"
        if m["wd"] and d is not None and d.weekday() != WEEKDAYS[m["wd"].lower()]:
            # "Monday, March 4": the weekday picks the year where the tense alone cannot.
            weekday = WEEKDAYS[m["wd"].lower()]
            fits = [c for y in range(d.year - 6, d.year + 7) if (c := safe_date(y, month, day))]
            fits = [c for c in fits if c.weekday() == weekday]
            d = min(fits, key=lambda c: abs((c - ctx.anchor).days)) if fits else d
    if d is None:
        return None
    return _day_reading(d, basis)


def _read_day_range(m: re.Match[str], ctx: Context) -> Reading | None:
    month2 = MONTHS[m["m"].lower()]
    month1 = MONTHS[m["m1"].lower()] if m["m1"] else month2
    return _dated_range(m, ctx, month1, month2, same_day_ok=True)


def _dated_range(m: re.Match[str], ctx: Context, month1: int, month2: int, *, same_day_ok: bool) -> Reading | None:
    """Days ``d1`` of ``month1`` to ``d`` of ``month2`` (year ``y`` or the anchor's), at most about two months."""
    d1, d2 = int(m["d1"]), int(m["d"])
    if m["y"]:
        end = safe_date(int(m["y"]), month2, d2)
        basis: Basis = "explicit"
    else:
        end = _pick_year(month2, d2, ctx.anchor, ctx.tense(m.start(), m.end()))
        basis = "anchor"
    if end is None:
        return None
    start = safe_date(end.year if month1 <= month2 else end.year - 1, month1, d1)
    if start is None or start > end or (start == end and not same_day_ok) or (end - start).days > 62:
        return None
    return Reading(start, end, "range", _iso(start), "DATE", basis)


def _read_month_year(m: re.Match[str], ctx: Context) -> Reading | None:
    year, month = int(m["y"]), MONTHS[m["m"].lower()]
    begin, until = _month_part(year, month, _word(m, "mod"))
    return Reading(begin, until, "month", f"{year:04d}-{month:02d}", "DATE", "explicit")


_WEAK_MAY_CONTEXT: Final = frozenset(
    {
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "during",
        "through",
        "throughout",
        "before",
        "after",
        "of",
        "between",
        "and",
        "to",
        "early",
        "mid",
        "late",
        "last",
        "next",
        "this",
        "end",
        "beginning",
        "start",
        "middle",
    }
)


def _read_month(m: re.Match[str], ctx: Context) -> Reading | None:
    name = m["m"]
    # "May" is mostly the modal verb: only a preposition or modifier makes it the month.
    bare = not (m["pre"] or m["rel"] or m["mod"] or m["yr"])
    if name == "May" and bare and _preceding_word(ctx.text, m.start()) not in _WEAK_MAY_CONTEXT:
        return None
    month = MONTHS[name.lower()]
    rel = _word(m, "rel")
    rel_year = _relative_year(m, ctx)
    if rel_year is not None:
        begin, until = _month_part(rel_year, month, _word(m, "mod"))
        r = Reading(begin, until, "month", f"{rel_year:04d}-{month:02d}")
        return _clip(r, ctx, "past") if rel_year == ctx.anchor.year else r
    if rel in ("last", "past"):
        year = month_of(ctx.anchor, month, "past", strict=True)
        direction: Direction = "past"
    elif rel in ("next", "coming"):
        year = month_of(ctx.anchor, month, "future", strict=True)
        direction = "future"
    elif rel == "this":
        year, direction = ctx.anchor.year, None
    else:
        direction = ctx.tense(m.start(), m.end())
        year = month_of(ctx.anchor, month, direction)
    begin, until = _month_part(year, month, _word(m, "mod"))
    return _clip(Reading(begin, until, "month", f"{year:04d}-{month:02d}"), ctx, direction)


_COUNT_NOUN = re.compile(
    r"\s*(?:people|persons|civilians|soldiers|troops|fighters|militants|men|women|children|residents|refugees|"
    r"migrants|km|kilometres|kilometers|miles|metres|meters|dollars|euros|tonnes|tons|rounds|rockets|"
    r"missiles|shells|drones|families|households|homes|houses|buildings|villages|prisoners|hostages|deaths|"
    r"cases|votes|members|police|officers|times|feet|hectares|acres)\b",
    re.IGNORECASE,
)


def _read_year(m: re.Match[str], ctx: Context) -> Reading | None:
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    if before[-1:] in ("$", "£", "€", "#", "-", "/", "."):
        return None
    if _COUNT_NOUN.match(ctx.text, m.end()):
        return None
    year = int(m["y"])
    if year > ctx.anchor.year + 10:
        return None
    begin, until = _year_part(year, _word(m, "mod"))
    return Reading(begin, until, "year", f"{year:04d}", "DATE", "explicit")


def _read_year_range(m: re.Match[str], ctx: Context) -> Reading | None:
    y1, y2s = int(m["y"]), m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not y1 < y2 <= ctx.anchor.year + 10:
        return None
    return Reading(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range", f"{y1:04d}", "DATE", "explicit")


def _read_decade(m: re.Match[str], ctx: Context) -> Reading | None:
    first = int(m["dec"])
    begin, until = dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
    kind = _mod_kind(_word(m, "mod"))
    if kind == "start":
        until = dt.date(first + 3, 12, 31)
    elif kind == "mid":
        begin, until = dt.date(first + 3, 1, 1), dt.date(first + 6, 12, 31)
    elif kind == "end":
        begin = dt.date(first + 7, 1, 1)
    return Reading(begin, until, "range", str(first // 10), "DATE", "explicit")


_ORDINALS: Final = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _year_of_phrase(m: re.Match[str], ctx: Context) -> tuple[int, Basis] | None:
    if m["y"]:
        return int(m["y"]), "explicit"
    rel = _word(m, "yr")
    if rel == "last":
        return ctx.anchor.year - 1, "anchor"
    if rel == "next":
        return ctx.anchor.year + 1, "anchor"
    if rel in ("this", "the"):
        return ctx.anchor.year, "anchor"
    return None


def _read_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    q = m["qn"]
    quarter = int(q) if q else (4 if _word(m, "q") in ("final", "last") else _ORDINALS[_word(m, "q") or ""])
    found = _year_of_phrase(m, ctx)
    if found is None:
        year = ctx.anchor.year
        direction = ctx.tense(m.start(), m.end())
        if direction != "future" and quarter_bounds(year, quarter)[0] > ctx.anchor:
            year -= 1
        basis: Basis = "anchor"
    else:
        year, basis = found
    begin, until = quarter_bounds(year, quarter)
    r = Reading(begin, until, "range", f"{year:04d}-Q{quarter}", "DATE", basis)
    return _clip(r, ctx, ctx.tense(m.start(), m.end())) if basis == "anchor" else r


def _read_half(m: re.Match[str], ctx: Context) -> Reading | None:
    found = _year_of_phrase(m, ctx)
    if found is None:
        return None
    year, basis = found
    half = 1 if _word(m, "h") == "first" else 2
    begin = dt.date(year, 1 if half == 1 else 7, 1)
    until = dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)
    return Reading(begin, until, "range", f"{year:04d}-H{half}", "DATE", basis)


_SEASON_CODE: Final = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def _read_season(m: re.Match[str], ctx: Context) -> Reading | None:
    season = (m["s"] or m["s2"]).lower()
    after = ctx.text[m.end() : m.end() + 4].lower()
    if season in ("fall", "spring") and after.startswith(" of") and not m["y"]:
        return None  # "the fall of Mariupol", "the spring of discontent"
    rel = _word(m, "rel")
    if m["y"]:
        year, basis = int(m["y"]), "explicit"
    else:
        basis = "anchor"
        direction: Direction = ctx.tense(m.start(), m.end())
        if rel in ("last", "past"):
            direction = "past"
        elif rel in ("next", "coming"):
            direction = "future"
        # The latest season begun on or before the anchor (in the past), else the next one.
        year = ctx.anchor.year
        while season_bounds(season, year)[0] > ctx.anchor:
            year -= 1
        if rel == "last" and season_bounds(season, year)[1] >= ctx.anchor:
            year -= 1
        if direction == "future" and season_bounds(season, year)[1] < ctx.anchor:
            year += 1
    begin, until = season_bounds(season, year)
    r = Reading(begin, until, "range", f"{year:04d}-{_SEASON_CODE[season]}", "DATE", basis)  # type: ignore[arg-type]
    return _clip(r, ctx, "past") if basis == "anchor" and rel != "next" else r


# --- weekdays and relative days -----------------------------------------------------------------


def _resolve_weekday(weekday: int, rel: str | None, ctx: Context, start: int, end: int) -> tuple[dt.date, Direction]:
    if rel == "last":
        return latest_weekday(ctx.anchor, weekday, strict=True), "past"
    if rel in ("next", "coming"):
        return next_weekday(ctx.anchor, weekday), "future"
    direction = ctx.tense(start, end)
    if rel == "this" and direction is None:
        direction = "future"
    if direction == "future":
        # "will meet on Sunday" written on a Sunday is next week's: the same day would be "today".
        return next_weekday(ctx.anchor, weekday), direction
    return latest_weekday(ctx.anchor, weekday), direction


def _read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    rel = _word(m, "rel")
    day, _ = _resolve_weekday(weekday, "last" if rel == "this past" else rel, ctx, m.start(), m.end())
    night = _word(m, "ovn")
    if night and night.startswith("overnight into"):
        return Reading(day - _DAY, day, "range", f"{_iso(day - _DAY)}TNI", "TIME")
    pod = _word(m, "pod")
    part = PARTS_OF_DAY.get(pod or "") or ("NI" if night in ("overnight", "the night of") else None)
    return _day_reading(day, "anchor", part)


def _read_relative_day(m: re.Match[str], ctx: Context) -> Reading | None:
    w = _word(m, "w") or ""
    pod = PARTS_OF_DAY.get(_word(m, "pod") or "")
    a = ctx.anchor
    if w in ("tonight", "overnight") or w.endswith(" tonight"):
        direction = ctx.tense(m.start(), m.end())
        if w == "overnight" or direction == "past":
            # A night named in past-tense reporting is the night just past: it straddles two dates.
            return Reading(a - _DAY, a, "range", f"{_iso(a - _DAY)}TNI", "TIME")
        return _day_reading(a, "anchor", "NI")
    if w == "last night":
        return _day_reading(a - _DAY, "anchor", "NI")
    if w.startswith("this "):
        return _day_reading(a, "anchor", PARTS_OF_DAY[w.split()[1]])
    offsets = {
        "today": 0, "earlier today": 0, "later today": 0, "yesterday": -1, "tomorrow": 1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }  # fmt: skip
    if w not in offsets:
        return None
    return _day_reading(a + offsets[w] * _DAY, "anchor", pod)


# --- anchor-relative periods --------------------------------------------------------------------


def _period_bounds(unit: str, shift: int, anchor: dt.date) -> tuple[dt.date, dt.date, str, Precision]:
    if unit == "week":
        monday = week_bounds(anchor)[0] + 7 * shift * _DAY
        iso = monday.isocalendar()
        return monday, monday + 6 * _DAY, f"{iso.year:04d}-W{iso.week:02d}", "week"
    if unit == "weekend":
        # Counted from the latest weekend begun on or before the day (shift 0).
        saturday = latest_weekday(anchor, 5) + 7 * shift * _DAY
        iso = saturday.isocalendar()
        return saturday, saturday + _DAY, f"{iso.year:04d}-W{iso.week:02d}-WE", "week"
    if unit == "month":
        first = add_months(anchor.replace(day=1), shift)
        begin, until = month_bounds(first.year, first.month)
        return begin, until, f"{first.year:04d}-{first.month:02d}", "month"
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + 1 + shift
        year = anchor.year + (q - 1) // 4
        q = (q - 1) % 4 + 1
        begin, until = quarter_bounds(year, q)
        return begin, until, f"{year:04d}-Q{q}", "range"
    if unit == "decade":
        decade = (anchor.year // 10 + shift) * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), str(decade // 10), "range"
    year = anchor.year + shift
    begin, until = year_bounds(year)
    return begin, until, f"{year:04d}", "year"


def _read_period(m: re.Match[str], ctx: Context) -> Reading | None:
    rel = (_word(m, "rel") or "").removeprefix("the ").removeprefix("this ")
    unit = _word(m, "u") or ""
    mod = _word(m, "mod")
    if rel == "" and not mod and unit != "weekend":
        return None  # "the year" alone is not a date
    direction: Direction
    if rel in ("last", "previous", "past"):
        shift, direction = -1, "past"
    elif rel in ("next", "coming"):
        shift, direction = 1, "future"
    else:
        shift, direction = 0, ctx.tense(m.start(), m.end())
    if unit == "weekend":
        on_weekend = ctx.anchor.weekday() >= 5
        if m["pastw"] or (rel in ("last", "previous", "past") and not on_weekend):
            shift = 0  # "last weekend" on a Monday is the one just past
        elif shift == 0 and direction == "future" and not on_weekend:
            shift = 1
    begin, until, timex, precision = _period_bounds(unit, shift, ctx.anchor)
    if mod in ("earlier", "later") and shift == 0 and begin <= ctx.anchor <= until:
        # "earlier this month" is split at the anchor; a period already past ("later last
        # weekend" on a Tuesday) does not contain it and keeps its own bounds below.
        begin, until = (begin, ctx.anchor) if mod == "earlier" else (ctx.anchor, until)
        return Reading(begin, until, precision, timex)
    if mod == "the rest of":
        return Reading(ctx.anchor, until, precision, timex)
    kind = _mod_kind(mod)
    if kind and unit in ("month", "year"):
        begin, until = (
            _month_part(begin.year, begin.month, kind_word(kind))
            if unit == "month"
            else _year_part(begin.year, kind_word(kind))
        )
    elif kind and unit == "week":
        begin, until = {
            "start": (begin, begin + 2 * _DAY),
            "mid": (begin + 2 * _DAY, begin + 4 * _DAY),
            "end": (begin + 4 * _DAY, until),
        }[kind]
    if shift == 0 and direction != "future":
        return _clip(Reading(begin, until, precision, timex), ctx, "past")
    return Reading(begin, until, precision, timex)


def kind_word(kind: str) -> str:
    """The modifier word of a part ("start" -> "early"), for the part helpers."""
    return {"start": "early", "mid": "mid", "end": "late"}[kind]


def _count(m: re.Match[str], group: str = "n") -> tuple[int | None, tuple[int, int] | None]:
    """A written count, or its vague bounds ("a few" -> (2, 5))."""
    word = _word(m, group)
    if word is None:
        return None, None
    value = number_value(word)
    if value is not None:
        return value, None
    return None, VAGUE_NUMBERS.get(word, (2, 7))


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "hour":
        return day + dt.timedelta(days=round(n / 24))
    if unit == "day":
        return day + n * _DAY
    if unit in ("week", "fortnight"):
        return day + (n * (14 if unit == "fortnight" else 7)) * _DAY
    if unit == "month":
        return add_months(day, n)
    if unit == "decade":
        return add_years(day, 10 * n)
    return add_years(day, n)


# Which earlier expressions an offset in this unit may count from.
_REFERENCE_UNITS: Final[dict[str, tuple[Precision, ...]]] = {
    "day": ("day",),
    "hour": ("day",),
    "week": ("day", "week"),
    "fortnight": ("day", "week"),
    "month": ("day", "week", "month"),
    "year": ("day", "week", "month", "year"),
}
_UNIT_CODE: Final = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "year": "Y", "decade": "Y"}
_VAGUE_SPAN: Final = {"day": 7, "week": 3, "month": 3, "year": 3, "hour": 24, "decade": 1, "fortnight": 2}


def _duration(n: int | None, unit: str) -> str:
    if unit == "hour":
        return f"PT{n}H" if n else "PTXH"
    factor = {"fortnight": 2, "decade": 10}.get(unit, 1)
    count = n * factor if n else "X"
    return f"P{count}{_UNIT_CODE[unit]}"


def _read_window(m: re.Match[str], ctx: Context) -> Reading | None:
    rel = _word(m, "rel") or _word(m, "rel2") or "past"
    unit = _word(m, "u") or "day"
    n, vague = _count(m)
    plural = m["u_s"] is not None and m["u_s"] != ""
    if n is None and vague is None and not plural and rel in ("next", "following", "previous", "preceding"):
        return None  # "the next day" is relative to another date: the offset rule reads it
    if n is None and vague is None and not plural:
        n = 1  # "the past day", "the coming week"
    span = n if n is not None else (vague[1] if vague else _VAGUE_SPAN[unit])
    a = ctx.anchor
    if rel in ("coming", "next", "following"):
        return Reading(a, max(a, _shift(a, unit, span) - (_DAY if unit != "hour" else 0 * _DAY)), "range",
                       _duration(n, unit), "DURATION")  # fmt: skip
    begin = _shift(a, unit, -max(span, 1))
    if unit == "hour" and begin == a:
        begin = a - _DAY
    return Reading(begin, a, "range", _duration(n if n is not None else None, unit), "DURATION")


def _read_recent(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = _word(m, "u")
    a = ctx.anchor
    if unit is None:  # "recently", "lately"
        return Reading(a - 30 * _DAY, a, "range", "PAST_REF")
    begin = {"day": a - 7 * _DAY, "week": a - 28 * _DAY, "month": add_months(a, -3), "year": add_years(a, -3)}
    return Reading(begin[unit], a, "range", "PAST_REF")


def _read_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = _word(m, "u") or "day"
    n, vague = _count(m)
    a = ctx.anchor
    if n is None:
        low, high = vague or (2, _VAGUE_SPAN[unit])
        return Reading(_shift(a, unit, -high), _shift(a, unit, -low), "range", "PAST_REF")
    point = _shift(a, unit, -n)
    if unit in ("day", "hour"):
        return _day_reading(point)
    if unit in ("week", "fortnight"):
        begin, until, timex, precision = _period_bounds("week", 0, point)
        return _clip(Reading(begin, until, precision, timex), ctx, "past")
    if unit == "month":
        begin, until = month_bounds(point.year, point.month)
        return Reading(begin, until, "month", f"{point.year:04d}-{point.month:02d}")
    if unit == "decade":
        return Reading(*year_bounds(point.year), "year", f"{point.year:04d}")
    return Reading(*year_bounds(point.year), "year", f"{point.year:04d}")


def _read_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = _word(m, "u") or "day"
    n, vague = _count(m)
    span = n if n is not None else (vague[1] if vague else _VAGUE_SPAN[unit])
    a = ctx.anchor
    begin = min(a, _shift(a, unit, -span))
    return Reading(begin, a, "range", _duration(n, unit), "DURATION", "unresolved")


# --- relative to another date in the text -------------------------------------------------------


def _unresolved(ctx: Context) -> Reading:
    """No date to count from: the week up to the anchor, said honestly."""
    return Reading(ctx.anchor - 7 * _DAY, ctx.anchor, "range", "PAST_REF", "DATE", "unresolved")


def _read_offset(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = _word(m, "u") or "day"
    direction = _word(m, "dir") or ""
    mod = _word(m, "mod")
    n, vague = _count(m)
    if unit in ("morning", "afternoon", "evening", "night"):
        part, unit = PARTS_OF_DAY[unit], "day"
    else:
        part = None
    in_the = direction in ("later", "earlier") and mod == direction  # "earlier in the week"
    if direction in ("that", "same") or in_the:
        direction = "that"
        n = 0
    elif direction in ("next", "following"):
        n = 1
        direction = "after"
    elif direction in ("previous", "preceding"):
        n = 1
        direction = "before"
    elif n is None and vague is None:
        # "the day before" is one day; "the days before" is some days
        plural = re.search(r"s\s+\w+$", ctx.text[m.start() : m.end()]) is not None
        n = 1 if m["n"] is None and m["the"] and not plural else None
    if n is None and vague is None:
        vague = (1, _VAGUE_SPAN.get(unit, 3))
    units = _REFERENCE_UNITS[unit]
    ref = ctx.reference(m.start(), units)
    if ref is None and in_the and unit in ("week", "month", "year"):
        # "earlier in the week" with no date before it: the anchor's week, as "earlier this week".
        begin, until, timex, precision = _period_bounds(unit, 0, ctx.anchor)
        if mod == "earlier":
            return Reading(begin, ctx.anchor, precision, timex)
        return Reading(ctx.anchor, until, precision, timex)
    if ref is None:
        # No date to count from: an honest coarse span; the TIMEX3 value counts from the anchor as taggers do.
        a = ctx.anchor
        at_anchor = TimeSpan(start=a, end=a, precision="day", anchor=a)
        guess = _offset_from(a, a, at_anchor, m, ctx, unit, direction, mod, n, vague, part)
        return _unresolved(ctx)._replace(timex=guess.timex, timex_type=guess.timex_type)
    coarse = _coarser_in_sentence(ctx, m.start(), ref)
    if coarse is not None and n is not None and unit in ("day", "hour") and direction not in ("that", "same"):
        # "Last week the army retook the town the militia had overrun a day earlier": a day before a week
        # is a span, not a day before the Friday named two sentences back
        first = _offset_from(
            coarse.begin, coarse.begin, coarse.to_timespan(None), m, ctx, unit, direction, mod, n, vague, None
        )
        last = _offset_from(
            coarse.until, coarse.until, coarse.to_timespan(None), m, ctx, unit, direction, mod, n, vague, None
        )
        begin, until = min(first.begin, last.begin), max(first.until, last.until)
        ref_timex = "PAST_REF" if begin < coarse.begin else "FUTURE_REF"
        return Reading(begin, until, "range", ref_timex, "DATE", "reference", first.main)
    return _offset_from(ref.begin, ref.until, ref.to_timespan(None), m, ctx, unit, direction, mod, n, vague, part)


_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+[A-Z\"“]|\n")


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


def _offset_from(
    ref_begin: dt.date,
    ref_until: dt.date,
    ref_span: TimeSpan,
    m: re.Match[str],
    ctx: Context,
    unit: str,
    direction: str,
    mod: str | None,
    n: int | None,
    vague: tuple[int, int] | None,
    part: str | None,
) -> Reading:
    """An offset counted from a reference date ("three days later", "that month", "a day after ...")."""
    # "a day after <clause>" dates the clause: the main clause is the later date, the clause one day earlier.
    tail = ctx.text[m.end() : m.end() + 2]
    governs_clause = direction in ("after", "before") and tail[:1] == " " and tail[1:2].isalnum()
    sign = {"after": 1, "later": 1, "afterwards": 1, "before": -1, "earlier": -1, "prior": -1}.get(direction, 0)
    if governs_clause:
        sign = -sign
    main = ref_span if governs_clause else None
    if direction in ("that", "same"):
        if unit == "day" or unit == "hour":
            return _day_reading(ref_begin, "reference", part)._replace(main=main)
        begin, until, timex, precision = _period_bounds(unit, 0, ref_begin)
        if mod in ("later", "late"):
            begin = max(begin, ref_begin)
        elif mod in ("earlier", "early"):
            until = min(until, ref_until)
        return Reading(begin, until, precision, timex, "DATE", "reference")
    if n is not None:
        point = _shift(ref_begin, unit, sign * n)
        if unit in ("day", "hour"):
            return _day_reading(point, "reference", part)._replace(main=main)
        begin, until, timex, precision = _period_bounds(unit, 0, point)
        return Reading(begin, until, precision, timex, "DATE", "reference", main)
    low, high = vague or (1, 3)
    ends = sorted((_shift(ref_begin, unit, sign * low), _shift(ref_begin, unit, sign * high)))
    return Reading(ends[0], ends[1], "range", "PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", "reference", main)


# --- times of day, days of the month, feasts, weeks of a month ------------------------------------


def _reference_day(ctx: Context, start: int) -> tuple[dt.date, Basis]:
    """The day of a bare time: the last day named in the same paragraph, else the anchor."""
    ref = ctx.reference(start, ("day",))
    if ref is not None and "\n" not in ctx.text[ref.end : start]:
        return ref.begin, "reference"
    return ctx.anchor, "anchor"


def _read_clock(m: re.Match[str], ctx: Context) -> Reading | None:
    day, basis = _reference_day(ctx, m.start())
    word = _word(m, "word")
    if word:
        part = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}.get(word) or PARTS_OF_DAY.get(word, "NI")
        return Reading(day, day, "day", f"{_iso(day)}T{part}", "TIME", basis)
    hour = int(m["h"] or m["h24"])
    minute = int(m["mi"] or m["mi24"] or 0)
    ampm = (m["ap"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return Reading(day, day, "day", f"{_iso(day)}T{hour:02d}:{minute:02d}", "TIME", basis)


def _read_day_only(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "on the 5th": a day of the month last named, else of the anchor's month (not after the anchor)."""
    day = int(m["d"])
    ref = ctx.reference(m.start(), ("day", "week", "month"))
    if ref is not None:
        d = safe_date(ref.begin.year, ref.begin.month, day)
        basis: Basis = "reference"
    else:
        d = safe_date(ctx.anchor.year, ctx.anchor.month, day)
        if d is not None and d > ctx.anchor and ctx.tense(m.start(), m.end()) != "future":
            prev = add_months(ctx.anchor.replace(day=1), -1)
            d = safe_date(prev.year, prev.month, day)
        basis = "anchor"
    return _day_reading(d, basis) if d else None


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus).

    >>> easter(2024), easter(2025)
    (datetime.date(2024, 3, 31), datetime.date(2025, 4, 20))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _feast(name: str, year: int) -> dt.date:
    n = " ".join(name.lower().replace("’", "'").split())
    if n.startswith("christmas eve"):
        return dt.date(year, 12, 24)
    if n.startswith("christmas"):
        return dt.date(year, 12, 25)
    if n.startswith("new year's eve"):
        return dt.date(year, 12, 31)
    if n.startswith("new year"):
        return dt.date(year, 1, 1)
    if n == "easter monday":
        return easter(year) + _DAY
    if n == "good friday":
        return easter(year) - 2 * _DAY
    return easter(year)


def _read_holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    name = m["h"]
    if m["y"]:
        return _day_reading(_feast(name, int(m["y"])), "explicit")
    direction = ctx.tense(m.start(), m.end())
    options = [_feast(name, y) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    if direction == "future":
        day = next(d for d in options if d >= ctx.anchor)
    else:
        day = [d for d in options if d <= ctx.anchor][-1]
    return _day_reading(day)


_WEEK_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 5, "final": 5}


def _read_week_of_month(m: re.Match[str], ctx: Context) -> Reading | None:
    month = MONTHS[m["m"].lower()]
    basis: Basis
    if m["y"]:
        year, basis = int(m["y"]), "explicit"
    else:
        year, basis = month_of(ctx.anchor, month, ctx.tense(m.start(), m.end())), "anchor"
    first, last = month_bounds(year, month)
    which = _WEEK_ORDINALS[_word(m, "w") or "first"]
    begin = last - 6 * _DAY if which == 5 else first + 7 * (which - 1) * _DAY
    until = last if which == 5 else min(last, begin + 6 * _DAY)
    r = Reading(begin, until, "week", f"{year:04d}-{month:02d}", "DATE", basis)
    return _clip(r, ctx, "past") if basis == "anchor" else r


# --- the rule table -----------------------------------------------------------------------------

_PRE = r"(?:(?P<pre>on|in)\s+)?"

_RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "iso",
        _compile(rf"\b{_year('y')}[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>0?[1-9]|[12]\d|3[01])\b"),
        _read_iso,
    ),
    Rule(
        "numeric",
        _compile(r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"),
        _read_numeric,
    ),
    Rule(
        "day_month",
        _compile(
            rf"\b(?:on\s+)?(?:(?:(?:last|this|next|this\s+past)\s+)?(?P<wd>{_WD}),?\s+)?"
            rf"(?:(?:the\s+)?{_day('d')}(?:\s+of)?|the\s+(?P<dw>{_ORD_WORD})\s+of)"
            rf"\s+{_mon('m')}(?:,?\s+{_year('y')}|{_REL_YEAR})?(?![\w-])"
        ),
        _read_day_month,
    ),
    Rule(
        "month_day",
        _compile(
            rf"\b(?:on\s+)?(?:(?:(?:last|this|next|this\s+past)\s+)?(?P<wd>{_WD}),?\s+)?{_mon('m')}\s+{_day('d')}"
            rf"(?![\w-])(?:,?\s+{_year('y')}|{_REL_YEAR})?"
            rf"(?!,\d|[\w-])"
        ),
        _read_day_month,
    ),
    Rule(
        "day_range",
        _compile(
            rf"\b(?:(?:on\s+|in\s+)?the\s+nights?\s+of\s+|between\s+|from\s+)?(?P<d1>3[01]|[12]\d|0?[1-9])"
            rf"(?:st|nd|rd|th)?(?:\s+{_mon('m1')})?\s*(?:-|–|—|to|and|until|till|through|into)\s*(?:the\s+)?"
            rf"{_day('d')}(?:\s+of)?\s+{_mon('m')}(?:,?\s+{_year('y')})?(?![\w-])"
        ),
        _read_day_range,
    ),
    Rule(
        "month_day_range",
        _compile(
            rf"\b(?:between\s+|from\s+)?{_mon('m1')}\s+(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*"
            rf"(?:-|–|—|to|and|until|till|through)\s*(?:{_mon('m')}\s+)?{_day('d')}(?![\w-])(?:,?\s+{_year('y')})?"
        ),
        lambda m, ctx: _read_month_day_range(m, ctx),
    ),
    Rule(
        "month_year",
        _compile(rf"\b(?:in\s+)?(?:(?P<mod>{_MOD})[\s-]+)?{_mon('m')},?\s+(?:of\s+)?{_year('y')}\b"),
        _read_month_year,
    ),
    Rule(
        "month",
        _compile(
            rf"\b(?:(?P<pre>in)\s+)?(?:(?P<rel>last|this|next|past|coming)\s+|(?P<mod>{_MOD})[\s-]+)?"
            rf"{_mon('m', abbreviations=False)}\b(?!\s*\d){_REL_YEAR}?"
        ),
        _read_month,
    ),
    Rule(
        "year_range",
        _compile(rf"\b(?:between\s+|from\s+)?{_year('y')}\s*(?:-|–|—|to|and|until)\s*(?P<y2>(?:1[89]|20)?\d{{2}})\b"),
        _read_year_range,
    ),
    Rule(
        "year",
        _compile(
            rf"\b(?:in\s+)?(?:(?P<mod>{_MOD})[\s-]+)?(?:the\s+year\s+)?"
            rf"{_year('y')}(?![\w-]|[.,]\d|\s*(?:%|per\s*cent))"
        ),
        _read_year,
    ),
    Rule(
        "decade",
        _compile(r"\b(?:in\s+)?(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b"),
        _read_decade,
    ),
    Rule(
        "quarter",
        _compile(
            rf"\b(?:in\s+)?(?:the\s+)?(?:(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter"
            rf"(?:\s+of\s+(?:(?P<yr>this|last|next|the)\s+year|{_year('y')}))?|Q(?P<qn>[1-4])\s+{_year('y2')})\b"
        ),
        lambda m, ctx: _read_quarter_any(m, ctx),
    ),
    Rule(
        "half",
        _compile(
            rf"\b(?:in\s+)?(?:the\s+)?(?P<h>first|second|latter)\s+half\s+of\s+(?:(?P<yr>this|last|next|the)\s+year|"
            rf"{_year('y')})\b"
        ),
        _read_half,
    ),
    Rule(
        "season",
        _compile(
            rf"\b(?:(?:in|during|over)\s+)?(?:(?:(?P<rel>this|last|next|past|the|coming)\s+(?:(?:early|late)\s+)?"
            rf"(?P<s>winter|spring|summer|autumn|fall))(?:\s+(?:of\s+)?{_year('y')})?|"
            rf"(?P<s2>(?-i:[Ww]inter|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all))\s+(?:of\s+)?{_year('y2')})\b"
        ),
        lambda m, ctx: _read_season_any(m, ctx),
    ),
    Rule(
        "weekday",
        _compile(
            rf"\b(?:(?P<ovn>overnight\s+into|overnight|the\s+night\s+of|late|early|later|earlier)\s+(?:on\s+)?"
            rf"|(?P<rel>last|this\s+past|this|next|past|coming)\s+|on\s+)?(?P<wd>{_WD})(?:['’]s)?"
            rf"(?:\s+(?P<pod>morning|afternoon|evening|night|dawn))?\b"
        ),
        _read_weekday,
    ),
    Rule(
        "relative_day",
        _compile(
            r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|(?:earlier|later)\s+today|"
            r"yesterday|today|tonight|tomorrow|last\s+night|overnight|this\s+(?:morning|afternoon|evening))"
            r"(?:['’]s)?(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"
        ),
        _read_relative_day,
    ),
    Rule(
        "window",
        _compile(
            rf"\b(?:(?:over|in|during|for|within|throughout)\s+)?(?:the\s+(?P<rel>past|last|previous|preceding|"
            rf"coming|next|following)|(?P<rel2>past))\s+(?:(?P<n>{_NUM})\s+)?(?P<u>day|week|month|year|hour|fortnight|"
            rf"decade)(?P<u_s>s)?\b(?!\s+(?:of|before|after|ago))"
        ),
        _read_window,
    ),
    Rule(
        "recent",
        _compile(r"\b(?:(?:in|over|during)\s+)?recent\s+(?P<u>day|week|month|year)s\b|\brecently\b|\blately\b"),
        _read_recent,
    ),
    Rule(
        "ago",
        _compile(
            rf"\b(?:(?:about|nearly|almost|some|more\s+than|over|just|only|around)\s+)?(?:(?P<n>{_NUM})\s+)?"
            rf"(?P<u>day|week|month|year|hour|fortnight|decade)s?\s+ago\b"
        ),
        _read_ago,
    ),
    Rule(
        "period",
        _compile(
            r"\b(?:(?:at|over|during|in|on)\s+)?(?:(?P<mod>early|earlier|late|later|mid|the\s+rest\s+of|"
            r"the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?(?P<rel>(?:the\s+)?(?:last|next|past|previous|"
            r"coming|current)|this\s+(?P<pastw>past)|this|the)\s+(?P<u>week|month|year|weekend|quarter|decade)"
            r"(?:['’]s)?\b"
        ),
        _read_period,
    ),
    Rule(
        "duration",
        _compile(
            rf"\bfor\s+(?:(?:more|less)\s+than\s+|about\s+|nearly\s+|almost\s+|over\s+|around\s+)?(?:(?P<n>{_NUM})\s+)?"
            rf"(?P<u>day|week|month|year|hour|decade)s?\b"
        ),
        lambda m, ctx: _read_duration(m, ctx) if m["n"] or ctx.text[m.end() - 1] == "s" else None,
    ),
    Rule(
        "offset",
        _compile(
            rf"\b(?:(?:(?:about|nearly|almost|some|just|only|barely|more\s+than|less\s+than)\s+)?(?P<n>{_NUM})\s+"
            rf"|(?P<the>the)\s+)?(?P<u>day|week|month|year|hour|night)s?\s+(?P<dir>after|before|later|earlier|"
            rf"afterwards|prior)\b"
            rf"|\bthe\s+(?P<dir2>next|following|previous|preceding|same)\s+(?P<u2>day|morning|afternoon|evening|night"
            rf"|week|month|year)\b"
            rf"|\b(?:(?P<mod>later|earlier|early|late)\s+)?(?:on\s+|in\s+)?(?P<dir3>that)\s+(?P<u3>day|morning|"
            rf"afternoon|evening|night|week|month|year)\b"
            rf"|\b(?P<mod4>later|earlier)\s+in\s+the\s+(?P<u4>day|week|month|year)\b"
        ),
        lambda m, ctx: _read_offset_any(m, ctx),
    ),
    Rule(
        "clock",
        _compile(
            r"\b(?:(?:at|around|about|by|before|after|shortly\s+(?:before|after)|until|from)\s+)?"
            r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?-i:a\.m\.|p\.m\.|am|pm|AM|PM))"
            r"(?:\s+(?:local\s+time|GMT|UTC))?(?!\w)"
            r"|(?P<h24>[01]\d|2[0-3]):?(?P<mi24>[0-5]\d)\s*(?:GMT|UTC|hrs|local\s+time)\b)"
            r"|\b(?:at|around|before|after|by|until|from)\s+(?P<word>noon|midnight|dawn|dusk|daybreak|midday)\b"
        ),
        _read_clock,
    ),
    Rule(
        "day_only",
        _compile(r"\bon\s+the\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])"),
        _read_day_only,
    ),
    Rule(
        "holiday",
        _compile(
            rf"\b(?:on\s+)?(?P<h>(?-i:Christmas\s+(?:Day|Eve)|Christmas|New\s+Year['’]s\s+(?:Day|Eve)|"
            rf"New\s+Year['’]s|Easter\s+(?:Sunday|Monday)|Easter|Good\s+Friday))(?:\s+{_year('y')})?\b"
        ),
        _read_holiday,
    ),
    Rule(
        "week_of_month",
        _compile(
            rf"\b(?:in\s+|during\s+)?the\s+(?P<w>first|second|third|fourth|last|final)\s+week\s+of\s+"
            rf"{_mon('m')}(?:,?\s+{_year('y')})?\b"
        ),
        _read_week_of_month,
    ),
    Rule(
        "present",
        _compile(r"\b(?:right\s+now|now|currently|at\s+present|nowadays|at\s+the\s+moment)\b(?![-’'])"),
        # "the now defunct FARC", "its now former ally": an adverb inside a noun phrase dates nothing
        lambda m, ctx: (
            None
            if _preceding_word(ctx.text, m.start()) in ("the", "a", "an", "its", "their", "his", "her", "our")
            else Reading(ctx.anchor, ctx.anchor, "day", "PRESENT_REF")
        ),
    ),
)


_MONTH_KEYS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_KEYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNIT_KEYS: Final = ("day", "week", "month", "year", "hour", "fortnight", "decade", "night")
_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "iso": ("-", "/"),
    "numeric": ("/", "."),
    "day_month": _MONTH_KEYS,
    "month_day": _MONTH_KEYS,
    "day_range": _MONTH_KEYS,
    "month_day_range": _MONTH_KEYS,
    "month_year": _MONTH_KEYS,
    "month": _MONTH_KEYS,
    "year_range": ("18", "19", "20"),
    "year": ("18", "19", "20"),
    "decade": ("0s", "0's", "0’s"),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "half": ("half",),
    "season": ("winter", "spring", "summer", "autumn", "fall"),
    "weekday": _WEEKDAY_KEYS,
    "relative_day": ("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening"),
    "window": _UNIT_KEYS,
    "recent": ("recent", "lately"),
    "ago": ("ago",),
    "period": ("week", "month", "year", "quarter", "decade"),
    "duration": ("for ",),
    "clock": ("am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "local time", "noon", "midnight", "dawn", "dusk",
              "daybreak", "midday"),
    "day_only": ("on the",),
    "present": ("now", "currently", "present", "moment"),
    "holiday": ("christmas", "new year", "easter", "good friday"),
    "week_of_month": ("week of",),
    "offset": ("after", "before", "later", "earlier", "prior", "next", "following", "previous", "preceding",
               "same", "that"),
}  # fmt: skip
# every match of these rules holds a month name or abbreviation (case-sensitive), all starting thus
_MONTH_NEEDS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NEEDS: Final[dict[str, tuple[tuple[str, ...], bool]]] = {
    "day_month": (_MONTH_NEEDS, True),
    "month_day": (_MONTH_NEEDS, True),
    "day_range": (_MONTH_NEEDS, True),
    "month_day_range": (_MONTH_NEEDS, True),
    "month_year": (_MONTH_NEEDS, True),
    "month": (_MONTH_NEEDS, True),
    "week_of_month": (_MONTH_NEEDS, True),
    "weekday": (("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), True),
    "holiday": (("Christmas", "New", "Easter", "Good"), True),
    # the unit every alternative ends with ("three days later", "the next day", "that morning")
    "offset": (("day", "week", "month", "year", "hour", "night", "morning", "afternoon", "evening"), False),
    "window": (("past", "last", "previous", "preceding", "coming", "next", "following"), False),
}

# Each gate is a run of a rule's pattern without the optional words before it (the costly part to try at
# every character), so it matches wherever the rule does.
_UNITS = r"(?:day|week|month|year|hour|night|morning|afternoon|evening)"
_GATES: Final[dict[str, re.Pattern[str]]] = {
    "numeric": _compile(r"\d[/.]\d{1,2}[/.]\d\d"),
    "year_range": _compile(rf"{_YEAR4}\s*(?:-|–|—|to|and|until)"),
    "year": _compile(rf"{_YEAR4}(?![\w-])"),
    "period": _compile(
        r"(?:the|this|last|next|past|previous|coming|current)\s+(?:week|month|year|weekend|quarter|decade)"
    ),
    "offset": _compile(
        rf"{_UNITS}s?\s+(?:after|before|later|earlier|afterwards|prior)\b"
        rf"|(?:next|following|previous|preceding|same|that)\s+{_UNITS}\b"
        rf"|(?:later|earlier)\s+in\s+the\s+{_UNITS}\b"
    ),
    "clock": _compile(
        r"\d\s*(?:(?-i:a\.m\.|p\.m\.|am|pm|AM|PM)|GMT|UTC|hrs|local\s+time)"
        r"|\s(?:noon|midnight|dawn|dusk|daybreak|midday)"
    ),
}
# rules whose gate few texts pass (numeric dates, clock times), tried on the whole text first
_TEXT_GATES: Final = frozenset({"numeric", "clock"})


def _with_tests(rule: Rule) -> Rule:
    needs, needs_case = _NEEDS.get(rule.name, ((), True))
    return replace(
        rule,
        keys=_KEYS.get(rule.name, ()),
        needs=needs,
        needs_case=needs_case,
        gate=_GATES.get(rule.name),
        gate_text=rule.name in _TEXT_GATES,
    )


RULES: Final[tuple[Rule, ...]] = tuple(_with_tests(r) for r in _RULES)


def _read_month_day_range(m: re.Match[str], ctx: Context) -> Reading | None:
    month1 = MONTHS[m["m1"].lower()]
    month2 = MONTHS[m["m"].lower()] if m["m"] else month1
    return _dated_range(m, ctx, month1, month2, same_day_ok=False)


def _read_quarter_any(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["qn"]:
        year, quarter = int(m["y2"]), int(m["qn"])
        begin, until = quarter_bounds(year, quarter)
        return Reading(begin, until, "range", f"{year:04d}-Q{quarter}", "DATE", "explicit")
    return _read_quarter(m, ctx)


def _read_season_any(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["s2"]:
        season, year = m["s2"].lower(), int(m["y2"])
        begin, until = season_bounds(season, year)
        return Reading(begin, until, "range", f"{year:04d}-{_SEASON_CODE[season]}", "DATE", "explicit")
    return _read_season(m, ctx)


class _Groups:
    """A match seen through renamed groups (the offset rule has three alternatives)."""

    def __init__(self, m: re.Match[str], names: dict[str, str]) -> None:
        self._m = m
        self._names = names

    def group(self, name: str) -> str | None:
        return self._m.group(self._names.get(name, name)) if self._names.get(name, name) else None

    def __getitem__(self, name: str) -> str | None:
        return self.group(name)

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()


def _read_offset_any(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["dir2"]:
        view = _Groups(m, {"u": "u2", "dir": "dir2", "n": "", "the": "", "mod": ""})
    elif m["dir3"]:
        view = _Groups(m, {"u": "u3", "dir": "dir3", "n": "", "the": ""})
    elif m["mod4"]:
        view = _Groups(m, {"u": "u4", "dir": "mod4", "n": "", "the": "", "mod": "mod4"})
    else:
        view = _Groups(m, {"mod": ""})
    return _read_offset(view, ctx)  # type: ignore[arg-type]
