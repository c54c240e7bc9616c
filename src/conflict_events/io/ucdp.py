"""UCDP GED exports: read them as typed records and validate them row by row.

:func:`read_ucdp` streams a GED CSV (``GEDEvent_v25_1.csv`` and its kin) and
yields one :class:`~conflict_events.schema.ExtractionResult` per row. As for
ACLED, each row is its own :class:`~conflict_events.schema.Document`: id
``ged-<id>``, text the row's ``source_article`` (UCDP keeps no narrative note),
date ``date_start``; the event's ``trigger`` and ``sentence`` spans cover that
whole text. The mapping to ACLED's taxonomy is approximate, as UCDP's own
categories are broader:

- ``type_of_violence`` 1 (state-based) and 2 (non-state) become *Battles /
  Armed clash*; 3 (one-sided) becomes *Violence against civilians / Attack*
  with ``civilian_targeting``;
- ``Government of X`` sides are ``state_forces`` of X; side B of a state-based
  conflict that is not a government is a ``rebel_group``; ``Civilians`` are
  ``civilians``; other non-state sides are ``unknown`` (UCDP does not say whether
  a group is a militia, a rebel group or a communal group);
- ``best`` is the event's fatality figure with ``low`` and ``high`` as its
  bounds; ``deaths_a``, ``deaths_b``, ``deaths_civilians`` and
  ``deaths_unknown`` are further ``killed`` figures (with the side as subject);
- ``date_start``/``date_end`` are the time span, ``date_prec`` 1..5 its precision
  (day, range, week, month, year); ``where_prec`` 1..7 maps to ACLED's
  ``geo_precision`` (1 -> 1, 2-3 -> 2, 4-7 -> 3).

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "ged.csv"
>>> _ = path.write_text(
...     "id,year,type_of_violence,side_a,side_b,source_article,where_prec,where_coordinates,adm_1,adm_2,"
...     "latitude,longitude,country,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,"
...     "deaths_unknown,best,high,low\\n"
...     "244655,2017,3,IS,Civilians,\\"Reuters 2017-05-02\\",1,Mosul town,Nineveh province,Mosul district,"
...     "36.335,43.118,Iraq,1,2017-05-02 00:00:00.000,2017-05-02 00:00:00.000,0,0,5,0,5,7,5\\n",
...     encoding="utf-8")
>>> result = next(read_ucdp(path))
>>> event = result.events[0]
>>> event.event_type, event.sub_event_type, event.actor2.kind, event.fatalities.value, event.fatalities.high
('Violence against civilians', 'Attack', 'civilians', 5, 7)
>>> validate_ucdp(path).ok
True
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Final

from pydantic import ValidationError

from ..errors import RecordError
from ..lexicons._countries import country_from_name
from ..schema import Actor, Document, Event, ExtractionResult, Figure, Location, Span, TimeSpan
from ..schema._types import LocationKind, Precision
from ._csvrows import RowFailures, read_csv_records, validate_csv
from .acled import _STATE_NAME, check_place
from .validate import MAX_STORED_FAILURES, ReportBuilder, ValidationFailure, ValidationReport

__all__ = [
    "DATE_PRECISION",
    "REQUIRED_COLUMNS",
    "UCDP_COLUMNS",
    "WHERE_PRECISION",
    "geo_precision_of",
    "parse_ucdp_date",
    "read_ucdp",
    "result_from_ucdp_row",
    "ucdp_country",
    "validate_ucdp",
]

# The columns of GED 23.1-25.1 CSV exports, in their order.
UCDP_COLUMNS: Final[tuple[str, ...]] = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
    "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
    "high", "low", "gwnoa", "gwnob",
)  # fmt: skip

REQUIRED_COLUMNS: Final[tuple[str, ...]] = (
    "id", "year", "type_of_violence", "side_a", "side_b", "where_prec", "latitude", "longitude",
    "country", "date_prec", "date_start", "date_end", "best", "high", "low",
)  # fmt: skip

DEATH_COLUMNS: Final[tuple[str, ...]] = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")

# date_prec: 1 exact day, 2 a span of 2-6 days, 3 a week, 4 a month, 5 a year.
DATE_PRECISION: Final[dict[int, Precision]] = {1: "day", 2: "range", 3: "week", 4: "month", 5: "year"}

# where_prec: 1 exact place, 2 near a place, 3 ADM2, 4 ADM1, 5 wider area, 6 country, 7 sea or air.
WHERE_PRECISION: Final[dict[int, LocationKind]] = {
    1: "settlement", 2: "settlement", 3: "admin2", 4: "admin1", 5: "region", 6: "country", 7: "feature",
}  # fmt: skip

_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")


def geo_precision_of(where_prec: int) -> int:
    """ACLED's geo_precision for a GED where_prec (our approximate mapping, spec/ACLED.md §6).

    >>> [geo_precision_of(p) for p in range(1, 8)]
    [1, 2, 2, 3, 3, 3, 3]
    """
    return 1 if where_prec == 1 else 2 if where_prec in (2, 3) else 3


def parse_ucdp_date(value: str) -> dt.date:
    """A GED date: ``2017-05-02``, ``2017-05-02 00:00:00.000`` or ``5/2/2017`` (month first).

    >>> parse_ucdp_date("2017-05-02 00:00:00.000")
    datetime.date(2017, 5, 2)
    """
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.strptime(value.split(" ")[0], "%m/%d/%Y").date()
    except ValueError:
        raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def ucdp_country(name: str) -> str | None:
    """Alpha-2 of a GED country name, whose historic form is in parentheses (``Yemen (North Yemen)``).

    >>> ucdp_country("Yemen (North Yemen)"), ucdp_country("DR Congo (Zaire)"), ucdp_country("Atlantis")
    ('YE', 'CD', None)
    """
    name = name.strip()
    return country_from_name(name) or country_from_name(_PARENTHESIS.sub("", name))


def _side(actor_id: str, name: str, *, side_b: bool, violence: int) -> Actor:
    match = _STATE_NAME.match(name)
    if match and name.startswith("Government of"):
        country = ucdp_country(match.group(2) or match.group(1) or "")
        return Actor(id=actor_id, name=name, kind="state_forces", country=country)
    if name.strip().lower() == "civilians":
        return Actor(id=actor_id, name=name, kind="civilians")
    if side_b and violence == 1:
        # In a state-based conflict the non-government side fights the state: a rebel group.
        return Actor(id=actor_id, name=name, kind="rebel_group")
    return Actor(id=actor_id, name=name, kind="unknown")


def _int(row: Mapping[str, str], column: str, fail: Callable[[str, str], RecordError]) -> int:
    value = (row.get(column) or "").strip()
    try:
        number = float(value)
    except ValueError:
        raise fail(column, f"{value!r} is not an integer") from None
    if not number.is_integer() or number < 0:
        raise fail(column, f"{value!r} is not a non-negative integer")
    return int(number)


def result_from_ucdp_row(row: Mapping[str, str], *, source: str = "<row>", line: int = 0) -> ExtractionResult:
    """One GED row as an :class:`ExtractionResult` with one document and one event (module docstring).

    Raises :class:`~conflict_events.errors.RecordError` (``source:line``, the column)
    when the row is malformed.
    """
    try:
        return _result_from_ucdp_row(row, source=source, line=line)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        where = ".".join([err.title, *(str(part) for part in first["loc"])])
        raise RecordError(f"{where}: {first['msg']}", source=source, line=line) from None


class _Cells:
    """A GED row's stripped cells, and the RecordError naming ``source:line`` and a column."""

    __slots__ = ("line", "row", "source")

    def __init__(self, row: Mapping[str, str], source: str, line: int) -> None:
        self.row, self.source, self.line = row, source, line

    def get(self, column: str) -> str:
        return (self.row.get(column) or "").strip()

    def fail(self, column: str, reason: str) -> RecordError:
        return RecordError(f"{column}: {reason}", source=self.source, line=self.line)

    def int(self, column: str) -> int:
        return _int(self.row, column, self.fail)


def _result_from_ucdp_row(row: Mapping[str, str], *, source: str, line: int) -> ExtractionResult:
    cells = _Cells(row, source, line)
    get, fail = cells.get, cells.fail
    if not get("id"):
        raise fail("id", "empty")
    event_id = f"ged-{get('id')}"
    violence = cells.int("type_of_violence")
    if violence not in (1, 2, 3):
        raise fail("type_of_violence", f"{violence} is not 1, 2 or 3")
    when = _time_span(cells)

    text = row.get("source_article") or ""
    whole = Span.of(text, 0, len(text))
    document = Document(id=event_id, text=text, date=when.start, source=get("source_office") or None)
    if not get("side_a"):
        raise fail("side_a", "empty")
    side_a = _side("side_a", get("side_a"), side_b=False, violence=violence)
    side_b = _side("side_b", get("side_b"), side_b=True, violence=violence) if get("side_b") else None
    location = _location(cells)
    fatalities, figures = _fatalities(cells, Span.of(text, 0, 0), side_a, side_b)

    one_sided = violence == 3
    event = Event(
        id=event_id,
        document_id=event_id,
        event_type="Violence against civilians" if one_sided else "Battles",
        sub_event_type="Attack" if one_sided else "Armed clash",
        trigger=whole,
        sentence=whole,
        date=when,
        location=location,
        actor1=side_a,
        actor2=side_b,
        fatalities=fatalities,
        figures=figures,
        civilian_targeting=one_sided,
        confidence=1.0 if get("event_clarity") in ("", "1") else 0.5,
        extractor="ucdp-ged",
    )
    actors = (side_a, *([side_b] if side_b else []))
    return ExtractionResult(document=document, events=(event,), actors=actors, locations=(location,))


def _time_span(cells: _Cells) -> TimeSpan:
    """``date_start`` to ``date_end`` at ``date_prec``'s precision, anchored at the start."""
    try:
        start, end = parse_ucdp_date(cells.get("date_start")), parse_ucdp_date(cells.get("date_end"))
    except ValueError as err:
        raise cells.fail("date_start", str(err)) from None
    date_prec = cells.int("date_prec")
    if date_prec not in DATE_PRECISION:
        raise cells.fail("date_prec", f"{date_prec} is not 1 to 5")
    try:
        return TimeSpan(start=start, end=end, precision=DATE_PRECISION[date_prec], anchor=start)
    except ValidationError:
        raise cells.fail("date_end", f"date_end {end} is before date_start {start}") from None


def _location(cells: _Cells) -> Location:
    """The row's place: named by its most precise description, its kind and precision from ``where_prec``."""
    get = cells.get
    country = ucdp_country(get("country"))
    where_prec = cells.int("where_prec")
    if where_prec not in WHERE_PRECISION:
        raise cells.fail("where_prec", f"{where_prec} is not 1 to 7")
    try:
        lat, lon = float(get("latitude")), float(get("longitude"))
        return Location(
            id="location",
            name=get("where_coordinates") or get("adm_2") or get("adm_1") or get("country") or "unnamed",
            kind=WHERE_PRECISION[where_prec],
            country=country,
            admin1=get("adm_1") or None,
            admin2=get("adm_2") or None,
            latitude=lat,
            longitude=lon,
            geo_precision=geo_precision_of(where_prec),
        )
    except (ValueError, ValidationError):
        raise cells.fail("latitude", f"{get('latitude')!r}, {get('longitude')!r} are not coordinates") from None


def _fatalities(
    cells: _Cells, nothing: Span, side_a: Actor, side_b: Actor | None
) -> tuple[Figure, tuple[Figure, ...]]:
    """The event's fatality figure (best within low..high) and the non-zero deaths by side."""
    best, low, high = cells.int("best"), cells.int("low"), cells.int("high")
    try:
        fatalities = Figure(category="killed", value=best, low=low, high=high, text=nothing)
    except ValidationError:
        raise cells.fail("best", f"low {low} <= best {best} <= high {high} does not hold") from None
    civilians = side_b is not None and side_b.kind == "civilians"
    subjects = {
        "deaths_a": side_a.id,
        "deaths_b": side_b.id if side_b else None,
        "deaths_civilians": side_b.id if side_b and civilians else None,
        "deaths_unknown": None,
    }
    figures = []
    for column, subject in subjects.items():
        value = cells.int(column) if cells.get(column) else 0
        if value:
            figures.append(Figure(category="killed", value=value, subject=subject, text=nothing))
    return fatalities, tuple(figures)


def read_ucdp(path: str | Path) -> Iterator[ExtractionResult]:
    """Stream a UCDP GED CSV export as one :class:`ExtractionResult` per row.

    Raises :class:`~conflict_events.errors.RecordError` naming ``file:line`` and the
    column for a malformed row (:func:`validate_ucdp` reports them all at once).
    """
    yield from read_csv_records(path, result_from_ucdp_row)


def validate_ucdp(
    path: str | Path,
    *,
    max_failures: int = MAX_STORED_FAILURES,
    on_failure: Callable[[ValidationFailure], None] | None = None,
) -> ValidationReport:
    """Check every row of a UCDP GED CSV and report every problem; never stops at the first.

    Rules: ``ucdp.missing_column``, ``ucdp.row_shape``, ``ucdp.required``,
    ``ucdp.duplicate_id``, ``ucdp.type_of_violence``, ``ucdp.date``,
    ``ucdp.date_order`` (start after end), ``ucdp.year``, ``ucdp.date_prec``
    (1-5), ``ucdp.where_prec`` (1-7), ``ucdp.coordinates``,
    ``ucdp.country_extent`` (not checked at sea, where_prec 7),
    ``ucdp.deaths`` (non-negative integers), ``ucdp.estimates``
    (low <= best <= high), ``ucdp.deaths_sum`` (the four death columns add up
    to best), ``ucdp.sides`` (one-sided violence has ``Civilians`` as side B;
    state-based has a government as side A), ``encoding``, ``csv_syntax``; a
    row that passes them all must also become a record (``ucdp.schema``).

    Raises :class:`~conflict_events.errors.InputError` only if the file cannot be opened.
    """
    return validate_csv(
        path,
        "ucdp",
        required_columns=REQUIRED_COLUMNS,
        check_row=_check_row,
        to_record=result_from_ucdp_row,
        max_failures=max_failures,
        on_failure=on_failure,
    )


class _RowUnderCheck:
    """One GED row as the validator's checks see it: raw fields, stripped cells, where failures go."""

    __slots__ = ("failures", "fields", "header", "line", "row", "seen")

    def __init__(self, line: int, header: list[str], fields: list[str], failures: RowFailures,
                 seen: dict[str, int]) -> None:
        self.line, self.header, self.fields, self.failures, self.seen = line, header, fields, failures, seen
        self.row = failures.shape(header, fields)

    def get(self, column: str) -> str:
        return (self.row.get(column) or "").strip()

    def fail(self, rule: str, reason: str, column: str | None) -> None:
        self.failures.fail(rule, reason, column)


def _encoding(r: _RowUnderCheck) -> None:
    """``encoding``: a cell holds U+FFFD, the mark of bytes that were not UTF-8."""
    if any("\ufffd" in value for value in r.fields):
        r.fail("encoding", "bytes that are not valid UTF-8 (replaced by U+FFFD)", None)


def _required(r: _RowUnderCheck) -> None:
    """``ucdp.required``: a required column present in the header is empty."""
    for column in REQUIRED_COLUMNS:
        if column in r.header and not r.get(column):
            r.fail("required", "empty", column)


def _duplicate_id(r: _RowUnderCheck) -> None:
    """``ucdp.duplicate_id``: the id was on an earlier row (the first row with it is remembered)."""
    event_id = r.get("id")
    if not event_id:
        return
    if event_id in r.seen:
        r.fail("duplicate_id", f"{event_id!r} already on line {r.seen[event_id]}", "id")
    else:
        r.seen[event_id] = r.line


def _type_of_violence(r: _RowUnderCheck) -> None:
    """``ucdp.type_of_violence``: 1 (state-based), 2 (non-state) or 3 (one-sided)."""
    violence = r.get("type_of_violence")
    if violence and violence not in ("1", "2", "3"):
        r.fail("type_of_violence", f"{violence!r} is not 1, 2 or 3", "type_of_violence")


def _dates(r: _RowUnderCheck) -> None:
    """``ucdp.date`` (a cell that is no date), ``ucdp.date_order`` (start after end), ``ucdp.year``
    (not the start's year)."""
    dates: dict[str, dt.date] = {}
    for column in ("date_start", "date_end"):
        if r.get(column):
            try:
                dates[column] = parse_ucdp_date(r.get(column))
            except ValueError as err:
                r.fail("date", str(err), column)
    start, end = dates.get("date_start"), dates.get("date_end")
    if start is not None and end is not None and start > end:
        r.fail("date_order", f"date_start {start} is after date_end {end}", "date_end")
    year = r.get("year")
    if start is not None and year and year != str(start.year):
        r.fail("year", f"{year!r}, but date_start is in {start.year}", "year")


def _precisions(r: _RowUnderCheck) -> None:
    """``ucdp.date_prec`` (1 to 5) and ``ucdp.where_prec`` (1 to 7)."""
    for column, allowed in (("date_prec", range(1, 6)), ("where_prec", range(1, 8))):
        value = r.get(column)
        if value and not (value.isdigit() and int(value) in allowed):
            r.fail(column, f"{value!r} is not {allowed.start} to {allowed.stop - 1}", column)


def _place(r: _RowUnderCheck) -> None:
    """``ucdp.coordinates`` (not numbers, out of range), then the point against its country's land
    (:func:`~conflict_events.io.acled.check_place`), except at sea."""
    lat = _coordinate(r.get("latitude"), 90.0, "latitude", r.fail)
    lon = _coordinate(r.get("longitude"), 180.0, "longitude", r.fail)
    country = ucdp_country(r.get("country"))
    # At sea (where_prec 7) a point may lie far off the country's coast.
    at_sea = r.get("where_prec") == "7"
    if lat is not None and lon is not None and country and not at_sea:
        check_place(r.failures, country, lat, lon, r.get("country"))


def _deaths(r: _RowUnderCheck) -> None:
    """``ucdp.deaths`` (non-negative integers), ``ucdp.estimates`` (low <= best <= high),
    ``ucdp.deaths_sum`` (the four death columns add up to best)."""
    numbers: dict[str, int] = {}
    for column in (*DEATH_COLUMNS, "best", "high", "low"):
        value = r.get(column)
        if value.isdigit():
            numbers[column] = int(value)
        elif value:
            r.fail("deaths", f"{value!r} is not a non-negative integer", column)
    low, best, high = numbers.get("low"), numbers.get("best"), numbers.get("high")
    if low is not None and best is not None and high is not None and not low <= best <= high:
        r.fail("estimates", f"low {low} <= best {best} <= high {high} does not hold", "best")
    if best is not None and all(c in numbers for c in DEATH_COLUMNS):
        total = sum(numbers[c] for c in DEATH_COLUMNS)
        if total != best:
            r.fail("deaths_sum", f"deaths by side add up to {total}, but best is {best}", "best")


def _sides(r: _RowUnderCheck) -> None:
    """``ucdp.sides``: one-sided violence has ``Civilians`` as side B, state-based a government as side A."""
    violence, side_a, side_b = r.get("type_of_violence"), r.get("side_a"), r.get("side_b")
    if violence == "3" and side_b and side_b.lower() != "civilians":
        r.fail("sides", f"one-sided violence, but side_b is {side_b!r}, not 'Civilians'", "side_b")
    if violence == "1" and side_a and not side_a.startswith("Government of"):
        r.fail("sides", f"state-based conflict, but side_a {side_a!r} is not a government", "side_a")


# The row checks in the order their failures are reported.
_ROW_CHECKS: Final[tuple[Callable[[_RowUnderCheck], None], ...]] = (
    _encoding, _required, _duplicate_id, _type_of_violence, _dates, _precisions, _place, _deaths, _sides,
)  # fmt: skip


def _check_row(
    line: int, header: list[str], fields: list[str], b: ReportBuilder, seen: dict[str, int]
) -> Mapping[str, str] | None:
    failures = RowFailures(line, b, "ucdp")
    row = _RowUnderCheck(line, header, fields, failures, seen)
    for check in _ROW_CHECKS:
        check(row)
    return None if failures.rules else row.row


def _coordinate(
    value: str, bound: float, column: str, fail: Callable[[str, str, str | None], None]
) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        fail("coordinates", f"{value!r} is not a number", column)
        return None
    if not math.isfinite(number) or abs(number) > bound:
        fail("coordinates", f"{value} is outside -{bound:g}..{bound:g}", column)
        return None
    return number
