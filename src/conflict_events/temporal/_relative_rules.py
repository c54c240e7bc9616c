"""Grammar rules for times counted from the anchor: weekdays, relative days, calendar periods, windows.

"on Sunday", "yesterday", "last week", "over the past day", "two days ago", "for three
days", "now": each resolved against the document date and the tense at the match
(docs/time.md, "News conventions").

>>> import datetime as dt, re
>>> ctx = Context(anchor=dt.date(2025, 1, 5), text="last week")
>>> m = re.search(_PERIOD, ctx.text, re.IGNORECASE)
>>> calendar_period(m, ctx)[2:4]
('week', '2024-W52')
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ..rules import Example, rule
from ..schema._types import Precision
from ._calendar import Direction, add_months, add_years, latest_weekday, month_bounds, next_weekday, year_bounds
from ._expression import Basis
from ._patterns import Fragments
from ._readings import (
    DAY,
    Context,
    Reading,
    clip,
    count,
    day_reading,
    duration_value,
    in_a_name,
    iso,
    kind_word,
    mod_kind,
    month_part,
    period_bounds,
    preceding_word,
    shift,
    word,
    year_part,
)
from ._scan import ScanSpec

__all__ = ["SPECS", "resolve_weekday"]


# --- weekdays and relative days -------------------------------------------------------------------


def resolve_weekday(weekday: int, rel: str | None, ctx: Context, start: int, end: int) -> tuple[dt.date, Direction]:
    """The day a weekday name points to: the latest such day in the past, the next one ahead.

    With no tense to go by, the day after the anchor is tomorrow's; another weekday the latest past one.
    """
    if rel == "last":
        return latest_weekday(ctx.anchor, weekday, strict=True), "past"
    if rel in ("next", "coming"):
        return next_weekday(ctx.anchor, weekday), "future"
    direction = ctx.tense(start, end)
    if rel == "this" and direction is None:
        direction = "future"
    if direction == "future":
        # "will meet on Sunday" written on a Sunday is next week's: the same day would be "today";
        # a schedule in the present ("talks resume Monday", "the deadline is Monday", written on a
        # Monday) is today's.
        scheduled = ctx.tense_rules[-1:] in (["time.tense.scheduled_present"], ["time.tense.copula"])
        return next_weekday(ctx.anchor, weekday, strict=not scheduled), direction
    on_a_noun = ctx.tense_rules[-1:] == ["time.tense.on_a_noun"]
    if direction is None and not on_a_noun and next_weekday(ctx.anchor, weekday) == ctx.anchor + DAY:
        # no tense ("to resume Monday", "would be travelling Thursday"): the day after the anchor is
        # tomorrow's; any other weekday is the latest past one, as news reports what happened
        return ctx.anchor + DAY, direction
    return latest_weekday(ctx.anchor, weekday), direction


@rule(
    "time.day.weekday",
    decides="time.value",
    positive=[
        Example("Troops shelled the town on Tuesday, residents said.", {"time.value": "2024-03-12"}),
        Example("Gunmen attacked the convoy late on Sunday night.", {"time.value": "2024-03-10TNI"}),
        Example(
            "The currency fell on Wednesday, 3% below its level of the previous Friday.", {"time.value": "2024-03-08"}
        ),
        Example("The mediators meet the two sides again this coming Monday.", {"time.value": "2024-03-18"}),
    ],
    negative=[
        Example("Troops shelled the town on 12 March, residents said.", {"time.value": "2024-03-12"}),
        Example(
            "Supporters of the activist Sunday Igboho, a separatist, marched in Ibadan yesterday.",
            {"time.value": "2024-03-14"},
        ),
        Example(
            "Traders have closed the market every Friday since the raid of 4 March.",
            {"time.value": "2024-03-04", "!time.value": "2024-03-15"},
        ),
    ],
)
def weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """A weekday name is the latest such day on or before the anchor in the past, the next one ahead.

    A weekday inside a name ('the activist Sunday Igboho') is no day, nor is one that recurs
    ('every Friday': a TimeML SET).
    """
    if m.group(0) == m["wd"] and in_a_name(ctx, m.start(), m.end()):
        return None
    if preceding_word(ctx.text, m.start()) in ctx.words.recurrence_words:
        return None
    day_number = ctx.words.weekdays[m["wd"].lower()]
    rel = word(m, "rel")
    basis: Basis = "anchor"
    if rel in ("the previous", "the preceding"):
        # "down 4% from the previous Friday": the one before the day last named, else before the anchor
        ref = ctx.reference(m.start(), ("day",))
        day = latest_weekday(ref.begin if ref else ctx.anchor, day_number, strict=True)
        basis = "reference" if ref else "anchor"
    else:
        day, _ = resolve_weekday(
            day_number, {"this past": "last", "this coming": "coming"}.get(rel or "", rel), ctx, m.start(), m.end()
        )
    night = word(m, "ovn")
    if night and night.startswith("overnight into"):
        return Reading(day - DAY, day, "range", f"{iso(day - DAY)}TNI", "TIME")
    part = ctx.words.parts_of_day.get(word(m, "pod") or "") or (
        "NI" if night in ("overnight", "the night of") else None
    )
    return day_reading(day, basis, part)


_DAY_OFFSETS: Final = {
    "today": 0, "earlier today": 0, "later today": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


@rule(
    "time.day.relative",
    decides="time.value",
    positive=[
        Example("Gunmen killed four farmers yesterday, police said.", {"time.value": "2024-03-14"}),
        Example(
            "Missiles struck the port overnight, officials said.",
            {"time.start": "2024-03-14", "time.end": "2024-03-15"},
        ),
    ],
    negative=[
        Example("Gunmen killed four farmers on Thursday, police said.", {"time.value": "2024-03-14"}),
        Example("The minister told USA Today the raid on Thursday had failed.", {"!time.value": "2024-03-15"}),
        Example(
            "The school trains the officers of tomorrow, its head said on Thursday.", {"!time.value": "2024-03-16"}
        ),
    ],
)
def relative_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """'yesterday', 'today', 'tomorrow' count days from the anchor; a night just past straddles two dates."""
    w = word(m, "w") or ""
    a = ctx.anchor
    if w == "today" and m.group(0).lower().endswith("s") and _generic_after(ctx, m.end()):
        return None  # "today's youth": nowadays, no day
    if m.group(0).startswith("Today") and _mid_sentence(ctx.text, m.start()) and _after_a_name(ctx, m.start()):
        return None  # "USA Today", "This is VOA Today": a title
    if w == "tomorrow" and re.search(r"\bthe\s+[a-z]+\s+of\s+$", ctx.text[max(0, m.start() - 30) : m.start()]):
        return None  # "the leaders of tomorrow": the future, no day
    if w in ("tonight", "overnight") or w.endswith(" tonight"):
        if w == "overnight" or ctx.tense(m.start(), m.end()) == "past":
            # A night named in past-tense reporting is the night just past: it straddles two dates.
            return Reading(a - DAY, a, "range", f"{iso(a - DAY)}TNI", "TIME")
        return day_reading(a, "anchor", "NI")
    if w == "last night":
        return day_reading(a - DAY, "anchor", "NI")
    if w.startswith("this "):
        return day_reading(a, "anchor", ctx.words.parts_of_day[w.split()[1]])
    if w not in _DAY_OFFSETS:
        return None
    return day_reading(a + _DAY_OFFSETS[w] * DAY, "anchor", ctx.words.parts_of_day.get(word(m, "pod") or ""))


def _after_a_name(ctx: Context, start: int) -> bool:
    """Whether a capitalised word that is no calendar name stands just before ``start``."""
    before = ctx.text[max(0, start - 30) : start].split()
    return (
        bool(before) and before[-1][:1].isupper() and before[-1].lower() not in (*ctx.words.weekdays, *ctx.words.months)
    )


def _mid_sentence(text: str, start: int) -> bool:
    """Whether ``start`` is inside a sentence (not its first word)."""
    before = text[max(0, start - 3) : start].rstrip(" \t\"“'‘`")
    return bool(before) and before[-1] not in ".!?:\n"


def _generic_after(ctx: Context, end: int) -> bool:
    """Whether a noun of 'nowadays' follows, perhaps after an adjective ("today's young people")."""
    words = re.findall(r"[A-Za-z]+", ctx.text[end : end + 40].lower())[:3]
    return any(w in ctx.words.generic_after_today for w in words)


_DAY_NOT_BEFORE = re.compile(
    r"\s+(?:before|after|of|when|that|on|in|which|and|(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)


_CLAUSE_END = re.compile(r"\s*(?:[.,;:)]|$)")
_SENTENCE_END: Final = re.compile(r"[.!?][\"'”’]?\s+[A-Z\"“]|\n")


@rule(
    "time.day.the_day",
    decides="time.value",
    positive=[
        Example("The index fell 2% to end the day at 7,114 points.", {"time.value": "2024-03-15"}),
        Example("The bank's shares closed at $20, down 50 cents on the day.", {"time.value": "2024-03-15"}),
        Example("Banks slumped on Monday. The index lost 2% to end the day at 5,230.", {"time.value": "2024-03-11"}),
    ],
    negative=[
        Example("The index fell 2% on the day of the vote on Monday.", {"time.value": "2024-03-11"}),
        Example("The index fell 2% on the day the vote was held, Monday.", {"time.value": "2024-03-11"}),
    ],
)
def the_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """'ended the day', 'for the day', 'the start of the day': the day reported on (the day just named, else A).

    'on the day' ending its clause ('down 50 cents on the day.') too.
    """
    before = preceding_word(ctx.text, m.start())
    closing = before in ctx.words.day_closers and _CLAUSE_END.match(ctx.text, m.end()) is not None
    if (
        not m["part"]
        and not closing
        and (before not in ctx.words.day_verbs or _DAY_NOT_BEFORE.match(ctx.text, m.end()))
    ):
        return None
    ref = ctx.reference(m.start(), ("day",))
    # the day under discussion: one named in the same sentence or the one before, as for "the month"
    if ref is not None and ref.basis != "unresolved" and len(_SENTENCE_END.findall(ctx.text, ref.end, m.start())) <= 1:
        return day_reading(ref.begin, "reference")
    return day_reading(ctx.anchor)


@rule(
    "time.day.running",
    decides="time.value",
    positive=[
        Example("Markets fell for a third consecutive day on Friday.", {"time.value": "2024-03-15"}),
        Example("Shelling of the port continued for the fourth week in a row.", {"time.value": "2024-W11"}),
        Example("It is the second day of the army's offensive in the north.", {"time.value": "2024-03-15"}),
        Example('Today is the sixth day of "Operation Iron Gate" in the valley.', {"time.value": "2024-03-15"}),
    ],
    negative=[Example("The second convoy reached the town on Tuesday.", {"time.value": "2024-03-12"})],
)
def running(m: re.Match[str], ctx: Context) -> Reading | None:
    """'a third consecutive day', 'the fourth week in a row': the day or week reported on.

    News counts a run ('the second day of the offensive') up to the day it writes in: the anchor's.
    """
    if "week" in (word(m, "u"), word(m, "u2"), word(m, "u3")):
        begin, until, timex, precision = period_bounds("week", 0, ctx.anchor)
        return Reading(begin, until, precision, timex)
    return day_reading(ctx.anchor)


@rule(
    "time.year.elliptic_last",
    decides="time.value",
    positive=[Example("The harvest will be smaller this year than last, the ministry said.", {"time.value": "2023"})],
    negative=[Example("The harvest was the smallest since last year, the ministry said.", {"time.value": "2023"})],
)
def elliptic_last(m: re.Match[str], ctx: Context) -> Reading | None:
    """'this year than last', 'this year as last': the year before the anchor's, its noun left out."""
    if not re.search(r"\bthis\s+year\s+(?:than|as)\s+$", ctx.text[max(0, m.start() - 20) : m.start()], re.IGNORECASE):
        return None
    begin, until, timex, precision = period_bounds("year", -1, ctx.anchor)
    return Reading(begin, until, precision, timex)


# --- anchor-relative periods ----------------------------------------------------------------------


def _period_shift(rel: str, unit: str, m: re.Match[str], ctx: Context) -> tuple[int, Direction]:
    """How many units from the anchor's the period lies, and which way the phrase points."""
    direction: Direction
    if rel in ("last", "previous", "past"):
        shift_by, direction = -1, "past"
    elif rel in ("next", "coming"):
        shift_by, direction = 1, "future"
    else:
        shift_by, direction = 0, ctx.tense(m.start(), m.end())
    if unit == "weekend":
        on_weekend = ctx.anchor.weekday() >= 5
        if m["pastw"] or (rel in ("last", "previous", "past") and not on_weekend):
            shift_by = 0  # "last weekend" on a Monday is the one just past
        elif shift_by == 0 and direction == "future" and not on_weekend:
            shift_by = 1
    return shift_by, direction


def _period_part(unit: str, kind: str, begin: dt.date, until: dt.date) -> tuple[dt.date, dt.date]:
    """The first, middle or last third of a month or year; of a week its start, middle or end."""
    if unit == "month":
        return month_part(begin.year, begin.month, kind_word(kind))
    if unit == "year":
        return year_part(begin.year, kind_word(kind))
    if unit == "week":
        return {
            "start": (begin, begin + 2 * DAY),
            "mid": (begin + 2 * DAY, begin + 4 * DAY),
            "end": (begin + 4 * DAY, until),
        }[kind]
    return begin, until


# Which earlier expressions "the previous <unit>" may count from (as the offset rule's).
_ANAPHORIC_UNITS: Final[dict[str, tuple[Precision, ...]]] = {
    "week": ("day", "week"),
    "month": ("day", "week", "month"),
    "year": ("day", "week", "month", "year"),
}


def _counts_from_reference(m: re.Match[str], rel: str, unit: str, ctx: Context) -> bool:
    """'the previous year', 'the next month' after a date of the text count from that date, not the anchor.

    TimeML reads "the previous" and "the next" as anaphoric (their reference is the date under
    discussion); "last year" and "next month" without the article are deictic (the anchor's).
    "the next" counts from the reference only when that lies in a period before the anchor's and
    the clause is not in the future ("will rise in the next year" is the coming year).
    """
    if unit not in _ANAPHORIC_UNITS or mod_kind(word(m, "mod")) or not (word(m, "rel") or "").startswith("the "):
        return False
    ref = ctx.reference(m.start(), _ANAPHORIC_UNITS[unit])
    if ref is None or rel not in ("previous", "next"):
        return False
    if rel == "previous":
        return True
    return ref.until < period_bounds(unit, 0, ctx.anchor)[0] and ctx.tense(m.start(), m.end()) != "future"


@rule(
    "time.period.discussed",
    decides="time.value",
    positive=[
        Example(
            "The strike began on February 1. By the end of the month, 200 firms had closed.",
            {"time.value": "2024-02"},
        ),
        Example("Rebels took the town in June 2022. The year ended with a truce.", {"time.value": "2022"}),
    ],
    negative=[
        Example("The strike began on March 4. By the end of the month, 90 firms had shut.", {"time.value": "2024-03"}),
    ],
)  # fmt: skip
def _discussed_period(m: re.Match[str], rel: str, unit: str, ctx: Context) -> Reading | None:
    """'the month', 'the end of the year' after a date of another period: that date's month or year.

    TimeML values "the month" as the month under discussion; a date named in the same or the
    sentence before, in a week, month or year other than the anchor's, is that.
    """
    if rel != "the" or unit not in _ANAPHORIC_UNITS:
        return None
    ref = ctx.reference(m.start(), _ANAPHORIC_UNITS[unit])
    if ref is None or len(_SENTENCE_END.findall(ctx.text, ref.end, m.start())) > 1:
        return None
    begin, until, timex, precision = period_bounds(unit, 0, ref.begin)
    if begin <= ctx.anchor <= until:
        return None  # the anchor's own period: the calendar rule reads it
    kind = mod_kind(word(m, "mod"))
    if kind:
        begin, until = _period_part(unit, kind, begin, until)
    return Reading(begin, until, precision, timex, "DATE", "reference")


@rule(
    "time.period.calendar",
    decides="time.value",
    positive=[
        Example("Troops shelled the district last week.", {"time.value": "2024-W10"}),
        Example("Clashes broke out earlier this month.", {"time.start": "2024-03-01", "time.end": "2024-03-15"}),
        Example("Kidnappings on the highway doubled over the past decade.", {"time.value": "201"}),
        Example("It was the worst drought of the last century.", {"time.value": "19"}),
        Example("It is the region's deadliest flood this century.", {"time.value": "20"}),
        Example("Aid deliveries to the camp fell in the past year.", {"time.value": "2023"}),
    ],
    negative=[
        Example("Troops shelled the district over the past week.", {"time.value": "P1W"}),
        Example("Kidnappings on the highway doubled over the past two years.", {"time.value": "P2Y"}),
        # "the previous year" after a date counts from that date (time.offset.from_reference)
        Example("The dam was finished in 2019; the previous year, floods had hit the valley.", {"time.value": "2018"}),
    ],
)
def calendar_period(m: re.Match[str], ctx: Context) -> Reading | None:
    """'last week', 'this month', 'at the weekend', 'late last year': a calendar period counted from the anchor's.

    'the past year' and 'the last decade' (no count) are the calendar year and decade before the
    anchor's, as TimeML values them; 'the past week' and 'the past two years' are windows.
    """
    rel = (word(m, "rel") or "").removeprefix("the ").removeprefix("this ")
    unit = word(m, "u") or ""
    mod = word(m, "mod")
    if rel == "" and not mod and unit != "weekend":
        return None  # "the year" alone is not a date
    if re.fullmatch(r"(?:This|Next|Last)\s+(?:Week|Month|Year)", m.group(0)) and (
        _mid_sentence(ctx.text, m.start()) or ctx.text[max(0, m.start() - 1) : m.start()] in ('"', "“")
    ):
        return None  # "ABC's This Week", '"This Week,"': a title, not a time
    if unit == "century" and rel == "past":
        return None  # "the past century" is the last hundred years, no calendar century
    if _counts_from_reference(m, rel, unit, ctx):
        return None  # "the previous year" after "in 2008": the offset rule counts from 2008
    discussed = _discussed_period(m, rel, unit, ctx)
    if discussed is not None:
        return discussed
    shift_by, direction = _period_shift(rel, unit, m, ctx)
    begin, until, timex, precision = period_bounds(unit, shift_by, ctx.anchor)
    if mod in ("earlier", "later") and shift_by == 0 and begin <= ctx.anchor <= until:
        # "earlier this month" is split at the anchor; a period already past ("later last
        # weekend" on a Tuesday) does not contain it and keeps its own bounds below.
        begin, until = (begin, ctx.anchor) if mod == "earlier" else (ctx.anchor, until)
        return Reading(begin, until, precision, timex)
    if mod == "the rest of":
        return Reading(ctx.anchor, until, precision, timex)
    kind = mod_kind(mod)
    if kind:
        begin, until = _period_part(unit, kind, begin, until)
    if shift_by == 0 and direction != "future" and unit not in ("decade", "century"):
        # a decade or century stays whole: its TIMEX3 value names all of it ("this century" = 20)
        return clip(Reading(begin, until, precision, timex), ctx, "past")
    return Reading(begin, until, precision, timex)


@rule(
    "time.window.past_or_coming",
    decides="time.value",
    positive=[
        Example(
            "Troops killed 40 fighters over the past day, the ministry said.",
            {"time.start": "2024-03-14", "time.end": "2024-03-15", "time.value": "P1D"},
        )
    ],
    negative=[Example("Troops killed 40 fighters last week, the ministry said.", {"time.value": "2024-W10"})],
)
def window(m: re.Match[str], ctx: Context) -> Reading | None:
    """'over the past day', 'the past two weeks', 'in the coming days': a window ending (or starting) at the anchor."""
    rel = word(m, "rel") or word(m, "rel2") or "past"
    unit = word(m, "u") or "day"
    n, vague = count(m, ctx)
    plural = bool(m["u_s"])
    if n is None and vague is None and not plural and rel in ("next", "following", "previous", "preceding"):
        return None  # "the next day" is relative to another date: the offset rule reads it
    if n is None and vague is None and not plural and rel in ("past", "last") and unit in ("year", "decade"):
        return None  # "the past year" is last year, as TimeML values it: the calendar period rule reads it
    if n is None and vague is None and not plural:
        n = 1  # "the past day", "the coming week"
    span = n if n is not None else (vague[1] if vague else ctx.words.units[unit].vague)
    a = ctx.anchor
    value = duration_value(n, unit, ctx)
    if rel in ("coming", "next", "following"):
        end = shift(a, unit, span) - (DAY if unit != "hour" else 0 * DAY)
        return Reading(a, max(a, end), "range", value, "DURATION")
    begin = shift(a, unit, -max(span, 1))
    if unit == "hour" and begin == a:
        begin = a - DAY
    return Reading(begin, a, "range", value, "DURATION")


@rule(
    "time.window.recent",
    decides="time.value",
    positive=[
        Example(
            "Attacks on aid convoys have increased in recent weeks.",
            {"time.value": "PAST_REF", "time.start": "2024-02-16"},
        )
    ],
    negative=[Example("Attacks on aid convoys increased last week.", {"time.value": "2024-W10"})],
)
def recent(m: re.Match[str], ctx: Context) -> Reading | None:
    """'in recent weeks', 'recently': a vague window before the anchor (TIMEX3 PAST_REF)."""
    unit = word(m, "u")
    a = ctx.anchor
    if unit is None:  # "recently", "lately"
        return Reading(a - 30 * DAY, a, "range", "PAST_REF")
    begin = {"day": a - 7 * DAY, "week": a - 28 * DAY, "month": add_months(a, -3), "year": add_years(a, -3)}
    return Reading(begin[unit], a, "range", "PAST_REF")


@rule(
    "time.day.ago",
    decides="time.value",
    positive=[
        Example("Gunmen abducted 30 pupils two days ago, officials said.", {"time.value": "2024-03-13"}),
        Example("The convoy was ambushed a week ago, and its drivers are still missing.", {"time.value": "2024-03-08"}),
        Example("Gunmen abducted 30 pupils six weeks ago, officials said.", {"time.value": "2024-W05"}),
    ],
    negative=[Example("Gunmen abducted 30 pupils on Wednesday, officials said.", {"time.value": "2024-03-13"})],
)
def ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """'two days ago' is a day, 'three weeks ago' a week, 'a few days ago' a range, counted back from the anchor.

    'a week ago' and 'two weeks ago' are the day seven or fourteen days back (the same weekday),
    as TimeML's annotators value them; from three weeks on the count is looser: the week.
    """
    unit = word(m, "u") or "day"
    n, vague = count(m, ctx)
    a = ctx.anchor
    if n is None:
        low, high = vague or (2, ctx.words.units[unit].vague)
        low, high = min(low, high), max(low, high)  # "decades ago": a unit whose vague bound is under two
        return Reading(shift(a, unit, -high), shift(a, unit, -low), "range", "PAST_REF")
    point = shift(a, unit, -n)
    if unit in ("day", "hour") or (unit == "week" and n <= 2) or (unit == "fortnight" and n == 1):
        return day_reading(point)
    if unit in ("week", "fortnight"):
        begin, until, timex, precision = period_bounds("week", 0, point)
        return clip(Reading(begin, until, precision, timex), ctx, "past")
    if unit == "month":
        begin, until = month_bounds(point.year, point.month)
        return Reading(begin, until, "month", f"{point.year:04d}-{point.month:02d}")
    return Reading(*year_bounds(point.year), "year", f"{point.year:04d}")


@rule(
    "time.day.ahead",
    decides="time.value",
    positive=[Example("The mission will end in three months, the council said.", {"time.value": "2024-06"})],
    negative=[
        Example(
            "In 2023 the army retook the district in three months of fighting.",
            {"time.value": "2023", "!time.value": "2024-06"},
        )
    ],
)
def ahead(m: re.Match[str], ctx: Context) -> Reading | None:
    """'will end in three months', 'would be redeemed in five years': the point that far after the anchor.

    Only in a clause that looks ahead ('will', 'would', a plan): 'retook the town in two days' and 'the
    fiercest attack in three years' say how long.
    """
    ahead_of_anchor = ctx.tense(m.start(), m.end()) == "future"
    if not (ahead_of_anchor or ctx.tense_rules[-1:] == ["time.tense.conditional"]):
        return None
    return _counted_ahead(m, ctx)


@rule(
    "time.day.from_now",
    decides="time.value",
    positive=[
        Example("Two years from now the dam will supply the whole province.", {"time.value": "2026"}),
        Example("The mandate of the mission ends six months from today.", {"time.value": "2024-09"}),
    ],
    negative=[Example("The dam supplies the whole province now.", {"time.value": "PRESENT_REF"})],
)
def from_now(m: re.Match[str], ctx: Context) -> Reading | None:
    """'two years from now', 'six months from today', 'ten years hence': that far after the anchor, any tense."""
    return _counted_ahead(m, ctx)


def _counted_ahead(m: re.Match[str], ctx: Context) -> Reading | None:
    """The day, week, month or year a count of units after the anchor falls in."""
    unit = word(m, "u") or "day"
    n, _ = count(m, ctx)
    if n is None:
        return None
    point = shift(ctx.anchor, unit, n)
    if unit in ("day", "hour") or (unit == "week" and n <= 2) or (unit == "fortnight" and n == 1):
        return day_reading(point)
    if unit in ("week", "fortnight"):
        begin, until, timex, precision = period_bounds("week", 0, point)
        return Reading(begin, until, precision, timex)
    if unit == "month":
        begin, until = month_bounds(point.year, point.month)
        return Reading(begin, until, "month", f"{point.year:04d}-{point.month:02d}")
    return Reading(*year_bounds(point.year), "year", f"{point.year:04d}")


@rule(
    "time.duration.for",
    decides="time.value",
    positive=[
        Example(
            "Fighting around the airport lasted for three days.", {"time.value": "P3D", "time.timex_type": "DURATION"}
        )
    ],
    negative=[Example("Fighting around the airport began three days ago.", {"time.value": "2024-03-12"})],
)
def duration(m: re.Match[str], ctx: Context) -> Reading | None:
    """'for three days' is a duration (TIMEX3 P3D): it says how long, not when (kept as the span to the anchor)."""
    if not m["n"] and ctx.text[m.end() - 1] != "s":
        return None
    unit = word(m, "u") or "day"
    n, vague = count(m, ctx)
    span = n if n is not None else (vague[1] if vague else ctx.words.units[unit].vague)
    a = ctx.anchor
    begin = min(a, shift(a, unit, -span))
    return Reading(begin, a, "range", duration_value(n, unit, ctx), "DURATION", "unresolved")


@rule(
    "time.present.now",
    decides="time.value",
    positive=[Example("The town is now under army control, residents said.", {"time.value": "PRESENT_REF"})],
    negative=[
        Example("The now defunct militia attacked the town on Monday.", {"time.value": "2024-03-11"}),
        Example("Now, the militia says, the town is calm again after Monday's raid.", {"time.value": "2024-03-11"}),
    ],
)
def present(m: re.Match[str], ctx: Context) -> Reading | None:
    """'now', 'currently' name the anchor (TIMEX3 PRESENT_REF); 'the now defunct FARC' names no time.

    Neither does 'Now,' opening a sentence: a discourse marker ('Now, he says, ...').
    """
    if preceding_word(ctx.text, m.start()) in ctx.words.noun_phrase_openers:
        return None
    if m.group(0) == "Now" and ctx.text[m.end() : m.end() + 1] == "," and not _mid_sentence(ctx.text, m.start()):
        return None
    return Reading(ctx.anchor, ctx.anchor, "day", "PRESENT_REF")


# --- patterns -------------------------------------------------------------------------------------

_PERIOD = (
    r"\b(?:(?:at|over|during|in|on)\s+)?(?:(?P<mod>early|earlier|late|later|mid|the\s+rest\s+of|"
    r"the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?(?P<rel>(?:the\s+)?(?:last|next|past|previous|"
    r"coming|current)|this\s+(?P<pastw>past)|this|the)\s+(?P<u>week|month|year|weekend|quarter|decade|century)"
    r"(?:['’]s)?\b(?!-)"
)


def _weekday_pattern(f: Fragments) -> str:
    return (
        rf"\b(?:(?P<ovn>overnight\s+into|overnight|the\s+night\s+of|late|early|later|earlier)\s+(?:on\s+)?"
        rf"|(?P<rel>last|this\s+past|this\s+coming|this|next|past|coming|the\s+(?:previous|preceding))\s+|on\s+)?"
        rf"(?P<wd>{f.weekday})(?:['’]s)?"
        rf"(?:\s+(?P<pod>{f.part_of_day}))?\b"
        # a weekday before its date is the date's ("Friday, Oct. 23"): the date rule reads it whole
        rf"(?!,?\s+(?:{f.month_full}|{f.month_abbr})\.?\s+\d|,?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{f.month_full}|{f.month_abbr}))"
    )


_UNIT_KEYS: Final = ("day", "week", "month", "year", "hour", "fortnight", "decade", "night")

SPECS: Final[tuple[ScanSpec, ...]] = (
    ScanSpec(
        weekday,
        _weekday_pattern,
        keys=lambda w: tuple(sorted({d[:3] for d in w.weekdays})),
        needs=lambda w: tuple(sorted(d.capitalize() for d in w.weekdays)),
    ),
    ScanSpec(
        relative_day,
        lambda f: (
            r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|(?:earlier|later)\s+today|"
            r"yesterday|today|tonight|tomorrow|last\s+night|overnight|this\s+(?:morning|afternoon|evening))"
            r"(?:['’]s)?(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"
        ),
        keys=("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening"),
    ),
    ScanSpec(
        window,
        lambda f: (
            rf"\b(?:(?:over|in|during|for|within|throughout)\s+)?(?:the\s+(?P<rel>past|last|previous|preceding|"
            rf"coming|next|following)|(?P<rel2>past))\s+(?:(?P<n>{f.num})\s+)?(?P<u>{f.unit})"
            rf"(?P<u_s>s)?\b(?!\s+(?:of|before|after|ago))"
        ),
        keys=_UNIT_KEYS,
        needs=("past", "last", "previous", "preceding", "coming", "next", "following"),
        needs_case=False,
    ),
    ScanSpec(
        recent,
        lambda f: r"\b(?:(?:in|over|during)\s+)?recent\s+(?P<u>day|week|month|year)s\b|\brecently\b|\blately\b",
        keys=("recent", "lately"),
    ),
    ScanSpec(
        ago,
        lambda f: (
            rf"\b(?:(?:about|nearly|almost|some|more\s+than|over|just|only|around)\s+)?(?:(?P<n>{f.num})\s+)?"
            rf"(?P<u>{f.unit})s?(?:\s+or\s+so)?\s+ago\b"
        ),
        keys=("ago",),
    ),
    ScanSpec(
        from_now,
        lambda f: (
            rf"\b(?:(?:about|nearly|almost|some|just|only|around)\s+)?(?P<n>{f.num})\s+"
            rf"(?P<u>{f.unit})s?\s+(?:from\s+(?:now|today)|hence)\b"
        ),
        keys=("from now", "from today", "hence"),
        gate=r"(?:from\s+(?:now|today)|hence)",
        gate_text=True,
    ),
    ScanSpec(
        calendar_period,
        lambda f: _PERIOD,
        keys=("week", "month", "year", "quarter", "decade", "century"),
        gate=r"(?:the|this|last|next|past|previous|coming|current)\s+(?:week|month|year|weekend|quarter|decade|century)",
    ),
    ScanSpec(
        ahead,
        lambda f: (
            rf"\bin\s+(?:(?:about|around|nearly|just|only|another)\s+)?(?P<n>{f.num})\s+(?P<u>{f.unit})s?\b"
            rf"(?!\s+(?:of|ago|time|later|earlier|before|after)\b)"
        ),
        # the unit words are rarer than "in "; most texts hold no "in <count> <unit>" at all
        keys=lambda w: tuple(sorted(w.units)),
        gate=lambda f: rf"in\s+(?:[^\s]+\s+){{1,4}}(?:{f.unit})",  # in lower case: see _time_finder._lower_gate
        gate_text=True,
    ),
    ScanSpec(
        duration,
        lambda f: (
            rf"\bfor\s+(?:(?:more|less)\s+than\s+|about\s+|nearly\s+|almost\s+|over\s+|around\s+)?"
            rf"(?:(?P<n>{f.num})\s+)?(?P<u>day|week|month|year|hour|decade)s?\b"
        ),
        keys=("for ",),
    ),
)

_ORDINAL_WORDS: Final = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ORDINAL = rf"(?:{'|'.join(_ORDINAL_WORDS)}|[2-9](?:nd|rd|th)|1\d(?:th))"
_RUN = r"(?:straight|consecutive|successive|running)"
# every match holds a word of a run, "in a row", or an ordinal word before its unit
_RUNNING_KEYS: Final = (
    "straight", "consecutive", "successive", "running", "in a row",
    *(f"{o} {u}" for o in _ORDINAL_WORDS for u in ("day", "week")),
)  # fmt: skip

LATE_SPECS: Final[tuple[ScanSpec, ...]] = (
    ScanSpec(elliptic_last, lambda f: r"(?:(?<=year\sthan\s)|(?<=year\sas\s))last\b(?![\s-]+[a-z])", keys=("last",)),
    ScanSpec(
        running,
        lambda f: (
            rf"\b(?:(?:the|a)\s+)?{_ORDINAL}\s+(?:{_RUN}\s+(?P<u>day|week)\b|(?P<u2>day|week)\s+in\s+a\s+row\b)"
            rf"|\bthe\s+(?:{'|'.join(_ORDINAL_WORDS)})\s(?P<u3>day|week)(?=\s+of\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[a-z]|``|[\"“]))"
        ),
        keys=_RUNNING_KEYS,
    ),
    ScanSpec(
        the_day,
        lambda f: r"\bthe\s+(?P<part>start|end|beginning|rest|close)\s+of\s+the\s+day\b|\bthe\s+day\b",
        keys=("the day",),
    ),
    ScanSpec(
        present,
        lambda f: rf"\b(?:{f.present})\b(?![-’'])",
        keys=lambda w: tuple(sorted({p.split()[-1] for p in w.present})),
    ),
)
