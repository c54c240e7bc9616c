"""Grammar rules for dates named by the calendar: days, months, years, decades, quarters, seasons, feasts.

Each rule reads a match of its pattern (see :data:`SPECS`) into a :class:`Reading`;
a name without a year ("3 March", "in June") takes its year from the tense at the
match (docs/time.md, "News conventions").

>>> import datetime as dt, re
>>> from ._patterns import fragments
>>> ctx = Context(anchor=dt.date(2025, 1, 5), text="in August")
>>> m = re.search(_month_pattern(fragments(ctx.words)), ctx.text, re.IGNORECASE)
>>> named_month(m, ctx)[2:4]
('month', '2024-08')
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ..rules import Example, rule
from ._calendar import (
    Direction,
    latest_weekday,
    month_bounds,
    month_of,
    next_weekday,
    safe_date,
    season_bounds,
    week_bounds,
)
from ._expression import Basis
from ._patterns import MOD, REL_YEAR, YEAR4, Fragments
from ._readings import (
    DAY,
    Context,
    Reading,
    clip,
    day_reading,
    in_a_name,
    iso,
    month_part,
    pick_year,
    preceding_word,
    said_on,
    timeml_mod,
    word,
)
from ._readings import year_part as _year_part
from ._scan import ScanSpec, month_keys, month_needs
from ._time_words import TimeWords

__all__ = ["SPECS", "easter"]


def _day(group: str) -> str:
    return rf"(?P<{group}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"


def _year(group: str) -> str:
    return rf"(?P<{group}>{YEAR4})"


# --- written-out dates ----------------------------------------------------------------------------


@rule(
    "time.date.iso",
    decides="time.value",
    positive=[Example("The ceasefire signed on 2024-02-28 collapsed within days.", {"time.value": "2024-02-28"})],
    negative=[Example("Decree 2024-13-45 was issued on Monday.", {"time.value": "2024-03-11"})],
)
def iso_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """A date written year-month-day ('2024-02-28') is that day."""
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_reading(d, "explicit") if d else None


@rule(
    "time.date.numeric",
    decides="time.value",
    positive=[Example("The decree dated 05/03/2024 banned the group.", {"time.value": "2024-03-05"})],
    negative=[Example("Version 1.2.3 of the peace plan was published on Monday.", {"time.value": "2024-03-11"})],
)
def numeric_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """A numeric date ('05/03/2024') is read day first unless a field over 12 or the setting says otherwise."""
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
    return day_reading(d, "explicit") if d else None


def _relative_year(m: re.Match[str], ctx: Context) -> int | None:
    """The year of "last year", "this year", "next year" written after a month or a date.

    "March of that year", "in May the same year" take the year of the date the text last named.
    """
    rel = word(m, "yr")
    if rel is None:
        return None
    if rel in ("that", "the same"):
        ref = ctx.reference(m.start(), ("day", "week", "month", "year"))
        return ref.begin.year if ref is not None else ctx.anchor.year
    return ctx.anchor.year + {"last": -1, "previous": -1, "this": 0, "next": 1}[rel]


@rule(
    "time.date.day_and_month",
    decides="time.value",
    positive=[
        Example("Gunmen stormed the village on 3 March, killing 12 people.", {"time.value": "2024-03-03"}),
        Example("The army retook the town on March 3, 2023.", {"time.value": "2023-03-03"}),
    ],
    negative=[
        Example("Gunmen stormed the village in March, killing 12 people.", {"time.value": "2024-03"}),
        Example("Members of the March 8 Youth Movement marched in Beirut yesterday.", {"time.value": "2024-03-14"}),
    ],
)
def day_and_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """A day and a month name ('3 March', 'March 3', 'the third of March') take the year written, or the tense's.

    Inside a name ('the February 14 Youth Coalition') they are no date.
    """
    if not m["y"] and in_a_name(ctx, m.start(), m.end()):
        return None
    dw = word(m, "dw")
    month = ctx.words.month(m["m"])
    day = ctx.words.ordinal_days[dw.replace(" ", "-")] if dw else int(m["d"])
    rel_year = _relative_year(m, ctx)
    basis: Basis = "anchor"
    if m["y"]:
        d = safe_date(int(m["y"]), month, day)
        basis = "explicit"
    elif rel_year is not None:
        d = safe_date(rel_year, month, day)
    else:
        direction = ctx.tense(m.start(), m.end())
        d = pick_year(month, day, ctx.anchor, direction)
        year = month_named_before(ctx, month, m.start(), d.year) if direction is None and d is not None else None
        if year is not None:
            d = safe_date(year, month, day) or d
            ctx.tense_rules.append(month_named_before.name)
        if m["wd"] and d is not None and d.weekday() != ctx.words.weekdays[m["wd"].lower()]:
            # "Monday, March 4": the weekday picks the year where the tense alone cannot.
            weekday = ctx.words.weekdays[m["wd"].lower()]
            fits = [c for y in range(d.year - 6, d.year + 7) if (c := safe_date(y, month, day))]
            fits = [c for c in fits if c.weekday() == weekday]
            d = min(fits, key=lambda c: abs((c - ctx.anchor).days)) if fits else d
    return day_reading(d, basis) if d is not None else None


@rule(
    "time.date.month_named_before",
    decides="time.start",
    positive=[
        Example("The airline will add flights to Delhi in August. First flight: August 6.",
                {"time.value": "2024-08-06"}, date=dt.date(2024, 2, 9)),
    ],
    negative=[
        Example("The airline added flights to Delhi last August. Its record: August 6.",
                {"time.value": "2023-08-06"}, date=dt.date(2024, 2, 9)),
    ],
)  # fmt: skip
def month_named_before(ctx: Context, month: int, start: int, nearest: int) -> int | None:
    """A day and month with no tense to go by is in the same month the text has already named.

    'will add flights in August. First flight: August 6.' (written in February): that August,
    not last year's, which a date with no tense more than four months ahead would be. Only a year
    next to the ``nearest`` reading counts, and only when it differs from it.
    """
    for e in reversed(ctx.earlier):
        for x in (*reversed(e.inner), e):
            dated = x.basis != "unresolved" and x.timex_type == "DATE" and x.precision in ("month", "day")
            if dated and x.end <= start and x.begin.month == month:
                return x.begin.year if abs(x.begin.year - nearest) == 1 else None
    return None


_ORDINAL_SUFFIX = re.compile(r"st|nd|rd|th")


def _first_end(m: re.Match[str], group: str | None) -> int:
    """Where the first bound of a range of days ends: after its month, else after its day and suffix."""
    if group and m[group]:
        return m.end(group)
    suffix = _ORDINAL_SUFFIX.match(m.string, m.end("d1"))
    return suffix.end() if suffix else m.end("d1")


def _dated_range(
    m: re.Match[str],
    ctx: Context,
    month1: int,
    month2: int,
    bounds: tuple[tuple[int, int], tuple[int, int]],
    *,
    same_day_ok: bool,
) -> Reading | None:
    """Days ``d1`` of ``month1`` to ``d`` of ``month2`` (year ``y`` or the anchor's), at most about two months.

    Each bound is its own TIMEX3 (``bounds``: where each stands), the range their ``part_of``.
    """
    d1, d2 = int(m["d1"]), int(m["d"])
    basis: Basis = "anchor"
    if m["y"]:
        end = safe_date(int(m["y"]), month2, d2)
        basis = "explicit"
    else:
        end = pick_year(month2, d2, ctx.anchor, ctx.tense(m.start(), m.end()))
    if end is None:
        return None
    start = safe_date(end.year if month1 <= month2 else end.year - 1, month1, d1)
    if start is None or start > end or (start == end and not same_day_ok) or (end - start).days > 62:
        return None
    parts = ((*bounds[0], day_reading(start, basis)), (*bounds[1], day_reading(end, basis)))
    return Reading(start, end, "range", iso(start), "DATE", basis, parts=parts)


@rule(
    "time.range.days",
    decides="time.start",
    positive=[
        Example(
            "Fighting raged from 3 to 5 March around the airport.",
            {"time.start": "2024-03-03", "time.end": "2024-03-05"},
        )
    ],
    negative=[Example("Fighting raged on 5 March around the airport.", {"time.value": "2024-03-05"})],
)
def day_range(m: re.Match[str], ctx: Context) -> Reading | None:
    """Two days before a month ('3 to 5 March', 'the night of 4 to 5 January') are one range of days."""
    month2 = ctx.words.month(m["m"])
    month1 = ctx.words.month(m["m1"]) if m["m1"] else month2
    bounds = ((m.start("d1"), _first_end(m, "m1")), (m.start("d"), m.end()))
    return _dated_range(m, ctx, month1, month2, bounds, same_day_ok=True)


@rule(
    "time.range.month_days",
    decides="time.start",
    positive=[Example("Talks were held in Doha on March 3-5.", {"time.start": "2024-03-03", "time.end": "2024-03-05"})],
    negative=[Example("Talks were held in Doha on March 5.", {"time.value": "2024-03-05"})],
)
def month_day_range(m: re.Match[str], ctx: Context) -> Reading | None:
    """A month and two days after it ('March 3-5', 'March 30 to April 2') are one range of days."""
    month1 = ctx.words.month(m["m1"])
    month2 = ctx.words.month(m["m"]) if m["m"] else month1
    bounds = ((m.start("m1"), _first_end(m, None)), (m.start("m") if m["m"] else m.start("d"), m.end()))
    return _dated_range(m, ctx, month1, month2, bounds, same_day_ok=False)


# --- months ---------------------------------------------------------------------------------------


@rule(
    "time.month.with_year",
    decides="time.value",
    positive=[
        Example("Rebels seized the town in June 2022.", {"time.value": "2022-06"}),
        Example("The camp was first shelled in January nineteen ninety-seven.", {"time.value": "1997-01"}),
    ],
    negative=[Example("Rebels seized the town in June.", {"time.value": "2023-06"})],
)
def month_with_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """A month with its year ('June 2022', 'early June 2022') is that month."""
    year, month = _year_of(m, "y", ctx), ctx.words.month(m["m"])
    begin, until = month_part(year, month, word(m, "mod"))
    return Reading(begin, until, "month", f"{year:04d}-{month:02d}", "DATE", "explicit", mod=timeml_mod(word(m, "mod")))


@rule(
    "time.month.named",
    decides="time.value",
    positive=[
        Example("Fighting displaced thousands of families in August.", {"time.value": "2023-08"}),
        Example("The militia took the town in 2019. In May of that year, it shut schools.", {"time.value": "2019-05"}),
        Example("The commission said the vote would be held in October.", {"time.value": "2024-10"}),
    ],
    negative=[
        Example("Aid groups said on Monday that deliveries may resume.", {"time.value": "2024-03-11"}),
        Example("Thousands joined the annual March for Peace on Monday.", {"!time.value": "2024-03"}),
        Example("Floods cut the road every August, residents said on Monday.", {"!time.value": "2023-08"}),
    ],
)
def named_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """A month name alone takes its year from the tense ('in August' written in January is last August).

    'May' is mostly the modal verb: only a preposition or a modifier before it makes it the month.
    A month that recurs ('every August': a TimeML SET) is no date.
    """
    name = m["m"]
    bare = not (m["pre"] or m["rel"] or m["mod"] or m["yr"])
    if bare and preceding_word(ctx.text, m.start()) in ctx.words.recurrence_words:
        return None
    if name == "May" and bare and preceding_word(ctx.text, m.start()) not in ctx.words.may_month_words:
        return None
    if name == "March" and bare and _a_procession(ctx, m.start(), m.end()):
        return None
    month = ctx.words.month(name)
    rel = word(m, "rel")
    rel_year = _relative_year(m, ctx)
    if rel_year is not None:
        begin, until = month_part(rel_year, month, word(m, "mod"))
        r = Reading(begin, until, "month", f"{rel_year:04d}-{month:02d}")
        return clip(r, ctx, "past") if rel_year == ctx.anchor.year else r
    direction: Direction
    if rel in ("last", "past"):
        year, direction = month_of(ctx.anchor, month, "past", strict=True), "past"
    elif rel in ("next", "coming"):
        year, direction = month_of(ctx.anchor, month, "future", strict=True), "future"
    elif rel == "this":
        year, direction = ctx.anchor.year, None
    else:
        direction = ctx.tense(m.start(), m.end())
        year = month_of(ctx.anchor, month, direction)
        if ctx.tense_rules[-1:] == ["time.tense.conditional"]:
            # "said elections would be held in October": the future of the saying, as for weekdays
            year = month_of(said_on(ctx, m.start()) or ctx.anchor, month, "future")
    begin, until = month_part(year, month, word(m, "mod"))
    return clip(Reading(begin, until, "month", f"{year:04d}-{month:02d}"), ctx, direction)


_PROCESSION = re.compile(r"\s+(?:for|of|on|against|to)\s+(?:the\s+)?[A-Z]")


def _a_procession(ctx: Context, start: int, end: int) -> bool:
    """'the annual March for Life', 'the March of the Mothers': a march by name, not the month.

    Only without a date opener before it ('in March to Kyiv' is the month).
    """
    return (
        _PROCESSION.match(ctx.text, end) is not None and preceding_word(ctx.text, start) not in ctx.words.date_openers
    )


@rule(
    "time.week.of_date",
    decides="time.value",
    positive=[Example("A court will hear the case in the week of March 25.", {"time.value": "2024-W13"})],
    negative=[Example("A court will hear the case on March 25.", {"time.value": "2024-03-25"})],
)
def week_of_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the week of March 6' is the calendar week holding that day (its year as for the day alone)."""
    month = ctx.words.month(m["m"] or m["m2"])
    day = int(m["d"] or m["d2"])
    basis: Basis = "explicit" if m["y"] else "anchor"
    if m["y"]:
        d = safe_date(int(m["y"]), month, day)
    else:
        d = pick_year(month, day, ctx.anchor, ctx.tense(m.start(), m.end()))
    if d is None:
        return None
    monday = d - d.weekday() * DAY
    week = monday.isocalendar()
    return Reading(monday, monday + 6 * DAY, "week", f"{week.year:04d}-W{week.week:02d}", "DATE", basis)


_WEEK_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 5, "final": 5}


def _named_month(m: re.Match[str], ctx: Context) -> tuple[int, int, Basis]:
    """The year and month a match names (groups ``m`` and ``y``): the year written, else the one the clause's
    tense gives the month."""
    month = ctx.words.month(m["m"])
    if m["y"]:
        return int(m["y"]), month, "explicit"
    return month_of(ctx.anchor, month, ctx.tense(m.start(), m.end())), month, "anchor"


@rule(
    "time.week.of_month",
    decides="time.start",
    positive=[
        Example(
            "The attacks came in the first week of February.", {"time.start": "2024-02-01", "time.end": "2024-02-07"}
        )
    ],
    negative=[Example("The attacks came in February.", {"time.value": "2024-02"})],
)
def week_of_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the first week of February' is its first seven days; 'the last week' its last seven."""
    year, month, basis = _named_month(m, ctx)
    first, last = month_bounds(year, month)
    which = _WEEK_ORDINALS[word(m, "w") or "first"]
    begin = last - 6 * DAY if which == 5 else first + 7 * (which - 1) * DAY
    until = last if which == 5 else min(last, begin + 6 * DAY)
    r = Reading(begin, until, "week", f"{year:04d}-{month:02d}", "DATE", basis)
    return clip(r, ctx, "past") if basis == "anchor" else r


@rule(
    "time.date.nth_weekday",
    decides="time.value",
    positive=[
        Example("The new curfew will take effect on the first Monday of April.", {"time.value": "2024-04-01"}),
        Example("Voters went to the polls on the last Sunday of October 2022.", {"time.value": "2022-10-30"}),
    ],
    negative=[Example("The new curfew will take effect on Monday.", {"time.value": "2024-03-18"})],
)
def nth_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the first Monday of April', 'the last Sunday in October' are one day of that month."""
    year, month, basis = _named_month(m, ctx)
    weekday = ctx.words.weekdays[m["wd"].lower()]
    first, last = month_bounds(year, month)
    which = _WEEK_ORDINALS[word(m, "w") or "first"]
    if which == 5:
        return day_reading(latest_weekday(last, weekday), basis)
    day = next_weekday(first, weekday, strict=False) + 7 * (which - 1) * DAY
    return day_reading(day, basis) if day.month == month else None


# --- years and longer -----------------------------------------------------------------------------


@rule(
    "time.range.years",
    decides="time.start",
    positive=[
        Example(
            "Drought between 2019 and 2021 emptied the villages.",
            {"time.start": "2019-01-01", "time.end": "2021-12-31"},
        )
    ],
    negative=[Example("Drought in 2021 emptied the villages.", {"time.value": "2021"})],
)
def year_range(m: re.Match[str], ctx: Context) -> Reading | None:
    """Two years joined ('2019-2021', 'between 2019 and 2021', '2019-21', '2019/20') are one range of years."""
    y1, y2s = int(m["y"]), m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    # far ahead only as a stretch a word opens ("between 2030 and 2050"), as for one year ("by 2050")
    horizon = 100 if m.group(0)[:1].isalpha() else 20
    if not y1 < y2 <= ctx.anchor.year + horizon:
        return None
    parts = ((*m.span("y"), _year_reading(y1)), (*m.span("y2"), _year_reading(y2)))
    return Reading(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range", f"{y1:04d}", "DATE", "explicit", parts=parts)


_CAPITALISED = re.compile(r"[A-Z][\w&.-]*$")
# words before a year more than twenty years ahead that make it a horizon, not a number ("by 2050")
_HORIZON_WORDS: Final = frozenset({"by", "in", "until", "till", "through", "before", "beyond"})


def _inside_a_name(ctx: Context, start: int, end: int) -> bool:
    """A number between two capitalised words is part of a name ('the Russell 2000 Index'), not a year.

    So is one ending a name a verb of naming introduces ('a militia called Brigade 1920,'). A
    capitalised date opener before it ('Since 2014 Russian forces ...') keeps it a year.
    """
    words_before = ctx.text[max(0, start - 40) : start].split()
    words_after = ctx.text[end : end + 30].split(maxsplit=1)
    if "\n" in ctx.text[end : end + 2] or not words_before or not words_after:
        return False  # a heading's year ends its line ("WWDC 2005" above "Apple ...")
    if _CAPITALISED.match(words_before[-1]) is None:
        return False
    name = words_before[-1].lower()
    if name in ctx.words.date_openers or name in ctx.words.months or name in ctx.words.noun_phrase_openers:
        return False  # "Since 2014 Russian forces ...", "The 2019 Nobel laureate"
    if len(words_before) > 1 and words_before[-2].lower() in ctx.words.naming_verbs:
        return True
    return _CAPITALISED.match(words_after[0]) is not None


def _year_reading(year: int) -> Reading:
    return Reading(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", f"{year:04d}", "DATE", "explicit")


@rule(
    "time.year.written",
    decides="time.value",
    positive=[
        Example("The group was founded in 2009 in the north.", {"time.value": "2009"}),
        Example("The ministry wants the province free of mines by 2050.", {"time.value": "2050"}),
    ],
    negative=[
        Example("The convoy carried 2000 tonnes of maize on Monday.", {"time.value": "2024-03-11"}),
        Example("Shares in the Russell 2000 Index fell 4% on Monday.", {"time.value": "2024-03-11"}),
        Example("A militia called Brigade 1920, formed in Anbar, attacked on Monday.", {"!time.value": "1920"}),
        Example("The convoy carried 2080 sacks of maize on Monday.", {"!time.value": "2080"}),
        Example("The families sued under Section 1983 on Monday.", {"!time.value": "1983"}),
    ],
)
def written_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """A four-digit number is a year unless it is an amount ('2000 people', '$2015') or far in the future.

    More than twenty years ahead it is a year only as a horizon ('by 2050', 'until 2060').

    'post-1959', 'pre-2011' are that year with TimeML's mod AFTER or BEFORE; "'82" is the
    latest such year by the anchor.
    """
    if word(m, "sy"):
        century = ctx.anchor.year // 100 * 100
        short = century + int(m["sy"])
        return _year_reading(short if short <= ctx.anchor.year else short - 100)
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    if before[-1:] in ("$", "£", "€", "#", "-", "/", "."):
        return None
    if not (m["mod"] or m.group(0)[:1].isalpha()) and _inside_a_name(ctx, m.start(), m.end()):
        return None
    if not m["mod"] and preceding_word(ctx.text, m.start("y")) in ctx.words.numbering_nouns:
        return None  # "Section 1983", "flight 1549": a number in a series
    after = ctx.text[m.end() : m.end() + 20].lstrip().lower()
    noun = re.match(r"[\w’'-]+", after)
    if noun is not None and noun.group(0) in ctx.words.amount_nouns:
        return None
    year = int(m["y"])
    if year > ctx.anchor.year + 20 and preceding_word(ctx.text, m.start("y")) not in _HORIZON_WORDS:
        return None  # far ahead only as a horizon ("by 2050"), else a number
    mod = word(m, "mod")
    begin, until = _year_part(year, mod)
    timeml = {"post": "AFTER", "pre": "BEFORE"}.get(mod or "") or timeml_mod(mod)
    return Reading(begin, until, "year", f"{year:04d}", "DATE", "explicit", mod=timeml)


_DECADE_WORDS: Final = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80,
    "nineties": 90,
}  # fmt: skip


def _latest_decade(tens: int, anchor: dt.date) -> int:
    """The latest decade with these tens not after the anchor's ("the '80s" in 1989 is the 1980s)."""
    first = anchor.year // 100 * 100 + tens
    return first if first <= anchor.year else first - 100


_AGES = re.compile(r"(?:their|his|her|its|our|your|my)\s+\d0s\s+\S+\s+$")


@rule(
    "time.year.decade",
    decides="time.value",
    positive=[
        Example("The conflict goes back to the 1990s.", {"time.value": "199"}),
        Example("The militia was formed in the late eighties.", {"time.value": "198", "time.mod": "END"}),
        Example("Raids like these were common in the 70s and 80s.", {"time.value": "198"}),
        Example("The fort was built by traders in the early 1800s.", {"time.value": "18", "time.mod": "START"}),
    ],
    negative=[Example("The conflict goes back to 1990.", {"time.value": "1990"})],
)
def decade(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the 1990s', 'the '90s', 'the nineties' are the ten years 1990-1999 (TIMEX3 '199').

    'the early 1990s' too, with TimeML's mod START; a decade named by its tens alone is the
    latest such one. 'the 1800s', 'the 1900s' name a century, as TimeML values them ('18'); 'the
    2000s' stays the decade news means by it.
    """
    # "the 70s and 80s" lists decades; "men in their 20s and 30s" lists ages
    listed = m["dec4"] or m["dec5"]
    if listed and _AGES.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return None
    if m["dec"]:
        first = int(m["dec"])
    else:
        digits = m["dec2"] or m["dec3"] or m["dec4"] or m["dec5"]
        tens = int(digits) if digits else _DECADE_WORDS[(word(m, "decw") or "").lower()]
        first = _latest_decade(tens, ctx.anchor)
    mod = timeml_mod(word(m, "mod") or word(m, "mod2"))
    if m["dec"] and first % 100 == 0 and first != 2000:
        begin, until = dt.date(first, 1, 1), dt.date(first + 99, 12, 31)
        return Reading(begin, until, "range", str(first // 100), "DATE", "explicit", mod=mod)
    begin, until = dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
    return Reading(begin, until, "range", str(first // 10), "DATE", "explicit", mod=mod)


@rule(
    "time.year.season",
    decides="time.value",
    positive=[
        Example("The offensive began in the spring of 2023.", {"time.value": "2023-SP"}),
        Example("The army plans a new offensive next spring.", {"time.value": "2025-SP"}),
        Example("The airline said it would resume flights to the island in the summer.", {"time.value": "2024-SU"}),
    ],
    negative=[
        Example("The fall of the town came on Monday.", {"time.value": "2024-03-11"}),
        Example("The fall in grain prices hit farmers on Monday.", {"time.value": "2024-03-11"}),
        Example("The Winter Olympics open in Sochi next February.", {"time.value": "2025-02"}),
    ],
)
def season(m: re.Match[str], ctx: Context) -> Reading | None:
    """A season is three months (meteorological, northern hemisphere); without a year the latest begun."""
    if m["s2"]:
        name, year = m["s2"].lower(), _year_of(m, "y2", ctx)
        begin, until = season_bounds(name, year)
        return Reading(begin, until, "range", f"{year:04d}-{ctx.words.seasons[name].timex}", "DATE", "explicit")
    name = (m["s"] or m["s3"]).lower()
    written = bool(m["y"] or m["y_w"])
    if not written and _not_a_season(m, name, ctx):
        return None
    rel = word(m, "rel")
    basis: Basis = "explicit" if written else "anchor"
    year = _year_of(m, "y", ctx) if written else _season_year(name, rel, ctx, m)
    begin, until = season_bounds(name, year)
    r = Reading(begin, until, "range", f"{year:04d}-{ctx.words.seasons[name].timex}", "DATE", basis)
    return clip(r, ctx, "past") if basis == "anchor" and rel != "next" else r


# "the fall in prices", "the fall of Mariupol", "the spring of discontent": a noun, not the season
_NOUN_AFTER: Final = re.compile(r"\s+(?:of|in|from|to|off|on|by)\b", re.IGNORECASE)
_NAME_AFTER: Final = re.compile(r"\s+[A-Z]")


def _not_a_season(m: re.Match[str], name: str, ctx: Context) -> bool:
    """'the fall in prices', 'the Summer Olympics', 'the Spring Festival' name no season.

    "fall" and "spring" followed by a preposition are the nouns of falling and springing ("of"
    always; the others only with no preposition before the article: "resume in the fall in
    Geneva" is the season); a season after a bare "the" and before a capitalised word is part
    of a name.
    """
    after = ctx.text[m.end() : m.end() + 6]
    bare = word(m, "rel") == "the" and m.group(0)[:3].lower() == "the"
    if name in ("fall", "spring") and _NOUN_AFTER.match(after) and (bare or after.lower().startswith(" of")):
        return True
    return bare and _NAME_AFTER.match(after) is not None


def _season_year(name: str, rel: str | None, ctx: Context, m: re.Match[str]) -> int:
    """The latest season begun on or before the anchor (in the past), else the next one.

    'this summer' is the anchor's year's, 'last summer' the year before's, 'next spring' the first
    not begun by the anchor. Winter is named by the year it begins in: until April 'this winter' is
    the one begun last December, and until it ends 'last winter' is the one before.
    """
    if rel == "this":
        return ctx.anchor.year - (1 if name == "winter" and ctx.anchor.month <= 4 else 0)
    if rel == "last":
        return ctx.anchor.year - (2 if name == "winter" and ctx.anchor.month <= 2 else 1)
    direction: Direction = ctx.tense(m.start(), m.end())
    if ctx.tense_rules[-1:] == ["time.tense.conditional"]:
        direction = "future"  # "said flights would resume in the summer": the future of the saying, as for months
    if rel in ("last", "past"):
        direction = "past"
    elif rel in ("next", "coming"):
        direction = "future"
    year = ctx.anchor.year
    while season_bounds(name, year)[0] > ctx.anchor:
        year -= 1
    if rel == "last" and season_bounds(name, year)[1] >= ctx.anchor:
        year -= 1
    if direction == "future" and (season_bounds(name, year)[1] < ctx.anchor or rel == "next"):
        year += 1  # "next spring" written in spring is next year's
    return year


@rule(
    "time.year.spoken",
    decides="time.value",
    positive=[Example("The rebels first took the town in nineteen ninety-six.", {"time.value": "1996"})],
    negative=[Example("The rebels took nineteen villages in 1996.", {"time.value": "1996"})],
)
def spoken_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """A year in words, as transcripts write it ('nineteen ninety-six', 'the year two thousand') is that year."""
    if m["two"]:
        year: int | None = 2000 + (ctx.words.number_value(m["lo2"]) or 0 if m["lo2"] else 0)
    else:
        year = _hundreds_year(m["hi"], word(m, "lo") or "", ctx)
    if year is None or not 1800 <= year <= ctx.anchor.year + 10 or _amount_after(ctx, m.end()):
        return None
    return Reading(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", f"{year:04d}", "DATE", "explicit")


def _hundreds_year(high: str, low: str, ctx: Context) -> int | None:
    """'nineteen' and 'ninety-six' (or 'hundred', 'oh five') as one year."""
    hundreds = ctx.words.number_value(high.lower()) or 0
    low = " ".join(low.lower().split())
    rest = 0 if low == "hundred" else ctx.words.number_value(low.removeprefix("oh ").removeprefix("oh-"))
    return None if rest is None else hundreds * 100 + rest


def _year_of(m: re.Match[str], group: str, ctx: Context) -> int:
    """The year written in digits in ``group``, or in words in ``group`` + '_w' ('nineteen ninety-four')."""
    if m[group]:
        return int(m[group])
    high, low = re.split(r"[\s-]+", m[group + "_w"].strip(), maxsplit=1)
    return _hundreds_year(high, low, ctx) or 0


def _amount_after(ctx: Context, end: int) -> bool:
    """Whether a noun that makes the number before it an amount follows ('2000 people')."""
    noun = re.match(r"\s*([\w’'-]+)", ctx.text[end : end + 20])
    return noun is not None and noun.group(1).lower() in ctx.words.amount_nouns


@rule(
    "time.year.century",
    decides="time.value",
    positive=[
        Example("The mosque was built in the 11th century.", {"time.value": "10"}),
        Example("The port grew rich in the 18th and 19th centuries.", {"time.value": "17"}),
    ],
    negative=[Example("The mosque was built in 1911.", {"time.value": "1911"})],
)
def century(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the 20th century' is the hundred years 1900-1999 (TIMEX3 '19'), as TimeML counts them."""
    digits = m["c"] or m["c2"] or m["c3"]
    n = int(digits) if digits else ctx.words.ordinal_days.get((word(m, "cw") or "").replace(" ", "-"))
    if not n or n > (ctx.anchor.year // 100) + 1:
        return None
    first = (n - 1) * 100
    return Reading(
        dt.date(max(first, 1), 1, 1),
        dt.date(first + 99, 12, 31),
        "range",
        f"{n - 1:02d}",
        "DATE",
        "explicit",
        mod=timeml_mod(word(m, "mod")),
    )


# --- feasts ---------------------------------------------------------------------------------------


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


def _feast_day(name: str, year: int, ctx: Context) -> dt.date:
    feast = ctx.words.feasts[" ".join(name.lower().replace("’", "'").split())]
    if feast.easter is not None:
        return easter(year) + feast.easter * DAY
    if feast.weekday is not None:
        if feast.nth < 0:  # the last such weekday of the month
            return latest_weekday(month_bounds(year, feast.month)[1], feast.weekday)
        first = next_weekday(dt.date(year, feast.month, feast.day), feast.weekday, strict=False)
        return first + 7 * (feast.nth - 1) * DAY
    return dt.date(year, feast.month, feast.day)


@rule(
    "time.date.feast",
    decides="time.value",
    positive=[
        Example("Gunmen attacked worshippers on Christmas Day.", {"time.value": "2023-12-25"}),
        Example("Pilgrims crowded the old city as Easter week began, police said.", {"time.value": "2024-W13"},
                date=dt.date(2024, 3, 25)),
        Example("Pilgrims will crowd the old city during Holy Week.", {"time.value": "2024-W13"}),
        Example("The pope will celebrate Mass in the square on Palm Sunday.", {"time.value": "2024-03-24"}),
    ],
    negative=[Example("Gunmen attacked worshippers at a church on Sunday.", {"time.value": "2024-03-10"})],
)  # fmt: skip
def feast(m: re.Match[str], ctx: Context) -> Reading | None:
    """A feast ('Christmas Day', 'Thanksgiving') is its day in the year written, else by the tense (none: nearest).

    'Easter week', 'Christmas week' are the calendar week holding the feast; in the past it is
    the latest such week begun by the anchor.
    """
    name = m["h"]
    week = m["wk"] is not None or ctx.words.feasts[" ".join(name.lower().replace("’", "'").split())].week
    if m["y"]:
        return _feast_reading(_feast_day(name, int(m["y"]), ctx), week, "explicit")
    options = [_feast_day(name, y, ctx) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    # a week is under way from its Monday
    starts = {d: week_bounds(d)[0] if week else d for d in options}
    rel = word(m, "rel")
    if rel == "last":
        return _feast_reading([d for d in options if starts[d] < ctx.anchor][-1], week)
    direction = None if rel == "this" else "future" if rel == "next" else ctx.tense(m.start(), m.end())
    if direction == "future":
        return _feast_reading(next(d for d in options if starts[d] >= ctx.anchor), week)
    if direction is None:  # no tense: the nearest ("from now to Election Day")
        return _feast_reading(min(options, key=lambda d: abs((starts[d] - ctx.anchor).days)), week)
    return _feast_reading([d for d in options if starts[d] <= ctx.anchor][-1], week)


def _feast_reading(day: dt.date, week: bool, basis: Basis = "anchor") -> Reading:
    if not week:
        return day_reading(day, basis)
    monday, sunday = week_bounds(day)
    iso = day.isocalendar()
    return Reading(monday, sunday, "week", f"{iso.year:04d}-W{iso.week:02d}", "DATE", basis)


# --- patterns -------------------------------------------------------------------------------------

_WD_BEFORE = r"(?:(?:(?:last|this|next|this\s+past)\s+)?(?P<wd>{wd}),?\s+)?"


def _day_month_pattern(f: Fragments) -> str:
    return (
        rf"\b(?:on\s+)?{_WD_BEFORE.format(wd=f.weekday)}"
        rf"(?:(?:the\s+)?{_day('d')}(?:\s+of)?|the\s+(?P<dw>{f.ordinal_word})\s+of)"
        rf"\s+{f.month('m')}(?:,?\s+{_year('y')}|{REL_YEAR})?(?![\w-])"
    )


def _month_day_pattern(f: Fragments) -> str:
    return (
        rf"\b(?:on\s+)?{_WD_BEFORE.format(wd=f.weekday)}{f.month('m')}\s+{_day('d')}"
        rf"(?![\w-])(?:,?\s+{_year('y')}|{REL_YEAR})?(?!,\d|[\w-])"
    )


def _month_pattern(f: Fragments) -> str:
    return (
        rf"\b(?:(?P<pre>in)\s+)?(?:(?P<rel>last|this|next|past|coming)\s+|(?P<mod>{MOD})[\s-]+)?"
        rf"{f.month('m', abbreviations=False)}\b(?!\s*\d){REL_YEAR}?"
    )


def _season_pattern(f: Fragments) -> str:
    return (
        rf"\b(?:(?:in|during|over)\s+)?(?:(?:(?P<rel>this|last|next|past|the|coming)\s+(?:(?:early|late)\s+)?"
        rf"(?P<s>{f.season}))(?:\s+(?:of\s+)?{_year_or_spoken('y')})?|(?P<pre>in|during|by|until|since)\s+(?P<s3>{f.season})(?!\s+of)|"
        rf"(?P<s2>{f.season_any_case})\s+(?:of\s+)?{_year_or_spoken('y2')})\b"
    )


_UNITS: Final = "one|two|three|four|five|six|seven|eight|nine"
_TEENS: Final = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS: Final = f"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:{_UNITS}))?"
_SPOKEN_LOW: Final = rf"hundred|oh[\s-]+(?:{_UNITS})|{_TEENS}|{_TENS}"


def _year_or_spoken(group: str) -> str:
    """A year in digits (``group``) or, as transcripts write it, in words (``group`` + '_w')."""
    return rf"(?:{_year(group)}|(?P<{group}_w>(?:eighteen|nineteen)[\s-]+(?:{_SPOKEN_LOW})\b))"


def _spoken_pattern(f: Fragments) -> str:
    units, teens, tens = _UNITS, _TEENS, _TENS
    return (
        rf"\b(?P<hi>eighteen|nineteen|twenty)[\s-]+(?P<lo>{_SPOKEN_LOW})\b"
        rf"|\b(?:the\s+year\s+|in\s+)(?P<two>two\s+thousand)(?:\s+(?:and\s+)?(?P<lo2>{teens}|{tens}|{units}))?\b"
    )


def _feast_keys(words: TimeWords) -> tuple[str, ...]:
    return tuple(sorted({name.split("'")[0].strip() for name in words.feasts}))


SPECS: Final[tuple[ScanSpec, ...]] = (
    ScanSpec(
        iso_date,
        lambda f: rf"\b{_year('y')}[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>0?[1-9]|[12]\d|3[01])\b",
        keys=("-", "/"),
        gate=rf"{YEAR4}[-/]",
        gate_text=True,
    ),
    ScanSpec(
        numeric_date,
        lambda f: r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)",
        keys=("/", "."),
        gate=r"\d[/.]\d{1,2}[/.]\d\d",
        gate_text=True,
    ),
    ScanSpec(day_and_month, _day_month_pattern, keys=month_keys, needs=month_needs),
    ScanSpec(day_and_month, _month_day_pattern, keys=month_keys, needs=month_needs),
    ScanSpec(
        day_range,
        lambda f: (
            rf"\b(?:(?:on\s+|in\s+)?the\s+nights?\s+of\s+|between\s+|from\s+|on\s+)?(?P<d1>3[01]|[12]\d|0?[1-9])"
            rf"(?:st|nd|rd|th)?(?:\s+{f.month('m1')})?\s*(?:-|–|—|to|and|until|till|through|into)\s*(?:the\s+)?"
            rf"{_day('d')}(?:\s+of)?\s+{f.month('m')}(?:,?\s+{_year('y')})?(?![\w-])"
        ),
        keys=month_keys,
        needs=month_needs,
        # the first day, perhaps its month, and the word between the days: most windows around a month lack it
        gate=r"\d(?:st|nd|rd|th)?(?:\s+[a-z]+\.?)?\s*(?:-|–|—|to|and|until|till|through|into)",
    ),
    ScanSpec(
        month_day_range,
        lambda f: (
            rf"\b(?:between\s+|from\s+|on\s+)?{f.month('m1')}\s+(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*"
            rf"(?:-|–|—|to|and|until|till|through)\s*(?:{f.month('m')}\s+)?{_day('d')}(?![\w-])"
            rf"(?:,?\s+{_year('y')})?"
        ),
        keys=month_keys,
        needs=month_needs,
        gate=r"\d(?:st|nd|rd|th)?\s*(?:-|–|—|to|and|until|till|through)",
    ),
    ScanSpec(
        month_with_year,
        lambda f: rf"\b(?:in\s+)?(?:(?P<mod>{MOD})[\s-]+)?{f.month('m')},?\s+(?:of\s+)?{_year_or_spoken('y')}\b",
        keys=month_keys,
        needs=month_needs,
    ),
    ScanSpec(named_month, _month_pattern, keys=month_keys, needs=month_needs),
    ScanSpec(
        year_range,
        lambda f: rf"\b(?:between\s+|from\s+)?{_year('y')}\s*(?:-|–|—|/|to|and|until)\s*(?P<y2>(?:1[89]|20)?\d{{2}})\b",
        keys=("18", "19", "20"),
        gate=rf"{YEAR4}\s*(?:-|–|—|/|to|and|until)",
    ),
    ScanSpec(
        written_year,
        lambda f: (
            rf"\b(?:in\s+)?(?:(?P<mod>{MOD}|post|pre)[\s-]+)?(?:the\s+year\s+)?"
            rf"{_year('y')}(?![\w-]|[.,/]\d|\s*(?:%|per\s*cent))"
        ),
        keys=("18", "19", "20"),
        gate=rf"{YEAR4}(?![\w-])",
    ),
    ScanSpec(
        written_year,
        lambda f: r"(?<![\w'’])['’](?P<sy>\d\d)\b(?!['’]?s\b|\s*(?:%|per\s*cent))",
        keys=("'", "’"),
        gate=r"['’]\d\d",
    ),
    ScanSpec(
        decade,
        lambda f: (
            r"\b(?:in\s+)?(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>(?:1[89]|20)\d0)['’]?s\b"
            r"|['’](?P<dec2>\d0)s\b|(?<=the\s)(?P<dec3>\d0)s\b|(?<=0s\sand\s)(?P<dec4>\d0)s\b"
            r"|(?<=0s\sor\s|0s\sto\s)(?P<dec5>\d0)s\b)"
            r"|\bthe\s+(?:(?P<mod2>early|mid|late)[\s-]+)?(?P<decw>(?-i:twenties|thirties|forties|fifties|sixties"
            r"|seventies|eighties|nineties))\b"
        ),
        keys=("0s", "0's", "0’s", "ties"),
    ),
    ScanSpec(season, _season_pattern, keys=lambda w: tuple(sorted(w.seasons))),
    ScanSpec(spoken_year, _spoken_pattern, keys=("eighteen", "nineteen", "twenty", "two thousand")),
    ScanSpec(
        century,
        lambda f: (
            rf"\b(?:in\s+)?(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>[12]?\d)(?:st|nd|rd|th)"
            rf"|(?P<cw>{f.ordinal_word}))[\s-]+century\b"
            # "the 18th and 19th centuries": each its own expression
            rf"|\b(?:in\s+)?(?:the\s+)?(?P<c2>[12]?\d)(?:st|nd|rd|th)(?=\s+(?:and|or|to)\s+[12]?\d(?:st|nd|rd|th)\s+centuries\b)"
            rf"|(?:(?<=\sand\s)|(?<=\sor\s)|(?<=\sto\s))(?P<c3>[12]?\d)(?:st|nd|rd|th)\s+centuries\b"
        ),
        keys=("century", "centuries"),
    ),
)

# Rules tried after the relative ones (their order among rules decides ties at one place).
LATE_SPECS: Final[tuple[ScanSpec, ...]] = (
    ScanSpec(
        feast,
        lambda f: (
            rf"\b(?:on\s+)?(?:(?P<rel>last|next|this)\s+)?(?P<h>{f.feast})(?P<wk>\s+[Ww]eek)?(?:\s+{_year('y')})?\b"
        ),
        keys=_feast_keys,
        needs=lambda w: tuple(sorted({n.split()[0].capitalize() for n in w.feasts})),
    ),
    ScanSpec(
        week_of_date,
        lambda f: (
            rf"\b(?:in\s+|during\s+)?the\s+week\s+of\s+(?:{f.month('m')}\s+{_day('d')}|{_day('d2')}\s+(?:of\s+)?"
            rf"{f.month('m2')})(?:,?\s+{_year('y')})?\b"
        ),
        keys=("week of",),
        needs=month_needs,
        gate=r"week\s+of",
        gate_text=True,
    ),
    ScanSpec(
        nth_weekday,
        lambda f: (
            rf"\b(?:on\s+)?the\s+(?P<w>first|second|third|fourth|last|final)\s+(?P<wd>{f.weekday})\s+(?:of|in)\s+"
            rf"{f.month('m')}(?:,?\s+{_year('y')})?\b"
        ),
        keys=lambda w: tuple(sorted(w.weekdays)),
        needs=month_needs,
        gate=r"(?:first|second|third|fourth|last|final)\s+\w+day\s+(?:of|in)\s",
        gate_text=True,
    ),
    ScanSpec(
        week_of_month,
        lambda f: (
            rf"\b(?:in\s+|during\s+)?the\s+(?P<w>first|second|third|fourth|last|final)\s+week\s+of\s+"
            rf"{f.month('m')}(?:,?\s+{_year('y')})?\b"
        ),
        keys=("week of",),
        needs=month_needs,
        gate=r"week\s+of",
        gate_text=True,
    ),
)
