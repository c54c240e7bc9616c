"""Grammar rules for the reporting periods of business and economic news: quarters, halves, fiscal years.

Results are reported by quarter: "third-quarter profit", "the latest quarter", "the
year-ago period", "up from a year earlier". TimeML values them as quarters
(``1989-Q3``), and a phrase that names no quarter of its own takes the one under
discussion: the last quarter named in the sentences just before, else the latest
completed quarter ("the quarter", written in October, is the third).

>>> import datetime as dt, re
>>> from ._patterns import fragments
>>> ctx = Context(anchor=dt.date(1989, 10, 30), text="Third-quarter net rose from a year earlier.")
>>> m = re.search(_quarter_pattern(fragments(ctx.words)), ctx.text, re.IGNORECASE)
>>> quarter(m, ctx).timex
'1989-Q3'
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ..rules import Example, rule
from ._calendar import add_months, month_bounds, quarter_bounds
from ._expression import Basis, TimeExpression
from ._patterns import YEAR4, Fragments
from ._readings import Context, Reading, pick_year, preceding_word, word, year_part
from ._scan import ScanSpec

__all__ = ["LATE_SPECS", "SPECS"]

_ORDINALS: Final = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(year: int, q: int, basis: Basis = "anchor") -> Reading:
    begin, until = quarter_bounds(year, q)
    return Reading(begin, until, "range", f"{year:04d}-Q{q}", "DATE", basis)


def _previous(year: int, q: int, back: int = 1) -> tuple[int, int]:
    index = year * 4 + q - 1 - back
    return index // 4, index % 4 + 1


def _anchor_quarter(ctx: Context) -> tuple[int, int]:
    return ctx.anchor.year, (ctx.anchor.month - 1) // 3 + 1


def discussed_quarter(ctx: Context, start: int) -> tuple[int, int] | None:
    """The quarter the text is reporting on at ``start``: the last one named in its sentence or the ten before.

    A quarter named by its number counts ("third-quarter", "the third quarter"), and so does
    "the latest quarter", "the quarter" or "the quarter ended Sept. 30", not one counted from another ("the year-ago
    quarter"), the anchor's own ("the current quarter"), one to come ("will take a
    fourth-quarter charge": results are reported for a quarter that is over) or one named as a
    comparison ("after a flat second quarter", "up from the second quarter").
    """
    for e in reversed(ctx.earlier):
        for x in (*reversed(e.inner), e):
            found = re.fullmatch(r"(\d{4})-Q([1-4])", x.timex)
            if x.end > start or found is None or x.basis == "reference" or not _names_quarter(x):
                continue
            if _compared(ctx, x):
                continue
            if len(_SENTENCE_END.findall(ctx.text, x.end, start)) > 10:
                return None
            if _ahead(ctx, x):
                continue
            return int(found[1]), int(found[2])
    return None


# the word before a quarter, over an article and up to two adjectives ("after a flat second quarter")
_BEFORE_QUARTER = re.compile(r"([\w.]+)\s+(?:(?:a|an|the|its|their|this|that)\s+)?(?:[a-z]+[\s-]+){0,2}$")


def _compared(ctx: Context, x: TimeExpression) -> bool:
    """Whether a quarter is named as a comparison ('after a flat second quarter', 'up from the second quarter')."""
    before = _BEFORE_QUARTER.search(ctx.text, max(0, x.start - 40), x.start)
    return before is not None and before[1].lower() in ctx.words.comparison_words


def _ahead(ctx: Context, x: TimeExpression) -> bool:
    """Whether a quarter is one to come: not over by the anchor and said in the future.

    A quarter that is over is reported on whatever the tense ("is expected to report third-quarter
    results"), and so is one named on a noun ("a decline in fourth-quarter earnings" for a fiscal
    quarter ended in September).
    """
    if x.until <= ctx.anchor or ctx.tense_fn is None:
        return False
    return ctx.tense_fn(x.start, x.end)[0] == "future"


def _names_quarter(x: TimeExpression) -> bool:
    """Whether an expression names the quarter reported on (by number, or as 'the latest quarter')."""
    if x.rule in ("time.year.quarter", "time.quarter.ended"):
        return True
    return x.rule == "time.quarter.discussed" and _COUNTED_QUARTER.search(x.text) is None


# "the year-ago quarter", "the 2022 period", "the current quarter": not the quarter being reported on
_COUNTED_QUARTER = re.compile(r"year|\d{4}|current|same|comparable|corresponding|period", re.IGNORECASE)


_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+(?=[A-Z\"“])|\n\s*\n")


@rule(
    "time.year.quarter",
    decides="time.value",
    positive=[
        Example("Attacks rose in the third quarter of 2023.", {"time.value": "2023-Q3"}),
        Example("The mining company reported a third-quarter loss.", {"time.value": "2023-Q3"}),
        Example("The carmaker said output would fall in the fourth quarter.", {"time.value": "2024-Q4"}),
    ],
    negative=[Example("A quarter of the town was destroyed on Monday.", {"time.value": "2024-03-11"})],
)
def quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the third quarter of 2023', 'third-quarter', 'Q3 2023': three months; without a year the anchor's year's.

    A quarter not begun by the anchor is last year's unless the tense points ahead; 'the year-ago
    third quarter' is a year before; 'last quarter' alone is the one before the anchor's.
    """
    if m["qn"]:
        return _quarter(int(m["y2"]), int(m["qn"]), "explicit")
    name = word(m, "q") or ""
    if m["yq"]:
        return _quarter(int(m["yq"]), 4 if name in ("final", "last") else _ORDINALS[name], "explicit")
    year_phrase = _year_of_phrase(m, ctx)
    if name == "last" and year_phrase is None:
        return _quarter(*_previous(*_anchor_quarter(ctx)))  # "last quarter": the one before this one
    q = 4 if name in ("final", "last") else _ORDINALS[name]
    if year_phrase is not None:
        return _quarter(year_phrase[0], q, year_phrase[1])
    year = ctx.anchor.year
    direction = ctx.tense(m.start(), m.end())
    # under "would" ("said output would fall in the fourth quarter") a quarter to come is this year's
    ahead = direction == "future" or ctx.tense_rules[-1:] == ["time.tense.conditional"]
    if not ahead and quarter_bounds(year, q)[0] > ctx.anchor:
        year -= 1
    if m["ago"]:
        year = (discussed_quarter(ctx, m.start()) or (year + 1, q))[0] - 1
        return _quarter(year, q, "reference")
    return _quarter(year, q)


def _year_of_phrase(m: re.Match[str], ctx: Context) -> tuple[int, Basis] | None:
    """The year a quarter or half is of: written, or said from the anchor's ("of last year", "next year's")."""
    if m["y"]:
        return int(m["y"]), "explicit"
    rel = word(m, "yr") or word(m, "rq")
    if rel == "last":
        return ctx.anchor.year - 1, "anchor"
    if rel == "next":
        return ctx.anchor.year + 1, "anchor"
    if rel in ("this", "the"):
        return ctx.anchor.year, "anchor"
    return None


@rule(
    "time.year.half",
    decides="time.value",
    positive=[
        Example("Attacks rose in the first half of 2023.", {"time.value": "2023-H1"}),
        Example("The miner expects losses in the first two quarters of 2025.", {"time.value": "2025-H1"}),
        Example("The miner's output fell in H2 2023.", {"time.value": "2023-H2"}),
    ],
    negative=[Example("Half of the town was destroyed on Monday.", {"time.value": "2024-03-11"})],
)
def half(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the first half of 2023' is January-June; 'the second (or last) half of this year' July-December.

    'the first (last) two quarters of 2023' and 'H1 2023' are the same halves.
    """
    found: tuple[int, Basis] | None = (int(m["y2"]), "explicit") if m["y2"] else _year_of_phrase(m, ctx)
    if found is None:
        return None
    year, basis = found
    which = 1 if (word(m, "h") or word(m, "hq")) == "first" or m["hn"] == "1" else 2
    begin = dt.date(year, 1 if which == 1 else 7, 1)
    until = dt.date(year, 6, 30) if which == 1 else dt.date(year, 12, 31)
    return Reading(begin, until, "range", f"{year:04d}-H{which}", "DATE", basis)


@rule(
    "time.quarter.discussed",
    decides="time.value",
    positive=[
        Example("The bank posted a third-quarter loss. Deposits fell 4% in the quarter.",
                {"time.value": "2023-Q3"}),
        Example("Profit rose 9% in the latest quarter, the airline said.", {"time.value": "2023-Q4"}),
    ],
    negative=[Example("Profit rose 9% in the fourth quarter, the airline said.", {"time.value": "2023-Q4"})],
)  # fmt: skip
def discussed(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the quarter', 'the latest quarter', 'the year-ago period' name the quarter being reported on.

    That is the last quarter named in the sentences just before, else the latest completed one
    ('the current quarter' is the anchor's); 'year-ago', 'year-earlier', 'a year ago' or 'last
    year' after it, or a year before 'period', move it to that year.
    """
    rel = " ".join(filter(None, (word(m, "rel"), word(m, "rel2"))))
    found = discussed_quarter(ctx, m.start())
    if word(m, "u") == "period" and rel != "latest" and (found is None or not (rel or m["ago"])):
        return None  # "the period" names a quarter only beside one ("the same period last year" may be a month)
    latest = _previous(*_anchor_quarter(ctx))
    if rel == "current":
        year, q = _anchor_quarter(ctx)
    elif rel == "latest" and found is not None and found > latest:
        year, q = latest  # "the latest quarter" is one reported on: ended by the anchor
    else:
        year, q = found or latest
    if re.fullmatch(r"\d{4}", rel):
        year = int(rel)
    elif "year" in rel or m["ago"]:
        year -= 1
    return _quarter(year, q)


@rule(
    "time.quarter.ended",
    decides="time.value",
    positive=[
        Example("The retailer lost $3 million in the quarter ended April 30.", {"time.value": "2023-Q1"}),
        Example("The bank earned $9 million for the quarter ended Sept. 30.", {"time.value": "2023-Q3"}),
    ],
    negative=[
        Example("The retailer lost $3 million in the quarter, it said on Monday.", {"time.value": "2023-Q4"}),
        Example("The retailer posted a fiscal second-quarter loss. Sales fell in the quarter ended Sept. 30.",
                {"time.value": "2023-Q2", "!time.value": "2023-Q3"}),
    ],
)  # fmt: skip
def ended(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the quarter ended April 30' is the calendar quarter holding most of its three months (February-April: Q1).

    That is the quarter of its middle month; the end date is the latest such day by the anchor.
    A quarter named just before by its number is the one meant (a fiscal 'first quarter' ended
    Sept. 30), as TimeML writes it.
    """
    if discussed_quarter(ctx, m.start()) is not None:
        return None
    try:
        month = ctx.words.month(m["mon"])
    except KeyError:
        return None
    end = pick_year(month, int(m["d"]), ctx.anchor, "past")
    if end is None:
        return None
    middle = add_months(end.replace(day=1), -1)
    return _quarter(middle.year, (middle.month - 1) // 3 + 1)


@rule(
    "time.quarter.year_before",
    decides="time.value",
    positive=[
        Example("The bank posted a third-quarter loss, against a profit a year earlier.", {"time.value": "2022-Q3"}),
        Example(
            "The miner posted a third-quarter profit. After a weak second quarter, copper sales recovered. "
            "Costs were lower than a year ago.",
            {"time.value": "2022-Q3", "!time.value": "2022-Q2"},
        ),
        Example(
            "The bank posted a third-quarter loss and will take a fourth-quarter charge. Fees rose from a year ago.",
            {"time.value": "2022-Q3"},
        ),
        Example(
            "Fees rose 4% in the latest quarter, the bank said. Loans fell from a year earlier.",
            {"time.value": "2022-Q4"},
        ),
    ],
    negative=[
        Example("The bank opened its second branch in 1998 and its first a year earlier.", {"time.value": "1997"})
    ],
)
def year_before(m: re.Match[str], ctx: Context) -> Reading | None:
    """'a year ago', 'a year earlier', 'year-earlier' beside a quarter's results are that quarter a year before."""
    found = discussed_quarter(ctx, m.start())
    if found is None:
        return None
    return _quarter(found[0] - 1, found[1])


# "the first nine months", "the six months": a span of quarters TimeML gives no value of its own
_MONTHS_SPAN = re.compile(r"\b(?:six|nine|6|9)\s+months\b", re.IGNORECASE)


def _in_months_span(ctx: Context, start: int) -> bool:
    """Whether the sentence up to ``start`` reports on a span of months ('For the nine months, ...')."""
    first = max(0, start - 400)
    # one character more: a sentence end is known by the capital after it
    ends = list(_SENTENCE_END.finditer(ctx.text, first, start + 1))
    return _MONTHS_SPAN.search(ctx.text, ends[-1].end() if ends else first, start) is not None


@rule(
    "time.year.months_before",
    decides="time.value",
    positive=[
        Example("For the nine months, the bank earned $9 million, against a loss a year earlier.",
                {"time.value": "2022"}),
        Example("In the first nine months, fees fell 3% from the 2022 period.", {"time.value": "2022"}),
    ],
    negative=[Example("In the third quarter, the bank earned $9 million, against a loss a year earlier.",
                      {"time.value": "2022-Q3"})],
)  # fmt: skip
def months_before(m: re.Match[str], ctx: Context) -> Reading | None:
    """'a year earlier', 'the 2022 period' beside results for nine (or six) months are that year, not a quarter.

    TimeML has no value for nine months; the year they fall in is the DATE it writes. The
    months end with the quarter being reported on (else the latest completed one).
    """
    if not _in_months_span(ctx, m.start()):
        return None
    if word(m, "u") == "quarter":
        return None  # "the year-ago quarter" is a quarter whatever the sentence
    rel = " ".join(filter(None, (word(m, "rel"), word(m, "rel2"))))
    if re.fullmatch(r"\d{4}", rel):
        year = int(rel)
    elif word(m, "u") == "period" and not ("year" in rel or m["ago"]):
        return None  # "the period", "the latest period": the months themselves
    else:
        year = (discussed_quarter(ctx, m.start()) or _previous(*_anchor_quarter(ctx)))[0] - 1
    return Reading(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", f"{year:04d}", "DATE", "reference")


def _discussed_month(ctx: Context, start: int) -> tuple[int, int] | None:
    """The month the text is reporting on at ``start``: the last one named in its sentence or the three before."""
    for e in reversed(ctx.earlier):
        for x in (*reversed(e.inner), e):
            found = re.fullmatch(r"(\d{4})-(\d\d)", x.timex)
            if x.end <= start and found and x.basis != "unresolved":
                if len(_SENTENCE_END.findall(ctx.text, x.end, start)) > 3:
                    return None
                return int(found[1]), int(found[2])
    return None


@rule(
    "time.month.same_a_year_before",
    decides="time.value",
    positive=[Example("Car sales fell 12% in February, against a 3% rise in the same month a year ago.",
                      {"time.value": "2023-02"})],
    negative=[Example("Car sales fell 12% in February, against a 3% rise a year ago.", {"time.value": "2023"})],
)  # fmt: skip
def same_month_a_year_before(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the same month (or period) a year ago', 'last year' is the month under discussion a year before."""
    found = _discussed_month(ctx, m.start())
    if found is None:
        return None
    year, month = found[0] - 1, found[1]
    begin, until = month_bounds(year, month)
    return Reading(begin, until, "month", f"{year:04d}-{month:02d}")


@rule(
    "time.year.fiscal",
    decides="time.value",
    positive=[
        Example("The company expects a loss in the current fiscal year.", {"time.value": "2024"}),
        Example("Sales for fiscal 2022 rose 3%.", {"time.value": "2022"}),
        Example("The ministry's budget for FY2022 was cut.", {"time.value": "2022"}),
        Example("The miner lost $2 million in the fourth quarter of 2022 and $9 million for the entire year.",
                {"time.value": "2022"}),
        Example("The ministry expects to finish the road by year-end.", {"time.value": "2024-12-31"}),
        Example("The ministry expects to finish the road by year's end.", {"time.value": "2024", "time.mod": "END"}),
    ],
    negative=[Example("Sales rose 3% last year.", {"time.value": "2023"})],
)  # fmt: skip
def fiscal_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the fiscal year', 'the full year', 'fiscal 2022': a year (TimeML writes the calendar year).

    'current', 'this', 'full' or none is the year of the quarter being reported on, else the
    anchor's; 'latest', 'last', 'previous' the one before; 'next' the one after. 'year-end' is
    31 December of that year ('since year-end': the last one passed); 'year's end' and 'year end'
    are 'the end of the year', the year with TimeML's mod END.
    """
    if m["fy"]:
        year = int(m["fy"])
        return Reading(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", f"{year:04d}", "DATE", "explicit")
    rel = word(m, "rel") or ""
    year = ctx.anchor.year + {"latest": -1, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if m["end"]:
        if preceding_word(ctx.text, m.start()) == "since":
            year -= 1
        if "-" not in m["end"]:
            begin, until = year_part(year, "late")
            return Reading(begin, until, "year", f"{year:04d}", mod="END")
        return Reading(dt.date(year, 12, 31), dt.date(year, 12, 31), "day", f"{year:04d}-12-31")
    discussed = discussed_quarter(ctx, m.start()) if rel in ("", "current", "this") else None
    if discussed is not None:
        year = discussed[0]  # "a loss in the fourth quarter of 2022 and for the full year"
    return Reading(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", f"{year:04d}", "DATE")


# --- patterns -------------------------------------------------------------------------------------


def _quarter_pattern(f: Fragments) -> str:
    return (
        rf"\b(?:in\s+)?(?:(?:the|its|their)\s+)?(?:(?P<yq>{YEAR4})\s+|(?P<ago>year[\s-](?:ago|earlier))\s+"
        rf"|(?P<rq>last|next|this)\s+year['’]s\s+)?(?:fiscal[\s-]+)?"
        rf"(?:(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter(?!s)"
        rf"(?:\s+of\s+(?:(?P<yr>this|last|next|the)\s+year|(?:fiscal\s+)?(?P<y>{YEAR4})))?"
        rf"|Q(?P<qn>[1-4])\s+(?P<y2>{YEAR4}))\b"
    )


_DISCUSSED = (
    r"\b(?:in\s+|for\s+|during\s+)?(?:the|that|its|their)\s+(?:(?P<rel>latest|current|same|comparable|corresponding"
    r"|year[\s-]ago|year[\s-]earlier|(?:1[89]|20)\d\d)\s+)?"
    r"(?:(?P<rel2>comparable|corresponding|year[\s-]ago|year[\s-]earlier)\s+)?(?:fiscal\s+)?(?P<u>quarter|period)\b(?!-)"
    r"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|of\s+the\s+previous\s+year))?"
)
_YEAR_BEFORE = r"\b(?:a\s+year\s+(?:ago|earlier|before)|(?:the\s+)?year[\s-](?:ago|earlier)|last\s+year['’]s)\b"
_FISCAL = (
    r"\b(?:(?:the|this|its|their)\s+(?:(?P<rel>current|latest|last|previous|past|next|coming|same)\s+)?"
    r"(?:fiscal\s+year|(?:full|entire|whole)\s+year)|(?:fiscal\s+(?:year\s+)?|(?-i:FY)\s?)(?P<fy>(?:1[89]|20)\d\d)"
    r"|(?:by\s+|at\s+|around\s+)?(?P<end>year(?:['’]s\s+|[\s-])end))\b"
)

SPECS: Final[tuple[ScanSpec, ...]] = (
    ScanSpec(quarter, _quarter_pattern, keys=("quarter", "q1", "q2", "q3", "q4")),
    ScanSpec(
        half,
        lambda f: (
            rf"\b(?:in\s+)?(?:the\s+)?(?:(?P<h>first|second|latter|last)\s+half|(?P<hq>first|last)\s+two\s+quarters)"
            rf"\s+of\s+(?:(?P<yr>this|last|next|the)\s+"
            rf"year|(?P<y>{YEAR4}))\b|\b(?-i:H(?P<hn>[12]))\s+(?P<y2>{YEAR4})\b"
        ),
        keys=("half", "two quarters", "h1", "h2"),
    ),
    ScanSpec(
        ended,
        lambda f: (
            r"\b(?:in\s+|for\s+|during\s+)?(?:the|its|their)\s+(?:latest\s+)?(?:fiscal\s+)?quarter"
            rf"(?=,?\s+(?:that\s+|which\s+)?(?:ended|ending)\s+{f.month('mon')}\s+(?P<d>[0-3]?\d)\b)"
        ),
        keys=("quarter",),
    ),
    ScanSpec(months_before, lambda f: _DISCUSSED, keys=("period",)),
    ScanSpec(discussed, lambda f: _DISCUSSED, keys=("quarter", "period")),
    ScanSpec(months_before, lambda f: _YEAR_BEFORE, keys=("year",)),
    ScanSpec(year_before, lambda f: _YEAR_BEFORE, keys=("year",)),
    ScanSpec(
        same_month_a_year_before,
        lambda f: (
            r"\b(?:in\s+|for\s+|during\s+)?the\s+same\s+(?:month|period)\s+(?:a\s+year\s+(?:ago|earlier|before)"
            r"|(?:of\s+)?last\s+year|of\s+the\s+previous\s+year)\b"
        ),
        keys=("same",),
    ),
    ScanSpec(fiscal_year, lambda f: _FISCAL, keys=("fiscal", "full year", "entire year", "whole year", "end")),
    # "FY2023": around "fy" only where "FY" is written ("justify", "verify" hold the letters too)
    ScanSpec(fiscal_year, lambda f: _FISCAL, keys=("fy",), needs=("FY",)),
)
LATE_SPECS: Final[tuple[ScanSpec, ...]] = ()
