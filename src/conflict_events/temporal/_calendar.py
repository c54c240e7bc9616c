"""Calendar arithmetic the resolver needs: month and week bounds, weekday and month lookups.

Pure functions of dates, no text. A "direction" says which way an ambiguous
name points from the anchor: ``"past"`` (news reporting: the latest such day on
or before the anchor), ``"future"`` (the earliest one after it) or ``None``
(the nearest one).

>>> from datetime import date
>>> latest_weekday(date(2025, 1, 5), 6)   # Sunday on a Sunday is that day
datetime.date(2025, 1, 5)
>>> latest_weekday(date(2025, 1, 5), 5)   # Saturday
datetime.date(2025, 1, 4)
>>> month_bounds(2024, 2)
(datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Final, Literal

__all__ = [
    "Direction",
    "add_months",
    "add_years",
    "latest_weekday",
    "month_bounds",
    "month_of",
    "next_weekday",
    "quarter_bounds",
    "safe_date",
    "season_bounds",
    "week_bounds",
    "year_bounds",
]

Direction = Literal["past", "future"] | None

_DAY: Final = dt.timedelta(days=1)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (30 February, month 13)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a year."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar quarter (1..4)."""
    first = 3 * (quarter - 1) + 1
    return dt.date(year, first, 1), month_bounds(year, first + 2)[1]


def week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day (31 March - 1 month = 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years (29 February becomes 28 February in a common year)."""
    return add_months(day, 12 * years)


def latest_weekday(anchor: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """The latest day with this weekday (Monday 0) on or before ``anchor`` (before it when ``strict``)."""
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return anchor - dt.timedelta(days=back)


def next_weekday(anchor: dt.date, weekday: int, *, strict: bool = True) -> dt.date:
    """The earliest day with this weekday after ``anchor`` (or on it when not ``strict``)."""
    ahead = (weekday - anchor.weekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def month_of(anchor: dt.date, month: int, direction: Direction, *, strict: bool = False) -> int:
    """The year of the named month: the latest not after the anchor's month in the past, the next ahead.

    With no direction, the nearest (up to five months ahead); ``strict`` excludes the anchor's
    own month ("last January" written in January).

    >>> from datetime import date
    >>> month_of(date(1989, 11, 2), 1, None), month_of(date(1989, 11, 2), 1, "past")
    (1990, 1989)
    """
    if direction == "future":
        later = month > anchor.month or (month == anchor.month and not strict)
        return anchor.year if later else anchor.year + 1
    if direction == "past":
        behind = month < anchor.month or (month == anchor.month and not strict)
        return anchor.year if behind else anchor.year - 1
    if direction is None:
        # With no tense, the nearest such month: "in January" written in November is the coming one.
        ahead = (month - anchor.month) % 12
        if ahead < 6:
            return anchor.year + 1 if anchor.month + ahead > 12 else anchor.year
        return anchor.year - 1 if month > anchor.month else anchor.year
    raise ValueError(f"unknown direction {direction!r}")


# Meteorological seasons of the northern hemisphere, as news desks use them: (first month, months).
_SEASONS: Final[dict[str, int]] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season_bounds(season: str, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a season; winter ``year`` runs from December ``year`` to February after."""
    first = _SEASONS[season]
    start = dt.date(year, first, 1)
    return start, add_months(start, 3) - _DAY
