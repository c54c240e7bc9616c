"""Export extraction results as ACLED CSV, UCDP GED CSV, GeoJSON or Parquet: one call, one format name.

:func:`export_results` streams results to a path (written beside it and moved into place
when done, so a failed export never leaves half a file where a good one was) or an open
text file. CSV cells that a spreadsheet would run as a formula (starting ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, and not a number) are written with a leading
``'`` unless ``neutralise=False``.

>>> import datetime as dt, io
>>> from conflict_events.schema import Document, Event, ExtractionResult, Location, Span, TimeSpan
>>> text = "=HYPERLINK(x) Troops shelled Donetsk Oblast on Sunday."
>>> day = TimeSpan(start=dt.date(2025, 1, 5), end=dt.date(2025, 1, 5), precision="day", anchor=dt.date(2025, 1, 6))
>>> oblast = Location(id="l1", name="Donetsk Oblast", kind="admin1", country="UA", latitude=48.0, longitude=37.8,
...                   geo_precision=1)
>>> event = Event(id="e1", document_id="d1", event_type="Explosions/Remote violence",
...               sub_event_type="Shelling/artillery/missile attack", trigger=Span.of(text, 21, 28),
...               sentence=Span.of(text, 0, len(text)), date=day, location=oblast, confidence=0.9, extractor="x")
>>> result = ExtractionResult(document=Document(id="d1", text=text, date=dt.date(2025, 1, 6)), events=(event,),
...                           locations=(oblast,))
>>> out = io.StringIO()
>>> export_results([result], "acled-csv", out)
1
>>> row = out.getvalue().splitlines()[1]
>>> "'=HYPERLINK(x)" in row, "48.0000,37.8000,3" in row, "Europe" in row
(True, True, True)
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Final, Literal

from ..errors import ConflictEventsError, InputError
from ..lexicons._countries import country_name
from ..schema import Event, ExtractionResult, Location, TimeSpan
from ._csvrows import neutralise_cell, neutralise_row
from ._staged import StagedOutput
from ._world_regions import ucdp_region
from .acled import ACLED_COLUMNS, acled_row, is_complete, iso_numeric
from .geojson import features
from .ucdp import UCDP_COLUMNS

__all__ = [
    "FORMATS",
    "ExportFormat",
    "MissingExportExtraError",
    "export_results",
    "neutralise_cell",
    "ucdp_row",
    "write_ucdp",
]

ExportFormat = Literal["acled-csv", "geojson", "ucdp-csv", "parquet"]
FORMATS: Final[tuple[ExportFormat, ...]] = ("acled-csv", "geojson", "ucdp-csv", "parquet")

# UCDP GED counts organised violence only: these ACLED types map onto its three kinds.
_UCDP_TYPES: Final = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_WHERE_PREC: Final[dict[str, int]] = {"settlement": 1, "feature": 7, "admin2": 3, "admin1": 4, "region": 5,
                                      "country": 6}
_DATE_PREC: Final[dict[str, int]] = {"day": 1, "range": 2, "week": 3, "month": 4, "year": 5}
_STATEISH: Final = frozenset({"state_forces", "government", "external_forces"})


class MissingExportExtraError(ConflictEventsError, ImportError):
    """A format needs an optional dependency that is not installed."""


def _clean_rows(rows: Iterable[Mapping[str, str]], neutralise: bool) -> Iterator[dict[str, str]]:
    for row in rows:
        yield neutralise_row(row) if neutralise else dict(row)


def _violence_type(event: Event) -> int:
    """UCDP's type of violence: 1 state-based, 2 non-state, 3 one-sided."""
    if event.event_type == "Violence against civilians" or (event.actor2 and event.actor2.kind == "civilians"):
        return 3
    sides = [a for a in (event.actor1, event.actor2) if a is not None]
    return 1 if any(a.kind in _STATEISH for a in sides) else 2


def _fatality_bounds(event: Event) -> tuple[int, int, int]:
    fig = event.fatalities
    if fig is None:
        return 0, 0, 0
    best = fig.value if fig.value is not None else fig.low or 0
    return best, fig.low if fig.low is not None else best, fig.high if fig.high is not None else best


def _coords(location: Location | None) -> tuple[str, str]:
    if location is None or location.latitude is None or location.longitude is None:
        return "", ""
    return f"{location.latitude:.4f}", f"{location.longitude:.4f}"


def _date_prec(date: TimeSpan) -> int:
    return _DATE_PREC.get(date.precision, 5)


def ucdp_row(event: Event, result: ExtractionResult) -> dict[str, str]:
    """One event as a UCDP GED row (every column of ``UCDP_COLUMNS``, as strings).

    Conflict, dyad and Gleditsch-Ward ids are UCDP's own registers and stay blank; the
    deaths go to ``deaths_civilians`` for one-sided violence, else to ``deaths_unknown``.
    """
    violence = _violence_type(event)
    best, low, high = _fatality_bounds(event)
    side_a = event.actor1.name if event.actor1 else ""
    side_b = event.actor2.name if event.actor2 else ("Civilians" if violence == 3 else "")
    return {
        "id": event.id,
        "relid": event.id,
        "year": str(event.date.start.year),
        "active_year": "",
        "code_status": "",
        "type_of_violence": str(violence),
        "conflict_name": f"{side_a} - {side_b}" if side_a and side_b else "",
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else "",
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": "1",
        "source_article": event.sentence.text.strip(),
        "source_office": result.document.source or "",
        "source_date": result.document.date.isoformat(),
        "source_headline": result.document.title or "",
        **_ucdp_place(event.location),
        "event_clarity": "1" if event.confidence >= 0.5 else "2",
        "date_prec": str(_date_prec(event.date)),
        "date_start": event.date.start.isoformat(),
        "date_end": event.date.end.isoformat(),
        "deaths_a": "0",
        "deaths_b": "0",
        "deaths_civilians": str(best if violence == 3 else 0),
        "deaths_unknown": str(0 if violence == 3 else best),
        "best": str(best),
        "high": str(high),
        "low": str(low),
    }


def _ucdp_place(location: Location | None) -> dict[str, str]:
    """The UCDP columns of where an event happened (blank without a place)."""
    if location is None:
        return {}
    lat, lon = _coords(location)
    country = location.country
    return {
        "where_prec": str(_WHERE_PREC.get(location.kind, 1)),
        "where_coordinates": location.name,
        "where_description": location.name,
        "adm_1": location.admin1 or "",
        "adm_2": location.admin2 or "",
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat else "",
        "country": (country_name(country) or "") if country else "",
        "country_id": str(iso_numeric(country) or "") if country else "",
        "region": (ucdp_region(country) or "") if country else "",
    }


def write_ucdp(results: Iterable[ExtractionResult], handle: IO[str], *, neutralise: bool = True) -> int:
    """Write the organised-violence events of ``results`` as UCDP GED CSV; returns the row count."""
    rows = (ucdp_row(e, r) for r in results for e in r.events if e.event_type in _UCDP_TYPES)
    return _write_csv(_clean_rows(rows, neutralise), UCDP_COLUMNS, handle)


def _write_csv(rows: Iterable[Mapping[str, str]], columns: tuple[str, ...], handle: IO[str]) -> int:
    writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
        count += 1
    return count


def _acled_rows(results: Iterable[ExtractionResult], complete_only: bool) -> Iterator[dict[str, str]]:
    for result in results:
        for event in result.events:
            if not complete_only or is_complete(event):
                yield acled_row(event, result)


_ACLED_NUMBERS: Final = {"year": "int", "time_precision": "int", "iso": "int", "latitude": "float",
                         "longitude": "float", "geo_precision": "int", "fatalities": "int"}


def _write_parquet(results: Iterable[ExtractionResult], path: Path, complete_only: bool) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise MissingExportExtraError("Parquet needs pyarrow: pip install 'conflict-events[parquet]'",
                                      source="parquet") from err
    types = {"int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(c, types.get(_ACLED_NUMBERS.get(c, ""), pa.string())) for c in ACLED_COLUMNS])

    def typed(column: str, values: list[str]) -> list[Any]:
        kind = _ACLED_NUMBERS.get(column)
        if kind is None:
            return values
        convert = int if kind == "int" else float
        return [convert(v) if v != "" else None for v in values]

    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, str]] = []
        for row in _acled_rows(results, complete_only):
            batch.append(row)
            if len(batch) == 10_000:  # bounded memory: one row group per batch
                writer.write_table(pa.table({c: typed(c, [r[c] for r in batch]) for c in ACLED_COLUMNS},
                                            schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.table({c: typed(c, [r[c] for r in batch]) for c in ACLED_COLUMNS}, schema=schema))
            count += len(batch)
    return count


def _write_text(results: Iterable[ExtractionResult], fmt: ExportFormat, handle: IO[str], *,
                neutralise: bool, complete_only: bool) -> int:
    if fmt == "acled-csv":
        return _write_csv(_clean_rows(_acled_rows(results, complete_only), neutralise), ACLED_COLUMNS, handle)
    if fmt == "ucdp-csv":
        return write_ucdp(results, handle, neutralise=neutralise)
    handle.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for feature in features(results):
        handle.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    handle.write("\n]}\n")
    return count


def export_results(
    results: Iterable[ExtractionResult],
    fmt: ExportFormat,
    target: str | Path | IO[str],
    *,
    neutralise: bool = True,
    complete_only: bool = False,
) -> int:
    """Write the events of ``results`` in ``fmt`` to ``target``; returns how many rows or features.

    ``complete_only`` keeps only events ACLED would record (acled-csv and parquet). Parquet
    (ACLED's columns, typed) needs a path and the ``parquet`` extra.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", source="--to")
    if not isinstance(target, str | Path):
        if fmt == "parquet":
            raise InputError("Parquet is written to a file: give a path", source="parquet")
        return _write_text(results, fmt, target, neutralise=neutralise, complete_only=complete_only)
    staged = StagedOutput(target)
    done = False
    try:
        if fmt == "parquet":
            count = _write_parquet(results, staged.temp, complete_only)
        else:
            with open(staged.temp, "w", encoding="utf-8", newline="") as handle:
                count = _write_text(results, fmt, handle, neutralise=neutralise, complete_only=complete_only)
        done = True
    finally:
        if done:
            staged.finish(succeeded=True)
        else:
            staged.discard()
    return count
